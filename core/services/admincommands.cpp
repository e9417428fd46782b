#include "services/admincommands.h"

#include "common/logging.h"
#include "security/auditlog.h"
#include "services/auditjson.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/identityrepository.h"
#include "store/outboxrepository.h"
#include "store/rulesrepository.h"
#include "store/userrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;
using namespace Concord::Security;

namespace Concord::Services {

namespace {

// The proposal, when it is in `required`; Conflict saying `why` otherwise.
Result<MergeProposal> proposalIn(const Store::IdentityRepository &identity, qint64 id, MergeState required,
                                 const QString &why)
{
    auto proposal = identity.proposal(id);
    if (!proposal)
        return proposal;
    if (proposal->state != required)
        return fail(ErrorCode::Conflict, u"merge proposal %1 is %2: %3"_s.arg(id).arg(toString(proposal->state), why));
    return proposal;
}

Permission sideOf(System a, System b)
{
    return (a == System::QuickBooks || b == System::QuickBooks) ? Permission::EditBilling : Permission::EditBookings;
}

// Finds the stored row with the same id in a list (for the audit "before").
template<typename T>
QJsonValue beforeOf(const Result<QList<T>> &all, qint64 id)
{
    if (!all || id == 0)
        return {};
    for (const T &row : *all) {
        if (row.id == id)
            return AuditJson::toJson(row);
    }
    return {};
}

} // namespace

AdminCommands::AdminCommands(Store::Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

template<typename T, typename Body>
Result<T> AdminCommands::audited(const Actor &actor, std::initializer_list<Permission> needs, const QString &action,
                                 Body body)
{
    for (Permission p : needs) {
        if (auto ok = authorize(actor, p); !ok) {
            qCInfo(lcSecurity) << "refused" << action << "for" << actor.username << "-" << ok.error().message;
            return std::unexpected(ok.error());
        }
    }
    Store::Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    Change change;
    Result<T> result = body(change);
    if (!result)
        return result; // the guard rolls back whatever the body wrote
    AuditLog audit(m_db, m_clock);
    if (auto entry = audit.append(actor, action, change.entityType, change.entityId, change.before, change.after);
        !entry) {
        return std::unexpected(entry.error());
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return result;
}

Result<User> AdminCommands::bootstrapOwner(const QString &username, const QString &displayName)
{
    Store::UserRepository users(m_db, m_clock);
    auto existing = users.byUsername(username);
    if (existing)
        return existing;
    if (existing.error().code != ErrorCode::NotFound)
        return existing;
    auto n = users.count();
    if (!n)
        return std::unexpected(n.error());
    if (*n > 0)
        return fail(ErrorCode::NotFound, u"'%1' is not a Concord user; ask an owner to add you"_s.arg(username));

    const Actor bootstrap = Actor::system(u"bootstrap"_s);
    Store::Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    User owner;
    owner.username = username;
    owner.displayName = displayName;
    owner.role = Role::Owner;
    auto created = users.create(owner);
    if (!created)
        return created;
    AuditLog audit(m_db, m_clock);
    if (auto e = audit.append(bootstrap, u"user.bootstrap-owner"_s, u"user"_s, QString::number(created->id), {},
                              AuditJson::toJson(*created));
        !e) {
        return std::unexpected(e.error());
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return created;
}

Result<User> AdminCommands::createUser(const Actor &actor, const User &user)
{
    return audited<User>(actor, {Permission::ManageUsers}, u"user.create"_s, [&](Change &c) -> Result<User> {
        auto created = Store::UserRepository(m_db, m_clock).create(user);
        if (created)
            c = {u"user"_s, QString::number(created->id), {}, AuditJson::toJson(*created)};
        return created;
    });
}

Result<User> AdminCommands::updateUser(const Actor &actor, const User &user)
{
    return audited<User>(actor, {Permission::ManageUsers}, u"user.update"_s, [&](Change &c) -> Result<User> {
        Store::UserRepository users(m_db, m_clock);
        auto before = users.get(user.id);
        if (!before)
            return before;
        auto after = users.update(user);
        if (after)
            c = {u"user"_s, QString::number(user.id), AuditJson::toJson(*before), AuditJson::toJson(*after)};
        return after;
    });
}

Result<Customer> AdminCommands::updateCustomer(const Actor &actor, const Customer &customer)
{
    return audited<Customer>(actor, {Permission::EditBookings}, u"customer.update"_s,
                             [&](Change &c) -> Result<Customer> {
                                 Store::CustomerRepository customers(m_db, m_clock);
                                 auto before = customers.get(customer.id);
                                 if (!before)
                                     return before;
                                 auto after = customers.update(customer);
                                 if (after)
                                     c = {u"customer"_s, customer.id, AuditJson::toJson(*before),
                                          AuditJson::toJson(*after)};
                                 return after;
                             });
}

Result<ExternalLink> AdminCommands::linkRecord(const Actor &actor, const ExternalLink &link)
{
    return audited<ExternalLink>(actor, {Permission::EditBookings}, u"identity.link"_s,
                                 [&](Change &c) -> Result<ExternalLink> {
                                     ExternalLink l = link;
                                     l.linkedBy = actor.username;
                                     auto stored = Store::IdentityRepository(m_db, m_clock).link(l);
                                     if (stored)
                                         c = {u"customer"_s, stored->customerId, {}, AuditJson::toJson(*stored)};
                                     return stored;
                                 });
}

Result<qint64> AdminCommands::proposeMerge(const Actor &actor, const MergeProposal &proposal)
{
    return audited<qint64>(actor, {Permission::ProposeMerge}, u"merge.propose"_s, [&](Change &c) -> Result<qint64> {
        Store::CustomerRepository customers(m_db, m_clock);
        QStringList everyone = proposal.mergedIds;
        everyone.prepend(proposal.survivorId);
        for (const QString &id : std::as_const(everyone)) {
            auto customer = customers.get(id);
            if (!customer)
                return std::unexpected(customer.error());
            if (customer->state != CustomerState::Active)
                return fail(ErrorCode::InvalidArgument, u"customer %1 is not active (%2)"_s.arg(id, toString(customer->state)));
        }
        MergeProposal p = proposal;
        p.proposedBy = actor.username;
        auto id = Store::IdentityRepository(m_db, m_clock).createProposal(p);
        if (id) {
            p.id = *id;
            c = {u"merge_proposal"_s, QString::number(*id), {}, AuditJson::toJson(p)};
        }
        return id;
    });
}

Status AdminCommands::decideMerge(const Actor &actor, qint64 proposalId, bool approve, const QString &note)
{
    auto r = audited<bool>(actor, {Permission::ApproveMerge}, approve ? u"merge.approve"_s : u"merge.reject"_s,
                           [&](Change &c) -> Result<bool> {
                               Store::IdentityRepository identity(m_db, m_clock);
                               auto before = identity.proposal(proposalId);
                               if (!before)
                                   return std::unexpected(before.error());
                               // Four eyes: the person who proposed cannot approve it too.
                               if (approve && before->proposedBy == actor.username)
                                   return fail(ErrorCode::PermissionDenied,
                                               u"%1 proposed this merge and cannot also approve it; another owner must"_s
                                                   .arg(actor.username));
                               const MergeState next = approve ? MergeState::Approved : MergeState::Rejected;
                               if (auto ok = identity.decideProposal(proposalId, MergeState::Proposed, next,
                                                                     actor.username, note);
                                   !ok) {
                                   return std::unexpected(ok.error());
                               }
                               auto after = identity.proposal(proposalId);
                               if (!after)
                                   return std::unexpected(after.error());
                               c = {u"merge_proposal"_s, QString::number(proposalId), AuditJson::toJson(*before),
                                    AuditJson::toJson(*after)};
                               return true;
                           });
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<Identity::MergePlan> AdminCommands::executeMerge(const Actor &actor, qint64 proposalId)
{
    Identity::MergePlan plan;
    auto r = audited<bool>(actor, {Permission::ApproveMerge}, u"merge.execute"_s, [&](Change &c) -> Result<bool> {
        Store::IdentityRepository identity(m_db, m_clock);
        Store::CustomerRepository customers(m_db, m_clock);
        auto before =
            proposalIn(identity, proposalId, MergeState::Approved, u"only an approved merge can be executed"_s);
        if (!before)
            return std::unexpected(before.error());
        auto survivor = customers.get(before->survivorId);
        if (!survivor)
            return std::unexpected(survivor.error());
        QList<Customer> merged;
        QList<ExternalLink> links;
        auto survivorLinks = identity.linksFor(survivor->id);
        if (!survivorLinks)
            return std::unexpected(survivorLinks.error());
        links += *survivorLinks;
        for (const QString &id : std::as_const(before->mergedIds)) {
            auto m = customers.get(id);
            if (!m)
                return std::unexpected(m.error());
            merged.append(*m);
            auto own = identity.linksFor(id);
            if (!own)
                return std::unexpected(own.error());
            links += *own;
        }
        const QJsonObject choices = QJsonDocument::fromJson(before->fieldChoicesJson.toUtf8()).object();
        auto planned = Identity::planMerge(*survivor, merged, links, choices);
        if (!planned)
            return std::unexpected(planned.error());
        plan = *planned;

        // Concord's own copy of the survivor takes the chosen names.
        const QJsonObject survivorBefore{{u"displayName"_s, survivor->displayName},
                                         {u"givenName"_s, survivor->givenName},
                                         {u"familyName"_s, survivor->familyName}};
        if (choices.contains(u"displayName"_s) || choices.contains(u"givenName"_s) || choices.contains(u"familyName"_s)) {
            Customer updated = *survivor;
            updated.displayName = choices.value(u"displayName"_s).toString(updated.displayName);
            updated.givenName = choices.value(u"givenName"_s).toString(updated.givenName);
            updated.familyName = choices.value(u"familyName"_s).toString(updated.familyName);
            if (auto ok = customers.update(updated); !ok)
                return std::unexpected(ok.error());
        }

        // Link by link, remembering where each came from: undo puts each back.
        QJsonArray moved;
        for (const ExternalLink &link : std::as_const(links)) {
            if (link.customerId == survivor->id)
                continue;
            if (auto ok = identity.moveLink(link.id, survivor->id); !ok)
                return std::unexpected(ok.error());
            moved.append(QJsonObject{{u"linkId"_s, QString::number(link.id)},
                                     {u"from"_s, link.customerId},
                                     {u"system"_s, toString(link.system)},
                                     {u"externalId"_s, link.externalId}});
        }
        for (const Customer &m : std::as_const(merged)) {
            if (auto ok = customers.markMerged(m.id, survivor->id); !ok)
                return std::unexpected(ok.error());
        }
        // The duplicate candidates this merge settles.
        for (const CandidateState state : {CandidateState::Open, CandidateState::Proposed}) {
            auto open = identity.candidates(state);
            if (!open)
                return std::unexpected(open.error());
            for (const DuplicateCandidate &candidate : std::as_const(*open)) {
                const QStringList ids = QStringList(before->mergedIds) << survivor->id;
                if (ids.contains(candidate.customerA) && ids.contains(candidate.customerB)) {
                    if (auto ok = identity.setCandidateState(candidate.id, CandidateState::Merged); !ok)
                        return std::unexpected(ok.error());
                }
            }
        }
        const QJsonObject execution{
            {u"plan"_s, plan.toJson()}, {u"movedLinks"_s, moved}, {u"survivorBefore"_s, survivorBefore}};
        if (auto ok = identity.recordExecution(proposalId, MergeState::Approved, MergeState::Executed,
                                               QString::fromUtf8(QJsonDocument(execution).toJson(QJsonDocument::Compact)));
            !ok) {
            return std::unexpected(ok.error());
        }
        auto after = identity.proposal(proposalId);
        if (!after)
            return std::unexpected(after.error());
        c = {u"merge_proposal"_s, QString::number(proposalId), AuditJson::toJson(*before), AuditJson::toJson(*after)};
        return true;
    });
    if (!r)
        return std::unexpected(r.error());
    return plan;
}

Result<QStringList> AdminCommands::undoMerge(const Actor &actor, qint64 proposalId)
{
    QStringList remaining;
    auto r = audited<bool>(actor, {Permission::ApproveMerge}, u"merge.undo"_s, [&](Change &c) -> Result<bool> {
        Store::IdentityRepository identity(m_db, m_clock);
        Store::CustomerRepository customers(m_db, m_clock);
        auto before =
            proposalIn(identity, proposalId, MergeState::Executed, u"only an executed merge can be undone"_s);
        if (!before)
            return std::unexpected(before.error());
        const QJsonObject execution = QJsonDocument::fromJson(before->executionJson.toUtf8()).object();
        if (!execution.contains(u"movedLinks"_s))
            return fail(ErrorCode::Internal,
                        u"merge proposal %1 has no record of what it changed, so it cannot be undone"_s.arg(proposalId));
        for (const QString &id : std::as_const(before->mergedIds)) {
            if (auto ok = customers.reactivate(id); !ok)
                return std::unexpected(ok.error());
        }
        // The survivor's names as they were before the merge.
        if (execution.contains(u"survivorBefore"_s)) {
            const QJsonObject was = execution.value(u"survivorBefore"_s).toObject();
            auto survivor = customers.get(before->survivorId);
            if (!survivor)
                return std::unexpected(survivor.error());
            Customer restored = *survivor;
            restored.displayName = was.value(u"displayName"_s).toString();
            restored.givenName = was.value(u"givenName"_s).toString();
            restored.familyName = was.value(u"familyName"_s).toString();
            if (restored.displayName != survivor->displayName || restored.givenName != survivor->givenName
                || restored.familyName != survivor->familyName) {
                if (auto ok = customers.update(restored); !ok)
                    return std::unexpected(ok.error());
            }
        }
        for (const QJsonValue &v : execution.value(u"movedLinks"_s).toArray()) {
            const QJsonObject moved = v.toObject();
            if (auto ok = identity.moveLink(moved.value(u"linkId"_s).toString().toLongLong(),
                                            moved.value(u"from"_s).toString());
                !ok) {
                return std::unexpected(ok.error());
            }
        }
        for (const QJsonValue &v : execution.value(u"plan"_s).toObject().value(u"irreversible"_s).toArray())
            remaining.append(v.toString());
        if (auto ok = identity.recordExecution(proposalId, MergeState::Executed, MergeState::Undone, before->executionJson);
            !ok) {
            return std::unexpected(ok.error());
        }
        auto after = identity.proposal(proposalId);
        if (!after)
            return std::unexpected(after.error());
        c = {u"merge_proposal"_s, QString::number(proposalId), AuditJson::toJson(*before), AuditJson::toJson(*after)};
        return true;
    });
    if (!r)
        return std::unexpected(r.error());
    return remaining;
}

Status AdminCommands::recordRemoteMerge(const Actor &actor, qint64 proposalId, const RemoteMergeReport &report)
{
    auto r = audited<bool>(actor, {Permission::ApproveMerge}, u"merge.remote"_s, [&](Change &c) -> Result<bool> {
        Store::IdentityRepository identity(m_db, m_clock);
        auto proposal =
            proposalIn(identity, proposalId, MergeState::Executed, u"only an executed merge has remote steps"_s);
        if (!proposal)
            return std::unexpected(proposal.error());
        QJsonArray outcomes;
        QString hubspotSurvivor;
        for (const RemoteStepOutcome &o : report.outcomes) {
            static const char *const names[] = {"done", "failed", "left_to_person", "concord_only"};
            QJsonObject entry = o.step.toJson();
            entry.insert(u"status"_s, QString::fromLatin1(names[int(o.status)]));
            entry.insert(u"detail"_s, o.detail);
            if (o.error) {
                entry.insert(u"errorCode"_s, errorCodeName(o.error->code));
                entry.insert(u"requestId"_s, o.error->requestId);
            }
            outcomes.append(entry);
            if (o.step.action == Identity::MergeStep::Action::MergeContacts && o.status == RemoteStepOutcome::Status::Done)
                hubspotSurvivor = o.step.survivorExternalId;
        }
        if (!report.newHubSpotSurvivorId.isEmpty() && !hubspotSurvivor.isEmpty()
            && report.newHubSpotSurvivorId != hubspotSurvivor) {
            if (auto ok = identity.renameExternalId(System::HubSpot, hubspotSurvivor, report.newHubSpotSurvivorId); !ok)
                return std::unexpected(ok.error());
        }
        c = {u"merge_proposal"_s, QString::number(proposalId), QJsonValue(),
             QJsonObject{{u"complete"_s, report.complete()},
                         {u"outcomes"_s, outcomes},
                         {u"newHubSpotSurvivorId"_s, report.newHubSpotSurvivorId}}};
        return true;
    });
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<FieldMapping> AdminCommands::saveFieldMapping(const Actor &actor, const FieldMapping &mapping)
{
    return audited<FieldMapping>(
        actor, {Permission::EditMappings, sideOf(mapping.sourceSystem, mapping.targetSystem)},
        mapping.id == 0 ? u"mapping.field.create"_s : u"mapping.field.update"_s, [&](Change &c) -> Result<FieldMapping> {
            Store::RulesRepository rules(m_db, m_clock);
            QJsonValue before;
            if (mapping.id != 0) {
                auto old = rules.fieldMapping(mapping.id);
                if (!old)
                    return old;
                // Moving a mapping across sides needs the old side's permission too.
                if (auto ok = authorize(actor, sideOf(old->sourceSystem, old->targetSystem)); !ok)
                    return std::unexpected(ok.error());
                before = AuditJson::toJson(*old);
            }
            FieldMapping m = mapping;
            m.updatedBy = actor.username;
            auto saved = rules.saveFieldMapping(m);
            if (saved)
                c = {u"field_mapping"_s, QString::number(saved->id), before, AuditJson::toJson(*saved)};
            return saved;
        });
}

Result<StatusMapping> AdminCommands::saveStatusMapping(const Actor &actor, const StatusMapping &mapping)
{
    // Money statuses come from QuickBooks: billing side.
    const Permission side = mapping.domain == StatusDomain::Money || mapping.targetSystem == System::QuickBooks
        ? Permission::EditBilling
        : Permission::EditBookings;
    return saveRule(actor, {Permission::EditMappings, side}, u"mapping.status"_s, u"status_mapping"_s, mapping,
                    &Store::RulesRepository::statusMappings, &Store::RulesRepository::saveStatusMapping);
}


template<typename T>
Result<T> AdminCommands::saveRule(const Actor &actor, std::initializer_list<Permission> needs, const QString &action,
                                  const QString &entityType, const T &rule,
                                  Result<QList<T>> (Store::RulesRepository::*list)() const,
                                  Result<T> (Store::RulesRepository::*save)(T))
{
    return audited<T>(actor, needs, action + (rule.id == 0 ? u".create"_s : u".update"_s), [&](Change &c) -> Result<T> {
        Store::RulesRepository rules(m_db, m_clock);
        const QJsonValue before = beforeOf((rules.*list)(), rule.id);
        T stamped = rule;
        stamped.updatedBy = actor.username;
        auto saved = (rules.*save)(stamped);
        if (saved)
            c = {entityType, QString::number(saved->id), before, AuditJson::toJson(*saved)};
        return saved;
    });
}

Result<TaxRule> AdminCommands::saveTaxRule(const Actor &actor, const TaxRule &rule)
{
    return saveRule(actor, {Permission::EditBilling}, u"rule.tax"_s, u"tax_rule"_s, rule, &Store::RulesRepository::taxRules,
                    &Store::RulesRepository::saveTaxRule);
}

Result<DiscountRule> AdminCommands::saveDiscountRule(const Actor &actor, const DiscountRule &rule)
{
    return saveRule(actor, {Permission::EditBilling}, u"rule.discount"_s, u"discount_rule"_s, rule,
                    &Store::RulesRepository::discountRules, &Store::RulesRepository::saveDiscountRule);
}

Result<InvoicePolicy> AdminCommands::saveInvoicePolicy(const Actor &actor, const InvoicePolicy &policy)
{
    return saveRule(actor, {Permission::EditBilling}, u"rule.invoice-policy"_s, u"invoice_policy"_s, policy,
                    &Store::RulesRepository::invoicePolicies, &Store::RulesRepository::saveInvoicePolicy);
}

Status AdminCommands::jobCommand(const Actor &actor, const QString &action, qint64 jobId,
                                 const std::function<Status(Store::OutboxRepository &)> &apply)
{
    auto r = audited<bool>(actor, {Permission::ManageRetryQueue}, action, [&](Change &c) -> Result<bool> {
        Store::OutboxRepository outbox(m_db, m_clock);
        auto before = outbox.get(jobId);
        if (!before)
            return std::unexpected(before.error());
        if (auto ok = apply(outbox); !ok)
            return std::unexpected(ok.error());
        auto after = outbox.get(jobId);
        if (!after)
            return std::unexpected(after.error());
        c = {u"outbox_job"_s, QString::number(jobId), AuditJson::toJson(*before), AuditJson::toJson(*after)};
        return true;
    });
    return r ? Status() : std::unexpected(r.error());
}

Status AdminCommands::retryJob(const Actor &actor, qint64 jobId)
{
    return jobCommand(actor, u"job.retry"_s, jobId, [jobId](Store::OutboxRepository &o) { return o.retryNow(jobId); });
}

Status AdminCommands::dismissJob(const Actor &actor, qint64 jobId)
{
    return jobCommand(actor, u"job.dismiss"_s, jobId, [jobId](Store::OutboxRepository &o) { return o.dismiss(jobId); });
}

Status AdminCommands::overrideJob(const Actor &actor, qint64 jobId, const QByteArray &payloadJson)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(payloadJson, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return fail(ErrorCode::InvalidArgument, u"the edited payload is not a JSON object: %1 at offset %2"_s.arg(
                                                    parseError.errorString())
                                                    .arg(parseError.offset));
    return jobCommand(actor, u"job.override"_s, jobId,
                      [&](Store::OutboxRepository &o) { return o.overridePayload(jobId, payloadJson); });
}

} // namespace Concord::Services
