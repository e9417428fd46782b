#include "identity/identityindex.h"

#include "common/logging.h"
#include "identity/nicknames.h"
#include "identity/stringmetrics.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QVarLengthArray>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <numeric>
#include <random>

using namespace Qt::StringLiterals;

namespace Concord::Identity {

namespace {

constexpr auto kCancelledDetail = "identity: cancelled";

Error cancelledError()
{
    return Error::make(ErrorCode::Internal, u"matching was cancelled"_s,
                       QString::fromLatin1(kCancelledDetail));
}

// Runs fn(begin, end) over [0, n) in chunks on the global thread pool.
template<typename F> void parallelChunks(qint64 n, qint64 chunk, F &&fn)
{
    std::vector<std::pair<qint64, qint64>> ranges;
    for (qint64 s = 0; s < n; s += chunk)
        ranges.emplace_back(s, std::min(n, s + chunk));
    QtConcurrent::blockingMap(ranges,
                              [&fn](const std::pair<qint64, qint64> &r) { fn(r.first, r.second); });
}

// Sorts and removes duplicates, two halves in parallel then a merge.
void sortUnique(std::vector<quint64> &v)
{
    if (v.size() > 200000) {
        const auto mid = v.begin() + qsizetype(v.size() / 2);
        std::vector<std::pair<std::vector<quint64>::iterator, std::vector<quint64>::iterator>>
            halves { { v.begin(), mid }, { mid, v.end() } };
        QtConcurrent::blockingMap(halves, [](const auto &h) { std::sort(h.first, h.second); });
        std::inplace_merge(v.begin(), mid, v.end());
    } else {
        std::sort(v.begin(), v.end());
    }
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Key hashes keep the top bit clear: blocking uses it to flag probe keys.
quint64 hs(QStringView s, quint64 seed)
{
    return quint64(qHash(s, size_t(seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull)))
        & 0x7fffffffffffffffull;
}

quint64 hi(quint64 v, quint64 seed)
{
    return quint64(qHash(v, size_t(seed * 0x9E3779B97F4A7C15ull + 0x2545F4914F6CDD1Dull)))
        & 0x7fffffffffffffffull;
}

// Comparison vectors use 36 bits; one more carries "both phones are valid
// E.164" from the comparing pass to the scoring pass.
constexpr quint64 kPhoneValidBit = quint64(1) << 62;

// Marks a KeyEntry whose key was a probe (see blockingKeys).
constexpr quint32 kProbeRecord = 0x80000000u;

// One blocking key of one record. Sorted by (key, sortKey, record) so a block
// is contiguous and, inside it, in name order.
struct KeyEntry {
    quint64 key;
    quint64 sortKey;
    quint32 record;
    friend bool operator<(const KeyEntry &x, const KeyEntry &y)
    {
        if (x.key != y.key)
            return x.key < y.key;
        if (x.sortKey != y.sortKey)
            return x.sortKey < y.sortKey;
        return x.record < y.record;
    }
};

// Blocking keys: several cheap keys, each catching the duplicates the others
// miss (a typo in the surname, a new email, a swapped first/last name). A
// pair only needs to share one key to be compared.
// Keys flagged "probe" (top bit) only pair a record with records that hold the
// same key unflagged: a record without a name meets named records born the same
// day, without every two named records of that day being compared.
constexpr quint64 kProbe = quint64(1) << 63;

void blockingKeys(const PreparedRecord &r, NameMode mode, QVarLengthArray<quint64, 24> &out)
{
    if (!r.storedLink.isEmpty())
        out.append(hs(r.storedLink, 20));
    if (!r.email.isEmpty()) {
        out.append(hs(r.email.canonical, 1));
        if (r.email.local.size() >= 4)
            out.append(hs(r.email.local, 2));
    }
    if (r.phone.subscriber.size() >= 7)
        out.append(hs(r.phone.subscriber, 3));
    if (mode == NameMode::Person) {
        const QChar gi = r.given.isEmpty() ? QChar() : r.given.front();
        const QChar fi = r.family.isEmpty() ? QChar() : r.family.front();
        const QString sg = soundex(r.given);
        const QString sf = soundex(r.family);
        const QString canonicalGiven = r.given.size() > 1 ? Nicknames::canonical(r.given) : r.given;
        const QChar ci = canonicalGiven.isEmpty() ? QChar() : canonicalGiven.front();
        if (r.dob.isValid()) {
            for (const int day : { r.dob.key(), r.dob.altKey() }) {
                if (day == 0)
                    continue;
                // Both initials under one salt: a swapped first/last still meets.
                if (!gi.isNull())
                    out.append(hi(quint64(day) << 16 | gi.unicode(), 4));
                if (!fi.isNull())
                    out.append(hi(quint64(day) << 16 | fi.unicode(), 4));
                const quint64 dayKey = hi(quint64(day), 5);
                out.append(gi.isNull() && fi.isNull() ? dayKey : (dayKey | kProbe));
            }
        }
        if (!sf.isEmpty() && !gi.isNull())
            out.append(hs(sf, hi(gi.unicode(), 6)));
        if (!sg.isEmpty() && !fi.isNull())
            out.append(hs(sg, hi(fi.unicode(), 6)));
        if (!sf.isEmpty() && !ci.isNull() && ci != gi) // Bob Allen ~ Robert Allen
            out.append(hs(sf, hi(ci.unicode(), 6)));
        if (!r.postcode.isEmpty() && !sf.isEmpty())
            out.append(hs(sf, hs(r.postcode, 7)));
        if (!r.city.isEmpty() && !sf.isEmpty())
            out.append(hs(sf, hs(r.city, 13)));
        if (r.dob.isValid() && !r.city.isEmpty())
            out.append(hs(r.city, hi(quint64(r.dob.key()), 14)));
        if (r.dob.isValid() && !sf.isEmpty())
            out.append(hs(sf, hi(quint64(r.dob.year), 15)));
        // A record with only a given name meets records with the same given
        // name in its town or birth year (as probes from fully named records,
        // so two named records are not compared for this reason alone).
        const quint64 probeIfNamed = sf.isEmpty() ? 0 : kProbe;
        if (!sg.isEmpty() && !r.city.isEmpty())
            out.append(hs(sg, hs(r.city, 16)) | probeIfNamed);
        if (!sg.isEmpty() && r.dob.isValid())
            out.append(hs(sg, hi(quint64(r.dob.year), 17)) | probeIfNamed);
    } else if (!r.nameWords.isEmpty()) {
        out.append(hs(r.nameText, 11));
        if (r.nameWords.size() >= 2) {
            const QString &x = r.nameWords[0];
            const QString &y = r.nameWords[1];
            out.append(hs(x < y ? y : x, hs(x < y ? x : y, 12)));
        }
    }
    if (!r.address.number.isEmpty() && r.address.street.size() >= 3)
        out.append(hs(QStringView(r.address.street).left(3), hs(r.address.number, 8)));
    if (!r.postcode.isEmpty() && !r.address.number.isEmpty())
        out.append(hs(r.address.number, hs(r.postcode, 9)));
}

// Pseudo-counts that keep small data sets from overruling the built-in model:
// records for value frequencies, record pairs for exact-agreement u.
constexpr double kPriorRecords = 1000;
constexpr double kPriorPairs = 100000;

// Frequency of exact values per comparison, for term-frequency adjustment.
struct FrequencyTable {
    std::vector<std::pair<quint64, quint32>> counts; // sorted by hash
    QHash<quint64, quint32> added; // values of records add()ed later
    qint64 nonNull = 0;
    double sumPairs = 0; // Σ c(c−1): pairs of records sharing a value

    [[nodiscard]] quint32 count(quint64 h) const
    {
        quint32 c = added.value(h, 0);
        const auto it =
            std::lower_bound(counts.begin(), counts.end(), std::make_pair(h, quint32(0)));
        if (it != counts.end() && it->first == h)
            c += it->second;
        return c;
    }
    // Blended with the built-in exact-agreement u as if kPriorRecords more
    // records had been seen, so a handful of records does not make every
    // shared value look common (2 of 4 records is not "half the population").
    [[nodiscard]] double frequency(quint64 h, double priorU) const
    {
        return (double(std::max<quint32>(count(h), 1)) + kPriorRecords * priorU)
            / (double(nonNull) + kPriorRecords);
    }
};

// Verdict on one compared pair.
struct Scored {
    CompareResult compared;
    double weight = 0;
    double evidence = 0; // weight without the prior (log2 Bayes factor)
    Decision decision = Decision::Distinct;
    bool storedLink = false;
    bool identifier = false;
    bool nameOnly = false;
    int contradictions = 0;
    int decisiveContradictions = 0;
    bool personAgrees = false; // given name, birth date or organisation name agrees
    // The mark of two different people (or sites) who share contact points,
    // decided on categories a reviewer can check, not on a tuned number:
    //  - people: the given name differs and the birth date does not agree
    //    (two members of one household: same family name, address, landline,
    //    sometimes one email);
    //  - organisations: the addresses differ (two sites of one agency share
    //    its name and phone number).
    // Such a pair is never a link nor a cluster edge, and it vetoes any
    // cluster that would contain both.
    bool conflict = false;
    bool personConfirmed =
        false; // given name (exact/nickname/typo) or birth date equal; organisation name equal
    bool personDoubt = false; // a weak or differing given name / birth date / organisation name
};

// log2(10): a disagreement worth 10:1 against.
constexpr double kDecisiveBits = 3.3219;

// Comparisons about the person rather than how to reach them; their
// "different" level says "another person", not "a typo":
// a different given name, birth date or organisation name.
bool isContradicting(Comparison c)
{
    return c == Comparison::GivenName || c == Comparison::Dob || c == Comparison::FullName;
}

} // namespace

bool isCancellation(const Error &error)
{
    return error.detail == QLatin1StringView(kCancelledDetail);
}

struct IdentityIndex::Impl {
    MatchOptions options;
    NameMode mode = NameMode::Person;
    std::array<bool, kComparisonCount> active {};
    std::unique_ptr<RecordPreparer> preparer;
    std::vector<PreparedRecord> records;
    std::vector<std::array<float, kComparisonCount>> recordFrequency;
    QHash<QString, int> byId;
    std::array<FrequencyTable, kComparisonCount> frequencies;
    std::vector<KeyEntry> keys; // sorted
    QHash<quint64, QList<quint32>> addedKeys; // keys of records add()ed later
    MatchModel model;
    std::vector<ScoredPair> pairs;
    std::vector<quint64> compared; // candidate pairs (a << 32 | b, a < b), sorted
    QList<Cluster> clusters;
    std::vector<int> clusterOf;
    DedupeStats stats;

