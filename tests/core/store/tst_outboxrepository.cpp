// OutboxRepository (core/store/outboxrepository.h): idempotent enqueue, due
// claims under a lease (time moved with ManualClock, never slept), failures
// with and without a retry time, and the admin actions' state rules. Several
// workers (issue 8): a worker whose lease ran out cannot record over the new
// owner, the heartbeat keeps a slow worker's jobs, one record is delivered by
// one worker at a time.

#include "storetestsupport.h"

#include "common/clock.h"
#include "common/error.h"
#include "domain/operations.h"
#include "store/database.h"
#include "store/outboxrepository.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Store;
using namespace Concord::StoreTest;

namespace {

OutboxJob makeJob(const QString &key, System system = System::QuickBooks)
{
    OutboxJob j;
    j.targetSystem = system;
    j.operation = u"invoice.create"_s;
    j.entityType = u"invoice"_s;
    j.entityId = u"42"_s;
    j.payloadJson = R"({"amount":"65.00","currency":"USD"})";
    j.idempotencyKey = key;
    j.sourceChangedAt = utc(u"2025-01-15T09:29:58.000Z"_s);
    return j;
}

// What enqueue() stores for `job` at `now`.
OutboxJob asEnqueued(OutboxJob job, qint64 id, const QDateTime &now)
{
    job.id = id;
    job.state = JobState::Pending;
    job.attempts = 0;
    if (!job.nextAttemptAt.isValid())
        job.nextAttemptAt = now;
    if (job.payloadJson.isEmpty())
        job.payloadJson = "{}";
    job.createdAt = now;
    job.updatedAt = now;
    return job;
}

// What claimDue() makes of a job.
OutboxJob asClaimed(OutboxJob job, const QString &worker, const QDateTime &now, int leaseSecs)
{
    job.state = JobState::InFlight;
    job.claimedBy = worker;
    job.leaseUntil = now.addSecs(leaseSecs);
    job.attempts += 1;
    job.updatedAt = now;
    return job;
}

QString name(ClaimOutcome o)
{
    return o == ClaimOutcome::Recorded ? u"recorded"_s : u"lost"_s;
}

Error fullError()
{
    Error e = Error::make(ErrorCode::Conflict, u"QuickBooks rejected a stale SyncToken"_s,
                          u"Stale Object Error: You and root were working on this at the same time."_s);
    e.httpStatus = 400;
    e.requestId = u"qb-req-7781"_s;
    return e;
}

} // namespace

class TestOutboxRepository : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietStoreLog(); }
    void init();
    void cleanup();

    void enqueueStoresWholeJob_data();
    void enqueueStoresWholeJob();
    void enqueueIsIdempotent();
    void enqueueWithOnlyRequiredFields();
    void enqueueRefusals_data();
    void enqueueRefusals();

    void claimDueRespectsNextAttemptAtAndLeases();
    void claimDueHonoursMax();
    void leaseExpiresStrictlyAfterLeaseUntil();
    void claimDueRefusals_data();
    void claimDueRefusals();

    void staleOwnerCannotRecord_data();
    void staleOwnerCannotRecord();
    void laterClaimOfTheSameWorkerWins();
    void claimOfMissingJobIsNotFound();
    void heartbeatExtendsOnlyOwnLeases();
    void renewLeasesRefusals();
    void oneDeliveryPerRecordAcrossWorkers();

    void markSucceeded();
    void markFailed_data();
    void markFailed();
    void retriedJobIsDueExactlyAtRetryTime();
    void markFailedWithBareError();

    void stateRules_data();
    void stateRules();
    void actionsOnMissingJobAreNotFound_data();
    void actionsOnMissingJobAreNotFound();

    void listFilters_data();
    void listFilters();
    void counts();

private:
    // A job brought into `state` through the public API (fails the test on error).
    OutboxJob jobIn(JobState state, const QString &key);
    OutboxJob stored(qint64 id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<OutboxRepository> m_repo;
};

void TestOutboxRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = openMigrated(*m_dir);
    STORE_VERIFY_OK(db);
    m_db = std::move(*db);
    m_clock = std::make_unique<ManualClock>(fixedStart());
    m_repo = std::make_unique<OutboxRepository>(*m_db, *m_clock);
}

void TestOutboxRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
    m_clock.reset();
    m_dir.reset();
}

OutboxJob TestOutboxRepository::stored(qint64 id)
{
    auto job = m_repo->get(id);
    if (!job) {
        QTest::qFail(outcome(job).constData(), __FILE__, __LINE__);
        return {};
    }
    return *job;
}

OutboxJob TestOutboxRepository::jobIn(JobState state, const QString &key)
{
    auto id = m_repo->enqueue(makeJob(key));
    if (!id) {
        QTest::qFail(outcome(id).constData(), __FILE__, __LINE__);
        return {};
    }
    Status ok;
    if (state != JobState::Pending && state != JobState::Dismissed) {
        auto claimed = m_repo->claimDue(u"worker-1"_s, 1, 60);
        if (!claimed || claimed->size() != 1 || claimed->first().id != *id) {
            QTest::qFail("could not claim the job", __FILE__, __LINE__);
            return {};
        }
    }
    if (state == JobState::Succeeded)
        ok = m_repo->markSucceeded(*id, u"req-1"_s);
    else if (state == JobState::Failed)
        ok = m_repo->markFailed(*id, fullError(), QDateTime());
    else if (state == JobState::Dismissed)
        ok = m_repo->dismiss(*id);
    if (!ok) {
        QTest::qFail(outcome(ok).constData(), __FILE__, __LINE__);
        return {};
    }
    return stored(*id);
}

