// Contract tests of QuickBooksClient's error handling against the QuickBooks
// emulator: every error class, and what the emulator holds afterwards.

#include "qboclientfixture.h"

#include "connectors/quickbooks/displayname.h"

#include <QSignalSpy>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::QuickBooks;
using Concord::Sandbox::QuickBooksEmulator;
using Concord::Test::kRealm;

namespace {

Customer person(const QString &name, const QString &email = {})
{
    Customer c;
    c.displayName = name;
    c.primaryEmail = email;
    return c;
}

// Largest number of instants inside any window of `windowMs` (t − w, t].
int maxInWindow(QList<qint64> instants, qint64 windowMs)
{
    std::sort(instants.begin(), instants.end());
    int best = 0;
    qsizetype first = 0;
    for (qsizetype i = 0; i < instants.size(); ++i) {
        while (instants.at(i) - instants.at(first) >= windowMs)
            ++first;
        best = std::max(best, int(i - first + 1));
    }
    return best;
}

} // namespace

class TestQboClientErrors : public QObject, public Concord::Test::QboClientFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUpWorld(); }
    void cleanup() { tearDownWorld(); }

    void lostResponseIsRetriedWithTheSameRequestId();
    void droppedConnectionIsRetried();
    void serverErrorsAreRetriedWithinBounds();
    void restartReusesTheRequestId();
    void throttledPausesTheRealmAndSucceeds();
    void emulatorThrottleUnderConcurrency();
    void budgetsHoldUnderLoad();
    void staleObjectIsReReadAndReApplied();
    void staleObjectRetriesAreBounded();
    void duplicateNameIsDisambiguated();
    void duplicateNameReturnsTheSamePerson();
    void expiredAccessTokenIsRefreshed();
    void rotatedRefreshTokenIsSavedBeforeTheRetry();
    void secondUnauthorizedParksTheConnection();
    void notFoundAndValidationAreReturnedUnchanged();
};

void TestQboClientErrors::lostResponseIsRetriedWithTheSameRequestId()
{
    // The emulator executes at once and answers after 1.5 s; the client gives
    // up after 300 ms and sends again: the same requestid is replayed.
    auto s = clientSettings();
    s.requestTimeout = std::chrono::milliseconds(300);
    m_client = makeClient(s);
    m_qbo->injectFault(QuickBooksEmulator::FaultRule{u"/customer?"_s, 1, 0, {}, 1500, false});

    auto created = m_client->createCustomer(u"lost-1"_s, person(u"Lost Response"_s, u"lost@example.com"_s));
    AWAIT_OK(created);
    const QList<Customer> all = stored<Customer>(u"Customer");
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first(), created.result()->customer);

    QList<QuickBooksEmulator::LogEntry> posts;
    for (const auto &e : apiLog()) {
        if (e.method == u"POST"_s)
            posts << e;
    }
    QCOMPARE(posts.size(), 2);
    QCOMPARE(posts.at(0).requestId, posts.at(1).requestId);
    QCOMPARE(posts.at(0).requestId, m_client->requestIdFor(u"lost-1"_s, u"create/customer"_s, u"0"_s));
}

void TestQboClientErrors::droppedConnectionIsRetried()
{
    // "drop" closes the connection before the emulator executes anything.
    m_qbo->injectFault(QuickBooksEmulator::FaultRule{u"/invoice?"_s, 1, 0, {}, 0, true});
    const QString customerId = seedCustomer(u"Drop Test"_s);
    const QString itemId = seedItem(u"Lesson"_s, 50);
    Invoice invoice;
    invoice.customerRef.value = customerId;
    SalesLine line;
    line.amount = Concord::Test::usd(5000);
    line.salesItem.itemRef.value = itemId;
    invoice.lines = {line};

    auto created = m_client->createInvoice(u"drop-1"_s, invoice);
    AWAIT_OK(created);
    QCOMPARE(stored<Invoice>(u"Invoice"), QList<Invoice>{*created.result()});
    const auto log = apiLog();
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.at(0).status, 0);
    QCOMPARE(log.at(1).status, 200);
    QCOMPARE(log.at(0).requestId, log.at(1).requestId);
}

