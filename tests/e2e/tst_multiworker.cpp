// concord-test: postgresql-only
//
// Several concord-syncd processes on one PostgreSQL store (issue 8, "Many
// workers"): the real executables against the three emulators, each worker
// with its own name and health port, a short lease. A backlog of bookings
// waits in Cal.com before they start, so the outbox fills with hundreds of
// jobs that every worker claims from.
//
// What is asserted, exactly (the emulators count what they hold):
// - every client exists once in QuickBooks and once in HubSpot, every booking
//   has one deal: no double delivery, nothing lost;
// - every job ended succeeded, each success recorded by one worker (the
//   workers' own "delivered" counts add up to the succeeded jobs), more than
//   one worker delivered;
// - each capture duty was led by one worker (advisory-lock election);
// - SIGKILL of the Cal.com leader while it holds jobs in flight: the others
//   take its jobs after the lease, one of them takes the lead, and a booking
//   made after the kill is carried.
//
// The workers poll (no webhook receiver: each would need a port of its own,
// and a webhook is only a hint that the leader's poll covers anyway).
//
// The emulators live on this thread: every wait runs the event loop
// (QTest::qWaitFor), never a blocking waitFor…().

#include "domainprinters.h"
#include "teststore.h"

#include "security/secretnames.h"
#include "security/secretstore.h"
#include "store/database.h"

#include "calcom/calcomemulator.h"
#include "calcom/calstate.h"
#include "hubspot/hsportal.h"
#include "hubspot/hubspotemulator.h"
#include "quickbooks/quickbooksemulator.h"
#include "tutoringsandbox.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <vector>

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

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// Short enough that a killed worker's jobs come back within the test, long
// enough (heartbeat every 5/3 s) that a live worker never loses one.
constexpr int kLeaseSecs = 5;
constexpr int kBacklog = 150; // bookings, each a new client: ~450 jobs

struct Worker {
    QString name;
    QString configPath;
    QProcess *process = nullptr;
    QByteArray output;
};

} // namespace

class TestMultiWorker : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void workersShareTheBacklog_data();
    void workersShareTheBacklog();
    void sigkillOneWorker();

private:
    Worker *startWorker(const QString &name);
    // SIGTERM, then waits; the worker's "delivered N" from its last words (-1: none).
    int stopWorker(Worker &w);
    void seedBooking(const QString &tag, int i, const QDateTime &at, QStringList &emails);
    QHash<QString, int> outboxStates() const;
    QList<qint64> inFlightOf(const QString &worker) const;
    int count(const QString &sql) const;
    bool drained(int bookings) const;
    int hsDeals() const;
    // Who logged "worker <name> leads <duty>".
    QStringList leadersOf(const QString &duty) const;
    QString allOutput() const;
    // Every client once in QuickBooks and HubSpot, one deal per booking.
    void verifyExactlyOnce(const QStringList &emails, int bookings);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sandbox::TutoringSandbox> m_sandbox;
    std::unique_ptr<Store::Database> m_db;
    QString m_storeUrl;
    QProcessEnvironment m_env;
    qint64 m_eventType = 0;
    qint64 m_hostUser = 0;
    std::vector<std::unique_ptr<Worker>> m_workers;
};

void TestMultiWorker::init()
{
    QVERIFY2(QFile::exists(syncdPath()), "build concord-syncd first");
    QVERIFY(Test::onPostgres());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_storeUrl = Test::testStoreUrl(*m_dir, u"store"_s, true);
    auto db = Store::Database::open(m_storeUrl, u"multiworker-test"_s);
    QVERIFY_OK(db);
    m_db = std::move(*db);

    // Fresh emulators per case: a first poll reads Cal.com from the start.
    // Their rate limits are not what is tested here (the connectors' own
    // limiters stay on): throttling off keeps the run short and even.
    m_sandbox = std::make_unique<Sandbox::TutoringSandbox>();
    Sandbox::TutoringSandbox::Options options;
    options.seed = Sandbox::TutoringSandbox::Seed::Empty;
    QVERIFY_OK(m_sandbox->start(options));
    m_sandbox->hubspot().setThrottlingEnabled(false);
    m_sandbox->quickbooks().setThrottlingEnabled(false);
    m_sandbox->calcom().setThrottlingEnabled(false);
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

    m_env = QProcessEnvironment::systemEnvironment();
    m_env.remove(u"JOURNAL_STREAM"_s);
    m_env.remove(u"NOTIFY_SOCKET"_s);
    const std::unique_ptr<Security::SecretStore> secrets = m_sandbox->secrets();
    for (const QString &name : Security::knownSecretNames()) {
        const Result<QString> value = Security::waitForResult(secrets->read(name));
        if (value)
            m_env.insert(Security::secretEnvironmentVariable(name), *value);
    }
}

