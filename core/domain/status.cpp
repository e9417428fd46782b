#include "domain/status.h"

#include "domain/enumnames_p.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Concord::Domain {

namespace {

constexpr Internal::EnumNameTable<AppointmentStatus, 5> appointmentStatusNames { {
    { AppointmentStatus::Booked, "booked"_L1 },
    { AppointmentStatus::Rescheduled, "rescheduled"_L1 },
    { AppointmentStatus::Completed, "completed"_L1 },
    { AppointmentStatus::NoShow, "no_show"_L1 },
    { AppointmentStatus::Canceled, "canceled"_L1 },
} };

constexpr Internal::EnumNameTable<MoneyStatus, 7> moneyStatusNames { {
    { MoneyStatus::Invoiced, "invoiced"_L1 },
    { MoneyStatus::DepositPaid, "deposit_paid"_L1 },
    { MoneyStatus::PartiallyPaid, "partially_paid"_L1 },
    { MoneyStatus::Paid, "paid"_L1 },
    { MoneyStatus::Overdue, "overdue"_L1 },
    { MoneyStatus::Voided, "voided"_L1 },
    { MoneyStatus::Refunded, "refunded"_L1 },
} };

// The list of names used in "allowed from X: …"; "none" for a terminal state
// so the message never ends in an empty list.
template<typename E> QString describeTargets(const QList<E> &targets)
{
    if (targets.isEmpty())
        return u"none"_s;
    QStringList names;
    names.reserve(targets.size());
    for (E target : targets)
        names.append(toString(target));
    return names.join(u", "_s);
}

template<typename E> Result<E> checkTransition(E from, E to, QLatin1StringView subject)
{
    const QList<E> allowed = allowedTransitions(from);
    // Staying put is an event repeating (a webhook delivered twice, a CDC page
    // re-read), not a move; Rescheduled → Rescheduled is in the table anyway.
    if (from == to || allowed.contains(to))
        return to;
    return fail(ErrorCode::IllegalTransition,
                u"cannot move %1 from %2 to %3 (allowed from %2: %4)"_s.arg(
                    subject, toString(from), toString(to), describeTargets(allowed)));
}

} // namespace

QString toString(AppointmentStatus status)
{
    return Internal::enumToString(appointmentStatusNames, status);
}

QString toString(MoneyStatus status)
{
    return Internal::enumToString(moneyStatusNames, status);
}

Result<AppointmentStatus> parseAppointmentStatus(const QString &text)
{
    return Internal::parseEnum(appointmentStatusNames, text, "appointment status"_L1);
}

Result<MoneyStatus> parseMoneyStatus(const QString &text)
{
    return Internal::parseEnum(moneyStatusNames, text, "money status"_L1);
}

QList<AppointmentStatus> allowedTransitions(AppointmentStatus from)
{
    using S = AppointmentStatus;
    switch (from) {
    case S::Booked:
        return { S::Rescheduled, S::Completed, S::NoShow, S::Canceled };
    case S::Rescheduled:
        // Moved again: a real move that keeps the appointment's identity.
        return { S::Rescheduled, S::Completed, S::NoShow, S::Canceled };
    case S::Completed:
        // The host marked attendance wrongly and corrects it; or the
        // session is canceled after the fact (it did not really take place:
        // Cal.com, the authority on timing, says so, and its money follows).
        return { S::NoShow, S::Canceled };
    case S::NoShow:
        return { S::Completed, S::Canceled };
    case S::Canceled:
        // A canceled booking is re-booked as a new appointment in Cal.com.
        return {};
    }
    return {};
}

QList<MoneyStatus> allowedTransitions(MoneyStatus from)
{
    using S = MoneyStatus;
    switch (from) {
    case S::Invoiced:
        return { S::DepositPaid, S::PartiallyPaid, S::Paid, S::Overdue, S::Voided };
    case S::DepositPaid:
        return { S::PartiallyPaid, S::Paid, S::Overdue, S::Refunded };
    case S::PartiallyPaid:
        return { S::Paid, S::Overdue, S::Refunded };
    case S::Overdue:
        return { S::PartiallyPaid, S::Paid, S::Voided, S::Refunded };
    case S::Paid:
        // Back to an open state when a payment is deleted or reversed in
        // QuickBooks; which one depends on what is left and the due date.
        return { S::Refunded, S::PartiallyPaid, S::Invoiced, S::Overdue };
    case S::Voided:
    case S::Refunded:
        return {};
    }
    return {};
}

Result<AppointmentStatus> transition(AppointmentStatus from, AppointmentStatus to)
{
    return checkTransition(from, to, "an appointment"_L1);
}

Result<MoneyStatus> transition(MoneyStatus from, MoneyStatus to)
{
    return checkTransition(from, to, "an invoice"_L1);
}

bool isTerminal(AppointmentStatus status)
{
    return allowedTransitions(status).isEmpty();
}

bool isTerminal(MoneyStatus status)
{
    return allowedTransitions(status).isEmpty();
}

} // namespace Concord::Domain
