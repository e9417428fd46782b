// The dashboard page: its balances model (plain words, markers for overdue
// and blocked clients, sorting by amount), the two charts' series built from
// the snapshot to the cent, the tiles, the sync health panel (latency against
// its targets, queue sizes, token days left), the empty states of a fresh
// store, activation, the role-dependent wording, keyboard reach, and a render
// at 1280×800 for a person to look at.
#include "balancesfilterproxymodel.h"
#include "balancesmodel.h"
#include "dashboardagingchart.h"
#include "dashboardmonthlychart.h"
#include "dashboardpage.h"
#include "dashboardsynchealth.h"
#include "dashboardtile.h"
#include "localtimedelegate.h"
#include "theme.h"

#include "services/dashboarddata.h"
#include "sync/latencystats.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBarSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

using Concord::Domain::Connection;
using Concord::Domain::ConnectionState;
using Concord::Domain::Money;
using Concord::Domain::Role;
using Concord::Domain::System;
using Concord::Services::AgingBucket;
using Concord::Services::ClientBalance;
using Concord::Services::DashboardData;
using Concord::Services::MonthTotals;
using namespace Concord::Ui;

using Field = DashboardSyncHealth::LatencyField;
using Show = BalancesFilterProxyModel::Show;

Q_DECLARE_METATYPE(Show)
Q_DECLARE_METATYPE(Concord::Domain::Connection)
Q_DECLARE_METATYPE(Concord::Ui::Theme::Tone)

namespace {

const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-03-28T15:00:00Z"), Qt::ISODate);
const QDate kToday(2026, 3, 28);

Money usd(qint64 minor)
{
    return Money::fromMinor(minor, QStringLiteral("USD")).value_or(Money());
}

std::array<Money, Concord::Services::kAgingBucketCount> aging(qint64 current, qint64 d30, qint64 d60,
                                                              qint64 d90, qint64 over)
{
    return {usd(current), usd(d30), usd(d60), usd(d90), usd(over)};
}

ClientBalance client(const QString &id, const QString &name, qint64 current, qint64 d30, qint64 d60, qint64 d90,
                     qint64 over, int open, const QDate &oldest = {})
{
    ClientBalance c;
    c.customerId = id;
    c.displayName = name;
    c.aging = aging(current, d30, d60, d90, over);
    c.outstanding = usd(current + d30 + d60 + d90 + over);
    c.overdue = usd(d30 + d60 + d90 + over);
    c.openInvoices = open;
    c.oldestOverdueDueDate = oldest;
    c.daysOverdue = oldest.isValid() ? int(oldest.daysTo(kToday)) : 0;
    return c;
}

Concord::Sync::LatencySummary latency(const QString &kind, int count, qint64 p50, qint64 p95)
{
    return Concord::Sync::summarize(kind, [&] {
        // Values whose nearest-rank p50 and p95 are the ones asked for.
        QList<qint64> values;
        for (int i = 0; i < count; ++i)
            values << (i < count * 9 / 10 ? p50 : p95);
        return values;
    }());
}

Connection connection(System system, ConnectionState state, const QDateTime &refreshExpiresAt = {})
{
    Connection c;
    c.system = system;
    c.state = state;
    c.refreshExpiresAt = refreshExpiresAt;
    return c;
}

// What collectDashboard() would read from a small tutoring business: four
// clients (one current, two overdue, two blocked — one of them owing nothing
// any more), a year of invoices and payments with gaps, and a sync that
// keeps its appointment promise but not its payment one.
DashboardData sampleData()
{
    DashboardData d;
    d.currency = QStringLiteral("USD");
    d.asOf = kNow;
    d.today = kToday;
    ClientBalance ana = client(QStringLiteral("cus_ana"), QStringLiteral("Ana Ruiz"), 6500, 0, 0, 13000, 0, 2,
                               QDate(2026, 1, 24));
    ClientBalance ben = client(QStringLiteral("cus_ben"), QStringLiteral("Ben Okafor"), 0, 0, 0, 0, 12050, 1,
                               QDate(2025, 11, 15));
    ben.blocked = true;
    ben.blockReason = QStringLiteral("Overdue balance 120.50 is above the 100.00 threshold: booking b-7 was declined");
    ben.lastBlockedAt = kNow.addSecs(-7200);
    ClientBalance cy = client(QStringLiteral("cus_cy"), QStringLiteral("Cy Tran"), 0, 9725, 0, 0, 0, 1,
                              QDate(2026, 3, 6));
    ClientBalance dee = client(QStringLiteral("cus_dee"), QStringLiteral("Dee Park"), 260000, 0, 0, 0, 0, 4);
    ClientBalance eve = client(QStringLiteral("cus_eve"), QStringLiteral("Eve Stone"), 0, 0, 0, 0, 0, 0);
    eve.blocked = true;
    eve.blockReason = QStringLiteral("Booking on hold");
    eve.lastBlockedAt = kNow.addSecs(-3600);
    d.clients = {dee, ana, ben, cy, eve};
    d.outstanding = usd(672775);
    d.overdue = usd(34775);
    d.openInvoices = 8;
    d.overdueClients = 3;
    d.blockedClients = 2;
    d.aging = aging(266500, 9725, 0, 13000, 12050);
    d.otherCurrencyOpenInvoices = 2;
    const QHash<int, std::pair<qint64, qint64>> months = {
        {4, {1000, 0}},        {5, {845000, 650000}}, {6, {910000, 900000}}, {9, {780000, 700050}},
        {10, {1040000, 990000}}, {11, {20000, 7950}}, {1, {13000, 0}},       {2, {9725, 6500}},
        {3, {273000, 6500}},
    };
    for (int i = 0; i < Concord::Services::kDashboardMonths; ++i) {
        const QDate month = QDate(2025, 4, 1).addMonths(i);
        const auto v = months.value(month.month());
        d.months.append(MonthTotals{month, usd(v.first), usd(v.second)});
    }
    d.sync.open = true;
    d.sync.pendingJobs = 5;
    d.sync.inFlightJobs = 1;
    d.sync.failedJobs = 2;
    d.sync.latency = {latency(QStringLiteral("appointment"), 40, 800, 42'000),
                      latency(QStringLiteral("customer"), 10, 1'500, 3'000),
                      latency(QStringLiteral("payment"), 20, 120'000, 360'000)};
    d.sync.connections = {connection(System::QuickBooks, ConnectionState::Connected, kNow.addDays(10).addSecs(3600)),
                          connection(System::HubSpot, ConnectionState::Connected),
                          connection(System::CalCom, ConnectionState::NotConfigured)};
    return d;
}

// A fresh store: nothing owed, nothing invoiced, nothing carried.
DashboardData emptyData()
{
    DashboardData d;
    d.asOf = kNow;
    d.today = kToday;
    d.outstanding = usd(0);
    d.overdue = usd(0);
    d.aging = aging(0, 0, 0, 0, 0);
    for (int i = 0; i < Concord::Services::kDashboardMonths; ++i)
        d.months.append(MonthTotals{QDate(2025, 4, 1).addMonths(i), usd(0), usd(0)});
    d.sync.open = true;
    d.sync.connections = {connection(System::QuickBooks, ConnectionState::NotConfigured),
                          connection(System::HubSpot, ConnectionState::NotConfigured),
                          connection(System::CalCom, ConnectionState::NotConfigured)};
    return d;
}

// The table as a person reads it, one line per row in view order.
QStringList tableText(const QAbstractItemModel &model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(); ++column)
            cells << model.index(row, column).data().toString();
        rows << cells.join(QStringLiteral(" | "));
    }
    return rows;
}

