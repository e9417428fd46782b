// The main window shell: which pages exist, keyboard navigation, what the
// status bar says for a pushed StoreStatus, the request signals the
// composition root wires to the Backend, the About dialog and translations.
#include "aboutdialog.h"
#include "auditpage.h"
#include "connectionindicator.h"
#include "billingrulespage.h"
#include "customerspage.h"
#include "dashboardpage.h"
#include "invoicespage.h"
#include "mappingspage.h"
#include "settingspage.h"
#include "appointmentspage.h"
#include "mainwindow.h"
#include "retryqueuemodel.h"
#include "retryqueuepage.h"
#include "overviewpage.h"
#include "reportspage.h"
#include "reviewspage.h"
#include "theme.h"
#include "verificationbanner.h"

#include <QAction>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QAbstractButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QPushButton>
#include <QTableView>
#include <QHeaderView>
#include <QSettings>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using Concord::Domain::Connection;
using Concord::Domain::ConnectionState;
using Concord::Domain::System;
using Concord::Services::StoreStatus;
using namespace Concord::Ui;

namespace {

Connection connection(System system, ConnectionState state, const QString &account = {})
{
    Connection c;
    c.system = system;
    c.state = state;
    c.accountLabel = account;
    return c;
}

StoreStatus openStatus()
{
    StoreStatus status;
    status.open = true;
    status.url = QStringLiteral("sqlite:///var/lib/concord/concord.sqlite");
    status.engine = QStringLiteral("SQLite 3.40.1");
    status.schemaVersion = 3;
    status.knownSchemaVersion = 3;
    status.customers = 1250;
    status.appointments = 48;
    status.invoices = 7;
    status.failedJobs = 2;
    status.auditEntries = 10;
    status.users = 3;
    // HubSpot missing on purpose: the store lists only what was ever set up.
    status.connections = { connection(System::QuickBooks, ConnectionState::Connected,
                                      QStringLiteral("Realm 4620")),
                           connection(System::CalCom, ConnectionState::Expired) };
    return status;
}

QAction *menuAction(QMainWindow &window, const QString &menuTitle, const QString &actionText)
{
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->text() != menuTitle || !menu->menu())
            continue;
        for (QAction *action : menu->menu()->actions()) {
            if (action->text() == actionText)
                return action;
        }
    }
    return nullptr;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void onlyWorkingPagesAreListed();
    void shortcutsSwitchPages_data();
    void shortcutsSwitchPages();
    void sidebarClickSwitchesPage();
    void pagesAskForTheirDataWhenShown();
    void dashboardLeadsToTheClientAndTheQueue();
    void statusBarBeforeAnyStatus();
    void statusBarReflectsOpenStore();
    void statusBarReflectsStoreError();
    void errorBeforeOpenBecomesStoreState();
    void errorWhileOpenKeepsStoreState();
    void refreshAndAuditRequests();
    void liveStoreNeedsNoRefreshTimer();
    void reviewScheduleIsAskedForOnceTheStoreIsOpen();
    void auditAnswersReachThePage();
    void aboutDialogOpens();
    void quitClosesWindow();
    void layoutIsRememberedAcrossWindows();
    void syncActivityInWords();
    void retryQueueIsReadWhenShownAndWhenItMoves();
    void billingRulesAreReadWhenShownAndFedToThePage();
    void frenchTranslation();
};

void TestMainWindow::initTestCase()
{
    // As the application does for an English locale: fixed number formatting
    // and the English plural forms (concord_en.ts).
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    auto *english = new QTranslator(this);
    QVERIFY(english->load(QStringLiteral(":/i18n/concord_en.qm")));
    QCoreApplication::installTranslator(english);
}

