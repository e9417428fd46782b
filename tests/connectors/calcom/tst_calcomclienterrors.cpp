// CalcomClient against the emulator, one error class at a time: what the
// client retries, what it waits for, what it returns — and the webhook path
// with duplicate and out-of-order deliveries.
#include "calclientfixture.h"

#include "../support/localhttpserver.h"

#include "connectors/calcom/reschedulechains.h"
#include "connectors/calcom/webhook.h"
#include "connectors/calcom/webhookledger.h"

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Calcom;
using Fault = Concord::Sandbox::CalcomEmulator::FaultRule;

class TestCalcomClientErrors : public QObject, public Concord::Test::CalClientFixture {
    Q_OBJECT

private Q_SLOTS:
    void init() { setUpWorld(); }
    void cleanup() { tearDownWorld(); }

    void unauthorizedIsNotRetried()
    {
        makeClient(clientSettings(), u"cal_live_revoked"_s);
        auto me = m_client->me();
        AWAIT(me);
        QCOMPARE(me.result().error().code, ErrorCode::Unauthorized);
        QCOMPARE(me.result().error().httpStatus, 401);
        QCOMPARE(me.result().error().remoteCode, u"UnauthorizedException"_s);
        QVERIFY(!me.result().error().retryable);
        QCOMPARE(apiLog().size(), 1);
        QVERIFY(!apiLog().first().authorized);

        makeClient(clientSettings(), QString());
        auto none = m_client->me();
        AWAIT(none);
        QCOMPARE(none.result().error().code, ErrorCode::InvalidConfig);
        QCOMPARE(apiLog().size(), 1); // nothing sent without a key
    }

    void permissionDenied()
    {
        const QString uid = seedBooking(m_start.addDays(1));
        const qint64 other = m_cal->addUser(Sandbox::CalUser {
            0, u"sam"_s, u"sam@example.com"_s, u"Sam"_s, u"UTC"_s, u"en"_s, u"Monday"_s, 12 });
        m_cal->addApiKey(u"cal_sam"_s, other);
        makeClient(clientSettings(), u"cal_sam"_s);
        auto read = m_client->booking(uid);
        AWAIT(read);
        QCOMPARE(read.result().error().code, ErrorCode::PermissionDenied);
        QCOMPARE(read.result().error().httpStatus, 403);
    }

    void validationAndConflict()
    {
        NewBooking badZone = newBooking(m_start.addDays(1));
        badZone.attendee.timeZone = u"Mars/Olympus_Mons"_s;
        auto refused = m_client->createBooking(u"k1"_s, badZone);
        AWAIT(refused);
        QCOMPARE(refused.result().error().code, ErrorCode::RemoteValidation);
        QCOMPARE(refused.result().error().remoteCode, u"BAD_REQUEST"_s);
        QVERIFY(refused.result().error().detail.contains(u"attendee.timeZone"_s));
        QCOMPARE(m_cal->state().bookingCount(), 0);

        auto first = m_client->createBooking(u"k2"_s, newBooking(m_start.addDays(1)));
        AWAIT_OK(first);
        auto clash = m_client->createBooking(
            u"k3"_s, newBooking(m_start.addDays(1).addSecs(1800), u"other@example.com"_s));
        AWAIT(clash);
        QCOMPARE(clash.result().error().code, ErrorCode::Conflict);
        QCOMPARE(clash.result().error().httpStatus, 409);
        QCOMPARE(m_cal->state().bookingCount(), 1);
    }

    void serverErrorsRetriedThenSucceed()
    {
        m_cal->injectFault(Fault { u"/v2/me"_s, 2, 503, 0, false, false });
        auto me = m_client->me();
        AWAIT_OK(me);
        QCOMPARE(apiLog().size(), 3);
        QCOMPARE(apiLog().at(0).status, 503);
        QCOMPARE(apiLog().at(2).status, 200);
    }

    void serverErrorsGiveUpAfterTheBound()
    {
        m_cal->injectFault(Fault { u"/v2/me"_s, 10, 500, 0, false, false });
        auto me = m_client->me();
        AWAIT(me);
        QCOMPARE(me.result().error().code, ErrorCode::Network);
        QVERIFY(me.result().error().retryable);
        QCOMPARE(apiLog().size(), 4); // networkRetry.maxAttempts
    }

