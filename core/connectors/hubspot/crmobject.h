#pragma once

#include "common/error.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace Concord::HubSpot {

// A HubSpot time as properties and filters carry it: ISO 8601 UTC
// ("2019-12-07T16:50:06.678Z") or epoch milliseconds ("1575737406678").
// Invalid QDateTime when neither.
[[nodiscard]] QDateTime parseTime(const QString &text);
// Epoch milliseconds as a string, the form search filters take.
[[nodiscard]] QString epochMsString(const QDateTime &utc);
// ISO 8601 UTC with milliseconds, as HubSpot writes createdAt/updatedAt.
[[nodiscard]] QString isoUtc(const QDateTime &utc);

// One entry of propertiesWithHistory.
struct PropertyVersion {
    QString value;
    QDateTime timestamp;
    QString sourceType; // CRM_UI, API, IMPORT, …
    QString sourceId;
    std::optional<qint64> updatedByUserId;

    friend bool operator==(const PropertyVersion &, const PropertyVersion &) = default;
};

// One associated record inside a v3 record's "associations".
struct AssociationRef {
    QString id;
    QString type; // "contact_to_company"

    friend bool operator==(const AssociationRef &, const AssociationRef &) = default;
};

// A CRM record (SimplePublicObject, hubspot-calcom.md A2): every property
// value is a string or null. Pure value.
struct CrmObject {
    QString id;
    // null in JSON → nullopt (HubSpot sends null for an empty property it was asked for).
    QMap<QString, std::optional<QString>> properties;
    QDateTime createdAt;
    QDateTime updatedAt;
    bool archived = false;
    QDateTime archivedAt;
    QMap<QString, QList<PropertyVersion>> propertiesWithHistory;
    QMap<QString, QList<AssociationRef>> associations; // by associated object type
    // Batch upsert results only: whether this input created the record.
    std::optional<bool> created;

    // The value, or an empty string when absent or null.
    [[nodiscard]] QString value(const QString &property) const;
    [[nodiscard]] bool hasValue(const QString &property) const;

    // Refuses (RemoteValidation) an object without an id or whose properties
    // are not strings/null: those are not HubSpot records.
    [[nodiscard]] static Result<CrmObject> fromJson(const QJsonObject &json);
    [[nodiscard]] static Result<CrmObject> parse(QByteArrayView body);
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const CrmObject &, const CrmObject &) = default;
};

// Properties as a request body carries them: {"name":"value", …}.
using PropertyMap = QMap<QString, QString>;
[[nodiscard]] QJsonObject propertiesJson(const PropertyMap &properties);

} // namespace Concord::HubSpot
