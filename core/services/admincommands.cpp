#include "services/admincommands.h"

#include "common/logging.h"
#include "domain/decimal.h"
#include "domain/money.h"
#include "security/auditlog.h"
#include "services/auditjson.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/identityrepository.h"
#include "store/outboxrepository.h"
#include "store/rulesrepository.h"
#include "store/syncstaterepository.h"
#include "store/userrepository.h"
#include "sync/deliverypolicy.h"
#include "sync/jobs.h"
#include "sync/mappingvalidation.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <limits>

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

QString AdminCommands::osUsername()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    if (name.isEmpty())
        name = QDir::home().dirName();
    return name.trimmed().toLower();
}

Result<Security::Actor> AdminCommands::actingOsUser()
{
    if (m_db.engine() == Store::Engine::PostgreSQL)
        return actingSessionUser();
    const QString name = osUsername();
    if (name.isEmpty())
        return fail(ErrorCode::InvalidConfig, u"cannot tell which operating-system user is running Concord"_s);
    auto user = bootstrapOwner(name, name);
    if (!user) {
        if (user.error().code == ErrorCode::NotFound)
            return fail(ErrorCode::PermissionDenied,
                        u"'%1' is not a Concord user (Concord acts as the operating-system user); ask an owner "
                        "to add you"_s.arg(name));
        return std::unexpected(user.error());
    }
    if (!user->active)
        return fail(ErrorCode::PermissionDenied, u"Concord user '%1' is deactivated"_s.arg(user->username));
    return Security::Actor::user(user->username, user->role);
}

Result<Security::Actor> AdminCommands::actingSessionUser()
{
    if (m_db.engine() != Store::Engine::PostgreSQL)
        return fail(ErrorCode::Unsupported, u"only team mode (PostgreSQL) signs people in; solo mode acts as the "
                                            "operating-system user"_s);
    auto session = m_db.scalar(u"SELECT session_user"_s);
    if (!session)
        return std::unexpected(session.error());
    const QString name = session->toString();
    auto user = Store::UserRepository(m_db, m_clock).byUsername(name);
    if (!user) {
        if (user.error().code == ErrorCode::NotFound)
            return fail(ErrorCode::PermissionDenied,
                        u"the PostgreSQL role '%1' is not a Concord user; sign in as yourself, or ask an owner to "
                        "add you (docs/team-users.md)"_s.arg(name));
        return std::unexpected(user.error());
    }
    // byUsername() folds case; PostgreSQL role names do not, and the
    // database judges the role exactly as signed in.
    if (user->username != name)
        return fail(ErrorCode::PermissionDenied,
                    u"the PostgreSQL role '%1' is not a Concord user (Concord's is '%2')"_s.arg(name, user->username));
    if (!user->active)
        return fail(ErrorCode::PermissionDenied, u"Concord user '%1' is deactivated"_s.arg(user->username));
    // The role's own row, through a function (persons may not update users).
    if (auto signedIn = m_db.exec(u"SELECT concord_record_sign_in()"_s); !signedIn)
        qCWarning(lcSecurity) << "cannot record the sign-in of" << name << "-" << signedIn.error().message;
    return Security::Actor::user(user->username, user->role);
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
    // Team mode: a person is a PostgreSQL login role, which needs a password.
    if (m_db.engine() == Store::Engine::PostgreSQL)
        return fail(ErrorCode::InvalidArgument,
                    u"in team mode each person signs in to PostgreSQL as themself: add '%1' with a password "
                    "(docs/team-users.md)"_s.arg(user.username.trimmed()));
    return audited<User>(actor, {Permission::ManageUsers}, u"user.create"_s, [&](Change &c) -> Result<User> {
        auto created = Store::UserRepository(m_db, m_clock).create(user);
        if (created)
            c = {u"user"_s, QString::number(created->id), {}, AuditJson::toJson(*created)};
        return created;
    });
}

Result<User> AdminCommands::createUserWithPassword(const Actor &actor, const User &user, const QString &password)
{
    return audited<User>(actor, {Permission::ManageUsers}, u"user.create"_s, [&](Change &c) -> Result<User> {
        auto created = Store::UserRepository(m_db, m_clock).createWithPassword(user, password);
        if (created)
            c = {u"user"_s, QString::number(created->id), {}, AuditJson::toJson(*created)};
        return created;
    });
}

