// The Appointments and Invoices pages' data (Services::collectAppointments,
// collectInvoices) on a real SQLite store holding one record in each state
// the pages must word: whole rows — each system's column and the
// disagreements with their reasons — are compared, the window and the limit
// are respected, the deal stage agrees with the sync engine's own
// computation (ChangeApplier::desiredDeal), and recordUrl builds each
// system's web (or emulator) address.
#include "../store/storetestsupport.h"

#include "common/clock.h"
#include "services/recordsdata.h"
#include "store/appointmentrepository.h"
#include "store/billingrepository.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/identityrepository.h"
#include "store/operationsrepository.h"
#include "store/outboxrepository.h"
#include "store/rulesrepository.h"
#include "store/syncstaterepository.h"
#include "sync/changeapplier.h"
#include "sync/jobs.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::StoreTest;
using Concord::Services::AppointmentRecord;
using Concord::Services::Delivery;
using Concord::Services::Disagreement;
using Concord::Services::InvoiceRecord;

Q_DECLARE_METATYPE(Concord::Domain::System)

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 3, 28), QTime(12, 0), Qt::UTC);

QString deliveryText(const Delivery &d)
{
    QString text = Services::toString(d.state);
    if (d.jobId != 0)
        text += u" #job:"_s + d.operation;
    return text;
}

QString disagreementsText(const QList<Disagreement> &list)
{
    QStringList out;
    for (const Disagreement &d : list)
        out << u"%1[%2%3] %4"_s.arg(Services::toString(d.kind), d.system ? toString(*d.system) : u"concord"_s,
                                    d.needsPerson ? u"!"_s : u""_s, d.reason);
    return out.join(u"\n"_s);
}

// One line per system plus the disagreements: what a QCOMPARE shows when a
// row differs.
QString dump(const AppointmentRecord &r)
{
    return u"calcom: %1 %2 %3\nhubspot: deal=%4 stage=%5 seen=%6 contact=%7 %8\n"
           "quickbooks: invoice=%9 %10 %11 balance=%12 due=%13 customer=%14 %15\n%16"_s
        .arg(r.calcomUid, toString(r.status), deliveryText(r.calcomDelivery), r.dealId, r.expectedStage, r.seenStage,
             r.hubspotContactId, deliveryText(r.hubspotDelivery), r.docNumber)
        .arg(r.invoiceId ? toString(r.invoiceStatus) : u"-"_s, r.invoiceId ? r.quickbooksInvoiceId : u"-"_s,
             r.invoiceId ? r.invoiceBalance.toString() : u"-"_s, r.dueDate.toString(Qt::ISODate),
             r.quickbooksCustomerId, deliveryText(r.quickbooksDelivery), disagreementsText(r.disagreements));
}

QString dump(const InvoiceRecord &r)
{
    QStringList sessions;
    for (const Services::InvoiceSession &s : r.sessions)
        sessions << u"%1:%2:%3:%4"_s.arg(s.calcomUid, toString(s.status), s.dealId, s.expectedStage);
    return u"quickbooks: %1 %2 %3 total=%4 balance=%5 due=%6 fee=%7 %8\ncalcom: %9 %10\nhubspot: %11 %12\n%13"_s
        .arg(r.docNumber, r.quickbooksId, toString(r.status), r.total.toString(), r.balance.toString(),
             r.dueDate.toString(Qt::ISODate), r.lateFee ? u"yes"_s : u"no"_s, deliveryText(r.quickbooksDelivery),
             sessions.join(u' '))
        .arg(deliveryText(r.calcomDelivery), r.hubspotContactId, deliveryText(r.hubspotDelivery),
             disagreementsText(r.disagreements));
}

Money usd(qint64 minor)
{
    return *Money::fromMinor(minor, u"USD"_s);
}

} // namespace

class TestRecordsData : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void appointmentRows_data();
    void appointmentRows();
    void stagesAgreeWithTheSyncEngine();
    void storedStageMappingWins();
    void windowAndLimit();
    void invoiceRows_data();
    void invoiceRows();
    void invoiceWindowAndLimit();
    void rejectsBadArguments();
    void recordUrl_data();
    void recordUrl();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    QHash<QString, qint64> m_appointments; // by name
    QHash<QString, qint64> m_invoices;     // by doc number
    QHash<QString, QString> m_customers;   // by name
    qint64 m_service = 0;
    int m_keys = 0;

    void seed();
    QString customer(const QString &name);
    qint64 appointment(const QString &name, const QString &customerName, const QDateTime &startUtc,
                       AppointmentStatus status, const QString &zone = u"America/New_York"_s);
    qint64 invoice(const QString &docNumber, const QString &customerName, const QList<qint64> &appointments,
                   MoneyStatus status, qint64 balanceMinor, const QDate &due, const QString &quickbooksId = {});
    void deal(qint64 appointmentId, const QString &dealId);
    // A job in `state`, queued `ageSecs` ago (failed ones with `message`).
    qint64 job(System system, QStringView operation, const QString &entityType, const QString &entityId,
               JobState state, qint64 ageSecs, const QString &message = {}, const QJsonObject &payload = {});
    void exec(const QString &sql, const QVariantList &binds);
    Services::AppointmentsData appointmentsNow(int limit = 1000);
    Services::InvoicesData invoicesNow(int limit = 1000);
};

