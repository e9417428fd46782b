#include "identity/mergeplan.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Concord::Identity {

using Domain::ExternalLink;
using Domain::System;

QString toString(MergeStep::Action action)
{
    switch (action) {
    case MergeStep::Action::MoveLink: return u"move_link"_s;
    case MergeStep::Action::MergeContacts: return u"merge_contacts"_s;
    case MergeStep::Action::RepointInvoices: return u"repoint_invoices"_s;
    case MergeStep::Action::DeactivateCustomer: return u"deactivate_customer"_s;
    case MergeStep::Action::ManualStep: return u"manual_step"_s;
    case MergeStep::Action::UpdateSurvivor: return u"update_survivor"_s;
    }
    return u"unknown"_s;
}

QJsonObject MergeStep::toJson() const
{
    return QJsonObject{{u"action"_s, toString(action)},
                       {u"system"_s, Domain::toString(system)},
                       {u"survivorExternalId"_s, survivorExternalId},
                       {u"mergedExternalId"_s, mergedExternalId},
                       {u"automatic"_s, automatic},
                       {u"undoableRemotely"_s, undoableRemotely},
                       {u"description"_s, description}};
}

QStringList MergePlan::irreversible() const
{
    QStringList out;
    for (const MergeStep &step : steps) {
        if (!step.undoableRemotely)
            out.append(step.description);
    }
    return out;
}

QJsonObject MergePlan::toJson() const
{
    QJsonArray stepArray;
    for (const MergeStep &step : steps)
        stepArray.append(step.toJson());
    return QJsonObject{{u"survivorId"_s, survivorId},
                       {u"mergedIds"_s, QJsonArray::fromStringList(mergedIds)},
                       {u"survivorValues"_s, survivorValues},
                       {u"steps"_s, stepArray},
                       {u"irreversible"_s, QJsonArray::fromStringList(irreversible())}};
}

Result<MergePlan> MergePlan::fromJson(const QJsonObject &json)
{
    MergePlan out;
    out.survivorId = json.value(u"survivorId"_s).toString();
    for (const QJsonValue &v : json.value(u"mergedIds"_s).toArray())
        out.mergedIds.append(v.toString());
    out.survivorValues = json.value(u"survivorValues"_s).toObject();
    for (const QJsonValue &v : json.value(u"steps"_s).toArray()) {
        const QJsonObject s = v.toObject();
        MergeStep step;
        bool known = false;
        for (const auto action : {MergeStep::Action::MoveLink, MergeStep::Action::MergeContacts,
                                  MergeStep::Action::RepointInvoices, MergeStep::Action::DeactivateCustomer,
                                  MergeStep::Action::ManualStep, MergeStep::Action::UpdateSurvivor}) {
            if (toString(action) == s.value(u"action"_s).toString()) {
                step.action = action;
                known = true;
            }
        }
        auto system = Domain::parseSystem(s.value(u"system"_s).toString());
        if (!known || !system)
            return fail(ErrorCode::Integrity, u"a stored merge plan has an unreadable step: %1"_s.arg(
                                                  s.value(u"action"_s).toString()));
        step.system = *system;
        step.survivorExternalId = s.value(u"survivorExternalId"_s).toString();
        step.mergedExternalId = s.value(u"mergedExternalId"_s).toString();
        step.automatic = s.value(u"automatic"_s).toBool(true);
        step.undoableRemotely = s.value(u"undoableRemotely"_s).toBool(true);
        step.description = s.value(u"description"_s).toString();
        out.steps.append(step);
    }
    return out;
}

namespace {

QList<ExternalLink> linksOf(const QString &customerId, System system, const QList<ExternalLink> &links)
{
    QList<ExternalLink> out;
    for (const ExternalLink &link : links) {
        if (link.customerId == customerId && link.system == system)
            out.append(link);
    }
    return out;
}

QString label(const Domain::Customer &c)
{
    return c.displayName.isEmpty() ? c.id : c.displayName;
}

} // namespace

