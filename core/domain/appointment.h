#pragma once

#include "domain/status.h"
#include "domain/zonedtime.h"

#include <QDateTime>
#include <QString>

namespace Concord::Domain {

// A staff member (Cal.com user ↔ HubSpot owner, matched by email).
struct StaffMember {
    qint64 id = 0;
    QString email;            // normalized (lower-case) — the join key
    QString displayName;
    QString calcomUserId;
    QString hubspotOwnerId;
    bool active = true;
};

// A bookable service: Cal.com event type ↔ QuickBooks Item, with its rate.
struct Service {
    qint64 id = 0;
    QString name;
    QString calcomEventTypeId;
    QString quickbooksItemId;
    int defaultDurationMinutes = 60;
    qint64 rateMinor = 0;     // per hour, in minor units of `currency`
    QString currency = QStringLiteral("USD");
    QString location;         // used by tax rules ("by location")
    bool active = true;
};

// One appointment. `start` is UTC + the IANA zone it was booked in.
// `sourceVersion` is the scheduler's own version marker (Cal.com updatedAt),
// so an older event never overwrites a newer state.
struct Appointment {
    qint64 id = 0;
    QString customerId;
    QString calcomUid;              // current booking uid (changes on reschedule)
    ZonedInstant start;
    int durationMinutes = 60;
    qint64 staffId = 0;             // 0 = unknown
    qint64 serviceId = 0;           // 0 = unknown
    AppointmentStatus status = AppointmentStatus::Booked;
    QString sourceVersion;
    qint64 rescheduledFromId = 0;   // earlier appointment row this moved from; 0 = none
    QString title;
    QDateTime createdAt;            // UTC
    QDateTime updatedAt;            // UTC
};

} // namespace Concord::Domain
