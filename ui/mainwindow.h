#pragma once

#include "common/error.h"
#include "domain/operations.h"
#include "domain/system.h"
#include "domain/user.h"
#include "security/auditentry.h"
#include "services/billingrulesdata.h"
#include "services/storestatus.h"

#include <QHash>
#include <QList>
#include <QElapsedTimer>
#include <QMainWindow>

#include <functional>

class QLabel;
class QSettings;
class QListWidget;
class QStackedWidget;
class QTimer;

namespace Concord::Ui {

class AppointmentsPage;
class AuditPage;
class CustomersPage;
class DashboardPage;
class InvoicesPage;
class SettingsPage;
class MappingsPage;
class BillingRulesPage;
class RetryQueuePage;
class ConnectionIndicator;
class OverviewPage;
class SyncBacklogBar;
class ReviewsPage;
class ReconciliationView;
class QuarterlyAuditView;
class ReviewNotifier;
class ChecklistView;
class ReportsPage;

// The shell: a sidebar of pages, the page area, the menus and a status bar
// with the store and the three connections.
//
// Threading: lives on the GUI thread and never touches SQL or the network.
// It asks through its signals (refreshRequested, auditRequested,
// verifyRequested) and is answered through its slots; the composition root
// (app/concord/main.cpp) connects both to Services::Backend on the sync thread
// with queued connections.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // How many of the newest audit entries the audit page asks for; more than
    // a person scrolls through, few enough to load in well under a second.
    static constexpr int kAuditLimit = 1000;
    // Status is re-read this often (ms) while the store is open, so connection
    // states changed by the sync service show without a manual refresh.
    static constexpr int kRefreshIntervalMs = 60'000;

    explicit MainWindow(QWidget *parent = nullptr);

    [[nodiscard]] int pageCount() const;
    [[nodiscard]] QStringList pageTitles() const;
    [[nodiscard]] int currentPageIndex() const;
    [[nodiscard]] QWidget *currentPage() const;
    [[nodiscard]] OverviewPage *overviewPage() const { return m_overview; }
    [[nodiscard]] AuditPage *auditPage() const { return m_audit; }
    // Its action signals go straight to the Backend (composition root).
    [[nodiscard]] RetryQueuePage *retryQueuePage() const { return m_queue; }
    [[nodiscard]] BillingRulesPage *billingRulesPage() const { return m_rules; }
    [[nodiscard]] MappingsPage *mappingsPage() const { return m_mappings; }
    [[nodiscard]] DashboardPage *dashboardPage() const { return m_dashboard; }
    [[nodiscard]] CustomersPage *customersPage() const { return m_customers; }
    [[nodiscard]] AppointmentsPage *appointmentsPage() const { return m_appointments; }
    [[nodiscard]] InvoicesPage *invoicesPage() const { return m_invoices; }
    [[nodiscard]] SettingsPage *settingsPage() const { return m_settings; }
    [[nodiscard]] ReviewsPage *reviewsPage() const { return m_reviews; }
    [[nodiscard]] ReconciliationView *reconciliationView() const { return m_reconciliation; }
    [[nodiscard]] QuarterlyAuditView *quarterlyAuditView() const { return m_quarterly; }
    [[nodiscard]] ReviewNotifier *reviewNotifier() const { return m_reviewNotifier; }
    [[nodiscard]] ChecklistView *checklistView() const { return m_checklist; }
    [[nodiscard]] ReportsPage *reportsPage() const { return m_reports; }
    // The status bar's backlog bar ("Carrying changes: 240 of 603", Pause
    // sync / Resume sync). Its signals go straight to the Backend.
    [[nodiscard]] SyncBacklogBar *syncBacklogBar() const { return m_backlog; }
    // Shows page `page` (a no-op for a page the window does not have).
    void showPage(QWidget *page);
    // Opens a record's page or an OAuth consent page in the browser (tests
    // put their own opener here; it returns whether it opened).
    void setUrlOpener(std::function<bool(const QUrl &)> opener) { m_urlOpener = std::move(opener); }
    [[nodiscard]] QString storeStatusText() const;
    // Whether the window asks for a refresh on its own timer (off while the
    // store's change feed is live: team mode never polls from the GUI).
    [[nodiscard]] bool periodicRefreshActive() const;
    [[nodiscard]] ConnectionIndicator *connectionIndicator(Domain::System system) const;
    [[nodiscard]] const Services::StoreStatus &status() const { return m_status; }