// ---------------------------------------------------------------------------
// Enqueue

void TestOutboxRepository::enqueueStoresWholeJob_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QDateTime>("nextAttemptAt");

    QTest::newRow("due now") << QByteArray(R"({"amount":"65.00"})") << QDateTime();
    QTest::newRow("due later") << QByteArray(R"({"amount":"65.00"})") << fixedStart().addSecs(600);
    QTest::newRow("no payload") << QByteArray() << QDateTime();
    QTest::newRow("unicode payload") << QString(u"{\"name\":\"Zoë Ångström — 東京\"}"_s).toUtf8() << QDateTime();
}

void TestOutboxRepository::enqueueStoresWholeJob()
{
    QFETCH(QByteArray, payload);
    QFETCH(QDateTime, nextAttemptAt);
    OutboxJob input = makeJob(u"qb-invoice-42-create"_s, System::HubSpot);
    input.payloadJson = payload;
    input.nextAttemptAt = nextAttemptAt;
    // Fields the outbox owns are ignored on enqueue.
    input.state = JobState::Failed;
    input.attempts = 7;

    auto id = m_repo->enqueue(input);
    STORE_VERIFY_OK(id);
    input.state = JobState::Pending;
    const OutboxJob expected = asEnqueued(input, *id, fixedStart());
    auto read = m_repo->get(*id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));
    auto byKey = m_repo->byIdempotencyKey(u"qb-invoice-42-create"_s);
    STORE_VERIFY_OK(byKey);
    QCOMPARE(dump(*byKey), dump(expected));
}

void TestOutboxRepository::enqueueIsIdempotent()
{
    auto id = m_repo->enqueue(makeJob(u"key-1"_s));
    STORE_VERIFY_OK(id);
    const OutboxJob original = stored(*id);
    const QStringList before = snapshot(*m_db);

    // The replayed event, later and with different content.
    m_clock->advanceSecs(3600);
    OutboxJob replay = makeJob(u"key-1"_s, System::CalCom);
    replay.operation = u"booking.cancel"_s;
    replay.payloadJson = R"({"different":true})";
    auto again = m_repo->enqueue(replay);
    STORE_VERIFY_OK(again);
    QCOMPARE(*again, *id);
    QCOMPARE(snapshot(*m_db), before);
    QCOMPARE(dump(stored(*id)), dump(original));

    // Also once the first one has been delivered.
    auto claimed = m_repo->claimDue(u"w"_s, 10, 60);
    STORE_VERIFY_OK(claimed);
    auto ok = m_repo->markSucceeded(*id, u"r"_s);
    STORE_VERIFY_OK(ok);
    const QStringList delivered = snapshot(*m_db);
    again = m_repo->enqueue(replay);
    STORE_VERIFY_OK(again);
    QCOMPARE(*again, *id);
    QCOMPARE(snapshot(*m_db), delivered);
}

void TestOutboxRepository::enqueueWithOnlyRequiredFields()
{
    OutboxJob input;
    input.operation = u"customer.create"_s;
    input.idempotencyKey = u"k-min"_s;
    auto id = m_repo->enqueue(input);
    STORE_VERIFY_OK(id);
    auto read = m_repo->get(*id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(asEnqueued(input, *id, fixedStart())));
}

void TestOutboxRepository::enqueueRefusals_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("operation");

    QTest::newRow("no idempotency key") << u""_s << u"invoice.create"_s;
    QTest::newRow("no operation") << u"k"_s << u""_s;
}

void TestOutboxRepository::enqueueRefusals()
{
    QFETCH(QString, key);
    QFETCH(QString, operation);
    const QStringList before = snapshot(*m_db);
    OutboxJob job = makeJob(key);
    job.operation = operation;
    auto refused = m_repo->enqueue(job);
    STORE_VERIFY_ERROR(refused, ErrorCode::InvalidArgument);
    QCOMPARE(snapshot(*m_db), before);
}

// ---------------------------------------------------------------------------
// Claims and leases