void TestMainWindow::onlyWorkingPagesAreListed()
{
    MainWindow window;
    const QStringList titles { QStringLiteral("Dashboard"),    QStringLiteral("Customers"),
                               QStringLiteral("Appointments"), QStringLiteral("Invoices"),
                               QStringLiteral("Reports"),      QStringLiteral("Retry queue"),
                               QStringLiteral("Mappings"),     QStringLiteral("Tax and invoicing"),
                               QStringLiteral("Reviews"),      QStringLiteral("Audit log"),
                               QStringLiteral("Settings"),     QStringLiteral("Store") };
    QCOMPARE(window.pageCount(), int(titles.size()));
    QCOMPARE(window.pageTitles(), titles);
    const QList<QWidget *> pages { window.dashboardPage(),  window.customersPage(),    window.appointmentsPage(),
                                   window.invoicesPage(),   window.reportsPage(),      window.retryQueuePage(),
                                   window.mappingsPage(),   window.billingRulesPage(), window.reviewsPage(),
                                   window.auditPage(),      window.settingsPage(),     window.overviewPage() };
    for (int i = 0; i < pages.size(); ++i) {
        QVERIFY2(pages.at(i), qPrintable(titles.at(i)));
        window.setCurrentPage(i);
        QCOMPARE(window.currentPage(), pages.at(i));
        QCOMPARE(window.windowTitle(), titles.at(i));
    }
    window.setCurrentPage(0);
    QCOMPARE(window.currentPage(), static_cast<QWidget *>(window.dashboardPage()));

    // The View menu lists the same pages, Ctrl+1 … Ctrl+9 for the first nine, and nothing more.
    for (int i = 0; i < titles.size(); ++i) {
        QAction *go = menuAction(window, QStringLiteral("&View"), titles.at(i));
        QVERIFY2(go, qPrintable(titles.at(i)));
        QCOMPARE(go->shortcut(), i < 9 ? QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)) : QKeySequence());
    }
    int pageActions = 0;
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->text() == QStringLiteral("&View"))
            pageActions = int(menu->menu()->actions().size());
    }
    QCOMPARE(pageActions, int(titles.size()));
}

void TestMainWindow::shortcutsSwitchPages_data()
{
    QTest::addColumn<QList<int>>("keys");
    QTest::addColumn<int>("page");

    QTest::newRow("Ctrl+2") << QList<int> { Qt::Key_2 } << 1;
    QTest::newRow("Ctrl+2, Ctrl+1") << QList<int> { Qt::Key_2, Qt::Key_1 } << 0;
    QTest::newRow("Ctrl+5") << QList<int> { Qt::Key_5 } << 4;
    QTest::newRow("Ctrl+9") << QList<int> { Qt::Key_9 } << 8;
    // No shortcut for the tenth page: Ctrl+0 leaves the page as it was.
    QTest::newRow("Ctrl+2, Ctrl+0") << QList<int> { Qt::Key_2, Qt::Key_0 } << 1;
}

void TestMainWindow::shortcutsSwitchPages()
{
    QFETCH(QList<int>, keys);
    QFETCH(int, page);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    for (int key : keys)
        QTest::keyClick(&window, Qt::Key(key), Qt::ControlModifier);
    QCOMPARE(window.currentPageIndex(), page);
    QCOMPARE(window.windowTitle(), window.pageTitles().at(page));
}

void TestMainWindow::sidebarClickSwitchesPage()
{
    MainWindow window;
    auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
    QVERIFY(navigation);
    QCOMPARE(navigation->count(), window.pageCount());
    navigation->setCurrentRow(9);
    QCOMPARE(window.currentPage(), window.auditPage());
    window.setCurrentPage(0);
    QCOMPARE(navigation->currentRow(), 0);
    window.setCurrentPage(12); // out of range (pages 0–11): ignored
    QCOMPARE(window.currentPageIndex(), 0);
}

