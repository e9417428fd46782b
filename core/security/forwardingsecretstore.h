#pragma once

#include "security/secretstore.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace Concord::Security {

// A SecretStore that may be called from any thread and runs every operation
// on the thread that owns the real store.
//
// Why: QtKeychain answers through D-Bus and GLib callbacks dispatched on the
// main thread, so KeychainSecretStore must live there; the token managers
// live on the sync thread with their connectors. The sync thread gets this
// forwarder instead of the store itself.
//
// Contract
// - Create it on the thread that owns `target` (the main thread); `target`
//   is shared so operations in flight keep it alive.
// - read/write/remove/locate may be called from any thread. Each call is
//   queued to the owner thread, run there, and its result delivered through
//   the returned future (thread-safe; attach work with
//   QFuture::then(context, …) on the calling thread). Called on the owner
//   thread itself, the call goes straight to `target`.
// - When the forwarder is destroyed before a queued call has run, that call
//   never reaches `target` and its future ends canceled (a failure, as in
//   SecretStore). Destroy it only after the threads that use it have stopped
//   calling it.
class ForwardingSecretStore final : public SecretStore {
public:
    explicit ForwardingSecretStore(std::shared_ptr<SecretStore> target);
    ~ForwardingSecretStore() override;

    // The target's name: forwarding is transport, not a backend.
    [[nodiscard]] QString backendName() const override;
    [[nodiscard]] QFuture<Result<QString>> read(const QString &name) override;
    [[nodiscard]] QFuture<Status> write(const QString &name, const QString &value) override;
    [[nodiscard]] QFuture<Status> remove(const QString &name) override;
    [[nodiscard]] QFuture<Result<QString>> locate(const QString &name) override;

    // The thread operations run on.
    [[nodiscard]] QThread *ownerThread() const;

private:
    template<typename T>
    QFuture<T> forward(std::function<QFuture<T>(SecretStore &)> call);

    std::shared_ptr<SecretStore> m_target;
    QString m_backendName;      // read once: backendName() is not thread-safe in general
    std::unique_ptr<QObject> m_anchor; // lives on the owner thread; queued calls target it
};

} // namespace Concord::Security
