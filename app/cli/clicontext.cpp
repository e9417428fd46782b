#include "clicontext.h"

#include "store/migrations.h"

#include <QCommandLineOption>

#include <cstdio>

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

Result<std::unique_ptr<Store::Database>> openStore(const Config &config)
{
    auto db = Store::Database::open(config.storeUrl, u"cli"_s);
    if (!db)
        return db;
    if (auto ok = Store::migrate(**db); !ok)
        return std::unexpected(ok.error());
    return db;
}

} // namespace Concord::Cli
