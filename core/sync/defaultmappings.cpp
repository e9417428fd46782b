#include "sync/defaultmappings.h"

#include "domain/status.h"
#include "store/database.h"
#include "store/rulesrepository.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Concord::Sync {

namespace {

using Domain::AppointmentStatus;
using Domain::FieldMapping;
using Domain::MoneyStatus;
using Domain::StatusAction;
using Domain::StatusDomain;
using Domain::StatusMapping;
using Domain::System;

FieldMapping row(const QString &field, System source, const QString &sourcePath, System target,
                 const QString &targetPath, const QString &transform)
{
    FieldMapping m;
    m.field = field;
    m.sourceSystem = source;
    m.targetSystem = target;
    m.sourcePath = sourcePath;
    m.targetPath = targetPath;
    m.transform = transform;
    // Every default reads from the field's system of record.
    m.authoritativeSystem = source;
    return m;
}

StatusMapping status(StatusDomain domain, const QString &name, StatusAction action, const QString &value = {})
{
    StatusMapping m;
    m.domain = domain;
    m.status = name;
    m.targetSystem = System::HubSpot;
    m.action = action;
    m.targetValue = value;
    return m;
}

// HubSpot's default sales pipeline (hubspot-calcom.md A7). Stage ids are per
// portal in principle; these are the ids every account's "default" pipeline
// starts with, and the engine checks them against the live pipeline.
const QString kScheduled = u"appointmentscheduled"_s;
const QString kAwaitingPayment = u"contractsent"_s; // last open stage: only the money is missing
const QString kWon = u"closedwon"_s;
const QString kLost = u"closedlost"_s;

QString fieldKey(const QString &field)
{
    return field.trimmed().toLower();
}

QString statusKey(StatusDomain domain, const QString &name, System target)
{
    // The store keeps statuses by canonical name; compare the same way.
    QString canonical = name.trimmed().toLower();
    if (domain == StatusDomain::Appointment) {
        if (auto s = Domain::parseAppointmentStatus(name))
            canonical = Domain::toString(*s);
    } else if (auto s = Domain::parseMoneyStatus(name)) {
        canonical = Domain::toString(*s);
    }
    return Domain::toString(domain) + u'/' + canonical + u'/' + Domain::toString(target);
}

} // namespace

QList<FieldMapping> defaultFieldMappings()
{
    const System cal = System::CalCom;
    const System hub = System::HubSpot;
    const System qbo = System::QuickBooks;
    return {
        // Identity: see the header for why these authorities.
        row(u"customer_id"_s, qbo, u"Customer.Id"_s, hub, u"contact.concord_quickbooks_customer_id"_s,
            u"identity"_s),
        row(u"email"_s, hub, u"contact.email"_s, qbo, u"Customer.PrimaryEmailAddr.Address"_s, u"email"_s),
        row(u"phone"_s, hub, u"contact.phone"_s, qbo, u"Customer.PrimaryPhone.FreeFormNumber"_s, u"e164"_s),

        // Appointment: Cal.com owns timing and staff assignment.
        row(u"appointment_time"_s, cal, u"booking.start"_s, hub, u"deal.concord_appointment_start"_s,
            u"utc_datetime"_s),
        row(u"timezone"_s, cal, u"booking.attendees[0].timeZone"_s, hub, u"deal.concord_appointment_timezone"_s,
            u"iana_zone"_s),
        row(u"service_type"_s, cal, u"booking.eventTypeId"_s, qbo, u"Invoice.Line[].SalesItemLineDetail.ItemRef"_s,
            u"event_type_to_item"_s),
        row(u"duration"_s, cal, u"booking.duration"_s, qbo, u"Invoice.Line[].SalesItemLineDetail.Qty"_s,
            u"minutes_to_hours"_s),
        row(u"staff_owner"_s, cal, u"booking.hosts[0].email"_s, hub, u"deal.hubspot_owner_id"_s,
            u"staff_email_to_owner"_s),

        // Money: QuickBooks is the one authority (product.md §4).
        row(u"invoice_number"_s, qbo, u"Invoice.DocNumber"_s, hub, u"deal.concord_invoice_number"_s, u"identity"_s),
        row(u"due_date"_s, qbo, u"Invoice.DueDate"_s, hub, u"deal.concord_invoice_due_date"_s, u"iso_date"_s),
        row(u"tax"_s, qbo, u"Invoice.TxnTaxDetail.TotalTax"_s, hub, u"deal.concord_invoice_tax"_s, u"amount"_s),
        row(u"discount"_s, qbo, u"Invoice.Line[DiscountLineDetail].Amount"_s, hub, u"deal.concord_invoice_discount"_s,
            u"amount"_s),
        row(u"deposit"_s, qbo, u"Invoice.Deposit"_s, hub, u"deal.concord_invoice_deposit"_s, u"amount"_s),
        // Derived by the money state machine from Balance, DueDate and the
        // linked payments / credit memos; carried as Concord's status name.
        row(u"payment_status"_s, qbo, u"Invoice.Balance"_s, hub, u"deal.concord_payment_status"_s,
            u"money_status"_s),
        // The QuickBooks invoice is the document: HubSpot gets a link, never a copy (§8).
        row(u"invoice_link"_s, qbo, u"Invoice.InvoiceLink"_s, hub, u"deal.concord_invoice_link"_s, u"https_url"_s),
    };
}

