// The mappings a new Concord starts with: one authority per field as the
// spec assigns them, every status carried, and an install that adds only
// what is missing in a real SQLite store.

#include "../store/storetestsupport.h"
#include "domainprinters.h"
#include "store/rulesrepository.h"
#include "sync/defaultmappings.h"
#include "sync/mappingvalidation.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Sync;
using Concord::Domain::AppointmentStatus;
using Concord::Domain::FieldMapping;
using Concord::Domain::MoneyStatus;
using Concord::Domain::StatusAction;
using Concord::Domain::StatusDomain;
using Concord::Domain::StatusMapping;
using Concord::Domain::System;

Q_DECLARE_METATYPE(Concord::Domain::StatusDomain)

namespace {

// "field source→target authority transform" per row, in store order.
QStringList fieldRows(const QList<FieldMapping> &rows)
{
    QStringList out;
    for (const FieldMapping &m : rows) {
        out << u"%1 %2→%3 %4 %5 %6 %7"_s.arg(m.field, Domain::toString(m.sourceSystem), Domain::toString(m.targetSystem),
                                              Domain::toString(m.authoritativeSystem), m.transform, m.sourcePath,
                                              m.targetPath);
    }
    std::sort(out.begin(), out.end());
    return out;
}

QStringList statusRows(const QList<StatusMapping> &rows)
{
    QStringList out;
    for (const StatusMapping &m : rows) {
        out << u"%1/%2 %3 %4 %5"_s.arg(Domain::toString(m.domain), m.status, Domain::toString(m.targetSystem),
                                        Domain::toString(m.action), m.targetValue);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// The actions (with values) the defaults give one status.
QStringList actionsFor(StatusDomain domain, const QString &status)
{
    QStringList out;
    const QList<StatusMapping> all = defaultStatusMappings();
    for (const StatusMapping &m : all) {
        if (m.domain == domain && m.status == status)
            out << Domain::toString(m.action) + (m.targetValue.isEmpty() ? QString() : u" "_s + m.targetValue);
    }
    return out;
}

} // namespace

class TestDefaultMappings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    std::unique_ptr<Store::Database> freshStore()
    {
        auto db = StoreTest::openMigrated(m_dir, u"store-%1.sqlite"_s.arg(++m_n));
        if (!db) {
            qWarning("%s", qPrintable(db.error().toString()));
            return {};
        }
        return std::move(*db);
    }

private Q_SLOTS:
    void initTestCase()
    {
        StoreTest::quietStoreLog();
        QVERIFY(m_dir.isValid());
    }

    void everySpecFieldHasOneAuthority_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("row"); // source→target authority transform
        QTest::newRow("customer id") << u"customer_id"_s << u"quickbooks→hubspot quickbooks identity"_s;
        QTest::newRow("email") << u"email"_s << u"hubspot→quickbooks hubspot email"_s;
        QTest::newRow("phone") << u"phone"_s << u"hubspot→quickbooks hubspot e164"_s;
        QTest::newRow("time") << u"appointment_time"_s << u"calcom→hubspot calcom utc_datetime"_s;
        QTest::newRow("zone") << u"timezone"_s << u"calcom→hubspot calcom iana_zone"_s;
        QTest::newRow("service") << u"service_type"_s << u"calcom→quickbooks calcom event_type_to_item"_s;
        QTest::newRow("duration") << u"duration"_s << u"calcom→quickbooks calcom minutes_to_hours"_s;
        QTest::newRow("staff") << u"staff_owner"_s << u"calcom→hubspot calcom staff_email_to_owner"_s;
        QTest::newRow("invoice number") << u"invoice_number"_s << u"quickbooks→hubspot quickbooks identity"_s;
        QTest::newRow("due date") << u"due_date"_s << u"quickbooks→hubspot quickbooks iso_date"_s;
        QTest::newRow("tax") << u"tax"_s << u"quickbooks→hubspot quickbooks amount"_s;
        QTest::newRow("discount") << u"discount"_s << u"quickbooks→hubspot quickbooks amount"_s;
        QTest::newRow("deposit") << u"deposit"_s << u"quickbooks→hubspot quickbooks amount"_s;
        QTest::newRow("payment status") << u"payment_status"_s << u"quickbooks→hubspot quickbooks money_status"_s;
        QTest::newRow("invoice link") << u"invoice_link"_s << u"quickbooks→hubspot quickbooks https_url"_s;
    }

