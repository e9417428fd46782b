#include "connectors/quickbooks/cdcresponse.h"

#include "connectors/quickbooks/envelope_p.h"
#include "connectors/quickbooks/jsonio_p.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

int CdcResponse::objectCount() const
{
    qsizetype n = deleted.size();
    for (const auto &list : changed)
        n += list.size();
    return int(n);
}

Result<CdcResponse> CdcResponse::parse(const QByteArray &body, int httpStatus, const QString &requestId)
{
    auto object = Internal::parseBody(body, httpStatus, requestId, u"change list");
    if (!object)
        return std::unexpected(object.error());
    const QJsonValue outer = object->value(u"CDCResponse");
    if (!outer.isArray())
        return fail(ErrorCode::RemoteValidation, u"QuickBooks sent a change list Concord cannot read"_s,
                    u"no CDCResponse list"_s);
    CdcResponse r;
    r.time = Internal::parseTimestamp(object->value(u"time").toString());
    const QJsonArray cdcs = outer.toArray();
    for (const QJsonValue &cdc : cdcs) {
        const QJsonArray queries = cdc.toObject().value(u"QueryResponse").toArray();
        for (const QJsonValue &query : queries) {
            const QJsonObject q = query.toObject();
            for (auto it = q.constBegin(); it != q.constEnd(); ++it) {
                if (!it.value().isArray())
                    continue; // startPosition, maxResults, totalCount
                const QJsonArray objects = it.value().toArray();
                QList<QJsonObject> &active = r.changed[it.key()];
                for (const QJsonValue &v : objects) {
                    const QJsonObject o = v.toObject();
                    if (DeletedEntity::isDeletedStub(o)) {
                        auto stub = DeletedEntity::fromJson(it.key(), o);
                        if (!stub)
                            return std::unexpected(stub.error());
                        r.deleted.append(*stub);
                    } else {
                        active.append(o);
                    }
                }
            }
        }
    }
    return r;
}

} // namespace Concord::QuickBooks
