// ReviewNotifier (ui/reviewnotifier.h): announces once when a review falls
// due and once when it becomes overdue — per cadence and due date — never
// again on a refresh; the next due date is announced in its turn; upcoming
// reviews are quiet; offscreen (no system tray) the signal carries it.

#include "reviewnotifier.h"

#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Review;
using namespace Concord::Ui;

Q_DECLARE_METATYPE(Concord::Domain::ReviewCadence)

namespace {
ScheduleEntry entry(ReviewCadence cadence, const QDate &due, ReviewState timing, qint64 owner = 2)
{
    ScheduleEntry e;
    e.cadence = cadence;
    e.ownerUserId = owner;
    e.ownerUsername = QStringLiteral("omar");
    e.ownerDisplayName = QStringLiteral("Omar Lee");
    e.nextDue = due;
    e.overdueFrom = due.addDays(overdueGraceDays(cadence) + 1);
    e.timing = timing;
    e.state = owner == 0 ? ReviewState::NoOwner : timing;
    return e;
}

ReviewScheduleView view(QList<ScheduleEntry> entries)
{
    ReviewScheduleView v;
    v.zoneId = QStringLiteral("UTC");
    v.entries = std::move(entries);
    return v;
}
} // namespace

class TestReviewNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void announcesOncePerStateAndDueDate()
    {
        ReviewNotifier notifier;
        QSignalSpy spy(&notifier, &ReviewNotifier::reviewAnnounced);
        const QDate monday(2026, 3, 9);
        const QDate april(2026, 4, 1);

        notifier.setSchedule(view({entry(ReviewCadence::Weekly, monday, ReviewState::Upcoming),
                                   entry(ReviewCadence::Monthly, april, ReviewState::Upcoming)}));
        QCOMPARE(spy.count(), 0);

        notifier.setSchedule(view({entry(ReviewCadence::Weekly, monday, ReviewState::Due),
                                   entry(ReviewCadence::Monthly, april, ReviewState::Upcoming)}));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(int(spy.at(0).at(0).value<ReviewCadence>()), int(ReviewCadence::Weekly));
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("Weekly review due"));
        QCOMPARE(spy.at(0).at(2).toString(),
                 QStringLiteral("The weekly review is due Mon 9 Mar; it counts as overdue from Thu 12 Mar. "
                                "Owner: Omar Lee."));
        QCOMPARE(spy.at(0).at(3).toBool(), false);

        // A refresh with the same state says nothing.
        notifier.setSchedule(view({entry(ReviewCadence::Weekly, monday, ReviewState::Due)}));
        QCOMPARE(spy.count(), 1);

        // Overdue is news once.
        notifier.setSchedule(view({entry(ReviewCadence::Weekly, monday, ReviewState::Overdue)}));
        notifier.setSchedule(view({entry(ReviewCadence::Weekly, monday, ReviewState::Overdue)}));
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(1).toString(), QStringLiteral("Weekly review overdue"));
        QCOMPARE(spy.at(1).at(3).toBool(), true);

        // Completed: next Monday's review is announced when it falls due.
        notifier.setSchedule(view({entry(ReviewCadence::Weekly, monday.addDays(7), ReviewState::Upcoming)}));
        QCOMPARE(spy.count(), 2);
        notifier.setSchedule(view({entry(ReviewCadence::Weekly, monday.addDays(7), ReviewState::Due)}));
        QCOMPARE(spy.count(), 3);
        QCOMPARE(notifier.announced(),
                 (QStringList{QStringLiteral("weekly/2026-03-09/due"), QStringLiteral("weekly/2026-03-09/overdue"),
                              QStringLiteral("weekly/2026-03-16/due")}));
    }

    void alreadyOverdueAtStartIsOneMessage()
    {
        ReviewNotifier notifier;
        QSignalSpy spy(&notifier, &ReviewNotifier::reviewAnnounced);
        notifier.setSchedule(view({entry(ReviewCadence::Quarterly, QDate(2026, 1, 1), ReviewState::Overdue, 0)}));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(2).toString(),
                 QStringLiteral("The quarterly review was due Thu 1 Jan. No owner yet: an owner should name one."));
    }

    void offscreenHasNoTray()
    {
        ReviewNotifier notifier;
        QSystemTrayIcon tray;
        notifier.setTrayIcon(&tray);
        // The offscreen platform has no system tray: the signal is the only way.
        QCOMPARE(notifier.usesTray(), QSystemTrayIcon::isSystemTrayAvailable());
        QSignalSpy spy(&notifier, &ReviewNotifier::reviewAnnounced);
        notifier.setSchedule(view({entry(ReviewCadence::Monthly, QDate(2026, 4, 1), ReviewState::Due)}));
        QCOMPARE(spy.count(), 1);
    }
};

QTEST_MAIN(TestReviewNotifier)
#include "tst_reviewnotifier.moc"
