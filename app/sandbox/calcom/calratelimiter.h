#pragma once

#include <QHash>
#include <QString>

#include <functional>

namespace Concord::Sandbox {

// Cal.com's API throttler (hubspot-calcom.md B6; apps/api/v2 throttler-guard):
// per API key, `limit` requests per window of `windowMs` (120 per 60 s), a
// fixed window that starts with the first request after the previous one
// expired (a TTL counter, as NestJS' throttler storage keeps it), and a
// `blockMs` block (60 s) once the limit is exceeded, during which every
// request is refused. Measured on an emulated millisecond clock supplied by
// the owner, so a time scale compresses minutes for benchmarks.
class CalRateLimiter {
public:
    struct Limits {
        int limit = 120;
        qint64 windowMs = 60'000;
        qint64 blockMs = 60'000;
    };
    struct Verdict {
        bool admitted = true;
        int limit = 0;
        int remaining = 0;
        qint64 resetSecs = 0; // until the window (or the block) ends, rounded up
    };

    explicit CalRateLimiter(std::function<qint64()> nowMs)
        : m_nowMs(std::move(nowMs))
    {
    }

    void setLimits(const Limits &limits) { m_limits = limits; }
    [[nodiscard]] const Limits &limits() const { return m_limits; }
    void setEnabled(bool enabled) { m_enabled = enabled; }
    [[nodiscard]] bool isEnabled() const { return m_enabled; }

    Verdict admit(const QString &key);
    void clear() { m_keys.clear(); }

private:
    struct Key {
        qint64 windowStart = -1;
        int hits = 0;
        qint64 blockedUntil = -1;
    };
    std::function<qint64()> m_nowMs;
    Limits m_limits;
    bool m_enabled = true;
    QHash<QString, Key> m_keys;
};

} // namespace Concord::Sandbox
