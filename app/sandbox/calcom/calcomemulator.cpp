#include "calcom/calcomemulator.h"

#include "calcom/calpayloads.h"
#include "common/clock.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

QString methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return u"GET"_s;
    case QHttpServerRequest::Method::Post:
        return u"POST"_s;
    case QHttpServerRequest::Method::Put:
        return u"PUT"_s;
    case QHttpServerRequest::Method::Delete:
        return u"DELETE"_s;
    case QHttpServerRequest::Method::Patch:
        return u"PATCH"_s;
    default:
        return u"OTHER"_s;
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
    if (body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

QDateTime parseStart(const QJsonValue &value)
{
    const QString text = value.toString();
    if (!text.endsWith(u'Z') && !text.contains(u'+'))
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

// Opaque cursor: base64url of {"v":1,"f":field,"d":desc,"k":key,"i":id}.
QString makeCursor(const QString &field, bool desc, qint64 key, qint64 id)
{
    const QByteArray json = QJsonDocument(QJsonObject { { u"v"_s, 1 },
                                                        { u"f"_s, field },
                                                        { u"d"_s, desc },
                                                        { u"k"_s, QString::number(key) },
                                                        { u"i"_s, QString::number(id) } })
                                .toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
        json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool readCursor(const QString &cursor, const QString &field, bool desc,
                CalcomState::Position *position)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    const QJsonObject o = QJsonDocument::fromJson(*decoded).object();
    bool keyOk = false;
    bool idOk = false;
    position->key = o.value(u"k"_s).toString().toLongLong(&keyOk);
    position->id = o.value(u"i"_s).toString().toLongLong(&idOk);
    return keyOk && idOk && o.value(u"v"_s).toInt() == 1 && o.value(u"f"_s).toString() == field
        && o.value(u"d"_s).toBool() == desc;
}

bool isBookingVersion(const QString &v)
{
    return v == u"2024-08-13"_s || v == u"2026-02-25"_s;
}

// CreateBookingInput_2024_08_13 as the booking page sends it.
QJsonObject bookingBody(qint64 eventTypeId, const QDateTime &startUtc, const CalAttendee &attendee)
{
    QJsonObject a { { u"name"_s, attendee.name },
                    { u"email"_s, attendee.email },
                    { u"timeZone"_s, attendee.timeZone },
                    { u"language"_s, attendee.language } };
    if (!attendee.phoneNumber.isEmpty())
        a.insert(u"phoneNumber"_s, attendee.phoneNumber);
    return QJsonObject { { u"start"_s, CalPayloads::instant(startUtc.toMSecsSinceEpoch()) },
                         { u"eventTypeId"_s, eventTypeId },
                         { u"attendee"_s, a } };
}

} // namespace

CalcomEmulator::CalcomEmulator(QObject *parent)
    : QObject(parent)
    , m_clock(&Clock::system())
    , m_state(m_clock)
    , m_limiter([this] { return emulatedMs(); })
    , m_webhooks(new CalWebhookSender(this))
{
    m_realTime.start();
    m_server = new CalHttpServer([this](const QHttpServerRequest &r) { return plan(r); }, this);
}

CalcomEmulator::~CalcomEmulator() = default;

bool CalcomEmulator::listen(quint16 port)
{
    m_port = m_server->listen(QHostAddress::LocalHost, port);
    return m_port != 0;
}

QUrl CalcomEmulator::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    return url;
}

void CalcomEmulator::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &Clock::system();
    m_state.setClock(m_clock);
}

void CalcomEmulator::setTimeScale(double scale)
{
    m_timeScale = scale < 1.0 ? 1.0 : scale;
    m_webhooks->setTimeScale(m_timeScale);
}

void CalcomEmulator::setApiDelay(int ms)
{
    m_server->setApiDelayMs(ms);
}

int CalcomEmulator::apiDelay() const
{
    return m_server->apiDelayMs();
}

qint64 CalcomEmulator::emulatedMs() const
{
    // Real monotonic time, scaled (nanoseconds: whole real ms would quantize
    // the window at large scales). Not the injected clock: a frozen
    // ManualClock must not turn every request into one burst.
    return qint64(double(m_realTime.nsecsElapsed()) / 1e6 * m_timeScale);
}

// --- seeding -------------------------------------------------------------------

qint64 CalcomEmulator::addUser(CalUser user)
{
    return m_state.addUser(std::move(user));
}

void CalcomEmulator::addApiKey(const QString &key, qint64 userId)
{
    m_apiKeys.insert(key, userId);
}

qint64 CalcomEmulator::addTeam(const QString &name, const QString &slug)
{
    return m_state.addTeam(CalTeam { 0, name, slug });
}

qint64 CalcomEmulator::addMembership(qint64 teamId, qint64 userId, const QString &role)
{
    return m_state.addMembership(CalMembership { 0, teamId, userId, role, true });
}

qint64 CalcomEmulator::addEventType(CalEventType eventType)
{
    return m_state.addEventType(std::move(eventType));
}

CalcomEmulator::Result CalcomEmulator::asJson(const CalcomState::Result &result) const
{
    if (!result)
        return std::unexpected(result.error());
    return CalPayloads::booking(m_state, *result);
}

CalcomEmulator::SeriesResult CalcomEmulator::asJson(const CalcomState::Results &result) const
{
    if (!result)
        return std::unexpected(result.error());
    QJsonArray out;
    for (const CalBooking &b : *result)
        out.append(CalPayloads::booking(m_state, b));
    return out;
}

