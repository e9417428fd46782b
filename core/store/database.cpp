#include "store/database.h"

#include "common/logging.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Concord::Store {

namespace {

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"concord-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

// Qt's drivers bind a null QString (QString()) as SQL NULL, so an empty field
// left default-constructed would violate NOT NULL columns. Only an explicitly
// null variant (Sql::nullIfEmpty, Sql::nullIfZero) means NULL; a string that
// is present but null means ''. Same for byte arrays.
bool needsBindFix(const QVariant &v)
{
    if (v.isNull())
        return false;
    if (v.metaType() == QMetaType::fromType<QString>())
        return static_cast<const QString *>(v.constData())->isNull();
    if (v.metaType() == QMetaType::fromType<QByteArray>())
        return static_cast<const QByteArray *>(v.constData())->isNull();
    return false;
}

QVariant bindable(const QVariant &v)
{
    if (v.isNull())
        return v;
    if (v.metaType() == QMetaType::fromType<QString>() && v.toString().isNull())
        return QVariant(QString(u""_s));
    if (v.metaType() == QMetaType::fromType<QByteArray>() && v.toByteArray().isNull())
        return QVariant(QByteArray(""));
    return v;
}

// What kind of constraint a failed statement broke. A duplicate key is a
// Conflict (someone else has it); a missing value, a failed CHECK or a
// dangling reference is bad input to the store.
// Privilege: PostgreSQL's insufficient_privilege (42501), raised by a grant
// the person's role lacks or by a team-mode guard trigger (docs/team-users.md).
enum class Violation { None, Unique, NotNull, Check, ForeignKey, Privilege };

Violation violationOf(const QSqlError &error, Engine engine)
{
    const QString native = error.nativeErrorCode();
    if (engine == Engine::SQLite) {
        // Extended result codes (the driver reports sqlite3_extended_errcode).
        if (native == u"2067"_s || native == u"1555"_s)
            return Violation::Unique;
        if (native == u"1299"_s)
            return Violation::NotNull;
        if (native == u"275"_s)
            return Violation::Check;
        if (native == u"787"_s)
            return Violation::ForeignKey;
        return native == u"19"_s ? Violation::Unique : Violation::None; // plain SQLITE_CONSTRAINT
    }
    if (native == u"23505"_s)
        return Violation::Unique;
    if (native == u"23502"_s)
        return Violation::NotNull;
    if (native == u"23514"_s)
        return Violation::Check;
    if (native == u"23503"_s)
        return Violation::ForeignKey;
    if (native == u"42501"_s)
        return Violation::Privilege;
    return Violation::None;
}

} // namespace

Database::Database(StoreUrl url, QString name)
    : m_url(std::move(url))
    , m_name(std::move(name))
{
}

