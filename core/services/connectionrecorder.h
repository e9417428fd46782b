#pragma once

#include "common/error.h"
#include "domain/operations.h"

#include <QObject>
#include <QString>

namespace Concord {
class Clock;
}
namespace Concord::Connectors::OAuth {
class TokenManager;
}
namespace Concord::Store {
class OperationsRepository;
}

namespace Concord::Services {

// Keeps one connection's row in the store (connections table) in step with
// its TokenManager, and gives the manager back what it cannot keep itself
// across a restart: when the refresh token was issued and when it ends.
//
// Why it exists: the refresh token lives in the keychain, but its age does
// not — and the 14-day expiry warning, the dashboard's "days left" and the
// quarterly review all count from it. Tokens themselves never reach the
// store.
//
// Contract
// - Same thread as the token manager and the repository (the sync thread);
//   both must outlive the recorder.
// - restore() once, before the first request: loads the row and hands the
//   times to TokenManager::setRefreshTokenTimes (a missing row is fine).
// - From then on every rotation, park, reconnect, disconnect and expiry
//   warning is written at once. A failed write is logged and kept in
//   lastError(); it never interrupts the connector (the keychain, not the
//   store, is what keeps the connection alive).
class ConnectionRecorder final : public QObject
{
    Q_OBJECT

public:
    ConnectionRecorder(Domain::System system, Connectors::OAuth::TokenManager &tokens,
                       Store::OperationsRepository &operations, const Clock &clock, QObject *parent = nullptr);

    // Shown to the admin: realm id, portal, user; and the API base URL.
    void setAccount(const QString &accountLabel, const QString &baseUrl);

    // Loads the stored row (if any) and restores the refresh-token times.
    [[nodiscard]] Status restore();

    // Records that a request succeeded now (last_ok_at): Connected, or
    // Expiring inside the refresh token's warning period.
    [[nodiscard]] Status recordSuccess();

    // The row as it was last written or restored.
    [[nodiscard]] const Domain::Connection &connection() const { return m_row; }
    // The last failed store write, if any.
    [[nodiscard]] std::optional<Error> lastError() const { return m_lastError; }

private:
    void onRotated(const QDateTime &issuedAt, const QDateTime &expiresAt);
    void onStateChanged();
    void onExpiring(const QDateTime &expiresAt);
    void onError(const Error &error);
    [[nodiscard]] Domain::ConnectionState stateNow() const;
    Status save();

    Domain::System m_system;
    Connectors::OAuth::TokenManager &m_tokens;
    Store::OperationsRepository &m_operations;
    const Clock &m_clock;
    Domain::Connection m_row;
    std::optional<Error> m_lastError;
};

} // namespace Concord::Services
