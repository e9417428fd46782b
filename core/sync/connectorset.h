#pragma once

#include "common/config.h"
#include "common/error.h"
#include "domain/system.h"

#include <QHash>

#include <QNetworkAccessManager>

#include <memory>

namespace Concord {
class Clock;
namespace Security { class SecretStore; }
namespace Store { class Database; class OperationsRepository; }
namespace Services { class ConnectionRecorder; }
namespace Connectors {
class HttpExecutor;
class RateLimiter;
namespace OAuth { class TokenManager; }
} // namespace Connectors
namespace QuickBooks { class QuickBooksClient; }
namespace HubSpot { class HubSpotClient; }
namespace Calcom { class CalcomClient; }
} // namespace Concord

namespace Concord::Sync {

// The three connectors wired as the sync thread needs them: one network
// manager, one executor, one rate limiter (keys per account), QuickBooks'
// OAuth token manager with its connection record, HubSpot's private-app token
// or OAuth, Cal.com's API key. Built on, and used only from, the sync thread.
// A system whose configuration is missing is simply absent (nullptr): the
// engine carries what it can and says what it cannot.
class ConnectorSet
{
public:
    ~ConnectorSet();
    ConnectorSet(const ConnectorSet &) = delete;
    ConnectorSet &operator=(const ConnectorSet &) = delete;

    // `secrets` and `operations` must outlive the set.
    [[nodiscard]] static Result<std::unique_ptr<ConnectorSet>> create(const Config &config,
                                                                      Security::SecretStore &secrets,
                                                                      Store::OperationsRepository &operations,
                                                                      const Clock &clock);

    [[nodiscard]] QuickBooks::QuickBooksClient *quickBooks() const { return m_quickBooks.get(); }
    [[nodiscard]] HubSpot::HubSpotClient *hubSpot() const { return m_hubSpot.get(); }
    [[nodiscard]] Calcom::CalcomClient *calcom() const { return m_calcom.get(); }
    [[nodiscard]] Services::ConnectionRecorder *quickBooksConnection() const { return m_qboRecorder.get(); }
    // The shared rate limiter (benchmarks run it on a scaled clock).
    [[nodiscard]] Connectors::RateLimiter &limiter() const { return *m_limiter; }
    // Where each system's API is (for the connection record the dashboard shows).
    [[nodiscard]] QString baseUrl(Domain::System system) const { return m_baseUrls.value(system); }
    // Why a system is absent ("[calcom] API key not set …"); empty when present.
    [[nodiscard]] QStringList missing() const { return m_missing; }

private:
    ConnectorSet() = default;

    QNetworkAccessManager m_network;
    std::unique_ptr<Connectors::HttpExecutor> m_executor;
    std::unique_ptr<Connectors::RateLimiter> m_limiter;
    std::unique_ptr<Connectors::OAuth::TokenManager> m_qboTokens;
    std::unique_ptr<Services::ConnectionRecorder> m_qboRecorder;
    std::unique_ptr<Connectors::OAuth::TokenManager> m_hsTokens;
    std::unique_ptr<QuickBooks::QuickBooksClient> m_quickBooks;
    std::unique_ptr<HubSpot::HubSpotClient> m_hubSpot;
    std::unique_ptr<Calcom::CalcomClient> m_calcom;
    QStringList m_missing;
    QHash<Domain::System, QString> m_baseUrls;
};

} // namespace Concord::Sync
