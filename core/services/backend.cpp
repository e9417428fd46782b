#include "services/backend.h"

#include "common/logging.h"
#include "security/auditlog.h"
#include "services/admincommands.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/operationsrepository.h"
#include "security/secretstore.h"
#include "sync/connectorset.h"
#include "store/appointmentrepository.h"
#include "store/customerrepository.h"
#include "store/rulesrepository.h"
#include "connectors/quickbooks/quickbooksclient.h"
#include "connectors/quickbooks/taxcode.h"
#include "store/outboxrepository.h"
#include "sync/syncengine.h"
#include "sync/webhookreceiver.h"

#include <QDir>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Concord::Services {

struct Backend::Private {
    std::unique_ptr<Store::Database> db;
    QString url;
    // The sync engine and what it needs, in destruction order (engine first).
    std::shared_ptr<Security::SecretStore> secrets;
    std::unique_ptr<Store::OperationsRepository> operations;
    std::unique_ptr<Sync::ConnectorSet> connectors;
    std::unique_ptr<Sync::SyncEngine> engine;
    std::unique_ptr<Sync::WebhookReceiver> webhooks;
    std::optional<Security::Actor> actor; // who acts from this desktop; none = read only
    // Status refreshes are coalesced: a burst of deliveries refreshes once a second.
    bool refreshPending = false;

    void stopSync()
    {
        webhooks.reset();
        engine.reset();
        connectors.reset();
        operations.reset();
        secrets.reset();
    }
};

Backend::Backend(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
}

Backend::~Backend() = default;

void Backend::open(const QString &storeUrl)
{
    close();
    d->url = storeUrl;
    auto db = Store::Database::open(storeUrl, u"backend-%1"_s.arg(quintptr(QThread::currentThreadId())));
    if (!db) {
        StoreStatus failed;
        failed.url = storeUrl;
        failed.error = db.error().message;
        Q_EMIT statusChanged(failed);
        Q_EMIT errorOccurred(db.error());
        return;
    }
    if (auto ok = Store::migrate(**db); !ok) {
        StoreStatus failed;
        failed.url = (*db)->url().redacted();
        failed.error = ok.error().message;
        Q_EMIT statusChanged(failed);
        Q_EMIT errorOccurred(ok.error());
        return;
    }
    d->db = std::move(*db);
    // Who acts from this desktop: the OS account (the solo owner of a new store).
    if (auto actor = AdminCommands(*d->db).actingOsUser(); actor) {
        d->actor = *actor;
        Q_EMIT actorChanged(actor->role, actor->username);
    } else {
        d->actor.reset();
        qCInfo(lcStore) << "acting as a viewer:" << actor.error().message;
        Q_EMIT actorChanged(Domain::Role::Viewer, AdminCommands::osUsername());
    }
    auto status = collectStatus(*d->db);
    if (!status) {
        Q_EMIT errorOccurred(status.error());
        return;
    }
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
    Q_EMIT statusChanged(*status);
}

void Backend::loadAudit(int limit)
{
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
    d->db.reset();
}

void Backend::startSync(const Config &config, std::shared_ptr<Security::SecretStore> secrets)
{
    if (!d->db) {
        emit errorOccurred(Error::make(ErrorCode::InvalidArgument, u"the store is not open: cannot start syncing"_s));
        return;
    }
    d->stopSync();
    d->secrets = std::move(secrets);
    d->operations = std::make_unique<Store::OperationsRepository>(*d->db);
    auto connectors = Sync::ConnectorSet::create(config, *d->secrets, *d->operations, Clock::system());
    if (!connectors) {
        emit errorOccurred(connectors.error());
        return;
    }
    d->connectors = std::move(*connectors);
    d->engine = std::make_unique<Sync::SyncEngine>(*d->db, *d->connectors, Sync::EngineSettings::fromConfig(config),
                                                   Clock::system());
    connect(d->engine.get(), &Sync::SyncEngine::jobFinished, this,
            [this](const Domain::OutboxJob &job, bool delivered, const QString &note) {
                emit syncActivity(job, delivered, note);
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
}

} // namespace Concord::Services
