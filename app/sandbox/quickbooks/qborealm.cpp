#include "quickbooks/qborealm.h"

#include "common/clock.h"
#include "domain/money.h"
#include "quickbooks/qboformat.h"
#include "quickbooks/qboquery.h"

#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

const QString kId = u"Id"_s;
const QString kSyncToken = u"SyncToken"_s;
const QString kMetaData = u"MetaData"_s;
const QString kLine = u"Line"_s;
const QString kAmount = u"Amount"_s;
const QString kShippingItem = u"SHIPPING_ITEM_ID"_s;

// Money arithmetic in cents via Domain::Money (exact, overflow-checked). The
// emulator computes what QuickBooks computes, so an overflow here is a request
// problem and surfaces as a validation Fault, never a crash.
using Domain::Money;

Money usd(qint64 cents)
{
    return Money::fromMinor(cents, u"USD"_s).value_or(Money::zero(u"USD"_s));
}

// amount × decimal / divisor, rounded half up (invoices round each computed line).
std::optional<qint64> scaled(qint64 cents, QboFormat::Decimal factor, qint64 divisor)
{
    const auto r = usd(cents).multiply(factor.units, divisor * QboFormat::pow10(factor.scale),
                                       Domain::Rounding::HalfUp);
    if (!r)
        return std::nullopt;
    return r->minorUnits();
}

QString idFamily(const QString &entity)
{
    // Transactions share one id sequence in QBO; name lists count on their own.
    return QboRealm::isTransaction(entity) ? u"Txn"_s : entity;
}

QJsonObject ref(const QString &value, const QString &name = {})
{
    QJsonObject o{ { u"value"_s, value } };
    if (!name.isEmpty())
        o.insert(u"name"_s, name);
    return o;
}

const QJsonObject kUsd = ref(u"USD"_s, u"United States Dollar"_s);

void setDefault(QJsonObject &o, const QString &key, const QJsonValue &value)
{
    if (!o.contains(key) || o.value(key).isNull())
        o.insert(key, value);
}

// "Only properties with values are serialized": nulls from full updates vanish.
void dropNulls(QJsonObject &o)
{
    for (auto it = o.begin(); it != o.end();) {
        if (it.value().isNull() || it.value().isUndefined())
            it = o.erase(it);
        else
            ++it;
    }
}

QString displayNameFromParts(const QJsonObject &o)
{
    QStringList parts;
    for (const QString &k : { u"Title"_s, u"GivenName"_s, u"MiddleName"_s, u"FamilyName"_s, u"Suffix"_s }) {
        const QString v = o.value(k).toString().trimmed();
        if (!v.isEmpty())
            parts.append(v);
    }
    return parts.join(u' ');
}

const QString kDeletedSuffix = u" (deleted)"_s;

// Whether QuickBooks takes an email address. The documented rule is "must
// contain @ and ." (quickbooks.md §Customer); QuickBooks answers "Email
// Address does not conform to the syntax rules of RFC 822" for worse, e.g.
// an address with a space in it (intuit/QuickBooks-V3-DotNET-SDK#333).
// Refused beyond the documented rule, conservatively: whitespace and the
// RFC 822 specials that cannot appear outside quotes (, ; < > ( ) [ ] \).
// Quoted local parts are not judged.
bool conformsToRfc822(const QString &email)
{
    if (!email.contains(u'@') || !email.contains(u'.'))
        return false;
    if (email.contains(u'"'))
        return true;
    static const QString specials = u",;<>()[]\\"_s;
    return std::none_of(email.cbegin(), email.cend(),
                        [](QChar c) { return c.isSpace() || specials.contains(c); });
}

} // namespace

QboRealm::QboRealm(QString realmId, const Clock *clock, int offsetSecs)
    : m_realmId(std::move(realmId)), m_clock(clock), m_offsetSecs(offsetSecs)
{
    const QDateTime t = now();
    const QString ts = QboFormat::timestamp(t, m_offsetSecs);
    const QJsonObject meta{ { u"CreateTime"_s, ts }, { u"LastUpdatedTime"_s, ts } };
    const QJsonObject addr{ { u"Id"_s, u"1"_s }, { u"Line1"_s, u"1 Sandbox Way"_s },
                            { u"City"_s, u"Mountain View"_s }, { u"CountrySubDivisionCode"_s, u"CA"_s },
                            { u"PostalCode"_s, u"94043"_s }, { u"Country"_s, u"US"_s } };
    m_entities[u"CompanyInfo"_s].insert(
        1, QJsonObject{ { u"Id"_s, u"1"_s }, { u"SyncToken"_s, u"0"_s }, { u"domain"_s, u"QBO"_s },
                        { u"sparse"_s, false }, { u"CompanyName"_s, u"Concord Sandbox Company %1"_s.arg(m_realmId) },
                        { u"LegalName"_s, u"Concord Sandbox Company %1"_s.arg(m_realmId) },
                        { u"CompanyAddr"_s, addr }, { u"LegalAddr"_s, addr },
                        { u"CustomerCommunicationAddr"_s, addr }, { u"Country"_s, u"US"_s },
                        { u"SupportedLanguages"_s, u"en"_s }, { u"FiscalYearStartMonth"_s, u"January"_s },
                        { u"CompanyStartDate"_s, QboFormat::date(t, m_offsetSecs) },
                        { u"Email"_s, QJsonObject{ { u"Address"_s, u"donotreply@intuit.com"_s } } },
                        { u"NameValue"_s, QJsonArray{ QJsonObject{ { u"Name"_s, u"OfferingSku"_s },
                                                                   { u"Value"_s, u"QuickBooks Online Plus"_s } } } },
                        { kMetaData, meta } });
    m_entities[u"Preferences"_s].insert(
        1, QJsonObject{ { u"Id"_s, u"1"_s }, { u"SyncToken"_s, u"0"_s }, { u"domain"_s, u"QBO"_s },
                        { u"sparse"_s, false },
                        { u"SalesFormsPrefs"_s, QJsonObject{ { u"CustomTxnNumbers"_s, false },
                                                             { u"AllowDiscount"_s, true },
                                                             { u"AllowDeposit"_s, true },
                                                             { u"AllowShipping"_s, true },
                                                             { u"AutoApplyPayments"_s, true } } },
                        { u"CurrencyPrefs"_s, QJsonObject{ { u"MultiCurrencyEnabled"_s, false },
                                                           { u"HomeCurrency"_s, ref(u"USD"_s) } } },
                        { kMetaData, meta } });
}

QString QboRealm::entityForSegment(const QString &segment)
{
    static const QHash<QString, QString> map{
        { u"customer"_s, u"Customer"_s },     { u"item"_s, u"Item"_s },
        { u"term"_s, u"Term"_s },             { u"invoice"_s, u"Invoice"_s },
        { u"payment"_s, u"Payment"_s },       { u"creditmemo"_s, u"CreditMemo"_s },
        { u"refundreceipt"_s, u"RefundReceipt"_s }, { u"taxcode"_s, u"TaxCode"_s },
        { u"taxrate"_s, u"TaxRate"_s },
    };
    // URIs are case sensitive in QBO: only the lowercase segment is a route.
    return map.value(segment);
}

