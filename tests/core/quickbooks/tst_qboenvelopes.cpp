// Response envelopes: single entity, QueryResponse, batch, CDC.

#include "qbotestutil.h"

#include "connectors/quickbooks/batchrequest.h"
#include "connectors/quickbooks/batchresponse.h"
#include "connectors/quickbooks/cdcresponse.h"
#include "connectors/quickbooks/customer.h"
#include "connectors/quickbooks/entityresponse.h"
#include "connectors/quickbooks/invoice.h"
#include "connectors/quickbooks/queryresponse.h"
#include "connectors/quickbooks/requestbody.h"
#include "connectors/quickbooks/salesreceipt.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::QuickBooks;
using namespace Concord::Test::Qbo;

class TestQboEnvelopes : public QObject
{
    Q_OBJECT

private slots:
    void entityResponse();
    void entityResponseWrongType();
    void entityResponseFault();
    void entityResponseRoundTrip();
    void queryResponse();
    void queryResponseEmpty();
    void queryResponseCount();
    void batchRequestMatchesPublished();
    void batchRequestLimits();
    void batchVoid();
    void batchResponse();
    void cdc();
};

void TestQboEnvelopes::entityResponse()
{
    auto r = EntityResponse::parse(Concord::Test::readFixture(
        qboFixture(u"intuit-api-reference/invoice/send-an-invoice.response.json"_s)));
    QVERIFY_OK(r);
    QCOMPARE(r->entityName, u"Invoice"_s);
    QCOMPARE(r->time, QDateTime(QDate(2013, 3, 14), QTime(20, 32, 4, 895), Qt::UTC));
    QVERIFY(!r->isDeleted());
}

void TestQboEnvelopes::entityResponseWrongType()
{
    auto r = EntityResponse::parse(Concord::Test::readFixture(
        qboFixture(u"intuit-api-reference/customer/read-a-customer.response.json"_s)));
    QVERIFY_OK(r);
    auto wrong = r->as<Invoice>();
    QVERIFY(!wrong);
    QVERIFY(wrong.error().message.contains(u"Customer"_s));
}

void TestQboEnvelopes::entityResponseFault()
{
    // A fault where an entity was expected becomes the fault's error.
    auto r = EntityResponse::parse(Concord::Test::readFixture(
                                       qboFixture(u"captured-exquickbooks/item__update_item_error.json"_s)),
                                   400, u"tid-7"_s);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::StaleObject);
    QCOMPARE(r.error().requestId, u"tid-7"_s);
    auto xml = EntityResponse::parse(Concord::Test::readFixture(
                                         qboFixture(u"errors/ruby__too_many_requests_error.xml"_s)),
                                     429);
    QVERIFY(!xml);
    QCOMPARE(xml.error().code, ErrorCode::Throttled);
    auto garbage = EntityResponse::parse("not json");
    QVERIFY(!garbage);
    QCOMPARE(garbage.error().code, ErrorCode::RemoteValidation);
}

void TestQboEnvelopes::entityResponseRoundTrip()
{
    auto r = EntityResponse::parse(Concord::Test::readFixture(
        qboFixture(u"intuit-api-reference/customer/read-a-customer.response.json"_s)));
    QVERIFY_OK(r);
    auto again = EntityResponse::parse(r->toJson());
    QVERIFY_OK(again);
    QCOMPARE(again->entityName, r->entityName);
    QCOMPARE(again->time, r->time);
    QCOMPARE(again->entity, r->entity);
}

void TestQboEnvelopes::queryResponse()
{
    auto q = QueryResponse::parse(Concord::Test::readFixture(
        qboFixture(u"intuit-api-reference/customer/query-a-customer.response.json"_s)));
    QVERIFY_OK(q);
    QCOMPARE(q->entityName, u"Customer"_s);
    QCOMPARE(q->startPosition, 1);
    QVERIFY(!q->totalCount);
    auto customers = q->as<Customer>();
    QVERIFY_OK(customers);
    QCOMPARE(customers->size(), q->entities.size());
    QVERIFY(!customers->first().displayName.isEmpty());
    // Re-serialized inner object parses to the same.
    auto again = QueryResponse::fromJson(q->toJson());
    QVERIFY_OK(again);
    QCOMPARE(again->entities, q->entities);
    QCOMPARE(again->maxResults, q->maxResults);
}

