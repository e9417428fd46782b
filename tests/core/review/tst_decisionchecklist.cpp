// The go/no-go decision checklist (issue 9) answered from store rows and the
// configuration, on both engines: each question's yes / no / unknown with
// the rows that decide it (measured latency from the sync log, with the
// sample floor and the 7-day window; identity links; status mappings; the
// retry queue; the PDF rule; zone, services and staff; review owners), and
// the verdict's boundaries (3 → light, 4–5 → borderline, 6 → full).
#include "../store/storetestsupport.h"

#include "common/config.h"
#include "review/decisionchecklist.h"
#include "store/database.h"
#include "sync/defaultmappings.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Review;
using namespace Concord::StoreTest;

Q_DECLARE_METATYPE(Concord::Review::Answer)
Q_DECLARE_METATYPE(Concord::Review::Verdict)

namespace {

// Wednesday 4 March 2026, 15:00 UTC (10:00 in New York).
const QDateTime kNow(QDate(2026, 3, 4), QTime(15, 0), Qt::UTC);

qint64 at(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

} // namespace

class TestDecisionChecklist : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void emptyStore();
    void latency_data();
    void latency();
    void identity_data();
    void identity();
    void stateMapping();
    void failedSyncs_data();
    void failedSyncs();
    void attachments_data();
    void attachments();
    void timeAndStaff_data();
    void timeAndStaff();
    void ownership_data();
    void ownership();
    void verdict_data();
    void verdict();
    void json();

private:
    ChecklistAnswer answer(Question q, const Config &config = Config::defaults());
    void exec(const QString &sql, const QVariantList &binds = {});
    void addCustomer(const QString &id, const QStringList &linkedIn);
    void logLatency(const QString &kind, qint64 ms, const QDateTime &when);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store::Database> m_db;
};

void TestDecisionChecklist::init()
{
    quietStoreLog();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = openMigrated(*m_dir);
    STORE_VERIFY_OK(db);
    m_db = std::move(*db);
}

void TestDecisionChecklist::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

ChecklistAnswer TestDecisionChecklist::answer(Question q, const Config &config)
{
    auto c = evaluate(*m_db, config, kNow);
    if (!c) {
        qWarning() << c.error().toString();
        return {};
    }
    if (c->answers.size() != kQuestionCount)
        return {};
    return c->answers.at(int(q));
}

void TestDecisionChecklist::exec(const QString &sql, const QVariantList &binds)
{
    auto ok = m_db->exec(sql, binds);
    QVERIFY2(ok.has_value(), ok ? "" : qPrintable(ok.error().toString()));
}

void TestDecisionChecklist::addCustomer(const QString &id, const QStringList &linkedIn)
{
    exec(u"INSERT INTO customers (id, display_name, created_at, updated_at) VALUES (?, ?, ?, ?)"_s,
         { id, id, at(kNow), at(kNow) });
    for (const QString &system : linkedIn)
        exec(u"INSERT INTO external_links (customer_id, system, external_id, method, "
             u"confidence_permille, linked_at, "
             "linked_by) VALUES (?, ?, ?, 'email', 1000, ?, 'sync')"_s,
             { id, system, id + u'-' + system, at(kNow) });
}

void TestDecisionChecklist::logLatency(const QString &kind, qint64 ms, const QDateTime &when)
{
    exec(u"INSERT INTO sync_log (at, system, direction, action, outcome, latency_ms, kind) "
         "VALUES (?, 'hubspot', 'out', 'deliver', 'ok', ?, ?)"_s,
         { at(when), ms, kind });
}

// ---------------------------------------------------------------------------

void TestDecisionChecklist::emptyStore()
{
    auto c = evaluate(*m_db, Config::defaults(), kNow);
    STORE_VERIFY_OK(c);
    QStringList got;
    for (const ChecklistAnswer &a : std::as_const(c->answers))
        got << questionId(a.question) + u'=' + toString(a.answer);
    QCOMPARE(got.join(u' '),
             u"identity=unknown booking_latency=unknown money_latency=unknown state_mapping=no "
             u"failed_syncs=unknown "
             "attachments=yes time_and_staff=no ownership=no"_s);
    QCOMPARE(c->yesCount, 1);
    QCOMPARE(toString(c->verdict), toString(Verdict::Lighter));
    for (const ChecklistAnswer &a : std::as_const(c->answers)) {
        QVERIFY2(!a.evidence.isEmpty(), qPrintable(questionId(a.question)));
        QCOMPARE(a.toMakeYes.isEmpty(), a.answer == Answer::Yes);
    }
}

