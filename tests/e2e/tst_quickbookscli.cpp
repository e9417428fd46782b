// `concord-cli quickbooks …` against the QuickBooks emulator, configured as an
// admin would: an INI file and the secrets in the environment.
#include "quickbooks/quickbooksemulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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

    void writeConfig(const QString &path, const QString &realm)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(u"[quickbooks]\nbase_url=%1\nrealm_id=%2\ntoken_url=%3\nclient_id=concord-test\n[secrets]\nbackend=env\n"_s
                    .arg(m_qbo.baseUrl().toString(), realm, m_qbo.tokenUrl().toString())
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
