// The reconciliation tab (ReconciliationView + ReconciliationModel) over a
// report built in the test: the model passes QAbstractItemModelTester and
// says each side in words; the tiles show the four totals with their
// differences to the cent; "Fix" is enabled only for a safe fix the role may
// apply (the reason in its tooltip otherwise) and asks with the mismatch's
// key; the month picker asks for the first of the month; the empty and
// failure states; and a render to PNG (CONCORD_UI_RENDER_DIR keeps it).
#include "dashboardtile.h"
#include "reconciliationmodel.h"
#include "reconciliationview.h"
#include "theme.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDateEdit>
#include <QDir>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Ui;
using Concord::Domain::Money;
using Concord::Domain::Role;
using Concord::Review::FixKind;
using Concord::Review::MismatchKind;

Q_DECLARE_METATYPE(Concord::Domain::Role)
Q_DECLARE_METATYPE(Concord::Review::FixKind)

namespace {

Money usd(qint64 minor)
{
    return *Money::fromMinor(minor, u"USD"_s);
}

Review::Mismatch mismatch(MismatchKind kind, FixKind fix, qint64 appt, const QString &client)
{
    Review::Mismatch m;
    m.kind = kind;
    m.key = Review::toString(kind) + u"/appointment/"_s + QString::number(appt);
    m.fix = fix;
    m.session.appointmentId = appt;
    m.session.customerName = client;
    m.session.serviceName = u"Math"_s;
    m.session.status = Domain::AppointmentStatus::Completed;
    m.session.startUtc = QDateTime(QDate(2026, 3, 10), QTime(20, 0), QTimeZone::utc());
    m.session.price = usd(6550);
    m.fixText = u"Push the deal again from Concord's data (stage closedwon, amount 65.50)."_s;
    m.manualFix = u"Correct the line on invoice 1042 in QuickBooks."_s;
    return m;
}

Review::ReconciliationReport sample()
{
    Review::ReconciliationReport r;
    r.month = QDate(2026, 3, 1);
    r.timeZone = u"America/New_York"_s;
    r.generatedAt = QDateTime(QDate(2026, 4, 10), QTime(15, 0), QTimeZone::utc());
    r.billingSyncedAt = QDateTime(QDate(2026, 4, 10), QTime(14, 55), QTimeZone::utc());
    r.dealsRead = true;
    r.sessionCount = 42;
    Review::CurrencyTotals t;
    t.currency = u"USD"_s;
    t.booked = usd(213774);
    t.invoicedForSessions = usd(207224);
    t.invoiced = usd(219887);
    t.collected = usd(150012);
    t.deals = usd(213174);
    r.totals = {t};

    auto amount = mismatch(MismatchKind::DealAmountDiffers, FixKind::RepushDeal, 17, u"Ana Ruiz"_s);
    amount.deal = {u"301"_s, true, true, u"60.00"_s, u"contractsent"_s, u"65.50"_s, u"contractsent"_s};
    amount.invoice.invoiceId = 5;
    amount.invoice.docNumber = u"1042"_s;
    amount.invoice.quickbooksId = u"88"_s;
    amount.invoice.total = usd(6550);
    amount.invoice.balance = usd(6550);
    amount.invoice.paid = usd(0);
    amount.cause = u"the deal's amount was edited in HubSpot, or Concord's update was lost"_s;

    auto rate = mismatch(MismatchKind::InvoicedAmountDiffers, FixKind::None, 18, u"Ben Okafor"_s);
    rate.invoice.invoiceId = 6;
    rate.invoice.docNumber = u"1043"_s;
    rate.invoice.total = usd(6000);
    rate.invoice.balance = usd(0);
    rate.invoice.paid = usd(6000);
    rate.invoice.sessionLines = usd(6000);
    rate.cause = u"rate changed after booking: invoiced at 60.00 USD, the service's rate now gives 65.50 USD"_s;

    auto invoice = mismatch(MismatchKind::SessionNotInvoiced, FixKind::CreateInvoice, 19, u"Chloé Martin"_s);
    invoice.cause = u"the billing pass has not run since the session ended (sync paused or stopped)"_s;
    invoice.fixText = u"Run the billing pass now: it queues the invoice 'session/19' the way the sync engine does."_s;

    r.mismatches = {invoice, rate, amount};
    return r;
}

} // namespace