void TestRecordsData::initTestCase()
{
    quietStoreLog();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = openMigrated(*m_dir);
    STORE_VERIFY_OK(db);
    m_db = std::move(*db);
    m_clock = std::make_unique<ManualClock>(kNow);
    seed();
}

void TestRecordsData::exec(const QString &sql, const QVariantList &binds)
{
    auto ok = m_db->exec(sql, binds);
    QVERIFY2(ok.has_value(), outcome(ok).constData());
}

QString TestRecordsData::customer(const QString &name)
{
    if (m_customers.contains(name))
        return m_customers.value(name);
    Store::CustomerRepository customers(*m_db, *m_clock);
    Customer c;
    c.id = u"cus_"_s + name.toLower();
    c.displayName = name;
    auto created = customers.create(c);
    if (!created)
        qFatal("customer: %s", outcome(created).constData());
    m_customers.insert(name, created->id);
    return created->id;
}

qint64 TestRecordsData::appointment(const QString &name, const QString &customerName, const QDateTime &startUtc,
                                    AppointmentStatus status, const QString &zone)
{
    Store::AppointmentRepository appointments(*m_db, *m_clock);
    Appointment a;
    a.customerId = customer(customerName);
    a.calcomUid = u"uid-"_s + name;
    a.start = *ZonedInstant::fromUtc(startUtc, zone);
    a.durationMinutes = 60;
    a.serviceId = m_service;
    a.status = status;
    a.title = u"Booking "_s + name;
    auto id = appointments.insert(a);
    if (!id)
        qFatal("appointment: %s", outcome(id).constData());
    m_appointments.insert(name, *id);
    return *id;
}

qint64 TestRecordsData::invoice(const QString &docNumber, const QString &customerName,
                                const QList<qint64> &appointments, MoneyStatus status, qint64 balanceMinor,
                                const QDate &due, const QString &quickbooksId)
{
    Store::BillingRepository billing(*m_db, *m_clock);
    Invoice inv;
    inv.customerId = customer(customerName);
    inv.quickbooksId = quickbooksId.isEmpty() ? u"qb-"_s + docNumber : quickbooksId;
    inv.docNumber = docNumber;
    inv.txnDate = due.addDays(-7);
    inv.dueDate = due;
    inv.total = usd(6500 * std::max<qint64>(1, appointments.size()));
    inv.balance = usd(balanceMinor);
    inv.tax = usd(0);
    inv.discount = usd(0);
    inv.deposit = usd(0);
    inv.status = status;
    int n = 0;
    for (qint64 a : appointments) {
        InvoiceLine l;
        l.lineNumber = ++n;
        l.appointmentId = a;
        l.itemId = u"7"_s;
        l.description = u"1-Hour Math Tutoring"_s;
        l.rate = usd(6500);
        l.amount = usd(6500);
        l.serviceDate = inv.txnDate;
        inv.lines.append(l);
    }
    auto id = billing.saveInvoice(inv);
    if (!id)
        qFatal("invoice: %s", outcome(id).constData());
    m_invoices.insert(docNumber, *id);
    return *id;
}

void TestRecordsData::deal(qint64 appointmentId, const QString &dealId)
{
    Store::SyncStateRepository state(*m_db, *m_clock);
    auto ok = state.setRef({u"appointment"_s, QString::number(appointmentId), System::HubSpot, u"deal"_s, dealId,
                            u"v1"_s, {}});
    if (!ok)
        qFatal("ref: %s", outcome(ok).constData());
}

qint64 TestRecordsData::job(System system, QStringView operation, const QString &entityType,
                            const QString &entityId, JobState state, qint64 ageSecs, const QString &message,
                            const QJsonObject &payload)
{
    Store::OutboxRepository outbox(*m_db, *m_clock);
    auto id = outbox.enqueue(Sync::Jobs::make(system, operation, entityType, entityId, u"key-%1"_s.arg(++m_keys),
                                              payload, Sync::Jobs::KindAppointment, kNow.addSecs(-ageSecs)));
    if (!id)
        qFatal("job: %s", outcome(id).constData());
    // Set up as the runner leaves it (queued in the past; delivered or failed).
    auto ok = m_db->exec(u"UPDATE outbox_jobs SET state = ?, created_at = ?, updated_at = ?, "
                         "last_error_message = ? WHERE id = ?"_s,
                         {toString(state), Store::Sql::fromDateTime(kNow.addSecs(-ageSecs)),
                          Store::Sql::fromDateTime(kNow.addSecs(-ageSecs / 2)), message, *id});
    if (!ok)
        qFatal("job state: %s", outcome(ok).constData());
    return *id;
}

