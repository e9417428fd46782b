// QuickBooks emulator, the parts in front of the data: bearer tokens and the
// OAuth server (expiry, rotation, invalid_grant, revoke), throttling (429/3001),
// injected gateway faults (status, delay, drop), the request log, and signed
// outgoing webhooks with retries.

#include "qbotesthelpers.h"
#include "testsupport.h"

#include "common/clock.h"
#include "quickbooks/quickbooksemulator.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Concord::Sandbox::QboAuth;
using Concord::Sandbox::QboWebhookSender;
using Concord::Sandbox::QuickBooksEmulator;
using Concord::Test::QboClient;
using Concord::Test::QboResponse;
using Concord::Test::readFixture;

namespace {

const QString kRealm = u"4620816365"_s;

QByteArray basic(const QuickBooksEmulator &qbo)
{
    auto &auth = const_cast<QuickBooksEmulator &>(qbo).auth();
    return "Basic " + (auth.clientId() + u':' + auth.clientSecret()).toUtf8().toBase64();
}

} // namespace

class TestQboGateway : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void unknownAndExpiredTokens();
    void authorizationCodeAndRotation();
    void rotationGracePeriod();
    void revoke();
    void throttleBurstAndRecovery();
    void throttleXmlAndBatchLimit();
    void injectedStatus();
    void injectedDelay();
    void injectedDrop();
    void injectedDropAfterExecuting();
    void signatureMatchesTestVector();
    void webhookDeliveryAndRetry();
    void cloudEventsFormat();

private:
    std::unique_ptr<Concord::ManualClock> m_clock;
    std::unique_ptr<QuickBooksEmulator> m_qbo;
    std::unique_ptr<QboClient> m_client;
    QboAuth::Tokens m_tokens;
};

void TestQboGateway::init()
{
    m_clock = std::make_unique<Concord::ManualClock>(QDateTime(QDate(2026, 3, 10), QTime(17, 0), Qt::UTC));
    m_qbo = std::make_unique<QuickBooksEmulator>();
    m_qbo->setClock(m_clock.get());
    QVERIFY(m_qbo->listen());
    m_qbo->addRealm(kRealm);
    m_tokens = m_qbo->issueTokens(kRealm);
    m_client = std::make_unique<QboClient>(m_qbo->baseUrl(), kRealm, m_tokens.accessToken);
}

void TestQboGateway::cleanup()
{
    m_client.reset();
    m_qbo.reset();
    m_clock.reset();
}

void TestQboGateway::unknownAndExpiredTokens()
{
    QCOMPARE(m_client->get(u"companyinfo/"_s + kRealm).status, 200);

    const auto expectAuthFault = [](const QboResponse &r) {
        QCOMPARE(r.status, 401);
        QCOMPARE(r.faultCode(), u"3200"_s);
        QCOMPARE(r.fault().value(u"type"_s).toString(), u"AUTHENTICATION"_s);
        QVERIFY(r.json().contains(u"time"_s));
    };
    m_client->setToken(u"not-a-token"_s);
    expectAuthFault(m_client->get(u"companyinfo/"_s + kRealm));
    m_client->setToken(QString());
    expectAuthFault(m_client->get(u"companyinfo/"_s + kRealm));
    // A token for another realm does not open this one; nor does an unknown realm.
    m_client->setToken(m_qbo->issueTokens(u"other"_s).accessToken);
    expectAuthFault(m_client->get(u"companyinfo/"_s + kRealm));
    m_client->setToken(m_tokens.accessToken);
    m_client->setRealm(u"999"_s);
    expectAuthFault(m_client->get(u"companyinfo/999"_s));
    m_client->setRealm(kRealm);

    // Access tokens live 3600 s.
    m_clock->advanceSecs(3599);
    QCOMPARE(m_client->get(u"preferences"_s).status, 200);
    m_clock->advanceSecs(1);
    const QboResponse expired = m_client->get(u"preferences"_s);
    expectAuthFault(expired);
    QCOMPARE(expired.firstError().value(u"Detail"_s).toString(), u"Token expired"_s);
}

