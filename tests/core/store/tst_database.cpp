// Database, StoreUrl, Transaction and the Sql helpers (core/store/database.h,
// core/store/storeurl.h) against a real SQLite file in a temporary folder.

#include "storetestsupport.h"

#include "store/database.h"
#include "store/migrations.h"
#include "store/storeurl.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Store;
using namespace Concord::StoreTest;

Q_DECLARE_METATYPE(Concord::Store::Engine)
Q_DECLARE_METATYPE(Concord::ErrorCode)

namespace {

QString dumpUrl(const StoreUrl &u)
{
    return Dump(u"StoreUrl"_s)
        .raw(u"engine"_s, u.engine == Engine::SQLite ? u"sqlite"_s : u"postgresql"_s)
        .f(u"path"_s, u.path)
        .f(u"host"_s, u.host)
        .f(u"port"_s, u.port)
        .f(u"user"_s, u.user)
        .f(u"password"_s, u.password)
        .f(u"database"_s, u.database);
}

StoreUrl sqliteUrl(const QString &path)
{
    StoreUrl u;
    u.engine = Engine::SQLite;
    u.path = path;
    return u;
}

StoreUrl postgresUrl(const QString &host, int port, const QString &user, const QString &password,
                     const QString &database)
{
    StoreUrl u;
    u.engine = Engine::PostgreSQL;
    u.host = host;
    u.port = port;
    u.user = user;
    u.password = password;
    u.database = database;
    return u;
}

// Names of the rows in t_parent, in id order.
QStringList parentNames(const Database &db)
{
    auto rows = db.select<QString>(u"SELECT name FROM t_parent ORDER BY id"_s, {},
                                   [](const QSqlQuery &q) { return q.value(0).toString(); });
    if (!rows)
        return {u"<error: "_s + rows.error().toString() + u">"_s};
    return *rows;
}

const QString kInsertParent = u"INSERT INTO t_parent (name) VALUES (?)"_s;

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietStoreLog(); }
    void init();
    void cleanup();

    // StoreUrl
    void parseUrl_data();
    void parseUrl();
    void parseUrlErrors_data();
    void parseUrlErrors();
    void parseErrorsNeverShowPassword_data();
    void parseErrorsNeverShowPassword();
    void redacted_data();
    void redacted();

    // open()
    void openCreatesFolderAndFile();
    void openSetsPragmas_data();
    void openSetsPragmas();
    void openFromInvalidUrlText();
    void openRefusesDuplicateConnectionName();
    void openFailure_data();
    void openFailure();
    void engineDescriptionNamesTheEngine();
    void dialectExpandsTokens();

    // Statements and errors
    void insertScalarUpdateSelect();
    void insertReturnsIdOfUpsertedRow_data();
    void insertReturnsIdOfUpsertedRow();
    void placeholders_data();
    void placeholders();
    void insertRowsReturnsIdsInRowOrder_data();
    void insertRowsReturnsIdsInRowOrder();
    void insertRowsRefusals_data();
    void insertRowsRefusals();
    void insertRowsFailureLeavesNothingAfterRollback();
    void scalarWithoutRowIsNotFound();
    void cachedStatementRebindsAndRecoversAfterError();
    void failedStatementIsStorageErrorWithSql_data();
    void failedStatementIsStorageErrorWithSql();
    void uniqueViolationIsConflict_data();
    void uniqueViolationIsConflict();
    void foreignKeysEnforced_data();
    void foreignKeysEnforced();
    void nullTextBindsAsEmptyExplicitNullAsNull_data();
    void nullTextBindsAsEmptyExplicitNullAsNull();

    // Transactions
    void transactionCommitIsVisibleToOtherConnections();
    void transactionRollsBackOnDestruction();
    void nestedTransactions_data();
    void nestedTransactions();
    void threeLevelSavepointRollbackKeepsOuterWork();
    void commitTwiceIsInternalError();
    void commitWithoutTransactionIsInternalError();
    void beginOnClosedConnectionFails();
    void destroyingDatabaseRollsBackOpenTransaction();

    // Sql helpers
    void sqlDateTime_data();
    void sqlDateTime();
    void sqlDate_data();
    void sqlDate();
    void sqlNullHelpers();
    void sqlRequireChanged_data();
    void sqlRequireChanged();
    void sqlSingle();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = openMigrated(*m_dir);
    STORE_VERIFY_OK(db);
    m_db = std::move(*db);
    // Tables of our own, so these tests do not depend on the product schema.
    // Written with the store's dialect tokens, as the migrations are, so the
    // same tables exist on both engines.
    auto ok = m_db->execDirect(m_db->dialect(u"CREATE TABLE t_parent (id {{ID}}, name TEXT NOT NULL UNIQUE)"_s));
    STORE_VERIFY_OK(ok);
    ok = m_db->execDirect(m_db->dialect(u"CREATE TABLE t_child (id {{ID}}, "
                                        "parent_id BIGINT NOT NULL REFERENCES t_parent(id), label TEXT NOT NULL)"_s));
    STORE_VERIFY_OK(ok);
}

void TestDatabase::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

// ---------------------------------------------------------------------------
// StoreUrl

void TestDatabase::parseUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected"); // dumpUrl()

    QTest::newRow("sqlite absolute") << u"sqlite:///var/lib/concord/store.sqlite"_s
                                     << dumpUrl(sqliteUrl(u"/var/lib/concord/store.sqlite"_s));
    QTest::newRow("sqlite surrounding blanks") << u"  sqlite:///tmp/x.sqlite \n"_s
                                               << dumpUrl(sqliteUrl(u"/tmp/x.sqlite"_s));
    QTest::newRow("sqlite dot segments cleaned") << u"sqlite:///tmp/a/./b/../x.sqlite"_s
                                                 << dumpUrl(sqliteUrl(u"/tmp/a/x.sqlite"_s));
    QTest::newRow("sqlite doubled slashes cleaned") << u"sqlite:////tmp//x.sqlite"_s
                                                    << dumpUrl(sqliteUrl(u"/tmp/x.sqlite"_s));
    QTest::newRow("sqlite spaces in path") << u"sqlite:///home/pat/My Documents/concord.sqlite"_s
                                           << dumpUrl(sqliteUrl(u"/home/pat/My Documents/concord.sqlite"_s));
    QTest::newRow("postgresql full") << u"postgresql://alice:s3cret@db.example.com:5433/concord"_s
                                     << dumpUrl(postgresUrl(u"db.example.com"_s, 5433, u"alice"_s, u"s3cret"_s,
                                                            u"concord"_s));
    QTest::newRow("postgres alias") << u"postgres://alice@db.example.com/concord"_s
                                    << dumpUrl(postgresUrl(u"db.example.com"_s, 5432, u"alice"_s, QString(),
                                                           u"concord"_s));
    QTest::newRow("postgresql no user, default port") << u"postgresql://db.example.com/concord"_s
                                                      << dumpUrl(postgresUrl(u"db.example.com"_s, 5432, QString(),
                                                                             QString(), u"concord"_s));
    QTest::newRow("postgresql percent-encoded password") << u"postgresql://alice:p%40ss%3Aw0rd@db/concord"_s
                                                         << dumpUrl(postgresUrl(u"db"_s, 5432, u"alice"_s,
                                                                                u"p@ss:w0rd"_s, u"concord"_s));
    QTest::newRow("postgresql IPv6 host") << u"postgresql://alice@[::1]:6543/concord"_s
                                          << dumpUrl(postgresUrl(u"::1"_s, 6543, u"alice"_s, QString(),
                                                                 u"concord"_s));
}