void TestRecordsData::seed()
{
    Store::AppointmentRepository appointments(*m_db, *m_clock);
    Service svc;
    svc.name = u"1-Hour Math Tutoring"_s;
    svc.calcomEventTypeId = u"11"_s;
    svc.quickbooksItemId = u"7"_s;
    svc.rateMinor = 6500;
    auto service = appointments.upsertService(svc);
    QVERIFY2(service.has_value(), outcome(service).constData());
    m_service = *service;

    // Monthly billing for one client (the others: Concord's built-in per session).
    Store::RulesRepository rules(*m_db, *m_clock);
    InvoicePolicy monthly;
    monthly.customerId = customer(u"Mia"_s);
    monthly.mode = InvoiceMode::MonthlySummary;
    monthly.updatedBy = u"bea"_s;
    auto policy = rules.saveInvoicePolicy(monthly);
    QVERIFY2(policy.has_value(), outcome(policy).constData());

    Store::IdentityRepository identity(*m_db, *m_clock);
    for (const auto &[system, id] : {std::pair{System::HubSpot, u"hs-ana"_s}, std::pair{System::QuickBooks, u"58"_s}}) {
        ExternalLink link;
        link.customerId = customer(u"Ana"_s);
        link.system = system;
        link.externalId = id;
        link.method = MatchMethod::Email;
        link.linkedBy = u"sync"_s;
        auto linked = identity.link(link);
        QVERIFY2(linked.has_value(), outcome(linked).constData());
    }

    const auto at = [](int month, int day, int hour) {
        return QDateTime(QDate(2026, month, day), QTime(hour, 0), Qt::UTC);
    };

    // Booked, its deal created and up to date: all three agree.
    const qint64 booked = appointment(u"booked"_s, u"Ana"_s, at(4, 2, 15), AppointmentStatus::Booked);
    deal(booked, u"9001"_s);
    job(System::HubSpot, Sync::Jobs::HubSpotDealUpsert, u"appointment"_s, QString::number(booked),
        JobState::Succeeded, 3600);

    // Canceled: its own invoice still open, the deal's update on its way.
    const qint64 canceled = appointment(u"canceled"_s, u"Ben"_s, at(3, 20, 14), AppointmentStatus::Canceled);
    deal(canceled, u"9002"_s);
    invoice(u"1002"_s, u"Ben"_s, {canceled}, MoneyStatus::Invoiced, 6500, QDate(2026, 4, 3));
    job(System::HubSpot, Sync::Jobs::HubSpotDealUpsert, u"appointment"_s, QString::number(canceled),
        JobState::Pending, 120);

    // Paid, the deal's move to won failed.
    const qint64 paid = appointment(u"paid"_s, u"Cleo"_s, at(3, 10, 16), AppointmentStatus::Completed);
    deal(paid, u"9003"_s);
    invoice(u"1003"_s, u"Cleo"_s, {paid}, MoneyStatus::Paid, 0, QDate(2026, 3, 17));
    job(System::HubSpot, Sync::Jobs::HubSpotDealUpsert, u"appointment"_s, QString::number(paid), JobState::Failed,
        7200, u"HubSpot refused the deal: Property values were not valid."_s);

    // Completed and priced, per session, on no invoice: Concord should have billed it.
    appointment(u"unbilled"_s, u"Dan"_s, at(3, 5, 15), AppointmentStatus::Completed);

    // Completed, its invoice on its way for three hours.
    const qint64 planned = appointment(u"planned"_s, u"Eve"_s, at(3, 26, 18), AppointmentStatus::Completed);
    job(System::QuickBooks, Sync::Jobs::QboInvoiceCreate, u"invoice-plan"_s, u"session/"_s + QString::number(planned),
        JobState::Pending, 3 * 3600, u"waiting for the client's QuickBooks customer"_s,
        QJsonObject{{u"lines"_s, QJsonArray{QJsonObject{{u"appointmentId"_s, QString::number(planned)}}}}});

    // A no-show whose client is blocked; the deal's update waits.
    const qint64 noShow = appointment(u"noshow"_s, u"Finn"_s, at(3, 15, 13), AppointmentStatus::NoShow);
    deal(noShow, u"9006"_s);
    job(System::HubSpot, Sync::Jobs::HubSpotDealUpsert, u"appointment"_s, QString::number(noShow),
        JobState::Pending, 60);
    Store::SyncStateRepository state(*m_db, *m_clock);
    SyncFlag block;
    block.kind = u"booking_block"_s;
    block.subject = u"customer/"_s + customer(u"Finn"_s);
    block.system = u"calcom"_s;
    block.message = u"Finn owes 250.00 USD overdue: new bookings are held"_s;
    QVERIFY(state.raiseFlag(block).has_value());

    // Overdue, and someone moved its deal by hand in HubSpot.
    const qint64 overdue = appointment(u"overdue"_s, u"Ana"_s, at(3, 1, 15), AppointmentStatus::Completed);
    deal(overdue, u"9007"_s);
    invoice(u"1007"_s, u"Ana"_s, {overdue}, MoneyStatus::Overdue, 6500, QDate(2026, 3, 8));
    SyncFlag moved;
    moved.kind = u"wrong_place_edit"_s;
    moved.subject = u"deal/9007"_s;
    moved.system = u"hubspot"_s;
    moved.message = u"Deal \"Ana – Math\" was moved to \"closedlost\" in HubSpot, but the appointment and QuickBooks "
                    "say \"contractsent\""_s;
    moved.detailJson = R"({"appointmentId":"x","hubspotStage":"closedlost","authoritativeStage":"contractsent"})";
    QVERIFY(state.raiseFlag(moved).has_value());

    // Outside the default window.
    appointment(u"later"_s, u"Ana"_s, at(5, 30, 15), AppointmentStatus::Booked);

    // Booked; Concord's cancel of it in Cal.com failed.
    const qint64 cancelFailed = appointment(u"cancelfailed"_s, u"Gus"_s, at(4, 5, 15), AppointmentStatus::Booked);
    job(System::CalCom, Sync::Jobs::CalcomBookingCancel, u"appointment"_s, QString::number(cancelFailed),
        JobState::Failed, 600, u"Cal.com answered 404: the booking is gone."_s);

    // A failed deal update that a later one carried: nothing to see.
    const qint64 recovered = appointment(u"recovered"_s, u"Hal"_s, at(3, 27, 15), AppointmentStatus::Completed);
    deal(recovered, u"9010"_s);
    invoice(u"1010"_s, u"Hal"_s, {recovered}, MoneyStatus::Invoiced, 6500, QDate(2026, 4, 3));
    job(System::HubSpot, Sync::Jobs::HubSpotDealUpsert, u"appointment"_s, QString::number(recovered),
        JobState::Failed, 7200, u"HubSpot timed out"_s);
    job(System::HubSpot, Sync::Jobs::HubSpotDealUpsert, u"appointment"_s, QString::number(recovered),
        JobState::Succeeded, 600);

    // Monthly client: February's session unbilled after March 1st; March's not due yet.
    appointment(u"monthlyfeb"_s, u"Mia"_s, at(2, 27, 15), AppointmentStatus::Completed);
    appointment(u"monthlymar"_s, u"Mia"_s, at(3, 20, 15), AppointmentStatus::Completed);

    // Canceled late: its session invoice voided, the late fee open — as it should be.
    const qint64 lateCancel = appointment(u"latecancel"_s, u"Ivy"_s, at(3, 24, 15), AppointmentStatus::Canceled,
                                          u"Europe/Berlin"_s);
    deal(lateCancel, u"9012"_s);
    invoice(u"1012"_s, u"Ivy"_s, {lateCancel}, MoneyStatus::Voided, 0, QDate(2026, 3, 31));
    invoice(u"1013"_s, u"Ivy"_s, {lateCancel}, MoneyStatus::Invoiced, 2500, QDate(2026, 4, 4), u"qb-fee-12"_s);
    QVERIFY(state.setRef({u"invoice-plan"_s, u"fee/"_s + QString::number(lateCancel), System::QuickBooks,
                          u"invoice"_s, u"qb-fee-12"_s, u"0"_s, {}})
                .has_value());
    job(System::HubSpot, Sync::Jobs::HubSpotDealUpsert, u"appointment"_s, QString::number(lateCancel),
        JobState::Succeeded, 900);

    // A monthly invoice for two sessions; its void failed in QuickBooks.
    const qint64 m1 = appointment(u"month1"_s, u"Ana"_s, at(3, 3, 15), AppointmentStatus::Completed);
    const qint64 m2 = appointment(u"month2"_s, u"Ana"_s, at(3, 4, 15), AppointmentStatus::Canceled);
    const qint64 monthlyInvoice =
        invoice(u"1020"_s, u"Ana"_s, {m1, m2}, MoneyStatus::PartiallyPaid, 5000, QDate(2026, 4, 7));
    job(System::QuickBooks, Sync::Jobs::QboInvoiceVoid, u"invoice"_s, QString::number(monthlyInvoice),
        JobState::Failed, 1800, u"QuickBooks refused: the invoice has payments."_s);
    SyncFlag issued;
    issued.kind = u"canceled_on_issued_invoice"_s;
    issued.subject = u"appointment/"_s + QString::number(m2);
    issued.system = u"quickbooks"_s;
    issued.message = u"The session of Mar 4, 2026 was canceled after invoice 1020 billed it: remove its line or "
                     "credit it in QuickBooks"_s;
    QVERIFY(state.raiseFlag(issued).has_value());

    Store::OperationsRepository operations(*m_db, *m_clock);
    Connection hs;
    hs.system = System::HubSpot;
    hs.state = ConnectionState::Connected;
    hs.accountLabel = u"442187"_s;
    hs.baseUrl = u"https://api.hubapi.com"_s;
    QVERIFY(operations.saveConnection(hs).has_value());
}

