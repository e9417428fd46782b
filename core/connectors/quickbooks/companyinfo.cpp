#include "connectors/quickbooks/companyinfo.h"

#include "connectors/quickbooks/salesform_p.h"

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

QString CompanyInfo::nameValue(const QString &name) const
{
    for (const auto &[key, value] : nameValues) {
        if (key == name)
            return value;
    }
    return {};
}

Result<CompanyInfo> CompanyInfo::fromJson(const QJsonObject &object)
{
    Internal::JsonReader r(object, u"CompanyInfo"_s, defaultHomeCurrency());
    CompanyInfo v;
    v.id = r.string(u"Id");
    v.syncToken = r.string(u"SyncToken");
    v.companyName = r.string(u"CompanyName");
    v.legalName = r.string(u"LegalName");
    v.country = r.string(u"Country");
    v.email = r.nestedString(u"Email", u"Address");
    v.primaryPhone = r.nestedString(u"PrimaryPhone", u"FreeFormNumber");
    v.webAddr = r.nestedString(u"WebAddr", u"URI");
    v.companyAddr = r.address(u"CompanyAddr");
    v.legalAddr = r.address(u"LegalAddr");
    v.customerCommunicationAddr = r.address(u"CustomerCommunicationAddr");
    v.fiscalYearStartMonth = r.string(u"FiscalYearStartMonth");
    v.companyStartDate = r.date(u"CompanyStartDate");
    v.supportedLanguages = r.string(u"SupportedLanguages");
    v.defaultTimeZone = r.string(u"DefaultTimeZone");
    for (const Internal::JsonReader &nv : r.array(u"NameValue"))
        v.nameValues.append({ nv.string(u"Name"), nv.string(u"Value") });
    v.metaData = r.metaData();
    return Internal::finish(r, std::move(v));
}

QJsonObject CompanyInfo::toJson() const
{
    Internal::JsonWriter w;
    w.string(u"Id", id);
    w.string(u"SyncToken", syncToken);
    w.string(u"CompanyName", companyName);
    w.string(u"LegalName", legalName);
    w.string(u"Country", country);
    w.nestedString(u"Email", u"Address", email);
    w.nestedString(u"PrimaryPhone", u"FreeFormNumber", primaryPhone);
    w.nestedString(u"WebAddr", u"URI", webAddr);
    w.address(u"CompanyAddr", companyAddr);
    w.address(u"LegalAddr", legalAddr);
    w.address(u"CustomerCommunicationAddr", customerCommunicationAddr);
    w.string(u"FiscalYearStartMonth", fiscalYearStartMonth);
    w.date(u"CompanyStartDate", companyStartDate);
    w.string(u"SupportedLanguages", supportedLanguages);
    w.string(u"DefaultTimeZone", defaultTimeZone);
    QJsonArray pairs;
    for (const auto &[name, value] : nameValues)
        pairs.append(QJsonObject{ { u"Name"_s, name }, { u"Value"_s, value } });
    w.array(u"NameValue", pairs);
    w.metaData(metaData);
    return w.take();
}

} // namespace Concord::QuickBooks
