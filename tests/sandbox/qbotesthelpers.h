#pragma once

// Shared by the QuickBooks emulator suites (header-only: only tst_*.cpp files
// become test executables). A tiny blocking HTTP client over QNetworkAccessManager
// (waits with QSignalSpy, never sleeps) and the fixture "shape" comparison.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace Concord::Test {

struct QboResponse {
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    [[nodiscard]] QJsonObject fault() const { return json().value(QStringLiteral("Fault")).toObject(); }
    [[nodiscard]] QJsonObject firstError() const
    {
        return fault().value(QStringLiteral("Error")).toArray().first().toObject();
    }
    [[nodiscard]] QString faultCode() const { return firstError().value(QStringLiteral("code")).toString(); }
};

class QboClient
{
public:
    QboClient(QUrl base, QString realm, QString token)
        : m_base(std::move(base)), m_realm(std::move(realm)), m_token(std::move(token))
    {
    }

    void setToken(const QString &token) { m_token = token; }
    void setRealm(const QString &realm) { m_realm = realm; }
    [[nodiscard]] QNetworkAccessManager &nam() { return m_nam; }

    [[nodiscard]] QUrl apiUrl(const QString &relative, const QUrlQuery &query = {}) const
    {
        QUrl url = m_base;
        url.setPath(QStringLiteral("/v3/company/%1/%2").arg(m_realm, relative));
        if (!query.isEmpty())
            url.setQuery(query);
        return url;
    }

    [[nodiscard]] QNetworkRequest request(const QUrl &url, const QByteArray &accept = "application/json") const
    {
        QNetworkRequest r(url);
        if (!m_token.isEmpty())
            r.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        r.setRawHeader("Accept", accept);
        return r;
    }

    static QboResponse wait(QNetworkReply *reply)
    {
        QSignalSpy spy(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            spy.wait(15000);
        QboResponse out;
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        out.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        out.error = reply->error();
        reply->deleteLater();
        return out;
    }

    QboResponse get(const QString &relative, const QUrlQuery &query = {}, const QByteArray &accept = "application/json")
    {
        return wait(m_nam.get(request(apiUrl(relative, query), accept)));
    }

    QboResponse post(const QString &relative, const QJsonObject &body, const QUrlQuery &query = {})
    {
        return postRaw(relative, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", query);
    }

    QboResponse postRaw(const QString &relative, const QByteArray &body, const QByteArray &contentType,
                        const QUrlQuery &query = {})
    {
        QNetworkRequest r = request(apiUrl(relative, query));
        r.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        return wait(m_nam.post(r, body));
    }

    QboResponse query(const QString &statement)
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("query"), QString::fromUtf8(QUrl::toPercentEncoding(statement)));
        return get(QStringLiteral("query"), q);
    }

    QboResponse postUrl(const QUrl &url, const QByteArray &body, const QByteArray &contentType,
                        const QByteArray &authorization = {})
    {
        QNetworkRequest r(url);
        r.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        if (!authorization.isEmpty())
            r.setRawHeader("Authorization", authorization);
        return wait(m_nam.post(r, body));
    }

private:
    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_realm;
    QString m_token;
};

// "Shape" of a response against a real payload: every key the fixture object has
// that ours also has must carry the same JSON type, recursively; array elements
// are paired by DetailType when they have one (invoice lines), else first with
// first. `mustHave` keys of the fixture must be present in ours.
inline void shapeProblems(const QJsonValue &fixture, const QJsonValue &ours, const QString &path,
                          QStringList &problems)
{
    if (fixture.type() != ours.type()) {
        problems << QStringLiteral("%1: fixture type %2, ours %3").arg(path).arg(fixture.type()).arg(ours.type());
        return;
    }
    if (fixture.isObject()) {
        const QJsonObject f = fixture.toObject();
        const QJsonObject o = ours.toObject();
        for (auto it = f.constBegin(); it != f.constEnd(); ++it) {
            if (o.contains(it.key()))
                shapeProblems(it.value(), o.value(it.key()), path + u'.' + it.key(), problems);
        }
    } else if (fixture.isArray()) {
        const QJsonArray f = fixture.toArray();
        const QJsonArray o = ours.toArray();
        if (f.isEmpty() || o.isEmpty())
            return;
        for (const QJsonValue &fe : f) {
            const QString detail = fe.toObject().value(QStringLiteral("DetailType")).toString();
            QJsonValue match = o.first();
            if (!detail.isEmpty()) {
                match = QJsonValue();
                for (const QJsonValue &oe : o) {
                    if (oe.toObject().value(QStringLiteral("DetailType")).toString() == detail) {
                        match = oe;
                        break;
                    }
                }
                if (match.isUndefined() || match.isNull())
                    continue;
            }
            shapeProblems(fe, match, path + QStringLiteral("[]"), problems);
            if (detail.isEmpty())
                break;
        }
    }
}

inline QStringList shapeDiff(const QJsonObject &fixture, const QJsonObject &ours, const QStringList &mustHave = {})
{
    QStringList problems;
    // Envelope: every top-level key of the fixture must be there.
    for (auto it = fixture.constBegin(); it != fixture.constEnd(); ++it) {
        if (!ours.contains(it.key()))
            problems << QStringLiteral("missing top-level key %1").arg(it.key());
    }
    shapeProblems(fixture, ours, QString(), problems);
    // Required nested keys, given as "Entity.Key" paths.
    for (const QString &path : mustHave) {
        QJsonValue f = fixture;
        QJsonValue o = ours;
        for (const QString &part : path.split(u'.')) {
            f = f.toObject().value(part);
            o = o.toObject().value(part);
        }
        if (!f.isUndefined() && o.isUndefined())
            problems << QStringLiteral("missing %1").arg(path);
    }
    return problems;
}

} // namespace Concord::Test
