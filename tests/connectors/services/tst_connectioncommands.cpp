// ConnectionCommands against the three emulators: the browser authorization
// (the browser played by this test), tests with good and bad credentials,
// keys, disconnecting, base URLs, and refusals that change nothing.
//
// It lives with the connector suites (not tests/core/) because it needs the
// emulators, which only tests/{connectors,sandbox,e2e} link.

#include "calcom/calcomemulator.h"
#include "hubspot/hubspotemulator.h"
#include "quickbooks/quickbooksemulator.h"

#include "common/clock.h"
#include "domainprinters.h"
#include "common/config.h"
#include "security/auditlog.h"
#include "security/memorysecretstore.h"
#include "services/connectioncommands.h"
#include "services/settingsdata.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/operationsrepository.h"
#include "store/userrepository.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <optional>

using namespace Qt::StringLiterals;
using namespace Concord;
using Concord::Domain::Connection;
using Concord::Domain::ConnectionState;
using Concord::Domain::Role;
using Concord::Domain::System;
using Concord::Sandbox::CalcomEmulator;
using Concord::Sandbox::HubSpotEmulator;
using Concord::Sandbox::QuickBooksEmulator;
using Concord::Security::Actor;
using Concord::Services::ConnectionCommands;

Q_DECLARE_METATYPE(Concord::Domain::System)
Q_DECLARE_METATYPE(Concord::Security::Actor)

namespace {

const QString kRealm = u"4620816365000001"_s;
const QString kClientId = u"concord-test"_s;
const QString kClientSecret = u"bench-secret"_s;
const QString kCalKey = u"cal_live_concord_test"_s;

QString describe(const Connection &c)
{
    return u"%1 %2 label=%3 base=%4 issued=%5 expires=%6 ok=%7 error=%8"_s.arg(
        Domain::toString(c.system), Domain::toString(c.state), c.accountLabel, c.baseUrl,
        c.refreshIssuedAt.toString(Qt::ISODate), c.refreshExpiresAt.toString(Qt::ISODate),
        c.lastOkAt.toString(Qt::ISODate), c.lastError);
}

// The arguments of a (System, bool, QString) signal.
struct Outcome {
    System system = System::QuickBooks;
    bool ok = false;
    QString message;
};

Outcome outcomeOf(const QSignalSpy &spy, int index = 0)
{
    const QList<QVariant> args = spy.at(index);
    return {args.at(0).value<System>(), args.at(1).toBool(), args.at(2).toString()};
}

} // namespace

class TestConnectionCommands : public QObject
{
    Q_OBJECT

private:
    QuickBooksEmulator m_qbo;
    HubSpotEmulator m_hubspot;
    CalcomEmulator m_cal;
    QTemporaryDir m_dir;
    int m_run = 0;
    int m_opened = 0; // database connection names
    QString m_configPath;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<Security::MemorySecretStore> m_secrets;
    std::unique_ptr<ConnectionCommands> m_commands;
    const Actor m_owner = Actor::user(u"olivia"_s, Role::Owner);

    void writeConfig(const QString &realm, const QString &hubspotAuth = u"private_app"_s)
    {
        QFile f(m_configPath);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(u"; written by the test — this comment must survive edits\n"
                 "[store]\nurl=sqlite://%1\n"
                 "[quickbooks]\nbase_url=%2\nrealm_id=%3\ntoken_url=%4\nclient_id=%5\n"
                 "[hubspot]\nbase_url=%6\ntoken_url=%7\nclient_id=%5\nauth=%8\n"
                 "[calcom]\nbase_url=%9\n"_s.arg(m_dir.filePath(u"store-%1.sqlite"_s.arg(m_run)),
                                                  m_qbo.baseUrl().toString(), realm, m_qbo.tokenUrl().toString(),
                                                  kClientId, m_hubspot.baseUrl().toString(),
                                                  m_hubspot.tokenUrl().toString(), hubspotAuth,
                                                  m_cal.baseUrl().toString())
                    .toUtf8());
    }

    // A fresh store, secrets and commands over the config file as written.
    void open()
    {
        m_commands.reset();
        m_db.reset();
        auto config = Config::load(m_configPath);
        QVERIFY2(config.has_value(), qPrintable(config ? QString() : config.error().message));
        auto db = Store::Database::open(config->storeUrl, u"commands-%1"_s.arg(++m_opened));
        QVERIFY(db.has_value());
        m_db = std::move(*db);
        QVERIFY(Store::migrate(*m_db).has_value());
        m_commands = std::make_unique<ConnectionCommands>(*m_db, *m_secrets, *config);
    }

