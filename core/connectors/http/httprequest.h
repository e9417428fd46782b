#pragma once

#include "connectors/http/httpheaders.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <chrono>

namespace Concord::Connectors {

// Whether the executor turns some HTTP statuses into errors.
enum class StatusHandling {
    // 401 → Unauthorized, 429 → Throttled (with Retry-After), 5xx → Network
    // (retryable); every other status is a successful HttpResponse that the
    // connector reads (its own error envelope for 4xx).
    Classify,
    // Every answer from the server is a successful HttpResponse; only
    // transport failures are errors. For callers that map all statuses
    // themselves (the OAuth token endpoint answers 400 with a JSON error).
    Raw,
};

// One HTTP request, described as a value. The executor sends it as given:
// it adds no authentication and no API-specific parameters.
struct HttpRequest {
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    // Whole-request budget, from start to the last body byte (not an idle
    // timeout). 10 s by default: the budget our API notes give HubSpot and
    // Cal.com; QuickBooks' own server limit is 120 s.
    std::chrono::milliseconds timeout = std::chrono::seconds(10);
    // The connector's idempotency key for this logical operation (QuickBooks
    // `requestid`, a HubSpot unique-property value), when it has one. The
    // connector puts it on the wire; here it tells the retry decision that a
    // non-idempotent method may be re-sent, and it is logged.
    QString idempotencyKey;
    // Budget class for the RateLimiter ("batch", "search"); empty = plain.
    QString rateClass;
    StatusHandling statusHandling = StatusHandling::Classify;

    // GET/HEAD/PUT/DELETE/OPTIONS, or any method with an idempotency key:
    // re-sending cannot create a second record.
    [[nodiscard]] bool isSafeToRepeat() const;

    [[nodiscard]] static HttpRequest get(QUrl url);
    [[nodiscard]] static HttpRequest post(QUrl url, QByteArray body, QByteArray contentType);
};

} // namespace Concord::Connectors
