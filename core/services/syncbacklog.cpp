#include "services/syncbacklog.h"

#include <algorithm>

namespace Concord::Services {

SyncBacklog BacklogTracker::update(const Store::OutboxCounts &counts)
{
    const qint64 outstanding = counts.pending + counts.inFlight;
    const qint64 finished = counts.succeeded + counts.failed + counts.dismissed;
    SyncBacklog backlog;
    if (outstanding <= 0) {
        m_finishedAtStart.reset();
        return backlog;
    }
    if (!m_finishedAtStart)
        m_finishedAtStart = finished;
    // Finished jobs can go back (a person retries a failed one, or deletes
    // old rows): the start moves with them so `done` never goes negative.
    m_finishedAtStart = std::min(*m_finishedAtStart, finished);
    backlog.done = finished - *m_finishedAtStart;
    backlog.total = backlog.done + outstanding;
    return backlog;
}

} // namespace Concord::Services
