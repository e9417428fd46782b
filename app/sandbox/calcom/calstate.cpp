#include "calcom/calstate.h"

#include "common/clock.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

// --- errors (apps/api/v2 filters: HttpException → its class name; zod → BAD_REQUEST)

CalApiError CalApiError::badRequest(const QString &message)
{
    return { 400, u"BadRequestException"_s, message };
}
CalApiError CalApiError::validation(const QString &message)
{
    return { 400, u"BAD_REQUEST"_s, message };
}
CalApiError CalApiError::notFound(const QString &message)
{
    return { 404, u"NotFoundException"_s, message };
}
CalApiError CalApiError::unauthorized(const QString &message)
{
    return { 401, u"UnauthorizedException"_s, message };
}
CalApiError CalApiError::forbidden(const QString &message)
{
    return { 403, u"ForbiddenException"_s, message };
}
CalApiError CalApiError::conflict(const QString &message)
{
    return { 409, u"ConflictException"_s, message };
}
CalApiError CalApiError::throttled()
{
    return { 429, u"ThrottlerException"_s, u"Too many requests. Please try again later."_s };
}
CalApiError CalApiError::internal(int status)
{
    return { status, u"InternalServerErrorException"_s, u"Internal server error"_s };
}

namespace {

constexpr char kBase62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

qint64 parseInstantMs(const QJsonValue &value, bool *ok)
{
    const QString text = value.toString();
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    *ok = value.isString() && t.isValid()
        && (text.endsWith(u'Z') || text.contains(u'+') || text.lastIndexOf(u'-') > 10);
    return *ok ? t.toMSecsSinceEpoch() : 0;
}

bool overlaps(const CalBooking &b, qint64 startMs, qint64 endMs)
{
    return (b.status == u"accepted"_s || b.status == u"pending"_s) && b.startMs < endMs
        && startMs < b.endMs;
}

} // namespace

CalcomState::CalcomState(const Clock *clock)
    : m_clock(clock)
{
}

qint64 CalcomState::nowMs() const
{
    return m_clock->nowUtc().toMSecsSinceEpoch();
}

QString CalcomState::nextUid()
{
    // Cal.com uids look like "5vQFqxDFMjdgKGMijqtqRw" (22 base-62 characters).
    // Derived from a counter so runs are reproducible.
    const QByteArray digest = QCryptographicHash::hash(
        "calcom-emulator/" + QByteArray::number(++m_uidCounter), QCryptographicHash::Sha256);
    QString uid;
    for (int i = 0; i < 22; ++i)
        uid.append(QChar::fromLatin1(kBase62[quint8(digest.at(i)) % 62]));
    return uid;
}

QString CalcomState::nextSeriesUid()
{
    // Cal.com's recurringEventId is a uuid v4; a name-based uuid from a
    // counter has the same form and keeps runs reproducible.
    return QUuid::createUuidV5(QUuid(), u"calcom-emulator/series/%1"_s.arg(++m_seriesCounter))
        .toString(QUuid::WithoutBraces);
}

qint64 CalcomState::addUser(CalUser user)
{
    if (user.id == 0)
        user.id = m_nextUser++;
    m_nextUser = std::max(m_nextUser, user.id + 1);
    if (user.username.isEmpty())
        user.username = user.email.section(u'@', 0, 0);
    m_users.insert(user.id, user);
    return user.id;
}

qint64 CalcomState::addTeam(CalTeam team)
{
    if (team.id == 0)
        team.id = m_nextTeam++;
    m_nextTeam = std::max(m_nextTeam, team.id + 1);
    m_teams.insert(team.id, team);
    return team.id;
}

qint64 CalcomState::addMembership(CalMembership membership)
{
    if (membership.id == 0)
        membership.id = m_nextMembership++;
    m_nextMembership = std::max(m_nextMembership, membership.id + 1);
    m_memberships.insert(membership.id, membership);
    return membership.id;
}

qint64 CalcomState::addEventType(CalEventType eventType)
{
    if (eventType.id == 0)
        eventType.id = m_nextEventType++;
    m_nextEventType = std::max(m_nextEventType, eventType.id + 1);
    if (eventType.slug.isEmpty())
        eventType.slug = eventType.title.toLower().replace(u' ', u'-');
    m_eventTypes.insert(eventType.id, eventType);
    return eventType.id;
}

