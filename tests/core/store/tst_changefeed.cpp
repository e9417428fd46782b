// Store::ChangeFeed (core/store/changefeed.h) over the change-notification
// triggers of schema version 6: what one connection commits reaches another
// connection's feed within a second, once per table per transaction, never
// for a rollback, whoever wrote it (Concord or a plain SQL session); a
// dropped connection is reported; on SQLite the feed is inert.
//
// concord-test: postgresql-only

#include "storetestsupport.h"

#include "store/changefeed.h"
#include "store/database.h"
#include "store/storeurl.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Store;
using namespace Concord::StoreTest;

namespace {

using Tables = QSet<QString>;

// Every table named in the emissions a spy on changed() recorded.
Tables tablesIn(const QSignalSpy &spy)
{
    Tables all;
    for (const QList<QVariant> &args : spy)
        all.unite(args.at(0).value<Tables>());
    return all;
}

qsizetype emissionsNaming(const QSignalSpy &spy, const QString &table)
{
    return std::count_if(spy.cbegin(), spy.cend(),
                         [&table](const QList<QVariant> &args) { return args.at(0).value<Tables>().contains(table); });
}

// Waits (up to `ms` in total) until an emission names `table`.
bool waitForTable(QSignalSpy &spy, const QString &table, int ms = 1000)
{
    QElapsedTimer waited;
    waited.start();
    while (!tablesIn(spy).contains(table)) {
        const qint64 left = ms - waited.elapsed();
        if (left <= 0 || !spy.wait(int(left)))
            return tablesIn(spy).contains(table);
    }
    return true;
}

const QString kInsertUser =
    u"INSERT INTO users (username, display_name, role, created_at) VALUES (?, 'Marker', 'viewer', 0)"_s;

} // namespace

class TestChangeFeed : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void commitReachesTheOtherConnection_data();
    void commitReachesTheOtherConnection();
    void ownWritesArriveToo();
    void bulkTransactionNotifiesOncePerTable();
    void rolledBackTransactionNotifiesNothing();
    void plainSqlSessionIsSeen_data();
    void plainSqlSessionIsSeen();
    void droppedConnectionIsReported();
    void sqliteFeedIsInert();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_reader; // the desktop's connection, with the feed
    std::unique_ptr<Database> m_writer; // another desktop or concord-syncd
    std::unique_ptr<ChangeFeed> m_feed;
};

void TestChangeFeed::initTestCase()
{
    quietStoreLog();
    qRegisterMetaType<QSet<QString>>();
    QVERIFY2(onPostgres(), "this suite runs on PostgreSQL only (CONCORD_TEST_STORE=postgresql)");
}

void TestChangeFeed::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto reader = openMigrated(*m_dir);
    STORE_VERIFY_OK(reader);
    m_reader = std::move(*reader);
    auto writer = Database::open(m_reader->url());
    STORE_VERIFY_OK(writer);
    m_writer = std::move(*writer);
    m_feed = std::make_unique<ChangeFeed>(*m_reader);
    auto started = m_feed->start();
    STORE_VERIFY_OK(started);
    QCOMPARE(m_feed->state(), ChangeFeed::State::Listening);
}

void TestChangeFeed::cleanup()
{
    m_feed.reset();
    m_writer.reset();
    m_reader.reset();
    m_dir.reset();
}

void TestChangeFeed::commitReachesTheOtherConnection_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("table");
    QTest::newRow("a customer") << u"INSERT INTO customers (id, display_name, created_at, updated_at) "
                                   "VALUES ('cus_live', 'Live Client', 0, 0)"_s
                                << u"customers"_s;
    QTest::newRow("an outbox job") << u"INSERT INTO outbox_jobs (target_system, operation, entity_type, entity_id, "
                                      "idempotency_key, state, next_attempt_at, created_at, updated_at) VALUES "
                                      "('hubspot', 'create', 'customer', 'cus_x', 'k-live', 'pending', 0, 0, 0)"_s
                                   << u"outbox_jobs"_s;
    QTest::newRow("a tax rule") << u"INSERT INTO tax_rules (tax_code, updated_by, updated_at) VALUES ('TAX', 'ann', 0)"_s
                                << u"tax_rules"_s;
    QTest::newRow("a user") << u"INSERT INTO users (username, display_name, role, created_at) "
                               "VALUES ('bob', 'Bob', 'viewer', 0)"_s
                            << u"users"_s;
    QTest::newRow("a connection") << u"INSERT INTO connections (system, state, updated_at) VALUES ('hubspot', "
                                     "'connected', 0)"_s
                                  << u"connections"_s;
}

void TestChangeFeed::commitReachesTheOtherConnection()
{
    QFETCH(QString, sql);
    QFETCH(QString, table);
    QSignalSpy spy(m_feed.get(), &ChangeFeed::changed);
    auto ok = m_writer->exec(sql);
    STORE_VERIFY_OK(ok);
    // "Within about a second": no timer on the reader's side, only the feed.
    QVERIFY(spy.wait(1000));
    QCOMPARE(spy.constFirst().at(0).value<Tables>(), Tables{table});
}

void TestChangeFeed::ownWritesArriveToo()
{
    // The local sync engine writes through the desktop's own connection.
    QSignalSpy spy(m_feed.get(), &ChangeFeed::changed);
    auto ok = m_reader->exec(kInsertUser, {u"self"_s});
    STORE_VERIFY_OK(ok);
    QVERIFY(spy.wait(1000));
    QCOMPARE(spy.constFirst().at(0).value<Tables>(), Tables{u"users"_s});
}

