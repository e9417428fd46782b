#include "domain/zonedtime.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Concord::ErrorCode;
using Concord::Domain::LocalTimePolicy;
using Concord::Domain::ZonedInstant;

Q_DECLARE_METATYPE(Concord::Domain::LocalTimePolicy)

namespace {

const QString kNewYork = u"America/New_York"_s;
const QString kParis = u"Europe/Paris"_s;
const QString kLordHowe = u"Australia/Lord_Howe"_s;

// Expected instants are written as ISO strings so a failing row reads like a
// calendar entry.
QDateTime utc(const QString &iso)
{
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    Q_ASSERT(dt.isValid() && dt.timeSpec() == Qt::UTC); // test inputs only
    return dt;
}

ZonedInstant at(const QString &iso, const QString &zone)
{
    auto z = ZonedInstant::fromUtc(utc(iso), zone);
    Q_ASSERT(z.has_value());
    return *z;
}

} // namespace

class TestZonedTime : public QObject {
    Q_OBJECT

private slots:
    void isKnownZone_data();
    void isKnownZone();
    void unknownZoneIsAnError_data();
    void unknownZoneIsAnError();

    void fromUtc();
    void fromUtcRejectsInvalid();
    void fromMSecsSinceEpoch();

    void fromLocal_data();
    void fromLocal();
    void fromLocalErrors_data();
    void fromLocalErrors();

    void addLocalDays_data();
    void addLocalDays();
    void addLocalDaysIntoGapStrict();
    void addSecsIsFixedDuration();

    void parseIso_data();
    void parseIso();
    void parseIsoErrors_data();
    void parseIsoErrors();

    void inZone();
    void offsets_data();
    void offsets();
    void invalidInstant();
};

void TestZonedTime::isKnownZone_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<bool>("known");

    QTest::newRow("New York") << kNewYork << true;
    QTest::newRow("Paris") << kParis << true;
    QTest::newRow("Lord Howe") << kLordHowe << true;
    QTest::newRow("three parts") << u"America/Argentina/Buenos_Aires"_s << true;
    QTest::newRow("hyphenated") << u"America/Port-au-Prince"_s << true;
    QTest::newRow("Etc with sign") << u"Etc/GMT+5"_s << true;
    QTest::newRow("UTC") << u"UTC"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("made up") << u"Mars/Olympus_Mons"_s << false;
    QTest::newRow("wrong case") << u"america/new_york"_s << false;
    QTest::newRow("space instead of underscore") << u"America/New York"_s << false;
    QTest::newRow("trailing space") << u"Europe/Paris "_s << false;
    QTest::newRow("dot-dot path") << u"America/../Europe/Paris"_s << false;
    QTest::newRow("absolute path") << u"/usr/share/zoneinfo/Europe/Paris"_s << false;
    QTest::newRow("trailing slash") << u"Europe/Paris/"_s << false;
    QTest::newRow("tz database file") << u"posixrules"_s << false;
    QTest::newRow("localtime link") << u"localtime"_s << false;
    QTest::newRow("leap-second variant") << u"right/Europe/Paris"_s << false;
    QTest::newRow("offset id") << u"UTC+05:00"_s << false;
}

void TestZonedTime::isKnownZone()
{
    QFETCH(QString, zone);
    QFETCH(bool, known);
    QCOMPARE(ZonedInstant::isKnownZone(zone), known);
}

void TestZonedTime::unknownZoneIsAnError_data()
{
    QTest::addColumn<QString>("zone");
    QTest::newRow("made up") << u"Mars/Olympus_Mons"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("abbreviation with offset") << u"UTC+05:00"_s;
}

void TestZonedTime::unknownZoneIsAnError()
{
    QFETCH(QString, zone);
    const QString expected =
        u"unknown time zone '%1' (expected an IANA id such as America/New_York)"_s.arg(zone);

    const QList<Concord::Result<ZonedInstant>> results = {
        ZonedInstant::fromUtc(utc(u"2026-03-28T15:00:00Z"_s), zone),
        ZonedInstant::fromMSecsSinceEpoch(0, zone),
        ZonedInstant::fromLocal(QDate(2026, 3, 28), QTime(11, 0), zone),
        ZonedInstant::parseIso(u"2026-03-28T15:00:00Z"_s, zone),
        at(u"2026-03-28T15:00:00Z"_s, kNewYork).inZone(zone),
    };
    for (const auto &r : results) {
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(r.error().message, expected);
    }
}

