#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <expected>

namespace Concord::Sandbox {

// An error as the HubSpot emulator answers it: HTTP status plus HubSpot's
// envelope {status:"error", message, correlationId, category, …}
// (hubspot-calcom.md A11). The correlation id is added when written.
struct HsError {
    int httpStatus = 400;
    QString category;   // VALIDATION_ERROR, CONFLICT, OBJECT_NOT_FOUND, … (may be empty)
    QString message;
    QJsonObject extra;  // more top-level fields (context, errors, policyName, …)

    [[nodiscard]] QJsonObject toJson(const QString &correlationId) const;

    [[nodiscard]] static HsError validation(const QString &message, const QJsonArray &errors = {});
    [[nodiscard]] static HsError notFound(const QString &message = QStringLiteral("resource not found"));
    // The 409 every HubSpot client has met: the existing id is only in the message.
    [[nodiscard]] static HsError contactExists(qint64 existingId);
    [[nodiscard]] static HsError conflict(const QString &message);
    [[nodiscard]] static HsError unknownProperty(const QString &property);
    [[nodiscard]] static HsError readOnlyProperty(const QString &property);
};

template<typename T>
using HsResult = std::expected<T, HsError>;

} // namespace Concord::Sandbox
