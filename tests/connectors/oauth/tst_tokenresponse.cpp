#include "connectors/oauth/tokenresponse.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Connectors::OAuth;

// The real token payloads in ../shared/fixtures/quickbooks/oauth/.
class TestTokenResponse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dotnetSuccessToken()
    {
        const Result<TokenResponse> parsed = TokenResponse::parse(
            Test::readFixture(u"quickbooks/oauth/dotnet-sdk__success_token_response.json"_s));
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->tokenType, u"bearer"_s);
        QCOMPARE(parsed->expiresInSecs, 3600);
        QCOMPARE(parsed->refreshToken, u"refresh_token"_s);
        QCOMPARE(parsed->refreshTokenExpiresInSecs.value_or(-1), 15552000); // 180 days
        QCOMPARE(parsed->accessToken, u"access_token"_s);
        QCOMPARE(parsed->idToken, u"id_token"_s);
        QVERIFY(!parsed->refreshTokenHardExpiresInSecs);
    }

    void dotnetSuccessRefresh()
    {
        const Result<TokenResponse> parsed = TokenResponse::parse(
            Test::readFixture(u"quickbooks/oauth/dotnet-sdk__success_refreshtoken_response.json"_s));
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->tokenType, u"bearer"_s);
        QCOMPARE(parsed->expiresInSecs, 3600);
        QCOMPARE(parsed->refreshToken, u"L311478109728uVoOkDSUCl4s8FDRvjHR6kUKz0RHe3WtZQuBq"_s);
        QCOMPARE(parsed->refreshTokenExpiresInSecs.value_or(-1), 15552000);
        QVERIFY(parsed->accessToken.startsWith(u"eyJlbmMiOiJBMTI4Q0JDLUhTMjU2IiwiYWxnIjoiZGlyIn0."_s));
        QVERIFY(parsed->accessToken.endsWith(u".ZS298t_u7dSlkfajxLfO9Q"_s));
        QVERIFY(parsed->accessToken.size() <= 4096); // Intuit's documented maximum
        QVERIFY(parsed->idToken.startsWith(u"eyJraWQiOiJyNHA1U2JMMnFhRmVoRnpoajhnSSIs"_s));
    }

    void dotnetFailureToken()
    {
        const Error error = TokenResponse::parseError(
            400, Test::readFixture(u"quickbooks/oauth/dotnet-sdk__failure_token_response.json"_s),
            u"tid-1"_s);
        QCOMPARE(error.code, ErrorCode::Unauthorized);
        QCOMPARE(error.remoteCode, u"error"_s);
        QCOMPARE(error.detail, u"error_description"_s);
        QCOMPARE(error.httpStatus, 400);
        QCOMPARE(error.requestId, u"tid-1"_s);
        QVERIFY(!error.retryable);
    }

    void dotnetFailureRevocation()
    {
        const Error error = TokenResponse::parseError(
            400,
            Test::readFixture(u"quickbooks/oauth/dotnet-sdk__failure_token_revocation_response.json"_s));
        QCOMPARE(error.code, ErrorCode::Unauthorized);
        QCOMPARE(error.remoteCode, u"error"_s);
    }

    void dotnetSuccessRevocation()
    {
        const QJsonObject body = QJsonDocument::fromJson(Test::readFixture(
            u"quickbooks/oauth/dotnet-sdk__success_revoketoken_response.json"_s)).object();
        QCOMPARE(body.value("statuscode"_L1).toString(), u"200"_s);
    }

    void jsClientAuthResponse()
    {
        const QJsonObject root = QJsonDocument::fromJson(
            Test::readFixture(u"quickbooks/oauth/oauth-jsclient__authResponse.json"_s)).object();
        // The raw body as the token endpoint sent it, and the client's parsed copy.
        const QByteArray body = root.value("body"_L1).toString().toUtf8();
        const QByteArray json = QJsonDocument(root.value("json"_L1).toObject()).toJson();
        for (const QByteArray &payload : {body, json}) {
            const Result<TokenResponse> parsed = TokenResponse::parse(payload);
            QVERIFY(parsed.has_value());
            QCOMPARE(parsed->accessToken, u"sample_access_token"_s);
            QCOMPARE(parsed->refreshToken, u"sample_refresh_token"_s);
            QCOMPARE(parsed->tokenType, u"bearer"_s);
            QCOMPARE(parsed->expiresInSecs, 3600);
            QCOMPARE(parsed->refreshTokenExpiresInSecs.value_or(-1), 8726400); // 101 days
            QCOMPARE(parsed->idToken, u"sample_id_token"_s);
        }
        const QJsonObject response = root.value("response"_L1).toObject();
        QCOMPARE(response.value("status"_L1).toInt(), 200);
        QCOMPARE(response.value("headers"_L1).toObject().value("intuit_tid"_L1).toString(),
                 u"1234-1234-1234-123"_s);
        QCOMPARE(root.value("token"_L1).toObject().value("realmId"_L1).toString(),
                 u"sample_realm_id"_s);
    }

    void errors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("remoteCode");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("invalid_grant")
            << 400 << QByteArray(R"({"error":"invalid_grant","error_description":"Incorrect or invalid refresh token"})")
            << ErrorCode::Unauthorized << u"invalid_grant"_s << false;
        QTest::newRow("invalid_client 401") << 401 << QByteArray(R"({"error":"invalid_client"})")
                                            << ErrorCode::Unauthorized << u"invalid_client"_s << false;
        QTest::newRow("401 no body") << 401 << QByteArray() << ErrorCode::Unauthorized << QString()
                                     << false;
        QTest::newRow("429") << 429 << QByteArray() << ErrorCode::Throttled << QString() << true;
        QTest::newRow("503 html") << 503 << QByteArray("<html>down</html>") << ErrorCode::Network
                                  << QString() << true;
    }

    void errors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(ErrorCode, code);
        QFETCH(QString, remoteCode);
        QFETCH(bool, retryable);
        const Error error = TokenResponse::parseError(status, body);
        QCOMPARE(error.code, code);
        QCOMPARE(error.remoteCode, remoteCode);
        QCOMPARE(error.retryable, retryable);
        QCOMPARE(error.httpStatus, status);
    }

    void unusableSuccessBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not json") << QByteArray("<xml/>");
        QTest::newRow("no access token") << QByteArray(R"({"token_type":"bearer","expires_in":3600})");
        QTest::newRow("mac token") << QByteArray(R"({"access_token":"a","token_type":"mac","expires_in":3600})");
        QTest::newRow("no expiry") << QByteArray(R"({"access_token":"a","token_type":"bearer"})");
    }

    void unusableSuccessBodies()
    {
        QFETCH(QByteArray, body);
        const Result<TokenResponse> parsed = TokenResponse::parse(body);
        QVERIFY(!parsed.has_value());
        QVERIFY(!parsed.error().message.contains(u"\"a\""_s));
    }

    void quotedNumbersAccepted()
    {
        const Result<TokenResponse> parsed = TokenResponse::parse(
            R"({"access_token":"a","expires_in":"1800","x_refresh_token_expires_in":"100"})");
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->expiresInSecs, 1800);
        QCOMPARE(parsed->refreshTokenExpiresInSecs.value_or(-1), 100);
    }
};

QTEST_GUILESS_MAIN(TestTokenResponse)
#include "tst_tokenresponse.moc"
