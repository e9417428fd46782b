// The balance dashboard's data (Services::collectDashboard) on a real SQLite
// store: balances per client, aging buckets with their edges (due today is
// current, one day past is 1–30, 30/31, 60/61, 90/91), the 12-month invoiced
// vs collected series with empty months as zero, booking blocks, the other
// currency left out, the business time zone's "today", and an empty store.
// Whole results are compared to the cent.
#include "../store/storetestsupport.h"
#include "domainprinters.h"

#include "common/clock.h"
#include "services/dashboarddata.h"
#include "services/storestatus.h"
#include "store/billingrepository.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/operationsrepository.h"
#include "store/syncstaterepository.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::StoreTest;
using Concord::Services::AgingBucket;
using Concord::Services::ClientBalance;
using Concord::Services::DashboardData;

Q_DECLARE_METATYPE(Concord::Services::AgingBucket)
Q_DECLARE_METATYPE(Concord::Domain::Connection)
Q_DECLARE_METATYPE(std::optional<qint64>)

namespace {

// Saturday 28 March 2026, mid-afternoon UTC.
const QDateTime kNow(QDate(2026, 3, 28), QTime(15, 0), Qt::UTC);
const QDate kToday(2026, 3, 28);

QString bucketName(AgingBucket b)
{
    switch (b) {
    case AgingBucket::Current: return u"current"_s;
    case AgingBucket::Days1To30: return u"1-30"_s;
    case AgingBucket::Days31To60: return u"31-60"_s;
    case AgingBucket::Days61To90: return u"61-90"_s;
    case AgingBucket::Over90: return u"90+"_s;
    }
    return u"?"_s;
}

QString agingText(const std::array<Money, Services::kAgingBucketCount> &aging)
{
    QStringList parts;
    for (int i = 0; i < Services::kAgingBucketCount; ++i)
        parts << bucketName(AgingBucket(i)) + u' ' + str(aging.at(i));
    return parts.join(u", "_s);
}

QString dump(const ClientBalance &b)
{
    return Dump(u"Client"_s)
        .f(u"id"_s, b.customerId)
        .f(u"name"_s, b.displayName)
        .f(u"outstanding"_s, b.outstanding)
        .f(u"overdue"_s, b.overdue)
        .f(u"open"_s, b.openInvoices)
        .f(u"oldestOverdue"_s, b.oldestOverdueDueDate)
        .f(u"daysOverdue"_s, b.daysOverdue)
        .raw(u"aging"_s, u"["_s + agingText(b.aging) + u"]"_s)
        .f(u"blocked"_s, b.blocked)
        .f(u"blockReason"_s, b.blockReason)
        .f(u"lastBlockedAt"_s, b.lastBlockedAt);
}

// The whole dashboard but the sync part, one line per fact, so a QCOMPARE
// names the exact figure that differs.
QStringList dump(const DashboardData &d)
{
    QStringList out;
    out << u"currency "_s + d.currency << u"asOf "_s + str(d.asOf) << u"today "_s + str(d.today);
    for (const ClientBalance &b : d.clients)
        out << dump(b);
    out << u"outstanding "_s + str(d.outstanding) << u"overdue "_s + str(d.overdue)
        << u"openInvoices "_s + str(d.openInvoices) << u"overdueClients "_s + str(d.overdueClients)
        << u"blockedClients "_s + str(d.blockedClients) << u"aging ["_s + agingText(d.aging) + u"]"_s
        << u"otherCurrencyOpenInvoices "_s + str(d.otherCurrencyOpenInvoices);
    for (const Services::MonthTotals &m : d.months)
        out << u"%1 invoiced %2 collected %3"_s.arg(m.month.toString(Qt::ISODate), str(m.invoiced), str(m.collected));
    return out;
}

QStringList zeroMonths(const QDate &lastMonth, QHash<QString, std::pair<qint64, qint64>> values = {})
{
    QStringList out;
    for (int i = Services::kDashboardMonths - 1; i >= 0; --i) {
        const QDate month = lastMonth.addMonths(-i);
        const auto v = values.value(month.toString(u"yyyy-MM"_s));
        out << u"%1 invoiced %2 collected %3"_s.arg(month.toString(Qt::ISODate), str(money(v.first)),
                                                     str(money(v.second)));
    }
    return out;
}

} // namespace

