// concord-syncd end to end (issue 8): the real executable against the three
// emulators, configured as an operator would — an INI file, the secrets in
// CONCORD_* environment variables — and driven from outside: its health
// endpoint, signed and forged webhooks, SIGTERM in the middle of a backlog
// and a restart that finishes it. The emulators count what they hold, so
// "no double delivery" is asserted exactly.
//
// The emulators live on this thread: every wait runs the event loop
// (QTest::qWaitFor, QSignalSpy::wait), never a blocking waitFor…(), except
// for `--check`, which talks to nobody.

#include "domainprinters.h"

#include "security/secretnames.h"
#include "security/secretstore.h"
#include "store/database.h"

#include "calcom/calcomemulator.h"
#include "calcom/calstate.h"
#include "calcom/calwebhooksender.h"
#include "hubspot/hsportal.h"
#include "hubspot/hubspotemulator.h"
#include "quickbooks/quickbooksemulator.h"
#include "tutoringsandbox.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;

namespace {

QString realm()
{
    return Sandbox::TutoringSandbox::kRealmId.toString();
}

QString syncdPath()
{
    return QStringLiteral(CONCORD_BINARY_DIR "/app/syncd/concord-syncd");
}

// A port nobody listens on right now (the child binds it a moment later).
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// The grace the service starts with (the backlog test sets its own).
constexpr int kGraceSecs = 20;
constexpr int kBacklogClients = 12;

struct Answer {
    int status = 0;
    QByteArray body;
    qint64 ms = 0;
};

} // namespace

class TestSyncd : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void checkNamesWhatIsWrong_data();
    void checkNamesWhatIsWrong();
    void checkPassesAGoodConfiguration();

    void healthAndReadiness();
    void signedCalcomWebhookIsAcknowledgedAndCarried();
    void forgedWebhookIsRefusedAndLogged();
    void oversizedWebhookIsRefused();
    void sigtermMidBacklogLosesNothingAndRestartFinishes_data();
    void sigtermMidBacklogLosesNothingAndRestartFinishes();

private:
    void writeConfig(const QString &path, const QHash<QString, QString> &overrides = {}) const;
    QProcess *startSyncd();
    // SIGTERM, then waits for the exit; returns the milliseconds it took (-1: no exit).
    qint64 terminate(QProcess *p, int withinMs);
    Answer get(const QString &path);
    Answer post(const QString &path, const QByteArray &body, const QList<std::pair<QByteArray, QByteArray>> &headers);
    Answer await(QNetworkReply *reply);
    QHash<QString, int> outboxStates() const;
    int qboCustomers() const;
    int hsContacts() const;
    int hsDeals() const;

    QTemporaryDir m_dir;
    std::unique_ptr<Sandbox::TutoringSandbox> m_sandbox;
    QProcessEnvironment m_env;
    QString m_configPath;
    quint16 m_webhookPort = 0;
    quint16 m_healthPort = 0;
    qint64 m_eventType = 0;
    qint64 m_hostUser = 0;
    QNetworkAccessManager m_nam;
    QProcess *m_syncd = nullptr;
    QByteArray m_output; // everything the current concord-syncd printed
};

