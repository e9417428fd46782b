#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace Concord::Sandbox {

// Wire formats of QuickBooks Online shared by the emulator's pieces: company-local
// timestamps (MetaData without millis, envelope `time` with millis), dates, and
// exact decimal reading of JSON numbers. All money is carried as integer cents;
// JSON numbers are produced only at the serialization boundary.
class QboFormat
{
public:
    // An exact decimal read from JSON: value = units / 10^scale (scale 0..9).
    struct Decimal {
        qint64 units = 0;
        int scale = 0;
    };

    // "2015-07-24T10:33:39-07:00": what MetaData carries (company offset, no millis).
    [[nodiscard]] static QString timestamp(const QDateTime &utc, int offsetSecs);
    // "2015-07-24T10:33:39.110-07:00": the envelope's `time`.
    [[nodiscard]] static QString envelopeTime(const QDateTime &utc, int offsetSecs);
    // The calendar date in the company's zone, "2015-07-24".
    [[nodiscard]] static QString date(const QDateTime &utc, int offsetSecs);
    // Accepts "YYYY-MM-DD" (start of that day at the company offset) or an ISO
    // date-time with or without offset/millis. nullopt when unreadable.
    [[nodiscard]] static std::optional<QDateTime> parseDateTime(const QString &text,
                                                                int offsetSecs);

    // Reads a JSON number or numeric string exactly (via its shortest decimal
    // form, so 87.5 stays 87.5). nullopt for non-numbers or > 9 fraction digits.
    [[nodiscard]] static std::optional<Decimal> decimal(const QJsonValue &value);
    // Cents of an amount; nullopt if it is not a number or has fractions of a cent.
    [[nodiscard]] static std::optional<qint64> cents(const QJsonValue &value);
    // The JSON number for an amount in cents. Exact: a value with at most two
    // decimals round-trips through the shortest double representation.
    [[nodiscard]] static QJsonValue amount(qint64 cents);
    // 128-bit intermediates keep price × quantity × rate exact before the one
    // rounding step; __extension__ keeps -Wpedantic quiet about the GCC type.
    __extension__ typedef __int128 Wide;
    // numerator / denominator rounded half away from zero (how invoices round cents).
    [[nodiscard]] static qint64 roundHalfUp(Wide numerator, Wide denominator);
    [[nodiscard]] static qint64 pow10(int n);
};

} // namespace Concord::Sandbox