class TestDashboardData : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    int m_serial = 0;

    void customer(const QString &id, const QString &name)
    {
        Customer c;
        c.id = id;
        c.displayName = name;
        auto made = Store::CustomerRepository(*m_db, *m_clock).create(c);
        if (!made)
            QTest::qFail(outcome(made).constData(), __FILE__, __LINE__);
    }

    void invoice(const QString &customerId, const QDate &txnDate, const QDate &dueDate, qint64 totalMinor,
                 qint64 balanceMinor, MoneyStatus status = MoneyStatus::Invoiced, const QString &currency = u"USD"_s)
    {
        Invoice i;
        i.customerId = customerId;
        i.quickbooksId = u"qb-%1"_s.arg(++m_serial);
        i.docNumber = u"INV-%1"_s.arg(m_serial);
        i.txnDate = txnDate;
        i.dueDate = dueDate;
        i.total = money(totalMinor, currency);
        i.balance = money(balanceMinor, currency);
        i.tax = money(0, currency);
        i.discount = money(0, currency);
        i.deposit = money(0, currency);
        i.status = status;
        auto saved = Store::BillingRepository(*m_db, *m_clock).saveInvoice(i);
        if (!saved)
            QTest::qFail(outcome(saved).constData(), __FILE__, __LINE__);
    }

    void payment(const QString &customerId, const QDate &txnDate, qint64 amountMinor)
    {
        Payment p;
        p.customerId = customerId;
        p.quickbooksId = u"qp-%1"_s.arg(++m_serial);
        p.txnDate = txnDate;
        p.amount = money(amountMinor);
        p.unapplied = money(0);
        auto saved = Store::BillingRepository(*m_db, *m_clock).savePayment(p);
        if (!saved)
            QTest::qFail(outcome(saved).constData(), __FILE__, __LINE__);
    }

    void flag(const QString &kind, const QString &subject, const QString &message)
    {
        SyncFlag f;
        f.kind = kind;
        f.subject = subject;
        f.system = u"calcom"_s;
        f.message = message;
        auto raised = Store::SyncStateRepository(*m_db, *m_clock).raiseFlag(f);
        if (!raised)
            QTest::qFail(outcome(raised).constData(), __FILE__, __LINE__);
    }

    Result<DashboardData> collect(const QString &zone = u"UTC"_s)
    {
        return Services::collectDashboard(*m_db, *m_clock, u"USD"_s, zone);
    }

