#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/money.h"
#include "domain/status.h"
#include "security/permissions.h"

#include <QDate>
#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Concord::Store { class Database; }
namespace Concord::HubSpot { class HubSpotClient; }
namespace Concord::QuickBooks { class QuickBooksClient; }

// The monthly review's three-way reconciliation (product.md §10): for one
// month in the business's zone, do Concord's sessions (booked × price),
// QuickBooks (invoiced, collected) and HubSpot (deal amounts and stages)
// agree? Each disagreement is a Mismatch with both sides, a likely cause in
// plain words and either a safe one-click fix (an outbox job, the way the
// sync engine itself would carry the change) or what to do by hand.
//
// QuickBooks figures come from the store's mirror (kept by the sync engine);
// HubSpot deals are read live by the caller (readDeals) and passed in.
// Thread affinity: the thread that owns the Database (the sync thread).
namespace Concord::Review {

// One HubSpot deal as read for the reconciliation.
struct DealSnapshot {
    QString dealId;
    bool found = false;     // false: the linked deal is gone (404)
    QString amount;         // decimal text as HubSpot holds it; may be empty
    QString stage;          // dealstage id
};

enum class MismatchKind {
    SessionNotInvoiced,        // a completed, priced session without an invoice line
    InvoicedAmountDiffers,     // the session's invoice lines ≠ its price by today's rules
    InvoiceForCanceledSession, // a live (not voided/refunded) invoice line for a canceled session
    DealStageBehind,           // the deal's stage ≠ what the status mapping says (paid → won, …)
    DealAmountDiffers,         // the deal's amount ≠ the session's price
    DealMissing,               // no deal linked, or the linked one is gone
    CanceledDealOpen,          // a canceled session's deal is not closed
    PaymentUnapplied,          // a payment of the month with money not applied to any invoice
    InvoiceNotLinked,          // an invoice of the month tied to no session
};
[[nodiscard]] QString toString(MismatchKind kind);  // "session_not_invoiced", …
[[nodiscard]] QString describe(MismatchKind kind);  // "Session not invoiced", … (for people)

enum class FixKind {
    None,          // nothing safe to do automatically: see Mismatch::manualFix
    RepushDeal,    // enqueue hubspot.deal.upsert: the deal is recomputed from Concord's data
    CreateInvoice, // the engine's billing pass enqueues the missing quickbooks.invoice.create
    RetryJob,      // retry the failed outbox job `jobId`
};
[[nodiscard]] QString toString(FixKind kind);

// The Concord side of a row: one appointment.
struct SessionSide {
    qint64 appointmentId = 0;
    QDateTime startUtc;
    QString timeZone;
    QString customerId;
    QString customerName;
    QString serviceName;
    Domain::AppointmentStatus status = Domain::AppointmentStatus::Booked;
    std::optional<Domain::Money> price; // nullopt: the service has no rate
    QString planKey;                    // the invoice plan the session belongs to
};

// The QuickBooks side: one invoice as mirrored (plus what the session's lines on it add up to).
struct InvoiceSide {
    qint64 invoiceId = 0;               // 0: none
    QString quickbooksId;
    QString docNumber;
    QDate txnDate;
    Domain::Money total;
    Domain::Money balance;
    Domain::Money paid;                 // payments applied to it
    Domain::MoneyStatus status = Domain::MoneyStatus::Invoiced;
    std::optional<Domain::Money> sessionLines; // the session's lines on it (pre-tax)
    Domain::Money lineRate;             // the rate of the session's (first) line
    QString syncToken;
    bool liveChecked = false;           // read from QuickBooks during this reconciliation
};

struct DealSide {
    QString dealId;                     // empty: no deal linked
    bool read = false;                  // read live from HubSpot this time
    bool found = false;
    QString amount;
    QString stage;
    QString wantedAmount;               // what Concord would write (ChangeApplier::desiredDeal)
    QString wantedStage;
};

// One appointment of the month, with all three sides.
struct ReconciliationRow {
    SessionSide session;
    InvoiceSide invoice;
    DealSide deal;
};

struct Mismatch {
    // Stable between runs: "<kind>/<entity>/<id>", e.g. "deal_amount_differs/appointment/42".
    QString key;
    MismatchKind kind = MismatchKind::SessionNotInvoiced;
    SessionSide session;                // appointmentId 0 when not about a session
    InvoiceSide invoice;                // invoiceId 0 when no invoice is involved
    DealSide deal;
    qint64 paymentId = 0;               // PaymentUnapplied
    QString paymentQuickbooksId;
    Domain::Money unapplied;
    QString cause;                      // likely cause, plain words
    FixKind fix = FixKind::None;
    qint64 jobId = 0;                   // RetryJob: the job; otherwise a job that is involved (0: none)
    QString fixText;                    // what the one-click fix does (when fix != None)
    QString manualFix;                  // what to do by hand (when fix == None)

