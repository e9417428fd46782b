#pragma once

#include "common/error.h"
#include "store/storeurl.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <functional>
#include <memory>

namespace Concord::Store {

// One named Qt Sql connection, owned by the thread that opened it (Qt Sql
// connections must not cross threads). Every statement goes through exec()/
// query() so every failure is checked and returned as an Error value.
//
// SQL is written once in portable form; the few engine differences in DDL are
// expressed as tokens expanded by dialect(): {{ID}} (auto id primary key),
// {{BLOB}}.
class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens the store. SQLite: creates the file's folder, WAL, synchronous=NORMAL,
    // foreign_keys=ON, busy_timeout 5 s. `connectionName` must be unique per
    // thread; empty → a generated unique name.
    [[nodiscard]] static Result<std::unique_ptr<Database>> open(const StoreUrl &url,
                                                                const QString &connectionName = {});
    [[nodiscard]] static Result<std::unique_ptr<Database>> open(const QString &url,
                                                                const QString &connectionName = {});

    [[nodiscard]] Engine engine() const { return m_url.engine; }
    [[nodiscard]] const StoreUrl &url() const { return m_url; }
    [[nodiscard]] QString engineDescription() const; // "SQLite 3.40.1"
    [[nodiscard]] QSqlDatabase handle() const { return m_db; }
    [[nodiscard]] QString connectionName() const { return m_name; }

    // Expands dialect tokens in DDL.
    [[nodiscard]] QString dialect(QString sql) const;

    // Prepares, binds positional `?` values, executes. The returned query is
    // positioned before the first row.
    [[nodiscard]] Result<QSqlQuery> query(const QString &sql, const QVariantList &binds = {}) const;
    // As query(), for statements whose rows are not needed.
    [[nodiscard]] Status exec(const QString &sql, const QVariantList &binds = {}) const;
    // Runs a statement without preparing it: DDL, PRAGMA, SAVEPOINT (PostgreSQL
    // cannot prepare those). No bind values.
    [[nodiscard]] Status execDirect(const QString &sql) const;
    // INSERT … RETURNING id (both engines support RETURNING): the new row's id.
    [[nodiscard]] Result<qint64> insert(const QString &sql, const QVariantList &binds = {}) const;
    // Statements returning one scalar (COUNT(*), MAX(…)); NotFound when no row.
    [[nodiscard]] Result<QVariant> scalar(const QString &sql, const QVariantList &binds = {}) const;
    // SELECT COUNT(*) of a whole table (a constant name, never user input).
    [[nodiscard]] Result<qint64> countRows(const QString &table) const;
    // Number of rows a statement changed.
    [[nodiscard]] Result<int> update(const QString &sql, const QVariantList &binds = {}) const;

    // Reads every row of a SELECT through `map` (QSqlQuery → T) and releases
    // the statement. Uses the statement cache: repositories call this for
    // their lookups.
    template<typename T, typename Map>
    [[nodiscard]] Result<QList<T>> select(const QString &sql, const QVariantList &binds, Map map) const
    {
        auto q = run(sql, binds);
        if (!q)
            return std::unexpected(q.error());
        QList<T> rows;
        while ((*q)->next())
            rows.append(map(**q));
        (*q)->finish();
        return rows;
    }

    // Inserts rows in multi-row INSERT statements of at most `rowsPerStatement`
    // rows: `head` is "INSERT INTO t (a, b, c)", each row carries one value per
    // column. Returns the new ids in row order (tables with an integer `id`).
    // Must run inside a transaction, so a failure leaves no partial batch.
    [[nodiscard]] Result<QList<qint64>> insertRows(const QString &head, int columns, const QList<QVariantList> &rows,
                                                   int rowsPerStatement = 100) const;
    // As above, without materializing the rows: `appendRow(i, binds)` appends
    // row i's `columns` values to `binds`. For bulk imports, where building
    // and copying half a million row lists is a measurable share of the cost.
    [[nodiscard]] Result<QList<qint64>> insertRows(const QString &head, int columns, qsizetype rowCount,
                                                   const std::function<void(qsizetype, QVariantList &)> &appendRow,
                                                   int rowsPerStatement = 100) const;
    // "?, ?, ?" with n placeholders (n ≥ 1), for IN lists and VALUES groups.
    [[nodiscard]] static QString placeholders(int n);

