#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

// Latency figures for what Concord carried (product.md §6: "Concord measures
// and shows the latency of every change it carries"). Pure functions over the
// sync log's latencies (OperationsRepository::latenciesByKindSince).
namespace Concord::Sync {

// Nearest-rank percentile of an ascending list: the smallest value such
// that at least p % of the values are ≤ it, i.e. the value at rank
// ⌈p/100 × n⌉ (1-based), so it is always a value that was measured (no
// interpolation). p is clamped to [0, 100]; p = 0 gives the minimum.
// nullopt for an empty list. The list must be sorted ascending.
[[nodiscard]] std::optional<qint64> percentile(const QList<qint64> &sortedMs, int p);

// The promise per kind of change (product.md §6), in ms: "appointment"
// 60 000 (under 1 minute); "payment" and "invoice" 300 000 (under 5
// minutes); nullopt for other kinds (no promise made).
[[nodiscard]] std::optional<qint64> latencyTargetMs(const QString &kind);

struct LatencySummary {
    QString kind;              // SyncLogEntry::kind ("appointment", "payment", …; may be empty)
    int count = 0;
    qint64 p50Ms = 0;
    qint64 p95Ms = 0;
    qint64 targetMs = 0;       // 0 = no target for this kind
    // Judged on p95 and strictly ("under 1 minute"); true without a target.
    bool withinTarget = true;
};

// One summary per kind, ordered by kind; kinds without values are left out.
// The lists need not be sorted (they are sorted here).
[[nodiscard]] LatencySummary summarize(const QString &kind, QList<qint64> latenciesMs);
[[nodiscard]] QList<LatencySummary> summarizeByKind(const QHash<QString, QList<qint64>> &latenciesByKind);

} // namespace Concord::Sync
