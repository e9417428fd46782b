#include "clicontext.h"
#include "commands.h"

#include "identity/columnmap.h"
#include "identity/csvreader.h"
#include "identity/identityindex.h"

#include <QCommandLineOption>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;
using namespace Concord::Identity;

namespace Concord::Cli {

namespace {

// RFC 4180 quoting for what we write back (ids come from the user's file).
QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n')
        && !value.contains(u'\r') && value.trimmed() == value)
        return value;
    QString quoted = value;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

Status writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return fail(ErrorCode::Storage, u"cannot write %1: %2"_s.arg(path, file.errorString()));
    return {};
}

QByteArray clustersCsv(const IdentityIndex &index)
{
    QByteArray out = "id,cluster_id\r\n";
    out.reserve(index.size() * 16);
    for (int i = 0; i < index.size(); ++i) {
        // Clusters are numbered from 1 in order of their first record.
        out += csvField(index.id(i)).toUtf8() + ',' + QByteArray::number(index.clusterOf(i) + 1)
            + "\r\n";
    }
    return out;
}

// Every pair decided "link" or "candidate", with its evidence: what a person
// (or the merge workflow) reviews.
QByteArray pairsCsv(const IdentityIndex &index)
{
    QByteArray out = "id_a,id_b,cluster_a,cluster_b,decision,probability,match_weight,agreeing,"
                     "differing,reason\r\n";
    for (const ScoredPair &p : index.scoredPairs()) {
        const PairEvidence e = index.explain(int(p.a), int(p.b));
        QStringList agreeing;
        QStringList differing;
        for (const FieldEvidence &f : e.fields)
            (f.agrees() ? agreeing : differing)
                .append(comparisonKey(f.comparison) + u':' + f.label);
        const QStringList row { csvField(e.idA),
                                csvField(e.idB),
                                QString::number(index.clusterOf(e.a) + 1),
                                QString::number(index.clusterOf(e.b) + 1),
                                toString(e.decision),
                                QString::number(e.probability, 'g', 6),
                                QString::number(e.matchWeight, 'f', 2),
                                csvField(agreeing.join(u';')),
                                csvField(differing.join(u';')),
                                csvField(e.reason) };
        out += row.join(u',').toUtf8() + "\r\n";
    }
    return out;
}

} // namespace

int runDedupe(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(
        u"input"_s, u"The CSV export to deduplicate (UTF-8, RFC 4180)."_s, u"file"_s));
    parser.addOption(
        QCommandLineOption(u"map"_s,
                           u"Which columns hold what: field=COLUMN,… with fields id, first_name, "
                           u"last_name, name, email, phone, dob, "
                           "address, city, postcode (and link: a stored cross-system link). Join "
                           "columns with '+', e.g. "
                           "address=street_number+street. Unmapped columns are ignored."_s,
                           u"spec"_s));
    parser.addOption(QCommandLineOption(
        u"output"_s, u"Where to write id,cluster_id (one row per input row)."_s, u"file"_s));
    parser.addOption(QCommandLineOption(
        u"pairs"_s, u"Also write every link and candidate pair with its evidence."_s, u"file"_s));
    parser.addOption(QCommandLineOption(
        u"json"_s, u"Print a JSON summary (records, candidate pairs, clusters, seconds)."_s));
    if (int rc = parseSubcommand(
            parser, args,
            u"Finds the records of one person (or organisation) in a CSV export and writes the "
            "clusters. Phone numbers without a country code use [sync] default_region."_s);
        rc >= 0) {
        return rc;
    }
    const QString usage = u"usage: concord-cli dedupe --input F.csv --map "
                          u"id=COL,first_name=COL,last_name=COL,… --output clusters.csv "
                          "[--pairs pairs.csv] [--json]"_s;
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"dedupe takes no positional arguments; "_s + usage);
    for (const QString &required : { u"input"_s, u"map"_s, u"output"_s }) {
        if (parser.value(required).isEmpty())
            return usageError(u"--%1 is missing; "_s.arg(required) + usage);
    }
    auto config = loadConfig(parser);
    if (!config)
        return reportError(config.error());
    auto map = ColumnMap::parse(parser.value(u"map"_s));
    if (!map)
        return reportError(map.error());
    const QString input = parser.value(u"input"_s);
    auto table = CsvReader::readFile(input);
    if (!table)
        return reportError(table.error());
    auto records = map->records(*table);
    if (!records) {
        Error e = records.error();
        e.message = input + u": "_s + e.message;
        return reportError(e);
    }
    MatchOptions options;
    options.defaultRegion = config->defaultRegion;
    auto index = IdentityIndex::build(*records, options);
    if (!index)
        return reportError(index.error());
    const IdentityIndex &result = **index;
    if (auto ok = writeFile(parser.value(u"output"_s), clustersCsv(result)); !ok)
        return reportError(ok.error());
    if (!parser.value(u"pairs"_s).isEmpty()) {
        if (auto ok = writeFile(parser.value(u"pairs"_s), pairsCsv(result)); !ok)
            return reportError(ok.error());
    }
    const DedupeStats stats = result.stats();
    if (parser.isSet(u"json"_s)) {
        const QJsonObject summary {
            { u"records"_s, stats.records },
            { u"candidatePairs"_s, stats.candidatePairs },
            { u"clusters"_s, stats.clusters },
            { u"duplicateClusters"_s, stats.duplicateClusters },
            { u"linkPairs"_s, stats.linkPairs },
            { u"reviewPairs"_s, stats.reviewPairs },
            { u"seconds"_s, std::round(stats.seconds * 1000) / 1000 },
            { u"output"_s, parser.value(u"output"_s) },
        };
        out(QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Indented)));
    } else {
        out(u"%1 records, %2 pairs compared: %3 clusters (%4 with duplicates; %5 link pairs, %6 "
            u"for review) in %7 s "
            "→ %8\n"_s.arg(stats.records)
                .arg(stats.candidatePairs)
                .arg(stats.clusters)
                .arg(stats.duplicateClusters)
                .arg(stats.linkPairs)
                .arg(stats.reviewPairs)
                .arg(stats.seconds, 0, 'f', 2)
                .arg(parser.value(u"output"_s)));
    }
    return ExitOk;
}

} // namespace Concord::Cli
