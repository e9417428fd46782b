#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/customer.h"

#include <QList>
#include <QString>

#include <optional>

namespace Concord::Store {

class Database;

// The identity map: Concord customer ↔ external record per system, with the
// evidence for each link; duplicate candidates and merge proposals.
// Thread affinity: the thread that owns `db`.
class IdentityRepository
{
public:
    explicit IdentityRepository(Database &db, const Clock &clock = Clock::system());

    // Links an external record. An external record belongs to exactly one
    // customer: linking it again to the same customer is a no-op returning the
    // existing link; to another customer is a Conflict naming the owner.
    [[nodiscard]] Result<Domain::ExternalLink> link(Domain::ExternalLink link);
    [[nodiscard]] Status unlink(Domain::System system, const QString &externalId);
    // Moves every link of `fromCustomer` to `toCustomer` (merge execution).
    [[nodiscard]] Result<int> moveLinks(const QString &fromCustomer, const QString &toCustomer);
    // Who owns this external record; nullopt when unlinked.
    [[nodiscard]] Result<std::optional<Domain::ExternalLink>> find(Domain::System system,
                                                                   const QString &externalId) const;
    [[nodiscard]] Result<QList<Domain::ExternalLink>> linksFor(const QString &customerId) const;

    // Records a candidate pair (order-insensitive). A pair already recorded
    // keeps its state; its score and evidence are refreshed. Returns its id.
    [[nodiscard]] Result<qint64> upsertCandidate(Domain::DuplicateCandidate candidate);
    [[nodiscard]] Status setCandidateState(qint64 id, Domain::CandidateState state);
    [[nodiscard]] Result<QList<Domain::DuplicateCandidate>> candidates(Domain::CandidateState state) const;

    [[nodiscard]] Result<qint64> createProposal(Domain::MergeProposal proposal);
    [[nodiscard]] Result<Domain::MergeProposal> proposal(qint64 id) const;
    // Moves a proposal from `expected` to `next`, recording who and when;
    // Conflict when it is no longer in `expected` (decided meanwhile).
    [[nodiscard]] Status decideProposal(qint64 id, Domain::MergeState expected, Domain::MergeState next,
                                        const QString &decidedBy, const QString &note);
    [[nodiscard]] Result<QList<Domain::MergeProposal>> proposals(Domain::MergeState state) const;
    // Moves one link to another customer (merges move link by link, so an
    // undo can put each back). NotFound when the link does not exist.
    [[nodiscard]] Status moveLink(qint64 linkId, const QString &toCustomer);
    // The remote record got a new id (HubSpot merge survivors): the link
    // follows it. NotFound when nothing is linked under `oldId`.
    [[nodiscard]] Status renameExternalId(Domain::System system, const QString &oldId, const QString &newId);
    // Moves a proposal from `expected` to `next` (Executed, Undone) and
    // stores what the execution changed; Conflict when it is not `expected`.
    [[nodiscard]] Status recordExecution(qint64 id, Domain::MergeState expected, Domain::MergeState next,
                                         const QString &executionJson);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace Concord::Store
