#pragma once

#include "common/error.h"
#include "connectors/http/httpresponse.h"

#include <QByteArrayView>
#include <QDateTime>

#include <optional>

// How the shared HTTP layer reads an HTTP status, independent of any API's
// error envelope. Pure functions; thread-safe.
namespace Concord::Connectors::HttpStatus {

// Milliseconds to wait from a Retry-After value: delay-seconds ("120") or an
// HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT", measured from `nowUtc`; a date
// in the past gives 0). Empty or unparsable values give nullopt.
[[nodiscard]] std::optional<qint64> parseRetryAfterMs(QByteArrayView value,
                                                      const QDateTime &nowUtc);

// The error a status stands for when the caller asked for classification:
//   401 → Unauthorized (not retryable: refresh the token once, then park),
//   429 → Throttled (retryable; retryAfterMs from Retry-After when present),
//   5xx → Network (retryable with backoff).
// Any other status → nullopt (the connector reads the body). The error
// carries the status, the request id and a short body excerpt in `detail`.
[[nodiscard]] std::optional<Error> classify(const HttpResponse &response, const QDateTime &nowUtc);

} // namespace Concord::Connectors::HttpStatus
