#include "domain/money.h"

#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using Concord::ErrorCode;
using Concord::Domain::Money;
using Concord::Domain::Rounding;

Q_DECLARE_METATYPE(Concord::Domain::Rounding)

namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

Money money(qint64 minor, const QString &currency = u"USD"_s)
{
    auto m = Money::fromMinor(minor, currency);
    Q_ASSERT(m.has_value()); // test inputs only
    return *m;
}

} // namespace

class TestMoney : public QObject {
    Q_OBJECT

private slots:
    void fromMinor_data();
    void fromMinor();
    void zeroWithBadCurrencyIsPlaceholder();

    void minorDigits_data();
    void minorDigits();

    void parse_data();
    void parse();
    void parseErrors_data();
    void parseErrors();
    void parseRejectsBadCurrency();

    void addSubtract_data();
    void addSubtract();
    void currencyMismatch_data();
    void currencyMismatch();
    void negated_data();
    void negated();

    void multiply_data();
    void multiply();
    void multiplyErrors_data();
    void multiplyErrors();

    void allocate_data();
    void allocate();
    void allocateErrors_data();
    void allocateErrors();

    void toStrings_data();
    void toStrings();
    void decimalRoundTrip_data();
    void decimalRoundTrip();

    void format_data();
    void format();

    void compare_data();
    void compare();
};

void TestMoney::fromMinor_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<bool>("valid");

    QTest::newRow("USD") << u"USD"_s << true;
    QTest::newRow("JPY") << u"JPY"_s << true;
    QTest::newRow("unknown but well-formed") << u"XYZ"_s << true;
    QTest::newRow("lower case") << u"usd"_s << false;
    QTest::newRow("mixed case") << u"Usd"_s << false;
    QTest::newRow("two letters") << u"US"_s << false;
    QTest::newRow("four letters") << u"USDX"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("digit") << u"U5D"_s << false;
    QTest::newRow("padded") << u" USD"_s << false;
    QTest::newRow("non-ASCII letter") << u"\u00DCSD"_s << false;
    QTest::newRow("symbol") << u"$"_s << false;
}

void TestMoney::fromMinor()
{
    QFETCH(QString, currency);
    QFETCH(bool, valid);

    const auto m = Money::fromMinor(6500, currency);
    QCOMPARE(m.has_value(), valid);
    if (valid) {
        QCOMPARE(m->minorUnits(), 6500);
        QCOMPARE(m->currency(), currency);
        QVERIFY(m->isValid());
    } else {
        QCOMPARE(m.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(m.error().message.contains(u"'%1'"_s.arg(currency)),
                 qPrintable(m.error().message));
    }
}

void TestMoney::zeroWithBadCurrencyIsPlaceholder()
{
    QVERIFY(Money::zero(u"EUR"_s).isValid());
    QVERIFY(Money::zero(u"EUR"_s).isZero());
    QCOMPARE(Money::zero(u"EUR"_s).currency(), u"EUR"_s);

    const Money bad = Money::zero(u"eur"_s);
    QVERIFY(!bad.isValid());
    QVERIFY(!Money().isValid());
    // A placeholder never joins arithmetic silently.
    QVERIFY(!bad.add(Money::zero(u"EUR"_s)).has_value());
    QVERIFY(!Money().add(Money()).has_value());
}

void TestMoney::minorDigits_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<int>("digits");

    QTest::newRow("USD") << u"USD"_s << 2;
    QTest::newRow("CAD") << u"CAD"_s << 2;
    QTest::newRow("EUR") << u"EUR"_s << 2;
    QTest::newRow("GBP") << u"GBP"_s << 2;
    QTest::newRow("AUD") << u"AUD"_s << 2;
    QTest::newRow("CHF") << u"CHF"_s << 2;
    QTest::newRow("JPY") << u"JPY"_s << 0;
    QTest::newRow("KRW") << u"KRW"_s << 0;
    QTest::newRow("CLP") << u"CLP"_s << 0;
    QTest::newRow("BHD") << u"BHD"_s << 3;
    QTest::newRow("KWD") << u"KWD"_s << 3;
    QTest::newRow("JOD") << u"JOD"_s << 3;
    QTest::newRow("OMR") << u"OMR"_s << 3;
    QTest::newRow("TND") << u"TND"_s << 3;
    QTest::newRow("CLF") << u"CLF"_s << 4;
    QTest::newRow("unknown defaults to 2") << u"XYZ"_s << 2;
    QTest::newRow("malformed defaults to 2") << u"jpy"_s << 2;
}

