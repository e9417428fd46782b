#pragma once

#include "common/error.h"
#include "connectors/quickbooks/basetypes.h"
#include "domain/decimal.h"

#include <QDate>
#include <QJsonObject>

#include <optional>

namespace Concord::QuickBooks {

// A product or service (Type Service | Inventory | NonInventory | Group |
// Category). Prices are Decimal, not Money: an item has no currency of its own
// and unit prices may carry more digits than a currency.
struct Item {
    static constexpr QStringView kEntityName = u"Item";

    QString id;
    QString syncToken;
    QString name; // unique
    QString description;
    QString type;
    QString fullyQualifiedName; // read-only
    QString sku;
    std::optional<bool> active;
    std::optional<bool> taxable;
    std::optional<Domain::Decimal> unitPrice;
    std::optional<Domain::Decimal> purchaseCost;
    QString purchaseDesc;
    Reference incomeAccountRef;
    Reference expenseAccountRef;
    Reference assetAccountRef; // required for Inventory
    Reference salesTaxCodeRef;
    Reference parentRef;
    std::optional<bool> subItem;
    std::optional<bool> trackQtyOnHand;
    std::optional<Domain::Decimal> qtyOnHand;
    QDate invStartDate;
    MetaData metaData;

    [[nodiscard]] static Result<Item> fromJson(const QJsonObject &object);
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const Item &, const Item &) = default;
};

} // namespace Concord::QuickBooks
