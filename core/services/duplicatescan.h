#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "identity/identityindex.h"

namespace Concord::Store {
class Database;
}

namespace Concord::Services {

struct DuplicateScanReport {
    int customers = 0;       // active customers scanned
    int candidates = 0;      // pairs stored as duplicate candidates (new or refreshed)
    int newCandidates = 0;   // of which were not known before
    int strongCandidates = 0; // of which the engine would have linked (exact identifier, p ≥ 0.999)
    double seconds = 0;
};

// Finds duplicate customers inside Concord's own customer list (two HubSpot
// contacts or two QuickBooks customers for one parent end up as two Concord
// customers) and stores each likely pair as a duplicate candidate with the
// engine's evidence, for an office manager to review and propose merging.
//
// Two Concord customers are never merged here, however strong the evidence:
// merging is the reviewed, approved workflow (AdminCommands). Candidates a
// person dismissed stay dismissed (their score and evidence are refreshed).
// One audit entry (actor system:identity, action "duplicates.scan") records
// the run's counts, in the same transaction as the candidates.
//
// Thread affinity: the thread that owns `db`; the matching itself runs on
// the global thread pool (IdentityIndex::build). Cancellable via `control`.
[[nodiscard]] Result<DuplicateScanReport> scanForDuplicates(Store::Database &db, const Clock &clock,
                                                            const Identity::MatchOptions &options = {},
                                                            const Identity::RunControl &control = {});

} // namespace Concord::Services
