#include "hubspot/hsportal.h"

#include "common/clock.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + u'Z';
}

QString modifiedProperty(const QString &type)
{
    return type == u"contacts"_s ? u"lastmodifieddate"_s : u"hs_lastmodifieddate"_s;
}

QString createdProperty(const QString &type)
{
    return type == u"contacts"_s || type == u"deals"_s ? u"createdate"_s : u"hs_createdate"_s;
}

QString objectLabel(const QString &type)
{
    if (type == u"contacts"_s)
        return u"CONTACT"_s;
    if (type == u"deals"_s)
        return u"DEAL"_s;
    if (type == u"notes"_s)
        return u"NOTE"_s;
    return u"TASK"_s;
}

// Webhook subscriptions exist for these object types (A12).
QString eventPrefix(const QString &type)
{
    if (type == u"contacts"_s)
        return u"contact"_s;
    if (type == u"deals"_s)
        return u"deal"_s;
    return {};
}

const QHash<QString, QStringList> &writable()
{
    static const QHash<QString, QStringList> props{
        {u"contacts"_s, {u"email"_s, u"firstname"_s, u"lastname"_s, u"phone"_s, u"mobilephone"_s, u"company"_s,
                         u"website"_s, u"address"_s, u"city"_s, u"state"_s, u"zip"_s, u"country"_s, u"jobtitle"_s,
                         u"lifecyclestage"_s, u"hs_lead_status"_s, u"hubspot_owner_id"_s, u"createdate"_s,
                         u"hs_timezone"_s}},
        {u"deals"_s, {u"dealname"_s, u"amount"_s, u"pipeline"_s, u"dealstage"_s, u"closedate"_s,
                      u"deal_currency_code"_s, u"hubspot_owner_id"_s, u"description"_s, u"createdate"_s,
                      u"dealtype"_s}},
        {u"notes"_s, {u"hs_note_body"_s, u"hs_timestamp"_s, u"hubspot_owner_id"_s, u"hs_attachment_ids"_s}},
        {u"tasks"_s, {u"hs_task_subject"_s, u"hs_task_body"_s, u"hs_task_status"_s, u"hs_task_priority"_s,
                      u"hs_task_type"_s, u"hs_timestamp"_s, u"hubspot_owner_id"_s, u"hs_task_reminders"_s}},
    };
    return props;
}

// Whether HubSpot's format check lets an email address through. HubSpot
// requires RFC 2822 syntax without quoted local parts and a domain ending in
// a known TLD (legacydocs.hubspot.com "How does HubSpot validate email
// addresses?"; community.hubspot.com thread 833439). Only what surely fails
// that is refused here — so the seeds and tests keep their addresses: not
// exactly one '@', whitespace or control characters, the RFC 2822 specials
// , ; : < > ( ) [ ] \ and " (no quoting), an empty part, a domain without a dot,
// and empty dot-separated labels ("a..b", ".a", "a."). The TLD list is not
// checked ("@mail.example" passes here; HubSpot may refuse it).
bool isAcceptableEmail(QStringView email)
{
    const qsizetype at = email.indexOf(u'@');
    if (at <= 0 || at != email.lastIndexOf(u'@') || at == email.size() - 1)
        return false;
    static const QString specials = u",;:<>()[]\\\""_s;
    for (const QChar c : email) {
        if (c.isSpace() || c.category() == QChar::Other_Control || specials.contains(c))
            return false;
    }
    const auto dotsOk = [](QStringView part) {
        return !part.startsWith(u'.') && !part.endsWith(u'.') && !part.contains(u".."_s);
    };
    const QStringView local = email.left(at);
    const QStringView domain = email.mid(at + 1);
    return dotsOk(local) && dotsOk(domain) && domain.contains(u'.');
}

const QStringList &readOnly()
{
    static const QStringList props{u"hs_object_id"_s, u"lastmodifieddate"_s, u"hs_lastmodifieddate"_s,
                                   u"hs_createdate"_s, u"hs_calculated_phone_number"_s,
                                   u"hs_calculated_phone_number_country_code"_s, u"hs_calculated_mobile_number"_s,
                                   u"hs_searchable_calculated_phone_number"_s,
                                   u"hs_searchable_calculated_mobile_number"_s, u"hs_merged_object_ids"_s,
                                   u"hs_additional_emails"_s, u"hs_all_contact_vids"_s};
    return props;
}

QStringList defaultProperties(const QString &type)
{
    if (type == u"contacts"_s)
        return {u"createdate"_s, u"email"_s, u"firstname"_s, u"hs_object_id"_s, u"lastmodifieddate"_s, u"lastname"_s};
    if (type == u"deals"_s)
        return {u"amount"_s, u"closedate"_s, u"createdate"_s, u"dealname"_s, u"dealstage"_s,
                u"hs_lastmodifieddate"_s, u"hs_object_id"_s, u"pipeline"_s};
    return {u"hs_createdate"_s, u"hs_lastmodifieddate"_s, u"hs_object_id"_s};
}

QString digitsOf(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c.isDigit())
            out.append(c);
    }
    return out;
}

// HubSpot's derived phone fields [unverified semantics, A3]: E.164 assuming
// North America for 10 digits; the searchable form is the national number.
void derivePhone(QMap<QString, QString> &props, const QString &source, const QString &calculated,
                 const QString &searchable)
{
    const QString digits = digitsOf(props.value(source));
    if (digits.size() < 7) {
        props.remove(calculated);
        props.remove(searchable);
        return;
    }
    QString e164;
    if (digits.size() == 10)
        e164 = u"+1"_s + digits;
    else if (digits.size() == 11 && digits.startsWith(u'1'))
        e164 = u'+' + digits;
    else
        e164 = u'+' + digits;
    props.insert(calculated, e164);
    props.insert(searchable, digits.size() >= 10 ? digits.right(10) : digits);
    if (source == u"phone"_s)
        props.insert(u"hs_calculated_phone_number_country_code"_s, e164.startsWith(u"+1"_s) ? u"US"_s : QString());
}

// ms since the epoch from epoch-ms text or ISO 8601 with a time; nullopt otherwise.
std::optional<qint64> timeValue(const QString &text)
{
    bool numeric = false;
    const qint64 ms = text.trimmed().toLongLong(&numeric);
    if (numeric)
        return ms;
    const QDateTime t = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime)
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}

