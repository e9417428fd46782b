#include "review/weeklyreview.h"
#include "common/logging.h"

#include "connectors/hubspot/crmobject.h"
#include "connectors/hubspot/hubspotclient.h"
#include "domain/customer.h"
#include "domain/money.h"
#include "domain/rules.h"
#include "domain/status.h"
#include "review/reviewschedule.h"
#include "services/jobclients.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/identityrepository.h"
#include "store/operationsrepository.h"
#include "store/outboxrepository.h"
#include "store/rulesrepository.h"
#include "store/syncstaterepository.h"
#include "sync/jobs.h"

#include <QHash>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QPointer>
#include <QPromise>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

namespace Concord::Review {

namespace {
// The outbox list is bounded; a queue with more failed jobs than this has a
// bigger problem than the weekly review can list (the count still says so).
constexpr int kMaxFailedListed = 500;

QJsonValue isoOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

QString hubspotStateName(HubSpotCheck c)
{
    switch (c) {
    case HubSpotCheck::NotConnected: return u"not_connected"_s;
    case HubSpotCheck::Checked: return u"checked"_s;
    case HubSpotCheck::Failed: return u"failed"_s;
    }
    return u"not_connected"_s;
}

// Deal stages the status mapping sends a deal to when nothing is left to do
// for it: the appointment canceled, the money paid, voided or refunded. The
// default mapping makes these closedlost and closedwon; a portal with its own
// pipeline maps its own ids. With no mapping at all, HubSpot's defaults.
QStringList closedStagesFrom(const QList<StatusMapping> &mappings)
{
    QSet<QString> closed;
    for (const StatusMapping &m : mappings) {
        if (m.action != StatusAction::DealStage || m.targetSystem != System::HubSpot || m.targetValue.isEmpty())
            continue;
        const bool canceled = m.domain == StatusDomain::Appointment
                              && m.status == Domain::toString(AppointmentStatus::Canceled);
        const bool settled = m.domain == StatusDomain::Money
                             && (m.status == Domain::toString(MoneyStatus::Paid)
                                 || m.status == Domain::toString(MoneyStatus::Voided)
                                 || m.status == Domain::toString(MoneyStatus::Refunded));
        if (canceled || settled)
            closed.insert(m.targetValue);
    }
    if (closed.isEmpty())
        closed = {u"closedwon"_s, u"closedlost"_s};
    QStringList out(closed.begin(), closed.end());
    out.sort();
    return out;
}

QString nameOrId(const QHash<QString, QString> &names, const QString &id)
{
    const QString n = names.value(id);
    return n.isEmpty() ? id : n;
}
} // namespace

QString toString(OpenItemKind kind)
{
    switch (kind) {
    case OpenItemKind::OpenInvoice: return u"open_invoice"_s;
    case OpenItemKind::OpenDeal: return u"open_deal"_s;
    case OpenItemKind::OpenTask: return u"open_task"_s;
    case OpenItemKind::Reminder: return u"reminder"_s;
    }
    return u"open_invoice"_s;
}

QList<CanceledAppointment> WeeklyFindings::canceledStillOpen() const
{
    QList<CanceledAppointment> out;
    for (const CanceledAppointment &c : canceled) {
        if (!c.items.isEmpty())
            out.append(c);
    }
    return out;
}

QJsonObject WeeklyFindings::toJson() const
{
    QJsonArray failed;
    for (const FailedSync &f : failedSyncs) {
        failed.append(QJsonObject{{u"job_id"_s, f.jobId},
                                  {u"system"_s, Domain::toString(f.system)},
                                  {u"operation"_s, f.operation},
                                  {u"entity_type"_s, f.entityType},
                                  {u"entity_id"_s, f.entityId},
                                  {u"client"_s, f.clientName},
                                  {u"error_code"_s, f.errorCode},
                                  {u"error"_s, f.errorMessage},
                                  {u"attempts"_s, f.attempts},
                                  {u"queued_at"_s, isoOrNull(f.queuedAt)},
                                  {u"failed_at"_s, isoOrNull(f.failedAt)},
                                  {u"age_seconds"_s, f.ageSeconds}});
    }
    QJsonArray dups;
    for (const NewDuplicate &d : newDuplicates) {
        dups.append(QJsonObject{{u"candidate_id"_s, d.candidateId},
                                {u"customer_a"_s, d.customerA},
                                {u"name_a"_s, d.nameA},
                                {u"customer_b"_s, d.customerB},
                                {u"name_b"_s, d.nameB},
                                {u"score_permille"_s, d.scorePermille},
                                {u"found_at"_s, isoOrNull(d.foundAt)}});
    }
    QJsonArray open;
    int invoices = 0, deals = 0, tasks = 0, reminders = 0;
    const QList<CanceledAppointment> stillOpen = canceledStillOpen();
    for (const CanceledAppointment &c : stillOpen) {
        QJsonArray items;
        for (const OpenItem &i : c.items) {
            switch (i.kind) {
            case OpenItemKind::OpenInvoice: ++invoices; break;
            case OpenItemKind::OpenDeal: ++deals; break;
            case OpenItemKind::OpenTask: ++tasks; break;
            case OpenItemKind::Reminder: ++reminders; break;
            }
            items.append(QJsonObject{{u"kind"_s, toString(i.kind)},
                                     {u"system"_s, Domain::toString(i.system)},
                                     {u"record"_s, i.recordId},
                                     {u"detail"_s, i.detail},
                                     {u"action"_s, i.action}});
        }
        open.append(QJsonObject{{u"appointment_id"_s, c.appointmentId},
                                {u"calcom_uid"_s, c.calcomUid},
                                {u"customer_id"_s, c.customerId},
                                {u"client"_s, c.clientName},
                                {u"start"_s, isoOrNull(c.startUtc)},
                                {u"time_zone"_s, c.zoneId},
                                {u"title"_s, c.title},
                                {u"items"_s, items}});
    }
    const QJsonObject counts{{u"failed_syncs"_s, int(failedSyncs.size())},
                             {u"new_duplicates"_s, int(newDuplicates.size())},
                             {u"canceled_still_open"_s, int(stillOpen.size())},
                             {u"open_invoices"_s, invoices},
                             {u"open_deals"_s, deals},
                             {u"open_tasks"_s, tasks},
                             {u"reminders"_s, reminders}};
    return QJsonObject{{u"computed_at"_s, isoOrNull(computedAt)},
                       {u"since"_s, isoOrNull(since)},
                       {u"window_start"_s, isoOrNull(windowStart)},
                       {u"hubspot"_s, QJsonObject{{u"state"_s, hubspotStateName(hubspot)}, {u"note"_s, hubspotNote}}},
                       {u"counts"_s, counts},
                       {u"failed_syncs"_s, failed},
                       {u"new_duplicates"_s, dups},
                       {u"canceled_still_open"_s, open}};
}

Result<WeeklyFindings> collectWeeklyFindings(Store::Database &db, const QDateTime &nowUtc)
{
    Store::Database &store = db; // reads only
    WeeklyFindings f;
    f.computedAt = nowUtc;
    f.windowStart = nowUtc.addDays(-kCanceledWindowDays);
    f.hubspot = HubSpotCheck::NotConnected;
    f.hubspotNote = u"not checked: HubSpot not connected"_s;

    // --- since the last weekly review -------------------------------------------
    Store::OperationsRepository ops(store);
    auto schedules = ops.reviewSchedules();
    if (!schedules)
        return std::unexpected(schedules.error());
    for (const ReviewSchedule &s : *schedules) {
        if (s.cadence == ReviewCadence::Weekly)
            f.since = s.lastCompletedAt;
    }

    // --- failed syncs, oldest first ---------------------------------------------
    Store::OutboxFilter filter;
    filter.state = JobState::Failed;
    filter.limit = kMaxFailedListed;
    auto jobs = Store::OutboxRepository(store).list(filter);
    if (!jobs)
        return std::unexpected(jobs.error());
    auto clients = Services::clientNamesForJobs(db, *jobs);
    if (!clients)
        return std::unexpected(clients.error());
    for (const OutboxJob &j : *jobs) {
        FailedSync s;
        s.jobId = j.id;
        s.system = j.targetSystem;
        s.operation = j.operation;
        s.entityType = j.entityType;
        s.entityId = j.entityId;
        s.clientName = clients->value(Services::jobClientKey(j));
        s.errorCode = j.lastErrorCode;
        s.errorMessage = j.lastErrorMessage;
        s.attempts = j.attempts;
        s.queuedAt = j.createdAt;
        s.failedAt = j.updatedAt;
        s.ageSeconds = j.createdAt.isValid() ? std::max<qint64>(0, j.createdAt.secsTo(nowUtc)) : 0;
        f.failedSyncs.append(s);
    }
    std::stable_sort(f.failedSyncs.begin(), f.failedSyncs.end(), [](const FailedSync &a, const FailedSync &b) {
        return a.queuedAt != b.queuedAt ? a.queuedAt < b.queuedAt : a.jobId < b.jobId;
    });

    // --- duplicate candidates found since -----------------------------------------
    auto candidates = Store::IdentityRepository(store).candidates(CandidateState::Open);
    if (!candidates)
        return std::unexpected(candidates.error());
    QStringList customerIds;
    for (const DuplicateCandidate &c : *candidates) {
        if (f.since.isValid() && c.foundAt <= f.since)
            continue;
        NewDuplicate d;
        d.candidateId = c.id;
        d.customerA = c.customerA;
        d.customerB = c.customerB;
        d.scorePermille = c.scorePermille;
        d.foundAt = c.foundAt;
        f.newDuplicates.append(d);
        customerIds << c.customerA << c.customerB;
    }
    QHash<QString, QString> names;
    if (!customerIds.isEmpty()) {
        customerIds.removeDuplicates();
        auto customers = Store::CustomerRepository(store).getMany(customerIds);
        if (!customers)
            return std::unexpected(customers.error());
        for (const Customer &c : *customers)
            names.insert(c.id, c.displayName);
    }
    for (NewDuplicate &d : f.newDuplicates) {
        d.nameA = nameOrId(names, d.customerA);
        d.nameB = nameOrId(names, d.customerB);
    }
    std::stable_sort(f.newDuplicates.begin(), f.newDuplicates.end(), [](const NewDuplicate &a, const NewDuplicate &b) {
        return a.foundAt != b.foundAt ? a.foundAt > b.foundAt : a.candidateId > b.candidateId;
    });

    // --- canceled appointments in the window --------------------------------------
    auto rules = Store::RulesRepository(store).statusMappings();
    if (!rules)
        return std::unexpected(rules.error());
    f.closedDealStages = closedStagesFrom(*rules);

    auto appts = db.select<CanceledAppointment>(
        u"SELECT a.id, COALESCE(a.calcom_uid, ''), a.customer_id, c.display_name, a.start_at, a.time_zone, a.title "
        "FROM appointments a JOIN customers c ON c.id = a.customer_id "
        "WHERE a.status = ? AND a.start_at >= ? ORDER BY a.start_at, a.id"_s,
        {Domain::toString(AppointmentStatus::Canceled), Store::Sql::fromDateTime(f.windowStart)},
        [](const QSqlQuery &q) {
            CanceledAppointment c;
            c.appointmentId = q.value(0).toLongLong();
            c.calcomUid = q.value(1).toString();
            c.customerId = q.value(2).toString();
            c.clientName = q.value(3).toString();
            c.startUtc = Store::Sql::toDateTime(q.value(4));
            c.zoneId = q.value(5).toString();
            c.title = q.value(6).toString();
            return c;
        });
    if (!appts)
        return std::unexpected(appts.error());
    f.canceled = *appts;
    if (f.canceled.isEmpty())
        return f;

    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < f.canceled.size(); ++i)
        index.insert(f.canceled.at(i).appointmentId, i);

