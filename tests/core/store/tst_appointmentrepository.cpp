// AppointmentRepository (core/store/appointmentrepository.h): appointments
// with their zone (DST-exact round trips), out-of-order protection, the status
// state machine, and the staff/service catalog.

#include "storetestsupport.h"

#include "common/clock.h"
#include "domain/appointment.h"
#include "domain/customer.h"
#include "domain/status.h"
#include "domain/zonedtime.h"
#include "store/appointmentrepository.h"
#include "store/customerrepository.h"
#include "store/database.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Store;
using namespace Concord::StoreTest;

namespace {

ZonedInstant zoned(const QString &utcIso, const QString &zone)
{
    auto z = ZonedInstant::fromUtc(utc(utcIso), zone);
    Q_ASSERT(z.has_value()); // test inputs only
    return *z;
}

StaffMember makeStaff(const QString &email, const QString &name)
{
    StaffMember s;
    s.email = email;
    s.displayName = name;
    s.calcomUserId = u"cal-"_s + name.toLower();
    s.hubspotOwnerId = u"hs-"_s + name.toLower();
    s.active = true;
    return s;
}

Service makeService(const QString &name, const QString &eventTypeId)
{
    Service s;
    s.name = name;
    s.calcomEventTypeId = eventTypeId;
    s.quickbooksItemId = u"qb-item-"_s + eventTypeId;
    s.defaultDurationMinutes = 50;
    s.rateMinor = 12500;
    s.currency = u"USD"_s;
    s.location = u"Brooklyn"_s;
    s.active = true;
    return s;
}

} // namespace

class TestAppointmentRepository : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietStoreLog(); }
    void init();
    void cleanup();

    void insertStoresWholeAppointment();
    void insertWithOnlyRequiredFields();
    void zoneAndInstantRoundTripExactly_data();
    void zoneAndInstantRoundTripExactly();
    void ambiguousLocalTimeKeepsChosenOccurrence();
    void insertRefusals_data();
    void insertRefusals();
    void getAndFindMissingAreNotFound();

    void applyUpdateHonoursSourceVersion_data();
    void applyUpdateHonoursSourceVersion();
    void allowedStatusMoves_data();
    void allowedStatusMoves();
    void illegalStatusMoveIsRefused_data();
    void illegalStatusMoveIsRefused();
    void applyUpdateRefusals_data();
    void applyUpdateRefusals();

    void forCustomerOrdersByInstantNotWallTime();
    void betweenIsHalfOpen_data();
    void betweenIsHalfOpen();
    void reassignCustomer();

    void upsertStaffNormalizesEmail();
    void upsertStaffRefusals_data();
    void upsertStaffRefusals();
    void staffWithOnlyAnEmail();
    void upsertServiceInsertsAndUpdates();
    void upsertServiceRefusals_data();
    void upsertServiceRefusals();
    void serviceWithDefaultFields();

    void insertManyStoresEveryAppointment();
    void insertManyIsAllOrNothing_data();
    void insertManyIsAllOrNothing();
    void getMany_data();
    void getMany();

private:
    Appointment makeAppointment(const ZonedInstant &start, const QString &uid) const;
    // Inserts and returns the stored appointment (fails the test on error).
    Appointment inserted(const Appointment &a);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<AppointmentRepository> m_repo;
    QString m_customer;
    QString m_otherCustomer;
    qint64 m_staffId = 0;
    qint64 m_serviceId = 0;
};

void TestAppointmentRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = openMigrated(*m_dir);
    STORE_VERIFY_OK(db);
    m_db = std::move(*db);
    m_clock = std::make_unique<ManualClock>(fixedStart());
    m_repo = std::make_unique<AppointmentRepository>(*m_db, *m_clock);

    CustomerRepository customers(*m_db, *m_clock);
    for (QString *id : {&m_customer, &m_otherCustomer}) {
        Customer c;
        c.displayName = id == &m_customer ? u"Pat Client"_s : u"Sam Other"_s;
        auto stored = customers.create(c);
        STORE_VERIFY_OK(stored);
        *id = stored->id;
    }
    auto staff = m_repo->upsertStaff(makeStaff(u"dana@clinic.example"_s, u"Dana"_s));
    STORE_VERIFY_OK(staff);
    m_staffId = *staff;
    auto service = m_repo->upsertService(makeService(u"Therapy session"_s, u"evt-50"_s));
    STORE_VERIFY_OK(service);
    m_serviceId = *service;
}

void TestAppointmentRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
    m_clock.reset();
    m_dir.reset();
}

Appointment TestAppointmentRepository::makeAppointment(const ZonedInstant &start, const QString &uid) const
{
    Appointment a;
    a.customerId = m_customer;
    a.calcomUid = uid;
    a.start = start;
    a.durationMinutes = 50;
    a.staffId = m_staffId;
    a.serviceId = m_serviceId;
    a.status = AppointmentStatus::Booked;
    a.sourceVersion = u"2025-01-10T12:00:00.000Z"_s;
    a.title = u"Therapy session with Pat"_s;
    return a;
}

