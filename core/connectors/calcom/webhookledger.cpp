#include "connectors/calcom/webhookledger.h"

namespace Concord::Calcom {

namespace {

bool changesBookingState(WebhookTrigger trigger)
{
    switch (trigger) {
    case WebhookTrigger::MeetingStarted:
    case WebhookTrigger::MeetingEnded:
    case WebhookTrigger::Other:
        return false;
    default:
        return true;
    }
}

} // namespace

WebhookLedger::Verdict WebhookLedger::admit(const WebhookEvent &event)
{
    const QString key = event.dedupeKey();
    if (m_seen.contains(key))
        return Verdict::Duplicate;
    remember(key);
    if (!changesBookingState(event.trigger))
        return Verdict::Apply;

    const QDateTime at = event.occurredAt();
    // "A was moved to B at `at`" holds even when B has moved on since: A's
    // older events are stale from now on, whatever the verdict for B.
    if (at.isValid() && !event.rescheduledFromUid.isEmpty()) {
        const QDateTime old = m_applied.value(event.rescheduledFromUid);
        if (!old.isValid() || old < at)
            m_applied.insert(event.rescheduledFromUid, at);
    }
    const QDateTime known = m_applied.value(event.uid);
    // Equal instants are two different events of one moment: both apply.
    if (at.isValid() && known.isValid() && at < known)
        return Verdict::Stale;
    if (at.isValid())
        m_applied.insert(event.uid, at);
    return Verdict::Apply;
}

void WebhookLedger::remember(const QString &key)
{
    m_seen.insert(key);
    m_order.push_back(key);
    while (qsizetype(m_order.size()) > m_capacity) {
        m_seen.remove(m_order.front());
        m_order.pop_front();
    }
}

} // namespace Concord::Calcom
