// The "Tax, discounts and invoicing" page: its three models, the wording of
// scopes and rules, the edit dialogs' validation and the exact values they
// produce, the signals the page emits, permissions, and the "Which rule
// applies?" preview.
#include "billingrulesdialogs.h"
#include "billingrulesmodels.h"
#include "billingrulespage.h"
#include "theme.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using Concord::Domain::BookingBlockAction;
using Concord::Domain::CancellationPolicy;
using Concord::Domain::DiscountRule;
using Concord::Domain::InvoiceMode;
using Concord::Domain::InvoicePolicy;
using Concord::Domain::MonthlyGrouping;
using Concord::Domain::Role;
using Concord::Domain::Service;
using Concord::Domain::TaxRule;
using namespace Concord::Ui;
using Section = BillingRulesPage::Section;

namespace {

const QDateTime kEdited = QDateTime(QDate(2026, 3, 28), QTime(10, 15), Qt::UTC);

Service service(qint64 id, const QString &name, const QString &location, bool active = true)
{
    Service s;
    s.id = id;
    s.name = name;
    s.location = location;
    s.rateMinor = 6500;
    s.active = active;
    return s;
}

TaxRule taxRule(qint64 id, qint64 serviceId, const QString &location, const QString &customerId,
                const QString &code, int priority = 0, bool enabled = true)
{
    TaxRule r;
    r.id = id;
    r.serviceId = serviceId;
    r.location = location;
    r.customerId = customerId;
    r.taxCode = code;
    r.priority = priority;
    r.enabled = enabled;
    r.version = int(id % 5) + 1;
    r.updatedBy = QStringLiteral("bea");
    r.updatedAt = kEdited;
    return r;
}

DiscountRule discountRule(qint64 id, qint64 serviceId, const QString &location,
                          const QString &customerId, int basisPoints, qint64 amountMinor,
                          const QString &description)
{
    DiscountRule r;
    r.id = id;
    r.serviceId = serviceId;
    r.location = location;
    r.customerId = customerId;
    r.percentBasisPoints = basisPoints;
    r.amountMinor = amountMinor;
    r.description = description;
    r.version = 2;
    r.updatedBy = QStringLiteral("bea");
    r.updatedAt = kEdited;
    return r;
}

// The demo tutoring business: two services in two boroughs, a retired one,
// two clients, QuickBooks' tax codes, and rules of every specificity.
BillingRulesSnapshot sampleSnapshot()
{
    BillingRulesSnapshot s;
    s.services = { service(1, QStringLiteral("Math Tutoring"), QStringLiteral("Brooklyn")),
                   service(2, QStringLiteral("Piano Lessons"), QStringLiteral("Queens")),
                   service(3, QStringLiteral("SAT Prep"), QStringLiteral("Online"), false) };
    s.customers = { { QStringLiteral("c-ana"), QStringLiteral("Ana Ruiz") },
                    { QStringLiteral("c-ben"), QStringLiteral("Ben Okafor") } };
    s.taxCodes = { { QStringLiteral("TAX"), QStringLiteral("Sales tax") },
                   { QStringLiteral("CITY"), QStringLiteral("City tax") },
                   { QStringLiteral("NON"), QStringLiteral("Not taxable") } };
    s.taxRules = {
        taxRule(1, 0, {}, {}, QStringLiteral("NON")), // the default
        taxRule(2, 1, {}, {}, QStringLiteral("TAX")), // Math anywhere
        taxRule(3, 1, QStringLiteral("Brooklyn"), {}, QStringLiteral("TAX")),
        taxRule(4, 0, {}, QStringLiteral("c-ana"), QStringLiteral("NON")),
        taxRule(5, 0, QStringLiteral("Queens"), {}, QStringLiteral("TAX"), 0, false), // off
        // Same scope as 3, higher priority: wins the tie.
        taxRule(6, 1, QStringLiteral("Brooklyn"), {}, QStringLiteral("CITY"), 5),
    };
    s.discountRules = {
        discountRule(11, 0, {}, QStringLiteral("c-ben"), 1000, 0,
                     QStringLiteral("Sibling discount")),
        discountRule(12, 2, {}, {}, 0, 500, QStringLiteral("Piano promo")),
        // Lower case on purpose: locations match regardless of case.
        discountRule(13, 0, QStringLiteral("brooklyn"), {}, 500, 0,
                     QStringLiteral("Brooklyn discount")),
    };
    InvoicePolicy byDefault;
    byDefault.id = 20;
    byDefault.version = 3;
    byDefault.updatedBy = QStringLiteral("olga");
    byDefault.updatedAt = kEdited;
    InvoicePolicy piano = byDefault;
    piano.id = 21;
    piano.serviceId = 2;
    piano.mode = InvoiceMode::MonthlySummary;
    piano.depositBasisPoints = 2500;
    piano.paymentTermDays = 14;
    piano.cancellation = CancellationPolicy::LateFee;
    piano.lateFeeMinor = 2000;
    piano.blockThresholdMinor = 50000;
    piano.blockAction = BookingBlockAction::Hold;
    InvoicePolicy ana = byDefault;
    ana.id = 22;
    ana.customerId = QStringLiteral("c-ana");
    ana.mode = InvoiceMode::MonthlySummary;
    ana.grouping = MonthlyGrouping::PerService;
    ana.paymentTermDays = 0;
    ana.cancellation = CancellationPolicy::Refund;
    ana.blockThresholdMinor = 10000;
    ana.blockAction = BookingBlockAction::Decline;
    s.invoicePolicies = { byDefault, piano, ana };
    return s;
}

template<typename Model> QList<qint64> idsInOrder(Model &model, int column, Qt::SortOrder order)
{
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(BillingRulesRoles::SortRole);
    proxy.sort(column, order);
    QList<qint64> ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids << proxy.index(row, 0).data(BillingRulesRoles::IdRole).toLongLong();
    return ids;
}

// Runs the add or edit dialog the page opened: `fill` sets its fields, then
// Save is clicked the way a person would.
template<typename Dialog, typename Fill> bool saveOpenDialog(BillingRulesPage &page, Fill fill)
{
    auto *dialog = qobject_cast<Dialog *>(page.openDialog());
    if (!dialog)
        return false;
    fill(dialog);
    if (!dialog->okButton()->isEnabled())
        return false;
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    return page.openDialog() == nullptr;
}

} // namespace

class TestBillingRulesPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void modelsPassTester();
    void columnsAndHeaders();
    void scopeWording_data();
    void scopeWording();
    void modelDisplay();
    void sortsBySpecificity();
    void parsePercent_data();
    void parsePercent();
    void parseAmount_data();
    void parseAmount();
    void numbersAsTypedInTheLocale_data();
    void numbersAsTypedInTheLocale();
    void taxDialog();
    void discountDialogPercent_data();
    void discountDialogPercent();
    void discountDialogAmount_data();
    void discountDialogAmount();
    void discountDialogKeepsIdentity();
    void policyDialog();
    void policyDialogRefusesTakenScope();
    void pageAddEditDelete();
    void pageDiscountAndPolicySignals();
    void officeManagerIsReadOnly();
    void bookkeeperAndOwnerCanEdit();
    void preview_data();
    void preview();
    void previewFillsServiceLocation();
    void emptyStatesAndNotices();
    void errorBanner();
    void renderForReview();
};

void TestBillingRulesPage::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Theme::initResources();
    auto *english = new QTranslator(this);
    QVERIFY(english->load(QStringLiteral(":/i18n/concord_en.qm")));
    QCoreApplication::installTranslator(english);
}

