#pragma once

#include "security/secretstore.h"

#include <QHash>
#include <QMutex>

namespace Concord::Security {

// Secrets held in memory only, never persisted: for the demo and the embedded
// sandbox (whose credentials open nothing but the local emulators), so they
// never touch the user's keychain. Everything is forgotten when the store is
// destroyed.
//
// Contract
// - Names are canonicalised as by the other stores (canonicalSecretName());
//   unknown names fail with InvalidArgument. Empty values are refused
//   (InvalidArgument), as in SecretStore::write().
// - Every future is already finished when returned (like EnvSecretStore).
// - Unlike the other stores it is thread-safe: one mutex guards the values,
//   so the sync thread's token managers may use it directly while the GUI
//   thread holds it too (no ForwardingSecretStore needed).
// - Values are never logged; only names and outcomes (lcSecrets, debug).
class MemorySecretStore final : public SecretStore {
public:
    MemorySecretStore();
    ~MemorySecretStore() override;

    // "memory".
    [[nodiscard]] QString backendName() const override;
    [[nodiscard]] QFuture<Result<QString>> read(const QString &name) override;
    [[nodiscard]] QFuture<Status> write(const QString &name, const QString &value) override;
    [[nodiscard]] QFuture<Status> remove(const QString &name) override;

private:
    mutable QMutex m_mutex;
    QHash<QString, QString> m_values; // canonical name → value
};

} // namespace Concord::Security