void TestQboGateway::authorizationCodeAndRotation()
{
    m_qbo->auth().setRotationIntervalSecs(0); // a new refresh token on every refresh
    m_qbo->auth().setGracePeriodSecs(0);
    const QString code = m_qbo->createAuthorizationCode(kRealm);
    const QByteArray form = "grant_type=authorization_code&code=" + QUrl::toPercentEncoding(code)
        + "&redirect_uri=" + QUrl::toPercentEncoding(u"https://example.com/cb"_s);

    QCOMPARE(m_client->postUrl(m_qbo->tokenUrl(), form, "application/x-www-form-urlencoded", "Basic d3Jvbmc6d3Jvbmc=").status, 401);
    const QboResponse issued = m_client->postUrl(m_qbo->tokenUrl(), form, "application/x-www-form-urlencoded", basic(*m_qbo));
    QCOMPARE(issued.status, 200);
    const QJsonObject tokens = issued.json();
    // Same keys and types as Intuit's token response.
    const QJsonObject real = QJsonDocument::fromJson(readFixture(u"quickbooks/oauth/oauth-jsclient__authResponse.json"_s))
                                 .object().value(u"json"_s).toObject();
    for (const QString &k : { u"token_type"_s, u"expires_in"_s, u"refresh_token"_s, u"x_refresh_token_expires_in"_s, u"access_token"_s })
        QCOMPARE(tokens.value(k).type(), real.value(k).type());
    QCOMPARE(tokens.value(u"expires_in"_s).toInt(), 3600);
    QCOMPARE(tokens.value(u"x_refresh_token_expires_in"_s).toInt(), 8726400);
    QCOMPARE(tokens.value(u"token_type"_s).toString(), u"bearer"_s);
    // A code works once.
    const QboResponse again = m_client->postUrl(m_qbo->tokenUrl(), form, "application/x-www-form-urlencoded", basic(*m_qbo));
    QCOMPARE(again.status, 400);
    QCOMPARE(again.json().value(u"error"_s).toString(), u"invalid_grant"_s);

    m_client->setToken(tokens.value(u"access_token"_s).toString());
    QCOMPARE(m_client->get(u"preferences"_s).status, 200);

    const QString r1 = tokens.value(u"refresh_token"_s).toString();
    const auto refresh = [&](const QString &token) {
        return m_client->postUrl(m_qbo->tokenUrl(), "grant_type=refresh_token&refresh_token=" + QUrl::toPercentEncoding(token),
                                 "application/x-www-form-urlencoded", basic(*m_qbo));
    };
    m_clock->advanceSecs(4000); // the first access token has expired
    QCOMPARE(m_client->get(u"preferences"_s).status, 401);
    const QboResponse rotated = refresh(r1);
    QCOMPARE(rotated.status, 200);
    const QString r2 = rotated.json().value(u"refresh_token"_s).toString();
    QVERIFY(r2 != r1);
    m_client->setToken(rotated.json().value(u"access_token"_s).toString());
    QCOMPARE(m_client->get(u"preferences"_s).status, 200);
    // Reusing the rotated-away token: invalid_grant.
    const QboResponse reuse = refresh(r1);
    QCOMPARE(reuse.status, 400);
    QCOMPARE(reuse.json().value(u"error"_s).toString(), u"invalid_grant"_s);
    QCOMPARE(refresh(r2).status, 200);
    QCOMPARE(refresh(u"made-up"_s).json().value(u"error"_s).toString(), u"invalid_grant"_s);
}

