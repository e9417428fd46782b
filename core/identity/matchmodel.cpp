#include "identity/matchmodel.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Concord::Identity {

namespace {

// Built-in m: how often a true duplicate shows each level, from the kinds of
// corruption seen in CRM exports (typos, nicknames, missing or stale values).
// Index = level; [0] (null) unused.
constexpr std::array<std::array<double, kMaxLevels>, kComparisonCount> kDefaultM = { {
    { 0, 0.80, 0.04, 0.06, 0.02, 0.03, 0.05, 0 }, // given: exact nick typo initial similar diff
    { 0, 0.85, 0.07, 0.03, 0.05, 0, 0, 0 }, // family: exact typo similar diff
    { 0, 0.60, 0.10, 0.15, 0.08, 0.07, 0, 0 }, // full name: exact same most some diff
    { 0, 0.80, 0.03, 0.04, 0.08, 0.05, 0, 0 }, // email: exact alias local typo diff
    { 0, 0.80, 0.08, 0.05, 0.07, 0, 0, 0 }, // phone: exact local typo diff
    { 0, 0.85, 0.03, 0.06, 0.02, 0.04, 0, 0 }, // dob: exact swap typo typo2 diff
    { 0, 0.70, 0.12, 0.08, 0.03, 0.07, 0, 0 }, // address: exact same similar street diff
    { 0, 0.85, 0.07, 0.08, 0, 0, 0, 0 }, // city: exact typo diff
    { 0, 0.88, 0.05, 0.07, 0, 0, 0, 0 }, // postcode: exact typo diff
} };

// Built-in u for a population of customers, used only without data.
constexpr std::array<std::array<double, kMaxLevels>, kComparisonCount> kDefaultU = { {
    { 0, 0.01, 0.002, 0.004, 0.03, 0.03, 0.924, 0 },
    { 0, 0.002, 0.002, 0.02, 0.976, 0, 0, 0 },
    { 0, 0.0005, 0.0005, 0.005, 0.05, 0.944, 0, 0 },
    { 0, 0.00001, 0.00001, 0.0001, 0.0001, 0.99978, 0, 0 },
    { 0, 0.00001, 0.0001, 0.0002, 0.99969, 0, 0, 0 },
    { 0, 0.0001, 0.0001, 0.002, 0.02, 0.9778, 0, 0 },
    { 0, 0.0001, 0.0001, 0.0005, 0.001, 0.9983, 0, 0 },
    { 0, 0.05, 0.01, 0.94, 0, 0, 0, 0 },
    { 0, 0.01, 0.02, 0.97, 0, 0, 0, 0 },
} };

// How many pairs' worth of belief the built-in m carries in EM: enough to keep
// a level that the data barely shows away from 0 or 1, little enough that a
// few hundred duplicates outweigh it.
constexpr double kPriorStrength = 20.0;
// Bounds on a level's weight, in bits: a single comparison can never carry more
// than ~one in a billion by itself, whatever the estimates say.
constexpr double kMaxLevelWeight = 30.0;
constexpr double kMinLevelWeight = -20.0;

} // namespace

double probabilityFromWeight(double weight)
{
    if (weight > 60)
        return 1.0;
    if (weight < -60)
        return 0.0;
    return 1.0 / (1.0 + std::exp2(-weight));
}

MatchModel::MatchModel() = default;

MatchModel MatchModel::defaults(const std::array<bool, kComparisonCount> &active, qint64 records)
{
    MatchModel model;
    model.m_active = active;
    model.m_m = kDefaultM;
    model.m_u = kDefaultU;
    // Without data: assume about one duplicate per ten records, spread over all
    // pairs — cautious, so small sets lean to "candidate" rather than "link".
    const double n = double(std::max<qint64>(records, 1000));
    model.m_lambda = std::clamp(0.1 * n / (n * (n - 1) / 2), 1e-12, 0.5);
    model.refreshWeights();
    return model;
}

