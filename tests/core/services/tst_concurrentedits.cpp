// Two admins at two desktops editing the same mappings and rules (issue 8):
// each desktop has its own connection to one shared store. The second save of
// something the first changed is a clear Conflict naming who changed it —
// never a silent overwrite. Runs on SQLite (two connections to one file) and,
// as _pg, on PostgreSQL. (Two Applies running at once: tst_concurrentapply.)

#include "common/clock.h"
#include "domainprinters.h"
#include "security/auditlog.h"
#include "services/admincommands.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/rulesrepository.h"
#include "sync/defaultmappings.h"
#include "teststore.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Security;
using Concord::Services::AdminCommands;
using Concord::Services::MappingBatch;

namespace {

std::unique_ptr<Store::Database> openStore(const QString &url, const QString &connection)
{
    auto db = Store::Database::open(url, connection);
    if (!db) {
        qWarning("cannot open %s: %s", qPrintable(url), qPrintable(db.error().message));
        return {};
    }
    return std::move(*db);
}

FieldMapping fieldOf(Store::Database &db, const QString &name, System target)
{
    const auto all = Store::RulesRepository(db).fieldMappings().value_or(QList<FieldMapping>{});
    for (const FieldMapping &m : all) {
        if (m.field == name && m.targetSystem == target)
            return m;
    }
    return {};
}

} // namespace

