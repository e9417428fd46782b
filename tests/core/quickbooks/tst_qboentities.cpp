// Values of the QuickBooks sample payloads, field by field, and the JSON the
// entity types write.

#include "qbotestutil.h"

#include "connectors/quickbooks/companyinfo.h"
#include "connectors/quickbooks/creditmemo.h"
#include "connectors/quickbooks/customer.h"
#include "connectors/quickbooks/deletedentity.h"
#include "connectors/quickbooks/entityresponse.h"
#include "connectors/quickbooks/invoice.h"
#include "connectors/quickbooks/item.h"
#include "connectors/quickbooks/payment.h"
#include "connectors/quickbooks/preferences.h"
#include "connectors/quickbooks/queryresponse.h"
#include "connectors/quickbooks/refundreceipt.h"
#include "connectors/quickbooks/requestbody.h"
#include "connectors/quickbooks/taxcode.h"
#include "connectors/quickbooks/taxrate.h"
#include "connectors/quickbooks/term.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::QuickBooks;
using namespace Concord::Test::Qbo;
using Concord::Domain::Decimal;

namespace {

template<typename T>
T load(const QString &relative)
{
    auto response = EntityResponse::parse(Concord::Test::readFixture(qboFixture(relative)));
    if (!response)
        qFatal("%s: %s", qPrintable(relative), qPrintable(response.error().toString()));
    auto entity = response->as<T>();
    if (!entity)
        qFatal("%s: %s", qPrintable(relative), qPrintable(entity.error().toString()));
    return *entity;
}

Decimal dec(const QString &text)
{
    return *Decimal::parse(text);
}

QDateTime utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODate).toUTC();
}

} // namespace

class TestQboEntities : public QObject
{
    Q_OBJECT

private slots:
    void invoiceSample();
    void invoiceVoided();
    void invoiceRequests();
    void paymentSample();
    void paymentUnapplied();
    void customerRead();
    void customerCreateResponse();
    void creditMemo();
    void refundReceipt();
    void items();
    void taxCode();
    void taxRate();
    void term();
    void companyInfo();
    void preferences();
    void deletedResponse();
    void homeCurrencyApplies();
    void tooManyDecimalsIsAnErrorNamingTheField();
    void serializesOnlySetFields();
    void sparseUpdateBody();
    void createBodyDropsServerKeys();
};