void TestZonedTime::fromUtc()
{
    // An instant given with an offset is stored as the same instant in UTC.
    const QDateTime withOffset(QDate(2026, 3, 28), QTime(11, 0), Qt::OffsetFromUTC, -4 * 3600);
    const auto z = ZonedInstant::fromUtc(withOffset, kNewYork);
    QVERIFY(z.has_value());
    QVERIFY(z->isValid());
    QCOMPARE(z->utc().timeSpec(), Qt::UTC);
    QCOMPARE(z->utc(), utc(u"2026-03-28T15:00:00Z"_s));
    QCOMPARE(z->zoneId(), kNewYork);
    QCOMPARE(z->toIsoUtc(), u"2026-03-28T15:00:00.000Z"_s);
    QCOMPARE(z->local().time(), QTime(11, 0));
}

void TestZonedTime::fromUtcRejectsInvalid()
{
    const auto z = ZonedInstant::fromUtc(QDateTime(), kNewYork);
    QVERIFY(!z.has_value());
    QCOMPARE(z.error().code, ErrorCode::InvalidArgument);
}

void TestZonedTime::fromMSecsSinceEpoch()
{
    const auto z = ZonedInstant::fromMSecsSinceEpoch(1774710000123, kParis);
    QVERIFY(z.has_value());
    QCOMPARE(z->toIsoUtc(), u"2026-03-28T15:00:00.123Z"_s);
    QCOMPARE(z->toMSecsSinceEpoch(), 1774710000123);
    QCOMPARE(z->local().time(), QTime(16, 0, 0, 123)); // CET, the day before the change

    const auto epoch = ZonedInstant::fromMSecsSinceEpoch(0, kParis);
    QVERIFY(epoch.has_value());
    QCOMPARE(epoch->toIsoUtc(), u"1970-01-01T00:00:00.000Z"_s);
}

