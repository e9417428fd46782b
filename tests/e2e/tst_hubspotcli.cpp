// `concord-cli hubspot …` against the HubSpot emulator, configured as an
// admin would: an INI file and the private-app token in the environment.
#include "common/clock.h"
#include "hubspot/hubspotemulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Concord::Sandbox::HubSpotEmulator;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

} // namespace

class TestHubSpotCli : public QObject
{
    Q_OBJECT

private:
    HubSpotEmulator m_hs;
    QTemporaryDir m_dir;
    QString m_config;
    QString m_token;
    QString m_dana;

    // The emulator lives on this thread: wait for the child with the event
    // loop running (QTRY), never with a blocking waitForFinished().
    Run cli(const QStringList &args, const QString &config = {}, const QString &token = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CONCORD_HUBSPOT_TOKEN"_s, token.isEmpty() ? m_token : token);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CONCORD_BINARY_DIR "/app/cli/concord-cli"),
                args + QStringList{u"--config"_s, config.isEmpty() ? m_config : config});
        if (!p.waitForStarted(10000))
            return {};
        [&] { QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 60000); }();
        return {p.exitCode(), p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError())};
    }

    void writeConfig(const QString &path, const QString &extra = {})
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(u"[hubspot]\nbase_url=%1\n%2[secrets]\nbackend=env\n"_s.arg(m_hs.baseUrl().toString(), extra).toUtf8());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_hs.listen());
        m_token = m_hs.auth().defaultPrivateAppToken();
        // Changed two minutes ago: older than the client's 30-s indexing margin.
        const qint64 before = QDateTime::currentMSecsSinceEpoch() - 120'000;
        Concord::ManualClock seedTime(QDateTime::fromMSecsSinceEpoch(before + 2000, Qt::UTC));
        m_hs.setClock(&seedTime);
        const auto dana = m_hs.seedContact({{u"email"_s, u"dana@example.com"_s}, {u"firstname"_s, u"Dana"_s},
                                            {u"lastname"_s, u"O'Brien"_s}, {u"phone"_s, u"(415) 444-6538"_s}},
                                           before);
        QVERIFY(dana.has_value());
        m_dana = dana->value(u"id"_s).toString();
        QVERIFY(m_hs.seedContact({{u"email"_s, u"sam@example.com"_s}, {u"firstname"_s, u"Sam"_s}}, before + 1000));
        QVERIFY(m_hs.portal().addSecondaryEmail(m_dana, u"d.obrien@work.example"_s, u"CRM_UI"_s));
        m_hs.setClock(nullptr); // the system clock from now on
        m_config = m_dir.filePath(u"concord.ini"_s);
        writeConfig(m_config);
    }

    void testReportsThePortal()
    {
        const Run r = cli({u"hubspot"_s, u"test"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(u"ok"_s).toBool(), true);
        QCOMPARE(o.value(u"portalId"_s).toString(), QString::number(m_hs.portal().portalId()));
        QCOMPARE(o.value(u"apiVersion"_s).toString(), u"v3"_s);
    }

    void findContact_data()
    {
        QTest::addColumn<QStringList>("how");
        QTest::addColumn<QStringList>("emails");
        QTest::newRow("email, other case") << QStringList{u"--email"_s, u"DANA@example.com"_s} << QStringList{u"dana@example.com"_s};
        QTest::newRow("additional email") << QStringList{u"--email"_s, u"d.obrien@work.example"_s} << QStringList{u"dana@example.com"_s};
        QTest::newRow("phone, other format") << QStringList{u"--phone"_s, u"+1 415.444.6538"_s} << QStringList{u"dana@example.com"_s};
        QTest::newRow("nobody") << QStringList{u"--email"_s, u"nobody@example.com"_s} << QStringList{};
    }
    void findContact()
    {
        QFETCH(QStringList, how);
        QFETCH(QStringList, emails);
        const Run r = cli(QStringList{u"hubspot"_s, u"find-contact"_s} + how);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QStringList found;
        for (const QJsonValue &c : QJsonDocument::fromJson(r.out).array())
            found << c.toObject().value(u"email"_s).toString();
        QCOMPARE(found, emails);
    }

    void changesSince()
    {
        const QString since = QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate);
        const Run r = cli({u"hubspot"_s, u"changes"_s, u"--since"_s, since});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(u"count"_s).toInt(), 2);
        QStringList emails;
        for (const QJsonValue &c : o.value(u"contacts"_s).toArray())
            emails << c.toObject().value(u"email"_s).toString();
        QCOMPARE(emails, (QStringList{u"sam@example.com"_s, u"dana@example.com"_s})); // Dana changed last
        // With the date-based paths the same answer comes from /crm/objects/2026-03/.
        const QString dated = m_dir.filePath(u"dated.ini"_s);
        writeConfig(dated, u"api_version=2026-03\n"_s);
        m_hs.clearLog();
        const Run d = cli({u"hubspot"_s, u"changes"_s, u"--since"_s, since}, dated);
        QCOMPARE(d.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(d.out).object().value(u"count"_s).toInt(), 2);
        QVERIFY(!m_hs.requestLog().isEmpty());
        for (const auto &e : m_hs.requestLog())
            QVERIFY2(e.path.startsWith(u"/crm/objects/2026-03/contacts"_s), qPrintable(e.path));
    }

    void badInputIsUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no action") << QStringList{u"hubspot"_s};
        QTest::newRow("unknown action") << QStringList{u"hubspot"_s, u"delete-everything"_s};
        QTest::newRow("both") << QStringList{u"hubspot"_s, u"find-contact"_s, u"--email"_s, u"a@b.c"_s, u"--phone"_s, u"1"_s};
        QTest::newRow("neither") << QStringList{u"hubspot"_s, u"find-contact"_s};
        QTest::newRow("no zone") << QStringList{u"hubspot"_s, u"changes"_s, u"--since"_s, u"2026-03-01T00:00:00"_s};
        QTest::newRow("not a time") << QStringList{u"hubspot"_s, u"changes"_s, u"--since"_s, u"yesterday"_s};
        QTest::newRow("not an email") << QStringList{u"hubspot"_s, u"find-contact"_s, u"--email"_s, u"dana"_s};
    }
    void badInputIsUsage()
    {
        QFETCH(QStringList, args);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
    }

    void runtimeFailuresExitOne()
    {
        const Run refused = cli({u"hubspot"_s, u"test"_s}, {}, u"pat-na1-not-a-real-token"_s);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"private-app token"_s), qPrintable(refused.err));
        m_hs.injectFault({u"/account-info"_s, 10, 503, 0, false, {}});
        const Run down = cli({u"hubspot"_s, u"test"_s});
        m_hs.clearFaults();
        QCOMPARE(down.exitCode, 1);
    }

    void configMistakesAreOneLine()
    {
        const QString bad = m_dir.filePath(u"bad.ini"_s);
        writeConfig(bad, u"api_version=2026-04\nburst_limit=9000\n"_s);
        const Run r = cli({u"hubspot"_s, u"test"_s}, bad);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"api_version"_s), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestHubSpotCli)
#include "tst_hubspotcli.moc"
