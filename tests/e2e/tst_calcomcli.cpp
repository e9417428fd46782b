// `concord-cli calcom …` against the Cal.com emulator, configured as an admin
// would: an INI file and the API key in the environment.
#include "calcom/calcomemulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord::Sandbox;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

const QString kKey = u"cal_live_e2e_5a6b"_s;

} // namespace

class TestCalcomCli : public QObject {
    Q_OBJECT

private:
    CalcomEmulator m_cal;
    QTemporaryDir m_dir;
    QString m_config;
    QString m_moved;
    QString m_original;
    qint64 m_type = 0;

    // The emulator lives on this thread: wait for the child with the event
    // loop running (QTRY), never with a blocking waitForFinished().
    Run cli(const QStringList &args, const QString &key = kKey)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"CONCORD_CALCOM_API_KEY"_s);
        if (!key.isEmpty())
            env.insert(u"CONCORD_CALCOM_API_KEY"_s, key);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CONCORD_BINARY_DIR "/app/cli/concord-cli"),
                args + QStringList { u"--config"_s, m_config });
        if (!p.waitForStarted(10000))
            return {};
        [&] { QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 30000); }();
        return { p.exitCode(), p.readAllStandardOutput(),
                 QString::fromUtf8(p.readAllStandardError()) };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_cal.listen());
        const qint64 me =
            m_cal.addUser(CalUser { 0, u"rachel"_s, u"rachel@brightpath.example"_s, u"Rachel Kim"_s,
                                    u"America/New_York"_s, u"en"_s, u"Monday"_s, 12 });
        m_cal.addApiKey(kKey, me);
        CalEventType t;
        t.title = u"Math tutoring"_s;
        t.lengthInMinutes = 60;
        t.ownerId = me;
        m_type = m_cal.addEventType(t);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        CalAttendee a;
        a.name = u"Dana Whitfield"_s;
        a.email = u"dana@example.com"_s;
        a.timeZone = u"America/Los_Angeles"_s;
        const auto first = m_cal.clientBooks(m_type, now.addDays(2), a);
        QVERIFY(first);
        m_original = first->value(u"uid"_s).toString();
        QVERIFY(m_cal.clientReschedules(m_original, now.addDays(3)));
        const QString b = m_cal.state().booking(m_original)->rescheduledToUid;
        QVERIFY(m_cal.clientReschedules(b, now.addDays(4)));
        m_moved = m_cal.state().booking(b)->rescheduledToUid;
        m_config = m_dir.filePath(u"concord.ini"_s);
        QFile f(m_config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(u"[calcom]\nbase_url=%1\n[secrets]\nbackend=env\n"_s.arg(m_cal.baseUrl().toString())
                    .toUtf8());
    }

    void testReportsUserAndServices()
    {
        const Run r = cli({ u"calcom"_s, u"test"_s });
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(u"ok"_s).toBool(), true);
        QCOMPARE(o.value(u"user"_s).toObject().value(u"email"_s).toString(),
                 u"rachel@brightpath.example"_s);
        QCOMPARE(o.value(u"eventTypes"_s).toArray().size(), 1);
        QCOMPARE(o.value(u"eventTypes"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"lengthInMinutes"_s)
                     .toInt(),
                 60);
    }

    void bookingsSince()
    {
        const QString since = QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate);
        const Run r = cli({ u"calcom"_s, u"bookings"_s, u"--since"_s, since });
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(u"count"_s).toInt(), 3);
        QStringList statuses;
        for (const QJsonValue &b : o.value(u"bookings"_s).toArray())
            statuses << b.toObject().value(u"status"_s).toString();
        statuses.sort();
        QCOMPARE(statuses, (QStringList { u"accepted"_s, u"cancelled"_s, u"cancelled"_s }));
        const QString future = QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODate);
        QCOMPARE(
            QJsonDocument::fromJson(cli({ u"calcom"_s, u"bookings"_s, u"--since"_s, future }).out)
                .object()
                .value(u"count"_s)
                .toInt(),
            0);
    }

    void bookingWithItsChain()
    {
        const Run r = cli({ u"calcom"_s, u"booking"_s, m_moved });
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(u"booking"_s).toObject().value(u"uid"_s).toString(), m_moved);
        QCOMPARE(o.value(u"originUid"_s).toString(), m_original);
        QCOMPARE(o.value(u"chain"_s).toArray().size(), 3);
        QCOMPARE(o.value(u"booking"_s)
                     .toObject()
                     .value(u"attendees"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"timeZone"_s)
                     .toString(),
                 u"America/Los_Angeles"_s);
    }

    void mistakes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("no action") << QStringList { u"calcom"_s } << kKey << 2 << u"usage"_s;
        QTest::newRow("unknown action")
            << QStringList { u"calcom"_s, u"delete"_s } << kKey << 2 << u"usage"_s;
        QTest::newRow("bookings without --since")
            << QStringList { u"calcom"_s, u"bookings"_s } << kKey << 2 << u"--since"_s;
        QTest::newRow("since without zone")
            << QStringList { u"calcom"_s, u"bookings"_s, u"--since"_s, u"2026-03-01T10:00:00"_s }
            << kKey << 2 << u"--since"_s;
        QTest::newRow("unknown uid")
            << QStringList { u"calcom"_s, u"booking"_s, u"nope"_s } << kKey << 2 << u"no such"_s;
        QTest::newRow("no key") << QStringList { u"calcom"_s, u"test"_s } << QString() << 2
                                << u"CALCOM_API_KEY"_s;
        QTest::newRow("revoked key")
            << QStringList { u"calcom"_s, u"test"_s } << u"cal_live_revoked"_s << 1 << u"401"_s;
    }

    void mistakes()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, key);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        const Run r = cli(args, key);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCalcomCli)
#include "tst_calcomcli.moc"
