#pragma once

#include "common/error.h"
#include "connectors/quickbooks/salesform.h"

#include <QDateTime>
#include <QJsonObject>

namespace Concord::QuickBooks {

// A refund receipt: money paid back out of DepositToAccountRef (required on
// create together with at least one line).
struct RefundReceipt : SalesForm {
    static constexpr QStringView kEntityName = u"RefundReceipt";

    Reference paymentMethodRef;
    QString paymentRefNum;
    QString paymentType; // Cash | Check | CreditCard | Other

    // `homeCurrency` applies when the JSON has no CurrencyRef. Errors name the
    // offending field (e.g. an amount with more decimals than the currency).
    [[nodiscard]] static Result<RefundReceipt> fromJson(const QJsonObject &object,
                                   const QString &homeCurrency = defaultHomeCurrency());
    // Only the fields that are set.
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const RefundReceipt &, const RefundReceipt &) = default;
};

} // namespace Concord::QuickBooks
