#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace Concord::Sandbox {

// QBO's per-realm throttles (quickbooks.md §5): 500 requests per minute, 10 per
// second, at most 10 in flight, and 40 batch requests per minute. Windows are
// sliding and measured on an emulated millisecond clock supplied by the owner,
// so a time scale can compress a minute into a fraction of a second for
// benchmarks. Only admitted requests count: a 429 does not extend the penalty.
class QboRateLimiter
{
public:
    struct Limits {
        int perMinute = 500;
        int perSecond = 10;
        int concurrent = 10;
        int batchPerMinute = 40;
    };

    explicit QboRateLimiter(std::function<qint64()> nowMs);

    void setLimits(const Limits &limits) { m_limits = limits; }
    [[nodiscard]] const Limits &limits() const { return m_limits; }
    void setEnabled(bool enabled) { m_enabled = enabled; }
    [[nodiscard]] bool isEnabled() const { return m_enabled; }

    // Admits a request (and counts it as in flight) or refuses it.
    [[nodiscard]] bool admit(const QString &realmId, bool isBatch);
    // The admitted request's response has been written (or dropped).
    void finish(const QString &realmId);
    void clear();

private:
    struct Window {
        QList<qint64> requests; // admission times, oldest first, last 60 s
        QList<qint64> batches;
        int inFlight = 0;
    };

    std::function<qint64()> m_nowMs;
    Limits m_limits;
    bool m_enabled = true;
    QHash<QString, Window> m_windows;
};

} // namespace Concord::Sandbox
