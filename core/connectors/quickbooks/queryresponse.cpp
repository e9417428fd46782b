#include "connectors/quickbooks/queryresponse.h"

#include "connectors/quickbooks/envelope_p.h"
#include "connectors/quickbooks/jsonio_p.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

namespace {

Result<int> count(const QJsonObject &object, QStringView key)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined())
        return 0;
    if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() != double(v.toInteger()))
        return fail(ErrorCode::RemoteValidation, u"QuickBooks sent a query result Concord cannot read"_s,
                    u"QueryResponse.%1 is not a whole number"_s.arg(key.toString()));
    return int(v.toInteger());
}

} // namespace

Result<QueryResponse> QueryResponse::fromJson(const QJsonObject &object)
{
    QueryResponse r;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!it.value().isArray())
            continue;
        if (!r.entityName.isEmpty())
            return fail(ErrorCode::RemoteValidation,
                        u"QuickBooks sent a query result Concord cannot read"_s,
                        u"more than one entity list (%1, %2)"_s.arg(r.entityName, it.key()));
        r.entityName = it.key();
        const QJsonArray list = it.value().toArray();
        for (const QJsonValue &v : list) {
            if (!v.isObject())
                return fail(ErrorCode::RemoteValidation,
                            u"QuickBooks sent a query result Concord cannot read"_s,
                            u"QueryResponse.%1 holds a non-object"_s.arg(r.entityName));
            r.entities.append(v.toObject());
        }
    }
    auto start = count(object, u"startPosition");
    auto max = count(object, u"maxResults");
    if (!start)
        return std::unexpected(start.error());
    if (!max)
        return std::unexpected(max.error());
    r.startPosition = *start;
    r.maxResults = *max;
    if (object.contains(u"totalCount")) {
        auto total = count(object, u"totalCount");
        if (!total)
            return std::unexpected(total.error());
        r.totalCount = *total;
    }
    return r;
}

Result<QueryResponse> QueryResponse::parse(const QByteArray &body, int httpStatus,
                                           const QString &requestId)
{
    auto object = Internal::parseBody(body, httpStatus, requestId, u"query result");
    if (!object)
        return std::unexpected(object.error());
    const QJsonValue inner = object->value(u"QueryResponse");
    if (!inner.isObject())
        return fail(ErrorCode::RemoteValidation, u"QuickBooks sent a query result Concord cannot read"_s,
                    u"no QueryResponse object"_s);
    auto r = fromJson(inner.toObject());
    if (r)
        r->time = Internal::parseTimestamp(object->value(u"time").toString());
    return r;
}

QJsonObject QueryResponse::toJson() const
{
    QJsonObject object;
    if (!entityName.isEmpty()) {
        QJsonArray list;
        for (const QJsonObject &e : entities)
            list.append(e);
        object.insert(entityName, list);
    }
    if (startPosition > 0)
        object.insert(u"startPosition"_s, startPosition);
    if (maxResults > 0)
        object.insert(u"maxResults"_s, maxResults);
    if (totalCount)
        object.insert(u"totalCount"_s, *totalCount);
    return object;
}

} // namespace Concord::QuickBooks
