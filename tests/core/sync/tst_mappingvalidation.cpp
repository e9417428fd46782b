// Field mappings as data: the transforms they may name, the problems a set of
// mappings can have (in words a person acts on), and which system owns a field.

#include "domainprinters.h"
#include "sync/defaultmappings.h"
#include "sync/mappingvalidation.h"

#include <QJsonValue>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Sync;
using Concord::Domain::FieldMapping;
using Concord::Domain::System;

Q_DECLARE_METATYPE(Concord::ErrorCode)
Q_DECLARE_METATYPE(Concord::Domain::System)
Q_DECLARE_METATYPE(Concord::Domain::FieldMapping)

namespace {

FieldMapping mapping(const QString &field, System source, System target, System authority,
                     const QString &transform = u"identity"_s)
{
    FieldMapping m;
    m.field = field;
    m.sourceSystem = source;
    m.targetSystem = target;
    m.authoritativeSystem = authority;
    m.transform = transform;
    return m;
}

int rowOf(const QList<FieldMapping> &mappings, const QString &field)
{
    for (int i = 0; i < mappings.size(); ++i) {
        if (mappings.at(i).field == field)
            return i;
    }
    return -1;
}

// "row field: explanation" per problem, warnings marked.
QStringList describe(const QList<MappingProblem> &problems)
{
    QStringList out;
    for (const MappingProblem &p : problems) {
        out << u"%1%2 %3: %4"_s.arg(p.severity == MappingProblem::Severity::Warning ? u"warning "_s : QString())
                   .arg(p.row)
                   .arg(p.field, p.explanation);
    }
    return out;
}

} // namespace

class TestMappingValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transformsAreListedOnceWithWords()
    {
        QSet<QString> names;
        const QList<TransformInfo> all = knownTransforms();
        for (const TransformInfo &t : all) {
            QVERIFY2(!names.contains(t.name), qPrintable(t.name));
            names.insert(t.name);
            QVERIFY(!t.description.isEmpty());
            QVERIFY(transformInfo(t.name).has_value());
        }
        for (const QString &needed : {u"identity"_s, u"lowercase"_s, u"e164"_s, u"minutes_to_hours"_s,
                                      u"cents_to_amount"_s, u"staff_email_to_owner"_s, u"event_type_to_item"_s})
            QVERIFY2(names.contains(needed), qPrintable(needed));
        QCOMPARE(toString(transformInfo(u"minutes_to_hours"_s)->input), u"minutes"_s);
        QCOMPARE(toString(transformInfo(u"minutes_to_hours"_s)->output), u"decimal"_s);
        QVERIFY(!transformInfo(u"staff_email_to_owner"_s)->pure);
        QVERIFY(!transformInfo(u"to_upper"_s).has_value());
    }

    void applyTransform_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QJsonValue>("input");
        QTest::addColumn<QJsonValue>("expected");
        QTest::addColumn<ErrorCode>("error"); // Ok = success
        const auto ok = [](const char *row, const QString &name, const QJsonValue &in, const QJsonValue &out) {
            QTest::newRow(row) << name << in << out << ErrorCode::Ok;
        };
        const auto bad = [](const char *row, const QString &name, const QJsonValue &in, ErrorCode code) {
            QTest::newRow(row) << name << in << QJsonValue() << code;
        };
        ok("identity object", u"identity"_s, QJsonValue(u"Ann"_s), QJsonValue(u"Ann"_s));
        ok("lowercase", u"lowercase"_s, QJsonValue(u" Ann@Example.ORG "_s), QJsonValue(u"ann@example.org"_s));
        bad("lowercase number", u"lowercase"_s, QJsonValue(12), ErrorCode::InvalidArgument);
        ok("email", u"email"_s, QJsonValue(u"Ann Lee <Ann.Lee@Example.COM>"_s), QJsonValue(u"ann.lee@example.com"_s));
        bad("email without domain", u"email"_s, QJsonValue(u"ann.lee"_s), ErrorCode::InvalidArgument);
        ok("e164", u"e164"_s, QJsonValue(u"(312) 555-0123"_s), QJsonValue(u"+13125550123"_s));
        ok("e164 international", u"e164"_s, QJsonValue(u"+44 20 7946 0958"_s), QJsonValue(u"+442079460958"_s));
        bad("e164 local only", u"e164"_s, QJsonValue(u"555-0123"_s), ErrorCode::InvalidArgument);
        bad("e164 number", u"e164"_s, QJsonValue(3125550123.0), ErrorCode::InvalidArgument);
        ok("90 minutes", u"minutes_to_hours"_s, QJsonValue(90), QJsonValue(u"1.5"_s));
        ok("60 minutes", u"minutes_to_hours"_s, QJsonValue(60), QJsonValue(u"1"_s));
        ok("45 minutes as text", u"minutes_to_hours"_s, QJsonValue(u"45"_s), QJsonValue(u"0.75"_s));
        ok("3 minutes", u"minutes_to_hours"_s, QJsonValue(3), QJsonValue(u"0.05"_s));
        bad("50 minutes", u"minutes_to_hours"_s, QJsonValue(50), ErrorCode::InvalidArgument);
        bad("fractional minutes", u"minutes_to_hours"_s, QJsonValue(1.5), ErrorCode::InvalidArgument);
        bad("negative minutes", u"minutes_to_hours"_s, QJsonValue(-30), ErrorCode::InvalidArgument);
        ok("cents", u"cents_to_amount"_s, QJsonValue(6500), QJsonValue(u"65.00"_s));
        ok("few cents", u"cents_to_amount"_s, QJsonValue(-5), QJsonValue(u"-0.05"_s));
        bad("fractional cents", u"cents_to_amount"_s, QJsonValue(65.5), ErrorCode::InvalidArgument);
        ok("amount", u"amount"_s, QJsonValue(65), QJsonValue(u"65.00"_s));
        ok("amount text", u"amount"_s, QJsonValue(u"87.5"_s), QJsonValue(u"87.50"_s));
        bad("amount below a cent", u"amount"_s, QJsonValue(65.005), ErrorCode::InvalidArgument);
        ok("date", u"iso_date"_s, QJsonValue(u"2026-03-28"_s), QJsonValue(u"2026-03-28"_s));
        bad("date day first", u"iso_date"_s, QJsonValue(u"28/03/2026"_s), ErrorCode::InvalidArgument);
        ok("instant with offset", u"utc_datetime"_s, QJsonValue(u"2026-03-28T11:00:00-04:00"_s),
           QJsonValue(u"2026-03-28T15:00:00.000Z"_s));
        ok("instant in ms", u"utc_datetime"_s, QJsonValue(double(1774710000000)), QJsonValue(u"2026-03-28T15:00:00.000Z"_s));
        bad("instant without offset", u"utc_datetime"_s, QJsonValue(u"2026-03-28T11:00:00"_s), ErrorCode::InvalidArgument);
        ok("zone", u"iana_zone"_s, QJsonValue(u"America/New_York"_s), QJsonValue(u"America/New_York"_s));
        bad("unknown zone", u"iana_zone"_s, QJsonValue(u"Mars/Olympus_Mons"_s), ErrorCode::InvalidArgument);
        ok("https link", u"https_url"_s, QJsonValue(u"https://app.qbo.intuit.com/app/customer/invoice?id=130"_s),
           QJsonValue(u"https://app.qbo.intuit.com/app/customer/invoice?id=130"_s));
        bad("plain http link", u"https_url"_s, QJsonValue(u"http://example.com/invoice"_s), ErrorCode::InvalidArgument);
        ok("status", u"money_status"_s, QJsonValue(u"Partially_Paid"_s), QJsonValue(u"partially_paid"_s));
        bad("not a status", u"money_status"_s, QJsonValue(u"late"_s), ErrorCode::InvalidArgument);
        bad("nothing to transform", u"lowercase"_s, QJsonValue(), ErrorCode::InvalidArgument);
        bad("unknown transform", u"to_upper"_s, QJsonValue(u"x"_s), ErrorCode::InvalidArgument);
        bad("lookup", u"staff_email_to_owner"_s, QJsonValue(u"jane@example.com"_s), ErrorCode::Unsupported);
    }

    void applyTransform()
    {
        QFETCH(QString, name);
        QFETCH(QJsonValue, input);
        QFETCH(QJsonValue, expected);
        QFETCH(ErrorCode, error);
        const Result<QJsonValue> out = Sync::applyTransform(name, input);
        if (error == ErrorCode::Ok) {
            QVERIFY_OK(out);
            QCOMPARE(*out, expected);
        } else {
            QVERIFY(!out);
            QCOMPARE(out.error().code, error);
            QVERIFY(!out.error().message.isEmpty());
        }
    }

    void transformErrorsSayWhy()
    {
        const auto out = Sync::applyTransform(u"minutes_to_hours"_s, QJsonValue(50));
        QVERIFY(!out);
        QCOMPARE(out.error().message, u"50 cannot be turned by 'minutes_to_hours' into the value needed: 50 minutes "
                                      u"is not an exact decimal number of hours"_s);
    }

    void phoneRegionAndCurrencyAreOptions()
    {
        TransformOptions gb;
        gb.defaultRegion = u"GB"_s;
        gb.currency = u"JPY"_s;
        QCOMPARE(*Sync::applyTransform(u"e164"_s, QJsonValue(u"020 7946 0958"_s), gb), QJsonValue(u"+442079460958"_s));
        QCOMPARE(*Sync::applyTransform(u"cents_to_amount"_s, QJsonValue(6500), gb), QJsonValue(u"6500"_s));
    }

    void defaultsHaveNoProblems()
    {
        const QList<MappingProblem> problems = validateFieldMappings(defaultFieldMappings());
        QVERIFY2(problems.isEmpty(), qPrintable(describe(problems).join(u'\n')));
    }

    void eachRuleIsExplained_data()
    {
        QTest::addColumn<QList<FieldMapping>>("mappings");
        QTest::addColumn<QStringList>("problems");
        const QList<FieldMapping> defaults = defaultFieldMappings();
        const int email = rowOf(defaults, u"email"_s);
        const int tax = rowOf(defaults, u"tax"_s);
        const int staff = rowOf(defaults, u"staff_owner"_s);
        const int number = rowOf(defaults, u"invoice_number"_s);
        const int n = int(defaults.size());

        {
            QList<FieldMapping> m = defaults;
            m.append(mapping(u"email"_s, System::QuickBooks, System::CalCom, System::QuickBooks));
            const QString why = u"'email' has more than one system of record (HubSpot, QuickBooks); a field has "
                                u"exactly one — choose it and use it on every row of this field."_s;
            QTest::newRow("two authorities") << m
                                             << QStringList{u"%1 email: %2"_s.arg(email).arg(why),
                                                            u"%1 email: %2"_s.arg(n).arg(why)};
        }
        {
            QList<FieldMapping> m = defaults;
            m[tax].sourceSystem = System::HubSpot;
            m[tax].targetSystem = System::QuickBooks;
            QTest::newRow("written into its authority")
                << m
                << QStringList{u"%1 tax: This row would write 'tax' into QuickBooks, its system of record; Concord "
                               u"never writes a field into its own system of record from elsewhere. Change the field "
                               u"in QuickBooks instead, or make another system its authority."_s.arg(tax)};
        }
        {
            QList<FieldMapping> m = defaults;
            m[staff].sourceSystem = System::QuickBooks;
            QTest::newRow("read from a copy")
                << m
                << QStringList{u"%1 staff_owner: This row reads 'staff_owner' from QuickBooks, but Cal.com is its "
                               u"system of record; carry it from Cal.com so a stale copy never overwrites the real "
                               u"value."_s.arg(staff)};
        }
        {
            QList<FieldMapping> m = defaults;
            m[number].transform = u"to_upper"_s;
            QTest::newRow("unknown transform")
                << m
                << QStringList{u"%1 invoice_number: 'to_upper' is not a transform Concord knows; choose one of: "
                               u"identity, lowercase, email, e164, minutes_to_hours, cents_to_amount, amount, "
                               u"iso_date, utc_datetime, iana_zone, https_url, money_status, event_type_to_item, "
                               u"staff_email_to_owner."_s.arg(number)};
        }
        {
            QList<FieldMapping> m = defaults;
            m[email].transform = u"minutes_to_hours"_s;
            QTest::newRow("type mismatch")
                << m
                << QStringList{u"%1 email: The transform 'minutes_to_hours' expects a number of minutes, but 'email' "
                               u"holds an email address; choose one that fits (identity, lowercase, email, "
                               u"staff_email_to_owner)."_s.arg(email)};
        }
        {
            QList<FieldMapping> m = defaults;
            m.append(mapping(u"email"_s, System::HubSpot, System::QuickBooks, System::HubSpot, u"lowercase"_s));
            const QString why = u"Another row also writes 'email' into QuickBooks; keep only one."_s;
            QTest::newRow("same target twice") << m
                                               << QStringList{u"%1 email: %2"_s.arg(email).arg(why),
                                                              u"%1 email: %2"_s.arg(n).arg(why)};
        }
        {
            QList<FieldMapping> m = {mapping(u"tax"_s, System::QuickBooks, System::QuickBooks, System::QuickBooks)};
            QTest::newRow("onto itself")
                << m << QStringList{u"0 tax: This row carries 'tax' from QuickBooks into QuickBooks itself; choose "
                                    u"another target."_s};
        }
        {
            QList<FieldMapping> m = {mapping(u"  "_s, System::HubSpot, System::QuickBooks, System::HubSpot)};
            QTest::newRow("no field name")
                << m << QStringList{u"0   : This row has no field name; say which field it carries."_s};
        }
        {
            QList<FieldMapping> m = {mapping(u"favourite_colour"_s, System::HubSpot, System::QuickBooks, System::HubSpot)};
            QTest::newRow("field outside the spec")
                << m
                << QStringList{u"warning 0 favourite_colour: 'favourite_colour' is not a field that affects money, "
                               u"timing or follow-up; Concord is meant to sync only those (customer_id, email, phone, "
                               u"appointment_time, timezone, service_type, duration, staff_owner, invoice_number, "
                               u"due_date, tax, discount, deposit, payment_status, invoice_link)."_s};
        }
        {
            // Disabled rows count: they can be switched back on.
            QList<FieldMapping> m = defaults;
            m[tax].transform = u"e164"_s;
            m[tax].enabled = false;
            QTest::newRow("disabled row checked")
                << m
                << QStringList{u"%1 tax: The transform 'e164' expects a phone number, but 'tax' holds an amount of "
                               u"money; choose one that fits (identity, cents_to_amount, amount)."_s.arg(tax)};
        }
    }

    void eachRuleIsExplained()
    {
        QFETCH(QList<FieldMapping>, mappings);
        QFETCH(QStringList, problems);
        QCOMPARE(describe(validateFieldMappings(mappings)), problems);
    }

    void authorityIsOnePerField()
    {
        const QList<FieldMapping> defaults = defaultFieldMappings();
        QCOMPARE_NAMES(*authorityFor(u"email"_s, defaults), System::HubSpot);
        QCOMPARE_NAMES(*authorityFor(u"Tax"_s, defaults), System::QuickBooks);
        QCOMPARE_NAMES(*authorityFor(u"appointment_time"_s, defaults), System::CalCom);
        QCOMPARE(authorityFor(u"favourite_colour"_s, defaults).error().code, ErrorCode::NotFound);

        QList<FieldMapping> twice = defaults;
        twice.append(mapping(u"email"_s, System::QuickBooks, System::CalCom, System::QuickBooks));
        QCOMPARE(authorityFor(u"email"_s, twice).error().code, ErrorCode::Conflict);
        // A disabled row carries nothing and owns nothing.
        twice.last().enabled = false;
        QCOMPARE_NAMES(*authorityFor(u"email"_s, twice), System::HubSpot);
        QList<FieldMapping> off = defaults;
        off[rowOf(off, u"tax"_s)].enabled = false;
        QCOMPARE(authorityFor(u"tax"_s, off).error().code, ErrorCode::NotFound);
    }

    void wrongPlaceEditsAreFlagged_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<System>("changedIn");
        QTest::addColumn<bool>("flag");
        QTest::newRow("tax in QuickBooks") << u"tax"_s << System::QuickBooks << false;
        QTest::newRow("tax edited in HubSpot") << u"tax"_s << System::HubSpot << true;
        QTest::newRow("time in Cal.com") << u"appointment_time"_s << System::CalCom << false;
        QTest::newRow("time edited in HubSpot") << u"appointment_time"_s << System::HubSpot << true;
        QTest::newRow("email in HubSpot") << u"Email"_s << System::HubSpot << false;
        QTest::newRow("email edited in QuickBooks") << u"email"_s << System::QuickBooks << true;
        QTest::newRow("unmapped field") << u"favourite_colour"_s << System::HubSpot << false;
    }

    void wrongPlaceEditsAreFlagged()
    {
        QFETCH(QString, field);
        QFETCH(System, changedIn);
        QFETCH(bool, flag);
        QCOMPARE(wrongPlaceEdit(field, changedIn, defaultFieldMappings()), flag);
    }

    void disagreeingMappingsFlagEveryEdit()
    {
        QList<FieldMapping> twice = defaultFieldMappings();
        twice.append(mapping(u"email"_s, System::QuickBooks, System::CalCom, System::QuickBooks));
        for (System s : Domain::allSystems())
            QVERIFY(wrongPlaceEdit(u"email"_s, s, twice));
    }
};

QTEST_GUILESS_MAIN(TestMappingValidation)
#include "tst_mappingvalidation.moc"
