#include "review/reconciliation.h"
#include "review/agingreport.h"
#include "common/logging.h"

#include "billing/billingrules.h"
#include "billing/invoiceplan.h"
#include "connectors/hubspot/crmrecords.h"
#include "connectors/hubspot/hubspotclient.h"
#include "connectors/quickbooks/invoice.h"
#include "connectors/quickbooks/quickbooksclient.h"
#include "domain/system.h"
#include "security/auditlog.h"
#include "store/appointmentrepository.h"
#include "store/database.h"
#include "store/operationsrepository.h"
#include "store/outboxrepository.h"
#include "store/rulesrepository.h"
#include "sync/changeapplier.h"
#include "sync/jobs.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QPromise>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <map>
#include <memory>

using namespace Qt::StringLiterals;

namespace Concord::Review {

namespace {

using Domain::AppointmentStatus;
using Domain::Money;
using Domain::MoneyStatus;

// IN lists are chunked: SQLite's default limit of bound parameters is
// 32766, PostgreSQL's 65535; 500 keeps statements small on both.
constexpr int kChunk = 500;

bool isLive(MoneyStatus s)
{
    return s != MoneyStatus::Voided && s != MoneyStatus::Refunded;
}

// The month [from, to) as UTC instants: midnight local on the 1st to
// midnight local on the next 1st (a DST change inside the month is handled
// by QTimeZone; a session at 00:30 local on the 1st belongs to that month).
std::pair<QDateTime, QDateTime> monthBounds(const QDate &first, const QTimeZone &zone)
{
    const QDateTime from(first, QTime(0, 0), zone);
    const QDateTime to(first.addMonths(1), QTime(0, 0), zone);
    return {from.toUTC(), to.toUTC()};
}

struct Job {
    qint64 id = 0;
    QString state;
    QString error;
};

// The month's totals, kept per currency code.
struct TotalsBook {
    std::map<QString, CurrencyTotals> byCurrency;
    CurrencyTotals &of(const QString &currency)
    {
        auto it = byCurrency.find(currency);
        if (it == byCurrency.end()) {
            CurrencyTotals t;
            t.currency = currency;
            t.booked = t.invoicedForSessions = t.invoiced = t.collected = t.deals = Money::zero(currency);
            it = byCurrency.emplace(currency, t).first;
        }
        return it->second;
    }
    Status add(Money CurrencyTotals::*field, const Money &amount)
    {
        if (!amount.isValid())
            return {};
        CurrencyTotals &t = of(amount.currency());
        auto sum = (t.*field).add(amount);
        if (!sum)
            return std::unexpected(sum.error());
        t.*field = *sum;
        return {};
    }
};

Money moneyOr(qint64 minor, const QString &currency)
{
    auto m = Money::fromMinor(minor, currency);
    return m ? *m : Money();
}

QString fmt(const Money &m)
{
    return m.isValid() ? m.toString() : u"–"_s;
}

// Whether QuickBooks' current version of an invoice is one Concord wrote or
// read back itself (sync_echoes): otherwise someone changed it in QuickBooks.
Result<bool> editedOutsideConcord(Store::Database &db, const QString &quickbooksId, const QString &syncToken)
{
    if (quickbooksId.isEmpty() || syncToken.isEmpty())
        return false;
    auto hit = db.scalar(u"SELECT COUNT(*) FROM sync_echoes WHERE system = ? AND entity_type = ? AND remote_id = ? "
                         "AND version = ?"_s,
                         {Domain::toString(Domain::System::QuickBooks), u"Invoice"_s, quickbooksId, syncToken});
    if (!hit)
        return std::unexpected(hit.error());
    return hit->toLongLong() == 0;
}

} // namespace

QString toString(MismatchKind kind)
{
    switch (kind) {
    case MismatchKind::SessionNotInvoiced: return u"session_not_invoiced"_s;
    case MismatchKind::InvoicedAmountDiffers: return u"invoiced_amount_differs"_s;
    case MismatchKind::InvoiceForCanceledSession: return u"invoice_for_canceled_session"_s;
    case MismatchKind::DealStageBehind: return u"deal_stage_behind"_s;
    case MismatchKind::DealAmountDiffers: return u"deal_amount_differs"_s;
    case MismatchKind::DealMissing: return u"deal_missing"_s;
    case MismatchKind::CanceledDealOpen: return u"canceled_deal_open"_s;
    case MismatchKind::PaymentUnapplied: return u"payment_unapplied"_s;
    case MismatchKind::InvoiceNotLinked: return u"invoice_not_linked"_s;
    }
    return {};
}

QString describe(MismatchKind kind)
{
    switch (kind) {
    case MismatchKind::SessionNotInvoiced: return u"Session not invoiced"_s;
    case MismatchKind::InvoicedAmountDiffers: return u"Invoiced amount ≠ session price"_s;
    case MismatchKind::InvoiceForCanceledSession: return u"Invoice for a canceled session"_s;
    case MismatchKind::DealStageBehind: return u"Deal stage behind"_s;
    case MismatchKind::DealAmountDiffers: return u"Deal amount ≠ session price"_s;
    case MismatchKind::DealMissing: return u"Deal missing"_s;
    case MismatchKind::CanceledDealOpen: return u"Canceled session's deal still open"_s;
    case MismatchKind::PaymentUnapplied: return u"Payment not applied"_s;
    case MismatchKind::InvoiceNotLinked: return u"Invoice not linked to a session"_s;
    }
    return {};
}

QString toString(FixKind kind)
{
    switch (kind) {
    case FixKind::None: return u"none"_s;
    case FixKind::RepushDeal: return u"repush_deal"_s;
    case FixKind::CreateInvoice: return u"create_invoice"_s;
    case FixKind::RetryJob: return u"retry_job"_s;
    }
    return {};
}

const Mismatch *ReconciliationReport::mismatch(const QString &key) const
{
    for (const Mismatch &m : mismatches)
        if (m.key == key)
            return &m;
    return nullptr;
}

bool roleMayFix(Domain::Role role, FixKind fix)
{
    using Security::Permission;
    switch (fix) {
    case FixKind::None: return false;
    case FixKind::RepushDeal:
        return Security::roleHas(role, Permission::EditBookings) || Security::roleHas(role, Permission::ManageRetryQueue);
    case FixKind::CreateInvoice: return Security::roleHas(role, Permission::EditBilling);
    case FixKind::RetryJob: return Security::roleHas(role, Permission::ManageRetryQueue);
    }
    return false;
}

Status authorizeFix(const Security::Actor &actor, FixKind fix)
{
    using Security::Permission;
    switch (fix) {
    case FixKind::None:
        return fail(ErrorCode::InvalidArgument, u"this mismatch has no automatic fix"_s);
    case FixKind::RepushDeal:
        // A deal carries booking data (office manager) and is what the retry
        // queue re-sends (its managers): either may push it again.
        if (auto ok = Security::authorize(actor, Permission::EditBookings); ok)
            return ok;
        return Security::authorize(actor, Permission::ManageRetryQueue);
    case FixKind::CreateInvoice:
        return Security::authorize(actor, Permission::EditBilling);
    case FixKind::RetryJob:
        return Security::authorize(actor, Permission::ManageRetryQueue);
    }
    return fail(ErrorCode::InvalidArgument, u"unknown fix"_s);
}

Result<QHash<qint64, QString>> dealLinks(Store::Database &db, const ReconciliationOptions &options)
{
    const QTimeZone zone(options.businessTimeZone.toUtf8());
    if (!zone.isValid())
        return fail(ErrorCode::InvalidArgument, u"unknown time zone '%1'"_s.arg(options.businessTimeZone));
    const QDate first(options.month.year(), options.month.month(), 1);
    const auto [from, to] = monthBounds(first, zone);
    auto ids = db.select<QString>(u"SELECT id FROM appointments WHERE start_at >= ? AND start_at < ?"_s,
                                  {from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch()},
                                  [](const QSqlQuery &q) { return q.value(0).toString(); });
    if (!ids)
        return std::unexpected(ids.error());
    QHash<qint64, QString> links;
    for (qsizetype at = 0; at < ids->size(); at += kChunk) {
        const QStringList chunk = ids->mid(at, kChunk);
        QVariantList binds{u"appointment"_s, Domain::toString(Domain::System::HubSpot), u"deal"_s};
        for (const QString &id : chunk)
            binds << id;
        auto rows = db.select<std::pair<qint64, QString>>(
            u"SELECT entity_id, remote_id FROM remote_refs WHERE entity_type = ? AND system = ? AND kind = ? "
            "AND entity_id IN ("_s + Store::Database::placeholders(int(chunk.size())) + u')',
            binds, [](const QSqlQuery &q) { return std::pair{q.value(0).toString().toLongLong(), q.value(1).toString()}; });
        if (!rows)
            return std::unexpected(rows.error());
        for (const auto &[appt, deal] : std::as_const(*rows))
            links.insert(appt, deal);
    }
    return links;
}

Result<ReconciliationReport> reconcile(Store::Database &db, const Clock &clock, const ReconciliationOptions &options,
                                       const std::optional<QHash<qint64, DealSnapshot>> &deals)
{
    const QTimeZone zone(options.businessTimeZone.toUtf8());
    if (!zone.isValid())
        return fail(ErrorCode::InvalidArgument, u"unknown time zone '%1'"_s.arg(options.businessTimeZone));
    if (!options.month.isValid())
        return fail(ErrorCode::InvalidArgument, u"no month to reconcile"_s);

    ReconciliationReport report;
    report.month = QDate(options.month.year(), options.month.month(), 1);
    report.timeZone = options.businessTimeZone;
    std::tie(report.fromUtc, report.toUtc) = monthBounds(report.month, zone);
    report.generatedAt = clock.nowUtc();
    report.dealsRead = deals.has_value();
    const QDate lastDay = report.month.addMonths(1).addDays(-1);
    const QDate today = report.generatedAt.toTimeZone(zone).date();
    const QVariant fromMs = report.fromUtc.toMSecsSinceEpoch();
    const QVariant toMs = report.toUtc.toMSecsSinceEpoch();
    const QVariant firstText = Store::Sql::fromDate(report.month);
    const QVariant lastText = Store::Sql::fromDate(lastDay);

    Store::OperationsRepository ops(db, clock);
    if (auto cursor = ops.cursor(Domain::System::QuickBooks, u"cdc"_s); !cursor)
        return std::unexpected(cursor.error());
    else if (cursor->has_value())
        report.billingSyncedAt = QDateTime::fromString((*cursor)->value, Qt::ISODateWithMs);

    // --- rules the invoice plan prices with --------------------------------
    Store::AppointmentRepository appointments(db, clock);
    Store::RulesRepository rulesRepo(db, clock);
    auto services = appointments.allServices();
    if (!services)
        return std::unexpected(services.error());
    QHash<qint64, Domain::Service> serviceById;
    for (const Domain::Service &s : std::as_const(*services))
        serviceById.insert(s.id, s);
    auto policies = rulesRepo.invoicePolicies();
    if (!policies)
        return std::unexpected(policies.error());
    const QList<Domain::InvoicePolicy> allPolicies = Billing::withBuiltInDefault(*policies, options.currency);
    auto tax = rulesRepo.taxRules();
    if (!tax)
        return std::unexpected(tax.error());
    auto discounts = rulesRepo.discountRules();
    if (!discounts)
        return std::unexpected(discounts.error());
    const Billing::BillingRules billingRules{*tax, *discounts};

    // --- the month's sessions ------------------------------------------------
    struct Appt {
        qint64 id;
        QString customerId, customerName, timeZone, status;
        qint64 startMs;
        int minutes;
        qint64 serviceId;
    };
    auto appts = db.select<Appt>(
        u"SELECT a.id, a.customer_id, COALESCE(c.display_name, ''), a.time_zone, a.status, a.start_at, "
        "a.duration_minutes, COALESCE(a.service_id, 0) FROM appointments a LEFT JOIN customers c ON c.id = a.customer_id "
        "WHERE a.start_at >= ? AND a.start_at < ? ORDER BY a.start_at, a.id"_s,
        {fromMs, toMs}, [](const QSqlQuery &q) {
            return Appt{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                        q.value(4).toString(), q.value(5).toLongLong(), q.value(6).toInt(), q.value(7).toLongLong()};
        });
    if (!appts)
        return std::unexpected(appts.error());
    report.sessionCount = int(appts->size());

    QList<ReconciliationRow> rows;
    rows.reserve(appts->size());
    QHash<qint64, qsizetype> rowOf;
    QList<Billing::Session> sessions;
    for (const Appt &a : std::as_const(*appts)) {
        ReconciliationRow row;
        SessionSide &s = row.session;
        s.appointmentId = a.id;
        s.startUtc = QDateTime::fromMSecsSinceEpoch(a.startMs, QTimeZone::utc());
        s.timeZone = a.timeZone;
        s.customerId = a.customerId;
        s.customerName = a.customerName;
        auto status = Domain::parseAppointmentStatus(a.status);
        s.status = status ? *status : AppointmentStatus::Booked;
        const Domain::Service svc = serviceById.value(a.serviceId);
        s.serviceName = svc.name;
        if (s.status != AppointmentStatus::Canceled && svc.rateMinor > 0) {
            Billing::Session b;
            b.appointmentId = QString::number(a.id);
            b.customerId = a.customerId;
            b.serviceId = svc.id;
            b.serviceName = svc.name;
            b.itemRef = svc.quickbooksItemId;
            b.serviceDate = s.startUtc.toTimeZone(zone).date();
            b.minutes = a.minutes;
            b.location = svc.location;
            b.hourlyRate = moneyOr(svc.rateMinor, svc.currency);
            if (b.hourlyRate.isValid())
                sessions.append(b);
        }
        rowOf.insert(a.id, rows.size());
        rows.append(row);
    }

    // Priced as the invoice plan prices them (today's rates and rules). A
    // plan that cannot be made as a whole (mixed currencies on one monthly
    // invoice) is made session by session: the line prices are the same.
    QHash<qint64, Billing::PlannedLine> plannedLine;
    QHash<qint64, Billing::PlannedInvoice> planOf;
    auto takePlans = [&](const QList<Billing::PlannedInvoice> &plans) {
        for (const Billing::PlannedInvoice &p : plans)
            for (const Billing::PlannedLine &l : p.lines) {
                plannedLine.insert(l.appointmentId.toLongLong(), l);
                planOf.insert(l.appointmentId.toLongLong(), p);
            }
    };
    if (auto plans = Billing::planInvoices(sessions, allPolicies, billingRules); plans) {
        takePlans(*plans);
    } else {
        qCInfo(lcReview) << "whole-month plan failed, pricing sessions one by one:" << plans.error().message;
        for (const Billing::Session &one : std::as_const(sessions))
            if (auto p = Billing::planInvoices({one}, allPolicies, billingRules); p)
                takePlans(*p);
    }

    // --- QuickBooks mirror: the sessions' invoice lines -----------------------
    struct LineRow {
        qint64 appointmentId, amountMinor, rateMinor;
        InvoiceSide invoice;
        QString currency;
    };
    auto parseInvoice = [](const QSqlQuery &q, int at) {
        InvoiceSide inv;
        inv.invoiceId = q.value(at).toLongLong();
        inv.quickbooksId = q.value(at + 1).toString();
        inv.docNumber = q.value(at + 2).toString();
        inv.txnDate = Store::Sql::toDate(q.value(at + 3));
        const QString currency = q.value(at + 4).toString();
        inv.total = moneyOr(q.value(at + 5).toLongLong(), currency);
        inv.balance = moneyOr(q.value(at + 6).toLongLong(), currency);
        inv.paid = Money::zero(currency);
        auto st = Domain::parseMoneyStatus(q.value(at + 7).toString());
        inv.status = st ? *st : MoneyStatus::Invoiced;
        inv.syncToken = q.value(at + 8).toString();
        return inv;
    };
    const QString invoiceColumns =
        u"i.id, i.quickbooks_id, i.doc_number, i.txn_date, i.currency, i.total_minor, i.balance_minor, i.status, i.sync_token"_s;
    auto lines = db.select<LineRow>(
        u"SELECT l.appointment_id, l.amount_minor, l.rate_minor, "_s + invoiceColumns
            + u" FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id JOIN appointments a ON a.id = l.appointment_id"
              " WHERE a.start_at >= ? AND a.start_at < ? ORDER BY l.appointment_id, i.id, l.line_number"_s,
        {fromMs, toMs}, [&](const QSqlQuery &q) {
            LineRow r{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), parseInvoice(q, 3), {}};
            r.currency = r.invoice.total.currency();
            return r;
        });
    if (!lines)
        return std::unexpected(lines.error());