    void lostCreateAnswerDoesNotBookTwice()
    {
        // The server books, then the answer outlives the client's timeout.
        m_cal->injectFault(Fault { u"/v2/bookings"_s, 1, 0, 3000, false, true });
        auto created = m_client->createBooking(u"outbox-77"_s, newBooking(m_start.addDays(1)));
        AWAIT_OK(created);
        QCOMPARE(m_cal->state().bookingCount(), 1);
        QCOMPARE(created.result()->uid, m_cal->state().bookings().first().uid);
        QCOMPARE(created.result()->metadata.value(u"concordKey"_s), u"outbox-77"_s);
        const auto log = apiLog();
        QCOMPARE(log.size(), 2); // the POST, then the search that found it
        QCOMPARE(log.at(1).method, u"GET"_s);
        QVERIFY(log.at(1).query.contains(u"attendeeEmail=dana@example.com"_s));
    }

    void createFailedBeforeExecutionIsSentAgain()
    {
        m_cal->injectFault(Fault { u"/v2/bookings"_s, 1, 502, 0, false, false });
        auto created = m_client->createBooking(u"outbox-78"_s, newBooking(m_start.addDays(1)));
        AWAIT_OK(created);
        QCOMPARE(m_cal->state().bookingCount(), 1);
        QStringList methods;
        for (const auto &e : apiLog())
            methods << e.method + u' ' + QString::number(e.status);
        QCOMPARE(methods, (QStringList { u"POST 502"_s, u"GET 200"_s, u"POST 201"_s }));
    }

    void lostRescheduleAnswerReturnsTheNewBooking()
    {
        const QString a = seedBooking(m_start.addDays(1));
        m_cal->injectFault(Fault { u"/reschedule"_s, 1, 0, 3000, false, true });
        auto moved = m_client->rescheduleBooking(a, m_start.addDays(2));
        AWAIT_OK(moved);
        QCOMPARE(moved.result()->rescheduledFromUid, a);
        QCOMPARE(moved.result()->start, m_start.addDays(2));
        QCOMPARE(m_cal->state().bookingCount(), 2); // one move, not two
        QCOMPARE(m_cal->state().booking(a)->rescheduledToUid, moved.result()->uid);
    }

    void throttledWaitsThenSucceeds()
    {
        // Cal.com's server counts 3 per window here (60 ms real): the client's
        // own budget (120/min) does not know, gets a 429 with
        // X-RateLimit-Reset-Default, waits it out and succeeds.
        m_cal->setThrottlingEnabled(true);
        m_cal->setThrottleLimits({ 3, 60'000, 60'000 });
        QList<QFuture<Result<Profile>>> calls;
        for (int i = 0; i < 5; ++i)
            calls.append(m_client->me());
        for (auto &f : calls)
            AWAIT_OK(f);
        const auto log = apiLog();
        int throttled = 0;
        for (const auto &e : log)
            throttled += e.status == 429 ? 1 : 0;
        QVERIFY2(throttled >= 1, "the emulator never throttled");
        QCOMPARE(log.size() - throttled, 5);
        QCOMPARE(log.last().status, 200);
    }

    void throttledBeyondTheBoundIsReturned()
    {
        m_cal->injectFault(Fault { u"/v2/me"_s, 10, 429, 0, false, false });
        auto me = m_client->me();
        AWAIT(me);
        QCOMPARE(me.result().error().code, ErrorCode::Throttled);
        QCOMPARE(me.result().error().retryAfterMs, 1000); // X-RateLimit-Reset-Default: 1
        QCOMPARE(apiLog().size(), 1 + m_client->settings().maxThrottleRetries);
    }

    void realLimitUnderLoadNeverThrottles()
    {
        // 150 requests against Cal.com's real 120/60 s (time-scaled): the
        // client's limiter keeps every server window within the limit.
        m_cal->setThrottlingEnabled(true);
        m_cal->setThrottleLimits({});
        QList<QFuture<Result<Profile>>> calls;
        for (int i = 0; i < 150; ++i)
            calls.append(m_client->me());
        for (auto &f : calls)
            AWAIT_OK(f);
        for (const auto &e : apiLog())
            QCOMPARE(e.status, 200);
        QCOMPARE(apiLog().size(), 150);
    }