void TestMainWindow::pagesAskForTheirDataWhenShown()
{
    MainWindow window;
    QSignalSpy dashboard(&window, &MainWindow::dashboardRequested);
    QSignalSpy mappings(&window, &MainWindow::mappingsRequested);
    QSignalSpy settings(&window, &MainWindow::settingsRequested);

    // Nothing is asked while the store is closed, even for the page shown.
    window.showPage(window.mappingsPage());
    QCOMPARE(mappings.count(), 0);
    // It is asked for once the store opens (the page is shown), once.
    window.setStatus(openStatus());
    QCOMPARE(mappings.count(), 1);
    Concord::Services::StoreStatus moved = openStatus();
    moved.succeededJobs += 5;
    window.setStatus(moved);
    QCOMPARE(mappings.count(), 1); // a delivery does not change mappings
    // Other pages ask when first shown, not before.
    QCOMPARE(dashboard.count(), 0);
    QCOMPARE(settings.count(), 0);
    window.showPage(window.settingsPage());
    QCOMPARE(settings.count(), 1);
    window.showPage(window.mappingsPage());
    QCOMPARE(mappings.count(), 1); // loaded already, nothing moved
    // A new user makes the settings stale: asked again when shown.
    Concord::Services::StoreStatus withUser = moved;
    withUser.users += 1;
    window.setStatus(withUser);
    QCOMPARE(settings.count(), 1);
    window.showPage(window.settingsPage());
    QCOMPARE(settings.count(), 2);
    // File ▸ Refresh asks for the page shown.
    window.refresh();
    QCOMPARE(settings.count(), 3);
    window.showPage(window.dashboardPage());
    QCOMPARE(dashboard.count(), 1);
    // The dashboard follows the store while shown, at most once per interval:
    // a burst of changes right away asks once more, later.
    Concord::Services::StoreStatus burst = withUser;
    for (int i = 0; i < 3; ++i) {
        burst.succeededJobs += 1;
        window.setStatus(burst);
    }
    QCOMPARE(dashboard.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(dashboard.count(), 2, 10'000);
    QTest::qWait(200);
    QCOMPARE(dashboard.count(), 2);
}

void TestMainWindow::dashboardLeadsToTheClientAndTheQueue()
{
    MainWindow window;
    window.setStatus(openStatus());
    Q_EMIT window.dashboardPage()->clientActivated(QStringLiteral("cus_1"));
    QCOMPARE(window.currentPage(), static_cast<QWidget *>(window.customersPage()));
    QCOMPARE(window.customersPage()->currentTab(), Concord::Ui::CustomersPage::Tab::Clients);
    Q_EMIT window.dashboardPage()->retryQueueRequested();
    QCOMPARE(window.currentPage(), static_cast<QWidget *>(window.retryQueuePage()));
    Q_EMIT window.dashboardPage()->billingRulesRequested();
    QCOMPARE(window.currentPage(), static_cast<QWidget *>(window.billingRulesPage()));

    // A record's link opens through the window's opener.
    QList<QUrl> opened;
    window.setUrlOpener([&opened](const QUrl &url) {
        opened << url;
        return true;
    });
    Q_EMIT window.invoicesPage()->openUrlRequested(QUrl(QStringLiteral("https://app.qbo.intuit.com/app/invoice?txnId=7")));
    QCOMPARE(opened, QList<QUrl> { QUrl(QStringLiteral("https://app.qbo.intuit.com/app/invoice?txnId=7")) });
    window.setUrlOpener([](const QUrl &) { return false; });
    Q_EMIT window.settingsPage()->openUrlRequested(QUrl(QStringLiteral("https://appcenter.intuit.com/connect/oauth2")));
    QVERIFY2(window.statusBar()->currentMessage().startsWith(QStringLiteral("No web browser could open")),
             qPrintable(window.statusBar()->currentMessage()));
}

void TestMainWindow::statusBarBeforeAnyStatus()
{
    MainWindow window;
    QCOMPARE(window.storeStatusText(), QStringLiteral("Opening the store…"));
    for (System system : Concord::Domain::allSystems()) {
        ConnectionIndicator *indicator = window.connectionIndicator(system);
        QVERIFY(indicator);
        QVERIFY(!indicator->state().has_value());
        QVERIFY(indicator->text().endsWith(QStringLiteral(": checking…")));
    }
}

void TestMainWindow::statusBarReflectsOpenStore()
{
    MainWindow window;
    window.setStatus(openStatus());

    QCOMPARE(window.storeStatusText(),
             QStringLiteral("SQLite 3.40.1 · /var/lib/concord/concord.sqlite · schema 3"));

    ConnectionIndicator *quickbooks = window.connectionIndicator(System::QuickBooks);
    QCOMPARE(quickbooks->text(), QStringLiteral("QuickBooks: connected"));
    QCOMPARE(quickbooks->tone(), Theme::Tone::Good);
    QVERIFY(quickbooks->toolTip().contains(QStringLiteral("Realm 4620")));
    ConnectionIndicator *hubspot = window.connectionIndicator(System::HubSpot);
    QCOMPARE(hubspot->text(), QStringLiteral("HubSpot: not configured"));
    QCOMPARE(hubspot->state(), std::optional(ConnectionState::NotConfigured));
    QCOMPARE(hubspot->tone(), Theme::Tone::Neutral);
    ConnectionIndicator *calcom = window.connectionIndicator(System::CalCom);
    QCOMPARE(calcom->text(), QStringLiteral("Cal.com: expired"));
    QCOMPARE(calcom->tone(), Theme::Tone::Bad);

    // The overview shows the same snapshot.
    OverviewPage *overview = window.overviewPage();
    QCOMPARE(overview->storeStateText(), QStringLiteral("Open"));
    QCOMPARE(overview->statText(QStringLiteral("customers")), QStringLiteral("1,250"));
    QCOMPARE(overview->statText(QStringLiteral("failedJobs")), QStringLiteral("2"));
    QCOMPARE(overview->statText(QStringLiteral("pendingJobs")), QStringLiteral("0"));
    QCOMPARE(overview->connectionStateText(System::QuickBooks), QStringLiteral("connected"));
    QCOMPARE(overview->connectionStateText(System::HubSpot), QStringLiteral("not configured"));
    QCOMPARE(overview->connectionStateText(System::CalCom), QStringLiteral("expired"));

    // A store one schema behind what this build knows says so.
    StoreStatus older = openStatus();
    older.schemaVersion = 2;
    window.setStatus(older);
    QCOMPARE(window.storeStatusText(),
             QStringLiteral("SQLite 3.40.1 · /var/lib/concord/concord.sqlite · schema 2"));
}

void TestMainWindow::statusBarReflectsStoreError()
{
    MainWindow window;
    window.setStatus(openStatus());
    StoreStatus failed;
    failed.url = QStringLiteral("sqlite:///var/lib/concord/concord.sqlite");
    failed.error = QStringLiteral("unable to open database file");
    window.setStatus(failed);

    QCOMPARE(window.storeStatusText(),
             QStringLiteral("Store not open: unable to open database file"));
    // With the store closed the connections are unknown again, not "not configured".
    for (System system : Concord::Domain::allSystems()) {
        QVERIFY(!window.connectionIndicator(system)->state().has_value());
        QVERIFY(window.connectionIndicator(system)->text().endsWith(QStringLiteral(": unknown")));
    }
    QCOMPARE(window.overviewPage()->storeStateText(), QStringLiteral("Not open"));
    QCOMPARE(window.overviewPage()->statText(QStringLiteral("customers")), QStringLiteral("–"));
    QCOMPARE(window.overviewPage()->connectionStateText(System::QuickBooks),
             QStringLiteral("unknown"));
}

void TestMainWindow::errorBeforeOpenBecomesStoreState()
{
    MainWindow window;
    window.showError(Concord::Error::make(Concord::ErrorCode::Storage,
                                          QStringLiteral("disk I/O error"),
                                          QStringLiteral("SQLITE_IOERR")));
    QCOMPARE(window.storeStatusText(), QStringLiteral("Store not open: disk I/O error"));
    QCOMPARE(window.overviewPage()->storeStateText(), QStringLiteral("Not open"));
}

void TestMainWindow::errorWhileOpenKeepsStoreState()
{
    MainWindow window;
    window.setStatus(openStatus());
    window.showError(
        Concord::Error::make(Concord::ErrorCode::Storage, QStringLiteral("database is locked")));
    // The store is still open; the error is a message, not the store's state.
    QCOMPARE(window.storeStatusText(),
             QStringLiteral("SQLite 3.40.1 · /var/lib/concord/concord.sqlite · schema 3"));
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("Something went wrong: database is locked"));
}

void TestMainWindow::liveStoreNeedsNoRefreshTimer()
{
    MainWindow window;
    QVERIFY(!window.periodicRefreshActive());
    // SQLite: the window refreshes on its timer.
    window.setStatus(openStatus());
    QVERIFY(window.periodicRefreshActive());

    // Team mode with the change feed listening: no timer, and the status bar says live.
    StoreStatus live = openStatus();
    live.url = QStringLiteral("postgresql://bea@db.example:5432/concord");
    live.engine = QStringLiteral("PostgreSQL 15.18");
    live.teamMode = true;
    live.liveUpdates = StoreStatus::LiveUpdates::Live;
    window.setStatus(live);
    QVERIFY(!window.periodicRefreshActive());
    QVERIFY2(window.storeStatusText().endsWith(QStringLiteral(" · live")), qPrintable(window.storeStatusText()));

    // The feed lost: the store is reported closed, and once reopened without a
    // feed the timer is back.
    StoreStatus lost = live;
    lost.open = false;
    lost.liveUpdates = StoreStatus::LiveUpdates::Lost;
    lost.error = QStringLiteral("the connection to the store was lost");
    window.setStatus(lost);
    QVERIFY(!window.periodicRefreshActive());
    StoreStatus reopened = live;
    reopened.liveUpdates = StoreStatus::LiveUpdates::Lost;
    window.setStatus(reopened);
    QVERIFY(window.periodicRefreshActive());
    QVERIFY(!window.storeStatusText().contains(QStringLiteral("live")));
}

// The schedule feeds the due-review notification, so it is read when the
// store opens whatever page is shown; the Reviews page shown before that asks
// nothing of a closed store (it would only hear "not open").
void TestMainWindow::reviewScheduleIsAskedForOnceTheStoreIsOpen()
{
    MainWindow window;
    QSignalSpy asked(&window, &MainWindow::reviewsRequested);
    window.showPage(window.reviewsPage());
    window.reviewsPage()->refreshButton()->click();
    QCOMPARE(asked.count(), 0);
    window.setStatus(openStatus());
    QCOMPARE(asked.count(), 1);
    window.setStatus(openStatus()); // the same store again: nothing new to announce
    QCOMPARE(asked.count(), 1);
    window.reviewsPage()->refreshButton()->click();
    QCOMPARE(asked.count(), 2);
}

void TestMainWindow::refreshAndAuditRequests()
{
    MainWindow window;
    QSignalSpy refresh(&window, &MainWindow::refreshRequested);
    QSignalSpy audit(&window, &MainWindow::auditRequested);

    // The audit page asks for entries only once it is shown and the store is open.
    window.showPage(window.auditPage());
    QCOMPARE(audit.count(), 0);
    window.setStatus(openStatus());
    QCOMPARE(audit.count(), 1);
    QCOMPARE(audit.at(0).at(0).toInt(), MainWindow::kAuditLimit);
    QCOMPARE(window.auditPage()->countText(), QStringLiteral("Loading…"));

    // Coming back to the page does not reload an up-to-date snapshot …
    window.setCurrentPage(0);
    window.showPage(window.auditPage());
    QCOMPARE(audit.count(), 1);
    // … a status with more entries marks it stale and reloads it …
    StoreStatus more = openStatus();
    more.auditEntries = 11;
    window.setStatus(more);
    QCOMPARE(audit.count(), 2);
    // … and so does the page's Reload button.
    Q_EMIT window.auditPage()->reloadRequested();
    QCOMPARE(audit.count(), 3);

    // File ▸ Refresh (F5) asks for a status, and for entries while on the audit page.
    QAction *refreshAction =
        menuAction(window, QStringLiteral("&File"), QStringLiteral("&Refresh"));
    QVERIFY(refreshAction);
    QCOMPARE(refreshAction->shortcut(), QKeySequence(QKeySequence::Refresh));
    refreshAction->trigger();
    QCOMPARE(refresh.count(), 1);
    QCOMPARE(audit.count(), 4);
    window.setCurrentPage(0);
    refreshAction->trigger();
    QCOMPARE(refresh.count(), 2);
    QCOMPARE(audit.count(), 4);

    // The overview's Refresh button asks too.
    Q_EMIT window.overviewPage()->refreshRequested();
    QCOMPARE(refresh.count(), 3);
}

void TestMainWindow::auditAnswersReachThePage()
{
    MainWindow window;
    QSignalSpy verify(&window, &MainWindow::verifyRequested);
    window.setStatus(openStatus());
    window.showPage(window.auditPage());

    Concord::Security::AuditEntry entry;
    entry.seq = 1;
    entry.at = QDateTime(QDate(2026, 3, 28), QTime(10, 0), Qt::UTC);
    entry.actor = QStringLiteral("system:bootstrap");
    entry.action = QStringLiteral("user.create");
    window.setAuditEntries({ entry });
    QCOMPARE(window.auditPage()->countText(), QStringLiteral("1 entry"));
    QCOMPARE(window.auditPage()->view()->model()->rowCount(), 1);

    window.auditPage()->requestVerification();
    QCOMPARE(verify.count(), 1);
    Concord::Security::AuditVerification result;
    result.entriesChecked = 1;
    window.showAuditVerification(result);
    QVERIFY(window.auditPage()->banner()->text().startsWith(QStringLiteral("Audit chain intact")));
}

void TestMainWindow::aboutDialogOpens()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *about = menuAction(window, QStringLiteral("&Help"), QStringLiteral("&About Concord"));
    QVERIFY(about);
    about->trigger();

    AboutDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<AboutDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->windowTitle(), QStringLiteral("About Concord"));
    QCOMPARE(dialog->versionText(), QStringLiteral("Version " CONCORD_VERSION));
    QVERIFY(dialog->qtText().contains(QString::fromLatin1(qVersion())));
    // A second trigger reuses the open dialog instead of stacking another.
    about->trigger();
    QCOMPARE(window.findChildren<AboutDialog *>().size(), 1);
    dialog->reject();
    QTRY_VERIFY(window.findChildren<AboutDialog *>().isEmpty()); // deleted on close
}

