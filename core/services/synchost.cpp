#include "services/synchost.h"

#include "common/clock.h"
#include "security/secretstore.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/operationsrepository.h"
#include "sync/connectorset.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSyncHost, "concord.sync.host", QtInfoMsg)

namespace Concord::Services {

using Domain::System;

namespace {

QJsonValue instant(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

} // namespace

SyncHost::SyncHost(const Config &config, Security::SecretStore &secrets, const Clock &clock,
                   Sync::EngineSettings settings)
    : m_config(config)
    , m_secrets(secrets)
    , m_clock(clock)
    , m_settings(std::move(settings))
{
    m_graceTimer.setSingleShot(true);
    // A deadline, not a hint: a coarse timer may fire 5 % early.
    m_graceTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_graceTimer, &QTimer::timeout, this, [this] { finishStop(false); });
}

SyncHost::~SyncHost()
{
    m_receiver.reset();
    m_engine.reset();
    m_connectors.reset();
    m_operations.reset();
    m_db.reset();
}

Result<std::unique_ptr<SyncHost>> SyncHost::open(const Config &config, Security::SecretStore &secrets,
                                                 const Clock &clock, Sync::EngineSettings settings,
                                                 const QString &connectionName)
{
    std::unique_ptr<SyncHost> host(new SyncHost(config, secrets, clock, std::move(settings)));
    auto db = Store::Database::open(config.storeUrl, connectionName);
    if (!db)
        return std::unexpected(db.error());
    if (auto migrated = Store::migrate(**db); !migrated)
        return std::unexpected(migrated.error());
    host->m_db = std::move(*db);
    host->m_operations = std::make_unique<Store::OperationsRepository>(*host->m_db, clock);
    auto connectors = Sync::ConnectorSet::create(config, secrets, *host->m_operations, clock);
    if (!connectors)
        return std::unexpected(connectors.error());
    host->m_connectors = std::move(*connectors);
    host->m_missing = host->m_connectors->missing();
    // The engine takes back, at construction, what this worker had claimed
    // when it last stopped without releasing (a crash, SIGKILL).
    host->m_engine = std::make_unique<Sync::SyncEngine>(*host->m_db, *host->m_connectors, host->m_settings, clock);
    return host;
}

Status SyncHost::start()
{
    if (!m_engine || m_stopping)
        return fail(ErrorCode::InvalidArgument, u"the sync host was stopped; open a new one"_s);
    if (!m_config.webhooksListen.isEmpty() && !m_receiver) {
        auto started = Sync::WebhookReceiver::startFor(*m_engine, *m_db, m_secrets, m_clock, m_config.webhooksListen,
                                                       QUrl(m_config.webhooksPublicUrl));
        if (!started)
            return std::unexpected(started.error());
        m_receiver = std::move(*started);
    }
    // What is missing the engine reports itself as it starts (a warning each).
    m_engine->startWatching();
    qCInfo(lcSyncHost).noquote() << "watching as worker" << m_settings.worker;
    return {};
}

void SyncHost::stop(std::chrono::milliseconds grace)
{
    if (m_stopping)
        return;
    m_stopping = true;
    if (!m_engine) {
        QMetaObject::invokeMethod(this, [this] { finishStop(true); }, Qt::QueuedConnection);
        return;
    }
    // Queued: the engine may emit stopped() from inside a delivery's
    // callback, and finishStop() destroys it.
    connect(m_engine.get(), &Sync::SyncEngine::stopped, this, [this] { finishStop(true); }, Qt::QueuedConnection);
    qCInfo(lcSyncHost).noquote() << u"stopping: no new work; deliveries in flight may finish within %1 ms"_s.arg(
        grace.count());
    m_graceTimer.start(int(std::max<qint64>(0, grace.count())));
    m_engine->stop();
}

void SyncHost::finishStop(bool withinGrace)
{
    if (m_finished)
        return;
    m_finished = true;
    m_graceTimer.stop();
    SyncStopOutcome outcome;
    outcome.withinGrace = withinGrace;
    if (m_engine)
        outcome.report = m_engine->report();
    // Abandon what is still in flight: without the engine (its runner is the
    // context of every continuation) and the connectors (their requests are
    // aborted), no late answer can write to the store after the release.
    m_engine.reset();
    m_connectors.reset();
    Store::OutboxRepository outbox(*m_db, m_clock);
    if (auto released = outbox.releaseClaims(m_settings.worker); released) {
        outcome.releasedClaims = *released;
    } else {
        outcome.problem = u"the claims of the deliveries in flight could not be released (they expire after "
                          "their lease of %1 s): %2"_s.arg(m_settings.leaseSecs)
                              .arg(released.error().message);
        qCWarning(lcSyncHost).noquote() << outcome.problem;
    }
    if (outcome.releasedClaims > 0)
        qCWarning(lcSyncHost).noquote()
            << u"%1 deliveries were still in flight at the deadline: abandoned, pending again for the next start"_s
                   .arg(outcome.releasedClaims);
    if (m_receiver) {
        m_receiver->close();
        m_receiver.reset();
    }
    QMetaObject::invokeMethod(this, [this, outcome] { emit stopped(outcome); }, Qt::QueuedConnection);
}

SyncHealth SyncHost::health() const
{
    SyncHealth h;
    h.version = QStringLiteral(CONCORD_VERSION);
    h.worker = m_settings.worker;
    h.stopping = m_stopping;
    h.store = m_db->url().redacted();
    h.missing = m_missing;
    if (m_stopping)
        h.reasons << u"stopping"_s;

    Store::OutboxRepository outbox(*m_db, m_clock);
    Store::OperationsRepository ops(*m_db, m_clock);
    auto counts = outbox.counts();
    auto connections = counts ? ops.connections() : Result<QList<Domain::Connection>>(std::unexpected(counts.error()));
    if (counts && connections) {
        h.storeReachable = true;
        h.outbox = *counts;
        h.connections = *connections;
    } else {
        h.storeError = counts ? connections.error().message : counts.error().message;
        h.reasons << u"store: %1"_s.arg(h.storeError);
    }
    if (h.storeReachable) {
        // One aggregate over the cursors the engine writes after each
        // complete read (no repository answers "per system"; read-only).
        auto polls = m_db->select<std::pair<QString, QDateTime>>(
            u"SELECT system, MAX(updated_at) FROM sync_cursors GROUP BY system"_s, {},
            [](const QSqlQuery &q) { return std::pair{q.value(0).toString(), Store::Sql::toDateTime(q.value(1))}; });
        if (polls) {
            for (const auto &[name, at] : std::as_const(*polls))
                if (auto system = Domain::parseSystem(name); system)
                    h.lastPollAt.insert(*system, at);
        }
    }
    for (const QString &why : m_missing)
        h.reasons << why;
    for (const Domain::Connection &c : std::as_const(h.connections)) {
        using Domain::ConnectionState;
        if (c.state == ConnectionState::Error || c.state == ConnectionState::Expired
            || c.state == ConnectionState::Disconnected) {
            h.reasons << u"%1: %2%3"_s.arg(Domain::displayName(c.system), Domain::toString(c.state),
                                           c.lastError.isEmpty() ? QString() : u" ("_s + c.lastError + u')');
        }
    }

    h.webhooksConfigured = !m_config.webhooksListen.isEmpty();
    if (m_receiver) {
        h.webhooksListening = m_receiver->isListening();
        h.webhookSecretsLoaded = m_receiver->hasLoadedSecrets();
        const QUrl local = m_receiver->localUrl();
        h.webhooksAddress = local.isValid() ? local.authority() : QString();
        for (System s : Domain::allSystems())
            h.webhooks.append({s, m_receiver->counters(s)});
    }
    if (h.webhooksConfigured && !m_stopping) {
        if (!h.webhooksListening)
            h.reasons << u"webhooks: not listening on %1"_s.arg(m_config.webhooksListen);
        else if (!h.webhookSecretsLoaded)
            h.reasons << u"webhooks: the signing secrets are still being read"_s;
    }
    return h;
}

QByteArray SyncHealth::toJson() const
{
    QJsonArray conns;
    for (const Domain::Connection &c : connections) {
        conns.append(QJsonObject{{u"system"_s, Domain::toString(c.system)},
                                 {u"state"_s, Domain::toString(c.state)},
                                 {u"account"_s, c.accountLabel},
                                 {u"baseUrl"_s, c.baseUrl},
                                 // The engine records a successful read at most once a minute.
                                 {u"lastPollAt"_s, instant(lastPollAt.value(c.system))},
                                 {u"lastSuccessAt"_s, instant(c.lastOkAt)},
                                 {u"lastError"_s, c.lastError},
                                 {u"updatedAt"_s, instant(c.updatedAt)}});
    }
    QJsonObject hooks{{u"configured"_s, webhooksConfigured},
                      {u"listening"_s, webhooksListening},
                      {u"secretsLoaded"_s, webhookSecretsLoaded},
                      {u"address"_s, webhooksAddress}};
    QJsonObject perSystem;
    for (const auto &[system, c] : webhooks) {
        perSystem.insert(Domain::toString(system), QJsonObject{{u"accepted"_s, c.accepted},
                                                               {u"repeats"_s, c.repeats},
                                                               {u"rejected"_s, c.rejected},
                                                               {u"lastReceivedAt"_s, instant(c.lastReceivedAt)},
                                                               {u"lastProblem"_s, c.lastProblem}});
    }
    hooks.insert(u"systems"_s, perSystem);
    const QJsonObject root{
        {u"ready"_s, ready()},
        {u"reasons"_s, QJsonArray::fromStringList(reasons)},
        {u"version"_s, version},
        {u"worker"_s, worker},
        {u"stopping"_s, stopping},
        {u"store"_s, QJsonObject{{u"url"_s, store}, {u"reachable"_s, storeReachable}, {u"error"_s, storeError}}},
        {u"outbox"_s, QJsonObject{{u"pending"_s, outbox.pending},
                                  {u"inFlight"_s, outbox.inFlight},
                                  {u"failed"_s, outbox.failed},
                                  {u"succeeded"_s, outbox.succeeded}}},
        {u"connections"_s, conns},
        {u"missing"_s, QJsonArray::fromStringList(missing)},
        {u"webhooks"_s, hooks},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace Concord::Services
