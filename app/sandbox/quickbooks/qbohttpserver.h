#pragma once

#include "quickbooks/qboreply.h"

#include <QAbstractHttpServer>

#include <functional>

namespace Concord::Sandbox {

// The HTTP front of the QuickBooks emulator. It subclasses QAbstractHttpServer
// rather than using QHttpServer::route() because every request needs the same
// gateway steps before routing (fault injection, auth, throttling, requestid
// replay) and the emulator needs the socket itself: replies may be delayed (an
// in-flight request holds a concurrency slot) or the connection dropped.
class QboHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    // What to do with one request.
    struct Plan {
        QboReply reply;
        int delayMs = 0;     // write the reply this much later (real ms)
        bool drop = false;   // abort the connection instead of answering
        std::function<void(int status)> done; // called once written (status) or dropped (0)
    };
    using Handler = std::function<Plan(const QHttpServerRequest &request)>;

    explicit QboHttpServer(Handler handler, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};

} // namespace Concord::Sandbox
