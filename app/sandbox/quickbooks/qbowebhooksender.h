#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace Concord::Sandbox {

// Outgoing QBO webhooks (quickbooks.md §7): one notification per burst of
// changes, in the legacy eventNotifications format or as CloudEvents, signed
// with intuit-signature = base64(HMAC-SHA256(verifier token, raw body)).
// Deliveries form one ordered queue: nothing else is sent until the head is
// acknowledged with HTTP 200; failures are retried after 10 s, 20 s, 30 s,
// 5 min, 20 min, 2 h, 4 h, 6 h, then every 6 h — divided by the time scale.
class QboWebhookSender : public QObject
{
    Q_OBJECT
public:
    enum class Format { Legacy, CloudEvents };

    struct Event {
        QString realmId;
        QString entity;
        QString id;
        QString operation; // Create | Update | Delete | Void | Emailed
        QDateTime whenUtc;
    };

    explicit QboWebhookSender(QObject *parent = nullptr);

    void configure(const QUrl &url, const QByteArray &verifierToken, Format format);
    [[nodiscard]] bool isConfigured() const { return m_url.isValid(); }
    // Emulated seconds per real second for retry delays (≥ 1).
    void setTimeScale(double scale) { m_timeScale = scale < 1.0 ? 1.0 : scale; }

    // Queues one notification carrying these events (no-op when unconfigured or empty).
    void send(const QList<Event> &events);
    void clear();
    [[nodiscard]] int pendingCount() const { return int(m_queue.size()); }

    [[nodiscard]] static QByteArray sign(const QByteArray &verifierToken, const QByteArray &body);
    [[nodiscard]] static QByteArray legacyPayload(const QList<Event> &events);
    [[nodiscard]] static QByteArray cloudEventsPayload(const QList<Event> &events);
    // Seconds before retry number `attempt` (1-based) per the §7.4 schedule.
    [[nodiscard]] static qint64 retryDelaySecs(int attempt);

Q_SIGNALS:
    // A notification was acknowledged with 200 after `attempts` tries.
    void delivered(const QByteArray &body, int attempts);
    // One try failed (status 0 = no HTTP answer); a retry is scheduled.
    void deliveryFailed(int httpStatus, int attempt);

private:
    struct Pending {
        QByteArray body;
        int attempts = 0;
    };
    void pump();

    QNetworkAccessManager m_nam;
    QUrl m_url;
    QByteArray m_token;
    Format m_format = Format::Legacy;
    double m_timeScale = 1.0;
    QList<Pending> m_queue;
    bool m_busy = false;
    QTimer m_retry;
};

} // namespace Concord::Sandbox
