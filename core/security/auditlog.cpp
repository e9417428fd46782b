#include "security/auditlog.h"

#include "common/logging.h"
#include "store/database.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Concord::Security {

namespace {

const QString kColumns =
    u"seq, at, actor, actor_role, action, entity_type, entity_id, before_json, after_json, prev_hash, hash"_s;

AuditEntry fromRow(const QSqlQuery &q)
{
    AuditEntry e;
    e.seq = q.value(0).toLongLong();
    e.at = Store::Sql::toDateTime(q.value(1));
    e.actor = q.value(2).toString();
    e.actorRole = q.value(3).toString();
    e.action = q.value(4).toString();
    e.entityType = q.value(5).toString();
    e.entityId = q.value(6).toString();
    e.beforeJson = q.value(7).toString().toUtf8();
    e.afterJson = q.value(8).toString().toUtf8();
    e.prevHash = q.value(9).toString().toLatin1();
    e.hash = q.value(10).toString().toLatin1();
    return e;
}

QByteArray compactJson(const QJsonValue &v)
{
    if (v.isUndefined() || v.isNull())
        return {};
    if (v.isObject())
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    // Scalars: wrap so the stored text is always a JSON document.
    return QJsonDocument(QJsonObject{{u"value"_s, v}}).toJson(QJsonDocument::Compact);
}

// Length-prefixed fields: no separator choice can make two different entries
// serialize alike.
void addField(QCryptographicHash &h, const QByteArray &field)
{
    h.addData(QByteArray::number(field.size()));
    h.addData(QByteArrayView(":"));
    h.addData(field);
}

} // namespace

AuditLog::AuditLog(Store::Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

QByteArray AuditLog::genesisHash()
{
    return QByteArray(64, '0');
}

QByteArray AuditLog::computeHash(const AuditEntry &e)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    addField(h, e.prevHash);
    addField(h, QByteArray::number(e.seq));
    addField(h, QByteArray::number(e.at.toMSecsSinceEpoch()));
    addField(h, e.actor.toUtf8());
    addField(h, e.actorRole.toUtf8());
    addField(h, e.action.toUtf8());
    addField(h, e.entityType.toUtf8());
    addField(h, e.entityId.toUtf8());
    addField(h, e.beforeJson);
    addField(h, e.afterJson);
    return h.result().toHex();
}

Result<AuditEntry> AuditLog::append(const Actor &actor, const QString &action, const QString &entityType,
                                    const QString &entityId, const QJsonValue &before, const QJsonValue &after)
{
    if (actor.username.isEmpty() || action.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"an audit entry needs an actor and an action"_s);
    Store::Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    auto last = m_db.select<std::pair<qint64, QByteArray>>(
        u"SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"_s, {},
        [](const QSqlQuery &q) { return std::pair{q.value(0).toLongLong(), q.value(1).toString().toLatin1()}; });
    if (!last)
        return std::unexpected(last.error());

    AuditEntry e;
    e.seq = last->isEmpty() ? 1 : last->first().first + 1;
    e.prevHash = last->isEmpty() ? genesisHash() : last->first().second;
    // Millisecond precision: what the column stores is what the hash covers.
    e.at = QDateTime::fromMSecsSinceEpoch(m_clock.nowUtc().toMSecsSinceEpoch(), Qt::UTC);
    e.actor = actor.username;
    e.actorRole = actor.isSystem ? u"system"_s : Domain::toString(actor.role);
    e.action = action;
    e.entityType = entityType;
    e.entityId = entityId;
    e.beforeJson = compactJson(before);
    e.afterJson = compactJson(after);
    e.hash = computeHash(e);

    if (auto ok = m_db.exec(u"INSERT INTO audit_log (seq, at, actor, actor_role, action, entity_type, entity_id, "
                            "before_json, after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                            {e.seq, Store::Sql::fromDateTime(e.at), e.actor, e.actorRole, e.action, e.entityType,
                             e.entityId, QString::fromUtf8(e.beforeJson), QString::fromUtf8(e.afterJson),
                             QString::fromLatin1(e.prevHash), QString::fromLatin1(e.hash)});
        !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    qCDebug(lcSecurity) << "audit" << e.seq << e.actor << e.action << e.entityType << e.entityId;
    return e;
}

Result<QList<AuditEntry>> AuditLog::recent(int limit) const
{
    return m_db.select<AuditEntry>(u"SELECT "_s + kColumns + u" FROM audit_log ORDER BY seq DESC LIMIT ?"_s, {limit},
                                   fromRow);
}

Result<qint64> AuditLog::count() const
{
    return m_db.countRows(u"audit_log"_s);
}

Result<AuditVerification> AuditLog::verify() const
{
    AuditVerification result;
    QByteArray expectedPrev = genesisHash();
    qint64 expectedSeq = 1;
    // Read in pages so a long history does not sit in memory at once.
    constexpr int kPage = 5000;
    for (;;) {
        auto page = m_db.select<AuditEntry>(u"SELECT "_s + kColumns + u" FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?"_s,
                                            {expectedSeq, kPage}, fromRow);
        if (!page)
            return std::unexpected(page.error());
        for (const AuditEntry &e : std::as_const(*page)) {
            QString reason;
            if (e.seq != expectedSeq)
                reason = u"entry %1 is missing (the next entry is %2)"_s.arg(expectedSeq).arg(e.seq);
            else if (e.prevHash != expectedPrev)
                reason = u"entry %1 does not point at the hash of entry %2"_s.arg(e.seq).arg(e.seq - 1);
            else if (computeHash(e) != e.hash)
                reason = u"entry %1 was altered after it was written (its content no longer matches its hash)"_s.arg(e.seq);
            if (!reason.isEmpty()) {
                result.ok = false;
                result.firstBrokenSeq = e.seq != expectedSeq ? expectedSeq : e.seq;
                result.reason = reason;
                return result;
            }
            ++result.entriesChecked;
            expectedPrev = e.hash;
            ++expectedSeq;
        }
        if (page->size() < kPage)
            break;
    }
    // Limit: removing the newest entries leaves a shorter chain that is still
    // valid. The head hash is reported so it can be anchored elsewhere (a
    // review record, a printout) and compared later.
    result.headHash = expectedPrev;
    return result;
}

} // namespace Concord::Security
