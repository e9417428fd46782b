#pragma once

#include "calcom/calstate.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Concord::Sandbox::CalPayloads {

[[nodiscard]] QString instant(qint64 ms); // "2024-08-13T15:30:00.000Z"; null → empty

// BookingOutput_2024_08_13, as GET/POST /v2/bookings… answer (fixtures
// api-v2/get-booking.response.example.json, booking-lifecycle.examples.json).
[[nodiscard]] QJsonObject booking(const CalcomState &state, const CalBooking &booking);
// What an old endpoint version answers when cal-api-version is missing or
// unknown (Cal.com silently falls back): the 2024-04-15 shape, startTime/
// endTime and upper-case status — so a client that forgot the header fails
// loudly on shapes, as it would against Cal.com.
[[nodiscard]] QJsonObject legacyBooking(const CalcomState &state, const CalBooking &booking);
// EventTypeOutput_2024_06_14 (the fields the emulator models).
[[nodiscard]] QJsonObject eventType(const CalEventType &type);
// MeOutput (fixture api-v2/me.response.example.json).
[[nodiscard]] QJsonObject me(const CalUser &user);

// {"status":"error","timestamp","path","error":{"code","message"}}.
[[nodiscard]] QByteArray errorEnvelope(const CalApiError &error, const QString &path, qint64 nowMs);
[[nodiscard]] QByteArray success(const QJsonValue &data, const QJsonObject &extra = {});

// A webhook body for one event, in payload version `version` ("2021-10-20";
// "2026-07-27" adds the ICS contents). Wrapped {triggerEvent, createdAt,
// payload}, except MEETING_STARTED/ENDED, which are flat (fixtures
// webhooks/2021-10-20/*). `utcOffsetAtNow` reproduces cal.diy#28519
// (attendees' utcOffset computed for "now" instead of the booking start).
[[nodiscard]] QByteArray webhook(const CalcomState &state, const CalEvent &event,
                                 const QString &version, bool utcOffsetAtNow);

} // namespace Concord::Sandbox::CalPayloads
