#pragma once

#include "common/error.h"

#include <QObject>

#include <memory>

class QSocketNotifier;

namespace Concord {

// SIGTERM, SIGINT and SIGHUP as Qt signals, for the programs that run until
// stopped (concord-syncd, `concord-cli sync --watch`).
//
// Why a self-pipe: almost nothing is allowed inside a signal handler (no
// allocation, no locks, no Qt). The handler only write()s the signal's
// number, one byte, to a socket pair; a QSocketNotifier on the other end
// turns it into a Qt signal on the event loop, where stopping is safe.
//
// Contract
// - One instance per process at a time (the handlers are process-wide);
//   install() fails with InvalidArgument when one exists. Destroying it puts
//   the default actions back.
// - Thread affinity: the thread that installed it (its event loop delivers).
// - SIGHUP's default action would kill the process; while installed it is
//   reported as hangup() instead (a service decides what it reloads).
class UnixSignals final : public QObject
{
    Q_OBJECT
public:
    ~UnixSignals() override;

    [[nodiscard]] static Result<std::unique_ptr<UnixSignals>> install(QObject *parent = nullptr);

    // "SIGTERM", "SIGINT", "SIGHUP", for messages.
    [[nodiscard]] static QString name(int signal);

signals:
    // SIGTERM (systemctl stop, kill) or SIGINT (Ctrl+C).
    void stopRequested(int signal);
    void hangup();

private:
    explicit UnixSignals(QObject *parent);
    void readPending();

    int m_fds[2] = {-1, -1};
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Concord
