// Backend: the maintenance pages of issue 9 (review schedule and weekly
// findings, monthly reconciliation, quarterly audit, go/no-go checklist and
// integration mode, monthly and aging reports). Each slot reads through
// core/review on this (the sync) thread and answers with one signal; what
// needs a service (HubSpot deals and files, QuickBooks invoices) is read
// through the engine's connectors when this desktop has them, and the answer
// says when it had not.

#include "services/backend.h"
#include "services/backend_p.h"

#include "common/clock.h"
#include "common/logging.h"
#include "connectors/hubspot/hubspotclient.h"
#include "connectors/quickbooks/quickbooksclient.h"
#include "review/reviewcommands.h"
#include "store/userrepository.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Concord::Services {

namespace {

// The read-only actor of a desktop that is not a Concord user: it may look
// (the quarterly audit asks for View) but every command refuses it first.
Security::Actor lookingActor(const std::optional<Security::Actor> &actor)
{
    return actor ? *actor : Security::Actor::user(u"viewer"_s, Domain::Role::Viewer);
}

// What a completed monthly review records: the month and its mismatches by
// kind (the report itself is rebuilt from the store at any time).
QJsonObject monthlySummary(const Review::ReconciliationReport &report)
{
    QJsonObject byKind;
    int fixable = 0;
    for (const Review::Mismatch &m : report.mismatches) {
        const QString kind = Review::toString(m.kind);
        byKind[kind] = byKind.value(kind).toInt() + 1;
        if (m.isFixable())
            ++fixable;
    }
    QJsonArray totals;
    for (const Review::CurrencyTotals &t : report.totals) {
        totals.append(QJsonObject{{u"currency"_s, t.currency},
                                  {u"booked"_s, t.booked.toDecimalString()},
                                  {u"invoiced"_s, t.invoiced.toDecimalString()},
                                  {u"collected"_s, t.collected.toDecimalString()},
                                  {u"deals"_s, t.deals.toDecimalString()}});
    }
    return QJsonObject{
        {u"kind"_s, u"monthly"_s},
        {u"month"_s, report.month.toString(u"yyyy-MM"_s)},
        {u"deals_read"_s, report.dealsRead},
        {u"totals"_s, totals},
        {u"mismatches_by_kind"_s, byKind},
        {u"counts"_s, QJsonObject{{u"sessions"_s, report.sessionCount},
                                  {u"mismatches"_s, int(report.mismatches.size())},
                                  {u"fixable"_s, fixable}}},
    };
}

QString monthlySummaryText(const Review::ReconciliationReport &r)
{
    return Backend::tr("%1: %n mismatch(es) across the three systems", nullptr, int(r.mismatches.size()))
        .arg(r.month.toString(u"MMMM yyyy"_s));
}

QString quarterlySummaryText(const Review::QuarterlyAudit &a)
{
    return Backend::tr("%n finding(s) in mappings, permissions and attachment storage", nullptr, a.findingCount());
}

} // namespace

QString Backend::businessZone() const
{
    return d->config && !d->config->businessTimeZone.isEmpty() ? d->config->businessTimeZone : u"UTC"_s;
}

// ---------------------------------------------------------------------------
// Review schedule and the weekly findings

void Backend::loadReviews()
{
    d->asked.reviews = true;
    if (!d->db) {
        Q_EMIT reviewsFailed(tr("The store is not open."));
        return;
    }
    const Clock &clock = Clock::system();
    auto schedule = Review::loadReviewSchedule(*d->db, clock.nowUtc(), businessZone());
    if (!schedule) {
        Q_EMIT reviewsFailed(schedule.error().message);
        return;
    }
    auto users = Store::UserRepository(*d->db, clock).all();
    if (!users) {
        Q_EMIT reviewsFailed(users.error().message);
        return;
    }
    Q_EMIT reviewsLoaded(*schedule, *users);
    if (!d->review.weekly)
        refreshWeeklyFindings();
}

void Backend::refreshWeeklyFindings()
{
    if (!d->db) {
        Q_EMIT reviewsFailed(tr("The store is not open."));
        return;
    }
    auto findings = Review::collectWeeklyFindings(*d->db, Clock::system().nowUtc());
    if (!findings) {
        Q_EMIT reviewsFailed(findings.error().message);
        return;
    }
    auto *hubspot = d->connectors ? d->connectors->hubSpot() : nullptr;
    const quint64 generation = ++d->review.weeklyGeneration;
    Review::checkHubSpot(*findings, hubspot).then(this, [this, generation](const Review::WeeklyFindings &checked) {
        if (!d->db || generation != d->review.weeklyGeneration)
            return; // closed meanwhile, or a newer check was started
        d->review.weekly = checked;
        Q_EMIT weeklyFindingsLoaded(checked);
    });
}

