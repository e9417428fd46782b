#pragma once

#include "common/config.h"
#include "common/error.h"
#include "security/auditentry.h"
#include "domain/operations.h"
#include "domain/user.h"
#include "services/admincommands.h"
#include "services/billingrulesdata.h"
#include "services/dashboarddata.h"
#include "services/duplicatescan.h"
#include "services/identitydata.h"
#include "services/mappingsdata.h"
#include "services/recordsdata.h"
#include "services/settingsdata.h"
#include "services/storestatus.h"
#include "services/syncbacklog.h"
#include "review/agingreport.h"
#include "review/decisionchecklist.h"
#include "review/integrationmode.h"
#include "review/monthlyreport.h"
#include "review/quarterlyaudit.h"
#include "review/reconciliation.h"
#include "review/reviewschedule.h"
#include "review/weeklyreview.h"
#include "store/appsettingsrepository.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QUrl>
#include <QString>

#include <functional>
#include <memory>

namespace Concord::Security {
class SecretStore;
}

namespace Concord::Services {

class ConnectionCommands;

// The GUI's door to core. Lives on the sync thread (moveToThread after
// construction); every slot is invoked through a queued connection and
// answers with exactly one signal, carrying value types only. It owns its own
// named database connection, created on its thread in open().
class Backend : public QObject
{
    Q_OBJECT
public:
    explicit Backend(QObject *parent = nullptr);
    ~Backend() override;

public Q_SLOTS:
    // Opens (and migrates) the store at `storeUrl` ("sqlite:///path").
    // Answers with opened() or errorOccurred().
    void open(const QString &storeUrl);
    // Team mode: as open(), signed in to PostgreSQL as `user` (empty: the
    // URL's) with `password` (docs/team-users.md); the person acting is then
    // that user (AdminCommands::actingSessionUser). The password stays in
    // memory (a later open() reuses it) and is never logged or shown.
    void openAs(const QString &storeUrl, const QString &user, const QString &password);
    // Answers with statusChanged().
    void refreshStatus();
    // Newest first, at most `limit` entries. Answers with auditLoaded().
    void loadAudit(int limit);
    // Walks the whole chain. Answers with auditVerified().
    void verifyAudit();
    // The retry queue: failed, waiting and in-flight jobs. Answers with
    // retryQueueLoaded() or retryQueueFailed().
    void loadRetryQueue();
    // Each acts as actorChanged()'s user (permission-checked and audited in
    // core), answers with retryOutcomes()/retryQueueDone() or
    // retryQueueFailed(), then with a fresh retryQueueLoaded() and status.
    void retryJobs(const QList<qint64> &ids);
    void overrideJob(qint64 id, const QByteArray &payloadJson);
    void linkJob(qint64 id, const QString &remoteId);
    void dismissJob(qint64 id, const QString &reason);
    // The tax, discount and invoicing editor's data (QuickBooks' tax codes
    // are asked for when it is connected). Answers with billingRulesLoaded()
    // or billingRulesFailed().
    void loadBillingRules();
    // Each is checked (EditBilling) and audited in core, then answered with a
    // fresh billingRulesLoaded(), or billingRulesFailed() with the reason.
    void saveTaxRule(const Concord::Domain::TaxRule &rule);
    void deleteTaxRule(qint64 id, int version);
    void saveDiscountRule(const Concord::Domain::DiscountRule &rule);
    void deleteDiscountRule(qint64 id, int version);
    void saveInvoicePolicy(const Concord::Domain::InvoicePolicy &policy);
    void deleteInvoicePolicy(qint64 id, int version);
    // The field and status mapping editor's data; the deal stages are
    // HubSpot's own (its default pipeline) when it is connected. Answers with
    // mappingsLoaded() or mappingsFailed().
    void loadMappings();
    // One batch, checked (EditMappings and each side's permission),
    // validated as a whole, version-checked and audited in core. Answers with
    // mappingsApplied() and a fresh mappingsLoaded(), or mappingsFailed().
    void applyMappings(const Concord::Services::MappingBatch &batch);
    // Balances, aging, invoiced vs collected and sync health, with "today"
    // in the business's time zone (dashboardLoaded or dashboardFailed).
    void loadDashboard();
    // The identity map and the duplicate review (identityMapLoaded,
    // duplicateReviewLoaded, or customersFailed).
    void loadIdentityMap();
    void loadDuplicateReview();
    // Merge commands as the desktop's user, checked and audited in core:
    // customersDone or customersFailed. Approving runs MergeWorkflow
    // (approve, execute, the remote steps); undo restores Concord's identity
    // map only.
    void proposeMerge(const Concord::Domain::MergeProposal &proposal);
    void decideMerge(qint64 proposalId, bool approve, const QString &note);
    void undoMerge(qint64 proposalId);
    // "Scan for duplicates": every active customer through the identity
    // engine, as the desktop's user (ProposeMerge, audited in core; only
    // pairs never seen before are recorded, in one transaction). It blocks
    // this thread for the whole scan (the sync engine waits meanwhile), so
    // it is cancelled with cancelLongWork(), not with a queued slot.
    // Progress: duplicateScanProgress, at most ~10 a second. Ends with
    // duplicateScanFinished (report.cancelled when it was cancelled: nothing
    // recorded) or duplicateScanFailed. The GUI asks through
    // requestDuplicateScan(), so a Cancel pressed before the scan even
    // started still counts; this slot is the same for callers already on
    // this thread.
    void scanDuplicates();
    // Pause: the engine stops claiming and polling; deliveries already on
    // their way finish (Pausing, then Paused once they have). Jobs stay
    // queued, nothing is lost. Resume: the engine starts again with the
    // configuration and secrets of the last startSync(). Both act as the
    // desktop's user (Permission::ManageRetryQueue, audited in core:
    // Services::recordSyncPause) and answer with syncBacklogChanged (the new
    // state) or syncControlFailed. A pause lasts until Resume, close() or
    // the next start of the application.
    void pauseSync();
    void resumeSync();
    // Reads the outbox counts and answers with syncBacklogChanged when the
    // backlog moved. Also runs by itself while the engine runs or is
    // paused: every second while there is a backlog, every 5 s otherwise
    // (SQLite; in team mode it runs when the change feed reports the outbox).
    void refreshBacklog();
    // The records across the three systems in a window (appointmentsLoaded /
    // invoicesLoaded, or …Failed), at most kDefaultRecordLimit rows.
    void loadAppointments(const QDateTime &fromUtc, const QDateTime &toUtc);
    void loadInvoices(const QDate &from, const QDate &to);
    // Settings: the connections, base URLs and users (settingsLoaded or
    // settingsFailed).
    void loadSettings();
    // Each acts as the desktop's user through ConnectionCommands (checked and
    // audited there) and ends with exactly one of the signals below for
    // `system`, then a fresh settingsLoaded() and status. A change the
    // running engine depends on restarts it with the new configuration.
    void connectService(Concord::Domain::System system); // authorizationUrlReady, connectFinished
    void cancelConnect(Concord::Domain::System system);  // connectFinished (when one was waiting)
    void setApiKey(Concord::Domain::System system, const QString &key); // connectFinished
    void testConnection(Concord::Domain::System system);                // testFinished
    void disconnectService(Concord::Domain::System system);             // disconnectFinished
    void saveBaseUrl(Concord::Domain::System system, const QUrl &url);  // baseUrlSaveFinished
    // A new user (id 0) or a changed one (ManageUsers, audited): settingsDone
    // and a fresh settingsLoaded(), or settingsFailed().
    // In team mode a new user needs `password` (createUserWithPassword, never
    // logged); empty: solo mode's createUser, and always for an edit.
    void saveUser(const Concord::Domain::User &user, const QString &password = QString());
    // --- Maintenance (issue 9; backendreviews.cpp) -------------------------
    // The review schedule (seeding missing cadences) and the users who may
    // own reviews: reviewsLoaded; then the weekly findings, checked live in
    // HubSpot when it is connected: weeklyFindingsLoaded. Failures: reviewsFailed.
    void loadReviews();
    void refreshWeeklyFindings();
    void assignReviewOwner(Concord::Domain::ReviewCadence cadence, qint64 userId); // reviewsDone/Failed
    // Completes the review due now with the findings last shown for it (the
    // weekly findings, the month's reconciliation, the quarterly audit; read
    // from the store when none was shown yet).
    void completeReview(Concord::Domain::ReviewCadence cadence, const QString &note);
    // The month's three-way reconciliation; HubSpot deals and the named
    // QuickBooks invoices are read live when connected: reconciliationLoaded
    // or reconciliationFailed.
    void reconcileMonth(const QDate &month);
    // Applies the safe fix of a mismatch of the last report, then reconciles
    // again: reconciliationDone + reconciliationLoaded, or reconciliationFailed.
    void fixMismatch(const QString &mismatchKey);
    // The quarterly audit (HubSpot's PDFs hashed when connected).
    void runQuarterlyAudit(); // quarterlyAuditLoaded / quarterlyAuditFailed
    // The go/no-go checklist and the integration mode: checklistLoaded / checklistFailed.
    void evaluateChecklist();
    void changeIntegrationMode(Concord::Store::IntegrationMode mode, int expectedVersion);
    // The manual invoice trigger (both modes): invoiceNowDone / invoiceNowFailed.
    void createInvoiceNow(qint64 appointmentId);
    // The monthly and aging reports for `month`: reportsLoaded / reportsFailed.
    void loadReports(const QDate &month);

