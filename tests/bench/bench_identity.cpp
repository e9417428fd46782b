// Identity engine benchmark: pairwise precision / recall / F1 on the labelled
// fixtures (README's convention: all pairs inside true clusters vs all pairs
// inside predicted clusters), the wrong-auto-link rate, speed and memory on
// generated data, and incremental match latency. One default configuration
// for every input: nothing below is set per data set except the column map.
//
//   bench_identity                 everything (1,000,000 records takes a while)
//   bench_identity --quick         fixtures + 100,000 records only
//   bench_identity --sizes 20000   generated sizes to time

#include "../support/identitygenerator.h"
#include "benchsupport.h"

#include "identity/columnmap.h"
#include "identity/csvreader.h"
#include "identity/identityindex.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QThreadPool>

#include <cstdio>
#include <set>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Identity;

namespace {

// The fixtures live in ../shared beside the checkout (bench targets get no
// CONCORD_SHARED_DIR); CONCORD_SHARED_DIR in the environment overrides.
QString fixture(const QString &relative)
{
    QString shared = qEnvironmentVariable("CONCORD_SHARED_DIR");
    if (shared.isEmpty())
        shared = QFileInfo(QString::fromUtf8(__FILE__)).absolutePath() + u"/../../../shared"_s;
    return QDir::cleanPath(shared + u"/fixtures/identity/"_s + relative);
}

struct Scores {
    double precision = 0, recall = 0, f1 = 0;
    qint64 tp = 0, predicted = 0, truePairs = 0;
};

Scores pairwise(const std::vector<int> &predicted, const std::vector<QString> &truth)
{
    QHash<int, qint64> predSize;
    QHash<QString, qint64> trueSize;
    QHash<QPair<int, QString>, qint64> both;
    for (size_t i = 0; i < predicted.size(); ++i) {
        ++predSize[predicted[i]];
        ++trueSize[truth[i]];
        ++both[{ predicted[i], truth[i] }];
    }
    auto pairs = [](qint64 k) { return k * (k - 1) / 2; };
    Scores s;
    for (qint64 k : std::as_const(predSize))
        s.predicted += pairs(k);
    for (qint64 k : std::as_const(trueSize))
        s.truePairs += pairs(k);
    for (qint64 k : std::as_const(both))
        s.tp += pairs(k);
    s.precision = s.predicted ? double(s.tp) / double(s.predicted) : 1.0;
    s.recall = s.truePairs ? double(s.tp) / double(s.truePairs) : 1.0;
    s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
    return s;
}

struct LinkCount {
    qint64 links = 0, wrong = 0; // pairs decided "link"
    qint64 clusterLinkPairs = 0, clusterWrong = 0; // all pairs inside clusters decided "link"
};

LinkCount linkErrors(const IdentityIndex &index, const std::vector<QString> &truth)
{
    LinkCount c;
    for (const ScoredPair &p : index.scoredPairs()) {
        if (p.decision != Decision::Link)
            continue;
        ++c.links;
        if (truth[p.a] != truth[p.b])
            ++c.wrong;
    }
    for (const Cluster &cl : index.clusters()) {
        if (cl.decision != Decision::Link)
            continue;
        for (int i = 0; i < cl.members.size(); ++i)
            for (int j = i + 1; j < cl.members.size(); ++j) {
                ++c.clusterLinkPairs;
                if (truth[size_t(cl.members[i])] != truth[size_t(cl.members[j])])
                    ++c.clusterWrong;
            }
    }
    return c;
}

LinkCount g_totalLinks;

void printf2(const QString &s)
{
    std::fputs(s.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

struct Dataset {
    QString name;
    QString file;
    QString map;
    QString truthColumn;
    std::function<QString(const QString &)> truthOf; // from the truth column's value
};

std::unique_ptr<IdentityIndex> runDataset(const Dataset &ds, std::vector<QString> *truthOut)
{
    auto table = CsvReader::readFile(fixture(ds.file));
    if (!table) {
        printf2(u"%1: %2\n"_s.arg(ds.name, table.error().message));
        return {};
    }
    auto map = ColumnMap::parse(ds.map);
    auto records = map ? map->records(*table) : Result<QList<Record>>(std::unexpected(map.error()));
    if (!records) {
        printf2(u"%1: %2\n"_s.arg(ds.name, records.error().message));
        return {};
    }
    const int truthCol = table->columnIndex(ds.truthColumn);
    std::vector<QString> truth;
    for (const QStringList &row : table->rows)
        truth.push_back(ds.truthOf(row[truthCol].trimmed()));
    QElapsedTimer t;
    t.start();
    auto index = IdentityIndex::build(*records);
    if (!index) {
        printf2(u"%1: %2\n"_s.arg(ds.name, index.error().message));
        return {};
    }
    std::vector<int> predicted;
    for (int i = 0; i < (*index)->size(); ++i)
        predicted.push_back((*index)->clusterOf(i));
    const Scores s = pairwise(predicted, truth);
    const LinkCount l = linkErrors(**index, truth);
    g_totalLinks.links += l.links;
    g_totalLinks.wrong += l.wrong;
    g_totalLinks.clusterLinkPairs += l.clusterLinkPairs;
    g_totalLinks.clusterWrong += l.clusterWrong;
    const DedupeStats st = (*index)->stats();
    printf2(u"%1\n  records %2, compared pairs %3, clusters %4 (%5 with duplicates), %6 s\n"
            "  pairwise: precision %7  recall %8  F1 %9   (TP %10, predicted %11, true %12)\n"_s
                .arg(ds.name)
                .arg(st.records)
                .arg(st.candidatePairs)
                .arg(st.clusters)
                .arg(st.duplicateClusters)
                .arg(double(t.nsecsElapsed()) / 1e9, 0, 'f', 2)
                .arg(s.precision, 0, 'f', 4)
                .arg(s.recall, 0, 'f', 4)
                .arg(s.f1, 0, 'f', 4)
                .arg(s.tp)
                .arg(s.predicted)
                .arg(s.truePairs));
    printf2(
        u"  decisions: %1 link pairs (%2 wrong), %3 review pairs, %4 held apart by clustering; "
        "pairs inside link clusters %5 (%6 wrong)\n  model: λ %7, prior weight %8 bits, EM %9 iterations%10\n"_s
            .arg(l.links)
            .arg(l.wrong)
            .arg(st.reviewPairs)
            .arg(st.heldApart)
            .arg(l.clusterLinkPairs)
            .arg(l.clusterWrong)
            .arg((*index)->model().lambda(), 0, 'g', 3)
            .arg((*index)->model().priorWeight(), 0, 'f', 1)
            .arg(st.training.iterations)
            .arg(st.training.converged ? QString() : u" (not converged)"_s));
    // Blocking recall: true pairs that were compared at all.
    {
        QHash<QString, QList<int>> groups;
        for (size_t i = 0; i < truth.size(); ++i)
            groups[truth[i]].append(int(i));
        qint64 total = 0, compared = 0;
        QList<QPair<int, int>> missed;
        for (const QList<int> &g : std::as_const(groups))
            for (int i = 0; i < g.size(); ++i)
                for (int j = i + 1; j < g.size(); ++j) {
                    ++total;
                    if ((*index)->wasCompared(g[i], g[j]))
                        ++compared;
                    else
                        missed.append({ g[i], g[j] });
                }
        printf2(u"  blocking recall: %1 of %2 true pairs compared (%3)\n"_s.arg(compared)
                    .arg(total)
                    .arg(double(compared) / double(std::max<qint64>(total, 1)), 0, 'f', 4));
        const QString debug = qEnvironmentVariable("CONCORD_BENCH_DEBUG");
        if (!debug.isEmpty() && ds.name.contains(debug)) {
            const QJsonObject comparisons =
                (*index)->model().toJson().value(u"comparisons"_s).toObject();
            for (auto it = comparisons.begin(); it != comparisons.end(); ++it) {
                QStringList levels;
                for (const QJsonValue &v : it.value().toArray()) {
                    const QJsonObject o = v.toObject();
                    levels.append(u"%1 m=%2 u=%3 w=%4"_s.arg(o.value(u"level"_s).toString())
                                      .arg(o.value(u"m"_s).toDouble(), 0, 'g', 3)
                                      .arg(o.value(u"u"_s).toDouble(), 0, 'g', 3)
                                      .arg(o.value(u"weight"_s).toDouble(), 0, 'f', 1));
                }
                printf2(u"    %1: %2\n"_s.arg(it.key(), levels.join(u"; "_s)));
            }
            QMap<QString, int> missedBy;
            for (const auto &m : std::as_const(missed)) {
                const PairEvidence e = (*index)->explain(m.first, m.second);
                QStringList parts;
                for (const FieldEvidence &f : e.fields)
                    parts.append(comparisonKey(f.comparison) + u'=' + f.label);
                parts.sort();
                ++missedBy[parts.join(u", "_s)];
            }
            for (auto it = missedBy.cbegin(); it != missedBy.cend(); ++it)
                printf2(u"    not compared, with %1: %2\n"_s.arg(it.key()).arg(it.value()));
            int shown = 0;
            for (const auto &m : std::as_const(missed)) {
                if (shown++ >= 10)
                    break;
                const PairEvidence e = (*index)->explain(m.first, m.second);
                printf2(u"    NOT COMPARED %1 | %2: %3\n"_s.arg(e.idA, e.idB, e.reason));
            }
            shown = 0;
            for (const QList<int> &g : std::as_const(groups))
                for (int i = 0; i < g.size(); ++i)
                    for (int j = i + 1; j < g.size(); ++j) {
                        if ((*index)->clusterOf(g[i]) == (*index)->clusterOf(g[j])
                            || !(*index)->wasCompared(g[i], g[j]))
                            continue;
                        {
                            const PairEvidence e = (*index)->explain(g[i], g[j]);
                            QStringList parts;
                            for (const FieldEvidence &f : e.fields)
                                parts.append(comparisonKey(f.comparison) + u'=' + f.label);
                            parts.sort();
                            printf2(u"    missed-category %1 [%2 %3]\n"_s.arg(
                                parts.join(u", "_s), toString(e.decision),
                                e.heldApart ? u"held"_s : u""_s));
                        }
                        if (shown++ >= 25)
                            continue;
                        const PairEvidence e = (*index)->explain(g[i], g[j]);
                        printf2(u"    MISSED %1 | %2 [%3]: %4\n"_s.arg(
                            e.idA, e.idB, toString(e.decision), e.reason));
                    }
            shown = 0;
            QMap<QString, int> wrongBy;
            for (const Cluster &c : (*index)->clusters())
                for (int i = 0; i < c.members.size(); ++i)
                    for (int j = i + 1; j < c.members.size(); ++j) {
                        if (truth[size_t(c.members[i])] == truth[size_t(c.members[j])])
                            continue;
                        const PairEvidence e = (*index)->explain(c.members[i], c.members[j]);
                        QStringList parts;
                        for (const FieldEvidence &f : e.fields)
                            parts.append(comparisonKey(f.comparison) + u'=' + f.label);
                        parts.sort();
                        ++wrongBy[parts.join(u", "_s)];
                    }
            for (auto it = wrongBy.cbegin(); it != wrongBy.cend(); ++it)
                printf2(u"    wrong pairs with %1: %2\n"_s.arg(it.key()).arg(it.value()));
            for (const Cluster &c : (*index)->clusters())
                for (int i = 0; i < c.members.size(); ++i)
                    for (int j = i + 1; j < c.members.size(); ++j) {
                        if (truth[size_t(c.members[i])] == truth[size_t(c.members[j])])
                            continue;
                        if (shown++ >= 25)
                            continue;
                        const PairEvidence e = (*index)->explain(c.members[i], c.members[j]);
                        printf2(u"    WRONG %1 | %2 [%3]: %4\n"_s.arg(
                            e.idA, e.idB, toString(e.decision), e.reason));
                    }
        }
    }
    if (truthOut)
        *truthOut = truth;
    return std::move(*index);
}

void splinkLabels(const IdentityIndex &index)
{
    auto labels = CsvReader::readFile(fixture(u"splink/fake_1000_labels.csv"_s));
    if (!labels)
        return;
    const int l = labels->columnIndex(u"unique_id_l"_s);
    const int r = labels->columnIndex(u"unique_id_r"_s);
    const int score = labels->columnIndex(u"clerical_match_score"_s);
    qint64 tp = 0, fp = 0, fn = 0;
    for (const QStringList &row : labels->rows) {
        const int a = index.indexOf(row[l]);
        const int b = index.indexOf(row[r]);
        const bool truth = row[score].toDouble() >= 0.5;
        const bool predicted = index.clusterOf(a) == index.clusterOf(b);
        tp += truth && predicted;
        fp += !truth && predicted;
        fn += truth && !predicted;
    }
    const double p = double(tp) / double(std::max<qint64>(tp + fp, 1));
    const double rc = double(tp) / double(std::max<qint64>(tp + fn, 1));
    printf2(
        u"  against fake_1000_labels.csv (%1 labelled pairs, Splink tutorial's yardstick): precision %2  recall %3  F1 %4\n"_s
            .arg(labels->rows.size())
            .arg(p, 0, 'f', 4)
            .arg(rc, 0, 'f', 4)
            .arg(2 * p * rc / std::max(p + rc, 1e-9), 0, 'f', 4));
}

void accuracy()
{
    const auto same = [](const QString &v) { return v; };
    const auto febrlTruth = [](const QString &v) {
        return v.section(u'-', 1, 1);
    }; // rec-N-org / rec-N-dup-k
    const QString febrlMap = u"id=rec_id,first_name=given_name,last_name=surname,dob=date_of_birth,"
                             u"address=street_number+address_1,"
                             "city=suburb,postcode=postcode"_s;
    printf2(
        u"== Accuracy (default configuration; link p ≥ %1 with an exact identifier, review p ≥ %2) ==\n"_s
            .arg(MatchOptions::kLinkProbability)
            .arg(MatchOptions::kCandidateProbability));
    std::vector<QString> truth;
    auto splink = runDataset(
        { u"splink/fake_1000.csv"_s, u"splink/fake_1000.csv"_s,
          u"id=unique_id,first_name=first_name,last_name=surname,dob=dob,city=city,email=email"_s,
          u"cluster"_s, same },
        &truth);
    if (splink)
        splinkLabels(*splink);
    runDataset(
        { u"febrl/dataset2.csv"_s, u"febrl/dataset2.csv"_s, febrlMap, u"rec_id"_s, febrlTruth },
        nullptr);
    runDataset(
        { u"dedupe-csv-example (Chicago early-childhood sites)"_s,
          u"dedupe-csv-example/csv_example_input_with_true_ids.csv"_s,
          u"id=Id,name=Site name,address=Address,postcode=Zip,phone=Phone,email=Email Address"_s,
          u"True Id"_s, same },
        nullptr);
    printf2(u"-- held out (never used while building the matcher) --\n"_s);
    runDataset(
        { u"febrl/dataset1.csv"_s, u"febrl/dataset1.csv"_s, febrlMap, u"rec_id"_s, febrlTruth },
        nullptr);
}

void generatedAccuracy(int count, quint64 seed)
{
    const Test::GeneratedPeople g = Test::generatePeople(count, seed);
    auto index = IdentityIndex::build(g.records);
    if (!index)
        return;
    std::vector<int> predicted;
    std::vector<QString> truth;
    for (int i = 0; i < (*index)->size(); ++i) {
        predicted.push_back((*index)->clusterOf(i));
        truth.push_back(QString::number(g.truth[size_t(i)]));
    }
    const Scores s = pairwise(predicted, truth);
    const LinkCount l = linkErrors(**index, truth);
    if (qEnvironmentVariableIsSet("CONCORD_BENCH_DEBUG_LINKS")) {
        int shown = 0;
        for (const ScoredPair &p : (*index)->scoredPairs()) {
            if (p.decision != Decision::Link || truth[p.a] == truth[p.b] || shown++ > 12)
                continue;
            const PairEvidence e = (*index)->explain(int(p.a), int(p.b));
            printf2(u"    WRONG LINK %1 | %2: %3\n"_s.arg(e.idA, e.idB, e.reason));
            for (int r : { int(p.a), int(p.b) }) {
                const Record &rec = g.records[r];
                QStringList v;
                for (const QString &x : rec.values)
                    v.append(x);
                printf2(u"        %1\n"_s.arg(v.join(u" | "_s)));
            }
        }
    }
    g_totalLinks.links += l.links;
    g_totalLinks.wrong += l.wrong;
    g_totalLinks.clusterLinkPairs += l.clusterLinkPairs;
    g_totalLinks.clusterWrong += l.clusterWrong;
    printf2(
        u"generated %1 records (seed %2, %3 people, households included)\n"
        "  pairwise: precision %4  recall %5  F1 %6; %7 link pairs (%8 wrong), pairs inside link clusters %9 (%10 wrong)\n"_s
            .arg(count)
            .arg(seed)
            .arg(g.people)
            .arg(s.precision, 0, 'f', 4)
            .arg(s.recall, 0, 'f', 4)
            .arg(s.f1, 0, 'f', 4)
            .arg(l.links)
            .arg(l.wrong)
            .arg(l.clusterLinkPairs)
            .arg(l.clusterWrong));
}

void speed(int count)
{
    Bench::resetPeakRss();
    const qint64 before = Bench::peakRssKiB();
    Test::GeneratedPeople g = Test::generatePeople(count, 7);
    QElapsedTimer t;
    t.start();
    auto index = IdentityIndex::build(g.records);
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    if (!index)
        return;
    const qint64 peak = Bench::peakRssKiB();
    std::vector<int> predicted;
    std::vector<QString> truth;
    for (int i = 0; i < (*index)->size(); ++i) {
        predicted.push_back((*index)->clusterOf(i));
        truth.push_back(QString::number(g.truth[size_t(i)]));
    }
    const Scores s = pairwise(predicted, truth);
    const LinkCount l = linkErrors(**index, truth);
    const DedupeStats st = (*index)->stats();
    printf2(u"%1 records: %2 s on %3 threads, peak RSS %4 MiB (before %5 MiB, input included); "
            u"compared pairs %6 "
            "(%7 per record); F1 %8 (P %9, R %10); link pairs %11 (%12 wrong)\n"_s.arg(count)
                .arg(seconds, 0, 'f', 2)
                .arg(QThreadPool::globalInstance()->maxThreadCount())
                .arg(peak / 1024)
                .arg(before / 1024)
                .arg(st.candidatePairs)
                .arg(double(st.candidatePairs) / count, 0, 'f', 1)
                .arg(s.f1, 0, 'f', 4)
                .arg(s.precision, 0, 'f', 4)
                .arg(s.recall, 0, 'f', 4)
                .arg(l.links)
                .arg(l.wrong));

    QStringList stages;
    for (const auto &s : st.stageSeconds)
        stages.append(u"%1 %2 s"_s.arg(s.first).arg(s.second, 0, 'f', 2));
    printf2(u"  stages: %1\n"_s.arg(stages.join(u", "_s)));
    if (count == 100000) {
        // Incremental: new bookings' attendees against the built index.
        const Test::GeneratedPeople fresh = Test::generatePeople(2000, 99);
        std::vector<double> micros;
        int found = 0;
        for (int i = 0; i < fresh.records.size(); ++i) {
            // Half are returning customers: a record of the index, re-typed.
            Record r = i % 2 == 0 ? g.records[(i * 37) % g.records.size()] : fresh.records[i];
            r.id = u"new-%1"_s.arg(i);
            QElapsedTimer m;
            m.start();
            const QList<PairEvidence> hits = (*index)->match(r, 5);
            micros.push_back(double(m.nsecsElapsed()) / 1000.0);
            found += hits.isEmpty() ? 0 : 1;
        }
        std::sort(micros.begin(), micros.end());
        double sum = 0;
        for (double v : micros)
            sum += v;
        printf2(u"incremental match against %1 records: mean %2 ms, median %3 ms, p99 %4 ms, max "
                u"%5 ms (%6 of %7 "
                "queries found someone)\n"_s.arg(count)
                    .arg(sum / double(micros.size()) / 1000.0, 0, 'f', 3)
                    .arg(micros[micros.size() / 2] / 1000.0, 0, 'f', 3)
                    .arg(micros[micros.size() * 99 / 100] / 1000.0, 0, 'f', 3)
                    .arg(micros.back() / 1000.0, 0, 'f', 3)
                    .arg(found)
                    .arg(micros.size()));
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QList<int> sizes { 100000, 1000000 };
    if (args.contains(u"--quick"_s))
        sizes = { 100000 };
    if (const qsizetype at = args.indexOf(u"--sizes"_s); at >= 0 && at + 1 < args.size()) {
        sizes.clear();
        for (const QString &s : args[at + 1].split(u','))
            sizes.append(s.toInt());
    }
    const bool onlySpeed = args.contains(u"--speed-only"_s);
    if (const qsizetype at = args.indexOf(u"--generated"_s); at >= 0 && at + 1 < args.size()) {
        generatedAccuracy(args[at + 1].section(u',', 0, 0).toInt(),
                          args[at + 1].section(u',', 1, 1).toULongLong());
        return 0;
    }
    if (!onlySpeed) {
        accuracy();
        printf2(u"-- generated (held out: a different seed from the tests') --\n"_s);
        generatedAccuracy(20000, 4242);
        printf2(
            u"wrong auto-links over all of the above: %1 of %2 link pairs (%3); pairs inside link clusters: %4 of %5\n\n"_s
                .arg(g_totalLinks.wrong)
                .arg(g_totalLinks.links)
                .arg(g_totalLinks.links ? double(g_totalLinks.wrong) / double(g_totalLinks.links)
                                        : 0.0,
                     0, 'g', 3)
                .arg(g_totalLinks.clusterWrong)
                .arg(g_totalLinks.clusterLinkPairs));
    }
    printf2(u"== Speed and memory (generated data, seed 7) ==\n"_s);
    for (int n : sizes)
        speed(n);
    return 0;
}
