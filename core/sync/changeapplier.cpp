#include "sync/changeapplier.h"

#include "billing/invoiceplan.h"
#include "connectors/calcom/booking.h"
#include "connectors/calcom/eventtype.h"
#include "connectors/hubspot/contact.h"
#include "connectors/quickbooks/creditmemo.h"
#include "connectors/quickbooks/customer.h"
#include "connectors/quickbooks/invoice.h"
#include "connectors/quickbooks/item.h"
#include "connectors/quickbooks/payment.h"
#include "connectors/quickbooks/refundreceipt.h"
#include "domain/status.h"
#include "store/appointmentrepository.h"
#include "store/billingrepository.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/identityrepository.h"
#include "store/outboxrepository.h"
#include "store/rulesrepository.h"
#include "store/syncstaterepository.h"
#include "sync/defaultmappings.h"
#include "sync/mappingvalidation.h"
#include "sync/doublebooking.h"
#include "sync/jobs.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

Q_LOGGING_CATEGORY(lcApplier, "concord.sync.applier", QtInfoMsg)

namespace Concord::Sync {

namespace {

QString contactField(ContactKind kind)
{
    return kind == ContactKind::Email ? u"email"_s : u"phone"_s;
}

const QString kAppointment = u"appointment"_s;
const QString kInvoice = u"invoice"_s;
const QString kCustomer = u"customer"_s;

// What a status means in HubSpot when the store has no deal-stage mapping
// for it: the installed defaults (one source of truth with the mapping
// editor), then, for statuses whose default is not a stage (a no-show makes
// a task), the nearest stage of the default pipeline.
QString fallbackStage(StatusDomain domain, const QString &status)
{
    static const QList<StatusMapping> defaults = defaultStatusMappings();
    for (const StatusMapping &m : defaults)
        if (m.domain == domain && m.status == status && m.action == StatusAction::DealStage)
            return m.targetValue;
    if (domain == StatusDomain::Appointment && status == u"no_show"_s)
        return u"qualifiedtobuy"_s;
    return {};
}

bool closesTasks(MoneyStatus s)
{
    return s == MoneyStatus::Paid || s == MoneyStatus::Voided || s == MoneyStatus::Refunded;
}

QString entityKey(const QString &type, const QString &id)
{
    return type + u'/' + id;
}

// The key of an email contact point. An address that does not normalize
// ("dan.wu@example,com": a comma for the dot) is kept as typed rather than
// dropped or repaired — the person gave it, the remote systems say whether
// they take it, and a person corrects it in the retry queue. Its key is the
// typed text in lower case: no well-formed address can equal it (one that
// did would have normalized), and lookups only ever ask for normalized
// addresses, so it links nobody. Empty when there is no email at all.
QString emailKey(const QString &raw, const Identity::NormalizedEmail &email)
{
    return email.isEmpty() ? raw.trimmed().toLower() : email.address;
}

QJsonObject linesJson(const QList<Billing::PlannedLine> &lines)
{
    QJsonArray out;
    for (const Billing::PlannedLine &l : lines) {
        QJsonObject line{{u"appointmentId"_s, l.appointmentId},
                         {u"itemRef"_s, l.itemRef},
                         {u"description"_s, l.description},
                         {u"serviceDate"_s, l.serviceDate.toString(Qt::ISODate)},
                         {u"quantity"_s, l.quantity.toString()},
                         {u"rate"_s, l.rate.toDecimalString()},
                         {u"amount"_s, l.amount.toDecimalString()}};
        if (!l.taxCode.isEmpty())
            line[u"taxCode"_s] = l.taxCode;
        out.append(line);
    }
    return QJsonObject{{u"lines"_s, out}};
}

// The invoice-plan job's payload (shared by the billing pass and the manual
// trigger, so both queue the same job).
QJsonObject planPayload(const Billing::PlannedInvoice &plan)
{
    QJsonObject payload = linesJson(plan.lines);
    payload[u"customerId"_s] = plan.customerId;
    payload[u"planKey"_s] = plan.key;
    payload[u"txnDate"_s] = plan.txnDate.toString(Qt::ISODate);
    payload[u"dueDate"_s] = plan.dueDate.toString(Qt::ISODate);
    payload[u"currency"_s] = plan.total.currency();
    if (!plan.deposit.isZero())
        payload[u"depositMinor"_s] = plan.deposit.minorUnits();
    if (!plan.txnTaxCode.isEmpty())
        payload[u"txnTaxCode"_s] = plan.txnTaxCode;
    if (plan.discount) {
        QJsonObject d{{u"description"_s, plan.discount->description}};
        if (plan.discount->percentBasisPoints > 0)
            d[u"percentBasisPoints"_s] = plan.discount->percentBasisPoints;
        else
            d[u"amountMinor"_s] = plan.discount->amount.minorUnits();
        payload[u"discount"_s] = d;
    }
    return payload;
}

} // namespace

ChangeApplier::ChangeApplier(Store::Database &db, const Clock &clock, ApplierSettings settings)
    : m_db(db)
    , m_clock(clock)
    , m_settings(std::move(settings))
    , m_phones(m_settings.defaultRegion)
{
}

Status ChangeApplier::reloadMappings()
{
    auto loaded = FieldMappingSet::load(m_db, m_clock);
    if (!loaded) {
        if (!m_mappings)
            m_mappings = FieldMappingSet();
        return std::unexpected(loaded.error());
    }
    m_mappings = std::move(*loaded);
    return {};
}

const FieldMappingSet &ChangeApplier::fieldMappings() const
{
    if (!m_mappings) {
        auto loaded = FieldMappingSet::load(m_db, m_clock);
        if (!loaded)
            qCWarning(lcApplier).noquote() << "field mappings could not be read:" << loaded.error().toString();
        m_mappings = loaded.value_or(FieldMappingSet());
    }
    return *m_mappings;
}

QDate ChangeApplier::localDate(const QDateTime &utc) const
{
    const QTimeZone zone(m_settings.businessTimeZone.toUtf8());
    return zone.isValid() ? utc.toTimeZone(zone).date() : utc.date();
}

// ---------------------------------------------------------------------------
// Catalog

Status ChangeApplier::importCatalog(const QList<Calcom::EventType> &eventTypes, const QList<QuickBooks::Item> &items)
{
    Store::AppointmentRepository appointments(m_db, m_clock);
    auto existing = appointments.allServices();
    if (!existing)
        return std::unexpected(existing.error());
    QHash<QString, Service> known;
    for (const Service &s : std::as_const(*existing))
        known.insert(s.calcomEventTypeId, s);
    Store::Transaction tx(m_db);
    if (!tx.started())
        return tx.started();
    for (const Calcom::EventType &type : eventTypes) {
        Service s;
        // Where a service takes place is Concord's own setting (tax rules
        // go by it); Cal.com and QuickBooks know nothing of it.
        s.location = known.value(QString::number(type.id)).location;
        s.name = type.title;
        s.calcomEventTypeId = QString::number(type.id);
        s.defaultDurationMinutes = type.lengthInMinutes > 0 ? type.lengthInMinutes : 60;
        s.currency = m_settings.currency;
        for (const QuickBooks::Item &item : items) {
            if (item.name.compare(type.title, Qt::CaseInsensitive) != 0)
                continue;
            s.quickbooksItemId = item.id;
            if (item.unitPrice) {
                // The item's price is per session of the event type's length;
                // the store keeps an hourly rate.
                auto price = item.unitPrice->toMoney(m_settings.currency, u"Item.UnitPrice"_s);
                if (price) {
                    auto hourly = price->multiply(60, s.defaultDurationMinutes);
                    if (hourly)
                        s.rateMinor = hourly->minorUnits();
                }
            }
            break;
        }
        if (auto ok = appointments.upsertService(s); !ok)
            return std::unexpected(ok.error());
    }
    m_services.reset();
    return tx.commit();
}

Result<QList<Service>> ChangeApplier::services() const
{
    if (!m_services) {
        Store::AppointmentRepository appointments(m_db, m_clock);
        auto all = appointments.allServices();
        if (!all)
            return all;
        m_services = *all;
    }
    return *m_services;
}

// ---------------------------------------------------------------------------
// People

QString ChangeApplier::activeCustomer(const QString &customerId) const
{
    Store::CustomerRepository customers(m_db, m_clock);
    QString id = customerId;
    for (int hops = 0; hops < 8; ++hops) {
        auto c = customers.get(id);
        if (!c || c->state != CustomerState::Merged || c->mergedInto.isEmpty())
            return id;
        id = c->mergedInto;
    }
    return id;
}

Result<QString> ChangeApplier::createCustomer(const Person &p, System source)
{
    Store::CustomerRepository customers(m_db, m_clock);
    Customer c;
    c.givenName = p.given;
    c.familyName = p.family;
    c.displayName = !p.display.isEmpty() ? p.display : (p.given + u' ' + p.family).trimmed();
    if (c.displayName.isEmpty())
        c.displayName = p.email.isEmpty() ? p.phone : p.email;
    c.timeZone = p.timeZone;
    const QString emailAt = emailKey(p.email, Identity::normalizeEmail(p.email));
    if (!emailAt.isEmpty())
        c.contacts.append(ContactPoint{0, {}, ContactKind::Email, p.email.trimmed(), emailAt, true, source});
    const auto phone = m_phones.normalize(p.phone);
    if (!phone.isEmpty())
        c.contacts.append(ContactPoint{0, {}, ContactKind::Phone, p.phone.trimmed(),
                                       phone.e164.isEmpty() ? phone.national : phone.e164, true, source});
    auto created = customers.create(c);
    if (!created)
        return std::unexpected(created.error());
    return created->id;
}

Status ChangeApplier::addMissingContacts(const QString &customerId, const Person &p, System source,
                                         ApplyOutcome &outcome)
{
    Store::CustomerRepository customers(m_db, m_clock);
    auto existing = customers.contacts(customerId);
    if (!existing)
        return std::unexpected(existing.error());
    auto has = [&](ContactKind kind, const QString &normalized) {
        return std::any_of(existing->cbegin(), existing->cend(), [&](const ContactPoint &cp) {
            return cp.kind == kind && cp.normalized == normalized;
        });
    };
    // A new value from a copy (not the field's system of record) still
    // matches the person later, so it is kept; it never becomes the value
    // Concord carries (carriedContact), and an admin sees why in the log.
    const FieldMappingSet &mappings = fieldMappings();
    auto notOwned = [&](ContactKind kind, const QString &value) {
        const QString field = contactField(kind);
        if (mappings.isAuthoritative(field, source))
            return;
        const std::optional<System> owner = mappings.authority(field);
        const QString why = u"%1 '%2' from %3 kept for matching only: %4 is its system of record"_s.arg(
            field, value.trimmed(), displayName(source), owner ? displayName(*owner) : u"another system"_s);
        qCInfo(lcApplier).noquote() << "customer" << customerId << why;
        outcome.notAuthoritative << why;
    };
    const QString emailAt = emailKey(p.email, Identity::normalizeEmail(p.email));
    if (!emailAt.isEmpty() && !has(ContactKind::Email, emailAt)) {
        notOwned(ContactKind::Email, p.email);
        if (auto ok = customers.addContact({0, customerId, ContactKind::Email, p.email.trimmed(), emailAt, false, source});
            !ok && ok.error().code != ErrorCode::Conflict)
            return std::unexpected(ok.error());
    }
    const auto phone = m_phones.normalize(p.phone);
    const QString phoneKey = phone.e164.isEmpty() ? phone.national : phone.e164;
    if (!phoneKey.isEmpty() && !has(ContactKind::Phone, phoneKey)) {
        notOwned(ContactKind::Phone, p.phone);
        if (auto ok = customers.addContact({0, customerId, ContactKind::Phone, p.phone.trimmed(), phoneKey, false, source});
            !ok && ok.error().code != ErrorCode::Conflict)
            return std::unexpected(ok.error());
    }
    return {};
}

Result<QString> ChangeApplier::resolvePerson(const Person &p, System system, const QString &externalId,
                                             ApplyOutcome &outcome)
{
    Store::IdentityRepository identity(m_db, m_clock);
    Store::CustomerRepository customers(m_db, m_clock);

    // 1. The stored cross-system link.
    if (!externalId.isEmpty()) {
        auto linked = identity.find(system, externalId);
        if (!linked)
            return std::unexpected(linked.error());
        if (linked->has_value()) {
            const QString id = activeCustomer((*linked)->customerId);
            if (auto ok = addMissingContacts(id, p, system, outcome); !ok)
                return std::unexpected(ok.error());
            return id;
        }
    }

    // 2. Normalized email, 3. normalized phone. Never the name alone.
    QString found;
    MatchMethod method = MatchMethod::Email;
    const auto email = Identity::normalizeEmail(p.email);
    if (!email.isEmpty()) {
        auto byEmail = customers.findByContact(ContactKind::Email, email.address);
        if (!byEmail)
            return std::unexpected(byEmail.error());
        for (const Customer &c : std::as_const(*byEmail)) {
            if (c.state == CustomerState::Active) {
                found = c.id;
                break;
            }
        }
    }
    const auto phone = m_phones.normalize(p.phone);
    // A full number is a stable identifier even where libphonenumber
    // calls it unassigned (the 555 numbers of demos and tests); a local
    // number without its area code is not.
    if (found.isEmpty() && !phone.e164.isEmpty() && !phone.localOnly) {
        auto byPhone = customers.findByContact(ContactKind::Phone, phone.e164);
        if (!byPhone)
            return std::unexpected(byPhone.error());
        for (const Customer &c : std::as_const(*byPhone)) {
            if (c.state == CustomerState::Active) {
                found = c.id;
                method = MatchMethod::Phone;
                break;
            }
        }
    }

    if (!found.isEmpty() && system != System::CalCom && !externalId.isEmpty()) {
        // A second record for one person inside one system (two QuickBooks
        // customers for a parent) is a duplicate to review, not a link: the
        // person keeps the first record, and this one becomes its own
        // customer that the duplicate scan pairs with it.
        auto links = identity.linksFor(found);
        if (!links)
            return std::unexpected(links.error());
        const bool taken = std::any_of(links->cbegin(), links->cend(), [&](const ExternalLink &l) {
            return l.system == system && l.externalId != externalId;
        });
        if (taken)
            found.clear();
    }

    if (found.isEmpty()) {
        auto created = createCustomer(p, system);
        if (!created)
            return std::unexpected(created.error());
        found = *created;
        method = MatchMethod::StoredLink;
        ++outcome.customersCreated;
    } else if (auto ok = addMissingContacts(found, p, system, outcome); !ok) {
        return std::unexpected(ok.error());
    }

    if (!externalId.isEmpty()) {
        ExternalLink link;
        link.customerId = found;
        link.system = system;
        link.externalId = externalId;
        link.method = method;
        link.confidencePermille = 1000;
        link.evidenceJson = QString::fromUtf8(
            QJsonDocument(QJsonObject{{u"matchedBy"_s, toString(method)},
                                      {u"email"_s, email.address},
                                      {u"phone"_s, phone.e164}})
                .toJson(QJsonDocument::Compact));
        link.linkedBy = m_settings.actor;
        if (auto ok = identity.link(link); !ok && ok.error().code != ErrorCode::Conflict)
            return std::unexpected(ok.error());
    }
    return found;
}

Result<ApplyOutcome> ChangeApplier::applyQuickBooksCustomer(const QuickBooks::Customer &qc)
{
    ApplyOutcome outcome;
    Store::SyncStateRepository state(m_db, m_clock);
    auto echo = state.isEcho(System::QuickBooks, u"Customer"_s, qc.id, qc.syncToken);
    if (!echo)
        return std::unexpected(echo.error());
    if (*echo) {
        outcome.echo = true;
        return outcome;
    }
    if (qc.active.has_value() && !*qc.active) {
        outcome.note = u"inactive in QuickBooks"_s;
        return outcome;
    }
    Store::Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    Person p{qc.givenName, qc.familyName, qc.displayName, qc.primaryEmail,
             qc.primaryPhone.isEmpty() ? qc.mobilePhone : qc.primaryPhone, {}};
    auto id = resolvePerson(p, System::QuickBooks, qc.id, outcome);
    if (!id)
        return std::unexpected(id.error());
    outcome.entityId = *id;
    outcome.changed = true;
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return outcome;
}

Result<ApplyOutcome> ChangeApplier::applyHubSpotContact(const HubSpot::Contact &hc)
{
    ApplyOutcome outcome;
    Store::SyncStateRepository state(m_db, m_clock);
    auto echo = state.isEcho(System::HubSpot, u"contact"_s, hc.id, hc.lastModifiedAt.toString(Qt::ISODateWithMs));
    if (!echo)
        return std::unexpected(echo.error());
    if (*echo) {
        outcome.echo = true;
        return outcome;
    }
    if (hc.archived)
        return outcome;
    Store::Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    Person p{hc.firstName, hc.lastName, {}, hc.email, hc.phone.isEmpty() ? hc.mobilePhone : hc.phone, {}};
    auto id = resolvePerson(p, System::HubSpot, hc.id, outcome);
    if (!id)
        return std::unexpected(id.error());
    outcome.entityId = *id;
    outcome.changed = true;
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return outcome;
}

QString ChangeApplier::carriedContact(const Customer &customer, ContactKind kind) const
{
    const std::optional<System> owner = fieldMappings().authority(contactField(kind));
    QString primary, owned;
    qint64 ownedId = -1;
    bool ownedPrimary = false;
    for (const ContactPoint &cp : customer.contacts) {
        if (cp.kind != kind)
            continue;
        if (primary.isEmpty() || cp.isPrimary)
            primary = cp.value;
        // The authority's value: its primary, else the newest it gave.
        if (owner && cp.sourceSystem == owner && !ownedPrimary && (cp.isPrimary || cp.id > ownedId)) {
            owned = cp.value;
            ownedId = cp.id;
            ownedPrimary = cp.isPrimary;
        }
    }
    return owned.isEmpty() ? primary : owned;
}

Result<int> ChangeApplier::ensureRemoteCustomer(const QString &customerId, const QDateTime &sourceAt, QStringView kind)
{
    Store::IdentityRepository identity(m_db, m_clock);
    Store::CustomerRepository customers(m_db, m_clock);
    Store::OutboxRepository outbox(m_db, m_clock);
    auto links = identity.linksFor(customerId);
    if (!links)
        return std::unexpected(links.error());
    auto customer = customers.get(customerId);
    if (!customer)
        return std::unexpected(customer.error());
    const QString email = carriedContact(*customer, ContactKind::Email);
    const QString phone = carriedContact(*customer, ContactKind::Phone);
    const QJsonObject payload{{u"displayName"_s, customer->displayName},
                              {u"givenName"_s, customer->givenName},
                              {u"familyName"_s, customer->familyName},
                              {u"email"_s, email},
                              {u"phone"_s, phone}};
    int enqueued = 0;
    const std::pair<System, QStringView> targets[] = {{System::QuickBooks, Jobs::QboCustomerEnsure},
                                                     {System::HubSpot, Jobs::HubSpotContactEnsure}};
    for (const auto &[system, operation] : targets) {
        const bool linked = std::any_of(links->cbegin(), links->cend(),
                                        [s = system](const ExternalLink &l) { return l.system == s; });
        if (linked)
            continue;
        OutboxJob job = Jobs::make(system, operation, kCustomer, customerId,
                                   u"%1/customer/%2"_s.arg(toString(system), customerId), payload, kind, sourceAt);
        // The client's remote record is what their deals and invoices wait
        // for: due as of the change that asked for it, so it is claimed
        // before work queued since (claimDue takes the oldest due first) — a
        // first import's hundreds of deals do not hold a new client back.
        const QDateTime now = m_clock.nowUtc();
        job.nextAttemptAt = sourceAt.isValid() && sourceAt < now ? sourceAt : now;
        auto id = outbox.enqueue(job);
        if (!id)
            return std::unexpected(id.error());
        ++enqueued;
    }
    return enqueued;
}

// ---------------------------------------------------------------------------
// Appointments

Result<int> ChangeApplier::enqueueDeal(qint64 appointmentId, const QString &trigger, QStringView kind,
                                       const QDateTime &sourceAt)
{
    Store::OutboxRepository outbox(m_db, m_clock);
    const QString id = QString::number(appointmentId);
    // The job computes the deal from the store when it runs, so one waiting
    // job carries every change made before it is delivered.
    auto waiting = outbox.hasPending(Jobs::HubSpotDealUpsert.toString(), kAppointment, id);
    if (!waiting)
        return std::unexpected(waiting.error());
    if (*waiting)
        return 0;
    auto job = outbox.enqueue(Jobs::make(System::HubSpot, Jobs::HubSpotDealUpsert, kAppointment, id,
                                         u"hubspot/deal/%1/%2"_s.arg(id, trigger), QJsonObject{{u"appointmentId"_s, id}},
                                         kind, sourceAt));
    if (!job)
        return std::unexpected(job.error());
    return 1;
}

Result<int> ChangeApplier::enqueueCloseTasks(const QString &entityType, const QString &entityId, const QString &trigger,
                                             QStringView kind, const QDateTime &sourceAt)
{
    Store::SyncStateRepository state(m_db, m_clock);
    Store::OutboxRepository outbox(m_db, m_clock);
    auto refs = state.refsFor(entityType, entityId);
    if (!refs)
        return std::unexpected(refs.error());
    int n = 0;
    for (const RemoteRef &r : std::as_const(*refs)) {
        if (r.system != System::HubSpot || !r.kind.startsWith(u"task/"_s))
            continue;
        auto job = outbox.enqueue(Jobs::make(System::HubSpot, Jobs::HubSpotTaskClose, entityType, entityId,
                                             u"hubspot/task-close/%1/%2/%3/%4"_s.arg(r.kind, entityType, entityId, trigger),
                                             QJsonObject{{u"refKind"_s, r.kind},
                                                         {u"entityType"_s, entityType},
                                                         {u"entityId"_s, entityId}},
                                             kind, sourceAt));
        if (!job)
            return std::unexpected(job.error());
        ++n;
    }
    return n;
}

Result<QList<InvoicePolicy>> ChangeApplier::policies() const
{
    Store::RulesRepository rules(m_db, m_clock);
    auto all = rules.invoicePolicies();
    if (!all)
        return all;
    return Billing::withBuiltInDefault(*all, m_settings.currency);
}

Result<ApplyOutcome> ChangeApplier::applyBooking(const Calcom::Booking &b)
{
    ApplyOutcome outcome;
    Store::SyncStateRepository state(m_db, m_clock);
    const QString version = b.changedAt().toString(Qt::ISODateWithMs);
    auto echo = state.isEcho(System::CalCom, u"booking"_s, b.uid, version);
    if (!echo)
        return std::unexpected(echo.error());
    if (*echo) {
        outcome.echo = true;
        return outcome;
    }
    if (b.attendees.isEmpty() || !b.start.isValid())
        return fail(ErrorCode::RemoteValidation, u"Cal.com booking %1 has no attendee or no start time"_s.arg(b.uid));

    Store::AppointmentRepository appointments(m_db, m_clock);
    Store::Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());

