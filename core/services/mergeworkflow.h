#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "identity/mergeplan.h"
#include "security/permissions.h"
#include "services/remotemerge.h"

#include <QFuture>
#include <QObject>

namespace Concord::Store {
class Database;
}

namespace Concord::Services {

// What approving a merge did, end to end.
struct MergeOutcome {
    Identity::MergePlan plan;   // what was planned (plan.irreversible(): what stays done remotely)
    RemoteMergeReport remote;   // what each system did
};

// The owner's "Approve" button: approve the proposal (four eyes, audited),
// execute it in the identity map (audited, undoable in Concord), carry out
// the remote steps in QuickBooks and HubSpot, and record their outcome
// (audited; the identity map follows HubSpot's new survivor id) — in that
// order, each step only after the previous one is stored, so a crash at any
// point leaves a state the next attempt continues from: an Approved proposal
// is executed again; an Executed one reruns its remote steps
// (resumeRemote), whose requestids make every QuickBooks write happen once.
//
// A refusal of the approval or the execution ends the run with that error
// and nothing remote happens. Remote failures do not: the result carries
// them per step (RemoteMergeReport::failures()) for the retry queue.
//
// Thread affinity: the sync thread (store, clients). Clients may be null
// when a system is not connected.
class MergeWorkflow final : public QObject
{
    Q_OBJECT

public:
    MergeWorkflow(Store::Database &db, QuickBooks::QuickBooksClient *quickbooks, HubSpot::HubSpotClient *hubspot,
                  const Clock &clock = Clock::system(), QObject *parent = nullptr);

    [[nodiscard]] QFuture<Result<MergeOutcome>> approve(const Security::Actor &owner, qint64 proposalId,
                                                        const QString &note);
    // Reruns the remote steps of an Executed proposal (after a crash, or
    // from the retry queue) and records them.
    [[nodiscard]] QFuture<Result<MergeOutcome>> resumeRemote(const Security::Actor &owner, qint64 proposalId);

private:
    QFuture<Result<MergeOutcome>> runRemote(const Security::Actor &owner, qint64 proposalId, Identity::MergePlan plan);

    Store::Database &m_db;
    const Clock &m_clock;
    RemoteMerge m_remote;
};

} // namespace Concord::Services
