#include "domainprinters.h"

#include "domain/decimal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using Concord::Domain::Decimal;
using Concord::Domain::Money;
using Concord::Domain::Rounding;

class TestDecimal : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void parseErrors_data();
    void parseErrors();
    void fromJsonNumber_data();
    void fromJsonNumber();
    void fromJsonRefusesInexact();
    void toJsonPrintsExactly_data();
    void toJsonPrintsExactly();
    void toMoney();
    void multiply();
    void compare();
};

void TestDecimal::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("mantissa");
    QTest::addColumn<int>("scale");
    QTest::addColumn<QString>("printed");
    QTest::newRow("int") << u"150"_s << qint64(150) << 0 << u"150"_s;
    QTest::newRow("one decimal") << u"87.5"_s << qint64(875) << 1 << u"87.5"_s;
    QTest::newRow("trailing zero kept") << u"87.50"_s << qint64(8750) << 2 << u"87.50"_s;
    QTest::newRow("negative") << u"-0.05"_s << qint64(-5) << 2 << u"-0.05"_s;
    QTest::newRow("plus, spaces") << u" +3.25 "_s << qint64(325) << 2 << u"3.25"_s;
    QTest::newRow("nine digits") << u"0.123456789"_s << qint64(123456789) << 9 << u"0.123456789"_s;
    QTest::newRow("extra zeros dropped") << u"1.50000000000"_s << qint64(1500000000) << 9 << u"1.500000000"_s;
}

void TestDecimal::parse()
{
    QFETCH(QString, text);
    QFETCH(qint64, mantissa);
    QFETCH(int, scale);
    QFETCH(QString, printed);
    auto d = Decimal::parse(text);
    QVERIFY_OK(d);
    QCOMPARE(d->mantissa(), mantissa);
    QCOMPARE(d->scale(), scale);
    QCOMPARE(d->toString(), printed);
}

void TestDecimal::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    for (const QString &t : { u""_s, u"1e5"_s, u"abc"_s, u".5"_s, u"5."_s, u"1,000"_s, u"--1"_s,
                              u"0.1234567891"_s, u"99999999999999999999"_s, u"NaN"_s })
        QTest::newRow(qPrintable(t.isEmpty() ? u"empty"_s : t)) << t;
}

void TestDecimal::parseErrors()
{
    QFETCH(QString, text);
    auto d = Decimal::parse(text);
    QVERIFY(!d);
    QCOMPARE(d.error().code, Concord::ErrorCode::InvalidArgument);
}

void TestDecimal::fromJsonNumber_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("150.0") << QByteArray("[150.0]") << u"150"_s;
    QTest::newRow("87.5") << QByteArray("[87.5]") << u"87.5"_s;
    QTest::newRow("0.1") << QByteArray("[0.1]") << u"0.1"_s;
    QTest::newRow("0.75") << QByteArray("[0.75]") << u"0.75"_s;
    QTest::newRow("337.5") << QByteArray("[337.5]") << u"337.5"_s;
    QTest::newRow("3.3367") << QByteArray("[3.3367]") << u"3.3367"_s;
    QTest::newRow("tiny") << QByteArray("[0.000001]") << u"0.000001"_s;
    QTest::newRow("15 digits") << QByteArray("[1234567890.12345]") << u"1234567890.12345"_s;
    QTest::newRow("large whole") << QByteArray("[1000000000000]") << u"1000000000000"_s;
    QTest::newRow("negative") << QByteArray("[-12.34]") << u"-12.34"_s;
    QTest::newRow("string") << QByteArray("[\"71.00\"]") << u"71.00"_s;
}

void TestDecimal::fromJsonNumber()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const QJsonValue v = QJsonDocument::fromJson(json).array().at(0);
    auto d = Decimal::fromJson(v, u"Amount"_s);
    QVERIFY_OK(d);
    QCOMPARE(d->toString(), expected);
}

void TestDecimal::fromJsonRefusesInexact()
{
    // 17 significant digits cannot have come through a double unchanged.
    const QJsonValue v = QJsonDocument::fromJson("[0.12345678901234567]").array().at(0);
    auto d = Decimal::fromJson(v, u"UnitPrice"_s);
    QVERIFY(!d);
    QVERIFY(d.error().message.contains(u"UnitPrice"_s));
    QVERIFY(!Decimal::fromJson(QJsonValue(true)));
    QVERIFY(!Decimal::fromJson(QJsonValue()));
}