void TestZonedTime::fromLocal_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<LocalTimePolicy>("policy");
    QTest::addColumn<QDateTime>("expectedUtc");
    QTest::addColumn<QTime>("expectedLocal");

    const auto strict = LocalTimePolicy::Strict;
    const auto earlier = LocalTimePolicy::Earlier;
    const auto later = LocalTimePolicy::Later;

    // America/New_York 2026: clocks go 02:00 EST → 03:00 EDT on 8 March and
    // 02:00 EDT → 01:00 EST on 1 November.
    const QDate nySpring(2026, 3, 8);
    const QDate nyFall(2026, 11, 1);
    QTest::newRow("NY winter") << kNewYork << QDate(2026, 1, 15) << QTime(9, 0) << strict
                               << utc(u"2026-01-15T14:00:00Z"_s) << QTime(9, 0);
    QTest::newRow("NY summer") << kNewYork << QDate(2026, 7, 1) << QTime(9, 0) << strict
                               << utc(u"2026-07-01T13:00:00Z"_s) << QTime(9, 0);
    QTest::newRow("NY last second before gap")
        << kNewYork << nySpring << QTime(1, 59, 59) << strict << utc(u"2026-03-08T06:59:59Z"_s)
        << QTime(1, 59, 59);
    QTest::newRow("NY first time after gap") << kNewYork << nySpring << QTime(3, 0) << strict
                                             << utc(u"2026-03-08T07:00:00Z"_s) << QTime(3, 0);
    // 02:30 does not exist: both lenient policies move it forward by the hour.
    QTest::newRow("NY gap earlier") << kNewYork << nySpring << QTime(2, 30) << earlier
                                    << utc(u"2026-03-08T07:30:00Z"_s) << QTime(3, 30);
    QTest::newRow("NY gap later") << kNewYork << nySpring << QTime(2, 30) << later
                                  << utc(u"2026-03-08T07:30:00Z"_s) << QTime(3, 30);
    QTest::newRow("NY gap start later") << kNewYork << nySpring << QTime(2, 0) << later
                                        << utc(u"2026-03-08T07:00:00Z"_s) << QTime(3, 0);
    // 01:30 happens twice: first in EDT (UTC−4), then in EST (UTC−5).
    QTest::newRow("NY overlap earlier") << kNewYork << nyFall << QTime(1, 30) << earlier
                                        << utc(u"2026-11-01T05:30:00Z"_s) << QTime(1, 30);
    QTest::newRow("NY overlap later") << kNewYork << nyFall << QTime(1, 30) << later
                                      << utc(u"2026-11-01T06:30:00Z"_s) << QTime(1, 30);
    QTest::newRow("NY overlap start earlier") << kNewYork << nyFall << QTime(1, 0) << earlier
                                              << utc(u"2026-11-01T05:00:00Z"_s) << QTime(1, 0);
    QTest::newRow("NY overlap start later") << kNewYork << nyFall << QTime(1, 0) << later
                                            << utc(u"2026-11-01T06:00:00Z"_s) << QTime(1, 0);
    QTest::newRow("NY just before overlap") << kNewYork << nyFall << QTime(0, 59) << strict
                                            << utc(u"2026-11-01T04:59:00Z"_s) << QTime(0, 59);
    QTest::newRow("NY overlap end is unique") << kNewYork << nyFall << QTime(2, 0) << strict
                                              << utc(u"2026-11-01T07:00:00Z"_s) << QTime(2, 0);

    // Europe/Paris 2026: 02:00 → 03:00 on 29 March, 03:00 → 02:00 on 25 October.
    QTest::newRow("Paris gap later") << kParis << QDate(2026, 3, 29) << QTime(2, 30) << later
                                     << utc(u"2026-03-29T01:30:00Z"_s) << QTime(3, 30);
    QTest::newRow("Paris overlap earlier")
        << kParis << QDate(2026, 10, 25) << QTime(2, 30) << earlier
        << utc(u"2026-10-25T00:30:00Z"_s) << QTime(2, 30);
    QTest::newRow("Paris overlap later") << kParis << QDate(2026, 10, 25) << QTime(2, 30) << later
                                         << utc(u"2026-10-25T01:30:00Z"_s) << QTime(2, 30);
    QTest::newRow("Paris ordinary with ms")
        << kParis << QDate(2026, 6, 1) << QTime(9, 15, 30, 250) << strict
        << utc(u"2026-06-01T07:15:30.250Z"_s) << QTime(9, 15, 30, 250);

    // Australia/Lord_Howe shifts by only 30 minutes: UTC+10:30 in winter,
    // UTC+11 in summer; 02:00 → 02:30 on 4 October 2026, 02:00 → 01:30 on
    // 5 April 2026.
    QTest::newRow("Lord Howe winter") << kLordHowe << QDate(2026, 7, 1) << QTime(12, 0) << strict
                                      << utc(u"2026-07-01T01:30:00Z"_s) << QTime(12, 0);
    QTest::newRow("Lord Howe gap later") << kLordHowe << QDate(2026, 10, 4) << QTime(2, 15) << later
                                         << utc(u"2026-10-03T15:45:00Z"_s) << QTime(2, 45);
    QTest::newRow("Lord Howe overlap earlier")
        << kLordHowe << QDate(2026, 4, 5) << QTime(1, 45) << earlier
        << utc(u"2026-04-04T14:45:00Z"_s) << QTime(1, 45);
    QTest::newRow("Lord Howe overlap later")
        << kLordHowe << QDate(2026, 4, 5) << QTime(1, 45) << later << utc(u"2026-04-04T15:15:00Z"_s)
        << QTime(1, 45);

    // Zones without DST never hit either case.
    QTest::newRow("UTC") << u"UTC"_s << nySpring << QTime(2, 30) << strict
                         << utc(u"2026-03-08T02:30:00Z"_s) << QTime(2, 30);
    QTest::newRow("Kolkata half-hour offset")
        << u"Asia/Kolkata"_s << nySpring << QTime(10, 0) << strict << utc(u"2026-03-08T04:30:00Z"_s)
        << QTime(10, 0);
}

void TestZonedTime::fromLocal()
{
    QFETCH(QString, zone);
    QFETCH(QDate, date);
    QFETCH(QTime, time);
    QFETCH(LocalTimePolicy, policy);
    QFETCH(QDateTime, expectedUtc);
    QFETCH(QTime, expectedLocal);

    const auto z = ZonedInstant::fromLocal(date, time, zone, policy);
    QVERIFY2(z.has_value(), qPrintable(z ? QString() : z.error().message));
    QCOMPARE(z->utc(), expectedUtc);
    QCOMPARE(z->zoneId(), zone);
    QCOMPARE(z->local().date(), date);
    QCOMPARE(z->local().time(), expectedLocal);
}