const QHash<QString, int> &associationDefaults()
{
    // "fromType/toType" → HUBSPOT_DEFINED type id (hubspot-calcom.md A9).
    static const QHash<QString, int> ids{
        {u"deals/contacts"_s, 3}, {u"contacts/deals"_s, 4}, {u"notes/contacts"_s, 202},
        {u"contacts/notes"_s, 201}, {u"tasks/contacts"_s, 204}, {u"contacts/tasks"_s, 203},
        {u"notes/deals"_s, 214}, {u"deals/notes"_s, 213}, {u"tasks/deals"_s, 216}, {u"deals/tasks"_s, 215},
    };
    return ids;
}

QString typeIdName(const QString &type)
{
    if (type == u"contacts"_s)
        return u"0-1"_s;
    if (type == u"deals"_s)
        return u"0-3"_s;
    if (type == u"notes"_s)
        return u"0-46"_s;
    return u"0-27"_s;
}

} // namespace

HubSpotPortal::HubSpotPortal(const Clock *clock, qint64 portalId) : m_clock(clock), m_portalId(portalId)
{
    clear();
}

void HubSpotPortal::clear()
{
    m_tables.clear();
    m_emails.clear();
    m_mergedInto.clear();
    m_associations.clear();
    m_customProperties.clear();
    m_events.clear();
    m_pipelines.clear();
    m_byModified.clear();
    m_indexDirty = false;
    m_nextId = 1001;
    // Every account has a deal pipeline "default" (A7) with these stages.
    QJsonArray stages;
    const QList<std::tuple<QString, QString, QString, bool>> defaults{
        {u"appointmentscheduled"_s, u"Appointment Scheduled"_s, u"0.2"_s, false},
        {u"qualifiedtobuy"_s, u"Qualified To Buy"_s, u"0.4"_s, false},
        {u"presentationscheduled"_s, u"Presentation Scheduled"_s, u"0.6"_s, false},
        {u"decisionmakerboughtin"_s, u"Decision Maker Bought-In"_s, u"0.8"_s, false},
        {u"contractsent"_s, u"Contract Sent"_s, u"0.9"_s, false},
        {u"closedwon"_s, u"Closed Won"_s, u"1.0"_s, true},
        {u"closedlost"_s, u"Closed Lost"_s, u"0.0"_s, true},
    };
    int order = 0;
    for (const auto &[id, label, probability, closed] : defaults) {
        stages.append(QJsonObject{{u"id"_s, id}, {u"label"_s, label}, {u"displayOrder"_s, order++},
                                  {u"archived"_s, false},
                                  {u"metadata"_s, QJsonObject{{u"probability"_s, probability},
                                                              {u"isClosed"_s, closed ? u"true"_s : u"false"_s}}}});
    }
    addPipeline(u"deals"_s, QJsonObject{{u"id"_s, u"default"_s}, {u"label"_s, u"Sales Pipeline"_s},
                                        {u"displayOrder"_s, 0}, {u"archived"_s, false}, {u"stages"_s, stages}});
    // A real portal has only HubSpot's default properties and those someone
    // created: Concord's custom ones (concord_*) are not here until Concord's
    // sync engine creates them through the Properties API, as it must in a
    // real portal. Any other property is refused as HubSpot refuses it
    // (PROPERTY_DOESNT_EXIST).
}