QList<StatusMapping> defaultStatusMappings()
{
    const StatusDomain appt = StatusDomain::Appointment;
    const StatusDomain money = StatusDomain::Money;
    const auto a = [](AppointmentStatus s) { return Domain::toString(s); };
    const auto m = [](MoneyStatus s) { return Domain::toString(s); };
    return {
        status(appt, a(AppointmentStatus::Booked), StatusAction::DealStage, kScheduled),
        // Same appointment, new time: the deal stays scheduled (never lost and re-created).
        status(appt, a(AppointmentStatus::Rescheduled), StatusAction::DealStage, kScheduled),
        // The session happened; what remains is the money, which moves it to won.
        status(appt, a(AppointmentStatus::Completed), StatusAction::DealStage, kAwaitingPayment),
        status(appt, a(AppointmentStatus::NoShow), StatusAction::CreateTask,
               u"Follow up: {customer} missed {service} on {start}"_s),
        status(appt, a(AppointmentStatus::Canceled), StatusAction::DealStage, kLost),
        // No reminder or open task may stay behind for a canceled appointment (§2).
        status(appt, a(AppointmentStatus::Canceled), StatusAction::CloseTasks),

        status(money, m(MoneyStatus::Invoiced), StatusAction::DealStage, kAwaitingPayment),
        status(money, m(MoneyStatus::DepositPaid), StatusAction::DealStage, kAwaitingPayment),
        // Still a balance: an open overdue task stays open.
        status(money, m(MoneyStatus::PartiallyPaid), StatusAction::DealStage, kAwaitingPayment),
        status(money, m(MoneyStatus::Paid), StatusAction::DealStage, kWon),
        status(money, m(MoneyStatus::Paid), StatusAction::CloseTasks),
        // For the deal's owner; QuickBooks sends the customer reminders, Concord never does (§5).
        status(money, m(MoneyStatus::Overdue), StatusAction::CreateTask,
               u"Overdue: invoice {invoice} for {customer}, {balance} due since {due_date}"_s),
        status(money, m(MoneyStatus::Voided), StatusAction::DealStage, kLost),
        status(money, m(MoneyStatus::Voided), StatusAction::CloseTasks),
        status(money, m(MoneyStatus::Refunded), StatusAction::DealStage, kLost),
        status(money, m(MoneyStatus::Refunded), StatusAction::CloseTasks),
    };
}

Result<int> installDefaultMappings(Store::RulesRepository &rules, const QString &updatedBy)
{
    auto fields = rules.fieldMappings();
    if (!fields)
        return std::unexpected(fields.error());
    auto statuses = rules.statusMappings();
    if (!statuses)
        return std::unexpected(statuses.error());

    QSet<QString> haveFields;
    for (const FieldMapping &f : std::as_const(*fields))
        haveFields.insert(fieldKey(f.field));
    QSet<QString> haveStatuses;
    for (const StatusMapping &s : std::as_const(*statuses))
        haveStatuses.insert(statusKey(s.domain, s.status, s.targetSystem));

    int added = 0;
    const QList<FieldMapping> defaultFields = defaultFieldMappings();
    for (FieldMapping f : defaultFields) {
        if (haveFields.contains(fieldKey(f.field)))
            continue;
        f.updatedBy = updatedBy;
        if (auto saved = rules.saveFieldMapping(f); !saved)
            return std::unexpected(saved.error());
        ++added;
    }
    // Judged against what existed before this run, so both rows of a
    // status with two defaults (canceled: stage and close tasks) go in.
    const QList<StatusMapping> defaultStatuses = defaultStatusMappings();
    for (StatusMapping s : defaultStatuses) {
        if (haveStatuses.contains(statusKey(s.domain, s.status, s.targetSystem)))
            continue;
        s.updatedBy = updatedBy;
        if (auto saved = rules.saveStatusMapping(s); !saved)
            return std::unexpected(saved.error());
        ++added;
    }
    return added;
}

Result<int> installDefaultMappings(Store::Database &db, const QString &updatedBy, const Clock &clock)
{
    Store::Transaction tx(db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    Store::RulesRepository rules(db, clock);
    auto added = installDefaultMappings(rules, updatedBy);
    if (!added)
        return added; // the guard rolls back
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return added;
}

} // namespace Concord::Sync
