#include "connectors/hubspot/crmobject.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Concord::HubSpot {

namespace {

Error malformed(const QString &what)
{
    Error error = Error::make(ErrorCode::RemoteValidation, u"HubSpot sent a record Concord cannot read"_s, what);
    return error;
}

// HubSpot ids are strings in v3 bodies; some older shapes send numbers.
QString idText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

} // namespace

QDateTime parseTime(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    bool numeric = false;
    const qint64 ms = t.toLongLong(&numeric);
    if (numeric)
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    QDateTime parsed = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return {};
    // A date-time without an offset is not a HubSpot time: refuse rather than
    // read it in the machine's zone.
    if (parsed.timeSpec() == Qt::LocalTime)
        return {};
    return parsed.toUTC();
}

QString epochMsString(const QDateTime &utc)
{
    return QString::number(utc.toMSecsSinceEpoch());
}

QString isoUtc(const QDateTime &utc)
{
    return utc.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + u'Z';
}

QString CrmObject::value(const QString &property) const
{
    const auto it = properties.constFind(property);
    return it == properties.cend() || !it->has_value() ? QString() : **it;
}

bool CrmObject::hasValue(const QString &property) const
{
    const auto it = properties.constFind(property);
    return it != properties.cend() && it->has_value() && !(*it)->isEmpty();
}

Result<CrmObject> CrmObject::fromJson(const QJsonObject &json)
{
    CrmObject object;
    object.id = idText(json.value(u"id"_s));
    if (object.id.isEmpty())
        return std::unexpected(malformed(u"a record without an id"_s));
    const QJsonObject props = json.value(u"properties"_s).toObject();
    for (auto it = props.constBegin(); it != props.constEnd(); ++it) {
        if (it->isNull() || it->isUndefined())
            object.properties.insert(it.key(), std::nullopt);
        else if (it->isString())
            object.properties.insert(it.key(), it->toString());
        else if (it->isDouble() || it->isBool())
            // Never seen from v3, but a number is still readable as its text.
            object.properties.insert(it.key(), it->toVariant().toString());
        else
            return std::unexpected(malformed(u"record %1: property %2 is not a string"_s.arg(object.id, it.key())));
    }
    object.createdAt = parseTime(json.value(u"createdAt"_s).toString());
    object.updatedAt = parseTime(json.value(u"updatedAt"_s).toString());
    object.archived = json.value(u"archived"_s).toBool(false);
    object.archivedAt = parseTime(json.value(u"archivedAt"_s).toString());
    const QJsonObject history = json.value(u"propertiesWithHistory"_s).toObject();
    for (auto it = history.constBegin(); it != history.constEnd(); ++it) {
        QList<PropertyVersion> versions;
        for (const QJsonValue &v : it->toArray()) {
            const QJsonObject o = v.toObject();
            PropertyVersion version;
            version.value = o.value(u"value"_s).toString();
            version.timestamp = parseTime(o.value(u"timestamp"_s).toString());
            version.sourceType = o.value(u"sourceType"_s).toString();
            version.sourceId = o.value(u"sourceId"_s).toString();
            if (o.value(u"updatedByUserId"_s).isDouble())
                version.updatedByUserId = o.value(u"updatedByUserId"_s).toInteger();
            versions.append(version);
        }
        object.propertiesWithHistory.insert(it.key(), versions);
    }
    const QJsonObject associations = json.value(u"associations"_s).toObject();
    for (auto it = associations.constBegin(); it != associations.constEnd(); ++it) {
        QList<AssociationRef> refs;
        for (const QJsonValue &v : it->toObject().value(u"results"_s).toArray())
            refs.append({idText(v.toObject().value(u"id"_s)), v.toObject().value(u"type"_s).toString()});
        object.associations.insert(it.key(), refs);
    }
    if (json.value(u"new"_s).isBool())
        object.created = json.value(u"new"_s).toBool();
    return object;
}

Result<CrmObject> CrmObject::parse(QByteArrayView body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::unexpected(malformed(u"the body is not a JSON object"_s));
    return fromJson(doc.object());
}

QJsonObject CrmObject::toJson() const
{
    QJsonObject props;
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it)
        props.insert(it.key(), it->has_value() ? QJsonValue(**it) : QJsonValue(QJsonValue::Null));
    QJsonObject json{{u"id"_s, id}, {u"properties"_s, props}, {u"archived"_s, archived}};
    if (createdAt.isValid())
        json.insert(u"createdAt"_s, isoUtc(createdAt));
    if (updatedAt.isValid())
        json.insert(u"updatedAt"_s, isoUtc(updatedAt));
    if (archivedAt.isValid())
        json.insert(u"archivedAt"_s, isoUtc(archivedAt));
    if (created)
        json.insert(u"new"_s, *created);
    return json;
}

QJsonObject propertiesJson(const PropertyMap &properties)
{
    QJsonObject json;
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

} // namespace Concord::HubSpot
