#pragma once

// Shared by the Cal.com emulator suites (header-only: only tst_*.cpp files
// become test executables): a raw HTTP client that waits with the event loop
// running (QTRY), never sleeping, and the fixture shape comparison.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QStringList>
#include <QTest>
#include <QUrl>

#include <memory>

namespace Concord::Test {

struct CalResponse {
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    [[nodiscard]] QJsonValue data() const { return json().value(QStringLiteral("data")); }
    [[nodiscard]] QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

class CalRawClient {
public:
    CalRawClient(QUrl base, QString key)
        : m_base(std::move(base))
        , m_key(std::move(key))
    {
    }
    void setKey(const QString &key) { m_key = key; }
    // Gives up on an answer after `ms` (0 = never).
    void setTimeoutMs(int ms) { m_nam.setTransferTimeout(ms); }

    CalResponse send(const QByteArray &method, const QString &pathAndQuery,
                     const QByteArray &version = {}, const QByteArray &body = {})
    {
        QUrl url = m_base.resolved(QUrl(pathAndQuery));
        QNetworkRequest r(url);
        if (!m_key.isEmpty())
            r.setRawHeader("Authorization", "Bearer " + m_key.toUtf8());
        if (!version.isEmpty())
            r.setRawHeader("cal-api-version", version);
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply = m_nam.sendCustomRequest(r, method, body);
        CalResponse out;
        [&] { QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000); }();
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->isOpen())
            out.body = reply->readAll();
        out.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return out;
    }
    CalResponse get(const QString &path, const QByteArray &version = {})
    {
        return send("GET", path, version);
    }
    CalResponse post(const QString &path, const QJsonObject &body, const QByteArray &version)
    {
        return send("POST", path, version, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

private:
    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_key;
};

inline QStringList sortedKeys(const QJsonObject &o)
{
    QStringList keys = o.keys();
    keys.sort();
    return keys;
}

// Keys in `fixture` the emulator's object lacks, and keys it has that the
// fixture does not — both empty when the shapes agree.
inline QString shapeDifference(const QJsonObject &emulated, const QJsonObject &fixture)
{
    const QStringList emulatedKeys = emulated.keys();
    const QStringList fixtureKeys = fixture.keys();
    const QSet<QString> e(emulatedKeys.cbegin(), emulatedKeys.cend());
    const QSet<QString> f(fixtureKeys.cbegin(), fixtureKeys.cend());
    QStringList missing = (f - e).values();
    QStringList extra = (e - f).values();
    missing.sort();
    extra.sort();
    if (missing.isEmpty() && extra.isEmpty())
        return {};
    return QStringLiteral("missing [%1] extra [%2]").arg(missing.join(u','), extra.join(u','));
}

inline QString missingKeys(const QJsonObject &emulated, const QJsonObject &fixture)
{
    QStringList missing;
    for (const QString &k : fixture.keys()) {
        if (!emulated.contains(k))
            missing.append(k);
    }
    return missing.join(u',');
}

} // namespace Concord::Test