    // The window's layout as the user left it: geometry, the page shown, and
    // the state of every named splitter and table header on every page (so a
    // page only has to give its splitters and views an objectName). Saved
    // under the group "layout"; a layout from another version is ignored
    // field by field (Qt's state blobs carry their own version).
    void saveLayout(QSettings &settings) const;
    void restoreLayout(const QSettings &settings);

public Q_SLOTS:
    void setCurrentPage(int index);
    void setStatus(const Concord::Services::StoreStatus &status);
    void setAuditEntries(const QList<Concord::Security::AuditEntry> &entries);
    void showAuditVerification(const Concord::Security::AuditVerification &result);
    void showError(const Concord::Error &error);
    // One line in the status bar, for a few seconds: what the sync engine
    // just carried, in the retry queue's words ("Create the HubSpot contact ·
    // Customer cus_…"); a failure with its cause in words.
    void showSyncActivity(const Concord::Domain::OutboxJob &job, bool delivered, const QString &note);
    void openUrl(const QUrl &url);
    // The retry queue page has new jobs: a job asked for from a record
    // ("Show in retry queue") is selected now.
    void retryQueueArrived();
    // Who acts from this desktop: what each page offers follows the role.
    void setActor(Concord::Domain::Role role, const QString &username);
    // The tax, discount and invoicing editor's data, from the sync thread.
    void setBillingRules(const Concord::Services::BillingRulesData &data);
    void showAbout();
    // Asks for a fresh status (and, on the audit page, fresh entries).
    void refresh();

Q_SIGNALS:
    void refreshRequested();
    void auditRequested(int limit);
    void verifyRequested();
    // The retry queue page is shown, or the queue changed while it is.
    void retryQueueRequested();
    // The tax, discount and invoicing page is shown (or asks to reload).
    void billingRulesRequested();
    // The mapping editor is shown while the store is open (first time, or
    // after a refresh); its own Reload asks directly.
    void mappingsRequested();
    // The dashboard is shown, asks to refresh, or the store moved while it is.
    void dashboardRequested();
    // The settings page is shown while the store is open (first time, after
    // a refresh, when the users changed); its own actions ask directly.
    void settingsRequested();
    // The review schedule, for the due-review notification: when the store
    // opens and every half hour (the Reviews page asks on its own too).
    void reviewsRequested();

private:
    // How a page gets its data: `request` asks the Backend. It runs when the
    // page is shown while the store is open and the page is stale: never
    // loaded yet, after File ▸ Refresh, or when `moved` says a new status
    // changed what the page shows (then at most once per `minIntervalMs`,
    // and also while the page stays on screen).
    struct Feed {
        std::function<void()> request;
        std::function<bool(const Services::StoreStatus &before, const Services::StoreStatus &after)> moved;
        int minIntervalMs = 0;
        bool stale = true;
        QElapsedTimer lastAsked;
        QTimer *later = nullptr; // a coalesced ask inside minIntervalMs
    };
    void feed(QWidget *page, std::function<void()> request,
              std::function<bool(const Services::StoreStatus &, const Services::StoreStatus &)> moved = {},
              int minIntervalMs = 0);
    void feedIfShown(QWidget *page);
    void addPage(QWidget *page, const QString &iconName, const QString &title);
    QWidget *createSidebar();
    void createMenus();
    void createStatusBar();
    void onPageChanged(int index);
    void requestAuditIfNeeded();
    void requestRetryQueueIfShown();

    Services::StoreStatus m_status;
    // The audit page's snapshot is out of date (never loaded, or the store's
    // entry count moved since); it is reloaded when the page is visible.
    bool m_auditStale = true;
    qint64 m_auditCountAtLoad = -1;

    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QMenu *m_viewMenu = nullptr;
    OverviewPage *m_overview = nullptr;
    AuditPage *m_audit = nullptr;
    RetryQueuePage *m_queue = nullptr;
    BillingRulesPage *m_rules = nullptr;
    MappingsPage *m_mappings = nullptr;
    DashboardPage *m_dashboard = nullptr;
    CustomersPage *m_customers = nullptr;
    std::function<bool(const QUrl &)> m_urlOpener;
    qint64 m_jobToShow = 0; // a record's "Show in retry queue", until the queue is read
    AppointmentsPage *m_appointments = nullptr;
    InvoicesPage *m_invoices = nullptr;
    SettingsPage *m_settings = nullptr;
    SyncBacklogBar *m_backlog = nullptr;
    QHash<QWidget *, Feed> m_feeds;
    bool m_rulesAsked = false; // its data was asked for since the store opened
    // The queue's sizes when it was last read: it is read again when they move.
    std::pair<qint64, qint64> m_queueCountsAtLoad{-1, -1};
    QLabel *m_storeDot = nullptr;
    QLabel *m_storeLabel = nullptr;
    QHash<Domain::System, ConnectionIndicator *> m_indicators;
    QTimer *m_refreshTimer = nullptr;
    ReviewsPage *m_reviews = nullptr;
    ReconciliationView *m_reconciliation = nullptr;
    QuarterlyAuditView *m_quarterly = nullptr;
    ChecklistView *m_checklist = nullptr;
    ReportsPage *m_reports = nullptr;
    ReviewNotifier *m_reviewNotifier = nullptr;
    QTimer *m_reviewTimer = nullptr;
    void announceReview(const QString &title, const QString &message, bool overdue);
};

} // namespace Concord::Ui
