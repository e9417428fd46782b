#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "identity/identityindex.h"
#include "security/permissions.h"

#include <QMetaType>

#include <atomic>
#include <functional>

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
    // The scan was cancelled and recorded nothing (no candidate, no audit
    // entry); `customers` is then what was read before it stopped.
    bool cancelled = false;
};

// Where a scan is, for a progress bar. The stages follow each other in this
// order; the matching stages are IdentityIndex::build's own.
enum class DuplicateScanStage {
    Reading,   // the active customers and their contact points, a page at a time
    Preparing, // names, emails and phones normalized
    Pairing,   // blocking: which pairs are worth comparing
    Learning,  // the match model learns from the data
    Scoring,   // each pair compared and scored
    Grouping,  // clustering
    Recording, // new pairs written as candidates, in one transaction
};

struct DuplicateScanProgress {
    DuplicateScanStage stage = DuplicateScanStage::Reading;
    double fraction = 0; // of the whole scan, 0..1 (never goes back)
    int customers = 0;   // active customers being scanned; 0 until they are read
};

// Progress and cancellation for a person's scan. `progress` is called from
// the scanning thread and from the global thread pool's workers (matching
// runs there): keep it cheap and thread-safe; it is not throttled here.
// `cancel` is read from those threads too.
struct DuplicateScanControl {
    std::function<void(const DuplicateScanProgress &)> progress;
    const std::atomic<bool> *cancel = nullptr;

    [[nodiscard]] bool isCancelled() const { return cancel && cancel->load(); }
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
// the run's counts, in the same transaction as the candidates. This is the
// sync engine's scan after new customers arrive.
//
// Thread affinity: the thread that owns `db`; the matching itself runs on
// the global thread pool (IdentityIndex::build). Cancellable via `control`
// (a cancelled scan records nothing and returns a report with `cancelled`).
[[nodiscard]] Result<DuplicateScanReport> scanForDuplicates(Store::Database &db, const Clock &clock,
                                                            const Identity::MatchOptions &options = {},
                                                            const Identity::RunControl &control = {});

// A person's scan of the whole customer list ("Scan for duplicates"), as
// `actor`: needs Permission::ProposeMerge (the scan feeds the proposals, so
// who may propose may look for what to propose: owners and office managers).
//
// Records only pairs not yet known in any state: a pair already open,
// proposed, dismissed (rejected by a person) or merged is left exactly as
// it is, so a second scan over the same list adds nothing. The new pairs
// and one audit entry (action "duplicates.scan" by `actor`, with the counts)
// commit in one transaction. Cancelled (control.cancel set at any point
// before the commit), it records nothing and returns a report with
// `cancelled` set — not an error. PermissionDenied before anything is read.
//
// Thread affinity: as above; blocks the calling thread for the whole scan.
[[nodiscard]] Result<DuplicateScanReport> scanForDuplicates(Store::Database &db, const Clock &clock,
                                                            const Security::Actor &actor,
                                                            const DuplicateScanControl &control = {},
                                                            const Identity::MatchOptions &options = {});

} // namespace Concord::Services

Q_DECLARE_METATYPE(Concord::Services::DuplicateScanReport)
Q_DECLARE_METATYPE(Concord::Services::DuplicateScanProgress)
