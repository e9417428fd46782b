#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Concord::QuickBooks {

// What one batch item asks for. Void is sent as operation "update" with
// optionsData "void" (Intuit batch docs).
enum class BatchOperation { Create, Update, Delete, Void, Query };

// Builds the body of POST /batch: {"BatchItemRequest":[…]}. At most 30 items
// (kMaxItems; more gives Fault 1040), each with a unique non-empty bId by
// which the response items are matched (the server does not keep order).
// Items are independent: a customer created by one item is not visible to
// another item of the same batch.
class BatchRequest
{
public:
    static constexpr int kMaxItems = 30;
    // When the batch request also carries a requestid, each bId may be at most
    // 10 characters (Intuit request-id notes); stay below it always.
    static constexpr int kMaxBatchIdLength = 10;

    // `entity` is the entity JSON (create: toJson(); update: a sparse or full
    // body; delete/void: {"Id","SyncToken"}). Errors: batch full, bId empty,
    // too long or repeated, empty entity name.
    [[nodiscard]] Status add(const QString &bId, BatchOperation operation, const QString &entityName,
                             const QJsonObject &entity);
    [[nodiscard]] Status addQuery(const QString &bId, const QString &query);

    [[nodiscard]] int size() const { return int(m_items.size()); }
    [[nodiscard]] bool isEmpty() const { return m_items.isEmpty(); }
    [[nodiscard]] bool isFull() const { return m_items.size() >= kMaxItems; }

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] QByteArray toBody() const; // compact JSON bytes

private:
    [[nodiscard]] Status checkId(const QString &bId) const;
    QList<QJsonObject> m_items;
    QStringList m_ids;
};

} // namespace Concord::QuickBooks
