#include "services/auditjson.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

namespace Concord::Services::AuditJson {

namespace {

QJsonValue time(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

// Minor units are written as strings: a JSON number is a double to most
// readers, and money must survive the round trip exactly.
QJsonValue minor(qint64 v)
{
    return QString::number(v);
}

} // namespace

QJsonObject toJson(const User &u)
{
    return {{u"id"_s, QString::number(u.id)},   {u"username"_s, u.username}, {u"displayName"_s, u.displayName},
            {u"role"_s, toString(u.role)},        {u"active"_s, u.active},     {u"version"_s, u.version}};
}

QJsonObject toJson(const Customer &c)
{
    QJsonArray contacts;
    for (const ContactPoint &p : c.contacts)
        contacts.append(QJsonObject{{u"kind"_s, toString(p.kind)}, {u"value"_s, p.value}, {u"primary"_s, p.isPrimary}});
    return {{u"id"_s, c.id},
            {u"displayName"_s, c.displayName},
            {u"givenName"_s, c.givenName},
            {u"familyName"_s, c.familyName},
            {u"companyName"_s, c.companyName},
            {u"timeZone"_s, c.timeZone},
            {u"state"_s, toString(c.state)},
            {u"mergedInto"_s, c.mergedInto},
            {u"version"_s, c.version},
            {u"contacts"_s, contacts}};
}

QJsonObject toJson(const ExternalLink &l)
{
    return {{u"customerId"_s, l.customerId},
            {u"system"_s, toString(l.system)},
            {u"externalId"_s, l.externalId},
            {u"method"_s, toString(l.method)},
            {u"confidencePermille"_s, l.confidencePermille},
            {u"evidence"_s, QJsonDocument::fromJson(l.evidenceJson.toUtf8()).object()}};
}

QJsonObject toJson(const MergeProposal &p)
{
    return {{u"id"_s, QString::number(p.id)},
            {u"survivorId"_s, p.survivorId},
            {u"mergedIds"_s, QJsonArray::fromStringList(p.mergedIds)},
            {u"fieldChoices"_s, QJsonDocument::fromJson(p.fieldChoicesJson.toUtf8()).object()},
            {u"state"_s, toString(p.state)},
            {u"proposedBy"_s, p.proposedBy},
            {u"decidedBy"_s, p.decidedBy},
            {u"note"_s, p.note},
            {u"execution"_s, QJsonDocument::fromJson(p.executionJson.toUtf8()).object()}};
}

QJsonObject toJson(const FieldMapping &m)
{
    return {{u"id"_s, QString::number(m.id)},
            {u"field"_s, m.field},
            {u"sourceSystem"_s, toString(m.sourceSystem)},
            {u"targetSystem"_s, toString(m.targetSystem)},
            {u"sourcePath"_s, m.sourcePath},
            {u"targetPath"_s, m.targetPath},
            {u"transform"_s, m.transform},
            {u"authoritativeSystem"_s, toString(m.authoritativeSystem)},
            {u"enabled"_s, m.enabled},
            {u"version"_s, m.version}};
}

QJsonObject toJson(const StatusMapping &m)
{
    return {{u"id"_s, QString::number(m.id)},       {u"domain"_s, toString(m.domain)},
            {u"status"_s, m.status},                {u"targetSystem"_s, toString(m.targetSystem)},
            {u"action"_s, toString(m.action)},      {u"targetValue"_s, m.targetValue},
            {u"version"_s, m.version}};
}

QJsonObject toJson(const TaxRule &r)
{
    return {{u"id"_s, QString::number(r.id)},
            {u"serviceId"_s, QString::number(r.serviceId)},
            {u"location"_s, r.location},
            {u"customerId"_s, r.customerId},
            {u"taxCode"_s, r.taxCode},
            {u"priority"_s, r.priority},
            {u"enabled"_s, r.enabled},
            {u"version"_s, r.version}};
}

QJsonObject toJson(const DiscountRule &r)
{
    return {{u"id"_s, QString::number(r.id)},
            {u"serviceId"_s, QString::number(r.serviceId)},
            {u"location"_s, r.location},
            {u"customerId"_s, r.customerId},
            {u"percentBasisPoints"_s, r.percentBasisPoints},
            {u"amountMinor"_s, minor(r.amountMinor)},
            {u"currency"_s, r.currency},
            {u"description"_s, r.description},
            {u"priority"_s, r.priority},
            {u"enabled"_s, r.enabled},
            {u"version"_s, r.version}};
}

QJsonObject toJson(const InvoicePolicy &p)
{
    return {{u"id"_s, QString::number(p.id)},
            {u"serviceId"_s, QString::number(p.serviceId)},
            {u"customerId"_s, p.customerId},
            {u"mode"_s, toString(p.mode)},
            {u"grouping"_s, toString(p.grouping)},
            {u"depositBasisPoints"_s, p.depositBasisPoints},
            {u"paymentTermDays"_s, p.paymentTermDays},
            {u"cancellation"_s, toString(p.cancellation)},
            {u"lateCancelWindowHours"_s, p.lateCancelWindowHours},
            {u"lateFeeMinor"_s, minor(p.lateFeeMinor)},
            {u"blockThresholdMinor"_s, minor(p.blockThresholdMinor)},
            {u"blockAction"_s, toString(p.blockAction)},
            {u"currency"_s, p.currency},
            {u"version"_s, p.version}};
}

QJsonObject toJson(const OutboxJob &j)
{
    return {{u"id"_s, QString::number(j.id)},
            {u"targetSystem"_s, toString(j.targetSystem)},
            {u"operation"_s, j.operation},
            {u"entity"_s, j.entityType + u':' + j.entityId},
            {u"state"_s, toString(j.state)},
            {u"attempts"_s, j.attempts},
            {u"payload"_s, QJsonDocument::fromJson(j.payloadJson).object()},
            {u"lastError"_s, j.lastErrorMessage},
            {u"nextAttemptAt"_s, time(j.nextAttemptAt)}};
}

} // namespace Concord::Services::AuditJson
