#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/money.h"
#include "services/dashboarddata.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <array>

namespace Concord::Store {
class Database;
}

namespace Concord::Review {

// Where a report's figures come from and when (product.md §11): the store's
// mirror of QuickBooks, as last synced; printed on every report so a reader
// knows how fresh "what QuickBooks says" is.
struct ReportSource {
    QString businessName;           // the QuickBooks company (connection's account label); may be empty
    QString businessTimeZone = QStringLiteral("UTC"); // IANA id; dates and "today" are judged in it
    QDateTime generatedAt;          // UTC
    QDateTime mirrorSyncedAt;       // UTC of the last QuickBooks poll; invalid = never synced
};

// One client's open balance as of a date, aged by due date with the
// dashboard's rule (Services::agingBucketFor: due on the date = current,
// 1–30, 31–60, 61–90, 90+ days past due, upper edges inclusive).
struct AgingClient {
    QString customerId;
    QString displayName;            // the customer id when the customer is unknown
    std::array<Domain::Money, Services::kAgingBucketCount> buckets; // index = int(AgingBucket)
    Domain::Money balance;          // sum of the buckets
    Domain::Money overdue;          // the buckets past due (all but Current)
    int openInvoices = 0;
    QDate oldestOverdueDueDate;     // invalid when nothing is past due
    int daysOverdue = 0;            // asOf − oldestOverdueDueDate; 0 when nothing is past due
};

// Every client with an open balance in one currency (amounts never mix currencies).
struct AgingCurrency {
    QString currency;
    QList<AgingClient> clients;     // largest balance first, then by name, then id
    std::array<Domain::Money, Services::kAgingBucketCount> totals;
    Domain::Money balance;
    Domain::Money overdue;
    int openInvoices = 0;
};

// Accounts receivable aging as of a date.
//
// Balances: when `asOf` is the business's today or later, each invoice's open
// balance is QuickBooks' own (the mirror's balance), every open invoice
// counts, and the totals are what QuickBooks shows as open now. For a past
// date the balance is rebuilt: invoices dated after `asOf` are left out, and
// payments dated after `asOf` are added back to the invoices they paid.
// Voided invoices carry nothing; an invoice with a credit memo or refund
// receipt is "refunded" in the mirror and, as on the dashboard, carries no
// open balance either (QuickBooks' A/R may still show a remainder on a
// partial credit: the reconciliation review lists those).
struct AgingReport {
    QDate asOf;
    bool asOfToday = false;         // balances are the live ones (asOf ≥ the business's today)
    ReportSource source;
    QList<AgingCurrency> currencies; // by currency code

    [[nodiscard]] const AgingCurrency *currency(const QString &code) const;
};

// Reads the aging report from an open store with one query over the open
// invoices (plus one over later payments for a past date). `asOf` invalid =
// the business's today at `clock`'s now. Thread affinity: the thread that owns `db`.
[[nodiscard]] Result<AgingReport> collectAgingReport(Store::Database &db, const Clock &clock,
                                                     const QString &businessTimeZone, QDate asOf = {});

// The business's calendar date at `nowUtc` in `zoneId` (invalid/empty zone = UTC).
[[nodiscard]] QDate businessDate(const QDateTime &nowUtc, const QString &zoneId);
// Fills businessName and mirrorSyncedAt from the store.
[[nodiscard]] Result<ReportSource> readReportSource(Store::Database &db, const Clock &clock,
                                                    const QString &businessTimeZone);

// Serializers (stable output: keys sorted, amounts as decimal strings such as
// "1234.50" under their section's "currency", never floating point).
[[nodiscard]] QByteArray agingReportToJson(const AgingReport &report);
// RFC 4180 (CRLF, quoted where needed), one table with a header row: one
// "client" row per client and currency and one "total" row per currency.
[[nodiscard]] QByteArray agingReportToCsv(const AgingReport &report);

// One RFC 4180 record (fields quoted when they hold a comma, quote, CR or LF),
// CRLF-terminated. Shared by the report serializers.
[[nodiscard]] QByteArray csvRecord(const QStringList &fields);
// Bucket captions as reports print them: "Current", "1–30", "31–60", "61–90", "90+".
[[nodiscard]] QString agingBucketCaption(Services::AgingBucket bucket);

} // namespace Concord::Review

Q_DECLARE_METATYPE(Concord::Review::AgingReport)
