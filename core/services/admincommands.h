#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/customer.h"
#include "domain/operations.h"
#include "domain/rules.h"
#include "domain/user.h"
#include "identity/mergeplan.h"
#include "services/mappingsdata.h"
#include "services/remotemerge.h"
#include "security/permissions.h"

#include <QJsonObject>
#include <QJsonValue>

#include <functional>
#include <optional>

namespace Concord::Store {
class Database;
class OutboxRepository;
class RulesRepository;
}

namespace Concord::Services {

// How one job fared in a bulk retry-queue action.
struct JobOutcome {
    qint64 jobId = 0;
    std::optional<Error> error; // nullopt: done
};

// Whether `payload` carries what the job runner (core/sync/jobrunner.cpp)
// reads for `operation` (the vocabulary in core/sync/jobs.h): InvalidArgument
// naming the first missing or malformed key, e.g. "lines[1] needs 'rate' …".
// hubspot.deal.upsert is Unsupported: the runner takes the deal from the
// appointment, so an edited payload would silently change nothing.
// Operations it does not know only need to be a JSON object.
// Thread-safe: a pure function.
[[nodiscard]] Status validateJobPayload(const QString &operation, const QJsonObject &payload);

// Every mutating command a person (or Concord's automation) can issue against
// the store. Each one: checks the actor's permission (refused with
// PermissionDenied before anything is read or written), performs the change,
// and appends the audit entry with before/after — in one transaction, so a
// change never lands without its audit record, nor the reverse.
// Thread affinity: the thread that owns `db` (the sync thread).
class AdminCommands
{
public:
    explicit AdminCommands(Store::Database &db, const Clock &clock = Clock::system());

    // Solo mode: on an empty store, the desktop's user becomes the owner
    // (audited as system:bootstrap). Returns that user, or the existing one
    // when `username` already exists. NotFound when users exist but not this one.
    [[nodiscard]] Result<Domain::User> bootstrapOwner(const QString &username, const QString &displayName);
    // Who acts from this desktop or terminal. Solo mode (SQLite): the
    // operating-system account ($USER), which must be an active Concord
    // user; on a store with no users yet it becomes the owner
    // (bootstrapOwner). Team mode (PostgreSQL): actingSessionUser() — never
    // the OS account, whoever asks. PermissionDenied when the account is not
    // a user or is deactivated.
    [[nodiscard]] Result<Security::Actor> actingOsUser();
    [[nodiscard]] static QString osUsername();
    // Team mode: the person PostgreSQL signed in (session_user), by the
    // users row of that name (docs/team-users.md). The database enforces
    // their role whatever this returns; this is for clear messages.
    // PermissionDenied naming the role when it has no users row (e.g. the
    // schema's owner, or a role made outside Concord) or is deactivated;
    // Unsupported on SQLite. Records the sign-in (last_sign_in_at).
    [[nodiscard]] Result<Security::Actor> actingSessionUser();

    // Users and roles (ManageUsers). createUser is solo mode's: on
    // PostgreSQL it is InvalidArgument (a person needs a password there,
    // createUserWithPassword).
    [[nodiscard]] Result<Domain::User> createUser(const Security::Actor &actor, const Domain::User &user);
    [[nodiscard]] Result<Domain::User> updateUser(const Security::Actor &actor, const Domain::User &user);
    // Team mode: a person who signs in as themself with `password`
    // (UserRepository::createWithPassword); audited as "user.create" without
    // the password. Unsupported on SQLite.
    [[nodiscard]] Result<Domain::User> createUserWithPassword(const Security::Actor &actor, const Domain::User &user,
                                                              const QString &password);
    // Team mode: sets `username`'s password — the actor's own, or anyone's
    // with ManageUsers. Audited as "user.password" (that it changed, never
    // the password). Unsupported on SQLite.
    [[nodiscard]] Status setUserPassword(const Security::Actor &actor, const QString &username,
                                         const QString &password);

    // Customers (EditBookings).
    [[nodiscard]] Result<Domain::Customer> updateCustomer(const Security::Actor &actor, const Domain::Customer &customer);
    [[nodiscard]] Result<Domain::ExternalLink> linkRecord(const Security::Actor &actor, const Domain::ExternalLink &link);

