#pragma once

#include "connectors/calcom/webhook.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>

#include <deque>

namespace Concord::Calcom {

// Decides what to do with a webhook that may be a redelivery or may arrive
// after a newer one (Cal.com retries failed deliveries on its per-minute
// task cron, and deliveries are independent HTTP calls, so neither order nor
// uniqueness is promised — hubspot-calcom.md B5).
//
// - Duplicate: the same dedupeKey() was admitted before.
// - Stale: a booking-state event (created/requested/rescheduled/cancelled/
//   rejected/paid/reassigned/no-show) older than one already applied to the
//   same booking uid. A reschedule A→B counts as a change of both A and B,
//   so a late BOOKING_CREATED of A after the reschedule is stale.
//   MEETING_* events are never stale (they fire at scheduled times).
//   A stale BOOKING_RESCHEDULED still carries a true fact — "A was moved to
//   B" — so callers record its link (RescheduleChains) whatever the verdict;
//   only the booking state it describes is outdated.
// - Apply: everything else; the event is recorded.
//
// Pure value, not thread-safe. The sync engine persists the decisions it
// made; this class remembers the last `capacity` keys and, per uid, the
// newest applied instant.
class WebhookLedger {
public:
    enum class Verdict { Apply, Duplicate, Stale };

    explicit WebhookLedger(int capacity = 10000)
        : m_capacity(capacity < 1 ? 1 : capacity)
    {
    }

    Verdict admit(const WebhookEvent &event);

    [[nodiscard]] bool hasSeen(const QString &dedupeKey) const
    {
        return m_seen.contains(dedupeKey);
    }
    // Newest instant applied to a booking uid; invalid when none.
    [[nodiscard]] QDateTime lastAppliedAt(const QString &uid) const { return m_applied.value(uid); }

private:
    void remember(const QString &key);

    int m_capacity;
    QSet<QString> m_seen;
    std::deque<QString> m_order;
    QHash<QString, QDateTime> m_applied;
};

} // namespace Concord::Calcom