void TestMoney::minorDigits()
{
    QFETCH(QString, currency);
    QFETCH(int, digits);
    QCOMPARE(Money::minorDigits(currency), digits);
}

void TestMoney::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("minor");

    const QString usd = u"USD"_s;
    QTest::newRow("integer") << u"65"_s << usd << qint64(6500);
    QTest::newRow("one fraction digit") << u"65.5"_s << usd << qint64(6550);
    QTest::newRow("two fraction digits") << u"65.00"_s << usd << qint64(6500);
    QTest::newRow("negative") << u"-1234.56"_s << usd << qint64(-123456);
    QTest::newRow("explicit plus") << u"+65"_s << usd << qint64(6500);
    QTest::newRow("thousands") << u"1,234.56"_s << usd << qint64(123456);
    QTest::newRow("millions") << u"1,234,567.89"_s << usd << qint64(123456789);
    QTest::newRow("negative thousands") << u"-1,000"_s << usd << qint64(-100000);
    QTest::newRow("trimmed spaces") << u" 65.00 "_s << usd << qint64(6500);
    QTest::newRow("trimmed tab and newline") << u"\t65.00\n"_s << usd << qint64(6500);
    QTest::newRow("extra zero digits") << u"65.000"_s << usd << qint64(6500);
    QTest::newRow("many extra zeros") << u"65.1000000000"_s << usd << qint64(6510);
    QTest::newRow("leading zeros") << u"00065.10"_s << usd << qint64(6510);
    QTest::newRow("one cent") << u"0.01"_s << usd << qint64(1);
    QTest::newRow("negative zero") << u"-0.00"_s << usd << qint64(0);
    QTest::newRow("zero") << u"0"_s << usd << qint64(0);
    QTest::newRow("JPY integer") << u"1200"_s << u"JPY"_s << qint64(1200);
    QTest::newRow("JPY thousands") << u"1,200"_s << u"JPY"_s << qint64(1200);
    QTest::newRow("JPY zero fraction") << u"1200.00"_s << u"JPY"_s << qint64(1200);
    QTest::newRow("BHD three digits") << u"1.234"_s << u"BHD"_s << qint64(1234);
    QTest::newRow("BHD one digit") << u"12.5"_s << u"BHD"_s << qint64(12500);
    QTest::newRow("INT64 max cents") << u"92233720368547758.07"_s << usd << kMax;
    QTest::newRow("INT64 min cents") << u"-92233720368547758.08"_s << usd << kMin;
    QTest::newRow("INT64 max grouped") << u"92,233,720,368,547,758.07"_s << usd << kMax;
    QTest::newRow("INT64 max yen") << u"9223372036854775807"_s << u"JPY"_s << kMax;
    QTest::newRow("INT64 min yen") << u"-9223372036854775808"_s << u"JPY"_s << kMin;
}

void TestMoney::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, currency);
    QFETCH(qint64, minor);

    const auto m = Money::parse(text, currency);
    QVERIFY2(m.has_value(), qPrintable(m ? QString() : m.error().message));
    QCOMPARE(m->minorUnits(), minor);
    QCOMPARE(m->currency(), currency);
}

