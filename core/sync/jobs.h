#pragma once

#include "domain/operations.h"

#include <QJsonObject>
#include <QString>

// The outbox's vocabulary: what each job asks a remote system to do, and the
// idempotency key that makes doing it twice harmless. Written by the change
// applier in the same transaction as the state change that caused it; read by
// the job runner. Payloads are JSON objects so an admin can read and edit them
// (manual override) in the retry queue.
namespace Concord::Sync::Jobs {

// Customers: find the person in the target system (email, then phone) and
// create the record only when none exists; link it in the identity map.
// entity: customer/<id>. Payload: displayName, givenName, familyName, email, phone.
inline constexpr QStringView QboCustomerEnsure = u"quickbooks.customer.ensure";
inline constexpr QStringView HubSpotContactEnsure = u"hubspot.contact.ensure";

// A HubSpot deal per appointment: created on first sight, then its stage,
// amount and invoice link follow the appointment and its money.
// entity: appointment/<id>. Payload: customerId, dealname, dealstage (optional),
// amount (optional), closedate (optional), description (optional), ownerEmail.
inline constexpr QStringView HubSpotDealUpsert = u"hubspot.deal.upsert";

// Follow-up tasks: created once per reason; closed when the reason is gone.
// entity: invoice/<id> or appointment/<id>. Payload: customerId, refKind
// ("task/overdue", "task/no_show"), subject, body, dueAt.
inline constexpr QStringView HubSpotTaskCreate = u"hubspot.task.create";
// Payload: refKind, entityType, entityId (whose task to complete).
inline constexpr QStringView HubSpotTaskClose = u"hubspot.task.close";

// QuickBooks invoices. entity: invoice-plan/<plan key>. Payload: the planned
// invoice (customerId, txnDate, dueDate, deposit, taxCode, discount, lines[]).
inline constexpr QStringView QboInvoiceCreate = u"quickbooks.invoice.create";
// entity: invoice/<Concord invoice id>. Payload: quickbooksId, reason.
inline constexpr QStringView QboInvoiceVoid = u"quickbooks.invoice.void";
// What was paid goes back as a credit memo or a refund receipt.
// entity: invoice/<id>. Payload: customerId, quickbooksInvoiceId, amount (minor),
// currency, itemRef, description.
inline constexpr QStringView QboCreditMemoCreate = u"quickbooks.creditmemo.create";
inline constexpr QStringView QboRefundReceiptCreate = u"quickbooks.refundreceipt.create";

// The optional local PDF copy of an invoice (content-addressed; one file per
// distinct PDF). entity: invoice/<Concord invoice id>. Payload: {}. The key
// carries QuickBooks' SyncToken: each version of the invoice is fetched once.
inline constexpr QStringView QboInvoicePdfCache = u"quickbooks.invoice.pdf";

// Cal.com: decline or cancel a booking (booking block; an office manager's
// cancel from Concord), reschedule from Concord.
// entity: appointment/<id>. Payload: uid, reason, (start for reschedule).
inline constexpr QStringView CalcomBookingCancel = u"calcom.booking.cancel";
inline constexpr QStringView CalcomBookingDecline = u"calcom.booking.decline";
inline constexpr QStringView CalcomBookingReschedule = u"calcom.booking.reschedule";

// Kinds of source change, for latency per kind (SyncLogEntry::kind).
inline constexpr QStringView KindAppointment = u"appointment";
inline constexpr QStringView KindPayment = u"payment";
inline constexpr QStringView KindInvoice = u"invoice";
inline constexpr QStringView KindCustomer = u"customer";
// Housekeeping that carries no change to another system (the PDF cache):
// kept apart so it never weighs on the latency targets.
inline constexpr QStringView KindDocument = u"document";

// A job with everything but the payload filled in.
[[nodiscard]] Domain::OutboxJob make(Domain::System target, QStringView operation, const QString &entityType,
                                     const QString &entityId, const QString &idempotencyKey, const QJsonObject &payload,
                                     QStringView sourceKind, const QDateTime &sourceChangedAt);

[[nodiscard]] QJsonObject payloadOf(const Domain::OutboxJob &job);

} // namespace Concord::Sync::Jobs