Appointment TestAppointmentRepository::inserted(const Appointment &a)
{
    auto id = m_repo->insert(a);
    if (!id) {
        QTest::qFail(outcome(id).constData(), __FILE__, __LINE__);
        return {};
    }
    auto read = m_repo->get(*id);
    if (!read) {
        QTest::qFail(outcome(read).constData(), __FILE__, __LINE__);
        return {};
    }
    return *read;
}

// ---------------------------------------------------------------------------
// Insert and read

void TestAppointmentRepository::insertStoresWholeAppointment()
{
    const Appointment input = makeAppointment(zoned(u"2025-01-20T15:00:00.000Z"_s, u"America/New_York"_s),
                                              u"uid-1"_s);
    auto id = m_repo->insert(input);
    STORE_VERIFY_OK(id);

    Appointment expected = input;
    expected.id = *id;
    expected.createdAt = fixedStart();
    expected.updatedAt = fixedStart();
    auto read = m_repo->get(*id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));
    auto byUid = m_repo->findByCalcomUid(u"uid-1"_s);
    STORE_VERIFY_OK(byUid);
    QCOMPARE(dump(*byUid), dump(expected));
    auto count = m_repo->count();
    STORE_VERIFY_OK(count);
    QCOMPARE(*count, qint64(1));

    // A second appointment that continues the first (a reschedule's new row).
    Appointment next = makeAppointment(zoned(u"2025-01-27T15:00:00.000Z"_s, u"America/New_York"_s), u"uid-2"_s);
    next.rescheduledFromId = *id;
    next.status = AppointmentStatus::Rescheduled;
    const Appointment stored = inserted(next);
    QCOMPARE(stored.rescheduledFromId, *id);
    QCOMPARE(toString(stored.status), toString(AppointmentStatus::Rescheduled));
}

void TestAppointmentRepository::insertWithOnlyRequiredFields()
{
    // Optional text (uid, source version, title) left as default-constructed strings.
    Appointment input;
    input.customerId = m_customer;
    input.start = zoned(u"2025-02-03T16:00:00.000Z"_s, u"Europe/Berlin"_s);
    input.durationMinutes = 30;
    auto id = m_repo->insert(input);
    STORE_VERIFY_OK(id);

    Appointment expected = input;
    expected.id = *id;
    expected.createdAt = fixedStart();
    expected.updatedAt = fixedStart();
    auto read = m_repo->get(*id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));
    // No uid is NULL, not '', so several uid-less appointments can coexist.
    auto second = m_repo->insert(input);
    STORE_VERIFY_OK(second);
}

void TestAppointmentRepository::zoneAndInstantRoundTripExactly_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("utcIso");
    QTest::addColumn<QString>("expectedLocal");
    QTest::addColumn<int>("expectedOffset"); // seconds east of UTC

    QTest::newRow("New York, winter (EST)") << u"America/New_York"_s << u"2025-01-20T15:00:00.000Z"_s
                                            << u"2025-01-20 10:00:00.000"_s << -18000;
    QTest::newRow("New York, summer (EDT)") << u"America/New_York"_s << u"2025-07-04T14:30:00.000Z"_s
                                            << u"2025-07-04 10:30:00.000"_s << -14400;
    QTest::newRow("New York, fall back: first 01:30 (EDT)") << u"America/New_York"_s << u"2024-11-03T05:30:00.000Z"_s
                                                            << u"2024-11-03 01:30:00.000"_s << -14400;
    QTest::newRow("New York, fall back: second 01:30 (EST)") << u"America/New_York"_s << u"2024-11-03T06:30:00.000Z"_s
                                                             << u"2024-11-03 01:30:00.000"_s << -18000;
    QTest::newRow("New York, last ms before spring forward") << u"America/New_York"_s << u"2025-03-09T06:59:59.999Z"_s
                                                             << u"2025-03-09 01:59:59.999"_s << -18000;
    QTest::newRow("New York, first instant after spring forward") << u"America/New_York"_s
                                                                  << u"2025-03-09T07:00:00.000Z"_s
                                                                  << u"2025-03-09 03:00:00.000"_s << -14400;
    QTest::newRow("London, BST starts") << u"Europe/London"_s << u"2025-03-30T01:00:00.000Z"_s
                                        << u"2025-03-30 02:00:00.000"_s << 3600;
    QTest::newRow("Kolkata, half-hour offset") << u"Asia/Kolkata"_s << u"2025-06-01T04:15:00.000Z"_s
                                               << u"2025-06-01 09:45:00.000"_s << 19800;
    QTest::newRow("Lord Howe, half-hour DST") << u"Australia/Lord_Howe"_s << u"2025-01-10T00:00:00.000Z"_s
                                              << u"2025-01-10 11:00:00.000"_s << 39600;
    QTest::newRow("Chatham, +12:45") << u"Pacific/Chatham"_s << u"2025-06-01T00:00:00.000Z"_s
                                     << u"2025-06-01 12:45:00.000"_s << 45900;
    QTest::newRow("UTC") << u"UTC"_s << u"2025-12-31T23:59:59.999Z"_s << u"2025-12-31 23:59:59.999"_s << 0;
}

