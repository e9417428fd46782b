#include "quickbooks/qboauth.h"

#include "common/clock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

QboAuth::QboAuth(const Clock *clock) : m_clock(clock) {}

void QboAuth::setClientCredentials(const QString &clientId, const QString &clientSecret)
{
    m_clientId = clientId;
    m_clientSecret = clientSecret;
}

QDateTime QboAuth::now() const
{
    return m_clock->nowUtc();
}

QString QboAuth::randomToken(const QString &prefix, int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = char(QRandomGenerator::system()->bounded(256));
    return prefix + QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString QboAuth::newAccess(const QString &realmId, qint64 grant)
{
    const QString token = randomToken(u"qbo-at-"_s, 48);
    m_access.insert(token, { realmId, grant, now().addSecs(kAccessLifetimeSecs) });
    return token;
}

QString QboAuth::newRefresh(const QString &realmId, qint64 grant)
{
    const QString token = randomToken(u"qbo-rt-"_s, 24);
    m_refresh.insert(token, { realmId, grant, now(), now().addSecs(kRefreshLifetimeSecs), std::nullopt });
    return token;
}

QboAuth::Tokens QboAuth::issue(const QString &realmId)
{
    const qint64 grant = m_nextGrant++;
    return { newAccess(realmId, grant), newRefresh(realmId, grant), realmId };
}

QString QboAuth::createAuthorizationCode(const QString &realmId)
{
    const QString code = randomToken(u"qbo-code-"_s, 24);
    m_codes.insert(code, realmId);
    return code;
}

std::optional<QString> QboAuth::checkAccess(const QString &token, const QString &realmId) const
{
    if (token.isEmpty())
        return u"Authorization header missing or not a Bearer token"_s;
    const auto it = m_access.constFind(token);
    if (it == m_access.cend())
        return u"Token invalid"_s;
    if (m_revokedGrants.value(it->grant))
        return u"Token revoked"_s;
    if (now() >= it->expiresUtc)
        return u"Token expired"_s;
    if (it->realmId != realmId)
        return u"Token not valid for realm %1"_s.arg(realmId);
    return std::nullopt;
}

bool QboAuth::clientAuthenticated(const QByteArray &authorization) const
{
    if (!authorization.startsWith("Basic "))
        return false;
    const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
    return decoded == (m_clientId + u':' + m_clientSecret).toUtf8();
}

QboReply QboAuth::oauthError(int status, const QString &error, const QString &description)
{
    QJsonObject o{ { u"error"_s, error } };
    if (!description.isEmpty())
        o.insert(u"error_description"_s, description);
    return { status, "application/json;charset=UTF-8", QJsonDocument(o).toJson(QJsonDocument::Compact), {} };
}

QboReply QboAuth::tokenReply(const QString &access, const QString &refresh) const
{
    const auto r = m_refresh.value(refresh);
    const QJsonObject o{ { u"token_type"_s, u"bearer"_s },
                         { u"expires_in"_s, kAccessLifetimeSecs },
                         { u"refresh_token"_s, refresh },
                         { u"x_refresh_token_expires_in"_s, now().secsTo(r.expiresUtc) },
                         { u"access_token"_s, access } };
    // Token responses must not be cached by intermediaries (as Intuit sends them).
    return { 200, "application/json;charset=UTF-8", QJsonDocument(o).toJson(QJsonDocument::Compact),
             { { "Cache-Control", "no-cache, no-store" }, { "Pragma", "no-cache" } } };
}

QboReply QboAuth::tokenEndpoint(const QByteArray &authorization, const QByteArray &body)
{
    if (!clientAuthenticated(authorization))
        return oauthError(401, u"invalid_client"_s);
    const QUrlQuery form(QString::fromUtf8(body).replace(u'+', u' '));
    const QString grantType = form.queryItemValue(u"grant_type"_s, QUrl::FullyDecoded);
    if (grantType == u"authorization_code"_s) {
        const QString code = form.queryItemValue(u"code"_s, QUrl::FullyDecoded);
        // A code works once; a second exchange is invalid_grant (quickbooks.md §8).
        const auto it = m_codes.constFind(code);
        if (code.isEmpty() || it == m_codes.cend())
            return oauthError(400, u"invalid_grant"_s);
        const QString realm = it.value();
        m_codes.remove(code);
        const Tokens t = issue(realm);
        return tokenReply(t.accessToken, t.refreshToken);
    }
    if (grantType == u"refresh_token"_s) {
        const QString token = form.queryItemValue(u"refresh_token"_s, QUrl::FullyDecoded);
        auto it = m_refresh.find(token);
        if (token.isEmpty() || it == m_refresh.end() || m_revokedGrants.value(it->grant)
            || now() >= it->expiresUtc)
            return oauthError(400, u"invalid_grant"_s, u"Incorrect or invalid refresh token"_s);
        const qint64 grant = it->grant;
        const QString realm = it->realmId;
        if (it->supersededUtc) {
            // A rotated-away token works during the grace period and answers
            // with the grant's current refresh token; afterwards invalid_grant.
            if (m_graceSecs <= 0 || now() >= it->supersededUtc->addSecs(m_graceSecs))
                return oauthError(400, u"invalid_grant"_s, u"Incorrect or invalid refresh token"_s);
            for (auto r = m_refresh.begin(); r != m_refresh.end(); ++r) {
                if (r->grant == grant && !r->supersededUtc) {
                    r->expiresUtc = now().addSecs(kRefreshLifetimeSecs);
                    return tokenReply(newAccess(realm, grant), r.key());
                }
            }
            return oauthError(400, u"invalid_grant"_s);
        }
        QString refresh = token;
        if (it->issuedUtc.secsTo(now()) >= m_rotationSecs) {
            it->supersededUtc = now();
            refresh = newRefresh(realm, grant);
        } else {
            it->expiresUtc = now().addSecs(kRefreshLifetimeSecs);
        }
        return tokenReply(newAccess(realm, grant), refresh);
    }
    return oauthError(400, u"unsupported_grant_type"_s);
}

QboReply QboAuth::revokeEndpoint(const QByteArray &authorization, const QByteArray &body)
{
    if (!clientAuthenticated(authorization))
        return oauthError(401, u"invalid_client"_s);
    QString token = QJsonDocument::fromJson(body).object().value(u"token"_s).toString();
    if (token.isEmpty())
        token = QUrlQuery(QString::fromUtf8(body)).queryItemValue(u"token"_s, QUrl::FullyDecoded);
    qint64 grant = 0;
    if (m_access.contains(token))
        grant = m_access.value(token).grant;
    else if (m_refresh.contains(token))
        grant = m_refresh.value(token).grant;
    if (grant == 0)
        return oauthError(400, u"invalid_request"_s, u"Token not found"_s);
    // Revoking either token ends the whole grant (access and refresh).
    m_revokedGrants.insert(grant, true);
    return { 200, "application/json;charset=UTF-8", "{\"statuscode\":\"200\"}", {} };
}

void QboAuth::clear()
{
    m_access.clear();
    m_refresh.clear();
    m_codes.clear();
    m_revokedGrants.clear();
}

} // namespace Concord::Sandbox
