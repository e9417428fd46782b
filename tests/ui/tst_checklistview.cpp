// The decision checklist view (issue 9): the empty state, eight cards with a
// mark in words as well as colour, evidence and "to make it yes", the
// verdict banner, the mode line, the owner-only mode switch behind a confirm
// dialog that names what changes (and emits the expected version), refusals
// shown in a banner — and a look at the rendered page (PNG in a temp dir).
#include "checklistview.h"

#include <QDir>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Review;
using Concord::Ui::ChecklistView;

Q_DECLARE_METATYPE(Concord::Domain::Role)

namespace {

const QDateTime kAt(QDate(2026, 3, 4), QTime(15, 0), Qt::UTC);

DecisionChecklist sample(int yes)
{
    QList<ChecklistAnswer> answers;
    for (int i = 0; i < kQuestionCount; ++i) {
        ChecklistAnswer a;
        a.question = Question(i);
        a.answer = i < yes ? Answer::Yes : (i % 2 ? Answer::No : Answer::Unknown);
        a.evidence = { u"Fact %1 read from the store."_s.arg(i + 1),
                       u"A second fact, long enough to wrap when the "
                       "window is narrow: 19 of 20 customers linked."_s };
        if (a.answer != Answer::Yes)
            a.toMakeYes = u"Do the thing that makes question %1 yes."_s.arg(i + 1);
        answers << a;
    }
    return summarize(answers, kAt);
}

IntegrationModeState mode(IntegrationMode m, int version)
{
    IntegrationModeState s;
    s.mode = m;
    s.version = version;
    if (version > 0) {
        s.updatedBy = u"olga"_s;
        s.updatedAt = kAt;
    }
    return s;
}

} // namespace

class TestChecklistView : public QObject {
    Q_OBJECT

private slots:
    void emptyState();
    void showsEightAnswersAndTheVerdict_data();
    void showsEightAnswersAndTheVerdict();
    void modeButtonIsForOwners_data();
    void modeButtonIsForOwners();
    void switchingAsksFirstAndSendsTheVersion();
    void failureIsShown();
    void evaluateIsAsked();
    void looksRight();
};

void TestChecklistView::emptyState()
{
    ChecklistView v;
    QVERIFY(v.placeholderText().contains(u"Not evaluated yet"_s));
    QCOMPARE(v.answerCount(), 0);
    QVERIFY(v.verdictText().isEmpty());
    QVERIFY(!v.modeButton()->isEnabled());
    QVERIFY(v.modeText().contains(u"not read yet"_s));
}

void TestChecklistView::showsEightAnswersAndTheVerdict_data()
{
    QTest::addColumn<int>("yes");
    QTest::addColumn<QString>("verdictStart");
    QTest::newRow("3: lighter") << 3 << u"3 of 8 yes: Concord recommends the lighter setup"_s;
    QTest::newRow("4: borderline") << 4 << u"4 of 8 yes: borderline. Fix 5 (unknown), 6 (no)"_s;
    QTest::newRow("6: full") << 6 << u"6 of 8 yes: the full integration fits"_s;
}

void TestChecklistView::showsEightAnswersAndTheVerdict()
{
    QFETCH(int, yes);
    QFETCH(QString, verdictStart);
    ChecklistView v;
    v.setChecklist(sample(yes));
    QVERIFY(v.placeholderText().isEmpty());
    QCOMPARE(v.answerCount(), 8);
    QVERIFY2(v.verdictText().startsWith(verdictStart), qPrintable(v.verdictText()));
    // Words, not colour alone; question, evidence, and the way to yes.
    QVERIFY(v.answerText(0).startsWith(u"✓ Yes\n1. One customer identity survives"_s));
    const QString last = v.answerText(7);
    QVERIFY2(last.startsWith(u"✗ No\n8. One person owns the mapping"_s), qPrintable(last));
    QVERIFY(last.contains(u"• Fact 8 read from the store."_s));
    QVERIFY(last.contains(u"To make it yes: Do the thing that makes question 8 yes."_s));
    QVERIFY(v.answerText(6).startsWith(u"? Unknown"_s));
    QVERIFY(!v.answerText(0).contains(u"To make it yes"_s));
    // A second evaluation replaces the cards.
    v.setChecklist(sample(8));
    QCOMPARE(v.answerCount(), 8);
    QVERIFY(v.answerText(7).startsWith(u"✓ Yes"_s));
}