void TestAppointmentRepository::zoneAndInstantRoundTripExactly()
{
    QFETCH(QString, zone);
    QFETCH(QString, utcIso);
    QFETCH(QString, expectedLocal);
    QFETCH(int, expectedOffset);

    const ZonedInstant start = zoned(utcIso, zone);
    const Appointment stored = inserted(makeAppointment(start, u"uid-zone"_s));
    QCOMPARE(stored.start.zoneId(), zone);
    QCOMPARE(stored.start.utc(), utc(utcIso));
    QCOMPARE(stored.start.toMSecsSinceEpoch(), utc(utcIso).toMSecsSinceEpoch());
    QVERIFY(stored.start == start);
    QCOMPARE(stored.start.local().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s), expectedLocal);
    QCOMPARE(stored.start.utcOffsetSeconds(), expectedOffset);
    QCOMPARE(stored.start.toIsoUtc(), utcIso);
}

void TestAppointmentRepository::ambiguousLocalTimeKeepsChosenOccurrence()
{
    // 01:30 on 2024-11-03 happens twice in New York; each choice must come
    // back as exactly the instant that was stored.
    const QString ny = u"America/New_York"_s;
    auto earlier = ZonedInstant::fromLocal(QDate(2024, 11, 3), QTime(1, 30), ny, LocalTimePolicy::Earlier);
    auto later = ZonedInstant::fromLocal(QDate(2024, 11, 3), QTime(1, 30), ny, LocalTimePolicy::Later);
    STORE_VERIFY_OK(earlier);
    STORE_VERIFY_OK(later);
    QCOMPARE(later->toMSecsSinceEpoch() - earlier->toMSecsSinceEpoch(), qint64(3600 * 1000));

    const Appointment a = inserted(makeAppointment(*earlier, u"uid-earlier"_s));
    const Appointment b = inserted(makeAppointment(*later, u"uid-later"_s));
    QVERIFY(a.start == *earlier);
    QVERIFY(b.start == *later);
    QCOMPARE(a.start.toIsoUtc(), u"2024-11-03T05:30:00.000Z"_s);
    QCOMPARE(b.start.toIsoUtc(), u"2024-11-03T06:30:00.000Z"_s);
    QCOMPARE(a.start.local().time(), QTime(1, 30));
    QCOMPARE(b.start.local().time(), QTime(1, 30));
}

void TestAppointmentRepository::insertRefusals_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expectedCode");

    const QString invalid = errorCodeName(ErrorCode::InvalidArgument);
    const QString conflict = errorCodeName(ErrorCode::Conflict);
    QTest::newRow("no customer") << u"customer="_s << invalid;
    QTest::newRow("no start") << u"start="_s << invalid;
    QTest::newRow("zero duration") << u"duration=0"_s << invalid;
    QTest::newRow("negative duration") << u"duration=-30"_s << invalid;
    QTest::newRow("customer does not exist") << u"customer=cus_ffffffffffffffffffffffffffffffff"_s << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("staff does not exist") << u"staff=999"_s << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("service does not exist") << u"service=999"_s << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("uid already used") << u"uid=uid-taken"_s << conflict;
}

void TestAppointmentRepository::insertRefusals()
{
    QFETCH(QString, change);
    QFETCH(QString, expectedCode);
    inserted(makeAppointment(zoned(u"2025-01-20T15:00:00.000Z"_s, u"America/New_York"_s), u"uid-taken"_s));
    const QStringList before = snapshot(*m_db);

    Appointment a = makeAppointment(zoned(u"2025-01-21T15:00:00.000Z"_s, u"America/New_York"_s), u"uid-new"_s);
    const QString key = change.section(u'=', 0, 0);
    const QString value = change.section(u'=', 1);
    if (key == u"customer"_s)
        a.customerId = value;
    else if (key == u"start"_s)
        a.start = ZonedInstant();
    else if (key == u"duration"_s)
        a.durationMinutes = value.toInt();
    else if (key == u"staff"_s)
        a.staffId = value.toLongLong();
    else if (key == u"service"_s)
        a.serviceId = value.toLongLong();
    else if (key == u"uid"_s)
        a.calcomUid = value;
    auto refused = m_repo->insert(a);
    QCOMPARE(codeOf(refused), expectedCode);
    QCOMPARE(snapshot(*m_db), before);
}

void TestAppointmentRepository::getAndFindMissingAreNotFound()
{
    auto missing = m_repo->get(4242);
    STORE_VERIFY_ERROR(missing, ErrorCode::NotFound);
    QVERIFY2(missing.error().message.contains(u"4242"_s), qPrintable(missing.error().message));
    auto byUid = m_repo->findByCalcomUid(u"no-such-uid"_s);
    STORE_VERIFY_ERROR(byUid, ErrorCode::NotFound);
    QVERIFY2(byUid.error().message.contains(u"no-such-uid"_s), qPrintable(byUid.error().message));
}