    // Month invoices (by QuickBooks date) and how many session lines each has.
    struct MonthInvoice {
        InvoiceSide invoice;
        QString customerId, customerName;
        qint64 sessionLines = 0;
    };
    auto monthInvoices = db.select<MonthInvoice>(
        u"SELECT "_s + invoiceColumns
            + u", i.customer_id, COALESCE(c.display_name, ''), (SELECT COUNT(*) FROM invoice_lines l WHERE l.invoice_id = i.id "
              "AND l.appointment_id IS NOT NULL) FROM invoices i LEFT JOIN customers c ON c.id = i.customer_id "
              "WHERE i.txn_date >= ? AND i.txn_date <= ? ORDER BY i.txn_date, i.id"_s,
        {firstText, lastText}, [&](const QSqlQuery &q) {
            return MonthInvoice{parseInvoice(q, 0), q.value(9).toString(), q.value(10).toString(), q.value(11).toLongLong()};
        });
    if (!monthInvoices)
        return std::unexpected(monthInvoices.error());

    // What was applied to those invoices (collected).
    QHash<qint64, qint64> paidMinor;
    {
        auto paid = db.select<std::pair<qint64, qint64>>(
            u"SELECT pa.invoice_id, SUM(pa.amount_minor) FROM payment_applications pa WHERE pa.invoice_id IN "
            "(SELECT id FROM invoices WHERE txn_date >= ? AND txn_date <= ?) OR pa.invoice_id IN "
            "(SELECT l.invoice_id FROM invoice_lines l JOIN appointments a ON a.id = l.appointment_id "
            "WHERE a.start_at >= ? AND a.start_at < ?) GROUP BY pa.invoice_id"_s,
            {firstText, lastText, fromMs, toMs},
            [](const QSqlQuery &q) { return std::pair{q.value(0).toLongLong(), q.value(1).toLongLong()}; });
        if (!paid)
            return std::unexpected(paid.error());
        for (const auto &[inv, minor] : std::as_const(*paid))
            paidMinor.insert(inv, minor);
    }
    auto withPaid = [&](InvoiceSide inv) {
        if (inv.total.isValid())
            inv.paid = moneyOr(paidMinor.value(inv.invoiceId), inv.total.currency());
        return inv;
    };