Status AdminCommands::setUserPassword(const Actor &actor, const QString &username, const QString &password)
{
    // One's own password needs no permission beyond being a signed-in person.
    const bool own = !actor.isSystem && !actor.username.isEmpty()
        && actor.username.compare(username.trimmed(), Qt::CaseInsensitive) == 0;
    auto body = [&](Change &c) -> Result<bool> {
        Store::UserRepository users(m_db, m_clock);
        auto user = users.byUsername(username);
        if (!user)
            return std::unexpected(user.error());
        if (auto ok = users.setPassword(user->username, password); !ok)
            return std::unexpected(ok.error());
        c = {u"user"_s, QString::number(user->id), {},
             QJsonObject{{u"username"_s, user->username}, {u"passwordChanged"_s, true}}};
        return true;
    };
    auto done = own ? audited<bool>(actor, {Permission::View}, u"user.password"_s, body)
                    : audited<bool>(actor, {Permission::ManageUsers}, u"user.password"_s, body);
    if (!done)
        return std::unexpected(done.error());
    return {};
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
            if (auto ok = rules.lockForEditing(); !ok)
                return std::unexpected(ok.error());
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


// ---------------------------------------------------------------------------
// The mapping editor's batch

namespace {

QString upperFirst(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

QString describeMapping(const FieldMapping &m)
{
    return u"the field mapping '%1' (%2 → %3)"_s.arg(m.field.trimmed(), Sync::shortName(m.sourceSystem),
                                                    Sync::shortName(m.targetSystem));
}

QString describeMapping(const StatusMapping &m)
{
    return u"the status mapping '%1' (%2 in %3)"_s.arg(m.status.trimmed(), toString(m.action).replace(u'_', u' '),
                                                      Sync::shortName(m.targetSystem));
}

QString mappingKind(const FieldMapping &)
{
    return u"field mapping"_s;
}

QString mappingKind(const StatusMapping &)
{
    return u"status mapping"_s;
}

// The side's permission, refused with the mapping named.
template<typename T>
Status authorizeSide(const Actor &actor, const T &mapping)
{
    const Permission side = mappingSide(mapping);
    auto ok = authorize(actor, side);
    if (!ok) {
        Error e = ok.error();
        e.message = u"%1 is a %2 mapping: %3"_s.arg(upperFirst(describeMapping(mapping)),
                                                    side == Permission::EditBilling ? u"billing-side"_s
                                                                                    : u"booking-side"_s,
                                                    e.message);
        return std::unexpected(e);
    }
    return {};
}

// What a batch does to one kind of mapping (field or status) in the store.
template<typename T>
struct KindPlan {
    QList<T> result;                // the stored set with the batch applied, for validation
    QList<T> deletions;             // stored rows
    QList<std::pair<T, T>> updates; // stored row, wanted row
    QList<T> inserts;
    [[nodiscard]] bool changes() const { return !deletions.isEmpty() || !updates.isEmpty() || !inserts.isEmpty(); }
};

// Checks every change against the stored rows (existence, version, side)
// and says what to write.
template<typename T>
Result<KindPlan<T>> planKind(const Actor &actor, const QList<T> &stored, const QList<T> &changes,
                             const QList<MappingRef> &deleted)
{
    KindPlan<T> plan;
    plan.result = stored;
    QSet<qint64> seen;
    const auto indexIn = [](const QList<T> &rows, qint64 id) -> qsizetype {
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (rows.at(i).id == id)
                return i;
        }
        return -1;
    };
    // The stored row `id`, when it is still at `version` and the actor may touch its side.
    const auto current = [&](qint64 id, int version, const QString &what) -> Result<T> {
        if (seen.contains(id))
            return fail(ErrorCode::InvalidArgument, u"the changes name %1 %2 twice"_s.arg(what).arg(id));
        seen.insert(id);
        const qsizetype at = indexIn(stored, id);
        if (at < 0)
            return fail(ErrorCode::NotFound,
                        u"%1 no longer exists: someone deleted it after you opened the mappings. Nothing was "
                        u"applied; reload to see the mappings as they are now, then make your changes again."_s.arg(
                            upperFirst(what)));
        const T &row = stored.at(at);
        if (row.version != version) {
            const QString when = row.updatedAt.isValid()
                ? u" on %1"_s.arg(row.updatedAt.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s))
                : QString();
            return fail(ErrorCode::Conflict,
                        u"%1 was changed by %2%3 after you opened it (now version %4, you edited version %5). "
                        u"Nothing was applied: reload to see their change, then make yours again."_s
                            .arg(upperFirst(describeMapping(row)), row.updatedBy.isEmpty() ? u"someone"_s : row.updatedBy,
                                 when)
                            .arg(row.version)
                            .arg(version));
        }
        if (auto ok = authorizeSide(actor, row); !ok)
            return std::unexpected(ok.error());
        return row;
    };

    for (const MappingRef &ref : deleted) {
        auto row = current(ref.id, ref.version, u"the %1 %2"_s.arg(mappingKind(T{})).arg(ref.id));
        if (!row)
            return std::unexpected(row.error());
        plan.deletions.append(*row);
        plan.result.removeAt(indexIn(plan.result, ref.id));
    }
    for (const T &wanted : changes) {
        if (wanted.id == 0) {
            if (auto ok = authorizeSide(actor, wanted); !ok)
                return std::unexpected(ok.error());
            plan.inserts.append(wanted);
            plan.result.append(wanted);
            continue;
        }
        auto row = current(wanted.id, wanted.version, describeMapping(wanted));
        if (!row)
            return std::unexpected(row.error());
        if (sameMapping(*row, wanted))
            continue;
        // Moving a mapping across sides needs the new side's permission too.
        if (auto ok = authorizeSide(actor, wanted); !ok)
            return std::unexpected(ok.error());
        plan.updates.append({*row, wanted});
        plan.result[indexIn(plan.result, wanted.id)] = wanted;
    }
    return plan;
}

// The errors among `problems`, each once (a field with two authorities is
// reported on each of its rows), joined for one message.
QString errorsOf(const QList<Sync::MappingProblem> &problems)
{
    QStringList out;
    for (const Sync::MappingProblem &p : problems) {
        if (p.severity == Sync::MappingProblem::Severity::Error && !out.contains(p.explanation))
            out << p.explanation;
    }
    return out.join(u' ');
}

} // namespace

