#include "hubspot/hubspotemulator.h"

#include "common/clock.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpServer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

QString methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return u"GET"_s;
    case QHttpServerRequest::Method::Post: return u"POST"_s;
    case QHttpServerRequest::Method::Put: return u"PUT"_s;
    case QHttpServerRequest::Method::Delete: return u"DELETE"_s;
    case QHttpServerRequest::Method::Patch: return u"PATCH"_s;
    case QHttpServerRequest::Method::Head: return u"HEAD"_s;
    case QHttpServerRequest::Method::Options: return u"OPTIONS"_s;
    default: return u"OTHER"_s;
    }
}

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &h : request.headers()) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

std::optional<QJsonObject> parseObject(const QByteArray &body)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

HsError invalidJson()
{
    return HsError::validation(u"Invalid input JSON on line 1: the request body could not be parsed"_s);
}

HsError rateLimited(const QString &message, const QString &policy)
{
    return HsError{429, {}, message,
                   QJsonObject{{u"errorType"_s, u"RATE_LIMIT"_s}, {u"policyName"_s, policy},
                               {u"requestId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)}}};
}

HsError injected(int status)
{
    switch (status) {
    case 400: return HsError::validation(u"Injected validation failure"_s);
    case 401: return HsError{401, u"INVALID_AUTHENTICATION"_s, u"Authentication credentials not found."_s, {}};
    case 403: return HsError{403, u"MISSING_SCOPES"_s, u"This app hasn't been granted all required scopes to make this call."_s, {}};
    case 404: return HsError::notFound();
    case 409: return HsError::conflict(u"Injected conflict"_s);
    case 423: return HsError{423, u"LOCKED"_s, u"The record is locked while a merge or import is in progress"_s, {}};
    case 429: return rateLimited(u"You have reached your ten_secondly_rolling limit."_s, u"SECONDLY"_s);
    case 477: return HsError{477, u"MIGRATION_IN_PROGRESS"_s, u"Migration in progress"_s, {}};
    default:
        return HsError{status, status >= 500 ? u"INTERNAL_ERROR"_s : QString(),
                       status >= 500 ? u"internal error"_s : u"HTTP %1"_s.arg(status), {}};
    }
}

void addHeader(QboReply &reply, const char *name, const QByteArray &value)
{
    reply.extraHeaders.append(qMakePair(QByteArray(name), value));
}

bool isDateVersion(const QString &segment)
{
    static const QRegularExpression date(u"^\\d{4}-\\d{2}$"_s);
    return date.match(segment).hasMatch();
}

} // namespace

HubSpotEmulator::HubSpotEmulator(QObject *parent)
    : QObject(parent),
      m_clock(&Clock::system()),
      m_portal(m_clock),
      m_files(m_portal.portalId()),
      m_auth(m_clock),
      m_limiter([this] { return emulatedMs(); }),
      m_webhooks(new HsWebhookSender([this] { return m_clock->nowUtc().toMSecsSinceEpoch(); }, this))
{
    m_realTime.start();
    m_server = new HsHttpServer([this](const QHttpServerRequest &r) { return plan(r); }, this,
                                HsHttpServer::Options{.contentTypeOnlyWithBody = true});
}

HubSpotEmulator::~HubSpotEmulator() = default;

bool HubSpotEmulator::listen(quint16 port)
{
    m_port = m_server->listen(QHostAddress::LocalHost, port);
    return m_port != 0;
}

QUrl HubSpotEmulator::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    return url;
}

QUrl HubSpotEmulator::tokenUrl() const
{
    QUrl url = baseUrl();
    url.setPath(u"/oauth/v1/token"_s);
    return url;
}

void HubSpotEmulator::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &Clock::system();
    m_portal.setClock(m_clock);
    m_auth.setClock(m_clock);
}

void HubSpotEmulator::setTimeScale(double scale)
{
    m_timeScale = scale < 1.0 ? 1.0 : scale;
    m_webhooks->setRetryDelayMs(qint64(60000.0 / m_timeScale));
}

void HubSpotEmulator::setApiDelay(int ms)
{
    m_server->setApiDelayMs(ms);
}

int HubSpotEmulator::apiDelay() const
{
    return m_server->apiDelayMs();
}

