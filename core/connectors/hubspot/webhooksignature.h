#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <chrono>

namespace Concord::HubSpot {

// HubSpot request signatures (hubspot-calcom.md A12). Pure functions,
// thread-safe. The secret is the app's client secret; never log it.
namespace WebhookSignature {

// v1 (X-HubSpot-Signature, version v1): hex SHA-256 of secret + body.
[[nodiscard]] QByteArray v1(QByteArrayView secret, QByteArrayView body);
// v2: hex SHA-256 of secret + method + uri + body.
[[nodiscard]] QByteArray v2(QByteArrayView secret, QByteArrayView method, QByteArrayView uri, QByteArrayView body);
// v3 (X-HubSpot-Signature-v3): base64 HMAC-SHA256, key = secret, message =
// method + uri + body + timestamp (the X-HubSpot-Request-Timestamp text, ms).
[[nodiscard]] QByteArray v3(QByteArrayView secret, QByteArrayView method, QByteArrayView uri, QByteArrayView body,
                            QByteArrayView timestamp);

// The URI as HubSpot signs it: only %3A %2F %3F %40 %21 %24 %27 %28 %29 %2A
// %2C %3B are decoded (either letter case); every other escape stays.
[[nodiscard]] QByteArray canonicalUri(QByteArrayView uri);

// Constant-time equality (no early exit on the first differing byte).
[[nodiscard]] bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

// How old a v3 request may be (HubSpot: reject after 5 minutes); the same
// margin is allowed into the future for clock skew.
inline constexpr std::chrono::minutes kMaxAge{5};

// Verifies a v3-signed request. `uri` is the full URI as called (scheme, host,
// path, query; behind a proxy rebuilt from X-Forwarded-Proto/Host). Accepts a
// signature over the canonical (decoded) URI, as HubSpot documents, or over
// the URI exactly as received, as HubSpot's own SDK helpers compute it: both
// need the secret, so the second adds no forgery path.
// InvalidArgument with a reason when the timestamp is missing, unreadable or
// outside ±kMaxAge of `nowUtc`, or when the signature does not match.
[[nodiscard]] Status verifyV3(QByteArrayView secret, QByteArrayView method, QByteArrayView uri,
                              QByteArrayView body, QByteArrayView timestampHeader,
                              QByteArrayView signatureHeader, const QDateTime &nowUtc);

} // namespace WebhookSignature

} // namespace Concord::HubSpot
