#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/rules.h"

#include <QList>

namespace Concord::Store {

class Database;

// Field mappings, status mappings, tax and discount rules, invoice policies.
// Every save is versioned: an update must carry the version it was read at,
// and a concurrent edit in between makes it a Conflict — never a silent
// overwrite. Thread affinity: the thread that owns `db`.
class RulesRepository
{
public:
    explicit RulesRepository(Database &db, const Clock &clock = Clock::system());

    // id == 0 inserts (version 1); otherwise updates when `version` matches.
    // Returns the stored row (new id, bumped version, updatedAt).
    [[nodiscard]] Result<Domain::FieldMapping> saveFieldMapping(Domain::FieldMapping mapping);
    [[nodiscard]] Result<Domain::FieldMapping> fieldMapping(qint64 id) const;
    [[nodiscard]] Result<QList<Domain::FieldMapping>> fieldMappings() const;
    [[nodiscard]] Status deleteFieldMapping(qint64 id, int version);

    [[nodiscard]] Result<Domain::StatusMapping> saveStatusMapping(Domain::StatusMapping mapping);
    [[nodiscard]] Result<QList<Domain::StatusMapping>> statusMappings() const;
    [[nodiscard]] Status deleteStatusMapping(qint64 id, int version);

    [[nodiscard]] Result<Domain::TaxRule> saveTaxRule(Domain::TaxRule rule);
    [[nodiscard]] Result<QList<Domain::TaxRule>> taxRules() const;
    [[nodiscard]] Status deleteTaxRule(qint64 id, int version);

    [[nodiscard]] Result<Domain::DiscountRule> saveDiscountRule(Domain::DiscountRule rule);
    [[nodiscard]] Result<QList<Domain::DiscountRule>> discountRules() const;
    [[nodiscard]] Status deleteDiscountRule(qint64 id, int version);

    [[nodiscard]] Result<Domain::InvoicePolicy> saveInvoicePolicy(Domain::InvoicePolicy policy);
    [[nodiscard]] Result<QList<Domain::InvoicePolicy>> invoicePolicies() const;
    [[nodiscard]] Status deleteInvoicePolicy(qint64 id, int version);

    // Makes the caller the only editor of mappings and rules until its
    // transaction ends (must be called inside one, before anything is read).
    // Versions stop two editors from overwriting the same row; this stops two
    // editors each changing a different row after checking the set as it was
    // before the other's change (a "write skew": two desktops each give a
    // field a different system of record, both pass validation, the stored
    // set has two authorities). PostgreSQL: a transaction-scoped advisory
    // lock (LockKeys::kRulesEdit, store/advisorylock.h), waiting for the other
    // editor's commit.
    // SQLite: takes the write lock now (a deferred transaction would read
    // first and then fail to write); busy_timeout makes the second writer wait.
    [[nodiscard]] Status lockForEditing();

private:
    // Shared insert-or-versioned-update for every rule table. `columns` and
    // `values` exclude id, version, updated_by and updated_at.
    [[nodiscard]] Result<qint64> save(const QString &table, const QString &what, qint64 id, int version,
                                      const QStringList &columns, const QVariantList &values,
                                      const QString &updatedBy);
    [[nodiscard]] Status remove(const QString &table, const QString &what, qint64 id, int version);

    Database &m_db;
    const Clock &m_clock;
};

} // namespace Concord::Store
