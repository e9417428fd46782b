// Duplicate customers inside Concord's own list become reviewable
// candidates with evidence — never merged by the scan itself.

#include "common/clock.h"
#include "domainprinters.h"
#include "security/auditlog.h"
#include "services/duplicatescan.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/identityrepository.h"
#include "store/migrations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;

class TestDuplicateScan : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_run = 0;
    std::unique_ptr<Store::Database> m_db;
    ManualClock m_clock{QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC)};

    QString addCustomer(const QString &given, const QString &family, const QString &email, const QString &phone)
    {
        Store::CustomerRepository repo(*m_db, m_clock);
        Customer c;
        c.givenName = given;
        c.familyName = family;
        c.displayName = given + u' ' + family;
        auto stored = repo.create(c);
        if (!stored)
            qFatal("customer: %s", qPrintable(stored.error().toString()));
        auto contact = [&](ContactKind kind, const QString &value) {
            if (value.isEmpty())
                return;
            ContactPoint p;
            p.customerId = stored->id;
            p.kind = kind;
            p.value = value;
            p.normalized = value.toLower();
            p.isPrimary = true;
            if (!repo.addContact(p))
                qFatal("contact");
        };
        contact(ContactKind::Email, email);
        contact(ContactKind::Phone, phone);
        return stored->id;
    }

    QList<DuplicateCandidate> all()
    {
        Store::IdentityRepository identity(*m_db, m_clock);
        QList<DuplicateCandidate> out;
        for (CandidateState s : {CandidateState::Open, CandidateState::Dismissed})
            out += identity.candidates(s).value_or(QList<DuplicateCandidate>{});
        return out;
    }

    static bool samePair(const DuplicateCandidate &c, const QString &x, const QString &y)
    {
        return (c.customerA == x && c.customerB == y) || (c.customerA == y && c.customerB == x);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto db = Store::Database::open(u"sqlite://"_s + m_dir.filePath(u"scan-%1.sqlite"_s.arg(++m_run)));
        QVERIFY(db);
        m_db = std::move(*db);
        QVERIFY(Store::migrate(*m_db));
    }

    void cleanup() { m_db.reset(); }

    void storesCandidatesWithEvidenceAndNeverMerges()
    {
        const QString dana = addCustomer(u"Dana"_s, u"Whitfield"_s, u"dana.whitfield3@example.com"_s, u"(555) 203-1111"_s);
        const QString danaTwin =
            addCustomer(u"Dana"_s, u"Whitfield"_s, u"DANA.WHITFIELD3@EXAMPLE.COM"_s, u"555.203.1111"_s);
        // Same name, nothing else in common: a name alone never links.
        const QString tom = addCustomer(u"Tom"_s, u"Okafor"_s, u"tom.okafor@example.com"_s, u"(555) 210-4444"_s);
        const QString otherTom = addCustomer(u"Tom"_s, u"Okafor"_s, QString(), QString());
        // Others, so the model has something to learn from.
        const QStringList given = {u"Priya"_s, u"Marcus"_s, u"Elena"_s, u"Kenji"_s, u"Grace"_s, u"Luis"_s,
                                   u"Nora"_s,  u"Owen"_s,   u"Fatima"_s, u"Ben"_s,  u"Chloe"_s, u"Diego"_s};
        const QStringList family = {u"Nakamura"_s, u"Garcia"_s, u"Novak"_s, u"Chen"_s, u"Haddad"_s, u"Moreau"_s};
        for (int i = 0; i < given.size(); ++i)
            addCustomer(given.at(i), family.at(i % family.size()), u"%1.%2@example.com"_s.arg(given.at(i).toLower()).arg(i),
                        u"(555) 3%1-2%2"_s.arg(i, 2, 10, QChar(u'0')).arg(i * 7, 3, 10, QChar(u'0')));

        auto report = Services::scanForDuplicates(*m_db, m_clock);
        QVERIFY_OK(report);
        QCOMPARE(report->customers, 16);
        const QList<DuplicateCandidate> found = all();
        const auto danaPair = std::find_if(found.cbegin(), found.cend(),
                                           [&](const auto &c) { return samePair(c, dana, danaTwin); });
        QVERIFY2(danaPair != found.cend(), "the twin is found");
        QVERIFY2(danaPair->scorePermille >= 999, qPrintable(QString::number(danaPair->scorePermille)));
        const QJsonObject evidence = QJsonDocument::fromJson(danaPair->evidenceJson.toUtf8()).object();
        QVERIFY2(evidence.value(u"identifierAgrees"_s).toBool(), qPrintable(danaPair->evidenceJson));
        QVERIFY(!evidence.value(u"reason"_s).toString().isEmpty());
        QCOMPARE(report->strongCandidates, 1);
        // The Toms share only a name: at most a weak candidate, never strong.
        for (const DuplicateCandidate &c : found) {
            if (samePair(c, tom, otherTom))
                QVERIFY2(c.scorePermille < 999, qPrintable(c.evidenceJson));
        }
        QCOMPARE(report->newCandidates, report->candidates);

        // Nothing was merged: every customer still active.
        Store::CustomerRepository customers(*m_db, m_clock);
        QCOMPARE_NAMES(customers.get(danaTwin)->state, CustomerState::Active);
        // Audited.
        auto recent = Security::AuditLog(*m_db).recent(1);
        QVERIFY_OK(recent);
        QCOMPARE(recent->first().action, u"duplicates.scan"_s);
        QCOMPARE(recent->first().actor, u"system:identity"_s);

        // A person dismisses the pair; the next scan refreshes it but does
        // not reopen it, and adds nothing new.
        QVERIFY_OK(Store::IdentityRepository(*m_db, m_clock).setCandidateState(danaPair->id, CandidateState::Dismissed));
        auto again = Services::scanForDuplicates(*m_db, m_clock);
        QVERIFY_OK(again);
        QCOMPARE(again->candidates, report->candidates);
        QCOMPARE(again->newCandidates, 0);
        QCOMPARE(all().size(), found.size());
        const auto dismissed = Store::IdentityRepository(*m_db, m_clock).candidates(CandidateState::Dismissed);
        QCOMPARE(dismissed->size(), 1);
        QVERIFY(samePair(dismissed->first(), dana, danaTwin));
    }

    void mergedCustomersAreNotScanned()
    {
        const QString a = addCustomer(u"Elena"_s, u"Novak"_s, u"elena@example.com"_s, QString());
        const QString b = addCustomer(u"Elena"_s, u"Novak"_s, u"elena@example.com"_s, QString());
        QVERIFY_OK(Store::CustomerRepository(*m_db, m_clock).markMerged(b, a));
        auto report = Services::scanForDuplicates(*m_db, m_clock);
        QVERIFY_OK(report);
        QCOMPARE(report->customers, 1);
        QCOMPARE(report->candidates, 0);
    }
};

QTEST_GUILESS_MAIN(TestDuplicateScan)
#include "tst_duplicatescan.moc"
