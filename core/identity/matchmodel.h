#pragma once

#include "identity/comparison.h"

#include <QJsonObject>

#include <array>
#include <vector>

namespace Concord::Identity {

// Fellegi–Sunter model: for each comparison level, m = P(level | same person)
// and u = P(level | two different people); a pair's match weight is
// log2(λ/(1−λ)) + Σ log2(m/u), its probability 1/(1 + 2^−weight).
//
// Where the numbers come from (no hand tuning per file):
//  - u: from the data itself. Exact-agreement u is computed from value
//    frequencies (Σ p_v², the chance two random records share a value); the
//    other levels from a deterministic sample of random pairs.
//  - m and λ: expectation–maximisation over the blocked candidate pairs,
//    starting from (and lightly pulled towards, as a Dirichlet prior worth
//    kPriorStrength pairs) the defaults below, which also serve alone when
//    there is too little data to learn from.
//  - term frequency: for exact agreement on a value v, u is the frequency of v
//    (two "Smith"s say less than two "Zylberstein"s).
// Immutable after training; thread-safe to read.
class MatchModel {
public:
    using Table = std::array<std::array<double, kMaxLevels>, kComparisonCount>;

    MatchModel();

    // Built-in m and u, and λ for `records` records. Used when a data set is
    // too small for EM, and as EM's starting point and prior.
    [[nodiscard]] static MatchModel defaults(const std::array<bool, kComparisonCount> &active,
                                             qint64 records);

    // One distinct comparison vector and how many candidate pairs had it.
    struct Pattern {
        quint64 packed = 0;
        double count = 0;
    };
    struct TrainingReport {
        int iterations = 0;
        bool converged = false;
        double blockedMatchShare = 0; // λ among candidate pairs
        qint64 pairs = 0;
    };

    // Replaces u with `u` (random-pair estimates) and learns m and λ by EM from
    // the candidate-pair patterns. `candidatePairs` and `records` turn λ among
    // candidates into λ for a random pair (blocking is assumed to keep nearly
    // every true match).
    TrainingReport train(const std::vector<Pattern> &patterns, const Table &u,
                         qint64 candidatePairs, qint64 records);

    [[nodiscard]] bool isActive(Comparison c) const { return m_active[size_t(c)]; }
    [[nodiscard]] const std::array<bool, kComparisonCount> &active() const { return m_active; }
    [[nodiscard]] double m(Comparison c, int level) const { return m_m[size_t(c)][size_t(level)]; }
    [[nodiscard]] double u(Comparison c, int level) const { return m_u[size_t(c)][size_t(level)]; }
    [[nodiscard]] double lambda() const { return m_lambda; }
    [[nodiscard]] double priorWeight() const { return m_priorWeight; }

    // log2(m/u) of a level; 0 for the null level.
    [[nodiscard]] double levelWeight(Comparison c, int level) const
    {
        return m_weight[size_t(c)][size_t(level)];
    }
    // Exact agreement on a value whose frequency among records is `frequency`
    // (0 < f ≤ 1): log2(m_exact / max(f, floor)).
    [[nodiscard]] double exactWeight(Comparison c, double frequency) const;

    [[nodiscard]] QJsonObject toJson() const; // parameters, for reports and debugging

private:
    void refreshWeights();

    std::array<bool, kComparisonCount> m_active {};
    Table m_m {};
    Table m_u {};
    Table m_weight {};
    double m_lambda = 1e-4;
    double m_priorWeight = 0;
};

// Probability from a match weight (log2 odds).
[[nodiscard]] double probabilityFromWeight(double weight);

} // namespace Concord::Identity