    // Each session's invoice: the live one (the newest when several), else the newest.
    {
        QHash<qint64, InvoiceSide> chosen;
        QHash<qint64, QHash<qint64, std::pair<qint64, qint64>>> sums; // appt → invoice → (amount, first rate)
        for (const LineRow &l : std::as_const(*lines)) {
            auto &perInvoice = sums[l.appointmentId];
            auto it = perInvoice.find(l.invoice.invoiceId);
            if (it == perInvoice.end())
                perInvoice.insert(l.invoice.invoiceId, {l.amountMinor, l.rateMinor});
            else
                it->first += l.amountMinor;
            auto c = chosen.find(l.appointmentId);
            const bool better = c == chosen.end() || (isLive(l.invoice.status) && !isLive(c->status))
                || (isLive(l.invoice.status) == isLive(c->status) && l.invoice.invoiceId > c->invoiceId);
            if (better)
                chosen.insert(l.appointmentId, l.invoice);
        }
        for (auto it = chosen.cbegin(); it != chosen.cend(); ++it) {
            const qsizetype at = rowOf.value(it.key(), -1);
            if (at < 0)
                continue;
            InvoiceSide inv = withPaid(it.value());
            const auto [amount, rate] = sums.value(it.key()).value(inv.invoiceId);
            inv.sessionLines = moneyOr(amount, inv.total.currency());
            inv.lineRate = moneyOr(rate, inv.total.currency());
            rows[at].invoice = inv;
        }
    }