    void webhooksDuplicatedAndOutOfOrder()
    {
        Concord::Test::LocalHttpServer receiver;
        receiver.setHandler([](const Concord::Test::RecordedRequest &) {
            return Concord::Test::CannedReply::json("{}");
        });
        QVERIFY(receiver.listen());
        const QString secret = u"whsec_contract"_s;
        m_cal->addWebhook(receiver.url(), secret,
                          { u"BOOKING_CREATED"_s, u"BOOKING_RESCHEDULED"_s, u"BOOKING_CANCELLED"_s,
                            u"MEETING_ENDED"_s });
        m_cal->webhooks()->setDuplicateDelivery(true);
        m_cal->webhooks()->setHeld(true);

        const QString a = seedBooking(m_start.addDays(1)); // created (t0)
        m_clock->advanceSecs(60);
        QVERIFY(m_cal->clientReschedules(a, m_start.addDays(2))); // A→B (t0+60)
        const QString b = m_cal->state().booking(a)->rescheduledToUid;
        m_clock->advanceSecs(60);
        QVERIFY(m_cal->clientReschedules(b, m_start.addDays(3))); // B→C (t0+120)
        const QString c = m_cal->state().booking(b)->rescheduledToUid;
        QVERIFY(m_cal->meetingEnds(c));
        m_cal->webhooks()->releaseHeld(true); // newest first, each twice
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests.size(), 8, 5000);

        // As they arrived (concurrent deliveries: any order).
        WebhookLedger ledger;
        RescheduleChains chains;
        QList<WebhookEvent> unique;
        int duplicates = 0;
        for (const auto &request : receiver.requests) {
            auto event =
                receiveWebhook(request.body, request.header("X-Cal-Signature-256"), secret,
                               QString::fromLatin1(request.header("x-cal-webhook-version")));
            QVERIFY_OK(event);
            // Links are facts whatever the verdict.
            if (event->trigger == WebhookTrigger::BookingRescheduled)
                chains.link(event->rescheduledFromUid, event->uid);
            const WebhookLedger::Verdict verdict = ledger.admit(*event);
            if (verdict == WebhookLedger::Verdict::Duplicate)
                ++duplicates;
            else
                unique.append(*event);
            if (event->trigger == WebhookTrigger::MeetingEnded)
                QVERIFY(verdict != WebhookLedger::Verdict::Stale);
        }
        QCOMPARE(duplicates, 4);
        QCOMPARE(unique.size(), 4);

        // The same four events, newest first and oldest first, on fresh ledgers.
        std::sort(unique.begin(), unique.end(), [](const WebhookEvent &x, const WebhookEvent &y) {
            return x.occurredAt() > y.occurredAt()
                || (x.occurredAt() == y.occurredAt() && x.trigger == WebhookTrigger::MeetingEnded);
        });
        QStringList newestFirst;
        WebhookLedger reversed;
        for (const WebhookEvent &e : std::as_const(unique))
            newestFirst << e.triggerName + u' ' + e.uid + u' '
                    + (reversed.admit(e) == WebhookLedger::Verdict::Apply ? u"apply"_s
                                                                          : u"stale"_s);
        QCOMPARE(newestFirst,
                 (QStringList { u"MEETING_ENDED %1 apply"_s.arg(c),
                                u"BOOKING_RESCHEDULED %1 apply"_s.arg(c),
                                u"BOOKING_RESCHEDULED %1 stale"_s.arg(b),
                                u"BOOKING_CREATED %1 stale"_s.arg(a) }));
        WebhookLedger inOrder;
        for (auto it = unique.crbegin(); it != unique.crend(); ++it)
            QCOMPARE(inOrder.admit(*it), WebhookLedger::Verdict::Apply);
        // The sync engine's view: one appointment, first booked as A, now at C.
        QCOMPARE(chains.originOf(c), a);
        QCOMPARE(chains.latestOf(a), c);
        auto origin = m_client->rescheduleOrigin(c);
        AWAIT_OK(origin);
        QCOMPARE(origin.result()->originUid, chains.originOf(c));
    }
};

QTEST_GUILESS_MAIN(TestCalcomClientErrors)
#include "tst_calcomclienterrors.moc"
