#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/system.h"
#include "store/operationsrepository.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QObject>

#include <memory>
#include <QMutex>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QUrl>

class QHttpServer;
class QThread;
class QHttpServerRequest;
class QHttpServerResponse;

namespace Concord::Security {
class SecretStore;
}
namespace Concord::Store {
class Database;
}

namespace Concord::Sync {

class SyncEngine;

// What the receiver has seen from one system since it was made, for status.
struct WebhookCounters {
    qint64 accepted = 0; // events stored for the first time
    qint64 repeats = 0; // events already stored (redeliveries): answered 200, stored once
    qint64 rejected = 0; // requests answered other than 200 (signature, body, size, method, store)
    QDateTime lastReceivedAt; // UTC: the last request answered 200; invalid = none yet
    QString lastProblem; // why the last refused request was refused; never a secret or a signature
};

// Capture by webhook (architecture.md, "Data flow of one change", step 1):
// an HTTP receiver for QuickBooks, HubSpot and Cal.com webhooks on
// [webhooks] listen, with one POST path per system:
//   /webhooks/quickbooks  intuit-signature (legacy and CloudEvents payloads)
//   /webhooks/hubspot     X-HubSpot-Signature-v3 + X-HubSpot-Request-Timestamp
//   /webhooks/calcom      X-Cal-Signature-256 (+ x-cal-webhook-version)
//
// Why a webhook is only a verified, persisted HINT. Concord polls every
// system always (Cal.com afterUpdatedAt, QuickBooks CDC, HubSpot
// lastmodifieddate), and the poll is what applies changes. A webhook only
// says "something changed in X, poll X now". So the receiver does the least
// that is safe and answers fast — QuickBooks wants an answer within 3 s
// (and holds back every later notification until it gets one), HubSpot
// within 5 s:
//   1. verify the signature with the system's secret (read from the secret
//      store at listen(); a system without one is refused, never trusted);
//   2. parse the body with the connector's own parser, so an unreadable
//      delivery is refused (400) instead of being acknowledged and lost;
//   3. store every event as a Domain::InboundEvent (dedupe by the event's own
//      key: a redelivery is a repeat, stored once) in one transaction;
//   4. answer 200, then emit changed(system) so the engine polls it at once.
// Because the poll reads the source's current state, deliveries that arrive
// out of order or twice are harmless, and a lost webhook only costs latency
// until the next timed poll. Nothing here interprets an event; the engine
// marks events processed after a poll that started after them
// (Store::OperationsRepository::markInboundProcessedBefore).
//
// Answers: 200 stored or repeated ({"stored":n,"repeats":m}); 401 bad or
// missing signature, stale HubSpot timestamp (> 5 min) or no secret set for
// that system; 400 signed but unreadable ({"error":"…"}) — except from
// QuickBooks, whose ordered delivery a 400 would stall: such a body is kept
// (failed, with the reason), acknowledged with 200, and polled for; 404 unknown path;
// 405 not a POST; 413 body over 1 MiB; 503 (Retry-After) while the secrets
// are still being read; 500 when the store refuses the events (the sender
// retries). Refusals are counted per system and logged once per distinct
// cause (category concord.sync.webhooks), without secrets or signatures;
// repeats of a cause are logged at debug level only.
//
// Bodies are stored one event each, in the system's own delivery format (a
// one-element array, or a one-entity eventNotifications object), so a stored
// body reads back through the same parser.
//
// HubSpot signs the full URI it called. Behind a reverse proxy set the
// public URL (Config::webhooksPublicUrl: the base under which /webhooks/…
// is reachable); without it the URI is rebuilt from X-Forwarded-Proto /
// X-Forwarded-Host or the Host header. Those headers are the caller's to
// choose, but a signature over them still needs the client secret, so they
// open no way to forge a request.
//
// Where requests are served. On SQLite, from the owning thread's event loop
// (the store has one writer: a second connection would only wait for the
// engine's lock). On PostgreSQL (team mode, concord-syncd), from an intake
// thread of the receiver's own with its own connection to the same
// database: the engine on the sync thread applies changes in batches that
// hold its event loop for seconds under load, and an answer must not wait
// for them (QuickBooks' 3 s); bench_webhookload measures both (docs/
// benchmarks.md, "Webhook load — issue 8"). changed() is still emitted on
// the owning thread.
//
// Contract
// - Thread affinity: the sync thread. Create it, call it and destroy it
//   there. Nothing blocks: the secrets are read asynchronously, each request
//   is answered from the handler with one short transaction. listen() and
//   close() wait for the intake thread to start or stop (PostgreSQL).
// - `db`, `secrets` and `clock` must outlive the receiver.
// - changed() is emitted from the event loop after the answer is written,
//   once per request that stored at least one new event.
class WebhookReceiver : public QObject {
    Q_OBJECT
public:
    // Larger bodies are refused with 413 (QuickBooks: ~1 MB per notification;
    // HubSpot: 100 events).
    static constexpr qsizetype kMaxBodyBytes = 1024 * 1024;