void TestOutboxRepository::claimDueRespectsNextAttemptAtAndLeases()
{
    const QDateTime t0 = fixedStart();
    QList<OutboxJob> jobs;
    const QList<qint64> dueIn = {0, 60, -10, 0}; // seconds from t0
    for (int i = 0; i < dueIn.size(); ++i) {
        OutboxJob j = makeJob(u"k%1"_s.arg(i));
        j.entityId = QString::number(100 + i); // four records: the one-delivery-per-record rule stays out of it
        j.nextAttemptAt = t0.addSecs(dueIn.at(i));
        auto id = m_repo->enqueue(j);
        STORE_VERIFY_OK(id);
        jobs << stored(*id);
    }

    // At t0: the overdue one first, then the due ones by id; not the future one.
    auto claimed = m_repo->claimDue(u"worker-a"_s, 10, 300);
    STORE_VERIFY_OK(claimed);
    QList<OutboxJob> expected = {asClaimed(jobs.at(2), u"worker-a"_s, t0, 300),
                                 asClaimed(jobs.at(0), u"worker-a"_s, t0, 300),
                                 asClaimed(jobs.at(3), u"worker-a"_s, t0, 300)};
    QCOMPARE(dumpAll(*claimed), dumpAll(expected));
    QCOMPARE(dump(stored(jobs.at(1).id)), dump(jobs.at(1))); // untouched
    for (const OutboxJob &j : std::as_const(expected))
        QCOMPARE(dump(stored(j.id)), dump(j));

    // Nothing else is due yet.
    m_clock->advanceSecs(59);
    claimed = m_repo->claimDue(u"worker-b"_s, 10, 300);
    STORE_VERIFY_OK(claimed);
    QCOMPARE(dumpAll(*claimed), QStringList());

    // At t0+60 the future job is due; the leased ones are still leased.
    m_clock->advanceSecs(1);
    claimed = m_repo->claimDue(u"worker-b"_s, 10, 300);
    STORE_VERIFY_OK(claimed);
    const OutboxJob fourth = asClaimed(jobs.at(1), u"worker-b"_s, t0.addSecs(60), 300);
    QCOMPARE(dumpAll(*claimed), QStringList{dump(fourth)});

    // After worker-a's lease ran out (t0+300), its jobs go to another worker.
    m_clock->setNow(t0.addSecs(301));
    claimed = m_repo->claimDue(u"worker-c"_s, 10, 30);
    STORE_VERIFY_OK(claimed);
    QList<OutboxJob> reclaimed;
    for (const OutboxJob &j : std::as_const(expected))
        reclaimed << asClaimed(j, u"worker-c"_s, t0.addSecs(301), 30);
    QCOMPARE(dumpAll(*claimed), dumpAll(reclaimed));
    QCOMPARE(dump(stored(fourth.id)), dump(fourth)); // worker-b's lease runs to t0+360
}

void TestOutboxRepository::claimDueHonoursMax()
{
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i) {
        auto id = m_repo->enqueue(makeJob(u"k%1"_s.arg(i)));
        STORE_VERIFY_OK(id);
        ids << *id;
    }
    QList<qint64> seen;
    for (const int expectedCount : {2, 2, 1, 0}) {
        auto claimed = m_repo->claimDue(u"w"_s, 2, 60);
        STORE_VERIFY_OK(claimed);
        QCOMPARE(claimed->size(), expectedCount);
        for (const OutboxJob &j : std::as_const(*claimed))
            seen << j.id;
    }
    QCOMPARE(seen, ids); // each exactly once, oldest first
}

void TestOutboxRepository::leaseExpiresStrictlyAfterLeaseUntil()
{
    auto id = m_repo->enqueue(makeJob(u"k"_s));
    STORE_VERIFY_OK(id);
    auto first = m_repo->claimDue(u"worker-a"_s, 1, 30);
    STORE_VERIFY_OK(first);
    QCOMPARE(first->size(), 1);
    const OutboxJob leased = first->first();
    const QStringList before = snapshot(*m_db);

    // At exactly leaseUntil the lease still holds.
    m_clock->advanceSecs(30);
    auto none = m_repo->claimDue(u"worker-b"_s, 1, 30);
    STORE_VERIFY_OK(none);
    QCOMPARE(dumpAll(*none), QStringList());
    QCOMPARE(snapshot(*m_db), before);

    m_clock->advanceSecs(1);
    auto taken = m_repo->claimDue(u"worker-b"_s, 1, 30);
    STORE_VERIFY_OK(taken);
    QCOMPARE(dumpAll(*taken), QStringList{dump(asClaimed(leased, u"worker-b"_s, fixedStart().addSecs(31), 30))});
    QCOMPARE(taken->first().attempts, 2);
}

void TestOutboxRepository::staleOwnerCannotRecord_data()
{
    QTest::addColumn<QString>("action"); // what the worker whose lease ran out tries to record

    QTest::newRow("succeeded") << u"succeeded"_s;
    QTest::newRow("failed for good") << u"failed"_s;
    QTest::newRow("failed, retry later") << u"retry"_s;
    QTest::newRow("deferred") << u"deferred"_s;
}

