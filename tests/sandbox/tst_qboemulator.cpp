// QuickBooks emulator: entity operations, arithmetic, faults, query, requestid,
// CDC, batch, PDF/send and the admin API — over real HTTP on loopback, with
// response shapes checked against Intuit's published payloads.

#include "qbotesthelpers.h"
#include "testsupport.h"

#include "common/clock.h"
#include "quickbooks/quickbooksemulator.h"

#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Concord::Sandbox::QuickBooksEmulator;
using Concord::Test::QboClient;
using Concord::Test::QboResponse;
using Concord::Test::readFixture;
using Concord::Test::shapeDiff;

namespace {

const QString kRealm = u"9130355"_s;

QJsonObject fixture(const QString &relative)
{
    return QJsonDocument::fromJson(readFixture(u"quickbooks/"_s + relative)).object();
}

QJsonObject ref(const QString &value)
{
    return QJsonObject{ { u"value"_s, value } };
}

QUrlQuery q(std::initializer_list<std::pair<QString, QString>> items)
{
    QUrlQuery query;
    for (const auto &i : items)
        query.addQueryItem(i.first, i.second);
    return query;
}

} // namespace

class TestQboEmulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void customerCreateReadUpdate();
    void customerFaults();
    void requiredFieldFault();
    void invoiceArithmeticMatchesSendFixture();
    void invoiceLineAmountsAreExact();
    void invoiceCreateShapeAndNumbering();
    void paymentsApplyToInvoices();
    void invoiceVoidAndDelete();
    void query_data();
    void query();
    void queryFaults_data();
    void queryFaults();
    void queryShapeAndPost();
    void queryFormEncoded();
    void requestIdReplay();
    void pdfAndSend();
    void batch();
    void changeDataCapture();
    void companyInfoPreferencesTaxCodes();
    void adminApi();

private:
    QString createCustomer(const QString &name);
    QJsonObject createInvoice(const QString &customerId, qint64 amountDollars);

    std::unique_ptr<Concord::ManualClock> m_clock;
    std::unique_ptr<QuickBooksEmulator> m_qbo;
    std::unique_ptr<QboClient> m_client;
    QString m_itemId;
};

void TestQboEmulator::init()
{
    m_clock = std::make_unique<Concord::ManualClock>(QDateTime(QDate(2026, 3, 10), QTime(17, 0), Qt::UTC));
    m_qbo = std::make_unique<QuickBooksEmulator>();
    m_qbo->setClock(m_clock.get());
    // These tests are about semantics; throttling has its own suite.
    m_qbo->setThrottlingEnabled(false);
    QVERIFY(m_qbo->listen());
    m_qbo->addRealm(kRealm);
    const auto tokens = m_qbo->issueTokens(kRealm);
    m_client = std::make_unique<QboClient>(m_qbo->baseUrl(), kRealm, tokens.accessToken);
    const auto item = m_qbo->seed(kRealm, u"Item"_s,
                                  QJsonObject{ { u"Name"_s, u"Hours"_s }, { u"UnitPrice"_s, 50 },
                                               { u"IncomeAccountRef"_s, ref(u"79"_s) } });
    QVERIFY(item.has_value());
    m_itemId = item->value(u"Id"_s).toString();
}

void TestQboEmulator::cleanup()
{
    m_client.reset();
    m_qbo.reset();
    m_clock.reset();
}

QString TestQboEmulator::createCustomer(const QString &name)
{
    const QboResponse r = m_client->post(u"customer"_s, QJsonObject{ { u"DisplayName"_s, name } });
    if (r.status != 200)
        qWarning() << r.body;
    return r.json().value(u"Customer"_s).toObject().value(u"Id"_s).toString();
}

QJsonObject TestQboEmulator::createInvoice(const QString &customerId, qint64 amountDollars)
{
    const QJsonObject body{
        { u"CustomerRef"_s, ref(customerId) },
        { u"Line"_s, QJsonArray{ QJsonObject{ { u"DetailType"_s, u"SalesItemLineDetail"_s },
                                              { u"Amount"_s, double(amountDollars) },
                                              { u"SalesItemLineDetail"_s, QJsonObject{ { u"ItemRef"_s, ref(m_itemId) } } } } } }
    };
    return m_client->post(u"invoice"_s, body).json().value(u"Invoice"_s).toObject();
}

void TestQboEmulator::customerCreateReadUpdate()
{
    const QJsonObject request = fixture(u"intuit-api-reference/customer/create-a-customer.request.json"_s);
    const QboResponse created = m_client->post(u"customer"_s, request);
    QCOMPARE(created.status, 200);
    QVERIFY(created.contentType.startsWith("application/json"));
    const QJsonObject envelope = created.json();
    const QStringList core = { u"Customer.Id"_s, u"Customer.SyncToken"_s, u"Customer.domain"_s,
                               u"Customer.sparse"_s, u"Customer.MetaData"_s, u"Customer.DisplayName"_s,
                               u"Customer.Active"_s, u"Customer.Balance"_s, u"Customer.FullyQualifiedName"_s };
    QCOMPARE(shapeDiff(fixture(u"intuit-api-reference/customer/create-a-customer.response.json"_s), envelope, core),
             QStringList());
    const QJsonObject customer = envelope.value(u"Customer"_s).toObject();
    QCOMPARE(customer.value(u"SyncToken"_s).toString(), u"0"_s);
    QCOMPARE(customer.value(u"domain"_s).toString(), u"QBO"_s);
    QCOMPARE(customer.value(u"sparse"_s).toBool(true), false);
    QCOMPARE(customer.value(u"DisplayName"_s).toString(), u"King's Groceries"_s);
    QVERIFY(QRegularExpression(u"^\\d+$"_s).match(customer.value(u"Id"_s).toString()).hasMatch());
    // Company offset, no millis in MetaData; millis in the envelope time.
    QCOMPARE(customer.value(u"MetaData"_s).toObject().value(u"CreateTime"_s).toString(), u"2026-03-10T10:00:00-07:00"_s);
    QCOMPARE(envelope.value(u"time"_s).toString(), u"2026-03-10T10:00:00.000-07:00"_s);
    const QString id = customer.value(u"Id"_s).toString();

    const QboResponse read = m_client->get(u"customer/"_s + id);
    QCOMPARE(read.status, 200);
    QCOMPARE(shapeDiff(fixture(u"intuit-api-reference/customer/read-a-customer.response.json"_s), read.json(), core),
             QStringList());

    // Sparse update: only the sent field changes; SyncToken +1.
    m_clock->advanceSecs(60);
    const QboResponse sparse = m_client->post(
        u"customer"_s, QJsonObject{ { u"Id"_s, id }, { u"SyncToken"_s, u"0"_s }, { u"sparse"_s, true },
                                    { u"GivenName"_s, u"Jimmy"_s } });
    QCOMPARE(sparse.status, 200);
    const QJsonObject afterSparse = sparse.json().value(u"Customer"_s).toObject();
    QCOMPARE(afterSparse.value(u"SyncToken"_s).toString(), u"1"_s);
    QCOMPARE(afterSparse.value(u"GivenName"_s).toString(), u"Jimmy"_s);
    QCOMPARE(afterSparse.value(u"Notes"_s).toString(), u"Here are other details."_s);
    QCOMPARE(afterSparse.value(u"MetaData"_s).toObject().value(u"LastUpdatedTime"_s).toString(), u"2026-03-10T10:01:00-07:00"_s);
    QCOMPARE(afterSparse.value(u"MetaData"_s).toObject().value(u"CreateTime"_s).toString(), u"2026-03-10T10:00:00-07:00"_s);
    QCOMPARE(shapeDiff(fixture(u"intuit-api-reference/customer/sparse-update-a-customer.response.json"_s), sparse.json(), core),
             QStringList());

    // Full update: omitted writable fields are cleared.
    const QboResponse full = m_client->post(
        u"customer"_s, QJsonObject{ { u"Id"_s, id }, { u"SyncToken"_s, u"1"_s }, { u"DisplayName"_s, u"King's Groceries"_s } });
    QCOMPARE(full.status, 200);
    const QJsonObject afterFull = full.json().value(u"Customer"_s).toObject();
    QCOMPARE(afterFull.value(u"SyncToken"_s).toString(), u"2"_s);
    QVERIFY(!afterFull.contains(u"Notes"_s));
    QVERIFY(!afterFull.contains(u"GivenName"_s));

    // "Delete" of a name-list entity: Active false, renamed.
    const QboResponse deleted = m_client->post(
        u"customer"_s, QJsonObject{ { u"Id"_s, id }, { u"SyncToken"_s, u"2"_s }, { u"sparse"_s, true }, { u"Active"_s, false } });
    QCOMPARE(deleted.json().value(u"Customer"_s).toObject().value(u"DisplayName"_s).toString(), u"King's Groceries (deleted)"_s);
}

