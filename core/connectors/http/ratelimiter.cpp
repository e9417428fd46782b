#include "connectors/http/ratelimiter.h"

#include "common/clock.h"
#include "common/logging.h"

#include <cmath>

namespace Concord::Connectors {

// --- Permit ---------------------------------------------------------------

RateLimiter::Permit::Permit(RateLimiter *limiter, QString key)
    : m_limiter(limiter), m_key(std::move(key))
{
}

RateLimiter::Permit::Permit(Permit &&other) noexcept
    : m_limiter(std::move(other.m_limiter)), m_key(std::move(other.m_key))
{
    other.m_limiter.clear();
}

RateLimiter::Permit &RateLimiter::Permit::operator=(Permit &&other) noexcept
{
    if (this != &other) {
        release();
        m_limiter = std::move(other.m_limiter);
        m_key = std::move(other.m_key);
        other.m_limiter.clear();
    }
    return *this;
}

RateLimiter::Permit::~Permit()
{
    release();
}

void RateLimiter::Permit::release()
{
    if (RateLimiter *limiter = m_limiter.data()) {
        m_limiter.clear();
        limiter->release(m_key);
    }
}

// --- RateLimiter -----------------------------------------------------------

RateLimiter::RateLimiter(const Clock &clock, QObject *parent) : QObject(parent), m_clock(clock)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RateLimiter::pump);
}

RateLimiter::~RateLimiter() = default;

void RateLimiter::setDefaultPolicy(RateLimitPolicy policy)
{
    m_defaultPolicy = std::move(policy);
    for (auto &[key, keyState] : m_keys) {
        if (!keyState.ownPolicy)
            keyState.policy = m_defaultPolicy;
        keyState.sent.resize(size_t(keyState.policy.budgets.size()));
    }
    pump();
}

void RateLimiter::setPolicy(const QString &key, RateLimitPolicy policy)
{
    KeyState &keyState = state(key);
    // Keep what was sent under budgets of the same name, so changing a
    // policy never forgets recent traffic.
    std::vector<std::deque<qint64>> sent(size_t(policy.budgets.size()));
    for (qsizetype i = 0; i < policy.budgets.size(); ++i) {
        for (qsizetype j = 0; j < keyState.policy.budgets.size(); ++j) {
            if (keyState.policy.budgets[j].name == policy.budgets[i].name
                && size_t(j) < keyState.sent.size()) {
                sent[size_t(i)] = keyState.sent[size_t(j)];
            }
        }
    }
    keyState.policy = std::move(policy);
    keyState.ownPolicy = true;
    keyState.sent = std::move(sent);
    pump();
}

RateLimitPolicy RateLimiter::policy(const QString &key) const
{
    const auto it = m_keys.find(key);
    return it == m_keys.end() ? m_defaultPolicy : it->second.policy;
}

void RateLimiter::setTimeScale(double budgetMsPerRealMs)
{
    m_timeScale = budgetMsPerRealMs > 0 ? budgetMsPerRealMs : 1.0;
    armTimer(nowMs());
}

RateLimiter::Ticket RateLimiter::acquire(const QString &key, const QString &rateClass,
                                         QObject *context, Grant grant)
{
    KeyState &keyState = state(key);
    Waiter waiter;
    waiter.ticket = m_nextTicket++;
    waiter.rateClass = rateClass;
    waiter.context = context;
    waiter.hasContext = context != nullptr;
    waiter.grant = std::move(grant);
    const Ticket ticket = waiter.ticket;
    keyState.queue.push_back(std::move(waiter));
    pump();
    return ticket;
}

bool RateLimiter::cancel(Ticket ticket)
{
    for (auto &[key, keyState] : m_keys) {
        for (auto it = keyState.queue.begin(); it != keyState.queue.end(); ++it) {
            if (it->ticket == ticket) {
                keyState.queue.erase(it);
                pump(); // the next in line may go now
                return true;
            }
        }
    }
    return false;
}

void RateLimiter::pause(const QString &key, std::chrono::milliseconds duration)
{
    KeyState &keyState = state(key);
    const qint64 until = nowMs() + std::max<qint64>(0, duration.count());
    if (until > keyState.pausedUntil) {
        keyState.pausedUntil = until;
        qCInfo(lcConnectorsHttp).noquote()
            << "rate limit: pausing" << key << "for" << duration.count() << "ms";
    }
    pump();
}

void RateLimiter::reportThrottled(const QString &key, const Error &error)
{
    const std::chrono::milliseconds wait = error.retryAfterMs > 0
        ? std::chrono::milliseconds(error.retryAfterMs)
        : policy(key).throttlePause;
    pause(key, wait);
}

