#pragma once

#include "common/error.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Concord::HubSpot {

// A stage of a pipeline (hubspot-calcom.md A7). Stage ids are per portal:
// Concord's status mapping names stages by id and checks them against these.
struct PipelineStage {
    QString id;
    QString label;
    int displayOrder = 0;
    bool archived = false;
    QString probability;          // deals: metadata.probability ("0.5"), text
    std::optional<bool> isClosed; // deals: metadata.isClosed (won or lost)

    friend bool operator==(const PipelineStage &, const PipelineStage &) = default;
};

struct Pipeline {
    QString id; // "default" for every account's first deal pipeline
    QString label;
    int displayOrder = 0;
    bool archived = false;
    QDateTime createdAt;
    QDateTime updatedAt;
    QList<PipelineStage> stages; // in displayOrder

    [[nodiscard]] std::optional<PipelineStage> stage(const QString &stageId) const;
    // GET /crm/v3/pipelines/{type}: {"results":[Pipeline…]}.
    [[nodiscard]] static Result<QList<Pipeline>> parseList(QByteArrayView body);

    friend bool operator==(const Pipeline &, const Pipeline &) = default;
};

} // namespace Concord::HubSpot