CalcomEmulator::Result CalcomEmulator::seedBooking(const CalBooking &booking)
{
    return asJson(m_state.insertBooking(booking));
}

CalcomEmulator::Result CalcomEmulator::seedRescheduleLink(const QString &fromUid,
                                                          const QString &toUid)
{
    return asJson(m_state.linkReschedule(fromUid, toUid));
}

int CalcomEmulator::addBookings(int count, qint64 eventTypeId, const QDateTime &firstStart,
                                const QDateTime &createdAt, const QDateTime &firstUpdatedAt,
                                qint64 updatedStepMs)
{
    const CalEventType *type = m_state.eventType(eventTypeId);
    if (!type)
        return 0;
    const qint64 length = qint64(type->lengthInMinutes) * 60'000;
    int added = 0;
    for (int n = 0; n < count; ++n) {
        CalBooking b;
        b.eventTypeId = eventTypeId;
        b.startMs = firstStart.toMSecsSinceEpoch() + qint64(n) * 3'600'000;
        b.endMs = b.startMs + length;
        b.createdMs = createdAt.toMSecsSinceEpoch();
        b.updatedMs = firstUpdatedAt.toMSecsSinceEpoch() + qint64(n) * updatedStepMs;
        b.attendees.append(CalAttendee { u"Client %1"_s.arg(n), u"client%1@example.com"_s.arg(n),
                                         u"America/New_York"_s, u"en"_s,
                                         u"+1555%1"_s.arg(n, 7, 10, QChar(u'0')), false });
        if (m_state.insertBooking(b))
            ++added;
    }
    return added;
}

void CalcomEmulator::reset()
{
    m_state.clear();
    m_apiKeys.clear();
    m_faults.clear();
    m_log.clear();
    m_limiter.clear();
    m_webhooks->clear();
}

QJsonObject CalcomEmulator::booking(const QString &uid) const
{
    const CalBooking *b = m_state.booking(uid);
    return b ? CalPayloads::booking(m_state, *b) : QJsonObject();
}

QJsonArray CalcomEmulator::series(const QString &recurringBookingUid) const
{
    QJsonArray out;
    for (const CalBooking *b : m_state.series(recurringBookingUid))
        out.append(CalPayloads::booking(m_state, *b));
    return out;
}

void CalcomEmulator::injectFault(const FaultRule &rule)
{
    if (rule.count > 0)
        m_faults.append(rule);
}

qint64 CalcomEmulator::addWebhook(const QUrl &subscriberUrl, const QString &secret,
                                  const QStringList &triggers, const QString &version)
{
    CalWebhookSender::Subscription s;
    s.subscriberUrl = subscriberUrl;
    s.secret = secret;
    s.triggers = triggers;
    s.version = version;
    return m_webhooks->addSubscription(s);
}

void CalcomEmulator::flushEvents()
{
    for (const CalEvent &event : m_state.takeEvents()) {
        m_webhooks->send(event.trigger, [this, event](const QString &version) {
            return CalPayloads::webhook(m_state, event, version, m_utcOffsetAtNow);
        });
    }
}

// --- people's actions ------------------------------------------------------------

CalcomEmulator::Result CalcomEmulator::clientBooks(qint64 eventTypeId, const QDateTime &startUtc,
                                                   const CalAttendee &attendee)
{
    const CalcomState::Results created =
        m_state.create(bookingBody(eventTypeId, startUtc, attendee));
    flushEvents();
    if (!created)
        return std::unexpected(created.error());
    return CalPayloads::booking(m_state, created->first());
}

CalcomEmulator::SeriesResult CalcomEmulator::clientBooksSeries(qint64 eventTypeId,
                                                               const QDateTime &firstStartUtc,
                                                               int occurrences,
                                                               const CalAttendee &attendee)
{
    const CalEventType *type = m_state.eventType(eventTypeId);
    if (type && type->recurrenceOccurrences == 0)
        // transformInputCreateRecurringBooking's NotFoundException.
        return std::unexpected(CalApiError::notFound(
            u"Event type with id=%1 is not a recurring event"_s.arg(eventTypeId)));
    QJsonObject body = bookingBody(eventTypeId, firstStartUtc, attendee);
    if (occurrences > 0)
        body.insert(u"recurrenceCount"_s, occurrences);
    const SeriesResult r = asJson(m_state.create(body));
    flushEvents();
    return r;
}

CalcomEmulator::Result CalcomEmulator::clientReschedules(const QString &uid,
                                                         const QDateTime &newStartUtc,
                                                         const QString &reason)
{
    const CalBooking *b = m_state.booking(uid);
    const QString by = b && !b->attendees.isEmpty() ? b->attendees.first().email : QString();
    const Result r = asJson(m_state.reschedule(uid, newStartUtc, reason, by));
    flushEvents();
    return r;
}

CalcomEmulator::Result CalcomEmulator::clientCancels(const QString &uid, const QString &reason)
{
    const CalBooking *b = m_state.booking(uid);
    const QString by = b && !b->attendees.isEmpty() ? b->attendees.first().email : QString();
    const Result r = asJson(m_state.cancel(uid, reason, by));
    flushEvents();
    return r;
}

CalcomEmulator::SeriesResult CalcomEmulator::clientCancelsFromHere(const QString &uid,
                                                                   const QString &reason)
{
    const CalBooking *b = m_state.booking(uid);
    const QString by = b && !b->attendees.isEmpty() ? b->attendees.first().email : QString();
    const SeriesResult r = asJson(m_state.cancelFrom(uid, reason, by));
    flushEvents();
    return r;
}

