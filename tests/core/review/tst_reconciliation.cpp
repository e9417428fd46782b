// The monthly three-way reconciliation (Review::reconcile / applyFix) on a
// real store, both engines: the month's bounds in the business zone (DST
// month, 00:30 on the 1st), totals to the cent (odd cents, tax, a discount,
// a partial payment, two currencies), each mismatch kind built from store
// rows with its cause and fix, and fixes that enqueue exactly one job, are
// audited, are refused for the wrong role and when the mismatch is gone.
#include "../store/storetestsupport.h"
#include "domainprinters.h"

#include "common/clock.h"
#include "review/reconciliation.h"
#include "security/auditlog.h"
#include "store/appointmentrepository.h"
#include "store/billingrepository.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/rulesrepository.h"
#include "store/syncstaterepository.h"
#include "sync/jobs.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::StoreTest;
using Concord::Review::DealSnapshot;
using Concord::Review::FixKind;
using Concord::Review::MismatchKind;

Q_DECLARE_METATYPE(Concord::Review::MismatchKind)
Q_DECLARE_METATYPE(Concord::Review::FixKind)
Q_DECLARE_METATYPE(Concord::Domain::Role)

namespace {

const QString kZone = u"America/New_York"_s;
// Friday 10 April 2026: March 2026 (DST began on the 8th) is over.
const QDateTime kNow(QDate(2026, 4, 10), QTime(15, 0), QTimeZone::utc());
const QDate kMarch(2026, 3, 1);

QDateTime local(const QDate &d, const QTime &t)
{
    return QDateTime(d, t, QTimeZone(kZone.toUtf8())).toUTC();
}

QString totalsText(const Review::ReconciliationReport &r)
{
    QStringList out;
    for (const Review::CurrencyTotals &t : r.totals)
        out << u"%1 booked %2 lines %3 invoiced %4 collected %5 deals %6"_s.arg(
            t.currency, t.booked.toString(), t.invoicedForSessions.toString(), t.invoiced.toString(),
            t.collected.toString(), t.deals.toString());
    return out.join(u"; "_s);
}

QStringList keysOf(const Review::ReconciliationReport &r)
{
    QStringList keys;
    for (const Review::Mismatch &m : r.mismatches)
        keys << m.key;
    return keys;
}

} // namespace