void Backend::assignReviewOwner(Domain::ReviewCadence cadence, qint64 userId)
{
    if (const QString why = whyCannotAct(); !why.isEmpty()) {
        Q_EMIT reviewsFailed(why);
        return;
    }
    Review::ReviewCommands commands(*d->db, Clock::system(), businessZone());
    auto entry = commands.assignOwner(*d->actor, cadence, userId);
    if (!entry) {
        Q_EMIT reviewsFailed(entry.error().message);
        return;
    }
    Q_EMIT reviewsDone(entry->ownerUserId == 0
                           ? tr("The %1 review has no owner now.").arg(Domain::toString(cadence))
                           : tr("%1 now owns the %2 review.")
                                 .arg(entry->ownerDisplayName.isEmpty() ? entry->ownerUsername
                                                                        : entry->ownerDisplayName,
                                      Domain::toString(cadence)));
    loadReviews();
}

void Backend::completeReview(Domain::ReviewCadence cadence, const QString &note)
{
    if (const QString why = whyCannotAct(); !why.isEmpty()) {
        Q_EMIT reviewsFailed(why);
        return;
    }
    const Clock &clock = Clock::system();
    // What the reviewer saw; read from the store when the page had not shown it.
    QJsonObject findings;
    switch (cadence) {
    case Domain::ReviewCadence::Weekly: {
        if (!d->review.weekly) {
            auto fresh = Review::collectWeeklyFindings(*d->db, clock.nowUtc());
            if (!fresh) {
                Q_EMIT reviewsFailed(fresh.error().message);
                return;
            }
            d->review.weekly = *fresh;
        }
        findings = d->review.weekly->toJson();
        break;
    }
    case Domain::ReviewCadence::Monthly: {
        if (!d->review.reconciliation) {
            Review::ReconciliationOptions options;
            // The month under review is the one that just ended.
            options.month = Review::businessDate(clock.nowUtc(), businessZone()).addMonths(-1);
            options.businessTimeZone = businessZone();
            auto report = Review::reconcile(*d->db, clock, options, std::nullopt);
            if (!report) {
                Q_EMIT reviewsFailed(report.error().message);
                return;
            }
            d->review.reconciliation = *report;
        }
        findings = monthlySummary(*d->review.reconciliation);
        break;
    }
    case Domain::ReviewCadence::Quarterly: {
        if (!d->review.quarterly) {
            auto audit = Review::runQuarterlyAudit(*d->db, *d->actor, quarterlyOptions(), clock.nowUtc());
            if (!audit) {
                Q_EMIT reviewsFailed(audit.error().message);
                return;
            }
            d->review.quarterly = *audit;
        }
        findings = d->review.quarterly->toJson();
        break;
    }
    }
    Review::ReviewCommands commands(*d->db, clock, businessZone());
    auto run = commands.completeReview(*d->actor, cadence, findings, note);
    if (!run) {
        Q_EMIT reviewsFailed(run.error().message);
        return;
    }
    Q_EMIT reviewsDone(tr("The %1 review is recorded as done.").arg(Domain::toString(cadence)));
    loadReviews();
}

// ---------------------------------------------------------------------------
// Monthly reconciliation

Review::ReconciliationOptions Backend::reconciliationOptions(const QDate &month) const
{
    Review::ReconciliationOptions options;
    options.month = month;
    options.businessTimeZone = businessZone();
    return options;
}