    // Closes the database connection; call before the thread quits.
    // Stops the sync engine first (deliveries in flight are abandoned to
    // their leases and taken back at the next start).
    void close();

public:
    // Starts the sync engine on this thread over the open store (the
    // store's single writer), watching: polls, decides, delivers. `secrets`
    // must be usable from this thread (the demo's in-memory store, or a
    // ForwardingSecretStore). Call through a queued invocation. Each carried
    // change refreshes the status (statusChanged); problems go to
    // errorOccurred.
    void startSync(const Concord::Config &config, std::shared_ptr<Concord::Security::SecretStore> secrets);
    // The configuration and secrets the settings page acts on when this
    // desktop does not sync (startSync sets them too). `secrets` must be
    // usable from this thread (a ForwardingSecretStore over the keychain).
    // Call through a queued invocation.
    void setEnvironment(const Concord::Config &config, std::shared_ptr<Concord::Security::SecretStore> secrets);

    // Thread-safe (call from any thread, e.g. the GUI's, while this
    // object's thread is busy): queues scanDuplicates() on this object's
    // thread. A cancelLongWork() from now on cancels that scan, even before
    // it starts.
    void requestDuplicateScan();
    // Thread-safe (call from any thread): cancels the long work (a duplicate
    // scan) running now or requested through requestDuplicateScan() and not
    // started yet. Only atomics are touched; the work notices within a
    // fraction of a second and answers as usual (duplicateScanFinished with
    // report.cancelled). Work requested after this call is not affected.
    void cancelLongWork();

Q_SIGNALS:
    void opened(const Concord::Services::StoreStatus &status);
    void statusChanged(const Concord::Services::StoreStatus &status);
    void auditLoaded(const QList<Concord::Security::AuditEntry> &entries);
    void auditVerified(const Concord::Security::AuditVerification &result);
    void errorOccurred(const Concord::Error &error);
    // The sync engine carried (or failed to carry) `job`; `note` is the
    // engine's technical remark. The window says it in words.
    void syncActivity(const Concord::Domain::OutboxJob &job, bool delivered, const QString &note);
    // Who acts from this desktop (after open()): the role decides what the
    // pages offer; core checks it again on every command.
    void actorChanged(Concord::Domain::Role role, const QString &username);
    void retryQueueLoaded(const QList<Concord::Domain::OutboxJob> &jobs);
    // Sent just before retryQueueLoaded: jobClientKey → client name.
    void retryQueueClientNames(const QHash<QString, QString> &names);
    void retryOutcomes(const QList<Concord::Services::JobOutcome> &outcomes);
    void retryQueueDone(const QString &message);
    void retryQueueFailed(const QString &message);
    void billingRulesLoaded(const Concord::Services::BillingRulesData &data);
    void billingRulesFailed(const QString &message);
    void mappingsLoaded(const Concord::Services::MappingsData &data);
    void mappingsApplied(const QString &message);
    void mappingsFailed(const QString &message);
    void dashboardLoaded(const Concord::Services::DashboardData &data);
    void dashboardFailed(const QString &message);
    void identityMapLoaded(const Concord::Services::IdentityMapData &data);
    void duplicateReviewLoaded(const Concord::Services::DuplicateReviewData &data);
    void customersDone(const QString &message);
    void customersFailed(const QString &message);
    // Emitted from the scanning threads (the sync thread and the global
    // thread pool's): connect with a queued connection.
    void duplicateScanProgress(const Concord::Services::DuplicateScanProgress &progress);
    void duplicateScanFinished(const Concord::Services::DuplicateScanReport &report);
    void duplicateScanFailed(const QString &message);
    // The outbox backlog and whether the engine runs (see SyncBacklog):
    // only when it changed, at most about once a second.
    void syncBacklogChanged(const Concord::Services::SyncBacklog &backlog);
    // pauseSync()/resumeSync() was refused or could not run, in words.
    void syncControlFailed(const QString &message);
    void appointmentsLoaded(const Concord::Services::AppointmentsData &data);
    void appointmentsFailed(const QString &message);
    void invoicesLoaded(const Concord::Services::InvoicesData &data);
    void invoicesFailed(const QString &message);
    void settingsLoaded(const Concord::Services::SettingsData &data);
    void settingsDone(const QString &message);
    void settingsFailed(const QString &message);
    void authorizationUrlReady(Concord::Domain::System system, const QUrl &url);
    void connectFinished(Concord::Domain::System system, bool ok, const QString &message);
    void testFinished(Concord::Domain::System system, bool ok, const QString &message);
    void disconnectFinished(Concord::Domain::System system, bool ok, const QString &message);
    void baseUrlSaveFinished(Concord::Domain::System system, bool ok, const QString &message);
    void reviewsLoaded(const Concord::Review::ReviewScheduleView &schedule,
                       const QList<Concord::Domain::User> &users);
    void weeklyFindingsLoaded(const Concord::Review::WeeklyFindings &findings);
    void reviewSummaryChanged(Concord::Domain::ReviewCadence cadence, const QString &summary);
    void reviewsDone(const QString &message);
    void reviewsFailed(const QString &message);
    void reconciliationLoaded(const Concord::Review::ReconciliationReport &report);
    void reconciliationDone(const QString &message);
    void reconciliationFailed(const QString &message);
    void quarterlyAuditLoaded(const Concord::Review::QuarterlyAudit &audit);
    void quarterlyAuditFailed(const QString &message);
    void checklistLoaded(const Concord::Review::DecisionChecklist &checklist,
                         const Concord::Review::IntegrationModeState &mode);
    void checklistDone(const QString &message);
    void checklistFailed(const QString &message);
    void invoiceNowDone(const QString &message);
    void invoiceNowFailed(const QString &message);
    void reportsLoaded(const Concord::Review::MonthlyReport &monthly, const Concord::Review::AgingReport &aging);
    void reportsFailed(const QString &message);
    // The webhook receiver ([webhooks] listen) is up at this address.
    void webhooksListening(const QUrl &base);
    // Team mode (PostgreSQL): these tables were changed, by anyone (another
    // desktop, concord-syncd, this one). By the time this is emitted the
    // Backend has re-read, and answered with the usual signals, the status,
    // the backlog and every view asked for since open() whose tables moved
    // (see onStoreChanged()). A page may use it to re-ask for what the
    // Backend does not keep (none today). Never emitted on SQLite.
    void storeChanged(const QSet<QString> &tables);

private:
    // Empty when a command may run (store open, a Concord user acting); else why not.
    [[nodiscard]] QString whyCannotAct() const;
    // The connection commands, made on first use; null after answering
    // `failed(system, false, why)` when this desktop may not act.
    ConnectionCommands *connectionCommands(Domain::System system,
                                           void (Backend::*failed)(Domain::System, bool, const QString &));
    // Runs `command(AdminCommands&, actor)` as this desktop's user: `failed`
    // with the reason when it may not run or core refused it, else `done`.
    // False when it did not run at all (no store, no Concord user).
    template<typename Command, typename Failed, typename Done>
    bool act(Command command, Failed failed, Done done);
    template<typename Command>
    void jobCommand(Command command, const QString &done);
    void runDuplicateScan(quint64 ticket);
    [[nodiscard]] SyncRunState runState() const;
    template<typename Command>
    void billingCommand(Command command);
    // Team mode: listens for what every writer commits (Store::ChangeFeed),
    // so no timer re-reads the store.
    void startChangeFeed();
    void onStoreChanged(const QSet<QString> &tables);
    // Maintenance: the business's IANA zone (configuration; UTC without one).
    [[nodiscard]] QString businessZone() const;
    [[nodiscard]] Review::ReconciliationOptions reconciliationOptions(const QDate &month) const;
    [[nodiscard]] Review::QuarterlyAuditOptions quarterlyOptions() const;
    // `moved(names)`: whether any of those tables changed (onStoreChanged's test).
    void onReviewTablesChanged(const std::function<bool(std::initializer_list<QStringView>)> &moved);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Concord::Services