CalcomState::Result CalcomState::insertBooking(CalBooking booking)
{
    if (booking.id == 0)
        booking.id = m_nextBooking++;
    m_nextBooking = std::max(m_nextBooking, booking.id + 1);
    if (booking.uid.isEmpty())
        booking.uid = nextUid();
    if (m_byUid.contains(booking.uid))
        return std::unexpected(
            CalApiError::conflict(u"A booking with uid=%1 exists"_s.arg(booking.uid)));
    const CalEventType *type = eventType(booking.eventTypeId);
    if (!type)
        return std::unexpected(
            CalApiError::notFound(u"Event type with id=%1 not found"_s.arg(booking.eventTypeId)));
    if (booking.hostUserId == 0)
        booking.hostUserId =
            type->teamId && !type->hostIds.isEmpty() ? type->hostIds.first() : type->ownerId;
    if (booking.endMs <= booking.startMs)
        booking.endMs = booking.startMs + qint64(type->lengthInMinutes) * 60'000;
    if (booking.title.isEmpty()) {
        const CalUser *host = user(booking.hostUserId);
        booking.title = u"%1 between %2 and %3"_s.arg(
            type->title, host ? host->name : QString(),
            booking.attendees.isEmpty() ? QString() : booking.attendees.first().name);
    }
    if (booking.createdMs == 0)
        booking.createdMs = nowMs();
    if (booking.icsUid.isEmpty())
        booking.icsUid = booking.uid + u"@Cal.com"_s;
    if (booking.idempotencyKey.isEmpty())
        booking.idempotencyKey =
            QUuid::createUuidV5(QUuid(), booking.uid).toString(QUuid::WithoutBraces);
    if (booking.location.isEmpty())
        booking.location = u"https://app.cal.com/video/%1"_s.arg(booking.uid);
    if (m_byId.contains(booking.id))
        return std::unexpected(
            CalApiError::conflict(u"A booking with id=%1 exists"_s.arg(booking.id)));
    m_byUid.insert(booking.uid, booking.id);
    m_byId.insert(booking.id, qsizetype(m_bookings.size()));
    m_bookings.push_back(booking);
    return booking;
}

CalcomState::Result CalcomState::linkReschedule(const QString &fromUid, const QString &toUid)
{
    CalBooking *from = find(fromUid);
    CalBooking *to = find(toUid);
    if (!from || !to)
        return std::unexpected(CalApiError::notFound(
            u"Booking with uid=%1 was not found in the database"_s.arg(from ? toUid : fromUid)));
    from->status = u"cancelled"_s;
    from->rescheduledToUid = toUid;
    to->rescheduledFromUid = fromUid;
    return *to;
}

bool CalcomState::setRescheduleDetails(const QString &uid, const QString &byEmail,
                                       const QString &reason, qint64 atMs)
{
    CalBooking *b = find(uid);
    if (!b)
        return false;
    b->rescheduledByEmail = byEmail;
    b->reschedulingReason = reason;
    b->updatedMs = atMs;
    return true;
}

void CalcomState::clear()
{
    m_users.clear();
    m_teams.clear();
    m_memberships.clear();
    m_eventTypes.clear();
    m_bookings.clear();
    m_byId.clear();
    m_byUid.clear();
    m_events.clear();
}

const CalUser *CalcomState::user(qint64 id) const
{
    const auto it = m_users.constFind(id);
    return it == m_users.cend() ? nullptr : &*it;
}

const CalEventType *CalcomState::eventType(qint64 id) const
{
    const auto it = m_eventTypes.constFind(id);
    return it == m_eventTypes.cend() ? nullptr : &*it;
}

const CalBooking *CalcomState::booking(const QString &uid) const
{
    const auto it = m_byUid.constFind(uid);
    return it == m_byUid.cend() ? nullptr : bookingById(*it);
}

const CalBooking *CalcomState::bookingById(qint64 id) const
{
    const auto it = m_byId.constFind(id);
    return it == m_byId.cend() ? nullptr : &m_bookings[size_t(*it)];
}

CalBooking *CalcomState::find(const QString &uid)
{
    const auto it = m_byUid.constFind(uid);
    if (it == m_byUid.cend())
        return nullptr;
    const auto b = m_byId.constFind(*it);
    return b == m_byId.cend() ? nullptr : &m_bookings[size_t(*b)];
}

QList<CalBooking> CalcomState::bookings() const
{
    return QList<CalBooking>(m_bookings.cbegin(), m_bookings.cend());
}

QList<const CalBooking *> CalcomState::series(const QString &recurringBookingUid) const
{
    QList<const CalBooking *> out;
    if (recurringBookingUid.isEmpty())
        return out;
    for (const CalBooking &b : m_bookings) {
        if (b.recurringBookingUid == recurringBookingUid)
            out.append(&b);
    }
    // Cal.com's getOutputRecurringBookings sorts by start.
    std::stable_sort(out.begin(), out.end(), [](const CalBooking *a, const CalBooking *b) {
        return a->startMs != b->startMs ? a->startMs < b->startMs : a->id < b->id;
    });
    return out;
}

QList<CalBooking> CalcomState::seriesCopy(const QString &recurringBookingUid) const
{
    QList<CalBooking> out;
    for (const CalBooking *b : series(recurringBookingUid))
        out.append(*b);
    return out;
}

