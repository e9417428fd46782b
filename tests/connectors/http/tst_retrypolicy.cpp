#include "connectors/http/retrypolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Connectors;
using namespace std::chrono_literals;

namespace {
Error errorOf(ErrorCode code, bool retryable, qint64 retryAfterMs = 0)
{
    Error error = Error::make(code, u"x"_s);
    error.retryable = retryable;
    error.retryAfterMs = retryAfterMs;
    return error;
}
} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void schedule_data()
    {
        QTest::addColumn<int>("attemptsMade");
        QTest::addColumn<double>("random");
        QTest::addColumn<qint64>("expectedMs");
        // ×4 from 5 s, capped at 1 h; jitter 0.2 takes off up to 20 %.
        QTest::newRow("1st, no jitter") << 1 << 0.0 << 5000LL;
        QTest::newRow("2nd") << 2 << 0.0 << 20000LL;
        QTest::newRow("3rd") << 3 << 0.0 << 80000LL;
        QTest::newRow("4th") << 4 << 0.0 << 320000LL;
        QTest::newRow("5th") << 5 << 0.0 << 1280000LL;
        QTest::newRow("6th capped") << 6 << 0.0 << 3600000LL;
        QTest::newRow("7th capped") << 7 << 0.0 << 3600000LL;
        QTest::newRow("1st, half jitter") << 1 << 0.5 << 4500LL;
        QTest::newRow("3rd, full jitter draw") << 3 << 0.999999 << 64001LL;
        QTest::newRow("capped, half jitter") << 7 << 0.5 << 3240000LL;
    }

    void schedule()
    {
        QFETCH(int, attemptsMade);
        QFETCH(double, random);
        QFETCH(qint64, expectedMs);
        RetryPolicy policy;
        const auto delay =
            policy.nextDelay(errorOf(ErrorCode::Network, true), attemptsMade, [=] { return random; });
        QVERIFY(delay.has_value());
        QCOMPARE(delay->count(), expectedMs);
    }

    void hugeAttemptCountsDoNotOverflow()
    {
        RetryPolicy policy;
        policy.maxAttempts = 1000000;
        QCOMPARE(policy.backoff(500000, [] { return 0.0; }), std::chrono::milliseconds(1h));
    }

    void jitterNeverExceedsCapOrGoesNegative()
    {
        RetryPolicy policy;
        for (int attempt = 1; attempt < 12; ++attempt) {
            for (double r : {0.0, 0.25, 0.5, 0.75, 0.9999}) {
                const auto delay = policy.backoff(attempt, [=] { return r; });
                QVERIFY(delay <= policy.maxDelay);
                QVERIFY(delay.count() > 0);
            }
        }
    }

    void decisions_data()
    {
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<bool>("retryable");
        QTest::addColumn<qint64>("retryAfterMs");
        QTest::addColumn<int>("attemptsMade");
        QTest::addColumn<qint64>("expectedMs"); // -1 = give up

        QTest::newRow("network retries") << ErrorCode::Network << true << 0LL << 1 << 5000LL;
        QTest::newRow("network not retryable (TLS)") << ErrorCode::Network << false << 0LL << 1
                                                      << -1LL;
        QTest::newRow("throttled honours 60 s") << ErrorCode::Throttled << true << 60000LL << 1
                                                << 60000LL;
        QTest::newRow("retry-after above the cap is honoured")
            << ErrorCode::Throttled << true << 7200000LL << 2 << 7200000LL;
        QTest::newRow("throttled without wait backs off")
            << ErrorCode::Throttled << true << 0LL << 2 << 20000LL;
        QTest::newRow("unauthorized is the token manager's")
            << ErrorCode::Unauthorized << false << 0LL << 1 << -1LL;
        QTest::newRow("validation needs a person")
            << ErrorCode::RemoteValidation << true << 0LL << 1 << -1LL;
        QTest::newRow("stale object is re-read, not backed off")
            << ErrorCode::StaleObject << true << 0LL << 1 << -1LL;
        QTest::newRow("last attempt spent") << ErrorCode::Network << true << 0LL << 8 << -1LL;
        QTest::newRow("one before last") << ErrorCode::Network << true << 0LL << 7 << 3600000LL;
    }

    void decisions()
    {
        QFETCH(ErrorCode, code);
        QFETCH(bool, retryable);
        QFETCH(qint64, retryAfterMs);
        QFETCH(int, attemptsMade);
        QFETCH(qint64, expectedMs);
        RetryPolicy policy;
        const auto delay = policy.nextDelay(errorOf(code, retryable, retryAfterMs), attemptsMade,
                                            [] { return 0.0; });
        QCOMPARE(delay ? delay->count() : -1LL, expectedMs);
    }

    void deterministicUnderInjectedRandom()
    {
        RetryPolicy policy;
        QList<double> draws{0.1, 0.75, 0.25};
        qsizetype next = 0;
        auto source = [&] { return draws[next++ % draws.size()]; };
        QList<qint64> first;
        for (int attempt = 1; attempt <= 3; ++attempt)
            first.append(policy.backoff(attempt, source).count());
        next = 0;
        QList<qint64> second;
        for (int attempt = 1; attempt <= 3; ++attempt)
            second.append(policy.backoff(attempt, source).count());
        QCOMPARE(first, second);
        QCOMPARE(first, (QList<qint64>{4900, 17000, 76000}));
    }

    void customCodes()
    {
        RetryPolicy policy;
        policy.retryOn = {ErrorCode::Network};
        policy.maxAttempts = 2;
        QVERIFY(!policy.shouldRetry(errorOf(ErrorCode::Throttled, true), 1));
        QVERIFY(policy.shouldRetry(errorOf(ErrorCode::Network, true), 1));
        QVERIFY(!policy.shouldRetry(errorOf(ErrorCode::Network, true), 2));
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
