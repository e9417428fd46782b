#include "connectors/hubspot/pipeline.h"

#include "connectors/hubspot/crmobject.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Concord::HubSpot {

std::optional<PipelineStage> Pipeline::stage(const QString &stageId) const
{
    for (const PipelineStage &s : stages) {
        if (s.id == stageId)
            return s;
    }
    return std::nullopt;
}

Result<QList<Pipeline>> Pipeline::parseList(QByteArrayView body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject() || !doc.object().value(u"results"_s).isArray())
        return fail(ErrorCode::RemoteValidation, u"HubSpot sent pipelines Concord cannot read"_s,
                    u"expected {\"results\":[…]}"_s);
    QList<Pipeline> pipelines;
    for (const QJsonValue &v : doc.object().value(u"results"_s).toArray()) {
        const QJsonObject o = v.toObject();
        Pipeline p;
        p.id = o.value(u"id"_s).toString();
        if (p.id.isEmpty())
            return fail(ErrorCode::RemoteValidation, u"HubSpot sent a pipeline without an id"_s);
        p.label = o.value(u"label"_s).toString();
        p.displayOrder = o.value(u"displayOrder"_s).toInt();
        p.archived = o.value(u"archived"_s).toBool();
        p.createdAt = parseTime(o.value(u"createdAt"_s).toString());
        p.updatedAt = parseTime(o.value(u"updatedAt"_s).toString());
        for (const QJsonValue &sv : o.value(u"stages"_s).toArray()) {
            const QJsonObject so = sv.toObject();
            PipelineStage s;
            s.id = so.value(u"id"_s).toString();
            s.label = so.value(u"label"_s).toString();
            s.displayOrder = so.value(u"displayOrder"_s).toInt();
            s.archived = so.value(u"archived"_s).toBool();
            const QJsonObject meta = so.value(u"metadata"_s).toObject();
            const QJsonValue probability = meta.value(u"probability"_s);
            s.probability = probability.isDouble() ? QString::number(probability.toDouble()) : probability.toString();
            // metadata values are strings in the API ("true"), booleans in some SDK fixtures.
            const QJsonValue closed = meta.value(u"isClosed"_s);
            if (closed.isBool())
                s.isClosed = closed.toBool();
            else if (closed.isString())
                s.isClosed = closed.toString() == u"true"_s;
            p.stages.append(s);
        }
        std::stable_sort(p.stages.begin(), p.stages.end(),
                         [](const PipelineStage &a, const PipelineStage &b) { return a.displayOrder < b.displayOrder; });
        pipelines.append(p);
    }
    return pipelines;
}

} // namespace Concord::HubSpot