qint64 HubSpotEmulator::emulatedMs() const
{
    // Limits run on real monotonic time, scaled (nanoseconds, so a large
    // scale does not round windows to whole real milliseconds).
    return qint64(double(m_realTime.nsecsElapsed()) / 1e6 * m_timeScale);
}

void HubSpotEmulator::injectFault(const FaultRule &rule)
{
    if (rule.count > 0)
        m_faults.append(rule);
}

void HubSpotEmulator::reset()
{
    m_portal.clear();
    m_files.reset();
    m_auth.clear();
    m_faults.clear();
    m_log.clear();
    m_limiter.clear();
    m_webhooks->clear();
}

void HubSpotEmulator::setWebhook(const QUrl &url, const QByteArray &clientSecret)
{
    m_webhooks->configure(url, clientSecret);
}

void HubSpotEmulator::flushEvents()
{
    m_webhooks->send(m_portal.takeEvents(), m_portal.portalId());
}

// --- seeding and business actions ---------------------------------------------------

HsResult<QJsonObject> HubSpotEmulator::seedContact(const QJsonObject &properties, std::optional<qint64> atMs)
{
    return seedObject(u"contacts"_s, QJsonObject{{u"properties"_s, properties}}, atMs);
}

HsResult<QJsonObject> HubSpotEmulator::seedObject(const QString &type, const QJsonObject &body,
                                                  std::optional<qint64> atMs)
{
    auto r = m_portal.create(HubSpotPortal::canonicalType(type), body, u"IMPORT"_s, atMs);
    (void)m_portal.takeEvents(); // seeding sets the scene: no webhooks
    if (!r)
        return std::unexpected(r.error());
    return r->body;
}

HsResult<QJsonObject> HubSpotEmulator::seedAssociation(const QString &fromType, const QString &fromId,
                                                       const QString &toType, const QString &toId)
{
    auto r = m_portal.associate(HubSpotPortal::canonicalType(fromType), fromId, HubSpotPortal::canonicalType(toType),
                                toId, {});
    if (!r)
        return std::unexpected(r.error());
    return r->body;
}

void HubSpotEmulator::seedBulkContacts(int count, qint64 firstModifiedMs, qint64 stepMs)
{
    m_portal.bulkCreateContacts(count, firstModifiedMs, stepMs);
}

HsResult<QJsonObject> HubSpotEmulator::editContact(const QString &id, const QJsonObject &properties)
{
    auto r = m_portal.update(u"contacts"_s, id, {}, QJsonObject{{u"properties"_s, properties}}, u"CRM_UI"_s);
    flushEvents();
    if (!r)
        return std::unexpected(r.error());
    return r->body;
}

HsResult<QJsonObject> HubSpotEmulator::createDuplicateContact(const QString &id, const QString &otherEmail)
{
    const HubSpotPortal::Record *original = m_portal.find(u"contacts"_s, id.toLongLong());
    if (!original)
        return std::unexpected(HsError::notFound());
    QJsonObject props{{u"email"_s, otherEmail}};
    for (const QString &name : {u"firstname"_s, u"lastname"_s, u"phone"_s, u"mobilephone"_s}) {
        if (!original->props.value(name).isEmpty())
            props.insert(name, original->props.value(name));
    }
    auto r = m_portal.create(u"contacts"_s, QJsonObject{{u"properties"_s, props}}, u"CRM_UI"_s);
    flushEvents();
    if (!r)
        return std::unexpected(r.error());
    return r->body;
}

HsResult<QJsonObject> HubSpotEmulator::mergeContacts(const QString &primaryId, const QString &otherId)
{
    auto r = m_portal.merge(u"contacts"_s, QJsonObject{{u"primaryObjectId"_s, primaryId},
                                                       {u"objectIdToMerge"_s, otherId}},
                            u"CRM_UI"_s);
    flushEvents();
    if (!r)
        return std::unexpected(r.error());
    return r->body;
}

HsResult<QJsonObject> HubSpotEmulator::archiveContact(const QString &id)
{
    auto r = m_portal.archive(u"contacts"_s, id, u"CRM_UI"_s);
    flushEvents();
    if (!r)
        return std::unexpected(r.error());
    return QJsonObject();
}

