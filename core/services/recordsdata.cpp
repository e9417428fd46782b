#include "services/recordsdata.h"

#include "billing/invoiceplan.h"
#include "store/database.h"
#include "store/operationsrepository.h"
#include "store/rulesrepository.h"
#include "store/syncstaterepository.h"
#include "sync/defaultmappings.h"
#include "sync/jobs.h"

#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QSqlQuery>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

namespace Concord::Services {

namespace {

// Reasons and words are for people: translatable, under one context.
struct Words {
    Q_DECLARE_TR_FUNCTIONS(Concord::Services::RecordsData)
};

const QString kAppointment = u"appointment"_s;
const QString kInvoice = u"invoice"_s;
const QString kCustomer = u"customer"_s;
const QString kDeal = u"deal"_s;

// ---------------------------------------------------------------------------
// Small conversions

Money money(qint64 minor, const QString &currency)
{
    return Money::fromMinor(minor, currency).value_or(Money());
}

ZonedInstant zoned(qint64 msecs, const QString &zone)
{
    // As the appointment repository reads it: a zone an older tzdata wrote
    // and this one does not know keeps the instant, under UTC.
    auto start = ZonedInstant::fromMSecsSinceEpoch(msecs, zone);
    return start ? *start : ZonedInstant::fromMSecsSinceEpoch(msecs, u"UTC"_s).value_or(ZonedInstant());
}

QString dateWords(const QDate &date)
{
    return QLocale::c().toString(date, u"MMM d, yyyy"_s);
}

// "45 s", "12 min", "5 h", "3 d": whole units, rounded down.
QString durationWords(qint64 secs)
{
    if (secs < 60)
        return Words::tr("%1 s").arg(std::max<qint64>(secs, 0));
    if (secs < 3600)
        return Words::tr("%1 min").arg(secs / 60);
    if (secs < 48 * 3600)
        return Words::tr("%1 h").arg(secs / 3600);
    return Words::tr("%1 d").arg(secs / 86400);
}

QString withoutFinalStop(QString text)
{
    text = text.trimmed();
    while (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

bool isOpen(MoneyStatus s)
{
    return s == MoneyStatus::Invoiced || s == MoneyStatus::DepositPaid || s == MoneyStatus::PartiallyPaid
        || s == MoneyStatus::Overdue;
}

QString invoiceName(const QString &docNumber, const QString &quickbooksId, qint64 id)
{
    if (!docNumber.isEmpty())
        return docNumber;
    if (!quickbooksId.isEmpty())
        return quickbooksId;
    return u"#"_s + QString::number(id);
}

// ---------------------------------------------------------------------------
// Deal stages: the computation of Sync::ChangeApplier::desiredDeal, over the
// mappings read once (the applier reads them per appointment).

class StageMap
{
public:
    explicit StageMap(const QList<StatusMapping> &stored) : m_stored(stored), m_defaults(Sync::defaultStatusMappings())
    {
    }

    QString stageFor(StatusDomain domain, const QString &status) const
    {
        for (const StatusMapping &m : m_stored)
            if (m.domain == domain && m.status == status && m.action == StatusAction::DealStage
                && m.targetSystem == System::HubSpot)
                return m.targetValue;
        for (const StatusMapping &m : m_defaults)
            if (m.domain == domain && m.status == status && m.action == StatusAction::DealStage)
                return m.targetValue;
        // The default for a no-show is a task, not a stage: the nearest stage
        // of the default pipeline (as the applier's fallback).
        if (domain == StatusDomain::Appointment && status == toString(AppointmentStatus::NoShow))
            return u"qualifiedtobuy"_s;
        return {};
    }

    // `invoiceStatus`: the newest invoice carrying the appointment, if any.
    QString desired(AppointmentStatus status, std::optional<MoneyStatus> invoiceStatus) const
    {
        QString stage = stageFor(StatusDomain::Appointment, toString(status));
        if (status != AppointmentStatus::Canceled && invoiceStatus) {
            const QString moneyStage = stageFor(StatusDomain::Money, toString(*invoiceStatus));
            if (!moneyStage.isEmpty())
                stage = moneyStage;
        }
        return stage;
    }

private:
    QList<StatusMapping> m_stored;
    QList<StatusMapping> m_defaults;
};

// ---------------------------------------------------------------------------
// Outbox jobs, as much as the pages need of them

struct JobLite {
    qint64 id = 0;
    System system = System::QuickBooks;
    QString operation;
    JobState state = JobState::Pending;
    int attempts = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString message;
};

using JobsByEntity = QHash<QString, QList<JobLite>>;

// Open jobs (pending, in flight, failed) in full, and per operation the
// newest delivered one, for the entities of `entityType` whose ids the CTE
// `source` lists. Succeeded jobs pile up over the years: only their
// aggregate is read.
Result<JobsByEntity> jobsFor(const Store::Database &db, const QString &cte, const QVariantList &binds,
                             const QString &source, const QString &entityType)
{
    JobsByEntity out;
    const QString join = u" FROM "_s + source + u" JOIN outbox_jobs j ON j.entity_type = ? AND j.entity_id = CAST("_s
        + source + u".id AS TEXT)"_s;
    QVariantList args = binds;
    args.append(entityType);
    auto open = db.select<std::pair<QString, JobLite>>(
        cte + u" SELECT j.entity_id, j.id, j.target_system, j.operation, j.state, j.attempts, j.created_at, "
              "j.updated_at, j.last_error_message"_s
            + join + u" WHERE j.state IN ('pending', 'in_flight', 'failed')"_s,
        args, [](const QSqlQuery &q) {
            JobLite j;
            j.id = q.value(1).toLongLong();
            j.system = parseSystem(q.value(2).toString()).value_or(System::QuickBooks);
            j.operation = q.value(3).toString();
            j.state = parseJobState(q.value(4).toString()).value_or(JobState::Pending);
            j.attempts = q.value(5).toInt();
            j.createdAt = Store::Sql::toDateTime(q.value(6));
            j.updatedAt = Store::Sql::toDateTime(q.value(7));
            j.message = q.value(8).toString();
            return std::pair{q.value(0).toString(), j};
        });
    if (!open)
        return std::unexpected(open.error());
    for (const auto &[entity, job] : std::as_const(*open))
        out[entity].append(job);
    auto done = db.select<std::pair<QString, JobLite>>(
        cte + u" SELECT j.entity_id, MAX(j.id), j.target_system, j.operation, MAX(j.updated_at)"_s + join
            + u" WHERE j.state = 'succeeded' GROUP BY j.entity_id, j.target_system, j.operation"_s,
        args, [](const QSqlQuery &q) {
            JobLite j;
            j.id = q.value(1).toLongLong();
            j.system = parseSystem(q.value(2).toString()).value_or(System::QuickBooks);
            j.operation = q.value(3).toString();
            j.state = JobState::Succeeded;
            j.updatedAt = Store::Sql::toDateTime(q.value(4));
            return std::pair{q.value(0).toString(), j};
        });
    if (!done)
        return std::unexpected(done.error());
    for (const auto &[entity, job] : std::as_const(*done))
        out[entity].append(job);
    return out;
}

// Invoice creations that wait or failed, by the appointments their planned
// lines carry (the plan's key names a session, a month or a fee; the lines
// name the appointments). Only open jobs: a delivered plan is an invoice.
Result<QHash<qint64, QList<JobLite>>> openPlanJobs(const Store::Database &db)
{
    auto rows = db.select<std::pair<JobLite, QByteArray>>(
        u"SELECT id, operation, state, attempts, created_at, updated_at, last_error_message, payload_json "
        "FROM outbox_jobs WHERE entity_type = 'invoice-plan' AND state IN ('pending', 'in_flight', 'failed')"_s,
        {}, [](const QSqlQuery &q) {
            JobLite j;
            j.id = q.value(0).toLongLong();
            j.system = System::QuickBooks;
            j.operation = q.value(1).toString();
            j.state = parseJobState(q.value(2).toString()).value_or(JobState::Pending);
            j.attempts = q.value(3).toInt();
            j.createdAt = Store::Sql::toDateTime(q.value(4));
            j.updatedAt = Store::Sql::toDateTime(q.value(5));
            j.message = q.value(6).toString();
            return std::pair{j, q.value(7).toByteArray()};
        });
    if (!rows)
        return std::unexpected(rows.error());
    QHash<qint64, QList<JobLite>> out;
    for (const auto &[job, payload] : std::as_const(*rows)) {
        const QJsonArray lines = QJsonDocument::fromJson(payload).object().value(u"lines"_s).toArray();
        QSet<qint64> seen;
        for (const QJsonValue &line : lines) {
            const qint64 id = line.toObject().value(u"appointmentId"_s).toVariant().toLongLong();
            if (id > 0 && !seen.contains(id)) {
                seen.insert(id);
                out[id].append(job);
            }
        }
    }
    return out;
}

void appendFor(QList<JobLite> &into, const QList<JobLite> &jobs, System system)
{
    for (const JobLite &j : jobs)
        if (j.system == system)
            into.append(j);
}

Delivery deliveryOf(const QList<JobLite> &jobs)
{
    Delivery d;
    // The PDF cache is housekeeping: it carries nothing to anyone.
    const auto counts = [](const JobLite &j) { return j.operation != Sync::Jobs::QboInvoicePdfCache; };
    qint64 newestDealDelivery = 0;
    QDateTime lastCarried;
    for (const JobLite &j : jobs) {
        if (!counts(j) || j.state != JobState::Succeeded)
            continue;
        if (j.operation == Sync::Jobs::HubSpotDealUpsert)
            newestDealDelivery = std::max(newestDealDelivery, j.id);
        if (!lastCarried.isValid() || j.updatedAt > lastCarried)
            lastCarried = j.updatedAt;
    }
    const JobLite *failed = nullptr;
    const JobLite *waiting = nullptr;
    for (const JobLite &j : jobs) {
        if (!counts(j))
            continue;
        if (j.state == JobState::Failed) {
            // A deal update computes the whole deal when it is delivered, so
            // a later delivered one carried what a failed one was for.
            if (j.operation == Sync::Jobs::HubSpotDealUpsert && newestDealDelivery > j.id)
                continue;
            ++d.failedJobs;
            if (!failed || j.id > failed->id)
                failed = &j;
        } else if (j.state == JobState::Pending || j.state == JobState::InFlight) {
            ++d.waitingJobs;
            if (!waiting || j.createdAt < waiting->createdAt
                || (j.createdAt == waiting->createdAt && j.id < waiting->id))
                waiting = &j;
        }
    }
    const JobLite *decisive = failed ? failed : waiting;
    if (decisive) {
        d.state = failed ? DeliveryState::Failed : DeliveryState::Waiting;
        d.jobId = decisive->id;
        d.operation = decisive->operation;
        d.since = decisive->createdAt;
        d.message = decisive->message;
        d.attempts = decisive->attempts;
    } else if (lastCarried.isValid()) {
        d.state = DeliveryState::Carried;
        d.since = lastCarried;
    }
    return d;
}

// A failed or long-waiting delivery to `system`, unless `skipJob` already
// speaks for it.
void addDeliveryDisagreement(QList<Disagreement> &out, System system, const Delivery &d, const QDateTime &now,
                             qint64 skipJob = 0)
{
    if (d.jobId == 0 || d.jobId == skipJob)
        return;
    const QString name = displayName(system);
    const QString cause = withoutFinalStop(d.message);
    if (d.state == DeliveryState::Failed) {
        Disagreement x;
        x.kind = DisagreementKind::DeliveryFailed;
        x.system = system;
        x.needsPerson = true;
        x.jobId = d.jobId;
        x.reason = cause.isEmpty()
            ? Words::tr("A change for %1 failed and waits for a person (change #%2).").arg(name).arg(d.jobId)
            : Words::tr("A change for %1 failed and waits for a person (change #%2): %3.").arg(name).arg(d.jobId).arg(cause);
        out.append(x);
    } else if (d.state == DeliveryState::Waiting && d.since.isValid() && d.since.secsTo(now) > kLongWaitSecs) {
        Disagreement x;
        x.kind = DisagreementKind::DeliveryDelayed;
        x.system = system;
        x.jobId = d.jobId;
        const QString age = durationWords(d.since.secsTo(now));
        x.reason = cause.isEmpty()
            ? Words::tr("A change for %1 has waited %2 (change #%3).").arg(name, age).arg(d.jobId)
            : Words::tr("A change for %1 has waited %2 (change #%3): %4.").arg(name, age).arg(d.jobId).arg(cause);
        out.append(x);
    }
}

// ---------------------------------------------------------------------------
// Sync flags, by what they are about

struct FlagIndex {
    QHash<QString, QList<SyncFlag>> bySubject; // "appointment/12", "customer/c-1", "deal/9001", "invoice/4"

    void add(const SyncFlag &flag)
    {
        // A double booking is about two appointments: "appointment/1+appointment/2".
        const QStringList parts = flag.subject.split(u'+', Qt::SkipEmptyParts);
        for (const QString &part : parts)
            bySubject[part.trimmed()].append(flag);
    }

    void addTo(QList<Disagreement> &out, QSet<qint64> &seen, const QString &subject) const
    {
        for (const SyncFlag &f : bySubject.value(subject))
            addFlag(out, seen, f);
    }

    static void addFlag(QList<Disagreement> &out, QSet<qint64> &seen, const SyncFlag &f)
    {
        if (seen.contains(f.id))
            return;
        seen.insert(f.id);
        Disagreement x;
        x.kind = DisagreementKind::OpenFlag;
        if (auto s = parseSystem(f.system))
            x.system = *s;
        x.needsPerson = true;
        x.flagId = f.id;
        // The engine's message is already a sentence for a person.
        x.reason = f.message.trimmed().isEmpty() ? Words::tr("Flagged for a person (%1).").arg(f.kind)
                                                 : withoutFinalStop(f.message) + u'.';
        out.append(x);
    }
};

Result<FlagIndex> openFlags(Store::Database &db, const Clock &clock)
{
    Store::SyncStateRepository state(db, clock);
    auto flags = state.openFlags();
    if (!flags)
        return std::unexpected(flags.error());
    FlagIndex index;
    for (const SyncFlag &f : std::as_const(*flags))
        index.add(f);
    return index;
}

// The stage a person set in HubSpot, as the wrong-place-edit flag recorded it.
QString seenStageOf(const FlagIndex &flags, const QString &dealId)
{
    if (dealId.isEmpty())
        return {};
    for (const SyncFlag &f : flags.bySubject.value(kDeal + u'/' + dealId))
        if (f.kind == u"wrong_place_edit"_s)
            return QJsonDocument::fromJson(f.detailJson).object().value(u"hubspotStage"_s).toString();
    return {};
}

// ---------------------------------------------------------------------------
// Shared reads

struct Common {
    StageMap stages{{}};
    FlagIndex flags;
    QList<InvoicePolicy> policies;
    QList<Connection> connections;
    QSet<QString> feeInvoices; // QuickBooks ids of Concord's late-fee invoices
};

Result<Common> readCommon(Store::Database &db, const Clock &clock)
{
    Common c;
    Store::RulesRepository rules(db, clock);
    auto mappings = rules.statusMappings();
    if (!mappings)
        return std::unexpected(mappings.error());
    c.stages = StageMap(*mappings);
    auto policies = rules.invoicePolicies();
    if (!policies)
        return std::unexpected(policies.error());
    c.policies = *policies;
    auto flags = openFlags(db, clock);
    if (!flags)
        return std::unexpected(flags.error());
    c.flags = std::move(*flags);
    Store::OperationsRepository operations(db, clock);
    auto connections = operations.connections();
    if (!connections)
        return std::unexpected(connections.error());
    c.connections = *connections;
    auto fees = db.select<QString>(u"SELECT remote_id FROM remote_refs WHERE entity_type = 'invoice-plan' "
                                   "AND system = 'quickbooks' AND kind = 'invoice' AND entity_id LIKE 'fee/%'"_s,
                                   {}, [](const QSqlQuery &q) { return q.value(0).toString(); });
    if (!fees)
        return std::unexpected(fees.error());
    for (const QString &id : std::as_const(*fees))
        c.feeInvoices.insert(id);
    return c;
}

// The customer's HubSpot contact and QuickBooks customer (identity map), for
// the customers the CTE `source` lists in its customer_id column.
struct CustomerLinks {
    QHash<QString, QString> hubspot;
    QHash<QString, QString> quickbooks;
};

Result<CustomerLinks> customerLinks(const Store::Database &db, const QString &cte, const QVariantList &binds,
                                    const QString &source)
{
    auto rows = db.select<std::tuple<QString, QString, QString>>(
        cte + u" SELECT e.customer_id, e.system, e.external_id FROM external_links e WHERE e.customer_id IN "
              "(SELECT customer_id FROM "_s
            + source + u") AND e.system IN ('hubspot', 'quickbooks') ORDER BY e.id"_s,
        binds, [](const QSqlQuery &q) {
            return std::tuple{q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
        });
    if (!rows)
        return std::unexpected(rows.error());
    CustomerLinks links;
    for (const auto &[customer, system, external] : std::as_const(*rows)) {
        QHash<QString, QString> &map = system == u"hubspot"_s ? links.hubspot : links.quickbooks;
        if (!map.contains(customer)) // the oldest link: a second record is a duplicate for the review
            map.insert(customer, external);
    }
    return links;
}

// One invoice as a row of the join invoice_lines → invoices.
struct InvoiceLite {
    qint64 id = 0;
    QString quickbooksId;
    QString docNumber;
    QDate dueDate;
    Money total;
    Money balance;
    MoneyStatus status = MoneyStatus::Invoiced;
    int sessions = 0; // distinct appointments on it
};

bool isOverdue(MoneyStatus status, const Money &balance, const QDate &dueDate, const QDate &today)
{
    if (status == MoneyStatus::Overdue)
        return true;
    // QuickBooks' numbers already say so; the status follows at the next billing pass.
    return isOpen(status) && balance.minorUnits() > 0 && dueDate.isValid() && dueDate < today;
}

Disagreement overdueDisagreement(const QString &name, const Money &balance, const QDate &dueDate)
{
    Disagreement x;
    x.kind = DisagreementKind::Overdue;
    x.system = System::QuickBooks;
    x.reason = dueDate.isValid()
        ? Words::tr("Invoice %1 is overdue: %2 due since %3.").arg(name, balance.toString(), dateWords(dueDate))
        : Words::tr("Invoice %1 is overdue: %2 due.").arg(name, balance.toString());
    return x;
}

// The deal should show the outcome already, but its update has not been delivered.
std::optional<Disagreement> dealBehind(AppointmentStatus status, std::optional<MoneyStatus> money,
                                       const QString &expectedStage, const QList<JobLite> &hubspotJobs)
{
    // The update that carries the stage: a deal update that waits or failed.
    const JobLite *update = nullptr;
    qint64 newestDelivered = 0;
    for (const JobLite &j : hubspotJobs)
        if (j.operation == Sync::Jobs::HubSpotDealUpsert && j.state == JobState::Succeeded)
            newestDelivered = std::max(newestDelivered, j.id);
    for (const JobLite &j : hubspotJobs) {
        if (j.operation != Sync::Jobs::HubSpotDealUpsert)
            continue;
        const bool open = j.state == JobState::Pending || j.state == JobState::InFlight
            || (j.state == JobState::Failed && j.id > newestDelivered);
        if (open && (!update || j.state == JobState::Failed))
            update = &j;
    }
    if (!update || expectedStage.isEmpty())
        return std::nullopt;
    QString what;
    if (status == AppointmentStatus::Canceled)
        what = Words::tr("Canceled in Cal.com");
    else if (status == AppointmentStatus::NoShow)
        what = Words::tr("Marked as a no-show in Cal.com");
    else if (money == MoneyStatus::Paid)
        what = Words::tr("Paid in QuickBooks");
    else if (money == MoneyStatus::Voided)
        what = Words::tr("Voided in QuickBooks");
    else if (money == MoneyStatus::Refunded)
        what = Words::tr("Refunded in QuickBooks");
    else
        return std::nullopt; // an ordinary update on its way: only its delay counts
    Disagreement x;
    x.kind = DisagreementKind::DealStageBehind;
    x.system = System::HubSpot;
    x.jobId = update->id;
    x.needsPerson = update->state == JobState::Failed;
    const QString stage = dealStageLabel(expectedStage);
    x.reason = update->state == JobState::Failed
        ? Words::tr("%1, but the HubSpot deal is not “%2”: its update failed (change #%3).")
              .arg(what, stage)
              .arg(update->id)
        : Words::tr("%1, but the HubSpot deal is not “%2” yet: its update waits (change #%3).")
              .arg(what, stage)
              .arg(update->id);
    return x;
}

bool looksLikeNumber(const QString &text)
{
    if (text.isEmpty())
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); });
}

} // namespace

// ---------------------------------------------------------------------------

QString toString(DeliveryState state)
{
    switch (state) {
    case DeliveryState::NothingSent:
        return u"nothing_sent"_s;
    case DeliveryState::Carried:
        return u"carried"_s;
    case DeliveryState::Waiting:
        return u"waiting"_s;
    case DeliveryState::Failed:
        return u"failed"_s;
    }
    return {};
}

QString toString(DisagreementKind kind)
{
    switch (kind) {
    case DisagreementKind::DeliveryFailed:
        return u"delivery_failed"_s;
    case DisagreementKind::DeliveryDelayed:
        return u"delivery_delayed"_s;
    case DisagreementKind::OpenFlag:
        return u"open_flag"_s;
    case DisagreementKind::CanceledInvoiceOpen:
        return u"canceled_invoice_open"_s;
    case DisagreementKind::DealStageBehind:
        return u"deal_stage_behind"_s;
    case DisagreementKind::NotInvoiced:
        return u"not_invoiced"_s;
    case DisagreementKind::Overdue:
        return u"overdue"_s;
    }
    return {};
}

QString dealStageLabel(const QString &stageId)
{
    // HubSpot's default sales pipeline ("default"), as its own interface names the stages.
    static const QHash<QString, const char *> names = {
        {u"appointmentscheduled"_s, QT_TRANSLATE_NOOP("Concord::Services::RecordsData", "Appointment scheduled")},
        {u"qualifiedtobuy"_s, QT_TRANSLATE_NOOP("Concord::Services::RecordsData", "Qualified to buy")},
        {u"presentationscheduled"_s, QT_TRANSLATE_NOOP("Concord::Services::RecordsData", "Presentation scheduled")},
        {u"decisionmakerboughtin"_s, QT_TRANSLATE_NOOP("Concord::Services::RecordsData", "Decision maker bought-in")},
        {u"contractsent"_s, QT_TRANSLATE_NOOP("Concord::Services::RecordsData", "Contract sent")},
        {u"closedwon"_s, QT_TRANSLATE_NOOP("Concord::Services::RecordsData", "Closed won")},
        {u"closedlost"_s, QT_TRANSLATE_NOOP("Concord::Services::RecordsData", "Closed lost")},
    };
    const auto it = names.constFind(stageId);
    return it == names.constEnd() ? stageId : Words::tr(*it);
}

Result<AppointmentsData> collectAppointments(Store::Database &db, const QDateTime &fromUtc, const QDateTime &toUtc,
                                             int limit, const Clock &clock)
{
    if (!fromUtc.isValid() || !toUtc.isValid() || fromUtc >= toUtc)
        return fail(ErrorCode::InvalidArgument, u"the appointments' window needs a start before its end"_s);
    if (limit < 1)
        return fail(ErrorCode::InvalidArgument, u"the appointments' limit must be at least 1 (got %1)"_s.arg(limit));

    AppointmentsData data;
    data.fromUtc = fromUtc.toUTC();
    data.toUtc = toUtc.toUTC();
    data.limit = limit;
    const QDateTime now = clock.nowUtc();
    data.generatedAt = now;
    const QDate today = now.date();

    // One snapshot for all the reads (the sync thread may write in between).
    Store::Transaction tx(db);
    if (!tx.started())
        return std::unexpected(tx.started().error());

    const QVariantList window = {fromUtc.toMSecsSinceEpoch(), toUtc.toMSecsSinceEpoch()};
    QVariantList binds = window;
    binds.append(limit);
    // The page's rows, as a CTE the other reads join: the same ORDER BY and
    // LIMIT select the same rows each time.
    const QString cte =
        u"WITH w AS (SELECT id, customer_id FROM appointments WHERE start_at >= ? AND start_at < ? "
        "ORDER BY start_at, id LIMIT ?), "
        "wi AS (SELECT DISTINCT l.invoice_id AS id FROM w JOIN invoice_lines l ON l.appointment_id = w.id)"_s;

    auto matching = db.scalar(u"SELECT COUNT(*) FROM appointments WHERE start_at >= ? AND start_at < ?"_s, window);
    if (!matching)
        return std::unexpected(matching.error());
    data.matching = matching->toLongLong();

    struct Priced {
        qint64 serviceId = 0;
        qint64 rateMinor = 0;
        QString itemId;
        QString currency;
    };
    QList<Priced> priced;
    auto rows = db.select<AppointmentRecord>(
        u"SELECT a.id, a.customer_id, a.calcom_uid, a.start_at, a.time_zone, a.duration_minutes, a.status, a.title, "
        "a.service_id, s.name, s.rate_minor, s.quickbooks_item_id, s.currency, st.display_name, st.email, "
        "c.display_name FROM appointments a LEFT JOIN services s ON s.id = a.service_id "
        "LEFT JOIN staff st ON st.id = a.staff_id LEFT JOIN customers c ON c.id = a.customer_id "
        "WHERE a.start_at >= ? AND a.start_at < ? ORDER BY a.start_at, a.id LIMIT ?"_s,
        binds, [&priced](const QSqlQuery &q) {
            AppointmentRecord r;
            r.id = q.value(0).toLongLong();
            r.customerId = q.value(1).toString();
            r.calcomUid = q.value(2).toString();
            r.start = zoned(q.value(3).toLongLong(), q.value(4).toString());
            r.durationMinutes = q.value(5).toInt();
            r.status = parseAppointmentStatus(q.value(6).toString()).value_or(AppointmentStatus::Booked);
            const QString service = q.value(9).toString();
            r.title = service.isEmpty() ? q.value(7).toString() : service;
            r.staffName = q.value(13).toString().isEmpty() ? q.value(14).toString() : q.value(13).toString();
            r.customerName = q.value(15).toString();
            priced.append({q.value(8).toLongLong(), q.value(10).toLongLong(), q.value(11).toString(),
                           q.value(12).toString()});
            return r;
        });
    if (!rows)
        return std::unexpected(rows.error());

    auto common = readCommon(db, clock);
    if (!common)
        return std::unexpected(common.error());

    // Every invoice carrying each appointment (a late fee, a re-issue: more than one).
    auto lines = db.select<std::pair<qint64, InvoiceLite>>(
        cte + u" SELECT l.appointment_id, i.id, i.quickbooks_id, i.doc_number, i.due_date, i.currency, "
              "i.total_minor, i.balance_minor, i.status, "
              "(SELECT COUNT(DISTINCT l2.appointment_id) FROM invoice_lines l2 WHERE l2.invoice_id = i.id) "
              "FROM w JOIN invoice_lines l ON l.appointment_id = w.id JOIN invoices i ON i.id = l.invoice_id"_s,
        binds, [](const QSqlQuery &q) {
            InvoiceLite i;
            i.id = q.value(1).toLongLong();
            i.quickbooksId = q.value(2).toString();
            i.docNumber = q.value(3).toString();
            i.dueDate = Store::Sql::toDate(q.value(4));
            i.total = money(q.value(6).toLongLong(), q.value(5).toString());
            i.balance = money(q.value(7).toLongLong(), q.value(5).toString());
            i.status = parseMoneyStatus(q.value(8).toString()).value_or(MoneyStatus::Invoiced);
            i.sessions = q.value(9).toInt();
            return std::pair{q.value(0).toLongLong(), i};
        });
    if (!lines)
        return std::unexpected(lines.error());
    QHash<qint64, QList<InvoiceLite>> invoicesOf;
    for (const auto &[appointment, invoice] : std::as_const(*lines)) {
        QList<InvoiceLite> &list = invoicesOf[appointment];
        if (std::none_of(list.cbegin(), list.cend(), [&](const InvoiceLite &i) { return i.id == invoice.id; }))
            list.append(invoice);
    }

    auto deals = db.select<std::pair<QString, QString>>(
        cte + u" SELECT r.entity_id, r.remote_id FROM w JOIN remote_refs r ON r.entity_type = 'appointment' "
              "AND r.entity_id = CAST(w.id AS TEXT) AND r.system = 'hubspot' AND r.kind = 'deal'"_s,
        binds, [](const QSqlQuery &q) { return std::pair{q.value(0).toString(), q.value(1).toString()}; });
    if (!deals)
        return std::unexpected(deals.error());
    QHash<QString, QString> dealOf;
    for (const auto &[appointment, deal] : std::as_const(*deals))
        dealOf.insert(appointment, deal);

    auto appointmentJobs = jobsFor(db, cte, binds, u"w"_s, kAppointment);
    if (!appointmentJobs)
        return std::unexpected(appointmentJobs.error());
    auto invoiceJobs = jobsFor(db, cte, binds, u"wi"_s, kInvoice);
    if (!invoiceJobs)
        return std::unexpected(invoiceJobs.error());
    auto planJobs = openPlanJobs(db);
    if (!planJobs)
        return std::unexpected(planJobs.error());
    auto links = customerLinks(db, cte, binds, u"w"_s);
    if (!links)
        return std::unexpected(links.error());

    for (qsizetype n = 0; n < rows->size(); ++n) {
        AppointmentRecord &r = (*rows)[n];
        const Priced &svc = priced.at(n);
        const QString key = QString::number(r.id);
        QList<Disagreement> &out = r.disagreements;
        QSet<qint64> flagsSeen;

        // QuickBooks: the newest invoice carrying it (as the deal's description shows it).
        const QList<InvoiceLite> invoices = invoicesOf.value(r.id);
        const InvoiceLite *newest = nullptr;
        for (const InvoiceLite &i : invoices)
            if (!newest || i.id > newest->id)
                newest = &i;
        std::optional<MoneyStatus> moneyStatus;
        if (newest) {
            r.invoiceId = newest->id;
            r.quickbooksInvoiceId = newest->quickbooksId;
            r.docNumber = newest->docNumber;
            r.invoiceStatus = newest->status;
            r.invoiceTotal = newest->total;
            r.invoiceBalance = newest->balance;
            r.dueDate = newest->dueDate;
            moneyStatus = newest->status;
        }
        r.quickbooksCustomerId = links->quickbooks.value(r.customerId);
        r.hubspotContactId = links->hubspot.value(r.customerId);

        const QList<JobLite> ownJobs = appointmentJobs->value(key);
        QList<JobLite> calcomJobs, hubspotJobs, quickbooksJobs;
        appendFor(calcomJobs, ownJobs, System::CalCom);
        appendFor(hubspotJobs, ownJobs, System::HubSpot);
        appendFor(quickbooksJobs, ownJobs, System::QuickBooks);
        quickbooksJobs.append(planJobs->value(r.id));
        if (newest)
            appendFor(quickbooksJobs, invoiceJobs->value(QString::number(newest->id)), System::QuickBooks);
        r.calcomDelivery = deliveryOf(calcomJobs);
        r.hubspotDelivery = deliveryOf(hubspotJobs);
        r.quickbooksDelivery = deliveryOf(quickbooksJobs);

        // HubSpot: the deal and the stage the mapping gives it.
        r.dealId = dealOf.value(key);
        r.expectedStage = common->stages.desired(r.status, moneyStatus);
        r.seenStage = seenStageOf(common->flags, r.dealId);

        // Flags on the appointment, its deal, its invoice and its customer.
        common->flags.addTo(out, flagsSeen, kAppointment + u'/' + key);
        if (!r.dealId.isEmpty())
            common->flags.addTo(out, flagsSeen, kDeal + u'/' + r.dealId);
        if (newest)
            common->flags.addTo(out, flagsSeen, kInvoice + u'/' + QString::number(newest->id));
        common->flags.addTo(out, flagsSeen, kCustomer + u'/' + r.customerId);

        // Canceled, yet its own (per-session, not late-fee) invoice is open.
        // A monthly invoice stays open for the other sessions: the engine
        // flags that case itself (canceled_on_issued_invoice).
        if (r.status == AppointmentStatus::Canceled) {
            for (const InvoiceLite &i : invoices) {
                if (i.sessions != 1 || common->feeInvoices.contains(i.quickbooksId) || !isOpen(i.status)
                    || i.balance.minorUnits() <= 0)
                    continue;
                Disagreement x;
                x.kind = DisagreementKind::CanceledInvoiceOpen;
                x.system = System::QuickBooks;
                x.needsPerson = true;
                x.reason = Words::tr("Canceled in Cal.com, but invoice %1 is still open in QuickBooks (balance %2).")
                               .arg(invoiceName(i.docNumber, i.quickbooksId, i.id), i.balance.toString());
                out.append(x);
            }
        }

        const std::optional<Disagreement> behind =
            dealBehind(r.status, moneyStatus, r.expectedStage, hubspotJobs);
        if (behind)
            out.append(*behind);

        // Completed, priced, past its billing point, and on no invoice nor on
        // its way to one: Concord should have billed it.
        if (r.status == AppointmentStatus::Completed && invoices.isEmpty() && !planJobs->contains(r.id)
            && svc.rateMinor > 0 && !svc.itemId.isEmpty()) {
            const auto policy = Billing::policyFor(Billing::withBuiltInDefault(common->policies, svc.currency),
                                                   r.customerId, svc.serviceId);
            if (policy) {
                const QDate sessionDate = r.start.local().date();
                QDateTime billingPoint;
                QString reason;
                if (policy->mode == InvoiceMode::PerSession) {
                    billingPoint = r.start.utc().addSecs(qint64(r.durationMinutes) * 60);
                    reason = Words::tr("Completed on %1, but on no invoice: it is billed per session.")
                                 .arg(dateWords(sessionDate));
                } else {
                    const QDate issue = QDate(sessionDate.year(), sessionDate.month(), 1).addMonths(1);
                    billingPoint = QDateTime(issue, QTime(0, 0), Qt::UTC);
                    reason = Words::tr("Completed on %1, but on no invoice: its monthly invoice was due on %2.")
                                 .arg(dateWords(sessionDate), dateWords(issue));
                }
                if (billingPoint.secsTo(now) > kBillingGraceSecs) {
                    Disagreement x;
                    x.kind = DisagreementKind::NotInvoiced;
                    x.system = System::QuickBooks;
                    x.reason = reason;
                    out.append(x);
                }
            }
        }

        if (newest && isOverdue(newest->status, newest->balance, newest->dueDate, today))
            out.append(overdueDisagreement(invoiceName(newest->docNumber, newest->quickbooksId, newest->id),
                                           newest->balance, newest->dueDate));

        addDeliveryDisagreement(out, System::CalCom, r.calcomDelivery, now);
        addDeliveryDisagreement(out, System::HubSpot, r.hubspotDelivery, now, behind ? behind->jobId : 0);
        addDeliveryDisagreement(out, System::QuickBooks, r.quickbooksDelivery, now);
    }

    data.rows = std::move(*rows);
    data.truncated = data.matching > data.rows.size();
    data.connections = common->connections;
    return data;
}

Result<InvoicesData> collectInvoices(Store::Database &db, const QDate &from, const QDate &to, int limit,
                                     const Clock &clock)
{
    if (!from.isValid() || !to.isValid() || from > to)
        return fail(ErrorCode::InvalidArgument, u"the invoices' dates need a first day on or before the last"_s);
    if (limit < 1)
        return fail(ErrorCode::InvalidArgument, u"the invoices' limit must be at least 1 (got %1)"_s.arg(limit));

    InvoicesData data;
    data.from = from;
    data.to = to;
    data.limit = limit;
    const QDateTime now = clock.nowUtc();
    data.generatedAt = now;
    const QDate today = now.date();

    Store::Transaction tx(db);
    if (!tx.started())
        return std::unexpected(tx.started().error());

    const QVariantList window = {Store::Sql::fromDate(from), Store::Sql::fromDate(to)};
    QVariantList binds = window;
    binds.append(limit);
    const QString cte =
        u"WITH w AS (SELECT id, customer_id FROM invoices WHERE txn_date >= ? AND txn_date <= ? "
        "ORDER BY txn_date, id LIMIT ?), "
        "wa AS (SELECT DISTINCT l.appointment_id AS id FROM w JOIN invoice_lines l ON l.invoice_id = w.id "
        "WHERE l.appointment_id IS NOT NULL)"_s;

    auto matching = db.scalar(u"SELECT COUNT(*) FROM invoices WHERE txn_date >= ? AND txn_date <= ?"_s, window);
    if (!matching)
        return std::unexpected(matching.error());
    data.matching = matching->toLongLong();

    auto rows = db.select<InvoiceRecord>(
        u"SELECT i.id, i.customer_id, c.display_name, i.quickbooks_id, i.doc_number, i.txn_date, i.due_date, "
        "i.currency, i.total_minor, i.balance_minor, i.status, i.invoice_link FROM invoices i "
        "LEFT JOIN customers c ON c.id = i.customer_id WHERE i.txn_date >= ? AND i.txn_date <= ? "
        "ORDER BY i.txn_date, i.id LIMIT ?"_s,
        binds, [](const QSqlQuery &q) {
            InvoiceRecord r;
            r.id = q.value(0).toLongLong();
            r.customerId = q.value(1).toString();
            r.customerName = q.value(2).toString();
            r.quickbooksId = q.value(3).toString();
            r.docNumber = q.value(4).toString();
            r.txnDate = Store::Sql::toDate(q.value(5));
            r.dueDate = Store::Sql::toDate(q.value(6));
            r.total = money(q.value(8).toLongLong(), q.value(7).toString());
            r.balance = money(q.value(9).toLongLong(), q.value(7).toString());
            r.status = parseMoneyStatus(q.value(10).toString()).value_or(MoneyStatus::Invoiced);
            r.invoiceLink = q.value(11).toString();
            return r;
        });
    if (!rows)
        return std::unexpected(rows.error());

    auto common = readCommon(db, clock);
    if (!common)
        return std::unexpected(common.error());

    // The sessions each invoice bills, with the newest invoice of each
    // session (the deal's stage follows that one).
    struct SessionRow {
        qint64 invoiceId = 0;
        InvoiceSession session;
        qint64 newestInvoice = 0;
        std::optional<MoneyStatus> newestStatus;
    };
    auto sessions = db.select<SessionRow>(
        cte + u" SELECT l.invoice_id, a.id, a.calcom_uid, a.status, a.start_at, a.time_zone, "
              "(SELECT MAX(l2.invoice_id) FROM invoice_lines l2 WHERE l2.appointment_id = a.id) "
              "FROM w JOIN invoice_lines l ON l.invoice_id = w.id JOIN appointments a ON a.id = l.appointment_id "
              "ORDER BY a.start_at, a.id"_s,
        binds, [](const QSqlQuery &q) {
            SessionRow s;
            s.invoiceId = q.value(0).toLongLong();
            s.session.appointmentId = q.value(1).toLongLong();
            s.session.calcomUid = q.value(2).toString();
            s.session.status = parseAppointmentStatus(q.value(3).toString()).value_or(AppointmentStatus::Booked);
            s.session.start = zoned(q.value(4).toLongLong(), q.value(5).toString());
            s.newestInvoice = q.value(6).toLongLong();
            return s;
        });
    if (!sessions)
        return std::unexpected(sessions.error());
    // The newest invoices of those sessions that are not on this page's rows.
    QHash<qint64, MoneyStatus> statusOf;
    for (const InvoiceRecord &r : std::as_const(*rows))
        statusOf.insert(r.id, r.status);
    auto newestStatuses = db.select<std::pair<qint64, MoneyStatus>>(
        cte + u" SELECT i.id, i.status FROM invoices i WHERE i.id IN (SELECT MAX(l.invoice_id) FROM wa "
              "JOIN invoice_lines l ON l.appointment_id = wa.id GROUP BY l.appointment_id)"_s,
        binds, [](const QSqlQuery &q) {
            return std::pair{q.value(0).toLongLong(),
                             parseMoneyStatus(q.value(1).toString()).value_or(MoneyStatus::Invoiced)};
        });
    if (!newestStatuses)
        return std::unexpected(newestStatuses.error());
    for (const auto &[id, status] : std::as_const(*newestStatuses))
        statusOf.insert(id, status);

    auto deals = db.select<std::pair<QString, QString>>(
        cte + u" SELECT r.entity_id, r.remote_id FROM wa JOIN remote_refs r ON r.entity_type = 'appointment' "
              "AND r.entity_id = CAST(wa.id AS TEXT) AND r.system = 'hubspot' AND r.kind = 'deal'"_s,
        binds, [](const QSqlQuery &q) { return std::pair{q.value(0).toString(), q.value(1).toString()}; });
    if (!deals)
        return std::unexpected(deals.error());
    QHash<QString, QString> dealOf;
    for (const auto &[appointment, deal] : std::as_const(*deals))
        dealOf.insert(appointment, deal);

    QHash<qint64, QList<InvoiceSession>> sessionsOf;
    for (SessionRow &s : *sessions) {
        QList<InvoiceSession> &list = sessionsOf[s.invoiceId];
        if (std::any_of(list.cbegin(), list.cend(),
                        [&](const InvoiceSession &x) { return x.appointmentId == s.session.appointmentId; }))
            continue; // two lines for one session (a fee beside it)
        s.session.dealId = dealOf.value(QString::number(s.session.appointmentId));
        const auto newest = statusOf.constFind(s.newestInvoice);
        s.session.expectedStage = common->stages.desired(
            s.session.status, newest == statusOf.constEnd() ? std::nullopt : std::optional<MoneyStatus>(*newest));
        list.append(s.session);
    }

    auto appointmentJobs = jobsFor(db, cte, binds, u"wa"_s, kAppointment);
    if (!appointmentJobs)
        return std::unexpected(appointmentJobs.error());
    auto invoiceJobs = jobsFor(db, cte, binds, u"w"_s, kInvoice);
    if (!invoiceJobs)
        return std::unexpected(invoiceJobs.error());
    auto links = customerLinks(db, cte, binds, u"w"_s);
    if (!links)
        return std::unexpected(links.error());

    for (InvoiceRecord &r : *rows) {
        const QString key = QString::number(r.id);
        const QString name = invoiceName(r.docNumber, r.quickbooksId, r.id);
        QList<Disagreement> &out = r.disagreements;
        QSet<qint64> flagsSeen;
        r.sessions = sessionsOf.value(r.id);
        r.lateFee = !r.quickbooksId.isEmpty() && common->feeInvoices.contains(r.quickbooksId);
        r.quickbooksCustomerId = links->quickbooks.value(r.customerId);
        r.hubspotContactId = links->hubspot.value(r.customerId);

        const QList<JobLite> ownJobs = invoiceJobs->value(key);
        QList<JobLite> calcomJobs, hubspotJobs, quickbooksJobs;
        appendFor(quickbooksJobs, ownJobs, System::QuickBooks);
        appendFor(hubspotJobs, ownJobs, System::HubSpot);
        appendFor(calcomJobs, ownJobs, System::CalCom);
        for (const InvoiceSession &s : std::as_const(r.sessions)) {
            const QList<JobLite> jobs = appointmentJobs->value(QString::number(s.appointmentId));
            appendFor(hubspotJobs, jobs, System::HubSpot);
            appendFor(calcomJobs, jobs, System::CalCom);
        }
        r.quickbooksDelivery = deliveryOf(quickbooksJobs);
        r.hubspotDelivery = deliveryOf(hubspotJobs);
        r.calcomDelivery = deliveryOf(calcomJobs);

        common->flags.addTo(out, flagsSeen, kInvoice + u'/' + key);
        common->flags.addTo(out, flagsSeen, kCustomer + u'/' + r.customerId);
        for (const InvoiceSession &s : std::as_const(r.sessions)) {
            // Of the sessions' own flags, those about the money.
            const QString subject = kAppointment + u'/' + QString::number(s.appointmentId);
            for (const SyncFlag &f : common->flags.bySubject.value(subject))
                if (f.system == toString(System::QuickBooks))
                    FlagIndex::addFlag(out, flagsSeen, f);
        }

        // A canceled session on its own open invoice (not a late fee, which
        // the cancellation itself raised).
        if (r.sessions.size() == 1 && !r.lateFee && isOpen(r.status) && r.balance.minorUnits() > 0
            && r.sessions.first().status == AppointmentStatus::Canceled) {
            Disagreement x;
            x.kind = DisagreementKind::CanceledInvoiceOpen;
            x.system = System::QuickBooks;
            x.needsPerson = true;
            x.reason = Words::tr("Its session was canceled in Cal.com, but invoice %1 is still open (balance %2).")
                           .arg(name, r.balance.toString());
            out.append(x);
        }

        // The deals that should show this invoice's outcome.
        qint64 behindJob = 0;
        for (const InvoiceSession &s : std::as_const(r.sessions)) {
            QList<JobLite> jobs;
            appendFor(jobs, appointmentJobs->value(QString::number(s.appointmentId)), System::HubSpot);
            // Only the money's outcome belongs on the invoice's row.
            const std::optional<Disagreement> behind =
                dealBehind(AppointmentStatus::Completed, r.status, s.expectedStage, jobs);
            if (behind && s.status != AppointmentStatus::Canceled) {
                if (behindJob == 0)
                    behindJob = behind->jobId;
                out.append(*behind);
            }
        }

        if (isOverdue(r.status, r.balance, r.dueDate, today))
            out.append(overdueDisagreement(name, r.balance, r.dueDate));

        addDeliveryDisagreement(out, System::QuickBooks, r.quickbooksDelivery, now);
        addDeliveryDisagreement(out, System::HubSpot, r.hubspotDelivery, now, behindJob);
        addDeliveryDisagreement(out, System::CalCom, r.calcomDelivery, now);
    }

    data.rows = std::move(*rows);
    data.truncated = data.matching > data.rows.size();
    data.connections = common->connections;
    return data;
}

QUrl recordUrl(System system, const QString &kind, const QString &remoteId, const Connection &connection)
{
    const QString id = remoteId.trimmed();
    if (id.isEmpty())
        return {};
    const QUrl base(connection.baseUrl);
    const QString host = base.host().toLower();
    const QHostAddress address(host);
    const bool emulator = host == u"localhost"_s || (!address.isNull() && address.isLoopback());
    const QString label = connection.accountLabel.trimmed();

    // One of Concord's emulators: its REST address of the record.
    if (emulator && base.isValid()) {
        QString basePath = base.path();
        while (basePath.endsWith(u'/'))
            basePath.chop(1);
        QString path;
        switch (system) {
        case System::HubSpot:
            if (kind == u"deal"_s)
                path = u"/crm/v3/objects/deals/"_s;
            else if (kind == u"contact"_s)
                path = u"/crm/v3/objects/contacts/"_s;
            break;
        case System::QuickBooks:
            // The realm is the account label when the connection recorded it.
            if (!looksLikeNumber(label))
                return {};
            if (kind == u"invoice"_s)
                path = u"/v3/company/"_s + label + u"/invoice/"_s;
            else if (kind == u"customer"_s)
                path = u"/v3/company/"_s + label + u"/customer/"_s;
            break;
        case System::CalCom:
            if (kind == u"booking"_s)
                path = u"/v2/bookings/"_s;
            break;
        }
        if (path.isEmpty())
            return {};
        QUrl url;
        url.setScheme(base.scheme());
        url.setHost(base.host());
        url.setPort(base.port());
        url.setPath(basePath + path + id);
        return url;
    }

    QUrl url;
    url.setScheme(u"https"_s);
    switch (system) {
    case System::HubSpot: {
        // The portal (hub) id: the account label when it is one. HubSpot's
        // API host is the same for every data centre, so the web host cannot
        // be told from it: app.hubspot.com serves the common case.
        if (!looksLikeNumber(label))
            return {};
        QString objectType;
        if (kind == u"deal"_s)
            objectType = u"0-3"_s;
        else if (kind == u"contact"_s)
            objectType = u"0-1"_s;
        else
            return {};
        url.setHost(u"app.hubspot.com"_s);
        url.setPath(u"/contacts/"_s + label + u"/record/"_s + objectType + u'/' + id);
        return url;
    }
    case System::QuickBooks: {
        // Sandbox companies live on their own web host, as on their own API host.
        url.setHost(host.contains(u"sandbox"_s) ? u"app.sandbox.qbo.intuit.com"_s : u"app.qbo.intuit.com"_s);
        QUrlQuery query;
        if (kind == u"invoice"_s) {
            url.setPath(u"/app/invoice"_s);
            query.addQueryItem(u"txnId"_s, id);
        } else if (kind == u"customer"_s) {
            url.setPath(u"/app/customerdetail"_s);
            query.addQueryItem(u"nameId"_s, id);
        } else {
            return {};
        }
        // Opens the right company for someone who keeps books for several.
        if (looksLikeNumber(label))
            query.addQueryItem(u"companyId"_s, label);
        url.setQuery(query);
        return url;
    }
    case System::CalCom: {
        if (kind != u"booking"_s)
            return {};
        // Cal.com's cloud (and its EU instance); a self-hosted Cal.com's web
        // address is not its API's, and Concord is not told it.
        if (host.isEmpty() || host == u"api.cal.com"_s)
            url.setHost(u"app.cal.com"_s);
        else if (host == u"api.cal.eu"_s)
            url.setHost(u"app.cal.eu"_s);
        else
            return {};
        url.setPath(u"/booking/"_s + id);
        return url;
    }
    }
    return {};
}

} // namespace Concord::Services
