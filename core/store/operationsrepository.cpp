#include "store/operationsrepository.h"

#include "store/database.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

namespace Concord::Store {

namespace {

const QString kAttachmentColumns =
    u"id, sha256, invoice_id, mime_type, size_bytes, storage_path, fetched_at, expires_at"_s;

Attachment attachmentFromRow(const QSqlQuery &q)
{
    Attachment a;
    a.id = q.value(0).toLongLong();
    a.sha256Hex = q.value(1).toString();
    a.invoiceId = q.value(2).toLongLong();
    a.mimeType = q.value(3).toString();
    a.sizeBytes = q.value(4).toLongLong();
    a.storagePath = q.value(5).toString();
    a.fetchedAt = Sql::toDateTime(q.value(6));
    a.expiresAt = Sql::toDateTime(q.value(7));
    return a;
}

bool isSha256Hex(const QString &s)
{
    if (s.size() != 64)
        return false;
    for (QChar c : s) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

} // namespace

OperationsRepository::OperationsRepository(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

Result<qint64> OperationsRepository::appendLog(SyncLogEntry e)
{
    if (e.direction != u"in"_s && e.direction != u"out"_s)
        return fail(ErrorCode::InvalidArgument, u"sync log direction must be 'in' or 'out'"_s);
    if (!e.at.isValid())
        e.at = m_clock.nowUtc();
    return m_db.insert(u"INSERT INTO sync_log (at, system, direction, entity_type, entity_id, external_id, action, outcome, "
                       "latency_ms, request_id, message, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
                       {Sql::fromDateTime(e.at), toString(e.system), e.direction, e.entityType, e.entityId, e.externalId,
                        e.action, e.outcome, e.latencyMs, e.requestId, e.message, e.kind});
}

Result<QList<SyncLogEntry>> OperationsRepository::recentLog(int limit) const
{
    return m_db.select<SyncLogEntry>(u"SELECT id, at, system, direction, entity_type, entity_id, external_id, action, "
                                     "outcome, latency_ms, request_id, message, kind FROM sync_log ORDER BY at DESC, id DESC "
                                     "LIMIT ?"_s,
                                     {limit}, [](const QSqlQuery &q) {
                                         SyncLogEntry e;
                                         e.id = q.value(0).toLongLong();
                                         e.at = Sql::toDateTime(q.value(1));
                                         e.system = parseSystem(q.value(2).toString()).value_or(System::QuickBooks);
                                         e.direction = q.value(3).toString();
                                         e.entityType = q.value(4).toString();
                                         e.entityId = q.value(5).toString();
                                         e.externalId = q.value(6).toString();
                                         e.action = q.value(7).toString();
                                         e.outcome = q.value(8).toString();
                                         e.latencyMs = q.value(9).toLongLong();
                                         e.requestId = q.value(10).toString();
                                         e.message = q.value(11).toString();
                                         e.kind = q.value(12).toString();
                                         return e;
                                     });
}

Result<QList<qint64>> OperationsRepository::latenciesSince(const QDateTime &since) const
{
    return m_db.select<qint64>(u"SELECT latency_ms FROM sync_log WHERE direction = 'out' AND outcome = 'ok' "
                               "AND latency_ms >= 0 AND at >= ? ORDER BY latency_ms"_s,
                               {Sql::fromDateTime(since)}, [](const QSqlQuery &q) { return q.value(0).toLongLong(); });
}

Result<QHash<QString, QList<qint64>>> OperationsRepository::latenciesByKindSince(const QDateTime &since) const
{
    auto rows = m_db.select<std::pair<QString, qint64>>(
        u"SELECT kind, latency_ms FROM sync_log WHERE direction = 'out' AND outcome = 'ok' "
        "AND latency_ms >= 0 AND at >= ? ORDER BY latency_ms"_s,
        {Sql::fromDateTime(since)},
        [](const QSqlQuery &q) { return std::pair{q.value(0).toString(), q.value(1).toLongLong()}; });
    if (!rows)
        return std::unexpected(rows.error());
    QHash<QString, QList<qint64>> byKind;
    for (const auto &[kind, ms] : std::as_const(*rows))
        byKind[kind].append(ms);
    return byKind;
}

Status OperationsRepository::setCursor(System system, const QString &resource, const QString &value)
{
    const QVariant now = Sql::fromDateTime(m_clock.nowUtc());
    // INSERT … ON CONFLICT … DO UPDATE is accepted by SQLite ≥ 3.24 and PostgreSQL ≥ 9.5.
    return m_db.exec(u"INSERT INTO sync_cursors (system, resource, value, updated_at) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT (system, resource) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"_s,
                     {toString(system), resource, value, now});
}

Result<std::optional<SyncCursor>> OperationsRepository::cursor(System system, const QString &resource) const
{
    auto rows = m_db.select<SyncCursor>(u"SELECT value, updated_at FROM sync_cursors WHERE system = ? AND resource = ?"_s,
                                        {toString(system), resource}, [&](const QSqlQuery &q) {
                                            return SyncCursor{system, resource, q.value(0).toString(),
                                                              Sql::toDateTime(q.value(1))};
                                        });
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return std::optional<SyncCursor>();
    return std::optional<SyncCursor>(rows->first());
}

Status OperationsRepository::saveConnection(const Connection &c)
{
    return m_db.exec(u"INSERT INTO connections (system, state, account_label, base_url, access_expires_at, "
                     "refresh_issued_at, refresh_expires_at, last_ok_at, last_error, updated_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                     "ON CONFLICT (system) DO UPDATE SET state = excluded.state, account_label = excluded.account_label, "
                     "base_url = excluded.base_url, access_expires_at = excluded.access_expires_at, "
                     "refresh_issued_at = excluded.refresh_issued_at, "
                     "refresh_expires_at = excluded.refresh_expires_at, last_ok_at = excluded.last_ok_at, "
                     "last_error = excluded.last_error, updated_at = excluded.updated_at"_s,
                     {toString(c.system), toString(c.state), c.accountLabel, c.baseUrl,
                      Sql::fromDateTime(c.accessExpiresAt), Sql::fromDateTime(c.refreshIssuedAt),
                      Sql::fromDateTime(c.refreshExpiresAt), Sql::fromDateTime(c.lastOkAt), c.lastError,
                      Sql::fromDateTime(m_clock.nowUtc())});
}

Result<QList<Connection>> OperationsRepository::connections() const
{
    auto rows = m_db.select<Connection>(u"SELECT system, state, account_label, base_url, access_expires_at, "
                                        "refresh_expires_at, last_ok_at, last_error, updated_at, refresh_issued_at "
                                        "FROM connections"_s,
                                        {}, [](const QSqlQuery &q) {
                                            Connection c;
                                            c.system = parseSystem(q.value(0).toString()).value_or(System::QuickBooks);
                                            c.state = parseConnectionState(q.value(1).toString())
                                                          .value_or(ConnectionState::Error);
                                            c.accountLabel = q.value(2).toString();
                                            c.baseUrl = q.value(3).toString();
                                            c.accessExpiresAt = Sql::toDateTime(q.value(4));
                                            c.refreshExpiresAt = Sql::toDateTime(q.value(5));
                                            c.lastOkAt = Sql::toDateTime(q.value(6));
                                            c.lastError = q.value(7).toString();
                                            c.updatedAt = Sql::toDateTime(q.value(8));
                                            c.refreshIssuedAt = Sql::toDateTime(q.value(9));
                                            return c;
                                        });
    if (!rows)
        return rows;
    QList<Connection> out;
    for (System s : allSystems()) {
        auto it = std::find_if(rows->cbegin(), rows->cend(), [s](const Connection &c) { return c.system == s; });
        if (it != rows->cend()) {
            out.append(*it);
        } else {
            Connection missing;
            missing.system = s;
            out.append(missing);
        }
    }
    return out;
}

Result<std::optional<qint64>> OperationsRepository::storeInbound(const InboundEvent &e)
{
    if (e.dedupeKey.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"an inbound event needs a dedupe key"_s);
    auto existing = m_db.scalar(u"SELECT id FROM inbound_events WHERE system = ? AND dedupe_key = ?"_s,
                                {toString(e.system), e.dedupeKey});
    if (existing)
        return std::optional<qint64>();
    if (existing.error().code != ErrorCode::NotFound)
        return std::unexpected(existing.error());
    auto id = m_db.insert(u"INSERT INTO inbound_events (system, dedupe_key, received_at, body) VALUES (?, ?, ?, ?) "
                          "RETURNING id"_s,
                          {toString(e.system), e.dedupeKey,
                           Sql::fromDateTime(e.receivedAt.isValid() ? e.receivedAt : m_clock.nowUtc()), e.body});
    if (!id)
        return std::unexpected(id.error());
    return std::optional<qint64>(*id);
}

Result<QList<InboundEvent>> OperationsRepository::unprocessedInbound(int limit) const
{
    return m_db.select<InboundEvent>(u"SELECT id, system, dedupe_key, received_at, body, error FROM inbound_events "
                                     "WHERE processed_at IS NULL ORDER BY received_at, id LIMIT ?"_s,
                                     {limit}, [](const QSqlQuery &q) {
                                         InboundEvent e;
                                         e.id = q.value(0).toLongLong();
                                         e.system = parseSystem(q.value(1).toString()).value_or(System::QuickBooks);
                                         e.dedupeKey = q.value(2).toString();
                                         e.receivedAt = Sql::toDateTime(q.value(3));
                                         e.body = q.value(4).toByteArray();
                                         e.error = q.value(5).toString();
                                         return e;
                                     });
}

Status OperationsRepository::markInboundProcessed(qint64 id, const QString &error)
{
    return Sql::requireChanged(
        m_db.update(u"UPDATE inbound_events SET processed_at = ?, error = ? WHERE id = ?"_s,
                    {Sql::fromDateTime(m_clock.nowUtc()), error, id}),
        u"no inbound event with id %1"_s.arg(id));
}

Status OperationsRepository::markInboundProcessedBefore(System system, const QDateTime &receivedBefore)
{
    if (!receivedBefore.isValid())
        return fail(ErrorCode::InvalidArgument, u"marking webhook events processed needs a valid instant"_s);
    auto changed = m_db.update(u"UPDATE inbound_events SET processed_at = ?, error = '' "
                               "WHERE system = ? AND processed_at IS NULL AND received_at < ?"_s,
                               {Sql::fromDateTime(m_clock.nowUtc()), toString(system),
                                Sql::fromDateTime(receivedBefore)});
    if (!changed)
        return std::unexpected(changed.error());
    return {};
}

Result<int> OperationsRepository::unprocessedInboundCount(System system) const
{
    auto count = m_db.scalar(u"SELECT COUNT(*) FROM inbound_events WHERE system = ? AND processed_at IS NULL"_s,
                             {toString(system)});
    if (!count)
        return std::unexpected(count.error());
    return count->toInt();
}

Result<QList<OperationsRepository::InboundSummary>> OperationsRepository::inboundSummarySince(const QDateTime &since) const
{
    auto rows = m_db.select<InboundSummary>(
        u"SELECT system, COUNT(*), SUM(CASE WHEN error <> '' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN processed_at IS NULL THEN 1 ELSE 0 END), MAX(received_at) "
        "FROM inbound_events WHERE received_at >= ? GROUP BY system ORDER BY system"_s,
        {Sql::fromDateTime(since)}, [](const QSqlQuery &q) {
            InboundSummary s;
            s.system = parseSystem(q.value(0).toString()).value_or(System::QuickBooks);
            s.received = q.value(1).toLongLong();
            s.unreadable = q.value(2).toLongLong();
            s.unprocessed = q.value(3).toLongLong();
            s.lastReceivedAt = Sql::toDateTime(q.value(4));
            return s;
        });
    return rows;
}

Result<qint64> OperationsRepository::saveAttachment(const Attachment &a)
{
    if (!isSha256Hex(a.sha256Hex))
        return fail(ErrorCode::InvalidArgument, u"an attachment needs a lower-case hex SHA-256 digest"_s);
    auto existing = m_db.scalar(u"SELECT id FROM attachments WHERE sha256 = ?"_s, {a.sha256Hex});
    if (existing)
        return existing->toLongLong();
    if (existing.error().code != ErrorCode::NotFound)
        return std::unexpected(existing.error());
    return m_db.insert(u"INSERT INTO attachments (sha256, invoice_id, mime_type, size_bytes, storage_path, fetched_at, "
                       "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
                       {a.sha256Hex, Sql::nullIfZero(a.invoiceId), a.mimeType, a.sizeBytes, a.storagePath,
                        Sql::fromDateTime(a.fetchedAt.isValid() ? a.fetchedAt : m_clock.nowUtc()),
                        Sql::fromDateTime(a.expiresAt)});
}

Result<Attachment> OperationsRepository::attachmentBySha256(const QString &sha256Hex) const
{
    return Sql::single(m_db.select<Attachment>(u"SELECT "_s + kAttachmentColumns + u" FROM attachments WHERE sha256 = ?"_s,
                                               {sha256Hex}, attachmentFromRow),
                       u"no attachment with digest %1"_s.arg(sha256Hex));
}

Result<QList<Attachment>> OperationsRepository::expiredAttachments(const QDateTime &nowUtc) const
{
    return m_db.select<Attachment>(u"SELECT "_s + kAttachmentColumns
                                       + u" FROM attachments WHERE expires_at IS NOT NULL AND expires_at <= ? ORDER BY id"_s,
                                   {Sql::fromDateTime(nowUtc)}, attachmentFromRow);
}

Status OperationsRepository::deleteAttachment(qint64 id)
{
    return Sql::requireChanged(m_db.update(u"DELETE FROM attachments WHERE id = ?"_s, {id}),
                               u"no attachment with id %1"_s.arg(id));
}

Result<QList<Attachment>> OperationsRepository::attachmentsForInvoice(qint64 invoiceId) const
{
    return m_db.select<Attachment>(u"SELECT "_s + kAttachmentColumns
                                       + u" FROM attachments WHERE invoice_id = ? ORDER BY fetched_at DESC, id DESC"_s,
                                   {invoiceId}, attachmentFromRow);
}

Result<qint64> OperationsRepository::saveReviewSchedule(const ReviewSchedule &s)
{
    if (!s.nextDue.isValid())
        return fail(ErrorCode::InvalidArgument, u"a review schedule needs a next due date"_s);
    auto id = m_db.insert(u"INSERT INTO review_schedules (cadence, owner_user_id, next_due, last_completed_at) "
                          "VALUES (?, ?, ?, ?) ON CONFLICT (cadence) DO UPDATE SET owner_user_id = excluded.owner_user_id, "
                          "next_due = excluded.next_due RETURNING id"_s,
                          {toString(s.cadence), Sql::nullIfZero(s.ownerUserId), Sql::fromDate(s.nextDue),
                           Sql::fromDateTime(s.lastCompletedAt)});
    return id;
}

Result<QList<ReviewSchedule>> OperationsRepository::reviewSchedules() const
{
    return m_db.select<ReviewSchedule>(u"SELECT id, cadence, owner_user_id, next_due, last_completed_at "
                                       "FROM review_schedules ORDER BY next_due, id"_s,
                                       {}, [](const QSqlQuery &q) {
                                           ReviewSchedule s;
                                           s.id = q.value(0).toLongLong();
                                           s.cadence = parseReviewCadence(q.value(1).toString())
                                                           .value_or(ReviewCadence::Weekly);
                                           s.ownerUserId = q.value(2).toLongLong();
                                           s.nextDue = Sql::toDate(q.value(3));
                                           s.lastCompletedAt = Sql::toDateTime(q.value(4));
                                           return s;
                                       });
}

Result<bool> OperationsRepository::seedReviewSchedule(ReviewCadence cadence, const QDate &nextDue)
{
    if (!nextDue.isValid())
        return fail(ErrorCode::InvalidArgument, u"a review schedule needs a next due date"_s);
    auto n = m_db.update(u"INSERT INTO review_schedules (cadence, owner_user_id, next_due, last_completed_at) "
                         "VALUES (?, NULL, ?, NULL) ON CONFLICT (cadence) DO NOTHING"_s,
                         {toString(cadence), Sql::fromDate(nextDue)});
    if (!n)
        return std::unexpected(n.error());
    return *n > 0;
}

Status OperationsRepository::setReviewOwner(ReviewCadence cadence, qint64 ownerUserId)
{
    return Sql::requireChanged(m_db.update(u"UPDATE review_schedules SET owner_user_id = ? WHERE cadence = ?"_s,
                                           {Sql::nullIfZero(ownerUserId), toString(cadence)}),
                               u"no %1 review schedule"_s.arg(toString(cadence)));
}

Result<qint64> OperationsRepository::completeReview(const ReviewRun &run, const QDate &nextDue,
                                                    const QDate &expectedDue)
{
    if (!nextDue.isValid())
        return fail(ErrorCode::InvalidArgument, u"completing a review needs the next due date"_s);
    const QDateTime at = run.completedAt.isValid() ? run.completedAt : m_clock.nowUtc();
    Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    QString sql = u"UPDATE review_schedules SET next_due = ?, last_completed_at = ? WHERE id = ?"_s;
    QVariantList binds{Sql::fromDate(nextDue), Sql::fromDateTime(at), run.scheduleId};
    if (expectedDue.isValid()) {
        sql += u" AND next_due = ?"_s;
        binds << Sql::fromDate(expectedDue);
    }
    auto changed = m_db.update(sql, binds);
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0) {
        if (expectedDue.isValid()) {
            auto exists = m_db.scalar(u"SELECT COUNT(*) FROM review_schedules WHERE id = ?"_s, {run.scheduleId});
            if (!exists)
                return std::unexpected(exists.error());
            if (exists->toLongLong() > 0)
                return fail(ErrorCode::Conflict,
                            u"the review due %1 was already completed (someone else recorded it first)"_s.arg(
                                expectedDue.toString(Qt::ISODate)));
        }
        return fail(ErrorCode::NotFound, u"no review schedule with id %1"_s.arg(run.scheduleId));
    }
    auto id = m_db.insert(u"INSERT INTO review_runs (schedule_id, completed_by_user_id, completed_at, findings_json) "
                          "VALUES (?, ?, ?, ?) RETURNING id"_s,
                          {run.scheduleId, run.completedByUserId, Sql::fromDateTime(at),
                           run.findingsJson.isEmpty() ? u"{}"_s : run.findingsJson});
    if (!id)
        return id;
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return id;
}

Result<QList<ReviewRun>> OperationsRepository::reviewRuns(qint64 scheduleId) const
{
    return m_db.select<ReviewRun>(u"SELECT id, schedule_id, completed_by_user_id, completed_at, findings_json "
                                  "FROM review_runs WHERE schedule_id = ? ORDER BY completed_at DESC, id DESC"_s,
                                  {scheduleId}, [](const QSqlQuery &q) {
                                      ReviewRun r;
                                      r.id = q.value(0).toLongLong();
                                      r.scheduleId = q.value(1).toLongLong();
                                      r.completedByUserId = q.value(2).toLongLong();
                                      r.completedAt = Sql::toDateTime(q.value(3));
                                      r.findingsJson = q.value(4).toString();
                                      return r;
                                  });
}

Result<QHash<qint64, ReviewRun>> OperationsRepository::latestReviewRuns() const
{
    auto runs = m_db.select<ReviewRun>(u"SELECT id, schedule_id, completed_by_user_id, completed_at, findings_json "
                                       "FROM review_runs ORDER BY completed_at, id"_s,
                                       {}, [](const QSqlQuery &q) {
                                           ReviewRun r;
                                           r.id = q.value(0).toLongLong();
                                           r.scheduleId = q.value(1).toLongLong();
                                           r.completedByUserId = q.value(2).toLongLong();
                                           r.completedAt = Sql::toDateTime(q.value(3));
                                           r.findingsJson = q.value(4).toString();
                                           return r;
                                       });
    if (!runs)
        return std::unexpected(runs.error());
    QHash<qint64, ReviewRun> latest;
    for (const ReviewRun &r : *runs)
        latest.insert(r.scheduleId, r); // ascending: the last one wins
    return latest;
}

} // namespace Concord::Store
