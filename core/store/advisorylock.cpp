#include "store/advisorylock.h"

#include "common/logging.h"
#include "store/database.h"

using namespace Qt::StringLiterals;

namespace Concord::Store {

AdvisoryLocks::AdvisoryLocks(Database &db)
    : m_db(db)
{
}

AdvisoryLocks::~AdvisoryLocks()
{
    releaseAll();
}

Result<bool> AdvisoryLocks::tryHold(qint64 key)
{
    if (m_db.engine() != Engine::PostgreSQL) {
        m_held.insert(key);
        return true;
    }
    // One round trip, never stacking: when pg_locks shows this session holds
    // the key, that is the answer; otherwise try to take it. CASE evaluates
    // pg_try_advisory_lock only in the ELSE branch. A reopened connection is a
    // new backend (pg_backend_pid), so a lock the old session had is not
    // mistaken for one still held.
    auto held = m_db.scalar(
        u"SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' "
        "AND pid = pg_backend_pid() AND granted AND objsubid = 1 "
        "AND classid::bigint = CAST(? AS BIGINT) AND objid::bigint = CAST(? AS BIGINT)) "
        "THEN true ELSE pg_try_advisory_lock(CAST(? AS BIGINT)) END"_s,
        {key >> 32, key & 0xffffffffLL, key});
    if (!held) {
        m_held.remove(key);
        return std::unexpected(held.error());
    }
    const bool now = held->toBool();
    if (now)
        m_held.insert(key);
    else
        m_held.remove(key);
    return now;
}

Status AdvisoryLocks::release(qint64 key)
{
    if (!m_held.remove(key) || m_db.engine() != Engine::PostgreSQL)
        return {};
    // False (with a server warning) when the session no longer held it,
    // e.g. after a reconnect: nothing left to give up either way.
    auto released = m_db.scalar(u"SELECT pg_advisory_unlock(CAST(? AS BIGINT))"_s, {key});
    if (!released)
        return std::unexpected(released.error());
    return {};
}

void AdvisoryLocks::releaseAll()
{
    const QList<qint64> keys(m_held.cbegin(), m_held.cend());
    for (qint64 key : keys) {
        if (auto ok = release(key); !ok)
            qCWarning(lcStore).noquote() << "advisory lock" << describe(key)
                                         << "could not be released (the session's end frees it):" << ok.error().message;
    }
}

QString AdvisoryLocks::describe(qint64 key)
{
    switch (key) {
    case LockKeys::kCapture: return u"capture"_s;
    case LockKeys::kDuplicateScan: return u"duplicate scan"_s;
    case LockKeys::kOutboxClaim: return u"outbox claim"_s;
    default: return u"key %1"_s.arg(key);
    }
}

} // namespace Concord::Store