Result<MappingBatchResult> AdminCommands::applyMappings(const Actor &actor, const MappingBatch &batch)
{
    const auto refused = [&](const Error &e) {
        if (e.code == ErrorCode::PermissionDenied)
            qCInfo(lcSecurity) << "refused mapping changes for" << actor.username << "-" << e.message;
        return std::unexpected(e);
    };
    if (auto ok = authorize(actor, Permission::EditMappings); !ok)
        return refused(ok.error());

    Store::Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    Store::RulesRepository rules(m_db, m_clock);
    // Another desktop's Apply waits until this one is committed, so each
    // batch is validated against the set as the other left it.
    if (auto ok = rules.lockForEditing(); !ok)
        return std::unexpected(ok.error());
    auto storedFields = rules.fieldMappings();
    if (!storedFields)
        return std::unexpected(storedFields.error());
    auto storedStatuses = rules.statusMappings();
    if (!storedStatuses)
        return std::unexpected(storedStatuses.error());

    auto fields = planKind(actor, *storedFields, batch.fields, batch.deletedFields);
    if (!fields)
        return refused(fields.error());
    auto statuses = planKind(actor, *storedStatuses, batch.statuses, batch.deletedStatuses);
    if (!statuses)
        return refused(statuses.error());

    // A kind the batch leaves alone is not judged: a problem stored earlier
    // (through a single save) must not block an unrelated change.
    QStringList problems;
    if (fields->changes()) {
        if (const QString e = errorsOf(Sync::validateFieldMappings(fields->result)); !e.isEmpty())
            problems << e;
    }
    if (statuses->changes()) {
        if (const QString e = errorsOf(Sync::validateStatusMappings(statuses->result)); !e.isEmpty())
            problems << e;
    }
    if (!problems.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"Nothing was applied. %1"_s.arg(problems.join(u' ')));

    MappingBatchResult result;
    AuditLog audit(m_db, m_clock);
    const auto record = [&](const QString &action, const QString &entityType, qint64 id, const QJsonValue &before,
                            const QJsonValue &after) -> Status {
        auto entry = audit.append(actor, action, entityType, QString::number(id), before, after);
        if (!entry)
            return std::unexpected(entry.error());
        return {};
    };
    // Why a write failed, naming the mapping (the guard rolls everything back).
    const auto failed = [](const auto &mapping, Error e) {
        e.message = u"Nothing was applied: %1 could not be saved: %2"_s.arg(describeMapping(mapping), e.message);
        return std::unexpected(e);
    };

    // Deletions first, then updates, then new rows: a row removed or moved
    // frees its (field, target) key for the next.
    for (const FieldMapping &gone : std::as_const(fields->deletions)) {
        if (auto ok = rules.deleteFieldMapping(gone.id, gone.version); !ok)
            return failed(gone, ok.error());
        if (auto ok = record(u"mapping.field.delete"_s, u"field_mapping"_s, gone.id, AuditJson::toJson(gone), {}); !ok)
            return std::unexpected(ok.error());
        ++result.deleted;
    }
    for (const StatusMapping &gone : std::as_const(statuses->deletions)) {
        if (auto ok = rules.deleteStatusMapping(gone.id, gone.version); !ok)
            return failed(gone, ok.error());
        if (auto ok = record(u"mapping.status.delete"_s, u"status_mapping"_s, gone.id, AuditJson::toJson(gone), {});
            !ok)
            return std::unexpected(ok.error());
        ++result.deleted;
    }
    const auto saveField = [&](const FieldMapping *before, FieldMapping m) -> Status {
        m.updatedBy = actor.username;
        auto saved = rules.saveFieldMapping(m);
        if (!saved)
            return failed(m, saved.error());
        return record(before ? u"mapping.field.update"_s : u"mapping.field.create"_s, u"field_mapping"_s, saved->id,
                      before ? QJsonValue(AuditJson::toJson(*before)) : QJsonValue(), AuditJson::toJson(*saved));
    };
    const auto saveStatus = [&](const StatusMapping *before, StatusMapping m) -> Status {
        m.updatedBy = actor.username;
        auto saved = rules.saveStatusMapping(m);
        if (!saved)
            return failed(m, saved.error());
        return record(before ? u"mapping.status.update"_s : u"mapping.status.create"_s, u"status_mapping"_s,
                      saved->id, before ? QJsonValue(AuditJson::toJson(*before)) : QJsonValue(),
                      AuditJson::toJson(*saved));
    };
    for (const auto &[before, wanted] : std::as_const(fields->updates)) {
        if (auto ok = saveField(&before, wanted); !ok)
            return std::unexpected(ok.error());
        ++result.updated;
    }
    for (const auto &[before, wanted] : std::as_const(statuses->updates)) {
        if (auto ok = saveStatus(&before, wanted); !ok)
            return std::unexpected(ok.error());
        ++result.updated;
    }
    for (const FieldMapping &m : std::as_const(fields->inserts)) {
        FieldMapping fresh = m;
        fresh.version = 1;
        if (auto ok = saveField(nullptr, fresh); !ok)
            return std::unexpected(ok.error());
        ++result.created;
    }
    for (const StatusMapping &m : std::as_const(statuses->inserts)) {
        StatusMapping fresh = m;
        fresh.version = 1;
        if (auto ok = saveStatus(nullptr, fresh); !ok)
            return std::unexpected(ok.error());
        ++result.created;
    }

    auto nowFields = rules.fieldMappings();
    if (!nowFields)
        return std::unexpected(nowFields.error());
    auto nowStatuses = rules.statusMappings();
    if (!nowStatuses)
        return std::unexpected(nowStatuses.error());
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    result.fields = *nowFields;
    result.statuses = *nowStatuses;
    return result;
}