    MatchModel defaults; // built-in parameters, the prior for small data sets

    std::array<float, kComparisonCount> frequenciesOf(const PreparedRecord &r) const
    {
        std::array<float, kComparisonCount> f {};
        for (int c = 0; c < kComparisonCount; ++c) {
            const QString v = active[size_t(c)] ? exactValue(r, Comparison(c)) : QString();
            f[size_t(c)] = v.isEmpty() ? 1.0f
                                       : float(frequencies[size_t(c)].frequency(
                                           hs(v, 100 + c), defaults.u(Comparison(c), 1)));
        }
        return f;
    }

    Scored score(const PreparedRecord &a, const std::array<float, kComparisonCount> &fa,
                 const PreparedRecord &b) const
    {
        return scoreCompared(a, fa, b, compare(a, b, active));
    }

    // Scores an already compared pair (the batch compares once, for EM, and
    // scores from the stored levels).
    Scored scoreCompared(const PreparedRecord &a, const std::array<float, kComparisonCount> &fa,
                         const PreparedRecord &b, const CompareResult &compared) const
    {
        Scored s;
        s.compared = compared;
        double evidence = 0;
        bool nonNameAgrees = false;
        bool nameAgrees = false;
        for (int c = 0; c < kComparisonCount; ++c) {
            const int level = s.compared.levels.level(Comparison(c));
            if (level == 0)
                continue;
            const double w = level == 1 ? model.exactWeight(Comparison(c), fa[size_t(c)])
                                        : model.levelWeight(Comparison(c), level);
            evidence += w;
            if (isContradicting(Comparison(c)))
                s.personAgrees = s.personAgrees || w > 0;
            if (w > 0) {
                if (isNameComparison(Comparison(c)))
                    nameAgrees = true;
                else
                    nonNameAgrees = true;
            }
            if (level == differentLevel(Comparison(c)) && isContradicting(Comparison(c))) {
                ++s.contradictions;
                // Decisive when the data itself says such a disagreement is at
                // least 10:1 against (where birth dates are often mistyped,
                // EM learns a milder weight and a differing date is not).
                if (w <= -kDecisiveBits)
                    ++s.decisiveContradictions;
            }
            if (Comparison(c) == Comparison::Email && level == 1)
                s.identifier = true;
            if (Comparison(c) == Comparison::Phone && level == 1 && s.compared.phoneValidBoth
                && s.compared.levels.level(Comparison::Email) != differentLevel(Comparison::Email))
                s.identifier =
                    true; // email comes first: a phone does not outvote two different emails
        }
        s.evidence = evidence;
        s.weight = model.priorWeight() + evidence;
        const ComparisonVector &v = s.compared.levels;
        // Person-level confirmation for a link, by category: a contact point
        // (email, phone) says "same household/office"; only the person's own
        // name or birth date says "same person".
        if (mode == NameMode::Person) {
            const int given = v.level(Comparison::GivenName);
            const int dob = v.level(Comparison::Dob);
            const bool dobAgrees = dob != 0 && model.levelWeight(Comparison::Dob, dob) > 0;
            s.conflict = given == differentLevel(Comparison::GivenName) && !dobAgrees;
            s.personConfirmed =
                (given >= 1 && given <= 3) || dob == 1; // exact, nickname, typo; same birth date
            s.personDoubt = given == 5 || given == 6 || dob == 4
                || dob == 5; // similar/different name; two typos/different date
        } else {
            const int name = v.level(Comparison::FullName);
            s.conflict = v.level(Comparison::Address) == differentLevel(Comparison::Address);
            s.contradictions += s.conflict ? 1 : 0;
            s.personConfirmed = name == 1 || name == 2; // same name, maybe in another order
            s.personDoubt = name == differentLevel(Comparison::FullName) || s.conflict;
        }
        s.nameOnly = nameAgrees && !nonNameAgrees;
        s.storedLink = !a.storedLink.isEmpty() && a.storedLink == b.storedLink;
        const double p = probabilityFromWeight(s.weight);
        if (s.storedLink)
            s.decision = Decision::Link;
        // An email or phone can be shared by a household or an office: it
        // links only when the person's own given name or birth date (an
        // organisation's name) confirms it and nothing about them is in doubt.
        else if (s.identifier && s.personConfirmed && !s.personDoubt && !s.conflict
                 && p >= MatchOptions::kLinkProbability)
            s.decision = Decision::Link;
        else if (p >= MatchOptions::kCandidateProbability)
            s.decision = Decision::Candidate;
        return s;
    }

