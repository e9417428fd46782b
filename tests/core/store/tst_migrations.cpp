// Schema migrations (core/store/migrations.h): a fresh store reaches the
// latest version with the whole schema, re-running is a no-op, a store from a
// newer Concord is refused untouched, a failed step leaves nothing behind, and
// the audit log is append-only in the engine itself.

#include "storetestsupport.h"

#include "store/database.h"
#include "store/migrations.h"

#include <QDir>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Store;
using namespace Concord::StoreTest;

namespace {

const QStringList kExpectedTables = {
    u"app_settings"_s,
    u"appointments"_s,     u"attachments"_s,         u"audit_log"_s,       u"connections"_s,
    u"contact_points"_s,   u"credits"_s,             u"customers"_s,       u"discount_rules"_s,
    u"duplicate_candidates"_s, u"external_links"_s,  u"field_mappings"_s,  u"inbound_events"_s,
    u"invoice_lines"_s,    u"invoice_policies"_s,    u"invoices"_s,        u"merge_proposals"_s,
    u"outbox_jobs"_s,      u"payment_applications"_s, u"payments"_s,       u"remote_refs"_s,
    u"review_runs"_s,      u"review_schedules"_s,    u"schema_migrations"_s, u"services"_s,
    u"staff"_s,            u"status_mappings"_s,     u"sync_cursors"_s,    u"sync_echoes"_s,
    u"sync_flags"_s,       u"sync_log"_s,            u"tax_rules"_s,       u"users"_s,
};

// Explicitly created indexes (not the automatic ones behind UNIQUE/PRIMARY KEY).
const QStringList kExpectedIndexes = {
    u"appointments_customer"_s, u"appointments_start"_s,       u"contact_points_lookup"_s,
    u"customers_display_name"_s, u"external_links_customer"_s, u"invoice_lines_appointment"_s,
    u"invoice_policies_scope"_s, u"invoices_customer"_s,       u"invoices_txn_date"_s,
    u"outbox_due"_s,            u"outbox_entity"_s,            u"payment_applications_invoice"_s,
    u"payments_txn_date"_s,     u"remote_refs_remote"_s,       u"sync_log_at"_s,
};

// The audit log's append-only triggers differ per engine: SQLite triggers
// run a RAISE per event; PostgreSQL triggers call a function and can also
// refuse TRUNCATE (migrations.cpp, sqliteOnly/postgresOnly).
QStringList expectedTriggers()
{
    if (onPostgres()) {
        QStringList triggers{u"audit_log_append_only"_s, u"audit_log_no_replace"_s, u"audit_log_no_truncate"_s};
        // Version 6: one change-notification trigger per table a desktop shows.
        for (const QString &table :
             {u"appointments"_s, u"audit_log"_s, u"connections"_s, u"contact_points"_s, u"credits"_s,
              u"customers"_s, u"discount_rules"_s, u"duplicate_candidates"_s, u"external_links"_s,
              u"field_mappings"_s, u"inbound_events"_s, u"invoice_lines"_s, u"invoice_policies"_s, u"invoices"_s,
              u"merge_proposals"_s, u"outbox_jobs"_s, u"payment_applications"_s, u"payments"_s, u"remote_refs"_s,
              u"services"_s, u"staff"_s, u"status_mappings"_s, u"sync_flags"_s, u"sync_log"_s, u"tax_rules"_s,
              u"users"_s})
            triggers << table + u"_notify_change"_s;
        // Version 7: team roles' guards (tests/core/security/tst_teamroles.cpp).
        triggers << u"audit_log_actor_guard"_s << u"field_mappings_side_guard"_s << u"merge_proposals_owner_decides"_s
                 << u"outbox_jobs_guard"_s << u"status_mappings_side_guard"_s << u"users_keep_an_owner"_s;
        // Version 8: the review schedule's owner guard and notifications for
        // the tables issue 9's pages show.
        triggers << u"review_schedules_owner_sets_up"_s;
        for (const QString &table : {u"app_settings"_s, u"attachments"_s, u"review_runs"_s, u"review_schedules"_s})
            triggers << table + u"_notify_change"_s;
        std::sort(triggers.begin(), triggers.end());
        return triggers;
    }
    return {u"audit_log_no_delete"_s, u"audit_log_no_replace"_s, u"audit_log_no_update"_s};
}

// Schema objects of one type ("index", "trigger", "view") that the schema
// created explicitly, read from the engine's own catalog.
QStringList namesOf(const Database &db, const QString &type)
{
    QString sql = u"SELECT name FROM sqlite_master WHERE type = ? AND sql IS NOT NULL "
                  "AND name NOT LIKE 'sqlite_%' ORDER BY name"_s;
    if (db.engine() == Engine::PostgreSQL) {
        // Indexes behind PRIMARY KEY/UNIQUE constraints are PostgreSQL's own,
        // as SQLite's automatic ones (sql IS NULL) are.
        sql = uR"(SELECT name FROM (
                SELECT 'index' AS type, indexname AS name FROM pg_indexes i
                 WHERE schemaname = current_schema()
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
                UNION ALL
                SELECT 'trigger', tgname FROM pg_trigger WHERE NOT tgisinternal
                UNION ALL
                SELECT 'view', viewname FROM pg_views WHERE schemaname = current_schema()
              ) o WHERE type = ? ORDER BY name COLLATE "C")"_s;
    }
    auto rows = db.select<QString>(sql, {type}, [](const QSqlQuery &q) { return q.value(0).toString(); });
    return rows ? *rows : QStringList{u"<error: "_s + rows.error().toString() + u">"_s};
}

