#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Concord::Security {

// One append-only audit record: who did what to which entity, with the state
// before and after (JSON), chained to its predecessor by SHA-256.
struct AuditEntry {
    qint64 seq = 0;             // 1, 2, 3 … without gaps
    QDateTime at;               // UTC, millisecond precision
    QString actor;              // username, or "system:sync"
    QString actorRole;          // role at the time of the action
    QString action;             // "mapping.field.update", "user.create", …
    QString entityType;
    QString entityId;
    QByteArray beforeJson;      // compact JSON, empty when there was nothing before
    QByteArray afterJson;       // compact JSON, empty when deleted
    QByteArray prevHash;        // hex SHA-256 of the previous entry ("0"×64 for the first)
    QByteArray hash;            // hex SHA-256 over prevHash + this entry's canonical fields
};

// Result of walking the chain from the first entry.
struct AuditVerification {
    bool ok = true;
    qint64 entriesChecked = 0;
    qint64 firstBrokenSeq = 0;  // 0 when ok
    QString reason;             // why that link is broken, in words
    QByteArray headHash;        // hash of the last good entry (genesis when empty)
};

} // namespace Concord::Security

Q_DECLARE_METATYPE(Concord::Security::AuditEntry)
Q_DECLARE_METATYPE(Concord::Security::AuditVerification)