void TestMoney::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("reason");

    const QString usd = u"USD"_s;
    QTest::newRow("rounding needed") << u"65.005"_s << usd << u"USD has only 2 decimal digits"_s;
    QTest::newRow("yen fraction") << u"1.5"_s << u"JPY"_s << u"JPY has no minor unit"_s;
    QTest::newRow("BHD fourth digit")
        << u"1.2345"_s << u"BHD"_s << u"BHD has only 3 decimal digits"_s;
    QTest::newRow("exponent") << u"1e5"_s << usd << u"exponents are not allowed"_s;
    QTest::newRow("upper exponent") << u"6.5E1"_s << usd << u"exponents are not allowed"_s;
    QTest::newRow("NaN") << u"NaN"_s << usd << u"unexpected character 'N'"_s;
    QTest::newRow("inf") << u"inf"_s << usd << u"unexpected character 'i'"_s;
    QTest::newRow("negative infinity") << u"-Infinity"_s << usd << u"unexpected character 'I'"_s;
    QTest::newRow("word") << u"sixty"_s << usd << u"unexpected character 's'"_s;
    QTest::newRow("currency symbol") << u"$65.00"_s << usd << u"unexpected character '$'"_s;
    QTest::newRow("currency code") << u"65.00 USD"_s << usd << u"unexpected character ' '"_s;
    QTest::newRow("hex") << u"0x41"_s << usd << u"unexpected character 'x'"_s;
    QTest::newRow("double sign") << u"--5"_s << usd << u"unexpected character '-'"_s;
    QTest::newRow("trailing minus") << u"5-"_s << usd << u"unexpected character '-'"_s;
    QTest::newRow("inner space") << u"1 234.56"_s << usd << u"unexpected character ' '"_s;
    QTest::newRow("Arabic-Indic digits") << u"\u0666\u0665"_s << usd << u"unexpected character"_s;
    QTest::newRow("full-width digits") << u"\uFF16\uFF15"_s << usd << u"unexpected character"_s;
    QTest::newRow("two dots") << u"1.2.3"_s << usd << u"more than one decimal point"_s;
    QTest::newRow("short group") << u"1,23.4"_s << usd << u"misplaced thousands separator"_s;
    QTest::newRow("decimal comma") << u"65,00"_s << usd << u"misplaced thousands separator"_s;
    QTest::newRow("long first group") << u"1234,567"_s << usd << u"misplaced thousands separator"_s;
    QTest::newRow("leading comma") << u",123"_s << usd << u"misplaced thousands separator"_s;
    QTest::newRow("double comma") << u"1,,234"_s << usd << u"misplaced thousands separator"_s;
    QTest::newRow("trailing comma") << u"1,234,"_s << usd << u"misplaced thousands separator"_s;
    QTest::newRow("comma in fraction")
        << u"1,234.5,6"_s << usd << u"thousands separator after the decimal point"_s;
    QTest::newRow("empty") << QString() << usd << u"the text is empty"_s;
    QTest::newRow("blank") << u"   "_s << usd << u"the text is empty"_s;
    QTest::newRow("sign only") << u"-"_s << usd << u"there are no digits"_s;
    QTest::newRow("trailing dot") << u"65."_s << usd << u"no digits after the decimal point"_s;
    QTest::newRow("leading dot") << u".5"_s << usd << u"no digits before the decimal point"_s;
    QTest::newRow("one past INT64 max")
        << u"92233720368547758.08"_s << usd << u"the amount is too large"_s;
    QTest::newRow("one past INT64 min")
        << u"-92233720368547758.09"_s << usd << u"the amount is too large"_s;
    QTest::newRow("one past INT64 max yen")
        << u"9223372036854775808"_s << u"JPY"_s << u"the amount is too large"_s;
    QTest::newRow("absurdly long")
        << u"99999999999999999999999999999999999999999.99"_s << usd << u"the amount is too large"_s;
}

void TestMoney::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, currency);
    QFETCH(QString, reason);

    const auto m = Money::parse(text, currency);
    QVERIFY(!m.has_value());
    QCOMPARE(m.error().code, ErrorCode::InvalidArgument);
    const QString expectedStart = u"cannot read '%1' as an amount of %2: "_s.arg(text, currency);
    QVERIFY2(m.error().message.startsWith(expectedStart), qPrintable(m.error().message));
    QVERIFY2(m.error().message.contains(reason), qPrintable(m.error().message));
}

void TestMoney::parseRejectsBadCurrency()
{
    const auto m = Money::parse(u"65.00", u"usd"_s);
    QVERIFY(!m.has_value());
    QCOMPARE(m.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(m.error().message.contains(u"'usd'"_s), qPrintable(m.error().message));
}

void TestMoney::addSubtract_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<bool>("sumOk");
    QTest::addColumn<qint64>("sum");
    QTest::addColumn<bool>("differenceOk");
    QTest::addColumn<qint64>("difference");

    QTest::newRow("plain") << qint64(6500) << qint64(1250) << true << qint64(7750) << true
                           << qint64(5250);
    QTest::newRow("negative result")
        << qint64(100) << qint64(250) << true << qint64(350) << true << qint64(-150);
    QTest::newRow("max plus zero") << kMax << qint64(0) << true << kMax << true << kMax;
    QTest::newRow("max plus one") << kMax << qint64(1) << false << qint64(0) << true << kMax - 1;
    QTest::newRow("min minus one") << kMin << qint64(1) << true << kMin + 1 << false << qint64(0);
    QTest::newRow("min plus max") << kMin << kMax << true << qint64(-1) << false << qint64(0);
    QTest::newRow("zero minus min") << qint64(0) << kMin << true << kMin << false << qint64(0);
    QTest::newRow("max minus min") << kMax << kMin << true << qint64(-1) << false << qint64(0);
    QTest::newRow("min plus min") << kMin << kMin << false << qint64(0) << true << qint64(0);
}

