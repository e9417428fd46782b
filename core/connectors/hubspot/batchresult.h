#pragma once

#include "connectors/hubspot/apierror.h"
#include "connectors/hubspot/crmobject.h"

#include <QList>

namespace Concord::HubSpot {

// A batch endpoint's answer (hubspot-calcom.md A2): 200/201 with every
// result, or 207 multi-status with the failed inputs in `errors`. A batch
// that failed as a whole (400, 409, …) is an Error, not a BatchResult.
// Pure value.
struct BatchResult {
    QString status; // COMPLETE | PENDING | PROCESSING | CANCELED
    QList<CrmObject> results;
    QList<ApiError> errors;
    int numErrors = 0;
    QDateTime startedAt;
    QDateTime completedAt;

    [[nodiscard]] bool isPartial() const { return !errors.isEmpty() || numErrors > 0; }
    [[nodiscard]] static Result<BatchResult> parse(QByteArrayView body);
    // Appends another chunk's answer (the client splits lists into ≤ 100).
    void append(const BatchResult &other);
};

} // namespace Concord::HubSpot
