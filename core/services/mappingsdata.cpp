#include "services/mappingsdata.h"

#include "domain/status.h"
#include "store/rulesrepository.h"
#include "sync/defaultmappings.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Concord::Services {

namespace {

using Domain::System;

// HubSpot's default sales pipeline, in its display order: the stage ids
// every portal's "default" pipeline starts with (hubspot-calcom.md A7).
QList<DealStageInfo> defaultPipelineStages()
{
    return {
        {u"appointmentscheduled"_s, u"Appointment scheduled"_s},
        {u"qualifiedtobuy"_s, u"Qualified to buy"_s},
        {u"presentationscheduled"_s, u"Presentation scheduled"_s},
        {u"decisionmakerboughtin"_s, u"Decision maker bought-in"_s},
        {u"contractsent"_s, u"Contract sent"_s},
        {u"closedwon"_s, u"Closed won"_s},
        {u"closedlost"_s, u"Closed lost"_s},
    };
}

} // namespace

std::optional<Sync::ValueType> MappingsData::fieldType(const QString &field) const
{
    const QString name = field.trimmed().toLower();
    for (const MappingFieldInfo &f : knownFields) {
        if (f.name == name)
            return f.type;
    }
    return std::nullopt;
}

QStringList MappingsData::pathsFor(const QString &field, System system) const
{
    const QString name = field.trimmed().toLower();
    QStringList out;
    for (const MappingPath &p : paths) {
        if (p.system == system && p.field == name && !out.contains(p.path))
            out << p.path;
    }
    return out;
}

QStringList MappingsData::dealStageIds() const
{
    QStringList ids;
    for (const DealStageInfo &s : dealStages)
        ids << s.id;
    return ids;
}

bool MappingBatch::isEmpty() const
{
    return size() == 0;
}

int MappingBatch::size() const
{
    return int(fields.size() + statuses.size() + deletedFields.size() + deletedStatuses.size());
}

Security::Permission mappingSide(const Domain::FieldMapping &m)
{
    return (m.sourceSystem == System::QuickBooks || m.targetSystem == System::QuickBooks)
        ? Security::Permission::EditBilling
        : Security::Permission::EditBookings;
}

Security::Permission mappingSide(const Domain::StatusMapping &m)
{
    // Money statuses come from QuickBooks: billing side.
    return (m.domain == Domain::StatusDomain::Money || m.targetSystem == System::QuickBooks)
        ? Security::Permission::EditBilling
        : Security::Permission::EditBookings;
}

QString canonicalStatus(const Domain::StatusMapping &m)
{
    if (m.domain == Domain::StatusDomain::Appointment) {
        if (auto s = Domain::parseAppointmentStatus(m.status))
            return Domain::toString(*s);
    } else if (auto s = Domain::parseMoneyStatus(m.status)) {
        return Domain::toString(*s);
    }
    return m.status.trimmed();
}

bool sameMapping(const Domain::FieldMapping &a, const Domain::FieldMapping &b)
{
    const auto transform = [](const Domain::FieldMapping &m) {
        const QString t = m.transform.trimmed();
        return t.isEmpty() ? u"identity"_s : t;
    };
    return a.field == b.field && a.sourceSystem == b.sourceSystem && a.targetSystem == b.targetSystem
        && a.sourcePath == b.sourcePath && a.targetPath == b.targetPath && transform(a) == transform(b)
        && a.authoritativeSystem == b.authoritativeSystem && a.enabled == b.enabled;
}

bool sameMapping(const Domain::StatusMapping &a, const Domain::StatusMapping &b)
{
    return a.domain == b.domain && canonicalStatus(a) == canonicalStatus(b) && a.targetSystem == b.targetSystem
        && a.action == b.action && a.targetValue == b.targetValue;
}

Result<MappingsData> collectMappings(Store::Database &db)
{
    Store::RulesRepository rules(db);
    auto fields = rules.fieldMappings();
    if (!fields)
        return std::unexpected(fields.error());
    auto statuses = rules.statusMappings();
    if (!statuses)
        return std::unexpected(statuses.error());

    MappingsData data;
    data.fields = *fields;
    data.statuses = *statuses;
    const QStringList names = Sync::knownFields();
    for (const QString &name : names)
        data.knownFields.append({name, Sync::fieldType(name).value_or(Sync::ValueType::Any)});
    data.transforms = Sync::knownTransforms();

    // Paths people already use first, then the defaults' (the same path twice
    // is offered once).
    QSet<QString> seen;
    const auto addPath = [&](const QString &field, System system, const QString &path) {
        const QString f = field.trimmed().toLower();
        const QString key = f + u'\n' + Domain::toString(system) + u'\n' + path;
        if (f.isEmpty() || path.trimmed().isEmpty() || seen.contains(key))
            return;
        seen.insert(key);
        data.paths.append({f, system, path});
    };
    const QList<Domain::FieldMapping> defaults = Sync::defaultFieldMappings();
    const QList<Domain::FieldMapping> *const lists[] = {&data.fields, &defaults};
    for (const QList<Domain::FieldMapping> *list : lists) {
        for (const Domain::FieldMapping &m : *list) {
            addPath(m.field, m.sourceSystem, m.sourcePath);
            addPath(m.field, m.targetSystem, m.targetPath);
        }
    }

    for (Domain::AppointmentStatus s : {Domain::AppointmentStatus::Booked, Domain::AppointmentStatus::Rescheduled,
                                        Domain::AppointmentStatus::Completed, Domain::AppointmentStatus::NoShow,
                                        Domain::AppointmentStatus::Canceled})
        data.appointmentStatuses << Domain::toString(s);
    for (Domain::MoneyStatus s : {Domain::MoneyStatus::Invoiced, Domain::MoneyStatus::DepositPaid,
                                  Domain::MoneyStatus::PartiallyPaid, Domain::MoneyStatus::Paid,
                                  Domain::MoneyStatus::Overdue, Domain::MoneyStatus::Voided,
                                  Domain::MoneyStatus::Refunded})
        data.moneyStatuses << Domain::toString(s);

    data.dealStages = defaultPipelineStages();
    // A stage a person typed (a custom pipeline's) stays choosable.
    for (const Domain::StatusMapping &m : std::as_const(data.statuses)) {
        const QString stage = m.targetValue.trimmed();
        if (m.action != Domain::StatusAction::DealStage || stage.isEmpty() || data.dealStageIds().contains(stage))
            continue;
        data.dealStages.append({stage, stage});
    }
    data.taskPlaceholders = Sync::taskPlaceholders();
    return data;
}

} // namespace Concord::Services
