#include "security/memorysecretstore.h"

#include "common/logging.h"
#include "security/secretnames.h"

#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace Concord::Security {

MemorySecretStore::MemorySecretStore() = default;

MemorySecretStore::~MemorySecretStore() = default;

QString MemorySecretStore::backendName() const
{
    return u"memory"_s;
}

QFuture<Result<QString>> MemorySecretStore::read(const QString &name)
{
    const Result<QString> canonical = canonicalSecretName(name);
    if (!canonical)
        return finishedFuture<Result<QString>>(std::unexpected(canonical.error()));
    QMutexLocker lock(&m_mutex);
    const auto it = m_values.constFind(*canonical);
    if (it == m_values.cend()) {
        qCDebug(lcSecrets).noquote() << "memory read" << *canonical << ": not set";
        return finishedFuture<Result<QString>>(std::unexpected(
            Error::make(ErrorCode::NotFound, u"secret %1 is not set"_s.arg(*canonical))));
    }
    qCDebug(lcSecrets).noquote() << "memory read" << *canonical << ": ok";
    return finishedFuture<Result<QString>>(*it);
}

QFuture<Status> MemorySecretStore::write(const QString &name, const QString &value)
{
    const Result<QString> canonical = canonicalSecretName(name);
    if (!canonical)
        return finishedFuture<Status>(std::unexpected(canonical.error()));
    if (value.isEmpty()) {
        return finishedFuture<Status>(fail(
            ErrorCode::InvalidArgument,
            u"secret %1: an empty value cannot be stored; remove it instead"_s.arg(*canonical)));
    }
    QMutexLocker lock(&m_mutex);
    m_values.insert(*canonical, value);
    qCDebug(lcSecrets).noquote() << "memory write" << *canonical << ": ok";
    return finishedFuture<Status>(Status());
}

QFuture<Status> MemorySecretStore::remove(const QString &name)
{
    const Result<QString> canonical = canonicalSecretName(name);
    if (!canonical)
        return finishedFuture<Status>(std::unexpected(canonical.error()));
    QMutexLocker lock(&m_mutex);
    m_values.remove(*canonical);
    qCDebug(lcSecrets).noquote() << "memory remove" << *canonical << ": ok";
    return finishedFuture<Status>(Status());
}

} // namespace Concord::Security