void TestBillingRulesPage::modelsPassTester()
{
    const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
    const BillingRulesSnapshot sample = sampleSnapshot();

    TaxRulesModel tax;
    QAbstractItemModelTester taxTester(&tax, mode);
    DiscountRulesModel discounts;
    QAbstractItemModelTester discountTester(&discounts, mode);
    InvoicePoliciesModel policies;
    QAbstractItemModelTester policyTester(&policies, mode);

    for (const BillingRulesSnapshot &snapshot : { sample, BillingRulesSnapshot(), sample }) {
        tax.setSnapshot(snapshot);
        discounts.setSnapshot(snapshot);
        policies.setSnapshot(snapshot);
        QCOMPARE(tax.rowCount(), snapshot.taxRules.size());
        QCOMPARE(discounts.rowCount(), snapshot.discountRules.size());
        QCOMPARE(policies.rowCount(), snapshot.invoicePolicies.size());
    }

    // Proxies (the page sorts through one) stay consistent too.
    QSortFilterProxyModel proxy;
    proxy.setSortRole(BillingRulesRoles::SortRole);
    proxy.setSourceModel(&policies);
    QAbstractItemModelTester proxyTester(&proxy, mode);
    for (int column = 0; column < InvoicePoliciesModel::ColumnCount; ++column)
        proxy.sort(column, Qt::DescendingOrder);
    policies.setSnapshot({});
    QCOMPARE(proxy.rowCount(), 0);
}

void TestBillingRulesPage::columnsAndHeaders()
{
    TaxRulesModel tax;
    DiscountRulesModel discounts;
    InvoicePoliciesModel policies;
    const auto headers = [](const QAbstractItemModel &model) {
        QStringList out;
        for (int c = 0; c < model.columnCount(); ++c)
            out << model.headerData(c, Qt::Horizontal).toString();
        return out;
    };
    QCOMPARE(headers(tax),
             (QStringList { QStringLiteral("Applies to"), QStringLiteral("QuickBooks tax code"),
                            QStringLiteral("Priority"), QStringLiteral("Enabled"),
                            QStringLiteral("Edited by"), QStringLiteral("Edited at") }));
    QCOMPARE(headers(discounts),
             (QStringList { QStringLiteral("Applies to"), QStringLiteral("Discount"),
                            QStringLiteral("On the invoice"), QStringLiteral("Priority"),
                            QStringLiteral("Enabled"), QStringLiteral("Edited by"),
                            QStringLiteral("Edited at") }));
    QCOMPARE(headers(policies),
             (QStringList { QStringLiteral("Applies to"), QStringLiteral("Invoicing"),
                            QStringLiteral("Deposit"), QStringLiteral("Payment due"),
                            QStringLiteral("Cancellation"), QStringLiteral("Booking block"),
                            QStringLiteral("Edited by"), QStringLiteral("Edited at") }));
    tax.setSnapshot(sampleSnapshot());
    QCOMPARE(tax.rowCount(tax.index(0, 0)), 0); // a flat table
}

void TestBillingRulesPage::scopeWording_data()
{
    QTest::addColumn<qint64>("serviceId");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("customerId");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("kind");

    QTest::newRow("default") << qint64(0) << QString() << QString()
                             << QStringLiteral("All clients · All services · All locations")
                             << QStringLiteral("default rule");
    QTest::newRow("service and location")
        << qint64(1) << QStringLiteral("Brooklyn") << QString()
        << QStringLiteral("All clients · Math Tutoring · Brooklyn")
        << QStringLiteral("service and location rule");
    QTest::newRow("service") << qint64(2) << QString() << QString()
                             << QStringLiteral("All clients · Piano Lessons · All locations")
                             << QStringLiteral("service rule");
    QTest::newRow("location, trimmed")
        << qint64(0) << QStringLiteral("  Queens ") << QString()
        << QStringLiteral("All clients · All services · Queens") << QStringLiteral("location rule");
    QTest::newRow("client") << qint64(0) << QString() << QStringLiteral("c-ana")
                            << QStringLiteral("Ana Ruiz · All services · All locations")
                            << QStringLiteral("client rule");
    QTest::newRow("client, service and location")
        << qint64(1) << QStringLiteral("Brooklyn") << QStringLiteral("c-ben")
        << QStringLiteral("Ben Okafor · Math Tutoring · Brooklyn") << QStringLiteral("client rule");
    QTest::newRow("unknown service and client are named, not dropped")
        << qint64(99) << QString() << QStringLiteral("c-zed")
        << QStringLiteral("Client c-zed · Service #99 · All locations")
        << QStringLiteral("client rule");
}

void TestBillingRulesPage::scopeWording()
{
    QFETCH(qint64, serviceId);
    QFETCH(QString, location);
    QFETCH(QString, customerId);
    QFETCH(QString, scope);
    QFETCH(QString, kind);
    const BillingRulesSnapshot names = sampleSnapshot();
    QCOMPARE(BillingRulesText::scope(names, serviceId, location, customerId), scope);
    QCOMPARE(BillingRulesText::specificityName(serviceId, location, customerId), kind);

    // The model shows the same words.
    BillingRulesSnapshot one = names;
    one.taxRules = { taxRule(7, serviceId, location, customerId, QStringLiteral("TAX")) };
    TaxRulesModel model;
    model.setSnapshot(one);
    QCOMPARE(model.index(0, TaxRulesModel::Scope).data().toString(), scope);
    QVERIFY(model.index(0, TaxRulesModel::Scope)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("A %1.").arg(kind)));
}

void TestBillingRulesPage::modelDisplay()
{
    const BillingRulesSnapshot snapshot = sampleSnapshot();
    TaxRulesModel tax;
    tax.setSnapshot(snapshot);
    const int off = tax.rowForId(5);
    QCOMPARE(tax.index(off, TaxRulesModel::TaxCode).data().toString(),
             QStringLiteral("Sales tax (TAX)"));
    QCOMPARE(tax.index(off, TaxRulesModel::Enabled).data().toString(), QStringLiteral("No"));
    QCOMPARE(tax.index(off, TaxRulesModel::Enabled).data(BillingRulesRoles::SortRole).toInt(), 0);
    QCOMPARE(tax.index(off, 0).data(Qt::ForegroundRole).value<QColor>(), Theme::mutedText());
    QVERIFY(!tax.index(tax.rowForId(1), 0).data(Qt::ForegroundRole).isValid());
    QCOMPARE(tax.index(off, 0).data(BillingRulesRoles::IdRole).toLongLong(), 5);
    QCOMPARE(tax.index(off, 0).data(BillingRulesRoles::VersionRole).toInt(), 1);
    QCOMPARE(tax.index(tax.rowForId(1), TaxRulesModel::TaxCode).data().toString(),
             QStringLiteral("Not taxable (NON)"));
    QCOMPARE(tax.index(tax.rowForId(6), TaxRulesModel::Priority).data(), QVariant(5));
    QCOMPARE(tax.index(0, TaxRulesModel::EditedBy).data().toString(), QStringLiteral("bea"));
    // Raw UTC time: LocalTimeDelegate formats it in the view.
    QCOMPARE(tax.index(0, TaxRulesModel::EditedAt).data().toDateTime(), kEdited);
    QCOMPARE(tax.rowForId(404), -1);

    DiscountRulesModel discounts;
    discounts.setSnapshot(snapshot);
    QCOMPARE(
        discounts.index(discounts.rowForId(11), DiscountRulesModel::Discount).data().toString(),
        QStringLiteral("10 % off"));
    QCOMPARE(
        discounts.index(discounts.rowForId(12), DiscountRulesModel::Discount).data().toString(),
        QStringLiteral("$5.00 off"));
    QCOMPARE(
        discounts.index(discounts.rowForId(12), DiscountRulesModel::Description).data().toString(),
        QStringLiteral("Piano promo"));
    QCOMPARE(discounts.index(discounts.rowForId(13), DiscountRulesModel::Scope).data().toString(),
             QStringLiteral("All clients · All services · brooklyn"));

    InvoicePoliciesModel policies;
    policies.setSnapshot(snapshot);
    const auto cell = [&policies](qint64 id, InvoicePoliciesModel::Column column) {
        return policies.index(policies.rowForId(id), column).data().toString();
    };
    QCOMPARE(cell(20, InvoicePoliciesModel::Scope), QStringLiteral("All clients · All services"));
    QCOMPARE(cell(20, InvoicePoliciesModel::Invoicing), QStringLiteral("Per session"));
    QCOMPARE(cell(20, InvoicePoliciesModel::Deposit), QStringLiteral("None"));
    QCOMPARE(cell(20, InvoicePoliciesModel::PaymentTerms), QStringLiteral("7 days"));
    QCOMPARE(cell(20, InvoicePoliciesModel::Cancellation), QStringLiteral("Void or credit"));
    QCOMPARE(cell(20, InvoicePoliciesModel::BookingBlock), QStringLiteral("Never"));
    QCOMPARE(cell(21, InvoicePoliciesModel::Scope), QStringLiteral("All clients · Piano Lessons"));
    QCOMPARE(cell(21, InvoicePoliciesModel::Invoicing), QStringLiteral("Monthly, per client"));
    QCOMPARE(cell(21, InvoicePoliciesModel::Deposit), QStringLiteral("25 %"));
    QCOMPARE(cell(21, InvoicePoliciesModel::PaymentTerms), QStringLiteral("14 days"));
    QCOMPARE(cell(21, InvoicePoliciesModel::Cancellation),
             QStringLiteral("Late fee $20.00 within 24 h"));
    QCOMPARE(cell(21, InvoicePoliciesModel::BookingBlock), QStringLiteral("Hold above $500.00"));
    QCOMPARE(cell(22, InvoicePoliciesModel::Scope), QStringLiteral("Ana Ruiz · All services"));
    QCOMPARE(cell(22, InvoicePoliciesModel::Invoicing),
             QStringLiteral("Monthly, per client and service"));
    QCOMPARE(cell(22, InvoicePoliciesModel::PaymentTerms), QStringLiteral("On receipt"));
    QCOMPARE(cell(22, InvoicePoliciesModel::Cancellation), QStringLiteral("Void or refund"));
    QCOMPARE(cell(22, InvoicePoliciesModel::BookingBlock), QStringLiteral("Decline above $100.00"));
    QCOMPARE(policies.index(policies.rowForId(22), 0).data(BillingRulesRoles::VersionRole).toInt(),
             3);
    // The preview's one-line form.
    QCOMPARE(BillingRulesText::policySummary(snapshot.invoicePolicies.at(1)),
             QStringLiteral("Monthly, per client · 25 % deposit · due in 14 days"));
    QCOMPARE(BillingRulesText::policySummary(snapshot.invoicePolicies.at(2)),
             QStringLiteral("Monthly, per client and service · due on receipt"));
}