void TestZonedTime::fromLocalErrors_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<QString>("message");

    QTest::newRow("NY gap strict") << kNewYork << QDate(2026, 3, 8) << QTime(2, 30)
                                   << u"2026-03-08 02:30 does not exist in America/New_York "
                                      u"(clocks skip it for daylight saving)"_s;
    QTest::newRow("NY gap start strict") << kNewYork << QDate(2026, 3, 8) << QTime(2, 0)
                                         << u"2026-03-08 02:00 does not exist in America/New_York "
                                            u"(clocks skip it for daylight saving)"_s;
    QTest::newRow("NY overlap strict")
        << kNewYork << QDate(2026, 11, 1) << QTime(1, 30)
        << u"2026-11-01 01:30 happens twice in America/New_York "
           u"(clocks go back for daylight saving); say which occurrence is meant"_s;
    QTest::newRow("Paris gap strict") << kParis << QDate(2026, 3, 29) << QTime(2, 30)
                                      << u"2026-03-29 02:30 does not exist in Europe/Paris "
                                         u"(clocks skip it for daylight saving)"_s;
    QTest::newRow("Lord Howe gap strict")
        << kLordHowe << QDate(2026, 10, 4) << QTime(2, 15)
        << u"2026-10-04 02:15 does not exist in Australia/Lord_Howe "
           u"(clocks skip it for daylight saving)"_s;
    QTest::newRow("Lord Howe overlap strict")
        << kLordHowe << QDate(2026, 4, 5) << QTime(1, 45)
        << u"2026-04-05 01:45 happens twice in Australia/Lord_Howe "
           u"(clocks go back for daylight saving); say which occurrence is meant"_s;
    QTest::newRow("invalid date") << kNewYork << QDate(2026, 2, 30) << QTime(9, 0)
                                  << u"invalid local date or time for zone America/New_York"_s;
    QTest::newRow("invalid time") << kNewYork << QDate(2026, 2, 3) << QTime(25, 0)
                                  << u"invalid local date or time for zone America/New_York"_s;
}

void TestZonedTime::fromLocalErrors()
{
    QFETCH(QString, zone);
    QFETCH(QDate, date);
    QFETCH(QTime, time);
    QFETCH(QString, message);

    const auto z = ZonedInstant::fromLocal(date, time, zone, LocalTimePolicy::Strict);
    QVERIFY(!z.has_value());
    QCOMPARE(z.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(z.error().message, message);
}

void TestZonedTime::addLocalDays_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QDateTime>("startUtc");
    QTest::addColumn<int>("days");
    QTest::addColumn<LocalTimePolicy>("policy");
    QTest::addColumn<QDateTime>("expectedUtc");
    QTest::addColumn<QTime>("expectedLocal");

    const auto later = LocalTimePolicy::Later;
    const auto earlier = LocalTimePolicy::Earlier;

    // A weekly 16:00 session stays at 16:00 on the wall clock; its UTC hour
    // moves from 21:00 (EST) to 20:00 (EDT) and back.
    QTest::newRow("NY weekly across spring change")
        << kNewYork << utc(u"2026-03-05T21:00:00Z"_s) << 7 << later
        << utc(u"2026-03-12T20:00:00Z"_s) << QTime(16, 0);
    QTest::newRow("NY weekly across fall change")
        << kNewYork << utc(u"2026-10-29T20:00:00Z"_s) << 7 << later
        << utc(u"2026-11-05T21:00:00Z"_s) << QTime(16, 0);
    QTest::newRow("NY weekly backwards") << kNewYork << utc(u"2026-03-12T20:00:00Z"_s) << -7
                                         << later << utc(u"2026-03-05T21:00:00Z"_s) << QTime(16, 0);
    QTest::newRow("NY same day") << kNewYork << utc(u"2026-03-05T21:00:00Z"_s) << 0 << later
                                 << utc(u"2026-03-05T21:00:00Z"_s) << QTime(16, 0);
    QTest::newRow("Paris weekly across spring change")
        << kParis << utc(u"2026-03-26T15:00:00Z"_s) << 7 << later << utc(u"2026-04-02T14:00:00Z"_s)
        << QTime(16, 0);
    QTest::newRow("Lord Howe weekly across 30-minute change")
        << kLordHowe << utc(u"2026-10-01T05:30:00Z"_s) << 7 << later
        << utc(u"2026-10-08T05:00:00Z"_s) << QTime(16, 0);
    QTest::newRow("Lord Howe a year of weeks")
        << kLordHowe << utc(u"2026-01-01T05:00:00Z"_s) << 364 << later
        << utc(u"2026-12-31T05:00:00Z"_s) << QTime(16, 0);
    // Landing in a gap or overlap resolves per the policy.
    QTest::newRow("NY into gap, later") << kNewYork << utc(u"2026-03-01T07:30:00Z"_s) << 7 << later
                                        << utc(u"2026-03-08T07:30:00Z"_s) << QTime(3, 30);
    QTest::newRow("NY into overlap, later")
        << kNewYork << utc(u"2026-10-25T05:30:00Z"_s) << 7 << later
        << utc(u"2026-11-01T06:30:00Z"_s) << QTime(1, 30);
    QTest::newRow("NY into overlap, earlier")
        << kNewYork << utc(u"2026-10-25T05:30:00Z"_s) << 7 << earlier
        << utc(u"2026-11-01T05:30:00Z"_s) << QTime(1, 30);
}

