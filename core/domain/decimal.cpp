#include "domain/decimal.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

using namespace Qt::StringLiterals;

namespace Concord::Domain {

namespace {

// 128-bit intermediates keep rescaling and products exact before the range
// check. __extension__ keeps -Wpedantic quiet about the GCC type.
__extension__ typedef __int128 Wide;

constexpr qint64 kPow10[] = { 1LL,
                              10LL,
                              100LL,
                              1000LL,
                              10000LL,
                              100000LL,
                              1000000LL,
                              10000000LL,
                              100000000LL,
                              1000000000LL,
                              10000000000LL,
                              100000000000LL,
                              1000000000000LL,
                              10000000000000LL,
                              100000000000000LL,
                              1000000000000000LL,
                              10000000000000000LL,
                              100000000000000000LL,
                              1000000000000000000LL };

// A double carries 15 significant decimal digits without loss; beyond that the
// shortest round-trip text may differ from what the server wrote.
constexpr int kMaxExactDigits = 15;

bool fits(Wide v)
{
    return v >= Wide(std::numeric_limits<qint64>::min())
        && v <= Wide(std::numeric_limits<qint64>::max());
}

QString prefix(const QString &field)
{
    return field.isEmpty() ? QString() : field + u": "_s;
}

Wide divideRounded(Wide numerator, Wide denominator, Rounding rounding)
{
    Wide quotient = numerator / denominator;
    const Wide remainder = numerator % denominator;
    if (remainder == 0 || rounding == Rounding::Down)
        return quotient;
    const Wide twice = (remainder < 0 ? -remainder : remainder) * 2;
    bool away = twice > denominator;
    if (twice == denominator)
        away = rounding == Rounding::HalfUp || (quotient % 2 != 0);
    if (away)
        quotient += numerator < 0 ? -1 : 1;
    return quotient;
}

} // namespace

Result<Decimal> Decimal::fromParts(qint64 mantissa, int scale)
{
    if (scale < 0 || scale > kMaxScale)
        return fail(ErrorCode::InvalidArgument,
                    u"decimal scale %1 is outside 0..%2"_s.arg(scale).arg(kMaxScale));
    return Decimal(mantissa, scale);
}

Result<Decimal> Decimal::parse(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    auto bad = [&](const QString &why) -> Result<Decimal> {
        return fail(ErrorCode::InvalidArgument,
                    u"cannot read '%1' as a decimal number: %2"_s.arg(text.toString(), why));
    };
    if (trimmed.isEmpty())
        return bad(u"the text is empty"_s);

    QStringView rest = trimmed;
    bool negative = false;
    if (rest.front() == u'-' || rest.front() == u'+') {
        negative = rest.front() == u'-';
        rest = rest.sliced(1);
    }
    const qsizetype dot = rest.indexOf(u'.');
    const QStringView intPart = dot < 0 ? rest : rest.first(dot);
    QStringView fracPart = dot < 0 ? QStringView() : rest.sliced(dot + 1);
    if (intPart.isEmpty())
        return bad(u"digits are missing before the decimal point"_s);
    if (dot >= 0 && fracPart.isEmpty())
        return bad(u"digits are missing after the decimal point"_s);
    for (QStringView part : { intPart, fracPart }) {
        for (QChar c : part) {
            if (c < u'0' || c > u'9') {
                if (c == u'e' || c == u'E')
                    return bad(u"exponents are not allowed"_s);
                return bad(u"unexpected character '%1'"_s.arg(c));
            }
        }
    }
    // Extra fraction digits are only acceptable when they are zeros.
    while (fracPart.size() > kMaxScale) {
        if (fracPart.back() != u'0')
            return bad(u"more than %1 fraction digits"_s.arg(kMaxScale));
        fracPart.chop(1);
    }

    Wide mantissa = 0;
    for (QStringView part : { intPart, fracPart }) {
        for (QChar c : part) {
            mantissa = mantissa * 10 + (c.unicode() - u'0');
            if (mantissa > Wide(std::numeric_limits<qint64>::max()))
                return bad(u"the number is too large"_s);
        }
    }
    if (negative)
        mantissa = -mantissa;
    return Decimal(qint64(mantissa), int(fracPart.size()));
}

Result<Decimal> Decimal::fromJson(const QJsonValue &value, const QString &field)
{
    if (value.isString()) {
        auto parsed = parse(value.toString());
        if (!parsed)
            return fail(ErrorCode::InvalidArgument, prefix(field) + parsed.error().message);
        return parsed;
    }
    if (!value.isDouble())
        return fail(ErrorCode::InvalidArgument,
                    u"%1expected a number, got %2"_s.arg(
                        prefix(field), value.isUndefined() ? u"nothing"_s : u"another JSON type"_s));
    const double d = value.toDouble();
    if (!std::isfinite(d))
        return fail(ErrorCode::InvalidArgument, prefix(field) + u"the number is not finite"_s);

    // Fixed notation, shortest text that reads back as the same double.
    char buffer[400];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::fixed);
    if (ec != std::errc())
        return fail(ErrorCode::InvalidArgument, prefix(field) + u"the number cannot be printed"_s);
    const QString text = QString::fromLatin1(buffer, int(end - buffer));