void TestOutboxRepository::staleOwnerCannotRecord()
{
    QFETCH(QString, action);
    auto id = m_repo->enqueue(makeJob(u"k"_s));
    STORE_VERIFY_OK(id);
    auto first = m_repo->claimDue(u"worker-a"_s, 1, 30);
    STORE_VERIFY_OK(first);
    QCOMPARE(first->size(), 1);
    const Claim stale = Claim::of(first->first());
    QCOMPARE(stale.id, *id);
    QCOMPARE(stale.worker, u"worker-a"_s);
    QCOMPARE(stale.attempt, 1);

    // worker-a went quiet past its lease; worker-b took the job.
    m_clock->advanceSecs(31);
    auto taken = m_repo->claimDue(u"worker-b"_s, 1, 30);
    STORE_VERIFY_OK(taken);
    QCOMPARE(taken->size(), 1);
    const OutboxJob owned = taken->first();
    QCOMPARE(dump(stored(*id)), dump(owned));

    auto record = [&](const Claim &claim) -> Result<ClaimOutcome> {
        if (action == u"succeeded")
            return m_repo->markSucceeded(claim, u"req-a"_s);
        if (action == u"failed")
            return m_repo->markFailed(claim, fullError(), QDateTime());
        if (action == u"retry")
            return m_repo->markFailed(claim, fullError(), m_clock->nowUtc().addSecs(60));
        return m_repo->defer(claim, m_clock->nowUtc().addSecs(5), u"waiting"_s);
    };
    const QStringList before = snapshot(*m_db);
    auto late = record(stale);
    STORE_VERIFY_OK(late);
    QCOMPARE(name(*late), u"lost"_s);
    QCOMPARE(snapshot(*m_db), before); // nothing of worker-a's result was applied

    // The new owner's result is recorded, and stays after worker-a's.
    auto mine = m_repo->markSucceeded(Claim::of(owned), u"req-b"_s);
    STORE_VERIFY_OK(mine);
    QCOMPARE(name(*mine), u"recorded"_s);
    OutboxJob done = owned;
    done.state = JobState::Succeeded;
    done.lastRequestId = u"req-b"_s;
    done.claimedBy.clear();
    done.leaseUntil = QDateTime();
    QCOMPARE(dump(stored(*id)), dump(done));
    auto evenLater = record(stale);
    STORE_VERIFY_OK(evenLater);
    QCOMPARE(name(*evenLater), u"lost"_s);
    QCOMPARE(dump(stored(*id)), dump(done));
}

void TestOutboxRepository::laterClaimOfTheSameWorkerWins()
{
    // A worker stalled past its lease and claimed the job again: the first
    // attempt's late result belongs to an older claim and is not recorded.
    auto id = m_repo->enqueue(makeJob(u"k"_s));
    STORE_VERIFY_OK(id);
    auto first = m_repo->claimDue(u"worker-a"_s, 1, 30);
    STORE_VERIFY_OK(first);
    QCOMPARE(first->size(), 1);
    m_clock->advanceSecs(31);
    auto second = m_repo->claimDue(u"worker-a"_s, 1, 30);
    STORE_VERIFY_OK(second);
    QCOMPARE(second->size(), 1);
    QCOMPARE(second->first().attempts, 2);

    auto old = m_repo->markFailed(Claim::of(first->first()), fullError(), QDateTime());
    STORE_VERIFY_OK(old);
    QCOMPARE(name(*old), u"lost"_s);
    QCOMPARE(toString(stored(*id).state), toString(JobState::InFlight));
    auto current = m_repo->markSucceeded(Claim::of(second->first()), u"req-2"_s);
    STORE_VERIFY_OK(current);
    QCOMPARE(name(*current), u"recorded"_s);
    QCOMPARE(toString(stored(*id).state), toString(JobState::Succeeded));
    QCOMPARE(stored(*id).lastRequestId, u"req-2"_s);
}

void TestOutboxRepository::claimOfMissingJobIsNotFound()
{
    const Claim ghost{4242, u"worker-a"_s, 1};
    STORE_VERIFY_ERROR(m_repo->markSucceeded(ghost, u"r"_s), ErrorCode::NotFound);
    STORE_VERIFY_ERROR(m_repo->markFailed(ghost, fullError(), QDateTime()), ErrorCode::NotFound);
    STORE_VERIFY_ERROR(m_repo->defer(ghost, fixedStart(), u"w"_s), ErrorCode::NotFound);
}

void TestOutboxRepository::heartbeatExtendsOnlyOwnLeases()
{
    const QDateTime t0 = fixedStart();
    OutboxJob a = makeJob(u"a"_s);
    a.entityId = u"1"_s;
    OutboxJob b = makeJob(u"b"_s);
    b.entityId = u"2"_s;
    auto idA = m_repo->enqueue(a);
    auto idB = m_repo->enqueue(b);
    STORE_VERIFY_OK(idA);
    STORE_VERIFY_OK(idB);
    auto claimedA = m_repo->claimDue(u"worker-a"_s, 1, 30);
    auto claimedB = m_repo->claimDue(u"worker-b"_s, 1, 30);
    STORE_VERIFY_OK(claimedA);
    STORE_VERIFY_OK(claimedB);
    QCOMPARE(claimedA->size(), 1);
    QCOMPARE(claimedB->size(), 1);

    // worker-a's delivery is slow but alive: its heartbeat at t0+20 (more
    // often than the lease, in the engine every third of it).
    m_clock->advanceSecs(20);
    auto renewed = m_repo->renewLeases(u"worker-a"_s, 30);
    STORE_VERIFY_OK(renewed);
    QCOMPARE(*renewed, 1);
    QCOMPARE(stored(*idA).leaseUntil, t0.addSecs(50));
    QCOMPARE(stored(*idB).leaseUntil, t0.addSecs(30)); // worker-b's is its own business

    // At t0+31 worker-b's lease has run out, worker-a's has not.
    m_clock->setNow(t0.addSecs(31));
    auto third = m_repo->claimDue(u"worker-c"_s, 10, 30);
    STORE_VERIFY_OK(third);
    QCOMPARE(third->size(), 1);
    QCOMPARE(third->first().id, *idB);

    // worker-a fell silent after its heartbeat: at t0+51 its job is reclaimable.
    m_clock->setNow(t0.addSecs(51));
    third = m_repo->claimDue(u"worker-c"_s, 10, 30);
    STORE_VERIFY_OK(third);
    QCOMPARE(third->size(), 1);
    QCOMPARE(third->first().id, *idA);
    QCOMPARE(third->first().attempts, 2);
    // worker-a's next heartbeat no longer reaches a job that is worker-c's.
    renewed = m_repo->renewLeases(u"worker-a"_s, 30);
    STORE_VERIFY_OK(renewed);
    QCOMPARE(*renewed, 0);
    QCOMPARE(stored(*idA).claimedBy, u"worker-c"_s);
    QCOMPARE(stored(*idA).leaseUntil, t0.addSecs(81));
}

