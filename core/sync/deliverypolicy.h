#pragma once

#include "common/error.h"
#include "connectors/http/retrypolicy.h"
#include "domain/system.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <chrono>
#include <optional>

// What happens to an outbox job after a failed delivery (product.md §7).
// Pure: no clock, no store, no network — the deliverer passes the error, the
// attempt count it persisted and "now", and writes the decision back with
// OutboxRepository::markFailed (retryAt valid → wait; invalid → Failed, waits
// for a person). Thread-safe: plain functions over values.
namespace Concord::Sync {

// How a failure is handled, independent of which API produced it.
enum class FailureClass {
    Transient,  // network, 5xx, throttling: retry with backoff (Retry-After honoured)
    Auth,       // credentials or permissions: a person reconnects the system
    Conflict,   // stale version (re-read and retry) or a conflicting remote state
    Validation, // the remote system refused the data (incl. duplicate name): a person fixes it
    NotFound,   // the remote record is gone or inactive: a person links or dismisses
    Internal,   // Concord itself failed (database, bug, configuration)
};

// Stable lower-case names: "transient", "auth", "conflict", "validation",
// "not_found", "internal".
[[nodiscard]] QString toString(FailureClass cls);
[[nodiscard]] FailureClass classify(const Error &error);

struct DeliveryPolicy {
    // Transient failures (Network, Throttled): backoff, jitter, the attempt
    // limit and Retry-After all come from here; see RetryPolicy. Its
    // maxAttempts also bounds every other kind of retry below.
    Connectors::RetryPolicy retry;

    // QuickBooks 5010: the engine re-reads the SyncToken and re-applies the
    // change, so the retry can come quickly; a record that keeps changing
    // under us is shown to a person after this many stale failures.
    int maxStaleRetries = 3;
    std::chrono::milliseconds staleRetryDelay = std::chrono::seconds(2);

    // 401: the connector has already refreshed the token once. One more try
    // (a refresh racing another request can produce a single stale 401), then
    // the connection needs a person.
    int maxAuthRetries = 1;

    // Zone in which retry times are written in the cause ("will retry at
    // 10:42"): the office manager's. Tests pass a fixed zone.
    QTimeZone displayZone = QTimeZone::systemTimeZone();
};

// The outcome: either a time to try again, or a person's attention — never
// neither, so nothing is dropped.
struct DeliveryDecision {
    std::optional<QDateTime> retryAt; // UTC; nullopt when a person must act
    FailureClass cls = FailureClass::Internal;
    QString cause;                    // plain words for an office manager, naming the system
    bool needsAttention = false;      // == !retryAt
};

// Decides after the `attemptsMade`-th failed attempt (≥ 1; the outbox's
// attempt count including this one):
// - Transient: RetryPolicy::nextDelay (bounded ×4 backoff with jitter; a
//   server's wait — Retry-After, QuickBooks' 60 s — honoured exactly, even
//   above the cap). A Network error marked not retryable (TLS failure, a
//   request that was cancelled) needs attention.
// - StaleObject: retry after staleRetryDelay, at most maxStaleRetries times.
// - Unauthorized / PermissionDenied: at most maxAuthRetries retries, then attention
//   ("reconnect QuickBooks").
// - Conflict, validation, duplicate name, not found, internal: attention at once.
// - Whatever the class, once retry.maxAttempts attempts were made: attention.
// `entityType` ("invoice", "customer", …) only words the cause.
[[nodiscard]] DeliveryDecision
decideAfterFailure(const Error &error, Domain::System system, int attemptsMade,
                   const QDateTime &nowUtc, const DeliveryPolicy &policy = {},
                   const Connectors::RetryPolicy::RandomSource &random = {},
                   const QString &entityType = {});

// One sentence an office manager understands, naming the system: "QuickBooks
// refused the invoice: Amount is required." An email address refused for
// its form is named: "HubSpot refused the email address “dan.wu@example,com”
// for the customer: it is not a valid address." The technical detail (HTTP
// status, remote code, request id) stays in the Error for the error log.
// `entityType` ("invoice", "customer", "deal", …; empty = "the change").
[[nodiscard]] QString plainCause(const Error &error, Domain::System system,
                                 const QString &entityType = {});

// "QuickBooks", "HubSpot", "Cal.com": the names people use in an office
// (Domain::displayName says "QuickBooks Online").
[[nodiscard]] QString shortName(Domain::System system);

} // namespace Concord::Sync
