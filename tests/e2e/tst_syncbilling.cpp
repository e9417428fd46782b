// Billing rules end to end (issue 6): a small business set up from scratch
// in the three emulators (no seed data), the bookkeeper's rules in Concord's
// store, and the engine turning sessions into QuickBooks invoices:
// - a per-session invoice taxed by rule (QuickBooks computes the tax),
// - a deposit carried on the invoice, then the rest paid,
// - a monthly summary invoice: one per client on the 1st, one dated line per
//   session, the discount chosen by rule and computed by QuickBooks,
// and a replay that issues nothing. Small on purpose: it runs in seconds,
// where the tutoring seed's first import takes minutes.

#include "domainprinters.h"

#include "common/clock.h"
#include "domain/appointment.h"
#include "domain/billing.h"
#include "domain/rules.h"
#include "security/secretstore.h"
#include "store/appointmentrepository.h"
#include "store/billingrepository.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/operationsrepository.h"
#include "store/outboxrepository.h"
#include "store/rulesrepository.h"
#include "store/syncstaterepository.h"
#include "sync/connectorset.h"
#include "sync/syncengine.h"

#include "calcom/calcomemulator.h"
#include "hubspot/hsportal.h"
#include "hubspot/hubspotemulator.h"
#include "quickbooks/qboformat.h"
#include "quickbooks/quickbooksemulator.h"
#include "tutoringsandbox.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;

namespace {

QString realm()
{
    return Sandbox::TutoringSandbox::kRealmId.toString();
}

QString refValue(const QJsonObject &o, const QString &key)
{
    return o.value(key).toObject().value(u"value"_s).toString();
}

// QuickBooks amounts are JSON numbers: compare them in cents.
qint64 cents(const QJsonValue &v)
{
    return qRound64(v.toDouble() * 100);
}

} // namespace

class TestSyncBilling : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void perSessionInvoiceIsTaxedByQuickBooks();
    void depositIsCarriedThenTheRestIsPaid();
    void monthlySummaryHasOneDatedLinePerSession();
    void sessionCanceledAfterItsMonthlyInvoiceIsFlagged();
    void recurringSeriesIsHandledOccurrenceByOccurrence();
    void aSecondCycleIssuesNothing();
    void eachInvoiceHasOneCachedPdf();

private:
    Sync::CycleReport syncOnce();
    QString seedBooking(qint64 eventType, const QDateTime &startUtc, const QString &name, const QString &email);
    Appointment appointmentByUid(const QString &uid);
    QList<QJsonObject> invoicesOf(const QString &customerName) const;
    QString dealStage(qint64 appointmentId);
    qint64 serviceId(const QString &name);

    QStringList m_monaUids; // October… (last month's) sessions, on one monthly invoice
    QTemporaryDir m_dir;
    OffsetClock m_clock;
    std::unique_ptr<Sandbox::TutoringSandbox> m_sandbox;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<Security::SecretStore> m_secrets;
    std::unique_ptr<Store::OperationsRepository> m_ops;
    std::unique_ptr<Sync::ConnectorSet> m_connectors;
    std::unique_ptr<Sync::SyncEngine> m_engine;
    qint64 m_hostId = 0;
    qint64 m_math = 0;    // Cal.com event type ids
    qint64 m_reading = 0;
    qint64 m_sat = 0;
    qint64 m_piano = 0; // recurring weekly
    QString m_taxCodeId;
};