void TestOutboxRepository::renewLeasesRefusals()
{
    STORE_VERIFY_ERROR(m_repo->renewLeases(QString(), 30), ErrorCode::InvalidArgument);
    STORE_VERIFY_ERROR(m_repo->renewLeases(u"w"_s, 0), ErrorCode::InvalidArgument);
    auto none = m_repo->renewLeases(u"nobody"_s, 30);
    STORE_VERIFY_OK(none);
    QCOMPARE(*none, 0);
}

void TestOutboxRepository::oneDeliveryPerRecordAcrossWorkers()
{
    // Two jobs on invoice 42 in QuickBooks, one on invoice 43, one on
    // invoice 42 in HubSpot (another system's record: independent).
    OutboxJob first = makeJob(u"first"_s);
    OutboxJob sibling = makeJob(u"sibling"_s);
    OutboxJob other = makeJob(u"other"_s);
    other.entityId = u"43"_s;
    OutboxJob crm = makeJob(u"crm"_s, System::HubSpot);
    QList<qint64> ids;
    for (const OutboxJob &j : {first, sibling, other, crm}) {
        auto id = m_repo->enqueue(j);
        STORE_VERIFY_OK(id);
        ids << *id;
    }
    auto a = m_repo->claimDue(u"worker-a"_s, 1, 30);
    STORE_VERIFY_OK(a);
    QCOMPARE(a->size(), 1);
    QCOMPARE(a->first().id, ids.at(0));

    // worker-b skips the sibling while worker-a delivers invoice 42.
    auto b = m_repo->claimDue(u"worker-b"_s, 10, 30);
    STORE_VERIFY_OK(b);
    QList<qint64> got;
    for (const OutboxJob &j : std::as_const(*b))
        got << j.id;
    QCOMPARE(got, (QList<qint64>{ids.at(2), ids.at(3)}));
    QCOMPARE(toString(stored(ids.at(1)).state), toString(JobState::Pending));

    // Once worker-a is done, the sibling goes to whoever asks.
    auto done = m_repo->markSucceeded(Claim::of(a->first()), u"r"_s);
    STORE_VERIFY_OK(done);
    QCOMPARE(name(*done), u"recorded"_s);
    b = m_repo->claimDue(u"worker-b"_s, 10, 30);
    STORE_VERIFY_OK(b);
    QCOMPARE(b->size(), 1);
    QCOMPARE(b->first().id, ids.at(1));
}

void TestOutboxRepository::claimDueRefusals_data()
{
    QTest::addColumn<QString>("worker");
    QTest::addColumn<int>("max");
    QTest::addColumn<int>("lease");

    QTest::newRow("no worker name") << u""_s << 5 << 30;
    QTest::newRow("zero jobs") << u"w"_s << 0 << 30;
    QTest::newRow("negative jobs") << u"w"_s << -1 << 30;
    QTest::newRow("zero lease") << u"w"_s << 5 << 0;
    QTest::newRow("negative lease") << u"w"_s << 5 << -30;
}

void TestOutboxRepository::claimDueRefusals()
{
    QFETCH(QString, worker);
    QFETCH(int, max);
    QFETCH(int, lease);
    auto id = m_repo->enqueue(makeJob(u"k"_s));
    STORE_VERIFY_OK(id);
    const QStringList before = snapshot(*m_db);
    auto refused = m_repo->claimDue(worker, max, lease);
    STORE_VERIFY_ERROR(refused, ErrorCode::InvalidArgument);
    QCOMPARE(snapshot(*m_db), before);
}

// ---------------------------------------------------------------------------
// Outcomes

