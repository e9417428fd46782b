#include "domain/money.h"

#include <QLatin1StringView>

#include <algorithm>
#include <limits>
#include <numeric>

using namespace Qt::StringLiterals;

namespace Concord::Domain {

namespace {

// 128-bit intermediates let a × n / d be exact even when a × n alone does not
// fit 64 bits (a huge balance times 3/2). __extension__ keeps -Wpedantic quiet
// about the GCC/Clang type.
__extension__ typedef __int128 Wide;

constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

constexpr bool fitsInt64(Wide v)
{
    return v >= Wide(kMin) && v <= Wide(kMax);
}

// ISO 4217 currencies whose minor unit is not 2 digits. Everything else,
// including unknown codes, is treated as 2 digits, which is what nearly every
// currency a small business invoices in uses.
struct MinorDigits {
    QLatin1StringView code;
    int digits;
};

constexpr MinorDigits kMinorDigitExceptions[] = {
    // no minor unit
    { "BIF"_L1, 0 },
    { "CLP"_L1, 0 },
    { "DJF"_L1, 0 },
    { "GNF"_L1, 0 },
    { "ISK"_L1, 0 },
    { "JPY"_L1, 0 },
    { "KMF"_L1, 0 },
    { "KRW"_L1, 0 },
    { "PYG"_L1, 0 },
    { "RWF"_L1, 0 },
    { "UGX"_L1, 0 },
    { "UYI"_L1, 0 },
    { "VND"_L1, 0 },
    { "VUV"_L1, 0 },
    { "XAF"_L1, 0 },
    { "XOF"_L1, 0 },
    { "XPF"_L1, 0 },
    // thousandths
    { "BHD"_L1, 3 },
    { "IQD"_L1, 3 },
    { "JOD"_L1, 3 },
    { "KWD"_L1, 3 },
    { "LYD"_L1, 3 },
    { "OMR"_L1, 3 },
    { "TND"_L1, 3 },
    // accounting units with four digits
    { "CLF"_L1, 4 },
    { "UYW"_L1, 4 },
};

constexpr qint64 kPowersOfTen[] = { 1, 10, 100, 1000, 10000 };

bool isValidCurrency(const QString &currency)
{
    if (currency.size() != 3)
        return false;
    return std::all_of(currency.cbegin(), currency.cend(),
                       [](QChar c) { return c >= u'A' && c <= u'Z'; });
}

Status checkCurrency(const QString &currency)
{
    if (isValidCurrency(currency))
        return {};
    return fail(
        ErrorCode::InvalidArgument,
        u"'%1' is not a currency code (expected three upper-case letters such as USD)"_s.arg(
            currency));
}

// |minor| without overflow: qint64's minimum has no positive counterpart.
quint64 magnitude(qint64 minor)
{
    return minor < 0 ? quint64(0) - quint64(minor) : quint64(minor);
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Checks that a comma-grouped integer part is grouped in threes ("1,234,567");
// "1,23", ",123" and "1234,567" are typos, not amounts, and are refused rather
// than guessed at.
bool hasValidGrouping(QStringView integerPart)
{
    const QList<QStringView> groups = integerPart.split(u',');
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const qsizetype len = groups.at(i).size();
        if (i == 0 ? (len < 1 || len > 3) : len != 3)
            return false;
    }
    return true;
}

Result<Money> parseError(QStringView text, const QString &currency, const QString &reason)
{
    return fail(
        ErrorCode::InvalidArgument,
        u"cannot read '%1' as an amount of %2: %3"_s.arg(text.toString(), currency, reason));
}

// Why two amounts cannot be combined, or empty when they can. A placeholder
// Money() has no currency and never stands in for zero of another one.
QString currencyConflict(const Money &a, const Money &b)
{
    if (!a.isValid() || !b.isValid())
        return u"an amount has no currency"_s;
    if (a.currency() != b.currency())
        return u"the currencies differ"_s;
    return {};
}

// Rounds the exact quotient numerator / denominator (denominator > 0) to an
// integer per `rounding`.
Wide divideRounded(Wide numerator, Wide denominator, Rounding rounding)
{
    Wide quotient = numerator / denominator; // truncates toward zero
    const Wide remainder = numerator % denominator;
    if (remainder == 0 || rounding == Rounding::Down)
        return quotient;
    const Wide twiceRemainder = (remainder < 0 ? -remainder : remainder) * 2;
    const Wide awayFromZero = numerator < 0 ? -1 : 1;
    bool roundAway = false;
    if (twiceRemainder > denominator)
        roundAway = true;
    else if (twiceRemainder == denominator)
        roundAway = rounding == Rounding::HalfUp || (quotient % 2 != 0);
    if (roundAway)
        quotient += awayFromZero;
    return quotient;
}

} // namespace

Result<Money> Money::fromMinor(qint64 minorUnits, const QString &currency)
{
    if (auto ok = checkCurrency(currency); !ok)
        return std::unexpected(ok.error());
    return Money(minorUnits, currency);
}

Money Money::zero(const QString &currency)
{
    // No Result to report through: an invalid code gives the placeholder (no
    // currency, isValid() false), which every arithmetic call then refuses.
    if (!isValidCurrency(currency))
        return Money();
    return Money(0, currency);
}

int Money::minorDigits(const QString &currency)
{
    for (const auto &entry : kMinorDigitExceptions) {
        if (entry.code == currency)
            return entry.digits;
    }
    return 2;
}

Result<Money> Money::parse(QStringView text, const QString &currency)
{
    if (auto ok = checkCurrency(currency); !ok)
        return std::unexpected(ok.error());

    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return parseError(text, currency, u"the text is empty"_s);

    QStringView rest = trimmed;
    bool negative = false;
    if (rest.front() == u'-' || rest.front() == u'+') {
        negative = rest.front() == u'-';
        rest = rest.sliced(1);
    }

    // Every character must be an ASCII digit, a comma or a dot: this one pass
    // is what refuses "1e5", "NaN", "Infinity", "$5", "12 USD" and "--5".
    for (QChar c : rest) {
        if (!isAsciiDigit(c) && c != u',' && c != u'.') {
            if (c == u'e' || c == u'E')
                return parseError(text, currency, u"exponents are not allowed"_s);
            return parseError(text, currency, u"unexpected character '%1'"_s.arg(c));
        }
    }

    if (rest.isEmpty())
        return parseError(text, currency, u"there are no digits"_s);

    const qsizetype dot = rest.indexOf(u'.');
    if (dot >= 0 && rest.indexOf(u'.', dot + 1) >= 0)
        return parseError(text, currency, u"more than one decimal point"_s);

    const QStringView integerPart = dot >= 0 ? rest.first(dot) : rest;
    const QStringView fractionPart = dot >= 0 ? rest.sliced(dot + 1) : QStringView();

    if (integerPart.isEmpty())
        return parseError(text, currency, u"no digits before the decimal point"_s);
    if (dot >= 0 && fractionPart.isEmpty())
        return parseError(text, currency, u"no digits after the decimal point"_s);
    if (fractionPart.contains(u','))
        return parseError(text, currency, u"thousands separator after the decimal point"_s);
    if (integerPart.contains(u',') && !hasValidGrouping(integerPart))
        return parseError(text, currency, u"misplaced thousands separator"_s);

    const int digits = minorDigits(currency);
    // Extra fraction digits are fine only when they are zeros: "65.000" is
    // 65.00 USD, "65.005" would need rounding, and parsing never rounds.
    for (qsizetype i = digits; i < fractionPart.size(); ++i) {
        if (fractionPart.at(i) != u'0') {
            const QString reason = digits == 0
                ? u"%1 has no minor unit"_s.arg(currency)
                : u"%1 has only %2 decimal digits"_s.arg(currency).arg(digits);
            return parseError(text, currency, reason);
        }
    }

    // Accumulate the magnitude in 128 bits and stop as soon as it passes the
    // 64-bit range; leading zeros ("0000065.00") never trip the limit.
    const Wide limit = negative ? -Wide(kMin) : Wide(kMax);
    Wide value = 0;
    auto push = [&](QChar c) {
        value = value * 10 + (c.unicode() - u'0');
        return value <= limit;
    };
    bool inRange = true;
    for (QChar c : integerPart) {
        if (c != u',' && !(inRange = push(c)))
            break;
    }
    for (qsizetype i = 0; inRange && i < digits; ++i)
        inRange = push(i < fractionPart.size() ? fractionPart.at(i) : QChar(u'0'));
    if (!inRange)
        return parseError(text, currency, u"the amount is too large"_s);

    return Money(qint64(negative ? -value : value), currency);
}

Result<Money> Money::add(const Money &other) const
{
    if (const QString why = currencyConflict(*this, other); !why.isEmpty()) {
        return fail(ErrorCode::InvalidArgument,
                    u"cannot add %1 to %2: %3"_s.arg(other.toString(), toString(), why));
    }
    qint64 sum = 0;
    if (__builtin_add_overflow(m_minor, other.m_minor, &sum)) {
        return fail(ErrorCode::InvalidArgument,
                    u"adding %1 to %2 overflows the largest amount Concord can hold"_s.arg(
                        other.toString(), toString()));
    }
    return Money(sum, m_currency);
}

Result<Money> Money::subtract(const Money &other) const
{
    if (const QString why = currencyConflict(*this, other); !why.isEmpty()) {
        return fail(ErrorCode::InvalidArgument,
                    u"cannot subtract %1 from %2: %3"_s.arg(other.toString(), toString(), why));
    }
    qint64 difference = 0;
    if (__builtin_sub_overflow(m_minor, other.m_minor, &difference)) {
        return fail(ErrorCode::InvalidArgument,
                    u"subtracting %1 from %2 overflows the largest amount Concord can hold"_s.arg(
                        other.toString(), toString()));
    }
    return Money(difference, m_currency);
}

Money Money::negated() const
{
    // The one value without a negation is qint64's minimum (−92 233 720 368
    // 547 758.08 in cents), far beyond any invoice; saturate rather than hit
    // undefined behaviour, since this signature cannot report an error.
    if (m_minor == kMin)
        return Money(kMax, m_currency);
    return Money(-m_minor, m_currency);
}

Result<Money> Money::multiply(qint64 numerator, qint64 denominator, Rounding rounding) const
{
    if (denominator <= 0) {
        return fail(ErrorCode::InvalidArgument,
                    u"cannot multiply %1 by %2/%3: the denominator must be positive"_s.arg(
                        toString(), QString::number(numerator), QString::number(denominator)));
    }
    const Wide result = divideRounded(Wide(m_minor) * numerator, denominator, rounding);
    if (!fitsInt64(result)) {
        return fail(ErrorCode::InvalidArgument,
                    u"multiplying %1 by %2/%3 overflows the largest amount Concord can hold"_s.arg(
                        toString(), QString::number(numerator), QString::number(denominator)));
    }
    return Money(qint64(result), m_currency);
}

Result<QList<Money>> Money::allocate(const QList<qint64> &weights) const
{
    if (weights.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"cannot split %1 into no parts"_s.arg(toString()));
    Wide total = 0;
    for (qint64 w : weights) {
        if (w < 0) {
            return fail(
                ErrorCode::InvalidArgument,
                u"cannot split %1 by a negative weight (%2)"_s.arg(toString(), QString::number(w)));
        }
        total += w;
    }
    if (total == 0) {
        return fail(ErrorCode::InvalidArgument,
                    u"cannot split %1: all weights are zero"_s.arg(toString()));
    }

    // Each part first gets its share truncated toward zero; the few minor units
    // left over (fewer than the number of parts) go one each to the parts that
    // lost the largest fractions. A negative amount is split the same way with
    // every sign flipped, so splitting −x gives exactly the negated parts of x.
    const qsizetype n = weights.size();
    QList<qint64> parts(n);
    QList<Wide> remainders(n);
    Wide distributed = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const Wide exact = Wide(m_minor) * weights.at(i);
        parts[i] = qint64(exact / total); // |share| ≤ |m_minor|, so it fits
        remainders[i] = exact % total;
        if (remainders[i] < 0)
            remainders[i] = -remainders[i];
        distributed += parts[i];
    }
    qint64 leftover = qint64(Wide(m_minor) - distributed); // |leftover| < n
    const qint64 step = leftover < 0 ? -1 : 1;

