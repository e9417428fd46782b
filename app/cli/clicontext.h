#pragma once

#include "common/config.h"
#include "common/error.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <memory>

namespace Concord::Cli {

// Exit codes (architecture.md): 0 ok, 1 failures remain, 2 bad usage or bad input.
enum ExitCode { ExitOk = 0, ExitFailures = 1, ExitUsage = 2 };

// Prints "concord-cli: error: <message>" on one line and returns the exit
// code that fits the error's class.
int reportError(const Error &error);
int usageError(const QString &message);

// Adds --config and --help to a subcommand's parser and parses `args`
// (args[0] is the program name). Returns an exit code when parsing failed or
// help was printed, -1 to continue.
int parseSubcommand(QCommandLineParser &parser, const QStringList &args, const QString &description);

// Loads the config named by --config (or the default one).
[[nodiscard]] Result<Config> loadConfig(const QCommandLineParser &parser);
// Loads the config named by --config and opens (and migrates) its store.
[[nodiscard]] Result<std::unique_ptr<Store::Database>> openStore(const QCommandLineParser &parser);
// Opens (and migrates) the store of an already loaded config.
[[nodiscard]] Result<std::unique_ptr<Store::Database>> openStore(const Config &config);

// Writes to stdout / stderr as UTF-8.
void out(const QString &text);
void err(const QString &text);

} // namespace Concord::Cli
