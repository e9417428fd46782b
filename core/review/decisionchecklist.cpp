#include "review/decisionchecklist.h"
#include "review/agingreport.h"

#include "domain/rules.h"
#include "domain/status.h"
#include "domain/system.h"
#include "store/database.h"
#include "sync/latencystats.h"
#include "sync/mappingvalidation.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace Concord::Review {

namespace {

qint64 ms(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

QString seconds(qint64 millis)
{
    // One decimal: "0.8 s", "42.0 s", "312.5 s".
    return u"%1.%2 s"_s.arg(millis / 1000).arg((millis % 1000) / 100);
}

Result<qint64> count(const Store::Database &db, const QString &sql, const QVariantList &binds = {})
{
    auto v = db.scalar(sql, binds);
    if (!v)
        return std::unexpected(v.error());
    return v->toLongLong();
}

#define TRY_COUNT(var, ...)                                                                        \
    auto var##_r = count(__VA_ARGS__);                                                             \
    if (!var##_r)                                                                                  \
        return std::unexpected(var##_r.error());                                                   \
    const qint64 var = *var##_r

// Worst of several parts: any No → No; else any Unknown → Unknown; else Yes.
Answer combine(std::initializer_list<Answer> parts)
{
    Answer out = Answer::Yes;
    for (Answer a : parts) {
        if (a == Answer::No)
            return Answer::No;
        if (a == Answer::Unknown)
            out = Answer::Unknown;
    }
    return out;
}

// "Do this; do that." from lower-case parts; empty for none.
QString sentence(const QStringList &parts)
{
    if (parts.isEmpty())
        return {};
    QString text = parts.join(u"; "_s);
    text[0] = text.at(0).toUpper();
    return text + u'.';
}

// --- 1 -----------------------------------------------------------------------
Result<ChecklistAnswer> identity(const Store::Database &db, const QDateTime &now)
{
    ChecklistAnswer a { Question::Identity, Answer::Unknown, {}, {} };
    auto connected = db.select<QString>(
        u"SELECT system FROM connections WHERE state IN ('connected','expiring') ORDER BY system"_s,
        {}, [](const QSqlQuery &q) { return q.value(0).toString(); });
    if (!connected)
        return std::unexpected(connected.error());
    TRY_COUNT(active, db, u"SELECT COUNT(*) FROM customers WHERE state = 'active'"_s);
    const qint64 staleBefore = ms(now.addDays(-kStaleIdentityDays));
    TRY_COUNT(staleDuplicates, db,
              u"SELECT COUNT(*) FROM duplicate_candidates WHERE state = 'open' AND found_at < ?"_s,
              { staleBefore });
    TRY_COUNT(
        staleProposals, db,
        u"SELECT COUNT(*) FROM merge_proposals WHERE state = 'proposed' AND proposed_at < ?"_s,
        { staleBefore });
    if (connected->isEmpty() || active == 0) {
        a.evidence << (connected->isEmpty() ? u"No system is connected."_s
                                            : u"Connected: %1."_s.arg(connected->join(u", "_s)))
                   << u"%1 active customers."_s.arg(active);
        a.toMakeYes =
            u"Connect Cal.com, HubSpot and QuickBooks and let a first sync link the customers."_s;
        return a;
    }
    QVariantList binds;
    for (const QString &s : std::as_const(*connected))
        binds << s;
    binds << qint64(connected->size());
    TRY_COUNT(linked, db,
              u"SELECT COUNT(*) FROM customers c WHERE c.state = 'active' AND (SELECT "
              u"COUNT(DISTINCT l.system) "
              "FROM external_links l WHERE l.customer_id = c.id AND l.system IN (%1)) = ?"_s.arg(
                  Store::Database::placeholders(int(connected->size()))),
              binds);
    const qint64 permille = linked * 1000 / active;
    a.evidence
        << u"%1 of %2 active customers (%3.%4 %) are linked in every connected system (%5)."_s.arg(
               QString::number(linked), QString::number(active), QString::number(permille / 10),
               QString::number(permille % 10), connected->join(u", "_s))
        << u"%1 open duplicate candidates older than %2 days."_s.arg(staleDuplicates)
               .arg(kStaleIdentityDays)
        << u"%1 merge proposals undecided for more than %2 days."_s.arg(staleProposals)
               .arg(kStaleIdentityDays);
    QStringList fix;
    if (permille < kLinkedSharePermille)
        fix << u"link the customers missing in a system (Identity page) until at least %1 % are linked"_s
                   .arg(kLinkedSharePermille / 10);
    if (staleDuplicates > 0)
        fix << u"review the old duplicate candidates"_s;
    if (staleProposals > 0)
        fix << u"approve or reject the waiting merge proposals"_s;
    a.answer = fix.isEmpty() ? Answer::Yes : Answer::No;
    a.toMakeYes = sentence(fix);
    return a;
}

// --- 2 and 3 -------------------------------------------------------------------
Result<QHash<QString, QList<qint64>>> latencies(const Store::Database &db, const QDateTime &since)
{
    // As OperationsRepository::latenciesByKindSince (which needs a writable handle).
    auto rows = db.select<std::pair<QString, qint64>>(
        u"SELECT kind, latency_ms FROM sync_log WHERE direction = 'out' AND outcome = 'ok' "
        "AND latency_ms >= 0 AND at >= ?"_s,
        { ms(since) }, [](const QSqlQuery &q) {
            return std::pair { q.value(0).toString(), q.value(1).toLongLong() };
        });
    if (!rows)
        return std::unexpected(rows.error());
    QHash<QString, QList<qint64>> byKind;
    for (const auto &[kind, value] : std::as_const(*rows))
        byKind[kind].append(value);
    return byKind;
}

ChecklistAnswer latencyAnswer(Question q, const QList<qint64> &values, qint64 targetMs,
                              const QString &what)
{
    ChecklistAnswer a { q, Answer::Unknown, {}, {} };
    const Sync::LatencySummary s = Sync::summarize(what, values);
    if (s.count < kMinLatencySamples) {
        a.evidence
            << u"%1 %2 deliveries measured in the last %3 days; at least %4 are needed for a p95."_s
                   .arg(QString::number(s.count), what, QString::number(kLatencyWindowDays),
                        QString::number(kMinLatencySamples));
        if (s.count > 0)
            a.evidence << u"p95 so far: %1 (target under %2)."_s.arg(seconds(s.p95Ms),
                                                                     seconds(targetMs));
        a.toMakeYes =
            u"Let Concord carry more %1 changes (at least %2 in a week), then evaluate again."_s
                .arg(what, QString::number(kMinLatencySamples));
        return a;
    }
    a.evidence << u"p95 %1, p50 %2 over %3 %4 deliveries in the last %5 days (target under %6)."_s
                      .arg(seconds(s.p95Ms), seconds(s.p50Ms), QString::number(s.count), what,
                           QString::number(kLatencyWindowDays), seconds(targetMs));
    a.answer = s.p95Ms < targetMs ? Answer::Yes : Answer::No;
    if (a.answer == Answer::No)
        a.toMakeYes = u"Bring the p95 under %1: turn on webhooks, check the retry queue and the "
                      u"API limits on the "
                      "Dashboard's latency panel."_s.arg(seconds(targetMs));
    return a;
}

// --- 4 -----------------------------------------------------------------------
Result<ChecklistAnswer> stateMapping(const Store::Database &db)
{
    ChecklistAnswer a { Question::StateMapping, Answer::Unknown, {}, {} };
    auto rows = db.select<Domain::StatusMapping>(
        u"SELECT id, domain, status, target_system, action, target_value FROM status_mappings ORDER BY id"_s,
        {}, [](const QSqlQuery &q) {
            Domain::StatusMapping m;
            m.id = q.value(0).toLongLong();
            m.domain = Domain::parseStatusDomain(q.value(1).toString())
                           .value_or(Domain::StatusDomain::Appointment);
            m.status = q.value(2).toString();
            m.targetSystem =
                Domain::parseSystem(q.value(3).toString()).value_or(Domain::System::HubSpot);
            m.action = Domain::parseStatusAction(q.value(4).toString())
                           .value_or(Domain::StatusAction::None);
            m.targetValue = q.value(5).toString();
            return m;
        });
    if (!rows)
        return std::unexpected(rows.error());
    using Domain::StatusDomain;
    const std::pair<StatusDomain, QString> needed[] = {
        { StatusDomain::Appointment, Domain::toString(Domain::AppointmentStatus::Rescheduled) },
        { StatusDomain::Appointment, Domain::toString(Domain::AppointmentStatus::Canceled) },
        { StatusDomain::Money, Domain::toString(Domain::MoneyStatus::Refunded) },
        { StatusDomain::Money, Domain::toString(Domain::MoneyStatus::Overdue) },
    };
    QStringList missing, mapped;
    for (const auto &[domain, status] : needed) {
        QStringList actions;
        for (const Domain::StatusMapping &m : std::as_const(*rows))
            if (m.domain == domain && m.status == status && m.action != Domain::StatusAction::None)
                actions << Domain::toString(m.action);
        if (actions.isEmpty())
            missing << status;
        else
            mapped << u"%1 → %2"_s.arg(status, actions.join(u" + "_s));
    }
    const auto problems = Sync::validateStatusMappings(*rows);
    QStringList errors;
    for (const Sync::MappingProblem &p : problems)
        if (p.severity == Sync::MappingProblem::Severity::Error)
            errors << u"%1: %2"_s.arg(p.field, p.explanation);
    if (!mapped.isEmpty())
        a.evidence << u"Mapped: %1."_s.arg(mapped.join(u"; "_s));
    if (!missing.isEmpty())
        a.evidence << u"Not mapped: %1."_s.arg(missing.join(u", "_s));
    a.evidence << u"%1 status mappings, %2 with errors."_s.arg(rows->size()).arg(errors.size());
    for (const QString &e : std::as_const(errors).mid(0, 3))
        a.evidence << e;
    a.answer = missing.isEmpty() && errors.isEmpty() ? Answer::Yes : Answer::No;
    if (a.answer == Answer::No)
        a.toMakeYes = missing.isEmpty()
            ? u"Fix the status mapping errors on the Mappings page."_s
            : u"Map %1 on the Mappings page (Status tab), e.g. a deal stage and closing the open tasks."_s
                  .arg(missing.join(u", "_s));
    return a;
}

// --- 5 -----------------------------------------------------------------------
Result<ChecklistAnswer> failedSyncs(const Store::Database &db, const QDateTime &now)
{
    ChecklistAnswer a { Question::FailedSyncs, Answer::Unknown, {}, {} };
    TRY_COUNT(logged, db, u"SELECT COUNT(*) FROM sync_log"_s);
    TRY_COUNT(failed, db, u"SELECT COUNT(*) FROM outbox_jobs WHERE state = 'failed'"_s);
    TRY_COUNT(unattended, db,
              u"SELECT COUNT(*) FROM outbox_jobs WHERE state = 'failed' AND updated_at < ?"_s,
              { ms(now.addDays(-kDeadJobMaxDays)) });
    TRY_COUNT(
        noCause, db,
        u"SELECT COUNT(*) FROM outbox_jobs WHERE state = 'failed' AND last_error_message = '' "
        "AND last_error_code = ''"_s);
    if (logged == 0 && failed == 0) {
        a.evidence << u"The sync log is empty: Concord has not synced yet."_s;
        a.toMakeYes =
            u"Run a first sync; failures then show in the retry queue with their cause."_s;
        return a;
    }
    a.evidence
        << u"%1 entries in the sync log; %2 failed syncs in the retry queue."_s.arg(logged).arg(
               failed)
        << u"%1 failed syncs unattended for more than %2 days; %3 without a recorded cause."_s
               .arg(unattended)
               .arg(kDeadJobMaxDays)
               .arg(noCause);
    a.answer = unattended == 0 && noCause == 0 ? Answer::Yes : Answer::No;
    if (a.answer == Answer::No)
        a.toMakeYes =
            u"Retry, fix or dismiss the failed syncs older than %1 days in the retry queue."_s.arg(
                kDeadJobMaxDays);
    return a;
}

// --- 6 -----------------------------------------------------------------------
Result<ChecklistAnswer> attachments(const Store::Database &db, const Config &config,
                                    const QDateTime &now)
{
    ChecklistAnswer a { Question::Attachments, Answer::Yes, {}, {} };
    if (!config.pdfCacheEnabled) {
        a.evidence
            << u"Invoice PDFs stay in QuickBooks; HubSpot gets the invoice link only (no copies)."_s;
        return a;
    }
    TRY_COUNT(cached, db, u"SELECT COUNT(*) FROM attachments"_s);
    a.evidence << u"Local PDF cache on: content-addressed (one file per distinct PDF), %1 files; "
                  u"HubSpot gets the "
                  "link only."_s.arg(cached);
    if (config.pdfRetentionDays <= 0) {
        a.answer = Answer::No;
        a.evidence << u"Retention: kept forever ([sync] pdf_retention_days = 0)."_s;
        a.toMakeYes =
            u"Set [sync] pdf_retention_days (e.g. 365) or turn the local PDF cache off."_s;
        return a;
    }
    TRY_COUNT(overdue, db,
              u"SELECT COUNT(*) FROM attachments WHERE expires_at IS NOT NULL AND expires_at < ?"_s,
              { ms(now.addDays(-kPurgeGraceDays)) });
    a.evidence << u"Retention: %1 days; %2 files past it by more than %3 day."_s
                      .arg(config.pdfRetentionDays)
                      .arg(overdue)
                      .arg(kPurgeGraceDays);
    if (overdue > 0) {
        a.answer = Answer::No;
        a.toMakeYes =
            u"Let the sync engine run (it removes expired PDFs hourly) or check the cache folder's "
            "permissions."_s;
    }
    return a;
}

// --- 7 -----------------------------------------------------------------------
Result<ChecklistAnswer> timeAndStaff(const Store::Database &db, const Config &config)
{
    ChecklistAnswer a { Question::TimeAndStaff, Answer::Unknown, {}, {} };
    QStringList fix;
    const QString zoneName = config.businessTimeZone.trimmed();
    const QTimeZone zone(zoneName.toUtf8());
    // UTC is the built-in default: a business rarely runs on it, so it
    // counts as "not set".
    const bool zoneSet = zone.isValid() && zoneName != u"UTC"_s && zoneName != u"Etc/UTC"_s;
    a.evidence << (zoneSet ? u"Business time zone: %1."_s.arg(zoneName)
                           : u"Business time zone: %1 (the default; not set)."_s.arg(zoneName));
    if (!zoneSet)
        fix << u"set [sync] business_time_zone to the business's IANA zone"_s;

    TRY_COUNT(services, db, u"SELECT COUNT(*) FROM services WHERE active = 1"_s);
    TRY_COUNT(servicesUnmapped, db,
              u"SELECT COUNT(*) FROM services WHERE active = 1 AND (calcom_event_type_id IS NULL "
              "OR default_duration_minutes <= 0)"_s);
    Answer servicePart = services == 0 ? Answer::Unknown
        : servicesUnmapped == 0        ? Answer::Yes
                                       : Answer::No;
    a.evidence << u"%1 active services, %2 without a Cal.com event type or duration (buffers are "
                  u"the event "
                  "types' own)."_s.arg(services)
                      .arg(servicesUnmapped);
    if (servicePart == Answer::No)
        fix << u"map every service to a Cal.com event type with its duration"_s;

    TRY_COUNT(staff, db, u"SELECT COUNT(*) FROM staff WHERE active = 1"_s);
    auto unmapped =
        db.select<QString>(u"SELECT email FROM staff WHERE active = 1 AND (calcom_user_id IS NULL "
                           u"OR calcom_user_id = '' "
                           "OR hubspot_owner_id IS NULL OR hubspot_owner_id = '') ORDER BY email"_s,
                           {}, [](const QSqlQuery &q) { return q.value(0).toString(); });
    if (!unmapped)
        return std::unexpected(unmapped.error());
    Answer staffPart = staff == 0 ? Answer::Unknown
        : unmapped->isEmpty()     ? Answer::Yes
                                  : Answer::No;
    a.evidence << u"%1 active staff, %2 not mapped in both Cal.com and HubSpot%3."_s.arg(staff)
                      .arg(unmapped->size())
                      .arg(unmapped->isEmpty()
                               ? QString()
                               : u" ("_s + unmapped->mid(0, 5).join(u", "_s) + u')');
    if (staffPart == Answer::No)
        fix << u"map each active staff member to their Cal.com user and HubSpot owner"_s;

    a.answer = combine({ zoneSet ? Answer::Yes : Answer::No, servicePart, staffPart });
    if (a.answer == Answer::Unknown)
        fix << u"run a first sync so that Concord reads the services and staff from Cal.com"_s;
    a.toMakeYes = sentence(fix);
    return a;
}

// --- 8 -----------------------------------------------------------------------
Result<ChecklistAnswer> ownership(const Store::Database &db, const Config &config,
                                  const QDateTime &now)
{
    ChecklistAnswer a { Question::Ownership, Answer::No, {}, {} };
    struct Row {
        QString cadence, owner;
        bool ownerActive = false;
        QDate nextDue;
    };
    auto rows = db.select<Row>(
        u"SELECT r.cadence, u.display_name, u.active, r.next_due FROM review_schedules r "
        "LEFT JOIN users u ON u.id = r.owner_user_id ORDER BY r.cadence"_s,
        {}, [](const QSqlQuery &q) {
            return Row { q.value(0).toString(), q.value(1).toString(), q.value(2).toInt() == 1,
                         Store::Sql::toDate(q.value(3)) };
        });
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty()) {
        a.evidence << u"No review schedule is set up."_s;
        a.toMakeYes =
            u"Set up the weekly, monthly and quarterly reviews, each with an owner (Reviews page)."_s;
        return a;
    }
    const QDate today = businessDate(now, config.businessTimeZone);
    QStringList noOwner, overdue;
    for (const Row &r : std::as_const(*rows)) {
        if (r.owner.isEmpty() || !r.ownerActive)
            noOwner << r.cadence;
        const bool late = r.nextDue.isValid() && r.nextDue < today;
        if (late)
            overdue << r.cadence;
        a.evidence << u"%1: owner %2, next due %3%4."_s.arg(
            r.cadence,
            r.owner.isEmpty()   ? u"none"_s
                : r.ownerActive ? r.owner
                                : r.owner + u" (inactive)"_s,
            r.nextDue.toString(Qt::ISODate), late ? u" (overdue)"_s : QString());
    }
    QStringList fix;
    if (!noOwner.isEmpty())
        fix << u"name an active owner for the %1 review"_s.arg(noOwner.join(u", "_s));
    if (!overdue.isEmpty())
        fix << u"complete the overdue %1 review"_s.arg(overdue.join(u", "_s));
    a.answer = fix.isEmpty() ? Answer::Yes : Answer::No;
    a.toMakeYes = sentence(fix);
    return a;
}

} // namespace

QString toString(Answer a)
{
    switch (a) {
    case Answer::Yes:
        return u"yes"_s;
    case Answer::No:
        return u"no"_s;
    case Answer::Unknown:
        return u"unknown"_s;
    }
    return {};
}

QString toString(Verdict v)
{
    switch (v) {
    case Verdict::FullFits:
        return u"full"_s;
    case Verdict::Borderline:
        return u"borderline"_s;
    case Verdict::Lighter:
        return u"light"_s;
    }
    return {};
}

QString questionId(Question q)
{
    switch (q) {
    case Question::Identity:
        return u"identity"_s;
    case Question::BookingLatency:
        return u"booking_latency"_s;
    case Question::MoneyLatency:
        return u"money_latency"_s;
    case Question::StateMapping:
        return u"state_mapping"_s;
    case Question::FailedSyncs:
        return u"failed_syncs"_s;
    case Question::Attachments:
        return u"attachments"_s;
    case Question::TimeAndStaff:
        return u"time_and_staff"_s;
    case Question::Ownership:
        return u"ownership"_s;
    }
    return {};
}

QString questionText(Question q)
{
    switch (q) {
    case Question::Identity:
        return u"One customer identity survives across CRM, scheduler, and billing."_s;
    case Question::BookingLatency:
        return u"Booking changes sync in under 1 minute."_s;
    case Question::MoneyLatency:
        return u"Invoice and payment status sync in under 5 minutes."_s;
    case Question::StateMapping:
        return u"Reschedule, cancel, refund, and overdue states all map."_s;
    case Question::FailedSyncs:
        return u"Failed syncs show in a log with a retry path."_s;
    case Question::Attachments:
        return u"Attachment duplication has a clear rule."_s;
    case Question::TimeAndStaff:
        return u"Time zones, buffers, and staff resources are handled."_s;
    case Question::Ownership:
        return u"One person owns the mapping and reviews it on a schedule."_s;
    }
    return {};
}

QJsonObject ChecklistAnswer::toJson() const
{
    return { { u"id"_s, questionId(question) },
             { u"question"_s, questionText(question) },
             { u"answer"_s, toString(answer) },
             { u"evidence"_s, QJsonArray::fromStringList(evidence) },
             { u"toMakeYes"_s, toMakeYes } };
}

Verdict verdictFor(int yesCount)
{
    if (yesCount >= 6)
        return Verdict::FullFits;
    if (yesCount <= 3)
        return Verdict::Lighter;
    return Verdict::Borderline;
}

QJsonObject DecisionChecklist::toJson() const
{
    QJsonArray list;
    for (const ChecklistAnswer &a : answers)
        list.append(a.toJson());
    return { { u"evaluatedAt"_s, evaluatedAt.toUTC().toString(Qt::ISODate) },
             { u"yes"_s, yesCount },
             { u"of"_s, int(answers.size()) },
             { u"verdict"_s, toString(verdict) },
             { u"verdictText"_s, verdictText },
             { u"answers"_s, list } };
}

DecisionChecklist summarize(QList<ChecklistAnswer> answers, const QDateTime &evaluatedAt)
{
    DecisionChecklist c;
    c.evaluatedAt = evaluatedAt.toUTC();
    c.answers = std::move(answers);
    QStringList notYes;
    for (const ChecklistAnswer &a : std::as_const(c.answers)) {
        if (a.answer == Answer::Yes)
            ++c.yesCount;
        else
            notYes << u"%1 (%2)"_s.arg(QString::number(int(a.question) + 1), toString(a.answer));
    }
    c.verdict = verdictFor(c.yesCount);
    const QString score = u"%1 of %2 yes"_s.arg(c.yesCount).arg(c.answers.size());
    switch (c.verdict) {
    case Verdict::FullFits:
        c.verdictText = u"%1: the full integration fits the job."_s.arg(score);
        break;
    case Verdict::Borderline:
        c.verdictText = u"%1: borderline. Fix %2 before relying on the full integration."_s.arg(
            score, notYes.join(u", "_s));
        break;
    case Verdict::Lighter:
        c.verdictText =
            u"%1: Concord recommends the lighter setup — bookings pushed one way to the CRM and a "
            "manual invoice trigger."_s.arg(score);
        break;
    }
    return c;
}

Result<DecisionChecklist> evaluate(const Store::Database &db, const Config &config,
                                   const QDateTime &now)
{
    QList<ChecklistAnswer> answers;
    auto first = identity(db, now);
    if (!first)
        return std::unexpected(first.error());
    answers << *first;
    auto byKind = latencies(db, now.addDays(-kLatencyWindowDays));
    if (!byKind)
        return std::unexpected(byKind.error());
    answers << latencyAnswer(Question::BookingLatency, byKind->value(u"appointment"_s),
                             kBookingTargetMs, u"booking"_s);
    QList<qint64> money = byKind->value(u"invoice"_s);
    money += byKind->value(u"payment"_s);
    answers << latencyAnswer(Question::MoneyLatency, money, kMoneyTargetMs,
                             u"invoice and payment"_s);
    for (auto step :
         { std::function<Result<ChecklistAnswer>()>([&] { return stateMapping(db); }),
           std::function<Result<ChecklistAnswer>()>([&] { return failedSyncs(db, now); }),
           std::function<Result<ChecklistAnswer>()>([&] { return attachments(db, config, now); }),
           std::function<Result<ChecklistAnswer>()>([&] { return timeAndStaff(db, config); }),
           std::function<Result<ChecklistAnswer>()>([&] { return ownership(db, config, now); }) }) {
        auto answer = step();
        if (!answer)
            return std::unexpected(answer.error());
        answers << *answer;
    }
    return summarize(std::move(answers), now);
}

} // namespace Concord::Review
