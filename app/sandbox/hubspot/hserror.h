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
    // An `email` value HubSpot's format check refuses. The body is the one
    // observed from POST /crm/v3/objects/contacts: 400 VALIDATION_ERROR whose
    // message embeds the property results as JSON text,
    //   Property values were not valid: [{"isValid":false,"message":"Email
    //   address example.lcom is invalid","error":"INVALID_EMAIL","name":"email"}]
    // and no `errors` array (captured in frank-quoc/TalentLMS_HS_Integration's
    // README, 2022; the same shape in a go HubSpot client's test,
    // "Email address bcooper@example.con is invalid"; HubSpot's developer
    // changelog of 2023-07 shows the shape for other property checks).
    // HubSpot words the inner message in the portal's language (a Portuguese
    // portal answered "Endereço de e-mail … inválido", community.hubspot.com
    // thread 833439); the emulator's portal speaks English. `email` is
    // written back as sent (trimmed), which is what the captures show.
    [[nodiscard]] static HsError invalidEmail(const QString &email);
};

template<typename T>
using HsResult = std::expected<T, HsError>;

} // namespace Concord::Sandbox