void TestDatabase::parseUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    auto parsed = StoreUrl::parse(url);
    STORE_VERIFY_OK(parsed);
    QCOMPARE(dumpUrl(*parsed), expected);
}

void TestDatabase::parseUrlErrors_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("mentions"); // a fragment the message must contain

    QTest::newRow("empty") << QString() << u"empty"_s;
    QTest::newRow("blank") << u"   "_s << u"empty"_s;
    QTest::newRow("sqlite relative path") << u"sqlite://data/store.sqlite"_s << u"absolute path"_s;
    QTest::newRow("sqlite dot relative") << u"sqlite://./store.sqlite"_s << u"absolute path"_s;
    QTest::newRow("sqlite no slashes") << u"sqlite:store.sqlite"_s << u"unsupported scheme 'sqlite'"_s;
    QTest::newRow("sqlite no path") << u"sqlite://"_s << u"absolute path"_s;
    QTest::newRow("sqlite root only") << u"sqlite:///"_s << u"names no file"_s;
    QTest::newRow("sqlite root via dot-dot") << u"sqlite:///tmp/.."_s << u"names no file"_s;
    QTest::newRow("bare path") << u"/var/lib/concord/store.sqlite"_s << u"unsupported scheme"_s;
    QTest::newRow("file scheme") << u"file:///var/lib/concord/store.sqlite"_s << u"unsupported scheme 'file'"_s;
    QTest::newRow("mysql scheme") << u"mysql://alice@db/concord"_s << u"unsupported scheme 'mysql'"_s;
    QTest::newRow("http scheme") << u"http://db.example.com/concord"_s << u"unsupported scheme 'http'"_s;
    QTest::newRow("postgresql no host") << u"postgresql:///concord"_s << u"not a valid postgresql://"_s;
    QTest::newRow("postgresql no database") << u"postgresql://alice@db.example.com/"_s << u"one database"_s;
    QTest::newRow("postgresql no path") << u"postgresql://alice@db.example.com"_s << u"one database"_s;
    QTest::newRow("postgresql two path parts") << u"postgresql://alice@db.example.com/a/b"_s << u"one database"_s;
    QTest::newRow("postgresql bad port") << u"postgresql://alice@db.example.com:99999/concord"_s
                                         << u"not a valid postgresql://"_s;
    QTest::newRow("postgresql bad port text") << u"postgresql://alice@db.example.com:abc/concord"_s
                                              << u"not a valid postgresql://"_s;
}

void TestDatabase::parseUrlErrors()
{
    QFETCH(QString, url);
    QFETCH(QString, mentions);
    auto parsed = StoreUrl::parse(url);
    STORE_VERIFY_ERROR(parsed, ErrorCode::InvalidConfig);
    QVERIFY2(parsed.error().message.contains(mentions), qPrintable(parsed.error().message));
}

void TestDatabase::parseErrorsNeverShowPassword_data()
{
    QTest::addColumn<QString>("url");

    // Error messages end up in logs, dialogs and the status bar: the password
    // of a malformed URL must not appear there (error.h: "never contains secrets").
    QTest::newRow("no host") << u"postgresql://alice:Hunter2Secret@/concord"_s;
    QTest::newRow("no database") << u"postgresql://alice:Hunter2Secret@db.example.com/"_s;
    QTest::newRow("two path parts") << u"postgresql://alice:Hunter2Secret@db.example.com/a/b"_s;
    QTest::newRow("bad port") << u"postgresql://alice:Hunter2Secret@db.example.com:99999/concord"_s;
    QTest::newRow("unsupported scheme") << u"mysql://alice:Hunter2Secret@db.example.com/concord"_s;
}

void TestDatabase::parseErrorsNeverShowPassword()
{
    QFETCH(QString, url);
    auto parsed = StoreUrl::parse(url);
    STORE_VERIFY_ERROR(parsed, ErrorCode::InvalidConfig);
    QVERIFY2(!parsed.error().message.contains(u"Hunter2Secret"_s), qPrintable(parsed.error().message));
    QVERIFY2(!parsed.error().detail.contains(u"Hunter2Secret"_s), qPrintable(parsed.error().detail));
}

void TestDatabase::redacted_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");

    QTest::newRow("sqlite") << u"sqlite:///var/lib/concord/store.sqlite"_s
                            << u"sqlite:///var/lib/concord/store.sqlite"_s;
    QTest::newRow("postgresql with password") << u"postgresql://alice:s3cret@db.example.com:5433/concord"_s
                                              << u"postgresql://alice@db.example.com:5433/concord"_s;
    QTest::newRow("postgresql encoded password") << u"postgresql://alice:p%40ss@db.example.com/concord"_s
                                                 << u"postgresql://alice@db.example.com:5432/concord"_s;
    QTest::newRow("postgres alias, default port") << u"postgres://alice@db.example.com/concord"_s
                                                  << u"postgresql://alice@db.example.com:5432/concord"_s;
    QTest::newRow("postgresql no user") << u"postgresql://db.example.com/concord"_s
                                        << u"postgresql://db.example.com:5432/concord"_s;
    QTest::newRow("postgresql IPv6 host") << u"postgresql://alice:s3cret@[::1]:6543/concord"_s
                                          << u"postgresql://alice@[::1]:6543/concord"_s;
}

void TestDatabase::redacted()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    auto parsed = StoreUrl::parse(url);
    STORE_VERIFY_OK(parsed);
    const QString text = parsed->redacted();
    QCOMPARE(text, expected);
    if (!parsed->password.isEmpty())
        QVERIFY2(!text.contains(parsed->password), qPrintable(text));

    // The redacted form is itself a valid store URL naming the same store.
    auto again = StoreUrl::parse(text);
    STORE_VERIFY_OK(again);
    StoreUrl withoutPassword = *parsed;
    withoutPassword.password.clear();
    QCOMPARE(dumpUrl(*again), dumpUrl(withoutPassword));
}

// ---------------------------------------------------------------------------
// open()

