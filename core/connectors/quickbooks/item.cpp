#include "connectors/quickbooks/item.h"

#include "connectors/quickbooks/salesform_p.h"

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

Result<Item> Item::fromJson(const QJsonObject &object)
{
    Internal::JsonReader r(object, u"Item"_s, defaultHomeCurrency());
    Item v;
    v.id = r.string(u"Id");
    v.syncToken = r.string(u"SyncToken");
    v.name = r.string(u"Name");
    v.description = r.string(u"Description");
    v.type = r.string(u"Type");
    v.fullyQualifiedName = r.string(u"FullyQualifiedName");
    v.sku = r.string(u"Sku");
    v.active = r.boolean(u"Active");
    v.taxable = r.boolean(u"Taxable");
    v.unitPrice = r.decimal(u"UnitPrice");
    v.purchaseCost = r.decimal(u"PurchaseCost");
    v.purchaseDesc = r.string(u"PurchaseDesc");
    v.incomeAccountRef = r.reference(u"IncomeAccountRef");
    v.expenseAccountRef = r.reference(u"ExpenseAccountRef");
    v.assetAccountRef = r.reference(u"AssetAccountRef");
    v.salesTaxCodeRef = r.reference(u"SalesTaxCodeRef");
    v.parentRef = r.reference(u"ParentRef");
    v.subItem = r.boolean(u"SubItem");
    v.trackQtyOnHand = r.boolean(u"TrackQtyOnHand");
    v.qtyOnHand = r.decimal(u"QtyOnHand");
    v.invStartDate = r.date(u"InvStartDate");
    v.metaData = r.metaData();
    return Internal::finish(r, std::move(v));
}

QJsonObject Item::toJson() const
{
    Internal::JsonWriter w;
    w.string(u"Id", id);
    w.string(u"SyncToken", syncToken);
    w.string(u"Name", name);
    w.string(u"Description", description);
    w.string(u"Type", type);
    w.string(u"FullyQualifiedName", fullyQualifiedName);
    w.string(u"Sku", sku);
    w.boolean(u"Active", active);
    w.boolean(u"Taxable", taxable);
    w.decimal(u"UnitPrice", unitPrice);
    w.decimal(u"PurchaseCost", purchaseCost);
    w.string(u"PurchaseDesc", purchaseDesc);
    w.reference(u"IncomeAccountRef", incomeAccountRef);
    w.reference(u"ExpenseAccountRef", expenseAccountRef);
    w.reference(u"AssetAccountRef", assetAccountRef);
    w.reference(u"SalesTaxCodeRef", salesTaxCodeRef);
    w.reference(u"ParentRef", parentRef);
    w.boolean(u"SubItem", subItem);
    w.boolean(u"TrackQtyOnHand", trackQtyOnHand);
    w.decimal(u"QtyOnHand", qtyOnHand);
    w.date(u"InvStartDate", invStartDate);
    w.metaData(metaData);
    return w.take();
}

} // namespace Concord::QuickBooks
