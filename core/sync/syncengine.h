#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "connectors/http/retrypolicy.h"
#include "sync/deliverypolicy.h"
#include "domain/operations.h"
#include "sync/changeapplier.h"
#include "sync/jobrunner.h"
#include "sync/pdfcache.h"
#include "store/advisorylock.h"
#include "store/appsettingsrepository.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

namespace Concord::Store { class Database; }
namespace Concord::HubSpot { struct Deal; }

namespace Concord::Sync {

class ConnectorSet;

struct EngineSettings {
    // The outbox worker's name. Stable for one desktop or service, so a
    // restarted process takes back the jobs it had claimed when it died.
    QString worker = QStringLiteral("concord-sync");
    // Polling (always on; webhooks only shorten the wait).
    int calcomPollMs = 5'000;
    int quickbooksPollMs = 10'000;
    int hubspotPollMs = 60'000;
    int billingPassMs = 30'000;   // calendar-driven decisions: sessions that ended, invoices falling overdue
    // Deliveries in flight at once per system (each API's limiter still
    // rules): one slow API never starves the others.
    int maxParallel = 8;
    // [sync] lease_secs: how long a claimed job stays this worker's without
    // word from it (5..3600 s). A worker that dies leaves its jobs to the
    // others after this; an alive one renews its leases every leaseSecs / 3.
    int leaseSecs = 300;
    // --once waits for retries due within this horizon (QuickBooks' 60 s
    // throttle wait fits), then reports what is left.
    int onceRetryHorizonSecs = 75;
    // A job waiting for a prerequisite longer than this needs a person.
    int maxDeferSecs = 900;
    // A deal stage changed in HubSpot against what Cal.com and QuickBooks
    // say is flagged; with this on, the authoritative stage is also written back.
    bool restoreAuthoritative = true;
    DeliveryPolicy delivery = defaultDelivery();
    // [sync] pdf_cache: a local, content-addressed copy of each invoice's PDF.
    std::optional<PdfCache::Options> pdfCache;
    ApplierSettings applier;
    RunnerSettings runner;

    [[nodiscard]] static DeliveryPolicy defaultDelivery();
    // The settings a configuration asks for (business zone, phone region,
    // HubSpot search lag, PDF cache); the rest keep their defaults.
    [[nodiscard]] static EngineSettings fromConfig(const Config &config);
};

// What one cycle (or the life of a watch, so far) did.
struct CycleReport {
    int customersSeen = 0;
    int customersCreated = 0; // people Concord had not seen (linked or new)
    int duplicateCandidates = 0; // pairs the duplicate scan stored after new customers
    int wrongPlaceEdits = 0;  // changes made where the field has no authority: flagged (and undone)
    int bookingsSeen = 0;
    int moneySeen = 0;       // invoices, payments, credits
    int echoes = 0;          // Concord's own writes read back
    int stale = 0;           // older than the store: ignored
    int applyErrors = 0;     // changes that could not be applied (in the sync log, with the cause)
    int jobsEnqueued = 0;
    int delivered = 0;
    int deferred = 0;
    int retriesScheduled = 0;
    int needsAttention = 0;  // failed for good in this cycle
    int lostClaims = 0;      // results not recorded: the lease had run out and another worker took the job
    QStringList problems;    // in words
    QList<Domain::OutboxJob> failedJobs; // everything waiting for a person at the end
    qint64 pendingJobs = 0;  // still queued at the end (retries beyond the horizon)
};

// Concord's main job (architecture.md, "Data flow of one change"): captures
// changes from Cal.com, QuickBooks and HubSpot by polling with persisted
// cursors, applies them through the ChangeApplier (store state and outbox
// jobs in one transaction), and drains the outbox through the JobRunner
// within each API's limits, retrying by policy; what cannot be carried waits
// in the retry queue with its cause.
//
// Several workers on one PostgreSQL store (team mode: concord-syncd processes,
// desktops): delivery runs in every worker (claims under leases, renewed while
// a delivery runs); capture runs in one worker at a time per duty, elected with
// session-level advisory locks (Store::LockKeys: Cal.com, QuickBooks, HubSpot,
// the billing pass; the duplicate scan takes its lock for the scan only). A
// worker that is not the leader tries again on its timers; the leader's locks
// go with its session when it dies. On SQLite the one process always leads.
//
// Thread affinity: the sync thread (owns the store connection and the
// connectors). Nothing here blocks: every remote call is asynchronous.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    SyncEngine(Store::Database &db, ConnectorSet &connectors, EngineSettings settings, const Clock &clock,
               QObject *parent = nullptr);
    ~SyncEngine() override;

    // One full cycle: capture everything new, decide, deliver until nothing
    // is due within the retry horizon. Emits onceFinished.
    void runOnce();
    // Keeps syncing: pollers on their timers, deliveries as jobs fall due.
    void startWatching();
    // Stops capturing and claiming; deliveries in flight finish (their
    // results are recorded). Emits stopped once idle.
    void stop();

    // Reads `system` now (timers, and webhook hints for Cal.com and QuickBooks).
    void pollNow(Domain::System system);
    // A verified webhook from `system` was stored (WebhookReceiver::changed).
    // Cal.com and QuickBooks: poll now. HubSpot: its search cannot show a
    // change for ~30 s, so a poll would find nothing; the objects the events
    // name are read by id instead, and the timed poll follows as always.
    void webhookHint(Domain::System system);

    [[nodiscard]] const CycleReport &report() const { return m_report; }
    [[nodiscard]] ChangeApplier &applier() { return m_applier; }
    // [issue 9: integration mode] The mode this engine follows, as last read
    // from the store (app_settings, read at every cycle, poll and billing
    // pass — one small row — so every worker of a team follows a change
    // without a restart). Light: HubSpot is a push-only target (its contacts
    // and deals are not read back, so no CRM edit reaches Cal.com,
    // QuickBooks or the store) and QuickBooks invoices are created only by
    // the manual trigger. Jobs already queued when the mode changes are
    // delivered as decided (the retry queue can dismiss them).
    [[nodiscard]] Store::IntegrationMode integrationMode() const { return m_mode.value_or(Store::IntegrationMode::Full); }

