// Normalizers against the messiness of real exports: case, spaces, accents,
// provider aliases, phone formats (libphonenumber), 7-digit local numbers,
// names with titles/initials/nicknames, address abbreviations and units, and
// dates whose day/month order is unclear.
#include "identity/nicknames.h"
#include "identity/normalize.h"
#include "identity/stringmetrics.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord::Identity;

class TestNormalize : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fold_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("accents") << u"José Núñez"_s << u"jose nunez"_s;
        QTest::newRow("letters without decomposition")
            << u"Ærøskøbing Straße Łódź"_s << u"aeroskobing strasse lodz"_s;
        QTest::newRow("apostrophe joins") << u"O'Brien-Smith"_s << u"obrien smith"_s;
        QTest::newRow("curly apostrophe") << u"D\u2019Angelo"_s << u"dangelo"_s;
        QTest::newRow("punctuation and spaces") << u"  St.  Mary's,  Inc. "_s << u"st marys inc"_s;
        QTest::newRow("full-width") << u"ＡＢＣ１２"_s << u"abc12"_s;
    }
    void fold()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(foldText(input), expected);
    }

    void email_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("case and spaces")
            << u"  Ann.Lee@Example.COM "_s << u"ann.lee@example.com"_s << u"ann.lee@example.com"_s;
        QTest::newRow("space inside")
            << u"ann lee@example.com"_s << u"annlee@example.com"_s << u"annlee@example.com"_s;
        QTest::newRow("display name")
            << u"Ann Lee <ann@example.org>"_s << u"ann@example.org"_s << u"ann@example.org"_s;
        QTest::newRow("mailto") << u"mailto:Ann@Example.org"_s << u"ann@example.org"_s
                                << u"ann@example.org"_s;
        QTest::newRow("gmail dots and tag are aliases")
            << u"Ann.Lee+booking@gmail.com"_s << u"ann.lee+booking@gmail.com"_s
            << u"annlee@gmail.com"_s;
        QTest::newRow("googlemail is gmail")
            << u"annlee@googlemail.com"_s << u"annlee@googlemail.com"_s << u"annlee@gmail.com"_s;
        QTest::newRow("tag elsewhere, dots kept")
            << u"ann.lee+x@outlook.com"_s << u"ann.lee+x@outlook.com"_s << u"ann.lee@outlook.com"_s;
        QTest::newRow("trailing dot")
            << u"ann@example.org."_s << u"ann@example.org"_s << u"ann@example.org"_s;
        QTest::newRow("no at") << u"ann.example.org"_s << QString() << QString();
        QTest::newRow("two ats") << u"a@b@example.org"_s << QString() << QString();
        QTest::newRow("no dotted domain") << u"ann@localhost"_s << QString() << QString();
        QTest::newRow("n/a") << u"n/a"_s << QString() << QString();
    }
    void email()
    {
        QFETCH(QString, input);
        QFETCH(QString, address);
        QFETCH(QString, canonical);
        const NormalizedEmail e = normalizeEmail(input);
        QCOMPARE(e.address, address);
        QCOMPARE(e.canonical, canonical);
        QCOMPARE(e.isEmpty(), address.isEmpty());
    }

    void emailAliasIsEvidenceNotIdentity()
    {
        const NormalizedEmail a = normalizeEmail(u"annlee@gmail.com"_s);
        const NormalizedEmail b = normalizeEmail(u"ann.lee+kids@gmail.com"_s);
        QVERIFY(a.address != b.address); // not the same identity…
        QCOMPARE(a.canonical, b.canonical); // …but the same mailbox, as evidence
        QVERIFY(b.isAliased());
    }

    void phone_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("e164");
        QTest::addColumn<QString>("extension");
        QTest::addColumn<bool>("localOnly");
        QTest::addColumn<QString>("subscriber");
        QTest::newRow("US parentheses") << u"US"_s << u"(312) 744-5000"_s << u"+13127445000"_s
                                        << QString() << false << u"7445000"_s;
        QTest::newRow("US dots") << u"US"_s << u"312.744.5000"_s << u"+13127445000"_s << QString()
                                 << false << u"7445000"_s;
        QTest::newRow("US with 1") << u"US"_s << u"1-312-744-5000"_s << u"+13127445000"_s
                                   << QString() << false << u"7445000"_s;
        QTest::newRow("international") << u"US"_s << u"+44 20 7946 0958"_s << u"+442079460958"_s
                                       << QString() << false << u"79460958"_s.right(7);
        QTest::newRow("UK national with GB default")
            << u"GB"_s << u"020 7946 0958"_s << u"+442079460958"_s << QString() << false
            << u"9460958"_s;
        QTest::newRow("extension x") << u"US"_s << u"312-744-5000 x123"_s << u"+13127445000"_s
                                     << u"123"_s << false << u"7445000"_s;
        QTest::newRow("extension ext.") << u"US"_s << u"(312) 744-5000 ext. 45"_s
                                        << u"+13127445000"_s << u"45"_s << false << u"7445000"_s;
        // Chicago file: 7 digits, no area code. Kept as local, never E.164.
        QTest::newRow("7-digit local")
            << u"US"_s << u"3865286"_s << QString() << QString() << true << u"3865286"_s;
        QTest::newRow("7-digit local with dash")
            << u"US"_s << u"386-5286"_s << QString() << QString() << true << u"3865286"_s;
        QTest::newRow("placeholder zeros")
            << u"US"_s << u"000-000-0000"_s << QString() << QString() << false << QString();
        QTest::newRow("placeholder run")
            << u"US"_s << u"1234567"_s << QString() << QString() << false << QString();
        QTest::newRow("words") << u"US"_s << u"call me"_s << QString() << QString() << false
                               << QString();
        QTest::newRow("empty") << u"US"_s << u"  "_s << QString() << QString() << false
                               << QString();
    }
    void phone()
    {
        QFETCH(QString, region);
        QFETCH(QString, input);
        QFETCH(QString, e164);
        QFETCH(QString, extension);
        QFETCH(bool, localOnly);
        QFETCH(QString, subscriber);
        const NormalizedPhone p = PhoneNormalizer(region).normalize(input);
        QCOMPARE(p.e164, e164);
        QCOMPARE(p.extension, extension);
        QCOMPARE(p.localOnly, localOnly);
        QCOMPARE(p.subscriber, subscriber);
        if (!e164.isEmpty())
            QVERIFY2(p.valid, "a real number is link-eligible");
    }

    void personName_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        QTest::addColumn<QString>("full");
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("family");
        QTest::newRow("case and accents")
            << u"  JOSÉ "_s << u"Núñez"_s << QString() << u"jose"_s << u"nunez"_s;
        QTest::newRow("title and middle")
            << u"Dr. Ann B."_s << u"Lee"_s << QString() << u"ann"_s << u"lee"_s;
        QTest::newRow("suffix") << u"Robert"_s << u"Smith Jr."_s << QString() << u"robert"_s
                                << u"smith"_s;
        QTest::newRow("particles joined")
            << u"Anna"_s << u"van der Berg"_s << QString() << u"anna"_s << u"vanderberg"_s;
        QTest::newRow("hyphenated")
            << u"Mary"_s << u"Smith-Jones"_s << QString() << u"mary"_s << u"smithjones"_s;
        QTest::newRow("initial") << u"J."_s << u"Lee"_s << QString() << u"j"_s << u"lee"_s;
        QTest::newRow("full name")
            << QString() << QString() << u"Mrs Ann B. Lee"_s << u"ann"_s << u"lee"_s;
        QTest::newRow("last, first")
            << QString() << QString() << u"Lee, Ann"_s << u"ann"_s << u"lee"_s;
        QTest::newRow("one word") << QString() << QString() << u"Cher"_s << QString() << u"cher"_s;
    }
    void personName()
    {
        QFETCH(QString, first);
        QFETCH(QString, last);
        QFETCH(QString, full);
        QFETCH(QString, given);
        QFETCH(QString, family);
        const PersonName n = normalizePersonName(first, last, full);
        QCOMPARE(n.given, given);
        QCOMPARE(n.family, family);
    }

    void nicknames()
    {
        QVERIFY(Nicknames::equivalent(u"bob"_s, u"robert"_s));
        QVERIFY(Nicknames::equivalent(u"bill"_s, u"william"_s));
        QVERIFY(Nicknames::equivalent(u"peggy"_s, u"margaret"_s));
        QVERIFY(Nicknames::equivalent(u"al"_s, u"albert"_s));
        QVERIFY(Nicknames::equivalent(u"al"_s, u"alan"_s));
        QVERIFY(
            !Nicknames::equivalent(u"albert"_s, u"alan"_s)); // sharing a short form is not enough
        QVERIFY(!Nicknames::equivalent(u"robert"_s, u"william"_s));
        QVERIFY(
            !Nicknames::equivalent(u"zebulon"_s, u"zeb"_s)); // unknown names never match by table
        QCOMPARE(Nicknames::canonical(u"bobby"_s), u"robert"_s);
    }

    void organisationWords()
    {
        QCOMPARE(nameTokens(u"The Chicago Commons Association, Inc."_s),
                 (QStringList { u"chicago"_s, u"commons"_s, u"association"_s }));
    }

    void address_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("street");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("text");
        QTest::newRow("abbreviated") << u"316 N. Pulaski Rd."_s << u"316"_s << u"pulaski"_s
                                     << QString() << u"316 n pulaski rd"_s;
        QTest::newRow("spelled out") << u"316 North Pulaski Road"_s << u"316"_s << u"pulaski"_s
                                     << QString() << u"316 n pulaski rd"_s;
        QTest::newRow("apartment")
            << u"12 Oak Street, Apt. 4B"_s << u"12"_s << u"oak"_s << u"4b"_s << u"12 oak st #4b"_s;
        QTest::newRow("hash unit")
            << u"12 Oak St #4b"_s << u"12"_s << u"oak"_s << u"4b"_s << u"12 oak st #4b"_s;
        QTest::newRow("suite") << u"200 W Madison Suite 300"_s << u"200"_s << u"madison"_s
                               << u"300"_s << u"200 w madison #300"_s;
        QTest::newRow("unit/number")
            << u"4/12 Smith St"_s << u"12"_s << u"smith"_s << u"4"_s << u"12 smith st #4"_s;
        QTest::newRow("street named like a type")
            << u"5 Court Street"_s << u"5"_s << u"court"_s << QString() << u"5 court st"_s;
        QTest::newRow("empty") << u"   "_s << QString() << QString() << QString() << QString();
    }
    void address()
    {
        QFETCH(QString, input);
        QFETCH(QString, number);
        QFETCH(QString, street);
        QFETCH(QString, unit);
        QFETCH(QString, text);
        const NormalizedAddress a = normalizeAddress(input);
        QCOMPARE(a.number, number);
        QCOMPARE(a.street, street);
        QCOMPARE(a.unit, unit);
        QCOMPARE(a.text, text);
    }

    void postcode()
    {
        QCOMPARE(normalizePostcode(u"60609-1234"_s), u"60609"_s);
        QCOMPARE(normalizePostcode(u" sw1a 1aa "_s), u"SW1A1AA"_s);
        QCOMPARE(normalizePostcode(u" 4510"_s), u"4510"_s);
    }

    void date_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("iso");
        QTest::addColumn<bool>("ambiguous");
        QTest::addColumn<QString>("otherReading");
        const int unknown = int(DateOrder::Unknown);
        QTest::newRow("ISO") << u"1971-06-24"_s << unknown << u"1971-06-24"_s << false << QString();
        QTest::newRow("ISO with time")
            << u"1971-06-24T00:00:00Z"_s << unknown << u"1971-06-24"_s << false << QString();
        QTest::newRow("compact") << u"19710624"_s << unknown << u"1971-06-24"_s << false
                                 << QString();
        QTest::newRow("d/m/y, day > 12")
            << u"24/06/1971"_s << unknown << u"1971-06-24"_s << false << QString();
        QTest::newRow("m/d/y, day > 12")
            << u"6/24/1971"_s << unknown << u"1971-06-24"_s << false << QString();
        QTest::newRow("two-digit year")
            << u"6/24/71"_s << unknown << u"1971-06-24"_s << false << QString();
        QTest::newRow("dots are day first")
            << u"03.04.1990"_s << unknown << u"1990-04-03"_s << false << QString();
        QTest::newRow("month name")
            << u"24 Jun 1971"_s << unknown << u"1971-06-24"_s << false << QString();
        QTest::newRow("month name first")
            << u"June 24th, 1971"_s << unknown << u"1971-06-24"_s << false << QString();
        QTest::newRow("same day and month")
            << u"05/05/1990"_s << unknown << u"1990-05-05"_s << false << QString();
        // Honest: both readings are real dates and nothing says which.
        QTest::newRow("ambiguous")
            << u"03/04/1990"_s << unknown << u"1990-03-04"_s << true << u"1990-04-03"_s;
        QTest::newRow("ambiguous, column is day first")
            << u"03/04/1990"_s << int(DateOrder::DayFirst) << u"1990-04-03"_s << false << QString();
        QTest::newRow("ambiguous, column is month first")
            << u"03/04/1990"_s << int(DateOrder::MonthFirst) << u"1990-03-04"_s << false
            << QString();
        QTest::newRow("impossible")
            << u"31/02/1990"_s << unknown << QString() << false << QString();
        QTest::newRow("garbage") << u"unknown"_s << unknown << QString() << false << QString();
    }
    void date()
    {
        QFETCH(QString, input);
        QFETCH(int, order);
        QFETCH(QString, iso);
        QFETCH(bool, ambiguous);
        QFETCH(QString, otherReading);
        const NormalizedDate d = parseDate(input, DateOrder(order), 2025);
        QCOMPARE(d.iso(), iso);
        QCOMPARE(d.ambiguous, ambiguous);
        if (ambiguous) {
            const NormalizedDate other { d.year, d.altMonth, d.altDay, false, 0, 0 };
            QCOMPARE(other.iso(), otherReading);
        }
    }

    void dateOrderFromColumn()
    {
        QCOMPARE(detectDateOrder({ u"03/04/1990"_s, u"24/06/1971"_s, u"1980-01-01"_s }),
                 DateOrder::DayFirst);
        QCOMPARE(detectDateOrder({ u"03/04/1990"_s, u"6/24/1971"_s }), DateOrder::MonthFirst);
        QCOMPARE(detectDateOrder({ u"03/04/1990"_s, u"6/24/1971"_s, u"24/06/1971"_s }),
                 DateOrder::Unknown);
        QCOMPARE(detectDateOrder({ u"03/04/1990"_s }), DateOrder::Unknown);
    }

    void stringMetrics()
    {
        QVERIFY(qAbs(jaroWinkler(u"martha"_s, u"marhta"_s) - 0.9611) < 0.001);
        QCOMPARE(jaroWinkler(u"abc"_s, u"xyz"_s), 0.0);
        QCOMPARE(editDistance(u"kitten"_s, u"sitting"_s, 5), 3);
        QCOMPARE(editDistance(u"ca"_s, u"ac"_s, 3), 1); // a swap of neighbours is one edit
        QCOMPARE(editDistance(u"kitten"_s, u"sitting"_s, 1), 2); // bounded: "more than 1"
        QCOMPARE(soundex(u"robert"_s), u"r163"_s);
        QCOMPARE(soundex(u"rupert"_s), u"r163"_s);
        QCOMPARE(soundex(u"ashcraft"_s), u"a261"_s);
    }
};

QTEST_GUILESS_MAIN(TestNormalize)
#include "tst_normalize.moc"