qint64 HubSpotPortal::nowMs() const
{
    return (m_clock ? m_clock->nowUtc() : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch();
}

QString HubSpotPortal::canonicalType(const QString &typeOrId)
{
    const QString t = typeOrId.toLower();
    if (t == u"contacts"_s || t == u"contact"_s || t == u"0-1"_s)
        return u"contacts"_s;
    if (t == u"deals"_s || t == u"deal"_s || t == u"0-3"_s)
        return u"deals"_s;
    if (t == u"notes"_s || t == u"note"_s || t == u"0-46"_s)
        return u"notes"_s;
    if (t == u"tasks"_s || t == u"task"_s || t == u"0-27"_s)
        return u"tasks"_s;
    return {};
}

bool HubSpotPortal::isDateProperty(const QString &name)
{
    static const QSet<QString> dates{u"createdate"_s, u"lastmodifieddate"_s, u"hs_lastmodifieddate"_s,
                                     u"hs_createdate"_s, u"closedate"_s, u"hs_timestamp"_s};
    return dates.contains(name);
}

namespace {

// Each property type with the field types HubSpot accepts for it (the
// "Property type and fieldType values" table of the properties guide; v3
// refuses other pairs since 2021-02, developer changelog).
const QHash<QString, QStringList> &fieldTypesByType()
{
    static const QHash<QString, QStringList> pairs{
        {u"bool"_s, {u"booleancheckbox"_s, u"calculation_equation"_s}},
        {u"enumeration"_s,
         {u"booleancheckbox"_s, u"checkbox"_s, u"radio"_s, u"select"_s, u"calculation_equation"_s}},
        {u"date"_s, {u"date"_s}},
        {u"datetime"_s, {u"date"_s}},
        {u"string"_s,
         {u"file"_s, u"text"_s, u"textarea"_s, u"calculation_equation"_s, u"html"_s, u"phonenumber"_s}},
        {u"number"_s, {u"number"_s, u"calculation_equation"_s}},
        {u"phone_number"_s, {u"phonenumber"_s}},
    };
    return pairs;
}

// The property groups a fresh portal has for each type (the main one first).
QStringList propertyGroups(const QString &type)
{
    if (type == u"contacts"_s)
        return {u"contactinformation"_s, u"contact_activity"_s, u"conversioninformation"_s};
    if (type == u"deals"_s)
        return {u"dealinformation"_s, u"deal_activity"_s};
    if (type == u"notes"_s || type == u"tasks"_s)
        return {u"engagement"_s};
    return {};
}

} // namespace

void HubSpotPortal::defineProperty(const QString &type, const QString &name)
{
    const QString t = canonicalType(type);
    const QString now = iso(nowMs());
    m_customProperties[t].insert(name, QJsonObject{{u"name"_s, name}, {u"label"_s, name}, {u"type"_s, u"string"_s},
                                                   {u"fieldType"_s, u"text"_s},
                                                   {u"groupName"_s, propertyGroups(t).value(0)},
                                                   {u"description"_s, QString()}, {u"hubspotDefined"_s, false},
                                                   {u"createdAt"_s, now}, {u"updatedAt"_s, now}});
}

bool HubSpotPortal::hasProperty(const QString &type, const QString &name) const
{
    const QString t = canonicalType(type);
    return writable().value(t).contains(name) || readOnly().contains(name) || m_customProperties.value(t).contains(name);
}

HsResult<HubSpotPortal::Reply> HubSpotPortal::listProperties(const QString &type) const
{
    const QString t = canonicalType(type);
    if (t.isEmpty())
        return std::unexpected(HsError::validation(u"Unable to infer object type from: %1"_s.arg(type)));
    QJsonArray results;
    // HubSpot's own properties (a sketch: name, kind and group are what clients read).
    QStringList defaults = writable().value(t);
    for (const QString &name : readOnly()) {
        if (!defaults.contains(name))
            defaults.append(name);
    }
    for (const QString &name : std::as_const(defaults)) {
        const bool date = isDateProperty(name);
        const bool number = name == u"amount"_s;
        results.append(QJsonObject{{u"name"_s, name}, {u"label"_s, name},
                                   {u"type"_s, date ? u"datetime"_s : number ? u"number"_s : u"string"_s},
                                   {u"fieldType"_s, date ? u"date"_s : number ? u"number"_s : u"text"_s},
                                   {u"groupName"_s, propertyGroups(t).value(0)}, {u"description"_s, QString()},
                                   {u"hubspotDefined"_s, true}, {u"hidden"_s, false}, {u"formField"_s, false},
                                   {u"options"_s, QJsonArray()}});
    }
    for (const QJsonObject &custom : m_customProperties.value(t))
        results.append(custom);
    return Reply{200, QJsonObject{{u"results"_s, results}}};
}

HsResult<HubSpotPortal::Reply> HubSpotPortal::readProperty(const QString &type, const QString &name) const
{
    const auto all = listProperties(type);
    if (!all)
        return std::unexpected(all.error());
    for (const QJsonValue &v : all->body.value(u"results"_s).toArray()) {
        if (v.toObject().value(u"name"_s).toString() == name)
            return Reply{200, v.toObject()};
    }
    return std::unexpected(HsError::notFound(u"Unable to find property %1 for object type %2"_s.arg(name, type)));
}

HsResult<HubSpotPortal::Reply> HubSpotPortal::createProperty(const QString &type, const QJsonObject &body)
{
    const QString t = canonicalType(type);
    if (t.isEmpty())
        return std::unexpected(HsError::validation(u"Unable to infer object type from: %1"_s.arg(type)));
    const QString name = body.value(u"name"_s).toString();
    const QString label = body.value(u"label"_s).toString();
    const QString kind = body.value(u"type"_s).toString();
    const QString fieldType = body.value(u"fieldType"_s).toString();
    const QString group = body.value(u"groupName"_s).toString();
    // Messages in HubSpot's manner; their exact words are unverified.
    static const QRegularExpression internalName(u"^[a-z][a-z0-9_]*$"_s);
    if (!internalName.match(name).hasMatch() || name.size() > 100)
        return std::unexpected(HsError::validation(
            u"Property name \"%1\" is not valid: it must start with a lower-case letter and contain only "
            u"lower-case letters, numbers and underscores"_s.arg(name)));
    if (label.trimmed().isEmpty())
        return std::unexpected(HsError::validation(u"Property \"%1\" needs a label"_s.arg(name)));
    if (!fieldTypesByType().contains(kind))
        return std::unexpected(HsError::validation(u"Property type \"%1\" is not valid"_s.arg(kind)));
    if (!fieldTypesByType().value(kind).contains(fieldType))
        return std::unexpected(HsError::validation(
            u"Property fieldType \"%1\" is not valid for type \"%2\""_s.arg(fieldType, kind)));
    if (!propertyGroups(t).contains(group))
        return std::unexpected(HsError::validation(u"Property group \"%1\" does not exist"_s.arg(group)));
    if (hasProperty(t, name))
        // Category as reported for a taken property name [unverified]; 409 is documented.
        return std::unexpected(HsError{409, u"OBJECT_ALREADY_EXISTS"_s,
                                       u"Property named '%1' already exists."_s.arg(name), {}});
    const QString now = iso(nowMs());
    QJsonObject created{{u"name"_s, name}, {u"label"_s, label}, {u"type"_s, kind}, {u"fieldType"_s, fieldType},
                        {u"groupName"_s, group}, {u"description"_s, body.value(u"description"_s).toString()},
                        {u"hubspotDefined"_s, false}, {u"hidden"_s, false}, {u"formField"_s, false},
                        {u"options"_s, body.value(u"options"_s).toArray()}, {u"createdAt"_s, now},
                        {u"updatedAt"_s, now}, {u"archived"_s, false}};
    m_customProperties[t].insert(name, created);
    return Reply{201, created};
}

void HubSpotPortal::addPipeline(const QString &type, const QJsonObject &pipeline)
{
    QJsonObject p = pipeline;
    const QString now = iso(nowMs());
    if (!p.contains(u"createdAt"_s))
        p.insert(u"createdAt"_s, now);
    if (!p.contains(u"updatedAt"_s))
        p.insert(u"updatedAt"_s, now);
    m_pipelines[canonicalType(type)].append(p);
}

QJsonArray HubSpotPortal::pipelines(const QString &type) const
{
    return m_pipelines.value(canonicalType(type));
}

std::optional<HsError> HubSpotPortal::checkDealStage(const QString &pipelineId, const QString &stageId) const
{
    for (const QJsonValue &p : m_pipelines.value(u"deals"_s)) {
        if (p.toObject().value(u"id"_s).toString() != pipelineId)
            continue;
        for (const QJsonValue &s : p.toObject().value(u"stages"_s).toArray()) {
            if (s.toObject().value(u"id"_s).toString() == stageId)
                return std::nullopt;
        }
        return HsError::validation(u"Property values were not valid: %1 is not a valid deal stage of pipeline %2"_s.arg(
            stageId, pipelineId));
    }
    return HsError::validation(u"Property values were not valid: pipeline %1 does not exist"_s.arg(pipelineId));
}

// --- lookups ---------------------------------------------------------------------

qint64 HubSpotPortal::currentId(qint64 id) const
{
    qint64 current = id;
    for (int hops = 0; hops < 64 && m_mergedInto.contains(current); ++hops)
        current = m_mergedInto.value(current);
    return current;
}

const HubSpotPortal::Record *HubSpotPortal::find(const QString &type, qint64 id) const
{
    const auto table = m_tables.constFind(type);
    if (table == m_tables.cend())
        return nullptr;
    auto it = table->find(id);
    if (it == table->end() && m_mergedResolve)
        it = table->find(currentId(id));
    if (it == table->end() || it->second.archived)
        return nullptr;
    return &it->second;
}

HubSpotPortal::Record *HubSpotPortal::findMutable(const QString &type, qint64 id)
{
    return const_cast<Record *>(find(type, id));
}

QList<const HubSpotPortal::Record *> HubSpotPortal::all(const QString &type, bool includeArchived) const
{
    QList<const Record *> out;
    const auto table = m_tables.constFind(canonicalType(type));
    if (table == m_tables.cend())
        return out;
    for (const auto &[id, record] : *table) {
        if (includeArchived || !record.archived)
            out.append(&record);
    }
    return out;
}

qsizetype HubSpotPortal::count(const QString &type) const
{
    return all(type).size();
}

std::optional<qint64> HubSpotPortal::ownerOfEmail(const QString &email, qint64 except) const
{
    const auto it = m_emails.constFind(email.trimmed().toLower());
    if (it == m_emails.cend() || it.value() == except)
        return std::nullopt;
    if (!find(u"contacts"_s, it.value()))
        return std::nullopt;
    return it.value();
}

HsResult<HubSpotPortal::Record *> HubSpotPortal::locate(const QString &type, const QString &idOrValue,
                                                          const QString &idProperty)
{
    if (!idProperty.isEmpty() && idProperty != u"hs_object_id"_s) {
        if (type != u"contacts"_s || idProperty != u"email"_s)
            return std::unexpected(HsError::validation(
                u"Property %1 is not a unique identifier for %2"_s.arg(idProperty, objectLabel(type))));
        // idProperty=email addresses the primary email.
        const auto it = m_emails.constFind(idOrValue.trimmed().toLower());
        if (it != m_emails.cend()) {
            Record *r = findMutable(type, it.value());
            if (r && r->props.value(u"email"_s) == idOrValue.trimmed().toLower())
                return r;
        }
        return std::unexpected(HsError::notFound());
    }
    bool ok = false;
    const qint64 id = idOrValue.toLongLong(&ok);
    Record *r = ok ? findMutable(type, id) : nullptr;
    if (!r)
        return std::unexpected(HsError::notFound());
    return r;
}

// --- writes ------------------------------------------------------------------

HsResult<QMap<QString, QString>> HubSpotPortal::checkProperties(const QString &type, const QJsonObject &properties,
                                                                bool creating) const
{
    QMap<QString, QString> out;
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
        const QString name = it.key();
        if (readOnly().contains(name) && !(creating && name == u"createdate"_s))
            return std::unexpected(HsError::readOnlyProperty(name));
        if (!writable().value(type).contains(name) && !m_customProperties.value(type).contains(name))
            return std::unexpected(HsError::unknownProperty(name));
        QString value;
        if (it->isString())
            value = it->toString();
        else if (it->isDouble() || it->isBool())
            value = it->toVariant().toString();
        else if (it->isNull())
            value = QString();
        else
            return std::unexpected(HsError::validation(u"Property \"%1\" must be a string"_s.arg(name)));
        if (isDateProperty(name) && !value.isEmpty()) {
            const auto ms = timeValue(value);
            if (!ms)
                return std::unexpected(HsError::validation(
                    u"Property values were not valid: %1 was not a valid long or date (%2)"_s.arg(value, name)));
            value = iso(*ms);
        }
        if (name == u"email"_s) {
            value = value.trimmed();
            if (!value.isEmpty() && !isAcceptableEmail(value))
                return std::unexpected(HsError::invalidEmail(value));
            value = value.toLower();
        }
        if (type == u"tasks"_s) {
            static const QHash<QString, QStringList> enums{
                {u"hs_task_status"_s, {u"NOT_STARTED"_s, u"IN_PROGRESS"_s, u"WAITING"_s, u"COMPLETED"_s, u"DEFERRED"_s}},
                {u"hs_task_priority"_s, {u"NONE"_s, u"LOW"_s, u"MEDIUM"_s, u"HIGH"_s}},
                {u"hs_task_type"_s, {u"EMAIL"_s, u"CALL"_s, u"TODO"_s}},
            };
            if (enums.contains(name) && !value.isEmpty() && !enums.value(name).contains(value))
                return std::unexpected(HsError::validation(
                    u"Property values were not valid: %1 was not one of the allowed options for %2"_s.arg(value, name)));
        }
        out.insert(name, value);
    }
    return out;
}

