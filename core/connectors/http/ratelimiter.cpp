#include "connectors/http/ratelimiter.h"

#include "common/clock.h"
#include "common/logging.h"

#include <cmath>

namespace Concord::Connectors {

// --- Permit ---------------------------------------------------------------

RateLimiter::Permit::Permit(RateLimiter *limiter, QString key, quint64 id)
    : m_limiter(limiter), m_key(std::move(key)), m_id(id)
{
}

RateLimiter::Permit::Permit(Permit &&other) noexcept
    : m_limiter(std::move(other.m_limiter)), m_key(std::move(other.m_key)), m_id(other.m_id)
{
    other.m_limiter.clear();
}

RateLimiter::Permit &RateLimiter::Permit::operator=(Permit &&other) noexcept
{
    if (this != &other) {
        release();
        m_limiter = std::move(other.m_limiter);
        m_key = std::move(other.m_key);
        m_id = other.m_id;
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
        limiter->release(m_key, m_id);
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
            adoptPolicy(keyState, m_defaultPolicy);
    }
    pump();
}

void RateLimiter::setPolicy(const QString &key, RateLimitPolicy policy)
{
    KeyState &keyState = state(key);
    adoptPolicy(keyState, std::move(policy));
    keyState.ownPolicy = true;
    pump();
}

void RateLimiter::adoptPolicy(KeyState &keyState, RateLimitPolicy policy)
{
    // Keep what was sent under budgets of the same name, so changing a
    // policy never forgets recent traffic (nor requests still in flight,
    // which release by budget name).
    std::vector<Window> windows(size_t(policy.budgets.size()));
    for (qsizetype i = 0; i < policy.budgets.size(); ++i) {
        for (qsizetype j = 0; j < keyState.policy.budgets.size(); ++j) {
            if (keyState.policy.budgets[j].name == policy.budgets[i].name
                && size_t(j) < keyState.windows.size()) {
                windows[size_t(i)] = keyState.windows[size_t(j)];
            }
        }
    }
    keyState.policy = std::move(policy);
    keyState.windows = std::move(windows);
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
        keyState.windows.resize(size_t(keyState.policy.budgets.size()));
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
    bool needsRelease = false;
    const QList<RateLimitPolicy::Budget> &budgets = keyState.policy.budgets;
    for (qsizetype i = 0; i < budgets.size(); ++i) {
        const RateLimitPolicy::Budget &budget = budgets[i];
        if (budget.limit <= 0 || budget.window.count() <= 0 || !budget.appliesTo(head.rateClass))
            continue;
        Window &w = keyState.windows[size_t(i)];
        const qint64 window = budget.window.count();
        while (!w.released.empty() && w.released.front() <= now - window)
            w.released.pop_front();
        const qsizetype held = w.inFlight + qsizetype(w.released.size());
        if (held < budget.limit)
            continue;
        // Room comes back when `excess` released stamps have left the
        // window, oldest first; requests in flight never leave by time.
        const qsizetype excess = held - budget.limit + 1;
        if (excess > qsizetype(w.released.size()))
            needsRelease = true;
        else
            at = std::max(at, w.released[size_t(excess - 1)] + window);
    }
    if (needsRelease)
        return -1; // a release re-pumps; the pause, if any, is seen then
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
                QStringList counted;
                for (qsizetype i = 0; i < budgets.size(); ++i) {
                    if (budgets[i].limit > 0 && budgets[i].appliesTo(head.rateClass)) {
                        ++keyState.windows[size_t(i)].inFlight;
                        counted.append(budgets[i].name);
                    }
                }
                const quint64 permitId = m_nextPermit++;
                keyState.open.emplace(permitId, std::move(counted));
                ++keyState.inFlight;
                Waiter waiter = std::move(head);
                keyState.queue.pop_front();
                Q_EMIT dispatched(key, waiter.rateClass, now);
                if (waiter.grant)
                    waiter.grant(Permit(this, key, permitId));
            }
        }
    } while (m_pumpAgain);
    m_pumping = false;
    armTimer(nowMs());
}

void RateLimiter::release(const QString &key, quint64 permitId)
{
    const auto it = m_keys.find(key);
    if (it == m_keys.end())
        return;
    KeyState &keyState = it->second;
    keyState.inFlight = std::max(0, keyState.inFlight - 1);
    if (auto node = keyState.open.extract(permitId)) {
        // From now on the request counts from its release instant (see the
        // class comment). A budget renamed away since the grant forgets it.
        const qint64 now = nowMs();
        const QList<RateLimitPolicy::Budget> &budgets = keyState.policy.budgets;
        for (qsizetype i = 0; i < budgets.size(); ++i) {
            if (!node.mapped().contains(budgets[i].name))
                continue;
            Window &w = keyState.windows[size_t(i)];
            w.inFlight = std::max(0, w.inFlight - 1);
            w.released.push_back(now);
        }
    }
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
