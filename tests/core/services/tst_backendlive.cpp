// Team mode: a desktop's Backend sees what others change in the shared
// PostgreSQL store (issue 8, "desktops see changes live"). Another
// connection with Concord's own repositories stands for concord-syncd or a
// second desktop; the Backend must answer with its usual signals carrying
// the new data, driven by the store's notifications (Store::ChangeFeed),
// with no timer re-reading the store.
//
// concord-test: postgresql-only

#include "teststore.h"

#include "domain/customer.h"
#include "domain/operations.h"
#include "domain/rules.h"
#include "services/backend.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/rulesrepository.h"

#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using Concord::Services::Backend;
using Concord::Services::StoreStatus;
using Live = Concord::Services::StoreStatus::LiveUpdates;

// The message is built only on failure: error() of a success is undefined.
#define VERIFY_OK(result) \
    QVERIFY2((result).has_value(), (result).has_value() ? "" : qPrintable((result).error().toString()))

class TestBackendLive : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<Store::Database> m_other; // concord-syncd, or another desktop
    QList<StoreStatus> m_statuses;
    QList<Error> m_errors;
    QList<QSet<QString>> m_changes;

    // No timer of the Backend's may be running: what arrives, arrives
    // through the store's notifications.
    void verifyNoTimerRuns()
    {
        for (const QTimer *timer : m_backend->findChildren<QTimer *>())
            QVERIFY2(!timer->isActive(), "a Backend timer runs in team mode");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(u"concord.core.store.info=false"_s);
        QVERIFY2(Test::onPostgres(), "this suite runs on PostgreSQL only (CONCORD_TEST_STORE=postgresql)");
    }

    void init()
    {
        m_statuses.clear();
        m_errors.clear();
        m_changes.clear();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        const QString url = Test::testStoreUrl(*m_dir, u"team"_s, true);
        m_backend = std::make_unique<Backend>();
        connect(m_backend.get(), &Backend::statusChanged, this,
                [this](const StoreStatus &s) { m_statuses.append(s); });
        connect(m_backend.get(), &Backend::errorOccurred, this, [this](const Error &e) { m_errors.append(e); });
        connect(m_backend.get(), &Backend::storeChanged, this,
                [this](const QSet<QString> &tables) { m_changes.append(tables); });
        m_backend->open(url);
        QVERIFY(!m_statuses.isEmpty());
        QVERIFY2(m_statuses.constLast().open, qPrintable(m_statuses.constLast().error));
        QCOMPARE(m_statuses.constLast().liveUpdates, Live::Live);
        QVERIFY(m_statuses.constLast().teamMode);
        auto other = Store::Database::open(url);
        VERIFY_OK(other);
        m_other = std::move(*other);
    }

    void cleanup()
    {
        m_backend->close();
        m_backend.reset();
        m_other.reset();
        m_dir.reset();
    }

    void customerAddedElsewhereShows()
    {
        QList<Services::IdentityMapData> maps;
        connect(m_backend.get(), &Backend::identityMapLoaded, this,
                [&maps](const Services::IdentityMapData &d) { maps.append(d); });
        m_backend->loadIdentityMap(); // the customers page is shown
        QCOMPARE(maps.size(), 1);
        QVERIFY(maps.constFirst().rows.isEmpty());
        const qint64 before = m_statuses.constLast().customers;

        Domain::Customer zoe;
        zoe.displayName = u"Zoë Live"_s;
        zoe.givenName = u"Zoë"_s;
        zoe.familyName = u"Live"_s;
        zoe.timeZone = u"Europe/Vienna"_s;
        auto created = Store::CustomerRepository(*m_other).create(zoe);
        VERIFY_OK(created);

        QTRY_COMPARE_WITH_TIMEOUT(maps.size(), 2, 2000);
        QCOMPARE(maps.constLast().rows.size(), 1);
        QCOMPARE(maps.constLast().rows.constFirst().customerId, created->id);
        QCOMPARE(maps.constLast().rows.constFirst().displayName, u"Zoë Live"_s);
        QCOMPARE(m_statuses.constLast().customers, before + 1);
        QCOMPARE(m_statuses.constLast().liveUpdates, Live::Live);
        QVERIFY(std::any_of(m_changes.cbegin(), m_changes.cend(),
                            [](const QSet<QString> &t) { return t.contains(u"customers"_s); }));
        verifyNoTimerRuns();
    }

    void jobFailedByAWorkerShowsInTheRetryQueue()
    {
        QList<QList<Domain::OutboxJob>> queues;
        connect(m_backend.get(), &Backend::retryQueueLoaded, this,
                [&queues](const QList<Domain::OutboxJob> &jobs) { queues.append(jobs); });
        m_backend->loadRetryQueue(); // the retry queue page is shown
        QCOMPARE(queues.size(), 1);
        QVERIFY(queues.constFirst().isEmpty());

        // concord-syncd: a job is queued, claimed and fails for good.
        Store::OutboxRepository outbox(*m_other);
        Domain::OutboxJob job;
        job.targetSystem = Domain::System::HubSpot;
        job.operation = u"contact.create"_s;
        job.entityType = u"customer"_s;
        job.entityId = u"cus_live"_s;
        job.payloadJson = R"({"email":"zoe@example.com"})";
        job.idempotencyKey = u"live-job-1"_s;
        job.nextAttemptAt = QDateTime::currentDateTimeUtc().addSecs(-1);
        auto id = outbox.enqueue(job);
        VERIFY_OK(id);
        auto claimed = outbox.claimDue(u"syncd-test"_s, 1, 60);
        VERIFY_OK(claimed);
        QCOMPARE(claimed->size(), 1);
        auto failed = outbox.markFailed(Store::Claim::of(claimed->constFirst()),
                                        Error::make(ErrorCode::InvalidArgument, u"HubSpot refused the email"_s),
                                        QDateTime());
        VERIFY_OK(failed);

        // The queue is read again as it changes; its last reading is the failed job.
        QTRY_VERIFY_WITH_TIMEOUT(!queues.constLast().isEmpty()
                                     && queues.constLast().constFirst().state == Domain::JobState::Failed,
                                 3000);
        QCOMPARE(queues.constLast().size(), 1);
        QCOMPARE(queues.constLast().constFirst().id, *id);
        QCOMPARE(queues.constLast().constFirst().lastErrorMessage, u"HubSpot refused the email"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_statuses.constLast().failedJobs, 1, 2000);
        QCOMPARE(m_statuses.constLast().pendingJobs, 0);
        verifyNoTimerRuns();
    }

    void billingRuleSavedElsewhereShows()
    {
        QList<Services::BillingRulesData> rules;
        connect(m_backend.get(), &Backend::billingRulesLoaded, this,
                [&rules](const Services::BillingRulesData &d) { rules.append(d); });
        m_backend->loadBillingRules(); // the tax and invoicing page is shown
        QCOMPARE(rules.size(), 1);
        const qsizetype before = rules.constFirst().taxRules.size();

        Domain::TaxRule rule;
        rule.location = u"Vienna"_s;
        rule.taxCode = u"TAX-LIVE"_s;
        rule.priority = 5;
        rule.updatedBy = u"another-admin"_s;
        auto saved = Store::RulesRepository(*m_other).saveTaxRule(rule);
        VERIFY_OK(saved);

        QTRY_COMPARE_WITH_TIMEOUT(rules.size(), 2, 2000);
        const auto &taxRules = rules.constLast().taxRules;
        QCOMPARE(taxRules.size(), before + 1);
        const auto it = std::find_if(taxRules.cbegin(), taxRules.cend(),
                                     [&saved](const Domain::TaxRule &r) { return r.id == saved->id; });
        QVERIFY(it != taxRules.cend());
        QCOMPARE(it->taxCode, u"TAX-LIVE"_s);
        QCOMPARE(it->location, u"Vienna"_s);
        QCOMPARE(it->updatedBy, u"another-admin"_s);
        verifyNoTimerRuns();
    }

    void viewsNotAskedForAreNotRead()
    {
        // Only what the GUI asked for is read again: the mappings were never
        // asked for, so a mapping change re-reads the status only.
        int mappings = 0;
        connect(m_backend.get(), &Backend::mappingsLoaded, this, [&mappings] { ++mappings; });
        const qsizetype statuses = m_statuses.size();
        auto ok = m_other->exec(u"INSERT INTO status_mappings (domain, status, target_system, action, updated_by, "
                                "updated_at) VALUES ('appointment', 'booked', 'hubspot', 'deal_stage', 'x', 0)"_s);
        VERIFY_OK(ok);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(m_changes.cbegin(), m_changes.cend(),
                                             [](const QSet<QString> &t) { return t.contains(u"status_mappings"_s); }),
                                 2000);
        QVERIFY(m_statuses.size() > statuses);
        QCOMPARE(mappings, 0);
    }

    void lostConnectionIsShown()
    {
        // The server ends the Backend's session (a restart, a network cut).
        auto killed = m_other->scalar(u"SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                      "WHERE datname = current_database() AND pid <> pg_backend_pid()"_s);
        VERIFY_OK(killed);
        QCOMPARE(killed->toInt(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_statuses.constLast().liveUpdates, Live::Lost, 5000);
        QVERIFY(!m_statuses.constLast().open);
        QVERIFY(m_statuses.constLast().error.contains(u"lost"_s));
        QVERIFY(!m_errors.isEmpty());
        QCOMPARE(m_errors.constLast().code, ErrorCode::Storage);
        // Opening the store again listens again.
        m_backend->open(m_other->url().redacted());
        QCOMPARE(m_statuses.constLast().liveUpdates, Live::Live);
    }

    void sqliteHasNoFeed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        m_backend->open(u"sqlite://"_s + dir.filePath(u"solo.sqlite"_s));
        QVERIFY(m_statuses.constLast().open);
        QCOMPARE(m_statuses.constLast().liveUpdates, Live::NotApplicable);
        m_backend->close();
    }
};

QTEST_GUILESS_MAIN(TestBackendLive)
#include "tst_backendlive.moc"
