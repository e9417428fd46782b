#include "qbotestutil.h"

#include "connectors/quickbooks/webhook.h"

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::QuickBooks;
using namespace Concord::Test::Qbo;

namespace {

const QString kToken = u"00faeec4-08d0-4996-bb37-698ae19f0149"_s;
const QByteArray kSignature = "6q+xGyMirJupwKTh2/WBl2NcdxzxqdIbk3sneKTxLWM=";

QByteArray legacyBody()
{
    return Concord::Test::readFixture(qboFixture(u"webhooks/dotnet-sdk__legacy-eventNotifications.raw.json"_s));
}

} // namespace

class TestQboWebhooks : public QObject
{
    Q_OBJECT

private slots:
    void testVectorVerifies();
    void tamperedFails_data();
    void tamperedFails();
    void badSignatureNeverYieldsEvents();
    void legacyEvents();
    void cloudEventsSdk();
    void cloudEventsDocs();
    void cloudEventTypes_data();
    void cloudEventTypes();
    void malformedPayloads_data();
    void malformedPayloads();
};

void TestQboWebhooks::testVectorVerifies()
{
    const QByteArray body = legacyBody();
    QVERIFY(!body.endsWith('\n'));
    QVERIFY_OK(verifyWebhookSignature(body, kSignature, kToken));
    auto events = receiveWebhook(body, kSignature, kToken);
    QVERIFY_OK(events);
    QCOMPARE(events->size(), 2);
}

void TestQboWebhooks::tamperedFails_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<QString>("token");
    QByteArray changed = legacyBody();
    changed[changed.indexOf("\"40\"") + 2] = '1'; // Vendor id 40 → 41: one byte
    QTest::newRow("one byte changed") << changed << kSignature << kToken;
    QTest::newRow("trailing newline") << legacyBody() + '\n' << kSignature << kToken;
    QTest::newRow("wrong token") << legacyBody() << kSignature << u"00faeec4-08d0-4996-bb37-698ae19f0148"_s;
    QTest::newRow("empty header") << legacyBody() << QByteArray() << kToken;
    QTest::newRow("not base64") << legacyBody() << QByteArray("!!!!") << kToken;
    QTest::newRow("short digest") << legacyBody() << QByteArray("6q+xGyMirJupwKTh") << kToken;
    QTest::newRow("no token configured") << legacyBody() << kSignature << QString();
    QByteArray flipped = kSignature;
    flipped[0] = '7';
    QTest::newRow("signature changed") << legacyBody() << flipped << kToken;
}

void TestQboWebhooks::tamperedFails()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, signature);
    QFETCH(QString, token);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"rejected a webhook notification"_s));
    const auto status = verifyWebhookSignature(body, signature, token);
    QVERIFY(!status);
    QCOMPARE(status.error().code, ErrorCode::Unauthorized);
    // Nothing secret in the error.
    QVERIFY(!status.error().toString().contains(kToken));
    QVERIFY(!status.error().toString().contains(QString::fromLatin1(kSignature)));
}

void TestQboWebhooks::badSignatureNeverYieldsEvents()
{
    QByteArray body = legacyBody();
    body.replace("Update", "Delete");
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"rejected a webhook notification"_s));
    auto events = receiveWebhook(body, kSignature, kToken);
    QVERIFY(!events);
    QCOMPARE(events.error().code, ErrorCode::Unauthorized);
}

void TestQboWebhooks::legacyEvents()
{
    auto events = parseWebhookPayload(legacyBody());
    QVERIFY_OK(events);
    QCOMPARE(events->size(), 2);
    const WebhookEvent &vendor = events->at(0);
    QCOMPARE(vendor.realmId, u"1269959970"_s);
    QCOMPARE(vendor.entityName, u"Vendor"_s);
    QCOMPARE(vendor.entityId, u"40"_s);
    QCOMPARE(vendor.operation, u"Update"_s);
    QCOMPARE(vendor.time, QDateTime(QDate(2016, 10, 5), QTime(3, 9, 4), Qt::UTC));
    const WebhookEvent &customer = events->at(1);
    QCOMPARE(customer.entityName, u"Customer"_s);
    QCOMPARE(customer.entityId, u"43"_s);
    QCOMPARE(customer.operation, u"Create"_s);
    QCOMPARE(customer.time, QDateTime(QDate(2016, 10, 5), QTime(3, 7, 4), Qt::UTC));
    QVERIFY(!vendor.dedupeKey.isEmpty());
    QVERIFY(vendor.dedupeKey != customer.dedupeKey);
    // The same notification delivered again dedupes to the same keys.
    QCOMPARE(parseWebhookPayload(legacyBody())->at(0).dedupeKey, vendor.dedupeKey);

    // The documented "-0700" offset without a colon.
    auto documented = parseWebhookPayload(
        R"({"eventNotifications":[{"realmId":"1185883450","dataChangeEvent":{"entities":[{"name":"Customer","id":"1","operation":"Create","lastUpdated":"2015-10-05T14:42:19-0700"}]}}]})");
    QVERIFY_OK(documented);
    QCOMPARE(documented->at(0).time, QDateTime(QDate(2015, 10, 5), QTime(21, 42, 19), Qt::UTC));
}

