#pragma once

// Shared by the QuickBooksClient contract suites (header-only: only tst_*.cpp
// files become test executables). One emulator, one token manager, one rate
// limiter and one client per test, wired as the sync thread wires them.
//
// Clocks
// - m_clock (ManualClock): the emulator's time (MetaData, token expiry, CDC
//   window) and the client's; tests move it.
// - m_tokenClock (ManualClock): the token manager's, so a test can let the
//   emulator's clock run past the access token's expiry while the token
//   manager still believes in it (→ a real 401 from the emulator).
// - m_budgetClock (ScaledClock ×1000) with RateLimiter::setTimeScale(1000):
//   the 60 s throttle pause lasts 60 ms of real time.

#include "../support/memorysecretstore.h"

#include "common/clock.h"
#include "connectors/http/httpexecutor.h"
#include "connectors/http/ratelimiter.h"
#include "connectors/http/scaledclock.h"
#include "connectors/oauth/oauthsettings.h"
#include "connectors/oauth/tokenmanager.h"
#include "connectors/quickbooks/quickbooksclient.h"
#include "domainprinters.h"
#include "quickbooks/quickbooksemulator.h"
#include "security/secretnames.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

#include <memory>
#include <optional>

// Waits (event loop running, no sleep) until a QFuture is finished.
#define AWAIT(future) QTRY_VERIFY_WITH_TIMEOUT((future).isFinished(), 10000)
// Waits for a QFuture<Result<T>> and verifies it succeeded.
#define AWAIT_OK(future)                                                                                               \
    do {                                                                                                               \
        AWAIT(future);                                                                                                 \
        QVERIFY_OK((future).result());                                                                                 \
    } while (false)

namespace Concord::Test {

inline const QString kRealm = QStringLiteral("9130357766");

inline QJsonObject ref(const QString &id)
{
    return QJsonObject{{QStringLiteral("value"), id}};
}

inline Domain::Money usd(qint64 cents)
{
    return *Domain::Money::fromMinor(cents, QStringLiteral("USD"));
}

inline Domain::Decimal dec(const char *text)
{
    return *Domain::Decimal::parse(QString::fromLatin1(text));
}

class QboClientFixture
{
protected:
    const QDateTime m_start = QDateTime(QDate(2026, 3, 10), QTime(17, 0), Qt::UTC);
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ManualClock> m_tokenClock;
    std::unique_ptr<Connectors::ScaledClock> m_budgetClock;
    std::unique_ptr<Sandbox::QuickBooksEmulator> m_qbo;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<Connectors::HttpExecutor> m_executor;
    std::unique_ptr<Connectors::RateLimiter> m_limiter;
    std::unique_ptr<MemorySecretStore> m_store;
    std::unique_ptr<Connectors::OAuth::TokenManager> m_tokens;
    std::unique_ptr<QuickBooks::QuickBooksClient> m_client;
    QString m_refreshName;

    QuickBooks::QuickBooksClientSettings clientSettings() const
    {
        QuickBooks::QuickBooksClientSettings s;
        s.baseUrl = m_qbo->baseUrl();
        s.realmId = kRealm;
        s.minorVersion = 75;
        s.requestTimeout = std::chrono::milliseconds(3000);
        // Short waits: backoff is about counting and bounds, not minutes.
        s.networkRetry.initialDelay = std::chrono::milliseconds(10);
        s.networkRetry.maxDelay = std::chrono::milliseconds(50);
        return s;
    }

    std::unique_ptr<QuickBooks::QuickBooksClient> makeClient(const QuickBooks::QuickBooksClientSettings &s,
                                                             const Clock *clock = nullptr)
    {
        return std::make_unique<QuickBooks::QuickBooksClient>(s, *m_executor, *m_limiter, *m_tokens,
                                                              clock ? *clock : *m_clock);
    }

    void setUpWorld()
    {
        m_clock = std::make_unique<ManualClock>(m_start);
        m_tokenClock = std::make_unique<ManualClock>(m_start);
        m_budgetClock = std::make_unique<Connectors::ScaledClock>(m_start, 1000);
        m_qbo = std::make_unique<Sandbox::QuickBooksEmulator>();
        m_qbo->setClock(m_clock.get());
        m_qbo->setThrottlingEnabled(false); // the throttle tests turn it on
        QVERIFY(m_qbo->listen());
        m_qbo->addRealm(kRealm);
        const auto grant = m_qbo->issueTokens(kRealm);

        m_nam = std::make_unique<QNetworkAccessManager>();
        m_executor = std::make_unique<Connectors::HttpExecutor>(m_nam.get(), *m_clock);
        m_limiter = std::make_unique<Connectors::RateLimiter>(*m_budgetClock);
        m_limiter->setTimeScale(1000);
        m_store = std::make_unique<MemorySecretStore>();
        const auto settings = Connectors::OAuth::OAuthSettings::quickBooks(m_qbo->auth().clientId(), m_qbo->tokenUrl());
        m_refreshName = settings.refreshTokenName;
        m_store->values.insert(settings.clientSecretName, m_qbo->auth().clientSecret());
        m_store->values.insert(settings.refreshTokenName, grant.refreshToken);
        m_tokens = std::make_unique<Connectors::OAuth::TokenManager>(settings, *m_executor, *m_store, *m_tokenClock);
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
        m_qbo.reset();
    }

    // API requests in the emulator's log (token endpoint excluded).
    QList<Sandbox::QuickBooksEmulator::LogEntry> apiLog() const
    {
        QList<Sandbox::QuickBooksEmulator::LogEntry> out;
        for (const auto &e : m_qbo->requestLog()) {
            if (e.path.startsWith(QStringLiteral("/v3/")))
                out.append(e);
        }
        return out;
    }

    // Entities of a type as the emulator holds them, parsed like the client parses.
    template<typename T>
    QList<T> stored(QStringView entity) const
    {
        QList<T> out;
        for (const QJsonObject &o : m_qbo->entities(kRealm, entity.toString())) {
            auto parsed = QuickBooks::entityFromJson<T>(o);
            if (parsed)
                out.append(*parsed);
        }
        return out;
    }

    QString seedItem(const QString &name, int unitPrice)
    {
        const auto item = m_qbo->seed(kRealm, QStringLiteral("Item"),
                                      QJsonObject{{QStringLiteral("Name"), name},
                                                  {QStringLiteral("Type"), QStringLiteral("Service")},
                                                  {QStringLiteral("UnitPrice"), unitPrice},
                                                  {QStringLiteral("IncomeAccountRef"), ref(QStringLiteral("79"))}});
        return item ? item->value(QStringLiteral("Id")).toString() : QString();
    }

    QString seedCustomer(const QString &name, const QString &email = {}, const QString &phone = {})
    {
        QJsonObject o{{QStringLiteral("DisplayName"), name}};
        if (!email.isEmpty())
            o.insert(QStringLiteral("PrimaryEmailAddr"), QJsonObject{{QStringLiteral("Address"), email}});
        if (!phone.isEmpty())
            o.insert(QStringLiteral("PrimaryPhone"), QJsonObject{{QStringLiteral("FreeFormNumber"), phone}});
        const auto c = m_qbo->seed(kRealm, QStringLiteral("Customer"), o);
        return c ? c->value(QStringLiteral("Id")).toString() : QString();
    }
};

} // namespace Concord::Test
