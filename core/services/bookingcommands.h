#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "security/permissions.h"

#include <QDateTime>
#include <QString>

namespace Concord::Store { class Database; }

namespace Concord::Services {

// An office manager changes an appointment from Concord (two-way
// scheduling, product.md §2): the change goes to Cal.com, the system of
// record for timing, through its API; the new state then comes back through
// capture and flows on to QuickBooks and HubSpot like a change made in
// Cal.com itself. Each request is permission-checked (EditBookings) and
// audited, and its Cal.com job is written in the same transaction.
// Thread affinity: the thread that owns `db`.
class BookingCommands
{
public:
    BookingCommands(Store::Database &db, const Clock &clock = Clock::system());

    // Returns the outbox job id.
    [[nodiscard]] Result<qint64> requestCancel(const Security::Actor &actor, qint64 appointmentId,
                                               const QString &reason);
    // `newStartUtc` must be in the future.
    [[nodiscard]] Result<qint64> requestReschedule(const Security::Actor &actor, qint64 appointmentId,
                                                   const QDateTime &newStartUtc, const QString &reason);

private:
    Store::Database &m_db;
    const Clock &m_clock;
};

} // namespace Concord::Services
