#pragma once

#include "common/error.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QHttpServer;

namespace Concord::Services {
struct SyncHealth;
}

namespace Concord::Syncd {

// The service's health over HTTP, on its own address ([syncd] health_listen,
// loopback by default) so a load balancer or monitor never needs the
// webhook port, and webhook senders never see the service's insides:
//   GET /healthz          200 "ok" while the event loop runs (liveness)
//   GET /readyz, /health  the SyncHealth as JSON; 200 when ready, 503 with
//                         the reasons when not (readiness)
// Anything else: 404; other methods: 405.
// Thread affinity: the thread whose event loop serves it (the sync thread).
class HealthServer final : public QObject
{
    Q_OBJECT
public:
    using Snapshot = std::function<Services::SyncHealth()>;

    explicit HealthServer(Snapshot snapshot, QObject *parent = nullptr);
    ~HealthServer() override;

    // "host:port" (IP address or localhost; port 0 = any, for tests).
    // InvalidConfig naming [syncd] health_listen when it cannot be bound.
    [[nodiscard]] Result<quint16> listen(const QString &hostPort);
    void close();
    [[nodiscard]] QString address() const { return m_address; }

private:
    Snapshot m_snapshot;
    QPointer<QHttpServer> m_server;
    QString m_address;
};

} // namespace Concord::Syncd