template<typename T>
Result<T> AdminCommands::saveRule(const Actor &actor, std::initializer_list<Permission> needs, const QString &action,
                                  const QString &entityType, const T &rule,
                                  Result<QList<T>> (Store::RulesRepository::*list)() const,
                                  Result<T> (Store::RulesRepository::*save)(T))
{
    return audited<T>(actor, needs, action + (rule.id == 0 ? u".create"_s : u".update"_s), [&](Change &c) -> Result<T> {
        Store::RulesRepository rules(m_db, m_clock);
        if (auto ok = rules.lockForEditing(); !ok)
            return std::unexpected(ok.error());
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

template<typename T>
Status AdminCommands::deleteRule(const Actor &actor, const QString &action, const QString &entityType, qint64 id,
                                 int version, Result<QList<T>> (Store::RulesRepository::*list)() const,
                                 Status (Store::RulesRepository::*remove)(qint64, int))
{
    auto done = audited<bool>(actor, {Permission::EditBilling}, action + u".delete"_s, [&](Change &c) -> Result<bool> {
        Store::RulesRepository rules(m_db, m_clock);
        if (auto ok = rules.lockForEditing(); !ok)
            return std::unexpected(ok.error());
        const QJsonValue before = beforeOf((rules.*list)(), id);
        if (!before.isObject())
            return fail(ErrorCode::NotFound, u"there is no %1 %2 (deleted already?)"_s.arg(entityType).arg(id));
        if (auto ok = (rules.*remove)(id, version); !ok)
            return std::unexpected(ok.error());
        c = {entityType, QString::number(id), before, QJsonValue()};
        return true;
    });
    if (!done)
        return std::unexpected(done.error());
    return {};
}

Status AdminCommands::deleteTaxRule(const Actor &actor, qint64 id, int version)
{
    return deleteRule(actor, u"rule.tax"_s, u"tax_rule"_s, id, version, &Store::RulesRepository::taxRules,
                      &Store::RulesRepository::deleteTaxRule);
}

Status AdminCommands::deleteDiscountRule(const Actor &actor, qint64 id, int version)
{
    return deleteRule(actor, u"rule.discount"_s, u"discount_rule"_s, id, version,
                      &Store::RulesRepository::discountRules, &Store::RulesRepository::deleteDiscountRule);
}

Status AdminCommands::deleteInvoicePolicy(const Actor &actor, qint64 id, int version)
{
    return deleteRule(actor, u"rule.invoice-policy"_s, u"invoice_policy"_s, id, version,
                      &Store::RulesRepository::invoicePolicies, &Store::RulesRepository::deleteInvoicePolicy);
}

// ---------------------------------------------------------------------------
// Retry queue

namespace {

// `value` as the person wrote it, for "got …" in a message.
QString shown(const QJsonValue &value)
{
    if (value.isString())
        return u'"' + value.toString() + u'"';
    if (value.isNull())
        return u"null"_s;
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return value.isArray() ? u"an array"_s : u"an object"_s;
}

// InvalidArgument "the <operation> payload <where>needs '<key>' <what>[ (got …)]".
std::unexpected<Error> badKey(const QString &operation, const QString &where, const QString &key,
                              const QString &what, const QJsonValue &got)
{
    const QString at = where.isEmpty() ? QString() : where + u' ';
    QString message = u"the %1 payload %2needs '%3' %4"_s.arg(operation, at, key, what);
    if (!got.isUndefined())
        message += u" (got %1)"_s.arg(shown(got));
    return fail(ErrorCode::InvalidArgument, message);
}

// A key the runner cannot do without: a string with something in it.
Status needText(const QString &operation, const QJsonObject &object, const QString &key,
                const QString &what, const QString &where = {})
{
    const QJsonValue v = object.value(key);
    if (v.isString() && !v.toString().trimmed().isEmpty())
        return {};
    return badKey(operation, where, key, u"(%1, a non-empty string)"_s.arg(what), v);
}

// An optional key: absent, or a string (the runner reads it with toString(),
// so a number there would silently become empty).
Status optionalText(const QString &operation, const QJsonObject &object, const QString &key,
                    const QString &what)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined() || v.isString())
        return {};
    return badKey(operation, {}, key, u"to be a string (%1) when present"_s.arg(what), v);
}

Status optionalDate(const QString &operation, const QJsonObject &object, const QString &key,
                    const QString &where = {})
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined() || (v.isString() && QDate::fromString(v.toString(), Qt::ISODate).isValid()))
        return {};
    return badKey(operation, where, key, u"to be a date such as \"2026-03-28\" when present"_s, v);
}

