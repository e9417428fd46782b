#pragma once

#include "common/error.h"

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QPromise>
#include <QString>
#include <QTimer>

#include <chrono>
#include <memory>

namespace Concord::Security {

// Where Concord keeps secrets: refresh tokens, client secrets, API keys and
// webhook signing keys (names in secretnames.h). Values never reach the
// database, the config file or a log; stores log names and outcomes only.
//
// Asynchronous, because the keychain answers through the event loop (D-Bus)
// and the GUI thread must never block on it.
//
// Contract
// - Thread affinity: a store is not thread-safe. Create it, call it and
//   destroy it on one thread that runs an event loop (in practice the main
//   thread, where QtKeychain dispatches its D-Bus and GLib callbacks). The
//   sync thread gets the values it needs from there, as values.
// - Each call returns a future that finishes exactly once with exactly one
//   result. For the keychain it finishes later, on the calling thread, from
//   the event loop (never inside the call); for the environment, and for
//   invalid names, it is already finished when returned. Attach work with
//   QFuture::then(context, ...) or a QFutureWatcher; block only through
//   waitForResult() below, and never on the GUI thread.
// - A future ends canceled, without a result, only when its backend job is
//   destroyed before answering (e.g. the application quits): a failure.
// - Operations in flight do not need the store: destroying it is safe.
// - Names: anything canonicalSecretName() accepts; other names fail at once
//   with InvalidArgument, without touching the backend.
// - Errors: NotFound means "this secret is not set" (nothing is wrong with
//   the backend); Secrets means the backend failed (locked, no service, D-Bus
//   error), with the backend's own text in Error::detail; Unsupported means
//   the backend cannot do that (writing to the environment).
class SecretStore {
public:
    SecretStore() = default;
    virtual ~SecretStore();
    SecretStore(const SecretStore &) = delete;
    SecretStore &operator=(const SecretStore &) = delete;

    // Service name used in the OS keychain unless configured otherwise.
    [[nodiscard]] static QString defaultKeychainService();

    // Builds the store for a [secrets] backend value:
    //   "keychain" → KeychainSecretStore(keychainService)
    //   "env"      → EnvSecretStore (process environment, read-only)
    //   "auto"     → LayeredSecretStore: environment first (servers set
    //                CONCORD_<NAME>), then the keychain; writes go to the keychain.
    // Anything else is an InvalidConfig error.
    [[nodiscard]] static Result<std::unique_ptr<SecretStore>>
    create(const QString &backend, const QString &keychainService = defaultKeychainService());

    // Short name for messages and `secrets list`: "keychain", "env", ...
    [[nodiscard]] virtual QString backendName() const = 0;

    // The value, or NotFound when the secret is not set.
    [[nodiscard]] virtual QFuture<Result<QString>> read(const QString &name) = 0;
    // Creates or replaces the value. An empty value is refused (InvalidArgument):
    // use remove().
    [[nodiscard]] virtual QFuture<Status> write(const QString &name, const QString &value) = 0;
    // Deletes the value. Idempotent: removing a secret that is not set succeeds.
    [[nodiscard]] virtual QFuture<Status> remove(const QString &name) = 0;

    // Which backend holds the secret: its backendName(), or an empty string
    // when the secret is not set (not an error). The value is read, because
    // keychains have no cheaper presence test, but it is never returned.
    [[nodiscard]] virtual QFuture<Result<QString>> locate(const QString &name);
    // locate() as yes/no, for `secrets list`.
    [[nodiscard]] QFuture<Result<bool>> contains(const QString &name);

protected:
    // A future that is already finished with `value`.
    template<typename T> [[nodiscard]] static QFuture<T> finishedFuture(T value)
    {
        QPromise<T> promise;
        promise.start();
        promise.addResult(std::move(value));
        promise.finish();
        return promise.future();
    }
};

// Waits for a store operation from code that may block: the CLI, concord-syncd
// start-up, tests. Runs a local QEventLoop (so the keychain's callbacks are
// delivered) until `future` finishes or `timeout` passes. Never call it on the
// GUI thread: a nested event loop re-enters widgets. A timeout or a canceled
// future becomes an ErrorCode::Secrets error. Works for Status too
// (Result<void>).
//
//   const Result<QString> token = waitForResult(store->read(u"HUBSPOT_TOKEN"_s));
template<typename T>
[[nodiscard]] Result<T> waitForResult(QFuture<Result<T>> future,
                                      std::chrono::milliseconds timeout = std::chrono::seconds(30))
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<Result<T>> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        timer.start(timeout);
        // The watcher reports a future that finished before setFuture()
        // through the loop as well, so no wake-up is lost.
        if (!future.isFinished())
            loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    if (!future.isFinished()) {
        return fail(ErrorCode::Secrets,
                    QStringLiteral("the secret store did not answer within %1 s")
                        .arg(std::chrono::duration_cast<std::chrono::seconds>(timeout).count()));
    }
    if (future.isCanceled() || future.resultCount() < 1)
        return fail(ErrorCode::Secrets, QStringLiteral("the secret store operation was abandoned"));
    return future.result();
}

} // namespace Concord::Security
