#pragma once

#include "common/error.h"
#include "connectors/quickbooks/entityjson.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace Concord::QuickBooks {

// {"QueryResponse":{"Customer":[…],"startPosition":1,"maxResults":2},"time":…}.
// An empty result is {"QueryResponse":{}} (no entity key, no positions);
// SELECT COUNT(*) gives only totalCount.
struct QueryResponse {
    QString entityName;          // empty when the result is empty
    QList<QJsonObject> entities; // unparsed, in server order
    int startPosition = 0;       // 1-based; 0 when absent
    int maxResults = 0;          // number returned in this page (not the limit asked)
    std::optional<int> totalCount;
    QDateTime time;              // UTC; invalid inside batch items and CDC

    template<typename T>
    [[nodiscard]] Result<QList<T>> as(const QString &homeCurrency = defaultHomeCurrency()) const
    {
        if (!entityName.isEmpty() && entityName != T::kEntityName)
            return fail(ErrorCode::RemoteValidation,
                        QStringLiteral("QuickBooks answered with %1 where %2 was expected")
                            .arg(entityName, T::kEntityName.toString()));
        return entitiesFromJson<T>(entities, homeCurrency);
    }

    // Parses a whole body (Fault → its Error, as EntityResponse::parse).
    [[nodiscard]] static Result<QueryResponse> parse(const QByteArray &body, int httpStatus = 200,
                                                     const QString &requestId = {});
    // Parses the inner QueryResponse object (batch items, CDC).
    [[nodiscard]] static Result<QueryResponse> fromJson(const QJsonObject &queryResponse);
    [[nodiscard]] QJsonObject toJson() const; // the inner object
};

} // namespace Concord::QuickBooks