void TestBillingRulesPage::sortsBySpecificity()
{
    TaxRulesModel tax;
    tax.setSnapshot(sampleSnapshot());
    // default (1), location (5), service (2), service + location (3 "… TAX", 6), client (4)
    QCOMPARE(idsInOrder(tax, TaxRulesModel::Scope, Qt::AscendingOrder),
             (QList<qint64> { 1, 5, 2, 3, 6, 4 }));
    QCOMPARE(idsInOrder(tax, TaxRulesModel::Priority, Qt::DescendingOrder).constFirst(), 6);
    QCOMPARE(idsInOrder(tax, TaxRulesModel::Enabled, Qt::AscendingOrder).constFirst(), 5);

    DiscountRulesModel discounts;
    discounts.setSnapshot(sampleSnapshot());
    // 5 % (13), 10 % (11), then fixed amounts (12: $5.00).
    QCOMPARE(idsInOrder(discounts, DiscountRulesModel::Discount, Qt::AscendingOrder),
             (QList<qint64> { 13, 11, 12 }));

    InvoicePoliciesModel policies;
    policies.setSnapshot(sampleSnapshot());
    QCOMPARE(idsInOrder(policies, InvoicePoliciesModel::Scope, Qt::AscendingOrder),
             (QList<qint64> { 20, 21, 22 }));
    QCOMPARE(idsInOrder(policies, InvoicePoliciesModel::PaymentTerms, Qt::AscendingOrder),
             (QList<qint64> { 22, 20, 21 }));
    // "Never" sorts after every threshold.
    QCOMPARE(idsInOrder(policies, InvoicePoliciesModel::BookingBlock, Qt::AscendingOrder),
             (QList<qint64> { 22, 21, 20 }));
}

void TestBillingRulesPage::parsePercent_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("basisPoints"); // -1: refused

    QTest::newRow("whole") << QStringLiteral("10") << 1000;
    QTest::newRow("one decimal") << QStringLiteral("12.5") << 1250;
    QTest::newRow("with a percent sign") << QStringLiteral(" 12.5 % ") << 1250;
    QTest::newRow("smallest") << QStringLiteral("0.01") << 1;
    QTest::newRow("all") << QStringLiteral("100") << 10000;
    QTest::newRow("trailing zeros") << QStringLiteral("7.500") << 750;
    QTest::newRow("leading dot") << QStringLiteral(".5") << 50;
    QTest::newRow("over 100") << QStringLiteral("120") << -1;
    QTest::newRow("text") << QStringLiteral("abc") << -1;
    QTest::newRow("negative") << QStringLiteral("-5") << -1;
    QTest::newRow("fraction of a basis point") << QStringLiteral("12.345") << -1;
    QTest::newRow("zero is no discount") << QStringLiteral("0") << -1;
    QTest::newRow("empty") << QString() << -1;
    QTest::newRow("exponent") << QStringLiteral("1e2") << -1;
    QTest::newRow("decimal comma") << QStringLiteral("12,5") << -1;
    QTest::newRow("huge") << QStringLiteral("99999999999999999") << -1;
}

void TestBillingRulesPage::parsePercent()
{
    QFETCH(QString, text);
    QFETCH(int, basisPoints);
    const auto parsed = BillingInput::parseBasisPoints(text, 1, 10000);
    if (basisPoints < 0) {
        QVERIFY(!parsed);
        QVERIFY(!parsed.error().message.isEmpty());
    } else {
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QCOMPARE(*parsed, basisPoints);
        QCOMPARE(BillingInput::parseBasisPoints(BillingInput::basisPointsText(*parsed), 1, 10000)
                     .value_or(-1),
                 basisPoints); // what a field shows reads back the same
    }
}

void TestBillingRulesPage::parseAmount_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<bool>("allowZero");
    QTest::addColumn<qint64>("minor"); // -1: refused
    QTest::addColumn<QString>("message");

    QTest::newRow("whole") << QStringLiteral("15") << QStringLiteral("USD") << false << qint64(1500)
                           << QString();
    QTest::newRow("cents") << QStringLiteral("15.50") << QStringLiteral("USD") << false
                           << qint64(1550) << QString();
    QTest::newRow("grouped") << QStringLiteral("1,250.00") << QStringLiteral("USD") << false
                             << qint64(125000) << QString();
    QTest::newRow("yen") << QStringLiteral("1500") << QStringLiteral("JPY") << false << qint64(1500)
                         << QString();
    QTest::newRow("zero allowed") << QStringLiteral("0") << QStringLiteral("USD") << true
                                  << qint64(0) << QString();
    QTest::newRow("fraction of a cent")
        << QStringLiteral("12.345") << QStringLiteral("USD") << false << qint64(-1)
        << QStringLiteral("USD amounts have at most 2 decimals, such as 15.50.");
    QTest::newRow("yen has no decimals")
        << QStringLiteral("12.5") << QStringLiteral("JPY") << false << qint64(-1)
        << QStringLiteral("JPY amounts have no decimals.");
    QTest::newRow("currency sign")
        << QStringLiteral("$5") << QStringLiteral("USD") << false << qint64(-1) << QString();
    QTest::newRow("text") << QStringLiteral("abc") << QStringLiteral("USD") << false << qint64(-1)
                          << QString();
    QTest::newRow("negative") << QStringLiteral("-5") << QStringLiteral("USD") << false
                              << qint64(-1) << QStringLiteral("An amount cannot be negative.");
    QTest::newRow("zero not allowed") << QStringLiteral("0.00") << QStringLiteral("USD") << false
                                      << qint64(-1) << QStringLiteral("Type an amount above zero.");
}

void TestBillingRulesPage::parseAmount()
{
    QFETCH(QString, text);
    QFETCH(QString, currency);
    QFETCH(bool, allowZero);
    QFETCH(qint64, minor);
    QFETCH(QString, message);
    const auto parsed = BillingInput::parseAmountMinor(text, currency, allowZero);
    if (minor < 0) {
        QVERIFY(!parsed);
        if (!message.isEmpty())
            QCOMPARE(parsed.error().message, message);
    } else {
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QCOMPARE(*parsed, minor);
    }
}

