#pragma once

#include "common/config.h"
#include "common/error.h"
#include "domain/operations.h"
#include "store/outboxrepository.h"
#include "sync/syncengine.h"
#include "sync/webhookreceiver.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <memory>

namespace Concord {
class Clock;
namespace Security {
class SecretStore;
}
namespace Store {
class Database;
class OperationsRepository;
} // namespace Store
namespace Sync {
class ConnectorSet;
}
} // namespace Concord

namespace Concord::Services {

// How a graceful stop ended (SyncHost::stop).
struct SyncStopOutcome {
    bool withinGrace = true;  // every delivery in flight finished before the deadline
    int releasedClaims = 0;   // deliveries abandoned at the deadline: their jobs are pending again
    QString problem;          // releasing the claims failed (they expire after the lease instead)
    Sync::CycleReport report; // what the engine did in its life
};

// What a running sync service is doing, for /readyz and /health. Pure value.
struct SyncHealth {
    QString version;
    QString worker;
    bool stopping = false;
    bool storeReachable = false;
    QString store;            // the store URL without credentials
    QString storeError;       // why it is not reachable
    Store::OutboxCounts outbox;
    QList<Domain::Connection> connections; // one per system, from the store
    // The last poll of each system that read through to its end (its
    // capture cursors' newest write); absent = none yet.
    QHash<Domain::System, QDateTime> lastPollAt;
    QStringList missing;      // systems the configuration or secrets leave out, in words
    bool webhooksConfigured = false;
    bool webhooksListening = false;
    bool webhookSecretsLoaded = false;
    QString webhooksAddress;
    QList<std::pair<Domain::System, Sync::WebhookCounters>> webhooks;
    QStringList reasons;      // why it is not ready; empty = ready

    [[nodiscard]] bool ready() const { return reasons.isEmpty(); }
    // {"ready":…, "reasons":[…], "version", "worker", "stopping", "store":{…},
    //  "outbox":{pending, inFlight, failed, succeeded}, "connections":[{system,
    //  state, lastPollAt, lastSuccessAt, lastError, …}], "webhooks":{…}}. No secrets.
    [[nodiscard]] QByteArray toJson() const;
};

// A sync engine kept running until stopped: what `concord-cli sync --watch`
// and concord-syncd share. Opens (and migrates) the store, wires the
// connectors, the engine and — when [webhooks] listen is set — the webhook
// receiver; stops gracefully.
//
// Graceful stop (stop()): the engine stops polling and claiming at once;
// deliveries in flight may finish until the grace runs out; then whatever
// is still in flight is abandoned (the engine and the connectors are
// destroyed, so no late answer writes anything) and its outbox claims are
// released, so the jobs are pending again: the next start delivers them,
// and their idempotency keys (QuickBooks requestid, HubSpot look-up before a
// create) keep a delivery that did reach the remote from happening twice.
// The webhook receiver closes last: events it stored are hints that the next
// start's first poll covers anyway.
//
// Contract
// - Thread affinity: one thread with an event loop (the store's single
//   writer); `secrets` and `clock` must outlive the host.
// - stopped() is emitted once per stop(), from the event loop, never inside
//   stop(); after it the engine and the receiver are gone (engine() and
//   receiver() return nullptr) and the store stays open for a last look.
class SyncHost final : public QObject
{
    Q_OBJECT
public:
    ~SyncHost() override;

    // `connectionName`: the store connection's name (unique per thread).
    [[nodiscard]] static Result<std::unique_ptr<SyncHost>>
    open(const Config &config, Security::SecretStore &secrets, const Clock &clock, Sync::EngineSettings settings,
         const QString &connectionName);

    // Starts watching (and the webhook receiver). InvalidConfig when the
    // receiver cannot listen.
    [[nodiscard]] Status start();
    // See the class comment. A second call while stopping is ignored.
    void stop(std::chrono::milliseconds grace);
    [[nodiscard]] bool isStopping() const { return m_stopping; }

    [[nodiscard]] SyncHealth health() const;

    [[nodiscard]] Store::Database &database() const { return *m_db; }
    [[nodiscard]] Sync::SyncEngine *engine() const { return m_engine.get(); }
    [[nodiscard]] Sync::WebhookReceiver *receiver() const { return m_receiver.get(); }
    [[nodiscard]] const QString &worker() const { return m_settings.worker; }
    // The systems left out, in words (Sync::ConnectorSet::missing()).
    [[nodiscard]] QStringList missing() const { return m_missing; }

signals:
    void stopped(const Concord::Services::SyncStopOutcome &outcome);

private:
    SyncHost(const Config &config, Security::SecretStore &secrets, const Clock &clock, Sync::EngineSettings settings);
    void finishStop(bool withinGrace);

    Config m_config;
    Security::SecretStore &m_secrets;
    const Clock &m_clock;
    Sync::EngineSettings m_settings;
    // Destroyed bottom-up: receiver and engine before the connectors, those
    // before the repository and the store.
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<Store::OperationsRepository> m_operations;
    std::unique_ptr<Sync::ConnectorSet> m_connectors;
    std::unique_ptr<Sync::SyncEngine> m_engine;
    std::unique_ptr<Sync::WebhookReceiver> m_receiver;
    QStringList m_missing;
    bool m_stopping = false;
    bool m_finished = false;
    QTimer m_graceTimer;
};

} // namespace Concord::Services

Q_DECLARE_METATYPE(Concord::Services::SyncStopOutcome)
