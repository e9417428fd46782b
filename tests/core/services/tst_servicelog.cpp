// Log lines for services (concord-syncd): the journal's priority prefixes,
// the text form's timestamp and level, one prefix per line, secrets redacted.

#include "services/servicelog.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;

class TestServiceLog : public QObject
{
    Q_OBJECT

private slots:
    void journalPrefixes_data();
    void journalPrefixes();
    void textHasTimestampAndLevel();
    void everyLineGetsThePrefix();
    void secretsAreRedacted();
    void formatsParse_data();
    void formatsParse();
    void journalStreamMustBeStderr();
};

void TestServiceLog::journalPrefixes_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("expected");
    QTest::newRow("debug") << int(QtDebugMsg) << u"<7>concord.sync: m"_s;
    QTest::newRow("info") << int(QtInfoMsg) << u"<6>concord.sync: m"_s;
    QTest::newRow("warning") << int(QtWarningMsg) << u"<4>concord.sync: m"_s;
    QTest::newRow("critical") << int(QtCriticalMsg) << u"<3>concord.sync: m"_s;
    QTest::newRow("fatal") << int(QtFatalMsg) << u"<2>concord.sync: m"_s;
}

void TestServiceLog::journalPrefixes()
{
    QFETCH(int, type);
    QFETCH(QString, expected);
    QCOMPARE(Logging::formatLine(Logging::LogFormat::Journal, type, "concord.sync", u"m"_s), expected);
}

void TestServiceLog::textHasTimestampAndLevel()
{
    const QString line = Logging::formatLine(Logging::LogFormat::Text, QtWarningMsg, "concord.syncd", u"hello"_s);
    static const QRegularExpression form(
        u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z warning concord\\.syncd: hello$"_s);
    QVERIFY2(form.match(line).hasMatch(), qPrintable(line));
    // A message without a category (qInfo()) still says where it is from.
    QVERIFY(Logging::formatLine(Logging::LogFormat::Journal, QtInfoMsg, nullptr, u"x"_s).startsWith(u"<6>default: "_s));
}

void TestServiceLog::everyLineGetsThePrefix()
{
    QCOMPARE(Logging::formatLine(Logging::LogFormat::Journal, QtCriticalMsg, "c", u"one\ntwo\n"_s),
             u"<3>c: one\n<3>c: two"_s);
}

void TestServiceLog::secretsAreRedacted()
{
    const QString line = Logging::formatLine(Logging::LogFormat::Journal, QtInfoMsg, "c",
                                             u"token pat-na1-0123456789 refused"_s, {u"pat-na1-0123456789"_s});
    QCOMPARE(line, u"<6>c: token [redacted] refused"_s);
}

void TestServiceLog::formatsParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("format"); // -1 = refused
    QTest::newRow("auto") << u"auto"_s << int(Logging::LogFormat::Auto);
    QTest::newRow("journal any case") << u"Journal"_s << int(Logging::LogFormat::Journal);
    QTest::newRow("text") << u"text"_s << int(Logging::LogFormat::Text);
    QTest::newRow("unknown") << u"syslog"_s << -1;
    QTest::newRow("empty") << QString() << -1;
}

void TestServiceLog::formatsParse()
{
    QFETCH(QString, text);
    QFETCH(int, format);
    const auto parsed = Logging::parseLogFormat(text);
    QCOMPARE(parsed.has_value(), format >= 0);
    if (parsed)
        QCOMPARE(int(*parsed), format);
}

void TestServiceLog::journalStreamMustBeStderr()
{
    // Inherited by a child whose stderr went elsewhere: not the journal.
    qputenv("JOURNAL_STREAM", "1:2");
    QVERIFY(!Logging::stderrIsJournal());
    QCOMPARE(Logging::resolve(Logging::LogFormat::Auto), Logging::LogFormat::Text);
    qputenv("JOURNAL_STREAM", "garbage");
    QVERIFY(!Logging::stderrIsJournal());
    qunsetenv("JOURNAL_STREAM");
    QVERIFY(!Logging::stderrIsJournal());
    QCOMPARE(Logging::resolve(Logging::LogFormat::Journal), Logging::LogFormat::Journal);
}

QTEST_GUILESS_MAIN(TestServiceLog)
#include "tst_servicelog.moc"
