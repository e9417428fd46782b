// The Reports page (ui/reportspage.*) and its models: a month picked asks
// for that month; a pushed report fills the tiles, the overdue and aging
// tables (models checked by QAbstractItemModelTester, total row bold, amounts
// exact); an empty month says so; exports run off the GUI thread and report
// back (file written, or the error in words); failures are shown.
// Set CONCORD_KEEP_REPORTS_PNG=<dir> to keep a screenshot.
#include "reportsmodels.h"
#include "reportspage.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using Concord::Ui::ReportsPage;
using Domain::Money;

namespace {

Money usd(qint64 minor)
{
    return Money::fromMinor(minor, u"USD"_s).value();
}

std::pair<Review::MonthlyReport, Review::AgingReport> sample()
{
    Review::MonthlyReport m;
    m.periodStart = QDate(2026, 3, 1);
    m.periodEnd = QDate(2026, 3, 31);
    m.balancesAsOf = QDate(2026, 3, 31);
    m.source.businessName = u"Bright Path Tutoring"_s;
    m.source.generatedAt = QDateTime(QDate(2026, 4, 2), QTime(14, 5), Qt::UTC);
    m.source.mirrorSyncedAt = QDateTime(QDate(2026, 4, 2), QTime(13, 58), Qt::UTC);
    Review::MonthlyCurrency c;
    c.currency = u"USD"_s;
    c.invoiced = usd(1'234'567);
    c.invoiceCount = 12;
    c.credited = usd(0);
    c.netInvoiced = c.invoiced;
    c.collected = usd(987'601);
    c.paymentCount = 9;
    c.refunded = usd(0);
    c.netCollected = c.collected;
    c.outstanding = usd(35'056);
    c.overdue = usd(25'055);
    c.overdueClients = {Review::OverdueClient{u"c-bob"_s, u"Bob Builder"_s, QDate(2026, 2, 10), 49, usd(25'055),
                                              usd(25'055), 1}};
    m.currencies = {c};
    Review::AgingReport a;
    a.asOf = m.balancesAsOf;
    a.source = m.source;
    Review::AgingCurrency s;
    s.currency = u"USD"_s;
    Review::AgingClient bob;
    bob.customerId = u"c-bob"_s;
    bob.displayName = u"Bob Builder"_s;
    for (auto &b : bob.buckets)
        b = usd(0);
    bob.buckets[2] = usd(25'055);
    bob.balance = usd(25'055);
    bob.overdue = usd(25'055);
    Review::AgingClient ada = bob;
    ada.customerId = u"c-ada"_s;
    ada.displayName = u"Ada Park"_s;
    ada.buckets[2] = usd(0);
    ada.buckets[0] = usd(10'001);
    ada.balance = usd(10'001);
    ada.overdue = usd(0);
    s.clients = {bob, ada};
    for (auto &t : s.totals)
        t = usd(0);
    s.totals[0] = usd(10'001);
    s.totals[2] = usd(25'055);
    s.balance = usd(35'056);
    s.overdue = usd(25'055);
    a.currencies = {s};
    return {m, a};
}

} // namespace

class TestReportsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(u"en_US"_s)); }

    void pickingAMonthAsksForIt()
    {
        ReportsPage page;
        QSignalSpy asked(&page, &ReportsPage::monthRequested);
        page.monthEdit()->setDate(QDate(2026, 2, 17));
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().toDate(), QDate(2026, 2, 1));
        for (auto f : {ReportsPage::Format::Csv, ReportsPage::Format::Pdf, ReportsPage::Format::Json}) {
            QVERIFY(!page.exportButton(f)->isEnabled());
            QVERIFY(!page.exportButton(f)->toolTip().isEmpty());
        }
    }

    void reportFillsTilesAndTables()
    {
        ReportsPage page;
        QAbstractItemModelTester overdueTester(page.overdueModel());
        QAbstractItemModelTester agingTester(page.agingModel());
        const auto [monthly, aging] = sample();
        QSignalSpy asked(&page, &ReportsPage::monthRequested);
        page.setReport(monthly, aging);
        QCOMPARE(page.month(), QDate(2026, 3, 1)); // the picker follows the report
        QCOMPARE(asked.size(), 0);                 // without asking again
        QCOMPARE(page.tileText(u"invoiced"_s), u"12,345.67 USD"_s);
        QCOMPARE(page.tileText(u"collected"_s), u"9,876.01 USD"_s);
        QCOMPARE(page.tileText(u"outstanding"_s), u"350.56 USD"_s);
        QCOMPARE(page.tileText(u"overdue"_s), u"250.55 USD"_s);
        auto *overdue = page.overdueModel();
        QCOMPARE(overdue->rowCount(), 1);
        QCOMPARE(overdue->index(0, Ui::OverdueClientsModel::Client).data().toString(), u"Bob Builder"_s);
        QCOMPARE(overdue->index(0, Ui::OverdueClientsModel::DaysOverdue).data().toInt(), 49);
        QCOMPARE(overdue->index(0, Ui::OverdueClientsModel::PastDue).data().toString(), u"250.55"_s);
        QCOMPARE(overdue->index(0, Ui::OverdueClientsModel::PastDue).data(Ui::OverdueClientsModel::SortRole).toLongLong(),
                 25'055);
        QCOMPARE(overdue->index(0, 0).data(Ui::OverdueClientsModel::IdRole).toString(), u"c-bob"_s);
        auto *agingModel = page.agingModel();
        QCOMPARE(agingModel->rowCount(), 3); // two clients and the total
        QVERIFY(agingModel->isTotalRow(2));
        QCOMPARE(agingModel->index(2, Ui::AgingModel::Client).data().toString(), u"Total"_s);
        QCOMPARE(agingModel->index(2, Ui::AgingModel::Total).data().toString(), u"350.56"_s);
        QCOMPARE(agingModel->index(2, Ui::AgingModel::Days1To30).data().toString(), u"0.00"_s);
        QVERIFY(agingModel->index(2, 0).data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(agingModel->index(0, Ui::AgingModel::Days31To60).data().toString(), u"250.55"_s);
        QCOMPARE(agingModel->index(0, Ui::AgingModel::Current).data().toString(), QString()); // zero = blank
        QCOMPARE(agingModel->headerData(Ui::AgingModel::Days31To60, Qt::Horizontal, Qt::DisplayRole).toString(),
                 u"31\u201360"_s);
        for (auto f : {ReportsPage::Format::Csv, ReportsPage::Format::Pdf, ReportsPage::Format::Json})
            QVERIFY(page.exportButton(f)->isEnabled());
        QVERIFY(!page.currencyBox()->isVisibleTo(&page)); // one currency: no picker

        page.resize(1000, 720);
        const QString keep = qEnvironmentVariable("CONCORD_KEEP_REPORTS_PNG");
        if (!keep.isEmpty())
            QVERIFY(page.grab().save(QDir(keep).filePath(u"reportspage.png"_s)));
    }

    void emptyMonthSaysSo()
    {
        ReportsPage page;
        auto [monthly, aging] = sample();
        monthly.currencies.clear();
        aging.currencies.clear();
        page.setReport(monthly, aging);
        QCOMPARE(page.tileText(u"invoiced"_s), u"\u2014"_s);
        QCOMPARE(page.overdueModel()->rowCount(), 0);
        QCOMPARE(page.agingModel()->rowCount(), 0);
        QVERIFY(page.statusLabel()->text().contains(u"Nothing was invoiced"_s));
    }

    void exports_data()
    {
        QTest::addColumn<ReportsPage::Format>("format");
        QTest::addColumn<QByteArray>("starts");
        QTest::newRow("csv") << ReportsPage::Format::Csv << QByteArray("record,month,");
        QTest::newRow("json") << ReportsPage::Format::Json << QByteArray("{");
        QTest::newRow("pdf") << ReportsPage::Format::Pdf << QByteArray("%PDF-");
    }

    void exports()
    {
        QFETCH(ReportsPage::Format, format);
        QFETCH(QByteArray, starts);
        QTemporaryDir dir;
        ReportsPage page;
        const auto [monthly, aging] = sample();
        page.setReport(monthly, aging);
        const QString path = dir.filePath(u"out"_s);
        page.setFileChooser([&](ReportsPage::Format asked, const QString &suggested) {
            return asked == format && suggested.startsWith(u"monthly-report-2026-03."_s) ? path : QString();
        });
        QSignalSpy finished(&page, &ReportsPage::exportFinished);
        page.exportButton(format)->click();
        QVERIFY(!page.exportButton(format)->isEnabled()); // busy while the worker writes
        QVERIFY(finished.wait(20'000));
        QCOMPARE(finished.first().first().toString(), path);
        QVERIFY(page.exportButton(format)->isEnabled());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith(starts));
    }

    void exportFailureIsShown()
    {
        ReportsPage page;
        const auto [monthly, aging] = sample();
        page.setReport(monthly, aging);
        QSignalSpy failed(&page, &ReportsPage::exportFailed);
        page.exportTo(ReportsPage::Format::Csv, u"/nonexistent/dir/out.csv"_s);
        QVERIFY(failed.wait(20'000));
        QVERIFY(page.statusLabel()->text().startsWith(u"Could not export"_s));
    }

    void failureIsShown()
    {
        ReportsPage page;
        page.showFailure(u"the store is not open"_s);
        QVERIFY(page.statusLabel()->text().contains(u"the store is not open"_s));
    }
};

QTEST_MAIN(TestReportsPage)
#include "tst_reportspage.moc"