void TestQboGateway::rotationGracePeriod()
{
    // QBO's own policy: value rotates once the token is 24 h old; the old one
    // still works for 24 h, then invalid_grant.
    const auto refresh = [&](const QString &token) {
        return m_client->postUrl(m_qbo->tokenUrl(), "grant_type=refresh_token&refresh_token=" + QUrl::toPercentEncoding(token),
                                 "application/x-www-form-urlencoded", basic(*m_qbo));
    };
    const QboResponse same = refresh(m_tokens.refreshToken);
    QCOMPARE(same.json().value(u"refresh_token"_s).toString(), m_tokens.refreshToken); // younger than 24 h
    m_clock->advanceSecs(24 * 3600);
    const QString r2 = refresh(m_tokens.refreshToken).json().value(u"refresh_token"_s).toString();
    QVERIFY(!r2.isEmpty() && r2 != m_tokens.refreshToken);
    m_clock->advanceSecs(3600);
    const QboResponse withinGrace = refresh(m_tokens.refreshToken);
    QCOMPARE(withinGrace.status, 200);
    QCOMPARE(withinGrace.json().value(u"refresh_token"_s).toString(), r2);
    m_clock->advanceSecs(23 * 3600);
    QCOMPARE(refresh(m_tokens.refreshToken).json().value(u"error"_s).toString(), u"invalid_grant"_s);
    QCOMPARE(refresh(r2).status, 200);
    // Refresh tokens expire after 8726400 s without use.
    m_clock->advanceSecs(8726400);
    QCOMPARE(refresh(r2).json().value(u"error"_s).toString(), u"invalid_grant"_s);
}

void TestQboGateway::revoke()
{
    const QboResponse r = m_client->postUrl(m_qbo->revokeUrl(), QJsonDocument(QJsonObject{ { u"token"_s, m_tokens.refreshToken } }).toJson(),
                                            "application/json", basic(*m_qbo));
    QCOMPARE(r.status, 200);
    QCOMPARE(m_client->get(u"preferences"_s).status, 401);
    const QboResponse refresh = m_client->postUrl(m_qbo->tokenUrl(), "grant_type=refresh_token&refresh_token=" + m_tokens.refreshToken.toUtf8(),
                                                  "application/x-www-form-urlencoded", basic(*m_qbo));
    QCOMPARE(refresh.json().value(u"error"_s).toString(), u"invalid_grant"_s);
}

void TestQboGateway::throttleBurstAndRecovery()
{
    // 10 emulated seconds per real second: the 1 s window passes in 100 ms.
    m_qbo->setTimeScale(10);
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 25; ++i)
        replies.append(m_client->nam().get(m_client->request(m_client->apiUrl(u"preferences"_s))));
    int ok = 0;
    int throttled = 0;
    for (QNetworkReply *reply : std::as_const(replies)) {
        const QboResponse r = QboClient::wait(reply);
        if (r.status == 200) {
            ++ok;
        } else {
            QCOMPARE(r.status, 429);
            QCOMPARE(r.faultCode(), u"3001"_s);
            QCOMPARE(r.fault().value(u"type"_s).toString(), u"SERVICE"_s);
            QCOMPARE(r.firstError().value(u"Message"_s).toString(), u"message=ThrottleExceeded; errorCode=003001; statusCode=429"_s);
            ++throttled;
        }
    }
    QVERIFY2(throttled > 0, "a burst above 10 requests/s must be throttled");
    QVERIFY(ok >= 1);
    // Recovery once the window has passed.
    QTRY_COMPARE_WITH_TIMEOUT(m_client->get(u"preferences"_s).status, 200, 5000);
    const auto log = m_qbo->requestLog();
    // Every 429 is in the log (the recovery loop may add a few more).
    QVERIFY(std::count_if(log.cbegin(), log.cend(), [](const auto &e) { return e.status == 429; }) >= throttled);
}

void TestQboGateway::throttleXmlAndBatchLimit()
{
    m_qbo->setThrottleXml(true);
    m_qbo->setThrottleLimits({ 500, 1000, 10, 2 });
    const QJsonObject batch{ { u"BatchItemRequest"_s, QJsonArray{ QJsonObject{ { u"bId"_s, u"1"_s }, { u"Query"_s, u"select * from Customer"_s } } } } };
    QCOMPARE(m_client->post(u"batch"_s, batch).status, 200);
    QCOMPARE(m_client->post(u"batch"_s, batch).status, 200);
    const QboResponse third = m_client->post(u"batch"_s, batch);
    QCOMPARE(third.status, 429);
    QVERIFY(third.body.startsWith("<?xml"));
    QVERIFY(third.body.contains("<Fault type=\"SERVICE\">"));
    QVERIFY(third.body.contains("<Error code=\"3001\">"));
    QVERIFY(third.body.contains("message=ThrottleExceeded; errorCode=003001; statusCode=429"));
    // Non-batch requests still pass (500/min not reached).
    QCOMPARE(m_client->get(u"preferences"_s).status, 200);
}