bool QboRealm::isTransaction(const QString &entity)
{
    return entity == u"Invoice"_s || entity == u"Payment"_s || entity == u"CreditMemo"_s
        || entity == u"RefundReceipt"_s;
}

bool QboRealm::isWritable(const QString &entity)
{
    return entity != u"TaxCode"_s && entity != u"TaxRate"_s && !entity.isEmpty();
}

QDateTime QboRealm::now() const
{
    return m_clock->nowUtc();
}

QString QboRealm::today() const
{
    return QboFormat::date(now(), m_offsetSecs);
}

QString QboRealm::nextId(const QString &entity)
{
    qint64 &next = m_nextId[idFamily(entity)];
    if (next == 0)
        next = 1;
    return QString::number(next++);
}

void QboRealm::stamp(QJsonObject &object, bool created)
{
    const QString ts = QboFormat::timestamp(now(), m_offsetSecs);
    QJsonObject meta = object.value(kMetaData).toObject();
    if (created || !meta.contains(u"CreateTime"_s))
        meta.insert(u"CreateTime"_s, ts);
    meta.insert(u"LastUpdatedTime"_s, ts);
    object.insert(kMetaData, meta);
}

void QboRealm::record(const QString &entity, const QString &id, const QString &operation)
{
    m_changes.append({ entity, id, operation, now() });
}

QList<QboRealm::Change> QboRealm::takeChanges()
{
    return std::exchange(m_changes, {});
}

QJsonObject QboRealm::stored(const QString &entity, const QString &id) const
{
    bool ok = false;
    const qint64 key = id.toLongLong(&ok);
    if (!ok)
        return {};
    return m_entities.value(entity).value(key);
}

QList<QJsonObject> QboRealm::all(const QString &entity) const
{
    QList<QJsonObject> out;
    const auto map = m_entities.value(entity);
    for (const QJsonObject &o : map)
        out.append(present(entity, o));
    return out;
}

QJsonObject QboRealm::present(const QString &entity, const QJsonObject &stored) const
{
    if (entity != u"Customer"_s)
        return stored;
    // A customer's open balance: what its invoices still owe, less money it has
    // paid without applying it and credit memos not yet used.
    const qint64 balance = m_balanceByCustomer.value(stored.value(kId).toString());
    QJsonObject out = stored;
    out.insert(u"Balance"_s, QboFormat::amount(balance));
    out.insert(u"BalanceWithJobs"_s, QboFormat::amount(balance));
    return out;
}

QJsonObject QboRealm::withInvoiceLink(QJsonObject invoice, const QString &base) const
{
    // A stable customer-facing link; the real one is an opaque connect.intuit.com URL.
    invoice.insert(u"InvoiceLink"_s, u"%1/app/invoice/%2/%3?locale=en_US"_s.arg(
                                         base, m_realmId, invoice.value(kId).toString()));
    return invoice;
}

QString QboRealm::nameKey(const QString &displayName)
{
    return displayName.trimmed().toCaseFolded();
}

std::optional<std::pair<QString, qint64>> QboRealm::balanceShare(const QString &entity,
                                                                  const QJsonObject &object)
{
    // What an entity adds to its customer's open balance: invoices' balance,
    // less unapplied payments and unused credit memos.
    const QString customer = object.value(u"CustomerRef"_s).toObject().value(u"value"_s).toString();
    if (customer.isEmpty())
        return std::nullopt;
    if (entity == u"Invoice"_s)
        return std::pair{ customer, QboFormat::cents(object.value(u"Balance"_s)).value_or(0) };
    if (entity == u"Payment"_s)
        return std::pair{ customer, -QboFormat::cents(object.value(u"UnappliedAmt"_s)).value_or(0) };
    if (entity == u"CreditMemo"_s)
        return std::pair{ customer, -QboFormat::cents(object.value(u"Balance"_s)).value_or(0) };
    return std::nullopt;
}

void QboRealm::unindex(const QString &entity, const QJsonObject &old)
{
    if (old.isEmpty())
        return;
    const qint64 id = old.value(kId).toString().toLongLong();
    if (entity == u"Customer"_s) {
        const QString key = nameKey(old.value(u"DisplayName"_s).toString());
        if (m_customerByName.value(key) == id)
            m_customerByName.remove(key);
    }
    if (const auto share = balanceShare(entity, old))
        m_balanceByCustomer[share->first] -= share->second;
    if (entity == u"Payment"_s) {
        for (const QString &invoice : linkedInvoices(old)) {
            auto it = m_paymentsByInvoice.find(invoice);
            if (it != m_paymentsByInvoice.end()) {
                it->remove(id);
                if (it->isEmpty())
                    m_paymentsByInvoice.erase(it);
            }
        }
    }
}

void QboRealm::put(const QString &entity, const QJsonObject &object)
{
    // Every write goes through here, so the indexes below stay exact and
    // lookups stay O(1) however large a benchmark makes the realm.
    const qint64 id = object.value(kId).toString().toLongLong();
    QMap<qint64, QJsonObject> &table = m_entities[entity];
    unindex(entity, table.value(id));
    table.insert(id, object);
    if (entity == u"Customer"_s)
        m_customerByName.insert(nameKey(object.value(u"DisplayName"_s).toString()), id);
    if (const auto share = balanceShare(entity, object))
        m_balanceByCustomer[share->first] += share->second;
    if (entity == u"Payment"_s) {
        for (const QString &invoice : linkedInvoices(object))
            m_paymentsByInvoice[invoice].insert(id);
    }
}

void QboRealm::erase(const QString &entity, const QString &id)
{
    auto table = m_entities.find(entity);
    if (table == m_entities.end())
        return;
    unindex(entity, table->value(id.toLongLong()));
    table->remove(id.toLongLong());
}

QboRealm::Result QboRealm::read(const QString &entity, const QString &id) const
{
    const QJsonObject o = stored(entity, id);
    if (o.isEmpty()) {
        const bool wasDeleted = std::any_of(m_deleted.cbegin(), m_deleted.cend(), [&](const Deleted &d) {
            return d.entity == entity && d.id == id;
        });
        return std::unexpected(wasDeleted ? QboFault::objectDeleted() : QboFault::objectNotFound());
    }
    return present(entity, o);
}

QboRealm::Result QboRealm::write(const QString &entity, const QJsonObject &body, bool forceSparse)
{
    if (body.contains(kId))
        return update(entity, body, forceSparse || body.value(u"sparse"_s).toBool());
    return create(entity, body);
}

QJsonObject QboRealm::insertRaw(const QString &entity, QJsonObject object)
{
    if (!object.contains(kId))
        object.insert(kId, nextId(entity));
    else
        m_nextId[idFamily(entity)] = std::max(m_nextId.value(idFamily(entity)),
                                              object.value(kId).toString().toLongLong() + 1);
    setDefault(object, kSyncToken, u"0"_s);
    setDefault(object, u"domain"_s, u"QBO"_s);
    setDefault(object, u"sparse"_s, false);
    if (!object.contains(kMetaData))
        stamp(object, true);
    if (entity == u"TaxCode"_s || entity == u"TaxRate"_s || entity == u"Term"_s || entity == u"Item"_s)
        setDefault(object, u"Active"_s, true);
    put(entity, object);
    return object;
}

