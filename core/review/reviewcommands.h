#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/operations.h"
#include "review/reviewschedule.h"
#include "security/permissions.h"

#include <QJsonObject>
#include <QString>

namespace Concord::Store {
class Database;
}

namespace Concord::Review {

// The review schedule's mutating commands. Each checks the actor's
// permission, writes in one transaction and appends one audit entry that
// commits with the change (as Services::AdminCommands does).
// Thread affinity: the thread that owns `db`.
class ReviewCommands
{
public:
    // `zoneId`: the business's IANA zone, which decides the calendar day a
    // review was completed on and so its next due date.
    ReviewCommands(Store::Database &db, const Clock &clock, QString zoneId);

    // Names `cadence`'s owner (Permission::ScheduleReviews: owners, a person).
    // `userId` must be an active user whose role may complete reviews;
    // 0 clears the owner. Seeds the schedule first when it is missing.
    // Audit "review.owner.assign" on review_schedule/<cadence>, before/after
    // the owner's id and username. Returns the entry as it now stands.
    [[nodiscard]] Result<ScheduleEntry> assignOwner(const Security::Actor &actor, Domain::ReviewCadence cadence,
                                                    qint64 userId);

    // Records that the review due now was done (Permission::CompleteReviews).
    // Who: the review's named owner, or any owner-role user (an owner stands
    // in when the named person is away; nobody else signs for someone else's
    // review). A review without a named owner may be completed only by an
    // owner-role user. Always a person: the run names a user.
    //
    // `findingsSummary` is what the reviewer saw (WeeklyFindings::toJson() or
    // the monthly/quarterly equivalent); stored in review_runs.findings_json
    // as {"cadence", "due", "note", "findings"}. Its "counts" object (or, when
    // it has none, its top-level numbers) goes into the audit entry with the
    // note. Moves next_due per nextDueAfterCompletion(); Conflict when another
    // desktop completed the same due review first.
    [[nodiscard]] Result<Domain::ReviewRun> completeReview(const Security::Actor &actor,
                                                           Domain::ReviewCadence cadence,
                                                           const QJsonObject &findingsSummary, const QString &note);

    // The counts put into the audit entry for `findingsSummary` (see above).
    [[nodiscard]] static QJsonObject countsOf(const QJsonObject &findingsSummary);

private:
    Store::Database &m_db;
    const Clock &m_clock;
    QString m_zoneId;
};

} // namespace Concord::Review
