#pragma once

#include "common/error.h"
#include "connectors/http/ratelimitpolicy.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace Concord {
class Clock;
}

namespace Concord::Connectors {

// Holds requests back until every budget of their key allows them: sliding
// windows (RateLimitPolicy::Budget), a bound on requests in flight, and a
// pause after a 429. Exceeds none of them under any load, *as the server
// counts them*: a request is dispatched only when, at that instant, every
// applicable window holds fewer than its limit, and the in-flight count is
// below the bound.
//
// What a window holds: every request still in flight, plus every released
// one stamped with its *release* instant (not its dispatch). The server
// admits a request somewhere between our dispatch and the answer's arrival,
// and a request's answer is what releases it; so at any instant t, every
// request the server admitted in (t − window, t] is, in our books, either in
// flight or released inside that window. Stamping dispatch instead (as this
// class once did) lets a slot be reused exactly one window after the old
// request *left*; transport and server queueing then put limit + 1 arrivals
// in one server window, and QuickBooks answers 429 and a 60-s pause. The
// price is about one round trip per window.
//
// Contract
// - One instance per API on the sync thread; not thread-safe.
// - Per key, requests are granted strictly first-in first-out: a request
//   waiting for its class budget holds back those behind it (fair, simple,
//   and no starvation of batch calls).
// - Waiting never busy-loops: one single-shot timer is armed for the earliest
//   instant a head of queue may go; releases (Permit destroyed) re-evaluate
//   at once.
// - Time: budgets are measured on the injected Clock, in ms (tests use a
//   ManualClock and call pump() after moving it; the timer then only re-arms).
//   setTimeScale(N) says "1 real ms = N budget ms" so timers wait 1/N of the
//   budget time (use it with a ScaledClock in emulator benchmarks). A clock
//   that steps back is treated as standing still.
// - A grant runs on this thread, possibly inside acquire() or inside the
//   destructor of another Permit; it receives a Permit that holds the
//   in-flight slot until it is destroyed or released (keep it for the
//   duration of the HTTP exchange).
class RateLimiter final : public QObject
{
    Q_OBJECT

public:
    // A dispatched request's in-flight slot. Move-only; releases on
    // destruction. Safe to outlive the limiter.
    class Permit
    {
    public:
        Permit() = default;
        Permit(Permit &&other) noexcept;
        Permit &operator=(Permit &&other) noexcept;
        Permit(const Permit &) = delete;
        Permit &operator=(const Permit &) = delete;
        ~Permit();

        void release();
        [[nodiscard]] bool isValid() const { return !m_limiter.isNull(); }
        [[nodiscard]] const QString &key() const { return m_key; }

    private:
        friend class RateLimiter;
        Permit(RateLimiter *limiter, QString key, quint64 id);

        QPointer<RateLimiter> m_limiter;
        QString m_key;
        quint64 m_id = 0;
    };

    using Grant = std::function<void(Permit)>;
    using Ticket = quint64;

    explicit RateLimiter(const Clock &clock, QObject *parent = nullptr);
    ~RateLimiter() override;

    // Policy of keys without their own. Default: no budgets, no bound.
    void setDefaultPolicy(RateLimitPolicy policy);
    // Policy of one key; applies to requests granted from now on.
    void setPolicy(const QString &key, RateLimitPolicy policy);
    [[nodiscard]] RateLimitPolicy policy(const QString &key) const;

    // "1 real ms = `budgetMsPerRealMs` budget ms" (> 0; default 1).
    void setTimeScale(double budgetMsPerRealMs);
    [[nodiscard]] double timeScale() const { return m_timeScale; }

    // Queues a request of class `rateClass` for `key`; `grant` runs when it
    // may go. If `context` is given and destroyed first, the request is
    // dropped without a grant. Returns a ticket for cancel().
    Ticket acquire(const QString &key, const QString &rateClass, QObject *context, Grant grant);
    // Drops a queued request; false if it was already granted or unknown.
    bool cancel(Ticket ticket);

    // Grants nothing for `key` during `duration` from now (extends, never
    // shortens, a pause in force).
    void pause(const QString &key, std::chrono::milliseconds duration);
    // After a 429: pause the key for error.retryAfterMs, or for the policy's
    // throttlePause when the server named no wait.
    void reportThrottled(const QString &key, const Error &error);

    [[nodiscard]] int queuedCount(const QString &key) const;
    [[nodiscard]] int inFlightCount(const QString &key) const;
    // Budget-clock instant (ms since the epoch) until which `key` is paused,
    // or nullopt when it is not.
    [[nodiscard]] std::optional<qint64> pausedUntilMs(const QString &key) const;
    // Earliest budget-clock instant (ms since the epoch) at which a waiting
    // request may be granted without a release; nullopt when nothing waits on
    // time.
    [[nodiscard]] std::optional<qint64> nextWakeUpMs() const { return m_nextWakeUp; }

    // Grants whatever may go now. Called by the timer and on release; public
    // for callers whose clock jumped (ManualClock in tests).
    void pump();

Q_SIGNALS:
    // A request was granted at budget instant `atMs` (for metrics and tests).
    void dispatched(const QString &key, const QString &rateClass, qint64 atMs);

private:
    struct Waiter {
        Ticket ticket = 0;
        QString rateClass;
        QPointer<QObject> context;
        bool hasContext = false;
        Grant grant;
    };
    // Per budget: requests counted in it and not yet released, and the
    // release instants (ascending: releases happen in clock order) of those
    // released inside its window.
    struct Window {
        int inFlight = 0;
        std::deque<qint64> released;
    };
    struct KeyState {
        RateLimitPolicy policy;
        bool ownPolicy = false;
        std::deque<Waiter> queue;
        std::vector<Window> windows; // parallel to policy.budgets
        // Permit id → names of the budgets it counts in (names survive a
        // policy change; indices would not).
        std::map<quint64, QStringList> open;
        int inFlight = 0;
        qint64 pausedUntil = 0;
    };

    KeyState &state(const QString &key);
    static void adoptPolicy(KeyState &keyState, RateLimitPolicy policy);
    [[nodiscard]] qint64 nowMs();
    // 0 when the head may go at `now`; the instant it may go when it waits on
    // time; -1 when it waits for a release.
    [[nodiscard]] qint64 readyAt(KeyState &key, const Waiter &head, qint64 now) const;
    void release(const QString &key, quint64 permitId);
    void armTimer(qint64 now);

    const Clock &m_clock;
    RateLimitPolicy m_defaultPolicy;
    std::map<QString, KeyState> m_keys; // node-based: references survive inserts
    double m_timeScale = 1.0;
    Ticket m_nextTicket = 1;
    quint64 m_nextPermit = 1;
    qint64 m_lastNow = 0;
    std::optional<qint64> m_nextWakeUp;
    QTimer m_timer;
    bool m_pumping = false;
    bool m_pumpAgain = false;
};

} // namespace Concord::Connectors