    const QDateTime sourceAt = b.changedAt().isValid() ? b.changedAt() : m_clock.nowUtc();
    const QDateTime now = m_clock.nowUtc();

    // The old half of a reschedule (cancelled, pointing at its new booking):
    // the appointment lives on under the new uid, so this is not a cancellation.
    if (b.wasRescheduled() && (b.status == Calcom::BookingStatus::Cancelled || b.status == Calcom::BookingStatus::Rejected)) {
        auto moved = appointments.findByCalcomUid(b.rescheduledToUid);
        if (moved)
            outcome.note = u"rescheduled to %1"_s.arg(b.rescheduledToUid);
        else
            outcome.note = u"rescheduled; new booking not seen yet"_s;
        outcome.stale = true;
        if (auto ok = tx.commit(); !ok)
            return std::unexpected(ok.error());
        return outcome;
    }

    // Who: the first attendee (the parent who booked).
    const Calcom::BookingAttendee &a = b.attendees.first();
    const QStringList names = a.name.split(u' ', Qt::SkipEmptyParts);
    Person p{names.value(0), names.size() > 1 ? names.mid(1).join(u' ') : QString(), a.name, a.email, a.phoneNumber,
             a.timeZone};
    // Cal.com's attendee is known by their email: a mistyped one (kept as
    // typed, see emailKey) still names the same attendee on every booking.
    const auto email = Identity::normalizeEmail(a.email);
    auto customerId = resolvePerson(p, System::CalCom, emailKey(a.email, email), outcome);
    if (!customerId)
        return std::unexpected(customerId.error());