QList<CalMembership> CalcomState::memberships(qint64 teamId) const
{
    QList<CalMembership> out;
    for (const CalMembership &m : m_memberships) {
        if (m.teamId == teamId)
            out.append(m);
    }
    return out;
}

QList<CalEventType> CalcomState::eventTypesOf(qint64 userId) const
{
    QList<CalEventType> out;
    for (const CalEventType &e : m_eventTypes) {
        if (e.ownerId == userId || e.hostIds.contains(userId))
            out.append(e);
    }
    return out;
}

bool CalcomState::canSee(qint64 userId, const CalBooking &booking) const
{
    if (booking.hostUserId == userId)
        return true;
    const CalEventType *type = eventType(booking.eventTypeId);
    if (!type)
        return false;
    if (type->ownerId == userId)
        return true;
    if (!type->teamId)
        return false;
    // Team owners and admins see the team's bookings.
    for (const CalMembership &m : m_memberships) {
        if (m.teamId == *type->teamId && m.userId == userId && m.accepted
            && (m.role == u"OWNER"_s || m.role == u"ADMIN"_s))
            return true;
    }
    return false;
}

bool CalcomState::sortOf(const QUrlQuery &query, QString *field, bool *descending)
{
    *field = u"start"_s;
    *descending = false;
    static const QList<std::pair<QString, QString>> sorts { { u"sortStart"_s, u"start"_s },
                                                            { u"sortEnd"_s, u"end"_s },
                                                            { u"sortCreated"_s, u"created"_s },
                                                            { u"sortUpdatedAt"_s, u"updated"_s } };
    for (const auto &[name, sortField] : sorts) {
        const QString direction = query.queryItemValue(name, QUrl::FullyDecoded);
        if (direction.isEmpty())
            continue;
        *field = sortField;
        *descending = direction == u"desc"_s;
        return direction == u"asc"_s || direction == u"desc"_s;
    }
    return true;
}

qint64 CalcomState::sortValue(const CalBooking &b, const QString &field)
{
    if (field == u"end"_s)
        return b.endMs;
    if (field == u"created"_s)
        return b.createdMs;
    if (field == u"updated"_s)
        return b.updatedMs;
    return b.startMs;
}