Services::AppointmentsData TestRecordsData::appointmentsNow(int limit)
{
    auto data = Services::collectAppointments(*m_db, kNow.addDays(-30), kNow.addDays(30), limit, *m_clock);
    if (!data)
        qFatal("collect: %s", outcome(data).constData());
    return *data;
}

Services::InvoicesData TestRecordsData::invoicesNow(int limit)
{
    auto data = Services::collectInvoices(*m_db, kNow.date().addDays(-60), kNow.date().addDays(30), limit, *m_clock);
    if (!data)
        qFatal("collect: %s", outcome(data).constData());
    return *data;
}

void TestRecordsData::appointmentRows_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");

    QTest::newRow("all agree") << u"booked"_s
                               << u"calcom: uid-booked booked nothing_sent\n"
                                  "hubspot: deal=9001 stage=appointmentscheduled seen= contact=hs-ana carried\n"
                                  "quickbooks: invoice= - - balance=- due= customer=58 nothing_sent\n"_s;
    QTest::newRow("canceled, invoice open, deal behind")
        << u"canceled"_s
        << u"calcom: uid-canceled canceled nothing_sent\n"
           "hubspot: deal=9002 stage=closedlost seen= contact= waiting #job:hubspot.deal.upsert\n"
           "quickbooks: invoice=1002 invoiced qb-1002 balance=65.00 USD due=2026-04-03 customer= nothing_sent\n"
           "canceled_invoice_open[quickbooks!] Canceled in Cal.com, but invoice 1002 is still open in QuickBooks "
           "(balance 65.00 USD).\n"
           "deal_stage_behind[hubspot] Canceled in Cal.com, but the HubSpot deal is not “Closed lost” yet: its "
           "update waits (change #2)."_s;
    QTest::newRow("paid, deal update failed")
        << u"paid"_s
        << u"calcom: uid-paid completed nothing_sent\n"
           "hubspot: deal=9003 stage=closedwon seen= contact= failed #job:hubspot.deal.upsert\n"
           "quickbooks: invoice=1003 paid qb-1003 balance=0.00 USD due=2026-03-17 customer= nothing_sent\n"
           "deal_stage_behind[hubspot!] Paid in QuickBooks, but the HubSpot deal is not “Closed won”: its update "
           "failed (change #3)."_s;
    QTest::newRow("completed, never invoiced")
        << u"unbilled"_s
        << u"calcom: uid-unbilled completed nothing_sent\n"
           "hubspot: deal= stage=contractsent seen= contact= nothing_sent\n"
           "quickbooks: invoice= - - balance=- due= customer= nothing_sent\n"
           "not_invoiced[quickbooks] Completed on Mar 5, 2026, but on no invoice: it is billed per session."_s;
    QTest::newRow("invoice on its way too long")
        << u"planned"_s
        << u"calcom: uid-planned completed nothing_sent\n"
           "hubspot: deal= stage=contractsent seen= contact= nothing_sent\n"
           "quickbooks: invoice= - - balance=- due= customer= waiting #job:quickbooks.invoice.create\n"
           "delivery_delayed[quickbooks] A change for QuickBooks Online has waited 3 h (change #4): waiting for "
           "the client's QuickBooks customer."_s;
    QTest::newRow("no-show, blocked client")
        << u"noshow"_s
        << u"calcom: uid-noshow no_show nothing_sent\n"
           "hubspot: deal=9006 stage=qualifiedtobuy seen= contact= waiting #job:hubspot.deal.upsert\n"
           "quickbooks: invoice= - - balance=- due= customer= nothing_sent\n"
           "open_flag[calcom!] Finn owes 250.00 USD overdue: new bookings are held.\n"
           "deal_stage_behind[hubspot] Marked as a no-show in Cal.com, but the HubSpot deal is not “Qualified to "
           "buy” yet: its update waits (change #5)."_s;
    QTest::newRow("overdue, deal moved by hand")
        << u"overdue"_s
        << u"calcom: uid-overdue completed nothing_sent\n"
           "hubspot: deal=9007 stage=contractsent seen=closedlost contact=hs-ana nothing_sent\n"
           "quickbooks: invoice=1007 overdue qb-1007 balance=65.00 USD due=2026-03-08 customer=58 nothing_sent\n"
           "open_flag[hubspot!] Deal \"Ana – Math\" was moved to \"closedlost\" in HubSpot, but the appointment "
           "and QuickBooks say \"contractsent\".\n"
           "overdue[quickbooks] Invoice 1007 is overdue: 65.00 USD due since Mar 8, 2026."_s;
    QTest::newRow("Cal.com change failed")
        << u"cancelfailed"_s
        << u"calcom: uid-cancelfailed booked failed #job:calcom.booking.cancel\n"
           "hubspot: deal= stage=appointmentscheduled seen= contact= nothing_sent\n"
           "quickbooks: invoice= - - balance=- due= customer= nothing_sent\n"
           "delivery_failed[calcom!] A change for Cal.com failed and waits for a person (change #6): Cal.com "
           "answered 404: the booking is gone."_s;
    QTest::newRow("failed update carried by a later one")
        << u"recovered"_s
        << u"calcom: uid-recovered completed nothing_sent\n"
           "hubspot: deal=9010 stage=contractsent seen= contact= carried\n"
           "quickbooks: invoice=1010 invoiced qb-1010 balance=65.00 USD due=2026-04-03 customer= nothing_sent\n"_s;
    QTest::newRow("monthly, past the 1st")
        << u"monthlyfeb"_s
        << u"calcom: uid-monthlyfeb completed nothing_sent\n"
           "hubspot: deal= stage=contractsent seen= contact= nothing_sent\n"
           "quickbooks: invoice= - - balance=- due= customer= nothing_sent\n"
           "not_invoiced[quickbooks] Completed on Feb 27, 2026, but on no invoice: its monthly invoice was due on "
           "Mar 1, 2026."_s;
    QTest::newRow("monthly, not due yet")
        << u"monthlymar"_s
        << u"calcom: uid-monthlymar completed nothing_sent\n"
           "hubspot: deal= stage=contractsent seen= contact= nothing_sent\n"
           "quickbooks: invoice= - - balance=- due= customer= nothing_sent\n"_s;
    QTest::newRow("late cancel: voided, fee open")
        << u"latecancel"_s
        << u"calcom: uid-latecancel canceled nothing_sent\n"
           "hubspot: deal=9012 stage=closedlost seen= contact= carried\n"
           "quickbooks: invoice=1013 invoiced qb-fee-12 balance=25.00 USD due=2026-04-04 customer= nothing_sent\n"_s;
    QTest::newRow("canceled on a monthly invoice")
        << u"month2"_s
        << u"calcom: uid-month2 canceled nothing_sent\n"
           "hubspot: deal= stage=closedlost seen= contact=hs-ana nothing_sent\n"
           "quickbooks: invoice=1020 partially_paid qb-1020 balance=50.00 USD due=2026-04-07 customer=58 failed "
           "#job:quickbooks.invoice.void\n"
           "open_flag[quickbooks!] The session of Mar 4, 2026 was canceled after invoice 1020 billed it: remove its "
           "line or credit it in QuickBooks.\n"
           "delivery_failed[quickbooks!] A change for QuickBooks Online failed and waits for a person (change #10): "
           "QuickBooks refused: the invoice has payments."_s;
}

