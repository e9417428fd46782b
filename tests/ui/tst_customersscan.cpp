// "Scan for duplicates" on the Clients and duplicates page: offered by role
// (the reason as the tooltip otherwise), progress with the stage in words,
// Cancel, the result line, then the review read again — on the page alone,
// and through connectBackend() with a real Backend on its own thread.
#include "backendbridge.h"
#include "customerspage.h"
#include "mainwindow.h"
#include "theme.h"

#include "services/backend.h"
#include "store/customerrepository.h"
#include "store/database.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTranslator>

using namespace Concord::Ui;
using Concord::Domain::Role;
using Concord::Services::DuplicateScanProgress;
using Concord::Services::DuplicateScanReport;
using Concord::Services::DuplicateScanStage;

namespace {

DuplicateScanProgress progress(DuplicateScanStage stage, double fraction, int customers)
{
    DuplicateScanProgress p;
    p.stage = stage;
    p.fraction = fraction;
    p.customers = customers;
    return p;
}

DuplicateScanReport report(int customers, int newCandidates, bool cancelled = false)
{
    DuplicateScanReport r;
    r.customers = customers;
    r.newCandidates = newCandidates;
    r.candidates = newCandidates;
    r.cancelled = cancelled;
    return r;
}

QString renderDir()
{
    const QString dir = qEnvironmentVariable("CONCORD_UI_RENDER_DIR");
    return dir.isEmpty() ? QDir::tempPath() : dir;
}

} // namespace

class TestCustomersScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        Theme::initResources();
        auto *english = new QTranslator(this);
        QVERIFY(english->load(QStringLiteral(":/i18n/concord_en.qm")));
        QCoreApplication::installTranslator(english);
    }

    void scanButtonFollowsTheRole_data()
    {
        QTest::addColumn<Role>("role");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("owner") << Role::Owner << true;
        QTest::newRow("office manager") << Role::OfficeManager << true;
        QTest::newRow("bookkeeper") << Role::Bookkeeper << false;
        QTest::newRow("viewer") << Role::Viewer << false;
    }

    void scanButtonFollowsTheRole()
    {
        QFETCH(Role, role);
        QFETCH(bool, enabled);
        CustomersPage page;
        QSignalSpy asked(&page, &CustomersPage::scanRequested);
        page.setActor(role, QStringLiteral("pat"));
        QCOMPARE(page.scanButton()->isEnabled(), enabled);
        QVERIFY(page.scanButton()->isVisibleTo(&page));
        if (enabled) {
            QVERIFY(page.scanBlockedReason().isEmpty());
            QVERIFY(!page.scanButton()->toolTip().isEmpty());
            return;
        }
        QCOMPARE(page.scanButton()->toolTip(),
                 QStringLiteral("Only an office manager or owner can scan for duplicates."));
        QCOMPARE(page.scanButton()->accessibleDescription(), page.scanButton()->toolTip());
        page.scanForDuplicates(); // as a shortcut would: refused all the same
        QCOMPARE(asked.size(), 0);
        QVERIFY(!page.isBusy());
    }

    void scanShowsProgressThenTheResult()
    {
        CustomersPage page;
        page.setActor(Role::OfficeManager, QStringLiteral("mona"));
        QSignalSpy asked(&page, &CustomersPage::scanRequested);
        QSignalSpy review(&page, &CustomersPage::duplicatesRequested);
        QSignalSpy clients(&page, &CustomersPage::identityMapRequested);

        page.scanButton()->click();
        QCOMPARE(asked.size(), 1);
        QVERIFY(page.isBusy());
        QVERIFY(page.isScanning());
        QVERIFY(page.progressBar()->isVisibleTo(&page));
        QCOMPARE(page.progressBar()->maximum(), 1000);
        QCOMPARE(page.progressBar()->value(), 0);
        QVERIFY(page.scanCancelButton()->isVisibleTo(&page));
        QCOMPARE(page.messageText(), QStringLiteral("Scanning for duplicates: Reading the clients…"));
        // Nothing else runs meanwhile, and each says why.
        QVERIFY(!page.scanButton()->isEnabled());
        QVERIFY(!page.refreshButton()->isEnabled());
        QCOMPARE(page.scanButton()->toolTip(), QStringLiteral("Waiting for the duplicate scan to finish."));

        page.showScanProgress(progress(DuplicateScanStage::Scoring, 0.6, 4210));
        QCOMPARE(page.progressBar()->value(), 600);
        QCOMPARE(page.messageText(),
                 QStringLiteral("Scanning for duplicates: Comparing likely twins (4,210 clients)…"));
        // A reading that arrives late never moves the bar back.
        page.showScanProgress(progress(DuplicateScanStage::Preparing, 0.2, 4210));
        QCOMPARE(page.progressBar()->value(), 600);
        QVERIFY(page.messageText().contains(QStringLiteral("Comparing likely twins")));

        page.showScanFinished(report(4210, 12));
        QVERIFY(!page.isBusy());
        QVERIFY(!page.progressBar()->isVisibleTo(&page));
        QVERIFY(!page.scanCancelButton()->isVisibleTo(&page));
        QVERIFY(page.scanButton()->isEnabled());
        QVERIFY2(page.messageText().startsWith(QStringLiteral("Found 12 new possible duplicate")),
                 qPrintable(page.messageText()));
        QVERIFY(page.messageText().endsWith(QStringLiteral("among 4,210 clients.")));
        // The review (and the clients' counts) read again.
        QCOMPARE(review.size(), 1);
        QCOMPARE(clients.size(), 1);

        // Nothing new says so.
        page.scanButton()->click();
        page.showScanFinished(report(4210, 0));
        QCOMPARE(page.messageText(), QStringLiteral("No new possible duplicates among 4,210 clients."));
        // A result with no scan running (a stale answer) changes nothing.
        page.showScanFinished(report(1, 1));
        QCOMPARE(page.messageText(), QStringLiteral("No new possible duplicates among 4,210 clients."));
    }

    void cancelAsksOnceAndRecordsNothing()
    {
        CustomersPage page;
        page.setActor(Role::Owner, QStringLiteral("oscar"));
        QSignalSpy cancel(&page, &CustomersPage::scanCancelRequested);
        QSignalSpy review(&page, &CustomersPage::duplicatesRequested);
        page.scanButton()->click();
        page.showScanProgress(progress(DuplicateScanStage::Learning, 0.45, 900));

        page.scanCancelButton()->click();
        QCOMPARE(cancel.size(), 1);
        QVERIFY(!page.scanCancelButton()->isEnabled());
        QCOMPARE(page.messageText(), QStringLiteral("Cancelling the scan…"));
        page.cancelScan();
        QCOMPARE(cancel.size(), 1); // once
        // Readings still on their way do not bring the stage back.
        page.showScanProgress(progress(DuplicateScanStage::Scoring, 0.7, 900));
        QCOMPARE(page.messageText(), QStringLiteral("Cancelling the scan…"));
        QVERIFY(page.isBusy());

        page.showScanFinished(report(900, 0, true));
        QVERIFY(!page.isBusy());
        QCOMPARE(page.messageText(), QStringLiteral("Scan cancelled: nothing was recorded."));
        QCOMPARE(review.size(), 0); // nothing changed, nothing to read
        QVERIFY(page.scanButton()->isEnabled());
    }

    void failureEndsTheScan()
    {
        CustomersPage page;
        page.setActor(Role::Owner, QStringLiteral("oscar"));
        page.scanButton()->click();
        page.showFailure(QStringLiteral("The store is not open."));
        QVERIFY(!page.isBusy());
        QVERIFY(!page.isScanning());
        QCOMPARE(page.messageText(), QStringLiteral("The store is not open."));
        QVERIFY(!page.scanCancelButton()->isVisibleTo(&page));
        QVERIFY(page.scanButton()->isEnabled());
    }

    // The whole round trip as the application wires it: the page's button,
    // the Backend on its own thread, the identity engine over a real store.
    void throughTheBackend()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString url = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("scan.sqlite"));
        MainWindow window;
        QThread thread;
        auto *backend = new Concord::Services::Backend;
        backend->moveToThread(&thread);
        connect(&thread, &QThread::finished, backend, &QObject::deleteLater);
        connectBackend(window, backend);
        thread.start();
        const auto stop = qScopeGuard([&] {
            QMetaObject::invokeMethod(backend, "close", Qt::BlockingQueuedConnection);
            thread.quit();
            thread.wait();
        });
        QMetaObject::invokeMethod(backend, [backend, url] { backend->open(url); }, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(window.status().open, 10000);
        {
            auto db = Concord::Store::Database::open(url, QStringLiteral("seed"));
            QVERIFY(db);
            Concord::Store::CustomerRepository repo(**db);
            for (const QString &email : {QStringLiteral("dana@example.com"), QStringLiteral("DANA@example.com"),
                                         QStringLiteral("priya@example.com"), QStringLiteral("kenji@example.com")}) {
                Concord::Domain::Customer c;
                c.givenName = email.startsWith(QLatin1Char('d'), Qt::CaseInsensitive) ? QStringLiteral("Dana")
                                                                                       : email.section(QLatin1Char('@'), 0, 0);
                c.familyName = QStringLiteral("Whitfield");
                c.displayName = c.givenName + QStringLiteral(" Whitfield");
                auto stored = repo.create(c);
                QVERIFY(stored);
                Concord::Domain::ContactPoint p;
                p.customerId = stored->id;
                p.kind = Concord::Domain::ContactKind::Email;
                p.value = email;
                p.normalized = email.toLower();
                p.isPrimary = true;
                QVERIFY(repo.addContact(p));
            }
        }
        CustomersPage *page = window.customersPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->scanButton()->isEnabled(), 10000); // the desktop's user: owner
        QSignalSpy review(page, &CustomersPage::duplicatesRequested);
        page->scanButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 20000);
        QVERIFY2(page->messageText().startsWith(QStringLiteral("Found ")), qPrintable(page->messageText()));
        QVERIFY(page->messageText().contains(QStringLiteral("among 4 clients")));
        QTRY_VERIFY_WITH_TIMEOUT(page->hasDuplicateReview(), 10000);
        QCOMPARE(review.size(), 1);

        // Cancelled before the busy sync thread even starts it: nothing recorded.
        auto release = std::make_shared<QSemaphore>();
        QMetaObject::invokeMethod(backend, [release] { release->acquire(); }, Qt::QueuedConnection);
        page->scanButton()->click();
        page->scanCancelButton()->click();
        release->release();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 20000);
        QCOMPARE(page->messageText(), QStringLiteral("Scan cancelled: nothing was recorded."));
    }

    void render()
    {
        Theme::apply(*qApp);
        CustomersPage page;
        page.resize(1280, 800);
        page.setActor(Role::OfficeManager, QStringLiteral("mona"));
        page.setIdentityMap({});
        page.setDuplicateReview({});
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.scanButton()->click();
        page.showScanProgress(progress(DuplicateScanStage::Scoring, 0.62, 4210));
        QVERIFY(page.grab().save(QDir(renderDir()).filePath(QStringLiteral("hA-customers-scan.png"))));
        page.showScanFinished(report(4210, 12));
        QVERIFY(page.grab().save(QDir(renderDir()).filePath(QStringLiteral("hA-customers-scan-done.png"))));
        page.setActor(Role::Bookkeeper, QStringLiteral("bea"));
        page.scanButton()->click(); // disabled: nothing happens
        QVERIFY(!page.isBusy());
    }
};

QTEST_MAIN(TestCustomersScan)
#include "tst_customersscan.moc"