Database::~Database()
{
    m_cache.clear(); // statements must go before the connection is removed
    if (m_depth > 0)
        m_db.rollback();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

Result<std::unique_ptr<Database>> Database::open(const QString &url, const QString &connectionName)
{
    auto parsed = StoreUrl::parse(url);
    if (!parsed)
        return std::unexpected(parsed.error());
    return open(*parsed, connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const StoreUrl &url, const QString &connectionName)
{
    const QString name = connectionName.isEmpty() ? uniqueConnectionName() : connectionName;
    if (QSqlDatabase::contains(name))
        return fail(ErrorCode::Internal, u"database connection '%1' is already open"_s.arg(name));

    const QString driver = url.engine == Engine::SQLite ? u"QSQLITE"_s : u"QPSQL"_s;
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        return fail(ErrorCode::Storage,
                    u"the Qt SQL driver %1 is not installed (Debian: %2)"_s.arg(
                        driver, url.engine == Engine::SQLite ? u"libqt6sql6-sqlite"_s : u"libqt6sql6-psql"_s));
    }

    std::unique_ptr<Database> db(new Database(url, name));
    db->m_db = QSqlDatabase::addDatabase(driver, name);
    if (url.engine == Engine::SQLite) {
        const QFileInfo info(url.path);
        if (!QDir().mkpath(info.absolutePath()))
            return fail(ErrorCode::Storage, u"cannot create the folder for the store: %1"_s.arg(info.absolutePath()));
        db->m_db.setDatabaseName(url.path);
        db->m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    } else {
        db->m_db.setHostName(url.host);
        db->m_db.setPort(url.port);
        db->m_db.setUserName(url.user);
        db->m_db.setPassword(url.password);
        db->m_db.setDatabaseName(url.database);
        // Session settings travel in the connection options (no extra round
        // trip): lock_timeout is SQLite's busy timeout (a writer blocked by
        // another fails after 5 s instead of hanging); notices (e.g. "already
        // exists, skipping") would otherwise go to stderr; application_name
        // shows Concord's sessions in pg_stat_activity.
        db->m_db.setConnectOptions(u"connect_timeout=10;application_name=concord;"
                                   "options='-c lock_timeout=5s -c client_min_messages=warning'"_s);
    }
    if (!db->m_db.open()) {
        return fail(ErrorCode::Storage, u"cannot open the store %1"_s.arg(url.redacted()),
                    db->m_db.lastError().text());
    }

    if (url.engine == Engine::SQLite && db->m_db.tables().isEmpty()) {
        // Settings that only a new, empty database accepts. 8 KiB pages (not
        // SQLite's 4 KiB default) suit rows of a few hundred bytes with
        // several indexes: the store benchmark runs ~15 % faster; 16 KiB gains
        // nothing more and writes more per small update. (UTF-16 storage, to
        // spare the driver's transcoding, was tried: the file grew 70 % and
        // the extra I/O cost more than it saved.)
        for (const QString &pragma : {u"PRAGMA page_size=8192"_s}) {
            if (auto ok = db->execDirect(pragma); !ok)
                return std::unexpected(ok.error());
        }
    }
    if (url.engine == Engine::SQLite) {
        // WAL: readers never block the single writer; NORMAL is durable across
        // application crashes in WAL mode (only an OS crash can lose the last
        // commits). Foreign keys are off by default in SQLite.
        QSqlQuery mode(db->m_db);
        if (!mode.exec(u"PRAGMA journal_mode=WAL"_s) || !mode.next())
            return std::unexpected(db->sqlError(mode, u"cannot switch the store to WAL mode"_s));
        if (mode.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0)
            qCWarning(lcStore) << "SQLite refused WAL mode; journal mode is" << mode.value(0).toString();
        for (const QString &pragma : {u"PRAGMA synchronous=NORMAL"_s, u"PRAGMA foreign_keys=ON"_s,
                                       // Savepoint sub-journals in memory: on disk they cost a
                                       // file write per nested guard.
                                       u"PRAGMA temp_store=MEMORY"_s,
                                       // REPLACE deletes the old row without firing DELETE
                                       // triggers unless this is on (audit_log relies on it).
                                       u"PRAGMA recursive_triggers=ON"_s,
                                       // 32 MiB page cache (negative = KiB), so bulk work does
                                       // not spill pages to the WAL mid-transaction.
                                       u"PRAGMA cache_size=-32768"_s}) {
            if (auto ok = db->execDirect(pragma); !ok)
                return std::unexpected(ok.error());
        }
        auto fk = db->scalar(u"PRAGMA foreign_keys"_s);
        if (!fk || fk->toInt() != 1)
            return fail(ErrorCode::Storage, u"SQLite build does not enforce foreign keys"_s);
    }
    qCDebug(lcStore) << "opened" << url.redacted() << "as" << name << "on thread" << QThread::currentThread();
    return db;
}

QString Database::engineDescription() const
{
    if (m_url.engine == Engine::SQLite) {
        auto v = scalar(u"SELECT sqlite_version()"_s);
        return v ? u"SQLite "_s + v->toString() : u"SQLite"_s;
    }
    auto v = scalar(u"SELECT current_setting('server_version')"_s); // SHOW cannot be prepared
    return v ? u"PostgreSQL "_s + v->toString() : u"PostgreSQL"_s;
}

QString Database::dialect(QString sql) const
{
    if (m_url.engine == Engine::SQLite) {
        sql.replace(u"{{ID}}"_s, u"INTEGER PRIMARY KEY"_s);
        sql.replace(u"{{BLOB}}"_s, u"BLOB"_s);
    } else {
        sql.replace(u"{{ID}}"_s, u"BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"_s);
        sql.replace(u"{{BLOB}}"_s, u"BYTEA"_s);
    }
    return sql;
}

Error Database::sqlError(const QSqlQuery &query, const QString &what) const
{
    const QSqlError e = query.lastError();
    QString detail = e.text();
    if (!query.lastQuery().isEmpty())
        detail += u" — SQL: "_s + query.lastQuery().simplified().left(300);
    switch (violationOf(e, m_url.engine)) {
    case Violation::Unique:
        return Error::make(ErrorCode::Conflict, what, detail);
    case Violation::NotNull:
        return Error::make(ErrorCode::InvalidArgument, u"a required value is missing"_s, detail);
    case Violation::Check:
        return Error::make(ErrorCode::InvalidArgument, u"a value is outside what the store accepts"_s, detail);
    case Violation::ForeignKey:
        return Error::make(ErrorCode::InvalidArgument, u"a record refers to something that does not exist"_s, detail);
    case Violation::Privilege:
        // The server's own words name what was refused (a guard trigger's
        // message, or "permission denied for table …").
        return Error::make(ErrorCode::PermissionDenied,
                           u"the store refused this for your role: %1"_s.arg(e.databaseText().trimmed()), detail);
    case Violation::None:
        break;
    }
    return Error::make(ErrorCode::Storage, what, detail);
}

Result<QSqlQuery> Database::prepare(const QString &sql) const
{
    QSqlQuery q(m_db);
    // PostgreSQL's driver streams a forward-only result row by row and drops
    // what is unread once the connection runs another statement — as the
    // RELEASE of a statement savepoint right after a write does. Writes (and
    // their RETURNING rows, a handful) are therefore fetched whole.
    q.setForwardOnly(!isGuardedOnPostgres(sql));
    if (!q.prepare(sql))
        return std::unexpected(sqlError(q, u"the store could not prepare a statement"_s));
    return q;
}

Status Database::execPrepared(QSqlQuery &query) const
{
    // (Engine first: the bulk-import hot loop on SQLite skips even lastQuery().)
    const bool guarded = m_url.engine == Engine::PostgreSQL && beginStatementGuard(query.lastQuery());
    const bool ok = query.exec();
    endStatementGuard(guarded, ok);
    if (!ok)
        return std::unexpected(sqlError(query, u"a store statement failed"_s));
    return {};
}

bool Database::isGuardedOnPostgres(const QString &sql) const
{
    if (m_url.engine != Engine::PostgreSQL)
        return false;
    static const QString select = u"SELECT"_s;
    const QStringView head = QStringView(sql).trimmed().left(select.size());
    return head.compare(select, Qt::CaseInsensitive) != 0;
}

bool Database::beginStatementGuard(const QString &sql) const
{
    // PostgreSQL aborts the whole transaction at the first failed statement
    // ("current transaction is aborted, commands ignored until end of
    // transaction block"); SQLite undoes only that statement. The few callers
    // that carry on after an expected failure (a contact point that already
    // exists, a conflict explained by a lookup) say so with tolerating(), and
    // their writes run in a savepoint of their own. Plain SELECTs are never
    // wrapped. SQLite pays nothing.
    if (m_tolerating == 0 || m_depth == 0 || !isGuardedOnPostgres(sql))
        return false;
    QSqlQuery q(m_db);
    if (!q.exec(u"SAVEPOINT concord_statement"_s)) {
        qCWarning(lcStore) << "cannot set a statement savepoint:" << q.lastError().text();
        return false;
    }
    return true;
}

void Database::endStatementGuard(bool guarded, bool succeeded) const
{
    if (!guarded)
        return;
    QSqlQuery q(m_db);
    if (!succeeded && !q.exec(u"ROLLBACK TO SAVEPOINT concord_statement"_s))
        qCWarning(lcStore) << "cannot roll back a failed statement:" << q.lastError().text();
    if (!q.exec(u"RELEASE SAVEPOINT concord_statement"_s))
        qCWarning(lcStore) << "cannot release a statement savepoint:" << q.lastError().text();
}

Result<QSqlQuery *> Database::run(const QString &sql, const QVariantList &binds) const
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        auto q = prepare(sql);
        if (!q)
            return std::unexpected(q.error());
        // Bounded: the SQL texts are compile-time constants, a few hundred at most.
        it = m_cache.insert(sql, std::make_shared<QSqlQuery>(std::move(*q)));
    }
    QSqlQuery &q = *it.value();
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant &v = binds.at(i);
        if (needsBindFix(v))
            q.bindValue(i, bindable(v));
        else
            q.bindValue(i, v);
    }
    const bool guarded = beginStatementGuard(sql);
    const bool ok = q.exec();
    if (!ok) {
        Error e = sqlError(q, u"a store statement failed"_s);
        q.finish();
        endStatementGuard(guarded, false);
        return std::unexpected(e);
    }
    endStatementGuard(guarded, true);
    return &q;
}

