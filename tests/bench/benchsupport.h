#pragma once

// Small helpers shared by the benchmark programs (header-only: only
// bench_*.cpp files become executables). No Qt Test here: benchmarks are
// plain programs.

#include "security/secretstore.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QMetaObject>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

#include <unistd.h>

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

// Runs `f` on the thread of `target` (an emulator or observer moved to its
// own thread) and returns when it is done.
template<typename F>
void runOn(QObject *target, F &&f)
{
    QMetaObject::invokeMethod(target, std::forward<F>(f), Qt::BlockingQueuedConnection);
}

// Runs this thread's event loop until `done` or `timeoutMs`; whether `done`
// held. Benchmarks are programs, not tests: a loop here is how the main
// thread keeps serving its sockets and timers while it waits.
inline bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() >= timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return true;
}

// CPU time another process has used, in ms (utime + stime, plus the
// children it has reaped when `withReapedChildren`: PostgreSQL's exited
// backends); nullopt when it is gone.
inline std::optional<qint64> processCpuMs(qint64 pid, bool withReapedChildren = false)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray line = stat.readAll();
    // The command name may hold spaces: fields count from after its ')'.
    const QList<QByteArray> f = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (f.size() < 15)
        return std::nullopt;
    // f[0] is field 3 (state): utime 14, stime 15, cutime 16, cstime 17.
    qint64 ticks = f.at(11).toLongLong() + f.at(12).toLongLong();
    if (withReapedChildren)
        ticks += f.at(13).toLongLong() + f.at(14).toLongLong();
    const long hz = sysconf(_SC_CLK_TCK);
    return hz > 0 ? ticks * 1000 / hz : ticks * 10;
}

// The pids whose parent is `parent` (a PostgreSQL postmaster's backends).
inline QList<qint64> childPids(qint64 parent)
{
    QList<qint64> out;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/") + entry + QStringLiteral("/stat"));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const QList<QByteArray> f = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (f.size() > 1 && f.at(1).toLongLong() == parent)
            out << pid;
    }
    return out;
}

// Peak resident set (VmHWM) of another process in KiB; -1 when unknown.
inline qint64 peakRssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace Concord::Bench