void TestOutboxRepository::markSucceeded()
{
    const OutboxJob inFlight = jobIn(JobState::InFlight, u"k"_s);
    m_clock->advanceSecs(5);
    auto ok = m_repo->markSucceeded(inFlight.id, u"qb-req-1"_s);
    STORE_VERIFY_OK(ok);

    OutboxJob expected = inFlight;
    expected.state = JobState::Succeeded;
    expected.lastRequestId = u"qb-req-1"_s;
    expected.claimedBy.clear();
    expected.leaseUntil = QDateTime();
    expected.updatedAt = fixedStart().addSecs(5);
    QCOMPARE(dump(stored(inFlight.id)), dump(expected));

    // Delivered once: a second report is refused and changes nothing.
    const QStringList before = snapshot(*m_db);
    auto again = m_repo->markSucceeded(inFlight.id, u"qb-req-2"_s);
    STORE_VERIFY_ERROR(again, ErrorCode::Conflict);
    QVERIFY2(again.error().message.contains(u"is succeeded"_s), qPrintable(again.error().message));
    QCOMPARE(snapshot(*m_db), before);
}

void TestOutboxRepository::markFailed_data()
{
    QTest::addColumn<bool>("withRetry");
    QTest::addColumn<int>("detailLength");

    QTest::newRow("transient: waits for its retry time") << true << 80;
    QTest::newRow("permanent: waits for a person") << false << 80;
    QTest::newRow("long detail is cut at 4000 characters") << false << 5000;
}

void TestOutboxRepository::markFailed()
{
    QFETCH(bool, withRetry);
    QFETCH(int, detailLength);
    const OutboxJob inFlight = jobIn(JobState::InFlight, u"k"_s);
    m_clock->advanceSecs(5);
    const QDateTime now = fixedStart().addSecs(5);
    const QDateTime retryAt = withRetry ? now.addSecs(120) : QDateTime();

    Error error = fullError();
    error.detail = QString(detailLength, u'x');
    auto ok = m_repo->markFailed(inFlight.id, error, retryAt);
    STORE_VERIFY_OK(ok);

    OutboxJob expected = inFlight;
    expected.state = withRetry ? JobState::Pending : JobState::Failed;
    expected.nextAttemptAt = withRetry ? retryAt : now;
    expected.lastErrorCode = u"conflict"_s;
    expected.lastErrorMessage = error.message;
    expected.lastErrorDetail = QString(qMin(detailLength, 4000), u'x');
    expected.lastHttpStatus = 400;
    expected.lastRequestId = u"qb-req-7781"_s;
    expected.claimedBy.clear();
    expected.leaseUntil = QDateTime();
    expected.updatedAt = now;
    QCOMPARE(dump(stored(inFlight.id)), dump(expected));

    // Reported twice: refused, nothing changes.
    const QStringList before = snapshot(*m_db);
    auto again = m_repo->markFailed(inFlight.id, error, retryAt);
    STORE_VERIFY_ERROR(again, ErrorCode::Conflict);
    QCOMPARE(snapshot(*m_db), before);
}

void TestOutboxRepository::retriedJobIsDueExactlyAtRetryTime()
{
    const OutboxJob inFlight = jobIn(JobState::InFlight, u"k"_s);
    const QDateTime retryAt = fixedStart().addSecs(120);
    auto ok = m_repo->markFailed(inFlight.id, fullError(), retryAt);
    STORE_VERIFY_OK(ok);

    m_clock->setNow(retryAt.addMSecs(-1));
    auto early = m_repo->claimDue(u"w"_s, 5, 60);
    STORE_VERIFY_OK(early);
    QCOMPARE(early->size(), 0);

    m_clock->setNow(retryAt);
    auto due = m_repo->claimDue(u"w"_s, 5, 60);
    STORE_VERIFY_OK(due);
    QCOMPARE(due->size(), 1);
    QCOMPARE(due->first().attempts, 2);
    // The last error stays visible while the retry is in flight.
    QCOMPARE(due->first().lastErrorCode, u"conflict"_s);
}

void TestOutboxRepository::markFailedWithBareError()
{
    // The common case: an error with only a code and a message.
    const OutboxJob inFlight = jobIn(JobState::InFlight, u"k"_s);
    const Error error = Error::make(ErrorCode::Network, u"connection timed out"_s);
    auto ok = m_repo->markFailed(inFlight.id, error, fixedStart().addSecs(5));
    STORE_VERIFY_OK(ok);

    OutboxJob expected = inFlight;
    expected.state = JobState::Pending;
    expected.nextAttemptAt = fixedStart().addSecs(5);
    expected.lastErrorCode = u"network"_s;
    expected.lastErrorMessage = u"connection timed out"_s;
    expected.claimedBy.clear();
    expected.leaseUntil = QDateTime();
    QCOMPARE(dump(stored(inFlight.id)), dump(expected));

    // And a success reported without a request id.
    m_clock->advanceSecs(5);
    auto claimed = m_repo->claimDue(u"w"_s, 1, 60);
    STORE_VERIFY_OK(claimed);
    QCOMPARE(claimed->size(), 1);
    ok = m_repo->markSucceeded(inFlight.id, QString());
    STORE_VERIFY_OK(ok);
    expected = asClaimed(expected, u"w"_s, fixedStart().addSecs(5), 60);
    expected.state = JobState::Succeeded;
    expected.claimedBy.clear();
    expected.leaseUntil = QDateTime();
    QCOMPARE(dump(stored(inFlight.id)), dump(expected));
}

// ---------------------------------------------------------------------------
// Admin actions

