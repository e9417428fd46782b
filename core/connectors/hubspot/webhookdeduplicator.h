#pragma once

#include "connectors/hubspot/webhookevent.h"

#include <QDateTime>
#include <QHash>
#include <QList>

#include <chrono>

namespace Concord::HubSpot {

// HubSpot delivers webhooks at least once and unordered (hubspot-calcom.md
// A12: retried up to 10 times over 24 h, "order by occurredAt"). The sync
// engine passes every verified delivery through one of these:
// - repeats are dropped: an event whose dedupeKey() was accepted within the
//   retention (25 h: HubSpot's 24 h of retries plus margin) comes back never;
// - what is new comes back ordered by occurredAt (then eventId, objectId),
//   so a creation is applied before a change of the same record;
// - a propertyChange older than one already accepted for the same object and
//   property is marked `superseded`: its value must not overwrite the newer
//   one (the engine skips it, or re-reads the record).
//
// Memory is bounded by the retention and by `maxRemembered` (oldest keys are
// forgotten first). Not thread-safe: one instance on the sync thread. The
// sync engine may persist keys itself across restarts; this class does not.
class WebhookEventDeduplicator
{
public:
    struct Accepted {
        WebhookEvent event;
        bool superseded = false;
        friend bool operator==(const Accepted &, const Accepted &) = default;
    };

    explicit WebhookEventDeduplicator(std::chrono::milliseconds retention = std::chrono::hours(25),
                                      int maxRemembered = 200000);

    // The events of `delivery` not seen before, ordered; `nowUtc` expires old keys.
    [[nodiscard]] QList<Accepted> accept(const QList<WebhookEvent> &delivery, const QDateTime &nowUtc);

    [[nodiscard]] qsizetype rememberedCount() const { return m_seen.size(); }
    void clear();

private:
    void expire(qint64 nowMs);

    qint64 m_retentionMs;
    int m_maxRemembered;
    QHash<QString, qint64> m_seen;   // dedupeKey → occurredAt ms
    QHash<QString, qint64> m_latest; // type/object/property → newest occurredAt applied
};

} // namespace Concord::HubSpot
