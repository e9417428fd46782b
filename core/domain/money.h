#pragma once

#include "common/error.h"

#include <QList>
#include <QLocale>
#include <QString>

#include <compare>
#include <optional>

namespace Concord::Domain {

// How to round when a computation leaves a fraction of a minor unit.
enum class Rounding {
    HalfEven, // banker's rounding: the default for money, unbiased over many lines
    HalfUp,   // away from zero on .5 (what most invoices print)
    Down,     // toward zero
};

// An exact amount of money: integer minor units (cents) plus an ISO 4217
// currency code. Never a double. Arithmetic across currencies, and overflow of
// 64-bit minor units, are errors, not silent results.
//
// Concord never computes tax (QuickBooks is the authority for tax, discounts
// and totals); Money exists to carry, compare, sum and display amounts exactly.
class Money
{
public:
    Money() = default; // zero, no currency: only as a placeholder

    // `currency` must be three upper-case ASCII letters (validated).
    [[nodiscard]] static Result<Money> fromMinor(qint64 minorUnits, const QString &currency);
    [[nodiscard]] static Money zero(const QString &currency);

    // Parses a plain decimal amount as servers and files write it: "65", "65.5",
    // "65.00", "-1234.56", "1,234.56" (comma thousands), " 65.00 " (trimmed).
    // More fraction digits than the currency has is an error unless all extra
    // digits are zero ("65.000" is fine for USD, "65.005" is not). Exponents,
    // NaN, and text are errors with a message naming the input.
    [[nodiscard]] static Result<Money> parse(QStringView text, const QString &currency);

    // Number of minor-unit digits for an ISO 4217 code (USD 2, JPY 0, BHD 3;
    // unknown codes default to 2).
    [[nodiscard]] static int minorDigits(const QString &currency);

    [[nodiscard]] qint64 minorUnits() const { return m_minor; }
    [[nodiscard]] const QString &currency() const { return m_currency; }
    [[nodiscard]] bool isZero() const { return m_minor == 0; }
    [[nodiscard]] bool isNegative() const { return m_minor < 0; }
    [[nodiscard]] bool isValid() const { return m_currency.size() == 3; }

    [[nodiscard]] Result<Money> add(const Money &other) const;
    [[nodiscard]] Result<Money> subtract(const Money &other) const;
    [[nodiscard]] Money negated() const;

    // this × numerator / denominator, rounded once at the end (e.g. a rate of
    // 65.00 × 1.5 hours = multiply(3, 2)). denominator must be > 0.
    [[nodiscard]] Result<Money> multiply(qint64 numerator, qint64 denominator,
                                         Rounding rounding = Rounding::HalfEven) const;

    // Splits the amount in proportion to `weights` so the parts add up exactly
    // to the whole (largest-remainder method; ties go to earlier parts).
    [[nodiscard]] Result<QList<Money>> allocate(const QList<qint64> &weights) const;

    // Canonical machine form: "65.00 USD", "-0.05 USD", "1200 JPY".
    [[nodiscard]] QString toString() const;
    // Plain decimal without currency: "65.00" (what QuickBooks' JSON carries).
    [[nodiscard]] QString toDecimalString() const;
    // Display form for a locale: "$65.00", "65,00 $US", … (QLocale currency formatting).
    [[nodiscard]] QString format(const QLocale &locale = QLocale()) const;

    // Equal when both amount and currency are equal.
    friend bool operator==(const Money &, const Money &) = default;
    // Ordering exists only within one currency.
    [[nodiscard]] std::optional<std::strong_ordering> compare(const Money &other) const;

private:
    Money(qint64 minor, QString currency) : m_minor(minor), m_currency(std::move(currency)) {}
    qint64 m_minor = 0;
    QString m_currency;
};

} // namespace Concord::Domain

Q_DECLARE_METATYPE(Concord::Domain::Money)
