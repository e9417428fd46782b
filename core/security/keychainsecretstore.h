#pragma once

#include "security/secretstore.h"

namespace Concord::Security {

// Secrets in the OS keychain through QtKeychain (Secret Service / libsecret
// on Linux, Keychain on macOS, Credential Manager on Windows). Each secret is
// one entry: the store's service name plus the canonical secret name as key.
// QtKeychain's plain-file fallback stays off: when no keychain is reachable
// every operation fails with ErrorCode::Secrets instead.
//
// Thread affinity and completion as in SecretStore: one thread with an event
// loop; futures finish from that loop. QtKeychain queues all jobs of the
// process on one executor, so (a) operations complete in the order they were
// started, and (b) every KeychainSecretStore of the process must be used from
// the same thread — the main thread; other threads get values from there.
class KeychainSecretStore final : public SecretStore {
public:
    // `service` namespaces the entries ("Concord" by default); tests use a
    // service of their own and remove what they wrote.
    explicit KeychainSecretStore(QString service = defaultKeychainService());
    ~KeychainSecretStore() override;

    [[nodiscard]] QString service() const { return m_service; }

    [[nodiscard]] QString backendName() const override;
    [[nodiscard]] QFuture<Result<QString>> read(const QString &name) override;
    [[nodiscard]] QFuture<Status> write(const QString &name, const QString &value) override;
    [[nodiscard]] QFuture<Status> remove(const QString &name) override;

private:
    QString m_service;
};

} // namespace Concord::Security
