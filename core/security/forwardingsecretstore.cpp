#include "security/forwardingsecretstore.h"

#include "common/logging.h"

#include <QPromise>
#include <QThread>

namespace Concord::Security {

ForwardingSecretStore::ForwardingSecretStore(std::shared_ptr<SecretStore> target)
    : m_target(std::move(target)),
      m_backendName(m_target ? m_target->backendName() : QString()),
      m_anchor(std::make_unique<QObject>())
{
}

ForwardingSecretStore::~ForwardingSecretStore() = default;

QString ForwardingSecretStore::backendName() const
{
    return m_backendName;
}

QThread *ForwardingSecretStore::ownerThread() const
{
    return m_anchor->thread();
}

template<typename T>
QFuture<T> ForwardingSecretStore::forward(std::function<QFuture<T>(SecretStore &)> call)
{
    if (!m_target) {
        return finishedFuture(T(fail(ErrorCode::Secrets, QStringLiteral("no secret store is configured"))));
    }
    if (QThread::currentThread() == m_anchor->thread())
        return call(*m_target);

    // Shared, because the promise must be reachable from the queued call and
    // then from the continuation on the owner thread; whichever drops the
    // last reference without finishing it cancels the future.
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    QFuture<T> future = promise->future();
    QObject *anchor = m_anchor.get();
    const bool queued = QMetaObject::invokeMethod(
        anchor,
        [target = m_target, call = std::move(call), promise, anchor] {
            call(*target).then(anchor, [promise](T result) {
                promise->addResult(std::move(result));
                promise->finish();
            });
        },
        Qt::QueuedConnection);
    if (!queued)
        qCWarning(lcSecrets) << "could not queue a secret-store operation to the owner thread";
    return future;
}

QFuture<Result<QString>> ForwardingSecretStore::read(const QString &name)
{
    return forward<Result<QString>>([name](SecretStore &store) { return store.read(name); });
}

QFuture<Status> ForwardingSecretStore::write(const QString &name, const QString &value)
{
    return forward<Status>([name, value](SecretStore &store) { return store.write(name, value); });
}

QFuture<Status> ForwardingSecretStore::remove(const QString &name)
{
    return forward<Status>([name](SecretStore &store) { return store.remove(name); });
}

QFuture<Result<QString>> ForwardingSecretStore::locate(const QString &name)
{
    return forward<Result<QString>>([name](SecretStore &store) { return store.locate(name); });
}

} // namespace Concord::Security
