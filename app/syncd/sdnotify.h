#pragma once

#include <QByteArray>

namespace Concord::Syncd {

// sd_notify(3) without libsystemd: one datagram with "READY=1",
// "STOPPING=1", "STATUS=…" lines to the AF_UNIX socket in $NOTIFY_SOCKET
// (a path, or "@name" for the abstract namespace). Type=notify units wait
// for READY=1 before they count as started. Without $NOTIFY_SOCKET (not run
// by systemd) it does nothing and returns false; it never blocks.
bool notifySystemd(const QByteArray &state);

} // namespace Concord::Syncd
