#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <deque>
#include <expected>
#include <limits>
#include <optional>

namespace Concord {
class Clock;
}

namespace Concord::Sandbox {

// An error the Cal.com API answers with: HTTP status plus the envelope's
// error.code ("NotFoundException", "BAD_REQUEST", …) and message.
struct CalApiError {
    int status = 400;
    QString code;
    QString message;

    [[nodiscard]] static CalApiError badRequest(const QString &message); // BadRequestException
    [[nodiscard]] static CalApiError validation(const QString &message); // zod: BAD_REQUEST
    [[nodiscard]] static CalApiError notFound(const QString &message);
    [[nodiscard]] static CalApiError unauthorized(const QString &message);
    [[nodiscard]] static CalApiError forbidden(const QString &message);
    [[nodiscard]] static CalApiError conflict(const QString &message);
    [[nodiscard]] static CalApiError throttled();
    [[nodiscard]] static CalApiError internal(int status);
};

struct CalUser {
    qint64 id = 0;
    QString username;
    QString email;
    QString name;
    QString timeZone = QStringLiteral("UTC");
    QString locale = QStringLiteral("en");
    QString weekStart = QStringLiteral("Monday");
    int timeFormat = 12;
};

struct CalTeam {
    qint64 id = 0;
    QString name;
    QString slug;
};

struct CalMembership {
    qint64 id = 0;
    qint64 teamId = 0;
    qint64 userId = 0;
    QString role = QStringLiteral("MEMBER");
    bool accepted = true;
};

struct CalEventType {
    qint64 id = 0;
    QString slug;
    QString title;
    QString description;
    int lengthInMinutes = 60;
    qint64 ownerId = 0; // the host (user) for personal event types
    std::optional<qint64> teamId; // team event types: hosts from `hostIds`
    QList<qint64> hostIds; // team event types: round-robin/collective hosts (first = default)
    bool requiresConfirmation = false;
    qint64 priceMinor = 0; // minor units, as Cal.com stores it
    QString currency = QStringLiteral("usd");
    bool hidden = false;
    // A recurring event type (Cal.com's eventType.recurringEvent {freq, count,
    // interval}; API 2024-06-14 `recurrence` {frequency, occurrences,
    // interval}): every booking of it books a series of this many weekly
    // occurrences (fewer when the request says `recurrenceCount`). 0 = not
    // recurring. The emulator models weekly frequency only.
    int recurrenceOccurrences = 0;
    int recurrenceIntervalWeeks = 1; // repeats every n weeks
};

struct CalAttendee {
    QString name;
    QString email;
    QString timeZone = QStringLiteral("UTC");
    QString language = QStringLiteral("en");
    QString phoneNumber; // empty = none
    bool absent = false;
};

// A booking as Cal.com's table row holds it (times in UTC ms since the epoch).
struct CalBooking {
    static constexpr qint64 kNull = std::numeric_limits<qint64>::min();