void TestQboClientErrors::serverErrorsAreRetriedWithinBounds()
{
    const QString id = seedCustomer(u"Flaky Server"_s);
    m_qbo->injectFault(QuickBooksEmulator::FaultRule{u"/customer/"_s, 2, 503, {}, 0, false});
    auto read = m_client->read<Customer>(id);
    AWAIT_OK(read);
    QCOMPARE(read.result()->id, id);
    QCOMPARE(apiLog().size(), 3);

    // A lasting outage: networkRetry's 4 attempts, then the Network error.
    m_qbo->clearLog();
    m_qbo->injectFault(QuickBooksEmulator::FaultRule{u"/customer/"_s, 100, 500, {}, 0, false});
    auto failed = m_client->read<Customer>(id);
    AWAIT(failed);
    QVERIFY(!failed.result().has_value());
    QCOMPARE(failed.result().error().code, ErrorCode::Network);
    QCOMPARE(failed.result().error().httpStatus, 500);
    QCOMPARE(apiLog().size(), 4);
}

void TestQboClientErrors::restartReusesTheRequestId()
{
    auto first = m_client->createCustomer(u"outbox-42"_s, person(u"Once Only"_s, u"once@example.com"_s));
    AWAIT_OK(first);

    // A new client (as after a restart) with the outbox job's stored key.
    m_client = makeClient(clientSettings());
    auto second = m_client->createCustomer(u"outbox-42"_s, person(u"Once Only"_s, u"once@example.com"_s));
    AWAIT_OK(second);
    QCOMPARE(second.result()->customer.id, first.result()->customer.id);
    QCOMPARE(stored<Customer>(u"Customer"), QList<Customer>{first.result()->customer});
    const auto log = apiLog();
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.at(0).requestId, log.at(1).requestId);
}

void TestQboClientErrors::throttledPausesTheRealmAndSucceeds()
{
    const QString id = seedCustomer(u"Throttle Me"_s);
    m_qbo->injectFault(QuickBooksEmulator::FaultRule{u"/customer/"_s, 1, 429, u"3001"_s, 0, false});
    QList<qint64> dispatched;
    connect(m_limiter.get(), &Connectors::RateLimiter::dispatched, this,
            [&](const QString &key, const QString &, qint64 at) {
                if (key == kRealm)
                    dispatched << at;
            });
    QElapsedTimer real;
    real.start();
    auto read = m_client->read<Customer>(id);
    AWAIT_OK(read);
    QVERIFY(real.elapsed() < 5000);
    QCOMPARE(dispatched.size(), 2);
    // QBO says "wait 60 seconds": the realm was paused that long (budget time).
    QVERIFY2(dispatched.at(1) - dispatched.at(0) >= 60000,
             qPrintable(QString::number(dispatched.at(1) - dispatched.at(0))));
    const auto log = apiLog();
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.at(0).status, 429);
    QCOMPARE(log.at(1).status, 200);
}

void TestQboClientErrors::emulatorThrottleUnderConcurrency()
{
    // The emulator allows 3 per second; our limiter 10: QBO answers 429 and
    // the client pauses the realm (60 budget s = 60 ms) and gets everything
    // through. Emulator ×60: its 1 s window lasts 17 ms of real time.
    const QString id = seedCustomer(u"Crowded"_s);
    m_qbo->setThrottlingEnabled(true);
    m_qbo->setTimeScale(60);
    m_qbo->setThrottleLimits(Sandbox::QboRateLimiter::Limits{500, 3, 10, 40});
    QList<QFuture<Result<Customer>>> reads;
    for (int i = 0; i < 12; ++i)
        reads << m_client->read<Customer>(id);
    for (auto &f : reads) {
        AWAIT_OK(f);
        QCOMPARE(f.result()->id, id);
    }
    int throttled = 0;
    for (const auto &e : apiLog())
        throttled += e.status == 429 ? 1 : 0;
    QVERIFY(throttled > 0);
    QCOMPARE(apiLog().size(), 12 + throttled);
}