QboRealm::Result QboRealm::create(const QString &entity, const QJsonObject &body)
{
    if (!isWritable(entity))
        return std::unexpected(QboFault::unsupportedOperation(u"create %1"_s.arg(entity)));
    QJsonObject object = body;
    // Server-owned fields are ignored on create.
    for (const QString &k : { kId, kSyncToken, kMetaData, u"domain"_s, u"sparse"_s, u"LinkedTxn"_s,
                              u"DeliveryInfo"_s, u"InvoiceLink"_s, u"status"_s })
        object.remove(k);
    dropNulls(object);
    if (auto fault = normalize(entity, object, {}))
        return std::unexpected(*fault);
    object.insert(kId, nextId(entity));
    object.insert(kSyncToken, u"0"_s);
    object.insert(u"domain"_s, u"QBO"_s);
    object.insert(u"sparse"_s, false);
    stamp(object, true);
    const QString id = object.value(kId).toString();
    put(entity, object);
    record(entity, id, u"Create"_s);
    if (entity == u"Payment"_s)
        reconcileInvoices(linkedInvoices(object));
    return present(entity, m_entities[entity].value(id.toLongLong()));
}

std::expected<QJsonObject, QboFault> QboRealm::current(const QString &entity, const QJsonObject &body) const
{
    if (!body.contains(kId) || body.value(kId).toString().isEmpty())
        return std::unexpected(QboFault::requiredParam(kId));
    if (!body.contains(kSyncToken))
        return std::unexpected(QboFault::requiredParam(kSyncToken));
    auto existing = read(entity, body.value(kId).toString());
    if (!existing)
        return existing;
    const QJsonValue token = body.value(kSyncToken);
    // Clients send the token as a string; a bare number is accepted like QBO does.
    const QString given = token.isDouble() ? QString::number(token.toInteger()) : token.toString();
    if (given != existing->value(kSyncToken).toString())
        return std::unexpected(QboFault::staleObject());
    return stored(entity, body.value(kId).toString());
}

QboRealm::Result QboRealm::update(const QString &entity, const QJsonObject &body, bool sparse)
{
    if (!isWritable(entity))
        return std::unexpected(QboFault::unsupportedOperation(u"update %1"_s.arg(entity)));
    auto previous = current(entity, body);
    if (!previous)
        return std::unexpected(previous.error());
    const QString id = previous->value(kId).toString();
    if (m_voided.contains(entity + u'/' + id) && entity == u"Invoice"_s)
        return std::unexpected(QboFault::businessValidation(u"A voided transaction cannot be changed."_s));

    QJsonObject object;
    if (sparse) {
        object = *previous;
        for (auto it = body.constBegin(); it != body.constEnd(); ++it)
            object.insert(it.key(), it.value());
        // Computed lines are regenerated from the lines the client sent.
    } else {
        // Full update: omitted writable fields become NULL (dropped); read-only
        // and server-owned fields survive.
        object = body;
        for (const QString &k : { u"DocNumber"_s, u"DeliveryInfo"_s, u"EmailStatus"_s })
            if (!object.contains(k) && previous->contains(k))
                object.insert(k, previous->value(k));
    }
    for (const QString &k : { u"domain"_s, u"sparse"_s, u"InvoiceLink"_s, u"LinkedTxn"_s, u"status"_s })
        object.remove(k);
    if (previous->contains(u"LinkedTxn"_s))
        object.insert(u"LinkedTxn"_s, previous->value(u"LinkedTxn"_s));
    dropNulls(object);
    if (auto fault = normalize(entity, object, *previous))
        return std::unexpected(*fault);
    object.insert(kId, id);
    object.insert(kSyncToken, QString::number(previous->value(kSyncToken).toString().toLongLong() + 1));
    object.insert(u"domain"_s, u"QBO"_s);
    object.insert(u"sparse"_s, false);
    object.insert(kMetaData, previous->value(kMetaData));
    stamp(object, false);
    put(entity, object);
    record(entity, id, u"Update"_s);
    if (entity == u"Payment"_s)
        reconcileInvoices(linkedInvoices(*previous) + linkedInvoices(object));
    if (entity == u"Invoice"_s)
        reconcileInvoices({ id });
    return present(entity, m_entities[entity].value(id.toLongLong()));
}

QboRealm::Result QboRealm::remove(const QString &entity, const QJsonObject &body)
{
    if (!isTransaction(entity))
        return std::unexpected(QboFault::unsupportedOperation(u"delete %1"_s.arg(entity)));
    auto previous = current(entity, body);
    if (!previous)
        return std::unexpected(previous.error());
    const QString id = previous->value(kId).toString();
    if (entity == u"Invoice"_s && appliedToInvoice(id) > 0)
        return std::unexpected(QboFault::businessValidation(
            u"You must unlink any linked transactions before deleting this transaction."_s));
    erase(entity, id);
    m_deleted.append({ entity, id, now() });
    m_voided.remove(entity + u'/' + id);
    record(entity, id, u"Delete"_s);
    if (entity == u"Payment"_s)
        reconcileInvoices(linkedInvoices(*previous));
    return QJsonObject{ { u"status"_s, u"Deleted"_s }, { u"domain"_s, u"QBO"_s }, { kId, id } };
}

QboRealm::Result QboRealm::voidTransaction(const QString &entity, const QJsonObject &body)
{
    if (entity != u"Invoice"_s && entity != u"Payment"_s)
        return std::unexpected(QboFault::unsupportedOperation(u"void %1"_s.arg(entity)));
    auto previous = current(entity, body);
    if (!previous)
        return std::unexpected(previous.error());
    const QString id = previous->value(kId).toString();
    if (entity == u"Invoice"_s && appliedToInvoice(id) > 0)
        return std::unexpected(QboFault::businessValidation(
            u"You must unlink any linked payments before voiding this invoice."_s));
    QJsonObject object = *previous;
    const QJsonValue zero = QboFormat::amount(0);
    if (entity == u"Invoice"_s) {
        QJsonArray lines;
        for (const QJsonValue &v : object.value(kLine).toArray()) {
            QJsonObject line = v.toObject();
            if (line.contains(kAmount))
                line.insert(kAmount, zero);
            QJsonObject detail = line.value(u"SalesItemLineDetail"_s).toObject();
            if (!detail.isEmpty()) {
                if (detail.contains(u"Qty"_s))
                    detail.insert(u"Qty"_s, 0);
                line.insert(u"SalesItemLineDetail"_s, detail);
            }
            lines.append(line);
        }
        object.insert(kLine, lines);
        object.insert(u"TxnTaxDetail"_s, QJsonObject{ { u"TotalTax"_s, zero } });
        object.insert(u"Deposit"_s, zero);
        object.insert(u"Balance"_s, zero);
    } else {
        object.insert(kLine, QJsonArray());
        object.insert(u"UnappliedAmt"_s, zero);
    }
    object.insert(u"TotalAmt"_s, zero);
    const QString note = previous->value(u"PrivateNote"_s).toString();
    object.insert(u"PrivateNote"_s, note.isEmpty() ? u"Voided"_s : u"Voided - %1"_s.arg(note));
    object.insert(kSyncToken, QString::number(previous->value(kSyncToken).toString().toLongLong() + 1));
    stamp(object, false);
    put(entity, object);
    m_voided.insert(entity + u'/' + id);
    record(entity, id, u"Void"_s);
    if (entity == u"Payment"_s)
        reconcileInvoices(linkedInvoices(*previous));
    return present(entity, object);
}

