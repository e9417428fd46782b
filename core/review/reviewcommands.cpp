#include "review/reviewcommands.h"
#include "common/logging.h"

#include "security/auditlog.h"
#include "store/database.h"
#include "store/operationsrepository.h"
#include "store/userrepository.h"

#include <QJsonDocument>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;
using namespace Concord::Security;

namespace Concord::Review {

namespace {
// Notes are free text from a person; bounded so a pasted log cannot bloat
// every audit entry (2,000 characters is a long paragraph).
constexpr int kMaxNoteLength = 2000;

Result<ReviewSchedule> scheduleOf(Store::OperationsRepository &ops, ReviewCadence cadence)
{
    auto all = ops.reviewSchedules();
    if (!all)
        return std::unexpected(all.error());
    for (const ReviewSchedule &s : *all) {
        if (s.cadence == cadence)
            return s;
    }
    return fail(ErrorCode::NotFound, u"there is no %1 review schedule"_s.arg(toString(cadence)));
}

QJsonValue ownerJson(const Store::UserRepository &users, qint64 id)
{
    if (id == 0)
        return QJsonValue::Null;
    auto u = users.get(id);
    return QJsonObject{{u"id"_s, id}, {u"username"_s, u ? u->username : QString()}};
}

} // namespace

ReviewCommands::ReviewCommands(Store::Database &db, const Clock &clock, QString zoneId)
    : m_db(db)
    , m_clock(clock)
    , m_zoneId(std::move(zoneId))
{
}

QJsonObject ReviewCommands::countsOf(const QJsonObject &summary)
{
    if (summary.value(u"counts"_s).isObject())
        return summary.value(u"counts"_s).toObject();
    QJsonObject counts;
    for (auto it = summary.begin(); it != summary.end(); ++it) {
        if (it.value().isDouble())
            counts.insert(it.key(), it.value());
    }
    return counts;
}

Result<ScheduleEntry> ReviewCommands::assignOwner(const Actor &actor, ReviewCadence cadence, qint64 userId)
{
    const QString action = u"review.owner.assign"_s;
    if (auto ok = authorize(actor, Permission::ScheduleReviews); !ok) {
        qCInfo(lcReview) << "refused" << action << "for" << actor.username << "-" << ok.error().message;
        return std::unexpected(ok.error());
    }
    Store::UserRepository users(m_db, m_clock);
    if (userId != 0) {
        auto user = users.get(userId);
        if (!user) {
            if (user.error().code == ErrorCode::NotFound)
                return fail(ErrorCode::InvalidArgument, u"there is no user with id %1"_s.arg(userId));
            return std::unexpected(user.error());
        }
        if (!user->active)
            return fail(ErrorCode::InvalidArgument,
                        u"'%1' is deactivated and cannot own the %2 review"_s.arg(user->username, toString(cadence)));
        if (!roleHas(user->role, Permission::CompleteReviews))
            return fail(ErrorCode::InvalidArgument,
                        u"'%1' is a %2, who may not complete reviews: choose an owner, office manager or bookkeeper"_s
                            .arg(user->username, Domain::toString(user->role).replace(u'_', u' ')));
    }

    Store::Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    if (auto seeded = seedMissingSchedules(m_db, m_clock.nowUtc(), m_zoneId); !seeded)
        return std::unexpected(seeded.error());
    Store::OperationsRepository ops(m_db, m_clock);
    auto schedule = scheduleOf(ops, cadence);
    if (!schedule)
        return std::unexpected(schedule.error());
    const QJsonValue before = ownerJson(users, schedule->ownerUserId);
    if (auto ok = ops.setReviewOwner(cadence, userId); !ok)
        return std::unexpected(ok.error());
    AuditLog audit(m_db, m_clock);
    if (auto entry = audit.append(actor, action, u"review_schedule"_s, toString(cadence),
                                  QJsonObject{{u"owner"_s, before}},
                                  QJsonObject{{u"owner"_s, ownerJson(users, userId)}});
        !entry) {
        return std::unexpected(entry.error());
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    qCInfo(lcReview) << actor.username << "named user" << userId << "owner of the" << toString(cadence)
                             << "review";

    auto view = loadReviewSchedule(m_db, m_clock.nowUtc(), m_zoneId);
    if (!view)
        return std::unexpected(view.error());
    if (const ScheduleEntry *e = view->entry(cadence))
        return *e;
    return fail(ErrorCode::Internal, u"the %1 review vanished after naming its owner"_s.arg(toString(cadence)));
}

Result<ReviewRun> ReviewCommands::completeReview(const Actor &actor, ReviewCadence cadence,
                                                 const QJsonObject &findingsSummary, const QString &note)
{
    const QString action = u"review.complete"_s;
    if (auto ok = authorize(actor, Permission::CompleteReviews); !ok) {
        qCInfo(lcReview) << "refused" << action << "for" << actor.username << "-" << ok.error().message;
        return std::unexpected(ok.error());
    }
    if (actor.isSystem)
        return fail(ErrorCode::PermissionDenied,
                    u"%1 may not complete a review: a review is a person's judgement"_s.arg(actor.username));
    const QString trimmedNote = note.trimmed();
    if (trimmedNote.size() > kMaxNoteLength)
        return fail(ErrorCode::InvalidArgument,
                    u"the note is %1 characters long; keep it under %2"_s.arg(trimmedNote.size()).arg(kMaxNoteLength));
    auto today = businessToday(m_clock.nowUtc(), m_zoneId);
    if (!today)
        return std::unexpected(today.error());

    Store::UserRepository users(m_db, m_clock);
    auto me = users.byUsername(actor.username);
    if (!me) {
        if (me.error().code == ErrorCode::NotFound)
            return fail(ErrorCode::PermissionDenied, u"'%1' is not a Concord user"_s.arg(actor.username));
        return std::unexpected(me.error());
    }
    if (!me->active)
        return fail(ErrorCode::PermissionDenied, u"Concord user '%1' is deactivated"_s.arg(actor.username));

    Store::Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    if (auto seeded = seedMissingSchedules(m_db, m_clock.nowUtc(), m_zoneId); !seeded)
        return std::unexpected(seeded.error());
    Store::OperationsRepository ops(m_db, m_clock);
    auto schedule = scheduleOf(ops, cadence);
    if (!schedule)
        return std::unexpected(schedule.error());

    // The named owner answers for the review; an owner-role user may stand in.
    if (me->role != Role::Owner && schedule->ownerUserId != me->id) {
        Error e;
        e.code = ErrorCode::PermissionDenied;
        if (schedule->ownerUserId == 0) {
            e.message = u"the %1 review has no owner yet: an owner must name one (or complete it)"_s.arg(
                toString(cadence));
        } else {
            auto owner = users.get(schedule->ownerUserId);
            e.message = u"the %1 review is %2's to complete (or an owner's); '%3' may not sign it off"_s.arg(
                toString(cadence), owner ? owner->username : u"another user"_s, actor.username);
        }
        qCInfo(lcReview) << "refused" << action << "for" << actor.username << "-" << e.message;
        return std::unexpected(e);
    }

    const QDate due = schedule->nextDue;
    const QDate next = nextDueAfterCompletion(cadence, due, *today);
    const QDateTime at = m_clock.nowUtc();
    const QJsonObject counts = countsOf(findingsSummary);
    ReviewRun run;
    run.scheduleId = schedule->id;
    run.completedByUserId = me->id;
    run.completedAt = at;
    run.findingsJson = QString::fromUtf8(QJsonDocument(QJsonObject{
                                                           {u"cadence"_s, toString(cadence)},
                                                           {u"due"_s, due.toString(Qt::ISODate)},
                                                           {u"note"_s, trimmedNote},
                                                           {u"findings"_s, findingsSummary},
                                                       })
                                             .toJson(QJsonDocument::Compact));
    auto id = ops.completeReview(run, next, due);
    if (!id)
        return std::unexpected(id.error());
    run.id = *id;

    AuditLog audit(m_db, m_clock);
    const QJsonObject before{{u"next_due"_s, due.toString(Qt::ISODate)},
                             {u"last_completed_at"_s, schedule->lastCompletedAt.isValid()
                                                          ? QJsonValue(schedule->lastCompletedAt.toString(Qt::ISODateWithMs))
                                                          : QJsonValue(QJsonValue::Null)}};
    const QJsonObject after{{u"run_id"_s, run.id},
                            {u"completed_by"_s, me->username},
                            {u"completed_at"_s, at.toString(Qt::ISODateWithMs)},
                            {u"due"_s, due.toString(Qt::ISODate)},
                            {u"next_due"_s, next.toString(Qt::ISODate)},
                            {u"counts"_s, counts},
                            {u"note"_s, trimmedNote}};
    if (auto entry = audit.append(actor, action, u"review_schedule"_s, toString(cadence), before, after); !entry)
        return std::unexpected(entry.error());
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    qCInfo(lcReview) << actor.username << "completed the" << toString(cadence) << "review due" << due
                             << "- next due" << next;
    return run;
}

} // namespace Concord::Review
