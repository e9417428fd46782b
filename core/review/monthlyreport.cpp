#include "review/monthlyreport.h"

#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Concord::Review {

using Domain::Money;

namespace {

// Sums of one kind per currency for the month: currency → (minor units, count).
using Sums = QMap<QString, std::pair<qint64, int>>;

Result<Sums> sumsByCurrency(Store::Database &db, const QString &sql, const QVariantList &binds)
{
    auto rows = db.select<std::tuple<QString, qint64, int>>(sql, binds, [](const QSqlQuery &q) {
        return std::tuple{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toInt()};
    });
    if (!rows)
        return std::unexpected(rows.error());
    Sums sums;
    for (const auto &[currency, minor, count] : std::as_const(*rows))
        sums.insert(currency, {minor, count});
    return sums;
}

QJsonValue dateJson(const QDate &d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue instantJson(const QDateTime &utc)
{
    return utc.isValid() ? QJsonValue(utc.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

} // namespace

const MonthlyCurrency *MonthlyReport::currency(const QString &code) const
{
    for (const MonthlyCurrency &c : currencies)
        if (c.currency == code)
            return &c;
    return nullptr;
}

Result<QDate> parseReportMonth(QStringView text)
{
    static const QRegularExpression shape(u"^(\\d{4})-(\\d{2})$"_s);
    const auto m = shape.match(text.trimmed().toString());
    const QDate first = m.hasMatch() ? QDate(m.captured(1).toInt(), m.captured(2).toInt(), 1) : QDate();
    if (!first.isValid()) {
        return std::unexpected(Error::make(ErrorCode::InvalidArgument,
                                           u"'%1' is not a month: expected YYYY-MM, e.g. 2026-03"_s.arg(text)));
    }
    return first;
}

Result<std::pair<MonthlyReport, AgingReport>> collectMonthlyAndAging(Store::Database &db, const Clock &clock,
                                                                     const QString &businessTimeZone, QDate month)
{
    if (!month.isValid())
        return std::unexpected(Error::make(ErrorCode::InvalidArgument, u"no month given for the report"_s));
    MonthlyReport report;
    report.periodStart = QDate(month.year(), month.month(), 1);
    report.periodEnd = report.periodStart.addMonths(1).addDays(-1);
    const QDate today = businessDate(clock.nowUtc(), businessTimeZone);
    if (report.periodStart > today) {
        return std::unexpected(Error::make(
            ErrorCode::InvalidArgument,
            u"%1 has not begun yet (today is %2)"_s.arg(report.monthText(), today.toString(Qt::ISODate))));
    }
    report.balancesAsOfToday = report.periodEnd >= today;
    report.balancesAsOf = report.balancesAsOfToday ? today : report.periodEnd;

    auto aging = collectAgingReport(db, clock, businessTimeZone, report.balancesAsOf);
    if (!aging)
        return std::unexpected(aging.error());
    report.source = aging->source;

    // Transaction dates are ISO text: the month is a half-open string range.
    const QVariantList range{Store::Sql::fromDate(report.periodStart),
                             Store::Sql::fromDate(report.periodStart.addMonths(1))};
    auto invoiced = sumsByCurrency(db,
                                   u"SELECT currency, CAST(SUM(total_minor) AS BIGINT), COUNT(*) FROM invoices "
                                   "WHERE status <> 'voided' AND txn_date >= ? AND txn_date < ? GROUP BY currency"_s,
                                   range);
    if (!invoiced)
        return std::unexpected(invoiced.error());
    auto collected = sumsByCurrency(db,
                                    u"SELECT currency, CAST(SUM(amount_minor) AS BIGINT), COUNT(*) FROM payments "
                                    "WHERE txn_date >= ? AND txn_date < ? GROUP BY currency"_s,
                                    range);
    if (!collected)
        return std::unexpected(collected.error());
    const QString creditSql = u"SELECT currency, CAST(SUM(amount_minor) AS BIGINT), COUNT(*) FROM credits "
                              "WHERE kind = ? AND txn_date >= ? AND txn_date < ? GROUP BY currency"_s;
    auto credited = sumsByCurrency(db, creditSql, QVariantList{u"credit_memo"_s} + range);
    if (!credited)
        return std::unexpected(credited.error());
    auto refunded = sumsByCurrency(db, creditSql, QVariantList{u"refund_receipt"_s} + range);
    if (!refunded)
        return std::unexpected(refunded.error());

    QStringList codes;
    for (const Sums *s : {&*invoiced, &*collected, &*credited, &*refunded})
        codes += s->keys();
    for (const AgingCurrency &c : std::as_const(aging->currencies))
        codes << c.currency;
    codes.removeDuplicates();
    std::sort(codes.begin(), codes.end());

    for (const QString &code : std::as_const(codes)) {
        auto zero = Money::fromMinor(0, code);
        if (!zero) {
            return std::unexpected(Error::make(ErrorCode::Integrity,
                                               u"a record in the store has the currency code '%1'"_s.arg(code)));
        }
        const auto money = [&code](qint64 minor) { return Money::fromMinor(minor, code).value_or(Money()); };
        MonthlyCurrency c;
        c.currency = code;
        c.invoiced = money(invoiced->value(code).first);
        c.invoiceCount = invoiced->value(code).second;
        c.credited = money(credited->value(code).first);
        c.collected = money(collected->value(code).first);
        c.paymentCount = collected->value(code).second;
        c.refunded = money(refunded->value(code).first);
        auto netInvoiced = c.invoiced.subtract(c.credited);
        auto netCollected = c.collected.subtract(c.refunded);
        if (!netInvoiced || !netCollected)
            return std::unexpected(!netInvoiced ? netInvoiced.error() : netCollected.error());
        c.netInvoiced = *netInvoiced;
        c.netCollected = *netCollected;
        c.outstanding = *zero;
        c.overdue = *zero;
        if (const AgingCurrency *a = aging->currency(code)) {
            c.outstanding = a->balance;
            c.overdue = a->overdue;
            for (const AgingClient &client : a->clients) {
                if (!client.overdue.isNegative() && !client.overdue.isZero()) {
                    c.overdueClients.append(OverdueClient{client.customerId, client.displayName,
                                                          client.oldestOverdueDueDate, client.daysOverdue,
                                                          client.overdue, client.balance, client.openInvoices});
                }
            }
            std::sort(c.overdueClients.begin(), c.overdueClients.end(),
                      [](const OverdueClient &a, const OverdueClient &b) {
                          if (a.daysOverdue != b.daysOverdue)
                              return a.daysOverdue > b.daysOverdue;
                          if (a.overdue.minorUnits() != b.overdue.minorUnits())
                              return a.overdue.minorUnits() > b.overdue.minorUnits();
                          if (const int n = a.displayName.compare(b.displayName, Qt::CaseInsensitive); n != 0)
                              return n < 0;
                          return a.customerId < b.customerId;
                      });
        }
        report.currencies.append(std::move(c));
    }
    return std::pair{std::move(report), std::move(*aging)};
}

Result<MonthlyReport> collectMonthlyReport(Store::Database &db, const Clock &clock, const QString &businessTimeZone,
                                           QDate month)
{
    auto both = collectMonthlyAndAging(db, clock, businessTimeZone, month);
    if (!both)
        return std::unexpected(both.error());
    return std::move(both->first);
}

QByteArray monthlyReportToJson(const MonthlyReport &report)
{
    QJsonArray currencies;
    for (const MonthlyCurrency &c : report.currencies) {
        QJsonArray overdue;
        for (const OverdueClient &o : c.overdueClients) {
            overdue.append(QJsonObject{{u"customerId"_s, o.customerId},
                                       {u"name"_s, o.displayName},
                                       {u"oldestDueDate"_s, dateJson(o.oldestDueDate)},
                                       {u"daysOverdue"_s, o.daysOverdue},
                                       {u"overdue"_s, o.overdue.toDecimalString()},
                                       {u"balance"_s, o.balance.toDecimalString()},
                                       {u"openInvoices"_s, o.openInvoices}});
        }
        currencies.append(QJsonObject{{u"currency"_s, c.currency},
                                      {u"invoiced"_s, c.invoiced.toDecimalString()},
                                      {u"invoiceCount"_s, c.invoiceCount},
                                      {u"credited"_s, c.credited.toDecimalString()},
                                      {u"netInvoiced"_s, c.netInvoiced.toDecimalString()},
                                      {u"collected"_s, c.collected.toDecimalString()},
                                      {u"paymentCount"_s, c.paymentCount},
                                      {u"refunded"_s, c.refunded.toDecimalString()},
                                      {u"netCollected"_s, c.netCollected.toDecimalString()},
                                      {u"outstanding"_s, c.outstanding.toDecimalString()},
                                      {u"overdue"_s, c.overdue.toDecimalString()},
                                      {u"overdueClients"_s, overdue}});
    }
    const QJsonObject root{{u"report"_s, u"monthly"_s},
                           {u"month"_s, report.monthText()},
                           {u"periodStart"_s, dateJson(report.periodStart)},
                           {u"periodEnd"_s, dateJson(report.periodEnd)},
                           {u"balancesAsOf"_s, dateJson(report.balancesAsOf)},
                           {u"balancesAsOfToday"_s, report.balancesAsOfToday},
                           {u"businessName"_s, report.source.businessName},
                           {u"businessTimeZone"_s, report.source.businessTimeZone},
                           {u"generatedAt"_s, instantJson(report.source.generatedAt)},
                           {u"mirrorSyncedAt"_s, instantJson(report.source.mirrorSyncedAt)},
                           {u"currencies"_s, currencies}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray monthlyReportToCsv(const MonthlyReport &report)
{
    QByteArray out = csvRecord({u"record"_s, u"month"_s, u"balances_as_of"_s, u"currency"_s, u"customer_id"_s,
                                u"customer"_s, u"invoiced"_s, u"credited"_s, u"net_invoiced"_s, u"collected"_s,
                                u"refunded"_s, u"net_collected"_s, u"outstanding"_s, u"overdue"_s,
                                u"open_invoices"_s, u"oldest_due_date"_s, u"days_overdue"_s});
    const QString month = report.monthText();
    const QString asOf = report.balancesAsOf.toString(Qt::ISODate);
    for (const MonthlyCurrency &c : report.currencies) {
        out += csvRecord({u"total"_s, month, asOf, c.currency, QString(), QString(), c.invoiced.toDecimalString(),
                          c.credited.toDecimalString(), c.netInvoiced.toDecimalString(),
                          c.collected.toDecimalString(), c.refunded.toDecimalString(),
                          c.netCollected.toDecimalString(), c.outstanding.toDecimalString(),
                          c.overdue.toDecimalString(), QString(), QString(), QString()});
        for (const OverdueClient &o : c.overdueClients) {
            out += csvRecord({u"overdue_client"_s, month, asOf, c.currency, o.customerId, o.displayName, QString(),
                              QString(), QString(), QString(), QString(), QString(), o.balance.toDecimalString(),
                              o.overdue.toDecimalString(), QString::number(o.openInvoices),
                              o.oldestDueDate.toString(Qt::ISODate), QString::number(o.daysOverdue)});
        }
    }
    return out;
}

} // namespace Concord::Review