void TestMoney::addSubtract()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(bool, sumOk);
    QFETCH(qint64, sum);
    QFETCH(bool, differenceOk);
    QFETCH(qint64, difference);

    const auto s = money(a).add(money(b));
    QCOMPARE(s.has_value(), sumOk);
    if (sumOk) {
        QCOMPARE(s->minorUnits(), sum);
        QCOMPARE(s->currency(), u"USD"_s);
    } else {
        QCOMPARE(s.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(s.error().message.contains(u"overflows"_s), qPrintable(s.error().message));
    }

    const auto d = money(a).subtract(money(b));
    QCOMPARE(d.has_value(), differenceOk);
    if (differenceOk) {
        QCOMPARE(d->minorUnits(), difference);
    } else {
        QCOMPARE(d.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(d.error().message.contains(u"overflows"_s), qPrintable(d.error().message));
    }
}

void TestMoney::currencyMismatch_data()
{
    QTest::addColumn<Money>("a");
    QTest::addColumn<Money>("b");
    QTest::addColumn<QString>("addMessage");
    QTest::addColumn<QString>("subtractMessage");

    QTest::newRow("USD and EUR")
        << money(6500) << money(500, u"EUR"_s)
        << u"cannot add 5.00 EUR to 65.00 USD: the currencies differ"_s
        << u"cannot subtract 5.00 EUR from 65.00 USD: the currencies differ"_s;
    QTest::newRow("JPY and USD, both zero")
        << Money::zero(u"JPY"_s) << Money::zero(u"USD"_s)
        << u"cannot add 0.00 USD to 0 JPY: the currencies differ"_s
        << u"cannot subtract 0.00 USD from 0 JPY: the currencies differ"_s;
    QTest::newRow("placeholder")
        << Money() << money(100) << u"cannot add 1.00 USD to 0.00: an amount has no currency"_s
        << u"cannot subtract 1.00 USD from 0.00: an amount has no currency"_s;
}

void TestMoney::currencyMismatch()
{
    QFETCH(Money, a);
    QFETCH(Money, b);
    QFETCH(QString, addMessage);
    QFETCH(QString, subtractMessage);

    const auto s = a.add(b);
    QVERIFY(!s.has_value());
    QCOMPARE(s.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(s.error().message, addMessage);

    const auto d = a.subtract(b);
    QVERIFY(!d.has_value());
    QCOMPARE(d.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(d.error().message, subtractMessage);
}

void TestMoney::negated_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<qint64>("negated");

    QTest::newRow("positive") << qint64(6500) << qint64(-6500);
    QTest::newRow("negative") << qint64(-5) << qint64(5);
    QTest::newRow("zero") << qint64(0) << qint64(0);
    QTest::newRow("max") << kMax << kMin + 1;
    // The one value without a negation saturates instead of overflowing.
    QTest::newRow("min saturates") << kMin << kMax;
}

void TestMoney::negated()
{
    QFETCH(qint64, minor);
    QFETCH(qint64, negated);
    const Money n = money(minor, u"GBP"_s).negated();
    QCOMPARE(n.minorUnits(), negated);
    QCOMPARE(n.currency(), u"GBP"_s);
}

void TestMoney::multiply_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<qint64>("numerator");
    QTest::addColumn<qint64>("denominator");
    QTest::addColumn<Rounding>("rounding");
    QTest::addColumn<qint64>("expected");

    const auto even = Rounding::HalfEven;
    const auto up = Rounding::HalfUp;
    const auto down = Rounding::Down;

    QTest::newRow("65.00 x 1.5 h")
        << qint64(6500) << qint64(3) << qint64(2) << even << qint64(9750);
    QTest::newRow("65.00 x 1500 milli")
        << qint64(6500) << qint64(1500) << qint64(1000) << even << qint64(9750);
    QTest::newRow("times zero") << qint64(6500) << qint64(0) << qint64(7) << even << qint64(0);
    QTest::newRow("negative numerator")
        << qint64(6500) << qint64(-1) << qint64(1) << even << qint64(-6500);

    // Exactly half a cent: only .5 separates the three roundings.
    QTest::newRow("2.5 half-even") << qint64(5) << qint64(1) << qint64(2) << even << qint64(2);
    QTest::newRow("2.5 half-up") << qint64(5) << qint64(1) << qint64(2) << up << qint64(3);
    QTest::newRow("2.5 down") << qint64(5) << qint64(1) << qint64(2) << down << qint64(2);
    QTest::newRow("7.5 half-even") << qint64(15) << qint64(1) << qint64(2) << even << qint64(8);
    QTest::newRow("7.5 half-up") << qint64(15) << qint64(1) << qint64(2) << up << qint64(8);
    QTest::newRow("7.5 down") << qint64(15) << qint64(1) << qint64(2) << down << qint64(7);
    QTest::newRow("-2.5 half-even") << qint64(-5) << qint64(1) << qint64(2) << even << qint64(-2);
    QTest::newRow("-2.5 half-up") << qint64(-5) << qint64(1) << qint64(2) << up << qint64(-3);
    QTest::newRow("-2.5 down") << qint64(-5) << qint64(1) << qint64(2) << down << qint64(-2);
    QTest::newRow("-7.5 half-even") << qint64(-15) << qint64(1) << qint64(2) << even << qint64(-8);
    QTest::newRow("-7.5 half-up") << qint64(-15) << qint64(1) << qint64(2) << up << qint64(-8);
    QTest::newRow("-7.5 down") << qint64(-15) << qint64(1) << qint64(2) << down << qint64(-7);
    QTest::newRow("2.5 via negative numerator half-even")
        << qint64(5) << qint64(-1) << qint64(2) << even << qint64(-2);
    QTest::newRow("2.5 via negative numerator half-up")
        << qint64(5) << qint64(-1) << qint64(2) << up << qint64(-3);

    // Not a tie: all roundings but Down go to the nearest.
    QTest::newRow("3.33 half-even") << qint64(10) << qint64(1) << qint64(3) << even << qint64(3);
    QTest::newRow("3.33 half-up") << qint64(10) << qint64(1) << qint64(3) << up << qint64(3);
    QTest::newRow("6.67 half-even") << qint64(20) << qint64(1) << qint64(3) << even << qint64(7);
    QTest::newRow("6.67 half-up") << qint64(20) << qint64(1) << qint64(3) << up << qint64(7);
    QTest::newRow("6.67 down") << qint64(20) << qint64(1) << qint64(3) << down << qint64(6);
    QTest::newRow("-6.67 down") << qint64(-20) << qint64(1) << qint64(3) << down << qint64(-6);
    QTest::newRow("10% of 0.25 half-even")
        << qint64(25) << qint64(1000) << qint64(10000) << even << qint64(2);
    QTest::newRow("10% of 0.35 half-even")
        << qint64(35) << qint64(1000) << qint64(10000) << even << qint64(4);

    // The 64-bit product overflows but the result fits: exact via 128 bits.
    QTest::newRow("max x 3/3") << kMax << qint64(3) << qint64(3) << even << kMax;
    QTest::newRow("max x max/max") << kMax << kMax << kMax << even << kMax;
    QTest::newRow("min x 2/2") << kMin << qint64(2) << qint64(2) << even << kMin;
    QTest::newRow("max x 1/2 half-even")
        << kMax << qint64(1) << qint64(2) << even << qint64(4611686018427387904);
    QTest::newRow("max x 1/2 down")
        << kMax << qint64(1) << qint64(2) << down << qint64(4611686018427387903);
}

void TestMoney::multiply()
{
    QFETCH(qint64, minor);
    QFETCH(qint64, numerator);
    QFETCH(qint64, denominator);
    QFETCH(Rounding, rounding);
    QFETCH(qint64, expected);

    const auto m = money(minor, u"CAD"_s).multiply(numerator, denominator, rounding);
    QVERIFY2(m.has_value(), qPrintable(m ? QString() : m.error().message));
    QCOMPARE(m->minorUnits(), expected);
    QCOMPARE(m->currency(), u"CAD"_s);
}

void TestMoney::multiplyErrors_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<qint64>("numerator");
    QTest::addColumn<qint64>("denominator");
    QTest::addColumn<QString>("reason");

    QTest::newRow("zero denominator")
        << qint64(100) << qint64(1) << qint64(0) << u"the denominator must be positive"_s;
    QTest::newRow("negative denominator")
        << qint64(100) << qint64(1) << qint64(-2) << u"the denominator must be positive"_s;
    QTest::newRow("max x 2") << kMax << qint64(2) << qint64(1) << u"overflows"_s;
    QTest::newRow("min x -1") << kMin << qint64(-1) << qint64(1) << u"overflows"_s;
    QTest::newRow("min x min") << kMin << kMin << qint64(1) << u"overflows"_s;
    QTest::newRow("max x 3/2 rounds past max") << kMax << qint64(3) << qint64(2) << u"overflows"_s;
}