class TestConcurrentEdits : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_run = 0;
    QString m_url;
    // Two desktops: Olivia's and Oscar's, each with its own connection.
    std::unique_ptr<Store::Database> m_olivia;
    std::unique_ptr<Store::Database> m_oscar;
    ManualClock m_clock{QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC)};
    const Actor m_ownerOlivia = Actor::user(u"olivia"_s, Role::Owner);
    const Actor m_ownerOscar = Actor::user(u"oscar"_s, Role::Owner);

    qint64 auditCount() { return AuditLog(*m_olivia).count().value_or(-1); }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_clock.setNow(QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC));
        ++m_run;
        m_url = Test::testStoreUrl(m_dir, u"shared-%1.sqlite"_s.arg(m_run), true);
        m_olivia = openStore(m_url, u"olivia-%1"_s.arg(m_run));
        QVERIFY(m_olivia);
        QVERIFY_OK(Store::migrate(*m_olivia));
        QVERIFY_OK(Sync::installDefaultMappings(*m_olivia, u"system:bootstrap"_s, m_clock));
        m_oscar = openStore(m_url, u"oscar-%1"_s.arg(m_run));
        QVERIFY(m_oscar);
        m_clock.advanceSecs(3600);
    }

    void cleanup()
    {
        m_oscar.reset();
        m_olivia.reset();
    }

    // Both open the phone mapping; Olivia saves first from her desktop; Oscar's
    // save from his, of the version he opened, is refused and says by whom.
    void sameFieldMappingFromTwoDesktops()
    {
        const FieldMapping opened = fieldOf(*m_oscar, u"phone"_s, System::QuickBooks);
        QVERIFY(opened.id != 0);

        FieldMapping hers = fieldOf(*m_olivia, u"phone"_s, System::QuickBooks);
        hers.targetPath = u"Customer.Mobile.FreeFormNumber"_s;
        QVERIFY_OK(AdminCommands(*m_olivia, m_clock).applyMappings(m_ownerOlivia, MappingBatch{{hers}, {}, {}, {}}));
        const qint64 audits = auditCount();

        FieldMapping his = opened;
        his.transform = u"identity"_s;
        his.targetPath = u"Customer.AlternatePhone.FreeFormNumber"_s;
        auto refused = AdminCommands(*m_oscar, m_clock).applyMappings(m_ownerOscar, MappingBatch{{his}, {}, {}, {}});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QVERIFY2(refused.error().message.contains(u"changed by olivia"_s), qPrintable(refused.error().message));
        QVERIFY2(refused.error().message.contains(u"reload"_s), qPrintable(refused.error().message));

        // Olivia's change stands, seen the same from both desktops; nothing of
        // Oscar's was written or audited.
        const FieldMapping stored = fieldOf(*m_oscar, u"phone"_s, System::QuickBooks);
        QCOMPARE(stored.targetPath, u"Customer.Mobile.FreeFormNumber"_s);
        QCOMPARE(stored.version, opened.version + 1);
        QCOMPARE(stored.updatedBy, u"olivia"_s);
        QCOMPARE(fieldOf(*m_olivia, u"phone"_s, System::QuickBooks).targetPath, stored.targetPath);
        QCOMPARE(auditCount(), audits);
    }

    void sameRuleFromTwoDesktops_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("tax rule") << u"tax"_s;
        QTest::newRow("discount rule") << u"discount"_s;
        QTest::newRow("status mapping") << u"status"_s;
    }

    void sameRuleFromTwoDesktops()
    {
        QFETCH(QString, kind);
        AdminCommands olivia(*m_olivia, m_clock);
        AdminCommands oscar(*m_oscar, m_clock);
        const qint64 auditsAtStart = auditCount();
        Error refusal;
        QString stored;
        if (kind == u"tax"_s) {
            TaxRule rule;
            rule.taxCode = u"TAX"_s;
            auto created = olivia.saveTaxRule(m_ownerOlivia, rule);
            QVERIFY_OK(created);
            // Oscar reads it on his desktop, then Olivia changes it.
            const QList<TaxRule> seen = Store::RulesRepository(*m_oscar).taxRules().value();
            QCOMPARE(seen.size(), 1);
            const TaxRule opened = seen.constFirst();
            TaxRule hers = *created;
            hers.taxCode = u"NON"_s;
            QVERIFY_OK(olivia.saveTaxRule(m_ownerOlivia, hers));
            TaxRule his = opened;
            his.priority = 5;
            auto refused = oscar.saveTaxRule(m_ownerOscar, his);
            QVERIFY(!refused);
            refusal = refused.error();
            const QList<TaxRule> after = Store::RulesRepository(*m_oscar).taxRules().value();
            QCOMPARE(after.size(), 1);
            const TaxRule now = after.constFirst();
            stored = u"%1 p%2 v%3 by %4"_s.arg(now.taxCode).arg(now.priority).arg(now.version).arg(now.updatedBy);
            QCOMPARE(stored, u"NON p0 v2 by olivia"_s);
        } else if (kind == u"discount"_s) {
            DiscountRule rule;
            rule.percentBasisPoints = 1000;
            rule.description = u"Sibling discount"_s;
            auto created = olivia.saveDiscountRule(m_ownerOlivia, rule);
            QVERIFY_OK(created);
            const QList<DiscountRule> seen = Store::RulesRepository(*m_oscar).discountRules().value();
            QCOMPARE(seen.size(), 1);
            const DiscountRule opened = seen.constFirst();
            DiscountRule hers = *created;
            hers.percentBasisPoints = 1500;
            QVERIFY_OK(olivia.saveDiscountRule(m_ownerOlivia, hers));
            DiscountRule his = opened;
            his.percentBasisPoints = 500;
            auto refused = oscar.saveDiscountRule(m_ownerOscar, his);
            QVERIFY(!refused);
            refusal = refused.error();
            const QList<DiscountRule> after = Store::RulesRepository(*m_oscar).discountRules().value();
            QCOMPARE(after.size(), 1);
            const DiscountRule now = after.constFirst();
            stored = u"%1 v%2 by %3"_s.arg(now.percentBasisPoints).arg(now.version).arg(now.updatedBy);
            QCOMPARE(stored, u"1500 v2 by olivia"_s);
        } else {
            const auto all = Store::RulesRepository(*m_oscar).statusMappings().value();
            QVERIFY(!all.isEmpty());
            const StatusMapping opened = all.constFirst();
            StatusMapping hers = opened;
            hers.targetValue = u"qualifiedtobuy"_s;
            QVERIFY_OK(olivia.saveStatusMapping(m_ownerOlivia, hers));
            StatusMapping his = opened;
            his.targetValue = u"closedwon"_s;
            auto refused = oscar.saveStatusMapping(m_ownerOscar, his);
            QVERIFY(!refused);
            refusal = refused.error();
            StatusMapping now;
            const QList<StatusMapping> after = Store::RulesRepository(*m_oscar).statusMappings().value();
            for (const StatusMapping &m : after) {
                if (m.id == opened.id)
                    now = m;
            }
            stored = u"%1 v%2 by %3"_s.arg(now.targetValue).arg(now.version).arg(now.updatedBy);
            QCOMPARE(stored, u"qualifiedtobuy v%1 by olivia"_s.arg(opened.version + 1));
        }
        QCOMPARE(refusal.code, ErrorCode::Conflict);
        QVERIFY2(refusal.message.contains(u"olivia"_s) && refusal.message.contains(u"reload"_s),
                 qPrintable(refusal.message));
        // Olivia's saves are audited; Oscar's refused one is not.
        const QList<AuditEntry> entries = AuditLog(*m_olivia).recent(int(auditCount() - auditsAtStart)).value();
        for (const AuditEntry &e : entries)
            QCOMPARE(e.actor, u"olivia"_s);
    }
};

QTEST_GUILESS_MAIN(TestConcurrentEdits)
#include "tst_concurrentedits.moc"