void TestSyncBilling::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_sandbox = std::make_unique<Sandbox::TutoringSandbox>();
    Sandbox::TutoringSandbox::Options options;
    options.seed = Sandbox::TutoringSandbox::Seed::Empty;
    options.clock = &m_clock;
    auto started = m_sandbox->start(options);
    QVERIFY2(started.has_value(), started ? "" : qPrintable(started.error().toString()));

    // The business: three services, priced in QuickBooks, bookable in Cal.com.
    auto &qbo = m_sandbox->quickbooks();
    const QList<std::pair<QString, qint64>> items{
        {u"Math Tutoring"_s, 6500}, {u"Reading Club"_s, 4000}, {u"SAT Prep"_s, 9000}, {u"Weekly Piano"_s, 5000}};
    for (const auto &[name, price] : items) {
        auto item = qbo.seed(realm(), u"Item"_s,
                             QJsonObject{{u"Name"_s, name},
                                         {u"Type"_s, u"Service"_s},
                                         {u"UnitPrice"_s, Sandbox::QboFormat::amount(price)},
                                         {u"IncomeAccountRef"_s, QJsonObject{{u"value"_s, u"1"_s}}}});
        QVERIFY2(item.has_value(), qPrintable(name));
    }
    const QJsonObject rate = qbo.seedTaxRate(realm(), u"NYC 8.875"_s, u"8.875"_s);
    QVERIFY(!rate.isEmpty());
    const QJsonObject code = qbo.seedTaxCode(realm(), u"New York City"_s, {rate.value(u"Id"_s).toString()});
    QVERIFY(!code.isEmpty());
    m_taxCodeId = code.value(u"Id"_s).toString();

    auto &cal = m_sandbox->calcom();
    const auto users = cal.state().users();
    QCOMPARE(users.size(), 1);
    m_hostId = users.first().id;
    auto eventType = [&](const QString &title, const QString &slug) {
        Sandbox::CalEventType type;
        type.title = title;
        type.slug = slug;
        type.lengthInMinutes = 60;
        type.ownerId = m_hostId;
        return cal.addEventType(type);
    };
    m_math = eventType(u"Math Tutoring"_s, u"math"_s);
    m_reading = eventType(u"Reading Club"_s, u"reading"_s);
    m_sat = eventType(u"SAT Prep"_s, u"sat"_s);
    {
        Sandbox::CalEventType weekly;
        weekly.title = u"Weekly Piano"_s;
        weekly.slug = u"piano"_s;
        weekly.lengthInMinutes = 60;
        weekly.ownerId = m_hostId;
        weekly.recurrenceOccurrences = 4; // a recurring weekly series of four
        m_piano = cal.addEventType(weekly);
    }

    const Config config = m_sandbox->config(u"sqlite://"_s + m_dir.filePath(u"store.sqlite"_s));
    auto db = Store::Database::open(config.storeUrl);
    QVERIFY(db.has_value());
    m_db = std::move(*db);
    QVERIFY(Store::migrate(*m_db).has_value());
    m_secrets = m_sandbox->secrets();
    m_ops = std::make_unique<Store::OperationsRepository>(*m_db, m_clock);
    auto connectors = Sync::ConnectorSet::create(config, *m_secrets, *m_ops, m_clock);
    QVERIFY2(connectors.has_value(), connectors ? "" : qPrintable(connectors.error().toString()));
    m_connectors = std::move(*connectors);
    Sync::EngineSettings settings = Sync::EngineSettings::fromConfig(config);
    // The optional local copy of each invoice's PDF, kept 30 days.
    settings.pdfCache = Sync::PdfCache::Options{m_dir.filePath(u"invoices"_s), 30};
    m_engine = std::make_unique<Sync::SyncEngine>(*m_db, *m_connectors, settings, m_clock);

    // A first cycle learns the catalog; then the bookkeeper sets the rules.
    const Sync::CycleReport first = syncOnce();
    QVERIFY2(first.problems.isEmpty(), qPrintable(first.problems.join(u"\n"_s)));
    Store::RulesRepository rules(*m_db, m_clock);
    const QString bookkeeper = u"bookkeeper@tutoring.example"_s;
    InvoicePolicy byDefault;
    byDefault.updatedBy = bookkeeper;
    byDefault.paymentTermDays = 7;
    QVERIFY_OK(rules.saveInvoicePolicy(byDefault));
    InvoicePolicy monthly;
    monthly.updatedBy = bookkeeper;
    monthly.serviceId = serviceId(u"Reading Club"_s);
    monthly.mode = InvoiceMode::MonthlySummary;
    monthly.grouping = MonthlyGrouping::PerClient;
    monthly.paymentTermDays = 14;
    QVERIFY_OK(rules.saveInvoicePolicy(monthly));
    InvoicePolicy deposit;
    deposit.updatedBy = bookkeeper;
    deposit.serviceId = serviceId(u"SAT Prep"_s);
    deposit.depositBasisPoints = 5000;
    QVERIFY_OK(rules.saveInvoicePolicy(deposit));
    TaxRule tax;
    tax.updatedBy = bookkeeper;
    tax.serviceId = serviceId(u"Math Tutoring"_s);
    tax.taxCode = m_taxCodeId;
    QVERIFY_OK(rules.saveTaxRule(tax));
    DiscountRule club;
    club.updatedBy = bookkeeper;
    club.serviceId = serviceId(u"Reading Club"_s);
    club.percentBasisPoints = 1000;
    club.description = u"Club members 10% off"_s;
    QVERIFY_OK(rules.saveDiscountRule(club));
    // This office tells "deposit paid" apart in HubSpot (the default puts it
    // with everything awaiting payment): the mapping is data, edited here.
    auto mappings = rules.statusMappings();
    QVERIFY_OK(mappings);
    int edited = 0;
    for (StatusMapping m : std::as_const(*mappings)) {
        if (m.domain == StatusDomain::Money && m.status == u"deposit_paid"_s && m.action == StatusAction::DealStage) {
            m.targetValue = u"decisionmakerboughtin"_s;
            m.updatedBy = bookkeeper;
            QVERIFY_OK(rules.saveStatusMapping(m));
            ++edited;
        }
    }
    QCOMPARE(edited, 1);
}

