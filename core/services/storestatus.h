#pragma once

#include "common/clock.h"
#include "domain/operations.h"
#include "store/operationsrepository.h"
#include "sync/latencystats.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Concord::Services {

// A read-only picture of the store for the status bar, `status --json` and the
// overview page. Pure value; safe to pass between threads.
struct StoreStatus {
    bool open = false;
    QString url;                // as configured, without credentials
    QString engine;             // "SQLite 3.40.1", "PostgreSQL 15.x" (for people to read)
    // Team mode: a shared PostgreSQL store (people sign in as themselves, the
    // desktop runs no engine). The one flag every part of the app asks.
    bool teamMode = false;
    int schemaVersion = 0;
    int knownSchemaVersion = 0; // the newest this build understands
    qint64 customers = 0;
    qint64 appointments = 0;
    qint64 invoices = 0;
    qint64 pendingJobs = 0;     // outbox waiting to be delivered
    qint64 failedJobs = 0;      // retry queue waiting for a person
    qint64 auditEntries = 0;
    qint64 users = 0;
    QList<Domain::Connection> connections; // one per system, NotConfigured when absent
    // Sync health (product.md §6, §7).
    qint64 inFlightJobs = 0;    // part of pendingJobs: claimed by a worker right now
    qint64 succeededJobs = 0;
    qint64 dismissedJobs = 0;
    qint64 openFlags = 0;       // things the engine will not decide alone (wrong-place edits, …)
    QDateTime latencySince;     // start of the latency window (UTC): 24 h before collection
    QList<Sync::LatencySummary> latency; // per kind of change carried since latencySince
    // Webhooks received since latencySince, per system that sent any.
    QList<Store::OperationsRepository::InboundSummary> webhooks;
    QString error;              // why the store is not open, when !open
    // Team mode (PostgreSQL): whether changes made elsewhere (other desktops,
    // concord-syncd) reach this desktop by themselves (Store::ChangeFeed).
    // Set by the Backend; collectStatus() leaves it NotApplicable.
    enum class LiveUpdates {
        NotApplicable, // SQLite: one process, refreshed from within
        Live,          // listening: what others change shows within about a second
        Lost,          // the connection dropped: nothing shows until the store is reopened
    };
    LiveUpdates liveUpdates = LiveUpdates::NotApplicable;
};

} // namespace Concord::Services

Q_DECLARE_METATYPE(Concord::Services::StoreStatus)

#include "common/error.h"

namespace Concord::Store {
class Database;
}

namespace Concord::Services {

// Reads the counts, schema version and connection states of an open store,
// plus the sync health: the outbox by state, open flags and the delivery
// latency per kind over the 24 hours before `clock`'s now.
[[nodiscard]] Result<StoreStatus> collectStatus(Store::Database &db, const Clock &clock = Clock::system());

// The whole status as JSON (for `concord-cli status --json`): no secrets.
// Keys: store{…}, counts{…, openFlags}, outbox{pending, inFlight, failed,
// succeeded, dismissed}, latency{since, windowHours, kinds[{kind, count,
// p50Ms, p95Ms, targetMs (null = none), withinTarget}]}, connections[…], version.
[[nodiscard]] QByteArray statusToJson(const StoreStatus &status);

} // namespace Concord::Services