void TestRecordsData::appointmentRows()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const Services::AppointmentsData data = appointmentsNow();
    const qint64 id = m_appointments.value(name);
    const auto it =
        std::find_if(data.rows.cbegin(), data.rows.cend(), [id](const AppointmentRecord &r) { return r.id == id; });
    QVERIFY2(it != data.rows.cend(), qPrintable(name));
    QCOMPARE(dump(*it), expected);
    QCOMPARE(it->customerId, m_customers.value(it->customerName));
    QCOMPARE(it->title, u"1-Hour Math Tutoring"_s);
    QCOMPARE(it->durationMinutes, 60);
}

void TestRecordsData::stagesAgreeWithTheSyncEngine()
{
    // The page's stage is the one the job runner will send: same mappings,
    // same invoice, same rules.
    const Sync::ChangeApplier applier(*m_db, *m_clock, Sync::ApplierSettings());
    const Services::AppointmentsData data = appointmentsNow();
    QVERIFY(data.rows.size() > 10);
    for (const AppointmentRecord &r : data.rows) {
        auto desired = applier.desiredDeal(r.id);
        QVERIFY2(desired.has_value(), outcome(desired).constData());
        QCOMPARE(r.expectedStage, desired->stage);
    }
}

void TestRecordsData::storedStageMappingWins()
{
    Store::RulesRepository rules(*m_db, *m_clock);
    StatusMapping m;
    m.domain = StatusDomain::Money;
    m.status = u"paid"_s;
    m.targetSystem = System::HubSpot;
    m.action = StatusAction::DealStage;
    m.targetValue = u"won_tutoring"_s;
    m.updatedBy = u"bea"_s;
    auto saved = rules.saveStatusMapping(m);
    QVERIFY2(saved.has_value(), outcome(saved).constData());
    const Services::AppointmentsData data = appointmentsNow();
    const qint64 id = m_appointments.value(u"paid"_s);
    const auto it =
        std::find_if(data.rows.cbegin(), data.rows.cend(), [id](const AppointmentRecord &r) { return r.id == id; });
    QVERIFY(it != data.rows.cend());
    QCOMPARE(it->expectedStage, u"won_tutoring"_s);
    QVERIFY(it->disagreements.first().reason.contains(u"“won_tutoring”"_s));
    const Sync::ChangeApplier applier(*m_db, *m_clock, Sync::ApplierSettings());
    QCOMPARE(applier.desiredDeal(id)->stage, u"won_tutoring"_s);
    QVERIFY(rules.deleteStatusMapping(saved->id, saved->version).has_value());
}

