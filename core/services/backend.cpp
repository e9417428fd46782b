#include "services/backend.h"
#include "services/backend_p.h"

#include "services/connectioncommands.h"
#include "services/dashboarddata.h"
#include "services/duplicatescan.h"
#include "services/identitydata.h"
#include "services/jobclients.h"
#include "services/synccontrol.h"
#include "services/mergeworkflow.h"
#include "services/recordsdata.h"
#include "services/mappingsdata.h"
#include "services/settingsdata.h"

#include "common/logging.h"
#include "security/auditlog.h"
#include "services/admincommands.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/operationsrepository.h"
#include "security/secretstore.h"
#include "security/signin.h"
#include "sync/connectorset.h"
#include "store/appointmentrepository.h"
#include "store/customerrepository.h"
#include "store/rulesrepository.h"
#include "connectors/hubspot/hubspotclient.h"
#include "connectors/quickbooks/quickbooksclient.h"
#include "connectors/quickbooks/taxcode.h"
#include "store/outboxrepository.h"
#include "store/changefeed.h"
#include "sync/syncengine.h"
#include "sync/webhookreceiver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Concord::Services {
using Domain::System;
}

namespace Concord::Services {

namespace {
// The backlog bar's readings (ms): once a second while there is a backlog
// (the bar moves, and at most one update a second crosses to the GUI),
// every 5 s otherwise (a cheap GROUP BY over the outbox's state index).
constexpr int kBacklogBusyMs = 1000;
constexpr int kBacklogIdleMs = 5000;
// Scan progress crosses to the GUI at most this often (ms).
constexpr qint64 kScanProgressMs = 100;
} // namespace

Backend::Backend(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
}

Backend::~Backend() = default;

void Backend::openAs(const QString &storeUrl, const QString &user, const QString &password)
{
    d->signInUser = user;
    d->signInPassword = password;
    open(storeUrl);
}

void Backend::open(const QString &storeUrl)
{
    close();
    d->url = storeUrl;
    auto url = Store::StoreUrl::parse(storeUrl);
    if (url && url->engine == Store::Engine::PostgreSQL && !d->signInPassword.isEmpty())
        *url = Security::signedIn(*url, d->signInUser, d->signInPassword);
    auto db = url ? Store::Database::open(*url, u"backend-%1"_s.arg(quintptr(QThread::currentThreadId())))
                  : Result<std::unique_ptr<Store::Database>>(std::unexpected(url.error()));
    if (!db) {
        StoreStatus failed;
        failed.url = storeUrl;
        failed.error = db.error().message;
        Q_EMIT statusChanged(failed);
        Q_EMIT errorOccurred(db.error());
        return;
    }
    // Team mode: people may not create tables; only a store behind this
    // build's schema is migrated (by its owner, docs/team-users.md).
    auto version = Store::schemaVersion(**db);
    if (auto ok = version && *version == Store::latestSchemaVersion() ? Status{} : Store::migrate(**db); !ok) {
        StoreStatus failed;
        failed.url = (*db)->url().redacted();
        failed.error = ok.error().message;
        Q_EMIT statusChanged(failed);
        Q_EMIT errorOccurred(ok.error());
        return;
    }
    d->db = std::move(*db);
    // Who acts from this desktop: the OS account (the solo owner of a new
    // store), or in team mode the person PostgreSQL signed in.
    if (auto actor = AdminCommands(*d->db).actingOsUser(); actor) {
        d->actor = *actor;
        Q_EMIT actorChanged(actor->role, actor->username);
    } else {
        d->actor.reset();
        qCInfo(lcStore) << "acting as a viewer:" << actor.error().message;
        QString name = AdminCommands::osUsername();
        if (d->db->engine() == Store::Engine::PostgreSQL) {
            if (auto session = d->db->scalar(u"SELECT session_user"_s); session)
                name = session->toString();
        }
        Q_EMIT actorChanged(Domain::Role::Viewer, name);
    }
    startChangeFeed();
    auto status = collectStatus(*d->db);
    if (!status) {
        Q_EMIT errorOccurred(status.error());
        return;
    }
    status->liveUpdates = d->liveUpdates();
    Q_EMIT opened(*status);
    Q_EMIT statusChanged(*status);
}

void Backend::refreshStatus()
{
    if (!d->db) {
        StoreStatus closed;
        closed.url = d->url;
        closed.error = u"the store is not open"_s;
        Q_EMIT statusChanged(closed);
        return;
    }
    auto status = collectStatus(*d->db);
    if (!status) {
        Q_EMIT errorOccurred(status.error());
        return;
    }
    status->liveUpdates = d->liveUpdates();
    Q_EMIT statusChanged(*status);
}

void Backend::loadAudit(int limit)
{
    d->asked.auditLimit = limit;
    if (!d->db) {
        Q_EMIT errorOccurred(Error::make(ErrorCode::Storage, u"the store is not open"_s));
        return;
    }
    auto entries = Security::AuditLog(*d->db).recent(limit);
    if (!entries) {
        Q_EMIT errorOccurred(entries.error());
        return;
    }
    Q_EMIT auditLoaded(*entries);
}

void Backend::loadRetryQueue()
{
    d->asked.retryQueue = true;
    if (!d->db) {
        Q_EMIT retryQueueFailed(tr("The store is not open."));
        return;
    }
    // What waits for a person, and what is still on its way.
    Store::OutboxRepository outbox(*d->db);
    QList<Domain::OutboxJob> jobs;
    for (const Domain::JobState state : {Domain::JobState::Failed, Domain::JobState::Pending, Domain::JobState::InFlight}) {
        Store::OutboxFilter filter;
        filter.state = state;
        filter.limit = 2000;
        auto some = outbox.list(filter);
        if (!some) {
            Q_EMIT retryQueueFailed(some.error().message);
            return;
        }
        jobs += *some;
    }
    // Who each job is about, for the Record column. A failure here costs
    // only the names: the queue itself is still shown.
    auto names = clientNamesForJobs(*d->db, jobs);
    if (!names)
        qCWarning(lcStore) << "retry queue: client names not read:" << names.error().toString();
    Q_EMIT retryQueueClientNames(names.value_or(QHash<QString, QString>()));
    Q_EMIT retryQueueLoaded(jobs);
}

QString Backend::whyCannotAct() const
{
    if (!d->db)
        return tr("The store is not open.");
    if (!d->actor)
        return tr("You are not a Concord user on this store: ask an owner to add you.");
    return {};
}

template<typename Command, typename Failed, typename Done>
bool Backend::act(Command command, Failed failed, Done done)
{
    if (const QString why = whyCannotAct(); !why.isEmpty()) {
        failed(why);
        return false;
    }
    AdminCommands commands(*d->db);
    if (Status ok = command(commands, *d->actor); !ok)
        failed(ok.error().message);
    else
        done();
    return true;
}

template<typename Command>
void Backend::jobCommand(Command command, const QString &done)
{
    const bool ran = act(command, [this](const QString &why) { Q_EMIT retryQueueFailed(why); },
                         [this, &done] { Q_EMIT retryQueueDone(done); });
    if (!ran)
        return;
    loadRetryQueue();
    refreshStatus();
}

void Backend::retryJobs(const QList<qint64> &ids)
{
    if (const QString why = whyCannotAct(); !why.isEmpty()) {
        Q_EMIT retryQueueFailed(why);
        return;
    }
    auto outcomes = AdminCommands(*d->db).retryJobs(*d->actor, ids);
    if (!outcomes)
        Q_EMIT retryQueueFailed(outcomes.error().message);
    else
        Q_EMIT retryOutcomes(*outcomes);
    loadRetryQueue();
    refreshStatus();
}

void Backend::overrideJob(qint64 id, const QByteArray &payloadJson)
{
    jobCommand([&](AdminCommands &c, const Security::Actor &a) { return c.overrideJobPayload(a, id, payloadJson); },
               tr("Change #%1 edited: Concord sends it now.").arg(id));
}

void Backend::linkJob(qint64 id, const QString &remoteId)
{
    jobCommand([&](AdminCommands &c, const Security::Actor &a) { return c.linkJobToExisting(a, id, remoteId); },
               tr("Change #%1 linked to %2.").arg(id).arg(remoteId));
}

void Backend::dismissJob(qint64 id, const QString &reason)
{
    jobCommand([&](AdminCommands &c, const Security::Actor &a) { return c.dismissJob(a, id, reason); },
               tr("Dismissed change #%1.").arg(id));
}

void Backend::loadBillingRules()
{
    d->asked.billingRules = true;
    if (!d->db) {
        Q_EMIT billingRulesFailed(tr("The store is not open."));
        return;
    }
    const auto failed = [this](const Error &error) { Q_EMIT billingRulesFailed(error.message); };
    BillingRulesData data;
    Store::RulesRepository rules(*d->db);
    auto tax = rules.taxRules();
    if (!tax)
        return failed(tax.error());
    auto discounts = rules.discountRules();
    if (!discounts)
        return failed(discounts.error());
    auto policies = rules.invoicePolicies();
    if (!policies)
        return failed(policies.error());
    auto services = Store::AppointmentRepository(*d->db).allServices();
    if (!services)
        return failed(services.error());
    auto customers = Store::CustomerRepository(*d->db).list(0, 100'000);
    if (!customers)
        return failed(customers.error());
    data.taxRules = *tax;
    data.discountRules = *discounts;
    data.invoicePolicies = *policies;
    data.services = *services;
    for (const Domain::Customer &c : std::as_const(*customers))
        if (c.state == Domain::CustomerState::Active)
            data.customers.append({c.id, c.displayName});
    auto *qbo = d->connectors ? d->connectors->quickBooks() : nullptr;
    if (!qbo) {
        Q_EMIT billingRulesLoaded(data);
        return;
    }
    // The tax codes come from QuickBooks itself (the rules name its ids).
    qbo->taxCodes().then(this, [this, data](Result<QList<QuickBooks::TaxCode>> codes) mutable {
        if (codes) {
            for (const QuickBooks::TaxCode &c : std::as_const(*codes))
                if (c.active.value_or(true))
                    data.taxCodes.append({c.id, c.name});
        } else {
            qCInfo(lcStore) << "QuickBooks tax codes could not be read:" << codes.error().message;
        }
        Q_EMIT billingRulesLoaded(data);
    });
}

template<typename Command>
void Backend::billingCommand(Command command)
{
    act(command, [this](const QString &why) { Q_EMIT billingRulesFailed(why); }, [this] { loadBillingRules(); });
}

namespace {
template<typename T>
Status asStatus(const Result<T> &r)
{
    if (!r)
        return std::unexpected(r.error());
    return {};
}
} // namespace

void Backend::saveTaxRule(const Domain::TaxRule &rule)
{
    billingCommand([&](AdminCommands &c, const Security::Actor &a) { return asStatus(c.saveTaxRule(a, rule)); });
}

void Backend::deleteTaxRule(qint64 id, int version)
{
    billingCommand([&](AdminCommands &c, const Security::Actor &a) { return c.deleteTaxRule(a, id, version); });
}

void Backend::saveDiscountRule(const Domain::DiscountRule &rule)
{
    billingCommand([&](AdminCommands &c, const Security::Actor &a) { return asStatus(c.saveDiscountRule(a, rule)); });
}

void Backend::deleteDiscountRule(qint64 id, int version)
{
    billingCommand([&](AdminCommands &c, const Security::Actor &a) { return c.deleteDiscountRule(a, id, version); });
}

void Backend::saveInvoicePolicy(const Domain::InvoicePolicy &policy)
{
    billingCommand([&](AdminCommands &c, const Security::Actor &a) { return asStatus(c.saveInvoicePolicy(a, policy)); });
}

void Backend::deleteInvoicePolicy(qint64 id, int version)
{
    billingCommand([&](AdminCommands &c, const Security::Actor &a) { return c.deleteInvoicePolicy(a, id, version); });
}

void Backend::loadMappings()
{
    d->asked.mappings = true;
    if (!d->db) {
        Q_EMIT mappingsFailed(tr("The store is not open."));
        return;
    }
    auto data = collectMappings(*d->db);
    if (!data) {
        Q_EMIT mappingsFailed(data.error().message);
        return;
    }
    auto *hubspot = d->connectors ? d->connectors->hubSpot() : nullptr;
    if (!hubspot) {
        Q_EMIT mappingsLoaded(*data);
        return;
    }
    // The stages a status may map to are the portal's own (ids differ per
    // portal once a pipeline is edited); stored rows naming others stay listed.
    hubspot->dealPipelines().then(this, [this, data = *data](Result<QList<HubSpot::Pipeline>> pipelines) mutable {
        if (!pipelines) {
            qCInfo(lcStore) << "HubSpot deal stages could not be read:" << pipelines.error().message;
            Q_EMIT mappingsLoaded(data);
            return;
        }
        QList<DealStageInfo> stages;
        for (const HubSpot::Pipeline &p : std::as_const(*pipelines)) {
            if (p.archived || p.id != u"default"_s)
                continue;
            for (const HubSpot::PipelineStage &stage : p.stages)
                if (!stage.archived)
                    stages.append({stage.id, stage.label});
        }
        for (const DealStageInfo &known : std::as_const(data.dealStages)) {
            const bool listed = std::any_of(stages.cbegin(), stages.cend(),
                                            [&known](const DealStageInfo &s) { return s.id == known.id; });
            const bool named = std::any_of(data.statuses.cbegin(), data.statuses.cend(),
                                           [&known](const Domain::StatusMapping &m) { return m.targetValue == known.id; });
            if (!listed && named)
                stages.append(known);
        }
        if (!stages.isEmpty())
            data.dealStages = stages;
        Q_EMIT mappingsLoaded(data);
    });
}

void Backend::applyMappings(const MappingBatch &batch)
{
    act(
        [&batch](AdminCommands &c, const Security::Actor &a) -> Status {
            auto applied = c.applyMappings(a, batch);
            if (!applied)
                return std::unexpected(applied.error());
            return {};
        },
        [this](const QString &why) { Q_EMIT mappingsFailed(why); },
        [this] {
            Q_EMIT mappingsApplied(tr("Mappings applied."));
            loadMappings();
        });
}

void Backend::verifyAudit()
{
    if (!d->db) {
        Q_EMIT errorOccurred(Error::make(ErrorCode::Storage, u"the store is not open"_s));
        return;
    }
    auto result = Security::AuditLog(*d->db).verify();
    if (!result) {
        Q_EMIT errorOccurred(result.error());
        return;
    }
    Q_EMIT auditVerified(*result);
}

void Backend::close()
{
    d->stopSync();
    d->syncing = false;
    d->paused = false;
    d->pausing = false;
    if (d->backlogTimer)
        d->backlogTimer->stop();
    d->backlog.reset();
    d->lastBacklog.reset();
    d->connections.reset();
    d->feed.reset(); // before the connection it listens on
    d->asked = {};
    // Findings belong to the store they were read from; answers still on
    // their way are dropped by their generation.
    d->review.weekly.reset();
    d->review.reconciliation.reset();
    d->review.quarterly.reset();
    ++d->review.weeklyGeneration;
    ++d->review.reconciliationGeneration;
    ++d->review.quarterlyGeneration;
    d->db.reset();
}

void Backend::startSync(const Config &config, std::shared_ptr<Security::SecretStore> secrets)
{
    if (!d->db) {
        emit errorOccurred(Error::make(ErrorCode::InvalidArgument, u"the store is not open: cannot start syncing"_s));
        return;
    }
    d->stopSync();
    setEnvironment(config, std::move(secrets));
    d->syncing = true;
    d->paused = false;
    d->pausing = false;
    if (!d->backlogTimer) {
        d->backlogTimer = new QTimer(this);
        connect(d->backlogTimer, &QTimer::timeout, this, &Backend::refreshBacklog);
    }
    d->operations = std::make_unique<Store::OperationsRepository>(*d->db);
    auto connectors = Sync::ConnectorSet::create(config, *d->secrets, *d->operations, Clock::system());
    if (!connectors) {
        emit errorOccurred(connectors.error());
        refreshBacklog(); // no engine: the bar says so
        return;
    }
    d->connectors = std::move(*connectors);
    d->engine = std::make_unique<Sync::SyncEngine>(*d->db, *d->connectors, Sync::EngineSettings::fromConfig(config),
                                                   Clock::system());
    connect(d->engine.get(), &Sync::SyncEngine::jobFinished, this,
            [this](const Domain::OutboxJob &job, bool delivered, const QString &note) {
                emit syncActivity(job, delivered, note);
                if (d->teamMode())
                    return; // the change feed reports this delivery's writes
                // A backlog may have begun: read it within a second, not at
                // the next idle check.
                if (d->backlogTimer->interval() > kBacklogBusyMs)
                    d->backlogTimer->start(kBacklogBusyMs);
                if (d->refreshPending)
                    return;
                d->refreshPending = true;
                QTimer::singleShot(1000, this, [this] {
                    d->refreshPending = false;
                    refreshStatus();
                });
            });
    if (!config.webhooksListen.isEmpty()) {
        // Webhooks only shorten the wait (polling goes on regardless), so a
        // receiver that cannot listen is reported, and syncing carries on.
        auto receiver = Sync::WebhookReceiver::startFor(*d->engine, *d->db, *d->secrets, Clock::system(),
                                                        config.webhooksListen, QUrl(config.webhooksPublicUrl));
        if (!receiver) {
            emit errorOccurred(receiver.error());
        } else {
            d->webhooks = std::move(*receiver);
            emit webhooksListening(d->webhooks->localUrl());
        }
    }
    d->engine->startWatching();
    refreshBacklog();
}

// ---------------------------------------------------------------------------
// Settings: connections, base URLs, users and roles.

void Backend::setEnvironment(const Config &config, std::shared_ptr<Security::SecretStore> secrets)
{
    // Same secrets and config file: keep the connection commands. startSync()
    // comes here from inside their own finished signal (a connect restarts
    // the engine), so dropping them now would delete the emitter mid-signal.
    if (d->connections && d->secrets == secrets && d->config && d->config->sourcePath == config.sourcePath) {
        d->config = config;
        return;
    }
    d->connections.reset(); // over the old secrets; a new one is made on use
    d->config = config;
    d->secrets = std::move(secrets);
}

ConnectionCommands *Backend::connectionCommands(System system, void (Backend::*failed)(System, bool, const QString &))
{
    const auto refuse = [&](const QString &why) {
        Q_EMIT(this->*failed)(system, false, why);
        return nullptr;
    };
    if (const QString why = whyCannotAct(); !why.isEmpty())
        return refuse(why);
    if (!d->config || !d->secrets)
        return refuse(tr("Concord has no configuration to change on this desktop."));
    if (!d->connections) {
        d->connections = std::make_unique<ConnectionCommands>(*d->db, *d->secrets, *d->config);
        ConnectionCommands *c = d->connections.get();
        connect(c, &ConnectionCommands::authorizationUrlReady, this, &Backend::authorizationUrlReady);
        connect(c, &ConnectionCommands::configChanged, this, [this](const Config &changed) { d->config = changed; });
        // Each outcome reaches the page, then the page's data is read again;
        // a change the running engine depends on restarts it with the new
        // configuration (its connectors keep keys and tokens in memory).
        const auto settled = [this](System, bool ok, const QString &) {
            if (ok && d->syncing && d->config && d->secrets)
                startSync(*d->config, d->secrets);
            loadSettings();
            refreshStatus();
        };
        connect(c, &ConnectionCommands::connectFinished, this, &Backend::connectFinished);
        connect(c, &ConnectionCommands::connectFinished, this, settled);
        connect(c, &ConnectionCommands::disconnectFinished, this, &Backend::disconnectFinished);
        connect(c, &ConnectionCommands::disconnectFinished, this, settled);
        connect(c, &ConnectionCommands::baseUrlSaveFinished, this, &Backend::baseUrlSaveFinished);
        connect(c, &ConnectionCommands::baseUrlSaveFinished, this, settled);
        connect(c, &ConnectionCommands::testFinished, this, &Backend::testFinished);
        connect(c, &ConnectionCommands::testFinished, this, [this] {
            loadSettings();
            refreshStatus();
        });
    }
    return d->connections.get();
}

void Backend::loadSettings()
{
    d->asked.settings = true;
    if (!d->db) {
        Q_EMIT settingsFailed(tr("The store is not open."));
        return;
    }
    const Config config = d->config.value_or(Config::defaults());
    auto data = collectSettings(*d->db, config);
    if (!data) {
        Q_EMIT settingsFailed(data.error().message);
        return;
    }
    if (d->connections)
        data->configPath = d->connections->configPath();
    Q_EMIT settingsLoaded(*data);
}

void Backend::connectService(System system)
{
    if (auto *c = connectionCommands(system, &Backend::connectFinished))
        c->connectService(*d->actor, system);
}

void Backend::cancelConnect(System system)
{
    if (d->connections)
        d->connections->cancelConnect(system);
}

void Backend::setApiKey(System system, const QString &key)
{
    if (auto *c = connectionCommands(system, &Backend::connectFinished))
        c->setApiKey(*d->actor, system, key);
}

void Backend::testConnection(System system)
{
    if (auto *c = connectionCommands(system, &Backend::testFinished))
        c->testConnection(*d->actor, system);
}

void Backend::disconnectService(System system)
{
    if (auto *c = connectionCommands(system, &Backend::disconnectFinished))
        c->disconnectService(*d->actor, system);
}

void Backend::saveBaseUrl(System system, const QUrl &url)
{
    if (auto *c = connectionCommands(system, &Backend::baseUrlSaveFinished))
        c->saveBaseUrl(*d->actor, system, url);
}

void Backend::saveUser(const Domain::User &user, const QString &password)
{
    act(
        [&user, &password](AdminCommands &c, const Security::Actor &a) -> Status {
            auto saved = user.id != 0          ? c.updateUser(a, user)
                         : password.isEmpty() ? c.createUser(a, user)
                                              : c.createUserWithPassword(a, user, password);
            if (!saved)
                return std::unexpected(saved.error());
            return {};
        },
        [this](const QString &why) { Q_EMIT settingsFailed(why); },
        [this, &user] {
            Q_EMIT settingsDone(user.id == 0 ? tr("%1 was added.").arg(user.username)
                                             : tr("%1 was saved.").arg(user.username));
            loadSettings();
            refreshStatus();
        });
}

// ---------------------------------------------------------------------------
// Customers and duplicates; appointments and invoices.

void Backend::loadIdentityMap()
{
    d->asked.identityMap = true;
    if (!d->db) {
        Q_EMIT customersFailed(tr("The store is not open."));
        return;
    }
    auto data = collectIdentityMap(*d->db);
    if (!data) {
        Q_EMIT customersFailed(data.error().message);
        return;
    }
    Q_EMIT identityMapLoaded(*data);
}

void Backend::loadDuplicateReview()
{
    d->asked.duplicateReview = true;
    if (!d->db) {
        Q_EMIT customersFailed(tr("The store is not open."));
        return;
    }
    auto data = collectDuplicateReview(*d->db);
    if (!data) {
        Q_EMIT customersFailed(data.error().message);
        return;
    }
    Q_EMIT duplicateReviewLoaded(*data);
}

void Backend::proposeMerge(const Domain::MergeProposal &proposal)
{
    act(
        [&proposal](AdminCommands &c, const Security::Actor &a) -> Status {
            auto id = c.proposeMerge(a, proposal);
            if (!id)
                return std::unexpected(id.error());
            return {};
        },
        [this](const QString &why) { Q_EMIT customersFailed(why); },
        [this] { Q_EMIT customersDone(tr("Merge proposed: an owner can now approve or reject it.")); });
}

void Backend::decideMerge(qint64 proposalId, bool approve, const QString &note)
{
    if (!approve) {
        act([&](AdminCommands &c, const Security::Actor &a) { return c.decideMerge(a, proposalId, false, note); },
            [this](const QString &why) { Q_EMIT customersFailed(why); },
            [this] { Q_EMIT customersDone(tr("Merge rejected. Nothing was changed.")); });
        return;
    }
    if (const QString why = whyCannotAct(); !why.isEmpty()) {
        Q_EMIT customersFailed(why);
        return;
    }
    // Approve, execute in the identity map, then the remote steps: the
    // workflow lives until its future ends (a system not connected fails
    // its own steps, saying so).
    auto *workflow = new MergeWorkflow(*d->db, d->connectors ? d->connectors->quickBooks() : nullptr,
                                       d->connectors ? d->connectors->hubSpot() : nullptr, Clock::system(), this);
    workflow->approve(*d->actor, proposalId, note).then(this, [this, workflow](Result<MergeOutcome> outcome) {
        workflow->deleteLater();
        if (!outcome) {
            Q_EMIT customersFailed(outcome.error().message);
        } else if (const QStringList failed = outcome->remote.failures(); !failed.isEmpty()) {
            Q_EMIT customersFailed(tr("The clients are merged in Concord, but %n step(s) in the other systems "
                                      "failed: %1",
                                      nullptr, int(failed.size()))
                                       .arg(failed.join(u"; "_s)));
        } else if (const QStringList manual = outcome->remote.leftToPerson(); !manual.isEmpty()) {
            Q_EMIT customersDone(tr("Merged. Left for you to do: %1").arg(manual.join(u"; "_s)));
        } else {
            Q_EMIT customersDone(tr("Merged in Concord, HubSpot and QuickBooks."));
        }
        refreshStatus();
    });
}

void Backend::undoMerge(qint64 proposalId)
{
    act(
        [proposalId](AdminCommands &c, const Security::Actor &a) -> Status {
            auto undone = c.undoMerge(a, proposalId);
            if (!undone)
                return std::unexpected(undone.error());
            return {};
        },
        [this](const QString &why) { Q_EMIT customersFailed(why); },
        [this] {
            Q_EMIT customersDone(tr("Merge undone in Concord. What was done in HubSpot and QuickBooks stays."));
            refreshStatus();
        });
}

void Backend::loadAppointments(const QDateTime &fromUtc, const QDateTime &toUtc)
{
    d->asked.appointments = std::pair{fromUtc, toUtc};
    if (!d->db) {
        Q_EMIT appointmentsFailed(tr("The store is not open."));
        return;
    }
    auto data = collectAppointments(*d->db, fromUtc, toUtc, kDefaultRecordLimit, Clock::system());
    if (!data) {
        Q_EMIT appointmentsFailed(data.error().message);
        return;
    }
    Q_EMIT appointmentsLoaded(*data);
}

void Backend::loadInvoices(const QDate &from, const QDate &to)
{
    d->asked.invoices = std::pair{from, to};
    if (!d->db) {
        Q_EMIT invoicesFailed(tr("The store is not open."));
        return;
    }
    auto data = collectInvoices(*d->db, from, to, kDefaultRecordLimit, Clock::system());
    if (!data) {
        Q_EMIT invoicesFailed(data.error().message);
        return;
    }
    Q_EMIT invoicesLoaded(*data);
}

// ---------------------------------------------------------------------------
// Dashboard

void Backend::loadDashboard()
{
    d->asked.dashboard = true;
    if (!d->db) {
        Q_EMIT dashboardFailed(tr("The store is not open."));
        return;
    }
    const Config config = d->config.value_or(Config::defaults());
    auto data = collectDashboard(*d->db, Clock::system(), u"USD"_s, config.businessTimeZone);
    if (!data) {
        Q_EMIT dashboardFailed(data.error().message);
        return;
    }
    Q_EMIT dashboardLoaded(*data);
}

// ---------------------------------------------------------------------------
// Long work: the duplicate scan, with progress and a thread-safe cancel.

void Backend::requestDuplicateScan()
{
    const quint64 ticket = ++d->longWorkIssued;
    QMetaObject::invokeMethod(this, [this, ticket] { runDuplicateScan(ticket); }, Qt::QueuedConnection);
}

void Backend::scanDuplicates()
{
    runDuplicateScan(++d->longWorkIssued);
}

void Backend::cancelLongWork()
{
    // Everything issued so far; a concurrent request keeps its own ticket.
    const quint64 upTo = d->longWorkIssued.load();
    quint64 cancelled = d->longWorkCancelledUpTo.load();
    while (cancelled < upTo && !d->longWorkCancelledUpTo.compare_exchange_weak(cancelled, upTo)) {
    }
    d->cancelLongWork.store(true);
}

void Backend::runDuplicateScan(quint64 ticket)
{
    // Cleared, then set again when this ticket was cancelled meanwhile (in
    // this order, a cancelLongWork() racing with the start is never lost).
    d->cancelLongWork.store(false);
    if (d->longWorkCancelledUpTo.load() >= ticket)
        d->cancelLongWork.store(true);
    if (const QString why = whyCannotAct(); !why.isEmpty()) {
        Q_EMIT duplicateScanFailed(why);
        return;
    }
    QElapsedTimer sinceStart;
    sinceStart.start();
    std::atomic<qint64> lastSent{-kScanProgressMs};
    DuplicateScanControl control;
    control.cancel = &d->cancelLongWork;
    // Called from the scanning threads: one of them wins each 100 ms slot.
    control.progress = [this, &sinceStart, &lastSent](const DuplicateScanProgress &progress) {
        const qint64 now = sinceStart.elapsed();
        qint64 last = lastSent.load();
        if (now - last < kScanProgressMs || !lastSent.compare_exchange_strong(last, now))
            return;
        Q_EMIT duplicateScanProgress(progress);
    };
    auto report = scanForDuplicates(*d->db, Clock::system(), *d->actor, control);
    if (!report) {
        Q_EMIT duplicateScanFailed(report.error().message);
        return;
    }
    Q_EMIT duplicateScanFinished(*report);
    if (!report->cancelled)
        refreshStatus();
}

// ---------------------------------------------------------------------------
// The backlog bar: what the engine still has to carry; pause and resume.

SyncRunState Backend::runState() const
{
    if (d->paused)
        return d->pausing ? SyncRunState::Pausing : SyncRunState::Paused;
    return d->engine ? SyncRunState::Running : SyncRunState::Off;
}

void Backend::refreshBacklog()
{
    if (!d->db)
        return;
    SyncBacklog backlog;
    backlog.state = runState();
    if (backlog.state == SyncRunState::Off) {
        // Nothing carries from here: a backlog would never move.
        d->backlog.reset();
        if (d->backlogTimer)
            d->backlogTimer->stop();
    } else {
        auto counts = Store::OutboxRepository(*d->db).counts();
        if (!counts) {
            qCWarning(lcStore) << "the backlog could not be read:" << counts.error().message;
            return;
        }
        const SyncBacklog read = d->backlog.update(*counts);
        backlog.done = read.done;
        backlog.total = read.total;
        if (d->backlogTimer && !d->teamMode()) { // team mode: read again on the change feed
            const bool busy = backlog.hasWork() || backlog.state == SyncRunState::Pausing;
            d->backlogTimer->start(busy ? kBacklogBusyMs : kBacklogIdleMs);
        }
    }
    if (d->lastBacklog == backlog)
        return;
    d->lastBacklog = backlog;
    Q_EMIT syncBacklogChanged(backlog);
}

void Backend::pauseSync()
{
    if (const QString why = whyCannotAct(); !why.isEmpty()) {
        Q_EMIT syncControlFailed(why);
        return;
    }
    if (d->paused) {
        Q_EMIT syncControlFailed(tr("Sync is already paused."));
        return;
    }
    if (!d->engine) {
        Q_EMIT syncControlFailed(tr("This desktop does not sync, so there is nothing to pause."));
        return;
    }
    if (auto ok = recordSyncPause(*d->db, Clock::system(), *d->actor, true); !ok) {
        Q_EMIT syncControlFailed(ok.error().message);
        return;
    }
    // The engine stays (stopped) with its connectors, so merges and the
    // mapping editor still reach the other systems; startSync() on resume
    // builds a fresh one. While paused a connection change must not restart
    // it: hence `syncing` off.
    d->paused = true;
    d->pausing = true;
    d->syncing = false;
    Sync::SyncEngine *engine = d->engine.get();
    connect(
        engine, &Sync::SyncEngine::stopped, this,
        [this, engine] {
            if (d->engine.get() != engine || !d->paused)
                return; // resumed (or closed) meanwhile
            d->pausing = false;
            refreshBacklog();
        },
        Qt::QueuedConnection);
    engine->stop();
    qCInfo(lcStore) << "sync paused by" << d->actor->username;
    refreshBacklog();
}

void Backend::resumeSync()
{
    if (const QString why = whyCannotAct(); !why.isEmpty()) {
        Q_EMIT syncControlFailed(why);
        return;
    }
    if (!d->paused) {
        Q_EMIT syncControlFailed(tr("Sync is not paused."));
        return;
    }
    if (!d->config || !d->secrets) {
        Q_EMIT syncControlFailed(tr("Concord has no configuration to sync with on this desktop."));
        return;
    }
    if (auto ok = recordSyncPause(*d->db, Clock::system(), *d->actor, false); !ok) {
        Q_EMIT syncControlFailed(ok.error().message);
        return;
    }
    qCInfo(lcStore) << "sync resumed by" << d->actor->username;
    startSync(*d->config, d->secrets); // answers with refreshBacklog()
}

// ---------------------------------------------------------------------------
// Team mode: live updates through the store's change notifications.

void Backend::startChangeFeed()
{
    d->feed.reset();
    if (!d->teamMode())
        return; // SQLite: this process is the only writer; its own paths refresh
    d->feed = std::make_unique<Store::ChangeFeed>(*d->db);
    connect(d->feed.get(), &Store::ChangeFeed::changed, this, &Backend::onStoreChanged);
    connect(d->feed.get(), &Store::ChangeFeed::connectionLost, this, [this](const Error &error) {
        // The connection is gone for every query, not only for the news:
        // the status says so (not open, live updates lost) until the store
        // is opened again (Database cannot reconnect in place).
        StoreStatus lost;
        lost.url = d->db ? d->db->url().redacted() : d->url;
        lost.error = error.message;
        lost.liveUpdates = StoreStatus::LiveUpdates::Lost;
        Q_EMIT statusChanged(lost);
        Q_EMIT errorOccurred(error);
    });
    if (auto ok = d->feed->start(); !ok) {
        // The store still works; only what others change shows late (at
        // the next command or File ▸ Refresh). The status says Lost.
        qCWarning(lcStore) << "live updates are off:" << ok.error().toString();
        Q_EMIT errorOccurred(ok.error());
    }
}

void Backend::onStoreChanged(const QSet<QString> &tables)
{
    if (!d->db)
        return;
    const bool any = tables.contains(Store::ChangeFeed::anyTable());
    const auto moved = [&tables, any](std::initializer_list<QStringView> names) {
        return any || std::any_of(names.begin(), names.end(), [&tables](QStringView n) {
                   return tables.contains(n.toString());
               });
    };
    // Which tables each view reads (the collect* functions). The status
    // counts nearly every table, so it is read on any change; the billing
    // rules skip `customers` (their customer list changes with every sync,
    // and a reload asks QuickBooks for its tax codes).
    refreshStatus();
    if (moved({u"outbox_jobs"}))
        refreshBacklog();
    const auto asked = d->asked; // copied: the loads below record what they read
    if (asked.retryQueue && moved({u"outbox_jobs", u"customers"}))
        loadRetryQueue();
    if (asked.billingRules && moved({u"tax_rules", u"discount_rules", u"invoice_policies", u"services"}))
        loadBillingRules();
    if (asked.mappings && moved({u"field_mappings", u"status_mappings"}))
        loadMappings();
    if (asked.settings && moved({u"users", u"connections"}))
        loadSettings();
    if (asked.auditLimit && moved({u"audit_log"}))
        loadAudit(*asked.auditLimit);
    if (asked.identityMap && moved({u"customers", u"contact_points", u"external_links", u"merge_proposals"}))
        loadIdentityMap();
    if (asked.duplicateReview
        && moved({u"duplicate_candidates", u"merge_proposals", u"customers", u"contact_points", u"external_links"}))
        loadDuplicateReview();
    if (asked.dashboard
        && moved({u"invoices", u"payments", u"payment_applications", u"credits", u"appointments", u"customers",
                  u"outbox_jobs", u"sync_flags", u"sync_log", u"connections"}))
        loadDashboard();
    if (asked.appointments
        && moved({u"appointments", u"customers", u"staff", u"services", u"external_links", u"remote_refs",
                  u"outbox_jobs", u"invoices", u"invoice_lines", u"sync_flags"}))
        loadAppointments(asked.appointments->first, asked.appointments->second);
    if (asked.invoices
        && moved({u"invoices", u"invoice_lines", u"payments", u"payment_applications", u"credits", u"customers",
                  u"external_links", u"remote_refs", u"outbox_jobs", u"appointments"}))
        loadInvoices(asked.invoices->first, asked.invoices->second);
    onReviewTablesChanged(moved);
    Q_EMIT storeChanged(tables);
}

} // namespace Concord::Services
