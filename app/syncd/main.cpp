// concord-syncd: Concord's sync engine as a server process (issue 8;
// architecture.md, "Layout": app/syncd). No window, no keychain: the
// configuration file names the store and the three systems, the secrets come
// from the environment (CONCORD_<NAME>, e.g. systemd's EnvironmentFile=),
// logs go to stderr in the journal's form when that is where they go.
//
//   concord-syncd --config /etc/concord/concord.conf [--check] [--log-format auto|journal|text]
//
// Runs until SIGTERM or SIGINT: then it stops taking work, lets deliveries in
// flight finish for [syncd] shutdown_grace_secs, puts back what is still in
// flight (pending again; nothing lost, nothing delivered twice), closes the
// webhook receiver and exits 0. SIGHUP is logged and otherwise ignored (the
// environment is read once: restart the service to change secrets).
//
// Exit codes: 0 stopped cleanly (or --check found nothing wrong); 1 the
// store or the network failed at start; 2 bad usage, configuration or
// secrets (systemd: RestartPreventExitStatus=2, a restart cannot fix them).
#include "healthserver.h"
#include "sdnotify.h"
#include "servicecheck.h"

#include "common/clock.h"
#include "common/config.h"
#include "common/unixsignals.h"
#include "security/envsecretstore.h"
#include "security/secretstore.h"
#include "services/servicelog.h"
#include "services/servicesession.h"
#include "services/synchost.h"
#include "sync/syncengine.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSysInfo>

#include <chrono>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Concord;

Q_LOGGING_CATEGORY(lcSyncd, "concord.syncd", QtInfoMsg)

namespace {

enum ExitCode { ExitOk = 0, ExitFailures = 1, ExitUsage = 2 };

// Before the log handler (usage errors) and for --check's report: plain lines.
void say(const QString &text)
{
    std::fputs((u"concord-syncd: "_s + text + u'\n').toUtf8().constData(), stderr);
    std::fflush(stderr);
}

int exitFor(const Error &error)
{
    switch (error.code) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::InvalidConfig:
    case ErrorCode::SchemaTooNew:
        return ExitUsage;
    default:
        return ExitFailures;
    }
}

// Every problem of a configuration, one per line (Config::load puts the
// first in the message and the rest, "; "-separated, in the detail).
QStringList configProblems(const Error &error)
{
    QStringList lines{error.message};
    if (!error.detail.isEmpty())
        lines << error.detail.split(u"; "_s);
    return lines;
}

