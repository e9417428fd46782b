#pragma once

#include "common/error.h"
#include "connectors/quickbooks/basetypes.h"

#include <QJsonObject>
#include <QList>

namespace Concord::QuickBooks {

// Calls T::fromJson with the home currency when T's amounts need one
// (Customer, Invoice, Payment, CreditMemo, RefundReceipt, SalesReceipt) and
// without it otherwise (Item, TaxCode, Term, …), so envelope helpers can be
// generic over entity types.
template<typename T>
[[nodiscard]] Result<T> entityFromJson(const QJsonObject &object,
                                       const QString &homeCurrency = defaultHomeCurrency())
{
    if constexpr (requires { T::fromJson(object, homeCurrency); })
        return T::fromJson(object, homeCurrency);
    else
        return T::fromJson(object);
}

// All objects as T; the first failure is the result.
template<typename T>
[[nodiscard]] Result<QList<T>> entitiesFromJson(const QList<QJsonObject> &objects,
                                                const QString &homeCurrency = defaultHomeCurrency())
{
    QList<T> out;
    out.reserve(objects.size());
    for (const QJsonObject &object : objects) {
        auto entity = entityFromJson<T>(object, homeCurrency);
        if (!entity)
            return std::unexpected(entity.error());
        out.append(std::move(*entity));
    }
    return out;
}

} // namespace Concord::QuickBooks