class TestReconciliation : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    qint64 m_math = 0, m_piano = 0, m_euro = 0;
    int m_serial = 0;

    Review::ReconciliationOptions options() const
    {
        Review::ReconciliationOptions o;
        o.month = QDate(2026, 3, 17);
        o.businessTimeZone = kZone;
        o.currency = u"USD"_s;
        return o;
    }

    Result<Review::ReconciliationReport> run(const std::optional<QHash<qint64, DealSnapshot>> &deals = std::nullopt)
    {
        return Review::reconcile(*m_db, *m_clock, options(), deals);
    }

    void customer(const QString &id, const QString &name)
    {
        Store::CustomerRepository customers(*m_db, *m_clock);
        Customer c;
        c.id = id;
        c.displayName = name;
        QVERIFY_OK(customers.create(c));
    }

    qint64 service(const QString &name, qint64 rateMinor, const QString &currency, const QString &item)
    {
        Store::AppointmentRepository appts(*m_db, *m_clock);
        Service s;
        s.name = name;
        s.calcomEventTypeId = u"et-"_s + name;
        s.quickbooksItemId = item;
        s.rateMinor = rateMinor;
        s.currency = currency;
        auto id = appts.upsertService(s);
        return id ? *id : 0;
    }

    qint64 appointment(const QString &customerId, qint64 serviceId, const QDateTime &startUtc, int minutes,
                       AppointmentStatus status)
    {
        Store::AppointmentRepository appts(*m_db, *m_clock);
        Appointment a;
        a.customerId = customerId;
        a.calcomUid = u"uid-%1"_s.arg(++m_serial);
        auto start = ZonedInstant::fromUtc(startUtc, kZone);
        if (!start)
            return 0;
        a.start = *start;
        a.durationMinutes = minutes;
        a.serviceId = serviceId;
        a.status = status;
        a.createdAt = a.updatedAt = kNow.addDays(-40);
        auto id = appts.insert(a);
        return id ? *id : 0;
    }

    // An invoice with one line for `appointmentId` (0: not tied to a session).
    qint64 invoice(const QString &customerId, qint64 appointmentId, const QDate &txnDate, qint64 lineRate,
                   qint64 quantityMilli, qint64 lineAmount, qint64 totalMinor, qint64 balanceMinor,
                   MoneyStatus status = MoneyStatus::Invoiced, const QString &currency = u"USD"_s,
                   const QString &syncToken = u"0"_s)
    {
        Store::BillingRepository billing(*m_db, *m_clock);
        Invoice inv;
        inv.customerId = customerId;
        inv.quickbooksId = u"qb-%1"_s.arg(++m_serial);
        inv.docNumber = u"10%1"_s.arg(m_serial);
        inv.txnDate = txnDate;
        inv.dueDate = txnDate.addDays(7);
        inv.total = money(totalMinor, currency);
        inv.balance = money(balanceMinor, currency);
        inv.tax = money(0, currency);
        inv.discount = money(0, currency);
        inv.deposit = money(0, currency);
        inv.status = status;
        inv.syncToken = syncToken;
        InvoiceLine l;
        l.lineNumber = 1;
        l.appointmentId = appointmentId;
        l.itemId = u"1"_s;
        l.quantityMilli = quantityMilli;
        l.rate = money(lineRate, currency);
        l.amount = money(lineAmount, currency);
        l.serviceDate = txnDate;
        inv.lines = {l};
        auto id = billing.saveInvoice(inv);
        if (!id)
            qWarning() << id.error().toString();
        // Concord wrote (or read back) this version itself.
        Store::SyncStateRepository state(*m_db, *m_clock);
        if (syncToken == u"0"_s)
            (void)state.recordEcho(System::QuickBooks, u"Invoice"_s, inv.quickbooksId, syncToken);
        return id ? *id : 0;
    }

    void payment(const QString &customerId, const QDate &date, qint64 amount, qint64 unapplied,
                 QList<PaymentApplication> applications, const QString &currency = u"USD"_s)
    {
        Store::BillingRepository billing(*m_db, *m_clock);
        Payment p;
        p.customerId = customerId;
        p.quickbooksId = u"pay-%1"_s.arg(++m_serial);
        p.txnDate = date;
        p.amount = money(amount, currency);
        p.unapplied = money(unapplied, currency);
        p.applications = applications;
        QVERIFY_OK(billing.savePayment(p));
    }

    void linkDeal(qint64 appointmentId, const QString &dealId)
    {
        Store::SyncStateRepository state(*m_db, *m_clock);
        QVERIFY_OK(state.setRef({u"appointment"_s, QString::number(appointmentId), System::HubSpot, u"deal"_s, dealId,
                                 {}, {}}));
    }

    qint64 job(QStringView operation, const QString &entityType, const QString &entityId, bool failed)
    {
        Store::OutboxRepository outbox(*m_db, *m_clock);
        auto id = outbox.enqueue(Sync::Jobs::make(operation.startsWith(u"hubspot") ? System::HubSpot : System::QuickBooks,
                                                  operation, entityType, entityId,
                                                  u"test/%1/%2"_s.arg(entityId).arg(++m_serial), QJsonObject{},
                                                  Sync::Jobs::KindAppointment, kNow));
        if (!id)
            return 0;
        // A permanent failure, as the job runner leaves it after its last attempt.
        if (failed)
            (void)m_db->exec(u"UPDATE outbox_jobs SET state = 'failed', attempts = 8, "
                             "last_error_message = 'HubSpot answered 502' WHERE id = ?"_s,
                             {*id});
        return *id;
    }

    qint64 rowsOf(QStringView operation)
    {
        auto n = m_db->scalar(u"SELECT COUNT(*) FROM outbox_jobs WHERE operation = ?"_s, {operation.toString()});
        return n ? n->toLongLong() : -1;
    }

    qint64 auditCount()
    {
        Security::AuditLog audit(*m_db, *m_clock);
        auto n = audit.count();
        return n ? *n : -1;
    }

    // One scenario per mismatch kind (and its variants); returns the deals
    // "read from HubSpot" for it (nullopt: HubSpot not read).
    std::optional<QHash<qint64, DealSnapshot>> build(const QString &scenario)
    {
        customer(u"cus_a"_s, u"Ana Ruiz"_s);
        const QDateTime mar10 = local(QDate(2026, 3, 10), QTime(16, 0));
        const QDate d10(2026, 3, 10);
        if (scenario == u"not_invoiced"_s || scenario == u"not_invoiced_failed_job"_s) {
            const qint64 a = appointment(u"cus_a"_s, m_math, mar10, 60, AppointmentStatus::Completed);
            if (scenario == u"not_invoiced_failed_job"_s)
                job(Sync::Jobs::QboInvoiceCreate, u"invoice-plan"_s, u"session/%1"_s.arg(a), true);
            return std::nullopt;
        }
        if (scenario == u"invoice_deleted"_s || scenario == u"invoice_job_dismissed"_s) {
            const qint64 a = appointment(u"cus_a"_s, m_math, mar10, 60, AppointmentStatus::Completed);
            Store::OutboxRepository outbox(*m_db, *m_clock);
            auto id = outbox.enqueue(Sync::Jobs::make(System::QuickBooks, Sync::Jobs::QboInvoiceCreate, u"invoice-plan"_s,
                                                      u"session/%1"_s.arg(a), u"quickbooks/invoice/session/%1"_s.arg(a),
                                                      QJsonObject{}, Sync::Jobs::KindAppointment, kNow));
            if (id)
                (void)m_db->exec(u"UPDATE outbox_jobs SET state = ? WHERE id = ?"_s,
                                 {scenario == u"invoice_deleted"_s ? u"succeeded"_s : u"dismissed"_s, *id});
            return std::nullopt;
        }
        if (scenario == u"rate_changed"_s) {
            const qint64 a = appointment(u"cus_a"_s, m_math, mar10, 60, AppointmentStatus::Completed);
            invoice(u"cus_a"_s, a, d10, 6000, 1000, 6000, 6000, 6000);
            return std::nullopt;
        }
        if (scenario == u"edited_in_quickbooks"_s) {
            const qint64 a = appointment(u"cus_a"_s, m_math, mar10, 60, AppointmentStatus::Completed);
            invoice(u"cus_a"_s, a, d10, 6550, 1000, 5000, 5000, 5000, MoneyStatus::Invoiced, u"USD"_s, u"3"_s);
            return std::nullopt;
        }
        if (scenario == u"canceled_invoiced"_s) {
            const qint64 a = appointment(u"cus_a"_s, m_math, mar10, 60, AppointmentStatus::Canceled);
            invoice(u"cus_a"_s, a, d10, 6550, 1000, 6550, 6550, 6550);
            return std::nullopt;
        }
        if (scenario == u"paid_deal_not_won"_s || scenario == u"deal_amount"_s || scenario == u"deal_update_failed"_s) {
            const qint64 a = appointment(u"cus_a"_s, m_math, mar10, 60, AppointmentStatus::Completed);
            const bool paid = scenario == u"paid_deal_not_won"_s;
            const qint64 inv = invoice(u"cus_a"_s, a, d10, 6550, 1000, 6550, 6550, paid ? 0 : 6550,
                                       paid ? MoneyStatus::Paid : MoneyStatus::Invoiced);
            if (paid)
                payment(u"cus_a"_s, d10, 6550, 0, {{inv, money(6550)}});
            linkDeal(a, u"deal-1"_s);
            if (scenario == u"deal_update_failed"_s)
                job(Sync::Jobs::HubSpotDealUpsert, u"appointment"_s, QString::number(a), true);
            return QHash<qint64, DealSnapshot>{
                {a, DealSnapshot{u"deal-1"_s, true, paid ? u"65.50"_s : u"60.00"_s, u"contractsent"_s}}};
        }
        if (scenario == u"deal_missing"_s) {
            const qint64 a = appointment(u"cus_a"_s, m_math, mar10, 60, AppointmentStatus::Completed);
            invoice(u"cus_a"_s, a, d10, 6550, 1000, 6550, 6550, 6550);
            return QHash<qint64, DealSnapshot>{};
        }
        if (scenario == u"deal_deleted"_s) {
            const qint64 a = appointment(u"cus_a"_s, m_math, mar10, 60, AppointmentStatus::Completed);
            invoice(u"cus_a"_s, a, d10, 6550, 1000, 6550, 6550, 6550);
            linkDeal(a, u"deal-9"_s);
            return QHash<qint64, DealSnapshot>{{a, DealSnapshot{u"deal-9"_s, false, {}, {}}}};
        }
        if (scenario == u"canceled_deal_open"_s) {
            const qint64 a = appointment(u"cus_a"_s, m_math, mar10, 60, AppointmentStatus::Canceled);
            linkDeal(a, u"deal-2"_s);
            return QHash<qint64, DealSnapshot>{{a, DealSnapshot{u"deal-2"_s, true, u"65.50"_s, u"appointmentscheduled"_s}}};
        }
        if (scenario == u"payment_unapplied"_s) {
            payment(u"cus_a"_s, d10, 2000, 2000, {});
            return std::nullopt;
        }
        if (scenario == u"invoice_not_linked"_s) {
            invoice(u"cus_a"_s, 0, d10, 2500, 1000, 2500, 2500, 2500);
            return std::nullopt;
        }
        qWarning() << "unknown scenario" << scenario;
        return std::nullopt;
    }

