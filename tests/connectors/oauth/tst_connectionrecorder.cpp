// ConnectionRecorder: the refresh token's age survives a restart, and every
// change of a connection's health reaches the store at once.

#include "../support/localhttpserver.h"
#include "../support/memorysecretstore.h"

#include "common/clock.h"
#include "connectors/http/httpexecutor.h"
#include "connectors/oauth/tokenmanager.h"
#include "services/connectionrecorder.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/operationsrepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Connectors;
using namespace Concord::Connectors::OAuth;
using Concord::Domain::Connection;
using Concord::Domain::ConnectionState;
using Concord::Domain::System;
using Concord::Test::CannedReply;
using Concord::Test::LocalHttpServer;
using Concord::Test::MemorySecretStore;
using Concord::Test::RecordedRequest;

#define AWAIT(future) QTRY_VERIFY_WITH_TIMEOUT((future).isFinished(), 5000)

namespace {
const QDateTime Start = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
constexpr qint64 Day = 86400;

QString describe(const Connection &c)
{
    return u"%1 %2 label=%3 base=%4 issued=%5 expires=%6 ok=%7 error=%8"_s.arg(
        Domain::toString(c.system), Domain::toString(c.state), c.accountLabel, c.baseUrl,
        c.refreshIssuedAt.toString(Qt::ISODate), c.refreshExpiresAt.toString(Qt::ISODate),
        c.lastOkAt.toString(Qt::ISODate), c.lastError);
}
} // namespace

