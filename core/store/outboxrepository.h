#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/operations.h"

#include <QDateTime>
#include <QList>
#include <optional>

namespace Concord::Store {

class Database;

struct OutboxFilter {
    std::optional<Domain::System> system;
    std::optional<Domain::JobState> state;
    QDateTime olderThan;        // created before; invalid = any age
    int limit = 500;
};

// One claim of a job, as claimDue() handed it out: the job, the worker, and
// which attempt (claimDue counts each claim in `attempts`). A result is
// recorded only while the job is still this claim — in flight, claimed by this
// worker, at this attempt — so a worker whose lease ran out (and whose job
// another worker, or a later claim of its own, took) cannot overwrite the
// newer owner's result.
struct Claim {
    qint64 id = 0;
    QString worker;
    int attempt = 0;

    [[nodiscard]] static Claim of(const Domain::OutboxJob &claimed)
    {
        return {claimed.id, claimed.claimedBy, claimed.attempts};
    }
};

// What became of a worker's result (markSucceeded/markFailed/defer by claim).
enum class ClaimOutcome {
    Recorded, // the job was still this claim: the result is stored
    Lost,     // the lease had run out and the job is someone else's (or back in
              // the queue): nothing was changed; the caller reports it
};

struct OutboxCounts {
    qint64 pending = 0;
    qint64 inFlight = 0;
    qint64 failed = 0;
    qint64 succeeded = 0;
    qint64 dismissed = 0;
};

// The outbox and retry queue. Enqueue happens in the same transaction as the
// state change that caused it; delivery claims due jobs under a lease, so a
// worker that dies leaves its jobs to be claimed again after the lease.
// Thread affinity: the thread that owns `db`.
class OutboxRepository
{
public:
    explicit OutboxRepository(Database &db, const Clock &clock = Clock::system());

    // Adds a job. The idempotency key is unique: enqueuing the same key again
    // returns the existing job's id and changes nothing (a replayed event
    // never produces a second effect).
    [[nodiscard]] Result<qint64> enqueue(Domain::OutboxJob job);
    [[nodiscard]] Result<Domain::OutboxJob> get(qint64 id) const;
    [[nodiscard]] Result<Domain::OutboxJob> byIdempotencyKey(const QString &key) const;

    // Claims up to `max` jobs that are due (pending with nextAttemptAt ≤ now,
    // or in flight with an expired lease), oldest first, for `worker` until
    // now + leaseSecs.
    // Jobs for the systems in `skip` are left alone (their workers are busy).
    // A job whose record (system, entity) has a job in flight under another
    // worker's live lease waits too: one delivery per record at a time across
    // workers (two deal writes for one appointment must not both create it).
    // On PostgreSQL the claim runs under a transaction-level advisory lock
    // (LockKeys::kOutboxClaim) so that rule holds between concurrent claims
    // (FOR UPDATE SKIP LOCKED alone cannot see another worker's uncommitted
    // claim of a sibling job).
    [[nodiscard]] Result<QList<Domain::OutboxJob>> claimDue(const QString &worker, int max, int leaseSecs,
                                                            const QList<Domain::System> &skip = {});

    // A worker's results, recorded only while the job is still its claim
    // (see Claim); otherwise ClaimOutcome::Lost and nothing changes. An error
    // when the job does not exist or the store fails.
    [[nodiscard]] Result<ClaimOutcome> markSucceeded(const Claim &claim, const QString &requestId);
    // A failure. With `retryAt` valid the job waits for that time (transient);
    // otherwise it becomes Failed and waits for a person.
    [[nodiscard]] Result<ClaimOutcome> markFailed(const Claim &claim, const Error &error, const QDateTime &retryAt);
    // Puts a claimed job back without counting the attempt: it waits for
    // something else first (the customer's remote record, another job on the
    // same entity). `reason` is kept as the job's last message.
    [[nodiscard]] Result<ClaimOutcome> defer(const Claim &claim, const QDateTime &retryAt, const QString &reason);
    // The heartbeat of a slow delivery: every job in flight under `worker`
    // gets its lease extended to now + leaseSecs (the engine calls this every
    // leaseSecs / 3 while it has deliveries running, so an alive worker never
    // loses a job to the lease). A job another worker has taken since is not
    // touched. Returns how many leases were extended.
    [[nodiscard]] Result<int> renewLeases(const QString &worker, int leaseSecs);

    // The same, by id alone, whoever holds the claim: for tools and tests that
    // own the whole queue. A worker records its results by Claim (above).
    // Conflict when the job is not in flight.
    [[nodiscard]] Status markSucceeded(qint64 id, const QString &requestId);
    [[nodiscard]] Status markFailed(qint64 id, const Error &error, const QDateTime &retryAt);
    [[nodiscard]] Status defer(qint64 id, const QDateTime &retryAt, const QString &reason);
    // Whether a job of `operation` for the entity waits, unclaimed (so a new
    // trigger can ride on it instead of adding another).
    [[nodiscard]] Result<bool> hasPending(const QString &operation, const QString &entityType,
                                          const QString &entityId) const;
    // When the earliest pending job falls due; invalid when none waits.
    [[nodiscard]] Result<QDateTime> nextDueAt() const;
    // A restarted worker takes back what it had claimed before it died
    // (same worker name), instead of waiting for the leases to run out.
    [[nodiscard]] Result<int> releaseClaims(const QString &worker);

    // Admin actions on the retry queue (audited by the command layer).
    [[nodiscard]] Status retryNow(qint64 id);
    [[nodiscard]] Status dismiss(qint64 id);
    // Replaces the payload (manual override) and makes the job due now.
    [[nodiscard]] Status overridePayload(qint64 id, const QByteArray &payloadJson);
    // A person found that what the job would create already exists remotely
    // and linked it: the job is done without another delivery. Only from
    // pending or failed (a claimed job belongs to its worker; Conflict
    // otherwise). `note` becomes the job's last message, like defer()'s
    // reason; the failed attempt's code, detail, HTTP status and request id
    // stay, since they still describe the last delivery.
    [[nodiscard]] Status resolveByLink(qint64 id, const QString &note);

    [[nodiscard]] Result<QList<Domain::OutboxJob>> list(const OutboxFilter &filter) const;
    [[nodiscard]] Result<OutboxCounts> counts() const;

private:
    // UPDATE outbox_jobs SET <set> WHERE id = ? AND state = 'in_flight' AND
    // claimed_by = ? AND attempts = ?, mapping "no row changed" to Lost.
    [[nodiscard]] Result<ClaimOutcome> settle(const Claim &claim, const QString &set, QVariantList binds);
    [[nodiscard]] Status setState(qint64 id, const QString &sql, const QVariantList &binds, const QString &what);
    Database &m_db;
    const Clock &m_clock;
};

} // namespace Concord::Store
