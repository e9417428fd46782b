#include "connectors/quickbooks/taxcode.h"

#include "connectors/quickbooks/salesform_p.h"

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

namespace {

QList<TaxRateDetail> readRates(const Internal::JsonReader &list)
{
    QList<TaxRateDetail> out;
    for (const Internal::JsonReader &d : list.array(u"TaxRateDetail"))
        out.append(TaxRateDetail{ d.reference(u"TaxRateRef"), d.string(u"TaxTypeApplicable"),
                                  d.integer(u"TaxOrder") });
    return out;
}

QJsonObject writeRates(const QList<TaxRateDetail> &rates)
{
    QJsonArray details;
    for (const TaxRateDetail &rate : rates) {
        Internal::JsonWriter d;
        d.reference(u"TaxRateRef", rate.taxRateRef);
        d.string(u"TaxTypeApplicable", rate.taxTypeApplicable);
        d.integer(u"TaxOrder", rate.taxOrder);
        details.append(d.take());
    }
    // An empty list is meaningful ("no purchase rates"), so it is written.
    return QJsonObject{ { u"TaxRateDetail"_s, details } };
}

} // namespace

Result<TaxCode> TaxCode::fromJson(const QJsonObject &object)
{
    Internal::JsonReader r(object, u"TaxCode"_s, defaultHomeCurrency());
    TaxCode v;
    v.id = r.string(u"Id");
    v.syncToken = r.string(u"SyncToken");
    v.name = r.string(u"Name");
    v.description = r.string(u"Description");
    v.active = r.boolean(u"Active");
    v.taxable = r.boolean(u"Taxable");
    v.taxGroup = r.boolean(u"TaxGroup");
    v.salesTaxRates = readRates(r.child(u"SalesTaxRateList"));
    v.purchaseTaxRates = readRates(r.child(u"PurchaseTaxRateList"));
    v.metaData = r.metaData();
    return Internal::finish(r, std::move(v));
}

QJsonObject TaxCode::toJson() const
{
    Internal::JsonWriter w;
    w.string(u"Id", id);
    w.string(u"SyncToken", syncToken);
    w.string(u"Name", name);
    w.string(u"Description", description);
    w.boolean(u"Active", active);
    w.boolean(u"Taxable", taxable);
    w.boolean(u"TaxGroup", taxGroup);
    w.value(u"SalesTaxRateList", writeRates(salesTaxRates));
    w.value(u"PurchaseTaxRateList", writeRates(purchaseTaxRates));
    w.metaData(metaData);
    return w.take();
}

} // namespace Concord::QuickBooks
