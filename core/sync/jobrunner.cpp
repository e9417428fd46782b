#include "sync/jobrunner.h"

#include "connectors/calcom/booking.h"
#include "connectors/calcom/calcomclient.h"
#include "connectors/hubspot/crmrecords.h"
#include "connectors/hubspot/hubspotclient.h"
#include "connectors/hubspot/search.h"
#include "connectors/quickbooks/creditmemo.h"
#include "connectors/quickbooks/customer.h"
#include "connectors/quickbooks/invoice.h"
#include "connectors/quickbooks/quickbooksclient.h"
#include "connectors/quickbooks/refundreceipt.h"
#include "domain/customer.h"
#include "store/database.h"
#include "store/identityrepository.h"
#include "store/syncstaterepository.h"
#include "sync/changeapplier.h"
#include "sync/connectorset.h"
#include "sync/fieldmappingset.h"
#include "sync/jobs.h"
#include "sync/pdfcache.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QPointer>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

namespace Concord::Sync {

namespace {

// While a prerequisite (the customer's remote record) is being made: about
// the time a find-or-create takes at the APIs' pace.
constexpr int kWaitForPrerequisiteMs = 1000;

Error notConnected(System system)
{
    return Error::make(ErrorCode::InvalidConfig, u"%1 is not connected"_s.arg(displayName(system)));
}

// The idempotency key a QuickBooks write goes out under: the job's key and
// a digest of its payload. QuickBooks answers a repeated requestid with its
// first answer, whatever the new body says (quickbooks.md §1.5) — so a
// payload a person corrected in the retry queue (the only way a payload
// changes: OutboxRepository::enqueue never rewrites one) must get a new
// requestid, or the first refusal comes back for ever. An unchanged payload
// (an automatic retry, a restart) keeps its requestid: still exactly once.
QString writeKey(const OutboxJob &job)
{
    const QByteArray digest = QCryptographicHash::hash(job.payloadJson, QCryptographicHash::Sha256).toHex().left(12);
    return job.idempotencyKey + u'#' + QString::fromLatin1(digest);
}

Error badPayload(const OutboxJob &job, const QString &what)
{
    return Error::make(ErrorCode::InvalidArgument,
                       u"job %1 (%2): the payload %3"_s.arg(job.id).arg(job.operation, what));
}

} // namespace

JobResult JobResult::done(QString remoteId, QString note, QString requestId)
{
    JobResult r;
    r.kind = Kind::Done;
    r.remoteId = std::move(remoteId);
    r.note = std::move(note);
    r.requestId = std::move(requestId);
    return r;
}

JobResult JobResult::deferred(QString why, int ms)
{
    JobResult r;
    r.kind = Kind::Deferred;
    r.note = std::move(why);
    r.deferMs = ms;
    return r;
}

JobResult JobResult::failed(Error error)
{
    JobResult r;
    r.kind = Kind::Failed;
    r.requestId = error.requestId;
    r.error = std::move(error);
    return r;
}

JobRunner::JobRunner(Store::Database &db, ConnectorSet &connectors, ChangeApplier &applier, const Clock &clock,
                     RunnerSettings settings, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_connectors(connectors)
    , m_applier(applier)
    , m_clock(clock)
    , m_settings(std::move(settings))
{
}

int JobRunner::waitForSearch(const QDateTime &attemptAt) const
{
    if (!attemptAt.isValid())
        return 0;
    const qint64 ready = attemptAt.toMSecsSinceEpoch() + qint64(m_settings.hubspotSearchLagSecs) * 1000;
    const qint64 left = ready - m_clock.nowUtc().toMSecsSinceEpoch();
    return left > 0 ? int(std::min<qint64>(left, 120'000)) : 0;
}

Result<QString> JobRunner::linkedId(const QString &customerId, System system) const
{
    Store::IdentityRepository identity(m_db, m_clock);
    auto links = identity.linksFor(customerId);
    if (!links)
        return std::unexpected(links.error());
    // The oldest link wins: a second record in one system is a duplicate
    // waiting for review, and new work goes to the first.
    QString best;
    QDateTime bestAt;
    for (const ExternalLink &l : std::as_const(*links)) {
        if (l.system != system)
            continue;
        if (best.isEmpty() || l.linkedAt < bestAt) {
            best = l.externalId;
            bestAt = l.linkedAt;
        }
    }
    return best;
}

Status JobRunner::link(const QString &customerId, System system, const QString &externalId, const QString &method)
{
    Store::IdentityRepository identity(m_db, m_clock);
    ExternalLink l;
    l.customerId = customerId;
    l.system = system;
    l.externalId = externalId;
    l.method = parseMatchMethod(method).value_or(MatchMethod::Created);
    l.linkedBy = u"sync"_s;
    auto linked = identity.link(l);
    if (!linked)
        return std::unexpected(linked.error());
    return {};
}

void JobRunner::run(const OutboxJob &job, std::function<void(JobResult)> done)
{
    const QString op = job.operation;
    if (op == Jobs::QboCustomerEnsure)
        ensureQuickBooksCustomer(job, std::move(done));
    else if (op == Jobs::HubSpotContactEnsure)
        ensureHubSpotContact(job, std::move(done));
    else if (op == Jobs::HubSpotDealUpsert)
        upsertDeal(job, std::move(done));
    else if (op == Jobs::HubSpotTaskCreate)
        createTask(job, std::move(done));
    else if (op == Jobs::HubSpotTaskClose)
        closeTask(job, std::move(done));
    else if (op == Jobs::QboInvoiceCreate)
        createInvoice(job, std::move(done));
    else if (op == Jobs::QboInvoiceVoid)
        voidInvoice(job, std::move(done));
    else if (op == Jobs::QboInvoicePdfCache)
        cachePdf(job, std::move(done));
    else if (op == Jobs::QboCreditMemoCreate)
        createCredit(job, false, std::move(done));
    else if (op == Jobs::QboRefundReceiptCreate)
        createCredit(job, true, std::move(done));
    else if (op == Jobs::CalcomBookingCancel || op == Jobs::CalcomBookingDecline
             || op == Jobs::CalcomBookingReschedule)
        changeBooking(job, std::move(done));
    else
        done(JobResult::failed(Error::make(ErrorCode::Unsupported, u"unknown job operation '%1'"_s.arg(op))));
}

// ---------------------------------------------------------------------------
// Customers

void JobRunner::ensureQuickBooksCustomer(const OutboxJob &job, std::function<void(JobResult)> done)
{
    auto *qbo = m_connectors.quickBooks();
    if (!qbo)
        return done(JobResult::failed(notConnected(System::QuickBooks)));
    auto existing = linkedId(job.entityId, System::QuickBooks);
    if (!existing)
        return done(JobResult::failed(existing.error()));
    if (!existing->isEmpty())
        return done(JobResult::done(*existing, u"already linked"_s));
    const QJsonObject p = Jobs::payloadOf(job);
    const QString email = p.value(u"email"_s).toString();
    const QString phone = p.value(u"phone"_s).toString();
    QPointer<JobRunner> self(this);

    // Find the person (email, then phone) before creating anyone.
    auto create = [self, qbo, job, p, done]() {
        QuickBooks::Customer c;
        c.displayName = p.value(u"displayName"_s).toString();
        c.givenName = p.value(u"givenName"_s).toString();
        c.familyName = p.value(u"familyName"_s).toString();
        // Found by email and phone either way; written as the mappings say.
        const FieldMappingSet &mappings = self->m_applier.fieldMappings();
        if (mappings.writesOnCreate(u"email"_s, System::QuickBooks))
            c.primaryEmail = p.value(u"email"_s).toString();
        if (mappings.writesOnCreate(u"phone"_s, System::QuickBooks))
            c.primaryPhone = p.value(u"phone"_s).toString();
        qbo->createCustomer(writeKey(job), c).then(self.data(), [self, job, done](Result<QuickBooks::CustomerCreation> made) {
            if (!made)
                return done(JobResult::failed(made.error()));
            Store::SyncStateRepository state(self->m_db, self->m_clock);
            if (auto ok = state.recordEcho(System::QuickBooks, u"Customer"_s, made->customer.id, made->customer.syncToken); !ok)
                return done(JobResult::failed(ok.error()));
            if (auto ok = self->link(job.entityId, System::QuickBooks, made->customer.id,
                                     made->alreadyExisted ? u"email"_s : u"created"_s);
                !ok)
                return done(JobResult::failed(ok.error()));
            done(JobResult::done(made->customer.id, made->alreadyExisted ? u"found by name and email"_s : u"created"_s));
        });
    };
    auto byPhone = [self, qbo, job, phone, create, done]() {
        if (phone.isEmpty())
            return create();
        qbo->findCustomersByPhone(phone).then(self.data(), [self, job, create, done](Result<QList<QuickBooks::Customer>> found) {
            if (!found)
                return done(JobResult::failed(found.error()));
            for (const QuickBooks::Customer &c : std::as_const(*found)) {
                if (c.active.value_or(true)) {
                    if (auto ok = self->link(job.entityId, System::QuickBooks, c.id, u"phone"_s); !ok)
                        return done(JobResult::failed(ok.error()));
                    return done(JobResult::done(c.id, u"found by phone"_s));
                }
            }
            create();
        });
    };
    if (email.isEmpty())
        return byPhone();
    qbo->findCustomersByEmail(email).then(this, [self, job, byPhone, done](Result<QList<QuickBooks::Customer>> found) {
        if (!found)
            return done(JobResult::failed(found.error()));
        for (const QuickBooks::Customer &c : std::as_const(*found)) {
            if (c.active.value_or(true)) {
                if (auto ok = self->link(job.entityId, System::QuickBooks, c.id, u"email"_s); !ok)
                    return done(JobResult::failed(ok.error()));
                return done(JobResult::done(c.id, u"found by email"_s));
            }
        }
        byPhone();
    });
}

void JobRunner::ensureHubSpotContact(const OutboxJob &job, std::function<void(JobResult)> done)
{
    auto *hs = m_connectors.hubSpot();
    if (!hs)
        return done(JobResult::failed(notConnected(System::HubSpot)));
    auto existing = linkedId(job.entityId, System::HubSpot);
    if (!existing)
        return done(JobResult::failed(existing.error()));
    if (!existing->isEmpty())
        return done(JobResult::done(*existing, u"already linked"_s));
    const QJsonObject p = Jobs::payloadOf(job);
    const QString email = p.value(u"email"_s).toString();
    const QString phone = p.value(u"phone"_s).toString();
    QPointer<JobRunner> self(this);

    auto create = [self, hs, job, p, done]() {
        HubSpot::PropertyMap props;
        // Email and phone as the field mappings say (found by them either way).
        const FieldMappingSet &mappings = self->m_applier.fieldMappings();
        auto put = [&props, &mappings](const QString &key, const QString &value, const QString &field = {}) {
            if (!value.isEmpty() && (field.isEmpty() || mappings.writesOnCreate(field, System::HubSpot)))
                props.insert(key, value);
        };
        put(u"email"_s, p.value(u"email"_s).toString(), u"email"_s);
        put(u"firstname"_s, p.value(u"givenName"_s).toString());
        put(u"lastname"_s, p.value(u"familyName"_s).toString());
        put(u"phone"_s, p.value(u"phone"_s).toString(), u"phone"_s);
        hs->createContact(props).then(self.data(), [self, job, done](Result<HubSpot::ContactWrite> made) {
            if (!made)
                return done(JobResult::failed(made.error()));
            Store::SyncStateRepository state(self->m_db, self->m_clock);
            if (auto ok = state.recordEcho(System::HubSpot, u"contact"_s, made->contact.id,
                                           made->contact.lastModifiedAt.toString(Qt::ISODateWithMs));
                !ok)
                return done(JobResult::failed(ok.error()));
            if (auto ok = self->link(job.entityId, System::HubSpot, made->contact.id,
                                     made->alreadyExisted ? u"email"_s : u"created"_s);
                !ok)
                return done(JobResult::failed(ok.error()));
            done(JobResult::done(made->contact.id, made->alreadyExisted ? u"found (409)"_s : u"created"_s));
        });
    };
    auto byPhone = [self, hs, job, phone, create, done]() {
        if (phone.isEmpty())
            return create();
        hs->findContactsByPhone(phone).then(self.data(), [self, job, create, done](Result<QList<HubSpot::Contact>> found) {
            if (!found)
                return done(JobResult::failed(found.error()));
            if (!found->isEmpty()) {
                if (auto ok = self->link(job.entityId, System::HubSpot, found->first().id, u"phone"_s); !ok)
                    return done(JobResult::failed(ok.error()));
                return done(JobResult::done(found->first().id, u"found by phone"_s));
            }
            create();
        });
    };
    if (email.isEmpty())
        return byPhone();
    hs->findContactsByEmail(email).then(this, [self, job, byPhone, done](Result<QList<HubSpot::Contact>> found) {
        if (!found)
            return done(JobResult::failed(found.error()));
        if (!found->isEmpty()) {
            if (auto ok = self->link(job.entityId, System::HubSpot, found->first().id, u"email"_s); !ok)
                return done(JobResult::failed(ok.error()));
            return done(JobResult::done(found->first().id, u"found by email"_s));
        }
        byPhone();
    });
}

// ---------------------------------------------------------------------------
// HubSpot deals and tasks

void JobRunner::upsertDeal(const OutboxJob &job, std::function<void(JobResult)> done)
{
    auto *hs = m_connectors.hubSpot();
    if (!hs)
        return done(JobResult::failed(notConnected(System::HubSpot)));
    const qint64 apptId = job.entityId.toLongLong();
    auto desired = m_applier.desiredDeal(apptId);
    if (!desired)
        return done(JobResult::failed(desired.error()));
    auto contact = linkedId(desired->customerId, System::HubSpot);
    if (!contact)
        return done(JobResult::failed(contact.error()));
    if (contact->isEmpty())
        return done(JobResult::deferred(u"waiting for the client's HubSpot contact"_s, kWaitForPrerequisiteMs));

    HubSpot::PropertyMap props;
    props.insert(u"dealname"_s, desired->dealName);
    if (!desired->stage.isEmpty())
        props.insert(u"dealstage"_s, desired->stage);
    if (!desired->amount.isEmpty())
        props.insert(u"amount"_s, desired->amount);
    if (!desired->closeDate.isEmpty())
        props.insert(u"closedate"_s, desired->closeDate);
    if (!desired->description.isEmpty())
        props.insert(u"description"_s, desired->description);
    // The mapped fields, under the properties their rows name.
    for (auto it = desired->properties.cbegin(); it != desired->properties.cend(); ++it)
        props.insert(it.key(), it.value());
    // What the job log says besides the stage: mapped values left out.
    const QString leftOut = desired->notCarried.isEmpty()
        ? QString()
        : u"; not carried: "_s + desired->notCarried.join(u"; "_s);
    // HubSpot refuses a whole write naming a property it does not have
    // (PROPERTY_DOESNT_EXIST): the retry queue says which mapping names it.
    const FieldMappingSet mappings = m_applier.fieldMappings();
    done = [done, mappings](JobResult r) {
        if (r.error)
            r.error = mappings.explainHubSpotRefusal(*r.error, u"deal");
        done(std::move(r));
    };

    Store::SyncStateRepository state(m_db, m_clock);
    auto ref = state.ref(u"appointment"_s, job.entityId, System::HubSpot, u"deal"_s);
    if (!ref)
        return done(JobResult::failed(ref.error()));
    QPointer<JobRunner> self(this);
    auto remember = [self, job](const HubSpot::Deal &deal) -> Status {
        Store::SyncStateRepository st(self->m_db, self->m_clock);
        if (auto ok = st.setRef({u"appointment"_s, job.entityId, System::HubSpot, u"deal"_s, deal.id,
                                 deal.lastModifiedAt.toString(Qt::ISODateWithMs), {}});
            !ok)
            return ok;
        return st.recordEcho(System::HubSpot, u"deal"_s, deal.id, deal.lastModifiedAt.toString(Qt::ISODateWithMs));
    };
    if (ref->has_value()) {
        hs->updateDeal((*ref)->remoteId, props).then(this, [remember, leftOut, done](Result<HubSpot::Deal> deal) {
            if (!deal)
                return done(JobResult::failed(deal.error()));
            if (auto ok = remember(*deal); !ok)
                return done(JobResult::failed(ok.error()));
            done(JobResult::done(deal->id, u"deal %1 → %2"_s.arg(deal->id, deal->stage) + leftOut));
        });
        return;
    }
    props.insert(u"pipeline"_s, m_settings.pipeline);
    if (!props.contains(u"dealstage"_s))
        props.insert(u"dealstage"_s, u"appointmentscheduled"_s);
    // A create is marked in the store before it is sent: if its answer never
    // comes (a timeout, a crash), the next attempt — by this job or any other
    // for the same appointment — knows a deal may exist and looks for it
    // (once HubSpot's search can show it) instead of making a second one.
    const QString entityId = job.entityId;
    auto create = [self, hs, props, contactId = *contact, remember, entityId, leftOut, done]() {
        Store::SyncStateRepository st(self->m_db, self->m_clock);
        if (auto ok = st.setRef({u"appointment"_s, entityId, System::HubSpot, u"deal-attempt"_s,
                                 self->m_clock.nowUtc().toString(Qt::ISODateWithMs), {}, {}});
            !ok)
            return done(JobResult::failed(ok.error()));
        hs->createDeal(props, contactId).then(self.data(), [remember, leftOut, done](Result<HubSpot::Deal> deal) {
            if (!deal)
                return done(JobResult::failed(deal.error()));
            if (auto ok = remember(*deal); !ok)
                return done(JobResult::failed(ok.error()));
            done(JobResult::done(deal->id, u"deal %1 created"_s.arg(deal->id) + leftOut));
        });
    };
    auto attempted = state.ref(u"appointment"_s, job.entityId, System::HubSpot, u"deal-attempt"_s);
    if (!attempted)
        return done(JobResult::failed(attempted.error()));
    if (!attempted->has_value()) {
        create();
        return;
    }
    if (auto wait = waitForSearch(QDateTime::fromString((*attempted)->remoteId, Qt::ISODateWithMs)); wait > 0)
        return done(JobResult::deferred(u"waiting for HubSpot's search to show what the interrupted attempt made"_s, wait));
    // A retry: the first attempt may have created the deal before its answer
    // was lost. The name carries the appointment's reference, so look first.
    HubSpot::SearchRequest search;
    search.filterGroups = {{HubSpot::Filter::eq(u"dealname"_s, desired->dealName)}};
    search.properties = HubSpot::Deal::defaultProperties();
    search.limit = 1;
    hs->search(u"deals"_s, search).then(this, [self, hs, props, remember, create, done](Result<HubSpot::SearchPage> page) {
        if (!page)
            return done(JobResult::failed(page.error()));
        if (page->results.isEmpty())
            return create();
        const HubSpot::Deal found = HubSpot::Deal::fromObject(page->results.first());
        hs->updateDeal(found.id, props).then(self.data(), [remember, done](Result<HubSpot::Deal> deal) {
            if (!deal)
                return done(JobResult::failed(deal.error()));
            if (auto ok = remember(*deal); !ok)
                return done(JobResult::failed(ok.error()));
            done(JobResult::done(deal->id, u"deal %1 found after a lost answer, updated"_s.arg(deal->id)));
        });
    });
}

void JobRunner::createTask(const OutboxJob &job, std::function<void(JobResult)> done)
{
    auto *hs = m_connectors.hubSpot();
    if (!hs)
        return done(JobResult::failed(notConnected(System::HubSpot)));
    const QJsonObject p = Jobs::payloadOf(job);
    const QString refKind = p.value(u"refKind"_s).toString();
    const QString subject = p.value(u"subject"_s).toString();
    if (refKind.isEmpty() || subject.isEmpty())
        return done(JobResult::failed(badPayload(job, u"needs refKind and subject"_s)));
    Store::SyncStateRepository state(m_db, m_clock);
    auto ref = state.ref(job.entityType, job.entityId, System::HubSpot, refKind);
    if (!ref)
        return done(JobResult::failed(ref.error()));
    if (ref->has_value())
        return done(JobResult::done((*ref)->remoteId, u"task already open"_s));
    auto contact = linkedId(p.value(u"customerId"_s).toString(), System::HubSpot);
    if (!contact)
        return done(JobResult::failed(contact.error()));
    if (contact->isEmpty())
        return done(JobResult::deferred(u"waiting for the client's HubSpot contact"_s, kWaitForPrerequisiteMs));
    HubSpot::TaskInput task;
    task.subject = subject;
    task.body = p.value(u"body"_s).toString();
    task.dueAt = QDateTime::fromString(p.value(u"dueAt"_s).toString(), Qt::ISODateWithMs);
    if (!task.dueAt.isValid())
        task.dueAt = m_clock.nowUtc().addDays(1);
    QPointer<JobRunner> self(this);
    auto remember = [self, job, refKind](const HubSpot::Task &t) -> Status {
        Store::SyncStateRepository st(self->m_db, self->m_clock);
        return st.setRef({job.entityType, job.entityId, System::HubSpot, refKind, t.id, {}, {}});
    };
    const QString attemptKind = refKind + u"-attempt"_s;
    auto create = [self, hs, task, contactId = *contact, remember, job, attemptKind, done]() {
        Store::SyncStateRepository st(self->m_db, self->m_clock);
        if (auto ok = st.setRef({job.entityType, job.entityId, System::HubSpot, attemptKind,
                                 self->m_clock.nowUtc().toString(Qt::ISODateWithMs), {}, {}});
            !ok)
            return done(JobResult::failed(ok.error()));
        hs->createTask(task, contactId).then(self.data(), [remember, done](Result<HubSpot::Task> t) {
            if (!t)
                return done(JobResult::failed(t.error()));
            if (auto ok = remember(*t); !ok)
                return done(JobResult::failed(ok.error()));
            done(JobResult::done(t->id, u"task created"_s));
        });
    };
    auto attempted = state.ref(job.entityType, job.entityId, System::HubSpot, attemptKind);
    if (!attempted)
        return done(JobResult::failed(attempted.error()));
    if (!attempted->has_value())
        return create();
    if (auto wait = waitForSearch(QDateTime::fromString((*attempted)->remoteId, Qt::ISODateWithMs)); wait > 0)
        return done(JobResult::deferred(u"waiting for HubSpot's search to show what the interrupted attempt made"_s, wait));
    HubSpot::SearchRequest search;
    search.filterGroups = {{HubSpot::Filter::eq(u"hs_task_subject"_s, subject)}};
    search.limit = 1;
    hs->search(u"tasks"_s, search).then(this, [remember, create, done](Result<HubSpot::SearchPage> page) {
        if (!page)
            return done(JobResult::failed(page.error()));
        if (page->results.isEmpty())
            return create();
        const HubSpot::Task found = HubSpot::Task::fromObject(page->results.first());
        if (auto ok = remember(found); !ok)
            return done(JobResult::failed(ok.error()));
        done(JobResult::done(found.id, u"task found after a lost answer"_s));
    });
}

void JobRunner::closeTask(const OutboxJob &job, std::function<void(JobResult)> done)
{
    auto *hs = m_connectors.hubSpot();
    if (!hs)
        return done(JobResult::failed(notConnected(System::HubSpot)));
    const QJsonObject p = Jobs::payloadOf(job);
    const QString refKind = p.value(u"refKind"_s).toString();
    Store::SyncStateRepository state(m_db, m_clock);
    auto ref = state.ref(job.entityType, job.entityId, System::HubSpot, refKind);
    if (!ref)
        return done(JobResult::failed(ref.error()));
    if (!ref->has_value())
        return done(JobResult::done({}, u"no open task"_s));
    QPointer<JobRunner> self(this);
    const QString taskId = (*ref)->remoteId;
    hs->updateTask(taskId, {{u"hs_task_status"_s, u"COMPLETED"_s}})
        .then(this, [self, job, refKind, taskId, done](Result<HubSpot::Task> t) {
            if (!t && t.error().code != ErrorCode::NotFound)
                return done(JobResult::failed(t.error()));
            Store::SyncStateRepository st(self->m_db, self->m_clock);
            if (auto ok = st.removeRef(job.entityType, job.entityId, System::HubSpot, refKind); !ok)
                return done(JobResult::failed(ok.error()));
            done(JobResult::done(taskId, t ? u"task completed"_s : u"task already gone"_s));
        });
}

// ---------------------------------------------------------------------------
// QuickBooks money

void JobRunner::createInvoice(const OutboxJob &job, std::function<void(JobResult)> done)
{
    auto *qbo = m_connectors.quickBooks();
    if (!qbo)
        return done(JobResult::failed(notConnected(System::QuickBooks)));
    const QJsonObject p = Jobs::payloadOf(job);
    const QString planKey = p.value(u"planKey"_s).toString(job.entityId);
    Store::SyncStateRepository state(m_db, m_clock);
    auto ref = state.ref(u"invoice-plan"_s, planKey, System::QuickBooks, u"invoice"_s);
    if (!ref)
        return done(JobResult::failed(ref.error()));
    if (ref->has_value())
        return done(JobResult::done((*ref)->remoteId, u"invoice already created"_s));
    auto customer = linkedId(p.value(u"customerId"_s).toString(), System::QuickBooks);
    if (!customer)
        return done(JobResult::failed(customer.error()));
    if (customer->isEmpty())
        return done(JobResult::deferred(u"waiting for the client's QuickBooks customer"_s, kWaitForPrerequisiteMs));

    const QString currency = p.value(u"currency"_s).toString(u"USD"_s);
    QuickBooks::Invoice inv;
    inv.customerRef.value = *customer;
    inv.txnDate = QDate::fromString(p.value(u"txnDate"_s).toString(), Qt::ISODate);
    inv.dueDate = QDate::fromString(p.value(u"dueDate"_s).toString(), Qt::ISODate);
    inv.privateNote = u"Concord %1"_s.arg(planKey);
    for (const QJsonValue &v : p.value(u"lines"_s).toArray()) {
        const QJsonObject l = v.toObject();
        QuickBooks::SalesLine line;
        line.detailType = QuickBooks::LineDetailType::SalesItem;
        line.description = l.value(u"description"_s).toString();
        auto amount = Money::parse(l.value(u"amount"_s).toString(), currency);
        auto qty = Decimal::parse(l.value(u"quantity"_s).toString());
        auto rate = Decimal::parse(l.value(u"rate"_s).toString());
        if (!amount || !qty || !rate)
            return done(JobResult::failed(badPayload(job, u"has a line without a valid amount, quantity or rate"_s)));
        line.amount = *amount;
        line.salesItem.itemRef.value = l.value(u"itemRef"_s).toString();
        line.salesItem.qty = *qty;
        line.salesItem.unitPrice = *rate;
        line.salesItem.serviceDate = QDate::fromString(l.value(u"serviceDate"_s).toString(), Qt::ISODate);
        line.salesItem.taxCodeRef.value = l.value(u"taxCode"_s).toString();
        inv.lines.append(line);
    }
    if (inv.lines.isEmpty())
        return done(JobResult::failed(badPayload(job, u"has no lines"_s)));
    // Tax and discount are chosen by rule; QuickBooks computes the amounts.
    inv.txnTaxDetail.txnTaxCodeRef.value = p.value(u"txnTaxCode"_s).toString();
    if (p.contains(u"discount"_s)) {
        const QJsonObject d = p.value(u"discount"_s).toObject();
        QuickBooks::SalesLine line;
        line.detailType = QuickBooks::LineDetailType::Discount;
        line.description = d.value(u"description"_s).toString();
        if (const int bp = d.value(u"percentBasisPoints"_s).toInt(); bp > 0) {
            auto percent = Decimal::fromParts(bp, 2);
            if (!percent)
                return done(JobResult::failed(badPayload(job, u"has a discount percentage out of range"_s)));
            line.discount.percentBased = true;
            line.discount.discountPercent = percent->normalized();
        } else {
            auto amount = Money::fromMinor(d.value(u"amountMinor"_s).toInteger(-1), currency);
            if (!amount || amount->minorUnits() < 0)
                return done(JobResult::failed(badPayload(job, u"has a discount without a valid amount"_s)));
            line.discount.percentBased = false;
            line.amount = *amount;
        }
        inv.lines.append(line);
    }
    if (p.contains(u"depositMinor"_s)) {
        auto deposit = Money::fromMinor(p.value(u"depositMinor"_s).toInteger(), currency);
        if (deposit)
            inv.deposit = *deposit;
    }
    QPointer<JobRunner> self(this);
    qbo->createInvoice(writeKey(job), inv).then(this, [self, qbo, job, planKey, done](Result<QuickBooks::Invoice> made) {
        if (!made)
            return done(JobResult::failed(made.error()));
        // The customer-facing link (the CRM gets the link, never the PDF).
        qbo->readInvoice(made->id, true).then(self.data(), [self, job, planKey, first = *made, done](Result<QuickBooks::Invoice> read) {
            const QuickBooks::Invoice inv = read ? *read : first;
            Store::SyncStateRepository st(self->m_db, self->m_clock);
            if (auto ok = st.setRef({u"invoice-plan"_s, planKey, System::QuickBooks, u"invoice"_s, inv.id, inv.syncToken, {}});
                !ok)
                return done(JobResult::failed(ok.error()));
            // Mirror it now (deals learn the invoice and its link), then mark
            // the version as Concord's own so reading it back is not news.
            auto mirrored = self->m_applier.applyInvoice(inv, job.sourceChangedAt);
            if (!mirrored)
                return done(JobResult::failed(mirrored.error()));
            if (auto ok = st.recordEcho(System::QuickBooks, u"Invoice"_s, inv.id, inv.syncToken); !ok)
                return done(JobResult::failed(ok.error()));
            done(JobResult::done(inv.id, u"invoice %1 created"_s.arg(inv.docNumber)));
        });
    });
}

void JobRunner::voidInvoice(const OutboxJob &job, std::function<void(JobResult)> done)
{
    auto *qbo = m_connectors.quickBooks();
    if (!qbo)
        return done(JobResult::failed(notConnected(System::QuickBooks)));
    const QString qboId = Jobs::payloadOf(job).value(u"quickbooksId"_s).toString();
    if (qboId.isEmpty())
        return done(JobResult::failed(badPayload(job, u"has no quickbooksId"_s)));
    QPointer<JobRunner> self(this);
    qbo->voidInvoice(writeKey(job), qboId, QString()).then(this, [self, job, done](Result<QuickBooks::Invoice> voided) {
        if (!voided)
            return done(JobResult::failed(voided.error()));
        auto mirrored = self->m_applier.applyInvoice(*voided, job.sourceChangedAt);
        if (!mirrored)
            return done(JobResult::failed(mirrored.error()));
        Store::SyncStateRepository st(self->m_db, self->m_clock);
        if (auto ok = st.recordEcho(System::QuickBooks, u"Invoice"_s, voided->id, voided->syncToken); !ok)
            return done(JobResult::failed(ok.error()));
        done(JobResult::done(voided->id, u"invoice %1 voided"_s.arg(voided->docNumber)));
    });
}

void JobRunner::cachePdf(const OutboxJob &job, std::function<void(JobResult)> done)
{
    if (!m_pdfCache) {
        // Switched off since the job was queued: nothing to keep.
        return done(JobResult::done(QString(), u"PDF cache is off"_s));
    }
    m_pdfCache->cache(job.entityId.toLongLong()).then(this, [done](Result<Domain::Attachment> cached) {
        if (!cached)
            return done(JobResult::failed(cached.error()));
        done(JobResult::done(cached->sha256Hex, u"PDF cached (%1 bytes)"_s.arg(cached->sizeBytes)));
    });
}

void JobRunner::createCredit(const OutboxJob &job, bool refund, std::function<void(JobResult)> done)
{
    auto *qbo = m_connectors.quickBooks();
    if (!qbo)
        return done(JobResult::failed(notConnected(System::QuickBooks)));
    const QJsonObject p = Jobs::payloadOf(job);
    auto customer = linkedId(p.value(u"customerId"_s).toString(), System::QuickBooks);
    if (!customer)
        return done(JobResult::failed(customer.error()));
    if (customer->isEmpty())
        return done(JobResult::deferred(u"waiting for the client's QuickBooks customer"_s, kWaitForPrerequisiteMs));
    Store::SyncStateRepository state(m_db, m_clock);
    auto ref = state.ref(u"invoice"_s, job.entityId, System::QuickBooks, u"credit"_s);
    if (!ref)
        return done(JobResult::failed(ref.error()));
    if (ref->has_value())
        return done(JobResult::done((*ref)->remoteId, u"credit already issued"_s));
    auto amount = Money::fromMinor(p.value(u"amountMinor"_s).toInteger(), p.value(u"currency"_s).toString(u"USD"_s));
    if (!amount || amount->minorUnits() <= 0)
        return done(JobResult::failed(badPayload(job, u"has no positive amount"_s)));
    QuickBooks::SalesLine line;
    line.detailType = QuickBooks::LineDetailType::SalesItem;
    line.description = p.value(u"description"_s).toString();
    line.amount = *amount;
    line.salesItem.itemRef.value = p.value(u"itemRef"_s).toString();
    line.salesItem.qty = Decimal::fromInt(1);
    line.salesItem.unitPrice = Decimal::fromMoney(*amount);
    const QString note = u"Concord: %1 for invoice %2"_s.arg(refund ? u"refund"_s : u"credit"_s,
                                                              p.value(u"docNumber"_s).toString());
    QPointer<JobRunner> self(this);
    auto finish = [self, job, done](const QString &id, auto applied) {
        if (!applied)
            return done(JobResult::failed(applied.error()));
        done(JobResult::done(id, u"issued"_s));
    };
    auto remember = [self, job](const QString &remoteId) -> Status {
        Store::SyncStateRepository st(self->m_db, self->m_clock);
        return st.setRef({u"invoice"_s, job.entityId, System::QuickBooks, u"credit"_s, remoteId, {}, {}});
    };
    if (refund) {
        QuickBooks::RefundReceipt r;
        r.customerRef.value = *customer;
        r.txnDate = m_clock.nowUtc().date();
        r.lines = {line};
        r.privateNote = note;
        r.depositToAccountRef.value = m_settings.refundAccountId;
        qbo->create<QuickBooks::RefundReceipt>(writeKey(job), r).then(this, [self, job, remember, finish, done](Result<QuickBooks::RefundReceipt> made) {
            if (!made)
                return done(JobResult::failed(made.error()));
            if (auto ok = remember(made->id); !ok)
                return done(JobResult::failed(ok.error()));
            finish(made->id, self->m_applier.applyRefundReceipt(*made, job.sourceChangedAt));
        });
    } else {
        QuickBooks::CreditMemo m;
        m.customerRef.value = *customer;
        m.txnDate = m_clock.nowUtc().date();
        m.lines = {line};
        m.privateNote = note;
        qbo->create<QuickBooks::CreditMemo>(writeKey(job), m).then(this, [self, job, remember, finish, done](Result<QuickBooks::CreditMemo> made) {
            if (!made)
                return done(JobResult::failed(made.error()));
            if (auto ok = remember(made->id); !ok)
                return done(JobResult::failed(ok.error()));
            finish(made->id, self->m_applier.applyCreditMemo(*made, job.sourceChangedAt));
        });
    }
}

// ---------------------------------------------------------------------------
// Cal.com

void JobRunner::changeBooking(const OutboxJob &job, std::function<void(JobResult)> done)
{
    auto *cal = m_connectors.calcom();
    if (!cal)
        return done(JobResult::failed(notConnected(System::CalCom)));
    const QJsonObject p = Jobs::payloadOf(job);
    const QString uid = p.value(u"uid"_s).toString();
    if (uid.isEmpty())
        return done(JobResult::failed(badPayload(job, u"has no booking uid"_s)));
    const QString reason = p.value(u"reason"_s).toString();
    QPointer<JobRunner> self(this);
    auto after = [self, job, done](Result<Calcom::Booking> booking) {
        if (!booking)
            return done(JobResult::failed(booking.error()));
        auto applied = self->m_applier.applyBooking(*booking);
        if (!applied)
            return done(JobResult::failed(applied.error()));
        Store::SyncStateRepository st(self->m_db, self->m_clock);
        if (auto ok = st.recordEcho(System::CalCom, u"booking"_s, booking->uid,
                                    booking->changedAt().toString(Qt::ISODateWithMs));
            !ok)
            return done(JobResult::failed(ok.error()));
        done(JobResult::done(booking->uid, booking->statusText));
    };
    if (job.operation == Jobs::CalcomBookingReschedule) {
        const QDateTime start = QDateTime::fromString(p.value(u"start"_s).toString(), Qt::ISODateWithMs);
        if (!start.isValid())
            return done(JobResult::failed(badPayload(job, u"has no valid start"_s)));
        // The new booking comes back with rescheduledFromUid: the applier
        // moves the same appointment (never a cancel plus a stranger's booking).
        cal->rescheduleBooking(uid, start, reason, p.value(u"by"_s).toString()).then(this, after);
    } else if (job.operation == Jobs::CalcomBookingDecline) {
        cal->declineBooking(uid, reason).then(this, after);
    } else {
        cal->cancelBooking(uid, reason).then(this, after);
    }
}

} // namespace Concord::Sync
