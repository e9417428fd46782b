#include "calcom/calpayloads.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox::CalPayloads {

namespace {

QJsonValue instantOrNull(qint64 ms)
{
    return ms == CalBooking::kNull ? QJsonValue(QJsonValue::Null) : QJsonValue(instant(ms));
}

int utcOffsetMinutes(const QString &zone, qint64 atMs)
{
    const QTimeZone tz(zone.toUtf8());
    if (!tz.isValid())
        return 0;
    return tz.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC)) / 60;
}

QJsonObject hostJson(const CalUser *u)
{
    if (!u)
        return {};
    return QJsonObject { { u"id"_s, u->id },
                         { u"name"_s, u->name },
                         { u"email"_s, u->email },
                         { u"displayEmail"_s, u->email },
                         { u"username"_s, u->username },
                         { u"timeZone"_s, u->timeZone } };
}

// Keys each wrapped trigger's payload carries in Cal.com's published
// examples (fixtures webhooks/2021-10-20): the full payload is built once and
// cut to these, so every trigger has its real shape.
const QStringList &keysFor(const QString &trigger)
{
    static const QStringList created { u"bookerUrl"_s,
                                       u"title"_s,
                                       u"startTime"_s,
                                       u"endTime"_s,
                                       u"additionalNotes"_s,
                                       u"type"_s,
                                       u"description"_s,
                                       u"eventTypeId"_s,
                                       u"hideCalendarNotes"_s,
                                       u"hideCalendarEventDetails"_s,
                                       u"hideOrganizerEmail"_s,
                                       u"schedulingType"_s,
                                       u"seatsPerTimeSlot"_s,
                                       u"seatsShowAttendees"_s,
                                       u"seatsShowAvailabilityCount"_s,
                                       u"customReplyToEmail"_s,
                                       u"disableRescheduling"_s,
                                       u"disableCancelling"_s,
                                       u"organizer"_s,
                                       u"attendees"_s,
                                       u"customInputs"_s,
                                       u"responses"_s,
                                       u"userFieldsResponses"_s,
                                       u"location"_s,
                                       u"destinationCalendar"_s,
                                       u"iCalUID"_s,
                                       u"iCalSequence"_s,
                                       u"requiresConfirmation"_s,
                                       u"oneTimePassword"_s,
                                       u"organizationId"_s,
                                       u"hashedLink"_s,
                                       u"uid"_s,
                                       u"conferenceData"_s,
                                       u"videoCallData"_s,
                                       u"appsStatus"_s,
                                       u"eventTitle"_s,
                                       u"eventDescription"_s,
                                       u"price"_s,
                                       u"currency"_s,
                                       u"length"_s,
                                       u"bookingId"_s,
                                       u"metadata"_s,
                                       u"status"_s };
    static const QStringList requested = [] {
        QStringList k = created;
        k.removeAll(u"conferenceData"_s);
        k.removeAll(u"videoCallData"_s);
        k.removeAll(u"appsStatus"_s);
        return k;
    }();
    static const QStringList rescheduled = [] {
        QStringList k = created;
        k.removeAll(u"iCalUID"_s);
        k << u"rescheduleId"_s << u"rescheduleUid"_s << u"rescheduleStartTime"_s
          << u"rescheduleEndTime"_s;
        return k;
    }();
    static const QStringList cancelled { u"bookerUrl"_s,
                                         u"title"_s,
                                         u"length"_s,
                                         u"type"_s,
                                         u"additionalNotes"_s,
                                         u"description"_s,
                                         u"customInputs"_s,
                                         u"eventTypeId"_s,
                                         u"userFieldsResponses"_s,
                                         u"responses"_s,
                                         u"startTime"_s,
                                         u"endTime"_s,
                                         u"organizer"_s,
                                         u"attendees"_s,
                                         u"uid"_s,
                                         u"bookingId"_s,
                                         u"location"_s,
                                         u"destinationCalendar"_s,
                                         u"cancellationReason"_s,
                                         u"seatsPerTimeSlot"_s,
                                         u"seatsShowAttendees"_s,
                                         u"iCalUID"_s,
                                         u"iCalSequence"_s,
                                         u"hideOrganizerEmail"_s,
                                         u"customReplyToEmail"_s,
                                         u"organizationId"_s,
                                         u"eventTitle"_s,
                                         u"eventDescription"_s,
                                         u"requiresConfirmation"_s,
                                         u"price"_s,
                                         u"currency"_s,
                                         u"status"_s,
                                         u"requestReschedule"_s };
    static const QStringList rejected { u"type"_s,
                                        u"title"_s,
                                        u"description"_s,
                                        u"bookerUrl"_s,
                                        u"userFieldsResponses"_s,
                                        u"responses"_s,
                                        u"customInputs"_s,
                                        u"startTime"_s,
                                        u"endTime"_s,
                                        u"organizer"_s,
                                        u"attendees"_s,
                                        u"location"_s,
                                        u"uid"_s,
                                        u"destinationCalendar"_s,
                                        u"requiresConfirmation"_s,
                                        u"hideOrganizerEmail"_s,
                                        u"hideCalendarNotes"_s,
                                        u"hideCalendarEventDetails"_s,
                                        u"eventTypeId"_s,
                                        u"customReplyToEmail"_s,
                                        u"organizationId"_s,
                                        u"additionalNotes"_s,
                                        u"rejectionReason"_s,
                                        u"eventTitle"_s,
                                        u"eventDescription"_s,
                                        u"price"_s,
                                        u"currency"_s,
                                        u"length"_s,
                                        u"bookingId"_s,
                                        u"status"_s };
    static const QStringList paid { u"type"_s,
                                    u"title"_s,
                                    u"description"_s,
                                    u"additionalNotes"_s,
                                    u"customInputs"_s,
                                    u"startTime"_s,
                                    u"endTime"_s,
                                    u"organizer"_s,
                                    u"attendees"_s,
                                    u"location"_s,
                                    u"destinationCalendar"_s,
                                    u"hideCalendarNotes"_s,
                                    u"requiresConfirmation"_s,
                                    u"eventTypeId"_s,
                                    u"seatsShowAttendees"_s,
                                    u"seatsShowAvailabilityCount"_s,
                                    u"schedulingType"_s,
                                    u"iCalUID"_s,
                                    u"iCalSequence"_s,
                                    u"uid"_s,
                                    u"bookingId"_s,
                                    u"eventTitle"_s,
                                    u"eventDescription"_s,
                                    u"price"_s,
                                    u"currency"_s,
                                    u"length"_s,
                                    u"paymentId"_s,
                                    u"metadata"_s,
                                    u"status"_s };
    if (trigger == u"BOOKING_REQUESTED"_s)
        return requested;
    if (trigger == u"BOOKING_RESCHEDULED"_s)
        return rescheduled;
    if (trigger == u"BOOKING_CANCELLED"_s)
        return cancelled;
    if (trigger == u"BOOKING_REJECTED"_s)
        return rejected;
    if (trigger == u"BOOKING_PAID"_s)
        return paid;
    return created;
}