QboRealm::Result QboRealm::send(const QString &entity, const QString &id, const QString &sendTo)
{
    if (!isTransaction(entity))
        return std::unexpected(QboFault::unsupportedOperation(u"send %1"_s.arg(entity)));
    auto existing = read(entity, id);
    if (!existing)
        return existing;
    QJsonObject object = stored(entity, id);
    if (!sendTo.isEmpty()) {
        if (!sendTo.contains(u'@') || !sendTo.contains(u'.'))
            return std::unexpected(QboFault::invalidValue(u"sendTo"_s, u"Invalid email address %1"_s.arg(sendTo)));
        object.insert(u"BillEmail"_s, QJsonObject{ { u"Address"_s, sendTo } });
    } else if (entity == u"Payment"_s
               || object.value(u"BillEmail"_s).toObject().value(u"Address"_s).toString().isEmpty()) {
        return std::unexpected(QboFault::requiredParam(u"BillEmail.Address"_s));
    }
    object.insert(u"EmailStatus"_s, u"EmailSent"_s);
    object.insert(u"DeliveryInfo"_s, QJsonObject{ { u"DeliveryType"_s, u"Email"_s },
                                                  { u"DeliveryTime"_s, QboFormat::timestamp(now(), m_offsetSecs) } });
    // Whether /send bumps SyncToken is unverified; the emulator treats it as a
    // write (fields changed), so clients must re-read before the next update.
    object.insert(kSyncToken, QString::number(object.value(kSyncToken).toString().toLongLong() + 1));
    stamp(object, false);
    put(entity, object);
    record(entity, id, u"Emailed"_s);
    return present(entity, object);
}

QboRealm::Result QboRealm::query(const QString &statement, const QString &invoiceLinkBase) const
{
    auto q = QboQuery::parse(statement);
    if (!q)
        return std::unexpected(q.error());
    QList<QJsonObject> rows;
    const QString day = today();
    for (const QJsonObject &o : all(q->entity())) {
        if (q->matches(o, day))
            rows.append(o);
    }
    if (q->isCount())
        return QJsonObject{ { u"totalCount"_s, rows.size() } };
    q->sort(rows);
    const qsizetype start = q->startPosition() - 1;
    QJsonArray page;
    for (qsizetype i = start; i < rows.size() && page.size() < q->maxResults(); ++i) {
        QJsonObject row = rows.at(i);
        if (!invoiceLinkBase.isEmpty() && q->entity() == u"Invoice"_s)
            row = withInvoiceLink(row, invoiceLinkBase);
        page.append(row);
    }
    if (page.isEmpty())
        return QJsonObject{};
    return QJsonObject{ { q->entity(), page },
                        { u"startPosition"_s, q->startPosition() },
                        { u"maxResults"_s, page.size() } };
}