void TestBillingRulesPage::numbersAsTypedInTheLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("percent");
    QTest::addColumn<int>("basisPoints"); // -1: refused
    QTest::addColumn<QString>("amount");
    QTest::addColumn<qint64>("minor");    // -1: refused

    QTest::newRow("fr: decimal comma") << QStringLiteral("fr_FR") << QStringLiteral("12,5") << 1250
                                       << QStringLiteral("15,50") << qint64(1550);
    QTest::newRow("fr: a dot is read as the decimal point too")
        << QStringLiteral("fr_FR") << QStringLiteral("12.5 %") << 1250 << QStringLiteral("15.50") << qint64(1550);
    QTest::newRow("fr: grouped with spaces")
        << QStringLiteral("fr_FR") << QStringLiteral(",5") << 50 << QStringLiteral("1\u202f250,00")
        << qint64(125000);
    QTest::newRow("fr: too many decimals")
        << QStringLiteral("fr_FR") << QStringLiteral("12,345") << -1 << QStringLiteral("12,345") << qint64(-1);
    QTest::newRow("de: dots group thousands")
        << QStringLiteral("de_DE") << QStringLiteral("7,25") << 725 << QStringLiteral("1.250") << qint64(125000);
    QTest::newRow("de: grouped with a decimal comma")
        << QStringLiteral("de_DE") << QStringLiteral("100") << 10000 << QStringLiteral("1.250,75")
        << qint64(125075);
    QTest::newRow("en: a comma groups, never a decimal mark")
        << QStringLiteral("en_US") << QStringLiteral("12,5") << -1 << QStringLiteral("1,250.00") << qint64(125000);
}

// French and German bookkeepers type a decimal comma; what a field shows
// for a stored value uses the same mark and reads back unchanged.
void TestBillingRulesPage::numbersAsTypedInTheLocale()
{
    QFETCH(QString, locale);
    QFETCH(QString, percent);
    QFETCH(int, basisPoints);
    QFETCH(QString, amount);
    QFETCH(qint64, minor);
    const QLocale in(locale);
    const auto parsedPercent = BillingInput::parseBasisPoints(percent, 1, 10000, in);
    QCOMPARE(parsedPercent.value_or(-1), basisPoints);
    const auto parsedAmount = BillingInput::parseAmountMinor(amount, QStringLiteral("USD"), false, in);
    QCOMPARE(parsedAmount.value_or(-1), minor);
    if (parsedPercent) {
        const QString shown = BillingInput::basisPointsText(*parsedPercent, in);
        QCOMPARE(BillingInput::parseBasisPoints(shown, 1, 10000, in).value_or(-1), basisPoints);
    }
    if (parsedAmount) {
        const QString shown = BillingInput::amountText(*parsedAmount, QStringLiteral("USD"), in);
        QCOMPARE(BillingInput::parseAmountMinor(shown, QStringLiteral("USD"), false, in).value_or(-1), minor);
    }
    QCOMPARE(BillingInput::basisPointsText(1250, QLocale(QStringLiteral("fr_FR"))), QStringLiteral("12,5"));
    QCOMPARE(BillingInput::amountText(1550, QStringLiteral("USD"), QLocale(QStringLiteral("fr_FR"))),
             QStringLiteral("15,50"));
}

void TestBillingRulesPage::taxDialog()
{
    const BillingRulesSnapshot snapshot = sampleSnapshot();
    TaxRuleDialog dialog(snapshot, TaxRule());
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Add tax rule"));
    // Nothing chosen yet: Save waits for a tax code, without shouting.
    QVERIFY(!dialog.okButton()->isEnabled());
    QCOMPARE(dialog.problems(), QStringList { QStringLiteral("Choose a QuickBooks tax code.") });
    QVERIFY(dialog.messageFor(dialog.taxCodeBox()).isEmpty());
    QCOMPARE(dialog.serviceBox()->currentText(), QStringLiteral("Any service"));
    QCOMPARE(dialog.customerBox()->currentText(), QStringLiteral("Any client"));
    // Tab goes down the rows: client, service, location, tax code.
    const auto nextTabStop = [](QWidget *from) {
        QWidget *w = from->nextInFocusChain();
        while (w != from && !(w->focusPolicy() & Qt::TabFocus))
            w = w->nextInFocusChain();
        return w;
    };
    QCOMPARE(nextTabStop(dialog.customerBox()), dialog.serviceBox());
    QCOMPARE(nextTabStop(dialog.serviceBox()), dialog.locationEdit());
    QCOMPARE(nextTabStop(dialog.locationEdit()), dialog.taxCodeBox());
    // The retired service is still a choice, marked as such.
    QVERIFY(dialog.serviceBox()->findText(QStringLiteral("SAT Prep (no longer offered)")) >= 0);

    QVERIFY(dialog.selectTaxCode(QStringLiteral("TAX")));
    QVERIFY(dialog.selectService(2));
    QVERIFY(dialog.selectCustomer(QStringLiteral("c-ben")));
    dialog.locationEdit()->setText(QStringLiteral("  Queens "));
    dialog.priorityBox()->setValue(3);
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(dialog.isValid());

    const TaxRule rule = dialog.rule();
    QCOMPARE(rule.id, 0);
    QCOMPARE(rule.serviceId, 2);
    QCOMPARE(rule.location, QStringLiteral("Queens"));
    QCOMPARE(rule.customerId, QStringLiteral("c-ben"));
    QCOMPARE(rule.taxCode, QStringLiteral("TAX"));
    QCOMPARE(rule.priority, 3);
    QVERIFY(rule.enabled);

    // Editing keeps identity and version; a tie with another rule is pointed out.
    const TaxRule existing = snapshot.taxRules.at(2); // id 3: Math · Brooklyn, priority 0
    TaxRuleDialog edit(snapshot, existing);
    QCOMPARE(edit.windowTitle(), QStringLiteral("Edit tax rule"));
    QVERIFY(edit.warning().isEmpty());
    edit.priorityBox()->setValue(5); // now ties with rule 6
    QVERIFY(edit.warning().contains(QStringLiteral("same scope and priority (City tax (CITY))")));
    QVERIFY(edit.okButton()->isEnabled()); // a warning, not a refusal
    edit.locationEdit()->setText(QStringLiteral("BROOKLYN")); // still the same place
    QVERIFY(!edit.warning().isEmpty());
    edit.enabledBox()->setChecked(false);
    QVERIFY(edit.warning().isEmpty()); // a switched-off rule ties with nothing
    const TaxRule edited = edit.rule();
    QCOMPARE(edited.id, existing.id);
    QCOMPARE(edited.version, existing.version);
    QCOMPARE(edited.updatedBy, existing.updatedBy);
    QCOMPARE(edited.priority, 5);
    QVERIFY(!edited.enabled);

    // A code QuickBooks does not list stays visible and is flagged.
    TaxRule stray = existing;
    stray.taxCode = QStringLiteral("OLD");
    TaxRuleDialog unknown(snapshot, stray);
    QCOMPARE(unknown.taxCodeBox()->currentText(), QStringLiteral("OLD (not in QuickBooks' list)"));
    QVERIFY(unknown.warning().contains(QStringLiteral("does not list the tax code OLD")));
    QCOMPARE(unknown.rule().taxCode, QStringLiteral("OLD"));

    // "Not taxable" is always offered, even before QuickBooks' list arrived.
    TaxRuleDialog bare { BillingRulesSnapshot(), TaxRule() };
    QVERIFY(bare.selectTaxCode(QStringLiteral("NON")));
    QVERIFY(bare.okButton()->isEnabled());
}

void TestBillingRulesPage::discountDialogPercent_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("basisPoints"); // 0: refused

    QTest::newRow("12.5") << QStringLiteral("12.5") << 1250;
    QTest::newRow("100") << QStringLiteral("100") << 10000;
    QTest::newRow("120") << QStringLiteral("120") << 0;
    QTest::newRow("abc") << QStringLiteral("abc") << 0;
    QTest::newRow("12.345") << QStringLiteral("12.345") << 0;
    QTest::newRow("-3") << QStringLiteral("-3") << 0;
}