void TestQboEmulator::customerFaults()
{
    const QString id = createCustomer(u"Amy's Bird Sanctuary"_s);
    QVERIFY(!id.isEmpty());
    const QJsonObject realFault = fixture(u"captured-exquickbooks/item__update_item_error.json"_s);

    // Stale SyncToken → 5010 with the real Message.
    QVERIFY(m_client->post(u"customer"_s, QJsonObject{ { u"Id"_s, id }, { u"SyncToken"_s, u"0"_s }, { u"sparse"_s, true },
                                                       { u"Notes"_s, u"first"_s } }).status == 200);
    const QboResponse stale = m_client->post(u"customer"_s, QJsonObject{ { u"Id"_s, id }, { u"SyncToken"_s, u"0"_s },
                                                                         { u"sparse"_s, true }, { u"Notes"_s, u"second"_s } });
    QCOMPARE(stale.status, 400);
    QCOMPARE(stale.faultCode(), u"5010"_s);
    QCOMPARE(stale.firstError().value(u"Message"_s).toString(), u"Stale Object Error"_s);
    QCOMPARE(stale.fault().value(u"type"_s).toString(), u"ValidationFault"_s);
    QCOMPARE(shapeDiff(realFault, stale.json(), { u"Fault.type"_s }), QStringList());
    QCOMPARE(m_qbo->entity(kRealm, u"Customer"_s, id).value(u"Notes"_s).toString(), u"first"_s);

    // DisplayName uniqueness, case-insensitive → 6240 with the real text.
    const QboResponse dup = m_client->post(u"customer"_s, QJsonObject{ { u"DisplayName"_s, u"AMY'S BIRD SANCTUARY"_s } });
    QCOMPARE(dup.status, 400);
    QCOMPARE(dup.faultCode(), u"6240"_s);
    QCOMPARE(dup.firstError().value(u"Message"_s).toString(), u"Duplicate Name Exists Error"_s);
    QCOMPARE(dup.firstError().value(u"Detail"_s).toString(),
             u"The name supplied already exists. : Another customer, vendor or employee is already using this name. Please use a different name."_s);
    QCOMPARE(m_qbo->entities(kRealm, u"Customer"_s).size(), 1);

    // Unknown Id → 610, shape as captured.
    const QboResponse missing = m_client->get(u"customer/999"_s);
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.faultCode(), u"610"_s);
    QCOMPARE(shapeDiff(fixture(u"captured-exquickbooks/item__read_item_error.json"_s), missing.json(), { u"Fault.type"_s }),
             QStringList());
    QCOMPARE(missing.json(), QJsonObject({ { u"Fault"_s, fixture(u"captured-exquickbooks/item__read_item_error.json"_s).value(u"Fault"_s) },
                                           { u"time"_s, missing.json().value(u"time"_s) } }));

    // An email address that is not RFC 822 (a comma for the dot, a space) →
    // 2010 naming the field and the value; an unusual but valid one passes.
    for (const QString &bad : { u"dan.wu@example,com"_s, u"abc.xyz 01@gmail.com"_s, u"danwu@example"_s }) {
        const QboResponse refused = m_client->post(
            u"customer"_s, QJsonObject{ { u"DisplayName"_s, u"Dan Wu"_s },
                                        { u"PrimaryEmailAddr"_s, QJsonObject{ { u"Address"_s, bad } } } });
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.faultCode(), u"2010"_s);
        QCOMPARE(refused.firstError().value(u"element"_s).toString(), u"PrimaryEmailAddr"_s);
        QCOMPARE(refused.firstError().value(u"Detail"_s).toString(),
                 u"Email Address does not conform to the syntax rules of RFC 822. Supplied value: "_s + bad);
    }
    QCOMPARE(m_qbo->entities(kRealm, u"Customer"_s).size(), 1);
    const QboResponse tagged = m_client->post(
        u"customer"_s, QJsonObject{ { u"DisplayName"_s, u"Dan Wu"_s },
                                    { u"PrimaryEmailAddr"_s, QJsonObject{ { u"Address"_s, u"Dan.Wu+tutoring@example.com"_s } } } });
    QCOMPARE(tagged.status, 200);

    // Malformed JSON is a Fault, not a crash.
    const QboResponse garbage = m_client->postRaw(u"customer"_s, "{not json", "application/json");
    QCOMPARE(garbage.status, 400);
    QVERIFY(!garbage.faultCode().isEmpty());
}

void TestQboEmulator::requiredFieldFault()
{
    const QboResponse r = m_client->post(u"item"_s, QJsonObject{ { u"Type"_s, u"Service"_s } });
    QCOMPARE(r.status, 400);
    // Exactly the captured 2020 fault, apart from the time.
    const QJsonObject real = fixture(u"captured-exquickbooks/item__create_item_error.json"_s);
    QCOMPARE(r.fault(), real.value(u"Fault"_s).toObject());

    const QboResponse noCustomer = m_client->post(u"invoice"_s, QJsonObject{ { u"Line"_s, QJsonArray() } });
    QCOMPARE(noCustomer.faultCode(), u"2020"_s);
    QCOMPARE(noCustomer.firstError().value(u"element"_s).toString(), u"CustomerRef"_s);
    const QString customer = createCustomer(u"Lines Required"_s);
    const QboResponse noDetailType = m_client->post(
        u"invoice"_s, QJsonObject{ { u"CustomerRef"_s, ref(customer) }, { u"Line"_s, QJsonArray{ QJsonObject{ { u"Amount"_s, 5 } } } } });
    QCOMPARE(noDetailType.faultCode(), u"2020"_s);
    QCOMPARE(noDetailType.firstError().value(u"element"_s).toString(), u"Line.DetailType"_s);
}