void TestQboGateway::injectedStatus()
{
    m_qbo->injectFault({ u"/preferences"_s, 2, 503, QString(), 0, false });
    QCOMPARE(m_client->get(u"preferences"_s).status, 503);
    const QboResponse second = m_client->get(u"preferences"_s);
    QCOMPARE(second.status, 503);
    QCOMPARE(second.fault().value(u"type"_s).toString(), u"SystemFault"_s);
    QCOMPARE(m_client->get(u"preferences"_s).status, 200);

    m_qbo->injectFault({ u"operation=delete"_s, 1, 400, u"6540"_s, 0, false });
    const QboResponse coded = m_client->post(u"invoice"_s, QJsonObject{ { u"Id"_s, u"1"_s }, { u"SyncToken"_s, u"0"_s } },
                                             QUrlQuery(u"operation=delete"_s));
    QCOMPARE(coded.status, 400);
    QCOMPARE(coded.faultCode(), u"6540"_s);

    // Injected faults are not remembered for requestid replay.
    m_qbo->injectFault({ u"/customer"_s, 1, 500, QString(), 0, false });
    const QUrlQuery id(u"requestid=abc"_s);
    QCOMPARE(m_client->post(u"customer"_s, QJsonObject{ { u"DisplayName"_s, u"After 500"_s } }, id).status, 500);
    QCOMPARE(m_client->post(u"customer"_s, QJsonObject{ { u"DisplayName"_s, u"After 500"_s } }, id).status, 200);
    QCOMPARE(m_qbo->entities(kRealm, u"Customer"_s).size(), 1);
    const auto log = m_qbo->requestLog();
    QCOMPARE(log.last().requestId, u"abc"_s);
    QCOMPARE(log.last().status, 200);
    QCOMPARE(log.last().method, u"POST"_s);
    QCOMPARE(log.last().path, u"/v3/company/%1/customer"_s.arg(kRealm));
    QCOMPARE(log.at(log.size() - 2).status, 500);
}

void TestQboGateway::injectedDelay()
{
    m_qbo->injectFault({ u"/preferences"_s, 1, 0, QString(), 300, false });
    QElapsedTimer timer;
    timer.start();
    const QboResponse slow = m_client->get(u"preferences"_s);
    QCOMPARE(slow.status, 200);
    QVERIFY2(timer.elapsed() >= 290, qPrintable(QString::number(timer.elapsed())));
    timer.restart();
    QCOMPARE(m_client->get(u"preferences"_s).status, 200);
    QVERIFY(timer.elapsed() < 290);
}

void TestQboGateway::injectedDrop()
{
    // Several, because QNetworkAccessManager may transparently resend once.
    m_qbo->injectFault({ u"/companyinfo"_s, 3, 0, QString(), 0, true });
    const QboResponse dropped = m_client->get(u"companyinfo/"_s + kRealm);
    QCOMPARE(dropped.status, 0);
    QVERIFY(dropped.error != QNetworkReply::NoError);
    m_qbo->clearFaults();
    QCOMPARE(m_client->get(u"companyinfo/"_s + kRealm).status, 200);
    const auto log = m_qbo->requestLog();
    QVERIFY(std::any_of(log.cbegin(), log.cend(), [](const auto &e) { return e.path.contains(u"companyinfo"_s) && e.status == 0; }));
}

