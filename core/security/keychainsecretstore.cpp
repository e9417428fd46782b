#include "security/keychainsecretstore.h"

#include "common/logging.h"
#include "security/secretnames.h"

// QtKeychain is linked privately into concord_core: include it here only,
// never from a header.
#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace Concord::Security {

namespace {

// What went wrong, in words a person can act on; QtKeychain's own text goes
// to Error::detail.
QString describe(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return u"no error"_s;
    case QKeychain::EntryNotFound:
        return u"entry not found"_s;
    case QKeychain::CouldNotDeleteEntry:
        return u"the entry could not be deleted"_s;
    case QKeychain::AccessDeniedByUser:
        return u"access was denied by the user"_s;
    case QKeychain::AccessDenied:
        return u"access denied (is the keyring locked?)"_s;
    case QKeychain::NoBackendAvailable:
        return u"no keychain service is available"_s;
    case QKeychain::NotImplemented:
        return u"not supported on this platform"_s;
    case QKeychain::OtherError:
        return u"the keychain service failed"_s;
    }
    return u"unknown keychain error"_s;
}

Error notFound(const QString &name, const QString &service)
{
    return Error::make(ErrorCode::NotFound, u"secret %1 is not set"_s.arg(name),
                       u"no entry in the keychain for service \"%1\""_s.arg(service));
}

// `action` is "read", "write" or "delete". Never given the value.
Error failure(const QKeychain::Job &job, const QString &action, const QString &name)
{
    return Error::make(ErrorCode::Secrets,
                       u"cannot %1 secret %2 in the keychain (service \"%3\"): %4"_s.arg(
                           action, name, job.service(), describe(job.error())),
                       job.errorString());
}

// Common set-up for every job: one shot, deleted after finished(), and never
// the insecure plain-text fallback.
template<typename JobType> JobType *makeJob(const QString &service, const QString &key)
{
    auto *job = new JobType(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

// Connects `onFinished(job)` so that it runs once when the job ends. The job
// is the context: the store may be gone by then, so handlers capture only
// values and the promise. If the job dies without finishing, the promise is
// released unfinished and its future ends canceled.
template<typename JobType, typename Handler> void whenFinished(JobType *job, Handler onFinished)
{
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [onFinished = std::move(onFinished)](QKeychain::Job *finished) {
                         onFinished(*static_cast<JobType *>(finished));
                     });
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{
}

KeychainSecretStore::~KeychainSecretStore() = default;

QString KeychainSecretStore::backendName() const
{
    return u"keychain"_s;
}

QFuture<Result<QString>> KeychainSecretStore::read(const QString &name)
{
    const Result<QString> canonical = canonicalSecretName(name);
    if (!canonical)
        return finishedFuture<Result<QString>>(std::unexpected(canonical.error()));

    auto promise = std::make_shared<QPromise<Result<QString>>>();
    promise->start();
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, *canonical);
    whenFinished(
        job, [promise, key = *canonical, service = m_service](QKeychain::ReadPasswordJob &done) {
            Result<QString> result;
            if (done.error() == QKeychain::NoError) {
                result = done.textData();
                qCDebug(lcSecrets).noquote()
                    << "keychain read" << key << "from" << service << ": ok";
            } else if (done.error() == QKeychain::EntryNotFound) {
                result = std::unexpected(notFound(key, service));
                qCDebug(lcSecrets).noquote()
                    << "keychain read" << key << "from" << service << ": not set";
            } else {
                result = std::unexpected(failure(done, u"read"_s, key));
                qCWarning(lcSecrets).noquote() << result.error().toString();
            }
            promise->addResult(std::move(result));
            promise->finish();
        });
    job->start();
    return promise->future();
}

QFuture<Status> KeychainSecretStore::write(const QString &name, const QString &value)
{
    const Result<QString> canonical = canonicalSecretName(name);
    if (!canonical)
        return finishedFuture<Status>(std::unexpected(canonical.error()));
    if (value.isEmpty()) {
        return finishedFuture<Status>(
            fail(ErrorCode::InvalidArgument,
                 u"refusing to store an empty value for %1 (remove it instead)"_s.arg(*canonical)));
    }

    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, *canonical);
    job->setTextData(value);
    whenFinished(
        job, [promise, key = *canonical, service = m_service](QKeychain::WritePasswordJob &done) {
            Status result;
            if (done.error() == QKeychain::NoError) {
                qCDebug(lcSecrets).noquote()
                    << "keychain write" << key << "to" << service << ": ok";
            } else {
                result = std::unexpected(failure(done, u"write"_s, key));
                qCWarning(lcSecrets).noquote() << result.error().toString();
            }
            promise->addResult(std::move(result));
            promise->finish();
        });
    job->start();
    return promise->future();
}

QFuture<Status> KeychainSecretStore::remove(const QString &name)
{
    const Result<QString> canonical = canonicalSecretName(name);
    if (!canonical)
        return finishedFuture<Status>(std::unexpected(canonical.error()));

    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, *canonical);
    whenFinished(
        job, [promise, key = *canonical, service = m_service](QKeychain::DeletePasswordJob &done) {
            Status result;
            // libsecret reports a missing entry as success already; other
            // backends say EntryNotFound. Either way the secret is gone.
            if (done.error() == QKeychain::NoError || done.error() == QKeychain::EntryNotFound) {
                qCDebug(lcSecrets).noquote()
                    << "keychain delete" << key << "from" << service << ": ok";
            } else {
                result = std::unexpected(failure(done, u"delete"_s, key));
                qCWarning(lcSecrets).noquote() << result.error().toString();
            }
            promise->addResult(std::move(result));
            promise->finish();
        });
    job->start();
    return promise->future();
}

} // namespace Concord::Security