void TestSyncBilling::cleanupTestCase()
{
    m_engine.reset();
    m_connectors.reset();
    m_ops.reset();
    m_db.reset();
    m_sandbox.reset();
}

Sync::CycleReport TestSyncBilling::syncOnce()
{
    QSignalSpy done(m_engine.get(), &Sync::SyncEngine::onceFinished);
    m_engine->runOnce();
    if (!done.wait(120'000)) {
        qWarning("sync --once did not finish within 2 minutes");
        return {};
    }
    return done.first().first().value<Sync::CycleReport>();
}

qint64 TestSyncBilling::serviceId(const QString &name)
{
    Store::AppointmentRepository appointments(*m_db, m_clock);
    auto all = appointments.allServices();
    if (!all)
        return 0;
    for (const Service &s : std::as_const(*all))
        if (s.name == name)
            return s.id;
    return 0;
}

// A session that already took place, as Cal.com holds it: booked a week
// before it, last changed now (so the next poll sees it).
QString TestSyncBilling::seedBooking(qint64 eventType, const QDateTime &startUtc, const QString &name,
                                     const QString &email)
{
    Sandbox::CalBooking b;
    b.eventTypeId = eventType;
    b.hostUserId = m_hostId;
    b.startMs = startUtc.toMSecsSinceEpoch();
    b.endMs = startUtc.addSecs(3600).toMSecsSinceEpoch();
    b.createdMs = startUtc.addDays(-7).toMSecsSinceEpoch();
    b.updatedMs = m_clock.nowUtc().toMSecsSinceEpoch();
    Sandbox::CalAttendee a;
    a.name = name;
    a.email = email;
    a.timeZone = u"America/New_York"_s;
    b.attendees = {a};
    auto seeded = m_sandbox->calcom().seedBooking(b);
    if (!seeded) {
        qWarning() << "Cal.com refused the booking:" << seeded.error().message;
        return {};
    }
    return seeded->value(u"uid"_s).toString();
}

Appointment TestSyncBilling::appointmentByUid(const QString &uid)
{
    Store::AppointmentRepository appointments(*m_db, m_clock);
    auto a = appointments.findByCalcomUid(uid);
    return a ? *a : Appointment{};
}

QList<QJsonObject> TestSyncBilling::invoicesOf(const QString &customerName) const
{
    QString customerId;
    for (const QJsonObject &c : m_sandbox->quickbooks().entities(realm(), u"Customer"_s))
        if (c.value(u"DisplayName"_s).toString() == customerName)
            customerId = c.value(u"Id"_s).toString();
    QList<QJsonObject> out;
    if (customerId.isEmpty())
        return out;
    for (const QJsonObject &inv : m_sandbox->quickbooks().entities(realm(), u"Invoice"_s))
        if (refValue(inv, u"CustomerRef"_s) == customerId)
            out << inv;
    return out;
}

QString TestSyncBilling::dealStage(qint64 appointmentId)
{
    Store::SyncStateRepository state(*m_db, m_clock);
    auto ref = state.ref(u"appointment"_s, QString::number(appointmentId), System::HubSpot, u"deal"_s);
    if (!ref || !ref->has_value())
        return {};
    const auto *deal = m_sandbox->hubspot().portal().find(u"deals"_s, (*ref)->remoteId.toLongLong());
    return deal ? deal->props.value(u"dealstage"_s) : QString();
}

// ---------------------------------------------------------------------------

void TestSyncBilling::perSessionInvoiceIsTaxedByQuickBooks()
{
    const QDateTime start(m_clock.nowUtc().date().addDays(-1), QTime(15, 0), Qt::UTC);
    const QString uid = seedBooking(m_math, start, u"Tom Baker"_s, u"tom.baker@example.com"_s);
    QVERIFY(!uid.isEmpty());
    const Sync::CycleReport r = syncOnce();
    QVERIFY2(r.failedJobs.isEmpty() && r.problems.isEmpty(), qPrintable(r.problems.join(u"\n"_s)));

    const QList<QJsonObject> invoices = invoicesOf(u"Tom Baker"_s);
    QCOMPARE(invoices.size(), 1);
    const QJsonObject inv = invoices.first();
    // The line is taxable, the invoice carries the rule's code, and the
    // amounts are QuickBooks' own: 8.875 % of 65.00 = 5.77.
    const QJsonArray lines = inv.value(u"Line"_s).toArray();
    QJsonObject item;
    for (const QJsonValue &l : lines)
        if (l.toObject().value(u"DetailType"_s).toString() == u"SalesItemLineDetail"_s)
            item = l.toObject();
    const QJsonObject detail = item.value(u"SalesItemLineDetail"_s).toObject();
    QCOMPARE(refValue(detail, u"TaxCodeRef"_s), u"TAX"_s);
    QCOMPARE(detail.value(u"ServiceDate"_s).toString(), start.date().toString(Qt::ISODate));
    QCOMPARE(cents(item.value(u"Amount"_s)), 6500);
    const QJsonObject taxDetail = inv.value(u"TxnTaxDetail"_s).toObject();
    QCOMPARE(refValue(taxDetail, u"TxnTaxCodeRef"_s), m_taxCodeId);
    QCOMPARE(cents(taxDetail.value(u"TotalTax"_s)), 577);
    QCOMPARE(cents(inv.value(u"TotalAmt"_s)), 7077);

    // Concord mirrors QuickBooks' numbers; it computed none of them.
    Store::BillingRepository billing(*m_db, m_clock);
    const Appointment a = appointmentByUid(uid);
    QVERIFY(a.id > 0);
    auto mine = billing.invoiceForAppointment(a.id);
    QVERIFY2(mine.has_value(), mine ? "" : qPrintable(mine.error().toString()));
    QCOMPARE(mine->quickbooksId, inv.value(u"Id"_s).toString());
    QCOMPARE(mine->tax.minorUnits(), 577);
    QCOMPARE(mine->total.minorUnits(), 7077);
    QCOMPARE(mine->balance.minorUnits(), 7077);
    QCOMPARE_NAMES(mine->status, MoneyStatus::Invoiced);
    QCOMPARE(mine->lines.size(), 1);
    QCOMPARE(mine->lines.first().appointmentId, a.id);
}

void TestSyncBilling::depositIsCarriedThenTheRestIsPaid()
{
    const QDateTime start(m_clock.nowUtc().date().addDays(-1), QTime(17, 0), Qt::UTC);
    const QString uid = seedBooking(m_sat, start, u"Dana Scully"_s, u"dana.scully@example.com"_s);
    QVERIFY(!uid.isEmpty());
    Sync::CycleReport r = syncOnce();
    QVERIFY2(r.failedJobs.isEmpty() && r.problems.isEmpty(), qPrintable(r.problems.join(u"\n"_s)));

    QList<QJsonObject> invoices = invoicesOf(u"Dana Scully"_s);
    QCOMPARE(invoices.size(), 1);
    QJsonObject inv = invoices.first();
    QCOMPARE(cents(inv.value(u"TotalAmt"_s)), 9000);
    QCOMPARE(cents(inv.value(u"Deposit"_s)), 4500);
    QCOMPARE(cents(inv.value(u"Balance"_s)), 4500);
    QCOMPARE(cents(inv.value(u"TxnTaxDetail"_s).toObject().value(u"TotalTax"_s)), 0); // no tax rule for SAT prep

    Store::BillingRepository billing(*m_db, m_clock);
    const Appointment a = appointmentByUid(uid);
    auto mine = billing.invoiceForAppointment(a.id);
    QVERIFY(mine.has_value());
    QCOMPARE(mine->deposit.minorUnits(), 4500);
    QCOMPARE(mine->balance.minorUnits(), 4500);
    QCOMPARE_NAMES(mine->status, MoneyStatus::DepositPaid);
    // As this office mapped it: deposit paid → "Decision maker bought in".
    QCOMPARE(dealStage(a.id), u"decisionmakerboughtin"_s);

    // The rest is paid in QuickBooks: paid everywhere.
    QVERIFY(m_sandbox->quickbooks()
                .recordPayment(realm(), refValue(inv, u"CustomerRef"_s), 4500, {{inv.value(u"Id"_s).toString(), 4500}})
                .has_value());
    r = syncOnce();
    QVERIFY2(r.failedJobs.isEmpty() && r.problems.isEmpty(), qPrintable(r.problems.join(u"\n"_s)));
    inv = m_sandbox->quickbooks().entity(realm(), u"Invoice"_s, inv.value(u"Id"_s).toString());
    QCOMPARE(cents(inv.value(u"Balance"_s)), 0);
    mine = billing.invoiceForAppointment(a.id);
    QVERIFY(mine.has_value());
    QCOMPARE(mine->balance.minorUnits(), 0);
    QCOMPARE(mine->deposit.minorUnits(), 4500);
    QCOMPARE_NAMES(mine->status, MoneyStatus::Paid);
    QCOMPARE(dealStage(a.id), u"closedwon"_s);
    QCOMPARE(invoicesOf(u"Dana Scully"_s).size(), 1);
}

void TestSyncBilling::monthlySummaryHasOneDatedLinePerSession()
{
    const QDate today = m_clock.nowUtc().date();
    const QDate lastMonth = QDate(today.year(), today.month(), 1).addMonths(-1);
    const QList<QDate> days{lastMonth.addDays(18), lastMonth.addDays(4), lastMonth.addDays(11)};
    QStringList uids;
    for (const QDate &d : days)
        uids << seedBooking(m_reading, QDateTime(d, QTime(16, 0), Qt::UTC), u"Mona Lisa"_s, u"mona@example.com"_s);
    // A session of this month waits for its own month to end.
    // (Noon UTC: the 1st in New York too, where the session's date is read.)
    QDateTime thisMonthStart(QDate(today.year(), today.month(), 1), QTime(12, 0), Qt::UTC);
    if (thisMonthStart.addSecs(3600) > m_clock.nowUtc())
        thisMonthStart = m_clock.nowUtc().addSecs(3600); // the morning of the 1st: a later one, not held yet
    const QString thisMonth = seedBooking(m_reading, thisMonthStart, u"Mona Lisa"_s, u"mona@example.com"_s);
    QVERIFY(!uids.contains(QString()) && !thisMonth.isEmpty());
    const Sync::CycleReport r = syncOnce();
    QVERIFY2(r.failedJobs.isEmpty() && r.problems.isEmpty(), qPrintable(r.problems.join(u"\n"_s)));

    const QList<QJsonObject> invoices = invoicesOf(u"Mona Lisa"_s);
    QCOMPARE(invoices.size(), 1);
    const QJsonObject inv = invoices.first();
    const QDate monthEnd = lastMonth.addMonths(1).addDays(-1);
    QCOMPARE(inv.value(u"TxnDate"_s).toString(), monthEnd.toString(Qt::ISODate));
    QCOMPARE(inv.value(u"DueDate"_s).toString(), monthEnd.addDays(14).toString(Qt::ISODate));

    // One dated line per session, in date order, then QuickBooks' subtotal
    // and the rule's discount, computed by QuickBooks (10 % of 120.00).
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    QStringList got;
    for (const QJsonValue &v : inv.value(u"Line"_s).toArray()) {
        const QJsonObject l = v.toObject();
        const QString type = l.value(u"DetailType"_s).toString();
        if (type == u"SalesItemLineDetail"_s) {
            const QJsonObject d = l.value(u"SalesItemLineDetail"_s).toObject();
            got << u"%1 %2 %3"_s.arg(d.value(u"ServiceDate"_s).toString(), l.value(u"Description"_s).toString())
                       .arg(cents(l.value(u"Amount"_s)));
        } else if (type == u"DiscountLineDetail"_s) {
            const QJsonObject d = l.value(u"DiscountLineDetail"_s).toObject();
            got << u"discount %1% %2 (%3)"_s.arg(d.value(u"DiscountPercent"_s).toDouble())
                       .arg(cents(l.value(u"Amount"_s)))
                       .arg(l.value(u"Description"_s).toString());
        } else {
            got << type + u' ' + QString::number(cents(l.value(u"Amount"_s)));
        }
    }
    QStringList expected;
    for (const QDate &d : {days.at(1), days.at(2), days.at(0)})
        expected << u"%1 Reading Club – %2 4000"_s.arg(d.toString(Qt::ISODate), english.toString(d, u"MMMM d, yyyy"_s));
    expected << u"SubTotalLineDetail 12000"_s << u"discount 10% 1200 (Club members 10% off)"_s;
    QVERIFY2(got == expected, qPrintable(got.join(u" | "_s)));
    QCOMPARE(cents(inv.value(u"TotalAmt"_s)), 10800);

    // Concord: the three lines tied to their sessions; this month's session
    // has no invoice yet; the discount is QuickBooks' figure.
    Store::BillingRepository billing(*m_db, m_clock);
    QSet<qint64> tied;
    for (const QString &uid : std::as_const(uids)) {
        const Appointment a = appointmentByUid(uid);
        auto mine = billing.invoiceForAppointment(a.id);
        QVERIFY2(mine.has_value(), qPrintable(uid));
        QCOMPARE(mine->quickbooksId, inv.value(u"Id"_s).toString());
        QCOMPARE(mine->discount.minorUnits(), 1200);
        QCOMPARE(mine->total.minorUnits(), 10800);
        tied.insert(a.id);
    }
    QCOMPARE(tied.size(), 3);
    m_monaUids = uids;
    auto none = billing.invoiceForAppointment(appointmentByUid(thisMonth).id);
    QVERIFY(!none.has_value());
    QCOMPARE(errorCodeName(none.error().code), errorCodeName(ErrorCode::NotFound));
}

void TestSyncBilling::sessionCanceledAfterItsMonthlyInvoiceIsFlagged()
{
    // The month's invoice holds the session with two others; its money is
    // the month's. Concord neither voids the invoice nor credits it whole:
    // the bookkeeper is told which line, on which invoice.
    QVERIFY(!m_monaUids.isEmpty());
    const Appointment a = appointmentByUid(m_monaUids.first());
    Store::BillingRepository billing(*m_db, m_clock);
    auto before = billing.invoiceForAppointment(a.id);
    QVERIFY_OK(before);
    const QJsonObject remoteBefore = m_sandbox->quickbooks().entity(realm(), u"Invoice"_s, before->quickbooksId);
    QVERIFY(m_sandbox->calcom().clientCancels(m_monaUids.first(), u"tutor was ill"_s).has_value());
    const Sync::CycleReport r = syncOnce();
    QVERIFY2(r.failedJobs.isEmpty() && r.problems.isEmpty(), qPrintable(r.problems.join(u"\n"_s)));

    QCOMPARE_NAMES(appointmentByUid(m_monaUids.first()).status, AppointmentStatus::Canceled);
    QCOMPARE(m_sandbox->quickbooks().entity(realm(), u"Invoice"_s, before->quickbooksId), remoteBefore);
    QVERIFY(m_sandbox->quickbooks().entities(realm(), u"CreditMemo"_s).isEmpty());
    QVERIFY(m_sandbox->quickbooks().entities(realm(), u"RefundReceipt"_s).isEmpty());
    Store::SyncStateRepository state(*m_db, m_clock);
    auto flags = state.openFlags();
    QVERIFY_OK(flags);
    QStringList got;
    for (const SyncFlag &f : std::as_const(*flags))
        if (f.kind == u"canceled_on_issued_invoice"_s)
            got << f.subject + u": "_s + f.message;
    QCOMPARE(got.size(), 1);
    QVERIFY2(got.first().startsWith(u"appointment/%1: "_s.arg(a.id)), qPrintable(got.first()));
    QVERIFY2(got.first().contains(u"40.00 of 108.00"_s), qPrintable(got.first()));
}

void TestSyncBilling::recurringSeriesIsHandledOccurrenceByOccurrence()
{
    // A weekly series booked once in Cal.com: four bookings sharing a series
    // uid. Each is its own appointment with its own deal; changing one
    // occurrence changes only that one.
    Sandbox::CalAttendee a;
    a.name = u"Pia Nova"_s;
    a.email = u"pia.nova@example.com"_s;
    a.timeZone = u"America/New_York"_s;
    const QDateTime first(m_clock.nowUtc().date().addDays(2), QTime(19, 0), Qt::UTC);
    auto series = m_sandbox->calcom().clientBooksSeries(m_piano, first, 4, a);
    QVERIFY(series.has_value());
    QCOMPARE(series->size(), 4);
    QStringList uids;
    for (const QJsonValue &b : std::as_const(*series))
        uids << b.toObject().value(u"uid"_s).toString();
    Sync::CycleReport r = syncOnce();
    QVERIFY2(r.failedJobs.isEmpty() && r.problems.isEmpty(), qPrintable(r.problems.join(u"\n"_s)));

    auto describe = [&] {
        QStringList out;
        for (const QString &uid : std::as_const(uids)) {
            const Appointment appt = appointmentByUid(uid);
            out << u"%1 %2 %3"_s.arg(appt.start.utc().toString(Qt::ISODate), toString(appt.status), dealStage(appt.id));
        }
        return out;
    };
    QList<qint64> ids;
    QSet<QString> customers;
    for (const QString &uid : std::as_const(uids)) {
        const Appointment appt = appointmentByUid(uid);
        QVERIFY2(appt.id > 0, qPrintable(uid));
        ids << appt.id;
        customers.insert(appt.customerId);
    }
    QCOMPARE(customers.size(), 1); // one client, found once
    QStringList expected;
    for (int i = 0; i < 4; ++i) {
        // Weekly in New York: the UTC hour may move with daylight saving time.
        const Appointment appt = appointmentByUid(uids.at(i));
        QCOMPARE(appt.start.local().time(), first.toTimeZone(QTimeZone("America/New_York")).time());
        expected << u"%1 booked appointmentscheduled"_s.arg(appt.start.utc().toString(Qt::ISODate));
    }
    QCOMPARE(describe(), expected);

    // The second occurrence is canceled, the third moved a day later.
    QVERIFY(m_sandbox->calcom().clientCancels(uids.at(1), u"away that week"_s).has_value());
    const Appointment third = appointmentByUid(uids.at(2));
    const QDateTime moved = third.start.utc().addDays(1);
    auto rescheduled = m_sandbox->calcom().clientReschedules(uids.at(2), moved, u"swap"_s);
    QVERIFY(rescheduled.has_value());
    const QString movedUid = rescheduled->value(u"uid"_s).toString();
    r = syncOnce();
    QVERIFY2(r.failedJobs.isEmpty() && r.problems.isEmpty(), qPrintable(r.problems.join(u"\n"_s)));

    uids[2] = movedUid;
    expected[1] = expected.at(1).section(u' ', 0, 0) + u" canceled closedlost"_s;
    expected[2] = moved.toString(Qt::ISODate) + u" rescheduled appointmentscheduled"_s;
    QCOMPARE(describe(), expected);
    // The moved occurrence kept its appointment (and so its deal).
    QCOMPARE(appointmentByUid(movedUid).id, ids.at(2));
    int deals = 0;
    for (const auto *d : m_sandbox->hubspot().portal().all(u"deals"_s))
        if (d->props.value(u"dealname"_s).contains(u"Pia Nova"_s))
            ++deals;
    QCOMPARE(deals, 4);
}

void TestSyncBilling::aSecondCycleIssuesNothing()
{
    const qsizetype invoices = m_sandbox->quickbooks().entities(realm(), u"Invoice"_s).size();
    QCOMPARE(invoices, 3);
    m_sandbox->quickbooks().clearLog();
    const Sync::CycleReport r = syncOnce();
    QVERIFY2(r.failedJobs.isEmpty() && r.problems.isEmpty(), qPrintable(r.problems.join(u"\n"_s)));
    QCOMPARE(m_sandbox->quickbooks().entities(realm(), u"Invoice"_s).size(), invoices);
    for (const auto &e : m_sandbox->quickbooks().requestLog())
        QVERIFY2(e.method == u"GET"_s || e.path.contains(u"/query"_s) || e.path.contains(u"/cdc"_s),
                 qPrintable(e.method + u' ' + e.path));
    Store::OutboxRepository outbox(*m_db, m_clock);
    auto counts = outbox.counts();
    QVERIFY(counts.has_value());
    QCOMPARE(counts->pending + counts->inFlight + counts->failed, 0);
}

void TestSyncBilling::eachInvoiceHasOneCachedPdf()
{
    // One file per invoice, named by its content; Dana's invoice changed
    // when it was paid, and only its paid version is kept.
    QDir dir(m_dir.filePath(u"invoices"_s));
    QStringList files;
    QDirIterator it(dir.path(), {u"*.pdf"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << dir.relativeFilePath(it.next());
    files.sort();
    Store::BillingRepository billing(*m_db, m_clock);
    Store::OperationsRepository ops(*m_db, m_clock);
    QStringList expected;
    int invoices = 0;
    for (const QJsonObject &remote : m_sandbox->quickbooks().entities(realm(), u"Invoice"_s)) {
        auto mine = billing.invoiceByQuickBooksId(remote.value(u"Id"_s).toString());
        QVERIFY_OK(mine);
        auto copies = ops.attachmentsForInvoice(mine->id);
        QVERIFY_OK(copies);
        QCOMPARE(copies->size(), 1);
        const Attachment &a = copies->first();
        QFile f(a.storagePath);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(a.storagePath));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()), a.sha256Hex);
        QCOMPARE(a.expiresAt, a.fetchedAt.addDays(30));
        expected << a.sha256Hex.left(2) + u'/' + a.sha256Hex + u".pdf"_s;
        ++invoices;
    }
    expected.sort();
    QCOMPARE(invoices, 3);
    QCOMPARE(files, expected);
}

QTEST_GUILESS_MAIN(TestSyncBilling)
#include "tst_syncbilling.moc"