CalcomEmulator::Result CalcomEmulator::hostConfirms(const QString &uid)
{
    const Result r = asJson(m_state.confirm(uid));
    flushEvents();
    return r;
}

CalcomEmulator::Result CalcomEmulator::hostDeclines(const QString &uid, const QString &reason)
{
    const Result r = asJson(m_state.decline(uid, reason));
    flushEvents();
    return r;
}

CalcomEmulator::Result CalcomEmulator::meetingEnds(const QString &uid)
{
    const Result r = asJson(m_state.meetingEnded(uid));
    flushEvents();
    return r;
}

CalcomEmulator::Result CalcomEmulator::markNoShow(const QString &uid, const QString &attendeeEmail)
{
    const Result r = asJson(m_state.markAbsent(uid, false, { attendeeEmail }));
    flushEvents();
    return r;
}

CalcomEmulator::Result CalcomEmulator::bookingPaid(const QString &uid)
{
    const Result r = asJson(m_state.markPaid(uid));
    flushEvents();
    return r;
}

// --- HTTP ------------------------------------------------------------------------

CalReply CalcomEmulator::error(const CalApiError &e, const QString &path) const
{
    CalReply r;
    r.status = e.status;
    r.body = CalPayloads::errorEnvelope(e, path, m_clock->nowUtc().toMSecsSinceEpoch());
    return r;
}

CalReply CalcomEmulator::ok(const QJsonValue &data, int status, const QJsonObject &extra) const
{
    CalReply r;
    r.status = status;
    r.body = CalPayloads::success(data, extra);
    return r;
}

CalHttpServer::Plan CalcomEmulator::plan(const QHttpServerRequest &request)
{
    CalHttpServer::Plan plan;
    const QString method = methodName(request.method());
    const QString path = request.url().path();
    const QUrlQuery query(request.url().query(QUrl::FullyEncoded).replace(u'+', u"%20"_s));
    const QByteArray body = request.body();
    const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    const QString apiVersion = QString::fromLatin1(header(request, "cal-api-version").trimmed());

    m_log.append(
        LogEntry { method, path, request.url().query(QUrl::FullyDecoded), apiVersion, false, 0 });
    const qsizetype logIndex = m_log.size() - 1;
    auto done = [this, logIndex, method, path] {
        return [this, logIndex, method, path](int status) {
            if (logIndex < m_log.size() && m_log.at(logIndex).path == path)
                m_log[logIndex].status = status;
            Q_EMIT requestHandled(method, path, status);
        };
    };

    if (!segments.isEmpty() && segments.first() == u"__admin"_s) {
        plan.reply = handleAdmin(method, segments.mid(1), body);
        plan.done = done();
        return plan;
    }

    // Injected faults stand for the network and Cal.com's edge.
    const QString target =
        query.isEmpty() ? path : path + u'?' + request.url().query(QUrl::FullyDecoded);
    std::optional<FaultRule> lateFault;
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        FaultRule &rule = m_faults[i];
        if (!target.contains(rule.pathContains))
            continue;
        const FaultRule applied = rule;
        if (--rule.count <= 0)
            m_faults.removeAt(i);
        if (applied.afterExecuting) {
            lateFault = applied;
            break;
        }
        plan.delayMs = applied.delayMs;
        if (applied.drop) {
            plan.drop = true;
            plan.done = done();
            return plan;
        }
        if (applied.httpStatus > 0) {
            CalApiError e = applied.httpStatus == 429 ? CalApiError::throttled()
                : applied.httpStatus == 401
                ? CalApiError::unauthorized(u"Injected: invalid API key"_s)
                : applied.httpStatus >= 500 ? CalApiError::internal(applied.httpStatus)
                                            : CalApiError::badRequest(u"Injected fault"_s);
            e.status = applied.httpStatus;
            plan.reply = error(e, path);
            if (applied.httpStatus == 429)
                plan.reply.extraHeaders.append(
                    qMakePair(QByteArray("X-RateLimit-Reset-Default"), QByteArray("1")));
            plan.done = done();
            return plan;
        }
        break; // delay only
    }

    if (segments.isEmpty() || segments.first() != u"v2"_s) {
        plan.reply = error(CalApiError::notFound(u"Cannot %1 %2"_s.arg(method, path)), path);
        plan.done = done();
        return plan;
    }

    // ThrottlerGuard runs before the API-key guard, keyed by the credential.
    const QByteArray authorization = header(request, "Authorization");
    const QString key = authorization.startsWith("Bearer ")
        ? QString::fromLatin1(authorization.mid(7).trimmed())
        : QString();
    const CalRateLimiter::Verdict verdict = m_limiter.admit(
        key.isEmpty()
            ? u"anonymous"_s
            : QString::fromLatin1(
                QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex()));
    const QList<QPair<QByteArray, QByteArray>> limitHeaders {
        { "X-RateLimit-Limit-Default", QByteArray::number(verdict.limit) },
        { "X-RateLimit-Remaining-Default", QByteArray::number(verdict.remaining) },
        { "X-RateLimit-Reset-Default", QByteArray::number(verdict.resetSecs) }
    };
    if (!verdict.admitted) {
        plan.reply = error(CalApiError::throttled(), path);
        plan.reply.extraHeaders = limitHeaders;
        plan.done = done();
        return plan;
    }

    const auto user = m_apiKeys.constFind(key);
    if (key.isEmpty() || user == m_apiKeys.cend()) {
        plan.reply = error(CalApiError::unauthorized(
                               key.isEmpty() ? u"No authorization header provided"_s
                                             : u"ApiAuthStrategy - api key - Invalid API Key"_s),
                           path);
    } else {
        m_log[logIndex].authorized = true;
        plan.reply = handleApi(method, segments.mid(1), query, body, apiVersion, *user, path);
        flushEvents();
    }
    plan.reply.extraHeaders.append(limitHeaders);
    if (lateFault) {
        plan.delayMs = lateFault->delayMs;
        plan.drop = lateFault->drop;
    }
    plan.done = done();
    return plan;
}