void HubSpotPortal::derive(Record &record)
{
    if (record.type != u"contacts"_s)
        return;
    derivePhone(record.props, u"phone"_s, u"hs_calculated_phone_number"_s, u"hs_searchable_calculated_phone_number"_s);
    derivePhone(record.props, u"mobilephone"_s, u"hs_calculated_mobile_number"_s,
                u"hs_searchable_calculated_mobile_number"_s);
}

void HubSpotPortal::stamp(Record &record, qint64 atMs)
{
    record.updatedMs = atMs;
    record.props.insert(modifiedProperty(record.type), iso(atMs));
    record.props.insert(u"hs_object_id"_s, QString::number(record.id));
    if (record.props.value(createdProperty(record.type)).isEmpty())
        record.props.insert(createdProperty(record.type), iso(record.createdMs));
    markIndexed(record, atMs);
}

void HubSpotPortal::markIndexed(Record &record, qint64 atMs)
{
    if (m_indexLagMs <= 0) {
        record.indexed = record.props;
        record.indexedUpdatedMs = record.updatedMs;
        record.isIndexed = true;
        record.indexDueMs = -1;
        noteIndexed(record);
        return;
    }
    record.indexDueMs = std::max(atMs, nowMs()) + m_indexLagMs;
    m_indexDirty = true;
}