QStringList idsInView(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(BalancesModel::IdRole).toString();
    return ids;
}

QList<qreal> values(const QBarSet *set)
{
    QList<qreal> out;
    for (int i = 0; i < set->count(); ++i)
        out << set->at(i);
    return out;
}

QString renderDir()
{
    // CONCORD_UI_RENDER_DIR=/somewhere keeps the pictures elsewhere.
    const QString dir = qEnvironmentVariable("CONCORD_UI_RENDER_DIR");
    return dir.isEmpty() ? QDir::tempPath() : dir;
}

} // namespace

class TestDashboardPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void modelsPassTester();
    void modelShowsBalances();
    void modelMarksOverdueAndBlocked();
    void sortingByColumn_data();
    void sortingByColumn();
    void filters_data();
    void filters();
    void tilesShowTotals();
    void agingChartSeries();
    void agingAxisLabelsFitInFrench();
    void monthlyChartSeries();
    void axisScale_data();
    void axisScale();
    void syncHealth();
    void tokenWording_data();
    void tokenWording();
    void emptyStore();
    void beforeFirstSnapshotAndFailure();
    void activationOpensClient();
    void refreshAndLinks();
    void roleChangesWording();
    void keyboardReachesEveryControl();
    void layoutFollowsWidth();
    void renderForReview();
};

void TestDashboardPage::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Theme::initResources();
    auto *english = new QTranslator(this);
    QVERIFY(english->load(QStringLiteral(":/i18n/concord_en.qm")));
    QCoreApplication::installTranslator(english);
}

void TestDashboardPage::modelsPassTester()
{
    const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
    BalancesModel model;
    QAbstractItemModelTester modelTester(&model, mode);
    BalancesFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy, mode);
    proxy.sort(BalancesModel::Outstanding, Qt::DescendingOrder);
    for (const DashboardData &data : {sampleData(), emptyData(), sampleData()}) {
        model.setBalances(data.clients);
        QCOMPARE(model.rowCount(), data.clients.size());
        proxy.setShow(Show::Overdue);
        proxy.setFilterText(QStringLiteral("a"));
        proxy.setShow(Show::All);
        proxy.setFilterText(QString());
        QCOMPARE(proxy.rowCount(), data.clients.size());
    }
}

void TestDashboardPage::modelShowsBalances()
{
    BalancesModel model;
    model.setBalances(sampleData().clients);
    QCOMPARE(tableText(model),
             QStringList({
                 QStringLiteral("Dee Park | Current | $2,600.00 | $0.00 | – | 4"),
                 QStringLiteral("Ana Ruiz | Overdue | $195.00 | $130.00 | 63 | 2"),
                 QStringLiteral("Ben Okafor | Blocked | $120.50 | $120.50 | 133 | 1"),
                 QStringLiteral("Cy Tran | Overdue | $97.25 | $97.25 | 22 | 1"),
                 QStringLiteral("Eve Stone | Blocked | $0.00 | $0.00 | – | 0"),
             }));
    QStringList headers;
    for (int c = 0; c < model.columnCount(); ++c)
        headers << model.headerData(c, Qt::Horizontal).toString();
    QCOMPARE(headers, QStringList({QStringLiteral("Client"), QStringLiteral("Status"), QStringLiteral("Outstanding"),
                                   QStringLiteral("Overdue"), QStringLiteral("Days overdue"),
                                   QStringLiteral("Invoices")}));
    QCOMPARE(idsInView(model), QStringList({QStringLiteral("cus_dee"), QStringLiteral("cus_ana"),
                                            QStringLiteral("cus_ben"), QStringLiteral("cus_cy"),
                                            QStringLiteral("cus_eve")}));
    // Sort keys are raw values: minor units, days, urgency.
    QCOMPARE(model.index(1, BalancesModel::Outstanding).data(BalancesModel::SortRole).toLongLong(), 19500);
    QCOMPARE(model.index(1, BalancesModel::DaysOverdue).data(BalancesModel::SortRole).toLongLong(), 63);
    QCOMPARE(model.index(0, BalancesModel::DaysOverdue).data(BalancesModel::SortRole).toLongLong(), -1);
    QCOMPARE(model.index(2, BalancesModel::Status).data(BalancesModel::SortRole).toInt(), 0);
    QCOMPARE(model.rowForId(QStringLiteral("cus_cy")), 3);
    QCOMPARE(model.rowForId(QStringLiteral("nobody")), -1);
}