QString insertAuditRow(qint64 seq, const QString &hash)
{
    return u"INSERT INTO audit_log (seq, at, actor, actor_role, action, entity_type, entity_id, before_json, "
           "after_json, prev_hash, hash) VALUES (%1, 1735689600000, 'alice', 'owner', 'customer.update', "
           "'customer', 'cus_1', '{}', '{\"name\":\"A\"}', 'genesis', '%2')"_s.arg(seq).arg(hash);
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietStoreLog(); }
    void init();
    void cleanup();

    void migrationListIsOrderedAndContiguous();
    void emptyDatabaseHasVersionZeroAndIsNotTouched();
    void freshDatabaseReachesLatestVersion();
    void allExpectedTablesExist();
    void allExpectedIndexesAndTriggersExist();
    void rerunningMigrateIsNoOp();
    void reopenedStoreKeepsVersion();
    void newerSchemaIsRefusedUntouched_data();
    void newerSchemaIsRefusedUntouched();
    void newerSchemaMessageQuotesPathExactly();
    void failedStepRollsBackCompletely();
    void auditLogIsAppendOnly_data();
    void auditLogIsAppendOnly();
    void auditLogAcceptsAppends();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db; // opened, NOT migrated: each test decides
};

void TestMigrations::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = Database::open(storeUrlIn(*m_dir));
    STORE_VERIFY_OK(db);
    m_db = std::move(*db);
}

void TestMigrations::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestMigrations::migrationListIsOrderedAndContiguous()
{
    const QList<Migration> &all = migrations();
    QVERIFY(!all.isEmpty());
    for (qsizetype i = 0; i < all.size(); ++i) {
        QCOMPARE(all.at(i).version, int(i + 1));
        QVERIFY2(!all.at(i).description.isEmpty(), qPrintable(u"step %1 has no description"_s.arg(i + 1)));
        // A step may be for one engine only (version 6: PostgreSQL's change
        // notifications), but never empty on both.
        QVERIFY(!all.at(i).statements.isEmpty() || !all.at(i).sqliteOnly.isEmpty()
                || !all.at(i).postgresOnly.isEmpty());
    }
    QCOMPARE(latestSchemaVersion(), all.constLast().version);
}

void TestMigrations::emptyDatabaseHasVersionZeroAndIsNotTouched()
{
    auto version = schemaVersion(*m_db);
    STORE_VERIFY_OK(version);
    QCOMPARE(*version, 0);
    // Asking does not create anything.
    QCOMPARE(tableNames(*m_db), QStringList());
}