    // --- outbox: what is waiting or failed for these records -----------------
    QHash<QString, Job> jobFor; // "<operation>|<entity type>/<entity id>" → newest unfinished job
    {
        auto jobs = db.select<std::pair<QString, Job>>(
            u"SELECT id, operation, entity_type, entity_id, state, last_error_message FROM outbox_jobs "
            "WHERE state IN ('pending', 'in_flight', 'failed') AND operation IN (?, ?, ?) ORDER BY id"_s,
            {Sync::Jobs::HubSpotDealUpsert.toString(), Sync::Jobs::QboInvoiceCreate.toString(),
             Sync::Jobs::QboInvoiceVoid.toString()},
            [](const QSqlQuery &q) {
                return std::pair{q.value(1).toString() + u'|' + q.value(2).toString() + u'/' + q.value(3).toString(),
                                 Job{q.value(0).toLongLong(), q.value(4).toString(), q.value(5).toString()}};
            });
        if (!jobs)
            return std::unexpected(jobs.error());
        for (const auto &[key, job] : std::as_const(*jobs))
            jobFor.insert(key, job);
    }
    auto jobOf = [&](QStringView op, const QString &entity) -> std::optional<Job> {
        auto it = jobFor.constFind(op.toString() + u'|' + entity);
        if (it == jobFor.cend())
            return std::nullopt;
        return *it;
    };

    // Invoice jobs that finished (succeeded or dismissed), by idempotency
    // key: read once, and only when a session turns out not invoiced.
    std::optional<QHash<QString, Job>> finishedInvoiceJobs;
    auto finishedInvoiceJob = [&](const QString &key) -> Result<Job> {
        if (!finishedInvoiceJobs) {
            auto rows = db.select<std::pair<QString, Job>>(
                u"SELECT idempotency_key, id, state FROM outbox_jobs WHERE operation = ? "
                "AND state IN ('succeeded', 'dismissed')"_s,
                {Sync::Jobs::QboInvoiceCreate.toString()}, [](const QSqlQuery &q) {
                    return std::pair{q.value(0).toString(), Job{q.value(1).toLongLong(), q.value(2).toString(), {}}};
                });
            if (!rows)
                return std::unexpected(rows.error());
            finishedInvoiceJobs.emplace();
            for (const auto &[k, job] : std::as_const(*rows))
                finishedInvoiceJobs->insert(k, job);
        }
        return finishedInvoiceJobs->value(key);
    };

    TotalsBook totals;
    QList<Mismatch> found;
    auto add = [&](Mismatch m, const QString &entity) {
        m.key = toString(m.kind) + u'/' + entity;
        found.append(std::move(m));
    };
    // A waiting or failed job explains a mismatch and decides the fix.
    auto fromJob = [](Mismatch &m, const Job &job, const QString &what) {
        m.jobId = job.id;
        if (job.state == u"failed"_s) {
            m.cause = u"%1 failed and waits in the retry queue (job %2): %3"_s.arg(what).arg(job.id).arg(job.error);
            m.fix = FixKind::RetryJob;
            m.fixText = u"Retry job %1 now."_s.arg(job.id);
        } else {
            m.cause = u"%1 is waiting in the queue (job %2)"_s.arg(what).arg(job.id);
            m.manualFix = u"Nothing to do: the job goes out with the next sync. If it stays, check the connection "
                          "and the retry queue."_s;
        }
    };