void TestZonedTime::addLocalDays()
{
    QFETCH(QString, zone);
    QFETCH(QDateTime, startUtc);
    QFETCH(int, days);
    QFETCH(LocalTimePolicy, policy);
    QFETCH(QDateTime, expectedUtc);
    QFETCH(QTime, expectedLocal);

    const auto start = ZonedInstant::fromUtc(startUtc, zone);
    QVERIFY(start.has_value());
    const auto next = start->addLocalDays(days, policy);
    QVERIFY2(next.has_value(), qPrintable(next ? QString() : next.error().message));
    QCOMPARE(next->utc(), expectedUtc);
    QCOMPARE(next->zoneId(), zone);
    QCOMPARE(next->local().date(), start->local().date().addDays(days));
    QCOMPARE(next->local().time(), expectedLocal);
}

void TestZonedTime::addLocalDaysIntoGapStrict()
{
    const ZonedInstant start = at(u"2026-03-01T07:30:00Z"_s, kNewYork); // 02:30 EST
    const auto next = start.addLocalDays(7, LocalTimePolicy::Strict);
    QVERIFY(!next.has_value());
    QCOMPARE(next.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(next.error().message.contains(u"does not exist"_s), qPrintable(next.error().message));
}

void TestZonedTime::addSecsIsFixedDuration()
{
    // Exactly a week of seconds after 16:00 EST lands at 17:00 EDT.
    const ZonedInstant start = at(u"2026-03-05T21:00:00Z"_s, kNewYork);
    const ZonedInstant next = start.addSecs(7 * 24 * 3600);
    QCOMPARE(next.toIsoUtc(), u"2026-03-12T21:00:00.000Z"_s);
    QCOMPARE(next.zoneId(), kNewYork);
    QCOMPARE(next.local().time(), QTime(17, 0));
    QCOMPARE(next.addSecs(-7 * 24 * 3600), start);
}

void TestZonedTime::parseIso_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expectedUtc");

    const QDateTime three = utc(u"2026-03-28T15:00:00Z"_s);
    QTest::newRow("Z with ms") << u"2026-03-28T15:00:00.000Z"_s << three;
    QTest::newRow("Z without ms") << u"2026-03-28T15:00:00Z"_s << three;
    QTest::newRow("negative offset") << u"2026-03-28T11:00:00-04:00"_s << three;
    QTest::newRow("half-hour offset") << u"2026-03-28T20:30:00+05:30"_s << three;
    QTest::newRow("compact offset") << u"2026-03-28T20:30:00+0530"_s << three;
    QTest::newRow("zero offset") << u"2026-03-28T15:00:00+00:00"_s << three;
    QTest::newRow("offset crosses midnight") << u"2026-03-29T01:00:00+10:00"_s << three;
    QTest::newRow("surrounding space") << u"  2026-03-28T15:00:00Z\n"_s << three;
    QTest::newRow("milliseconds kept")
        << u"2026-03-28T15:00:00.123Z"_s << utc(u"2026-03-28T15:00:00.123Z"_s);
    // Qt keeps milliseconds only; microseconds from a server are dropped.
    QTest::newRow("microseconds truncated")
        << u"2026-03-28T15:00:00.123456Z"_s << utc(u"2026-03-28T15:00:00.123Z"_s);
}

