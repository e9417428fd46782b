#include "clicontext.h"
#include "commands.h"

#include "domain/system.h"
#include "services/storestatus.h"

#include <QCommandLineOption>

using namespace Qt::StringLiterals;

namespace Concord::Cli {

namespace {

// "0.8 s", "38.2 s", "300 s": whole seconds when exact, else tenths (rounded).
QString seconds(qint64 ms)
{
    if (ms % 1000 == 0)
        return u"%1 s"_s.arg(ms / 1000);
    const qint64 tenths = (ms + 50) / 100;
    return u"%1.%2 s"_s.arg(tenths / 10).arg(tenths % 10);
}

} // namespace

int runStatus(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(u"json"_s, u"Print the status as JSON."_s));
    if (int rc = parseSubcommand(parser, args, u"Show the store, its counts and each connection's state."_s); rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"status takes no arguments (got '%1')"_s.arg(parser.positionalArguments().join(u' ')));
    auto db = openStore(parser);
    if (!db)
        return reportError(db.error());
    auto status = Services::collectStatus(**db);
    if (!status)
        return reportError(status.error());

    if (parser.isSet(u"json"_s)) {
        out(QString::fromUtf8(Services::statusToJson(*status)));
        return ExitOk;
    }
    out(u"Store:        %1 (%2, schema %3)\n"_s.arg(status->url, status->engine).arg(status->schemaVersion));
    out(u"Customers:    %1\nAppointments: %2\nInvoices:     %3\n"_s.arg(status->customers)
            .arg(status->appointments)
            .arg(status->invoices));
    out(u"Outbox:       %1 pending, %2 failed\nAudit log:    %3 entries\n"_s.arg(status->pendingJobs)
            .arg(status->failedJobs)
            .arg(status->auditEntries));
    for (const Domain::Connection &c : std::as_const(status->connections))
        out(u"%1: %2\n"_s.arg(Domain::displayName(c.system), Domain::toString(c.state)));

    // Sync health: what waits for a person, and how fast changes were carried
    // against the promise (product.md §6) over the last day.
    out(u"Sync:         %1 in flight, %2 delivered, %3 dismissed; %4 open flags\n"_s.arg(status->inFlightJobs)
            .arg(status->succeededJobs)
            .arg(status->dismissedJobs)
            .arg(status->openFlags));
    if (status->latency.isEmpty())
        out(u"Latency:      nothing delivered in the last 24 h\n"_s);
    for (const Sync::LatencySummary &l : std::as_const(status->latency)) {
        const QString kind = l.kind.isEmpty() ? u"(unspecified)"_s : l.kind;
        QString line = u"Latency:      %1: %2 changes, p50 %3, p95 %4"_s.arg(kind)
                           .arg(l.count)
                           .arg(seconds(l.p50Ms), seconds(l.p95Ms));
        if (l.targetMs > 0)
            line += u" (target under %1: %2)"_s.arg(seconds(l.targetMs), l.withinTarget ? u"met"_s : u"MISSED"_s);
        out(line + u'\n');
    }
    for (const auto &w : std::as_const(status->webhooks)) {
        QString line = u"Webhooks:     %1: %2 in the last 24 h, last at %3"_s.arg(Domain::displayName(w.system))
                           .arg(w.received)
                           .arg(w.lastReceivedAt.toString(Qt::ISODate));
        if (w.unreadable > 0)
            line += u"; %1 could not be read (kept; polling covered them)"_s.arg(w.unreadable);
        if (w.unprocessed > 0)
            line += u"; %1 waiting for their poll"_s.arg(w.unprocessed);
        out(line + u'\n');
    }
    return ExitOk;
}

} // namespace Concord::Cli
