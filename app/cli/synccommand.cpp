// concord-cli sync --config F (--once | --watch): Concord's main job without
// a window (architecture.md, "Command line").
#include "clicontext.h"
#include "commands.h"

#include "common/clock.h"
#include "common/unixsignals.h"
#include "security/secretstore.h"
#include "services/servicesession.h"
#include "services/synchost.h"
#include "store/operationsrepository.h"
#include "sync/connectorset.h"
#include "sync/syncengine.h"
#include "sync/webhookreceiver.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>

using namespace Qt::StringLiterals;

namespace Concord::Cli {

namespace {

QJsonObject reportJson(const Sync::CycleReport &r)
{
    QJsonArray failed;
    for (const Domain::OutboxJob &j : r.failedJobs) {
        failed.append(QJsonObject{{u"id"_s, j.id},
                                  {u"system"_s, Domain::toString(j.targetSystem)},
                                  {u"operation"_s, j.operation},
                                  {u"entity"_s, j.entityType + u'/' + j.entityId},
                                  {u"attempts"_s, j.attempts},
                                  {u"error"_s, j.lastErrorMessage},
                                  {u"requestId"_s, j.lastRequestId}});
    }
    return QJsonObject{{u"customersSeen"_s, r.customersSeen},
                       {u"bookingsSeen"_s, r.bookingsSeen},
                       {u"moneySeen"_s, r.moneySeen},
                       {u"echoes"_s, r.echoes},
                       {u"stale"_s, r.stale},
                       {u"applyErrors"_s, r.applyErrors},
                       {u"jobsEnqueued"_s, r.jobsEnqueued},
                       {u"delivered"_s, r.delivered},
                       {u"retriesScheduled"_s, r.retriesScheduled},
                       {u"pendingJobs"_s, r.pendingJobs},
                       {u"needsAttention"_s, failed},
                       {u"problems"_s, QJsonArray::fromStringList(r.problems)}};
}

void printReport(const Sync::CycleReport &r, bool json)
{
    if (json) {
        out(QString::fromUtf8(QJsonDocument(reportJson(r)).toJson(QJsonDocument::Indented)));
        return;
    }
    out(u"Captured: %1 customers, %2 bookings, %3 invoices and payments (%4 of Concord's own writes recognised)\n"_s
            .arg(r.customersSeen)
            .arg(r.bookingsSeen)
            .arg(r.moneySeen)
            .arg(r.echoes));
    out(u"Delivered: %1 changes; %2 still queued for a later retry\n"_s.arg(r.delivered).arg(r.pendingJobs));
    if (r.applyErrors > 0)
        out(u"Changes that could not be applied: %1 (see the sync log)\n"_s.arg(r.applyErrors));
    if (!r.failedJobs.isEmpty()) {
        out(u"Needs attention (%1):\n"_s.arg(r.failedJobs.size()));
        for (const Domain::OutboxJob &j : r.failedJobs)
            out(u"  #%1 %2 %3/%4 after %5 attempts: %6%7\n"_s.arg(j.id)
                    .arg(j.operation, j.entityType, j.entityId)
                    .arg(j.attempts)
                    .arg(j.lastErrorMessage,
                         j.lastRequestId.isEmpty() ? QString() : u" (request %1)"_s.arg(j.lastRequestId)));
    }
    for (const QString &p : r.problems)
        err(u"concord-cli: %1\n"_s.arg(p));
}


// --watch: the engine kept running by a SyncHost (as concord-syncd runs it)
// until SIGINT/SIGTERM; deliveries in flight get [syncd] shutdown_grace_secs
// to finish, then their jobs are put back for the next run.
int watchSync(const Config &config, Security::SecretStore &secrets, const Clock &clock, bool json)
{
    auto host = Services::SyncHost::open(config, secrets, clock, Sync::EngineSettings::fromConfig(config), u"cli"_s);
    if (!host)
        return reportError(host.error());
    auto signals_ = UnixSignals::install();
    if (!signals_)
        return reportError(signals_.error());
    Services::SyncHost &h = **host;
    QObject::connect(signals_->get(), &UnixSignals::stopRequested, &h, [&h, &config] {
        err(u"concord-cli: stopping: finishing the deliveries in flight\n"_s);
        h.stop(std::chrono::seconds(config.syncdShutdownGraceSecs));
    });
    int exitCode = ExitOk;
    QObject::connect(&h, &Services::SyncHost::stopped, QCoreApplication::instance(),
                     [&exitCode, json](const Services::SyncStopOutcome &outcome) {
                         printReport(outcome.report, json);
                         exitCode = outcome.report.failedJobs.isEmpty() ? ExitOk : ExitFailures;
                         QCoreApplication::quit();
                     });
    // Webhooks, when a receiver is configured, only shorten the wait: each
    // verified delivery makes the engine poll that system at once.
    if (auto started = h.start(); !started)
        return reportError(started.error());
    if (Sync::WebhookReceiver *receiver = h.receiver())
        err(u"concord-cli: receiving webhooks on %1 (port %2)\n"_s.arg(config.webhooksListen).arg(receiver->port()));
    QCoreApplication::exec();
    return exitCode;
}

} // namespace

int runSync(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(u"once"_s, u"One full cycle: capture, decide, deliver; then exit."_s));
    parser.addOption(QCommandLineOption(u"watch"_s, u"Keep syncing until interrupted (Ctrl+C, SIGTERM)."_s));
    parser.addOption(QCommandLineOption(u"json"_s, u"Print the cycle's report as JSON."_s));
    if (int rc = parseSubcommand(parser, args,
                                 u"Carry bookings, customers, invoices and payments between Cal.com, QuickBooks "
                                 "and HubSpot."_s);
        rc >= 0)
        return rc;
    const bool once = parser.isSet(u"once"_s);
    const bool watch = parser.isSet(u"watch"_s);
    if (once == watch)
        return usageError(u"sync needs exactly one of --once or --watch"_s);

    auto config = loadConfig(parser);
    if (!config)
        return reportError(config.error());
    auto secrets = Security::SecretStore::create(config->secretsBackend, Services::keychainService());
    if (!secrets)
        return reportError(secrets.error());
    const Clock &clock = Clock::system();
    const bool json = parser.isSet(u"json"_s);
    if (watch)
        return watchSync(*config, **secrets, clock, json);

    auto db = openStore(*config);
    if (!db)
        return reportError(db.error());
    Store::OperationsRepository operations(**db, clock);
    auto connectors = Sync::ConnectorSet::create(*config, **secrets, operations, clock);
    if (!connectors)
        return reportError(connectors.error());

    Sync::SyncEngine engine(**db, **connectors, Sync::EngineSettings::fromConfig(*config), clock);
    int exitCode = ExitOk;
    QObject::connect(&engine, &Sync::SyncEngine::onceFinished, QCoreApplication::instance(),
                     [&exitCode, json](const Sync::CycleReport &r) {
                         printReport(r, json);
                         exitCode = (r.failedJobs.isEmpty() && r.applyErrors == 0) ? ExitOk : ExitFailures;
                         QCoreApplication::quit();
                     });
    engine.runOnce();
    QCoreApplication::exec();
    return exitCode;
}

} // namespace Concord::Cli