void TestQboEmulator::invoiceArithmeticMatchesSendFixture()
{
    const QJsonObject rate = m_qbo->seedTaxRate(kRealm, u"California"_s, u"10"_s);
    const QJsonObject code = m_qbo->seedTaxCode(kRealm, u"California"_s, { rate.value(u"Id"_s).toString() });
    const auto term = m_qbo->seed(kRealm, u"Term"_s, QJsonObject{ { u"Name"_s, u"Net 60"_s }, { u"DueDays"_s, 60 } });
    QVERIFY(term.has_value());
    const QString customer = createCustomer(u"Mr V3 Service Customer Jr2"_s);

    // The send-an-invoice sample's business content, as a client would send it.
    const QJsonObject body{
        { u"TxnDate"_s, u"2013-03-14"_s },
        { u"DocNumber"_s, u"Sample_Inv#2"_s },
        { u"CustomerRef"_s, ref(customer) },
        { u"SalesTermRef"_s, ref(term->value(u"Id"_s).toString()) },
        { u"Deposit"_s, 12 },
        { u"BillEmail"_s, QJsonObject{ { u"Address"_s, u"test@intuit.com"_s } } },
        { u"TxnTaxDetail"_s, QJsonObject{ { u"TxnTaxCodeRef"_s, ref(code.value(u"Id"_s).toString()) } } },
        { u"Line"_s, QJsonArray{
              QJsonObject{ { u"Description"_s, u"Sample invoice create request"_s },
                           { u"DetailType"_s, u"SalesItemLineDetail"_s },
                           { u"SalesItemLineDetail"_s, QJsonObject{ { u"ItemRef"_s, ref(m_itemId) }, { u"Qty"_s, 1 },
                                                                    { u"UnitPrice"_s, 50 }, { u"TaxCodeRef"_s, ref(u"TAX"_s) } } } },
              QJsonObject{ { u"DetailType"_s, u"DiscountLineDetail"_s },
                           { u"DiscountLineDetail"_s, QJsonObject{ { u"PercentBased"_s, true }, { u"DiscountPercent"_s, 10 } } } },
              QJsonObject{ { u"DetailType"_s, u"SalesItemLineDetail"_s }, { u"Amount"_s, 2.0 },
                           { u"SalesItemLineDetail"_s, QJsonObject{ { u"ItemRef"_s, ref(u"SHIPPING_ITEM_ID"_s) } } } } } },
    };
    const QboResponse created = m_client->post(u"invoice"_s, body);
    QCOMPARE(created.status, 200);
    const QJsonObject invoice = created.json().value(u"Invoice"_s).toObject();
    const QJsonObject sample = fixture(u"intuit-api-reference/invoice/send-an-invoice.response.json"_s).value(u"Invoice"_s).toObject();
    for (const QString &key : { u"TotalAmt"_s, u"Deposit"_s, u"Balance"_s, u"DueDate"_s, u"TxnDate"_s, u"DocNumber"_s })
        QCOMPARE(invoice.value(key), sample.value(key));
    QCOMPARE(invoice.value(u"TotalAmt"_s).toDouble(), 52.0);
    QCOMPARE(invoice.value(u"Balance"_s).toDouble(), 40.0);
    QCOMPARE(invoice.value(u"TxnTaxDetail"_s).toObject().value(u"TotalTax"_s).toDouble(), 5.0);
    const QJsonObject taxLine = invoice.value(u"TxnTaxDetail"_s).toObject().value(u"TaxLine"_s).toArray().first().toObject();
    QCOMPARE(taxLine.value(u"Amount"_s).toDouble(), 5.0);
    QCOMPARE(taxLine.value(u"TaxLineDetail"_s).toObject().value(u"NetAmountTaxable"_s).toDouble(), 50.0);
    QCOMPARE(taxLine.value(u"TaxLineDetail"_s).toObject().value(u"TaxPercent"_s).toDouble(), 10.0);
    // Lines: the item, the SubTotal line the server adds, the discount, shipping.
    const QJsonArray lines = invoice.value(u"Line"_s).toArray();
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0).toObject().value(u"Amount"_s).toDouble(), 50.0);
    QCOMPARE(lines.at(1).toObject().value(u"DetailType"_s).toString(), u"SubTotalLineDetail"_s);
    QCOMPARE(lines.at(1).toObject().value(u"Amount"_s).toDouble(), 50.0);
    QCOMPARE(lines.at(2).toObject().value(u"Amount"_s).toDouble(), 5.0);
    QCOMPARE(lines.at(3).toObject().value(u"Amount"_s).toDouble(), 2.0);
    const QStringList core = { u"Invoice.Id"_s, u"Invoice.SyncToken"_s, u"Invoice.Line"_s, u"Invoice.TxnTaxDetail"_s,
                               u"Invoice.TotalAmt"_s, u"Invoice.Balance"_s, u"Invoice.Deposit"_s, u"Invoice.DueDate"_s,
                               u"Invoice.CustomerRef"_s, u"Invoice.MetaData"_s, u"Invoice.EmailStatus"_s };

    // Sending it gives the sample's EmailStatus/DeliveryInfo, same shape.
    const QString id = invoice.value(u"Id"_s).toString();
    const QboResponse sent = m_client->postRaw(u"invoice/%1/send"_s.arg(id), QByteArray(), "application/octet-stream");
    QCOMPARE(sent.status, 200);
    QCOMPARE(shapeDiff(fixture(u"intuit-api-reference/invoice/send-an-invoice.response.json"_s), sent.json(),
                       core + QStringList{ u"Invoice.DeliveryInfo"_s, u"Invoice.BillEmail"_s }),
             QStringList());
    QCOMPARE(sent.json().value(u"Invoice"_s).toObject().value(u"EmailStatus"_s).toString(), u"EmailSent"_s);
}

void TestQboEmulator::invoiceLineAmountsAreExact()
{
    const QString customer = createCustomer(u"Exact Cents"_s);
    const auto line = [this](const QString &qty, const QString &price) {
        return QJsonObject{ { u"DetailType"_s, u"SalesItemLineDetail"_s },
                            { u"SalesItemLineDetail"_s, QJsonObject{ { u"ItemRef"_s, ref(m_itemId) },
                                                                     { u"Qty"_s, qty.toDouble() },
                                                                     { u"UnitPrice"_s, price.toDouble() } } } };
    };
    // 3 × 19.99 = 59.97; 1.5 × 33.33 = 49.995 → 50.00 (half up); 0.1 × 0.7 = 0.07.
    const QboResponse r = m_client->post(
        u"invoice"_s, QJsonObject{ { u"CustomerRef"_s, ref(customer) },
                                   { u"Line"_s, QJsonArray{ line(u"3"_s, u"19.99"_s), line(u"1.5"_s, u"33.33"_s),
                                                            line(u"0.1"_s, u"0.7"_s) } } });
    QCOMPARE(r.status, 200);
    const QJsonObject inv = r.json().value(u"Invoice"_s).toObject();
    const QJsonArray lines = inv.value(u"Line"_s).toArray();
    QCOMPARE(lines.at(0).toObject().value(u"Amount"_s).toDouble(), 59.97);
    QCOMPARE(lines.at(1).toObject().value(u"Amount"_s).toDouble(), 50.0);
    QCOMPARE(lines.at(2).toObject().value(u"Amount"_s).toDouble(), 0.07);
    QCOMPARE(inv.value(u"TotalAmt"_s).toDouble(), 110.04);
    QVERIFY(r.body.contains("\"TotalAmt\":110.04"));
}