void TestMoney::multiplyErrors()
{
    QFETCH(qint64, minor);
    QFETCH(qint64, numerator);
    QFETCH(qint64, denominator);
    QFETCH(QString, reason);

    const auto m = money(minor).multiply(numerator, denominator);
    QVERIFY(!m.has_value());
    QCOMPARE(m.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(m.error().message.contains(reason), qPrintable(m.error().message));
}

void TestMoney::allocate_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QList<qint64>>("weights");
    QTest::addColumn<QList<qint64>>("expected");

    const QString usd = u"USD"_s;
    QTest::newRow("100.00 into 3")
        << qint64(10000) << usd << QList<qint64> { 1, 1, 1 } << QList<qint64> { 3334, 3333, 3333 };
    QTest::newRow("-100.00 into 3") << qint64(-10000) << usd << QList<qint64> { 1, 1, 1 }
                                    << QList<qint64> { -3334, -3333, -3333 };
    QTest::newRow("1.00 into 3") << qint64(100) << usd << QList<qint64> { 1, 1, 1 }
                                 << QList<qint64> { 34, 33, 33 };
    QTest::newRow("0.02 into 3") << qint64(2) << usd << QList<qint64> { 1, 1, 1 }
                                 << QList<qint64> { 1, 1, 0 };
    QTest::newRow("tie goes to earlier part")
        << qint64(5) << usd << QList<qint64> { 3, 7 } << QList<qint64> { 2, 3 };
    QTest::newRow("largest remainder wins")
        << qint64(101) << usd << QList<qint64> { 20, 30, 50 } << QList<qint64> { 20, 30, 51 };
    QTest::newRow("30/70 deposit split")
        << qint64(12345) << usd << QList<qint64> { 3000, 7000 } << QList<qint64> { 3704, 8641 };
    QTest::newRow("zero weight gets nothing")
        << qint64(1000) << usd << QList<qint64> { 0, 1, 0 } << QList<qint64> { 0, 1000, 0 };
    QTest::newRow("zero amount") << qint64(0) << usd << QList<qint64> { 1, 2 }
                                 << QList<qint64> { 0, 0 };
    QTest::newRow("single part") << qint64(999) << usd << QList<qint64> { 5 }
                                 << QList<qint64> { 999 };
    QTest::newRow("yen into 3") << qint64(1000) << u"JPY"_s << QList<qint64> { 1, 1, 1 }
                                << QList<qint64> { 334, 333, 333 };
    QTest::newRow("dinar into 4") << qint64(10000) << u"BHD"_s << QList<qint64> { 1, 1, 1, 1 }
                                  << QList<qint64> { 2500, 2500, 2500, 2500 };
    QTest::newRow("INT64 max halves") << kMax << usd << QList<qint64> { 1, 1 }
                                      << QList<qint64> { 4611686018427387904, 4611686018427387903 };
    QTest::newRow("INT64 min halves")
        << kMin << usd << QList<qint64> { 1, 1 }
        << QList<qint64> { -4611686018427387904, -4611686018427387904 };
    QTest::newRow("huge weights") << qint64(1) << usd << QList<qint64> { kMax, kMax }
                                  << QList<qint64> { 1, 0 };
    QTest::newRow("max over huge weights")
        << kMax << usd << QList<qint64> { kMax, 1 } << QList<qint64> { kMax - 1, 1 };
}