    QList<qsizetype> order(n);
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return remainders.at(a) > remainders.at(b); });
    for (qsizetype k = 0; leftover != 0; ++k) {
        parts[order.at(k)] += step;
        leftover -= step;
    }

    QList<Money> result;
    result.reserve(n);
    for (qint64 part : parts)
        result.append(Money(part, m_currency));
    return result;
}

QString Money::toDecimalString() const
{
    const int digits = minorDigits(m_currency);
    const quint64 scale = quint64(kPowersOfTen[digits]);
    const quint64 abs = magnitude(m_minor);
    QString text;
    if (m_minor < 0)
        text += u'-';
    text += QString::number(abs / scale);
    if (digits > 0) {
        text += u'.';
        text += u"%1"_s.arg(abs % scale, digits, 10, QChar(u'0'));
    }
    return text;
}

QString Money::toString() const
{
    if (m_currency.isEmpty())
        return toDecimalString();
    return toDecimalString() + u' ' + m_currency;
}

QString Money::format(const QLocale &locale) const
{
    if (!isValid() || locale.language() == QLocale::C)
        return toString();

    // The locale's own symbol only for its own currency ("$" in en_US for USD,
    // "€" in fr_FR for EUR). Any other currency shows its ISO code: "$" in
    // fr_FR would not say whether it is US, Canadian or Australian dollars.
    QString symbol;
    if (locale.currencySymbol(QLocale::CurrencyIsoCode) == m_currency)
        symbol = locale.currencySymbol(QLocale::CurrencySymbol);
    if (symbol.isEmpty())
        symbol = m_currency;

    // The number itself is built from integers so it stays exact for any
    // amount (a double holds only 15–17 significant digits). QLocale groups
    // and localizes the digits of the whole part.
    const int digits = minorDigits(m_currency);
    const quint64 scale = quint64(kPowersOfTen[digits]);
    const quint64 abs = magnitude(m_minor);
    QString number = locale.toString(qulonglong(abs / scale));
    if (digits > 0) {
        number += locale.decimalPoint();
        const QString fraction = u"%1"_s.arg(abs % scale, digits, 10, QChar(u'0'));
        for (QChar c : fraction)
            number += locale.toString(c.unicode() - u'0');
    }

    // The locale's currency pattern (symbol position, spacing, minus sign or
    // accounting parentheses) comes from formatting ±1 with a placeholder
    // symbol and substituting the exact number and the real symbol into it.
    const QChar placeholder(0xE000); // private use: never part of a pattern
    const QString pattern =
        locale.toCurrencyString(qlonglong(m_minor < 0 ? -1 : 1), QString(placeholder));
    const QString one = locale.toString(1);
    const qsizetype numberAt = pattern.indexOf(one);
    const qsizetype symbolAt = pattern.indexOf(placeholder);
    if (numberAt < 0 || symbolAt < 0)
        return toString();

    // A letter symbol right against the digits ("USD65.00") gets a no-break
    // space, as CLDR's currency spacing rule does; "$65.00" stays tight.
    QString shownSymbol = symbol;
    if (symbolAt + 1 == numberAt && symbol.back().isLetter())
        shownSymbol += QChar(0x00A0);
    else if (numberAt + one.size() == symbolAt && symbol.front().isLetter())
        shownSymbol.prepend(QChar(0x00A0));

    QString result = pattern;
    // Replace the later one first so the earlier index stays valid.
    if (symbolAt > numberAt) {
        result.replace(symbolAt, 1, shownSymbol);
        result.replace(numberAt, one.size(), number);
    } else {
        result.replace(numberAt, one.size(), number);
        result.replace(symbolAt, 1, shownSymbol);
    }
    return result;
}

std::optional<std::strong_ordering> Money::compare(const Money &other) const
{
    if (m_currency != other.m_currency)
        return std::nullopt;
    return m_minor <=> other.m_minor;
}

} // namespace Concord::Domain