void TestMultiWorker::cleanup()
{
    for (auto &w : m_workers) {
        if (w->process->state() != QProcess::NotRunning) {
            ::kill(pid_t(w->process->processId()), SIGKILL);
            (void)QTest::qWaitFor([&] { return w->process->state() == QProcess::NotRunning; }, 10'000);
        }
    }
    // CONCORD_TEST_VERBOSE=1 shows what the workers said on success too.
    if (QTest::currentTestFailed() || qEnvironmentVariableIsSet("CONCORD_TEST_VERBOSE"))
        qWarning().noquote() << "workers' output:\n" << allOutput();
    m_workers.clear();
    m_db.reset();
    m_sandbox.reset();
    m_dir.reset();
}

Worker *TestMultiWorker::startWorker(const QString &name)
{
    auto w = std::make_unique<Worker>();
    w->name = name;
    w->configPath = m_dir->filePath(name + u".conf"_s);
    const Config config = m_sandbox->config(m_storeUrl);
    const QHash<QString, QString> values{
        {u"store/url"_s, m_storeUrl},
        {u"quickbooks/base_url"_s, config.quickbooksBaseUrl.toString()},
        {u"quickbooks/token_url"_s, config.quickbooksTokenUrl.toString()},
        {u"quickbooks/realm_id"_s, config.quickbooksRealmId},
        {u"quickbooks/client_id"_s, config.quickbooksClientId},
        {u"hubspot/base_url"_s, config.hubspotBaseUrl.toString()},
        {u"hubspot/burst_limit"_s, u"250"_s},
        {u"hubspot/search_lag_seconds"_s, u"2"_s}, // the emulator's search shows records at once
        {u"calcom/base_url"_s, config.calcomBaseUrl.toString()},
        {u"sync/business_time_zone"_s, u"America/New_York"_s},
        {u"sync/lease_secs"_s, QString::number(kLeaseSecs)},
        {u"syncd/health_listen"_s, u"127.0.0.1:%1"_s.arg(freePort())},
        {u"syncd/shutdown_grace_secs"_s, u"10"_s},
        {u"syncd/worker"_s, name},
    };
    {
        QSettings ini(w->configPath, QSettings::IniFormat);
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            ini.setValue(it.key(), it.value());
    }
    w->process = new QProcess(this);
    w->process->setProcessEnvironment(m_env);
    w->process->setProcessChannelMode(QProcess::MergedChannels);
    Worker *raw = w.get();
    connect(w->process, &QProcess::readyRead, this, [raw] { raw->output += raw->process->readAll(); });
    w->process->start(syncdPath(), {u"--config"_s, w->configPath, u"--log-format=text"_s});
    m_workers.push_back(std::move(w));
    return raw;
}

int TestMultiWorker::stopWorker(Worker &w)
{
    if (w.process->state() == QProcess::NotRunning)
        return -1;
    ::kill(pid_t(w.process->processId()), SIGTERM);
    if (!QTest::qWaitFor([&] { return w.process->state() == QProcess::NotRunning; }, 30'000))
        return -1;
    static const QRegularExpression delivered(u"stopped (cleanly|at the deadline): delivered (\\d+)"_s);
    const QRegularExpressionMatch m = delivered.match(QString::fromUtf8(w.output));
    return m.hasMatch() ? m.captured(2).toInt() : -1;
}

void TestMultiWorker::seedBooking(const QString &tag, int i, const QDateTime &at, QStringList &emails)
{
    Sandbox::CalAttendee a;
    a.name = u"Client%1x%2 Family%1x%2"_s.arg(tag).arg(i);
    a.email = u"client-%1-%2@multiworker.example"_s.arg(tag).arg(i);
    a.phoneNumber = u"+1555%1"_s.arg(2000000 + i);
    a.timeZone = u"America/New_York"_s;
    emails << a.email;
    Sandbox::CalBooking b;
    b.uid = u"multiworker-%1-%2"_s.arg(tag).arg(i);
    b.eventTypeId = m_eventType;
    b.hostUserId = m_hostUser;
    b.title = u"Piano Lesson"_s;
    b.startMs = at.toMSecsSinceEpoch();
    b.endMs = at.addSecs(1800).toMSecsSinceEpoch();
    b.createdMs = QDateTime::currentMSecsSinceEpoch();
    b.updatedMs = b.createdMs + i;
    b.attendees = {a};
    QVERIFY(m_sandbox->calcom().seedBooking(b).has_value());
}

QHash<QString, int> TestMultiWorker::outboxStates() const
{
    QHash<QString, int> states;
    auto rows = m_db->select<std::pair<QString, int>>(
        u"SELECT state, COUNT(*) FROM outbox_jobs GROUP BY state"_s, {},
        [](const QSqlQuery &q) { return std::pair{q.value(0).toString(), q.value(1).toInt()}; });
    if (rows)
        for (const auto &[state, n] : std::as_const(*rows))
            states.insert(state, n);
    return states;
}

QList<qint64> TestMultiWorker::inFlightOf(const QString &worker) const
{
    auto ids = m_db->select<qint64>(u"SELECT id FROM outbox_jobs WHERE state = 'in_flight' AND claimed_by = ? ORDER BY id"_s,
                                    {worker}, [](const QSqlQuery &q) { return q.value(0).toLongLong(); });
    return ids ? *ids : QList<qint64>();
}

int TestMultiWorker::count(const QString &sql) const
{
    auto n = m_db->scalar(sql);
    return n ? n->toInt() : -1;
}

int TestMultiWorker::hsDeals() const
{
    return int(m_sandbox->hubspot().portal().all(u"deals"_s).size());
}

bool TestMultiWorker::drained(int bookings) const
{
    const auto s = outboxStates();
    return s.value(u"pending"_s) == 0 && s.value(u"in_flight"_s) == 0 && s.value(u"succeeded"_s) > 0
        && hsDeals() >= bookings;
}

QStringList TestMultiWorker::leadersOf(const QString &duty) const
{
    QStringList who;
    for (const auto &w : m_workers)
        if (w->output.contains(u"worker %1 leads %2"_s.arg(w->name, duty).toUtf8()))
            who << w->name;
    return who;
}

QString TestMultiWorker::allOutput() const
{
    QString all;
    for (const auto &w : m_workers)
        all += u"==== "_s + w->name + u'\n' + QString::fromUtf8(w->output).right(8000) + u'\n';
    return all;
}

void TestMultiWorker::verifyExactlyOnce(const QStringList &emails, int bookings)
{
    QHash<QString, int> inHubSpot;
    QHash<QString, int> inQuickBooks;
    for (const auto *c : m_sandbox->hubspot().portal().all(u"contacts"_s))
        ++inHubSpot[c->props.value(u"email"_s).toLower()];
    for (const QJsonObject &c : m_sandbox->quickbooks().entities(realm(), u"Customer"_s))
        ++inQuickBooks[c.value(u"PrimaryEmailAddr"_s).toObject().value(u"Address"_s).toString().toLower()];
    QCOMPARE(inHubSpot.size(), emails.size());
    QCOMPARE(inQuickBooks.size(), emails.size());
    for (const QString &email : emails) {
        QVERIFY2(inHubSpot.value(email) == 1,
                 qPrintable(u"%1 HubSpot contacts for %2"_s.arg(inHubSpot.value(email)).arg(email)));
        QVERIFY2(inQuickBooks.value(email) == 1,
                 qPrintable(u"%1 QuickBooks customers for %2"_s.arg(inQuickBooks.value(email)).arg(email)));
    }
    QHash<QString, int> dealNames;
    for (const auto *d : m_sandbox->hubspot().portal().all(u"deals"_s))
        ++dealNames[d->props.value(u"dealname"_s)];
    QCOMPARE(hsDeals(), bookings);
    QCOMPARE(dealNames.size(), bookings);
    // Every job ended delivered; none failed, none waits.
    const auto states = outboxStates();
    QCOMPARE(states.value(u"failed"_s), 0);
    QCOMPARE(states.value(u"pending"_s), 0);
    QCOMPARE(states.value(u"in_flight"_s), 0);
    QCOMPARE(states.value(u"dismissed"_s), 0);
    QVERIFY(states.value(u"succeeded"_s) >= 3 * bookings);
}

void TestMultiWorker::workersShareTheBacklog_data()
{
    QTest::addColumn<int>("workers");
    QTest::newRow("twoWorkers") << 2;
    QTest::newRow("fourWorkers") << 4;
}

void TestMultiWorker::workersShareTheBacklog()
{
    QFETCH(int, workers);
    QElapsedTimer took;
    took.start();
    QStringList emails;
    const QDateTime base(QDate::currentDate().addDays(10), QTime(12, 0), Qt::UTC);
    for (int i = 0; i < kBacklog; ++i)
        seedBooking(u"w%1"_s.arg(workers), i, base.addSecs(qint64(i) * 3600), emails);
    for (int n = 1; n <= workers; ++n)
        startWorker(u"w%1"_s.arg(n));

    QVERIFY2(QTest::qWaitFor([&] { return drained(kBacklog); }, 150'000), qPrintable(allOutput()));
    const qint64 drainedMs = took.elapsed();
    // One capture leader, elected among the live workers (read
    // before the stops: a worker still running may take a lead a stopping
    // one gives up).
    for (const QString &duty : {u"capture"_s})
        QVERIFY2(leadersOf(duty).size() == 1,
                 qPrintable(u"%1 led by [%2]\n%3"_s.arg(duty, leadersOf(duty).join(u", "_s), allOutput())));
    verifyExactlyOnce(emails, kBacklog);

    // Each success was recorded once, by the worker that delivered it; more
    // than one worker delivered; no worker recorded over a lost claim.
    int delivered = 0;
    int busy = 0;
    QStringList spread;
    for (auto &w : m_workers) {
        const int n = stopWorker(*w);
        QVERIFY2(n >= 0, qPrintable(allOutput()));
        QVERIFY2(!w->output.contains("is no longer its"), w->output.constData());
        delivered += n;
        busy += n > 0 ? 1 : 0;
        spread << u"%1: %2"_s.arg(w->name).arg(n);
    }
    qInfo().noquote() << workers << "workers drained" << outboxStates().value(u"succeeded"_s) << "jobs in" << drainedMs
                      << "ms; delivered" << spread.join(u", "_s);
    QCOMPARE(delivered, outboxStates().value(u"succeeded"_s));
    QVERIFY2(busy >= 2, qPrintable(spread.join(u", "_s)));
    QCOMPARE(count(u"SELECT COUNT(*) FROM outbox_jobs WHERE state = 'succeeded' AND attempts < 1"_s), 0);
}

void TestMultiWorker::sigkillOneWorker()
{
    QStringList emails;
    const QDateTime base(QDate::currentDate().addDays(20), QTime(12, 0), Qt::UTC);
    for (int i = 0; i < kBacklog; ++i)
        seedBooking(u"k"_s, i, base.addSecs(qint64(i) * 3600), emails);
    // Slow answers, so deliveries are in flight when the kill comes.
    m_sandbox->setApiDelay(150);
    for (int n = 1; n <= 3; ++n)
        startWorker(u"k%1"_s.arg(n));

    // The capture leader, once it holds jobs in flight.
    Worker *victim = nullptr;
    QList<qint64> held;
    QVERIFY2(QTest::qWaitFor([&] {
        const QStringList leaders = leadersOf(u"capture"_s);
        if (leaders.size() != 1)
            return false;
        for (auto &w : m_workers)
            if (w->name == leaders.first())
                victim = w.get();
        held = inFlightOf(victim->name);
        return !held.isEmpty();
    }, 60'000),
             qPrintable(allOutput()));
    ::kill(pid_t(victim->process->processId()), SIGKILL);
    QVERIFY(QTest::qWaitFor([&] { return victim->process->state() == QProcess::NotRunning; }, 10'000));
    QCOMPARE(victim->process->exitStatus(), QProcess::CrashExit);
    held = inFlightOf(victim->name); // what it still held when it died
    QVERIFY2(!held.isEmpty(), "the killed worker held nothing in flight: nothing was tested");
    qInfo().noquote() << "killed" << victim->name << "holding" << held.size() << "jobs in flight";
    m_sandbox->setApiDelay(0);

    // A booking made after the kill: only a new capture leader carries it.
    seedBooking(u"k"_s, kBacklog, base.addSecs(qint64(kBacklog) * 3600), emails);

    QVERIFY2(QTest::qWaitFor([&] { return drained(kBacklog + 1); }, 150'000), qPrintable(allOutput()));
    QStringList successors = leadersOf(u"capture"_s);
    successors.removeAll(victim->name);
    QVERIFY2(successors.size() == 1, qPrintable(allOutput()));
    verifyExactlyOnce(emails, kBacklog + 1);
    // The dead worker's jobs were claimed again (its attempt is never taken
    // back: at least one more) and finished by the others.
    QStringList attemptsOfHeld;
    for (qint64 id : std::as_const(held)) {
        const int attempts =
            count(u"SELECT attempts FROM outbox_jobs WHERE id = %1 AND state = 'succeeded' AND claimed_by = ''"_s.arg(id));
        QVERIFY2(attempts >= 2, qPrintable(u"job %1: %2 attempts (-1: not delivered)"_s.arg(id).arg(attempts)));
        attemptsOfHeld << u"%1: %2"_s.arg(id).arg(attempts);
    }
    qInfo().noquote() << "the killed worker's jobs ended delivered after attempts" << attemptsOfHeld.join(u", "_s)
                      << "- capture led next by" << successors.first();
    QCOMPARE(count(u"SELECT COUNT(*) FROM outbox_jobs WHERE claimed_by = '%1'"_s.arg(victim->name)), 0);

    int delivered = 0;
    for (auto &w : m_workers) {
        if (w.get() == victim)
            continue;
        const int n = stopWorker(*w);
        QVERIFY2(n >= 0, qPrintable(allOutput()));
        delivered += n;
    }
    // The survivors recorded every success but what the victim recorded before it died.
    QVERIFY(delivered > 0);
    QVERIFY(delivered <= outboxStates().value(u"succeeded"_s));
}

QTEST_GUILESS_MAIN(TestMultiWorker)
#include "tst_multiworker.moc"
