// Cal.com client benchmark (issue 4): an incremental read of 20,000 changed
// bookings (plus 5,000 unchanged ones the filter must leave out) through
// CalcomClient::bookingChangesSince() from the in-process Cal.com emulator,
// with the emulator's throttle ON at Cal.com's real limit for an API key
// (120 requests per 60 s, 60 s block when exceeded), time-scaled, and check:
//   - no change missed: the uids read are exactly the emulator's bookings
//     with updatedAt ≥ since (or createdAt ≥ since), counted and compared;
//     bookings a person cancels *while* the read pages (--changes-during) are
//     read in their new state;
//   - no 429: the client's RateLimiter keeps every server window within 120;
//   - time ≥ 85 % efficient against the rate-limit ceiling.
//
// Requests needed: 20,000 / 100 (the documented maximum `limit` of the
// 2026-05-01 list) = 200 pages by updatedAt, plus one (empty) page by
// createdAt (the client also polls creations: updatedAt is nullable), plus
// one page per 100 bookings changed during the read (they move to the end of
// the updatedAt order) = N requests. They are sequential (each page needs the
// previous page's cursor). The fastest any client can do N requests under
// "120 per 60 s" is ideal(N) = floor((N − 1) / 120) × 60 s: 120 at once, then
// the next 120 one window later, … (zero latency). Efficiency = ideal(N) /
// measured emulated time; the sustained rate (requests per emulated second)
// is reported beside the ceiling of 2/s.
//
//   bench_calcom [--bookings N] [--unchanged M] [--changes-during K] [--time-scale S] [--json]
//
// Time scale S: one real millisecond is S emulated milliseconds for the
// emulator's throttle window (CalcomEmulator::setTimeScale) and the client's
// RateLimiter (ScaledClock + RateLimiter::setTimeScale); emulator and client
// read the same ScaledClock. Exit status 1 when a target is missed.
#include "calcom/calcomemulator.h"
#include "common/clock.h"
#include "connectors/calcom/calcomclient.h"
#include "connectors/http/httpexecutor.h"
#include "connectors/http/ratelimiter.h"
#include "connectors/http/ratelimitpolicy.h"
#include "connectors/http/scaledclock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using Concord::Sandbox::CalcomEmulator;

namespace {

const QString kKey = u"cal_live_bench_0001"_s;
const QDateTime kStart(QDate(2026, 3, 10), QTime(17, 0), Qt::UTC);
constexpr double kEfficiencyTarget = 0.85;

// The emulator on a thread of its own, as the real server is another
// machine: its request handling does not share the client's event loop.
class EmulatorHost {
public:
    EmulatorHost()
    {
        m_thread.setObjectName(u"calcom-emulator"_s);
        m_thread.start();
        m_anchor = new QObject;
        m_anchor->moveToThread(&m_thread);
        onServer([this] { m_cal = std::make_unique<CalcomEmulator>(); });
    }
    ~EmulatorHost()
    {
        onServer([this] {
            m_cal.reset();
            m_anchor->deleteLater();
        });
        m_thread.quit();
        m_thread.wait();
    }
    EmulatorHost(const EmulatorHost &) = delete;
    EmulatorHost &operator=(const EmulatorHost &) = delete;

