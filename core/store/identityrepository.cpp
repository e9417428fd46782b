#include "store/identityrepository.h"

#include "store/database.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

namespace Concord::Store {

namespace {

const QString kLinkColumns =
    u"id, customer_id, system, external_id, method, confidence_permille, evidence_json, linked_at, linked_by"_s;
const QString kProposalColumns =
    u"id, survivor_id, merged_ids, field_choices_json, evidence_json, state, proposed_by, proposed_at, "
    "decided_by, decided_at, note, execution_json"_s;

ExternalLink linkFromRow(const QSqlQuery &q)
{
    ExternalLink l;
    l.id = q.value(0).toLongLong();
    l.customerId = q.value(1).toString();
    l.system = parseSystem(q.value(2).toString()).value_or(System::QuickBooks);
    l.externalId = q.value(3).toString();
    l.method = parseMatchMethod(q.value(4).toString()).value_or(MatchMethod::Manual);
    l.confidencePermille = q.value(5).toInt();
    l.evidenceJson = q.value(6).toString();
    l.linkedAt = Sql::toDateTime(q.value(7));
    l.linkedBy = q.value(8).toString();
    return l;
}

DuplicateCandidate candidateFromRow(const QSqlQuery &q)
{
    DuplicateCandidate c;
    c.id = q.value(0).toLongLong();
    c.customerA = q.value(1).toString();
    c.customerB = q.value(2).toString();
    c.scorePermille = q.value(3).toInt();
    c.evidenceJson = q.value(4).toString();
    c.state = parseCandidateState(q.value(5).toString()).value_or(CandidateState::Open);
    c.foundAt = Sql::toDateTime(q.value(6));
    return c;
}

MergeProposal proposalFromRow(const QSqlQuery &q)
{
    MergeProposal p;
    p.id = q.value(0).toLongLong();
    p.survivorId = q.value(1).toString();
    p.mergedIds = q.value(2).toString().split(u',', Qt::SkipEmptyParts);
    p.fieldChoicesJson = q.value(3).toString();
    p.evidenceJson = q.value(4).toString();
    p.state = parseMergeState(q.value(5).toString()).value_or(MergeState::Proposed);
    p.proposedBy = q.value(6).toString();
    p.proposedAt = Sql::toDateTime(q.value(7));
    p.decidedBy = q.value(8).toString();
    p.decidedAt = Sql::toDateTime(q.value(9));
    p.executionJson = q.value(11).toString();
    p.note = q.value(10).toString();
    return p;
}

} // namespace

IdentityRepository::IdentityRepository(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

Result<ExternalLink> IdentityRepository::link(ExternalLink link)
{
    if (link.externalId.trimmed().isEmpty() || link.customerId.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a link needs a customer and an external id"_s);
    if (link.confidencePermille < 0 || link.confidencePermille > 1000)
        return fail(ErrorCode::InvalidArgument, u"link confidence must be between 0 and 1000 permille"_s);
    auto existing = find(link.system, link.externalId);
    if (!existing)
        return std::unexpected(existing.error());
    if (*existing) {
        if ((*existing)->customerId == link.customerId)
            return **existing;
        return fail(ErrorCode::Conflict, u"%1 record %2 is already linked to customer %3"_s.arg(
                                             displayName(link.system), link.externalId, (*existing)->customerId));
    }
    if (link.evidenceJson.isEmpty())
        link.evidenceJson = u"{}"_s;
    link.linkedAt = m_clock.nowUtc();
    auto id = m_db.tolerating([&] { return m_db.insert(u"INSERT INTO external_links (customer_id, system, external_id, method, confidence_permille, "
                          "evidence_json, linked_at, linked_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
                          {link.customerId, toString(link.system), link.externalId, toString(link.method),
                           link.confidencePermille, link.evidenceJson, Sql::fromDateTime(link.linkedAt),
                           link.linkedBy}); });
    if (!id)
        return std::unexpected(id.error());
    link.id = *id;
    return link;
}

Status IdentityRepository::unlink(System system, const QString &externalId)
{
    auto changed = m_db.update(u"DELETE FROM external_links WHERE system = ? AND external_id = ?"_s,
                               {toString(system), externalId});
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0)
        return fail(ErrorCode::NotFound, u"%1 record %2 is not linked"_s.arg(displayName(system), externalId));
    return {};
}

Result<int> IdentityRepository::moveLinks(const QString &fromCustomer, const QString &toCustomer)
{
    return m_db.update(u"UPDATE external_links SET customer_id = ? WHERE customer_id = ?"_s, {toCustomer, fromCustomer});
}

Result<std::optional<ExternalLink>> IdentityRepository::find(System system, const QString &externalId) const
{
    auto rows = m_db.select<ExternalLink>(u"SELECT "_s + kLinkColumns
                                              + u" FROM external_links WHERE system = ? AND external_id = ?"_s,
                                          {toString(system), externalId}, linkFromRow);
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return std::optional<ExternalLink>();
    return std::optional<ExternalLink>(rows->first());
}

Result<QList<ExternalLink>> IdentityRepository::linksFor(const QString &customerId) const
{
    return m_db.select<ExternalLink>(u"SELECT "_s + kLinkColumns
                                         + u" FROM external_links WHERE customer_id = ? ORDER BY system, id"_s,
                                     {customerId}, linkFromRow);
}

Result<qint64> IdentityRepository::upsertCandidate(DuplicateCandidate candidate)
{
    if (candidate.customerA == candidate.customerB)
        return fail(ErrorCode::InvalidArgument, u"a duplicate candidate needs two different customers"_s);
    // Stored in a canonical order so (a, b) and (b, a) are one pair.
    if (candidate.customerB < candidate.customerA)
        std::swap(candidate.customerA, candidate.customerB);
    if (candidate.evidenceJson.isEmpty())
        candidate.evidenceJson = u"{}"_s;
    auto existing = m_db.scalar(u"SELECT id FROM duplicate_candidates WHERE customer_a = ? AND customer_b = ?"_s,
                                {candidate.customerA, candidate.customerB});
    if (existing) {
        const qint64 id = existing->toLongLong();
        if (auto ok = m_db.exec(u"UPDATE duplicate_candidates SET score_permille = ?, evidence_json = ? WHERE id = ?"_s,
                                {candidate.scorePermille, candidate.evidenceJson, id});
            !ok) {
            return std::unexpected(ok.error());
        }
        return id;
    }
    if (existing.error().code != ErrorCode::NotFound)
        return std::unexpected(existing.error());
    return m_db.insert(u"INSERT INTO duplicate_candidates (customer_a, customer_b, score_permille, evidence_json, "
                       "state, found_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"_s,
                       {candidate.customerA, candidate.customerB, candidate.scorePermille, candidate.evidenceJson,
                        toString(candidate.state), Sql::fromDateTime(m_clock.nowUtc())});
}

Status IdentityRepository::setCandidateState(qint64 id, CandidateState state)
{
    auto changed = m_db.update(u"UPDATE duplicate_candidates SET state = ? WHERE id = ?"_s, {toString(state), id});
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0)
        return fail(ErrorCode::NotFound, u"no duplicate candidate with id %1"_s.arg(id));
    return {};
}

Result<QList<DuplicateCandidate>> IdentityRepository::candidates(CandidateState state) const
{
    return m_db.select<DuplicateCandidate>(
        u"SELECT id, customer_a, customer_b, score_permille, evidence_json, state, found_at "
        "FROM duplicate_candidates WHERE state = ? ORDER BY score_permille DESC, id"_s,
        {toString(state)}, candidateFromRow);
}

Result<qint64> IdentityRepository::createProposal(MergeProposal proposal)
{
    if (proposal.survivorId.isEmpty() || proposal.mergedIds.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a merge needs a surviving customer and at least one other"_s);
    if (proposal.mergedIds.contains(proposal.survivorId))
        return fail(ErrorCode::InvalidArgument, u"the surviving customer cannot also be merged away"_s);
    for (const QString &id : std::as_const(proposal.mergedIds)) {
        if (id.contains(u','))
            return fail(ErrorCode::InvalidArgument, u"invalid customer id '%1'"_s.arg(id));
    }
    return m_db.insert(u"INSERT INTO merge_proposals (survivor_id, merged_ids, field_choices_json, evidence_json, state, "
                       "proposed_by, proposed_at, note) VALUES (?, ?, ?, ?, 'proposed', ?, ?, ?) RETURNING id"_s,
                       {proposal.survivorId, proposal.mergedIds.join(u','),
                        proposal.fieldChoicesJson.isEmpty() ? u"{}"_s : proposal.fieldChoicesJson,
                        proposal.evidenceJson.isEmpty() ? u"{}"_s : proposal.evidenceJson, proposal.proposedBy,
                        Sql::fromDateTime(m_clock.nowUtc()), proposal.note});
}

Result<MergeProposal> IdentityRepository::proposal(qint64 id) const
{
    auto rows = m_db.select<MergeProposal>(u"SELECT "_s + kProposalColumns + u" FROM merge_proposals WHERE id = ?"_s,
                                           {id}, proposalFromRow);
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return fail(ErrorCode::NotFound, u"no merge proposal with id %1"_s.arg(id));
    return rows->first();
}

Status IdentityRepository::decideProposal(qint64 id, MergeState expected, MergeState next, const QString &decidedBy,
                                          const QString &note)
{
    auto changed = m_db.update(u"UPDATE merge_proposals SET state = ?, decided_by = ?, decided_at = ?, "
                               "note = CASE WHEN ? = '' THEN note ELSE ? END WHERE id = ? AND state = ?"_s,
                               {toString(next), decidedBy, Sql::fromDateTime(m_clock.nowUtc()), note, note, id,
                                toString(expected)});
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0) {
        auto current = proposal(id);
        if (!current)
            return std::unexpected(current.error());
        return fail(ErrorCode::Conflict, u"merge proposal %1 is %2, not %3"_s.arg(id).arg(
                                             toString(current->state), toString(expected)));
    }
    return {};
}

Status IdentityRepository::moveLink(qint64 linkId, const QString &toCustomer)
{
    auto changed = m_db.update(u"UPDATE external_links SET customer_id = ? WHERE id = ?"_s, {toCustomer, linkId});
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0)
        return fail(ErrorCode::NotFound, u"no identity link with id %1"_s.arg(linkId));
    return {};
}

