#include "connectors/quickbooks/batchresponse.h"

#include "connectors/quickbooks/envelope_p.h"
#include "connectors/quickbooks/fault.h"
#include "connectors/quickbooks/jsonio_p.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

const BatchItemResponse *BatchResponse::item(const QString &bId) const
{
    for (const BatchItemResponse &i : items) {
        if (i.bId == bId)
            return &i;
    }
    return nullptr;
}

Result<BatchResponse> BatchResponse::parse(const QByteArray &body, int httpStatus,
                                           const QString &requestId)
{
    auto object = Internal::parseBody(body, httpStatus, requestId, u"batch result");
    if (!object)
        return std::unexpected(object.error());
    const QJsonValue list = object->value(u"BatchItemResponse");
    if (!list.isArray())
        return fail(ErrorCode::RemoteValidation, u"QuickBooks sent a batch result Concord cannot read"_s,
                    u"no BatchItemResponse list"_s);
    BatchResponse r;
    r.time = Internal::parseTimestamp(object->value(u"time").toString());
    const QJsonArray items = list.toArray();
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        BatchItemResponse item;
        item.bId = o.value(u"bId").toString();
        if (auto fault = faultFromJson(o)) {
            item.error = errorFromFault(*fault, httpStatus, requestId);
        } else if (o.value(u"QueryResponse").isObject()) {
            auto query = QueryResponse::fromJson(o.value(u"QueryResponse").toObject());
            if (!query)
                return std::unexpected(query.error());
            item.query = *query;
        } else {
            for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
                if (it.value().isObject()) {
                    item.entityName = it.key();
                    item.entity = it.value().toObject();
                }
            }
        }
        r.items.append(item);
    }
    return r;
}

} // namespace Concord::QuickBooks
