#pragma once

#include "common/error.h"
#include "connectors/quickbooks/basetypes.h"
#include "domain/money.h"

#include <QJsonObject>

#include <optional>

namespace Concord::QuickBooks {

// A QuickBooks Customer (the fields Concord reads or writes; others are
// ignored on read). DisplayName is unique across customers, vendors and
// employees (6240 otherwise; see displayNameCandidates()).
struct Customer {
    static constexpr QStringView kEntityName = u"Customer";

    QString id;
    QString syncToken;
    QString displayName; // ≤ 100 characters, no ':' / tab / newline
    QString title;
    QString givenName;
    QString middleName;
    QString familyName;
    QString suffix;
    QString companyName;
    QString fullyQualifiedName; // read-only
    QString primaryEmail;       // PrimaryEmailAddr.Address
    QString primaryPhone;       // PrimaryPhone.FreeFormNumber
    QString mobilePhone;        // Mobile.FreeFormNumber
    PhysicalAddress billAddr;
    QString notes;
    std::optional<bool> active;
    std::optional<Domain::Money> balance; // open balance; on create the opening balance
    Reference defaultTaxCodeRef;
    Reference salesTermRef;
    Reference currencyRef; // as sent; empty for single-currency companies
    QString currency;      // resolved: CurrencyRef.value, else the home currency
    MetaData metaData;     // read-only

    // `homeCurrency` applies when the JSON has no CurrencyRef.
    [[nodiscard]] static Result<Customer> fromJson(const QJsonObject &object,
                                                   const QString &homeCurrency = defaultHomeCurrency());
    // Only the fields that are set ("only properties with values are
    // serialized"): suitable for create bodies and, via sparseUpdateBody(), for
    // sparse updates.
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const Customer &, const Customer &) = default;
};

} // namespace Concord::QuickBooks
