// Latency figures (nearest-rank percentiles against the promise per kind of
// change) and the sync health that `concord-cli status` reports from a store.

#include "../store/storetestsupport.h"
#include "domainprinters.h"
#include "services/storestatus.h"
#include "store/operationsrepository.h"
#include "store/outboxrepository.h"
#include "store/syncstaterepository.h"
#include "sync/latencystats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Sync;

namespace {

QList<qint64> range(qint64 from, qint64 to)
{
    QList<qint64> out;
    for (qint64 v = from; v <= to; ++v)
        out << v;
    return out;
}

QString show(const LatencySummary &s)
{
    return u"%1 n=%2 p50=%3 p95=%4 target=%5 %6"_s.arg(s.kind)
        .arg(s.count)
        .arg(s.p50Ms)
        .arg(s.p95Ms)
        .arg(s.targetMs)
        .arg(s.withinTarget ? u"ok"_s : u"late"_s);
}

} // namespace

class TestLatencyStats : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        StoreTest::quietStoreLog();
        QVERIFY(m_dir.isValid());
    }

    void percentileIsNearestRank_data()
    {
        QTest::addColumn<QList<qint64>>("sorted");
        QTest::addColumn<int>("p");
        QTest::addColumn<qint64>("expected");
        const QList<qint64> five{10, 20, 30, 40, 50};
        QTest::newRow("p0 is the minimum") << five << 0 << qint64(10);
        QTest::newRow("p20: rank 1") << five << 20 << qint64(10);
        QTest::newRow("p21: rank 2") << five << 21 << qint64(20);
        QTest::newRow("p50 of five") << five << 50 << qint64(30);
        QTest::newRow("p95 of five") << five << 95 << qint64(50);
        QTest::newRow("p100") << five << 100 << qint64(50);
        QTest::newRow("above 100 clamps") << five << 150 << qint64(50);
        QTest::newRow("below 0 clamps") << five << -5 << qint64(10);
        QTest::newRow("single") << QList<qint64>{7} << 95 << qint64(7);
        QTest::newRow("p50 of twenty") << range(1, 20) << 50 << qint64(10);
        QTest::newRow("p95 of twenty") << range(1, 20) << 95 << qint64(19);
        QTest::newRow("p95 of a hundred") << range(1, 100) << 95 << qint64(95);
        QTest::newRow("p95 of 101") << range(1, 101) << 95 << qint64(96); // ⌈95.95⌉
    }

    void percentileIsNearestRank()
    {
        QFETCH(QList<qint64>, sorted);
        QFETCH(int, p);
        QFETCH(qint64, expected);
        QCOMPARE(percentile(sorted, p), std::optional<qint64>(expected));
    }

    void percentileOfNothingIsNothing()
    {
        QVERIFY(!percentile({}, 50).has_value());
    }

    void targetsFollowTheSpec()
    {
        QCOMPARE(latencyTargetMs(u"appointment"_s), std::optional<qint64>(60000));
        QCOMPARE(latencyTargetMs(u"payment"_s), std::optional<qint64>(300000));
        QCOMPARE(latencyTargetMs(u"invoice"_s), std::optional<qint64>(300000));
        QCOMPARE(latencyTargetMs(u"Appointment"_s), std::optional<qint64>(60000));
        QVERIFY(!latencyTargetMs(u"customer"_s).has_value());
        QVERIFY(!latencyTargetMs(QString()).has_value());
    }

    void summariesJudgeP95StrictlyAgainstTheTarget()
    {
        QCOMPARE(show(summarize(u"appointment"_s, {59999, 1000, 2000})),
                 u"appointment n=3 p50=2000 p95=59999 target=60000 ok"_s);
        QCOMPARE(show(summarize(u"appointment"_s, {60000, 1000})), // "under 1 minute": 60 s is late
                 u"appointment n=2 p50=1000 p95=60000 target=60000 late"_s);
        QCOMPARE(show(summarize(u"customer"_s, {900000})), u"customer n=1 p50=900000 p95=900000 target=0 ok"_s);

        QHash<QString, QList<qint64>> byKind;
        byKind.insert(u"payment"_s, {400000, 1000});
        byKind.insert(u"appointment"_s, {3000});
        byKind.insert(u"invoice"_s, {});
        QStringList shown;
        const QList<LatencySummary> all = summarizeByKind(byKind);
        for (const LatencySummary &s : all)
            shown << show(s);
        QCOMPARE(shown, (QStringList{u"appointment n=1 p50=3000 p95=3000 target=60000 ok"_s,
                                     u"payment n=2 p50=1000 p95=400000 target=300000 late"_s}));
    }

    // collectStatus over a store whose sync log, outbox and flags were
    // written here, with a clock we control.
    void statusReportsSyncHealth()
    {
        auto opened = StoreTest::openMigrated(m_dir);
        QVERIFY_OK(opened);
        Store::Database &db = **opened;
        const QDateTime now(QDate(2026, 3, 28), QTime(12, 0), Qt::UTC);
        ManualClock clock(now);

        Store::OperationsRepository ops(db, clock);
        const auto log = [&](const QString &kind, qint64 ms, qint64 secsAgo, const QString &direction = u"out"_s,
                             const QString &outcome = u"ok"_s) {
            Domain::SyncLogEntry e;
            e.at = now.addSecs(-secsAgo);
            e.system = Domain::System::HubSpot;
            e.direction = direction;
            e.entityType = kind;
            e.entityId = u"1"_s;
            e.action = u"update"_s;
            e.outcome = outcome;
            e.latencyMs = ms;
            e.kind = kind;
            return ops.appendLog(e);
        };
        for (qint64 ms : {9000, 1200, 70000, 4000, 30000})
            QVERIFY_OK(log(u"appointment"_s, ms, 3600));
        QVERIFY_OK(log(u"appointment"_s, 1, 25 * 3600));        // older than a day
        QVERIFY_OK(log(u"appointment"_s, 2, 60, u"in"_s));      // captured, not delivered
        QVERIFY_OK(log(u"appointment"_s, 3, 60, u"out"_s, u"error"_s));
        QVERIFY_OK(log(u"payment"_s, 200000, 7200));
        QVERIFY_OK(log(u"payment"_s, 100000, 7200));
        QVERIFY_OK(log(u"customer"_s, 500, 10));

        Store::OutboxRepository outbox(db, clock);
        for (int i = 1; i <= 6; ++i) {
            Domain::OutboxJob job;
            job.operation = u"deal.update"_s;
            job.entityType = u"appointment"_s;
            job.entityId = QString::number(i);
            job.idempotencyKey = u"job-%1"_s.arg(i);
            QVERIFY_OK(outbox.enqueue(job));
        }
        const auto claimed = outbox.claimDue(u"worker"_s, 4, 60);
        QVERIFY_OK(claimed);
        QCOMPARE(claimed->size(), 4);
        QVERIFY_OK(outbox.markSucceeded(claimed->at(0).id, u"req-1"_s));
        QVERIFY_OK(outbox.markFailed(claimed->at(1).id, Error::make(ErrorCode::RemoteValidation, u"no"_s), {}));
        QVERIFY_OK(outbox.markFailed(claimed->at(2).id, Error::make(ErrorCode::Network, u"down"_s), now.addSecs(60)));
        const auto last = outbox.byIdempotencyKey(u"job-6"_s);
        QVERIFY_OK(last);
        QVERIFY_OK(outbox.dismiss(last->id));

        Store::SyncStateRepository state(db, clock);
        for (const QString &subject : {u"appointment/1"_s, u"appointment/2"_s, u"appointment/3"_s}) {
            Domain::SyncFlag flag;
            flag.kind = u"double_booking"_s;
            flag.subject = subject;
            flag.message = u"two sessions at 15:00"_s;
            QVERIFY_OK(state.raiseFlag(flag));
        }
        QVERIFY_OK(state.resolveFlag(u"double_booking"_s, u"appointment/2"_s, u"olga"_s));

        const Result<Services::StoreStatus> status = Services::collectStatus(db, clock);
        QVERIFY_OK(status);
        QCOMPARE(status->pendingJobs, 3); // pending 2 + in flight 1, as before
        QCOMPARE(status->failedJobs, 1);
        QCOMPARE(status->inFlightJobs, 1);
        QCOMPARE(status->succeededJobs, 1);
        QCOMPARE(status->dismissedJobs, 1);
        QCOMPARE(status->openFlags, 2);
        QCOMPARE(status->latencySince, now.addSecs(-24 * 3600));
        QStringList shown;
        for (const LatencySummary &s : status->latency)
            shown << show(s);
        QCOMPARE(shown, (QStringList{u"appointment n=5 p50=9000 p95=70000 target=60000 late"_s,
                                     u"customer n=1 p50=500 p95=500 target=0 ok"_s,
                                     u"payment n=2 p50=100000 p95=200000 target=300000 ok"_s}));

        const QJsonObject root = QJsonDocument::fromJson(Services::statusToJson(*status)).object();
        // Existing keys unchanged …
        const QJsonObject counts = root.value(u"counts"_s).toObject();
        QCOMPARE(counts.value(u"pendingJobs"_s).toInt(), 3);
        QCOMPARE(counts.value(u"failedJobs"_s).toInt(), 1);
        QVERIFY(root.value(u"store"_s).toObject().value(u"open"_s).toBool());
        QCOMPARE(root.value(u"connections"_s).toArray().size(), 3);
        // … and the new ones.
        QCOMPARE(counts.value(u"openFlags"_s).toInt(), 2);
        QCOMPARE(root.value(u"outbox"_s).toObject(),
                 (QJsonObject{{u"pending"_s, 2}, {u"inFlight"_s, 1}, {u"failed"_s, 1}, {u"succeeded"_s, 1},
                              {u"dismissed"_s, 1}}));
        const QJsonObject latency = root.value(u"latency"_s).toObject();
        QCOMPARE(latency.value(u"since"_s).toString(), u"2026-03-27T12:00:00.000Z"_s);
        QCOMPARE(latency.value(u"windowHours"_s).toInt(), 24);
        const QJsonArray kinds = latency.value(u"kinds"_s).toArray();
        QCOMPARE(kinds.size(), 3);
        QCOMPARE(kinds.at(0).toObject(),
                 (QJsonObject{{u"kind"_s, u"appointment"_s}, {u"count"_s, 5}, {u"p50Ms"_s, 9000}, {u"p95Ms"_s, 70000},
                              {u"targetMs"_s, 60000}, {u"withinTarget"_s, false}}));
        QVERIFY(kinds.at(1).toObject().value(u"targetMs"_s).isNull());
        QCOMPARE(kinds.at(2).toObject().value(u"p95Ms"_s).toInteger(), 200000);

        // A day later nothing is recent any more.
        clock.advanceSecs(24 * 3600);
        const Result<Services::StoreStatus> later = Services::collectStatus(db, clock);
        QVERIFY_OK(later);
        QVERIFY(later->latency.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLatencyStats)
#include "tst_latencystats.moc"