    // Prepared once, executed many times (hot loops: bulk import, benchmark).
    [[nodiscard]] Result<QSqlQuery> prepare(const QString &sql) const;
    [[nodiscard]] Status execPrepared(QSqlQuery &query) const;

    // Transaction depth bookkeeping for Transaction (nested guards use savepoints).
    [[nodiscard]] Status begin();
    [[nodiscard]] Status commit();
    void rollback();
    [[nodiscard]] int transactionDepth() const { return m_depth; }

    // For a write whose failure the caller expects and handles inside a
    // transaction (a unique conflict it explains or ignores): on PostgreSQL
    // each write `write` issues runs in a savepoint of its own, so a failure
    // undoes only it — as SQLite does for any statement — instead of aborting
    // the whole transaction. Every other statement runs bare: its failure
    // ends the caller's transaction anyway, and a savepoint costs two round
    // trips (measured: they halved how fast the engine applied bookings).
    template<typename F>
    auto tolerating(F &&write) const
    {
        ++m_tolerating;
        auto result = write();
        --m_tolerating;
        return result;
    }

    // Maps a failed query to a Storage/Conflict error naming what was attempted.
    [[nodiscard]] Error sqlError(const QSqlQuery &query, const QString &what) const;

private:
    Database(StoreUrl url, QString name);
    // Cached prepare + bind + exec. The statement is reused by the next call
    // with the same SQL, so callers consume rows before calling again.
    [[nodiscard]] Result<QSqlQuery *> run(const QString &sql, const QVariantList &binds) const;
    [[nodiscard]] Status execControl(const QString &sql) const;
    // PostgreSQL inside a transaction, within tolerating(): a savepoint
    // around one statement, so that its failure leaves the transaction
    // usable, as on SQLite.
    [[nodiscard]] bool isGuardedOnPostgres(const QString &sql) const;
    [[nodiscard]] bool beginStatementGuard(const QString &sql) const;
    void endStatementGuard(bool guarded, bool succeeded) const;
    mutable QHash<QString, std::shared_ptr<QSqlQuery>> m_cache;
    StoreUrl m_url;
    QString m_name;
    QSqlDatabase m_db;
    int m_depth = 0;
    mutable int m_tolerating = 0;
};

// RAII transaction guard (after Trojitá's SqlTransactionAutoAborter): begins
// on construction, rolls back on destruction unless commit() succeeded.
// Nested guards on the same Database become savepoints, so a helper can
// always open its own guard.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // Whether BEGIN succeeded; check before doing work.
    [[nodiscard]] const Status &started() const { return m_started; }
    [[nodiscard]] Status commit();

private:
    Database &m_db;
    Status m_started;
    bool m_done = false;
};

// Conversions between domain values and portable column values.
namespace Sql {
// UTC instant ↔ BIGINT milliseconds since the epoch (NULL for invalid).
[[nodiscard]] QVariant fromDateTime(const QDateTime &utc);
[[nodiscard]] QDateTime toDateTime(const QVariant &v);
// Calendar date ↔ TEXT 'YYYY-MM-DD' (NULL for invalid).
[[nodiscard]] QVariant fromDate(const QDate &date);
[[nodiscard]] QDate toDate(const QVariant &v);
// Empty string → NULL, so optional references stay NULL in the database.
[[nodiscard]] QVariant nullIfEmpty(const QString &s);
[[nodiscard]] QVariant nullIfZero(qint64 id);

// The first row of a lookup, or NotFound with `notFound` as the message.
template<typename T>
[[nodiscard]] Result<T> single(Result<QList<T>> rows, const QString &notFound)
{
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return std::unexpected(Error::make(ErrorCode::NotFound, notFound));
    return rows->first();
}

// Maps "no row changed" to NotFound with `notFound` as the message.
[[nodiscard]] Status requireChanged(const Result<int> &changed, const QString &notFound);
} // namespace Sql

} // namespace Concord::Store