void TestQboEmulator::invoiceCreateShapeAndNumbering()
{
    const QString customer = createCustomer(u"Amy's Bird Sanctuary"_s);
    QJsonObject request = fixture(u"intuit-api-reference/invoice/create-an-invoice.request.json"_s);
    request.insert(u"CustomerRef"_s, ref(customer));
    QJsonArray lines = request.value(u"Line"_s).toArray();
    QJsonObject first = lines.first().toObject();
    QJsonObject detail = first.value(u"SalesItemLineDetail"_s).toObject();
    detail.insert(u"ItemRef"_s, ref(m_itemId));
    first.insert(u"SalesItemLineDetail"_s, detail);
    lines.replace(0, first);
    request.insert(u"Line"_s, lines);

    const QboResponse a = m_client->post(u"invoice"_s, request);
    QCOMPARE(a.status, 200);
    QCOMPARE(shapeDiff(fixture(u"intuit-api-reference/invoice/create-an-invoice.response.json"_s), a.json(),
                       { u"Invoice.Id"_s, u"Invoice.SyncToken"_s, u"Invoice.DocNumber"_s, u"Invoice.TxnDate"_s,
                         u"Invoice.DueDate"_s, u"Invoice.TotalAmt"_s, u"Invoice.Balance"_s, u"Invoice.Deposit"_s,
                         u"Invoice.LinkedTxn"_s, u"Invoice.TxnTaxDetail"_s, u"Invoice.EmailStatus"_s,
                         u"Invoice.ApplyTaxAfterDiscount"_s, u"Invoice.PrintStatus"_s }),
             QStringList());
    const QJsonObject inv = a.json().value(u"Invoice"_s).toObject();
    QCOMPARE(inv.value(u"DocNumber"_s).toString(), u"1001"_s);
    QCOMPARE(inv.value(u"TxnDate"_s).toString(), u"2026-03-10"_s);
    QCOMPARE(inv.value(u"DueDate"_s).toString(), u"2026-03-10"_s); // no terms: due on receipt
    QCOMPARE(inv.value(u"Line"_s).toArray().first().toObject().value(u"SalesItemLineDetail"_s).toObject()
                 .value(u"TaxCodeRef"_s).toObject().value(u"value"_s).toString(), u"NON"_s);
    const QboResponse b = m_client->post(u"invoice"_s, request);
    QCOMPARE(b.json().value(u"Invoice"_s).toObject().value(u"DocNumber"_s).toString(), u"1002"_s);
    QVERIFY(b.json().value(u"Invoice"_s).toObject().value(u"Id"_s).toString().toLongLong()
            > inv.value(u"Id"_s).toString().toLongLong());

    // include=invoiceLink adds the customer-facing link.
    const QboResponse linked = m_client->get(u"invoice/"_s + inv.value(u"Id"_s).toString(),
                                             q({ { u"include"_s, u"invoiceLink"_s }, { u"minorversion"_s, u"75"_s } }));
    QVERIFY(linked.json().value(u"Invoice"_s).toObject().value(u"InvoiceLink"_s).toString().startsWith(u"http"_s));
    QVERIFY(!m_client->get(u"invoice/"_s + inv.value(u"Id"_s).toString()).json().value(u"Invoice"_s).toObject().contains(u"InvoiceLink"_s));
}

void TestQboEmulator::paymentsApplyToInvoices()
{
    const QString customer = createCustomer(u"Red Rock Diner"_s);
    const QJsonObject invoice = createInvoice(customer, 100);
    const QString invoiceId = invoice.value(u"Id"_s).toString();

    // Unapplied payment: fixture request as is.
    QJsonObject unapplied = fixture(u"intuit-api-reference/payment/create-a-payment.request.json"_s);
    unapplied.insert(u"CustomerRef"_s, ref(customer));
    const QboResponse p0 = m_client->post(u"payment"_s, unapplied);
    QCOMPARE(p0.status, 200);
    QCOMPARE(shapeDiff(fixture(u"intuit-api-reference/payment/create-a-payment.response.json"_s), p0.json(),
                       { u"Payment.UnappliedAmt"_s, u"Payment.TotalAmt"_s, u"Payment.Line"_s, u"Payment.TxnDate"_s,
                         u"Payment.DepositToAccountRef"_s, u"Payment.ProcessPayment"_s }),
             QStringList());
    QCOMPARE(p0.json().value(u"Payment"_s).toObject().value(u"UnappliedAmt"_s).toDouble(), 25.0);

    const auto pay = [&](double total, double applied) {
        return m_client->post(u"payment"_s, QJsonObject{
            { u"CustomerRef"_s, ref(customer) }, { u"TotalAmt"_s, total },
            { u"Line"_s, QJsonArray{ QJsonObject{ { u"Amount"_s, applied },
                                                  { u"LinkedTxn"_s, QJsonArray{ QJsonObject{ { u"TxnId"_s, invoiceId },
                                                                                             { u"TxnType"_s, u"Invoice"_s } } } } } } } });
    };
    const QboResponse p1 = pay(30, 30);
    QCOMPARE(p1.status, 200);
    QJsonObject inv = m_qbo->entity(kRealm, u"Invoice"_s, invoiceId);
    QCOMPARE(inv.value(u"Balance"_s).toDouble(), 70.0);
    QCOMPARE(inv.value(u"SyncToken"_s).toString(), u"1"_s);
    const QString p1Id = p1.json().value(u"Payment"_s).toObject().value(u"Id"_s).toString();
    QCOMPARE(inv.value(u"LinkedTxn"_s).toArray(),
             QJsonArray({ QJsonObject{ { u"TxnId"_s, p1Id }, { u"TxnType"_s, u"Payment"_s } } }));

    // More than the open balance is refused; over-payment stays unapplied.
    QCOMPARE(pay(80, 71).faultCode(), u"6000"_s);
    const QboResponse p2 = pay(80, 70);
    QCOMPARE(p2.status, 200);
    QCOMPARE(p2.json().value(u"Payment"_s).toObject().value(u"UnappliedAmt"_s).toDouble(), 10.0);
    inv = m_qbo->entity(kRealm, u"Invoice"_s, invoiceId);
    QCOMPARE(inv.value(u"Balance"_s).toDouble(), 0.0);
    QCOMPARE(inv.value(u"LinkedTxn"_s).toArray().size(), 2);
    // Customer balance: open invoices less unapplied money (25 + 10).
    QCOMPARE(m_qbo->entity(kRealm, u"Customer"_s, customer).value(u"Balance"_s).toDouble(), -35.0);

    // An invoice with payments cannot be deleted.
    const QboResponse del = m_client->post(u"invoice"_s, QJsonObject{ { u"Id"_s, invoiceId }, { u"SyncToken"_s, inv.value(u"SyncToken"_s) } },
                                           q({ { u"operation"_s, u"delete"_s } }));
    QCOMPARE(del.status, 400);
    QCOMPARE(del.fault().value(u"type"_s).toString(), u"ValidationFault"_s);

    // Voiding a payment gives the money back to the invoice.
    const QString p2Id = p2.json().value(u"Payment"_s).toObject().value(u"Id"_s).toString();
    const QboResponse voided = m_client->post(u"payment"_s, QJsonObject{ { u"Id"_s, p2Id }, { u"SyncToken"_s, u"0"_s }, { u"sparse"_s, true } },
                                              q({ { u"operation"_s, u"update"_s }, { u"include"_s, u"void"_s } }));
    QCOMPARE(voided.status, 200);
    QCOMPARE(shapeDiff(fixture(u"intuit-api-reference/payment/void-a-payment.response.json"_s), voided.json(),
                       { u"Payment.PrivateNote"_s, u"Payment.TotalAmt"_s, u"Payment.UnappliedAmt"_s }),
             QStringList());
    const QJsonObject vp = voided.json().value(u"Payment"_s).toObject();
    QCOMPARE(vp.value(u"TotalAmt"_s).toDouble(), 0.0);
    QCOMPARE(vp.value(u"PrivateNote"_s).toString(), u"Voided"_s);
    QCOMPARE(vp.value(u"SyncToken"_s).toString(), u"1"_s);
    inv = m_qbo->entity(kRealm, u"Invoice"_s, invoiceId);
    QCOMPARE(inv.value(u"Balance"_s).toDouble(), 70.0);
    QCOMPARE(inv.value(u"LinkedTxn"_s).toArray().size(), 1);
}