std::expected<QList<const CalBooking *>, CalApiError>
CalcomState::list(qint64 userId, const QUrlQuery &query, QString *sortField, bool *descending,
                  const std::optional<Position> &after, int maxCount, qsizetype *total) const
{
    const auto value = [&query](const QString &name) {
        return query.queryItemValue(name, QUrl::FullyDecoded);
    };
    QString issues;
    const auto instant = [&](const QString &name) -> qint64 {
        const QString text = value(name);
        if (text.isEmpty())
            return CalBooking::kNull;
        bool ok = false;
        const qint64 ms = parseInstantMs(QJsonValue(text), &ok);
        if (!ok)
            issues += u"%1 - Invalid ISO 8601 date, "_s.arg(name);
        return ok ? ms : CalBooking::kNull;
    };
    const qint64 afterStart = instant(u"afterStart"_s);
    const qint64 beforeEnd = instant(u"beforeEnd"_s);
    const qint64 afterCreated = instant(u"afterCreatedAt"_s);
    const qint64 beforeCreated = instant(u"beforeCreatedAt"_s);
    const qint64 afterUpdated = instant(u"afterUpdatedAt"_s);
    const qint64 beforeUpdated = instant(u"beforeUpdatedAt"_s);

    QStringList statuses;
    for (const QString &s : value(u"status"_s).split(u',', Qt::SkipEmptyParts)) {
        static const QStringList known { u"upcoming"_s, u"recurring"_s, u"past"_s, u"cancelled"_s,
                                         u"unconfirmed"_s };
        if (!known.contains(s))
            issues += u"status - Invalid enum value. Expected 'upcoming' | 'recurring' | 'past' | "
                      u"'cancelled' | "
                      "'unconfirmed', received '%1', "_s.arg(s);
        statuses.append(s);
    }
    QList<qint64> eventTypeIds;
    for (const QString &id : (value(u"eventTypeIds"_s) + u',' + value(u"eventTypeId"_s))
                                 .split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        eventTypeIds.append(id.toLongLong(&ok));
        if (!ok)
            issues += u"eventTypeIds - Expected number, received string, "_s;
    }
    if (!sortOf(query, sortField, descending))
        issues += u"sort - Invalid enum value. Expected 'asc' | 'desc', "_s;
    if (!issues.isEmpty())
        return std::unexpected(CalApiError::validation(issues));

    const QString attendeeEmail = value(u"attendeeEmail"_s).toLower();
    const QString attendeeName = value(u"attendeeName"_s);
    const QString bookingUid = value(u"bookingUid"_s);
    const qint64 now = nowMs();
    const QString field = *sortField;
    const bool desc = *descending;
    // The field as a member pointer: no string compare per booking.
    const qint64 CalBooking::*member = field == u"end"_s ? &CalBooking::endMs
        : field == u"created"_s                          ? &CalBooking::createdMs
        : field == u"updated"_s                          ? &CalBooking::updatedMs
                                                         : &CalBooking::startMs;
    struct Keyed {
        qint64 key;
        const CalBooking *booking;
    };
    std::vector<Keyed> keyed;
    qsizetype matching = 0;
    for (const CalBooking &b : m_bookings) {
        if (!canSee(userId, b))
            continue;
        if (!bookingUid.isEmpty() && b.uid != bookingUid)
            continue;
        if (!eventTypeIds.isEmpty() && !eventTypeIds.contains(b.eventTypeId))
            continue;
        // gte / lte, as Cal.com's repository filters do [unverified: inclusive].
        if (afterStart != CalBooking::kNull && b.startMs < afterStart)
            continue;
        if (beforeEnd != CalBooking::kNull && b.endMs > beforeEnd)
            continue;
        if (afterCreated != CalBooking::kNull && b.createdMs < afterCreated)
            continue;
        if (beforeCreated != CalBooking::kNull && b.createdMs > beforeCreated)
            continue;
        // A null updatedAt matches no updatedAt filter (SQL NULL comparison).
        if (afterUpdated != CalBooking::kNull
            && (b.updatedMs == CalBooking::kNull || b.updatedMs < afterUpdated))
            continue;
        if (beforeUpdated != CalBooking::kNull
            && (b.updatedMs == CalBooking::kNull || b.updatedMs > beforeUpdated))
            continue;
        if (!attendeeEmail.isEmpty() || !attendeeName.isEmpty()) {
            const bool match =
                std::any_of(b.attendees.cbegin(), b.attendees.cend(), [&](const CalAttendee &a) {
                    return (attendeeEmail.isEmpty() || a.email.toLower() == attendeeEmail)
                        && (attendeeName.isEmpty()
                            || a.name.contains(attendeeName, Qt::CaseInsensitive));
                });
            if (!match)
                continue;
        }
        if (!statuses.isEmpty()) {
            const bool live = b.status == u"accepted"_s || b.status == u"pending"_s;
            const bool inSeries = !b.recurringBookingUid.isEmpty();
            const bool match =
                std::any_of(statuses.cbegin(), statuses.cend(), [&](const QString &s) {
                    // getAllUserBookings: an upcoming occurrence of a series
                    // must be accepted (pending ones show as unconfirmed only).
                    if (s == u"upcoming"_s)
                        return (inSeries ? b.status == u"accepted"_s : live) && b.endMs >= now;
                    if (s == u"past"_s)
                        return live && b.endMs < now;
                    if (s == u"cancelled"_s)
                        return b.status == u"cancelled"_s || b.status == u"rejected"_s;
                    if (s == u"unconfirmed"_s)
                        return b.status == u"pending"_s && b.endMs >= now;
                    if (s == u"recurring"_s)
                        return inSeries && live && b.endMs >= now;
                    return false;
                });
            if (!match)
                continue;
        }
        ++matching;
        const qint64 key = b.*member;
        if (after) {
            // Strictly past the cursor's (key, id) in sort order.
            const bool past = key != after->key ? (desc ? key < after->key : key > after->key)
                                                : (desc ? b.id < after->id : b.id > after->id);
            if (!past)
                continue;
        }
        keyed.push_back({ key, &b });
    }
    if (total)
        *total = matching;
    const auto before = [desc](const Keyed &a, const Keyed &b) {
        if (a.key != b.key)
            return desc ? a.key > b.key : a.key < b.key;
        return desc ? a.booking->id > b.booking->id : a.booking->id < b.booking->id;
    };
    if (maxCount > 0 && qsizetype(keyed.size()) > maxCount) {
        std::partial_sort(keyed.begin(), keyed.begin() + maxCount, keyed.end(), before);
        keyed.resize(size_t(maxCount));
    } else {
        std::sort(keyed.begin(), keyed.end(), before);
    }
    QList<const CalBooking *> out;
    out.reserve(qsizetype(keyed.size()));
    for (const Keyed &k : keyed)
        out.append(k.booking);
    return out;
}

void CalcomState::touch(CalBooking &booking)
{
    booking.updatedMs =
        std::max(nowMs(), booking.updatedMs == CalBooking::kNull ? 0 : booking.updatedMs);
}

void CalcomState::queue(const QString &trigger, const CalBooking &booking, qint64 previousId,
                        const QStringList &emails, int recurringCount)
{
    m_events.append({ trigger, booking.id, previousId, emails, nowMs(), recurringCount });
}

QList<CalEvent> CalcomState::takeEvents()
{
    return std::exchange(m_events, {});
}

