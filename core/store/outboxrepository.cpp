#include "store/outboxrepository.h"

#include "store/advisorylock.h"
#include "store/database.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

namespace Concord::Store {

namespace {

const QString kColumns =
    u"id, target_system, operation, entity_type, entity_id, payload_json, idempotency_key, state, attempts, "
    "next_attempt_at, source_changed_at, last_error_code, last_error_message, last_error_detail, last_http_status, "
    "last_request_id, claimed_by, lease_until, created_at, updated_at, source_kind, previous_attempt_at"_s;

OutboxJob fromRow(const QSqlQuery &q)
{
    OutboxJob j;
    j.id = q.value(0).toLongLong();
    j.targetSystem = parseSystem(q.value(1).toString()).value_or(System::QuickBooks);
    j.operation = q.value(2).toString();
    j.entityType = q.value(3).toString();
    j.entityId = q.value(4).toString();
    j.payloadJson = q.value(5).toString().toUtf8();
    j.idempotencyKey = q.value(6).toString();
    j.state = parseJobState(q.value(7).toString()).value_or(JobState::Pending);
    j.attempts = q.value(8).toInt();
    j.nextAttemptAt = Sql::toDateTime(q.value(9));
    j.sourceChangedAt = Sql::toDateTime(q.value(10));
    j.lastErrorCode = q.value(11).toString();
    j.lastErrorMessage = q.value(12).toString();
    j.lastErrorDetail = q.value(13).toString();
    j.lastHttpStatus = q.value(14).toInt();
    j.lastRequestId = q.value(15).toString();
    j.claimedBy = q.value(16).toString();
    j.leaseUntil = Sql::toDateTime(q.value(17));
    j.createdAt = Sql::toDateTime(q.value(18));
    j.updatedAt = Sql::toDateTime(q.value(19));
    j.sourceKind = q.value(20).toString();
    j.previousAttemptAt = Sql::toDateTime(q.value(21));
    return j;
}

} // namespace

OutboxRepository::OutboxRepository(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

Result<qint64> OutboxRepository::enqueue(OutboxJob job)
{
    if (job.idempotencyKey.isEmpty() || job.operation.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"an outbox job needs an operation and an idempotency key"_s);
    auto existing = m_db.scalar(u"SELECT id FROM outbox_jobs WHERE idempotency_key = ?"_s, {job.idempotencyKey});
    if (existing)
        return existing->toLongLong();
    if (existing.error().code != ErrorCode::NotFound)
        return std::unexpected(existing.error());
    const QDateTime now = m_clock.nowUtc();
    return m_db.insert(u"INSERT INTO outbox_jobs (target_system, operation, entity_type, entity_id, payload_json, "
                       "idempotency_key, state, attempts, next_attempt_at, source_changed_at, created_at, updated_at, "
                       "source_kind) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?, ?) RETURNING id"_s,
                       {toString(job.targetSystem), job.operation, job.entityType, job.entityId,
                        job.payloadJson.isEmpty() ? u"{}"_s : QString::fromUtf8(job.payloadJson), job.idempotencyKey,
                        Sql::fromDateTime(job.nextAttemptAt.isValid() ? job.nextAttemptAt : now),
                        Sql::fromDateTime(job.sourceChangedAt), Sql::fromDateTime(now), Sql::fromDateTime(now),
                        job.sourceKind});
}

Result<OutboxJob> OutboxRepository::get(qint64 id) const
{
    return Sql::single(m_db.select<OutboxJob>(u"SELECT "_s + kColumns + u" FROM outbox_jobs WHERE id = ?"_s, {id}, fromRow),
                       u"no outbox job with id %1"_s.arg(id));
}

Result<OutboxJob> OutboxRepository::byIdempotencyKey(const QString &key) const
{
    return Sql::single(m_db.select<OutboxJob>(u"SELECT "_s + kColumns + u" FROM outbox_jobs WHERE idempotency_key = ?"_s,
                                              {key}, fromRow),
                       u"no outbox job with key %1"_s.arg(key));
}

Result<QList<OutboxJob>> OutboxRepository::claimDue(const QString &worker, int max, int leaseSecs,
                                                    const QList<System> &skip)
{
    if (worker.isEmpty() || max <= 0 || leaseSecs <= 0)
        return fail(ErrorCode::InvalidArgument, u"claiming jobs needs a worker name, a count and a lease"_s);
    const QDateTime now = m_clock.nowUtc();
    const QVariant nowMs = Sql::fromDateTime(now);
    Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    // PostgreSQL (team mode) takes row locks so concurrent workers skip each
    // other's claims; SQLite has one writer, and the transaction serializes.
    const bool postgres = m_db.engine() == Engine::PostgreSQL;
    const QString lock = postgres ? u" FOR UPDATE SKIP LOCKED"_s : QString();
    if (postgres) {
        // Claims queue for a moment (a claim is one SELECT and one UPDATE of
        // a row or a few) so the "one delivery per record" rule below sees
        // every claim committed before it: under READ COMMITTED the SELECT's
        // snapshot is taken after this lock is granted. Freed at COMMIT.
        if (auto ok = m_db.exec(u"SELECT pg_advisory_xact_lock(CAST(? AS BIGINT))"_s, {LockKeys::kOutboxClaim}); !ok)
            return std::unexpected(ok.error());
    }
    QString skipped;
    QVariantList binds{nowMs, nowMs};
    if (!skip.isEmpty()) {
        skipped = u" AND j.target_system NOT IN ("_s + Database::placeholders(int(skip.size())) + u")"_s;
        for (System sys : skip)
            binds << toString(sys);
    }
    // Another worker's live claim on the same record keeps its siblings
    // waiting (this worker's own are the engine's to sort out: it defers
    // them while the first runs, without touching the store twice).
    binds << nowMs << worker << max;
    auto ids = m_db.select<qint64>(
        u"SELECT j.id FROM outbox_jobs j WHERE ((j.state = 'pending' AND j.next_attempt_at <= ?) "
        "OR (j.state = 'in_flight' AND j.lease_until < ?))"_s
            + skipped
            + u" AND NOT EXISTS (SELECT 1 FROM outbox_jobs o WHERE o.state = 'in_flight' AND o.lease_until >= ? "
              "AND o.claimed_by <> ? AND o.target_system = j.target_system AND o.entity_type = j.entity_type "
              "AND o.entity_id = j.entity_id)"
              " ORDER BY j.next_attempt_at, j.id LIMIT ?"_s
            + lock,
        binds, [](const QSqlQuery &q) { return q.value(0).toLongLong(); });
    if (!ids)
        return std::unexpected(ids.error());
    QList<OutboxJob> claimed;
    for (qint64 id : std::as_const(*ids)) {
        if (auto ok = m_db.exec(u"UPDATE outbox_jobs SET state = 'in_flight', claimed_by = ?, lease_until = ?, "
                                "attempts = attempts + 1, previous_attempt_at = last_attempt_at, last_attempt_at = ?, "
                                "updated_at = ? WHERE id = ?"_s,
                                {worker, Sql::fromDateTime(now.addSecs(leaseSecs)), nowMs, nowMs, id});
            !ok) {
            return std::unexpected(ok.error());
        }
        auto job = get(id);
        if (!job)
            return std::unexpected(job.error());
        claimed.append(*job);
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return claimed;
}

Status OutboxRepository::setState(qint64 id, const QString &sql, const QVariantList &binds, const QString &what)
{
    auto changed = m_db.update(sql, binds);
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0) {
        auto job = get(id);
        if (!job)
            return std::unexpected(job.error());
        return fail(ErrorCode::Conflict, u"job %1 is %2 and cannot be %3"_s.arg(id).arg(toString(job->state), what));
    }
    return {};
}

namespace {

// The SET clauses of a worker's three results, shared by the claim-checked
// and the by-id forms (one wording of each transition).
const QString kSucceededSet = u"state = 'succeeded', last_request_id = ?, claimed_by = '', lease_until = NULL, "
                              "updated_at = ?"_s;
const QString kFailedSet = u"state = ?, next_attempt_at = ?, last_error_code = ?, last_error_message = ?, "
                           "last_error_detail = ?, last_http_status = ?, last_request_id = ?, claimed_by = '', "
                           "lease_until = NULL, updated_at = ?"_s;
const QString kDeferredSet = u"state = 'pending', next_attempt_at = ?, "
                             "attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END, "
                             "last_error_message = ?, claimed_by = '', lease_until = NULL, updated_at = ?"_s;

QVariantList failedBinds(const Error &error, const QDateTime &retryAt, const QVariant &now)
{
    return {retryAt.isValid() ? u"pending"_s : u"failed"_s, retryAt.isValid() ? Sql::fromDateTime(retryAt) : now,
            errorCodeName(error.code), error.message, error.detail.left(4000), error.httpStatus, error.requestId, now};
}

} // namespace

Result<ClaimOutcome> OutboxRepository::settle(const Claim &claim, const QString &set, QVariantList binds)
{
    binds << claim.id << claim.worker << claim.attempt;
    auto changed = m_db.update(u"UPDATE outbox_jobs SET "_s + set
                                   + u" WHERE id = ? AND state = 'in_flight' AND claimed_by = ? AND attempts = ?"_s,
                               binds);
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed > 0)
        return ClaimOutcome::Recorded;
    // Not this claim any more: the lease ran out and another worker (or a
    // later claim) took the job, or a restart put it back. Its new owner's
    // result must stand; a missing job is an error, not a lost claim.
    auto job = get(claim.id);
    if (!job)
        return std::unexpected(job.error());
    return ClaimOutcome::Lost;
}

Result<ClaimOutcome> OutboxRepository::markSucceeded(const Claim &claim, const QString &requestId)
{
    return settle(claim, kSucceededSet, {requestId, Sql::fromDateTime(m_clock.nowUtc())});
}

Result<ClaimOutcome> OutboxRepository::markFailed(const Claim &claim, const Error &error, const QDateTime &retryAt)
{
    return settle(claim, kFailedSet, failedBinds(error, retryAt, Sql::fromDateTime(m_clock.nowUtc())));
}

Result<ClaimOutcome> OutboxRepository::defer(const Claim &claim, const QDateTime &retryAt, const QString &reason)
{
    return settle(claim, kDeferredSet, {Sql::fromDateTime(retryAt), reason, Sql::fromDateTime(m_clock.nowUtc())});
}

Result<int> OutboxRepository::renewLeases(const QString &worker, int leaseSecs)
{
    if (worker.isEmpty() || leaseSecs <= 0)
        return fail(ErrorCode::InvalidArgument, u"renewing leases needs a worker name and a lease"_s);
    const QDateTime now = m_clock.nowUtc();
    // A lease that already ran out is renewed too while the job is still
    // this worker's: nobody took it, and the delivery is still running. If
    // another worker is claiming it right now, PostgreSQL makes this UPDATE
    // wait for that claim's row lock and then re-checks claimed_by: the
    // newer claim wins and is not touched.
    return m_db.update(u"UPDATE outbox_jobs SET lease_until = ? WHERE state = 'in_flight' AND claimed_by = ?"_s,
                       {Sql::fromDateTime(now.addSecs(leaseSecs)), worker});
}

Status OutboxRepository::markSucceeded(qint64 id, const QString &requestId)
{
    return setState(id, u"UPDATE outbox_jobs SET "_s + kSucceededSet + u" WHERE id = ? AND state = 'in_flight'"_s,
                    {requestId, Sql::fromDateTime(m_clock.nowUtc()), id}, u"marked delivered"_s);
}

Status OutboxRepository::markFailed(qint64 id, const Error &error, const QDateTime &retryAt)
{
    QVariantList binds = failedBinds(error, retryAt, Sql::fromDateTime(m_clock.nowUtc()));
    binds << id;
    return setState(id, u"UPDATE outbox_jobs SET "_s + kFailedSet + u" WHERE id = ? AND state = 'in_flight'"_s, binds,
                    u"marked failed"_s);
}

Status OutboxRepository::defer(qint64 id, const QDateTime &retryAt, const QString &reason)
{
    const QVariant now = Sql::fromDateTime(m_clock.nowUtc());
    return setState(id, u"UPDATE outbox_jobs SET "_s + kDeferredSet + u" WHERE id = ? AND state = 'in_flight'"_s,
                    {Sql::fromDateTime(retryAt), reason, now, id}, u"deferred"_s);
}

Result<bool> OutboxRepository::hasPending(const QString &operation, const QString &entityType,
                                          const QString &entityId) const
{
    auto rows = m_db.select<int>(u"SELECT 1 FROM outbox_jobs WHERE operation = ? AND entity_type = ? AND entity_id = ? "
                                 "AND state = 'pending' LIMIT 1"_s,
                                 {operation, entityType, entityId}, [](const QSqlQuery &) { return 1; });
    if (!rows)
        return std::unexpected(rows.error());
    return !rows->isEmpty();
}

Result<QDateTime> OutboxRepository::nextDueAt() const
{
    auto rows = m_db.select<QDateTime>(u"SELECT MIN(next_attempt_at) FROM outbox_jobs WHERE state = 'pending'"_s, {},
                                       [](const QSqlQuery &q) { return Sql::toDateTime(q.value(0)); });
    if (!rows)
        return std::unexpected(rows.error());
    return rows->isEmpty() ? QDateTime() : rows->first();
}

Result<int> OutboxRepository::releaseClaims(const QString &worker)
{
    return m_db.update(u"UPDATE outbox_jobs SET state = 'pending', claimed_by = '', lease_until = NULL, updated_at = ? "
                       "WHERE state = 'in_flight' AND claimed_by = ?"_s,
                       {Sql::fromDateTime(m_clock.nowUtc()), worker});
}

Status OutboxRepository::retryNow(qint64 id)
{
    const QVariant now = Sql::fromDateTime(m_clock.nowUtc());
    return setState(id,
                    u"UPDATE outbox_jobs SET state = 'pending', next_attempt_at = ?, updated_at = ? "
                    "WHERE id = ? AND state IN ('pending','failed','dismissed')"_s,
                    {now, now, id}, u"retried"_s);
}

Status OutboxRepository::dismiss(qint64 id)
{
    return setState(id,
                    u"UPDATE outbox_jobs SET state = 'dismissed', updated_at = ? WHERE id = ? AND state IN ('pending','failed')"_s,
                    {Sql::fromDateTime(m_clock.nowUtc()), id}, u"dismissed"_s);
}

Status OutboxRepository::overridePayload(qint64 id, const QByteArray &payloadJson)
{
    const QVariant now = Sql::fromDateTime(m_clock.nowUtc());
    return setState(id,
                    u"UPDATE outbox_jobs SET payload_json = ?, state = 'pending', next_attempt_at = ?, updated_at = ? "
                    "WHERE id = ? AND state IN ('pending','failed','dismissed')"_s,
                    {QString::fromUtf8(payloadJson), now, now, id}, u"edited"_s);
}

Status OutboxRepository::resolveByLink(qint64 id, const QString &note)
{
    return setState(
        id,
        u"UPDATE outbox_jobs SET state = 'succeeded', last_error_message = ?, claimed_by = '', "
        "lease_until = NULL, updated_at = ? WHERE id = ? AND state IN ('pending','failed')"_s,
        { note, Sql::fromDateTime(m_clock.nowUtc()), id }, u"resolved by a link"_s);
}

Result<QList<OutboxJob>> OutboxRepository::list(const OutboxFilter &filter) const
{
    QString sql = u"SELECT "_s + kColumns + u" FROM outbox_jobs WHERE 1 = 1"_s;
    QVariantList binds;
    if (filter.system) {
        sql += u" AND target_system = ?"_s;
        binds << toString(*filter.system);
    }
    if (filter.state) {
        sql += u" AND state = ?"_s;
        binds << toString(*filter.state);
    }
    if (filter.olderThan.isValid()) {
        sql += u" AND created_at < ?"_s;
        binds << Sql::fromDateTime(filter.olderThan);
    }
    sql += u" ORDER BY created_at, id LIMIT ?"_s;
    binds << filter.limit;
    return m_db.select<OutboxJob>(sql, binds, fromRow);
}

Result<OutboxCounts> OutboxRepository::counts() const
{
    auto rows = m_db.select<std::pair<QString, qint64>>(
        u"SELECT state, COUNT(*) FROM outbox_jobs GROUP BY state"_s, {},
        [](const QSqlQuery &q) { return std::pair{q.value(0).toString(), q.value(1).toLongLong()}; });
    if (!rows)
        return std::unexpected(rows.error());
    OutboxCounts c;
    for (const auto &[state, n] : std::as_const(*rows)) {
        switch (parseJobState(state).value_or(JobState::Pending)) {
        case JobState::Pending: c.pending += n; break;
        case JobState::InFlight: c.inFlight += n; break;
        case JobState::Failed: c.failed += n; break;
        case JobState::Succeeded: c.succeeded += n; break;
        case JobState::Dismissed: c.dismissed += n; break;
        }
    }
    return c;
}

} // namespace Concord::Store