void TestDecimal::toJsonPrintsExactly_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("printed");
    QTest::newRow("87.50") << u"87.50"_s << QByteArray("87.5");
    QTest::newRow("150.00") << u"150.00"_s << QByteArray("150");
    QTest::newRow("0.1") << u"0.1"_s << QByteArray("0.1");
    QTest::newRow("58.3333") << u"58.3333"_s << QByteArray("58.3333");
    QTest::newRow("-0.05") << u"-0.05"_s << QByteArray("-0.05");
    QTest::newRow("1234567.89") << u"1234567.89"_s << QByteArray("1234567.89");
}

void TestDecimal::toJsonPrintsExactly()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, printed);
    const QJsonArray array{ Decimal::parse(text)->toJson() };
    QCOMPARE(QJsonDocument(array).toJson(QJsonDocument::Compact), "[" + printed + "]");
    // And it reads back as the same number.
    auto back = Decimal::fromJson(QJsonDocument::fromJson("[" + printed + "]").array().at(0));
    QVERIFY_OK(back);
    QCOMPARE(*back, *Decimal::parse(text));
}

void TestDecimal::toMoney()
{
    QCOMPARE(Decimal::parse(u"65.5"_s)->toMoney(u"USD"_s)->minorUnits(), 6550);
    QCOMPARE(Decimal::parse(u"65.000"_s)->toMoney(u"USD"_s)->minorUnits(), 6500);
    QCOMPARE(Decimal::parse(u"1200"_s)->toMoney(u"JPY"_s)->minorUnits(), 1200);
    QCOMPARE(Decimal::parse(u"1.234"_s)->toMoney(u"BHD"_s)->minorUnits(), 1234);
    auto bad = Decimal::parse(u"65.005"_s)->toMoney(u"USD"_s, u"Line[0].Amount"_s);
    QVERIFY(!bad);
    QVERIFY(bad.error().message.contains(u"Line[0].Amount"_s));
    QVERIFY(!Decimal::parse(u"0.5"_s)->toMoney(u"JPY"_s));
    QCOMPARE(Decimal::fromMoney(*Money::fromMinor(6550, u"USD"_s)).toString(), u"65.50"_s);
}

void TestDecimal::multiply()
{
    const Decimal qty = *Decimal::parse(u"4.5"_s);
    const Decimal price = *Decimal::parse(u"75"_s);
    QCOMPARE(qty.multiplyToMoney(price, u"USD"_s)->minorUnits(), 33750);
    const Decimal third = *Decimal::parse(u"3.3333"_s);
    QCOMPARE(third.multiplyToMoney(*Decimal::parse(u"3"_s), u"USD"_s)->minorUnits(), 1000); // 9.9999 → 10.00
    QCOMPARE(third.multiplyToMoney(*Decimal::parse(u"3"_s), u"USD"_s, Rounding::Down)->minorUnits(), 999);
    QCOMPARE(Decimal::parse(u"0.125"_s)->multiplyToMoney(Decimal::fromInt(1), u"USD"_s, Rounding::HalfEven)->minorUnits(), 12);
    QCOMPARE(Decimal::parse(u"0.125"_s)->multiplyToMoney(Decimal::fromInt(1), u"USD"_s, Rounding::HalfUp)->minorUnits(), 13);
    QCOMPARE(qty.multiply(price)->toString(), u"337.5"_s);
    QVERIFY(!Decimal::parse(u"0.00001"_s)->multiply(*Decimal::parse(u"0.00001"_s)));
}

void TestDecimal::compare()
{
    QVERIFY(*Decimal::parse(u"1.50"_s) == *Decimal::parse(u"1.5"_s));
    QVERIFY(*Decimal::parse(u"-1"_s) < *Decimal::parse(u"0.001"_s));
    QVERIFY(*Decimal::parse(u"10"_s) > *Decimal::parse(u"9.999999999"_s));
    QCOMPARE(Decimal::parse(u"1.500"_s)->normalized().toString(), u"1.5"_s);
    QCOMPARE(Decimal::parse(u"0.000"_s)->normalized().toString(), u"0"_s);
    QVERIFY(!Decimal::fromParts(1, 10));
}

QTEST_GUILESS_MAIN(TestDecimal)
#include "tst_decimal.moc"
