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
    [[nodiscard]] Result<QList<Domain::OutboxJob>> claimDue(const QString &worker, int max, int leaseSecs,
                                                            const QList<Domain::System> &skip = {});
    [[nodiscard]] Status markSucceeded(qint64 id, const QString &requestId);
    // A failure. With `retryAt` valid the job waits for that time (transient);
    // otherwise it becomes Failed and waits for a person.
    [[nodiscard]] Status markFailed(qint64 id, const Error &error, const QDateTime &retryAt);

    // Puts a claimed job back without counting the attempt: it waits for
    // something else first (the customer's remote record, another job on the
    // same entity). `reason` is kept as the job's last message.
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
    [[nodiscard]] Status setState(qint64 id, const QString &sql, const QVariantList &binds, const QString &what);
    Database &m_db;
    const Clock &m_clock;
};

} // namespace Concord::Store
