#pragma once

#include "common/error.h"
#include "domain/money.h"

#include <QJsonValue>
#include <QMetaType>
#include <QString>

#include <compare>

namespace Concord::Domain {

// An exact decimal number: a signed 64-bit mantissa scaled by 10^-scale,
// scale 0..9 (so 9 fraction digits at most; |value| < 9.2e18 / 10^scale).
//
// Used for what QuickBooks sends that is not money: quantities, unit prices
// (which may carry more digits than the currency), tax and discount percents.
// JSON numbers arrive as doubles through QJsonDocument; fromJson() recovers the
// decimal text the server wrote (see there) instead of trusting the binary value.
//
// Value type; the textual scale is kept ("1.50" stays scale 2) but equality and
// ordering are numeric (1.50 == 1.5).
class Decimal
{
public:
    static constexpr int kMaxScale = 9;

    Decimal() = default; // zero

    // mantissa × 10^-scale; scale outside 0..9 is an error.
    [[nodiscard]] static Result<Decimal> fromParts(qint64 mantissa, int scale);
    [[nodiscard]] static Decimal fromInt(qint64 value) { return Decimal(value, 0); }

    // Plain decimal text: optional sign, digits, optional '.' and digits
    // ("12", "-0.5", "87.50", ".5" is refused). No exponents, no grouping,
    // surrounding spaces are trimmed. More than 9 fraction digits is accepted
    // only when the extra digits are zeros.
    [[nodiscard]] static Result<Decimal> parse(QStringView text);

    // A JSON number or a numeric JSON string ("71.00", as QuickBooks writes in
    // LineEx). A number is a double: its shortest round-trip text
    // (std::to_chars) is the decimal the server wrote as long as that had at
    // most 15 significant digits, so more than 15 significant digits is refused
    // rather than silently altered. `field` names the value in error messages.
    [[nodiscard]] static Result<Decimal> fromJson(const QJsonValue &value,
                                                  const QString &field = {});

    // The amount as a Decimal with the currency's scale ("65.00" for USD).
    [[nodiscard]] static Decimal fromMoney(const Money &money);

    [[nodiscard]] qint64 mantissa() const { return m_mantissa; }
    [[nodiscard]] int scale() const { return m_scale; }
    [[nodiscard]] bool isZero() const { return m_mantissa == 0; }
    [[nodiscard]] bool isNegative() const { return m_mantissa < 0; }

    // Text with exactly scale() fraction digits: "1.50", "-3", "0.125".
    [[nodiscard]] QString toString() const;
    // The same value with trailing fraction zeros removed ("1.50" → "1.5").
    [[nodiscard]] Decimal normalized() const;

    // A JSON number whose serialized text (QJsonDocument prints the shortest
    // round-trip form) reads back as exactly this decimal, e.g. 87.5 or 150.
    [[nodiscard]] QJsonValue toJson() const;

    // Exact conversion to money in `currency`: fraction digits beyond the
    // currency's minor unit must be zero ("65.000" is 65.00 USD, "65.005" is an
    // error naming `field`).
    [[nodiscard]] Result<Money> toMoney(const QString &currency, const QString &field = {}) const;

    // this × other, exact; an error when the product needs more than 9
    // fraction digits after dropping trailing zeros, or overflows.
    [[nodiscard]] Result<Decimal> multiply(const Decimal &other) const;

    // this × other as money in `currency`, rounded once to the minor unit
    // (quantity × unit price → line amount).
    [[nodiscard]] Result<Money> multiplyToMoney(const Decimal &other, const QString &currency,
                                                Rounding rounding = Rounding::HalfUp) const;

    // Numeric comparison, independent of scale.
    [[nodiscard]] std::strong_ordering compare(const Decimal &other) const;
    friend bool operator==(const Decimal &a, const Decimal &b) { return a.compare(b) == 0; }
    friend std::strong_ordering operator<=>(const Decimal &a, const Decimal &b)
    {
        return a.compare(b);
    }

private:
    Decimal(qint64 mantissa, int scale) : m_mantissa(mantissa), m_scale(scale) {}
    qint64 m_mantissa = 0;
    int m_scale = 0;
};

} // namespace Concord::Domain

Q_DECLARE_METATYPE(Concord::Domain::Decimal)