    // Open invoices billing a canceled session.
    struct InvoiceRow {
        qint64 appointmentId = 0;
        qint64 invoiceId = 0;
        QString docNumber;
        QString quickbooksId;
        qint64 balanceMinor = 0;
        QString currency;
        QString status;
    };
    auto invoices = db.select<InvoiceRow>(
        u"SELECT DISTINCT l.appointment_id, i.id, i.doc_number, COALESCE(i.quickbooks_id, ''), i.balance_minor, "
        "i.currency, i.status FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id "
        "JOIN appointments a ON a.id = l.appointment_id "
        "WHERE a.status = ? AND a.start_at >= ? AND i.balance_minor > 0 AND i.status NOT IN (?, ?) "
        "ORDER BY l.appointment_id, i.id"_s,
        {Domain::toString(AppointmentStatus::Canceled), Store::Sql::fromDateTime(f.windowStart),
         Domain::toString(MoneyStatus::Voided), Domain::toString(MoneyStatus::Refunded)},
        [](const QSqlQuery &q) {
            return InvoiceRow{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                              q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toString(),
                              q.value(6).toString()};
        });
    if (!invoices)
        return std::unexpected(invoices.error());
    for (const InvoiceRow &r : *invoices) {
        const auto at = index.constFind(r.appointmentId);
        if (at == index.constEnd())
            continue;
        const auto balance = Money::fromMinor(r.balanceMinor, r.currency);
        const QString name = r.docNumber.isEmpty() ? u"#%1"_s.arg(r.invoiceId) : r.docNumber;
        OpenItem item;
        item.kind = OpenItemKind::OpenInvoice;
        item.system = System::QuickBooks;
        item.recordId = r.quickbooksId.isEmpty() ? name : u"%1 (QuickBooks %2)"_s.arg(name, r.quickbooksId);
        item.detail = u"balance %1, %2"_s.arg(balance ? balance->toString() : QString::number(r.balanceMinor),
                                             r.status);
        item.action = u"In QuickBooks, void invoice %1 or remove the canceled session's line (credit memo if it was "
                      "paid) — unless a late-cancellation fee is owed, then note that here"_s.arg(name);
        f.canceled[*at].items.append(item);
    }

