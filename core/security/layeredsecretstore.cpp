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

QFuture<Result<QString>> LayeredSecretStore::read(const QString &name)
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
    m_overlay->read(*canonical)
        .then([deliver, base = m_base, key = *canonical](const Result<QString> &first) {
            if (first || first.error().code != ErrorCode::NotFound) {
                deliver(first);
                return;
            }
            base->read(key).then(
                [deliver, firstError = first.error()](const Result<QString> &second) {
                    if (second || second.error().code != ErrorCode::NotFound) {
                        deliver(second);
                        return;
                    }
                    Error both = second.error();
                    both.detail = firstError.detail + u"; "_s + both.detail;
                    deliver(std::unexpected(std::move(both)));
                });
        });
    return promise->future();
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
    const Result<QString> canonical = canonicalSecretName(name);
    if (!canonical)
        return finishedFuture<Result<QString>>(std::unexpected(canonical.error()));

    auto promise = std::make_shared<QPromise<Result<QString>>>();
    promise->start();
    auto deliver = [promise](Result<QString> result) {
        promise->addResult(std::move(result));
        promise->finish();
    };
    m_overlay->locate(*canonical)
        .then([deliver, base = m_base, key = *canonical](const Result<QString> &first) {
            if (!first || !first->isEmpty()) {
                deliver(first);
                return;
            }
            base->locate(key).then([deliver](const Result<QString> &second) { deliver(second); });
        });
    return promise->future();
}

} // namespace Concord::Security
