#pragma once

#include "security/secretstore.h"

#include <QProcessEnvironment>

namespace Concord::Security {

// Secrets from environment variables CONCORD_<NAME>, for servers without a
// keychain (a systemd unit's EnvironmentFile=, a container's secrets).
// Read-only: write() and remove() fail with ErrorCode::Unsupported. An unset
// or empty variable is NotFound.
//
// Works on a snapshot of the environment taken at construction, so answers do
// not change under a running service. Every future is already finished when
// returned; the store itself keeps the SecretStore thread rules.
class EnvSecretStore final : public SecretStore {
public:
    explicit EnvSecretStore(
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());
    ~EnvSecretStore() override;

    [[nodiscard]] QString backendName() const override;
    [[nodiscard]] QFuture<Result<QString>> read(const QString &name) override;
    [[nodiscard]] QFuture<Status> write(const QString &name, const QString &value) override;
    [[nodiscard]] QFuture<Status> remove(const QString &name) override;

private:
    [[nodiscard]] Status refuseChange(const QString &name) const;

    QProcessEnvironment m_environment;
};

} // namespace Concord::Security
