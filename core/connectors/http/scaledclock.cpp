#include "connectors/http/scaledclock.h"

namespace Concord::Connectors {

ScaledClock::ScaledClock(QDateTime start, double scale)
    : m_start(start.toUTC()), m_scale(scale > 0 ? scale : 1.0)
{
    m_real.start();
}

QDateTime ScaledClock::nowUtc() const
{
    return m_start.addMSecs(qint64(double(m_real.nsecsElapsed()) * m_scale / 1e6));
}

} // namespace Concord::Connectors