void TestOutboxRepository::stateRules_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("allowed");

    using S = JobState;
    const QList<std::pair<S, const char *>> states = {{S::Pending, "pending"},     {S::InFlight, "in_flight"},
                                                      {S::Succeeded, "succeeded"}, {S::Failed, "failed"},
                                                      {S::Dismissed, "dismissed"}};
    // Who may do what: delivery outcomes only for a claimed job; a person may
    // retry or edit anything not claimed or done, and dismiss what is waiting.
    const QHash<QString, QList<S>> allowedFrom = {
        {u"succeed"_s, {S::InFlight}},
        {u"fail"_s, {S::InFlight}},
        {u"retry"_s, {S::Pending, S::Failed, S::Dismissed}},
        {u"dismiss"_s, {S::Pending, S::Failed}},
        {u"override"_s, {S::Pending, S::Failed, S::Dismissed}},
        // A person linked what the job would create: done, from waiting only.
        {u"link"_s, {S::Pending, S::Failed}},
    };
    for (const auto &[state, name] : states) {
        for (const QString &action : {u"succeed"_s, u"fail"_s, u"retry"_s, u"dismiss"_s, u"override"_s, u"link"_s}) {
            QTest::addRow("%s: %s", name, qPrintable(action))
                << int(state) << action << allowedFrom.value(action).contains(state);
        }
    }
}

void TestOutboxRepository::stateRules()
{
    QFETCH(int, state);
    QFETCH(QString, action);
    QFETCH(bool, allowed);
    const OutboxJob before = jobIn(JobState(state), u"k"_s);
    QCOMPARE(toString(before.state), toString(JobState(state)));
    const QStringList snapshotBefore = snapshot(*m_db);

    m_clock->advanceSecs(100);
    const QDateTime now = m_clock->nowUtc();
    const QByteArray edited = R"({"amount":"70.00","currency":"USD"})";
    Status result;
    OutboxJob expected = before;
    expected.updatedAt = now;
    if (action == u"succeed"_s) {
        result = m_repo->markSucceeded(before.id, u"req-9"_s);
        expected.state = JobState::Succeeded;
        expected.lastRequestId = u"req-9"_s;
        expected.claimedBy.clear();
        expected.leaseUntil = QDateTime();
    } else if (action == u"fail"_s) {
        result = m_repo->markFailed(before.id, fullError(), QDateTime());
        expected.state = JobState::Failed;
        expected.nextAttemptAt = now;
        expected.lastErrorCode = u"conflict"_s;
        expected.lastErrorMessage = fullError().message;
        expected.lastErrorDetail = fullError().detail;
        expected.lastHttpStatus = 400;
        expected.lastRequestId = fullError().requestId;
        expected.claimedBy.clear();
        expected.leaseUntil = QDateTime();
    } else if (action == u"retry"_s) {
        result = m_repo->retryNow(before.id);
        expected.state = JobState::Pending;
        expected.nextAttemptAt = now;
    } else if (action == u"dismiss"_s) {
        result = m_repo->dismiss(before.id);
        expected.state = JobState::Dismissed;
    } else if (action == u"override"_s) {
        result = m_repo->overridePayload(before.id, edited);
        expected.state = JobState::Pending;
        expected.nextAttemptAt = now;
        expected.payloadJson = edited;
    } else if (action == u"link"_s) {
        // The failed attempt's code, detail, status and request id stay: they
        // still describe the last delivery; the note replaces the message.
        result = m_repo->resolveByLink(before.id, u"linked by mona to QuickBooks invoice 130"_s);
        expected.state = JobState::Succeeded;
        expected.lastErrorMessage = u"linked by mona to QuickBooks invoice 130"_s;
    } else {
        QFAIL("unknown action");
    }

    if (allowed) {
        STORE_VERIFY_OK(result);
        QCOMPARE(dump(stored(before.id)), dump(expected));
    } else {
        STORE_VERIFY_ERROR(result, ErrorCode::Conflict);
        QVERIFY2(result.error().message.contains(u"is %1"_s.arg(toString(before.state))),
                 qPrintable(result.error().message));
        QCOMPARE(snapshot(*m_db), snapshotBefore);
    }
}

void TestOutboxRepository::actionsOnMissingJobAreNotFound_data()
{
    QTest::addColumn<QString>("action");
    for (const char *action : {"succeed", "fail", "retry", "dismiss", "override", "link"})
        QTest::newRow(action) << QString::fromLatin1(action);
}

void TestOutboxRepository::actionsOnMissingJobAreNotFound()
{
    QFETCH(QString, action);
    jobIn(JobState::Failed, u"k"_s);
    const QStringList before = snapshot(*m_db);
    const qint64 missing = 4242;
    Status result;
    if (action == u"succeed"_s)
        result = m_repo->markSucceeded(missing, u"r"_s);
    else if (action == u"fail"_s)
        result = m_repo->markFailed(missing, fullError(), QDateTime());
    else if (action == u"retry"_s)
        result = m_repo->retryNow(missing);
    else if (action == u"dismiss"_s)
        result = m_repo->dismiss(missing);
    else if (action == u"link"_s)
        result = m_repo->resolveByLink(missing, u"linked"_s);
    else
        result = m_repo->overridePayload(missing, "{}");
    STORE_VERIFY_ERROR(result, ErrorCode::NotFound);
    QCOMPARE(snapshot(*m_db), before);
    auto get = m_repo->get(missing);
    STORE_VERIFY_ERROR(get, ErrorCode::NotFound);
    auto byKey = m_repo->byIdempotencyKey(u"no-such-key"_s);
    STORE_VERIFY_ERROR(byKey, ErrorCode::NotFound);
}

