#pragma once

#include "common/error.h"
#include "connectors/quickbooks/salesform.h"

#include <QDateTime>
#include <QJsonObject>

namespace Concord::QuickBooks {

// A sales receipt (a sale paid on the spot). Concord only reads these (batch
// query results, captured responses); it never creates them.
struct SalesReceipt : SalesForm {
    static constexpr QStringView kEntityName = u"SalesReceipt";

    Reference paymentMethodRef;
    QString paymentRefNum;

    // `homeCurrency` applies when the JSON has no CurrencyRef. Errors name the
    // offending field (e.g. an amount with more decimals than the currency).
    [[nodiscard]] static Result<SalesReceipt> fromJson(const QJsonObject &object,
                                   const QString &homeCurrency = defaultHomeCurrency());
    // Only the fields that are set.
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const SalesReceipt &, const SalesReceipt &) = default;
};

} // namespace Concord::QuickBooks