void TestMainWindow::quitClosesWindow()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QAction *quit = menuAction(window, QStringLiteral("&File"), QStringLiteral("&Quit"));
    QVERIFY(quit);
    QCOMPARE(quit->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
    QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
    QVERIFY(!window.isVisible());
}

void TestMainWindow::layoutIsRememberedAcrossWindows()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("layout.ini"));
    QList<int> splitterSizes;
    int columnWidth = 0;
    {
        MainWindow window;
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (int i = 0; i < window.pageCount() && window.currentPage() != window.retryQueuePage(); ++i)
            window.setCurrentPage(i);
        auto *splitter = window.retryQueuePage()->findChild<QSplitter *>(QStringLiteral("retryQueueSplitter"));
        auto *table = window.retryQueuePage()->findChild<QTableView *>(QStringLiteral("retryQueueTable"));
        QVERIFY(splitter && table);
        splitter->setSizes({ 150, 450 });
        splitterSizes = splitter->sizes();
        table->horizontalHeader()->resizeSection(0, 211);
        columnWidth = table->horizontalHeader()->sectionSize(0);
        QSettings settings(file, QSettings::IniFormat);
        window.saveLayout(settings);
    }
    MainWindow restored;
    QSettings settings(file, QSettings::IniFormat);
    QVERIFY(settings.contains(QStringLiteral("layout/retryQueuePage/retryQueueSplitter")));
    QVERIFY(settings.contains(QStringLiteral("layout/retryQueuePage/retryQueueTable.columns")));
    restored.restoreLayout(settings);
    restored.show();
    QVERIFY(QTest::qWaitForWindowExposed(&restored));
    QCOMPARE(restored.currentPage(), static_cast<QWidget *>(restored.retryQueuePage()));
    QCOMPARE(restored.size(), QSize(1000, 700));
    auto *splitter = restored.retryQueuePage()->findChild<QSplitter *>(QStringLiteral("retryQueueSplitter"));
    auto *table = restored.retryQueuePage()->findChild<QTableView *>(QStringLiteral("retryQueueTable"));
    QCOMPARE(splitter->sizes(), splitterSizes);
    QCOMPARE(table->horizontalHeader()->sectionSize(0), columnWidth);

    // Nothing saved (a first start, or another program's file): the defaults stay.
    MainWindow fresh;
    QSettings empty(dir.filePath(QStringLiteral("none.ini")), QSettings::IniFormat);
    fresh.restoreLayout(empty);
    QCOMPARE(fresh.currentPageIndex(), 0);
}

