#pragma once

// Which engine a test's store runs on, and where that store lives (issue 8:
// the same suite on SQLite and on PostgreSQL).
//
// tests/CMakeLists.txt registers every store test twice: `core_tst_foo` on
// SQLite and `core_tst_foo_pg` with CONCORD_TEST_STORE=postgresql and
// CONCORD_TEST_PG_URL_FILE naming the file in which the CTest fixture
// `postgres` (tests/support/postgres-for-tests.sh) wrote its server's URL.
//
// On PostgreSQL each (temporary folder, file name) pair a test asks for gets
// its own new database on that server, so a test function that opens a fresh
// store in init() gets a fresh database, and reopening the same "file" reaches
// the same data. A database is dropped once its temporary folder is gone (the
// next time a store is asked for) and at the latest when the test exits.

#include <QString>
#include <QTemporaryDir>

namespace Concord::Test {

enum class TestEngine { SQLite, PostgreSQL };

// CONCORD_TEST_STORE: unset or "sqlite" → SQLite; "postgresql" → PostgreSQL.
// Anything else fails the test rather than silently picking one.
TestEngine testEngine();
inline bool onPostgres()
{
    return testEngine() == TestEngine::PostgreSQL;
}
// "SQLite" / "PostgreSQL", for QSKIP/QVERIFY2 messages that name the engine.
QString testEngineName();

// The store URL for `file` in `dir`: sqlite://<dir>/<file> on SQLite; on
// PostgreSQL a URL of a new, empty database standing for that file (created
// on first request). When the PostgreSQL server is unreachable this records a
// test failure (never a skip) and returns a URL that fails to open.
// `migrated`: on PostgreSQL the new database is copied from a template this
// process migrated once (a copy takes ~30 ms, running the migrations ~0.5 s);
// on SQLite it changes nothing (the caller migrates).
QString testStoreUrl(const QTemporaryDir &dir, const QString &file = QStringLiteral("store.sqlite"),
                     bool migrated = false);

// The PostgreSQL server's own URL (database "postgres"), or empty after
// recording a test failure. For tests that need a database they manage.
QString postgresServerUrl();

} // namespace Concord::Test