Status needDateTime(const QString &operation, const QJsonObject &object, const QString &key,
                    bool required)
{
    const QJsonValue v = object.value(key);
    if ((!required && v.isUndefined())
        || (v.isString() && QDateTime::fromString(v.toString(), Qt::ISODateWithMs).isValid()))
        return {};
    return badKey(operation, {}, key,
                  u"to be a date and time such as \"2026-03-28T15:00:00Z\"%1"_s.arg(
                      required ? u""_s : u" when present"_s),
                  v);
}

// A whole number of minor units (cents); `positive` refuses zero and less.
Status minorUnits(const QString &operation, const QJsonObject &object, const QString &key,
                  bool required, bool positive)
{
    const QJsonValue v = object.value(key);
    if (!required && v.isUndefined())
        return {};
    constexpr qint64 kNotWhole = std::numeric_limits<qint64>::min();
    const qint64 n = v.isDouble() ? v.toInteger(kNotWhole) : kNotWhole;
    if (n != kNotWhole && (!positive || n > 0))
        return {};
    return badKey(operation, {}, key,
                  u"as a whole number of minor units (cents)%1, e.g. 6500 for 65.00"_s.arg(
                      positive ? u" above zero"_s : QString()),
                  v);
}

// The currency the amounts are in: USD when absent, as the runner assumes.
Result<QString> currencyOf(const QString &operation, const QJsonObject &object)
{
    const QJsonValue v = object.value(u"currency"_s);
    if (v.isUndefined())
        return u"USD"_s;
    if (v.isString() && Money::fromMinor(0, v.toString()))
        return v.toString();
    return badKey(operation, {}, u"currency"_s,
                  u"to be a three-letter ISO 4217 code such as \"USD\" when present"_s, v);
}

// Invoice lines as QuickBooks gets them: amount, quantity and rate are
// decimal *strings* (exact; never a binary double).
Status checkLines(const QString &operation, const QJsonObject &payload)
{
    const QJsonValue lines = payload.value(u"lines"_s);
    if (!lines.isArray() || lines.toArray().isEmpty())
        return badKey(operation, {}, u"lines"_s,
                      u"(a non-empty array of lines with amount, quantity and rate)"_s, lines);
    auto currency = currencyOf(operation, payload);
    if (!currency)
        return std::unexpected(currency.error());
    const QJsonArray all = lines.toArray();
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QString where = u"lines[%1]"_s.arg(i);
        if (!all.at(i).isObject())
            return fail(
                ErrorCode::InvalidArgument,
                u"the %1 payload %2 must be an object with amount, quantity and rate (got %3)"_s
                    .arg(operation, where, shown(all.at(i))));
        const QJsonObject line = all.at(i).toObject();
        const QJsonValue amount = line.value(u"amount"_s);
        if (!amount.isString() || !Money::parse(amount.toString(), *currency))
            return badKey(operation, where, u"amount"_s,
                          u"as a decimal string in %1 such as \"65.00\""_s.arg(*currency), amount);
        for (const QString &key : { u"quantity"_s, u"rate"_s }) {
            const QJsonValue v = line.value(key);
            if (!v.isString() || !Decimal::parse(v.toString()))
                return badKey(operation, where, key, u"as a decimal string such as \"1.5\""_s, v);
        }
        if (auto ok = optionalDate(operation, line, u"serviceDate"_s, where); !ok)
            return ok;
        const QJsonValue tax = line.value(u"taxCode"_s);
        if (!tax.isUndefined() && tax.toString() != u"TAX"_s && tax.toString() != u"NON"_s)
            return badKey(operation, where, u"taxCode"_s, u"to be \"TAX\" or \"NON\" when present"_s, tax);
    }
    return {};
}