CalReply CalcomEmulator::handleApi(const QString &method, const QStringList &path,
                                   const QUrlQuery &query, const QByteArray &body,
                                   const QString &apiVersion, qint64 userId,
                                   const QString &fullPath)
{
    const QString resource = path.value(0);
    const bool get = method == u"GET"_s;
    if (resource == u"me"_s && path.size() == 1 && get) {
        const CalUser *me = m_state.user(userId);
        return me ? ok(CalPayloads::me(*me))
                  : error(CalApiError::notFound(u"User not found"_s), fullPath);
    }
    if (resource == u"event-types"_s && get) {
        const bool current = apiVersion == u"2024-06-14"_s;
        if (path.size() == 1) {
            QJsonArray types;
            for (const CalEventType &t : m_state.eventTypesOf(userId))
                types.append(CalPayloads::eventType(t));
            // Before 2024-06-14 the list was grouped (eventTypeGroups).
            if (!current && !m_rejectUnknownVersion)
                return ok(
                    QJsonObject { { u"eventTypeGroups"_s,
                                    QJsonArray { QJsonObject { { u"eventTypes"_s, types } } } } });
            if (!current)
                return error(
                    CalApiError::badRequest(u"Unsupported cal-api-version '%1'"_s.arg(apiVersion)),
                    fullPath);
            return ok(types);
        }
        if (path.size() == 2) {
            const CalEventType *t = m_state.eventType(path.at(1).toLongLong());
            if (!t)
                return error(
                    CalApiError::notFound(u"Event type with id=%1 not found"_s.arg(path.at(1))),
                    fullPath);
            if (!current && !m_rejectUnknownVersion)
                return ok(QJsonObject { { u"eventType"_s, CalPayloads::eventType(*t) } });
            return ok(CalPayloads::eventType(*t));
        }
    }
    if (resource == u"teams"_s && get) {
        if (path.size() == 1) {
            QJsonArray teams;
            for (const CalTeam &t : m_state.teams()) {
                const auto members = m_state.memberships(t.id);
                if (std::any_of(members.cbegin(), members.cend(),
                                [userId](const CalMembership &m) { return m.userId == userId; }))
                    teams.append(QJsonObject {
                        { u"id"_s, t.id }, { u"name"_s, t.name }, { u"slug"_s, t.slug } });
            }
            return ok(teams);
        }
        if (path.size() == 3 && path.at(2) == u"memberships"_s) {
            const qint64 teamId = path.at(1).toLongLong();
            const QList<CalMembership> members = m_state.memberships(teamId);
            if (!std::any_of(members.cbegin(), members.cend(),
                             [userId](const CalMembership &m) { return m.userId == userId; }))
                return error(
                    CalApiError::forbidden(u"You are not a member of team %1"_s.arg(teamId)),
                    fullPath);
            const int take =
                query.hasQueryItem(u"take"_s) ? query.queryItemValue(u"take"_s).toInt() : 250;
            const int skip = query.queryItemValue(u"skip"_s).toInt();
            QJsonArray out;
            for (qsizetype i = skip; i < members.size() && out.size() < take; ++i) {
                const CalMembership &m = members.at(i);
                const CalUser *u = m_state.user(m.userId);
                out.append(QJsonObject {
                    { u"id"_s, m.id },
                    { u"userId"_s, m.userId },
                    { u"teamId"_s, m.teamId },
                    { u"accepted"_s, m.accepted },
                    { u"role"_s, m.role },
                    { u"disableImpersonation"_s, false },
                    { u"user"_s,
                      QJsonObject { { u"email"_s, u ? u->email : QString() },
                                    { u"username"_s, u ? u->username : QString() },
                                    { u"name"_s, u ? u->name : QString() },
                                    { u"timeZone"_s, u ? u->timeZone : QString() } } } });
            }
            return ok(out);
        }
    }
    if (resource == u"bookings"_s)
        return handleBookings(method, path.mid(1), query, body, apiVersion, userId, fullPath);
    if (resource == u"webhooks"_s) {
        if (method == u"POST"_s && path.size() == 1) {
            const auto in = parseObject(body);
            if (!in)
                return error(CalApiError::badRequest(u"Invalid JSON body"_s), fullPath);
            if (!in->contains(u"subscriberUrl"_s) || !in->contains(u"triggers"_s)
                || !in->contains(u"active"_s))
                return error(
                    CalApiError::validation(u"subscriberUrl, active and triggers are required, "_s),
                    fullPath);
            CalWebhookSender::Subscription s;
            s.subscriberUrl = QUrl(in->value(u"subscriberUrl"_s).toString());
            s.active = in->value(u"active"_s).toBool();
            s.secret = in->value(u"secret"_s).toString();
            s.version = in->value(u"version"_s).toString(u"2021-10-20"_s);
            for (const QJsonValue &t : in->value(u"triggers"_s).toArray())
                s.triggers.append(t.toString());
            const qint64 id = m_webhooks->addSubscription(s);
            return ok(QJsonObject { { u"id"_s, id },
                                    { u"subscriberUrl"_s, s.subscriberUrl.toString() },
                                    { u"active"_s, s.active },
                                    { u"triggers"_s, QJsonArray::fromStringList(s.triggers) },
                                    { u"version"_s, s.version } },
                      201);
        }
        if (get && path.size() == 1) {
            QJsonArray list;
            for (const auto &s : m_webhooks->subscriptions())
                list.append(
                    QJsonObject { { u"id"_s, s.id },
                                  { u"subscriberUrl"_s, s.subscriberUrl.toString() },
                                  { u"active"_s, s.active },
                                  { u"triggers"_s, QJsonArray::fromStringList(s.triggers) } });
            return ok(list);
        }
        if (method == u"DELETE"_s && path.size() == 2) {
            m_webhooks->removeSubscription(path.at(1).toLongLong());
            return ok(QJsonObject { { u"id"_s, path.at(1).toLongLong() } });
        }
    }
    return error(CalApiError::notFound(u"Cannot %1 %2"_s.arg(method, fullPath)), fullPath);
}

