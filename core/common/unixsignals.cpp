#include "common/unixsignals.h"

#include <QSocketNotifier>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Concord {

namespace {

// The write end, read by the handler (an int store/load is async-signal-safe).
std::atomic<int> g_writeFd{-1};
constexpr int kSignals[] = {SIGTERM, SIGINT, SIGHUP};

extern "C" void onSignal(int signal)
{
    const int saved = errno; // write() may change it under the interrupted code
    const unsigned char byte = static_cast<unsigned char>(signal);
    const int fd = g_writeFd.load(std::memory_order_relaxed);
    if (fd >= 0)
        [[maybe_unused]] const auto written = ::write(fd, &byte, 1);
    errno = saved;
}

} // namespace

UnixSignals::UnixSignals(QObject *parent)
    : QObject(parent)
{
}

Result<std::unique_ptr<UnixSignals>> UnixSignals::install(QObject *parent)
{
    if (g_writeFd.load() >= 0)
        return fail(ErrorCode::InvalidArgument, u"signal handling is already installed"_s);
    std::unique_ptr<UnixSignals> self(new UnixSignals(parent));
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, self->m_fds) != 0)
        return fail(ErrorCode::Internal, u"cannot set up signal handling (socketpair failed)"_s);
    // Never block the handler: a full pipe only drops a repeated signal.
    ::fcntl(self->m_fds[0], F_SETFL, ::fcntl(self->m_fds[0], F_GETFL) | O_NONBLOCK);
    self->m_notifier = new QSocketNotifier(self->m_fds[1], QSocketNotifier::Read, self.get());
    connect(self->m_notifier, &QSocketNotifier::activated, self.get(), &UnixSignals::readPending);
    g_writeFd.store(self->m_fds[0]);
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int s : kSignals)
        ::sigaction(s, &action, nullptr);
    return self;
}

UnixSignals::~UnixSignals()
{
    struct sigaction action {};
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    for (int s : kSignals)
        ::sigaction(s, &action, nullptr);
    g_writeFd.store(-1);
    delete m_notifier;
    for (int fd : m_fds)
        if (fd >= 0)
            ::close(fd);
}

QString UnixSignals::name(int signal)
{
    switch (signal) {
    case SIGTERM:
        return u"SIGTERM"_s;
    case SIGINT:
        return u"SIGINT"_s;
    case SIGHUP:
        return u"SIGHUP"_s;
    default:
        return u"signal %1"_s.arg(signal);
    }
}

void UnixSignals::readPending()
{
    unsigned char byte = 0;
    if (::read(m_fds[1], &byte, 1) != 1)
        return;
    if (byte == SIGHUP)
        emit hangup();
    else
        emit stopRequested(byte);
}

} // namespace Concord