Result<QSqlQuery> Database::query(const QString &sql, const QVariantList &binds) const
{
    auto q = prepare(sql);
    if (!q)
        return q;
    for (const QVariant &v : binds)
        q->addBindValue(bindable(v));
    if (auto ok = execPrepared(*q); !ok)
        return std::unexpected(ok.error());
    return q;
}

Status Database::exec(const QString &sql, const QVariantList &binds) const
{
    auto q = run(sql, binds);
    if (!q)
        return std::unexpected(q.error());
    (*q)->finish();
    return {};
}

Status Database::execDirect(const QString &sql) const
{
    const bool guarded = beginStatementGuard(sql);
    QSqlQuery q(m_db);
    const bool ok = q.exec(sql);
    const Error e = ok ? Error() : sqlError(q, u"a store statement failed"_s);
    q.finish();
    endStatementGuard(guarded, ok);
    if (!ok)
        return std::unexpected(e);
    return {};
}

Status Database::execControl(const QString &sql) const
{
    // Savepoint statements run once per nested guard: SQLite can keep them
    // prepared; PostgreSQL cannot prepare them at all.
    if (m_url.engine == Engine::SQLite)
        return exec(sql);
    QSqlQuery q(m_db); // not execDirect(): a savepoint needs no statement savepoint
    if (!q.exec(sql))
        return std::unexpected(sqlError(q, u"a store statement failed"_s));
    return {};
}

