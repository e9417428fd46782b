// concord-cli: Concord's headless commands. Contract in architecture.md
// ("Command line"): exit 0 ok, 1 failures remain, 2 bad usage or bad input;
// problems are reported as one clear line on stderr.
#include "clicontext.h"
#include "commands.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

const char *const kHelp =
    "Usage: concord-cli [--config FILE] <command> [options]\n"
    "\n"
    "Concord keeps a service business's CRM (HubSpot), scheduler (Cal.com) and\n"
    "billing (QuickBooks Online) in agreement.\n"
    "\n"
    "Commands:\n"
    "  status [--json]          the store, its counts and each connection's state\n"
    "  audit verify             check the audit log's hash chain\n"
    "  secrets set NAME         store a secret read from standard input\n"
    "  secrets delete NAME      remove a secret\n"
    "  secrets list             which secrets are set (names only, never values)\n"
    "  quickbooks test          check the QuickBooks connection (company name)\n"
    "  quickbooks find-customer --email E | --phone P | --name N\n"
    "  quickbooks query \"SELECT …\"   run a QuickBooks query (JSON)\n"
    "  quickbooks changes --since ISO8601   what changed (Change Data Capture)\n"
    "  quickbooks connect       authorize Concord in the browser (OAuth 2.0)\n"
    "  sync --once | --watch [--json]\n"
    "                           carry changes between Cal.com, QuickBooks and HubSpot\n"
    "  queue list|retry|override|link|dismiss …\n"
    "                           the retry queue: what failed and why; act on it\n"
    "  mode [show|full|light] [--json]\n"
    "                           the integration mode: full, or the lighter setup\n"
    "  invoice create --appointment ID\n"
    "                           queue a session's QuickBooks invoice now (manual trigger)\n"
    "  report monthly --month YYYY-MM (--json | --csv | --pdf FILE)\n"
    "  report aging [--as-of YYYY-MM-DD] (--json | --csv | --pdf FILE)\n"
    "                           monthly and aging reports from the QuickBooks mirror\n"
    "  sandbox [--seed tutoring|empty] [--ports-file F] [--api-delay MS]\n"
    "                           run the local API emulators until stopped (Ctrl+C)\n"
    "\n"
    "Options:\n"
    "  --config FILE            configuration file (default: the per-user concord.ini)\n"
    "  -h, --help               this help; 'concord-cli COMMAND --help' for a command\n"
    "  -v, --version            the version\n"
    "\n"
    "Exit codes: 0 ok, 1 failures remain, 2 bad usage or bad input.\n";

// Every failure reaches the user as the command's own one clear line; the
// log lines behind it (Qt's driver chatter, our modules' warnings) would bury
// it, so they are shown only with CONCORD_DEBUG=1. Critical messages always are.
void messageHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    const bool verbose = qEnvironmentVariableIsSet("CONCORD_DEBUG");
    if (!verbose && type != QtCriticalMsg && type != QtFatalMsg)
        return;
    std::fprintf(stderr, "concord-cli: %s\n", message.toUtf8().constData());
}

} // namespace

int main(int argc, char *argv[])
{
    qInstallMessageHandler(messageHandler);
    const auto app = Concord::Cli::createApplication(argc, argv);
    QCoreApplication::setApplicationName(u"concord"_s);
    QCoreApplication::setOrganizationName(u"Concord"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CONCORD_VERSION));

    QStringList args = QCoreApplication::arguments();
    const QString program = args.takeFirst();
    // A global --config before the command is passed on to the command.
    QStringList global;
    while (!args.isEmpty() && args.first().startsWith(u'-')) {
        const QString option = args.takeFirst();
        if (option == u"-h"_s || option == u"--help"_s) {
            Concord::Cli::out(QString::fromUtf8(kHelp));
            return Concord::Cli::ExitOk;
        }
        if (option == u"-v"_s || option == u"--version"_s) {
            Concord::Cli::out(u"concord-cli %1\n"_s.arg(QCoreApplication::applicationVersion()));
            return Concord::Cli::ExitOk;
        }
        if (option == u"--config"_s && !args.isEmpty()) {
            global << option << args.takeFirst();
        } else if (option.startsWith(u"--config="_s)) {
            global << option;
        } else {
            return Concord::Cli::usageError(u"unknown option '%1'"_s.arg(option));
        }
    }
    if (args.isEmpty())
        return Concord::Cli::usageError(u"no command given"_s);
    const QString command = args.takeFirst();
    const QStringList commandArgs = QStringList{program} + global + args;
    if (command == u"status"_s)
        return Concord::Cli::runStatus(commandArgs);
    if (command == u"audit"_s)
        return Concord::Cli::runAudit(commandArgs);
    if (command == u"secrets"_s)
        return Concord::Cli::runSecrets(commandArgs);
    if (command == u"sandbox"_s)
        return Concord::Cli::runSandbox(commandArgs);
    if (command == u"quickbooks"_s)
        return Concord::Cli::runQuickBooks(commandArgs);
    if (command == u"hubspot"_s)
        return Concord::Cli::runHubSpot(commandArgs);
    if (command == u"calcom"_s)
        return Concord::Cli::runCalcom(commandArgs);
    if (command == u"dedupe"_s)
        return Concord::Cli::runDedupe(commandArgs);
    if (command == u"sync"_s)
        return Concord::Cli::runSync(commandArgs);
    if (command == u"queue"_s)
        return Concord::Cli::runQueue(commandArgs);
    if (command == u"mode"_s)
        return Concord::Cli::runMode(commandArgs);
    if (command == u"invoice"_s)
        return Concord::Cli::runInvoice(commandArgs);
    if (command == u"report"_s)
        return Concord::Cli::runReport(commandArgs);
    return Concord::Cli::usageError(u"unknown command '%1'"_s.arg(command));
}
