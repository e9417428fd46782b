#include "clicontext.h"

#include "security/signin.h"
#include "store/migrations.h"

#include <QCommandLineOption>

#include <algorithm>
#include <cstdio>

#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Concord::Cli {

void out(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

void err(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stderr);
    std::fflush(stderr);
}

int reportError(const Error &error)
{
    err(u"concord-cli: error: %1\n"_s.arg(error.message));
    // A remote refusal's detail says what was wrong with the input (e.g.
    // "QueryParserError: …"); other details are for debugging.
    if (!error.detail.isEmpty() && (error.code == ErrorCode::RemoteValidation || qEnvironmentVariableIsSet("CONCORD_DEBUG")))
        err(u"  detail: %1\n"_s.arg(error.detail));
    switch (error.code) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::InvalidConfig:
    case ErrorCode::SchemaTooNew:
    case ErrorCode::RemoteValidation: // the remote system refused what the user typed
        return ExitUsage;
    default:
        return ExitFailures;
    }
}

int usageError(const QString &message)
{
    err(u"concord-cli: %1\nTry 'concord-cli --help'.\n"_s.arg(message));
    return ExitUsage;
}

int parseSubcommand(QCommandLineParser &parser, const QStringList &args, const QString &description)
{
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption(QCommandLineOption(u"config"_s, u"Configuration file (INI)."_s, u"file"_s));
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    parser.addOption(help);
    if (!parser.parse(args))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        out(parser.helpText());
        return ExitOk;
    }
    return -1;
}

Result<Config> loadConfig(const QCommandLineParser &parser)
{
    return Config::load(parser.value(u"config"_s));
}

Result<std::unique_ptr<Store::Database>> openStore(const QCommandLineParser &parser)
{
    auto config = loadConfig(parser);
    if (!config)
        return std::unexpected(config.error());
    return openStore(*config);
}

namespace {

// Team mode: asks for `user`'s store password on the terminal, without echo.
// Empty when stdin is not a terminal (scripts use CONCORD_STORE_PASSWORD).
QString promptPassword(const QString &user)
{
    if (!::isatty(STDIN_FILENO))
        return {};
    err(u"Password for %1: "_s.arg(user));
    termios saved{};
    const bool quiet = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (quiet) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    char line[1024] = {};
    const bool read = std::fgets(line, sizeof line, stdin) != nullptr;
    if (quiet)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    err(u"\n"_s);
    QString password = read ? QString::fromUtf8(line) : QString();
    while (password.endsWith(u'\n') || password.endsWith(u'\r'))
        password.chop(1);
    std::fill(std::begin(line), std::end(line), '\0');
    return password;
}

} // namespace

Result<std::unique_ptr<Store::Database>> openStore(const Config &config)
{
    auto url = Store::StoreUrl::parse(config.storeUrl);
    if (!url)
        return std::unexpected(url.error());
    // Team mode: the person named in the URL signs in with their own
    // password (docs/team-users.md); without one, libpq's PGPASSWORD or
    // ~/.pgpass still apply.
    if (Security::needsSignIn(*url)) {
        QString password = qEnvironmentVariable(Security::kStorePasswordVariable);
        if (password.isEmpty())
            password = promptPassword(url->user);
        if (!password.isEmpty())
            *url = Security::signedIn(*url, {}, password);
    }
    auto db = Store::Database::open(*url, u"cli"_s);
    if (!db) {
        if (url->engine == Store::Engine::PostgreSQL)
            db.error().message = u"cannot sign in to %1 as '%2': %3"_s.arg(
                url->redacted(), url->user, Security::describeSignInFailure(db.error()));
        return db;
    }
    // People may not create tables in team mode: only a store behind this
    // build's schema is migrated (by its owner, see docs/team-users.md).
    auto version = Store::schemaVersion(**db);
    if (!version || *version != Store::latestSchemaVersion()) {
        if (auto ok = Store::migrate(**db); !ok)
            return std::unexpected(ok.error());
    }
    return db;
}

} // namespace Concord::Cli
