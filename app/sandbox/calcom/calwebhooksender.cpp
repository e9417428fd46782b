#include "calcom/calwebhooksender.h"

#include <QMessageAuthenticationCode>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

CalWebhookSender::CalWebhookSender(QObject *parent)
    : QObject(parent)
{
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_nam.setTransferTimeout(5000);
}

qint64 CalWebhookSender::addSubscription(Subscription subscription)
{
    subscription.id = m_nextId++;
    m_subscriptions.append(subscription);
    return subscription.id;
}

void CalWebhookSender::removeSubscription(qint64 id)
{
    m_subscriptions.removeIf([id](const Subscription &s) { return s.id == id; });
}

void CalWebhookSender::clear()
{
    m_subscriptions.clear();
    m_heldIndexes.clear();
    m_log.clear();
}

QByteArray CalWebhookSender::sign(const QString &secret, const QByteArray &body)
{
    if (secret.isEmpty())
        return QByteArrayLiteral("no-secret-provided");
    return QMessageAuthenticationCode::hash(body, secret.toUtf8(), QCryptographicHash::Sha256)
        .toHex();
}

void CalWebhookSender::send(const QString &trigger,
                            const std::function<QByteArray(const QString &)> &bodyFor)
{
    for (const Subscription &s : std::as_const(m_subscriptions)) {
        if (!s.active || !s.triggers.contains(trigger))
            continue;
        Delivery d;
        d.subscriptionId = s.id;
        d.trigger = trigger;
        d.version = s.version;
        d.body = bodyFor(s.version);
        d.signature = sign(s.secret, d.body);
        if (d.body.isEmpty())
            continue;
        for (int copy = 0; copy < (m_duplicate ? 2 : 1); ++copy) {
            m_log.append(d);
            if (m_held)
                m_heldIndexes.append(m_log.size() - 1);
            else
                post(m_log.size() - 1);
        }
    }
}

void CalWebhookSender::releaseHeld(bool reverse)
{
    QList<qsizetype> indexes = std::exchange(m_heldIndexes, {});
    if (reverse)
        std::reverse(indexes.begin(), indexes.end());
    for (qsizetype i : indexes)
        post(i);
}

void CalWebhookSender::post(qsizetype logIndex)
{
    if (logIndex >= m_log.size())
        return;
    Delivery &d = m_log[logIndex];
    const auto subscription =
        std::find_if(m_subscriptions.cbegin(), m_subscriptions.cend(),
                     [&d](const Subscription &s) { return s.id == d.subscriptionId; });
    if (subscription == m_subscriptions.cend())
        return;
    ++d.attempts;
    ++m_pending;
    QNetworkRequest request(subscription->subscriberUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setRawHeader("X-Cal-Signature-256", d.signature);
    request.setRawHeader("x-cal-webhook-version", d.version.toLatin1());
    QNetworkReply *reply = m_nam.post(request, d.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, logIndex] {
        reply->deleteLater();
        --m_pending;
        if (logIndex >= m_log.size())
            return; // cleared meanwhile
        Delivery &d = m_log[logIndex];
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        d.lastStatus = status;
        if (status >= 200 && status < 300) {
            d.delivered = true;
            Q_EMIT delivered(d.trigger, d.body, d.attempts);
            return;
        }
        Q_EMIT deliveryFailed(d.trigger, status, d.attempts);
        if (d.attempts < m_maxAttempts) {
            // The task runner's next per-minute pass.
            QTimer::singleShot(qint64(60'000.0 / m_timeScale), this,
                               [this, logIndex] { post(logIndex); });
        }
    });
}

} // namespace Concord::Sandbox
