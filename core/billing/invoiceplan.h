#pragma once

#include "billing/billingrules.h"
#include "common/error.h"
#include "domain/decimal.h"
#include "domain/money.h"
#include "domain/rules.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Concord::Billing {

// One session to bill, as the appointment stands now (a reschedule changes
// its date; the appointment id stays). Pure value.
struct Session {
    QString appointmentId; // Concord's id: stable across reschedules
    QString customerId;
    qint64 serviceId = 0;
    QString serviceName;   // "1-Hour Math Tutoring"
    QString itemRef;       // the QuickBooks Item of the service
    QDate serviceDate;     // in the business's time zone
    int minutes = 60;
    Domain::Money hourlyRate;
    QString location;      // where it takes place, for tax and discount rules
};

struct PlannedLine {
    QString appointmentId;
    QString itemRef;
    QString description;   // "1-Hour Math Tutoring – March 3, 2026"
    QDate serviceDate;
    Domain::Decimal quantity; // hours, or 1 when the hours have no short decimal form
    Domain::Money rate;       // per quantity unit
    Domain::Money amount;     // quantity × rate, exact
    // The line's QuickBooks TaxCodeRef: "TAX" or "NON" when a tax rule
    // governs the session, empty when none does (QuickBooks' own default).
    QString taxCode;
    std::optional<Domain::DiscountRule> discountRule; // the rule that governs the session
};

// The invoice's one discount line. QuickBooks computes a percentage itself;
// a fixed amount is sent as is.
struct PlannedDiscount {
    int percentBasisPoints = 0; // > 0: percent-based (1000 = 10 %)
    Domain::Money amount;       // otherwise: this amount off
    QString description;
    friend bool operator==(const PlannedDiscount &, const PlannedDiscount &) = default;
};

// An invoice Concord wants QuickBooks to hold. QuickBooks computes tax,
// discounts and the final total; `total` is the sum of the lines.
struct PlannedInvoice {
    // Stable idempotency key, also the invoice's identity in Concord:
    // "session/<appointment>" or "monthly/<customer>/<yyyy-MM>[/<service>]".
    QString key;
    QString customerId;
    Domain::InvoiceMode mode = Domain::InvoiceMode::PerSession;
    QDate txnDate;
    QDate dueDate;
    QList<PlannedLine> lines; // by service date, then appointment id
    Domain::Money total;
    Domain::Money deposit;    // the policy's share of the total; zero when none
    // The QuickBooks tax code (TxnTaxCodeRef) for the TAX lines; empty when
    // no line is taxable by rule.
    QString txnTaxCode;
    std::optional<PlannedDiscount> discount;
};

// `policies` plus, when none of them is the default (no client, no
// service), Concord's built-in one: per session, 7 days to pay, void or
// credit on cancellation (product.md §5's example). So a session no policy
// covers is still invoiced, rather than holding up everyone's invoices.
[[nodiscard]] QList<Domain::InvoicePolicy> withBuiltInDefault(QList<Domain::InvoicePolicy> policies,
                                                              const QString &currency);

// The policy that governs a customer's sessions of a service: the most
// specific one wins (customer and service, then customer, then service,
// then the default). nullopt when there is none at all.
[[nodiscard]] std::optional<Domain::InvoicePolicy> policyFor(const QList<Domain::InvoicePolicy> &policies,
                                                             const QString &customerId, qint64 serviceId);

// What the invoices should be for `sessions` (the current state: a
// rescheduled session appears once, at its new date, so its line moves and
// is never duplicated). Per-session policies give one invoice per session
// dated on the session; monthly ones one invoice per customer (or customer
// and service) and month, dated on the month's last day, one dated line per
// session. Due = invoice date + the policy's payment term. InvalidArgument
// for a session without a policy, a rate, or with mixed currencies on one
// invoice.
// Tax and discount come from `rules` (the amounts are QuickBooks' to
// compute): each line is TAX or NON by its session's tax rule, and the
// invoice carries the taxable lines' code. A QuickBooks invoice has one tax
// code, so a monthly invoice whose sessions fall under different taxable
// codes is split, one invoice per code ("…/tax/<code>"; non-taxable lines
// stay on the unsuffixed one). An invoice whose lines share one percentage
// rule gets that percentage; lines under different discount rules (or some
// under none) get one fixed discount, the sum of each line's share.
[[nodiscard]] Result<QList<PlannedInvoice>> planInvoices(const QList<Session> &sessions,
                                                         const QList<Domain::InvoicePolicy> &policies,
                                                         const BillingRules &rules = {});

// What a cancellation does to the money, by policy (product.md §3).
struct CancellationDecision {
    enum class Action {
        Nothing,        // nothing was billed yet and no fee applies
        RemoveLine,     // a monthly invoice not issued yet: the session leaves it
        VoidInvoice,    // an unpaid per-session invoice is voided
        CreditPaid,     // what was paid becomes a credit memo
        RefundPaid,     // what was paid goes back (refund receipt)
        ChargeLateFee,  // inside the late window: the fee is invoiced
    };
    QList<Action> actions;    // in order
    Domain::Money refundOrCredit;
    Domain::Money lateFee;
    QString reason;           // in words, for the log and the GUI
};

struct BilledState {
    bool invoiced = false;   // an invoice (or a monthly line already sent) exists for the session
    Domain::Money paid;      // applied to it so far (zero when unpaid)
};

[[nodiscard]] CancellationDecision decideCancellation(const Domain::InvoicePolicy &policy, const BilledState &billed,
                                                      const QDateTime &sessionStartUtc,
                                                      const QDateTime &canceledAtUtc);

// Booking block: a client whose overdue balance is above the policy's
// threshold has new bookings declined or held (nullopt: book normally).
[[nodiscard]] std::optional<Domain::BookingBlockAction> bookingBlock(const Domain::InvoicePolicy &policy,
                                                                     const Domain::Money &overdueBalance);

} // namespace Concord::Billing
