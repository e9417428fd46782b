// Tax codes and discounts chosen by the bookkeeper's rules (product.md §4):
// which rule governs a session, and what the planner asks QuickBooks for.
// Concord never computes tax; a discount is computed here only when one
// QuickBooks discount line cannot express it.

#include "billing/billingrules.h"
#include "billing/invoiceplan.h"
#include "domainprinters.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Billing;
using Concord::Domain::DiscountRule;
using Concord::Domain::InvoiceMode;
using Concord::Domain::InvoicePolicy;
using Concord::Domain::Money;
using Concord::Domain::TaxRule;

namespace {

Money usd(qint64 cents)
{
    return *Money::fromMinor(cents, u"USD"_s);
}

TaxRule tax(qint64 id, const QString &code, const QString &customer = {}, qint64 service = 0,
            const QString &location = {}, int priority = 0)
{
    TaxRule r;
    r.id = id;
    r.taxCode = code;
    r.customerId = customer;
    r.serviceId = service;
    r.location = location;
    r.priority = priority;
    return r;
}

DiscountRule percentOff(qint64 id, int basisPoints, const QString &customer = {}, qint64 service = 0,
                        const QString &description = {})
{
    DiscountRule r;
    r.id = id;
    r.percentBasisPoints = basisPoints;
    r.customerId = customer;
    r.serviceId = service;
    r.description = description;
    return r;
}

DiscountRule amountOff(qint64 id, qint64 cents, const QString &customer = {}, qint64 service = 0,
                       const QString &description = {})
{
    DiscountRule r;
    r.id = id;
    r.amountMinor = cents;
    r.customerId = customer;
    r.serviceId = service;
    r.description = description;
    return r;
}

Session session(const QString &appt, const QString &customer, const QDate &day, qint64 service = 1,
                const QString &location = {})
{
    Session s;
    s.appointmentId = appt;
    s.customerId = customer;
    s.serviceId = service;
    s.serviceName = service == 1 ? u"1-Hour Math Tutoring"_s : u"1-Hour SAT Prep"_s;
    s.itemRef = QString::number(service);
    s.serviceDate = day;
    s.minutes = 60;
    s.hourlyRate = usd(6500);
    s.location = location;
    return s;
}

InvoicePolicy policy(InvoiceMode mode)
{
    InvoicePolicy p;
    p.mode = mode;
    p.paymentTermDays = 7;
    return p;
}

// "key tax=<code> discount=<bp>%|<amount> (<text>) | appt:taxCode; …"
QString describe(const PlannedInvoice &inv)
{
    QStringList lines;
    for (const PlannedLine &l : inv.lines)
        lines << u"%1:%2"_s.arg(l.appointmentId, l.taxCode.isEmpty() ? u"-"_s : l.taxCode);
    QString discount = u"none"_s;
    if (inv.discount) {
        discount = inv.discount->percentBasisPoints > 0 ? u"%1bp"_s.arg(inv.discount->percentBasisPoints)
                                                        : inv.discount->amount.toDecimalString();
        discount += u" ("_s + inv.discount->description + u')';
    }
    return u"%1 tax=%2 discount=%3 | %4"_s.arg(inv.key, inv.txnTaxCode.isEmpty() ? u"-"_s : inv.txnTaxCode, discount,
                                               lines.join(u"; "_s));
}

QStringList describeAll(const QList<PlannedInvoice> &plans)
{
    QStringList out;
    for (const PlannedInvoice &p : plans)
        out << describe(p);
    return out;
}

} // namespace

class TestBillingRules : public QObject
{
    Q_OBJECT

private slots:
    void mostSpecificTaxRuleWins_data()
    {
        QTest::addColumn<QString>("customer");
        QTest::addColumn<qint64>("service");
        QTest::addColumn<QString>("location");
        QTest::addColumn<qint64>("expected"); // rule id, 0 = none

        QTest::newRow("nothing specific → default") << u"c9"_s << qint64(9) << u"Elsewhere"_s << qint64(1);
        QTest::newRow("location only") << u"c9"_s << qint64(9) << u"Brooklyn"_s << qint64(2);
        QTest::newRow("location matches case-insensitively") << u"c9"_s << qint64(9) << u"brooklyn"_s << qint64(2);
        QTest::newRow("service beats location") << u"c9"_s << qint64(5) << u"Queens"_s << qint64(3);
        QTest::newRow("service and location beat service") << u"c9"_s << qint64(5) << u"Brooklyn"_s << qint64(4);
        QTest::newRow("client beats everything") << u"c1"_s << qint64(5) << u"Brooklyn"_s << qint64(5);
    }

