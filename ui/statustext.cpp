#include "statustext.h"

namespace Concord::Ui {

using Domain::AppointmentStatus;
using Domain::MoneyStatus;

QString StatusText::appointment(AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Booked:
        return tr("Booked");
    case AppointmentStatus::Rescheduled:
        return tr("Rescheduled");
    case AppointmentStatus::Completed:
        return tr("Completed");
    case AppointmentStatus::NoShow:
        return tr("No-show");
    case AppointmentStatus::Canceled:
        return tr("Canceled");
    }
    return {};
}

QString StatusText::money(MoneyStatus status)
{
    switch (status) {
    case MoneyStatus::Invoiced:
        //: Payment state: invoiced, nothing paid, not yet due (QuickBooks says "Open")
        return tr("Open");
    case MoneyStatus::DepositPaid:
        return tr("Deposit paid");
    case MoneyStatus::PartiallyPaid:
        return tr("Partially paid");
    case MoneyStatus::Paid:
        return tr("Paid");
    case MoneyStatus::Overdue:
        return tr("Overdue");
    case MoneyStatus::Voided:
        return tr("Voided");
    case MoneyStatus::Refunded:
        return tr("Refunded");
    }
    return {};
}

} // namespace Concord::Ui
