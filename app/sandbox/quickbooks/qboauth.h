#pragma once

#include "quickbooks/qboreply.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace Concord {
class Clock;
}

namespace Concord::Sandbox {

// The Intuit OAuth 2.0 server as QBO clients see it (quickbooks.md §8):
// authorization-code and refresh-token grants with Basic client auth, access
// tokens of 3600 s, rolling refresh tokens of 8726400 s whose value rotates,
// invalid_grant for stale/rotated/revoked tokens, and revocation of a grant.
// Time comes from the injected Clock so tests move it instead of waiting.
class QboAuth
{
public:
    static constexpr qint64 kAccessLifetimeSecs = 3600;
    static constexpr qint64 kRefreshLifetimeSecs = 8726400; // rolling, reset on each use

    struct Tokens {
        QString accessToken;
        QString refreshToken;
        QString realmId;
    };

    explicit QboAuth(const Clock *clock);

    void setClientCredentials(const QString &clientId, const QString &clientSecret);
    [[nodiscard]] QString clientId() const { return m_clientId; }
    [[nodiscard]] QString clientSecret() const { return m_clientSecret; }

    // A refresh token is given a new value when it is at least this old when
    // used (QBO: 24 h). 0 = a new value on every refresh.
    void setRotationIntervalSecs(qint64 secs) { m_rotationSecs = secs; }
    // How long a superseded refresh token still works (QBO: 24 h). 0 = never.
    void setGracePeriodSecs(qint64 secs) { m_graceSecs = secs; }

    // Issues a fresh grant for a realm (what completing the consent screen gives).
    Tokens issue(const QString &realmId);
    // A one-time authorization code for the realm, for the authorization_code grant.
    QString createAuthorizationCode(const QString &realmId);

    // nullopt when the bearer token may call the realm; otherwise the Fault detail.
    [[nodiscard]] std::optional<QString> checkAccess(const QString &token, const QString &realmId) const;

    // POST /oauth2/v1/tokens/bearer (form body, Basic auth).
    QboReply tokenEndpoint(const QByteArray &authorization, const QByteArray &body);
    // POST /v2/oauth2/tokens/revoke (JSON {"token"} or form token=, Basic auth).
    QboReply revokeEndpoint(const QByteArray &authorization, const QByteArray &body);

    void clear();

private:
    struct Access {
        QString realmId;
        qint64 grant = 0;
        QDateTime expiresUtc;
    };
    struct Refresh {
        QString realmId;
        qint64 grant = 0;
        QDateTime issuedUtc;
        QDateTime expiresUtc;
        std::optional<QDateTime> supersededUtc;
    };

    [[nodiscard]] QDateTime now() const;
    [[nodiscard]] static QString randomToken(const QString &prefix, int bytes);
    [[nodiscard]] bool clientAuthenticated(const QByteArray &authorization) const;
    QString newAccess(const QString &realmId, qint64 grant);
    QString newRefresh(const QString &realmId, qint64 grant);
    [[nodiscard]] QboReply tokenReply(const QString &access, const QString &refresh) const;
    [[nodiscard]] static QboReply oauthError(int status, const QString &error, const QString &description = {});

    const Clock *m_clock;
    QString m_clientId = QStringLiteral("sandbox-client-id");
    QString m_clientSecret = QStringLiteral("sandbox-client-secret");
    qint64 m_rotationSecs = 24 * 3600;
    qint64 m_graceSecs = 24 * 3600;
    qint64 m_nextGrant = 1;
    QHash<QString, Access> m_access;
    QHash<QString, Refresh> m_refresh;
    QHash<QString, QString> m_codes; // code → realm, removed on use
    QHash<qint64, bool> m_revokedGrants;
};

} // namespace Concord::Sandbox
