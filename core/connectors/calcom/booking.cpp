#include "connectors/calcom/booking.h"

#include "connectors/calcom/calcomjson_p.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Concord::Calcom {

using Internal::JsonReader;

namespace {

struct StatusName {
    BookingStatus status;
    QStringView name;
};
constexpr StatusName kStatusNames[] = {
    { BookingStatus::Accepted, u"accepted" },          { BookingStatus::Pending, u"pending" },
    { BookingStatus::Cancelled, u"cancelled" },        { BookingStatus::Rejected, u"rejected" },
    { BookingStatus::AwaitingHost, u"awaiting_host" },
};

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

BookingStatus bookingStatusFromString(QStringView text)
{
    for (const StatusName &s : kStatusNames) {
        if (s.name.compare(text, Qt::CaseInsensitive) == 0)
            return s.status;
    }
    // Cal.com's own spelling variant in some payloads.
    if (text.compare(u"canceled", Qt::CaseInsensitive) == 0)
        return BookingStatus::Cancelled;
    return BookingStatus::Unknown;
}

QString bookingStatusName(BookingStatus status)
{
    for (const StatusName &s : kStatusNames) {
        if (s.status == status)
            return s.name.toString();
    }
    return {};
}

QString Booking::timeZone() const
{
    for (const BookingAttendee &a : attendees) {
        if (!a.timeZone.isEmpty())
            return a.timeZone;
    }
    for (const BookingHost &h : hosts) {
        if (!h.timeZone.isEmpty())
            return h.timeZone;
    }
    return {};
}

Result<Booking> Booking::fromJson(const QJsonObject &object)
{
    const JsonReader r(object, u"booking"_s);
    Booking b;
    b.id = r.requiredInteger(u"id");
    b.uid = r.requiredString(u"uid");
    b.title = r.string(u"title");
    b.description = r.string(u"description");
    for (const JsonReader &h : r.array(u"hosts")) {
        BookingHost host;
        host.id = h.integer(u"id").value_or(0);
        host.name = h.string(u"name");
        host.email = h.string(u"email");
        host.displayEmail = h.string(u"displayEmail");
        host.username = h.string(u"username");
        host.timeZone = h.string(u"timeZone");
        b.hosts.append(host);
    }
    b.statusText = r.requiredString(u"status");
    b.status = bookingStatusFromString(b.statusText);
    b.start = r.requiredDateTime(u"start");
    b.end = r.requiredDateTime(u"end");
    b.durationMinutes = int(r.integer(u"duration").value_or(0));
    if (b.durationMinutes == 0 && b.start.isValid() && b.end.isValid())
        b.durationMinutes = int(b.start.secsTo(b.end) / 60);
    const JsonReader eventType = r.child(u"eventType");
    b.eventTypeId = eventType.integer(u"id").value_or(r.integer(u"eventTypeId").value_or(0));
    b.eventTypeSlug = eventType.string(u"slug");
    b.location = r.string(u"location");
    b.absentHost = r.boolean(u"absentHost").value_or(false);
    b.createdAt = r.dateTime(u"createdAt");
    b.updatedAt = r.dateTime(u"updatedAt");
    b.cancellationReason = r.string(u"cancellationReason");
    b.cancelledByEmail = r.string(u"cancelledByEmail");
    b.reschedulingReason = r.string(u"reschedulingReason");
    b.rescheduledByEmail = r.string(u"rescheduledByEmail");
    b.rescheduledFromUid = r.string(u"rescheduledFromUid");
    b.rescheduledToUid = r.string(u"rescheduledToUid");
    b.recurringBookingUid = r.string(u"recurringBookingUid");
    b.icsUid = r.string(u"icsUid");
    b.meetingUrl = r.string(u"meetingUrl");
    const QJsonObject metadata = r.child(u"metadata").object();
    for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it) {
        // Documented as a string map; numbers and booleans sneak in from other
        // writers, so they are kept as their JSON text rather than refused.
        const QJsonValue v = it.value();
        b.metadata.insert(it.key(),
                          v.isString()       ? v.toString()
                              : v.isBool()   ? (v.toBool() ? u"true"_s : u"false"_s)
                              : v.isDouble() ? QString::number(v.toDouble(), 'g', 17)
                                             : QString());
    }
    if (const auto rating = r.integer(u"rating"))
        b.rating = int(*rating);
    for (const JsonReader &a : r.array(u"attendees")) {
        BookingAttendee attendee;
        attendee.name = a.string(u"name");
        attendee.email = a.string(u"email");
        attendee.displayEmail = a.string(u"displayEmail");
        attendee.timeZone = a.string(u"timeZone");
        attendee.language = a.string(u"language");
        attendee.phoneNumber = a.string(u"phoneNumber");
        attendee.absent = a.boolean(u"absent").value_or(false);
        b.attendees.append(attendee);
    }
    b.guests = r.strings(u"guests");
    b.bookingFieldsResponses = r.child(u"bookingFieldsResponses").object();
    if (!r.ok())
        return std::unexpected(r.error());
    if (b.uid.isEmpty())
        return fail(ErrorCode::RemoteValidation,
                    u"Cal.com answered with a booking without a uid"_s);
    return b;
}