void TestDecisionChecklist::latency_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("fast"); // samples at 1 s
    QTest::addColumn<int>(
        "slow"); // samples at exactly the booking target (60 s) or money target (300 s)
    QTest::addColumn<int>("old"); // fast samples 8 days ago (outside the window)
    QTest::addColumn<Answer>("booking");
    QTest::addColumn<Answer>("money");

    QTest::newRow("19 samples: not measured yet")
        << u"appointment"_s << 19 << 0 << 0 << Answer::Unknown << Answer::Unknown;
    QTest::newRow("old samples do not count")
        << u"appointment"_s << 10 << 0 << 30 << Answer::Unknown << Answer::Unknown;
    QTest::newRow("20 fast: yes") << u"appointment"_s << 20 << 0 << 0 << Answer::Yes
                                  << Answer::Unknown;
    // Nearest rank: p95 of 20 is the 19th value.
    QTest::newRow("1 slow of 20: p95 still fast")
        << u"appointment"_s << 19 << 1 << 0 << Answer::Yes << Answer::Unknown;
    QTest::newRow("2 slow of 20: p95 at target is no (strict)")
        << u"appointment"_s << 18 << 2 << 0 << Answer::No << Answer::Unknown;
    QTest::newRow("payments: yes")
        << u"payment"_s << 25 << 0 << 0 << Answer::Unknown << Answer::Yes;
    QTest::newRow("invoices slow: no")
        << u"invoice"_s << 10 << 10 << 0 << Answer::Unknown << Answer::No;
    QTest::newRow("customer kind counts for neither")
        << u"customer"_s << 30 << 0 << 0 << Answer::Unknown << Answer::Unknown;
}

void TestDecisionChecklist::latency()
{
    QFETCH(QString, kind);
    QFETCH(int, fast);
    QFETCH(int, slow);
    QFETCH(int, old);
    QFETCH(Answer, booking);
    QFETCH(Answer, money);
    const qint64 target = kind == u"appointment"_s ? kBookingTargetMs : kMoneyTargetMs;
    for (int i = 0; i < fast; ++i)
        logLatency(kind, 1000, kNow.addSecs(-3600 - i));
    for (int i = 0; i < slow; ++i)
        logLatency(kind, target, kNow.addSecs(-7200 - i));
    for (int i = 0; i < old; ++i)
        logLatency(kind, 1000, kNow.addDays(-8));
    const ChecklistAnswer b = answer(Question::BookingLatency);
    const ChecklistAnswer m = answer(Question::MoneyLatency);
    QCOMPARE(toString(b.answer), toString(booking));
    QCOMPARE(toString(m.answer), toString(money));
    if (kind == u"appointment"_s && fast + slow >= kMinLatencySamples)
        QVERIFY2(b.evidence.join(u' ').contains(u"over %1 booking deliveries"_s.arg(fast + slow)),
                 qPrintable(b.evidence.join(u' ')));
    if (booking == Answer::Unknown && kind == u"appointment"_s)
        QVERIFY2(b.evidence.join(u' ').contains(u"at least 20"_s),
                 qPrintable(b.evidence.join(u' ')));
}

void TestDecisionChecklist::identity_data()
{
    QTest::addColumn<QStringList>("connected");
    QTest::addColumn<int>("fullyLinked");
    QTest::addColumn<int>("partlyLinked");
    QTest::addColumn<int>("staleDuplicateDays"); // 0 = none
    QTest::addColumn<Answer>("expected");

    const QStringList all { u"calcom"_s, u"hubspot"_s, u"quickbooks"_s };
    QTest::newRow("nothing connected") << QStringList {} << 5 << 0 << 0 << Answer::Unknown;
    QTest::newRow("no customers") << all << 0 << 0 << 0 << Answer::Unknown;
    QTest::newRow("all linked") << all << 20 << 0 << 0 << Answer::Yes;
    QTest::newRow("19 of 20 linked (95 %)") << all << 19 << 1 << 0 << Answer::Yes;
    QTest::newRow("18 of 20 linked (90 %)") << all << 18 << 2 << 0 << Answer::No;
    QTest::newRow("only connected systems count")
        << QStringList { u"quickbooks"_s } << 20 << 0 << 0 << Answer::Yes;
    QTest::newRow("fresh duplicate is fine") << all << 20 << 0 << 3 << Answer::Yes;
    QTest::newRow("duplicate left 15 days") << all << 20 << 0 << 15 << Answer::No;
}