void TestMigrations::freshDatabaseReachesLatestVersion()
{
    auto ok = migrate(*m_db);
    STORE_VERIFY_OK(ok);
    auto version = schemaVersion(*m_db);
    STORE_VERIFY_OK(version);
    QCOMPARE(*version, latestSchemaVersion());
    QCOMPARE(m_db->transactionDepth(), 0);

    // One row per step, with its description and a plausible time.
    auto rows = m_db->select<QString>(u"SELECT version, description, applied_at FROM schema_migrations ORDER BY version"_s,
                                      {}, [](const QSqlQuery &q) {
                                          const qint64 at = q.value(2).toLongLong();
                                          const bool plausible = at > 1700000000000LL; // after Nov 2023
                                          return q.value(0).toString() + u" "_s + q.value(1).toString()
                                              + (plausible ? u""_s : u" (implausible applied_at)"_s);
                                      });
    STORE_VERIFY_OK(rows);
    QStringList expected;
    for (const Migration &m : migrations())
        expected << QString::number(m.version) + u" "_s + m.description;
    QCOMPARE(*rows, expected);
}

void TestMigrations::allExpectedTablesExist()
{
    auto ok = migrate(*m_db);
    STORE_VERIFY_OK(ok);
    QCOMPARE(tableNames(*m_db), kExpectedTables);
    // Qt's own view of the tables agrees.
    QStringList viaQt = m_db->handle().tables();
    viaQt.sort();
    QCOMPARE(viaQt, kExpectedTables);
}

void TestMigrations::allExpectedIndexesAndTriggersExist()
{
    auto ok = migrate(*m_db);
    STORE_VERIFY_OK(ok);
    QCOMPARE(namesOf(*m_db, u"index"_s), kExpectedIndexes);
    QCOMPARE(namesOf(*m_db, u"trigger"_s), expectedTriggers());
    QCOMPARE(namesOf(*m_db, u"view"_s), QStringList());
}

void TestMigrations::rerunningMigrateIsNoOp()
{
    auto ok = migrate(*m_db);
    STORE_VERIFY_OK(ok);
    // Some data, so "no-op" also means "keeps the data".
    ok = m_db->exec(u"INSERT INTO users (username, display_name, role, created_at) VALUES ('ann', 'Ann', 'owner', 1)"_s);
    STORE_VERIFY_OK(ok);
    const QStringList before = snapshot(*m_db);

    ok = migrate(*m_db);
    STORE_VERIFY_OK(ok);
    QCOMPARE(snapshot(*m_db), before);
    ok = migrate(*m_db);
    STORE_VERIFY_OK(ok);
    QCOMPARE(snapshot(*m_db), before);
}

void TestMigrations::reopenedStoreKeepsVersion()
{
    auto ok = migrate(*m_db);
    STORE_VERIFY_OK(ok);
    const QStringList before = snapshot(*m_db);
    const StoreUrl url = m_db->url();
    m_db.reset();

    auto reopened = Database::open(url);
    STORE_VERIFY_OK(reopened);
    auto version = schemaVersion(**reopened);
    STORE_VERIFY_OK(version);
    QCOMPARE(*version, latestSchemaVersion());
    ok = migrate(**reopened);
    STORE_VERIFY_OK(ok);
    QCOMPARE(snapshot(**reopened), before);
}

void TestMigrations::newerSchemaIsRefusedUntouched_data()
{
    QTest::addColumn<bool>("fullSchema"); // migrated first, or only the marker table
    QTest::addColumn<int>("ahead");       // versions beyond latestSchemaVersion()

    QTest::newRow("full schema, one version ahead") << true << 1;
    QTest::newRow("full schema, far ahead") << true << 40;
    QTest::newRow("only the marker table, one version ahead") << false << 1;
}

