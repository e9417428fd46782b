#include "../support/localhttpserver.h"
#include "../support/memorysecretstore.h"

#include "common/clock.h"
#include "connectors/http/httpexecutor.h"
#include "connectors/oauth/tokenmanager.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Connectors;
using namespace Concord::Connectors::OAuth;
using Concord::Test::CannedReply;
using Concord::Test::LocalHttpServer;
using Concord::Test::MemorySecretStore;
using Concord::Test::RecordedRequest;
using AccessToken = TokenManager::AccessToken;

#define AWAIT(future) QTRY_VERIFY_WITH_TIMEOUT((future).isFinished(), 5000)

namespace {
const QString ClientId = u"client-1"_s;
const QString ClientSecret = u"s3cret"_s;
const QString SecretName = u"QUICKBOOKS_CLIENT_SECRET"_s;
const QString RefreshName = u"QUICKBOOKS_REFRESH_TOKEN"_s;
} // namespace

// A token endpoint in the manner of Intuit's: Basic auth, refresh-token
// rotation on every refresh, invalid_grant for anything but the current
// refresh token, a refresh-token lifetime the test controls.
class TestTokenManager : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_start = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    ManualClock m_clock{m_start};
    QNetworkAccessManager m_manager;
    std::optional<HttpExecutor> m_executor;
    std::optional<LocalHttpServer> m_server;
    std::optional<MemorySecretStore> m_store;

    // Endpoint state.
    QString m_validRefresh = u"rt-0"_s;
    QString m_validCode = u"code-xyz"_s;
    int m_issued = 0;
    bool m_rotate = true;
    std::optional<QDateTime> m_hardEnd; // remaining lifetime shrinks towards it
    QList<RecordedRequest> tokenRequests() const
    {
        QList<RecordedRequest> found;
        for (const RecordedRequest &r : m_server->requests) {
            if (r.path == u"/oauth2/v1/tokens/bearer")
                found.append(r);
        }
        return found;
    }

    CannedReply tokens()
    {
        ++m_issued;
        if (m_rotate)
            m_validRefresh = u"rt-%1"_s.arg(m_issued);
        const qint64 refreshLife = m_hardEnd ? m_clock.nowUtc().secsTo(*m_hardEnd) : 100LL * 86400;
        const QJsonObject body{{u"token_type"_s, u"bearer"_s},
                               {u"expires_in"_s, 3600},
                               {u"refresh_token"_s, m_validRefresh},
                               {u"x_refresh_token_expires_in"_s, refreshLife},
                               {u"access_token"_s, u"at-%1"_s.arg(m_issued)}};
        return CannedReply::json(QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    CannedReply handle(const RecordedRequest &request)
    {
        const QByteArray expectedAuth =
            "Basic " + (ClientId + u':' + ClientSecret).toUtf8().toBase64();
        if (request.header("Authorization") != expectedAuth)
            return CannedReply::json(R"({"error":"invalid_client"})", 401);
        if (request.path == u"/revoke")
            return CannedReply::json("{}");
        const QUrlQuery form = request.form();
        const QString grant = form.queryItemValue(u"grant_type"_s);
        if (grant == u"refresh_token" && form.queryItemValue(u"refresh_token"_s) == m_validRefresh)
            return tokens();
        if (grant == u"authorization_code" && form.queryItemValue(u"code"_s) == m_validCode)
            return tokens();
        return CannedReply::json(
            R"({"error":"invalid_grant","error_description":"Incorrect or invalid refresh token"})", 400);
    }

    OAuthSettings settings() const
    {
        OAuthSettings s = OAuthSettings::quickBooks(ClientId, m_server->url(u"/oauth2/v1/tokens/bearer"_s));
        s.authorizationUrl = m_server->url(u"/connect/oauth2"_s);
        s.revokeUrl = m_server->url(u"/revoke"_s);
        return s;
    }

    std::unique_ptr<TokenManager> makeManager()
    {
        return std::make_unique<TokenManager>(settings(), *m_executor, *m_store, m_clock);
    }

    void advance(qint64 secs) { m_clock.setNow(m_clock.nowUtc().addSecs(secs)); }

private Q_SLOTS:
    void init()
    {
        m_clock.setNow(m_start);
        m_validRefresh = u"rt-0"_s;
        m_issued = 0;
        m_rotate = true;
        m_hardEnd.reset();
        m_executor.emplace(&m_manager, m_clock);
        m_server.emplace();
        QVERIFY(m_server->listen());
        m_server->setHandler([this](const RecordedRequest &r) { return handle(r); });
        m_store.emplace();
        m_store->values.insert(SecretName, ClientSecret);
        m_store->values.insert(RefreshName, u"rt-0"_s);
    }

    void cleanup()
    {
        m_executor.reset();
        m_server.reset();
        m_store.reset();
    }

    void refreshesBeforeExpiry()
    {
        auto manager = makeManager();
        QFuture<Result<AccessToken>> first = manager->accessToken();
        AWAIT(first);
        QVERIFY(first.result().has_value());
        QCOMPARE(first.result()->value, u"at-1"_s);
        QCOMPARE(first.result()->expiresAt, m_start.addSecs(3600));
        QCOMPARE(manager->state(), TokenManager::State::Connected);

        const QList<RecordedRequest> sent = tokenRequests();
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().method, QByteArray("POST"));
        QCOMPARE(sent.first().header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(sent.first().header("Accept"), QByteArray("application/json"));
        QCOMPARE(sent.first().form().queryItemValue(u"grant_type"_s), u"refresh_token"_s);
        QCOMPARE(sent.first().form().queryItemValue(u"refresh_token"_s), u"rt-0"_s);
        QVERIFY(!sent.first().body.contains("s3cret")); // the secret goes in the header only

        // Cached while more than the 5-minute margin is left.
        advance(3600 - 301);
        QFuture<Result<AccessToken>> cached = manager->accessToken();
        QVERIFY(cached.isFinished());
        QCOMPARE(cached.result()->value, u"at-1"_s);
        QCOMPARE(tokenRequests().size(), 1);

        advance(1); // 5 minutes before expiry: refresh early
        QFuture<Result<AccessToken>> renewed = manager->accessToken();
        AWAIT(renewed);
        QCOMPARE(renewed.result()->value, u"at-2"_s);
        QCOMPARE(tokenRequests().size(), 2);
        QCOMPARE(tokenRequests().last().form().queryItemValue(u"refresh_token"_s), u"rt-1"_s);
        QCOMPARE(m_store->values.value(RefreshName), u"rt-2"_s);
    }

    void oneRefreshForTwentyCallers()
    {
        auto manager = makeManager();
        QList<QFuture<Result<AccessToken>>> futures;
        for (int i = 0; i < 20; ++i)
            futures.append(manager->accessToken());
        for (const auto &future : std::as_const(futures)) {
            AWAIT(future);
            QVERIFY(future.result().has_value());
            QCOMPARE(future.result()->value, u"at-1"_s);
        }
        QCOMPARE(tokenRequests().size(), 1);
        QCOMPARE(m_store->writes, 1);

        // And again at expiry, with callers arriving while the refresh runs.
        advance(3600);
        futures.clear();
        for (int i = 0; i < 10; ++i)
            futures.append(manager->accessToken());
        QTRY_COMPARE(tokenRequests().size(), 2);
        for (int i = 0; i < 10; ++i)
            futures.append(manager->accessToken());
        for (const auto &future : std::as_const(futures)) {
            AWAIT(future);
            QCOMPARE(future.result()->value, u"at-2"_s);
        }
        QCOMPARE(tokenRequests().size(), 2);
    }

    void rotationIsSavedBeforeUse()
    {
        auto manager = makeManager();
        QFuture<Result<AccessToken>> future;
        std::optional<bool> deliveredBeforeSave;
        m_store->onWrite = [&](const QString &name, const QString &value) {
            QCOMPARE(name, RefreshName);
            QCOMPARE(value, u"rt-1"_s);
            deliveredBeforeSave = future.isFinished();
        };
        QSignalSpy rotated(manager.get(), &TokenManager::refreshTokenRotated);
        future = manager->accessToken();
        AWAIT(future);
        QVERIFY(future.result().has_value());
        QCOMPARE(deliveredBeforeSave, std::optional<bool>(false));
        QCOMPARE(m_store->values.value(RefreshName), u"rt-1"_s);
        QCOMPARE(rotated.size(), 1);
        QCOMPARE(rotated.first().at(0).toDateTime(), m_start);
        QCOMPARE(rotated.first().at(1).toDateTime(), m_start.addDays(100));
        QCOMPARE(manager->refreshTokenIssuedAt().value_or(QDateTime()), m_start);

        // Same value back (no rotation): nothing to save.
        m_rotate = false;
        advance(3600);
        QFuture<Result<AccessToken>> again = manager->accessToken();
        AWAIT(again);
        QCOMPARE(again.result()->value, u"at-2"_s);
        QCOMPARE(m_store->writes, 1);
        QCOMPARE(rotated.size(), 1);
    }

    void failedSaveKeepsThePreviousToken()
    {
        auto manager = makeManager();
        m_store->failWrites = true;
        // The server keeps the previous refresh token valid (Intuit: 24 h).
        m_server->setHandler([this](const RecordedRequest &r) {
            const QString presented = r.form().queryItemValue(u"refresh_token"_s);
            if (presented == u"rt-0")
                m_validRefresh = presented;
            return handle(r);
        });
        QSignalSpy errors(manager.get(), &TokenManager::errorOccurred);
        QFuture<Result<AccessToken>> future = manager->accessToken();
        AWAIT(future);
        QVERIFY(!future.result().has_value());
        QCOMPARE(future.result().error().code, ErrorCode::Secrets);
        QVERIFY(future.result().error().message.contains(u"keeping the previous"_s));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(m_store->values.value(RefreshName), u"rt-0"_s); // retained
        QCOMPARE(manager->state(), TokenManager::State::Connected); // not parked

        // The next attempt presents the old token again, and succeeds once the store works.
        m_store->failWrites = false;
        QFuture<Result<AccessToken>> retry = manager->accessToken();
        AWAIT(retry);
        QVERIFY(retry.result().has_value());
        QCOMPARE(retry.result()->value, u"at-2"_s);
        QCOMPARE(tokenRequests().size(), 2);
        QCOMPARE(tokenRequests().last().form().queryItemValue(u"refresh_token"_s), u"rt-0"_s);
        QCOMPARE(m_store->values.value(RefreshName), u"rt-2"_s);
    }

    void invalidGrantParksTheConnection()
    {
        m_store->values.insert(RefreshName, u"rt-stale"_s);
        auto manager = makeManager();
        QSignalSpy states(manager.get(), &TokenManager::stateChanged);
        QFuture<Result<AccessToken>> future = manager->accessToken();
        AWAIT(future);
        QVERIFY(!future.result().has_value());
        const Error error = future.result().error();
        QCOMPARE(error.code, ErrorCode::Unauthorized);
        QCOMPARE(error.remoteCode, u"invalid_grant"_s);
        QCOMPARE(error.httpStatus, 400);
        QCOMPARE(manager->state(), TokenManager::State::NeedsReconnect);
        QVERIFY(!states.isEmpty());
        QCOMPARE(tokenRequests().size(), 1);

        // Parked: no further requests, ever, until a reconnect.
        for (int i = 0; i < 5; ++i) {
            advance(3600);
            QFuture<Result<AccessToken>> again = manager->accessToken();
            QVERIFY(again.isFinished());
            QCOMPARE(again.result().error().remoteCode, u"invalid_grant"_s);
            QFuture<Result<AccessToken>> forced = manager->refreshAfterUnauthorized(u"x"_s);
            QVERIFY(forced.isFinished());
            QVERIFY(!forced.result().has_value());
        }
        QCOMPARE(tokenRequests().size(), 1);
    }

    void unauthorizedRefreshesOnceThenParks()
    {
        auto manager = makeManager();
        QFuture<Result<AccessToken>> first = manager->accessToken();
        AWAIT(first);
        QCOMPARE(first.result()->value, u"at-1"_s);

        // Two requests got 401 with at-1: one refresh between them.
        QFuture<Result<AccessToken>> a = manager->refreshAfterUnauthorized(u"at-1"_s);
        QFuture<Result<AccessToken>> b = manager->refreshAfterUnauthorized(u"at-1"_s);
        AWAIT(a);
        AWAIT(b);
        QCOMPARE(a.result()->value, u"at-2"_s);
        QCOMPARE(b.result()->value, u"at-2"_s);
        QCOMPARE(tokenRequests().size(), 2);
        // A late 401 for the old token: already replaced, no request.
        QFuture<Result<AccessToken>> late = manager->refreshAfterUnauthorized(u"at-1"_s);
        QVERIFY(late.isFinished());
        QCOMPARE(late.result()->value, u"at-2"_s);
        QCOMPARE(tokenRequests().size(), 2);

        // The fresh token is refused too: the provider refuses us; park.
        QFuture<Result<AccessToken>> refused = manager->refreshAfterUnauthorized(u"at-2"_s);
        QVERIFY(refused.isFinished());
        QCOMPARE(refused.result().error().code, ErrorCode::Unauthorized);
        QCOMPARE(manager->state(), TokenManager::State::NeedsReconnect);
        QCOMPARE(tokenRequests().size(), 2);
    }

    void warnsFourteenDaysBeforeRefreshTokenExpiry()
    {
        m_hardEnd = m_start.addDays(100); // this refresh token's end does not move
        auto manager = makeManager();
        QSignalSpy expiring(manager.get(), &TokenManager::refreshTokenExpiring);
        QFuture<Result<AccessToken>> future = manager->accessToken();
        AWAIT(future);
        QCOMPARE(manager->refreshTokenExpiresAt().value_or(QDateTime()), m_start.addDays(100));
        QVERIFY(!manager->isRefreshTokenExpiring());

        advance(85 * 86400);
        future = manager->accessToken();
        AWAIT(future);
        QVERIFY(future.result().has_value());
        QVERIFY(!manager->isRefreshTokenExpiring());
        QCOMPARE(expiring.size(), 0);

        advance(86400); // day 86: 14 days left
        future = manager->accessToken();
        AWAIT(future);
        QVERIFY(manager->isRefreshTokenExpiring());
        QCOMPARE(expiring.size(), 1);
        QCOMPARE(expiring.first().at(0).toDateTime(), m_start.addDays(100));
        QCOMPARE(manager->refreshTokenIssuedAt().value_or(QDateTime()), m_start.addDays(86));

        advance(3600); // reported once per expiry instant
        future = manager->accessToken();
        AWAIT(future);
        QCOMPARE(expiring.size(), 1);
    }

    void restoredTimesReportExpiry()
    {
        auto manager = makeManager();
        QSignalSpy expiring(manager.get(), &TokenManager::refreshTokenExpiring);
        manager->setRefreshTokenTimes(m_start.addDays(-86), m_start.addDays(14));
        QVERIFY(manager->isRefreshTokenExpiring());
        QCOMPARE(expiring.size(), 1);
    }

    void revokeOnDisconnect()
    {
        auto manager = makeManager();
        QFuture<Result<AccessToken>> future = manager->accessToken();
        AWAIT(future);
        QFuture<Status> revoked = manager->revoke();
        AWAIT(revoked);
        QVERIFY(revoked.result().has_value());
        const RecordedRequest &request = m_server->requests.last();
        QCOMPARE(request.path, u"/revoke"_s);
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(QJsonDocument::fromJson(request.body).object().value("token"_L1).toString(), u"rt-1"_s);
        QVERIFY(!m_store->values.contains(RefreshName));
        QCOMPARE(manager->state(), TokenManager::State::NotConnected);

        QFuture<Result<AccessToken>> after = manager->accessToken();
        AWAIT(after);
        QCOMPARE(after.result().error().code, ErrorCode::Unauthorized);
        QCOMPARE(tokenRequests().size(), 1);
    }

    void notConnectedWithoutRefreshToken()
    {
        m_store->values.remove(RefreshName);
        auto manager = makeManager();
        QFuture<Result<AccessToken>> future = manager->accessToken();
        AWAIT(future);
        QCOMPARE(future.result().error().code, ErrorCode::Unauthorized);
        QCOMPARE(manager->state(), TokenManager::State::NotConnected);
        QVERIFY(m_server->requests.isEmpty());
    }

    // The whole authorization-code flow with the "browser" played by the
    // test: it reads the authorization URL and performs the provider's
    // redirect to the loopback reply handler itself.
    void authorizationCodeFlowEndToEnd()
    {
        m_store->values.remove(RefreshName);
        auto manager = makeManager();
        QNetworkAccessManager browser;
        QUrl authorizationUrl;
        QList<QNetworkReply *> pages;
        auto openBrowser = [&](const QUrl &url) {
            authorizationUrl = url;
            const QUrlQuery query(url);
            QUrl redirect(query.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
            // A stray redirect with a wrong state first: ignored.
            QUrl forged = redirect;
            forged.setQuery(u"code=evil&state=wrong&realmId=666"_s);
            pages.append(browser.get(QNetworkRequest(forged)));
            QUrlQuery back;
            back.addQueryItem(u"code"_s, m_validCode);
            back.addQueryItem(u"state"_s, query.queryItemValue(u"state"_s, QUrl::FullyDecoded));
            back.addQueryItem(u"realmId"_s, u"9130357766900456"_s);
            redirect.setQuery(back);
            pages.append(browser.get(QNetworkRequest(redirect)));
        };
        QFuture<Result<QMap<QString, QString>>> connected = manager->authorize(openBrowser);
        AWAIT(connected);
        QVERIFY2(connected.result().has_value(),
                 qPrintable(connected.result() ? QString() : connected.result().error().toString()));
        QCOMPARE(connected.result()->value(u"realmId"_s), u"9130357766900456"_s);
        QVERIFY(!connected.result()->contains(u"code"_s));

        const QUrlQuery asked(authorizationUrl);
        QCOMPARE(authorizationUrl.path(), u"/connect/oauth2"_s);
        QCOMPARE(asked.queryItemValue(u"client_id"_s), ClientId);
        QCOMPARE(asked.queryItemValue(u"response_type"_s), u"code"_s);
        QCOMPARE(asked.queryItemValue(u"scope"_s, QUrl::FullyDecoded), u"com.intuit.quickbooks.accounting"_s);
        QVERIFY(!asked.queryItemValue(u"state"_s).isEmpty());
        const QString redirectUri = asked.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded);
        QVERIFY2(redirectUri.startsWith(u"http://127.0.0.1:"_s), qPrintable(redirectUri));

        const QList<RecordedRequest> sent = tokenRequests();
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().form().queryItemValue(u"grant_type"_s), u"authorization_code"_s);
        QCOMPARE(sent.first().form().queryItemValue(u"code"_s), m_validCode);
        QCOMPARE(sent.first().form().queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded), redirectUri);
        QCOMPARE(m_store->values.value(RefreshName), u"rt-1"_s);
        QCOMPARE(manager->state(), TokenManager::State::Connected);

        QFuture<Result<AccessToken>> token = manager->accessToken();
        QVERIFY(token.isFinished());
        QCOMPARE(token.result()->value, u"at-1"_s);
        for (QNetworkReply *page : std::as_const(pages))
            QTRY_VERIFY(page->isFinished());
        qDeleteAll(pages);
    }

    void reconnectUnparks()
    {
        m_store->values.insert(RefreshName, u"rt-stale"_s);
        auto manager = makeManager();
        QFuture<Result<AccessToken>> parked = manager->accessToken();
        AWAIT(parked);
        QCOMPARE(manager->state(), TokenManager::State::NeedsReconnect);
        QNetworkAccessManager browser;
        std::unique_ptr<QNetworkReply> page;
        QFuture<Result<QMap<QString, QString>>> connected = manager->authorize([&](const QUrl &url) {
            const QUrlQuery query(url);
            QUrl redirect(query.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
            redirect.setQuery(u"code=%1&state=%2"_s.arg(m_validCode,
                                                         query.queryItemValue(u"state"_s)));
            page.reset(browser.get(QNetworkRequest(redirect)));
        });
        AWAIT(connected);
        QVERIFY(connected.result().has_value());
        QCOMPARE(manager->state(), TokenManager::State::Connected);
        QVERIFY(manager->accessToken().isFinished());
        QTRY_VERIFY(page->isFinished());
    }

    void browserDenied()
    {
        auto manager = makeManager();
        QNetworkAccessManager browser;
        std::unique_ptr<QNetworkReply> page;
        QFuture<Result<QMap<QString, QString>>> connected = manager->authorize([&](const QUrl &url) {
            const QUrlQuery query(url);
            QUrl redirect(query.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
            redirect.setQuery(u"error=access_denied&state=%1"_s.arg(query.queryItemValue(u"state"_s)));
            page.reset(browser.get(QNetworkRequest(redirect)));
        });
        AWAIT(connected);
        QVERIFY(!connected.result().has_value());
        QCOMPARE(connected.result().error().remoteCode, u"access_denied"_s);
        QVERIFY(tokenRequests().isEmpty());
        QTRY_VERIFY(page->isFinished());
    }
};

QTEST_GUILESS_MAIN(TestTokenManager)
#include "tst_tokenmanager.moc"
