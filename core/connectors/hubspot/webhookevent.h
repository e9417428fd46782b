#pragma once

#include "common/error.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Concord::HubSpot {

// One event of a HubSpot webhook delivery (hubspot-calcom.md A12): a POST
// whose body is a JSON array of up to 100 of these. Ids are kept as text:
// object ids are strings everywhere else in the API. Pure value.
struct WebhookEvent {
    QString eventId;          // "not guaranteed to be unique": see dedupeKey()
    QString subscriptionId;
    QString portalId;
    QString appId;
    qint64 occurredAtMs = 0;  // epoch ms
    QString subscriptionType; // "contact.propertyChange" (older docs: eventType)
    int attemptNumber = 0;    // 0 = first try; changes on each retry
    QString objectId;
    QString objectTypeId;     // generic format: "0-1" = contact
    QString changeSource;     // CRM_UI, API, IMPORT, …
    QString sourceId;         // "userId:45678"
    QString changeFlag;       // CREATED, …
    QString propertyName;     // propertyChange
    std::optional<QString> propertyValue;
    // contact.merge
    QString primaryObjectId;
    QStringList mergedObjectIds;
    QString newObjectId;      // the survivor's id after the merge (may differ from primaryObjectId)
    int numberOfPropertiesMoved = 0;
    // associationChange
    QString associationType;
    QString fromObjectId;
    QString toObjectId;
    bool associationRemoved = false;
    bool isPrimaryAssociation = false;

    [[nodiscard]] QDateTime occurredAt() const { return QDateTime::fromMSecsSinceEpoch(occurredAtMs, Qt::UTC); }
    // "contact" of "contact.propertyChange".
    [[nodiscard]] QString objectType() const { return subscriptionType.section(u'.', 0, 0); }
    // "propertyChange" of "contact.propertyChange".
    [[nodiscard]] QString action() const { return subscriptionType.section(u'.', 1); }
    // The documented idempotency key: subscriptionId, eventId, objectId,
    // occurredAt (attemptNumber changes per retry, so it is left out).
    [[nodiscard]] QString dedupeKey() const;
    // For a merge: the id the survivor has now (newObjectId, else primaryObjectId).
    [[nodiscard]] QString survivorId() const;

    // The delivery body: a JSON array of events (an object alone is read as
    // one event). An element without subscriptionType/eventType or objectId
    // is refused: it cannot be acted on.
    [[nodiscard]] static Result<QList<WebhookEvent>> parseDelivery(QByteArrayView body);

    friend bool operator==(const WebhookEvent &, const WebhookEvent &) = default;
};

} // namespace Concord::HubSpot
