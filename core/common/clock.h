#pragma once

#include <QDateTime>

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

} // namespace Concord
