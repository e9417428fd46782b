#include "store/customerrepository.h"

#include "domain/zonedtime.h"
#include "store/database.h"

#include <QSet>
#include <QSqlQuery>
#include <QMutex>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

namespace Concord::Store {

namespace {

const QString kCustomerColumns =
    u"id, display_name, given_name, family_name, company_name, time_zone, state, merged_into, "
    "created_at, updated_at, version"_s;

const QString kPrefixedCustomerColumns =
    u"c.id, c.display_name, c.given_name, c.family_name, c.company_name, c.time_zone, c.state, c.merged_into, "
    "c.created_at, c.updated_at, c.version"_s;

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

// Reads a contact point from columns [base, base + 7).
ContactPoint contactFromRow(const QSqlQuery &q, int base = 0)
{
    ContactPoint p;
    p.id = q.value(base).toLongLong();
    p.customerId = q.value(base + 1).toString();
    p.kind = parseContactKind(q.value(base + 2).toString()).value_or(ContactKind::Email);
    p.value = q.value(base + 3).toString();
    p.normalized = q.value(base + 4).toString();
    p.isPrimary = q.value(base + 5).toBool();
    if (!q.value(base + 6).isNull()) {
        if (auto s = parseSystem(q.value(base + 6).toString()))
            p.sourceSystem = *s;
    }
    return p;
}

const QString kContactColumns = u"p.id, p.customer_id, p.kind, p.value, p.normalized, p.is_primary, p.source_system"_s;

// Customers with their contact points in one statement (a LEFT JOIN, one row
// per contact), folded back into one Customer per id in row order.
QList<Customer> foldCustomers(const QList<std::pair<Customer, std::optional<ContactPoint>>> &rows)
{
    QList<Customer> out;
    for (const auto &[customer, contact] : rows) {
        if (out.isEmpty() || out.constLast().id != customer.id)
            out.append(customer);
        if (contact)
            out.last().contacts.append(*contact);
    }
    return out;
}

std::pair<Customer, std::optional<ContactPoint>> customerWithContact(const QSqlQuery &q)
{
    std::pair<Customer, std::optional<ContactPoint>> row{customerFromRow(q), std::nullopt};
    if (!q.value(11).isNull())
        row.second = contactFromRow(q, 11);
    return row;
}

Status validate(const Customer &c)
{
    if (c.displayName.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a customer needs a display name"_s);
    // Empty means "not known yet"; anything else must be a real IANA zone,
    // or every appointment shown in the customer's time would be wrong.
    if (!c.timeZone.isEmpty() && !ZonedInstant::isKnownZone(c.timeZone))
        return fail(ErrorCode::InvalidArgument,
                    u"customer '%1' has an unknown time zone '%2' (expected an IANA name such as America/New_York)"_s
                        .arg(c.displayName, c.timeZone));
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
    // UUIDv7 layout (RFC 9562): 48-bit Unix milliseconds, then random bits.
    // Ids made later sort later, so the indexes keyed by customer id
    // (appointments, invoices, contact points) grow at their right edge
    // instead of splitting pages at random — at 500,000 appointments that is
    // the difference between seconds and a minute of inserts.
    // Monotonic within the process (RFC 9562, method 1): a 12-bit counter
    // orders ids made in the same millisecond; when it would overflow, the
    // timestamp moves on by one millisecond instead of wrapping.
    static QBasicMutex mutex;
    static quint64 lastMs = 0;
    static quint64 counter = 0;
    quint64 ms = 0;
    quint64 seq = 0;
    {
        QMutexLocker lock(&mutex);
        ms = std::max<quint64>(quint64(QDateTime::currentMSecsSinceEpoch()), lastMs);
        if (ms == lastMs) {
            if (++counter > 0x0fff) {
                ++ms;
                counter = 0;
            }
        } else {
            counter = 0;
        }
        lastMs = ms;
        seq = counter;
    }
    QByteArray bytes = QUuid::createUuid().toRfc4122();
    for (int i = 0; i < 6; ++i)
        bytes[i] = char((ms >> (40 - 8 * i)) & 0xff);
    bytes[6] = char(0x70 | ((seq >> 8) & 0x0f));
    bytes[7] = char(seq & 0xff);
    bytes[8] = char(0x80 | (bytes[8] & 0x3f));
    return u"cus_"_s + QString::fromLatin1(bytes.toHex());
}

Result<Customer> CustomerRepository::create(Customer customer)
{
    auto created = createMany({std::move(customer)});
    if (!created)
        return std::unexpected(created.error());
    return created->first();
}

Result<QList<Customer>> CustomerRepository::createMany(QList<Customer> customers)
{
    const QDateTime now = m_clock.nowUtc();
    const QVariant nowMs = Sql::fromDateTime(now);
    QList<QVariantList> customerRows;
    QList<QVariantList> contactRows;
    customerRows.reserve(customers.size());
    for (Customer &customer : customers) {
        if (auto ok = validate(customer); !ok)
            return std::unexpected(ok.error());
        if (customer.id.isEmpty())
            customer.id = newId();
        customer.createdAt = now;
        customer.updatedAt = now;
        customer.version = 1;
        customerRows.append({customer.id, customer.displayName, customer.givenName, customer.familyName,
                             customer.companyName, customer.timeZone, toString(customer.state),
                             Sql::nullIfEmpty(customer.mergedInto), nowMs, nowMs, 1});
        for (ContactPoint &contact : customer.contacts) {
            if (contact.normalized.isEmpty())
                return fail(ErrorCode::InvalidArgument,
                            u"customer '%1' has a contact point without a normalized value"_s.arg(customer.displayName));
            contact.customerId = customer.id;
            contactRows.append({contact.customerId, toString(contact.kind), contact.value, contact.normalized,
                                contact.isPrimary ? 1 : 0,
                                contact.sourceSystem ? QVariant(toString(*contact.sourceSystem))
                                                     : QVariant(QMetaType::fromType<QString>())});
        }
    }

    // A contact point listed twice for one customer would trip the UNIQUE
    // constraint mid-batch; name it before writing anything.
    for (const Customer &customer : std::as_const(customers)) {
        QSet<std::pair<int, QString>> seen;
        for (const ContactPoint &contact : customer.contacts) {
            if (seen.contains({int(contact.kind), contact.normalized}))
                return fail(ErrorCode::Conflict, u"customer '%1' lists the %2 %3 twice"_s.arg(
                                                     customer.displayName, toString(contact.kind), contact.normalized));
            seen.insert({int(contact.kind), contact.normalized});
        }
    }

    Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    auto inserted = m_db.tolerating([&] { return m_db.insertRows(u"INSERT INTO customers (id, display_name, given_name, family_name, company_name, "
                                    "time_zone, state, merged_into, created_at, updated_at, version)"_s,
                                    11, customerRows); });
    if (!inserted) {
        Error e = inserted.error();
        if (e.code == ErrorCode::Conflict) {
            QStringList wanted;
            for (const Customer &c : std::as_const(customers))
                wanted << c.id;
            auto taken = getMany(wanted);
            e.message = taken && !taken->isEmpty() ? u"a customer with id %1 already exists"_s.arg(taken->first().id)
                                                   : u"one of these customers conflicts with a stored one"_s;
        }
        return std::unexpected(e);
    }
    auto contactIds = m_db.insertRows(u"INSERT INTO contact_points (customer_id, kind, value, normalized, is_primary, "
                                      "source_system)"_s,
                                      6, contactRows);
    if (!contactIds)
        return std::unexpected(contactIds.error());
    qsizetype next = 0;
    for (Customer &customer : customers) {
        for (ContactPoint &contact : customer.contacts)
            contact.id = contactIds->at(next++);
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return customers;
}

Result<Customer> CustomerRepository::get(const QString &id) const
{
    using Row = std::pair<Customer, std::optional<ContactPoint>>;
    auto rows = m_db.select<Row>(u"SELECT "_s + kPrefixedCustomerColumns + u", "_s + kContactColumns
                                     + u" FROM customers c LEFT JOIN contact_points p ON p.customer_id = c.id "
                                       "WHERE c.id = ? ORDER BY p.is_primary DESC, p.id"_s,
                                 {id}, customerWithContact);
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return fail(ErrorCode::NotFound, u"no customer with id %1"_s.arg(id));
    return foldCustomers(*rows).first();
}

namespace {

// IN lists are cut into chunks well under every engine's bind limit.
constexpr int kInChunk = 500;

} // namespace

Result<QList<Customer>> CustomerRepository::getMany(const QStringList &requested) const
{
    using Row = std::pair<Customer, std::optional<ContactPoint>>;
    // Each id once, whatever the caller passed (a repeat across two chunks
    // would otherwise come back twice).
    QStringList ids = requested;
    ids.sort();
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    QList<Customer> out;
    for (qsizetype start = 0; start < ids.size(); start += kInChunk) {
        const QStringList chunk = ids.mid(start, kInChunk);
        QVariantList binds(chunk.cbegin(), chunk.cend());
        auto rows = m_db.select<Row>(u"SELECT "_s + kPrefixedCustomerColumns + u", "_s + kContactColumns
                                         + u" FROM customers c LEFT JOIN contact_points p ON p.customer_id = c.id "
                                           "WHERE c.id IN ("_s
                                         + Database::placeholders(int(chunk.size()))
                                         + u") ORDER BY c.id, p.is_primary DESC, p.id"_s,
                                     binds, customerWithContact);
        if (!rows)
            return std::unexpected(rows.error());
        out += foldCustomers(*rows);
    }
    std::sort(out.begin(), out.end(), [](const Customer &a, const Customer &b) { return a.id < b.id; });
    return out;
}

Result<QList<Customer>> CustomerRepository::findManyByContact(ContactKind kind, const QStringList &normalized) const
{
    using Row = std::pair<Customer, std::optional<ContactPoint>>;
    QList<Customer> out;
    for (qsizetype start = 0; start < normalized.size(); start += kInChunk) {
        const QStringList chunk = normalized.mid(start, kInChunk);
        QVariantList binds{toString(kind)};
        binds += QVariantList(chunk.cbegin(), chunk.cend());
        auto rows = m_db.select<Row>(u"SELECT "_s + kPrefixedCustomerColumns + u", "_s + kContactColumns
                                         + u" FROM customers c LEFT JOIN contact_points p ON p.customer_id = c.id "
                                           "WHERE c.id IN (SELECT customer_id FROM contact_points WHERE kind = ? AND "
                                           "normalized IN ("_s
                                         + Database::placeholders(int(chunk.size()))
                                         + u")) AND c.state <> 'archived' ORDER BY c.id, p.is_primary DESC, p.id"_s,
                                     binds, customerWithContact);
        if (!rows)
            return std::unexpected(rows.error());
        out += foldCustomers(*rows);
    }
    // A customer owning values in two chunks appears twice: keep one.
    std::sort(out.begin(), out.end(), [](const Customer &a, const Customer &b) { return a.id < b.id; });
    out.erase(std::unique(out.begin(), out.end(), [](const Customer &a, const Customer &b) { return a.id == b.id; }),
              out.end());
    return out;
}

Result<QList<Customer>> CustomerRepository::findByContact(ContactKind kind, const QString &normalized) const
{
    using Row = std::pair<Customer, std::optional<ContactPoint>>;
    auto rows = m_db.select<Row>(
        u"SELECT "_s + kPrefixedCustomerColumns + u", "_s + kContactColumns
            + u" FROM customers c LEFT JOIN contact_points p ON p.customer_id = c.id WHERE c.id IN "
              "(SELECT customer_id FROM contact_points WHERE kind = ? AND normalized = ?) "
              "AND c.state <> 'archived' ORDER BY c.created_at, c.id, p.is_primary DESC, p.id"_s,
        {toString(kind), normalized}, customerWithContact);
    if (!rows)
        return std::unexpected(rows.error());
    return foldCustomers(*rows);
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
    auto id = m_db.tolerating([&] { return m_db.insert(u"INSERT INTO contact_points (customer_id, kind, value, normalized, is_primary, source_system) "
                          "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"_s,
                          {contact.customerId, toString(contact.kind), contact.value, contact.normalized,
                           contact.isPrimary ? 1 : 0,
                           contact.sourceSystem ? QVariant(toString(*contact.sourceSystem))
                                                : QVariant(QMetaType::fromType<QString>())}); });
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
                                     {customerId}, [](const QSqlQuery &q) { return contactFromRow(q); });
}

Result<QList<Customer>> CustomerRepository::list(int offset, int limit) const
{
    return m_db.select<Customer>(u"SELECT "_s + kCustomerColumns
                                     + u" FROM customers ORDER BY display_name, id LIMIT ? OFFSET ?"_s,
                                 {limit, offset}, customerFromRow);
}

Result<qint64> CustomerRepository::count() const
{
    return m_db.countRows(u"customers"_s);
}

} // namespace Concord::Store
