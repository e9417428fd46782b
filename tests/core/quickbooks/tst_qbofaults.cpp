// QuickBooks faults (JSON, XML, and bodies that are neither) → Concord::Error.

#include "qbotestutil.h"

#include "connectors/quickbooks/fault.h"

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::QuickBooks;
using namespace Concord::Test::Qbo;

Q_DECLARE_METATYPE(Concord::ErrorCode)

class TestQboFaults : public QObject
{
    Q_OBJECT

private slots:
    void fixtures_data();
    void fixtures();
    void multiError();
    void jsonDetailAndElement();
    void byStatusOnly_data();
    void byStatusOnly();
    void lowercaseGatewayFault();
};

void TestQboFaults::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("status");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("remoteCode");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<QString>("detailStart");

    QTest::newRow("610 json") << u"captured-exquickbooks/item__read_item_error.json"_s << 400 << ErrorCode::NotFound
                              << u"610"_s << false << u"Object Not Found : Something"_s;
    QTest::newRow("2020 json") << u"captured-exquickbooks/item__create_item_error.json"_s << 400
                               << ErrorCode::RemoteValidation << u"2020"_s << false
                               << u"Required parameter Name is missing"_s;
    QTest::newRow("2020 sales receipt") << u"captured-exquickbooks/sales_receipt__create_sales_receipt_error.json"_s
                                        << 400 << ErrorCode::RemoteValidation << u"2020"_s << false
                                        << u"Required parameter Line.DetailType"_s;
    QTest::newRow("4000 json") << u"captured-exquickbooks/api__query_error.json"_s << 400
                               << ErrorCode::RemoteValidation << u"4000"_s << false << u"QueryParserError"_s;
    QTest::newRow("5010 json") << u"captured-exquickbooks/item__update_item_error.json"_s << 400
                               << ErrorCode::StaleObject << u"5010"_s << false << u"Stale Object Error : You and Leo"_s;
    QTest::newRow("5010 preferences") << u"captured-exquickbooks/preferences__update_preferences_error.json"_s << 400
                                      << ErrorCode::StaleObject << u"5010"_s << false << u"Stale Object Error"_s;
    QTest::newRow("5010 void") << u"captured-exquickbooks/sales_receipt__void_sales_receipt_error.json"_s << 400
                               << ErrorCode::StaleObject << u"5010"_s << false << u"Stale Object Error : You and John"_s;
    QTest::newRow("6240 json") << u"errors/ruby__tax_service_error_dup_6240.json"_s << 400 << ErrorCode::DuplicateName
                               << u"6240"_s << false << u"The name supplied already exists."_s;
    QTest::newRow("6240 xml") << u"errors/ruby__customer_duplicate_error.xml"_s << 400 << ErrorCode::DuplicateName
                              << u"6240"_s << false << u"The name supplied already exists."_s;
    QTest::newRow("3001 xml 429") << u"errors/ruby__too_many_requests_error.xml"_s << 429 << ErrorCode::Throttled
                                  << u"3001"_s << true << u"The request limit was reached."_s;
    QTest::newRow("3001 xml 403") << u"errors/ruby__throttle_exceeded_error.xml"_s << 403 << ErrorCode::Throttled
                                  << u"3001"_s << true << u"The request limit was reached."_s;
    QTest::newRow("4001 xml") << u"errors/ruby__query_validation_error.xml"_s << 400 << ErrorCode::RemoteValidation
                              << u"4001"_s << false << u"QueryValidationError: value 0 is too small"_s;
    QTest::newRow("10000 xml") << u"errors/ruby__generic_error.xml"_s << 500 << ErrorCode::Network << u"10000"_s
                               << true << u"System Failure Error"_s;
}

void TestQboFaults::fixtures()
{
    QFETCH(QString, file);
    QFETCH(int, status);
    QFETCH(ErrorCode, code);
    QFETCH(QString, remoteCode);
    QFETCH(bool, retryable);
    QFETCH(QString, detailStart);
    const Error e = errorFromResponse(status, Concord::Test::readFixture(qboFixture(file)), u"1-abc-tid"_s);
    QCOMPARE(e.code, code);
    QCOMPARE(e.remoteCode, remoteCode);
    QCOMPARE(e.retryable, retryable);
    QCOMPARE(e.httpStatus, status);
    QCOMPARE(e.requestId, u"1-abc-tid"_s);
    QVERIFY2(e.detail.startsWith(detailStart), qPrintable(e.detail));
    QVERIFY(!e.message.isEmpty());
    QCOMPARE(e.retryAfterMs, code == ErrorCode::Throttled ? 60000 : 0);
}