    // Merges: propose (ProposeMerge), approve/reject (ApproveMerge; the
    // proposer may not approve their own proposal).
    [[nodiscard]] Result<qint64> proposeMerge(const Security::Actor &actor, const Domain::MergeProposal &proposal);
    [[nodiscard]] Status decideMerge(const Security::Actor &actor, qint64 proposalId, bool approve, const QString &note);
    // Executes an approved merge in Concord's identity map (ApproveMerge; a
    // person, not automation): every link of the merged customers moves to
    // the survivor, the merged customers become Merged into it, their open
    // duplicate candidates are closed, and the proposal becomes Executed
    // with the plan (Identity::planMerge) and the links moved, all in one
    // audited transaction. Returns the plan: its remote steps are what the
    // sync engine delivers next; plan.irreversible() is what the approval
    // screen must have said. Conflict when the proposal is not Approved.
    [[nodiscard]] Result<Identity::MergePlan> executeMerge(const Security::Actor &actor, qint64 proposalId);
    // Undoes an executed merge in Concord (ApproveMerge): each moved link
    // goes back to the customer it came from, the merged customers are active
    // again, the proposal becomes Undone. Returns what stays done remotely
    // (the plan's irreversible steps), to show the person. Conflict when the
    // proposal is not Executed.
    [[nodiscard]] Result<QStringList> undoMerge(const Security::Actor &actor, qint64 proposalId);
    // Records what RemoteMerge did for an executed merge (ApproveMerge): one
    // audit entry with every step's outcome, and — when HubSpot gave the
    // survivor a new id — the identity map follows it. Conflict when the
    // proposal is not Executed.
    [[nodiscard]] Status recordRemoteMerge(const Security::Actor &actor, qint64 proposalId,
                                           const RemoteMergeReport &report);

    // Mappings (EditMappings plus the side's permission: a mapping that
    // touches QuickBooks is billing-side (EditBilling), others booking-side
    // (EditBookings)).
    [[nodiscard]] Result<Domain::FieldMapping> saveFieldMapping(const Security::Actor &actor,
                                                                const Domain::FieldMapping &mapping);
    [[nodiscard]] Result<Domain::StatusMapping> saveStatusMapping(const Security::Actor &actor,
                                                                  const Domain::StatusMapping &mapping);
    // The mapping editor's "Apply": every change of `batch` in one
    // transaction, all or nothing; nothing is written unless all of this holds:
    //  - the actor may edit mappings (PermissionDenied before anything is read);
    //  - mapping by mapping (field mappings first, deletions before changes):
    //    a changed or deleted one still exists (NotFound: deleted meanwhile)
    //    at the version the batch carries (Conflict naming the mapping, who
    //    changed it last and when — a second editor never silently
    //    overwrites the first), and the actor holds its side's permission
    //    (mappingSide() of the stored row, and of the new values; PermissionDenied
    //    naming the mapping);
    //  - the resulting set (stored rows with the batch applied) of field
    //    mappings, and of status mappings, passes Sync::validateFieldMappings
    //    / validateStatusMappings without an error: one authority per field,
    //    transforms that fit the field's values, one stage per status, …
    //    (InvalidArgument naming each problem; warnings pass). A kind the
    //    batch leaves alone is not judged, so a problem stored earlier does
    //    not block an unrelated change.
    // A changed mapping equal to the stored one (sameMapping) is skipped; a
    // batch naming one id twice is InvalidArgument. Each mapping written gets
    // its own audit entry, as saveFieldMapping/saveStatusMapping write them
    // ("mapping.field.create"/".update", "mapping.status.…", before/after),
    // and a deleted one "mapping.field.delete"/"mapping.status.delete" with
    // the row as it was. Returns the counts and the mappings as now stored.
    [[nodiscard]] Result<MappingBatchResult> applyMappings(const Security::Actor &actor, const MappingBatch &batch);

    // Billing rules (EditBilling).
    [[nodiscard]] Result<Domain::TaxRule> saveTaxRule(const Security::Actor &actor, const Domain::TaxRule &rule);
    [[nodiscard]] Result<Domain::DiscountRule> saveDiscountRule(const Security::Actor &actor,
                                                                const Domain::DiscountRule &rule);
    [[nodiscard]] Result<Domain::InvoicePolicy> saveInvoicePolicy(const Security::Actor &actor,
                                                                  const Domain::InvoicePolicy &policy);
    // Deletes a rule or policy at `version` (Conflict when someone changed it
    // since; NotFound when it is gone), audited with the row as it was.
    [[nodiscard]] Status deleteTaxRule(const Security::Actor &actor, qint64 id, int version);
    [[nodiscard]] Status deleteDiscountRule(const Security::Actor &actor, qint64 id, int version);
    [[nodiscard]] Status deleteInvoicePolicy(const Security::Actor &actor, qint64 id, int version);

    // Retry queue (ManageRetryQueue; product.md §7). Each action on a job is
    // one transaction with one audit entry ("job.retry", "job.override",
    // "job.link", "job.dismiss"; entity outbox_job/<id>) whose before/after
    // are the whole job (AuditJson::toJson, payload included) plus what the
    // action added (the reason, the link made). A refused actor gets
    // PermissionDenied before the job is even read. A job claimed by a worker
    // (in flight) or already done is a Conflict naming its state.