    void everySpecFieldHasOneAuthority()
    {
        QFETCH(QString, field);
        QFETCH(QString, row);
        QStringList found;
        const QList<FieldMapping> all = defaultFieldMappings();
        for (const FieldMapping &m : all) {
            if (m.field != field)
                continue;
            found << u"%1→%2 %3 %4"_s.arg(Domain::toString(m.sourceSystem), Domain::toString(m.targetSystem),
                                          Domain::toString(m.authoritativeSystem), m.transform);
            QVERIFY(m.enabled);
            QVERIFY(!m.sourcePath.isEmpty());
            QVERIFY(!m.targetPath.isEmpty());
            QVERIFY(transformInfo(m.transform).has_value());
        }
        QCOMPARE(found, QStringList{row});
    }

    void defaultsCoverExactlyTheSpecFieldsAndValidate()
    {
        QSet<QString> fields;
        const QList<FieldMapping> all = defaultFieldMappings();
        for (const FieldMapping &m : all)
            fields.insert(m.field);
        const QStringList known = knownFields();
        QCOMPARE(fields, QSet<QString>(known.begin(), known.end()));
        QVERIFY(validateFieldMappings(all).isEmpty());
    }

    void everyStatusIsCarried_data()
    {
        QTest::addColumn<StatusDomain>("domain");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QStringList>("actions");
        const StatusDomain a = StatusDomain::Appointment;
        const StatusDomain m = StatusDomain::Money;
        QTest::newRow("booked") << a << u"booked"_s << QStringList{u"deal_stage appointmentscheduled"_s};
        QTest::newRow("rescheduled") << a << u"rescheduled"_s << QStringList{u"deal_stage appointmentscheduled"_s};
        QTest::newRow("completed") << a << u"completed"_s << QStringList{u"deal_stage contractsent"_s};
        QTest::newRow("no show") << a << u"no_show"_s
                                 << QStringList{u"create_task Follow up: {customer} missed {service} on {start}"_s};
        QTest::newRow("canceled") << a << u"canceled"_s << QStringList{u"deal_stage closedlost"_s, u"close_tasks"_s};
        QTest::newRow("invoiced") << m << u"invoiced"_s << QStringList{u"deal_stage contractsent"_s};
        QTest::newRow("deposit paid") << m << u"deposit_paid"_s << QStringList{u"deal_stage contractsent"_s};
        QTest::newRow("partially paid") << m << u"partially_paid"_s << QStringList{u"deal_stage contractsent"_s};
        QTest::newRow("paid") << m << u"paid"_s << QStringList{u"deal_stage closedwon"_s, u"close_tasks"_s};
        QTest::newRow("overdue") << m << u"overdue"_s
                                 << QStringList{u"create_task Overdue: invoice {invoice} for {customer}, {balance} due "
                                                u"since {due_date}"_s};
        QTest::newRow("voided") << m << u"voided"_s << QStringList{u"deal_stage closedlost"_s, u"close_tasks"_s};
        QTest::newRow("refunded") << m << u"refunded"_s << QStringList{u"deal_stage closedlost"_s, u"close_tasks"_s};
    }

    void everyStatusIsCarried()
    {
        QFETCH(StatusDomain, domain);
        QFETCH(QString, status);
        QFETCH(QStringList, actions);
        QCOMPARE(actionsFor(domain, status), actions);
    }

    void statusDefaultsNameEveryStatusOnceAndTargetHubSpot()
    {
        QSet<QString> keys;
        const QList<StatusMapping> all = defaultStatusMappings();
        for (const StatusMapping &m : all) {
            QCOMPARE_NAMES(m.targetSystem, System::HubSpot);
            const QString key = u"%1/%2/%3/%4"_s.arg(Domain::toString(m.domain), m.status,
                                                      Domain::toString(m.targetSystem), Domain::toString(m.action));
            QVERIFY2(!keys.contains(key), qPrintable(key)); // the store's unique key
            keys.insert(key);
        }
        for (AppointmentStatus s : {AppointmentStatus::Booked, AppointmentStatus::Rescheduled,
                                    AppointmentStatus::Completed, AppointmentStatus::NoShow, AppointmentStatus::Canceled})
            QVERIFY(!actionsFor(StatusDomain::Appointment, Domain::toString(s)).isEmpty());
        for (MoneyStatus s : {MoneyStatus::Invoiced, MoneyStatus::DepositPaid, MoneyStatus::PartiallyPaid,
                              MoneyStatus::Paid, MoneyStatus::Overdue, MoneyStatus::Voided, MoneyStatus::Refunded})
            QVERIFY(!actionsFor(StatusDomain::Money, Domain::toString(s)).isEmpty());
    }