void TestMigrations::newerSchemaIsRefusedUntouched()
{
    QFETCH(bool, fullSchema);
    QFETCH(int, ahead);
    const int latest = latestSchemaVersion();
    const int newer = latest + ahead;

    if (fullSchema) {
        auto ok = migrate(*m_db);
        STORE_VERIFY_OK(ok);
    } else {
        auto ok = m_db->execDirect(u"CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                                   "description TEXT NOT NULL, applied_at BIGINT NOT NULL)"_s);
        STORE_VERIFY_OK(ok);
    }
    auto ok = m_db->exec(u"INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)"_s,
                         {newer, u"from the future"_s, 4102444800000LL});
    STORE_VERIFY_OK(ok);
    const QStringList before = snapshot(*m_db);

    auto refused = migrate(*m_db);
    STORE_VERIFY_ERROR(refused, ErrorCode::SchemaTooNew);
    const QString message = refused.error().message;
    QVERIFY2(message.contains(u"schema version %1"_s.arg(newer)), qPrintable(message));
    QVERIFY2(message.contains(u"up to version %1"_s.arg(latest)), qPrintable(message));
    QVERIFY2(message.contains(m_db->url().redacted()), qPrintable(message));
    QCOMPARE(m_db->transactionDepth(), 0);

    // Untouched: same schema, same rows (no step of ours was applied).
    QCOMPARE(snapshot(*m_db), before);
    auto version = schemaVersion(*m_db);
    STORE_VERIFY_OK(version);
    QCOMPARE(*version, newer);

    // Refused again on a second attempt, still untouched.
    refused = migrate(*m_db);
    STORE_VERIFY_ERROR(refused, ErrorCode::SchemaTooNew);
    QCOMPARE(snapshot(*m_db), before);
}

void TestMigrations::newerSchemaMessageQuotesPathExactly()
{
    // Folder names may contain '%'. The message must quote the store's path
    // as it is, and still name both versions correctly.
    QVERIFY(QDir(m_dir->path()).mkpath(u"100%1 sure"_s));
    auto db = Database::open(u"sqlite://"_s + m_dir->filePath(u"100%1 sure/store.sqlite"_s));
    STORE_VERIFY_OK(db);
    auto ok = migrate(**db);
    STORE_VERIFY_OK(ok);
    const int newer = latestSchemaVersion() + 1;
    ok = (*db)->exec(u"INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, 'x', 0)"_s, {newer});
    STORE_VERIFY_OK(ok);

    auto refused = migrate(**db);
    STORE_VERIFY_ERROR(refused, ErrorCode::SchemaTooNew);
    const QString message = refused.error().message;
    QVERIFY2(message.contains((*db)->url().redacted() + u" has schema version %1"_s.arg(newer)), qPrintable(message));
    QVERIFY2(message.contains(u"up to version %1"_s.arg(latestSchemaVersion())), qPrintable(message));
}

void TestMigrations::failedStepRollsBackCompletely()
{
    // A table in the way of the last CREATE TABLE of step 1: the step fails
    // late, after creating everything before it — all of which must go.
    auto ok = m_db->execDirect(u"CREATE TABLE attachments (squatter TEXT)"_s);
    STORE_VERIFY_OK(ok);
    ok = m_db->exec(u"INSERT INTO attachments (squatter) VALUES ('mine')"_s);
    STORE_VERIFY_OK(ok);

    auto failed = migrate(*m_db);
    QVERIFY(!failed.has_value());
    QCOMPARE(errorCodeName(failed.error().code), errorCodeName(ErrorCode::Storage));
    QVERIFY2(failed.error().message.startsWith(u"migration to schema version 1 failed"_s),
             qPrintable(failed.error().message));
    QVERIFY2(failed.error().detail.contains(u"attachments"_s), qPrintable(failed.error().detail));
    QCOMPARE(m_db->transactionDepth(), 0);

    // Only the squatter and the (empty) bookkeeping table remain.
    QCOMPARE(tableNames(*m_db), (QStringList{u"attachments"_s, u"schema_migrations"_s}));
    QCOMPARE(tableRows(*m_db, u"attachments"_s), QStringList{u"mine"_s});
    QCOMPARE(tableRows(*m_db, u"schema_migrations"_s), QStringList());
    auto version = schemaVersion(*m_db);
    STORE_VERIFY_OK(version);
    QCOMPARE(*version, 0);

    // Once the obstacle is gone the same store migrates normally.
    ok = m_db->execDirect(u"DROP TABLE attachments"_s);
    STORE_VERIFY_OK(ok);
    ok = migrate(*m_db);
    STORE_VERIFY_OK(ok);
    QCOMPARE(tableNames(*m_db), kExpectedTables);
}