void TestDashboardPage::modelMarksOverdueAndBlocked()
{
    BalancesModel model;
    model.setBalances(sampleData().clients);
    const auto status = [&model](int row, int role) { return model.index(row, BalancesModel::Status).data(role); };
    // Every status carries a dot; overdue amber, blocked red, current green.
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(!status(row, Qt::DecorationRole).value<QPixmap>().isNull());
    QCOMPARE(status(1, Qt::ForegroundRole).value<QColor>(), Theme::toneText(Theme::Tone::Warning));
    QCOMPARE(status(2, Qt::ForegroundRole).value<QColor>(), Theme::toneText(Theme::Tone::Bad));
    QVERIFY(!status(0, Qt::ForegroundRole).isValid());
    QCOMPARE(model.index(1, BalancesModel::Overdue).data(Qt::ForegroundRole).value<QColor>(),
             Theme::toneText(Theme::Tone::Bad));
    QCOMPARE(model.index(1, 0).data(BalancesModel::OverdueRole).toBool(), true);
    QCOMPARE(model.index(1, 0).data(BalancesModel::BlockedRole).toBool(), false);
    QCOMPARE(model.index(4, 0).data(BalancesModel::OverdueRole).toBool(), false);
    QCOMPARE(model.index(4, 0).data(BalancesModel::BlockedRole).toBool(), true);

    // The tooltip says why, in sentences.
    QCOMPARE(status(1, Qt::ToolTipRole).toString(),
             QStringLiteral("$130.00 overdue; the oldest unpaid invoice was due 1/24/26, 63 days ago."));
    const QString ben = status(2, Qt::ToolTipRole).toString();
    QVERIFY2(ben.startsWith(QStringLiteral("Blocked from booking: new bookings are declined or held. Overdue "
                                           "balance 120.50 is above the 100.00 threshold: booking b-7 was "
                                           "declined. Last blocked ")),
             qPrintable(ben));
    QVERIFY2(ben.endsWith(QStringLiteral("\n$120.50 overdue; the oldest unpaid invoice was due 11/15/25, 133 days "
                                         "ago.")),
             qPrintable(ben));
    QVERIFY(!status(0, Qt::ToolTipRole).isValid());
    QCOMPARE(status(0, Qt::AccessibleTextRole).toString(), QStringLiteral("Current"));
    QVERIFY(status(4, Qt::AccessibleTextRole).toString().startsWith(
        QStringLiteral("Blocked: Blocked from booking: new bookings are declined or held. Booking on hold.")));
    QCOMPARE(model.index(0, BalancesModel::DaysOverdue).data(Qt::AccessibleTextRole).toString(),
             QStringLiteral("Nothing overdue"));
    QCOMPARE(model.index(3, BalancesModel::DaysOverdue).data(Qt::AccessibleTextRole).toString(),
             QStringLiteral("22 days overdue"));
    QCOMPARE(model.index(1, BalancesModel::Client).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Ana Ruiz (Concord id cus_ana)"));
}

void TestDashboardPage::sortingByColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QStringList>("ids");
    const QString dee = QStringLiteral("cus_dee"), ana = QStringLiteral("cus_ana"), ben = QStringLiteral("cus_ben"),
                  cy = QStringLiteral("cus_cy"), eve = QStringLiteral("cus_eve");
    QTest::newRow("balance, largest first") << int(BalancesModel::Outstanding) << Qt::DescendingOrder
                                            << QStringList{dee, ana, ben, cy, eve};
    QTest::newRow("balance, smallest first") << int(BalancesModel::Outstanding) << Qt::AscendingOrder
                                             << QStringList{eve, cy, ben, ana, dee};
    QTest::newRow("overdue, largest first") << int(BalancesModel::Overdue) << Qt::DescendingOrder
                                            << QStringList{ana, ben, cy, dee, eve};
    QTest::newRow("oldest overdue first") << int(BalancesModel::DaysOverdue) << Qt::DescendingOrder
                                          << QStringList{ben, ana, cy, dee, eve};
    QTest::newRow("status, most urgent first") << int(BalancesModel::Status) << Qt::AscendingOrder
                                               << QStringList{ben, eve, ana, cy, dee};
    QTest::newRow("name") << int(BalancesModel::Client) << Qt::AscendingOrder << QStringList{ana, ben, cy, dee, eve};
}

void TestDashboardPage::sortingByColumn()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QStringList, ids);
    DashboardPage page;
    page.setData(sampleData());
    // Opens sorted by balance, largest first.
    QCOMPARE(page.balancesView()->horizontalHeader()->sortIndicatorSection(), int(BalancesModel::Outstanding));
    QCOMPARE(page.balancesView()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    page.balancesView()->sortByColumn(column, order);
    QCOMPARE(idsInView(*page.balancesProxy()), ids);
}

void TestDashboardPage::filters_data()
{
    QTest::addColumn<Show>("show");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QString>("count");
    QTest::newRow("all") << Show::All << QString()
                         << QStringList{QStringLiteral("cus_dee"), QStringLiteral("cus_ana"), QStringLiteral("cus_ben"),
                                        QStringLiteral("cus_cy"), QStringLiteral("cus_eve")}
                         << QStringLiteral("5 clients");
    QTest::newRow("overdue") << Show::Overdue << QString()
                             << QStringList{QStringLiteral("cus_ana"), QStringLiteral("cus_ben"),
                                            QStringLiteral("cus_cy")}
                             << QStringLiteral("3 of 5 clients");
    QTest::newRow("blocked") << Show::Blocked << QString()
                             << QStringList{QStringLiteral("cus_ben"), QStringLiteral("cus_eve")}
                             << QStringLiteral("2 of 5 clients");
    QTest::newRow("name words") << Show::All << QStringLiteral("  ruiz ANA ")
                                << QStringList{QStringLiteral("cus_ana")} << QStringLiteral("1 of 5 clients");
    QTest::newRow("id") << Show::All << QStringLiteral("cus_c") << QStringList{QStringLiteral("cus_cy")}
                        << QStringLiteral("1 of 5 clients");
    QTest::newRow("blocked and name") << Show::Blocked << QStringLiteral("stone")
                                      << QStringList{QStringLiteral("cus_eve")} << QStringLiteral("1 of 5 clients");
}

void TestDashboardPage::filters()
{
    QFETCH(Show, show);
    QFETCH(QString, text);
    QFETCH(QStringList, ids);
    QFETCH(QString, count);
    DashboardPage page;
    page.setData(sampleData());
    page.showFilter()->setCurrentIndex(page.showFilter()->findData(QVariant::fromValue(show)));
    page.searchEdit()->setText(text);
    QCOMPARE(idsInView(*page.balancesProxy()), ids);
    QCOMPARE(page.balancesCountText(), count);
    QVERIFY(!page.isShowingBalancesPlaceholder());

    page.searchEdit()->setText(QStringLiteral("nobody by that name"));
    QVERIFY(page.isShowingBalancesPlaceholder());
    QCOMPARE(page.balancesPlaceholderText(), QStringLiteral("No client matches the filter."));
}