QJsonObject responsesFor(const CalBooking &b)
{
    const CalAttendee first = b.attendees.isEmpty() ? CalAttendee {} : b.attendees.first();
    QJsonObject phone { { u"label"_s, u"phone_number"_s }, { u"isHidden"_s, true } };
    if (!first.phoneNumber.isEmpty())
        phone.insert(u"value"_s, first.phoneNumber);
    return QJsonObject {
        { u"name"_s,
          QJsonObject { { u"label"_s, u"your_name"_s },
                        { u"value"_s, first.name },
                        { u"isHidden"_s, false } } },
        { u"email"_s,
          QJsonObject { { u"label"_s, u"email_address"_s },
                        { u"value"_s, first.email },
                        { u"isHidden"_s, false } } },
        { u"attendeePhoneNumber"_s, phone },
        { u"location"_s,
          QJsonObject { { u"label"_s, u"location"_s },
                        { u"value"_s,
                          QJsonObject { { u"optionValue"_s, u""_s }, { u"value"_s, b.location } } },
                        { u"isHidden"_s, false } } },
        { u"title"_s,
          QJsonObject { { u"label"_s, u"what_is_this_meeting_about"_s },
                        { u"isHidden"_s, true } } },
        { u"notes"_s,
          QJsonObject { { u"label"_s, u"additional_notes"_s }, { u"isHidden"_s, false } } },
        { u"guests"_s,
          QJsonObject { { u"label"_s, u"additional_guests"_s },
                        { u"value"_s, QJsonArray::fromStringList(b.guests) },
                        { u"isHidden"_s, false } } },
        { u"rescheduleReason"_s,
          QJsonObject { { u"label"_s, u"reason_for_reschedule"_s }, { u"isHidden"_s, false } } },
    };
}

