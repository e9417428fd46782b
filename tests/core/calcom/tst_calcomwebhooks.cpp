// Cal.com webhook signatures (the fixture test vectors), and what the sync
// engine needs against repeated and out-of-order deliveries: the dedupe key,
// the ledger's verdicts, reschedule chains.
#include "connectors/calcom/reschedulechains.h"
#include "connectors/calcom/webhook.h"
#include "connectors/calcom/webhookledger.h"
#include "domainprinters.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Calcom;

namespace {

struct Vector {
    QString secret;
    QByteArray body;
    QByteArray signature;
};

QList<Vector> vectors()
{
    QList<Vector> out;
    const QJsonArray list =
        QJsonDocument::fromJson(Concord::Test::readFixture(u"calcom/signature-test-vectors.json"_s))
            .object()
            .value(u"vectors"_s)
            .toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        out.append({ o.value(u"secret"_s).toString(), o.value(u"body"_s).toString().toUtf8(),
                     o.value(u"x-cal-signature-256"_s).toString().toLatin1() });
    }
    return out;
}

QByteArray wrapped(const QString &trigger, const QString &uid, const QString &createdAt,
                   const QString &extra = {})
{
    return u"{\"triggerEvent\":\"%1\",\"createdAt\":\"%2\",\"payload\":{\"uid\":\"%3\",\"bookingId\":1%4}}"_s
        .arg(trigger, createdAt, uid, extra)
        .toUtf8();
}

WebhookEvent parsed(const QByteArray &body)
{
    return parseWebhookPayload(body).value_or(WebhookEvent {});
}

} // namespace