// ---------------------------------------------------------------------------
// applyUpdate

void TestAppointmentRepository::applyUpdateHonoursSourceVersion_data()
{
    QTest::addColumn<QString>("storedVersion");
    QTest::addColumn<QString>("incomingVersion");
    QTest::addColumn<bool>("applied");

    QTest::newRow("newer event") << u"2025-03-01T10:00:00.000Z"_s << u"2025-03-01T10:05:00.000Z"_s << true;
    QTest::newRow("same version again") << u"2025-03-01T10:00:00.000Z"_s << u"2025-03-01T10:00:00.000Z"_s << true;
    QTest::newRow("older event, a day") << u"2025-03-01T10:00:00.000Z"_s << u"2025-02-28T10:00:00.000Z"_s << false;
    QTest::newRow("older event, a millisecond") << u"2025-03-01T10:00:00.000Z"_s << u"2025-03-01T09:59:59.999Z"_s
                                                << false;
    QTest::newRow("nothing stored to compare") << u""_s << u"2025-02-28T10:00:00.000Z"_s << true;
    QTest::newRow("incoming carries no version") << u"2025-03-01T10:00:00.000Z"_s << u""_s << true;
}

void TestAppointmentRepository::applyUpdateHonoursSourceVersion()
{
    QFETCH(QString, storedVersion);
    QFETCH(QString, incomingVersion);
    QFETCH(bool, applied);

    Appointment original = makeAppointment(zoned(u"2025-03-10T14:00:00.000Z"_s, u"America/New_York"_s), u"uid-1"_s);
    original.sourceVersion = storedVersion;
    const Appointment stored = inserted(original);
    const QStringList before = snapshot(*m_db);

    m_clock->advanceSecs(900);
    Appointment incoming = stored;
    incoming.calcomUid = u"uid-1-moved"_s;
    incoming.start = zoned(u"2025-03-12T09:30:00.000Z"_s, u"Europe/London"_s);
    incoming.durationMinutes = 80;
    incoming.staffId = 0;
    incoming.serviceId = 0;
    incoming.status = AppointmentStatus::Rescheduled;
    incoming.sourceVersion = incomingVersion;
    incoming.title = u"Moved session"_s;
    auto result = m_repo->applyUpdate(incoming);
    STORE_VERIFY_OK(result);

    Appointment expected = stored;
    if (applied) {
        expected = incoming;
        expected.createdAt = stored.createdAt;
        expected.updatedAt = fixedStart().addSecs(900);
    }
    QCOMPARE(dump(*result), dump(expected));
    auto read = m_repo->get(stored.id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));
    if (!applied)
        QCOMPARE(snapshot(*m_db), before);
}

void TestAppointmentRepository::allowedStatusMoves_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");

    using S = AppointmentStatus;
    QTest::newRow("booked -> completed") << int(S::Booked) << int(S::Completed);
    QTest::newRow("booked -> canceled") << int(S::Booked) << int(S::Canceled);
    QTest::newRow("booked -> no_show") << int(S::Booked) << int(S::NoShow);
    QTest::newRow("booked -> booked (repeat)") << int(S::Booked) << int(S::Booked);
    QTest::newRow("rescheduled -> rescheduled") << int(S::Rescheduled) << int(S::Rescheduled);
    QTest::newRow("completed -> no_show (correction)") << int(S::Completed) << int(S::NoShow);
    QTest::newRow("no_show -> completed (correction)") << int(S::NoShow) << int(S::Completed);
    QTest::newRow("canceled -> canceled (repeat)") << int(S::Canceled) << int(S::Canceled);
}

void TestAppointmentRepository::allowedStatusMoves()
{
    QFETCH(int, from);
    QFETCH(int, to);
    Appointment original = makeAppointment(zoned(u"2025-03-10T14:00:00.000Z"_s, u"America/New_York"_s), u"uid-1"_s);
    original.status = AppointmentStatus(from);
    const Appointment stored = inserted(original);

    m_clock->advanceSecs(60);
    Appointment incoming = stored;
    incoming.status = AppointmentStatus(to);
    incoming.sourceVersion = u"2025-03-10T15:00:00.000Z"_s;
    auto result = m_repo->applyUpdate(incoming);
    STORE_VERIFY_OK(result);

    Appointment expected = incoming;
    expected.updatedAt = fixedStart().addSecs(60);
    QCOMPARE(dump(*result), dump(expected));
}

void TestAppointmentRepository::illegalStatusMoveIsRefused_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");

    using S = AppointmentStatus;
    QTest::newRow("canceled -> booked") << int(S::Canceled) << int(S::Booked);
    QTest::newRow("canceled -> completed") << int(S::Canceled) << int(S::Completed);
    QTest::newRow("canceled -> rescheduled") << int(S::Canceled) << int(S::Rescheduled);
    QTest::newRow("completed -> booked") << int(S::Completed) << int(S::Booked);
    QTest::newRow("completed -> rescheduled") << int(S::Completed) << int(S::Rescheduled);
    QTest::newRow("rescheduled -> booked") << int(S::Rescheduled) << int(S::Booked);
}

