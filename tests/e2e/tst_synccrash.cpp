// Crash consistency (issue 6): `concord-cli sync --once` is killed with
// SIGKILL at random points of a 1,000-booking sync and restarted until it
// finishes; then no emulator holds a duplicate and none misses a record.
//
// 100 clients book 10 weekly sessions each (one already held, so it is
// invoiced). Every client must exist once in QuickBooks and HubSpot, every
// booking must have exactly one deal, every held session exactly one
// invoice — whatever the kills interrupted: a QuickBooks create whose answer
// never arrived (requestid replay), a HubSpot create cut off before its id
// was stored (found again by name once search shows it), a store
// transaction half done (rolled back by SQLite).

#include "common/clock.h"
#include "store/database.h"
#include "store/migrations.h"

#include "calcom/calcomemulator.h"
#include "calcom/calstate.h"
#include "hubspot/hsportal.h"
#include "hubspot/hubspotemulator.h"
#include "quickbooks/quickbooksemulator.h"
#include "tutoringsandbox.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace Concord;

namespace {

constexpr int kClients = 100;
constexpr int kSessionsPerClient = 10;

QString realm()
{
    return Sandbox::TutoringSandbox::kRealmId.toString();
}

} // namespace

class TestSyncCrash : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killedAtRandomPointsConvergesWithoutDuplicates();

private:
    // Runs `concord-cli sync --once` in the background; the caller kills or waits.
    QProcess *startSync();
    int completedJobs() const;

    QTemporaryDir m_dir;
    std::unique_ptr<Sandbox::TutoringSandbox> m_sandbox;
    QString m_configPath;
    QProcessEnvironment m_env;
    QString m_itemId;
    int m_heldSessions = 0;
};