    void installAddsEverythingOnceThenNothing()
    {
        auto db = freshStore();
        QVERIFY(db);
        Store::RulesRepository rules(*db);
        const int expected = int(defaultFieldMappings().size() + defaultStatusMappings().size());
        const Result<int> first = installDefaultMappings(rules, u"setup"_s);
        QVERIFY_OK(first);
        QCOMPARE(*first, expected);
        QCOMPARE(fieldRows(*rules.fieldMappings()), fieldRows(defaultFieldMappings()));
        QCOMPARE(statusRows(*rules.statusMappings()), statusRows(defaultStatusMappings()));
        QCOMPARE(rules.fieldMappings()->first().updatedBy, u"setup"_s);

        const QStringList before = StoreTest::snapshot(*db);
        const Result<int> second = installDefaultMappings(rules, u"setup"_s);
        QVERIFY_OK(second);
        QCOMPARE(*second, 0);
        QCOMPARE(StoreTest::snapshot(*db), before); // not even updated_at moved
    }

    void userEditsSurviveInstall()
    {
        auto db = freshStore();
        QVERIFY(db);
        Store::RulesRepository rules(*db);
        QVERIFY_OK(installDefaultMappings(rules, u"setup"_s));

        // A bookkeeper's and an office manager's edits …
        const QList<FieldMapping> installed = *rules.fieldMappings();
        FieldMapping phone;
        FieldMapping tax;
        for (const FieldMapping &m : installed) {
            if (m.field == u"phone"_s)
                phone = m;
            if (m.field == u"tax"_s)
                tax = m;
        }
        phone.transform = u"identity"_s;
        phone.updatedBy = u"olivia"_s;
        QVERIFY_OK(rules.saveFieldMapping(phone));
        QVERIFY_OK(rules.deleteFieldMapping(tax.id, tax.version)); // a deleted field comes back (documented)
        const QList<StatusMapping> statusesBefore = *rules.statusMappings();
        for (const StatusMapping &m : statusesBefore) {
            if (m.status == u"completed"_s) {
                StatusMapping edited = m;
                edited.targetValue = u"presentationscheduled"_s;
                edited.updatedBy = u"olivia"_s;
                QVERIFY_OK(rules.saveStatusMapping(edited));
            }
            if (m.status == u"canceled"_s && m.action == StatusAction::CloseTasks)
                QVERIFY_OK(rules.deleteStatusMapping(m.id, m.version)); // canceled keeps its other row
            if (m.status == u"no_show"_s)
                QVERIFY_OK(rules.deleteStatusMapping(m.id, m.version)); // no row left: comes back
        }

        // … survive: only the field and the status with no row left come back.
        const Result<int> added = installDefaultMappings(rules, u"setup"_s);
        QVERIFY_OK(added);
        QCOMPARE(*added, 2);
        QStringList fields = fieldRows(*rules.fieldMappings());
        QVERIFY(fields.contains(u"phone hubspot→quickbooks hubspot identity contact.phone "
                                u"Customer.PrimaryPhone.FreeFormNumber"_s));
        QVERIFY(fields.contains(u"tax quickbooks→hubspot quickbooks amount Invoice.TxnTaxDetail.TotalTax "
                                u"deal.concord_invoice_tax"_s));
        const QStringList statuses = statusRows(*rules.statusMappings());
        QVERIFY(statuses.contains(u"appointment/completed hubspot deal_stage presentationscheduled"_s));
        QVERIFY(!statuses.contains(u"appointment/completed hubspot deal_stage contractsent"_s));
        QVERIFY(!statuses.contains(u"appointment/canceled hubspot close_tasks "_s));
        QVERIFY(statuses.contains(u"appointment/no_show hubspot create_task Follow up: {customer} missed {service} "
                                  u"on {start}"_s));
        QCOMPARE(statuses.size(), defaultStatusMappings().size() - 1);
    }

    void aFieldAPersonMappedFirstIsLeftAlone()
    {
        auto db = freshStore();
        QVERIFY(db);
        Store::RulesRepository rules(*db);
        FieldMapping own;
        own.field = u"email"_s;
        own.sourceSystem = System::CalCom;
        own.targetSystem = System::HubSpot;
        own.authoritativeSystem = System::CalCom;
        own.transform = u"lowercase"_s;
        own.updatedBy = u"olivia"_s;
        QVERIFY_OK(rules.saveFieldMapping(own));

        const Result<int> added = installDefaultMappings(*db, u"setup"_s); // the transactional overload
        QVERIFY_OK(added);
        QCOMPARE(*added, int(defaultFieldMappings().size() + defaultStatusMappings().size()) - 1);
        int emailRows = 0;
        const QList<FieldMapping> after = *rules.fieldMappings();
        for (const FieldMapping &m : after) {
            if (m.field == u"email"_s) {
                ++emailRows;
                QCOMPARE_NAMES(m.authoritativeSystem, System::CalCom);
                QCOMPARE(m.updatedBy, u"olivia"_s);
            }
        }
        QCOMPARE(emailRows, 1);
    }
};

QTEST_GUILESS_MAIN(TestDefaultMappings)
#include "tst_defaultmappings.moc"