void TestDatabase::openCreatesFolderAndFile()
{
    const QString folder = m_dir->filePath(u"a/b/c"_s);
    QVERIFY(!QFileInfo::exists(folder));
    const QString url = u"sqlite://"_s + folder + u"/x.sqlite"_s;
    auto db = Database::open(url);
    STORE_VERIFY_OK(db);
    QVERIFY(QFileInfo(folder).isDir());
    QVERIFY(QFileInfo(folder + u"/x.sqlite"_s).isFile());
    QCOMPARE((*db)->engine(), Engine::SQLite);
    QCOMPARE(dumpUrl((*db)->url()), dumpUrl(sqliteUrl(folder + u"/x.sqlite"_s)));
    QVERIFY(!(*db)->connectionName().isEmpty());
    QVERIFY(QSqlDatabase::contains((*db)->connectionName()));
    QVERIFY2((*db)->engineDescription().startsWith(u"SQLite 3."_s), qPrintable((*db)->engineDescription()));
    QCOMPARE((*db)->transactionDepth(), 0);

    // Two stores open at once get distinct generated connection names, and
    // closing one removes its connection.
    const QString name = (*db)->connectionName();
    QVERIFY(name != m_db->connectionName());
    db->reset();
    QVERIFY(!QSqlDatabase::contains(name));
}

void TestDatabase::openSetsPragmas_data()
{
    QTest::addColumn<QString>("pragma");
    QTest::addColumn<QString>("expected");

    // Each engine has its own session settings: SQLite's PRAGMAs, and on
    // PostgreSQL the settings open() passes in the connection options.
    if (onPostgres()) {
        // (SHOW cannot be prepared; current_setting() can.)
        QTest::newRow("lock timeout 5 s (as SQLite's busy timeout)")
            << u"SELECT current_setting('lock_timeout')"_s << u"5s"_s;
        QTest::newRow("notices not printed") << u"SELECT current_setting('client_min_messages')"_s << u"warning"_s;
        QTest::newRow("UTF-8 client encoding") << u"SELECT pg_encoding_to_char(pg_char_to_encoding(current_setting('client_encoding')))"_s << u"utf8"_s; // Qt asks for UNICODE, an alias
        QTest::newRow("application name") << u"SELECT current_setting('application_name')"_s << u"concord"_s;
        return;
    }
    QTest::newRow("WAL journal") << u"PRAGMA journal_mode"_s << u"wal"_s;
    QTest::newRow("foreign keys on") << u"PRAGMA foreign_keys"_s << u"1"_s;
    QTest::newRow("synchronous NORMAL") << u"PRAGMA synchronous"_s << u"1"_s;
    QTest::newRow("busy timeout 5 s") << u"PRAGMA busy_timeout"_s << u"5000"_s;
}

void TestDatabase::openSetsPragmas()
{
    QFETCH(QString, pragma);
    QFETCH(QString, expected);
    auto value = m_db->scalar(pragma);
    STORE_VERIFY_OK(value);
    QCOMPARE(value->toString().toLower(), expected);
}

void TestDatabase::openFromInvalidUrlText()
{
    const QStringList before = QSqlDatabase::connectionNames();
    auto db = Database::open(u"mysql://alice@db/concord"_s);
    STORE_VERIFY_ERROR(db, ErrorCode::InvalidConfig);
    QCOMPARE(QSqlDatabase::connectionNames(), before);
}

void TestDatabase::openRefusesDuplicateConnectionName()
{
    const QString url = storeUrlIn(*m_dir, u"named.sqlite"_s);
    auto first = Database::open(url, u"store-test-named"_s);
    STORE_VERIFY_OK(first);
    QCOMPARE((*first)->connectionName(), u"store-test-named"_s);

    auto second = Database::open(url, u"store-test-named"_s);
    STORE_VERIFY_ERROR(second, ErrorCode::Internal);
    QVERIFY2(second.error().message.contains(u"store-test-named"_s), qPrintable(second.error().message));

    // The refusal did not disturb the first connection.
    auto ok = (*first)->execDirect(u"CREATE TABLE still_works (x INTEGER)"_s);
    STORE_VERIFY_OK(ok);
    auto count = (*first)->scalar(u"SELECT COUNT(*) FROM still_works"_s);
    STORE_VERIFY_OK(count);
    QCOMPARE(count->toInt(), 0);
}

void TestDatabase::openFailure_data()
{
    QTest::addColumn<QString>("relativePath"); // inside the temporary folder
    QTest::addColumn<QString>("mentions");

    // "blocker" is a regular file, so no folder can be created beneath it.
    QTest::newRow("folder cannot be created") << u"blocker/sub/x.sqlite"_s << u"cannot create the folder"_s;
    // "adir" is a folder, which SQLite cannot open as a database file.
    QTest::newRow("path is a folder") << u"adir"_s << QString();
}