    // Retry now: a pending, failed or dismissed job becomes due now.
    [[nodiscard]] Status retryJob(const Security::Actor &actor, qint64 jobId);
    // Retries job by job, each in its own audited transaction — deliberately
    // not all-or-nothing: one job that cannot be retried (gone, in flight,
    // already delivered) must not hold back the others, and the person sees
    // exactly which ones failed and why. One outcome per distinct id, in the
    // order given (repeats are retried once). PermissionDenied for the whole
    // call, with nothing changed, when the actor may not manage the queue.
    [[nodiscard]] Result<QList<JobOutcome>> retryJobs(const Security::Actor &actor,
                                                      const QList<qint64> &jobIds);
    // Manual override: replaces the payload and makes the job due now. The
    // payload must be a JSON object that carries what the job runner reads
    // for the job's operation (validateJobPayload); InvalidArgument naming
    // the missing or malformed key otherwise. Audited with both payloads.
    [[nodiscard]] Status overrideJobPayload(const Security::Actor &actor, qint64 jobId,
                                            const QByteArray &payloadJson);
    // "This already exists remotely as `remoteId`": records the link the job
    // would have made, then marks the job succeeded (a pending or failed job
    // only). Per operation:
    //  - quickbooks.customer.ensure / hubspot.contact.ensure (customer jobs):
    //    an identity link customer → remoteId in the job's system (method
    //    Manual, linkedBy = actor). Conflict when the remote record belongs to
    //    another customer, or this customer already links another record there;
    //  - hubspot.deal.upsert: the ref appointment/<id> → HubSpot deal;
    //  - quickbooks.invoice.create: invoice-plan/<planKey or entity id> →
    //    QuickBooks invoice;
    //  - hubspot.task.create: <entity> → HubSpot <payload refKind>.
    //  A ref that some other entity already holds to the same remote record is
    //  a Conflict (two appointments on one deal is a mistake, not a link); a
    //  ref of this entity to another record is replaced (the audit keeps the old).
    // Any other operation: Unsupported (nothing to link; retry or dismiss).
    [[nodiscard]] Status linkJobToExisting(const Security::Actor &actor, qint64 jobId,
                                           const QString &remoteId);
    // Takes a pending or failed job out of the queue for good. The reason is
    // required (InvalidArgument when blank) and kept in the audit entry.
    [[nodiscard]] Status dismissJob(const Security::Actor &actor, qint64 jobId,
                                    const QString &reason);

private:
    struct Change {
        QString entityType;
        QString entityId;
        QJsonValue before;
        QJsonValue after;
    };
    // Runs `body` inside a transaction after authorizing every permission in
    // `needs`; appends the audit entry from the Change it reports.
    // Saves a versioned rule or mapping through `save`, audited as
    // "<action>.create" / "<action>.update" with the stored row before (found
    // through `list`) and after.
    template<typename T>
    Result<T> saveRule(const Security::Actor &actor, std::initializer_list<Security::Permission> needs,
                       const QString &action, const QString &entityType, const T &rule,
                       Result<QList<T>> (Store::RulesRepository::*list)() const,
                       Result<T> (Store::RulesRepository::*save)(T));
    // Deletes through `remove`, audited as "<action>.delete" with the row before.
    template<typename T>
    Status deleteRule(const Security::Actor &actor, const QString &action, const QString &entityType, qint64 id,
                      int version, Result<QList<T>> (Store::RulesRepository::*list)() const,
                      Status (Store::RulesRepository::*remove)(qint64, int));
    // A retry-queue action on one job, audited with the job before and after.
    // `apply` gets the job as it was; what it puts in `extraBefore` /
    // `extraAfter` is added to the audit's before / after objects.
    struct JobAudit {
        QJsonObject extraBefore;
        QJsonObject extraAfter;
    };
    using JobAction =
        std::function<Status(Store::OutboxRepository &, const Domain::OutboxJob &, JobAudit &)>;
    [[nodiscard]] Status jobCommand(const Security::Actor &actor, const QString &action,
                                    qint64 jobId, const JobAction &apply);
    [[nodiscard]] Status dismiss(const Security::Actor &actor, qint64 jobId,
                                 const std::optional<QString> &reason);
    template<typename T, typename Body>
    Result<T> audited(const Security::Actor &actor, std::initializer_list<Security::Permission> needs,
                      const QString &action, Body body);

    Store::Database &m_db;
    const Clock &m_clock;
};

} // namespace Concord::Services
