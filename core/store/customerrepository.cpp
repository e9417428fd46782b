#include "store/customerrepository.h"

#include "store/database.h"

#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

namespace Concord::Store {

namespace {

const QString kCustomerColumns =
    u"id, display_name, given_name, family_name, company_name, time_zone, state, merged_into, "
    "created_at, updated_at, version"_s;

Customer customerFromRow(const QSqlQuery &q)
{
    Customer c;
    c.id = q.value(0).toString();
    c.displayName = q.value(1).toString();
    c.givenName = q.value(2).toString();
    c.familyName = q.value(3).toString();
    c.companyName = q.value(4).toString();
    c.timeZone = q.value(5).toString();
    c.state = parseCustomerState(q.value(6).toString()).value_or(CustomerState::Active);
    c.mergedInto = q.value(7).toString();
    c.createdAt = Sql::toDateTime(q.value(8));
    c.updatedAt = Sql::toDateTime(q.value(9));
    c.version = q.value(10).toInt();
    return c;
}

ContactPoint contactFromRow(const QSqlQuery &q)
{
    ContactPoint p;
    p.id = q.value(0).toLongLong();
    p.customerId = q.value(1).toString();
    p.kind = parseContactKind(q.value(2).toString()).value_or(ContactKind::Email);
    p.value = q.value(3).toString();
    p.normalized = q.value(4).toString();
    p.isPrimary = q.value(5).toBool();
    if (!q.value(6).isNull()) {
        if (auto s = parseSystem(q.value(6).toString()))
            p.sourceSystem = *s;
    }
    return p;
}

Status validate(const Customer &c)
{
    if (c.displayName.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a customer needs a display name"_s);
    return {};
}

} // namespace

CustomerRepository::CustomerRepository(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

QString CustomerRepository::newId()
{
    return u"cus_"_s + QUuid::createUuid().toString(QUuid::Id128);
}

Result<Customer> CustomerRepository::create(Customer customer)
{
    if (auto ok = validate(customer); !ok)
        return std::unexpected(ok.error());
    if (customer.id.isEmpty())
        customer.id = newId();
    const QDateTime now = m_clock.nowUtc();
    customer.createdAt = now;
    customer.updatedAt = now;
    customer.version = 1;

    Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    if (auto ok = m_db.exec(u"INSERT INTO customers (id, display_name, given_name, family_name, company_name, "
                            "time_zone, state, merged_into, created_at, updated_at, version) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"_s,
                            {customer.id, customer.displayName, customer.givenName, customer.familyName,
                             customer.companyName, customer.timeZone, toString(customer.state),
                             Sql::nullIfEmpty(customer.mergedInto), Sql::fromDateTime(now), Sql::fromDateTime(now)});
        !ok) {
        Error e = ok.error();
        if (e.code == ErrorCode::Conflict)
            e.message = u"a customer with id %1 already exists"_s.arg(customer.id);
        return std::unexpected(e);
    }
    for (ContactPoint &contact : customer.contacts) {
        contact.customerId = customer.id;
        auto id = addContact(contact);
        if (!id)
            return std::unexpected(id.error());
        contact.id = *id;
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return customer;
}

Result<Customer> CustomerRepository::get(const QString &id) const
{
    auto rows = m_db.select<Customer>(u"SELECT "_s + kCustomerColumns + u" FROM customers WHERE id = ?"_s, {id},
                                      customerFromRow);
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return fail(ErrorCode::NotFound, u"no customer with id %1"_s.arg(id));
    Customer c = rows->takeFirst();
    auto points = contacts(c.id);
    if (!points)
        return std::unexpected(points.error());
    c.contacts = *points;
    return c;
}

Result<QList<Customer>> CustomerRepository::findByContact(ContactKind kind, const QString &normalized) const
{
    auto rows = m_db.select<Customer>(
        u"SELECT "_s + kCustomerColumns
            + u" FROM customers WHERE id IN (SELECT customer_id FROM contact_points WHERE kind = ? AND normalized = ?) "
              "ORDER BY created_at, id"_s,
        {toString(kind), normalized}, customerFromRow);
    if (!rows)
        return rows;
    for (Customer &c : *rows) {
        auto points = contacts(c.id);
        if (!points)
            return std::unexpected(points.error());
        c.contacts = *points;
    }
    return rows;
}

Result<Customer> CustomerRepository::update(const Customer &customer)
{
    if (auto ok = validate(customer); !ok)
        return std::unexpected(ok.error());
    const QDateTime now = m_clock.nowUtc();
    auto changed = m_db.update(u"UPDATE customers SET display_name = ?, given_name = ?, family_name = ?, "
                               "company_name = ?, time_zone = ?, updated_at = ?, version = version + 1 "
                               "WHERE id = ? AND version = ?"_s,
                               {customer.displayName, customer.givenName, customer.familyName, customer.companyName,
                                customer.timeZone, Sql::fromDateTime(now), customer.id, customer.version});
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0) {
        auto current = get(customer.id);
        if (!current)
            return std::unexpected(current.error());
        return fail(ErrorCode::Conflict,
                    u"customer %1 was changed by someone else (version %2, yours %3); reload and retry"_s
                        .arg(customer.id)
                        .arg(current->version)
                        .arg(customer.version));
    }
    return get(customer.id);
}

Status CustomerRepository::markMerged(const QString &id, const QString &survivorId)
{
    if (id == survivorId)
        return fail(ErrorCode::InvalidArgument, u"a customer cannot be merged into itself"_s);
    auto survivor = get(survivorId);
    if (!survivor)
        return std::unexpected(survivor.error());
    if (survivor->state != CustomerState::Active)
        return fail(ErrorCode::InvalidArgument, u"the surviving customer %1 is not active"_s.arg(survivorId));
    auto changed = m_db.update(u"UPDATE customers SET state = 'merged', merged_into = ?, updated_at = ?, "
                               "version = version + 1 WHERE id = ? AND state = 'active'"_s,
                               {survivorId, Sql::fromDateTime(m_clock.nowUtc()), id});
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0)
        return fail(ErrorCode::NotFound, u"no active customer with id %1"_s.arg(id));
    return {};
}

Status CustomerRepository::reactivate(const QString &id)
{
    auto changed = m_db.update(u"UPDATE customers SET state = 'active', merged_into = NULL, updated_at = ?, "
                               "version = version + 1 WHERE id = ? AND state = 'merged'"_s,
                               {Sql::fromDateTime(m_clock.nowUtc()), id});
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0)
        return fail(ErrorCode::NotFound, u"no merged customer with id %1"_s.arg(id));
    return {};
}

Result<qint64> CustomerRepository::addContact(const ContactPoint &contact)
{
    if (contact.normalized.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a contact point needs a normalized value"_s);
    auto id = m_db.insert(u"INSERT INTO contact_points (customer_id, kind, value, normalized, is_primary, source_system) "
                          "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"_s,
                          {contact.customerId, toString(contact.kind), contact.value, contact.normalized,
                           contact.isPrimary ? 1 : 0,
                           contact.sourceSystem ? QVariant(toString(*contact.sourceSystem))
                                                : QVariant(QMetaType::fromType<QString>())});
    if (!id && id.error().code == ErrorCode::Conflict) {
        Error e = id.error();
        e.message = u"customer %1 already has the %2 %3 (or does not exist)"_s.arg(
            contact.customerId, toString(contact.kind), contact.normalized);
        return std::unexpected(e);
    }
    return id;
}

Status CustomerRepository::removeContact(qint64 contactId)
{
    auto changed = m_db.update(u"DELETE FROM contact_points WHERE id = ?"_s, {contactId});
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0)
        return fail(ErrorCode::NotFound, u"no contact point with id %1"_s.arg(contactId));
    return {};
}

Result<QList<ContactPoint>> CustomerRepository::contacts(const QString &customerId) const
{
    return m_db.select<ContactPoint>(u"SELECT id, customer_id, kind, value, normalized, is_primary, source_system "
                                     "FROM contact_points WHERE customer_id = ? ORDER BY is_primary DESC, id"_s,
                                     {customerId}, contactFromRow);
}

Result<QList<Customer>> CustomerRepository::list(int offset, int limit) const
{
    return m_db.select<Customer>(u"SELECT "_s + kCustomerColumns
                                     + u" FROM customers ORDER BY display_name, id LIMIT ? OFFSET ?"_s,
                                 {limit, offset}, customerFromRow);
}

Result<qint64> CustomerRepository::count() const
{
    auto v = m_db.scalar(u"SELECT COUNT(*) FROM customers"_s);
    if (!v)
        return std::unexpected(v.error());
    return v->toLongLong();
}

} // namespace Concord::Store