void TestMoney::allocate()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QList<qint64>, weights);
    QFETCH(QList<qint64>, expected);

    const auto parts = money(minor, currency).allocate(weights);
    QVERIFY2(parts.has_value(), qPrintable(parts ? QString() : parts.error().message));
    QList<qint64> got;
    Money total = Money::zero(currency);
    for (const Money &part : *parts) {
        QCOMPARE(part.currency(), currency);
        got.append(part.minorUnits());
        total = *total.add(part);
    }
    QCOMPARE(got, expected);
    // The parts always add up to the whole, to the minor unit.
    QCOMPARE(total.minorUnits(), minor);
}

void TestMoney::allocateErrors_data()
{
    QTest::addColumn<QList<qint64>>("weights");
    QTest::addColumn<QString>("message");

    QTest::newRow("no parts") << QList<qint64> {} << u"cannot split 100.00 USD into no parts"_s;
    QTest::newRow("negative weight")
        << QList<qint64> { 1, -1 } << u"cannot split 100.00 USD by a negative weight (-1)"_s;
    QTest::newRow("all zero") << QList<qint64> { 0, 0 }
                              << u"cannot split 100.00 USD: all weights are zero"_s;
}

void TestMoney::allocateErrors()
{
    QFETCH(QList<qint64>, weights);
    QFETCH(QString, message);

    const auto parts = money(10000).allocate(weights);
    QVERIFY(!parts.has_value());
    QCOMPARE(parts.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(parts.error().message, message);
}

void TestMoney::toStrings_data()
{
    QTest::addColumn<Money>("amount");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QString>("decimal");

    QTest::newRow("dollars") << money(6500) << u"65.00 USD"_s << u"65.00"_s;
    QTest::newRow("negative cents") << money(-5) << u"-0.05 USD"_s << u"-0.05"_s;
    QTest::newRow("zero euro") << Money::zero(u"EUR"_s) << u"0.00 EUR"_s << u"0.00"_s;
    QTest::newRow("yen") << money(1200, u"JPY"_s) << u"1200 JPY"_s << u"1200"_s;
    QTest::newRow("negative yen") << money(-1200, u"JPY"_s) << u"-1200 JPY"_s << u"-1200"_s;
    QTest::newRow("dinar") << money(1234, u"BHD"_s) << u"1.234 BHD"_s << u"1.234"_s;
    QTest::newRow("negative fils") << money(-1, u"BHD"_s) << u"-0.001 BHD"_s << u"-0.001"_s;
    QTest::newRow("four digits") << money(5, u"CLF"_s) << u"0.0005 CLF"_s << u"0.0005"_s;
    QTest::newRow("INT64 max") << money(kMax) << u"92233720368547758.07 USD"_s
                               << u"92233720368547758.07"_s;
    QTest::newRow("INT64 min") << money(kMin) << u"-92233720368547758.08 USD"_s
                               << u"-92233720368547758.08"_s;
    QTest::newRow("placeholder") << Money() << u"0.00"_s << u"0.00"_s;
}

void TestMoney::toStrings()
{
    QFETCH(Money, amount);
    QFETCH(QString, canonical);
    QFETCH(QString, decimal);

    QCOMPARE(amount.toString(), canonical);
    QCOMPARE(amount.toDecimalString(), decimal);
}

void TestMoney::decimalRoundTrip_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");

    for (const QString &currency : { u"USD"_s, u"JPY"_s, u"BHD"_s }) {
        for (qint64 minor :
             { qint64(0), qint64(1), qint64(-1), qint64(6500), qint64(-123456789), kMax, kMin }) {
            QTest::addRow("%s %lld", qPrintable(currency), static_cast<long long>(minor))
                << minor << currency;
        }
    }
}

