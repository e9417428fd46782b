#pragma once

#include "common/config.h"
#include "common/error.h"
#include "connectors/oauth/oauthsettings.h"
#include "domain/system.h"

#include <QFuture>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>

#include <memory>

namespace Concord {
class Clock;
namespace Security {
class SecretStore;
}
namespace Store {
class OperationsRepository;
}
namespace Connectors {
class HttpExecutor;
class RateLimiter;
namespace OAuth {
class TokenManager;
}
} // namespace Connectors
namespace QuickBooks {
class QuickBooksClient;
}
namespace HubSpot {
class HubSpotClient;
}
namespace Calcom {
class CalcomClient;
}
} // namespace Concord

namespace Concord::Services {

class ConnectionRecorder;

// How Concord proves who it is to a system under a configuration.
enum class AuthKind {
    OAuth,  // browser authorization; a refresh token in the secret store (QuickBooks; HubSpot auth=oauth)
    ApiKey, // a key or private-app token the admin pastes (Cal.com; HubSpot auth=private_app)
};
[[nodiscard]] AuthKind authKind(Domain::System system, const Config &config);

// The secret that *is* the connection: the refresh token (OAuth) or the key.
// Disconnecting removes it; app credentials (client secrets) and webhook
// signing keys stay, so connecting again needs nothing but the browser.
[[nodiscard]] QString connectionSecretName(Domain::System system, const Config &config);

// Why `system` cannot be connected (or used) under `config`, in words naming
// the file and key to fix ("[quickbooks] client_id is not set in /…/concord.ini");
// empty when nothing is missing. `forUse` also asks for what only a
// connection gives (QuickBooks' realm_id).
[[nodiscard]] QString setupProblem(Domain::System system, const Config &config, bool forUse);

// The OAuth settings of an OAuth system under `config`. The revoke endpoint
// sits beside a configured token endpoint (the emulators', a proxy's), so a
// disconnect never calls the production provider for a connection that was
// made elsewhere.
[[nodiscard]] Connectors::OAuth::OAuthSettings oauthSettings(Domain::System system, const Config &config);

// The keychain service the CLI and the desktop use: $CONCORD_KEYCHAIN_SERVICE
// (tests, packagers) or SecretStore::defaultKeychainService().
[[nodiscard]] QString keychainService();

// Everything one system's API calls need, wired as the sync thread wires
// them (Sync::ConnectorSet): a network manager, the executor, a rate
// limiter, the credentials (an OAuth token manager — with its connection
// record when `operations` is given — or the key from the secret store) and
// the client. Used by the CLI's commands and by ConnectionCommands, each for
// one short job (connect, test, disconnect, one query).
//
// Contract
// - Lives and is used on one thread (the one calling open()); `secrets`,
//   `operations` and the clock must outlive it. Destroying it abandons its
//   requests (their futures end canceled) and a browser authorization in
//   progress (the loopback listener closes).
// - open() never touches the network or the secret store: it only wires.
//   prepare() reads what a client reads once (Cal.com's key); call it before
//   the first request.
class ServiceSession final : public QObject
{
    Q_OBJECT

public:
    ~ServiceSession() override;

    // Fails with InvalidConfig when setupProblem(system, config, needAccount)
    // says something is missing.
    [[nodiscard]] static Result<std::unique_ptr<ServiceSession>>
    open(Domain::System system, const Config &config, Security::SecretStore &secrets,
         Store::OperationsRepository *operations, const Clock &clock, bool needAccount);

    [[nodiscard]] Domain::System system() const { return m_system; }
    [[nodiscard]] AuthKind authKind() const { return m_auth; }
    [[nodiscard]] const Config &config() const { return m_config; }

    // Finished at once except for Cal.com, whose key is read here; NotFound
    // becomes InvalidConfig naming the secret.
    [[nodiscard]] QFuture<Status> prepare();

    // A cheap authenticated read — QuickBooks CompanyInfo, HubSpot account
    // details, Cal.com's own profile — answered with who the account is
    // ("Tutoring Co", "portal 123456", "dana@example.com").
    [[nodiscard]] QFuture<Result<QString>> probe();

    // The OAuth token manager (OAuth systems only) and its connection record
    // (only when opened with `operations`; restored already).
    [[nodiscard]] Connectors::OAuth::TokenManager *tokens() const { return m_tokens.get(); }
    [[nodiscard]] ConnectionRecorder *recorder() const { return m_recorder.get(); }
    // The system's client; the others are nullptr.
    [[nodiscard]] QuickBooks::QuickBooksClient *quickBooks() const { return m_quickBooks.get(); }
    [[nodiscard]] HubSpot::HubSpotClient *hubSpot() const { return m_hubSpot.get(); }
    [[nodiscard]] Calcom::CalcomClient *calcom() const { return m_calcom.get(); }

private:
    ServiceSession(Domain::System system, const Config &config, Security::SecretStore &secrets);

    Domain::System m_system;
    AuthKind m_auth;
    Config m_config;
    Security::SecretStore &m_secrets;
    // Destroyed bottom-up: clients before the recorder, tokens, limiter, executor.
    QNetworkAccessManager m_network;
    std::unique_ptr<Connectors::HttpExecutor> m_executor;
    std::unique_ptr<Connectors::RateLimiter> m_limiter;
    std::unique_ptr<Connectors::OAuth::TokenManager> m_tokens;
    std::unique_ptr<ConnectionRecorder> m_recorder;
    std::unique_ptr<QuickBooks::QuickBooksClient> m_quickBooks;
    std::unique_ptr<HubSpot::HubSpotClient> m_hubSpot;
    std::unique_ptr<Calcom::CalcomClient> m_calcom;
};

} // namespace Concord::Services
