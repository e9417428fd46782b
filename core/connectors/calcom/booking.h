#pragma once

#include "common/error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Concord::Calcom {

// A booking's state. The API writes lower case ("accepted"), webhooks upper
// case ("ACCEPTED"); both read the same. `awaiting_host` belongs to instant
// meetings. Unknown values are kept as text (Booking::statusText) and read as
// Unknown rather than refused, so a new Cal.com state never stops a sync.
enum class BookingStatus { Unknown, Accepted, Pending, Cancelled, Rejected, AwaitingHost };

[[nodiscard]] BookingStatus bookingStatusFromString(QStringView text);
// The API's spelling ("accepted", "awaiting_host"); empty for Unknown.
[[nodiscard]] QString bookingStatusName(BookingStatus status);

// hosts[]: the staff member(s) the booking is with.
struct BookingHost {
    qint64 id = 0; // Cal.com user id
    QString name;
    QString email;
    QString displayEmail;
    QString username;
    QString timeZone; // IANA

    friend bool operator==(const BookingHost &, const BookingHost &) = default;
};

// attendees[]: the people who booked (the client, or a parent for a student).
struct BookingAttendee {
    QString name;
    QString email;
    QString displayEmail;
    QString timeZone; // IANA: the attendee's own zone, for display and reminders
    QString language; // "en", "pt-BR", …
    QString phoneNumber; // E.164 as the attendee typed it ("+1234567890"); often empty
    bool absent = false; // marked as a no-show

    friend bool operator==(const BookingAttendee &, const BookingAttendee &) = default;
};

// BookingOutput_2024_08_13 (served by the 2024-08-13, 2026-02-25 and
// 2026-05-01 endpoint versions alike). Instants are UTC; the zones to show
// them in are the attendees' and hosts' timeZone.
struct Booking {
    qint64 id = 0; // numeric id (Cal.com's row id); uid is the stable handle
    QString uid; // opaque; a reschedule makes a new booking with a new uid
    QString title;
    QString description;
    QList<BookingHost> hosts;
    BookingStatus status = BookingStatus::Unknown;
    QString statusText; // as sent
    QDateTime start; // UTC
    QDateTime end; // UTC
    int durationMinutes = 0;
    qint64 eventTypeId = 0; // eventType.id (the deprecated top-level eventTypeId as fallback)
    QString eventTypeSlug;
    QString location;
    bool absentHost = false;
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC; invalid when Cal.com sent null (never updated)
    QString cancellationReason;
    QString cancelledByEmail;
    QString reschedulingReason;
    QString rescheduledByEmail;
    QString rescheduledFromUid; // on the new booking of a reschedule
    QString rescheduledToUid; // on the old (cancelled) booking of a reschedule
    QString recurringBookingUid;
    QString icsUid;
    QString meetingUrl; // deprecated by Cal.com; `location` is the current field
    QMap<QString, QString> metadata;
    std::optional<int> rating;
    QList<BookingAttendee> attendees;
    QStringList guests;
    QJsonObject bookingFieldsResponses; // free form: slug → answer

    // Last change Cal.com recorded: updatedAt, else createdAt.
    [[nodiscard]] QDateTime changedAt() const
    {
        return updatedAt.isValid() ? updatedAt : createdAt;
    }
    // The first attendee's zone, else the first host's, else empty.
    [[nodiscard]] QString timeZone() const;
    [[nodiscard]] bool isRescheduleOf() const { return !rescheduledFromUid.isEmpty(); }
    [[nodiscard]] bool wasRescheduled() const { return !rescheduledToUid.isEmpty(); }

    [[nodiscard]] static Result<Booking> fromJson(const QJsonObject &object);
    // The API's shape again (for the CLI's JSON output); null for unset optionals.
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const Booking &, const Booking &) = default;
};

} // namespace Concord::Calcom
