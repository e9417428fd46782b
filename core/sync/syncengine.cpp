#include "sync/syncengine.h"

#include "common/config.h"
#include "connectors/hubspot/webhookevent.h"

#include "connectors/calcom/booking.h"
#include "connectors/calcom/calcomclient.h"
#include "connectors/calcom/eventtype.h"
#include "connectors/hubspot/contact.h"
#include "connectors/hubspot/hubspotclient.h"
#include "connectors/quickbooks/creditmemo.h"
#include "connectors/quickbooks/customer.h"
#include "connectors/quickbooks/deletedentity.h"
#include "connectors/quickbooks/invoice.h"
#include "connectors/quickbooks/item.h"
#include "connectors/quickbooks/payment.h"
#include "connectors/quickbooks/querybuilder.h"
#include "connectors/quickbooks/quickbooksclient.h"
#include "connectors/quickbooks/refundreceipt.h"
#include "connectors/hubspot/crmrecords.h"
#include "connectors/hubspot/search.h"
#include "services/duplicatescan.h"
#include "store/database.h"
#include "store/syncstaterepository.h"
#include "store/operationsrepository.h"
#include "store/outboxrepository.h"
#include "sync/connectorset.h"
#include "sync/defaultmappings.h"
#include "sync/jobs.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QRegularExpression>
#include <QUrl>

#include <optional>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

Q_LOGGING_CATEGORY(lcSync, "concord.sync")