void TestQboClientErrors::budgetsHoldUnderLoad()
{
    const QString id = seedCustomer(u"Load"_s);
    QList<qint64> all;
    QList<qint64> batches;
    int maxInFlight = 0;
    connect(m_limiter.get(), &Connectors::RateLimiter::dispatched, this,
            [&](const QString &key, const QString &rateClass, qint64 at) {
                if (key != kRealm)
                    return;
                all << at;
                if (rateClass == u"batch"_s)
                    batches << at;
                maxInFlight = std::max(maxInFlight, m_limiter->inFlightCount(kRealm));
            });
    BatchRequest queries;
    QVERIFY_OK(queries.addQuery(u"q"_s, u"SELECT COUNT(*) FROM Customer"_s));
    QList<QFuture<Result<Customer>>> reads;
    QList<QFuture<Result<BatchResponse>>> batchCalls;
    for (int i = 0; i < 60; ++i)
        reads << m_client->read<Customer>(id);
    for (int i = 0; i < 45; ++i)
        batchCalls << m_client->batch(QString(), queries);
    for (auto &f : reads)
        AWAIT_OK(f);
    for (auto &f : batchCalls)
        AWAIT_OK(f);
    QCOMPARE(all.size(), 105);
    QVERIFY(maxInFlight <= 10);
    QVERIFY(maxInFlight >= 1);
    QVERIFY(maxInWindow(all, 1000) <= 10);
    QVERIFY(maxInWindow(all, 60000) <= 500);
    QVERIFY(maxInWindow(batches, 60000) <= 40);
    // 45 batches need more than one minute of budget.
    std::sort(batches.begin(), batches.end());
    QVERIFY(batches.last() - batches.first() >= 60000);
}

void TestQboClientErrors::staleObjectIsReReadAndReApplied()
{
    const QString id = seedCustomer(u"Sam Stale"_s, u"sam@example.com"_s);
    auto before = m_client->read<Customer>(id);
    AWAIT_OK(before);
    QCOMPARE(before.result()->syncToken, u"0"_s);
    // Someone edits the customer in QBO between our read and our update.
    QVERIFY(m_qbo->editCustomer(kRealm, id, QJsonObject{{u"CompanyName"_s, u"Edited Elsewhere"_s}}).has_value());
    m_qbo->clearLog();

    auto updated = m_client->updateCustomer(u"stale-1"_s, id, before.result()->syncToken,
                                            QJsonObject{{u"Notes"_s, u"from Concord"_s}});
    AWAIT_OK(updated);
    const QJsonObject stored = m_qbo->entity(kRealm, u"Customer"_s, id);
    QCOMPARE(stored.value(u"CompanyName"_s).toString(), u"Edited Elsewhere"_s); // theirs kept
    QCOMPARE(stored.value(u"Notes"_s).toString(), u"from Concord"_s);            // ours applied
    QCOMPARE(stored.value(u"SyncToken"_s).toString(), u"2"_s);
    QCOMPARE(*Customer::fromJson(stored), *updated.result());

    const auto log = apiLog();
    QCOMPARE(log.size(), 3);
    QCOMPARE(log.at(0).method, u"POST"_s);
    QCOMPARE(log.at(0).status, 400);
    QCOMPARE(log.at(1).method, u"GET"_s);
    QCOMPARE(log.at(2).method, u"POST"_s);
    QCOMPARE(log.at(2).status, 200);
    // A new body (new SyncToken) → a new requestid revision.
    QCOMPARE(log.at(0).requestId, m_client->requestIdFor(u"stale-1"_s, u"update/customer/"_s + id, u"0"_s));
    QCOMPARE(log.at(2).requestId, m_client->requestIdFor(u"stale-1"_s, u"update/customer/"_s + id, u"1"_s));
}

