#pragma once

#include "common/error.h"
#include "connectors/quickbooks/deletedentity.h"
#include "connectors/quickbooks/entityjson.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>

namespace Concord::QuickBooks {

// GET /cdc?entities=…&changedSince=…: every object changed since a time (≤ 30
// days back, ≤ 1000 objects), grouped by entity type, active objects first
// and deletion stubs after them.
struct CdcResponse {
    QMap<QString, QList<QJsonObject>> changed; // entity name → full objects, server order
    QList<DeletedEntity> deleted;              // all types, server order
    QDateTime time; // server time (UTC): the next changedSince high-water mark

    template<typename T>
    [[nodiscard]] Result<QList<T>> changedAs(const QString &homeCurrency = defaultHomeCurrency()) const
    {
        return entitiesFromJson<T>(changed.value(T::kEntityName.toString()), homeCurrency);
    }
    [[nodiscard]] int objectCount() const;

    // A Fault becomes its Error, as elsewhere.
    [[nodiscard]] static Result<CdcResponse> parse(const QByteArray &body, int httpStatus = 200,
                                                   const QString &requestId = {});
};

} // namespace Concord::QuickBooks
