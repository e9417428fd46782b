// The field mappings as the sync engine asks about them: what is carried
// where, under which HubSpot property, through which transform, who owns a
// field — and the mapping validation refusing what the engine cannot apply.

#include "domainprinters.h"
#include "sync/defaultmappings.h"
#include "sync/fieldmappingset.h"
#include "sync/mappingvalidation.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Sync;
using Concord::Domain::FieldMapping;
using Concord::Domain::System;

Q_DECLARE_METATYPE(Concord::Domain::System)

namespace {

int rowOf(const QList<FieldMapping> &rows, const QString &field)
{
    for (int i = 0; i < rows.size(); ++i) {
        if (rows.at(i).field == field)
            return i;
    }
    qFatal("no row %s", qPrintable(field));
}

// Every HubSpot deal property the set writes, "field=property", sorted.
QStringList dealProperties(const FieldMappingSet &set)
{
    QStringList out;
    const QStringList fields = knownFields();
    for (const QString &f : fields) {
        if (const QString p = set.hubSpotProperty(f, u"deal"); !p.isEmpty())
            out << f + u'=' + p;
    }
    return out;
}

QStringList describe(const QList<MappingProblem> &problems)
{
    QStringList out;
    for (const MappingProblem &p : problems)
        out << u"%1 %2: %3"_s.arg(p.row).arg(p.field, p.explanation);
    return out;
}

} // namespace

