#include "services/servicesession.h"

#include "common/clock.h"
#include "connectors/calcom/calcomclient.h"
#include "connectors/http/httpexecutor.h"
#include "connectors/http/ratelimiter.h"
#include "connectors/hubspot/hubspotclient.h"
#include "connectors/oauth/tokenmanager.h"
#include "connectors/quickbooks/quickbooksclient.h"
#include "security/secretnames.h"
#include "security/secretstore.h"
#include "services/connectionrecorder.h"

using namespace Qt::StringLiterals;

namespace Concord::Services {

using Domain::System;

namespace {

QString fileOf(const Config &config)
{
    return config.sourcePath.isEmpty() ? u"the configuration"_s : config.sourcePath;
}

template<typename T>
QFuture<T> ready(T value)
{
    QPromise<T> promise;
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return promise.future();
}

// The provider's revoke path on the host of a configured token endpoint.
QUrl besideTokenUrl(const QUrl &tokenUrl, const QUrl &production, const QString &path)
{
    if (tokenUrl.isEmpty() || tokenUrl.host() == production.host())
        return production;
    QUrl url = tokenUrl;
    url.setPath(path);
    url.setQuery(QString());
    return url;
}

} // namespace

AuthKind authKind(System system, const Config &config)
{
    switch (system) {
    case System::QuickBooks:
        return AuthKind::OAuth;
    case System::HubSpot:
        return config.hubspotAuth == u"oauth"_s ? AuthKind::OAuth : AuthKind::ApiKey;
    case System::CalCom:
        return AuthKind::ApiKey;
    }
    return AuthKind::ApiKey;
}

QString connectionSecretName(System system, const Config &config)
{
    switch (system) {
    case System::QuickBooks:
        return Security::SecretName::QuickBooksRefreshToken.toString();
    case System::HubSpot:
        return authKind(system, config) == AuthKind::OAuth ? Security::SecretName::HubSpotRefreshToken.toString()
                                                           : Security::SecretName::HubSpotToken.toString();
    case System::CalCom:
        return Security::SecretName::CalcomApiKey.toString();
    }
    return {};
}

QString setupProblem(System system, const Config &config, bool forUse)
{
    switch (system) {
    case System::QuickBooks:
        if (config.quickbooksClientId.isEmpty())
            return u"[quickbooks] client_id is not set in %1"_s.arg(fileOf(config));
        if (forUse && config.quickbooksRealmId.isEmpty())
            return u"[quickbooks] realm_id is not set in %1 (connect QuickBooks first)"_s.arg(fileOf(config));
        return {};
    case System::HubSpot:
        if (authKind(system, config) == AuthKind::OAuth && config.hubspotClientId.isEmpty())
            return u"[hubspot] auth=oauth needs client_id in %1"_s.arg(fileOf(config));
        return {};
    case System::CalCom:
        return {};
    }
    return {};
}

Connectors::OAuth::OAuthSettings oauthSettings(System system, const Config &config)
{
    using Connectors::OAuth::OAuthSettings;
    if (system == System::HubSpot) {
        OAuthSettings settings = OAuthSettings::hubSpot(config.hubspotClientId, {}, config.hubspotTokenUrl);
        settings.revokeUrl = besideTokenUrl(config.hubspotTokenUrl, settings.revokeUrl, u"/oauth/v3/token/revoke"_s);
        return settings;
    }
    OAuthSettings settings = OAuthSettings::quickBooks(config.quickbooksClientId, config.quickbooksTokenUrl);
    settings.revokeUrl = besideTokenUrl(config.quickbooksTokenUrl, settings.revokeUrl, u"/v2/oauth2/tokens/revoke"_s);
    return settings;
}

QString keychainService()
{
    const QString fromEnv = qEnvironmentVariable("CONCORD_KEYCHAIN_SERVICE");
    return fromEnv.isEmpty() ? Security::SecretStore::defaultKeychainService() : fromEnv;
}

ServiceSession::ServiceSession(System system, const Config &config, Security::SecretStore &secrets)
    : m_system(system), m_auth(Services::authKind(system, config)), m_config(config), m_secrets(secrets)
{
}

ServiceSession::~ServiceSession()
{
    // Clients first: they hold references to the tokens, limiter and executor.
    m_calcom.reset();
    m_hubSpot.reset();
    m_quickBooks.reset();
    m_recorder.reset();
    m_tokens.reset();
}

Result<std::unique_ptr<ServiceSession>> ServiceSession::open(System system, const Config &config,
                                                             Security::SecretStore &secrets,
                                                             Store::OperationsRepository *operations,
                                                             const Clock &clock, bool needAccount)
{
    if (const QString problem = setupProblem(system, config, needAccount); !problem.isEmpty())
        return fail(ErrorCode::InvalidConfig, problem);
    std::unique_ptr<ServiceSession> session(new ServiceSession(system, config, secrets));
    session->m_executor = std::make_unique<Connectors::HttpExecutor>(&session->m_network, clock);
    session->m_limiter = std::make_unique<Connectors::RateLimiter>(clock);
    if (session->m_auth == AuthKind::OAuth) {
        session->m_tokens = std::make_unique<Connectors::OAuth::TokenManager>(oauthSettings(system, config),
                                                                              *session->m_executor, secrets, clock);
        if (operations) {
            session->m_recorder =
                std::make_unique<ConnectionRecorder>(system, *session->m_tokens, *operations, clock);
            const QString account = system == System::QuickBooks ? config.quickbooksRealmId : QString();
            const QUrl base = system == System::QuickBooks ? config.quickbooksBaseUrl : config.hubspotBaseUrl;
            session->m_recorder->setAccount(account, base.toString());
            if (auto restored = session->m_recorder->restore(); !restored)
                return std::unexpected(restored.error());
        }
    }
    switch (system) {
    case System::QuickBooks:
        session->m_quickBooks = std::make_unique<QuickBooks::QuickBooksClient>(
            QuickBooks::QuickBooksClientSettings::fromConfig(config), *session->m_executor, *session->m_limiter,
            *session->m_tokens, clock);
        break;
    case System::HubSpot: {
        const HubSpot::HubSpotClientSettings settings = HubSpot::HubSpotClientSettings::fromConfig(config);
        if (session->m_tokens)
            session->m_hubSpot = std::make_unique<HubSpot::HubSpotClient>(settings, *session->m_executor,
                                                                          *session->m_limiter, *session->m_tokens, clock);
        else
            session->m_hubSpot = std::make_unique<HubSpot::HubSpotClient>(settings, *session->m_executor,
                                                                          *session->m_limiter, secrets, clock);
        break;
    }
    case System::CalCom:
        // The key comes in prepare(): reading it may wait for the keychain.
        session->m_calcom = std::make_unique<Calcom::CalcomClient>(Calcom::CalcomClientSettings::fromConfig(config),
                                                                   QString(), *session->m_executor,
                                                                   *session->m_limiter, clock);
        break;
    }
    return session;
}

QFuture<Status> ServiceSession::prepare()
{
    if (!m_calcom)
        return ready<Status>({});
    return m_secrets.read(Security::SecretName::CalcomApiKey.toString())
        .then(this, [this](Result<QString> key) -> Status {
            if (!key) {
                if (key.error().code == ErrorCode::NotFound)
                    return fail(ErrorCode::InvalidConfig,
                                u"the Cal.com API key is not set (secret CALCOM_API_KEY, or CONCORD_CALCOM_API_KEY)"_s);
                return std::unexpected(key.error());
            }
            m_calcom->setApiKey(key->trimmed());
            return {};
        });
}

QFuture<Result<QString>> ServiceSession::probe()
{
    switch (m_system) {
    case System::QuickBooks:
        return m_quickBooks->companyInfo().then(this, [this](Result<QuickBooks::CompanyInfo> info) -> Result<QString> {
            if (!info)
                return std::unexpected(info.error());
            return info->companyName.isEmpty() ? m_config.quickbooksRealmId : info->companyName;
        });
    case System::HubSpot:
        return m_hubSpot->accountInfo().then(this, [](Result<HubSpot::AccountInfo> info) -> Result<QString> {
            if (!info)
                return std::unexpected(info.error());
            return u"portal %1"_s.arg(info->portalId);
        });
    case System::CalCom:
        return prepare()
            .then(this, [this](Status prepared) {
                if (!prepared)
                    return ready<Result<Calcom::Profile>>(std::unexpected(prepared.error()));
                return m_calcom->me();
            })
            .unwrap()
            .then(this, [](Result<Calcom::Profile> me) -> Result<QString> {
                if (!me)
                    return std::unexpected(me.error());
                return me->email.isEmpty() ? me->username : me->email;
            });
    }
    return ready<Result<QString>>(fail(ErrorCode::Internal, u"unknown system"_s));
}

} // namespace Concord::Services
