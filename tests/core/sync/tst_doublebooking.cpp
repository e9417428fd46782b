// Staff double-booking: pairs per staff member, compared by instant (zones
// and DST play no part), buffers, and what never conflicts.

#include "domainprinters.h"
#include "sync/doublebooking.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Sync;
using Concord::Domain::AppointmentStatus;
using Concord::Domain::LocalTimePolicy;
using Concord::Domain::ZonedInstant;

namespace {

const QString kNewYork = u"America/New_York"_s;
const QString kLondon = u"Europe/London"_s;

StaffSlot slot(const QString &id, qint64 staff, const QDate &day, const QTime &time, int minutes,
               const QString &zone = kNewYork, LocalTimePolicy policy = LocalTimePolicy::Strict)
{
    StaffSlot s;
    s.appointmentId = id;
    s.staffId = staff;
    auto start = ZonedInstant::fromLocal(day, time, zone, policy);
    if (start)
        s.start = *start;
    s.minutes = minutes;
    return s;
}

// "staff first second overlap shortBy" per pair, for whole-result comparisons.
QStringList pairs(const QList<DoubleBooking> &found)
{
    QStringList out;
    for (const DoubleBooking &d : found)
        out << u"%1 %2 %3 %4 %5"_s.arg(d.staffId).arg(d.firstId, d.secondId).arg(d.overlapMinutes).arg(d.shortByMinutes);
    return out;
}

const QDate kDay(2026, 4, 10);

} // namespace

