#pragma once

// Small helpers shared by the benchmark programs (header-only: only
// bench_*.cpp files become executables). No Qt Test here: benchmarks are
// plain programs.

#include "security/secretstore.h"

#include <QByteArray>
#include <QFile>
#include <QMap>
#include <QString>

namespace Concord::Bench {

// An in-memory SecretStore: the token manager's refresh token and client
// secret for emulator runs. Answers with already-finished futures (like the
// environment backend), so it adds no event-loop turns to what is measured.
class MemorySecretStore final : public Security::SecretStore
{
public:
    QMap<QString, QString> values;

    [[nodiscard]] QString backendName() const override { return QStringLiteral("memory"); }

    [[nodiscard]] QFuture<Result<QString>> read(const QString &name) override
    {
        if (!values.contains(name))
            return finishedFuture(Result<QString>(fail(ErrorCode::NotFound, QStringLiteral("not set"))));
        return finishedFuture(Result<QString>(values.value(name)));
    }

    [[nodiscard]] QFuture<Status> write(const QString &name, const QString &value) override
    {
        if (value.isEmpty())
            return finishedFuture(Status(fail(ErrorCode::InvalidArgument, QStringLiteral("empty value"))));
        values.insert(name, value);
        return finishedFuture(Status());
    }

    [[nodiscard]] QFuture<Status> remove(const QString &name) override
    {
        values.remove(name);
        return finishedFuture(Status());
    }
};

// The process's peak resident set (VmHWM) in KiB; -1 when unknown.
inline qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Resets VmHWM to the current RSS (Linux ≥ 4.0: "5" > /proc/self/clear_refs),
// so a second run in the same process reports its own peak. False when the
// kernel refused.
inline bool resetPeakRss()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    if (!clearRefs.open(QIODevice::WriteOnly))
        return false;
    return clearRefs.write("5") == 1;
}

} // namespace Concord::Bench