QJsonObject HubSpotEmulator::record(const QString &type, const QString &id) const
{
    const QString t = HubSpotPortal::canonicalType(type);
    const HubSpotPortal::Record *r = m_portal.find(t, id.toLongLong());
    if (!r)
        return {};
    return m_portal.toJson(*r, r->props.keys());
}

QList<QJsonObject> HubSpotEmulator::records(const QString &type) const
{
    QList<QJsonObject> out;
    for (const HubSpotPortal::Record *r : m_portal.all(type))
        out.append(m_portal.toJson(*r, r->props.keys()));
    return out;
}

// --- replies -------------------------------------------------------------------------

QboReply HubSpotEmulator::jsonReply(const QJsonObject &body, int status) const
{
    QboReply r;
    r.status = status;
    if (status != 204)
        r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.extraHeaders.append({"X-HubSpot-Correlation-Id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
    return r;
}

QboReply HubSpotEmulator::errorReply(const HsError &error) const
{
    const QByteArray correlation = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    QboReply r;
    r.status = error.httpStatus;
    r.body = QJsonDocument(error.toJson(QString::fromLatin1(correlation))).toJson(QJsonDocument::Compact);
    r.extraHeaders.append({"X-HubSpot-Correlation-Id", correlation});
    return r;
}

QboReply HubSpotEmulator::portalReply(const HsResult<HubSpotPortal::Reply> &result) const
{
    if (!result)
        return errorReply(result.error());
    return jsonReply(result->body, result->status);
}

// --- routing -------------------------------------------------------------------------

HsHttpServer::Plan HubSpotEmulator::plan(const QHttpServerRequest &request)
{
    HsHttpServer::Plan plan;
    const QString method = methodName(request.method());
    const QString path = request.url().path(QUrl::FullyEncoded);
    const QString queryText = request.url().query(QUrl::FullyEncoded);
    const QUrlQuery query(queryText);
    const QByteArray body = request.body();
    QStringList segments;
    for (const QString &s : path.split(u'/', Qt::SkipEmptyParts))
        segments.append(QUrl::fromPercentEncoding(s.toUtf8()));
    const bool isSearch = method == u"POST"_s && path.endsWith(u"/search"_s);

    m_log.append({method, path, queryText, body.left(4096), 0, isSearch});
    const qsizetype logIndex = m_log.size() - 1;
    auto done = [this, logIndex, method, path]() {
        return [this, logIndex, method, path](int status) {
            if (logIndex < m_log.size() && m_log.at(logIndex).path == path)
                m_log[logIndex].status = status;
            Q_EMIT requestHandled(method, path, status);
        };
    };
    plan.done = done();

    if (!segments.isEmpty() && segments.first() == u"__admin"_s) {
        plan.reply = handleAdmin(method, segments.mid(1), body);
        return plan;
    }
    if (path == u"/oauth/v1/token"_s && method == u"POST"_s) {
        const HsAuth::TokenReply t = m_auth.tokenEndpoint(body);
        plan.reply = jsonReply(t.body, t.status);
        return plan;
    }

    // File content comes from HubSpot's CDN, not the API: no token, no rate
    // limit; a private file needs its signed URL's signature.
    if (segments.size() >= 3 && segments.first() == u"hubfs"_s && method == u"GET"_s) {
        const auto [status, bytes] =
            segments.at(1) == QString::number(m_portal.portalId())
                ? m_files.content(segments.mid(2), query, m_clock->nowUtc().toMSecsSinceEpoch())
                : std::pair<int, QByteArray>(404, QByteArrayLiteral("Not Found"));
        plan.reply.status = status;
        plan.reply.body = bytes;
        plan.reply.contentType = status == 200 && path.endsWith(u".pdf"_s) ? QByteArrayLiteral("application/pdf")
                                                                          : QByteArrayLiteral("text/plain");
        return plan;
    }

    // Gateway faults first: they stand for the network and HubSpot's edge.
    const QString target = queryText.isEmpty() ? path : path + u'?' + queryText;
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        FaultRule &rule = m_faults[i];
        if (!target.contains(rule.pathContains) || (!rule.method.isEmpty() && rule.method != method))
            continue;
        const FaultRule applied = rule;
        if (--rule.count <= 0)
            m_faults.removeAt(i);
        plan.delayMs = applied.delayMs;
        if (applied.drop) {
            plan.drop = true;
            return plan;
        }
        if (applied.httpStatus > 0) {
            plan.reply = errorReply(injected(applied.httpStatus));
            return plan;
        }
        break; // a delay only: answer normally, later
    }

    const QByteArray authorization = header(request, "Authorization");
    const QString bearer =
        authorization.startsWith("Bearer ") ? QString::fromLatin1(authorization.mid(7).trimmed()) : QString();
    if (const auto denied = m_auth.checkAccess(bearer)) {
        plan.reply = errorReply(*denied);
        return plan;
    }
    switch (m_limiter.admit(isSearch)) {
    case HsRateLimiter::Verdict::Admitted:
        break;
    case HsRateLimiter::Verdict::Burst: {
        plan.reply = errorReply(rateLimited(u"You have reached your ten_secondly_rolling limit."_s, u"SECONDLY"_s));
        addHeader(plan.reply, "X-HubSpot-RateLimit-Interval-Milliseconds", QByteArrayLiteral("10000"));
        addHeader(plan.reply, "X-HubSpot-RateLimit-Max", QByteArray::number(m_limiter.limits().burstPer10s));
        addHeader(plan.reply, "X-HubSpot-RateLimit-Remaining", QByteArrayLiteral("0"));
        return plan;
    }
    case HsRateLimiter::Verdict::Search:
        // Search answers carry no rate-limit headers (A4).
        plan.reply = errorReply(rateLimited(u"You have reached your secondly limit."_s, u"SECONDLY"_s));
        return plan;
    case HsRateLimiter::Verdict::Daily:
        plan.reply = errorReply(rateLimited(u"You have reached your daily limit."_s, u"DAILY"_s));
        return plan;
    }

    if (segments.size() >= 3 && segments.at(0) == u"files"_s && segments.at(1) == u"v3"_s && segments.at(2) == u"files"_s)
        plan.reply = handleFiles(method, segments.mid(3), query, header(request, "Content-Type"), body);
    else
        plan.reply = handleApi(method, segments, query, body);
    if (!isSearch) {
        addHeader(plan.reply, "X-HubSpot-RateLimit-Daily", QByteArray::number(m_limiter.limits().daily));
        plan.reply.extraHeaders.append({"X-HubSpot-RateLimit-Daily-Remaining",
                                        QByteArray::number(m_limiter.dailyRemaining())});
        addHeader(plan.reply, "X-HubSpot-RateLimit-Interval-Milliseconds", QByteArrayLiteral("10000"));
        addHeader(plan.reply, "X-HubSpot-RateLimit-Max", QByteArray::number(m_limiter.limits().burstPer10s));
        addHeader(plan.reply, "X-HubSpot-RateLimit-Remaining", QByteArray::number(m_limiter.burstRemaining()));
    }
    flushEvents();
    return plan;
}

QboReply HubSpotEmulator::handleApi(const QString &method, const QStringList &s, const QUrlQuery &query,
                                    const QByteArray &body)
{
    const auto notFound = [this] { return errorReply(HsError::notFound()); };
    // /account-info/v3/details
    if (s == QStringList{u"account-info"_s, u"v3"_s, u"details"_s} && method == u"GET"_s) {
        return jsonReply(QJsonObject{{u"portalId"_s, m_portal.portalId()}, {u"accountType"_s, u"STANDARD"_s},
                                     {u"timeZone"_s, u"US/Eastern"_s}, {u"companyCurrency"_s, u"USD"_s},
                                     {u"additionalCurrencies"_s, QJsonArray()}, {u"utcOffset"_s, u"-05:00"_s},
                                     {u"utcOffsetMilliseconds"_s, -18000000}, {u"uiDomain"_s, u"app.hubspot.com"_s},
                                     {u"dataHostingLocation"_s, u"na1"_s}});
    }
    // /crm/v3/objects/{type}/… and /crm/objects/{YYYY-MM}/{type}/…
    if (s.size() >= 4 && s.at(0) == u"crm"_s
        && ((s.at(1) == u"v3"_s && s.at(2) == u"objects"_s) || (s.at(1) == u"objects"_s && isDateVersion(s.at(2))))) {
        const QString type = HubSpotPortal::canonicalType(s.at(3));
        if (type.isEmpty())
            return notFound();
        return handleObjects(method, type, s.mid(4), query, body);
    }
    // /crm/v3/pipelines/{type}[/{id}]
    if (s.size() >= 4 && s.at(0) == u"crm"_s && s.at(1) == u"v3"_s && s.at(2) == u"pipelines"_s && method == u"GET"_s) {
        const QJsonArray pipelines = m_portal.pipelines(s.at(3));
        if (s.size() == 4)
            return jsonReply(QJsonObject{{u"results"_s, pipelines}});
        for (const QJsonValue &p : pipelines) {
            if (s.size() == 5 && p.toObject().value(u"id"_s).toString() == s.at(4))
                return jsonReply(p.toObject());
        }
        return notFound();
    }
    // /crm/v3/properties/{type}[/{name}]
    if (s.size() >= 4 && s.size() <= 5 && s.at(0) == u"crm"_s && s.at(1) == u"v3"_s && s.at(2) == u"properties"_s) {
        if (s.size() == 4 && method == u"GET"_s)
            return portalReply(m_portal.listProperties(s.at(3)));
        if (s.size() == 5 && method == u"GET"_s)
            return portalReply(m_portal.readProperty(s.at(3), s.at(4)));
        if (s.size() == 4 && method == u"POST"_s) {
            const auto object = parseObject(body);
            if (!object)
                return errorReply(invalidJson());
            return portalReply(m_portal.createProperty(s.at(3), *object));
        }
        return notFound();
    }
    // /crm/v4/objects/{from}/{id}/associations/{to}[/{toId}] and …/associations/default/{to}/{toId}
    if (s.size() >= 6 && s.at(0) == u"crm"_s && s.at(1) == u"v4"_s && s.at(2) == u"objects"_s
        && s.at(5) == u"associations"_s) {
        const QString from = HubSpotPortal::canonicalType(s.at(3));
        const QString fromId = s.at(4);
        if (s.size() == 9 && s.at(6) == u"default"_s && method == u"PUT"_s)
            return portalReply(m_portal.associate(from, fromId, HubSpotPortal::canonicalType(s.at(7)), s.at(8), {}));
        if (s.size() == 7 && method == u"GET"_s)
            return portalReply(m_portal.associations(from, fromId, HubSpotPortal::canonicalType(s.at(6)),
                                                     query.queryItemValue(u"limit"_s).isEmpty()
                                                         ? 500 : query.queryItemValue(u"limit"_s).toInt(),
                                                     query.queryItemValue(u"after"_s)));
        if (s.size() == 8 && method == u"PUT"_s) {
            const QJsonDocument doc = QJsonDocument::fromJson(body);
            if (!doc.isArray() || doc.array().isEmpty())
                return errorReply(HsError::validation(u"Expected a JSON array of association types"_s));
            return portalReply(m_portal.associate(from, fromId, HubSpotPortal::canonicalType(s.at(6)), s.at(7),
                                                  doc.array()));
        }
        if (s.size() == 8 && method == u"DELETE"_s)
            return portalReply(m_portal.removeAssociations(from, fromId, HubSpotPortal::canonicalType(s.at(6)), s.at(7)));
        return notFound();
    }
    // /contacts/v1/secondary-email/{id}/email/{email}
    if (s.size() == 6 && s.at(0) == u"contacts"_s && s.at(1) == u"v1"_s && s.at(2) == u"secondary-email"_s
        && s.at(4) == u"email"_s) {
        if (method == u"PUT"_s)
            return portalReply(m_portal.addSecondaryEmail(s.at(3), s.at(5), u"API"_s));
        if (method == u"DELETE"_s)
            return portalReply(m_portal.removeSecondaryEmail(s.at(3), s.at(5), u"API"_s));
    }
    return notFound();
}

QboReply HubSpotEmulator::handleObjects(const QString &method, const QString &type, const QStringList &rest,
                                        const QUrlQuery &query, const QByteArray &body)
{
    const auto properties = [&query] {
        QStringList names;
        for (const QString &v : query.allQueryItemValues(u"properties"_s, QUrl::FullyDecoded))
            names.append(v.split(u',', Qt::SkipEmptyParts));
        return names;
    };
    const auto withBody = [this, &body](const std::function<QboReply(const QJsonObject &)> &handle) {
        const auto object = parseObject(body);
        if (!object)
            return errorReply(invalidJson());
        return handle(*object);
    };
    if (rest.isEmpty() && method == u"POST"_s)
        return withBody([&](const QJsonObject &o) { return portalReply(m_portal.create(type, o, u"API"_s)); });
    if (rest.isEmpty() && method == u"GET"_s) {
        const QString limit = query.queryItemValue(u"limit"_s);
        return portalReply(m_portal.list(type, limit.isEmpty() ? 10 : limit.toInt(),
                                         query.queryItemValue(u"after"_s), properties()));
    }
    if (rest.size() == 1 && rest.first() == u"search"_s && method == u"POST"_s)
        return withBody([&](const QJsonObject &o) { return portalReply(m_portal.search(type, o)); });
    if (rest.size() == 1 && rest.first() == u"merge"_s && method == u"POST"_s)
        return withBody([&](const QJsonObject &o) { return portalReply(m_portal.merge(type, o, u"API"_s)); });
    if (rest.size() == 2 && rest.first() == u"batch"_s && method == u"POST"_s)
        return withBody([&](const QJsonObject &o) { return portalReply(m_portal.batch(type, rest.at(1), o)); });
    if (rest.size() == 1) {
        const QString id = rest.first();
        const QString idProperty = query.queryItemValue(u"idProperty"_s, QUrl::FullyDecoded);
        if (method == u"GET"_s)
            return portalReply(m_portal.read(type, id, idProperty, properties()));
        if (method == u"PATCH"_s)
            return withBody([&](const QJsonObject &o) {
                return portalReply(m_portal.update(type, id, idProperty, o, u"API"_s));
            });
        if (method == u"DELETE"_s)
            return portalReply(m_portal.archive(type, id, u"API"_s));
    }
    return errorReply(HsError::notFound());
}

QboReply HubSpotEmulator::handleFiles(const QString &method, const QStringList &rest, const QUrlQuery &query,
                                      const QByteArray &contentType, const QByteArray &body)
{
    const QUrl base = baseUrl();
    const qint64 now = m_clock->nowUtc().toMSecsSinceEpoch();
    const auto reply = [this](const HsResult<HsFiles::Reply> &r) {
        return r ? jsonReply(r->body, r->status) : errorReply(r.error());
    };
    if (rest.isEmpty() && method == u"POST"_s)
        return reply(m_files.upload(contentType, body, base, now));
    if (rest == QStringList{u"search"_s} && method == u"GET"_s)
        return reply(m_files.search(query, base));
    if (rest.size() == 1 && method == u"GET"_s)
        return reply(m_files.get(rest.at(0), base));
    if (rest.size() == 1 && method == u"DELETE"_s)
        return reply(m_files.archive(rest.at(0), now));
    if (rest.size() == 2 && rest.at(1) == u"signed-url"_s && method == u"GET"_s)
        return reply(m_files.signedUrl(rest.at(0), base, now));
    return errorReply(HsError::notFound());
}

HsResult<QJsonObject> HubSpotEmulator::seedFile(const QString &fileName, const QString &folderPath,
                                                const QByteArray &content, const QString &access)
{
    auto added = m_files.add(fileName, folderPath, content, access, m_clock->nowUtc().toMSecsSinceEpoch());
    if (!added)
        return std::unexpected(added.error());
    return m_files.toJson(*added, baseUrl());
}

QboReply HubSpotEmulator::handleAdmin(const QString &method, const QStringList &path, const QByteArray &body)
{
    const QJsonObject in = parseObject(body).value_or(QJsonObject());
    const QString action = path.join(u'/');
    const auto bad = [this](const QString &message) { return jsonReply(QJsonObject{{u"error"_s, message}}, 400); };
    const auto fromResult = [this](const HsResult<QJsonObject> &r) {
        return r ? jsonReply(*r) : errorReply(r.error());
    };
    if (action == u"reset"_s && method == u"POST"_s) {
        reset();
        return jsonReply({});
    }
    if (action == u"tokens"_s && method == u"POST"_s) {
        const auto t = m_auth.issue();
        return jsonReply(QJsonObject{{u"access_token"_s, t.accessToken}, {u"refresh_token"_s, t.refreshToken},
                                     {u"private_app_token"_s, m_auth.defaultPrivateAppToken()}});
    }
    if (action == u"seed"_s && method == u"POST"_s) {
        QJsonObject out;
        for (const QString &type : {u"contacts"_s, u"deals"_s, u"notes"_s, u"tasks"_s}) {
            QJsonArray created;
            for (const QJsonValue &v : in.value(type).toArray()) {
                const auto r = seedObject(type, v.toObject());
                if (!r)
                    return errorReply(r.error());
                created.append(*r);
            }
            if (!created.isEmpty())
                out.insert(type, created);
        }
        return jsonReply(out);
    }
    if (action == u"bulk-contacts"_s && method == u"POST"_s) {
        seedBulkContacts(in.value(u"count"_s).toInt(), in.value(u"firstModifiedMs"_s).toInteger(),
                         in.value(u"stepMs"_s).toInteger(1000));
        return jsonReply(QJsonObject{{u"contacts"_s, m_portal.count(u"contacts"_s)}});
    }
    if (action == u"faults"_s && method == u"POST"_s) {
        injectFault({in.value(u"pathContains"_s).toString(), in.value(u"count"_s).toInt(1),
                     in.value(u"status"_s).toInt(0), in.value(u"delayMs"_s).toInt(0), in.value(u"drop"_s).toBool(),
                     in.value(u"method"_s).toString()});
        return jsonReply({});
    }
    if (action == u"faults"_s && method == u"DELETE"_s) {
        clearFaults();
        return jsonReply({});
    }
    if (action == u"log"_s && method == u"GET"_s) {
        QJsonArray entries;
        for (const LogEntry &e : std::as_const(m_log))
            entries.append(QJsonObject{{u"method"_s, e.method}, {u"path"_s, e.path}, {u"query"_s, e.query},
                                       {u"status"_s, e.status}});
        return jsonReply(QJsonObject{{u"entries"_s, entries}});
    }
    if (action == u"log"_s && method == u"DELETE"_s) {
        clearLog();
        return jsonReply({});
    }
    if (action == u"webhooks"_s && method == u"POST"_s) {
        setWebhook(QUrl(in.value(u"url"_s).toString()), in.value(u"clientSecret"_s).toString().toUtf8());
        m_webhooks->setChaos({in.value(u"duplicate"_s).toBool(), in.value(u"reverse"_s).toBool()});
        return jsonReply({});
    }
    if (action == u"throttle"_s && method == u"POST"_s) {
        if (in.contains(u"enabled"_s))
            setThrottlingEnabled(in.value(u"enabled"_s).toBool());
        if (in.contains(u"timeScale"_s))
            setTimeScale(in.value(u"timeScale"_s).toDouble());
        if (in.contains(u"apiDelayMs"_s))
            setApiDelay(in.value(u"apiDelayMs"_s).toInt());
        if (in.contains(u"burstPer10s"_s)) {
            auto limits = m_limiter.limits();
            limits.burstPer10s = in.value(u"burstPer10s"_s).toInt(100);
            m_limiter.setLimits(limits);
        }
        return jsonReply({});
    }
    if (path.size() == 2 && path.at(0) == u"state"_s && method == u"GET"_s) {
        QJsonArray list;
        for (const QJsonObject &o : records(path.at(1)))
            list.append(o);
        return jsonReply(QJsonObject{{u"results"_s, list}});
    }
    if (action == u"actions/edit-contact"_s && method == u"POST"_s)
        return fromResult(editContact(in.value(u"id"_s).toString(), in.value(u"properties"_s).toObject()));
    if (action == u"actions/duplicate-contact"_s && method == u"POST"_s)
        return fromResult(createDuplicateContact(in.value(u"id"_s).toString(), in.value(u"email"_s).toString()));
    if (action == u"actions/merge-contacts"_s && method == u"POST"_s)
        return fromResult(mergeContacts(in.value(u"primaryId"_s).toString(), in.value(u"otherId"_s).toString()));
    if (action == u"actions/archive-contact"_s && method == u"POST"_s)
        return fromResult(archiveContact(in.value(u"id"_s).toString()));
    return bad(u"unknown admin action %1 %2"_s.arg(method, action));
}

} // namespace Concord::Sandbox
