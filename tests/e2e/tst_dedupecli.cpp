// Drives `concord-cli dedupe` end to end: a messy CSV in, id,cluster_id out,
// the JSON summary, the evidence file, and one-line errors with exit code 2
// for bad usage and bad input (1 when the output cannot be written).
#include "testsupport.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(CONCORD_BINARY_DIR "/app/cli/concord-cli"),
            QStringList { u"dedupe"_s } + args);
    if (!p.waitForStarted(10000))
        return {};
    p.closeWriteChannel();
    p.waitForFinished(120000);
    return { p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
             QString::fromUtf8(p.readAllStandardError()) };
}

QHash<QString, QString> readClusters(const QString &path, int *rows = nullptr)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = f.readAll().split('\n');
    QHash<QString, QString> out;
    int n = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype comma = line.lastIndexOf(',');
        out.insert(QString::fromUtf8(line.left(comma)), QString::fromUtf8(line.mid(comma + 1)));
        ++n;
    }
    if (rows)
        *rows = n;
    return out;
}

} // namespace

class TestDedupeCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &data)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(data);
        return path;
    }

private Q_SLOTS:
    void messyCsvToClusters()
    {
        // BOM, CRLF, a quoted name with a comma, a note with a line break,
        // spaces after commas, an unmapped column.
        const QString input = write(u"contacts.csv"_s,
                                    "\xEF\xBB\xBF"
                                    "Contact ID,First,Last,E-mail,Mobile,Notes\r\n"
                                    "c1,Robert,\"Quill, Jr.\",rob.quill@example.org,(312) "
                                    "744-5000,\"VIP\r\ncalls first\"\r\n"
                                    "c2, Bob,Quill, ROB.QUILL@EXAMPLE.ORG ,312.744.5000,\r\n"
                                    "c3,Maria,Okafor,maria.okafor@example.net,773-202-1188,\r\n"
                                    "c4,Ottoline,Vasquez,ottoline@example.com,,\r\n");
        const QString output = m_dir.filePath(u"clusters.csv"_s);
        const QString pairs = m_dir.filePath(u"pairs.csv"_s);
        const Run r =
            cli({ u"--input"_s, input, u"--map"_s,
                  u"id=Contact ID,first_name=First,last_name=Last,email=E-mail,phone=Mobile"_s,
                  u"--output"_s, output, u"--pairs"_s, pairs, u"--json"_s });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject summary = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(summary.value(u"records"_s).toInt(), 4);
        QVERIFY(summary.contains(u"candidatePairs"_s));
        QCOMPARE(summary.value(u"clusters"_s).toInt(), 3);
        QVERIFY(summary.value(u"seconds"_s).toDouble() >= 0);
        int rows = 0;
        const QHash<QString, QString> clusters = readClusters(output, &rows);
        QCOMPARE(rows, 4); // one per input row
        QCOMPARE(clusters.value(u"c1"_s), clusters.value(u"c2"_s));
        QVERIFY(clusters.value(u"c1"_s) != clusters.value(u"c3"_s));
        QVERIFY(clusters.value(u"c3"_s) != clusters.value(u"c4"_s));
        QFile p(pairs);
        QVERIFY(p.open(QIODevice::ReadOnly));
        const QByteArray evidence = p.readAll();
        QVERIFY(
            evidence.startsWith("id_a,id_b,cluster_a,cluster_b,decision,probability,match_weight"));
        QVERIFY2(evidence.contains("c1,c2,") && evidence.contains(",link,"), evidence.constData());
        QVERIFY(evidence.contains("email:exact"));
    }

    void labelledFixture()
    {
        const QString output = m_dir.filePath(u"fake.csv"_s);
        const Run r = cli(
            { u"--input"_s, Concord::Test::fixturePath(u"identity/splink/fake_1000.csv"_s),
              u"--map"_s,
              u"id=unique_id,first_name=first_name,last_name=surname,dob=dob,city=city,email=email"_s,
              u"--output"_s, output });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"1000 records"_s), qPrintable(r.out));
        int rows = 0;
        const QHash<QString, QString> clusters = readClusters(output, &rows);
        QCOMPARE(rows, 1000);
        // Records 11–13 are one Isla Hall (one with first/last swapped).
        QCOMPARE(clusters.value(u"11"_s), clusters.value(u"12"_s));
        QCOMPARE(clusters.value(u"11"_s), clusters.value(u"13"_s));
        QVERIFY(clusters.value(u"11"_s) != clusters.value(u"0"_s));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString good = write(u"good.csv"_s, "id,name\n1,Ann\n2,Bob\n");
        const QString broken = write(u"broken.csv"_s, "id,name\n1,Ann\n2,\"Bob\n3,Cy\n");
        const QString ragged = write(u"ragged.csv"_s, "id,name,email\n1,Ann,a@x.org\n2,Bob\n");
        const QString out = m_dir.filePath(u"out.csv"_s);
        QTest::newRow("no input") << QStringList { u"--map"_s, u"id=id,name=name"_s, u"--output"_s,
                                                   out }
                                  << 2 << u"--input is missing"_s;
        QTest::newRow("no map") << QStringList { u"--input"_s, good, u"--output"_s, out } << 2
                                << u"--map is missing"_s;
        QTest::newRow("stray word")
            << QStringList { u"--input"_s,  good, u"--map"_s, u"name=name"_s,
                             u"--output"_s, out,  u"x"_s }
            << 2 << u"no positional arguments"_s;
        QTest::newRow("missing file") << QStringList { u"--input"_s,  m_dir.filePath(u"nope.csv"_s),
                                                       u"--map"_s,    u"name=name"_s,
                                                       u"--output"_s, out }
                                      << 2 << u"cannot read"_s;
        QTest::newRow("unknown field")
            << QStringList { u"--input"_s,  good, u"--map"_s, u"id=id,surname=name"_s,
                             u"--output"_s, out }
            << 2 << u"unknown field 'surname'"_s;
        QTest::newRow("unknown column")
            << QStringList { u"--input"_s,           good,          u"--map"_s,
                             u"id=id,email=Email"_s, u"--output"_s, out }
            << 2 << u"column 'Email' is not in the header"_s;
        QTest::newRow("unterminated quote")
            << QStringList { u"--input"_s,         broken,        u"--map"_s,
                             u"id=id,name=name"_s, u"--output"_s, out }
            << 2 << u"line 3: unterminated quoted field"_s;
        QTest::newRow("wrong field count")
            << QStringList { u"--input"_s,         ragged,        u"--map"_s,
                             u"id=id,name=name"_s, u"--output"_s, out }
            << 2 << u"line 3: 2 fields, but the header has 3"_s;
        QTest::newRow("unwritable output")
            << QStringList { u"--input"_s,         good,          u"--map"_s,
                             u"id=id,name=name"_s, u"--output"_s, u"/nonexistent-dir/out.csv"_s }
            << 1 << u"cannot write /nonexistent-dir/out.csv"_s;
    }
    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().split(u'\n').first().startsWith(u"concord-cli"_s), true);
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDedupeCli)
#include "tst_dedupecli.moc"