    void setSecret(const QString &name, const QString &value)
    {
        QVERIFY(Security::waitForResult(m_secrets->write(name, value)).has_value());
    }

    std::optional<QString> secret(const QString &name)
    {
        auto value = Security::waitForResult(m_secrets->read(name));
        if (!value)
            return std::nullopt;
        return *value;
    }

    Connection stored(System system)
    {
        auto rows = Store::OperationsRepository(*m_db).connections();
        if (!rows)
            return {};
        for (const Connection &c : std::as_const(*rows))
            if (c.system == system)
                return c;
        return {};
    }

    qint64 auditCount() { return Security::AuditLog(*m_db).count().value_or(-1); }

    Security::AuditEntry lastAudit()
    {
        auto entries = Security::AuditLog(*m_db).recent(1);
        return entries && !entries->isEmpty() ? entries->first() : Security::AuditEntry{};
    }

    QByteArray configText()
    {
        QFile f(m_configPath);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // Plays the browser: the person approves at the provider, which
    // redirects to Concord's loopback listener with a one-time code and the
    // state Concord sent. Returns the page the listener answered with.
    QByteArray approveInBrowser(const QUrl &authorization, const QString &code, const QString &realm)
    {
        const QUrlQuery asked(authorization);
        QUrl back(asked.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
        QUrlQuery answer;
        answer.addQueryItem(u"code"_s, code);
        answer.addQueryItem(u"state"_s, asked.queryItemValue(u"state"_s, QUrl::FullyDecoded));
        if (!realm.isEmpty())
            answer.addQueryItem(u"realmId"_s, realm);
        back.setQuery(answer);
        QNetworkAccessManager browser;
        std::unique_ptr<QNetworkReply> page(browser.get(QNetworkRequest(back)));
        if (!QTest::qWaitFor([&] { return page->isFinished(); }, 20000))
            return "timed out";
        if (page->error() != QNetworkReply::NoError)
            return page->errorString().toUtf8();
        return page->readAll();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_qbo.listen());
        QVERIFY(m_hubspot.listen());
        QVERIFY(m_cal.listen());
        m_qbo.setThrottlingEnabled(false);
        m_hubspot.setThrottlingEnabled(false);
        m_qbo.addRealm(kRealm);
        m_qbo.auth().setClientCredentials(kClientId, kClientSecret);
        const qint64 me = m_cal.addUser({.username = u"rachel"_s, .email = u"rachel@example.com"_s,
                                         .name = u"Rachel Kim"_s});
        m_cal.addApiKey(kCalKey, me);
    }

    void init()
    {
        ++m_run;
        m_configPath = m_dir.filePath(u"concord-%1.ini"_s.arg(m_run));
        m_secrets = std::make_unique<Security::MemorySecretStore>();
        setSecret(u"QUICKBOOKS_CLIENT_SECRET"_s, kClientSecret);
        writeConfig(kRealm);
        open();
    }

    void cleanup()
    {
        m_commands.reset();
        m_db.reset();
        m_secrets.reset();
    }

    // The whole browser flow: Concord listens on loopback, hands out the
    // provider's address (the GUI opens it), the person approves, Intuit
    // redirects with a code and the company; Concord exchanges the code,
    // keeps the refresh token, writes the company to the config file and
    // records the connection — audited.
    void connectQuickBooksThroughTheBrowser()
    {
        writeConfig(QString()); // no company yet
        open();
        QSignalSpy url(m_commands.get(), &ConnectionCommands::authorizationUrlReady);
        QSignalSpy done(m_commands.get(), &ConnectionCommands::connectFinished);
        QSignalSpy configChanged(m_commands.get(), &ConnectionCommands::configChanged);
        const qint64 auditsBefore = auditCount();

        m_commands->connectService(m_owner, System::QuickBooks);
        QVERIFY(m_commands->isConnecting(System::QuickBooks));
        QVERIFY(url.wait(10000));
        QCOMPARE_NAMES(url.at(0).at(0).value<System>(), System::QuickBooks);
        const QUrl address = url.at(0).at(1).toUrl();
        const QUrlQuery asked(address);
        QCOMPARE(address.host(), u"appcenter.intuit.com"_s);
        QCOMPARE(asked.queryItemValue(u"client_id"_s), kClientId);
        QCOMPARE(QUrl(asked.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded)).host(), u"127.0.0.1"_s);
        QCOMPARE(done.size(), 0);

        const QByteArray page = approveInBrowser(address, m_qbo.auth().createAuthorizationCode(kRealm), kRealm);
        QVERIFY2(page.contains("QuickBooks is connected"), page.constData());
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 20000);
        const Outcome outcome = outcomeOf(done);
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        QCOMPARE_NAMES(outcome.system, System::QuickBooks);
        QVERIFY(outcome.message.contains(kRealm));
        QVERIFY(!m_commands->isConnecting(System::QuickBooks));