// ---------------------------------------------------------------------------
// Listing and counting

void TestOutboxRepository::listFilters_data()
{
    QTest::addColumn<int>("system");    // -1 = any
    QTest::addColumn<int>("state");     // -1 = any
    QTest::addColumn<int>("olderThan"); // seconds after the start; -1 = any age
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expectedKeys");

    const int qb = int(System::QuickBooks);
    const int hub = int(System::HubSpot);
    QTest::newRow("everything") << -1 << -1 << -1 << 500 << QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s};
    QTest::newRow("QuickBooks only") << qb << -1 << -1 << 500 << QStringList{u"a"_s, u"c"_s};
    QTest::newRow("failed only") << -1 << int(JobState::Failed) << -1 << 500 << QStringList{u"b"_s};
    QTest::newRow("HubSpot and pending") << hub << int(JobState::Pending) << -1 << 500 << QStringList{u"d"_s};
    QTest::newRow("created before t+20") << -1 << -1 << 20 << 500 << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("created before t+10: strictly") << -1 << -1 << 10 << 500 << QStringList{u"a"_s};
    QTest::newRow("limit") << -1 << -1 << -1 << 3 << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("nothing matches") << int(System::CalCom) << -1 << -1 << 500 << QStringList();
}

void TestOutboxRepository::listFilters()
{
    QFETCH(int, system);
    QFETCH(int, state);
    QFETCH(int, olderThan);
    QFETCH(int, limit);
    QFETCH(QStringList, expectedKeys);

    // a: QuickBooks pending (created t), b: HubSpot failed (t+10), c:
    // QuickBooks succeeded (t+20), d: HubSpot pending (t+30). a and d are due
    // far in the future, so the claims below take b, then c.
    QHash<QString, qint64> ids;
    const QList<std::pair<QString, System>> rows = {
        {u"a"_s, System::QuickBooks}, {u"b"_s, System::HubSpot}, {u"c"_s, System::QuickBooks}, {u"d"_s, System::HubSpot}};
    for (const auto &[key, sys] : rows) {
        OutboxJob j = makeJob(key, sys);
        if (key == u"a"_s || key == u"d"_s)
            j.nextAttemptAt = fixedStart().addDays(1);
        auto id = m_repo->enqueue(j);
        STORE_VERIFY_OK(id);
        ids.insert(key, *id);
        m_clock->advanceSecs(10);
    }
    for (const QString &key : {u"b"_s, u"c"_s}) {
        auto claimed = m_repo->claimDue(u"w"_s, 1, 60);
        STORE_VERIFY_OK(claimed);
        QCOMPARE(claimed->size(), 1);
        QCOMPARE(claimed->first().idempotencyKey, key);
        auto ok = key == u"b"_s ? m_repo->markFailed(ids.value(key), fullError(), QDateTime())
                                : m_repo->markSucceeded(ids.value(key), u"r"_s);
        STORE_VERIFY_OK(ok);
    }

    OutboxFilter filter;
    if (system >= 0)
        filter.system = System(system);
    if (state >= 0)
        filter.state = JobState(state);
    if (olderThan >= 0)
        filter.olderThan = fixedStart().addSecs(olderThan);
    filter.limit = limit;
    auto listedJobs = m_repo->list(filter);
    STORE_VERIFY_OK(listedJobs);
    QList<OutboxJob> expected;
    for (const QString &key : std::as_const(expectedKeys))
        expected << stored(ids.value(key));
    QCOMPARE(dumpAll(*listedJobs), dumpAll(expected));
}

void TestOutboxRepository::counts()
{
    auto empty = m_repo->counts();
    STORE_VERIFY_OK(empty);
    QCOMPARE(dump(*empty), dump(OutboxCounts{}));

    // Built in an order where each claim takes only the job meant for it.
    jobIn(JobState::Succeeded, u"s"_s);
    jobIn(JobState::Failed, u"f"_s);
    jobIn(JobState::InFlight, u"i"_s);
    jobIn(JobState::Dismissed, u"d"_s);
    jobIn(JobState::Pending, u"p1"_s);
    m_clock->advanceSecs(1);
    OutboxJob future = makeJob(u"p2"_s);
    future.nextAttemptAt = fixedStart().addSecs(3600);
    auto id = m_repo->enqueue(future);
    STORE_VERIFY_OK(id);

    auto c = m_repo->counts();
    STORE_VERIFY_OK(c);
    OutboxCounts expected;
    expected.pending = 2;
    expected.inFlight = 1;
    expected.failed = 1;
    expected.succeeded = 1;
    expected.dismissed = 1;
    QCOMPARE(dump(*c), dump(expected));
}

QTEST_GUILESS_MAIN(TestOutboxRepository)
#include "tst_outboxrepository.moc"
