#pragma once

#include "common/error.h"
#include "connectors/quickbooks/basetypes.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include <optional>

namespace Concord::QuickBooks {

// The connected company (GET /companyinfo/{realmId}).
struct CompanyInfo {
    static constexpr QStringView kEntityName = u"CompanyInfo";

    QString id;
    QString syncToken;
    QString companyName;
    QString legalName;
    QString country;
    QString email;         // Email.Address
    QString primaryPhone;  // PrimaryPhone.FreeFormNumber
    QString webAddr;       // WebAddr.URI
    PhysicalAddress companyAddr;
    PhysicalAddress legalAddr;
    PhysicalAddress customerCommunicationAddr;
    QString fiscalYearStartMonth;
    QDate companyStartDate;
    QString supportedLanguages;
    QString defaultTimeZone; // minorversion ≥ 75; IANA name when present
    QList<QPair<QString, QString>> nameValues; // NameValue[]: subscription, SKU, …
    MetaData metaData;

    // The value of a NameValue entry ("OfferingSku" → "QuickBooks Online Plus").
    [[nodiscard]] QString nameValue(const QString &name) const;

    [[nodiscard]] static Result<CompanyInfo> fromJson(const QJsonObject &object);
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const CompanyInfo &, const CompanyInfo &) = default;
};

} // namespace Concord::QuickBooks