void TestSyncd::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(syncdPath()), "build concord-syncd first");
    m_nam.setProxy(QNetworkProxy::NoProxy);
    m_sandbox = std::make_unique<Sandbox::TutoringSandbox>();
    Sandbox::TutoringSandbox::Options options;
    options.seed = Sandbox::TutoringSandbox::Seed::Empty;
    QVERIFY_OK(m_sandbox->start(options));
    Sandbox::HsRateLimiter::Limits hs = m_sandbox->hubspot().limiter().limits();
    hs.burstPer10s = 250;
    m_sandbox->hubspot().limiter().setLimits(hs);

    // The business: one service in both systems.
    auto item = m_sandbox->quickbooks().seed(realm(), u"Item"_s,
                                             QJsonObject{{u"Name"_s, u"Piano Lesson"_s},
                                                         {u"Type"_s, u"Service"_s},
                                                         {u"UnitPrice"_s, 50},
                                                         {u"IncomeAccountRef"_s, QJsonObject{{u"value"_s, u"1"_s}}}});
    QVERIFY(item.has_value());
    Sandbox::CalcomState &cal = m_sandbox->calcom().state();
    QVERIFY(!cal.users().isEmpty());
    m_hostUser = cal.users().first().id;
    Sandbox::CalEventType type;
    type.slug = u"piano"_s;
    type.title = u"Piano Lesson"_s;
    type.lengthInMinutes = 60;
    type.ownerId = m_hostUser;
    m_eventType = m_sandbox->calcom().addEventType(type);

    m_webhookPort = freePort();
    m_healthPort = freePort();
    QVERIFY(m_webhookPort != 0 && m_healthPort != 0 && m_webhookPort != m_healthPort);
    m_configPath = m_dir.filePath(u"concord.conf"_s);
    writeConfig(m_configPath);

    // Every secret as the service's EnvironmentFile= would set it.
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.remove(u"JOURNAL_STREAM"_s);
    m_env.remove(u"NOTIFY_SOCKET"_s);
    const std::unique_ptr<Security::SecretStore> secrets = m_sandbox->secrets();
    for (const QString &name : Security::knownSecretNames()) {
        const Result<QString> value = Security::waitForResult(secrets->read(name));
        if (value)
            m_env.insert(Security::secretEnvironmentVariable(name), *value);
    }
    QVERIFY(m_env.contains(u"CONCORD_HUBSPOT_TOKEN"_s));
    QVERIFY(m_env.contains(u"CONCORD_CALCOM_WEBHOOK_SECRET"_s));
    m_sandbox->setWebhookTarget(QUrl(u"http://127.0.0.1:%1"_s.arg(m_webhookPort)));
}

void TestSyncd::cleanupTestCase()
{
    if (m_syncd && m_syncd->state() != QProcess::NotRunning)
        terminate(m_syncd, 30'000);
    m_sandbox.reset();
}

void TestSyncd::writeConfig(const QString &path, const QHash<QString, QString> &overrides) const
{
    const Config config = m_sandbox->config(u"sqlite://"_s + m_dir.filePath(u"store.sqlite"_s));
    QHash<QString, QString> values{
        {u"store/url"_s, config.storeUrl},
        {u"quickbooks/base_url"_s, config.quickbooksBaseUrl.toString()},
        {u"quickbooks/token_url"_s, config.quickbooksTokenUrl.toString()},
        {u"quickbooks/realm_id"_s, config.quickbooksRealmId},
        {u"quickbooks/client_id"_s, config.quickbooksClientId},
        {u"hubspot/base_url"_s, config.hubspotBaseUrl.toString()},
        {u"hubspot/burst_limit"_s, u"250"_s},
        // The emulator's search shows records at once; a real portal needs ~30 s.
        {u"hubspot/search_lag_seconds"_s, u"2"_s},
        {u"calcom/base_url"_s, config.calcomBaseUrl.toString()},
        {u"sync/business_time_zone"_s, u"America/New_York"_s},
        {u"webhooks/listen"_s, u"127.0.0.1:%1"_s.arg(m_webhookPort)},
        {u"syncd/health_listen"_s, u"127.0.0.1:%1"_s.arg(m_healthPort)},
        {u"syncd/shutdown_grace_secs"_s, QString::number(kGraceSecs)},
        {u"syncd/worker"_s, u"syncd-test"_s},
    };
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        values.insert(it.key(), it.value());
    QFile::remove(path);
    QSettings ini(path, QSettings::IniFormat);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        ini.setValue(it.key(), it.value());
}

QProcess *TestSyncd::startSyncd()
{
    m_output.clear();
    auto *p = new QProcess(this);
    p->setProcessEnvironment(m_env);
    p->setProcessChannelMode(QProcess::MergedChannels);
    connect(p, &QProcess::readyRead, this, [this, p] { m_output += p->readAll(); });
    // The journal's form on purpose: the priority prefixes are part of what is tested.
    p->start(syncdPath(), {u"--config"_s, m_configPath, u"--log-format=journal"_s});
    return p;
}

qint64 TestSyncd::terminate(QProcess *p, int withinMs)
{
    QElapsedTimer timer;
    timer.start();
    ::kill(pid_t(p->processId()), SIGTERM);
    if (!QTest::qWaitFor([p] { return p->state() == QProcess::NotRunning; }, withinMs))
        return -1;
    return timer.elapsed();
}

Answer TestSyncd::await(QNetworkReply *reply)
{
    QElapsedTimer timer;
    timer.start();
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(15'000);
    Answer a;
    a.ms = timer.elapsed();
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    reply->deleteLater();
    return a;
}

Answer TestSyncd::get(const QString &path)
{
    return await(m_nam.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_healthPort).arg(path)))));
}

