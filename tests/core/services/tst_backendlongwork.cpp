// The Backend's long work as the GUI drives it: a duplicate scan with
// throttled progress and a thread-safe cancel that works while the Backend's
// thread is busy; the backlog bar's readings; Pause and Resume, audited.
#include "domainprinters.h"
#include "security/auditlog.h"
#include "security/memorysecretstore.h"
#include "services/backend.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/identityrepository.h"
#include "store/migrations.h"
#include "store/outboxrepository.h"

#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace Concord;
using Concord::Services::Backend;
using Concord::Services::DuplicateScanProgress;
using Concord::Services::DuplicateScanReport;
using Concord::Services::StoreStatus;
using Concord::Services::SyncBacklog;
using Concord::Services::SyncRunState;

class TestBackendLongWork : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_run = 0;
    QString m_url;
    QThread m_thread;
    Backend *m_backend = nullptr;
    std::unique_ptr<Store::Database> m_db; // the test's own connection to the same store

    // Replies through queued connections on this thread, as the GUI gets them.
    template<typename Signal, typename T>
    void collect(Signal signal, QList<T> &into)
    {
        connect(m_backend, signal, this, [&into](const T &value) { into.append(value); }, Qt::QueuedConnection);
    }

    void openBackend()
    {
        QList<StoreStatus> opened;
        collect(&Backend::opened, opened);
        QMetaObject::invokeMethod(m_backend, [this] { m_backend->open(m_url); }, Qt::QueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
        auto db = Store::Database::open(m_url, u"test-%1"_s.arg(m_run));
        QVERIFY(db);
        m_db = std::move(*db);
    }

    void addCustomers()
    {
        Store::CustomerRepository repo(*m_db);
        const auto add = [&](const QString &given, const QString &family, const QString &email) {
            Domain::Customer c;
            c.givenName = given;
            c.familyName = family;
            c.displayName = given + u' ' + family;
            auto stored = repo.create(c);
            QVERIFY(stored);
            Domain::ContactPoint p;
            p.customerId = stored->id;
            p.kind = Domain::ContactKind::Email;
            p.value = email;
            p.normalized = email.toLower();
            p.isPrimary = true;
            QVERIFY(repo.addContact(p));
        };
        add(u"Dana"_s, u"Whitfield"_s, u"dana.whitfield@example.com"_s);
        add(u"Dana"_s, u"Whitfield"_s, u"DANA.WHITFIELD@example.com"_s);
        const QStringList given = {u"Priya"_s, u"Marcus"_s, u"Elena"_s, u"Kenji"_s, u"Grace"_s, u"Luis"_s,
                                   u"Nora"_s,  u"Owen"_s,   u"Fatima"_s, u"Ben"_s};
        const QStringList family = {u"Nakamura"_s, u"Garcia"_s, u"Novak"_s, u"Chen"_s, u"Haddad"_s};
        for (int i = 0; i < given.size(); ++i)
            add(given.at(i), family.at(i % family.size()), u"%1.%2@example.com"_s.arg(given.at(i).toLower()).arg(i));
    }

    qint64 candidates()
    {
        return m_db->scalar(u"SELECT COUNT(*) FROM duplicate_candidates"_s, {}).value_or(-1).toLongLong();
    }

    QStringList auditActions()
    {
        QStringList out;
        for (const Security::AuditEntry &e : Security::AuditLog(*m_db).recent(50).value_or(QList<Security::AuditEntry>{}))
            out.prepend(e.action);
        return out;
    }

    // Holds the Backend's thread until the returned semaphore is released,
    // as a long delivery or another scan would.
    std::shared_ptr<QSemaphore> blockBackendThread()
    {
        auto release = std::make_shared<QSemaphore>();
        auto entered = std::make_shared<QSemaphore>();
        QMetaObject::invokeMethod(
            m_backend, [release, entered] { entered->release(); release->acquire(); }, Qt::QueuedConnection);
        entered->acquire();
        return release;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void init()
    {
        m_url = u"sqlite://"_s + m_dir.filePath(u"longwork-%1.sqlite"_s.arg(++m_run));
        m_backend = new Backend;
        m_backend->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, m_backend, &QObject::deleteLater);
        m_thread.start();
    }

    void cleanup()
    {
        m_db.reset();
        QMetaObject::invokeMethod(m_backend, "close", Qt::BlockingQueuedConnection);
        m_thread.quit();
        QVERIFY(m_thread.wait(10000));
        m_backend = nullptr;
    }

    void scanReportsProgressAndRecordsOnce()
    {
        openBackend();
        addCustomers();
        QList<DuplicateScanProgress> progress;
        QList<DuplicateScanReport> finished;
        QList<QString> failed;
        collect(&Backend::duplicateScanProgress, progress);
        collect(&Backend::duplicateScanFinished, finished);
        collect(&Backend::duplicateScanFailed, failed);

        m_backend->requestDuplicateScan();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QVERIFY(failed.isEmpty());
        QVERIFY(!finished.first().cancelled);
        QCOMPARE(finished.first().customers, 12);
        QVERIFY(finished.first().newCandidates >= 1);
        QCOMPARE(candidates(), qint64(finished.first().newCandidates));
        // Throttled: a small scan sends its first reading, not one per chunk.
        QVERIFY(!progress.isEmpty());
        QVERIFY2(progress.size() <= 3, qPrintable(QString::number(progress.size())));
        QCOMPARE(auditActions().last(), u"duplicates.scan"_s);

        // The queued slot works too, and a second scan adds nothing.
        QMetaObject::invokeMethod(m_backend, &Backend::scanDuplicates, Qt::QueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QCOMPARE(finished.last().newCandidates, 0);
        QCOMPARE(candidates(), qint64(finished.first().newCandidates));
    }

    void cancelWorksWhileTheThreadIsBusy()
    {
        openBackend();
        addCustomers();
        QList<DuplicateScanReport> finished;
        collect(&Backend::duplicateScanFinished, finished);
        const QStringList auditBefore = auditActions();

        // The Backend's thread is busy: the scan waits behind it, and a
        // queued cancel could not overtake it. cancelLongWork() can.
        auto release = blockBackendThread();
        m_backend->requestDuplicateScan();
        m_backend->cancelLongWork();
        release->release();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QVERIFY(finished.first().cancelled);
        QCOMPARE(candidates(), 0);
        QCOMPARE(auditActions(), auditBefore);

        // That Cancel does not spill onto the next scan.
        m_backend->requestDuplicateScan();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QVERIFY(!finished.last().cancelled);
        QVERIFY(candidates() > 0);
    }

    void scanRefusedWithoutAStore()
    {
        QList<QString> failed;
        collect(&Backend::duplicateScanFailed, failed);
        m_backend->requestDuplicateScan();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QVERIFY2(failed.first().contains(u"not open"_s), qPrintable(failed.first()));
    }

    void backlogPauseAndResume()
    {
        openBackend();
        QList<SyncBacklog> backlog;
        QList<QString> refused;
        collect(&Backend::syncBacklogChanged, backlog);
        collect(&Backend::syncControlFailed, refused);

        // Not syncing: nothing to pause.
        QMetaObject::invokeMethod(m_backend, &Backend::pauseSync, Qt::QueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 10000);

        // An engine with nothing connected (and nowhere to reach).
        Config config = Config::defaults();
        config.quickbooksBaseUrl = QUrl(u"http://127.0.0.1:9"_s);
        config.hubspotBaseUrl = QUrl(u"http://127.0.0.1:9"_s);
        config.calcomBaseUrl = QUrl(u"http://127.0.0.1:9"_s);
        auto secrets = std::make_shared<Security::MemorySecretStore>();
        QMetaObject::invokeMethod(
            m_backend, [this, config, secrets] { m_backend->startSync(config, secrets); }, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(!backlog.isEmpty() && backlog.last().state == SyncRunState::Running, 10000);
        QVERIFY(!backlog.last().hasWork());

        QMetaObject::invokeMethod(m_backend, &Backend::pauseSync, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(backlog.last().state == SyncRunState::Paused, 10000);
        QCOMPARE(auditActions().last(), u"sync.pause"_s);
        // Paused twice is refused, and says so.
        QMetaObject::invokeMethod(m_backend, &Backend::pauseSync, Qt::QueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 2, 10000);

        // While paused, jobs wait and the bar counts them.
        Store::OutboxRepository outbox(*m_db);
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i) {
            Domain::OutboxJob job;
            job.targetSystem = Domain::System::QuickBooks;
            job.operation = u"customer.create"_s;
            job.entityType = u"customer"_s;
            job.entityId = u"cus_%1"_s.arg(i);
            job.payloadJson = "{}";
            job.idempotencyKey = u"test-%1"_s.arg(i);
            auto id = outbox.enqueue(job);
            QVERIFY(id);
            ids << *id;
        }
        QMetaObject::invokeMethod(m_backend, &Backend::refreshBacklog, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(backlog.last().total == 3, 10000);
        QCOMPARE(backlog.last().done, 0);
        QCOMPARE(backlog.last().state, SyncRunState::Paused);
        QVERIFY(outbox.dismiss(ids.first()));
        QMetaObject::invokeMethod(m_backend, &Backend::refreshBacklog, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(backlog.last().done == 1, 10000);
        QCOMPARE(backlog.last().total, 3);
        // An unchanged reading sends nothing: answers arrive in order, so
        // after the next change exactly one more has come.
        const qsizetype sent = backlog.size();
        QMetaObject::invokeMethod(m_backend, &Backend::refreshBacklog, Qt::BlockingQueuedConnection);
        QVERIFY(outbox.dismiss(ids.at(1)));
        QMetaObject::invokeMethod(m_backend, &Backend::refreshBacklog, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(backlog.last().done == 2, 10000);
        QCOMPARE(backlog.size(), sent + 1);

        QMetaObject::invokeMethod(m_backend, &Backend::resumeSync, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(backlog.last().state == SyncRunState::Running, 10000);
        QCOMPARE(auditActions().last(), u"sync.resume"_s);
        QCOMPARE(refused.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestBackendLongWork)
#include "tst_backendlongwork.moc"