Status IdentityRepository::renameExternalId(System system, const QString &oldId, const QString &newId)
{
    if (newId.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a link needs an external id"_s);
    auto changed = m_db.update(u"UPDATE external_links SET external_id = ? WHERE system = ? AND external_id = ?"_s,
                               {newId, toString(system), oldId});
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0)
        return fail(ErrorCode::NotFound, u"no %1 record %2 is linked"_s.arg(displayName(system), oldId));
    return {};
}

Status IdentityRepository::recordExecution(qint64 id, MergeState expected, MergeState next,
                                           const QString &executionJson)
{
    auto changed = m_db.update(u"UPDATE merge_proposals SET state = ?, execution_json = ? WHERE id = ? AND state = ?"_s,
                               {toString(next), executionJson, id, toString(expected)});
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0) {
        auto current = proposal(id);
        if (!current)
            return std::unexpected(current.error());
        return fail(ErrorCode::Conflict, u"merge proposal %1 is %2, not %3"_s.arg(id).arg(
                                             toString(current->state), toString(expected)));
    }
    return {};
}

Result<QList<MergeProposal>> IdentityRepository::proposals(MergeState state) const
{
    return m_db.select<MergeProposal>(u"SELECT "_s + kProposalColumns
                                          + u" FROM merge_proposals WHERE state = ? ORDER BY proposed_at, id"_s,
                                      {toString(state)}, proposalFromRow);
}

} // namespace Concord::Store