Result<MergePlan> planMerge(const Domain::Customer &survivor, const QList<Domain::Customer> &merged,
                            const QList<ExternalLink> &links, const QJsonObject &fieldChoices)
{
    for (auto it = fieldChoices.constBegin(); it != fieldChoices.constEnd(); ++it) {
        if (!kSurvivorFields.contains(it.key()))
            return fail(ErrorCode::InvalidArgument, u"a merge cannot choose a value for '%1' (choose among: %2)"_s.arg(
                                                        it.key(), kSurvivorFields.join(u", "_s)));
        if (!it.value().isString())
            return fail(ErrorCode::InvalidArgument, u"the surviving value for '%1' must be text"_s.arg(it.key()));
    }
    if (survivor.id.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a merge needs a surviving customer"_s);
    if (merged.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a merge needs at least one customer to merge into %1"_s.arg(label(survivor)));
    MergePlan plan;
    plan.survivorId = survivor.id;
    plan.survivorValues = fieldChoices;
    for (const Domain::Customer &m : merged) {
        if (m.id.isEmpty())
            return fail(ErrorCode::InvalidArgument, u"a customer to merge has no id"_s);
        if (m.id == survivor.id)
            return fail(ErrorCode::InvalidArgument, u"%1 cannot be merged into itself"_s.arg(label(survivor)));
        if (plan.mergedIds.contains(m.id))
            return fail(ErrorCode::InvalidArgument, u"%1 is listed twice"_s.arg(label(m)));
        plan.mergedIds.append(m.id);
    }

    for (const Domain::Customer &m : merged) {
        for (const System system : Domain::allSystems()) {
            const QList<ExternalLink> survivorLinks = linksOf(survivor.id, system, links);
            const QString survivorRecord = survivorLinks.isEmpty() ? QString() : survivorLinks.first().externalId;
            for (const ExternalLink &dup : linksOf(m.id, system, links)) {
                const bool sameRecord = !survivorRecord.isEmpty() && survivorRecord == dup.externalId;
                MergeStep move;
                move.action = MergeStep::Action::MoveLink;
                move.system = system;
                move.survivorExternalId = survivorRecord;
                move.mergedExternalId = dup.externalId;
                move.description = u"Concord: %1 record %2 of %3 becomes %4's (undo in Concord restores it)"_s.arg(
                    Domain::displayName(system), dup.externalId, label(m), label(survivor));
                plan.steps.append(move);
                if (survivorRecord.isEmpty() || sameRecord)
                    continue; // nothing to merge remotely: the record simply moves over

                switch (system) {
                case System::HubSpot: {
                    MergeStep step;
                    step.action = MergeStep::Action::MergeContacts;
                    step.system = system;
                    step.survivorExternalId = survivorRecord;
                    step.mergedExternalId = dup.externalId;
                    step.undoableRemotely = false;
                    step.description = u"HubSpot: contact %1 is merged into contact %2 — HubSpot cannot undo a merge; "
                                       "the survivor may get a new id, which Concord follows"_s.arg(dup.externalId, survivorRecord);
                    plan.steps.append(step);
                    break;
                }
                case System::QuickBooks: {
                    MergeStep repoint;
                    repoint.action = MergeStep::Action::RepointInvoices;
                    repoint.system = system;
                    repoint.survivorExternalId = survivorRecord;
                    repoint.mergedExternalId = dup.externalId;
                    repoint.description = u"QuickBooks: open invoices of customer %1 are moved to customer %2 "
                                          "(a person can move them back)"_s.arg(dup.externalId, survivorRecord);
                    plan.steps.append(repoint);
                    MergeStep deactivate;
                    deactivate.action = MergeStep::Action::DeactivateCustomer;
                    deactivate.system = system;
                    deactivate.survivorExternalId = survivorRecord;
                    deactivate.mergedExternalId = dup.externalId;
                    deactivate.description = u"QuickBooks: customer %1 is made inactive (it can be made active again)"_s.arg(
                        dup.externalId);
                    plan.steps.append(deactivate);
                    MergeStep manual;
                    manual.action = MergeStep::Action::ManualStep;
                    manual.system = system;
                    manual.survivorExternalId = survivorRecord;
                    manual.mergedExternalId = dup.externalId;
                    manual.automatic = false;
                    manual.undoableRemotely = false;
                    manual.description =
                        u"QuickBooks has no merge API: paid invoices and payments stay on customer %1. To combine "
                        "their history, a person renames %1 to exactly %2's display name in QuickBooks and confirms "
                        "the merge there — QuickBooks cannot undo that"_s.arg(dup.externalId, survivorRecord);
                    plan.steps.append(manual);
                    break;
                }
                case System::CalCom:
                    // Bookings name an attendee by email; there is nothing to
                    // merge in Cal.com. The moved link makes later bookings
                    // under the duplicate's address resolve to the survivor.
                    break;
                }
            }
        }
    }
    // The survivor's own records take the chosen values (a person can edit
    // them back; Concord's undo restores only its own copy).
    if (!fieldChoices.isEmpty()) {
        for (const System system : {System::QuickBooks, System::HubSpot}) {
            const QList<ExternalLink> own = linksOf(survivor.id, system, links);
            if (own.isEmpty())
                continue;
            MergeStep step;
            step.action = MergeStep::Action::UpdateSurvivor;
            step.system = system;
            step.survivorExternalId = own.first().externalId;
            step.description = u"%1: record %2 takes the chosen %3"_s.arg(Domain::displayName(system),
                                                                          own.first().externalId,
                                                                          fieldChoices.keys().join(u", "_s));
            plan.steps.append(step);
        }
    }
    return plan;
}

} // namespace Concord::Identity
