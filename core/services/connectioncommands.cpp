#include "services/connectioncommands.h"

#include "common/logging.h"
#include "connectors/oauth/tokenmanager.h"
#include "security/auditlog.h"
#include "security/memorysecretstore.h"
#include "security/secretstore.h"
#include "services/connectionrecorder.h"
#include "store/database.h"
#include "store/operationsrepository.h"

#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Concord::Services {

using Connectors::OAuth::TokenManager;
using Domain::Connection;
using Domain::ConnectionState;
using Domain::System;
using Security::Actor;

namespace {

// After a browser authorization the loopback listener still has to send the
// "you can close this window" page (TokenManager keeps it 2 s): the session
// stays this long after the answer.
constexpr std::chrono::milliseconds kBrowserPageLinger = std::chrono::seconds(3);

QString isoOrEmpty(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// The connection row for the audit: what a reviewer needs, never a secret.
QJsonObject toJson(const Connection &c)
{
    return QJsonObject{{u"system"_s, Domain::toString(c.system)},
                       {u"state"_s, Domain::toString(c.state)},
                       {u"accountLabel"_s, c.accountLabel},
                       {u"baseUrl"_s, c.baseUrl},
                       {u"refreshIssuedAt"_s, isoOrEmpty(c.refreshIssuedAt)},
                       {u"refreshExpiresAt"_s, isoOrEmpty(c.refreshExpiresAt)},
                       {u"lastOkAt"_s, isoOrEmpty(c.lastOkAt)},
                       {u"lastError"_s, c.lastError}};
}

QUrl configuredBaseUrl(System system, const Config &config)
{
    switch (system) {
    case System::QuickBooks:
        return config.quickbooksBaseUrl;
    case System::HubSpot:
        return config.hubspotBaseUrl;
    case System::CalCom:
        return config.calcomBaseUrl;
    }
    return {};
}

// A failed call in words a person can act on: who refused or could not be
// reached, why, and the request id support will ask for.
QString failureText(System system, AuthKind auth, const Error &error)
{
    const QString name = Domain::displayName(system);
    QString text;
    switch (error.code) {
    case ErrorCode::Unauthorized: {
        text = u"%1 did not accept Concord's credentials: %2."_s.arg(name, error.message);
        // What to do, unless the reason says it already ("reconnect the account").
        const QString lower = error.message.toLower();
        if (!lower.contains(u"reconnect"_s) && !lower.contains(u"replace"_s))
            text += auth == AuthKind::OAuth ? u" Connect again."_s : u" Enter a new key."_s;
        break;
    }
    case ErrorCode::Network:
    case ErrorCode::Throttled:
        text = u"%1 could not be reached: %2"_s.arg(name, error.message);
        break;
    case ErrorCode::InvalidConfig:
    case ErrorCode::Secrets:
        text = error.message;
        break;
    default:
        text = u"%1 answered with an error: %2"_s.arg(name, error.message);
        break;
    }
    if (!error.requestId.isEmpty())
        text += u" (request id %1)"_s.arg(error.requestId);
    return text;
}

} // namespace

ConnectionCommands::ConnectionCommands(Store::Database &db, Security::SecretStore &secrets, Config config,
                                       const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_secrets(secrets)
    , m_config(std::move(config))
    , m_clock(clock)
    , m_operations(std::make_unique<Store::OperationsRepository>(db, clock))
{
}

ConnectionCommands::~ConnectionCommands()
{
    // Sessions first: their recorders write through m_operations.
    m_connecting.clear();
    m_sessions.clear();
}

QString ConnectionCommands::configPath() const
{
    return m_config.sourcePath.isEmpty() ? Config::defaultPath() : m_config.sourcePath;
}

bool ConnectionCommands::isConnecting(System system) const
{
    return m_connecting.contains(system);
}

ServiceSession *ConnectionCommands::start(std::unique_ptr<ServiceSession> session,
                                          std::shared_ptr<Security::SecretStore> candidate)
{
    ServiceSession *raw = session.get();
    m_sessions[raw] = Running{std::move(candidate), std::move(session)};
    return raw;
}

void ConnectionCommands::finish(ServiceSession *session, std::chrono::milliseconds linger)
{
    // Later, never now: the caller is usually inside one of the session's
    // own callbacks.
    QTimer::singleShot(linger, this, [this, session] { m_sessions.erase(session); });
}

Status ConnectionCommands::authorizeManage(const Actor &actor, const QString &action) const
{
    if (auto ok = Security::authorize(actor, kManagePermission); !ok) {
        qCInfo(lcSecurity).noquote() << "refused" << action << "for" << actor.username << "-" << ok.error().message;
        return ok;
    }
    return {};
}

Result<Connection> ConnectionCommands::storedConnection(System system) const
{
    auto rows = m_operations->connections();
    if (!rows)
        return std::unexpected(rows.error());
    for (const Connection &row : std::as_const(*rows)) {
        if (row.system == system)
            return row;
    }
    Connection absent;
    absent.system = system;
    return absent;
}

Status ConnectionCommands::record(const Actor &actor, const QString &action, const Connection &before,
                                  const Connection &after)
{
    Store::Transaction tx(m_db);
    if (!tx.started())
        return tx.started();
    if (auto saved = m_operations->saveConnection(after); !saved)
        return saved;
    if (!action.isEmpty()) {
        Security::AuditLog audit(m_db, m_clock);
        if (auto entry = audit.append(actor, action, u"connection"_s, Domain::toString(after.system), toJson(before),
                                      toJson(after));
            !entry) {
            return std::unexpected(entry.error());
        }
    }
    return tx.commit();
}

Status ConnectionCommands::setConfigValue(System system, const QString &key, const QString &value)
{
    auto written = Config::setValue(configPath(), Domain::toString(system), key, value);
    if (!written)
        return std::unexpected(written.error());
    m_config.sourcePath = *written;
    return {};
}

// --- connect ------------------------------------------------------------------

void ConnectionCommands::connectService(const Actor &actor, System system)
{
    const QString name = Domain::displayName(system);
    const auto refuse = [&](const QString &message) { Q_EMIT connectFinished(system, false, message); };
    if (auto ok = authorizeManage(actor, u"connection.connect"_s); !ok)
        return refuse(u"Connecting %1 was refused: %2"_s.arg(name, ok.error().message));
    if (authKind(system, m_config) != AuthKind::OAuth)
        return refuse(u"%1 is connected with a key, not through the browser: paste the key instead"_s.arg(name));
    if (isConnecting(system))
        return refuse(u"%1 is already waiting for the browser"_s.arg(name));
    // No connection record during the browser flow: a canceled or failed
    // attempt leaves the existing connection exactly as it was.
    auto opened = ServiceSession::open(system, m_config, m_secrets, nullptr, m_clock, false);
    if (!opened)
        return refuse(u"%1 cannot be connected: %2"_s.arg(name, opened.error().message));
    ServiceSession *session = start(std::move(*opened));
    m_connecting[system] = session;
    qCInfo(lcConnectorsOAuth).noquote() << actor.username << "connects" << name;

    session->tokens()
        ->authorize([this, system](const QUrl &url) { Q_EMIT authorizationUrlReady(system, url); })
        .then(session, [this, session, system, actor, name](Result<QMap<QString, QString>> granted) {
            m_connecting.erase(system);
            if (!granted) {
                Q_EMIT connectFinished(system, false, u"%1 was not connected: %2"_s.arg(name, granted.error().message));
                finish(session, kBrowserPageLinger);
                return;
            }
            if (system == System::QuickBooks) {
                // The company chosen in the browser is the one Concord syncs from now on.
                const QString realm = granted->value(u"realmId"_s);
                if (realm.isEmpty()) {
                    Q_EMIT connectFinished(system, false,
                                           u"QuickBooks did not say which company was connected (no realmId); "
                                           "connect again"_s);
                    finish(session, kBrowserPageLinger);
                    return;
                }
                if (realm != m_config.quickbooksRealmId) {
                    if (auto saved = setConfigValue(system, u"realm_id"_s, realm); !saved) {
                        Q_EMIT connectFinished(system, false,
                                               u"QuickBooks is authorized, but the company could not be saved: %1"_s.arg(
                                                   saved.error().message));
                        finish(session, kBrowserPageLinger);
                        return;
                    }
                    m_config.quickbooksRealmId = realm;
                    Q_EMIT configChanged(m_config);
                }
                completeConnect(session, actor, realm);
                return;
            }
            // HubSpot: ask which portal it is (also proves the token works).
            session->probe().then(session, [this, session, actor](Result<QString> who) {
                completeConnect(session, actor, who.value_or(QString()));
            });
        });
}

void ConnectionCommands::completeConnect(ServiceSession *session, const Actor &actor, const QString &account)
{
    const System system = session->system();
    const QString name = Domain::displayName(system);
    TokenManager *tokens = session->tokens();
    auto before = storedConnection(system);
    if (!before) {
        Q_EMIT connectFinished(system, false, u"%1 is authorized, but could not be recorded: %2"_s.arg(
                                                  name, before.error().message));
        finish(session, kBrowserPageLinger);
        return;
    }
    Connection after = *before;
    after.state = tokens && tokens->isRefreshTokenExpiring() ? ConnectionState::Expiring : ConnectionState::Connected;
    after.accountLabel = account;
    after.baseUrl = configuredBaseUrl(system, m_config).toString();
    after.lastOkAt = m_clock.nowUtc();
    after.lastError.clear();
    after.refreshIssuedAt = QDateTime();
    after.refreshExpiresAt = QDateTime();
    after.accessExpiresAt = QDateTime();
    if (tokens) {
        after.refreshIssuedAt = tokens->refreshTokenIssuedAt().value_or(QDateTime());
        after.refreshExpiresAt = tokens->refreshTokenExpiresAt().value_or(QDateTime());
        // Just granted, so it is in memory: this asks nothing of the network.
        auto access = tokens->accessToken();
        if (access.isFinished() && access.resultCount() > 0 && access.result())
            after.accessExpiresAt = access.result()->expiresAt;
    }
    if (auto ok = record(actor, u"connection.connect"_s, *before, after); !ok) {
        Q_EMIT connectFinished(system, false, u"%1 is authorized, but could not be recorded: %2"_s.arg(
                                                  name, ok.error().message));
    } else {
        qCInfo(lcConnectorsOAuth).noquote() << name << "connected by" << actor.username;
        Q_EMIT connectFinished(system, true,
                               account.isEmpty() ? u"%1 is connected."_s.arg(name)
                                                 : u"%1 is connected (%2)."_s.arg(name, account));
    }
    finish(session, tokens ? kBrowserPageLinger : std::chrono::milliseconds(0));
}

void ConnectionCommands::cancelConnect(System system)
{
    const auto it = m_connecting.find(system);
    if (it == m_connecting.end())
        return;
    ServiceSession *session = it->second;
    m_connecting.erase(it);
    // Destroying the session closes the loopback listener; its continuation
    // (context: the session) never runs.
    m_sessions.erase(session);
    Q_EMIT connectFinished(system, false, u"Connecting %1 was canceled."_s.arg(Domain::displayName(system)));
}

void ConnectionCommands::setApiKey(const Actor &actor, System system, const QString &key)
{
    const QString name = Domain::displayName(system);
    const auto refuse = [&](const QString &message) { Q_EMIT connectFinished(system, false, message); };
    if (auto ok = authorizeManage(actor, u"connection.connect"_s); !ok)
        return refuse(u"Changing the %1 key was refused: %2"_s.arg(name, ok.error().message));
    if (authKind(system, m_config) != AuthKind::ApiKey)
        return refuse(u"%1 connects through the browser, not with a key"_s.arg(name));
    const QString value = key.trimmed();
    if (value.isEmpty())
        return refuse(u"The %1 key is empty"_s.arg(name));

    // Try the key before keeping it: a session that reads only this key.
    const QString secretName = connectionSecretName(system, m_config);
    auto candidate = std::make_shared<Security::MemorySecretStore>();
    if (auto put = Security::waitForResult(candidate->write(secretName, value)); !put) // finished at once
        return refuse(put.error().message);
    auto opened = ServiceSession::open(system, m_config, *candidate, nullptr, m_clock, false);
    if (!opened)
        return refuse(u"%1 cannot be connected: %2"_s.arg(name, opened.error().message));
    ServiceSession *session = start(std::move(*opened), candidate);
    session->probe().then(session, [this, session, system, actor, name, secretName, value](Result<QString> who) {
        if (!who) {
            const QString why = who.error().code == ErrorCode::Unauthorized
                ? u"%1 did not accept this key (%2); the key in use was not changed"_s.arg(name, who.error().message)
                : u"The key could not be checked with %1; the key in use was not changed: %2"_s.arg(
                      name, failureText(system, AuthKind::ApiKey, who.error()));
            Q_EMIT connectFinished(system, false, why);
            finish(session);
            return;
        }
        const QString account = *who;
        m_secrets.write(secretName, value).then(session, [this, session, system, actor, name, account](Status saved) {
            if (!saved) {
                Q_EMIT connectFinished(system, false,
                                       u"%1 accepted the key, but it could not be saved: %2"_s.arg(
                                           name, saved.error().message));
                finish(session);
                return;
            }
            completeConnect(session, actor, account);
        });
    });
}

// --- test -----------------------------------------------------------------------

void ConnectionCommands::testConnection(const Actor &actor, System system)
{
    const QString name = Domain::displayName(system);
    if (auto ok = Security::authorize(actor, Security::Permission::View); !ok) {
        Q_EMIT testFinished(system, false, ok.error().message);
        return;
    }
    auto opened = ServiceSession::open(system, m_config, m_secrets, m_operations.get(), m_clock, true);
    if (!opened) {
        Q_EMIT testFinished(system, false, u"%1 cannot be tested: %2"_s.arg(name, opened.error().message));
        return;
    }
    ServiceSession *session = start(std::move(*opened));
    session->probe().then(session, [this, session](Result<QString> who) { completeTest(session, who); });
}

void ConnectionCommands::completeTest(ServiceSession *session, const Result<QString> &outcome)
{
    const System system = session->system();
    const QString name = Domain::displayName(system);
    TokenManager *tokens = session->tokens();
    if (outcome && session->recorder())
        (void)session->recorder()->recordSuccess(); // a failed write is logged and kept by the recorder
    // Then what the recorder does not keep: the account in words, the access
    // token's end, a failure that was not the token manager's.
    auto row = storedConnection(system);
    if (!row) {
        Q_EMIT testFinished(system, false, u"%1: the outcome could not be recorded: %2"_s.arg(
                                               name, row.error().message));
        finish(session);
        return;
    }
    Connection after = *row;
    after.baseUrl = configuredBaseUrl(system, m_config).toString();
    if (outcome) {
        after.state = tokens && tokens->isRefreshTokenExpiring() ? ConnectionState::Expiring : ConnectionState::Connected;
        after.lastOkAt = m_clock.nowUtc();
        after.lastError.clear();
        if (system != System::QuickBooks) // QuickBooks' label is the realm (the config's)
            after.accountLabel = *outcome;
        if (tokens) {
            after.refreshIssuedAt = tokens->refreshTokenIssuedAt().value_or(after.refreshIssuedAt);
            after.refreshExpiresAt = tokens->refreshTokenExpiresAt().value_or(after.refreshExpiresAt);
            // The call just used it, so it is in memory (no request).
            auto access = tokens->accessToken();
            if (access.isFinished() && access.resultCount() > 0 && access.result())
                after.accessExpiresAt = access.result()->expiresAt;
        }
    } else {
        after.lastError = failureText(system, session->authKind(), outcome.error());
        if (outcome.error().code == ErrorCode::InvalidConfig) // nothing to call with (no key)
            after.state = row->state == ConnectionState::NotConfigured ? ConnectionState::NotConfigured
                                                                       : ConnectionState::Disconnected;
        else if (tokens && tokens->state() == TokenManager::State::NeedsReconnect)
            after.state = ConnectionState::Expired;
        else if (tokens && tokens->state() == TokenManager::State::NotConnected
                 && outcome.error().code == ErrorCode::Unauthorized)
            after.state = ConnectionState::Disconnected; // no refresh token stored
        else
            after.state = ConnectionState::Error;
    }
    if (auto saved = record(Actor(), QString(), *row, after); !saved)
        qCWarning(lcStore).noquote() << "could not record the" << name << "test:" << saved.error().message;
    if (outcome)
        Q_EMIT testFinished(system, true, u"%1 answered: %2."_s.arg(name, *outcome));
    else
        Q_EMIT testFinished(system, false, after.lastError);
    finish(session);
}

// --- disconnect -------------------------------------------------------------

void ConnectionCommands::disconnectService(const Actor &actor, System system)
{
    const QString name = Domain::displayName(system);
    if (auto ok = authorizeManage(actor, u"connection.disconnect"_s); !ok) {
        Q_EMIT disconnectFinished(system, false, u"Disconnecting %1 was refused: %2"_s.arg(name, ok.error().message));
        return;
    }
    cancelConnect(system); // a waiting browser authorization would reconnect it
    auto before = storedConnection(system);
    if (!before) {
        Q_EMIT disconnectFinished(system, false, u"%1 could not be disconnected: %2"_s.arg(name, before.error().message));
        return;
    }
    const QString secretName = connectionSecretName(system, m_config);
    const Connection was = *before;
    const auto removeSecret = [this, system, actor, was, secretName](QObject *context, Status revoked) {
        // Removed again even after a revocation: TokenManager::revoke()
        // reports the provider's answer first, and a removal that failed
        // behind it must not pass for a disconnect.
        m_secrets.remove(secretName).then(context, [this, system, actor, was, revoked](Status removed) {
            completeDisconnect(system, actor, was, revoked, removed);
        });
    };
    if (authKind(system, m_config) == AuthKind::OAuth) {
        auto opened = ServiceSession::open(system, m_config, m_secrets, m_operations.get(), m_clock, false);
        if (opened) {
            ServiceSession *session = start(std::move(*opened));
            session->tokens()->revoke().then(session, [this, session, removeSecret](Status revoked) {
                removeSecret(this, revoked);
                finish(session);
            });
            return;
        }
        // Without the app's settings the provider cannot be told; the secret still goes.
        removeSecret(this, std::unexpected(opened.error()));
        return;
    }
    removeSecret(this, Status());
}

void ConnectionCommands::completeDisconnect(System system, const Actor &actor, const Connection &before,
                                            const Status &revoked, const Status &removed)
{
    const QString name = Domain::displayName(system);
    if (!removed) {
        Q_EMIT disconnectFinished(system, false,
                                  u"%1 could not be disconnected: the credentials could not be removed: %2"_s.arg(
                                      name, removed.error().message));
        return;
    }
    Connection after = before;
    after.state = ConnectionState::Disconnected;
    after.lastError.clear();
    after.accessExpiresAt = QDateTime();
    after.refreshIssuedAt = QDateTime();
    after.refreshExpiresAt = QDateTime();
    if (auto ok = record(actor, u"connection.disconnect"_s, before, after); !ok) {
        Q_EMIT disconnectFinished(system, false, u"%1's credentials were removed, but that could not be recorded: %2"_s.arg(
                                                     name, ok.error().message));
        return;
    }
    qCInfo(lcConnectorsOAuth).noquote() << name << "disconnected by" << actor.username;
    QString message = u"%1 is disconnected: Concord no longer syncs with it."_s.arg(name);
    if (!revoked)
        message += u" %1 could not be told (%2); the authorization ends when it expires, or remove Concord in "
                   "%1's connected apps."_s.arg(name, revoked.error().message);
    Q_EMIT disconnectFinished(system, true, message);
}

// --- base URLs ----------------------------------------------------------------

void ConnectionCommands::saveBaseUrl(const Actor &actor, System system, const QUrl &url)
{
    const QString name = Domain::displayName(system);
    const auto refuse = [&](const QString &message) { Q_EMIT baseUrlSaveFinished(system, false, message); };
    if (auto ok = authorizeManage(actor, u"config.base_url"_s); !ok)
        return refuse(u"Changing where %1 is was refused: %2"_s.arg(name, ok.error().message));
    const QString group = Domain::toString(system);
    if (auto ok = Config::validateBaseUrl(url, u"[%1] base_url"_s.arg(group)); !ok)
        return refuse(ok.error().message);
    const QUrl was = configuredBaseUrl(system, m_config);
    auto before = storedConnection(system);
    if (!before)
        return refuse(before.error().message);
    Connection after = *before;
    after.baseUrl = url.toString();

    // The row and the audit entry commit only when the file was written.
    Store::Transaction tx(m_db);
    if (!tx.started())
        return refuse(tx.started().error().message);
    if (auto saved = m_operations->saveConnection(after); !saved)
        return refuse(saved.error().message);
    Security::AuditLog audit(m_db, m_clock);
    if (auto entry = audit.append(actor, u"config.base_url"_s, u"connection"_s, group,
                                  QJsonObject{{u"baseUrl"_s, was.toString()}},
                                  QJsonObject{{u"baseUrl"_s, url.toString()}, {u"file"_s, configPath()}});
        !entry) {
        return refuse(entry.error().message);
    }
    if (auto written = setConfigValue(system, u"base_url"_s, url.toString()); !written)
        return refuse(written.error().message);
    if (auto committed = tx.commit(); !committed) {
        (void)setConfigValue(system, u"base_url"_s, was.toString()); // put the file back
        return refuse(committed.error().message);
    }
    switch (system) {
    case System::QuickBooks:
        m_config.quickbooksBaseUrl = url;
        break;
    case System::HubSpot:
        m_config.hubspotBaseUrl = url;
        break;
    case System::CalCom:
        m_config.calcomBaseUrl = url;
        break;
    }
    Q_EMIT configChanged(m_config);
    Q_EMIT baseUrlSaveFinished(system, true, u"%1 is now reached at %2."_s.arg(name, url.toString()));
}

} // namespace Concord::Services
