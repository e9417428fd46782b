#pragma once

#include <QList>
#include <QString>

#include <chrono>

namespace Concord::Connectors {

// The budgets one rate-limit key (a QuickBooks realm, a HubSpot account)
// must respect, all at once. Pure value.
struct RateLimitPolicy {
    // At most `limit` dispatches in any window of `window` (sliding: for every
    // instant t, dispatches in (t − window, t] ≤ limit — which also bounds
    // every fixed window a server may count in).
    struct Budget {
        QString name;                     // for logs and tests: "per-minute"
        int limit = 0;
        std::chrono::milliseconds window{0};
        // Empty: every request of the key counts. Otherwise only requests of
        // that class ("batch", "search") count, and are limited, here.
        QString rateClass;

        [[nodiscard]] bool appliesTo(const QString &requestClass) const
        {
            return rateClass.isEmpty() || rateClass == requestClass;
        }
    };

    QList<Budget> budgets;
    // Requests of the key dispatched and not yet released; 0 = no bound.
    int maxInFlight = 0;
    // How long a key pauses after a 429 without a server-given wait.
    std::chrono::milliseconds throttlePause = std::chrono::seconds(60);

    // QuickBooks Online per realm (quickbooks.md §5): 500 per 60 s (batch
    // included), 10 per 1 s, batch 40 per 60 s, 10 in flight; 60 s pause
    // after a 429 ("wait 60 seconds before retrying").
    [[nodiscard]] static RateLimitPolicy quickBooks();
    // HubSpot per account (hubspot-calcom.md A10): `burstPer10s` (100 for
    // Free/Starter, 190 for Professional) per 10 s, search 5 per 1 s,
    // 10 in flight; 10 s pause after a 429 (its interval).
    [[nodiscard]] static RateLimitPolicy hubSpot(int burstPer10s = 100);
    // Cal.com API key: 120 per 60 s, 60 s pause after a 429.
    [[nodiscard]] static RateLimitPolicy calcom();

    // Requests per second the budgets that count every request allow in the
    // long run (the tightest limit/window); 0 when there is none.
    [[nodiscard]] double ceilingPerSecond() const;
};

} // namespace Concord::Connectors
