#include "clicontext.h"
#include "commands.h"

#include "common/clock.h"
#include "connectors/calcom/calcomclient.h"
#include "security/secretstore.h"
#include "services/servicesession.h"

#include <QCommandLineOption>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace Concord::Calcom;

namespace Concord::Cli {

namespace {

// Everything a Cal.com call needs, wired as the sync thread wires it
// (Services::ServiceSession), with the API key read from the configured
// secret store. The session goes before the store.
struct CalcomSession {
    std::unique_ptr<Security::SecretStore> secrets;
    std::unique_ptr<Services::ServiceSession> service;
};

Result<std::unique_ptr<CalcomSession>> openSession(const Config &config)
{
    auto session = std::make_unique<CalcomSession>();
    auto secrets = Security::SecretStore::create(config.secretsBackend, Services::keychainService());
    if (!secrets)
        return std::unexpected(secrets.error());
    session->secrets = std::move(*secrets);
    auto service = Services::ServiceSession::open(Domain::System::CalCom, config, *session->secrets, nullptr,
                                                  Clock::system(), false);
    if (!service)
        return std::unexpected(service.error());
    session->service = std::move(*service);
    if (auto key = Security::waitForResult(session->service->prepare()); !key)
        return std::unexpected(key.error());
    return session;
}

int printJson(const QJsonObject &object)
{
    out(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
    return ExitOk;
}

// The CLI may block on a future: it has no window to keep responsive.
template<typename T> Result<T> await(QFuture<Result<T>> future)
{
    return Security::waitForResult(std::move(future), std::chrono::minutes(10));
}

} // namespace

int runCalcom(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"action"_s, u"test | bookings --since ISO8601 | booking UID"_s);
    parser.addOption(QCommandLineOption(
        u"since"_s, u"bookings: changed at or after this ISO 8601 time (with a zone)."_s,
        u"time"_s));
    if (int rc =
            parseSubcommand(parser, args, u"Read-only Cal.com admin commands (JSON output)."_s);
        rc >= 0)
        return rc;
    const QStringList words = parser.positionalArguments();
    const QString usage =
        u"usage: concord-cli calcom test | bookings --since ISO8601 | booking UID"_s;
    if (words.isEmpty())
        return usageError(usage);
    const QString action = words.first();
    const bool known = (action == u"test"_s && words.size() == 1)
        || (action == u"bookings"_s && words.size() == 1)
        || (action == u"booking"_s && words.size() == 2);
    if (!known)
        return usageError(usage);
    QDateTime since;
    if (action == u"bookings"_s) {
        since = QDateTime::fromString(parser.value(u"since"_s), Qt::ISODateWithMs);
        if (!since.isValid() || since.timeSpec() == Qt::LocalTime)
            return usageError(
                u"bookings needs --since as ISO 8601 with a zone, e.g. 2026-11-01T00:00:00Z"_s);
    }

    auto config = loadConfig(parser);
    if (!config)
        return reportError(config.error());
    auto session = openSession(*config);
    if (!session)
        return reportError(session.error());
    CalcomClient &cal = *(*session)->service->calcom();

    if (action == u"test"_s) {
        auto me = await(cal.me());
        if (!me)
            return reportError(me.error());
        auto types = await(cal.eventTypes());
        if (!types)
            return reportError(types.error());
        QJsonArray services;
        for (const EventType &t : std::as_const(*types))
            services.append(QJsonObject { { u"id"_s, t.id },
                                          { u"slug"_s, t.slug },
                                          { u"title"_s, t.title },
                                          { u"lengthInMinutes"_s, t.lengthInMinutes },
                                          { u"requiresConfirmation"_s, t.requiresConfirmation } });
        return printJson(QJsonObject { { u"ok"_s, true },
                                       { u"baseUrl"_s, config->calcomBaseUrl.toString() },
                                       { u"user"_s, me->toJson() },
                                       { u"eventTypes"_s, services } });
    }
    if (action == u"bookings"_s) {
        auto changes = await(cal.bookingChangesSince(since.toUTC()));
        if (!changes)
            return reportError(changes.error());
        QJsonArray rows;
        for (const Booking &b : std::as_const(changes->bookings))
            rows.append(b.toJson());
        return printJson(
            QJsonObject { { u"since"_s, since.toUTC().toString(Qt::ISODateWithMs) },
                          { u"nextSince"_s, changes->nextSince.toString(Qt::ISODateWithMs) },
                          { u"pages"_s, changes->pages },
                          { u"count"_s, rows.size() },
                          { u"bookings"_s, rows } });
    }
    // booking UID: the booking, and where its reschedule chain starts.
    auto booking = await(cal.booking(words.at(1)));
    if (!booking) {
        if (booking.error().code == ErrorCode::NotFound) {
            // A uid Cal.com does not know is bad input, not a failure to retry.
            reportError(booking.error());
            return ExitUsage;
        }
        return reportError(booking.error());
    }
    QJsonObject answer { { u"booking"_s, booking->toJson() }, { u"originUid"_s, booking->uid } };
    if (booking->isRescheduleOf()) {
        auto origin = await(cal.rescheduleOrigin(booking->uid));
        if (!origin)
            return reportError(origin.error());
        answer.insert(u"originUid"_s, origin->originUid);
        answer.insert(u"chain"_s, QJsonArray::fromStringList(origin->chain));
    }
    return printJson(answer);
}

} // namespace Concord::Cli
