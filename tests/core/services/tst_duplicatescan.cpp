// Duplicate customers inside Concord's own list become reviewable
// candidates with evidence — never merged by the scan itself. A person's scan
// ("Scan for duplicates") records only new pairs, shows progress, can be
// cancelled (then records nothing) and is permission-checked and audited.

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

#include <atomic>
#include <mutex>

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

    // Two twins (Dana; Ivo), a name-only pair and twelve others: 17 active customers.
    struct Population {
        QString dana, danaTwin, ivo, ivoTwin;
    };
    Population populate()
    {
        Population p;
        p.dana = addCustomer(u"Dana"_s, u"Whitfield"_s, u"dana.whitfield3@example.com"_s, u"(555) 203-1111"_s);
        p.danaTwin = addCustomer(u"Dana"_s, u"Whitfield"_s, u"DANA.WHITFIELD3@EXAMPLE.COM"_s, u"555.203.1111"_s);
        p.ivo = addCustomer(u"Ivo"_s, u"Brandt"_s, u"ivo.brandt@example.com"_s, u"(555) 777-0101"_s);
        p.ivoTwin = addCustomer(u"Ivo"_s, u"Brandt"_s, u"ivo.brandt@example.com"_s, u"(555) 777-0101"_s);
        addCustomer(u"Tom"_s, u"Okafor"_s, u"tom.okafor@example.com"_s, u"(555) 210-4444"_s);
        const QStringList given = {u"Priya"_s, u"Marcus"_s, u"Elena"_s, u"Kenji"_s, u"Grace"_s, u"Luis"_s,
                                   u"Nora"_s,  u"Owen"_s,   u"Fatima"_s, u"Ben"_s,  u"Chloe"_s, u"Diego"_s};
        const QStringList family = {u"Nakamura"_s, u"Garcia"_s, u"Novak"_s, u"Chen"_s, u"Haddad"_s, u"Moreau"_s};
        for (int i = 0; i < given.size(); ++i)
            addCustomer(given.at(i), family.at(i % family.size()), u"%1.%2@example.com"_s.arg(given.at(i).toLower()).arg(i),
                        u"(555) 3%1-2%2"_s.arg(i, 2, 10, QChar(u'0')).arg(i * 7, 3, 10, QChar(u'0')));
        return p;
    }

    qint64 auditCount() { return Security::AuditLog(*m_db).count().value_or(-1); }

    // Every stored candidate, as (a, b, state, score, evidence): the whole table.
    QStringList candidateTable()
    {
        QStringList rows;
        Store::IdentityRepository identity(*m_db, m_clock);
        for (CandidateState s : {CandidateState::Open, CandidateState::Proposed, CandidateState::Dismissed,
                                 CandidateState::Merged}) {
            for (const DuplicateCandidate &c : identity.candidates(s).value_or(QList<DuplicateCandidate>{}))
                rows << u"%1|%2|%3|%4|%5"_s.arg(c.customerA, c.customerB, toString(c.state))
                            .arg(c.scorePermille)
                            .arg(c.evidenceJson);
        }
        rows.sort();
        return rows;
    }

    static Security::Actor mona() { return Security::Actor::user(u"mona"_s, Role::OfficeManager); }

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

    // --- a person's scan ---------------------------------------------------

    void personScanRecordsNewPairsOnceAndAudits()
    {
        const Population p = populate();
        const qint64 auditBefore = auditCount();
        auto report = Services::scanForDuplicates(*m_db, m_clock, mona());
        QVERIFY_OK(report);
        QVERIFY(!report->cancelled);
        QCOMPARE(report->customers, 17);
        QVERIFY2(report->newCandidates >= 2, qPrintable(QString::number(report->newCandidates)));
        QCOMPARE(report->candidates, report->newCandidates);
        const QList<DuplicateCandidate> found = all();
        QCOMPARE(found.size(), report->newCandidates);
        QVERIFY(std::any_of(found.cbegin(), found.cend(), [&](const auto &c) { return samePair(c, p.dana, p.danaTwin); }));
        QVERIFY(std::any_of(found.cbegin(), found.cend(), [&](const auto &c) { return samePair(c, p.ivo, p.ivoTwin); }));
        for (const DuplicateCandidate &c : found)
            QCOMPARE_NAMES(c.state, CandidateState::Open);

        // One audit entry, by the person, with the counts.
        QCOMPARE(auditCount(), auditBefore + 1);
        auto recent = Security::AuditLog(*m_db).recent(1);
        QVERIFY_OK(recent);
        QCOMPARE(recent->first().action, u"duplicates.scan"_s);
        QCOMPARE(recent->first().actor, u"mona"_s);
        const QJsonObject after = QJsonDocument::fromJson(recent->first().afterJson).object();
        QCOMPARE(after.value(u"customers"_s).toInt(), 17);
        QCOMPARE(after.value(u"newCandidates"_s).toInt(), report->newCandidates);

        // A known pair is left exactly as it is (not even its score is
        // refreshed), and a second scan adds nothing.
        QVERIFY_OK(m_db->exec(u"UPDATE duplicate_candidates SET score_permille = 1"_s));
        const QStringList before = candidateTable();
        auto again = Services::scanForDuplicates(*m_db, m_clock, mona());
        QVERIFY_OK(again);
        QCOMPARE(again->customers, 17);
        QCOMPARE(again->newCandidates, 0);
        QCOMPARE(again->candidates, 0);
        QCOMPARE(candidateTable(), before);
        QCOMPARE(auditCount(), auditBefore + 2); // the second run is on record too
    }

    void rejectedPairIsNotProposedAgain_data()
    {
        QTest::addColumn<CandidateState>("decided");
        QTest::newRow("dismissed") << CandidateState::Dismissed;
        QTest::newRow("proposed") << CandidateState::Proposed;
        QTest::newRow("merged") << CandidateState::Merged;
    }

    void rejectedPairIsNotProposedAgain()
    {
        QFETCH(CandidateState, decided);
        const Population p = populate();
        QVERIFY_OK(Services::scanForDuplicates(*m_db, m_clock, mona()));
        const QList<DuplicateCandidate> found = all();
        const auto dana = std::find_if(found.cbegin(), found.cend(),
                                       [&](const auto &c) { return samePair(c, p.dana, p.danaTwin); });
        QVERIFY(dana != found.cend());
        QVERIFY_OK(Store::IdentityRepository(*m_db, m_clock).setCandidateState(dana->id, decided));
        const QStringList before = candidateTable();

        auto again = Services::scanForDuplicates(*m_db, m_clock, mona());
        QVERIFY_OK(again);
        QCOMPARE(again->newCandidates, 0);
        QCOMPARE(candidateTable(), before);
        const auto open = Store::IdentityRepository(*m_db, m_clock).candidates(CandidateState::Open);
        QVERIFY_OK(open);
        QVERIFY(std::none_of(open->cbegin(), open->cend(), [&](const auto &c) { return samePair(c, p.dana, p.danaTwin); }));
    }

    void cancelRecordsNothing_data()
    {
        QTest::addColumn<int>("atStage"); // -1: before it starts
        QTest::newRow("before it starts") << -1;
        QTest::newRow("reading") << int(Services::DuplicateScanStage::Reading);
        QTest::newRow("preparing") << int(Services::DuplicateScanStage::Preparing);
        QTest::newRow("scoring") << int(Services::DuplicateScanStage::Scoring);
        // Set as recording begins: the pairs are written, then rolled back.
        QTest::newRow("recording") << int(Services::DuplicateScanStage::Recording);
    }

    void cancelRecordsNothing()
    {
        QFETCH(int, atStage);
        populate();
        const qint64 auditBefore = auditCount();
        std::atomic<bool> cancel{atStage < 0};
        Services::DuplicateScanControl control;
        control.cancel = &cancel;
        control.progress = [&cancel, atStage](const Services::DuplicateScanProgress &progress) {
            if (int(progress.stage) == atStage)
                cancel = true;
        };
        auto report = Services::scanForDuplicates(*m_db, m_clock, mona(), control);
        QVERIFY_OK(report);
        QVERIFY(report->cancelled);
        QCOMPARE(all().size(), 0);
        QCOMPARE(auditCount(), auditBefore);

        // The same scan, not cancelled, records.
        auto whole = Services::scanForDuplicates(*m_db, m_clock, mona());
        QVERIFY_OK(whole);
        QVERIFY(!whole->cancelled);
        QVERIFY(whole->newCandidates >= 2);
    }

    void progressMovesForwardToTheEnd()
    {
        populate();
        std::mutex lock;
        QList<Services::DuplicateScanProgress> seen;
        Services::DuplicateScanControl control;
        control.progress = [&](const Services::DuplicateScanProgress &progress) {
            const std::lock_guard guard(lock);
            seen.append(progress);
        };
        QVERIFY_OK(Services::scanForDuplicates(*m_db, m_clock, mona(), control));
        QVERIFY(seen.size() >= 4);
        QCOMPARE(seen.first().stage, Services::DuplicateScanStage::Reading);
        QCOMPARE(seen.last().stage, Services::DuplicateScanStage::Recording);
        QCOMPARE(seen.last().fraction, 1.0);
        QCOMPARE(seen.last().customers, 17);
        for (qsizetype i = 1; i < seen.size(); ++i) {
            QVERIFY2(seen.at(i).fraction >= seen.at(i - 1).fraction, qPrintable(QString::number(i)));
            QVERIFY(int(seen.at(i).stage) >= int(seen.at(i - 1).stage));
        }
    }

    void permission_data()
    {
        QTest::addColumn<Role>("role");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("owner") << Role::Owner << true;
        QTest::newRow("office manager") << Role::OfficeManager << true;
        QTest::newRow("bookkeeper") << Role::Bookkeeper << false;
        QTest::newRow("viewer") << Role::Viewer << false;
    }

    void permission()
    {
        QFETCH(Role, role);
        QFETCH(bool, allowed);
        populate();
        const qint64 auditBefore = auditCount();
        bool progressed = false;
        Services::DuplicateScanControl control;
        control.progress = [&progressed](const Services::DuplicateScanProgress &) { progressed = true; };
        auto report = Services::scanForDuplicates(*m_db, m_clock, Security::Actor::user(u"pat"_s, role), control);
        if (allowed) {
            QVERIFY_OK(report);
            QCOMPARE(auditCount(), auditBefore + 1);
            return;
        }
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::PermissionDenied);
        QVERIFY2(report.error().message.contains(u"propose merges"_s), qPrintable(report.error().message));
        QVERIFY(!progressed); // refused before anything was read
        QCOMPARE(all().size(), 0);
        QCOMPARE(auditCount(), auditBefore);
    }
};

QTEST_GUILESS_MAIN(TestDuplicateScan)
#include "tst_duplicatescan.moc"
