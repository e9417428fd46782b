#pragma once

#include "common/error.h"

#include <QSet>
#include <QString>

namespace Concord::Store {

class Database;

// The fixed keys of Concord's session-level advisory locks (team mode,
// docs/postgresql.md "Several workers"). Every key lives here so no two duties
// ever share one. The high 32 bits spell "Conc" (0x436F6E63), so a key never
// collides with another application's small integers on a shared server; the
// low 32 bits number the duty. pg_locks shows them as classid = 0x436F6E63,
// objid = the duty number, objsubid = 1.
namespace LockKeys {
constexpr qint64 kBase = qint64(0x436F6E63) << 32;
// Capture is one duty, not one per system: the worker that reads Cal.com
// must also be the one that reads QuickBooks and HubSpot, or two workers
// could each apply the same new person (seen in two systems at once) in
// their own transaction and make two customers of one.
constexpr qint64 kCapture = kBase | 1;           // every system's polls, the catalog, the billing pass
constexpr qint64 kDuplicateScan = kBase | 5;     // the duplicate scan after new customers
constexpr qint64 kOutboxClaim = kBase | 6;       // transaction-level: one claim at a time (OutboxRepository)
constexpr qint64 kRulesEdit = kBase | 7;         // transaction-level: one editor of rules and mappings (RulesRepository)
} // namespace LockKeys

// Session-level advisory locks held on one store connection: the election of
// the one worker that does a duty among several processes on one PostgreSQL
// server. A lock lives as long as the session: a worker that dies (or whose
// connection drops) loses its locks at once, and another worker's next try
// takes them. Nothing waits: tryHold() answers at once.
//
// On SQLite a single process is the only worker: every lock is granted.
//
// Re-entrancy: pg_try_advisory_lock stacks (each success needs its own
// unlock), so tryHold() takes a lock only when this session does not already
// hold it, and asks pg_locks otherwise. That check also notices a connection
// that was lost and reopened (a new session holds nothing): tryHold() then
// takes the lock anew if it is free, or answers false.
//
// Thread affinity: the thread that owns `db`; `db` must outlive this object.
class AdvisoryLocks
{
public:
    explicit AdvisoryLocks(Database &db);
    // Releases what it holds (the session ending would too; this is sooner).
    ~AdvisoryLocks();
    AdvisoryLocks(const AdvisoryLocks &) = delete;
    AdvisoryLocks &operator=(const AdvisoryLocks &) = delete;

    // True when this session holds `key` afterwards (taken now, or still held).
    // False when another session holds it. An error when the store cannot
    // answer (the caller should act as if it were not granted).
    [[nodiscard]] Result<bool> tryHold(qint64 key);
    // Gives `key` up (no-op when not held).
    [[nodiscard]] Status release(qint64 key);
    // Gives every held key up; failures are logged (the session's end frees them anyway).
    void releaseAll();
    // What this object believes it holds (as of the last tryHold/release).
    [[nodiscard]] bool believesHeld(qint64 key) const { return m_held.contains(key); }

    // "Cal.com capture", … for log lines.
    [[nodiscard]] static QString describe(qint64 key);

private:
    Database &m_db;
    QSet<qint64> m_held;
};

} // namespace Concord::Store
