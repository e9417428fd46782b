#include "connectors/http/retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>

namespace Concord::Connectors {

bool RetryPolicy::shouldRetry(const Error &error, int attemptsMade) const
{
    return error.retryable && retryOn.contains(error.code) && attemptsMade >= 1
        && attemptsMade < maxAttempts;
}

std::chrono::milliseconds RetryPolicy::backoff(int attemptsMade, const RandomSource &random) const
{
    using std::chrono::milliseconds;
    const qint64 cap = std::max<qint64>(0, maxDelay.count());
    qint64 delay = std::clamp<qint64>(initialDelay.count(), 0, cap);
    // Multiply step by step so large attempt counts cannot overflow.
    for (int n = 1; n < attemptsMade && delay < cap; ++n)
        delay = std::min(cap, delay * std::max(1, multiplier));
    const double fraction = std::clamp(jitter, 0.0, 1.0);
    if (fraction > 0 && delay > 0) {
        double r = random ? random() : QRandomGenerator::global()->generateDouble();
        r = std::clamp(r, 0.0, 1.0);
        delay -= qint64(double(delay) * fraction * r);
    }
    return milliseconds(delay);
}

std::optional<std::chrono::milliseconds>
RetryPolicy::nextDelay(const Error &error, int attemptsMade, const RandomSource &random) const
{
    if (!shouldRetry(error, attemptsMade))
        return std::nullopt;
    if (error.retryAfterMs > 0)
        return std::chrono::milliseconds(error.retryAfterMs);
    return backoff(attemptsMade, random);
}

} // namespace Concord::Connectors
