// OperationsRepository (core/store/operationsrepository.h): sync log and
// latencies, capture cursors, connection health, inbound webhook dedupe,
// content-addressed attachments, and the review schedule.

#include "storetestsupport.h"

#include "common/clock.h"
#include "domain/operations.h"
#include "domain/system.h"
#include "domain/user.h"
#include "store/database.h"
#include "store/operationsrepository.h"
#include "store/userrepository.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Store;
using namespace Concord::StoreTest;

namespace {

SyncLogEntry logEntry(const QString &atIso, const QString &direction, const QString &outcome, qint64 latencyMs,
                      System system = System::QuickBooks)
{
    SyncLogEntry e;
    if (!atIso.isEmpty())
        e.at = utc(atIso);
    e.system = system;
    e.direction = direction;
    e.entityType = u"invoice"_s;
    e.entityId = u"42"_s;
    e.externalId = u"130"_s;
    e.action = u"invoice.create"_s;
    e.outcome = outcome;
    e.latencyMs = latencyMs;
    e.requestId = u"req-"_s + QString::number(latencyMs);
    e.message = u"created invoice 1042"_s;
    return e;
}

QString sha256Of(const QByteArray &content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

Attachment makeAttachment(const QByteArray &content, const QString &path)
{
    Attachment a;
    a.sha256Hex = sha256Of(content);
    a.mimeType = u"application/pdf"_s;
    a.sizeBytes = content.size();
    a.storagePath = path;
    a.fetchedAt = utc(u"2025-01-15T09:00:00.000Z"_s);
    a.expiresAt = utc(u"2025-04-15T09:00:00.000Z"_s);
    return a;
}

InboundEvent inbound(System system, const QString &key, const QByteArray &body, const QString &receivedIso = {})
{
    InboundEvent e;
    e.system = system;
    e.dedupeKey = key;
    e.body = body;
    if (!receivedIso.isEmpty())
        e.receivedAt = utc(receivedIso);
    return e;
}

} // namespace

class TestOperationsRepository : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietStoreLog(); }
    void init();
    void cleanup();

    void syncLogNewestFirst();
    void appendLogWithOnlyRequiredFields();
    void appendLogRefusesBadDirection_data();
    void appendLogRefusesBadDirection();
    void latenciesSince_data();
    void latenciesSince();

    void cursorsUpsert();

    void connectionsDefaultToNotConfigured();
    void saveConnectionUpserts();
    void saveConnectionWithOnlyAState();

    void inboundDedupe();
    void inboundBodyIsKeptByteForByte();
    void inboundProcessing();
    void storeInboundRefusesEmptyKey();
    void markInboundProcessedBefore();
    void markInboundProcessedBeforeRefusesInvalidInstant();
    void inboundSummaryPerSystem();

    void attachmentsAreContentAddressed();
    void attachmentRefusesInvalidDigest_data();
    void attachmentRefusesInvalidDigest();
    void expiredAttachments();
    void deleteAttachment();

    void reviewScheduleOnePerCadence();
    void saveReviewScheduleRefusals_data();
    void saveReviewScheduleRefusals();
    void completeReviewMovesNextDueAndRecordsRun();
    void completeReviewRefusals_data();
    void completeReviewRefusals();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<OperationsRepository> m_repo;
    qint64 m_owner = 0;
    qint64 m_bookkeeper = 0;
};

void TestOperationsRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = openMigrated(*m_dir);
    STORE_VERIFY_OK(db);
    m_db = std::move(*db);
    m_clock = std::make_unique<ManualClock>(fixedStart());
    m_repo = std::make_unique<OperationsRepository>(*m_db, *m_clock);

    UserRepository users(*m_db, *m_clock);
    User owner;
    owner.username = u"olga"_s;
    owner.role = Role::Owner;
    auto o = users.create(owner);
    STORE_VERIFY_OK(o);
    m_owner = o->id;
    User keeper;
    keeper.username = u"bert"_s;
    keeper.role = Role::Bookkeeper;
    auto k = users.create(keeper);
    STORE_VERIFY_OK(k);
    m_bookkeeper = k->id;
}

void TestOperationsRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
    m_clock.reset();
    m_dir.reset();
}

// ---------------------------------------------------------------------------
// Sync log