private Q_SLOTS:
    void initTestCase() { quietStoreLog(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto db = openMigrated(*m_dir);
        QVERIFY_OK(db);
        m_db = std::move(*db);
        m_clock = std::make_unique<ManualClock>(kNow);
        m_serial = 0;
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void bucketFor_data()
    {
        QTest::addColumn<qint64>("daysPastDue");
        QTest::addColumn<AgingBucket>("bucket");
        QTest::newRow("due in 10 days") << qint64(-10) << AgingBucket::Current;
        QTest::newRow("due today") << qint64(0) << AgingBucket::Current;
        QTest::newRow("1 day past") << qint64(1) << AgingBucket::Days1To30;
        QTest::newRow("30 days past") << qint64(30) << AgingBucket::Days1To30;
        QTest::newRow("31 days past") << qint64(31) << AgingBucket::Days31To60;
        QTest::newRow("60 days past") << qint64(60) << AgingBucket::Days31To60;
        QTest::newRow("61 days past") << qint64(61) << AgingBucket::Days61To90;
        QTest::newRow("90 days past") << qint64(90) << AgingBucket::Days61To90;
        QTest::newRow("91 days past") << qint64(91) << AgingBucket::Over90;
        QTest::newRow("two years past") << qint64(730) << AgingBucket::Over90;
    }

    void bucketFor()
    {
        QFETCH(qint64, daysPastDue);
        QFETCH(AgingBucket, bucket);
        QCOMPARE(Services::agingBucketFor(daysPastDue), bucket);
    }

    // One open invoice of $10.00 due `daysPastDue` days before today (or with
    // no due date): the store's aging must put it where agingBucketFor() does.
    void bucketEdgesInStore_data()
    {
        QTest::addColumn<int>("daysPastDue"); // INT_MIN = no due date
        QTest::addColumn<AgingBucket>("bucket");
        QTest::newRow("no due date") << std::numeric_limits<int>::min() << AgingBucket::Current;
        QTest::newRow("due tomorrow") << -1 << AgingBucket::Current;
        QTest::newRow("due today") << 0 << AgingBucket::Current;
        QTest::newRow("1 day past") << 1 << AgingBucket::Days1To30;
        QTest::newRow("30 days past") << 30 << AgingBucket::Days1To30;
        QTest::newRow("31 days past") << 31 << AgingBucket::Days31To60;
        QTest::newRow("60 days past") << 60 << AgingBucket::Days31To60;
        QTest::newRow("61 days past") << 61 << AgingBucket::Days61To90;
        QTest::newRow("90 days past") << 90 << AgingBucket::Days61To90;
        QTest::newRow("91 days past") << 91 << AgingBucket::Over90;
    }

    void bucketEdgesInStore()
    {
        QFETCH(int, daysPastDue);
        QFETCH(AgingBucket, bucket);
        const bool noDueDate = daysPastDue == std::numeric_limits<int>::min();
        customer(u"cus_a"_s, u"Ana Ruiz"_s);
        invoice(u"cus_a"_s, kToday.addDays(-120), noDueDate ? QDate() : kToday.addDays(-daysPastDue), 1000, 1000);

        auto d = collect();
        QVERIFY_OK(d);
        std::array<Money, Services::kAgingBucketCount> aging;
        aging.fill(money(0));
        aging[int(bucket)] = money(1000);
        const bool overdue = bucket != AgingBucket::Current;
        ClientBalance expected;
        expected.customerId = u"cus_a"_s;
        expected.displayName = u"Ana Ruiz"_s;
        expected.outstanding = money(1000);
        expected.overdue = money(overdue ? 1000 : 0);
        expected.openInvoices = 1;
        expected.oldestOverdueDueDate = overdue ? kToday.addDays(-daysPastDue) : QDate();
        expected.daysOverdue = overdue ? daysPastDue : 0;
        expected.aging = aging;
        QCOMPARE(d->clients.size(), 1);
        QCOMPARE(dump(d->clients.first()), dump(expected));
        QCOMPARE(agingText(d->aging), agingText(aging));
        QCOMPARE(d->overdueClients, overdue ? 1 : 0);
        QCOMPARE(str(d->overdue), str(money(overdue ? 1000 : 0)));
    }

    void wholeDashboard()
    {
        customer(u"cus_ana"_s, u"Ana Ruiz"_s);
        customer(u"cus_ben"_s, u"Ben Okafor"_s);
        customer(u"cus_cy"_s, u"Cy Tran"_s);
        customer(u"cus_dee"_s, u"Dee Park"_s);
        customer(u"cus_eve"_s, u"Eve Stone"_s);

        // Ana: 63 days past due (61–90) and one due today (current).
        invoice(u"cus_ana"_s, QDate(2026, 1, 10), QDate(2026, 1, 24), 13000, 13000);
        invoice(u"cus_ana"_s, QDate(2026, 3, 14), QDate(2026, 3, 28), 6500, 6500);
        payment(u"cus_ana"_s, QDate(2026, 2, 2), 6500);
        // Ben: partly paid, 133 days past due (90+), and blocked from booking.
        invoice(u"cus_ben"_s, QDate(2025, 11, 1), QDate(2025, 11, 15), 20000, 12050, MoneyStatus::PartiallyPaid);
        payment(u"cus_ben"_s, QDate(2025, 11, 20), 7950);
        flag(u"booking_block"_s, u"customer/cus_ben"_s, u"Overdue balance 120.50 is above the 100.00 threshold"_s);
        // Cy: 22 days past due (1–30); a voided invoice and one in euros count for nothing.
        invoice(u"cus_cy"_s, QDate(2026, 2, 20), QDate(2026, 3, 6), 9725, 9725, MoneyStatus::Overdue);
        invoice(u"cus_cy"_s, QDate(2026, 3, 1), QDate(2026, 3, 15), 5000, 5000, MoneyStatus::Voided);
        invoice(u"cus_cy"_s, QDate(2026, 3, 10), QDate(2026, 3, 20), 4000, 4000, MoneyStatus::Invoiced, u"EUR"_s);
        // Dee: everything paid; a resolved block and another kind of flag are not blocks.
        invoice(u"cus_dee"_s, QDate(2026, 3, 2), QDate(2026, 3, 16), 6500, 0, MoneyStatus::Paid);
        payment(u"cus_dee"_s, QDate(2026, 3, 5), 6500);
        flag(u"booking_block"_s, u"customer/cus_dee"_s, u"Overdue balance above the threshold"_s);
        QVERIFY_OK(Store::SyncStateRepository(*m_db, *m_clock).resolveFlag(u"booking_block"_s, u"customer/cus_dee"_s,
                                                                           u"owner"_s));
        flag(u"double_booking"_s, u"customer/cus_dee"_s, u"Two sessions at once"_s);
        // The window's edges: 2025-04-01 is its first day; 2025-03-31 and
        // 2026-04-01 (dated ahead) are outside.
        invoice(u"cus_dee"_s, QDate(2025, 3, 31), QDate(2025, 4, 14), 111, 0, MoneyStatus::Paid);
        invoice(u"cus_dee"_s, QDate(2025, 4, 1), QDate(2025, 4, 15), 1000, 0, MoneyStatus::Paid);
        payment(u"cus_dee"_s, QDate(2025, 3, 31), 111);
        payment(u"cus_dee"_s, QDate(2026, 4, 1), 222);
        // Eve owes nothing, but her block is still open: she is listed, flagged.
        m_clock->setNow(kNow.addSecs(-3600));
        flag(u"booking_block"_s, u"customer/cus_eve"_s, u"Booking on hold"_s);
        m_clock->setNow(kNow);

        QVERIFY_OK(Store::OperationsRepository(*m_db, *m_clock).saveConnection(Connection{
            System::QuickBooks, ConnectionState::Connected, u"Realm 4620"_s, u"https://qbo.example"_s,
            kNow.addSecs(3600), kNow.addDays(-90), kNow.addDays(10).addSecs(5 * 3600), kNow, {}, kNow}));

        auto d = collect();
        QVERIFY_OK(d);

        const auto aging = [](qint64 current, qint64 d30, qint64 d60, qint64 d90, qint64 over) {
            return u"["_s + agingText({money(current), money(d30), money(d60), money(d90), money(over)}) + u"]"_s;
        };
        QStringList expected = {
            u"currency USD"_s,
            u"asOf 2026-03-28T15:00:00.000Z"_s,
            u"today 2026-03-28"_s,
            u"Client{id='cus_ana', name='Ana Ruiz', outstanding=195.00 USD, overdue=130.00 USD, open=2, "
            "oldestOverdue=2026-01-24, daysOverdue=63, aging="_s
                + aging(6500, 0, 0, 13000, 0) + u", blocked=false, blockReason='', lastBlockedAt=<invalid>}"_s,
            u"Client{id='cus_ben', name='Ben Okafor', outstanding=120.50 USD, overdue=120.50 USD, open=1, "
            "oldestOverdue=2025-11-15, daysOverdue=133, aging="_s
                + aging(0, 0, 0, 0, 12050)
                + u", blocked=true, blockReason='Overdue balance 120.50 is above the 100.00 threshold', "
                  "lastBlockedAt=2026-03-28T15:00:00.000Z}"_s,
            u"Client{id='cus_cy', name='Cy Tran', outstanding=97.25 USD, overdue=97.25 USD, open=1, "
            "oldestOverdue=2026-03-06, daysOverdue=22, aging="_s
                + aging(0, 9725, 0, 0, 0) + u", blocked=false, blockReason='', lastBlockedAt=<invalid>}"_s,
            u"Client{id='cus_eve', name='Eve Stone', outstanding=0.00 USD, overdue=0.00 USD, open=0, "
            "oldestOverdue=<invalid>, daysOverdue=0, aging="_s
                + aging(0, 0, 0, 0, 0)
                + u", blocked=true, blockReason='Booking on hold', lastBlockedAt=2026-03-28T14:00:00.000Z}"_s,
            u"outstanding 412.75 USD"_s,
            u"overdue 347.75 USD"_s,
            u"openInvoices 4"_s,
            u"overdueClients 3"_s,
            u"blockedClients 2"_s,
            u"aging "_s + aging(6500, 9725, 0, 13000, 12050),
            u"otherCurrencyOpenInvoices 1"_s,
        };
        expected << zeroMonths(QDate(2026, 3, 1), {{u"2025-04"_s, {1000, 0}},
                                                   {u"2025-11"_s, {20000, 7950}},
                                                   {u"2026-01"_s, {13000, 0}},
                                                   {u"2026-02"_s, {9725, 6500}},
                                                   {u"2026-03"_s, {13000, 6500}}});
        QCOMPARE(dump(*d), expected);
        QVERIFY(d->hasInvoicesOrPayments());

        // Sync health is the store status as collectStatus() reads it.
        auto status = Services::collectStatus(*m_db, *m_clock);
        QVERIFY_OK(status);
        QCOMPARE(Services::statusToJson(d->sync), Services::statusToJson(*status));
        QVERIFY(d->sync.open);
        const Connection qbo = d->sync.connections.first();
        QCOMPARE(Domain::toString(qbo.system), Domain::toString(System::QuickBooks));
        QCOMPARE(Services::tokenDaysLeft(qbo, d->asOf), std::optional<qint64>(10));
    }

    void emptyStore()
    {
        auto d = collect();
        QVERIFY_OK(d);
        QStringList expected = {
            u"currency USD"_s,
            u"asOf 2026-03-28T15:00:00.000Z"_s,
            u"today 2026-03-28"_s,
            u"outstanding 0.00 USD"_s,
            u"overdue 0.00 USD"_s,
            u"openInvoices 0"_s,
            u"overdueClients 0"_s,
            u"blockedClients 0"_s,
            u"aging ["_s + agingText({money(0), money(0), money(0), money(0), money(0)}) + u"]"_s,
            u"otherCurrencyOpenInvoices 0"_s,
        };
        expected << zeroMonths(QDate(2026, 3, 1));
        QCOMPARE(dump(*d), expected);
        QVERIFY(!d->hasInvoicesOrPayments());
        QVERIFY(d->sync.open);
        QCOMPARE(d->sync.pendingJobs, qint64(0));
        QVERIFY(d->sync.latency.isEmpty());
        QCOMPARE(d->sync.connections.size(), 3);
        for (const Connection &c : std::as_const(d->sync.connections)) {
            QCOMPARE(Domain::toString(c.state), Domain::toString(ConnectionState::NotConfigured));
            QCOMPARE(Services::tokenDaysLeft(c, d->asOf), std::nullopt);
        }
    }

    // "Today" is the business's date: at 02:00 UTC it is still the day
    // before in New York, so an invoice due that day is not overdue yet there.
    void todayInBusinessTimeZone_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<qint64>("overdueMinor");
        QTest::newRow("UTC") << u"UTC"_s << QDate(2026, 3, 28) << qint64(2500);
        QTest::newRow("New York") << u"America/New_York"_s << QDate(2026, 3, 27) << qint64(0);
        QTest::newRow("unknown zone = UTC") << u"Mars/Olympus"_s << QDate(2026, 3, 28) << qint64(2500);
    }

    void todayInBusinessTimeZone()
    {
        QFETCH(QString, zone);
        QFETCH(QDate, today);
        QFETCH(qint64, overdueMinor);
        m_clock->setNow(QDateTime(QDate(2026, 3, 28), QTime(2, 0), Qt::UTC));
        customer(u"cus_a"_s, u"Ana Ruiz"_s);
        invoice(u"cus_a"_s, QDate(2026, 3, 1), QDate(2026, 3, 27), 2500, 2500);
        auto d = collect(zone);
        QVERIFY_OK(d);
        QCOMPARE(d->today, today);
        QCOMPARE(str(d->overdue), str(money(overdueMinor)));
        QCOMPARE(d->months.constLast().month, QDate(today.year(), today.month(), 1));
    }

    // The series always ends with today's month, across a year boundary.
    void monthsAcrossYearEnd()
    {
        m_clock->setNow(QDateTime(QDate(2026, 1, 31), QTime(23, 0), Qt::UTC));
        customer(u"cus_a"_s, u"Ana Ruiz"_s);
        invoice(u"cus_a"_s, QDate(2025, 2, 1), QDate(2025, 2, 15), 700, 0, MoneyStatus::Paid);
        invoice(u"cus_a"_s, QDate(2025, 12, 31), QDate(2026, 1, 14), 800, 0, MoneyStatus::Paid);
        payment(u"cus_a"_s, QDate(2026, 1, 1), 800);
        auto d = collect();
        QVERIFY_OK(d);
        QStringList months;
        for (const Services::MonthTotals &m : std::as_const(d->months))
            months << u"%1 invoiced %2 collected %3"_s.arg(m.month.toString(Qt::ISODate), str(m.invoiced),
                                                            str(m.collected));
        QCOMPARE(months, zeroMonths(QDate(2026, 1, 1), {{u"2025-02"_s, {700, 0}},
                                                        {u"2025-12"_s, {800, 0}},
                                                        {u"2026-01"_s, {0, 800}}}));
    }

    void invalidCurrencyIsAnError()
    {
        auto d = Services::collectDashboard(*m_db, *m_clock, u"dollars"_s);
        QVERIFY(!d);
        QCOMPARE(d.error().code, ErrorCode::InvalidArgument);
    }

    void tokenDaysLeft_data()
    {
        QTest::addColumn<Connection>("connection");
        QTest::addColumn<std::optional<qint64>>("days");
        Connection none;
        QTest::newRow("unknown") << none << std::optional<qint64>();
        Connection c;
        c.system = System::HubSpot;
        c.refreshExpiresAt = kNow.addDays(14);
        QTest::newRow("exactly 14 days") << c << std::optional<qint64>(14);
        c.refreshExpiresAt = kNow.addDays(14).addSecs(-1);
        QTest::newRow("a second short of 14 days") << c << std::optional<qint64>(13);
        c.refreshExpiresAt = kNow.addSecs(60);
        QTest::newRow("within the day") << c << std::optional<qint64>(0);
        c.refreshExpiresAt = kNow.addSecs(-60);
        QTest::newRow("expired a minute ago") << c << std::optional<qint64>(-1);
        c.refreshExpiresAt = kNow.addDays(-3);
        QTest::newRow("expired 3 days ago") << c << std::optional<qint64>(-3);
        Connection issued;
        issued.system = System::QuickBooks;
        issued.refreshIssuedAt = kNow.addDays(-95);
        QTest::newRow("QuickBooks: 100 days from issue") << issued << std::optional<qint64>(5);
        issued.system = System::HubSpot;
        QTest::newRow("HubSpot: issue time says nothing") << issued << std::optional<qint64>();
    }

    void tokenDaysLeft()
    {
        QFETCH(Connection, connection);
        QFETCH(std::optional<qint64>, days);
        QCOMPARE(Services::tokenDaysLeft(connection, kNow), days);
    }
};

QTEST_GUILESS_MAIN(TestDashboardData)
#include "tst_dashboarddata.moc"