void TestBillingRulesPage::discountDialogPercent()
{
    QFETCH(QString, text);
    QFETCH(int, basisPoints);
    DiscountRuleDialog dialog(sampleSnapshot(), DiscountRule());
    QVERIFY(dialog.percentButton()->isChecked()); // a new discount starts as a percentage
    QVERIFY(!dialog.amountEdit()->isEnabled());
    dialog.descriptionEdit()->setText(QStringLiteral("Spring offer"));
    dialog.percentEdit()->setText(text);
    if (basisPoints == 0) {
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(!dialog.messageFor(dialog.percentEdit()).isEmpty());
        QCOMPARE(dialog.percentEdit()->accessibleDescription(),
                 dialog.messageFor(dialog.percentEdit()));
        QVERIFY(dialog.okButton()->toolTip().contains(dialog.messageFor(dialog.percentEdit())));
        return;
    }
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problems().join(u'\n')));
    QVERIFY(dialog.messageFor(dialog.percentEdit()).isEmpty());
    const DiscountRule rule = dialog.rule();
    QCOMPARE(rule.percentBasisPoints, basisPoints);
    QCOMPARE(rule.amountMinor, 0);
    QCOMPARE(rule.currency, QStringLiteral("USD"));
    QCOMPARE(rule.description, QStringLiteral("Spring offer"));
}

void TestBillingRulesPage::discountDialogAmount_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("minor"); // 0: refused

    QTest::newRow("12.34") << QStringLiteral("12.34") << qint64(1234);
    QTest::newRow("5") << QStringLiteral("5") << qint64(500);
    QTest::newRow("12.345") << QStringLiteral("12.345") << qint64(0);
    QTest::newRow("0") << QStringLiteral("0") << qint64(0);
    QTest::newRow("$5") << QStringLiteral("$5") << qint64(0);
}

void TestBillingRulesPage::discountDialogAmount()
{
    QFETCH(QString, text);
    QFETCH(qint64, minor);
    DiscountRuleDialog dialog(sampleSnapshot(), DiscountRule());
    dialog.descriptionEdit()->setText(QStringLiteral("Loyalty"));
    dialog.percentEdit()->setText(QStringLiteral("120")); // ignored once "amount" is chosen
    dialog.amountButton()->setChecked(true);
    QVERIFY(!dialog.percentEdit()->isEnabled());
    QVERIFY(dialog.amountEdit()->isEnabled());
    QVERIFY(dialog.messageFor(dialog.percentEdit()).isEmpty());
    dialog.amountEdit()->setText(text);
    if (minor == 0) {
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(!dialog.messageFor(dialog.amountEdit()).isEmpty());
        return;
    }
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problems().join(u'\n')));
    const DiscountRule rule = dialog.rule();
    QCOMPARE(rule.amountMinor, minor);
    QCOMPARE(rule.percentBasisPoints, 0);
}

void TestBillingRulesPage::discountDialogKeepsIdentity()
{
    const BillingRulesSnapshot snapshot = sampleSnapshot();
    const DiscountRule existing = snapshot.discountRules.at(1); // id 12: $5.00 off Piano
    DiscountRuleDialog dialog(snapshot, existing);
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Edit discount rule"));
    QVERIFY(dialog.amountButton()->isChecked());
    QCOMPARE(dialog.amountEdit()->text(), QStringLiteral("5.00"));
    QCOMPARE(dialog.serviceBox()->currentText(), QStringLiteral("Piano Lessons"));
    QVERIFY(dialog.okButton()->isEnabled());

    // The description is required: it is the invoice line's text.
    dialog.descriptionEdit()->setText(QStringLiteral("   "));
    QVERIFY(!dialog.okButton()->isEnabled());
    dialog.descriptionEdit()->setText(QStringLiteral("Piano promo, spring"));

    // Switching to a percentage drops the amount.
    dialog.percentButton()->setChecked(true);
    QVERIFY(!dialog.okButton()->isEnabled()); // no percentage typed yet
    dialog.percentEdit()->setText(QStringLiteral("7.25"));
    QVERIFY(dialog.okButton()->isEnabled());
    const DiscountRule rule = dialog.rule();
    QCOMPARE(rule.id, 12);
    QCOMPARE(rule.version, existing.version);
    QCOMPARE(rule.serviceId, 2);
    QCOMPARE(rule.percentBasisPoints, 725);
    QCOMPARE(rule.amountMinor, 0);
    QCOMPARE(rule.description, QStringLiteral("Piano promo, spring"));
}

void TestBillingRulesPage::policyDialog()
{
    BillingRulesSnapshot snapshot = sampleSnapshot();
    snapshot.currency = QStringLiteral("USD");
    const InvoicePolicy existing = snapshot.invoicePolicies.at(1); // 21: Piano, monthly, late fee
    InvoicePolicyDialog dialog(snapshot, existing);
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Edit invoice policy"));
    QVERIFY(dialog.locationEdit() == nullptr); // policies have no location
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.depositEdit()->text(), QStringLiteral("25"));
    QCOMPARE(dialog.lateFeeEdit()->text(), QStringLiteral("20.00"));
    QCOMPARE(dialog.blockThresholdEdit()->text(), QStringLiteral("500.00"));
    QVERIFY(dialog.groupingBox()->isEnabled());
    QVERIFY(dialog.lateFeeEdit()->isEnabled());
    QCOMPARE(dialog.policy().lateFeeMinor, 2000);

    dialog.depositEdit()->setText(QStringLiteral("120"));
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(!dialog.messageFor(dialog.depositEdit()).isEmpty());
    dialog.depositEdit()->setText(QStringLiteral("12.5"));
    dialog.lateFeeEdit()->setText(QStringLiteral("12.345"));
    QVERIFY(!dialog.okButton()->isEnabled());
    QCOMPARE(dialog.messageFor(dialog.lateFeeEdit()),
             QStringLiteral("USD amounts have at most 2 decimals, such as 15.50."));
    dialog.lateFeeEdit()->clear();
    QVERIFY(!dialog.okButton()->isEnabled()); // the late-fee policy needs a fee
    dialog.lateFeeEdit()->setText(QStringLiteral("25"));
    dialog.lateWindowBox()->setValue(48);
    dialog.paymentTermBox()->setValue(30);
    dialog.blockThresholdEdit()->setText(QStringLiteral("abc"));
    QVERIFY(!dialog.okButton()->isEnabled());
    dialog.blockThresholdEdit()->setText(QStringLiteral("750"));
    dialog.blockActionBox()->setCurrentIndex(
        dialog.blockActionBox()->findData(int(BookingBlockAction::Decline)));
    dialog.groupingBox()->setCurrentIndex(
        dialog.groupingBox()->findData(int(MonthlyGrouping::PerService)));
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problems().join(u'\n')));

    InvoicePolicy p = dialog.policy();
    QCOMPARE(p.id, 21);
    QCOMPARE(p.version, 3);
    QCOMPARE(p.serviceId, 2);
    QVERIFY(p.customerId.isEmpty());
    QCOMPARE(Concord::Domain::toString(p.mode),
             Concord::Domain::toString(InvoiceMode::MonthlySummary));
    QCOMPARE(Concord::Domain::toString(p.grouping),
             Concord::Domain::toString(MonthlyGrouping::PerService));
    QCOMPARE(p.depositBasisPoints, 1250);
    QCOMPARE(p.paymentTermDays, 30);
    QCOMPARE(Concord::Domain::toString(p.cancellation),
             Concord::Domain::toString(CancellationPolicy::LateFee));
    QCOMPARE(p.lateCancelWindowHours, 48);
    QCOMPARE(p.lateFeeMinor, 2500);
    QCOMPARE(p.blockThresholdMinor, 75000);
    QCOMPARE(Concord::Domain::toString(p.blockAction),
             Concord::Domain::toString(BookingBlockAction::Decline));
    QCOMPARE(p.currency, QStringLiteral("USD"));

    // Per session: grouping is moot. Another cancellation policy: no fee.
    dialog.modeBox()->setCurrentIndex(dialog.modeBox()->findData(int(InvoiceMode::PerSession)));
    QVERIFY(!dialog.groupingBox()->isEnabled());
    dialog.cancellationBox()->setCurrentIndex(
        dialog.cancellationBox()->findData(int(CancellationPolicy::Refund)));
    QVERIFY(!dialog.lateFeeEdit()->isEnabled());
    QVERIFY(!dialog.lateWindowBox()->isEnabled());
    // Empty threshold: never block, and the action is moot.
    dialog.blockThresholdEdit()->clear();
    QVERIFY(!dialog.blockActionBox()->isEnabled());
    dialog.depositEdit()->clear();
    QVERIFY(dialog.okButton()->isEnabled());
    p = dialog.policy();
    QCOMPARE(Concord::Domain::toString(p.mode), Concord::Domain::toString(InvoiceMode::PerSession));
    QCOMPARE(Concord::Domain::toString(p.cancellation),
             Concord::Domain::toString(CancellationPolicy::Refund));
    QCOMPARE(p.lateFeeMinor, 0);
    QCOMPARE(p.blockThresholdMinor, 0);
    QCOMPARE(p.depositBasisPoints, 0);
}

