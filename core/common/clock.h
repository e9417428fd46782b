#pragma once

#include <QDateTime>

#include <atomic>

namespace Concord {

// Injectable source of "now" (UTC), so tests move time instead of sleeping.
// Thread-safe: implementations must be callable from any thread.
class Clock
{
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime nowUtc() const = 0;

    // The process-wide real clock. Never null.
    static const Clock &system();
};

class SystemClock final : public Clock
{
public:
    [[nodiscard]] QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
};

// A clock that only moves when told to. Thread-safe for reads; set from one thread.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start) : m_now(start.toUTC()) {}
    [[nodiscard]] QDateTime nowUtc() const override { return m_now; }
    void setNow(const QDateTime &now) { m_now = now.toUTC(); }
    void advanceSecs(qint64 secs) { m_now = m_now.addSecs(secs); }

private:
    QDateTime m_now;
};

// Real time shifted by an adjustable offset: time flows (rate-limit windows,
// timeouts stay real) and a test or the demo can jump ahead ("two hours
// later the session has ended"). Thread-safe.
class OffsetClock final : public Clock
{
public:
    [[nodiscard]] QDateTime nowUtc() const override
    {
        return QDateTime::currentDateTimeUtc().addMSecs(m_offsetMs.load(std::memory_order_relaxed));
    }
    void advanceSecs(qint64 secs) { m_offsetMs.fetch_add(secs * 1000, std::memory_order_relaxed); }
    [[nodiscard]] qint64 offsetMs() const { return m_offsetMs.load(std::memory_order_relaxed); }

private:
    std::atomic<qint64> m_offsetMs{0};
};

} // namespace Concord
