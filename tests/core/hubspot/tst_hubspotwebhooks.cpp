// HubSpot webhooks (hubspot-calcom.md A12): the documented payloads, the
// signature test vectors (the docs' own, and ones computed here with
// QMessageAuthenticationCode over hand-built strings), v3 verification rules,
// and repeats / disorder through the deduplicator.
#include "connectors/hubspot/webhookdeduplicator.h"
#include "connectors/hubspot/webhookevent.h"
#include "connectors/hubspot/webhooksignature.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::HubSpot;

namespace {

// A12's examples, verbatim.
const QByteArray kDocExamples = R"([{"eventId":567890123,"subscriptionId":234567,"portalId":12345678,"appId":987654,"occurredAt":1708986598741,
  "subscriptionType":"contact.creation","attemptNumber":0,"objectId":65059681032,"changeFlag":"CREATED",
  "changeSource":"CRM_UI","sourceId":"userId:45678"},
 {"objectId":1246965,"propertyName":"lifecyclestage","propertyValue":"subscriber","changeSource":"ACADEMY",
  "eventId":3816279340,"subscriptionId":25,"portalId":33,"appId":1160452,"occurredAt":1462216307945,
  "subscriptionType":"contact.propertyChange","attemptNumber":0},
 {"eventId":1,"subscriptionId":26,"portalId":33,"appId":1160452,"occurredAt":1700000000000,
  "subscriptionType":"contact.merge","attemptNumber":0,"objectId":123,"primaryObjectId":123,
  "mergedObjectIds":[456,789],"newObjectId":999,"numberOfPropertiesMoved":12,"changeSource":"CRM_UI"}])";

// The body B of A12's computed vectors (268 bytes).
const QByteArray kBodyB = R"([{"objectId":1246965,"propertyName":"lifecyclestage","propertyValue":"subscriber","changeSource":"ACADEMY","eventId":3816279340,"subscriptionId":25,"portalId":33,"appId":1160452,"occurredAt":1462216307945,"subscriptionType":"contact.propertyChange","attemptNumber":0}])";

WebhookEvent change(const QString &eventId, qint64 at, const QString &object, const QString &property,
                    const QString &value, int attempt = 0)
{
    WebhookEvent e;
    e.eventId = eventId;
    e.subscriptionId = u"25"_s;
    e.occurredAtMs = at;
    e.subscriptionType = u"contact.propertyChange"_s;
    e.objectId = object;
    e.propertyName = property;
    e.propertyValue = value;
    e.attemptNumber = attempt;
    return e;
}

} // namespace