void TestDashboardPage::tilesShowTotals()
{
    DashboardPage page;
    page.setData(sampleData());
    const auto tile = [&page](DashboardPage::Tile t) {
        const DashboardTile *w = page.tile(t);
        return QStringList{w->caption(), w->valueText(), w->detailText()};
    };
    QCOMPARE(tile(DashboardPage::Tile::Outstanding),
             QStringList({QStringLiteral("Outstanding"), QStringLiteral("$6,727.75"), QStringLiteral("8 open invoices")}));
    QCOMPARE(tile(DashboardPage::Tile::Overdue),
             QStringList({QStringLiteral("Overdue"), QStringLiteral("$347.75"), QStringLiteral("Past the due date")}));
    QCOMPARE(tile(DashboardPage::Tile::OverdueClients),
             QStringList({QStringLiteral("Clients overdue"), QStringLiteral("3"),
                          QStringLiteral("Oldest due 133 days ago")}));
    QCOMPARE(tile(DashboardPage::Tile::BlockedClients),
             QStringList({QStringLiteral("Clients blocked from booking"), QStringLiteral("2"),
                          QStringLiteral("New bookings declined or held")}));
    QCOMPARE(page.tile(DashboardPage::Tile::Outstanding)->tone(), Theme::Tone::Neutral);
    QCOMPARE(page.tile(DashboardPage::Tile::Overdue)->tone(), Theme::Tone::Bad);
    QCOMPARE(page.tile(DashboardPage::Tile::OverdueClients)->tone(), Theme::Tone::Warning);
    QCOMPARE(page.tile(DashboardPage::Tile::BlockedClients)->tone(), Theme::Tone::Bad);
    QCOMPARE(page.tile(DashboardPage::Tile::Overdue)->accessibleName(), QStringLiteral("Overdue: $347.75, Past the due date"));
    QCOMPARE(page.asOfText(), QStringLiteral("As of ") + LocalTimeDelegate::format(kNow));
    QCOMPARE(page.noteText(),
             QStringLiteral("Overdue clients are marked amber, blocked ones red; the tooltip says why. Enter or "
                            "double-click opens a client. 2 open invoices in other currencies are not included in "
                            "these figures."));
}

void TestDashboardPage::agingChartSeries()
{
    AgingChartCard card;
    card.setData(sampleData());
    QVERIFY(!card.isShowingEmptyState());
    QStackedBarSeries *series = card.series();
    QVERIFY(series);
    QCOMPARE(series->count(), 5);
    // One set per bucket, its amount in dollars at its own category only.
    const QList<QList<qreal>> expected = {
        {2665.00, 0, 0, 0, 0}, {0, 97.25, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 130.00, 0}, {0, 0, 0, 0, 120.50},
    };
    QStringList labels;
    for (int i = 0; i < series->count(); ++i) {
        QCOMPARE(values(series->barSets().at(i)), expected.at(i));
        labels << series->barSets().at(i)->label();
        QCOMPARE(series->barSets().at(i)->color(), AgingChartCard::bucketColor(AgingBucket(i)));
    }
    const QStringList buckets = {QStringLiteral("Current"), QStringLiteral("1–30 days"), QStringLiteral("31–60 days"),
                                 QStringLiteral("61–90 days"), QStringLiteral("Over 90 days")};
    QCOMPARE(labels, buckets);
    QCOMPARE(card.categoryAxis()->categories(),
             QStringList({QStringLiteral("Current"), QStringLiteral("1–30"), QStringLiteral("31–60"),
                          QStringLiteral("61–90"), QStringLiteral("90+")}));
    // $0 … $3,000 in steps of $500, labelled by us, not printf.
    QCOMPARE(card.valueAxis()->categoriesLabels(),
             QStringList({QStringLiteral("$0"), QStringLiteral("$500"), QStringLiteral("$1,000"), QStringLiteral("$1,500"),
                          QStringLiteral("$2,000"), QStringLiteral("$2,500"), QStringLiteral("$3,000")}));
    QCOMPARE(card.valueAxis()->min(), 0.0);
    QCOMPARE(card.valueAxis()->max(), 3000.0);
    QCOMPARE(card.summaryText(), QStringLiteral("By days past due, as of Saturday, March 28, 2026"));
    QCOMPARE(card.chartView()->accessibleDescription(),
             QStringLiteral("Current: $2,665.00, 1–30 days: $97.25, 31–60 days: $0.00, 61–90 days: $130.00, "
                            "Over 90 days: $120.50"));

    // A new snapshot replaces the series; it does not add to them.
    card.setData(sampleData());
    QCOMPARE(card.chart()->series().size(), 1);
    QCOMPARE(card.chart()->axes().size(), 2);
}