void TestOperationsRepository::syncLogNewestFirst()
{
    QList<SyncLogEntry> stored;
    // Appended out of time order; one without a time takes the clock's.
    const QList<SyncLogEntry> entries = {
        logEntry(u"2025-01-15T09:00:00.000Z"_s, u"out"_s, u"ok"_s, 120),
        logEntry(u"2025-01-15T09:20:00.000Z"_s, u"in"_s, u"skipped"_s, -1, System::CalCom),
        logEntry(QString(), u"out"_s, u"error"_s, 900, System::HubSpot),
        logEntry(u"2025-01-15T09:20:00.000Z"_s, u"out"_s, u"echo"_s, 5),
    };
    for (SyncLogEntry e : entries) {
        auto id = m_repo->appendLog(e);
        STORE_VERIFY_OK(id);
        e.id = *id;
        if (!e.at.isValid())
            e.at = fixedStart();
        stored << e;
    }
    // Newest first; equal times by id, newest id first.
    auto recent = m_repo->recentLog(10);
    STORE_VERIFY_OK(recent);
    QCOMPARE(dumpAll(*recent), dumpAll(QList<SyncLogEntry>{stored.at(2), stored.at(3), stored.at(1), stored.at(0)}));
    auto two = m_repo->recentLog(2);
    STORE_VERIFY_OK(two);
    QCOMPARE(dumpAll(*two), dumpAll(QList<SyncLogEntry>{stored.at(2), stored.at(3)}));
}

void TestOperationsRepository::appendLogWithOnlyRequiredFields()
{
    SyncLogEntry e;
    e.direction = u"in"_s;
    e.action = u"booking.created"_s;
    e.outcome = u"ok"_s;
    auto id = m_repo->appendLog(e);
    STORE_VERIFY_OK(id);
    e.id = *id;
    e.at = fixedStart();
    auto recent = m_repo->recentLog(1);
    STORE_VERIFY_OK(recent);
    QCOMPARE(dumpAll(*recent), QStringList{dump(e)});
}

void TestOperationsRepository::appendLogRefusesBadDirection_data()
{
    QTest::addColumn<QString>("direction");

    QTest::newRow("empty") << u""_s;
    QTest::newRow("upper case") << u"OUT"_s;
    QTest::newRow("unknown") << u"sideways"_s;
}

void TestOperationsRepository::appendLogRefusesBadDirection()
{
    QFETCH(QString, direction);
    const QStringList before = snapshot(*m_db);
    auto refused = m_repo->appendLog(logEntry(u"2025-01-15T09:00:00.000Z"_s, direction, u"ok"_s, 1));
    STORE_VERIFY_ERROR(refused, ErrorCode::InvalidArgument);
    QCOMPARE(snapshot(*m_db), before);
}

void TestOperationsRepository::latenciesSince_data()
{
    QTest::addColumn<QString>("since");
    QTest::addColumn<QList<qint64>>("expected");

    QTest::newRow("all successful deliveries") << u"2025-01-01T00:00:00.000Z"_s << QList<qint64>{80, 120, 450, 3000};
    QTest::newRow("since is inclusive") << u"2025-01-15T09:10:00.000Z"_s << QList<qint64>{80, 450};
    QTest::newRow("after the last one") << u"2025-01-15T09:10:00.001Z"_s << QList<qint64>{80};
    QTest::newRow("nothing yet") << u"2025-02-01T00:00:00.000Z"_s << QList<qint64>();
}

void TestOperationsRepository::latenciesSince()
{
    QFETCH(QString, since);
    QFETCH(QList<qint64>, expected);
    const QList<SyncLogEntry> entries = {
        logEntry(u"2025-01-15T09:00:00.000Z"_s, u"out"_s, u"ok"_s, 3000),
        logEntry(u"2025-01-15T09:05:00.000Z"_s, u"out"_s, u"ok"_s, 120),
        logEntry(u"2025-01-15T09:10:00.000Z"_s, u"out"_s, u"ok"_s, 450),
        logEntry(u"2025-01-15T09:20:00.000Z"_s, u"out"_s, u"ok"_s, 80),
        logEntry(u"2025-01-15T09:20:00.000Z"_s, u"out"_s, u"ok"_s, -1),      // not measured
        logEntry(u"2025-01-15T09:20:00.000Z"_s, u"out"_s, u"error"_s, 10),   // failed delivery
        logEntry(u"2025-01-15T09:20:00.000Z"_s, u"in"_s, u"ok"_s, 20),       // a capture
        logEntry(u"2025-01-15T09:20:00.000Z"_s, u"out"_s, u"skipped"_s, 30), // nothing delivered
    };
    for (const SyncLogEntry &e : entries) {
        auto id = m_repo->appendLog(e);
        STORE_VERIFY_OK(id);
    }
    auto latencies = m_repo->latenciesSince(utc(since));
    STORE_VERIFY_OK(latencies);
    QCOMPARE(*latencies, expected);
}

// ---------------------------------------------------------------------------
// Cursors

