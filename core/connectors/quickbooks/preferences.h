#pragma once

#include "common/error.h"
#include "connectors/quickbooks/basetypes.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace Concord::QuickBooks {

// The few company preferences Concord acts on (GET /preferences; read only).
struct Preferences {
    static constexpr QStringView kEntityName = u"Preferences";

    QString id;
    QString syncToken;
    QString homeCurrency; // CurrencyPrefs.HomeCurrency.value: pass to fromJson() of entities
    std::optional<bool> multiCurrencyEnabled;
    // SalesFormsPrefs: when CustomTxnNumbers is false QuickBooks numbers
    // invoices itself; when true a duplicate DocNumber is refused (6140).
    std::optional<bool> customTxnNumbers;
    std::optional<bool> allowDeposit;
    std::optional<bool> allowDiscount;
    std::optional<bool> allowServiceDate;
    Reference defaultTerms;
    // Names of sales-form custom fields 1..3 in use ("Crew #"); an empty
    // string for a slot that is switched off.
    QStringList salesCustomFieldNames;
    MetaData metaData;

    [[nodiscard]] static Result<Preferences> fromJson(const QJsonObject &object);

    friend bool operator==(const Preferences &, const Preferences &) = default;
};

} // namespace Concord::QuickBooks
