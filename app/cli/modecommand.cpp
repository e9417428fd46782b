// concord-cli mode / invoice create: the integration mode (full or the
// lighter setup the decision checklist may recommend) and the manual invoice
// trigger, from a terminal (issue 9). Both go through Review:: exactly as the
// desktop does: permission-checked and audited.
#include "clicontext.h"
#include "commands.h"

#include "review/integrationmode.h"
#include "services/admincommands.h"

#include <QCommandLineOption>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Concord::Cli {

namespace {

const char *const kModeDescription =
    "The integration mode every desktop and worker of this store follows.\n"
    "\n"
    "  mode [show] [--json]   the current mode, who set it and when\n"
    "  mode full              two-way sync; invoices created by the invoice policy\n"
    "  mode light             the lighter setup: bookings pushed one way to HubSpot,\n"
    "                         HubSpot edits not carried back, QuickBooks invoices\n"
    "                         only with 'concord-cli invoice create'\n"
    "\n"
    "Changing the mode needs the owner role (the OS account running concord-cli,\n"
    "$USER, as a Concord user); it is audited. Running sync workers follow the new\n"
    "mode from their next cycle. Jobs already queued are delivered as decided.\n"
    "\n"
    "Exit codes: 0 ok, 1 failed, 2 bad usage or input.";

const char *const kInvoiceDescription =
    "The manual invoice trigger (both modes).\n"
    "\n"
    "  invoice create --appointment ID [--json]\n"
    "      queue the QuickBooks invoice for this session, as the billing pass would;\n"
    "      the next sync delivers it. Nothing new when it is invoiced or queued\n"
    "      already. Needs a billing role (owner or bookkeeper); audited.\n"
    "\n"
    "Exit codes: 0 ok (queued, or already queued/invoiced), 1 failed, 2 bad usage or input.";

void printState(const Review::IntegrationModeState &s, bool json)
{
    if (json) {
        out(QString::fromUtf8(QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact)) + u'\n');
        return;
    }
    out(u"mode: %1\n"_s.arg(Store::toString(s.mode)));
    out(u"version: %1\n"_s.arg(s.version));
    out(s.version == 0
            ? u"set: never (the default)\n"_s
            : u"set: by %1 at %2\n"_s.arg(s.updatedBy, s.updatedAt.toUTC().toString(Qt::ISODate)));
    out(Review::describe(s.mode) + u'\n');
}

} // namespace

int runMode(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"action"_s, u"show (default), full or light."_s,
                                 u"[show|full|light]"_s);
    parser.addOption(QCommandLineOption(u"json"_s, u"Print the mode as one JSON object."_s));
    if (int rc = parseSubcommand(parser, args, QString::fromUtf8(kModeDescription)); rc >= 0)
        return rc;
    const QStringList words = parser.positionalArguments();
    if (words.size() > 1)
        return usageError(u"usage: concord-cli mode [show|full|light] [--json]"_s);
    const QString verb = words.isEmpty() ? u"show"_s : words.first();
    if (verb != u"show"_s && verb != u"full"_s && verb != u"light"_s)
        return usageError(u"unknown mode action '%1' (show, full or light)"_s.arg(verb));

    auto db = openStore(parser);
    if (!db)
        return reportError(db.error());
    auto current = Review::integrationMode(**db);
    if (!current)
        return reportError(current.error());
    if (verb == u"show"_s) {
        printState(*current, parser.isSet(u"json"_s));
        return ExitOk;
    }
    auto actor = Services::AdminCommands(**db).actingOsUser();
    if (!actor)
        return reportError(actor.error());
    auto wanted = Store::parseIntegrationMode(verb);
    if (!wanted)
        return reportError(wanted.error());
    // The version just read: a change made by someone else in between is a
    // Conflict, reported as such rather than overwritten.
    auto set = Review::setIntegrationMode(**db, *actor, *wanted, current->version);
    if (!set)
        return reportError(set.error());
    printState(*set, parser.isSet(u"json"_s));
    return ExitOk;
}

int runInvoice(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"action"_s, u"create."_s, u"create"_s);
    parser.addOption(QCommandLineOption(u"appointment"_s, u"Concord's appointment id."_s, u"id"_s));
    parser.addOption(QCommandLineOption(u"json"_s, u"Print the outcome as one JSON object."_s));
    if (int rc = parseSubcommand(parser, args, QString::fromUtf8(kInvoiceDescription)); rc >= 0)
        return rc;
    const QStringList words = parser.positionalArguments();
    if (words != QStringList { u"create"_s })
        return usageError(u"usage: concord-cli invoice create --appointment ID [--json]"_s);
    bool ok = false;
    const qint64 id = parser.value(u"appointment"_s).toLongLong(&ok);
    if (!parser.isSet(u"appointment"_s) || !ok || id <= 0)
        return usageError(u"invoice create needs --appointment ID (a positive number)"_s);

    auto config = loadConfig(parser);
    if (!config)
        return reportError(config.error());
    auto db = openStore(*config);
    if (!db)
        return reportError(db.error());
    auto actor = Services::AdminCommands(**db).actingOsUser();
    if (!actor)
        return reportError(actor.error());
    auto done = Review::createInvoiceNow(**db, *actor, id, *config);
    if (!done)
        return reportError(done.error());
    if (parser.isSet(u"json"_s))
        out(QString::fromUtf8(QJsonDocument(done->toJson()).toJson(QJsonDocument::Compact))
            + u'\n');
    else
        out(done->message + u'\n');
    return ExitOk;
}

} // namespace Concord::Cli
