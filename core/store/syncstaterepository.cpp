#include "store/syncstaterepository.h"

#include "store/database.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

namespace Concord::Store {

namespace {

const QString kRefColumns = u"entity_type, entity_id, system, kind, remote_id, version, updated_at"_s;

RemoteRef refFromRow(const QSqlQuery &q)
{
    RemoteRef r;
    r.entityType = q.value(0).toString();
    r.entityId = q.value(1).toString();
    r.system = parseSystem(q.value(2).toString()).value_or(System::HubSpot);
    r.kind = q.value(3).toString();
    r.remoteId = q.value(4).toString();
    r.version = q.value(5).toString();
    r.updatedAt = Sql::toDateTime(q.value(6));
    return r;
}

const QString kFlagColumns =
    u"id, kind, subject, system, message, detail_json, created_at, updated_at, resolved_at, resolved_by"_s;

SyncFlag flagFromRow(const QSqlQuery &q)
{
    SyncFlag f;
    f.id = q.value(0).toLongLong();
    f.kind = q.value(1).toString();
    f.subject = q.value(2).toString();
    f.system = q.value(3).toString();
    f.message = q.value(4).toString();
    f.detailJson = q.value(5).toString().toUtf8();
    f.createdAt = Sql::toDateTime(q.value(6));
    f.updatedAt = Sql::toDateTime(q.value(7));
    f.resolvedAt = Sql::toDateTime(q.value(8));
    f.resolvedBy = q.value(9).toString();
    return f;
}

template<typename T>
Result<std::optional<T>> optionalOf(Result<QList<T>> rows)
{
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return std::optional<T>();
    return std::optional<T>(rows->first());
}

} // namespace

SyncStateRepository::SyncStateRepository(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

Status SyncStateRepository::setRef(const RemoteRef &r)
{
    if (r.entityType.isEmpty() || r.entityId.isEmpty() || r.kind.isEmpty() || r.remoteId.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a remote reference needs an entity, a kind and a remote id"_s);
    return m_db.exec(u"INSERT INTO remote_refs (entity_type, entity_id, system, kind, remote_id, version, updated_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entity_type, entity_id, system, kind) DO UPDATE SET "
                     "remote_id = excluded.remote_id, version = excluded.version, updated_at = excluded.updated_at"_s,
                     {r.entityType, r.entityId, toString(r.system), r.kind, r.remoteId, r.version,
                      Sql::fromDateTime(m_clock.nowUtc())});
}

Result<std::optional<RemoteRef>> SyncStateRepository::ref(const QString &entityType, const QString &entityId,
                                                          System system, const QString &kind) const
{
    return optionalOf(m_db.select<RemoteRef>(u"SELECT "_s + kRefColumns
                                                 + u" FROM remote_refs WHERE entity_type = ? AND entity_id = ? "
                                                   "AND system = ? AND kind = ?"_s,
                                             {entityType, entityId, toString(system), kind}, refFromRow));
}

Result<std::optional<RemoteRef>> SyncStateRepository::refByRemote(System system, const QString &kind,
                                                                  const QString &remoteId) const
{
    return optionalOf(m_db.select<RemoteRef>(u"SELECT "_s + kRefColumns
                                                 + u" FROM remote_refs WHERE system = ? AND kind = ? AND remote_id = ? "
                                                   "ORDER BY updated_at DESC LIMIT 1"_s,
                                             {toString(system), kind, remoteId}, refFromRow));
}

Result<QList<RemoteRef>> SyncStateRepository::refsFor(const QString &entityType, const QString &entityId) const
{
    return m_db.select<RemoteRef>(u"SELECT "_s + kRefColumns
                                      + u" FROM remote_refs WHERE entity_type = ? AND entity_id = ? ORDER BY system, kind"_s,
                                  {entityType, entityId}, refFromRow);
}

Status SyncStateRepository::removeRef(const QString &entityType, const QString &entityId, System system,
                                      const QString &kind)
{
    return m_db.exec(u"DELETE FROM remote_refs WHERE entity_type = ? AND entity_id = ? AND system = ? AND kind = ?"_s,
                     {entityType, entityId, toString(system), kind});
}

Status SyncStateRepository::recordEcho(System system, const QString &entityType, const QString &remoteId,
                                       const QString &version)
{
    if (remoteId.isEmpty() || version.isEmpty())
        return {};
    return m_db.exec(u"INSERT INTO sync_echoes (system, entity_type, remote_id, version, recorded_at) "
                     "VALUES (?, ?, ?, ?, ?) ON CONFLICT (system, entity_type, remote_id, version) DO NOTHING"_s,
                     {toString(system), entityType, remoteId, version, Sql::fromDateTime(m_clock.nowUtc())});
}

Result<bool> SyncStateRepository::isEcho(System system, const QString &entityType, const QString &remoteId,
                                         const QString &version) const
{
    auto rows = m_db.select<int>(u"SELECT 1 FROM sync_echoes WHERE system = ? AND entity_type = ? AND remote_id = ? "
                                 "AND version = ?"_s,
                                 {toString(system), entityType, remoteId, version},
                                 [](const QSqlQuery &) { return 1; });
    if (!rows)
        return std::unexpected(rows.error());
    return !rows->isEmpty();
}

Result<int> SyncStateRepository::pruneEchoes(const QDateTime &before)
{
    return m_db.update(u"DELETE FROM sync_echoes WHERE recorded_at < ?"_s, {Sql::fromDateTime(before)});
}

Result<qint64> SyncStateRepository::raiseFlag(SyncFlag f)
{
    if (f.kind.isEmpty() || f.subject.isEmpty() || f.message.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a flag needs a kind, a subject and a message"_s);
    const QVariant now = Sql::fromDateTime(m_clock.nowUtc());
    const QString detail = f.detailJson.isEmpty() ? u"{}"_s : QString::fromUtf8(f.detailJson);
    // Reopening on a new raise: the same problem seen again after someone
    // resolved it is news, not noise.
    if (auto ok = m_db.exec(u"INSERT INTO sync_flags (kind, subject, system, message, detail_json, created_at, updated_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, subject) DO UPDATE SET "
                            "system = excluded.system, message = excluded.message, detail_json = excluded.detail_json, "
                            "updated_at = excluded.updated_at, resolved_at = NULL, resolved_by = ''"_s,
                            {f.kind, f.subject, f.system, f.message, detail, now, now});
        !ok) {
        return std::unexpected(ok.error());
    }
    auto id = m_db.scalar(u"SELECT id FROM sync_flags WHERE kind = ? AND subject = ?"_s, {f.kind, f.subject});
    if (!id)
        return std::unexpected(id.error());
    return id->toLongLong();
}

Status SyncStateRepository::resolveFlag(const QString &kind, const QString &subject, const QString &resolvedBy)
{
    return m_db.exec(u"UPDATE sync_flags SET resolved_at = ?, resolved_by = ?, updated_at = ? "
                     "WHERE kind = ? AND subject = ? AND resolved_at IS NULL"_s,
                     {Sql::fromDateTime(m_clock.nowUtc()), resolvedBy, Sql::fromDateTime(m_clock.nowUtc()), kind,
                      subject});
}

Result<QList<SyncFlag>> SyncStateRepository::openFlags(const QString &kind) const
{
    if (kind.isEmpty())
        return m_db.select<SyncFlag>(u"SELECT "_s + kFlagColumns
                                         + u" FROM sync_flags WHERE resolved_at IS NULL ORDER BY created_at, id"_s,
                                     {}, flagFromRow);
    return m_db.select<SyncFlag>(u"SELECT "_s + kFlagColumns
                                     + u" FROM sync_flags WHERE resolved_at IS NULL AND kind = ? ORDER BY created_at, id"_s,
                                 {kind}, flagFromRow);
}

Result<std::optional<SyncFlag>> SyncStateRepository::flag(const QString &kind, const QString &subject) const
{
    return optionalOf(m_db.select<SyncFlag>(u"SELECT "_s + kFlagColumns + u" FROM sync_flags WHERE kind = ? AND subject = ?"_s,
                                            {kind, subject}, flagFromRow));
}

} // namespace Concord::Store
