#include "clicontext.h"
#include "commands.h"

#include "domain/system.h"
#include "services/storestatus.h"

#include <QCommandLineOption>

using namespace Qt::StringLiterals;

namespace Concord::Cli {

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
    return ExitOk;
}

} // namespace Concord::Cli
