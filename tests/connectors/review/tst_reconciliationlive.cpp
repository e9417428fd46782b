// The reconciliation's live HubSpot side against the HubSpot emulator on
// loopback (the real HubSpotClient, both store engines): deals created as
// the engine would have them reconcile cleanly; a person editing a deal's
// amount in HubSpot and deleting another gives exactly those two
// mismatches; the safe fix queues one deal job, and once that job is
// delivered the way the job runner delivers it (ChangeApplier::desiredDeal →
// updateDeal) the month reconciles.
#include "../hubspot/hsclientfixture.h"
#include "../../core/store/storetestsupport.h"

#include "review/reconciliation.h"
#include "store/appointmentrepository.h"
#include "store/billingrepository.h"
#include "store/customerrepository.h"
#include "store/outboxrepository.h"
#include "store/syncstaterepository.h"
#include "sync/changeapplier.h"
#include "sync/jobs.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::StoreTest;

class TestReconciliationLive : public QObject, public Test::HsClientFixture
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store::Database> m_db;
    const QString m_zone = u"America/New_York"_s;

    Review::ReconciliationOptions options() const
    {
        Review::ReconciliationOptions o;
        o.month = QDate(2026, 2, 1);
        o.businessTimeZone = m_zone;
        return o;
    }

    // Links → live read → reconcile, as the Backend would chain them.
    Result<Review::ReconciliationReport> reconcileLive()
    {
        auto links = Review::dealLinks(*m_db, options());
        if (!links)
            return std::unexpected(links.error());
        auto deals = Review::readDeals(*m_client, *links);
        if (!QTest::qWaitFor([&] { return deals.isFinished(); }, 20000))
            return fail(ErrorCode::Network, u"deals not read in time"_s);
        const auto read = deals.result();
        if (!read)
            return std::unexpected(read.error());
        return Review::reconcile(*m_db, *m_clock, options(), *read);
    }

