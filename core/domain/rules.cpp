#include "domain/rules.h"

#include "domain/enumnames_p.h"

using namespace Qt::StringLiterals;

namespace Concord::Domain {

namespace {

constexpr Internal::EnumNameTable<StatusDomain, 2> statusDomainNames { {
    { StatusDomain::Appointment, "appointment"_L1 },
    { StatusDomain::Money, "money"_L1 },
} };

constexpr Internal::EnumNameTable<StatusAction, 4> statusActionNames { {
    { StatusAction::None, "none"_L1 },
    { StatusAction::DealStage, "deal_stage"_L1 },
    { StatusAction::CreateTask, "create_task"_L1 },
    { StatusAction::CloseTasks, "close_tasks"_L1 },
} };

constexpr Internal::EnumNameTable<InvoiceMode, 2> invoiceModeNames { {
    { InvoiceMode::PerSession, "per_session"_L1 },
    { InvoiceMode::MonthlySummary, "monthly_summary"_L1 },
} };

constexpr Internal::EnumNameTable<MonthlyGrouping, 2> monthlyGroupingNames { {
    { MonthlyGrouping::PerClient, "per_client"_L1 },
    { MonthlyGrouping::PerService, "per_service"_L1 },
} };

constexpr Internal::EnumNameTable<CancellationPolicy, 3> cancellationPolicyNames { {
    { CancellationPolicy::VoidOrCredit, "void_or_credit"_L1 },
    { CancellationPolicy::Refund, "refund"_L1 },
    { CancellationPolicy::LateFee, "late_fee"_L1 },
} };

constexpr Internal::EnumNameTable<BookingBlockAction, 2> bookingBlockActionNames { {
    { BookingBlockAction::Decline, "decline"_L1 },
    { BookingBlockAction::Hold, "hold"_L1 },
} };

} // namespace

QString toString(StatusDomain domain)
{
    return Internal::enumToString(statusDomainNames, domain);
}

Result<StatusDomain> parseStatusDomain(const QString &text)
{
    return Internal::parseEnum(statusDomainNames, text, "status domain"_L1);
}

QString toString(StatusAction action)
{
    return Internal::enumToString(statusActionNames, action);
}

Result<StatusAction> parseStatusAction(const QString &text)
{
    return Internal::parseEnum(statusActionNames, text, "status action"_L1);
}

QString toString(InvoiceMode v)
{
    return Internal::enumToString(invoiceModeNames, v);
}

QString toString(MonthlyGrouping v)
{
    return Internal::enumToString(monthlyGroupingNames, v);
}

QString toString(CancellationPolicy v)
{
    return Internal::enumToString(cancellationPolicyNames, v);
}

QString toString(BookingBlockAction v)
{
    return Internal::enumToString(bookingBlockActionNames, v);
}

Result<InvoiceMode> parseInvoiceMode(const QString &text)
{
    return Internal::parseEnum(invoiceModeNames, text, "invoice mode"_L1);
}

Result<MonthlyGrouping> parseMonthlyGrouping(const QString &text)
{
    return Internal::parseEnum(monthlyGroupingNames, text, "monthly grouping"_L1);
}

Result<CancellationPolicy> parseCancellationPolicy(const QString &text)
{
    return Internal::parseEnum(cancellationPolicyNames, text, "cancellation policy"_L1);
}

Result<BookingBlockAction> parseBookingBlockAction(const QString &text)
{
    return Internal::parseEnum(bookingBlockActionNames, text, "booking block action"_L1);
}

} // namespace Concord::Domain
