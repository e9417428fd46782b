#pragma once

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QList>
#include <QPair>

#include <functional>

namespace Concord::Sandbox {

// One HTTP answer the Cal.com emulator has decided on, before it is written.
struct CalReply {
    int status = 200;
    QByteArray contentType = "application/json; charset=utf-8";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

// The HTTP front of the Cal.com emulator: every request goes through one
// handler (gateway steps before routing: faults, auth, throttle), and a reply
// may be delayed or the connection dropped — which QHttpServer::route()
// cannot do, hence QAbstractHttpServer.
class CalHttpServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    struct Plan {
        CalReply reply;
        int delayMs = 0; // real ms before the reply is written
        bool drop = false; // abort the connection instead of answering
        std::function<void(int status)> done; // once written (status) or dropped (0)
    };
    using Handler = std::function<Plan(const QHttpServerRequest &request)>;

    explicit CalHttpServer(Handler handler, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};

} // namespace Concord::Sandbox
