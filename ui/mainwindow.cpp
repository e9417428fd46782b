#include "mainwindow.h"

#include "aboutdialog.h"
#include "auditpage.h"
#include "billingrulespage.h"
#include "retryqueuemodel.h"
#include "retryqueuepage.h"
#include "connectionindicator.h"
#include "appointmentspage.h"
#include "customerspage.h"
#include "dashboardpage.h"
#include "invoicespage.h"
#include "mappingspage.h"
#include "recordspagebase.h"
#include "reportspage.h"
#include "settingspage.h"
#include "overviewpage.h"
#include "checklistview.h"
#include "quarterlyauditview.h"
#include "reconciliationview.h"
#include "reviewnotifier.h"
#include "reviewspage.h"
#include "storestatustext.h"
#include "syncbacklogbar.h"
#include "theme.h"

#include <QAction>
#include <QDesktopServices>
#include <QFrame>
#include <QHeaderView>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QVBoxLayout>

namespace Concord::Ui {

namespace {
// Shortcuts Ctrl+1 … Ctrl+9 reach the first nine pages.
constexpr int kMaxPageShortcuts = 9;
// Error messages stay in the status bar this long (ms): long enough to read twice.
constexpr int kErrorMessageMs = 15'000;
// A connection changed state or account (not merely its last call's time).
bool connectionsMoved(const Services::StoreStatus &before, const Services::StoreStatus &after)
{
    if (before.connections.size() != after.connections.size())
        return true;
    for (qsizetype i = 0; i < after.connections.size(); ++i) {
        const Domain::Connection &a = before.connections.at(i);
        const Domain::Connection &b = after.connections.at(i);
        if (a.system != b.system || a.state != b.state || a.accountLabel != b.accountLabel
            || a.refreshExpiresAt != b.refreshExpiresAt || a.lastError != b.lastError)
            return true;
    }
    return false;
}
// The dashboard follows the sync at most this often (ms) while shown.
constexpr int kDashboardRefreshMs = 5'000;
// The records pages follow the sync at most this often (ms) while shown.
constexpr int kRecordsRefreshMs = 5'000;
// The appointments and invoices pages show what the engine carries.
bool movedRecords(const Services::StoreStatus &before, const Services::StoreStatus &after)
{
    return before.appointments != after.appointments || before.invoices != after.invoices
        || before.succeededJobs != after.succeededJobs || before.failedJobs != after.failedJobs
        || before.openFlags != after.openFlags;
}
// What the sync engine just carried shows this long (ms); the next one replaces it.
constexpr int kActivityMessageMs = 4'000;
// Matches ConnectionIndicator's dots, so the status bar reads as one row.
constexpr int kStatusDotDiameter = 9;
// How often the window reads the review schedule for the due notification:
// reviews fall due by the calendar day, so half an hour is prompt enough.
constexpr int kReviewCheckMs = 30 * 60 * 1000;
// A due review stays in the status bar long enough to be read.
constexpr int kReviewMessageMs = 30'000;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_navigation(new QListWidget)
    , m_pages(new QStackedWidget)
    , m_refreshTimer(new QTimer(this))
{
    Theme::initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(Theme::appIcon());
    setMinimumSize(900, 580);
    resize(1180, 760);

    createMenus();

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createSidebar());
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    // Only pages that work are listed; later features add theirs here.
    // Only pages that work are listed. The daily work comes first, the
    // set-up and the store's own details last.
    m_dashboard = new DashboardPage;
    addPage(m_dashboard, QStringLiteral("dashboard"), tr("Dashboard"));
    // Live while shown: balances move with payments, health with every delivery.
    feed(m_dashboard, [this] { Q_EMIT dashboardRequested(); },
         [](const Services::StoreStatus &, const Services::StoreStatus &) { return true; }, kDashboardRefreshMs);
    m_customers = new CustomersPage;
    addPage(m_customers, QStringLiteral("customers"), tr("Customers"));
    feed(m_customers, [this] { m_customers->requestVisibleData(); },
         [](const Services::StoreStatus &before, const Services::StoreStatus &after) {
             return before.customers != after.customers;
         });
    m_appointments = new AppointmentsPage;
    addPage(m_appointments, QStringLiteral("appointments"), tr("Appointments"));
    feed(m_appointments, [this] { m_appointments->reload(); }, movedRecords, kRecordsRefreshMs);
    m_invoices = new InvoicesPage;
    addPage(m_invoices, QStringLiteral("invoices"), tr("Invoices"));
    feed(m_invoices, [this] { m_invoices->reload(); }, movedRecords, kRecordsRefreshMs);
    // The monthly and aging reports: read when shown, again when billing moves.
    m_reports = new ReportsPage;
    addPage(m_reports, QStringLiteral("reports"), tr("Reports"));
    feed(m_reports, [this] { m_reports->setMonth(m_reports->month()); }, movedRecords,
         kRecordsRefreshMs);
    m_queue = new RetryQueuePage;
    addPage(m_queue, QStringLiteral("queue"), tr("Retry queue"));
    m_mappings = new MappingsPage;
    addPage(m_mappings, QStringLiteral("mappings"), tr("Mappings"));
    feed(m_mappings, [this] { Q_EMIT mappingsRequested(); });
    m_rules = new BillingRulesPage;
    addPage(m_rules, QStringLiteral("rules"), tr("Tax and invoicing"));
    // Maintenance: the review schedule and this week's findings, with the
    // monthly reconciliation, the quarterly audit and the go/no-go
    // checklist as its tabs (product.md §10).
    m_reviews = new ReviewsPage;
    m_reconciliation = new ReconciliationView;
    m_reviews->addReviewSection(m_reconciliation, tr("Monthly reconciliation"));
    m_quarterly = new QuarterlyAuditView;
    m_reviews->addReviewSection(m_quarterly, tr("Quarterly audit"));
    m_checklist = new ChecklistView;
    m_reviews->addReviewSection(m_checklist, tr("Go/no-go checklist"));
    addPage(m_reviews, QStringLiteral("reviews"), tr("Reviews"));
    m_audit = new AuditPage;
    addPage(m_audit, QStringLiteral("audit"), tr("Audit log"));
    m_settings = new SettingsPage;
    addPage(m_settings, QStringLiteral("settings"), tr("Settings"));
    feed(m_settings, [this] { Q_EMIT settingsRequested(); },
         [](const Services::StoreStatus &before, const Services::StoreStatus &after) {
             return before.users != after.users || connectionsMoved(before, after);
         });
    m_overview = new OverviewPage;
    addPage(m_overview, QStringLiteral("store"), tr("Store"));