    // Pending follow-up task jobs: they would still notify someone.
    auto pending = db.select<std::pair<qint64, QString>>(
        u"SELECT id, entity_id FROM outbox_jobs WHERE entity_type = ? AND operation = ? AND state IN (?, ?) "
        "ORDER BY id"_s,
        {u"appointment"_s, Sync::Jobs::HubSpotTaskCreate.toString(), Domain::toString(JobState::Pending),
         Domain::toString(JobState::InFlight)},
        [](const QSqlQuery &q) { return std::pair<qint64, QString>(q.value(0).toLongLong(), q.value(1).toString()); });
    if (!pending)
        return std::unexpected(pending.error());
    for (const auto &[jobId, entityId] : *pending) {
        const auto at = index.constFind(entityId.toLongLong());
        if (at == index.constEnd())
            continue;
        OpenItem item;
        item.kind = OpenItemKind::Reminder;
        item.system = System::HubSpot;
        item.recordId = u"job/%1"_s.arg(jobId);
        item.detail = u"a follow-up task is still queued for HubSpot"_s;
        item.action = u"Dismiss job %1 in the retry queue: it would create a follow-up task for a canceled "
                      "appointment"_s.arg(jobId);
        f.canceled[*at].items.append(item);
    }

    // The HubSpot records Concord made for each, for checkHubSpot().
    Store::SyncStateRepository state(store);
    for (CanceledAppointment &c : f.canceled) {
        auto refs = state.refsFor(u"appointment"_s, QString::number(c.appointmentId));
        if (!refs)
            return std::unexpected(refs.error());
        for (const RemoteRef &r : *refs) {
            if (r.system != System::HubSpot)
                continue;
            if (r.kind == u"deal"_s)
                c.dealId = r.remoteId;
            else if (r.kind.startsWith(u"task/"_s))
                c.taskIds << r.remoteId;
        }
        c.taskIds.sort();
    }
    qCDebug(lcReview) << f.failedSyncs.size() << "failed syncs," << f.newDuplicates.size()
                            << "new duplicates," << f.canceled.size() << "canceled appointments in the window";
    return f;
}