void TestDatabase::openFailure()
{
    QFETCH(QString, relativePath);
    QFETCH(QString, mentions);
    {
        QFile blocker(m_dir->filePath(u"blocker"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.write("not a folder");
    }
    QVERIFY(QDir(m_dir->path()).mkpath(u"adir"_s));

    const QStringList before = QSqlDatabase::connectionNames();
    auto db = Database::open(u"sqlite://"_s + m_dir->filePath(relativePath));
    STORE_VERIFY_ERROR(db, ErrorCode::Storage);
    if (!mentions.isEmpty())
        QVERIFY2(db.error().message.contains(mentions), qPrintable(db.error().message));
    // The half-opened connection was removed again.
    QCOMPARE(QSqlDatabase::connectionNames(), before);
}

void TestDatabase::engineDescriptionNamesTheEngine()
{
    const QString description = m_db->engineDescription();
    const QString expected = onPostgres() ? u"PostgreSQL 1"_s : u"SQLite 3."_s; // PostgreSQL 15.x, 16.x…
    QVERIFY2(description.startsWith(expected), qPrintable(description));
    QCOMPARE(m_db->engine(), onPostgres() ? Engine::PostgreSQL : Engine::SQLite);
}

void TestDatabase::dialectExpandsTokens()
{
    const QString expected = onPostgres()
        ? u"CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, data BYTEA, more BYTEA)"_s
        : u"CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB, more BLOB)"_s;
    QCOMPARE(m_db->dialect(u"CREATE TABLE t (id {{ID}}, data {{BLOB}}, more {{BLOB}})"_s), expected);
    QCOMPARE(m_db->dialect(u"SELECT 1"_s), u"SELECT 1"_s);
}

// ---------------------------------------------------------------------------
// Statements and errors

void TestDatabase::insertScalarUpdateSelect()
{
    auto a = m_db->insert(kInsertParent + u" RETURNING id"_s, {u"alpha"_s});
    STORE_VERIFY_OK(a);
    auto b = m_db->insert(kInsertParent + u" RETURNING id"_s, {u"beta"_s});
    STORE_VERIFY_OK(b);
    QCOMPARE(*a, qint64(1));
    QCOMPARE(*b, qint64(2));

    auto changed = m_db->update(u"UPDATE t_parent SET name = name || '!' WHERE id >= ?"_s, {1});
    STORE_VERIFY_OK(changed);
    QCOMPARE(*changed, 2);
    auto none = m_db->update(u"UPDATE t_parent SET name = 'x' WHERE id = ?"_s, {99});
    STORE_VERIFY_OK(none);
    QCOMPARE(*none, 0);

    auto name = m_db->scalar(u"SELECT name FROM t_parent WHERE id = ?"_s, {2});
    STORE_VERIFY_OK(name);
    QCOMPARE(name->toString(), u"beta!"_s);

    auto q = m_db->query(u"SELECT id, name FROM t_parent WHERE id > ? ORDER BY id"_s, {0});
    STORE_VERIFY_OK(q);
    QStringList rows;
    while (q->next())
        rows << q->value(0).toString() + u"="_s + q->value(1).toString();
    QCOMPARE(rows, (QStringList{u"1=alpha!"_s, u"2=beta!"_s}));
    QCOMPARE(tableRows(*m_db, u"t_parent"_s), (QStringList{u"1 | alpha!"_s, u"2 | beta!"_s}));

    auto prepared = m_db->prepare(kInsertParent);
    STORE_VERIFY_OK(prepared);
    for (const QString &n : {u"gamma"_s, u"delta"_s}) {
        prepared->bindValue(0, n);
        auto ok = m_db->execPrepared(*prepared);
        STORE_VERIFY_OK(ok);
    }
    QCOMPARE(parentNames(*m_db), (QStringList{u"alpha!"_s, u"beta!"_s, u"gamma"_s, u"delta"_s}));
}

void TestDatabase::insertReturnsIdOfUpsertedRow_data()
{
    QTest::addColumn<QStringList>("names"); // upserted in this order
    QTest::addColumn<QList<qint64>>("expectedIds");

    QTest::newRow("new rows") << QStringList{u"a"_s, u"b"_s} << QList<qint64>{1, 2};
    QTest::newRow("existing row after another insert") << QStringList{u"a"_s, u"b"_s, u"a"_s}
                                                       << QList<qint64>{1, 2, 1};
    QTest::newRow("existing row twice") << QStringList{u"a"_s, u"a"_s, u"a"_s} << QList<qint64>{1, 1, 1};
}

void TestDatabase::insertReturnsIdOfUpsertedRow()
{
    // insert() documents "INSERT … RETURNING id: the new row's id"; with an
    // upsert the row RETURNING reports is the one written — also when the
    // conflict turned the insert into an update.
    QFETCH(QStringList, names);
    QFETCH(QList<qint64>, expectedIds);
    auto ok = m_db->execDirect(
        m_db->dialect(u"CREATE TABLE t_upsert (id {{ID}}, name TEXT NOT NULL UNIQUE, hits INTEGER NOT NULL)"_s));
    STORE_VERIFY_OK(ok);
    QList<qint64> ids;
    for (const QString &name : std::as_const(names)) {
        auto id = m_db->insert(u"INSERT INTO t_upsert (name, hits) VALUES (?, 1) ON CONFLICT (name) "
                               "DO UPDATE SET hits = t_upsert.hits + 1 RETURNING id"_s, // bare "hits" is ambiguous on PostgreSQL
                               {name});
        STORE_VERIFY_OK(id);
        ids << *id;
    }
    QCOMPARE(ids, expectedIds);
}

void TestDatabase::placeholders_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");

    QTest::newRow("one") << 1 << u"?"_s;
    QTest::newRow("two") << 2 << u"?, ?"_s;
    QTest::newRow("five") << 5 << u"?, ?, ?, ?, ?"_s;
}

void TestDatabase::placeholders()
{
    QFETCH(int, n);
    QFETCH(QString, expected);
    QCOMPARE(Database::placeholders(n), expected);
}

void TestDatabase::insertRowsReturnsIdsInRowOrder_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("perStatement");
    QTest::addColumn<bool>("gapsFirst"); // existing rows with holes and a deleted maximum

    QTest::newRow("one statement") << 5 << 100 << false;
    QTest::newRow("several statements, last one short") << 7 << 3 << false;
    QTest::newRow("exact multiple") << 6 << 3 << false;
    QTest::newRow("one row per statement") << 4 << 1 << false;
    QTest::newRow("after deletes") << 7 << 3 << true;
    QTest::newRow("no rows") << 0 << 3 << false;
}

void TestDatabase::insertRowsReturnsIdsInRowOrder()
{
    QFETCH(int, rows);
    QFETCH(int, perStatement);
    QFETCH(bool, gapsFirst);
    if (gapsFirst) {
        for (const QString &n : {u"old-1"_s, u"old-2"_s, u"old-3"_s, u"old-4"_s}) {
            auto ok = m_db->exec(kInsertParent, {n});
            STORE_VERIFY_OK(ok);
        }
        auto ok = m_db->exec(u"DELETE FROM t_parent WHERE name IN ('old-2', 'old-4')"_s);
        STORE_VERIFY_OK(ok);
    }
    QList<QVariantList> values;
    for (int i = 0; i < rows; ++i)
        values << QVariantList{u"row-%1"_s.arg(i)};

    Transaction tx(*m_db);
    STORE_VERIFY_OK(tx.started());
    auto ids = m_db->insertRows(u"INSERT INTO t_parent (name)"_s, 1, values, perStatement);
    STORE_VERIFY_OK(ids);
    auto ok = tx.commit();
    STORE_VERIFY_OK(ok);

    // Each returned id is the id of the row at that position.
    QCOMPARE(ids->size(), qsizetype(rows));
    QStringList actual;
    for (qsizetype i = 0; i < ids->size(); ++i) {
        auto name = m_db->scalar(u"SELECT name FROM t_parent WHERE id = ?"_s, {ids->at(i)});
        actual << (name ? name->toString() : u"<no row %1>"_s.arg(ids->at(i)));
    }
    QStringList expected;
    for (const QVariantList &v : std::as_const(values))
        expected << v.first().toString();
    QCOMPARE(actual, expected);
    QCOMPARE(rowCount(*m_db, u"t_parent"_s), qint64(rows + (gapsFirst ? 2 : 0)));
}

void TestDatabase::insertRowsRefusals_data()
{
    QTest::addColumn<bool>("inTransaction");
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("perStatement");
    QTest::addColumn<bool>("shortRow");

    QTest::newRow("outside a transaction") << false << 1 << 10 << false;
    QTest::newRow("zero columns") << true << 0 << 10 << false;
    QTest::newRow("zero rows per statement") << true << 1 << 0 << false;
    QTest::newRow("a row with too few values") << true << 2 << 10 << true;
}

