#pragma once

#include "common/error.h"
#include "identity/evidence.h"
#include "identity/matchmodel.h"
#include "identity/preparedrecord.h"
#include "identity/record.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace Concord::Identity {

// One default configuration for every input (issue 5): nothing here is tuned
// to a file. The two probability thresholds are the product's own rules, not
// fitted numbers: 0.999 is "a wrong link rarer than 1 in 1,000", 0.5 is "more
// likely the same than not" (the Bayes decision) for what goes to review.
struct MatchOptions {
    QString defaultRegion = QStringLiteral("US"); // Config::defaultRegion
    std::optional<NameMode> nameMode; // default: Person when first/last are present

    static constexpr double kLinkProbability = 0.999;
    static constexpr double kCandidateProbability = 0.5;
    // Blocking: blocks up to kBlockCap records compare every pair; larger ones
    // (a common surname in a big file) only compare each record with its
    // kWindow neighbours in name order, so work stays linear in the input.
    static constexpr int kBlockCap = 40;
    static constexpr int kWindow = 8;
    // Random pairs sampled to estimate u.
    static constexpr qint64 kUSample = 300000;
    // Largest cluster clustering will build; a merge beyond it is refused and
    // left to review (only runaway chains get there).
    static constexpr int kMaxClusterSize = 500;
};

// Progress and cancellation for long runs (the GUI's progress bar and Cancel
// button). Both may be called from worker threads; keep them cheap.
struct RunControl {
    std::function<void(const QString &stage, double fraction)> progress;
    const std::atomic<bool> *cancel = nullptr;

    [[nodiscard]] bool isCancelled() const
    {
        return cancel && cancel->load(std::memory_order_relaxed);
    }
};

// True for the error a cancelled run returns.
[[nodiscard]] bool isCancellation(const Error &error);

// A pair the batch scored at least "candidate".
struct ScoredPair {
    quint32 a = 0;
    quint32 b = 0;
    float weight = 0;
    Decision decision = Decision::Distinct;
};

// A group of records the matcher believes are one person. `decision` is Link
// when link pairs alone connect every member, Candidate when any part needs a
// person's review, Distinct for a record alone.
struct Cluster {
    int id = 0;
    QList<int> members; // record indexes, ascending
    Decision decision = Decision::Distinct;
};

struct DedupeStats {
    qint64 records = 0;
    qint64 candidatePairs = 0; // pairs compared after blocking
    qint64 linkPairs = 0;
    qint64 reviewPairs = 0; // decided "candidate"
    int clusters = 0; // every record is in exactly one (singletons count)
    int duplicateClusters = 0; // clusters with two or more records
    int heldApart = 0; // candidate/link pairs clustering kept apart
    double seconds = 0;
    QList<QPair<QString, double>> stageSeconds; // where the time went
    MatchModel::TrainingReport training;
};

// The identity engine: normalizes a set of records, finds candidate pairs by
// blocking, learns a Fellegi–Sunter model from the data, scores, decides and
// clusters; then answers incremental questions ("who is this new attendee?")
// against the same index without re-running the batch.
//
// Thread affinity: build() runs its heavy stages on QThreadPool::globalInstance()
// and returns when done; call it from a worker (QtConcurrent::run) to keep a
// GUI responsive. The built index is read-only for match()/explain() (safe from
// several threads); add() must not run concurrently with anything else.
class IdentityIndex {
public:
    ~IdentityIndex();
    IdentityIndex(const IdentityIndex &) = delete;
    IdentityIndex &operator=(const IdentityIndex &) = delete;

    // Runs the batch. Fails only when cancelled (see isCancellation) or for
    // duplicate record ids (InvalidArgument).
    [[nodiscard]] static Result<std::unique_ptr<IdentityIndex>>
    build(const QList<Record> &records, const MatchOptions &options = {},
          const RunControl &control = {});

    [[nodiscard]] int size() const;
    [[nodiscard]] QString id(int record) const;
    [[nodiscard]] int indexOf(const QString &id) const; // -1 when unknown
    [[nodiscard]] const PreparedRecord &prepared(int record) const;
    [[nodiscard]] const MatchModel &model() const;
    [[nodiscard]] NameMode nameMode() const;

    // --- batch results ---
    [[nodiscard]] const QList<Cluster> &clusters() const;
    [[nodiscard]] int clusterOf(int record) const;
    [[nodiscard]] const std::vector<ScoredPair> &
    scoredPairs() const; // candidate or link, after clustering
    [[nodiscard]] DedupeStats stats() const;
    // Whether blocking made the batch compare these two records.
    [[nodiscard]] bool wasCompared(int a, int b) const;
    // Full evidence for any two records of the index (scored or not).
    [[nodiscard]] PairEvidence explain(int a, int b) const;
    // A cluster with its decision and the evidence of the pairs that hold it
    // together, for the merge workflow.
    [[nodiscard]] QJsonObject clusterJson(int cluster) const;

    // --- incremental ---
    // Matches one new record against the index (blocking + scoring only) and
    // returns the best `limit` pairs at least "candidate", strongest first;
    // `a` is -1 (the new record), `b` the existing record. Does not modify
    // the index.
    [[nodiscard]] QList<PairEvidence> match(const Record &record, int limit = 10) const;
    // Adds a record (e.g. after match() found nobody) so later matches see it.
    // Returns its index; InvalidArgument when its id is already present. The
    // model is not retrained (that is what a batch run is for).
    [[nodiscard]] Result<int> add(const Record &record);

private:
    IdentityIndex();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace Concord::Identity