qint64 CalcomState::hostFor(const CalEventType &type, qint64 startMs, qint64 endMs) const
{
    const QList<qint64> candidates =
        type.teamId && !type.hostIds.isEmpty() ? type.hostIds : QList<qint64> { type.ownerId };
    for (qint64 host : candidates) {
        const bool busy =
            std::any_of(m_bookings.cbegin(), m_bookings.cend(), [&](const CalBooking &b) {
                return b.hostUserId == host && overlaps(b, startMs, endMs);
            });
        if (!busy)
            return host;
    }
    return 0;
}

CalcomState::Results CalcomState::create(const QJsonObject &body)
{
    QString issues;
    bool startOk = false;
    const qint64 startMs = parseInstantMs(body.value(u"start"_s), &startOk);
    if (!body.contains(u"start"_s))
        issues += u"start - Required, "_s;
    else if (!startOk)
        issues += u"start - Invalid ISO 8601 date in UTC, "_s;
    const QJsonObject attendeeJson = body.value(u"attendee"_s).toObject();
    if (!body.value(u"attendee"_s).isObject()) {
        issues += u"attendee - Required, "_s;
    } else {
        if (attendeeJson.value(u"name"_s).toString().trimmed().isEmpty())
            issues += u"attendee.name - Required, "_s;
        const QString zone = attendeeJson.value(u"timeZone"_s).toString();
        if (zone.isEmpty())
            issues += u"attendee.timeZone - Required, "_s;
        else if (!QTimeZone::isTimeZoneIdAvailable(zone.toUtf8()))
            issues += u"attendee.timeZone - Invalid time zone, "_s;
    }
    const QJsonObject metadata = body.value(u"metadata"_s).toObject();
    if (metadata.size() > 50)
        issues += u"metadata - at most 50 keys, "_s;
    for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it) {
        if (it.key().size() > 40 || !it.value().isString() || it.value().toString().size() > 500)
            issues += u"metadata.%1 - keys ≤ 40 characters, string values ≤ 500 characters, "_s.arg(
                it.key());
    }
    if (!issues.isEmpty())
        return std::unexpected(CalApiError::validation(issues));

    const CalEventType *type = nullptr;
    if (body.contains(u"eventTypeId"_s)) {
        type = eventType(qint64(body.value(u"eventTypeId"_s).toDouble()));
        if (!type)
            return std::unexpected(CalApiError::notFound(u"Event type with id=%1 not found"_s.arg(
                qint64(body.value(u"eventTypeId"_s).toDouble()))));
    } else {
        const QString slug = body.value(u"eventTypeSlug"_s).toString();
        const QString username = body.value(u"username"_s).toString();
        for (const CalEventType &e : m_eventTypes) {
            const CalUser *owner = user(e.ownerId);
            if (e.slug == slug && owner && owner->username == username)
                type = &e;
        }
        if (!type)
            return std::unexpected(CalApiError::badRequest(
                u"Either eventTypeId or eventTypeSlug + username must be provided"_s));
    }
    if (body.contains(u"lengthInMinutes"_s)
        && body.value(u"lengthInMinutes"_s).toInt() != type->lengthInMinutes)
        return std::unexpected(CalApiError::badRequest(
            u"Can't specify 'lengthInMinutes' because event type does not have multiple possible lengths."_s));

    // A recurring event type books a series (bookings.service createRecurring
    // Booking; input.service transformInputCreateRecurringBooking).
    int occurrences = 1;
    if (type->recurrenceOccurrences > 0) {
        occurrences = type->recurrenceOccurrences;
        const QJsonValue asked = body.value(u"recurrenceCount"_s);
        if (!asked.isUndefined() && !asked.isNull()) {
            if (!asked.isDouble() || asked.toDouble() != double(asked.toInt()) || asked.toInt() < 0)
                // [unverified] message; Cal.com validates it as a number.
                return std::unexpected(
                    CalApiError::validation(u"recurrenceCount - Expected a positive integer, "_s));
            if (asked.toInt() > type->recurrenceOccurrences)
                return std::unexpected(CalApiError::badRequest(
                    u"Provided recurrence count is higher than the event type's recurring "
                    u"event count."_s));
            if (asked.toInt() > 0) // 0 books the full count (`recurrenceCount || count`)
                occurrences = asked.toInt();
        }
    }
    // Weekly steps in the attendee's zone (luxon setZone(attendee.timeZone)
    // .plus({weeks})): 10:00 New York stays 10:00 across a DST change, so
    // the UTC start moves by an hour.
    QList<qint64> starts { startMs };
    if (occurrences > 1) {
        const QDateTime first = QDateTime::fromMSecsSinceEpoch(
            startMs, QTimeZone(attendeeJson.value(u"timeZone"_s).toString().toUtf8()));
        for (int i = 1; i < occurrences; ++i)
            starts.append(first.addDays(qint64(i) * 7 * std::max(1, type->recurrenceIntervalWeeks))
                              .toMSecsSinceEpoch());
    }

    const qint64 endMs = startMs + qint64(type->lengthInMinutes) * 60'000;
    qint64 host = hostFor(*type, startMs, endMs);
    if (host == 0) {
        if (!body.value(u"allowConflicts"_s).toBool())
            // [unverified] Cal.com answers a taken slot with HTTP 409
            // "no_available_users_found_error" (handleNewBooking's HttpError).
            return std::unexpected(CalApiError::conflict(u"no_available_users_found_error"_s));
        host = type->teamId && !type->hostIds.isEmpty() ? type->hostIds.first() : type->ownerId;
    }

    CalBooking b;
    b.eventTypeId = type->id;
    b.hostUserId = host;
    b.startMs = startMs;
    b.endMs = endMs;
    b.status = type->requiresConfirmation ? u"pending"_s : u"accepted"_s;
    CalAttendee attendee;
    attendee.name = attendeeJson.value(u"name"_s).toString();
    attendee.email = attendeeJson.value(u"email"_s).toString();
    attendee.timeZone = attendeeJson.value(u"timeZone"_s).toString();
    attendee.language = attendeeJson.value(u"language"_s).toString(u"en"_s);
    attendee.phoneNumber = attendeeJson.value(u"phoneNumber"_s).toString();
    b.attendees.append(attendee);
    for (const QJsonValue &g : body.value(u"guests"_s).toArray()) {
        b.guests.append(g.toString());
        b.attendees.append(CalAttendee { g.toString().section(u'@', 0, 0),
                                         g.toString(),
                                         attendee.timeZone,
                                         attendee.language,
                                         {},
                                         false });
    }
    b.metadata = metadata;
    b.bookingFieldsResponses = body.value(u"bookingFieldsResponses"_s).toObject();
    const QJsonObject location = body.value(u"location"_s).toObject();
    const QString kind = location.value(u"type"_s).toString();
    if (kind == u"attendeePhone"_s)
        b.location = location.value(u"phone"_s).toString();
    else if (kind == u"address"_s || kind == u"attendeeAddress"_s)
        b.location = location.value(u"address"_s).toString();
    else if (kind == u"link"_s)
        b.location = location.value(u"link"_s).toString();
    b.createdMs = nowMs();
    b.updatedMs = m_nullUpdatedAtOnCreate ? CalBooking::kNull : b.createdMs;
    if (type->recurrenceOccurrences == 0) {
        Result stored = insertBooking(b);
        if (!stored)
            return std::unexpected(stored.error());
        queue(stored->status == u"pending"_s ? u"BOOKING_REQUESTED"_s : u"BOOKING_CREATED"_s,
              *stored);
        return QList<CalBooking> { *stored };
    }

    // The series: each occurrence handled as a booking of its own (one
    // handleNewBooking, hence one webhook, per occurrence).
    b.recurringBookingUid = nextSeriesUid();
    QList<CalBooking> out;
    for (const qint64 occurrenceStart : std::as_const(starts)) {
        CalBooking occurrence = b;
        occurrence.startMs = occurrenceStart;
        occurrence.endMs = occurrenceStart + (endMs - startMs);
        Result stored = insertBooking(occurrence);
        if (!stored) // only on an id/uid clash with seeded data
            return std::unexpected(stored.error());
        queue(stored->status == u"pending"_s ? u"BOOKING_REQUESTED"_s : u"BOOKING_CREATED"_s,
              *stored, 0, {}, occurrences);
        out.append(*stored);
    }
    return out;
}