    WebhookReceiver(Store::Database &db, Security::SecretStore &secrets, const Clock &clock,
                    QObject *parent = nullptr);
    ~WebhookReceiver() override;

    // The receiver as every host of a sync engine sets it up (`sync --watch`,
    // the desktop, the benchmark, the tests): listening on `listen` (see
    // listen()), checking HubSpot signatures against `publicUrl` when given,
    // and waking `engine` with every stored delivery (webhookHint). Same
    // thread as the engine; the engine must outlive the receiver.
    [[nodiscard]] static Result<std::unique_ptr<WebhookReceiver>>
    startFor(SyncEngine &engine, Store::Database &db, Security::SecretStore &secrets, const Clock &clock,
             const QString &listen, const QUrl &publicUrl = {});

    // Listens on "host:port" (an IP address, "[v6]" or localhost; port 0 =
    // any free port, for tests) and starts reading the three secrets. Returns
    // the port. InvalidConfig, naming the address and the system's reason,
    // when the address is malformed or cannot be bound; InvalidArgument when
    // already listening.
    [[nodiscard]] Result<quint16> listen(const QString &hostPort);
    // Stops listening and drops open connections. listen() may follow.
    void close();
    [[nodiscard]] bool isListening() const { return !m_server.isNull(); }
    [[nodiscard]] quint16 port() const { return m_port; }
    // http://<bound address>:<port> while listening (what a local sender,
    // such as the sandbox's emulators, posts to); invalid otherwise.
    [[nodiscard]] QUrl localUrl() const;

    // Where senders reach the receiver publicly (scheme, host, port and an
    // optional path prefix); HubSpot's signed URI is this + the request's
    // path and query. Invalid/empty = rebuild it from each request's headers.
    void setPublicUrl(const QUrl &url);
    [[nodiscard]] QUrl publicUrl() const { return m_publicUrl; }

    // Reads the three secrets again (after `concord-cli secrets set`). Until
    // the answers arrive the values read before stay in use.
    void reloadSecrets();
    // Whether every secret has been answered at least once (set, not set or
    // failed); stays true during a reload.
    [[nodiscard]] bool hasLoadedSecrets() const;

    [[nodiscard]] WebhookCounters counters(Domain::System system) const;

signals:
    // New events from `system` were stored: poll it now.
    void changed(Concord::Domain::System system);
    // The secret store answered for all three systems (after listen() or
    // reloadSecrets()); may be emitted inside those calls when the store
    // answers at once.
    void secretsLoaded();

private:
    struct Secret {
        enum class State { Loading, Set, NotSet, Failed };
        State state = State::Loading;
        QString value;
        QString problem; // Failed: the store's error text (never the value)
    };
    struct Refusal;

    void takeSecret(Domain::System system, quint64 generation, const Result<QString> &read);
    // A signed QuickBooks delivery that cannot be read: kept, acknowledged.
    [[nodiscard]] QHttpServerResponse keepUnreadable(Domain::System system, const QByteArray &body,
                                                     const Error &error, const QDateTime &now);
    [[nodiscard]] QHttpServerResponse handle(Domain::System system,
                                             const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse refuse(Domain::System system, const Refusal &refusal);
    [[nodiscard]] QByteArray signedUri(const QHttpServerRequest &request) const;

    // The store requests write to: the intake thread's own connection on
    // PostgreSQL, else the owner's.
    [[nodiscard]] Store::Database &requestDb() { return m_intakeDb ? *m_intakeDb : m_db; }
    [[nodiscard]] Store::OperationsRepository &requestOperations()
    {
        return m_intakeOperations ? *m_intakeOperations : m_operations;
    }
    void stopIntake();

    Store::Database &m_db;
    Security::SecretStore &m_secretStore;
    const Clock &m_clock;
    Store::OperationsRepository m_operations;
    // PostgreSQL only: the thread requests are served on, a context object
    // living there, and its connection (opened and closed on it).
    std::unique_ptr<QThread> m_intakeThread;
    QObject *m_intakeContext = nullptr;
    std::unique_ptr<Store::Database> m_intakeDb;
    std::unique_ptr<Store::OperationsRepository> m_intakeOperations;
    // Guards what requests read and write while they may run on the intake
    // thread: m_secrets, m_counters, m_loggedCauses, m_publicUrl, m_address.
    mutable QMutex m_mutex;
    QPointer<QHttpServer> m_server;
    quint16 m_port = 0;
    QString m_address; // "127.0.0.1:8790" as listening, for logs
    QString m_boundHost; // the address alone, for localUrl()
    QUrl m_publicUrl;
    QHash<Domain::System, Secret> m_secrets;
    quint64 m_secretGeneration = 0;
    int m_secretsAwaited = 0; // answers the current generation still waits for
    QHash<Domain::System, WebhookCounters> m_counters;
    QSet<QString> m_loggedCauses;
};

} // namespace Concord::Sync
