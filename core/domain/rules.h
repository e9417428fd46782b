#pragma once

#include "domain/system.h"

#include <QDateTime>
#include <QString>

namespace Concord::Domain {

// How one field is carried between systems. Exactly one system is
// authoritative for a field; Concord never writes a field into its own
// authority from elsewhere.
struct FieldMapping {
    qint64 id = 0;
    QString field;              // canonical field: "email", "timezone", "staff_owner", …
    System sourceSystem = System::CalCom;
    System targetSystem = System::HubSpot;
    QString sourcePath;         // e.g. "attendees[0].timeZone"
    QString targetPath;         // e.g. "properties.hs_timezone"
    QString transform;          // named transform: "identity", "e164", "minutes_to_hours", …
    System authoritativeSystem = System::CalCom;
    bool enabled = true;
    int version = 1;            // optimistic concurrency for concurrent editors
    QString updatedBy;
    QDateTime updatedAt;
};

// What a status means in another system (e.g. booked → HubSpot deal stage
// "appointmentscheduled"; overdue → a follow-up task for the owner).
enum class StatusDomain { Appointment, Money };
[[nodiscard]] QString toString(StatusDomain domain);
[[nodiscard]] Result<StatusDomain> parseStatusDomain(const QString &text);

enum class StatusAction { None, DealStage, CreateTask, CloseTasks };
[[nodiscard]] QString toString(StatusAction action);
[[nodiscard]] Result<StatusAction> parseStatusAction(const QString &text);

struct StatusMapping {
    qint64 id = 0;
    StatusDomain domain = StatusDomain::Appointment;
    QString status;             // toString(AppointmentStatus|MoneyStatus)
    System targetSystem = System::HubSpot;
    StatusAction action = StatusAction::None;
    QString targetValue;        // deal stage id, task subject template, …
    int version = 1;
    QString updatedBy;
    QDateTime updatedAt;
};

// Tax code chosen by rule (QuickBooks computes the amount). The most specific
// matching rule wins: customer > service+location > service > location > default;
// `priority` breaks ties (higher first).
struct TaxRule {
    qint64 id = 0;
    qint64 serviceId = 0;       // 0 = any
    QString location;           // empty = any
    QString customerId;         // empty = any
    QString taxCode;            // QuickBooks TaxCode id
    int priority = 0;
    bool enabled = true;
    int version = 1;
    QString updatedBy;
    QDateTime updatedAt;
};

// A discount chosen by rule: a percentage (basis points, 1000 = 10 %) or a
// fixed amount, applied as a QuickBooks discount line.
struct DiscountRule {
    qint64 id = 0;
    qint64 serviceId = 0;
    QString location;
    QString customerId;
    int percentBasisPoints = 0;
    qint64 amountMinor = 0;
    QString currency = QStringLiteral("USD");
    QString description;
    int priority = 0;
    bool enabled = true;
    int version = 1;
    QString updatedBy;
    QDateTime updatedAt;
};

enum class InvoiceMode { PerSession, MonthlySummary };
enum class MonthlyGrouping { PerClient, PerService };
enum class CancellationPolicy { VoidOrCredit, Refund, LateFee };
enum class BookingBlockAction { Decline, Hold };
[[nodiscard]] QString toString(InvoiceMode v);
[[nodiscard]] QString toString(MonthlyGrouping v);
[[nodiscard]] QString toString(CancellationPolicy v);
[[nodiscard]] QString toString(BookingBlockAction v);
[[nodiscard]] Result<InvoiceMode> parseInvoiceMode(const QString &text);
[[nodiscard]] Result<MonthlyGrouping> parseMonthlyGrouping(const QString &text);
[[nodiscard]] Result<CancellationPolicy> parseCancellationPolicy(const QString &text);
[[nodiscard]] Result<BookingBlockAction> parseBookingBlockAction(const QString &text);

// Invoice policy for a scope: the default (no service, no customer), one
// service, or one customer (customer beats service beats default).
struct InvoicePolicy {
    qint64 id = 0;
    qint64 serviceId = 0;       // 0 = any
    QString customerId;         // empty = any
    InvoiceMode mode = InvoiceMode::PerSession;
    MonthlyGrouping grouping = MonthlyGrouping::PerClient;
    int depositBasisPoints = 0;         // share taken as deposit, 0 = none
    int paymentTermDays = 7;
    CancellationPolicy cancellation = CancellationPolicy::VoidOrCredit;
    int lateCancelWindowHours = 24;
    qint64 lateFeeMinor = 0;
    qint64 blockThresholdMinor = 0;     // overdue balance above which bookings are blocked; 0 = never
    BookingBlockAction blockAction = BookingBlockAction::Hold;
    QString currency = QStringLiteral("USD");
    int version = 1;
    QString updatedBy;
    QDateTime updatedAt;
};

} // namespace Concord::Domain
