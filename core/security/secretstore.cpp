#include "security/secretstore.h"

#include "common/logging.h"
#include "security/envsecretstore.h"
#include "security/keychainsecretstore.h"
#include "security/layeredsecretstore.h"

using namespace Qt::StringLiterals;

namespace Concord::Security {

SecretStore::~SecretStore() = default;

QString SecretStore::defaultKeychainService()
{
    return u"Concord"_s;
}

Result<std::unique_ptr<SecretStore>> SecretStore::create(const QString &backend,
                                                         const QString &keychainService)
{
    const QString kind = backend.trimmed().toLower();
    std::unique_ptr<SecretStore> store;
    if (kind == u"keychain") {
        store = std::make_unique<KeychainSecretStore>(keychainService);
    } else if (kind == u"env") {
        store = std::make_unique<EnvSecretStore>();
    } else if (kind == u"auto") {
        store = std::make_unique<LayeredSecretStore>(
            std::make_unique<EnvSecretStore>(),
            std::make_unique<KeychainSecretStore>(keychainService));
    } else {
        return fail(
            ErrorCode::InvalidConfig,
            u"unknown secrets backend '%1' (expected auto, keychain or env)"_s.arg(backend));
    }
    qCDebug(lcSecrets).noquote() << "secret store:" << store->backendName();
    return store;
}

QFuture<Result<QString>> SecretStore::locate(const QString &name)
{
    // Only the backend name leaves this continuation; the value read to test
    // presence is dropped here.
    return read(name).then(
        [backend = backendName()](const Result<QString> &value) -> Result<QString> {
            if (value)
                return backend;
            if (value.error().code == ErrorCode::NotFound)
                return QString();
            return std::unexpected(value.error());
        });
}

QFuture<Result<bool>> SecretStore::contains(const QString &name)
{
    return locate(name).then([](const Result<QString> &where) -> Result<bool> {
        if (!where)
            return std::unexpected(where.error());
        return !where->isEmpty();
    });
}

} // namespace Concord::Security