void TestDecisionChecklist::identity()
{
    QFETCH(QStringList, connected);
    QFETCH(int, fullyLinked);
    QFETCH(int, partlyLinked);
    QFETCH(int, staleDuplicateDays);
    QFETCH(Answer, expected);
    for (const QString &s : connected)
        exec(u"INSERT INTO connections (system, state, updated_at) VALUES (?, 'connected', ?)"_s,
             { s, at(kNow) });
    exec(u"INSERT INTO connections (system, state, updated_at) VALUES ('nowhere', 'error', ?)"_s,
         { at(kNow) });
    for (int i = 0; i < fullyLinked; ++i)
        addCustomer(u"c%1"_s.arg(i, 3, 10, QChar(u'0')),
                    { u"calcom"_s, u"hubspot"_s, u"quickbooks"_s });
    for (int i = 0; i < partlyLinked; ++i)
        addCustomer(u"p%1"_s.arg(i, 3, 10, QChar(u'0')), { u"quickbooks"_s });
    if (staleDuplicateDays > 0)
        exec(u"INSERT INTO duplicate_candidates (customer_a, customer_b, score_permille, found_at) "
             "VALUES ('c000', 'c001', 900, ?)"_s,
             { at(kNow.addDays(-staleDuplicateDays)) });
    const ChecklistAnswer a = answer(Question::Identity);
    QCOMPARE(toString(a.answer), toString(expected));
    QCOMPARE(a.toMakeYes.isEmpty(), expected == Answer::Yes);
}

void TestDecisionChecklist::stateMapping()
{
    QCOMPARE(toString(answer(Question::StateMapping).answer), toString(Answer::No));
    auto added = Sync::installDefaultMappings(*m_db, u"test"_s, Clock::system());
    STORE_VERIFY_OK(added);
    const ChecklistAnswer yes = answer(Question::StateMapping);
    QCOMPARE(toString(yes.answer), toString(Answer::Yes));
    QVERIFY2(yes.evidence.join(u' ').contains(u"overdue → create_task"_s),
             qPrintable(yes.evidence.join(u' ')));
    // An office that dropped the overdue task (and left nothing in its place).
    exec(u"DELETE FROM status_mappings WHERE domain = 'money' AND status = 'overdue'"_s);
    const ChecklistAnswer no = answer(Question::StateMapping);
    QCOMPARE(toString(no.answer), toString(Answer::No));
    QVERIFY2(no.toMakeYes.contains(u"overdue"_s), qPrintable(no.toMakeYes));
    // "none" is not a mapping.
    exec(u"INSERT INTO status_mappings (domain, status, target_system, action, updated_by, "
         u"updated_at) "
         "VALUES ('money', 'overdue', 'hubspot', 'none', 'test', ?)"_s,
         { at(kNow) });
    QCOMPARE(toString(answer(Question::StateMapping).answer), toString(Answer::No));
}

void TestDecisionChecklist::failedSyncs_data()
{
    QTest::addColumn<bool>("logged");
    QTest::addColumn<int>("failedDaysAgo"); // -1 = no failed job
    QTest::addColumn<bool>("withCause");
    QTest::addColumn<Answer>("expected");
    QTest::newRow("never synced") << false << -1 << true << Answer::Unknown;
    QTest::newRow("synced, nothing failed") << true << -1 << true << Answer::Yes;
    QTest::newRow("failed yesterday, with cause") << true << 1 << true << Answer::Yes;
    QTest::newRow("failed 4 days ago: unattended") << true << 4 << true << Answer::No;
    QTest::newRow("failed without a cause") << true << 1 << false << Answer::No;
}

void TestDecisionChecklist::failedSyncs()
{
    QFETCH(bool, logged);
    QFETCH(int, failedDaysAgo);
    QFETCH(bool, withCause);
    QFETCH(Answer, expected);
    if (logged)
        logLatency(u"appointment"_s, 900, kNow.addDays(-1));
    if (failedDaysAgo >= 0) {
        const qint64 when = at(kNow.addDays(-failedDaysAgo));
        exec(u"INSERT INTO outbox_jobs (target_system, operation, entity_type, entity_id, "
             u"idempotency_key, state, "
             "attempts, next_attempt_at, last_error_code, last_error_message, created_at, "
             "updated_at) "
             "VALUES ('quickbooks', 'quickbooks.invoice.create', 'invoice-plan', 'session/1', "
             "'k1', 'failed', 10, ?, "
             "?, ?, ?, ?)"_s,
             { when, withCause ? u"RemoteValidation"_s : QString(),
               withCause ? u"QuickBooks refused the item"_s : QString(), when, when });
    }
    QCOMPARE(toString(answer(Question::FailedSyncs).answer), toString(expected));
}

