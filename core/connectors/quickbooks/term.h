#pragma once

#include "common/error.h"
#include "connectors/quickbooks/basetypes.h"
#include "domain/decimal.h"

#include <QJsonObject>

#include <optional>

namespace Concord::QuickBooks {

// Payment terms ("Net 30"). STANDARD terms set dueDays; DATE_DRIVEN terms set
// dayOfMonthDue / dueNextMonthDays.
struct Term {
    static constexpr QStringView kEntityName = u"Term";

    QString id;
    QString syncToken;
    QString name; // ≤ 31 characters
    std::optional<bool> active;
    QString type; // STANDARD | DATE_DRIVEN
    std::optional<int> dueDays;
    std::optional<Domain::Decimal> discountPercent;
    std::optional<int> discountDays;
    std::optional<int> dayOfMonthDue;
    std::optional<int> dueNextMonthDays;
    std::optional<int> discountDayOfMonth;
    MetaData metaData;

    [[nodiscard]] static Result<Term> fromJson(const QJsonObject &object);
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const Term &, const Term &) = default;
};

} // namespace Concord::QuickBooks
