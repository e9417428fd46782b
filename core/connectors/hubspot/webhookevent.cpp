#include "connectors/hubspot/webhookevent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Concord::HubSpot {

namespace {

// Ids arrive as JSON numbers (up to 2^53 exactly) or strings.
QString idText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

Result<WebhookEvent> eventFromJson(const QJsonObject &o, int index)
{
    WebhookEvent e;
    e.eventId = idText(o.value(u"eventId"_s));
    e.subscriptionId = idText(o.value(u"subscriptionId"_s));
    e.portalId = idText(o.value(u"portalId"_s));
    e.appId = idText(o.value(u"appId"_s));
    const QJsonValue occurred = o.value(u"occurredAt"_s);
    e.occurredAtMs = occurred.isString() ? occurred.toString().toLongLong() : occurred.toInteger();
    e.subscriptionType = o.value(u"subscriptionType"_s).toString();
    if (e.subscriptionType.isEmpty())
        e.subscriptionType = o.value(u"eventType"_s).toString();
    e.attemptNumber = o.value(u"attemptNumber"_s).toInt();
    e.objectId = idText(o.value(u"objectId"_s));
    e.objectTypeId = o.value(u"objectTypeId"_s).toString();
    e.changeSource = o.value(u"changeSource"_s).toString();
    e.sourceId = o.value(u"sourceId"_s).toString();
    e.changeFlag = o.value(u"changeFlag"_s).toString();
    e.propertyName = o.value(u"propertyName"_s).toString();
    if (o.contains(u"propertyValue"_s) && !o.value(u"propertyValue"_s).isNull()) {
        const QJsonValue v = o.value(u"propertyValue"_s);
        e.propertyValue = v.isString() ? v.toString() : v.toVariant().toString();
    }
    e.primaryObjectId = idText(o.value(u"primaryObjectId"_s));
    for (const QJsonValue &v : o.value(u"mergedObjectIds"_s).toArray())
        e.mergedObjectIds.append(idText(v));
    e.newObjectId = idText(o.value(u"newObjectId"_s));
    e.numberOfPropertiesMoved = o.value(u"numberOfPropertiesMoved"_s).toInt();
    e.associationType = o.value(u"associationType"_s).toString();
    e.fromObjectId = idText(o.value(u"fromObjectId"_s));
    e.toObjectId = idText(o.value(u"toObjectId"_s));
    e.associationRemoved = o.value(u"associationRemoved"_s).toBool();
    e.isPrimaryAssociation = o.value(u"isPrimaryAssociation"_s).toBool();
    // associationChange events name their ends, not an objectId.
    if (e.subscriptionType.isEmpty() || (e.objectId.isEmpty() && e.fromObjectId.isEmpty()))
        return fail(ErrorCode::InvalidArgument,
                    u"HubSpot webhook event %1 has no subscriptionType or objectId"_s.arg(index));
    if (e.occurredAtMs <= 0)
        return fail(ErrorCode::InvalidArgument, u"HubSpot webhook event %1 has no occurredAt"_s.arg(index));
    return e;
}

} // namespace

QString WebhookEvent::dedupeKey() const
{
    return u"%1/%2/%3/%4"_s.arg(subscriptionId, eventId, objectId.isEmpty() ? fromObjectId : objectId)
        .arg(occurredAtMs);
}

QString WebhookEvent::survivorId() const
{
    return !newObjectId.isEmpty() ? newObjectId : primaryObjectId;
}

Result<QList<WebhookEvent>> WebhookEvent::parseDelivery(QByteArrayView body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError)
        return fail(ErrorCode::InvalidArgument, u"HubSpot webhook body is not JSON"_s, error.errorString());
    QJsonArray items;
    if (doc.isArray())
        items = doc.array();
    else if (doc.isObject())
        items.append(doc.object());
    else
        return fail(ErrorCode::InvalidArgument, u"HubSpot webhook body is neither an array nor an object"_s);
    QList<WebhookEvent> events;
    int index = 0;
    for (const QJsonValue &v : std::as_const(items)) {
        if (!v.isObject())
            return fail(ErrorCode::InvalidArgument, u"HubSpot webhook event %1 is not an object"_s.arg(index));
        auto event = eventFromJson(v.toObject(), index++);
        if (!event)
            return std::unexpected(event.error());
        events.append(*event);
    }
    return events;
}

} // namespace Concord::HubSpot