void TestDecisionChecklist::attachments_data()
{
    QTest::addColumn<bool>("cache");
    QTest::addColumn<int>("retentionDays");
    QTest::addColumn<int>("expiredDaysAgo"); // -1: none expired
    QTest::addColumn<Answer>("expected");
    QTest::newRow("link only") << false << 365 << -1 << Answer::Yes;
    QTest::newRow("cache kept forever") << true << 0 << -1 << Answer::No;
    QTest::newRow("cache with retention") << true << 30 << -1 << Answer::Yes;
    QTest::newRow("expired an hour ago: purge pending") << true << 30 << 0 << Answer::Yes;
    QTest::newRow("expired 2 days ago, still there") << true << 30 << 2 << Answer::No;
}

void TestDecisionChecklist::attachments()
{
    QFETCH(bool, cache);
    QFETCH(int, retentionDays);
    QFETCH(int, expiredDaysAgo);
    QFETCH(Answer, expected);
    if (expiredDaysAgo >= 0)
        exec(u"INSERT INTO attachments (sha256, mime_type, size_bytes, storage_path, fetched_at, "
             u"expires_at) "
             "VALUES ('ab', 'application/pdf', 100, '/tmp/ab.pdf', ?, ?)"_s,
             { at(kNow.addDays(-40)), at(kNow.addDays(-expiredDaysAgo).addSecs(-3600)) });
    Config config = Config::defaults();
    config.pdfCacheEnabled = cache;
    config.pdfRetentionDays = retentionDays;
    QCOMPARE(toString(answer(Question::Attachments, config).answer), toString(expected));
}

void TestDecisionChecklist::timeAndStaff_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<bool>("service"); // one active service
    QTest::addColumn<bool>("serviceMapped"); // with a Cal.com event type
    QTest::addColumn<int>("staff"); // 0 none, 1 mapped, 2 one missing its HubSpot owner
    QTest::addColumn<Answer>("expected");
    QTest::newRow("all handled") << u"America/New_York"_s << true << true << 1 << Answer::Yes;
    QTest::newRow("zone left at UTC") << u"UTC"_s << true << true << 1 << Answer::No;
    QTest::newRow("service without event type")
        << u"America/New_York"_s << true << false << 1 << Answer::No;
    QTest::newRow("staff not in HubSpot")
        << u"America/New_York"_s << true << true << 2 << Answer::No;
    QTest::newRow("no staff read yet")
        << u"America/New_York"_s << true << true << 0 << Answer::Unknown;
    QTest::newRow("no services read yet")
        << u"America/New_York"_s << false << false << 1 << Answer::Unknown;
}

void TestDecisionChecklist::timeAndStaff()
{
    QFETCH(QString, zone);
    QFETCH(bool, service);
    QFETCH(bool, serviceMapped);
    QFETCH(int, staff);
    QFETCH(Answer, expected);
    if (service)
        exec(
            u"INSERT INTO services (name, calcom_event_type_id, default_duration_minutes) VALUES ('Math', ?, 60)"_s,
            { serviceMapped ? QVariant(u"11"_s) : QVariant() });
    exec(
        u"INSERT INTO services (name, calcom_event_type_id, active) VALUES ('Retired', NULL, 0)"_s);
    if (staff >= 1)
        exec(
            u"INSERT INTO staff (email, calcom_user_id, hubspot_owner_id) VALUES ('ann@x.example', '1', '77')"_s);
    if (staff == 2)
        exec(u"INSERT INTO staff (email, calcom_user_id) VALUES ('bob@x.example', '2')"_s);
    Config config = Config::defaults();
    config.businessTimeZone = zone;
    const ChecklistAnswer a = answer(Question::TimeAndStaff, config);
    QCOMPARE(toString(a.answer), toString(expected));
    if (staff == 2)
        QVERIFY2(a.evidence.join(u' ').contains(u"bob@x.example"_s),
                 qPrintable(a.evidence.join(u' ')));
}

void TestDecisionChecklist::ownership_data()
{
    QTest::addColumn<bool>("schedules");
    QTest::addColumn<bool>("owned");
    QTest::addColumn<int>("dueInDays");
    QTest::addColumn<Answer>("expected");
    QTest::newRow("no schedule") << false << true << 3 << Answer::No;
    QTest::newRow("owned, due later") << true << true << 3 << Answer::Yes;
    QTest::newRow("owned, due today is not overdue") << true << true << 0 << Answer::Yes;
    QTest::newRow("overdue") << true << true << -1 << Answer::No;
    QTest::newRow("no owner") << true << false << 3 << Answer::No;
}