void TestRecordsData::windowAndLimit()
{
    const Services::AppointmentsData all = appointmentsNow();
    // Everything but the May booking, by start.
    QCOMPARE(all.matching, qint64(m_appointments.size() - 1));
    QCOMPARE(all.rows.size(), qsizetype(all.matching));
    QVERIFY(!all.truncated);
    QVERIFY(std::none_of(all.rows.cbegin(), all.rows.cend(),
                         [this](const AppointmentRecord &r) { return r.id == m_appointments.value(u"later"_s); }));
    QVERIFY(std::is_sorted(all.rows.cbegin(), all.rows.cend(),
                           [](const AppointmentRecord &a, const AppointmentRecord &b) {
                               return a.start.utc() < b.start.utc();
                           }));
    QCOMPARE(all.generatedAt, kNow);
    QCOMPARE(all.connections.size(), 3);

    // The cap keeps the earliest, and says so.
    const Services::AppointmentsData three = appointmentsNow(3);
    QCOMPARE(three.rows.size(), 3);
    QCOMPARE(three.matching, all.matching);
    QVERIFY(three.truncated);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(dump(three.rows.at(i)), dump(all.rows.at(i)));

    // The window's end is open: a start exactly there is the next window's.
    const QDateTime laterStart = QDateTime(QDate(2026, 5, 30), QTime(15, 0), Qt::UTC);
    auto until = Services::collectAppointments(*m_db, kNow, laterStart, 100, *m_clock);
    QVERIFY2(until.has_value(), outcome(until).constData());
    auto from = Services::collectAppointments(*m_db, laterStart, laterStart.addSecs(1), 100, *m_clock);
    QVERIFY2(from.has_value(), outcome(from).constData());
    QCOMPARE(from->rows.size(), 1);
    QCOMPARE(from->rows.first().id, m_appointments.value(u"later"_s));
    QVERIFY(std::none_of(until->rows.cbegin(), until->rows.cend(),
                         [this](const AppointmentRecord &r) { return r.id == m_appointments.value(u"later"_s); }));
}

