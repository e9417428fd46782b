#include "sync/connectorset.h"

#include "common/clock.h"
#include "connectors/calcom/calcomclient.h"
#include "connectors/http/httpexecutor.h"
#include "connectors/http/ratelimiter.h"
#include "connectors/hubspot/hubspotclient.h"
#include "connectors/oauth/oauthsettings.h"
#include "connectors/oauth/tokenmanager.h"
#include "connectors/quickbooks/quickbooksclient.h"
#include "security/secretnames.h"
#include "security/secretstore.h"
#include "services/connectionrecorder.h"
#include "store/operationsrepository.h"

using namespace Qt::StringLiterals;

namespace Concord::Sync {

ConnectorSet::~ConnectorSet()
{
    // Clients first: they hold references to the token managers, the limiter
    // and the executor.
    m_calcom.reset();
    m_hubSpot.reset();
    m_quickBooks.reset();
    m_qboRecorder.reset();
    m_hsTokens.reset();
    m_qboTokens.reset();
}

Result<std::unique_ptr<ConnectorSet>> ConnectorSet::create(const Config &config, Security::SecretStore &secrets,
                                                           Store::OperationsRepository &operations, const Clock &clock)
{
    std::unique_ptr<ConnectorSet> set(new ConnectorSet);
    set->m_baseUrls = {{Domain::System::QuickBooks, config.quickbooksBaseUrl.toString()},
                       {Domain::System::HubSpot, config.hubspotBaseUrl.toString()},
                       {Domain::System::CalCom, config.calcomBaseUrl.toString()}};
    set->m_executor = std::make_unique<Connectors::HttpExecutor>(&set->m_network, clock);
    set->m_limiter = std::make_unique<Connectors::RateLimiter>(clock);

    // QuickBooks: OAuth 2.0 with a rotating refresh token in the secret store.
    if (config.quickbooksClientId.isEmpty() || config.quickbooksRealmId.isEmpty()) {
        set->m_missing << u"QuickBooks: [quickbooks] client_id and realm_id must be set in %1"_s.arg(
            config.sourcePath.isEmpty() ? u"the configuration"_s : config.sourcePath);
    } else {
        set->m_qboTokens = std::make_unique<Connectors::OAuth::TokenManager>(
            Connectors::OAuth::OAuthSettings::quickBooks(config.quickbooksClientId, config.quickbooksTokenUrl),
            *set->m_executor, secrets, clock);
        set->m_qboRecorder = std::make_unique<Services::ConnectionRecorder>(Domain::System::QuickBooks,
                                                                            *set->m_qboTokens, operations, clock);
        set->m_qboRecorder->setAccount(config.quickbooksRealmId, config.quickbooksBaseUrl.toString());
        if (auto restored = set->m_qboRecorder->restore(); !restored)
            return std::unexpected(restored.error());
        set->m_quickBooks = std::make_unique<QuickBooks::QuickBooksClient>(
            QuickBooks::QuickBooksClientSettings::fromConfig(config), *set->m_executor, *set->m_limiter,
            *set->m_qboTokens, clock);
    }

    // HubSpot: a private-app token (read when first needed) or OAuth.
    const HubSpot::HubSpotClientSettings hsSettings = HubSpot::HubSpotClientSettings::fromConfig(config);
    if (config.hubspotAuth == u"oauth"_s) {
        if (config.hubspotClientId.isEmpty()) {
            set->m_missing << u"HubSpot: [hubspot] auth=oauth needs client_id"_s;
        } else {
            set->m_hsTokens = std::make_unique<Connectors::OAuth::TokenManager>(
                Connectors::OAuth::OAuthSettings::hubSpot(config.hubspotClientId, {}, config.hubspotTokenUrl),
                *set->m_executor, secrets, clock);
            set->m_hubSpot = std::make_unique<HubSpot::HubSpotClient>(hsSettings, *set->m_executor, *set->m_limiter,
                                                                      *set->m_hsTokens, clock);
        }
    } else {
        set->m_hubSpot = std::make_unique<HubSpot::HubSpotClient>(hsSettings, *set->m_executor, *set->m_limiter,
                                                                  secrets, clock);
    }

    // Cal.com: an API key, read once (it cannot be refreshed).
    const Result<QString> key = Security::waitForResult(secrets.read(Security::SecretName::CalcomApiKey.toString()));
    if (key) {
        set->m_calcom = std::make_unique<Calcom::CalcomClient>(Calcom::CalcomClientSettings::fromConfig(config), *key,
                                                               *set->m_executor, *set->m_limiter, clock);
    } else if (key.error().code == ErrorCode::NotFound) {
        set->m_missing << u"Cal.com: the API key is not set (secret CALCOM_API_KEY, or CONCORD_CALCOM_API_KEY)"_s;
    } else {
        return std::unexpected(key.error());
    }
    return set;
}

} // namespace Concord::Sync