    void mostSpecificTaxRuleWins()
    {
        QFETCH(QString, customer);
        QFETCH(qint64, service);
        QFETCH(QString, location);
        QFETCH(qint64, expected);
        // Listed least specific last on purpose: order must not matter.
        const QList<TaxRule> rules{tax(5, u"NON"_s, u"c1"_s), tax(4, u"7"_s, {}, 5, u"Brooklyn"_s),
                                   tax(3, u"8"_s, {}, 5), tax(2, u"9"_s, {}, 0, u"Brooklyn"_s), tax(1, u"6"_s)};
        const auto got = taxRuleFor(rules, {customer, service, location});
        QVERIFY(got.has_value());
        QCOMPARE(got->id, expected);
    }

    void rulesForOthersDisabledOnesAndTiesFollowTheRules()
    {
        QList<TaxRule> rules{tax(1, u"6"_s, u"c2"_s), tax(2, u"7"_s, {}, 3)};
        QVERIFY(!taxRuleFor(rules, {u"c1"_s, 1, {}}).has_value()); // another client, another service
        QVERIFY(!taxRuleFor({}, {u"c1"_s, 1, {}}).has_value());

        TaxRule off = tax(3, u"8"_s);
        off.enabled = false;
        QVERIFY(!taxRuleFor({off}, {u"c1"_s, 1, {}}).has_value());

        // Same specificity: higher priority, then the lower id.
        rules = {tax(9, u"A"_s, {}, 0, {}, 0), tax(7, u"B"_s, {}, 0, {}, 5), tax(8, u"C"_s, {}, 0, {}, 5)};
        QCOMPARE(taxRuleFor(rules, {u"c1"_s, 1, {}})->taxCode, u"B"_s);
        std::reverse(rules.begin(), rules.end());
        QCOMPARE(taxRuleFor(rules, {u"c1"_s, 1, {}})->taxCode, u"B"_s);

        const QList<DiscountRule> discounts{percentOff(1, 1000), amountOff(2, 500, u"c1"_s)};
        QCOMPARE(discountRuleFor(discounts, {u"c1"_s, 1, {}})->id, qint64(2));
        QCOMPARE(discountRuleFor(discounts, {u"c2"_s, 1, {}})->id, qint64(1));
    }

    void discountOnOneLine()
    {
        QCOMPARE(*discountOnLine(percentOff(1, 1000), usd(6500)), usd(650));
        QCOMPARE(*discountOnLine(percentOff(1, 1250), usd(4875)), usd(609)); // 609.375 → half up
        QCOMPARE(*discountOnLine(percentOff(1, 333), usd(150)), usd(5));     // 4.995 → 5
        QCOMPARE(*discountOnLine(amountOff(1, 500), usd(6500)), usd(500));
        QCOMPARE(*discountOnLine(amountOff(1, 9000), usd(6500)), usd(6500)); // never more than the line
        DiscountRule euros = amountOff(1, 500);
        euros.currency = u"EUR"_s;
        const auto mixed = discountOnLine(euros, usd(6500));
        QVERIFY(!mixed.has_value());
        QCOMPARE(errorCodeName(mixed.error().code), errorCodeName(ErrorCode::InvalidArgument));
    }

    void perSessionInvoicesCarryTheirRules()
    {
        const QDate day(2026, 3, 3);
        const BillingRules rules{{tax(1, u"NON"_s), tax(2, u"5"_s, {}, 2)},
                                 {percentOff(1, 1000, u"c1"_s, 0, u"Sibling discount"_s), amountOff(2, 1500, u"c2"_s)}};
        const auto plans = planInvoices({session(u"10"_s, u"c1"_s, day), session(u"11"_s, u"c2"_s, day, 2),
                                         session(u"12"_s, u"c3"_s, day)},
                                        {policy(InvoiceMode::PerSession)}, rules);
        QVERIFY(plans.has_value());
        QCOMPARE(describeAll(*plans), (QStringList{
                                          u"session/10 tax=- discount=1000bp (Sibling discount) | 10:NON"_s,
                                          u"session/11 tax=5 discount=15.00 (Discount) | 11:TAX"_s,
                                          u"session/12 tax=- discount=none | 12:NON"_s,
                                      }));
        // Totals stay the lines' sum: QuickBooks applies tax and discount.
        QCOMPARE(plans->at(0).total, usd(6500));
    }