void Backend::reconcileMonth(const QDate &month)
{
    d->asked.reconciliationMonth = month;
    if (!d->db) {
        Q_EMIT reconciliationFailed(tr("The store is not open."));
        return;
    }
    const Review::ReconciliationOptions options = reconciliationOptions(month);
    const quint64 generation = ++d->review.reconciliationGeneration;
    // Reconciles from the store with the deals as read (none: no CRM checks,
    // the report says so), then checks live the QuickBooks invoices its
    // mismatches name, so no fix is offered on a stale mirror.
    auto finish = [this, options, generation](std::optional<QHash<qint64, Review::DealSnapshot>> deals,
                                              const QString &dealsNote) {
        if (!d->db || generation != d->review.reconciliationGeneration)
            return;
        auto report = Review::reconcile(*d->db, Clock::system(), options, deals);
        if (!report) {
            Q_EMIT reconciliationFailed(report.error().message);
            return;
        }
        // The report, then (so the page keeps it on screen) what it lacks.
        const auto publish = [this, dealsNote](const Review::ReconciliationReport &r) {
            d->review.reconciliation = r;
            Q_EMIT reconciliationLoaded(r);
            Q_EMIT reviewSummaryChanged(Domain::ReviewCadence::Monthly, monthlySummaryText(r));
            if (!dealsNote.isEmpty())
                Q_EMIT reconciliationFailed(dealsNote);
        };
        auto *qbo = d->connectors ? d->connectors->quickBooks() : nullptr;
        if (!qbo || report->mismatches.isEmpty())
            return publish(*report);
        Review::checkInvoicesLive(*qbo, *report)
            .then(this, [this, generation, publish, unchecked = *report](Result<Review::ReconciliationReport> checked) {
                if (!d->db || generation != d->review.reconciliationGeneration)
                    return;
                if (!checked) {
                    // The mirror's view stands, but nothing may be fixed on it.
                    Review::ReconciliationReport held = unchecked;
                    for (Review::Mismatch &m : held.mismatches) {
                        if (m.invoice.invoiceId != 0 && m.isFixable()) {
                            m.manualFix = tr("QuickBooks could not be asked whether this invoice changed (%1): "
                                             "reconcile again once it answers.")
                                              .arg(checked.error().message);
                            m.fix = Review::FixKind::None;
                        }
                    }
                    return publish(held);
                }
                publish(*checked);
            });
    };
    auto *hubspot = d->connectors ? d->connectors->hubSpot() : nullptr;
    if (!hubspot)
        return finish(std::nullopt, {});
    auto links = Review::dealLinks(*d->db, options);
    if (!links) {
        Q_EMIT reconciliationFailed(links.error().message);
        return;
    }
    Review::readDeals(*hubspot, *links)
        .then(this, [finish](Result<QHash<qint64, Review::DealSnapshot>> deals) {
            if (!deals)
                return finish(std::nullopt, tr("HubSpot's deals could not be read (%1): the report compares "
                                               "Concord and QuickBooks only.")
                                                .arg(deals.error().message));
            finish(*deals, {});
        });
}

void Backend::fixMismatch(const QString &mismatchKey)
{
    if (const QString why = whyCannotAct(); !why.isEmpty()) {
        Q_EMIT reconciliationFailed(why);
        return;
    }
    const Review::Mismatch *mismatch = d->review.reconciliation ? d->review.reconciliation->mismatch(mismatchKey)
                                                                : nullptr;
    if (!mismatch) {
        Q_EMIT reconciliationFailed(tr("That mismatch is no longer in the report: reconcile the month again."));
        return;
    }
    const QDate month = d->review.reconciliation->month;
    auto outcome = Review::applyFix(*d->db, Clock::system(), *d->actor, reconciliationOptions(month), *mismatch);
    if (!outcome) {
        Q_EMIT reconciliationFailed(outcome.error().message);
        return;
    }
    Q_EMIT reconciliationDone(outcome->message);
    refreshStatus();
    reconcileMonth(month);
}

// ---------------------------------------------------------------------------
// Quarterly audit

Review::QuarterlyAuditOptions Backend::quarterlyOptions() const
{
    Review::QuarterlyAuditOptions options;
    if (d->config && d->config->pdfCacheEnabled) {
        options.cacheDirectory = d->config->pdfCacheDir;
        options.retentionDays = d->config->pdfRetentionDays;
    }
    return options;
}