void HubSpotPortal::refreshIndex(Record &record, qint64 now)
{
    if (record.indexDueMs >= 0 && now >= record.indexDueMs) {
        record.indexed = record.props;
        record.indexedUpdatedMs = record.updatedMs;
        record.isIndexed = true;
        record.indexDueMs = -1;
        noteIndexed(record);
    }
}

void HubSpotPortal::indexEmails(const Record &record)
{
    if (record.type != u"contacts"_s)
        return;
    const QString primary = record.props.value(u"email"_s);
    if (!primary.isEmpty())
        m_emails.insert(primary, record.id);
    for (const QString &e : record.props.value(u"hs_additional_emails"_s).split(u';', Qt::SkipEmptyParts))
        m_emails.insert(e.trimmed().toLower(), record.id);
}

void HubSpotPortal::unindexEmails(const Record &record)
{
    for (auto it = m_emails.begin(); it != m_emails.end();) {
        if (it.value() == record.id)
            it = m_emails.erase(it);
        else
            ++it;
    }
}

void HubSpotPortal::emitEvent(Event event)
{
    m_events.append(std::move(event));
}

QList<HubSpotPortal::Event> HubSpotPortal::takeEvents()
{
    return std::exchange(m_events, {});
}

void HubSpotPortal::applyProperties(Record &record, const QMap<QString, QString> &props, const QString &source,
                                    bool notify)
{
    const QString prefix = eventPrefix(record.type);
    for (auto it = props.constBegin(); it != props.constEnd(); ++it) {
        const QString before = record.props.value(it.key());
        if (it.value().isEmpty())
            record.props.remove(it.key()); // "" clears a value (A2)
        else
            record.props.insert(it.key(), it.value());
        if (notify && !prefix.isEmpty() && before != it.value()) {
            Event e;
            e.subscriptionType = prefix + u".propertyChange"_s;
            e.objectId = record.id;
            e.propertyName = it.key();
            e.propertyValue = it.value();
            e.occurredMs = nowMs();
            e.changeSource = source;
            emitEvent(e);
        }
    }
}

HsResult<QList<std::pair<qint64, int>>> HubSpotPortal::parseInlineAssociations(const QString &type,
                                                                                const QJsonArray &list) const
{
    QList<std::pair<qint64, int>> out;
    for (const QJsonValue &v : list) {
        const QJsonObject a = v.toObject();
        const QJsonValue toValue = a.value(u"to"_s).toObject().value(u"id"_s);
        const qint64 toId = toValue.isString() ? toValue.toString().toLongLong() : toValue.toInteger();
        for (const QJsonValue &t : a.value(u"types"_s).toArray()) {
            const int typeId = t.toObject().value(u"associationTypeId"_s).toInt();
            // Which object type the id points at follows from the type id.
            QString toType;
            for (auto it = associationDefaults().cbegin(); it != associationDefaults().cend(); ++it) {
                if (it.value() == typeId && it.key().startsWith(type + u'/'))
                    toType = it.key().section(u'/', 1);
            }
            if (toType.isEmpty())
                return std::unexpected(HsError::validation(
                    u"Association type %1 is not valid from %2"_s.arg(typeId).arg(objectLabel(type))));
            if (!find(toType, toId))
                return std::unexpected(HsError::validation(
                    u"Cannot associate to %1 %2: it does not exist"_s.arg(objectLabel(toType)).arg(toId)));
            out.append({toId, typeId});
        }
    }
    return out;
}

HsResult<HubSpotPortal::Reply> HubSpotPortal::create(const QString &type, const QJsonObject &body,
                                                      const QString &source, std::optional<qint64> atMs)
{
    auto props = checkProperties(type, body.value(u"properties"_s).toObject(), true);
    if (!props)
        return std::unexpected(props.error());
    if (type == u"contacts"_s) {
        if (const auto owner = ownerOfEmail(props->value(u"email"_s)); owner && !props->value(u"email"_s).isEmpty())
            return std::unexpected(HsError::contactExists(*owner));
    }
    if (type == u"deals"_s) {
        if (props->value(u"dealstage"_s).isEmpty())
            return std::unexpected(HsError::validation(u"Property values were not valid: dealstage is required"_s));
        props->insert(u"pipeline"_s, props->value(u"pipeline"_s, u"default"_s));
        if (auto refused = checkDealStage(props->value(u"pipeline"_s), props->value(u"dealstage"_s)))
            return std::unexpected(*refused);
    }
    if ((type == u"notes"_s || type == u"tasks"_s) && props->value(u"hs_timestamp"_s).isEmpty())
        return std::unexpected(HsError::validation(u"Property values were not valid: hs_timestamp is required"_s));
    auto associations = parseInlineAssociations(type, body.value(u"associations"_s).toArray());
    if (!associations)
        return std::unexpected(associations.error());

    const qint64 at = atMs.value_or(nowMs());
    Record record;
    record.type = type;
    record.id = m_nextId++;
    record.createdMs = at;
    if (props->contains(u"createdate"_s))
        record.createdMs = timeValue(props->value(u"createdate"_s)).value_or(at);
    applyProperties(record, *props, source, false);
    derive(record);
    stamp(record, at);
    indexEmails(record);
    const qint64 id = record.id;
    m_tables[type].emplace(id, std::move(record));
    for (const auto &[toId, typeId] : std::as_const(*associations)) {
        QString toType;
        for (auto it = associationDefaults().cbegin(); it != associationDefaults().cend(); ++it)
            if (it.value() == typeId && it.key().startsWith(type + u'/'))
                toType = it.key().section(u'/', 1);
        link(type, id, toType, toId, typeId);
    }
    if (const QString prefix = eventPrefix(type); !prefix.isEmpty()) {
        Event e;
        e.subscriptionType = prefix + u".creation"_s;
        e.objectId = id;
        e.occurredMs = at;
        e.changeSource = source;
        e.changeFlag = u"CREATED"_s;
        emitEvent(e);
    }
    return Reply{201, toJson(m_tables[type].at(id), body.value(u"properties"_s).toObject().keys())};
}

HsResult<HubSpotPortal::Reply> HubSpotPortal::read(const QString &type, const QString &idOrValue,
                                                    const QString &idProperty, const QStringList &properties)
{
    auto record = locate(type, idOrValue, idProperty);
    if (!record)
        return std::unexpected(record.error());
    return Reply{200, toJson(**record, properties)};
}

