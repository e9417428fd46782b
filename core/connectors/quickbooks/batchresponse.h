#pragma once

#include "common/error.h"
#include "connectors/quickbooks/queryresponse.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace Concord::QuickBooks {

// One item of {"BatchItemResponse":[…]}: exactly one of an entity, a query
// result or a fault. The batch as a whole answers HTTP 200 even when items
// failed, so each item's fault is classified on its own (as HTTP 200).
struct BatchItemResponse {
    QString bId;
    QString entityName;  // for entity results
    QJsonObject entity;  // unparsed; use entityFromJson<T>()
    std::optional<QueryResponse> query;
    std::optional<Error> error; // the item's Fault as an Error (see errorFromFault)

    [[nodiscard]] bool isError() const { return error.has_value(); }
};

struct BatchResponse {
    QList<BatchItemResponse> items;
    QDateTime time; // UTC

    // The item answering `bId`, or nullptr.
    [[nodiscard]] const BatchItemResponse *item(const QString &bId) const;

    // The whole body; a top-level Fault (auth, throttle, 1040 too many items)
    // becomes its Error.
    [[nodiscard]] static Result<BatchResponse> parse(const QByteArray &body, int httpStatus = 200,
                                                     const QString &requestId = {});
};

} // namespace Concord::QuickBooks