void TestAppointmentRepository::illegalStatusMoveIsRefused()
{
    QFETCH(int, from);
    QFETCH(int, to);
    Appointment original = makeAppointment(zoned(u"2025-03-10T14:00:00.000Z"_s, u"America/New_York"_s), u"uid-1"_s);
    original.status = AppointmentStatus(from);
    const Appointment stored = inserted(original);
    const QStringList before = snapshot(*m_db);

    m_clock->advanceSecs(60);
    Appointment incoming = stored;
    incoming.status = AppointmentStatus(to);
    incoming.title = u"should not be written"_s;
    incoming.durationMinutes = 90;
    incoming.sourceVersion = u"2025-03-10T15:00:00.000Z"_s; // newer: only the state machine refuses
    auto refused = m_repo->applyUpdate(incoming);
    STORE_VERIFY_ERROR(refused, ErrorCode::IllegalTransition);
    const QString message = refused.error().message;
    QVERIFY2(message.contains(toString(AppointmentStatus(from))), qPrintable(message));
    QVERIFY2(message.contains(toString(AppointmentStatus(to))), qPrintable(message));
    QCOMPARE(snapshot(*m_db), before);
    auto read = m_repo->get(stored.id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(stored));
}

void TestAppointmentRepository::applyUpdateRefusals_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expectedCode");

    QTest::newRow("missing appointment") << u"id"_s << errorCodeName(ErrorCode::NotFound);
    QTest::newRow("zero duration") << u"duration"_s << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("no start") << u"start"_s << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("uid of another appointment") << u"uid"_s << errorCodeName(ErrorCode::Conflict);
    QTest::newRow("staff does not exist") << u"staff"_s << errorCodeName(ErrorCode::InvalidArgument);
}

void TestAppointmentRepository::applyUpdateRefusals()
{
    QFETCH(QString, change);
    QFETCH(QString, expectedCode);
    const Appointment stored =
        inserted(makeAppointment(zoned(u"2025-03-10T14:00:00.000Z"_s, u"America/New_York"_s), u"uid-1"_s));
    inserted(makeAppointment(zoned(u"2025-03-11T14:00:00.000Z"_s, u"America/New_York"_s), u"uid-2"_s));
    const QStringList before = snapshot(*m_db);

    Appointment incoming = stored;
    incoming.sourceVersion = u"2025-03-10T15:00:00.000Z"_s;
    if (change == u"id"_s)
        incoming.id = 9999;
    else if (change == u"duration"_s)
        incoming.durationMinutes = 0;
    else if (change == u"start"_s)
        incoming.start = ZonedInstant();
    else if (change == u"uid"_s)
        incoming.calcomUid = u"uid-2"_s;
    else if (change == u"staff"_s)
        incoming.staffId = 999;
    auto refused = m_repo->applyUpdate(incoming);
    QCOMPARE(codeOf(refused), expectedCode);
    QCOMPARE(snapshot(*m_db), before);
}

// ---------------------------------------------------------------------------
// Queries

void TestAppointmentRepository::forCustomerOrdersByInstantNotWallTime()
{
    // 09:00 in New York (13:00Z) comes after 13:00 in London and 21:00 in
    // Tokyo (both 12:00Z; equal instants by id), whatever the wall clocks say.
    const Appointment ny = inserted(makeAppointment(zoned(u"2025-06-02T13:00:00.000Z"_s, u"America/New_York"_s), u"ny"_s));
    const Appointment london = inserted(makeAppointment(zoned(u"2025-06-02T12:00:00.000Z"_s, u"Europe/London"_s), u"ldn"_s));
    const Appointment tokyo = inserted(makeAppointment(zoned(u"2025-06-02T12:00:00.000Z"_s, u"Asia/Tokyo"_s), u"tyo"_s));
    Appointment otherInput = makeAppointment(zoned(u"2025-06-01T12:00:00.000Z"_s, u"UTC"_s), u"other"_s);
    otherInput.customerId = m_otherCustomer;
    const Appointment other = inserted(otherInput);

    auto mine = m_repo->forCustomer(m_customer);
    STORE_VERIFY_OK(mine);
    QCOMPARE(dumpAll(*mine), dumpAll(QList<Appointment>{london, tokyo, ny}));
    auto theirs = m_repo->forCustomer(m_otherCustomer);
    STORE_VERIFY_OK(theirs);
    QCOMPARE(dumpAll(*theirs), QStringList{dump(other)});
    auto nobody = m_repo->forCustomer(u"cus_ffffffffffffffffffffffffffffffff"_s);
    STORE_VERIFY_OK(nobody);
    QCOMPARE(dumpAll(*nobody), QStringList());
}

