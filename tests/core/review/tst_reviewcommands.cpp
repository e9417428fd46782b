// The review schedule's commands (core/review/reviewcommands.h): who may name
// an owner and who may complete a review (refusals with a clear message and
// nothing written), the audit entries' content, the run recorded, next_due
// moved, and a second completion of the same due review refused.

#include "../store/storetestsupport.h"
#include "domainprinters.h"

#include "common/clock.h"
#include "review/reviewcommands.h"
#include "review/reviewschedule.h"
#include "security/auditlog.h"
#include "security/scramverifier.h"
#include "store/database.h"
#include "store/operationsrepository.h"
#include "store/storeurl.h"
#include "store/userrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Review;
using namespace Concord::Security;
using namespace Concord::StoreTest;

namespace {
// Wednesday 4 March 2026, 15:00 UTC = 10:00 in New York (EST).
const QDateTime kNow(QDate(2026, 3, 4), QTime(15, 0), Qt::UTC);
const QString kZone = u"America/New_York"_s;

QJsonObject json(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}
} // namespace

class TestReviewCommands : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    QHash<QString, User> m_users;

    User addUser(const QString &username, Role role, bool active = true)
    {
        User u;
        u.username = username;
        u.displayName = username.at(0).toUpper() + username.mid(1);
        u.role = role;
        u.active = active;
        auto made = Store::UserRepository(*m_db, *m_clock).create(u);
        if (!made) {
            QTest::qFail(outcome(made).constData(), __FILE__, __LINE__);
            return {};
        }
        m_users.insert(username, *made);
        return *made;
    }

    Actor as(const QString &username) const
    {
        return Actor::user(username, m_users.value(username).role);
    }

    ReviewCommands commands() { return ReviewCommands(*m_db, *m_clock, kZone); }

    qint64 auditCount()
    {
        auto n = AuditLog(*m_db, *m_clock).count();
        return n ? *n : -1;
    }

    ReviewSchedule schedule(ReviewCadence cadence)
    {
        auto all = Store::OperationsRepository(*m_db, *m_clock).reviewSchedules();
        if (all) {
            for (const ReviewSchedule &s : *all) {
                if (s.cadence == cadence)
                    return s;
            }
        }
        return {};
    }

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
        m_clock = std::make_unique<ManualClock>(kNow);
        m_users.clear();
        addUser(u"olivia"_s, Role::Owner);
        addUser(u"omar"_s, Role::OfficeManager);
        addUser(u"bea"_s, Role::Bookkeeper);
        addUser(u"vic"_s, Role::Viewer);
        addUser(u"gone"_s, Role::OfficeManager, false);
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void assignOwnerRefusals_data()
    {
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("office manager may not")
            << u"omar"_s << u"bea"_s << int(ErrorCode::PermissionDenied)
            << u"office manager 'omar' may not schedule reviews (allowed: owner)"_s;
        QTest::newRow("bookkeeper may not") << u"bea"_s << u"bea"_s << int(ErrorCode::PermissionDenied)
                                            << u"bookkeeper 'bea' may not schedule reviews (allowed: owner)"_s;
        QTest::newRow("viewer may not") << u"vic"_s << u"omar"_s << int(ErrorCode::PermissionDenied)
                                        << u"viewer 'vic' may not schedule reviews (allowed: owner)"_s;
        QTest::newRow("a viewer cannot own a review")
            << u"olivia"_s << u"vic"_s << int(ErrorCode::InvalidArgument)
            << u"'vic' is a viewer, who may not complete reviews: choose an owner, office manager or bookkeeper"_s;
        QTest::newRow("a deactivated user cannot") << u"olivia"_s << u"gone"_s << int(ErrorCode::InvalidArgument)
                                                   << u"'gone' is deactivated and cannot own the weekly review"_s;
        QTest::newRow("unknown user") << u"olivia"_s << u"nobody"_s << int(ErrorCode::InvalidArgument)
                                      << u"there is no user with id 999"_s;
    }

    void assignOwnerRefusals()
    {
        QFETCH(QString, actor);
        QFETCH(QString, target);
        QFETCH(int, code);
        QFETCH(QString, message);
        const qint64 targetId = m_users.contains(target) ? m_users.value(target).id : 999;
        const qint64 before = auditCount();
        auto got = commands().assignOwner(as(actor), ReviewCadence::Weekly, targetId);
        QVERIFY(!got);
        QCOMPARE(int(got.error().code), code);
        QCOMPARE(got.error().message, message);
        QCOMPARE(auditCount(), before);
        QCOMPARE(schedule(ReviewCadence::Weekly).ownerUserId, 0);
    }

    void systemActorMayNotAssign()
    {
        auto got = commands().assignOwner(Actor::system(u"sync"_s), ReviewCadence::Weekly, m_users[u"omar"_s].id);
        QVERIFY(!got);
        QCOMPARE(got.error().code, ErrorCode::PermissionDenied);
        QVERIFY2(got.error().message.contains(u"needs a person"_s), qPrintable(got.error().message));
    }

    void assignOwnerWritesAndAudits()
    {
        auto got = commands().assignOwner(as(u"olivia"_s), ReviewCadence::Monthly, m_users[u"bea"_s].id);
        QVERIFY_OK(got);
        QCOMPARE(got->ownerUsername, u"bea"_s);
        QCOMPARE(got->ownerDisplayName, u"Bea"_s);
        QCOMPARE(toString(got->state), u"upcoming"_s);
        QCOMPARE(got->nextDue, QDate(2026, 4, 1));
        QCOMPARE(schedule(ReviewCadence::Monthly).ownerUserId, m_users[u"bea"_s].id);

        auto again = commands().assignOwner(as(u"olivia"_s), ReviewCadence::Monthly, m_users[u"omar"_s].id);
        QVERIFY_OK(again);
        auto recent = AuditLog(*m_db, *m_clock).recent(1);
        QVERIFY_OK(recent);
        const AuditEntry e = recent->first();
        QCOMPARE(e.actor, u"olivia"_s);
        QCOMPARE(e.action, u"review.owner.assign"_s);
        QCOMPARE(e.entityType, u"review_schedule"_s);
        QCOMPARE(e.entityId, u"monthly"_s);
        QCOMPARE(json(e.beforeJson).value(u"owner"_s).toObject().value(u"username"_s).toString(), u"bea"_s);
        QCOMPARE(json(e.afterJson).value(u"owner"_s).toObject().value(u"username"_s).toString(), u"omar"_s);

        // Clearing the owner is allowed and audited too.
        auto cleared = commands().assignOwner(as(u"olivia"_s), ReviewCadence::Monthly, 0);
        QVERIFY_OK(cleared);
        QCOMPARE(toString(cleared->state), u"no_owner"_s);
        QCOMPARE(schedule(ReviewCadence::Monthly).ownerUserId, 0);
    }

    void completeRefusals_data()
    {
        QTest::addColumn<QString>("owner");
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("message");
        QTest::newRow("viewer") << u"omar"_s << u"vic"_s
                                << u"viewer 'vic' may not complete reviews (allowed: owner, office manager, "
                                   "bookkeeper)"_s;
        QTest::newRow("someone else's review")
            << u"omar"_s << u"bea"_s << u"the weekly review is omar's to complete (or an owner's); 'bea' may not sign it off"_s;
        QTest::newRow("no owner named yet") << QString() << u"omar"_s
                                            << u"the weekly review has no owner yet: an owner must name one (or "
                                               "complete it)"_s;
        QTest::newRow("deactivated user") << u"omar"_s << u"gone"_s << u"Concord user 'gone' is deactivated"_s;
    }

    void completeRefusals()
    {
        QFETCH(QString, owner);
        QFETCH(QString, actor);
        QFETCH(QString, message);
        if (!owner.isEmpty())
            QVERIFY_OK(commands().assignOwner(as(u"olivia"_s), ReviewCadence::Weekly, m_users[owner].id));
        const qint64 before = auditCount();
        const ReviewSchedule was = schedule(ReviewCadence::Weekly);
        auto got = commands().completeReview(as(actor), ReviewCadence::Weekly, {}, u"all fine"_s);
        QVERIFY(!got);
        QCOMPARE(got.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(got.error().message, message);
        QCOMPARE(auditCount(), before);
        QCOMPARE(schedule(ReviewCadence::Weekly).nextDue, was.nextDue);
        auto runs = Store::OperationsRepository(*m_db, *m_clock).reviewRuns(was.id);
        QVERIFY_OK(runs);
        QVERIFY(runs->isEmpty());
    }

    void systemActorMayNotComplete()
    {
        auto got = commands().completeReview(Actor::system(u"sync"_s), ReviewCadence::Weekly, {}, {});
        QVERIFY(!got);
        QCOMPARE(got.error().code, ErrorCode::PermissionDenied);
    }

    void completeRecordsRunMovesDueAndAudits()
    {
        QVERIFY_OK(commands().assignOwner(as(u"olivia"_s), ReviewCadence::Weekly, m_users[u"omar"_s].id));
        const QDate due = schedule(ReviewCadence::Weekly).nextDue;
        QCOMPARE(due, QDate(2026, 3, 9));
        // Omar does it on Tuesday 10 March (a day late), 09:00 New York.
        m_clock->setNow(QDateTime(QDate(2026, 3, 10), QTime(13, 0), Qt::UTC));
        const QJsonObject findings{{u"counts"_s, QJsonObject{{u"failed_syncs"_s, 2}, {u"new_duplicates"_s, 1}}},
                                   {u"failed_syncs"_s, QJsonArray{}}};
        auto run = commands().completeReview(as(u"omar"_s), ReviewCadence::Weekly, findings,
                                             u"  retried both; merged the Wus  "_s);
        QVERIFY_OK(run);
        QVERIFY(run->id > 0);
        QCOMPARE(run->completedByUserId, m_users[u"omar"_s].id);
        QCOMPARE(run->completedAt, m_clock->nowUtc());

        const ReviewSchedule after = schedule(ReviewCadence::Weekly);
        QCOMPARE(after.nextDue, QDate(2026, 3, 16));
        QCOMPARE(after.lastCompletedAt, m_clock->nowUtc());

        auto runs = Store::OperationsRepository(*m_db, *m_clock).reviewRuns(after.id);
        QVERIFY_OK(runs);
        QCOMPARE(runs->size(), 1);
        const QJsonObject stored = json(runs->first().findingsJson.toUtf8());
        QCOMPARE(stored.value(u"cadence"_s).toString(), u"weekly"_s);
        QCOMPARE(stored.value(u"due"_s).toString(), u"2026-03-09"_s);
        QCOMPARE(stored.value(u"note"_s).toString(), u"retried both; merged the Wus"_s);
        QCOMPARE(stored.value(u"findings"_s).toObject(), findings);

        auto recent = AuditLog(*m_db, *m_clock).recent(1);
        QVERIFY_OK(recent);
        const AuditEntry e = recent->first();
        QCOMPARE(e.actor, u"omar"_s);
        QCOMPARE(e.actorRole, u"office_manager"_s);
        QCOMPARE(e.action, u"review.complete"_s);
        QCOMPARE(e.entityId, u"weekly"_s);
        QCOMPARE(json(e.beforeJson),
                 (QJsonObject{{u"next_due"_s, u"2026-03-09"_s}, {u"last_completed_at"_s, QJsonValue::Null}}));
        QCOMPARE(json(e.afterJson),
                 (QJsonObject{{u"run_id"_s, run->id},
                              {u"completed_by"_s, u"omar"_s},
                              {u"completed_at"_s, u"2026-03-10T13:00:00.000Z"_s},
                              {u"due"_s, u"2026-03-09"_s},
                              {u"next_due"_s, u"2026-03-16"_s},
                              {u"counts"_s, QJsonObject{{u"failed_syncs"_s, 2}, {u"new_duplicates"_s, 1}}},
                              {u"note"_s, u"retried both; merged the Wus"_s}}));
        auto verified = AuditLog(*m_db, *m_clock).verify();
        QVERIFY_OK(verified);
        QVERIFY(verified->ok);

        auto view = loadReviewSchedule(*m_db, m_clock->nowUtc(), kZone);
        QVERIFY_OK(view);
        const ScheduleEntry *w = view->entry(ReviewCadence::Weekly);
        QCOMPARE(w->lastCompletedByName, u"Omar"_s);
        QCOMPARE(w->lastCompletedAt, m_clock->nowUtc());
        QCOMPARE(toString(w->state), u"upcoming"_s);
    }

    void ownerMayStandIn()
    {
        QVERIFY_OK(commands().assignOwner(as(u"olivia"_s), ReviewCadence::Quarterly, m_users[u"bea"_s].id));
        auto run = commands().completeReview(as(u"olivia"_s), ReviewCadence::Quarterly, {}, u"Bea away"_s);
        QVERIFY_OK(run);
        QCOMPARE(run->completedByUserId, m_users[u"olivia"_s].id);
        QCOMPARE(schedule(ReviewCadence::Quarterly).nextDue, QDate(2026, 7, 1));
    }

    void longOverdueMovesToTheNextFutureDate()
    {
        QVERIFY_OK(commands().assignOwner(as(u"olivia"_s), ReviewCadence::Weekly, m_users[u"omar"_s].id));
        // Five weeks later (Friday 10 April), nobody having done it.
        m_clock->setNow(QDateTime(QDate(2026, 4, 10), QTime(15, 0), Qt::UTC));
        QVERIFY_OK(commands().completeReview(as(u"omar"_s), ReviewCadence::Weekly, {}, {}));
        QCOMPARE(schedule(ReviewCadence::Weekly).nextDue, QDate(2026, 4, 13));
    }

    // Two desktops loaded the same due review; the second one to record it is
    // told, and nothing is written twice.
    void secondCompletionOfTheSameDueIsAConflict()
    {
        QVERIFY_OK(commands().assignOwner(as(u"olivia"_s), ReviewCadence::Weekly, m_users[u"omar"_s].id));
        const ReviewSchedule s = schedule(ReviewCadence::Weekly);
        Store::OperationsRepository ops(*m_db, *m_clock);
        ReviewRun first;
        first.scheduleId = s.id;
        first.completedByUserId = m_users[u"omar"_s].id;
        QVERIFY_OK(ops.completeReview(first, QDate(2026, 3, 16), s.nextDue));
        auto second = ops.completeReview(first, QDate(2026, 3, 16), s.nextDue);
        STORE_VERIFY_ERROR(second, ErrorCode::Conflict);
        auto runs = ops.reviewRuns(s.id);
        QVERIFY_OK(runs);
        QCOMPARE(runs->size(), 1);
    }

    void countsOfFallsBackToTopLevelNumbers()
    {
        QCOMPARE(ReviewCommands::countsOf(QJsonObject{{u"mismatches"_s, 3}, {u"month"_s, u"2026-02"_s}}),
                 (QJsonObject{{u"mismatches"_s, 3}}));
        QCOMPARE(ReviewCommands::countsOf(QJsonObject{{u"counts"_s, QJsonObject{{u"a"_s, 1}}}, {u"b"_s, 2}}),
                 (QJsonObject{{u"a"_s, 1}}));
    }

    void tooLongNoteIsRefused()
    {
        QVERIFY_OK(commands().assignOwner(as(u"olivia"_s), ReviewCadence::Weekly, m_users[u"omar"_s].id));
        auto got = commands().completeReview(as(u"omar"_s), ReviewCadence::Weekly, {}, QString(2001, u'x'));
        QVERIFY(!got);
        QCOMPARE(got.error().code, ErrorCode::InvalidArgument);
    }

    // Team mode: PostgreSQL itself (schema 8's guard) lets only owners name a
    // review's owner, whatever a modified client sends; completing, which
    // only moves next_due, stays open to the roles that may complete reviews.
    void postgresGuardLetsOnlyOwnersNameOwners()
    {
        if (!onPostgres())
            QSKIP("PostgreSQL roles only; Concord's own check is tested above on both engines");
        const QString suffix = m_db->url().database.section(u'_', 1);
        QVERIFY(!suffix.isEmpty());
        const QString olivia = u"olivia_rv_"_s + suffix;
        const QString omar = u"omar_rv_"_s + suffix;
        const auto cleanupRoles = qScopeGuard([&] {
            for (const QString &role : {olivia, omar}) {
                (void)m_db->scalar(u"SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = ?"_s,
                                   {role});
                (void)m_db->execDirect(u"DROP ROLE IF EXISTS %1"_s.arg(role));
            }
        });
        QVERIFY_OK(m_db->scalar(u"SELECT concord_create_user(?, ?, 'owner', ?)"_s,
                                {olivia, u"Olivia"_s, scramSha256Verifier(u"olivia-secret"_s)}));
        QVERIFY_OK(m_db->scalar(u"SELECT concord_create_user(?, ?, 'office_manager', ?)"_s,
                                {omar, u"Omar"_s, scramSha256Verifier(u"omar-secret"_s)}));
        const auto signIn = [&](const QString &who, const QString &password) -> std::unique_ptr<Store::Database> {
            Store::StoreUrl url = m_db->url();
            url.user = who;
            url.password = password;
            auto db = Store::Database::open(url);
            if (!db) {
                qWarning().noquote() << db.error().toString();
                return nullptr;
            }
            return std::move(*db);
        };
        auto omarDb = signIn(omar, u"omar-secret"_s);
        QVERIFY(omarDb);
        auto omarUser = Store::UserRepository(*omarDb).byUsername(omar);
        QVERIFY_OK(omarUser);

        // Seeding (no owner) is open to him; naming an owner is not, even raw.
        QVERIFY_OK(seedMissingSchedules(*omarDb, kNow, kZone));
        auto raw = Store::OperationsRepository(*omarDb).setReviewOwner(ReviewCadence::Weekly, omarUser->id);
        STORE_VERIFY_ERROR(raw, ErrorCode::PermissionDenied);
        QCOMPARE(schedule(ReviewCadence::Weekly).ownerUserId, 0);

        auto oliviaDb = signIn(olivia, u"olivia-secret"_s);
        QVERIFY(oliviaDb);
        QVERIFY_OK(ReviewCommands(*oliviaDb, *m_clock, kZone)
                       .assignOwner(Actor::user(olivia, Role::Owner), ReviewCadence::Weekly, omarUser->id));
        auto done = ReviewCommands(*omarDb, *m_clock, kZone)
                        .completeReview(Actor::user(omar, Role::OfficeManager), ReviewCadence::Weekly, {},
                                        u"as omar"_s);
        QVERIFY_OK(done);
        QCOMPARE(schedule(ReviewCadence::Weekly).nextDue, QDate(2026, 3, 16));
        omarDb.reset();
        oliviaDb.reset();
    }
};

QTEST_GUILESS_MAIN(TestReviewCommands)
#include "tst_reviewcommands.moc"
