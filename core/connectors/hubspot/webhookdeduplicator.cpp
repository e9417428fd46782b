#include "connectors/hubspot/webhookdeduplicator.h"

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace Concord::HubSpot {

WebhookEventDeduplicator::WebhookEventDeduplicator(std::chrono::milliseconds retention, int maxRemembered)
    : m_retentionMs(retention.count()), m_maxRemembered(std::max(1, maxRemembered))
{
}

void WebhookEventDeduplicator::clear()
{
    m_seen.clear();
    m_latest.clear();
}

void WebhookEventDeduplicator::expire(qint64 nowMs)
{
    const qint64 horizon = nowMs - m_retentionMs;
    for (auto it = m_seen.begin(); it != m_seen.end();) {
        if (it.value() < horizon)
            it = m_seen.erase(it);
        else
            ++it;
    }
    for (auto it = m_latest.begin(); it != m_latest.end();) {
        if (it.value() < horizon)
            it = m_latest.erase(it);
        else
            ++it;
    }
    if (m_seen.size() <= m_maxRemembered)
        return;
    // Over the bound: forget the oldest keys first.
    std::vector<std::pair<qint64, QString>> byAge;
    byAge.reserve(size_t(m_seen.size()));
    for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it)
        byAge.emplace_back(it.value(), it.key());
    std::sort(byAge.begin(), byAge.end());
    const size_t drop = size_t(m_seen.size() - m_maxRemembered);
    for (size_t i = 0; i < drop; ++i)
        m_seen.remove(byAge[i].second);
}

QList<WebhookEventDeduplicator::Accepted> WebhookEventDeduplicator::accept(const QList<WebhookEvent> &delivery,
                                                                           const QDateTime &nowUtc)
{
    expire(nowUtc.toMSecsSinceEpoch());
    QList<WebhookEvent> fresh;
    for (const WebhookEvent &e : delivery) {
        const QString key = e.dedupeKey();
        if (m_seen.contains(key))
            continue;
        m_seen.insert(key, e.occurredAtMs);
        fresh.append(e);
    }
    std::stable_sort(fresh.begin(), fresh.end(), [](const WebhookEvent &a, const WebhookEvent &b) {
        if (a.occurredAtMs != b.occurredAtMs)
            return a.occurredAtMs < b.occurredAtMs;
        if (a.eventId.size() != b.eventId.size())
            return a.eventId.size() < b.eventId.size(); // numeric order of decimal ids
        if (a.eventId != b.eventId)
            return a.eventId < b.eventId;
        return a.objectId < b.objectId;
    });
    QList<Accepted> out;
    out.reserve(fresh.size());
    for (const WebhookEvent &e : std::as_const(fresh)) {
        Accepted accepted{e, false};
        if (e.action() == u"propertyChange"_s && !e.propertyName.isEmpty()) {
            const QString slot = e.objectType() + u'/' + e.objectId + u'/' + e.propertyName;
            const auto it = m_latest.constFind(slot);
            if (it != m_latest.cend() && it.value() > e.occurredAtMs)
                accepted.superseded = true;
            else
                m_latest.insert(slot, e.occurredAtMs);
        }
        out.append(accepted);
    }
    if (m_seen.size() > m_maxRemembered)
        expire(nowUtc.toMSecsSinceEpoch());
    return out;
}

} // namespace Concord::HubSpot
