// The change applier honours the field mappings on a real SQLite store: the
// deal it asks the job runner to write carries the enabled HubSpot rows under
// their properties (a switched-off row is left out, a renamed property is
// used), and a customer's email is carried from its system of record while
// a copy's value only feeds matching (defaults and swapped authority).

#include "../store/storetestsupport.h"
#include "connectors/calcom/booking.h"
#include "connectors/hubspot/contact.h"
#include "domainprinters.h"
#include "store/appointmentrepository.h"
#include "store/billingrepository.h"
#include "store/customerrepository.h"
#include "store/outboxrepository.h"
#include "store/rulesrepository.h"
#include "sync/changeapplier.h"
#include "sync/defaultmappings.h"
#include "sync/jobs.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Sync;
using Concord::Domain::FieldMapping;
using Concord::Domain::System;

namespace {

const QString kLink = u"https://app.qbo.example/app/customerinvoice?txnId=130"_s;

Domain::Money usd(qint64 minor)
{
    return *Domain::Money::fromMinor(minor, u"USD"_s);
}

// The whole desired deal, one line per part, properties sorted.
QStringList dump(const DesiredDeal &d)
{
    QStringList out{u"name: "_s + d.dealName, u"stage: "_s + d.stage, u"amount: "_s + d.amount,
                    u"close: "_s + d.closeDate, u"description: "_s + d.description};
    for (auto it = d.properties.cbegin(); it != d.properties.cend(); ++it)
        out << u"%1 = %2"_s.arg(it.key(), it.value());
    for (const QString &why : d.notCarried)
        out << u"not carried: "_s + why;
    return out;
}

} // namespace