void TestQboEntities::invoiceSample()
{
    const auto inv = load<Invoice>(u"intuit-api-reference/invoice/send-an-invoice.response.json"_s);
    QCOMPARE(inv.id, u"96"_s);
    QCOMPARE(inv.syncToken, u"0"_s);
    QCOMPARE(inv.currency, u"USD"_s);
    QCOMPARE(minor(inv.totalAmt), 5200);
    QCOMPARE(minor(inv.deposit), 1200);
    QCOMPARE(minor(inv.balance), 4000);
    QCOMPARE(inv.docNumber, u"Sample_Inv#2"_s);
    QCOMPARE(inv.txnDate, QDate(2013, 3, 14));
    QCOMPARE(inv.dueDate, QDate(2013, 5, 13));
    QCOMPARE(inv.salesTermRef.value, u"4"_s);
    QCOMPARE(inv.customerRef, (Reference{ u"15"_s, u"Mr V3 Service Customer Jr2"_s }));
    QCOMPARE(inv.billEmail, u"test@intuit.com"_s);
    QCOMPARE(inv.emailStatus, u"EmailSent"_s);
    QCOMPARE(inv.deliveryType, u"Email"_s);
    QCOMPARE(inv.deliveryTime, utc(u"2014-12-17T19:50:52Z"_s));
    QCOMPARE(inv.privateNote, u"Summary for sample invoice"_s);
    QCOMPARE(inv.customerMemo, u"This is the customer message"_s);
    QCOMPARE(inv.metaData.createTime, utc(u"2013-03-14T08:42:16Z"_s));
    QCOMPARE(inv.metaData.lastUpdatedTime, utc(u"2014-12-17T19:50:58Z"_s));
    QCOMPARE(inv.metaData.lastUpdatedTime.timeSpec(), Qt::UTC);
    QCOMPARE(inv.billAddr.city, u"Mountain View"_s);
    QCOMPARE(inv.customFields.size(), 3);

    QCOMPARE(inv.lines.size(), 4);
    const SalesLine &hours = inv.lines.at(0);
    QVERIFY(hours.detailType == LineDetailType::SalesItem);
    QCOMPARE(minor(hours.amount), 5000);
    QCOMPARE(hours.salesItem.qty, dec(u"1"_s));
    QCOMPARE(hours.salesItem.unitPrice, dec(u"50"_s));
    QCOMPARE(hours.salesItem.taxCodeRef.value, u"TAX"_s);
    QCOMPARE(hours.salesItem.itemRef, (Reference{ u"2"_s, u"Hours"_s }));
    QCOMPARE(hours.salesItem.serviceDate, QDate(2013, 3, 4));
    QCOMPARE(hours.lineNum, 1);
    QVERIFY(inv.lines.at(1).detailType == LineDetailType::SubTotal);
    QCOMPARE(minor(inv.lines.at(1).amount), 5000);
    const SalesLine &discount = inv.lines.at(2);
    QVERIFY(discount.detailType == LineDetailType::Discount);
    QCOMPARE(minor(discount.amount), 500);
    QCOMPARE(discount.discount.percentBased, true);
    QCOMPARE(discount.discount.discountPercent, dec(u"10"_s));
    QCOMPARE(discount.discount.discountAccountRef, (Reference{ u"30"_s, u"Discounts given"_s }));
    const SalesLine &shipping = inv.lines.at(3);
    QCOMPARE(minor(shipping.amount), 200);
    QCOMPARE(shipping.salesItem.itemRef.value, u"SHIPPING_ITEM_ID"_s);
    QVERIFY(!shipping.salesItem.qty);

    QCOMPARE(inv.txnTaxDetail.txnTaxCodeRef.value, u"5"_s);
    QCOMPARE(minor(inv.txnTaxDetail.totalTax), 500);
    QCOMPARE(inv.txnTaxDetail.taxLines.size(), 1);
    QCOMPARE(minor(inv.txnTaxDetail.taxLines.at(0).netAmountTaxable), 5000);
    QCOMPARE(inv.txnTaxDetail.taxLines.at(0).taxPercent, dec(u"10"_s));
    QCOMPARE(inv.txnTaxDetail.taxLines.at(0).taxRateRef.value, u"2"_s);

    // 50 − 5 discount + 5 tax + 2 shipping = 52; Balance = TotalAmt − Deposit.
    QCOMPARE(minor(inv.totalAmt) - minor(inv.deposit), minor(inv.balance));
}

void TestQboEntities::invoiceVoided()
{
    const auto inv = load<Invoice>(u"intuit-api-reference/invoice/void-an-invoice.response.json"_s);
    QCOMPARE(minor(inv.totalAmt), 0);
    QCOMPARE(minor(inv.balance), 0);
    QVERIFY(inv.privateNote.startsWith(u"Voided"_s));
    QCOMPARE(inv.syncToken, u"1"_s);
    // This sample spells DetailType SALES_ITEM_LINE_DETAIL; the detail is still read.
    QVERIFY(inv.lines.at(0).detailType == LineDetailType::SalesItem);
    QCOMPARE(inv.lines.at(0).detailTypeName, u"SALES_ITEM_LINE_DETAIL"_s);
    QCOMPARE(inv.lines.at(0).salesItem.itemRef.value, u"14"_s);
    QCOMPARE(inv.lines.at(0).salesItem.qty, dec(u"0"_s));
    QVERIFY(inv.lines.last().detailType == LineDetailType::SubTotal);
}