void TestChecklistView::modeButtonIsForOwners_data()
{
    QTest::addColumn<Domain::Role>("role");
    QTest::addColumn<bool>("enabled");
    QTest::newRow("owner") << Domain::Role::Owner << true;
    QTest::newRow("office manager") << Domain::Role::OfficeManager << false;
    QTest::newRow("bookkeeper") << Domain::Role::Bookkeeper << false;
    QTest::newRow("viewer") << Domain::Role::Viewer << false;
}

void TestChecklistView::modeButtonIsForOwners()
{
    QFETCH(Domain::Role, role);
    QFETCH(bool, enabled);
    ChecklistView v;
    v.setActor(role, u"someone"_s);
    v.setMode(mode(IntegrationMode::Full, 0));
    QCOMPARE(v.modeButton()->isEnabled(), enabled);
    QCOMPARE(v.modeButton()->text(), u"Switch to the lighter setup…"_s);
    if (!enabled)
        QVERIFY2(v.modeButton()->toolTip().startsWith(
                     u"Only an owner may change the integration mode"_s),
                 qPrintable(v.modeButton()->toolTip()));
    v.setMode(mode(IntegrationMode::Light, 3));
    QCOMPARE(v.modeButton()->text(), u"Switch to full integration…"_s);
    QVERIFY2(v.modeText().startsWith(u"Current mode — Lighter setup:"_s), qPrintable(v.modeText()));
    QVERIFY(v.modeText().contains(u"Set by olga"_s));
}

void TestChecklistView::switchingAsksFirstAndSendsTheVersion()
{
    ChecklistView v;
    v.setActor(Domain::Role::Owner, u"olga"_s);
    v.setMode(mode(IntegrationMode::Full, 2));
    QStringList asked;
    bool answer = false;
    v.setConfirm([&](const QString &title, const QString &text) {
        asked << title + u'|' + text;
        return answer;
    });
    QSignalSpy spy(&v, &ChecklistView::modeChangeRequested);
    QTest::mouseClick(v.modeButton(), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    QVERIFY(asked.first().startsWith(u"Switch to the lighter setup|"_s));
    QVERIFY(asked.first().contains(u"no longer created automatically"_s));
    QVERIFY(asked.first().contains(u"Create invoice now"_s));
    QCOMPARE(spy.count(), 0); // canceled
    answer = true;
    QTest::mouseClick(v.modeButton(), Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(Store::toString(spy.first().at(0).value<Store::IntegrationMode>()), u"light"_s);
    QCOMPARE(spy.first().at(1).toInt(), 2);
    // And back.
    v.setMode(mode(IntegrationMode::Light, 3));
    QTest::mouseClick(v.modeButton(), Qt::LeftButton);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(Store::toString(spy.at(1).at(0).value<Store::IntegrationMode>()), u"full"_s);
    QCOMPARE(spy.at(1).at(1).toInt(), 3);
    QVERIFY(asked.last().contains(u"invoice policy"_s));
}

void TestChecklistView::failureIsShown()
{
    ChecklistView v;
    v.show();
    v.showFailure(u"the integration mode was changed meanwhile by omar: reload and try again"_s);
    QVERIFY(v.failureText().contains(u"changed meanwhile"_s));
    v.setChecklist(sample(5));
    QVERIFY(v.failureText().isEmpty());
}

void TestChecklistView::evaluateIsAsked()
{
    ChecklistView v;
    QSignalSpy spy(&v, &ChecklistView::evaluateRequested);
    QTest::mouseClick(v.evaluateButton(), Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
}

void TestChecklistView::looksRight()
{
    ChecklistView v;
    v.setActor(Domain::Role::Owner, u"olga"_s);
    v.setMode(mode(IntegrationMode::Full, 1));
    v.setChecklist(sample(4));
    v.resize(1000, 1100);
    v.show();
    QVERIFY(QTest::qWaitForWindowExposed(&v));
    const QString dir = qEnvironmentVariable("CONCORD_UI_SHOTS", QDir::tempPath());
    const QString file = QDir(dir).filePath(u"checklistview.png"_s);
    QVERIFY(v.grab().save(file));
    ChecklistView empty;
    empty.resize(1000, 500);
    empty.show();
    QVERIFY(QTest::qWaitForWindowExposed(&empty));
    QVERIFY(empty.grab().save(QDir(dir).filePath(u"checklistview-empty.png"_s)));
}

QTEST_MAIN(TestChecklistView)
#include "tst_checklistview.moc"