void TestChangeFeed::bulkTransactionNotifiesOncePerTable()
{
    // What the server itself delivers, before the feed's coalescing.
    QHash<QString, int> delivered;
    connect(m_reader->handle().driver(), &QSqlDriver::notification, this,
            [&delivered](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                ++delivered[payload.toString()];
            });
    QSignalSpy spy(m_feed.get(), &ChangeFeed::changed);
    {
        Transaction tx(*m_writer);
        STORE_VERIFY_OK(tx.started());
        for (int i = 0; i < 500; ++i) {
            const QString id = u"cus_%1"_s.arg(i, 4, 10, QLatin1Char('0'));
            auto ok = m_writer->exec(u"INSERT INTO customers (id, display_name, created_at, updated_at) "
                                     "VALUES (?, ?, 0, 0)"_s,
                                     {id, u"Client %1"_s.arg(i)});
            STORE_VERIFY_OK(ok);
            ok = m_writer->exec(u"INSERT INTO contact_points (customer_id, kind, value, normalized) "
                                "VALUES (?, 'email', ?, ?)"_s,
                                {id, u"c%1@example.com"_s.arg(i), u"c%1@example.com"_s.arg(i)});
            STORE_VERIFY_OK(ok);
        }
        STORE_VERIFY_OK(tx.commit());
    }
    QVERIFY(waitForTable(spy, u"contact_points"_s));
    // A later, separate transaction: everything before it has arrived by then.
    auto ok = m_writer->exec(kInsertUser, {u"marker"_s});
    STORE_VERIFY_OK(ok);
    QVERIFY(waitForTable(spy, u"users"_s, 2000));

    QCOMPARE(delivered.value(u"customers"_s), 1);
    QCOMPARE(delivered.value(u"contact_points"_s), 1);
    QCOMPARE(emissionsNaming(spy, u"customers"_s), 1);
    QCOMPARE(emissionsNaming(spy, u"contact_points"_s), 1);
    QCOMPARE(tablesIn(spy), (Tables{u"customers"_s, u"contact_points"_s, u"users"_s}));
}

void TestChangeFeed::rolledBackTransactionNotifiesNothing()
{
    QSignalSpy spy(m_feed.get(), &ChangeFeed::changed);
    {
        Transaction tx(*m_writer);
        STORE_VERIFY_OK(tx.started());
        auto ok = m_writer->exec(u"INSERT INTO customers (id, display_name, created_at, updated_at) "
                                 "VALUES ('cus_gone', 'Never Was', 0, 0)"_s);
        STORE_VERIFY_OK(ok);
        // No commit: the guard rolls back.
    }
    auto ok = m_writer->exec(kInsertUser, {u"marker"_s});
    STORE_VERIFY_OK(ok);
    QVERIFY(waitForTable(spy, u"users"_s));
    QCOMPARE(tablesIn(spy), Tables{u"users"_s});
}

void TestChangeFeed::plainSqlSessionIsSeen_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("table");
    // As a psql session or a script would: no Concord code on the writing side.
    QTest::newRow("an insert") << u"INSERT INTO sync_flags (kind, subject, message, created_at, updated_at) "
                                  "VALUES ('double_booking', 'apt_1', 'two bookings at once', 0, 0)"_s
                               << u"sync_flags"_s;
    QTest::newRow("an update") << u"UPDATE users SET display_name = 'Renamed'"_s << u"users"_s;
    QTest::newRow("a delete") << u"DELETE FROM tax_rules"_s << u"tax_rules"_s;
    QTest::newRow("a bare NOTIFY") << u"NOTIFY concord_changes"_s << ChangeFeed::anyTable();
}

void TestChangeFeed::plainSqlSessionIsSeen()
{
    QFETCH(QString, sql);
    QFETCH(QString, table);
    const StoreUrl &url = m_reader->url();
    const QString name = u"tst_changefeed_raw"_s;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        raw.setHostName(url.host);
        raw.setPort(url.port);
        raw.setUserName(url.user);
        raw.setPassword(url.password);
        raw.setDatabaseName(url.database);
        QVERIFY2(raw.open(), qPrintable(raw.lastError().text()));
        QSignalSpy spy(m_feed.get(), &ChangeFeed::changed);
        QSqlQuery q(raw);
        QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
        QVERIFY(spy.wait(1000));
        QCOMPARE(spy.constFirst().at(0).value<Tables>(), Tables{table});
        raw.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void TestChangeFeed::droppedConnectionIsReported()
{
    QSignalSpy lost(m_feed.get(), &ChangeFeed::connectionLost);
    auto pid = m_reader->scalar(u"SELECT pg_backend_pid()"_s);
    STORE_VERIFY_OK(pid);
    auto killed = m_writer->scalar(u"SELECT pg_terminate_backend(?)"_s, {pid->toInt()});
    STORE_VERIFY_OK(killed);
    QVERIFY(killed->toBool());
    QVERIFY(lost.wait(5000));
    QCOMPARE(lost.size(), 1);
    QCOMPARE(m_feed->state(), ChangeFeed::State::Lost);
    QVERIFY(lost.constFirst().at(0).value<Error>().message.contains(u"lost"_s));
    // Stopping a lost feed is harmless, and leaves it inert.
    m_feed->stop();
    QCOMPARE(m_feed->state(), ChangeFeed::State::Inert);
}

void TestChangeFeed::sqliteFeedIsInert()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto db = Database::open(u"sqlite://"_s + dir.filePath(u"solo.sqlite"_s));
    STORE_VERIFY_OK(db);
    ChangeFeed feed(**db);
    auto started = feed.start();
    STORE_VERIFY_OK(started);
    QCOMPARE(feed.state(), ChangeFeed::State::Inert);
    QVERIFY(!feed.isListening());
}

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
