// Table test: every amount-like JSON number in the QuickBooks fixtures reads
// back, through QJsonDocument's doubles and Decimal, as exactly the decimal
// text written in the file.

#include "qbotestutil.h"

#include "domain/decimal.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using Concord::Domain::Decimal;
using Concord::Domain::Money;
using Concord::Test::Qbo::qboFixture;

namespace {

const QStringList kAmountKeys = { u"Amount"_s,       u"TotalAmt"_s,       u"Balance"_s,
                                  u"UnitPrice"_s,    u"Deposit"_s,        u"UnappliedAmt"_s,
                                  u"RemainingCredit"_s, u"TotalTax"_s,    u"NetAmountTaxable"_s,
                                  u"BalanceWithJobs"_s, u"PurchaseCost"_s, u"Qty"_s,
                                  u"QtyOnHand"_s,    u"DiscountPercent"_s, u"TaxPercent"_s };

// key → minor units (USD scale for amounts, 10^-9 for the others) as found.
using Tally = QMap<QString, QList<qint64>>;

qint64 units(const Decimal &d)
{
    // Scale 9 is exact for every Decimal.
    return d.mantissa() * qint64(std::pow(10, 9 - d.scale()));
}

void walk(const QJsonValue &value, const QString &key, Tally &tally, QStringList &problems)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            walk(it.value(), it.key(), tally, problems);
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (const QJsonValue &v : a)
            walk(v, key, tally, problems);
    } else if (value.isDouble() && kAmountKeys.contains(key)) {
        auto d = Decimal::fromJson(value, key);
        if (!d) {
            problems.append(d.error().message);
            return;
        }
        tally[key].append(units(*d));
    }
}

} // namespace

class TestQboAmounts : public QObject
{
    Q_OBJECT

private slots:
    void amountsAreExact_data();
    void amountsAreExact();
};

void TestQboAmounts::amountsAreExact_data()
{
    QTest::addColumn<QString>("relative");
    const QString root = Concord::Test::fixturePath(u"quickbooks"_s);
    QDirIterator it(root, { u"*.json"_s }, QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext()) {
        const QString relative = QDir(root).relativeFilePath(it.next());
        if (!relative.startsWith(u"oauth/"_s))
            files.append(relative);
    }
    files.sort();
    for (const QString &f : std::as_const(files))
        QTest::newRow(qPrintable(f)) << f;
}

void TestQboAmounts::amountsAreExact()
{
    QFETCH(QString, relative);
    const QByteArray raw = Concord::Test::readFixture(qboFixture(relative));
    const QString text = QString::fromUtf8(raw);

    // What the file says, read as text: "Key": <number>.
    static const QRegularExpression number(uR"re("([A-Za-z]+)"\s*:\s*(-?\d+(?:\.\d+)?)(?=\s*[,}\]]))re"_s);
    Tally fromText;
    auto matches = number.globalMatch(text);
    while (matches.hasNext()) {
        const auto m = matches.next();
        if (!kAmountKeys.contains(m.captured(1)))
            continue;
        auto d = Decimal::parse(m.captured(2));
        QVERIFY_OK(d);
        fromText[m.captured(1)].append(units(*d));
        // Amounts in the fixtures are USD: each must convert exactly.
        if (m.captured(1) != u"Qty"_s && m.captured(1) != u"UnitPrice"_s && m.captured(1) != u"QtyOnHand"_s
            && m.captured(1) != u"PurchaseCost"_s && !m.captured(1).endsWith(u"Percent"_s)) {
            auto money = d->toMoney(u"USD"_s, m.captured(1));
            QVERIFY_OK(money);
            auto direct = Money::parse(m.captured(2), u"USD"_s);
            QVERIFY_OK(direct);
            QCOMPARE(money->minorUnits(), direct->minorUnits());
        }
    }

    // What the JSON parser (doubles) gives, through Decimal::fromJson.
    Tally fromJson;
    QStringList problems;
    walk(QJsonDocument::fromJson(raw).isArray() ? QJsonValue(QJsonDocument::fromJson(raw).array())
                                                : QJsonValue(QJsonDocument::fromJson(raw).object()),
         QString(), fromJson, problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));

    for (auto it = fromText.begin(); it != fromText.end(); ++it)
        std::sort(it->begin(), it->end());
    for (auto it = fromJson.begin(); it != fromJson.end(); ++it)
        std::sort(it->begin(), it->end());
    QCOMPARE(fromJson, fromText);
}

QTEST_GUILESS_MAIN(TestQboAmounts)
#include "tst_qboamounts.moc"