void TestOperationsRepository::cursorsUpsert()
{
    auto none = m_repo->cursor(System::CalCom, u"bookings"_s);
    STORE_VERIFY_OK(none);
    QVERIFY(!none->has_value());

    auto ok = m_repo->setCursor(System::CalCom, u"bookings"_s, u"2025-01-15T09:00:00.000Z"_s);
    STORE_VERIFY_OK(ok);
    ok = m_repo->setCursor(System::QuickBooks, u"cdc"_s, u"2025-01-15T08:00:00-05:00"_s);
    STORE_VERIFY_OK(ok);

    m_clock->advanceSecs(300);
    ok = m_repo->setCursor(System::CalCom, u"bookings"_s, u"2025-01-15T09:05:00.000Z"_s);
    STORE_VERIFY_OK(ok);

    auto bookings = m_repo->cursor(System::CalCom, u"bookings"_s);
    STORE_VERIFY_OK(bookings);
    QVERIFY(bookings->has_value());
    QCOMPARE(dump(**bookings), dump(SyncCursor{System::CalCom, u"bookings"_s, u"2025-01-15T09:05:00.000Z"_s,
                                               fixedStart().addSecs(300)}));
    auto cdc = m_repo->cursor(System::QuickBooks, u"cdc"_s);
    STORE_VERIFY_OK(cdc);
    QVERIFY(cdc->has_value());
    QCOMPARE(dump(**cdc), dump(SyncCursor{System::QuickBooks, u"cdc"_s, u"2025-01-15T08:00:00-05:00"_s, fixedStart()}));
    // Same resource name, other system: its own cursor.
    auto other = m_repo->cursor(System::HubSpot, u"bookings"_s);
    STORE_VERIFY_OK(other);
    QVERIFY(!other->has_value());
    QCOMPARE(rowCount(*m_db, u"sync_cursors"_s), qint64(2));
}

// ---------------------------------------------------------------------------
// Connections

void TestOperationsRepository::connectionsDefaultToNotConfigured()
{
    auto all = m_repo->connections();
    STORE_VERIFY_OK(all);
    QList<Connection> expected;
    for (System s : allSystems()) {
        Connection c;
        c.system = s;
        c.state = ConnectionState::NotConfigured;
        expected << c;
    }
    QCOMPARE(expected.size(), 3);
    QCOMPARE(dumpAll(*all), dumpAll(expected));
}

void TestOperationsRepository::saveConnectionUpserts()
{
    Connection hub;
    hub.system = System::HubSpot;
    hub.state = ConnectionState::Connected;
    hub.accountLabel = u"portal 4411"_s;
    hub.baseUrl = u"https://api.hubapi.com"_s;
    hub.accessExpiresAt = utc(u"2025-01-15T10:00:00.000Z"_s);
    hub.refreshIssuedAt = utc(u"2025-01-14T10:00:00.000Z"_s);
    hub.refreshExpiresAt = utc(u"2025-07-15T10:00:00.000Z"_s);
    hub.lastOkAt = utc(u"2025-01-15T09:29:00.000Z"_s);
    hub.lastError = u""_s;
    hub.updatedAt = utc(u"2000-01-01T00:00:00.000Z"_s); // ignored: the store stamps it
    auto ok = m_repo->saveConnection(hub);
    STORE_VERIFY_OK(ok);

    m_clock->advanceSecs(600);
    Connection hubLater = hub;
    hubLater.state = ConnectionState::Error;
    hubLater.lastError = u"401 Unauthorized"_s;
    hubLater.accessExpiresAt = QDateTime();
    ok = m_repo->saveConnection(hubLater);
    STORE_VERIFY_OK(ok);

    hubLater.updatedAt = fixedStart().addSecs(600);
    Connection qb;
    qb.system = System::QuickBooks;
    Connection cal;
    cal.system = System::CalCom;
    auto all = m_repo->connections();
    STORE_VERIFY_OK(all);
    QCOMPARE(dumpAll(*all), dumpAll(QList<Connection>{qb, hubLater, cal}));
    QCOMPARE(rowCount(*m_db, u"connections"_s), qint64(1));
}

void TestOperationsRepository::saveConnectionWithOnlyAState()
{
    Connection c;
    c.system = System::QuickBooks;
    c.state = ConnectionState::Disconnected;
    auto ok = m_repo->saveConnection(c);
    STORE_VERIFY_OK(ok);
    c.updatedAt = fixedStart();
    auto all = m_repo->connections();
    STORE_VERIFY_OK(all);
    QCOMPARE(dump(all->value(0)), dump(c));
}

// ---------------------------------------------------------------------------
// Inbound events