// The invoice's one discount: a percentage in basis points (1..10000) or a
// fixed amount in minor units, and what the line says.
Status checkDiscount(const QString &operation, const QJsonObject &payload)
{
    const QJsonValue v = payload.value(u"discount"_s);
    if (v.isUndefined())
        return {};
    const QJsonObject d = v.toObject();
    const QString hint = u"to be an object with percentBasisPoints (1 to 10000, 1000 = 10 %) or amountMinor "
                         "(cents), and a description"_s;
    if (!v.isObject())
        return badKey(operation, {}, u"discount"_s, hint, v);
    if (d.contains(u"percentBasisPoints"_s)) {
        const qint64 bp = d.value(u"percentBasisPoints"_s).toInteger(-1);
        if (bp < 1 || bp > 10000)
            return badKey(operation, u"discount"_s, u"percentBasisPoints"_s, hint, d.value(u"percentBasisPoints"_s));
        return {};
    }
    if (!d.contains(u"amountMinor"_s))
        return badKey(operation, {}, u"discount"_s, hint, v);
    return minorUnits(operation, d, u"amountMinor"_s, true, false);
}

QJsonObject refJson(const RemoteRef &ref)
{
    return { { u"entity"_s, ref.entityType + u'/' + ref.entityId },
             { u"system"_s, toString(ref.system) },
             { u"kind"_s, ref.kind },
             { u"remoteId"_s, ref.remoteId } };
}

} // namespace

Status validateJobPayload(const QString &operation, const QJsonObject &p)
{
    namespace Jobs = Sync::Jobs;
    const QString &op = operation;
    auto all = [](std::initializer_list<Status> checks) -> Status {
        for (const Status &s : checks) {
            if (!s)
                return s;
        }
        return {};
    };
    if (op == Jobs::QboCustomerEnsure || op == Jobs::HubSpotContactEnsure) {
        for (const QString &key :
             { u"displayName"_s, u"givenName"_s, u"familyName"_s, u"email"_s, u"phone"_s }) {
            if (auto ok = optionalText(op, p, key, u"the customer's %1"_s.arg(key)); !ok)
                return ok;
        }
        // QuickBooks refuses a customer without a name; a HubSpot contact
        // with nothing to find it by would be a stranger nobody can match.
        const QStringList needOne = op == Jobs::QboCustomerEnsure
            ? QStringList { u"displayName"_s, u"givenName"_s, u"familyName"_s }
            : QStringList { u"email"_s, u"phone"_s, u"givenName"_s, u"familyName"_s };
        for (const QString &key : needOne) {
            if (!p.value(key).toString().trimmed().isEmpty())
                return {};
        }
        return fail(ErrorCode::InvalidArgument,
                    u"the %1 payload needs at least one of '%2' (a non-empty string)"_s.arg(
                        op, needOne.join(u"', '"_s)));
    }
    if (op == Jobs::HubSpotDealUpsert)
        return fail(ErrorCode::Unsupported,
                    u"a %1 job takes the deal from the appointment itself, not from its payload, "
                    u"so an edited "
                    "payload would change nothing: correct the appointment (or the status mapping) "
                    "and retry, or "
                    "link the job to the existing deal"_s.arg(op));
    if (op == Jobs::HubSpotTaskCreate)
        return all({ needText(op, p, u"refKind"_s, u"which task this is, e.g. \"task/overdue\""_s),
                     needText(op, p, u"subject"_s, u"the task's subject"_s),
                     needText(op, p, u"customerId"_s,
                              u"the Concord customer whose contact gets the task"_s),
                     optionalText(op, p, u"body"_s, u"the task's text"_s),
                     needDateTime(op, p, u"dueAt"_s, false) });
    if (op == Jobs::HubSpotTaskClose)
        return needText(op, p, u"refKind"_s, u"which task to complete, e.g. \"task/overdue\""_s);
    if (op == Jobs::QboInvoiceCreate)
        return all({ needText(op, p, u"customerId"_s, u"the Concord customer the invoice is for"_s),
                     optionalText(op, p, u"planKey"_s, u"the invoice plan's key"_s),
                     optionalDate(op, p, u"txnDate"_s), optionalDate(op, p, u"dueDate"_s),
                     minorUnits(op, p, u"depositMinor"_s, false, false), checkLines(op, p),
                     optionalText(op, p, u"txnTaxCode"_s, u"the QuickBooks tax code for the TAX lines"_s),
                     checkDiscount(op, p) });
    if (op == Jobs::QboInvoiceVoid)
        return needText(op, p, u"quickbooksId"_s, u"the QuickBooks invoice id"_s);
    if (op == Jobs::QboCreditMemoCreate || op == Jobs::QboRefundReceiptCreate) {
        auto currency = currencyOf(op, p);
        if (!currency)
            return std::unexpected(currency.error());
        return all({ needText(op, p, u"customerId"_s, u"the Concord customer to credit"_s),
                     minorUnits(op, p, u"amountMinor"_s, true, true) });
    }
    if (op == Jobs::CalcomBookingCancel || op == Jobs::CalcomBookingDecline)
        return all({ needText(op, p, u"uid"_s, u"the Cal.com booking uid"_s),
                     optionalText(op, p, u"reason"_s, u"what Cal.com tells the attendee"_s) });
    if (op == Jobs::CalcomBookingReschedule)
        return all({ needText(op, p, u"uid"_s, u"the Cal.com booking uid"_s),
                     needDateTime(op, p, u"start"_s, true) });
    return {}; // not an operation Concord knows the shape of: an object is all we can ask
}

