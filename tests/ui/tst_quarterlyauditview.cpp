// The quarterly audit view: "Run audit" asks once and waits, the answer
// fills three tabs (counts in the titles, tiles, tables), sizes read as
// KiB/MiB, empty states say what a clean result means, a failure shows in
// the banner and keeps the last audit, and without a signed-in actor the
// button is disabled with the reason. Every model runs under
// QAbstractItemModelTester. Pictures for a person to look at:
// CONCORD_UI_RENDER_DIR=/tmp ctest -R quarterlyauditview
#include "quarterlyauditmodels.h"
#include "quarterlyauditview.h"
#include "theme.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Review;
using namespace Concord::Ui;

namespace {

const QDateTime kNow(QDate(2026, 3, 31), QTime(9, 0), Qt::UTC);

QuarterlyAudit sampleAudit()
{
    QuarterlyAudit a;
    a.generatedAt = kNow;
    a.mappings.since = kNow.addDays(-91);
    a.mappings.fieldMappingCount = 9;
    a.mappings.statusMappingCount = 6;
    a.mappings.changed = {
        {ChangedMapping::Kind::Field, 4, u"phone"_s, u"Cal.com → HubSpot (authority Cal.com)"_s, u"mia"_s,
         kNow.addDays(-12), 57, u"mapping.field.update"_s, u"mia"_s},
        {ChangedMapping::Kind::Status, 2, u"money/overdue"_s, u"HubSpot: create_task Follow up {invoice}"_s,
         u"bea"_s, kNow.addDays(-40), 0, {}, {}},
    };
    a.mappings.unused = {{7, u"deposit"_s, Domain::System::HubSpot, UnusedMapping::Reason::NothingCarried,
                          u"No invoice record was delivered to HubSpot since the last review."_s}};
    a.mappings.conflicts = {{AuthorityConflict::Kind::Field, u"email"_s, {1, 8},
                             u"email has two systems of record: Cal.com and HubSpot."_s}};
    a.permissions.users = {
        {1, u"olga"_s, u"Olga Berg"_s, Domain::Role::Owner, true, kNow.addDays(-1),
         {Security::Permission::View, Security::Permission::ManageUsers}},
        {2, u"bea"_s, u"Bea Lind"_s, Domain::Role::Bookkeeper, true, kNow.addDays(-100),
         {Security::Permission::View, Security::Permission::EditBilling}},
        {3, u"vic"_s, u"vic"_s, Domain::Role::Viewer, true, QDateTime(), {Security::Permission::View}},
    };
    a.permissions.findings = {
        {PermissionFinding::Kind::NeverSignedIn, u"vic"_s, u"vic has never signed in: remove the account if nobody uses it."_s},
        {PermissionFinding::Kind::NotSignedInRecently, u"bea"_s, u"bea last signed in 100 days ago (limit 90)."_s},
    };
    a.storage.directory = u"/home/olga/.cache/concord/pdf"_s;
    a.storage.retentionDays = 365;
    a.storage.cachedCount = 212;
    a.storage.cachedBytes = 14'811'136;
    a.storage.expiredCount = 3;
    a.storage.expiredBytes = 196'608;
    a.storage.orphanFiles = {u"/home/olga/.cache/concord/pdf/ff/stray.pdf"_s};
    a.storage.orphanBytes = 70'000;
    a.storage.crmScanned = true;
    a.storage.crmFilesScanned = 41;
    a.storage.duplicates = {{u"ab12"_s, 17, u"1042"_s, u"cus_ada"_s,
                             {{u"118000000001"_s, u"Invoice 1042.pdf"_s, 65'536, u"ab12"_s, kNow, {u"901"_s},
                               {u"contact 101"_s}}},
                             65'536,
                             u"Invoice 1042's PDF is stored in HubSpot 1 time(s). Keep the link, delete the copies in "
                             "HubSpot by hand."_s}};
    a.storage.wastedBytes = 65'536;
    return a;
}

} // namespace

