#pragma once

#include "domain/status.h"
#include "domain/zonedtime.h"

#include <QHash>
#include <QList>
#include <QString>

// Staff double-booking detection (raised as a "double_booking" SyncFlag by the
// engine; Cal.com owns the schedule, so Concord only reports). Pure and
// thread-safe: a function over values, fit for a QtConcurrent worker.
namespace Concord::Sync {

// One booked slot of one staff member.
struct StaffSlot {
    QString appointmentId;
    qint64 staffId = 0;              // 0 = unknown staff: never compared
    Domain::ZonedInstant start;      // UTC + the zone it was booked in
    int minutes = 0;                 // ≤ 0: takes no time, never conflicts
    Domain::AppointmentStatus status = Domain::AppointmentStatus::Booked;
    // The slot this one was rescheduled from, when the caller keeps the old
    // row too. A slot named here by another slot has been moved away and
    // never conflicts (a reschedule is the same appointment, not a second one).
    QString rescheduledFromId;
};

// Free time kept around every appointment of a staff member, in minutes
// (≥ 0; negatives count as 0). Two appointments conflict when their
// buffered intervals [start − before, end + after) overlap: back-to-back is
// fine without buffers; with a 15-minute after-buffer it is a conflict.
struct Buffer {
    int beforeMinutes = 0;
    int afterMinutes = 0;
};

struct BufferRules {
    Buffer defaults;
    QHash<qint64, Buffer> perStaff; // overrides `defaults` for one staff member

    [[nodiscard]] Buffer forStaff(qint64 staffId) const { return perStaff.value(staffId, defaults); }
};

struct DoubleBooking {
    qint64 staffId = 0;
    QString firstId;        // the slot that starts first (ties: smaller id)
    QString secondId;
    // Minutes the appointments themselves overlap (rounded up); 0 when only
    // the buffer between them is too short.
    int overlapMinutes = 0;
    // Minutes the buffered intervals overlap (rounded up, ≥ 1): how much
    // time is missing for both appointments and the buffer to fit.
    int shortByMinutes = 0;
    // In words, each time in its own appointment's zone: "Staff 7 is
    // double-booked: appointment a1 (2026-03-28 10:00–11:00 America/New_York)
    // overlaps appointment a2 (2026-03-28 15:30–16:30 Europe/London) by 30 minutes."
    QString message;
};

// Every conflicting pair, per staff member, ordered by staff id, then the
// first slot's start, then the second's. Canceled slots and slots
// rescheduled away never conflict; instants are compared in UTC, so slots
// booked in different zones and across DST changes compare correctly.
// Cost: O(n log n) for the sort plus the pairs found (sort per staff, then
// one sweep keeping the slots still running).
[[nodiscard]] QList<DoubleBooking> findDoubleBookings(const QList<StaffSlot> &bookings,
                                                      const BufferRules &buffers = {});

} // namespace Concord::Sync
