// The GUI's door to core, exercised as the GUI uses it: living on its own
// thread, driven by queued invocations, answering with value-type signals.
#include "domainprinters.h"
#include "security/auditlog.h"
#include "services/backend.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace Concord;
using Concord::Services::Backend;
using Concord::Services::StoreStatus;

class TestBackend : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QThread m_thread;
    Backend *m_backend = nullptr;

    template<typename... Args>
    void call(const char *slot, Args... args)
    {
        QVERIFY(QMetaObject::invokeMethod(m_backend, slot, Qt::QueuedConnection, args...));
    }

    // Replies are received through queued connections on this (the test's)
    // thread, as the GUI receives them. A QSignalSpy on a cross-thread signal
    // records the emission directly and can miss one that lands before wait().
    template<typename Signal, typename T>
    void collect(Signal signal, QList<T> &into)
    {
        connect(m_backend, signal, this, [&into](const T &value) { into.append(value); }, Qt::QueuedConnection);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<StoreStatus>();
        qRegisterMetaType<QList<Security::AuditEntry>>();
        qRegisterMetaType<Security::AuditVerification>();
        qRegisterMetaType<Error>();
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_backend = new Backend;
        m_backend->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, m_backend, &QObject::deleteLater);
        m_thread.start();
    }

    void cleanup()
    {
        QMetaObject::invokeMethod(m_backend, "close", Qt::BlockingQueuedConnection);
        m_thread.quit();
        QVERIFY(m_thread.wait(10000));
        m_backend = nullptr;
    }

    void opensMigratesAndBootstrapsTheOwner()
    {
        QList<StoreStatus> opened;
        collect(&Backend::opened, opened);
        const QString path = m_dir.filePath(u"fresh.sqlite"_s);
        call("open", Q_ARG(QString, u"sqlite://"_s + path));
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
        const StoreStatus status = opened.first();
        QVERIFY(status.open);
        QCOMPARE(status.url, u"sqlite://"_s + path);
        QCOMPARE(status.schemaVersion, Store::latestSchemaVersion());
        QCOMPARE(status.knownSchemaVersion, Store::latestSchemaVersion());
        QCOMPARE(status.users, 1);        // the desktop's user, as owner
        QCOMPARE(status.auditEntries, 1); // …and the record of that
        QCOMPARE(status.connections.size(), 3);
        QVERIFY(!status.teamMode); // SQLite: solo
        QVERIFY(status.error.isEmpty());

        QList<QList<Security::AuditEntry>> audit;
        collect(&Backend::auditLoaded, audit);
        call("loadAudit", Q_ARG(int, 50));
        QTRY_COMPARE_WITH_TIMEOUT(audit.size(), 1, 10000);
        const QList<Security::AuditEntry> entries = audit.first();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().action, u"user.bootstrap-owner"_s);

        QList<Security::AuditVerification> verified;
        collect(&Backend::auditVerified, verified);
        call("verifyAudit");
        QTRY_COMPARE_WITH_TIMEOUT(verified.size(), 1, 10000);
        const Security::AuditVerification v = verified.first();
        QVERIFY(v.ok);
        QCOMPARE(v.entriesChecked, 1);
    }

    void reportsABadStoreAsStatusAndError()
    {
        QList<StoreStatus> status;
        QList<Error> error;
        collect(&Backend::statusChanged, status);
        collect(&Backend::errorOccurred, error);
        call("open", Q_ARG(QString, u"mysql://nowhere/db"_s));
        QTRY_COMPARE_WITH_TIMEOUT(error.size(), 1, 10000);
        QCOMPARE(status.size(), 1);
        QVERIFY(!status.first().open);
        QVERIFY2(status.first().error.contains(u"unsupported scheme"_s), qPrintable(status.first().error));
        QCOMPARE(error.first().code, ErrorCode::InvalidConfig);
    }

    void refusesAStoreFromANewerConcord()
    {
        const QString path = m_dir.filePath(u"newer.sqlite"_s);
        {
            auto db = Store::Database::open(u"sqlite://"_s + path);
            QVERIFY(db);
            QVERIFY(Store::migrate(**db));
            QVERIFY((*db)->exec(u"INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, 'x', 0)"_s,
                                {Store::latestSchemaVersion() + 1}));
        }
        QList<Error> error;
        collect(&Backend::errorOccurred, error);
        call("open", Q_ARG(QString, u"sqlite://"_s + path));
        QTRY_COMPARE_WITH_TIMEOUT(error.size(), 1, 10000);
        QCOMPARE(error.first().code, ErrorCode::SchemaTooNew);
    }

    void answersWhenNotOpen()
    {
        QList<StoreStatus> status;
        QList<Error> error;
        collect(&Backend::statusChanged, status);
        collect(&Backend::errorOccurred, error);
        call("refreshStatus");
        QTRY_COMPARE_WITH_TIMEOUT(status.size(), 1, 10000);
        QVERIFY(!status.first().open);
        call("verifyAudit");
        QTRY_COMPARE_WITH_TIMEOUT(error.size(), 1, 10000);
        QVERIFY2(error.first().message.contains(u"not open"_s), qPrintable(error.first().message));
    }
};

QTEST_GUILESS_MAIN(TestBackend)
#include "tst_backend.moc"