class TestQuarterlyAuditView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Theme::initResources(); }

    void modelsUnderTester()
    {
        const QuarterlyAudit audit = sampleAudit();
        ChangedMappingsModel changed;
        QAbstractItemModelTester t1(&changed, QAbstractItemModelTester::FailureReportingMode::QtTest);
        changed.setChanges(audit.mappings.changed);
        QCOMPARE(changed.rowCount(), 2);
        QCOMPARE(changed.index(0, ChangedMappingsModel::Subject).data().toString(), u"Field phone"_s);
        QCOMPARE(changed.index(0, ChangedMappingsModel::ChangedAt).data().toDateTime(), kNow.addDays(-12));
        QCOMPARE(changed.index(0, ChangedMappingsModel::AuditEntry).data().toString(),
                 u"#57 mapping.field.update by mia"_s);
        QCOMPARE(changed.index(1, ChangedMappingsModel::AuditEntry).data().toString(), u"none"_s);
        QCOMPARE(changed.index(1, 0).data(ChangedMappingsModel::IdRole).toLongLong(), 2);

        UserAccessModel users;
        QAbstractItemModelTester t2(&users, QAbstractItemModelTester::FailureReportingMode::QtTest);
        users.setUsers(audit.permissions.users);
        QCOMPARE(users.index(0, UserAccessModel::User).data().toString(), u"Olga Berg (olga)"_s);
        QCOMPARE(users.index(0, UserAccessModel::Role).data().toString(), u"owner"_s);
        QCOMPARE(users.index(1, UserAccessModel::Permissions).data().toString(), u"edit billing rules"_s);
        QCOMPARE(users.index(2, UserAccessModel::User).data().toString(), u"vic"_s);
        QCOMPARE(users.index(2, UserAccessModel::LastSignIn).data().toString(), u"never"_s);
        QCOMPARE(users.index(2, UserAccessModel::Permissions).data().toString(), u"view only"_s);

        DuplicateGroupsModel groups;
        QAbstractItemModelTester t3(&groups, QAbstractItemModelTester::FailureReportingMode::QtTest);
        groups.setGroups(audit.storage.duplicates);
        QCOMPARE(groups.index(0, DuplicateGroupsModel::Invoice).data().toString(), u"Invoice 1042"_s);
        QCOMPARE(groups.index(0, DuplicateGroupsModel::HubSpotFiles).data().toString(),
                 u"Invoice 1042.pdf (118000000001)"_s);
        QCOMPARE(groups.index(0, DuplicateGroupsModel::AttachedTo).data().toString(), u"note 901, contact 101"_s);
        QCOMPARE(groups.index(0, DuplicateGroupsModel::Wasted).data().toString(), u"64.0 KiB"_s);
        QCOMPARE(groups.index(0, DuplicateGroupsModel::Wasted).data(Qt::UserRole).toLongLong(), 65536);

        AuditFindingsModel findings;
        QAbstractItemModelTester t4(&findings, QAbstractItemModelTester::FailureReportingMode::QtTest);
        findings.setRows(AuditFindingsModel::storageRows(audit.storage));
        const QList<AuditFindingRow> expected{
            {u"Past retention"_s, u"3 cached PDF(s)"_s,
             u"192.0 KiB kept beyond the 365-day retention; the next purge removes them."_s},
            {u"Orphan file"_s, u"/home/olga/.cache/concord/pdf/ff/stray.pdf"_s,
             u"No cached invoice names this file: it can be deleted from the cache folder."_s},
        };
        QCOMPARE(findings.rows(), expected);
        findings.setRows(AuditFindingsModel::mappingRows(audit.mappings));
        QCOMPARE(findings.rowCount(), 2);
        QCOMPARE(findings.index(0, AuditFindingsModel::Finding).data().toString(), u"Conflicting authority"_s);
        QCOMPARE(findings.index(1, AuditFindingsModel::Subject).data().toString(), u"deposit → HubSpot"_s);
        findings.setRows({});
        QCOMPARE(findings.rowCount(), 0);
    }

    void runAsksOnceAndWaits()
    {
        QuarterlyAuditView view;
        QSignalSpy asked(&view, &QuarterlyAuditView::auditRequested);
        auto *button = view.findChild<QPushButton *>(u"runAuditButton"_s);
        QVERIFY(button);
        QVERIFY(!button->isEnabled()); // nobody signed in
        QCOMPARE(button->toolTip(), u"Sign in to run the audit."_s);
        view.requestAudit();
        QCOMPARE(asked.count(), 0);

        view.setActor(Domain::Role::Viewer, u"vic"_s); // View is enough: the audit changes nothing
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(asked.count(), 1);
        QVERIFY(view.isRunning());
        QVERIFY(!button->isEnabled());
        QCOMPARE(button->text(), u"Running…"_s);
        view.requestAudit();
        QCOMPARE(asked.count(), 1);

        view.showFailure(u"HubSpot: the token was refused"_s);
        QVERIFY(!view.isRunning());
        QVERIFY(button->isEnabled());
        QCOMPARE(view.failureText(), u"The audit could not be made: HubSpot: the token was refused"_s);
        QCOMPARE(view.statusText(), u"No audit yet."_s);

        view.setAudit(sampleAudit());
        QCOMPARE(view.failureText(), QString());
        view.showFailure(u"database locked"_s);
        // The last audit stays on screen under the failure.
        QCOMPARE(view.usersModel()->rowCount(), 3);
        QVERIFY(view.statusText().contains(u"finding"_s));
    }

    void fillsTabsAndEmptyStates()
    {
        QuarterlyAuditView view;
        view.setActor(Domain::Role::Owner, u"olga"_s);
        QVERIFY(view.isShowingEmptyState(view.duplicatesModel()));
        QCOMPARE(view.emptyStateText(view.duplicatesModel()), u"Run the audit to fill this in."_s);
        QCOMPARE(view.statusText(), u"No audit yet. Run one to see this quarter's findings."_s);

        view.setAudit(sampleAudit());
        QCOMPARE(view.tabTitle(QuarterlyAuditView::MappingsTab), u"Mappings (2)"_s);
        QCOMPARE(view.tabTitle(QuarterlyAuditView::PermissionsTab), u"Permissions (2)"_s);
        QCOMPARE(view.tabTitle(QuarterlyAuditView::StorageTab), u"Storage (3)"_s);
        QCOMPARE(view.statusText(), u"Audit of 2026-03-31 09:00:00: 7 finding(s) to look at."_s);
        QCOMPARE(view.storageSummary(),
                 u"Cache /home/olga/.cache/concord/pdf: 212 PDF(s), 14.1 MiB. Retention 365 day(s); 192.0 KiB past "
                 "it. 1 orphan file(s), 68.4 KiB. HubSpot: 41 PDF(s) compared by SHA-256, 64.0 KiB wasted."_s);
        for (QAbstractItemModel *m : {view.changedModel(), view.mappingFindingsModel(), view.usersModel(),
                                      view.permissionFindingsModel(), view.duplicatesModel(), view.storageFindingsModel()})
            QVERIFY(!view.isShowingEmptyState(m));

        // A clean quarter: every table says what "nothing" means.
        QuarterlyAudit clean;
        clean.generatedAt = kNow;
        clean.storage.retentionDays = 365;
        view.setAudit(clean);
        QCOMPARE(view.statusText(), u"Audit of 2026-03-31 09:00:00: nothing to act on."_s);
        QVERIFY(view.isShowingEmptyState(view.duplicatesModel()));
        QCOMPARE(view.emptyStateText(view.duplicatesModel()), u"No invoice PDF is stored twice in HubSpot."_s);
        QCOMPARE(view.emptyStateText(view.permissionFindingsModel()),
                 u"One owner, edit rights only where needed, and everyone signed in lately."_s);
        QCOMPARE(view.tabTitle(QuarterlyAuditView::StorageTab), u"Storage (0)"_s);
        QVERIFY(view.storageSummary().contains(u"HubSpot was not scanned (not connected)."_s));
        QVERIFY(view.storageSummary().startsWith(u"No PDF cache folder is configured."_s));
    }

    void renders()
    {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        QString dir = qEnvironmentVariable("CONCORD_UI_RENDER_DIR");
        if (dir.isEmpty())
            dir = scratch.path();
        Theme::apply(*qApp);
        QuarterlyAuditView view;
        view.resize(964, 760);
        view.setActor(Domain::Role::Owner, u"olga"_s);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.grab().save(QDir(dir).filePath(u"quarterlyaudit-empty.png"_s)));
        view.setAudit(sampleAudit());
        for (auto tab : {QuarterlyAuditView::MappingsTab, QuarterlyAuditView::PermissionsTab,
                         QuarterlyAuditView::StorageTab}) {
            view.setCurrentTab(tab);
            QVERIFY(view.grab().save(QDir(dir).filePath(u"quarterlyaudit-%1.png"_s.arg(int(tab)))));
        }
        view.showFailure(u"HubSpot: the token was refused"_s);
        QVERIFY(view.grab().save(QDir(dir).filePath(u"quarterlyaudit-failure.png"_s)));
    }
};

QTEST_MAIN(TestQuarterlyAuditView)
#include "tst_quarterlyauditview.moc"
