#pragma once

#include "hubspot/hserror.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>

#include <optional>

namespace Concord {
class Clock;
}

namespace Concord::Sandbox {

// HubSpot authentication as the API sees it (hubspot-calcom.md A1):
// private-app tokens ("pat-na1-…", never expire) and OAuth 2.0 — the
// /oauth/v1/token endpoint with client_id/client_secret in the form body,
// authorization_code and refresh_token grants, access tokens of 1800 s,
// long-lived refresh tokens that keep their value. Time from the injected clock.
class HsAuth
{
public:
    static constexpr qint64 kAccessLifetimeSecs = 1800;

    struct Tokens {
        QString accessToken;
        QString refreshToken;
    };
    // An answer of the token endpoint.
    struct TokenReply {
        int status = 200;
        QJsonObject body;
    };

    explicit HsAuth(const Clock *clock);
    void setClock(const Clock *clock) { m_clock = clock; }

    void setClientCredentials(const QString &clientId, const QString &clientSecret);
    [[nodiscard]] QString clientId() const { return m_clientId; }
    [[nodiscard]] QString clientSecret() const { return m_clientSecret; }

    // A private-app token that works from now on (the emulator makes one at start).
    QString addPrivateAppToken(const QString &token = {});
    void revokePrivateAppToken(const QString &token) { m_privateTokens.remove(token); }
    [[nodiscard]] QString defaultPrivateAppToken() const { return m_defaultPrivate; }

    // What completing the consent screen gives.
    Tokens issue();
    QString createAuthorizationCode();
    // Ends an access token's life now (tests of the 401 → refresh path).
    void expireAccessToken(const QString &accessToken);

    // nullopt when the bearer token may call the API; otherwise the 401.
    [[nodiscard]] std::optional<HsError> checkAccess(const QString &bearer) const;

    // POST /oauth/v1/token (form body).
    TokenReply tokenEndpoint(const QByteArray &body);

    void clear();

private:
    [[nodiscard]] QDateTime now() const;
    QString newAccess();

    const Clock *m_clock;
    QString m_clientId = QStringLiteral("hubspot-sandbox-client");
    QString m_clientSecret = QStringLiteral("hubspot-sandbox-secret");
    QSet<QString> m_privateTokens;
    QString m_defaultPrivate;
    QHash<QString, QDateTime> m_access;  // token → expiry
    QSet<QString> m_refresh;
    QSet<QString> m_codes;
};

} // namespace Concord::Sandbox