void TestDashboardPage::monthlyChartSeries()
{
    MonthlyChartCard card;
    card.resize(720, 330); // its size beside the aging chart at 1280 × 800
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    card.setData(sampleData());
    QVERIFY(!card.isShowingEmptyState());
    QVERIFY(card.series());
    QCOMPARE(card.series()->count(), 2);
    QCOMPARE(card.invoicedSet()->label(), QStringLiteral("Invoiced"));
    QCOMPARE(card.collectedSet()->label(), QStringLiteral("Collected"));
    // Twelve months, oldest first; months without activity are zero, not missing.
    QCOMPARE(values(card.invoicedSet()),
             QList<qreal>({10.00, 8450.00, 9100.00, 0, 0, 7800.00, 10400.00, 200.00, 0, 130.00, 97.25, 2730.00}));
    QCOMPARE(values(card.collectedSet()),
             QList<qreal>({0, 6500.00, 9000.00, 0, 0, 7000.50, 9900.00, 79.50, 0, 0, 65.00, 65.00}));
    QCOMPARE(card.categoryAxis()->categories(),
             QStringList({QStringLiteral("Apr"), QStringLiteral("May"), QStringLiteral("Jun"), QStringLiteral("Jul"),
                          QStringLiteral("Aug"), QStringLiteral("Sep"), QStringLiteral("Oct"), QStringLiteral("Nov"),
                          QStringLiteral("Dec"), QStringLiteral("Jan"), QStringLiteral("Feb"), QStringLiteral("Mar")}));
    // Up to $10,400: $0 … $12k in steps of $2k, compact because the axis passes $10,000.
    QCOMPARE(card.valueAxis()->categoriesLabels(),
             QStringList({QStringLiteral("$0"), QStringLiteral("$2k"), QStringLiteral("$4k"), QStringLiteral("$6k"),
                          QStringLiteral("$8k"), QStringLiteral("$10k"), QStringLiteral("$12k")}));
    QCOMPARE(card.summaryText(),
             QStringLiteral("April 2025 – March 2026 · invoiced $38,917.25, collected $32,610.00"));
    // Too narrow for "Apr": initials, the same twelve months.
    card.resize(420, 330);
    QTRY_COMPARE(card.categoryAxis()->categories().first(), QStringLiteral("A"));
    QStringList initials;
    for (const QString &name : card.categoryAxis()->categories())
        initials << QString(name).remove(QChar(0x200B));
    QCOMPARE(initials, QStringList({QStringLiteral("A"), QStringLiteral("M"), QStringLiteral("J"), QStringLiteral("J"),
                                    QStringLiteral("A"), QStringLiteral("S"), QStringLiteral("O"), QStringLiteral("N"),
                                    QStringLiteral("D"), QStringLiteral("J"), QStringLiteral("F"), QStringLiteral("M")}));
    QCOMPARE(values(card.invoicedSet()).size(), 12);
    card.resize(720, 330);
    QTRY_COMPARE(card.categoryAxis()->categories().first(), QStringLiteral("Apr"));
    QVERIFY(card.chartView()->accessibleDescription().startsWith(
        QStringLiteral("April 2025: invoiced $10.00, collected $0.00; May 2025: invoiced $8,450.00, collected "
                       "$6,500.00;")));
}