void TestOperationsRepository::inboundDedupe()
{
    auto first = m_repo->storeInbound(inbound(System::CalCom, u"evt-1"_s, "{\"a\":1}"));
    STORE_VERIFY_OK(first);
    QVERIFY(first->has_value());
    const QStringList before = snapshot(*m_db);

    // The same event delivered again (even with another body) is a repeat.
    m_clock->advanceSecs(5);
    auto repeat = m_repo->storeInbound(inbound(System::CalCom, u"evt-1"_s, "{\"a\":2}"));
    STORE_VERIFY_OK(repeat);
    QVERIFY(!repeat->has_value());
    QCOMPARE(snapshot(*m_db), before);

    // The same key from another system is another event.
    auto other = m_repo->storeInbound(inbound(System::HubSpot, u"evt-1"_s, "{\"b\":1}"));
    STORE_VERIFY_OK(other);
    QVERIFY(other->has_value());
    QVERIFY(**other != **first);
    QCOMPARE(rowCount(*m_db, u"inbound_events"_s), qint64(2));

    // Still a repeat after processing.
    auto ok = m_repo->markInboundProcessed(**first, u""_s);
    STORE_VERIFY_OK(ok);
    repeat = m_repo->storeInbound(inbound(System::CalCom, u"evt-1"_s, "{\"a\":3}"));
    STORE_VERIFY_OK(repeat);
    QVERIFY(!repeat->has_value());
    QCOMPARE(rowCount(*m_db, u"inbound_events"_s), qint64(2));
}

void TestOperationsRepository::inboundBodyIsKeptByteForByte()
{
    QByteArray body = QByteArray::fromHex("7b2278223a2200fffe0120"); // {"x":"<NUL><FF><FE><01><SP>
    body += "binary\"}";
    body.append(QByteArray(70000, '\x7f')); // larger than one page
    auto id = m_repo->storeInbound(inbound(System::QuickBooks, u"evt-bin"_s, body, u"2025-01-15T09:00:00.000Z"_s));
    STORE_VERIFY_OK(id);
    QVERIFY(id->has_value());
    auto pending = m_repo->unprocessedInbound(10);
    STORE_VERIFY_OK(pending);
    QCOMPARE(pending->size(), 1);
    QCOMPARE(pending->first().body, body);
}

void TestOperationsRepository::inboundProcessing()
{
    QList<InboundEvent> stored;
    // Received out of order; an event without a time takes the clock's.
    const QList<InboundEvent> events = {inbound(System::CalCom, u"e1"_s, "{\"n\":1}", u"2025-01-15T09:20:00.000Z"_s),
                                        inbound(System::CalCom, u"e2"_s, "{\"n\":2}", u"2025-01-15T09:10:00.000Z"_s),
                                        inbound(System::HubSpot, u"e3"_s, "{\"n\":3}")};
    for (InboundEvent e : events) {
        auto id = m_repo->storeInbound(e);
        STORE_VERIFY_OK(id);
        QVERIFY(id->has_value());
        e.id = **id;
        if (!e.receivedAt.isValid())
            e.receivedAt = fixedStart();
        stored << e;
    }
    auto pending = m_repo->unprocessedInbound(10);
    STORE_VERIFY_OK(pending);
    QCOMPARE(dumpAll(*pending), dumpAll(QList<InboundEvent>{stored.at(1), stored.at(0), stored.at(2)}));
    auto one = m_repo->unprocessedInbound(1);
    STORE_VERIFY_OK(one);
    QCOMPARE(dumpAll(*one), QStringList{dump(stored.at(1))});

    // Processed (one with an error): gone from the queue, time and error kept.
    m_clock->advanceSecs(30);
    auto ok = m_repo->markInboundProcessed(stored.at(1).id, QString());
    STORE_VERIFY_OK(ok);
    ok = m_repo->markInboundProcessed(stored.at(0).id, u"unknown booking uid"_s);
    STORE_VERIFY_OK(ok);
    pending = m_repo->unprocessedInbound(10);
    STORE_VERIFY_OK(pending);
    QCOMPARE(dumpAll(*pending), QStringList{dump(stored.at(2))});
    auto rows = m_db->select<QString>(u"SELECT dedupe_key, processed_at, error FROM inbound_events ORDER BY id"_s, {},
                                      [](const QSqlQuery &q) {
                                          return q.value(0).toString() + u" "_s
                                              + str(Sql::toDateTime(q.value(1))) + u" '"_s + q.value(2).toString()
                                              + u"'"_s;
                                      });
    STORE_VERIFY_OK(rows);
    const QString at = str(fixedStart().addSecs(30));
    QCOMPARE(*rows, (QStringList{u"e1 "_s + at + u" 'unknown booking uid'"_s, u"e2 "_s + at + u" ''"_s,
                                 u"e3 <invalid> ''"_s}));

    auto missing = m_repo->markInboundProcessed(9999, QString());
    STORE_VERIFY_ERROR(missing, ErrorCode::NotFound);
}

void TestOperationsRepository::storeInboundRefusesEmptyKey()
{
    const QStringList before = snapshot(*m_db);
    auto refused = m_repo->storeInbound(inbound(System::CalCom, QString(), "{}"));
    STORE_VERIFY_ERROR(refused, ErrorCode::InvalidArgument);
    QCOMPARE(snapshot(*m_db), before);
}