void TestZonedTime::parseIso()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expectedUtc);

    const auto z = ZonedInstant::parseIso(text, kNewYork);
    QVERIFY2(z.has_value(), qPrintable(z ? QString() : z.error().message));
    QCOMPARE(z->utc(), expectedUtc);
    QCOMPARE(z->utc().timeSpec(), Qt::UTC);
    QCOMPARE(z->zoneId(), kNewYork);
}

void TestZonedTime::parseIsoErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    const QString noOffset =
        u"'%1' has no UTC offset (expected a trailing Z or an offset such as -04:00)"_s;
    const QString notIso = u"'%1' is not an ISO 8601 date-time"_s;
    QTest::newRow("no offset") << u"2026-03-28T15:00:00"_s
                               << noOffset.arg(u"2026-03-28T15:00:00"_s);
    QTest::newRow("no offset with ms")
        << u"2026-03-28T15:00:00.000"_s << noOffset.arg(u"2026-03-28T15:00:00.000"_s);
    QTest::newRow("date only") << u"2026-03-28"_s << noOffset.arg(u"2026-03-28"_s);
    QTest::newRow("empty") << QString() << notIso.arg(QString());
    QTest::newRow("words") << u"tomorrow at 3"_s << notIso.arg(u"tomorrow at 3"_s);
    QTest::newRow("US style") << u"03/28/2026 15:00"_s << notIso.arg(u"03/28/2026 15:00"_s);
    QTest::newRow("no such day") << u"2026-02-30T15:00:00Z"_s
                                 << notIso.arg(u"2026-02-30T15:00:00Z"_s);
    QTest::newRow("hour 25") << u"2026-03-28T25:00:00Z"_s << notIso.arg(u"2026-03-28T25:00:00Z"_s);
    QTest::newRow("epoch number") << u"1774710000"_s << notIso.arg(u"1774710000"_s);
}

void TestZonedTime::parseIsoErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);

    const auto z = ZonedInstant::parseIso(text, kNewYork);
    QVERIFY(!z.has_value());
    QCOMPARE(z.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(z.error().message, message);
}

void TestZonedTime::inZone()
{
    const ZonedInstant ny = at(u"2026-03-28T15:00:00Z"_s, kNewYork);
    const auto paris = ny.inZone(kParis);
    QVERIFY(paris.has_value());
    QCOMPARE(paris->utc(), ny.utc());
    QCOMPARE(paris->zoneId(), kParis);
    QCOMPARE(paris->local().time(), QTime(16, 0));
    QCOMPARE(ny.local().time(), QTime(11, 0));
    // Same instant, different zone: not the same ZonedInstant.
    QVERIFY(!(*paris == ny));
    QVERIFY(*paris->inZone(kNewYork) == ny);
}

void TestZonedTime::offsets_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QDateTime>("instant");
    QTest::addColumn<int>("offsetSeconds");

    QTest::newRow("NY EST") << kNewYork << utc(u"2026-03-08T06:59:59Z"_s) << -5 * 3600;
    QTest::newRow("NY EDT") << kNewYork << utc(u"2026-03-08T07:00:00Z"_s) << -4 * 3600;
    QTest::newRow("Paris CEST") << kParis << utc(u"2026-07-01T12:00:00Z"_s) << 2 * 3600;
    QTest::newRow("Lord Howe standard")
        << kLordHowe << utc(u"2026-07-01T12:00:00Z"_s) << 10 * 3600 + 1800;
    QTest::newRow("Lord Howe summer") << kLordHowe << utc(u"2026-01-01T12:00:00Z"_s) << 11 * 3600;
}

void TestZonedTime::offsets()
{
    QFETCH(QString, zone);
    QFETCH(QDateTime, instant);
    QFETCH(int, offsetSeconds);

    const auto z = ZonedInstant::fromUtc(instant, zone);
    QVERIFY(z.has_value());
    QCOMPARE(z->utcOffsetSeconds(), offsetSeconds);
    QCOMPARE(z->local().offsetFromUtc(), offsetSeconds);
}

void TestZonedTime::invalidInstant()
{
    const ZonedInstant none;
    QVERIFY(!none.isValid());
    QVERIFY(!none.local().isValid());
    QCOMPARE(none.toIsoUtc(), QString());
    QCOMPARE(none.utcOffsetSeconds(), 0);
    QVERIFY(!none.addLocalDays(1).has_value());
    QVERIFY(!none.inZone(kNewYork).has_value());
}

QTEST_GUILESS_MAIN(TestZonedTime)
#include "tst_zonedtime.moc"