namespace Concord::Sync {

namespace {

const QString kBookings = u"bookings"_s;
const QString kCdc = u"cdc"_s;
const QString kCustomers = u"customers"_s;
const QString kContacts = u"contacts"_s;


} // namespace

DeliveryPolicy EngineSettings::defaultDelivery()
{
    // Bounded exponential backoff with jitter for whole operations (the
    // connectors already retried each request a few times): 2 s, 6 s, 18 s,
    // 54 s, 162 s, 486 s, 10 min … for 10 attempts, then a person decides.
    Connectors::RetryPolicy p;
    p.maxAttempts = 10;
    p.initialDelay = std::chrono::seconds(2);
    p.multiplier = 3;
    p.maxDelay = std::chrono::minutes(10);
    p.jitter = 0.2;
    DeliveryPolicy d;
    d.retry = p;
    return d;
}

EngineSettings EngineSettings::fromConfig(const Config &config)
{
    EngineSettings s;
    s.applier.businessTimeZone = config.businessTimeZone;
    s.applier.defaultRegion = config.defaultRegion;
    s.runner.businessTimeZone = config.businessTimeZone;
    s.runner.hubspotSearchLagSecs = config.hubspotSearchLagSecs;
    s.leaseSecs = config.syncLeaseSecs;
    if (config.pdfCacheEnabled)
        s.pdfCache = PdfCache::Options::fromConfig(config);
    return s;
}

SyncEngine::SyncEngine(Store::Database &db, ConnectorSet &connectors, EngineSettings settings, const Clock &clock,
                       QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_connectors(connectors)
    , m_settings(std::move(settings))
    , m_clock(clock)
    , m_applier(db, clock, [this] {
        ApplierSettings a = m_settings.applier;
        a.cacheInvoicePdfs = m_settings.pdfCache.has_value();
        return a;
    }())
    , m_runner(db, connectors, m_applier, clock, m_settings.runner)
    , m_locks(db)
{
    if (m_settings.pdfCache) {
        m_pdfCache = std::make_unique<PdfCache>(db, connectors.quickBooks(), *m_settings.pdfCache, clock);
        m_runner.setPdfCache(m_pdfCache.get());
    }
    m_dueTimer.setSingleShot(true);
    connect(&m_dueTimer, &QTimer::timeout, this, &SyncEngine::pump);
    // A third of the lease: two heartbeats may be late (a stalled event loop,
    // a slow store) before the lease runs out under a delivery still running.
    m_leaseTimer.setInterval(std::max(1, m_settings.leaseSecs) * 1000 / 3);
    connect(&m_leaseTimer, &QTimer::timeout, this, &SyncEngine::renewLeases);
    m_calcomTimer.setInterval(m_settings.calcomPollMs);
    m_quickbooksTimer.setInterval(m_settings.quickbooksPollMs);
    m_hubspotTimer.setInterval(m_settings.hubspotPollMs);
    m_billingTimer.setInterval(m_settings.billingPassMs);
    connect(&m_calcomTimer, &QTimer::timeout, this, [this] { pollNow(System::CalCom); });
    connect(&m_quickbooksTimer, &QTimer::timeout, this, [this] { pollNow(System::QuickBooks); });
    connect(&m_hubspotTimer, &QTimer::timeout, this, [this] { pollNow(System::HubSpot); });
    connect(&m_billingTimer, &QTimer::timeout, this, [this] {
        billingPass();
        pump();
    });

    // Status mappings are data with defaults: a fresh store gets them, a
    // person's edits are never overwritten.
    if (auto added = installDefaultMappings(m_db, m_settings.applier.actor, m_clock); !added)
        problem(u"default mappings could not be installed: %1"_s.arg(added.error().message));

    // [issue 9: integration mode] Logged at start (refreshMode).
    refreshMode();

    // A restarted worker takes back what it had claimed when it died.
    Store::OutboxRepository outbox(m_db, m_clock);
    if (auto released = outbox.releaseClaims(m_settings.worker); released && *released > 0)
        qCInfo(lcSync) << "took back" << *released << "jobs claimed before a restart";
}

SyncEngine::~SyncEngine() = default; // m_locks gives its advisory locks up

void SyncEngine::problem(const QString &text)
{
    qCWarning(lcSync).noquote() << text;
    if (m_report.problems.size() < 200)
        m_report.problems << text;
}

// ---------------------------------------------------------------------------
// Modes

void SyncEngine::runOnce()
{
    m_once = true;
    m_report = {};
    for (const QString &why : m_connectors.missing())
        problem(why);
    captureAll([this] {
        billingPass();
        pump();
        checkOnceDone();
    });
}

void SyncEngine::startWatching()
{
    m_watching = true;
    for (const QString &why : m_connectors.missing())
        problem(why);
    captureAll([this] {
        billingPass();
        pump();
        m_calcomTimer.start();
        m_quickbooksTimer.start();
        m_hubspotTimer.start();
        m_billingTimer.start();
    });
}

void SyncEngine::stop()
{
    m_stopping = true;
    m_watching = false;
    m_calcomTimer.stop();
    m_quickbooksTimer.stop();
    m_hubspotTimer.stop();
    m_billingTimer.stop();
    m_dueTimer.stop();
    // No more capture here (lead() now says no): another worker may lead at
    // once instead of when this process's session ends. A read still running
    // keeps its lock until the engine is destroyed, so its results are never
    // applied alongside a new leader's. Deliveries in flight keep their
    // leases (the heartbeat runs until they finish).
    if (!m_capturing && !m_calcomBusy && !m_quickbooksBusy && !m_hubspotBusy && !m_dealsBusy && !m_hintedBusy
        && !m_propertiesBusy)
        (void)m_locks.release(Store::LockKeys::kCapture);
    if (m_inFlight == 0) {
        m_leaseTimer.stop();
        QMetaObject::invokeMethod(this, &SyncEngine::stopped, Qt::QueuedConnection);
    }
}

void SyncEngine::pollNow(System system)
{
    if (m_stopping)
        return;
    const bool busy = system == System::CalCom ? m_calcomBusy
        : system == System::QuickBooks         ? m_quickbooksBusy
                                               : (m_hubspotBusy || m_hintedBusy);
    if (busy) {
        // A webhook that lands while that system is being read may describe
        // a change the running read has already passed: read once more
        // when it ends, rather than leave it to the next timer.
        m_pollAgain.insert(int(system));
        return;
    }
    reloadMappings();
    const qint64 duty = Store::LockKeys::kCapture;
    if (!lead(duty)) {
        // Another worker reads this system; this one only delivers (with the
        // mappings and HubSpot properties as they are now). A webhook that
        // landed here is not lost: the receiver persisted it, and the
        // leader's next timed poll reads the change from its cursor and then
        // settles the event (settleInbound). Nothing is settled here.
        // TODO(issue 8): wake the leader through LISTEN/NOTIFY instead of
        // waiting for its timer.
        ensureHubSpotProperties([this] { pump(); });
        return;
    }
    const QDateTime startedAt = m_clock.nowUtc();
    auto after = [this, system, startedAt] {
        settleInbound(system, startedAt);
        billingPass();
        pump();
        if (m_pollAgain.remove(int(system)))
            pollNow(system);
    };
    // A mapping edited since the last poll may name a property the portal
    // lacks: it is created before this poll's writes are delivered.
    ensureHubSpotProperties([this, system, after] {
        switch (system) {
        case System::CalCom:
            captureCalcom(after);
            break;
        case System::QuickBooks:
            captureQuickBooks(after);
            break;
        case System::HubSpot:
            captureHubSpotHinted([this, after] {
                captureHubSpotContacts([this, after] {
                    scanIfNewCustomers();
                    captureHubSpotDeals(after);
                });
            });
            break;
        }
    });
}

void SyncEngine::webhookHint(System system)
{
    if (m_stopping)
        return;
    if (system != System::HubSpot)
        return pollNow(system);
    // Not the HubSpot leader: the event is persisted, and the leader's next
    // poll reads the change (see pollNow).
    if (!lead(Store::LockKeys::kCapture))
        return;
    if (m_hintedBusy) {
        m_hintAgain = true;
        return;
    }
    const QDateTime startedAt = m_clock.nowUtc();
    captureHubSpotHinted([this, startedAt] {
        settleInbound(System::HubSpot, startedAt);
        pump();
        if (std::exchange(m_hintAgain, false))
            webhookHint(System::HubSpot);
    });
}

void SyncEngine::captureHubSpotHinted(Next next)
{
    // [issue 9: integration mode] Light: HubSpot only receives; its edits are not read back.
    if (lightMode())
        return next();
    // HubSpot's search shows a change only after its index lag (the contact
    // poll reads up to now − lag, so it never misses one), which would make
    // a webhook hint worthless for ~30 s. Its webhooks name the objects, so
    // those are read by id at once; the lagged poll still follows and finds
    // them again, harmlessly (applying is idempotent).
    auto *hs = m_connectors.hubSpot();
    if (!hs || !lead(Store::LockKeys::kCapture))
        return next();
    Store::OperationsRepository ops(m_db, m_clock);
    auto pending = ops.unprocessedInbound(500);
    if (!pending) {
        problem(u"webhook events could not be read: %1"_s.arg(pending.error().message));
        return next();
    }
    QStringList contacts, deals;
    for (const InboundEvent &stored : std::as_const(*pending)) {
        if (stored.system != System::HubSpot)
            continue;
        auto events = HubSpot::WebhookEvent::parseDelivery(stored.body);
        if (!events)
            continue; // the poll covers it
        for (const HubSpot::WebhookEvent &e : std::as_const(*events)) {
            const QString action = e.action();
            if (action != u"propertyChange"_s && action != u"creation"_s)
                continue; // merges and deletions: the poll reads the survivor's state
            // Written through the API by an integration — Concord's own
            // writes, mostly (an import sends hundreds): reading each back
            // would spend the rate budget on echoes. The timed poll carries
            // another integration's change; a person's edit is read now.
            if (e.changeSource == u"API"_s || e.changeSource == u"INTEGRATION"_s)
                continue;
            if (e.objectType() == u"contact"_s && !contacts.contains(e.objectId))
                contacts << e.objectId;
            else if (e.objectType() == u"deal"_s && !deals.contains(e.objectId))
                deals << e.objectId;
        }
    }
    if (contacts.isEmpty() && deals.isEmpty())
        return next();
    m_hintedBusy = true;
    auto remaining = std::make_shared<qsizetype>(contacts.size() + deals.size());
    QPointer<SyncEngine> self(this);
    auto oneDone = [self, remaining, next] {
        if (--*remaining > 0 || !self)
            return;
        self->m_hintedBusy = false;
        next();
    };
    for (const QString &id : std::as_const(contacts)) {
        hs->contact(id).then(this, [self, id, oneDone](Result<HubSpot::Contact> c) {
            if (c)
                self->logIn(System::HubSpot, u"contact"_s, id, u"webhook"_s, self->m_applier.applyHubSpotContact(*c),
                            Jobs::KindCustomer.toString());
            else if (c.error().code != ErrorCode::NotFound)
                self->problem(u"HubSpot contact %1 could not be read: %2"_s.arg(id, c.error().message));
            oneDone();
        });
    }
    for (const QString &id : std::as_const(deals)) {
        hs->deal(id).then(this, [self, id, oneDone](Result<HubSpot::Deal> d) {
            if (d)
                self->logIn(System::HubSpot, u"deal"_s, id, u"webhook"_s, self->checkDeal(*d),
                            Jobs::KindAppointment.toString());
            else if (d.error().code != ErrorCode::NotFound)
                self->problem(u"HubSpot deal %1 could not be read: %2"_s.arg(id, d.error().message));
            oneDone();
        });
    }
}

void SyncEngine::settleInbound(System system, const QDateTime &pollStartedAt)
{
    // A webhook is a hint; the poll that started after it arrived is what
    // applied (or, if it failed, the next one will apply) its change, from
    // the persisted cursor. So the event is settled once such a poll ran.
    Store::OperationsRepository ops(m_db, m_clock);
    if (auto ok = ops.markInboundProcessedBefore(system, pollStartedAt); !ok)
        problem(u"webhook events could not be marked as handled: %1"_s.arg(ok.error().message));
}

// ---------------------------------------------------------------------------
// Capture

void SyncEngine::reloadMappings()
{
    // The field mappings as the store holds them now: an edit applied in the
    // mapping editor counts from the next cycle or poll (one small read).
    if (auto ok = m_applier.reloadMappings(); !ok)
        problem(u"field mappings could not be read (the last ones read stay in force): %1"_s.arg(ok.error().message));
    refreshMode(); // [issue 9]
}

// [issue 9: integration mode]
void SyncEngine::refreshMode()
{
    Store::AppSettingsRepository settings(m_db, m_clock);
    auto stored = settings.integrationMode();
    if (!stored) {
        // Unreadable: the mode last read stays in force (full at first).
        problem(u"the integration mode could not be read (%1 stays in force): %2"_s.arg(
            Store::toString(integrationMode()), stored.error().message));
        m_applier.setAutomaticInvoices(!lightMode());
        return;
    }
    if (!m_mode) {
        qCInfo(lcSync).noquote() << u"integration mode: %1%2"_s.arg(
            Store::toString(stored->mode),
            stored->mode == Store::IntegrationMode::Light
                ? u" (bookings pushed one way to HubSpot; QuickBooks invoices only on request)"_s
                : u" (two-way sync, invoices by policy)"_s);
    } else if (*m_mode != stored->mode) {
        qCInfo(lcSync).noquote() << u"integration mode changed to %1 by %2"_s.arg(Store::toString(stored->mode),
                                                                                   stored->updatedBy);
    }
    m_mode = stored->mode;
    m_applier.setAutomaticInvoices(stored->mode == Store::IntegrationMode::Full);
}

void SyncEngine::captureAll(Next next)
{
    reloadMappings();
    m_capturing = true;
    ensureHubSpotProperties([this, next] { captureCatalog([this, next] {
        captureQuickBooksCustomers([this, next] {
            captureHubSpotContacts([this, next] {
                captureCalcom([this, next] {
                    captureQuickBooks([this, next] {
                        captureHubSpotDeals([this, next] {
                            scanIfNewCustomers();
                            m_capturing = false;
                            next();
                        });
                    });
                });
            });
        });
    }); });
}

namespace {

std::unexpected<Error> abandoned()
{
    Error e = Error::make(ErrorCode::Network, u"the HubSpot request was abandoned"_s);
    e.retryable = true;
    return std::unexpected(e);
}

} // namespace

void SyncEngine::ensureHubSpotProperties(Next next)
{
    auto *hs = m_connectors.hubSpot();
    if (!hs)
        return next();
    if (m_propertiesBusy) {
        m_propertiesWaiting.append(std::move(next));
        return;
    }
    // What the enabled rows write into HubSpot, by object type.
    static const QRegularExpression internalName(u"^[a-z][a-z0-9_]*$"_s);
    QSet<QString> wanted;
    QHash<QString, QList<HubSpot::PropertyDefinition>> todo; // object type → missing so far
    const FieldMappingSet &mappings = m_applier.fieldMappings();
    for (const FieldMapping &row : mappings.rows()) {
        if (!row.enabled || row.targetSystem != System::HubSpot)
            continue;
        const QString path = row.targetPath.trimmed();
        const qsizetype dot = path.indexOf(u'.');
        const QString object = path.left(std::max<qsizetype>(dot, 0)).toLower();
        const QString name = path.mid(dot + 1);
        if (dot <= 0 || (object != u"deal"_s && object != u"contact"_s) || !internalName.match(name).hasMatch())
            continue;
        const QString type = object + u's';
        const QString key = type + u'/' + name;
        wanted.insert(key);
        if (m_propertiesReady.contains(key) || m_propertiesFailed.contains(key))
            continue;
        HubSpot::PropertyDefinition def;
        def.name = name;
        QString words = name.startsWith(u"concord_"_s) ? name.mid(8) : name;
        def.label = u"Concord: "_s + words.replace(u'_', u' ');
        def.groupName = object == u"deal"_s ? u"dealinformation"_s : u"contactinformation"_s;
        def.description = u"Written by Concord from its field mapping \"%1\" (%2)."_s.arg(
            row.field, displayName(row.sourceSystem));
        // The kind follows what the row's transform writes: amounts and other
        // numbers as numbers, calendar dates (YYYY-MM-DD) as dates. The rest
        // is text, instants included: HubSpot reads a datetime back in its
        // own format, and a text property gives back exactly what was written.
        const auto transform = transformInfo(row.transform);
        const ValueType out = transform ? transform->output : ValueType::Any;
        if (out == ValueType::Amount || out == ValueType::Decimal || out == ValueType::Minutes) {
            def.type = u"number"_s;
            def.fieldType = u"number"_s;
        } else if (out == ValueType::Date) {
            def.type = u"date"_s;
            def.fieldType = u"date"_s;
        }
        todo[type].append(def);
    }
    if (wanted != m_propertiesWanted) {
        // Another mapped set: what was refused may now be asked for anew
        // (a mapping was corrected, or the scope granted and the mapping re-saved).
        m_propertiesWanted = wanted;
        m_propertiesFailed.clear();
    }
    if (todo.isEmpty())
        return next();
    m_propertiesBusy = true;
    m_propertiesWaiting.append(std::move(next));
    QPointer<SyncEngine> self(this);
    auto finished = [self] {
        if (!self)
            return;
        self->m_propertiesBusy = false;
        const QList<Next> waiting = std::exchange(self->m_propertiesWaiting, {});
        for (const Next &n : waiting)
            n();
    };
    // One object type after another; within a type, the list read first,
    // then a create per missing property.
    auto types = std::make_shared<QStringList>(todo.keys());
    // The step holds itself only weakly; the answers it waits for hold it.
    auto first = std::make_shared<std::function<void()>>();
    *first = [self, hs, todo, types, weak = std::weak_ptr(first), finished] {
        const auto step = weak.lock();
        if (!self || !step)
            return;
        if (types->isEmpty())
            return finished();
        const QString type = types->takeFirst();
        auto onList = [self, hs, type, defs = todo.value(type), step](
                          Result<QList<HubSpot::PropertyDefinition>> existing) {
            if (!self)
                return;
            if (!existing) {
                self->problem(u"HubSpot %1 properties could not be read, so Concord's are not checked: %2"_s.arg(
                    type, existing.error().message));
                if (!existing.error().retryable) {
                    for (const auto &d : defs)
                        self->m_propertiesFailed.insert(type + u'/' + d.name);
                }
                return (*step)();
            }
            QSet<QString> have;
            for (const auto &p : std::as_const(*existing))
                have.insert(p.name);
            auto pending = std::make_shared<int>(0);
            QList<HubSpot::PropertyDefinition> missing;
            for (const auto &d : defs) {
                if (have.contains(d.name))
                    self->m_propertiesReady.insert(type + u'/' + d.name);
                else
                    missing.append(d);
            }
            if (missing.isEmpty())
                return (*step)();
            *pending = int(missing.size());
            for (const auto &d : std::as_const(missing)) {
                auto onMade = [self, type, d, pending, step](Result<HubSpot::PropertyWrite> made) {
                    if (!self)
                        return;
                    const QString key = type + u'/' + d.name;
                    if (made) {
                        self->m_propertiesReady.insert(key);
                        if (!made->alreadyExisted)
                            qCInfo(lcSync).noquote() << "created the HubSpot" << type << "property" << d.name;
                    } else {
                        // The writes naming it then fail with the mapping's
                        // explanation in the retry queue (explainHubSpotRefusal).
                        self->problem(u"the HubSpot %1 property \"%2\" could not be created (%3); writes naming it "
                                      u"fail until it exists"_s.arg(type, d.name, made.error().message));
                        if (!made.error().retryable)
                            self->m_propertiesFailed.insert(key);
                    }
                    if (--*pending == 0)
                        (*step)();
                };
                hs->createProperty(type, d).then(self.data(), onMade).onCanceled(self.data(), [onMade] {
                    onMade(abandoned());
                });
            }
        };
        // A client destroyed meanwhile cancels its futures: the check still
        // ends, so the captures waiting for it run.
        hs->listProperties(type).then(self.data(), onList).onCanceled(self.data(), [onList] { onList(abandoned()); });
    };
    (*first)();
}

void SyncEngine::count(const Result<ApplyOutcome> &outcome)
{
    if (!outcome) {
        ++m_report.applyErrors;
        return;
    }
    if (outcome->echo)
        ++m_report.echoes;
    if (outcome->stale)
        ++m_report.stale;
    m_report.customersCreated += outcome->customersCreated;
    m_report.jobsEnqueued += outcome->jobsEnqueued;
}

void SyncEngine::logIn(System system, const QString &entityType, const QString &entityId, const QString &action,
                       const Result<ApplyOutcome> &outcome, const QString &kind)
{
    count(outcome);
    // Only what a person may need is logged: errors, echoes and stale events
    // (so "why did nothing happen?" has an answer). Ordinary captures show in
    // the jobs they cause.
    SyncLogEntry e;
    e.system = system;
    e.direction = u"in"_s;
    e.entityType = entityType;
    e.entityId = entityId;
    e.action = action;
    e.kind = kind;
    if (!outcome) {
        e.outcome = u"error"_s;
        e.message = outcome.error().toString();
        problem(u"%1 %2 %3: %4"_s.arg(displayName(system), entityType, entityId, outcome.error().message));
    } else if (outcome->echo) {
        e.outcome = u"echo"_s;
    } else if (outcome->stale) {
        e.outcome = u"skipped"_s;
        e.message = outcome->note;
    } else if (!outcome->notAuthoritative.isEmpty()) {
        // Applied, but a value came from a copy of the field: the log says
        // why it was not taken as the customer's value nor carried.
        e.outcome = u"ok"_s;
        e.message = outcome->notAuthoritative.join(u"; "_s);
    } else {
        return;
    }
    Store::OperationsRepository ops(m_db, m_clock);
    if (auto ok = ops.appendLog(e); !ok)
        qCWarning(lcSync) << "sync log:" << ok.error().toString();
}

std::optional<QDateTime> SyncEngine::readCursor(System system, const QString &resource)
{
    Store::OperationsRepository ops(m_db, m_clock);
    auto cursor = ops.cursor(system, resource);
    if (!cursor) {
        problem(cursor.error().message);
        return std::nullopt;
    }
    if (!cursor->has_value())
        return QDateTime();
    return QDateTime::fromString((*cursor)->value, Qt::ISODateWithMs);
}

void SyncEngine::writeCursor(System system, const QString &resource, const QDateTime &at)
{
    Store::OperationsRepository ops(m_db, m_clock);
    if (auto ok = ops.setCursor(system, resource, at.toUTC().toString(Qt::ISODateWithMs)); !ok)
        problem(ok.error().message);
}

void SyncEngine::recordHealth(System system, const std::optional<Error> &error)
{
    const QString key = error ? u"error:"_s + error->message : u"ok"_s;
    // Written when the state changes, and at most once a minute otherwise
    // (last_ok_at moves on: "last answered a minute ago" stays true).
    const QDateTime now = m_clock.nowUtc();
    if (m_health.value(system) == key && m_healthAt.value(system).isValid()
        && m_healthAt.value(system).secsTo(now) < 60)
        return;
    m_health.insert(system, key);
    m_healthAt.insert(system, now);
    Connection c;
    c.system = system;
    c.baseUrl = m_connectors.baseUrl(system);
    c.accountLabel = QUrl(c.baseUrl).host();
    if (error) {
        c.state = error->code == ErrorCode::Unauthorized ? ConnectionState::Expired : ConnectionState::Error;
        c.lastError = error->message;
    } else {
        c.state = ConnectionState::Connected;
        c.lastOkAt = now;
    }
    Store::OperationsRepository ops(m_db, m_clock);
    if (auto ok = ops.saveConnection(c); !ok)
        qCWarning(lcSync) << "connection record:" << ok.error().toString();
}

void SyncEngine::captureCatalog(Next next)
{
    // The catalog is read with Cal.com's capture (its event types lead).
    if (m_catalogDone || !m_connectors.calcom() || !m_connectors.quickBooks()
        || !lead(Store::LockKeys::kCapture))
        return next();
    QPointer<SyncEngine> self(this);
    m_connectors.calcom()->eventTypes().then(this, [self, next](Result<QList<Calcom::EventType>> types) {
        if (!types) {
            self->problem(u"Cal.com event types could not be read: %1"_s.arg(types.error().message));
            return next();
        }
        self->m_connectors.quickBooks()->items().then(self.data(), [self, next, types = *types](Result<QList<QuickBooks::Item>> items) {
            if (!items) {
                self->problem(u"QuickBooks items could not be read: %1"_s.arg(items.error().message));
                return next();
            }
            if (auto ok = self->m_applier.importCatalog(types, *items); !ok)
                self->problem(u"the service catalog could not be saved: %1"_s.arg(ok.error().message));
            else
                self->m_catalogDone = true;
            next();
        });
    });
}

void SyncEngine::captureQuickBooksCustomers(Next next)
{
    // The first cycle reads every customer; later ones see customer changes
    // through CDC with the money.
    auto *qbo = m_connectors.quickBooks();
    if (!qbo || !lead(Store::LockKeys::kCapture))
        return next();
    const auto cursor = readCursor(System::QuickBooks, kCustomers);
    if (!cursor) {
        return next();
    }
    if (cursor->isValid())
        return next();
    const QDateTime startedAt = m_clock.nowUtc();
    QPointer<SyncEngine> self(this);
    qbo->queryAll<QuickBooks::Customer>(QuickBooks::QueryBuilder::select(u"Customer"_s))
        .then(this, [self, startedAt, next](Result<QList<QuickBooks::Customer>> customers) {
            if (!customers) {
                self->problem(u"QuickBooks customers could not be read: %1"_s.arg(customers.error().message));
                return next();
            }
            for (const QuickBooks::Customer &c : std::as_const(*customers)) {
                ++self->m_report.customersSeen;
                self->logIn(System::QuickBooks, u"Customer"_s, c.id, u"import"_s,
                            self->m_applier.applyQuickBooksCustomer(c), Jobs::KindCustomer.toString());
            }
            self->writeCursor(System::QuickBooks, kCustomers, startedAt);
            next();
        });
}

void SyncEngine::captureHubSpotContacts(Next next)
{
    // [issue 9: integration mode] Light: HubSpot only receives; its edits are not read back.
    if (lightMode())
        return next();
    auto *hs = m_connectors.hubSpot();
    if (!hs || m_hubspotBusy || !lead(Store::LockKeys::kCapture))
        return next();
    m_hubspotBusy = true;
    const auto cursor = readCursor(System::HubSpot, kContacts);
    if (!cursor) {
        m_hubspotBusy = false;
        return next();
    }
    QDateTime since = *cursor;
    if (!since.isValid())
        since = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    QPointer<SyncEngine> self(this);
    hs->contactChanges(since).then(this, [self, next](Result<HubSpot::ContactChanges> changes) {
        self->m_hubspotBusy = false;
        if (!changes) {
            self->recordHealth(System::HubSpot, changes.error());
            self->problem(u"HubSpot contacts could not be read: %1"_s.arg(changes.error().message));
            return next();
        }
        self->recordHealth(System::HubSpot, std::nullopt);
        for (const HubSpot::Contact &c : std::as_const(changes->contacts)) {
            ++self->m_report.customersSeen;
            self->logIn(System::HubSpot, u"contact"_s, c.id, u"capture"_s, self->m_applier.applyHubSpotContact(c),
                        Jobs::KindCustomer.toString());
        }
        self->writeCursor(System::HubSpot, kContacts, changes->until);
        next();
    });
}

void SyncEngine::captureCalcom(Next next)
{
    auto *cal = m_connectors.calcom();
    if (!cal || m_calcomBusy || !lead(Store::LockKeys::kCapture))
        return next();
    m_calcomBusy = true;
    const auto cursor = readCursor(System::CalCom, kBookings);
    if (!cursor) {
        m_calcomBusy = false;
        return next();
    }
    QDateTime since = *cursor;
    if (!since.isValid())
        since = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    QPointer<SyncEngine> self(this);
    cal->bookingChangesSince(since).then(this, [self, next](Result<Calcom::BookingChanges> changes) {
        self->m_calcomBusy = false;
        if (!changes) {
            self->recordHealth(System::CalCom, changes.error());
            self->problem(u"Cal.com bookings could not be read: %1"_s.arg(changes.error().message));
            return next();
        }
        self->recordHealth(System::CalCom, std::nullopt);
        // New halves of reschedules before the old halves they replace, so
        // the appointment has moved before its old booking says "cancelled".
        QList<Calcom::Booking> ordered = changes->bookings;
        std::stable_sort(ordered.begin(), ordered.end(), [](const Calcom::Booking &a, const Calcom::Booking &b) {
            if (a.changedAt() != b.changedAt())
                return a.changedAt() < b.changedAt();
            return a.isRescheduleOf() && !b.isRescheduleOf();
        });
        // Applied in batches, each committed together with the cursor up to
        // its last booking: a crash loses at most one batch of work (redone
        // harmlessly), never the progress of the whole read. Between batches
        // the event loop runs, so what one batch decided is already being
        // delivered while the next is applied (a first import of thousands
        // of bookings keeps the APIs busy instead of waiting for the end).
        self->m_calcomBusy = true;
        auto bookings = std::make_shared<QList<Calcom::Booking>>(std::move(ordered));
        auto step = std::make_shared<std::function<void(qsizetype)>>();
        *step = [self, bookings, nextSince = changes->nextSince, step, next](qsizetype from) {
            if (!self)
                return;
            constexpr qsizetype kBatch = 200;
            const qsizetype to = std::min(from + kBatch, bookings->size());
            {
                Store::Transaction batch(self->m_db);
                for (qsizetype i = from; i < to; ++i) {
                    const Calcom::Booking &b = bookings->at(i);
                    ++self->m_report.bookingsSeen;
                    self->logIn(System::CalCom, u"booking"_s, b.uid, u"capture"_s, self->m_applier.applyBooking(b),
                                Jobs::KindAppointment.toString());
                }
                // Never past nextSince: the read is complete only up to it
                // (CalcomClient::bookingChangesSince), so a batch's last
                // booking may be newer than a change not read yet.
                QDateTime cursor = nextSince;
                if (to < bookings->size() && bookings->at(to - 1).changedAt().isValid()
                    && bookings->at(to - 1).changedAt() < nextSince)
                    cursor = bookings->at(to - 1).changedAt();
                self->writeCursor(System::CalCom, kBookings, cursor);
                if (auto ok = batch.commit(); !ok)
                    self->problem(ok.error().message);
            }
            if (to == bookings->size()) {
                self->m_calcomBusy = false;
                auto done = next;
                *step = nullptr; // breaks the self-reference
                return done();
            }
            self->pump();
            QTimer::singleShot(0, self.data(), [step, to] {
                if (*step)
                    (*step)(to);
            });
        };
        (*step)(0);
    });
}

void SyncEngine::captureQuickBooks(Next next)
{
    auto *qbo = m_connectors.quickBooks();
    if (!qbo || m_quickbooksBusy || !lead(Store::LockKeys::kCapture))
        return next();
    m_quickbooksBusy = true;
    const auto cursor = readCursor(System::QuickBooks, kCdc);
    if (!cursor) {
        m_quickbooksBusy = false;
        return next();
    }
    const QDateTime since = *cursor;
    const QDateTime startedAt = m_clock.nowUtc();
    if (!since.isValid())
        return fullQuickBooksRead(startedAt, next);
    QPointer<SyncEngine> self(this);
    const QStringList entities{u"Customer"_s, u"Invoice"_s, u"Payment"_s, u"CreditMemo"_s, u"RefundReceipt"_s};
    qbo->changesSince(entities, since).then(this, [self, startedAt, next](Result<QuickBooks::CdcResult> cdc) {
        if (!cdc) {
            self->m_quickbooksBusy = false;
            self->problem(u"QuickBooks changes could not be read: %1"_s.arg(cdc.error().message));
            return next();
        }
        if (cdc->fullComparisonNeeded)
            return self->fullQuickBooksRead(startedAt, next);
        const QuickBooks::CdcResponse &c = cdc->changes;
        if (auto customers = c.changedAs<QuickBooks::Customer>(); customers) {
            for (const auto &x : std::as_const(*customers))
                self->logIn(System::QuickBooks, u"Customer"_s, x.id, u"cdc"_s, self->m_applier.applyQuickBooksCustomer(x),
                            Jobs::KindCustomer.toString());
        } else {
            self->problem(customers.error().message);
        }
        if (auto invoices = c.changedAs<QuickBooks::Invoice>(); invoices) {
            for (const auto &x : std::as_const(*invoices)) {
                ++self->m_report.moneySeen;
                self->logIn(System::QuickBooks, u"Invoice"_s, x.id, u"cdc"_s,
                            self->m_applier.applyInvoice(x, x.metaData.lastUpdatedTime), Jobs::KindInvoice.toString());
            }
        } else {
            self->problem(invoices.error().message);
        }
        if (auto payments = c.changedAs<QuickBooks::Payment>(); payments) {
            for (const auto &x : std::as_const(*payments)) {
                ++self->m_report.moneySeen;
                self->logIn(System::QuickBooks, u"Payment"_s, x.id, u"cdc"_s,
                            self->m_applier.applyPayment(x, x.metaData.lastUpdatedTime), Jobs::KindPayment.toString());
            }
        } else {
            self->problem(payments.error().message);
        }
        if (auto memos = c.changedAs<QuickBooks::CreditMemo>(); memos) {
            for (const auto &x : std::as_const(*memos))
                self->logIn(System::QuickBooks, u"CreditMemo"_s, x.id, u"cdc"_s,
                            self->m_applier.applyCreditMemo(x, x.metaData.lastUpdatedTime), Jobs::KindPayment.toString());
        }
        if (auto receipts = c.changedAs<QuickBooks::RefundReceipt>(); receipts) {
            for (const auto &x : std::as_const(*receipts))
                self->logIn(System::QuickBooks, u"RefundReceipt"_s, x.id, u"cdc"_s,
                            self->m_applier.applyRefundReceipt(x, x.metaData.lastUpdatedTime),
                            Jobs::KindPayment.toString());
        }
        for (const QuickBooks::DeletedEntity &d : c.deleted) {
            if (d.entityName == u"Invoice"_s)
                self->logIn(System::QuickBooks, u"Invoice"_s, d.id, u"deleted"_s,
                            self->m_applier.applyInvoiceDeleted(d.id), Jobs::KindInvoice.toString());
        }
        // Truncated at 1000 objects: go on from the newest change seen
        // (inclusive: a repeat is harmless); otherwise from QuickBooks' time.
        QDateTime nextSince = c.time.isValid() ? c.time : startedAt;
        if (cdc->mayBeTruncated) {
            QDateTime newest;
            for (const auto &list : c.changed)
                for (const QJsonObject &o : list)
                    newest = std::max(newest, QDateTime::fromString(o.value(u"MetaData"_s).toObject()
                                                                        .value(u"LastUpdatedTime"_s).toString(),
                                                                    Qt::ISODate));
            if (newest.isValid())
                nextSince = newest;
        }
        self->writeCursor(System::QuickBooks, kCdc, nextSince.toUTC());
        self->m_quickbooksBusy = false;
        if (cdc->mayBeTruncated)
            return self->captureQuickBooks(next);
        next();
    });
}

void SyncEngine::fullQuickBooksRead(const QDateTime &startedAt, Next next)
{
    // No cursor yet, or beyond CDC's 30 days: read the money whole. The
    // cursor is the read's start, so changes made during it come again.
    auto *qbo = m_connectors.quickBooks();
    QPointer<SyncEngine> self(this);
    auto finish = [self, startedAt, next] {
        self->writeCursor(System::QuickBooks, kCdc, startedAt);
        self->m_quickbooksBusy = false;
        next();
    };
    auto fail = [self, next](const Error &e) {
        self->problem(u"QuickBooks money could not be read: %1"_s.arg(e.message));
        self->m_quickbooksBusy = false;
        next();
    };
    qbo->queryAll<QuickBooks::Customer>(QuickBooks::QueryBuilder::select(u"Customer"_s))
        .then(this, [self, qbo, finish, fail](Result<QList<QuickBooks::Customer>> customers) {
            if (!customers)
                return fail(customers.error());
            for (const auto &x : std::as_const(*customers))
                self->logIn(System::QuickBooks, u"Customer"_s, x.id, u"read"_s, self->m_applier.applyQuickBooksCustomer(x),
                            Jobs::KindCustomer.toString());
            qbo->queryAll<QuickBooks::Invoice>(QuickBooks::QueryBuilder::select(u"Invoice"_s))
                .then(self.data(), [self, qbo, finish, fail](Result<QList<QuickBooks::Invoice>> invoices) {
                    if (!invoices)
                        return fail(invoices.error());
                    for (const auto &x : std::as_const(*invoices)) {
                        ++self->m_report.moneySeen;
                        self->logIn(System::QuickBooks, u"Invoice"_s, x.id, u"read"_s,
                                    self->m_applier.applyInvoice(x, x.metaData.lastUpdatedTime),
                                    Jobs::KindInvoice.toString());
                    }
                    qbo->queryAll<QuickBooks::Payment>(QuickBooks::QueryBuilder::select(u"Payment"_s))
                        .then(self.data(), [self, finish, fail](Result<QList<QuickBooks::Payment>> payments) {
                            if (!payments)
                                return fail(payments.error());
                            for (const auto &x : std::as_const(*payments)) {
                                ++self->m_report.moneySeen;
                                self->logIn(System::QuickBooks, u"Payment"_s, x.id, u"read"_s,
                                            self->m_applier.applyPayment(x, x.metaData.lastUpdatedTime),
                                            Jobs::KindPayment.toString());
                            }
                            finish();
                        });
                });
        });
}

void SyncEngine::scanIfNewCustomers()
{
    // New people may be duplicates of known ones (a second HubSpot contact,
    // a QuickBooks twin): the scan stores candidates for review, never merges.
    if (m_report.customersCreated == m_customersAtLastScan)
        return;
    // Customers come from several leaders (Cal.com, QuickBooks, HubSpot may
    // each be another worker's), so the scan has a lock of its own, held for
    // the scan only. Another worker scanning now: try again after the next
    // capture (the counter is not moved on).
    auto scanning = m_locks.tryHold(Store::LockKeys::kDuplicateScan);
    if (!scanning || !*scanning)
        return;
    m_customersAtLastScan = m_report.customersCreated;
    auto scan = Services::scanForDuplicates(m_db, m_clock);
    if (auto ok = m_locks.release(Store::LockKeys::kDuplicateScan); !ok)
        qCWarning(lcSync).noquote() << "the duplicate scan's lock could not be released:" << ok.error().message;
    if (!scan)
        problem(u"the duplicate scan failed: %1"_s.arg(scan.error().message));
    else
        m_report.duplicateCandidates += scan->newCandidates;
}

void SyncEngine::captureHubSpotDeals(Next next)
{
    // Deal stages are not HubSpot's to decide: they follow the appointment
    // (Cal.com) and the money (QuickBooks). A stage someone moved by hand is
    // a wrong-place edit: flagged, and the authoritative stage written back.
    auto *hs = m_connectors.hubSpot();
    // [issue 9: integration mode] Light: deal stages are not checked (no read-back).
    if (!hs || m_dealsBusy || lightMode() || !lead(Store::LockKeys::kCapture))
        return next();
    m_dealsBusy = true;
    const auto cursor = readCursor(System::HubSpot, u"deals"_s);
    if (!cursor) {
        m_dealsBusy = false;
        return next();
    }
    const QDateTime since = *cursor;
    if (!since.isValid()) {
        // The first cycle: Concord's own deals are all written from now on.
        writeCursor(System::HubSpot, u"deals"_s, m_clock.nowUtc());
        m_dealsBusy = false;
        return next();
    }
    auto pages = std::make_shared<QList<HubSpot::Deal>>();
    auto readPage = std::make_shared<std::function<void(QString)>>();
    QPointer<SyncEngine> self(this);
    *readPage = [self, hs, since, pages, readPage, next](const QString &after) {
        HubSpot::SearchRequest request;
        request.filterGroups = {{HubSpot::Filter::gte(u"hs_lastmodifieddate"_s, QString::number(since.toMSecsSinceEpoch()))}};
        request.sorts = {{u"hs_lastmodifieddate"_s, true}};
        request.properties = HubSpot::Deal::defaultProperties();
        request.limit = HubSpot::SearchRequest::kMaxLimit;
        request.after = after;
        hs->search(u"deals"_s, request).then(self.data(), [self, pages, readPage, next](Result<HubSpot::SearchPage> page) {
            if (!page) {
                self->m_dealsBusy = false;
                self->problem(u"HubSpot deals could not be read: %1"_s.arg(page.error().message));
                *readPage = nullptr;
                return next();
            }
            for (const HubSpot::CrmObject &o : std::as_const(page->results))
                pages->append(HubSpot::Deal::fromObject(o));
            if (!page->nextAfter.isEmpty() && pages->size() < HubSpot::SearchRequest::kResultCap)
                return (*readPage)(page->nextAfter);
            QDateTime newest;
            for (const HubSpot::Deal &d : std::as_const(*pages)) {
                newest = std::max(newest, d.lastModifiedAt);
                self->logIn(System::HubSpot, u"deal"_s, d.id, u"capture"_s, self->checkDeal(d),
                            Jobs::KindAppointment.toString());
            }
            if (newest.isValid()) {
                self->writeCursor(System::HubSpot, u"deals"_s, newest);
            }
            self->m_dealsBusy = false;
            *readPage = nullptr;
            next();
        });
    };
    (*readPage)(QString());
}

Result<ApplyOutcome> SyncEngine::checkDeal(const HubSpot::Deal &deal)
{
    ApplyOutcome outcome;
    Store::SyncStateRepository state(m_db, m_clock);
    auto echo = state.isEcho(System::HubSpot, u"deal"_s, deal.id, deal.lastModifiedAt.toString(Qt::ISODateWithMs));
    if (!echo)
        return std::unexpected(echo.error());
    if (*echo) {
        outcome.echo = true;
        return outcome;
    }
    auto ref = state.refByRemote(System::HubSpot, u"deal"_s, deal.id);
    if (!ref)
        return std::unexpected(ref.error());
    if (!ref->has_value())
        return outcome; // not one of Concord's deals
    const qint64 appointmentId = (*ref)->entityId.toLongLong();
    // Concord's own update of this deal is on its way: the stage HubSpot
    // shows may simply be older than the store's (not anyone's edit).
    Store::OutboxRepository queued(m_db, m_clock);
    auto waiting = queued.hasPending(Jobs::HubSpotDealUpsert.toString(), u"appointment"_s, (*ref)->entityId);
    if (!waiting)
        return std::unexpected(waiting.error());
    if (*waiting || m_busyEntities.contains(u"hubspot:appointment/"_s + (*ref)->entityId))
        return outcome;
    auto desired = m_applier.desiredDeal(appointmentId);
    if (!desired)
        return std::unexpected(desired.error());
    if (desired->stage.isEmpty() || desired->stage == deal.stage)
        return outcome;
    ++m_report.wrongPlaceEdits;
    Store::Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    SyncFlag flag;
    flag.kind = u"wrong_place_edit"_s;
    flag.subject = u"deal/"_s + deal.id;
    flag.system = toString(System::HubSpot);
    flag.message = u"Deal \"%1\" was moved to \"%2\" in HubSpot, but the appointment and QuickBooks say \"%3\"%4"_s.arg(
        deal.name, deal.stage, desired->stage,
        m_settings.restoreAuthoritative ? u"; Concord put it back"_s : u""_s);
    flag.detailJson = QJsonDocument(QJsonObject{{u"appointmentId"_s, (*ref)->entityId},
                                                {u"hubspotStage"_s, deal.stage},
                                                {u"authoritativeStage"_s, desired->stage},
                                                {u"description"_s, desired->description}})
                          .toJson(QJsonDocument::Compact);
    if (auto ok = state.raiseFlag(flag); !ok)
        return std::unexpected(ok.error());
    if (m_settings.restoreAuthoritative) {
        Store::OutboxRepository outbox(m_db, m_clock);
        auto job = outbox.enqueue(Jobs::make(System::HubSpot, Jobs::HubSpotDealUpsert, u"appointment"_s,
                                             (*ref)->entityId,
                                             u"hubspot/deal/%1/restore/%2"_s.arg((*ref)->entityId,
                                                                                  deal.lastModifiedAt.toString(Qt::ISODateWithMs)),
                                             QJsonObject{{u"appointmentId"_s, (*ref)->entityId}},
                                             Jobs::KindAppointment, deal.lastModifiedAt));
        if (!job)
            return std::unexpected(job.error());
        outcome.jobsEnqueued = 1;
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    outcome.changed = true;
    outcome.note = flag.message;
    return outcome;
}

void SyncEngine::billingPass()
{
    // Decisions from the calendar are the store's, not a system's: one
    // worker makes them (two would race to enqueue the same invoices; the
    // idempotency keys would catch it, at the cost of conflicts).
    if (!lead(Store::LockKeys::kCapture))
        return;
    refreshMode(); // [issue 9] the billing timer runs without a poll
    const QTimeZone zone(m_settings.applier.businessTimeZone.toUtf8());
    const QDate today = zone.isValid() ? m_clock.nowUtc().toTimeZone(zone).date() : m_clock.nowUtc().date();
    auto n = m_applier.decideBilling(today);
    if (!n)
        problem(u"billing decisions failed: %1"_s.arg(n.error().toString()));
    else
        m_report.jobsEnqueued += *n;
    // Cached PDFs past their retention go, at most hourly (a cheap query).
    if (m_pdfCache && (!m_lastPurge.isValid() || m_lastPurge.secsTo(m_clock.nowUtc()) >= 3600)) {
        m_lastPurge = m_clock.nowUtc();
        if (auto purged = m_pdfCache->purgeExpired(); !purged)
            problem(u"expired invoice PDFs could not all be removed: %1"_s.arg(purged.error().message));
    }
}

// ---------------------------------------------------------------------------
// Leadership and leases

bool SyncEngine::lead(qint64 key)
{
    if (m_stopping)
        return false;
    const bool before = m_locks.believesHeld(key);
    auto held = m_locks.tryHold(key);
    const QString duty = Store::AdvisoryLocks::describe(key);
    if (!held) {
        qCWarning(lcSync).noquote() << u"worker %1 cannot tell whether it leads %2 (skipped for now): %3"_s.arg(
            m_settings.worker, duty, held.error().message);
        return false;
    }
    // Team mode only: on SQLite the one process always leads, nothing to say.
    if (m_db.engine() == Store::Engine::PostgreSQL) {
        if (*held && !before)
            qCInfo(lcSync).noquote() << u"worker %1 leads %2"_s.arg(m_settings.worker, duty);
        else if (!*held && before)
            qCWarning(lcSync).noquote() << u"worker %1 no longer leads %2 (its store session was reset); "
                                           "another worker does it now"_s.arg(m_settings.worker, duty);
        else if (!*held)
            qCDebug(lcSync).noquote() << u"%1: another worker leads it"_s.arg(duty);
    }
    return *held;
}

void SyncEngine::renewLeases()
{
    if (m_inFlight == 0) {
        m_leaseTimer.stop();
        return;
    }
    Store::OutboxRepository outbox(m_db, m_clock);
    auto renewed = outbox.renewLeases(m_settings.worker, m_settings.leaseSecs);
    if (!renewed)
        problem(u"the leases of the deliveries in flight could not be renewed (another worker may take them "
                "after %1 s): %2"_s.arg(m_settings.leaseSecs).arg(renewed.error().message));
    else
        qCDebug(lcSync) << "renewed" << *renewed << "leases for" << m_settings.leaseSecs << "s";
}

// ---------------------------------------------------------------------------
// Deliver

void SyncEngine::pump()
{
    if (m_stopping)
        return;
    Store::OutboxRepository outbox(m_db, m_clock);
    // Jobs waiting for a prerequisite go back at once; a pump that meets many
    // of them in a row (a thousand deals waiting for their contacts) stops
    // and comes back shortly instead of cycling through the whole queue.
    m_pumpQueued = false;
    m_deferredInPump = 0;
    while (m_deferredInPump < 50) {
        QList<System> busy;
        for (System sys : allSystems())
            if (m_inFlightBySystem.value(sys) >= m_settings.maxParallel)
                busy << sys;
        if (busy.size() == allSystems().size())
            break;
        auto claimed = outbox.claimDue(m_settings.worker, 1, m_settings.leaseSecs, busy);
        if (!claimed) {
            problem(u"the outbox could not be read: %1"_s.arg(claimed.error().message));
            break;
        }
        if (claimed->isEmpty())
            break;
        const OutboxJob job = claimed->first();
        const QString entity = toString(job.targetSystem) + u':' + job.entityType + u'/' + job.entityId;
        if (m_busyEntities.contains(entity)) {
            // One delivery per entity at a time: two deal writes for one
            // appointment must not both create it.
            if (auto ok = outbox.defer(Store::Claim::of(job), m_clock.nowUtc().addMSecs(250),
                                       u"another job on the same record is running"_s);
                !ok)
                problem(ok.error().message);
            ++m_deferredInPump;
            continue;
        }
        deliver(job);
    }
    if (m_deferredInPump >= 50 && !m_stopping)
        QTimer::singleShot(200, this, &SyncEngine::pump);
    scheduleNextDue();
    checkOnceDone();
}

void SyncEngine::deliver(const OutboxJob &job)
{
    ++m_inFlight;
    ++m_inFlightBySystem[job.targetSystem];
    if (!m_leaseTimer.isActive())
        m_leaseTimer.start();
    // One delivery per record and system at a time (two writes of one deal
    // must not both create it); other systems' jobs for it run alongside.
    const QString entity = toString(job.targetSystem) + u':' + job.entityType + u'/' + job.entityId;
    m_busyEntities.insert(entity);
    QPointer<SyncEngine> self(this);
    m_runner.run(job, [self, job, entity](JobResult result) {
        if (!self)
            return;
        self->m_busyEntities.remove(entity);
        --self->m_inFlight;
        --self->m_inFlightBySystem[job.targetSystem];
        self->finishJob(job, result);
        if (self->m_inFlight == 0)
            self->m_leaseTimer.stop();
        if (self->m_stopping) {
            if (self->m_inFlight == 0)
                emit self->stopped();
            return;
        }
        // Continue from the event loop, not from inside the runner's
        // callback; one queued pump serves every completion before it.
        if (!self->m_pumpQueued) {
            self->m_pumpQueued = true;
            QMetaObject::invokeMethod(self.data(), &SyncEngine::pump, Qt::QueuedConnection);
        }
    });
}

void SyncEngine::finishJob(const OutboxJob &job, const JobResult &result)
{
    Store::OutboxRepository outbox(m_db, m_clock);
    Store::OperationsRepository ops(m_db, m_clock);
    const QDateTime now = m_clock.nowUtc();
    SyncLogEntry e;
    e.at = now;
    e.system = job.targetSystem;
    e.direction = u"out"_s;
    e.entityType = job.entityType;
    e.entityId = job.entityId;
    e.externalId = result.remoteId;
    e.action = job.operation;
    e.kind = job.sourceKind;
    e.requestId = result.requestId;
    e.message = result.note;
    const Store::Claim claim = Store::Claim::of(job);
    // A result for a job this worker no longer holds (its lease ran out and
    // another worker took it) is not recorded: the newer owner's stands. The
    // remote side stays single through the job's idempotency key (QuickBooks
    // requestid, HubSpot's look-up before a create).
    auto lost = [&](const Result<Store::ClaimOutcome> &outcome) {
        if (!outcome) {
            problem(outcome.error().message);
            return false;
        }
        if (*outcome == Store::ClaimOutcome::Recorded)
            return false;
        ++m_report.lostClaims;
        qCWarning(lcSync).noquote() << u"%1 %2/%3 (job %4, attempt %5): the lease of worker %6 ran out and the job "
                                       "is no longer its; this result is not recorded"_s
                                           .arg(job.operation, job.entityType, job.entityId)
                                           .arg(job.id)
                                           .arg(job.attempts)
                                           .arg(m_settings.worker);
        return true;
    };
    switch (result.kind) {
    case JobResult::Kind::Done:
        if (lost(outbox.markSucceeded(claim, result.requestId)))
            return;
        e.outcome = u"ok"_s;
        e.latencyMs = job.sourceChangedAt.isValid() ? std::max<qint64>(0, job.sourceChangedAt.msecsTo(now)) : -1;
        ++m_report.delivered;
        emit jobFinished(job, true, result.note);
        break;
    case JobResult::Kind::Deferred:
        if (job.createdAt.isValid() && job.createdAt.secsTo(now) > m_settings.maxDeferSecs) {
            // Waiting too long is a failure a person must see, never a loop.
            Error err = Error::make(ErrorCode::Conflict, u"still %1 after %2 minutes"_s.arg(result.note)
                                                             .arg(m_settings.maxDeferSecs / 60));
            if (lost(outbox.markFailed(claim, err, {})))
                return;
            ++m_report.needsAttention;
            e.outcome = u"error"_s;
            e.message = err.message;
            emit jobFinished(job, false, err.message);
            break;
        }
        if (lost(outbox.defer(claim, now.addMSecs(result.deferMs), result.note)))
            return;
        ++m_report.deferred;
        ++m_deferredInPump;
        return; // not worth a log line: it is the normal wait for a prerequisite
    case JobResult::Kind::Failed: {
        const Error err = result.error.value_or(Error::make(ErrorCode::Internal, u"failed without a cause"_s));
        const DeliveryDecision decision = decideAfterFailure(err, job.targetSystem, std::max(1, job.attempts), now,
                                                             m_settings.delivery, {}, job.entityType);
        // The cause in plain words is what the retry queue shows; the
        // technical text stays in the detail.
        Error stored = err;
        stored.detail = err.message + (err.detail.isEmpty() ? QString() : u" — "_s + err.detail);
        stored.message = decision.cause;
        const QDateTime retryAt = decision.retryAt.value_or(QDateTime());
        if (lost(outbox.markFailed(claim, stored, retryAt)))
            return;
        e.outcome = u"error"_s;
        e.message = decision.cause;
        e.requestId = err.requestId;
        if (retryAt.isValid()) {
            ++m_report.retriesScheduled;
        } else {
            ++m_report.needsAttention;
            problem(u"%1 %2/%3 needs attention: %4"_s.arg(job.operation, job.entityType, job.entityId, decision.cause));
        }
        // The cause as the retry queue words it (the technical text is in the log).
        emit jobFinished(job, false, decision.cause);
        break;
    }
    }
    if (auto ok = ops.appendLog(e); !ok)
        qCWarning(lcSync) << "sync log:" << ok.error().toString();
}

void SyncEngine::scheduleNextDue()
{
    if (m_stopping)
        return;
    Store::OutboxRepository outbox(m_db, m_clock);
    auto next = outbox.nextDueAt();
    if (!next || !next->isValid())
        return;
    const qint64 ms = std::clamp<qint64>(m_clock.nowUtc().msecsTo(*next), 10, 60'000);
    if (!m_dueTimer.isActive() || m_dueTimer.remainingTime() > ms)
        m_dueTimer.start(int(ms));
}

void SyncEngine::checkOnceDone()
{
    if (!m_once || m_capturing || m_inFlight > 0)
        return;
    Store::OutboxRepository outbox(m_db, m_clock);
    auto next = outbox.nextDueAt();
    if (next && next->isValid() && m_clock.nowUtc().secsTo(*next) <= m_settings.onceRetryHorizonSecs)
        return; // a retry is due soon: wait for it (the due timer wakes us)
    m_once = false;
    m_dueTimer.stop();
    Store::OutboxFilter failed;
    failed.state = JobState::Failed;
    if (auto jobs = outbox.list(failed); jobs)
        m_report.failedJobs = *jobs;
    if (auto counts = outbox.counts(); counts)
        m_report.pendingJobs = counts->pending;
    QMetaObject::invokeMethod(this, [this] { emit onceFinished(m_report); }, Qt::QueuedConnection);
}

} // namespace Concord::Sync
