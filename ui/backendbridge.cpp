#include "backendbridge.h"

#include "billingrulespage.h"
#include "mainwindow.h"
#include "appointmentspage.h"
#include "customerspage.h"
#include "dashboardpage.h"
#include "invoicespage.h"
#include "mappingspage.h"
#include "settingspage.h"
#include "retryqueuepage.h"
#include "checklistview.h"
#include "quarterlyauditview.h"
#include "reconciliationview.h"
#include "reportspage.h"
#include "reviewnotifier.h"
#include "reviewspage.h"
#include "syncbacklogbar.h"
#include "services/backend.h"

#include <QStatusBar>

namespace Concord::Ui {

using Services::Backend;

void connectBackend(MainWindow &window, Backend *backend)
{
    // Answers: Backend (sync thread) → window (GUI thread).
    QObject::connect(backend, &Backend::opened, &window, &MainWindow::setStatus,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::statusChanged, &window, &MainWindow::setStatus,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::auditLoaded, &window, &MainWindow::setAuditEntries,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::auditVerified, &window, &MainWindow::showAuditVerification,
                     Qt::QueuedConnection);
    // What the sync engine just carried, for a few seconds in the status bar.
    QObject::connect(backend, &Backend::syncActivity, &window, &MainWindow::showSyncActivity,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::errorOccurred, &window, &MainWindow::showError,
                     Qt::QueuedConnection);
    // Requests: window (GUI thread) → Backend (sync thread).
    QObject::connect(&window, &MainWindow::refreshRequested, backend, &Backend::refreshStatus,
                     Qt::QueuedConnection);
    QObject::connect(&window, &MainWindow::auditRequested, backend, &Backend::loadAudit,
                     Qt::QueuedConnection);
    QObject::connect(&window, &MainWindow::verifyRequested, backend, &Backend::verifyAudit,
                     Qt::QueuedConnection);
    // The retry queue: the page asks, the Backend acts as the desktop's user.
    auto *queue = window.retryQueuePage();
    QObject::connect(backend, &Backend::actorChanged, &window, &MainWindow::setActor, Qt::QueuedConnection);
    QObject::connect(&window, &MainWindow::retryQueueRequested, backend, &Backend::loadRetryQueue,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::retryQueueClientNames, queue, &RetryQueuePage::setClientNames,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::retryQueueLoaded, queue, &RetryQueuePage::setJobs,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::retryQueueLoaded, &window, &MainWindow::retryQueueArrived,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::retryOutcomes, queue, &RetryQueuePage::showRetryOutcomes,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::retryQueueDone, queue, &RetryQueuePage::showDone,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::retryQueueFailed, queue, &RetryQueuePage::showError,
                     Qt::QueuedConnection);
    QObject::connect(queue, &RetryQueuePage::retryRequested, backend, &Backend::retryJobs,
                     Qt::QueuedConnection);
    QObject::connect(queue, &RetryQueuePage::overrideRequested, backend, &Backend::overrideJob,
                     Qt::QueuedConnection);
    QObject::connect(queue, &RetryQueuePage::linkRequested, backend, &Backend::linkJob,
                     Qt::QueuedConnection);
    QObject::connect(queue, &RetryQueuePage::dismissRequested, backend, &Backend::dismissJob,
                     Qt::QueuedConnection);
    // Tax, discounts and invoicing: the same round trip, as the bookkeeper.
    auto *rules = window.billingRulesPage();
    
    QObject::connect(&window, &MainWindow::billingRulesRequested, backend, &Backend::loadBillingRules,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::billingRulesLoaded, &window, &MainWindow::setBillingRules,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::billingRulesFailed, rules, &BillingRulesPage::showError, Qt::QueuedConnection);
    QObject::connect(rules, &BillingRulesPage::saveTaxRuleRequested, backend, &Backend::saveTaxRule,
                     Qt::QueuedConnection);
    QObject::connect(rules, &BillingRulesPage::deleteTaxRuleRequested, backend, &Backend::deleteTaxRule,
                     Qt::QueuedConnection);
    QObject::connect(rules, &BillingRulesPage::saveDiscountRuleRequested, backend, &Backend::saveDiscountRule,
                     Qt::QueuedConnection);
    QObject::connect(rules, &BillingRulesPage::deleteDiscountRuleRequested, backend, &Backend::deleteDiscountRule,
                     Qt::QueuedConnection);
    QObject::connect(rules, &BillingRulesPage::saveInvoicePolicyRequested, backend, &Backend::saveInvoicePolicy,
                     Qt::QueuedConnection);
    QObject::connect(rules, &BillingRulesPage::deleteInvoicePolicyRequested, backend, &Backend::deleteInvoicePolicy,
                     Qt::QueuedConnection);

    // Field and status mappings: one batch per Apply, as the desktop's user.
    auto *mappings = window.mappingsPage();
    QObject::connect(&window, &MainWindow::mappingsRequested, backend, &Backend::loadMappings, Qt::QueuedConnection);
    QObject::connect(mappings, &MappingsPage::reloadRequested, backend, &Backend::loadMappings, Qt::QueuedConnection);
    QObject::connect(mappings, &MappingsPage::applyRequested, backend, &Backend::applyMappings, Qt::QueuedConnection);
    QObject::connect(backend, &Backend::mappingsLoaded, mappings, &MappingsPage::setData, Qt::QueuedConnection);
    QObject::connect(backend, &Backend::mappingsApplied, mappings, &MappingsPage::showApplied, Qt::QueuedConnection);
    QObject::connect(backend, &Backend::mappingsFailed, mappings, &MappingsPage::showFailure, Qt::QueuedConnection);

    // The dashboard.
    auto *dashboard = window.dashboardPage();
    QObject::connect(&window, &MainWindow::dashboardRequested, backend, &Backend::loadDashboard, Qt::QueuedConnection);
    QObject::connect(backend, &Backend::dashboardLoaded, dashboard, &DashboardPage::setData, Qt::QueuedConnection);
    QObject::connect(backend, &Backend::dashboardFailed, dashboard, &DashboardPage::showFailure, Qt::QueuedConnection);

    // Customers and duplicates: the page asks for its tabs' data itself and
    // reads them again after each command's answer.
    auto *customers = window.customersPage();
    QObject::connect(customers, &CustomersPage::identityMapRequested, backend, &Backend::loadIdentityMap,
                     Qt::QueuedConnection);
    QObject::connect(customers, &CustomersPage::duplicatesRequested, backend, &Backend::loadDuplicateReview,
                     Qt::QueuedConnection);
    QObject::connect(customers, &CustomersPage::proposeRequested, backend, &Backend::proposeMerge,
                     Qt::QueuedConnection);
    QObject::connect(customers, &CustomersPage::decisionRequested, backend, &Backend::decideMerge,
                     Qt::QueuedConnection);
    QObject::connect(customers, &CustomersPage::undoRequested, backend, &Backend::undoMerge, Qt::QueuedConnection);
    QObject::connect(backend, &Backend::identityMapLoaded, customers, &CustomersPage::setIdentityMap,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::duplicateReviewLoaded, customers, &CustomersPage::setDuplicateReview,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::customersDone, customers, &CustomersPage::showDone, Qt::QueuedConnection);
    QObject::connect(backend, &Backend::customersFailed, customers, &CustomersPage::showFailure,
                     Qt::QueuedConnection);
    // The duplicate scan blocks the sync thread while it runs, so the page's
    // Cancel cannot be a queued request: it calls the Backend's thread-safe
    // cancelLongWork() from the GUI thread, and the scan is asked for through
    // requestDuplicateScan() so a Cancel before it starts counts too.
    QObject::connect(customers, &CustomersPage::scanRequested, customers,
                     [backend] { backend->requestDuplicateScan(); });
    QObject::connect(customers, &CustomersPage::scanCancelRequested, customers,
                     [backend] { backend->cancelLongWork(); });
    QObject::connect(backend, &Backend::duplicateScanProgress, customers, &CustomersPage::showScanProgress,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::duplicateScanFinished, customers, &CustomersPage::showScanFinished,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::duplicateScanFailed, customers, &CustomersPage::showFailure,
                     Qt::QueuedConnection);

    // The backlog bar in the status bar: what the engine still carries, and
    // Pause / Resume as the desktop's user.
    auto *backlog = window.syncBacklogBar();
    QObject::connect(backend, &Backend::syncBacklogChanged, backlog, &SyncBacklogBar::setBacklog,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::syncControlFailed, backlog, &SyncBacklogBar::showFailure,
                     Qt::QueuedConnection);
    QObject::connect(backlog, &SyncBacklogBar::pauseRequested, backend, &Backend::pauseSync, Qt::QueuedConnection);
    QObject::connect(backlog, &SyncBacklogBar::resumeRequested, backend, &Backend::resumeSync, Qt::QueuedConnection);

    // Appointments and invoices across the three systems.
    auto *appointments = window.appointmentsPage();
    auto *invoices = window.invoicesPage();
    QObject::connect(appointments, &AppointmentsPage::reloadRequested, backend, &Backend::loadAppointments,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::appointmentsLoaded, appointments, &AppointmentsPage::setData,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::appointmentsFailed, appointments, &AppointmentsPage::showFailure,
                     Qt::QueuedConnection);
    QObject::connect(invoices, &InvoicesPage::reloadRequested, backend, &Backend::loadInvoices, Qt::QueuedConnection);
    QObject::connect(backend, &Backend::invoicesLoaded, invoices, &InvoicesPage::setData, Qt::QueuedConnection);
    QObject::connect(backend, &Backend::invoicesFailed, invoices, &InvoicesPage::showFailure, Qt::QueuedConnection);

    // Settings: connections, base URLs, users and roles.
    auto *settings = window.settingsPage();
    QObject::connect(&window, &MainWindow::settingsRequested, backend, &Backend::loadSettings, Qt::QueuedConnection);
    QObject::connect(settings, &SettingsPage::reloadRequested, backend, &Backend::loadSettings, Qt::QueuedConnection);
    QObject::connect(settings, &SettingsPage::connectRequested, backend, &Backend::connectService,
                     Qt::QueuedConnection);
    QObject::connect(settings, &SettingsPage::cancelConnectRequested, backend, &Backend::cancelConnect,
                     Qt::QueuedConnection);
    QObject::connect(settings, &SettingsPage::apiKeyRequested, backend, &Backend::setApiKey, Qt::QueuedConnection);
    QObject::connect(settings, &SettingsPage::testRequested, backend, &Backend::testConnection, Qt::QueuedConnection);
    QObject::connect(settings, &SettingsPage::disconnectRequested, backend, &Backend::disconnectService,
                     Qt::QueuedConnection);
    QObject::connect(settings, &SettingsPage::baseUrlSaveRequested, backend, &Backend::saveBaseUrl,
                     Qt::QueuedConnection);
    QObject::connect(settings, &SettingsPage::saveUserRequested, backend, &Backend::saveUser, Qt::QueuedConnection);
    QObject::connect(backend, &Backend::settingsLoaded, settings, &SettingsPage::setData, Qt::QueuedConnection);
    QObject::connect(backend, &Backend::settingsDone, settings, &SettingsPage::showDone, Qt::QueuedConnection);
    QObject::connect(backend, &Backend::settingsFailed, settings, &SettingsPage::showFailure, Qt::QueuedConnection);
    QObject::connect(backend, &Backend::authorizationUrlReady, settings, &SettingsPage::showAuthorizationUrl,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::connectFinished, settings, &SettingsPage::showConnectResult,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::testFinished, settings, &SettingsPage::showTestResult, Qt::QueuedConnection);
    QObject::connect(backend, &Backend::disconnectFinished, settings, &SettingsPage::showDisconnectResult,
                     Qt::QueuedConnection);
    QObject::connect(backend, &Backend::baseUrlSaveFinished, settings, &SettingsPage::showBaseUrlResult,
                     Qt::QueuedConnection);

    // Maintenance: reviews and their tabs (issue 9).
    auto *reviews = window.reviewsPage();
    constexpr auto queued = Qt::QueuedConnection;
    QObject::connect(&window, &MainWindow::reviewsRequested, backend, &Backend::loadReviews, queued);
    QObject::connect(reviews, &ReviewsPage::refreshWeeklyRequested, backend, &Backend::refreshWeeklyFindings, queued);
    QObject::connect(reviews, &ReviewsPage::assignOwnerRequested, backend, &Backend::assignReviewOwner, queued);
    QObject::connect(reviews, &ReviewsPage::completeRequested, backend, &Backend::completeReview, queued);
    QObject::connect(
        backend, &Backend::reviewsLoaded, reviews,
        [reviews, notifier = window.reviewNotifier()](const Review::ReviewScheduleView &schedule,
                                                      const QList<Domain::User> &users) {
            reviews->setUsers(users);
            reviews->setSchedule(schedule);
            notifier->setSchedule(schedule);
        },
        queued);
    QObject::connect(backend, &Backend::weeklyFindingsLoaded, reviews, &ReviewsPage::setWeeklyFindings, queued);
    QObject::connect(backend, &Backend::reviewSummaryChanged, reviews, &ReviewsPage::setReviewSummary, queued);
    QObject::connect(backend, &Backend::reviewsDone, reviews, &ReviewsPage::showDone, queued);
    QObject::connect(backend, &Backend::reviewsFailed, reviews, &ReviewsPage::showFailure, queued);

    auto *reconciliation = window.reconciliationView();
    QObject::connect(reconciliation, &ReconciliationView::monthRequested, reconciliation,
                     [reconciliation] { reconciliation->setBusy(true); });
    QObject::connect(reconciliation, &ReconciliationView::monthRequested, backend, &Backend::reconcileMonth, queued);
    QObject::connect(reconciliation, &ReconciliationView::fixRequested, reconciliation,
                     [reconciliation] { reconciliation->setBusy(true); });
    QObject::connect(reconciliation, &ReconciliationView::fixRequested, backend, &Backend::fixMismatch, queued);
    QObject::connect(backend, &Backend::reconciliationLoaded, reconciliation, &ReconciliationView::setReport, queued);
    QObject::connect(backend, &Backend::reconciliationDone, reconciliation, &ReconciliationView::showDone, queued);
    QObject::connect(backend, &Backend::reconciliationFailed, reconciliation, &ReconciliationView::showFailure,
                     queued);

    auto *quarterly = window.quarterlyAuditView();
    QObject::connect(quarterly, &QuarterlyAuditView::auditRequested, backend, &Backend::runQuarterlyAudit, queued);
    QObject::connect(backend, &Backend::quarterlyAuditLoaded, quarterly, &QuarterlyAuditView::setAudit, queued);
    QObject::connect(backend, &Backend::quarterlyAuditFailed, quarterly, &QuarterlyAuditView::showFailure, queued);

    auto *checklist = window.checklistView();
    QObject::connect(checklist, &ChecklistView::evaluateRequested, backend, &Backend::evaluateChecklist, queued);
    QObject::connect(checklist, &ChecklistView::modeChangeRequested, backend, &Backend::changeIntegrationMode,
                     queued);
    QObject::connect(
        backend, &Backend::checklistLoaded, checklist,
        [checklist](const Review::DecisionChecklist &answers, const Review::IntegrationModeState &mode) {
            checklist->setChecklist(answers);
            checklist->setMode(mode);
        },
        queued);
    QObject::connect(backend, &Backend::checklistFailed, checklist, &ChecklistView::showFailure, queued);
    QObject::connect(
        backend, &Backend::checklistDone, &window,
        [&window](const QString &message) { window.statusBar()->showMessage(message, 10'000); }, queued);

    auto *reports = window.reportsPage();
    QObject::connect(reports, &ReportsPage::monthRequested, backend, &Backend::loadReports, queued);
    QObject::connect(backend, &Backend::reportsLoaded, reports, &ReportsPage::setReport, queued);
    QObject::connect(backend, &Backend::reportsFailed, reports, &ReportsPage::showFailure, queued);

    // The manual invoice trigger (either integration mode).
    QObject::connect(appointments, &AppointmentsPage::createInvoiceRequested, backend, &Backend::createInvoiceNow,
                     queued);
    for (auto signal : {&Backend::invoiceNowDone, &Backend::invoiceNowFailed}) {
        QObject::connect(
            backend, signal, appointments,
            [appointments](const QString &message) {
                appointments->showInvoiceOutcome(message);
                appointments->reload();
            },
            queued);
    }
}

} // namespace Concord::Ui