    qint64 id = 0;
    QString uid;
    qint64 eventTypeId = 0;
    qint64 hostUserId = 0;
    QString title;
    QString description;
    QString status = QStringLiteral("accepted"); // accepted | pending | cancelled | rejected
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString location;
    bool absentHost = false;
    qint64 createdMs = 0;
    qint64 updatedMs = kNull;
    QString cancellationReason;
    QString cancelledByEmail;
    QString reschedulingReason;
    QString rescheduledByEmail;
    QString rescheduledFromUid;
    QString rescheduledToUid;
    QString rejectionReason;
    QJsonObject metadata;
    QList<CalAttendee> attendees;
    QStringList guests;
    QJsonObject bookingFieldsResponses;
    QString icsUid;
    int iCalSequence = 0;
    QString idempotencyKey; // the row's key (flat MEETING_* payloads)
    bool paid = false;
    // The series an occurrence of a recurring booking belongs to (Cal.com's
    // recurringEventId column, `recurringBookingUid` in API v2); empty for a
    // single booking. A reschedule keeps it on the new booking.
    QString recurringBookingUid;
};

// Something a webhook reports: what happened to which booking. `previousId`
// is the old booking of a reschedule.
struct CalEvent {
    QString trigger; // BOOKING_CREATED, …, MEETING_ENDED
    qint64 bookingId = 0;
    qint64 previousId = 0;
    QStringList noShowEmails; // BOOKING_NO_SHOW_UPDATED
    qint64 createdMs = 0;
    // > 0: the payload carries recurringEvent {freq: 2 (weekly), count,
    // interval}, as Cal.com's CalendarEvent does for an occurrence booked as
    // part of a series (count = occurrences booked) and for a cancellation
    // through the series uid (count = the event type's).
    int recurringCount = 0;
};

// The in-memory Cal.com account(s): users, teams, memberships, event types,
// bookings, and the booking rules of hubspot-calcom.md B2–B4 (reschedule =
// cancel + new linked booking; only accepted/pending reschedulable;
// confirmation flow; end from the event type's length; recurring event types
// book weekly series, one booking per occurrence sharing
// recurringBookingUid). Every change queues a CalEvent for the webhook
// sender.
//
// Not thread-safe: owned by CalcomEmulator on its thread.
class CalcomState {
public:
    using Result = std::expected<CalBooking, CalApiError>;
    // Several bookings: a recurring series, ordered by start (then id).
    using Results = std::expected<QList<CalBooking>, CalApiError>;

    explicit CalcomState(const Clock *clock);
    void setClock(const Clock *clock) { m_clock = clock; }
    // Cal.com leaves updatedAt null until a row is updated [unverified:
    // the fixtures show updatedAt = createdAt]: true emulates the null.
    void setNullUpdatedAtOnCreate(bool on) { m_nullUpdatedAtOnCreate = on; }

    // --- seeding ---
    qint64 addUser(CalUser user);
    qint64 addTeam(CalTeam team);
    qint64 addMembership(CalMembership membership);
    qint64 addEventType(CalEventType eventType);
    // Stores a booking as given (uid, times, status, links); ids and uid
    // are assigned when zero/empty. No webhook.
    Result insertBooking(CalBooking booking);
    // Marks `fromUid` as rescheduled to `toUid` (from: cancelled,
    // rescheduledToUid; to: rescheduledFromUid). Returns `to`. No webhook.
    Result linkReschedule(const QString &fromUid, const QString &toUid);
    // Seeding: who moved a rescheduled booking, why, and when (updatedAt).
    bool setRescheduleDetails(const QString &uid, const QString &byEmail, const QString &reason,
                              qint64 atMs);
    void clear();

    // --- reads ---
    [[nodiscard]] const CalUser *user(qint64 id) const;
    [[nodiscard]] const CalEventType *eventType(qint64 id) const;
    [[nodiscard]] const CalBooking *booking(const QString &uid) const;
    [[nodiscard]] const CalBooking *bookingById(qint64 id) const;
    [[nodiscard]] QList<CalBooking> bookings() const;
    // The occurrences of a recurring series (recurringBookingUid), cancelled
    // and rescheduled ones included, by start then id; empty when unknown.
    [[nodiscard]] QList<const CalBooking *> series(const QString &recurringBookingUid) const;
    [[nodiscard]] qsizetype bookingCount() const { return qsizetype(m_bookings.size()); }
    [[nodiscard]] QList<CalUser> users() const { return m_users.values(); }
    [[nodiscard]] QList<CalTeam> teams() const { return m_teams.values(); }
    [[nodiscard]] QList<CalMembership> memberships(qint64 teamId) const;
    [[nodiscard]] QList<CalEventType> eventTypes() const { return m_eventTypes.values(); }
    // Event types a user may see: own and their teams'.
    [[nodiscard]] QList<CalEventType> eventTypesOf(qint64 userId) const;
    [[nodiscard]] bool canSee(qint64 userId, const CalBooking &booking) const;