void TestQboEntities::invoiceRequests()
{
    auto create = Invoice::fromJson(readJsonObject(u"intuit-api-reference/invoice/create-an-invoice.request.json"_s));
    QVERIFY_OK(create);
    QCOMPARE(create->customerRef.value, u"1"_s);
    QCOMPARE(create->lines.size(), 1);
    QCOMPARE(minor(create->lines.at(0).amount), 10000);
    QCOMPARE(create->lines.at(0).salesItem.itemRef, (Reference{ u"1"_s, u"Services"_s }));
    // The create request written from the struct is the published one.
    QCOMPARE(create->toJson(), readJsonObject(u"intuit-api-reference/invoice/create-an-invoice.request.json"_s));

    auto sparse = Invoice::fromJson(readJsonObject(u"intuit-api-reference/invoice/sparse-update-an-invoice.request.json"_s));
    QVERIFY_OK(sparse);
    Invoice change;
    change.dueDate = sparse->dueDate;
    QCOMPARE(QuickBooks::sparseUpdateBody(change.toJson(), sparse->id, sparse->syncToken),
             readJsonObject(u"intuit-api-reference/invoice/sparse-update-an-invoice.request.json"_s));
}

void TestQboEntities::paymentSample()
{
    const auto p = load<Payment>(u"intuit-api-reference/payment/sample-object.object.json"_s);
    QCOMPARE(p.id, u"163"_s);
    QCOMPARE(minor(p.totalAmt), 6500);
    QCOMPARE(minor(p.unappliedAmt), 1000);
    QCOMPARE(p.txnDate, QDate(2015, 1, 16));
    QCOMPARE(p.customerRef, (Reference{ u"20"_s, u"Red Rock Diner"_s }));
    QCOMPARE(p.depositToAccountRef.value, u"4"_s);
    QCOMPARE(p.processPayment, false);
    QCOMPARE(p.lines.size(), 1);
    QCOMPARE(minor(p.lines.at(0).amount), 5500);
    QCOMPARE(p.lines.at(0).linkedTxn, (QList<LinkedTxn>{ { u"70"_s, u"Invoice"_s, {} } }));
    // TotalAmt = applied + unapplied.
    QCOMPARE(minor(p.lines.at(0).amount) + minor(p.unappliedAmt), minor(p.totalAmt));
}

void TestQboEntities::paymentUnapplied()
{
    const auto p = load<Payment>(u"intuit-api-reference/payment/create-a-payment.response.json"_s);
    QCOMPARE(minor(p.totalAmt), 2500);
    QCOMPARE(minor(p.unappliedAmt), 2500);
    QVERIFY(p.lines.isEmpty());
    const auto voided = load<Payment>(u"intuit-api-reference/payment/void-a-payment.response.json"_s);
    QCOMPARE(minor(voided.totalAmt), 0);
    QCOMPARE(voided.privateNote, u"Voided"_s);
    QCOMPARE(voided.paymentMethodRef.value, u"2"_s);
}

void TestQboEntities::customerRead()
{
    const auto c = load<Customer>(u"intuit-api-reference/customer/read-a-customer.response.json"_s);
    QCOMPARE(c.id, u"2"_s);
    QCOMPARE(c.displayName, u"Bill's Windsurf Shop"_s);
    QCOMPARE(c.givenName, u"Bill"_s);
    QCOMPARE(c.familyName, u"Lucchini"_s);
    QCOMPARE(c.companyName, u"Bill's Windsurf Shop"_s);
    QCOMPARE(c.primaryEmail, u"Surf@Intuit.com"_s);
    QCOMPARE(c.primaryPhone, u"(415) 444-6538"_s);
    QCOMPARE(c.active, true);
    QCOMPARE(minor(c.balance), 8500);
    QCOMPARE(c.currency, u"USD"_s);
    QVERIFY(!c.currencyRef.isSet());
    QCOMPARE(c.billAddr.line1, u"12 Ocean Dr."_s);
    QCOMPARE(c.billAddr.postalCode, u"94213"_s);
    QCOMPARE(c.metaData.lastUpdatedTime, utc(u"2014-09-18T19:56:01Z"_s));
}

void TestQboEntities::customerCreateResponse()
{
    const auto c = load<Customer>(u"intuit-api-reference/customer/create-a-customer.response.json"_s);
    QCOMPARE(c.id, u"67"_s);
    QCOMPARE(c.displayName, u"King's Groceries"_s);
    QCOMPARE(c.title, u"Mr"_s);
    QCOMPARE(c.middleName, u"B"_s);
    QCOMPARE(c.suffix, u"Jr"_s);
    QCOMPARE(c.notes, u"Here are other details."_s);
    QCOMPARE(c.currencyRef.value, u"USD"_s);
    QCOMPARE(minor(c.balance), 0);
    QVERIFY(c.defaultTaxCodeRef.isSet());
}