class TestConnectionRecorder : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{Start};
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    std::unique_ptr<Store::Database> m_db;
    std::optional<Store::OperationsRepository> m_operations;
    std::optional<HttpExecutor> m_executor;
    std::optional<LocalHttpServer> m_server;
    std::optional<MemorySecretStore> m_secrets;
    QString m_validRefresh;
    int m_issued = 0;
    qint64 m_refreshLifeSecs = 100 * Day;

    CannedReply handle(const RecordedRequest &request)
    {
        if (request.path == u"/revoke")
            return CannedReply::json("{}");
        const QUrlQuery form = request.form();
        if (form.queryItemValue(u"grant_type"_s) != u"refresh_token"
            || form.queryItemValue(u"refresh_token"_s) != m_validRefresh) {
            return CannedReply::json(R"({"error":"invalid_grant"})", 400);
        }
        ++m_issued;
        m_validRefresh = u"rt-%1"_s.arg(m_issued); // rotates on every refresh
        const QJsonObject body{{u"token_type"_s, u"bearer"_s},
                               {u"expires_in"_s, 3600},
                               {u"refresh_token"_s, m_validRefresh},
                               {u"x_refresh_token_expires_in"_s, m_refreshLifeSecs},
                               {u"access_token"_s, u"at-%1"_s.arg(m_issued)}};
        return CannedReply::json(QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    std::unique_ptr<TokenManager> makeManager()
    {
        OAuthSettings settings = OAuthSettings::quickBooks(u"client-1"_s, m_server->url(u"/token"_s));
        settings.revokeUrl = m_server->url(u"/revoke"_s);
        return std::make_unique<TokenManager>(settings, *m_executor, *m_secrets, m_clock);
    }

    Connection storedQuickBooks()
    {
        auto rows = m_operations->connections();
        if (!rows)
            return {};
        return rows->value(0); // allSystems() order: QuickBooks first
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_clock.setNow(Start);
        QFile::remove(m_dir.filePath(u"store.sqlite"_s));
        auto db = Store::Database::open(u"sqlite://"_s + m_dir.filePath(u"store.sqlite"_s));
        QVERIFY(db.has_value());
        m_db = std::move(*db);
        QVERIFY(Store::migrate(*m_db).has_value());
        m_operations.emplace(*m_db, m_clock);
        m_executor.emplace(&m_network, m_clock);
        m_server.emplace();
        QVERIFY(m_server->listen());
        m_server->setHandler([this](const RecordedRequest &r) { return handle(r); });
        m_secrets.emplace();
        m_secrets->values.insert(u"QUICKBOOKS_CLIENT_SECRET"_s, u"s3cret"_s);
        m_secrets->values.insert(u"QUICKBOOKS_REFRESH_TOKEN"_s, u"rt-0"_s);
        m_validRefresh = u"rt-0"_s;
        m_issued = 0;
        m_refreshLifeSecs = 100 * Day;
    }

    void cleanup()
    {
        m_operations.reset();
        m_db.reset();
        m_executor.reset();
        m_server.reset();
        m_secrets.reset();
    }

    // A rotation is written at once, with the token's age; after a
    // "restart" (new manager, new recorder, same store) the manager knows
    // the age again without asking the provider.
    void rotationSurvivesARestart()
    {
        {
            auto tokens = makeManager();
            Services::ConnectionRecorder recorder(System::QuickBooks, *tokens, *m_operations, m_clock);
            recorder.setAccount(u"9130357766012345"_s, u"https://quickbooks.api.intuit.com"_s);
            QVERIFY(recorder.restore().has_value()); // nothing stored yet: fine
            QVERIFY(!tokens->refreshTokenIssuedAt().has_value());

            auto token = tokens->accessToken();
            AWAIT(token);
            QVERIFY(token.result().has_value());
        }
        Connection expected;
        expected.system = System::QuickBooks;
        expected.state = ConnectionState::Connected;
        expected.accountLabel = u"9130357766012345"_s;
        expected.baseUrl = u"https://quickbooks.api.intuit.com"_s;
        expected.refreshIssuedAt = Start;
        expected.refreshExpiresAt = Start.addSecs(100 * Day);
        expected.lastOkAt = Start;
        QCOMPARE(describe(storedQuickBooks()), describe(expected));

        // 90 days later, a new process: no request needed to know that the
        // token ends in 10 days, which is inside the 14-day warning.
        m_clock.setNow(Start.addSecs(90 * Day));
        auto tokens = makeManager();
        Services::ConnectionRecorder recorder(System::QuickBooks, *tokens, *m_operations, m_clock);
        QVERIFY(recorder.restore().has_value());
        QCOMPARE(tokens->refreshTokenIssuedAt(), std::optional<QDateTime>(Start));
        QCOMPARE(tokens->refreshTokenExpiresAt(), std::optional<QDateTime>(Start.addSecs(100 * Day)));
        QVERIFY(tokens->isRefreshTokenExpiring());
        QCOMPARE(m_issued, 1);
        QVERIFY(recorder.recordSuccess().has_value());
        QCOMPARE(Concord::Domain::toString(storedQuickBooks().state), Concord::Domain::toString(ConnectionState::Expiring));
        QCOMPARE(storedQuickBooks().accountLabel, u"9130357766012345"_s); // kept from the row

        // The next refresh rotates: a fresh 100 days, no longer expiring.
        m_clock.setNow(Start.addSecs(90 * Day + 3600));
        auto again = tokens->accessToken();
        AWAIT(again);
        QVERIFY(again.result().has_value());
        const Connection rotated = storedQuickBooks();
        QCOMPARE(rotated.refreshIssuedAt, m_clock.nowUtc());
        QCOMPARE(rotated.refreshExpiresAt, m_clock.nowUtc().addSecs(100 * Day));
        QCOMPARE(Concord::Domain::toString(rotated.state), Concord::Domain::toString(ConnectionState::Connected));
    }

    // The provider refuses the grant: the connection is parked, and the
    // store says so with the reason, for the dashboard and the status bar.
    void parkIsRecorded()
    {
        m_secrets->values.insert(u"QUICKBOOKS_REFRESH_TOKEN"_s, u"revoked-elsewhere"_s);
        auto tokens = makeManager();
        Services::ConnectionRecorder recorder(System::QuickBooks, *tokens, *m_operations, m_clock);
        QVERIFY(recorder.restore().has_value());
        auto token = tokens->accessToken();
        AWAIT(token);
        QVERIFY(!token.result().has_value());
        QCOMPARE(tokens->state(), TokenManager::State::NeedsReconnect);
        const Connection row = storedQuickBooks();
        QCOMPARE(Concord::Domain::toString(row.state), Concord::Domain::toString(ConnectionState::Expired));
        QVERIFY2(!row.lastError.isEmpty(), qPrintable(describe(row)));
        QVERIFY(!row.lastOkAt.isValid());
        QVERIFY(!recorder.lastError().has_value());
    }

    // Disconnecting forgets the token and its age.
    void disconnectClearsTheAge()
    {
        auto tokens = makeManager();
        Services::ConnectionRecorder recorder(System::QuickBooks, *tokens, *m_operations, m_clock);
        QVERIFY(recorder.restore().has_value());
        auto token = tokens->accessToken();
        AWAIT(token);
        QVERIFY(storedQuickBooks().refreshIssuedAt.isValid());
        auto revoked = tokens->revoke();
        AWAIT(revoked);
        QVERIFY(revoked.result().has_value());
        QCOMPARE(tokens->state(), TokenManager::State::NotConnected);
        const Connection row = storedQuickBooks();
        QCOMPARE(Concord::Domain::toString(row.state), Concord::Domain::toString(ConnectionState::Disconnected));
        QVERIFY(!row.refreshIssuedAt.isValid());
        QVERIFY(!row.refreshExpiresAt.isValid());
        QVERIFY(!m_secrets->values.contains(u"QUICKBOOKS_REFRESH_TOKEN"_s));
    }
};

QTEST_GUILESS_MAIN(TestConnectionRecorder)
#include "tst_connectionrecorder.moc"