Result<qint64> Database::insert(const QString &sql, const QVariantList &binds) const
{
    // SQLite reports the new rowid directly; skipping RETURNING there avoids
    // Qt's row-fetch path, a third of an insert's cost in bulk imports.
    // PostgreSQL has no such call, so it reads the RETURNING row.
    // An upsert (ON CONFLICT … DO UPDATE) may update instead of insert, and
    // then lastInsertId() names an older row: upserts keep RETURNING.
    static const QString returning = u" RETURNING id"_s;
    const bool sqlite = m_url.engine == Engine::SQLite && sql.endsWith(returning)
        && !sql.contains(u"ON CONFLICT"_s, Qt::CaseInsensitive);
    auto q = run(sqlite ? sql.chopped(returning.size()) : sql, binds);
    if (!q)
        return std::unexpected(q.error());
    qint64 id = 0;
    if (sqlite) {
        id = (*q)->lastInsertId().toLongLong();
    } else if ((*q)->next()) {
        id = (*q)->value(0).toLongLong();
    } else {
        (*q)->finish();
        return fail(ErrorCode::Storage, u"an insert returned no id"_s, sql.simplified().left(200));
    }
    (*q)->finish();
    return id;
}

QString Database::placeholders(int n)
{
    QString out;
    out.reserve(n * 3);
    for (int i = 0; i < n; ++i)
        out += i == 0 ? u"?"_s : u", ?"_s;
    return out;
}

Result<QList<qint64>> Database::insertRows(const QString &head, int columns, const QList<QVariantList> &rows,
                                           int rowsPerStatement) const
{
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows.at(i).size() != columns)
            return fail(ErrorCode::Internal,
                        u"insertRows: row %1 has %2 values, expected %3"_s.arg(i).arg(rows.at(i).size()).arg(columns));
    }
    return insertRows(head, columns, rows.size(), [&rows](qsizetype i, QVariantList &binds) { binds += rows.at(i); },
                      rowsPerStatement);
}

Result<QList<qint64>> Database::insertRows(const QString &head, int columns, qsizetype rowCount,
                                           const std::function<void(qsizetype, QVariantList &)> &appendRow,
                                           int rowsPerStatement) const
{
    if (m_depth == 0)
        return fail(ErrorCode::Internal, u"insertRows needs a transaction"_s);
    if (columns <= 0 || rowsPerStatement <= 0)
        return fail(ErrorCode::Internal, u"insertRows needs columns and a chunk size"_s);
    QList<qint64> ids;
    ids.reserve(rowCount);
    const QString group = u"("_s + placeholders(columns) + u")"_s;
    QString fullSql; // the SQL of a full chunk, built once
    QVariantList binds;
    for (qsizetype start = 0; start < rowCount; start += rowsPerStatement) {
        const qsizetype n = std::min<qsizetype>(rowsPerStatement, rowCount - start);
        QString partialSql;
        if (n == rowsPerStatement && fullSql.isEmpty())
            fullSql = head + u" VALUES "_s + QStringList(n, group).join(u", "_s);
        if (n != rowsPerStatement)
            partialSql = head + u" VALUES "_s + QStringList(n, group).join(u", "_s);
        const QString &sql = n == rowsPerStatement ? fullSql : partialSql;
        binds.clear();
        binds.reserve(n * columns);
        for (qsizetype i = start; i < start + n; ++i)
            appendRow(i, binds);
        if (binds.size() != n * columns)
            return fail(ErrorCode::Internal, u"insertRows: %1 values for %2 rows of %3 columns"_s.arg(binds.size()).arg(n).arg(columns));
        if (m_url.engine == Engine::SQLite) {
            // SQLite gives a multi-row INSERT consecutive rowids (max + 1 each,
            // in VALUES order) while this connection holds the write lock.
            auto q = run(sql, binds);
            if (!q)
                return std::unexpected(q.error());
            const qint64 last = (*q)->lastInsertId().toLongLong();
            (*q)->finish();
            for (qint64 id = last - n + 1; id <= last; ++id)
                ids.append(id);
        } else {
            // PostgreSQL: RETURNING in VALUES order (what its executor does
            // for a plain multi-row INSERT).
            auto q = run(sql + u" RETURNING id"_s, binds);
            if (!q)
                return std::unexpected(q.error());
            while ((*q)->next())
                ids.append((*q)->value(0).toLongLong());
            (*q)->finish();
        }
    }
    return ids;
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &binds) const
{
    auto q = run(sql, binds);
    if (!q)
        return std::unexpected(q.error());
    if (!(*q)->next()) {
        (*q)->finish();
        return fail(ErrorCode::NotFound, u"no row"_s, sql.simplified().left(200));
    }
    QVariant v = (*q)->value(0);
    (*q)->finish();
    return v;
}