void TestQboEntities::creditMemo()
{
    const auto m = load<CreditMemo>(u"intuit-api-reference/creditmemo/create-a-credit-memo.response.json"_s);
    QCOMPARE(m.id, u"150"_s);
    QCOMPARE(minor(m.remainingCredit), 5000);
    QCOMPARE(minor(m.balance), 5000);
    QCOMPARE(minor(m.totalAmt), 5000);
    QCOMPARE(m.emailStatus, u"NotSet"_s);
    QCOMPARE(m.lines.size(), 2);
}

void TestQboEntities::refundReceipt()
{
    const auto r = load<RefundReceipt>(u"intuit-api-reference/refundreceipt/create-a-refund-receipt.response.json"_s);
    QCOMPARE(r.id, u"261"_s);
    QCOMPARE(minor(r.totalAmt), 42000);
    QCOMPARE(minor(r.balance), 0);
    QCOMPARE(r.depositToAccountRef, (Reference{ u"35"_s, u"Checking"_s }));
    QCOMPARE(r.paymentRefNum, u"To Print"_s);
    QCOMPARE(r.printStatus, u"NeedToPrint"_s);
}

void TestQboEntities::items()
{
    auto query = QueryResponse::parse(Concord::Test::readFixture(qboFixture(u"captured-exquickbooks/api__query.json"_s)));
    QVERIFY_OK(query);
    auto items = query->as<Item>();
    QVERIFY_OK(items);
    QCOMPARE(items->size(), 19);
    const auto find = [&](const QString &name) {
        return *std::find_if(items->cbegin(), items->cend(), [&](const Item &i) { return i.name == name; });
    };
    QCOMPARE(find(u"Soil"_s).purchaseCost, dec(u"6.5"_s));
    QCOMPARE(find(u"Sprinkler Heads"_s).purchaseCost, dec(u"0.75"_s));
    QCOMPARE(find(u"Sprinkler Heads"_s).qtyOnHand, dec(u"25"_s));
    QCOMPARE(find(u"Rock Fountain"_s).unitPrice, dec(u"275"_s));
    QCOMPARE(find(u"Pump"_s).assetAccountRef.value, u"81"_s);
    QCOMPARE(find(u"Pump"_s).invStartDate, QDate(2017, 1, 31));
    QCOMPARE(find(u"Pump"_s).trackQtyOnHand, true);

    const auto bundle = load<Item>(u"intuit-api-reference/item/read-a-bundle.response.json"_s);
    QCOMPARE(bundle.type, u"Group"_s);
    QCOMPARE(bundle.sku, u"234"_s);
    const auto category = load<Item>(u"intuit-api-reference/item/read-a-category.response.json"_s);
    QCOMPARE(category.type, u"Category"_s);
    QCOMPARE(category.name, u"Trees"_s);
}

void TestQboEntities::taxCode()
{
    const auto t = load<TaxCode>(u"intuit-api-reference/taxcode/read-a-taxcode.response.json"_s);
    QCOMPARE(t.name, u"California"_s);
    QCOMPARE(t.taxGroup, true);
    QCOMPARE(t.salesTaxRates.size(), 1);
    QCOMPARE(t.salesTaxRates.at(0).taxRateRef, (Reference{ u"3"_s, u"California"_s }));
    QCOMPARE(t.salesTaxRates.at(0).taxTypeApplicable, u"TaxOnAmount"_s);
    QCOMPARE(t.salesTaxRates.at(0).taxOrder, 0);
    QVERIFY(t.purchaseTaxRates.isEmpty());
}

