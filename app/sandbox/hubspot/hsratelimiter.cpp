#include "hubspot/hsratelimiter.h"

#include <algorithm>

namespace Concord::Sandbox {

HsRateLimiter::HsRateLimiter(std::function<qint64()> nowMs) : m_nowMs(std::move(nowMs)) {}

void HsRateLimiter::expire(qint64 now)
{
    while (!m_burst.empty() && m_burst.front() <= now - 10'000)
        m_burst.pop_front();
    while (!m_search.empty() && m_search.front() <= now - 1'000)
        m_search.pop_front();
    const qint64 day = now / 86'400'000; // the emulated portal keeps UTC days
    if (day != m_day) {
        m_day = day;
        m_dayCount = 0;
    }
}

HsRateLimiter::Verdict HsRateLimiter::admit(bool isSearch)
{
    const qint64 now = m_nowMs();
    expire(now);
    if (m_enabled) {
        if (m_dayCount >= m_limits.daily)
            return Verdict::Daily;
        if (isSearch && int(m_search.size()) >= m_limits.searchPerSecond)
            return Verdict::Search;
        if ((!isSearch || m_limits.searchCountsInBurst) && int(m_burst.size()) >= m_limits.burstPer10s)
            return Verdict::Burst;
    }
    ++m_dayCount;
    if (isSearch)
        m_search.push_back(now);
    if (!isSearch || m_limits.searchCountsInBurst)
        m_burst.push_back(now);
    return Verdict::Admitted;
}

int HsRateLimiter::burstRemaining()
{
    expire(m_nowMs());
    return std::max(0, m_limits.burstPer10s - int(m_burst.size()));
}

void HsRateLimiter::clear()
{
    m_burst.clear();
    m_search.clear();
    m_dayCount = 0;
}

} // namespace Concord::Sandbox
