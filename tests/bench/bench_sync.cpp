// bench_sync: Concord's sync engine against the three emulators (issue 6).
//
//   bench_sync [--mode initial|latency|all] [--clients N] [--bookings-per-client K]
//              [--time-scale S] [--api-delay MS] [--changes C] [--payments P] [--webhooks]
//
// initial — the first sync of a business: N clients (already in QuickBooks
//   and HubSpot) with K weekly bookings each in Cal.com, half held (each
//   needs its invoice) and every one its deal. Measured: requests each API
//   answered per second of budget time, against its ceiling (QuickBooks
//   500/min = 8.33/s, HubSpot 100 per 10 s = 10/s); the binding API's share
//   is the figure ("≥ 85% of the rate-limit ceiling"). Time scale S: one real
//   ms is S budget ms for the emulators' windows and the client's limiter
//   alike (as bench_quickbooks), so a 25-minute budget runs in 25/S minutes.
// latency — the tutoring sandbox, every API call delayed by MS (150), the
//   engine watching by polling only. After the first import, C appointment
//   changes (new bookings, reschedules, cancellations) and P payments are
//   made in the emulators as people would; measured: source change →
//   confirmed remote write, p50/p95 per kind, from the sync log. With
//   --webhooks the emulators' signed webhooks reach Concord's receiver and
//   wake the poll of their system (timed polling goes on as well).
//
// Prints a JSON summary per run; figures go to docs/benchmarks.md.

#include "benchsupport.h"

#include "common/clock.h"
#include "connectors/http/ratelimiter.h"
#include "connectors/http/scaledclock.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/operationsrepository.h"
#include "store/outboxrepository.h"
#include "sync/connectorset.h"
#include "sync/latencystats.h"
#include "sync/syncengine.h"
#include "sync/webhookreceiver.h"

#include "calcom/calcomemulator.h"
#include "calcom/calstate.h"
#include "hubspot/hsportal.h"
#include "hubspot/hubspotemulator.h"
#include "quickbooks/quickbooksemulator.h"
#include "seed/tutoringroster.h"
#include "tutoringsandbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Concord;

namespace {

struct Options {
    QString mode = u"all"_s;
    int clients = 2000;
    int bookingsPerClient = 5;
    double timeScale = 5;
    int apiDelayMs = 150;
    int changes = 40;
    int payments = 30;
    bool webhooks = false;
};

// The sandbox lives on its own thread (it serves HTTP); everything done to
// it from here goes through this.
template<typename F>
void onSandbox(Sandbox::TutoringSandbox *sandbox, F &&f)
{
    QMetaObject::invokeMethod(sandbox, std::forward<F>(f), Qt::BlockingQueuedConnection);
}

void waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

struct Rig {
    QTemporaryDir dir;
    QThread thread;
    Sandbox::TutoringSandbox *sandbox = nullptr;
    std::unique_ptr<Clock> clock;
    std::unique_ptr<Store::Database> db;
    std::unique_ptr<Security::SecretStore> secrets;
    std::unique_ptr<Store::OperationsRepository> ops;
    std::unique_ptr<Sync::ConnectorSet> connectors;
    std::unique_ptr<Sync::SyncEngine> engine;
    std::unique_ptr<Sync::WebhookReceiver> receiver;

