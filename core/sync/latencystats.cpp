#include "sync/latencystats.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Concord::Sync {

std::optional<qint64> percentile(const QList<qint64> &sortedMs, int p)
{
    if (sortedMs.isEmpty())
        return std::nullopt;
    const qint64 n = sortedMs.size();
    const qint64 clamped = std::clamp(p, 0, 100);
    // ⌈p × n / 100⌉ in integers (no floating-point rank errors), at least 1.
    const qint64 rank = std::max<qint64>(1, (clamped * n + 99) / 100);
    return sortedMs.at(qsizetype(std::min(rank, n) - 1));
}

std::optional<qint64> latencyTargetMs(const QString &kind)
{
    const QString k = kind.trimmed().toLower();
    if (k == u"appointment"_s)
        return 60 * 1000;
    if (k == u"payment"_s || k == u"invoice"_s)
        return 5 * 60 * 1000;
    return std::nullopt;
}

LatencySummary summarize(const QString &kind, QList<qint64> latenciesMs)
{
    std::sort(latenciesMs.begin(), latenciesMs.end());
    LatencySummary s;
    s.kind = kind;
    s.count = int(latenciesMs.size());
    s.p50Ms = percentile(latenciesMs, 50).value_or(0);
    s.p95Ms = percentile(latenciesMs, 95).value_or(0);
    s.targetMs = latencyTargetMs(kind).value_or(0);
    s.withinTarget = s.targetMs == 0 || s.count == 0 || s.p95Ms < s.targetMs;
    return s;
}

QList<LatencySummary> summarizeByKind(const QHash<QString, QList<qint64>> &latenciesByKind)
{
    QStringList kinds = latenciesByKind.keys();
    std::sort(kinds.begin(), kinds.end());
    QList<LatencySummary> out;
    for (const QString &kind : std::as_const(kinds)) {
        const QList<qint64> &values = latenciesByKind[kind];
        if (!values.isEmpty())
            out.append(summarize(kind, values));
    }
    return out;
}

} // namespace Concord::Sync
