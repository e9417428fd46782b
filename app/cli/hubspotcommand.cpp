#include "clicontext.h"
#include "commands.h"

#include "common/clock.h"
#include "connectors/hubspot/hubspotclient.h"
#include "security/secretstore.h"
#include "services/servicesession.h"

#include <QCommandLineOption>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace Concord::HubSpot;

namespace Concord::Cli {

namespace {

// Everything a HubSpot call needs, wired as the sync thread wires it
// (Services::ServiceSession: executor, rate limiter, the credentials —
// private-app token or OAuth token manager — and the client) over the
// configured secret store. The session goes before the store.
struct HubSpotSession {
    std::unique_ptr<Security::SecretStore> secrets;
    std::unique_ptr<Services::ServiceSession> service;
};

Result<std::unique_ptr<HubSpotSession>> openSession(const Config &config)
{
    const bool oauth = config.hubspotAuth == u"oauth"_s;
    if (oauth && config.hubspotClientId.isEmpty())
        return fail(ErrorCode::InvalidConfig,
                    u"[hubspot] auth=oauth needs client_id in %1"_s.arg(config.sourcePath));
    auto session = std::make_unique<HubSpotSession>();
    auto secrets = Security::SecretStore::create(config.secretsBackend, Services::keychainService());
    if (!secrets)
        return std::unexpected(secrets.error());
    session->secrets = std::move(*secrets);
    auto service = Services::ServiceSession::open(Domain::System::HubSpot, config, *session->secrets, nullptr,
                                                  Clock::system(), false);
    if (!service)
        return std::unexpected(service.error());
    session->service = std::move(*service);
    return session;
}

int printJson(const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
    return ExitOk;
}

QJsonObject contactJson(const Contact &c)
{
    QJsonObject o{{u"id"_s, c.id},
                  {u"email"_s, c.email},
                  {u"firstname"_s, c.firstName},
                  {u"lastname"_s, c.lastName},
                  {u"phone"_s, c.phone},
                  {u"mobilephone"_s, c.mobilePhone},
                  {u"additionalEmails"_s, QJsonArray::fromStringList(c.additionalEmails)},
                  {u"mergedObjectIds"_s, QJsonArray::fromStringList(c.mergedObjectIds)},
                  {u"lastModifiedAt"_s, c.lastModifiedAt.isValid() ? isoUtc(c.lastModifiedAt) : QString()}};
    return o;
}

QJsonArray contactsJson(const QList<Contact> &contacts)
{
    QJsonArray array;
    for (const Contact &c : contacts)
        array.append(contactJson(c));
    return array;
}

// The CLI may block on a future: it has no window to keep responsive.
template<typename T>
Result<T> await(QFuture<Result<T>> future)
{
    return Security::waitForResult(std::move(future), std::chrono::minutes(10));
}

} // namespace

int runHubSpot(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"action"_s, u"test | find-contact | changes"_s);
    parser.addOption(QCommandLineOption(u"email"_s, u"find-contact: by email (primary or additional)."_s, u"address"_s));
    parser.addOption(QCommandLineOption(u"phone"_s, u"find-contact: by phone number (any format)."_s, u"number"_s));
    parser.addOption(QCommandLineOption(u"since"_s, u"changes: ISO 8601 time with a zone."_s, u"time"_s));
    if (int rc = parseSubcommand(parser, args, u"Read-only HubSpot CRM admin commands (JSON output)."_s); rc >= 0)
        return rc;
    const QStringList words = parser.positionalArguments();
    const QString usage =
        u"usage: concord-cli hubspot test | find-contact (--email E | --phone P) | changes --since ISO8601"_s;
    if (words.size() != 1)
        return usageError(usage);
    const QString action = words.first();
    if (action != u"test"_s && action != u"find-contact"_s && action != u"changes"_s)
        return usageError(usage);

    // Bad input is refused before anything is opened.
    QDateTime since;
    if (action == u"find-contact"_s && int(parser.isSet(u"email"_s)) + int(parser.isSet(u"phone"_s)) != 1)
        return usageError(u"find-contact needs exactly one of --email, --phone"_s);
    if (action == u"changes"_s) {
        since = QDateTime::fromString(parser.value(u"since"_s), Qt::ISODateWithMs);
        if (!since.isValid() || since.timeSpec() == Qt::LocalTime)
            return usageError(u"changes needs --since as ISO 8601 with a zone, e.g. 2026-11-01T00:00:00Z"_s);
    }

    auto config = loadConfig(parser);
    if (!config)
        return reportError(config.error());
    auto session = openSession(*config);
    if (!session)
        return reportError(session.error());
    HubSpotClient &hubspot = *(*session)->service->hubSpot();

    if (action == u"test"_s) {
        auto info = await(hubspot.accountInfo());
        if (!info)
            return reportError(info.error());
        return printJson(QJsonObject{{u"ok"_s, true},
                                     {u"portalId"_s, info->portalId},
                                     {u"timeZone"_s, info->timeZone},
                                     {u"currency"_s, info->companyCurrency},
                                     {u"baseUrl"_s, config->hubspotBaseUrl.toString()},
                                     {u"apiVersion"_s, config->hubspotApiVersion},
                                     {u"auth"_s, config->hubspotAuth}});
    }
    if (action == u"find-contact"_s) {
        auto found = parser.isSet(u"email"_s) ? await(hubspot.findContactsByEmail(parser.value(u"email"_s)))
                                              : await(hubspot.findContactsByPhone(parser.value(u"phone"_s)));
        if (!found)
            return reportError(found.error());
        return printJson(contactsJson(*found));
    }
    auto changes = await(hubspot.contactChanges(since));
    if (!changes)
        return reportError(changes.error());
    return printJson(QJsonObject{{u"since"_s, isoUtc(changes->since)},
                                 {u"until"_s, isoUtc(changes->until)},
                                 {u"count"_s, int(changes->contacts.size())},
                                 {u"searchRequests"_s, changes->searchRequests},
                                 {u"contacts"_s, contactsJson(changes->contacts)}});
}

} // namespace Concord::Cli