void TestRecordsData::invoiceRows_data()
{
    QTest::addColumn<QString>("docNumber");
    QTest::addColumn<QString>("expected");

    QTest::newRow("canceled session, open invoice")
        << u"1002"_s
        << u"quickbooks: 1002 qb-1002 invoiced total=65.00 USD balance=65.00 USD due=2026-04-03 fee=no nothing_sent\n"
           "calcom: uid-canceled:canceled:9002:closedlost nothing_sent\n"
           "hubspot:  waiting #job:hubspot.deal.upsert\n"
           "canceled_invoice_open[quickbooks!] Its session was canceled in Cal.com, but invoice 1002 is still open "
           "(balance 65.00 USD)."_s;
    QTest::newRow("paid, deal behind")
        << u"1003"_s
        << u"quickbooks: 1003 qb-1003 paid total=65.00 USD balance=0.00 USD due=2026-03-17 fee=no nothing_sent\n"
           "calcom: uid-paid:completed:9003:closedwon nothing_sent\n"
           "hubspot:  failed #job:hubspot.deal.upsert\n"
           "deal_stage_behind[hubspot!] Paid in QuickBooks, but the HubSpot deal is not “Closed won”: its update "
           "failed (change #3)."_s;
    QTest::newRow("overdue")
        << u"1007"_s
        << u"quickbooks: 1007 qb-1007 overdue total=65.00 USD balance=65.00 USD due=2026-03-08 fee=no nothing_sent\n"
           "calcom: uid-overdue:completed:9007:contractsent nothing_sent\n"
           "hubspot: hs-ana nothing_sent\n"
           "overdue[quickbooks] Invoice 1007 is overdue: 65.00 USD due since Mar 8, 2026."_s;
    QTest::newRow("voided session invoice")
        << u"1012"_s
        << u"quickbooks: 1012 qb-1012 voided total=65.00 USD balance=0.00 USD due=2026-03-31 fee=no nothing_sent\n"
           "calcom: uid-latecancel:canceled:9012:closedlost nothing_sent\n"
           "hubspot:  carried\n"_s;
    QTest::newRow("late fee") << u"1013"_s
                              << u"quickbooks: 1013 qb-fee-12 invoiced total=65.00 USD balance=25.00 USD "
                                 u"due=2026-04-04 fee=yes nothing_sent\n"
                                 "calcom: uid-latecancel:canceled:9012:closedlost nothing_sent\n"
                                 "hubspot:  carried\n"_s;
    QTest::newRow("monthly, a session canceled, void failed")
        << u"1020"_s
        << u"quickbooks: 1020 qb-1020 partially_paid total=130.00 USD balance=50.00 USD due=2026-04-07 fee=no failed "
           "#job:quickbooks.invoice.void\n"
           "calcom: uid-month1:completed::contractsent uid-month2:canceled::closedlost nothing_sent\n"
           "hubspot: hs-ana nothing_sent\n"
           "open_flag[quickbooks!] The session of Mar 4, 2026 was canceled after invoice 1020 billed it: remove its "
           "line or credit it in QuickBooks.\n"
           "delivery_failed[quickbooks!] A change for QuickBooks Online failed and waits for a person (change #10): "
           "QuickBooks refused: the invoice has payments."_s;
}

void TestRecordsData::invoiceRows()
{
    QFETCH(QString, docNumber);
    QFETCH(QString, expected);
    const Services::InvoicesData data = invoicesNow();
    const auto it = std::find_if(data.rows.cbegin(), data.rows.cend(),
                                 [&](const InvoiceRecord &r) { return r.docNumber == docNumber; });
    QVERIFY2(it != data.rows.cend(), qPrintable(docNumber));
    QCOMPARE(dump(*it), expected);
    QCOMPARE(it->id, m_invoices.value(docNumber));
    QCOMPARE(it->txnDate, it->dueDate.addDays(-7));
}

void TestRecordsData::invoiceWindowAndLimit()
{
    const Services::InvoicesData all = invoicesNow();
    QCOMPARE(all.matching, qint64(m_invoices.size()));
    QCOMPARE(all.rows.size(), m_invoices.size());
    QVERIFY(std::is_sorted(all.rows.cbegin(), all.rows.cend(),
                           [](const InvoiceRecord &a, const InvoiceRecord &b) { return a.txnDate < b.txnDate; }));
    const Services::InvoicesData two = invoicesNow(2);
    QCOMPARE(two.rows.size(), 2);
    QVERIFY(two.truncated);
    QCOMPARE(dump(two.rows.at(1)), dump(all.rows.at(1)));
    // Both ends are days, both included.
    const QDate first = all.rows.first().txnDate;
    auto one = Services::collectInvoices(*m_db, first, first, 100, *m_clock);
    QVERIFY2(one.has_value(), outcome(one).constData());
    QVERIFY(!one->rows.isEmpty());
    for (const InvoiceRecord &r : one->rows)
        QCOMPARE(r.txnDate, first);
}

