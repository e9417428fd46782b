#pragma once

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
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
//
// A server-wide API delay (setApiDelayMs) adds the same latency to every
// answer, on top of a plan's own delayMs, so benchmarks can measure a sync
// against a service that is slow to answer (e.g. "150 ms per API call").
// Requests under /__admin/ (the emulators' shared admin prefix: seeding,
// faults, the log) are not delayed: they stand for the test harness, not the
// network.
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

    // Extra real ms before every non-admin answer (and before a planned
    // drop); 0 = none. Negative values count as 0. Applies to requests
    // planned after the call.
    void setApiDelayMs(int ms) { m_apiDelayMs = ms > 0 ? ms : 0; }
    [[nodiscard]] int apiDelayMs() const { return m_apiDelayMs; }

    // Whether a request path belongs to the admin API (never delayed).
    [[nodiscard]] static bool isAdminPath(const QString &path)
    {
        return path == QLatin1String("/__admin") || path.startsWith(QLatin1String("/__admin/"));
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
        int delayMs = plan.delayMs;
        if (m_apiDelayMs > 0 && !isAdminPath(request.url().path()))
            delayMs += m_apiDelayMs;
        if (delayMs > 0)
            QTimer::singleShot(delayMs, this, finish);
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
    int m_apiDelayMs = 0;
};

} // namespace Concord::Sandbox
