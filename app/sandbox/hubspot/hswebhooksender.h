#pragma once

#include "hubspot/hsportal.h"

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>

namespace Concord::Sandbox {

// Outgoing HubSpot webhooks (hubspot-calcom.md A12): a POST of a JSON array
// of at most 100 events, signed v1 (X-HubSpot-Signature: hex SHA-256 of
// secret + body, X-HubSpot-Signature-Version: v1) and v3
// (X-HubSpot-Signature-v3: base64 HMAC-SHA256 of method + URI + body +
// timestamp, X-HubSpot-Request-Timestamp in ms). A delivery that is not
// answered 2xx within 5 s is retried up to 10 times with attemptNumber
// raised (so re-signed), waits doubling from retryDelayMs. Chaos switches
// reproduce what receivers must survive: each delivery sent twice, events
// reversed within a delivery. Deliveries go one at a time, in order.
class HsWebhookSender : public QObject
{
    Q_OBJECT
public:
    struct Chaos {
        bool duplicate = false; // every delivery is sent twice
        bool reverse = false;   // events of a delivery in reverse order
    };

    HsWebhookSender(std::function<qint64()> nowMs, QObject *parent = nullptr);

    void configure(const QUrl &url, const QByteArray &clientSecret, qint64 appId = 1160452);
    [[nodiscard]] bool isConfigured() const { return m_url.isValid(); }
    void setChaos(const Chaos &chaos) { m_chaos = chaos; }
    void setMaxEventsPerDelivery(int n) { m_maxEvents = std::clamp(n, 1, 100); }
    // First retry wait in real ms (doubling after each failure). Default 60 s ÷ time scale.
    void setRetryDelayMs(qint64 ms) { m_retryDelayMs = std::max<qint64>(1, ms); }

    // Numbers the portal's events and queues their deliveries (no-op when unconfigured).
    void send(const QList<HubSpotPortal::Event> &events, qint64 portalId);
    void clear();
    [[nodiscard]] int pendingCount() const { return int(m_queue.size()); }

    [[nodiscard]] static QByteArray signatureV1(const QByteArray &secret, const QByteArray &body);
    [[nodiscard]] static QByteArray signatureV3(const QByteArray &secret, const QByteArray &method,
                                                const QByteArray &uri, const QByteArray &body,
                                                const QByteArray &timestamp);

Q_SIGNALS:
    // A delivery was answered 2xx: its body and which attempt it was (0 = first).
    void delivered(const QByteArray &body, int attemptNumber);
    void deliveryFailed(int httpStatus, int attemptNumber);

private:
    struct Pending {
        QList<QJsonObject> events;
        int attempt = 0; // attemptNumber of the next try
        int copies = 1;  // sends left of this same attempt (duplicate chaos)
    };
    void pump();
    [[nodiscard]] QByteArray body(const Pending &pending) const;

    std::function<qint64()> m_nowMs;
    QNetworkAccessManager m_nam;
    QUrl m_url;
    QByteArray m_secret;
    qint64 m_appId = 1160452;
    Chaos m_chaos;
    int m_maxEvents = 100;
    qint64 m_retryDelayMs = 60000;
    qint64 m_nextEventId = 3816279340;
    QList<Pending> m_queue;
    bool m_busy = false;
    QTimer m_retry;
};

} // namespace Concord::Sandbox
