// The backlog bar's arithmetic ("Carrying changes: 240 of 603") over a
// sequence of outbox readings, and the audited pause/resume command.
#include "domainprinters.h"
#include "security/auditlog.h"
#include "services/syncbacklog.h"
#include "services/synccontrol.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using Concord::Domain::Role;
using Concord::Services::BacklogTracker;
using Concord::Services::SyncBacklog;
using Concord::Store::OutboxCounts;

namespace {

// pending, in flight, failed, succeeded, dismissed
OutboxCounts counts(qint64 pending, qint64 inFlight, qint64 failed, qint64 succeeded, qint64 dismissed = 0)
{
    return OutboxCounts{pending, inFlight, failed, succeeded, dismissed};
}

// "done/total", or "-" when there is no backlog.
QString text(const SyncBacklog &b)
{
    return b.hasWork() ? u"%1/%2"_s.arg(b.done).arg(b.total) : u"-"_s;
}

} // namespace

class TestSyncBacklog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tracksOneStretchOfWork_data()
    {
        QTest::addColumn<QList<OutboxCounts>>("readings");
        QTest::addColumn<QStringList>("expected");
        // 100 jobs finished long ago are not part of a new import of 600.
        QTest::newRow("initial import")
            << QList<OutboxCounts>{counts(0, 0, 0, 100), counts(600, 3, 0, 100), counts(360, 3, 2, 338),
                                   counts(0, 0, 5, 698)}
            << QStringList{u"-"_s, u"0/603"_s, u"240/603"_s, u"-"_s};
        // Jobs created while it runs raise the total.
        QTest::newRow("jobs arrive meanwhile")
            << QList<OutboxCounts>{counts(10, 0, 0, 0), counts(15, 1, 0, 4), counts(0, 1, 0, 24)}
            << QStringList{u"0/10"_s, u"4/20"_s, u"24/25"_s};
        // A person retries a failed job: it is outstanding again, the total stays.
        QTest::newRow("a failed job retried")
            << QList<OutboxCounts>{counts(5, 0, 3, 10), counts(2, 0, 4, 12), counts(3, 0, 3, 12)}
            << QStringList{u"0/5"_s, u"3/5"_s, u"2/5"_s};
        // Dismissed and failed both finish a job.
        QTest::newRow("dismissed counts as finished")
            << QList<OutboxCounts>{counts(4, 0, 0, 0), counts(1, 0, 1, 1, 1)}
            << QStringList{u"0/4"_s, u"3/4"_s};
        // Finished rows fewer than at the start (retried failures) never
        // make `done` negative.
        QTest::newRow("fewer finished than at the start")
            << QList<OutboxCounts>{counts(2, 0, 5, 0), counts(7, 0, 0, 0), counts(6, 0, 0, 1)}
            << QStringList{u"0/2"_s, u"0/7"_s, u"1/7"_s};
        // A new backlog after an empty moment starts from zero.
        QTest::newRow("two backlogs")
            << QList<OutboxCounts>{counts(3, 0, 0, 0), counts(0, 0, 0, 3), counts(2, 0, 0, 3), counts(1, 0, 0, 4)}
            << QStringList{u"0/3"_s, u"-"_s, u"0/2"_s, u"1/2"_s};
    }

    void tracksOneStretchOfWork()
    {
        QFETCH(QList<OutboxCounts>, readings);
        QFETCH(QStringList, expected);
        BacklogTracker tracker;
        QStringList got;
        for (const OutboxCounts &c : std::as_const(readings)) {
            const SyncBacklog b = tracker.update(c);
            QVERIFY(b.done >= 0 && b.done <= b.total);
            QCOMPARE(b.state, Services::SyncRunState::Off); // the caller's to set
            got << text(b);
        }
        QCOMPARE(got, expected);
    }

    void pauseIsCheckedAndAudited_data()
    {
        QTest::addColumn<Role>("role");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("owner") << Role::Owner << true;
        QTest::newRow("office manager") << Role::OfficeManager << true;
        QTest::newRow("bookkeeper") << Role::Bookkeeper << false;
        QTest::newRow("viewer") << Role::Viewer << false;
    }

    void pauseIsCheckedAndAudited()
    {
        QFETCH(Role, role);
        QFETCH(bool, allowed);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto db = Store::Database::open(u"sqlite://"_s + dir.filePath(u"pause.sqlite"_s));
        QVERIFY(db);
        QVERIFY(Store::migrate(**db));
        ManualClock clock(QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC));
        const auto actor = Security::Actor::user(u"pat"_s, role);
        Security::AuditLog audit(**db, clock);

        const Status paused = Services::recordSyncPause(**db, clock, actor, true);
        const Status resumed = Services::recordSyncPause(**db, clock, actor, false);
        QCOMPARE(bool(paused), allowed);
        QCOMPARE(bool(resumed), allowed);
        QCOMPARE(bool(Services::authorizeSyncControl(actor)), allowed);
        if (!allowed) {
            QCOMPARE(paused.error().code, ErrorCode::PermissionDenied);
            QCOMPARE(audit.count().value_or(-1), 0);
            return;
        }
        auto entries = audit.recent(2);
        QVERIFY_OK(entries);
        QCOMPARE(entries->size(), 2);
        QCOMPARE(entries->at(0).action, u"sync.resume"_s);
        QCOMPARE(entries->at(1).action, u"sync.pause"_s);
        QCOMPARE(entries->at(1).actor, u"pat"_s);
        QCOMPARE(QJsonDocument::fromJson(entries->at(1).afterJson).object().value(u"paused"_s).toBool(), true);
        QCOMPARE(QJsonDocument::fromJson(entries->at(0).afterJson).object().value(u"paused"_s).toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestSyncBacklog)
#include "tst_syncbacklog.moc"
