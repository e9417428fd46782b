#pragma once

#include "review/agingreport.h"

namespace Concord::Review {

// A client with a past-due balance on the report's balance date.
struct OverdueClient {
    QString customerId;
    QString displayName;
    QDate oldestDueDate;            // due date of the oldest past-due invoice
    int daysOverdue = 0;            // balance date − oldestDueDate
    Domain::Money overdue;          // the past-due part
    Domain::Money balance;          // everything the client owes (past due or not)
    int openInvoices = 0;
};

// One currency's figures for the month. Amounts never mix currencies.
struct MonthlyCurrency {
    QString currency;
    // QuickBooks invoices dated in the month (TxnDate), voided ones left out.
    // Invoices are counted at their full total: a later credit memo does not
    // shrink the month's invoicing, it is shown as `credited` in the month it
    // is dated, and netInvoiced = invoiced − credited.
    Domain::Money invoiced;
    int invoiceCount = 0;
    Domain::Money credited;         // credit memos dated in the month
    Domain::Money netInvoiced;
    // Payments received in the month (TxnDate), their full amount including
    // any part not yet applied to an invoice. Refund receipts are money paid
    // back: shown as `refunded`, netCollected = collected − refunded.
    Domain::Money collected;
    int paymentCount = 0;
    Domain::Money refunded;
    Domain::Money netCollected;
    // Open balance on the report's balance date (see MonthlyReport) and its past-due part.
    Domain::Money outstanding;
    Domain::Money overdue;
    QList<OverdueClient> overdueClients; // most days overdue first, then largest past-due amount
};

// The monthly report (product.md §11) for one calendar month. Dates are
// QuickBooks transaction dates, which are calendar dates in the business's
// books: the month is [periodStart, periodEnd] by those dates, with no zone
// arithmetic; the business zone decides "today" (is this the current month,
// what is overdue now) and prints generatedAt.
struct MonthlyReport {
    QDate periodStart;              // first day of the month
    QDate periodEnd;                // last day of the month
    // The date outstanding and overdue are judged on: the month's last day
    // for a past month; the business's today for the current month
    // (balancesAsOfToday, the live QuickBooks balances).
    QDate balancesAsOf;
    bool balancesAsOfToday = false;
    ReportSource source;
    QList<MonthlyCurrency> currencies; // by currency code; empty when the month has nothing

    [[nodiscard]] const MonthlyCurrency *currency(const QString &code) const;
    [[nodiscard]] QString monthText() const { return periodStart.toString(QStringLiteral("yyyy-MM")); }
};

// "2026-03" → 1 March 2026; InvalidArgument naming the text otherwise.
[[nodiscard]] Result<QDate> parseReportMonth(QStringView text);

// Reads the monthly report for the month starting `month` (any day of it is
// accepted) from an open store. A month after the business's current one is
// InvalidArgument. Thread affinity: the thread that owns `db`.
[[nodiscard]] Result<MonthlyReport> collectMonthlyReport(Store::Database &db, const Clock &clock,
                                                         const QString &businessTimeZone, QDate month);
// The same, also handing back the aging report on the balance date the monthly
// figures used (one read of the open balances serves both).
[[nodiscard]] Result<std::pair<MonthlyReport, AgingReport>>
collectMonthlyAndAging(Store::Database &db, const Clock &clock, const QString &businessTimeZone, QDate month);

// JSON: keys sorted, amounts as decimal strings with their section's currency.
[[nodiscard]] QByteArray monthlyReportToJson(const MonthlyReport &report);
// CSV (RFC 4180): one table with a header row; a "total" row per currency
// and an "overdue_client" row per overdue client and currency.
[[nodiscard]] QByteArray monthlyReportToCsv(const MonthlyReport &report);

} // namespace Concord::Review

Q_DECLARE_METATYPE(Concord::Review::MonthlyReport)
