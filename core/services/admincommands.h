#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/customer.h"
#include "domain/operations.h"
#include "domain/rules.h"
#include "domain/user.h"
#include "identity/mergeplan.h"
#include "services/remotemerge.h"
#include "security/permissions.h"

#include <QJsonValue>

#include <functional>

namespace Concord::Store {
class Database;
class OutboxRepository;
class RulesRepository;
}

namespace Concord::Services {

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

    // Users and roles (ManageUsers).
    [[nodiscard]] Result<Domain::User> createUser(const Security::Actor &actor, const Domain::User &user);
    [[nodiscard]] Result<Domain::User> updateUser(const Security::Actor &actor, const Domain::User &user);

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

    // Billing rules (EditBilling).
    [[nodiscard]] Result<Domain::TaxRule> saveTaxRule(const Security::Actor &actor, const Domain::TaxRule &rule);
    [[nodiscard]] Result<Domain::DiscountRule> saveDiscountRule(const Security::Actor &actor,
                                                                const Domain::DiscountRule &rule);
    [[nodiscard]] Result<Domain::InvoicePolicy> saveInvoicePolicy(const Security::Actor &actor,
                                                                  const Domain::InvoicePolicy &policy);

    // Retry queue (ManageRetryQueue).
    [[nodiscard]] Status retryJob(const Security::Actor &actor, qint64 jobId);
    [[nodiscard]] Status dismissJob(const Security::Actor &actor, qint64 jobId);
    [[nodiscard]] Status overrideJob(const Security::Actor &actor, qint64 jobId, const QByteArray &payloadJson);

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
    // A retry-queue action on one job, audited with the job before and after.
    [[nodiscard]] Status jobCommand(const Security::Actor &actor, const QString &action, qint64 jobId,
                                    const std::function<Status(Store::OutboxRepository &)> &apply);
    template<typename T, typename Body>
    Result<T> audited(const Security::Actor &actor, std::initializer_list<Security::Permission> needs,
                      const QString &action, Body body);

    Store::Database &m_db;
    const Clock &m_clock;
};

} // namespace Concord::Services
