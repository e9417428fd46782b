#include "store/billingrepository.h"

#include "store/database.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

namespace Concord::Store {

namespace {

const QString kInvoiceColumns =
    u"id, customer_id, quickbooks_id, doc_number, txn_date, due_date, currency, total_minor, balance_minor, "
    "tax_minor, discount_minor, deposit_minor, status, sync_token, invoice_link, remote_updated_at, created_at, "
    "updated_at"_s;

// Stored amounts were validated on the way in; a currency that no longer
// parses means a corrupt row, surfaced as an invalid (currency-less) Money.
Money money(qint64 minor, const QString &currency)
{
    return Money::fromMinor(minor, currency).value_or(Money());
}

Invoice invoiceFromRow(const QSqlQuery &q)
{
    Invoice i;
    i.id = q.value(0).toLongLong();
    i.customerId = q.value(1).toString();
    i.quickbooksId = q.value(2).toString();
    i.docNumber = q.value(3).toString();
    i.txnDate = Sql::toDate(q.value(4));
    i.dueDate = Sql::toDate(q.value(5));
    const QString currency = q.value(6).toString();
    i.total = money(q.value(7).toLongLong(), currency);
    i.balance = money(q.value(8).toLongLong(), currency);
    i.tax = money(q.value(9).toLongLong(), currency);
    i.discount = money(q.value(10).toLongLong(), currency);
    i.deposit = money(q.value(11).toLongLong(), currency);
    i.status = parseMoneyStatus(q.value(12).toString()).value_or(MoneyStatus::Invoiced);
    i.syncToken = q.value(13).toString();
    i.invoiceLink = q.value(14).toString();
    i.remoteUpdatedAt = Sql::toDateTime(q.value(15));
    i.createdAt = Sql::toDateTime(q.value(16));
    i.updatedAt = Sql::toDateTime(q.value(17));
    return i;
}

Status sameCurrency(const QString &currency, std::initializer_list<const Money *> amounts, const QString &what)
{
    for (const Money *m : amounts) {
        if (m->isValid() && m->currency() != currency)
            return fail(ErrorCode::InvalidArgument, u"%1 mixes currencies (%2 and %3)"_s.arg(what, currency, m->currency()));
    }
    return {};
}

} // namespace

BillingRepository::BillingRepository(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

Result<qint64> BillingRepository::saveInvoice(Invoice inv)
{
    if (inv.customerId.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"an invoice needs a customer"_s);
    const QString currency = inv.total.currency();
    if (currency.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"invoice %1 has no currency"_s.arg(inv.docNumber));
    if (auto ok = sameCurrency(currency, {&inv.balance, &inv.tax, &inv.discount, &inv.deposit},
                               u"invoice %1"_s.arg(inv.docNumber));
        !ok) {
        return std::unexpected(ok.error());
    }
    for (const InvoiceLine &line : std::as_const(inv.lines)) {
        if (auto ok = sameCurrency(currency, {&line.rate, &line.amount}, u"invoice %1"_s.arg(inv.docNumber)); !ok)
            return std::unexpected(ok.error());
    }

    Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    if (inv.id == 0 && !inv.quickbooksId.isEmpty()) {
        auto existing = m_db.scalar(u"SELECT id FROM invoices WHERE quickbooks_id = ?"_s, {inv.quickbooksId});
        if (existing)
            inv.id = existing->toLongLong();
        else if (existing.error().code != ErrorCode::NotFound)
            return std::unexpected(existing.error());
    }
    const QVariant now = Sql::fromDateTime(m_clock.nowUtc());
    const QVariantList values = {inv.customerId, Sql::nullIfEmpty(inv.quickbooksId), inv.docNumber,
                                 Sql::fromDate(inv.txnDate), Sql::fromDate(inv.dueDate), currency,
                                 inv.total.minorUnits(), inv.balance.minorUnits(), inv.tax.minorUnits(),
                                 inv.discount.minorUnits(), inv.deposit.minorUnits(), toString(inv.status),
                                 inv.syncToken, inv.invoiceLink, Sql::fromDateTime(inv.remoteUpdatedAt)};
    if (inv.id != 0) {
        auto changed = m_db.update(u"UPDATE invoices SET customer_id = ?, quickbooks_id = ?, doc_number = ?, txn_date = ?, "
                                   "due_date = ?, currency = ?, total_minor = ?, balance_minor = ?, tax_minor = ?, "
                                   "discount_minor = ?, deposit_minor = ?, status = ?, sync_token = ?, invoice_link = ?, "
                                   "remote_updated_at = ?, updated_at = ? WHERE id = ?"_s,
                                   values + QVariantList{now, inv.id});
        if (auto ok = Sql::requireChanged(changed, u"no invoice with id %1"_s.arg(inv.id)); !ok)
            return std::unexpected(ok.error());
        if (auto ok = m_db.exec(u"DELETE FROM invoice_lines WHERE invoice_id = ?"_s, {inv.id}); !ok)
            return std::unexpected(ok.error());
    } else {
        auto id = m_db.insert(u"INSERT INTO invoices (customer_id, quickbooks_id, doc_number, txn_date, due_date, currency, "
                              "total_minor, balance_minor, tax_minor, discount_minor, deposit_minor, status, sync_token, "
                              "invoice_link, remote_updated_at, created_at, updated_at) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
                              values + QVariantList{now, now});
        if (!id)
            return std::unexpected(id.error());
        inv.id = *id;
    }
    int lineNumber = 0;
    for (const InvoiceLine &line : std::as_const(inv.lines)) {
        ++lineNumber;
        if (auto ok = m_db.exec(u"INSERT INTO invoice_lines (invoice_id, line_number, appointment_id, item_id, description, "
                                "quantity_milli, rate_minor, amount_minor, service_date, tax_code) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                                {inv.id, line.lineNumber > 0 ? line.lineNumber : lineNumber,
                                 Sql::nullIfZero(line.appointmentId), line.itemId, line.description,
                                 line.quantityMilli, line.rate.minorUnits(), line.amount.minorUnits(),
                                 Sql::fromDate(line.serviceDate), line.taxCode});
            !ok) {
            return std::unexpected(ok.error());
        }
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return inv.id;
}

Result<Invoice> BillingRepository::invoice(qint64 id) const
{
    auto inv = Sql::single(m_db.select<Invoice>(u"SELECT "_s + kInvoiceColumns + u" FROM invoices WHERE id = ?"_s, {id},
                                                invoiceFromRow),
                           u"no invoice with id %1"_s.arg(id));
    if (!inv)
        return inv;
    const QString currency = inv->total.currency();
    auto lines = m_db.select<InvoiceLine>(
        u"SELECT id, invoice_id, line_number, appointment_id, item_id, description, quantity_milli, rate_minor, "
        "amount_minor, service_date, tax_code FROM invoice_lines WHERE invoice_id = ? ORDER BY line_number"_s,
        {id}, [&currency](const QSqlQuery &q) {
            InvoiceLine l;
            l.id = q.value(0).toLongLong();
            l.invoiceId = q.value(1).toLongLong();
            l.lineNumber = q.value(2).toInt();
            l.appointmentId = q.value(3).toLongLong();
            l.itemId = q.value(4).toString();
            l.description = q.value(5).toString();
            l.quantityMilli = q.value(6).toLongLong();
            l.rate = money(q.value(7).toLongLong(), currency);
            l.amount = money(q.value(8).toLongLong(), currency);
            l.serviceDate = Sql::toDate(q.value(9));
            l.taxCode = q.value(10).toString();
            return l;
        });
    if (!lines)
        return std::unexpected(lines.error());
    inv->lines = *lines;
    return inv;
}

Result<Invoice> BillingRepository::invoiceByQuickBooksId(const QString &quickbooksId) const
{
    auto id = m_db.scalar(u"SELECT id FROM invoices WHERE quickbooks_id = ?"_s, {quickbooksId});
    if (!id) {
        if (id.error().code == ErrorCode::NotFound)
            return fail(ErrorCode::NotFound, u"no invoice with QuickBooks id %1"_s.arg(quickbooksId));
        return std::unexpected(id.error());
    }
    return invoice(id->toLongLong());
}

Result<QList<Invoice>> BillingRepository::invoicesForCustomer(const QString &customerId) const
{
    return m_db.select<Invoice>(u"SELECT "_s + kInvoiceColumns
                                    + u" FROM invoices WHERE customer_id = ? ORDER BY txn_date, id"_s,
                                {customerId}, invoiceFromRow);
}

Result<Invoice> BillingRepository::invoiceForAppointment(qint64 appointmentId) const
{
    auto id = m_db.scalar(u"SELECT invoice_id FROM invoice_lines WHERE appointment_id = ? ORDER BY invoice_id DESC"_s,
                          {appointmentId});
    if (!id) {
        if (id.error().code == ErrorCode::NotFound)
            return fail(ErrorCode::NotFound, u"appointment %1 is on no invoice"_s.arg(appointmentId));
        return std::unexpected(id.error());
    }
    return invoice(id->toLongLong());
}

Result<qint64> BillingRepository::invoiceCount() const
{
    return m_db.countRows(u"invoices"_s);
}

Result<qint64> BillingRepository::savePayment(Payment p)
{
    if (p.customerId.isEmpty() || p.quickbooksId.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a payment needs a customer and a QuickBooks id"_s);
    const QString currency = p.amount.currency();
    if (auto ok = sameCurrency(currency, {&p.unapplied}, u"payment %1"_s.arg(p.quickbooksId)); !ok)
        return std::unexpected(ok.error());
    for (const PaymentApplication &a : std::as_const(p.applications)) {
        if (auto ok = sameCurrency(currency, {&a.amount}, u"payment %1"_s.arg(p.quickbooksId)); !ok)
            return std::unexpected(ok.error());
    }
    Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    const QVariantList values = {p.customerId, Sql::fromDate(p.txnDate), currency, p.amount.minorUnits(),
                                 p.unapplied.minorUnits(), p.syncToken, Sql::fromDateTime(p.remoteUpdatedAt)};
    auto existing = m_db.scalar(u"SELECT id FROM payments WHERE quickbooks_id = ?"_s, {p.quickbooksId});
    if (existing) {
        p.id = existing->toLongLong();
        if (auto ok = m_db.exec(u"UPDATE payments SET customer_id = ?, txn_date = ?, currency = ?, amount_minor = ?, "
                                "unapplied_minor = ?, sync_token = ?, remote_updated_at = ? WHERE id = ?"_s,
                                values + QVariantList{p.id});
            !ok) {
            return std::unexpected(ok.error());
        }
        if (auto ok = m_db.exec(u"DELETE FROM payment_applications WHERE payment_id = ?"_s, {p.id}); !ok)
            return std::unexpected(ok.error());
    } else if (existing.error().code == ErrorCode::NotFound) {
        auto id = m_db.insert(u"INSERT INTO payments (customer_id, txn_date, currency, amount_minor, unapplied_minor, "
                              "sync_token, remote_updated_at, quickbooks_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
                              values + QVariantList{p.quickbooksId});
        if (!id)
            return std::unexpected(id.error());
        p.id = *id;
    } else {
        return std::unexpected(existing.error());
    }
    for (const PaymentApplication &a : std::as_const(p.applications)) {
        if (auto ok = m_db.exec(u"INSERT INTO payment_applications (payment_id, invoice_id, amount_minor) VALUES (?, ?, ?)"_s,
                                {p.id, a.invoiceId, a.amount.minorUnits()});
            !ok) {
            return std::unexpected(ok.error());
        }
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return p.id;
}

Result<Payment> BillingRepository::paymentByQuickBooksId(const QString &quickbooksId) const
{
    auto payment = Sql::single(
        m_db.select<Payment>(u"SELECT id, customer_id, quickbooks_id, txn_date, currency, amount_minor, unapplied_minor, "
                             "sync_token, remote_updated_at FROM payments WHERE quickbooks_id = ?"_s,
                             {quickbooksId},
                             [](const QSqlQuery &q) {
                                 Payment p;
                                 p.id = q.value(0).toLongLong();
                                 p.customerId = q.value(1).toString();
                                 p.quickbooksId = q.value(2).toString();
                                 p.txnDate = Sql::toDate(q.value(3));
                                 p.amount = money(q.value(5).toLongLong(), q.value(4).toString());
                                 p.unapplied = money(q.value(6).toLongLong(), q.value(4).toString());
                                 p.syncToken = q.value(7).toString();
                                 p.remoteUpdatedAt = Sql::toDateTime(q.value(8));
                                 return p;
                             }),
        u"no payment with QuickBooks id %1"_s.arg(quickbooksId));
    if (!payment)
        return payment;
    const QString currency = payment->amount.currency();
    auto apps = m_db.select<PaymentApplication>(
        u"SELECT invoice_id, amount_minor FROM payment_applications WHERE payment_id = ? ORDER BY invoice_id"_s,
        {payment->id}, [&currency](const QSqlQuery &q) {
            return PaymentApplication{q.value(0).toLongLong(), money(q.value(1).toLongLong(), currency)};
        });
    if (!apps)
        return std::unexpected(apps.error());
    payment->applications = *apps;
    return payment;
}

Result<QList<Payment>> BillingRepository::paymentsForInvoice(qint64 invoiceId) const
{
    auto ids = m_db.select<QString>(u"SELECT p.quickbooks_id FROM payments p JOIN payment_applications a "
                                    "ON a.payment_id = p.id WHERE a.invoice_id = ? ORDER BY p.txn_date, p.id"_s,
                                    {invoiceId}, [](const QSqlQuery &q) { return q.value(0).toString(); });
    if (!ids)
        return std::unexpected(ids.error());
    QList<Payment> out;
    for (const QString &id : std::as_const(*ids)) {
        auto p = paymentByQuickBooksId(id);
        if (!p)
            return std::unexpected(p.error());
        out.append(*p);
    }
    return out;
}

Result<qint64> BillingRepository::saveCredit(const Credit &c)
{
    if (c.customerId.isEmpty() || c.quickbooksId.isEmpty() || !c.amount.isValid())
        return fail(ErrorCode::InvalidArgument, u"a credit needs a customer, a QuickBooks id and an amount"_s);
    const QVariantList values = {c.customerId, Sql::nullIfZero(c.invoiceId), Sql::fromDate(c.txnDate),
                                 c.amount.currency(), c.amount.minorUnits(), Sql::fromDateTime(c.remoteUpdatedAt)};
    auto existing = m_db.scalar(u"SELECT id FROM credits WHERE kind = ? AND quickbooks_id = ?"_s,
                                {toString(c.kind), c.quickbooksId});
    if (existing) {
        if (auto ok = m_db.exec(u"UPDATE credits SET customer_id = ?, invoice_id = ?, txn_date = ?, currency = ?, "
                                "amount_minor = ?, remote_updated_at = ? WHERE id = ?"_s,
                                values + QVariantList{existing->toLongLong()});
            !ok) {
            return std::unexpected(ok.error());
        }
        return existing->toLongLong();
    }
    if (existing.error().code != ErrorCode::NotFound)
        return std::unexpected(existing.error());
    return m_db.insert(u"INSERT INTO credits (customer_id, invoice_id, txn_date, currency, amount_minor, remote_updated_at, "
                       "kind, quickbooks_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
                       values + QVariantList{toString(c.kind), c.quickbooksId});
}

Result<QList<Credit>> BillingRepository::creditsForInvoice(qint64 invoiceId) const
{
    return m_db.select<Credit>(u"SELECT id, kind, customer_id, quickbooks_id, invoice_id, txn_date, currency, amount_minor, "
                               "remote_updated_at FROM credits WHERE invoice_id = ? ORDER BY txn_date, id"_s,
                               {invoiceId}, [](const QSqlQuery &q) {
                                   Credit c;
                                   c.id = q.value(0).toLongLong();
                                   c.kind = parseCreditKind(q.value(1).toString()).value_or(CreditKind::CreditMemo);
                                   c.customerId = q.value(2).toString();
                                   c.quickbooksId = q.value(3).toString();
                                   c.invoiceId = q.value(4).toLongLong();
                                   c.txnDate = Sql::toDate(q.value(5));
                                   c.amount = money(q.value(7).toLongLong(), q.value(6).toString());
                                   c.remoteUpdatedAt = Sql::toDateTime(q.value(8));
                                   return c;
                               });
}

Result<QList<CustomerBalance>> BillingRepository::balances(const QDate &today, const QString &currency) const
{
    // Voided and refunded invoices carry no open balance whatever their row says.
    return m_db.select<CustomerBalance>(
        u"SELECT customer_id, SUM(balance_minor), "
        "SUM(CASE WHEN due_date IS NOT NULL AND due_date < ? THEN balance_minor ELSE 0 END), COUNT(*) "
        "FROM invoices WHERE currency = ? AND balance_minor <> 0 AND status NOT IN ('voided','refunded') "
        "GROUP BY customer_id ORDER BY SUM(balance_minor) DESC, customer_id"_s,
        {Sql::fromDate(today), currency}, [&currency](const QSqlQuery &q) {
            CustomerBalance b;
            b.customerId = q.value(0).toString();
            b.outstanding = money(q.value(1).toLongLong(), currency);
            b.overdue = money(q.value(2).toLongLong(), currency);
            b.openInvoices = q.value(3).toInt();
            return b;
        });
}

Status BillingRepository::reassignCustomer(const QString &fromCustomer, const QString &toCustomer)
{
    Transaction tx(m_db);
    if (!tx.started())
        return tx.started();
    for (const QString &table : {u"invoices"_s, u"payments"_s, u"credits"_s}) {
        if (auto ok = m_db.exec(u"UPDATE %1 SET customer_id = ? WHERE customer_id = ?"_s.arg(table),
                                {toCustomer, fromCustomer});
            !ok) {
            return ok;
        }
    }
    return tx.commit();
}

} // namespace Concord::Store