void TestQboEmulator::invoiceVoidAndDelete()
{
    const QString customer = createCustomer(u"Ocean View"_s);
    const QString a = createInvoice(customer, 120).value(u"Id"_s).toString();
    const QString b = createInvoice(customer, 30).value(u"Id"_s).toString();

    const QboResponse voided = m_client->post(u"invoice"_s, QJsonObject{ { u"Id"_s, a }, { u"SyncToken"_s, u"0"_s } },
                                              q({ { u"operation"_s, u"void"_s } }));
    QCOMPARE(voided.status, 200);
    QCOMPARE(shapeDiff(fixture(u"intuit-api-reference/invoice/void-an-invoice.response.json"_s), voided.json(),
                       { u"Invoice.TotalAmt"_s, u"Invoice.Balance"_s, u"Invoice.PrivateNote"_s, u"Invoice.SyncToken"_s }),
             QStringList());
    const QJsonObject v = voided.json().value(u"Invoice"_s).toObject();
    QCOMPARE(v.value(u"TotalAmt"_s).toDouble(), 0.0);
    QCOMPARE(v.value(u"Balance"_s).toDouble(), 0.0);
    QCOMPARE(v.value(u"PrivateNote"_s).toString(), u"Voided"_s);
    QCOMPARE(v.value(u"SyncToken"_s).toString(), u"1"_s);
    QCOMPARE(v.value(u"Line"_s).toArray().first().toObject().value(u"Amount"_s).toDouble(), 0.0);

    const QboResponse stale = m_client->post(u"invoice"_s, QJsonObject{ { u"Id"_s, b }, { u"SyncToken"_s, u"7"_s } },
                                             q({ { u"operation"_s, u"delete"_s } }));
    QCOMPARE(stale.faultCode(), u"5010"_s);
    const QboResponse deleted = m_client->post(u"invoice"_s, QJsonObject{ { u"Id"_s, b }, { u"SyncToken"_s, u"0"_s } },
                                               q({ { u"operation"_s, u"delete"_s } }));
    QCOMPARE(deleted.status, 200);
    const QJsonObject real = fixture(u"intuit-api-reference/invoice/delete-an-invoice.response.json"_s);
    QCOMPARE(shapeDiff(real, deleted.json()), QStringList());
    QCOMPARE(deleted.json().value(u"Invoice"_s).toObject().keys(), real.value(u"Invoice"_s).toObject().keys());
    QCOMPARE(deleted.json().value(u"Invoice"_s).toObject().value(u"status"_s).toString(), u"Deleted"_s);
    const QboResponse gone = m_client->get(u"invoice/"_s + b);
    QCOMPARE(gone.faultCode(), u"610"_s);
    QVERIFY(gone.firstError().value(u"Detail"_s).toString().contains(u"deleted"_s));
}

void TestQboEmulator::query_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<QStringList>("expectedNames"); // in order

    QTest::newRow("all") << u"SELECT * FROM Customer"_s
                         << QStringList{ u"Adam's Candy Shop"_s, u"Bill's Windsurf Shop"_s, u"Cool Cars"_s, u"Diego Rodriguez"_s };
    QTest::newRow("case-insensitive") << u"select * from cUstomer where displayname = 'cool cars'"_s << QStringList{ u"Cool Cars"_s };
    QTest::newRow("escape") << u"SELECT * FROM Customer WHERE DisplayName = 'Adam\\'s Candy Shop'"_s
                            << QStringList{ u"Adam's Candy Shop"_s };
    QTest::newRow("like") << u"SELECT * FROM Customer WHERE DisplayName LIKE '%shop'"_s
                          << QStringList{ u"Adam's Candy Shop"_s, u"Bill's Windsurf Shop"_s };
    QTest::newRow("in") << u"SELECT * FROM Customer WHERE DisplayName IN ('Cool Cars', 'Diego Rodriguez', 'Nobody')"_s
                        << QStringList{ u"Cool Cars"_s, u"Diego Rodriguez"_s };
    QTest::newRow("orderby desc") << u"SELECT * FROM Customer ORDERBY DisplayName DESC MAXRESULTS 2"_s
                                  << QStringList{ u"Diego Rodriguez"_s, u"Cool Cars"_s };
    QTest::newRow("paging") << u"SELECT * FROM Customer ORDERBY DisplayName STARTPOSITION 2 MAXRESULTS 2"_s
                            << QStringList{ u"Bill's Windsurf Shop"_s, u"Cool Cars"_s };
    QTest::newRow("and + boolean") << u"SELECT * FROM Customer WHERE Active = true AND DisplayName > 'C'"_s
                                   << QStringList{ u"Cool Cars"_s, u"Diego Rodriguez"_s };
    QTest::newRow("metadata") << u"SELECT * FROM Customer WHERE MetaData.LastUpdatedTime > '2026-03-10T10:01:30-07:00'"_s
                              << QStringList{ u"Cool Cars"_s, u"Diego Rodriguez"_s };
    QTest::newRow("id in") << u"SELECT * FROM Customer WHERE Id IN ('1', '2')"_s
                           << QStringList{ u"Adam's Candy Shop"_s, u"Bill's Windsurf Shop"_s };
    QTest::newRow("empty") << u"SELECT * FROM Customer WHERE DisplayName = 'Nobody'"_s << QStringList{};
}

void TestQboEmulator::query()
{
    QFETCH(QString, statement);
    QFETCH(QStringList, expectedNames);
    for (const QString &name : { u"Adam's Candy Shop"_s, u"Bill's Windsurf Shop"_s, u"Cool Cars"_s, u"Diego Rodriguez"_s }) {
        QVERIFY(!createCustomer(name).isEmpty());
        m_clock->advanceSecs(60);
    }
    const QboResponse r = m_client->query(statement);
    QCOMPARE(r.status, 200);
    const QJsonObject response = r.json().value(u"QueryResponse"_s).toObject();
    QStringList names;
    for (const QJsonValue &c : response.value(u"Customer"_s).toArray())
        names << c.toObject().value(u"DisplayName"_s).toString();
    QCOMPARE(names, expectedNames);
    if (expectedNames.isEmpty()) {
        QCOMPARE(response, QJsonObject()); // {"QueryResponse":{},"time":…}
    } else {
        QCOMPARE(response.value(u"maxResults"_s).toInt(), expectedNames.size());
        QVERIFY(response.contains(u"startPosition"_s));
    }
}

void TestQboEmulator::queryFormEncoded()
{
    // Clients that form-encode the query string send spaces as '+' and a
    // literal plus as %2B (curl --data-urlencode, Python's urlencode).
    QVERIFY(!createCustomer(u"A+B Tutors"_s).isEmpty());
    QVERIFY(!createCustomer(u"Cool Cars"_s).isEmpty());
    QUrlQuery q;
    q.addQueryItem(u"query"_s, u"SELECT+*+FROM+Customer+WHERE+DisplayName+%3D+%27A%2BB+Tutors%27"_s);
    const QboResponse r = m_client->get(u"query"_s, q);
    QCOMPARE(r.status, 200);
    const QJsonArray found = r.json().value(u"QueryResponse"_s).toObject().value(u"Customer"_s).toArray();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().toObject().value(u"DisplayName"_s).toString(), u"A+B Tutors"_s);
}