private Q_SLOTS:
    void initTestCase() { quietStoreLog(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto db = openMigrated(*m_dir);
        QVERIFY_OK(db);
        m_db = std::move(*db);
        m_clock = std::make_unique<ManualClock>(kNow);
        m_serial = 0;
        m_math = service(u"Math"_s, 6550, u"USD"_s, u"1"_s);   // $65.50/h
        m_piano = service(u"Piano"_s, 4999, u"USD"_s, u"2"_s); // $49.99/h
        m_euro = service(u"Latin"_s, 3333, u"EUR"_s, u"3"_s);  // €33.33/h
        QVERIFY(m_math && m_piano && m_euro);
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    // Every figure to the cent; the month's edges in New York time.
    void totalsToTheCent()
    {
        customer(u"cus_a"_s, u"Ana Ruiz"_s);
        customer(u"cus_b"_s, u"Ben Okafor"_s);
        Store::RulesRepository rules(*m_db, *m_clock);
        DiscountRule tenPercent;
        tenPercent.serviceId = m_piano;
        tenPercent.percentBasisPoints = 1000;
        tenPercent.description = u"Piano 10 %"_s;
        tenPercent.updatedBy = u"test"_s;
        QVERIFY_OK(rules.saveDiscountRule(tenPercent));

        // 23:30 on 28 February in New York is March in UTC: February's.
        appointment(u"cus_a"_s, m_math, local(QDate(2026, 2, 28), QTime(23, 30)), 60, AppointmentStatus::Completed);
        // 00:30 on 1 March (05:30 UTC): March's. 90 min × $65.50 = $98.25.
        const qint64 first = appointment(u"cus_a"_s, m_math, local(kMarch, QTime(0, 30)), 90, AppointmentStatus::Completed);
        // After the DST change: $49.99, invoiced less 10 % ($5.00) = $44.99, paid in full.
        const qint64 piano = appointment(u"cus_a"_s, m_piano, local(QDate(2026, 3, 15), QTime(10, 0)), 60,
                                         AppointmentStatus::Completed);
        // Canceled: not booked.
        appointment(u"cus_a"_s, m_math, local(QDate(2026, 3, 20), QTime(10, 0)), 60, AppointmentStatus::Canceled);
        // 23:30 on 31 March (03:30 UTC on 1 April): March's, still booked, $65.50.
        appointment(u"cus_b"_s, m_math, local(QDate(2026, 3, 31), QTime(23, 30)), 60, AppointmentStatus::Booked);
        // €33.33, €10.00 of it paid.
        const qint64 latin = appointment(u"cus_b"_s, m_euro, local(QDate(2026, 3, 12), QTime(9, 0)), 60,
                                         AppointmentStatus::Completed);

        // $98.25 + $6.63 tax = $104.88; $50.00 paid.
        const qint64 inv1 = invoice(u"cus_a"_s, first, kMarch, 6550, 1500, 9825, 10488, 5488, MoneyStatus::PartiallyPaid);
        const qint64 inv2 = invoice(u"cus_a"_s, piano, QDate(2026, 3, 15), 4999, 1000, 4999, 4499, 0, MoneyStatus::Paid);
        const qint64 inv3 = invoice(u"cus_b"_s, latin, QDate(2026, 3, 12), 3333, 1000, 3333, 3333, 2333,
                                    MoneyStatus::PartiallyPaid, u"EUR"_s);
        payment(u"cus_a"_s, QDate(2026, 3, 20), 9499, 0, {{inv1, money(5000)}, {inv2, money(4499)}});
        payment(u"cus_b"_s, QDate(2026, 3, 21), 1000, 0, {{inv3, money(1000, u"EUR"_s)}}, u"EUR"_s);

        auto r = run();
        QVERIFY_OK(r);
        QCOMPARE(r->month, kMarch);
        QCOMPARE(r->fromUtc, QDateTime(kMarch, QTime(5, 0), QTimeZone::utc()));
        QCOMPARE(r->toUtc, QDateTime(QDate(2026, 4, 1), QTime(4, 0), QTimeZone::utc()));
        QCOMPARE(r->sessionCount, 5);
        QCOMPARE(totalsText(*r),
                 u"EUR booked 33.33 EUR lines 33.33 EUR invoiced 33.33 EUR collected 10.00 EUR deals 0.00 EUR; "
                 "USD booked 213.74 USD lines 148.24 USD invoiced 149.87 USD collected 94.99 USD deals 0.00 USD"_s);
        QCOMPARE(keysOf(*r), QStringList());
        QVERIFY(!r->dealsRead);
        QCOMPARE(r->rows.first().session.price, std::optional<Money>(money(9825)));
        QCOMPARE(r->rows.first().invoice.paid, money(5000));
    }

    void mismatchKinds_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<MismatchKind>("kind");
        QTest::addColumn<FixKind>("fix");
        QTest::addColumn<QString>("cause");
        QTest::newRow("session not invoiced") << u"not_invoiced"_s << MismatchKind::SessionNotInvoiced
                                              << FixKind::CreateInvoice << u"billing pass has not run"_s;
        QTest::newRow("invoice job failed") << u"not_invoiced_failed_job"_s << MismatchKind::SessionNotInvoiced
                                            << FixKind::RetryJob << u"failed and waits in the retry queue"_s;
        QTest::newRow("invoice deleted in QuickBooks") << u"invoice_deleted"_s << MismatchKind::SessionNotInvoiced
                                                       << FixKind::None << u"later deleted in QuickBooks"_s;
        QTest::newRow("invoice job dismissed") << u"invoice_job_dismissed"_s << MismatchKind::SessionNotInvoiced
                                               << FixKind::None << u"dismissed in the retry queue"_s;
        QTest::newRow("rate changed") << u"rate_changed"_s << MismatchKind::InvoicedAmountDiffers << FixKind::None
                                      << u"rate changed after booking: invoiced at 60.00 USD"_s;
        QTest::newRow("edited in QuickBooks") << u"edited_in_quickbooks"_s << MismatchKind::InvoicedAmountDiffers
                                              << FixKind::None << u"invoice edited in QuickBooks"_s;
        QTest::newRow("canceled but invoiced") << u"canceled_invoiced"_s << MismatchKind::InvoiceForCanceledSession
                                               << FixKind::None << u"canceled after it was invoiced"_s;
        QTest::newRow("paid, deal not won") << u"paid_deal_not_won"_s << MismatchKind::DealStageBehind
                                            << FixKind::RepushDeal << u"invoice is paid but the deal still says 'contractsent' (status mapping: 'closedwon')"_s;
        QTest::newRow("deal amount") << u"deal_amount"_s << MismatchKind::DealAmountDiffers << FixKind::RepushDeal
                                     << u"amount was edited in HubSpot"_s;
        QTest::newRow("deal update failed") << u"deal_update_failed"_s << MismatchKind::DealAmountDiffers
                                            << FixKind::RetryJob << u"HubSpot answered 502"_s;
        QTest::newRow("deal missing") << u"deal_missing"_s << MismatchKind::DealMissing << FixKind::RepushDeal
                                      << u"never created"_s;
        QTest::newRow("deal deleted") << u"deal_deleted"_s << MismatchKind::DealMissing << FixKind::None
                                      << u"deal-9 was deleted in HubSpot"_s;
        QTest::newRow("canceled, deal open") << u"canceled_deal_open"_s << MismatchKind::CanceledDealOpen
                                             << FixKind::RepushDeal << u"after the cancellation"_s;
        QTest::newRow("payment unapplied") << u"payment_unapplied"_s << MismatchKind::PaymentUnapplied
                                           << FixKind::None << u"20.00 USD of payment"_s;
        QTest::newRow("invoice not linked") << u"invoice_not_linked"_s << MismatchKind::InvoiceNotLinked
                                            << FixKind::None << u"made in QuickBooks by hand"_s;
    }

    void mismatchKinds()
    {
        QFETCH(QString, scenario);
        QFETCH(MismatchKind, kind);
        QFETCH(FixKind, fix);
        QFETCH(QString, cause);
        const auto deals = build(scenario);
        auto r = run(deals);
        QVERIFY_OK(r);
        QCOMPARE(r->mismatches.size(), 1);
        const Review::Mismatch &m = r->mismatches.first();
        QCOMPARE(Review::toString(m.kind), Review::toString(kind));
        QVERIFY2(m.key.startsWith(Review::toString(kind) + u'/'), qPrintable(m.key));
        QCOMPARE(Review::toString(m.fix), Review::toString(fix));
        QVERIFY2(m.cause.contains(cause), qPrintable(m.cause));
        if (fix == FixKind::None)
            QVERIFY2(!m.manualFix.isEmpty(), "a mismatch without a fix says what to do by hand");
        else
            QVERIFY(!m.fixText.isEmpty());
        QCOMPARE(r->dealsRead, deals.has_value());
    }

    void fixEnqueuesOneJobAndIsAudited_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<Role>("role");
        QTest::addColumn<QString>("operation");
        QTest::addColumn<int>("newJobs");
        QTest::newRow("re-push deal") << u"deal_amount"_s << Role::OfficeManager
                                      << Sync::Jobs::HubSpotDealUpsert.toString() << 1;
        QTest::newRow("missing deal") << u"deal_missing"_s << Role::Owner << Sync::Jobs::HubSpotDealUpsert.toString() << 1;
        QTest::newRow("closed deal of canceled") << u"canceled_deal_open"_s << Role::OfficeManager
                                                 << Sync::Jobs::HubSpotDealUpsert.toString() << 1;
        QTest::newRow("create invoice") << u"not_invoiced"_s << Role::Bookkeeper
                                        << Sync::Jobs::QboInvoiceCreate.toString() << 1;
        // Retrying re-uses the failed job: no new one.
        QTest::newRow("retry invoice job") << u"not_invoiced_failed_job"_s << Role::OfficeManager
                                           << Sync::Jobs::QboInvoiceCreate.toString() << 0;
    }

    void fixEnqueuesOneJobAndIsAudited()
    {
        QFETCH(QString, scenario);
        QFETCH(Role, role);
        QFETCH(QString, operation);
        QFETCH(int, newJobs);
        const auto deals = build(scenario);
        auto r = run(deals);
        QVERIFY_OK(r);
        QCOMPARE(r->mismatches.size(), 1);
        const Review::Mismatch m = r->mismatches.first();
        const qint64 jobsBefore = rowsOf(operation);
        const qint64 auditBefore = auditCount();
        const auto actor = Security::Actor::user(u"pat"_s, role);

        auto first = Review::applyFix(*m_db, *m_clock, actor, options(), m);
        QVERIFY_OK(first);
        QVERIFY(first->jobId > 0);
        QVERIFY(!first->alreadyQueued);
        QCOMPARE(rowsOf(operation), jobsBefore + newJobs);
        QCOMPARE(auditCount(), auditBefore + 1);
        Store::OutboxRepository outbox(*m_db, *m_clock);
        auto job = outbox.get(first->jobId);
        QVERIFY_OK(job);
        QCOMPARE(job->operation, operation);
        QCOMPARE(Domain::toString(job->state), u"pending"_s);

        // A second click: the same job, nothing new, nothing audited.
        auto second = Review::applyFix(*m_db, *m_clock, actor, options(), m);
        QVERIFY_OK(second);
        QVERIFY(second->alreadyQueued);
        QCOMPARE(second->jobId, first->jobId);
        QCOMPARE(rowsOf(operation), jobsBefore + newJobs);
        QCOMPARE(auditCount(), auditBefore + 1);

        Security::AuditLog audit(*m_db, *m_clock);
        auto recent = audit.recent(1);
        QVERIFY_OK(recent);
        QCOMPARE(recent->first().action, u"reconciliation.fix"_s);
        QCOMPARE(recent->first().actor, u"pat"_s);
    }

    void fixRefusedForRole_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<Role>("role");
        QTest::newRow("viewer, deal") << u"deal_amount"_s << Role::Viewer;
        QTest::newRow("bookkeeper, deal") << u"deal_amount"_s << Role::Bookkeeper;
        QTest::newRow("office manager, invoice") << u"not_invoiced"_s << Role::OfficeManager;
        QTest::newRow("bookkeeper, retry") << u"not_invoiced_failed_job"_s << Role::Bookkeeper;
    }

    void fixRefusedForRole()
    {
        QFETCH(QString, scenario);
        QFETCH(Role, role);
        const auto deals = build(scenario);
        auto r = run(deals);
        QVERIFY_OK(r);
        QCOMPARE(r->mismatches.size(), 1);
        const QStringList before = tableRows(*m_db, u"outbox_jobs"_s);
        const qint64 auditBefore = auditCount();
        auto fixed = Review::applyFix(*m_db, *m_clock, Security::Actor::user(u"val"_s, role), options(),
                                      r->mismatches.first());
        STORE_VERIFY_ERROR(fixed, ErrorCode::PermissionDenied);
        QCOMPARE(tableRows(*m_db, u"outbox_jobs"_s), before);
        QCOMPARE(auditCount(), auditBefore);
        QVERIFY(!Review::roleMayFix(role, r->mismatches.first().fix));
    }

    // The rate now matches the deal: the mismatch is gone, so nothing is queued.
    void fixRefusedWhenMismatchIsGone()
    {
        const auto deals = build(u"deal_amount"_s);
        auto r = run(deals);
        QVERIFY_OK(r);
        QCOMPARE(r->mismatches.size(), 1);
        QVERIFY_OK(m_db->exec(u"UPDATE services SET rate_minor = 6000 WHERE id = ?"_s, {m_math}));
        QVERIFY_OK(m_db->exec(u"UPDATE invoice_lines SET amount_minor = 6000, rate_minor = 6000"_s));
        const qint64 before = rowsOf(Sync::Jobs::HubSpotDealUpsert);
        auto fixed = Review::applyFix(*m_db, *m_clock, Security::Actor::user(u"om"_s, Role::OfficeManager), options(),
                                      r->mismatches.first());
        STORE_VERIFY_ERROR(fixed, ErrorCode::Conflict);
        QCOMPARE(rowsOf(Sync::Jobs::HubSpotDealUpsert), before);
    }

    void dealLinksOfTheMonth()
    {
        customer(u"cus_a"_s, u"Ana Ruiz"_s);
        const qint64 in = appointment(u"cus_a"_s, m_math, local(QDate(2026, 3, 3), QTime(9, 0)), 60,
                                      AppointmentStatus::Booked);
        const qint64 out = appointment(u"cus_a"_s, m_math, local(QDate(2026, 4, 3), QTime(9, 0)), 60,
                                       AppointmentStatus::Booked);
        linkDeal(in, u"d-in"_s);
        linkDeal(out, u"d-out"_s);
        auto links = Review::dealLinks(*m_db, options());
        QVERIFY_OK(links);
        QCOMPARE(*links, (QHash<qint64, QString>{{in, u"d-in"_s}}));
    }

    void emptyMonth()
    {
        auto r = run(QHash<qint64, DealSnapshot>{});
        QVERIFY_OK(r);
        QCOMPARE(r->sessionCount, 0);
        QCOMPARE(totalsText(*r), u"USD booked 0.00 USD lines 0.00 USD invoiced 0.00 USD collected 0.00 USD deals 0.00 USD"_s);
        QVERIFY(r->mismatches.isEmpty());
        QVERIFY(!r->billingSyncedAt.isValid());
    }

    void unknownZoneIsAnError()
    {
        Review::ReconciliationOptions o = options();
        o.businessTimeZone = u"Mars/Olympus"_s;
        auto r = Review::reconcile(*m_db, *m_clock, o, std::nullopt);
        STORE_VERIFY_ERROR(r, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestReconciliation)
#include "tst_reconciliation.moc"