void TestQboWebhooks::cloudEventsSdk()
{
    auto events = parseWebhookPayload(
        Concord::Test::readFixture(qboFixture(u"webhooks/dotnet-sdk__cloudevents.raw.json"_s)));
    QVERIFY_OK(events);
    QCOMPARE(events->size(), 1);
    const WebhookEvent &e = events->at(0);
    QCOMPARE(e.realmId, u"310687"_s);
    QCOMPARE(e.entityName, u"Class"_s);
    QCOMPARE(e.entityId, u"1234"_s);
    QCOMPARE(e.operation, u"Create"_s);
    QCOMPARE(e.dedupeKey, u"d1a3aedd-9670-41bf-a4f9-c148a1cc4e03"_s);
    QCOMPARE(e.time, QDateTime(QDate(2025, 10, 7), QTime(19, 59, 7, 34), Qt::UTC));
}

void TestQboWebhooks::cloudEventsDocs()
{
    auto events = parseWebhookPayload(
        Concord::Test::readFixture(qboFixture(u"webhooks/intuit-docs__cloudevents-sample.json"_s)));
    QVERIFY_OK(events);
    QCOMPARE(events->size(), 1);
    QCOMPARE(events->at(0).entityName, u"Account"_s);
    QCOMPARE(events->at(0).operation, u"Create"_s);
    QCOMPARE(events->at(0).dedupeKey, u"88cd52aa-33b6-4351-9aa4-47572edbd068"_s);
    QCOMPARE(events->at(0).time, QDateTime(QDate(2025, 9, 10), QTime(21, 31, 25, 179), Qt::UTC));
}

void TestQboWebhooks::cloudEventTypes_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("operation");
    QTest::newRow("invoice updated") << u"qbo.invoice.updated.v1"_s << u"Invoice"_s << u"Update"_s;
    QTest::newRow("creditmemo created") << u"qbo.creditmemo.created.v1"_s << u"CreditMemo"_s << u"Create"_s;
    QTest::newRow("refundreceipt deleted") << u"qbo.refundreceipt.deleted.v1"_s << u"RefundReceipt"_s << u"Delete"_s;
    QTest::newRow("payment voided") << u"qbo.payment.voided.v1"_s << u"Payment"_s << u"Void"_s;
    QTest::newRow("customer merged") << u"qbo.customer.merged.v1"_s << u"Customer"_s << u"Merge"_s;
    QTest::newRow("unknown") << u"qbo.widget.frobbed.v2"_s << u"Widget"_s << u"Frobbed"_s;
}

void TestQboWebhooks::cloudEventTypes()
{
    QFETCH(QString, type);
    QFETCH(QString, entity);
    QFETCH(QString, operation);
    const QByteArray body = u"[{\"specversion\":\"1.0\",\"id\":\"e1\",\"type\":\"%1\",\"time\":\"2026-01-01T00:00:00Z\","
                            u"\"intuitentityid\":\"9\",\"intuitaccountid\":\"42\",\"data\":{}}]"_s.arg(type).toUtf8();
    auto events = parseWebhookPayload(body);
    QVERIFY_OK(events);
    QCOMPARE(events->at(0).entityName, entity);
    QCOMPARE(events->at(0).operation, operation);
    QCOMPARE(events->at(0).realmId, u"42"_s);
}

void TestQboWebhooks::malformedPayloads_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not json") << QByteArray("hello");
    QTest::newRow("other object") << QByteArray("{\"foo\":1}");
    QTest::newRow("legacy without realm") << QByteArray(R"({"eventNotifications":[{"dataChangeEvent":{"entities":[]}}]})");
    QTest::newRow("legacy entity without id") << QByteArray(R"({"eventNotifications":[{"realmId":"1","dataChangeEvent":{"entities":[{"name":"Customer","operation":"Create"}]}}]})");
    QTest::newRow("cloud event without id") << QByteArray(R"([{"type":"qbo.invoice.updated.v1","intuitentityid":"1","intuitaccountid":"2"}])");
    QTest::newRow("cloud event bad type") << QByteArray(R"([{"id":"x","type":"invoice","intuitentityid":"1","intuitaccountid":"2"}])");
}

void TestQboWebhooks::malformedPayloads()
{
    QFETCH(QByteArray, body);
    auto events = parseWebhookPayload(body);
    QVERIFY(!events);
    QCOMPARE(events.error().code, ErrorCode::RemoteValidation);
}

QTEST_GUILESS_MAIN(TestQboWebhooks)
#include "tst_qbowebhooks.moc"