    // Staff and service.
    qint64 staffId = 0;
    if (!b.hosts.isEmpty()) {
        StaffMember s;
        s.email = b.hosts.first().email.toLower();
        s.displayName = b.hosts.first().name;
        s.calcomUserId = QString::number(b.hosts.first().id);
        auto existing = appointments.staffByEmail(s.email);
        if (existing) {
            staffId = existing->id;
        } else if (!s.email.isEmpty()) {
            auto id = appointments.upsertStaff(s);
            if (!id)
                return std::unexpected(id.error());
            staffId = *id;
        }
    }
    qint64 serviceId = 0;
    {
        auto catalog = services();
        if (!catalog)
            return std::unexpected(catalog.error());
        for (const Service &s : std::as_const(*catalog)) {
            if (s.calcomEventTypeId == QString::number(b.eventTypeId)) {
                serviceId = s.id;
                break;
            }
        }
    }

    // What state Cal.com's booking means for the appointment.
    AppointmentStatus status = AppointmentStatus::Booked;
    const bool absent = b.absentHost || std::any_of(b.attendees.cbegin(), b.attendees.cend(),
                                                    [](const Calcom::BookingAttendee &x) { return x.absent; });
    if (b.status == Calcom::BookingStatus::Cancelled || b.status == Calcom::BookingStatus::Rejected)
        status = AppointmentStatus::Canceled;
    else if (absent)
        status = AppointmentStatus::NoShow;
    else if (b.end.isValid() && b.end <= now && b.status == Calcom::BookingStatus::Accepted)
        status = AppointmentStatus::Completed;
    else if (b.isRescheduleOf())
        status = AppointmentStatus::Rescheduled;

    const QString zone = b.timeZone().isEmpty() ? m_settings.businessTimeZone : b.timeZone();
    auto start = ZonedInstant::fromUtc(b.start, zone);
    if (!start)
        start = ZonedInstant::fromUtc(b.start, u"UTC"_s);
    if (!start)
        return std::unexpected(start.error());

    Appointment incoming;
    incoming.customerId = *customerId;
    incoming.calcomUid = b.uid;
    incoming.start = *start;
    incoming.durationMinutes = b.durationMinutes > 0 ? b.durationMinutes
                                                     : int(b.start.secsTo(b.end.isValid() ? b.end : b.start.addSecs(3600)) / 60);
    if (incoming.durationMinutes <= 0)
        incoming.durationMinutes = 60;
    incoming.staffId = staffId;
    incoming.serviceId = serviceId;
    incoming.status = status;
    incoming.sourceVersion = version;
    incoming.title = b.title;

    // Same appointment? Its current uid, or — for a reschedule — the uid it
    // moved from (the appointment keeps its identity).
    std::optional<Appointment> stored;
    if (auto byUid = appointments.findByCalcomUid(b.uid); byUid) {
        stored = *byUid;
    } else if (byUid.error().code != ErrorCode::NotFound) {
        return std::unexpected(byUid.error());
    } else if (b.isRescheduleOf()) {
        if (auto from = appointments.findByCalcomUid(b.rescheduledFromUid); from)
            stored = *from;
    }

    Appointment result;
    bool isNew = false;
    AppointmentStatus before = AppointmentStatus::Booked;
    if (!stored) {
        auto id = appointments.insert(incoming);
        if (!id)
            return std::unexpected(id.error());
        auto got = appointments.get(*id);
        if (!got)
            return std::unexpected(got.error());
        result = *got;
        isNew = true;
        outcome.changed = true;
    } else {
        before = stored->status;
        incoming.id = stored->id;
        if (stored->status == AppointmentStatus::Canceled && status == AppointmentStatus::Canceled) {
            result = *stored; // a repeat
        } else {
            // A past session Cal.com still calls accepted stays completed;
            // the state machine refuses impossible moves (and the refusal is
            // the caller's to log).
            if (incoming.status == AppointmentStatus::Rescheduled && stored->calcomUid == b.uid)
                incoming.status = stored->status; // the same booking again
            auto updated = appointments.applyUpdate(incoming);
            if (!updated)
                return std::unexpected(updated.error());
            if (updated->sourceVersion != incoming.sourceVersion) {
                outcome.stale = true;
                if (auto ok = tx.commit(); !ok)
                    return std::unexpected(ok.error());
                return outcome;
            }
            result = *updated;
            outcome.changed = result.status != before || stored->start.utc() != result.start.utc()
                              || stored->calcomUid != result.calcomUid;
        }
    }
    outcome.entityId = QString::number(result.id);