void TestQboEnvelopes::queryResponseEmpty()
{
    auto q = QueryResponse::parse(R"({"QueryResponse":{},"time":"2026-01-01T10:00:00.000-08:00"})");
    QVERIFY_OK(q);
    QVERIFY(q->entityName.isEmpty());
    QVERIFY(q->entities.isEmpty());
    QCOMPARE(q->startPosition, 0);
    auto list = q->as<Invoice>();
    QVERIFY_OK(list);
    QVERIFY(list->isEmpty());
    QCOMPARE(q->time, QDateTime(QDate(2026, 1, 1), QTime(18, 0), Qt::UTC));
}

void TestQboEnvelopes::queryResponseCount()
{
    auto q = QueryResponse::parse(R"({"QueryResponse":{"totalCount":42},"time":"2026-01-01T10:00:00-08:00"})");
    QVERIFY_OK(q);
    QCOMPARE(q->totalCount, 42);
    QVERIFY(q->entities.isEmpty());
    QVERIFY(!QueryResponse::parse(R"({"QueryResponse":{"totalCount":"x"}})"));
}

void TestQboEnvelopes::batchRequestMatchesPublished()
{
    BatchRequest batch;
    QVERIFY_OK(batch.add(u"bid1"_s, BatchOperation::Create, u"Vendor"_s,
                         QJsonObject{ { u"DisplayName"_s, u"Smith Family Store"_s } }));
    QVERIFY_OK(batch.add(u"bid2"_s, BatchOperation::Delete, u"Invoice"_s, deleteBody(u"129"_s, u"0"_s)));
    QJsonObject update = sparseUpdateBody(QJsonObject{ { u"PrivateNote"_s, u"A private note."_s } }, u"11"_s, u"0"_s);
    update.insert(u"domain"_s, u"QBO"_s); // the published sample carries it
    QVERIFY_OK(batch.add(u"bid3"_s, BatchOperation::Update, u"SalesReceipt"_s, update));
    QVERIFY_OK(batch.addQuery(u"bid4"_s, u"select * from SalesReceipt where TotalAmt > '300.00'"_s));
    QCOMPARE(batch.size(), 4);
    QCOMPARE(batch.toJson(), readJsonObject(u"intuit-api-reference/batch/batch.request.json"_s));
    QVERIFY(batch.toBody().startsWith("{\"BatchItemRequest\":["));
}

void TestQboEnvelopes::batchRequestLimits()
{
    BatchRequest batch;
    for (int i = 0; i < BatchRequest::kMaxItems; ++i)
        QVERIFY_OK(batch.addQuery(u"q%1"_s.arg(i), u"select * from Term"_s));
    QVERIFY(batch.isFull());
    QVERIFY(!batch.addQuery(u"q30"_s, u"select * from Term"_s));
    BatchRequest ids;
    QVERIFY(!ids.addQuery(QString(), u"select * from Term"_s));
    QVERIFY(!ids.addQuery(u"this-is-too-long"_s, u"select * from Term"_s));
    QVERIFY_OK(ids.addQuery(u"a"_s, u"select * from Term"_s));
    QVERIFY(!ids.addQuery(u"a"_s, u"select * from Term"_s));
    QVERIFY(!ids.addQuery(u"b"_s, u"  "_s));
    QVERIFY(!ids.add(u"c"_s, BatchOperation::Create, QString(), {}));
}

void TestQboEnvelopes::batchVoid()
{
    BatchRequest batch;
    QVERIFY_OK(batch.add(u"v1"_s, BatchOperation::Void, u"Invoice"_s, deleteBody(u"129"_s, u"3"_s)));
    const QJsonObject item = batch.toJson().value(u"BatchItemRequest"_s).toArray().at(0).toObject();
    QCOMPARE(item.value(u"operation"_s).toString(), u"update"_s);
    QCOMPARE(item.value(u"optionsData"_s).toString(), u"void"_s);
    QCOMPARE(item.value(u"Invoice"_s).toObject().value(u"SyncToken"_s).toString(), u"3"_s);
}