void TestBillingRulesPage::policyDialogRefusesTakenScope()
{
    const BillingRulesSnapshot snapshot = sampleSnapshot();
    InvoicePolicyDialog dialog(snapshot, InvoicePolicy());
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Add invoice policy"));
    // Any client, any service: the default already exists (id 20).
    QVERIFY(!dialog.okButton()->isEnabled());
    QCOMPARE(dialog.messageFor(dialog.serviceBox()),
             QStringLiteral("All clients · All services already has a policy: edit that one "
                            "instead."));
    QVERIFY(dialog.selectCustomer(QStringLiteral("c-ben")));
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(dialog.messageFor(dialog.serviceBox()).isEmpty());
    const InvoicePolicy p = dialog.policy();
    QCOMPARE(p.id, 0);
    QCOMPARE(p.customerId, QStringLiteral("c-ben"));
    QCOMPARE(p.serviceId, 0);

    // Editing a policy never collides with itself.
    InvoicePolicyDialog edit(snapshot, snapshot.invoicePolicies.at(0));
    QVERIFY(edit.okButton()->isEnabled());
}

void TestBillingRulesPage::pageAddEditDelete()
{
    BillingRulesPage page;
    page.setData(sampleSnapshot());
    page.setRole(Role::Bookkeeper);
    QSignalSpy saved(&page, &BillingRulesPage::saveTaxRuleRequested);
    QSignalSpy deleted(&page, &BillingRulesPage::deleteTaxRuleRequested);
    QVERIFY(saved.isValid());
    QVERIFY(deleted.isValid());

    // The composition root connects these across threads: the values must
    // survive a queued connection (their metatypes are known to Qt).
    // (The receiver is a context that dies with this test, so no queued call
    // outlives `queued`.)
    QList<TaxRule> queued;
    QObject receiver;
    connect(
        &page, &BillingRulesPage::saveTaxRuleRequested, &receiver,
        [&queued](const TaxRule &rule) { queued << rule; }, Qt::QueuedConnection);

    // Add: a new rule, id 0.
    QVERIFY(page.addButton(Section::TaxRules)->isEnabled());
    QTest::mouseClick(page.addButton(Section::TaxRules), Qt::LeftButton);
    QVERIFY(saveOpenDialog<TaxRuleDialog>(page, [](TaxRuleDialog *d) {
        d->selectService(2);
        d->locationEdit()->setText(QStringLiteral("Queens"));
        d->selectTaxCode(QStringLiteral("TAX"));
    }));
    QCOMPARE(saved.count(), 1);
    TaxRule added = saved.at(0).at(0).value<TaxRule>();
    QCOMPARE(added.id, 0);
    QCOMPARE(added.serviceId, 2);
    QCOMPARE(added.location, QStringLiteral("Queens"));
    QCOMPARE(added.taxCode, QStringLiteral("TAX"));
    QTRY_COMPARE(queued.size(), 1);
    QCOMPARE(queued.constFirst().location, QStringLiteral("Queens"));

    // Edit needs a selection; then it carries the rule's id and version.
    QVERIFY(!page.editButton(Section::TaxRules)->isEnabled());
    QVERIFY(page.selectRule(Section::TaxRules, 3));
    QVERIFY(page.editButton(Section::TaxRules)->isEnabled());
    QTest::mouseClick(page.editButton(Section::TaxRules), Qt::LeftButton);
    QVERIFY(saveOpenDialog<TaxRuleDialog>(
        page, [](TaxRuleDialog *d) { d->selectTaxCode(QStringLiteral("NON")); }));
    QCOMPARE(saved.count(), 2);
    const TaxRule edited = saved.at(1).at(0).value<TaxRule>();
    QCOMPARE(edited.id, 3);
    QCOMPARE(edited.version, 4);
    QCOMPARE(edited.taxCode, QStringLiteral("NON"));
    QCOMPARE(edited.location, QStringLiteral("Brooklyn"));

    // Enter on the table edits too; Cancel emits nothing.
    page.view(Section::TaxRules)->setFocus();
    QTest::keyClick(page.view(Section::TaxRules), Qt::Key_Return);
    QVERIFY(qobject_cast<TaxRuleDialog *>(page.openDialog()));
    page.openDialog()->reject();
    QVERIFY(!page.openDialog());
    QCOMPARE(saved.count(), 2);

    // Delete asks first; "no" emits nothing.
    QStringList questions;
    bool answer = false;
    page.setConfirmer([&](QWidget *, const QString &, const QString &question) {
        questions << question;
        return answer;
    });
    QTest::mouseClick(page.deleteButton(Section::TaxRules), Qt::LeftButton);
    QCOMPARE(questions.size(), 1);
    QVERIFY2(
        questions.at(0).startsWith(QStringLiteral(
            "Delete the tax rule for All clients · Math Tutoring · Brooklyn (Sales tax (TAX))?")),
        qPrintable(questions.at(0)));
    QCOMPARE(deleted.count(), 0);
    answer = true;
    QTest::keyClick(page.view(Section::TaxRules), Qt::Key_Delete);
    QCOMPARE(questions.size(), 2);
    QCOMPARE(deleted.count(), 1);
    QCOMPARE(deleted.at(0).at(0).toLongLong(), 3);
    QCOMPARE(deleted.at(0).at(1).toInt(), 4);

    // A new snapshot keeps the selection on the same rule.
    page.setData(sampleSnapshot());
    QVERIFY(page.editButton(Section::TaxRules)->isEnabled());
    QCOMPARE(
        page.view(Section::TaxRules)->currentIndex().data(BillingRulesRoles::IdRole).toLongLong(),
        3);
}

