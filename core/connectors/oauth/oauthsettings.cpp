#include "connectors/oauth/oauthsettings.h"

#include "security/secretnames.h"

using namespace Qt::StringLiterals;

namespace Concord::Connectors::OAuth {

OAuthSettings OAuthSettings::quickBooks(const QString &clientId, const QUrl &tokenUrl)
{
    OAuthSettings settings;
    settings.connectionName = u"QuickBooks"_s;
    settings.authorizationUrl = QUrl(u"https://appcenter.intuit.com/connect/oauth2"_s);
    settings.tokenUrl = tokenUrl.isEmpty()
        ? QUrl(u"https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"_s)
        : tokenUrl;
    settings.revokeUrl = QUrl(u"https://developer.api.intuit.com/v2/oauth2/tokens/revoke"_s);
    settings.clientId = clientId;
    settings.scopes = {u"com.intuit.quickbooks.accounting"_s};
    settings.clientSecretName = Security::SecretName::QuickBooksClientSecret.toString();
    settings.refreshTokenName = Security::SecretName::QuickBooksRefreshToken.toString();
    settings.revokeBody = RevokeBody::Json;
    return settings;
}

OAuthSettings OAuthSettings::hubSpot(const QString &clientId, const QStringList &scopes,
                                     const QUrl &tokenUrl)
{
    OAuthSettings settings;
    settings.connectionName = u"HubSpot"_s;
    settings.authorizationUrl = QUrl(u"https://app.hubspot.com/oauth/authorize"_s);
    settings.tokenUrl =
        tokenUrl.isEmpty() ? QUrl(u"https://api.hubapi.com/oauth/v1/token"_s) : tokenUrl;
    settings.revokeUrl = QUrl(u"https://api.hubapi.com/oauth/v3/token/revoke"_s);
    settings.clientId = clientId;
    settings.scopes = scopes;
    settings.clientSecretName = Security::SecretName::HubSpotClientSecret.toString();
    settings.refreshTokenName = Security::SecretName::HubSpotRefreshToken.toString();
    settings.revokeBody = RevokeBody::Form;
    settings.clientAuthentication = ClientAuthentication::FormBody;
    return settings;
}

} // namespace Concord::Connectors::OAuth