    // GET /v2/bookings filters and sort, for one user; returns all matching
    // bookings in order (the caller pages). Errors: bad filter values.
    // `after` (sort value, id) keeps only bookings past that keyset position
    // (cursor paging); `maxCount` > 0 returns only the first that many;
    // `total` receives the number matching the filters (before `after`).
    struct Position {
        qint64 key = 0;
        qint64 id = 0;
    };
    [[nodiscard]] std::expected<QList<const CalBooking *>, CalApiError>
    list(qint64 userId, const QUrlQuery &query, QString *sortField, bool *descending,
         const std::optional<Position> &after = std::nullopt, int maxCount = 0,
         qsizetype *total = nullptr) const;
    // The sort a list query asks for (default: start ascending); false when
    // a sort value is neither asc nor desc.
    static bool sortOf(const QUrlQuery &query, QString *field, bool *descending);
    // Sort value of a booking for a sort field name ("start", "end", "created", "updated").
    [[nodiscard]] static qint64 sortValue(const CalBooking &booking, const QString &field);

    // --- the API's and the people's actions (queue webhooks) ---
    // POST /v2/bookings body (already parsed). One booking; for a recurring
    // event type the series: `recurrenceCount` (default and maximum: the
    // event type's occurrences) weekly occurrences from `start`, stepped in
    // the attendee's time zone (the local time stays across DST changes),
    // each its own booking with the same recurringBookingUid, one
    // BOOKING_CREATED/REQUESTED per occurrence. As Cal.com (handleNewRecurring
    // Booking, numSlotsToCheckForAvailability = 1) only the first occurrence
    // is checked for a taken slot; all occurrences get its host.
    Results create(const QJsonObject &body);
    Result reschedule(const QString &uid, const QDateTime &start, const QString &reason,
                      const QString &rescheduledBy);
    Result cancel(const QString &uid, const QString &reason, const QString &byEmail);
    // Cancel with cancelSubsequentBookings: the occurrence `uid` and every
    // occurrence of its series that starts at or after it (Cal.com's
    // updateMany on recurringEventId + startTime ≥, whatever their status).
    // One BOOKING_CANCELLED webhook, for `uid` only. Returns the whole series.
    // 400 when `uid` is not an occurrence of a series.
    Results cancelFrom(const QString &uid, const QString &reason, const QString &byEmail);
    // Cancel through the series uid (Cal.com's allRemainingBookings): every
    // occurrence starting now or later. One BOOKING_CANCELLED webhook, for the
    // series' first booking, with recurringEvent. Returns the whole series.
    Results cancelSeries(const QString &recurringBookingUid, const QString &reason,
                         const QString &byEmail);
    Result confirm(const QString &uid);
    Result decline(const QString &uid, const QString &reason);
    Result markAbsent(const QString &uid, bool host, const QStringList &absentEmails);
    Result meetingEnded(const QString &uid);
    Result markPaid(const QString &uid);

    QList<CalEvent> takeEvents();
    [[nodiscard]] qint64 nowMs() const;

private:
    [[nodiscard]] QString nextUid();
    [[nodiscard]] QString nextSeriesUid();
    CalBooking *find(const QString &uid);
    void touch(CalBooking &booking);
    void queue(const QString &trigger, const CalBooking &booking, qint64 previousId = 0,
               const QStringList &emails = {}, int recurringCount = 0);
    [[nodiscard]] QList<CalBooking> seriesCopy(const QString &recurringBookingUid) const;
    [[nodiscard]] qint64 hostFor(const CalEventType &type, qint64 startMs, qint64 endMs) const;

    const Clock *m_clock;
    bool m_nullUpdatedAtOnCreate = false;
    QMap<qint64, CalUser> m_users;
    QMap<qint64, CalTeam> m_teams;
    QMap<qint64, CalMembership> m_memberships;
    QMap<qint64, CalEventType> m_eventTypes;
    // In insertion order; a deque keeps references stable as it grows and
    // scans fast (a list request looks at every booking).
    std::deque<CalBooking> m_bookings;
    QHash<qint64, qsizetype> m_byId;
    QHash<QString, qint64> m_byUid;
    QList<CalEvent> m_events;
    qint64 m_nextUser = 10;
    qint64 m_nextTeam = 1;
    qint64 m_nextMembership = 1;
    qint64 m_nextEventType = 50;
    qint64 m_nextBooking = 100;
    quint64 m_uidCounter = 0;
    quint64 m_seriesCounter = 0;
};

} // namespace Concord::Sandbox