void TestDatabase::insertRowsRefusals()
{
    QFETCH(bool, inTransaction);
    QFETCH(int, columns);
    QFETCH(int, perStatement);
    QFETCH(bool, shortRow);
    auto ok = m_db->exec(kInsertParent, {u"parent"_s});
    STORE_VERIFY_OK(ok);
    const QStringList before = snapshot(*m_db);
    {
        std::optional<Transaction> tx;
        if (inTransaction)
            tx.emplace(*m_db);
        QList<QVariantList> rows = {{1, u"a"_s}, {1, u"b"_s}};
        if (shortRow)
            rows[1] = {1};
        const QString head = columns == 2 ? u"INSERT INTO t_child (parent_id, label)"_s : u"INSERT INTO t_parent (name)"_s;
        if (columns != 2) {
            rows = {{u"a"_s}, {u"b"_s}};
        }
        auto refused = m_db->insertRows(head, columns, rows, perStatement);
        STORE_VERIFY_ERROR(refused, ErrorCode::Internal);
    }
    QCOMPARE(m_db->transactionDepth(), 0);
    QCOMPARE(snapshot(*m_db), before);
}

void TestDatabase::insertRowsFailureLeavesNothingAfterRollback()
{
    auto ok = m_db->exec(kInsertParent, {u"taken"_s});
    STORE_VERIFY_OK(ok);
    const QStringList before = snapshot(*m_db);
    {
        Transaction tx(*m_db);
        STORE_VERIFY_OK(tx.started());
        // The third statement (rows 6..8) hits the UNIQUE name.
        QList<QVariantList> rows;
        for (int i = 0; i < 9; ++i)
            rows << QVariantList{i == 7 ? u"taken"_s : u"n%1"_s.arg(i)};
        auto refused = m_db->insertRows(u"INSERT INTO t_parent (name)"_s, 1, rows, 3);
        STORE_VERIFY_ERROR(refused, ErrorCode::Conflict);
    }
    QCOMPARE(snapshot(*m_db), before);
}

void TestDatabase::scalarWithoutRowIsNotFound()
{
    auto v = m_db->scalar(u"SELECT name FROM t_parent WHERE id = ?"_s, {42});
    STORE_VERIFY_ERROR(v, ErrorCode::NotFound);
    // The statement is reusable afterwards.
    auto ok = m_db->exec(kInsertParent, {u"alpha"_s});
    STORE_VERIFY_OK(ok);
    v = m_db->scalar(u"SELECT name FROM t_parent WHERE id = ?"_s, {1});
    STORE_VERIFY_OK(v);
    QCOMPARE(v->toString(), u"alpha"_s);
}

void TestDatabase::cachedStatementRebindsAndRecoversAfterError()
{
    // The same SQL text reuses one cached statement: every call must see its
    // own bind values, also after a call that failed.
    auto ok = m_db->exec(kInsertParent, {u"one"_s});
    STORE_VERIFY_OK(ok);
    ok = m_db->exec(kInsertParent, {u"one"_s});
    STORE_VERIFY_ERROR(ok, ErrorCode::Conflict);
    ok = m_db->exec(kInsertParent, {u"two"_s});
    STORE_VERIFY_OK(ok);

    const QString lookup = u"SELECT id FROM t_parent WHERE name = ?"_s;
    auto first = m_db->scalar(lookup, {u"one"_s});
    auto second = m_db->scalar(lookup, {u"two"_s});
    STORE_VERIFY_OK(first);
    STORE_VERIFY_OK(second);
    QCOMPARE(first->toLongLong(), qint64(1));
    // PostgreSQL's identity sequence is not transactional: the refused insert
    // used up id 2. SQLite hands out max(id) + 1.
    QCOMPARE(second->toLongLong(), qint64(onPostgres() ? 3 : 2));
    QCOMPARE(parentNames(*m_db), (QStringList{u"one"_s, u"two"_s}));
}

void TestDatabase::failedStatementIsStorageErrorWithSql_data()
{
    QTest::addColumn<QString>("api");

    for (const char *api : {"exec", "query", "scalar", "update", "insert", "select", "prepare", "execDirect"})
        QTest::newRow(api) << QString::fromLatin1(api);
}

void TestDatabase::failedStatementIsStorageErrorWithSql()
{
    QFETCH(QString, api);
    const QString sql = u"SELECT missing_column FROM no_such_table WHERE id = ?"_s;
    const QString insertSql = u"INSERT INTO no_such_table (x) VALUES (?) RETURNING id"_s;
    const QStringList before = snapshot(*m_db);

    Error error;
    bool failed = false;
    auto take = [&](const auto &r) {
        failed = !r.has_value();
        if (failed)
            error = r.error();
    };
    QString expectedSql = sql;
    if (api == u"exec"_s) {
        take(m_db->exec(sql, {1}));
    } else if (api == u"query"_s) {
        take(m_db->query(sql, {1}));
    } else if (api == u"scalar"_s) {
        take(m_db->scalar(sql, {1}));
    } else if (api == u"update"_s) {
        take(m_db->update(sql, {1}));
    } else if (api == u"insert"_s) {
        // The detail quotes the statement run (with or without its RETURNING clause).
        expectedSql = u"INSERT INTO no_such_table (x) VALUES (?)"_s;
        take(m_db->insert(insertSql, {1}));
    } else if (api == u"select"_s) {
        take(m_db->select<int>(sql, {1}, [](const QSqlQuery &) { return 0; }));
    } else if (api == u"prepare"_s) {
        take(m_db->prepare(sql));
    } else if (api == u"execDirect"_s) {
        expectedSql = u"SELECT missing_column FROM no_such_table"_s;
        take(m_db->execDirect(expectedSql));
    } else {
        QFAIL("unknown api");
    }
    QVERIFY2(failed, "a statement on a missing table succeeded");
    QCOMPARE(errorCodeName(error.code), errorCodeName(ErrorCode::Storage));
    QVERIFY(!error.message.isEmpty());
    QVERIFY2(error.detail.contains(u"no_such_table"_s), qPrintable(error.detail));
    QVERIFY2(error.detail.contains(u"SQL: "_s + expectedSql), qPrintable(error.detail));
    QVERIFY(!error.retryable);
    QCOMPARE(snapshot(*m_db), before);
}

void TestDatabase::uniqueViolationIsConflict_data()
{
    QTest::addColumn<QString>("api");

    for (const char *api : {"exec", "query", "update", "insert", "execDirect", "execPrepared"})
        QTest::newRow(api) << QString::fromLatin1(api);
}