    void noRulesMeansNothingIsChosen()
    {
        const auto plans = planInvoices({session(u"10"_s, u"c1"_s, QDate(2026, 3, 3))}, {policy(InvoiceMode::PerSession)});
        QVERIFY(plans.has_value());
        QCOMPARE(describeAll(*plans), QStringList{u"session/10 tax=- discount=none | 10:-"_s});
    }

    void monthlyInvoiceWithTwoTaxCodesIsSplit()
    {
        // Two places taxed differently in one month: one QuickBooks invoice
        // can carry one tax code, so each code gets its own invoice; the
        // untaxed online session stays on the plain one.
        const BillingRules rules{{tax(1, u"5"_s, {}, 0, u"Brooklyn"_s), tax(2, u"6"_s, {}, 0, u"Jersey City"_s),
                                  tax(3, u"NON"_s, {}, 0, u"Online"_s)},
                                 {}};
        const auto plans = planInvoices({session(u"10"_s, u"c1"_s, QDate(2026, 3, 3), 1, u"Brooklyn"_s),
                                         session(u"11"_s, u"c1"_s, QDate(2026, 3, 10), 1, u"Jersey City"_s),
                                         session(u"12"_s, u"c1"_s, QDate(2026, 3, 17), 1, u"Online"_s),
                                         session(u"13"_s, u"c1"_s, QDate(2026, 3, 24), 1, u"Brooklyn"_s)},
                                        {policy(InvoiceMode::MonthlySummary)}, rules);
        QVERIFY(plans.has_value());
        QCOMPARE(describeAll(*plans), (QStringList{
                                          u"monthly/c1/2026-03 tax=- discount=none | 12:NON"_s,
                                          u"monthly/c1/2026-03/tax/5 tax=5 discount=none | 10:TAX; 13:TAX"_s,
                                          u"monthly/c1/2026-03/tax/6 tax=6 discount=none | 11:TAX"_s,
                                      }));

        // One taxable code plus untaxed lines: one invoice, no split.
        const auto one = planInvoices({session(u"10"_s, u"c1"_s, QDate(2026, 3, 3), 1, u"Brooklyn"_s),
                                       session(u"12"_s, u"c1"_s, QDate(2026, 3, 17), 1, u"Online"_s)},
                                      {policy(InvoiceMode::MonthlySummary)}, rules);
        QVERIFY(one.has_value());
        QCOMPARE(describeAll(*one), QStringList{u"monthly/c1/2026-03 tax=5 discount=none | 10:TAX; 12:NON"_s});
    }

    void monthlyDiscounts()
    {
        const QList<InvoicePolicy> monthly{policy(InvoiceMode::MonthlySummary)};
        // Every line under one percentage: QuickBooks computes it.
        auto plans = planInvoices({session(u"10"_s, u"c1"_s, QDate(2026, 3, 3)),
                                   session(u"11"_s, u"c1"_s, QDate(2026, 3, 10), 2)},
                                  monthly, {{}, {percentOff(1, 1000, u"c1"_s, 0, u"Loyalty"_s)}});
        QVERIFY(plans.has_value());
        QCOMPARE(describeAll(*plans), QStringList{u"monthly/c1/2026-03 tax=- discount=1000bp (Loyalty) | 10:-; 11:-"_s});

        // A fixed amount per session: once per session it governs.
        plans = planInvoices({session(u"10"_s, u"c1"_s, QDate(2026, 3, 3)), session(u"11"_s, u"c1"_s, QDate(2026, 3, 10))},
                             monthly, {{}, {amountOff(1, 500, u"c1"_s, 0, u"Package"_s)}});
        QVERIFY(plans.has_value());
        QCOMPARE(describeAll(*plans), QStringList{u"monthly/c1/2026-03 tax=- discount=10.00 (Package) | 10:-; 11:-"_s});

        // Only SAT prep is discounted: one fixed line, the SAT share alone.
        plans = planInvoices({session(u"10"_s, u"c1"_s, QDate(2026, 3, 3)),
                              session(u"11"_s, u"c1"_s, QDate(2026, 3, 10), 2)},
                             monthly, {{}, {percentOff(1, 2000, {}, 2, u"SAT special"_s)}});
        QVERIFY(plans.has_value());
        QCOMPARE(describeAll(*plans), QStringList{u"monthly/c1/2026-03 tax=- discount=13.00 (SAT special) | 10:-; 11:-"_s});
    }
};

QTEST_GUILESS_MAIN(TestBillingRules)
#include "tst_billingrules.moc"