std::expected<QJsonArray, QboFault> QboRealm::changeDataCapture(const QString &entities,
                                                                const QString &changedSince) const
{
    if (entities.trimmed().isEmpty())
        return std::unexpected(QboFault::requiredParam(u"entities"_s));
    if (changedSince.trimmed().isEmpty())
        return std::unexpected(QboFault::requiredParam(u"changedSince"_s));
    const auto since = QboFormat::parseDateTime(changedSince, m_offsetSecs);
    if (!since)
        return std::unexpected(QboFault::invalidValue(
            u"changedSince"_s, u"Invalid date/time value for changedSince: %1"_s.arg(changedSince)));
    // The real code for "older than 30 days" is unverified (quickbooks.md §12);
    // the emulator answers 4001 "Invalid query", as CDC runs through QBO's query engine.
    if (*since < now().addDays(-30))
        return std::unexpected(QboFault::queryInvalid(
            u"changedSince must be within the last 30 days (got %1)"_s.arg(changedSince)));
    QStringList names;
    for (const QString &raw : entities.split(u',', Qt::SkipEmptyParts)) {
        const QString name = QboQuery::canonicalEntity(raw.trimmed());
        if (name.isEmpty() || name == u"TaxCode"_s || name == u"TaxRate"_s)
            return std::unexpected(QboFault::invalidValue(
                u"entities"_s, u"CDC is not supported for entity %1"_s.arg(raw.trimmed())));
        names.append(name);
    }
    // ≤ 1000 objects per response (quickbooks.md §6): later changes are left
    // for the next call with a later changedSince.
    int budget = 1000;
    QJsonArray responses;
    for (const QString &name : names) {
        QList<QPair<QDateTime, QJsonObject>> actives;
        for (const QJsonObject &o : all(name)) {
            const auto updated = QboFormat::parseDateTime(
                o.value(kMetaData).toObject().value(u"LastUpdatedTime"_s).toString(), m_offsetSecs);
            if (updated && *updated >= *since)
                actives.append({ *updated, o });
        }
        std::stable_sort(actives.begin(), actives.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        QJsonArray objects;
        for (const auto &a : actives) {
            if (budget == 0)
                break;
            objects.append(a.second);
            --budget;
        }
        // Deleted transactions come after the active ones, as bare stubs.
        for (const Deleted &d : m_deleted) {
            if (budget == 0)
                break;
            if (d.entity != name || d.whenUtc < *since)
                continue;
            objects.append(QJsonObject{
                { u"status"_s, u"Deleted"_s }, { u"domain"_s, u"QBO"_s }, { kId, d.id },
                { kMetaData, QJsonObject{ { u"LastUpdatedTime"_s, QboFormat::timestamp(d.whenUtc, m_offsetSecs) } } } });
            --budget;
        }
        if (objects.isEmpty()) {
            responses.append(QJsonObject{});
            continue;
        }
        responses.append(QJsonObject{ { name, objects },
                                      { u"startPosition"_s, 1 },
                                      { u"maxResults"_s, objects.size() },
                                      { u"totalCount"_s, objects.size() } });
    }
    return QJsonArray{ QJsonObject{ { u"QueryResponse"_s, responses } } };
}

QJsonObject QboRealm::companyInfo() const
{
    return m_entities.value(u"CompanyInfo"_s).value(1);
}

QJsonObject QboRealm::preferences() const
{
    return m_entities.value(u"Preferences"_s).value(1);
}

std::optional<QboFault> QboRealm::normalize(const QString &entity, QJsonObject &object,
                                            const QJsonObject &previous)
{
    if (entity == u"Customer"_s)
        return normalizeCustomer(object, previous);
    if (entity == u"Item"_s || entity == u"Term"_s)
        return normalizeNamed(entity, object);
    if (entity == u"Invoice"_s || entity == u"CreditMemo"_s || entity == u"RefundReceipt"_s)
        return normalizeSalesForm(entity, object, previous);
    if (entity == u"Payment"_s)
        return normalizePayment(object, previous);
    return QboFault::unsupportedOperation(u"write %1"_s.arg(entity));
}

std::optional<QboFault> QboRealm::normalizeCustomer(QJsonObject &object, const QJsonObject &previous)
{
    for (const QString &k : { u"Balance"_s, u"BalanceWithJobs"_s, u"FullyQualifiedName"_s, u"Level"_s })
        object.remove(k);
    QString name = object.value(u"DisplayName"_s).toString().trimmed();
    if (name.isEmpty())
        name = displayNameFromParts(object);
    if (name.isEmpty())
        return QboFault::requiredParam(u"DisplayName"_s);
    for (const QString &k : { u"DisplayName"_s, u"GivenName"_s, u"FamilyName"_s, u"CompanyName"_s }) {
        const QString v = k == u"DisplayName"_s ? name : object.value(k).toString();
        if (v.contains(u':') || v.contains(u'\t') || v.contains(u'\n'))
            return QboFault::invalidValue(k, u"%1 cannot contain a colon, tab or newline"_s.arg(k));
    }
    const QString email = object.value(u"PrimaryEmailAddr"_s).toObject().value(u"Address"_s).toString();
    if (!email.isEmpty() && !conformsToRfc822(email))
        return QboFault::invalidValue(u"PrimaryEmailAddr"_s, u"Email Address does not conform to the syntax rules of RFC 822. Supplied value: %1"_s.arg(email));
    setDefault(object, u"Active"_s, true);
    const bool active = object.value(u"Active"_s).toBool();
    // Deleting a customer is "Active:false"; QBO renames it "<name> (deleted)"
    // so the name is free again.
    if (!active && !name.endsWith(kDeletedSuffix))
        name += kDeletedSuffix;
    if (active && name.endsWith(kDeletedSuffix))
        name.chop(kDeletedSuffix.size());
    // Uniqueness is case-insensitive (and ignores surrounding spaces): QBO's
    // behaviour is unverified, and the stricter rule makes clients handle 6240
    // for "acme" vs "ACME" instead of creating near-duplicates.
    const QString self = previous.value(kId).toString();
    const auto holder = m_customerByName.constFind(nameKey(name));
    if (holder != m_customerByName.cend() && QString::number(holder.value()) != self)
        return QboFault::duplicateName();
    object.insert(u"DisplayName"_s, name);
    object.insert(u"FullyQualifiedName"_s, name);
    setDefault(object, u"PrintOnCheckName"_s, object.value(u"CompanyName"_s).toString().isEmpty()
                                                   ? name : object.value(u"CompanyName"_s).toString());
    setDefault(object, u"Job"_s, false);
    setDefault(object, u"BillWithParent"_s, false);
    setDefault(object, u"Taxable"_s, object.contains(u"DefaultTaxCodeRef"_s));
    setDefault(object, u"CurrencyRef"_s, kUsd);
    setDefault(object, u"PreferredDeliveryMethod"_s, u"Print"_s);
    if (object.contains(u"SalesTermRef"_s))
        if (auto fault = resolveRef(object, u"SalesTermRef"_s, u"Term"_s, u"Name"_s))
            return fault;
    return std::nullopt;
}

std::optional<QboFault> QboRealm::normalizeNamed(const QString &entity, QJsonObject &object)
{
    const QString name = object.value(u"Name"_s).toString().trimmed();
    if (name.isEmpty())
        return QboFault::requiredParam(u"Name"_s);
    const QString self = object.value(kId).toString();
    for (const QJsonObject &other : m_entities.value(entity)) {
        if (other.value(kId).toString() != self
            && other.value(u"Name"_s).toString().compare(name, Qt::CaseInsensitive) == 0)
            return QboFault::validation(u"6240"_s, u"Duplicate Name Exists Error"_s,
                                        u"The name supplied already exists. : Another product or "
                                        "service is already using this name. Please use a different name."_s);
    }
    setDefault(object, u"Active"_s, true);
    if (entity == u"Item"_s) {
        setDefault(object, u"Type"_s, u"Service"_s);
        object.insert(u"FullyQualifiedName"_s, name);
        if (object.value(u"Type"_s).toString() == u"Inventory"_s && !object.contains(u"AssetAccountRef"_s))
            return QboFault::requiredParam(u"AssetAccountRef"_s);
        if (object.contains(u"UnitPrice"_s) && !QboFormat::decimal(object.value(u"UnitPrice"_s)))
            return QboFault::invalidValue(u"UnitPrice"_s, u"UnitPrice is not a number"_s);
    } else {
        setDefault(object, u"Type"_s, u"STANDARD"_s);
        if (object.value(u"Type"_s).toString() == u"STANDARD"_s)
            setDefault(object, u"DueDays"_s, 0);
        setDefault(object, u"DiscountPercent"_s, 0);
        setDefault(object, u"DiscountDays"_s, 0);
        // Clients send counts as strings too ("DueDays":"120"); QBO answers numbers.
        for (const QString &k : { u"DueDays"_s, u"DiscountDays"_s, u"DayOfMonthDue"_s, u"DueNextMonthDays"_s,
                                  u"DiscountDayOfMonth"_s, u"DiscountPercent"_s }) {
            if (!object.contains(k))
                continue;
            const auto d = QboFormat::decimal(object.value(k));
            if (!d || (k != u"DiscountPercent"_s && d->scale != 0))
                return QboFault::invalidValue(k, u"%1 must be a number"_s.arg(k));
            object.insert(k, d->scale == 0 ? QJsonValue(d->units) : QJsonValue(object.value(k).toVariant().toDouble()));
        }
        if (name.size() > 31)
            return QboFault::validation(u"2050"_s, u"Invalid String Length"_s,
                                        u"String length is either shorter or longer than supported by specification. Min:0 Max:31 supplied:%1"_s.arg(name.size()),
                                        u"Name"_s);
    }
    return std::nullopt;
}

std::optional<QboFault> QboRealm::resolveRef(QJsonObject &object, const QString &field,
                                             const QString &entity, const QString &nameField)
{
    const QJsonValue v = object.value(field);
    const QString id = v.isObject() ? v.toObject().value(u"value"_s).toString() : v.toString();
    if (id.isEmpty())
        return QboFault::requiredParam(field + u".value"_s);
    const QJsonObject target = stored(entity, id);
    if (target.isEmpty() || (target.contains(u"Active"_s) && !target.value(u"Active"_s).toBool()))
        return QboFault::objectNotFound();
    object.insert(field, ref(id, target.value(nameField).toString()));
    return std::nullopt;
}

std::optional<QboFault> QboRealm::normalizeSalesForm(const QString &entity, QJsonObject &object,
                                                     const QJsonObject &previous)
{
    const bool isInvoice = entity == u"Invoice"_s;
    if (object.contains(u"CustomerRef"_s) || entity != u"RefundReceipt"_s) {
        if (!object.contains(u"CustomerRef"_s))
            return QboFault::requiredParam(u"CustomerRef"_s);
        if (auto fault = resolveRef(object, u"CustomerRef"_s, u"Customer"_s, u"DisplayName"_s))
            return fault;
    }
    if (entity == u"RefundReceipt"_s && !object.contains(u"DepositToAccountRef"_s))
        return QboFault::requiredParam(u"DepositToAccountRef"_s);
    const QJsonArray inputLines = object.value(kLine).toArray();
    if (inputLines.isEmpty())
        return QboFault::requiredParam(kLine);
    const QJsonObject customer = stored(u"Customer"_s, object.value(u"CustomerRef"_s).toObject().value(u"value"_s).toString());

    QJsonArray itemLines;
    QJsonArray shippingLines;
    QJsonObject discountLine;
    qint64 subtotal = 0;
    qint64 taxable = 0;
    qint64 shipping = 0;
    int lineNum = 1;
    for (const QJsonValue &value : inputLines) {
        QJsonObject line = value.toObject();
        const QString type = line.value(u"DetailType"_s).toString();
        if (type.isEmpty())
            return QboFault::requiredParam(u"Line.DetailType"_s);
        if (type == u"SubTotalLineDetail"_s)
            continue; // regenerated below
        if (type == u"DescriptionOnly"_s) {
            line.insert(kId, QString::number(lineNum));
            line.insert(u"LineNum"_s, lineNum++);
            itemLines.append(line);
            continue;
        }
        if (type == u"DiscountLineDetail"_s) {
            if (!discountLine.isEmpty())
                return QboFault::businessValidation(u"Only one discount line is allowed per transaction."_s);
            discountLine = line;
            continue;
        }
        if (type != u"SalesItemLineDetail"_s)
            return QboFault::invalidValue(u"Line.DetailType"_s,
                                          u"Unsupported line detail type %1"_s.arg(type));
        QJsonObject detail = line.value(u"SalesItemLineDetail"_s).toObject();
        const QString itemId = detail.value(u"ItemRef"_s).toObject().value(u"value"_s).toString();
        const bool isShipping = itemId == kShippingItem;
        QJsonObject item;
        if (!isShipping && !itemId.isEmpty()) {
            if (auto fault = resolveRef(detail, u"ItemRef"_s, u"Item"_s, u"Name"_s))
                return fault;
            item = stored(u"Item"_s, itemId);
        }
        std::optional<qint64> amount;
        const auto qty = detail.contains(u"Qty"_s) ? QboFormat::decimal(detail.value(u"Qty"_s))
                                                   : std::optional<QboFormat::Decimal>();
        if (detail.contains(u"Qty"_s) && !qty)
            return QboFault::invalidValue(u"Line.SalesItemLineDetail.Qty"_s, u"Qty is not a number"_s);
        if (qty && !detail.contains(u"UnitPrice"_s) && !line.contains(kAmount) && item.contains(u"UnitPrice"_s))
            detail.insert(u"UnitPrice"_s, item.value(u"UnitPrice"_s));
        const auto price = detail.contains(u"UnitPrice"_s) ? QboFormat::decimal(detail.value(u"UnitPrice"_s))
                                                           : std::optional<QboFormat::Decimal>();
        if (detail.contains(u"UnitPrice"_s) && !price)
            return QboFault::invalidValue(u"Line.SalesItemLineDetail.UnitPrice"_s, u"UnitPrice is not a number"_s);
        if (qty && price) {
            // Amount = Qty × UnitPrice, rounded once to the cent:
            // price.units × qty.units × 100 / 10^(price.scale + qty.scale).
            const auto r = usd(price->units).multiply(qty->units * 100,
                                                      QboFormat::pow10(price->scale + qty->scale),
                                                      Domain::Rounding::HalfUp);
            if (r)
                amount = r->minorUnits();
            else
                return QboFault::invalidValue(u"Line.Amount"_s, u"Qty × UnitPrice is out of range"_s);
        } else if (line.contains(kAmount)) {
            amount = QboFormat::cents(line.value(kAmount));
            if (!amount)
                return QboFault::invalidValue(u"Line.Amount"_s, u"Amount must be a number with at most 2 decimals"_s);
        } else {
            return QboFault::requiredParam(u"Line.Amount"_s);
        }
        if (!amount)
            return QboFault::invalidValue(u"Line.Amount"_s, u"Amount is out of range"_s);
        line.insert(kAmount, QboFormat::amount(*amount));
        if (isShipping) {
            line.remove(kId);
            line.remove(u"LineNum"_s);
            line.insert(u"SalesItemLineDetail"_s, detail);
            shipping += *amount;
            shippingLines.append(line);
            continue;
        }
        if (!detail.contains(u"TaxCodeRef"_s))
            detail.insert(u"TaxCodeRef"_s, ref(u"NON"_s));
        const QString taxCode = detail.value(u"TaxCodeRef"_s).toObject().value(u"value"_s).toString();
        if (taxCode != u"TAX"_s && taxCode != u"NON"_s)
            return QboFault::validation(u"6100"_s, u"Invalid Tax Code"_s,
                                        u"Invalid tax code %1 on a line: US companies use TAX or NON."_s.arg(taxCode),
                                        u"Line.SalesItemLineDetail.TaxCodeRef"_s);
        line.insert(u"SalesItemLineDetail"_s, detail);
        line.insert(kId, QString::number(lineNum));
        line.insert(u"LineNum"_s, lineNum++);
        subtotal += *amount;
        if (taxCode == u"TAX"_s)
            taxable += *amount;
        itemLines.append(line);
    }

    // Discount: a percentage of the subtotal, or a fixed amount.
    qint64 discount = 0;
    if (!discountLine.isEmpty()) {
        QJsonObject detail = discountLine.value(u"DiscountLineDetail"_s).toObject();
        if (detail.value(u"PercentBased"_s).toBool()) {
            const auto percent = QboFormat::decimal(detail.value(u"DiscountPercent"_s));
            if (!percent)
                return QboFault::requiredParam(u"Line.DiscountLineDetail.DiscountPercent"_s);
            const auto d = scaled(subtotal, *percent, 100);
            if (!d)
                return QboFault::invalidValue(u"Line.DiscountLineDetail.DiscountPercent"_s, u"out of range"_s);
            discount = *d;
        } else {
            const auto d = QboFormat::cents(discountLine.value(kAmount));
            if (!d)
                return QboFault::requiredParam(u"Line.Amount"_s);
            discount = *d;
            detail.insert(u"PercentBased"_s, false);
        }
        discountLine.insert(u"DiscountLineDetail"_s, detail);
        discountLine.insert(kAmount, QboFormat::amount(discount));
        discountLine.remove(kId);
    }

    // Tax: TxnTaxCodeRef → TaxCode.SalesTaxRateList → TaxRate.RateValue (percent),
    // applied to the TAX lines (after a proportional share of the discount when
    // ApplyTaxAfterDiscount is true).
    setDefault(object, u"ApplyTaxAfterDiscount"_s, false);
    QJsonObject taxDetail = object.value(u"TxnTaxDetail"_s).toObject();
    const QString taxCodeId = taxDetail.value(u"TxnTaxCodeRef"_s).toObject().value(u"value"_s).toString();
    qint64 totalTax = 0;
    QJsonObject newTaxDetail;
    if (!taxCodeId.isEmpty()) {
        const QJsonObject code = stored(u"TaxCode"_s, taxCodeId);
        if (code.isEmpty())
            return QboFault::objectNotFound();
        qint64 base = taxable;
        if (object.value(u"ApplyTaxAfterDiscount"_s).toBool() && subtotal > 0 && discount > 0) {
            const auto share = usd(discount).multiply(taxable, subtotal, Domain::Rounding::HalfUp);
            base -= share ? share->minorUnits() : 0;
        }
        QJsonArray taxLines;
        const QJsonArray rates = code.value(u"SalesTaxRateList"_s).toObject().value(u"TaxRateDetail"_s).toArray();
        for (const QJsonValue &r : rates) {
            const QString rateId = r.toObject().value(u"TaxRateRef"_s).toObject().value(u"value"_s).toString();
            const QJsonObject rate = stored(u"TaxRate"_s, rateId);
            const auto percent = QboFormat::decimal(rate.value(u"RateValue"_s));
            if (rate.isEmpty() || !percent)
                return QboFault::objectNotFound();
            const auto tax = scaled(base, *percent, 100);
            if (!tax)
                return QboFault::invalidValue(u"TxnTaxDetail"_s, u"tax out of range"_s);
            totalTax += *tax;
            taxLines.append(QJsonObject{
                { u"DetailType"_s, u"TaxLineDetail"_s },
                { kAmount, QboFormat::amount(*tax) },
                { u"TaxLineDetail"_s, QJsonObject{ { u"NetAmountTaxable"_s, QboFormat::amount(base) },
                                                   { u"TaxPercent"_s, rate.value(u"RateValue"_s) },
                                                   { u"TaxRateRef"_s, ref(rateId) },
                                                   { u"PercentBased"_s, true } } } });
        }
        newTaxDetail.insert(u"TxnTaxCodeRef"_s, ref(taxCodeId));
        newTaxDetail.insert(u"TotalTax"_s, QboFormat::amount(totalTax));
        newTaxDetail.insert(u"TaxLine"_s, taxLines);
    } else {
        newTaxDetail.insert(u"TotalTax"_s, QboFormat::amount(0));
    }
    object.insert(u"TxnTaxDetail"_s, newTaxDetail);

    QJsonArray lines = itemLines;
    lines.append(QJsonObject{ { u"DetailType"_s, u"SubTotalLineDetail"_s },
                              { kAmount, QboFormat::amount(subtotal) },
                              { u"SubTotalLineDetail"_s, QJsonObject{} } });
    if (!discountLine.isEmpty())
        lines.append(discountLine);
    for (const QJsonValue &s : std::as_const(shippingLines))
        lines.append(s);
    object.insert(kLine, lines);

    const qint64 total = subtotal - discount + totalTax + shipping;
    object.insert(u"TotalAmt"_s, QboFormat::amount(total));

    // Dates, numbering and defaults.
    setDefault(object, u"TxnDate"_s, today());
    const QDate txnDate = QDate::fromString(object.value(u"TxnDate"_s).toString(), Qt::ISODate);
    if (!txnDate.isValid())
        return QboFault::invalidValue(u"TxnDate"_s, u"TxnDate must be YYYY-MM-DD"_s);
    if (!object.contains(u"DocNumber"_s)) {
        qint64 &next = m_nextDocNumber[entity];
        if (next == 0)
            next = 1001;
        object.insert(u"DocNumber"_s, QString::number(next++));
    } else {
        bool numeric = false;
        const qint64 n = object.value(u"DocNumber"_s).toString().toLongLong(&numeric);
        if (numeric && n >= m_nextDocNumber.value(entity, 1001))
            m_nextDocNumber[entity] = n + 1;
    }
    if (isInvoice) {
        if (!object.contains(u"SalesTermRef"_s) && customer.contains(u"SalesTermRef"_s))
            object.insert(u"SalesTermRef"_s, customer.value(u"SalesTermRef"_s));
        if (!object.contains(u"SalesTermRef"_s)
            && preferences().value(u"SalesFormsPrefs"_s).toObject().contains(u"DefaultTerms"_s))
            object.insert(u"SalesTermRef"_s, preferences().value(u"SalesFormsPrefs"_s).toObject().value(u"DefaultTerms"_s));
        qint64 dueDays = 0;
        if (object.contains(u"SalesTermRef"_s)) {
            if (auto fault = resolveRef(object, u"SalesTermRef"_s, u"Term"_s, u"Name"_s))
                return fault;
            const QJsonObject term = stored(u"Term"_s, object.value(u"SalesTermRef"_s).toObject().value(u"value"_s).toString());
            dueDays = term.value(u"DueDays"_s).toInteger();
            // The reference sample carries the term id only.
            object.insert(u"SalesTermRef"_s, ref(term.value(kId).toString()));
        }
        if (!object.contains(u"DueDate"_s))
            object.insert(u"DueDate"_s, txnDate.addDays(dueDays).toString(Qt::ISODate));
        const auto deposit = object.contains(u"Deposit"_s) ? QboFormat::cents(object.value(u"Deposit"_s))
                                                           : std::optional<qint64>(0);
        if (!deposit || *deposit < 0 || *deposit > total)
            return QboFault::invalidValue(u"Deposit"_s, u"Deposit must be between 0 and the total"_s);
        object.insert(u"Deposit"_s, QboFormat::amount(*deposit));
        if (m_voided.contains(entity + u'/' + previous.value(kId).toString()))
            return QboFault::businessValidation(u"A voided transaction cannot be changed."_s);
        const qint64 applied = previous.isEmpty() ? 0 : appliedToInvoice(previous.value(kId).toString());
        if (total - *deposit - applied < 0)
            return QboFault::businessValidation(
                u"The new total is less than the payments already applied to this invoice."_s);
        object.insert(u"Balance"_s, QboFormat::amount(total - *deposit - applied));
        if (!object.contains(u"LinkedTxn"_s))
            object.insert(u"LinkedTxn"_s, QJsonArray());
    } else if (entity == u"CreditMemo"_s) {
        object.insert(u"RemainingCredit"_s, QboFormat::amount(total));
        object.insert(u"Balance"_s, QboFormat::amount(total));
    } else {
        object.insert(u"Balance"_s, QboFormat::amount(0));
        setDefault(object, u"PaymentRefNum"_s, u"To Print"_s);
        setDefault(object, u"PrintStatus"_s, u"NeedToPrint"_s);
    }
    setDefault(object, u"PrintStatus"_s, u"NotSet"_s);
    setDefault(object, u"EmailStatus"_s, u"NotSet"_s);
    setDefault(object, u"CurrencyRef"_s, kUsd);
    if (!object.contains(u"BillAddr"_s) && customer.contains(u"BillAddr"_s))
        object.insert(u"BillAddr"_s, customer.value(u"BillAddr"_s));
    if (!object.contains(u"ShipAddr"_s) && customer.contains(u"ShipAddr"_s))
        object.insert(u"ShipAddr"_s, customer.value(u"ShipAddr"_s));
    if (!object.contains(u"BillEmail"_s) && customer.contains(u"PrimaryEmailAddr"_s))
        object.insert(u"BillEmail"_s, customer.value(u"PrimaryEmailAddr"_s));
    if (object.value(u"EmailStatus"_s).toString() == u"NeedToSend"_s
        && object.value(u"BillEmail"_s).toObject().value(u"Address"_s).toString().isEmpty())
        return QboFault::businessValidation(u"Need to supply BillEmail when EmailStatus is NeedToSend."_s);
    return std::nullopt;
}

QSet<QString> QboRealm::linkedInvoices(const QJsonObject &payment)
{
    QSet<QString> ids;
    for (const QJsonValue &l : payment.value(kLine).toArray()) {
        for (const QJsonValue &t : l.toObject().value(u"LinkedTxn"_s).toArray()) {
            if (t.toObject().value(u"TxnType"_s).toString() == u"Invoice"_s)
                ids.insert(t.toObject().value(u"TxnId"_s).toString());
        }
    }
    return ids;
}

qint64 QboRealm::appliedToInvoice(const QString &invoiceId, const QString &excludingPayment) const
{
    qint64 applied = 0;
    const QMap<qint64, QJsonObject> payments = m_entities.value(u"Payment"_s);
    for (const qint64 paymentId : m_paymentsByInvoice.value(invoiceId)) {
        const QJsonObject pay = payments.value(paymentId);
        if (!excludingPayment.isEmpty() && pay.value(kId).toString() == excludingPayment)
            continue;
        for (const QJsonValue &l : pay.value(kLine).toArray()) {
            const QJsonObject line = l.toObject();
            for (const QJsonValue &t : line.value(u"LinkedTxn"_s).toArray()) {
                if (t.toObject().value(u"TxnType"_s).toString() == u"Invoice"_s
                    && t.toObject().value(u"TxnId"_s).toString() == invoiceId)
                    applied += QboFormat::cents(line.value(kAmount)).value_or(0);
            }
        }
    }
    return applied;
}

std::optional<QboFault> QboRealm::normalizePayment(QJsonObject &object, const QJsonObject &previous)
{
    if (!object.contains(u"CustomerRef"_s))
        return QboFault::requiredParam(u"CustomerRef"_s);
    if (auto fault = resolveRef(object, u"CustomerRef"_s, u"Customer"_s, u"DisplayName"_s))
        return fault;
    if (!object.contains(u"TotalAmt"_s))
        return QboFault::businessValidation(u"You must set a transaction amount."_s);
    const auto total = QboFormat::cents(object.value(u"TotalAmt"_s));
    if (!total || *total < 0)
        return QboFault::invalidValue(u"TotalAmt"_s, u"TotalAmt must be a non-negative amount"_s);
    const QString customerId = object.value(u"CustomerRef"_s).toObject().value(u"value"_s).toString();
    const QString self = previous.value(kId).toString();
    qint64 appliedTotal = 0;
    QHash<QString, qint64> perInvoice;
    QJsonArray lines;
    for (const QJsonValue &v : object.value(kLine).toArray()) {
        QJsonObject line = v.toObject();
        const auto amount = QboFormat::cents(line.value(kAmount));
        if (!line.contains(kAmount))
            return QboFault::requiredParam(u"Line.Amount"_s);
        if (!amount || *amount < 0)
            return QboFault::invalidValue(u"Line.Amount"_s, u"Amount must be a non-negative amount"_s);
        const QJsonArray links = line.value(u"LinkedTxn"_s).toArray();
        if (links.size() != 1)
            return QboFault::requiredParam(u"Line.LinkedTxn"_s);
        const QJsonObject link = links.first().toObject();
        const QString txnId = link.value(u"TxnId"_s).toString();
        if (link.value(u"TxnType"_s).toString() != u"Invoice"_s)
            return QboFault::invalidValue(u"Line.LinkedTxn.TxnType"_s,
                                          u"The sandbox applies payments to invoices only"_s);
        const QJsonObject invoice = stored(u"Invoice"_s, txnId);
        if (invoice.isEmpty())
            return QboFault::objectNotFound();
        if (invoice.value(u"CustomerRef"_s).toObject().value(u"value"_s).toString() != customerId)
            return QboFault::businessValidation(u"The invoice %1 belongs to another customer."_s.arg(txnId));
        perInvoice[txnId] += *amount;
        appliedTotal += *amount;
        line.insert(kAmount, QboFormat::amount(*amount));
        line.insert(u"LinkedTxn"_s, QJsonArray{ QJsonObject{ { u"TxnId"_s, txnId }, { u"TxnType"_s, u"Invoice"_s } } });
        lines.append(line);
    }
    for (auto it = perInvoice.cbegin(); it != perInvoice.cend(); ++it) {
        const QJsonObject invoice = stored(u"Invoice"_s, it.key());
        const qint64 open = QboFormat::cents(invoice.value(u"TotalAmt"_s)).value_or(0)
            - QboFormat::cents(invoice.value(u"Deposit"_s)).value_or(0) - appliedToInvoice(it.key(), self);
        if (it.value() > open)
            return QboFault::businessValidation(
                u"The amount applied to invoice %1 exceeds its open balance."_s.arg(it.key()));
    }
    if (appliedTotal > *total)
        return QboFault::businessValidation(
            u"The payment amount must be at least the total applied to transactions."_s);
    object.insert(kLine, lines);
    object.insert(u"TotalAmt"_s, QboFormat::amount(*total));
    object.insert(u"UnappliedAmt"_s, QboFormat::amount(*total - appliedTotal));
    setDefault(object, u"TxnDate"_s, today());
    setDefault(object, u"ProcessPayment"_s, false);
    setDefault(object, u"DepositToAccountRef"_s, ref(u"4"_s));
    setDefault(object, u"CurrencyRef"_s, kUsd);
    return std::nullopt;
}

void QboRealm::reconcileInvoices(const QSet<QString> &invoiceIds)
{
    for (const QString &id : invoiceIds) {
        QJsonObject invoice = stored(u"Invoice"_s, id);
        if (invoice.isEmpty() || m_voided.contains(u"Invoice/"_s + id))
            continue;
        QJsonArray links;
        for (const QJsonValue &l : invoice.value(u"LinkedTxn"_s).toArray()) {
            if (l.toObject().value(u"TxnType"_s).toString() != u"Payment"_s)
                links.append(l);
        }
        QList<qint64> payments = m_paymentsByInvoice.value(id).values();
        std::sort(payments.begin(), payments.end()); // creation order, as before
        for (const qint64 paymentId : std::as_const(payments))
            links.append(QJsonObject{ { u"TxnId"_s, QString::number(paymentId) }, { u"TxnType"_s, u"Payment"_s } });
        const qint64 balance = QboFormat::cents(invoice.value(u"TotalAmt"_s)).value_or(0)
            - QboFormat::cents(invoice.value(u"Deposit"_s)).value_or(0) - appliedToInvoice(id);
        const QJsonValue newBalance = QboFormat::amount(balance);
        if (links == invoice.value(u"LinkedTxn"_s).toArray() && newBalance == invoice.value(u"Balance"_s))
            continue;
        invoice.insert(u"LinkedTxn"_s, links);
        invoice.insert(u"Balance"_s, newBalance);
        invoice.insert(kSyncToken, QString::number(invoice.value(kSyncToken).toString().toLongLong() + 1));
        stamp(invoice, false);
        put(u"Invoice"_s, invoice);
        record(u"Invoice"_s, id, u"Update"_s);
    }
}

} // namespace Concord::Sandbox