CalcomState::Result CalcomState::reschedule(const QString &uid, const QDateTime &start,
                                            const QString &reason, const QString &rescheduledBy)
{
    CalBooking *old = find(uid);
    if (!old)
        return std::unexpected(
            CalApiError::notFound(u"Booking with uid=%1 was not found in the database"_s.arg(uid)));
    if (old->status == u"cancelled"_s) {
        if (!old->rescheduledToUid.isEmpty())
            return std::unexpected(
                CalApiError::badRequest(u"Can't reschedule booking with uid=%1 because it has been "
                                        u"cancelled and rescheduled already to "
                                        "booking with uid=%2. You probably want to reschedule %2 "
                                        "instead by passing its uid in the request "
                                        "path."_s.arg(uid, old->rescheduledToUid)));
        return std::unexpected(
            CalApiError::badRequest(u"Can't reschedule booking with uid=%1 because it has been "
                                    u"cancelled. Please provide uid of a booking "
                                    "that is not cancelled."_s.arg(uid)));
    }
    if (old->status != u"accepted"_s && old->status != u"pending"_s)
        return std::unexpected(CalApiError::badRequest(
            u"Can't reschedule booking with uid=%1 because it has status %2."_s.arg(uid,
                                                                                    old->status)));
    if (!start.isValid())
        return std::unexpected(CalApiError::validation(u"start - Required, "_s));
    const CalEventType *type = eventType(old->eventTypeId);
    const CalUser *host = user(old->hostUserId);

    CalBooking fresh = *old;
    fresh.id = 0;
    fresh.uid.clear();
    fresh.idempotencyKey.clear();
    fresh.startMs = start.toMSecsSinceEpoch();
    fresh.endMs = fresh.startMs + (old->endMs - old->startMs);
    fresh.createdMs = nowMs();
    fresh.updatedMs = m_nullUpdatedAtOnCreate ? CalBooking::kNull : fresh.createdMs;
    fresh.rescheduledFromUid = old->uid;
    fresh.rescheduledToUid.clear();
    fresh.reschedulingReason.clear();
    fresh.rescheduledByEmail.clear();
    fresh.location.clear();
    fresh.iCalSequence = old->iCalSequence + 1;
    fresh.icsUid = old->icsUid; // the calendar event is the same one, moved
    // fresh.recurringBookingUid stays: an occurrence moved alone remains in its
    // series (handleNewBooking copies originalRescheduledBooking.recurringEventId).
    // Needs confirmation again unless the owner moved it (B4: "owner email auto-confirms").
    const bool byOwner = host && !rescheduledBy.isEmpty()
        && rescheduledBy.compare(host->email, Qt::CaseInsensitive) == 0;
    fresh.status = type && type->requiresConfirmation && !byOwner ? u"pending"_s : u"accepted"_s;
    for (CalAttendee &a : fresh.attendees)
        a.absent = false;
    fresh.absentHost = false;
    Result stored = insertBooking(fresh);
    if (!stored)
        return stored;

    old = find(
        uid); // insertBooking may have moved map nodes' iterators, not pointers; refetch anyway
    old->status = u"cancelled"_s;
    old->rescheduledToUid = stored->uid;
    old->reschedulingReason = reason;
    old->rescheduledByEmail = rescheduledBy;
    touch(*old);
    queue(u"BOOKING_RESCHEDULED"_s, *stored, old->id);
    return stored;
}

