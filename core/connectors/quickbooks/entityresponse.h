#pragma once

#include "common/error.h"
#include "connectors/quickbooks/entityjson.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>

namespace Concord::QuickBooks {

// The envelope of create / read / update / delete / void / send responses:
// {"Invoice":{…},"time":"2015-07-29T08:07:43.749-07:00"}.
struct EntityResponse {
    QString entityName;  // the single key besides "time" ("Invoice")
    QJsonObject entity;  // its object, unparsed
    QDateTime time;      // server time, UTC (invalid when absent)

    // Whether the entity is a deletion result ({"status":"Deleted",…}).
    [[nodiscard]] bool isDeleted() const;

    // The entity as T; an error when the envelope holds another entity type.
    template<typename T>
    [[nodiscard]] Result<T> as(const QString &homeCurrency = defaultHomeCurrency()) const
    {
        if (entityName != T::kEntityName)
            return fail(ErrorCode::RemoteValidation,
                        QStringLiteral("QuickBooks answered with %1 where %2 was expected")
                            .arg(entityName, T::kEntityName.toString()));
        return entityFromJson<T>(entity, homeCurrency);
    }

    // Parses a successful (2xx) body. A body holding a Fault becomes that
    // Fault's Error (httpStatus/requestId as given); anything unreadable is a
    // RemoteValidation error.
    [[nodiscard]] static Result<EntityResponse> parse(const QByteArray &body, int httpStatus = 200,
                                                      const QString &requestId = {});
    // The inverse, for the emulator and round-trip tests.
    [[nodiscard]] QByteArray toJson() const;
};

} // namespace Concord::QuickBooks
