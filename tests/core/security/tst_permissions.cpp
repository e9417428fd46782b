#include "domainprinters.h"
#include "security/permissions.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Security;
using Concord::Domain::Role;

Q_DECLARE_METATYPE(Concord::Security::Permission)
Q_DECLARE_METATYPE(Concord::Domain::Role)

class TestPermissions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The whole matrix, spelled out: a change to who may do what must change this table.
    void matrix_data()
    {
        QTest::addColumn<Role>("role");
        QTest::addColumn<QList<Permission>>("granted");
        QTest::newRow("owner") << Role::Owner << allPermissions();
        QTest::newRow("office manager")
            << Role::OfficeManager
            << QList<Permission>{Permission::View, Permission::EditBookings, Permission::ProposeMerge,
                                 Permission::ManageRetryQueue, Permission::EditMappings, Permission::CompleteReviews};
        QTest::newRow("bookkeeper") << Role::Bookkeeper
                                    << QList<Permission>{Permission::View, Permission::EditBilling,
                                                         Permission::EditMappings, Permission::CompleteReviews};
        QTest::newRow("viewer") << Role::Viewer << QList<Permission>{Permission::View};
    }

    void matrix()
    {
        QFETCH(Role, role);
        QFETCH(QList<Permission>, granted);
        for (Permission p : allPermissions()) {
            const bool expected = granted.contains(p);
            QVERIFY2(roleHas(role, p) == expected, qPrintable(toString(p)));
            const auto verdict = authorize(Actor::user(u"someone"_s, role), p);
            QCOMPARE(bool(verdict), expected);
            if (!expected)
                QCOMPARE(verdict.error().code, ErrorCode::PermissionDenied);
        }
    }

    void refusalNamesActorActionAndAllowedRoles()
    {
        const auto verdict = authorize(Actor::user(u"bea"_s, Role::Bookkeeper), Permission::ApproveMerge);
        QVERIFY(!verdict);
        QCOMPARE(verdict.error().message, u"bookkeeper 'bea' may not approve merges (allowed: owner)"_s);

        const auto retry = authorize(Actor::user(u"vic"_s, Role::Viewer), Permission::ManageRetryQueue);
        QVERIFY(!retry);
        QCOMPARE(retry.error().message,
                 u"viewer 'vic' may not manage the retry queue (allowed: owner, office manager)"_s);
    }

    void systemActorsNeedAPersonForMergesAndUsers()
    {
        const Actor sync = Actor::system(u"sync"_s);
        QCOMPARE(sync.username, u"system:sync"_s);
        QVERIFY(authorize(sync, Permission::EditBookings));
        QVERIFY(authorize(sync, Permission::EditBilling));
        QVERIFY(authorize(sync, Permission::ManageRetryQueue));
        for (Permission p : {Permission::ApproveMerge, Permission::ManageUsers, Permission::ScheduleReviews,
                             Permission::ChangeIntegrationMode}) {
            const auto verdict = authorize(sync, p);
            QVERIFY(!verdict);
            QCOMPARE(verdict.error().code, ErrorCode::PermissionDenied);
            QVERIFY(verdict.error().message.contains(u"needs a person"_s));
        }
    }

    void anonymousActorIsRefused()
    {
        QVERIFY(!authorize(Actor{}, Permission::View));
    }

    void namesAreStable()
    {
        QStringList names;
        for (Permission p : allPermissions())
            names << toString(p);
        QCOMPARE(names, (QStringList{u"view"_s, u"edit_bookings"_s, u"edit_billing"_s, u"propose_merge"_s,
                                     u"approve_merge"_s, u"manage_retry_queue"_s, u"edit_mappings"_s,
                                     u"manage_users"_s, u"complete_reviews"_s, u"schedule_reviews"_s,
                                     u"change_integration_mode"_s}));
    }
};

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
