#include "connectors/hubspot/crmrecords.h"

using namespace Qt::StringLiterals;

namespace Concord::HubSpot {

QStringList Deal::defaultProperties()
{
    return {u"dealname"_s, u"pipeline"_s, u"dealstage"_s, u"amount"_s,
            u"deal_currency_code"_s, u"closedate"_s, u"hs_lastmodifieddate"_s};
}

Deal Deal::fromObject(const CrmObject &object)
{
    Deal deal;
    deal.id = object.id;
    deal.name = object.value(u"dealname"_s);
    deal.pipeline = object.value(u"pipeline"_s);
    deal.stage = object.value(u"dealstage"_s);
    deal.amount = object.value(u"amount"_s);
    deal.currency = object.value(u"deal_currency_code"_s);
    deal.closeDate = parseTime(object.value(u"closedate"_s));
    const QDateTime modified = parseTime(object.value(u"hs_lastmodifieddate"_s));
    deal.lastModifiedAt = modified.isValid() ? modified : object.updatedAt;
    deal.object = object;
    return deal;
}

QStringList Note::defaultProperties()
{
    return {u"hs_note_body"_s, u"hs_timestamp"_s};
}

Note Note::fromObject(const CrmObject &object)
{
    Note note;
    note.id = object.id;
    note.body = object.value(u"hs_note_body"_s);
    note.timestamp = parseTime(object.value(u"hs_timestamp"_s));
    note.object = object;
    return note;
}

QStringList Task::defaultProperties()
{
    return {u"hs_task_subject"_s, u"hs_task_body"_s, u"hs_task_status"_s, u"hs_task_priority"_s,
            u"hs_task_type"_s, u"hs_timestamp"_s, u"hubspot_owner_id"_s};
}

Task Task::fromObject(const CrmObject &object)
{
    Task task;
    task.id = object.id;
    task.subject = object.value(u"hs_task_subject"_s);
    task.body = object.value(u"hs_task_body"_s);
    task.status = object.value(u"hs_task_status"_s);
    task.priority = object.value(u"hs_task_priority"_s);
    task.type = object.value(u"hs_task_type"_s);
    task.dueAt = parseTime(object.value(u"hs_timestamp"_s));
    task.ownerId = object.value(u"hubspot_owner_id"_s);
    task.object = object;
    return task;
}

} // namespace Concord::HubSpot