void TestQboClientErrors::staleObjectRetriesAreBounded()
{
    const QString id = seedCustomer(u"Always Stale"_s);
    m_qbo->injectFault(QuickBooksEmulator::FaultRule{u"/customer?"_s, 100, 400, u"5010"_s, 0, false});
    auto updated = m_client->updateCustomer(u"stale-2"_s, id, u"0"_s, QJsonObject{{u"Notes"_s, u"x"_s}});
    AWAIT(updated);
    QVERIFY(!updated.result().has_value());
    QCOMPARE(updated.result().error().code, ErrorCode::StaleObject);
    int posts = 0;
    for (const auto &e : apiLog())
        posts += e.method == u"POST"_s ? 1 : 0;
    QCOMPARE(posts, 1 + clientSettings().maxStaleRetries);
    QVERIFY(!m_qbo->entity(kRealm, u"Customer"_s, id).contains(u"Notes"_s));
}

void TestQboClientErrors::duplicateNameIsDisambiguated()
{
    const QString other = seedCustomer(u"Dana Whitfield"_s, u"someone.else@example.com"_s);
    auto created = m_client->createCustomer(u"dup-1"_s, person(u"Dana Whitfield"_s, u"dana@example.com"_s));
    AWAIT_OK(created);
    QVERIFY(!created.result()->alreadyExisted);
    QVERIFY(created.result()->customer.id != other);
    QCOMPARE(created.result()->customer.displayName,
             displayNameCandidates(u"Dana Whitfield"_s, u"dana@example.com"_s).at(1));
    QCOMPARE(stored<Customer>(u"Customer").size(), 2);
    QCOMPARE(*Customer::fromJson(m_qbo->entity(kRealm, u"Customer"_s, created.result()->customer.id)),
             created.result()->customer);

    // Without an email: the hash candidate, deterministic.
    auto noEmail = m_client->createCustomer(u"dup-2"_s, person(u"Dana Whitfield"_s));
    AWAIT_OK(noEmail);
    const QStringList candidates = displayNameCandidates(u"Dana Whitfield"_s);
    QCOMPARE(noEmail.result()->customer.displayName, candidates.at(1));
    QCOMPARE(stored<Customer>(u"Customer").size(), 3);
}

void TestQboClientErrors::duplicateNameReturnsTheSamePerson()
{
    auto first = m_client->createCustomer(u"person-1"_s, person(u"Robin Lee"_s, u"robin@example.com"_s));
    AWAIT_OK(first);
    // Another outbox job for the same person (a different key): 6240 on the
    // name, the email finds the existing record, nothing new is created.
    auto second = m_client->createCustomer(u"person-2"_s, person(u"Robin Lee"_s, u"ROBIN@example.com"_s));
    AWAIT_OK(second);
    QVERIFY(second.result()->alreadyExisted);
    QCOMPARE(second.result()->customer, first.result()->customer);
    QCOMPARE(stored<Customer>(u"Customer"), QList<Customer>{first.result()->customer});
}

void TestQboClientErrors::expiredAccessTokenIsRefreshed()
{
    const QString id = seedCustomer(u"Token Holder"_s);
    auto warm = m_client->read<Customer>(id);
    AWAIT_OK(warm);
    const auto warmLog = m_qbo->requestLog();
    const int tokenCallsBefore = int(std::count_if(warmLog.begin(), warmLog.end(),
                                                   [](const auto &e) { return e.path.contains(u"tokens/bearer"_s); }));
    QCOMPARE(tokenCallsBefore, 1);

    // QBO's clock passes the access token's hour; the token manager's has not.
    m_clock->advanceSecs(3700);
    m_qbo->clearLog();
    auto read = m_client->read<Customer>(id);
    AWAIT_OK(read);
    const auto log = m_qbo->requestLog();
    QCOMPARE(log.size(), 3);
    QCOMPARE(log.at(0).status, 401);
    QVERIFY(log.at(1).path.contains(u"tokens/bearer"_s));
    QCOMPARE(log.at(1).status, 200);
    QCOMPARE(log.at(2).status, 200);
    QCOMPARE(m_tokens->state(), Connectors::OAuth::TokenManager::State::Connected);

    // Both clocks past expiry: the token manager refreshes before asking, no 401.
    m_clock->advanceSecs(3700);
    m_tokenClock->advanceSecs(2 * 3700);
    m_qbo->clearLog();
    auto again = m_client->read<Customer>(id);
    AWAIT_OK(again);
    for (const auto &e : m_qbo->requestLog())
        QVERIFY(e.status != 401);
}

