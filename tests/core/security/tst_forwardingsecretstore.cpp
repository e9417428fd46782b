// ForwardingSecretStore: the sync thread's door to a store that must stay on
// the main thread. The keychain case runs against a REAL Secret Service
// (gnome-keyring on a private D-Bus session; ctest runs this suite through
// tests/run-with-keyring.sh because its name contains "secret").

#include "security/forwardingsecretstore.h"
#include "security/keychainsecretstore.h"

#include <QMap>
#include <QMutex>
#include <QMutexLocker>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <memory>
#include <thread>

using namespace Concord;
using namespace Concord::Security;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 15000;

// An in-memory store that answers from the event loop (like the keychain)
// and records the thread of every call, so the test sees where work ran.
class RecordingStore final : public SecretStore {
public:
    [[nodiscard]] QString backendName() const override { return u"recording"_s; }

    QFuture<Result<QString>> read(const QString &name) override
    {
        note(u"read "_s + name);
        return later(values.contains(name) ? Result<QString>(values.value(name))
                                           : Result<QString>(fail(ErrorCode::NotFound, u"not set"_s)));
    }
    QFuture<Status> write(const QString &name, const QString &value) override
    {
        note(u"write "_s + name);
        values.insert(name, value);
        return later(Status());
    }
    QFuture<Status> remove(const QString &name) override
    {
        note(u"remove "_s + name);
        values.remove(name);
        return later(Status());
    }

    QStringList calls() const
    {
        QMutexLocker lock(&m_mutex);
        return m_calls;
    }
    QList<QThread *> threads() const
    {
        QMutexLocker lock(&m_mutex);
        return m_threads;
    }

    QMap<QString, QString> values;

private:
    void note(const QString &call)
    {
        QMutexLocker lock(&m_mutex);
        m_calls.append(call);
        m_threads.append(QThread::currentThread());
    }
    template<typename T> QFuture<T> later(T value)
    {
        auto promise = std::make_shared<QPromise<T>>();
        promise->start();
        QTimer::singleShot(0, [promise, value = std::move(value)]() mutable {
            promise->addResult(std::move(value));
            promise->finish();
        });
        return promise->future();
    }

    mutable QMutex m_mutex;
    QStringList m_calls;
    QList<QThread *> m_threads;
};

// Runs a script of store calls on its own thread, one after another, each
// continuation attached on that thread; records results and where the
// continuations ran.
class Worker : public QObject {
public:
    explicit Worker(SecretStore &store) : m_store(store) {}

    // Started on the worker thread.
    void run(const QString &name)
    {
        m_store.write(name, u"s3cret"_s).then(this, [this, name](Status written) {
            record(u"write"_s, written ? u"ok"_s : written.error().message);
            m_store.read(name).then(this, [this, name](Result<QString> value) {
                record(u"read"_s, value ? *value : value.error().message);
                m_store.locate(name).then(this, [this, name](Result<QString> where) {
                    record(u"locate"_s, where ? *where : where.error().message);
                    m_store.remove(name).then(this, [this, name](Status removed) {
                        record(u"remove"_s, removed ? u"ok"_s : removed.error().message);
                        m_store.read(name).then(this, [this](Result<QString> gone) {
                            record(u"read again"_s,
                                   gone ? *gone : errorCodeName(gone.error().code));
                            QMutexLocker lock(&m_mutex);
                            m_done = true;
                        });
                    });
                });
            });
        });
    }

    bool done() const
    {
        QMutexLocker lock(&m_mutex);
        return m_done;
    }
    QStringList results() const
    {
        QMutexLocker lock(&m_mutex);
        return m_results;
    }
    bool continuationsOnOwnThread() const
    {
        QMutexLocker lock(&m_mutex);
        return m_wrongThread == 0;
    }

private:
    void record(const QString &step, const QString &outcome)
    {
        QMutexLocker lock(&m_mutex);
        m_results.append(step + u": "_s + outcome);
        if (QThread::currentThread() != thread())
            ++m_wrongThread;
    }

    SecretStore &m_store;
    mutable QMutex m_mutex;
    QStringList m_results;
    int m_wrongThread = 0;
    bool m_done = false;
};

// Runs `script` on a fresh worker thread and waits (spinning the main event
// loop, where the target store lives) until it is done.
struct WorkerThread {
    QThread thread;
    std::unique_ptr<Worker> worker;

    explicit WorkerThread(SecretStore &store) : worker(std::make_unique<Worker>(store))
    {
        worker->moveToThread(&thread);
        thread.start();
    }
    ~WorkerThread()
    {
        // The worker is deleted on its own thread before the thread ends.
        QMetaObject::invokeMethod(worker.release(), &QObject::deleteLater);
        thread.quit();
        thread.wait();
    }
};

} // namespace

class TestForwardingSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every operation called on the worker thread ran on the main thread
    // (where the store lives), and every answer came back to the worker.
    void workerCallsRunOnTheOwnerThread()
    {
        auto target = std::make_shared<RecordingStore>();
        ForwardingSecretStore forwarder(target);
        QCOMPARE(forwarder.backendName(), u"recording"_s);
        QCOMPARE(forwarder.ownerThread(), QThread::currentThread());

        WorkerThread w(forwarder);
        QMetaObject::invokeMethod(w.worker.get(), [&] { w.worker->run(u"QUICKBOOKS_REFRESH_TOKEN"_s); });
        QTRY_VERIFY_WITH_TIMEOUT(w.worker->done(), kTimeoutMs);

        QCOMPARE(w.worker->results(),
                 (QStringList{u"write: ok"_s, u"read: s3cret"_s, u"locate: recording"_s, u"remove: ok"_s,
                              u"read again: "_s + errorCodeName(ErrorCode::NotFound)}));
        QVERIFY(w.worker->continuationsOnOwnThread());
        // locate() is read() underneath (SecretStore's default).
        QCOMPARE(target->calls(),
                 (QStringList{u"write QUICKBOOKS_REFRESH_TOKEN"_s, u"read QUICKBOOKS_REFRESH_TOKEN"_s,
                              u"read QUICKBOOKS_REFRESH_TOKEN"_s, u"remove QUICKBOOKS_REFRESH_TOKEN"_s,
                              u"read QUICKBOOKS_REFRESH_TOKEN"_s}));
        for (QThread *thread : target->threads())
            QCOMPARE(thread, QThread::currentThread());
        QVERIFY(target->values.isEmpty());
    }

    // On the owner thread the call goes straight through: the target is
    // called before forward() returns.
    void ownerThreadCallsGoStraightThrough()
    {
        auto target = std::make_shared<RecordingStore>();
        ForwardingSecretStore forwarder(target);
        QFuture<Status> written = forwarder.write(u"HUBSPOT_TOKEN"_s, u"pat-1"_s);
        QCOMPARE(target->calls(), QStringList{u"write HUBSPOT_TOKEN"_s});
        QTRY_VERIFY_WITH_TIMEOUT(written.isFinished(), kTimeoutMs);
        QVERIFY(written.result().has_value());
        QCOMPARE(target->values.value(u"HUBSPOT_TOKEN"_s), u"pat-1"_s);
    }

    // A call queued from another thread while the forwarder is destroyed
    // before the owner thread ran it: the target is never called and the
    // future ends canceled (a failure under SecretStore's contract), never
    // hanging and never half-done.
    void destroyedBeforeDeliveryCancels()
    {
        auto target = std::make_shared<RecordingStore>();
        auto forwarder = std::make_unique<ForwardingSecretStore>(target);
        QFuture<Result<QString>> pending;
        std::thread caller([&] { pending = forwarder->read(u"HUBSPOT_TOKEN"_s); });
        caller.join();
        QVERIFY(!pending.isFinished()); // queued, not run: the main loop has not turned
        forwarder.reset();
        QCoreApplication::processEvents();
        QTRY_VERIFY_WITH_TIMEOUT(pending.isFinished(), kTimeoutMs);
        QVERIFY(pending.isCanceled());
        QCOMPARE(pending.resultCount(), 0);
        QVERIFY(target->calls().isEmpty());
    }

    void noTargetIsAnError()
    {
        ForwardingSecretStore forwarder(nullptr);
        QFuture<Result<QString>> read = forwarder.read(u"HUBSPOT_TOKEN"_s);
        QVERIFY(read.isFinished());
        QVERIFY(!read.result().has_value());
        QCOMPARE(read.result().error().code, ErrorCode::Secrets);
    }

    // The case it exists for: QtKeychain on the main thread, used from a
    // worker thread, against a real Secret Service.
    void realKeychainFromAWorkerThread()
    {
        const QString service = u"concord-test-forwarding-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        ForwardingSecretStore forwarder(std::make_shared<KeychainSecretStore>(service));
        QCOMPARE(forwarder.backendName(), u"keychain"_s);

        WorkerThread w(forwarder);
        QMetaObject::invokeMethod(w.worker.get(), [&] { w.worker->run(u"QUICKBOOKS_REFRESH_TOKEN"_s); });
        QTRY_VERIFY_WITH_TIMEOUT(w.worker->done(), kTimeoutMs);
        QCOMPARE(w.worker->results(),
                 (QStringList{u"write: ok"_s, u"read: s3cret"_s, u"locate: keychain"_s, u"remove: ok"_s,
                              u"read again: "_s + errorCodeName(ErrorCode::NotFound)}));
        QVERIFY(w.worker->continuationsOnOwnThread());
    }
};

QTEST_GUILESS_MAIN(TestForwardingSecretStore)
#include "tst_forwardingsecretstore.moc"