void TestMainWindow::syncActivityInWords()
{
    MainWindow window;
    Concord::Domain::OutboxJob job;
    job.id = 7;
    job.operation = QStringLiteral("hubspot.deal.upsert");
    job.targetSystem = Concord::Domain::System::HubSpot;
    job.entityType = QStringLiteral("appointment");
    job.entityId = QStringLiteral("12");
    window.showSyncActivity(job, true, QStringLiteral("deal 1945 created"));
    const QString done = window.statusBar()->currentMessage();
    QVERIFY2(done.startsWith(QStringLiteral("Done: ")), qPrintable(done));
    QVERIFY2(done.contains(QStringLiteral("Appointment 12")), qPrintable(done));
    // The operation's code name and the engine's remark stay out of it.
    QVERIFY2(!done.contains(QStringLiteral("hubspot.deal.upsert")) && !done.contains(QStringLiteral("1945")),
             qPrintable(done));
    QVERIFY2(done.contains(Concord::Ui::RetryQueueModel::whatText(job)), qPrintable(done));

    window.showSyncActivity(job, false, QStringLiteral("HubSpot refused the data"));
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("Not carried: %1 · Appointment 12: HubSpot refused the data")
                 .arg(Concord::Ui::RetryQueueModel::whatText(job)));
}

