#pragma once

#include "common/clock.h"

#include <QElapsedTimer>

namespace Concord::Connectors {

// A clock that runs `scale` times faster than real time from `start`, for
// emulator benchmarks ("1 real ms = N budget ms"): give the same clock to the
// emulator and to the RateLimiter (with setTimeScale(N)) and a minute of
// budget passes in 60/N real seconds. Thread-safe (reads only).
class ScaledClock final : public Clock
{
public:
    ScaledClock(QDateTime start, double scale);
    [[nodiscard]] QDateTime nowUtc() const override;
    [[nodiscard]] double scale() const { return m_scale; }

private:
    QDateTime m_start;
    double m_scale;
    QElapsedTimer m_real;
};

} // namespace Concord::Connectors