Status AdminCommands::jobCommand(const Actor &actor, const QString &action, qint64 jobId,
                                 const JobAction &apply)
{
    auto r = audited<bool>(
        actor, { Permission::ManageRetryQueue }, action, [&](Change &c) -> Result<bool> {
            Store::OutboxRepository outbox(m_db, m_clock);
            auto before = outbox.get(jobId);
            if (!before)
                return std::unexpected(before.error());
            JobAudit extra;
            if (auto ok = apply(outbox, *before, extra); !ok)
                return std::unexpected(ok.error());
            auto after = outbox.get(jobId);
            if (!after)
                return std::unexpected(after.error());
            QJsonObject was = AuditJson::toJson(*before);
            for (auto it = extra.extraBefore.constBegin(); it != extra.extraBefore.constEnd(); ++it)
                was.insert(it.key(), it.value());
            QJsonObject is = AuditJson::toJson(*after);
            for (auto it = extra.extraAfter.constBegin(); it != extra.extraAfter.constEnd(); ++it)
                is.insert(it.key(), it.value());
            c = { u"outbox_job"_s, QString::number(jobId), was, is };
            return true;
        });
    return r ? Status() : std::unexpected(r.error());
}

Status AdminCommands::retryJob(const Actor &actor, qint64 jobId)
{
    return jobCommand(actor, u"job.retry"_s, jobId,
                      [](Store::OutboxRepository &o, const OutboxJob &job, JobAudit &) {
                          return o.retryNow(job.id);
                      });
}

Result<QList<JobOutcome>> AdminCommands::retryJobs(const Actor &actor, const QList<qint64> &jobIds)
{
    // Refused as a whole: a person who may not retry one may retry none.
    if (auto ok = authorize(actor, Permission::ManageRetryQueue); !ok) {
        qCInfo(lcSecurity) << "refused job.retry (bulk) for" << actor.username << "-"
                           << ok.error().message;
        return std::unexpected(ok.error());
    }
    QList<JobOutcome> outcomes;
    QSet<qint64> seen;
    for (qint64 id : jobIds) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        auto ok = retryJob(actor, id);
        outcomes.append(JobOutcome { id, ok ? std::nullopt : std::optional<Error>(ok.error()) });
    }
    return outcomes;
}

Status AdminCommands::overrideJobPayload(const Actor &actor, qint64 jobId,
                                         const QByteArray &payloadJson)
{
    return jobCommand(
        actor, u"job.override"_s, jobId,
        [&](Store::OutboxRepository &o, const OutboxJob &job, JobAudit &) -> Status {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(payloadJson, &parseError);
            if (parseError.error != QJsonParseError::NoError)
                return fail(ErrorCode::InvalidArgument,
                            u"the edited payload is not valid JSON: %1 at offset %2"_s
                                .arg(parseError.errorString())
                                .arg(parseError.offset));
            if (!doc.isObject())
                return fail(ErrorCode::InvalidArgument,
                            u"the edited payload must be a JSON object ({…}), not an array"_s);
            if (auto ok = validateJobPayload(job.operation, doc.object()); !ok)
                return ok;
            // Stored compact, as the sync engine writes payloads.
            return o.overridePayload(job.id, doc.toJson(QJsonDocument::Compact));
        });
}

