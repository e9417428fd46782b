#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>

namespace Concord::Connectors::OAuth {

// How a refresh/access token is revoked (RFC 7009 leaves the body open).
enum class RevokeBody {
    Json, // {"token":"…"} — Intuit
    Form, // token=…&token_type_hint=refresh_token — RFC 7009, HubSpot v3
};

// How the client proves itself to the token endpoint (RFC 6749 §2.3.1 allows both).
enum class ClientAuthentication {
    BasicHeader, // Authorization: Basic base64(id:secret) — Intuit
    FormBody,    // client_id and client_secret in the form body — HubSpot (hubspot-calcom.md A1)
};

// One OAuth 2.0 connection (provider-agnostic). Pure value; secrets are not
// part of it, only the names under which the SecretStore keeps them.
struct OAuthSettings {
    QString connectionName;           // for logs and messages: "QuickBooks"
    QUrl authorizationUrl;
    QUrl tokenUrl;
    QUrl revokeUrl;                   // empty: the provider has none; disconnect only forgets
    QString clientId;
    QStringList scopes;               // sent space-separated
    QString clientSecretName;         // e.g. QUICKBOOKS_CLIENT_SECRET
    QString refreshTokenName;         // e.g. QUICKBOOKS_REFRESH_TOKEN
    RevokeBody revokeBody = RevokeBody::Json;
    ClientAuthentication clientAuthentication = ClientAuthentication::BasicHeader;

    // Loopback redirect: http://127.0.0.1:<port>/<path>; port 0 = any free one.
    quint16 redirectPort = 0;
    QString redirectPath = QStringLiteral("callback");
    // How long the user has to finish in the browser.
    std::chrono::milliseconds authorizationTimeout = std::chrono::minutes(5);

    // Refresh the access token this long before it expires (1 h QuickBooks,
    // 30 min HubSpot: 5 min is early enough for a request to finish on it).
    std::chrono::seconds refreshMargin = std::chrono::minutes(5);
    // Report the refresh token as expiring this long before its end (14 days).
    std::chrono::hours expiryWarning = std::chrono::hours(14 * 24);
    // Budget of one token-endpoint request.
    std::chrono::milliseconds requestTimeout = std::chrono::seconds(10);

    // Intuit (quickbooks.md §8): authorize at appcenter.intuit.com, tokens at
    // oauth.platform.intuit.com (Basic auth), revoke at developer.api.intuit.com
    // with a JSON body; scope com.intuit.quickbooks.accounting.
    [[nodiscard]] static OAuthSettings quickBooks(const QString &clientId,
                                                  const QUrl &tokenUrl = {});
    // HubSpot (hubspot-calcom.md A1): authorize at app.hubspot.com, tokens at
    // api.hubapi.com/oauth/v1/token, RFC 7009 revoke at /oauth/v3/token/revoke.
    [[nodiscard]] static OAuthSettings hubSpot(const QString &clientId, const QStringList &scopes,
                                               const QUrl &tokenUrl = {});
};

} // namespace Concord::Connectors::OAuth