CalcomState::Result CalcomState::cancel(const QString &uid, const QString &reason,
                                        const QString &byEmail)
{
    CalBooking *b = find(uid);
    if (!b)
        return std::unexpected(
            CalApiError::notFound(u"Booking with uid=%1 was not found in the database"_s.arg(uid)));
    if (b->status == u"cancelled"_s || b->status == u"rejected"_s)
        return std::unexpected(
            CalApiError::badRequest(u"This booking has already been cancelled."_s));
    b->status = u"cancelled"_s;
    b->cancellationReason = reason;
    b->cancelledByEmail = byEmail;
    ++b->iCalSequence;
    touch(*b);
    queue(u"BOOKING_CANCELLED"_s, *b);
    return *b;
}

CalcomState::Results CalcomState::cancelFrom(const QString &uid, const QString &reason,
                                             const QString &byEmail)
{
    CalBooking *b = find(uid);
    if (!b)
        return std::unexpected(
            CalApiError::notFound(u"Booking with uid=%1 was not found in the database"_s.arg(uid)));
    if (b->recurringBookingUid.isEmpty())
        return std::unexpected(CalApiError::badRequest(
            u"Booking with bookingUid=%1 is not part of a recurring booking."_s.arg(uid)));
    if (b->status == u"cancelled"_s || b->status == u"rejected"_s)
        return std::unexpected(
            CalApiError::badRequest(u"This booking has already been cancelled."_s));
    const QString seriesUid = b->recurringBookingUid;
    const CalEventType *type = eventType(b->eventTypeId);
    if (!type || type->recurrenceOccurrences == 0) {
        // handleCancelBooking cancels the series only while the event type is
        // still recurring; otherwise just this booking.
        Result single = cancel(uid, reason, byEmail);
        if (!single)
            return std::unexpected(single.error());
        return seriesCopy(seriesUid);
    }
    // handleCancelBooking: the webhook for this booking, then updateMany
    // {recurringEventId, startTime ≥ this start} → CANCELLED, reason,
    // cancelledBy (Prisma bumps updatedAt; iCalSequence is not touched).
    const qint64 from = b->startMs;
    queue(u"BOOKING_CANCELLED"_s, *b);
    for (CalBooking &o : m_bookings) {
        if (o.recurringBookingUid != seriesUid || o.startMs < from)
            continue;
        o.status = u"cancelled"_s;
        o.cancellationReason = reason;
        o.cancelledByEmail = byEmail;
        touch(o);
    }
    return seriesCopy(seriesUid);
}