// Every inbound event as "system key processed_at 'error'", in id order.
static QStringList inboundRows(const Database &db)
{
    auto rows = db.select<QString>(u"SELECT system, dedupe_key, processed_at, error FROM inbound_events ORDER BY id"_s,
                                   {}, [](const QSqlQuery &q) {
                                       return q.value(0).toString() + u" "_s + q.value(1).toString() + u" "_s
                                           + str(Sql::toDateTime(q.value(2))) + u" '"_s + q.value(3).toString()
                                           + u"'"_s;
                                   });
    return rows ? *rows : QStringList{u"<cannot read inbound_events: %1>"_s.arg(rows.error().toString())};
}

void TestOperationsRepository::inboundSummaryPerSystem()
{
    const QList<InboundEvent> events = {
        inbound(System::CalCom, u"old"_s, "{}", u"2025-01-14T08:00:00.000Z"_s), // before the window
        inbound(System::CalCom, u"c1"_s, "{}", u"2025-01-15T09:00:00.000Z"_s),
        inbound(System::CalCom, u"c2"_s, "{}", u"2025-01-15T09:30:00.000Z"_s),
        inbound(System::QuickBooks, u"unreadable/ab"_s, "?", u"2025-01-15T09:10:00.000Z"_s),
        inbound(System::QuickBooks, u"q1"_s, "{}", u"2025-01-15T09:20:00.000Z"_s),
    };
    QList<qint64> ids;
    for (const InboundEvent &e : events) {
        auto id = m_repo->storeInbound(e);
        STORE_VERIFY_OK(id);
        ids << **id;
    }
    STORE_VERIFY_OK(m_repo->markInboundProcessed(ids.at(1), QString()));
    STORE_VERIFY_OK(m_repo->markInboundProcessed(ids.at(3), u"not JSON"_s));
    auto summary = m_repo->inboundSummarySince(utc(u"2025-01-15T00:00:00.000Z"_s));
    STORE_VERIFY_OK(summary);
    QStringList got;
    for (const auto &w : std::as_const(*summary))
        got << u"%1 received=%2 unreadable=%3 unprocessed=%4 last=%5"_s.arg(toString(w.system))
                   .arg(w.received)
                   .arg(w.unreadable)
                   .arg(w.unprocessed)
                   .arg(w.lastReceivedAt.toString(Qt::ISODateWithMs));
    QCOMPARE(got, (QStringList{
                      u"calcom received=2 unreadable=0 unprocessed=1 last=2025-01-15T09:30:00.000Z"_s,
                      u"quickbooks received=2 unreadable=1 unprocessed=1 last=2025-01-15T09:20:00.000Z"_s,
                  }));
}

void TestOperationsRepository::markInboundProcessedBefore()
{
    // Cal.com events on both sides of the poll's start (one exactly at it),
    // one already processed with an error, and a HubSpot event before it.
    const QList<InboundEvent> events = {
        inbound(System::CalCom, u"c-early"_s, "{}", u"2025-01-15T09:00:00.000Z"_s),
        inbound(System::CalCom, u"c-failed"_s, "{}", u"2025-01-15T09:05:00.000Z"_s),
        inbound(System::CalCom, u"c-just-before"_s, "{}", u"2025-01-15T09:09:59.999Z"_s),
        inbound(System::CalCom, u"c-at"_s, "{}", u"2025-01-15T09:10:00.000Z"_s),
        inbound(System::CalCom, u"c-late"_s, "{}", u"2025-01-15T09:12:00.000Z"_s),
        inbound(System::HubSpot, u"h-early"_s, "[]", u"2025-01-15T09:00:00.000Z"_s),
    };
    QList<qint64> ids;
    for (const InboundEvent &e : events) {
        auto id = m_repo->storeInbound(e);
        STORE_VERIFY_OK(id);
        QVERIFY(id->has_value());
        ids << **id;
    }
    STORE_VERIFY_OK(m_repo->markInboundProcessed(ids.at(1), u"unknown booking uid"_s));
    const QString failedAt = str(fixedStart());
    auto count = m_repo->unprocessedInboundCount(System::CalCom);
    STORE_VERIFY_OK(count);
    QCOMPARE(*count, 4);

    m_clock->advanceSecs(60);
    const QString markedAt = str(fixedStart().addSecs(60));
    STORE_VERIFY_OK(m_repo->markInboundProcessedBefore(System::CalCom, utc(u"2025-01-15T09:10:00.000Z"_s)));
    QCOMPARE(inboundRows(*m_db), (QStringList{
                                     u"calcom c-early "_s + markedAt + u" ''"_s,
                                     u"calcom c-failed "_s + failedAt + u" 'unknown booking uid'"_s,
                                     u"calcom c-just-before "_s + markedAt + u" ''"_s,
                                     u"calcom c-at <invalid> ''"_s,
                                     u"calcom c-late <invalid> ''"_s,
                                     u"hubspot h-early <invalid> ''"_s,
                                 }));
    count = m_repo->unprocessedInboundCount(System::CalCom);
    STORE_VERIFY_OK(count);
    QCOMPARE(*count, 2);
    count = m_repo->unprocessedInboundCount(System::HubSpot);
    STORE_VERIFY_OK(count);
    QCOMPARE(*count, 1);
    count = m_repo->unprocessedInboundCount(System::QuickBooks);
    STORE_VERIFY_OK(count);
    QCOMPARE(*count, 0);
    auto pending = m_repo->unprocessedInbound(10);
    STORE_VERIFY_OK(pending);
    QStringList pendingKeys;
    for (const InboundEvent &e : std::as_const(*pending))
        pendingKeys << e.dedupeKey;
    QCOMPARE(pendingKeys, (QStringList{u"h-early"_s, u"c-at"_s, u"c-late"_s}));

    // Again, later: nothing left before that instant, nothing changes.
    m_clock->advanceSecs(60);
    const QStringList before = snapshot(*m_db);
    STORE_VERIFY_OK(m_repo->markInboundProcessedBefore(System::CalCom, utc(u"2025-01-15T09:10:00.000Z"_s)));
    QCOMPARE(snapshot(*m_db), before);

    // A system with nothing waiting is fine too.
    STORE_VERIFY_OK(m_repo->markInboundProcessedBefore(System::QuickBooks, utc(u"2025-01-15T10:00:00.000Z"_s)));
    QCOMPARE(snapshot(*m_db), before);
}