void TestSyncCrash::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_sandbox = std::make_unique<Sandbox::TutoringSandbox>();
    Sandbox::TutoringSandbox::Options options;
    options.seed = Sandbox::TutoringSandbox::Seed::Empty;
    QVERIFY(m_sandbox->start(options).has_value());

    // Speed, not rate limits, is not what this test is about: HubSpot at its
    // highest published burst (250 per 10 s), QuickBooks as it is.
    Sandbox::HsRateLimiter::Limits hs = m_sandbox->hubspot().limiter().limits();
    hs.burstPer10s = 250;
    m_sandbox->hubspot().limiter().setLimits(hs);

    // The business: one service in both systems.
    auto item = m_sandbox->quickbooks().seed(realm(), u"Item"_s,
                                             QJsonObject{{u"Name"_s, u"Piano Lesson"_s},
                                                         {u"Type"_s, u"Service"_s},
                                                         {u"UnitPrice"_s, 50},
                                                         {u"IncomeAccountRef"_s, QJsonObject{{u"value"_s, u"1"_s}}}});
    QVERIFY2(item.has_value(), "QuickBooks refused the Item");
    m_itemId = item->value(u"Id"_s).toString();
    Sandbox::CalcomState &cal = m_sandbox->calcom().state();
    QVERIFY(!cal.users().isEmpty());
    const qint64 host = cal.users().first().id;
    Sandbox::CalEventType type;
    type.slug = u"piano"_s;
    type.title = u"Piano Lesson"_s;
    type.lengthInMinutes = 60;
    type.ownerId = host;
    const qint64 typeId = m_sandbox->calcom().addEventType(type);

    // 1,000 bookings: each client's first session was last week (held),
    // the other nine are weekly from next week.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime base(now.date().addDays(-7), QTime(0, 0), Qt::UTC);
    for (int c = 0; c < kClients; ++c) {
        Sandbox::CalAttendee a;
        a.name = u"Client%1 Family%1"_s.arg(c);
        a.email = u"client%1@crash.example"_s.arg(c);
        a.phoneNumber = u"+1555%1"_s.arg(7000000 + c);
        a.timeZone = u"America/New_York"_s;
        for (int s = 0; s < kSessionsPerClient; ++s) {
            Sandbox::CalBooking b;
            b.uid = u"crash-%1-%2"_s.arg(c).arg(s);
            b.eventTypeId = typeId;
            b.hostUserId = host;
            b.title = u"Piano Lesson"_s;
            // Distinct hours so no staff double-booking muddies the picture.
            const QDateTime start = base.addDays(s == 0 ? 0 : 14 + 7 * (s - 1)).addSecs(qint64(c % 24) * 3600 + (c / 24) * 60);
            b.startMs = start.toMSecsSinceEpoch();
            b.endMs = start.addSecs(3600).toMSecsSinceEpoch();
            b.createdMs = now.addDays(-10).toMSecsSinceEpoch();
            b.updatedMs = now.addDays(-10).addSecs(c * kSessionsPerClient + s).toMSecsSinceEpoch();
            b.attendees = {a};
            QVERIFY(m_sandbox->calcom().seedBooking(b).has_value());
            if (s == 0)
                ++m_heldSessions;
        }
    }

    // The CLI's configuration and secrets, as an operator would set them.
    const Config config = m_sandbox->config(u"sqlite://"_s + m_dir.filePath(u"store.sqlite"_s));
    m_configPath = m_dir.filePath(u"concord.ini"_s);
    {
        QSettings ini(m_configPath, QSettings::IniFormat);
        ini.setValue(u"store/url"_s, config.storeUrl);
        ini.setValue(u"quickbooks/base_url"_s, config.quickbooksBaseUrl.toString());
        ini.setValue(u"quickbooks/token_url"_s, config.quickbooksTokenUrl.toString());
        ini.setValue(u"quickbooks/realm_id"_s, config.quickbooksRealmId);
        ini.setValue(u"quickbooks/client_id"_s, config.quickbooksClientId);
        ini.setValue(u"hubspot/base_url"_s, config.hubspotBaseUrl.toString());
        ini.setValue(u"hubspot/burst_limit"_s, 250);
        // The emulator's search shows records at once; a real portal needs ~30 s.
        ini.setValue(u"hubspot/search_lag_seconds"_s, 2);
        ini.setValue(u"calcom/base_url"_s, config.calcomBaseUrl.toString());
        ini.setValue(u"sync/business_time_zone"_s, u"America/New_York"_s);
        ini.setValue(u"secrets/backend"_s, u"env"_s);
    }
    const auto &e = m_sandbox->endpoints();
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(u"CONCORD_QUICKBOOKS_CLIENT_SECRET"_s, e.quickbooksClientSecret);
    m_env.insert(u"CONCORD_QUICKBOOKS_REFRESH_TOKEN"_s, e.quickbooksRefreshToken);
    m_env.insert(u"CONCORD_HUBSPOT_TOKEN"_s, e.hubspotPrivateAppToken);
    m_env.insert(u"CONCORD_CALCOM_API_KEY"_s, Sandbox::TutoringSandbox::kCalcomApiKey.toString());
}

QProcess *TestSyncCrash::startSync()
{
    auto *p = new QProcess(this);
    p->setProcessEnvironment(m_env);
    p->setProcessChannelMode(QProcess::MergedChannels);
    p->start(QStringLiteral(CONCORD_BINARY_DIR "/app/cli/concord-cli"),
             {u"sync"_s, u"--config"_s, m_configPath, u"--once"_s, u"--json"_s});
    return p;
}

int TestSyncCrash::completedJobs() const
{
    // Read-only look at the store the child writes (WAL: readers never block it).
    auto db = Store::Database::open(u"sqlite://"_s + m_dir.filePath(u"store.sqlite"_s));
    if (!db)
        return 0;
    auto n = (*db)->scalar(u"SELECT COUNT(*) FROM outbox_jobs WHERE state = 'succeeded'"_s);
    return n ? n->toInt() : 0;
}

