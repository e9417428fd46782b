#include "sync/jobs.h"

#include <QJsonDocument>

namespace Concord::Sync::Jobs {

Domain::OutboxJob make(Domain::System target, QStringView operation, const QString &entityType,
                       const QString &entityId, const QString &idempotencyKey, const QJsonObject &payload,
                       QStringView sourceKind, const QDateTime &sourceChangedAt)
{
    Domain::OutboxJob job;
    job.targetSystem = target;
    job.operation = operation.toString();
    job.entityType = entityType;
    job.entityId = entityId;
    job.idempotencyKey = idempotencyKey;
    job.payloadJson = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    job.sourceKind = sourceKind.toString();
    job.sourceChangedAt = sourceChangedAt;
    return job;
}

QJsonObject payloadOf(const Domain::OutboxJob &job)
{
    return QJsonDocument::fromJson(job.payloadJson).object();
}

} // namespace Concord::Sync::Jobs