    createStatusBar();

    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::onPageChanged);
    connect(m_overview, &OverviewPage::refreshRequested, this, &MainWindow::refresh);
    connect(m_dashboard, &DashboardPage::refreshRequested, this, &MainWindow::dashboardRequested);
    connect(m_dashboard, &DashboardPage::clientActivated, this, [this](const QString &customerId) {
        showPage(m_customers);
        m_customers->showClient(customerId);
    });
    connect(m_dashboard, &DashboardPage::retryQueueRequested, this, [this] { showPage(m_queue); });
    connect(m_dashboard, &DashboardPage::billingRulesRequested, this, [this] { showPage(m_rules); });
    // "Show in retry queue" from a record: the job is selected once the queue is read.
    const auto showJob = [this](qint64 jobId) {
        showPage(m_queue);
        m_jobToShow = jobId;
        if (m_queue->selectJob(jobId))
            m_jobToShow = 0;
    };
    connect(m_appointments, &AppointmentsPage::retryQueueRequested, this, showJob);
    // "Open in HubSpot / QuickBooks / Cal.com", and the OAuth consent page.
    for (auto *page : {static_cast<RecordsPageBase *>(m_appointments), static_cast<RecordsPageBase *>(m_invoices)})
        connect(page, &RecordsPageBase::openUrlRequested, this, &MainWindow::openUrl);
    connect(m_settings, &SettingsPage::openUrlRequested, this, &MainWindow::openUrl);
    connect(m_invoices, &InvoicesPage::retryQueueRequested, this, showJob);
    connect(m_audit, &AuditPage::reloadRequested, this, [this] {
        m_auditStale = true;
        requestAuditIfNeeded();
    });
    connect(m_audit, &AuditPage::verifyRequested, this, &MainWindow::verifyRequested);
    connect(m_rules, &BillingRulesPage::refreshRequested, this, &MainWindow::billingRulesRequested);
    connect(m_queue, &RetryQueuePage::refreshRequested, this, [this] {
        m_queueCountsAtLoad = {-1, -1};
        requestRetryQueueIfShown();
    });

