#pragma once

// Backend's private state, shared by the files that implement its slots
// (backend.cpp; backendreviews.cpp for the maintenance pages of issue 9), so
// one class does not grow into one 2,000-line file.

#include "services/backend.h"
#include "services/connectioncommands.h"
#include "services/syncbacklog.h"

#include "common/config.h"
#include "security/auditlog.h"
#include "security/secretstore.h"
#include "store/changefeed.h"
#include "store/database.h"
#include "store/operationsrepository.h"
#include "sync/connectorset.h"
#include "sync/syncengine.h"
#include "sync/webhookreceiver.h"

#include <QDate>
#include <QDateTime>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>
#include <utility>

namespace Concord::Services {

struct Backend::Private {
    std::unique_ptr<Store::Database> db;
    QString url;
    QString signInUser;     // team mode (openAs); empty: the URL's
    QString signInPassword;
    // The configuration and secrets this desktop acts with (setEnvironment
    // or startSync); the connection commands and the engine use them.
    std::optional<Config> config;
    std::shared_ptr<Security::SecretStore> secrets;
    std::unique_ptr<ConnectionCommands> connections; // made on first use, over db
    bool syncing = false;
    // The sync engine and what it needs, in destruction order (engine first).
    std::unique_ptr<Store::OperationsRepository> operations;
    std::unique_ptr<Sync::ConnectorSet> connectors;
    std::unique_ptr<Sync::SyncEngine> engine;
    std::unique_ptr<Sync::WebhookReceiver> webhooks;
    std::optional<Security::Actor> actor; // who acts from this desktop; none = read only
    // Status refreshes are coalesced: a burst of deliveries refreshes once a second.
    bool refreshPending = false;

    // Long work (the duplicate scan) and its cancellation. Tickets number
    // the requests; cancelLongWork() (any thread) cancels every ticket
    // issued so far, and each scan starts from whether its own ticket was
    // cancelled, so a late Cancel never spills onto the next scan.
    std::atomic<quint64> longWorkIssued{0};
    std::atomic<quint64> longWorkCancelledUpTo{0};
    std::atomic<bool> cancelLongWork{false}; // what the running scan reads

    // The backlog bar: counts read on a timer while the engine runs or is
    // paused (see refreshBacklog()), sent only when they changed.
    BacklogTracker backlog;
    std::optional<SyncBacklog> lastBacklog;
    QTimer *backlogTimer = nullptr; // made on this thread by startSync()
    bool paused = false;  // a person paused the engine (until resume, close or restart)
    bool pausing = false; // … and deliveries on their way have not finished yet

    // Team mode (PostgreSQL): what every writer commits arrives through the
    // store's notifications (made after db, destroyed before it), and the
    // views asked for since open() are read again when their tables move.
    // No timer re-reads a team-mode store. On SQLite there is no feed.
    std::unique_ptr<Store::ChangeFeed> feed;
    struct AskedFor {
        bool retryQueue = false;
        bool billingRules = false;
        bool mappings = false;
        bool dashboard = false;
        bool identityMap = false;
        bool duplicateReview = false;
        bool settings = false;
        std::optional<int> auditLimit;
        std::optional<std::pair<QDateTime, QDateTime>> appointments; // UTC window
        std::optional<std::pair<QDate, QDate>> invoices;
        bool reviews = false;
        bool quarterlyAudit = false;
        bool checklist = false;
        std::optional<QDate> reconciliationMonth;
        std::optional<QDate> reportsMonth;
    } asked;

    // Maintenance (backendreviews.cpp): the findings last shown per review,
    // which completing a review records. A generation per asynchronous read
    // drops an answer overtaken by a newer request (or by close()).
    struct Reviews {
        std::optional<Review::WeeklyFindings> weekly;
        std::optional<Review::ReconciliationReport> reconciliation;
        std::optional<Review::QuarterlyAudit> quarterly;
        quint64 weeklyGeneration = 0;
        quint64 reconciliationGeneration = 0;
        quint64 quarterlyGeneration = 0;
    } review;
    [[nodiscard]] bool teamMode() const { return db && db->engine() == Store::Engine::PostgreSQL; }
    [[nodiscard]] StoreStatus::LiveUpdates liveUpdates() const
    {
        if (!feed || !teamMode())
            return StoreStatus::LiveUpdates::NotApplicable;
        return feed->isListening() ? StoreStatus::LiveUpdates::Live : StoreStatus::LiveUpdates::Lost;
    }

    void stopSync()
    {
        webhooks.reset();
        engine.reset();
        connectors.reset();
        operations.reset();
    }
};

} // namespace Concord::Services
