#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "security/auditentry.h"
#include "security/permissions.h"

#include <QJsonValue>
#include <QList>

namespace Concord::Store {
class Database;
}

namespace Concord::Security {

// The append-only, hash-chained audit log. Each entry's hash is SHA-256 over
// the previous entry's hash and this entry's canonical fields, so altering,
// removing or reordering any entry breaks every link after it.
// Thread affinity: the thread that owns `db`. append() joins the caller's
// transaction when there is one (the audit row commits with the change).
class AuditLog
{
public:
    explicit AuditLog(Store::Database &db, const Clock &clock = Clock::system());

    // `before`/`after` are stored as compact JSON (Undefined/Null → empty).
    [[nodiscard]] Result<AuditEntry> append(const Actor &actor, const QString &action, const QString &entityType,
                                            const QString &entityId, const QJsonValue &before,
                                            const QJsonValue &after);
    // Newest first.
    [[nodiscard]] Result<QList<AuditEntry>> recent(int limit) const;
    [[nodiscard]] Result<qint64> count() const;
    // Walks the whole chain in order; reports the first broken link.
    [[nodiscard]] Result<AuditVerification> verify() const;

    // SHA-256 (hex) over prevHash and the canonical fields of `entry`.
    [[nodiscard]] static QByteArray computeHash(const AuditEntry &entry);
    [[nodiscard]] static QByteArray genesisHash(); // 64 × '0'

private:
    Store::Database &m_db;
    const Clock &m_clock;
};

} // namespace Concord::Security