    void onServer(const std::function<void()> &work)
    {
        QMetaObject::invokeMethod(m_anchor, work, Qt::BlockingQueuedConnection);
    }
    [[nodiscard]] CalcomEmulator &cal() { return *m_cal; }

private:
    QThread m_thread;
    QObject *m_anchor = nullptr;
    std::unique_ptr<CalcomEmulator> m_cal;
};

struct Options {
    int bookings = 20000;
    int unchanged = 5000;
    int changesDuring = 50;
    double timeScale = 6;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"concord.*.info=false"_s);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ u"bookings"_s, u"Changed bookings to read."_s, u"N"_s, u"20000"_s });
    parser.addOption({ u"unchanged"_s, u"Bookings changed before --since (must not be read)."_s,
                       u"M"_s, u"5000"_s });
    parser.addOption({ u"changes-during"_s, u"Bookings a person cancels while the read pages."_s,
                       u"K"_s, u"50"_s });
    parser.addOption({ u"time-scale"_s, u"Emulated ms per real ms."_s, u"S"_s, u"6"_s });
    parser.addOption({ u"json"_s, u"Print the figures as JSON."_s });
    parser.process(app);
    Options options;
    options.bookings = parser.value(u"bookings"_s).toInt();
    options.unchanged = parser.value(u"unchanged"_s).toInt();
    options.changesDuring = parser.value(u"changes-during"_s).toInt();
    options.timeScale = parser.value(u"time-scale"_s).toDouble();
    const double scale = options.timeScale;

    // --- the world -----------------------------------------------------------
    Connectors::ScaledClock clock(kStart, scale);
    EmulatorHost host;
    const QDateTime since = kStart.addDays(-1);
    QUrl baseUrl;
    QSet<QString> changeTargets;
    host.onServer([&] {
        CalcomEmulator &cal = host.cal();
        cal.setClock(&clock);
        cal.setTimeScale(scale);
        cal.setThrottlingEnabled(true);
        cal.setThrottleLimits({}); // Cal.com's: 120 per 60 s, 60 s block
        (void)cal.listen();
        baseUrl = cal.baseUrl();
        const qint64 me =
            cal.addUser(Sandbox::CalUser { 0, u"owner"_s, u"owner@bench.example"_s, u"Owner"_s,
                                           u"America/New_York"_s, u"en"_s, u"Monday"_s, 12 });
        cal.addApiKey(kKey, me);
        Sandbox::CalEventType type;
        type.title = u"Tutoring"_s;
        type.lengthInMinutes = 60;
        type.ownerId = me;
        const qint64 typeId = cal.addEventType(type);
        // Unchanged: updated before `since`. Changed: updatedAt one second
        // apart from `since` on; all created long before.
        cal.addBookings(options.unchanged, typeId, kStart.addDays(-400), kStart.addDays(-500),
                        since.addDays(-30), 1000);
        cal.addBookings(options.bookings, typeId, kStart.addDays(10), kStart.addDays(-60), since,
                        1000);
        // A person cancels bookings the read has already passed, one per
        // page answered, while the read goes on.
        QList<QString> early;
        for (const auto &b : cal.state().bookings()) {
            if (b.updatedMs >= since.toMSecsSinceEpoch() && early.size() < options.changesDuring)
                early.append(b.uid);
        }
        changeTargets = QSet<QString>(early.cbegin(), early.cend());
        auto queue = std::make_shared<QList<QString>>(early);
        QObject::connect(&cal, &CalcomEmulator::requestHandled, &cal,
                         [&cal, queue](const QString &, const QString &path, int status) {
                             if (path == u"/v2/bookings"_s && status == 200 && !queue->isEmpty())
                                 (void)cal.clientCancels(queue->takeFirst(), u"moved away"_s);
                         });
    });

    QNetworkAccessManager nam;
    Connectors::HttpExecutor executor(&nam, clock);
    Connectors::RateLimiter limiter(clock);
    limiter.setTimeScale(scale);
    Calcom::CalcomClientSettings settings;
    settings.baseUrl = baseUrl;
    settings.requestTimeout = std::chrono::milliseconds(qint64(std::ceil(10'000.0 / scale)) + 50);
    Calcom::CalcomClient client(settings, kKey, executor, limiter, clock);
    qint64 dispatched = 0;
    QObject::connect(&limiter, &Connectors::RateLimiter::dispatched, &limiter,
                     [&dispatched](const QString &, const QString &, qint64) { ++dispatched; });

    // --- the read --------------------------------------------------------------
    QEventLoop loop;
    std::optional<Result<Calcom::BookingChanges>> outcome;
    QElapsedTimer real;
    real.start();
    const qint64 emulatedStart = clock.nowUtc().toMSecsSinceEpoch();
    client.bookingChangesSince(since).then(&loop, [&](Result<Calcom::BookingChanges> r) {
        outcome = std::move(r);
        loop.quit();
    });
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, &loop, &QEventLoop::quit);
    watchdog.start(std::chrono::milliseconds(
        qint64(1000.0 * 60 * (options.bookings / 100.0 / 60 + 5) * 1000 / scale)));
    loop.exec();
    const double emulatedSecs = double(clock.nowUtc().toMSecsSinceEpoch() - emulatedStart) / 1000.0;
    const double realSecs = double(real.nsecsElapsed()) / 1e9;

    // --- what the emulator holds and saw ---------------------------------------
    QSet<QString> expected;
    qint64 apiRequests = 0;
    qint64 throttled = 0;
    qint64 otherStatus = 0;
    int cancelledExpected = 0;
    host.onServer([&] {
        for (const auto &b : host.cal().state().bookings()) {
            if (b.updatedMs >= since.toMSecsSinceEpoch()
                || b.createdMs >= since.toMSecsSinceEpoch())
                expected.insert(b.uid);
            if (b.status == u"cancelled"_s)
                ++cancelledExpected;
        }
        for (const auto &e : host.cal().requestLog()) {
            ++apiRequests;
            throttled += e.status == 429 ? 1 : 0;
            otherStatus += e.status != 200 && e.status != 429 ? 1 : 0;
        }
    });

    bool passed = outcome.has_value() && outcome->has_value();
    QSet<QString> got;
    int cancelledRead = 0;
    int pages = 0;
    QString error;
    if (passed) {
        pages = (*outcome)->pages;
        for (const auto &b : (*outcome)->bookings) {
            got.insert(b.uid);
            if (b.status == Calcom::BookingStatus::Cancelled && changeTargets.contains(b.uid))
                ++cancelledRead;
        }
    } else {
        error = !outcome ? u"the read stalled (watchdog)"_s : outcome->error().toString();
    }
    const qint64 n = dispatched;
    const double idealSecs = std::floor(double(std::max<qint64>(n, 1) - 1) / 120.0) * 60.0;
    const double efficiency = emulatedSecs > 0 ? idealSecs / emulatedSecs : 0;
    const double perSecond = emulatedSecs > 0 ? double(n) / emulatedSecs : 0;
    const bool complete = passed && got == expected
        && qsizetype(got.size()) == qsizetype(options.bookings)
        && cancelledRead == options.changesDuring && cancelledExpected == options.changesDuring;
    const bool fast = efficiency >= kEfficiencyTarget;
    passed = complete && fast && throttled == 0 && otherStatus == 0;

    const QJsonObject figures {
        { u"bookingsChanged"_s, options.bookings },
        { u"bookingsUnchanged"_s, options.unchanged },
        { u"changedDuringRead"_s, options.changesDuring },
        { u"timeScale"_s, scale },
        { u"bookingsRead"_s, qint64(got.size()) },
        { u"bookingsExpected"_s, qint64(expected.size()) },
        { u"missing"_s, qint64((expected - got).size()) },
        { u"unexpected"_s, qint64((got - expected).size()) },
        { u"cancelledDuringReadSeenCancelled"_s, cancelledRead },
        { u"pages"_s, pages },
        { u"requestsDispatched"_s, n },
        { u"requestsAtEmulator"_s, apiRequests },
        { u"throttled429"_s, throttled },
        { u"otherErrors"_s, otherStatus },
        { u"emulatedSeconds"_s, emulatedSecs },
        { u"realSeconds"_s, realSecs },
        { u"idealSeconds"_s, idealSecs },
        { u"efficiency"_s, efficiency },
        { u"requestsPerEmulatedSecond"_s, perSecond },
        { u"ceilingPerSecond"_s, Connectors::RateLimitPolicy::calcom().ceilingPerSecond() },
        { u"passed"_s, passed },
        { u"error"_s, error },
    };
    if (parser.isSet(u"json"_s)) {
        std::printf("%s\n", QJsonDocument(figures).toJson(QJsonDocument::Indented).constData());
    } else {
        std::printf("bench_calcom: %d changed bookings (+%d unchanged, %d cancelled during the "
                    "read), time scale %.0f\n",
                    options.bookings, options.unchanged, options.changesDuring, scale);
        std::printf("  read %lld of %lld expected (missing %lld, unexpected %lld); "
                    "cancelled-during-read seen as cancelled: %d/%d\n",
                    qint64(got.size()), qint64(expected.size()), qint64((expected - got).size()),
                    qint64((got - expected).size()), cancelledRead, options.changesDuring);
        std::printf(
            "  %d pages, %lld requests (%lld at the emulator, %lld × 429, %lld other errors)\n",
            pages, n, apiRequests, throttled, otherStatus);
        std::printf("  %.1f emulated s (%.2f real s); ideal under 120/60 s: %.0f s → efficiency "
                    "%.1f %% (target %.0f %%)\n",
                    emulatedSecs, realSecs, idealSecs, efficiency * 100, kEfficiencyTarget * 100);
        std::printf("  sustained %.2f requests per emulated second (ceiling %.2f)\n", perSecond,
                    Connectors::RateLimitPolicy::calcom().ceilingPerSecond());
        if (!error.isEmpty())
            std::printf("  error: %s\n", qPrintable(error));
        std::printf("  %s\n", passed ? "PASSED" : "FAILED");
    }
    return passed ? 0 : 1;
}