Status AdminCommands::linkJobToExisting(const Actor &actor, qint64 jobId, const QString &remoteId)
{
    namespace Jobs = Sync::Jobs;
    const QString remote = remoteId.trimmed();
    return jobCommand(
        actor, u"job.link"_s, jobId,
        [&](Store::OutboxRepository &o, const OutboxJob &job, JobAudit &audit) -> Status {
            if (remote.isEmpty())
                return fail(
                    ErrorCode::InvalidArgument,
                    u"linking job %1 needs the id of the existing remote record"_s.arg(job.id));
            // Checked first so a job that is done or claimed is reported as such,
            // not as whatever the link would have run into.
            if (job.state != JobState::Pending && job.state != JobState::Failed)
                return fail(ErrorCode::Conflict,
                            u"job %1 is %2 and cannot be resolved by a link"_s.arg(job.id).arg(
                                toString(job.state)));
            const QString op = job.operation;
            const QJsonObject payload = Sync::Jobs::payloadOf(job);
            const QString system = Sync::shortName(job.targetSystem);
            QString note;

            if ((op == Jobs::QboCustomerEnsure || op == Jobs::HubSpotContactEnsure)
                && job.entityType == u"customer"_s) {
                Store::IdentityRepository identity(m_db, m_clock);
                if (auto customer = Store::CustomerRepository(m_db, m_clock).get(job.entityId);
                    !customer)
                    return std::unexpected(customer.error());
                auto links = identity.linksFor(job.entityId);
                if (!links)
                    return std::unexpected(links.error());
                for (const ExternalLink &l : std::as_const(*links)) {
                    // A second record for one person in one system is a
                    // duplicate for review, never something to link by hand here.
                    if (l.system == job.targetSystem && l.externalId != remote)
                        return fail(ErrorCode::Conflict,
                                    u"customer %1 is already linked to %2 record %3; retry the job "
                                    u"(it uses that link) or "
                                    "review the duplicate instead"_s.arg(job.entityId, system,
                                                                         l.externalId));
                }
                ExternalLink link;
                link.customerId = job.entityId;
                link.system = job.targetSystem;
                link.externalId = remote;
                link.method = MatchMethod::Manual;
                link.evidenceJson = QString::fromUtf8(
                    QJsonDocument(QJsonObject { { u"outboxJob"_s, QString::number(job.id) } })
                        .toJson(QJsonDocument::Compact));
                link.linkedBy = actor.username;
                auto stored = identity.link(link);
                if (!stored)
                    return std::unexpected(stored.error());
                audit.extraAfter.insert(u"link"_s, AuditJson::toJson(*stored));
                note = u"linked by %1 to the existing %2 record %3"_s.arg(actor.username, system,
                                                                          remote);
            } else {
                RemoteRef ref;
                if (op == Jobs::HubSpotDealUpsert) {
                    ref = {
                        u"appointment"_s, job.entityId, System::HubSpot, u"deal"_s, remote, {}, {}
                    };
                } else if (op == Jobs::QboInvoiceCreate) {
                    ref = { u"invoice-plan"_s,
                            payload.value(u"planKey"_s).toString(job.entityId),
                            System::QuickBooks,
                            u"invoice"_s,
                            remote,
                            {},
                            {} };
                } else if (op == Jobs::HubSpotTaskCreate) {
                    const QString refKind = payload.value(u"refKind"_s).toString();
                    if (refKind.isEmpty())
                        return fail(ErrorCode::InvalidArgument,
                                    u"job %1 has no refKind in its payload, so Concord cannot tell "
                                    u"which task it is; "
                                    "edit the payload first"_s.arg(job.id));
                    ref = {
                        job.entityType, job.entityId, System::HubSpot, refKind, remote, {}, {}
                    };
                } else {
                    return fail(
                        ErrorCode::Unsupported,
                        u"a %1 job cannot be linked to an existing record: only customer, deal, "
                        u"invoice and task "
                        "creations have one to link; retry or dismiss it instead"_s.arg(op));
                }
                Store::SyncStateRepository state(m_db, m_clock);
                auto owner = state.refByRemote(ref.system, ref.kind, ref.remoteId);
                if (!owner)
                    return std::unexpected(owner.error());
                if (*owner
                    && ((*owner)->entityType != ref.entityType
                        || (*owner)->entityId != ref.entityId))
                    return fail(ErrorCode::Conflict,
                                u"%1 %2 %3 already belongs to %4 %5"_s.arg(
                                    Sync::shortName(ref.system), ref.kind, ref.remoteId,
                                    (*owner)->entityType, (*owner)->entityId));
                auto previous = state.ref(ref.entityType, ref.entityId, ref.system, ref.kind);
                if (!previous)
                    return std::unexpected(previous.error());
                if (*previous)
                    audit.extraBefore.insert(u"ref"_s, refJson(**previous));
                if (auto ok = state.setRef(ref); !ok)
                    return ok;
                audit.extraAfter.insert(u"ref"_s, refJson(ref));
                note = u"linked by %1 to the existing %2 %3 %4"_s.arg(
                    actor.username, Sync::shortName(ref.system), ref.kind, remote);
            }
            return o.resolveByLink(job.id, note);
        });
}

Status AdminCommands::dismiss(const Actor &actor, qint64 jobId,
                              const std::optional<QString> &reason)
{
    return jobCommand(
        actor, u"job.dismiss"_s, jobId,
        [&](Store::OutboxRepository &o, const OutboxJob &job, JobAudit &audit) -> Status {
            if (reason && reason->trimmed().isEmpty())
                return fail(
                    ErrorCode::InvalidArgument,
                    u"dismissing job %1 needs a reason (it stays in the audit log for whoever looks next)"_s
                        .arg(job.id));
            audit.extraAfter.insert(
                u"reason"_s, reason ? QJsonValue(reason->trimmed()) : QJsonValue(QJsonValue::Null));
            return o.dismiss(job.id);
        });
}

Status AdminCommands::dismissJob(const Actor &actor, qint64 jobId, const QString &reason)
{
    return dismiss(actor, jobId, reason);
}

} // namespace Concord::Services
