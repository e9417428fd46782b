#pragma once

#include "common/error.h"
#include "connectors/oauth/loopbackauthorization.h"
#include "connectors/oauth/oauthsettings.h"
#include "connectors/oauth/tokenresponse.h"

#include <QDateTime>
#include <QFuture>
#include <QMap>
#include <QObject>
#include <QPromise>

#include <functional>
#include <memory>
#include <optional>

namespace Concord {
class Clock;
}
namespace Concord::Security {
class SecretStore;
}
namespace Concord::Connectors {
class HttpExecutor;
}

namespace Concord::Connectors::OAuth {

// The OAuth 2.0 tokens of one connection (one QuickBooks company, one
// HubSpot account). Connectors ask it for an access token before each
// request and tell it when the server answered 401.
//
// Contract
// - Thread affinity: lives on the sync thread with the HttpExecutor. The
//   SecretStore must be callable from this thread and answer through its
//   event loop (SecretStore contract); the executor, store and clock must
//   outlive the manager.
// - Operations return futures that finish exactly once; attach with
//   QFuture::then(context, …) or a QFutureWatcher. Results are values.
// - One token request in flight per connection: concurrent callers of
//   accessToken() share one refresh (two concurrent refreshes get
//   invalid_grant at Intuit).
// - Rotation is saved before use: when the server sends a new refresh
//   token, it is written to the SecretStore and the write confirmed before
//   the new access token is handed out. If the write fails, the new tokens
//   are dropped, the previous refresh token stays in memory and in the store
//   (Intuit keeps it valid for 24 h after rotating), and callers get the
//   ErrorCode::Secrets error. A crash between refresh and save thus loses
//   nothing that the store does not still have.
// - invalid_grant (or any 400/401 refusal of the token endpoint) parks the
//   connection: state NeedsReconnect, and every later call fails at once with
//   that Unauthorized error, without network, until authorize() succeeds.
// - Access tokens live only in memory; no token value is ever logged.
class TokenManager final : public QObject
{
    Q_OBJECT

public:
    enum class State {
        NotConnected,   // no refresh token known (yet)
        Connected,      // a refresh token is stored and was accepted or not yet tried
        NeedsReconnect, // parked: the provider refused the grant
    };
    Q_ENUM(State)

    struct AccessToken {
        QString value;        // never log
        QDateTime expiresAt;  // UTC, by the injected clock
    };

    TokenManager(OAuthSettings settings, HttpExecutor &executor, Security::SecretStore &secrets,
                 const Clock &clock, QObject *parent = nullptr);
    ~TokenManager() override;

    [[nodiscard]] const OAuthSettings &settings() const { return m_settings; }
    [[nodiscard]] State state() const { return m_state; }
    // The error that parked the connection (state NeedsReconnect).
    [[nodiscard]] std::optional<Error> parkReason() const { return m_parkReason; }

    // A valid access token: the one in memory while it has more than
    // settings.refreshMargin left, otherwise a refreshed one (shared by all
    // concurrent callers). Not connected → Unauthorized.
    [[nodiscard]] QFuture<Result<AccessToken>> accessToken();

    // The server answered 401 to a request made with `rejectedAccessToken`.
    // Refreshes once: if another caller already replaced that token, returns
    // the newer one without a request; if the token being rejected came from
    // such a forced refresh, the provider refuses us and the connection is
    // parked. Retry the request once with the result; never loop.
    [[nodiscard]] QFuture<Result<AccessToken>>
    refreshAfterUnauthorized(const QString &rejectedAccessToken);

    // Runs the authorization-code flow: listens on 127.0.0.1, calls
    // `openBrowser` with the provider's URL (core has no GUI: the caller opens
    // the browser, on its own thread), exchanges the code, saves the refresh
    // token (confirmed) and only then reports success. The result holds the
    // redirect's other parameters, e.g. QuickBooks' "realmId".
    [[nodiscard]] QFuture<Result<QMap<QString, QString>>>
    authorize(const LoopbackAuthorization::OpenBrowser &openBrowser);

    // Disconnect: revokes the refresh token at the provider (when it has a
    // revoke URL), then forgets it (SecretStore and memory) even if the
    // revocation failed, which the result then reports.
    [[nodiscard]] QFuture<Status> revoke();

    // Refresh-token age. Known after a token response; a caller that keeps
    // them (in the store's sync state, never with the token) restores them
    // after a restart with setRefreshTokenTimes().
    [[nodiscard]] std::optional<QDateTime> refreshTokenIssuedAt() const { return m_refreshIssuedAt; }
    [[nodiscard]] std::optional<QDateTime> refreshTokenExpiresAt() const { return m_refreshExpiresAt; }
    void setRefreshTokenTimes(const QDateTime &issuedAt, const QDateTime &expiresAt);
    // True from settings.expiryWarning (14 days) before the refresh token's end.
    [[nodiscard]] bool isRefreshTokenExpiring() const;

Q_SIGNALS:
    void stateChanged(Concord::Connectors::OAuth::TokenManager::State state);
    // A new refresh token was saved (the value is not in the signal).
    void refreshTokenRotated(const QDateTime &issuedAt, const QDateTime &expiresAt);
    // The refresh token ends within settings.expiryWarning: ask for a reconnect.
    void refreshTokenExpiring(const QDateTime &expiresAt);
    // A token operation failed (also reported through the futures).
    void errorOccurred(const Concord::Error &error);

private:
    using TokensDone = std::function<void(Result<TokenResponse>, QDateTime sentAt)>;

    QFuture<Result<AccessToken>> startRefresh();
    void finishRefresh(Result<AccessToken> result);
    void withRefreshToken(std::function<void(Result<QString>)> next);
    void requestTokens(QList<std::pair<QString, QString>> form, TokensDone done);
    void adopt(const TokenResponse &tokens, const QDateTime &sentAt, bool alwaysSave,
               std::function<void(Status)> done);
    void switchTo(const TokenResponse &tokens, const QDateTime &sentAt, bool rotated);
    void park(const Error &error);
    void setState(State state);
    void checkExpiry();
    [[nodiscard]] QByteArray basicAuthorization(const QString &clientSecret) const;
    void readSecret(const QString &name, std::function<void(Result<QString>)> next);
    void writeSecret(const QString &name, const QString &value, std::function<void(Status)> next);
    void removeSecret(const QString &name, std::function<void(Status)> next);
    void sendRevoke(const QString &refreshToken, std::function<void(Status)> next);

    OAuthSettings m_settings;
    HttpExecutor &m_executor;
    Security::SecretStore &m_secrets;
    const Clock &m_clock;

    State m_state = State::NotConnected;
    std::optional<Error> m_parkReason;
    std::optional<AccessToken> m_access;
    bool m_accessFromForcedRefresh = false;
    bool m_nextRefreshForced = false;
    QString m_refreshToken; // in memory once read or received
    std::optional<QDateTime> m_refreshIssuedAt;
    std::optional<QDateTime> m_refreshExpiresAt;
    std::optional<QDateTime> m_expiryReportedFor;
    std::shared_ptr<QPromise<Result<AccessToken>>> m_refresh; // the one refresh in flight
    std::unique_ptr<LoopbackAuthorization> m_authorization;
};

} // namespace Concord::Connectors::OAuth