    int significant = 0;
    bool leading = true;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            continue;
        if (leading && c == u'0')
            continue;
        leading = false;
        ++significant;
    }
    // Trailing integer zeros of a large whole number ("1000000") are exact.
    QString digitsOnly = text;
    if (!text.contains(u'.')) {
        while (digitsOnly.endsWith(u'0') && significant > 0) {
            digitsOnly.chop(1);
            --significant;
        }
    }
    if (significant > kMaxExactDigits)
        return fail(ErrorCode::InvalidArgument,
                    u"%1%2 has more than %3 significant digits and cannot be read exactly"_s.arg(
                        prefix(field), text)
                        .arg(kMaxExactDigits));
    auto parsed = parse(text);
    if (!parsed)
        return fail(ErrorCode::InvalidArgument, prefix(field) + parsed.error().message);
    return parsed;
}

Decimal Decimal::fromMoney(const Money &money)
{
    return Decimal(money.minorUnits(), Money::minorDigits(money.currency()));
}

QString Decimal::toString() const
{
    const bool negative = m_mantissa < 0;
    // Magnitude without overflow on qint64's minimum.
    const quint64 magnitude = negative ? quint64(0) - quint64(m_mantissa) : quint64(m_mantissa);
    QString digits = QString::number(magnitude);
    if (m_scale > 0) {
        if (digits.size() <= m_scale)
            digits.prepend(QString(m_scale - digits.size() + 1, u'0'));
        digits.insert(digits.size() - m_scale, u'.');
    }
    if (negative)
        digits.prepend(u'-');
    return digits;
}

Decimal Decimal::normalized() const
{
    Decimal d = *this;
    while (d.m_scale > 0 && d.m_mantissa % 10 == 0) {
        d.m_mantissa /= 10;
        --d.m_scale;
    }
    if (d.m_mantissa == 0)
        d.m_scale = 0;
    return d;
}

QJsonValue Decimal::toJson() const
{
    // from_chars rounds correctly to the nearest double, whose shortest
    // representation is this decimal again (≤ 15 significant digits).
    const QByteArray text = normalized().toString().toLatin1();
    double d = 0;
    std::from_chars(text.constData(), text.constData() + text.size(), d);
    return QJsonValue(d);
}

Result<Money> Decimal::toMoney(const QString &currency, const QString &field) const
{
    const int digits = Money::minorDigits(currency);
    Wide minor = m_mantissa;
    if (m_scale > digits) {
        const qint64 divisor = kPow10[m_scale - digits];
        if (minor % divisor != 0)
            return fail(ErrorCode::InvalidArgument,
                        u"%1%2 has more fraction digits than %3 allows (%4)"_s.arg(
                            prefix(field), toString(), currency)
                            .arg(digits));
        minor /= divisor;
    } else {
        minor *= kPow10[digits - m_scale];
    }
    if (!fits(minor))
        return fail(ErrorCode::InvalidArgument,
                    u"%1%2 is too large an amount"_s.arg(prefix(field), toString()));
    auto money = Money::fromMinor(qint64(minor), currency);
    if (!money)
        return fail(ErrorCode::InvalidArgument, prefix(field) + money.error().message);
    return money;
}

Result<Decimal> Decimal::multiply(const Decimal &other) const
{
    Wide product = Wide(m_mantissa) * Wide(other.m_mantissa);
    int scale = m_scale + other.m_scale;
    while (scale > kMaxScale && product % 10 == 0) {
        product /= 10;
        --scale;
    }
    if (scale > kMaxScale)
        return fail(ErrorCode::InvalidArgument,
                    u"%1 × %2 needs more than %3 fraction digits"_s.arg(toString(), other.toString())
                        .arg(kMaxScale));
    if (!fits(product))
        return fail(ErrorCode::InvalidArgument,
                    u"%1 × %2 is too large"_s.arg(toString(), other.toString()));
    return Decimal(qint64(product), scale);
}

Result<Money> Decimal::multiplyToMoney(const Decimal &other, const QString &currency,
                                       Rounding rounding) const
{
    const int digits = Money::minorDigits(currency);
    const Wide product = Wide(m_mantissa) * Wide(other.m_mantissa); // scale s1+s2 ≤ 18
    const int scale = m_scale + other.m_scale;
    Wide minor = 0;
    if (scale >= digits)
        minor = divideRounded(product, Wide(kPow10[scale - digits]), rounding);
    else
        minor = product * kPow10[digits - scale];
    if (!fits(minor))
        return fail(ErrorCode::InvalidArgument,
                    u"%1 × %2 is too large an amount"_s.arg(toString(), other.toString()));
    return Money::fromMinor(qint64(minor), currency);
}

std::strong_ordering Decimal::compare(const Decimal &other) const
{
    const int scale = std::max(m_scale, other.m_scale);
    const Wide a = Wide(m_mantissa) * kPow10[scale - m_scale];
    const Wide b = Wide(other.m_mantissa) * kPow10[scale - other.m_scale];
    return a <=> b;
}

} // namespace Concord::Domain
