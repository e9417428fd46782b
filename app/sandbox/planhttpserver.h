#pragma once

#include <QAbstractHttpServer>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>
#include <memory>

namespace Concord::Sandbox {

// The HTTP front every emulator shares. It subclasses QAbstractHttpServer
// rather than using QHttpServer::route() because every request needs the same
// gateway steps before routing (fault injection, auth, throttling, replay),
// and the emulator needs the socket itself: a reply may be delayed (an
// in-flight request holds a concurrency slot) or the connection dropped.
//
// `Reply` is the emulator's decided answer: status, contentType, body and
// extraHeaders (each service has its own default Content-Type).
//
// Nagle's algorithm is off on every connection: QHttpServerResponder writes
// status line, headers and body separately, and with Nagle on the body waits
// for the client's delayed ACK of the headers — about 40 ms per answer on
// Linux loopback, which would cap time-scaled benchmarks far below a
// service's rate limit.
template<typename Reply>
class PlanHttpServer : public QAbstractHttpServer
{
public:
    // What to do with one request.
    struct Plan {
        Reply reply;
        int delayMs = 0;   // write the reply this much later (real ms)
        bool drop = false; // abort the connection instead of answering
        std::function<void(int status)> done; // called once written (status) or dropped (0)
    };
    using Handler = std::function<Plan(const QHttpServerRequest &request)>;

    struct Options {
        // HubSpot sends no Content-Type on an empty body (204, DELETE).
        bool contentTypeOnlyWithBody = false;
    };

    explicit PlanHttpServer(Handler handler, QObject *parent = nullptr, Options options = {})
        : QAbstractHttpServer(parent), m_handler(std::move(handler)), m_options(options)
    {
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        Plan plan = m_handler(request);
        QPointer<QTcpSocket> guard(socket);
        auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
        auto finish = [guard, responder, plan, options = m_options]() {
            if (!guard || guard->state() != QAbstractSocket::ConnectedState) {
                if (plan.done)
                    plan.done(0); // the client went away; nothing to write
                return;
            }
            if (plan.drop) {
                guard->abort();
                if (plan.done)
                    plan.done(0);
                return;
            }
            const Reply &r = plan.reply;
            responder->writeStatusLine(QHttpServerResponder::StatusCode(r.status));
            if (!options.contentTypeOnlyWithBody || !r.body.isEmpty())
                responder->writeHeader("Content-Type", r.contentType);
            for (const auto &h : r.extraHeaders)
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

    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override
    {
        // Never reached: handleRequest answers every request.
    }

private:
    Handler m_handler;
    Options m_options;
};

} // namespace Concord::Sandbox