void TestDatabase::uniqueViolationIsConflict()
{
    QFETCH(QString, api);
    auto ok = m_db->exec(kInsertParent, {u"taken"_s});
    STORE_VERIFY_OK(ok);
    ok = m_db->exec(kInsertParent, {u"other"_s});
    STORE_VERIFY_OK(ok);
    const QStringList before = snapshot(*m_db);

    Error error;
    bool failed = false;
    auto take = [&](const auto &r) {
        failed = !r.has_value();
        if (failed)
            error = r.error();
    };
    if (api == u"exec"_s) {
        take(m_db->exec(kInsertParent, {u"taken"_s}));
    } else if (api == u"query"_s) {
        take(m_db->query(kInsertParent, {u"taken"_s}));
    } else if (api == u"update"_s) {
        take(m_db->update(u"UPDATE t_parent SET name = ? WHERE name = ?"_s, {u"taken"_s, u"other"_s}));
    } else if (api == u"insert"_s) {
        take(m_db->insert(kInsertParent + u" RETURNING id"_s, {u"taken"_s}));
    } else if (api == u"execDirect"_s) {
        take(m_db->execDirect(u"INSERT INTO t_parent (name) VALUES ('taken')"_s));
    } else if (api == u"execPrepared"_s) {
        auto q = m_db->prepare(kInsertParent);
        STORE_VERIFY_OK(q);
        q->bindValue(0, u"taken"_s);
        take(m_db->execPrepared(*q));
    } else {
        QFAIL("unknown api");
    }
    QVERIFY2(failed, "a duplicate of a UNIQUE column was accepted");
    QCOMPARE(errorCodeName(error.code), errorCodeName(ErrorCode::Conflict));
    // "UNIQUE constraint failed" (SQLite), "violates unique constraint" (PostgreSQL).
    QVERIFY2(error.detail.contains(u"unique constraint"_s, Qt::CaseInsensitive), qPrintable(error.detail));
    QVERIFY2(error.detail.contains(u"SQL: "_s), qPrintable(error.detail));
    QCOMPARE(snapshot(*m_db), before);
}

void TestDatabase::foreignKeysEnforced_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QVariantList>("binds");

    QTest::newRow("child with dangling parent") << u"INSERT INTO t_child (parent_id, label) VALUES (?, ?)"_s
                                                << QVariantList{99, u"orphan"_s};
    QTest::newRow("re-point child to dangling parent") << u"UPDATE t_child SET parent_id = ? WHERE id = 1"_s
                                                       << QVariantList{99};
    QTest::newRow("delete referenced parent") << u"DELETE FROM t_parent WHERE id = ?"_s << QVariantList{1};
    // The product schema too: a contact point of a customer that does not exist.
    QTest::newRow("contact point of missing customer")
        << u"INSERT INTO contact_points (customer_id, kind, value, normalized) VALUES (?, 'email', ?, ?)"_s
        << QVariantList{u"cus_missing"_s, u"a@example.com"_s, u"a@example.com"_s};
}

void TestDatabase::foreignKeysEnforced()
{
    QFETCH(QString, sql);
    QFETCH(QVariantList, binds);
    auto ok = m_db->exec(kInsertParent, {u"parent"_s});
    STORE_VERIFY_OK(ok);
    ok = m_db->exec(u"INSERT INTO t_child (parent_id, label) VALUES (1, 'kid')"_s);
    STORE_VERIFY_OK(ok);
    const QStringList before = snapshot(*m_db);

    auto result = m_db->update(sql, binds);
    QVERIFY2(!result.has_value(), "a dangling foreign key was accepted");
    // A dangling reference is bad input, not a conflict with someone else's row.
    QCOMPARE(errorCodeName(result.error().code), errorCodeName(ErrorCode::InvalidArgument));
    QVERIFY2(result.error().detail.contains(u"foreign key constraint"_s, Qt::CaseInsensitive),
             qPrintable(result.error().detail));
    QCOMPARE(snapshot(*m_db), before);
}

void TestDatabase::nullTextBindsAsEmptyExplicitNullAsNull_data()
{
    QTest::addColumn<QString>("api");

    for (const char *api : {"exec", "query", "scalar", "update", "insert", "select"})
        QTest::newRow(api) << QString::fromLatin1(api);
}

void TestDatabase::nullTextBindsAsEmptyExplicitNullAsNull()
{
    // Domain structs leave optional text as a null QString; bound as-is Qt
    // would write SQL NULL and break NOT NULL columns. Every statement API
    // must treat it as '' — and only Sql::nullIfEmpty/nullIfZero mean NULL.
    QFETCH(QString, api);
    auto ok = m_db->execDirect(m_db->dialect(u"CREATE TABLE t_text (id {{ID}}, a TEXT NOT NULL, "
                                             "b {{BLOB}} NOT NULL, c TEXT, d BIGINT)"_s));
    STORE_VERIFY_OK(ok);
    const QString sql = u"INSERT INTO t_text (a, b, c, d) VALUES (?, ?, ?, ?) RETURNING id"_s;
    const QVariantList binds = {QString(), QByteArray(), Sql::nullIfEmpty(QString()), Sql::nullIfZero(0)};

    QByteArray result;
    if (api == u"exec"_s) {
        result = outcome(m_db->exec(sql, binds));
    } else if (api == u"query"_s) {
        result = outcome(m_db->query(sql, binds));
    } else if (api == u"scalar"_s) {
        result = outcome(m_db->scalar(sql, binds));
    } else if (api == u"update"_s) {
        result = outcome(m_db->update(sql, binds));
    } else if (api == u"insert"_s) {
        result = outcome(m_db->insert(sql, binds));
    } else if (api == u"select"_s) {
        result = outcome(m_db->select<qint64>(sql, binds, [](const QSqlQuery &q) { return q.value(0).toLongLong(); }));
    } else {
        QFAIL("unknown api");
    }
    QCOMPARE(result, QByteArray("ok"));
    auto row = m_db->query(u"SELECT a IS NULL, length(a), b IS NULL, length(b), c IS NULL, d IS NULL FROM t_text"_s);
    STORE_VERIFY_OK(row);
    QVERIFY(row->next());
    QStringList cells;
    for (int i = 0; i < 6; ++i)
        cells << QString::number(row->value(i).toInt()); // IS NULL is a boolean on PostgreSQL
    QCOMPARE(cells.join(u" "_s), u"0 0 0 0 1 1"_s);
}

// ---------------------------------------------------------------------------
// Transactions

void TestDatabase::transactionCommitIsVisibleToOtherConnections()
{
    auto reader = Database::open(m_db->url());
    STORE_VERIFY_OK(reader);
    {
        Transaction tx(*m_db);
        STORE_VERIFY_OK(tx.started());
        QCOMPARE(m_db->transactionDepth(), 1);
        auto ok = m_db->exec(kInsertParent, {u"alpha"_s});
        STORE_VERIFY_OK(ok);
        ok = m_db->exec(kInsertParent, {u"beta"_s});
        STORE_VERIFY_OK(ok);
        // Not visible to another connection before the commit.
        QCOMPARE(parentNames(**reader), QStringList());
        auto committed = tx.commit();
        STORE_VERIFY_OK(committed);
        QCOMPARE(m_db->transactionDepth(), 0);
    }
    QCOMPARE(parentNames(**reader), (QStringList{u"alpha"_s, u"beta"_s}));
    QCOMPARE(parentNames(*m_db), (QStringList{u"alpha"_s, u"beta"_s}));
}