        // The refresh token is in the secret store, never in the row.
        const auto refresh = secret(u"QUICKBOOKS_REFRESH_TOKEN"_s);
        QVERIFY(refresh && !refresh->isEmpty());
        const Connection row = stored(System::QuickBooks);
        QVERIFY2(row.state == ConnectionState::Connected, qPrintable(describe(row)));
        QCOMPARE(row.accountLabel, kRealm);
        QCOMPARE(row.baseUrl, m_qbo.baseUrl().toString());
        QVERIFY(row.lastOkAt.isValid());
        QVERIFY(row.lastError.isEmpty());
        QCOMPARE(row.refreshIssuedAt.secsTo(row.refreshExpiresAt), 8726400LL); // Intuit's 101 days
        QVERIFY(row.accessExpiresAt > QDateTime::currentDateTimeUtc().addSecs(3000));

        // The company is now in the config file, the rest of the file as it was.
        QCOMPARE(configChanged.size(), 1);
        QCOMPARE(m_commands->config().quickbooksRealmId, kRealm);
        auto reloaded = Config::load(m_configPath);
        QVERIFY(reloaded.has_value());
        QCOMPARE(reloaded->quickbooksRealmId, kRealm);
        QVERIFY(configText().startsWith("; written by the test"));

        QCOMPARE(auditCount(), auditsBefore + 1);
        const Security::AuditEntry audit = lastAudit();
        QCOMPARE(audit.action, u"connection.connect"_s);
        QCOMPARE(audit.actor, m_owner.username);
        QCOMPARE(audit.entityType, u"connection"_s);
        QCOMPARE(audit.entityId, u"quickbooks"_s);
        QVERIFY(!audit.afterJson.contains(refresh->toUtf8()));