HsResult<HubSpotPortal::Reply> HubSpotPortal::list(const QString &type, int limit, const QString &after,
                                                    const QStringList &properties)
{
    if (limit < 1 || limit > 100)
        return std::unexpected(HsError::validation(u"limit must be between 1 and 100"_s));
    const qint64 from = after.isEmpty() ? 0 : after.toLongLong();
    QJsonArray results;
    qint64 next = 0;
    for (const auto &[id, record] : m_tables[type]) {
        if (record.archived || id < from)
            continue;
        if (results.size() == limit) {
            next = id;
            break;
        }
        results.append(toJson(record, properties));
    }
    QJsonObject body{{u"results"_s, results}};
    if (next > 0)
        body.insert(u"paging"_s, QJsonObject{{u"next"_s, QJsonObject{{u"after"_s, QString::number(next)},
                                                                       {u"link"_s, u"?after=%1"_s.arg(next)}}}});
    return Reply{200, body};
}

HsResult<HubSpotPortal::Reply> HubSpotPortal::update(const QString &type, const QString &idOrValue,
                                                      const QString &idProperty, const QJsonObject &body,
                                                      const QString &source, std::optional<qint64> atMs)
{
    auto located = locate(type, idOrValue, idProperty);
    if (!located)
        return std::unexpected(located.error());
    Record &record = **located;
    auto props = checkProperties(type, body.value(u"properties"_s).toObject(), false);
    if (!props)
        return std::unexpected(props.error());
    if (type == u"contacts"_s && props->contains(u"email"_s) && !props->value(u"email"_s).isEmpty()) {
        if (const auto owner = ownerOfEmail(props->value(u"email"_s), record.id))
            return std::unexpected(HsError::contactExists(*owner));
    }
    if (type == u"deals"_s && (props->contains(u"dealstage"_s) || props->contains(u"pipeline"_s))) {
        if (auto refused = checkDealStage(props->value(u"pipeline"_s, record.props.value(u"pipeline"_s)),
                                          props->value(u"dealstage"_s, record.props.value(u"dealstage"_s))))
            return std::unexpected(*refused);
    }
    unindexEmails(record);
    applyProperties(record, *props, source, true);
    derive(record);
    stamp(record, atMs.value_or(nowMs()));
    indexEmails(record);
    return Reply{200, toJson(record, body.value(u"properties"_s).toObject().keys())};
}

HsResult<HubSpotPortal::Reply> HubSpotPortal::archive(const QString &type, const QString &id, const QString &source)
{
    auto located = locate(type, id, {});
    if (!located)
        return std::unexpected(located.error());
    Record &record = **located;
    record.archived = true;
    record.archivedMs = nowMs();
    unindexEmails(record);
    if (const QString prefix = eventPrefix(type); !prefix.isEmpty()) {
        Event e;
        e.subscriptionType = prefix + u".deletion"_s;
        e.objectId = record.id;
        e.occurredMs = record.archivedMs;
        e.changeSource = source;
        emitEvent(e);
    }
    return Reply{204, {}};
}

// --- merge ---------------------------------------------------------------------

HsResult<HubSpotPortal::Reply> HubSpotPortal::merge(const QString &type, const QJsonObject &body, const QString &source)
{
    if (type != u"contacts"_s && type != u"deals"_s)
        return std::unexpected(HsError::validation(u"%1 objects cannot be merged"_s.arg(objectLabel(type))));
    const auto idOf = [&body](const QString &key) {
        const QJsonValue v = body.value(key);
        return v.isString() ? v.toString().toLongLong() : v.toInteger();
    };
    const qint64 primaryId = idOf(u"primaryObjectId"_s);
    const qint64 otherId = idOf(u"objectIdToMerge"_s);
    auto &table = m_tables[type];
    const auto primaryIt = table.find(primaryId);
    const auto otherIt = table.find(otherId);
    if (primaryIt == table.end() || primaryIt->second.archived || otherIt == table.end() || otherIt->second.archived)
        return std::unexpected(HsError::validation(
            u"Merge failed: object %1 or %2 does not exist or was merged"_s.arg(primaryId).arg(otherId)));
    if (primaryId == otherId)
        return std::unexpected(HsError::validation(u"Cannot merge an object with itself"_s));
    Record primary = primaryIt->second;
    Record other = otherIt->second;
    QStringList mergedIds = primary.props.value(u"hs_merged_object_ids"_s).split(u';', Qt::SkipEmptyParts)
        + other.props.value(u"hs_merged_object_ids"_s).split(u';', Qt::SkipEmptyParts);
    mergedIds.append(QString::number(otherId));
    if (mergedIds.size() + 1 > 250)
        return std::unexpected(HsError{414, u"VALIDATION_ERROR"_s, u"Cannot have more than 250 identities on a profile"_s, {}});

    // Primary values win; the other record fills blanks (A6).
    Record survivor = primary;
    int moved = 0;
    for (auto it = other.props.cbegin(); it != other.props.cend(); ++it) {
        if (readOnly().contains(it.key()) || it.key() == u"email"_s || it.key() == u"createdate"_s)
            continue;
        if (survivor.props.value(it.key()).isEmpty() && !it.value().isEmpty()) {
            survivor.props.insert(it.key(), it.value());
            ++moved;
        }
    }
    if (type == u"contacts"_s) {
        QStringList additional = primary.props.value(u"hs_additional_emails"_s).split(u';', Qt::SkipEmptyParts)
            + other.props.value(u"hs_additional_emails"_s).split(u';', Qt::SkipEmptyParts);
        const QString otherEmail = other.props.value(u"email"_s);
        if (!otherEmail.isEmpty() && otherEmail != primary.props.value(u"email"_s))
            additional.append(otherEmail);
        additional.removeDuplicates();
        if (additional.isEmpty())
            survivor.props.remove(u"hs_additional_emails"_s);
        else
            survivor.props.insert(u"hs_additional_emails"_s, additional.join(u';'));
    }
    survivor.createdMs = std::min(primary.createdMs, other.createdMs);
    survivor.props.insert(createdProperty(type), iso(survivor.createdMs));
    unindexEmails(primary);
    unindexEmails(other);
    table.erase(otherId);
    m_mergedInto.insert(otherId, primaryId);
    qint64 survivorId = primaryId;
    if (m_mergeNewId) {
        survivorId = m_nextId++;
        table.erase(primaryId);
        m_mergedInto.insert(primaryId, survivorId);
        m_mergedInto.insert(otherId, survivorId);
        mergedIds.append(QString::number(primaryId));
        survivor.id = survivorId;
    }
    mergedIds.removeDuplicates();
    survivor.props.insert(u"hs_merged_object_ids"_s, mergedIds.join(u';'));
    derive(survivor);
    stamp(survivor, nowMs());
    indexEmails(survivor);
    table.insert_or_assign(survivorId, survivor);

    // Associations of both records now belong to the survivor.
    for (const qint64 oldId : {primaryId, otherId}) {
        if (oldId == survivorId)
            continue;
        const QStringList keys = m_associations.keys();
        for (const QString &key : keys) {
            const QStringList parts = key.split(u'/');
            if (parts.size() != 3)
                continue;
            if (parts.at(0) == type && parts.at(1).toLongLong() == oldId) {
                const auto targets = m_associations.take(key);
                for (auto t = targets.cbegin(); t != targets.cend(); ++t) {
                    for (const int typeId : t.value())
                        link(type, survivorId, parts.at(2), t.key(), typeId);
                    unlink(parts.at(2), t.key(), type, oldId);
                }
            }
        }
    }

    Event merged;
    merged.subscriptionType = eventPrefix(type) + u".merge"_s;
    merged.objectId = primaryId;
    merged.primaryObjectId = primaryId;
    merged.mergedObjectIds = {otherId};
    merged.newObjectId = survivorId;
    merged.numberOfPropertiesMoved = moved;
    merged.occurredMs = survivor.updatedMs;
    merged.changeSource = source;
    emitEvent(merged);
    // The merged-away record is reported deleted; moved values raise no propertyChange (A6).
    Event deleted;
    deleted.subscriptionType = eventPrefix(type) + u".deletion"_s;
    deleted.objectId = otherId;
    deleted.occurredMs = survivor.updatedMs;
    deleted.changeSource = source;
    emitEvent(deleted);
    return Reply{200, toJson(table.at(survivorId), {})};
}