private Q_SLOTS:
    void initTestCase() { quietStoreLog(); }

    void init()
    {
        setUpWorld();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto db = openMigrated(*m_dir);
        QVERIFY_OK(db);
        m_db = std::move(*db);
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
        tearDownWorld();
    }

    void editedAndDeletedDealsThenFixed()
    {
        Store::CustomerRepository customers(*m_db, *m_clock);
        Store::AppointmentRepository appts(*m_db, *m_clock);
        Store::BillingRepository billing(*m_db, *m_clock);
        Store::SyncStateRepository state(*m_db, *m_clock);
        Customer c;
        c.id = u"cus_p"_s;
        c.displayName = u"Priya Patel"_s;
        QVERIFY_OK(customers.create(c));
        Service math;
        math.name = u"Math"_s;
        math.calcomEventTypeId = u"et-1"_s;
        math.quickbooksItemId = u"1"_s;
        math.rateMinor = 6550;
        auto svc = appts.upsertService(math);
        QVERIFY_OK(svc);
        const QString contact = seedContact(u"parent@example.com"_s, u"Priya"_s, u"Patel"_s);

        // Three held February sessions, each invoiced; the first one paid.
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i) {
            Appointment a;
            a.customerId = c.id;
            a.calcomUid = u"uid-%1"_s.arg(i);
            a.start = *ZonedInstant::fromUtc(QDateTime(QDate(2026, 2, 3 + 7 * i), QTime(21, 0), QTimeZone::utc()), m_zone);
            a.serviceId = *svc;
            a.status = AppointmentStatus::Completed;
            a.createdAt = a.updatedAt = m_start.addDays(-40);
            auto id = appts.insert(a);
            QVERIFY_OK(id);
            ids << *id;
            Invoice inv;
            inv.customerId = c.id;
            inv.quickbooksId = u"q%1"_s.arg(i);
            inv.docNumber = u"10%1"_s.arg(i);
            inv.txnDate = QDate(2026, 2, 3 + 7 * i);
            inv.total = money(6550);
            inv.balance = money(i == 0 ? 0 : 6550);
            inv.tax = inv.discount = inv.deposit = money(0);
            inv.status = i == 0 ? MoneyStatus::Paid : MoneyStatus::Invoiced;
            InvoiceLine l;
            l.lineNumber = 1;
            l.appointmentId = *id;
            l.rate = l.amount = money(6550);
            inv.lines = {l};
            auto invId = billing.saveInvoice(inv);
            QVERIFY_OK(invId);
            if (i == 0) {
                Payment p;
                p.customerId = c.id;
                p.quickbooksId = u"pay0"_s;
                p.txnDate = inv.txnDate;
                p.amount = money(6550);
                p.unapplied = money(0);
                p.applications = {{*invId, money(6550)}};
                QVERIFY_OK(billing.savePayment(p));
            }
        }

        // The deals as the engine writes them (ChangeApplier::desiredDeal).
        Sync::ApplierSettings settings;
        settings.businessTimeZone = m_zone;
        Sync::ChangeApplier applier(*m_db, *m_clock, settings);
        QStringList dealIds;
        for (qint64 id : std::as_const(ids)) {
            auto want = applier.desiredDeal(id);
            QVERIFY_OK(want);
            auto deal = m_client->createDeal({{u"dealname"_s, want->dealName}, {u"pipeline"_s, u"default"_s},
                                              {u"dealstage"_s, want->stage}, {u"amount"_s, want->amount}},
                                             contact);
            AWAIT_OK(deal);
            dealIds << deal.result()->id;
            QVERIFY_OK(state.setRef({u"appointment"_s, QString::number(id), System::HubSpot, u"deal"_s,
                                     deal.result()->id, {}, {}}));
        }

        auto clean = reconcileLive();
        QVERIFY_OK(clean);
        QVERIFY(clean->dealsRead);
        QCOMPARE(clean->mismatches.size(), 0);
        QCOMPARE(clean->totals.first().deals, money(3 * 6550));

        // A person lowers deal 2's amount and deletes deal 3 in HubSpot.
        auto edited = m_client->updateDeal(dealIds.at(1), {{u"amount"_s, u"60.00"_s}});
        AWAIT_OK(edited);
        auto archived = m_client->archiveObject(u"deals"_s, dealIds.at(2));
        AWAIT(archived);
        QVERIFY_OK(archived.result());

        auto r = reconcileLive();
        QVERIFY_OK(r);
        QStringList keys;
        for (const Review::Mismatch &m : r->mismatches)
            keys << m.key;
        QCOMPARE(keys, (QStringList{u"deal_amount_differs/appointment/%1"_s.arg(ids.at(1)),
                                    u"deal_missing/appointment/%1"_s.arg(ids.at(2))}));
        const Review::Mismatch amount = r->mismatches.at(0);
        QCOMPARE(amount.deal.amount, u"60.00"_s);
        QCOMPARE(amount.deal.wantedAmount, u"65.50"_s);
        QCOMPARE(Review::toString(amount.fix), u"repush_deal"_s);
        QCOMPARE(Review::toString(r->mismatches.at(1).fix), u"none"_s); // a deleted deal is restored by hand
        QCOMPARE(r->totals.first().deals, money(6550 + 6000));

        // The safe fix: one job.
        const auto om = Security::Actor::user(u"olga"_s, Role::OfficeManager);
        auto fixed = Review::applyFix(*m_db, *m_clock, om, options(), amount);
        QVERIFY_OK(fixed);
        auto again = Review::applyFix(*m_db, *m_clock, om, options(), amount);
        QVERIFY_OK(again);
        QCOMPARE(again->jobId, fixed->jobId);
        Store::OutboxRepository outbox(*m_db, *m_clock);
        auto job = outbox.get(fixed->jobId);
        QVERIFY_OK(job);
        QCOMPARE(job->operation, Sync::Jobs::HubSpotDealUpsert.toString());
        QCOMPARE(job->entityId, QString::number(ids.at(1)));

        // Delivered as JobRunner::upsertDeal delivers it (an existing deal:
        // its properties from desiredDeal, one PATCH).
        auto want = applier.desiredDeal(ids.at(1));
        QVERIFY_OK(want);
        auto pushed = m_client->updateDeal(dealIds.at(1), {{u"dealname"_s, want->dealName}, {u"dealstage"_s, want->stage},
                                                          {u"amount"_s, want->amount}});
        AWAIT_OK(pushed);
        // Not claimed by a worker here: the outcome is recorded directly.
        QVERIFY_OK(m_db->exec(u"UPDATE outbox_jobs SET state = 'succeeded' WHERE id = ?"_s, {fixed->jobId}));

        auto after = reconcileLive();
        QVERIFY_OK(after);
        QCOMPARE(after->mismatches.size(), 1);
        QCOMPARE(Review::toString(after->mismatches.first().kind), u"deal_missing"_s);
    }
};

QTEST_MAIN(TestReconciliationLive)
#include "tst_reconciliationlive.moc"