void TestBillingRulesPage::pageDiscountAndPolicySignals()
{
    BillingRulesPage page;
    page.setData(sampleSnapshot());
    page.setRole(Role::Owner);
    page.setConfirmer([](QWidget *, const QString &, const QString &) { return true; });
    QSignalSpy savedDiscount(&page, &BillingRulesPage::saveDiscountRuleRequested);
    QSignalSpy deletedDiscount(&page, &BillingRulesPage::deleteDiscountRuleRequested);
    QSignalSpy savedPolicy(&page, &BillingRulesPage::saveInvoicePolicyRequested);
    QSignalSpy deletedPolicy(&page, &BillingRulesPage::deleteInvoicePolicyRequested);
    QVERIFY(savedDiscount.isValid() && savedPolicy.isValid());

    page.addRule(Section::Discounts);
    QVERIFY(saveOpenDialog<DiscountRuleDialog>(page, [](DiscountRuleDialog *d) {
        d->selectCustomer(QStringLiteral("c-ana"));
        d->amountButton()->setChecked(true);
        d->amountEdit()->setText(QStringLiteral("12.34"));
        d->descriptionEdit()->setText(QStringLiteral("Referral"));
    }));
    QCOMPARE(savedDiscount.count(), 1);
    const DiscountRule discount = savedDiscount.at(0).at(0).value<DiscountRule>();
    QCOMPARE(discount.id, 0);
    QCOMPARE(discount.customerId, QStringLiteral("c-ana"));
    QCOMPARE(discount.amountMinor, 1234);
    QCOMPARE(discount.percentBasisPoints, 0);
    QCOMPARE(discount.currency, QStringLiteral("USD"));

    QVERIFY(page.selectRule(Section::Discounts, 11));
    QCOMPARE(page.tabs()->currentIndex(), 1);
    page.deleteCurrent(Section::Discounts);
    QCOMPARE(deletedDiscount.count(), 1);
    QCOMPARE(deletedDiscount.at(0).at(0).toLongLong(), 11);
    QCOMPARE(deletedDiscount.at(0).at(1).toInt(), 2);

    // A new policy starts from the default one's settings, as a new row.
    page.addRule(Section::InvoicePolicies);
    QVERIFY(saveOpenDialog<InvoicePolicyDialog>(page, [](InvoicePolicyDialog *d) {
        d->selectService(1);
        d->depositEdit()->setText(QStringLiteral("10"));
    }));
    QCOMPARE(savedPolicy.count(), 1);
    const InvoicePolicy policy = savedPolicy.at(0).at(0).value<InvoicePolicy>();
    QCOMPARE(policy.id, 0);
    QCOMPARE(policy.version, 1);
    QCOMPARE(policy.serviceId, 1);
    QCOMPARE(policy.depositBasisPoints, 1000);
    QCOMPARE(policy.paymentTermDays, 7);
    QVERIFY(policy.updatedBy.isEmpty());

    QVERIFY(page.selectRule(Section::InvoicePolicies, 22));
    QTest::mouseClick(page.editButton(Section::InvoicePolicies), Qt::LeftButton);
    QVERIFY(saveOpenDialog<InvoicePolicyDialog>(
        page, [](InvoicePolicyDialog *d) { d->paymentTermBox()->setValue(10); }));
    QCOMPARE(savedPolicy.count(), 2);
    QCOMPARE(savedPolicy.at(1).at(0).value<InvoicePolicy>().id, 22);
    QCOMPARE(savedPolicy.at(1).at(0).value<InvoicePolicy>().paymentTermDays, 10);

    // Deleting the default policy says what that means.
    QString question;
    page.setConfirmer([&question](QWidget *, const QString &, const QString &q) {
        question = q;
        return true;
    });
    QVERIFY(page.selectRule(Section::InvoicePolicies, 20));
    page.deleteCurrent(Section::InvoicePolicies);
    QVERIFY(question.contains(QStringLiteral("This is the default policy")));
    QCOMPARE(deletedPolicy.count(), 1);
    QCOMPARE(deletedPolicy.at(0).at(0).toLongLong(), 20);
    QCOMPARE(deletedPolicy.at(0).at(1).toInt(), 3);
}

void TestBillingRulesPage::officeManagerIsReadOnly()
{
    BillingRulesPage page;
    page.setData(sampleSnapshot());
    page.setRole(Role::OfficeManager);
    QVERIFY(!page.canEdit());
    const QString denied = page.editDeniedText();
    QCOMPARE(denied,
             QStringLiteral("Only a bookkeeper or owner can change tax and discount rules and "
                            "invoice policies."));
    QCOMPARE(page.noticeText(),
             QStringLiteral("You can look at these rules. Only a bookkeeper or owner can change "
                            "them."));

    bool asked = false;
    page.setConfirmer([&asked](QWidget *, const QString &, const QString &) {
        asked = true;
        return true;
    });
    QSignalSpy deleted(&page, &BillingRulesPage::deleteTaxRuleRequested);
    for (Section section : { Section::TaxRules, Section::Discounts, Section::InvoicePolicies }) {
        const qint64 id = section == Section::TaxRules ? 1
            : section == Section::Discounts            ? 11
                                                       : 20;
        QVERIFY(page.selectRule(section, id)); // looking is allowed
        for (QPushButton *button :
             { page.addButton(section), page.editButton(section), page.deleteButton(section) }) {
            QVERIFY2(!button->isEnabled(), qPrintable(button->objectName()));
            QCOMPARE(button->toolTip(), denied);
        }
        // Neither the slots nor the keyboard get around it.
        page.addRule(section);
        page.editCurrent(section);
        QTest::keyClick(page.view(section), Qt::Key_Return);
        QTest::keyClick(page.view(section), Qt::Key_Delete);
        page.deleteCurrent(section);
        QVERIFY(!page.openDialog());
    }
    QVERIFY(!asked);
    QCOMPARE(deleted.count(), 0);

    // The preview is for everyone.
    page.setPreviewScope(QStringLiteral("c-ana"), 1, QStringLiteral("Brooklyn"));
    QCOMPARE(page.previewText(Section::TaxRules), QStringLiteral("Not taxable (NON)"));

    // A viewer is read-only too.
    page.setRole(Role::Viewer);
    QVERIFY(!page.addButton(Section::TaxRules)->isEnabled());
}

void TestBillingRulesPage::bookkeeperAndOwnerCanEdit()
{
    BillingRulesPage page;
    QVERIFY(page.role() == Role::Viewer); // read-only until told otherwise
    QVERIFY(!page.addButton(Section::TaxRules)->isEnabled());
    page.setData(sampleSnapshot());
    for (Role role : { Role::Bookkeeper, Role::Owner }) {
        page.setRole(role);
        QVERIFY(page.canEdit());
        QVERIFY(page.noticeText().isEmpty());
        QVERIFY(page.selectRule(Section::Discounts, 12));
        QVERIFY(page.addButton(Section::Discounts)->isEnabled());
        QVERIFY(page.editButton(Section::Discounts)->isEnabled());
        QVERIFY(page.deleteButton(Section::Discounts)->isEnabled());
        QCOMPARE(page.addButton(Section::Discounts)->toolTip(),
                 QStringLiteral("Add a discount rule"));
        QVERIFY(!page.addButton(Section::Discounts)->accessibleName().isEmpty());
    }

    // Losing the permission while a dialog is open closes it unsaved.
    QSignalSpy saved(&page, &BillingRulesPage::saveDiscountRuleRequested);
    page.editCurrent(Section::Discounts);
    QVERIFY(page.openDialog());
    page.setRole(Role::OfficeManager);
    QVERIFY(!page.openDialog());
    QCOMPARE(saved.count(), 0);
}

void TestBillingRulesPage::preview_data()
{
    QTest::addColumn<QString>("customerId");
    QTest::addColumn<qint64>("serviceId");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("tax");
    QTest::addColumn<QString>("taxSource");
    QTest::addColumn<QString>("discount");
    QTest::addColumn<QString>("policySource");

    QTest::newRow("nothing specific: the defaults")
        << QString() << qint64(0) << QString() << QStringLiteral("Not taxable (NON)")
        << QStringLiteral("All clients · All services · All locations")
        << QStringLiteral("No discount") << QStringLiteral("All clients · All services");
    QTest::newRow("service and location beat service; priority breaks the tie")
        << QString() << qint64(1) << QStringLiteral("Brooklyn") << QStringLiteral("City tax (CITY)")
        << QStringLiteral("All clients · Math Tutoring · Brooklyn")
        << QStringLiteral("5 % off (Brooklyn discount)") // location rule, any case
        << QStringLiteral("All clients · All services");
    QTest::newRow("service without its location")
        << QString() << qint64(1) << QStringLiteral("Online") << QStringLiteral("Sales tax (TAX)")
        << QStringLiteral("All clients · Math Tutoring · All locations")
        << QStringLiteral("No discount") << QStringLiteral("All clients · All services");
    QTest::newRow("the client's own rule wins")
        << QStringLiteral("c-ana") << qint64(1) << QStringLiteral("Brooklyn")
        << QStringLiteral("Not taxable (NON)")
        << QStringLiteral("Ana Ruiz · All services · All locations")
        << QStringLiteral("5 % off (Brooklyn discount)")
        << QStringLiteral("Ana Ruiz · All services");
    QTest::newRow("a switched-off rule never applies")
        << QString() << qint64(2) << QStringLiteral("Queens") << QStringLiteral("Not taxable (NON)")
        << QStringLiteral("All clients · All services · All locations")
        << QStringLiteral("$5.00 off (Piano promo)")
        << QStringLiteral("All clients · Piano Lessons");
    QTest::newRow("a client's discount beats a service's")
        << QStringLiteral("c-ben") << qint64(2) << QString() << QStringLiteral("Not taxable (NON)")
        << QStringLiteral("All clients · All services · All locations")
        << QStringLiteral("10 % off (Sibling discount)")
        << QStringLiteral("All clients · Piano Lessons");
}

