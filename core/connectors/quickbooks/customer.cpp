#include "connectors/quickbooks/customer.h"

#include "connectors/quickbooks/jsonio_p.h"

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

using Internal::JsonReader;
using Internal::JsonWriter;

Result<Customer> Customer::fromJson(const QJsonObject &object, const QString &homeCurrency)
{
    JsonReader r(object, u"Customer"_s, homeCurrency);
    Customer c;
    c.currencyRef = r.reference(u"CurrencyRef");
    c.currency = c.currencyRef.isSet() ? c.currencyRef.value : homeCurrency;
    r.setCurrency(c.currency);
    c.id = r.string(u"Id");
    c.syncToken = r.string(u"SyncToken");
    c.displayName = r.string(u"DisplayName");
    c.title = r.string(u"Title");
    c.givenName = r.string(u"GivenName");
    c.middleName = r.string(u"MiddleName");
    c.familyName = r.string(u"FamilyName");
    c.suffix = r.string(u"Suffix");
    c.companyName = r.string(u"CompanyName");
    c.fullyQualifiedName = r.string(u"FullyQualifiedName");
    c.primaryEmail = r.nestedString(u"PrimaryEmailAddr", u"Address");
    c.primaryPhone = r.nestedString(u"PrimaryPhone", u"FreeFormNumber");
    c.mobilePhone = r.nestedString(u"Mobile", u"FreeFormNumber");
    c.billAddr = r.address(u"BillAddr");
    c.notes = r.string(u"Notes");
    c.active = r.boolean(u"Active");
    c.balance = r.money(u"Balance");
    c.defaultTaxCodeRef = r.reference(u"DefaultTaxCodeRef");
    c.salesTermRef = r.reference(u"SalesTermRef");
    c.metaData = r.metaData();
    if (!r.ok())
        return std::unexpected(r.error());
    return c;
}

QJsonObject Customer::toJson() const
{
    JsonWriter w;
    w.string(u"Id", id);
    w.string(u"SyncToken", syncToken);
    w.string(u"DisplayName", displayName);
    w.string(u"Title", title);
    w.string(u"GivenName", givenName);
    w.string(u"MiddleName", middleName);
    w.string(u"FamilyName", familyName);
    w.string(u"Suffix", suffix);
    w.string(u"CompanyName", companyName);
    w.string(u"FullyQualifiedName", fullyQualifiedName);
    w.nestedString(u"PrimaryEmailAddr", u"Address", primaryEmail);
    w.nestedString(u"PrimaryPhone", u"FreeFormNumber", primaryPhone);
    w.nestedString(u"Mobile", u"FreeFormNumber", mobilePhone);
    w.address(u"BillAddr", billAddr);
    w.string(u"Notes", notes);
    w.boolean(u"Active", active);
    w.money(u"Balance", balance);
    w.reference(u"DefaultTaxCodeRef", defaultTaxCodeRef);
    w.reference(u"SalesTermRef", salesTermRef);
    w.reference(u"CurrencyRef", currencyRef);
    w.metaData(metaData);
    return w.take();
}

} // namespace Concord::QuickBooks