void TestMoney::decimalRoundTrip()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);

    const Money original = money(minor, currency);
    const auto back = Money::parse(original.toDecimalString(), currency);
    QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error().message));
    QCOMPARE(back->minorUnits(), minor);
    QVERIFY(*back == original);
}

void TestMoney::format_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<Money>("amount");
    QTest::addColumn<QString>("expected");

    // Strings are what Qt 6.4's CLDR data gives: en_US and fr_FR show negative
    // amounts in accounting parentheses; fr_FR groups with U+202F (narrow
    // no-break space) and puts U+00A0 before the symbol. A currency that is not
    // the locale's own shows its ISO code, kept off the digits by U+00A0.
    const QString us = u"en_US"_s;
    const QString fr = u"fr_FR"_s;
    QTest::newRow("en_US USD") << us << money(123456) << u"$1,234.56"_s;
    QTest::newRow("en_US USD negative") << us << money(-123456) << u"($1,234.56)"_s;
    QTest::newRow("en_US USD cents") << us << money(5) << u"$0.05"_s;
    QTest::newRow("en_US USD INT64 max") << us << money(kMax) << u"$92,233,720,368,547,758.07"_s;
    QTest::newRow("en_US USD INT64 min") << us << money(kMin) << u"($92,233,720,368,547,758.08)"_s;
    QTest::newRow("en_US EUR") << us << money(6500, u"EUR"_s) << u"EUR\u00A065.00"_s;
    QTest::newRow("en_US JPY") << us << money(1200, u"JPY"_s) << u"JPY\u00A01,200"_s;
    QTest::newRow("en_US BHD") << us << money(-1234, u"BHD"_s) << u"(BHD\u00A01.234)"_s;

    QTest::newRow("fr_FR EUR") << fr << money(123456, u"EUR"_s) << u"1\u202F234,56\u00A0\u20AC"_s;
    QTest::newRow("fr_FR EUR negative")
        << fr << money(-123456, u"EUR"_s) << u"(1\u202F234,56\u00A0\u20AC)"_s;
    QTest::newRow("fr_FR EUR INT64 max")
        << fr << money(kMax, u"EUR"_s)
        << u"92\u202F233\u202F720\u202F368\u202F547\u202F758,07\u00A0\u20AC"_s;
    QTest::newRow("fr_FR USD") << fr << money(6500) << u"65,00\u00A0USD"_s;
    QTest::newRow("fr_FR JPY") << fr << money(1200, u"JPY"_s) << u"1\u202F200\u00A0JPY"_s;

    QTest::newRow("de_DE EUR negative")
        << u"de_DE"_s << money(-123456, u"EUR"_s) << u"-1.234,56\u00A0\u20AC"_s;
    QTest::newRow("en_GB GBP") << u"en_GB"_s << money(123456, u"GBP"_s) << u"\u00A31,234.56"_s;
    QTest::newRow("ja_JP JPY") << u"ja_JP"_s << money(1234567, u"JPY"_s) << u"\uFFE51,234,567"_s;
    QTest::newRow("de_CH CHF") << u"de_CH"_s << money(123456, u"CHF"_s)
                               << u"1\u2019234.56\u00A0CHF"_s;

    // The C locale (the test environment's default) has no currency format:
    // the canonical form is the honest fallback.
    QTest::newRow("C locale") << u"C"_s << money(6500) << u"65.00 USD"_s;
}