class TestFieldMappingSet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsCarryEveryFieldWhereTheyPoint()
    {
        const FieldMappingSet set = FieldMappingSet::defaults();
        QCOMPARE(dealProperties(set),
                 (QStringList{u"appointment_time=concord_appointment_start"_s,
                              u"timezone=concord_appointment_timezone"_s, u"staff_owner=hubspot_owner_id"_s,
                              u"invoice_number=concord_invoice_number"_s, u"due_date=concord_invoice_due_date"_s,
                              u"tax=concord_invoice_tax"_s, u"discount=concord_invoice_discount"_s,
                              u"deposit=concord_invoice_deposit"_s, u"payment_status=concord_payment_status"_s,
                              u"invoice_link=concord_invoice_link"_s}));
        QCOMPARE(set.hubSpotProperty(u"customer_id"_s, u"contact"), u"concord_quickbooks_customer_id"_s);
        QCOMPARE(set.hubSpotProperty(u"customer_id"_s, u"deal"), QString());
        QVERIFY(set.carries(u"email"_s, System::QuickBooks));
        QVERIFY(!set.carries(u"email"_s, System::HubSpot));
        QVERIFY(set.carries(u" Duration "_s, System::QuickBooks));
        QCOMPARE(set.fieldOfHubSpotProperty(u"deal", u"concord_invoice_tax"_s), u"tax"_s);
        QCOMPARE(set.fieldOfHubSpotProperty(u"deal", u"dealname"_s), QString());
    }

    void questionsFollowTheRows_data()
    {
        QTest::addColumn<QString>("change");      // what is done to the defaults
        QTest::addColumn<QString>("field");
        QTest::addColumn<System>("target");
        QTest::addColumn<bool>("carried");
        QTest::addColumn<QString>("property");    // on the deal, for HubSpot targets
        QTest::addColumn<bool>("createWrites");   // writesOnCreate(field, target)

        QTest::newRow("default tax") << QString() << u"tax"_s << System::HubSpot << true
                                     << u"concord_invoice_tax"_s << true;
        QTest::newRow("tax switched off") << u"tax off"_s << u"tax"_s << System::HubSpot << false << QString()
                                          << false;
        QTest::newRow("renamed property") << u"invoice_number → deal.my_invoice_no"_s << u"invoice_number"_s
                                          << System::HubSpot << true << u"my_invoice_no"_s << true;
        QTest::newRow("path on the contact") << u"invoice_number → contact.x"_s << u"invoice_number"_s
                                             << System::HubSpot << true << QString() << true;
        QTest::newRow("not a property name") << u"invoice_number → deal.My Number"_s << u"invoice_number"_s
                                             << System::HubSpot << true << QString() << true;
        // Creating a QuickBooks customer: email goes in while its row is on.
        QTest::newRow("email to QuickBooks") << QString() << u"email"_s << System::QuickBooks << true << QString()
                                             << true;
        QTest::newRow("email row off") << u"email off"_s << u"email"_s << System::QuickBooks << false << QString()
                                       << false;
        // HubSpot owns email: a contact Concord creates always gets it.
        QTest::newRow("email into its authority") << u"email off"_s << u"email"_s << System::HubSpot << false
                                                  << QString() << true;
        QTest::newRow("unmapped field") << QString() << u"favourite_colour"_s << System::QuickBooks << false
                                        << QString() << true;
    }

    void questionsFollowTheRows()
    {
        QFETCH(QString, change);
        QFETCH(QString, field);
        QFETCH(System, target);
        QFETCH(bool, carried);
        QFETCH(QString, property);
        QFETCH(bool, createWrites);

        QList<FieldMapping> rows = defaultFieldMappings();
        if (change == u"tax off"_s)
            rows[rowOf(rows, u"tax"_s)].enabled = false;
        else if (change == u"email off"_s)
            rows[rowOf(rows, u"email"_s)].enabled = false;
        else if (change.startsWith(u"invoice_number → "_s))
            rows[rowOf(rows, u"invoice_number"_s)].targetPath = change.section(u" → "_s, 1);
        const FieldMappingSet set(rows);

        QCOMPARE(set.carries(field, target), carried);
        QCOMPARE(set.row(field, target).has_value(), carried);
        if (target == System::HubSpot)
            QCOMPARE(set.hubSpotProperty(field, u"deal"), property);
        QCOMPARE(set.writesOnCreate(field, target), createWrites);
    }

    void authorityFollowsTheEnabledRows()
    {
        const FieldMappingSet defaults = FieldMappingSet::defaults();
        QCOMPARE_NAMES(*defaults.authority(u"email"_s), System::HubSpot);
        QVERIFY(defaults.isAuthoritative(u"email"_s, System::HubSpot));
        QVERIFY(!defaults.isAuthoritative(u"email"_s, System::CalCom));
        QVERIFY(!defaults.isAuthoritative(u"phone"_s, System::QuickBooks));
        // A field no row carries keeps the engine's behaviour: every system counts.
        QVERIFY(!defaults.authority(u"favourite_colour"_s));
        QVERIFY(defaults.isAuthoritative(u"favourite_colour"_s, System::CalCom));

        // Swapped: Cal.com is the system of record for email.
        QList<FieldMapping> rows = defaultFieldMappings();
        FieldMapping &email = rows[rowOf(rows, u"email"_s)];
        email.sourceSystem = System::CalCom;
        email.authoritativeSystem = System::CalCom;
        const FieldMappingSet swapped(rows);
        QCOMPARE_NAMES(*swapped.authority(u"email"_s), System::CalCom);
        QVERIFY(swapped.isAuthoritative(u"email"_s, System::CalCom));
        QVERIFY(!swapped.isAuthoritative(u"email"_s, System::HubSpot));

        // Rows that disagree: nobody's value is the real one.
        QList<FieldMapping> two = defaultFieldMappings();
        FieldMapping other = two.at(rowOf(two, u"email"_s));
        other.targetSystem = System::CalCom;
        other.authoritativeSystem = System::QuickBooks;
        two.append(other);
        const FieldMappingSet disagreeing(two);
        QVERIFY(!disagreeing.authority(u"email"_s));
        QVERIFY(!disagreeing.isAuthoritative(u"email"_s, System::HubSpot));
        QVERIFY(!disagreeing.isAuthoritative(u"email"_s, System::QuickBooks));
    }

    void valuesGoThroughTheRowsTransform_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("transform"); // empty: the default row's
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("carried");   // "error: …" when refused

        QTest::newRow("amount") << u"tax"_s << QString() << u"6.5"_s << u"6.50"_s;
        QTest::newRow("identity") << u"tax"_s << u"identity"_s << u"6.5"_s << u"6.5"_s;
        QTest::newRow("lowercase") << u"invoice_number"_s << u"lowercase"_s << u" INV-7 "_s << u"inv-7"_s;
        QTest::newRow("utc") << u"appointment_time"_s << QString() << u"2026-03-28T11:00:00-04:00"_s
                             << u"2026-03-28T15:00:00.000Z"_s;
        QTest::newRow("refused") << u"invoice_link"_s << QString() << u"http://x.example/i"_s
                                 << u"error: 'http://x.example/i' cannot be turned by 'https_url' into the value "
                                    u"needed: it is not a secure (https) web link"_s;
        // The sandbox's emulators serve plain http on this computer only.
        QTest::newRow("loopback link") << u"invoice_link"_s << QString() << u"http://127.0.0.1:8701/app/invoice/1"_s
                                       << u"http://127.0.0.1:8701/app/invoice/1"_s;
        // A lookup is the engine's own: the value comes back as given.
        QTest::newRow("lookup") << u"staff_owner"_s << QString() << u"ana@tutors.example"_s
                                << u"ana@tutors.example"_s;
    }

    void valuesGoThroughTheRowsTransform()
    {
        QFETCH(QString, field);
        QFETCH(QString, transform);
        QFETCH(QString, value);
        QFETCH(QString, carried);
        QList<FieldMapping> rows = defaultFieldMappings();
        if (!transform.isEmpty())
            rows[rowOf(rows, field)].transform = transform;
        const auto out = FieldMappingSet(rows).carried(field, System::HubSpot, QJsonValue(value));
        QCOMPARE(out ? out->toString() : u"error: "_s + out.error().message, carried);
    }

    void nothingIsCarriedWithoutAnEnabledRow()
    {
        QList<FieldMapping> rows = defaultFieldMappings();
        rows[rowOf(rows, u"tax"_s)].enabled = false;
        const auto out = FieldMappingSet(rows).carried(u"tax"_s, System::HubSpot, QJsonValue(u"1.00"_s));
        QVERIFY(!out);
        QCOMPARE(out.error().code, ErrorCode::NotFound);
        QVERIFY(!FieldMappingSet().carries(u"tax"_s, System::HubSpot));
    }

    void hubSpotRefusalNamesTheMapping_data()
    {
        QTest::addColumn<QString>("remoteCode");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("explained");

        QTest::newRow("mapped property")
            << u"PROPERTY_DOESNT_EXIST"_s << u"HubSpot: Property \"my_invoice_no\" does not exist"_s
            << u"HubSpot: the portal has no deal property \"my_invoice_no\", which the field mapping of "
               u"'invoice_number' writes — create the property in HubSpot (Settings → Properties), or change or "
               u"switch off the mapping"_s;
        QTest::newRow("not a mapped property")
            << u"PROPERTY_DOESNT_EXIST"_s << u"HubSpot: Property \"dealname2\" does not exist"_s
            << u"HubSpot: Property \"dealname2\" does not exist"_s;
        QTest::newRow("another refusal") << u"INVALID_EMAIL"_s << u"HubSpot: Email address x is invalid"_s
                                         << u"HubSpot: Email address x is invalid"_s;
    }

    void hubSpotRefusalNamesTheMapping()
    {
        QFETCH(QString, remoteCode);
        QFETCH(QString, message);
        QFETCH(QString, explained);
        QList<FieldMapping> rows = defaultFieldMappings();
        rows[rowOf(rows, u"invoice_number"_s)].targetPath = u"deal.my_invoice_no"_s;
        Error e = Error::make(ErrorCode::RemoteValidation, message);
        e.remoteCode = remoteCode;
        const Error out = FieldMappingSet(rows).explainHubSpotRefusal(e, u"deal");
        QCOMPARE(out.message, explained);
        QCOMPARE(out.code, ErrorCode::RemoteValidation);
        QCOMPARE(out.remoteCode, remoteCode);
    }

    // mappingvalidation: a transform the engine cannot apply is refused,
    // so the editor never stores a row the engine would silently ignore.
    void validationRefusesWhatTheEngineCannotApply_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("transform");
        QTest::addColumn<QString>("problem"); // empty: accepted

        QTest::newRow("built-in duration") << u"duration"_s << u"minutes_to_hours"_s << QString();
        QTest::newRow("duration as is")
            << u"duration"_s << u"identity"_s
            << u"The sync engine carries 'duration' in one way only, with 'minutes_to_hours' (it builds the invoice "
               u"line or looks the record up itself), so it cannot apply 'identity'; choose 'minutes_to_hours'."_s;
        QTest::newRow("service as is")
            << u"service_type"_s << u"identity"_s
            << u"The sync engine carries 'service_type' in one way only, with 'event_type_to_item' (it builds the "
               u"invoice line or looks the record up itself), so it cannot apply 'identity'; choose "
               u"'event_type_to_item'."_s;
        QTest::newRow("tax from cents")
            << u"tax"_s << u"cents_to_amount"_s
            << u"The sync engine reads 'tax' as an amount (65.00), not as cents, so it cannot apply "
               u"'cents_to_amount'; choose one of: identity, amount."_s;
        QTest::newRow("lookup on another field")
            << u"email"_s << u"staff_email_to_owner"_s
            << u"'staff_email_to_owner' is a lookup the sync engine does only for its own field, so it cannot apply "
               u"it to 'email'; choose one of: identity, lowercase, email."_s;
        QTest::newRow("pure transform that fits") << u"invoice_number"_s << u"lowercase"_s << QString();
        QTest::newRow("identity") << u"email"_s << u"identity"_s << QString();
    }

    void validationRefusesWhatTheEngineCannotApply()
    {
        QFETCH(QString, field);
        QFETCH(QString, transform);
        QFETCH(QString, problem);
        QList<FieldMapping> rows = defaultFieldMappings();
        const int row = rowOf(rows, field);
        rows[row].transform = transform;
        const QStringList expected = problem.isEmpty() ? QStringList{} : QStringList{u"%1 %2: %3"_s.arg(row).arg(field, problem)};
        QCOMPARE(describe(validateFieldMappings(rows)), expected);
    }
};

QTEST_GUILESS_MAIN(TestFieldMappingSet)
#include "tst_fieldmappingset.moc"