int RateLimiter::queuedCount(const QString &key) const
{
    const auto it = m_keys.find(key);
    return it == m_keys.end() ? 0 : int(it->second.queue.size());
}

int RateLimiter::inFlightCount(const QString &key) const
{
    const auto it = m_keys.find(key);
    return it == m_keys.end() ? 0 : it->second.inFlight;
}

std::optional<qint64> RateLimiter::pausedUntilMs(const QString &key) const
{
    const auto it = m_keys.find(key);
    if (it == m_keys.end() || it->second.pausedUntil <= m_lastNow)
        return std::nullopt;
    return it->second.pausedUntil;
}

RateLimiter::KeyState &RateLimiter::state(const QString &key)
{
    auto it = m_keys.find(key);
    if (it == m_keys.end()) {
        KeyState keyState;
        keyState.policy = m_defaultPolicy;
        keyState.sent.resize(size_t(keyState.policy.budgets.size()));
        it = m_keys.emplace(key, std::move(keyState)).first;
    }
    return it->second;
}

qint64 RateLimiter::nowMs()
{
    m_lastNow = std::max(m_lastNow, m_clock.nowUtc().toMSecsSinceEpoch());
    return m_lastNow;
}

qint64 RateLimiter::readyAt(KeyState &keyState, const Waiter &head, qint64 now) const
{
    qint64 at = keyState.pausedUntil > now ? keyState.pausedUntil : 0;
    const QList<RateLimitPolicy::Budget> &budgets = keyState.policy.budgets;
    for (qsizetype i = 0; i < budgets.size(); ++i) {
        const RateLimitPolicy::Budget &budget = budgets[i];
        if (budget.limit <= 0 || budget.window.count() <= 0 || !budget.appliesTo(head.rateClass))
            continue;
        std::deque<qint64> &sent = keyState.sent[size_t(i)];
        const qint64 window = budget.window.count();
        while (!sent.empty() && sent.front() <= now - window)
            sent.pop_front();
        if (qsizetype(sent.size()) >= budget.limit) {
            // The window has room again once the limit-th newest leaves it.
            const qint64 freeAt = sent[sent.size() - size_t(budget.limit)] + window;
            at = std::max(at, freeAt);
        }
    }
    if (at > now)
        return at;
    if (keyState.policy.maxInFlight > 0 && keyState.inFlight >= keyState.policy.maxInFlight)
        return -1;
    return 0;
}

void RateLimiter::pump()
{
    if (m_pumping) {
        // A grant acquired or released re-entrantly: the outer loop goes again.
        m_pumpAgain = true;
        return;
    }
    m_pumping = true;
    do {
        m_pumpAgain = false;
        const qint64 now = nowMs();
        for (auto &[key, keyState] : m_keys) {
            while (!keyState.queue.empty()) {
                Waiter &head = keyState.queue.front();
                if (head.hasContext && head.context.isNull()) {
                    keyState.queue.pop_front();
                    continue;
                }
                if (readyAt(keyState, head, now) != 0)
                    break;
                const QList<RateLimitPolicy::Budget> &budgets = keyState.policy.budgets;
                for (qsizetype i = 0; i < budgets.size(); ++i) {
                    if (budgets[i].limit > 0 && budgets[i].appliesTo(head.rateClass))
                        keyState.sent[size_t(i)].push_back(now);
                }
                ++keyState.inFlight;
                Waiter waiter = std::move(head);
                keyState.queue.pop_front();
                Q_EMIT dispatched(key, waiter.rateClass, now);
                if (waiter.grant)
                    waiter.grant(Permit(this, key));
            }
        }
    } while (m_pumpAgain);
    m_pumping = false;
    armTimer(nowMs());
}

void RateLimiter::release(const QString &key)
{
    const auto it = m_keys.find(key);
    if (it == m_keys.end())
        return;
    it->second.inFlight = std::max(0, it->second.inFlight - 1);
    pump();
}

void RateLimiter::armTimer(qint64 now)
{
    std::optional<qint64> wake;
    for (auto &[key, keyState] : m_keys) {
        if (keyState.queue.empty())
            continue;
        const qint64 at = readyAt(keyState, keyState.queue.front(), now);
        if (at > 0 && (!wake || at < *wake))
            wake = at;
    }
    m_nextWakeUp = wake;
    if (!wake) {
        m_timer.stop();
        return;
    }
    const double realMs = std::ceil(double(*wake - now) / m_timeScale);
    m_timer.start(int(std::clamp(realMs, 1.0, double(std::numeric_limits<int>::max()))));
}

} // namespace Concord::Connectors
