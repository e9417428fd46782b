#pragma once

#include "connectors/hubspot/crmobject.h"

#include <QStringList>

namespace Concord::HubSpot {

// A HubSpot contact as Concord reads it: the identity fields (email, phones,
// additional emails), the names, and the change/merge bookkeeping. Built from
// a CrmObject; `object` keeps every property that was returned. Pure value.
struct Contact {
    QString id;
    QString email;
    QString firstName;
    QString lastName;
    QString phone;           // as typed (free text)
    QString mobilePhone;     // as typed
    QString calculatedPhone; // hs_calculated_phone_number: HubSpot's E.164 form, read-only
    QStringList additionalEmails; // hs_additional_emails, ';'-separated
    QStringList mergedObjectIds;  // hs_merged_object_ids: ids merged into this record
    QDateTime createdAt;
    QDateTime lastModifiedAt; // lastmodifieddate (contacts; not hs_lastmodifieddate)
    bool archived = false;
    CrmObject object;

    // Property names Concord asks for on every contact read.
    [[nodiscard]] static QStringList defaultProperties();
    [[nodiscard]] static Contact fromObject(const CrmObject &object);

    friend bool operator==(const Contact &, const Contact &) = default;
};

// hs_additional_emails / hs_merged_object_ids: ';'-separated, blanks dropped.
[[nodiscard]] QStringList splitSemicolonList(const QString &text);

} // namespace Concord::HubSpot
