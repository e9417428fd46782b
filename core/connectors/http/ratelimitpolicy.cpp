#include "connectors/http/ratelimitpolicy.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Concord::Connectors {

RateLimitPolicy RateLimitPolicy::quickBooks()
{
    RateLimitPolicy policy;
    policy.budgets = {
        {u"per-minute"_s, 500, 60s, {}},
        {u"per-second"_s, 10, 1s, {}},
        {u"batch-per-minute"_s, 40, 60s, u"batch"_s},
    };
    policy.maxInFlight = 10;
    policy.throttlePause = 60s;
    return policy;
}

RateLimitPolicy RateLimitPolicy::hubSpot(int burstPer10s)
{
    RateLimitPolicy policy;
    policy.budgets = {
        {u"burst-per-10s"_s, burstPer10s, 10s, {}},
        {u"search-per-second"_s, 5, 1s, u"search"_s},
    };
    policy.maxInFlight = 10;
    policy.throttlePause = 10s;
    return policy;
}

RateLimitPolicy RateLimitPolicy::calcom()
{
    RateLimitPolicy policy;
    policy.budgets = {{u"per-minute"_s, 120, 60s, {}}};
    policy.maxInFlight = 10;
    policy.throttlePause = 60s;
    return policy;
}

double RateLimitPolicy::ceilingPerSecond() const
{
    double ceiling = 0;
    for (const Budget &budget : budgets) {
        if (!budget.rateClass.isEmpty() || budget.window.count() <= 0)
            continue;
        const double rate = double(budget.limit) * 1000.0 / double(budget.window.count());
        if (ceiling == 0 || rate < ceiling)
            ceiling = rate;
    }
    return ceiling;
}

} // namespace Concord::Connectors
