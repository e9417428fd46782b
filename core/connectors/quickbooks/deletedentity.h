#pragma once

#include "common/error.h"

#include <QDateTime>
#include <QJsonObject>

namespace Concord::QuickBooks {

// What CDC (and delete responses) report for a deleted transaction:
// {"status":"Deleted","domain":"QBO","Id":"979","MetaData":{"LastUpdatedTime":…}}
// and nothing else — no SyncToken, no amounts. Transactions are hard-deleted,
// so this stub is the only trace left.
struct DeletedEntity {
    QString entityName; // "Invoice", "Estimate", … (from the surrounding list)
    QString id;
    QDateTime lastUpdatedTime; // UTC; invalid in delete responses, which omit it

    // Whether an entity object is a deletion stub (status == "Deleted").
    [[nodiscard]] static bool isDeletedStub(const QJsonObject &object);
    [[nodiscard]] static Result<DeletedEntity> fromJson(const QString &entityName,
                                                        const QJsonObject &object);
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const DeletedEntity &, const DeletedEntity &) = default;
};

} // namespace Concord::QuickBooks
