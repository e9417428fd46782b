// `concord-cli quickbooks …` against the QuickBooks emulator, configured as an
// admin would: an INI file and the secrets in the environment.
#include "quickbooks/quickbooksemulator.h"
#include "store/database.h"
#include "store/operationsrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;
using Concord::Sandbox::QuickBooksEmulator;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

const QString kRealm = u"4620816365000001"_s;

} // namespace

class TestQuickBooksCli : public QObject
{
    Q_OBJECT

private:
    QuickBooksEmulator m_qbo;
    QTemporaryDir m_dir;
    QString m_config;
    QString m_refreshToken;

    // The emulator lives on this thread: wait for the child with the event
    // loop running (QTRY), never with a blocking waitForFinished().
    Run cli(const QStringList &args, const QString &config = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CONCORD_QUICKBOOKS_CLIENT_SECRET"_s, u"bench-secret"_s);
        env.insert(u"CONCORD_QUICKBOOKS_REFRESH_TOKEN"_s, m_refreshToken);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CONCORD_BINARY_DIR "/app/cli/concord-cli"),
                args + QStringList{u"--config"_s, config.isEmpty() ? m_config : config});
        if (!p.waitForStarted(10000))
            return {};
        [&] { QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 30000); }();
        return {p.exitCode(), p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError())};
    }

    void writeConfig(const QString &path, const QString &realm, const QString &backend = u"env"_s)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(u"[store]\nurl=sqlite://%4\n"
                 "[quickbooks]\nbase_url=%1\nrealm_id=%2\ntoken_url=%3\nclient_id=concord-test\n[secrets]\nbackend=%5\n"_s
                    .arg(m_qbo.baseUrl().toString(), realm, m_qbo.tokenUrl().toString(),
                         m_dir.filePath(u"store.sqlite"_s), backend)
                    .toUtf8());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_qbo.listen());
        m_qbo.setThrottlingEnabled(false);
        m_qbo.addRealm(kRealm);
        m_qbo.auth().setClientCredentials(u"concord-test"_s, u"bench-secret"_s);
        m_refreshToken = m_qbo.issueTokens(kRealm).refreshToken;
        QVERIFY(m_qbo.seed(kRealm, u"Customer"_s,
                           QJsonObject{{u"DisplayName"_s, u"Dana O'Brien"_s},
                                       {u"PrimaryEmailAddr"_s, QJsonObject{{u"Address"_s, u"dana@example.com"_s}}},
                                       {u"PrimaryPhone"_s, QJsonObject{{u"FreeFormNumber"_s, u"(415) 444-6538"_s}}}}));
        QVERIFY(m_qbo.seed(kRealm, u"Customer"_s, QJsonObject{{u"DisplayName"_s, u"Sam Lee"_s}}));
        m_config = m_dir.filePath(u"concord.ini"_s);
        writeConfig(m_config, kRealm);
    }

    void testReportsTheCompany()
    {
        const Run r = cli({u"quickbooks"_s, u"test"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(u"ok"_s).toBool(), true);
        QCOMPARE(o.value(u"realmId"_s).toString(), kRealm);
        QVERIFY(!o.value(u"companyName"_s).toString().isEmpty());
    }

    void findCustomer_data()
    {
        QTest::addColumn<QStringList>("how");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("email, other case") << QStringList{u"--email"_s, u"DANA@example.com"_s} << QStringList{u"Dana O'Brien"_s};
        QTest::newRow("phone, other format") << QStringList{u"--phone"_s, u"+1 415.444.6538"_s} << QStringList{u"Dana O'Brien"_s};
        QTest::newRow("name with apostrophe") << QStringList{u"--name"_s, u"Dana O'Brien"_s} << QStringList{u"Dana O'Brien"_s};
        QTest::newRow("nobody") << QStringList{u"--email"_s, u"nobody@example.com"_s} << QStringList{};
    }

    void findCustomer()
    {
        QFETCH(QStringList, how);
        QFETCH(QStringList, names);
        const Run r = cli(QStringList{u"quickbooks"_s, u"find-customer"_s} + how);
        QCOMPARE(r.exitCode, 0);
        QStringList found;
        for (const QJsonValue &c : QJsonDocument::fromJson(r.out).array())
            found << c.toObject().value(u"DisplayName"_s).toString();
        QCOMPARE(found, names);
    }

    void queryAndItsRefusal()
    {
        const Run count = cli({u"quickbooks"_s, u"query"_s, u"SELECT COUNT(*) FROM Customer"_s});
        QCOMPARE(count.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(count.out).object().value(u"totalCount"_s).toInt(), 2);

        const Run bad = cli({u"quickbooks"_s, u"query"_s, u"SELECT * FROM Customer STARTPOSITION 0"_s});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(u"value 0 is too small"_s), qPrintable(bad.err));
    }

    void changesAndTheThirtyDayWindow()
    {
        const QString recent = QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate);
        const Run r = cli({u"quickbooks"_s, u"changes"_s, u"--since"_s, recent});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(u"fullComparisonNeeded"_s).toBool(), false);
        QCOMPARE(o.value(u"changed"_s).toObject().value(u"Customer"_s).toArray().size(), 2);

        const QString old = QDateTime::currentDateTimeUtc().addDays(-45).toString(Qt::ISODate);
        const Run tooOld = cli({u"quickbooks"_s, u"changes"_s, u"--since"_s, old});
        QCOMPARE(tooOld.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(tooOld.out).object().value(u"fullComparisonNeeded"_s).toBool(), true);

        const Run noZone = cli({u"quickbooks"_s, u"changes"_s, u"--since"_s, u"yesterday"_s});
        QCOMPARE(noZone.exitCode, 2);
    }

    // The whole browser flow, with the browser played by this test: the CLI
    // prints the provider's address and asks the desktop to open it; the
    // "user" approves, Intuit redirects to the CLI's loopback listener with a
    // code; the CLI exchanges it, saves the refresh token in the keychain
    // (a real Secret Service: e2e suites run under run-with-keyring.sh) and
    // records the connection in the store. A later command needs nothing
    // but the keychain.
    void connectThroughTheBrowser()
    {
        QTemporaryDir bin;
        QVERIFY(bin.isValid());
        const QString opened = bin.filePath(u"opened.txt"_s);
        {
            QFile fake(bin.filePath(u"xdg-open"_s));
            QVERIFY(fake.open(QIODevice::WriteOnly));
            fake.write(u"#!/bin/sh\nprintf '%s' \"$1\" > '%1'\n"_s.arg(opened).toUtf8());
            fake.close();
            QVERIFY(fake.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        }
        const QString config = m_dir.filePath(u"connect.ini"_s);
        writeConfig(config, QString(), u"auto"_s);

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"CONCORD_QUICKBOOKS_REFRESH_TOKEN"_s);
        env.insert(u"CONCORD_QUICKBOOKS_CLIENT_SECRET"_s, u"bench-secret"_s);
        env.insert(u"CONCORD_KEYCHAIN_SERVICE"_s, u"concord-e2e-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
        env.insert(u"PATH"_s, bin.path() + u':' + env.value(u"PATH"_s));

        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CONCORD_BINARY_DIR "/app/cli/concord-cli"),
                {u"quickbooks"_s, u"connect"_s, u"--config"_s, config});
        QVERIFY(p.waitForStarted(10000));
        QString err;
        QUrl address;
        // The whole line: stderr may arrive in pieces.
        const QRegularExpression urlPattern(u"(https://\\S+)\\n"_s);
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     err += QString::fromUtf8(p.readAllStandardError());
                                     const auto m = urlPattern.match(err);
                                     if (m.hasMatch())
                                         address = QUrl(m.captured(1));
                                     return address.isValid();
                                 }()),
                                 20000);
        const QUrlQuery asked(address);
        QCOMPARE(address.host(), u"appcenter.intuit.com"_s);
        QCOMPARE(asked.queryItemValue(u"client_id"_s), u"concord-test"_s);
        QCOMPARE(asked.queryItemValue(u"response_type"_s), u"code"_s);
        QVERIFY(asked.queryItemValue(u"scope"_s, QUrl::FullyDecoded).contains(u"com.intuit.quickbooks.accounting"_s));
        const QUrl redirect(asked.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
        QCOMPARE(redirect.host(), u"127.0.0.1"_s);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(opened), 10000);
        QFile openedFile(opened);
        QVERIFY(openedFile.open(QIODevice::ReadOnly));
        QCOMPARE(QUrl(QString::fromUtf8(openedFile.readAll())), address);

        // The user approves at Intuit, which redirects with a one-time code.
        QUrl back = redirect;
        QUrlQuery answer;
        answer.addQueryItem(u"code"_s, m_qbo.auth().createAuthorizationCode(kRealm));
        answer.addQueryItem(u"state"_s, asked.queryItemValue(u"state"_s, QUrl::FullyDecoded));
        answer.addQueryItem(u"realmId"_s, kRealm);
        back.setQuery(answer);
        QNetworkAccessManager browser;
        QNetworkReply *page = browser.get(QNetworkRequest(back));
        QTRY_VERIFY_WITH_TIMEOUT(page->isFinished(), 20000);
        QVERIFY2(page->error() == QNetworkReply::NoError,
                 qPrintable(page->errorString() + u" — CLI said: "_s + err + QString::fromUtf8(p.readAllStandardError())));
        // The browser shows that it worked.
        QVERIFY(page->readAll().contains("QuickBooks is connected"));
        page->deleteLater();

        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 30000);
        err += QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0, qPrintable(err));
        const QJsonObject result = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(result.value(u"connected"_s).toBool(), true);
        QCOMPARE(result.value(u"realmId"_s).toString(), kRealm);

        // With the realm configured, the refresh token comes from the keychain.
        writeConfig(config, kRealm, u"auto"_s);
        QProcess test;
        test.setProcessEnvironment(env);
        test.start(QStringLiteral(CONCORD_BINARY_DIR "/app/cli/concord-cli"),
                   {u"quickbooks"_s, u"test"_s, u"--config"_s, config});
        QVERIFY(test.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(test.state() == QProcess::NotRunning, 30000);
        QVERIFY2(test.exitCode() == 0, test.readAllStandardError().constData());

        // The store knows the connection and its refresh token's age.
        auto db = Concord::Store::Database::open(u"sqlite://"_s + m_dir.filePath(u"store.sqlite"_s), u"check"_s);
        QVERIFY(db.has_value());
        Concord::Store::OperationsRepository operations(**db);
        auto rows = operations.connections();
        QVERIFY(rows.has_value());
        const Concord::Domain::Connection qbo = rows->value(0);
        QCOMPARE(Concord::Domain::toString(qbo.system), Concord::Domain::toString(Concord::Domain::System::QuickBooks));
        QCOMPARE(Concord::Domain::toString(qbo.state), Concord::Domain::toString(Concord::Domain::ConnectionState::Connected));
        QCOMPARE(qbo.accountLabel, kRealm);
        QVERIFY(qbo.lastOkAt.isValid());
        QVERIFY(qbo.refreshIssuedAt.isValid());
        // What the token endpoint said: x_refresh_token_expires_in 8726400 (101 days, as Intuit sends).
        QCOMPARE(qbo.refreshIssuedAt.secsTo(qbo.refreshExpiresAt), 8726400LL);
        QVERIFY(qAbs(qbo.refreshIssuedAt.secsTo(QDateTime::currentDateTimeUtc())) < 120);
    }

    void configMistakesAreOneLine()
    {
        const QString noRealm = m_dir.filePath(u"norealm.ini"_s);
        writeConfig(noRealm, QString());
        const Run r = cli({u"quickbooks"_s, u"test"_s}, noRealm);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"realm_id is not set"_s), qPrintable(r.err));
        QCOMPARE(r.err.count(u'\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestQuickBooksCli)
#include "tst_quickbookscli.moc"