void TestOperationsRepository::markInboundProcessedBeforeRefusesInvalidInstant()
{
    STORE_VERIFY_OK(m_repo->storeInbound(inbound(System::CalCom, u"c1"_s, "{}", u"2025-01-15T09:00:00.000Z"_s)));
    const QStringList before = snapshot(*m_db);
    STORE_VERIFY_ERROR(m_repo->markInboundProcessedBefore(System::CalCom, QDateTime()), ErrorCode::InvalidArgument);
    QCOMPARE(snapshot(*m_db), before);
}

// ---------------------------------------------------------------------------
// Attachments

void TestOperationsRepository::attachmentsAreContentAddressed()
{
    const QByteArray pdf = "%PDF-1.7 invoice 1042";
    Attachment a = makeAttachment(pdf, u"/cache/ab/abcd.pdf"_s);
    auto id = m_repo->saveAttachment(a);
    STORE_VERIFY_OK(id);
    a.id = *id;
    auto read = m_repo->attachmentBySha256(a.sha256Hex);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(a));
    const QStringList before = snapshot(*m_db);

    // The same bytes fetched again, stored elsewhere: the existing copy.
    m_clock->advanceSecs(86400);
    Attachment again = makeAttachment(pdf, u"/cache/elsewhere.pdf"_s);
    again.fetchedAt = QDateTime();
    auto sameId = m_repo->saveAttachment(again);
    STORE_VERIFY_OK(sameId);
    QCOMPARE(*sameId, *id);
    QCOMPARE(snapshot(*m_db), before);

    // Other bytes: another row; fetchedAt defaults to now, no expiry = keep.
    Attachment other = makeAttachment("%PDF-1.7 invoice 1043", u"/cache/cd/cdef.pdf"_s);
    other.fetchedAt = QDateTime();
    other.expiresAt = QDateTime();
    auto otherId = m_repo->saveAttachment(other);
    STORE_VERIFY_OK(otherId);
    QVERIFY(*otherId != *id);
    other.id = *otherId;
    other.fetchedAt = fixedStart().addSecs(86400);
    read = m_repo->attachmentBySha256(other.sha256Hex);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(other));
    QCOMPARE(rowCount(*m_db, u"attachments"_s), qint64(2));

    auto missing = m_repo->attachmentBySha256(sha256Of("nothing"));
    STORE_VERIFY_ERROR(missing, ErrorCode::NotFound);
}

void TestOperationsRepository::attachmentRefusesInvalidDigest_data()
{
    QTest::addColumn<QString>("digest");

    const QString good = sha256Of("x");
    QTest::newRow("empty") << QString();
    QTest::newRow("upper-case hex") << good.toUpper();
    QTest::newRow("63 digits") << good.left(63);
    QTest::newRow("65 digits") << good + u"0"_s;
    QTest::newRow("not hex") << good.left(63) + u"g"_s;
    QTest::newRow("SHA-1 length") << good.left(40);
    QTest::newRow("padded") << u" "_s + good.left(63);
}