void TestQboEntities::taxRate()
{
    // No TaxRate sample is published; the shape follows the reference.
    const QJsonObject json{ { u"Id"_s, u"3"_s }, { u"Name"_s, u"California"_s }, { u"RateValue"_s, 8.25 },
                            { u"Active"_s, true }, { u"AgencyRef"_s, QJsonObject{ { u"value"_s, u"1"_s } } } };
    auto rate = TaxRate::fromJson(json);
    QVERIFY_OK(rate);
    QCOMPARE(rate->rateValue, dec(u"8.25"_s));
    QCOMPARE(rate->rateValue->toString(), u"8.25"_s);
    QCOMPARE(rate->agencyRef.value, u"1"_s);
    auto again = TaxRate::fromJson(rate->toJson());
    QVERIFY_OK(again);
    QVERIFY(*again == *rate);
}

void TestQboEntities::term()
{
    const auto t = load<Term>(u"intuit-api-reference/term/read-a-term.response.json"_s);
    QCOMPARE(t.id, u"4"_s);
    QCOMPARE(t.name, u"Net 60"_s);
    QCOMPARE(t.dueDays, 60);
    QCOMPARE(t.type, u"STANDARD"_s);
    QCOMPARE(t.discountPercent, dec(u"0"_s));
    QCOMPARE(t.active, true);
}

void TestQboEntities::companyInfo()
{
    const auto c = load<CompanyInfo>(u"intuit-api-reference/companyinfo/read-companyinfo.response.json"_s);
    QCOMPARE(c.companyName, u"Larry's Bakery"_s);
    QCOMPARE(c.country, u"US"_s);
    QCOMPARE(c.email, u"donotreply@intuit.com"_s);
    QCOMPARE(c.companyAddr.city, u"Mountain View"_s);
    QCOMPARE(c.companyStartDate, QDate(2015, 6, 5));
    QCOMPARE(c.nameValue(u"OfferingSku"_s), u"QuickBooks Online Plus"_s);
    QCOMPARE(c.nameValue(u"SubscriptionStatus"_s), u"PAID"_s);
    QCOMPARE(c.syncToken, u"4"_s);
}

void TestQboEntities::preferences()
{
    const auto docs = load<Preferences>(u"intuit-api-reference/preferences/read-preferences.response.json"_s);
    QCOMPARE(docs.homeCurrency, u"USD"_s);
    QCOMPARE(docs.multiCurrencyEnabled, false);
    QCOMPARE(docs.customTxnNumbers, false);
    QCOMPARE(docs.allowDeposit, true);
    QCOMPARE(docs.defaultTerms.value, u"3"_s);
    const auto captured = load<Preferences>(u"captured-exquickbooks/preferences__read_preferences.json"_s);
    QCOMPARE(captured.salesCustomFieldNames, (QStringList{ u"Crew #"_s, QString(), QString() }));
    QCOMPARE(captured.allowDeposit, false);
}

void TestQboEntities::deletedResponse()
{
    auto r = EntityResponse::parse(Concord::Test::readFixture(
        qboFixture(u"intuit-api-reference/invoice/delete-an-invoice.response.json"_s)));
    QVERIFY_OK(r);
    QVERIFY(r->isDeleted());
    auto stub = DeletedEntity::fromJson(r->entityName, r->entity);
    QVERIFY_OK(stub);
    QCOMPARE(stub->entityName, u"Invoice"_s);
    QCOMPARE(stub->id, u"33"_s);
}

void TestQboEntities::homeCurrencyApplies()
{
    const QJsonObject json{ { u"Id"_s, u"1"_s }, { u"TotalAmt"_s, 1200 } };
    auto jpy = Invoice::fromJson(json, u"JPY"_s);
    QVERIFY_OK(jpy);
    QCOMPARE(jpy->currency, u"JPY"_s);
    QCOMPARE(minor(jpy->totalAmt), 1200);
    QJsonObject withRef = json;
    withRef.insert(u"CurrencyRef"_s, QJsonObject{ { u"value"_s, u"CAD"_s } });
    auto cad = Invoice::fromJson(withRef, u"JPY"_s);
    QVERIFY_OK(cad);
    QCOMPARE(cad->currency, u"CAD"_s);
    QCOMPARE(minor(cad->totalAmt), 120000);
}