// A server has no keychain: the environment, unless the configuration asks
// for the keychain by name ([secrets] backend=keychain).
Result<std::unique_ptr<Security::SecretStore>> secretsFor(const Config &config)
{
    if (config.secretsBackend == u"keychain"_s)
        return Security::SecretStore::create(config.secretsBackend, Services::keychainService());
    return std::unique_ptr<Security::SecretStore>(std::make_unique<Security::EnvSecretStore>());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"concord"_s);
    QCoreApplication::setOrganizationName(u"Concord"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CONCORD_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Concord's sync service: keeps HubSpot, Cal.com and QuickBooks in agreement, without a window."_s);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption configOption(u"config"_s, u"Configuration file (INI)."_s, u"file"_s);
    const QCommandLineOption checkOption(
        u"check"_s, u"Check the configuration, the secrets and the store, then exit (0 good, 2 not)."_s);
    const QCommandLineOption logOption(u"log-format"_s,
                                       u"auto (journal when stderr is the journal), journal or text."_s,
                                       u"format"_s, u"auto"_s);
    const QCommandLineOption verboseOption(u"verbose"_s, u"Log debug messages too."_s);
    parser.addOption(configOption);
    parser.addOption(checkOption);
    parser.addOption(logOption);
    parser.addOption(verboseOption);
    parser.addHelpOption();
    parser.addVersionOption();
    if (!parser.parse(QCoreApplication::arguments())) {
        say(parser.errorText() + u"\nTry 'concord-syncd --help'."_s);
        return ExitUsage;
    }
    if (parser.isSet(u"help"_s)) {
        std::fputs(parser.helpText().toUtf8().constData(), stdout);
        return ExitOk;
    }
    if (parser.isSet(u"version"_s)) {
        std::fputs((u"concord-syncd %1\n"_s.arg(QCoreApplication::applicationVersion())).toUtf8().constData(), stdout);
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        say(u"unexpected argument '%1'\nTry 'concord-syncd --help'."_s.arg(parser.positionalArguments().first()));
        return ExitUsage;
    }
    const auto format = Logging::parseLogFormat(parser.value(logOption));
    if (!format) {
        say(u"--log-format: expected auto, journal or text, got '%1'"_s.arg(parser.value(logOption)));
        return ExitUsage;
    }
    const bool check = parser.isSet(checkOption);
    if (!check)
        Logging::installServiceLogHandler(*format);
    // The engine's modules log at debug level freely; a service's journal
    // wants info and up unless asked (QT_LOGGING_RULES still overrides).
    if (!parser.isSet(verboseOption))
        QLoggingCategory::setFilterRules(u"*.debug=false"_s);

    // A service reads the file it is given; the per-user default is a
    // desktop's place and only a fallback here.
    auto config = Config::load(parser.value(configOption));
    if (!config) {
        for (const QString &line : configProblems(config.error())) {
            if (check)
                say(u"error: "_s + line);
            else
                qCCritical(lcSyncd).noquote() << line;
        }
        return exitFor(config.error());
    }
    if (config->sourcePath.isEmpty() && !check)
        qCWarning(lcSyncd).noquote() << "no --config given and no file at" << Config::defaultPath()
                                     << "- running with defaults";
    auto secrets = secretsFor(*config);
    if (!secrets) {
        if (check)
            say(u"error: "_s + secrets.error().message);
        else
            qCCritical(lcSyncd).noquote() << secrets.error().message;
        return ExitUsage;
    }

    if (check) {
        const Syncd::CheckResult result = Syncd::checkService(*config, **secrets);
        for (const QString &note : result.notes)
            say(note);
        for (const QString &problem : result.problems)
            say(u"error: "_s + problem);
        if (!result.problems.isEmpty()) {
            say(u"%1 problem(s) in %2"_s.arg(result.problems.size())
                    .arg(config->sourcePath.isEmpty() ? u"the defaults"_s : config->sourcePath));
            return ExitUsage;
        }
        say(u"configuration OK: %1 (secrets from %2%3%4)"_s.arg(
            config->sourcePath.isEmpty() ? u"defaults"_s : config->sourcePath, (*secrets)->backendName(),
            config->webhooksListen.isEmpty() ? QString() : u"; webhooks on "_s + config->webhooksListen,
            config->syncdHealthListen.isEmpty() ? QString() : u"; health on "_s + config->syncdHealthListen));
        return ExitOk;
    }

    qCInfo(lcSyncd).noquote() << "concord-syncd" << QCoreApplication::applicationVersion() << "starting with"
                              << config->sourcePath << "- secrets from" << (*secrets)->backendName();
    const Clock &clock = Clock::system();
    Sync::EngineSettings settings = Sync::EngineSettings::fromConfig(*config);
    // Stable per host, so a restarted service takes back its own claims.
    settings.worker = config->syncdWorker.isEmpty() ? u"concord-syncd@"_s + QSysInfo::machineHostName()
                                                    : config->syncdWorker;
    auto host = Services::SyncHost::open(*config, **secrets, clock, settings, u"syncd"_s);
    if (!host) {
        qCCritical(lcSyncd).noquote() << "cannot start:" << host.error().message;
        return exitFor(host.error());
    }
    Services::SyncHost &h = **host;

    auto signals_ = UnixSignals::install();
    if (!signals_) {
        qCCritical(lcSyncd).noquote() << signals_.error().message;
        return ExitFailures;
    }
    Syncd::HealthServer health([&h] { return h.health(); });
    if (!config->syncdHealthListen.isEmpty()) {
        if (config->syncdHealthListen == config->webhooksListen) {
            qCCritical(lcSyncd).noquote() << config->sourcePath << ": [syncd] health_listen must differ from [webhooks] listen";
            return ExitUsage;
        }
        if (auto port = health.listen(config->syncdHealthListen); !port) {
            qCCritical(lcSyncd).noquote() << port.error().message;
            return exitFor(port.error());
        }
    }

    const auto grace = std::chrono::seconds(config->syncdShutdownGraceSecs);
    QObject::connect(signals_->get(), &UnixSignals::stopRequested, &h, [&h, grace](int signal) {
        if (h.isStopping()) {
            qCInfo(lcSyncd).noquote() << UnixSignals::name(signal) << "again: already stopping";
            return;
        }
        qCInfo(lcSyncd).noquote() << UnixSignals::name(signal) << u"received: stopping (grace %1 s)"_s.arg(grace.count());
        Syncd::notifySystemd(QByteArrayLiteral("STOPPING=1\nSTATUS=Stopping: finishing deliveries in flight"));
        h.stop(grace);
    });
    QObject::connect(signals_->get(), &UnixSignals::hangup, &h, [] {
        qCInfo(lcSyncd) << "SIGHUP ignored: nothing is reloaded; restart the service to read the configuration "
                           "and the environment again";
    });
    int exitCode = ExitOk;
    QObject::connect(&h, &Services::SyncHost::stopped, &app, [&](const Services::SyncStopOutcome &outcome) {
        const Sync::CycleReport &r = outcome.report;
        qCInfo(lcSyncd).noquote() << u"stopped %1: delivered %2, %3 put back for the next start; captured %4 "
                                     "customers, %5 bookings, %6 invoices and payments"_s
                                         .arg(outcome.withinGrace ? u"cleanly"_s : u"at the deadline"_s)
                                         .arg(r.delivered)
                                         .arg(outcome.releasedClaims)
                                         .arg(r.customersSeen)
                                         .arg(r.bookingsSeen)
                                         .arg(r.moneySeen);
        if (!outcome.problem.isEmpty())
            exitCode = ExitFailures;
        health.close();
        QCoreApplication::quit();
    });

    if (auto started = h.start(); !started) {
        qCCritical(lcSyncd).noquote() << "cannot start:" << started.error().message;
        return exitFor(started.error());
    }
    Syncd::notifySystemd(QByteArrayLiteral("READY=1\nSTATUS=Syncing"));
    qCInfo(lcSyncd).noquote() << "ready";
    QCoreApplication::exec();
    return exitCode;
}
