#include "connectors/hubspot/batchresult.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Concord::HubSpot {

Result<BatchResult> BatchResult::parse(QByteArrayView body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &error);
    const QJsonObject o = doc.object();
    if (error.error != QJsonParseError::NoError || !doc.isObject() || !o.value(u"results"_s).isArray())
        return fail(ErrorCode::RemoteValidation, u"HubSpot sent a batch answer Concord cannot read"_s,
                    u"expected {\"status\",\"results\":[…]}"_s);
    BatchResult result;
    result.status = o.value(u"status"_s).toString();
    for (const QJsonValue &v : o.value(u"results"_s).toArray()) {
        auto object = CrmObject::fromJson(v.toObject());
        if (!object)
            return std::unexpected(object.error());
        result.results.append(*object);
    }
    for (const QJsonValue &v : o.value(u"errors"_s).toArray())
        result.errors.append(ApiError::fromJson(v.toObject()));
    result.numErrors = o.value(u"numErrors"_s).toInt(int(result.errors.size()));
    result.startedAt = parseTime(o.value(u"startedAt"_s).toString());
    result.completedAt = parseTime(o.value(u"completedAt"_s).toString());
    return result;
}

void BatchResult::append(const BatchResult &other)
{
    if (status.isEmpty() || other.status != u"COMPLETE"_s)
        status = other.status;
    results.append(other.results);
    errors.append(other.errors);
    numErrors += other.numErrors;
    if (!startedAt.isValid() || (other.startedAt.isValid() && other.startedAt < startedAt))
        startedAt = other.startedAt;
    if (other.completedAt > completedAt)
        completedAt = other.completedAt;
}

} // namespace Concord::HubSpot