// Each aging bucket's axis label fits its column in the dashboard's size at
// a 1180 px window, in French too ("Non échu" was cut to "Non é…").
void TestDashboardPage::agingAxisLabelsFitInFrench()
{
    auto *french = new QTranslator(this);
    QVERIFY(french->load(QStringLiteral(":/i18n/concord_fr.qm")));
    QCoreApplication::installTranslator(french);
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    AgingChartCard card;
    card.resize(438, 322);
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    card.setData(sampleData());
    QTRY_VERIFY(card.chart()->plotArea().width() > 0);
    const qreal column = card.chart()->plotArea().width() / card.categoryAxis()->count();
    const QFontMetricsF metrics(card.categoryAxis()->labelsFont());
    const QStringList labels = card.categoryAxis()->categories();
    const QString current = AgingChartCard::bucketShortName(Concord::Services::AgingBucket::Current);
    QVERIFY(current != QStringLiteral("Current")); // the translation is in use
    // A label of several words gets a line per word (Qt Charts would cut it).
    QCOMPARE(labels.first(), QString(current).replace(QLatin1Char(' '), QStringLiteral("<br>")));
    for (const QString &label : labels) {
        for (const QString &line : label.split(QStringLiteral("<br>"))) {
            QVERIFY2(metrics.horizontalAdvance(line) + 8 <= column,
                     qPrintable(QStringLiteral("%1: %2 px in a %3 px column")
                                    .arg(line)
                                    .arg(metrics.horizontalAdvance(line))
                                    .arg(column)));
        }
    }
    if (const QString dir = qEnvironmentVariable("CONCORD_UI_RENDER_DIR"); !dir.isEmpty())
        QVERIFY(card.grab().save(QDir(dir).filePath(QStringLiteral("aging-fr.png"))));
    QCoreApplication::removeTranslator(french);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestDashboardPage::axisScale_data()
{
    QTest::addColumn<qreal>("high");
    QTest::addColumn<qreal>("max");
    QTest::addColumn<qreal>("step");
    QTest::addColumn<QString>("topLabel");
    QTest::newRow("nothing") << 0.0 << 1.0 << 0.25 << QStringLiteral("$1.00");
    QTest::newRow("cents") << 0.45 << 0.5 << 0.1 << QStringLiteral("$0.50");
    QTest::newRow("one session") << 65.0 << 80.0 << 20.0 << QStringLiteral("$80");
    QTest::newRow("exact top") << 2000.0 << 2000.0 << 500.0 << QStringLiteral("$2,000");
    QTest::newRow("thousands") << 10400.0 << 12000.0 << 2000.0 << QStringLiteral("$12k");
    QTest::newRow("tens of thousands") << 41000.0 << 50000.0 << 10000.0 << QStringLiteral("$50k");
    QTest::newRow("millions") << 3.2e6 << 4e6 << 1e6 << QStringLiteral("$4M");
}

void TestDashboardPage::axisScale()
{
    QFETCH(qreal, high);
    QFETCH(qreal, max);
    QFETCH(qreal, step);
    QFETCH(QString, topLabel);
    const DashboardChartCard::AxisScale scale = DashboardChartCard::niceScale(0, high);
    QCOMPARE(scale.min, 0.0);
    QCOMPARE(scale.max, max);
    QCOMPARE(scale.step, step);
    QCOMPARE(DashboardChartCard::axisLabel(scale.max, QStringLiteral("USD"), scale.step, scale.max), topLabel);
    // Another currency never gets the locale's "$": its axis shows plain
    // numbers (an ISO code on every tick takes the category labels' room) and
    // the card names the currency once.
    const QString euros = DashboardChartCard::axisLabel(scale.max, QStringLiteral("EUR"), scale.step, scale.max);
    QCOMPARE(euros, QString(topLabel).remove(QLatin1Char('$')));
    QCOMPARE(DashboardChartCard::axisCurrencyNote(QStringLiteral("EUR")), QStringLiteral("amounts in EUR"));
    QCOMPARE(DashboardChartCard::axisCurrencyNote(QStringLiteral("USD")), QString());
    // Money → qreal only for plotting: major units.
    QCOMPARE(DashboardChartCard::plotValue(usd(12050)), 120.5);
    QCOMPARE(DashboardChartCard::plotValue(Money::fromMinor(1200, QStringLiteral("JPY")).value()), 1200.0);
}

void TestDashboardPage::syncHealth()
{
    DashboardSyncHealth panel;
    const DashboardData data = sampleData();
    panel.setStatus(data.sync, data.asOf);
    // The promised kinds first, measured or not, then the others measured.
    QCOMPARE(panel.latencyKinds(), QStringList({QStringLiteral("appointment"), QStringLiteral("invoice"),
                                                QStringLiteral("payment"), QStringLiteral("customer")}));
    const auto row = [&panel](const QString &kind) {
        return QStringList{panel.latencyText(kind, Field::Count), panel.latencyText(kind, Field::P50),
                           panel.latencyText(kind, Field::P95), panel.latencyText(kind, Field::Target),
                           panel.latencyText(kind, Field::Verdict)};
    };
    QCOMPARE(row(QStringLiteral("appointment")),
             QStringList({QStringLiteral("40"), QStringLiteral("800 ms"), QStringLiteral("42 s"), QStringLiteral("< 1 min"),
                          QStringLiteral("within target")}));
    QCOMPARE(row(QStringLiteral("invoice")),
             QStringList({QStringLiteral("—"), QStringLiteral("—"), QStringLiteral("—"), QStringLiteral("< 5 min"),
                          QStringLiteral("nothing carried")}));
    QCOMPARE(row(QStringLiteral("payment")),
             QStringList({QStringLiteral("20"), QStringLiteral("2 min"), QStringLiteral("6 min"), QStringLiteral("< 5 min"),
                          QStringLiteral("over target")}));
    QCOMPARE(row(QStringLiteral("customer")),
             QStringList({QStringLiteral("10"), QStringLiteral("1.5 s"), QStringLiteral("3.0 s"), QStringLiteral("none"),
                          QStringLiteral("no promise")}));
    QCOMPARE(panel.latencyTone(QStringLiteral("appointment")), Theme::Tone::Good);
    QCOMPARE(panel.latencyTone(QStringLiteral("invoice")), Theme::Tone::Neutral);
    QCOMPARE(panel.latencyTone(QStringLiteral("payment")), Theme::Tone::Bad);

    QCOMPARE(panel.queueText(QStringLiteral("pending")), QStringLiteral("4"));
    QCOMPARE(panel.queueText(QStringLiteral("inFlight")), QStringLiteral("1"));
    QCOMPARE(panel.queueText(QStringLiteral("failed")), QStringLiteral("2"));

    QCOMPARE(panel.connectionStateText(System::QuickBooks), QStringLiteral("connected"));
    QCOMPARE(panel.tokenText(System::QuickBooks), QStringLiteral("Token expires in 10 days"));
    QCOMPARE(panel.tokenTone(System::QuickBooks), Theme::Tone::Warning);
    QCOMPARE(panel.tokenText(System::HubSpot), QStringLiteral("—"));
    QCOMPARE(panel.tokenTone(System::HubSpot), Theme::Tone::Neutral);
    QCOMPARE(panel.connectionStateText(System::CalCom), QStringLiteral("not configured"));
    QCOMPARE(panel.tokenText(System::CalCom), QStringLiteral("—"));

    // Durations in the units a person reads them in.
    QCOMPARE(DashboardSyncHealth::durationText(999), QStringLiteral("999 ms"));
    QCOMPARE(DashboardSyncHealth::durationText(4'250), QStringLiteral("4.3 s"));
    QCOMPARE(DashboardSyncHealth::durationText(59'999), QStringLiteral("59 s"));
    QCOMPARE(DashboardSyncHealth::durationText(65'000), QStringLiteral("1 min 5 s"));
    QCOMPARE(DashboardSyncHealth::durationText(300'000), QStringLiteral("5 min"));
    QCOMPARE(DashboardSyncHealth::durationText(7'380'000), QStringLiteral("2 h 3 min"));
}

void TestDashboardPage::tokenWording_data()
{
    QTest::addColumn<Connection>("connection");
    QTest::addColumn<QString>("text");
    QTest::addColumn<Theme::Tone>("tone");
    QTest::newRow("plenty of time") << connection(System::QuickBooks, ConnectionState::Connected, kNow.addDays(60))
                                    << QStringLiteral("Token expires in 60 days") << Theme::Tone::Neutral;
    QTest::newRow("14 days: not yet amber")
        << connection(System::QuickBooks, ConnectionState::Connected, kNow.addDays(14))
        << QStringLiteral("Token expires in 14 days") << Theme::Tone::Neutral;
    QTest::newRow("13 days: amber") << connection(System::QuickBooks, ConnectionState::Expiring, kNow.addDays(13))
                                    << QStringLiteral("Token expires in 13 days") << Theme::Tone::Warning;
    QTest::newRow("today") << connection(System::QuickBooks, ConnectionState::Expiring, kNow.addSecs(3600))
                           << QStringLiteral("Token expires today") << Theme::Tone::Bad;
    QTest::newRow("expired") << connection(System::QuickBooks, ConnectionState::Expired, kNow.addDays(-3))
                             << QStringLiteral("Token expired on ")
                                    + QLocale().toString(kNow.addDays(-3).toLocalTime().date(), QLocale::ShortFormat)
                             << Theme::Tone::Bad;
    QTest::newRow("unknown") << connection(System::HubSpot, ConnectionState::Connected) << QStringLiteral("—")
                             << Theme::Tone::Neutral;
    QTest::newRow("not configured") << connection(System::QuickBooks, ConnectionState::NotConfigured, kNow.addDays(3))
                                    << QStringLiteral("—") << Theme::Tone::Neutral;
}

void TestDashboardPage::tokenWording()
{
    QFETCH(Connection, connection);
    QFETCH(QString, text);
    QFETCH(Theme::Tone, tone);
    QCOMPARE(DashboardSyncHealth::tokenStatusText(connection, kNow), text);
    QCOMPARE(DashboardSyncHealth::tokenStatusTone(connection, kNow), tone);
}

void TestDashboardPage::emptyStore()
{
    DashboardPage page;
    page.setData(emptyData());
    QVERIFY(page.hasLoaded());
    QCOMPARE(page.tile(DashboardPage::Tile::Outstanding)->valueText(), QStringLiteral("$0.00"));
    QCOMPARE(page.tile(DashboardPage::Tile::Outstanding)->detailText(), QStringLiteral("No open invoices"));
    QCOMPARE(page.tile(DashboardPage::Tile::Overdue)->valueText(), QStringLiteral("$0.00"));
    QCOMPARE(page.tile(DashboardPage::Tile::Overdue)->tone(), Theme::Tone::Neutral);
    QCOMPARE(page.tile(DashboardPage::Tile::OverdueClients)->valueText(), QStringLiteral("0"));
    QCOMPARE(page.tile(DashboardPage::Tile::BlockedClients)->detailText(), QStringLiteral("Nobody is blocked"));

    // Sentences instead of empty axes.
    QVERIFY(page.agingChart()->isShowingEmptyState());
    QCOMPARE(page.agingChart()->emptyStateText(),
             QStringLiteral("Nothing is owed right now: no invoice has an open balance."));
    QVERIFY(!page.agingChart()->series());
    QVERIFY(page.agingChart()->chart()->series().isEmpty());
    QVERIFY(page.monthlyChart()->isShowingEmptyState());
    QCOMPARE(page.monthlyChart()->emptyStateText(),
             QStringLiteral("No invoices or payments yet in these 12 months. Bars appear here as QuickBooks invoices "
                            "and payments are synced."));
    QCOMPARE(page.monthlyChart()->summaryText(), QStringLiteral("April 2025 – March 2026"));
    QVERIFY(!page.monthlyChart()->series());
    QVERIFY(page.isShowingBalancesPlaceholder());
    QCOMPARE(page.balancesPlaceholderText(),
             QStringLiteral("No client owes anything and nobody is blocked from booking."));
    QCOMPARE(page.balancesCountText(), QString());
    QCOMPARE(page.noteText(), QString());

    QCOMPARE(page.syncHealth()->latencyText(QStringLiteral("appointment"), Field::Verdict),
             QStringLiteral("nothing carried"));
    QCOMPARE(page.syncHealth()->queueText(QStringLiteral("failed")), QStringLiteral("0"));
    QCOMPARE(page.syncHealth()->tokenText(System::QuickBooks), QStringLiteral("—"));

    // Data arriving later replaces the empty states.
    page.setData(sampleData());
    QVERIFY(!page.agingChart()->isShowingEmptyState());
    QVERIFY(!page.monthlyChart()->isShowingEmptyState());
    QVERIFY(!page.isShowingBalancesPlaceholder());
    page.setData(emptyData());
    QVERIFY(page.agingChart()->isShowingEmptyState());
    QVERIFY(page.isShowingBalancesPlaceholder());
}

void TestDashboardPage::beforeFirstSnapshotAndFailure()
{
    DashboardPage page;
    QVERIFY(!page.hasLoaded());
    QCOMPARE(page.tile(DashboardPage::Tile::Outstanding)->valueText(), QStringLiteral("–"));
    QVERIFY(page.isShowingBalancesPlaceholder());
    QCOMPARE(page.balancesPlaceholderText(), QStringLiteral("Loading…"));
    QCOMPARE(page.agingChart()->emptyStateText(), QStringLiteral("Loading…"));
    QCOMPARE(page.syncHealth()->queueText(QStringLiteral("pending")), QStringLiteral("–"));
    QCOMPARE(page.syncHealth()->connectionStateText(System::HubSpot), QStringLiteral("unknown"));

    page.showFailure(QStringLiteral("database is locked"));
    QCOMPARE(page.messageText(), QStringLiteral("The dashboard could not be read: database is locked"));
    QCOMPARE(page.balancesPlaceholderText(), QStringLiteral("Nothing to show: the dashboard could not be read."));

    // A failure keeps the last snapshot on screen; the next one clears the banner.
    page.setData(sampleData());
    QVERIFY(page.messageText().isEmpty());
    page.showFailure(QStringLiteral("connection lost"));
    QCOMPARE(page.messageText(), QStringLiteral("The dashboard could not be read: connection lost"));
    QCOMPARE(page.balancesProxy()->rowCount(), 5);
    QVERIFY(!page.isShowingBalancesPlaceholder());
    auto *close = page.findChild<QFrame *>(QStringLiteral("dashboardBanner"))->findChild<QToolButton *>();
    QVERIFY(close);
    close->click();
    QVERIFY(page.messageText().isEmpty());
}

void TestDashboardPage::activationOpensClient()
{
    DashboardPage page;
    page.setData(sampleData());
    page.resize(1280, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    QSignalSpy activated(&page, &DashboardPage::clientActivated);
    QTableView *view = page.balancesView();

    // Enter on the current row.
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    view->setCurrentIndex(page.balancesProxy()->index(1, BalancesModel::Client));
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.takeFirst().at(0).toString(), QStringLiteral("cus_ana"));

    // Double-click on another row, through the filter: the id, not the row, is sent.
    page.showFilter()->setCurrentIndex(page.showFilter()->findData(QVariant::fromValue(Show::Blocked)));
    const QRect rect = view->visualRect(page.balancesProxy()->index(1, BalancesModel::Outstanding));
    QVERIFY(rect.isValid());
    // A real double-click: press, release, the double-click press, release.
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, rect.center(), 1);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center(), 1);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, rect.center(), 1);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.takeFirst().at(0).toString(), QStringLiteral("cus_eve"));

    // A refresh keeps the current client.
    view->setCurrentIndex(page.balancesProxy()->index(0, BalancesModel::Client));
    page.setData(sampleData());
    QCOMPARE(view->currentIndex().data(BalancesModel::IdRole).toString(), QStringLiteral("cus_ben"));
}

void TestDashboardPage::refreshAndLinks()
{
    DashboardPage page;
    page.setData(sampleData());
    QSignalSpy refresh(&page, &DashboardPage::refreshRequested);
    QSignalSpy queue(&page, &DashboardPage::retryQueueRequested);
    QSignalSpy rules(&page, &DashboardPage::billingRulesRequested);
    QTest::mouseClick(page.refreshButton(), Qt::LeftButton);
    QCOMPARE(refresh.count(), 1);
    QCOMPARE(page.asOfText(), QStringLiteral("Loading…"));
    page.setData(sampleData());
    QVERIFY(page.asOfText().startsWith(QStringLiteral("As of ")));
    QTest::mouseClick(page.syncHealth()->retryQueueButton(), Qt::LeftButton);
    QCOMPARE(queue.count(), 1);
    QTest::mouseClick(page.blockRulesButton(), Qt::LeftButton);
    QCOMPARE(rules.count(), 1);
}

void TestDashboardPage::roleChangesWording()
{
    DashboardPage page;
    page.setData(sampleData());
    // Until told, the least privilege: look, not act.
    QVERIFY(page.role() == Role::Viewer);
    const auto tips = [&page] {
        return QStringList{page.blockRulesButton()->toolTip(), page.syncHealth()->retryQueueButton()->toolTip()};
    };
    QCOMPARE(tips(), QStringList({QStringLiteral("See the booking block thresholds. Only a bookkeeper or owner can "
                                                 "change them."),
                                  QStringLiteral("2 failed changes wait for a person. You can look at the retry "
                                                 "queue; only an office manager or owner can act on it.")}));
    page.setRole(Role::Bookkeeper);
    QCOMPARE(tips(), QStringList({QStringLiteral("Change the overdue balance above which a client's new bookings are "
                                                 "declined or held (invoice policies)"),
                                  QStringLiteral("2 failed changes wait for a person. You can look at the retry "
                                                 "queue; only an office manager or owner can act on it.")}));
    page.setRole(Role::OfficeManager);
    QCOMPARE(tips(), QStringList({QStringLiteral("See the booking block thresholds. Only a bookkeeper or owner can "
                                                 "change them."),
                                  QStringLiteral("2 failed changes wait for a person. Open the retry queue to retry, "
                                                 "fix or dismiss changes.")}));
    page.setRole(Role::Owner);
    QVERIFY(tips().at(0).startsWith(QStringLiteral("Change the overdue balance")));
    QVERIFY(tips().at(1).endsWith(QStringLiteral("Open the retry queue to retry, fix or dismiss changes.")));
    // Everyone may look: nothing is disabled for a viewer.
    page.setRole(Role::Viewer);
    QVERIFY(page.blockRulesButton()->isEnabled());
    QVERIFY(page.syncHealth()->retryQueueButton()->isEnabled());
    QVERIFY(page.balancesView()->isEnabled());
}

void TestDashboardPage::keyboardReachesEveryControl()
{
    DashboardPage page;
    page.setData(sampleData());
    page.showFailure(QStringLiteral("connection lost")); // the banner's close button too
    page.resize(1280, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));

    const QList<QWidget *> expected = {
        page.refreshButton(),
        page.findChild<QFrame *>(QStringLiteral("dashboardBanner"))->findChild<QToolButton *>(),
        page.showFilter(),
        page.searchEdit(),
        page.balancesView(),
        page.blockRulesButton(),
        page.syncHealth()->retryQueueButton(),
    };
    for (QWidget *widget : expected) {
        QVERIFY(widget);
        QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
    }
    page.refreshButton()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), page.refreshButton());
    QList<QWidget *> visited = {QApplication::focusWidget()};
    for (int i = 0; i < expected.size() - 1; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        visited << QApplication::focusWidget();
    }
    QCOMPARE(visited, expected);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    QCOMPARE(QApplication::focusWidget(), expected.at(expected.size() - 2));

    // Mnemonics: Alt+S the filter, Alt+T the thresholds, Alt+R the retry queue.
    QTest::keyClick(&page, Qt::Key_S, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), page.showFilter());
    QSignalSpy queue(&page, &DashboardPage::retryQueueRequested);
    QTest::keyClick(&page, Qt::Key_R, Qt::AltModifier);
    QTRY_COMPARE(queue.count(), 1);
    // The charts carry names and their figures for screen readers.
    QCOMPARE(page.agingChart()->chartView()->accessibleName(), QStringLiteral("Aging of open balances chart"));
    QVERIFY(!page.monthlyChart()->chartView()->accessibleDescription().isEmpty());
}

void TestDashboardPage::layoutFollowsWidth()
{
    DashboardPage page;
    page.setData(sampleData());
    page.resize(1280, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_VERIFY(page.isWideLayout());
    // Nothing forces the page wider than the window: no sideways scrolling.
    auto *scroll = page.findChild<QScrollArea *>();
    QVERIFY(scroll);
    QTRY_VERIFY(!scroll->horizontalScrollBar()->isVisible());
    // Beside the balances, under the charts.
    QTRY_VERIFY(page.syncHealth()->mapTo(&page, QPoint(0, 0)).x()
                > page.balancesView()->mapTo(&page, QPoint(page.balancesView()->width(), 0)).x());
    QVERIFY(page.syncHealth()->mapTo(&page, QPoint(0, 0)).y()
            > page.monthlyChart()->mapTo(&page, QPoint(0, page.monthlyChart()->height())).y());
    page.resize(964, 760); // the main window's default size, less the sidebar
    QTRY_VERIFY(!page.isWideLayout());
    QTRY_VERIFY(!scroll->horizontalScrollBar()->isVisible());
    // Just wide enough for the panel beside the balances.
    page.resize(DashboardPage::kWideLayoutMinWidth, 760);
    QTRY_VERIFY(page.isWideLayout());
    QTRY_VERIFY(!scroll->horizontalScrollBar()->isVisible());
    page.resize(964, 760);
    QTRY_VERIFY(page.syncHealth()->mapTo(&page, QPoint(0, 0)).y()
                > page.balancesView()->mapTo(&page, QPoint(0, 0)).y());
}

void TestDashboardPage::renderForReview()
{
    // Pictures for a person to look at (QDir::tempPath(), or
    // CONCORD_UI_RENDER_DIR): the dashboard at 1280×800 with a small
    // business's figures, the same page scrolled to the whole content, and a
    // fresh store.
    Theme::apply(*qApp);
    const QDir dir(renderDir());
    {
        DashboardPage page;
        page.setRole(Role::Owner);
        page.setData(sampleData());
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.grab().save(dir.filePath(QStringLiteral("concord-dashboard.png"))));
        auto *scroll = page.findChild<QScrollArea *>();
        QVERIFY(scroll);
        QVERIFY(scroll->widget()->grab().save(dir.filePath(QStringLiteral("concord-dashboard-full.png"))));
        page.resize(964, 760);
        QTRY_VERIFY(page.syncHealth()->mapTo(&page, QPoint(0, 0)).y()
                    > page.balancesView()->mapTo(&page, QPoint(0, 0)).y());
        QVERIFY(scroll->widget()->grab().save(dir.filePath(QStringLiteral("concord-dashboard-narrow.png"))));
    }
    {
        DashboardPage page;
        page.setData(emptyData());
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.grab().save(dir.filePath(QStringLiteral("concord-dashboard-empty.png"))));
    }
}

QTEST_MAIN(TestDashboardPage)
#include "tst_dashboardpage.moc"