void TestQboEmulator::queryFaults_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("detail"); // empty = not checked

    QTest::newRow("startposition 0") << u"SELECT * FROM Customer STARTPOSITION 0"_s << u"4001"_s
                                     << u"QueryValidationError: value 0 is too small. Min allowed value is 1"_s;
    QTest::newRow("maxresults 1001") << u"SELECT * FROM Customer MAXRESULTS 1001"_s << u"4001"_s << QString();
    QTest::newRow("not queryable") << u"SELECT * FROM Customer WHERE Notes = 'x'"_s << u"4001"_s
                                   << u"QueryValidationError: property 'Notes' is not queryable"_s;
    QTest::newRow("id range") << u"SELECT * FROM Customer WHERE Id > '3'"_s << u"4001"_s << QString();
    QTest::newRow("null") << u"SELECT * FROM Customer WHERE DisplayName = null"_s << u"4000"_s << QString();
    QTest::newRow("or") << u"SELECT * FROM Customer WHERE Active = true OR Active = false"_s << u"4000"_s << QString();
    QTest::newRow("unknown entity") << u"SELECT * FROM Widget"_s << u"4000"_s << QString();
    QTest::newRow("unterminated") << u"SELECT * FROM Customer WHERE DisplayName = 'abc"_s << u"4000"_s << QString();
}

void TestQboEmulator::queryFaults()
{
    QFETCH(QString, statement);
    QFETCH(QString, code);
    QFETCH(QString, detail);
    const QboResponse r = m_client->query(statement);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.faultCode(), code);
    QCOMPARE(r.fault().value(u"type"_s).toString(), u"ValidationFault"_s);
    QCOMPARE(r.firstError().value(u"Message"_s).toString(), code == u"4000"_s ? u"Error parsing query"_s : u"Invalid query"_s);
    if (!detail.isEmpty())
        QCOMPARE(r.firstError().value(u"Detail"_s).toString(), detail);
}

void TestQboEmulator::queryShapeAndPost()
{
    createCustomer(u"Amy's Bird Sanctuary"_s);
    createCustomer(u"Bill's Windsurf Shop"_s);
    const QboResponse r = m_client->postRaw(u"query"_s, "select * from Customer", "application/text");
    QCOMPARE(r.status, 200);
    QCOMPARE(shapeDiff(fixture(u"intuit-api-reference/customer/query-a-customer.response.json"_s), r.json(),
                       { u"QueryResponse.startPosition"_s, u"QueryResponse.maxResults"_s, u"QueryResponse.Customer"_s }),
             QStringList());
    const QboResponse count = m_client->query(u"SELECT COUNT(*) FROM Customer"_s);
    QCOMPARE(count.json().value(u"QueryResponse"_s).toObject(), QJsonObject({ { u"totalCount"_s, 2 } }));

    const QString customer = createCustomer(u"Query Invoices"_s);
    createInvoice(customer, 10);
    createInvoice(customer, 1500);
    const QboResponse big = m_client->query(u"SELECT * FROM Invoice WHERE TotalAmt > '1000.0' AND CustomerRef = '%1'"_s.arg(customer));
    QCOMPARE(big.json().value(u"QueryResponse"_s).toObject().value(u"Invoice"_s).toArray().size(), 1);
    const QboResponse due = m_client->query(u"SELECT * FROM Invoice WHERE DueDate <= CURRENT_DATE AND Balance > '0'"_s);
    QCOMPARE(due.json().value(u"QueryResponse"_s).toObject().value(u"Invoice"_s).toArray().size(), 2);
    QCOMPARE(shapeDiff(fixture(u"intuit-api-reference/invoice/query-an-invoice.response.json"_s), big.json(),
                       { u"QueryResponse.Invoice"_s }),
             QStringList());
}

void TestQboEmulator::requestIdReplay()
{
    const QUrlQuery withId = q({ { u"requestid"_s, u"3f2c9e7a-1b"_s }, { u"minorversion"_s, u"75"_s } });
    const QJsonObject body{ { u"DisplayName"_s, u"Replay Customer"_s } };
    const QboResponse first = m_client->post(u"customer"_s, body, withId);
    QCOMPARE(first.status, 200);
    m_clock->advanceSecs(5); // a re-execution would show a later time
    const QboResponse second = m_client->post(u"customer"_s, body, withId);
    QCOMPARE(second.status, first.status);
    QCOMPARE(second.body, first.body);
    QCOMPARE(m_qbo->entities(kRealm, u"Customer"_s).size(), 1);

    // A different body with the same id: the first answer again (documented default)…
    const QboResponse other = m_client->post(u"customer"_s, QJsonObject{ { u"DisplayName"_s, u"Someone Else"_s } }, withId);
    QCOMPARE(other.body, first.body);
    QCOMPARE(m_qbo->entities(kRealm, u"Customer"_s).size(), 1);
    // …or Fault 600 when asked to be strict.
    m_qbo->setRejectRequestIdReuse(true);
    QCOMPARE(m_client->post(u"customer"_s, QJsonObject{ { u"DisplayName"_s, u"Someone Else"_s } }, withId).faultCode(), u"600"_s);

    // Faults replay too: a duplicate answered 6240 stays 6240.
    const QUrlQuery dupId = q({ { u"requestid"_s, u"dup-1"_s } });
    const QboResponse dup1 = m_client->post(u"customer"_s, body, dupId);
    QCOMPARE(dup1.faultCode(), u"6240"_s);
    m_clock->advanceSecs(5);
    QCOMPARE(m_client->post(u"customer"_s, body, dupId).body, dup1.body);
    // Without a requestid a resend is a new request.
    QCOMPARE(m_client->post(u"customer"_s, QJsonObject{ { u"DisplayName"_s, u"Fresh"_s } }).status, 200);
    QCOMPARE(m_client->post(u"customer"_s, QJsonObject{ { u"DisplayName"_s, u"Fresh"_s } }).faultCode(), u"6240"_s);
    const auto log = m_qbo->requestLog();
    QCOMPARE(std::count_if(log.cbegin(), log.cend(), [](const auto &e) { return e.requestId == u"3f2c9e7a-1b"_s; }), 4);
}

void TestQboEmulator::pdfAndSend()
{
    const QString customer = createCustomer(u"Pdf Customer"_s);
    const QString id = createInvoice(customer, 75).value(u"Id"_s).toString();
    const QboResponse pdf = m_client->get(u"invoice/%1/pdf"_s.arg(id), {}, "application/pdf");
    QCOMPARE(pdf.status, 200);
    QCOMPARE(pdf.contentType, QByteArray("application/pdf"));
    QVERIFY(pdf.body.startsWith("%PDF-1."));
    QVERIFY(pdf.body.trimmed().endsWith("%%EOF"));
    QVERIFY(pdf.body.contains("xref"));
    QVERIFY(pdf.body.contains("(Total  75.00)"));

    // Same content → same bytes, even after time moves and SyncToken changes.
    m_clock->advanceSecs(600);
    const QboResponse sent = m_client->postRaw(u"invoice/%1/send"_s.arg(id), QByteArray(), "application/octet-stream",
                                               q({ { u"sendTo"_s, u"billing@example.com"_s } }));
    QCOMPARE(sent.status, 200);
    const QJsonObject inv = sent.json().value(u"Invoice"_s).toObject();
    QCOMPARE(inv.value(u"EmailStatus"_s).toString(), u"EmailSent"_s);
    QCOMPARE(inv.value(u"BillEmail"_s).toObject().value(u"Address"_s).toString(), u"billing@example.com"_s);
    QCOMPARE(inv.value(u"DeliveryInfo"_s).toObject().value(u"DeliveryType"_s).toString(), u"Email"_s);
    QCOMPARE(m_client->get(u"invoice/%1/pdf"_s.arg(id), {}, "application/pdf").body, pdf.body);

    // Different content → different bytes.
    const QString other = createInvoice(customer, 76).value(u"Id"_s).toString();
    QVERIFY(m_client->get(u"invoice/%1/pdf"_s.arg(other), {}, "application/pdf").body != pdf.body);
    QCOMPARE(m_client->get(u"invoice/999/pdf"_s, {}, "application/pdf").faultCode(), u"610"_s);
}

