#include "backendbridge.h"

#include "billingrulespage.h"
#include "mainwindow.h"
#include "retryqueuepage.h"
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
    QObject::connect(backend, &Backend::retryQueueLoaded, queue, &RetryQueuePage::setJobs,
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

}

} // namespace Concord::Ui
