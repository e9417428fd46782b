#include "calcom/calratelimiter.h"

namespace Concord::Sandbox {

namespace {
qint64 ceilSecs(qint64 ms)
{
    return ms <= 0 ? 0 : (ms + 999) / 1000;
}
} // namespace

CalRateLimiter::Verdict CalRateLimiter::admit(const QString &key)
{
    Verdict v;
    v.limit = m_limits.limit;
    if (!m_enabled) {
        v.remaining = m_limits.limit;
        return v;
    }
    const qint64 now = m_nowMs();
    Key &k = m_keys[key];
    if (k.blockedUntil > now) {
        v.admitted = false;
        v.resetSecs = ceilSecs(k.blockedUntil - now);
        return v;
    }
    if (k.windowStart < 0 || now >= k.windowStart + m_limits.windowMs) {
        k.windowStart = now;
        k.hits = 0;
    }
    ++k.hits;
    if (k.hits > m_limits.limit) {
        // Exceeding starts a block; the window starts afresh after it.
        k.blockedUntil = now + m_limits.blockMs;
        k.windowStart = -1;
        k.hits = 0;
        v.admitted = false;
        v.resetSecs = ceilSecs(m_limits.blockMs);
        return v;
    }
    v.remaining = m_limits.limit - k.hits;
    v.resetSecs = ceilSecs(k.windowStart + m_limits.windowMs - now);
    return v;
}

} // namespace Concord::Sandbox