void TestAppointmentRepository::betweenIsHalfOpen_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QStringList>("expectedUids");

    QTest::newRow("whole day") << u"2025-06-02T00:00:00.000Z"_s << u"2025-06-03T00:00:00.000Z"_s
                               << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("from is inclusive") << u"2025-06-02T10:00:00.000Z"_s << u"2025-06-02T10:00:00.001Z"_s
                                       << QStringList{u"b"_s};
    QTest::newRow("to is exclusive") << u"2025-06-02T09:00:00.000Z"_s << u"2025-06-02T10:00:00.000Z"_s
                                     << QStringList{u"a"_s};
    QTest::newRow("empty window") << u"2025-06-02T10:00:00.000Z"_s << u"2025-06-02T10:00:00.000Z"_s << QStringList();
    QTest::newRow("nothing then") << u"2025-07-01T00:00:00.000Z"_s << u"2025-07-02T00:00:00.000Z"_s << QStringList();
}

void TestAppointmentRepository::betweenIsHalfOpen()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QStringList, expectedUids);
    QHash<QString, Appointment> byUid;
    const QList<std::pair<QString, QString>> rows = {{u"c"_s, u"2025-06-02T23:59:59.999Z"_s},
                                                     {u"a"_s, u"2025-06-02T09:00:00.000Z"_s},
                                                     {u"b"_s, u"2025-06-02T10:00:00.000Z"_s},
                                                     {u"d"_s, u"2025-06-03T00:00:00.000Z"_s}};
    for (const auto &[uid, at] : rows)
        byUid.insert(uid, inserted(makeAppointment(zoned(at, u"America/Chicago"_s), uid)));

    auto found = m_repo->between(utc(from), utc(to));
    STORE_VERIFY_OK(found);
    QList<Appointment> expected;
    for (const QString &uid : std::as_const(expectedUids))
        expected << byUid.value(uid);
    QCOMPARE(dumpAll(*found), dumpAll(expected));
}

void TestAppointmentRepository::reassignCustomer()
{
    QList<Appointment> moved;
    for (const QString &uid : {u"m1"_s, u"m2"_s})
        moved << inserted(makeAppointment(zoned(u"2025-06-02T12:00:00.000Z"_s, u"UTC"_s), uid));
    Appointment keepInput = makeAppointment(zoned(u"2025-06-03T12:00:00.000Z"_s, u"UTC"_s), u"k1"_s);
    keepInput.customerId = m_otherCustomer;
    const Appointment kept = inserted(keepInput);

    m_clock->advanceSecs(300);
    auto count = m_repo->reassignCustomer(m_customer, m_otherCustomer);
    STORE_VERIFY_OK(count);
    QCOMPARE(*count, 2);

    QList<Appointment> expected;
    for (Appointment a : std::as_const(moved)) {
        a.customerId = m_otherCustomer;
        a.updatedAt = fixedStart().addSecs(300);
        expected << a;
    }
    expected << kept;
    auto theirs = m_repo->forCustomer(m_otherCustomer);
    STORE_VERIFY_OK(theirs);
    QCOMPARE(dumpAll(*theirs), dumpAll(expected));
    auto mine = m_repo->forCustomer(m_customer);
    STORE_VERIFY_OK(mine);
    QCOMPARE(dumpAll(*mine), QStringList());
}

// ---------------------------------------------------------------------------
// Catalog

void TestAppointmentRepository::upsertStaffNormalizesEmail()
{
    StaffMember input = makeStaff(u"  Lee.Morgan@Clinic.Example "_s, u"Lee"_s);
    auto id = m_repo->upsertStaff(input);
    STORE_VERIFY_OK(id);
    StaffMember expected = input;
    expected.id = *id;
    expected.email = u"lee.morgan@clinic.example"_s;
    auto read = m_repo->staffByEmail(u"LEE.MORGAN@clinic.example"_s);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));

    // Same person, other spelling: updated in place, no second row.
    StaffMember again = makeStaff(u"lee.morgan@CLINIC.example"_s, u"Lee Morgan"_s);
    again.calcomUserId.clear();
    again.active = false;
    auto sameId = m_repo->upsertStaff(again);
    STORE_VERIFY_OK(sameId);
    QCOMPARE(*sameId, *id);
    expected.displayName = u"Lee Morgan"_s;
    expected.calcomUserId.clear();
    expected.hubspotOwnerId = again.hubspotOwnerId;
    expected.active = false;
    read = m_repo->staffByEmail(u"lee.morgan@clinic.example"_s);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));

    // Ordered by display name, then email.
    auto dana = m_repo->staffByEmail(u"dana@clinic.example"_s);
    STORE_VERIFY_OK(dana);
    auto all = m_repo->allStaff();
    STORE_VERIFY_OK(all);
    QCOMPARE(dumpAll(*all), dumpAll(QList<StaffMember>{*dana, expected}));
}

void TestAppointmentRepository::upsertStaffRefusals_data()
{
    QTest::addColumn<QString>("email");

    QTest::newRow("empty") << u""_s;
    QTest::newRow("blank") << u"   "_s;
    QTest::newRow("no @") << u"dana.clinic.example"_s;
}