CalReply CalcomEmulator::listBookings(const QUrlQuery &query, const QString &apiVersion,
                                      qint64 userId, const QString &fullPath)
{
    const bool cursorPaging = apiVersion == u"2026-05-01"_s;
    const bool offsetPaging = apiVersion == u"2024-08-13"_s || apiVersion == u"2026-02-25"_s;
    if (!cursorPaging && !offsetPaging && m_rejectUnknownVersion)
        return error(CalApiError::badRequest(u"Unsupported cal-api-version '%1'"_s.arg(apiVersion)),
                     fullPath);
    QString field;
    bool desc = false;
    if (cursorPaging) {
        const QString limitText = query.queryItemValue(u"limit"_s);
        bool limitOk = true;
        const int limit = limitText.isEmpty() ? 50 : limitText.toInt(&limitOk);
        if (!limitOk || limit < 1 || limit > 100)
            return error(CalApiError::validation(u"limit - Number must be between 1 and 100, "_s),
                         fullPath);
        // Sort first (the cursor must match it), then the page after the cursor.
        (void)CalcomState::sortOf(query, &field, &desc); // a bad sort is refused by list() below
        std::optional<CalcomState::Position> after;
        const QString cursor = query.queryItemValue(u"cursor"_s, QUrl::FullyDecoded);
        if (!cursor.isEmpty()) {
            CalcomState::Position position;
            if (!readCursor(cursor, field, desc, &position))
                return error(CalApiError::validation(u"cursor - Invalid cursor, "_s), fullPath);
            after = position;
        }
        auto rows = m_state.list(userId, query, &field, &desc, after, limit + 1);
        if (!rows)
            return error(rows.error(), fullPath);
        const bool hasMore = rows->size() > limit;
        if (hasMore)
            rows->resize(limit);
        QJsonArray data;
        for (const CalBooking *b : std::as_const(*rows))
            data.append(CalPayloads::booking(m_state, *b));
        QJsonValue next;
        if (hasMore) {
            const CalBooking *last = rows->last();
            next = makeCursor(field, desc, CalcomState::sortValue(*last, field), last->id);
        }
        return ok(data, 200,
                  QJsonObject {
                      { u"pagination"_s,
                        QJsonObject { { u"nextCursor"_s, next }, { u"hasMore"_s, hasMore } } } });
    }

    // Offset dialect (2024-08-13), or the legacy fallback without a version.
    const int take = query.hasQueryItem(u"take"_s) ? query.queryItemValue(u"take"_s).toInt() : 100;
    const int skip = query.queryItemValue(u"skip"_s).toInt();
    if (take < 1 || take > 250 || skip < 0) // [unverified] take ≤ 250
        return error(CalApiError::validation(u"take - Number must be between 1 and 250, "_s),
                     fullPath);
    qsizetype total = 0;
    auto rows = m_state.list(userId, query, &field, &desc, std::nullopt, skip + take, &total);
    if (!rows)
        return error(rows.error(), fullPath);
    QJsonArray data;
    for (qsizetype i = skip; i < rows->size(); ++i)
        data.append(offsetPaging ? CalPayloads::booking(m_state, *rows->at(i))
                                 : CalPayloads::legacyBooking(m_state, *rows->at(i)));
    if (!offsetPaging) // 2024-04-15: {bookings, recurringInfo, nextCursor}
        return ok(QJsonObject {
            { u"bookings"_s, data },
            { u"recurringInfo"_s, QJsonArray() },
            { u"nextCursor"_s, skip + take < total ? QJsonValue(skip + take) : QJsonValue() } });
    const qsizetype returned = data.size();
    const qsizetype pages = (total + take - 1) / take;
    return ok(data, 200,
              QJsonObject { { u"pagination"_s,
                              QJsonObject { { u"totalItems"_s, total },
                                            { u"remainingItems"_s,
                                              std::max<qsizetype>(0, total - skip - returned) },
                                            { u"returnedItems"_s, returned },
                                            { u"itemsPerPage"_s, take },
                                            { u"currentPage"_s, skip / take + 1 },
                                            { u"totalPages"_s, pages },
                                            { u"hasNextPage"_s, skip + returned < total },
                                            { u"hasPreviousPage"_s, skip > 0 } } } });
}

