// HubSpotClient against the HubSpot emulator: every error class and how the
// client handles it (retry, wait, refresh, or return).
#include "hsclientfixture.h"

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::HubSpot;
using Fault = Concord::Sandbox::HubSpotEmulator::FaultRule;

class TestHsClientErrors : public QObject, protected Test::HsClientFixture
{
    Q_OBJECT

    int countStatus(int status) const
    {
        int n = 0;
        for (const auto &e : apiLog())
            n += e.status == status ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void init() { setUpWorld(); }
    void cleanup() { tearDownWorld(); }

    void throttledThenSucceeds()
    {
        // The emulator allows 3 per 10 s while the client believes 100: the
        // 4th request gets HubSpot's 429 (SECONDLY); the client pauses the
        // account for the interval and succeeds.
        m_hs->setThrottlingEnabled(true);
        // 10 s of window = 50 ms real: the six reads must land inside one
        // window even on a loaded machine (at 10 ms they sometimes did not,
        // and nothing was throttled).
        m_hs->setTimeScale(200);
        auto limits = m_hs->limiter().limits();
        limits.burstPer10s = 3;
        m_hs->limiter().setLimits(limits);
        const QString id = seedContact(u"a@example.com"_s);
        QList<QFuture<Result<Contact>>> reads;
        for (int i = 0; i < 6; ++i)
            reads.append(m_client->contact(id));
        for (auto &f : reads)
            AWAIT_OK(f);
        QVERIFY2(countStatus(429) >= 1, "the emulator never throttled");
        QCOMPARE(countStatus(200), 6);
    }

    void searchThrottledThenSucceeds()
    {
        m_hs->setThrottlingEnabled(true);
        // 1 s = 10 ms real: the second search must come inside the first
        // one's second even under load (at 1 ms real it often did not).
        m_hs->setTimeScale(100);
        auto limits = m_hs->limiter().limits();
        limits.searchPerSecond = 1;
        m_hs->limiter().setLimits(limits);
        seedContact(u"a@example.com"_s);
        auto first = m_client->findContactsByEmail(u"a@example.com"_s);
        auto second = m_client->findContactsByEmail(u"a@example.com"_s);
        AWAIT_OK(first);
        AWAIT_OK(second);
        QCOMPARE(second.result()->size(), 1);
        QVERIFY(countStatus(429) >= 1);
        // Search 429s carry no rate-limit headers (A4).
        for (const auto &e : apiLog())
            QVERIFY(e.search);
    }

    void dailyLimitIsReturnedNotRetried()
    {
        m_hs->setThrottlingEnabled(true);
        auto limits = m_hs->limiter().limits();
        limits.daily = 1;
        m_hs->limiter().setLimits(limits);
        const QString id = seedContact(u"a@example.com"_s);
        auto ok = m_client->contact(id);
        AWAIT_OK(ok);
        auto refused = m_client->contact(id);
        AWAIT(refused);
        const Error e = refused.result().error();
        QCOMPARE(e.code, ErrorCode::Throttled);
        QCOMPARE(e.remoteCode, u"DAILY"_s);
        QCOMPARE(e.retryAfterMs, 3600 * 1000);
        QCOMPARE(apiLog().size(), 2); // no retry
    }

    void expiredOAuthTokenIsRefreshed()
    {
        m_client = makeOAuthClient(clientSettings());
        const QString id = seedContact(u"a@example.com"_s);
        auto first = m_client->contact(id);
        AWAIT_OK(first);
        int tokenCalls = 0;
        for (const auto &e : m_hs->requestLog())
            tokenCalls += e.path == u"/oauth/v1/token"_s ? 1 : 0;
        QCOMPARE(tokenCalls, 1);
        // The token form carried the client credentials in the body (HubSpot's way).
        const auto tokenRequest = m_hs->requestLog().first();
        QVERIFY(tokenRequest.body.contains("client_secret="));
        QVERIFY(tokenRequest.body.contains("grant_type=refresh_token"));

        // 30 minutes pass on the emulator's clock; the token manager (same
        // clock) refreshes before use: no 401 at all.
        m_clock->advanceSecs(31 * 60);
        auto second = m_client->contact(id);
        AWAIT_OK(second);
        tokenCalls = 0;
        for (const auto &e : m_hs->requestLog())
            tokenCalls += e.path == u"/oauth/v1/token"_s ? 1 : 0;
        QCOMPARE(tokenCalls, 2);
        QCOMPARE(countStatus(401), 0);

        // Expired on the server early (revoked, clock skew): 401
        // EXPIRED_AUTHENTICATION → one refresh → the retry succeeds.
        auto current = m_tokens->accessToken();
        AWAIT_OK(current);
        m_hs->auth().expireAccessToken(current.result()->value);
        auto third = m_client->contact(id);
        AWAIT_OK(third);
        QCOMPARE(countStatus(401), 1);
        tokenCalls = 0;
        for (const auto &e : m_hs->requestLog())
            tokenCalls += e.path == u"/oauth/v1/token"_s ? 1 : 0;
        QCOMPARE(tokenCalls, 3);
    }

    void refusedPrivateTokenIsUnauthorized()
    {
        const QString id = seedContact(u"a@example.com"_s);
        m_hs->auth().revokePrivateAppToken(m_hs->auth().defaultPrivateAppToken());
        auto read = m_client->contact(id);
        AWAIT(read);
        QCOMPARE(read.result().error().code, ErrorCode::Unauthorized);
        QCOMPARE(countStatus(401), 1); // the same secret again: no second try
        // A rotated secret is picked up on the next 401.
        const QString fresh = m_hs->auth().addPrivateAppToken();
        m_store->values.insert(Security::SecretName::HubSpotToken.toString(), fresh);
        auto again = m_client->contact(id);
        AWAIT_OK(again);
        QCOMPARE(countStatus(401), 2);
    }

    void missingPrivateTokenSaysWhatToSet()
    {
        m_store->values.clear();
        m_client = makeClient(clientSettings());
        auto read = m_client->contact(u"1"_s);
        AWAIT(read);
        QCOMPARE(read.result().error().code, ErrorCode::Unauthorized);
        QVERIFY(read.result().error().message.contains(u"HUBSPOT_TOKEN"_s));
        QVERIFY(apiLog().isEmpty());
    }

    void transientFailures_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("drop");
        QTest::newRow("500") << 500 << false;
        QTest::newRow("502") << 502 << false;
        QTest::newRow("423 locked") << 423 << false;
        QTest::newRow("connection dropped") << 0 << true;
    }
    void transientFailures()
    {
        QFETCH(int, status);
        QFETCH(bool, drop);
        const QString id = seedContact(u"a@example.com"_s);
        m_hs->injectFault({u"/contacts/"_s + id, 2, status, 0, drop, {}});
        auto read = m_client->contact(id);
        if (status == 423) // 2 s wait from the error class
            QTRY_VERIFY_WITH_TIMEOUT(read.isFinished(), 15000);
        AWAIT_OK(read);
        QCOMPARE(apiLog().size(), 3);
        QCOMPARE(apiLog().last().status, 200);
    }