void TestSyncCrash::killedAtRandomPointsConvergesWithoutDuplicates()
{
    // Kill points spread over the work, not the clock: after a random number
    // of delivered changes each (early: customers being created; middle:
    // deals and invoices in flight; late), so every kill lands mid-delivery.
    QList<int> thresholds;
    for (int k = 0; k < 4; ++k)
        thresholds << 5 + int(QRandomGenerator::global()->bounded(900));
    std::sort(thresholds.begin(), thresholds.end());
    int killed = 0;
    for (int k = 0; k < thresholds.size(); ++k) {
        // The emulators live on this thread: wait with the event loop
        // running (QTest::qWaitFor), never with a blocking waitFor…().
        QProcess *p = startSync();
        QVERIFY(QTest::qWaitFor([p] { return p->state() == QProcess::Running; }, 10'000));
        const int target = thresholds.at(k);
        QVERIFY2(QTest::qWaitFor([&] { return p->state() == QProcess::NotRunning || completedJobs() >= target; }, 240'000),
                 "the sync made no progress for four minutes");
        if (p->state() == QProcess::NotRunning) {
            qInfo() << "run" << k << "finished before its kill point:" << p->exitCode();
            break;
        }
        // A little more, so the kill lands at a random instant, not right after a commit.
        QTest::qWait(int(QRandomGenerator::global()->bounded(400)));
        const int doneBefore = completedJobs();
        ::kill(pid_t(p->processId()), SIGKILL);
        QVERIFY(QTest::qWaitFor([p] { return p->state() == QProcess::NotRunning; }, 10'000));
        QCOMPARE(p->exitStatus(), QProcess::CrashExit);
        ++killed;
        qInfo() << "killed run" << k << "with" << doneBefore << "changes delivered";
    }
    QVERIFY2(killed >= 2, "the sync finished too fast to be interrupted");

    // Then let it finish (a retry may still be waiting; run until clean).
    QByteArray lastOutput;
    int exitCode = -1;
    for (int attempt = 0; attempt < 4 && exitCode != 0; ++attempt) {
        QProcess *p = startSync();
        QVERIFY(QTest::qWaitFor([p] { return p->state() == QProcess::NotRunning; }, 280'000));
        exitCode = p->exitCode();
        lastOutput = p->readAll();
    }
    QVERIFY2(exitCode == 0, lastOutput.constData());

    // QuickBooks: each client once, each held session invoiced once.
    QHash<QString, int> customersByEmail;
    for (const QJsonObject &c : m_sandbox->quickbooks().entities(realm(), u"Customer"_s))
        ++customersByEmail[c.value(u"PrimaryEmailAddr"_s).toObject().value(u"Address"_s).toString().toLower()];
    QCOMPARE(customersByEmail.size(), kClients);
    for (auto it = customersByEmail.cbegin(); it != customersByEmail.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(u"%1 QuickBooks customers for %2"_s.arg(it.value()).arg(it.key())));
    QHash<QString, int> invoicesByPlan;
    for (const QJsonObject &inv : m_sandbox->quickbooks().entities(realm(), u"Invoice"_s))
        ++invoicesByPlan[inv.value(u"PrivateNote"_s).toString()];
    QCOMPARE(invoicesByPlan.size(), m_heldSessions);
    for (auto it = invoicesByPlan.cbegin(); it != invoicesByPlan.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(u"%1 invoices for %2"_s.arg(it.value()).arg(it.key())));

    // HubSpot: each client once, each booking's deal once.
    QHash<QString, int> contactsByEmail;
    for (const auto *c : m_sandbox->hubspot().portal().all(u"contacts"_s))
        ++contactsByEmail[c->props.value(u"email"_s).toLower()];
    QCOMPARE(contactsByEmail.size(), kClients);
    for (auto it = contactsByEmail.cbegin(); it != contactsByEmail.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(u"%1 HubSpot contacts for %2"_s.arg(it.value()).arg(it.key())));
    QHash<QString, int> dealsByName;
    for (const auto *d : m_sandbox->hubspot().portal().all(u"deals"_s))
        ++dealsByName[d->props.value(u"dealname"_s)];
    QCOMPARE(dealsByName.size(), kClients * kSessionsPerClient);
    for (auto it = dealsByName.cbegin(); it != dealsByName.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(u"%1 deals named %2"_s.arg(it.value()).arg(it.key())));

    // Cal.com was only read: all 1,000 bookings are as they were.
    int accepted = 0;
    for (int c = 0; c < kClients; ++c)
        for (int s = 0; s < kSessionsPerClient; ++s)
            if (const auto *b = m_sandbox->calcom().state().booking(u"crash-%1-%2"_s.arg(c).arg(s));
                b && b->status == u"accepted"_s)
                ++accepted;
    QCOMPARE(accepted, kClients * kSessionsPerClient);
}

QTEST_GUILESS_MAIN(TestSyncCrash)
#include "tst_synccrash.moc"
