#pragma once

#include "common/error.h"
#include "connectors/quickbooks/basetypes.h"
#include "domain/decimal.h"

#include <QJsonObject>

#include <optional>

namespace Concord::QuickBooks {

// A tax rate (read/query only). rateValue is a percentage as a Decimal
// (8.5 = 8.5 %), never a double.
struct TaxRate {
    static constexpr QStringView kEntityName = u"TaxRate";

    QString id;
    QString syncToken;
    QString name;
    QString description;
    std::optional<bool> active;
    std::optional<Domain::Decimal> rateValue;
    Reference agencyRef;
    QString specialTaxType;
    QString displayType;
    MetaData metaData;

    [[nodiscard]] static Result<TaxRate> fromJson(const QJsonObject &object);
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const TaxRate &, const TaxRate &) = default;
};

} // namespace Concord::QuickBooks