    void createWithoutUniqueKeyIsNotRetried()
    {
        m_hs->injectFault({u"/crm/v3/objects/contacts"_s, 1, 503, 0, false, u"POST"_s});
        auto created = m_client->createContact({{u"firstname"_s, u"Nameless"_s}});
        AWAIT(created);
        QCOMPARE(created.result().error().code, ErrorCode::Network);
        QVERIFY(created.result().error().retryable);
        QCOMPARE(apiLog().size(), 1);
        QCOMPARE(m_hs->portal().count(u"contacts"_s), 0);
    }

    void lostAnswerOfACreateGivesOneRecord()
    {
        // The emulator creates the contact and holds the answer past the
        // client's timeout; the client re-sends, gets 409, and returns the
        // record it made — exactly one contact.
        auto settings = clientSettings();
        settings.requestTimeout = std::chrono::milliseconds(300);
        m_client = makeClient(settings);
        m_hs->injectFault({u"/crm/v3/objects/contacts"_s, 1, 0, 800, false, u"POST"_s});
        auto created = m_client->createContact({{u"email"_s, u"lost@example.com"_s}, {u"firstname"_s, u"Lost"_s}});
        AWAIT_OK(created);
        QVERIFY(created.result()->alreadyExisted);
        QCOMPARE(m_hs->portal().count(u"contacts"_s), 1);
        QCOMPARE(created.result()->contact.firstName, u"Lost"_s);
    }

    void archiveWhoseAnswerWasLost()
    {
        auto settings = clientSettings();
        settings.requestTimeout = std::chrono::milliseconds(300);
        m_client = makeClient(settings);
        const QString id = seedContact(u"a@example.com"_s);
        m_hs->injectFault({u"/contacts/"_s + id, 1, 0, 800, false, u"DELETE"_s});
        auto archived = m_client->archiveContact(id);
        AWAIT_OK(archived); // the retry's 404 means done
        QCOMPARE(m_hs->portal().count(u"contacts"_s), 0);
    }