QJsonObject Booking::toJson() const
{
    QJsonArray hostArray;
    for (const BookingHost &h : hosts)
        hostArray.append(QJsonObject { { u"id"_s, h.id },
                                       { u"name"_s, h.name },
                                       { u"email"_s, h.email },
                                       { u"displayEmail"_s, h.displayEmail },
                                       { u"username"_s, h.username },
                                       { u"timeZone"_s, h.timeZone } });
    QJsonArray attendeeArray;
    for (const BookingAttendee &a : attendees) {
        QJsonObject o { { u"name"_s, a.name },
                        { u"email"_s, a.email },
                        { u"displayEmail"_s, a.displayEmail },
                        { u"timeZone"_s, a.timeZone },
                        { u"absent"_s, a.absent } };
        if (!a.language.isEmpty())
            o.insert(u"language"_s, a.language);
        if (!a.phoneNumber.isEmpty())
            o.insert(u"phoneNumber"_s, a.phoneNumber);
        attendeeArray.append(o);
    }
    QJsonObject meta;
    for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it)
        meta.insert(it.key(), it.value());
    QJsonObject o {
        { u"id"_s, id },
        { u"uid"_s, uid },
        { u"title"_s, title },
        { u"description"_s, description },
        { u"hosts"_s, hostArray },
        { u"status"_s, statusText.isEmpty() ? bookingStatusName(status) : statusText },
        { u"start"_s, Internal::formatInstant(start) },
        { u"end"_s, Internal::formatInstant(end) },
        { u"duration"_s, durationMinutes },
        { u"eventTypeId"_s, eventTypeId },
        { u"eventType"_s, QJsonObject { { u"id"_s, eventTypeId }, { u"slug"_s, eventTypeSlug } } },
        { u"location"_s, location },
        { u"absentHost"_s, absentHost },
        { u"createdAt"_s, Internal::formatInstant(createdAt) },
        { u"updatedAt"_s, orNull(Internal::formatInstant(updatedAt)) },
        { u"metadata"_s, meta },
        { u"attendees"_s, attendeeArray },
        { u"guests"_s, QJsonArray::fromStringList(guests) },
        { u"bookingFieldsResponses"_s, bookingFieldsResponses },
    };
    const auto optional = [&o](const QString &key, const QString &value) {
        if (!value.isEmpty())
            o.insert(key, value);
    };
    optional(u"cancellationReason"_s, cancellationReason);
    optional(u"cancelledByEmail"_s, cancelledByEmail);
    optional(u"reschedulingReason"_s, reschedulingReason);
    optional(u"rescheduledByEmail"_s, rescheduledByEmail);
    optional(u"rescheduledFromUid"_s, rescheduledFromUid);
    optional(u"rescheduledToUid"_s, rescheduledToUid);
    optional(u"recurringBookingUid"_s, recurringBookingUid);
    optional(u"icsUid"_s, icsUid);
    optional(u"meetingUrl"_s, meetingUrl);
    if (rating)
        o.insert(u"rating"_s, *rating);
    return o;
}

} // namespace Concord::Calcom
