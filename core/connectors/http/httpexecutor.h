#pragma once

#include "common/error.h"
#include "connectors/http/httpjob.h"
#include "connectors/http/httprequest.h"

#include <QObject>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace Concord {
class Clock;
}

namespace Concord::Connectors {

// Sends HttpRequests through one QNetworkAccessManager: the shared transport
// of every connector.
//
// Contract
// - Lives on the sync thread with the manager it is given (architecture.md:
//   the sync thread owns its QNetworkAccessManager). It does not own the
//   manager; the manager must outlive it. `clock` (for Retry-After dates) must
//   outlive it too.
// - start() never blocks and never finishes inside the call; the returned job
//   emits HttpJob::finished() once (see HttpJob). Jobs are children of the
//   executor: destroying the executor aborts the jobs without a signal.
// - URLs: https://, or plain http:// only to a loopback host (127.0.0.0/8,
//   ::1, localhost) so no token ever travels in clear to a real host; any
//   other URL finishes with InvalidConfig and nothing is sent.
// - The executor adds no authentication and reads no API bodies.
class HttpExecutor final : public QObject
{
    Q_OBJECT

public:
    explicit HttpExecutor(QNetworkAccessManager *manager, const Clock &clock,
                          QObject *parent = nullptr);
    ~HttpExecutor() override;

    [[nodiscard]] HttpJob *start(HttpRequest request);

    // Sent as User-Agent unless the request sets one. Default "Concord/<version>".
    void setUserAgent(QByteArray userAgent) { m_userAgent = std::move(userAgent); }

    // The URL rule above, as a value (also for connectors validating config).
    [[nodiscard]] static Status checkUrl(const QUrl &url);
    [[nodiscard]] static bool isLoopbackHost(const QString &host);

private:
    QPointer<QNetworkAccessManager> m_manager;
    const Clock &m_clock;
    QByteArray m_userAgent;
};

} // namespace Concord::Connectors
