#pragma once

// Shared by the HubSpotClient contract suites (header-only: only tst_*.cpp
// files become tests). One emulator, one rate limiter and one client per
// test, wired as the sync thread wires them.
//
// Clocks
// - m_clock (ManualClock): the emulator's time (records, token expiry,
//   webhook timestamps) and the client's; tests move it.
// - m_budgetClock (ScaledClock ×1000) with RateLimiter::setTimeScale(1000):
//   HubSpot's 10-s pause after a 429 lasts 10 ms of real time.
// The emulator's own limits run on real time; tests that throttle give it a
// time scale so its windows pass quickly too.

#include "../support/memorysecretstore.h"

#include "common/clock.h"
#include "connectors/http/httpexecutor.h"
#include "connectors/http/ratelimiter.h"
#include "connectors/http/scaledclock.h"
#include "connectors/hubspot/hubspotclient.h"
#include "connectors/oauth/oauthsettings.h"
#include "connectors/oauth/tokenmanager.h"
#include "domainprinters.h"
#include "hubspot/hubspotemulator.h"
#include "security/secretnames.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

#define AWAIT(future) QTRY_VERIFY_WITH_TIMEOUT((future).isFinished(), 20000)
#define AWAIT_OK(future)                                                                                               \
    do {                                                                                                               \
        AWAIT(future);                                                                                                 \
        QVERIFY_OK((future).result());                                                                                 \
    } while (false)

namespace Concord::Test {

class HsClientFixture
{
protected:
    const QDateTime m_start = QDateTime(QDate(2026, 3, 10), QTime(17, 0), Qt::UTC);
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Connectors::ScaledClock> m_budgetClock;
    std::unique_ptr<Sandbox::HubSpotEmulator> m_hs;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<Connectors::HttpExecutor> m_executor;
    std::unique_ptr<Connectors::RateLimiter> m_limiter;
    std::unique_ptr<MemorySecretStore> m_store;
    std::unique_ptr<Connectors::OAuth::TokenManager> m_tokens;
    std::unique_ptr<HubSpot::HubSpotClient> m_client;

    HubSpot::HubSpotClientSettings clientSettings() const
    {
        HubSpot::HubSpotClientSettings s;
        s.baseUrl = m_hs->baseUrl();
        s.requestTimeout = std::chrono::milliseconds(3000);
        s.networkRetry.initialDelay = std::chrono::milliseconds(10);
        s.networkRetry.maxDelay = std::chrono::milliseconds(50);
        s.searchIndexLag = std::chrono::seconds(0);
        return s;
    }

    // A client with a private-app token (HUBSPOT_TOKEN in the secret store).
    std::unique_ptr<HubSpot::HubSpotClient> makeClient(const HubSpot::HubSpotClientSettings &s)
    {
        return std::make_unique<HubSpot::HubSpotClient>(s, *m_executor, *m_limiter, *m_store, *m_clock);
    }

    // A client with OAuth: refresh token granted by the emulator, secret in the store.
    std::unique_ptr<HubSpot::HubSpotClient> makeOAuthClient(const HubSpot::HubSpotClientSettings &s)
    {
        const auto grant = m_hs->auth().issue();
        auto settings = Connectors::OAuth::OAuthSettings::hubSpot(m_hs->auth().clientId(), {QStringLiteral("crm.objects.contacts.read")},
                                                                 m_hs->tokenUrl());
        m_store->values.insert(settings.clientSecretName, m_hs->auth().clientSecret());
        m_store->values.insert(settings.refreshTokenName, grant.refreshToken);
        m_tokens = std::make_unique<Connectors::OAuth::TokenManager>(settings, *m_executor, *m_store, *m_clock);
        return std::make_unique<HubSpot::HubSpotClient>(s, *m_executor, *m_limiter, *m_tokens, *m_clock);
    }

    void setUpWorld()
    {
        m_clock = std::make_unique<ManualClock>(m_start);
        m_budgetClock = std::make_unique<Connectors::ScaledClock>(m_start, 1000);
        m_hs = std::make_unique<Sandbox::HubSpotEmulator>();
        m_hs->setClock(m_clock.get());
        m_hs->setThrottlingEnabled(false); // the throttle tests turn it on
        QVERIFY(m_hs->listen());
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_executor = std::make_unique<Connectors::HttpExecutor>(m_nam.get(), *m_clock);
        m_limiter = std::make_unique<Connectors::RateLimiter>(*m_budgetClock);
        m_limiter->setTimeScale(1000);
        m_store = std::make_unique<MemorySecretStore>();
        m_store->values.insert(Security::SecretName::HubSpotToken.toString(), m_hs->auth().defaultPrivateAppToken());
        m_client = makeClient(clientSettings());
    }

    void tearDownWorld()
    {
        m_client.reset();
        m_tokens.reset();
        m_store.reset();
        m_limiter.reset();
        m_executor.reset();
        m_nam.reset();
        m_hs.reset();
    }

    // API requests in the emulator's log (token endpoint excluded).
    QList<Sandbox::HubSpotEmulator::LogEntry> apiLog() const
    {
        QList<Sandbox::HubSpotEmulator::LogEntry> out;
        for (const auto &e : m_hs->requestLog()) {
            if (!e.path.startsWith(QStringLiteral("/oauth/")))
                out.append(e);
        }
        return out;
    }

    QString seedContact(const QString &email, const QString &first = {}, const QString &last = {},
                        const QString &phone = {})
    {
        QJsonObject p{{QStringLiteral("email"), email}};
        if (!first.isEmpty())
            p.insert(QStringLiteral("firstname"), first);
        if (!last.isEmpty())
            p.insert(QStringLiteral("lastname"), last);
        if (!phone.isEmpty())
            p.insert(QStringLiteral("phone"), phone);
        const auto c = m_hs->seedContact(p);
        return c ? c->value(QStringLiteral("id")).toString() : QString();
    }

    // Property of a stored record, as the emulator holds it.
    QString stored(const QString &type, const QString &id, const QString &property) const
    {
        return m_hs->record(type, id).value(QStringLiteral("properties")).toObject().value(property).toString();
    }
};

} // namespace Concord::Test
