#include "teststore.h"

#include "store/database.h"
#include "store/migrations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Concord::Test {

namespace {

const QString kAdminConnection = u"concord-test-postgres-admin"_s;

struct PostgresDatabases {
    QString serverUrl;                 // postgresql://…/postgres
    QHash<QString, QString> byKey;     // "<dir>\n<file>" → database name
    QHash<QString, QString> dirOf;     // database name → its temporary folder
    int counter = 0;
    QString migratedTemplate;          // a migrated database to copy, once made
    bool cleanupRegistered = false;
};

PostgresDatabases &state()
{
    static PostgresDatabases s;
    return s;
}

void recordFailure(const QString &message)
{
    // QTest::qFail outside a test function would be lost; qWarning still
    // shows, and the caller's open then fails with the URL below.
    qWarning("%s", qPrintable(message));
    QTest::qFail(qPrintable(message), __FILE__, __LINE__);
}

const QString kUnavailableUrl = u"postgresql-unavailable://see-the-failure-above"_s;

QString readServerUrl()
{
    const QString file = qEnvironmentVariable("CONCORD_TEST_PG_URL_FILE");
    if (file.isEmpty()) {
        recordFailure(u"CONCORD_TEST_STORE=postgresql but CONCORD_TEST_PG_URL_FILE is not set: run this test "
                      "through ctest (fixture 'postgres'), or start tests/support/postgres-for-tests.sh yourself"_s);
        return {};
    }
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        recordFailure(u"no PostgreSQL test server: cannot read %1 (did the ctest fixture postgres_start fail?)"_s.arg(file));
        return {};
    }
    return QString::fromUtf8(f.readAll()).trimmed();
}

// One connection to the server's maintenance database, for CREATE/DROP
// DATABASE (neither can run inside a transaction or in the database itself).
QSqlDatabase admin()
{
    if (QSqlDatabase::contains(kAdminConnection))
        return QSqlDatabase::database(kAdminConnection);
    const QUrl url(state().serverUrl);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, kAdminConnection);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName());
    db.setPassword(url.password());
    db.setDatabaseName(url.path().mid(1));
    db.setConnectOptions(u"connect_timeout=10"_s);
    db.open();
    return db;
}

bool adminExec(const QString &sql)
{
    QSqlDatabase db = admin();
    if (!db.isOpen()) {
        recordFailure(u"cannot connect to the PostgreSQL test server %1: %2"_s.arg(state().serverUrl,
                                                                                  db.lastError().text()));
        return false;
    }
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        recordFailure(u"PostgreSQL test server: '%1' failed: %2"_s.arg(sql, q.lastError().text()));
        return false;
    }
    return true;
}

void dropDatabase(const QString &name)
{
    // FORCE: a test that failed half-way may still hold a connection.
    adminExec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(name));
    state().dirOf.remove(name);
    for (auto it = state().byKey.begin(); it != state().byKey.end();) {
        if (it.value() == name)
            it = state().byKey.erase(it);
        else
            ++it;
    }
}

// Databases whose temporary folder is gone belong to a finished test.
void dropFinished()
{
    QStringList finished;
    for (auto it = state().dirOf.cbegin(); it != state().dirOf.cend(); ++it) {
        if (!it.value().isEmpty() && !QDir(it.value()).exists())
            finished << it.key();
    }
    for (const QString &name : std::as_const(finished))
        dropDatabase(name);
}

void dropAllAtExit()
{
    const QStringList names = state().dirOf.keys();
    for (const QString &name : names)
        dropDatabase(name);
    if (QSqlDatabase::contains(kAdminConnection)) {
        QSqlDatabase::database(kAdminConnection).close();
        QSqlDatabase::removeDatabase(kAdminConnection);
    }
}

QString fileCopyStrategy()
{
    static const QString strategy = [] {
        QSqlQuery q(admin());
        const bool fileCopy = q.exec(u"SELECT current_setting('server_version_num')::int >= 150000"_s) && q.next()
            && q.value(0).toBool();
        return fileCopy ? u" STRATEGY = FILE_COPY"_s : QString();
    }();
    return strategy;
}

} // namespace

TestEngine testEngine()
{
    const QString engine = qEnvironmentVariable("CONCORD_TEST_STORE").trimmed().toLower();
    if (engine.isEmpty() || engine == u"sqlite"_s)
        return TestEngine::SQLite;
    if (engine == u"postgresql"_s)
        return TestEngine::PostgreSQL;
    qFatal("CONCORD_TEST_STORE='%s': expected 'sqlite' or 'postgresql'", qPrintable(engine));
}

QString testEngineName()
{
    return onPostgres() ? u"PostgreSQL"_s : u"SQLite"_s;
}

QString postgresServerUrl()
{
    if (state().serverUrl.isEmpty())
        state().serverUrl = readServerUrl();
    return state().serverUrl;
}

namespace {

// The URL of database `name` on the test server.
QString urlOf(const QString &name)
{
    QUrl url(state().serverUrl);
    url.setPath(u"/"_s + name);
    return url.toString();
}

// Creates (once per process) a database holding the migrated schema, for
// CREATE DATABASE … TEMPLATE. Empty on failure (after recording it).
QString migratedTemplate()
{
    if (!state().migratedTemplate.isEmpty())
        return state().migratedTemplate;
    const QString name = u"concord_t%1_template"_s.arg(QCoreApplication::applicationPid());
    if (!adminExec(u"CREATE DATABASE %1%2"_s.arg(name, fileCopyStrategy())))
        return {};
    state().dirOf.insert(name, QString()); // dropped at exit only
    {
        auto db = Store::Database::open(urlOf(name));
        if (!db) {
            recordFailure(u"cannot open the template database: %1"_s.arg(db.error().toString()));
            return {};
        }
        if (auto ok = Store::migrate(**db); !ok) {
            recordFailure(u"cannot migrate the template database: %1"_s.arg(ok.error().toString()));
            return {};
        }
    } // closed: PostgreSQL copies only a template nobody is connected to
    state().migratedTemplate = name;
    return name;
}

} // namespace

QString testStoreUrl(const QTemporaryDir &dir, const QString &file, bool migrated)
{
    if (!onPostgres())
        return u"sqlite://"_s + dir.filePath(file);

    if (postgresServerUrl().isEmpty())
        return kUnavailableUrl;
    const QString key = dir.path() + u'\n' + file;
    if (const auto it = state().byKey.constFind(key); it != state().byKey.cend())
        return urlOf(it.value());
    dropFinished();
    if (!state().cleanupRegistered && QCoreApplication::instance()) {
        qAddPostRoutine(dropAllAtExit);
        state().cleanupRegistered = true;
    }
    // Unique across the test processes ctest runs in parallel on one server.
    const QString name = u"concord_t%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(++state().counter);
    // FILE_COPY (PostgreSQL 15+) copies the template's files instead of
    // writing them all to the WAL: ~25 ms instead of ~250 ms per database,
    // which is most of a PostgreSQL test function's set-up.
    QString from;
    if (migrated) {
        const QString tmpl = migratedTemplate();
        if (tmpl.isEmpty())
            return kUnavailableUrl;
        from = u" TEMPLATE "_s + tmpl;
    }
    if (!adminExec(u"CREATE DATABASE %1%2%3"_s.arg(name, from, fileCopyStrategy())))
        return kUnavailableUrl;
    state().byKey.insert(key, name);
    state().dirOf.insert(name, dir.path());
    return urlOf(name);
}

} // namespace Concord::Test