void TestMainWindow::retryQueueIsReadWhenShownAndWhenItMoves()
{
    MainWindow window;
    QSignalSpy asked(&window, &MainWindow::retryQueueRequested);
    Concord::Services::StoreStatus status = openStatus();
    window.setStatus(status);
    QCOMPARE(asked.count(), 0); // not shown: not read
    window.showPage(window.retryQueuePage());
    QCOMPARE(window.currentPage(), window.retryQueuePage());
    QCOMPARE(asked.count(), 1);
    window.setStatus(status); // same sizes: nothing new to read
    QCOMPARE(asked.count(), 1);
    status.failedJobs += 1;   // a job just failed: read again
    window.setStatus(status);
    QCOMPARE(asked.count(), 2);
    window.setCurrentPage(0);
    window.showPage(window.retryQueuePage()); // shown again: read fresh
    QCOMPARE(asked.count(), 3);
    Q_EMIT window.retryQueuePage()->refreshRequested();
    QCOMPARE(asked.count(), 4);

    // The role decides what the page offers.
    window.setActor(Concord::Domain::Role::Viewer, QStringLiteral("vic"));
    auto *retry = window.retryQueuePage()->findChild<QAbstractButton *>(QStringLiteral("retryAllButton"));
    QVERIFY(retry);
    QVERIFY(!retry->isEnabled());
}

