#include "connectors/calcom/reschedulechains.h"

namespace Concord::Calcom {

void RescheduleChains::link(const QString &fromUid, const QString &toUid)
{
    if (fromUid.isEmpty() || toUid.isEmpty() || fromUid == toUid)
        return;
    if (const auto old = m_next.constFind(fromUid); old != m_next.cend())
        m_previous.remove(*old);
    if (const auto old = m_previous.constFind(toUid); old != m_previous.cend())
        m_next.remove(*old);
    m_next.insert(fromUid, toUid);
    m_previous.insert(toUid, fromUid);
}

QString RescheduleChains::originOf(const QString &uid) const
{
    QString current = uid;
    for (int i = 0; i < kMaxChain; ++i) {
        const auto it = m_previous.constFind(current);
        if (it == m_previous.cend() || *it == uid)
            break;
        current = *it;
    }
    return current;
}

QString RescheduleChains::latestOf(const QString &uid) const
{
    QString current = uid;
    for (int i = 0; i < kMaxChain; ++i) {
        const auto it = m_next.constFind(current);
        if (it == m_next.cend() || *it == uid)
            break;
        current = *it;
    }
    return current;
}

QStringList RescheduleChains::chainOf(const QString &uid) const
{
    QStringList chain { originOf(uid) };
    for (int i = 0; i < kMaxChain; ++i) {
        const auto it = m_next.constFind(chain.last());
        if (it == m_next.cend() || chain.contains(*it))
            break;
        chain.append(*it);
    }
    return chain;
}

} // namespace Concord::Calcom