QString webhookStatus(const QString &status)
{
    return status.toUpper();
}

} // namespace

QString instant(qint64 ms)
{
    if (ms == CalBooking::kNull)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
}

QJsonObject booking(const CalcomState &state, const CalBooking &b)
{
    const CalEventType *type = state.eventType(b.eventTypeId);
    QJsonArray attendees;
    for (const CalAttendee &a : b.attendees) {
        QJsonObject o { { u"name"_s, a.name },          { u"email"_s, a.email },
                        { u"displayEmail"_s, a.email }, { u"timeZone"_s, a.timeZone },
                        { u"language"_s, a.language },  { u"absent"_s, a.absent } };
        if (!a.phoneNumber.isEmpty())
            o.insert(u"phoneNumber"_s, a.phoneNumber);
        attendees.append(o);
    }
    QJsonObject o {
        { u"id"_s, b.id },
        { u"uid"_s, b.uid },
        { u"title"_s, b.title },
        { u"description"_s, b.description },
        { u"hosts"_s, QJsonArray { hostJson(state.user(b.hostUserId)) } },
        { u"status"_s, b.status },
        { u"start"_s, instant(b.startMs) },
        { u"end"_s, instant(b.endMs) },
        { u"duration"_s, (b.endMs - b.startMs) / 60'000 },
        { u"eventTypeId"_s, b.eventTypeId },
        { u"eventType"_s,
          QJsonObject { { u"id"_s, b.eventTypeId },
                        { u"slug"_s, type ? type->slug : QString() } } },
        { u"location"_s, b.location },
        { u"absentHost"_s, b.absentHost },
        { u"createdAt"_s, instant(b.createdMs) },
        { u"updatedAt"_s, instantOrNull(b.updatedMs) },
        { u"metadata"_s, b.metadata },
        { u"icsUid"_s, b.icsUid },
        { u"attendees"_s, attendees },
        { u"guests"_s, QJsonArray::fromStringList(b.guests) },
        { u"bookingFieldsResponses"_s, b.bookingFieldsResponses },
    };
    const auto optional = [&o](const QString &key, const QString &value) {
        if (!value.isEmpty())
            o.insert(key, value);
    };
    optional(u"cancellationReason"_s, b.cancellationReason);
    optional(u"cancelledByEmail"_s, b.cancelledByEmail);
    optional(u"reschedulingReason"_s, b.reschedulingReason);
    optional(u"rescheduledByEmail"_s, b.rescheduledByEmail);
    optional(u"rescheduledFromUid"_s, b.rescheduledFromUid);
    optional(u"rescheduledToUid"_s, b.rescheduledToUid);
    // RecurringBookingOutput_2024_08_13: occurrences of a series only.
    optional(u"recurringBookingUid"_s, b.recurringBookingUid);
    return o;
}

QJsonObject legacyBooking(const CalcomState &state, const CalBooking &b)
{
    QJsonArray attendees;
    for (const CalAttendee &a : b.attendees)
        attendees.append(QJsonObject { { u"name"_s, a.name },
                                       { u"email"_s, a.email },
                                       { u"timeZone"_s, a.timeZone },
                                       { u"locale"_s, a.language },
                                       { u"noShow"_s, a.absent } });
    const CalUser *host = state.user(b.hostUserId);
    QJsonObject o { { u"id"_s, b.id },
                    { u"uid"_s, b.uid },
                    { u"title"_s, b.title },
                    { u"startTime"_s, instant(b.startMs) },
                    { u"endTime"_s, instant(b.endMs) },
                    { u"status"_s, webhookStatus(b.status) },
                    { u"eventTypeId"_s, b.eventTypeId },
                    { u"attendees"_s, attendees },
                    { u"user"_s,
                      QJsonObject { { u"id"_s, host ? host->id : 0 },
                                    { u"email"_s, host ? host->email : QString() } } } };
    // The old endpoints answered table rows: the series is the
    // recurringEventId column [unverified: key present only when set here].
    if (!b.recurringBookingUid.isEmpty())
        o.insert(u"recurringEventId"_s, b.recurringBookingUid);
    return o;
}

QJsonObject eventType(const CalEventType &t)
{
    QJsonObject o { { u"id"_s, t.id },
                    { u"lengthInMinutes"_s, t.lengthInMinutes },
                    { u"title"_s, t.title },
                    { u"slug"_s, t.slug },
                    { u"description"_s, t.description },
                    { u"hidden"_s, t.hidden },
                    { u"price"_s, t.priceMinor },
                    { u"currency"_s, t.currency },
                    { u"confirmationPolicy"_s,
                      t.requiresConfirmation ? QJsonValue(
                          QJsonObject { { u"type"_s, u"always"_s },
                                        { u"blockUnconfirmedBookingsInBooker"_s, false } })
                                             : QJsonValue(QJsonValue::Null) } };
    // Recurrence_2024_06_14 {interval, occurrences, frequency}. Omitted for
    // non-recurring types [unverified: Cal.com may send null there].
    if (t.recurrenceOccurrences > 0)
        o.insert(u"recurrence"_s,
                 QJsonObject { { u"frequency"_s, u"weekly"_s },
                               { u"interval"_s, std::max(1, t.recurrenceIntervalWeeks) },
                               { u"occurrences"_s, t.recurrenceOccurrences } });
    if (t.teamId) {
        o.insert(u"teamId"_s, *t.teamId);
        QJsonArray hosts;
        for (qint64 id : t.hostIds)
            hosts.append(QJsonObject { { u"userId"_s, id } });
        o.insert(u"hosts"_s, hosts);
    } else {
        o.insert(u"ownerId"_s, t.ownerId);
    }
    return o;
}

QJsonObject me(const CalUser &u)
{
    return QJsonObject { { u"id"_s, u.id },
                         { u"username"_s, u.username },
                         { u"email"_s, u.email },
                         { u"name"_s, u.name },
                         { u"avatarUrl"_s, QJsonValue::Null },
                         { u"bio"_s, QJsonValue::Null },
                         { u"timeFormat"_s, u.timeFormat },
                         { u"defaultScheduleId"_s, 1 },
                         { u"weekStart"_s, u.weekStart },
                         { u"timeZone"_s, u.timeZone },
                         { u"locale"_s, u.locale },
                         { u"organizationId"_s, QJsonValue::Null } };
}

QByteArray errorEnvelope(const CalApiError &error, const QString &path, qint64 nowMs)
{
    return QJsonDocument(QJsonObject { { u"status"_s, u"error"_s },
                                       { u"timestamp"_s, instant(nowMs) },
                                       { u"path"_s, path },
                                       { u"error"_s,
                                         QJsonObject { { u"code"_s, error.code },
                                                       { u"message"_s, error.message } } } })
        .toJson(QJsonDocument::Compact);
}

QByteArray success(const QJsonValue &data, const QJsonObject &extra)
{
    QJsonObject o { { u"status"_s, u"success"_s }, { u"data"_s, data } };
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        o.insert(it.key(), it.value());
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray webhook(const CalcomState &state, const CalEvent &event, const QString &version,
                   bool utcOffsetAtNow)
{
    const CalBooking *found = state.bookingById(event.bookingId);
    if (!found)
        return {};
    const CalBooking &b = *found;
    const CalEventType *type = state.eventType(b.eventTypeId);
    const CalUser *host = state.user(b.hostUserId);
    const qint64 offsetAt = utcOffsetAtNow ? event.createdMs : b.startMs;
    const QString hostZone = host ? host->timeZone : u"UTC"_s;

    if (event.trigger == u"MEETING_STARTED"_s || event.trigger == u"MEETING_ENDED"_s) {
        // Flat: the booking row itself (fixtures MEETING_*.json).
        QJsonArray attendees;
        qint64 attendeeId = b.id * 10;
        for (const CalAttendee &a : b.attendees)
            attendees.append(QJsonObject {
                { u"id"_s, ++attendeeId },
                { u"email"_s, a.email },
                { u"name"_s, a.name },
                { u"timeZone"_s, a.timeZone },
                { u"phoneNumber"_s,
                  a.phoneNumber.isEmpty() ? QJsonValue() : QJsonValue(a.phoneNumber) },
                { u"locale"_s, a.language },
                { u"bookingId"_s, b.id },
                { u"noShow"_s, a.absent } });
        const QJsonValue null;
        const QJsonObject o {
            { u"triggerEvent"_s, event.trigger },
            { u"id"_s, b.id },
            { u"uid"_s, b.uid },
            { u"idempotencyKey"_s, b.idempotencyKey },
            { u"userId"_s, b.hostUserId },
            { u"userPrimaryEmail"_s, host ? host->email : QString() },
            { u"eventTypeId"_s, b.eventTypeId },
            { u"title"_s, b.title },
            { u"description"_s, b.description },
            { u"customInputs"_s, QJsonObject() },
            { u"responses"_s, responsesFor(b) },
            { u"startTime"_s, instant(b.startMs) },
            { u"endTime"_s, instant(b.endMs) },
            { u"location"_s, b.location },
            { u"createdAt"_s, instant(b.createdMs) },
            { u"updatedAt"_s, instantOrNull(b.updatedMs) },
            { u"status"_s, webhookStatus(b.status) },
            { u"paid"_s, b.paid },
            { u"destinationCalendarId"_s, null },
            { u"cancellationReason"_s,
              b.cancellationReason.isEmpty() ? null : QJsonValue(b.cancellationReason) },
            { u"rejectionReason"_s,
              b.rejectionReason.isEmpty() ? null : QJsonValue(b.rejectionReason) },
            { u"reassignReason"_s, null },
            { u"reassignById"_s, null },
            { u"dynamicEventSlugRef"_s, null },
            { u"dynamicGroupSlugRef"_s, null },
            { u"rescheduled"_s, null },
            { u"fromReschedule"_s,
              b.rescheduledFromUid.isEmpty() ? null : QJsonValue(b.rescheduledFromUid) },
            { u"recurringEventId"_s,
              b.recurringBookingUid.isEmpty() ? null : QJsonValue(b.recurringBookingUid) },
            { u"smsReminderNumber"_s, null },
            { u"scheduledJobs"_s, QJsonArray() },
            { u"metadata"_s, b.metadata },
            { u"isRecorded"_s, false },
            { u"iCalUID"_s, b.icsUid },
            { u"iCalSequence"_s, b.iCalSequence },
            { u"rating"_s, null },
            { u"ratingFeedback"_s, null },
            { u"noShowHost"_s, b.absentHost },
            { u"oneTimePassword"_s, null },
            { u"cancelledBy"_s, null },
            { u"rescheduledBy"_s, null },
            { u"creationSource"_s, u"API_V2"_s },
            { u"user"_s,
              QJsonObject { { u"email"_s, host ? host->email : QString() },
                            { u"name"_s, host ? host->name : QString() },
                            { u"timeZone"_s, hostZone },
                            { u"username"_s, host ? host->username : QString() } } },
            { u"attendees"_s, attendees },
            { u"payment"_s, QJsonArray() },
            { u"references"_s, QJsonArray() },
            { u"appsStatus"_s, QJsonArray() },
        };
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

    QJsonObject payload;
    if (event.trigger == u"BOOKING_NO_SHOW_UPDATED"_s) {
        QJsonArray attendees;
        for (const QString &email : event.noShowEmails)
            attendees.append(QJsonObject { { u"email"_s, email }, { u"noShow"_s, true } });
        payload =
            QJsonObject { { u"message"_s,
                            event.noShowEmails.isEmpty()
                                ? u"Host marked as no-show"_s
                                : u"%1 marked as no-show"_s.arg(event.noShowEmails.join(u", "_s)) },
                          { u"attendees"_s, attendees },
                          { u"bookingUid"_s, b.uid },
                          { u"bookingId"_s, b.id } };
    } else {
        QJsonArray attendees;
        for (const CalAttendee &a : b.attendees)
            attendees.append(QJsonObject {
                { u"email"_s, a.email },
                { u"name"_s, a.name },
                { u"firstName"_s, a.name.section(u' ', 0, 0) },
                { u"lastName"_s, a.name.section(u' ', 1) },
                { u"timeZone"_s, a.timeZone },
                { u"phoneNumber"_s,
                  a.phoneNumber.isEmpty() ? QJsonValue() : QJsonValue(a.phoneNumber) },
                { u"language"_s, QJsonObject { { u"locale"_s, a.language } } },
                { u"utcOffset"_s, utcOffsetMinutes(a.timeZone, offsetAt) } });
        const QJsonValue null;
        const QString videoUrl = u"https://app.cal.com/video/%1"_s.arg(b.uid);
        const QJsonObject full {
            { u"bookerUrl"_s, u"https://cal.com"_s },
            { u"title"_s, b.title },
            { u"startTime"_s, instant(b.startMs) },
            { u"endTime"_s, instant(b.endMs) },
            { u"additionalNotes"_s, b.description },
            { u"type"_s, type ? type->slug : QString() },
            { u"description"_s, b.description },
            { u"eventTypeId"_s, b.eventTypeId },
            { u"hideCalendarNotes"_s, false },
            { u"hideCalendarEventDetails"_s, false },
            { u"hideOrganizerEmail"_s, false },
            { u"schedulingType"_s, type && type->teamId ? QJsonValue(u"ROUND_ROBIN"_s) : null },
            { u"seatsPerTimeSlot"_s, null },
            { u"seatsShowAttendees"_s, true },
            { u"seatsShowAvailabilityCount"_s, true },
            { u"customReplyToEmail"_s, null },
            { u"disableRescheduling"_s, false },
            { u"disableCancelling"_s, false },
            { u"organizer"_s,
              QJsonObject {
                  { u"id"_s, b.hostUserId },
                  { u"name"_s, host ? host->name : QString() },
                  { u"email"_s, host ? host->email : QString() },
                  { u"username"_s, host ? host->username : QString() },
                  { u"usernameInOrg"_s, host ? host->username : QString() },
                  { u"timeZone"_s, hostZone },
                  { u"language"_s, QJsonObject { { u"locale"_s, host ? host->locale : u"en"_s } } },
                  { u"timeFormat"_s, host && host->timeFormat == 24 ? u"HH:mm"_s : u"h:mma"_s },
                  { u"utcOffset"_s, utcOffsetMinutes(hostZone, offsetAt) } } },
            { u"attendees"_s, attendees },
            { u"customInputs"_s, QJsonObject() },
            { u"responses"_s, responsesFor(b) },
            { u"userFieldsResponses"_s, QJsonObject() },
            { u"location"_s, b.location },
            { u"destinationCalendar"_s, null },
            { u"iCalUID"_s, b.icsUid },
            { u"iCalSequence"_s, b.iCalSequence },
            { u"requiresConfirmation"_s, type && type->requiresConfirmation },
            { u"oneTimePassword"_s, null },
            { u"organizationId"_s, null },
            { u"hashedLink"_s, null },
            { u"uid"_s, b.uid },
            { u"conferenceData"_s,
              QJsonObject {
                  { u"createRequest"_s, QJsonObject { { u"requestId"_s, b.idempotencyKey } } } } },
            { u"videoCallData"_s,
              QJsonObject { { u"type"_s, u"daily_video"_s },
                            { u"id"_s, b.uid },
                            { u"password"_s, u""_s },
                            { u"url"_s, videoUrl } } },
            { u"appsStatus"_s, QJsonArray() },
            { u"eventTitle"_s, type ? type->title : QString() },
            { u"eventDescription"_s, type ? type->description : QString() },
            { u"price"_s, type ? type->priceMinor : 0 },
            { u"currency"_s, type ? type->currency : u"usd"_s },
            { u"length"_s, (b.endMs - b.startMs) / 60'000 },
            { u"bookingId"_s, b.id },
            { u"metadata"_s, QJsonObject { { u"videoCallUrl"_s, videoUrl } } },
            // handleCancelBooking sends status "CANCELLED" whatever the row says
            // (a cancellation through the series uid can name a past occurrence
            // it leaves alone).
            { u"status"_s,
              event.trigger == u"BOOKING_CANCELLED"_s ? u"CANCELLED"_s : webhookStatus(b.status) },
            { u"cancellationReason"_s, b.cancellationReason },
            { u"rejectionReason"_s, b.rejectionReason },
            { u"requestReschedule"_s, false },
            { u"paymentId"_s, b.id + 400 },
        };
        for (const QString &key : keysFor(event.trigger)) {
            if (full.contains(key))
                payload.insert(key, full.value(key));
        }
        if (event.recurringCount > 0) {
            // CalendarEvent.recurringEvent, spread into the payload: the event
            // type's rule with count = occurrences booked (rrule freq 2 = weekly).
            payload.insert(
                u"recurringEvent"_s,
                QJsonObject {
                    { u"freq"_s, 2 },
                    { u"count"_s, event.recurringCount },
                    { u"interval"_s, type ? std::max(1, type->recurrenceIntervalWeeks) : 1 } });
        }
        if (event.trigger == u"BOOKING_RESCHEDULED"_s) {
            const CalBooking *old = state.bookingById(event.previousId);
            payload.insert(u"rescheduleId"_s, old ? old->id : 0);
            payload.insert(u"rescheduleUid"_s, old ? old->uid : QString());
            payload.insert(u"rescheduleStartTime"_s, old ? instant(old->startMs) : QString());
            payload.insert(u"rescheduleEndTime"_s, old ? instant(old->endMs) : QString());
        }
        if (version == u"2026-07-27"_s
            && (event.trigger == u"BOOKING_CREATED"_s || event.trigger == u"BOOKING_RESCHEDULED"_s
                || event.trigger == u"BOOKING_CANCELLED"_s || event.trigger == u"BOOKING_PAID"_s)) {
            const QString ics =
                u"BEGIN:VCALENDAR\nVERSION:2.0\nMETHOD:REQUEST\nBEGIN:VEVENT\nUID:%1\nSEQUENCE:%2\n"
                "END:VEVENT\nEND:VCALENDAR"_s.arg(b.icsUid)
                    .arg(b.iCalSequence);
            payload.insert(u"attendeeIcsContent"_s, ics);
            payload.insert(u"organizerIcsContent"_s, ics);
        }
    }
    return QJsonDocument(QJsonObject { { u"triggerEvent"_s, event.trigger },
                                       { u"createdAt"_s, instant(event.createdMs) },
                                       { u"payload"_s, payload } })
        .toJson(QJsonDocument::Compact);
}

} // namespace Concord::Sandbox::CalPayloads