CalcomState::Results CalcomState::cancelSeries(const QString &recurringBookingUid,
                                               const QString &reason, const QString &byEmail)
{
    const QList<const CalBooking *> members = series(recurringBookingUid);
    if (members.isEmpty())
        return std::unexpected(CalApiError::notFound(
            u"Booking with uid=%1 was not found in the database"_s.arg(recurringBookingUid)));
    // input.service: "set uid as one of the oldest individual recurring ids"
    // (recurringBooking[0] of an unordered findMany: the first row made).
    const CalBooking *first =
        *std::min_element(members.cbegin(), members.cend(),
                          [](const CalBooking *a, const CalBooking *b) { return a->id < b->id; });
    if (first->status == u"cancelled"_s || first->status == u"rejected"_s)
        return std::unexpected(
            CalApiError::badRequest(u"This booking has already been cancelled."_s));
    const CalEventType *type = eventType(first->eventTypeId);
    if (!type || type->recurrenceOccurrences == 0) {
        // No longer a recurring event type: handleCancelBooking cancels the one booking.
        Result single = cancel(first->uid, reason, byEmail);
        if (!single)
            return std::unexpected(single.error());
        return seriesCopy(recurringBookingUid);
    }
    // allRemainingBookings: the occurrences from now on (startTime ≥ now);
    // the webhook names the first booking even when it lies in the past and
    // stays as it was [from handleCancelBooking's source, unverified live].
    queue(u"BOOKING_CANCELLED"_s, *first, 0, {}, type->recurrenceOccurrences);
    const qint64 now = nowMs();
    for (CalBooking &o : m_bookings) {
        if (o.recurringBookingUid != recurringBookingUid || o.startMs < now)
            continue;
        o.status = u"cancelled"_s;
        o.cancellationReason = reason;
        o.cancelledByEmail = byEmail;
        touch(o);
    }
    return seriesCopy(recurringBookingUid);
}

CalcomState::Result CalcomState::confirm(const QString &uid)
{
    CalBooking *b = find(uid);
    if (!b)
        return std::unexpected(
            CalApiError::notFound(u"Booking with uid=%1 was not found in the database"_s.arg(uid)));
    if (b->status != u"pending"_s)
        return std::unexpected(CalApiError::badRequest(
            u"Booking with uid=%1 is not pending confirmation (status %2)"_s.arg(uid, b->status)));
    b->status = u"accepted"_s;
    touch(*b);
    // A confirmed booking is announced as created (the request was BOOKING_REQUESTED).
    queue(u"BOOKING_CREATED"_s, *b);
    return *b;
}

CalcomState::Result CalcomState::decline(const QString &uid, const QString &reason)
{
    CalBooking *b = find(uid);
    if (!b)
        return std::unexpected(
            CalApiError::notFound(u"Booking with uid=%1 was not found in the database"_s.arg(uid)));
    if (b->status != u"pending"_s)
        return std::unexpected(CalApiError::badRequest(
            u"Booking with uid=%1 is not pending confirmation (status %2)"_s.arg(uid, b->status)));
    b->status = u"rejected"_s;
    b->rejectionReason = reason;
    touch(*b);
    queue(u"BOOKING_REJECTED"_s, *b);
    return *b;
}

CalcomState::Result CalcomState::markAbsent(const QString &uid, bool host,
                                            const QStringList &absentEmails)
{
    CalBooking *b = find(uid);
    if (!b)
        return std::unexpected(
            CalApiError::notFound(u"Booking with uid=%1 was not found in the database"_s.arg(uid)));
    for (const QString &email : absentEmails) {
        const bool known =
            std::any_of(b->attendees.cbegin(), b->attendees.cend(), [&](const CalAttendee &a) {
                return a.email.compare(email, Qt::CaseInsensitive) == 0;
            });
        if (!known)
            return std::unexpected(CalApiError::badRequest(
                u"Attendee with email %1 is not part of booking %2"_s.arg(email, uid)));
    }
    for (CalAttendee &a : b->attendees) {
        if (absentEmails.contains(a.email, Qt::CaseInsensitive))
            a.absent = true;
    }
    if (host)
        b->absentHost = true;
    touch(*b);
    queue(u"BOOKING_NO_SHOW_UPDATED"_s, *b, 0, absentEmails);
    return *b;
}

CalcomState::Result CalcomState::meetingEnded(const QString &uid)
{
    const CalBooking *b = booking(uid);
    if (!b)
        return std::unexpected(
            CalApiError::notFound(u"Booking with uid=%1 was not found in the database"_s.arg(uid)));
    if (b->status != u"accepted"_s)
        return std::unexpected(CalApiError::badRequest(
            u"Cal.com sends MEETING_ENDED for accepted bookings only (status %1)"_s.arg(
                b->status)));
    queue(u"MEETING_ENDED"_s, *b);
    return *b;
}

CalcomState::Result CalcomState::markPaid(const QString &uid)
{
    CalBooking *b = find(uid);
    if (!b)
        return std::unexpected(
            CalApiError::notFound(u"Booking with uid=%1 was not found in the database"_s.arg(uid)));
    b->paid = true;
    touch(*b);
    queue(u"BOOKING_PAID"_s, *b);
    return *b;
}

} // namespace Concord::Sandbox