    // Effects, written with the state in this transaction.
    auto ensured = ensureRemoteCustomer(result.customerId, sourceAt, Jobs::KindAppointment);
    if (!ensured)
        return std::unexpected(ensured.error());
    outcome.jobsEnqueued += *ensured;

    if (isNew || outcome.changed) {
        auto deal = enqueueDeal(result.id, u"cal/"_s + b.uid + u'/' + version, Jobs::KindAppointment, sourceAt);
        if (!deal)
            return std::unexpected(deal.error());
        outcome.jobsEnqueued += *deal;
    }
    if (result.status == AppointmentStatus::Canceled && before != AppointmentStatus::Canceled && !isNew) {
        auto money = decideCancellationMoney(result, b.changedAt().isValid() ? b.changedAt() : now,
                                             Jobs::KindAppointment);
        if (!money)
            return std::unexpected(money.error());
        outcome.jobsEnqueued += *money;
        auto closed = enqueueCloseTasks(kAppointment, QString::number(result.id), version, Jobs::KindAppointment,
                                        sourceAt);
        if (!closed)
            return std::unexpected(closed.error());
        outcome.jobsEnqueued += *closed;
    }
    if (result.status == AppointmentStatus::Canceled && isNew) {
        // First seen already canceled (history): the same late-fee rule applies.
        auto money = decideCancellationMoney(result, b.changedAt().isValid() ? b.changedAt() : now,
                                             Jobs::KindAppointment);
        if (!money)
            return std::unexpected(money.error());
        outcome.jobsEnqueued += *money;
    }
    if (result.status == AppointmentStatus::NoShow && before != AppointmentStatus::NoShow) {
        Store::OutboxRepository outbox(m_db, m_clock);
        const QString id = QString::number(result.id);
        auto job = outbox.enqueue(Jobs::make(
            System::HubSpot, Jobs::HubSpotTaskCreate, kAppointment, id, u"hubspot/task/no_show/appointment/%1"_s.arg(id),
            QJsonObject{{u"customerId"_s, result.customerId},
                        {u"refKind"_s, u"task/no_show"_s},
                        {u"subject"_s, u"No-show: follow up on the %1 session [A-%2]"_s.arg(
                                           result.start.local().toString(u"MMM d, HH:mm"_s), id)},
                        {u"body"_s, u"The client did not attend. Decide on a fee or a new booking."_s},
                        {u"dueAt"_s, now.addDays(1).toString(Qt::ISODateWithMs)}},
            Jobs::KindAppointment, sourceAt));
        if (!job)
            return std::unexpected(job.error());
        ++outcome.jobsEnqueued;
    }
    if (isNew && (status == AppointmentStatus::Booked || status == AppointmentStatus::Rescheduled)
        && result.start.utc() > now) {
        auto blocked = checkBookingBlock(result, b);
        if (!blocked)
            return std::unexpected(blocked.error());
        outcome.jobsEnqueued += *blocked;
    }
    if (result.staffId != 0 && result.status != AppointmentStatus::Canceled && outcome.changed) {
        if (auto ok = checkDoubleBooking(result); !ok)
            return std::unexpected(ok.error());
    }

    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return outcome;
}

Result<int> ChangeApplier::checkBookingBlock(const Appointment &appointment, const Calcom::Booking &booking)
{
    auto all = policies();
    if (!all)
        return std::unexpected(all.error());
    const auto policy = Billing::policyFor(*all, appointment.customerId, appointment.serviceId);
    if (!policy || policy->blockThresholdMinor <= 0)
        return 0;
    Store::BillingRepository billing(m_db, m_clock);
    auto invoices = billing.invoicesForCustomer(appointment.customerId);
    if (!invoices)
        return std::unexpected(invoices.error());
    const QDate today = localDate(m_clock.nowUtc());
    qint64 overdue = 0;
    for (const Invoice &inv : std::as_const(*invoices)) {
        if (inv.status == MoneyStatus::Voided || inv.status == MoneyStatus::Refunded)
            continue;
        if (inv.dueDate.isValid() && inv.dueDate < today)
            overdue += inv.balance.minorUnits();
    }
    auto overdueMoney = Money::fromMinor(overdue, policy->currency);
    if (!overdueMoney)
        return std::unexpected(overdueMoney.error());
    const auto action = Billing::bookingBlock(*policy, *overdueMoney);
    if (!action)
        return 0;
    Store::SyncStateRepository state(m_db, m_clock);
    SyncFlag flag;
    flag.kind = u"booking_block"_s;
    flag.subject = entityKey(kCustomer, appointment.customerId);
    flag.system = toString(System::CalCom);
    flag.message = u"Overdue balance %1 is above the %2 threshold: booking %3 was %4"_s.arg(
        overdueMoney->toDecimalString(), Money::fromMinor(policy->blockThresholdMinor, policy->currency)->toDecimalString(),
        booking.uid, *action == BookingBlockAction::Decline ? u"declined"_s : u"held"_s);
    flag.detailJson = QJsonDocument(QJsonObject{{u"appointmentId"_s, QString::number(appointment.id)},
                                                {u"overdueMinor"_s, overdue}})
                          .toJson(QJsonDocument::Compact);
    if (auto ok = state.raiseFlag(flag); !ok)
        return std::unexpected(ok.error());
    if (*action == BookingBlockAction::Hold)
        return 0; // held: flagged for the office; nothing is invoiced until it is released
    Store::OutboxRepository outbox(m_db, m_clock);
    const QString id = QString::number(appointment.id);
    const bool pending = booking.status == Calcom::BookingStatus::Pending;
    auto job = outbox.enqueue(Jobs::make(System::CalCom, pending ? Jobs::CalcomBookingDecline : Jobs::CalcomBookingCancel,
                                         kAppointment, id, u"calcom/block/%1"_s.arg(booking.uid),
                                         QJsonObject{{u"uid"_s, booking.uid},
                                                     {u"reason"_s, u"Booking on hold: please settle the overdue balance "
                                                                   "first."_s}},
                                         Jobs::KindAppointment, booking.changedAt()));
    if (!job)
        return std::unexpected(job.error());
    return 1;
}

Status ChangeApplier::checkDoubleBooking(const Appointment &appointment)
{
    // The staff member's sessions around this one (no session is longer
    // than half a day), compared by instant whatever zone each was booked in.
    Store::AppointmentRepository appointments(m_db, m_clock);
    auto near = appointments.between(appointment.start.utc().addSecs(-12 * 3600),
                                     appointment.start.utc().addSecs(12 * 3600));
    if (!near)
        return std::unexpected(near.error());
    QList<StaffSlot> staffSlots;
    for (const Appointment &o : std::as_const(*near)) {
        if (o.staffId != appointment.staffId)
            continue;
        staffSlots.append({QString::number(o.id), o.staffId, o.start, o.durationMinutes, o.status,
                      o.rescheduledFromId ? QString::number(o.rescheduledFromId) : QString()});
    }
    BufferRules buffers;
    buffers.defaults.afterMinutes = m_settings.staffBufferMinutes;
    Store::SyncStateRepository state(m_db, m_clock);
    const QString self = QString::number(appointment.id);
    for (const DoubleBooking &d : findDoubleBookings(staffSlots, buffers)) {
        if (d.firstId != self && d.secondId != self)
            continue;
        SyncFlag flag;
        flag.kind = u"double_booking"_s;
        flag.subject = u"appointment/%1+appointment/%2"_s.arg(d.firstId, d.secondId);
        flag.system = toString(System::CalCom);
        flag.message = d.message;
        flag.detailJson = QJsonDocument(QJsonObject{{u"staffId"_s, d.staffId},
                                                    {u"overlapMinutes"_s, d.overlapMinutes},
                                                    {u"shortByMinutes"_s, d.shortByMinutes}})
                              .toJson(QJsonDocument::Compact);
        if (auto ok = state.raiseFlag(flag); !ok)
            return std::unexpected(ok.error());
    }
    return {};
}