namespace {

struct LiveCheck {
    WeeklyFindings findings;
    struct Read {
        qsizetype appointment = 0;
        bool isDeal = true;
        QString id;
    };
    QList<Read> reads;
    qsizetype next = 0;
    QPromise<WeeklyFindings> promise;
    QPointer<HubSpot::HubSpotClient> client;
};

void finish(const std::shared_ptr<LiveCheck> &s)
{
    s->promise.addResult(s->findings);
    s->promise.finish();
}

void checkNext(const std::shared_ptr<LiveCheck> &s)
{
    if (s->next >= s->reads.size() || !s->client) {
        if (!s->client && s->next < s->reads.size()) {
            s->findings.hubspot = HubSpotCheck::Failed;
            s->findings.hubspotNote = u"HubSpot check stopped: the connection went away"_s;
        }
        finish(s);
        return;
    }
    const LiveCheck::Read read = s->reads.at(s->next++);
    const QString type = read.isDeal ? u"deals"_s : u"tasks"_s;
    const QStringList props = read.isDeal ? QStringList{u"dealname"_s, u"dealstage"_s, u"pipeline"_s}
                                          : QStringList{u"hs_task_subject"_s, u"hs_task_status"_s,
                                                        u"hs_task_reminders"_s};
    s->client->object(type, read.id, props)
        .then(s->client.data(), [s, read](Result<HubSpot::CrmObject> answer) {
            CanceledAppointment &c = s->findings.canceled[read.appointment];
            if (!answer) {
                if (answer.error().code == ErrorCode::NotFound) {
                    checkNext(s); // gone from HubSpot: nothing left open there
                    return;
                }
                s->findings.hubspot = HubSpotCheck::Failed;
                s->findings.hubspotNote = u"HubSpot check incomplete: %1"_s.arg(answer.error().message);
                qCInfo(lcReview) << "HubSpot check stopped at" << read.id << "-" << answer.error().message;
                finish(s);
                return;
            }
            if (answer->archived) {
                checkNext(s);
                return;
            }
            if (read.isDeal) {
                const QString stage = answer->value(u"dealstage"_s);
                if (!s->findings.closedDealStages.contains(stage)) {
                    OpenItem item;
                    item.kind = OpenItemKind::OpenDeal;
                    item.system = System::HubSpot;
                    item.recordId = read.id;
                    item.detail = u"\"%1\" in stage %2"_s.arg(answer->value(u"dealname"_s), stage);
                    item.action = u"In HubSpot, move deal %1 to %2 (the status mapping's stage for a canceled "
                                  "appointment), or retry its sync"_s.arg(read.id,
                                                                           s->findings.closedDealStages.join(u" or "_s));
                    c.items.append(item);
                }
            } else {
                const QString status = answer->value(u"hs_task_status"_s);
                if (status != u"COMPLETED"_s) {
                    const bool reminder = !answer->value(u"hs_task_reminders"_s).isEmpty();
                    OpenItem item;
                    item.kind = reminder ? OpenItemKind::Reminder : OpenItemKind::OpenTask;
                    item.system = System::HubSpot;
                    item.recordId = read.id;
                    item.detail = reminder ? u"\"%1\", %2, reminder set"_s.arg(answer->value(u"hs_task_subject"_s),
                                                                              status)
                                           : u"\"%1\", %2"_s.arg(answer->value(u"hs_task_subject"_s), status);
                    item.action = reminder ? u"In HubSpot, complete task %1 (its reminder would still fire)"_s.arg(read.id)
                                           : u"In HubSpot, complete or delete task %1"_s.arg(read.id);
                    c.items.append(item);
                }
            }
            checkNext(s);
        });
}

} // namespace

QFuture<WeeklyFindings> checkHubSpot(WeeklyFindings findings, HubSpot::HubSpotClient *client)
{
    auto s = std::make_shared<LiveCheck>();
    s->findings = std::move(findings);
    s->client = client;
    QFuture<WeeklyFindings> future = s->promise.future();
    s->promise.start();
    if (!client) {
        s->findings.hubspot = HubSpotCheck::NotConnected;
        s->findings.hubspotNote = u"not checked: HubSpot not connected"_s;
        finish(s);
        return future;
    }
    for (qsizetype i = 0; i < s->findings.canceled.size(); ++i) {
        const CanceledAppointment &c = s->findings.canceled.at(i);
        if (!c.dealId.isEmpty())
            s->reads.append({i, true, c.dealId});
        for (const QString &t : c.taskIds)
            s->reads.append({i, false, t});
    }
    s->findings.hubspot = HubSpotCheck::Checked;
    s->findings.hubspotNote = u"checked %1 HubSpot records live"_s.arg(s->reads.size());
    checkNext(s);
    return future;
}

} // namespace Concord::Review