void TestRecordsData::rejectsBadArguments()
{
    QCOMPARE(codeOf(Services::collectAppointments(*m_db, kNow, kNow, 10, *m_clock)),
             errorCodeName(ErrorCode::InvalidArgument));
    QCOMPARE(codeOf(Services::collectAppointments(*m_db, kNow, kNow.addDays(1), 0, *m_clock)),
             errorCodeName(ErrorCode::InvalidArgument));
    QCOMPARE(codeOf(Services::collectInvoices(*m_db, kNow.date(), kNow.date().addDays(-1), 10, *m_clock)),
             errorCodeName(ErrorCode::InvalidArgument));
    QCOMPARE(codeOf(Services::collectInvoices(*m_db, QDate(), kNow.date(), 10, *m_clock)),
             errorCodeName(ErrorCode::InvalidArgument));
}

void TestRecordsData::recordUrl_data()
{
    QTest::addColumn<System>("system");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("remoteId");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("accountLabel");
    QTest::addColumn<QString>("expected");

    const System hs = System::HubSpot;
    const System qbo = System::QuickBooks;
    const System cal = System::CalCom;
    QTest::newRow("HubSpot deal") << hs << u"deal"_s << u"9001"_s << u"https://api.hubapi.com"_s << u"442187"_s
                                  << u"https://app.hubspot.com/contacts/442187/record/0-3/9001"_s;
    QTest::newRow("HubSpot contact") << hs << u"contact"_s << u"51"_s << u"https://api.hubapi.com"_s << u"442187"_s
                                     << u"https://app.hubspot.com/contacts/442187/record/0-1/51"_s;
    QTest::newRow("HubSpot without portal") << hs << u"deal"_s << u"9001"_s << u"https://api.hubapi.com"_s
                                            << u"api.hubapi.com"_s << QString();
    QTest::newRow("HubSpot unknown kind") << hs << u"ticket"_s << u"1"_s << u"https://api.hubapi.com"_s
                                          << u"442187"_s << QString();
    QTest::newRow("QuickBooks invoice") << qbo << u"invoice"_s << u"145"_s << u"https://quickbooks.api.intuit.com"_s
                                        << u"quickbooks.api.intuit.com"_s
                                        << u"https://app.qbo.intuit.com/app/invoice?txnId=145"_s;
    QTest::newRow("QuickBooks invoice, realm known")
        << qbo << u"invoice"_s << u"145"_s << u"https://quickbooks.api.intuit.com"_s << u"9130357"_s
        << u"https://app.qbo.intuit.com/app/invoice?txnId=145&companyId=9130357"_s;
    QTest::newRow("QuickBooks sandbox") << qbo << u"invoice"_s << u"145"_s
                                        << u"https://sandbox-quickbooks.api.intuit.com"_s << QString()
                                        << u"https://app.sandbox.qbo.intuit.com/app/invoice?txnId=145"_s;
    QTest::newRow("QuickBooks customer") << qbo << u"customer"_s << u"58"_s << u"https://quickbooks.api.intuit.com"_s
                                         << QString()
                                         << u"https://app.qbo.intuit.com/app/customerdetail?nameId=58"_s;
    QTest::newRow("Cal.com booking") << cal << u"booking"_s << u"uid-1"_s << u"https://api.cal.com"_s << QString()
                                     << u"https://app.cal.com/booking/uid-1"_s;
    QTest::newRow("Cal.com EU") << cal << u"booking"_s << u"uid-1"_s << u"https://api.cal.eu"_s << QString()
                                << u"https://app.cal.eu/booking/uid-1"_s;
    QTest::newRow("Cal.com self-hosted") << cal << u"booking"_s << u"uid-1"_s << u"https://cal.example.org/api"_s
                                         << QString() << QString();
    QTest::newRow("emulator HubSpot") << hs << u"deal"_s << u"9001"_s << u"http://127.0.0.1:41234"_s
                                      << u"127.0.0.1"_s << u"http://127.0.0.1:41234/crm/v3/objects/deals/9001"_s;
    QTest::newRow("emulator QuickBooks") << qbo << u"invoice"_s << u"145"_s << u"http://localhost:5000/"_s
                                         << u"9130357"_s
                                         << u"http://localhost:5000/v3/company/9130357/invoice/145"_s;
    QTest::newRow("emulator QuickBooks, realm unknown") << qbo << u"invoice"_s << u"145"_s
                                                       << u"http://127.0.0.1:5000"_s << u"127.0.0.1"_s << QString();
    QTest::newRow("emulator Cal.com") << cal << u"booking"_s << u"uid 1"_s << u"http://[::1]:7000/base"_s
                                      << QString() << u"http://[::1]:7000/base/v2/bookings/uid%201"_s;
    QTest::newRow("no id") << cal << u"booking"_s << u" "_s << u"https://api.cal.com"_s << QString() << QString();
}

void TestRecordsData::recordUrl()
{
    QFETCH(System, system);
    QFETCH(QString, kind);
    QFETCH(QString, remoteId);
    QFETCH(QString, baseUrl);
    QFETCH(QString, accountLabel);
    QFETCH(QString, expected);
    Connection c;
    c.system = system;
    c.baseUrl = baseUrl;
    c.accountLabel = accountLabel;
    QCOMPARE(Services::recordUrl(system, kind, remoteId, c).toString(QUrl::FullyEncoded), expected);
}

QTEST_GUILESS_MAIN(TestRecordsData)
#include "tst_recordsdata.moc"