    Scored score(int a, int b) const
    {
        return score(records[size_t(a)], recordFrequency[size_t(a)], records[size_t(b)]);
    }

    PairEvidence evidence(const PreparedRecord &a, const std::array<float, kComparisonCount> &fa,
                          const PreparedRecord &b) const;
    QString display(const PreparedRecord &r, Comparison c) const;

    Status buildAll(const QList<Record> &input, const RunControl &control);
    std::vector<quint64> candidatePairs(const RunControl &control);
    MatchModel::Table estimateU() const;
    void cluster();
    void progress(const RunControl &control, const QString &stage, double fraction) const
    {
        if (control.progress)
            control.progress(stage, fraction);
    }
};

IdentityIndex::IdentityIndex()
    : d(std::make_unique<Impl>())
{
}

IdentityIndex::~IdentityIndex() = default;

Result<std::unique_ptr<IdentityIndex>> IdentityIndex::build(const QList<Record> &records,
                                                            const MatchOptions &options,
                                                            const RunControl &control)
{
    std::unique_ptr<IdentityIndex> index(new IdentityIndex());
    index->d->options = options;
    if (auto ok = index->d->buildAll(records, control); !ok)
        return std::unexpected(ok.error());
    return index;
}

Status IdentityIndex::Impl::buildAll(const QList<Record> &input, const RunControl &control)
{
    QElapsedTimer timer;
    timer.start();
    const qint64 n = input.size();
    if (n >= std::numeric_limits<quint32>::max())
        return fail(ErrorCode::InvalidArgument, u"too many records for one run"_s);
    byId.reserve(n);
    for (qint64 i = 0; i < n; ++i) {
        if (byId.contains(input[i].id))
            return fail(ErrorCode::InvalidArgument,
                        u"record id '%1' appears twice"_s.arg(input[i].id));
        byId.insert(input[i].id, int(i));
    }

    // Which fields this data set has decides the comparisons (one default
    // configuration: nothing else changes between files).
    std::array<qint64, kFieldCount> present {};
    QStringList dobs;
    for (const Record &r : input) {
        for (int f = 0; f < kFieldCount; ++f)
            present[size_t(f)] += r.values[size_t(f)].trimmed().isEmpty() ? 0 : 1;
        if (!r.value(Field::Dob).isEmpty() && dobs.size() < 100000)
            dobs.append(r.value(Field::Dob));
    }
    auto has = [&](Field f) { return present[size_t(f)] > 0 || n == 0; };
    mode = options.nameMode.value_or(
        (has(Field::FirstName) || has(Field::LastName) || !has(Field::Name)) ? NameMode::Person
                                                                             : NameMode::Words);
    active[size_t(Comparison::GivenName)] = mode == NameMode::Person;
    active[size_t(Comparison::FamilyName)] = mode == NameMode::Person;
    active[size_t(Comparison::FullName)] = mode == NameMode::Words;
    active[size_t(Comparison::Email)] = has(Field::Email);
    active[size_t(Comparison::Phone)] = has(Field::Phone);
    active[size_t(Comparison::Dob)] = has(Field::Dob);
    active[size_t(Comparison::Address)] = has(Field::Address);
    active[size_t(Comparison::City)] = has(Field::City);
    active[size_t(Comparison::Postcode)] = has(Field::Postcode);
    const DateOrder order = detectDateOrder(dobs);
    preparer = std::make_unique<RecordPreparer>(options.defaultRegion, mode, order);
    defaults = MatchModel::defaults(active, n);

    // 1. Normalize.
    qint64 lastMark = 0;
    const auto mark = [&](const QString &stage) {
        const qint64 now = timer.nsecsElapsed();
        stats.stageSeconds.append({ stage, double(now - lastMark) / 1e9 });
        lastMark = now;
    };
    progress(control, u"normalizing"_s, 0);
    records.resize(size_t(n));
    std::atomic<qint64> done { 0 };
    std::atomic<bool> cancelled { false };
    parallelChunks(n, 4096, [&](qint64 begin, qint64 end) {
        if (cancelled || control.isCancelled()) {
            cancelled = true;
            return;
        }
        for (qint64 i = begin; i < end; ++i)
            records[size_t(i)] = preparer->prepare(input[i]);
        const qint64 now = done += end - begin;
        progress(control, u"normalizing"_s, double(now) / double(std::max<qint64>(n, 1)));
    });
    if (cancelled)
        return std::unexpected(cancelledError());

    mark(u"normalize"_s);

    // 2. Value frequencies (term-frequency adjustment and exact-level u).
    std::vector<int> comparisons(kComparisonCount);
    std::iota(comparisons.begin(), comparisons.end(), 0);
    QtConcurrent::blockingMap(comparisons, [&](int c) {
        FrequencyTable &t = frequencies[size_t(c)];
        if (!active[size_t(c)])
            return;
        std::vector<quint64> hashes;
        hashes.reserve(size_t(n));
        for (const PreparedRecord &r : records) {
            const QString v = exactValue(r, Comparison(c));
            if (!v.isEmpty())
                hashes.push_back(hs(v, 100 + c));
        }
        std::sort(hashes.begin(), hashes.end());
        t.nonNull = qint64(hashes.size());
        for (size_t i = 0; i < hashes.size();) {
            size_t j = i;
            while (j < hashes.size() && hashes[j] == hashes[i])
                ++j;
            t.counts.emplace_back(hashes[i], quint32(j - i));
            t.sumPairs += double(j - i) * double(j - i - 1);
            i = j;
        }
    });
    recordFrequency.resize(size_t(n));
    parallelChunks(n, 8192, [&](qint64 begin, qint64 end) {
        for (qint64 i = begin; i < end; ++i)
            recordFrequency[size_t(i)] = frequenciesOf(records[size_t(i)]);
    });
    if (control.isCancelled())
        return std::unexpected(cancelledError());

    mark(u"frequencies"_s);

    // 3. Blocking.
    progress(control, u"blocking"_s, 0);
    std::vector<quint64> candidates = candidatePairs(control);
    if (control.isCancelled())
        return std::unexpected(cancelledError());
    stats.candidatePairs = qint64(candidates.size());
    mark(u"block"_s);

    // 4. Learn: u from random pairs, m and λ by EM over the candidate pairs.
    progress(control, u"learning"_s, 0);
    model = MatchModel::defaults(active, n);
    const MatchModel::Table u = estimateU();
    mark(u"sample u"_s);
    std::vector<quint64> vectors(candidates.size());
    parallelChunks(qint64(candidates.size()), 65536, [&](qint64 begin, qint64 end) {
        if (cancelled || control.isCancelled()) {
            cancelled = true;
            return;
        }
        for (qint64 i = begin; i < end; ++i) {
            const quint64 p = candidates[size_t(i)];
            const CompareResult r =
                compare(records[size_t(p >> 32)], records[size_t(p & 0xffffffffu)], active);
            vectors[size_t(i)] = r.levels.packed | (r.phoneValidBoth ? kPhoneValidBit : 0);
        }
    });
    if (cancelled)
        return std::unexpected(cancelledError());
    mark(u"compare"_s);
    {
        QHash<quint64, double> histogram;
        // Enough pairs to learn from; a stride sample keeps EM's cost flat.
        const size_t stride = std::max<size_t>(1, vectors.size() / 2000000);
        for (size_t i = 0; i < vectors.size(); i += stride)
            histogram[vectors[i] & ~kPhoneValidBit] += double(stride);
        std::vector<MatchModel::Pattern> patterns;
        patterns.reserve(size_t(histogram.size()));
        for (auto it = histogram.cbegin(); it != histogram.cend(); ++it)
            patterns.push_back({ it.key(), it.value() });
        std::sort(patterns.begin(), patterns.end(),
                  [](const auto &x, const auto &y) { return x.packed < y.packed; });
        stats.training = model.train(patterns, u, qint64(candidates.size()), n);
    }
    qCDebug(lcIdentity) << "trained on" << candidates.size() << "candidate pairs of" << n
                        << "records;"
                        << "EM iterations" << stats.training.iterations << "λ(candidates)"
                        << stats.training.blockedMatchShare << "prior weight"
                        << model.priorWeight();

    mark(u"EM"_s);

    // 5. Score and decide.
    progress(control, u"scoring"_s, 0);
    std::mutex pairsMutex;
    parallelChunks(qint64(candidates.size()), 65536, [&](qint64 begin, qint64 end) {
        if (cancelled || control.isCancelled()) {
            cancelled = true;
            return;
        }
        std::vector<ScoredPair> local;
        for (qint64 i = begin; i < end; ++i) {
            const quint64 p = candidates[size_t(i)];
            const int a = int(p >> 32);
            const int b = int(p & 0xffffffffu);
            CompareResult compared;
            compared.levels.packed = vectors[size_t(i)] & ~kPhoneValidBit;
            compared.phoneValidBoth = vectors[size_t(i)] & kPhoneValidBit;
            const Scored s = scoreCompared(records[size_t(a)], recordFrequency[size_t(a)],
                                           records[size_t(b)], compared);
            if (s.decision != Decision::Distinct)
                local.push_back({ quint32(a), quint32(b), float(s.weight), s.decision });
        }
        std::lock_guard lock(pairsMutex);
        pairs.insert(pairs.end(), local.begin(), local.end());
    });
    if (cancelled)
        return std::unexpected(cancelledError());
    compared = std::move(candidates);
    std::vector<quint64>().swap(vectors);
    std::sort(pairs.begin(), pairs.end(), [](const ScoredPair &x, const ScoredPair &y) {
        return x.a != y.a ? x.a < y.a : x.b < y.b;
    });

    mark(u"score"_s);

    // 6. Cluster.
    progress(control, u"clustering"_s, 0);
    cluster();
    mark(u"cluster"_s);
    stats.records = n;
    for (const ScoredPair &p : pairs) {
        if (p.decision == Decision::Link)
            ++stats.linkPairs;
        else
            ++stats.reviewPairs;
    }
    stats.seconds = double(timer.nsecsElapsed()) / 1e9;
    progress(control, u"done"_s, 1);
    return {};
}

std::vector<quint64> IdentityIndex::Impl::candidatePairs(const RunControl &control)
{
    const qint64 n = qint64(records.size());
    std::vector<std::vector<KeyEntry>> chunks(size_t((n + 65535) / 65536));
    std::vector<qint64> starts;
    for (qint64 s = 0; s < n; s += 65536)
        starts.push_back(s);
    QtConcurrent::blockingMap(starts, [&](qint64 s) {
        std::vector<KeyEntry> &out = chunks[size_t(s / 65536)];
        QVarLengthArray<quint64, 24> k;
        for (qint64 i = s; i < std::min(n, s + 65536); ++i) {
            k.clear();
            blockingKeys(records[size_t(i)], mode, k);
            std::sort(k.begin(), k.end());
            const auto last = std::unique(k.begin(), k.end());
            for (auto it = k.begin(); it != last; ++it)
                out.push_back({ *it & ~kProbe, records[size_t(i)].sortKey,
                                quint32(i) | ((*it & kProbe) ? kProbeRecord : 0u) });
        }
    });
    keys.clear();
    size_t total = 0;
    for (const auto &c : chunks)
        total += c.size();
    keys.reserve(total);
    for (auto &c : chunks) {
        keys.insert(keys.end(), c.begin(), c.end());
        std::vector<KeyEntry>().swap(c);
    }
    if (keys.size() > 200000) {
        const auto mid = keys.begin() + qsizetype(keys.size() / 2);
        std::vector<std::pair<std::vector<KeyEntry>::iterator, std::vector<KeyEntry>::iterator>>
            halves { { keys.begin(), mid }, { mid, keys.end() } };
        QtConcurrent::blockingMap(halves, [](const auto &h) { std::sort(h.first, h.second); });
        std::inplace_merge(keys.begin(), mid, keys.end());
    } else {
        std::sort(keys.begin(), keys.end());
    }
    if (control.isCancelled())
        return {};
    std::vector<quint64> out;
    out.reserve(size_t(n) * 8);
    const auto addPair = [&out](quint32 x, quint32 y) {
        if ((x & kProbeRecord) && (y & kProbeRecord))
            return; // two probes of one key are not a reason to compare
        x &= ~kProbeRecord;
        y &= ~kProbeRecord;
        if (x != y)
            out.push_back(x < y ? (quint64(x) << 32 | y) : (quint64(y) << 32 | x));
    };
    for (size_t i = 0; i < keys.size();) {
        size_t j = i;
        while (j < keys.size() && keys[j].key == keys[i].key)
            ++j;
        const size_t size = j - i;
        if (size <= size_t(MatchOptions::kBlockCap)) {
            for (size_t p = i; p < j; ++p)
                for (size_t q = p + 1; q < j; ++q)
                    addPair(keys[p].record, keys[q].record);
        } else {
            for (size_t p = i; p < j; ++p)
                for (size_t q = p + 1; q < std::min(j, p + 1 + size_t(MatchOptions::kWindow)); ++q)
                    addPair(keys[p].record, keys[q].record);
        }
        i = j;
    }
    sortUnique(out);
    return out;
}

MatchModel::Table IdentityIndex::Impl::estimateU() const
{
    MatchModel::Table u {};
    const qint64 n = qint64(records.size());
    const double allPairs = double(n) * double(n - 1) / 2;
    std::array<std::array<double, kMaxLevels>, kComparisonCount> counts {};
    auto tally = [&](int a, int b) {
        const ComparisonVector v = compare(records[size_t(a)], records[size_t(b)], active).levels;
        for (int c = 0; c < kComparisonCount; ++c)
            counts[size_t(c)][size_t(v.level(Comparison(c)))] += 1;
    };
    if (n >= 2 && allPairs <= double(MatchOptions::kUSample)) {
        for (int a = 0; a < n; ++a)
            for (int b = a + 1; b < n; ++b)
                tally(a, b);
    } else if (n >= 2) {
        // Deterministic: the same input always gives the same model (one seed
        // per chunk, chunks summed in order).
        constexpr int kChunks = 16;
        std::vector<int> chunkIds(kChunks);
        std::iota(chunkIds.begin(), chunkIds.end(), 0);
        std::vector<std::array<std::array<double, kMaxLevels>, kComparisonCount>> partial(kChunks);
        QtConcurrent::blockingMap(chunkIds, [&](int chunk) {
            std::mt19937_64 rng(20240501 + quint64(chunk));
            std::uniform_int_distribution<qint64> pick(0, n - 1);
            auto &mine = partial[size_t(chunk)];
            for (qint64 s = 0; s < MatchOptions::kUSample / kChunks; ++s) {
                const qint64 a = pick(rng);
                qint64 b = pick(rng);
                if (a == b)
                    b = (b + 1) % n;
                const ComparisonVector v =
                    compare(records[size_t(a)], records[size_t(b)], active).levels;
                for (int c = 0; c < kComparisonCount; ++c)
                    mine[size_t(c)][size_t(v.level(Comparison(c)))] += 1;
            }
        });
        for (const auto &mine : partial)
            for (int c = 0; c < kComparisonCount; ++c)
                for (int l = 0; l < kMaxLevels; ++l)
                    counts[size_t(c)][size_t(l)] += mine[size_t(c)][size_t(l)];
    }
    const MatchModel fallback = MatchModel::defaults(active, n);
    for (int c = 0; c < kComparisonCount; ++c) {
        const int levels = levelCount(Comparison(c));
        const FrequencyTable &t = frequencies[size_t(c)];
        const double nn = double(t.nonNull);
        double uExact = (t.sumPairs + kPriorPairs * fallback.u(Comparison(c), 1))
            / (std::max(nn * (nn - 1), 0.0) + kPriorPairs);
        uExact = std::clamp(uExact, 1e-9, 0.5);
        double rest = 0;
        for (int l = 2; l < levels; ++l)
            rest += counts[size_t(c)][size_t(l)];
        const bool sampled = rest >= 100;
        for (int l = 2; l < levels; ++l) {
            const double share = sampled
                ? (counts[size_t(c)][size_t(l)] + 0.5) / (rest + 0.5 * (levels - 2))
                : fallback.u(Comparison(c), l) / (1 - fallback.u(Comparison(c), 1));
            u[size_t(c)][size_t(l)] = (1 - uExact) * share;
        }
        u[size_t(c)][1] = uExact;
    }
    return u;
}

// Greedy, coherent agglomeration. Strongest pairs first; two groups merge
// only when the merge is coherent: on average every member of one is more
// likely than not the same as every member of the other (average linkage on
// the match weight, whose 0 is p = 0.5), and no cross pair is a clear
// contradiction (different given name / birth date / organisation name and
// more likely different than not). One record that looks like two people
// therefore cannot chain them together, as plain connected components would.
void IdentityIndex::Impl::cluster()
{
    const int n = int(records.size());
    std::vector<int> parent(static_cast<size_t>(n));
    std::iota(parent.begin(), parent.end(), 0);
    std::vector<QList<int>> members(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        members[size_t(i)] = { i };
    const auto find = [&](int x) {
        while (parent[size_t(x)] != x) {
            parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
            x = parent[size_t(x)];
        }
        return x;
    };
    std::vector<size_t> order(pairs.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        const ScoredPair &p = pairs[x];
        const ScoredPair &q = pairs[y];
        if ((p.decision == Decision::Link) != (q.decision == Decision::Link))
            return p.decision == Decision::Link;
        return p.weight > q.weight;
    });
    for (size_t idx : order) {
        const ScoredPair &p = pairs[idx];
        int ra = find(int(p.a));
        int rb = find(int(p.b));
        if (ra == rb)
            continue;
        const QList<int> &A = members[size_t(ra)];
        const QList<int> &B = members[size_t(rb)];
        if (A.size() + B.size() > MatchOptions::kMaxClusterSize)
            continue;
        bool coherent = true;
        double sum = 0;
        for (int x : A) {
            for (int y : B) {
                const Scored s = score(x, y);
                if (s.storedLink) {
                    sum += 60;
                    continue;
                }
                // A cross pair that is two people sharing contact points, or
                // whose given name / birth date / site differs decisively while
                // the pair as a whole is more likely different than not,
                // vetoes the merge however strong the other pairs are.
                if (s.conflict || (s.decisiveContradictions > 0 && s.weight < 0)) {
                    coherent = false;
                    break;
                }
                sum += std::clamp(s.weight, -60.0, 60.0);
            }
            if (!coherent)
                break;
        }
        if (!coherent || sum < 0)
            continue;
        if (A.size() < B.size())
            std::swap(ra, rb);
        members[size_t(ra)] += members[size_t(rb)];
        members[size_t(rb)].clear();
        parent[size_t(rb)] = ra;
    }
    clusterOf.assign(size_t(n), -1);
    clusters.clear();
    for (int i = 0; i < n; ++i) {
        if (clusterOf[size_t(i)] >= 0)
            continue;
        Cluster c;
        c.id = int(clusters.size());
        c.members = members[size_t(find(i))];
        std::sort(c.members.begin(), c.members.end());
        for (int m : std::as_const(c.members))
            clusterOf[size_t(m)] = c.id;
        clusters.append(c);
    }
    // Pairs split by clustering go to review; a cluster is "link" when its
    // link pairs alone connect it.
    std::vector<int> linkParent(static_cast<size_t>(n));
    std::iota(linkParent.begin(), linkParent.end(), 0);
    const auto findLink = [&](int x) {
        while (linkParent[size_t(x)] != x) {
            linkParent[size_t(x)] = linkParent[size_t(linkParent[size_t(x)])];
            x = linkParent[size_t(x)];
        }
        return x;
    };
    for (ScoredPair &p : pairs) {
        if (clusterOf[size_t(p.a)] != clusterOf[size_t(p.b)]) {
            if (p.decision == Decision::Link)
                p.decision = Decision::Candidate;
            ++stats.heldApart;
            continue;
        }
        if (p.decision == Decision::Link)
            linkParent[size_t(findLink(int(p.a)))] = findLink(int(p.b));
    }
    for (Cluster &c : clusters) {
        if (c.members.size() < 2) {
            c.decision = Decision::Distinct;
            continue;
        }
        const int root = findLink(c.members.first());
        const bool allLinked = std::all_of(c.members.begin(), c.members.end(),
                                           [&](int m) { return findLink(m) == root; });
        c.decision = allLinked ? Decision::Link : Decision::Candidate;
    }
    stats.clusters = int(clusters.size());
    stats.duplicateClusters = int(std::count_if(
        clusters.begin(), clusters.end(), [](const Cluster &c) { return c.members.size() > 1; }));
}

QString IdentityIndex::Impl::display(const PreparedRecord &r, Comparison c) const
{
    switch (c) {
    case Comparison::GivenName:
        return r.given;
    case Comparison::FamilyName:
        return r.family;
    case Comparison::FullName:
        return r.nameText;
    case Comparison::Email:
        return r.email.address;
    case Comparison::Phone: {
        QString s = r.phone.e164.isEmpty() ? r.phone.national : r.phone.e164;
        if (!r.phone.extension.isEmpty())
            s += u" x"_s + r.phone.extension;
        return s;
    }
    case Comparison::Dob:
        if (r.dob.ambiguous)
            return u"%1 or %2 (day/month unclear)"_s.arg(
                r.dob.iso(),
                NormalizedDate { r.dob.year, r.dob.altMonth, r.dob.altDay, false, 0, 0 }.iso());
        return r.dob.iso();
    case Comparison::Address:
        return r.address.text;
    case Comparison::City:
        return r.city;
    case Comparison::Postcode:
        return r.postcode;
    }
    return {};
}

PairEvidence IdentityIndex::Impl::evidence(const PreparedRecord &a,
                                           const std::array<float, kComparisonCount> &fa,
                                           const PreparedRecord &b) const
{
    const Scored s = score(a, fa, b);
    PairEvidence e;
    e.idA = a.id;
    e.idB = b.id;
    e.decision = s.decision;
    e.matchWeight = s.storedLink ? std::max(s.weight, 60.0) : s.weight;
    e.priorWeight = model.priorWeight();
    e.probability = s.storedLink ? 1.0 : probabilityFromWeight(s.weight);
    e.storedLink = s.storedLink;
    e.identifierAgrees = s.identifier;
    e.nameOnly = s.nameOnly;
    e.contradiction = s.contradictions > 0;
    e.namesSwapped = s.compared.namesSwapped;
    for (int c = 0; c < kComparisonCount; ++c) {
        const int level = s.compared.levels.level(Comparison(c));
        if (level == 0)
            continue;
        FieldEvidence f;
        f.comparison = Comparison(c);
        f.level = level;
        f.label = levelLabel(Comparison(c), level);
        f.weight = level == 1 ? model.exactWeight(Comparison(c), fa[size_t(c)])
                              : model.levelWeight(Comparison(c), level);
        f.valueA = display(a, Comparison(c));
        f.valueB = display(b, Comparison(c));
        if (e.namesSwapped
            && (Comparison(c) == Comparison::GivenName || Comparison(c) == Comparison::FamilyName))
            f.valueB = Comparison(c) == Comparison::GivenName ? b.family : b.given;
        e.fields.append(f);
    }
    std::stable_sort(
        e.fields.begin(), e.fields.end(),
        [](const FieldEvidence &x, const FieldEvidence &y) { return x.weight > y.weight; });
    // The reason, in words.
    QStringList agree;
    QStringList differ;
    for (const FieldEvidence &f : std::as_const(e.fields)) {
        const QString what = comparisonName(f.comparison) + u" ("_s + f.label + u')';
        (f.agrees() ? agree : differ).append(what);
    }
    const QString odds = u"p = %1, match weight %2 bits"_s.arg(e.probability, 0, 'g', 6)
                             .arg(e.matchWeight, 0, 'f', 1);
    QString reason;
    if (e.storedLink) {
        reason = u"Already linked: both records carry the stored cross-system link %1."_s.arg(
            a.storedLink);
    } else if (e.decision == Decision::Link) {
        reason =
            u"Same %1, and the other fields agree enough that a wrong link is rarer than 1 in 1,000 (%2)."_s
                .arg(s.compared.levels.level(Comparison::Email) == 1 ? u"email address"_s
                                                                     : u"phone number"_s,
                     odds);
    } else if (e.nameOnly && e.decision == Decision::Candidate) {
        reason =
            u"Only the name agrees; a name alone never links, so this is for review (%1)."_s.arg(
                odds);
    } else if (s.identifier && e.contradiction) {
        reason =
            u"Same %1 but a different %2: possibly two people sharing it (family, office); for review (%3)."_s
                .arg(s.compared.levels.level(Comparison::Email) == 1 ? u"email address"_s
                                                                     : u"phone number"_s,
                     s.compared.levels.level(Comparison::GivenName)
                             == differentLevel(Comparison::GivenName)
                         ? u"given name"_s
                         : s.compared.levels.level(Comparison::Dob)
                             == differentLevel(Comparison::Dob)
                         ? u"date of birth"_s
                         : u"name"_s,
                     odds);
    } else if (e.decision == Decision::Candidate && !s.identifier
               && e.probability >= MatchOptions::kLinkProbability) {
        reason = u"Very likely the same, but no email address or phone number is exactly the same, "
                 u"and fuzzy "
                 "evidence only ever makes a candidate for review (%1)."_s.arg(odds);
    } else if (e.decision == Decision::Candidate && s.identifier
               && (!s.personConfirmed || s.personDoubt)) {
        reason = u"Same %1, but the %2 does not confirm it is the same %3; for review (%4)."_s.arg(
            s.compared.levels.level(Comparison::Email) == 1 ? u"email address"_s
                                                            : u"phone number"_s,
            mode == NameMode::Person ? u"given name or birth date"_s : u"name or address"_s,
            mode == NameMode::Person ? u"person"_s : u"site"_s, odds);
    } else if (e.decision == Decision::Candidate) {
        reason =
            u"Likely the same but not certain enough to link without a person (%1)."_s.arg(odds);
    } else {
        reason = u"Probably different (%1)."_s.arg(odds);
    }
    if (!agree.isEmpty())
        reason += u" Agreeing: "_s + agree.join(u", "_s) + u'.';
    if (!differ.isEmpty())
        reason += u" Differing: "_s + differ.join(u", "_s) + u'.';
    if (e.namesSwapped)
        reason += u" First and last name are swapped in one record."_s;
    e.reason = reason;
    return e;
}

int IdentityIndex::size() const
{
    return int(d->records.size());
}

QString IdentityIndex::id(int record) const
{
    return d->records[size_t(record)].id;
}

int IdentityIndex::indexOf(const QString &id) const
{
    return d->byId.value(id, -1);
}

const PreparedRecord &IdentityIndex::prepared(int record) const
{
    return d->records[size_t(record)];
}

const MatchModel &IdentityIndex::model() const
{
    return d->model;
}

NameMode IdentityIndex::nameMode() const
{
    return d->mode;
}

const QList<Cluster> &IdentityIndex::clusters() const
{
    return d->clusters;
}

int IdentityIndex::clusterOf(int record) const
{
    return record >= 0 && size_t(record) < d->clusterOf.size() ? d->clusterOf[size_t(record)] : -1;
}

const std::vector<ScoredPair> &IdentityIndex::scoredPairs() const
{
    return d->pairs;
}

DedupeStats IdentityIndex::stats() const
{
    return d->stats;
}

bool IdentityIndex::wasCompared(int a, int b) const
{
    const quint64 key =
        a < b ? (quint64(quint32(a)) << 32 | quint32(b)) : (quint64(quint32(b)) << 32 | quint32(a));
    return std::binary_search(d->compared.begin(), d->compared.end(), key);
}

PairEvidence IdentityIndex::explain(int a, int b) const
{
    PairEvidence e =
        d->evidence(d->records[size_t(a)], d->recordFrequency[size_t(a)], d->records[size_t(b)]);
    e.a = a;
    e.b = b;
    if (clusterOf(a) >= 0 && clusterOf(b) >= 0 && clusterOf(a) != clusterOf(b)
        && e.decision != Decision::Distinct) {
        e.heldApart = true;
        if (e.decision == Decision::Link && !e.storedLink)
            e.decision = Decision::Candidate;
        e.reason +=
            u" Kept in separate clusters: joining them would put records with conflicting evidence together."_s;
    }
    return e;
}

QJsonObject IdentityIndex::clusterJson(int cluster) const
{
    const Cluster &c = d->clusters.at(cluster);
    QJsonArray ids;
    for (int m : c.members)
        ids.append(id(m));
    QJsonArray evidence;
    for (int i = 0; i < c.members.size(); ++i)
        for (int j = i + 1; j < c.members.size(); ++j)
            evidence.append(explain(c.members[i], c.members[j]).toJson());
    return QJsonObject { { u"cluster"_s, c.id },
                         { u"decision"_s, toString(c.decision) },
                         { u"records"_s, ids },
                         { u"pairs"_s, evidence } };
}

QList<PairEvidence> IdentityIndex::match(const Record &record, int limit) const
{
    const PreparedRecord r = d->preparer->prepare(record);
    const auto fr = d->frequenciesOf(r);
    QVarLengthArray<quint64, 24> keys;
    blockingKeys(r, d->mode, keys);
    QList<quint32> candidates;
    for (quint64 rawKey : keys) {
        const bool probe = rawKey & kProbe;
        const quint64 key = rawKey & ~kProbe;
        const auto lo = std::lower_bound(d->keys.begin(), d->keys.end(), KeyEntry { key, 0, 0 });
        auto hi = lo;
        while (hi != d->keys.end() && hi->key == key)
            ++hi;
        const qsizetype size = hi - lo;
        const auto take = [&](quint32 entry) {
            if (!(probe && (entry & kProbeRecord)))
                candidates.append(entry & ~kProbeRecord);
        };
        if (size <= MatchOptions::kBlockCap) {
            for (auto it = lo; it != hi; ++it)
                take(it->record);
        } else {
            // Same neighbourhood the batch would have compared.
            const auto at = std::lower_bound(lo, hi, KeyEntry { key, r.sortKey, 0 });
            const auto from = at - std::min<qsizetype>(at - lo, MatchOptions::kWindow);
            const auto to = at + std::min<qsizetype>(hi - at, MatchOptions::kWindow);
            for (auto it = from; it != to; ++it)
                take(it->record);
        }
        for (quint32 added : d->addedKeys.value(key))
            take(added);
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    QList<PairEvidence> out;
    for (quint32 c : std::as_const(candidates)) {
        const Scored s = d->score(r, fr, d->records[c]);
        if (s.decision == Decision::Distinct)
            continue;
        PairEvidence e = d->evidence(r, fr, d->records[c]);
        e.a = -1;
        e.b = int(c);
        out.append(e);
    }
    std::sort(out.begin(), out.end(), [](const PairEvidence &x, const PairEvidence &y) {
        if (x.decision != y.decision)
            return int(x.decision) > int(y.decision);
        return x.matchWeight > y.matchWeight;
    });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

Result<int> IdentityIndex::add(const Record &record)
{
    if (d->byId.contains(record.id))
        return fail(ErrorCode::InvalidArgument,
                    u"record id '%1' is already in the index"_s.arg(record.id));
    const int index = int(d->records.size());
    PreparedRecord r = d->preparer->prepare(record);
    for (int c = 0; c < kComparisonCount; ++c) {
        const QString v = d->active[size_t(c)] ? exactValue(r, Comparison(c)) : QString();
        if (v.isEmpty())
            continue;
        FrequencyTable &t = d->frequencies[size_t(c)];
        ++t.added[hs(v, 100 + c)];
        ++t.nonNull;
    }
    QVarLengthArray<quint64, 24> keys;
    blockingKeys(r, d->mode, keys);
    for (quint64 key : keys) {
        QList<quint32> &list = d->addedKeys[key & ~kProbe];
        const quint32 entry = quint32(index) | ((key & kProbe) ? kProbeRecord : 0u);
        if (!list.contains(entry))
            list.append(entry);
    }
    d->recordFrequency.push_back(d->frequenciesOf(r));
    d->byId.insert(r.id, index);
    d->records.push_back(std::move(r));
    d->clusterOf.push_back(-1);
    return index;
}

} // namespace Concord::Identity