class TestDoubleBooking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void overlappingSlotsOfOneStaffMemberConflict()
    {
        const QList<DoubleBooking> found = findDoubleBookings(
            {slot(u"a1"_s, 7, kDay, QTime(10, 0), 60), slot(u"a2"_s, 7, kDay, QTime(10, 30), 60),
             slot(u"b1"_s, 8, kDay, QTime(10, 0), 60)});
        QCOMPARE(pairs(found), QStringList{u"7 a1 a2 30 30"_s});
        QCOMPARE(found.first().message,
                 u"Staff 7 is double-booked: appointment a1 (2026-04-10 10:00–11:00 America/New_York) overlaps "
                 u"appointment a2 (2026-04-10 10:30–11:30 America/New_York) by 30 minutes."_s);
    }

    void differentStaffNeverConflict()
    {
        QVERIFY(findDoubleBookings({slot(u"a"_s, 1, kDay, QTime(9, 0), 60), slot(u"b"_s, 2, kDay, QTime(9, 0), 60),
                                    slot(u"c"_s, 3, kDay, QTime(9, 15), 30)})
                    .isEmpty());
    }

    void backToBackIsFineWithoutBufferButNotWithOne()
    {
        const QList<StaffSlot> bookings = {slot(u"a"_s, 7, kDay, QTime(10, 0), 60), slot(u"b"_s, 7, kDay, QTime(11, 0), 60)};
        QVERIFY(findDoubleBookings(bookings).isEmpty());

        BufferRules buffers;
        buffers.defaults.afterMinutes = 15;
        const QList<DoubleBooking> found = findDoubleBookings(bookings, buffers);
        QCOMPARE(pairs(found), QStringList{u"7 a b 0 15"_s});
        QCOMPARE(found.first().message,
                 u"Staff 7 has too little time between appointment a (2026-04-10 10:00–11:00 America/New_York) and "
                 u"appointment b (2026-04-10 11:00–12:00 America/New_York): 0 minutes apart, 15 minutes needed."_s);

        // Before and after buffers add up: 20 minutes apart, 25 needed.
        const QList<StaffSlot> gap = {slot(u"a"_s, 7, kDay, QTime(10, 0), 60), slot(u"b"_s, 7, kDay, QTime(11, 20), 60)};
        buffers.defaults.beforeMinutes = 10;
        QCOMPARE(pairs(findDoubleBookings(gap, buffers)), QStringList{u"7 a b 0 5"_s});
        buffers.defaults.beforeMinutes = 5;
        QVERIFY(findDoubleBookings(gap, buffers).isEmpty()); // exactly 20 needed: fits
    }

    void buffersPerStaffOverrideTheDefault()
    {
        const QList<StaffSlot> bookings = {slot(u"a"_s, 7, kDay, QTime(10, 0), 60), slot(u"b"_s, 7, kDay, QTime(11, 0), 60),
                                        slot(u"c"_s, 8, kDay, QTime(10, 0), 60), slot(u"d"_s, 8, kDay, QTime(11, 0), 60)};
        BufferRules buffers;
        buffers.defaults.afterMinutes = 15;
        buffers.perStaff.insert(8, Buffer{0, 0}); // staff 8 works back to back
        QCOMPARE(pairs(findDoubleBookings(bookings, buffers)), QStringList{u"7 a b 0 15"_s});
    }

    void canceledAndRescheduledAwayNeverConflict()
    {
        StaffSlot canceled = slot(u"x"_s, 7, kDay, QTime(10, 0), 60);
        canceled.status = AppointmentStatus::Canceled;
        // "old" moved to "new" (same appointment, 30 minutes later): neither
        // the old slot nor the move itself is a double-booking …
        StaffSlot old = slot(u"old"_s, 7, kDay, QTime(13, 0), 60);
        StaffSlot moved = slot(u"new"_s, 7, kDay, QTime(13, 30), 60);
        moved.status = AppointmentStatus::Rescheduled;
        moved.rescheduledFromId = u"old"_s;
        // … but the new time can clash with someone else's appointment.
        StaffSlot other = slot(u"other"_s, 7, kDay, QTime(12, 30), 45);
        const QList<DoubleBooking> found = findDoubleBookings(
            {canceled, slot(u"live"_s, 7, kDay, QTime(10, 0), 60), old, moved, other});
        QVERIFY2(found.isEmpty(), qPrintable(pairs(found).join(u"; "_s)));

        other.minutes = 75; // 12:30–13:45 now overlaps 13:30–14:30 by 15 minutes
        QCOMPARE(pairs(findDoubleBookings({canceled, old, moved, other})), QStringList{u"7 other new 15 15"_s});
    }

    void differentZonesAreComparedByInstant()
    {
        // 10:00 in New York (EDT, UTC−4) is 14:00 UTC; 14:30 in London (BST,
        // UTC+1) is 13:30 UTC: they overlap although the wall times do not.
        // 10:00 in London (09:00 UTC) does not, although the wall times match.
        const QList<DoubleBooking> found = findDoubleBookings(
            {slot(u"ny"_s, 7, kDay, QTime(10, 0), 60), slot(u"ldn"_s, 7, kDay, QTime(14, 30), 60, kLondon),
             slot(u"ldn-morning"_s, 7, kDay, QTime(10, 0), 60, kLondon)});
        QCOMPARE(pairs(found), QStringList{u"7 ldn ny 30 30"_s});
        QCOMPARE(found.first().message,
                 u"Staff 7 is double-booked: appointment ldn (2026-04-10 14:30–15:30 Europe/London) overlaps "
                 u"appointment ny (2026-04-10 10:00–11:00 America/New_York) by 30 minutes."_s);
    }

    void springForwardIsComparedByInstant()
    {
        // New York skips 02:00–03:00 on 8 March 2026: a 60-minute session at
        // 01:30 EST ends at 03:30 EDT and overlaps one starting at 03:00.
        const QDate day(2026, 3, 8);
        const QList<DoubleBooking> found =
            findDoubleBookings({slot(u"early"_s, 7, day, QTime(1, 30), 60), slot(u"late"_s, 7, day, QTime(3, 0), 60)});
        QCOMPARE(pairs(found), QStringList{u"7 early late 30 30"_s});
        QCOMPARE(found.first().message,
                 u"Staff 7 is double-booked: appointment early (2026-03-08 01:30–03:30 America/New_York) overlaps "
                 u"appointment late (2026-03-08 03:00–04:00 America/New_York) by 30 minutes."_s);
    }

    void fallBackIsComparedByInstant()
    {
        // 01:00–02:00 happens twice on 1 November 2026. 01:30 EDT (05:30 UTC)
        // and 01:15 EST (06:15 UTC) look overlapping on the wall clock but are
        // 45 minutes apart; 01:45 EDT (05:45 UTC) really overlaps the first.
        const QDate day(2026, 11, 1);
        const QList<StaffSlot> bookings = {
            slot(u"edt"_s, 7, day, QTime(1, 30), 30, kNewYork, LocalTimePolicy::Earlier),
            slot(u"est"_s, 7, day, QTime(1, 15), 30, kNewYork, LocalTimePolicy::Later),
        };
        QVERIFY(bookings.at(0).start.isValid() && bookings.at(1).start.isValid());
        QVERIFY(findDoubleBookings(bookings).isEmpty());
        QCOMPARE(pairs(findDoubleBookings(
                     bookings + QList<StaffSlot>{slot(u"edt2"_s, 7, day, QTime(1, 45), 30, kNewYork, LocalTimePolicy::Earlier)})),
                 QStringList{u"7 edt edt2 15 15"_s});
    }

    void everyPairIsReportedInOrder()
    {
        const QList<StaffSlot> bookings = {slot(u"c"_s, 7, kDay, QTime(10, 20), 30), slot(u"b"_s, 7, kDay, QTime(10, 10), 30),
                                        slot(u"a"_s, 7, kDay, QTime(10, 0), 30), slot(u"z"_s, 2, kDay, QTime(8, 0), 30),
                                        slot(u"y"_s, 2, kDay, QTime(8, 0), 90)};
        QCOMPARE(pairs(findDoubleBookings(bookings)),
                 (QStringList{u"2 y z 30 30"_s, u"7 a b 20 20"_s, u"7 a c 10 10"_s, u"7 b c 20 20"_s}));
    }

    void slotsThatCannotConflictAreIgnored()
    {
        StaffSlot unknownStaff = slot(u"u"_s, 0, kDay, QTime(10, 0), 60);
        StaffSlot unknownStaff2 = slot(u"u2"_s, 0, kDay, QTime(10, 0), 60);
        StaffSlot empty = slot(u"e"_s, 7, kDay, QTime(10, 0), 0);
        StaffSlot noTime;
        noTime.appointmentId = u"n"_s;
        noTime.staffId = 7;
        noTime.minutes = 60;
        const StaffSlot real = slot(u"r"_s, 7, kDay, QTime(10, 0), 60);
        QVERIFY(findDoubleBookings({unknownStaff, unknownStaff2, empty, noTime, real, real}).isEmpty());
    }

    // ~22,000 bookings: 100 staff × 200 back-to-back hours, plus 20 short
    // bookings per staff member inside one of their hours. Only counts are
    // checked: the point is that the sweep handles the volume.
    void handlesTwentyThousandSlots()
    {
        QList<StaffSlot> bookings;
        const qint64 base = QDateTime(QDate(2026, 1, 5), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();
        for (qint64 staff = 1; staff <= 100; ++staff) {
            for (int i = 0; i < 200; ++i) {
                StaffSlot s;
                s.appointmentId = u"s%1-%2"_s.arg(staff).arg(i);
                s.staffId = staff;
                s.start = *ZonedInstant::fromMSecsSinceEpoch(base + qint64(i) * 3600 * 1000,
                                                             i % 2 ? kNewYork : kLondon);
                s.minutes = 60;
                bookings.append(s);
                if (i % 10 == 3) {
                    StaffSlot extra = s;
                    extra.appointmentId += u"-extra"_s;
                    extra.start = s.start.addSecs(20 * 60);
                    extra.minutes = 20;
                    bookings.append(extra);
                }
            }
        }
        QCOMPARE(bookings.size(), 22000);
        QCOMPARE(findDoubleBookings(bookings).size(), 100 * 20);
        BufferRules buffers;
        buffers.defaults.afterMinutes = 15; // now every back-to-back hour clashes too
        QCOMPARE(findDoubleBookings(bookings, buffers).size(), 100 * 199 + 100 * 20);
    }
};

QTEST_GUILESS_MAIN(TestDoubleBooking)
#include "tst_doublebooking.moc"
