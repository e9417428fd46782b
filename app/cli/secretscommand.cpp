#include "clicontext.h"
#include "commands.h"

#include "security/secretnames.h"
#include "security/secretstore.h"
#include "services/servicesession.h"

#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Concord::Cli {

namespace {

// Reads the secret from standard input: piped input as is (one trailing
// newline dropped), or typed at a terminal without echo.
Result<QString> readSecretFromStdin(const QString &name)
{
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    termios saved {};
    if (terminal) {
        err(u"Value for %1 (input hidden): "_s.arg(name));
        if (::tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        }
    }
    QByteArray bytes;
    char buffer[4096];
    size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) {
        bytes.append(buffer, qsizetype(n));
        if (terminal && bytes.endsWith('\n'))
            break;
        if (bytes.size() > 64 * 1024)
            return fail(ErrorCode::InvalidArgument, u"the value for %1 is longer than 64 KiB"_s.arg(name));
    }
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err(u"\n"_s);
    }
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    if (bytes.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    u"no value for %1 on standard input (use 'secrets delete' to remove a secret)"_s.arg(name));
    return QString::fromUtf8(bytes);
}

} // namespace

int runSecrets(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"action"_s, u"set NAME (value read from standard input), delete NAME, or list."_s);
    if (int rc = parseSubcommand(parser, args, u"Manage Concord's secrets in the OS keychain. Values are never printed."_s);
        rc >= 0) {
        return rc;
    }
    const QStringList words = parser.positionalArguments();
    const QString usage = u"usage: concord-cli secrets set NAME | delete NAME | list"_s;
    if (words.isEmpty())
        return usageError(usage);
    const QString action = words.first();
    if (!((action == u"list"_s && words.size() == 1) || ((action == u"set"_s || action == u"delete"_s) && words.size() == 2)))
        return usageError(usage);

    auto config = loadConfig(parser);
    if (!config)
        return reportError(config.error());
    auto store = Security::SecretStore::create(config->secretsBackend, Services::keychainService());
    if (!store)
        return reportError(store.error());

    if (action == u"list"_s) {
        for (const QString &name : Security::knownSecretNames()) {
            auto where = Security::waitForResult((*store)->locate(name));
            if (!where) {
                // The backend itself failed (no secret service, locked
                // keychain): every other name would fail the same way.
                Error e = where.error();
                if (!e.detail.isEmpty())
                    e.message += u" (%1)"_s.arg(e.detail);
                return reportError(e);
            }
            out(where->isEmpty() ? u"%1  not set\n"_s.arg(name) : u"%1  set (%2)\n"_s.arg(name, *where));
        }
        return ExitOk;
    }

    auto name = Security::canonicalSecretName(words.at(1));
    if (!name)
        return reportError(name.error());
    if (action == u"set"_s) {
        auto value = readSecretFromStdin(*name);
        if (!value)
            return reportError(value.error());
        if (auto ok = Security::waitForResult((*store)->write(*name, *value)); !ok)
            return reportError(ok.error());
        out(u"%1 saved in the %2\n"_s.arg(*name, (*store)->backendName()));
        return ExitOk;
    }
    if (auto ok = Security::waitForResult((*store)->remove(*name)); !ok)
        return reportError(ok.error());
    out(u"%1 deleted\n"_s.arg(*name));
    return ExitOk;
}

} // namespace Concord::Cli