        // And the stored token works: a test right after succeeds.
        QSignalSpy tested(m_commands.get(), &ConnectionCommands::testFinished);
        m_commands->testConnection(m_owner, System::QuickBooks);
        QVERIFY(tested.wait(20000));
        QVERIFY2(outcomeOf(tested).ok, qPrintable(outcomeOf(tested).message));
    }

    // HubSpot with auth=oauth: the same flow; the portal is asked for with
    // the new token (which also proves it works).
    void connectHubSpotThroughTheBrowser()
    {
        writeConfig(kRealm, u"oauth"_s);
        open();
        m_hubspot.auth().setClientCredentials(kClientId, kClientSecret);
        setSecret(u"HUBSPOT_CLIENT_SECRET"_s, kClientSecret);
        QSignalSpy url(m_commands.get(), &ConnectionCommands::authorizationUrlReady);
        QSignalSpy done(m_commands.get(), &ConnectionCommands::connectFinished);
        m_commands->connectService(m_owner, System::HubSpot);
        QVERIFY(url.wait(10000));
        const QUrl address = url.at(0).at(1).toUrl();
        QCOMPARE(address.host(), u"app.hubspot.com"_s);
        const QByteArray page = approveInBrowser(address, m_hubspot.auth().createAuthorizationCode(), QString());
        QVERIFY2(page.contains("HubSpot is connected"), page.constData());
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 20000);
        QVERIFY2(outcomeOf(done).ok, qPrintable(outcomeOf(done).message));
        QVERIFY(secret(u"HUBSPOT_REFRESH_TOKEN"_s).has_value());
        QVERIFY(!secret(u"HUBSPOT_TOKEN"_s).has_value());
        const Connection row = stored(System::HubSpot);
        QVERIFY2(row.state == ConnectionState::Connected, qPrintable(describe(row)));
        QVERIFY2(row.accountLabel.startsWith(u"portal "_s), qPrintable(describe(row)));
        QCOMPARE(lastAudit().action, u"connection.connect"_s);
        QCOMPARE(lastAudit().entityId, u"hubspot"_s);
    }

    // Cancel ends the wait at once: one answer, the listener closed, the
    // connection as it was.
    void cancelWhileWaitingForTheBrowser()
    {
        QSignalSpy url(m_commands.get(), &ConnectionCommands::authorizationUrlReady);
        QSignalSpy done(m_commands.get(), &ConnectionCommands::connectFinished);
        const Connection before = stored(System::QuickBooks);
        m_commands->connectService(m_owner, System::QuickBooks);
        QVERIFY(url.wait(10000));
        const QUrl address = url.at(0).at(1).toUrl();

        m_commands->cancelConnect(System::QuickBooks);
        QCOMPARE(done.size(), 1);
        QCOMPARE(outcomeOf(done).ok, false);
        QVERIFY2(outcomeOf(done).message.contains(u"canceled"_s), qPrintable(outcomeOf(done).message));
        QVERIFY(!m_commands->isConnecting(System::QuickBooks));

        // The browser arriving late finds nobody listening.
        const QByteArray page = approveInBrowser(address, m_qbo.auth().createAuthorizationCode(kRealm), kRealm);
        QVERIFY2(!page.contains("connected"), page.constData());
        QTest::qWait(100); // nothing more may arrive
        QCOMPARE(done.size(), 1);
        QCOMPARE(describe(stored(System::QuickBooks)), describe(before));
        QVERIFY(!secret(u"QUICKBOOKS_REFRESH_TOKEN"_s).has_value());

        // A second cancel has nothing to end.
        m_commands->cancelConnect(System::QuickBooks);
        QCOMPARE(done.size(), 1);
    }

    void testSucceeds_data()
    {
        QTest::addColumn<System>("system");
        QTest::addColumn<QString>("account");
        QTest::newRow("QuickBooks (OAuth)") << System::QuickBooks << kRealm;
        QTest::newRow("HubSpot (private app)") << System::HubSpot << u"portal"_s;
        QTest::newRow("Cal.com (API key)") << System::CalCom << u"rachel@example.com"_s;
    }

    void testSucceeds()
    {
        QFETCH(System, system);
        QFETCH(QString, account);
        setSecret(u"QUICKBOOKS_REFRESH_TOKEN"_s, m_qbo.issueTokens(kRealm).refreshToken);
        setSecret(u"HUBSPOT_TOKEN"_s, m_hubspot.auth().defaultPrivateAppToken());
        setSecret(u"CALCOM_API_KEY"_s, kCalKey);
        QSignalSpy tested(m_commands.get(), &ConnectionCommands::testFinished);
        const qint64 auditsBefore = auditCount();

        m_commands->testConnection(Actor::user(u"vic"_s, Role::Viewer), system); // any role may test
        QVERIFY(tested.wait(20000));
        QCOMPARE(tested.size(), 1);
        const Outcome outcome = outcomeOf(tested);
        QCOMPARE_NAMES(outcome.system, system);
        QVERIFY2(outcome.ok, qPrintable(outcome.message));

        const Connection row = stored(system);
        QVERIFY2(row.state == ConnectionState::Connected, qPrintable(describe(row)));
        QVERIFY(row.lastOkAt.isValid());
        QVERIFY(row.lastError.isEmpty());
        QVERIFY2(row.accountLabel.contains(account), qPrintable(describe(row)));
        if (system == System::QuickBooks) {
            // The refresh happened in the test: its age is known now.
            QVERIFY2(row.refreshExpiresAt.isValid(), qPrintable(describe(row)));
            QVERIFY(row.accessExpiresAt.isValid());
        }
        QCOMPARE(auditCount(), auditsBefore); // a test changes no setting
    }

    void testWithBadCredentials_data()
    {
        QTest::addColumn<System>("system");
        QTest::addColumn<QString>("secretName");
        QTest::addColumn<int>("state");
        // A refresh token Intuit never issued: invalid_grant parks the connection.
        QTest::newRow("QuickBooks refresh token") << System::QuickBooks << u"QUICKBOOKS_REFRESH_TOKEN"_s
                                                  << int(ConnectionState::Expired);
        QTest::newRow("HubSpot private-app token") << System::HubSpot << u"HUBSPOT_TOKEN"_s
                                                   << int(ConnectionState::Error);
        QTest::newRow("Cal.com API key") << System::CalCom << u"CALCOM_API_KEY"_s << int(ConnectionState::Error);
    }

    void testWithBadCredentials()
    {
        QFETCH(System, system);
        QFETCH(QString, secretName);
        QFETCH(int, state);
        setSecret(secretName, u"not-a-real-token"_s);
        QSignalSpy tested(m_commands.get(), &ConnectionCommands::testFinished);
        m_commands->testConnection(m_owner, system);
        QVERIFY(tested.wait(20000));
        QCOMPARE(tested.size(), 1);
        const Outcome outcome = outcomeOf(tested);
        qInfo().noquote() << "said:" << outcome.message;
        QCOMPARE(outcome.ok, false);
        // One clear sentence: who refused, and what to do.
        QVERIFY2(outcome.message.startsWith(Domain::displayName(system) + u" did not accept Concord's credentials"_s),
                 qPrintable(outcome.message));
        QVERIFY2(outcome.message.contains(u"Connect again"_s) || outcome.message.contains(u"reconnect"_s)
                     || outcome.message.contains(u"Enter a new key"_s) || outcome.message.contains(u"replace it"_s),
                 qPrintable(outcome.message));
        QVERIFY(!outcome.message.contains(u"not-a-real-token"_s)); // never the secret
        const Connection row = stored(system);
        QVERIFY2(int(row.state) == state, qPrintable(describe(row)));
        QCOMPARE(row.lastError, outcome.message);
        QVERIFY(!row.lastOkAt.isValid());
    }

    // The key is tried before it is kept: a wrong one never replaces a working one.
    void apiKeyIsCheckedBeforeItIsKept()
    {
        setSecret(u"CALCOM_API_KEY"_s, kCalKey);
        QSignalSpy done(m_commands.get(), &ConnectionCommands::connectFinished);
        m_commands->setApiKey(m_owner, System::CalCom, u"cal_live_wrong"_s);
        QVERIFY(done.wait(20000));
        QCOMPARE(outcomeOf(done).ok, false);
        QVERIFY2(outcomeOf(done).message.contains(u"did not accept this key"_s), qPrintable(outcomeOf(done).message));
        QCOMPARE(secret(u"CALCOM_API_KEY"_s).value_or(QString()), kCalKey);
        QCOMPARE_NAMES(stored(System::CalCom).state, ConnectionState::NotConfigured);

        const qint64 auditsBefore = auditCount();
        m_secrets = std::make_unique<Security::MemorySecretStore>(); // nothing stored yet
        open();
        QSignalSpy again(m_commands.get(), &ConnectionCommands::connectFinished);
        m_commands->setApiKey(m_owner, System::CalCom, u"  "_s + kCalKey + u"\n"_s);
        QVERIFY(again.wait(20000));
        QVERIFY2(outcomeOf(again).ok, qPrintable(outcomeOf(again).message));
        QCOMPARE(secret(u"CALCOM_API_KEY"_s).value_or(QString()), kCalKey); // trimmed
        const Connection row = stored(System::CalCom);
        QVERIFY2(row.state == ConnectionState::Connected, qPrintable(describe(row)));
        QCOMPARE(row.accountLabel, u"rachel@example.com"_s);
        QCOMPARE(auditCount(), auditsBefore + 1);
        QCOMPARE(lastAudit().action, u"connection.connect"_s);
        QVERIFY(!lastAudit().afterJson.contains(kCalKey.toUtf8()));

        // OAuth systems take no key, API-key systems no browser.
        QSignalSpy wrongWay(m_commands.get(), &ConnectionCommands::connectFinished);
        m_commands->setApiKey(m_owner, System::QuickBooks, u"x"_s);
        m_commands->connectService(m_owner, System::CalCom);
        QCOMPARE(wrongWay.size(), 2);
        QCOMPARE(outcomeOf(wrongWay, 0).ok, false);
        QCOMPARE(outcomeOf(wrongWay, 1).ok, false);
    }

    // Disconnect: revoked at Intuit, gone from the secret store, recorded
    // and audited; the old token no longer works anywhere.
    void disconnectRemovesTheCredentials()
    {
        const QString refresh = m_qbo.issueTokens(kRealm).refreshToken;
        setSecret(u"QUICKBOOKS_REFRESH_TOKEN"_s, refresh);
        {
            QSignalSpy tested(m_commands.get(), &ConnectionCommands::testFinished);
            m_commands->testConnection(m_owner, System::QuickBooks);
            QVERIFY(tested.wait(20000));
            QVERIFY(outcomeOf(tested).ok);
        }
        const QString current = secret(u"QUICKBOOKS_REFRESH_TOKEN"_s).value_or(QString());
        QVERIFY(!current.isEmpty());
        const qint64 auditsBefore = auditCount();

        QSignalSpy done(m_commands.get(), &ConnectionCommands::disconnectFinished);
        m_commands->disconnectService(m_owner, System::QuickBooks);
        QVERIFY(done.wait(20000));
        QCOMPARE(done.size(), 1);
        const Outcome outcome = outcomeOf(done);
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        QVERIFY2(!outcome.message.contains(u"could not be told"_s), qPrintable(outcome.message)); // revoked

        QVERIFY(!secret(u"QUICKBOOKS_REFRESH_TOKEN"_s).has_value());
        QCOMPARE(secret(u"QUICKBOOKS_CLIENT_SECRET"_s).value_or(QString()), kClientSecret); // the app's, kept
        const Connection row = stored(System::QuickBooks);
        QVERIFY2(row.state == ConnectionState::Disconnected, qPrintable(describe(row)));
        QVERIFY(!row.refreshIssuedAt.isValid());
        QVERIFY(!row.refreshExpiresAt.isValid());
        QVERIFY(!row.accessExpiresAt.isValid());
        QCOMPARE(auditCount(), auditsBefore + 1);
        QCOMPARE(lastAudit().action, u"connection.disconnect"_s);
        QCOMPARE(lastAudit().entityId, u"quickbooks"_s);

        // Revoked at Intuit: put the token back by hand, and it is refused.
        setSecret(u"QUICKBOOKS_REFRESH_TOKEN"_s, current);
        QSignalSpy tested(m_commands.get(), &ConnectionCommands::testFinished);
        m_commands->testConnection(m_owner, System::QuickBooks);
        QVERIFY(tested.wait(20000));
        QCOMPARE(outcomeOf(tested).ok, false);
    }

    void disconnectAnApiKeySystem()
    {
        setSecret(u"CALCOM_API_KEY"_s, kCalKey);
        setSecret(u"CALCOM_WEBHOOK_SECRET"_s, u"whsec"_s);
        QSignalSpy done(m_commands.get(), &ConnectionCommands::disconnectFinished);
        m_commands->disconnectService(m_owner, System::CalCom);
        QTRY_COMPARE(done.size(), 1);
        QVERIFY2(outcomeOf(done).ok, qPrintable(outcomeOf(done).message));
        QVERIFY(!secret(u"CALCOM_API_KEY"_s).has_value());
        QVERIFY(secret(u"CALCOM_WEBHOOK_SECRET"_s).has_value()); // receiving webhooks is not the connection
        QCOMPARE_NAMES(stored(System::CalCom).state, ConnectionState::Disconnected);
    }

    void baseUrl_data()
    {
        QTest::addColumn<System>("system");
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("says");
        QTest::newRow("https") << System::HubSpot << u"https://api.hubapi.com"_s << true << QString();
        QTest::newRow("http on loopback") << System::CalCom << u"http://127.0.0.1:9999"_s << true << QString();
        QTest::newRow("http elsewhere") << System::QuickBooks << u"http://sandbox-quickbooks.api.intuit.com"_s
                                        << false << u"plain http is only allowed for loopback"_s;
        QTest::newRow("not a URL") << System::QuickBooks << u"quickbooks"_s << false << u"expected an absolute"_s;
        QTest::newRow("with a password") << System::CalCom << u"https://me:pw@api.cal.com"_s << false
                                         << u"must not contain a user name or password"_s;
    }

    void baseUrl()
    {
        QFETCH(System, system);
        QFETCH(QString, url);
        QFETCH(bool, ok);
        QFETCH(QString, says);
        const QByteArray fileBefore = configText();
        const qint64 auditsBefore = auditCount();
        QSignalSpy done(m_commands.get(), &ConnectionCommands::baseUrlSaveFinished);
        QSignalSpy changed(m_commands.get(), &ConnectionCommands::configChanged);
        m_commands->saveBaseUrl(m_owner, system, QUrl(url));
        QCOMPARE(done.size(), 1);
        const Outcome outcome = outcomeOf(done);
        QCOMPARE(outcome.ok, ok);
        if (!ok) {
            QVERIFY2(outcome.message.contains(says), qPrintable(outcome.message));
            QCOMPARE(configText(), fileBefore);
            QCOMPARE(auditCount(), auditsBefore);
            QCOMPARE(changed.size(), 0);
            return;
        }
        auto reloaded = Config::load(m_configPath);
        QVERIFY(reloaded.has_value());
        auto settings = Services::collectSettings(*m_db, *reloaded);
        QVERIFY(settings.has_value());
        QCOMPARE(settings->service(system).baseUrl, QUrl(url));
        QCOMPARE(stored(system).baseUrl, url);
        QVERIFY(configText().startsWith("; written by the test"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(auditCount(), auditsBefore + 1);
        QCOMPARE(lastAudit().action, u"config.base_url"_s);
        QCOMPARE(lastAudit().entityId, Domain::toString(system));
    }

    // Only an owner (a person) may change what Concord talks to; everyone
    // else is refused before anything is read, written or sent.
    void refusedRolesChangeNothing_data()
    {
        QTest::addColumn<Actor>("actor");
        QTest::addColumn<QString>("operation");
        const QList<std::pair<const char *, Actor>> actors{
            {"office manager", Actor::user(u"mona"_s, Role::OfficeManager)},
            {"bookkeeper", Actor::user(u"bea"_s, Role::Bookkeeper)},
            {"viewer", Actor::user(u"vic"_s, Role::Viewer)},
            {"automation", Actor::system(u"sync"_s)},
        };
        for (const auto &[name, actor] : actors) {
            for (const char *operation : {"connect", "key", "disconnect", "base_url"})
                QTest::addRow("%s %s", name, operation) << actor << QString::fromLatin1(operation);
        }
    }

    void refusedRolesChangeNothing()
    {
        QFETCH(Actor, actor);
        QFETCH(QString, operation);
        setSecret(u"QUICKBOOKS_REFRESH_TOKEN"_s, u"rt-kept"_s);
        setSecret(u"CALCOM_API_KEY"_s, kCalKey);
        const QByteArray fileBefore = configText();
        const qint64 auditsBefore = auditCount();
        const QString rowsBefore = describe(stored(System::QuickBooks)) + describe(stored(System::CalCom));
        QSignalSpy url(m_commands.get(), &ConnectionCommands::authorizationUrlReady);
        QSignalSpy connectDone(m_commands.get(), &ConnectionCommands::connectFinished);
        QSignalSpy disconnectDone(m_commands.get(), &ConnectionCommands::disconnectFinished);
        QSignalSpy urlDone(m_commands.get(), &ConnectionCommands::baseUrlSaveFinished);

        if (operation == u"connect")
            m_commands->connectService(actor, System::QuickBooks);
        else if (operation == u"key")
            m_commands->setApiKey(actor, System::CalCom, u"cal_live_other"_s);
        else if (operation == u"disconnect")
            m_commands->disconnectService(actor, System::QuickBooks);
        else
            m_commands->saveBaseUrl(actor, System::QuickBooks, QUrl(u"https://sandbox-quickbooks.api.intuit.com"_s));

        // Refused at once, with one answer that says who may.
        const QSignalSpy &answer = operation == u"disconnect" ? disconnectDone
            : operation == u"base_url"                        ? urlDone
                                                              : connectDone;
        QCOMPARE(answer.size(), 1);
        QCOMPARE(outcomeOf(answer).ok, false);
        QVERIFY2(outcomeOf(answer).message.contains(u"may not manage users"_s), qPrintable(outcomeOf(answer).message));
        QVERIFY(!m_commands->isConnecting(System::QuickBooks));
        QCOMPARE(url.size(), 0);
        QCOMPARE(connectDone.size() + disconnectDone.size() + urlDone.size(), 1);

        QCOMPARE(secret(u"QUICKBOOKS_REFRESH_TOKEN"_s).value_or(QString()), u"rt-kept"_s);
        QCOMPARE(secret(u"CALCOM_API_KEY"_s).value_or(QString()), kCalKey);
        QCOMPARE(configText(), fileBefore);
        QCOMPARE(auditCount(), auditsBefore);
        QCOMPARE(describe(stored(System::QuickBooks)) + describe(stored(System::CalCom)), rowsBefore);
    }

    // What the Settings page is fed: the rows, how each system is set up,
    // the users, the file.
    void collectSettingsForThePage()
    {
        writeConfig(kRealm, u"oauth"_s);
        open();
        Store::UserRepository users(*m_db);
        Domain::User zed;
        zed.username = u"zed"_s;
        zed.role = Role::Viewer;
        QVERIFY(users.create(zed).has_value());
        Domain::User ann;
        ann.username = u"ann"_s;
        ann.role = Role::Owner;
        QVERIFY(users.create(ann).has_value());
        auto config = Config::load(m_configPath);
        QVERIFY(config.has_value());
        auto data = Services::collectSettings(*m_db, *config);
        QVERIFY(data.has_value());
        QCOMPARE(data->connections.size(), 3);
        QCOMPARE(data->services.size(), 3);
        QCOMPARE(int(data->service(System::QuickBooks).auth), int(Services::AuthKind::OAuth));
        QCOMPARE(int(data->service(System::HubSpot).auth), int(Services::AuthKind::OAuth)); // auth=oauth
        QCOMPARE(int(data->service(System::CalCom).auth), int(Services::AuthKind::ApiKey));
        QCOMPARE(data->service(System::CalCom).baseUrl, m_cal.baseUrl());
        QVERIFY(data->service(System::QuickBooks).setupProblem.isEmpty());
        QCOMPARE(data->users.size(), 2);
        QCOMPARE(data->users.at(0).username, u"ann"_s); // by username
        QCOMPARE(data->configPath, QFileInfo(m_configPath).absoluteFilePath());

        // A missing client id is said before anyone tries.
        writeConfig(kRealm, u"private_app"_s);
        QFile f(m_configPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(f.readAll());
        f.close();
        text.replace(u"client_id=%1\n[hubspot]"_s.arg(kClientId), u"[hubspot]"_s);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text.toUtf8());
        f.close();
        auto noClient = Config::load(m_configPath);
        QVERIFY(noClient.has_value());
        auto data2 = Services::collectSettings(*m_db, *noClient);
        QVERIFY(data2.has_value());
        QVERIFY2(data2->service(System::QuickBooks).setupProblem.contains(u"client_id is not set"_s),
                 qPrintable(data2->service(System::QuickBooks).setupProblem));
        QCOMPARE(int(data2->service(System::HubSpot).auth), int(Services::AuthKind::ApiKey));
    }

    // Config::setValue keeps the file as the admin wrote it.
    void configSetValueKeepsTheRest()
    {
        QVERIFY(Config::setValue(m_configPath, u"calcom"_s, u"base_url"_s, u"https://cal.example.org"_s).has_value());
        QVERIFY(Config::setValue(m_configPath, u"webhooks"_s, u"listen"_s, u"127.0.0.1:8790"_s).has_value());
        const QByteArray text = configText();
        QVERIFY(text.startsWith("; written by the test"));
        QVERIFY(text.contains("[calcom]\nbase_url=https://cal.example.org\n"));
        QVERIFY(text.endsWith("[webhooks]\nlisten=127.0.0.1:8790\n"));
        auto loaded = Config::load(m_configPath);
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->calcomBaseUrl, QUrl(u"https://cal.example.org"_s));
        QCOMPARE(loaded->webhooksListen, u"127.0.0.1:8790"_s);

        // Unknown keys and values that would break the file are refused; the file stays.
        QVERIFY(!Config::setValue(m_configPath, u"calcom"_s, u"bse_url"_s, u"https://x.org"_s).has_value());
        QVERIFY(!Config::setValue(m_configPath, u"calcom"_s, u"base_url"_s, u"a\nb"_s).has_value());
        auto broken = Config::setValue(m_configPath, u"calcom"_s, u"base_url"_s, u"http://cal.example.org"_s);
        QVERIFY(!broken.has_value());
        QVERIFY2(broken.error().message.contains(u"plain http"_s), qPrintable(broken.error().message));
        QCOMPARE(configText(), text);

        // A value with a comma stays one value (quoted, or QSettings reads a list).
        QVERIFY(Config::setValue(m_configPath, u"quickbooks"_s, u"client_id"_s, u"app,1"_s).has_value());
        QVERIFY(configText().contains("client_id=\"app,1\"\n"));
        QCOMPARE(Config::load(m_configPath).value_or(Config()).quickbooksClientId, u"app,1"_s);
    }
};

QTEST_GUILESS_MAIN(TestConnectionCommands)
#include "tst_connectioncommands.moc"
