#pragma once

#include "common/error.h"
#include "connectors/quickbooks/salesform.h"

#include <QDateTime>
#include <QJsonObject>

namespace Concord::QuickBooks {

// An invoice. Paid when balance is zero; partially paid when 0 < balance <
// totalAmt; Balance starts at TotalAmt − Deposit. Voided invoices have zero
// amounts and a PrivateNote starting with "Voided".
struct Invoice : SalesForm {
    static constexpr QStringView kEntityName = u"Invoice";

    QDate dueDate;
    Reference salesTermRef;
    std::optional<Domain::Money> deposit;
    QString deliveryType;    // DeliveryInfo.DeliveryType ("Email"), read-only
    QDateTime deliveryTime;  // DeliveryInfo.DeliveryTime, read-only
    QString invoiceLink;     // read-only, only with include=invoiceLink

    // `homeCurrency` applies when the JSON has no CurrencyRef. Errors name the
    // offending field (e.g. an amount with more decimals than the currency).
    [[nodiscard]] static Result<Invoice> fromJson(const QJsonObject &object,
                                   const QString &homeCurrency = defaultHomeCurrency());
    // Only the fields that are set.
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const Invoice &, const Invoice &) = default;
};

} // namespace Concord::QuickBooks
