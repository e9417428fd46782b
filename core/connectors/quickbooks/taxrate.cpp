#include "connectors/quickbooks/taxrate.h"

#include "connectors/quickbooks/salesform_p.h"

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

Result<TaxRate> TaxRate::fromJson(const QJsonObject &object)
{
    Internal::JsonReader r(object, u"TaxRate"_s, defaultHomeCurrency());
    TaxRate v;
    v.id = r.string(u"Id");
    v.syncToken = r.string(u"SyncToken");
    v.name = r.string(u"Name");
    v.description = r.string(u"Description");
    v.active = r.boolean(u"Active");
    v.rateValue = r.decimal(u"RateValue");
    v.agencyRef = r.reference(u"AgencyRef");
    v.specialTaxType = r.string(u"SpecialTaxType");
    v.displayType = r.string(u"DisplayType");
    v.metaData = r.metaData();
    return Internal::finish(r, std::move(v));
}

QJsonObject TaxRate::toJson() const
{
    Internal::JsonWriter w;
    w.string(u"Id", id);
    w.string(u"SyncToken", syncToken);
    w.string(u"Name", name);
    w.string(u"Description", description);
    w.boolean(u"Active", active);
    w.decimal(u"RateValue", rateValue);
    w.reference(u"AgencyRef", agencyRef);
    w.string(u"SpecialTaxType", specialTaxType);
    w.string(u"DisplayType", displayType);
    w.metaData(metaData);
    return w.take();
}

} // namespace Concord::QuickBooks