    // The Reviews page asks when first shown and on Refresh; a page shown
    // before the store opened is answered when it opens (setStatus).
    connect(m_reviews, &ReviewsPage::loadRequested, this, [this] {
        if (m_status.open)
            Q_EMIT reviewsRequested();
    });
    m_reviewNotifier = new ReviewNotifier(this);
    connect(m_reviewNotifier, &ReviewNotifier::reviewAnnounced, this,
            [this](Domain::ReviewCadence, const QString &title, const QString &message, bool overdue) {
                announceReview(title, message, overdue);
            });
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        auto *tray = new QSystemTrayIcon(Theme::appIcon(), this);
        tray->setObjectName(QStringLiteral("reviewTray"));
        tray->setToolTip(QStringLiteral("Concord"));
        connect(tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showPage(m_reviews);
            raise();
            activateWindow();
        });
        tray->show();
        m_reviewNotifier->setTrayIcon(tray);
    }
    m_reviewTimer = new QTimer(this);
    m_reviewTimer->setInterval(kReviewCheckMs);
    connect(m_reviewTimer, &QTimer::timeout, this, [this] {
        if (m_status.open)
            Q_EMIT reviewsRequested();
    });
    m_reviewTimer->start();

    m_refreshTimer->setInterval(kRefreshIntervalMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &MainWindow::refreshRequested);

    setCurrentPage(0);
}

namespace {

// "<page>/<widget>" for every named splitter and header below `page`; a
// header is named after its view when it has no name of its own.
template<typename Visit>
void forEachLayoutPart(QWidget *page, Visit visit)
{
    const QString prefix = page->objectName() + QLatin1Char('/');
    for (QSplitter *splitter : page->findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            visit(prefix + splitter->objectName(), splitter);
    }
    for (QHeaderView *header : page->findChildren<QHeaderView *>()) {
        QString name = header->objectName();
        if (name.isEmpty() && header->parentWidget() && !header->parentWidget()->objectName().isEmpty())
            name = header->parentWidget()->objectName()
                + (header->orientation() == Qt::Horizontal ? QStringLiteral(".columns") : QStringLiteral(".rows"));
        if (!name.isEmpty())
            visit(prefix + name, header);
    }
}

} // namespace

