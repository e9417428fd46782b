// The status bar's backlog bar: "Carrying changes: 240 of 603" with a
// determinate bar while the engine has a backlog, Pause sync / Resume sync
// by role, waiting for the answer, and its place in the main window.
#include "mainwindow.h"
#include "syncbacklogbar.h"
#include "theme.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

using namespace Concord::Ui;
using Concord::Domain::Role;
using Concord::Services::SyncBacklog;
using Concord::Services::SyncRunState;

namespace {

SyncBacklog backlog(qint64 done, qint64 total, SyncRunState state = SyncRunState::Running)
{
    SyncBacklog b;
    b.done = done;
    b.total = total;
    b.state = state;
    return b;
}

} // namespace

class TestSyncBacklogBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        Theme::initResources();
        auto *english = new QTranslator(this);
        QVERIFY(english->load(QStringLiteral(":/i18n/concord_en.qm")));
        QCoreApplication::installTranslator(english);
    }

    void showsTheBacklog_data()
    {
        QTest::addColumn<SyncBacklog>("input");
        QTest::addColumn<bool>("shown");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("bar"); // -1: bar hidden
        QTest::addColumn<QString>("button"); // empty: button hidden
        QTest::newRow("nothing to carry") << backlog(0, 0) << false << QString() << -1 << QString();
        QTest::newRow("an import") << backlog(240, 603) << true
                                   << QStringLiteral("Carrying changes: 240 of 603") << 398
                                   << QStringLiteral("Pause sync");
        QTest::newRow("thousands") << backlog(1500, 12000) << true
                                   << QStringLiteral("Carrying changes: 1,500 of 12,000") << 125
                                   << QStringLiteral("Pause sync");
        QTest::newRow("this desktop does not sync") << backlog(1, 5, SyncRunState::Off) << false << QString() << -1
                                                    << QString();
        QTest::newRow("pausing") << backlog(10, 50, SyncRunState::Pausing) << true
                                 << QStringLiteral("Pausing: finishing the changes on their way…") << 200
                                 << QStringLiteral("Pause sync");
        QTest::newRow("paused with work") << backlog(10, 50, SyncRunState::Paused) << true
                                          << QStringLiteral("Sync paused: 40 changes waiting") << 200
                                          << QStringLiteral("Resume sync");
        // Paused with nothing waiting: still shown, so Resume stays reachable.
        QTest::newRow("paused, empty") << backlog(0, 0, SyncRunState::Paused) << true
                                       << QStringLiteral("Sync paused") << -1 << QStringLiteral("Resume sync");
    }

    void showsTheBacklog()
    {
        QFETCH(SyncBacklog, input);
        QFETCH(bool, shown);
        QFETCH(QString, text);
        QFETCH(int, bar);
        QFETCH(QString, button);
        QWidget host;
        auto *strip = new SyncBacklogBar(&host);
        strip->setRole(Role::Owner);
        strip->setBacklog(input);
        QCOMPARE(strip->isVisibleTo(&host), shown);
        if (!shown)
            return;
        QCOMPARE(strip->text(), text);
        QCOMPARE(strip->progressBar()->isVisibleTo(&host), bar >= 0);
        if (bar >= 0) {
            QCOMPARE(strip->progressBar()->value(), bar);
            QCOMPARE(strip->progressBar()->maximum(), 1000);
        }
        QCOMPARE(strip->pauseButton()->isVisibleTo(&host), !button.isEmpty());
        QCOMPARE(strip->pauseButton()->text(), button);
    }

    void pauseAndResumeByRole_data()
    {
        QTest::addColumn<Role>("role");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("owner") << Role::Owner << true;
        QTest::newRow("office manager") << Role::OfficeManager << true;
        QTest::newRow("bookkeeper") << Role::Bookkeeper << false;
        QTest::newRow("viewer") << Role::Viewer << false;
    }

    void pauseAndResumeByRole()
    {
        QFETCH(Role, role);
        QFETCH(bool, allowed);
        SyncBacklogBar strip;
        QSignalSpy pause(&strip, &SyncBacklogBar::pauseRequested);
        QSignalSpy resume(&strip, &SyncBacklogBar::resumeRequested);
        strip.setRole(role);
        strip.setBacklog(backlog(3, 9));
        QCOMPARE(strip.pauseButton()->isEnabled(), allowed);
        if (!allowed) {
            QCOMPARE(strip.pauseButton()->toolTip(),
                     QStringLiteral("Only an office manager or owner can pause or resume sync."));
            strip.pause();
            QCOMPARE(pause.size(), 0);
            return;
        }
        strip.pauseButton()->click();
        QCOMPARE(pause.size(), 1);
        // Waits for the answer: a second click asks nothing.
        QVERIFY(!strip.pauseButton()->isEnabled());
        strip.pauseButton()->click();
        QCOMPARE(pause.size(), 1);
        strip.setBacklog(backlog(3, 9, SyncRunState::Pausing));
        QVERIFY(!strip.pauseButton()->isEnabled());
        strip.setBacklog(backlog(3, 9, SyncRunState::Paused));
        QVERIFY(strip.pauseButton()->isEnabled());
        QCOMPARE(strip.pauseButton()->text(), QStringLiteral("Resume sync"));
        strip.pauseButton()->click();
        QCOMPARE(resume.size(), 1);
        QCOMPARE(pause.size(), 1);
        // Refused: said, and the button works again.
        strip.showFailure(QStringLiteral("office manager 'mona' may not manage the retry queue"));
        QVERIFY(strip.pauseButton()->isEnabled());
        QVERIFY(strip.text().contains(QStringLiteral("may not manage the retry queue")));
        strip.setBacklog(backlog(3, 9, SyncRunState::Running));
        QCOMPARE(strip.text(), QStringLiteral("Carrying changes: 3 of 9"));
        QCOMPARE(strip.pauseButton()->text(), QStringLiteral("Pause sync"));
    }

    void livesInTheStatusBar()
    {
        Theme::apply(*qApp);
        MainWindow window;
        SyncBacklogBar *strip = window.syncBacklogBar();
        QVERIFY(strip);
        QCOMPARE(strip->parentWidget(), window.statusBar());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!strip->isVisible());
        window.setActor(Role::OfficeManager, QStringLiteral("mona"));
        strip->setBacklog(backlog(240, 603));
        QVERIFY(strip->isVisible());
        QVERIFY(strip->pauseButton()->isEnabled());
        // A delivery's passing message does not hide it.
        window.statusBar()->showMessage(QStringLiteral("Done: Create the HubSpot contact · Dana Whitfield"));
        QVERIFY(strip->isVisible());
        const QString dir = qEnvironmentVariable("CONCORD_UI_RENDER_DIR").isEmpty()
            ? QDir::tempPath()
            : qEnvironmentVariable("CONCORD_UI_RENDER_DIR");
        // Layouts settle in posted events: the picture once the bar has its width.
        QTRY_VERIFY(strip->width() >= strip->sizeHint().width());
        QVERIFY(window.grab().save(QDir(dir).filePath(QStringLiteral("hA-statusbar-backlog.png"))));
        strip->setBacklog(backlog(240, 603, SyncRunState::Paused));
        QCOMPARE(strip->text(), QStringLiteral("Sync paused: 363 changes waiting"));
        QTRY_VERIFY(strip->width() >= strip->sizeHint().width());
        QTRY_VERIFY(strip->pauseButton()->width() >= strip->pauseButton()->sizeHint().width());
        QVERIFY(window.grab().save(QDir(dir).filePath(QStringLiteral("hA-statusbar-paused.png"))));
        // Viewers see it, but may not press it.
        window.setActor(Role::Viewer, QStringLiteral("vic"));
        QVERIFY(!strip->pauseButton()->isEnabled());
        strip->setBacklog(backlog(603, 603));
        QVERIFY(!strip->isVisible());
    }
};

QTEST_MAIN(TestSyncBacklogBar)
#include "tst_syncbacklogbar.moc"
