#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QJsonObject>

namespace Concord::QuickBooks::Internal {

// Parses a response body as a JSON object; a Fault inside becomes its Error.
[[nodiscard]] Result<QJsonObject> parseBody(const QByteArray &body, int httpStatus,
                                            const QString &requestId, QStringView what);

} // namespace Concord::QuickBooks::Internal