    [[nodiscard]] bool isFixable() const { return fix != FixKind::None; }
};

struct CurrencyTotals {
    QString currency;
    Domain::Money booked;               // the month's sessions (not canceled) priced as the invoice plan would
    Domain::Money invoicedForSessions;  // the invoice lines of those sessions (pre-tax, comparable to booked)
    Domain::Money invoiced;             // totals of the invoices dated in the month (QuickBooks, with tax/discount)
    Domain::Money collected;            // payments applied to the invoices dated in the month
    Domain::Money deals;                // amounts of those sessions' HubSpot deals (zero when not read)
};

struct ReconciliationReport {
    QDate month;                        // first of the month
    QString timeZone;
    QDateTime fromUtc, toUtc;           // [from, to): the month in the zone
    QDateTime generatedAt;
    QDateTime billingSyncedAt;          // QuickBooks mirror freshness (CDC cursor); invalid: never synced
    bool dealsRead = false;             // HubSpot deals were read live
    QList<CurrencyTotals> totals;       // one per currency, by code
    QList<ReconciliationRow> rows;      // by start time, then appointment id
    QList<Mismatch> mismatches;         // by kind, then key
    int sessionCount = 0;

    [[nodiscard]] const Mismatch *mismatch(const QString &key) const;
};

struct ReconciliationOptions {
    QDate month;                        // any day of the month; the first is used
    QString businessTimeZone = QStringLiteral("UTC");
    QString currency = QStringLiteral("USD"); // the business's default (built-in invoice policy)
};

// The month's HubSpot deal links: appointment id → deal id (remote_refs).
[[nodiscard]] Result<QHash<qint64, QString>> dealLinks(Store::Database &db, const ReconciliationOptions &options);

// Reconciles the month from the store. `deals` (appointment id → snapshot):
// the deals read live; nullopt when HubSpot was not read (no CRM checks, the
// report says so). Only reads.
[[nodiscard]] Result<ReconciliationReport> reconcile(Store::Database &db, const Clock &clock,
                                                     const ReconciliationOptions &options,
                                                     const std::optional<QHash<qint64, DealSnapshot>> &deals);

// Reads the deals, 100 per request (HubSpot's batch read; its rate limiter
// in the client paces them). A deal HubSpot does not have yields found =
// false; any other error fails the whole read. Must be called on the
// client's thread; the future finishes there.
[[nodiscard]] QFuture<Result<QHash<qint64, DealSnapshot>>> readDeals(HubSpot::HubSpotClient &client,
                                                                     const QHash<qint64, QString> &links);

// Checks live, in QuickBooks, the invoices the report's mismatches name (at
// most `limit` reads): an invoice whose SyncToken moved since the mirror has
// its fix withdrawn ("sync billing first") so nothing is fixed on stale data.
[[nodiscard]] QFuture<Result<ReconciliationReport>> checkInvoicesLive(QuickBooks::QuickBooksClient &client,
                                                                      ReconciliationReport report, int limit = 50);

struct FixOutcome {
    QString mismatchKey;
    qint64 jobId = 0;                   // the job that carries the fix (existing one when already queued)
    bool alreadyQueued = false;         // a second click: nothing new was enqueued
    QString message;
};

// Applies a mismatch's safe fix after checking that it still holds (the
// month is reconciled again from the store, with the deal as last read).
// Permissions: deal fixes need EditBookings or ManageRetryQueue (office
// manager, owner); invoice creation needs EditBilling (bookkeeper, owner);
// retrying a failed job needs ManageRetryQueue. Idempotent: while a job for
// the same record is waiting, a second click enqueues nothing. Audited
// ("reconciliation.fix"), in the same transaction as the enqueue.
[[nodiscard]] Result<FixOutcome> applyFix(Store::Database &db, const Clock &clock, const Security::Actor &actor,
                                          const ReconciliationOptions &options, const Mismatch &mismatch);

// The permission check applyFix makes, for the GUI (disable + tooltip).
[[nodiscard]] Status authorizeFix(const Security::Actor &actor, FixKind fix);
[[nodiscard]] bool roleMayFix(Domain::Role role, FixKind fix);

} // namespace Concord::Review

Q_DECLARE_METATYPE(Concord::Review::ReconciliationReport)
Q_DECLARE_METATYPE(Concord::Review::Mismatch)