void TestQboClientErrors::rotatedRefreshTokenIsSavedBeforeTheRetry()
{
    m_qbo->auth().setRotationIntervalSecs(0); // a new refresh token on every refresh
    const QString id = seedCustomer(u"Rotator"_s);
    auto warm = m_client->read<Customer>(id);
    AWAIT_OK(warm);
    const QString before = m_store->values.value(m_refreshName);

    qsizetype logSizeAtWrite = -1;
    QString written;
    m_store->onWrite = [&](const QString &name, const QString &value) {
        if (name == m_refreshName) {
            logSizeAtWrite = m_qbo->requestLog().size();
            written = value;
        }
    };
    m_clock->advanceSecs(3700);
    m_qbo->clearLog();
    auto read = m_client->read<Customer>(id);
    AWAIT_OK(read);
    QVERIFY(!written.isEmpty());
    QVERIFY(written != before);
    QCOMPARE(m_store->values.value(m_refreshName), written);
    // Log: 401, token refresh, retried read. The store was written after the
    // refresh answered and before the retried read reached QBO.
    const auto log = m_qbo->requestLog();
    QCOMPARE(log.size(), 3);
    QCOMPARE(logSizeAtWrite, 2);
    QCOMPARE(log.at(2).status, 200);
}

void TestQboClientErrors::secondUnauthorizedParksTheConnection()
{
    const QString id = seedCustomer(u"Refused"_s);
    m_qbo->injectFault(QuickBooksEmulator::FaultRule{u"/customer/"_s, 2, 401, u"3200"_s, 0, false});
    auto read = m_client->read<Customer>(id);
    AWAIT(read);
    QVERIFY(!read.result().has_value());
    QCOMPARE(read.result().error().code, ErrorCode::Unauthorized);
    QCOMPARE(m_tokens->state(), Connectors::OAuth::TokenManager::State::NeedsReconnect);
    QCOMPARE(apiLog().size(), 2); // refresh once, retry once, give up

    // Parked: later calls fail at once, without reaching QBO.
    m_qbo->clearLog();
    auto later = m_client->read<Customer>(id);
    AWAIT(later);
    QCOMPARE(later.result().error().code, ErrorCode::Unauthorized);
    QVERIFY(apiLog().isEmpty());
}

void TestQboClientErrors::notFoundAndValidationAreReturnedUnchanged()
{
    auto missing = m_client->read<Customer>(u"99999"_s);
    AWAIT(missing);
    QVERIFY(!missing.result().has_value());
    QCOMPARE(missing.result().error().code, ErrorCode::NotFound);
    QCOMPARE(missing.result().error().remoteCode, u"610"_s);
    QCOMPARE(missing.result().error().httpStatus, 400);
    QCOMPARE(apiLog().size(), 1); // not retried

    m_qbo->clearLog();
    auto invalid = m_client->create<Item>(u"item-1"_s, Item{}); // no Name
    AWAIT(invalid);
    QVERIFY(!invalid.result().has_value());
    QCOMPARE(invalid.result().error().code, ErrorCode::RemoteValidation);
    QCOMPARE(invalid.result().error().remoteCode, u"2020"_s);
    QCOMPARE(invalid.result().error().httpStatus, 400);
    QVERIFY(!invalid.result().error().requestId.isEmpty()); // intuit_tid kept for support
    QCOMPARE(apiLog().size(), 1);
    QVERIFY(stored<Item>(u"Item").isEmpty());
}

QTEST_GUILESS_MAIN(TestQboClientErrors)
#include "tst_qboclienterrors.moc"
