#include "security/layeredsecretstore.h"

#include "common/logging.h"
#include "security/secretnames.h"

using namespace Qt::StringLiterals;

namespace Concord::Security {

LayeredSecretStore::LayeredSecretStore(std::unique_ptr<SecretStore> overlay,
                                       std::unique_ptr<SecretStore> base)
    : m_overlay(std::move(overlay))
    , m_base(std::move(base))
{
    Q_ASSERT(m_overlay && m_base); // programmer error, not data
}

LayeredSecretStore::~LayeredSecretStore() = default;

QString LayeredSecretStore::backendName() const
{
    return m_overlay->backendName() + u'+' + m_base->backendName();
}

QFuture<Result<QString>> LayeredSecretStore::askInOrder(const QString &name, Ask ask,
                                                        std::function<bool(const Result<QString> &)> fallsThrough,
                                                        Merge merge)
{
    const Result<QString> canonical = canonicalSecretName(name);
    if (!canonical)
        return finishedFuture<Result<QString>>(std::unexpected(canonical.error()));

    auto promise = std::make_shared<QPromise<Result<QString>>>();
    promise->start();
    auto deliver = [promise](Result<QString> result) {
        promise->addResult(std::move(result));
        promise->finish();
    };
    ask(*m_overlay, *canonical)
        .then([=, base = m_base, key = *canonical](const Result<QString> &first) {
            if (!fallsThrough(first)) {
                deliver(first);
                return;
            }
            ask(*base, key).then([=](const Result<QString> &second) { deliver(merge(first, second)); });
        });
    return promise->future();
}

QFuture<Result<QString>> LayeredSecretStore::read(const QString &name)
{
    return askInOrder(
        name, [](SecretStore &store, const QString &key) { return store.read(key); },
        // Only "not set" falls through: a failing overlay is reported, not skipped.
        [](const Result<QString> &first) { return !first && first.error().code == ErrorCode::NotFound; },
        [](const Result<QString> &first, const Result<QString> &second) -> Result<QString> {
            if (second || second.error().code != ErrorCode::NotFound)
                return second;
            Error both = second.error();
            both.detail = first.error().detail + u"; "_s + both.detail;
            return std::unexpected(std::move(both));
        });
}

QFuture<Status> LayeredSecretStore::write(const QString &name, const QString &value)
{
    return finishChange(m_base->write(name, value), name, u"written to"_s);
}

QFuture<Status> LayeredSecretStore::remove(const QString &name)
{
    return finishChange(m_base->remove(name), name, u"removed from"_s);
}

// After a successful change in the base, tell the operator when the overlay
// still shadows the name, then hand on the change's own result.
QFuture<Status> LayeredSecretStore::finishChange(QFuture<Status> change, const QString &name,
                                                 const QString &verb)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    change.then([promise, overlay = m_overlay, base = m_base, name, verb](const Status &changed) {
        if (!changed) {
            promise->addResult(changed);
            promise->finish();
            return;
        }
        overlay->locate(name).then([promise, changed, overlayName = overlay->backendName(),
                                    baseName = base->backendName(), name,
                                    verb](const Result<QString> &where) {
            if (where && !where->isEmpty()) {
                const Result<QString> canonical = canonicalSecretName(name);
                const QString key = canonical ? *canonical : name;
                const QString holder = overlayName == u"env"
                    ? u"%1 in the environment"_s.arg(secretEnvironmentVariable(key))
                    : u"the %1 store's value"_s.arg(overlayName);
                qCWarning(lcSecrets).noquote()
                    << u"secret %1 was %2 the %3, but %4 still takes precedence"_s.arg(
                           key, verb, baseName, holder);
            }
            promise->addResult(changed);
            promise->finish();
        });
    });
    return promise->future();
}

QFuture<Result<QString>> LayeredSecretStore::locate(const QString &name)
{
    return askInOrder(
        name, [](SecretStore &store, const QString &key) { return store.locate(key); },
        [](const Result<QString> &first) { return first && first->isEmpty(); },
        [](const Result<QString> &, const Result<QString> &second) { return second; });
}

} // namespace Concord::Security