void TestOperationsRepository::attachmentRefusesInvalidDigest()
{
    QFETCH(QString, digest);
    const QStringList before = snapshot(*m_db);
    Attachment a = makeAttachment("%PDF", u"/cache/x.pdf"_s);
    a.sha256Hex = digest;
    auto refused = m_repo->saveAttachment(a);
    STORE_VERIFY_ERROR(refused, ErrorCode::InvalidArgument);
    QCOMPARE(snapshot(*m_db), before);
}

void TestOperationsRepository::expiredAttachments()
{
    QList<Attachment> stored;
    const QList<QDateTime> expiries = {utc(u"2025-02-01T00:00:00.000Z"_s), QDateTime(), utc(u"2025-03-01T00:00:00.000Z"_s)};
    for (int i = 0; i < expiries.size(); ++i) {
        Attachment a = makeAttachment(QByteArray("pdf ") + QByteArray::number(i), u"/cache/%1.pdf"_s.arg(i));
        a.expiresAt = expiries.at(i);
        auto id = m_repo->saveAttachment(a);
        STORE_VERIFY_OK(id);
        a.id = *id;
        stored << a;
    }
    auto none = m_repo->expiredAttachments(utc(u"2025-01-31T23:59:59.999Z"_s));
    STORE_VERIFY_OK(none);
    QCOMPARE(dumpAll(*none), QStringList());
    // Expiry is inclusive; "no expiry" never expires.
    auto first = m_repo->expiredAttachments(utc(u"2025-02-01T00:00:00.000Z"_s));
    STORE_VERIFY_OK(first);
    QCOMPARE(dumpAll(*first), QStringList{dump(stored.at(0))});
    auto both = m_repo->expiredAttachments(utc(u"2030-01-01T00:00:00.000Z"_s));
    STORE_VERIFY_OK(both);
    QCOMPARE(dumpAll(*both), dumpAll(QList<Attachment>{stored.at(0), stored.at(2)}));
}

void TestOperationsRepository::deleteAttachment()
{
    Attachment a = makeAttachment("%PDF a", u"/cache/a.pdf"_s);
    auto id = m_repo->saveAttachment(a);
    STORE_VERIFY_OK(id);
    Attachment b = makeAttachment("%PDF b", u"/cache/b.pdf"_s);
    auto bId = m_repo->saveAttachment(b);
    STORE_VERIFY_OK(bId);
    b.id = *bId;

    auto ok = m_repo->deleteAttachment(*id);
    STORE_VERIFY_OK(ok);
    auto gone = m_repo->attachmentBySha256(a.sha256Hex);
    STORE_VERIFY_ERROR(gone, ErrorCode::NotFound);
    auto kept = m_repo->attachmentBySha256(b.sha256Hex);
    STORE_VERIFY_OK(kept);
    QCOMPARE(dump(*kept), dump(b));

    const QStringList before = snapshot(*m_db);
    auto again = m_repo->deleteAttachment(*id);
    STORE_VERIFY_ERROR(again, ErrorCode::NotFound);
    QCOMPARE(snapshot(*m_db), before);

    // Once deleted, the same content can be cached again.
    auto back = m_repo->saveAttachment(a);
    STORE_VERIFY_OK(back);
}

// ---------------------------------------------------------------------------
// Review schedule

void TestOperationsRepository::reviewScheduleOnePerCadence()
{
    ReviewSchedule weekly;
    weekly.cadence = ReviewCadence::Weekly;
    weekly.ownerUserId = m_owner;
    weekly.nextDue = QDate(2025, 1, 20);
    auto weeklyId = m_repo->saveReviewSchedule(weekly);
    STORE_VERIFY_OK(weeklyId);
    weekly.id = *weeklyId;

    ReviewSchedule monthly;
    monthly.cadence = ReviewCadence::Monthly;
    monthly.nextDue = QDate(2025, 2, 1); // no owner yet
    auto monthlyId = m_repo->saveReviewSchedule(monthly);
    STORE_VERIFY_OK(monthlyId);
    monthly.id = *monthlyId;

    // Saving the weekly cadence again updates that schedule.
    ReviewSchedule weeklyAgain;
    weeklyAgain.cadence = ReviewCadence::Weekly;
    weeklyAgain.ownerUserId = m_bookkeeper;
    weeklyAgain.nextDue = QDate(2025, 1, 27);
    auto sameId = m_repo->saveReviewSchedule(weeklyAgain);
    STORE_VERIFY_OK(sameId);
    QCOMPARE(*sameId, *weeklyId);
    weeklyAgain.id = *weeklyId;

    auto all = m_repo->reviewSchedules();
    STORE_VERIFY_OK(all);
    QCOMPARE(dumpAll(*all), dumpAll(QList<ReviewSchedule>{weeklyAgain, monthly})); // by next due
    QCOMPARE(rowCount(*m_db, u"review_schedules"_s), qint64(2));
}

