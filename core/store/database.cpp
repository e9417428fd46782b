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

bool isConstraintViolation(const QSqlError &error, Engine engine)
{
    const QString native = error.nativeErrorCode();
    if (engine == Engine::SQLite) {
        // SQLITE_CONSTRAINT = 19 and its extended codes (2067 unique, 1555 primary key, 787 FK).
        return native == u"19"_s || native == u"2067"_s || native == u"1555"_s || native == u"787"_s
            || error.databaseText().contains(u"constraint failed"_s);
    }
    return native.startsWith(u"23"_s); // SQLSTATE class 23: integrity constraint violation
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
        db->m_db.setConnectOptions(u"connect_timeout=10"_s);
    }
    if (!db->m_db.open()) {
        return fail(ErrorCode::Storage, u"cannot open the store %1"_s.arg(url.redacted()),
                    db->m_db.lastError().text());
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
        for (const QString &pragma : {u"PRAGMA synchronous=NORMAL"_s, u"PRAGMA foreign_keys=ON"_s}) {
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
    auto v = scalar(u"SHOW server_version"_s);
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
    const ErrorCode code = isConstraintViolation(e, m_url.engine) ? ErrorCode::Conflict : ErrorCode::Storage;
    QString detail = e.text();
    if (!query.lastQuery().isEmpty())
        detail += u" — SQL: "_s + query.lastQuery().simplified().left(300);
    return Error::make(code, what, detail);
}

Result<QSqlQuery> Database::prepare(const QString &sql) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return std::unexpected(sqlError(q, u"the store could not prepare a statement"_s));
    return q;
}

Status Database::execPrepared(QSqlQuery &query) const
{
    if (!query.exec())
        return std::unexpected(sqlError(query, u"a store statement failed"_s));
    return {};
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
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, bindable(binds.at(i)));
    if (!q.exec()) {
        Error e = sqlError(q, u"a store statement failed"_s);
        q.finish();
        return std::unexpected(e);
    }
    return &q;
}

Result<QSqlQuery> Database::query(const QString &sql, const QVariantList &binds) const
{
    auto q = prepare(sql);
    if (!q)
        return q;
    for (const QVariant &v : binds)
        q->addBindValue(v);
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
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return std::unexpected(sqlError(q, u"a store statement failed"_s));
    return {};
}

Result<qint64> Database::insert(const QString &sql, const QVariantList &binds) const
{
    auto q = run(sql, binds);
    if (!q)
        return std::unexpected(q.error());
    if (!(*q)->next()) {
        (*q)->finish();
        return fail(ErrorCode::Storage, u"an insert returned no id"_s, sql.simplified().left(200));
    }
    const qint64 id = (*q)->value(0).toLongLong();
    (*q)->finish();
    return id;
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
    } else if (auto ok = execDirect(u"SAVEPOINT concord_sp%1"_s.arg(m_depth)); !ok) {
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
    } else if (auto ok = execDirect(u"RELEASE SAVEPOINT concord_sp%1"_s.arg(m_depth - 1)); !ok) {
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
        if (!execDirect(u"ROLLBACK TO SAVEPOINT concord_sp%1"_s.arg(sp))
            || !execDirect(u"RELEASE SAVEPOINT concord_sp%1"_s.arg(sp)))
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
