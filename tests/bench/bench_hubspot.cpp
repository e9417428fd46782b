// HubSpot client benchmark (issue 4): an incremental read of 50,000 changed
// contacts through HubSpotClient::contactChanges from the in-process HubSpot
// emulator, with the emulator's limits ON at HubSpot's real values (100
// requests per 10 s burst, 5 searches per second, searches counting in the
// burst too), time-scaled, and check:
//   - time ≥ 85 % efficient against the rate-limit ceiling. The ceiling: a
//     change read is searches only, so two budgets apply: search 5/s and the
//     burst 100/10 s = 10/s. The search budget binds (5/s < 10/s). At pages
//     of 100 the fastest possible read of N changes takes ceil(N/100)
//     searches at 5/s. Efficiency = that ideal time ÷ the measured time
//     (emulated seconds, from the call to its result);
//   - no change missed: the ids returned equal the ids the emulator holds
//     with lastmodifieddate in [since, until), and none outside.
// Besides the 50,000 changed contacts, 5,000 older ones (before `since`) are
// seeded: they must not be returned.
//
//   bench_hubspot [--contacts N] [--older M] [--page-size P] [--streams K]
//                 [--time-scale S] [--burst B] [--json] [--verbose]
//
// Time scale S: one real millisecond is S emulated milliseconds, for the
// emulator's limit windows and for the client's RateLimiter (ScaledClock +
// RateLimiter::setTimeScale); emulator and client read the same ScaledClock.
//
// Exit status 1 when a target is missed.
#include "benchsupport.h"

#include "common/clock.h"
#include "connectors/http/httpexecutor.h"
#include "connectors/http/ratelimiter.h"
#include "connectors/http/scaledclock.h"
#include "connectors/hubspot/hubspotclient.h"
#include "hubspot/hubspotemulator.h"
#include "security/secretnames.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSet>
#include <QThread>

#include <cmath>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using Concord::Sandbox::HubSpotEmulator;