void TestAppointmentRepository::upsertStaffRefusals()
{
    QFETCH(QString, email);
    const QStringList before = snapshot(*m_db);
    auto refused = m_repo->upsertStaff(makeStaff(email, u"Nobody"_s));
    STORE_VERIFY_ERROR(refused, ErrorCode::InvalidArgument);
    QCOMPARE(snapshot(*m_db), before);
    auto missing = m_repo->staffByEmail(u"nobody@clinic.example"_s);
    STORE_VERIFY_ERROR(missing, ErrorCode::NotFound);
}

void TestAppointmentRepository::staffWithOnlyAnEmail()
{
    StaffMember input;
    input.email = u"new@clinic.example"_s;
    auto id = m_repo->upsertStaff(input);
    STORE_VERIFY_OK(id);
    StaffMember expected = input;
    expected.id = *id;
    auto read = m_repo->staffByEmail(input.email);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));
}

void TestAppointmentRepository::upsertServiceInsertsAndUpdates()
{
    auto first = m_repo->service(m_serviceId);
    STORE_VERIFY_OK(first);
    Service expectedFirst = makeService(u"Therapy session"_s, u"evt-50"_s);
    expectedFirst.id = m_serviceId;
    QCOMPARE(dump(*first), dump(expectedFirst));

    // By Cal.com event type: the same row, updated.
    Service renamed = makeService(u"Therapy (50 min)"_s, u"evt-50"_s);
    renamed.rateMinor = 13000;
    renamed.location = u"Online"_s;
    renamed.quickbooksItemId.clear();
    auto sameId = m_repo->upsertService(renamed);
    STORE_VERIFY_OK(sameId);
    QCOMPARE(*sameId, m_serviceId);
    renamed.id = m_serviceId;
    auto read = m_repo->service(m_serviceId);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(renamed));

    // Without an event type: always a new row; then updated by its id.
    Service local = makeService(u"Assessment"_s, QString());
    local.calcomEventTypeId.clear();
    local.currency = u"CAD"_s;
    auto localId = m_repo->upsertService(local);
    STORE_VERIFY_OK(localId);
    QVERIFY(*localId != m_serviceId);
    local.id = *localId;
    local.defaultDurationMinutes = 90;
    auto updatedId = m_repo->upsertService(local);
    STORE_VERIFY_OK(updatedId);
    QCOMPARE(*updatedId, *localId);

    auto all = m_repo->allServices();
    STORE_VERIFY_OK(all);
    QCOMPARE(dumpAll(*all), dumpAll(QList<Service>{local, renamed})); // by name
}

void TestAppointmentRepository::upsertServiceRefusals_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expectedCode");

    const QString invalid = errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("empty name") << u"name"_s << invalid;
    QTest::newRow("zero duration") << u"duration"_s << invalid;
    QTest::newRow("negative rate") << u"rate"_s << invalid;
    QTest::newRow("unknown id") << u"id"_s << errorCodeName(ErrorCode::NotFound);
}

void TestAppointmentRepository::upsertServiceRefusals()
{
    QFETCH(QString, change);
    QFETCH(QString, expectedCode);
    const QStringList before = snapshot(*m_db);
    Service s = makeService(u"Group class"_s, u"evt-90"_s);
    if (change == u"name"_s)
        s.name = u"  "_s;
    else if (change == u"duration"_s)
        s.defaultDurationMinutes = 0;
    else if (change == u"rate"_s)
        s.rateMinor = -1;
    else if (change == u"id"_s)
        s.id = 777;
    auto refused = m_repo->upsertService(s);
    QCOMPARE(codeOf(refused), expectedCode);
    QCOMPARE(snapshot(*m_db), before);
}

void TestAppointmentRepository::serviceWithDefaultFields()
{
    Service input;
    input.name = u"Consultation"_s;
    auto id = m_repo->upsertService(input);
    STORE_VERIFY_OK(id);
    Service expected = input;
    expected.id = *id;
    auto read = m_repo->service(*id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));
}

// ---------------------------------------------------------------------------
// Batch operations

void TestAppointmentRepository::insertManyStoresEveryAppointment()
{
    const Appointment existing =
        inserted(makeAppointment(zoned(u"2025-01-06T15:00:00.000Z"_s, u"America/New_York"_s), u"uid-existing"_s));
    QList<Appointment> input;
    for (int i = 0; i < 7; ++i) {
        Appointment a = makeAppointment(zoned(u"2025-01-%1T15:00:00.000Z"_s.arg(13 + i), u"America/New_York"_s),
                                        u"uid-batch-%1"_s.arg(i));
        a.status = i % 2 ? AppointmentStatus::Completed : AppointmentStatus::Booked;
        if (i == 3)
            a.calcomUid.clear();
        input << a;
    }
    m_clock->advanceSecs(30);
    auto ids = m_repo->insertMany(input);
    STORE_VERIFY_OK(ids);
    QCOMPARE(ids->size(), input.size());

    QList<Appointment> expected;
    for (qsizetype i = 0; i < input.size(); ++i) {
        Appointment a = input.at(i);
        a.id = ids->at(i);
        a.createdAt = fixedStart().addSecs(30);
        a.updatedAt = a.createdAt;
        expected << a;
        // Each id is the row made from the input at that position.
        auto read = m_repo->get(a.id);
        STORE_VERIFY_OK(read);
        QCOMPARE(dump(*read), dump(a));
    }
    auto all = m_repo->getMany(*ids);
    STORE_VERIFY_OK(all);
    QCOMPARE(dumpAll(*all), dumpAll(expected));
    auto count = m_repo->count();
    STORE_VERIFY_OK(count);
    QCOMPARE(*count, qint64(8));
    QVERIFY(!ids->contains(existing.id));

    auto none = m_repo->insertMany({});
    STORE_VERIFY_OK(none);
    QCOMPARE(none->size(), 0);
}