void TestDatabase::transactionRollsBackOnDestruction()
{
    auto ok = m_db->exec(kInsertParent, {u"before"_s});
    STORE_VERIFY_OK(ok);
    const QStringList before = snapshot(*m_db);
    {
        Transaction tx(*m_db);
        STORE_VERIFY_OK(tx.started());
        ok = m_db->exec(kInsertParent, {u"lost"_s});
        STORE_VERIFY_OK(ok);
        auto changed = m_db->update(u"UPDATE t_parent SET name = 'renamed' WHERE name = 'before'"_s);
        STORE_VERIFY_OK(changed);
        QCOMPARE(parentNames(*m_db), (QStringList{u"renamed"_s, u"lost"_s}));
    } // no commit
    QCOMPARE(m_db->transactionDepth(), 0);
    QCOMPARE(snapshot(*m_db), before);
    // The connection is usable after the rollback.
    ok = m_db->exec(kInsertParent, {u"after"_s});
    STORE_VERIFY_OK(ok);
    QCOMPARE(parentNames(*m_db), (QStringList{u"before"_s, u"after"_s}));
}

void TestDatabase::nestedTransactions_data()
{
    QTest::addColumn<bool>("innerCommits");
    QTest::addColumn<bool>("outerCommits");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("both commit") << true << true << QStringList{u"outer-1"_s, u"inner"_s, u"outer-2"_s};
    QTest::newRow("inner rolls back, outer commits") << false << true << QStringList{u"outer-1"_s, u"outer-2"_s};
    QTest::newRow("inner commits, outer rolls back") << true << false << QStringList();
    QTest::newRow("both roll back") << false << false << QStringList();
}

void TestDatabase::nestedTransactions()
{
    QFETCH(bool, innerCommits);
    QFETCH(bool, outerCommits);
    QFETCH(QStringList, expected);
    {
        Transaction outer(*m_db);
        STORE_VERIFY_OK(outer.started());
        auto ok = m_db->exec(kInsertParent, {u"outer-1"_s});
        STORE_VERIFY_OK(ok);
        {
            Transaction inner(*m_db);
            STORE_VERIFY_OK(inner.started());
            QCOMPARE(m_db->transactionDepth(), 2);
            ok = m_db->exec(kInsertParent, {u"inner"_s});
            STORE_VERIFY_OK(ok);
            if (innerCommits) {
                ok = inner.commit();
                STORE_VERIFY_OK(ok);
            }
        }
        QCOMPARE(m_db->transactionDepth(), 1);
        // The outer transaction keeps working after the savepoint ends.
        ok = m_db->exec(kInsertParent, {u"outer-2"_s});
        STORE_VERIFY_OK(ok);
        if (outerCommits) {
            ok = outer.commit();
            STORE_VERIFY_OK(ok);
        }
    }
    QCOMPARE(m_db->transactionDepth(), 0);
    QCOMPARE(parentNames(*m_db), expected);
}

void TestDatabase::threeLevelSavepointRollbackKeepsOuterWork()
{
    {
        Transaction outer(*m_db);
        STORE_VERIFY_OK(outer.started());
        auto ok = m_db->exec(kInsertParent, {u"level-1"_s});
        STORE_VERIFY_OK(ok);
        {
            Transaction middle(*m_db);
            STORE_VERIFY_OK(middle.started());
            ok = m_db->exec(kInsertParent, {u"level-2"_s});
            STORE_VERIFY_OK(ok);
            {
                Transaction inner(*m_db);
                STORE_VERIFY_OK(inner.started());
                QCOMPARE(m_db->transactionDepth(), 3);
                ok = m_db->exec(kInsertParent, {u"level-3"_s});
                STORE_VERIFY_OK(ok);
                // A failed statement inside the savepoint, then the rollback.
                ok = m_db->exec(kInsertParent, {u"level-1"_s});
                STORE_VERIFY_ERROR(ok, ErrorCode::Conflict);
            }
            QCOMPARE(m_db->transactionDepth(), 2);
            QCOMPARE(parentNames(*m_db), (QStringList{u"level-1"_s, u"level-2"_s}));
            ok = middle.commit();
            STORE_VERIFY_OK(ok);
        }
        // A second savepoint at the same depth after the first one ended.
        {
            Transaction again(*m_db);
            STORE_VERIFY_OK(again.started());
            ok = m_db->exec(kInsertParent, {u"level-2b"_s});
            STORE_VERIFY_OK(ok);
        }
        ok = outer.commit();
        STORE_VERIFY_OK(ok);
    }
    QCOMPARE(m_db->transactionDepth(), 0);
    QCOMPARE(parentNames(*m_db), (QStringList{u"level-1"_s, u"level-2"_s}));
}

void TestDatabase::commitTwiceIsInternalError()
{
    Transaction tx(*m_db);
    STORE_VERIFY_OK(tx.started());
    auto ok = m_db->exec(kInsertParent, {u"kept"_s});
    STORE_VERIFY_OK(ok);
    ok = tx.commit();
    STORE_VERIFY_OK(ok);
    ok = tx.commit();
    STORE_VERIFY_ERROR(ok, ErrorCode::Internal);
    QCOMPARE(m_db->transactionDepth(), 0);
    QCOMPARE(parentNames(*m_db), QStringList{u"kept"_s});
}

void TestDatabase::commitWithoutTransactionIsInternalError()
{
    auto ok = m_db->commit();
    STORE_VERIFY_ERROR(ok, ErrorCode::Internal);
    QCOMPARE(m_db->transactionDepth(), 0);
    m_db->rollback(); // without a transaction: a no-op
    QCOMPARE(m_db->transactionDepth(), 0);
}

void TestDatabase::beginOnClosedConnectionFails()
{
    m_db->handle().close();
    Transaction tx(*m_db);
    QVERIFY(!tx.started().has_value());
    QCOMPARE(errorCodeName(tx.started().error().code), errorCodeName(ErrorCode::Storage));
    QCOMPARE(m_db->transactionDepth(), 0);
    auto ok = tx.commit();
    STORE_VERIFY_ERROR(ok, ErrorCode::Storage);
    QCOMPARE(m_db->transactionDepth(), 0);
}

