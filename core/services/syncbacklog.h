#pragma once

#include "store/outboxrepository.h"

#include <QMetaType>

#include <optional>

namespace Concord::Services {

// Whether this desktop's sync engine runs, as the backlog bar shows it.
enum class SyncRunState {
    Off,     // this desktop does not sync (no engine started here)
    Running, // carrying changes
    Pausing, // a person paused it: deliveries already on their way finish first
    Paused,  // stopped by a person; jobs stay queued until Resume
};

// The outbox backlog of one stretch of work (an initial import, a burst of
// changes), for a determinate progress bar: "Carrying changes: 240 of 603".
//
// A backlog begins when jobs are outstanding (pending or in flight) and
// ends when none is. Its total is every job that was outstanding at its
// start or was created during it:
//     total = outstanding now + finished since the start
//     done  = finished since the start
// where "finished" is succeeded + failed (waiting for a person) + dismissed.
// New jobs raise the total; a failed job a person retries goes back to
// outstanding (done − 1, total unchanged). A job waiting for its retry time
// or for a prerequisite is still outstanding: the backlog is not over.
// Pure value; safe to pass between threads.
struct SyncBacklog {
    qint64 done = 0;
    qint64 total = 0;
    SyncRunState state = SyncRunState::Off;

    [[nodiscard]] qint64 outstanding() const { return total - done; }
    [[nodiscard]] bool hasWork() const { return total > done; }

    friend bool operator==(const SyncBacklog &, const SyncBacklog &) = default;
};

// Follows the outbox counts from one reading to the next and keeps where
// the current backlog began. Not thread-safe; one per reader.
class BacklogTracker
{
public:
    // The backlog as of `counts` (its state is left Off for the caller).
    [[nodiscard]] SyncBacklog update(const Store::OutboxCounts &counts);
    // Forget the current backlog (another store was opened).
    void reset() { m_finishedAtStart.reset(); }

private:
    std::optional<qint64> m_finishedAtStart; // set while a backlog runs
};

} // namespace Concord::Services

Q_DECLARE_METATYPE(Concord::Services::SyncBacklog)
