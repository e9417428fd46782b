#pragma once

#include "common/error.h"
#include "identity/mergeplan.h"

#include <QFuture>
#include <QObject>
#include <QStringList>

#include <optional>

namespace Concord::QuickBooks {
class QuickBooksClient;
}
namespace Concord::HubSpot {
class HubSpotClient;
}

namespace Concord::Services {

// What happened to one step of a merge plan in its system.
struct RemoteStepOutcome {
    Identity::MergeStep step;
    enum class Status { Done, Failed, LeftToPerson, ConcordOnly } status = Status::Done;
    QString detail;             // plain words: what was done, or why not
    std::optional<Error> error; // Failed: the error (its request id, for support)
};

struct RemoteMergeReport {
    QList<RemoteStepOutcome> outcomes;
    // HubSpot may give the survivor of a merge a new id: the identity map
    // must follow it (empty when unchanged or no HubSpot merge ran).
    QString newHubSpotSurvivorId;

    [[nodiscard]] bool complete() const; // no step Failed
    [[nodiscard]] QStringList failures() const;
    [[nodiscard]] QStringList leftToPerson() const;
};

// Carries out the remote steps of an executed merge (AdminCommands::
// executeMerge has already changed the identity map): HubSpot's merge call,
// QuickBooks' re-pointing of open invoices and deactivation of the
// duplicate. Steps run one after another, in the plan's order; a failed step
// is reported and the rest still run (each is independent), so one refusal
// never hides what else happened. Manual steps are returned as such.
//
// Idempotent: every QuickBooks write carries a requestid derived from
// `idempotencyPrefix` (e.g. "merge/<proposal id>") and the step, so running
// the same plan again after a crash never moves or deactivates twice; a
// HubSpot merge already done answers as such and is reported Done.
//
// Thread affinity: the clients' (the sync thread). A client may be null when
// that system is not connected: its steps fail (InvalidConfig) saying so.
class RemoteMerge final : public QObject
{
    Q_OBJECT

public:
    RemoteMerge(QuickBooks::QuickBooksClient *quickbooks, HubSpot::HubSpotClient *hubspot, QObject *parent = nullptr);

    [[nodiscard]] QFuture<RemoteMergeReport> run(const Identity::MergePlan &plan, const QString &idempotencyPrefix);

private:
    QuickBooks::QuickBooksClient *m_quickbooks;
    HubSpot::HubSpotClient *m_hubspot;
};

} // namespace Concord::Services
