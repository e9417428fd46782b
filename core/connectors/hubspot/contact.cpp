#include "connectors/hubspot/contact.h"

using namespace Qt::StringLiterals;

namespace Concord::HubSpot {

QStringList splitSemicolonList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(u';', Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            out.append(trimmed);
    }
    return out;
}

QStringList Contact::defaultProperties()
{
    return {u"email"_s,           u"firstname"_s,           u"lastname"_s,
            u"phone"_s,           u"mobilephone"_s,         u"hs_calculated_phone_number"_s,
            u"hs_additional_emails"_s, u"hs_merged_object_ids"_s, u"createdate"_s,
            u"lastmodifieddate"_s, u"hs_object_id"_s};
}

Contact Contact::fromObject(const CrmObject &object)
{
    Contact contact;
    contact.id = object.id;
    contact.email = object.value(u"email"_s);
    contact.firstName = object.value(u"firstname"_s);
    contact.lastName = object.value(u"lastname"_s);
    contact.phone = object.value(u"phone"_s);
    contact.mobilePhone = object.value(u"mobilephone"_s);
    contact.calculatedPhone = object.value(u"hs_calculated_phone_number"_s);
    contact.additionalEmails = splitSemicolonList(object.value(u"hs_additional_emails"_s));
    contact.mergedObjectIds = splitSemicolonList(object.value(u"hs_merged_object_ids"_s));
    contact.createdAt = object.createdAt.isValid() ? object.createdAt : parseTime(object.value(u"createdate"_s));
    // The property is what search filters on; updatedAt is the same instant
    // in every observed response, and the fallback when the property was not asked for.
    const QDateTime modified = parseTime(object.value(u"lastmodifieddate"_s));
    contact.lastModifiedAt = modified.isValid() ? modified : object.updatedAt;
    contact.archived = object.archived;
    contact.object = object;
    return contact;
}

} // namespace Concord::HubSpot