CalReply CalcomEmulator::handleBookings(const QString &method, const QStringList &path,
                                        const QUrlQuery &query, const QByteArray &body,
                                        const QString &apiVersion, qint64 userId,
                                        const QString &fullPath)
{
    const bool known = isBookingVersion(apiVersion);
    if (method == u"GET"_s && path.isEmpty())
        return listBookings(query, apiVersion, userId, fullPath);
    if (!known && m_rejectUnknownVersion)
        return error(CalApiError::badRequest(u"Unsupported cal-api-version '%1'"_s.arg(apiVersion)),
                     fullPath);

    const auto visible = [this, userId, &fullPath](
                             const QString &uid) -> std::expected<const CalBooking *, CalReply> {
        const CalBooking *b = m_state.booking(uid);
        if (!b)
            return std::unexpected(
                error(CalApiError::notFound(
                          u"Booking with uid=%1 was not found in the database"_s.arg(uid)),
                      fullPath));
        if (!m_state.canSee(userId, *b))
            return std::unexpected(error(
                CalApiError::forbidden(u"You are not allowed to access booking %1"_s.arg(uid)),
                fullPath));
        return b;
    };
    const auto answer = [this, &fullPath, known](const CalcomState::Result &r, int status) {
        if (!r)
            return error(r.error(), fullPath);
        return ok(known ? CalPayloads::booking(m_state, *r)
                        : CalPayloads::legacyBooking(m_state, *r),
                  status);
    };
    // A recurring series answers an array of its occurrences, by start.
    const auto answerAll = [this, &fullPath, known](const CalcomState::Results &r, int status) {
        if (!r)
            return error(r.error(), fullPath);
        QJsonArray data;
        for (const CalBooking &b : *r)
            data.append(known ? CalPayloads::booking(m_state, b)
                              : CalPayloads::legacyBooking(m_state, b));
        return ok(data, status);
    };
    // The occurrences when `uid` is a series uid (recurringBookingUid) and no
    // booking's own uid; empty otherwise.
    const auto seriesNamed = [this](const QString &uid) {
        return m_state.booking(uid) ? QList<const CalBooking *>() : m_state.series(uid);
    };

    if (method == u"GET"_s && path.size() == 1) {
        // "uid of booking, of one recurrence, or of the recurring series (→ array)".
        const QList<const CalBooking *> members = seriesNamed(path.at(0));
        if (!members.isEmpty()) {
            if (!m_state.canSee(userId, *members.first()))
                return error(CalApiError::forbidden(
                                 u"You are not allowed to access booking %1"_s.arg(path.at(0))),
                             fullPath);
            QList<CalBooking> all;
            for (const CalBooking *b : members)
                all.append(*b);
            return answerAll(all, 200);
        }
        const auto b = visible(path.at(0));
        if (!b)
            return b.error();
        return answer(**b, 200);
    }
    if (method != u"POST"_s)
        return error(CalApiError::notFound(u"Cannot %1 %2"_s.arg(method, fullPath)), fullPath);
    const auto in = parseObject(body);
    if (!in)
        return error(CalApiError::badRequest(u"Unexpected token in JSON body"_s), fullPath);
    if (path.isEmpty()) {
        if (!known) // the 2024-04-15 input wants responses{} and end: a current body fails its
                    // validation
            return error(CalApiError::validation(u"responses - Required, end - Required, "_s),
                         fullPath);
        const CalcomState::Results created = m_state.create(*in);
        if (created && created->first().recurringBookingUid.isEmpty())
            return answer(created->first(), 201);
        return answerAll(created, 201); // a recurring event type: the series
    }
    if (path.size() != 2)
        return error(CalApiError::notFound(u"Cannot POST %1"_s.arg(fullPath)), fullPath);
    const QString uid = path.at(0);
    const QString action = path.at(1);
    const CalUser *actor = m_state.user(userId);
    const bool subsequent = in->value(u"cancelSubsequentBookings"_s).toBool();
    if (action == u"cancel"_s) {
        // Cancel through the series uid: every occurrence from now on
        // (input.service transformInputCancelBooking: allRemainingBookings).
        const QList<const CalBooking *> members = seriesNamed(uid);
        if (!members.isEmpty()) {
            if (!m_state.canSee(userId, *members.first()))
                return error(
                    CalApiError::forbidden(u"You are not allowed to access booking %1"_s.arg(uid)),
                    fullPath);
            if (subsequent)
                return error(CalApiError::badRequest(
                                 u"Cannot cancel subsequent bookings for recurring event - you "
                                 u"have to provide uid of one of the individual bookings of a "
                                 u"recurring booking."_s),
                             fullPath);
            return answerAll(m_state.cancelSeries(uid,
                                                  in->value(u"cancellationReason"_s).toString(),
                                                  actor ? actor->email : QString()),
                             200);
        }
    }
    const auto b = visible(uid);
    if (!b)
        return b.error();
    if (action == u"reschedule"_s) {
        const QDateTime start = parseStart(in->value(u"start"_s));
        if (!start.isValid())
            return error(CalApiError::validation(u"start - Required, "_s), fullPath);
        return answer(m_state.reschedule(
                          uid, start, in->value(u"reschedulingReason"_s).toString(),
                          in->value(u"rescheduledBy"_s).toString(actor ? actor->email : QString())),
                      201);
    }
    if (action == u"cancel"_s) {
        const QString reason = in->value(u"cancellationReason"_s).toString();
        const QString by = actor ? actor->email : QString();
        if (!subsequent)
            return answer(m_state.cancel(uid, reason, by), 200);
        if ((*b)->recurringBookingUid.isEmpty()) {
            // bookings.service cancelBooking runs handleCancelBooking first
            // (the booking is cancelled), then refuses to list its series.
            const CalcomState::Result cancelled = m_state.cancel(uid, reason, by);
            if (!cancelled)
                return error(cancelled.error(), fullPath);
            return error(
                CalApiError::badRequest(
                    u"Booking with bookingUid=%1 is not part of a recurring booking."_s.arg(uid)),
                fullPath);
        }
        // This occurrence and the later ones; the answer is the whole series.
        return answerAll(m_state.cancelFrom(uid, reason, by), 200);
    }
    if (action == u"confirm"_s)
        return answer(m_state.confirm(uid), 200);
    if (action == u"decline"_s)
        return answer(m_state.decline(uid, in->value(u"reason"_s).toString()), 200);
    if (action == u"mark-absent"_s) {
        QStringList emails;
        for (const QJsonValue &a : in->value(u"attendees"_s).toArray()) {
            if (a.toObject().value(u"absent"_s).toBool())
                emails.append(a.toObject().value(u"email"_s).toString());
        }
        return answer(m_state.markAbsent(uid, in->value(u"host"_s).toBool(), emails), 200);
    }
    return error(CalApiError::notFound(u"Cannot POST %1"_s.arg(fullPath)), fullPath);
}

