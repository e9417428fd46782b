// The Reviews page (ui/reviewspage.h) and its model and dialogs: the model
// under QAbstractItemModelTester, state words and colours, buttons by role
// and by who owns the review (with the reason in the tooltip), the assign and
// complete dialogs answered in place, the weekly findings' three sections
// with counts and empty states, extra review tabs, and a rendering to PNG.

#include "reviewdialogs.h"
#include "reviewsmodel.h"
#include "reviewspage.h"
#include "theme.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Review;
using namespace Concord::Ui;

Q_DECLARE_METATYPE(Concord::Domain::ReviewCadence)

namespace {

ScheduleEntry entry(ReviewCadence cadence, qint64 ownerId, const QString &owner, const QDate &due, int daysUntil,
                    ReviewState timing)
{
    ScheduleEntry e;
    e.scheduleId = int(cadence) + 1;
    e.cadence = cadence;
    e.ownerUserId = ownerId;
    e.ownerUsername = owner;
    e.ownerDisplayName = owner.isEmpty() ? QString() : owner.at(0).toUpper() + owner.mid(1) + QStringLiteral(" Lee");
    e.nextDue = due;
    e.overdueFrom = due.addDays(overdueGraceDays(cadence) + 1);
    e.daysUntilDue = daysUntil;
    e.timing = timing;
    e.state = ownerId == 0 ? ReviewState::NoOwner : timing;
    return e;
}

// Tuesday 10 March 2026 in New York: weekly (Omar) due yesterday, monthly
// (Bea) upcoming, quarterly without an owner.
ReviewScheduleView sampleSchedule()
{
    ReviewScheduleView v;
    v.today = QDate(2026, 3, 10);
    v.zoneId = QStringLiteral("America/New_York");
    ScheduleEntry weekly = entry(ReviewCadence::Weekly, 2, QStringLiteral("omar"), QDate(2026, 3, 9), -1,
                                 ReviewState::Due);
    weekly.lastCompletedAt = QDateTime(QDate(2026, 3, 2), QTime(14, 5), Qt::UTC);
    weekly.lastCompletedByUserId = 2;
    weekly.lastCompletedByName = QStringLiteral("Omar Lee");
    v.entries = {weekly,
                 entry(ReviewCadence::Monthly, 3, QStringLiteral("bea"), QDate(2026, 4, 1), 22, ReviewState::Upcoming),
                 entry(ReviewCadence::Quarterly, 0, {}, QDate(2026, 4, 1), 22, ReviewState::Upcoming)};
    return v;
}

QList<User> sampleUsers()
{
    const auto user = [](qint64 id, const QString &name, const QString &display, Role role, bool active = true) {
        User u;
        u.id = id;
        u.username = name;
        u.displayName = display;
        u.role = role;
        u.active = active;
        return u;
    };
    return {user(1, QStringLiteral("olivia"), QStringLiteral("Olivia Owner"), Role::Owner),
            user(2, QStringLiteral("omar"), QStringLiteral("Omar Lee"), Role::OfficeManager),
            user(3, QStringLiteral("bea"), QStringLiteral("Bea Lee"), Role::Bookkeeper),
            user(4, QStringLiteral("vic"), QStringLiteral("Vic Viewer"), Role::Viewer),
            user(5, QStringLiteral("gone"), QStringLiteral("Gone Away"), Role::OfficeManager, false)};
}

WeeklyFindings sampleFindings()
{
    WeeklyFindings f;
    f.computedAt = QDateTime(QDate(2026, 3, 10), QTime(17, 0), Qt::UTC);
    f.since = QDateTime(QDate(2026, 3, 2), QTime(14, 5), Qt::UTC);
    f.hubspot = HubSpotCheck::Checked;
    f.hubspotNote = QStringLiteral("checked 4 HubSpot records live");
    FailedSync s;
    s.jobId = 41;
    s.system = System::QuickBooks;
    s.operation = QStringLiteral("quickbooks.customer.ensure");
    s.entityType = QStringLiteral("customer");
    s.entityId = QStringLiteral("cus_ana");
    s.clientName = QStringLiteral("Ana Lima");
    s.errorCode = QStringLiteral("DuplicateName");
    s.errorMessage = QStringLiteral("Another customer uses the name 'Ana Lima'");
    s.attempts = 3;
    s.queuedAt = f.computedAt.addDays(-3);
    s.failedAt = f.computedAt.addDays(-3).addSecs(600);
    s.ageSeconds = 3 * 86400;
    f.failedSyncs = {s};
    NewDuplicate d;
    d.candidateId = 7;
    d.customerA = QStringLiteral("cus_dan");
    d.nameA = QStringLiteral("Dan Wu");
    d.customerB = QStringLiteral("cus_dana");
    d.nameB = QStringLiteral("Dana Wu");
    d.scorePermille = 920;
    d.foundAt = f.computedAt.addDays(-2);
    f.newDuplicates = {d};
    CanceledAppointment c;
    c.appointmentId = 318;
    c.calcomUid = QStringLiteral("uid-318");
    c.customerId = QStringLiteral("cus_dan");
    c.clientName = QStringLiteral("Dan Wu");
    c.startUtc = QDateTime(QDate(2026, 3, 8), QTime(20, 0), Qt::UTC);
    c.zoneId = QStringLiteral("America/New_York");
    c.title = QStringLiteral("Algebra");
    OpenItem invoice{OpenItemKind::OpenInvoice, System::QuickBooks, QStringLiteral("INV-1042 (QuickBooks 130)"),
                     QStringLiteral("balance 80.00 USD, invoiced"),
                     QStringLiteral("In QuickBooks, void invoice INV-1042")};
    OpenItem deal{OpenItemKind::OpenDeal, System::HubSpot, QStringLiteral("5011"),
                  QStringLiteral("\"Wu – Algebra\" in stage appointmentscheduled"),
                  QStringLiteral("In HubSpot, move deal 5011 to closedlost")};
    c.items = {invoice, deal};
    CanceledAppointment closed = c;
    closed.appointmentId = 319;
    closed.items.clear();
    f.canceled = {c, closed};
    return f;
}

// Answers the page's dialogs in place: keeps the last one presented.
class DialogCatcher
{
public:
    explicit DialogCatcher(ReviewsPage &page)
    {
        page.setDialogPresenter([this](QDialog *dialog) {
            m_last = dialog;
            ++m_count;
        });
    }
    [[nodiscard]] QDialog *last() const { return m_last; }
    [[nodiscard]] int count() const { return m_count; }
    [[nodiscard]] QPushButton *confirm() const
    {
        return m_last ? m_last->findChild<QPushButton *>(QStringLiteral("confirmButton")) : nullptr;
    }

private:
    QPointer<QDialog> m_last;
    int m_count = 0;
};

} // namespace

class TestReviewsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        Theme::initResources();
    }

    void modelPassesTester()
    {
        ReviewsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSchedule(sampleSchedule());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(ReviewsModel::ColumnCount));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        ReviewScheduleView later = sampleSchedule();
        later.entries[0].state = ReviewState::Overdue;
        later.entries[0].timing = ReviewState::Overdue;
        later.entries[0].daysUntilDue = -4;
        model.setSchedule(later); // same rows: cells change in place
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        model.setSchedule({}); // shape changes: a reset
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 0);
    }

    void cellsInWords()
    {
        ReviewsModel model;
        model.setSchedule(sampleSchedule());
        const auto text = [&](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(text(0, ReviewsModel::Cadence), QStringLiteral("Weekly"));
        QCOMPARE(text(0, ReviewsModel::Owner), QStringLiteral("Omar Lee"));
        QCOMPARE(text(0, ReviewsModel::NextDue), QStringLiteral("Mon 9 Mar 2026"));
        QCOMPARE(text(0, ReviewsModel::State), QStringLiteral("Due since yesterday"));
        // 14:05 UTC is 09:05 in New York (EST), the business's zone.
        QCOMPARE(text(0, ReviewsModel::LastCompleted), QStringLiteral("Mon 2 Mar 2026 09:05 by Omar Lee"));
        QCOMPARE(text(1, ReviewsModel::State), QStringLiteral("In 22 days"));
        QCOMPARE(text(2, ReviewsModel::Owner), QStringLiteral("Nobody yet"));
        QCOMPARE(text(2, ReviewsModel::State), QStringLiteral("No owner"));
        QCOMPARE(text(2, ReviewsModel::LastCompleted), QStringLiteral("Never"));
        QCOMPARE(model.index(0, 0).data(ReviewsModel::ToneRole).toInt(), int(Theme::Tone::Warning));
        QCOMPARE(model.index(1, 0).data(ReviewsModel::ToneRole).toInt(), int(Theme::Tone::Good));
        QCOMPARE(model.index(2, 0).data(ReviewsModel::ToneRole).toInt(), int(Theme::Tone::Bad));
        QCOMPARE(model.index(0, 0).data(ReviewsModel::IdRole).toLongLong(), 1);
        QVERIFY(!model.index(0, ReviewsModel::State).data(Qt::DecorationRole).value<QPixmap>().isNull());
        QCOMPARE(model.index(0, ReviewsModel::State).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Counts as overdue from Thu 12 Mar (2 days of grace)."));
    }

    void stateText_data()
    {
        QTest::addColumn<int>("timing");
        QTest::addColumn<int>("days");
        QTest::addColumn<QString>("text");
        QTest::newRow("tomorrow") << int(ReviewState::Upcoming) << 1 << QStringLiteral("Due tomorrow");
        QTest::newRow("today") << int(ReviewState::Due) << 0 << QStringLiteral("Due today");
        QTest::newRow("two days ago") << int(ReviewState::Due) << -2 << QStringLiteral("Due 2 days ago");
        QTest::newRow("overdue") << int(ReviewState::Overdue) << -5 << QStringLiteral("Overdue by 5 days");
    }

    void stateText()
    {
        QFETCH(int, timing);
        QFETCH(int, days);
        QFETCH(QString, text);
        ScheduleEntry e = entry(ReviewCadence::Weekly, 2, QStringLiteral("omar"), QDate(2026, 3, 9), days,
                                ReviewState(timing));
        QCOMPARE(ReviewsModel::stateText(e), text);
    }

    void buttonsByRole_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<QString>("username");
        QTest::addColumn<int>("cadence");
        QTest::addColumn<bool>("canAssign");
        QTest::addColumn<bool>("canComplete");
        QTest::addColumn<QString>("completeTip");
        const int weekly = int(ReviewCadence::Weekly);
        const int quarterly = int(ReviewCadence::Quarterly);
        QTest::newRow("owner: weekly") << int(Role::Owner) << QStringLiteral("olivia") << weekly << true << true
                                       << QStringLiteral("Record that the selected review was done.");
        QTest::newRow("owner: no-owner quarterly") << int(Role::Owner) << QStringLiteral("olivia") << quarterly
                                                   << true << true
                                                   << QStringLiteral("Record that the selected review was done.");
        QTest::newRow("omar: his weekly") << int(Role::OfficeManager) << QStringLiteral("omar") << weekly << false
                                          << true << QStringLiteral("Record that the selected review was done.");
        QTest::newRow("bea: omar's weekly") << int(Role::Bookkeeper) << QStringLiteral("bea") << weekly << false
                                            << false
                                            << QStringLiteral("This review is Omar Lee's to complete (or an "
                                                              "owner's).");
        QTest::newRow("omar: quarterly without owner")
            << int(Role::OfficeManager) << QStringLiteral("omar") << quarterly << false << false
            << QStringLiteral("This review has no owner yet: an owner names one first.");
        QTest::newRow("viewer") << int(Role::Viewer) << QStringLiteral("vic") << weekly << false << false
                                << QStringLiteral("Only an office manager, bookkeeper or owner can complete "
                                                  "reviews.");
    }

    void buttonsByRole()
    {
        QFETCH(int, role);
        QFETCH(QString, username);
        QFETCH(int, cadence);
        QFETCH(bool, canAssign);
        QFETCH(bool, canComplete);
        QFETCH(QString, completeTip);
        ReviewsPage page;
        page.setSchedule(sampleSchedule());
        page.setUsers(sampleUsers());
        page.setActor(Role(role), username);
        page.selectCadence(ReviewCadence(cadence));
        QCOMPARE(int(page.currentCadence()), cadence);
        QCOMPARE(page.assignButton()->isEnabled(), canAssign);
        if (!canAssign)
            QCOMPARE(page.assignButton()->toolTip(), QStringLiteral("Only an owner can name a review's owner."));
        QCOMPARE(page.completeButton()->isEnabled(), canComplete);
        QCOMPARE(page.completeButton()->toolTip(), completeTip);
    }

    void assignDialogAnswered()
    {
        ReviewsPage page;
        DialogCatcher dialogs(page);
        page.setSchedule(sampleSchedule());
        page.setUsers(sampleUsers());
        page.setActor(Role::Owner, QStringLiteral("olivia"));
        page.selectCadence(ReviewCadence::Monthly);
        QSignalSpy asked(&page, &ReviewsPage::assignOwnerRequested);
        QTest::mouseClick(page.assignButton(), Qt::LeftButton);
        QCOMPARE(dialogs.count(), 1);
        auto *dialog = qobject_cast<AssignOwnerDialog *>(dialogs.last());
        QVERIFY(dialog);
        QStringList offered;
        for (int i = 0; i < dialog->ownerCombo()->count(); ++i)
            offered << dialog->ownerCombo()->itemText(i);
        // Viewers and deactivated people cannot own a review.
        QCOMPARE(offered, (QStringList{QStringLiteral("Nobody"), QStringLiteral("Bea Lee (bookkeeper)"),
                                       QStringLiteral("Olivia Owner (owner)"),
                                       QStringLiteral("Omar Lee (office manager)")}));
        QCOMPARE(dialog->selectedUserId(), 3); // the current owner preselected
        QVERIFY(!dialogs.confirm()->isEnabled());
        dialog->ownerCombo()->setCurrentIndex(dialog->ownerCombo()->findData(qint64(2)));
        QVERIFY(dialogs.confirm()->isEnabled());
        QTest::mouseClick(dialogs.confirm(), Qt::LeftButton);
        QCOMPARE(asked.count(), 1);
        QCOMPARE(int(asked.first().at(0).value<ReviewCadence>()), int(ReviewCadence::Monthly));
        QCOMPARE(asked.first().at(1).toLongLong(), 2);
        QTRY_VERIFY(!dialogs.last()); // deleted on close
    }

    void completeDialogAnswered()
    {
        ReviewsPage page;
        DialogCatcher dialogs(page);
        page.setSchedule(sampleSchedule());
        page.setWeeklyFindings(sampleFindings());
        page.setActor(Role::OfficeManager, QStringLiteral("omar"));
        page.selectCadence(ReviewCadence::Weekly);
        QSignalSpy asked(&page, &ReviewsPage::completeRequested);
        QTest::mouseClick(page.completeButton(), Qt::LeftButton);
        auto *dialog = qobject_cast<CompleteReviewDialog *>(dialogs.last());
        QVERIFY(dialog);
        QCOMPARE(dialog->summaryText(),
                 QStringLiteral("Failed syncs: 1 (oldest waiting 3 days)\nNew duplicate candidates: 1\n"
                                "Canceled appointments that still look open: 1"));
        QTest::keyClicks(dialog->noteEdit(), QStringLiteral("Retried Ana; voided INV-1042."));
        QTest::mouseClick(dialogs.confirm(), Qt::LeftButton);
        QCOMPARE(asked.count(), 1);
        QCOMPARE(int(asked.first().at(0).value<ReviewCadence>()), int(ReviewCadence::Weekly));
        QCOMPARE(asked.first().at(1).toString(), QStringLiteral("Retried Ana; voided INV-1042."));

        // Cancel sends nothing.
        QTest::mouseClick(page.completeButton(), Qt::LeftButton);
        dialogs.last()->reject();
        QCOMPARE(asked.count(), 1);
    }

    void completeDialogBoundsTheNote()
    {
        CompleteReviewDialog dialog(ReviewCadence::Monthly, QStringLiteral("Wed 1 Apr 2026"), QString());
        QCOMPARE(dialog.summaryText(), QStringLiteral("No findings were loaded for this review."));
        dialog.noteEdit()->setPlainText(QString(CompleteReviewDialog::kMaxNoteLength + 1, u'x'));
        QVERIFY(!dialog.confirmButton()->isEnabled());
        dialog.noteEdit()->setPlainText(QStringLiteral("fine"));
        QVERIFY(dialog.confirmButton()->isEnabled());
    }

    void otherCadencesUseTheirSummary()
    {
        ReviewsPage page;
        page.setReviewSummary(ReviewCadence::Monthly, QStringLiteral("3 mismatches, 2 fixed"));
        QCOMPARE(page.summaryFor(ReviewCadence::Monthly), QStringLiteral("3 mismatches, 2 fixed"));
        QCOMPARE(page.summaryFor(ReviewCadence::Weekly), QString());
    }

    void emptyStates()
    {
        ReviewsPage page;
        WeeklyFindings none;
        none.computedAt = QDateTime(QDate(2026, 3, 10), QTime(17, 0), Qt::UTC);
        none.hubspotNote = QStringLiteral("not checked: HubSpot not connected");
        page.setWeeklyFindings(none);
        for (auto section : {ReviewsPage::Section::FailedSyncs, ReviewsPage::Section::NewDuplicates,
                             ReviewsPage::Section::CanceledStillOpen})
            QVERIFY(page.isSectionEmpty(section));
        QCOMPARE(page.sectionTitle(ReviewsPage::Section::FailedSyncs), QStringLiteral("Failed syncs · 0"));
        QCOMPARE(page.sectionEmptyText(ReviewsPage::Section::FailedSyncs),
                 QStringLiteral("No failed syncs: every change arrived."));
        QCOMPARE(page.sectionEmptyText(ReviewsPage::Section::NewDuplicates),
                 QStringLiteral("No new duplicate candidates since the last weekly review."));
        QCOMPARE(page.hubspotNoteText(),
                 QStringLiteral("HubSpot deals and tasks were not checked: HubSpot is not connected."));
        // Nothing loaded yet: a viewer sees disabled buttons, never a crash.
        QVERIFY(!page.completeButton()->isEnabled());
    }

    void sectionsFilled()
    {
        ReviewsPage page;
        page.setWeeklyFindings(sampleFindings());
        QCOMPARE(page.sectionTitle(ReviewsPage::Section::FailedSyncs), QStringLiteral("Failed syncs · 1"));
        QCOMPARE(page.sectionTitle(ReviewsPage::Section::CanceledStillOpen),
                 QStringLiteral("Canceled appointments that still look open · 1"));
        QTreeWidget *failed = page.sectionTree(ReviewsPage::Section::FailedSyncs);
        QCOMPARE(failed->topLevelItemCount(), 1);
        QCOMPARE(failed->topLevelItem(0)->text(1), QStringLiteral("Ana Lima"));
        QCOMPARE(failed->topLevelItem(0)->text(3), QStringLiteral("3 days"));
        QTreeWidget *dups = page.sectionTree(ReviewsPage::Section::NewDuplicates);
        QCOMPARE(dups->topLevelItem(0)->text(2), QStringLiteral("92.0%"));
        QTreeWidget *open = page.sectionTree(ReviewsPage::Section::CanceledStillOpen);
        QCOMPARE(open->topLevelItemCount(), 1); // the closed one is not listed
        QCOMPARE(open->topLevelItem(0)->text(0), QStringLiteral("Dan Wu · Sun 8 Mar 16:00"));
        QCOMPARE(open->topLevelItem(0)->childCount(), 2);
        QCOMPARE(open->topLevelItem(0)->child(1)->text(0), QStringLiteral("Open deal 5011"));
        QCOMPARE(open->topLevelItem(0)->child(1)->text(3), QStringLiteral("In HubSpot, move deal 5011 to closedlost"));
        QCOMPARE(page.hubspotNoteText(),
                 QStringLiteral("HubSpot deals and tasks read live (checked 4 HubSpot records live)."));
    }

    void loadRequestedOnFirstShowAndRefresh()
    {
        ReviewsPage page;
        QSignalSpy load(&page, &ReviewsPage::loadRequested);
        QSignalSpy weekly(&page, &ReviewsPage::refreshWeeklyRequested);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(load.count(), 1);
        page.hide();
        page.show();
        QCOMPARE(load.count(), 1);
        QTest::mouseClick(page.refreshButton(), Qt::LeftButton);
        QCOMPARE(load.count(), 2);
        QTest::mouseClick(page.checkAgainButton(), Qt::LeftButton);
        QCOMPARE(weekly.count(), 1);
    }

    void bannerAndTabs()
    {
        ReviewsPage page;
        QCOMPARE(page.messageText(), QString());
        page.showFailure(QStringLiteral("bookkeeper 'bea' may not schedule reviews (allowed: owner)"));
        QCOMPARE(page.messageText(), QStringLiteral("bookkeeper 'bea' may not schedule reviews (allowed: owner)"));
        page.showDone(QStringLiteral("Weekly review completed."));
        QCOMPARE(page.messageText(), QStringLiteral("Weekly review completed."));
        auto *monthly = new QLabel(QStringLiteral("reconciliation"));
        page.addReviewSection(monthly, QStringLiteral("Monthly reconciliation"));
        QCOMPARE(page.tabs()->count(), 2);
        QCOMPARE(page.tabs()->tabText(1), QStringLiteral("Monthly reconciliation"));
        QCOMPARE(page.tabs()->widget(1), monthly);
    }

    // Rendered for a look (saved as PNG in the temporary folder).
    void rendersToPng()
    {
        ReviewsPage page;
        page.setSchedule(sampleSchedule());
        page.setUsers(sampleUsers());
        page.setActor(Role::Owner, QStringLiteral("olivia"));
        page.setWeeklyFindings(sampleFindings());
        page.showDone(QStringLiteral("Bea Lee now owns the monthly review."));
        page.addReviewSection(new QLabel(QStringLiteral("…")), QStringLiteral("Monthly reconciliation"));
        page.resize(1180, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const QImage image = page.grab().toImage();
        QVERIFY(!image.isNull());
        const QString path = QDir::temp().filePath(QStringLiteral("concord-reviewspage.png"));
        QVERIFY(image.save(path));
        qInfo("rendered to %s", qPrintable(path));

        ReviewsPage empty;
        empty.resize(1180, 700);
        empty.show();
        QVERIFY(QTest::qWaitForWindowExposed(&empty));
        QVERIFY(empty.grab().toImage().save(QDir::temp().filePath(QStringLiteral("concord-reviewspage-empty.png"))));
    }
};

QTEST_MAIN(TestReviewsPage)
#include "tst_reviewspage.moc"
