#include "mainwindow.h"

#include "aboutdialog.h"
#include "auditpage.h"
#include "billingrulespage.h"
#include "retryqueuemodel.h"
#include "retryqueuepage.h"
#include "connectionindicator.h"
#include "overviewpage.h"
#include "storestatustext.h"
#include "theme.h"

#include <QAction>
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
#include <QTimer>
#include <QVBoxLayout>

namespace Concord::Ui {

namespace {
// Shortcuts Ctrl+1 … Ctrl+9 reach the first nine pages.
constexpr int kMaxPageShortcuts = 9;
// Error messages stay in the status bar this long (ms): long enough to read twice.
constexpr int kErrorMessageMs = 15'000;
// What the sync engine just carried shows this long (ms); the next one replaces it.
constexpr int kActivityMessageMs = 4'000;
// Matches ConnectionIndicator's dots, so the status bar reads as one row.
constexpr int kStatusDotDiameter = 9;
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
    m_overview = new OverviewPage;
    addPage(m_overview, QStringLiteral("overview"), tr("Overview"));
    m_audit = new AuditPage;
    addPage(m_audit, QStringLiteral("audit"), tr("Audit log"));
    m_queue = new RetryQueuePage;
    addPage(m_queue, QStringLiteral("queue"), tr("Retry queue"));
    m_rules = new BillingRulesPage;
    addPage(m_rules, QStringLiteral("rules"), tr("Tax and invoicing"));

    createStatusBar();

    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::onPageChanged);
    connect(m_overview, &OverviewPage::refreshRequested, this, &MainWindow::refresh);
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

QString MainWindow::storeStatusText() const
{
    return m_storeLabel->text();
}

ConnectionIndicator *MainWindow::connectionIndicator(Domain::System system) const
{
    return m_indicators.value(system);
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
    m_navigation->setToolTip(tr("Signed in as %1").arg(username));
}

void MainWindow::refresh()
{
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
    m_status = status;

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
    requestRetryQueueIfShown();
    // Shown before the store opened (a --page at start): ask once it is.
    if (status.open && m_pages->currentWidget() == m_rules && !m_rules->hasLoaded() && !m_rulesAsked) {
        m_rulesAsked = true;
        Q_EMIT billingRulesRequested();
    }

    if (status.open) {
        if (!m_refreshTimer->isActive())
            m_refreshTimer->start();
        if (status.auditEntries != m_auditCountAtLoad)
            m_auditStale = true;
        requestAuditIfNeeded();
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