class TestHubSpotWebhooks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentedPayloads()
    {
        const auto events = WebhookEvent::parseDelivery(kDocExamples);
        QVERIFY(events.has_value());
        QCOMPARE(events->size(), 3);
        const WebhookEvent &created = events->at(0);
        QCOMPARE(created.eventId, u"567890123"_s);
        QCOMPARE(created.objectId, u"65059681032"_s);
        QCOMPARE(created.objectType(), u"contact"_s);
        QCOMPARE(created.action(), u"creation"_s);
        QCOMPARE(created.changeFlag, u"CREATED"_s);
        QCOMPARE(created.sourceId, u"userId:45678"_s);
        QCOMPARE(created.occurredAt(), QDateTime::fromMSecsSinceEpoch(1708986598741, Qt::UTC));
        const WebhookEvent &changed = events->at(1);
        QCOMPARE(changed.propertyName, u"lifecyclestage"_s);
        QCOMPARE(changed.propertyValue, std::optional<QString>(u"subscriber"_s));
        QCOMPARE(changed.changeSource, u"ACADEMY"_s);
        QCOMPARE(changed.dedupeKey(), u"25/3816279340/1246965/1462216307945"_s);
        const WebhookEvent &merged = events->at(2);
        QCOMPARE(merged.primaryObjectId, u"123"_s);
        QCOMPARE(merged.mergedObjectIds, (QStringList{u"456"_s, u"789"_s}));
        QCOMPARE(merged.newObjectId, u"999"_s);
        QCOMPARE(merged.survivorId(), u"999"_s);
        QCOMPARE(merged.numberOfPropertiesMoved, 12);
    }

    void olderSpellingsAndRefusals()
    {
        // "eventType" in older docs; a single object instead of an array.
        const auto one = WebhookEvent::parseDelivery(R"({"eventType":"deal.creation","objectId":"5","occurredAt":"1700000000000","eventId":1})");
        QVERIFY(one.has_value());
        QCOMPARE(one->first().subscriptionType, u"deal.creation"_s);
        QCOMPARE(one->first().occurredAtMs, 1700000000000);
        QVERIFY(!WebhookEvent::parseDelivery("not json").has_value());
        QVERIFY(!WebhookEvent::parseDelivery(R"([{"objectId":1,"occurredAt":1}])").has_value()); // no type
        QVERIFY(!WebhookEvent::parseDelivery(R"([{"subscriptionType":"contact.creation","objectId":1}])").has_value()); // no time
        QVERIFY(!WebhookEvent::parseDelivery(R"([1,2])").has_value());
    }

    void documentedSignatureVectors()
    {
        // v2 doc example: reproduces HubSpot's documented value.
        QCOMPARE(WebhookSignature::v2("yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy", "GET", "https://www.example.com/webhook_uri", ""),
                 QByteArray("eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e"));
        QCOMPARE(kBodyB.size(), 268);
        QCOMPARE(WebhookSignature::v1("test-client-secret", kBodyB),
                 QByteArray("9cdb108ada6c5acfa52d917b82adc1f05b64e1565ec46e87a6bacbd09ab39f52"));
        QCOMPARE(WebhookSignature::v2("test-client-secret", "POST", "https://example.com/hubspot/webhook", kBodyB),
                 QByteArray("3e0339f9223bca4e0b3cd9b5171fdf69a03676bb966d0feb9a8bd96a363f6dca"));
        QCOMPARE(WebhookSignature::v3("test-client-secret", "POST", "https://example.com/hubspot/webhook", kBodyB,
                                      "1700000000000"),
                 QByteArray("RLtaHL2Ca+EA0k3QVVg5Iw/xwT8OjHz47iHyGYHh8Hc="));
    }

    void independentlyComputedVectors_data()
    {
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("uri");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("timestamp");
        QTest::newRow("empty body") << QByteArray("s3cr3t") << QByteArray("POST") << QByteArray("https://h.example/x") << QByteArray() << QByteArray("1");
        QTest::newRow("query, unicode") << QByteArray("clé") << QByteArray("POST") << QByteArray("https://h.example/hook?a=1&b=é")
                                        << QByteArray(R"([{"propertyValue":"Zoë"}])") << QByteArray("1700000123456");
        QTest::newRow("GET") << QByteArray("k") << QByteArray("GET") << QByteArray("https://h.example/") << QByteArray("x") << QByteArray("99");
    }
    void independentlyComputedVectors()
    {
        QFETCH(QByteArray, secret);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, uri);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, timestamp);
        // The source string built by hand, then HMAC'd in one go.
        const QByteArray source = method + uri + body + timestamp;
        const QByteArray expected = QMessageAuthenticationCode::hash(source, secret, QCryptographicHash::Sha256).toBase64();
        QCOMPARE(WebhookSignature::v3(secret, method, uri, body, timestamp), expected);
        QCOMPARE(WebhookSignature::v1(secret, body), QCryptographicHash::hash(secret + body, QCryptographicHash::Sha256).toHex());
    }

    void canonicalUriDecodesOnlyTheListedEscapes()
    {
        QCOMPARE(WebhookSignature::canonicalUri("https://h.example/a%3Ab%2Fc%3Fd%40e%21%24%27%28%29%2A%2C%3B?q=%2f"),
                 QByteArray("https://h.example/a:b/c?d@e!$'()*,;?q=/"));
        // Other escapes (space, %, &, =) stay encoded.
        QCOMPARE(WebhookSignature::canonicalUri("https://h.example/a%20b?x=%25%26%3D"), QByteArray("https://h.example/a%20b?x=%25%26%3D"));
        QCOMPARE(WebhookSignature::canonicalUri("https://h.example/100%"), QByteArray("https://h.example/100%"));
    }

    void verifyV3Rules()
    {
        const QByteArray secret = "test-client-secret";
        const QByteArray uri = "https://example.com/hubspot/webhook";
        const QByteArray ts = "1700000000000";
        const QByteArray sig = "RLtaHL2Ca+EA0k3QVVg5Iw/xwT8OjHz47iHyGYHh8Hc=";
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
        QVERIFY(WebhookSignature::verifyV3(secret, "POST", uri, kBodyB, ts, sig, at.addSecs(60)).has_value());
        QVERIFY(WebhookSignature::verifyV3(secret, "POST", uri, kBodyB, ts, sig, at.addSecs(299)).has_value());
        // Older than 5 minutes, or from the future beyond the skew allowance.
        const auto stale = WebhookSignature::verifyV3(secret, "POST", uri, kBodyB, ts, sig, at.addSecs(301));
        QVERIFY(!stale.has_value());
        QVERIFY2(stale.error().message.contains(u"5 minutes"_s), qPrintable(stale.error().message));
        QVERIFY(!WebhookSignature::verifyV3(secret, "POST", uri, kBodyB, ts, sig, at.addSecs(-301)).has_value());
        // Any byte changed: body, method, uri, secret, timestamp, signature.
        QByteArray tampered = kBodyB;
        tampered[10] = '2';
        QVERIFY(!WebhookSignature::verifyV3(secret, "POST", uri, tampered, ts, sig, at).has_value());
        QVERIFY(!WebhookSignature::verifyV3(secret, "PUT", uri, kBodyB, ts, sig, at).has_value());
        QVERIFY(!WebhookSignature::verifyV3(secret, "POST", uri + "/", kBodyB, ts, sig, at).has_value());
        QVERIFY(!WebhookSignature::verifyV3("other", "POST", uri, kBodyB, ts, sig, at).has_value());
        QVERIFY(!WebhookSignature::verifyV3(secret, "POST", uri, kBodyB, "1700000000001", sig, at).has_value());
        QVERIFY(!WebhookSignature::verifyV3(secret, "POST", uri, kBodyB, ts, "", at).has_value());
        QVERIFY(!WebhookSignature::verifyV3(secret, "POST", uri, kBodyB, "soon", sig, at).has_value());
        QCOMPARE(WebhookSignature::verifyV3("", "POST", uri, kBodyB, ts, sig, at).error().code, ErrorCode::InvalidConfig);

        // HubSpot signs the decoded URI; a receiver sees it encoded. Both forms verify.
        const QByteArray encoded = "https://example.com/hook%3Aone?x=%40";
        const QByteArray decodedSig = WebhookSignature::v3(secret, "POST", "https://example.com/hook:one?x=@", kBodyB, ts);
        QVERIFY(WebhookSignature::verifyV3(secret, "POST", encoded, kBodyB, ts, decodedSig, at).has_value());
        const QByteArray rawSig = WebhookSignature::v3(secret, "POST", encoded, kBodyB, ts);
        QVERIFY(WebhookSignature::verifyV3(secret, "POST", encoded, kBodyB, ts, rawSig, at).has_value());
    }

    void constantTimeCompare()
    {
        QVERIFY(WebhookSignature::constantTimeEquals("abc", "abc"));
        QVERIFY(!WebhookSignature::constantTimeEquals("abc", "abd"));
        QVERIFY(!WebhookSignature::constantTimeEquals("abc", "ab"));
        QVERIFY(WebhookSignature::constantTimeEquals("", ""));
    }

    void repeatsAreDroppedAndOrderRestored()
    {
        WebhookEventDeduplicator dedupe;
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(1700000100000, Qt::UTC);
        WebhookEvent created;
        created.eventId = u"10"_s;
        created.subscriptionId = u"1"_s;
        created.subscriptionType = u"contact.creation"_s;
        created.objectId = u"7"_s;
        created.occurredAtMs = 1700000000000;
        const WebhookEvent first = change(u"11"_s, 1700000001000, u"7"_s, u"email"_s, u"a@x.example"_s);
        const WebhookEvent second = change(u"12"_s, 1700000002000, u"7"_s, u"email"_s, u"b@x.example"_s);

        // Delivered out of order: second change, then creation.
        const auto a = dedupe.accept({second, created}, now);
        QCOMPARE(a.size(), 2);
        QCOMPARE(a.at(0).event, created);
        QCOMPARE(a.at(1).event, second);
        QVERIFY(!a.at(1).superseded);
        // The retry of the second change (new attemptNumber) is a repeat; the
        // late first change is new but older than what was applied.
        WebhookEvent retried = second;
        retried.attemptNumber = 3;
        const auto b = dedupe.accept({retried, first}, now);
        QCOMPARE(b.size(), 1);
        QCOMPARE(b.first().event, first);
        QVERIFY(b.first().superseded);
        // Same eventId on another object is not a repeat ("not guaranteed unique").
        const auto c = dedupe.accept({change(u"12"_s, 1700000002000, u"8"_s, u"email"_s, u"c@x.example"_s)}, now);
        QCOMPARE(c.size(), 1);
        QVERIFY(!c.first().superseded);
        QCOMPARE(dedupe.rememberedCount(), 4);
    }

    void memoryIsBounded()
    {
        WebhookEventDeduplicator dedupe(std::chrono::hours(25), 3);
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(1700000100000, Qt::UTC);
        QList<WebhookEvent> events;
        for (int i = 0; i < 5; ++i)
            events.append(change(QString::number(i), 1700000000000 + i, u"1"_s, u"p%1"_s.arg(i), u"v"_s));
        QCOMPARE(dedupe.accept(events, now).size(), 5);
        QCOMPARE(dedupe.rememberedCount(), 3); // the oldest forgotten
        // Past the retention, everything is forgotten.
        QCOMPARE(dedupe.accept({}, now.addSecs(26 * 3600)).size(), 0);
        QCOMPARE(dedupe.rememberedCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHubSpotWebhooks)
#include "tst_hubspotwebhooks.moc"
