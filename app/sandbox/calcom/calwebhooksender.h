#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace Concord::Sandbox {

// Outgoing Cal.com webhooks (hubspot-calcom.md B5; sendPayload.ts): POST to
// each subscriber whose triggers include the event, Content-Type
// application/json, X-Cal-Signature-256 = hex(HMAC-SHA256(secret, raw body))
// or "no-secret-provided", x-cal-webhook-version. Deliveries are independent
// (no ordering between them). A failed delivery (non-2xx; 3xx counts as a
// failure: redirect "manual") is retried on the next per-minute task run —
// 60 s divided by the time scale — up to maxAttempts in all (1 = the legacy
// single fetch, 3 = the Tasker default).
//
// Test controls: hold deliveries and release them in reverse order (out-of-
// order arrival), or send each one twice (a redelivery).
class CalWebhookSender : public QObject {
    Q_OBJECT
public:
    struct Subscription {
        qint64 id = 0;
        QUrl subscriberUrl;
        QString secret; // empty → "no-secret-provided"
        QStringList triggers;
        QString version = QStringLiteral("2021-10-20");
        bool active = true;
    };
    struct Delivery {
        qint64 subscriptionId = 0;
        QString trigger;
        QByteArray body;
        QByteArray signature;
        QString version;
        int attempts = 0;
        int lastStatus = 0;
        bool delivered = false;
    };

    explicit CalWebhookSender(QObject *parent = nullptr);

    qint64 addSubscription(Subscription subscription);
    [[nodiscard]] QList<Subscription> subscriptions() const { return m_subscriptions; }
    void removeSubscription(qint64 id);
    void setMaxAttempts(int attempts) { m_maxAttempts = attempts < 1 ? 1 : attempts; }
    void setTimeScale(double scale) { m_timeScale = scale < 1.0 ? 1.0 : scale; }
    void setDuplicateDelivery(bool on) { m_duplicate = on; }
    void setHeld(bool held) { m_held = held; }
    // Sends what was held, oldest first or (reverse) newest first.
    void releaseHeld(bool reverse = false);
    void clear();

    // Queues the event for every active subscriber of `trigger`; `bodyFor`
    // builds the body for a payload version.
    void send(const QString &trigger,
              const std::function<QByteArray(const QString &version)> &bodyFor);

    [[nodiscard]] QList<Delivery> deliveries() const { return m_log; }
    [[nodiscard]] int pendingCount() const { return m_pending; }

    [[nodiscard]] static QByteArray sign(const QString &secret, const QByteArray &body);

Q_SIGNALS:
    void delivered(const QString &trigger, const QByteArray &body, int attempts);
    void deliveryFailed(const QString &trigger, int httpStatus, int attempt);

private:
    void post(qsizetype logIndex);

    QNetworkAccessManager m_nam;
    QList<Subscription> m_subscriptions;
    QList<Delivery> m_log;
    QList<qsizetype> m_heldIndexes;
    qint64 m_nextId = 1;
    int m_maxAttempts = 1;
    double m_timeScale = 1.0;
    bool m_duplicate = false;
    bool m_held = false;
    int m_pending = 0;
};

} // namespace Concord::Sandbox