void TestQboFaults::multiError()
{
    const QByteArray body = Concord::Test::readFixture(qboFixture(u"errors/ruby__fault.xml"_s));
    auto fault = faultFromXml(body);
    QVERIFY(fault);
    QCOMPARE(fault->type, u"ValidationFault"_s);
    QCOMPARE(fault->errors.size(), 2);
    QCOMPARE(fault->errors.at(0), (FaultEntry{ u"2050"_s, u"Length exceeds limit"_s,
                                              u"Length of the field exceeds 21 chars"_s, u"firstname"_s }));
    QCOMPARE(fault->errors.at(1).code, u"2080"_s);
    QCOMPARE(fault->errors.at(1).element, u"postalcode"_s);

    const Error e = errorFromResponse(400, body);
    QCOMPARE(e.code, ErrorCode::RemoteValidation);
    QCOMPARE(e.remoteCode, u"2050"_s);
    QVERIFY(e.message.contains(u"Length exceeds limit"_s));
    // Both entries are kept.
    QVERIFY2(e.detail.contains(u"2050: Length exceeds limit — Length of the field exceeds 21 chars (field firstname)"_s),
             qPrintable(e.detail));
    QVERIFY2(e.detail.contains(u"2080: Illegal number format — ZipCode should be a number with at least 5 digits (field postalcode)"_s),
             qPrintable(e.detail));
}

void TestQboFaults::jsonDetailAndElement()
{
    auto fault = faultFromJson(readJsonObject(u"captured-exquickbooks/item__create_item_error.json"_s));
    QVERIFY(fault);
    QCOMPARE(fault->type, u"ValidationFault"_s);
    QCOMPARE(fault->errors.size(), 1);
    QCOMPARE(fault->errors.at(0).element, u"Name"_s);
    QCOMPARE(fault->errors.at(0).message, u"Required param missing, need to supply the required value for the API"_s);
    QVERIFY(!faultFromJson(QJsonObject{ { u"Invoice"_s, QJsonObject{} } }));
}

void TestQboFaults::byStatusOnly_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<bool>("retryable");
    const QByteArray html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    QTest::newRow("502 html") << 502 << html << ErrorCode::Network << true;
    QTest::newRow("503 empty") << 503 << QByteArray() << ErrorCode::Network << true;
    QTest::newRow("504 text") << 504 << QByteArray("upstream timed out") << ErrorCode::Network << true;
    QTest::newRow("429 empty") << 429 << QByteArray() << ErrorCode::Throttled << true;
    QTest::newRow("401 empty") << 401 << QByteArray() << ErrorCode::Unauthorized << false;
    QTest::newRow("403 html") << 403 << html << ErrorCode::Unauthorized << false;
    QTest::newRow("404 empty") << 404 << QByteArray() << ErrorCode::NotFound << false;
    QTest::newRow("400 garbage") << 400 << QByteArray("{not json") << ErrorCode::RemoteValidation << false;
}

void TestQboFaults::byStatusOnly()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(ErrorCode, code);
    QFETCH(bool, retryable);
    const Error e = errorFromResponse(status, body, u"tid"_s);
    QCOMPARE(e.code, code);
    QCOMPARE(e.retryable, retryable);
    QCOMPARE(e.httpStatus, status);
    QVERIFY(e.remoteCode.isEmpty());
    QVERIFY(e.message.contains(QString::number(status)));
    if (body.isEmpty())
        QVERIFY(e.message.contains(u"empty"_s));
    else
        QVERIFY(e.message.contains(u"not a QuickBooks error"_s));
    QVERIFY(e.detail.size() <= 200);
}

void TestQboFaults::lowercaseGatewayFault()
{
    const QByteArray body = R"({"warnings":null,"intuitObject":null,"fault":{"error":[{"message":"message=AuthenticationFailed; errorCode=003200; statusCode=401","detail":"Token expired: 0000","code":"3200","element":null}],"type":"AUTHENTICATION"},"time":"2026-01-01T00:00:00.000-08:00"})";
    const Error e = errorFromResponse(401, body, u"tid"_s);
    QCOMPARE(e.code, ErrorCode::Unauthorized);
    QCOMPARE(e.remoteCode, u"3200"_s);
    QCOMPARE(e.detail, u"Token expired: 0000"_s);
    // A 200 carrying 3200 is still an authorization problem.
    QCOMPARE(errorFromResponse(200, body).code, ErrorCode::Unauthorized);
}

QTEST_GUILESS_MAIN(TestQboFaults)
#include "tst_qbofaults.moc"
