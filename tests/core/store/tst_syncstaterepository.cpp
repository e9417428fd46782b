// SyncStateRepository (core/store/syncstaterepository.h): remote references,
// the echo ledger and flags for a person.

#include "storetestsupport.h"

#include "common/clock.h"
#include "domain/operations.h"
#include "domain/system.h"
#include "store/database.h"
#include "store/syncstaterepository.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Store;
using namespace Concord::StoreTest;

class TestSyncStateRepository : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietStoreLog(); }
    void init();
    void cleanup();

    void refsUpsertAndLookBothWays();
    void refsRefuseIncompleteKeys();
    void echoesAreRecognisedAndPruned();
    void flagsRaiseResolveAndReopen();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SyncStateRepository> m_repo;
};

void TestSyncStateRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = openMigrated(*m_dir);
    STORE_VERIFY_OK(db);
    m_db = std::move(*db);
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
    m_repo = std::make_unique<SyncStateRepository>(*m_db, *m_clock);
}

void TestSyncStateRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
    m_dir.reset();
}

void TestSyncStateRepository::refsUpsertAndLookBothWays()
{
    RemoteRef deal{u"appointment"_s, u"12"_s, System::HubSpot, u"deal"_s, u"9001"_s, u"v1"_s, {}};
    STORE_VERIFY_OK(m_repo->setRef(deal));
    auto none = m_repo->ref(u"appointment"_s, u"12"_s, System::HubSpot, u"task/overdue"_s);
    STORE_VERIFY_OK(none);
    QVERIFY(!none->has_value());

    m_clock->advanceSecs(5);
    deal.remoteId = u"9002"_s; // HubSpot merged the deal: the reference follows
    deal.version = u"v2"_s;
    STORE_VERIFY_OK(m_repo->setRef(deal));
    auto got = m_repo->ref(u"appointment"_s, u"12"_s, System::HubSpot, u"deal"_s);
    STORE_VERIFY_OK(got);
    QVERIFY(got->has_value());
    QCOMPARE((*got)->remoteId, u"9002"_s);
    QCOMPARE((*got)->version, u"v2"_s);
    QCOMPARE((*got)->updatedAt, m_clock->nowUtc());

    auto back = m_repo->refByRemote(System::HubSpot, u"deal"_s, u"9002"_s);
    STORE_VERIFY_OK(back);
    QVERIFY(back->has_value());
    QCOMPARE((*back)->entityId, u"12"_s);
    auto old = m_repo->refByRemote(System::HubSpot, u"deal"_s, u"9001"_s);
    STORE_VERIFY_OK(old);
    QVERIFY(!old->has_value());

    STORE_VERIFY_OK(m_repo->setRef({u"appointment"_s, u"12"_s, System::HubSpot, u"task/no_show"_s, u"77"_s, {}, {}}));
    auto all = m_repo->refsFor(u"appointment"_s, u"12"_s);
    STORE_VERIFY_OK(all);
    QCOMPARE(all->size(), 2);
    STORE_VERIFY_OK(m_repo->removeRef(u"appointment"_s, u"12"_s, System::HubSpot, u"deal"_s));
    all = m_repo->refsFor(u"appointment"_s, u"12"_s);
    STORE_VERIFY_OK(all);
    QCOMPARE(all->size(), 1);
    QCOMPARE(all->first().kind, u"task/no_show"_s);
}

void TestSyncStateRepository::refsRefuseIncompleteKeys()
{
    auto bad = m_repo->setRef({u"appointment"_s, u"12"_s, System::HubSpot, u"deal"_s, QString(), {}, {}});
    QCOMPARE(codeOf(bad), u"invalid-argument"_s);
    bad = m_repo->setRef({u"appointment"_s, QString(), System::HubSpot, u"deal"_s, u"1"_s, {}, {}});
    QCOMPARE(codeOf(bad), u"invalid-argument"_s);
}

void TestSyncStateRepository::echoesAreRecognisedAndPruned()
{
    STORE_VERIFY_OK(m_repo->recordEcho(System::QuickBooks, u"Invoice"_s, u"130"_s, u"2"_s));
    STORE_VERIFY_OK(m_repo->recordEcho(System::QuickBooks, u"Invoice"_s, u"130"_s, u"2"_s)); // twice: harmless
    auto yes = m_repo->isEcho(System::QuickBooks, u"Invoice"_s, u"130"_s, u"2"_s);
    STORE_VERIFY_OK(yes);
    QVERIFY(*yes);
    // Another version of the same record is a real change (someone edited it after us).
    auto no = m_repo->isEcho(System::QuickBooks, u"Invoice"_s, u"130"_s, u"3"_s);
    STORE_VERIFY_OK(no);
    QVERIFY(!*no);
    no = m_repo->isEcho(System::HubSpot, u"Invoice"_s, u"130"_s, u"2"_s);
    STORE_VERIFY_OK(no);
    QVERIFY(!*no);

    m_clock->advanceSecs(7200);
    STORE_VERIFY_OK(m_repo->recordEcho(System::CalCom, u"booking"_s, u"uid-1"_s, u"2026-03-02T11:00:00Z"_s));
    auto pruned = m_repo->pruneEchoes(m_clock->nowUtc().addSecs(-3600));
    STORE_VERIFY_OK(pruned);
    QCOMPARE(*pruned, 1);
    yes = m_repo->isEcho(System::CalCom, u"booking"_s, u"uid-1"_s, u"2026-03-02T11:00:00Z"_s);
    STORE_VERIFY_OK(yes);
    QVERIFY(*yes);
}

void TestSyncStateRepository::flagsRaiseResolveAndReopen()
{
    SyncFlag f;
    f.kind = u"double_booking"_s;
    f.subject = u"appointment/3+appointment/4"_s;
    f.system = u"calcom"_s;
    f.message = u"Rachel Kim has two sessions at 15:00"_s;
    f.detailJson = R"({"staff":"rachel@example.com"})";
    auto id = m_repo->raiseFlag(f);
    STORE_VERIFY_OK(id);
    auto again = m_repo->raiseFlag(f);
    STORE_VERIFY_OK(again);
    QCOMPARE(*again, *id);
    auto open = m_repo->openFlags(u"double_booking"_s);
    STORE_VERIFY_OK(open);
    QCOMPARE(open->size(), 1);
    QCOMPARE(open->first().message, f.message);
    QCOMPARE(open->first().detailJson, f.detailJson);

    STORE_VERIFY_OK(m_repo->resolveFlag(f.kind, f.subject, u"olga"_s));
    open = m_repo->openFlags();
    STORE_VERIFY_OK(open);
    QVERIFY(open->isEmpty());
    auto resolved = m_repo->flag(f.kind, f.subject);
    STORE_VERIFY_OK(resolved);
    QVERIFY(resolved->has_value());
    QCOMPARE((*resolved)->resolvedBy, u"olga"_s);
    QVERIFY((*resolved)->resolvedAt.isValid());

    f.message = u"Rachel Kim still has two sessions at 15:00"_s;
    STORE_VERIFY_OK(m_repo->raiseFlag(f));
    open = m_repo->openFlags();
    STORE_VERIFY_OK(open);
    QCOMPARE(open->size(), 1);
    QCOMPARE(open->first().message, f.message);
    QVERIFY(!open->first().resolvedAt.isValid());

    auto bad = m_repo->raiseFlag(SyncFlag{});
    QCOMPARE(codeOf(bad), u"invalid-argument"_s);
}

QTEST_GUILESS_MAIN(TestSyncStateRepository)
#include "tst_syncstaterepository.moc"