Answer TestSyncd::post(const QString &path, const QByteArray &body,
                       const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_webhookPort).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return await(m_nam.post(request, body));
}

QHash<QString, int> TestSyncd::outboxStates() const
{
    // A read-only look at the store the service writes (WAL: readers never block it).
    QHash<QString, int> states;
    auto db = Store::Database::open(u"sqlite://"_s + m_dir.filePath(u"store.sqlite"_s));
    if (!db)
        return states;
    auto rows = (*db)->select<std::pair<QString, int>>(
        u"SELECT state, COUNT(*) FROM outbox_jobs GROUP BY state"_s, {},
        [](const QSqlQuery &q) { return std::pair{q.value(0).toString(), q.value(1).toInt()}; });
    if (rows)
        for (const auto &[state, n] : std::as_const(*rows))
            states.insert(state, n);
    return states;
}

int TestSyncd::qboCustomers() const
{
    return int(m_sandbox->quickbooks().entities(realm(), u"Customer"_s).size());
}

int TestSyncd::hsContacts() const
{
    return int(m_sandbox->hubspot().portal().all(u"contacts"_s).size());
}

int TestSyncd::hsDeals() const
{
    return int(m_sandbox->hubspot().portal().all(u"deals"_s).size());
}

// ---------------------------------------------------------------------------
// --check

void TestSyncd::checkNamesWhatIsWrong_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("unsetVariable");
    QTest::addColumn<QString>("expected"); // in the output

    QTest::newRow("grace not a number") << u"syncd/shutdown_grace_secs"_s << u"forever"_s << QString()
                                        << u"[syncd] shutdown_grace_secs: expected whole seconds"_s;
    QTest::newRow("health address") << u"syncd/health_listen"_s << u"everywhere"_s << QString()
                                    << u"[syncd] health_listen: expected host:port"_s;
    QTest::newRow("typo in a key") << u"hubspot/bse_url"_s << u"http://127.0.0.1:1"_s << QString()
                                   << u"[hubspot] bse_url: unknown key (did you mean base_url?)"_s;
    QTest::newRow("secret missing") << QString() << QString() << u"CONCORD_HUBSPOT_TOKEN"_s
                                    << u"environment: CONCORD_HUBSPOT_TOKEN is not set"_s;
    QTest::newRow("webhook secret missing") << QString() << QString() << u"CONCORD_CALCOM_WEBHOOK_SECRET"_s
                                            << u"environment: CONCORD_CALCOM_WEBHOOK_SECRET is not set"_s;
    QTest::newRow("same address twice") << u"syncd/health_listen"_s << u"127.0.0.1:%1"_s.arg(m_webhookPort)
                                        << QString() << u"[syncd] health_listen: 127.0.0.1:"_s;
    QTest::newRow("store folder missing") << u"store/url"_s << u"sqlite:///nonexistent-concord-dir/s.sqlite"_s
                                          << QString() << u"[store] url: the folder /nonexistent-concord-dir"_s;
}