    // --- sessions × invoices ------------------------------------------------
    for (ReconciliationRow &row : rows) {
        SessionSide &s = row.session;
        const qint64 id = s.appointmentId;
        const QString entity = u"appointment/"_s + QString::number(id);
        if (plannedLine.contains(id)) {
            s.price = plannedLine.value(id).amount;
            s.planKey = planOf.value(id).key;
        }
        const bool canceled = s.status == AppointmentStatus::Canceled;
        const bool hasInvoice = row.invoice.invoiceId != 0;
        if (!canceled && s.price) {
            if (auto ok = totals.add(&CurrencyTotals::booked, *s.price); !ok)
                return std::unexpected(ok.error());
        }
        if (!canceled && hasInvoice && isLive(row.invoice.status) && row.invoice.sessionLines) {
            if (auto ok = totals.add(&CurrencyTotals::invoicedForSessions, *row.invoice.sessionLines); !ok)
                return std::unexpected(ok.error());
        }

        if (!canceled && !hasInvoice && s.status == AppointmentStatus::Completed && s.price) {
            const Billing::PlannedInvoice plan = planOf.value(id);
            // A monthly invoice is issued once its month is over: not due yet.
            if (plan.mode == Domain::InvoiceMode::MonthlySummary && plan.txnDate >= today)
                continue;
            Mismatch m;
            m.kind = MismatchKind::SessionNotInvoiced;
            m.session = s;
            const QString planEntity = u"invoice-plan/"_s + plan.key;
            if (auto job = jobOf(Sync::Jobs::QboInvoiceCreate, planEntity)) {
                fromJob(m, *job, u"The invoice"_s);
            } else {
                auto finished = finishedInvoiceJob(u"quickbooks/invoice/"_s + plan.key);
                if (!finished)
                    return std::unexpected(finished.error());
                if (finished->id != 0 && finished->state == u"dismissed"_s) {
                    m.jobId = finished->id;
                    m.cause = u"the invoice job was dismissed in the retry queue (job %1)"_s.arg(finished->id);
                    m.manualFix = u"If the session should be billed, retry job %1 from the retry queue."_s.arg(
                        finished->id);
                } else if (finished->id != 0) {
                    m.jobId = finished->id;
                    m.cause = u"Concord created the invoice (job %1), and it was later deleted in QuickBooks"_s.arg(
                        finished->id);
                    m.manualFix = u"Find out why the invoice was deleted. To bill the session again, create the invoice "
                                  "in QuickBooks by hand (Concord links it on the next sync)."_s;
                } else if (plannedLine.value(id).itemRef.isEmpty()) {
                    m.cause = u"the service '%1' has no QuickBooks item, so Concord cannot invoice it"_s.arg(s.serviceName);
                    m.manualFix = u"Link the service to a QuickBooks item (service mapping), then reconcile again."_s;
                } else {
                    m.cause = u"the billing pass has not run since the session ended (sync paused or stopped)"_s;
                    m.fix = FixKind::CreateInvoice;
                    m.fixText = u"Run the billing pass now: it queues the invoice '%1' the way the sync engine does."_s.arg(
                        plan.key);
                }
            }
            add(m, entity);
        } else if (!canceled && hasInvoice && isLive(row.invoice.status) && s.price && row.invoice.sessionLines
                   && *row.invoice.sessionLines != *s.price) {
            Mismatch m;
            m.kind = MismatchKind::InvoicedAmountDiffers;
            m.session = s;
            m.invoice = row.invoice;
            const Billing::PlannedLine planned = plannedLine.value(id);
            auto edited = editedOutsideConcord(db, row.invoice.quickbooksId, row.invoice.syncToken);
            if (!edited)
                return std::unexpected(edited.error());
            if (row.invoice.lineRate.isValid() && row.invoice.lineRate != planned.rate)
                m.cause = u"rate changed after booking: invoiced at %1, the service's rate now gives %2"_s.arg(
                    fmt(row.invoice.lineRate), fmt(planned.rate));
            else if (*edited)
                m.cause = u"invoice edited in QuickBooks (its current version was not written by Concord)"_s;
            else
                m.cause = u"the session changed (length or service) after it was invoiced"_s;
            if (!row.invoice.paid.isZero())
                m.manualFix = u"Money was already collected on invoice %1: settle the difference in QuickBooks (a credit "
                              "memo, or a new invoice for the rest). Concord never edits a paid invoice."_s.arg(
                                  row.invoice.docNumber);
            else
                m.manualFix = u"Correct the line on invoice %1 in QuickBooks (or void it: Concord then invoices the session "
                              "again at today's price)."_s.arg(row.invoice.docNumber);
            add(m, entity);
        } else if (canceled && hasInvoice && isLive(row.invoice.status) && row.invoice.sessionLines
                   && !row.invoice.sessionLines->isZero()) {
            Mismatch m;
            m.kind = MismatchKind::InvoiceForCanceledSession;
            m.session = s;
            m.invoice = row.invoice;
            if (auto job = jobOf(Sync::Jobs::QboInvoiceVoid, u"invoice/"_s + QString::number(row.invoice.invoiceId))) {
                fromJob(m, *job, u"Voiding the invoice"_s);
            } else if (!row.invoice.paid.isZero()) {
                m.cause = u"the session was canceled after it was paid"_s;
                m.manualFix = u"Refund or credit %1 in QuickBooks as the cancellation policy says (a late-cancellation fee "
                              "may keep part of it)."_s.arg(fmt(row.invoice.paid));
            } else {
                m.cause = u"the session was canceled after it was invoiced, and the invoice was not voided"_s;
                m.manualFix = u"Void invoice %1 in QuickBooks, unless a late-cancellation fee applies."_s.arg(
                    row.invoice.docNumber);
            }
            add(m, entity);
        }
    }