void TestQboEntities::tooManyDecimalsIsAnErrorNamingTheField()
{
    const QJsonObject line{ { u"Amount"_s, 10.005 }, { u"DetailType"_s, u"SalesItemLineDetail"_s },
                            { u"SalesItemLineDetail"_s, QJsonObject{} } };
    const QJsonObject json{ { u"Line"_s, QJsonArray{ line } } };
    auto inv = Invoice::fromJson(json);
    QVERIFY(!inv);
    QVERIFY2(inv.error().detail.contains(u"Invoice.Line[0].Amount"_s), qPrintable(inv.error().toString()));
    // Zeros beyond the currency's digits are fine.
    auto ok = Invoice::fromJson(QJsonObject{ { u"TotalAmt"_s, u"10.000"_s } });
    QVERIFY_OK(ok);
    QCOMPARE(minor(ok->totalAmt), 1000);
    // Unit prices may carry more digits than money.
    const QJsonObject priced{ { u"Amount"_s, 10.01 }, { u"DetailType"_s, u"SalesItemLineDetail"_s },
                              { u"SalesItemLineDetail"_s, QJsonObject{ { u"UnitPrice"_s, 3.3367 }, { u"Qty"_s, 3 } } } };
    auto p = Invoice::fromJson(QJsonObject{ { u"Line"_s, QJsonArray{ priced } } });
    QVERIFY_OK(p);
    QCOMPARE(p->lines.at(0).salesItem.unitPrice->toString(), u"3.3367"_s);
}

void TestQboEntities::serializesOnlySetFields()
{
    Customer c;
    c.displayName = u"Dana Whitfield"_s;
    c.primaryEmail = u"dana@example.com"_s;
    const QJsonObject json = c.toJson();
    QCOMPARE(json, (QJsonObject{ { u"DisplayName"_s, u"Dana Whitfield"_s },
                                 { u"PrimaryEmailAddr"_s, QJsonObject{ { u"Address"_s, u"dana@example.com"_s } } } }));

    Invoice inv;
    inv.customerRef.value = u"1"_s;
    SalesLine line;
    line.amount = *Domain::Money::fromMinor(8750, u"USD"_s);
    line.salesItem.itemRef.value = u"1"_s;
    line.salesItem.qty = dec(u"1.5"_s);
    line.salesItem.unitPrice = dec(u"58.3333"_s);
    inv.lines.append(line);
    const QByteArray text = QJsonDocument(inv.toJson()).toJson(QJsonDocument::Compact);
    QVERIFY2(text.contains("\"Amount\":87.5"), text.constData());
    QVERIFY2(text.contains("\"Qty\":1.5"), text.constData());
    QVERIFY2(text.contains("\"UnitPrice\":58.3333"), text.constData());
    QVERIFY2(text.contains("\"DetailType\":\"SalesItemLineDetail\""), text.constData());
    QVERIFY(!text.contains("TxnTaxDetail"));
    QVERIFY(!text.contains("CurrencyRef"));
}

void TestQboEntities::sparseUpdateBody()
{
    Customer change;
    change.middleName = u"Mac"_s;
    // The published sparse update of a customer, rebuilt.
    const QJsonObject published = readJsonObject(u"intuit-api-reference/customer/sparse-update-a-customer.request.json"_s);
    auto parsed = Customer::fromJson(published);
    QVERIFY_OK(parsed);
    change.middleName = parsed->middleName;
    QCOMPARE(QuickBooks::sparseUpdateBody(change.toJson(), parsed->id, parsed->syncToken), published);
}

void TestQboEntities::createBodyDropsServerKeys()
{
    const auto c = load<Customer>(u"intuit-api-reference/customer/read-a-customer.response.json"_s);
    const QJsonObject body = QuickBooks::createBody(c.toJson());
    QVERIFY(!body.contains(u"Id"_s));
    QVERIFY(!body.contains(u"SyncToken"_s));
    QVERIFY(!body.contains(u"MetaData"_s));
    QCOMPARE(body.value(u"DisplayName"_s).toString(), u"Bill's Windsurf Shop"_s);
}

QTEST_GUILESS_MAIN(TestQboEntities)
#include "tst_qboentities.moc"