Result<int> ChangeApplier::decideCancellationMoney(const Appointment &appointment, const QDateTime &canceledAt,
                                                   QStringView kind)
{
    auto all = policies();
    if (!all)
        return std::unexpected(all.error());
    const auto policy = Billing::policyFor(*all, appointment.customerId, appointment.serviceId);
    if (!policy)
        return 0;
    Store::BillingRepository billing(m_db, m_clock);
    Store::OutboxRepository outbox(m_db, m_clock);
    Billing::BilledState billed;
    billed.paid = Money::zero(policy->currency);
    std::optional<Invoice> invoice;
    if (auto inv = billing.invoiceForAppointment(appointment.id); inv) {
        invoice = *inv;
        billed.invoiced = true;
        auto paid = inv->total.subtract(inv->balance);
        if (paid)
            billed.paid = *paid;
    } else if (inv.error().code != ErrorCode::NotFound) {
        return std::unexpected(inv.error());
    }
    const QString apptId = QString::number(appointment.id);
    if (invoice && invoice->lines.size() > 1 && invoice->status != MoneyStatus::Voided) {
        // A session canceled after its monthly invoice was issued. The
        // invoice's money (paid, credited) is the whole month's, not this
        // session's, so neither voiding nor crediting it is right without a
        // person: the bookkeeper removes the line or credits it in
        // QuickBooks, and Concord mirrors what they do.
        Money lineAmount = Money::zero(invoice->total.currency());
        for (const InvoiceLine &l : invoice->lines)
            if (l.appointmentId == appointment.id)
                lineAmount = l.amount;
        SyncFlag flag;
        flag.kind = u"canceled_on_issued_invoice"_s;
        flag.subject = u"appointment/"_s + apptId;
        flag.system = toString(System::QuickBooks);
        flag.message = u"The session of %1 was canceled after invoice %2 billed it (%3 of %4, balance %5): "
                       "remove its line or credit it in QuickBooks"_s
                           .arg(appointment.start.local().toString(u"MMM d, yyyy"_s),
                                invoice->docNumber.isEmpty() ? invoice->quickbooksId : invoice->docNumber,
                                lineAmount.toDecimalString(), invoice->total.toDecimalString(),
                                invoice->balance.toDecimalString());
        flag.detailJson = QJsonDocument(QJsonObject{{u"invoiceId"_s, invoice->id},
                                                    {u"quickbooksId"_s, invoice->quickbooksId},
                                                    {u"lineAmount"_s, lineAmount.toDecimalString()}})
                              .toJson(QJsonDocument::Compact);
        Store::SyncStateRepository state(m_db, m_clock);
        if (auto ok = state.raiseFlag(flag); !ok)
            return std::unexpected(ok.error());
        return 0;
    }
    const Billing::CancellationDecision decision =
        Billing::decideCancellation(*policy, billed, appointment.start.utc(), canceledAt);
    int n = 0;
    for (const auto action : decision.actions) {
        using A = Billing::CancellationDecision::Action;
        Result<qint64> job = 0;
        switch (action) {
        case A::Nothing:
        case A::RemoveLine:
            continue; // monthly invoices are planned from the sessions that stand
        case A::VoidInvoice:
            if (!invoice)
                continue;
            job = outbox.enqueue(Jobs::make(System::QuickBooks, Jobs::QboInvoiceVoid, kInvoice,
                                            QString::number(invoice->id), u"quickbooks/void/%1"_s.arg(invoice->id),
                                            QJsonObject{{u"quickbooksId"_s, invoice->quickbooksId},
                                                        {u"reason"_s, decision.reason}},
                                            kind, canceledAt));
            break;
        case A::CreditPaid:
        case A::RefundPaid: {
            if (!invoice)
                continue;
            const bool refund = action == A::RefundPaid;
            job = outbox.enqueue(Jobs::make(
                System::QuickBooks, refund ? Jobs::QboRefundReceiptCreate : Jobs::QboCreditMemoCreate, kInvoice,
                QString::number(invoice->id), u"quickbooks/%1/%2"_s.arg(refund ? u"refund"_s : u"credit"_s).arg(invoice->id),
                QJsonObject{{u"customerId"_s, appointment.customerId},
                            {u"quickbooksInvoiceId"_s, invoice->quickbooksId},
                            {u"docNumber"_s, invoice->docNumber},
                            {u"amountMinor"_s, decision.refundOrCredit.minorUnits()},
                            {u"currency"_s, decision.refundOrCredit.currency()},
                            {u"itemRef"_s, invoice->lines.isEmpty() ? QString() : invoice->lines.first().itemId},
                            {u"description"_s, decision.reason}},
                kind, canceledAt));
            break;
        }
        case A::ChargeLateFee: {
            // [issue 9: integration mode] No automatic invoice in the
            // lighter setup: the fee is the person's to invoice.
            if (!m_automaticInvoices)
                continue;
            Store::AppointmentRepository appointments(m_db, m_clock);
            QString itemRef;
            if (auto svc = appointments.service(appointment.serviceId); svc)
                itemRef = svc->quickbooksItemId;
            Billing::PlannedLine line;
            line.appointmentId = apptId;
            line.itemRef = itemRef;
            line.description = u"Late cancellation fee – %1"_s.arg(appointment.start.local().date().toString(u"MMMM d, yyyy"_s));
            line.serviceDate = appointment.start.local().date();
            line.quantity = Decimal::fromInt(1);
            line.rate = decision.lateFee;
            line.amount = decision.lateFee;
            const QDate today = localDate(m_clock.nowUtc());
            QJsonObject payload = linesJson({line});
            payload[u"customerId"_s] = appointment.customerId;
            payload[u"planKey"_s] = u"fee/"_s + apptId;
            payload[u"txnDate"_s] = today.toString(Qt::ISODate);
            payload[u"dueDate"_s] = today.addDays(policy->paymentTermDays).toString(Qt::ISODate);
            payload[u"currency"_s] = decision.lateFee.currency();
            job = outbox.enqueue(Jobs::make(System::QuickBooks, Jobs::QboInvoiceCreate, u"invoice-plan"_s,
                                            u"fee/"_s + apptId, u"quickbooks/invoice/fee/"_s + apptId, payload, kind,
                                            canceledAt));
            break;
        }
        }
        if (!job)
            return std::unexpected(job.error());
        ++n;
    }
    return n;
}

// ---------------------------------------------------------------------------
// Money

MoneyStatus ChangeApplier::moneyStatusOf(const Money &total, const Money &balance, const Money &deposit, bool voided,
                                         bool refunded, const QDate &dueDate, const QDate &today, bool anyPayment)
{
    if (voided)
        return MoneyStatus::Voided;
    if (refunded)
        return MoneyStatus::Refunded;
    if (balance.minorUnits() <= 0 && total.minorUnits() > 0)
        return MoneyStatus::Paid;
    if (dueDate.isValid() && dueDate < today && balance.minorUnits() > 0)
        return MoneyStatus::Overdue;
    if (!deposit.isZero() && !anyPayment && balance.minorUnits() < total.minorUnits())
        return MoneyStatus::DepositPaid;
    if (balance.minorUnits() < total.minorUnits())
        return MoneyStatus::PartiallyPaid;
    return MoneyStatus::Invoiced;
}

Result<int> ChangeApplier::tieLinesToAppointments(Invoice &invoice)
{
    // Lines carry a service date and an item; an appointment of the same
    // person (any Concord customer sharing the email or phone, so a
    // duplicate QuickBooks record's invoices still find their sessions) on
    // that local date with that service is the session the line bills.
    Store::AppointmentRepository appointments(m_db, m_clock);
    Store::CustomerRepository customers(m_db, m_clock);
    auto owner = customers.get(invoice.customerId);
    if (!owner)
        return std::unexpected(owner.error());
    QStringList people{invoice.customerId};
    for (const ContactPoint &cp : std::as_const(owner->contacts)) {
        auto same = customers.findByContact(cp.kind, cp.normalized);
        if (!same)
            return std::unexpected(same.error());
        for (const Customer &c : std::as_const(*same))
            if (!people.contains(c.id))
                people << c.id;
    }
    QList<Appointment> candidates;
    for (const QString &p : std::as_const(people)) {
        auto list = appointments.forCustomer(p);
        if (!list)
            return std::unexpected(list.error());
        candidates += *list;
    }
    auto services = appointments.allServices();
    if (!services)
        return std::unexpected(services.error());
    QHash<qint64, QString> itemOf;
    for (const Service &s : std::as_const(*services))
        itemOf.insert(s.id, s.quickbooksItemId);
    int tied = 0;
    for (InvoiceLine &line : invoice.lines) {
        if (line.appointmentId != 0 || !line.serviceDate.isValid())
            continue;
        for (const Appointment &a : std::as_const(candidates)) {
            if (a.status == AppointmentStatus::Canceled)
                continue;
            if (a.start.local().date() != line.serviceDate && localDate(a.start.utc()) != line.serviceDate)
                continue;
            if (!line.itemId.isEmpty() && !itemOf.value(a.serviceId).isEmpty() && itemOf.value(a.serviceId) != line.itemId)
                continue;
            line.appointmentId = a.id;
            ++tied;
            break;
        }
    }
    return tied;
}