MatchModel::TrainingReport MatchModel::train(const std::vector<Pattern> &patterns, const Table &u,
                                             qint64 candidatePairs, qint64 records)
{
    TrainingReport report;
    m_u = u;
    double total = 0;
    for (const Pattern &p : patterns)
        total += p.count;
    report.pairs = qint64(total);
    const std::array<bool, kComparisonCount> active = m_active;
    // u among candidate pairs: blocking makes non-matches agree far more often
    // than random pairs, so it is learnt separately and only m and λ are kept.
    Table ub {};
    for (int c = 0; c < kComparisonCount; ++c) {
        const int levels = levelCount(Comparison(c));
        double sum = 0;
        std::array<double, kMaxLevels> counts {};
        for (const Pattern &p : patterns) {
            const int l = ComparisonVector { p.packed }.level(Comparison(c));
            if (l > 0) {
                counts[size_t(l)] += p.count;
                sum += p.count;
            }
        }
        for (int l = 1; l < levels; ++l)
            ub[size_t(c)][size_t(l)] = (counts[size_t(l)] + 0.5) / (sum + 0.5 * (levels - 1));
    }
    Table m = kDefaultM;
    double lambdaB = 0.1;
    if (total < 50) {
        refreshWeights();
        return report;
    }
    std::vector<double> posterior(patterns.size());
    for (int iter = 0; iter < 200; ++iter) {
        // E step.
        double matchTotal = 0;
        for (size_t i = 0; i < patterns.size(); ++i) {
            const ComparisonVector v { patterns[i].packed };
            double logRatio = std::log(lambdaB) - std::log1p(-lambdaB);
            for (int c = 0; c < kComparisonCount; ++c) {
                if (!active[size_t(c)])
                    continue;
                const int l = v.level(Comparison(c));
                if (l == 0)
                    continue;
                logRatio += std::log(m[size_t(c)][size_t(l)]) - std::log(ub[size_t(c)][size_t(l)]);
            }
            const double p = logRatio > 50 ? 1.0
                : logRatio < -50           ? 0.0
                                           : 1.0 / (1.0 + std::exp(-logRatio));
            posterior[i] = p;
            matchTotal += p * patterns[i].count;
        }
        // M step.
        const double newLambda = std::clamp(matchTotal / total, 1e-6, 1 - 1e-6);
        double change = std::abs(newLambda - lambdaB);
        lambdaB = newLambda;
        for (int c = 0; c < kComparisonCount; ++c) {
            if (!active[size_t(c)])
                continue;
            const int levels = levelCount(Comparison(c));
            std::array<double, kMaxLevels> mc {}, uc {};
            double mSum = 0, uSum = 0;
            for (size_t i = 0; i < patterns.size(); ++i) {
                const int l = ComparisonVector { patterns[i].packed }.level(Comparison(c));
                if (l == 0)
                    continue;
                mc[size_t(l)] += posterior[i] * patterns[i].count;
                uc[size_t(l)] += (1 - posterior[i]) * patterns[i].count;
            }
            for (int l = 1; l < levels; ++l) {
                mc[size_t(l)] += kPriorStrength * kDefaultM[size_t(c)][size_t(l)];
                uc[size_t(l)] += 0.5;
                mSum += mc[size_t(l)];
                uSum += uc[size_t(l)];
            }
            for (int l = 1; l < levels; ++l) {
                const double nm = std::max(mc[size_t(l)] / mSum, 1e-6);
                const double nu = std::max(uc[size_t(l)] / uSum, 1e-9);
                change = std::max(change, std::abs(nm - m[size_t(c)][size_t(l)]));
                m[size_t(c)][size_t(l)] = nm;
                ub[size_t(c)][size_t(l)] = nu;
            }
        }
        report.iterations = iter + 1;
        if (change < 1e-6) {
            report.converged = true;
            break;
        }
    }
    m_m = m;
    report.blockedMatchShare = lambdaB;
    const double n = double(std::max<qint64>(records, 2));
    const double allPairs = n * (n - 1) / 2;
    m_lambda = std::clamp(lambdaB * double(candidatePairs) / allPairs, 1e-12, 0.5);
    refreshWeights();
    return report;
}

double MatchModel::exactWeight(Comparison c, double frequency) const
{
    // The floor keeps one unique value from outweighing everything else.
    const double uExact = m_u[size_t(c)][1];
    const double u = std::max(frequency, uExact / 64.0);
    return std::clamp(std::log2(m_m[size_t(c)][1] / u), kMinLevelWeight, kMaxLevelWeight);
}

void MatchModel::refreshWeights()
{
    for (int c = 0; c < kComparisonCount; ++c) {
        const int levels = levelCount(Comparison(c));
        m_weight[size_t(c)][0] = 0;
        for (int l = 1; l < kMaxLevels; ++l) {
            if (l >= levels || !m_active[size_t(c)]) {
                m_weight[size_t(c)][size_t(l)] = 0;
                continue;
            }
            const double mm = std::max(m_m[size_t(c)][size_t(l)], 1e-9);
            const double uu = std::max(m_u[size_t(c)][size_t(l)], 1e-12);
            m_weight[size_t(c)][size_t(l)] =
                std::clamp(std::log2(mm / uu), kMinLevelWeight, kMaxLevelWeight);
        }
    }
    m_priorWeight = std::log2(m_lambda / (1 - m_lambda));
}

QJsonObject MatchModel::toJson() const
{
    QJsonObject comparisons;
    for (int c = 0; c < kComparisonCount; ++c) {
        if (!m_active[size_t(c)])
            continue;
        QJsonArray levels;
        for (int l = 1; l < levelCount(Comparison(c)); ++l) {
            levels.append(QJsonObject { { u"level"_s, levelLabel(Comparison(c), l) },
                                        { u"m"_s, m_m[size_t(c)][size_t(l)] },
                                        { u"u"_s, m_u[size_t(c)][size_t(l)] },
                                        { u"weight"_s, m_weight[size_t(c)][size_t(l)] } });
        }
        comparisons.insert(comparisonKey(Comparison(c)), levels);
    }
    return QJsonObject { { u"lambda"_s, m_lambda },
                         { u"priorWeight"_s, m_priorWeight },
                         { u"comparisons"_s, comparisons } };
}

} // namespace Concord::Identity