class TestReconciliationView : public QObject
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
        ReconciliationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(sample());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(ReconciliationModel::ColumnCount));
        model.setReport({});
        QCOMPARE(model.rowCount(), 0);
        model.setReport(sample());
        const QModelIndex deal = model.index(2, ReconciliationModel::HubSpot);
        QCOMPARE(deal.data().toString(), u"Deal 301 · 60.00 · contractsent"_s);
        QCOMPARE(model.index(2, ReconciliationModel::Session).data().toString(), u"Mar 10, 16:00 · Math · $65.50"_s);
        QCOMPARE(model.index(2, ReconciliationModel::QuickBooks).data().toString(),
                 u"Invoice 1042 · $65.50 (balance $65.50)"_s);
        QCOMPARE(model.index(1, ReconciliationModel::Fix).data().toString(), u"By hand"_s);
        QCOMPARE(model.index(2, ReconciliationModel::Fix).data().toString(), u"One click"_s);
        QCOMPARE(model.index(2, 0).data(ReconciliationModel::IdRole).toString(), u"deal_amount_differs/appointment/17"_s);
        QCOMPARE(model.index(1, 0).data(ReconciliationModel::FixableRole).toBool(), false);
        QCOMPARE(model.rowForKey(u"deal_amount_differs/appointment/17"_s), 2);
    }

    void tilesShowTotalsAndDifferences()
    {
        ReconciliationView view;
        view.setReport(sample());
        const auto tiles = view.tiles();
        QCOMPARE(tiles.size(), 4);
        QCOMPARE(tiles[0]->valueText(), u"$2,137.74"_s);
        QCOMPARE(tiles[1]->valueText(), u"$2,198.87"_s);
        QCOMPARE(tiles[1]->detailText(), u"Sessions' lines $2,072.24, −$65.50 vs booked"_s);
        QCOMPARE(tiles[2]->valueText(), u"$1,500.12"_s);
        QCOMPARE(tiles[2]->detailText(), u"$698.75 still open on the month's invoices"_s);
        QCOMPARE(tiles[3]->valueText(), u"$2,131.74"_s);
        QCOMPARE(tiles[3]->detailText(), u"−$6.00 vs booked"_s);
        QCOMPARE(view.month(), QDate(2026, 3, 1));
    }

    void fixButtonFollowsRoleAndFix_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<Role>("role");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<QString>("tooltip");
        QTest::newRow("deal, office manager") << 2 << Role::OfficeManager << true << u"Push the deal"_s;
        QTest::newRow("deal, bookkeeper") << 2 << Role::Bookkeeper << false << u"office manager or owner"_s;
        QTest::newRow("deal, viewer") << 2 << Role::Viewer << false << u"office manager or owner"_s;
        QTest::newRow("invoice, bookkeeper") << 0 << Role::Bookkeeper << true << u"billing pass"_s;
        QTest::newRow("invoice, office manager") << 0 << Role::OfficeManager << false << u"bookkeeper or owner"_s;
        QTest::newRow("by hand, owner") << 1 << Role::Owner << false << u"No safe automatic fix"_s;
    }

    void fixButtonFollowsRoleAndFix()
    {
        QFETCH(int, row);
        QFETCH(Role, role);
        QFETCH(bool, enabled);
        QFETCH(QString, tooltip);
        ReconciliationView view;
        view.setActor(role, u"pat"_s);
        view.setReport(sample());
        view.table()->selectRow(row);
        QCOMPARE(view.fixButton()->isEnabled(), enabled);
        QVERIFY2(view.fixButton()->toolTip().contains(tooltip), qPrintable(view.fixButton()->toolTip()));
        QSignalSpy asked(&view, &ReconciliationView::fixRequested);
        QTest::mouseClick(view.fixButton(), Qt::LeftButton);
        QCOMPARE(asked.size(), enabled ? 1 : 0);
        if (enabled)
            QCOMPARE(asked.first().first().toString(), view.model()->mismatch(row).key);
    }

    void monthPickerAsksForFirstOfMonth()
    {
        ReconciliationView view;
        QSignalSpy asked(&view, &ReconciliationView::monthRequested);
        view.findChild<QDateEdit *>()->setDate(QDate(2026, 2, 17));
        const auto buttons = view.findChildren<QPushButton *>();
        QPushButton *reconcile = nullptr;
        for (QPushButton *b : buttons)
            if (b->text() == u"&Reconcile"_s)
                reconcile = b;
        QVERIFY(reconcile);
        QTest::mouseClick(reconcile, Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().toDate(), QDate(2026, 2, 1));
    }

    void stateMessages()
    {
        ReconciliationView view;
        view.setActor(Role::OfficeManager, u"om"_s);
        auto report = sample();
        view.setReport(report);
        view.selectMismatch(report.mismatches.at(2).key);
        view.setBusy(true);
        QVERIFY(!view.fixButton()->isEnabled());
        view.showDone(u"Deal queued (job 12)."_s);
        QCOMPARE(view.bannerText(), u"Deal queued (job 12)."_s);
        QVERIFY(view.fixButton()->isEnabled());
        view.showFailure(u"this mismatch no longer holds as shown: reconcile again"_s);
        QCOMPARE(view.bannerText(), u"this mismatch no longer holds as shown: reconcile again"_s);

        report.mismatches.clear();
        view.setReport(report);
        QCOMPARE(view.model()->rowCount(), 0);
        QVERIFY(!view.fixButton()->isEnabled());
    }

    void renders()
    {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        QString dir = qEnvironmentVariable("CONCORD_UI_RENDER_DIR");
        if (dir.isEmpty())
            dir = scratch.path();
        Theme::apply(*qApp);
        ReconciliationView view;
        view.resize(1100, 640);
        view.setActor(Role::OfficeManager, u"om"_s);
        auto report = sample();
        view.setReport(report);
        view.selectMismatch(report.mismatches.at(2).key);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.grab().save(QDir(dir).filePath(u"reconciliation.png"_s)));
        report.mismatches.clear();
        view.setReport(report);
        QVERIFY(view.grab().save(QDir(dir).filePath(u"reconciliation-empty.png"_s)));
    }
};

QTEST_MAIN(TestReconciliationView)
#include "tst_reconciliationview.moc"