    // --- sessions × HubSpot deals --------------------------------------------
    if (deals) {
        auto links = dealLinks(db, options);
        if (!links)
            return std::unexpected(links.error());
        Sync::ApplierSettings settings;
        settings.businessTimeZone = options.businessTimeZone;
        settings.currency = options.currency;
        Sync::ChangeApplier applier(db, clock, settings);
        for (ReconciliationRow &row : rows) {
            const SessionSide &s = row.session;
            const qint64 id = s.appointmentId;
            const QString entity = u"appointment/"_s + QString::number(id);
            const bool canceled = s.status == AppointmentStatus::Canceled;
            const QString dealId = links->value(id);
            row.deal.dealId = dealId;
            const auto waiting = jobOf(Sync::Jobs::HubSpotDealUpsert, entity);
            if (dealId.isEmpty()) {
                if (canceled)
                    continue; // no deal, nothing open
                Mismatch m;
                m.kind = MismatchKind::DealMissing;
                m.session = s;
                m.invoice = row.invoice;
                m.deal = row.deal;
                if (waiting) {
                    fromJob(m, *waiting, u"Creating the deal"_s);
                } else {
                    m.cause = u"the deal was never created (HubSpot was not connected, or its job was dismissed)"_s;
                    m.fix = FixKind::RepushDeal;
                    m.fixText = u"Queue the deal for this session: HubSpot gets it from Concord's data."_s;
                }
                add(m, entity);
                continue;
            }
            const DealSnapshot snap = deals->value(id);
            row.deal.read = deals->contains(id);
            row.deal.found = snap.found;
            row.deal.amount = snap.amount;
            row.deal.stage = snap.stage;
            if (!row.deal.read)
                continue; // not read this time: nothing to compare
            if (!snap.found) {
                if (canceled)
                    continue;
                Mismatch m;
                m.kind = MismatchKind::DealMissing;
                m.session = s;
                m.invoice = row.invoice;
                m.deal = row.deal;
                m.cause = u"the linked deal %1 was deleted in HubSpot"_s.arg(dealId);
                m.manualFix = u"Restore deal %1 from HubSpot's recycle bin (Concord updates it again), or tell the office "
                              "manager why it was removed."_s.arg(dealId);
                add(m, entity);
                continue;
            }
            auto desired = applier.desiredDeal(id);
            if (!desired)
                return std::unexpected(desired.error());
            row.deal.wantedAmount = desired->amount;
            row.deal.wantedStage = desired->stage;
            if (!canceled) {
                const QString currency = s.price ? s.price->currency() : options.currency;
                if (auto amount = Money::parse(snap.amount, currency); amount && !snap.amount.isEmpty()) {
                    if (auto ok = totals.add(&CurrencyTotals::deals, *amount); !ok)
                        return std::unexpected(ok.error());
                }
            }
            auto explain = [&](Mismatch &m, const QString &what) {
                m.session = s;
                m.invoice = row.invoice;
                m.deal = row.deal;
                if (waiting) {
                    fromJob(m, *waiting, u"The deal update"_s);
                } else {
                    m.cause = what;
                    m.fix = FixKind::RepushDeal;
                    m.fixText = u"Push the deal again from Concord's data (stage %1, amount %2)."_s.arg(
                        desired->stage.isEmpty() ? u"unchanged"_s : desired->stage,
                        desired->amount.isEmpty() ? u"unchanged"_s : desired->amount);
                }
            };
            const bool stageDiffers = !desired->stage.isEmpty() && snap.stage != desired->stage;
            if (canceled) {
                if (stageDiffers) {
                    Mismatch m;
                    m.kind = MismatchKind::CanceledDealOpen;
                    explain(m, u"the deal was moved in HubSpot after the cancellation, or Concord's update was lost"_s);
                    add(m, entity);
                }
                continue;
            }
            if (stageDiffers) {
                Mismatch m;
                m.kind = MismatchKind::DealStageBehind;
                const bool paid = row.invoice.invoiceId != 0 && row.invoice.status == MoneyStatus::Paid;
                explain(m, paid ? u"the invoice is paid but the deal still says '%1' (status mapping: '%2')"_s.arg(
                                      snap.stage, desired->stage)
                                : u"the deal's stage was changed in HubSpot, or Concord's update was lost"_s);
                add(m, entity);
            }
            if (!desired->amount.isEmpty()) {
                const QString currency = s.price ? s.price->currency() : options.currency;
                auto want = Money::parse(desired->amount, currency);
                auto have = Money::parse(snap.amount, currency);
                if (want && (!have || *have != *want)) {
                    Mismatch m;
                    m.kind = MismatchKind::DealAmountDiffers;
                    QString why = u"the deal's amount was edited in HubSpot, or Concord's update was lost"_s;
                    if (row.invoice.invoiceId != 0 && row.invoice.total.isValid() && row.invoice.total != *want)
                        why += u" (the deal carries the session price %1; invoice %2's total is %3 with tax and "
                               "discount)"_s.arg(fmt(*want), row.invoice.docNumber, fmt(row.invoice.total));
                    explain(m, why);
                    add(m, entity);
                }
            }
        }
    }

    // --- invoices of the month: totals, unlinked ones -------------------------
    for (const MonthInvoice &mi : std::as_const(*monthInvoices)) {
        const InvoiceSide inv = withPaid(mi.invoice);
        if (!isLive(inv.status))
            continue;
        if (auto ok = totals.add(&CurrencyTotals::invoiced, inv.total); !ok)
            return std::unexpected(ok.error());
        if (auto ok = totals.add(&CurrencyTotals::collected, inv.paid); !ok)
            return std::unexpected(ok.error());
        if (mi.sessionLines == 0) {
            Mismatch m;
            m.kind = MismatchKind::InvoiceNotLinked;
            m.invoice = inv;
            m.session.customerId = mi.customerId;
            m.session.customerName = mi.customerName;
            m.cause = u"the invoice was made in QuickBooks by hand (no line names a Concord session)"_s;
            m.manualFix = u"If it bills sessions, say which in the line descriptions or the service dates so the next sync "
                          "ties them; if it is a fee or a product sale, nothing to do."_s;
            add(m, u"invoice/"_s + QString::number(inv.invoiceId));
        }
    }

    // --- payments of the month not applied -----------------------------------
    {
        struct Unapplied {
            qint64 id;
            QString quickbooksId, customerId, customerName;
            Money unapplied;
        };
        auto pays = db.select<Unapplied>(
            u"SELECT p.id, COALESCE(p.quickbooks_id, ''), p.customer_id, COALESCE(c.display_name, ''), p.unapplied_minor, "
            "p.currency FROM payments p LEFT JOIN customers c ON c.id = p.customer_id "
            "WHERE p.txn_date >= ? AND p.txn_date <= ? AND p.unapplied_minor > 0 ORDER BY p.id"_s,
            {firstText, lastText}, [](const QSqlQuery &q) {
                return Unapplied{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                                 q.value(3).toString(), moneyOr(q.value(4).toLongLong(), q.value(5).toString())};
            });
        if (!pays)
            return std::unexpected(pays.error());
        for (const Unapplied &p : std::as_const(*pays)) {
            Mismatch m;
            m.kind = MismatchKind::PaymentUnapplied;
            m.paymentId = p.id;
            m.paymentQuickbooksId = p.quickbooksId;
            m.unapplied = p.unapplied;
            m.session.customerId = p.customerId;
            m.session.customerName = p.customerName;
            m.cause = u"%1 of payment %2 was received but not applied to an invoice"_s.arg(fmt(p.unapplied), p.quickbooksId);
            m.manualFix = u"In QuickBooks, apply the payment to the client's open invoice (Receive payment), or refund the "
                          "overpayment."_s;
            add(m, u"payment/"_s + QString::number(p.id));
        }
    }