signals:
    void onceFinished(const Concord::Sync::CycleReport &report);
    // `note`: what was done (delivered), or why not, in plain words.
    void jobFinished(const Concord::Domain::OutboxJob &job, bool delivered, const QString &note);
    void stopped();

private:
    using Next = std::function<void()>;
    void reloadMappings();
    // [issue 9] Reads the integration mode; logs it at start and on change.
    void refreshMode();
    [[nodiscard]] bool lightMode() const { return integrationMode() == Store::IntegrationMode::Light; }
    void captureAll(Next next);
    void captureCatalog(Next next);
    // Creates the HubSpot custom properties the enabled field mappings write
    // ("deal.<name>", "contact.<name>") that the portal lacks, before writes
    // name them (a real portal refuses a whole write naming one it does not
    // have). Cheap when nothing changed: it asks HubSpot only for properties
    // it has not yet seen made, and retries a refused one only after the
    // mapped set changes or the engine restarts.
    void ensureHubSpotProperties(Next next);
    void captureQuickBooksCustomers(Next next);
    void captureHubSpotContacts(Next next);
    void captureCalcom(Next next);
    void captureQuickBooks(Next next);
    void fullQuickBooksRead(const QDateTime &startedAt, Next next);
    void billingPass();
    void captureHubSpotDeals(Next next);
    void captureHubSpotHinted(Next next);
    void scanIfNewCustomers();
    // Marks the system's webhook events received before `pollStartedAt` as handled.
    void settleInbound(Domain::System system, const QDateTime &pollStartedAt);
    [[nodiscard]] Result<ApplyOutcome> checkDeal(const HubSpot::Deal &deal);

    // Whether this worker leads the duty `key` (Store::LockKeys) now: takes
    // the advisory lock, or checks it is still held (a reconnected session has
    // lost it). Logs when the lead is taken or lost.
    [[nodiscard]] bool lead(qint64 key);
    // The heartbeat: extends the leases of this worker's jobs in flight.
    void renewLeases();

    void pump();
    void deliver(const Domain::OutboxJob &job);
    void finishJob(const Domain::OutboxJob &job, const JobResult &result);
    void scheduleNextDue();
    void checkOnceDone();

    void logIn(Domain::System system, const QString &entityType, const QString &entityId, const QString &action,
               const Result<ApplyOutcome> &outcome, const QString &kind);
    void count(const Result<ApplyOutcome> &outcome);
    void problem(const QString &text);
    // Where capture of `resource` resumes: an invalid instant when it never
    // ran; nullopt when the store could not say (reported as a problem).
    [[nodiscard]] std::optional<QDateTime> readCursor(Domain::System system, const QString &resource);
    void writeCursor(Domain::System system, const QString &resource, const QDateTime &at);
    // HubSpot's and Cal.com's health for the dashboard (QuickBooks' comes
    // from its token manager): Connected after an answer, Error with the
    // cause after a failed read. Written when it changes.
    void recordHealth(Domain::System system, const std::optional<Error> &error);

    Store::Database &m_db;
    ConnectorSet &m_connectors;
    EngineSettings m_settings;
    const Clock &m_clock;
    ChangeApplier m_applier;
    JobRunner m_runner;
    std::unique_ptr<PdfCache> m_pdfCache;
    QDateTime m_lastPurge;

    CycleReport m_report;
    std::optional<Store::IntegrationMode> m_mode; // [issue 9] nullopt until first read
    bool m_once = false;
    bool m_watching = false;
    bool m_stopping = false;
    bool m_capturing = false;
    bool m_catalogDone = false;
    // ensureHubSpotProperties: "deals/<name>" keys.
    QSet<QString> m_propertiesWanted; // what the mappings named last time
    QSet<QString> m_propertiesReady;  // seen in the portal or created
    QSet<QString> m_propertiesFailed; // refused for good (scope, validation)
    bool m_propertiesBusy = false;
    QList<Next> m_propertiesWaiting;  // callers while a check is running
    bool m_calcomBusy = false;
    bool m_quickbooksBusy = false;
    bool m_hubspotBusy = false;
    bool m_hintedBusy = false; // reading the objects HubSpot webhooks named
    bool m_hintAgain = false;  // a HubSpot hint came in meanwhile
    QSet<int> m_pollAgain; // systems (int(System)) hinted while being read
    bool m_dealsBusy = false;
    int m_customersAtLastScan = 0;
    int m_inFlight = 0;
    QHash<Domain::System, int> m_inFlightBySystem;
    int m_deferredInPump = 0; // deferrals met by the current pump (bounded)
    bool m_pumpQueued = false;
    QSet<QString> m_busyEntities;
    QHash<Domain::System, QString> m_health; // last recorded state+error per system
    QHash<Domain::System, QDateTime> m_healthAt;
    Store::AdvisoryLocks m_locks; // on m_db's session
    QTimer m_leaseTimer;          // every leaseSecs / 3 while deliveries run
    QTimer m_dueTimer;
    QTimer m_calcomTimer;
    QTimer m_quickbooksTimer;
    QTimer m_hubspotTimer;
    QTimer m_billingTimer;
};

} // namespace Concord::Sync

Q_DECLARE_METATYPE(Concord::Sync::CycleReport)
