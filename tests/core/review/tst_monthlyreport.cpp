// The monthly and aging reports (Review::collectMonthlyReport /
// collectAgingReport) on a real store, both engines: totals to the cent with
// odd cents, partial payments, voided invoices, credit memos and refund
// receipts, overdue edges (due on the balance date is not overdue), month
// edges judged in the business zone, balances rebuilt for a past month, the
// aging report agreeing with the dashboard, and the JSON and CSV text exactly.
#include "../store/storetestsupport.h"
#include "domainprinters.h"

#include "common/clock.h"
#include "review/agingreport.h"
#include "review/monthlyreport.h"
#include "services/dashboarddata.h"
#include "store/billingrepository.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/operationsrepository.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::StoreTest;

namespace {

// Saturday 28 March 2026, mid-afternoon UTC.
const QDateTime kNow(QDate(2026, 3, 28), QTime(15, 0), Qt::UTC);

} // namespace

class TestMonthlyReport : public QObject
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

    qint64 invoice(const QString &customerId, const QDate &txnDate, const QDate &dueDate, qint64 totalMinor,
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
        return saved.value_or(0);
    }

    void payment(const QString &customerId, const QDate &txnDate, qint64 amountMinor,
                 QList<std::pair<qint64, qint64>> applied = {}, const QString &currency = u"USD"_s)
    {
        Payment p;
        p.customerId = customerId;
        p.quickbooksId = u"qp-%1"_s.arg(++m_serial);
        p.txnDate = txnDate;
        p.amount = money(amountMinor, currency);
        qint64 unapplied = amountMinor;
        for (const auto &[invoiceId, minor] : applied) {
            p.applications.append(PaymentApplication{invoiceId, money(minor, currency)});
            unapplied -= minor;
        }
        p.unapplied = money(unapplied, currency);
        auto saved = Store::BillingRepository(*m_db, *m_clock).savePayment(p);
        if (!saved)
            QTest::qFail(outcome(saved).constData(), __FILE__, __LINE__);
    }

    void credit(CreditKind kind, const QString &customerId, qint64 invoiceId, const QDate &txnDate, qint64 minor)
    {
        Credit c;
        c.kind = kind;
        c.customerId = customerId;
        c.quickbooksId = u"qc-%1"_s.arg(++m_serial);
        c.invoiceId = invoiceId;
        c.txnDate = txnDate;
        c.amount = money(minor);
        auto saved = Store::BillingRepository(*m_db, *m_clock).saveCredit(c);
        if (!saved)
            QTest::qFail(outcome(saved).constData(), __FILE__, __LINE__);
    }

    // The business used by most tests: odd cents, partial payments, a void,
    // a credit memo and a refund receipt in March 2026, one EUR client.
    void seedMarch()
    {
        customer(u"c-ada"_s, u"Ada Lovelace"_s);
        customer(u"c-bob"_s, u"Bob, \"the builder\""_s);
        customer(u"c-cy"_s, u"Cy Young"_s);
        customer(u"c-eu"_s, u"Émile"_s);
        // Ada: 101.01 invoiced 1 Mar due 27 Mar (1 day past on the 28th),
        // 33.33 paid on it in March; 0.99 due today (not overdue).
        const qint64 ada1 = invoice(u"c-ada"_s, {2026, 3, 1}, {2026, 3, 27}, 10101, 6768, MoneyStatus::PartiallyPaid);
        invoice(u"c-ada"_s, {2026, 3, 28}, {2026, 3, 28}, 99, 99);
        payment(u"c-ada"_s, {2026, 3, 5}, 3333, {{ada1, 3333}});
        // Bob: February invoice 250.55 due 10 Feb, still open (46 days past);
        // a March invoice 19.97 paid in full on the 20th.
        invoice(u"c-bob"_s, {2026, 2, 1}, {2026, 2, 10}, 25055, 25055);
        const qint64 bob2 = invoice(u"c-bob"_s, {2026, 3, 2}, {2026, 3, 16}, 1997, 0, MoneyStatus::Paid);
        payment(u"c-bob"_s, {2026, 3, 20}, 1997, {{bob2, 1997}});
        // Cy: a voided March invoice, one with a credit memo (refunded in the
        // mirror), a refund receipt, and a payment partly unapplied.
        invoice(u"c-cy"_s, {2026, 3, 3}, {2026, 3, 10}, 0, 0, MoneyStatus::Voided);
        const qint64 cy2 = invoice(u"c-cy"_s, {2026, 3, 4}, {2026, 3, 11}, 4000, 1500, MoneyStatus::Refunded);
        credit(CreditKind::CreditMemo, u"c-cy"_s, cy2, {2026, 3, 6}, 2500);
        credit(CreditKind::RefundReceipt, u"c-cy"_s, cy2, {2026, 3, 7}, 1001);
        payment(u"c-cy"_s, {2026, 3, 9}, 5000);
        // Dated 1 April: not March's invoicing, but open today.
        invoice(u"c-cy"_s, {2026, 4, 1}, {2026, 4, 30}, 777, 777);
        // EUR: 12.34 open, due 31 Dec 2025 (87 days past).
        invoice(u"c-eu"_s, {2025, 12, 1}, {2025, 12, 31}, 1234, 1234, MoneyStatus::Invoiced, u"EUR"_s);
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

    void parseMonth_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("month");
        QTest::newRow("plain") << u"2026-03"_s << QDate(2026, 3, 1);
        QTest::newRow("trimmed") << u" 2026-12 "_s << QDate(2026, 12, 1);
        QTest::newRow("month 13") << u"2026-13"_s << QDate();
        QTest::newRow("month 0") << u"2026-00"_s << QDate();
        QTest::newRow("one digit") << u"2026-3"_s << QDate();
        QTest::newRow("full date") << u"2026-03-01"_s << QDate();
        QTest::newRow("words") << u"March"_s << QDate();
        QTest::newRow("empty") << QString() << QDate();
    }

    void parseMonth()
    {
        QFETCH(QString, text);
        QFETCH(QDate, month);
        auto parsed = Review::parseReportMonth(text);
        if (month.isValid()) {
            QVERIFY_OK(parsed);
            QCOMPARE(*parsed, month);
        } else {
            QVERIFY(!parsed);
            QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
            QVERIFY2(parsed.error().message.contains(u"YYYY-MM"_s), qPrintable(parsed.error().message));
        }
    }

    void currentMonthTotals()
    {
        seedMarch();
        auto r = Review::collectMonthlyReport(*m_db, *m_clock, u"UTC"_s, {2026, 3, 15});
        QVERIFY_OK(r);
        QCOMPARE(r->periodStart, QDate(2026, 3, 1));
        QCOMPARE(r->periodEnd, QDate(2026, 3, 31));
        QVERIFY(r->balancesAsOfToday);
        QCOMPARE(r->balancesAsOf, QDate(2026, 3, 28));
        QCOMPARE(r->currencies.size(), 2);
        const Review::MonthlyCurrency *usd = r->currency(u"USD"_s);
        QVERIFY(usd);
        // 101.01 + 0.99 + 19.97 + 40.00 (voided 0 left out, April's 7.77 too).
        QCOMPARE(str(usd->invoiced), u"161.97 USD"_s);
        QCOMPARE(usd->invoiceCount, 4);
        QCOMPARE(str(usd->credited), u"25.00 USD"_s);
        QCOMPARE(str(usd->netInvoiced), u"136.97 USD"_s);
        QCOMPARE(str(usd->collected), u"103.30 USD"_s); // 33.33 + 19.97 + 50.00
        QCOMPARE(usd->paymentCount, 3);
        QCOMPARE(str(usd->refunded), u"10.01 USD"_s);
        QCOMPARE(str(usd->netCollected), u"93.29 USD"_s);
        // Open now: 67.68 + 0.99 + 250.55 + 7.77 (April's invoice is open
        // today too); Cy's refunded invoice carries nothing.
        QCOMPARE(str(usd->outstanding), u"326.99 USD"_s);
        QCOMPARE(str(usd->overdue), u"318.23 USD"_s); // 67.68 + 250.55
        QCOMPARE(usd->overdueClients.size(), 2);
        QCOMPARE(usd->overdueClients.at(0).displayName, u"Bob, \"the builder\""_s);
        QCOMPARE(usd->overdueClients.at(0).oldestDueDate, QDate(2026, 2, 10));
        QCOMPARE(usd->overdueClients.at(0).daysOverdue, 46);
        QCOMPARE(str(usd->overdueClients.at(0).overdue), u"250.55 USD"_s);
        QCOMPARE(usd->overdueClients.at(1).customerId, u"c-ada"_s);
        QCOMPARE(usd->overdueClients.at(1).daysOverdue, 1);
        QCOMPARE(str(usd->overdueClients.at(1).overdue), u"67.68 USD"_s);
        QCOMPARE(str(usd->overdueClients.at(1).balance), u"68.67 USD"_s);
        QCOMPARE(usd->overdueClients.at(1).openInvoices, 2);
        const Review::MonthlyCurrency *eur = r->currency(u"EUR"_s);
        QVERIFY(eur);
        QCOMPARE(str(eur->invoiced), u"0.00 EUR"_s);
        QCOMPARE(str(eur->outstanding), u"12.34 EUR"_s);
        QCOMPARE(eur->overdueClients.size(), 1);
        QCOMPARE(eur->overdueClients.at(0).daysOverdue, 87);
    }

    void overdueEdge_data()
    {
        QTest::addColumn<QDate>("dueDate");
        QTest::addColumn<int>("daysOverdue"); // -1 = not overdue
        QTest::newRow("due tomorrow") << QDate(2026, 3, 29) << -1;
        QTest::newRow("due today") << QDate(2026, 3, 28) << -1;
        QTest::newRow("due yesterday") << QDate(2026, 3, 27) << 1;
        QTest::newRow("no due date") << QDate() << -1;
        QTest::newRow("91 days") << QDate(2025, 12, 27) << 91;
    }

    void overdueEdge()
    {
        QFETCH(QDate, dueDate);
        QFETCH(int, daysOverdue);
        customer(u"c-1"_s, u"One"_s);
        invoice(u"c-1"_s, {2025, 12, 1}, dueDate, 1001, 1001);
        auto r = Review::collectMonthlyReport(*m_db, *m_clock, u"UTC"_s, {2026, 3, 1});
        QVERIFY_OK(r);
        QCOMPARE(r->currencies.size(), 1);
        const auto &usd = r->currencies.at(0);
        QCOMPARE(str(usd.outstanding), u"10.01 USD"_s);
        if (daysOverdue < 0) {
            QVERIFY(usd.overdueClients.isEmpty());
            QCOMPARE(str(usd.overdue), u"0.00 USD"_s);
        } else {
            QCOMPARE(usd.overdueClients.size(), 1);
            QCOMPARE(usd.overdueClients.at(0).daysOverdue, daysOverdue);
            QCOMPARE(str(usd.overdue), u"10.01 USD"_s);
        }
    }

    // 1 April 02:00 UTC is still 31 March in Los Angeles: March is the
    // current month there (live balances) and April has not begun.
    void monthEdgesInBusinessZone()
    {
        customer(u"c-1"_s, u"One"_s);
        invoice(u"c-1"_s, {2026, 3, 31}, {2026, 4, 30}, 1234, 1234);
        invoice(u"c-1"_s, {2026, 4, 1}, {2026, 5, 1}, 500, 500);
        m_clock->setNow(QDateTime(QDate(2026, 4, 1), QTime(2, 0), Qt::UTC));
        auto march = Review::collectMonthlyReport(*m_db, *m_clock, u"America/Los_Angeles"_s, {2026, 3, 1});
        QVERIFY_OK(march);
        QVERIFY(march->balancesAsOfToday);
        QCOMPARE(march->balancesAsOf, QDate(2026, 3, 31));
        QCOMPARE(str(march->currencies.at(0).invoiced), u"12.34 USD"_s);
        auto april = Review::collectMonthlyReport(*m_db, *m_clock, u"America/Los_Angeles"_s, {2026, 4, 1});
        QVERIFY(!april);
        QCOMPARE(april.error().code, ErrorCode::InvalidArgument);
        // In UTC it is April: March is past, its balances are as of 31 March
        // (April's invoice is not in them).
        auto marchUtc = Review::collectMonthlyReport(*m_db, *m_clock, u"UTC"_s, {2026, 3, 1});
        QVERIFY_OK(marchUtc);
        QVERIFY(!marchUtc->balancesAsOfToday);
        QCOMPARE(marchUtc->balancesAsOf, QDate(2026, 3, 31));
        QCOMPARE(str(marchUtc->currencies.at(0).outstanding), u"12.34 USD"_s);
    }

    // February as of its last day: Bob's invoice was open, and so was Ada's
    // January invoice that she paid only in March.
    void pastMonthRebuildsBalances()
    {
        customer(u"c-ada"_s, u"Ada"_s);
        customer(u"c-bob"_s, u"Bob"_s);
        const qint64 jan = invoice(u"c-ada"_s, {2026, 1, 20}, {2026, 2, 19}, 20001, 0, MoneyStatus::Paid);
        payment(u"c-ada"_s, {2026, 2, 5}, 5000, {{jan, 5000}});
        payment(u"c-ada"_s, {2026, 3, 2}, 15001, {{jan, 15001}});
        invoice(u"c-bob"_s, {2026, 2, 1}, {2026, 2, 10}, 25055, 25055);
        invoice(u"c-bob"_s, {2026, 3, 1}, {2026, 3, 2}, 100, 100); // after February: not in it
        auto r = Review::collectMonthlyReport(*m_db, *m_clock, u"UTC"_s, {2026, 2, 1});
        QVERIFY_OK(r);
        QVERIFY(!r->balancesAsOfToday);
        QCOMPARE(r->balancesAsOf, QDate(2026, 2, 28));
        const auto &usd = r->currencies.at(0);
        QCOMPARE(str(usd.invoiced), u"250.55 USD"_s);
        QCOMPARE(str(usd.collected), u"50.00 USD"_s);
        QCOMPARE(str(usd.outstanding), u"400.56 USD"_s); // 150.01 + 250.55
        QCOMPARE(usd.overdueClients.size(), 2);
        QCOMPARE(usd.overdueClients.at(0).customerId, u"c-bob"_s);
        QCOMPARE(usd.overdueClients.at(0).daysOverdue, 18);
        QCOMPARE(usd.overdueClients.at(1).customerId, u"c-ada"_s);
        QCOMPARE(usd.overdueClients.at(1).daysOverdue, 9);
        QCOMPARE(str(usd.overdueClients.at(1).overdue), u"150.01 USD"_s);
    }

    void futureMonthIsAnError()
    {
        auto r = Review::collectMonthlyReport(*m_db, *m_clock, u"UTC"_s, {2026, 4, 1});
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(r.error().message.contains(u"2026-04"_s), qPrintable(r.error().message));
    }

    void emptyStore()
    {
        auto r = Review::collectMonthlyReport(*m_db, *m_clock, u"UTC"_s, {2026, 3, 1});
        QVERIFY_OK(r);
        QVERIFY(r->currencies.isEmpty());
        QVERIFY(!r->source.mirrorSyncedAt.isValid());
    }

    // The aging report as of today is the dashboard's aging, bucket by bucket.
    void agingAgreesWithDashboard()
    {
        seedMarch();
        invoice(u"c-ada"_s, {2025, 11, 1}, {2025, 12, 1}, 9999, 9999); // 117 days: 90+
        invoice(u"c-cy"_s, {2026, 1, 1}, {2026, 1, 27}, 4242, 4242);   // 60 days: 31–60
        auto aging = Review::collectAgingReport(*m_db, *m_clock, u"UTC"_s);
        QVERIFY_OK(aging);
        QVERIFY(aging->asOfToday);
        auto dash = Services::collectDashboard(*m_db, *m_clock, u"USD"_s, u"UTC"_s);
        QVERIFY_OK(dash);
        const Review::AgingCurrency *usd = aging->currency(u"USD"_s);
        QVERIFY(usd);
        for (int i = 0; i < Services::kAgingBucketCount; ++i)
            QCOMPARE(str(usd->totals.at(i)), str(dash->aging.at(i)));
        QCOMPARE(str(usd->balance), str(dash->outstanding));
        QCOMPARE(str(usd->overdue), str(dash->overdue));
        QCOMPARE(usd->clients.size(), dash->clients.size());
        for (qsizetype i = 0; i < usd->clients.size(); ++i) {
            QCOMPARE(usd->clients.at(i).customerId, dash->clients.at(i).customerId);
            QCOMPARE(usd->clients.at(i).daysOverdue, dash->clients.at(i).daysOverdue);
        }
    }

    void jsonText()
    {
        seedMarch();
        auto source = Store::OperationsRepository(*m_db, *m_clock).setCursor(System::QuickBooks, u"cdc"_s, u"x"_s);
        QVERIFY_OK(source);
        m_clock->advanceSecs(60);
        auto r = Review::collectMonthlyReport(*m_db, *m_clock, u"UTC"_s, {2026, 3, 1});
        QVERIFY_OK(r);
        r->currencies.removeIf([](const Review::MonthlyCurrency &c) { return c.currency == u"USD"_s; });
        const QByteArray expected = R"({
    "balancesAsOf": "2026-03-28",
    "balancesAsOfToday": true,
    "businessName": "",
    "businessTimeZone": "UTC",
    "currencies": [
        {
            "collected": "0.00",
            "credited": "0.00",
            "currency": "EUR",
            "invoiceCount": 0,
            "invoiced": "0.00",
            "netCollected": "0.00",
            "netInvoiced": "0.00",
            "outstanding": "12.34",
            "overdue": "12.34",
            "overdueClients": [
                {
                    "balance": "12.34",
                    "customerId": "c-eu",
                    "daysOverdue": 87,
                    "name": "Émile",
                    "oldestDueDate": "2025-12-31",
                    "openInvoices": 1,
                    "overdue": "12.34"
                }
            ],
            "paymentCount": 0,
            "refunded": "0.00"
        }
    ],
    "generatedAt": "2026-03-28T15:01:00Z",
    "mirrorSyncedAt": "2026-03-28T15:00:00Z",
    "month": "2026-03",
    "periodEnd": "2026-03-31",
    "periodStart": "2026-03-01",
    "report": "monthly"
}
)";
        QCOMPARE(QString::fromUtf8(Review::monthlyReportToJson(*r)), QString::fromUtf8(expected));
    }

    void csvText()
    {
        seedMarch();
        auto r = Review::collectMonthlyReport(*m_db, *m_clock, u"UTC"_s, {2026, 3, 1});
        QVERIFY_OK(r);
        const QByteArray expected =
            "record,month,balances_as_of,currency,customer_id,customer,invoiced,credited,net_invoiced,collected,"
            "refunded,net_collected,outstanding,overdue,open_invoices,oldest_due_date,days_overdue\r\n"
            "total,2026-03,2026-03-28,EUR,,,0.00,0.00,0.00,0.00,0.00,0.00,12.34,12.34,,,\r\n"
            "overdue_client,2026-03,2026-03-28,EUR,c-eu,\xc3\x89mile,,,,,,,12.34,12.34,1,2025-12-31,87\r\n"
            "total,2026-03,2026-03-28,USD,,,161.97,25.00,136.97,103.30,10.01,93.29,326.99,318.23,,,\r\n"
            "overdue_client,2026-03,2026-03-28,USD,c-bob,\"Bob, \"\"the builder\"\"\",,,,,,,250.55,250.55,1,"
            "2026-02-10,46\r\n"
            "overdue_client,2026-03,2026-03-28,USD,c-ada,Ada Lovelace,,,,,,,68.67,67.68,2,2026-03-27,1\r\n";
        QCOMPARE(QString::fromUtf8(Review::monthlyReportToCsv(*r)), QString::fromUtf8(expected));
    }

    void agingCsvText()
    {
        seedMarch();
        auto r = Review::collectAgingReport(*m_db, *m_clock, u"UTC"_s, {2026, 3, 28});
        QVERIFY_OK(r);
        const QByteArray expected =
            "record,as_of,currency,customer_id,customer,current,days_1_30,days_31_60,days_61_90,days_over_90,"
            "balance,overdue,open_invoices,oldest_overdue_due_date,days_overdue\r\n"
            "client,2026-03-28,EUR,c-eu,\xc3\x89mile,0.00,0.00,0.00,12.34,0.00,12.34,12.34,1,2025-12-31,87\r\n"
            "total,2026-03-28,EUR,,,0.00,0.00,0.00,12.34,0.00,12.34,12.34,1,,\r\n"
            "client,2026-03-28,USD,c-bob,\"Bob, \"\"the builder\"\"\",0.00,0.00,250.55,0.00,0.00,250.55,250.55,1,"
            "2026-02-10,46\r\n"
            "client,2026-03-28,USD,c-ada,Ada Lovelace,0.99,67.68,0.00,0.00,0.00,68.67,67.68,2,2026-03-27,1\r\n"
            "client,2026-03-28,USD,c-cy,Cy Young,7.77,0.00,0.00,0.00,0.00,7.77,0.00,1,,\r\n"
            "total,2026-03-28,USD,,,8.76,67.68,250.55,0.00,0.00,326.99,318.23,4,,\r\n";
        QCOMPARE(QString::fromUtf8(Review::agingReportToCsv(*r)), QString::fromUtf8(expected));
    }
};

QTEST_GUILESS_MAIN(TestMonthlyReport)
#include "tst_monthlyreport.moc"