    std::stable_sort(found.begin(), found.end(), [](const Mismatch &a, const Mismatch &b) {
        if (a.kind != b.kind)
            return a.kind < b.kind;
        return a.key < b.key;
    });
    report.mismatches = std::move(found);
    report.rows = std::move(rows);
    for (const auto &[code, t] : totals.byCurrency)
        report.totals.append(t);
    if (report.totals.isEmpty())
        report.totals.append(totals.of(options.currency));
    return report;
}

// ---------------------------------------------------------------------------
// Live reads

namespace {

struct InvoiceCheck {
    QPromise<Result<ReconciliationReport>> promise;
    QPointer<QuickBooks::QuickBooksClient> client;
    ReconciliationReport report;
    QStringList todo;
    qsizetype next = 0;
    QHash<QString, std::optional<QuickBooks::Invoice>> seen; // nullopt: gone from QuickBooks
};

void finishInvoiceCheck(const std::shared_ptr<InvoiceCheck> &s)
{
    for (Mismatch &m : s->report.mismatches) {
        if (m.invoice.quickbooksId.isEmpty() || !s->seen.contains(m.invoice.quickbooksId))
            continue;
        const auto live = s->seen.value(m.invoice.quickbooksId);
        m.invoice.liveChecked = true;
        const bool stale = !live || live->syncToken != m.invoice.syncToken;
        if (!stale)
            continue;
        m.cause += live ? u" — QuickBooks has changed this invoice since the last billing sync"_s
                        : u" — the invoice is no longer in QuickBooks"_s;
        m.fix = FixKind::None;
        m.fixText.clear();
        m.manualFix = u"Concord's copy of invoice %1 is out of date: let billing sync (or sync now), then reconcile "
                      "again before fixing anything."_s.arg(m.invoice.docNumber);
    }
    s->promise.addResult(s->report);
    s->promise.finish();
}

void checkNextInvoice(const std::shared_ptr<InvoiceCheck> &s)
{
    if (!s->client) {
        s->promise.addResult(std::unexpected(Error::make(ErrorCode::Internal, u"the QuickBooks client went away"_s)));
        s->promise.finish();
        return;
    }
    if (s->next >= s->todo.size())
        return finishInvoiceCheck(s);
    const QString id = s->todo.at(s->next++);
    s->client->readInvoice(id, false).then(s->client.data(), [s, id](Result<QuickBooks::Invoice> inv) {
        if (inv) {
            s->seen.insert(id, *inv);
        } else if (inv.error().code == ErrorCode::NotFound) {
            s->seen.insert(id, std::nullopt);
        } else {
            s->promise.addResult(std::unexpected(inv.error()));
            s->promise.finish();
            return;
        }
        checkNextInvoice(s);
    });
}

} // namespace

QFuture<Result<QHash<qint64, DealSnapshot>>> readDeals(HubSpot::HubSpotClient &client, const QHash<qint64, QString> &links)
{
    // One batch read per 100 deals (a month of a few hundred sessions is a
    // handful of requests, not one each); a deal HubSpot no longer has comes
    // back among the batch's errors and is simply not found.
    QStringList ids;
    for (auto it = links.cbegin(); it != links.cend(); ++it)
        ids.append(it.value());
    ids.sort();
    ids.removeDuplicates();
    return client
        .batchReadObjects(HubSpot::ObjectType::Deals, ids, {u"amount"_s, u"dealstage"_s})
        .then([links](Result<HubSpot::BatchResult> batch) -> Result<QHash<qint64, DealSnapshot>> {
            if (!batch)
                return std::unexpected(batch.error());
            QHash<QString, const HubSpot::CrmObject *> byId;
            for (const HubSpot::CrmObject &deal : std::as_const(batch->results))
                byId.insert(deal.id, &deal);
            QHash<qint64, DealSnapshot> out;
            for (auto it = links.cbegin(); it != links.cend(); ++it) {
                DealSnapshot snap;
                snap.dealId = it.value();
                if (const HubSpot::CrmObject *deal = byId.value(it.value())) {
                    snap.found = true;
                    snap.amount = deal->properties.value(u"amount"_s).value_or(QString());
                    snap.stage = deal->properties.value(u"dealstage"_s).value_or(QString());
                }
                out.insert(it.key(), snap);
            }
            return out;
        });
}

QFuture<Result<ReconciliationReport>> checkInvoicesLive(QuickBooks::QuickBooksClient &client, ReconciliationReport report,
                                                        int limit)
{
    auto s = std::make_shared<InvoiceCheck>();
    s->client = &client;
    QSet<QString> seen;
    for (const Mismatch &m : std::as_const(report.mismatches)) {
        const QString id = m.invoice.quickbooksId;
        if (id.isEmpty() || seen.contains(id) || s->todo.size() >= limit)
            continue;
        seen.insert(id);
        s->todo.append(id);
    }
    s->report = std::move(report);
    s->promise.start();
    QFuture<Result<ReconciliationReport>> future = s->promise.future();
    checkNextInvoice(s);
    return future;
}

// ---------------------------------------------------------------------------
// Fixes

namespace {

Result<std::optional<qint64>> waitingJob(Store::Database &db, QStringView operation, const QString &entityType,
                                         const QString &entityId)
{
    auto ids = db.select<qint64>(u"SELECT id FROM outbox_jobs WHERE operation = ? AND entity_type = ? AND entity_id = ? "
                                 "AND state IN ('pending', 'in_flight') ORDER BY id"_s,
                                 {operation.toString(), entityType, entityId},
                                 [](const QSqlQuery &q) { return q.value(0).toLongLong(); });
    if (!ids)
        return std::unexpected(ids.error());
    if (ids->isEmpty())
        return std::optional<qint64>();
    return std::optional<qint64>(ids->first());
}

QJsonObject describeMismatch(const Mismatch &m)
{
    QJsonObject o{{u"key"_s, m.key}, {u"kind"_s, toString(m.kind)}, {u"cause"_s, m.cause}};
    if (m.session.appointmentId)
        o[u"appointmentId"_s] = QString::number(m.session.appointmentId);
    if (m.invoice.invoiceId)
        o[u"invoice"_s] = m.invoice.docNumber;
    if (!m.deal.dealId.isEmpty())
        o[u"deal"_s] = QJsonObject{{u"id"_s, m.deal.dealId}, {u"amount"_s, m.deal.amount}, {u"stage"_s, m.deal.stage}};
    return o;
}

} // namespace

