#include "security/envsecretstore.h"

#include "common/logging.h"
#include "security/secretnames.h"

using namespace Qt::StringLiterals;

namespace Concord::Security {

EnvSecretStore::EnvSecretStore(QProcessEnvironment environment)
    : m_environment(std::move(environment))
{
}

EnvSecretStore::~EnvSecretStore() = default;

QString EnvSecretStore::backendName() const
{
    return u"env"_s;
}

QFuture<Result<QString>> EnvSecretStore::read(const QString &name)
{
    const Result<QString> canonical = canonicalSecretName(name);
    if (!canonical)
        return finishedFuture<Result<QString>>(std::unexpected(canonical.error()));

    const QString variable = secretEnvironmentVariable(*canonical);
    const QString value = m_environment.value(variable);
    if (value.isEmpty()) {
        qCDebug(lcSecrets).noquote() << "environment read" << variable << ": not set";
        return finishedFuture<Result<QString>>(std::unexpected(
            Error::make(ErrorCode::NotFound, u"secret %1 is not set"_s.arg(*canonical),
                        u"environment variable %1 is unset or empty"_s.arg(variable))));
    }
    qCDebug(lcSecrets).noquote() << "environment read" << variable << ": ok";
    return finishedFuture<Result<QString>>(value);
}

QFuture<Status> EnvSecretStore::write(const QString &name, const QString &value)
{
    Q_UNUSED(value); // never logged, never echoed
    return finishedFuture<Status>(refuseChange(name));
}

QFuture<Status> EnvSecretStore::remove(const QString &name)
{
    return finishedFuture<Status>(refuseChange(name));
}

Status EnvSecretStore::refuseChange(const QString &name) const
{
    const Result<QString> canonical = canonicalSecretName(name);
    if (!canonical)
        return std::unexpected(canonical.error());
    return fail(ErrorCode::Unsupported,
                u"environment secrets are read-only; set %1 in the service's environment"_s.arg(
                    secretEnvironmentVariable(*canonical)));
}

} // namespace Concord::Security
