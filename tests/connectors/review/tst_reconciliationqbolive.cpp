// The reconciliation's live QuickBooks check (Review::checkInvoicesLive)
// against the QuickBooks emulator on loopback, both store engines: a
// mismatch naming an invoice whose QuickBooks version is still the mirrored
// one keeps its one-click fix; once someone edits the invoice in QuickBooks
// (its SyncToken moves) the fix is withdrawn with "sync billing first", and
// an invoice deleted there is said to be gone — nothing is fixed on stale data.
#include "../quickbooks/qboclientfixture.h"
#include "../../core/store/storetestsupport.h"

#include "review/reconciliation.h"
#include "store/appointmentrepository.h"
#include "store/billingrepository.h"
#include "store/customerrepository.h"
#include "store/syncstaterepository.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::StoreTest;
using Concord::Test::dec;
using Concord::Test::usd;

class TestReconciliationQboLive : public QObject, public Test::QboClientFixture
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store::Database> m_db;

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

    void staleMirrorWithdrawsTheFix()
    {
        const QString qboCustomer = seedCustomer(u"Pat Parent"_s, u"parent@example.com"_s);
        const QString item = seedItem(u"Tutoring hour"_s, 60);
        QList<QuickBooks::Invoice> remote;
        for (int i = 0; i < 2; ++i) {
            QuickBooks::Invoice inv;
            inv.customerRef.value = qboCustomer;
            inv.txnDate = QDate(2026, 3, 3 + i);
            QuickBooks::SalesLine line;
            line.description = u"Maths tutoring"_s;
            line.amount = usd(6000);
            line.detailType = QuickBooks::LineDetailType::SalesItem;
            line.salesItem.itemRef.value = item;
            line.salesItem.qty = dec("1");
            line.salesItem.unitPrice = dec("60");
            inv.lines = {line};
            auto made = m_client->createInvoice(u"inv-%1"_s.arg(i), inv);
            AWAIT_OK(made);
            remote << *made.result();
        }

        // Concord's mirror of both, each tied to a paid session whose deal is behind.
        Store::CustomerRepository customers(*m_db, *m_clock);
        Store::AppointmentRepository appts(*m_db, *m_clock);
        Store::BillingRepository billing(*m_db, *m_clock);
        Store::SyncStateRepository state(*m_db, *m_clock);
        Customer c;
        c.id = u"cus_p"_s;
        c.displayName = u"Pat Parent"_s;
        QVERIFY_OK(customers.create(c));
        Service math;
        math.name = u"Math"_s;
        math.calcomEventTypeId = u"et-1"_s;
        math.quickbooksItemId = item;
        math.rateMinor = 6000;
        auto svc = appts.upsertService(math);
        QVERIFY_OK(svc);
        QHash<qint64, Review::DealSnapshot> deals;
        for (int i = 0; i < 2; ++i) {
            Appointment a;
            a.customerId = c.id;
            a.calcomUid = u"uid-%1"_s.arg(i);
            a.start = *ZonedInstant::fromUtc(QDateTime(QDate(2026, 3, 3 + i), QTime(15, 0), QTimeZone::utc()),
                                             u"UTC"_s);
            a.serviceId = *svc;
            a.status = AppointmentStatus::Completed;
            a.createdAt = a.updatedAt = m_start;
            auto id = appts.insert(a);
            QVERIFY_OK(id);
            Invoice inv;
            inv.customerId = c.id;
            inv.quickbooksId = remote.at(i).id;
            inv.docNumber = remote.at(i).docNumber;
            inv.txnDate = remote.at(i).txnDate;
            inv.total = usd(6000);
            inv.balance = usd(0);
            inv.tax = inv.discount = inv.deposit = usd(0);
            inv.status = MoneyStatus::Paid;
            inv.syncToken = remote.at(i).syncToken;
            InvoiceLine l;
            l.lineNumber = 1;
            l.appointmentId = *id;
            l.rate = l.amount = usd(6000);
            inv.lines = {l};
            QVERIFY_OK(billing.saveInvoice(inv));
            QVERIFY_OK(state.setRef({u"appointment"_s, QString::number(*id), System::HubSpot, u"deal"_s,
                                     u"d%1"_s.arg(i), {}, {}}));
            deals.insert(*id, Review::DealSnapshot{u"d%1"_s.arg(i), true, u"60.00"_s, u"contractsent"_s});
        }
        Review::ReconciliationOptions options;
        options.month = QDate(2026, 3, 1);
        options.businessTimeZone = u"UTC"_s;
        auto report = Review::reconcile(*m_db, *m_clock, options, deals);
        QVERIFY_OK(report);
        QCOMPARE(report->mismatches.size(), 2);
        for (const Review::Mismatch &m : report->mismatches)
            QCOMPARE(Review::toString(m.fix), u"repush_deal"_s);

        // Unchanged in QuickBooks: the fixes stand, the invoices were checked.
        auto fresh = Review::checkInvoicesLive(*m_client, *report);
        AWAIT_OK(fresh);
        const Review::ReconciliationReport checked = *fresh.result();
        for (const Review::Mismatch &m : checked.mismatches) {
            QVERIFY(m.invoice.liveChecked);
            QCOMPARE(Review::toString(m.fix), u"repush_deal"_s);
        }

        // Someone edits the first invoice in QuickBooks and deletes the second.
        auto edited = m_client->updateInvoice(u"edit-1"_s, remote.at(0).id, remote.at(0).syncToken,
                                              QJsonObject{{u"DueDate"_s, u"2026-04-30"_s}});
        AWAIT_OK(edited);
        auto deleted = m_client->deleteInvoice(u"del-1"_s, remote.at(1).id, remote.at(1).syncToken);
        AWAIT_OK(deleted);

        auto stale = Review::checkInvoicesLive(*m_client, *report);
        AWAIT_OK(stale);
        const QList<Review::Mismatch> after = stale.result()->mismatches;
        QCOMPARE(after.size(), 2);
        for (const Review::Mismatch &m : after) {
            QCOMPARE(Review::toString(m.fix), u"none"_s);
            QVERIFY2(m.manualFix.contains(u"out of date"_s), qPrintable(m.manualFix));
        }
        QVERIFY2(after.at(0).cause.contains(u"changed this invoice since the last billing sync"_s),
                 qPrintable(after.at(0).cause));
        QVERIFY2(after.at(1).cause.contains(u"no longer in QuickBooks"_s), qPrintable(after.at(1).cause));
    }
};

QTEST_MAIN(TestReconciliationQboLive)
#include "tst_reconciliationqbolive.moc"
