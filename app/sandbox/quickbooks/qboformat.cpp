#include "quickbooks/qboformat.h"

#include "domain/money.h"

#include <QLocale>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

QString offsetSuffix(int offsetSecs)
{
    const int magnitude = offsetSecs < 0 ? -offsetSecs : offsetSecs;
    return u"%1%2:%3"_s.arg(QString(QChar(offsetSecs < 0 ? u'-' : u'+')))
        .arg(magnitude / 3600, 2, 10, QChar(u'0'))
        .arg((magnitude % 3600) / 60, 2, 10, QChar(u'0'));
}

// The wall-clock time at the company offset, without Qt choosing "Z" for zero.
QDateTime local(const QDateTime &utc, int offsetSecs)
{
    return utc.toUTC().addSecs(offsetSecs);
}

} // namespace

QString QboFormat::timestamp(const QDateTime &utc, int offsetSecs)
{
    return local(utc, offsetSecs).toString(u"yyyy-MM-ddTHH:mm:ss"_s) + offsetSuffix(offsetSecs);
}

QString QboFormat::envelopeTime(const QDateTime &utc, int offsetSecs)
{
    return local(utc, offsetSecs).toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + offsetSuffix(offsetSecs);
}

QString QboFormat::date(const QDateTime &utc, int offsetSecs)
{
    return local(utc, offsetSecs).toString(u"yyyy-MM-dd"_s);
}

std::optional<QDateTime> QboFormat::parseDateTime(const QString &text, int offsetSecs)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() == 10) {
        const QDate d = QDate::fromString(trimmed, Qt::ISODate);
        if (!d.isValid())
            return std::nullopt;
        return QDateTime(d, QTime(0, 0), QTimeZone(offsetSecs)).toUTC();
    }
    QDateTime dt = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(trimmed, Qt::ISODate);
    if (!dt.isValid()) {
        // "+0700" offsets (no colon), as the legacy webhook payload writes them.
        static const QString formats[] = { u"yyyy-MM-ddTHH:mm:ss.zzzt"_s, u"yyyy-MM-ddTHH:mm:sst"_s };
        for (const QString &f : formats) {
            dt = QDateTime::fromString(trimmed, f);
            if (dt.isValid())
                break;
        }
    }
    if (!dt.isValid())
        return std::nullopt;
    // Without an offset the time is company-local.
    if (dt.timeSpec() == Qt::LocalTime)
        dt = QDateTime(dt.date(), dt.time(), QTimeZone(offsetSecs));
    return dt.toUTC();
}

std::optional<QboFormat::Decimal> QboFormat::decimal(const QJsonValue &value)
{
    QString text;
    if (value.isDouble())
        text = QString::number(value.toDouble(), 'f', QLocale::FloatingPointShortest);
    else if (value.isString())
        text = value.toString().trimmed();
    else
        return std::nullopt;
    bool negative = false;
    if (text.startsWith(u'-')) {
        negative = true;
        text.remove(0, 1);
    }
    const qsizetype dot = text.indexOf(u'.');
    QString whole = dot < 0 ? text : text.left(dot);
    QString fraction = dot < 0 ? QString() : text.mid(dot + 1);
    while (fraction.endsWith(u'0'))
        fraction.chop(1);
    if (whole.isEmpty() || fraction.size() > 9 || whole.size() > 15)
        return std::nullopt;
    const auto allDigits = [](const QString &s) {
        return std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    };
    if (!allDigits(whole) || !allDigits(fraction))
        return std::nullopt;
    bool ok = false;
    const qint64 units = (whole + fraction).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return Decimal{ negative ? -units : units, int(fraction.size()) };
}

std::optional<qint64> QboFormat::cents(const QJsonValue &value)
{
    const auto d = decimal(value);
    if (!d)
        return std::nullopt;
    // Money::parse validates "no fractions of a cent" the same way the app does.
    const auto money = Domain::Money::parse(
        value.isDouble() ? QString::number(value.toDouble(), 'f', QLocale::FloatingPointShortest)
                         : value.toString(),
        u"USD"_s);
    if (!money)
        return std::nullopt;
    return money->minorUnits();
}

QJsonValue QboFormat::amount(qint64 cents)
{
    return QJsonValue(double(cents) / 100.0);
}

qint64 QboFormat::roundHalfUp(Wide numerator, Wide denominator)
{
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    const bool negative = numerator < 0;
    const Wide magnitude = negative ? -numerator : numerator;
    const Wide rounded = (magnitude * 2 + denominator) / (denominator * 2);
    return qint64(negative ? -rounded : rounded);
}

qint64 QboFormat::pow10(int n)
{
    qint64 r = 1;
    for (int i = 0; i < n; ++i)
        r *= 10;
    return r;
}

} // namespace Concord::Sandbox