class TestChangeApplier : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    ManualClock m_clock{QDateTime(QDate(2026, 3, 20), QTime(12, 0), Qt::UTC)};
    std::unique_ptr<Store::Database> m_db;

    // Changes the stored row of `field` (as the mapping editor would).
    void editRow(const QString &field, const std::function<void(FieldMapping &)> &edit)
    {
        Store::RulesRepository rules(*m_db, m_clock);
        auto rows = rules.fieldMappings();
        QVERIFY(rows.has_value());
        for (FieldMapping m : std::as_const(*rows)) {
            if (m.field != field)
                continue;
            edit(m);
            auto saved = rules.saveFieldMapping(m);
            QVERIFY2(saved.has_value(), StoreTest::outcome(saved).constData());
            return;
        }
        QFAIL("no such row");
    }

    // A completed session of Hana's, invoiced in QuickBooks (number 1042).
    qint64 invoicedSession()
    {
        Store::CustomerRepository customers(*m_db, m_clock);
        Domain::Customer c;
        c.displayName = u"Hana Ito"_s;
        auto created = customers.create(c);
        if (!created)
            return 0;
        Store::AppointmentRepository appointments(*m_db, m_clock);
        Domain::Appointment a;
        a.customerId = created->id;
        a.calcomUid = u"bk-1"_s;
        a.start = *Domain::ZonedInstant::fromUtc(QDateTime(QDate(2026, 3, 18), QTime(15, 0), Qt::UTC),
                                                 u"America/New_York"_s);
        a.status = Domain::AppointmentStatus::Completed;
        a.title = u"Math tutoring"_s;
        auto id = appointments.insert(a);
        if (!id)
            return 0;
        Domain::Invoice inv;
        inv.customerId = created->id;
        inv.quickbooksId = u"130"_s;
        inv.docNumber = u"1042"_s;
        inv.txnDate = QDate(2026, 3, 18);
        inv.dueDate = QDate(2026, 4, 1);
        inv.total = usd(7020);
        inv.balance = usd(7020);
        inv.tax = usd(520);
        inv.discount = usd(0);
        inv.deposit = usd(0);
        inv.status = Domain::MoneyStatus::Invoiced;
        inv.syncToken = u"0"_s;
        inv.invoiceLink = kLink;
        Domain::InvoiceLine line;
        line.lineNumber = 1;
        line.appointmentId = *id;
        line.itemId = u"7"_s;
        line.rate = usd(6500);
        line.amount = usd(6500);
        line.serviceDate = QDate(2026, 3, 18);
        inv.lines = {line};
        Store::BillingRepository billing(*m_db, m_clock);
        if (!billing.saveInvoice(inv))
            return 0;
        return *id;
    }

    QList<QJsonObject> queued(QStringView operation)
    {
        Store::OutboxRepository outbox(*m_db, m_clock);
        auto jobs = outbox.list({});
        QList<QJsonObject> out;
        if (!jobs)
            return out;
        for (const Domain::OutboxJob &j : std::as_const(*jobs)) {
            if (j.operation == operation)
                out << Jobs::payloadOf(j);
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        StoreTest::quietStoreLog();
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        auto db = StoreTest::openMigrated(m_dir, u"store-%1.sqlite"_s.arg(++m_n));
        QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().toString()));
        m_db = std::move(*db);
        auto installed = installDefaultMappings(*m_db, u"setup"_s, m_clock);
        QVERIFY(installed.has_value());
    }

    void cleanup() { m_db.reset(); }

    void dealCarriesTheEnabledRows_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QStringList>("deal");

        const QStringList head{u"name: Hana Ito – Math tutoring – Mar 18, 2026 [A-1]"_s, u"stage: contractsent"_s,
                               u"amount: "_s, u"close: 2026-03-18T15:00:00.000Z"_s};
        const QString description = u"description: QuickBooks invoice 1042 (invoiced): "_s + kLink;
        const QStringList start{u"concord_appointment_start = 2026-03-18T15:00:00.000Z"_s,
                                u"concord_appointment_timezone = America/New_York"_s};
        const QStringList money{u"concord_invoice_deposit = 0.00"_s, u"concord_invoice_discount = 0.00"_s,
                                u"concord_invoice_due_date = 2026-04-01"_s, u"concord_invoice_link = "_s + kLink,
                                u"concord_invoice_number = 1042"_s, u"concord_invoice_tax = 5.20"_s};
        const QString status = u"concord_payment_status = invoiced"_s;

        QTest::newRow("defaults") << QString()
                                  << head + QStringList{description} + start + money + QStringList{status};
        QStringList noTax = money;
        noTax.removeAll(u"concord_invoice_tax = 5.20"_s);
        QTest::newRow("tax switched off") << u"tax off"_s
                                          << head + QStringList{description} + start + noTax + QStringList{status};
        // The property the row names; sorted among the others.
        QStringList renamed = money;
        renamed.removeAll(u"concord_invoice_number = 1042"_s);
        QTest::newRow("invoice number renamed")
            << u"invoice_number → deal.my_invoice_no"_s
            << head + QStringList{description} + start + renamed + QStringList{status, u"my_invoice_no = 1042"_s};
        // Switched off, the link leaves the description too.
        QStringList noLink = money;
        noLink.removeAll(u"concord_invoice_link = "_s + kLink);
        QTest::newRow("invoice link switched off")
            << u"invoice_link off"_s
            << head + QStringList{u"description: QuickBooks invoice 1042 (invoiced)"_s} + start + noLink
                   + QStringList{status};
        QTest::newRow("path names no deal property")
            << u"invoice_number → contact.concord_invoice_number"_s
            << head + QStringList{description} + start + renamed
                   + QStringList{status, u"not carried: invoice_number: its HubSpot target path "
                                         u"'contact.concord_invoice_number' names no deal property (deal.<name>)"_s};
        QTest::newRow("transform of the row")
            << u"timezone lowercase"_s
            << head + QStringList{description, u"concord_appointment_start = 2026-03-18T15:00:00.000Z"_s,
                                  u"concord_appointment_timezone = america/new_york"_s}
                   + money + QStringList{status};
    }

    void dealCarriesTheEnabledRows()
    {
        QFETCH(QString, change);
        QFETCH(QStringList, deal);
        const qint64 appointment = invoicedSession();
        QVERIFY(appointment != 0);
        if (change.endsWith(u" off"_s)) {
            editRow(change.section(u' ', 0, 0), [](FieldMapping &m) { m.enabled = false; });
        } else if (change.startsWith(u"invoice_number → "_s)) {
            editRow(u"invoice_number"_s, [&](FieldMapping &m) { m.targetPath = change.section(u" → "_s, 1); });
        } else if (change == u"timezone lowercase"_s) {
            editRow(u"timezone"_s, [](FieldMapping &m) { m.transform = u"lowercase"_s; });
        }
        ChangeApplier applier(*m_db, m_clock, {});
        QVERIFY(applier.reloadMappings().has_value());
        auto desired = applier.desiredDeal(appointment);
        QVERIFY2(desired.has_value(), StoreTest::outcome(desired).constData());
        QCOMPARE(dump(*desired), deal);
    }

    void editsCountAfterAReload()
    {
        const qint64 appointment = invoicedSession();
        ChangeApplier applier(*m_db, m_clock, {});
        QVERIFY(applier.desiredDeal(appointment)->properties.contains(u"concord_invoice_tax"_s));
        editRow(u"tax"_s, [](FieldMapping &m) { m.enabled = false; });
        // Read once per cycle: the running cycle keeps what it read.
        QVERIFY(applier.desiredDeal(appointment)->properties.contains(u"concord_invoice_tax"_s));
        QVERIFY(applier.reloadMappings().has_value());
        QVERIFY(!applier.desiredDeal(appointment)->properties.contains(u"concord_invoice_tax"_s));
    }

    void emailIsCarriedFromItsSystemOfRecord_data()
    {
        QTest::addColumn<bool>("swapped"); // Cal.com instead of HubSpot owns email
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<QStringList>("bookingNotes");
        QTest::addColumn<QStringList>("contactNotes"); // a new email in HubSpot later

        const QJsonObject base{{u"displayName"_s, u"Hana Ito"_s}, {u"givenName"_s, u"Hana"_s},
                               {u"familyName"_s, u"Ito"_s}, {u"phone"_s, u"+1 312 555 0100"_s}};
        QJsonObject hubspots = base;
        hubspots[u"email"_s] = u"hana@example.com"_s;
        QJsonObject calcoms = base;
        calcoms[u"email"_s] = u"hana.ito@school.example"_s;
        QTest::newRow("defaults: HubSpot owns email")
            << false << hubspots
            << QStringList{u"email 'hana.ito@school.example' from Cal.com kept for matching only: HubSpot is its "
                           u"system of record"_s}
            << QStringList{};
        QTest::newRow("swapped: Cal.com owns email")
            << true << calcoms << QStringList{}
            << QStringList{u"email 'hana.new@example.com' from HubSpot kept for matching only: Cal.com is its system "
                           u"of record"_s};
    }

    void emailIsCarriedFromItsSystemOfRecord()
    {
        QFETCH(bool, swapped);
        QFETCH(QJsonObject, payload);
        QFETCH(QStringList, bookingNotes);
        QFETCH(QStringList, contactNotes);
        if (swapped) {
            editRow(u"email"_s, [](FieldMapping &m) {
                m.sourceSystem = System::CalCom;
                m.sourcePath = u"booking.attendees[0].email"_s;
                m.authoritativeSystem = System::CalCom;
            });
        }
        ChangeApplier applier(*m_db, m_clock, {});
        QVERIFY(applier.reloadMappings().has_value());

        // Hana is known in HubSpot first; then books in Cal.com with her
        // school address (found by phone), and QuickBooks gets her record.
        HubSpot::Contact contact;
        contact.id = u"501"_s;
        contact.email = u"hana@example.com"_s;
        contact.firstName = u"Hana"_s;
        contact.lastName = u"Ito"_s;
        contact.phone = u"+1 312 555 0100"_s;
        contact.lastModifiedAt = m_clock.nowUtc().addDays(-1);
        auto first = applier.applyHubSpotContact(contact);
        QVERIFY2(first.has_value(), StoreTest::outcome(first).constData());
        QCOMPARE(first->customersCreated, 1);
        QCOMPARE(first->notAuthoritative, QStringList{});

        Calcom::Booking b;
        b.uid = u"bk-hana"_s;
        b.title = u"Math tutoring"_s;
        b.status = Calcom::BookingStatus::Accepted;
        b.start = m_clock.nowUtc().addDays(3);
        b.end = b.start.addSecs(3600);
        b.durationMinutes = 60;
        b.eventTypeId = 7;
        b.createdAt = m_clock.nowUtc();
        b.attendees = {Calcom::BookingAttendee{u"Hana Ito"_s, u"hana.ito@school.example"_s, {}, u"America/Chicago"_s,
                                               u"en"_s, u"+13125550100"_s, false}};
        auto booked = applier.applyBooking(b);
        QVERIFY2(booked.has_value(), StoreTest::outcome(booked).constData());
        QCOMPARE(booked->customersCreated, 0);
        QCOMPARE(booked->notAuthoritative, bookingNotes);
        QCOMPARE(queued(Jobs::QboCustomerEnsure), QList<QJsonObject>{payload});
        QCOMPARE(queued(Jobs::HubSpotContactEnsure), QList<QJsonObject>{}); // linked already

        // A new address typed in HubSpot later.
        contact.email = u"hana.new@example.com"_s;
        contact.lastModifiedAt = m_clock.nowUtc();
        auto later = applier.applyHubSpotContact(contact);
        QVERIFY2(later.has_value(), StoreTest::outcome(later).constData());
        QCOMPARE(later->notAuthoritative, contactNotes);
    }
};

QTEST_GUILESS_MAIN(TestChangeApplier)
#include "tst_changeapplier.moc"