HsResult<HubSpotPortal::Reply> HubSpotPortal::addSecondaryEmail(const QString &contactId, const QString &email,
                                                                 const QString &source)
{
    auto located = locate(u"contacts"_s, contactId, {});
    if (!located)
        return std::unexpected(located.error());
    Record &record = **located;
    const QString lower = email.trimmed().toLower();
    if (!isAcceptableEmail(lower))
        return std::unexpected(HsError::validation(u"Email address %1 is invalid"_s.arg(email)));
    if (const auto owner = ownerOfEmail(lower, record.id))
        return std::unexpected(HsError::contactExists(*owner));
    QStringList additional = record.props.value(u"hs_additional_emails"_s).split(u';', Qt::SkipEmptyParts);
    if (!additional.contains(lower) && lower != record.props.value(u"email"_s))
        additional.append(lower);
    applyProperties(record, {{u"hs_additional_emails"_s, additional.join(u';')}}, source, true);
    stamp(record, nowMs());
    indexEmails(record);
    return Reply{200, QJsonObject{{u"vid"_s, record.id}, {u"secondaryEmail"_s, lower}}};
}

HsResult<HubSpotPortal::Reply> HubSpotPortal::removeSecondaryEmail(const QString &contactId, const QString &email,
                                                                    const QString &source)
{
    auto located = locate(u"contacts"_s, contactId, {});
    if (!located)
        return std::unexpected(located.error());
    Record &record = **located;
    QStringList additional = record.props.value(u"hs_additional_emails"_s).split(u';', Qt::SkipEmptyParts);
    if (!additional.removeOne(email.trimmed().toLower()))
        return std::unexpected(HsError::notFound(u"secondary email not found"_s));
    unindexEmails(record);
    applyProperties(record, {{u"hs_additional_emails"_s, additional.join(u';')}}, source, true);
    stamp(record, nowMs());
    indexEmails(record);
    return Reply{204, {}};
}

// --- associations ----------------------------------------------------------------

QString HubSpotPortal::associationKey(const QString &fromType, qint64 fromId, const QString &toType) const
{
    return u"%1/%2/%3"_s.arg(fromType).arg(fromId).arg(toType);
}

void HubSpotPortal::link(const QString &fromType, qint64 fromId, const QString &toType, qint64 toId, int typeId)
{
    QList<int> &forward = m_associations[associationKey(fromType, fromId, toType)][toId];
    if (!forward.contains(typeId))
        forward.append(typeId);
    // The paired type for the other direction (e.g. deal→contact 3 ⇄ contact→deal 4).
    const int back = associationDefaults().value(toType + u'/' + fromType, 0);
    if (back > 0) {
        QList<int> &reverse = m_associations[associationKey(toType, toId, fromType)][fromId];
        if (!reverse.contains(back))
            reverse.append(back);
    }
}

void HubSpotPortal::unlink(const QString &fromType, qint64 fromId, const QString &toType, qint64 toId)
{
    const QString key = associationKey(fromType, fromId, toType);
    auto it = m_associations.find(key);
    if (it != m_associations.end()) {
        it->remove(toId);
        if (it->isEmpty())
            m_associations.erase(it);
    }
}

QMap<qint64, QList<int>> HubSpotPortal::associationsOf(const QString &fromType, qint64 fromId,
                                                        const QString &toType) const
{
    return m_associations.value(associationKey(canonicalType(fromType), currentId(fromId), canonicalType(toType)));
}