void TestQboEmulator::batch()
{
    const QString existing = createCustomer(u"Smith Family Store"_s);
    const QJsonObject request{ { u"BatchItemRequest"_s, QJsonArray{
        QJsonObject{ { u"bId"_s, u"bid1"_s }, { u"operation"_s, u"create"_s }, { u"Customer"_s, QJsonObject{ { u"DisplayName"_s, u"Smith Family Store"_s } } } },
        QJsonObject{ { u"bId"_s, u"bid2"_s }, { u"operation"_s, u"delete"_s }, { u"Invoice"_s, QJsonObject{ { u"SyncToken"_s, u"0"_s }, { u"Id"_s, u"129"_s } } } },
        QJsonObject{ { u"bId"_s, u"bid3"_s }, { u"operation"_s, u"update"_s }, { u"Customer"_s, QJsonObject{ { u"Id"_s, existing }, { u"SyncToken"_s, u"5"_s }, { u"sparse"_s, true }, { u"Notes"_s, u"x"_s } } } },
        QJsonObject{ { u"bId"_s, u"bid4"_s }, { u"Query"_s, u"select * from Customer where DisplayName = 'Smith Family Store'"_s } },
        QJsonObject{ { u"bId"_s, u"bid5"_s }, { u"operation"_s, u"create"_s }, { u"Customer"_s, QJsonObject{ { u"DisplayName"_s, u"Batch New"_s } } } } } } };
    const QboResponse r = m_client->post(u"batch"_s, request);
    QCOMPARE(r.status, 200);
    const QJsonArray items = r.json().value(u"BatchItemResponse"_s).toArray();
    QCOMPARE(items.size(), 5);
    const auto codeOf = [](const QJsonValue &v) {
        return v.toObject().value(u"Fault"_s).toObject().value(u"Error"_s).toArray().first().toObject().value(u"code"_s).toString();
    };
    QCOMPARE(codeOf(items.at(0)), u"6240"_s);
    QCOMPARE(codeOf(items.at(1)), u"610"_s);
    QCOMPARE(codeOf(items.at(2)), u"5010"_s);
    QCOMPARE(items.at(3).toObject().value(u"QueryResponse"_s).toObject().value(u"Customer"_s).toArray().size(), 1);
    QCOMPARE(items.at(4).toObject().value(u"Customer"_s).toObject().value(u"DisplayName"_s).toString(), u"Batch New"_s);
    // Same keys as Intuit's sample for the same four outcomes.
    const QJsonObject real = fixture(u"intuit-api-reference/batch/batch.response.json"_s);
    QCOMPARE(shapeDiff(real, r.json()), QStringList());
    const QJsonArray realItems = real.value(u"BatchItemResponse"_s).toArray();
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(items.at(i).toObject().keys(), realItems.at(i).toObject().keys());
        QCOMPARE(items.at(i).toObject().value(u"Fault"_s).toObject().keys(), realItems.at(i).toObject().value(u"Fault"_s).toObject().keys());
    }
    QCOMPARE(items.at(0).toObject().value(u"Fault"_s), realItems.at(0).toObject().value(u"Fault"_s));

    QJsonArray tooMany;
    for (int i = 0; i < 31; ++i)
        tooMany.append(QJsonObject{ { u"bId"_s, QString::number(i) }, { u"Query"_s, u"select * from Customer"_s } });
    const QboResponse big = m_client->post(u"batch"_s, QJsonObject{ { u"BatchItemRequest"_s, tooMany } });
    QCOMPARE(big.status, 400);
    QCOMPARE(big.faultCode(), u"1040"_s);
}

void TestQboEmulator::changeDataCapture()
{
    const QString since = u"2026-03-10T09:30:00-07:00"_s;
    const QString c1 = createCustomer(u"CDC One"_s);
    m_clock->advanceSecs(10);
    const QString inv1 = createInvoice(c1, 10).value(u"Id"_s).toString();
    const QString inv2 = createInvoice(c1, 20).value(u"Id"_s).toString();
    m_clock->advanceSecs(10);
    QCOMPARE(m_client->post(u"invoice"_s, QJsonObject{ { u"Id"_s, inv1 }, { u"SyncToken"_s, u"0"_s } },
                            q({ { u"operation"_s, u"delete"_s } })).status, 200);
    m_clock->advanceSecs(10);
    QCOMPARE(m_client->post(u"invoice"_s, QJsonObject{ { u"Id"_s, inv2 }, { u"SyncToken"_s, u"0"_s }, { u"sparse"_s, true },
                                                      { u"PrivateNote"_s, u"changed"_s } }).status, 200);

    const QboResponse r = m_client->get(u"cdc"_s, q({ { u"entities"_s, u"Customer,Invoice"_s }, { u"changedSince"_s, since } }));
    QCOMPARE(r.status, 200);
    QCOMPARE(shapeDiff(fixture(u"intuit-api-reference/changedatacapture/cdc.response.json"_s), r.json()), QStringList());
    const QJsonArray perEntity = r.json().value(u"CDCResponse"_s).toArray().first().toObject().value(u"QueryResponse"_s).toArray();
    QCOMPARE(perEntity.size(), 2);
    QCOMPARE(perEntity.at(0).toObject().value(u"Customer"_s).toArray().size(), 1);
    const QJsonArray invoices = perEntity.at(1).toObject().value(u"Invoice"_s).toArray();
    QCOMPARE(invoices.size(), 2);
    QCOMPARE(invoices.at(0).toObject().value(u"Id"_s).toString(), inv2);
    QCOMPARE(invoices.at(0).toObject().value(u"PrivateNote"_s).toString(), u"changed"_s);
    // The deleted stub comes last and has exactly the documented keys.
    const QJsonObject stub = invoices.at(1).toObject();
    QCOMPARE(stub.value(u"status"_s).toString(), u"Deleted"_s);
    QCOMPARE(stub.value(u"Id"_s).toString(), inv1);
    const QJsonObject realStub = fixture(u"intuit-api-reference/changedatacapture/cdc.response.json"_s)
                                     .value(u"CDCResponse"_s).toArray().first().toObject().value(u"QueryResponse"_s).toArray()
                                     .at(1).toObject().value(u"Estimate"_s).toArray().at(2).toObject();
    QCOMPARE(stub.keys(), realStub.keys());
    QCOMPARE(stub.value(u"MetaData"_s).toObject().keys(), realStub.value(u"MetaData"_s).toObject().keys());

    // Only later changes with a later changedSince.
    const QboResponse later = m_client->get(u"cdc"_s, q({ { u"entities"_s, u"Invoice"_s }, { u"changedSince"_s, u"2026-03-10T10:00:25-07:00"_s } }));
    QCOMPARE(later.json().value(u"CDCResponse"_s).toArray().first().toObject().value(u"QueryResponse"_s).toArray()
                 .first().toObject().value(u"Invoice"_s).toArray().size(), 1);
    // Older than 30 days → Fault (documented choice: 4001).
    const QboResponse old = m_client->get(u"cdc"_s, q({ { u"entities"_s, u"Invoice"_s }, { u"changedSince"_s, u"2026-02-01"_s } }));
    QCOMPARE(old.status, 400);
    QCOMPARE(old.faultCode(), u"4001"_s);
    QCOMPARE(m_client->get(u"cdc"_s, q({ { u"changedSince"_s, since } })).faultCode(), u"2020"_s);
}

