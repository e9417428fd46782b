#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/customer.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Concord::Store {

class Database;

// Concord customers and their contact points. Not thread-safe: use on the
// thread that owns `db`. Multi-row writes open their own Transaction (nested
// as a savepoint inside a caller's).
class CustomerRepository
{
public:
    explicit CustomerRepository(Database &db, const Clock &clock = Clock::system());

    // "cus_" + 32 lower-case hex digits (a time-ordered UUIDv7): stable, never
    // reused, and later ids sort after earlier ones.
    [[nodiscard]] static QString newId();

    // Inserts the customer and its contacts. Assigns id (when empty),
    // createdAt/updatedAt and version 1. Returns the stored customer.
    [[nodiscard]] Result<Domain::Customer> create(Domain::Customer customer);
    // Batch create (imports): same rules as create(), multi-row statements,
    // all or nothing.
    [[nodiscard]] Result<QList<Domain::Customer>> createMany(QList<Domain::Customer> customers);
    // With contacts. NotFound when absent.
    [[nodiscard]] Result<Domain::Customer> get(const QString &id) const;
    // Batch get: the customers among `ids` that exist, with contacts, ordered
    // by id. Unknown ids are simply absent from the result.
    [[nodiscard]] Result<QList<Domain::Customer>> getMany(const QStringList &ids) const;
    // Batch lookup: every customer owning a contact point of `kind` whose
    // normalized value is in `normalized`, with contacts, ordered by id.
    [[nodiscard]] Result<QList<Domain::Customer>> findManyByContact(Domain::ContactKind kind,
                                                                    const QStringList &normalized) const;
    // Active and merged customers owning a contact point with this normalized
    // value (several before duplicates are merged). With contacts.
    [[nodiscard]] Result<QList<Domain::Customer>> findByContact(Domain::ContactKind kind,
                                                                const QString &normalized) const;
    // Updates the customer's own fields (not contacts). `customer.version`
    // must equal the stored version, else Conflict (someone else changed it).
    // Returns the stored customer with the bumped version.
    [[nodiscard]] Result<Domain::Customer> update(const Domain::Customer &customer);
    // Marks `id` merged into `survivorId` (both must exist, differ, and the
    // survivor must be active).
    [[nodiscard]] Status markMerged(const QString &id, const QString &survivorId);
    // Makes a merged customer active again (undo of a merge in Concord).
    [[nodiscard]] Status reactivate(const QString &id);

    // Adds a contact point; returns its id. Conflict when the customer already
    // has the same kind+normalized value.
    [[nodiscard]] Result<qint64> addContact(const Domain::ContactPoint &contact);
    [[nodiscard]] Status removeContact(qint64 contactId);
    [[nodiscard]] Result<QList<Domain::ContactPoint>> contacts(const QString &customerId) const;

    // Ordered by display name then id; without contacts.
    [[nodiscard]] Result<QList<Domain::Customer>> list(int offset, int limit) const;
    [[nodiscard]] Result<qint64> count() const;

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace Concord::Store
