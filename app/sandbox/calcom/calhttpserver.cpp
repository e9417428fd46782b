#include "calcom/calhttpserver.h"

#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace Concord::Sandbox {

CalHttpServer::CalHttpServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{
}

bool CalHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Plan plan = m_handler(request);
    QPointer<QTcpSocket> guard(socket);
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    auto finish = [guard, responder, plan]() {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState) {
            if (plan.done)
                plan.done(0);
            return;
        }
        if (plan.drop) {
            guard->abort();
            if (plan.done)
                plan.done(0);
            return;
        }
        const CalReply &r = plan.reply;
        responder->writeStatusLine(QHttpServerResponder::StatusCode(r.status));
        responder->writeHeader("Content-Type", r.contentType);
        for (const auto &h : r.headers)
            responder->writeHeader(h.first, h.second);
        responder->writeHeader("Content-Length", QByteArray::number(r.body.size()));
        responder->writeBody(r.body);
        if (plan.done)
            plan.done(r.status);
    };
    if (plan.delayMs > 0)
        QTimer::singleShot(plan.delayMs, this, finish);
    else
        finish();
    return true;
}

void CalHttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // Never reached: handleRequest answers every request.
}

} // namespace Concord::Sandbox
