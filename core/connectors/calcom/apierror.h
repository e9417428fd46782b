#pragma once

#include "common/error.h"
#include "connectors/http/httpheaders.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace Concord::Calcom {

// Cal.com API v2's error envelope (hubspot-calcom.md B6; apps/api/v2 filters):
//   {"status":"error","timestamp":"…","path":"/v2/…",
//    "error":{"code":"NotFoundException","message":"…","details":…}}
struct ApiErrorEnvelope {
    QString code; // "NotFoundException", "BAD_REQUEST", "ThrottlerException", …
    QString message;
    QString path;
    QString timestamp;

    friend bool operator==(const ApiErrorEnvelope &, const ApiErrorEnvelope &) = default;
};

// Reads the envelope; nothing when the body is not one (HTML gateway page, empty).
[[nodiscard]] std::optional<ApiErrorEnvelope> errorEnvelopeFromJson(const QByteArray &body);

// Milliseconds to wait after a 429, from the first of: Retry-After (seconds
// or HTTP date), Retry-After-Default, X-RateLimit-Reset-Default (seconds until
// the window resets, Cal.com's throttler). nullopt when none is readable.
[[nodiscard]] std::optional<qint64> throttleWaitMs(const Connectors::HttpHeaders &headers,
                                                   const QDateTime &nowUtc);

// An HTTP error answer → Concord's classes:
//   401 / UnauthorizedException                     → Unauthorized (an API key cannot be refreshed:
//   park) 403 / ForbiddenException                        → PermissionDenied 404 /
//   NotFoundException                         → NotFound 409 / ConflictException → Conflict 429 /
//   ThrottlerException                        → Throttled, retryable, retryAfterMs from the headers
//   5xx, 408                                        → Network, retryable
//   400 / 422 / BAD_REQUEST / BadRequestException   → RemoteValidation (needs a person)
// remoteCode = the envelope's code; detail = its message (or a body excerpt).
[[nodiscard]] Error errorFromResponse(int httpStatus, const QByteArray &body,
                                      const Connectors::HttpHeaders &headers,
                                      const QDateTime &nowUtc, const QString &requestId = {});

} // namespace Concord::Calcom
