// The review schedule (core/review/reviewschedule.h): due/upcoming/overdue on
// the business's calendar (zone boundaries, a DST week), the grace per
// cadence, first due dates, next due dates after completion (no ghost
// backlog), seeding twice and from two connections, and the view's names.

#include "../store/storetestsupport.h"
#include "domainprinters.h"

#include "common/clock.h"
#include "review/reviewschedule.h"
#include "store/database.h"
#include "store/operationsrepository.h"
#include "store/userrepository.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Review;
using namespace Concord::StoreTest;

Q_DECLARE_METATYPE(Concord::Domain::ReviewCadence)
Q_DECLARE_METATYPE(Concord::Review::ReviewState)

namespace {
QDateTime at(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODate).toUTC();
}
} // namespace

class TestReviewSchedule : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store::Database> m_db;

private Q_SLOTS:
    void initTestCase()
    {
        quietStoreLog();
        QLoggingCategory::setFilterRules(u"concord.core.store.info=false\nconcord.core.review.info=false"_s);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto db = openMigrated(*m_dir);
        QVERIFY_OK(db);
        m_db = std::move(*db);
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void businessTodayAcrossZones_data()
    {
        QTest::addColumn<QString>("nowUtc");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDate>("today");
        // 23:30 UTC Sunday is already Monday in Sydney, still Sunday in New York.
        QTest::newRow("sydney ahead") << u"2026-03-01T23:30:00Z"_s << u"Australia/Sydney"_s << QDate(2026, 3, 2);
        QTest::newRow("new york behind") << u"2026-03-02T03:30:00Z"_s << u"America/New_York"_s << QDate(2026, 3, 1);
        QTest::newRow("utc") << u"2026-03-02T00:00:00Z"_s << u"UTC"_s << QDate(2026, 3, 2);
        // US spring forward on Sunday 8 March 2026 at 07:00 UTC: EST (-5) before, EDT (-4) after.
        QTest::newRow("dst: before the change") << u"2026-03-08T04:59:00Z"_s << u"America/New_York"_s
                                                << QDate(2026, 3, 7);
        QTest::newRow("dst: after the change") << u"2026-03-09T03:59:00Z"_s << u"America/New_York"_s
                                               << QDate(2026, 3, 8);
        QTest::newRow("dst: midnight EDT") << u"2026-03-09T04:00:00Z"_s << u"America/New_York"_s
                                           << QDate(2026, 3, 9);
    }

    void businessTodayAcrossZones()
    {
        QFETCH(QString, nowUtc);
        QFETCH(QString, zone);
        QFETCH(QDate, today);
        auto got = businessToday(at(nowUtc), zone);
        QVERIFY_OK(got);
        QCOMPARE(*got, today);
    }

    void unknownZoneIsAnError()
    {
        auto got = businessToday(at(u"2026-03-02T00:00:00Z"_s), u"Mars/Olympus"_s);
        QVERIFY(!got);
        QCOMPARE(got.error().code, ErrorCode::InvalidConfig);
    }

    void timing_data()
    {
        QTest::addColumn<ReviewCadence>("cadence");
        QTest::addColumn<QDate>("due");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<ReviewState>("state");
        const QDate monday(2026, 3, 9);
        QTest::newRow("weekly: day before") << ReviewCadence::Weekly << monday << monday.addDays(-1)
                                            << ReviewState::Upcoming;
        QTest::newRow("weekly: on the day") << ReviewCadence::Weekly << monday << monday << ReviewState::Due;
        QTest::newRow("weekly: last grace day") << ReviewCadence::Weekly << monday << monday.addDays(2)
                                                << ReviewState::Due;
        QTest::newRow("weekly: overdue") << ReviewCadence::Weekly << monday << monday.addDays(3)
                                         << ReviewState::Overdue;
        const QDate first(2026, 4, 1);
        QTest::newRow("monthly: 5th grace day") << ReviewCadence::Monthly << first << first.addDays(5)
                                                << ReviewState::Due;
        QTest::newRow("monthly: overdue") << ReviewCadence::Monthly << first << first.addDays(6)
                                          << ReviewState::Overdue;
        QTest::newRow("quarterly: 10th grace day") << ReviewCadence::Quarterly << first << first.addDays(10)
                                                   << ReviewState::Due;
        QTest::newRow("quarterly: overdue") << ReviewCadence::Quarterly << first << first.addDays(11)
                                            << ReviewState::Overdue;
    }

    void timing()
    {
        QFETCH(ReviewCadence, cadence);
        QFETCH(QDate, due);
        QFETCH(QDate, today);
        QFETCH(ReviewState, state);
        QCOMPARE(toString(timingOn(cadence, due, today)), toString(state));
    }

    void firstDue_data()
    {
        QTest::addColumn<ReviewCadence>("cadence");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QDate>("due");
        QTest::newRow("weekly from wednesday") << ReviewCadence::Weekly << QDate(2026, 3, 4) << QDate(2026, 3, 9);
        QTest::newRow("weekly from monday") << ReviewCadence::Weekly << QDate(2026, 3, 9) << QDate(2026, 3, 16);
        QTest::newRow("weekly from sunday") << ReviewCadence::Weekly << QDate(2026, 3, 8) << QDate(2026, 3, 9);
        QTest::newRow("monthly mid-month") << ReviewCadence::Monthly << QDate(2026, 3, 17) << QDate(2026, 4, 1);
        QTest::newRow("monthly on the 1st") << ReviewCadence::Monthly << QDate(2026, 3, 1) << QDate(2026, 4, 1);
        QTest::newRow("monthly december") << ReviewCadence::Monthly << QDate(2026, 12, 31) << QDate(2027, 1, 1);
        QTest::newRow("quarterly Q1") << ReviewCadence::Quarterly << QDate(2026, 2, 10) << QDate(2026, 4, 1);
        QTest::newRow("quarterly first day") << ReviewCadence::Quarterly << QDate(2026, 7, 1) << QDate(2026, 10, 1);
        QTest::newRow("quarterly Q4") << ReviewCadence::Quarterly << QDate(2026, 11, 30) << QDate(2027, 1, 1);
    }

    void firstDue()
    {
        QFETCH(ReviewCadence, cadence);
        QFETCH(QDate, today);
        QFETCH(QDate, due);
        QCOMPARE(firstDueDate(cadence, today), due);
    }

    void nextDue_data()
    {
        QTest::addColumn<ReviewCadence>("cadence");
        QTest::addColumn<QDate>("due");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QDate>("next");
        QTest::newRow("weekly on time") << ReviewCadence::Weekly << QDate(2026, 3, 9) << QDate(2026, 3, 9)
                                        << QDate(2026, 3, 16);
        QTest::newRow("weekly early") << ReviewCadence::Weekly << QDate(2026, 3, 9) << QDate(2026, 3, 6)
                                      << QDate(2026, 3, 16);
        QTest::newRow("weekly two days late: same weekday") << ReviewCadence::Weekly << QDate(2026, 3, 9)
                                                            << QDate(2026, 3, 11) << QDate(2026, 3, 16);
        QTest::newRow("weekly 7 days late: not today") << ReviewCadence::Weekly << QDate(2026, 3, 9)
                                                       << QDate(2026, 3, 16) << QDate(2026, 3, 23);
        QTest::newRow("weekly 5 weeks late: no ghosts") << ReviewCadence::Weekly << QDate(2026, 3, 9)
                                                        << QDate(2026, 4, 15) << QDate(2026, 4, 20);
        QTest::newRow("monthly on time") << ReviewCadence::Monthly << QDate(2026, 4, 1) << QDate(2026, 4, 3)
                                         << QDate(2026, 5, 1);
        QTest::newRow("monthly 3 months late") << ReviewCadence::Monthly << QDate(2026, 1, 1) << QDate(2026, 4, 1)
                                               << QDate(2026, 5, 1);
        QTest::newRow("monthly across the year") << ReviewCadence::Monthly << QDate(2026, 12, 1)
                                                 << QDate(2026, 12, 2) << QDate(2027, 1, 1);
        QTest::newRow("quarterly on time") << ReviewCadence::Quarterly << QDate(2026, 4, 1) << QDate(2026, 4, 8)
                                           << QDate(2026, 7, 1);
        QTest::newRow("quarterly a year late") << ReviewCadence::Quarterly << QDate(2025, 4, 1)
                                               << QDate(2026, 5, 5) << QDate(2026, 7, 1);
    }

    void nextDue()
    {
        QFETCH(ReviewCadence, cadence);
        QFETCH(QDate, due);
        QFETCH(QDate, today);
        QFETCH(QDate, next);
        QCOMPARE(nextDueAfterCompletion(cadence, due, today), next);
    }

    void seedingTwiceInsertsOnce()
    {
        const QDateTime now = at(u"2026-03-04T12:00:00Z"_s);
        auto first = seedMissingSchedules(*m_db, now, u"America/New_York"_s);
        QVERIFY_OK(first);
        QCOMPARE(*first, 3);
        auto again = seedMissingSchedules(*m_db, now.addDays(30), u"America/New_York"_s);
        QVERIFY_OK(again);
        QCOMPARE(*again, 0);

        // A second desktop (its own connection to the same store) seeding at
        // once finds them there: UNIQUE cadence, nothing changed.
        auto other = Store::Database::open(storeUrlIn(*m_dir));
        QVERIFY_OK(other);
        auto third = seedMissingSchedules(**other, now.addDays(60), u"UTC"_s);
        QVERIFY_OK(third);
        QCOMPARE(*third, 0);

        auto all = Store::OperationsRepository(*m_db).reviewSchedules();
        QVERIFY_OK(all);
        QStringList got;
        for (const ReviewSchedule &s : *all)
            got << toString(s.cadence) + u' ' + s.nextDue.toString(Qt::ISODate) + u" owner "_s
                       + QString::number(s.ownerUserId);
        got.sort();
        QCOMPARE(got, (QStringList{u"monthly 2026-04-01 owner 0"_s, u"quarterly 2026-04-01 owner 0"_s,
                                   u"weekly 2026-03-09 owner 0"_s}));
    }

    void seedingKeepsAnExistingOwner()
    {
        User olivia;
        olivia.username = u"olivia"_s;
        olivia.displayName = u"Olivia Owner"_s;
        olivia.role = Role::Owner;
        auto made = Store::UserRepository(*m_db).create(olivia);
        QVERIFY_OK(made);
        Store::OperationsRepository ops(*m_db);
        ReviewSchedule weekly;
        weekly.cadence = ReviewCadence::Weekly;
        weekly.ownerUserId = made->id;
        weekly.nextDue = QDate(2026, 3, 2);
        QVERIFY_OK(ops.saveReviewSchedule(weekly));
        auto seeded = seedMissingSchedules(*m_db, at(u"2026-03-04T12:00:00Z"_s), u"UTC"_s);
        QVERIFY_OK(seeded);
        QCOMPARE(*seeded, 2);

        auto view = loadReviewSchedule(*m_db, at(u"2026-03-04T12:00:00Z"_s), u"UTC"_s);
        QVERIFY_OK(view);
        QCOMPARE(view->entries.size(), 3);
        const ScheduleEntry *w = view->entry(ReviewCadence::Weekly);
        QVERIFY(w);
        QCOMPARE(w->ownerUserId, made->id);
        QCOMPARE(w->ownerDisplayName, u"Olivia Owner"_s);
        QCOMPARE(w->nextDue, QDate(2026, 3, 2));
        QCOMPARE(w->daysUntilDue, -2);
        QCOMPARE(toString(w->state), u"due"_s);
        QCOMPARE(w->overdueFrom, QDate(2026, 3, 5));
        const ScheduleEntry *m = view->entry(ReviewCadence::Monthly);
        QVERIFY(m);
        QCOMPARE(toString(m->state), u"no_owner"_s);
        QCOMPARE(toString(m->timing), u"upcoming"_s);
    }

    // The same instant is a different business day in Sydney and New York:
    // the weekly review due Monday 9 March is due in Sydney and upcoming in
    // New York at 20:00 UTC on Sunday 8 March (a DST-change day in New York).
    void dueDependsOnTheBusinessZone_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("nowUtc");
        QTest::addColumn<QString>("state");
        QTest::newRow("sydney: monday already") << u"Australia/Sydney"_s << u"2026-03-08T20:00:00Z"_s << u"due"_s;
        QTest::newRow("new york: still sunday") << u"America/New_York"_s << u"2026-03-08T20:00:00Z"_s
                                                << u"upcoming"_s;
        // Thursday 00:30 EDT = 04:30 UTC: overdue in New York…
        QTest::newRow("new york: thursday EDT") << u"America/New_York"_s << u"2026-03-12T04:30:00Z"_s
                                                << u"overdue"_s;
        // …while 03:30 UTC is still Wednesday 23:30 EDT: due.
        QTest::newRow("new york: wednesday night") << u"America/New_York"_s << u"2026-03-12T03:30:00Z"_s
                                                   << u"due"_s;
    }

    void dueDependsOnTheBusinessZone()
    {
        QFETCH(QString, zone);
        QFETCH(QString, nowUtc);
        QFETCH(QString, state);
        User owen;
        owen.username = u"owen"_s;
        owen.displayName = u"Owen"_s;
        owen.role = Role::Owner;
        auto made = Store::UserRepository(*m_db).create(owen);
        QVERIFY_OK(made);
        ReviewSchedule weekly;
        weekly.cadence = ReviewCadence::Weekly;
        weekly.ownerUserId = made->id;
        weekly.nextDue = QDate(2026, 3, 9);
        QVERIFY_OK(Store::OperationsRepository(*m_db).saveReviewSchedule(weekly));
        auto view = loadReviewSchedule(*m_db, at(nowUtc), zone);
        QVERIFY_OK(view);
        QCOMPARE(toString(view->entry(ReviewCadence::Weekly)->state), state);
    }
};

QTEST_GUILESS_MAIN(TestReviewSchedule)
#include "tst_reviewschedule.moc"
