#include "mappingtext.h"

#include "domain/status.h"
#include "roletext.h"
#include "statustext.h"

#include <algorithm>

namespace Concord::Ui {

using Domain::Role;
using Security::Permission;

QString MappingText::system(Domain::System system)
{
    switch (system) {
    case Domain::System::CalCom:
        return tr("Cal.com");
    case Domain::System::HubSpot:
        return tr("HubSpot");
    case Domain::System::QuickBooks:
        return tr("QuickBooks");
    }
    return {};
}

QString MappingText::valueType(Sync::ValueType type)
{
    using Sync::ValueType;
    switch (type) {
    case ValueType::Any:
        return tr("Any value");
    case ValueType::Text:
        return tr("Text");
    case ValueType::Reference:
        return tr("Record id");
    case ValueType::Email:
        return tr("Email address");
    case ValueType::Phone:
        return tr("Phone number");
    case ValueType::Minutes:
        return tr("Minutes");
    case ValueType::Decimal:
        return tr("Decimal number");
    case ValueType::Amount:
        return tr("Amount of money");
    case ValueType::MinorUnits:
        return tr("Amount in cents");
    case ValueType::Date:
        return tr("Date");
    case ValueType::DateTime:
        return tr("Date and time");
    case ValueType::TimeZone:
        return tr("Time zone");
    case ValueType::Url:
        return tr("Web link");
    case ValueType::MoneyStatus:
        return tr("Payment status");
    }
    return {};
}

QString MappingText::domain(Domain::StatusDomain domain)
{
    return domain == Domain::StatusDomain::Appointment ? tr("Appointment") : tr("Payment");
}

QString MappingText::status(Domain::StatusDomain domain, const QString &status)
{
    if (domain == Domain::StatusDomain::Appointment) {
        auto s = Domain::parseAppointmentStatus(status);
        return s ? StatusText::appointment(*s) : status;
    }
    auto s = Domain::parseMoneyStatus(status);
    return s ? StatusText::money(*s) : status;
}

QString MappingText::action(Domain::StatusAction action)
{
    switch (action) {
    case Domain::StatusAction::None:
        return tr("Nothing");
    case Domain::StatusAction::DealStage:
        return tr("Move the deal to");
    case Domain::StatusAction::CreateTask:
        return tr("Create a task");
    case Domain::StatusAction::CloseTasks:
        return tr("Close open tasks");
    }
    return {};
}

QString MappingText::fieldRow(const Domain::FieldMapping &m)
{
    const QString field = m.field.trimmed().isEmpty() ? tr("(no field)") : m.field.trimmed();
    //: A field mapping: "email: HubSpot → QuickBooks"
    return tr("%1: %2 → %3").arg(field, system(m.sourceSystem), system(m.targetSystem));
}

QString MappingText::statusRow(const Domain::StatusMapping &m)
{
    //: A status mapping: "Payment · Paid → Move the deal to"
    return tr("%1 · %2 → %3").arg(domain(m.domain), status(m.domain, m.status), action(m.action));
}

QString MappingText::whoMay(Permission permission)
{
    return RoleText::whoMay(permission);
}

QString MappingText::sideName(Permission side)
{
    return side == Permission::EditBilling ? tr("billing-side") : tr("booking-side");
}

QString MappingText::lockReason(Role role, Permission side)
{
    if (!Security::roleHas(role, Permission::EditMappings))
        return tr("Only %1 can change mappings.").arg(whoMay(Permission::EditMappings));
    if (Security::roleHas(role, side))
        return {};
    if (side == Permission::EditBilling)
        return tr("This is a billing-side mapping (it touches QuickBooks or payments): only %1 can "
                  "change "
                  "it.")
            .arg(whoMay(Permission::EditBilling));
    return tr("This is a booking-side mapping (appointments, contacts): only %1 can change it.")
        .arg(whoMay(Permission::EditBookings));
}

} // namespace Concord::Ui
