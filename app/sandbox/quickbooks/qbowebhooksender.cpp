#include "quickbooks/qbowebhooksender.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkReply>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

QString utcMillis(const QDateTime &t)
{
    return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
}

// CloudEvents `type` verbs; only created/updated are confirmed spellings
// (quickbooks.md §7.2), the rest follow the same pattern.
QString cloudVerb(const QString &operation)
{
    if (operation == u"Create"_s)
        return u"created"_s;
    if (operation == u"Delete"_s)
        return u"deleted"_s;
    if (operation == u"Void"_s)
        return u"voided"_s;
    if (operation == u"Emailed"_s)
        return u"emailed"_s;
    if (operation == u"Merge"_s)
        return u"merged"_s;
    return u"updated"_s;
}

} // namespace

QboWebhookSender::QboWebhookSender(QObject *parent) : QObject(parent)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &QboWebhookSender::pump);
    // The receiver must answer within 3 s; kept in real time (not scaled) so a
    // loopback test receiver is never timed out by a large time scale.
    m_nam.setTransferTimeout(3000);
}

void QboWebhookSender::configure(const QUrl &url, const QByteArray &verifierToken, Format format)
{
    m_url = url;
    m_token = verifierToken;
    m_format = format;
}

QByteArray QboWebhookSender::sign(const QByteArray &verifierToken, const QByteArray &body)
{
    return QMessageAuthenticationCode::hash(body, verifierToken, QCryptographicHash::Sha256).toBase64();
}

QByteArray QboWebhookSender::legacyPayload(const QList<Event> &events)
{
    // One eventNotifications element per realm, entities in change order.
    QList<QString> realms;
    for (const Event &e : events)
        if (!realms.contains(e.realmId))
            realms.append(e.realmId);
    QJsonArray notifications;
    for (const QString &realm : std::as_const(realms)) {
        QJsonArray entities;
        for (const Event &e : events) {
            if (e.realmId != realm)
                continue;
            entities.append(QJsonObject{ { u"name"_s, e.entity },
                                         { u"id"_s, e.id },
                                         { u"operation"_s, e.operation },
                                         { u"lastUpdated"_s, utcMillis(e.whenUtc) } });
        }
        notifications.append(QJsonObject{
            { u"realmId"_s, realm },
            { u"dataChangeEvent"_s, QJsonObject{ { u"entities"_s, entities } } } });
    }
    return QJsonDocument(QJsonObject{ { u"eventNotifications"_s, notifications } }).toJson(QJsonDocument::Compact);
}

QByteArray QboWebhookSender::cloudEventsPayload(const QList<Event> &events)
{
    QJsonArray out;
    for (const Event &e : events) {
        out.append(QJsonObject{
            { u"specversion"_s, u"1.0"_s },
            { u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) },
            { u"source"_s, u"intuit.concord-sandbox"_s },
            { u"type"_s, u"qbo.%1.%2.v1"_s.arg(e.entity.toLower(), cloudVerb(e.operation)) },
            { u"datacontenttype"_s, u"application/json"_s },
            { u"time"_s, utcMillis(e.whenUtc) },
            { u"intuitentityid"_s, e.id },
            { u"intuitaccountid"_s, e.realmId },
            { u"data"_s, QJsonObject{} } });
    }
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

qint64 QboWebhookSender::retryDelaySecs(int attempt)
{
    static constexpr qint64 schedule[] = { 10, 20, 30, 5 * 60, 20 * 60, 2 * 3600, 4 * 3600, 6 * 3600 };
    if (attempt < 1)
        return 0;
    if (attempt <= int(std::size(schedule)))
        return schedule[attempt - 1];
    return 6 * 3600;
}

void QboWebhookSender::send(const QList<Event> &events)
{
    if (!isConfigured() || events.isEmpty())
        return;
    m_queue.append({ m_format == Format::Legacy ? legacyPayload(events) : cloudEventsPayload(events), 0 });
    pump();
}

void QboWebhookSender::clear()
{
    m_queue.clear();
    m_retry.stop();
}

void QboWebhookSender::pump()
{
    if (m_busy || m_queue.isEmpty() || m_retry.isActive())
        return;
    m_busy = true;
    Pending &head = m_queue.first();
    ++head.attempts;
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json; charset=utf-8"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("intuit_notification_server/0.1"));
    request.setRawHeader("intuit-signature", sign(m_token, head.body));
    request.setRawHeader("intuit-created-time",
                         QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8());
    request.setRawHeader("intuit-t-id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    request.setRawHeader("intuit-notification-schema-version", "0.1");
    QNetworkReply *reply = m_nam.post(request, head.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_busy = false;
        if (m_queue.isEmpty())
            return; // cleared meanwhile
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200) {
            const Pending done = m_queue.takeFirst();
            Q_EMIT delivered(done.body, done.attempts);
            pump();
            return;
        }
        const int attempt = m_queue.first().attempts;
        Q_EMIT deliveryFailed(status, attempt);
        const qint64 delayMs = qint64(double(retryDelaySecs(attempt)) * 1000.0 / m_timeScale);
        m_retry.start(int(std::min<qint64>(delayMs, std::numeric_limits<int>::max())));
    });
}

} // namespace Concord::Sandbox