void MainWindow::saveLayout(QSettings &settings) const
{
    settings.beginGroup(QStringLiteral("layout"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("page"), currentPageIndex());
    for (int i = 0; i < m_pages->count(); ++i) {
        forEachLayoutPart(m_pages->widget(i), [&settings](const QString &key, auto *part) {
            settings.setValue(key, part->saveState());
        });
    }
    settings.endGroup();
}

void MainWindow::restoreLayout(const QSettings &settings)
{
    const QString group = QStringLiteral("layout/");
    const auto value = [&](const QString &key) { return settings.value(group + key); };
    if (const QByteArray geometry = value(QStringLiteral("geometry")).toByteArray(); !geometry.isEmpty())
        restoreGeometry(geometry);
    if (const QByteArray state = value(QStringLiteral("state")).toByteArray(); !state.isEmpty())
        restoreState(state);
    for (int i = 0; i < m_pages->count(); ++i) {
        forEachLayoutPart(m_pages->widget(i), [&value](const QString &key, auto *part) {
            if (const QByteArray state = value(key).toByteArray(); !state.isEmpty())
                part->restoreState(state);
        });
    }
    bool ok = false;
    const int page = value(QStringLiteral("page")).toInt(&ok);
    if (ok && page >= 0 && page < pageCount())
        setCurrentPage(page);
}

QWidget *MainWindow::createSidebar()
{
    auto *sidebar = new QFrame;
    sidebar->setObjectName(QStringLiteral("sidebar"));
    sidebar->setFixedWidth(216);

    auto *logo = new QLabel(sidebar);
    logo->setPixmap(Theme::appIcon().pixmap(32, 32));
    auto *name = new QLabel(QStringLiteral("Concord"), sidebar);
    name->setObjectName(QStringLiteral("sidebarTitle"));
    auto *brand = new QHBoxLayout;
    brand->setContentsMargins(6, 0, 0, 0);
    brand->setSpacing(10);
    brand->addWidget(logo);
    brand->addWidget(name, 1);

    m_navigation->setParent(sidebar);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setSpacing(1);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *footer = new QLabel(tr("Version %1").arg(QStringLiteral(CONCORD_VERSION)), sidebar);
    footer->setObjectName(QStringLiteral("sidebarFooter"));

    auto *layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(14, 20, 14, 14);
    layout->setSpacing(18);
    layout->addLayout(brand);
    layout->addWidget(m_navigation, 1);
    layout->addWidget(footer);
    return sidebar;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *refreshAction =
        file->addAction(Theme::icon(QStringLiteral("refresh")), tr("&Refresh"));
    refreshAction->setShortcut(QKeySequence::Refresh);
    connect(refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    // Filled by addPage() with one entry per page (and its Ctrl+N shortcut).
    m_viewMenu = menuBar()->addMenu(tr("&View"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Concord"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createStatusBar()
{
    QStatusBar *bar = statusBar();
    bar->setSizeGripEnabled(false);

    auto *store = new QWidget(bar);
    auto *storeLayout = new QHBoxLayout(store);
    storeLayout->setContentsMargins(10, 3, 8, 3);
    storeLayout->setSpacing(6);
    m_storeDot = new QLabel(store);
    m_storeLabel = new QLabel(store);
    m_storeLabel->setObjectName(QStringLiteral("storeStatus"));
    m_storeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_storeLabel->setMinimumWidth(120);
    storeLayout->addWidget(m_storeDot);
    storeLayout->addWidget(m_storeLabel, 1);
    bar->addWidget(store, 1);

    m_storeDot->setPixmap(Theme::dot(Theme::Tone::Info, kStatusDotDiameter));
    m_storeLabel->setText(tr("Opening the store…"));

    // Permanent, so the "Done: …" messages of each delivery never hide it.
    m_backlog = new SyncBacklogBar(bar);
    bar->addPermanentWidget(m_backlog);

    for (Domain::System system : Domain::allSystems()) {
        auto *indicator = new ConnectionIndicator(system, bar);
        m_indicators.insert(system, indicator);
        bar->addPermanentWidget(indicator);
    }
}

void MainWindow::addPage(QWidget *page, const QString &iconName, const QString &title)
{
    // The page's name keys its saved layout (saveLayout), so it must not
    // follow the translated title.
    if (page->objectName().isEmpty())
        page->setObjectName(iconName + QStringLiteral("Page"));
    const int index = m_pages->addWidget(page);
    auto *item = new QListWidgetItem(Theme::icon(iconName), title, m_navigation);
    item->setSizeHint(QSize(0, m_navigation->fontMetrics().height() + 22));

    QAction *go = m_viewMenu->addAction(Theme::icon(iconName), title);
    if (index < kMaxPageShortcuts)
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
    connect(go, &QAction::triggered, this, [this, index] { setCurrentPage(index); });
    item->setToolTip(
        go->shortcut().isEmpty()
            ? title
            : tr("%1 (%2)").arg(title, go->shortcut().toString(QKeySequence::NativeText)));
}

int MainWindow::pageCount() const
{
    return m_pages->count();
}

QStringList MainWindow::pageTitles() const
{
    QStringList titles;
    for (int row = 0; row < m_navigation->count(); ++row)
        titles << m_navigation->item(row)->text();
    return titles;
}

int MainWindow::currentPageIndex() const
{
    return m_pages->currentIndex();
}

QWidget *MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

bool MainWindow::periodicRefreshActive() const
{
    return m_refreshTimer->isActive();
}

QString MainWindow::storeStatusText() const
{
    return m_storeLabel->text();
}

ConnectionIndicator *MainWindow::connectionIndicator(Domain::System system) const
{
    return m_indicators.value(system);
}

void MainWindow::openUrl(const QUrl &url)
{
    if (m_urlOpener ? m_urlOpener(url) : QDesktopServices::openUrl(url))
        return;
    //: Status bar: no web browser could be started; the address can be copied by hand
    statusBar()->showMessage(tr("No web browser could open %1").arg(url.toString()), kErrorMessageMs);
}

void MainWindow::retryQueueArrived()
{
    if (m_jobToShow != 0 && m_queue->selectJob(m_jobToShow))
        m_jobToShow = 0;
}

void MainWindow::showPage(QWidget *page)
{
    setCurrentPage(m_pages->indexOf(page));
}

void MainWindow::setCurrentPage(int index)
{
    if (index < 0 || index >= m_pages->count())
        return;
    // The sidebar drives the stack, so both shortcut and click take one path.
    if (m_navigation->currentRow() != index)
        m_navigation->setCurrentRow(index);
    else
        onPageChanged(index);
}

void MainWindow::onPageChanged(int index)
{
    if (index < 0)
        return;
    m_pages->setCurrentIndex(index);
    setWindowTitle(m_navigation->item(index)->text());
    requestAuditIfNeeded();
    if (m_pages->currentWidget() == m_queue)
        m_queueCountsAtLoad = {-1, -1}; // shown again: read it fresh
    requestRetryQueueIfShown();
    if (m_status.open && m_pages->currentWidget() == m_rules) {
        m_rulesAsked = true;
        Q_EMIT billingRulesRequested();
    }
    feedIfShown(m_pages->currentWidget());
}

void MainWindow::feed(QWidget *page, std::function<void()> request,
                      std::function<bool(const Services::StoreStatus &, const Services::StoreStatus &)> moved,
                      int minIntervalMs)
{
    Feed f;
    f.request = std::move(request);
    f.moved = std::move(moved);
    f.minIntervalMs = minIntervalMs;
    if (minIntervalMs > 0) {
        f.later = new QTimer(this);
        f.later->setSingleShot(true);
        connect(f.later, &QTimer::timeout, this, [this, page] { feedIfShown(page); });
    }
    m_feeds.insert(page, std::move(f));
}

void MainWindow::feedIfShown(QWidget *page)
{
    auto it = m_feeds.find(page);
    if (it == m_feeds.end() || !m_status.open || !it->stale || m_pages->currentWidget() != page)
        return;
    if (it->minIntervalMs > 0 && it->lastAsked.isValid() && it->lastAsked.elapsed() < it->minIntervalMs) {
        if (!it->later->isActive())
            it->later->start(int(it->minIntervalMs - it->lastAsked.elapsed()));
        return;
    }
    it->stale = false;
    it->lastAsked.start();
    it->request();
}

void MainWindow::setBillingRules(const Services::BillingRulesData &data)
{
    BillingRulesSnapshot snapshot;
    snapshot.taxRules = data.taxRules;
    snapshot.discountRules = data.discountRules;
    snapshot.invoicePolicies = data.invoicePolicies;
    snapshot.services = data.services;
    for (const auto &[id, name] : data.taxCodes)
        snapshot.taxCodes.append({id, name});
    for (const auto &[id, name] : data.customers)
        snapshot.customers.append({id, name});
    snapshot.currency = data.currency;
    m_rules->setData(snapshot);
}

void MainWindow::requestRetryQueueIfShown()
{
    const std::pair<qint64, qint64> counts{m_status.pendingJobs, m_status.failedJobs};
    if (!m_status.open || m_pages->currentWidget() != m_queue || counts == m_queueCountsAtLoad)
        return;
    m_queueCountsAtLoad = counts;
    m_queue->setLoading();
    Q_EMIT retryQueueRequested();
}

void MainWindow::setActor(Domain::Role role, const QString &username)
{
    m_queue->setRole(role);
    m_rules->setRole(role);
    m_mappings->setActor(role, username);
    m_customers->setActor(role, username);
    m_dashboard->setRole(role);
    m_appointments->setRole(role);
    m_invoices->setRole(role);
    m_settings->setActor(role, username);
    m_backlog->setRole(role);
    m_reviews->setActor(role, username);
    m_reconciliation->setActor(role, username);
    m_quarterly->setActor(role, username);
    m_checklist->setActor(role, username);
    m_navigation->setToolTip(tr("Signed in as %1").arg(username));
}

// A review fell due: said in the status bar for everyone; the notifier also
// shows it as a desktop notification where the desktop has a notification
// area (the tray icon made in the constructor).
void MainWindow::announceReview(const QString &title, const QString &message, bool)
{
    statusBar()->showMessage(title + QStringLiteral(" — ") + message, kReviewMessageMs);
}

void MainWindow::refresh()
{
    for (Feed &f : m_feeds)
        f.stale = true;
    feedIfShown(m_pages->currentWidget());
    Q_EMIT refreshRequested();
    m_auditStale = true;
    requestAuditIfNeeded();
}

void MainWindow::requestAuditIfNeeded()
{
    if (!m_status.open || !m_auditStale || m_pages->currentWidget() != m_audit)
        return;
    m_auditStale = false;
    m_auditCountAtLoad = m_status.auditEntries;
    m_audit->setLoading();
    Q_EMIT auditRequested(kAuditLimit);
}

void MainWindow::setStatus(const Services::StoreStatus &status)
{
    const Services::StoreStatus before = std::exchange(m_status, status);
    // Another store (or the same one reopened) makes every page stale.
    const bool reopened = status.open != before.open || status.url != before.url;
    for (Feed &f : m_feeds) {
        if (reopened || (f.moved && f.moved(before, status)))
            f.stale = true;
    }

    m_storeDot->setPixmap(
        Theme::dot(status.open ? Theme::Tone::Good : Theme::Tone::Bad, kStatusDotDiameter));
    m_storeLabel->setText(StoreStatusText::summary(status));
    m_storeLabel->setToolTip(status.open ? tr("Store: %1").arg(status.url) : status.error);

    for (Domain::System system : Domain::allSystems()) {
        ConnectionIndicator *indicator = m_indicators.value(system);
        if (!status.open) {
            indicator->setUnknown();
            continue;
        }
        indicator->setConnection(ConnectionIndicator::find(status.connections, system));
    }
    m_overview->setStatus(status);
    m_audit->setStoreOpen(status.open);
    m_queue->setStoreOpen(status.open);
    // Team mode is the PostgreSQL store: new people there need a password.
    m_settings->setTeamMode(status.open && status.teamMode);
    requestRetryQueueIfShown();
    // A review due on this store is announced as soon as it is open.
    if (status.open && reopened)
        Q_EMIT reviewsRequested();
    // Shown before the store opened (a --page at start): ask once it is.
    if (status.open && m_pages->currentWidget() == m_rules && !m_rules->hasLoaded() && !m_rulesAsked) {
        m_rulesAsked = true;
        Q_EMIT billingRulesRequested();
    }

    // Team mode: the store's change feed re-reads what changed, so the window
    // asks for nothing on a timer (no polling the database from the GUI).
    const bool live = status.liveUpdates == Services::StoreStatus::LiveUpdates::Live;
    if (status.open && live)
        m_refreshTimer->stop();
    if (status.open) {
        if (!live && !m_refreshTimer->isActive())
            m_refreshTimer->start();
        if (status.auditEntries != m_auditCountAtLoad)
            m_auditStale = true;
        requestAuditIfNeeded();
        feedIfShown(m_pages->currentWidget());
    } else {
        m_refreshTimer->stop();
    }
}

void MainWindow::setAuditEntries(const QList<Security::AuditEntry> &entries)
{
    m_audit->setEntries(entries, kAuditLimit);
}

void MainWindow::showAuditVerification(const Security::AuditVerification &result)
{
    m_audit->showVerification(result);
}

void MainWindow::showSyncActivity(const Domain::OutboxJob &job, bool delivered, const QString &note)
{
    const QString what = RetryQueueModel::whatText(job);
    const QString record = RetryQueueModel::recordText(job);
    if (delivered) {
        // The engine's note ("deal 1945 created") is for the log.
        //: Status bar: a change the sync engine carried, "<what> · <record>"
        statusBar()->showMessage(tr("Done: %1 · %2").arg(what, record), kActivityMessageMs);
    } else {
        //: Status bar: a change not carried, "<what> · <record>: <cause in words>"
        statusBar()->showMessage(tr("Not carried: %1 · %2: %3").arg(what, record, note), kErrorMessageMs);
    }
}

void MainWindow::showError(const Error &error)
{
    if (!m_status.open) {
        // Nothing works without the store, so its failure is the state to show
        // everywhere, not a passing message.
        Services::StoreStatus failed = m_status;
        failed.error = error.message;
        setStatus(failed);
        if (!error.detail.isEmpty())
            m_storeLabel->setToolTip(QStringLiteral("%1\n%2").arg(error.message, error.detail));
    } else {
        statusBar()->showMessage(tr("Something went wrong: %1").arg(error.message),
                                 kErrorMessageMs);
    }
    m_audit->showError(error.message);
}

void MainWindow::showAbout()
{
    auto *dialog = findChild<AboutDialog *>();
    if (!dialog) {
        dialog = new AboutDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    // open(), not exec(): window-modal without a nested event loop.
    dialog->open();
    dialog->raise();
    dialog->activateWindow();
}

} // namespace Concord::Ui