void TestQboEnvelopes::batchResponse()
{
    auto r = BatchResponse::parse(Concord::Test::readFixture(
        qboFixture(u"intuit-api-reference/batch/batch.response.json"_s)), 200, u"tid-b"_s);
    QVERIFY_OK(r);
    QCOMPARE(r->items.size(), 4);
    QCOMPARE(r->time, QDateTime(QDate(2016, 4, 15), QTime(16, 1, 18, 141), Qt::UTC));
    const auto *bid1 = r->item(u"bid1"_s);
    QVERIFY(bid1 && bid1->isError());
    QCOMPARE(bid1->error->code, ErrorCode::DuplicateName);
    QCOMPARE(bid1->error->remoteCode, u"6240"_s);
    QCOMPARE(bid1->error->requestId, u"tid-b"_s);
    QCOMPARE(r->item(u"bid2"_s)->error->code, ErrorCode::NotFound);
    QCOMPARE(r->item(u"bid3"_s)->error->code, ErrorCode::StaleObject);
    const auto *bid4 = r->item(u"bid4"_s);
    QVERIFY(bid4 && !bid4->isError() && bid4->query);
    auto receipts = bid4->query->as<SalesReceipt>();
    QVERIFY_OK(receipts);
    QCOMPARE(receipts->size(), 1);
    const SalesReceipt &s = receipts->first();
    QCOMPARE(s.totalAmt->minorUnits(), 33750);
    QCOMPARE(s.lines.at(0).salesItem.qty->toString(), u"4.5"_s);
    QCOMPARE(s.lines.at(0).salesItem.unitPrice->toString(), u"75"_s);
    QCOMPARE(s.lines.at(0).salesItem.qty->multiplyToMoney(*s.lines.at(0).salesItem.unitPrice, u"USD"_s)->minorUnits(),
             s.lines.at(0).amount->minorUnits());
    QCOMPARE(s.billAddr.lat, u"INVALID"_s);
    QCOMPARE(s.paymentMethodRef.name, u"Check"_s);
    QVERIFY(!r->item(u"nope"_s));
}

void TestQboEnvelopes::cdc()
{
    auto r = CdcResponse::parse(Concord::Test::readFixture(
        qboFixture(u"intuit-api-reference/changedatacapture/cdc.response.json"_s)));
    QVERIFY_OK(r);
    QCOMPARE(r->time, QDateTime(QDate(2015, 12, 23), QTime(20, 56, 6, 196), Qt::UTC));
    QCOMPARE(r->changed.value(u"Customer"_s).size(), 2);
    QCOMPARE(r->changed.value(u"Customer"_s).at(0).value(u"Id"_s).toString(), u"63"_s);
    QCOMPARE(r->changed.value(u"Customer"_s).at(1).value(u"Id"_s).toString(), u"99"_s);
    QCOMPARE(r->changed.value(u"Estimate"_s).size(), 2);
    QCOMPARE(r->changed.value(u"Estimate"_s).at(1).value(u"Id"_s).toString(), u"123"_s);
    QCOMPARE(r->deleted.size(), 1);
    QCOMPARE(r->deleted.at(0), (DeletedEntity{ u"Estimate"_s, u"979"_s,
                                               QDateTime(QDate(2015, 12, 23), QTime(20, 55, 50), Qt::UTC) }));
    QCOMPARE(r->objectCount(), 5);
    auto customers = r->changedAs<Customer>();
    QVERIFY_OK(customers);
    QCOMPARE(customers->at(1).id, u"99"_s);
    // The stub serializes back to its published shape.
    auto stub = DeletedEntity::fromJson(u"Estimate"_s, r->deleted.at(0).toJson());
    QVERIFY_OK(stub);
    QCOMPARE(*stub, r->deleted.at(0));
}

QTEST_GUILESS_MAIN(TestQboEnvelopes)
#include "tst_qboenvelopes.moc"