Result<ApplyOutcome> ChangeApplier::applyInvoice(const QuickBooks::Invoice &qi, const QDateTime &changedAt)
{
    ApplyOutcome outcome;
    Store::SyncStateRepository state(m_db, m_clock);
    Store::IdentityRepository identity(m_db, m_clock);
    Store::BillingRepository billing(m_db, m_clock);
    Store::Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());

    auto echo = state.isEcho(System::QuickBooks, u"Invoice"_s, qi.id, qi.syncToken);
    if (!echo)
        return std::unexpected(echo.error());

    auto owner = identity.find(System::QuickBooks, qi.customerRef.value);
    if (!owner)
        return std::unexpected(owner.error());
    if (!owner->has_value()) {
        // A customer Concord has not seen yet: the customer capture comes
        // first in a cycle, so this is a customer created after it. The next
        // cycle carries both.
        outcome.note = u"customer %1 not linked yet"_s.arg(qi.customerRef.value);
        if (auto ok = tx.commit(); !ok)
            return std::unexpected(ok.error());
        return outcome;
    }
    const QString currency = qi.currency.isEmpty() ? m_settings.currency : qi.currency;
    Invoice inv;
    std::optional<Invoice> before;
    if (auto existing = billing.invoiceByQuickBooksId(qi.id); existing) {
        before = *existing;
        inv.id = existing->id;
        inv.createdAt = existing->createdAt;
    } else if (existing.error().code != ErrorCode::NotFound) {
        return std::unexpected(existing.error());
    }
    inv.customerId = activeCustomer((*owner)->customerId);
    inv.quickbooksId = qi.id;
    inv.docNumber = qi.docNumber;
    inv.txnDate = qi.txnDate;
    inv.dueDate = qi.dueDate;
    inv.total = qi.totalAmt.value_or(Money::zero(currency));
    inv.balance = qi.balance.value_or(inv.total);
    inv.tax = qi.txnTaxDetail.totalTax.value_or(Money::zero(currency));
    inv.discount = Money::zero(currency);
    inv.deposit = qi.deposit.value_or(Money::zero(currency));
    inv.syncToken = qi.syncToken;
    inv.invoiceLink = !qi.invoiceLink.isEmpty() ? qi.invoiceLink : (before ? before->invoiceLink : QString());
    inv.remoteUpdatedAt = qi.metaData.lastUpdatedTime;
    int lineNo = 0;
    for (const QuickBooks::SalesLine &l : qi.lines) {
        if (l.detailType == QuickBooks::LineDetailType::Discount) {
            if (l.amount)
                inv.discount = *l.amount;
            continue;
        }
        if (l.detailType != QuickBooks::LineDetailType::SalesItem)
            continue;
        InvoiceLine line;
        line.lineNumber = ++lineNo;
        line.itemId = l.salesItem.itemRef.value;
        line.description = l.description;
        if (l.salesItem.qty) {
            // Thousandths of a unit, exact; finer quantities (rare: QuickBooks
            // allows more decimals) are cut for the mirror only.
            auto milli = l.salesItem.qty->multiply(Decimal::fromInt(1000));
            if (milli) {
                qint64 m = milli->mantissa();
                for (int i = 0; i < milli->scale(); ++i)
                    m /= 10;
                line.quantityMilli = m;
            }
        }
        line.amount = l.amount.value_or(Money::zero(currency));
        if (l.salesItem.unitPrice) {
            auto rate = l.salesItem.unitPrice->toMoney(currency);
            line.rate = rate ? *rate : line.amount;
        } else {
            line.rate = line.amount;
        }
        line.serviceDate = l.salesItem.serviceDate;
        line.taxCode = l.salesItem.taxCodeRef.value;
        // Keep the tie to the appointment the previous mirror had found.
        if (before) {
            for (const InvoiceLine &old : before->lines) {
                if (old.lineNumber == line.lineNumber && old.serviceDate == line.serviceDate && old.appointmentId != 0)
                    line.appointmentId = old.appointmentId;
            }
        }
        inv.lines.append(line);
    }
    // Lines of invoices Concord planned carry the appointment in the plan.
    auto planRef = state.refByRemote(System::QuickBooks, u"invoice"_s, qi.id);
    if (!planRef)
        return std::unexpected(planRef.error());
    if (planRef->has_value() && (*planRef)->entityId.startsWith(u"session/"_s)) {
        const qint64 apptId = (*planRef)->entityId.mid(8).toLongLong();
        for (InvoiceLine &line : inv.lines)
            if (line.appointmentId == 0)
                line.appointmentId = apptId;
    }
    auto tied = tieLinesToAppointments(inv);
    if (!tied)
        return std::unexpected(tied.error());

    const bool voided = qi.privateNote.startsWith(u"Voided"_s) && inv.total.isZero();
    auto credits = before ? billing.creditsForInvoice(before->id) : Result<QList<Credit>>(QList<Credit>{});
    if (!credits)
        return std::unexpected(credits.error());
    const bool refunded = !credits->isEmpty() && !voided;
    auto payments = before ? billing.paymentsForInvoice(before->id) : Result<QList<Payment>>(QList<Payment>{});
    if (!payments)
        return std::unexpected(payments.error());
    inv.status = moneyStatusOf(inv.total, inv.balance, inv.deposit, voided, refunded, inv.dueDate,
                               localDate(m_clock.nowUtc()), !payments->isEmpty());

    auto saved = billing.saveInvoice(inv);
    if (!saved)
        return std::unexpected(saved.error());
    inv.id = *saved;
    outcome.entityId = QString::number(inv.id);
    outcome.changed = !before || before->status != inv.status || before->balance != inv.balance
                      || before->syncToken != inv.syncToken;
    if (m_settings.cacheInvoicePdfs && !voided && (!before || before->syncToken != inv.syncToken)) {
        Store::OutboxRepository outbox(m_db, m_clock);
        auto job = outbox.enqueue(Jobs::make(System::QuickBooks, Jobs::QboInvoicePdfCache, kInvoice, outcome.entityId,
                                             u"quickbooks/pdf/%1/%2"_s.arg(inv.id).arg(inv.syncToken), QJsonObject{},
                                             Jobs::KindDocument, changedAt.isValid() ? changedAt : qi.metaData.lastUpdatedTime));
        if (!job)
            return std::unexpected(job.error());
    }
    if (*echo) {
        // Concord wrote this version itself: mirrored, but nothing carried on.
        outcome.echo = true;
    } else if (outcome.changed) {
        auto jobs = afterMoneyChange(before.value_or(Invoice{}), inv, Jobs::KindInvoice,
                                     changedAt.isValid() ? changedAt : qi.metaData.lastUpdatedTime);
        if (!jobs)
            return std::unexpected(jobs.error());
        outcome.jobsEnqueued += *jobs;
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return outcome;
}

Result<int> ChangeApplier::afterMoneyChange(const Invoice &before, const Invoice &after, QStringView kind,
                                            const QDateTime &changedAt)
{
    Store::OutboxRepository outbox(m_db, m_clock);
    int n = 0;
    const QString trigger = u"qbo/%1/%2"_s.arg(after.quickbooksId, after.syncToken);
    QList<qint64> appts;
    for (const InvoiceLine &l : after.lines)
        if (l.appointmentId != 0 && !appts.contains(l.appointmentId))
            appts << l.appointmentId;
    if (before.status != after.status || before.invoiceLink != after.invoiceLink || before.id == 0) {
        for (qint64 a : std::as_const(appts)) {
            auto deal = enqueueDeal(a, trigger, kind, changedAt);
            if (!deal)
                return std::unexpected(deal.error());
            n += *deal;
        }
    }
    const QString invId = QString::number(after.id);
    if (after.status == MoneyStatus::Overdue && before.status != MoneyStatus::Overdue) {
        auto job = outbox.enqueue(Jobs::make(
            System::HubSpot, Jobs::HubSpotTaskCreate, kInvoice, invId,
            u"hubspot/task/overdue/invoice/%1/%2"_s.arg(invId, after.dueDate.toString(Qt::ISODate)),
            QJsonObject{{u"customerId"_s, after.customerId},
                        {u"refKind"_s, u"task/overdue"_s},
                        {u"subject"_s, u"Overdue: invoice %1, %2 open [INV-%3]"_s.arg(
                                           after.docNumber, after.balance.toDecimalString(), after.quickbooksId)},
                        {u"body"_s, u"Invoice %1 was due %2. QuickBooks sends the reminders; call the client if "
                                    "needed."_s.arg(after.docNumber, after.dueDate.toString(Qt::ISODate))},
                        {u"dueAt"_s, m_clock.nowUtc().addDays(1).toString(Qt::ISODateWithMs)}},
            kind, changedAt));
        if (!job)
            return std::unexpected(job.error());
        ++n;
    }
    if (closesTasks(after.status) && !closesTasks(before.status) && before.id != 0) {
        auto closed = enqueueCloseTasks(kInvoice, invId, after.syncToken, kind, changedAt);
        if (!closed)
            return std::unexpected(closed.error());
        n += *closed;
        for (qint64 a : std::as_const(appts)) {
            auto more = enqueueCloseTasks(kAppointment, QString::number(a), after.syncToken, kind, changedAt);
            if (!more)
                return std::unexpected(more.error());
            n += *more;
        }
    }
    return n;
}

Result<ApplyOutcome> ChangeApplier::applyPayment(const QuickBooks::Payment &qp, const QDateTime &changedAt)
{
    ApplyOutcome outcome;
    Store::IdentityRepository identity(m_db, m_clock);
    Store::BillingRepository billing(m_db, m_clock);
    Store::Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    auto owner = identity.find(System::QuickBooks, qp.customerRef.value);
    if (!owner)
        return std::unexpected(owner.error());
    if (!owner->has_value()) {
        outcome.note = u"customer %1 not linked yet"_s.arg(qp.customerRef.value);
        if (auto ok = tx.commit(); !ok)
            return std::unexpected(ok.error());
        return outcome;
    }
    const QString currency = qp.currency.isEmpty() ? m_settings.currency : qp.currency;
    Payment p;
    p.customerId = activeCustomer((*owner)->customerId);
    p.quickbooksId = qp.id;
    p.txnDate = qp.txnDate;
    p.amount = qp.totalAmt.value_or(Money::zero(currency));
    p.unapplied = qp.unappliedAmt.value_or(Money::zero(currency));
    p.syncToken = qp.syncToken;
    p.remoteUpdatedAt = qp.metaData.lastUpdatedTime;
    for (const QuickBooks::PaymentLine &line : qp.lines) {
        for (const QuickBooks::LinkedTxn &t : line.linkedTxn) {
            if (t.txnType != u"Invoice"_s)
                continue;
            auto inv = billing.invoiceByQuickBooksId(t.txnId);
            if (!inv)
                continue; // an invoice not mirrored yet: the invoice's own change carries the status
            p.applications.append({inv->id, line.amount.value_or(Money::zero(currency))});
        }
    }
    auto saved = billing.savePayment(p);
    if (!saved)
        return std::unexpected(saved.error());
    outcome.entityId = QString::number(*saved);
    outcome.changed = true;
    Q_UNUSED(changedAt);
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return outcome;
}

