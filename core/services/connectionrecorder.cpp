#include "services/connectionrecorder.h"

#include "common/clock.h"
#include "common/logging.h"
#include "connectors/oauth/tokenmanager.h"
#include "store/operationsrepository.h"

namespace Concord::Services {

using Connectors::OAuth::TokenManager;
using Domain::ConnectionState;

ConnectionRecorder::ConnectionRecorder(Domain::System system, TokenManager &tokens,
                                       Store::OperationsRepository &operations, const Clock &clock,
                                       QObject *parent)
    : QObject(parent), m_system(system), m_tokens(tokens), m_operations(operations), m_clock(clock)
{
    m_row.system = system;
    connect(&tokens, &TokenManager::refreshTokenRotated, this, &ConnectionRecorder::onRotated);
    connect(&tokens, &TokenManager::stateChanged, this, &ConnectionRecorder::onStateChanged);
    connect(&tokens, &TokenManager::refreshTokenExpiring, this, &ConnectionRecorder::onExpiring);
    connect(&tokens, &TokenManager::errorOccurred, this, &ConnectionRecorder::onError);
}

void ConnectionRecorder::setAccount(const QString &accountLabel, const QString &baseUrl)
{
    m_row.accountLabel = accountLabel;
    m_row.baseUrl = baseUrl;
}

Status ConnectionRecorder::restore()
{
    auto rows = m_operations.connections();
    if (!rows)
        return std::unexpected(rows.error());
    for (const Domain::Connection &row : std::as_const(*rows)) {
        if (row.system != m_system)
            continue;
        const QString label = m_row.accountLabel;
        const QString base = m_row.baseUrl;
        m_row = row;
        // What the caller configured now wins over what was stored.
        if (!label.isEmpty())
            m_row.accountLabel = label;
        if (!base.isEmpty())
            m_row.baseUrl = base;
        if (row.refreshIssuedAt.isValid() && row.refreshExpiresAt.isValid())
            m_tokens.setRefreshTokenTimes(row.refreshIssuedAt, row.refreshExpiresAt);
    }
    return {};
}

Status ConnectionRecorder::recordSuccess()
{
    m_row.lastOkAt = m_clock.nowUtc();
    m_row.lastError.clear();
    // A request just went through, so the connection works — even if this
    // process's manager has not needed its refresh token yet (NotConnected
    // only means "not loaded" until it says otherwise).
    m_row.state = m_tokens.isRefreshTokenExpiring() ? ConnectionState::Expiring : ConnectionState::Connected;
    return save();
}

ConnectionState ConnectionRecorder::stateNow() const
{
    switch (m_tokens.state()) {
    case TokenManager::State::NotConnected:
        return ConnectionState::Disconnected;
    case TokenManager::State::NeedsReconnect:
        return ConnectionState::Expired;
    case TokenManager::State::Connected:
        break;
    }
    return m_tokens.isRefreshTokenExpiring() ? ConnectionState::Expiring : ConnectionState::Connected;
}

void ConnectionRecorder::onRotated(const QDateTime &issuedAt, const QDateTime &expiresAt)
{
    m_row.refreshIssuedAt = issuedAt;
    m_row.refreshExpiresAt = expiresAt;
    m_row.lastOkAt = m_clock.nowUtc();
    m_row.lastError.clear();
    m_row.state = stateNow();
    (void)save();
}

void ConnectionRecorder::onStateChanged()
{
    m_row.state = stateNow();
    if (m_tokens.state() == TokenManager::State::NeedsReconnect) {
        if (const auto reason = m_tokens.parkReason())
            m_row.lastError = reason->message;
    }
    if (m_tokens.state() == TokenManager::State::NotConnected) {
        // Disconnected: the token is gone, and so is its age.
        m_row.refreshIssuedAt = QDateTime();
        m_row.refreshExpiresAt = QDateTime();
        m_row.accessExpiresAt = QDateTime();
    }
    (void)save();
}

void ConnectionRecorder::onExpiring(const QDateTime &expiresAt)
{
    m_row.refreshExpiresAt = expiresAt;
    m_row.state = stateNow();
    (void)save();
}

void ConnectionRecorder::onError(const Error &error)
{
    m_row.lastError = error.message;
    m_row.state = stateNow();
    (void)save();
}

Status ConnectionRecorder::save()
{
    Status saved = m_operations.saveConnection(m_row);
    if (!saved) {
        qCWarning(lcStore).noquote() << "could not record the" << Domain::toString(m_system)
                                     << "connection:" << saved.error().message;
        m_lastError = saved.error();
    }
    return saved;
}

} // namespace Concord::Services
