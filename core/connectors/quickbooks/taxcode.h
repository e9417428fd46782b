#pragma once

#include "common/error.h"
#include "connectors/quickbooks/basetypes.h"

#include <QJsonObject>

#include <optional>

namespace Concord::QuickBooks {

// One rate a tax code applies (SalesTaxRateList / PurchaseTaxRateList).
struct TaxRateDetail {
    Reference taxRateRef;
    QString taxTypeApplicable; // e.g. TaxOnAmount
    std::optional<int> taxOrder;

    friend bool operator==(const TaxRateDetail &, const TaxRateDetail &) = default;
};

// A tax code: read/query only through the Accounting API (created via
// /taxservice/taxcode). US companies also use the pseudo codes "TAX"/"NON" in
// line TaxCodeRefs, which are not TaxCode entities.
struct TaxCode {
    static constexpr QStringView kEntityName = u"TaxCode";

    QString id;
    QString syncToken;
    QString name;
    QString description;
    std::optional<bool> active;
    std::optional<bool> taxable;  // read-only
    std::optional<bool> taxGroup; // read-only
    QList<TaxRateDetail> salesTaxRates;
    QList<TaxRateDetail> purchaseTaxRates;
    MetaData metaData;

    [[nodiscard]] static Result<TaxCode> fromJson(const QJsonObject &object);
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const TaxCode &, const TaxCode &) = default;
};

} // namespace Concord::QuickBooks
