#pragma once

#include "common/error.h"
#include "connectors/quickbooks/salesform.h"

#include <QDateTime>
#include <QJsonObject>

namespace Concord::QuickBooks {

// A credit memo: the sales-form shape plus the credit still unapplied.
struct CreditMemo : SalesForm {
    static constexpr QStringView kEntityName = u"CreditMemo";

    std::optional<Domain::Money> remainingCredit; // read-only: credit still available

    // `homeCurrency` applies when the JSON has no CurrencyRef. Errors name the
    // offending field (e.g. an amount with more decimals than the currency).
    [[nodiscard]] static Result<CreditMemo> fromJson(const QJsonObject &object,
                                   const QString &homeCurrency = defaultHomeCurrency());
    // Only the fields that are set.
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const CreditMemo &, const CreditMemo &) = default;
};

} // namespace Concord::QuickBooks
