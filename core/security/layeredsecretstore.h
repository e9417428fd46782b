#pragma once

#include "security/secretstore.h"

#include <functional>
#include <memory>

namespace Concord::Security {

// Two stores seen as one, for the "auto" backend: the environment first (so a
// server's CONCORD_<NAME> wins), then the keychain.
// - read(): the overlay's value; when the overlay says NotFound, the base's.
//   Any other overlay error is returned as is (no silent fall-through).
//   NotFound from both names both places in Error::detail.
// - write()/remove(): go to the base only (the overlay is read-only). When the
//   overlay still holds the name, a warning is logged (name only): its value
//   keeps taking precedence over what was just written or removed.
// - locate(): the backendName() of the layer that has it.
// Thread affinity and completion as in SecretStore.
class LayeredSecretStore final : public SecretStore {
public:
    LayeredSecretStore(std::unique_ptr<SecretStore> overlay, std::unique_ptr<SecretStore> base);
    ~LayeredSecretStore() override;

    // "env+keychain" for the auto backend.
    [[nodiscard]] QString backendName() const override;
    [[nodiscard]] QFuture<Result<QString>> read(const QString &name) override;
    [[nodiscard]] QFuture<Status> write(const QString &name, const QString &value) override;
    [[nodiscard]] QFuture<Status> remove(const QString &name) override;
    [[nodiscard]] QFuture<Result<QString>> locate(const QString &name) override;

private:
    // Asks the overlay, then — when `fallsThrough(first)` — the base, and
    // delivers `merge(first, second)` (or `first` when not falling through).
    using Ask = std::function<QFuture<Result<QString>>(SecretStore &, const QString &)>;
    using Merge = std::function<Result<QString>(const Result<QString> &, const Result<QString> &)>;
    [[nodiscard]] QFuture<Result<QString>> askInOrder(const QString &name, Ask ask,
                                                      std::function<bool(const Result<QString> &)> fallsThrough,
                                                      Merge merge);
    [[nodiscard]] QFuture<Status> finishChange(QFuture<Status> change, const QString &name,
                                               const QString &verb);

    // Shared so that continuations of operations in flight keep the layers
    // alive after this store is destroyed.
    std::shared_ptr<SecretStore> m_overlay;
    std::shared_ptr<SecretStore> m_base;
};

} // namespace Concord::Security