void TestAppointmentRepository::insertManyIsAllOrNothing_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("badIndex");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("expectedCode");

    const QString invalid = errorCodeName(ErrorCode::InvalidArgument);
    const QString conflict = errorCodeName(ErrorCode::Conflict);
    QTest::newRow("zero duration in the middle") << 3 << 1 << u"duration"_s << invalid;
    QTest::newRow("no start, last") << 3 << 2 << u"start"_s << invalid;
    QTest::newRow("customer does not exist") << 3 << 2 << u"customer"_s << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("uid already stored") << 3 << 1 << u"stored uid"_s << conflict;
    QTest::newRow("one uid twice in the batch") << 3 << 2 << u"repeated uid"_s << conflict;
    QTest::newRow("failure in the second statement") << 150 << 140 << u"customer"_s << invalid;
}

void TestAppointmentRepository::insertManyIsAllOrNothing()
{
    QFETCH(int, size);
    QFETCH(int, badIndex);
    QFETCH(QString, fault);
    QFETCH(QString, expectedCode);
    inserted(makeAppointment(zoned(u"2025-01-06T15:00:00.000Z"_s, u"America/New_York"_s), u"uid-existing"_s));
    const QStringList before = snapshot(*m_db);

    QList<Appointment> batch;
    for (int i = 0; i < size; ++i)
        batch << makeAppointment(zoned(u"2025-01-13T15:00:00.000Z"_s, u"America/New_York"_s).addSecs(3600 * i),
                                 u"uid-b%1"_s.arg(i));
    Appointment &bad = batch[badIndex];
    if (fault == u"duration"_s)
        bad.durationMinutes = 0;
    else if (fault == u"start"_s)
        bad.start = ZonedInstant();
    else if (fault == u"customer"_s)
        bad.customerId = u"cus_ffffffffffffffffffffffffffffffff"_s;
    else if (fault == u"stored uid"_s)
        bad.calcomUid = u"uid-existing"_s;
    else if (fault == u"repeated uid"_s)
        bad.calcomUid = batch.first().calcomUid;
    auto refused = m_repo->insertMany(batch);
    QCOMPARE(codeOf(refused), expectedCode);
    QCOMPARE(snapshot(*m_db), before);
    QCOMPARE(m_db->transactionDepth(), 0);
}

void TestAppointmentRepository::getMany_data()
{
    QTest::addColumn<QList<int>>("pick");     // indexes into the stored appointments; -1 = an unknown id
    QTest::addColumn<int>("padding");          // unknown ids before the picks (to cross chunks)
    QTest::addColumn<QList<int>>("expected");  // indexes, in id order

    QTest::newRow("all, any order") << QList<int>{2, 0, 1} << 0 << QList<int>{0, 1, 2};
    QTest::newRow("some, with unknown ids") << QList<int>{-1, 1} << 0 << QList<int>{1};
    QTest::newRow("none") << QList<int>{} << 0 << QList<int>{};
    QTest::newRow("same id twice") << QList<int>{2, 2} << 0 << QList<int>{2};
    QTest::newRow("across chunks") << QList<int>{2, 0} << 499 << QList<int>{0, 2};
    QTest::newRow("same id twice, across chunks") << QList<int>{1, 1} << 499 << QList<int>{1};
}

void TestAppointmentRepository::getMany()
{
    QFETCH(QList<int>, pick);
    QFETCH(int, padding);
    QFETCH(QList<int>, expected);
    QList<Appointment> stored;
    for (int i = 0; i < 3; ++i)
        stored << inserted(makeAppointment(zoned(u"2025-02-0%1T15:00:00.000Z"_s.arg(i + 1), u"UTC"_s),
                                           u"uid-%1"_s.arg(i)));
    QList<qint64> ids;
    for (int i = 0; i < padding; ++i)
        ids << 100000 + i;
    for (int i : std::as_const(pick)) {
        ids << (i < 0 ? qint64(99999) : stored.at(i).id);
        if (padding > 0 && ids.size() == padding + 1)
            ids << 200000; // push the next pick into the next chunk
    }
    auto found = m_repo->getMany(ids);
    STORE_VERIFY_OK(found);
    QList<Appointment> expectedAppointments;
    for (int i : std::as_const(expected))
        expectedAppointments << stored.at(i);
    QCOMPARE(dumpAll(*found), dumpAll(expectedAppointments));
}

QTEST_GUILESS_MAIN(TestAppointmentRepository)
#include "tst_appointmentrepository.moc"