class TestCalcomWebhooks : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void testVectors()
    {
        const QList<Vector> all = vectors();
        QCOMPARE(all.size(), 2);
        for (const Vector &v : all) {
            QCOMPARE(webhookSignature(v.secret, v.body), v.signature);
            QVERIFY_OK(verifyWebhookSignature(v.body, v.signature, v.secret));
            // Hex case does not matter; surrounding blanks neither.
            QVERIFY_OK(verifyWebhookSignature(v.body, " " + v.signature.toUpper() + " ", v.secret));
        }
        // The second vector is the BOOKING_NO_SHOW_UPDATED example, byte for byte.
        auto e = receiveWebhook(all.at(1).body, all.at(1).signature, all.at(1).secret);
        QVERIFY_OK(e);
        QCOMPARE(e->trigger, WebhookTrigger::BookingNoShowUpdated);
        QCOMPARE(e->uid, u"5vQFqxDFMjdgKGMijqtqRw"_s);
    }

    void rejected_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("signature");
        QTest::addColumn<QString>("secret");
        const Vector v = vectors().value(0);
        QByteArray changed = v.body;
        changed.replace("abc", "abd");
        QTest::newRow("one byte changed") << changed << v.signature << v.secret;
        QTest::newRow("trailing newline") << v.body + '\n' << v.signature << v.secret;
        QTest::newRow("re-serialized JSON")
            << QJsonDocument::fromJson(v.body).toJson() << v.signature << v.secret;
        QTest::newRow("wrong secret") << v.body << v.signature << u"test-secreT"_s;
        QTest::newRow("no header") << v.body << QByteArray() << v.secret;
        QTest::newRow("no-secret-provided")
            << v.body << QByteArray("no-secret-provided") << v.secret;
        QTest::newRow("truncated") << v.body << v.signature.left(63) << v.secret;
        QTest::newRow("not hex") << v.body << QByteArray(64, 'z') << v.secret;
        QTest::newRow("base64 instead of hex")
            << v.body << QByteArray::fromHex(v.signature).toBase64() << v.secret;
        QTest::newRow("no secret configured") << v.body << v.signature << QString();
    }

    void rejected()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, signature);
        QFETCH(QString, secret);
        const Status s = verifyWebhookSignature(body, signature, secret);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Unauthorized);
        QVERIFY(!s.error().detail.contains(secret.isEmpty() ? u"\u0001"_s : secret));
        const auto e = receiveWebhook(body, signature, secret);
        QVERIFY(!e); // a bad signature never yields an event
        QCOMPARE(e.error().code, ErrorCode::Unauthorized);
    }

    void malformedPayloads_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not json") << QByteArray("<html>");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("no trigger") << QByteArray(R"({"payload":{"uid":"a"}})");
        QTest::newRow("no uid") << QByteArray(R"({"triggerEvent":"BOOKING_CREATED","payload":{}})");
        QTest::newRow("time without offset") << QByteArray(
            R"({"triggerEvent":"BOOKING_CREATED","payload":{"uid":"a","startTime":"2024-01-01T10:00:00"}})");
        QTest::newRow("price in a bad currency") << QByteArray(
            R"({"triggerEvent":"BOOKING_PAID","payload":{"uid":"a","price":100,"currency":"dollars"}})");
        QTest::newRow("id as text") << QByteArray(
            R"({"triggerEvent":"BOOKING_CREATED","payload":{"uid":"a","bookingId":"1"}})");
    }

    void malformedPayloads()
    {
        QFETCH(QByteArray, body);
        const auto e = parseWebhookPayload(body);
        QVERIFY(!e);
        QCOMPARE(e.error().code, ErrorCode::RemoteValidation);
    }

    void dedupeKeyIsStableAndDistinct()
    {
        const QByteArray a = wrapped(u"BOOKING_CREATED"_s, u"A"_s, u"2026-03-01T10:00:00.000Z"_s);
        // A redelivery is byte-identical or differs only in layout: same key.
        QCOMPARE(parsed(a).dedupeKey(), parsed(QJsonDocument::fromJson(a).toJson()).dedupeKey());
        // The same instant written another way is the same event.
        QCOMPARE(parsed(a).dedupeKey(),
                 parsed(wrapped(u"BOOKING_CREATED"_s, u"A"_s, u"2026-03-01T10:00:00+00:00"_s))
                     .dedupeKey());
        QVERIFY(parsed(a).dedupeKey()
                != parsed(wrapped(u"BOOKING_CANCELLED"_s, u"A"_s, u"2026-03-01T10:00:00.000Z"_s))
                       .dedupeKey());
        QVERIFY(parsed(a).dedupeKey()
                != parsed(wrapped(u"BOOKING_CREATED"_s, u"B"_s, u"2026-03-01T10:00:00.000Z"_s))
                       .dedupeKey());
        QVERIFY(parsed(a).dedupeKey()
                != parsed(wrapped(u"BOOKING_CREATED"_s, u"A"_s, u"2026-03-01T10:00:01.000Z"_s))
                       .dedupeKey());
    }

    void ledgerDuplicatesAndOrder()
    {
        WebhookLedger ledger;
        const WebhookEvent created =
            parsed(wrapped(u"BOOKING_CREATED"_s, u"A"_s, u"2026-03-01T10:00:00.000Z"_s));
        const WebhookEvent cancelled =
            parsed(wrapped(u"BOOKING_CANCELLED"_s, u"A"_s, u"2026-03-01T11:00:00.000Z"_s));
        const WebhookEvent other =
            parsed(wrapped(u"BOOKING_CREATED"_s, u"B"_s, u"2026-03-01T09:00:00.000Z"_s));
        // Cancellation arrives first; the creation is late: stale, never re-applied.
        QCOMPARE(ledger.admit(cancelled), WebhookLedger::Verdict::Apply);
        QCOMPARE(ledger.admit(created), WebhookLedger::Verdict::Stale);
        QCOMPARE(ledger.admit(cancelled), WebhookLedger::Verdict::Duplicate);
        QCOMPARE(ledger.admit(created), WebhookLedger::Verdict::Duplicate);
        // Another booking is independent of A's history.
        QCOMPARE(ledger.admit(other), WebhookLedger::Verdict::Apply);
        QCOMPARE(ledger.lastAppliedAt(u"A"_s), QDateTime(QDate(2026, 3, 1), QTime(11, 0), Qt::UTC));
        // MEETING_* are never stale, only deduplicated.
        const QByteArray ended =
            R"({"triggerEvent":"MEETING_ENDED","uid":"A","idempotencyKey":"k1","startTime":"2026-03-01T08:00:00Z","endTime":"2026-03-01T09:00:00Z"})";
        QCOMPARE(ledger.admit(parsed(ended)), WebhookLedger::Verdict::Apply);
        QCOMPARE(ledger.admit(parsed(ended)), WebhookLedger::Verdict::Duplicate);
    }

    void ledgerRescheduleMakesOldEventsStale()
    {
        WebhookLedger ledger;
        const WebhookEvent moved =
            parsed(wrapped(u"BOOKING_RESCHEDULED"_s, u"B"_s, u"2026-03-02T10:00:00.000Z"_s,
                           u",\"rescheduleUid\":\"A\""_s));
        QCOMPARE(moved.rescheduledFromUid, u"A"_s);
        QCOMPARE(ledger.admit(moved), WebhookLedger::Verdict::Apply);
        // A's own creation, delivered late, must not resurrect A.
        QCOMPARE(ledger.admit(
                     parsed(wrapped(u"BOOKING_CREATED"_s, u"A"_s, u"2026-03-01T10:00:00.000Z"_s))),
                 WebhookLedger::Verdict::Stale);
        // A later cancellation of B applies.
        QCOMPARE(ledger.admit(parsed(
                     wrapped(u"BOOKING_CANCELLED"_s, u"B"_s, u"2026-03-03T10:00:00.000Z"_s))),
                 WebhookLedger::Verdict::Apply);
    }

    void ledgerCapacityForgetsOldestKeys()
    {
        WebhookLedger ledger(2);
        const WebhookEvent a =
            parsed(wrapped(u"MEETING_ENDED"_s, u"A"_s, u"2026-03-01T10:00:00.000Z"_s));
        const WebhookEvent b =
            parsed(wrapped(u"MEETING_ENDED"_s, u"B"_s, u"2026-03-01T10:00:00.000Z"_s));
        const WebhookEvent c =
            parsed(wrapped(u"MEETING_ENDED"_s, u"C"_s, u"2026-03-01T10:00:00.000Z"_s));
        QCOMPARE(ledger.admit(a), WebhookLedger::Verdict::Apply);
        QCOMPARE(ledger.admit(b), WebhookLedger::Verdict::Apply);
        QCOMPARE(ledger.admit(c), WebhookLedger::Verdict::Apply);
        QVERIFY(!ledger.hasSeen(a.dedupeKey()));
        QVERIFY(ledger.hasSeen(b.dedupeKey()) && ledger.hasSeen(c.dedupeKey()));
    }

    void rescheduleChains()
    {
        RescheduleChains chains;
        // Learnt out of order: B→C before A→B.
        chains.link(u"B"_s, u"C"_s);
        chains.link(u"A"_s, u"B"_s);
        QCOMPARE(chains.originOf(u"C"_s), u"A"_s);
        QCOMPARE(chains.originOf(u"B"_s), u"A"_s);
        QCOMPARE(chains.originOf(u"A"_s), u"A"_s);
        QCOMPARE(chains.latestOf(u"A"_s), u"C"_s);
        QCOMPARE(chains.chainOf(u"B"_s), (QStringList { u"A"_s, u"B"_s, u"C"_s }));
        QCOMPARE(chains.originOf(u"X"_s), u"X"_s);
        // A loop (impossible in Cal.com) ends the walk instead of hanging.
        chains.link(u"C"_s, u"A"_s);
        QVERIFY(!chains.originOf(u"B"_s).isEmpty());
        QVERIFY(chains.chainOf(u"B"_s).size() <= 3);
    }
};

QTEST_GUILESS_MAIN(TestCalcomWebhooks)
#include "tst_calcomwebhooks.moc"
