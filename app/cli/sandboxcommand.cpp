#include "clicontext.h"
#include "commands.h"

#include "tutoringsandbox.h"

#include <QCommandLineOption>
#include <QUrl>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Concord::Cli {

namespace {

// SIGINT/SIGTERM → a byte on a socket pair → a Qt notifier quits the loop:
// the only async-signal-safe way to stop a Qt event loop from a signal.
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[0], &byte, 1);
}

} // namespace

int runSandbox(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(u"seed"_s, u"Initial data: tutoring (the demo business) or empty."_s,
                                        u"seed"_s, u"tutoring"_s));
    parser.addOption(QCommandLineOption(u"ports-file"_s, u"Write the emulators' base URLs and sandbox credentials "
                                                           "as JSON to this file."_s,
                                        u"file"_s));
    parser.addOption(QCommandLineOption(u"quickbooks-port"_s, u"Port for the QuickBooks emulator (default: any free)."_s,
                                        u"port"_s, u"0"_s));
    parser.addOption(QCommandLineOption(u"api-delay"_s, u"Delay every API answer of the three emulators by this many "
                                                          "milliseconds, as a slow network or service would (admin "
                                                          "requests are not delayed; default 0)."_s,
                                        u"ms"_s, u"0"_s));
    parser.addOption(QCommandLineOption(u"webhooks-to"_s, u"Send the emulators' signed webhooks to a Concord receiver at "
                                                            "this base URL (e.g. http://127.0.0.1:8790, as in [webhooks] "
                                                            "listen); they go to <url>/webhooks/<system>."_s,
                                        u"url"_s));
    if (int rc = parseSubcommand(parser, args,
                                 u"Run local emulators of QuickBooks Online, HubSpot and Cal.com on 127.0.0.1 "
                                 "until interrupted."_s);
        rc >= 0) {
        return rc;
    }
    const QString seed = parser.value(u"seed"_s);
    if (seed != u"tutoring"_s && seed != u"empty"_s)
        return usageError(u"--seed must be 'tutoring' or 'empty' (got '%1')"_s.arg(seed));
    bool portOk = false;
    const uint port = parser.value(u"quickbooks-port"_s).toUInt(&portOk);
    if (!portOk || port > 65535)
        return usageError(u"--quickbooks-port must be a port number (got '%1')"_s.arg(parser.value(u"quickbooks-port"_s)));

    bool delayOk = false;
    const int apiDelay = parser.value(u"api-delay"_s).toInt(&delayOk);
    if (!delayOk || apiDelay < 0)
        return usageError(u"--api-delay must be a whole number of milliseconds, 0 or more (got '%1')"_s.arg(parser.value(u"api-delay"_s)));

    QUrl webhooksTo;
    if (parser.isSet(u"webhooks-to"_s)) {
        webhooksTo = QUrl(parser.value(u"webhooks-to"_s), QUrl::StrictMode);
        if (!webhooksTo.isValid() || (webhooksTo.scheme() != u"http"_s && webhooksTo.scheme() != u"https"_s)
            || webhooksTo.host().isEmpty())
            return usageError(u"--webhooks-to must be an http(s) URL such as http://127.0.0.1:8790 (got '%1')"_s.arg(
                parser.value(u"webhooks-to"_s)));
    }

    Sandbox::TutoringSandbox sandbox;
    sandbox.setApiDelay(apiDelay);
    Sandbox::TutoringSandbox::Options options;
    options.seed = seed == u"tutoring"_s ? Sandbox::TutoringSandbox::Seed::Tutoring
                                         : Sandbox::TutoringSandbox::Seed::Empty;
    options.quickbooksPort = quint16(port);
    if (Status started = sandbox.start(options); !started)
        return reportError(started.error());
    if (webhooksTo.isValid()) {
        sandbox.setWebhookTarget(webhooksTo);
        out(u"Webhooks go to %1/webhooks/{quickbooks,hubspot,calcom}\n"_s.arg(webhooksTo.toString(QUrl::StripTrailingSlash)));
    }

    const Sandbox::TutoringSandbox::SeedReport &report = sandbox.seedReport();
    if (const auto &summary = report.quickbooks) {
        out(u"QuickBooks sandbox seeded: %1 customers (%2 duplicates), %3 invoices (%4 paid, %5 partly paid, %6 overdue)\n"_s
                .arg(summary->customers)
                .arg(summary->duplicateRecords)
                .arg(summary->invoices)
                .arg(summary->paidInvoices)
                .arg(summary->partiallyPaidInvoices)
                .arg(summary->overdueInvoices));
    }
    if (const auto &crm = report.hubspot) {
        out(u"HubSpot sandbox seeded: %1 contacts (%2 second contacts, %3 misspelled), %4 deals, %5 notes, %6 tasks\n"_s
                .arg(crm->contacts)
                .arg(crm->secondContacts)
                .arg(crm->misspelledContacts)
                .arg(crm->deals)
                .arg(crm->notes)
                .arg(crm->tasks));
    }
    if (const auto &scheduler = report.calcom) {
        out(u"Cal.com sandbox seeded: %1 staff, %2 event types, %3 bookings (%4 canceled, %5 rescheduled, %6 no-shows)\n"_s
                .arg(scheduler->staffUserIds.size())
                .arg(scheduler->eventTypeIds.size())
                .arg(scheduler->bookings)
                .arg(scheduler->cancelled)
                .arg(scheduler->rescheduled)
                .arg(scheduler->noShows));
    }

    const Sandbox::SandboxEndpoints &endpoints = sandbox.endpoints();
    out(u"QuickBooks emulator: %1 (realm %2)\n"_s.arg(endpoints.quickbooks.toString(), endpoints.quickbooksRealmId));
    out(u"HubSpot emulator:    %1\n"_s.arg(endpoints.hubspot.toString()));
    out(u"Cal.com emulator:    %1\n"_s.arg(endpoints.calcom.toString()));
    if (apiDelay > 0)
        out(u"Every API answer is delayed by %1 ms.\n"_s.arg(apiDelay));
    if (parser.isSet(u"ports-file"_s)) {
        if (Status written = sandbox.writePortsFile(parser.value(u"ports-file"_s)); !written)
            return reportError(written.error());
    }
    out(u"Running; press Ctrl+C to stop.\n"_s);

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return reportError(Error::make(ErrorCode::Internal, u"cannot set up signal handling"_s));
    QSocketNotifier notifier(g_signalPipe[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, QCoreApplication::instance(), [] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_signalPipe[1], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);

    QCoreApplication::exec();
    out(u"Sandbox stopped.\n"_s);
    return ExitOk;
}

} // namespace Concord::Cli
