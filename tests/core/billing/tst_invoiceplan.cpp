// Billing decisions as pure functions: which invoices, with which dated
// lines; what a cancellation does to the money; when a booking is blocked.

#include "billing/invoiceplan.h"
#include "domainprinters.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Billing;
using Concord::Domain::InvoiceMode;
using Concord::Domain::InvoicePolicy;
using Concord::Domain::Money;
using Action = CancellationDecision::Action;

namespace {

Money usd(qint64 cents)
{
    return *Money::fromMinor(cents, u"USD"_s);
}

Session session(const QString &appt, const QString &customer, const QDate &day, int minutes = 60, qint64 service = 1)
{
    Session s;
    s.appointmentId = appt;
    s.customerId = customer;
    s.serviceId = service;
    s.serviceName = service == 1 ? u"1-Hour Math Tutoring"_s : u"1-Hour SAT Prep"_s;
    s.itemRef = QString::number(service);
    s.serviceDate = day;
    s.minutes = minutes;
    s.hourlyRate = usd(6500);
    return s;
}

InvoicePolicy policy(InvoiceMode mode, const QString &customer = {}, qint64 service = 0)
{
    InvoicePolicy p;
    p.mode = mode;
    p.customerId = customer;
    p.serviceId = service;
    p.paymentTermDays = 7;
    return p;
}

// "key txn due total deposit | line date qty rate amount; …"
QString describe(const PlannedInvoice &inv)
{
    QStringList lines;
    for (const PlannedLine &l : inv.lines)
        lines << u"%1 %2 %3x%4=%5"_s.arg(l.appointmentId, l.serviceDate.toString(Qt::ISODate), l.quantity.toString(),
                                         l.rate.toDecimalString(), l.amount.toDecimalString());
    return u"%1 %2 due %3 total %4 deposit %5 | %6"_s.arg(inv.key, inv.txnDate.toString(Qt::ISODate),
                                                          inv.dueDate.toString(Qt::ISODate), inv.total.toDecimalString(),
                                                          inv.deposit.toDecimalString(), lines.join(u"; "_s));
}

} // namespace

class TestInvoicePlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mostSpecificPolicyWins()
    {
        const QList<InvoicePolicy> policies = {policy(InvoiceMode::PerSession), policy(InvoiceMode::MonthlySummary, {}, 2),
                                               policy(InvoiceMode::MonthlySummary, u"cus_a"_s),
                                               policy(InvoiceMode::PerSession, u"cus_a"_s, 2)};
        QCOMPARE_NAMES(policyFor(policies, u"cus_b"_s, 1)->mode, InvoiceMode::PerSession);     // default
        QCOMPARE_NAMES(policyFor(policies, u"cus_b"_s, 2)->mode, InvoiceMode::MonthlySummary); // service
        QCOMPARE_NAMES(policyFor(policies, u"cus_a"_s, 1)->mode, InvoiceMode::MonthlySummary); // customer
        QCOMPARE_NAMES(policyFor(policies, u"cus_a"_s, 2)->mode, InvoiceMode::PerSession);     // both
        QVERIFY(!policyFor({policy(InvoiceMode::PerSession, u"cus_a"_s)}, u"cus_b"_s, 1).has_value());
    }

    void perSessionInvoicesAreDatedOnTheSession()
    {
        InvoicePolicy p = policy(InvoiceMode::PerSession);
        p.depositBasisPoints = 2500;
        auto plan = planInvoices({session(u"appt-2"_s, u"cus_a"_s, QDate(2026, 3, 10), 90),
                                  session(u"appt-1"_s, u"cus_a"_s, QDate(2026, 3, 3))},
                                 {p});
        QVERIFY_OK(plan);
        QCOMPARE(plan->size(), 2);
        QCOMPARE(describe(plan->at(0)), u"session/appt-1 2026-03-03 due 2026-03-10 total 65.00 deposit 16.25 | "
                                        "appt-1 2026-03-03 1x65.00=65.00"_s);
        QCOMPARE(describe(plan->at(1)), u"session/appt-2 2026-03-10 due 2026-03-17 total 97.50 deposit 24.38 | "
                                        "appt-2 2026-03-10 1.5x65.00=97.50"_s);
        QCOMPARE(plan->at(0).lines.first().description, u"1-Hour Math Tutoring – March 3, 2026"_s);
    }

    // Monthly summary: one invoice per client and month, one dated line per
    // session; a session rescheduled into the next month moves its line
    // there — the plan is of the current state, so it is never in both.
    void monthlySummaryAndAReschedule()
    {
        const QList<InvoicePolicy> policies = {policy(InvoiceMode::MonthlySummary)};
        QList<Session> sessions = {session(u"a1"_s, u"cus_a"_s, QDate(2026, 3, 24)),
                                   session(u"a2"_s, u"cus_a"_s, QDate(2026, 3, 3)),
                                   session(u"a3"_s, u"cus_a"_s, QDate(2026, 3, 31), 50),
                                   session(u"b1"_s, u"cus_b"_s, QDate(2026, 3, 5))};
        auto plan = planInvoices(sessions, policies);
        QVERIFY_OK(plan);
        QCOMPARE(plan->size(), 2);
        QCOMPARE(describe(plan->at(0)), u"monthly/cus_a/2026-03 2026-03-31 due 2026-04-07 total 184.17 deposit 0.00 | "
                                        "a2 2026-03-03 1x65.00=65.00; a1 2026-03-24 1x65.00=65.00; "
                                        "a3 2026-03-31 1x54.17=54.17"_s); // 50 min: one session, prorated
        QCOMPARE(plan->at(1).key, u"monthly/cus_b/2026-03"_s);

        sessions[2].serviceDate = QDate(2026, 4, 2); // a3 rescheduled into April
        auto moved = planInvoices(sessions, policies);
        QVERIFY_OK(moved);
        QCOMPARE(moved->size(), 3);
        QCOMPARE(describe(moved->at(0)), u"monthly/cus_a/2026-03 2026-03-31 due 2026-04-07 total 130.00 deposit 0.00 | "
                                         "a2 2026-03-03 1x65.00=65.00; a1 2026-03-24 1x65.00=65.00"_s);
        QCOMPARE(describe(moved->at(1)), u"monthly/cus_a/2026-04 2026-04-30 due 2026-05-07 total 54.17 deposit 0.00 | "
                                         "a3 2026-04-02 1x54.17=54.17"_s);
    }

    void monthlyPerServiceSplitsByService()
    {
        InvoicePolicy p = policy(InvoiceMode::MonthlySummary);
        p.grouping = Domain::MonthlyGrouping::PerService;
        auto plan = planInvoices({session(u"a1"_s, u"cus_a"_s, QDate(2026, 3, 3), 60, 1),
                                  session(u"a2"_s, u"cus_a"_s, QDate(2026, 3, 4), 60, 2)},
                                 {p});
        QVERIFY_OK(plan);
        QCOMPARE(plan->size(), 2);
        QCOMPARE(plan->at(0).key, u"monthly/cus_a/2026-03/1"_s);
        QCOMPARE(plan->at(1).key, u"monthly/cus_a/2026-03/2"_s);
    }

    void refusesWhatCannotBeBilled()
    {
        auto noPolicy = planInvoices({session(u"a1"_s, u"cus_a"_s, QDate(2026, 3, 3))}, {});
        QVERIFY(!noPolicy);
        QVERIFY(noPolicy.error().message.contains(u"no invoice policy"_s));
        Session eur = session(u"a2"_s, u"cus_a"_s, QDate(2026, 3, 4));
        eur.hourlyRate = *Money::fromMinor(6000, u"EUR"_s);
        auto mixed = planInvoices({session(u"a1"_s, u"cus_a"_s, QDate(2026, 3, 3)), eur},
                                  {policy(InvoiceMode::MonthlySummary)});
        QVERIFY(!mixed);
        QVERIFY(mixed.error().message.contains(u"mixes currencies"_s));
        Session noRate = session(u"a3"_s, u"cus_a"_s, QDate(2026, 3, 3));
        noRate.hourlyRate = Money();
        QVERIFY(!planInvoices({noRate}, {policy(InvoiceMode::PerSession)}));
    }

    void cancellationFollowsThePolicy_data()
    {
        QTest::addColumn<int>("policyKind");   // CancellationPolicy
        QTest::addColumn<int>("mode");         // InvoiceMode
        QTest::addColumn<bool>("invoiced");
        QTest::addColumn<qint64>("paidCents");
        QTest::addColumn<int>("hoursBefore");  // canceled this long before the session
        QTest::addColumn<QList<int>>("actions");
        QTest::addColumn<qint64>("backCents");
        QTest::addColumn<qint64>("feeCents");
        const int voidOrCredit = int(Domain::CancellationPolicy::VoidOrCredit);
        const int refund = int(Domain::CancellationPolicy::Refund);
        const int lateFee = int(Domain::CancellationPolicy::LateFee);
        const int perSession = int(InvoiceMode::PerSession);
        const int monthly = int(InvoiceMode::MonthlySummary);
        QTest::newRow("unpaid → void") << voidOrCredit << perSession << true << 0LL << 72
                                       << QList<int>{int(Action::VoidInvoice)} << 0LL << 0LL;
        QTest::newRow("paid → credit") << voidOrCredit << perSession << true << 6500LL << 72
                                       << QList<int>{int(Action::CreditPaid)} << 6500LL << 0LL;
        QTest::newRow("paid → refund") << refund << perSession << true << 6500LL << 72
                                       << QList<int>{int(Action::RefundPaid)} << 6500LL << 0LL;
        QTest::newRow("partly paid → credit what was paid") << voidOrCredit << perSession << true << 4000LL << 72
                                                            << QList<int>{int(Action::CreditPaid)} << 4000LL << 0LL;
        QTest::newRow("monthly, not sent → line leaves") << voidOrCredit << monthly << false << 0LL << 72
                                                         << QList<int>{int(Action::RemoveLine)} << 0LL << 0LL;
        QTest::newRow("late, fee policy → void and fee") << lateFee << perSession << true << 0LL << 3
                                                         << QList<int>{int(Action::VoidInvoice), int(Action::ChargeLateFee)}
                                                         << 0LL << 2500LL;
        QTest::newRow("early, fee policy → no fee") << lateFee << perSession << true << 0LL << 48
                                                    << QList<int>{int(Action::VoidInvoice)} << 0LL << 0LL;
        QTest::newRow("late, no fee policy → no fee") << voidOrCredit << perSession << false << 0LL << 3
                                                      << QList<int>{int(Action::Nothing)} << 0LL << 0LL;
    }

    void cancellationFollowsThePolicy()
    {
        QFETCH(int, policyKind);
        QFETCH(int, mode);
        QFETCH(bool, invoiced);
        QFETCH(qint64, paidCents);
        QFETCH(int, hoursBefore);
        QFETCH(QList<int>, actions);
        QFETCH(qint64, backCents);
        QFETCH(qint64, feeCents);
        InvoicePolicy p = policy(InvoiceMode(mode));
        p.cancellation = Domain::CancellationPolicy(policyKind);
        p.lateCancelWindowHours = 24;
        p.lateFeeMinor = 2500;
        const QDateTime start(QDate(2026, 3, 10), QTime(21, 0), Qt::UTC);
        const CancellationDecision d =
            decideCancellation(p, BilledState{invoiced, usd(paidCents)}, start, start.addSecs(-3600LL * hoursBefore));
        QList<int> got;
        for (Action a : d.actions)
            got << int(a);
        QCOMPARE(got, actions);
        QCOMPARE(d.refundOrCredit, usd(backCents));
        QCOMPARE(d.lateFee, usd(feeCents));
        QVERIFY(!d.reason.isEmpty());
    }

    void bookingBlockAboveTheThresholdOnly()
    {
        InvoicePolicy p = policy(InvoiceMode::PerSession);
        QVERIFY(!bookingBlock(p, usd(1'000'000)).has_value()); // no threshold: never
        p.blockThresholdMinor = 20000;
        p.blockAction = Domain::BookingBlockAction::Decline;
        QVERIFY(!bookingBlock(p, usd(20000)).has_value()); // at the threshold: still books
        QCOMPARE_NAMES(*bookingBlock(p, usd(20001)), Domain::BookingBlockAction::Decline);
    }
};

QTEST_GUILESS_MAIN(TestInvoicePlan)
#include "tst_invoiceplan.moc"