namespace {

const QDateTime kStart(QDate(2026, 3, 10), QTime(17, 0), Qt::UTC);
constexpr double kEfficiencyTarget = 0.85;

struct Options {
    int contacts = 50000;
    int older = 5000;
    int pageSize = 100;
    int streams = 4;
    double timeScale = 5;
    int burst = 100;
    bool verbose = false;
};

// The emulator on a thread of its own, as the real server is another machine.
class EmulatorHost
{
public:
    EmulatorHost()
    {
        m_thread.setObjectName(u"hubspot-emulator"_s);
        m_thread.start();
        m_anchor = new QObject;
        m_anchor->moveToThread(&m_thread);
        onServer([this] { m_hs = std::make_unique<HubSpotEmulator>(); });
    }
    ~EmulatorHost()
    {
        onServer([this] {
            m_hs.reset();
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
    [[nodiscard]] HubSpotEmulator &hs() { return *m_hs; }

private:
    QThread m_thread;
    QObject *m_anchor = nullptr;
    std::unique_ptr<HubSpotEmulator> m_hs;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"contacts"_s, u"Changed contacts to read."_s, u"N"_s, u"50000"_s});
    parser.addOption({u"older"_s, u"Unchanged contacts before --since."_s, u"M"_s, u"5000"_s});
    parser.addOption({u"page-size"_s, u"Search page size (1…200)."_s, u"P"_s, u"100"_s});
    parser.addOption({u"streams"_s, u"Time slices read concurrently."_s, u"K"_s, u"4"_s});
    parser.addOption({u"time-scale"_s, u"Emulated ms per real ms."_s, u"S"_s, u"5"_s});
    parser.addOption({u"burst"_s, u"Burst budget per 10 s (100 or 190)."_s, u"B"_s, u"100"_s});
    parser.addOption({u"json"_s, u"Print the figures as JSON."_s});
    parser.addOption({u"verbose"_s, u"Log the client's and limiter's decisions."_s});
    parser.process(app);
    Options o;
    o.contacts = parser.value(u"contacts"_s).toInt();
    o.older = parser.value(u"older"_s).toInt();
    o.pageSize = parser.value(u"page-size"_s).toInt();
    o.streams = parser.value(u"streams"_s).toInt();
    o.timeScale = parser.value(u"time-scale"_s).toDouble();
    o.burst = parser.value(u"burst"_s).toInt();
    o.verbose = parser.isSet(u"verbose"_s);
    if (!o.verbose)
        QLoggingCategory::setFilterRules(u"concord.*.info=false"_s);
    if (o.contacts < 1 || o.pageSize < 1 || o.pageSize > 200 || o.timeScale < 1 || o.streams < 1) {
        std::fprintf(stderr, "bench_hubspot: bad arguments\n");
        return 2;
    }

    // --- the world ------------------------------------------------------------------
    Connectors::ScaledClock clock(kStart, o.timeScale);
    EmulatorHost host;
    const qint64 since = kStart.addDays(-7).toMSecsSinceEpoch();
    // Changes spread over six days, the older ones over the week before.
    const qint64 step = 6LL * 86'400'000 / o.contacts;
    QUrl baseUrl;
    QString token;
    bool listening = false;
    host.onServer([&] {
        HubSpotEmulator &hs = host.hs();
        hs.setClock(&clock);
        hs.setTimeScale(o.timeScale);
        hs.setThrottlingEnabled(true);
        auto limits = hs.limiter().limits(); // 5 searches/s, daily 250,000, search counts in burst
        limits.burstPer10s = o.burst;
        hs.limiter().setLimits(limits);
        listening = hs.listen();
        hs.seedBulkContacts(o.older, since - 7LL * 86'400'000, o.older > 0 ? 7LL * 86'400'000 / o.older : 1);
        hs.seedBulkContacts(o.contacts, since, step);
        baseUrl = hs.baseUrl();
        token = hs.auth().defaultPrivateAppToken();
    });
    if (!listening) {
        std::fprintf(stderr, "bench_hubspot: the emulator did not start\n");
        return 1;
    }

    QNetworkAccessManager nam;
    Connectors::HttpExecutor executor(&nam, clock);
    Connectors::RateLimiter limiter(clock);
    limiter.setTimeScale(o.timeScale);
    Bench::MemorySecretStore secrets;
    secrets.values.insert(Security::SecretName::HubSpotToken.toString(), token);
    HubSpot::HubSpotClientSettings settings;
    settings.baseUrl = baseUrl;
    settings.burstPer10s = o.burst;
    settings.searchPageSize = o.pageSize;
    settings.changeStreams = o.streams;
    settings.requestTimeout = std::chrono::milliseconds(qint64(std::ceil(10000.0 / o.timeScale)));
    settings.networkRetry.initialDelay = std::chrono::milliseconds(qint64(std::ceil(1000.0 / o.timeScale)));
    settings.networkRetry.maxDelay = std::chrono::milliseconds(qint64(std::ceil(20000.0 / o.timeScale)));
    HubSpot::HubSpotClient client(settings, executor, limiter, secrets, clock);
    qint64 searches = 0;
    QObject::connect(&limiter, &Connectors::RateLimiter::dispatched, [&](const QString &, const QString &rateClass, qint64) {
        searches += rateClass == u"search"_s ? 1 : 0;
    });

    // --- the read ---------------------------------------------------------------------
    QElapsedTimer real;
    real.start();
    const QDateTime emulatedStart = clock.nowUtc();
    QFuture<Result<HubSpot::ContactChanges>> future =
        client.contactChanges(QDateTime::fromMSecsSinceEpoch(since, Qt::UTC));
    QFutureWatcher<Result<HubSpot::ContactChanges>> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    const double realSecs = double(real.nsecsElapsed()) / 1e9;
    const double emulatedSecs = double(emulatedStart.msecsTo(clock.nowUtc())) / 1000.0;
    const Result<HubSpot::ContactChanges> result = future.result();
    if (!result) {
        std::fprintf(stderr, "bench_hubspot: the read failed: %s\n", qPrintable(result.error().toString()));
        return 1;
    }

    // --- checks ---------------------------------------------------------------------------
    QSet<QString> expected;
    qint64 throttled = 0;
    qint64 requests = 0;
    host.onServer([&] {
        const qint64 until = result->until.toMSecsSinceEpoch();
        for (const auto *r : host.hs().portal().all(u"contacts"_s)) {
            if (r->updatedMs >= since && r->updatedMs < until)
                expected.insert(QString::number(r->id));
        }
        for (const auto &e : host.hs().requestLog()) {
            ++requests;
            throttled += e.status == 429 ? 1 : 0;
        }
    });
    QSet<QString> got;
    for (const HubSpot::Contact &c : result->contacts)
        got.insert(c.id);
    const qsizetype missed = (expected - got).size();
    const qsizetype extra = (got - expected).size();
    const bool complete = missed == 0 && extra == 0 && got.size() == result->contacts.size()
        && expected.size() == o.contacts;

    // The ceiling: search 5/s binds (burst 100/10 s = 10/s is looser).
    const double searchPerSec = 5.0;
    const double burstPerSec = double(o.burst) / 10.0;
    const double ceilingRequestsPerSec = std::min(searchPerSec, burstPerSec);
    const qint64 idealRequests = (o.contacts + o.pageSize - 1) / o.pageSize;
    // The first window's 5 go at once: the fastest schedule takes (n − 5)/5 s.
    const double idealSecs = std::max(0.0, double(idealRequests - 5) / ceilingRequestsPerSec);
    const double efficiency = emulatedSecs > 0 ? idealSecs / emulatedSecs : 0;
    const double requestRate = emulatedSecs > 0 ? double(searches) / emulatedSecs : 0;
    const bool passed = complete && efficiency >= kEfficiencyTarget;

    const QJsonObject figures{
        {u"contacts"_s, o.contacts}, {u"olderContacts"_s, o.older}, {u"pageSize"_s, o.pageSize},
        {u"streams"_s, o.streams}, {u"timeScale"_s, o.timeScale}, {u"burstPer10s"_s, o.burst},
        {u"returned"_s, int(result->contacts.size())}, {u"expected"_s, int(expected.size())},
        {u"missed"_s, int(missed)}, {u"extra"_s, int(extra)},
        {u"searchRequests"_s, searches}, {u"idealRequests"_s, idealRequests},
        {u"serverRequests"_s, requests}, {u"throttled429"_s, throttled},
        {u"narrowedSlices"_s, result->narrowedSlices},
        {u"emulatedSeconds"_s, emulatedSecs}, {u"realSeconds"_s, realSecs},
        {u"idealSeconds"_s, idealSecs}, {u"efficiency"_s, efficiency},
        {u"searchesPerEmulatedSecond"_s, requestRate},
        {u"contactsPerEmulatedSecond"_s, emulatedSecs > 0 ? double(result->contacts.size()) / emulatedSecs : 0},
        {u"peakRssKiB"_s, Bench::peakRssKiB()}, {u"passed"_s, passed}};
    if (parser.isSet(u"json"_s)) {
        std::printf("%s\n", QJsonDocument(figures).toJson(QJsonDocument::Indented).constData());
    } else {
        std::printf("HubSpot incremental read: %d changed contacts (+%d older), pages of %d, %d streams, S = %g\n",
                    o.contacts, o.older, o.pageSize, o.streams, o.timeScale);
        std::printf("  returned %lld, expected %lld, missed %lld, extra %lld\n", qint64(result->contacts.size()),
                    qint64(expected.size()), qint64(missed), qint64(extra));
        std::printf("  searches %lld (ideal %lld), server requests %lld, 429s %lld\n", searches, idealRequests, requests,
                    throttled);
        std::printf("  %.1f emulated s (%.2f real s); ideal %.1f s at %.0f searches/s → efficiency %.1f %%\n",
                    emulatedSecs, realSecs, idealSecs, ceilingRequestsPerSec, efficiency * 100);
        std::printf("  %.2f searches per emulated second; peak RSS %lld KiB\n", requestRate, Bench::peakRssKiB());
        std::printf("  %s\n", passed ? "PASS" : "MISSED a target");
    }
    return passed ? 0 : 1;
}
