#include "connectors/quickbooks/entityresponse.h"

#include "connectors/quickbooks/deletedentity.h"
#include "connectors/quickbooks/envelope_p.h"
#include "connectors/quickbooks/fault.h"
#include "connectors/quickbooks/jsonio_p.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

namespace Internal {

Result<QJsonObject> parseBody(const QByteArray &body, int httpStatus, const QString &requestId,
                              QStringView what)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (!doc.isObject()) {
        // An XML fault or a gateway page on a 2xx path: classify it the same way.
        if (body.trimmed().startsWith('<'))
            return std::unexpected(errorFromResponse(httpStatus, body, requestId));
        Error e = Error::make(ErrorCode::RemoteValidation,
                              u"QuickBooks sent a %1 Concord cannot read"_s.arg(what),
                              parseError.error != QJsonParseError::NoError
                                  ? parseError.errorString()
                                  : u"the body is not a JSON object"_s);
        e.httpStatus = httpStatus;
        e.requestId = requestId;
        return std::unexpected(e);
    }
    if (auto fault = faultFromJson(doc.object()))
        return std::unexpected(errorFromFault(*fault, httpStatus, requestId));
    return doc.object();
}

} // namespace Internal

bool EntityResponse::isDeleted() const
{
    return DeletedEntity::isDeletedStub(entity);
}

Result<EntityResponse> EntityResponse::parse(const QByteArray &body, int httpStatus,
                                             const QString &requestId)
{
    auto object = Internal::parseBody(body, httpStatus, requestId, u"response");
    if (!object)
        return std::unexpected(object.error());
    EntityResponse r;
    for (auto it = object->constBegin(); it != object->constEnd(); ++it) {
        if (it.key() == u"time"_s) {
            r.time = Internal::parseTimestamp(it.value().toString());
        } else if (it.value().isObject()) {
            if (!r.entityName.isEmpty()) {
                Error e = Error::make(ErrorCode::RemoteValidation,
                                      u"QuickBooks sent a response Concord cannot read"_s,
                                      u"more than one entity (%1, %2)"_s.arg(r.entityName, it.key()));
                e.httpStatus = httpStatus;
                e.requestId = requestId;
                return std::unexpected(e);
            }
            r.entityName = it.key();
            r.entity = it.value().toObject();
        }
    }
    if (r.entityName.isEmpty()) {
        Error e = Error::make(ErrorCode::RemoteValidation,
                              u"QuickBooks sent a response Concord cannot read"_s,
                              u"no entity in the response"_s);
        e.httpStatus = httpStatus;
        e.requestId = requestId;
        return std::unexpected(e);
    }
    return r;
}

QByteArray EntityResponse::toJson() const
{
    QJsonObject object{ { entityName, entity } };
    if (time.isValid())
        object.insert(u"time"_s, Internal::formatTimestamp(time));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace Concord::QuickBooks
