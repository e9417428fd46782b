#include "hubspot/hswebhooksender.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkReply>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

qint64 subscriptionIdFor(const QString &type)
{
    static const QStringList known{u"contact.creation"_s, u"contact.deletion"_s, u"contact.propertyChange"_s,
                                   u"contact.merge"_s, u"deal.creation"_s, u"deal.deletion"_s,
                                   u"deal.propertyChange"_s, u"deal.merge"_s};
    const qsizetype i = known.indexOf(type);
    return 2000 + (i < 0 ? 99 : i);
}

// HubSpot signs the URI with these escapes decoded (A12).
QByteArray signedUri(const QUrl &url)
{
    QByteArray uri = url.toEncoded();
    static const QList<std::pair<QByteArray, char>> escapes{
        {"%3A", ':'}, {"%2F", '/'}, {"%3F", '?'}, {"%40", '@'}, {"%21", '!'}, {"%24", '$'},
        {"%27", '\''}, {"%28", '('}, {"%29", ')'}, {"%2A", '*'}, {"%2C", ','}, {"%3B", ';'}};
    for (const auto &[escape, c] : escapes) {
        uri.replace(escape, QByteArray(1, c));
        uri.replace(escape.toLower(), QByteArray(1, c));
    }
    return uri;
}

} // namespace

HsWebhookSender::HsWebhookSender(std::function<qint64()> nowMs, QObject *parent)
    : QObject(parent), m_nowMs(std::move(nowMs))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &HsWebhookSender::pump);
    m_nam.setTransferTimeout(5000); // the receiver has 5 s to answer (A12)
}

void HsWebhookSender::configure(const QUrl &url, const QByteArray &clientSecret, qint64 appId)
{
    m_url = url;
    m_secret = clientSecret;
    m_appId = appId;
}

void HsWebhookSender::clear()
{
    m_queue.clear();
    m_retry.stop();
}

QByteArray HsWebhookSender::signatureV1(const QByteArray &secret, const QByteArray &body)
{
    return QCryptographicHash::hash(secret + body, QCryptographicHash::Sha256).toHex();
}

QByteArray HsWebhookSender::signatureV3(const QByteArray &secret, const QByteArray &method, const QByteArray &uri,
                                        const QByteArray &body, const QByteArray &timestamp)
{
    return QMessageAuthenticationCode::hash(method + uri + body + timestamp, secret, QCryptographicHash::Sha256)
        .toBase64();
}

void HsWebhookSender::send(const QList<HubSpotPortal::Event> &events, qint64 portalId)
{
    if (!isConfigured() || events.isEmpty())
        return;
    QList<QJsonObject> numbered;
    for (const HubSpotPortal::Event &e : events) {
        QJsonObject o{{u"eventId"_s, m_nextEventId++},
                      {u"subscriptionId"_s, subscriptionIdFor(e.subscriptionType)},
                      {u"portalId"_s, portalId},
                      {u"appId"_s, m_appId},
                      {u"occurredAt"_s, e.occurredMs},
                      {u"subscriptionType"_s, e.subscriptionType},
                      {u"objectId"_s, e.objectId},
                      {u"changeSource"_s, e.changeSource},
                      {u"sourceId"_s, e.changeSource == u"API"_s ? u"app:%1"_s.arg(m_appId) : u"userId:45678"_s}};
        if (!e.changeFlag.isEmpty())
            o.insert(u"changeFlag"_s, e.changeFlag);
        if (!e.propertyName.isEmpty()) {
            o.insert(u"propertyName"_s, e.propertyName);
            o.insert(u"propertyValue"_s, e.propertyValue.value_or(QString()));
        }
        if (e.subscriptionType.endsWith(u".merge"_s)) {
            QJsonArray merged;
            for (const qint64 id : e.mergedObjectIds)
                merged.append(id);
            o.insert(u"primaryObjectId"_s, e.primaryObjectId);
            o.insert(u"mergedObjectIds"_s, merged);
            o.insert(u"newObjectId"_s, e.newObjectId);
            o.insert(u"numberOfPropertiesMoved"_s, e.numberOfPropertiesMoved);
        }
        numbered.append(o);
    }
    for (qsizetype i = 0; i < numbered.size(); i += m_maxEvents) {
        Pending p;
        p.events = numbered.mid(i, m_maxEvents);
        if (m_chaos.reverse)
            std::reverse(p.events.begin(), p.events.end());
        p.copies = m_chaos.duplicate ? 2 : 1;
        m_queue.append(p);
    }
    pump();
}

QByteArray HsWebhookSender::body(const Pending &pending) const
{
    QJsonArray array;
    for (QJsonObject o : pending.events) {
        o.insert(u"attemptNumber"_s, pending.attempt);
        array.append(o);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

void HsWebhookSender::pump()
{
    if (m_busy || m_queue.isEmpty() || m_retry.isActive())
        return;
    m_busy = true;
    const Pending &head = m_queue.first();
    const QByteArray payload = body(head);
    const QByteArray timestamp = QByteArray::number(m_nowMs());
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("HubSpot Connect 2.0 (http://dev.hubspot.com/)"));
    request.setRawHeader("X-HubSpot-Signature", signatureV1(m_secret, payload));
    request.setRawHeader("X-HubSpot-Signature-Version", "v1");
    request.setRawHeader("X-HubSpot-Signature-v3", signatureV3(m_secret, "POST", signedUri(m_url), payload, timestamp));
    request.setRawHeader("X-HubSpot-Request-Timestamp", timestamp);
    const int attempt = head.attempt;
    QNetworkReply *reply = m_nam.post(request, payload);
    connect(reply, &QNetworkReply::finished, this, [this, reply, payload, attempt] {
        reply->deleteLater();
        m_busy = false;
        if (m_queue.isEmpty())
            return; // cleared meanwhile
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        Pending &head = m_queue.first();
        if (status >= 200 && status < 300) {
            Q_EMIT delivered(payload, attempt);
            if (--head.copies <= 0)
                m_queue.removeFirst();
            pump();
            return;
        }
        Q_EMIT deliveryFailed(status, attempt);
        if (head.attempt >= 10) { // 10 retries after the first try, then HubSpot gives up
            m_queue.removeFirst();
            pump();
            return;
        }
        ++head.attempt;
        const qint64 wait = m_retryDelayMs << std::min(head.attempt - 1, 20);
        m_retry.start(int(std::min<qint64>(wait, std::numeric_limits<int>::max())));
    });
}

} // namespace Concord::Sandbox