void TestDecisionChecklist::ownership()
{
    QFETCH(bool, schedules);
    QFETCH(bool, owned);
    QFETCH(int, dueInDays);
    QFETCH(Answer, expected);
    exec(
        u"INSERT INTO users (username, display_name, role, created_at) VALUES ('olga', 'Olga Owner', 'owner', ?)"_s,
        { at(kNow) });
    auto owner = m_db->scalar(u"SELECT id FROM users WHERE username = 'olga'"_s);
    STORE_VERIFY_OK(owner);
    if (schedules) {
        const QDate today = kNow.date();
        for (const QString &cadence : { u"weekly"_s, u"monthly"_s, u"quarterly"_s })
            exec(
                u"INSERT INTO review_schedules (cadence, owner_user_id, next_due) VALUES (?, ?, ?)"_s,
                { cadence, owned ? *owner : QVariant(),
                  today.addDays(cadence == u"weekly"_s ? dueInDays : 20).toString(Qt::ISODate) });
    }
    Config config = Config::defaults();
    config.businessTimeZone = u"America/New_York"_s;
    const ChecklistAnswer a = answer(Question::Ownership, config);
    QCOMPARE(toString(a.answer), toString(expected));
    if (expected == Answer::No && schedules)
        QVERIFY2(a.toMakeYes.contains(u"weekly"_s), qPrintable(a.toMakeYes));
}

void TestDecisionChecklist::verdict_data()
{
    QTest::addColumn<int>("yes");
    QTest::addColumn<Verdict>("expected");
    for (int yes = 0; yes <= kQuestionCount; ++yes) {
        const Verdict v = yes >= 6 ? Verdict::FullFits
            : yes <= 3             ? Verdict::Lighter
                                   : Verdict::Borderline;
        QTest::addRow("%d yes", yes) << yes << v;
    }
}

void TestDecisionChecklist::verdict()
{
    QFETCH(int, yes);
    QFETCH(Verdict, expected);
    QList<ChecklistAnswer> answers;
    for (int i = 0; i < kQuestionCount; ++i)
        answers << ChecklistAnswer { Question(i),
                                     i < yes ? Answer::Yes : (i % 2 ? Answer::No : Answer::Unknown),
                                     { u"fact"_s },
                                     i < yes ? QString() : u"fix it"_s };
    const DecisionChecklist c = summarize(answers, kNow);
    QCOMPARE(c.yesCount, yes);
    QCOMPARE(toString(c.verdict), toString(expected));
    QCOMPARE(toString(verdictFor(yes)), toString(expected));
    QVERIFY(c.verdictText.startsWith(u"%1 of 8 yes"_s.arg(yes)));
    if (expected == Verdict::Borderline) {
        // Names the questions to fix, and only those.
        for (int i = yes; i < kQuestionCount; ++i)
            QVERIFY2(c.verdictText.contains(u"%1 ("_s.arg(i + 1)), qPrintable(c.verdictText));
        QVERIFY(!c.verdictText.contains(u"1 (yes"_s));
    }
    if (expected == Verdict::Lighter)
        QVERIFY(c.verdictText.contains(u"lighter setup"_s));
}

void TestDecisionChecklist::json()
{
    auto c = evaluate(*m_db, Config::defaults(), kNow);
    STORE_VERIFY_OK(c);
    const QJsonObject o = c->toJson();
    QCOMPARE(o.value(u"evaluatedAt"_s).toString(), u"2026-03-04T15:00:00Z"_s);
    QCOMPARE(o.value(u"yes"_s).toInt(), 1);
    QCOMPARE(o.value(u"verdict"_s).toString(), u"light"_s);
    const QJsonArray answers = o.value(u"answers"_s).toArray();
    QCOMPARE(answers.size(), 8);
    QCOMPARE(answers.at(1).toObject().value(u"id"_s).toString(), u"booking_latency"_s);
    QCOMPARE(answers.at(1).toObject().value(u"answer"_s).toString(), u"unknown"_s);
    QCOMPARE(answers.at(1).toObject().value(u"question"_s).toString(),
             u"Booking changes sync in under 1 minute."_s);
    QVERIFY(answers.at(1).toObject().value(u"evidence"_s).toArray().size() >= 1);
}

QTEST_GUILESS_MAIN(TestDecisionChecklist)
#include "tst_decisionchecklist.moc"
