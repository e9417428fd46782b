#include "sync/fieldmappingset.h"

#include "store/rulesrepository.h"
#include "sync/defaultmappings.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Concord::Sync {

namespace {

QString canonical(const QString &field)
{
    return field.trimmed().toLower();
}

} // namespace

FieldMappingSet::FieldMappingSet(QList<Domain::FieldMapping> rows)
    : m_rows(std::move(rows))
{
}

FieldMappingSet FieldMappingSet::defaults()
{
    return FieldMappingSet(defaultFieldMappings());
}

Result<FieldMappingSet> FieldMappingSet::load(Store::Database &db, const Clock &clock)
{
    Store::RulesRepository rules(db, clock);
    auto rows = rules.fieldMappings();
    if (!rows)
        return std::unexpected(rows.error());
    return FieldMappingSet(std::move(*rows));
}

std::optional<Domain::FieldMapping> FieldMappingSet::row(const QString &field, Domain::System target) const
{
    const QString name = canonical(field);
    for (const Domain::FieldMapping &m : m_rows) {
        if (m.enabled && m.targetSystem == target && canonical(m.field) == name)
            return m;
    }
    return std::nullopt;
}

QString FieldMappingSet::hubSpotProperty(const QString &field, QStringView object) const
{
    const auto m = row(field, Domain::System::HubSpot);
    if (!m)
        return {};
    const QString path = m->targetPath.trimmed();
    const qsizetype dot = path.indexOf(u'.');
    if (dot <= 0 || QStringView(path).left(dot).compare(object, Qt::CaseInsensitive) != 0)
        return {};
    const QString property = path.mid(dot + 1);
    static const QRegularExpression internalName(u"^[a-z][a-z0-9_]*$"_s);
    return internalName.match(property).hasMatch() ? property : QString();
}

QString FieldMappingSet::fieldOfHubSpotProperty(QStringView object, const QString &property) const
{
    for (const Domain::FieldMapping &m : m_rows) {
        if (m.enabled && m.targetSystem == Domain::System::HubSpot && hubSpotProperty(m.field, object) == property)
            return canonical(m.field);
    }
    return {};
}

std::optional<Domain::System> FieldMappingSet::authority(const QString &field) const
{
    const Result<Domain::System> owner = authorityFor(field, m_rows);
    if (!owner)
        return std::nullopt;
    return *owner;
}

bool FieldMappingSet::isAuthoritative(const QString &field, Domain::System system) const
{
    const Result<Domain::System> owner = authorityFor(field, m_rows);
    if (!owner)
        return owner.error().code == ErrorCode::NotFound; // disagreeing rows: nobody's value is the real one
    return *owner == system;
}

bool FieldMappingSet::writesOnCreate(const QString &field, Domain::System target) const
{
    if (carries(field, target))
        return true;
    const QString name = canonical(field);
    bool mentioned = false;
    for (const Domain::FieldMapping &m : m_rows) {
        if (canonical(m.field) != name)
            continue;
        mentioned = true;
        if (m.authoritativeSystem == target)
            return true;
    }
    return !mentioned;
}

Result<QJsonValue> FieldMappingSet::carried(const QString &field, Domain::System target, const QJsonValue &value,
                                            const TransformOptions &options) const
{
    const auto m = row(field, target);
    if (!m) {
        return fail(ErrorCode::NotFound, u"no enabled mapping carries '%1' into %2"_s.arg(
                                             canonical(field), Domain::displayName(target)));
    }
    const QString name = m->transform.trimmed().isEmpty() ? u"identity"_s : m->transform.trimmed();
    const std::optional<TransformInfo> info = transformInfo(name);
    if (info && !info->pure)
        return value;
    return applyTransform(name, value, options);
}

Error FieldMappingSet::explainHubSpotRefusal(Error error, QStringView object) const
{
    if (error.remoteCode != u"PROPERTY_DOESNT_EXIST"_s)
        return error;
    // HubSpot's sentence: Property "x" does not exist (connectors/hubspot/apierror.cpp keeps it).
    static const QRegularExpression named(u"Property \"([^\"]+)\" does not exist"_s);
    const QRegularExpressionMatch m = named.match(error.message);
    const QString property = m.hasMatch() ? m.captured(1) : QString();
    const QString field = property.isEmpty() ? QString() : fieldOfHubSpotProperty(object, property);
    if (field.isEmpty())
        return error;
    error.message = u"HubSpot: the portal has no %1 property \"%2\", which the field mapping of '%3' writes — "
                    u"create the property in HubSpot (Settings → Properties), or change or switch off the "
                    u"mapping"_s.arg(object.toString(), property, field);
    return error;
}

} // namespace Concord::Sync