void TestQboEmulator::companyInfoPreferencesTaxCodes()
{
    const QboResponse info = m_client->get(u"companyinfo/"_s + kRealm);
    QCOMPARE(info.status, 200);
    QCOMPARE(shapeDiff(fixture(u"intuit-api-reference/companyinfo/read-companyinfo.response.json"_s), info.json(),
                       { u"CompanyInfo.CompanyName"_s, u"CompanyInfo.Id"_s, u"CompanyInfo.SyncToken"_s }),
             QStringList());
    const QboResponse prefs = m_client->get(u"preferences"_s);
    QCOMPARE(prefs.status, 200);
    QCOMPARE(prefs.json().value(u"Preferences"_s).toObject().value(u"SalesFormsPrefs"_s).toObject()
                 .value(u"CustomTxnNumbers"_s).toBool(true), false);

    const QJsonObject rate = m_qbo->seedTaxRate(kRealm, u"California"_s, u"8.5"_s);
    const QJsonObject code = m_qbo->seedTaxCode(kRealm, u"California"_s, { rate.value(u"Id"_s).toString() });
    const QboResponse read = m_client->get(u"taxcode/"_s + code.value(u"Id"_s).toString());
    QCOMPARE(read.status, 200);
    QCOMPARE(shapeDiff(fixture(u"intuit-api-reference/taxcode/read-a-taxcode.response.json"_s), read.json(),
                       { u"TaxCode.SalesTaxRateList"_s, u"TaxCode.Name"_s }),
             QStringList());
    QCOMPARE(m_client->get(u"taxrate/"_s + rate.value(u"Id"_s).toString()).json().value(u"TaxRate"_s).toObject()
                 .value(u"RateValue"_s).toDouble(), 8.5);
    QCOMPARE(m_client->query(u"select * from TaxCode"_s).json().value(u"QueryResponse"_s).toObject()
                 .value(u"TaxCode"_s).toArray().size(), 1);
    // Tax codes are read-only through the API.
    QCOMPARE(m_client->post(u"taxcode"_s, QJsonObject{ { u"Name"_s, u"X"_s } }).status, 400);

    const QboResponse term = m_client->post(u"term"_s, fixture(u"intuit-api-reference/term/create-a-term.request.json"_s));
    QCOMPARE(term.status, 200);
    QCOMPARE(shapeDiff(fixture(u"intuit-api-reference/term/create-a-term.response.json"_s), term.json(),
                       { u"Term.Name"_s, u"Term.Type"_s, u"Term.Active"_s }),
             QStringList());
    QCOMPARE(term.json().value(u"Term"_s).toObject().value(u"DueDays"_s).toInt(), 120);
    const QboResponse item = m_client->get(u"item/"_s + m_itemId);
    QCOMPARE(shapeDiff(fixture(u"intuit-api-reference/item/read-an-item.response.json"_s), item.json(),
                       { u"Item.Name"_s, u"Item.Type"_s, u"Item.FullyQualifiedName"_s }),
             QStringList());
}

void TestQboEmulator::adminApi()
{
    QboClient admin(m_qbo->baseUrl(), kRealm, QString());
    QUrl seedUrl = m_qbo->baseUrl();
    seedUrl.setPath(u"/__admin/seed"_s);
    const QJsonObject seed{ { u"realmId"_s, u"4620816365"_s },
                            { u"Customer"_s, QJsonArray{ QJsonObject{ { u"DisplayName"_s, u"Seeded One"_s } } } },
                            { u"Invoice"_s, QJsonArray{ QJsonObject{
                                  { u"CustomerRef"_s, ref(u"1"_s) },
                                  { u"Line"_s, QJsonArray{ QJsonObject{ { u"DetailType"_s, u"SalesItemLineDetail"_s }, { u"Amount"_s, 40 },
                                                                        { u"SalesItemLineDetail"_s, QJsonObject{} } } } } } } } };
    const QboResponse seeded = admin.postUrl(seedUrl, QJsonDocument(seed).toJson(), "application/json");
    QCOMPARE(seeded.status, 200);
    QCOMPARE(m_qbo->entities(u"4620816365"_s, u"Invoice"_s).size(), 1);

    QUrl tokensUrl = m_qbo->baseUrl();
    tokensUrl.setPath(u"/__admin/tokens"_s);
    const QString token = admin.postUrl(tokensUrl, R"({"realmId":"4620816365"})", "application/json").json()
                              .value(u"access_token"_s).toString();
    QVERIFY(!token.isEmpty());

    QUrl payUrl = m_qbo->baseUrl();
    payUrl.setPath(u"/__admin/actions/payment"_s);
    const QboResponse paid = admin.postUrl(payUrl, R"({"realmId":"4620816365","customerId":"1","amount":15,"invoices":[{"id":"1","amount":15}]})",
                                           "application/json");
    QCOMPARE(paid.status, 200);
    QCOMPARE(m_qbo->entity(u"4620816365"_s, u"Invoice"_s, u"1"_s).value(u"Balance"_s).toDouble(), 25.0);

    QboClient api(m_qbo->baseUrl(), u"4620816365"_s, token);
    QCOMPARE(api.get(u"invoice/1"_s).json().value(u"Invoice"_s).toObject().value(u"Balance"_s).toDouble(), 25.0);

    // Business actions through C++: edit a customer, void, delete.
    QVERIFY(m_qbo->editCustomer(u"4620816365"_s, u"1"_s, QJsonObject{ { u"CompanyName"_s, u"Seeded Inc"_s } }).has_value());
    QCOMPARE(m_qbo->entity(u"4620816365"_s, u"Customer"_s, u"1"_s).value(u"SyncToken"_s).toString(), u"1"_s);
    QVERIFY(!m_qbo->voidInvoice(u"4620816365"_s, u"1"_s).has_value()); // has a payment
    QVERIFY(m_qbo->deleteTransaction(u"4620816365"_s, u"Payment"_s, u"2"_s).has_value());
    QVERIFY(m_qbo->voidInvoice(u"4620816365"_s, u"1"_s).has_value());

    QUrl logUrl = m_qbo->baseUrl();
    logUrl.setPath(u"/__admin/log"_s);
    const QboResponse log = QboClient::wait(admin.nam().get(QNetworkRequest(logUrl)));
    const QJsonArray entries = log.json().value(u"entries"_s).toArray();
    QVERIFY(std::any_of(entries.cbegin(), entries.cend(), [](const QJsonValue &e) {
        return e.toObject().value(u"path"_s).toString() == u"/v3/company/4620816365/invoice/1"_s
            && e.toObject().value(u"status"_s).toInt() == 200 && e.toObject().value(u"method"_s).toString() == u"GET"_s;
    }));
}

QTEST_GUILESS_MAIN(TestQboEmulator)
#include "tst_qboemulator.moc"
