#include "common/clock.h"
#include "connectors/http/ratelimiter.h"
#include "connectors/http/scaledclock.h"

#include <QTest>

#include <map>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Connectors;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(Concord::Connectors::RateLimitPolicy)

namespace {

const QDateTime Start = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

struct Dispatch {
    qint64 atMs = 0;
    qint64 arrivalMs = 0; // when the simulated server admitted it
    QString rateClass;
};

enum class Seen { Dispatched, Arrived };

// Largest number of requests of `budget`'s class that any window
// (t − window, t] held, counted at dispatch or at the server's admission.
int busiestWindow(const QList<Dispatch> &dispatches, const RateLimitPolicy::Budget &budget,
                  Seen seen)
{
    QList<qint64> times;
    for (const Dispatch &d : dispatches) {
        if (budget.appliesTo(d.rateClass))
            times.append(seen == Seen::Dispatched ? d.atMs : d.arrivalMs);
    }
    std::sort(times.begin(), times.end());
    int busiest = 0;
    qsizetype first = 0;
    for (qsizetype last = 0; last < times.size(); ++last) {
        while (times[first] <= times[last] - budget.window.count())
            ++first;
        busiest = std::max(busiest, int(last - first + 1));
    }
    return busiest;
}

} // namespace

class TestRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // 2,000 requests queued at once against real policies, with simulated
    // server latency; time moves only through the ManualClock. The simulated
    // server admits each request anywhere between its dispatch and its
    // answer — often at the very end, as a server with a queue does. From
    // the recorded instants: no window of any budget ever held more than its
    // limit, counted at dispatch *or as the server counts, at admission*;
    // in-flight never exceeded its bound; throughput reached ≥ 85 % of the
    // tightest ceiling.
    void neverExceedsAnyBudget_data()
    {
        QTest::addColumn<RateLimitPolicy>("policy");
        QTest::addColumn<QString>("specialClass");
        QTest::addColumn<int>("specialEvery");
        QTest::newRow("quickbooks, 1 in 20 batch") << RateLimitPolicy::quickBooks() << u"batch"_s << 20;
        QTest::newRow("quickbooks, plain only") << RateLimitPolicy::quickBooks() << QString() << 0;
        QTest::newRow("hubspot 100/10s, 1 in 50 search")
            << RateLimitPolicy::hubSpot(100) << u"search"_s << 50;
        QTest::newRow("hubspot 190/10s") << RateLimitPolicy::hubSpot(190) << u"search"_s << 40;
        QTest::newRow("calcom 120/min") << RateLimitPolicy::calcom() << QString() << 0;
    }

    void neverExceedsAnyBudget()
    {
        QFETCH(RateLimitPolicy, policy);
        QFETCH(QString, specialClass);
        QFETCH(int, specialEvery);
        constexpr int Requests = 2000;
        const QString key = u"realm-1"_s;

        ManualClock clock(Start);
        RateLimiter limiter(clock);
        limiter.setPolicy(key, policy);

        QList<Dispatch> dispatches;
        std::multimap<qint64, RateLimiter::Permit> inFlight; // completion instant → slot
        int busiestInFlight = 0;
        for (int i = 0; i < Requests; ++i) {
            const QString rateClass =
                (specialEvery > 0 && i % specialEvery == 0) ? specialClass : QString();
            limiter.acquire(key, rateClass, nullptr, [&, rateClass](RateLimiter::Permit permit) {
                const qint64 now = clock.nowUtc().toMSecsSinceEpoch();
                // Server latency 40 … 640 ms, deterministic; admission at
                // 0, ¼, ½, ¾ or all of it (the answer leaves at admission).
                const qint64 n = dispatches.size() + 1;
                const qint64 latency = 40 + (n * 7919) % 600;
                const qint64 arrival = now + latency * (n % 5) / 4;
                dispatches.append({now, std::min(arrival, now + latency), rateClass});
                inFlight.emplace(now + latency, std::move(permit));
                busiestInFlight = std::max(busiestInFlight, int(inFlight.size()));
            });
        }

        int steps = 0;
        while (dispatches.size() < Requests) {
            std::optional<qint64> next = limiter.nextWakeUpMs();
            if (!inFlight.empty() && (!next || inFlight.begin()->first < *next))
                next = inFlight.begin()->first;
            QVERIFY2(next.has_value(), "requests wait with nothing to wake them");
            QVERIFY(*next > clock.nowUtc().toMSecsSinceEpoch());
            clock.setNow(QDateTime::fromMSecsSinceEpoch(*next, Qt::UTC));
            while (!inFlight.empty() && inFlight.begin()->first <= *next) {
                auto node = inFlight.extract(inFlight.begin());
                node.mapped().release(); // may grant more, re-entrantly
            }
            limiter.pump();
            QVERIFY(++steps < 100000);
        }
        QCOMPARE(dispatches.size(), Requests);
        QCOMPARE(limiter.queuedCount(key), 0);

        for (const RateLimitPolicy::Budget &budget : policy.budgets) {
            for (const Seen seen : {Seen::Dispatched, Seen::Arrived}) {
                const int busiest = busiestWindow(dispatches, budget, seen);
                QVERIFY2(busiest <= budget.limit,
                         qPrintable(u"%1 (%2): %3 in one window, limit %4"_s.arg(budget.name)
                                        .arg(seen == Seen::Dispatched ? u"dispatch"_s
                                                                      : u"admission"_s)
                                        .arg(busiest)
                                        .arg(budget.limit)));
            }
        }
        QVERIFY2(busiestInFlight <= policy.maxInFlight,
                 qPrintable(u"%1 in flight"_s.arg(busiestInFlight)));

        const double seconds = double(dispatches.last().atMs - dispatches.first().atMs) / 1000.0;
        const double achieved = double(Requests - 1) / seconds;
        const double ceiling = policy.ceilingPerSecond();
        QVERIFY2(achieved >= 0.85 * ceiling,
                 qPrintable(u"%1/s achieved, ceiling %2/s"_s.arg(achieved).arg(ceiling)));
        qInfo("%d requests in %.1f budget s: %.2f/s of a %.2f/s ceiling (%.0f %%), %d in flight at most",
              Requests, seconds, achieved, ceiling, 100.0 * achieved / ceiling, busiestInFlight);
    }

    void concurrencyBoundWaitsForReleases()
    {
        ManualClock clock(Start);
        RateLimiter limiter(clock);
        RateLimitPolicy policy;
        policy.maxInFlight = 3;
        limiter.setPolicy(u"k"_s, policy);
        std::vector<RateLimiter::Permit> held;
        for (int i = 0; i < 5; ++i) {
            limiter.acquire(u"k"_s, {}, nullptr,
                            [&](RateLimiter::Permit permit) { held.push_back(std::move(permit)); });
        }
        QCOMPARE(held.size(), size_t(3));
        QCOMPARE(limiter.inFlightCount(u"k"_s), 3);
        QCOMPARE(limiter.queuedCount(u"k"_s), 2);
        QVERIFY(!limiter.nextWakeUpMs().has_value()); // waits on a release, not on time
        held.front().release(); // grants the fourth, which lands in `held`
        QCOMPARE(held.size(), size_t(4));
        QCOMPARE(limiter.inFlightCount(u"k"_s), 3);
        held.erase(held.begin()); // the released permit: no second release
        QCOMPARE(limiter.inFlightCount(u"k"_s), 3);
        QCOMPARE(limiter.queuedCount(u"k"_s), 1);
        // Releasing the rest one by one grants the fifth.
        std::vector<RateLimiter::Permit> done = std::move(held);
        held.clear();
        done.clear();
        QCOMPARE(held.size(), size_t(1));
        QCOMPARE(limiter.inFlightCount(u"k"_s), 1);
        QCOMPARE(limiter.queuedCount(u"k"_s), 0);
        held.clear();
        QCOMPARE(limiter.inFlightCount(u"k"_s), 0);
    }

    void pausesAfterThrottle_data()
    {
        QTest::addColumn<qint64>("retryAfterMs");
        QTest::addColumn<qint64>("expectedPauseMs");
        QTest::newRow("quickbooks: no Retry-After → 60 s") << 0LL << 60000LL;
        QTest::newRow("server says 5 s") << 5000LL << 5000LL;
    }

    void pausesAfterThrottle()
    {
        QFETCH(qint64, retryAfterMs);
        QFETCH(qint64, expectedPauseMs);
        ManualClock clock(Start);
        RateLimiter limiter(clock);
        limiter.setDefaultPolicy(RateLimitPolicy::quickBooks());
        QList<qint64> grantedAt;
        auto grant = [&](RateLimiter::Permit) {
            grantedAt.append(clock.nowUtc().toMSecsSinceEpoch());
        };
        limiter.acquire(u"realm"_s, {}, nullptr, grant);
        QCOMPARE(grantedAt.size(), 1);

        Error throttled = Error::make(ErrorCode::Throttled, u"429"_s);
        throttled.retryAfterMs = retryAfterMs;
        limiter.reportThrottled(u"realm"_s, throttled);
        const qint64 until = Start.toMSecsSinceEpoch() + expectedPauseMs;
        QCOMPARE(limiter.pausedUntilMs(u"realm"_s).value_or(0), until);

        for (int i = 0; i < 3; ++i)
            limiter.acquire(u"realm"_s, {}, nullptr, grant);
        limiter.acquire(u"other-realm"_s, {}, nullptr, grant); // other keys carry on
        QCOMPARE(grantedAt.size(), 2);
        QCOMPARE(limiter.nextWakeUpMs().value_or(0), until);

        clock.setNow(QDateTime::fromMSecsSinceEpoch(until - 1, Qt::UTC));
        limiter.pump();
        QCOMPARE(grantedAt.size(), 2);
        clock.setNow(QDateTime::fromMSecsSinceEpoch(until, Qt::UTC));
        limiter.pump();
        QCOMPARE(grantedAt.size(), 5);
        QCOMPARE(grantedAt.last(), until);
        QVERIFY(!limiter.pausedUntilMs(u"realm"_s));
    }

    void fifoPerKeyEvenAcrossClasses()
    {
        ManualClock clock(Start);
        RateLimiter limiter(clock);
        RateLimitPolicy policy;
        policy.budgets = {{u"all"_s, 100, 1s, {}}, {u"batch"_s, 1, 1s, u"batch"_s}};
        limiter.setPolicy(u"k"_s, policy);
        QStringList order;
        auto request = [&](const QString &name, const QString &rateClass) {
            limiter.acquire(u"k"_s, rateClass, nullptr,
                            [&order, name](RateLimiter::Permit) { order.append(name); });
        };
        request(u"b1"_s, u"batch"_s);
        request(u"b2"_s, u"batch"_s);
        request(u"p1"_s, {});
        QCOMPARE(order, QStringList{u"b1"_s});
        QCOMPARE(limiter.nextWakeUpMs().value_or(0), Start.toMSecsSinceEpoch() + 1000);
        clock.advanceSecs(1);
        limiter.pump();
        QCOMPARE(order, (QStringList{u"b1"_s, u"b2"_s, u"p1"_s}));
    }

    void droppedWhenContextDiesOrCanceled()
    {
        ManualClock clock(Start);
        RateLimiter limiter(clock);
        RateLimitPolicy policy;
        policy.maxInFlight = 1;
        limiter.setPolicy(u"k"_s, policy);
        QStringList order;
        std::optional<RateLimiter::Permit> first;
        limiter.acquire(u"k"_s, {}, nullptr, [&](RateLimiter::Permit p) {
            order.append(u"first"_s);
            first = std::move(p);
        });
        auto *context = new QObject;
        limiter.acquire(u"k"_s, {}, context, [&](RateLimiter::Permit) { order.append(u"dead"_s); });
        const RateLimiter::Ticket canceled = limiter.acquire(
            u"k"_s, {}, nullptr, [&](RateLimiter::Permit) { order.append(u"canceled"_s); });
        limiter.acquire(u"k"_s, {}, nullptr, [&](RateLimiter::Permit) { order.append(u"last"_s); });
        delete context;
        QVERIFY(limiter.cancel(canceled));
        QVERIFY(!limiter.cancel(canceled));
        first.reset();
        QCOMPARE(order, (QStringList{u"first"_s, u"last"_s}));
    }

    void permitOutlivesLimiter()
    {
        ManualClock clock(Start);
        std::optional<RateLimiter::Permit> kept;
        {
            RateLimiter limiter(clock);
            limiter.acquire(u"k"_s, {}, nullptr, [&](RateLimiter::Permit p) { kept = std::move(p); });
            QVERIFY(kept->isValid());
        }
        QVERIFY(!kept->isValid());
        kept.reset(); // no crash
    }

    // Without pump(): the limiter's own timer, with a clock 1000× real time
    // and the matching time scale, drives 60 requests through 10 per budget
    // second — about 6 real milliseconds.
    void timersDriveScaledTime()
    {
        ScaledClock clock(Start, 1000.0);
        RateLimiter limiter(clock);
        limiter.setTimeScale(1000.0);
        RateLimitPolicy policy;
        policy.budgets = {{u"per-second"_s, 10, 1s, {}}};
        limiter.setPolicy(u"k"_s, policy);
        QList<Dispatch> dispatches;
        connect(&limiter, &RateLimiter::dispatched, this,
                [&](const QString &, const QString &rateClass, qint64 atMs) {
                    dispatches.append({atMs, atMs, rateClass});
                });
        for (int i = 0; i < 60; ++i)
            limiter.acquire(u"k"_s, {}, nullptr, [](RateLimiter::Permit) {});
        QTRY_COMPARE_WITH_TIMEOUT(dispatches.size(), 60, 10000);
        QVERIFY(busiestWindow(dispatches, policy.budgets.first(), Seen::Dispatched) <= 10);
        QVERIFY(dispatches.last().atMs - dispatches.first().atMs >= 5000);
    }

    void clockSteppingBackIsStandingStill()
    {
        ManualClock clock(Start);
        RateLimiter limiter(clock);
        RateLimitPolicy policy;
        policy.budgets = {{u"w"_s, 2, 10s, {}}};
        limiter.setPolicy(u"k"_s, policy);
        int granted = 0;
        for (int i = 0; i < 3; ++i)
            limiter.acquire(u"k"_s, {}, nullptr, [&](RateLimiter::Permit) { ++granted; });
        QCOMPARE(granted, 2);
        clock.advanceSecs(-3600);
        limiter.pump();
        QCOMPARE(granted, 2);
        QCOMPARE(limiter.nextWakeUpMs().value_or(0), Start.toMSecsSinceEpoch() + 10000);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