Result<qint64> Database::countRows(const QString &table) const
{
    auto v = scalar(u"SELECT COUNT(*) FROM "_s + table);
    if (!v)
        return std::unexpected(v.error());
    return v->toLongLong();
}

Result<int> Database::update(const QString &sql, const QVariantList &binds) const
{
    auto q = run(sql, binds);
    if (!q)
        return std::unexpected(q.error());
    const int n = (*q)->numRowsAffected();
    (*q)->finish();
    return n;
}

Status Database::begin()
{
    if (m_depth == 0) {
        if (!m_db.transaction()) {
            return fail(ErrorCode::Storage, u"the store could not start a transaction"_s,
                        m_db.lastError().text());
        }
    } else if (auto ok = execControl(u"SAVEPOINT concord_sp%1"_s.arg(m_depth)); !ok) {
        return ok;
    }
    ++m_depth;
    return {};
}

Status Database::commit()
{
    if (m_depth <= 0)
        return fail(ErrorCode::Internal, u"commit without a transaction"_s);
    if (m_depth == 1) {
        if (!m_db.commit()) {
            const QString why = m_db.lastError().text();
            m_db.rollback();
            m_depth = 0;
            return fail(ErrorCode::Storage, u"the store could not commit a transaction"_s, why);
        }
    } else if (auto ok = execControl(u"RELEASE SAVEPOINT concord_sp%1"_s.arg(m_depth - 1)); !ok) {
        return ok;
    }
    --m_depth;
    return {};
}

void Database::rollback()
{
    if (m_depth <= 0)
        return;
    if (m_depth == 1) {
        if (!m_db.rollback())
            qCWarning(lcStore) << "rollback failed:" << m_db.lastError().text();
    } else {
        const int sp = m_depth - 1;
        if (!execControl(u"ROLLBACK TO SAVEPOINT concord_sp%1"_s.arg(sp))
            || !execControl(u"RELEASE SAVEPOINT concord_sp%1"_s.arg(sp)))
            qCWarning(lcStore) << "rollback to savepoint failed";
    }
    --m_depth;
}

Transaction::Transaction(Database &db)
    : m_db(db)
    , m_started(db.begin())
{
}

Transaction::~Transaction()
{
    if (m_started && !m_done)
        m_db.rollback();
}

Status Transaction::commit()
{
    if (!m_started)
        return m_started;
    if (m_done)
        return fail(ErrorCode::Internal, u"transaction committed twice"_s);
    m_done = true;
    return m_db.commit();
}

namespace Sql {

QVariant fromDateTime(const QDateTime &utc)
{
    return utc.isValid() ? QVariant(utc.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime toDateTime(const QVariant &v)
{
    if (v.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QVariant fromDate(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}

QDate toDate(const QVariant &v)
{
    return v.isNull() ? QDate() : QDate::fromString(v.toString(), Qt::ISODate);
}

QVariant nullIfEmpty(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant nullIfZero(qint64 id)
{
    return id == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(id);
}

Status requireChanged(const Result<int> &changed, const QString &notFound)
{
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0)
        return std::unexpected(Error::make(ErrorCode::NotFound, notFound));
    return {};
}

} // namespace Sql

} // namespace Concord::Store
