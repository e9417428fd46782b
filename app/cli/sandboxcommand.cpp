#include "clicontext.h"
#include "commands.h"

#include "calcom/calcomemulator.h"
#include "hubspot/hubspotemulator.h"
#include "hubspot/hsauth.h"
#include "quickbooks/quickbooksemulator.h"
#include "sandboxendpoints.h"
#include "seed/calcomtutoringseed.h"
#include "seed/hubspottutoringseed.h"
#include "seed/tutoringroster.h"
#include "seed/tutoringseed.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QDate>
#include <QFile>
#include <QSaveFile>
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

constexpr auto kRealm = "9130357766012345";
constexpr auto kClientId = "concord-sandbox";
constexpr auto kClientSecret = "sandbox-client-secret";
constexpr auto kCalcomKey = "cal_live_tutoring_sandbox";

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

    Sandbox::QuickBooksEmulator qbo;
    if (!qbo.listen(quint16(port)))
        return reportError(Error::make(ErrorCode::Unsupported, u"the QuickBooks emulator cannot listen on 127.0.0.1:%1"_s.arg(port)));
    const QString realm = QString::fromLatin1(kRealm);
    qbo.addRealm(realm);
    qbo.auth().setClientCredentials(QString::fromLatin1(kClientId), QString::fromLatin1(kClientSecret));
    const auto tokens = qbo.issueTokens(realm);

    Sandbox::HubSpotEmulator hubspot;
    if (!hubspot.listen())
        return reportError(Error::make(ErrorCode::Unsupported, u"the HubSpot emulator cannot listen on 127.0.0.1"_s));
    Sandbox::CalcomEmulator calcom;
    if (!calcom.listen())
        return reportError(Error::make(ErrorCode::Unsupported, u"the Cal.com emulator cannot listen on 127.0.0.1"_s));
    QString calcomKey = QString::fromLatin1(kCalcomKey);

    if (seed == u"tutoring"_s) {
        // One roster for all three: the same people, sessions and money everywhere.
        const QDate today = QDate::currentDate();
        const Sandbox::TutoringRoster roster = Sandbox::TutoringRoster::build(today);
        auto summary = Sandbox::seedQuickBooksTutoring(qbo, realm, roster, today);
        if (!summary)
            return reportError(summary.error());
        out(u"QuickBooks sandbox seeded: %1 customers (%2 duplicates), %3 invoices (%4 paid, %5 partly paid, %6 overdue)\n"_s
                .arg(summary->customers)
                .arg(summary->duplicateRecords)
                .arg(summary->invoices)
                .arg(summary->paidInvoices)
                .arg(summary->partiallyPaidInvoices)
                .arg(summary->overdueInvoices));
        auto crm = Sandbox::seedHubSpotTutoring(hubspot, roster);
        if (!crm)
            return reportError(crm.error());
        out(u"HubSpot sandbox seeded: %1 contacts (%2 second contacts, %3 misspelled), %4 deals, %5 notes, %6 tasks\n"_s
                .arg(crm->contacts)
                .arg(crm->secondContacts)
                .arg(crm->misspelledContacts)
                .arg(crm->deals)
                .arg(crm->notes)
                .arg(crm->tasks));
        auto scheduler = Sandbox::seedCalcomTutoring(calcom, roster, calcomKey);
        if (!scheduler)
            return reportError(scheduler.error());
        calcomKey = scheduler->apiKey;
        out(u"Cal.com sandbox seeded: %1 staff, %2 event types, %3 bookings (%4 canceled, %5 rescheduled, %6 no-shows)\n"_s
                .arg(scheduler->staffUserIds.size())
                .arg(scheduler->eventTypeIds.size())
                .arg(scheduler->bookings)
                .arg(scheduler->cancelled)
                .arg(scheduler->rescheduled)
                .arg(scheduler->noShows));
    } else {
        // Empty, but usable: one user who owns the API key.
        Sandbox::CalUser user;
        user.username = u"owner"_s;
        user.email = u"owner@sandbox.example"_s;
        user.name = u"Sandbox Owner"_s;
        const qint64 owner = calcom.addUser(user);
        calcom.addApiKey(calcomKey, owner);
    }

    Sandbox::SandboxEndpoints endpoints;
    endpoints.quickbooks = qbo.baseUrl();
    endpoints.quickbooksToken = qbo.tokenUrl();
    endpoints.quickbooksRealmId = realm;
    endpoints.quickbooksClientId = QString::fromLatin1(kClientId);
    endpoints.quickbooksClientSecret = QString::fromLatin1(kClientSecret);
    endpoints.quickbooksRefreshToken = tokens.refreshToken;
    endpoints.quickbooksAccessToken = tokens.accessToken;
    endpoints.hubspot = hubspot.baseUrl();
    endpoints.hubspotToken = hubspot.tokenUrl();
    endpoints.hubspotPrivateAppToken = hubspot.auth().defaultPrivateAppToken();
    endpoints.calcom = calcom.baseUrl();
    endpoints.calcomApiKey = calcomKey;
    out(u"QuickBooks emulator: %1 (realm %2)\n"_s.arg(qbo.baseUrl().toString(), realm));
    out(u"HubSpot emulator:    %1\n"_s.arg(hubspot.baseUrl().toString()));
    out(u"Cal.com emulator:    %1\n"_s.arg(calcom.baseUrl().toString()));
    if (parser.isSet(u"ports-file"_s)) {
        // Written atomically: a reader polling for the file never sees half of it.
        QSaveFile file(parser.value(u"ports-file"_s));
        if (!file.open(QIODevice::WriteOnly) || file.write(endpoints.toJson()) < 0 || !file.commit())
            return reportError(Error::make(ErrorCode::InvalidArgument,
                                           u"cannot write the ports file %1: %2"_s.arg(file.fileName(), file.errorString())));
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