void TestMoney::format()
{
    QFETCH(QString, locale);
    QFETCH(Money, amount);
    QFETCH(QString, expected);

    QCOMPARE(amount.format(QLocale(locale)), expected);
}

void TestMoney::compare_data()
{
    QTest::addColumn<Money>("a");
    QTest::addColumn<Money>("b");
    QTest::addColumn<bool>("comparable");
    QTest::addColumn<int>("order"); // -1, 0, 1
    QTest::addColumn<bool>("equal");

    QTest::newRow("less") << money(100) << money(200) << true << -1 << false;
    QTest::newRow("equal") << money(100) << money(100) << true << 0 << true;
    QTest::newRow("greater") << money(-1) << money(kMin) << true << 1 << false;
    QTest::newRow("extremes") << money(kMin) << money(kMax) << true << -1 << false;
    QTest::newRow("same digits, other currency")
        << money(100) << money(100, u"CAD"_s) << false << 0 << false;
    QTest::newRow("zero in two currencies")
        << Money::zero(u"USD"_s) << Money::zero(u"EUR"_s) << false << 0 << false;
}

void TestMoney::compare()
{
    QFETCH(Money, a);
    QFETCH(Money, b);
    QFETCH(bool, comparable);
    QFETCH(int, order);
    QFETCH(bool, equal);

    const auto result = a.compare(b);
    QCOMPARE(result.has_value(), comparable);
    if (comparable) {
        const int got = *result < 0 ? -1 : (*result > 0 ? 1 : 0);
        QCOMPARE(got, order);
        const auto reverse = b.compare(a);
        QVERIFY(reverse.has_value());
        QCOMPARE(*reverse < 0 ? -1 : (*reverse > 0 ? 1 : 0), -order);
    }
    QCOMPARE(a == b, equal);
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