Result<FixOutcome> applyFix(Store::Database &db, const Clock &clock, const Security::Actor &actor,
                            const ReconciliationOptions &options, const Mismatch &mismatch)
{
    if (auto ok = authorizeFix(actor, mismatch.fix); !ok) {
        qCInfo(lcReview) << "refused fix" << mismatch.key << "for" << actor.username << "-" << ok.error().message;
        return std::unexpected(ok.error());
    }
    FixOutcome out;
    out.mismatchKey = mismatch.key;
    const QString apptId = QString::number(mismatch.session.appointmentId);

    // A second click while the first one's job waits: nothing new.
    if (mismatch.fix == FixKind::RepushDeal) {
        auto waiting = waitingJob(db, Sync::Jobs::HubSpotDealUpsert, u"appointment"_s, apptId);
        if (!waiting)
            return std::unexpected(waiting.error());
        if (*waiting) {
            out.jobId = **waiting;
            out.alreadyQueued = true;
            out.message = u"The deal is already queued (job %1)."_s.arg(out.jobId);
            return out;
        }
    } else if (mismatch.fix == FixKind::CreateInvoice) {
        Store::OutboxRepository outbox(db, clock);
        auto job = outbox.byIdempotencyKey(u"quickbooks/invoice/"_s + mismatch.session.planKey);
        if (job) {
            out.jobId = job->id;
            out.alreadyQueued = true;
            out.message = u"The invoice is already queued (job %1)."_s.arg(job->id);
            return out;
        }
        if (job.error().code != ErrorCode::NotFound)
            return std::unexpected(job.error());
    } else if (mismatch.fix == FixKind::RetryJob) {
        Store::OutboxRepository outbox(db, clock);
        auto job = outbox.get(mismatch.jobId);
        if (!job)
            return std::unexpected(job.error());
        if (job->state == Domain::JobState::Pending || job->state == Domain::JobState::InFlight) {
            out.jobId = job->id;
            out.alreadyQueued = true;
            out.message = u"Job %1 is already waiting to be retried."_s.arg(job->id);
            return out;
        }
    }

    // Re-check on current data: the store as it is now, the deal as last read.
    std::optional<QHash<qint64, DealSnapshot>> deals;
    if (mismatch.deal.read)
        deals = QHash<qint64, DealSnapshot>{{mismatch.session.appointmentId,
                                             DealSnapshot{mismatch.deal.dealId, mismatch.deal.found, mismatch.deal.amount,
                                                          mismatch.deal.stage}}};
    else if (mismatch.kind == MismatchKind::DealMissing)
        deals = QHash<qint64, DealSnapshot>{};
    ReconciliationOptions again = options;
    again.month = mismatch.session.startUtc.isValid()
        ? mismatch.session.startUtc.toTimeZone(QTimeZone(options.businessTimeZone.toUtf8())).date()
        : options.month;
    auto now = reconcile(db, clock, again, deals);
    if (!now)
        return std::unexpected(now.error());
    const Mismatch *still = now->mismatch(mismatch.key);
    if (!still || still->fix != mismatch.fix)
        return fail(ErrorCode::Conflict, u"this mismatch no longer holds as shown: reconcile again"_s);

    Store::Transaction tx(db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    Store::OutboxRepository outbox(db, clock);
    QString entityType = u"appointment"_s;
    QString entityId = apptId;
    switch (mismatch.fix) {
    case FixKind::None:
        return fail(ErrorCode::InvalidArgument, u"this mismatch has no automatic fix"_s);
    case FixKind::RepushDeal: {
        // As the engine enqueues a deal: the job computes the deal from the
        // store when it runs (ChangeApplier::desiredDeal).
        const QDateTime at = clock.nowUtc();
        auto job = outbox.enqueue(Sync::Jobs::make(
            Domain::System::HubSpot, Sync::Jobs::HubSpotDealUpsert, u"appointment"_s, apptId,
            u"hubspot/deal/%1/reconcile/%2"_s.arg(apptId).arg(at.toMSecsSinceEpoch()),
            QJsonObject{{u"appointmentId"_s, apptId}}, Sync::Jobs::KindAppointment, at));
        if (!job)
            return std::unexpected(job.error());
        out.jobId = *job;
        out.message = u"Deal queued (job %1)."_s.arg(*job);
        break;
    }
    case FixKind::CreateInvoice: {
        // The engine's own billing pass: it plans and queues every completed,
        // uninvoiced session of the last 120 days (idempotent per plan key),
        // so the invoice is exactly what the engine would have made.
        Sync::ApplierSettings settings;
        settings.businessTimeZone = options.businessTimeZone;
        settings.currency = options.currency;
        Sync::ChangeApplier applier(db, clock, settings);
        const QDate today = businessDate(clock.nowUtc(), options.businessTimeZone);
        if (auto n = applier.decideBilling(today); !n)
            return std::unexpected(n.error());
        auto job = outbox.byIdempotencyKey(u"quickbooks/invoice/"_s + mismatch.session.planKey);
        if (!job)
            return std::unexpected(job.error());
        out.jobId = job->id;
        entityType = u"invoice-plan"_s;
        entityId = mismatch.session.planKey;
        out.message = u"Invoice queued (job %1)."_s.arg(job->id);
        break;
    }
    case FixKind::RetryJob: {
        if (auto ok = outbox.retryNow(mismatch.jobId); !ok)
            return std::unexpected(ok.error());
        out.jobId = mismatch.jobId;
        entityType = u"outbox_job"_s;
        entityId = QString::number(mismatch.jobId);
        out.message = u"Job %1 will be retried now."_s.arg(mismatch.jobId);
        break;
    }
    }
    Security::AuditLog audit(db, clock);
    if (auto entry = audit.append(actor, u"reconciliation.fix"_s, entityType, entityId, describeMismatch(mismatch),
                                  QJsonObject{{u"fix"_s, toString(mismatch.fix)}, {u"jobId"_s, QString::number(out.jobId)}});
        !entry)
        return std::unexpected(entry.error());
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    qCInfo(lcReview) << actor.username << "fixed" << mismatch.key << "with job" << out.jobId;
    return out;
}

} // namespace Concord::Review
