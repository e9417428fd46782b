#pragma once

#include "common/error.h"

#include <QList>

#include <chrono>
#include <functional>
#include <optional>

namespace Concord::Connectors {

// When and how often to try a failed request again. Pure value; the sync
// engine persists attempt counts (outbox / retry queue) and asks
// nextDelay() for the wait before the next attempt.
//
// Backoff: initialDelay × multiplier^(n−1) after the n-th failed attempt,
// capped at maxDelay — by default ×4 from 5 s capped at 1 h
// (5 s, 20 s, 80 s, 320 s, 1280 s, 3600 s, 3600 s …).
// Jitter: the delay is shortened by a random fraction in [0, jitter), so many
// clients that failed together do not come back together; never lengthened,
// so the cap holds.
// A server's wait (Error::retryAfterMs: Retry-After, QuickBooks' 60 s
// throttle) is honoured exactly and wins over the backoff, even above
// maxDelay.
struct RetryPolicy {
    // Uniform random number in [0, 1). Inject a fixed sequence in tests.
    using RandomSource = std::function<double()>;

    int maxAttempts = 8;                  // attempts in all, the first included
    std::chrono::milliseconds initialDelay = std::chrono::seconds(5);
    int multiplier = 4;
    std::chrono::milliseconds maxDelay = std::chrono::hours(1);
    double jitter = 0.2;                  // fraction in [0, 1]
    QList<ErrorCode> retryOn{ErrorCode::Network, ErrorCode::Throttled};

    // Whether an error after `attemptsMade` attempts (≥ 1) deserves another:
    // its code is in retryOn, the error says retrying may help, and attempts
    // remain.
    [[nodiscard]] bool shouldRetry(const Error &error, int attemptsMade) const;

    // The backoff after `attemptsMade` failed attempts (≥ 1), jitter
    // included. An empty `random` uses QRandomGenerator::global().
    [[nodiscard]] std::chrono::milliseconds backoff(int attemptsMade,
                                                    const RandomSource &random = {}) const;

    // The wait before the next attempt, or nullopt to give up.
    [[nodiscard]] std::optional<std::chrono::milliseconds>
    nextDelay(const Error &error, int attemptsMade, const RandomSource &random = {}) const;
};

} // namespace Concord::Connectors
