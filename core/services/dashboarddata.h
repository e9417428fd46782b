#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/money.h"
#include "domain/operations.h"
#include "services/storestatus.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <array>
#include <optional>

namespace Concord::Store {
class Database;
}

namespace Concord::Services {

// How long an open invoice is past its due date, as of the business's today
// (product.md §11). An invoice due today, or without a due date, is Current;
// one day past is Days1To30; the edges are inclusive at the top (30 days past
// is Days1To30, 31 is Days31To60, 90 is Days61To90, 91 is Over90).
enum class AgingBucket { Current, Days1To30, Days31To60, Days61To90, Over90 };
inline constexpr int kAgingBucketCount = 5;
// The bucket of an invoice `daysPastDue` days past its due date (≤ 0 = Current).
[[nodiscard]] AgingBucket agingBucketFor(qint64 daysPastDue);

// One client with an open balance, or with an open booking block (then
// possibly with nothing outstanding any more: the block stays until a person
// releases it). Amounts are QuickBooks' open balances in the dashboard's
// currency; voided and refunded invoices carry none.
struct ClientBalance {
    QString customerId;
    QString displayName;            // the customer id when the customer is unknown
    Domain::Money outstanding;      // sum of open balances
    Domain::Money overdue;          // the part past its due date
    int openInvoices = 0;
    QDate oldestOverdueDueDate;     // due date of the oldest overdue invoice; invalid when none is overdue
    int daysOverdue = 0;            // today − oldestOverdueDueDate in days; 0 when none is overdue
    // Open balance per AgingBucket (index = int(bucket)).
    std::array<Domain::Money, kAgingBucketCount> aging;
    // An open "booking_block" flag (sync_flags subject "customer/<id>"):
    // new bookings are declined or held in the scheduler.
    bool blocked = false;
    QString blockReason;            // the flag's message, in words
    QDateTime lastBlockedAt;        // UTC; the flag is raised again on every booking it blocks

    [[nodiscard]] bool isOverdue() const { return overdue.minorUnits() > 0; }
};

// Invoiced and collected in one calendar month (by transaction date).
struct MonthTotals {
    QDate month;                    // the first day of the month
    Domain::Money invoiced;         // invoice totals dated in the month (voided invoices left out)
    Domain::Money collected;        // payments received in the month
};

// Everything the balance dashboard shows, as one value sent from the sync
// thread to the GUI (product.md §11 plus sync health, §6 and §7).
struct DashboardData {
    QString currency = QStringLiteral("USD");
    QDateTime asOf;                 // UTC instant the snapshot was read
    QDate today;                    // the business's date at asOf (aging and "overdue" are judged on it)

    // Clients with an open balance or a booking block: largest outstanding
    // first, then by name.
    QList<ClientBalance> clients;
    Domain::Money outstanding;      // total of every client's outstanding
    Domain::Money overdue;          // total past due
    int openInvoices = 0;
    int overdueClients = 0;         // clients with an overdue amount > 0
    int blockedClients = 0;
    // Open balance per AgingBucket over all clients (index = int(bucket)).
    std::array<Domain::Money, kAgingBucketCount> aging;
    // Invoices with an open balance in another currency: not in the figures above.
    int otherCurrencyOpenInvoices = 0;

    // The last 12 calendar months, oldest first, ending with today's month;
    // a month without invoices or payments is there with zeros.
    QList<MonthTotals> months;

    // Sync health: latency p50/p95 per kind against its target, the outbox
    // counts and the connections (collectStatus()).
    StoreStatus sync;

    // Anything to chart: an open invoice, or an invoice or payment in the 12 months.
    [[nodiscard]] bool hasInvoicesOrPayments() const;
};

// The months the dashboard charts: 12, oldest first, ending with `today`'s month.
inline constexpr int kDashboardMonths = 12;

// Reads the dashboard from an open store with a handful of aggregate queries
// (one per figure, never one per client), as of `clock`'s now in the
// business time zone `businessTimeZone` (IANA id; invalid or empty = UTC).
// Only invoices and payments in `currency` count; the others are counted in
// otherCurrencyOpenInvoices. Thread affinity: the thread that owns `db`.
[[nodiscard]] Result<DashboardData> collectDashboard(Store::Database &db, const Clock &clock,
                                                     const QString &currency = QStringLiteral("USD"),
                                                     const QString &businessTimeZone = QStringLiteral("UTC"));

// QuickBooks refresh tokens roll every 100 days (product.md §7): the expiry
// assumed from the issue time when the store does not record one.
inline constexpr int kQuickBooksRefreshTokenDays = 100;

// When the connection's long-lived credential (the refresh token) expires:
// refreshExpiresAt when known; for QuickBooks otherwise refreshIssuedAt + 100
// days; invalid when unknown (HubSpot refresh tokens do not expire, Cal.com
// API keys have no expiry Concord knows).
[[nodiscard]] QDateTime tokenExpiresAt(const Domain::Connection &connection);
// Whole days from `nowUtc` until tokenExpiresAt(), rounded toward the past
// (13 days 23 h → 13; 0 = expires within a day; −1 = expired within the last
// day); nullopt when unknown.
[[nodiscard]] std::optional<qint64> tokenDaysLeft(const Domain::Connection &connection, const QDateTime &nowUtc);

} // namespace Concord::Services

Q_DECLARE_METATYPE(Concord::Services::DashboardData)