void TestBillingRulesPage::preview()
{
    QFETCH(QString, customerId);
    QFETCH(qint64, serviceId);
    QFETCH(QString, location);
    QFETCH(QString, tax);
    QFETCH(QString, taxSource);
    QFETCH(QString, discount);
    QFETCH(QString, policySource);

    BillingRulesPage page;
    page.setData(sampleSnapshot());
    page.setPreviewScope(customerId, serviceId, location);
    QCOMPARE(page.previewText(Section::TaxRules), tax);
    QCOMPARE(page.previewSource(Section::TaxRules), taxSource);
    QCOMPARE(page.previewText(Section::Discounts), discount);
    QCOMPARE(page.previewSource(Section::InvoicePolicies), policySource);
}

void TestBillingRulesPage::previewFillsServiceLocation()
{
    BillingRulesPage page;
    page.setData(sampleSnapshot());
    // Choosing a service fills in where it is held…
    page.setPreviewScope(QString(), 0, QString());
    QComboBox *serviceBox = nullptr;
    for (QComboBox *combo : page.findChildren<QComboBox *>()) {
        if (combo->accessibleName() == QStringLiteral("Service for the preview"))
            serviceBox = combo;
    }
    QVERIFY(serviceBox);
    serviceBox->setCurrentIndex(serviceBox->findData(qint64(1)));
    QCOMPARE(page.previewSource(Section::TaxRules),
             QStringLiteral("All clients · Math Tutoring · Brooklyn"));
    serviceBox->setCurrentIndex(serviceBox->findData(qint64(2)));
    QCOMPARE(page.previewText(Section::Discounts), QStringLiteral("$5.00 off (Piano promo)"));
    // …but a location the person typed stays.
    page.setPreviewScope(QString(), 2, QStringLiteral("Online"));
    serviceBox->setCurrentIndex(serviceBox->findData(qint64(1)));
    QCOMPARE(page.previewSource(Section::TaxRules),
             QStringLiteral("All clients · Math Tutoring · All locations"));

    // No policy at all: Concord's built-in default, as invoicing uses it.
    BillingRulesSnapshot none = sampleSnapshot();
    none.invoicePolicies.clear();
    page.setData(none);
    Concord::Domain::InvoicePolicy builtIn;
    QCOMPARE(page.previewText(Section::InvoicePolicies), BillingRulesText::policySummary(builtIn));
    QCOMPARE(page.previewSource(Section::InvoicePolicies), QStringLiteral("Concord's built-in default"));
}

void TestBillingRulesPage::emptyStatesAndNotices()
{
    BillingRulesPage page;
    page.setRole(Role::Bookkeeper);
    QVERIFY(!page.hasLoaded());
    QCOMPARE(page.emptyText(Section::TaxRules), QStringLiteral("Loading the rules…"));
    QVERIFY(!page.addButton(Section::TaxRules)->isEnabled()); // nothing to add to yet

    page.setData(BillingRulesSnapshot());
    QVERIFY(page.hasLoaded());
    QVERIFY(page.addButton(Section::TaxRules)->isEnabled());
    QVERIFY(page.emptyText(Section::TaxRules).startsWith(QStringLiteral("No tax rules yet.")));
    QVERIFY(page.emptyText(Section::Discounts).startsWith(QStringLiteral("No discount rules.")));
    QVERIFY(page.emptyText(Section::InvoicePolicies)
                .contains(QStringLiteral("Sessions follow Concord's built-in default")));
    QVERIFY(!page.view(Section::TaxRules)->isVisibleTo(&page));

    page.setData(sampleSnapshot());
    for (Section section : { Section::TaxRules, Section::Discounts, Section::InvoicePolicies })
        QVERIFY(page.emptyText(section).isEmpty());

    // Policies without a default: sessions outside them follow the built-in one.
    BillingRulesSnapshot noDefault = sampleSnapshot();
    noDefault.invoicePolicies.removeFirst();
    page.setData(noDefault);
    auto *notice = page.findChild<QLabel *>(QStringLiteral("sectionNoticeInvoicePolicies"));
    QVERIFY(notice);
    QVERIFY(!notice->isHidden());
    QVERIFY(notice->text().startsWith(QStringLiteral("There is no default policy")));
    page.setData(sampleSnapshot());
    QVERIFY(notice->isHidden());
}

void TestBillingRulesPage::errorBanner()
{
    BillingRulesPage page;
    page.setData(sampleSnapshot());
    page.setRole(Role::Bookkeeper);
    QSignalSpy refresh(&page, &BillingRulesPage::refreshRequested);
    auto *reload = page.findChild<QPushButton *>(QStringLiteral("reloadButton"));
    QVERIFY(reload);
    QTest::mouseClick(reload, Qt::LeftButton);
    QCOMPARE(refresh.count(), 1);

    QVERIFY(page.errorText().isEmpty());
    page.showError(QStringLiteral("the tax rule changed since it was read (version 4)"));
    QCOMPARE(page.errorText(),
             QStringLiteral("the tax rule changed since it was read (version 4)"));
    // The next request starts afresh.
    page.setConfirmer([](QWidget *, const QString &, const QString &) { return true; });
    QVERIFY(page.selectRule(Section::TaxRules, 2));
    page.deleteCurrent(Section::TaxRules);
    QVERIFY(page.errorText().isEmpty());
}

void TestBillingRulesPage::renderForReview()
{
    // Renders the page and the dialogs with sample data for a person to look
    // at: CONCORD_UI_RENDER_DIR=/tmp ctest -R billingrules
    // Without it, the pictures go to a scratch folder: rendering every page
    // and dialog must still work (no skip counted as a pass).
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    QString dir = qEnvironmentVariable("CONCORD_UI_RENDER_DIR");
    if (dir.isEmpty())
        dir = scratch.path();
    Theme::apply(*qApp);
    BillingRulesPage page;
    page.resize(964, 760); // the main window's default size, less the sidebar
    page.setData(sampleSnapshot());
    page.setRole(Role::Bookkeeper);
    page.setPreviewScope(QString(), 1, QStringLiteral("Brooklyn"));
    QVERIFY(page.selectRule(Section::TaxRules, 3));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(page.grab().save(QDir(dir).filePath(QStringLiteral("billingrules.png"))));
    page.tabs()->setCurrentIndex(2);
    QVERIFY(page.grab().save(QDir(dir).filePath(QStringLiteral("billingrules-policies.png"))));
    page.setRole(Role::OfficeManager);
    page.tabs()->setCurrentIndex(1);
    QVERIFY(page.grab().save(QDir(dir).filePath(QStringLiteral("billingrules-readonly.png"))));

    const BillingRulesSnapshot snapshot = sampleSnapshot();
    DiscountRuleDialog discount(snapshot, snapshot.discountRules.at(0));
    discount.percentEdit()->setText(QStringLiteral("120"));
    discount.show();
    discount.resize(discount.sizeHint()); // the offscreen screen (800×600) would clamp it
    QVERIFY(QTest::qWaitForWindowExposed(&discount));
    QVERIFY(discount.grab().save(QDir(dir).filePath(QStringLiteral("billingrules-discount.png"))));
    InvoicePolicyDialog policy(snapshot, snapshot.invoicePolicies.at(1));
    policy.lateFeeEdit()->setText(QStringLiteral("12.345"));
    policy.show();
    policy.resize(policy.sizeHint()); // the offscreen screen (800×600) would clamp it
    QVERIFY(QTest::qWaitForWindowExposed(&policy));
    QVERIFY(policy.grab().save(QDir(dir).filePath(QStringLiteral("billingrules-policy.png"))));
    TaxRuleDialog tax(snapshot, snapshot.taxRules.at(2));
    tax.priorityBox()->setValue(5);
    tax.show();
    tax.resize(tax.sizeHint()); // the offscreen screen (800×600) would clamp it
    QVERIFY(QTest::qWaitForWindowExposed(&tax));
    QVERIFY(tax.grab().save(QDir(dir).filePath(QStringLiteral("billingrules-tax.png"))));
}

QTEST_MAIN(TestBillingRulesPage)
#include "tst_billingrulespage.moc"
