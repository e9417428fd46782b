#pragma once

#include "quickbooks/qboreply.h"

#include <QAbstractHttpServer>

#include <functional>

namespace Concord::Sandbox {

// The HTTP front of the HubSpot emulator: like the QuickBooks emulator's
// (every request gets one plan: a reply, a delay, or a dropped connection,
// decided before routing), with Nagle's algorithm off on every connection.
// QHttpServerResponder writes status line, headers and body separately; with
// Nagle on, the body waits for the client's delayed ACK of the headers —
// about 40 ms on Linux loopback per answer, which alone would cap a 5-per-
// second search budget well below its ceiling in time-scaled benchmarks.
class HsHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    struct Plan {
        QboReply reply;
        int delayMs = 0;   // write the reply this much later (real ms)
        bool drop = false; // abort the connection instead of answering
        std::function<void(int status)> done; // once written (status) or dropped (0)
    };
    using Handler = std::function<Plan(const QHttpServerRequest &request)>;

    explicit HsHttpServer(Handler handler, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};

} // namespace Concord::Sandbox
