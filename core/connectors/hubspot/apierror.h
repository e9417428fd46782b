#pragma once

#include "common/error.h"
#include "connectors/http/httpheaders.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Concord::HubSpot {

// HubSpot's error body (hubspot-calcom.md A11): {status, message,
// correlationId, category, subCategory?, context?, errors[]?, links?} and, on
// 429, {errorType:"RATE_LIMIT", policyName, requestId}. Batch errors
// (StandardError) carry the same fields plus `id`. "All fields should be
// treated as optional." Pure value.
struct ApiError {
    struct Detail {
        QString message;
        QString code;
        QString in;
        QString subCategory;
        friend bool operator==(const Detail &, const Detail &) = default;
    };
    // One refused property value. A property-value 400 carries them only as
    // JSON text inside `message`:
    //   "Property values were not valid: [{\"isValid\":false,\"message\":
    //    \"Email address example.lcom is invalid\",\"error\":\"INVALID_EMAIL\",
    //    \"name\":\"email\"}]"
    // (captured from POST /crm/v3/objects/contacts; newer answers add
    // localizedErrorMessage and portalId to each entry). `message` is in the
    // portal's language.
    struct PropertyResult {
        QString name;    // the property: "email"
        QString error;   // HubSpot's code: INVALID_EMAIL, PROPERTY_DOESNT_EXIST, INVALID_OPTION, …
        QString message; // "Email address example.lcom is invalid"
        friend bool operator==(const PropertyResult &, const PropertyResult &) = default;
    };

    QString status;        // "error" (or an HTTP status text in batch errors)
    QString message;
    QString correlationId;
    QString category;      // VALIDATION_ERROR, CONFLICT, OBJECT_NOT_FOUND, …
    QString subCategory;
    QString errorType;     // RATE_LIMIT on 429
    QString policyName;    // DAILY | SECONDLY (429)
    QString requestId;
    QString id;            // batch errors: the input it concerns, when given
    QMap<QString, QStringList> context; // e.g. {"invalidPropertyName":["foo"]}
    QList<Detail> errors;
    QList<PropertyResult> propertyResults; // parsed out of `message`; empty when it embeds none

    [[nodiscard]] static ApiError fromJson(const QJsonObject &json);
    // nullopt when the body is not a JSON object.
    [[nodiscard]] static std::optional<ApiError> parse(QByteArrayView body);

    friend bool operator==(const ApiError &, const ApiError &) = default;
};

// The existing record's id in a 409 message ("Contact already exists.
// Existing ID: 37765128953"); nullopt when the message names none. HubSpot
// puts the id nowhere else.
[[nodiscard]] std::optional<QString> existingIdFromConflict(const QString &message);

// The Concord error an unsuccessful HubSpot answer stands for:
//   400 → RemoteValidation (VALIDATION_ERROR; also search past 10,000).
//         When the message embeds property results, message is HubSpot's
//         own words per property ("HubSpot: Email address x@y,com is
//         invalid") and remoteCode the first result's code (INVALID_EMAIL)
//         instead of the category; never retryable.
//   401 → Unauthorized (remoteCode EXPIRED_AUTHENTICATION / INVALID_AUTHENTICATION)
//   403 → PermissionDenied (missing scopes)
//   404 → NotFound
//   409 → Conflict (existingIdFromConflict(message) names the record)
//   414 → RemoteValidation (merge past 250 identities, URI too long)
//   423 → Network, retryable, 2 s (record locked by a merge or import)
//   429 → Throttled, retryable; remoteCode = policyName; retryAfterMs from
//         Retry-After, else X-HubSpot-RateLimit-Interval-Milliseconds, else
//         `defaultThrottleWaitMs`; DAILY waits an hour (the daily reset is
//         at midnight in the portal's zone, which a request does not tell)
//   477 → Network, retryable, 60 s (portal migration in progress)
//   5xx → Network, retryable
// remoteCode is otherwise the category. requestId = correlationId (or
// X-HubSpot-Correlation-Id). Pure.
[[nodiscard]] Error errorFromResponse(int httpStatus, QByteArrayView body, const Connectors::HttpHeaders &headers,
                                      const QDateTime &nowUtc, qint64 defaultThrottleWaitMs = 10000);

} // namespace Concord::HubSpot
