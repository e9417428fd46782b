#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

// Small value types shared by the QuickBooks entities (IntuitBaseTypes in
// Intuit's schema). Plain aggregates: an empty QString / invalid QDate means
// "not present" and is never serialized (QuickBooks: "only properties with
// values are serialized").
namespace Concord::QuickBooks {

// The home currency assumed when an entity carries no CurrencyRef: single-
// currency QuickBooks companies omit it. Callers that know the company's
// currency (Preferences.CurrencyPrefs.HomeCurrency) pass it instead.
[[nodiscard]] inline QString defaultHomeCurrency()
{
    return QStringLiteral("USD");
}

// {"value":"<Id>","name":"<display>"}; `name` is informational and optional
// on input.
struct Reference {
    QString value;
    QString name;

    [[nodiscard]] bool isSet() const { return !value.isEmpty(); }
    friend bool operator==(const Reference &, const Reference &) = default;
};

// BillAddr / ShipAddr / CompanyAddr. Lat/Long stay text: QuickBooks sends
// "INVALID" there when geocoding failed.
struct PhysicalAddress {
    QString id;
    QString line1, line2, line3, line4, line5;
    QString city;
    QString countrySubDivisionCode;
    QString postalCode;
    QString country;
    QString lat;
    QString lng;

    [[nodiscard]] bool isEmpty() const { return *this == PhysicalAddress{}; }
    friend bool operator==(const PhysicalAddress &, const PhysicalAddress &) = default;
};

// Server-maintained timestamps, converted to UTC (the JSON carries the
// company's offset, e.g. 2015-07-24T10:35:08-07:00). Read-only.
struct MetaData {
    QDateTime createTime;
    QDateTime lastUpdatedTime;

    [[nodiscard]] bool isEmpty() const { return !createTime.isValid() && !lastUpdatedTime.isValid(); }
    friend bool operator==(const MetaData &, const MetaData &) = default;
};

// A link to another transaction: on an invoice {TxnId:<payment>, TxnType:"Payment"},
// on a payment line {TxnId:<invoice>, TxnType:"Invoice"}.
struct LinkedTxn {
    QString txnId;
    QString txnType;
    QString txnLineId;

    friend bool operator==(const LinkedTxn &, const LinkedTxn &) = default;
};

// Sales-form custom field (at most three per company, defined in Preferences).
struct CustomField {
    QString definitionId;
    QString name;
    QString type; // "StringType" in practice
    QString stringValue;

    friend bool operator==(const CustomField &, const CustomField &) = default;
};

} // namespace Concord::QuickBooks
