#pragma once

#include "common/error.h"
#include "connectors/http/httprequest.h"
#include "connectors/http/httpresponse.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkReply;
QT_END_NAMESPACE

namespace Concord {
class Clock;
}

namespace Concord::Connectors {

// One HTTP request in flight (style.md: one QObject per network request with
// one terminal signal).
//
// Contract
// - Created by HttpExecutor::start(), on the executor's thread (the sync
//   thread), and used only there.
// - finished() is emitted exactly once, always from the event loop, never
//   inside start(): connect to it right after start(). Afterwards the job
//   deletes itself (deleteLater); do not keep the pointer past finished().
// - abort() ends the job early: finished() with ErrorCode::Network, not
//   retryable, "canceled". Destroying the executor aborts its jobs silently.
// - Transport failures (DNS, refused, reset, TLS, the whole-request timeout)
//   are Error{Network}; with StatusHandling::Classify, 401/429/5xx become
//   errors (HttpStatus::classify); every other status is a response.
class HttpJob final : public QObject
{
    Q_OBJECT

public:
    ~HttpJob() override;

    [[nodiscard]] const HttpRequest &request() const { return m_request; }
    [[nodiscard]] bool isFinished() const { return m_finished; }

    void abort();

Q_SIGNALS:
    void finished(const Concord::Result<Concord::Connectors::HttpResponse> &result);

private:
    friend class HttpExecutor;
    HttpJob(HttpRequest request, QNetworkAccessManager *manager, const Clock &clock,
            QByteArray userAgent, QObject *parent);

    void start();
    void failEarly(Error error);
    void onReplyFinished();
    void onTimeout();
    void finish(Result<HttpResponse> result);
    void dropReply();

    HttpRequest m_request;
    QPointer<QNetworkAccessManager> m_manager;
    const Clock &m_clock;
    QByteArray m_userAgent;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    QElapsedTimer m_elapsed;
    bool m_finished = false;
};

} // namespace Concord::Connectors