// --- admin API (for the sandbox command and scripts) --------------------------------

CalReply CalcomEmulator::handleAdmin(const QString &method, const QStringList &path,
                                     const QByteArray &body)
{
    const auto in = parseObject(body);
    const auto bad = [this](const QString &message) {
        CalReply r;
        r.status = 400;
        r.body =
            QJsonDocument(QJsonObject { { u"error"_s, message } }).toJson(QJsonDocument::Compact);
        return r;
    };
    if (!in)
        return bad(u"the body is not a JSON object"_s);
    const QString action = path.join(u'/');
    const auto fromResult = [this](const Result &r) {
        if (!r)
            return error(r.error(), u"/__admin"_s);
        CalReply reply;
        reply.body = QJsonDocument(*r).toJson(QJsonDocument::Compact);
        return reply;
    };
    const auto plain = [](const QJsonObject &o) {
        CalReply reply;
        reply.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
        return reply;
    };
    const auto attendeeFrom = [](const QJsonObject &a) {
        return CalAttendee { a.value(u"name"_s).toString(),
                             a.value(u"email"_s).toString(),
                             a.value(u"timeZone"_s).toString(u"UTC"_s),
                             a.value(u"language"_s).toString(u"en"_s),
                             a.value(u"phoneNumber"_s).toString(),
                             false };
    };
    const auto time = [](const QJsonValue &v) {
        return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
    };

    if (action == u"reset"_s && method == u"POST"_s) {
        reset();
        return plain({});
    }
    if (action == u"users"_s && method == u"POST"_s) {
        CalUser u;
        u.email = in->value(u"email"_s).toString();
        u.name = in->value(u"name"_s).toString();
        u.username = in->value(u"username"_s).toString();
        u.timeZone = in->value(u"timeZone"_s).toString(u"UTC"_s);
        const qint64 id = addUser(u);
        if (in->contains(u"apiKey"_s))
            addApiKey(in->value(u"apiKey"_s).toString(), id);
        return plain(QJsonObject { { u"id"_s, id } });
    }
    if (action == u"teams"_s && method == u"POST"_s) {
        const qint64 id = addTeam(in->value(u"name"_s).toString(), in->value(u"slug"_s).toString());
        for (const QJsonValue &m : in->value(u"members"_s).toArray())
            addMembership(id, qint64(m.toObject().value(u"userId"_s).toDouble()),
                          m.toObject().value(u"role"_s).toString(u"MEMBER"_s));
        return plain(QJsonObject { { u"id"_s, id } });
    }
    if (action == u"event-types"_s && method == u"POST"_s) {
        CalEventType t;
        t.title = in->value(u"title"_s).toString();
        t.slug = in->value(u"slug"_s).toString();
        t.lengthInMinutes = in->value(u"lengthInMinutes"_s).toInt(60);
        t.ownerId = qint64(in->value(u"ownerId"_s).toDouble());
        t.requiresConfirmation = in->value(u"requiresConfirmation"_s).toBool();
        t.priceMinor = qint64(in->value(u"price"_s).toDouble());
        t.recurrenceOccurrences = in->value(u"recurrenceOccurrences"_s).toInt(0);
        t.recurrenceIntervalWeeks = in->value(u"recurrenceIntervalWeeks"_s).toInt(1);
        return plain(QJsonObject { { u"id"_s, addEventType(t) } });
    }
    if (action == u"bookings"_s && method == u"POST"_s) {
        CalBooking b;
        b.uid = in->value(u"uid"_s).toString();
        b.eventTypeId = qint64(in->value(u"eventTypeId"_s).toDouble());
        b.status = in->value(u"status"_s).toString(u"accepted"_s);
        b.startMs = time(in->value(u"start"_s)).toMSecsSinceEpoch();
        if (in->contains(u"createdAt"_s))
            b.createdMs = time(in->value(u"createdAt"_s)).toMSecsSinceEpoch();
        if (in->contains(u"updatedAt"_s))
            b.updatedMs = time(in->value(u"updatedAt"_s)).toMSecsSinceEpoch();
        for (const QJsonValue &a : in->value(u"attendees"_s).toArray())
            b.attendees.append(attendeeFrom(a.toObject()));
        return fromResult(seedBooking(b));
    }
    if (action == u"bookings/bulk"_s && method == u"POST"_s) {
        const int added = addBookings(
            in->value(u"count"_s).toInt(), qint64(in->value(u"eventTypeId"_s).toDouble()),
            time(in->value(u"firstStart"_s)), time(in->value(u"createdAt"_s)),
            time(in->value(u"firstUpdatedAt"_s)),
            qint64(in->value(u"updatedStepMs"_s).toDouble(1000)));
        return plain(QJsonObject { { u"added"_s, added } });
    }
    if (action == u"faults"_s && method == u"POST"_s) {
        injectFault({ in->value(u"pathContains"_s).toString(), in->value(u"count"_s).toInt(1),
                      in->value(u"status"_s).toInt(0), in->value(u"delayMs"_s).toInt(0),
                      in->value(u"drop"_s).toBool(), in->value(u"afterExecuting"_s).toBool() });
        return plain({});
    }
    if (action == u"faults"_s && method == u"DELETE"_s) {
        clearFaults();
        return plain({});
    }
    if (action == u"log"_s && method == u"GET"_s) {
        QJsonArray entries;
        for (const LogEntry &e : std::as_const(m_log))
            entries.append(QJsonObject { { u"method"_s, e.method },
                                         { u"path"_s, e.path },
                                         { u"query"_s, e.query },
                                         { u"apiVersion"_s, e.apiVersion },
                                         { u"status"_s, e.status } });
        return plain(QJsonObject { { u"entries"_s, entries } });
    }
    if (action == u"log"_s && method == u"DELETE"_s) {
        clearLog();
        return plain({});
    }
    if (action == u"throttle"_s && method == u"POST"_s) {
        if (in->contains(u"enabled"_s))
            setThrottlingEnabled(in->value(u"enabled"_s).toBool());
        if (in->contains(u"timeScale"_s))
            setTimeScale(in->value(u"timeScale"_s).toDouble());
        if (in->contains(u"apiDelayMs"_s))
            setApiDelay(in->value(u"apiDelayMs"_s).toInt());
        return plain({});
    }
    if (action == u"webhooks"_s && method == u"POST"_s) {
        QStringList triggers;
        for (const QJsonValue &t : in->value(u"triggers"_s).toArray())
            triggers.append(t.toString());
        return plain(QJsonObject {
            { u"id"_s,
              addWebhook(QUrl(in->value(u"url"_s).toString()), in->value(u"secret"_s).toString(),
                         triggers, in->value(u"version"_s).toString(u"2021-10-20"_s)) } });
    }
    if (action == u"state/bookings"_s && method == u"GET"_s) {
        QJsonArray list;
        for (const CalBooking &b : m_state.bookings())
            list.append(CalPayloads::booking(m_state, b));
        return plain(QJsonObject { { u"bookings"_s, list } });
    }
    const QString uid = in->value(u"uid"_s).toString();
    if (method == u"POST"_s && action == u"actions/book"_s)
        return fromResult(clientBooks(qint64(in->value(u"eventTypeId"_s).toDouble()),
                                      time(in->value(u"start"_s)),
                                      attendeeFrom(in->value(u"attendee"_s).toObject())));
    if (method == u"POST"_s && action == u"actions/reschedule"_s)
        return fromResult(
            clientReschedules(uid, time(in->value(u"start"_s)), in->value(u"reason"_s).toString()));
    const auto fromSeries = [this, &plain](const SeriesResult &r) {
        if (!r)
            return error(r.error(), u"/__admin"_s);
        return plain(QJsonObject { { u"bookings"_s, *r } });
    };
    if (method == u"POST"_s && action == u"actions/book-series"_s)
        return fromSeries(clientBooksSeries(qint64(in->value(u"eventTypeId"_s).toDouble()),
                                            time(in->value(u"start"_s)),
                                            in->value(u"occurrences"_s).toInt(0),
                                            attendeeFrom(in->value(u"attendee"_s).toObject())));
    if (method == u"POST"_s && action == u"actions/cancel"_s && in->value(u"subsequent"_s).toBool())
        return fromSeries(clientCancelsFromHere(uid, in->value(u"reason"_s).toString()));
    if (method == u"POST"_s && action == u"actions/cancel"_s)
        return fromResult(clientCancels(uid, in->value(u"reason"_s).toString()));
    if (method == u"POST"_s && action == u"actions/confirm"_s)
        return fromResult(hostConfirms(uid));
    if (method == u"POST"_s && action == u"actions/decline"_s)
        return fromResult(hostDeclines(uid, in->value(u"reason"_s).toString()));
    if (method == u"POST"_s && action == u"actions/meeting-ended"_s)
        return fromResult(meetingEnds(uid));
    if (method == u"POST"_s && action == u"actions/no-show"_s)
        return fromResult(markNoShow(uid, in->value(u"email"_s).toString()));
    CalReply r = bad(u"unknown admin action %1 %2"_s.arg(method, action));
    r.status = 404;
    return r;
}

} // namespace Concord::Sandbox
