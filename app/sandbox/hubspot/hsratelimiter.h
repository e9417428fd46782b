#pragma once

#include <QList>

#include <deque>
#include <functional>

namespace Concord::Sandbox {

// HubSpot's limits per account (hubspot-calcom.md A10, A4): a burst budget
// per 10 s (100 Free/Starter, 190 Pro), 5 searches per second, and a daily
// count (250,000 Free/Starter) that resets at midnight. Sliding windows on
// an emulated millisecond clock from the owner (time-scaled for benchmarks).
// Only admitted requests count; a 429 does not.
class HsRateLimiter
{
public:
    struct Limits {
        int burstPer10s = 100;
        int searchPerSecond = 5;
        qint64 daily = 250000;
        // Whether searches also spend the 10-s burst budget. HubSpot says
        // public apps' 110/10 s "excludes search"; for private apps it is not
        // stated, so the conservative reading is the default.
        bool searchCountsInBurst = true;
    };
    enum class Verdict { Admitted, Burst, Search, Daily };

    explicit HsRateLimiter(std::function<qint64()> nowMs);

    void setLimits(const Limits &limits) { m_limits = limits; }
    [[nodiscard]] const Limits &limits() const { return m_limits; }
    void setEnabled(bool enabled) { m_enabled = enabled; }
    [[nodiscard]] bool isEnabled() const { return m_enabled; }

    Verdict admit(bool isSearch);
    // Budget left in the current 10-s window and day (for the response headers).
    [[nodiscard]] int burstRemaining();
    [[nodiscard]] qint64 dailyRemaining() const { return std::max<qint64>(0, m_limits.daily - m_dayCount); }
    void clear();

private:
    void expire(qint64 now);

    std::function<qint64()> m_nowMs;
    Limits m_limits;
    bool m_enabled = true;
    std::deque<qint64> m_burst;
    std::deque<qint64> m_search;
    qint64 m_day = -1;
    qint64 m_dayCount = 0;
};

} // namespace Concord::Sandbox
