#include "review/agingreport.h"

#include "store/database.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSqlQuery>
#include <QTimeZone>
#include <QtNumeric>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Concord::Review {

using Domain::Money;
using Services::AgingBucket;
using Services::kAgingBucketCount;

namespace {

Money money(qint64 minor, const QString &currency)
{
    return Money::fromMinor(minor, currency).value_or(Money());
}

QJsonValue instantJson(const QDateTime &utc)
{
    return utc.isValid() ? QJsonValue(utc.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue dateJson(const QDate &d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

const std::array<QString, kAgingBucketCount> kBucketKeys = {u"current"_s, u"days1To30"_s, u"days31To60"_s,
                                                             u"days61To90"_s, u"daysOver90"_s};

} // namespace

const AgingCurrency *AgingReport::currency(const QString &code) const
{
    for (const AgingCurrency &c : currencies)
        if (c.currency == code)
            return &c;
    return nullptr;
}

QDate businessDate(const QDateTime &nowUtc, const QString &zoneId)
{
    const QTimeZone zone(zoneId.toUtf8());
    return zone.isValid() ? nowUtc.toTimeZone(zone).date() : nowUtc.toUTC().date();
}

Result<ReportSource> readReportSource(Store::Database &db, const Clock &clock, const QString &businessTimeZone)
{
    ReportSource s;
    s.businessTimeZone = QTimeZone(businessTimeZone.toUtf8()).isValid() ? businessTimeZone : u"UTC"_s;
    s.generatedAt = clock.nowUtc();
    // The last QuickBooks poll moved a cursor: that is when the mirror last
    // agreed with QuickBooks (webhooks only ever trigger a poll).
    auto synced = db.scalar(u"SELECT MAX(updated_at) FROM sync_cursors WHERE system = ?"_s, {u"quickbooks"_s});
    if (!synced && synced.error().code != ErrorCode::NotFound)
        return std::unexpected(synced.error());
    if (synced)
        s.mirrorSyncedAt = Store::Sql::toDateTime(*synced);
    auto label = db.scalar(u"SELECT account_label FROM connections WHERE system = ?"_s, {u"quickbooks"_s});
    if (!label && label.error().code != ErrorCode::NotFound)
        return std::unexpected(label.error());
    if (label)
        s.businessName = label->toString();
    return s;
}

Result<AgingReport> collectAgingReport(Store::Database &db, const Clock &clock, const QString &businessTimeZone,
                                       QDate asOf)
{
    auto source = readReportSource(db, clock, businessTimeZone);
    if (!source)
        return std::unexpected(source.error());
    AgingReport report;
    report.source = std::move(*source);
    const QDate today = businessDate(report.source.generatedAt, report.source.businessTimeZone);
    report.asOf = asOf.isValid() ? asOf : today;
    report.asOfToday = report.asOf >= today;

    // One row per open invoice. Bucketing happens here with the dashboard's
    // agingBucketFor (one rule for "how late"), not in SQL: date arithmetic
    // is where SQLite and PostgreSQL differ, and dates are ISO text, so the
    // only SQL date logic is string comparison.
    struct Row {
        QString currency;
        QString customerId;
        QString displayName;
        QDate dueDate;
        qint64 balance = 0;
    };
    const auto map = [](const QSqlQuery &q) {
        return Row{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                   Store::Sql::toDate(q.value(3)), q.value(4).toLongLong()};
    };
    Result<QList<Row>> rows;
    if (report.asOfToday) {
        rows = db.select<Row>(u"SELECT i.currency, i.customer_id, c.display_name, i.due_date, i.balance_minor "
                              "FROM invoices i LEFT JOIN customers c ON c.id = i.customer_id "
                              "WHERE i.balance_minor <> 0 AND i.status NOT IN ('voided','refunded')"_s,
                              {}, map);
    } else {
        // Balance then = balance now + what payments dated after asOf took
        // off it. An invoice paid in full since then is open again here.
        const QVariant asOfText = Store::Sql::fromDate(report.asOf);
        rows = db.select<Row>(
            u"SELECT i.currency, i.customer_id, c.display_name, i.due_date, "
            "i.balance_minor + COALESCE(later.amount, 0) "
            "FROM invoices i "
            "LEFT JOIN (SELECT pa.invoice_id AS invoice_id, CAST(SUM(pa.amount_minor) AS BIGINT) AS amount "
            "           FROM payment_applications pa JOIN payments p ON p.id = pa.payment_id "
            "           WHERE p.txn_date > ? GROUP BY pa.invoice_id) later ON later.invoice_id = i.id "
            "LEFT JOIN customers c ON c.id = i.customer_id "
            "WHERE i.status NOT IN ('voided','refunded') AND (i.txn_date IS NULL OR i.txn_date <= ?) "
            "AND (i.balance_minor <> 0 OR later.amount IS NOT NULL)"_s,
            {asOfText, asOfText}, map);
    }
    if (!rows)
        return std::unexpected(rows.error());

    struct Acc {
        QString customerId;
        QString displayName;
        std::array<qint64, kAgingBucketCount> buckets{};
        int open = 0;
        QDate oldestOverdue;
    };
    // currency → (customer → accumulator); QMap keeps currencies in code order.
    QMap<QString, QHash<QString, Acc>> perCurrency;
    for (const Row &row : std::as_const(*rows)) {
        if (row.balance == 0)
            continue;
        Acc &acc = perCurrency[row.currency][row.customerId];
        if (acc.customerId.isEmpty()) {
            acc.customerId = row.customerId;
            acc.displayName = row.displayName.isEmpty() ? row.customerId : row.displayName;
        }
        // No due date: not yet due (as BillingRepository::balances and the dashboard count it).
        const qint64 late = row.dueDate.isValid() ? row.dueDate.daysTo(report.asOf) : 0;
        const AgingBucket bucket = Services::agingBucketFor(late);
        if (qAddOverflow(acc.buckets.at(int(bucket)), row.balance, &acc.buckets[int(bucket)])) {
            return std::unexpected(Error::make(ErrorCode::InvalidArgument,
                                               u"the %1 balances overflow 64-bit minor units"_s.arg(row.currency)));
        }
        ++acc.open;
        if (bucket != AgingBucket::Current && (!acc.oldestOverdue.isValid() || row.dueDate < acc.oldestOverdue))
            acc.oldestOverdue = row.dueDate;
    }

    for (auto cur = perCurrency.cbegin(); cur != perCurrency.cend(); ++cur) {
        const QString &code = cur.key();
        if (!Money::fromMinor(0, code)) {
            return std::unexpected(Error::make(ErrorCode::Integrity,
                                               u"an invoice in the store has the currency code '%1'"_s.arg(code)));
        }
        AgingCurrency section;
        section.currency = code;
        std::array<qint64, kAgingBucketCount> totals{};
        qint64 balance = 0;
        qint64 overdue = 0;
        const auto overflow = [&code] {
            return Error::make(ErrorCode::InvalidArgument, u"the %1 totals overflow 64-bit minor units"_s.arg(code));
        };
        section.clients.reserve(cur->size());
        for (const Acc &acc : *cur) {
            AgingClient c;
            c.customerId = acc.customerId;
            c.displayName = acc.displayName;
            qint64 clientBalance = 0;
            qint64 clientOverdue = 0;
            for (int i = 0; i < kAgingBucketCount; ++i) {
                const qint64 amount = acc.buckets.at(i);
                if (qAddOverflow(clientBalance, amount, &clientBalance)
                    || (i > int(AgingBucket::Current) && qAddOverflow(clientOverdue, amount, &clientOverdue))
                    || qAddOverflow(totals.at(i), amount, &totals[i])) {
                    return std::unexpected(overflow());
                }
                c.buckets[i] = money(amount, code);
            }
            if (qAddOverflow(balance, clientBalance, &balance) || qAddOverflow(overdue, clientOverdue, &overdue))
                return std::unexpected(overflow());
            // A client whose invoices net to zero (a negative balance beside a
            // positive one) owes nothing: left out like a paid-up client.
            if (clientBalance == 0 && clientOverdue == 0)
                continue;
            c.balance = money(clientBalance, code);
            c.overdue = money(clientOverdue, code);
            c.openInvoices = acc.open;
            c.oldestOverdueDueDate = acc.oldestOverdue;
            c.daysOverdue = acc.oldestOverdue.isValid() ? int(acc.oldestOverdue.daysTo(report.asOf)) : 0;
            section.openInvoices += c.openInvoices;
            section.clients.append(std::move(c));
        }
        for (int i = 0; i < kAgingBucketCount; ++i)
            section.totals[i] = money(totals.at(i), code);
        section.balance = money(balance, code);
        section.overdue = money(overdue, code);
        std::sort(section.clients.begin(), section.clients.end(), [](const AgingClient &a, const AgingClient &b) {
            if (a.balance.minorUnits() != b.balance.minorUnits())
                return a.balance.minorUnits() > b.balance.minorUnits();
            if (const int c = a.displayName.compare(b.displayName, Qt::CaseInsensitive); c != 0)
                return c < 0;
            return a.customerId < b.customerId;
        });
        report.currencies.append(std::move(section));
    }
    return report;
}

QString agingBucketCaption(AgingBucket bucket)
{
    switch (bucket) {
    case AgingBucket::Current: return u"Current"_s;
    case AgingBucket::Days1To30: return u"1\u201330"_s;
    case AgingBucket::Days31To60: return u"31\u201360"_s;
    case AgingBucket::Days61To90: return u"61\u201390"_s;
    case AgingBucket::Over90: return u"90+"_s;
    }
    return {};
}

QByteArray csvRecord(const QStringList &fields)
{
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += ',';
        QString f = fields.at(i);
        if (f.contains(u',') || f.contains(u'"') || f.contains(u'\r') || f.contains(u'\n')) {
            f.replace(u"\""_s, u"\"\""_s);
            f = u'"' + f + u'"';
        }
        line += f.toUtf8();
    }
    line += "\r\n";
    return line;
}

QByteArray agingReportToJson(const AgingReport &report)
{
    QJsonArray currencies;
    for (const AgingCurrency &cur : report.currencies) {
        QJsonArray clients;
        for (const AgingClient &c : cur.clients) {
            QJsonObject buckets;
            for (int i = 0; i < kAgingBucketCount; ++i)
                buckets.insert(kBucketKeys.at(i), c.buckets.at(i).toDecimalString());
            clients.append(QJsonObject{{u"customerId"_s, c.customerId},
                                       {u"name"_s, c.displayName},
                                       {u"buckets"_s, buckets},
                                       {u"balance"_s, c.balance.toDecimalString()},
                                       {u"overdue"_s, c.overdue.toDecimalString()},
                                       {u"openInvoices"_s, c.openInvoices},
                                       {u"oldestOverdueDueDate"_s, dateJson(c.oldestOverdueDueDate)},
                                       {u"daysOverdue"_s, c.daysOverdue}});
        }
        QJsonObject totals;
        for (int i = 0; i < kAgingBucketCount; ++i)
            totals.insert(kBucketKeys.at(i), cur.totals.at(i).toDecimalString());
        currencies.append(QJsonObject{{u"currency"_s, cur.currency},
                                      {u"clients"_s, clients},
                                      {u"totals"_s, totals},
                                      {u"balance"_s, cur.balance.toDecimalString()},
                                      {u"overdue"_s, cur.overdue.toDecimalString()},
                                      {u"openInvoices"_s, cur.openInvoices}});
    }
    const QJsonObject root{{u"report"_s, u"aging"_s},
                           {u"asOf"_s, dateJson(report.asOf)},
                           {u"asOfToday"_s, report.asOfToday},
                           {u"businessName"_s, report.source.businessName},
                           {u"businessTimeZone"_s, report.source.businessTimeZone},
                           {u"generatedAt"_s, instantJson(report.source.generatedAt)},
                           {u"mirrorSyncedAt"_s, instantJson(report.source.mirrorSyncedAt)},
                           {u"currencies"_s, currencies}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray agingReportToCsv(const AgingReport &report)
{
    QByteArray out = csvRecord({u"record"_s, u"as_of"_s, u"currency"_s, u"customer_id"_s, u"customer"_s,
                                u"current"_s, u"days_1_30"_s, u"days_31_60"_s, u"days_61_90"_s, u"days_over_90"_s,
                                u"balance"_s, u"overdue"_s, u"open_invoices"_s, u"oldest_overdue_due_date"_s,
                                u"days_overdue"_s});
    const QString asOf = report.asOf.toString(Qt::ISODate);
    for (const AgingCurrency &cur : report.currencies) {
        for (const AgingClient &c : cur.clients) {
            QStringList f{u"client"_s, asOf, cur.currency, c.customerId, c.displayName};
            for (const Money &m : c.buckets)
                f << m.toDecimalString();
            f << c.balance.toDecimalString() << c.overdue.toDecimalString() << QString::number(c.openInvoices)
              << c.oldestOverdueDueDate.toString(Qt::ISODate)
              << (c.oldestOverdueDueDate.isValid() ? QString::number(c.daysOverdue) : QString());
            out += csvRecord(f);
        }
        QStringList f{u"total"_s, asOf, cur.currency, QString(), QString()};
        for (const Money &m : cur.totals)
            f << m.toDecimalString();
        f << cur.balance.toDecimalString() << cur.overdue.toDecimalString() << QString::number(cur.openInvoices)
          << QString() << QString();
        out += csvRecord(f);
    }
    return out;
}

} // namespace Concord::Review