void Backend::runQuarterlyAudit()
{
    d->asked.quarterlyAudit = true;
    if (!d->db) {
        Q_EMIT quarterlyAuditFailed(tr("The store is not open."));
        return;
    }
    const quint64 generation = ++d->review.quarterlyGeneration;
    auto finish = [this, generation](Review::QuarterlyAuditOptions options, const QString &filesNote) {
        if (!d->db || generation != d->review.quarterlyGeneration)
            return;
        auto audit = Review::runQuarterlyAudit(*d->db, lookingActor(d->actor), options, Clock::system().nowUtc());
        if (!audit) {
            Q_EMIT quarterlyAuditFailed(audit.error().message);
            return;
        }
        d->review.quarterly = *audit;
        Q_EMIT quarterlyAuditLoaded(*audit);
        Q_EMIT reviewSummaryChanged(Domain::ReviewCadence::Quarterly, quarterlySummaryText(*audit));
        if (!filesNote.isEmpty())
            Q_EMIT quarterlyAuditFailed(filesNote);
    };
    auto *hubspot = d->connectors ? d->connectors->hubSpot() : nullptr;
    if (!hubspot)
        return finish(quarterlyOptions(), {}); // crmFiles nullopt: "HubSpot was not scanned"
    hubspot->fileDigests().then(this, [this, finish](Result<QList<HubSpot::FileDigest>> digests) {
        Review::QuarterlyAuditOptions options = quarterlyOptions();
        if (!digests)
            return finish(options, tr("HubSpot's files could not be read (%1): the storage audit covers "
                                      "Concord's cache only.")
                                       .arg(digests.error().message));
        options.crmFiles = Review::crmCopiesFrom(*digests);
        finish(options, {});
    });
}

// ---------------------------------------------------------------------------
// Go/no-go checklist, integration mode, the manual invoice trigger

void Backend::evaluateChecklist()
{
    d->asked.checklist = true;
    if (!d->db) {
        Q_EMIT checklistFailed(tr("The store is not open."));
        return;
    }
    auto checklist = Review::evaluate(*d->db, d->config.value_or(Config{}), Clock::system().nowUtc());
    if (!checklist) {
        Q_EMIT checklistFailed(checklist.error().message);
        return;
    }
    auto mode = Review::integrationMode(*d->db);
    if (!mode) {
        Q_EMIT checklistFailed(mode.error().message);
        return;
    }
    Q_EMIT checklistLoaded(*checklist, *mode);
}

void Backend::changeIntegrationMode(Store::IntegrationMode mode, int expectedVersion)
{
    if (const QString why = whyCannotAct(); !why.isEmpty()) {
        Q_EMIT checklistFailed(why);
        return;
    }
    auto state = Review::setIntegrationMode(*d->db, *d->actor, mode, expectedVersion);
    if (!state) {
        Q_EMIT checklistFailed(state.error().message);
        evaluateChecklist(); // a Conflict: show what is stored now
        return;
    }
    Q_EMIT checklistDone(tr("Integration mode: %1").arg(Review::describe(state->mode)));
    evaluateChecklist();
}

void Backend::createInvoiceNow(qint64 appointmentId)
{
    if (const QString why = whyCannotAct(); !why.isEmpty()) {
        Q_EMIT invoiceNowFailed(why);
        return;
    }
    auto result = Review::createInvoiceNow(*d->db, *d->actor, appointmentId, d->config.value_or(Config{}));
    if (!result) {
        Q_EMIT invoiceNowFailed(result.error().message);
        return;
    }
    Q_EMIT invoiceNowDone(result->message);
    refreshStatus();
    refreshBacklog();
}

// ---------------------------------------------------------------------------
// Reports

void Backend::loadReports(const QDate &month)
{
    d->asked.reportsMonth = month;
    if (!d->db) {
        Q_EMIT reportsFailed(tr("The store is not open."));
        return;
    }
    auto reports = Review::collectMonthlyAndAging(*d->db, Clock::system(), businessZone(), month);
    if (!reports) {
        Q_EMIT reportsFailed(reports.error().message);
        return;
    }
    Q_EMIT reportsLoaded(reports->first, reports->second);
}

// ---------------------------------------------------------------------------
// Team mode: the maintenance views asked for, read again when their tables move.

void Backend::onReviewTablesChanged(const std::function<bool(std::initializer_list<QStringView>)> &moved)
{
    const auto asked = d->asked;
    if (asked.reviews && moved({u"review_schedules", u"review_runs", u"users"}))
        loadReviews(); // the weekly findings are read again only when asked (they read HubSpot)
    if (asked.checklist
        && moved({u"app_settings", u"review_schedules", u"status_mappings", u"staff", u"services", u"connections",
                  u"external_links"}))
        evaluateChecklist();
    if (asked.reportsMonth
        && moved({u"invoices", u"payments", u"payment_applications", u"credits", u"customers"}))
        loadReports(*asked.reportsMonth);
}

} // namespace Concord::Services