void TestDatabase::destroyingDatabaseRollsBackOpenTransaction()
{
    const StoreUrl url = m_db->url();
    auto ok = m_db->begin();
    STORE_VERIFY_OK(ok);
    ok = m_db->exec(kInsertParent, {u"never committed"_s});
    STORE_VERIFY_OK(ok);
    m_db.reset();

    auto reopened = Database::open(url);
    STORE_VERIFY_OK(reopened);
    QCOMPARE(parentNames(**reopened), QStringList());
}

// ---------------------------------------------------------------------------
// Sql helpers

void TestDatabase::sqlDateTime_data()
{
    QTest::addColumn<QDateTime>("input");
    QTest::addColumn<qint64>("msecs");

    QTest::newRow("UTC with ms") << QDateTime(QDate(2025, 3, 9), QTime(6, 59, 59, 999), Qt::UTC)
                                 << qint64(1741503599999);
    QTest::newRow("offset +05:30") << QDateTime(QDate(2025, 1, 1), QTime(5, 30), QTimeZone(19800))
                                   << qint64(1735689600000);
    QTest::newRow("New York local") << QDateTime(QDate(2024, 11, 3), QTime(0, 30),
                                                 QTimeZone(QByteArrayLiteral("America/New_York")))
                                    << qint64(1730608200000);
    QTest::newRow("epoch") << QDateTime::fromMSecsSinceEpoch(0, Qt::UTC) << qint64(0);
    QTest::newRow("before epoch") << QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 500), Qt::UTC)
                                  << qint64(-500);
}

void TestDatabase::sqlDateTime()
{
    QFETCH(QDateTime, input);
    QFETCH(qint64, msecs);
    const QVariant stored = Sql::fromDateTime(input);
    QCOMPARE(stored.typeId(), int(QMetaType::LongLong));
    QCOMPARE(stored.toLongLong(), msecs);

    // Through a real column and back: the same instant, as UTC.
    auto ok = m_db->execDirect(u"CREATE TABLE t_times (at BIGINT)"_s);
    STORE_VERIFY_OK(ok);
    ok = m_db->exec(u"INSERT INTO t_times (at) VALUES (?)"_s, {stored});
    STORE_VERIFY_OK(ok);
    auto back = m_db->scalar(u"SELECT at FROM t_times"_s);
    STORE_VERIFY_OK(back);
    const QDateTime read = Sql::toDateTime(*back);
    QCOMPARE(read, input);
    QCOMPARE(read.timeSpec(), Qt::UTC);
    QCOMPARE(read.toMSecsSinceEpoch(), msecs);
}

void TestDatabase::sqlDate_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("text");

    QTest::newRow("ordinary") << QDate(2025, 7, 4) << u"2025-07-04"_s;
    QTest::newRow("leap day") << QDate(2024, 2, 29) << u"2024-02-29"_s;
    QTest::newRow("year start") << QDate(2026, 1, 1) << u"2026-01-01"_s;
}

void TestDatabase::sqlDate()
{
    QFETCH(QDate, date);
    QFETCH(QString, text);
    const QVariant stored = Sql::fromDate(date);
    QCOMPARE(stored.toString(), text);
    QCOMPARE(Sql::toDate(stored), date);
}

void TestDatabase::sqlNullHelpers()
{
    // Invalid/empty/zero become typed NULLs, which the driver binds as NULL.
    const QVariant noTime = Sql::fromDateTime(QDateTime());
    QVERIFY(noTime.isNull());
    QCOMPARE(noTime.typeId(), int(QMetaType::LongLong));
    QVERIFY(!Sql::toDateTime(QVariant()).isValid());
    QVERIFY(!Sql::toDateTime(noTime).isValid());

    const QVariant noDate = Sql::fromDate(QDate());
    QVERIFY(noDate.isNull());
    QVERIFY(!Sql::toDate(QVariant()).isValid());
    QVERIFY(!Sql::toDate(noDate).isValid());

    QVERIFY(Sql::nullIfEmpty(QString()).isNull());
    QVERIFY(Sql::nullIfEmpty(u""_s).isNull());
    QCOMPARE(Sql::nullIfEmpty(u"x"_s), QVariant(u"x"_s));
    QVERIFY(Sql::nullIfZero(0).isNull());
    QCOMPARE(Sql::nullIfZero(7).toLongLong(), qint64(7));
    QCOMPARE(Sql::nullIfZero(-1).toLongLong(), qint64(-1));

    // And they arrive in the database as NULL.
    auto ok = m_db->execDirect(u"CREATE TABLE t_nulls (a BIGINT, b TEXT, c TEXT, d BIGINT)"_s);
    STORE_VERIFY_OK(ok);
    ok = m_db->exec(u"INSERT INTO t_nulls VALUES (?, ?, ?, ?)"_s,
                    {noTime, noDate, Sql::nullIfEmpty(QString()), Sql::nullIfZero(0)});
    STORE_VERIFY_OK(ok);
    QCOMPARE(tableRows(*m_db, u"t_nulls"_s), QStringList{u"NULL | NULL | NULL | NULL"_s});
}

void TestDatabase::sqlRequireChanged_data()
{
    QTest::addColumn<int>("changed"); // -1 = the statement failed
    QTest::addColumn<QString>("expectedCode");

    QTest::newRow("one row") << 1 << u"ok"_s;
    QTest::newRow("several rows") << 3 << u"ok"_s;
    QTest::newRow("no row") << 0 << errorCodeName(ErrorCode::NotFound);
    QTest::newRow("failed statement") << -1 << errorCodeName(ErrorCode::Storage);
}

void TestDatabase::sqlRequireChanged()
{
    QFETCH(int, changed);
    QFETCH(QString, expectedCode);
    const Result<int> input = changed >= 0 ? Result<int>(changed)
                                           : Result<int>(fail(ErrorCode::Storage, u"disk on fire"_s));
    const Status s = Sql::requireChanged(input, u"no widget 7"_s);
    QCOMPARE(codeOf(s), expectedCode);
    if (changed == 0)
        QCOMPARE(s.error().message, u"no widget 7"_s);
    if (changed < 0)
        QCOMPARE(s.error().message, u"disk on fire"_s);
}

void TestDatabase::sqlSingle()
{
    auto first = Sql::single(Result<QList<int>>(QList<int>{4, 5}), u"none"_s);
    STORE_VERIFY_OK(first);
    QCOMPARE(*first, 4);
    auto none = Sql::single(Result<QList<int>>(QList<int>{}), u"no such thing"_s);
    STORE_VERIFY_ERROR(none, ErrorCode::NotFound);
    QCOMPARE(none.error().message, u"no such thing"_s);
    auto broken = Sql::single(Result<QList<int>>(fail(ErrorCode::Storage, u"boom"_s)), u"none"_s);
    STORE_VERIFY_ERROR(broken, ErrorCode::Storage);
    QCOMPARE(broken.error().message, u"boom"_s);
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
