#pragma once

#include "quickbooks/qbofault.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <expected>

namespace Concord {
class Clock;
}

namespace Concord::Sandbox {

// One QuickBooks company ("realm") held in memory: the entities as the API
// serializes them, id and DocNumber counters, deleted-transaction stubs for CDC,
// and the business rules of quickbooks.md §3 (SyncToken concurrency, DisplayName
// uniqueness, invoice arithmetic in integer cents, payments linking invoices).
//
// Not thread-safe: owned and used by QuickBooksEmulator on its thread.
class QboRealm
{
public:
    using Result = std::expected<QJsonObject, QboFault>;

    // A change a webhook would report (legacy operation names).
    struct Change {
        QString entity;
        QString id;
        QString operation; // Create | Update | Delete | Void | Emailed
        QDateTime whenUtc;
    };

    QboRealm(QString realmId, const Clock *clock, int offsetSecs);

    [[nodiscard]] const QString &id() const { return m_realmId; }
    [[nodiscard]] int offsetSecs() const { return m_offsetSecs; }

    // Entities served under /v3/company/{realm}/{segment}; empty if unknown.
    [[nodiscard]] static QString entityForSegment(const QString &segment);
    [[nodiscard]] static bool isTransaction(const QString &entity);
    // Entities the public API may create/update (TaxCode/TaxRate are read-only).
    [[nodiscard]] static bool isWritable(const QString &entity);

    // Create, or update when the body carries an Id (full, or sparse when "sparse":true
    // or `forceSparse`), as POST /{entity} does.
    [[nodiscard]] Result write(const QString &entity, const QJsonObject &body, bool forceSparse = false);
    [[nodiscard]] Result create(const QString &entity, const QJsonObject &body);
    [[nodiscard]] Result update(const QString &entity, const QJsonObject &body, bool sparse);
    [[nodiscard]] Result read(const QString &entity, const QString &id) const;
    // ?operation=delete on transactions: returns {"status":"Deleted","domain":"QBO","Id":…}.
    [[nodiscard]] Result remove(const QString &entity, const QJsonObject &body);
    // Invoice ?operation=void, Payment ?operation=update&include=void.
    [[nodiscard]] Result voidTransaction(const QString &entity, const QJsonObject &body);
    // POST /{entity}/{id}/send[?sendTo=].
    [[nodiscard]] Result send(const QString &entity, const QString &id, const QString &sendTo);
    // The value of "QueryResponse". `invoiceLinkBase` non-empty adds InvoiceLink to invoices.
    [[nodiscard]] Result query(const QString &statement, const QString &invoiceLinkBase = {}) const;
    // The value of "CDCResponse".
    [[nodiscard]] std::expected<QJsonArray, QboFault> changeDataCapture(const QString &entities,
                                                                      const QString &changedSince) const;
    [[nodiscard]] QJsonObject companyInfo() const;
    [[nodiscard]] QJsonObject preferences() const;

    // Admin: stores an entity bypassing API validation (tax codes/rates, company
    // info, preferences); assigns Id/SyncToken/MetaData when absent.
    QJsonObject insertRaw(const QString &entity, QJsonObject object);
    // The stored object, or empty.
    [[nodiscard]] QJsonObject stored(const QString &entity, const QString &id) const;
    [[nodiscard]] QList<QJsonObject> all(const QString &entity) const;
    // Adds InvoiceLink to an invoice object (include=invoiceLink).
    [[nodiscard]] QJsonObject withInvoiceLink(QJsonObject invoice, const QString &base) const;

    // Changes since the last call, oldest first (feeds outgoing webhooks).
    [[nodiscard]] QList<Change> takeChanges();

private:
    struct Deleted {
        QString entity;
        QString id;
        QDateTime whenUtc;
    };

    [[nodiscard]] QDateTime now() const;
    [[nodiscard]] QString today() const;
    [[nodiscard]] QString nextId(const QString &entity);
    [[nodiscard]] QJsonObject present(const QString &entity, const QJsonObject &stored) const;
    // Stores / removes an entity and keeps the indexes below in step; the
    // only ways m_entities changes after construction.
    void put(const QString &entity, const QJsonObject &object);
    void erase(const QString &entity, const QString &id);
    void unindex(const QString &entity, const QJsonObject &old);
    [[nodiscard]] static QString nameKey(const QString &displayName);
    [[nodiscard]] static std::optional<std::pair<QString, qint64>> balanceShare(const QString &entity,
                                                                               const QJsonObject &object);
    void stamp(QJsonObject &object, bool created);
    void record(const QString &entity, const QString &id, const QString &operation);
    // Looks up an entity for update/delete/void; checks Id and SyncToken.
    [[nodiscard]] std::expected<QJsonObject, QboFault> current(const QString &entity,
                                                               const QJsonObject &body) const;
    // Validates and fills computed fields of a candidate object. `previous` is
    // empty on create.
    [[nodiscard]] std::optional<QboFault> normalize(const QString &entity, QJsonObject &object,
                                                    const QJsonObject &previous);
    [[nodiscard]] std::optional<QboFault> normalizeCustomer(QJsonObject &object, const QJsonObject &previous);
    [[nodiscard]] std::optional<QboFault> normalizeNamed(const QString &entity, QJsonObject &object);
    [[nodiscard]] std::optional<QboFault> normalizeSalesForm(const QString &entity, QJsonObject &object,
                                                             const QJsonObject &previous);
    [[nodiscard]] std::optional<QboFault> normalizePayment(QJsonObject &object, const QJsonObject &previous);
    [[nodiscard]] std::optional<QboFault> resolveRef(QJsonObject &object, const QString &field,
                                                     const QString &entity, const QString &nameField);
    // Cents applied to an invoice by payments other than `excludingPayment`.
    [[nodiscard]] qint64 appliedToInvoice(const QString &invoiceId, const QString &excludingPayment = {}) const;
    // Recomputes Balance and LinkedTxn of invoices after payments changed; a
    // changed invoice is a write (SyncToken+1, webhook Update).
    void reconcileInvoices(const QSet<QString> &invoiceIds);
    [[nodiscard]] static QSet<QString> linkedInvoices(const QJsonObject &payment);

    QString m_realmId;
    const Clock *m_clock;
    int m_offsetSecs;
    QHash<QString, QMap<qint64, QJsonObject>> m_entities;
    QHash<QString, qint64> m_nextId;  // per id family
    QHash<QString, qint64> m_nextDocNumber;
    // Indexes (see put()): customer by case-folded, trimmed DisplayName;
    // open balance in cents by customer id; payments linked to an invoice.
    QHash<QString, qint64> m_customerByName;
    QHash<QString, qint64> m_balanceByCustomer;
    QHash<QString, QSet<qint64>> m_paymentsByInvoice;
    QSet<QString> m_voided; // "Entity/Id" of voided transactions: totals stay zero
    QList<Deleted> m_deleted;
    QList<Change> m_changes;
};

} // namespace Concord::Sandbox
