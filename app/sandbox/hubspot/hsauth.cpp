#include "hubspot/hsauth.h"

#include "common/clock.h"

#include <QRandomGenerator>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = char(QRandomGenerator::global()->bounded(256));
    return QString::fromLatin1(raw.toHex());
}

HsAuth::TokenReply oauthError(const QString &status, const QString &message)
{
    // HubSpot v1 token errors: {"status":"BAD_REFRESH_TOKEN","message":…} [2nd].
    return {400, QJsonObject{{u"status"_s, status}, {u"message"_s, message},
                             {u"correlationId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)}}};
}

} // namespace

HsAuth::HsAuth(const Clock *clock) : m_clock(clock)
{
    m_defaultPrivate = addPrivateAppToken();
}

void HsAuth::clear()
{
    m_privateTokens.clear();
    m_access.clear();
    m_refresh.clear();
    m_codes.clear();
    m_defaultPrivate = addPrivateAppToken();
}

QDateTime HsAuth::now() const
{
    return m_clock ? m_clock->nowUtc() : QDateTime::currentDateTimeUtc();
}

void HsAuth::setClientCredentials(const QString &clientId, const QString &clientSecret)
{
    m_clientId = clientId;
    m_clientSecret = clientSecret;
}

QString HsAuth::addPrivateAppToken(const QString &token)
{
    const QString value = token.isEmpty() ? u"pat-na1-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces) : token;
    m_privateTokens.insert(value);
    return value;
}

QString HsAuth::newAccess()
{
    // Real access tokens are opaque and up to 300 characters (A1).
    const QString token = u"CJSP"_s + randomHex(48);
    m_access.insert(token, now().addSecs(kAccessLifetimeSecs));
    return token;
}

HsAuth::Tokens HsAuth::issue()
{
    const QString refresh = u"na1-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_refresh.insert(refresh);
    return {newAccess(), refresh};
}

QString HsAuth::createAuthorizationCode()
{
    const QString code = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_codes.insert(code);
    return code;
}

void HsAuth::expireAccessToken(const QString &accessToken)
{
    if (m_access.contains(accessToken))
        m_access.insert(accessToken, now().addSecs(-1));
}

std::optional<HsError> HsAuth::checkAccess(const QString &bearer) const
{
    if (!bearer.isEmpty() && m_privateTokens.contains(bearer))
        return std::nullopt;
    const auto it = m_access.constFind(bearer);
    if (bearer.isEmpty() || it == m_access.cend()) {
        return HsError{401, u"INVALID_AUTHENTICATION"_s,
                       u"Authentication credentials not found. This API supports OAuth 2.0 authentication and you "
                       "can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview"_s,
                       {}};
    }
    const qint64 overdue = it.value().secsTo(now());
    if (overdue >= 0) {
        // The body as relayed (A1), with HubSpot's status and correlation fields.
        return HsError{401, u"EXPIRED_AUTHENTICATION"_s,
                       u"The OAuth token used to make this call expired %1 second(s) ago."_s.arg(overdue), {}};
    }
    return std::nullopt;
}

HsAuth::TokenReply HsAuth::tokenEndpoint(const QByteArray &body)
{
    const QUrlQuery form(QString::fromUtf8(body).replace(u'+', u"%20"_s));
    const auto field = [&form](const QString &name) { return form.queryItemValue(name, QUrl::FullyDecoded); };
    // HubSpot takes the client credentials in the form body (A1), not Basic auth.
    if (field(u"client_id"_s) != m_clientId)
        return oauthError(u"BAD_CLIENT_ID"_s, u"missing or unknown client id"_s);
    if (field(u"client_secret"_s) != m_clientSecret)
        return oauthError(u"BAD_CLIENT_SECRET"_s, u"missing or invalid client secret"_s);
    const QString grant = field(u"grant_type"_s);
    QString refresh;
    if (grant == u"refresh_token"_s) {
        refresh = field(u"refresh_token"_s);
        if (!m_refresh.contains(refresh))
            return oauthError(u"BAD_REFRESH_TOKEN"_s, u"missing or unknown refresh token"_s);
    } else if (grant == u"authorization_code"_s) {
        if (!m_codes.remove(field(u"code"_s)))
            return oauthError(u"BAD_AUTH_CODE"_s, u"missing or unknown auth code"_s);
        refresh = issue().refreshToken;
    } else {
        return oauthError(u"BAD_GRANT_TYPE"_s, u"grant_type must be authorization_code or refresh_token"_s);
    }
    // The refresh token keeps its value (HubSpot does not rotate it).
    return {200, QJsonObject{{u"token_type"_s, u"bearer"_s}, {u"refresh_token"_s, refresh},
                             {u"access_token"_s, newAccess()}, {u"expires_in"_s, kAccessLifetimeSecs}}};
}

} // namespace Concord::Sandbox
