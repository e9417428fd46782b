#include "services/mergeworkflow.h"

#include "services/admincommands.h"
#include "store/identityrepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>

using namespace Qt::StringLiterals;

namespace Concord::Services {

namespace {

template<typename T> QFuture<T> ready(T value)
{
    QPromise<T> promise;
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return promise.future();
}

// The plan stored with an executed proposal (its execution record).
Result<Identity::MergePlan> storedPlan(const Domain::MergeProposal &proposal)
{
    const QJsonObject plan =
        QJsonDocument::fromJson(proposal.executionJson.toUtf8()).object().value(u"plan"_s).toObject();
    if (plan.isEmpty())
        return fail(ErrorCode::Internal, u"merge proposal %1 has no stored plan"_s.arg(proposal.id));
    return Identity::MergePlan::fromJson(plan);
}

} // namespace

MergeWorkflow::MergeWorkflow(Store::Database &db, QuickBooks::QuickBooksClient *quickbooks,
                             HubSpot::HubSpotClient *hubspot, const Clock &clock, QObject *parent)
    : QObject(parent), m_db(db), m_clock(clock), m_remote(quickbooks, hubspot)
{
}

QFuture<Result<MergeOutcome>> MergeWorkflow::approve(const Security::Actor &owner, qint64 proposalId,
                                                     const QString &note)
{
    AdminCommands commands(m_db, m_clock);
    if (auto decided = commands.decideMerge(owner, proposalId, true, note); !decided)
        return ready(Result<MergeOutcome>(std::unexpected(decided.error())));
    auto plan = commands.executeMerge(owner, proposalId);
    if (!plan)
        return ready(Result<MergeOutcome>(std::unexpected(plan.error())));
    return runRemote(owner, proposalId, *plan);
}

QFuture<Result<MergeOutcome>> MergeWorkflow::resumeRemote(const Security::Actor &owner, qint64 proposalId)
{
    if (auto allowed = Security::authorize(owner, Security::Permission::ApproveMerge); !allowed)
        return ready(Result<MergeOutcome>(std::unexpected(allowed.error())));
    auto proposal = Store::IdentityRepository(m_db, m_clock).proposal(proposalId);
    if (!proposal)
        return ready(Result<MergeOutcome>(std::unexpected(proposal.error())));
    if (proposal->state != Domain::MergeState::Executed) {
        return ready(Result<MergeOutcome>(fail(
            ErrorCode::Conflict, u"merge proposal %1 is %2: only an executed merge has remote steps to run"_s.arg(proposalId).arg(
                                     Domain::toString(proposal->state)))));
    }
    auto plan = storedPlan(*proposal);
    if (!plan)
        return ready(Result<MergeOutcome>(std::unexpected(plan.error())));
    return runRemote(owner, proposalId, *plan);
}

QFuture<Result<MergeOutcome>> MergeWorkflow::runRemote(const Security::Actor &owner, qint64 proposalId,
                                                       Identity::MergePlan plan)
{
    return m_remote.run(plan, u"merge/%1"_s.arg(proposalId))
        .then(this, [this, owner, proposalId, plan](RemoteMergeReport report) -> Result<MergeOutcome> {
            if (auto recorded = AdminCommands(m_db, m_clock).recordRemoteMerge(owner, proposalId, report); !recorded)
                return std::unexpected(recorded.error());
            return MergeOutcome{plan, report};
        });
}

} // namespace Concord::Services
