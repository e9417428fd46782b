#include "connectors/quickbooks/preferences.h"

#include "connectors/quickbooks/salesform_p.h"

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

Result<Preferences> Preferences::fromJson(const QJsonObject &object)
{
    Internal::JsonReader r(object, u"Preferences"_s, defaultHomeCurrency());
    Preferences v;
    v.id = r.string(u"Id");
    v.syncToken = r.string(u"SyncToken");
    const Internal::JsonReader currency = r.child(u"CurrencyPrefs");
    v.homeCurrency = currency.reference(u"HomeCurrency").value;
    v.multiCurrencyEnabled = currency.boolean(u"MultiCurrencyEnabled");
    const Internal::JsonReader sales = r.child(u"SalesFormsPrefs");
    v.customTxnNumbers = sales.boolean(u"CustomTxnNumbers");
    v.allowDeposit = sales.boolean(u"AllowDeposit");
    v.allowDiscount = sales.boolean(u"AllowDiscount");
    v.allowServiceDate = sales.boolean(u"AllowServiceDate");
    v.defaultTerms = sales.reference(u"DefaultTerms");

    // Custom fields come as groups of {Name, Type, BooleanValue|StringValue};
    // "UseSalesCustomN" switches slot N on, "SalesCustomNameN" names it. The
    // published sample has a space inside the names ("SalesFormsPrefs .Use…").
    bool used[3] = { false, false, false };
    QString names[3];
    for (const Internal::JsonReader &group : sales.array(u"CustomField")) {
        for (const Internal::JsonReader &field : group.array(u"CustomField")) {
            QString name = field.string(u"Name");
            name.remove(u' ');
            for (int slot = 1; slot <= 3; ++slot) {
                if (name == u"SalesFormsPrefs.UseSalesCustom%1"_s.arg(slot))
                    used[slot - 1] = field.boolean(u"BooleanValue").value_or(false);
                else if (name == u"SalesFormsPrefs.SalesCustomName%1"_s.arg(slot))
                    names[slot - 1] = field.string(u"StringValue");
            }
        }
    }
    for (int slot = 0; slot < 3; ++slot)
        v.salesCustomFieldNames.append(used[slot] ? names[slot] : QString());
    v.metaData = r.metaData();
    return Internal::finish(r, std::move(v));
}

} // namespace Concord::QuickBooks