void TestSyncd::checkNamesWhatIsWrong()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, unsetVariable);
    QFETCH(QString, expected);

    const QString path = m_dir.filePath(u"broken.conf"_s);
    QHash<QString, QString> overrides;
    if (!key.isEmpty())
        overrides.insert(key, value);
    writeConfig(path, overrides);
    QProcessEnvironment env = m_env;
    if (!unsetVariable.isEmpty())
        env.remove(unsetVariable);
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(syncdPath(), {u"--config"_s, path, u"--check"_s});
    QVERIFY(p.waitForFinished(30'000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.exitCode() == 2, qPrintable(err));
    QVERIFY2(err.contains(expected), qPrintable(err));
    if (!key.isEmpty() && !key.startsWith(u"store"_s))
        QVERIFY2(err.contains(path), qPrintable(u"the file is not named:\n"_s + err));
    // Secrets are named, never shown.
    for (const QString &name : Security::knownSecretNames()) {
        const QString secret = env.value(Security::secretEnvironmentVariable(name));
        if (secret.size() >= 8)
            QVERIFY2(!err.contains(secret), qPrintable(u"the value of %1 was printed"_s.arg(name)));
    }
    QVERIFY2(!QFile::exists(m_dir.filePath(u"store.sqlite"_s)), "--check created the store");
}

void TestSyncd::checkPassesAGoodConfiguration()
{
    QProcess p;
    p.setProcessEnvironment(m_env);
    p.start(syncdPath(), {u"--config"_s, m_configPath, u"--check"_s});
    QVERIFY(p.waitForFinished(30'000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(p.exitCode() == 0, qPrintable(err));
    QVERIFY2(err.contains(u"configuration OK"_s), qPrintable(err));
    QVERIFY2(err.contains(u"will be created"_s), qPrintable(err));
}

// ---------------------------------------------------------------------------
// Running

void TestSyncd::healthAndReadiness()
{
    m_syncd = startSyncd();
    QVERIFY(QTest::qWaitFor([this] { return m_syncd->state() == QProcess::Running; }, 10'000));
    QVERIFY2(QTest::qWaitFor([this] { return get(u"/healthz"_s).status == 200 || m_syncd->state() != QProcess::Running; },
                             20'000),
             m_output.constData());
    QVERIFY2(m_syncd->state() == QProcess::Running, m_output.constData());
    const Answer live = get(u"/healthz"_s);
    QCOMPARE(live.status, 200);
    QCOMPARE(live.body, QByteArrayLiteral("ok\n"));

    // Ready once the three systems have answered and the webhook secrets are read.
    Answer ready;
    QVERIFY2(QTest::qWaitFor([&] { return (ready = get(u"/readyz"_s)).status == 200; }, 30'000),
             (ready.body + "\n" + m_output).constData());
    const QJsonObject health = QJsonDocument::fromJson(ready.body).object();
    QCOMPARE(health.value(u"ready"_s).toBool(), true);
    QCOMPARE(health.value(u"reasons"_s).toArray().size(), 0);
    QCOMPARE(health.value(u"worker"_s).toString(), u"syncd-test"_s);
    QCOMPARE(health.value(u"store"_s).toObject().value(u"reachable"_s).toBool(), true);
    QStringList systems;
    for (const QJsonValue &c : health.value(u"connections"_s).toArray())
        systems << c.toObject().value(u"system"_s).toString();
    systems.sort();
    QCOMPARE(systems, (QStringList{u"calcom"_s, u"hubspot"_s, u"quickbooks"_s}));
    // After the first capture every system has a last complete poll.
    QVERIFY2(QTest::qWaitFor([&] {
        int polled = 0;
        const QJsonObject now = QJsonDocument::fromJson(get(u"/readyz"_s).body).object();
        for (const QJsonValue &c : now.value(u"connections"_s).toArray())
            polled += c.toObject().value(u"lastPollAt"_s).isString() ? 1 : 0;
        return polled == 3;
    }, 30'000),
             get(u"/readyz"_s).body.constData());
    const QJsonObject hooks = health.value(u"webhooks"_s).toObject();
    QCOMPARE(hooks.value(u"listening"_s).toBool(), true);
    QCOMPARE(hooks.value(u"secretsLoaded"_s).toBool(), true);
    QVERIFY(health.value(u"outbox"_s).toObject().contains(u"pending"_s));
    QCOMPARE(get(u"/health"_s).status, 200);
    QCOMPARE(get(u"/nothing"_s).status, 404);

    // The journal's form: a priority, the category, the message.
    QVERIFY2(m_output.contains("<6>concord.syncd: ready"), m_output.constData());
    for (const QByteArray &line : m_output.split('\n'))
        if (!line.isEmpty())
            QVERIFY2(line.startsWith('<') && line.at(2) == '>', line.constData());
}

void TestSyncd::signedCalcomWebhookIsAcknowledgedAndCarried()
{
    QVERIFY(m_syncd && m_syncd->state() == QProcess::Running);
    const int customersBefore = qboCustomers();
    const int dealsBefore = hsDeals();
    // The emulator signs the booking's webhook; this test delivers it, to time the answer.
    Sandbox::CalWebhookSender *sender = m_sandbox->calcom().webhooks();
    sender->setHeld(true);
    const qsizetype logBefore = sender->deliveries().size();
    Sandbox::CalAttendee a;
    a.name = u"Nora Webb"_s;
    a.email = u"nora.webb@example.com"_s;
    a.phoneNumber = u"+12125550147"_s;
    a.timeZone = u"America/New_York"_s;
    const QDateTime start(QDate::currentDate().addDays(3), QTime(15, 0), Qt::UTC);
    auto booked = m_sandbox->calcom().clientBooks(m_eventType, start, a);
    QVERIFY(booked.has_value());
    const QList<Sandbox::CalWebhookSender::Delivery> log = sender->deliveries();
    QVERIFY(log.size() > logBefore);
    const Sandbox::CalWebhookSender::Delivery d = log.last();
    // Held deliveries stay unsent (releaseHeld() is never called); later ones go out.
    sender->setHeld(false);

    const Answer ack = post(u"/webhooks/calcom"_s, d.body,
                            {{QByteArrayLiteral("X-Cal-Signature-256"), d.signature},
                             {QByteArrayLiteral("x-cal-webhook-version"), d.version.toUtf8()}});
    QVERIFY2(ack.status == 200, ack.body.constData());
    // Persisted and acknowledged well inside QuickBooks' 3 s (Cal.com's own limit is looser).
    QVERIFY2(ack.ms < 3000, qPrintable(u"acknowledged after %1 ms"_s.arg(ack.ms)));
    QCOMPARE(QJsonDocument::fromJson(ack.body).object().value(u"stored"_s).toInt(), 1);

    // The booking reaches QuickBooks and HubSpot.
    QVERIFY2(QTest::qWaitFor([&] { return qboCustomers() == customersBefore + 1 && hsDeals() == dealsBefore + 1; },
                             30'000),
             m_output.constData());
    const QJsonObject health = QJsonDocument::fromJson(get(u"/readyz"_s).body).object();
    const QJsonObject cal = health.value(u"webhooks"_s).toObject().value(u"systems"_s).toObject().value(u"calcom"_s).toObject();
    QVERIFY2(cal.value(u"accepted"_s).toInt() >= 1, QJsonDocument(cal).toJson().constData());
}

void TestSyncd::forgedWebhookIsRefusedAndLogged()
{
    QVERIFY(m_syncd && m_syncd->state() == QProcess::Running);
    const QByteArray body =
        R"({"triggerEvent":"BOOKING_CREATED","createdAt":"2026-01-01T00:00:00.000Z","payload":{"uid":"forged"}})";
    const Answer refused =
        post(u"/webhooks/calcom"_s, body,
             {{QByteArrayLiteral("X-Cal-Signature-256"), Sandbox::CalWebhookSender::sign(u"not-the-secret"_s, body)},
              {QByteArrayLiteral("x-cal-webhook-version"), QByteArrayLiteral("2021-10-20")}});
    QCOMPARE(refused.status, 401);
    QVERIFY2(QTest::qWaitFor([this] { return m_output.contains("Cal.com webhook refused (HTTP 401)"); }, 5000),
             m_output.constData());
    // At warning priority, under the receiver's category.
    QVERIFY2(m_output.contains("<4>concord.sync.webhooks: Cal.com webhook refused (HTTP 401)"), m_output.constData());
    QVERIFY(!m_output.contains(m_env.value(u"CONCORD_CALCOM_WEBHOOK_SECRET"_s).toUtf8()));
}

void TestSyncd::oversizedWebhookIsRefused()
{
    QVERIFY(m_syncd && m_syncd->state() == QProcess::Running);
    QByteArray body(2 * 1024 * 1024, 'x');
    const Answer refused = post(u"/webhooks/hubspot"_s, body, {});
    QCOMPARE(refused.status, 413);
    QVERIFY2(QTest::qWaitFor([this] { return m_output.contains("webhook refused (HTTP 413)"); }, 5000),
             m_output.constData());
    // Still alive and well.
    QCOMPARE(get(u"/healthz"_s).status, 200);
}

void TestSyncd::sigtermMidBacklogLosesNothingAndRestartFinishes_data()
{
    QTest::addColumn<int>("graceSecs");
    QTest::addColumn<int>("apiDelayMs"); // each answer of the emulators, while the backlog is being worked
    QTest::addColumn<bool>("abandons");  // deliveries are still in flight when the grace runs out
    // A delivery is a few calls (look up, then create): ~2 s here, well inside 20 s.
    QTest::newRow("in-flight deliveries finish") << 20 << 700 << false;
    // Every call takes 2.5 s: what is in flight at SIGTERM is still in flight a second later.
    QTest::newRow("in-flight deliveries abandoned at the deadline") << 1 << 2500 << true;
}

void TestSyncd::sigtermMidBacklogLosesNothingAndRestartFinishes()
{
    QFETCH(int, graceSecs);
    QFETCH(int, apiDelayMs);
    QFETCH(bool, abandons);
    static int run = 0;
    ++run;

    // A service with this row's grace, on a settled store.
    if (m_syncd && m_syncd->state() != QProcess::NotRunning)
        QVERIFY(terminate(m_syncd, 30'000) >= 0);
    QVERIFY(QTest::qWaitFor([this] {
        const auto s = outboxStates();
        return s.value(u"pending"_s) == 0 && s.value(u"in_flight"_s) == 0;
    }, 30'000));
    writeConfig(m_configPath, {{u"syncd/shutdown_grace_secs"_s, QString::number(graceSecs)}});
    m_syncd = startSyncd();
    QVERIFY2(QTest::qWaitFor([this] { return get(u"/healthz"_s).status == 200 || m_syncd->state() != QProcess::Running; },
                             20'000),
             m_output.constData());
    const int customersBefore = qboCustomers();
    const int contactsBefore = hsContacts();
    const int dealsBefore = hsDeals();
    const int succeededBefore = outboxStates().value(u"succeeded"_s);

    // A backlog the next Cal.com poll finds at once (seeded: no webhooks),
    // against slow APIs so deliveries are in flight when SIGTERM comes.
    m_sandbox->setApiDelay(apiDelayMs);
    const QDateTime base(QDate::currentDate().addDays(14 + run), QTime(12, 0), Qt::UTC);
    QStringList emails;
    for (int c = 0; c < kBacklogClients; ++c) {
        Sandbox::CalAttendee a;
        a.name = u"Backlog%1x%2 Family%1x%2"_s.arg(run).arg(c);
        a.email = u"backlog%1x%2@syncd.example"_s.arg(run).arg(c);
        a.phoneNumber = u"+1555%1"_s.arg(8000000 + run * 100 + c);
        a.timeZone = u"America/New_York"_s;
        emails << a.email;
        Sandbox::CalBooking b;
        b.uid = u"syncd-backlog-%1-%2"_s.arg(run).arg(c);
        b.eventTypeId = m_eventType;
        b.hostUserId = m_hostUser;
        b.title = u"Piano Lesson"_s;
        const QDateTime at = base.addSecs(qint64(c) * 1800);
        b.startMs = at.toMSecsSinceEpoch();
        b.endMs = at.addSecs(1800).toMSecsSinceEpoch();
        b.createdMs = QDateTime::currentMSecsSinceEpoch();
        b.updatedMs = b.createdMs + c;
        b.attendees = {a};
        QVERIFY(m_sandbox->calcom().seedBooking(b).has_value());
    }
    QVERIFY2(QTest::qWaitFor([&] {
        const auto s = outboxStates();
        return s.value(u"succeeded"_s) > succeededBefore && s.value(u"in_flight"_s) > 0;
    }, 60'000),
             m_output.constData());

    const qint64 tookMs = terminate(m_syncd, (graceSecs + 20) * 1000);
    QVERIFY2(tookMs >= 0, m_output.constData());
    QCOMPARE(m_syncd->exitStatus(), QProcess::NormalExit);
    QVERIFY2(m_syncd->exitCode() == 0, m_output.constData());
    // Within the grace (plus the stop's own work and the process's exit).
    QVERIFY2(tookMs < (graceSecs + 3) * 1000, qPrintable(u"stopped after %1 ms"_s.arg(tookMs)));
    QVERIFY2(m_output.contains("<6>concord.syncd: SIGTERM received: stopping"), m_output.constData());
    const QByteArray said = m_output.mid(m_output.lastIndexOf("concord.syncd: stopped"));
    qInfo().noquote() << "stopped after" << tookMs << "ms:" << QString::fromUtf8(said).trimmed();
    if (abandons) {
        QVERIFY2(said.startsWith("concord.syncd: stopped at the deadline"), said.constData());
        QVERIFY2(!said.contains(" 0 put back"), said.constData());
    } else {
        QVERIFY2(said.startsWith("concord.syncd: stopped cleanly"), said.constData());
        QVERIFY2(said.contains(" 0 put back"), said.constData());
    }
    const QHash<QString, int> afterStop = outboxStates();
    QCOMPARE(afterStop.value(u"in_flight"_s), 0); // released or finished: nothing stranded under a lease
    QVERIFY2(afterStop.value(u"pending"_s) > 0, "the backlog was done before the stop: nothing was tested");
    m_syncd->deleteLater();

    // A restart finishes the backlog, each record exactly once.
    m_sandbox->setApiDelay(0);
    m_syncd = startSyncd();
    QVERIFY2(QTest::qWaitFor([&] {
        const auto s = outboxStates();
        return m_syncd->state() == QProcess::NotRunning
            || (s.value(u"pending"_s) == 0 && s.value(u"in_flight"_s) == 0
                && hsDeals() >= dealsBefore + kBacklogClients);
    }, 90'000),
             m_output.constData());
    QVERIFY2(m_syncd->state() == QProcess::Running, m_output.constData());
    QCOMPARE(outboxStates().value(u"failed"_s), 0);
    QCOMPARE(qboCustomers(), customersBefore + kBacklogClients);
    QCOMPARE(hsContacts(), contactsBefore + kBacklogClients);
    QCOMPARE(hsDeals(), dealsBefore + kBacklogClients);
    QHash<QString, int> inHubSpot;
    QHash<QString, int> inQuickBooks;
    for (const auto *c : m_sandbox->hubspot().portal().all(u"contacts"_s))
        ++inHubSpot[c->props.value(u"email"_s).toLower()];
    for (const QJsonObject &c : m_sandbox->quickbooks().entities(realm(), u"Customer"_s))
        ++inQuickBooks[c.value(u"PrimaryEmailAddr"_s).toObject().value(u"Address"_s).toString().toLower()];
    for (const QString &email : std::as_const(emails)) {
        QVERIFY2(inHubSpot.value(email) == 1, qPrintable(u"%1 HubSpot contacts for %2"_s.arg(inHubSpot.value(email)).arg(email)));
        QVERIFY2(inQuickBooks.value(email) == 1,
                 qPrintable(u"%1 QuickBooks customers for %2"_s.arg(inQuickBooks.value(email)).arg(email)));
    }

    const qint64 secondStop = terminate(m_syncd, 30'000);
    QVERIFY(secondStop >= 0);
    QCOMPARE(m_syncd->exitCode(), 0);
    QCOMPARE(outboxStates().value(u"in_flight"_s), 0);
}

QTEST_GUILESS_MAIN(TestSyncd)
#include "tst_syncd.moc"
