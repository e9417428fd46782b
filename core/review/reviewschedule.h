#pragma once

#include "common/error.h"
#include "domain/operations.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Concord::Store {
class Database;
}

namespace Concord::Review {

// Where a review stands on the business's calendar.
//
// A review is due on its date in the business's IANA zone (a Monday in
// Sydney starts while it is still Sunday in New York). It stays Due through
// overdueGraceDays() more days and is Overdue from the day after, so a
// weekly review due Monday is Due Monday–Wednesday and Overdue from Thursday.
// NoOwner wins over the timing: a review nobody owns is the first thing to fix
// (the timing is still in ScheduleEntry::timing).
enum class ReviewState { Upcoming, Due, Overdue, NoOwner };
[[nodiscard]] QString toString(ReviewState state); // "upcoming", "due", "overdue", "no_owner"

// Days after the due date that still count as on time: weekly 2, monthly 5
// (a week of business days to reconcile a month), quarterly 10.
[[nodiscard]] int overdueGraceDays(Domain::ReviewCadence cadence);

// The three cadences in display order.
[[nodiscard]] QList<Domain::ReviewCadence> allCadences();

// The business's calendar date at `nowUtc` in `zoneId`. InvalidConfig for an
// unknown zone (never silently UTC).
[[nodiscard]] Result<QDate> businessToday(const QDateTime &nowUtc, const QString &zoneId);

// Upcoming, Due or Overdue (never NoOwner) for a review due `nextDue` on `today`.
[[nodiscard]] ReviewState timingOn(Domain::ReviewCadence cadence, const QDate &nextDue, const QDate &today);

// The first due date of a newly seeded schedule, strictly after `today`: the
// next Monday, the first of next month, the first day of the next calendar
// quarter (Jan/Apr/Jul/Oct).
[[nodiscard]] QDate firstDueDate(Domain::ReviewCadence cadence, const QDate &today);

// The due date after completing the review due `currentDue` on `today`:
// weekly +7 days from the due date (not from the day it was done, so the
// weekday stays put), monthly/quarterly the first day of the following
// period. Always strictly after `today`: a review completed long overdue
// moves to the next future date instead of leaving a backlog of ghost
// reviews that were never going to happen.
[[nodiscard]] QDate nextDueAfterCompletion(Domain::ReviewCadence cadence, const QDate &currentDue,
                                           const QDate &today);

// One row of the schedule as the app shows it. Value type.
struct ScheduleEntry {
    qint64 scheduleId = 0;
    Domain::ReviewCadence cadence = Domain::ReviewCadence::Weekly;
    qint64 ownerUserId = 0;         // 0 = nobody
    QString ownerUsername;
    QString ownerDisplayName;
    bool ownerActive = true;        // false: the named owner was deactivated (reassign)
    QDate nextDue;
    QDate overdueFrom;              // first day it counts as overdue (nextDue + grace + 1)
    int daysUntilDue = 0;           // nextDue - today; negative = days since it fell due
    ReviewState timing = ReviewState::Upcoming; // Upcoming/Due/Overdue
    ReviewState state = ReviewState::Upcoming;  // timing, or NoOwner
    QDateTime lastCompletedAt;      // UTC; invalid = never
    qint64 lastCompletedByUserId = 0;
    QString lastCompletedByName;    // display name (username when it has none)

    friend bool operator==(const ScheduleEntry &, const ScheduleEntry &) = default;
};

struct ReviewScheduleView {
    QDate today;                    // in the business zone
    QString zoneId;
    QList<ScheduleEntry> entries;   // weekly, monthly, quarterly

    [[nodiscard]] const ScheduleEntry *entry(Domain::ReviewCadence cadence) const;
    friend bool operator==(const ReviewScheduleView &, const ReviewScheduleView &) = default;
};

// Inserts the schedule of every missing cadence (no owner, firstDueDate()).
// Idempotent and safe when two desktops run it at once (see
// OperationsRepository::seedReviewSchedule). Returns how many it inserted.
// Thread affinity: the thread that owns `db`.
[[nodiscard]] Result<int> seedMissingSchedules(Store::Database &db, const QDateTime &nowUtc, const QString &zoneId);

// The schedule at `nowUtc` in `zoneId`, seeding missing cadences first (so
// the view always has three entries). Reads users and the latest runs for
// names. Thread affinity: the thread that owns `db`.
[[nodiscard]] Result<ReviewScheduleView> loadReviewSchedule(Store::Database &db, const QDateTime &nowUtc,
                                                            const QString &zoneId);

} // namespace Concord::Review

Q_DECLARE_METATYPE(Concord::Review::ReviewScheduleView)
Q_DECLARE_METATYPE(Concord::Review::ScheduleEntry)