HsResult<HubSpotPortal::Reply> HubSpotPortal::associate(const QString &fromType, const QString &fromId,
                                                         const QString &toType, const QString &toId,
                                                         const QJsonArray &types)
{
    const Record *from = find(fromType, fromId.toLongLong());
    const Record *to = find(toType, toId.toLongLong());
    if (!from || !to)
        return std::unexpected(HsError::notFound(u"One or more objects in the association do not exist"_s));
    const int defaultType = associationDefaults().value(fromType + u'/' + toType, 0);
    if (defaultType == 0)
        return std::unexpected(HsError::validation(
            u"%1 cannot be associated with %2"_s.arg(objectLabel(fromType), objectLabel(toType))));
    QList<int> typeIds;
    if (types.isEmpty()) {
        typeIds.append(defaultType);
    } else {
        for (const QJsonValue &t : types) {
            const int id = t.toObject().value(u"associationTypeId"_s).toInt();
            const QString category = t.toObject().value(u"associationCategory"_s).toString();
            if (category != u"HUBSPOT_DEFINED"_s || id != defaultType)
                return std::unexpected(HsError::validation(
                    u"invalid association type %1 (%2) from %3 to %4"_s.arg(id).arg(category, objectLabel(fromType),
                                                                               objectLabel(toType))));
            typeIds.append(id);
        }
    }
    for (const int id : std::as_const(typeIds))
        link(fromType, from->id, toType, to->id, id);
    QJsonArray labels;
    if (types.isEmpty()) {
        QJsonArray results{QJsonObject{
            {u"from"_s, QJsonObject{{u"id"_s, QString::number(from->id)}}},
            {u"to"_s, QJsonObject{{u"id"_s, QString::number(to->id)}}},
            {u"associationSpec"_s, QJsonObject{{u"associationCategory"_s, u"HUBSPOT_DEFINED"_s},
                                               {u"associationTypeId"_s, defaultType}}}}};
        const QString now = iso(nowMs());
        return Reply{200, QJsonObject{{u"status"_s, u"COMPLETE"_s}, {u"results"_s, results},
                                      {u"startedAt"_s, now}, {u"completedAt"_s, now}}};
    }
    return Reply{200, QJsonObject{{u"fromObjectTypeId"_s, typeIdName(fromType)}, {u"fromObjectId"_s, from->id},
                                  {u"toObjectTypeId"_s, typeIdName(toType)}, {u"toObjectId"_s, to->id},
                                  {u"labels"_s, labels}}};
}

HsResult<HubSpotPortal::Reply> HubSpotPortal::associations(const QString &fromType, const QString &fromId,
                                                            const QString &toType, int limit, const QString &after)
{
    const Record *from = find(fromType, fromId.toLongLong());
    if (!from)
        return std::unexpected(HsError::notFound());
    if (limit < 1 || limit > 500)
        return std::unexpected(HsError::validation(u"limit must be between 1 and 500"_s));
    const auto targets = m_associations.value(associationKey(fromType, from->id, toType));
    const qint64 start = after.isEmpty() ? 0 : after.toLongLong();
    QJsonArray results;
    qint64 next = 0;
    for (auto it = targets.cbegin(); it != targets.cend(); ++it) {
        if (it.key() < start || !find(toType, it.key()))
            continue;
        if (results.size() == limit) {
            next = it.key();
            break;
        }
        QJsonArray types;
        for (const int id : it.value())
            types.append(QJsonObject{{u"category"_s, u"HUBSPOT_DEFINED"_s}, {u"typeId"_s, id},
                                     {u"label"_s, QJsonValue(QJsonValue::Null)}});
        results.append(QJsonObject{{u"toObjectId"_s, it.key()}, {u"associationTypes"_s, types}});
    }
    QJsonObject body{{u"results"_s, results}};
    if (next > 0)
        body.insert(u"paging"_s, QJsonObject{{u"next"_s, QJsonObject{{u"after"_s, QString::number(next)}}}});
    return Reply{200, body};
}

HsResult<HubSpotPortal::Reply> HubSpotPortal::removeAssociations(const QString &fromType, const QString &fromId,
                                                                  const QString &toType, const QString &toId)
{
    const Record *from = find(fromType, fromId.toLongLong());
    const Record *to = find(toType, toId.toLongLong());
    if (!from || !to)
        return std::unexpected(HsError::notFound());
    unlink(fromType, from->id, toType, to->id);
    unlink(toType, to->id, fromType, from->id);
    return Reply{204, {}};
}

// --- views -----------------------------------------------------------------------

QJsonObject HubSpotPortal::toJson(const Record &record, const QStringList &properties, bool searchView) const
{
    const QMap<QString, QString> &props = searchView ? record.indexed : record.props;
    QStringList names = properties.isEmpty() ? defaultProperties(record.type) : properties;
    // Always present, whatever was asked (observed in every v3 response).
    for (const QString &always : {u"hs_object_id"_s, createdProperty(record.type), modifiedProperty(record.type)})
        if (!names.contains(always))
            names.append(always);
    QJsonObject out;
    for (const QString &name : std::as_const(names)) {
        const auto it = props.constFind(name);
        out.insert(name, it == props.cend() || it->isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(*it));
    }
    const qint64 updated = searchView ? record.indexedUpdatedMs : record.updatedMs;
    QJsonObject json{{u"id"_s, QString::number(record.id)},
                     {u"properties"_s, out},
                     {u"createdAt"_s, iso(record.createdMs)},
                     {u"updatedAt"_s, iso(updated)},
                     {u"archived"_s, record.archived}};
    if (record.archived)
        json.insert(u"archivedAt"_s, iso(record.archivedMs));
    return json;
}

void HubSpotPortal::bulkCreateContacts(int count, qint64 firstMs, qint64 stepMs, const QString &emailPrefix)
{
    auto &table = m_tables[u"contacts"_s];
    for (int n = 0; n < count; ++n) {
        Record record;
        record.type = u"contacts"_s;
        record.id = m_nextId++;
        const qint64 at = firstMs + qint64(n) * stepMs;
        record.createdMs = at;
        record.props.insert(u"email"_s, u"%1%2@example.com"_s.arg(emailPrefix).arg(n));
        record.props.insert(u"firstname"_s, u"Bench"_s);
        record.props.insert(u"lastname"_s, u"Contact %1"_s.arg(n));
        record.updatedMs = at;
        record.props.insert(u"lastmodifieddate"_s, iso(at));
        record.props.insert(u"createdate"_s, iso(at));
        record.props.insert(u"hs_object_id"_s, QString::number(record.id));
        record.indexed = record.props;
        record.indexedUpdatedMs = at;
        record.isIndexed = true;
        noteIndexed(record);
        m_emails.insert(record.props.value(u"email"_s), record.id);
        table.emplace(record.id, std::move(record));
    }
}

} // namespace Concord::Sandbox