void TestMainWindow::billingRulesAreReadWhenShownAndFedToThePage()
{
    {
        // Shown before the store is open: asked for once it opens.
        MainWindow early;
        QSignalSpy earlyAsked(&early, &MainWindow::billingRulesRequested);
        early.showPage(early.billingRulesPage());
        QCOMPARE(earlyAsked.count(), 0);
        early.setStatus(openStatus());
        QCOMPARE(earlyAsked.count(), 1);
        early.setStatus(openStatus()); // still waiting for the answer: not asked twice
        QCOMPARE(earlyAsked.count(), 1);
    }
    MainWindow window;
    QSignalSpy asked(&window, &MainWindow::billingRulesRequested);
    window.setStatus(openStatus());
    QCOMPARE(asked.count(), 0);
    window.showPage(window.billingRulesPage());
    QCOMPARE(window.currentPage(), window.billingRulesPage());
    QCOMPARE(asked.count(), 1);
    Q_EMIT window.billingRulesPage()->refreshRequested();
    QCOMPARE(asked.count(), 2);

    Concord::Services::BillingRulesData data;
    Concord::Domain::TaxRule rule;
    rule.id = 7;
    rule.taxCode = QStringLiteral("3");
    data.taxRules = { rule };
    data.taxCodes = { { QStringLiteral("3"), QStringLiteral("New York City") } };
    window.setBillingRules(data);
    QVERIFY(window.billingRulesPage()->hasLoaded());
    auto *view = window.billingRulesPage()->view(Concord::Ui::BillingRulesPage::Section::TaxRules);
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), 1);
    QVERIFY(view->model()->index(0, 1).data().toString().contains(QStringLiteral("New York City")));

    // A bookkeeper may edit; an office manager may not.
    window.setActor(Concord::Domain::Role::Bookkeeper, QStringLiteral("bea"));
    QVERIFY(window.billingRulesPage()->addButton(Concord::Ui::BillingRulesPage::Section::TaxRules)->isEnabled());
    window.setActor(Concord::Domain::Role::OfficeManager, QStringLiteral("olga"));
    QVERIFY(!window.billingRulesPage()->addButton(Concord::Ui::BillingRulesPage::Section::TaxRules)->isEnabled());
}

void TestMainWindow::frenchTranslation()
{
    QTranslator french;
    QVERIFY(french.load(QStringLiteral(":/i18n/concord_fr.qm")));
    QCoreApplication::installTranslator(&french);
    MainWindow window;
    window.setStatus(openStatus());
    QCoreApplication::removeTranslator(&french);

    QCOMPARE(
        window.pageTitles(),
        (QStringList { QStringLiteral("Tableau de bord"), QStringLiteral("Clients"), QStringLiteral("Rendez-vous"),
                       QStringLiteral("Factures"), QStringLiteral("Rapports"), QStringLiteral("File des reprises"), QStringLiteral("Correspondances"),
                       QStringLiteral("Taxes et facturation"), QStringLiteral("Revues"), QStringLiteral("Journal d'audit"),
                       QStringLiteral("Paramètres"), QStringLiteral("Base de données") }));
    QCOMPARE(window.connectionIndicator(System::HubSpot)->text(),
             QStringLiteral("HubSpot\u00a0: non configuré"));
    QVERIFY(menuAction(window, QStringLiteral("&Fichier"), QStringLiteral("&Quitter")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
