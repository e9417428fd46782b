// Drives the real concord-cli binary: exit codes, one-line errors, JSON
// status, audit verification of a tampered store, and secrets through the
// real secret service (run under tests/run-with-keyring.sh).
#include "domainprinters.h"
#include "security/auditlog.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/operationsrepository.h"
#include "store/outboxrepository.h"
#include "store/syncstaterepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;
    QString m_storePath;
    QString m_service;

    Run cli(const QStringList &args, const QByteArray &stdinData = {}, const QProcessEnvironment &env = {})
    {
        QProcess p;
        QProcessEnvironment e = env.isEmpty() ? QProcessEnvironment::systemEnvironment() : env;
        e.insert(u"CONCORD_KEYCHAIN_SERVICE"_s, m_service);
        p.setProcessEnvironment(e);
        p.start(QStringLiteral(CONCORD_BINARY_DIR "/app/cli/concord-cli"), args);
        if (!p.waitForStarted(10000))
            return {};
        if (!stdinData.isNull())
            p.write(stdinData);
        p.closeWriteChannel();
        p.waitForFinished(60000);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    void writeConfig(const QString &path, const QByteArray &text)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }

    void writeAuditEntries(int n)
    {
        auto db = Store::Database::open(u"sqlite://"_s + m_storePath);
        QVERIFY(db);
        QVERIFY(Store::migrate(**db));
        Security::AuditLog log(**db);
        for (int i = 0; i < n; ++i) {
            QVERIFY(log.append(Security::Actor::user(u"olivia"_s, Domain::Role::Owner), u"user.create"_s, u"user"_s,
                               QString::number(i), {}, QJsonObject{{u"n"_s, i}}));
        }
    }

    // Sync activity as the engine records it, relative to the real clock (the
    // CLI's): deliveries an hour ago and one a day and more ago (outside the
    // 24-hour window), two open flags and one resolved, and outbox jobs in
    // every state.
    void writeSyncActivity()
    {
        auto db = Store::Database::open(u"sqlite://"_s + m_storePath);
        QVERIFY(db);
        QVERIFY(Store::migrate(**db));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Store::OperationsRepository ops(**db);
        const auto delivered = [&](const QString &kind, qint64 ms, qint64 secsAgo) {
            Domain::SyncLogEntry e;
            e.at = now.addSecs(-secsAgo);
            e.system = Domain::System::HubSpot;
            e.direction = u"out"_s;
            e.entityType = kind;
            e.entityId = u"1"_s;
            e.action = u"update"_s;
            e.outcome = u"ok"_s;
            e.latencyMs = ms;
            e.kind = kind;
            return ops.appendLog(e);
        };
        for (qint64 ms : {9000, 1200, 70000, 4000, 30000})
            QVERIFY(delivered(u"appointment"_s, ms, 3600));
        QVERIFY(delivered(u"appointment"_s, 1, 25 * 3600));
        QVERIFY(delivered(u"payment"_s, 250000, 7200));
        QVERIFY(delivered(u"payment"_s, 100000, 7200));

        Store::OutboxRepository outbox(**db);
        for (int i = 1; i <= 4; ++i) {
            Domain::OutboxJob job;
            job.operation = u"deal.update"_s;
            job.entityType = u"appointment"_s;
            job.entityId = QString::number(i);
            job.idempotencyKey = u"cli-job-%1"_s.arg(i);
            QVERIFY(outbox.enqueue(job));
        }
        const auto claimed = outbox.claimDue(u"worker"_s, 3, 600);
        QVERIFY(claimed && claimed->size() == 3);
        QVERIFY(outbox.markSucceeded(claimed->at(0).id, u"req-1"_s));
        QVERIFY(outbox.markFailed(claimed->at(1).id, Error::make(ErrorCode::RemoteValidation, u"no"_s), {}));

        Store::SyncStateRepository state(**db);
        for (const QString &subject : {u"appointment/1"_s, u"appointment/2"_s, u"appointment/3"_s}) {
            Domain::SyncFlag flag;
            flag.kind = u"wrong_place_edit"_s;
            flag.subject = subject;
            flag.message = u"tax edited in HubSpot"_s;
            QVERIFY(state.raiseFlag(flag));
        }
        QVERIFY(state.resolveFlag(u"wrong_place_edit"_s, u"appointment/3"_s, u"olga"_s));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_service = u"concord-test-cli-%1"_s.arg(QCoreApplication::applicationPid());
    }

    void init()
    {
        static int n = 0;
        m_storePath = m_dir.filePath(u"store-%1.sqlite"_s.arg(++n));
        m_config = m_dir.filePath(u"concord-%1.ini"_s.arg(n));
        writeConfig(m_config, "[store]\nurl=sqlite://" + m_storePath.toUtf8() + "\n[secrets]\nbackend=keychain\n");
    }

    void versionAndHelp()
    {
        const Run v = cli({u"--version"_s});
        QCOMPARE(v.exitCode, 0);
        QCOMPARE(v.out, u"concord-cli %1\n"_s.arg(QStringLiteral(CONCORD_VERSION)));
        const Run h = cli({u"--help"_s});
        QCOMPARE(h.exitCode, 0);
        for (const QString &word : {u"status"_s, u"audit verify"_s, u"secrets set NAME"_s, u"Exit codes"_s})
            QVERIFY2(h.out.contains(word), qPrintable(word));
        QVERIFY(h.err.isEmpty());
    }

    void badUsageIsOneLineAndExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList{} << u"no command given"_s;
        QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << u"unknown command 'frobnicate'"_s;
        QTest::newRow("unknown option") << QStringList{u"--frob"_s, u"status"_s} << u"unknown option '--frob'"_s;
        QTest::newRow("audit without verb") << QStringList{u"audit"_s} << u"usage: concord-cli audit verify"_s;
        QTest::newRow("secrets without name") << QStringList{u"secrets"_s, u"set"_s} << u"usage: concord-cli secrets"_s;
        QTest::newRow("status with junk") << QStringList{u"status"_s, u"junk"_s} << u"status takes no arguments"_s;
        QTest::newRow("missing config") << QStringList{u"status"_s, u"--config"_s, u"/nonexistent/concord.ini"_s}
                                        << u"/nonexistent/concord.ini"_s;
    }

    void badUsageIsOneLineAndExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        // One problem, one line (plus the usage hint for usage errors): no Qt warning stack.
        QVERIFY2(r.err.trimmed().split(u'\n').size() <= 2, qPrintable(r.err));
    }

    void badConfigValueNamesFileGroupAndKey()
    {
        const QString bad = m_dir.filePath(u"bad.ini"_s);
        writeConfig(bad, "[store]\nurl=mysql://localhost/concord\n");
        const Run r = cli({u"status"_s, u"--config"_s, bad});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.count(u'\n'), 1);
        QVERIFY2(r.err.contains(bad) && r.err.contains(u"[store] url"_s), qPrintable(r.err));
    }

    void statusJsonDescribesTheStore()
    {
        writeAuditEntries(2);
        const Run r = cli({u"status"_s, u"--config"_s, m_config, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject store = root.value(u"store"_s).toObject();
        QCOMPARE(store.value(u"open"_s).toBool(), true);
        QCOMPARE(store.value(u"url"_s).toString(), u"sqlite://"_s + m_storePath);
        QCOMPARE(store.value(u"schemaVersion"_s).toInt(), Store::latestSchemaVersion());
        QVERIFY(store.value(u"engine"_s).toString().startsWith(u"SQLite 3."_s));
        QCOMPARE(store.value(u"teamMode"_s), QJsonValue(false));
        const QJsonObject counts = root.value(u"counts"_s).toObject();
        QCOMPARE(counts.value(u"auditEntries"_s).toInt(), 2);
        QCOMPARE(counts.value(u"customers"_s).toInt(), 0);
        QCOMPARE(root.value(u"connections"_s).toArray().size(), 3);
        QCOMPARE(root.value(u"connections"_s).toArray().at(0).toObject().value(u"state"_s).toString(),
                 u"not_configured"_s);
    }

    void statusReportsSyncHealth()
    {
        writeSyncActivity();
        if (QTest::currentTestFailed())
            return;
        const Run r = cli({u"status"_s, u"--config"_s, m_config, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonObject counts = root.value(u"counts"_s).toObject();
        QCOMPARE(counts.value(u"pendingJobs"_s).toInt(), 2); // one waiting, one in flight
        QCOMPARE(counts.value(u"failedJobs"_s).toInt(), 1);
        QCOMPARE(counts.value(u"openFlags"_s).toInt(), 2);
        QCOMPARE(root.value(u"outbox"_s).toObject(),
                 (QJsonObject{{u"pending"_s, 1}, {u"inFlight"_s, 1}, {u"failed"_s, 1}, {u"succeeded"_s, 1},
                              {u"dismissed"_s, 0}}));
        const QJsonObject latency = root.value(u"latency"_s).toObject();
        QCOMPARE(latency.value(u"windowHours"_s).toInt(), 24);
        const QJsonArray kinds = latency.value(u"kinds"_s).toArray();
        QCOMPARE(kinds.size(), 2);
        // Nearest rank over the five recent appointment deliveries (the
        // day-old one is outside the window): p50 9 s, p95 70 s, over 60 s.
        QCOMPARE(kinds.at(0).toObject(),
                 (QJsonObject{{u"kind"_s, u"appointment"_s}, {u"count"_s, 5}, {u"p50Ms"_s, 9000}, {u"p95Ms"_s, 70000},
                              {u"targetMs"_s, 60000}, {u"withinTarget"_s, false}}));
        QCOMPARE(kinds.at(1).toObject(),
                 (QJsonObject{{u"kind"_s, u"payment"_s}, {u"count"_s, 2}, {u"p50Ms"_s, 100000}, {u"p95Ms"_s, 250000},
                              {u"targetMs"_s, 300000}, {u"withinTarget"_s, true}}));

        const Run human = cli({u"status"_s, u"--config"_s, m_config});
        QCOMPARE(human.exitCode, 0);
        QVERIFY2(human.out.contains(u"Outbox:       2 pending, 1 failed\n"_s), qPrintable(human.out));
        QVERIFY2(human.out.contains(u"Sync:         1 in flight, 1 delivered, 0 dismissed; 2 open flags\n"_s),
                 qPrintable(human.out));
        QVERIFY2(human.out.contains(u"Latency:      appointment: 5 changes, p50 9 s, p95 70 s (target under 60 s: "
                                    u"MISSED)\n"_s),
                 qPrintable(human.out));
        QVERIFY2(human.out.contains(u"Latency:      payment: 2 changes, p50 100 s, p95 250 s (target under 300 s: "
                                    u"met)\n"_s),
                 qPrintable(human.out));
    }

    void statusOfAQuietStoreSaysSo()
    {
        writeAuditEntries(1);
        const Run human = cli({u"status"_s, u"--config"_s, m_config});
        QCOMPARE(human.exitCode, 0);
        QVERIFY2(human.out.contains(u"Latency:      nothing delivered in the last 24 h\n"_s), qPrintable(human.out));
        const Run json = cli({u"status"_s, u"--config"_s, m_config, u"--json"_s});
        const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(root.value(u"latency"_s).toObject().value(u"kinds"_s).toArray().size(), 0);
        QCOMPARE(root.value(u"counts"_s).toObject().value(u"openFlags"_s).toInt(), 0);
    }

    void storeFromNewerConcordIsRefused()
    {
        auto db = Store::Database::open(u"sqlite://"_s + m_storePath);
        QVERIFY(db);
        QVERIFY(Store::migrate(**db));
        QVERIFY((*db)->exec(u"INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, 'future', 0)"_s,
                            {Store::latestSchemaVersion() + 1}));
        db->reset();
        const Run r = cli({u"status"_s, u"--config"_s, m_config});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"upgrade Concord"_s), qPrintable(r.err));
    }

    void auditVerifyFindsTheTamperedEntry()
    {
        writeAuditEntries(5);
        Run ok = cli({u"audit"_s, u"verify"_s, u"--config"_s, m_config});
        QCOMPARE(ok.exitCode, 0);
        QVERIFY2(ok.out.startsWith(u"audit log OK: 5 entries verified"_s), qPrintable(ok.out));

        {
            auto db = Store::Database::open(u"sqlite://"_s + m_storePath);
            QVERIFY(db);
            QVERIFY((*db)->execDirect(u"DROP TRIGGER audit_log_no_update"_s));
            QVERIFY((*db)->exec(u"UPDATE audit_log SET after_json = '{\"n\":99}' WHERE seq = 4"_s));
        }
        const Run broken = cli({u"audit"_s, u"verify"_s, u"--config"_s, m_config});
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(broken.out.contains(u"BROKEN at entry 4"_s), qPrintable(broken.out));
        QVERIFY2(broken.out.contains(u"3 entries before it verified"_s), qPrintable(broken.out));
    }

    void secretsRoundTripThroughTheKeychain()
    {
        if (qEnvironmentVariable("CONCORD_TEST_KEYRING_SANDBOX") != u"1"_s)
            QFAIL("no secret service: run this test under tests/run-with-keyring.sh");
        const QString value = u"hs-pat-na1-%1"_s.arg(QCoreApplication::applicationPid());

        Run set = cli({u"secrets"_s, u"set"_s, u"hubspot_token"_s, u"--config"_s, m_config}, value.toUtf8() + "\n");
        QCOMPARE(set.exitCode, 0);
        QCOMPARE(set.out, u"HUBSPOT_TOKEN saved in the keychain\n"_s);

        Run list = cli({u"secrets"_s, u"list"_s, u"--config"_s, m_config});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains(u"HUBSPOT_TOKEN  set (keychain)\n"_s), qPrintable(list.out));
        QVERIFY2(list.out.contains(u"CALCOM_API_KEY  not set\n"_s), qPrintable(list.out));
        // Never the value, anywhere.
        QVERIFY(!list.out.contains(value) && !list.err.contains(value) && !set.out.contains(value));

        Run del = cli({u"secrets"_s, u"delete"_s, u"CONCORD_HUBSPOT_TOKEN"_s, u"--config"_s, m_config});
        QCOMPARE(del.exitCode, 0);
        list = cli({u"secrets"_s, u"list"_s, u"--config"_s, m_config});
        QVERIFY2(list.out.contains(u"HUBSPOT_TOKEN  not set\n"_s), qPrintable(list.out));
        // The value never reached the config, nor a store (secrets commands open none).
        QFile config(m_config);
        QVERIFY(config.open(QIODevice::ReadOnly));
        QVERIFY(!config.readAll().contains(value.toUtf8()));
        QVERIFY(!QFile::exists(m_storePath));
    }

    void secretsRefuseBadInput()
    {
        Run empty = cli({u"secrets"_s, u"set"_s, u"CALCOM_API_KEY"_s, u"--config"_s, m_config}, "");
        QCOMPARE(empty.exitCode, 2);
        QVERIFY2(empty.err.contains(u"no value for CALCOM_API_KEY"_s), qPrintable(empty.err));
        Run unknown = cli({u"secrets"_s, u"set"_s, u"STRIPE_KEY"_s, u"--config"_s, m_config}, "x\n");
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(u"HUBSPOT_TOKEN"_s), qPrintable(unknown.err)); // lists the valid names
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
