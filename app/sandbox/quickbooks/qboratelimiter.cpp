#include "quickbooks/qboratelimiter.h"

#include <algorithm>

namespace Concord::Sandbox {

QboRateLimiter::QboRateLimiter(std::function<qint64()> nowMs) : m_nowMs(std::move(nowMs)) {}

bool QboRateLimiter::admit(const QString &realmId, bool isBatch)
{
    Window &w = m_windows[realmId];
    if (!m_enabled) {
        ++w.inFlight;
        return true;
    }
    const qint64 now = m_nowMs();
    const auto expire = [now](QList<qint64> &times, qint64 spanMs) {
        while (!times.isEmpty() && times.first() <= now - spanMs)
            times.removeFirst();
    };
    expire(w.requests, 60'000);
    expire(w.batches, 60'000);
    const auto lastSecond = std::count_if(w.requests.cbegin(), w.requests.cend(),
                                          [now](qint64 t) { return t > now - 1000; });
    if (w.requests.size() >= m_limits.perMinute || lastSecond >= m_limits.perSecond
        || w.inFlight >= m_limits.concurrent
        || (isBatch && w.batches.size() >= m_limits.batchPerMinute))
        return false;
    w.requests.append(now);
    if (isBatch)
        w.batches.append(now);
    ++w.inFlight;
    return true;
}

void QboRateLimiter::finish(const QString &realmId)
{
    auto it = m_windows.find(realmId);
    if (it != m_windows.end() && it->inFlight > 0)
        --it->inFlight;
}

void QboRateLimiter::clear()
{
    // In-flight counts survive: those responses are still to be written.
    for (Window &w : m_windows) {
        w.requests.clear();
        w.batches.clear();
    }
}

} // namespace Concord::Sandbox