    ~Rig()
    {
        receiver.reset();
        engine.reset();
        connectors.reset();
        ops.reset();
        db.reset();
        if (sandbox)
            QMetaObject::invokeMethod(sandbox, [s = sandbox] { delete s; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }

    bool start(Sandbox::TutoringSandbox::Seed seed, double scale, int apiDelayMs)
    {
        thread.setObjectName(u"sandbox"_s);
        thread.start();
        if (scale != 1)
            clock = std::make_unique<Connectors::ScaledClock>(QDateTime::currentDateTimeUtc(), scale);
        else
            clock = std::make_unique<SystemClock>();
        sandbox = new Sandbox::TutoringSandbox;
        sandbox->moveToThread(&thread);
        Status started;
        onSandbox(sandbox, [&] {
            sandbox->setApiDelay(apiDelayMs);
            if (scale != 1)
                sandbox->setTimeScale(scale);
            Sandbox::TutoringSandbox::Options o;
            o.seed = seed;
            o.clock = clock.get();
            // Latency of a clean office: no job parked for a person.
            o.newFamily = Sandbox::TutoringRoster::NewFamily::None;
            started = sandbox->start(o);
        });
        if (!started) {
            std::fprintf(stderr, "sandbox: %s\n", qPrintable(started.error().toString()));
            return false;
        }
        return true;
    }

    bool connect(double scale)
    {
        const Config config = sandbox->config(u"sqlite://"_s + dir.filePath(u"store.sqlite"_s));
        auto opened = Store::Database::open(config.storeUrl);
        if (!opened || !Store::migrate(**opened))
            return false;
        db = std::move(*opened);
        secrets = sandbox->secrets();
        ops = std::make_unique<Store::OperationsRepository>(*db, *clock);
        auto set = Sync::ConnectorSet::create(config, *secrets, *ops, *clock);
        if (!set) {
            std::fprintf(stderr, "connectors: %s\n", qPrintable(set.error().toString()));
            return false;
        }
        connectors = std::move(*set);
        if (scale != 1)
            connectors->limiter().setTimeScale(scale);
        engine = std::make_unique<Sync::SyncEngine>(*db, *connectors, Sync::EngineSettings::fromConfig(config), *clock);
        return true;
    }

    // Concord's webhook receiver on loopback, the emulators sending to it,
    // each delivery waking the poll of its system (as `sync --watch` does).
    bool enableWebhooks()
    {
        auto started = Sync::WebhookReceiver::startFor(*engine, *db, *secrets, *clock, u"127.0.0.1:0"_s);
        if (!started) {
            std::fprintf(stderr, "webhooks: %s\n", qPrintable(started.error().toString()));
            return false;
        }
        receiver = std::move(*started);
        const QUrl base = receiver->localUrl();
        onSandbox(sandbox, [&] { sandbox->setWebhookTarget(base); });
        waitUntil([&] { return receiver->hasLoadedSecrets(); }, 5000);
        return receiver->hasLoadedSecrets();
    }

    template<typename Log>
    static int apiRequests(const Log &log)
    {
        int n = 0;
        for (const auto &e : log)
            if (!e.path.startsWith(u"/__admin"_s) && !e.path.contains(u"/oauth"_s))
                ++n;
        return n;
    }
};

// ---------------------------------------------------------------------------

QJsonObject runInitial(const Options &o)
{
    Rig rig;
    if (!rig.start(Sandbox::TutoringSandbox::Seed::Empty, o.timeScale, 0))
        return {};
    const QString realm = Sandbox::TutoringSandbox::kRealmId.toString();
    int held = 0;
    onSandbox(rig.sandbox, [&] {
        auto &qbo = rig.sandbox->quickbooks();
        auto &hs = rig.sandbox->hubspot();
        auto &cal = rig.sandbox->calcom();
        qbo.setThrottlingEnabled(true);
        (void)qbo.seed(realm, u"Item"_s,
                       QJsonObject{{u"Name"_s, u"Tutoring Session"_s}, {u"Type"_s, u"Service"_s}, {u"UnitPrice"_s, 65},
                                   {u"IncomeAccountRef"_s, QJsonObject{{u"value"_s, u"1"_s}}}});
        const qint64 host = cal.state().users().first().id;
        // One tutor, 15-minute sessions back to back, half of them already
        // held (a staff member is never double-booked: that check would
        // flag thousands of pairs and measure the flags instead).
        Sandbox::CalEventType type;
        type.slug = u"session"_s;
        type.title = u"Tutoring Session"_s;
        type.lengthInMinutes = 15;
        type.ownerId = host;
        const qint64 typeId = cal.addEventType(type);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const qint64 total = qint64(o.clients) * o.bookingsPerClient;
        const QDateTime first = QDateTime(now.date(), QTime(0, 0), Qt::UTC).addSecs(-total / 2 * 15 * 60);
        for (int c = 0; c < o.clients; ++c) {
            const QString email = u"client%1@bench.example"_s.arg(c);
            const QString phone = u"+1555%1"_s.arg(2000000 + c);
            (void)qbo.seed(realm, u"Customer"_s,
                           QJsonObject{{u"DisplayName"_s, u"Client %1"_s.arg(c)}, {u"GivenName"_s, u"Client"_s},
                                       {u"FamilyName"_s, QString::number(c)},
                                       {u"PrimaryEmailAddr"_s, QJsonObject{{u"Address"_s, email}}},
                                       {u"PrimaryPhone"_s, QJsonObject{{u"FreeFormNumber"_s, phone}}}});
            (void)hs.portal().create(u"contacts"_s,
                                     QJsonObject{{u"properties"_s,
                                                  QJsonObject{{u"email"_s, email}, {u"firstname"_s, u"Client"_s},
                                                              {u"lastname"_s, QString::number(c)}, {u"phone"_s, phone}}}},
                                     u"IMPORT"_s);
            Sandbox::CalAttendee a{u"Client %1"_s.arg(c), email, u"America/New_York"_s, u"en"_s, phone, false};
            for (int k = 0; k < o.bookingsPerClient; ++k) {
                Sandbox::CalBooking b;
                b.uid = u"bench-%1-%2"_s.arg(c).arg(k);
                b.eventTypeId = typeId;
                b.hostUserId = host;
                b.title = u"Tutoring Session"_s;
                // Client c's k-th session: slots interleave clients, so every
                // client has sessions both held and upcoming.
                const QDateTime start = first.addSecs((qint64(k) * o.clients + c) * 15 * 60);
                b.startMs = start.toMSecsSinceEpoch();
                b.endMs = start.addSecs(15 * 60).toMSecsSinceEpoch();
                b.createdMs = now.addDays(-60).toMSecsSinceEpoch();
                b.updatedMs = now.addDays(-60).addSecs(c * o.bookingsPerClient + k).toMSecsSinceEpoch();
                b.attendees = {a};
                (void)cal.seedBooking(b);
                if (start.addSecs(15 * 60) < now)
                    ++held;
            }
        }
        qbo.clearLog();
        hs.clearLog();
        cal.clearLog();
    });
    if (!rig.connect(o.timeScale))
        return {};

    QElapsedTimer real;
    real.start();
    const QDateTime budgetStart = rig.clock->nowUtc();
    bool finished = false;
    Sync::CycleReport report;
    QObject::connect(rig.engine.get(), &Sync::SyncEngine::onceFinished, [&](const Sync::CycleReport &r) {
        report = r;
        finished = true;
    });
    rig.engine->runOnce();
    waitUntil([&] { return finished; }, 4 * 3600 * 1000);
    const double budgetSecs = budgetStart.msecsTo(rig.clock->nowUtc()) / 1000.0;
    int qboRequests = 0, hsRequests = 0, calRequests = 0, qbo429 = 0, hs429 = 0;
    onSandbox(rig.sandbox, [&] {
        qboRequests = Rig::apiRequests(rig.sandbox->quickbooks().requestLog());
        hsRequests = Rig::apiRequests(rig.sandbox->hubspot().requestLog());
        calRequests = Rig::apiRequests(rig.sandbox->calcom().requestLog());
        for (const auto &e : rig.sandbox->quickbooks().requestLog())
            qbo429 += e.status == 429;
        for (const auto &e : rig.sandbox->hubspot().requestLog())
            hs429 += e.status == 429;
    });
    const double qboRate = qboRequests / budgetSecs, hsRate = hsRequests / budgetSecs;
    const double qboShare = qboRate / (500.0 / 60.0), hsShare = hsRate / 10.0;
    return QJsonObject{{u"mode"_s, u"initial"_s},
                       {u"clients"_s, o.clients},
                       {u"bookings"_s, o.clients * o.bookingsPerClient},
                       {u"heldSessions"_s, held},
                       {u"timeScale"_s, o.timeScale},
                       {u"finished"_s, finished},
                       {u"realSeconds"_s, real.elapsed() / 1000.0},
                       {u"budgetSeconds"_s, budgetSecs},
                       {u"delivered"_s, report.delivered},
                       {u"failedJobs"_s, int(report.failedJobs.size())},
                       {u"applyErrors"_s, report.applyErrors},
                       {u"quickbooksRequests"_s, qboRequests},
                       {u"hubspotRequests"_s, hsRequests},
                       {u"calcomRequests"_s, calRequests},
                       {u"quickbooks429"_s, qbo429},
                       {u"hubspot429"_s, hs429},
                       {u"quickbooksShareOfCeiling"_s, qboShare},
                       {u"hubspotShareOfCeiling"_s, hsShare},
                       {u"bindingShareOfCeiling"_s, std::max(qboShare, hsShare)},
                       {u"peakRssMiB"_s, Bench::peakRssKiB() / 1024.0}};
}

// ---------------------------------------------------------------------------

QJsonObject runLatency(const Options &o)
{
    Rig rig;
    if (!rig.start(Sandbox::TutoringSandbox::Seed::Tutoring, 1, o.apiDelayMs))
        return {};
    if (!rig.connect(1))
        return {};
    if (o.webhooks && !rig.enableWebhooks())
        return {};
    const QString realm = Sandbox::TutoringSandbox::kRealmId.toString();
    rig.engine->startWatching();

    // The first import, then quiet.
    Store::OutboxRepository outbox(*rig.db, *rig.clock);
    auto idle = [&] {
        auto c = outbox.counts();
        return c && c->pending == 0 && c->inFlight == 0;
    };
    QElapsedTimer t;
    t.start();
    waitUntil([&] { return t.elapsed() > 20'000 && idle(); }, 30 * 60 * 1000);
    const double importSeconds = t.elapsed() / 1000.0;
    const QDateTime changesStart = QDateTime::currentDateTimeUtc();

    // People at work: bookings, reschedules, cancellations in Cal.com;
    // payments in QuickBooks, spread over a few minutes.
    QStringList upcoming;
    QList<QPair<QString, QPair<QString, qint64>>> openInvoices; // invoice → (customer, balance cents)
    onSandbox(rig.sandbox, [&] {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const Sandbox::CalBooking &b : rig.sandbox->calcom().state().bookings())
            if (b.status == u"accepted"_s && b.startMs > now.toMSecsSinceEpoch() + 3600'000)
                upcoming << b.uid;
        for (const QJsonObject &inv : rig.sandbox->quickbooks().entities(realm, u"Invoice"_s)) {
            const double balance = inv.value(u"Balance"_s).toDouble();
            if (balance > 0)
                openInvoices.append({inv.value(u"Id"_s).toString(),
                                     {inv.value(u"CustomerRef"_s).toObject().value(u"value"_s).toString(),
                                      qint64(balance * 100 + 0.5)}});
        }
    });
    const auto &roster = rig.sandbox->roster();
    const auto eventTypes = rig.sandbox->seedReport().calcom->eventTypeIds;
    int made = 0, paid = 0;
    auto *rng = QRandomGenerator::global();
    for (int i = 0; i < std::max(o.changes, o.payments); ++i) {
        if (i < o.changes) {
            onSandbox(rig.sandbox, [&] {
                auto &cal = rig.sandbox->calcom();
                const int kind = i % 3;
                if (kind == 0 || upcoming.isEmpty()) {
                    const auto &f = roster.families.at(rng->bounded(int(roster.families.size())));
                    Sandbox::CalAttendee a{f.parentGiven + u' ' + f.parentFamily, f.parentEmail, f.timeZone, u"en"_s,
                                           {}, false};
                    const QDateTime start = QDateTime(QDate::currentDate().addDays(14 + i), QTime(3, 0), Qt::UTC)
                                                .addSecs(qint64(i) * 60);
                    if (cal.clientBooks(eventTypes.at(f.service), start, a))
                        ++made;
                } else if (kind == 1) {
                    const QString uid = upcoming.takeAt(rng->bounded(int(upcoming.size())));
                    if (cal.clientReschedules(uid, QDateTime(QDate::currentDate().addDays(21 + i), QTime(4, 0), Qt::UTC),
                                              u"bench"_s))
                        ++made;
                } else {
                    const QString uid = upcoming.takeAt(rng->bounded(int(upcoming.size())));
                    if (cal.clientCancels(uid, u"bench"_s))
                        ++made;
                }
            });
        }
        if (i < o.payments && !openInvoices.isEmpty()) {
            const auto inv = openInvoices.takeAt(rng->bounded(int(openInvoices.size())));
            onSandbox(rig.sandbox, [&] {
                if (rig.sandbox->quickbooks().recordPayment(realm, inv.second.first, inv.second.second,
                                                            {{inv.first, inv.second.second}}))
                    ++paid;
            });
        }
        waitUntil([] { return false; }, 1500 + int(rng->bounded(2000)));
    }
    // Everything carried, then a quiet stretch.
    t.restart();
    waitUntil([&] { return t.elapsed() > 70'000 && idle(); }, 10 * 60 * 1000);
    rig.engine->stop();

    // Only the changes made in the measured window: a delivery whose source
    // change is older (a session that ended before the engine started, made
    // "completed" by the calendar) is not a latency of this run.
    std::optional<QHash<QString, QList<qint64>>> byKind;
    if (auto log = rig.ops->recentLog(1'000'000); log) {
        QHash<QString, QList<qint64>> kept;
        int older = 0;
        for (const Domain::SyncLogEntry &e : std::as_const(*log)) {
            if (e.direction != u"out"_s || e.outcome != u"ok"_s || e.latencyMs < 0 || e.at < changesStart)
                continue;
            if (e.at.addMSecs(-e.latencyMs) < changesStart) {
                ++older;
                continue;
            }
            kept[e.kind].append(e.latencyMs);
        }
        for (auto &list : kept)
            std::sort(list.begin(), list.end());
        byKind = kept;
        std::fprintf(stderr, "bench_sync: %d deliveries of changes made before the window left out\n", older);
    }
    QJsonArray kinds;
    if (byKind) {
        for (auto it = byKind->cbegin(); it != byKind->cend(); ++it) {
            const auto s = Sync::summarize(it.key(), it.value());
            kinds.append(QJsonObject{{u"kind"_s, it.key()},
                                     {u"count"_s, s.count},
                                     {u"p50Ms"_s, s.p50Ms},
                                     {u"p95Ms"_s, s.p95Ms},
                                     {u"maxMs"_s, it.value().isEmpty() ? 0 : it.value().constLast()}});
        }
    }
    return QJsonObject{{u"mode"_s, u"latency"_s},
                       {u"apiDelayMs"_s, o.apiDelayMs},
                       {u"pollingOnly"_s, !o.webhooks},
                       {u"webhooks"_s, rig.receiver ? QJsonObject{
                           {u"calcom"_s, rig.receiver->counters(Domain::System::CalCom).accepted},
                           {u"quickbooks"_s, rig.receiver->counters(Domain::System::QuickBooks).accepted},
                           {u"hubspot"_s, rig.receiver->counters(Domain::System::HubSpot).accepted},
                           {u"rejected"_s, rig.receiver->counters(Domain::System::CalCom).rejected
                                               + rig.receiver->counters(Domain::System::QuickBooks).rejected
                                               + rig.receiver->counters(Domain::System::HubSpot).rejected}}
                                                    : QJsonValue()},
                       {u"importSeconds"_s, importSeconds},
                       {u"appointmentChanges"_s, made},
                       {u"payments"_s, paid},
                       {u"kinds"_s, kinds},
                       {u"problems"_s, QJsonArray::fromStringList(rig.engine->report().problems.mid(0, 10))}};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"mode"_s, u"initial, latency or all."_s, u"mode"_s, u"all"_s});
    parser.addOption({u"clients"_s, u"Clients for the initial sync."_s, u"n"_s, u"2000"_s});
    parser.addOption({u"bookings-per-client"_s, u"Weekly bookings per client."_s, u"k"_s, u"5"_s});
    parser.addOption({u"time-scale"_s, u"Budget ms per real ms (initial sync)."_s, u"s"_s, u"5"_s});
    parser.addOption({u"api-delay"_s, u"Extra ms before every API answer (latency)."_s, u"ms"_s, u"150"_s});
    parser.addOption({u"changes"_s, u"Appointment changes (latency)."_s, u"n"_s, u"40"_s});
    parser.addOption({u"payments"_s, u"Payments recorded (latency)."_s, u"n"_s, u"30"_s});
    parser.addOption({u"webhooks"_s, u"Latency with Concord's webhook receiver (polling goes on too)."_s});
    parser.process(app);
    Options o;
    o.mode = parser.value(u"mode"_s);
    o.clients = parser.value(u"clients"_s).toInt();
    o.bookingsPerClient = parser.value(u"bookings-per-client"_s).toInt();
    o.timeScale = parser.value(u"time-scale"_s).toDouble();
    o.apiDelayMs = parser.value(u"api-delay"_s).toInt();
    o.changes = parser.value(u"changes"_s).toInt();
    o.payments = parser.value(u"payments"_s).toInt();
    o.webhooks = parser.isSet(u"webhooks"_s);
    if (o.clients <= 0 || o.bookingsPerClient <= 0 || o.timeScale < 1) {
        std::fprintf(stderr, "bench_sync: bad option values\n");
        return 2;
    }
    if (o.mode == u"initial"_s || o.mode == u"all"_s)
        std::printf("%s\n", QJsonDocument(runInitial(o)).toJson(QJsonDocument::Indented).constData());
    if (o.mode == u"latency"_s || o.mode == u"all"_s)
        std::printf("%s\n", QJsonDocument(runLatency(o)).toJson(QJsonDocument::Indented).constData());
    return 0;
}