void TestQboGateway::injectedDropAfterExecuting()
{
    // The request is executed, then its connection closes unanswered: a
    // response lost on the way back. Whatever the caller does next (here
    // QNetworkAccessManager may itself re-send, or report the error and we
    // re-send with the same requestid), there is exactly one customer and
    // the retry is answered from the replay cache.
    QuickBooksEmulator::FaultRule rule;
    rule.pathContains = u"requestid=lost-1"_s;
    rule.drop = true;
    rule.afterExecuting = true;
    m_qbo->injectFault(rule);
    const QUrlQuery id(u"requestid=lost-1"_s);
    const QboResponse first = m_client->post(u"customer"_s, QJsonObject{ { u"DisplayName"_s, u"Lost Answer"_s } }, id);
    const QboResponse again = m_client->post(u"customer"_s, QJsonObject{ { u"DisplayName"_s, u"Lost Answer"_s } }, id);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(u"Customer"_s).toObject().value(u"DisplayName"_s).toString(), u"Lost Answer"_s);
    if (first.status == 200)
        QCOMPARE(first.body, again.body); // Qt re-sent it: the replayed answer
    QCOMPARE(m_qbo->entities(kRealm, u"Customer"_s).size(), 1);
    const auto log = m_qbo->requestLog();
    QVERIFY(std::any_of(log.cbegin(), log.cend(),
                        [](const auto &e) { return e.requestId == u"lost-1"_s && e.status == 0; }));
}

void TestQboGateway::signatureMatchesTestVector()
{
    const QJsonObject vector = QJsonDocument::fromJson(readFixture(u"quickbooks/webhooks/dotnet-sdk__signature-test-vector.json"_s)).object();
    const QByteArray payload = readFixture(u"quickbooks/webhooks/dotnet-sdk__legacy-eventNotifications.raw.json"_s);
    QCOMPARE(vector.value(u"verifierToken"_s).toString(), u"00faeec4-08d0-4996-bb37-698ae19f0149"_s);
    QCOMPARE(QboWebhookSender::sign("00faeec4-08d0-4996-bb37-698ae19f0149", payload),
             QByteArray("6q+xGyMirJupwKTh2/WBl2NcdxzxqdIbk3sneKTxLWM="));
    QCOMPARE(QboWebhookSender::sign(vector.value(u"verifierToken"_s).toString().toUtf8(), payload),
             vector.value(u"intuit-signature"_s).toString().toUtf8());
    // Our legacy payload has the fixture's shape.
    const QByteArray ours = QboWebhookSender::legacyPayload({ { kRealm, u"Customer"_s, u"43"_s, u"Create"_s,
                                                                QDateTime(QDate(2016, 10, 5), QTime(3, 7, 4), Qt::UTC) } });
    const QJsonObject entity = QJsonDocument::fromJson(ours).object().value(u"eventNotifications"_s).toArray().first().toObject()
                                   .value(u"dataChangeEvent"_s).toObject().value(u"entities"_s).toArray().first().toObject();
    const QJsonObject realEntity = QJsonDocument::fromJson(payload).object().value(u"eventNotifications"_s).toArray().first().toObject()
                                       .value(u"dataChangeEvent"_s).toObject().value(u"entities"_s).toArray().at(1).toObject();
    QCOMPARE(entity, realEntity);
    QCOMPARE(QboWebhookSender::retryDelaySecs(1), 10);
    QCOMPARE(QboWebhookSender::retryDelaySecs(4), 300);
    QCOMPARE(QboWebhookSender::retryDelaySecs(20), 6 * 3600);
}