void TestMigrations::auditLogIsAppendOnly_data()
{
    QTest::addColumn<QString>("sql");

    QTest::newRow("update one column") << u"UPDATE audit_log SET actor = 'mallory' WHERE seq = 1"_s;
    QTest::newRow("update every row") << u"UPDATE audit_log SET after_json = '{}'"_s;
    QTest::newRow("delete one row") << u"DELETE FROM audit_log WHERE seq = 2"_s;
    QTest::newRow("delete every row") << u"DELETE FROM audit_log"_s;
    QTest::newRow("upsert onto an existing seq")
        << insertAuditRow(1, u"h-forged"_s) + u" ON CONFLICT (seq) DO UPDATE SET actor = 'mallory'"_s;
    if (onPostgres()) {
        // PostgreSQL has no REPLACE; its ways to rewrite history in place are
        // an upsert that does nothing on conflict yet claims the row, and
        // TRUNCATE, which skips row triggers.
        QTest::newRow("upsert doing nothing onto an existing seq")
            << insertAuditRow(1, u"h-forged"_s) + u" ON CONFLICT DO NOTHING"_s;
        QTest::newRow("truncate") << u"TRUNCATE audit_log"_s;
        QTest::newRow("insert reusing a hash") << insertAuditRow(9, u"h2"_s);
        return;
    }
    // REPLACE deletes the conflicting row: as much a rewrite of history as UPDATE.
    QTest::newRow("insert or replace an existing seq")
        << insertAuditRow(1, u"h-forged"_s).replace(u"INSERT INTO"_s, u"INSERT OR REPLACE INTO"_s);
    QTest::newRow("replace via a reused hash")
        << insertAuditRow(9, u"h2"_s).replace(u"INSERT INTO"_s, u"REPLACE INTO"_s);
}

void TestMigrations::auditLogIsAppendOnly()
{
    QFETCH(QString, sql);
    auto ok = migrate(*m_db);
    STORE_VERIFY_OK(ok);
    ok = m_db->execDirect(insertAuditRow(1, u"h1"_s));
    STORE_VERIFY_OK(ok);
    ok = m_db->execDirect(insertAuditRow(2, u"h2"_s));
    STORE_VERIFY_OK(ok);
    const QStringList before = tableRows(*m_db, u"audit_log"_s);
    QCOMPARE(before.size(), 2);

    auto refused = m_db->execDirect(sql);
    QVERIFY2(!refused.has_value(), "the audit log accepted a change to its history");
    QVERIFY2(refused.error().detail.contains(u"append-only"_s), qPrintable(refused.error().detail));
    QCOMPARE(tableRows(*m_db, u"audit_log"_s), before);

    // Also inside a transaction: refused, and a caller that expects the
    // refusal (tolerating(): a savepoint on PostgreSQL) keeps its transaction.
    {
        Transaction tx(*m_db);
        STORE_VERIFY_OK(tx.started());
        refused = m_db->tolerating([&] { return m_db->execDirect(sql); });
        QVERIFY(!refused.has_value());
        ok = m_db->execDirect(insertAuditRow(3, u"h3"_s));
        STORE_VERIFY_OK(ok);
        ok = tx.commit();
        STORE_VERIFY_OK(ok);
    }
    QCOMPARE(tableRows(*m_db, u"audit_log"_s).mid(0, 2), before);
    QCOMPARE(rowCount(*m_db, u"audit_log"_s), qint64(3));
}

void TestMigrations::auditLogAcceptsAppends()
{
    auto ok = migrate(*m_db);
    STORE_VERIFY_OK(ok);
    for (int i = 1; i <= 3; ++i) {
        ok = m_db->execDirect(insertAuditRow(i, u"h%1"_s.arg(i)));
        STORE_VERIFY_OK(ok);
    }
    QCOMPARE(rowCount(*m_db, u"audit_log"_s), qint64(3));
    // The hash is unique: a second row cannot claim an existing link (the
    // append-only trigger refuses it before the UNIQUE constraint would).
    ok = m_db->execDirect(insertAuditRow(4, u"h2"_s));
    STORE_VERIFY_ERROR(ok, ErrorCode::Storage);
    QVERIFY2(ok.error().detail.contains(u"append-only"_s), qPrintable(ok.error().detail));
    QCOMPARE(rowCount(*m_db, u"audit_log"_s), qint64(3));
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
