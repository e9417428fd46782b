#include "review/reviewschedule.h"
#include "common/logging.h"

#include "store/database.h"
#include "store/operationsrepository.h"
#include "store/userrepository.h"

#include <QHash>
#include <QLoggingCategory>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

namespace Concord::Review {

namespace {
QDate firstOfQuarter(const QDate &d)
{
    return QDate(d.year(), ((d.month() - 1) / 3) * 3 + 1, 1);
}

// The first day of the period after the one `d` falls in.
QDate nextPeriodStart(ReviewCadence cadence, const QDate &d)
{
    switch (cadence) {
    case ReviewCadence::Weekly: return d.addDays(7);
    case ReviewCadence::Monthly: return QDate(d.year(), d.month(), 1).addMonths(1);
    case ReviewCadence::Quarterly: return firstOfQuarter(d).addMonths(3);
    }
    return d.addDays(7);
}

QString nameOf(const User &u)
{
    return u.displayName.isEmpty() ? u.username : u.displayName;
}
} // namespace

QString toString(ReviewState state)
{
    switch (state) {
    case ReviewState::Upcoming: return u"upcoming"_s;
    case ReviewState::Due: return u"due"_s;
    case ReviewState::Overdue: return u"overdue"_s;
    case ReviewState::NoOwner: return u"no_owner"_s;
    }
    return u"upcoming"_s;
}

int overdueGraceDays(ReviewCadence cadence)
{
    switch (cadence) {
    case ReviewCadence::Weekly: return 2;
    case ReviewCadence::Monthly: return 5;
    case ReviewCadence::Quarterly: return 10;
    }
    return 2;
}

QList<ReviewCadence> allCadences()
{
    return {ReviewCadence::Weekly, ReviewCadence::Monthly, ReviewCadence::Quarterly};
}

Result<QDate> businessToday(const QDateTime &nowUtc, const QString &zoneId)
{
    const QTimeZone zone(zoneId.toUtf8());
    if (!zone.isValid())
        return fail(ErrorCode::InvalidConfig, u"'%1' is not a known time zone"_s.arg(zoneId));
    if (!nowUtc.isValid())
        return fail(ErrorCode::InvalidArgument, u"no current time to place the review schedule on"_s);
    return nowUtc.toTimeZone(zone).date();
}

ReviewState timingOn(ReviewCadence cadence, const QDate &nextDue, const QDate &today)
{
    if (!nextDue.isValid() || today < nextDue)
        return ReviewState::Upcoming;
    if (nextDue.daysTo(today) <= overdueGraceDays(cadence))
        return ReviewState::Due;
    return ReviewState::Overdue;
}

QDate firstDueDate(ReviewCadence cadence, const QDate &today)
{
    switch (cadence) {
    case ReviewCadence::Weekly: {
        // Qt::Monday == 1 … Qt::Sunday == 7: Monday itself goes to the next one.
        const int ahead = 8 - today.dayOfWeek();
        return today.addDays(ahead);
    }
    case ReviewCadence::Monthly:
    case ReviewCadence::Quarterly: return nextPeriodStart(cadence, today);
    }
    return today.addDays(7);
}

QDate nextDueAfterCompletion(ReviewCadence cadence, const QDate &currentDue, const QDate &today)
{
    QDate next = nextPeriodStart(cadence, currentDue.isValid() ? currentDue : today);
    // Bounded: at most one step per period between the due date and today.
    while (next <= today)
        next = nextPeriodStart(cadence, next);
    return next;
}

const ScheduleEntry *ReviewScheduleView::entry(ReviewCadence cadence) const
{
    for (const ScheduleEntry &e : entries) {
        if (e.cadence == cadence)
            return &e;
    }
    return nullptr;
}

Result<int> seedMissingSchedules(Store::Database &db, const QDateTime &nowUtc, const QString &zoneId)
{
    auto today = businessToday(nowUtc, zoneId);
    if (!today)
        return std::unexpected(today.error());
    Store::OperationsRepository ops(db);
    int inserted = 0;
    for (ReviewCadence cadence : allCadences()) {
        auto made = ops.seedReviewSchedule(cadence, firstDueDate(cadence, *today));
        if (!made)
            return std::unexpected(made.error());
        if (*made) {
            ++inserted;
            qCInfo(lcReview) << "seeded the" << toString(cadence) << "review, first due"
                                     << firstDueDate(cadence, *today);
        }
    }
    return inserted;
}

Result<ReviewScheduleView> loadReviewSchedule(Store::Database &db, const QDateTime &nowUtc, const QString &zoneId)
{
    auto today = businessToday(nowUtc, zoneId);
    if (!today)
        return std::unexpected(today.error());
    // A viewer may not write (PostgreSQL grants): the view then shows the
    // missing cadences unseeded, as they would be seeded, until someone who
    // may write opens the page.
    if (auto seeded = seedMissingSchedules(db, nowUtc, zoneId); !seeded) {
        if (seeded.error().code != ErrorCode::PermissionDenied)
            return std::unexpected(seeded.error());
        qCInfo(lcReview) << "could not seed the review schedule:" << seeded.error().message;
    }
    Store::OperationsRepository ops(db);
    auto schedules = ops.reviewSchedules();
    if (!schedules)
        return std::unexpected(schedules.error());
    auto latest = ops.latestReviewRuns();
    if (!latest)
        return std::unexpected(latest.error());
    auto users = Store::UserRepository(db).all();
    if (!users)
        return std::unexpected(users.error());
    QHash<qint64, User> byId;
    for (const User &u : *users)
        byId.insert(u.id, u);

    ReviewScheduleView view;
    view.today = *today;
    view.zoneId = zoneId;
    for (ReviewCadence cadence : allCadences()) {
        ScheduleEntry e;
        e.cadence = cadence;
        e.nextDue = firstDueDate(cadence, *today);
        for (const ReviewSchedule &s : *schedules) {
            if (s.cadence != cadence)
                continue;
            e.scheduleId = s.id;
            e.ownerUserId = s.ownerUserId;
            e.nextDue = s.nextDue;
            e.lastCompletedAt = s.lastCompletedAt;
        }
        if (e.ownerUserId != 0) {
            const User owner = byId.value(e.ownerUserId);
            e.ownerUsername = owner.username;
            e.ownerDisplayName = nameOf(owner);
            e.ownerActive = owner.id != 0 && owner.active;
        }
        if (auto run = latest->constFind(e.scheduleId); e.scheduleId != 0 && run != latest->constEnd()) {
            e.lastCompletedByUserId = run->completedByUserId;
            e.lastCompletedByName = nameOf(byId.value(run->completedByUserId));
            if (!e.lastCompletedAt.isValid())
                e.lastCompletedAt = run->completedAt;
        }
        e.overdueFrom = e.nextDue.addDays(overdueGraceDays(cadence) + 1);
        e.daysUntilDue = int(today->daysTo(e.nextDue));
        e.timing = timingOn(cadence, e.nextDue, *today);
        // A deactivated owner cannot sign in to complete it: as good as none.
        e.state = (e.ownerUserId == 0 || !e.ownerActive) ? ReviewState::NoOwner : e.timing;
        view.entries.append(e);
    }
    return view;
}

} // namespace Concord::Review