void TestQboGateway::webhookDeliveryAndRetry()
{
    struct Received {
        QByteArray body;
        QByteArray signature;
    };
    QList<Received> received;
    int failuresLeft = 2;
    QHttpServer receiver;
    receiver.route(u"/hook"_s, [&](const QHttpServerRequest &request) {
        Received r{ request.body(), {} };
        for (const auto &h : request.headers())
            if (h.first.compare("intuit-signature", Qt::CaseInsensitive) == 0)
                r.signature = h.second;
        received.append(r);
        if (failuresLeft > 0) {
            --failuresLeft;
            return QHttpServerResponse(QHttpServerResponder::StatusCode::InternalServerError);
        }
        return QHttpServerResponse(QHttpServerResponder::StatusCode::Ok);
    });
    const quint16 port = receiver.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    QUrl hook;
    hook.setScheme(u"http"_s);
    hook.setHost(u"127.0.0.1"_s);
    hook.setPort(port);
    hook.setPath(u"/hook"_s);
    m_qbo->setTimeScale(1000); // 10 s / 20 s retries take 10 ms / 20 ms
    m_qbo->setWebhook(hook, "verifier-token-1");
    QSignalSpy delivered(m_qbo->webhooks(), &QboWebhookSender::delivered);
    QSignalSpy failed(m_qbo->webhooks(), &QboWebhookSender::deliveryFailed);

    QCOMPARE(m_client->post(u"customer"_s, QJsonObject{ { u"DisplayName"_s, u"Hooked"_s } }).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 10000);
    QCOMPARE(failed.size(), 2);
    QCOMPARE(delivered.first().at(1).toInt(), 3);
    QCOMPARE(received.size(), 3);
    for (const Received &r : std::as_const(received)) {
        QCOMPARE(r.body, received.first().body); // the same notification retried
        QCOMPARE(r.signature, QboWebhookSender::sign("verifier-token-1", r.body));
    }
    const QJsonObject entity = QJsonDocument::fromJson(received.first().body).object().value(u"eventNotifications"_s).toArray()
                                   .first().toObject().value(u"dataChangeEvent"_s).toObject().value(u"entities"_s).toArray()
                                   .first().toObject();
    QCOMPARE(entity.value(u"name"_s).toString(), u"Customer"_s);
    QCOMPARE(entity.value(u"operation"_s).toString(), u"Create"_s);
    QCOMPARE(entity.value(u"lastUpdated"_s).toString(), u"2026-03-10T17:00:00.000Z"_s);

    // A business action in the "UI" notifies too: voiding reports Void.
    const auto customer = m_qbo->entities(kRealm, u"Customer"_s).first().value(u"Id"_s).toString();
    const auto invoice = m_qbo->seed(kRealm, u"Invoice"_s, QJsonObject{
        { u"CustomerRef"_s, QJsonObject{ { u"value"_s, customer } } },
        { u"Line"_s, QJsonArray{ QJsonObject{ { u"DetailType"_s, u"SalesItemLineDetail"_s }, { u"Amount"_s, 10 },
                                              { u"SalesItemLineDetail"_s, QJsonObject{} } } } } });
    QVERIFY(invoice.has_value());
    QVERIFY(m_qbo->voidInvoice(kRealm, invoice->value(u"Id"_s).toString()).has_value());
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 2, 10000);
    QVERIFY(received.last().body.contains("\"operation\":\"Void\""));
}

void TestQboGateway::cloudEventsFormat()
{
    QList<QByteArray> bodies;
    QHttpServer receiver;
    receiver.route(u"/ce"_s, [&](const QHttpServerRequest &request) {
        bodies.append(request.body());
        return QHttpServerResponse(QHttpServerResponder::StatusCode::Ok);
    });
    const quint16 port = receiver.listen(QHostAddress::LocalHost, 0);
    QUrl hook;
    hook.setScheme(u"http"_s);
    hook.setHost(u"127.0.0.1"_s);
    hook.setPort(port);
    hook.setPath(u"/ce"_s);
    m_qbo->setWebhook(hook, "t", QboWebhookSender::Format::CloudEvents);
    QCOMPARE(m_client->post(u"customer"_s, QJsonObject{ { u"DisplayName"_s, u"Cloudy"_s } }).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(bodies.size(), 1, 10000);
    const QJsonArray events = QJsonDocument::fromJson(bodies.first()).array();
    QCOMPARE(events.size(), 1);
    const QJsonObject e = events.first().toObject();
    const QJsonObject real = QJsonDocument::fromJson(readFixture(u"quickbooks/webhooks/intuit-docs__cloudevents-sample.json"_s))
                                 .array().first().toObject();
    QCOMPARE(e.keys(), real.keys());
    QCOMPARE(e.value(u"type"_s).toString(), u"qbo.customer.created.v1"_s);
    QCOMPARE(e.value(u"intuitaccountid"_s).toString(), kRealm);
    QCOMPARE(e.value(u"specversion"_s).toString(), u"1.0"_s);
}

QTEST_GUILESS_MAIN(TestQboGateway)
#include "tst_qbogateway.moc"