void TestOperationsRepository::saveReviewScheduleRefusals_data()
{
    QTest::addColumn<bool>("validDate");
    QTest::addColumn<qint64>("owner");
    QTest::addColumn<QString>("expectedCode");

    QTest::newRow("no next due date") << false << qint64(0) << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("owner does not exist") << true << qint64(999) << errorCodeName(ErrorCode::InvalidArgument);
}

void TestOperationsRepository::saveReviewScheduleRefusals()
{
    QFETCH(bool, validDate);
    QFETCH(qint64, owner);
    QFETCH(QString, expectedCode);
    const QStringList before = snapshot(*m_db);
    ReviewSchedule s;
    s.cadence = ReviewCadence::Quarterly;
    s.ownerUserId = owner;
    if (validDate)
        s.nextDue = QDate(2025, 4, 1);
    auto refused = m_repo->saveReviewSchedule(s);
    QCOMPARE(codeOf(refused), expectedCode);
    QCOMPARE(snapshot(*m_db), before);
}

void TestOperationsRepository::completeReviewMovesNextDueAndRecordsRun()
{
    ReviewSchedule weekly;
    weekly.cadence = ReviewCadence::Weekly;
    weekly.ownerUserId = m_owner;
    weekly.nextDue = QDate(2025, 1, 20);
    auto id = m_repo->saveReviewSchedule(weekly);
    STORE_VERIFY_OK(id);
    weekly.id = *id;

    m_clock->advanceSecs(3600);
    ReviewRun run;
    run.scheduleId = *id;
    run.completedByUserId = m_owner;
    run.findingsJson = u"{\"unlinked\":2}"_s;
    auto runId = m_repo->completeReview(run, QDate(2025, 1, 27));
    STORE_VERIFY_OK(runId);
    run.id = *runId;
    run.completedAt = fixedStart().addSecs(3600);

    weekly.nextDue = QDate(2025, 1, 27);
    weekly.lastCompletedAt = fixedStart().addSecs(3600);
    auto schedules = m_repo->reviewSchedules();
    STORE_VERIFY_OK(schedules);
    QCOMPARE(dumpAll(*schedules), QStringList{dump(weekly)});

    // A second run, with its own time and no findings; listed newest first.
    ReviewRun second;
    second.scheduleId = *id;
    second.completedByUserId = m_bookkeeper;
    second.completedAt = utc(u"2025-01-27T16:00:00.000Z"_s);
    auto secondId = m_repo->completeReview(second, QDate(2025, 2, 3));
    STORE_VERIFY_OK(secondId);
    second.id = *secondId;
    second.findingsJson = u"{}"_s;

    auto runs = m_repo->reviewRuns(*id);
    STORE_VERIFY_OK(runs);
    QCOMPARE(dumpAll(*runs), dumpAll(QList<ReviewRun>{second, run}));
    weekly.nextDue = QDate(2025, 2, 3);
    weekly.lastCompletedAt = second.completedAt;
    schedules = m_repo->reviewSchedules();
    STORE_VERIFY_OK(schedules);
    QCOMPARE(dumpAll(*schedules), QStringList{dump(weekly)});
    auto noRuns = m_repo->reviewRuns(*id + 1);
    STORE_VERIFY_OK(noRuns);
    QCOMPARE(dumpAll(*noRuns), QStringList());
}

void TestOperationsRepository::completeReviewRefusals_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expectedCode");

    QTest::newRow("no next due date") << u"date"_s << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("schedule does not exist") << u"schedule"_s << errorCodeName(ErrorCode::NotFound);
    // The schedule update happens first: the failed run insert must undo it.
    QTest::newRow("reviewer does not exist") << u"user"_s << errorCodeName(ErrorCode::InvalidArgument);
}

void TestOperationsRepository::completeReviewRefusals()
{
    QFETCH(QString, change);
    QFETCH(QString, expectedCode);
    ReviewSchedule weekly;
    weekly.cadence = ReviewCadence::Weekly;
    weekly.ownerUserId = m_owner;
    weekly.nextDue = QDate(2025, 1, 20);
    auto id = m_repo->saveReviewSchedule(weekly);
    STORE_VERIFY_OK(id);
    const QStringList before = snapshot(*m_db);

    m_clock->advanceSecs(60);
    ReviewRun run;
    run.scheduleId = change == u"schedule"_s ? *id + 1 : *id;
    run.completedByUserId = change == u"user"_s ? 999 : m_owner;
    const QDate next = change == u"date"_s ? QDate() : QDate(2025, 1, 27);
    auto refused = m_repo->completeReview(run, next);
    QCOMPARE(codeOf(refused), expectedCode);
    QCOMPARE(snapshot(*m_db), before);
    QCOMPARE(m_db->transactionDepth(), 0);
}

QTEST_GUILESS_MAIN(TestOperationsRepository)
#include "tst_operationsrepository.moc"