namespace {

Credit creditFrom(const QuickBooks::SalesForm &form, CreditKind kind, const QString &customerId, qint64 invoiceId,
                  const QString &currency)
{
    Credit c;
    c.kind = kind;
    c.customerId = customerId;
    c.quickbooksId = form.id;
    c.invoiceId = invoiceId;
    c.txnDate = form.txnDate;
    c.amount = form.totalAmt.value_or(Money::zero(form.currency.isEmpty() ? currency : form.currency));
    c.remoteUpdatedAt = form.metaData.lastUpdatedTime;
    return c;
}

} // namespace

Result<ApplyOutcome> ChangeApplier::applyCreditMemo(const QuickBooks::CreditMemo &memo, const QDateTime &changedAt)
{
    return applyCredit(memo, CreditKind::CreditMemo, changedAt);
}

Result<ApplyOutcome> ChangeApplier::applyRefundReceipt(const QuickBooks::RefundReceipt &receipt,
                                                       const QDateTime &changedAt)
{
    return applyCredit(receipt, CreditKind::RefundReceipt, changedAt);
}

Result<ApplyOutcome> ChangeApplier::applyCredit(const QuickBooks::SalesForm &form, CreditKind kind,
                                                const QDateTime &changedAt)
{
    ApplyOutcome outcome;
    Store::IdentityRepository identity(m_db, m_clock);
    Store::BillingRepository billing(m_db, m_clock);
    Store::SyncStateRepository state(m_db, m_clock);
    Store::Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    auto owner = identity.find(System::QuickBooks, form.customerRef.value);
    if (!owner)
        return std::unexpected(owner.error());
    if (!owner->has_value()) {
        if (auto ok = tx.commit(); !ok)
            return std::unexpected(ok.error());
        return outcome;
    }
    // Which invoice it credits: Concord records its own credits and refunds
    // against their invoice; others are mirrored without one.
    qint64 invoiceId = 0;
    if (auto ref = state.refByRemote(System::QuickBooks, u"credit"_s, form.id); ref && ref->has_value())
        invoiceId = (*ref)->entityId.toLongLong();
    if (auto ok = billing.saveCredit(creditFrom(form, kind, activeCustomer((*owner)->customerId), invoiceId,
                                                m_settings.currency));
        !ok)
        return std::unexpected(ok.error());
    outcome.changed = true;
    if (invoiceId != 0) {
        auto inv = billing.invoice(invoiceId);
        if (inv && inv->status != MoneyStatus::Refunded && inv->status != MoneyStatus::Voided) {
            Invoice after = *inv;
            after.status = MoneyStatus::Refunded;
            if (auto ok = billing.saveInvoice(after); !ok)
                return std::unexpected(ok.error());
            auto jobs = afterMoneyChange(*inv, after, Jobs::KindPayment, changedAt);
            if (!jobs)
                return std::unexpected(jobs.error());
            outcome.jobsEnqueued += *jobs;
        }
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return outcome;
}

Result<ApplyOutcome> ChangeApplier::applyInvoiceDeleted(const QString &quickbooksId)
{
    ApplyOutcome outcome;
    Store::BillingRepository billing(m_db, m_clock);
    auto inv = billing.invoiceByQuickBooksId(quickbooksId);
    if (!inv) {
        if (inv.error().code == ErrorCode::NotFound)
            return outcome;
        return std::unexpected(inv.error());
    }
    // Deleted in QuickBooks: nothing is owed any more. The mirror keeps the
    // record (the audit trail) as voided.
    Invoice after = *inv;
    after.status = MoneyStatus::Voided;
    after.balance = Money::zero(inv->total.currency());
    Store::Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    if (auto ok = billing.saveInvoice(after); !ok)
        return std::unexpected(ok.error());
    auto jobs = afterMoneyChange(*inv, after, Jobs::KindInvoice, m_clock.nowUtc());
    if (!jobs)
        return std::unexpected(jobs.error());
    outcome.jobsEnqueued = *jobs;
    outcome.changed = true;
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return outcome;
}

// ---------------------------------------------------------------------------
// Billing pass

Result<int> ChangeApplier::decideBilling(const QDate &today)
{
    Store::AppointmentRepository appointments(m_db, m_clock);
    Store::BillingRepository billing(m_db, m_clock);
    Store::OutboxRepository outbox(m_db, m_clock);
    auto all = policies();
    if (!all)
        return std::unexpected(all.error());
    auto services = appointments.allServices();
    if (!services)
        return std::unexpected(services.error());
    QHash<qint64, Service> serviceById;
    for (const Service &s : std::as_const(*services))
        serviceById.insert(s.id, s);
    Billing::BillingRules billingRules;
    {
        Store::RulesRepository rules(m_db, m_clock);
        auto tax = rules.taxRules();
        if (!tax)
            return std::unexpected(tax.error());
        auto discounts = rules.discountRules();
        if (!discounts)
            return std::unexpected(discounts.error());
        billingRules = {*tax, *discounts};
    }

    // Sessions of the last 120 days that happened and have no invoice yet.
    const QDateTime now = m_clock.nowUtc();
    auto recent = appointments.between(now.addDays(-120), now);
    if (!recent)
        return std::unexpected(recent.error());
    QList<Billing::Session> sessions;
    QHash<QString, QDateTime> changedAt;
    Store::Transaction sweep(m_db);
    if (!sweep.started())
        return std::unexpected(sweep.started().error());
    int swept = 0;
    for (Appointment &a : *recent) {
        // A session that has ended is completed: Cal.com does not announce
        // it (an accepted booking in the past is a held session), so the
        // calendar moves it here, and its deal and invoice follow.
        if ((a.status == AppointmentStatus::Booked || a.status == AppointmentStatus::Rescheduled)
            && a.start.utc().addSecs(qint64(a.durationMinutes) * 60) <= now) {
            Appointment done = a;
            done.status = AppointmentStatus::Completed;
            auto moved = appointments.applyUpdate(done);
            if (!moved)
                return std::unexpected(moved.error());
            a = *moved;
            auto deal = enqueueDeal(a.id, u"completed"_s, Jobs::KindAppointment, a.start.utc().addSecs(qint64(a.durationMinutes) * 60));
            if (!deal)
                return std::unexpected(deal.error());
            swept += *deal;
        }
    }
    if (auto ok = sweep.commit(); !ok)
        return std::unexpected(ok.error());
    for (const Appointment &a : std::as_const(*recent)) {
        if (a.status != AppointmentStatus::Completed)
            continue;
        auto inv = billing.invoiceForAppointment(a.id);
        if (inv)
            continue;
        if (inv.error().code != ErrorCode::NotFound)
            return std::unexpected(inv.error());
        const Service svc = serviceById.value(a.serviceId);
        if (svc.rateMinor <= 0 || svc.quickbooksItemId.isEmpty())
            continue; // a service not priced in QuickBooks: nothing to invoice (shown by the mapping audit)
        Billing::Session s;
        s.appointmentId = QString::number(a.id);
        s.customerId = a.customerId;
        s.serviceId = a.serviceId;
        s.serviceName = svc.name;
        s.itemRef = svc.quickbooksItemId;
        s.serviceDate = a.start.local().date();
        s.minutes = a.durationMinutes;
        s.location = svc.location;
        auto rate = Money::fromMinor(svc.rateMinor, svc.currency);
        if (!rate)
            return std::unexpected(rate.error());
        s.hourlyRate = *rate;
        sessions.append(s);
        changedAt.insert(s.appointmentId, a.updatedAt);
    }
    auto plans = Billing::planInvoices(sessions, *all, billingRules);
    if (!plans)
        return std::unexpected(plans.error());
    int n = swept;
    Store::Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    for (const Billing::PlannedInvoice &plan : std::as_const(*plans)) {
        // [issue 9: integration mode] The lighter setup: invoices only on a
        // person's "create invoice now" (invoiceNow()).
        if (!m_automaticInvoices)
            break;
        // A monthly invoice is issued once its month is over (on the 1st).
        if (plan.mode == InvoiceMode::MonthlySummary && plan.txnDate >= today)
            continue;
        const QJsonObject payload = planPayload(plan);
        QDateTime source;
        for (const Billing::PlannedLine &l : plan.lines)
            source = std::max(source, changedAt.value(l.appointmentId));
        auto job = outbox.enqueue(Jobs::make(System::QuickBooks, Jobs::QboInvoiceCreate, u"invoice-plan"_s, plan.key,
                                             u"quickbooks/invoice/"_s + plan.key, payload, Jobs::KindAppointment,
                                             source));
        if (!job)
            return std::unexpected(job.error());
        ++n;
    }

    // Overdue moves with the calendar, not with a QuickBooks change.
    auto balances = billing.balances(today, m_settings.currency);
    if (!balances)
        return std::unexpected(balances.error());
    for (const Store::CustomerBalance &cb : std::as_const(*balances)) {
        if (cb.overdue.isZero())
            continue;
        auto invoices = billing.invoicesForCustomer(cb.customerId);
        if (!invoices)
            return std::unexpected(invoices.error());
        for (const Invoice &inv : std::as_const(*invoices)) {
            if (inv.status == MoneyStatus::Overdue || inv.status == MoneyStatus::Paid || inv.status == MoneyStatus::Voided
                || inv.status == MoneyStatus::Refunded)
                continue;
            if (!(inv.dueDate.isValid() && inv.dueDate < today && inv.balance.minorUnits() > 0))
                continue;
            // The whole invoice, lines included: saving replaces the lines.
            auto whole = billing.invoice(inv.id);
            if (!whole)
                return std::unexpected(whole.error());
            Invoice after = *whole;
            after.status = MoneyStatus::Overdue;
            if (auto ok = billing.saveInvoice(after); !ok)
                return std::unexpected(ok.error());
            auto jobs = afterMoneyChange(*whole, after, Jobs::KindInvoice, now);
            if (!jobs)
                return std::unexpected(jobs.error());
            n += *jobs;
        }
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return n;
}

// [issue 9: integration mode] The manual invoice trigger.
Result<InvoiceNow> ChangeApplier::invoiceNow(qint64 appointmentId)
{
    Store::AppointmentRepository appointments(m_db, m_clock);
    Store::BillingRepository billing(m_db, m_clock);
    Store::OutboxRepository outbox(m_db, m_clock);
    auto a = appointments.get(appointmentId);
    if (!a)
        return std::unexpected(a.error());
    InvoiceNow out;
    out.planKey = u"session/"_s + QString::number(a->id);
    if (auto inv = billing.invoiceForAppointment(a->id); inv) {
        out.invoiceId = inv->id;
        return out;
    } else if (inv.error().code != ErrorCode::NotFound) {
        return std::unexpected(inv.error());
    }
    const QString key = u"quickbooks/invoice/"_s + out.planKey;
    if (auto queued = outbox.byIdempotencyKey(key); queued) {
        out.jobId = queued->id;
        return out;
    } else if (queued.error().code != ErrorCode::NotFound) {
        return std::unexpected(queued.error());
    }
    if (a->status == AppointmentStatus::Canceled)
        return std::unexpected(Error::make(ErrorCode::InvalidArgument,
                                           u"appointment %1 was canceled: there is nothing to invoice"_s.arg(a->id)));
    auto svc = appointments.service(a->serviceId);
    if (!svc)
        return std::unexpected(svc.error());
    if (svc->rateMinor <= 0 || svc->quickbooksItemId.isEmpty())
        return std::unexpected(Error::make(ErrorCode::InvalidArgument,
                                           u"the service \"%1\" has no rate or no QuickBooks item: map it first"_s.arg(svc->name)));
    auto all = policies();
    if (!all)
        return std::unexpected(all.error());
    auto governing = Billing::policyFor(Billing::withBuiltInDefault(*all, svc->currency), a->customerId, a->serviceId);
    if (!governing)
        return std::unexpected(Error::make(ErrorCode::InvalidConfig, u"no invoice policy covers this session"_s));
    // Always one invoice for this session now: the governing policy's
    // deposit and payment terms, as a per-session default.
    Domain::InvoicePolicy policy = *governing;
    policy.mode = InvoiceMode::PerSession;
    policy.customerId.clear();
    policy.serviceId = 0;
    Billing::BillingRules billingRules;
    {
        Store::RulesRepository rules(m_db, m_clock);
        auto tax = rules.taxRules();
        if (!tax)
            return std::unexpected(tax.error());
        auto discounts = rules.discountRules();
        if (!discounts)
            return std::unexpected(discounts.error());
        billingRules = {*tax, *discounts};
    }
    Billing::Session s;
    s.appointmentId = QString::number(a->id);
    s.customerId = a->customerId;
    s.serviceId = a->serviceId;
    s.serviceName = svc->name;
    s.itemRef = svc->quickbooksItemId;
    s.serviceDate = a->start.local().date();
    s.minutes = a->durationMinutes;
    s.location = svc->location;
    auto rate = Money::fromMinor(svc->rateMinor, svc->currency);
    if (!rate)
        return std::unexpected(rate.error());
    s.hourlyRate = *rate;
    auto plans = Billing::planInvoices({s}, {policy}, billingRules);
    if (!plans)
        return std::unexpected(plans.error());
    if (plans->size() != 1 || plans->first().key != out.planKey)
        return std::unexpected(Error::make(ErrorCode::Internal, u"the plan for one session was not one invoice"_s));
    auto job = outbox.enqueue(Jobs::make(System::QuickBooks, Jobs::QboInvoiceCreate, u"invoice-plan"_s, out.planKey,
                                         key, planPayload(plans->first()), Jobs::KindInvoice, m_clock.nowUtc()));
    if (!job)
        return std::unexpected(job.error());
    out.jobId = *job;
    out.queued = true;
    return out;
}

Result<DesiredDeal> ChangeApplier::desiredDeal(qint64 appointmentId) const
{
    Store::AppointmentRepository appointments(m_db, m_clock);
    Store::BillingRepository billing(m_db, m_clock);
    Store::CustomerRepository customers(m_db, m_clock);
    Store::RulesRepository rules(m_db, m_clock);
    auto a = appointments.get(appointmentId);
    if (!a)
        return std::unexpected(a.error());
    DesiredDeal d;
    d.customerId = activeCustomer(a->customerId);
    QString who;
    if (auto c = customers.get(d.customerId); c)
        who = c->displayName;
    QString what = a->title;
    if (auto svc = appointments.service(a->serviceId); svc) {
        what = svc->name;
        auto rate = Money::fromMinor(svc->rateMinor, svc->currency);
        if (rate) {
            auto amount = rate->multiply(a->durationMinutes, 60);
            if (amount)
                d.amount = amount->toDecimalString();
        }
    }
    if (auto staff = appointments.allStaff(); staff) {
        for (const StaffMember &s : std::as_const(*staff))
            if (s.id == a->staffId)
                d.ownerEmail = s.email;
    }
    // The bracketed reference makes the name unique, so a deal created
    // before a crash is found again by name instead of created twice.
    d.dealName = u"%1 – %2 – %3 [A-%4]"_s.arg(who, what, a->start.local().toString(u"MMM d, yyyy"_s)).arg(appointmentId);
    d.closeDate = a->start.toIsoUtc();

    auto mappings = rules.statusMappings();
    auto stageFor = [&](StatusDomain domain, const QString &status) {
        if (mappings) {
            for (const StatusMapping &m : std::as_const(*mappings))
                if (m.domain == domain && m.status == status && m.action == StatusAction::DealStage
                    && m.targetSystem == System::HubSpot)
                    return m.targetValue;
        }
        return fallbackStage(domain, status);
    };
    d.stage = stageFor(StatusDomain::Appointment, toString(a->status));

    // Mapped fields (the enabled HubSpot rows onto "deal.<property>"): each
    // value in the engine's own form, then through the row's transform.
    const FieldMappingSet &fields = fieldMappings();
    TransformOptions options;
    options.defaultRegion = m_settings.defaultRegion;
    options.currency = m_settings.currency;
    const auto carry = [&](const QString &field, const QString &value) {
        if (value.isEmpty() || !fields.carries(field, System::HubSpot))
            return;
        const QString property = fields.hubSpotProperty(field, u"deal");
        if (property.isEmpty()) {
            d.notCarried << u"%1: its HubSpot target path '%2' names no deal property (deal.<name>)"_s.arg(
                field, fields.row(field, System::HubSpot)->targetPath);
            return;
        }
        auto out = fields.carried(field, System::HubSpot, QJsonValue(value), options);
        if (!out) {
            d.notCarried << u"%1: %2"_s.arg(field, out.error().message);
            return;
        }
        d.properties.insert(property, out->toString());
    };
    carry(u"appointment_time"_s, a->start.toIsoUtc());
    carry(u"timezone"_s, a->start.zoneId());

    if (a->status != AppointmentStatus::Canceled) {
        if (auto inv = billing.invoiceForAppointment(appointmentId); inv) {
            const QString moneyStage = stageFor(StatusDomain::Money, toString(inv->status));
            if (!moneyStage.isEmpty())
                d.stage = moneyStage;
            // The deal's description names the invoice for people: only the
            // parts whose fields are carried into HubSpot (a switched-off
            // invoice link is not written here either).
            const bool number = fields.carries(u"invoice_number"_s, System::HubSpot);
            const bool status = fields.carries(u"payment_status"_s, System::HubSpot);
            const bool link = fields.carries(u"invoice_link"_s, System::HubSpot);
            if (number && status && link) {
                d.description = u"QuickBooks invoice %1 (%2): %3"_s.arg(inv->docNumber, toString(inv->status),
                                                                         inv->invoiceLink.isEmpty() ? u"link pending"_s
                                                                                                    : inv->invoiceLink);
            } else if (number || status || link) {
                QStringList parts{u"QuickBooks invoice"_s};
                if (number)
                    parts << inv->docNumber;
                if (status)
                    parts << u"(%1)"_s.arg(toString(inv->status));
                QString text = parts.join(u' ');
                if (link)
                    text += u": "_s + (inv->invoiceLink.isEmpty() ? u"link pending"_s : inv->invoiceLink);
                d.description = text;
            }
            options.currency = inv->total.currency().isEmpty() ? m_settings.currency : inv->total.currency();
            carry(u"invoice_number"_s, inv->docNumber);
            carry(u"due_date"_s, inv->dueDate.isValid() ? inv->dueDate.toString(Qt::ISODate) : QString());
            carry(u"tax"_s, inv->tax.toDecimalString());
            carry(u"discount"_s, inv->discount.toDecimalString());
            carry(u"deposit"_s, inv->deposit.toDecimalString());
            carry(u"payment_status"_s, toString(inv->status));
            carry(u"invoice_link"_s, inv->invoiceLink);
            d.closeTasks = closesTasks(inv->status);
        }
    } else {
        d.closeTasks = true;
    }
    for (const QString &why : std::as_const(d.notCarried))
        qCWarning(lcApplier).noquote() << "deal of appointment" << appointmentId << "leaves out" << why;
    return d;
}

} // namespace Concord::Sync