    void classesOfRefusal_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<Concord::ErrorCode>("code");
        QTest::newRow("403") << 403 << ErrorCode::PermissionDenied;
        QTest::newRow("404") << 404 << ErrorCode::NotFound;
        QTest::newRow("409") << 409 << ErrorCode::Conflict;
        QTest::newRow("400") << 400 << ErrorCode::RemoteValidation;
    }
    void classesOfRefusal()
    {
        QFETCH(int, status);
        QFETCH(Concord::ErrorCode, code);
        const QString id = seedContact(u"a@example.com"_s);
        m_hs->injectFault({u"/contacts/"_s + id, 1, status, 0, false, {}});
        auto read = m_client->contact(id);
        AWAIT(read);
        QCOMPARE(read.result().error().code, code);
        QCOMPARE(read.result().error().httpStatus, status);
        QVERIFY(!read.result().error().requestId.isEmpty()); // the correlation id
        QCOMPARE(apiLog().size(), 1); // never retried
    }

    void validationFromTheServer()
    {
        auto unknown = m_client->createContact({{u"email"_s, u"a@example.com"_s}, {u"favourite_colour"_s, u"blue"_s}});
        AWAIT(unknown);
        const Error e = unknown.result().error();
        QCOMPARE(e.code, ErrorCode::RemoteValidation);
        // The property's own code and HubSpot's sentence, not the JSON text around it.
        QCOMPARE(e.remoteCode, u"PROPERTY_DOESNT_EXIST"_s);
        QCOMPARE(e.message, u"HubSpot: Property \"favourite_colour\" does not exist"_s);
        QVERIFY2(e.detail.contains(u"VALIDATION_ERROR"_s), qPrintable(e.detail));
        QVERIFY2(e.detail.contains(u"favourite_colour"_s), qPrintable(e.detail));
        auto readOnly = m_client->createContact({{u"email"_s, u"b@example.com"_s}, {u"hs_object_id"_s, u"5"_s}});
        AWAIT(readOnly);
        QCOMPARE(readOnly.result().error().code, ErrorCode::RemoteValidation);
        // A bare date in a search filter: HubSpot's category-less 400.
        SearchRequest bad;
        bad.filterGroups = {{Filter::gte(u"lastmodifieddate"_s, u"2020-11-15"_s)}};
        auto search = m_client->search(ObjectType::Contacts, bad);
        AWAIT(search);
        QCOMPARE(search.result().error().code, ErrorCode::RemoteValidation);
        QCOMPARE(search.result().error().message, u"HubSpot: There was a problem with the request."_s);
        QCOMPARE(m_hs->portal().count(u"contacts"_s), 0);
    }

    // A mistyped address: HubSpot's INVALID_EMAIL, read into the property's
    // code and sentence; a person must fix it, so never retried.
    void invalidEmailIsRefusedForAPerson()
    {
        auto made = m_client->createContact({{u"email"_s, u"dan.wu@example,com"_s}, {u"firstname"_s, u"Dan"_s}});
        AWAIT(made);
        const Error e = made.result().error();
        QCOMPARE(e.code, ErrorCode::RemoteValidation);
        QCOMPARE(e.httpStatus, 400);
        QVERIFY(!e.retryable);
        QCOMPARE(e.remoteCode, u"INVALID_EMAIL"_s);
        QCOMPARE(e.message, u"HubSpot: Email address dan.wu@example,com is invalid"_s);
        QVERIFY2(e.detail.contains(u"email: INVALID_EMAIL"_s), qPrintable(e.detail));
        QVERIFY(!e.requestId.isEmpty());
        QCOMPARE(apiLog().size(), 1);
        QCOMPARE(m_hs->portal().count(u"contacts"_s), 0);
    }

    void searchPastTheCapIsRefused()
    {
        // What the client's keyset paging avoids: offset paging past the cap.
        m_hs->portal().setSearchResultCap(50);
        m_hs->seedBulkContacts(120, m_start.addDays(-1).toMSecsSinceEpoch(), 1000);
        SearchRequest r;
        r.limit = 100;
        r.after = u"50"_s;
        auto page = m_client->search(ObjectType::Contacts, r);
        AWAIT(page);
        QCOMPARE(page.result().error().code, ErrorCode::RemoteValidation);
        r.after.clear();
        auto first = m_client->search(ObjectType::Contacts, r);
        AWAIT_OK(first);
        QCOMPARE(first.result()->total, 120);
        QCOMPARE(first.result()->results.size(), 50); // only the cap is reachable
        QVERIFY(first.result()->nextAfter.isEmpty());
    }

    void argumentsRefusedBeforeSending()
    {
        auto noId = m_client->contact({});
        auto noProps = m_client->updateContact(u"1"_s, {});
        auto badEmail = m_client->contactByEmail(u"nope"_s);
        auto badDeal = m_client->createDeal({{u"dealname"_s, u"x"_s}});
        auto noDue = m_client->createTask({u"x"_s, {}, {}, u"NOT_STARTED"_s, u"LOW"_s, u"TODO"_s, {}}, u"1"_s);
        auto bigLimit = m_client->search(ObjectType::Contacts, SearchRequest{{}, {}, {}, {}, 500, {}});
        for (auto *f : {&noId, &noProps, &badEmail})
            QCOMPARE(f->result().error().code, ErrorCode::InvalidArgument);
        QCOMPARE(badDeal.result().error().code, ErrorCode::InvalidArgument);
        QCOMPARE(noDue.result().error().code, ErrorCode::InvalidArgument);
        QCOMPARE(bigLimit.result().error().code, ErrorCode::InvalidArgument);
        QVERIFY(apiLog().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHsClientErrors)
#include "tst_hsclienterrors.moc"
