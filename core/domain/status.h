#pragma once

#include "common/error.h"

#include <QList>
#include <QString>

#include <optional>

namespace Concord::Domain {

// Appointment life (Cal.com is the system of record). A reschedule keeps the
// identity of the appointment; it is never a cancel plus a new booking.
enum class AppointmentStatus {
    Booked,
    Rescheduled,
    Completed,
    NoShow,
    Canceled,
};

// Money life of an invoice (QuickBooks is the system of record).
enum class MoneyStatus {
    Invoiced,      // open, nothing paid, not past due
    DepositPaid,   // a deposit (partial, up-front) has been received
    PartiallyPaid, // some paid, balance > 0
    Paid,          // balance 0
    Overdue,       // balance > 0 after the due date
    Voided,        // voided in QuickBooks (terminal)
    Refunded,      // credit memo or refund receipt issued after payment (terminal)
};

// Stable lower-case names used in the store, the CLI and JSON:
// "booked", "rescheduled", "completed", "no_show", "canceled";
// "invoiced", "deposit_paid", "partially_paid", "paid", "overdue", "voided", "refunded".
[[nodiscard]] QString toString(AppointmentStatus status);
[[nodiscard]] QString toString(MoneyStatus status);
[[nodiscard]] Result<AppointmentStatus> parseAppointmentStatus(const QString &text);
[[nodiscard]] Result<MoneyStatus> parseMoneyStatus(const QString &text);

// The allowed next states (excluding staying put).
[[nodiscard]] QList<AppointmentStatus> allowedTransitions(AppointmentStatus from);
[[nodiscard]] QList<MoneyStatus> allowedTransitions(MoneyStatus from);

// Checks a move. Returns `to` when allowed; an IllegalTransition error whose
// message names both states and lists what is allowed otherwise.
// Staying in the same state is allowed (events repeat) except that
// Rescheduled → Rescheduled is a real move (booked again at another time).
[[nodiscard]] Result<AppointmentStatus> transition(AppointmentStatus from, AppointmentStatus to);
[[nodiscard]] Result<MoneyStatus> transition(MoneyStatus from, MoneyStatus to);

[[nodiscard]] bool isTerminal(AppointmentStatus status);
[[nodiscard]] bool isTerminal(MoneyStatus status);

} // namespace Concord::Domain
