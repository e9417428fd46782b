// concord-test: postgresql-only
// Two desktops pressing Apply in the mapping editor at the same moment
// (issue 8, team mode): the second Apply waits for the first to commit and is
// judged against the set the first left, so two individually valid changes
// can never combine into an invalid set. PostgreSQL only: that is where
// several desktops share a store, and where a waiting editor can be seen
// (pg_locks); SQLite's single writer has no view of who waits.

#include "common/clock.h"
#include "domainprinters.h"
#include "services/admincommands.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/rulesrepository.h"
#include "sync/defaultmappings.h"
#include "teststore.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>

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

QList<FieldMapping> fieldsNamed(Store::Database &db, const QString &name)
{
    QList<FieldMapping> out;
    const auto all = Store::RulesRepository(db).fieldMappings().value_or(QList<FieldMapping>{});
    for (const FieldMapping &m : all) {
        if (m.field == name)
            out << m;
    }
    return out;
}

FieldMapping newField(const QString &name, System source, System target)
{
    FieldMapping m;
    m.field = name;
    m.sourceSystem = source;
    m.targetSystem = target;
    m.authoritativeSystem = source;
    m.transform = u"identity"_s;
    m.sourcePath = u"src."_s + name;
    m.targetPath = u"dst."_s + name;
    return m;
}

} // namespace

class TestConcurrentApply : public QObject
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

    // Each desktop gives 'notes' (no mapping yet) a row with a different
    // system of record. Alone, each Apply is valid; together they would give
    // the field two authorities. Oscar's Apply waits for Olivia's to commit and
    // is then refused against the set she left.
    void secondApplyIsJudgedAfterTheFirstCommits()
    {
        QVERIFY(fieldsNamed(*m_olivia, u"notes"_s).isEmpty());
        const FieldMapping hers = newField(u"notes"_s, System::CalCom, System::HubSpot);
        const FieldMapping his = newField(u"notes"_s, System::HubSpot, System::QuickBooks);

        // Olivia's Apply is open: inside her transaction she holds the editing
        // lock and has written her row, not yet committed.
        Store::Transaction tx(*m_olivia);
        QVERIFY_OK(tx.started());
        Store::RulesRepository rules(*m_olivia, m_clock);
        QVERIFY_OK(rules.lockForEditing());
        FieldMapping stamped = hers;
        stamped.updatedBy = u"olivia"_s;
        QVERIFY_OK(rules.saveFieldMapping(stamped));

        // Oscar applies from his desktop (its own thread and connection).
        std::optional<Result<Services::MappingBatchResult>> outcome;
        std::atomic_bool done = false;
        const QString url = m_url;
        const int run = m_run;
        ManualClock *clock = &m_clock;
        const Actor oscar = m_ownerOscar;
        std::unique_ptr<QThread> desktop(QThread::create([&outcome, &done, url, run, clock, oscar, his] {
            auto db = openStore(url, u"oscar-thread-%1"_s.arg(run));
            if (db)
                outcome = AdminCommands(*db, *clock).applyMappings(oscar, MappingBatch{{his}, {}, {}, {}});
            done = true;
        }));
        desktop->start();

        // He is waiting for her lock (seen in pg_locks), not reading yet.
        QTRY_VERIFY_WITH_TIMEOUT(m_olivia->scalar(u"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                                  "AND NOT granted"_s)
                                         .value_or(0)
                                         .toInt()
                                     == 1,
                                 10000);
        QVERIFY(!done);
        QVERIFY_OK(tx.commit());

        QTRY_VERIFY_WITH_TIMEOUT(done, 15000);
        QVERIFY(desktop->wait(5000));
        QVERIFY(outcome.has_value());
        QVERIFY2(!*outcome, "the second Apply must be judged against the first one's result");
        QCOMPARE(outcome->error().code, ErrorCode::InvalidArgument);
        QVERIFY2(outcome->error().message.contains(u"more than one system of record"_s),
                 qPrintable(outcome->error().message));
        const QList<FieldMapping> stored = fieldsNamed(*m_olivia, u"notes"_s);
        QCOMPARE(stored.size(), 1);
        QCOMPARE_NAMES(stored.constFirst().authoritativeSystem, System::CalCom);
        QCOMPARE(stored.constFirst().updatedBy, u"olivia"_s);
    }
};

QTEST_GUILESS_MAIN(TestConcurrentApply)
#include "tst_concurrentapply.moc"
