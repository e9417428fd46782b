#pragma once

#include "common/clock.h"
#include "common/config.h"
#include "common/error.h"
#include "domain/operations.h"
#include "security/permissions.h"
#include "services/servicesession.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <map>
#include <memory>

namespace Concord::Security {
class SecretStore;
}
namespace Concord::Store {
class Database;
class OperationsRepository;
}

namespace Concord::Services {

// Connecting Concord to QuickBooks, HubSpot and Cal.com from the desktop:
// the browser authorization (OAuth), pasting a key, testing, disconnecting,
// and where each API is (its base URL in the config file).
//
// Who may: connecting, disconnecting, replacing a key and moving a base URL
// change what Concord talks to on everyone's behalf, so they are user
// administration — Permission::ManageUsers (the owner), a person, never
// automation. Each is refused with PermissionDenied before anything is read,
// written or sent, and each change is audited ("connection.connect",
// "connection.disconnect", "config.base_url"; entity connection/<system>;
// before/after are the connection row, never a secret). Testing a connection
// changes nothing but its health record, so anyone who may see (View) may.
//
// Contract
// - Thread affinity: lives on the thread that owns `db` (the sync thread);
//   `secrets` must be callable from that thread (a ForwardingSecretStore over
//   the keychain, or a MemorySecretStore). `db`, `secrets` and `clock` must
//   outlive it.
// - Asynchronous: every operation returns at once and ends with exactly one
//   terminal signal carrying value types — connectService()/setApiKey() with
//   connectFinished, testConnection() with testFinished, disconnectService()
//   with disconnectFinished, saveBaseUrl() with baseUrlSaveFinished — also when
//   it is refused or fails; the message is one line for a person.
// - Core never opens a browser: connectService() emits authorizationUrlReady
//   and the GUI opens it (QDesktopServices). The loopback listener waits for
//   the provider's redirect for at most five minutes; cancelConnect() ends
//   the wait at once (connectFinished, not ok).
// - The live sync engine (Sync::ConnectorSet) keeps its own token managers
//   and keys in memory: after a successful connect, disconnect, key or base
//   URL change the composition root restarts syncing with config() — the
//   config this object keeps current (configChanged() says when it changed).
class ConnectionCommands final : public QObject
{
    Q_OBJECT

public:
    ConnectionCommands(Store::Database &db, Security::SecretStore &secrets, Config config,
                       const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~ConnectionCommands() override;

    // The configuration as it is now (base URLs and QuickBooks' realm written
    // here are in it).
    [[nodiscard]] const Config &config() const { return m_config; }
    // The file base URLs and the realm are written to: the loaded file, or
    // Config::defaultPath() when Concord runs on defaults.
    [[nodiscard]] QString configPath() const;
    // Whether a browser authorization for `system` is waiting.
    [[nodiscard]] bool isConnecting(Domain::System system) const;

    // The permission connecting, disconnecting and base URLs need.
    static constexpr Security::Permission kManagePermission = Security::Permission::ManageUsers;

    // OAuth systems (QuickBooks; HubSpot with [hubspot] auth=oauth): listens
    // on 127.0.0.1, emits authorizationUrlReady, exchanges the code, saves the
    // refresh token (confirmed) and records the connection, audited. For
    // QuickBooks the company (realmId of the redirect) is written to
    // [quickbooks] realm_id. An API-key system answers "use setApiKey".
    void connectService(const Security::Actor &actor, Domain::System system);
    // Ends a waiting authorization: connectFinished(system, false, "… canceled").
    // Nothing happens when none is waiting.
    void cancelConnect(Domain::System system);
    // API-key systems (Cal.com; HubSpot private app): tries the key with a
    // cheap read first and keeps it only when the system accepts it (so a
    // typo never replaces a working key), then records the connection, audited.
    void setApiKey(const Security::Actor &actor, Domain::System system, const QString &key);
    // A cheap authenticated read with the stored credentials; the outcome is
    // recorded in the connection row (last OK, or last error and state).
    void testConnection(const Security::Actor &actor, Domain::System system);
    // Revokes the refresh token at the provider (OAuth, best effort) and
    // removes the connection's secret from the store, records Disconnected,
    // audited. Succeeds when the secret is gone even if the provider could
    // not be told (the message says so).
    void disconnectService(const Security::Actor &actor, Domain::System system);
    // Validates (Config::validateBaseUrl: https, or http on loopback), writes
    // [<system>] base_url to configPath(), audited.
    void saveBaseUrl(const Security::Actor &actor, Domain::System system, const QUrl &url);

Q_SIGNALS:
    // The GUI opens this address in the browser (and may show it to copy).
    void authorizationUrlReady(Concord::Domain::System system, const QUrl &url);
    void connectFinished(Concord::Domain::System system, bool ok, const QString &message);
    void testFinished(Concord::Domain::System system, bool ok, const QString &message);
    void disconnectFinished(Concord::Domain::System system, bool ok, const QString &message);
    void baseUrlSaveFinished(Concord::Domain::System system, bool ok, const QString &message);
    // Not terminal: the configuration changed (base URL, realm). Emitted
    // before the terminal signal of the operation that changed it.
    void configChanged(const Concord::Config &config);

private:
    // A running operation's session, and the candidate key store it reads
    // (setApiKey) — declared first, so the session goes before it.
    struct Running {
        std::shared_ptr<Security::SecretStore> candidate;
        std::unique_ptr<ServiceSession> session;
    };
    // Keeps a session alive while its operation runs; finish() lets it go
    // after the current callback has returned.
    ServiceSession *start(std::unique_ptr<ServiceSession> session,
                          std::shared_ptr<Security::SecretStore> candidate = {});
    void finish(ServiceSession *session, std::chrono::milliseconds linger = {});
    [[nodiscard]] Result<Domain::Connection> storedConnection(Domain::System system) const;
    // Writes `after` and the audit entry in one transaction (no audit when
    // `action` is empty).
    [[nodiscard]] Status record(const Security::Actor &actor, const QString &action,
                                const Domain::Connection &before, const Domain::Connection &after);
    [[nodiscard]] Status authorizeManage(const Security::Actor &actor, const QString &action) const;
    void completeConnect(ServiceSession *session, const Security::Actor &actor, const QString &account);
    void completeTest(ServiceSession *session, const Result<QString> &outcome);
    void completeDisconnect(Domain::System system, const Security::Actor &actor, const Domain::Connection &before,
                            const Status &revoked, const Status &removed);
    [[nodiscard]] Status setConfigValue(Domain::System system, const QString &key, const QString &value);

    Store::Database &m_db;
    Security::SecretStore &m_secrets;
    Config m_config;
    const Clock &m_clock;
    std::unique_ptr<Store::OperationsRepository> m_operations;
    std::map<ServiceSession *, Running> m_sessions;
    std::map<Domain::System, ServiceSession *> m_connecting;
};

} // namespace Concord::Services
