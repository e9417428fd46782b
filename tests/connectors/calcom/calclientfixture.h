#pragma once

// Shared by the CalcomClient contract suites (header-only: only tst_*.cpp
// files become test executables). One emulator, one rate limiter and one
// client per test, wired as the sync thread wires them.
//
// Clocks
// - m_clock (ManualClock): the emulator's time (createdAt/updatedAt,
//   upcoming/past) and the client's; tests move it.
// - m_budgetClock (ScaledClock ×1000) with RateLimiter::setTimeScale(1000),
//   and the emulator's time scale 1000: Cal.com's 60 s window and block last
//   60 ms of real time.

#include "calcom/calcomemulator.h"
#include "common/clock.h"
#include "connectors/calcom/calcomclient.h"
#include "connectors/http/httpexecutor.h"
#include "connectors/http/ratelimiter.h"
#include "connectors/http/scaledclock.h"
#include "domainprinters.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

#define AWAIT(future) QTRY_VERIFY_WITH_TIMEOUT((future).isFinished(), 15000)
#define AWAIT_OK(future)                                                                           \
    do {                                                                                           \
        AWAIT(future);                                                                             \
        QVERIFY_OK((future).result());                                                             \
    } while (false)

namespace Concord::Test {

inline const QString kCalKey = QStringLiteral("cal_test_7d2e91");

class CalClientFixture {
protected:
    const QDateTime m_start = QDateTime(QDate(2026, 3, 10), QTime(17, 0), Qt::UTC);
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Connectors::ScaledClock> m_budgetClock;
    std::unique_ptr<Sandbox::CalcomEmulator> m_cal;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<Connectors::HttpExecutor> m_executor;
    std::unique_ptr<Connectors::RateLimiter> m_limiter;
    std::unique_ptr<Calcom::CalcomClient> m_client;
    qint64 m_host = 0;
    qint64 m_type = 0; // 60 min, no confirmation
    qint64 m_confirmType = 0; // 30 min, needs confirmation

    Calcom::CalcomClientSettings clientSettings() const
    {
        Calcom::CalcomClientSettings s;
        s.baseUrl = m_cal->baseUrl();
        s.requestTimeout = std::chrono::milliseconds(2000);
        s.networkRetry.initialDelay = std::chrono::milliseconds(10);
        s.networkRetry.maxDelay = std::chrono::milliseconds(50);
        return s;
    }

    void makeClient(const Calcom::CalcomClientSettings &s, const QString &key = kCalKey)
    {
        m_client =
            std::make_unique<Calcom::CalcomClient>(s, key, *m_executor, *m_limiter, *m_clock);
    }

    void setUpWorld()
    {
        m_clock = std::make_unique<ManualClock>(m_start);
        m_budgetClock = std::make_unique<Connectors::ScaledClock>(m_start, 1000);
        m_cal = std::make_unique<Sandbox::CalcomEmulator>();
        m_cal->setClock(m_clock.get());
        m_cal->setTimeScale(1000);
        m_cal->setThrottlingEnabled(false); // the throttle tests turn it on
        QVERIFY(m_cal->listen());
        m_host = m_cal->addUser(Sandbox::CalUser {
            0, QStringLiteral("rachel"), QStringLiteral("rachel@brightpath.example"),
            QStringLiteral("Rachel Kim"), QStringLiteral("America/New_York"), QStringLiteral("en"),
            QStringLiteral("Monday"), 12 });
        m_cal->addApiKey(kCalKey, m_host);
        Sandbox::CalEventType type;
        type.title = QStringLiteral("Math tutoring");
        type.slug = QStringLiteral("math-tutoring");
        type.lengthInMinutes = 60;
        type.ownerId = m_host;
        m_type = m_cal->addEventType(type);
        type.title = QStringLiteral("Assessment");
        type.slug = QStringLiteral("assessment");
        type.lengthInMinutes = 30;
        type.requiresConfirmation = true;
        m_confirmType = m_cal->addEventType(type);

        m_nam = std::make_unique<QNetworkAccessManager>();
        m_executor = std::make_unique<Connectors::HttpExecutor>(m_nam.get(), *m_clock);
        m_limiter = std::make_unique<Connectors::RateLimiter>(*m_budgetClock);
        m_limiter->setTimeScale(1000);
        makeClient(clientSettings());
    }

    void tearDownWorld()
    {
        m_client.reset();
        m_limiter.reset();
        m_executor.reset();
        m_nam.reset();
        m_cal.reset();
    }

    // API requests in the emulator's log.
    QList<Sandbox::CalcomEmulator::LogEntry> apiLog() const
    {
        QList<Sandbox::CalcomEmulator::LogEntry> out;
        for (const auto &e : m_cal->requestLog()) {
            if (e.path.startsWith(QStringLiteral("/v2/")))
                out.append(e);
        }
        return out;
    }

    Calcom::NewBooking newBooking(const QDateTime &start,
                                  const QString &email = QStringLiteral("dana@example.com"),
                                  qint64 type = 0) const
    {
        Calcom::NewBooking b;
        b.eventTypeId = type ? type : m_type;
        b.start = start;
        b.attendee.name = QStringLiteral("Dana Whitfield");
        b.attendee.email = email;
        b.attendee.timeZone = QStringLiteral("America/Los_Angeles");
        b.attendee.phoneNumber = QStringLiteral("+14155550123");
        return b;
    }

    // A booking made by a client on the booking page (no webhook receiver).
    QString seedBooking(const QDateTime &start,
                        const QString &email = QStringLiteral("dana@example.com"), qint64 type = 0)
    {
        Sandbox::CalAttendee a;
        a.name = QStringLiteral("Dana Whitfield");
        a.email = email;
        a.timeZone = QStringLiteral("America/Los_Angeles");
        const auto r = m_cal->clientBooks(type ? type : m_type, start, a);
        return r ? r->value(QStringLiteral("uid")).toString() : QString();
    }
};

} // namespace Concord::Test
