#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/appointment.h"
#include "domain/billing.h"
#include "domain/customer.h"
#include "domain/rules.h"
#include "identity/normalize.h"
#include "sync/fieldmappingset.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Concord::Calcom { struct Booking; struct EventType; }
namespace Concord::QuickBooks { struct Customer; struct Invoice; struct Payment; struct CreditMemo; struct RefundReceipt; struct SalesForm; struct Item; }
namespace Concord::HubSpot { struct Contact; }
namespace Concord::Store { class Database; }

namespace Concord::Sync {

struct ApplierSettings {
    QString businessTimeZone = QStringLiteral("UTC");  // dates of sessions and invoices
    QString defaultRegion = QStringLiteral("US");      // phone numbers without a country code
    QString currency = QStringLiteral("USD");
    QString actor = QStringLiteral("sync");             // who links and flags (audit, links)
    // Staff buffer between sessions, for double-booking detection.
    int staffBufferMinutes = 0;
    // [sync] pdf_cache: each new version of an invoice gets its PDF fetched.
    bool cacheInvoicePdfs = false;
};

// What applying one captured change did (for the cycle report and tests).
struct ApplyOutcome {
    bool echo = false;          // Concord's own write read back: nothing carried
    bool stale = false;         // older than what the store holds: ignored
    bool changed = false;       // the store changed
    int jobsEnqueued = 0;
    int customersCreated = 0;
    QString entityId;           // Concord's id of what it touched
    QString note;
    // Values seen outside their field's system of record ("email 'a@b.c'
    // from QuickBooks: HubSpot is its system of record"): kept for matching
    // people only, never carried as the customer's value.
    QStringList notAuthoritative;
};

// The desired state of an appointment's HubSpot deal, computed from the store
// when the job is delivered (so jobs delivered out of order still leave the
// latest state).
struct DesiredDeal {
    QString customerId;
    QString dealName;
    QString stage;              // empty: leave as is
    QString amount;             // decimal text
    QString closeDate;          // ISO instant (the session's start)
    QString description;        // invoice number and link, when invoiced
    QString ownerEmail;         // staff email → HubSpot owner
    bool closeTasks = false;
    // The mapped fields carried onto the deal (enabled HubSpot "deal.*" rows):
    // property named by the row → value through the row's transform.
    QMap<QString, QString> properties;
    // Mapped fields with a value that could not be carried, each with why
    // (a transform refusing the value, a path naming no deal property).
    QStringList notCarried;
};

// [issue 9: integration mode] What a person's "create invoice now" did.
struct InvoiceNow {
    QString planKey;        // "session/<appointment id>": the same plan the billing pass would queue
    qint64 jobId = 0;       // the invoice-plan job (new, or the one already queued); 0 when invoiced
    qint64 invoiceId = 0;   // Concord's invoice, when the session is invoiced already
    bool queued = false;    // a new job was queued by this call
};

// Decide (architecture.md, data flow steps 2–5): turns captured remote
// changes into store state plus outbox jobs, in one transaction each, so a
// crash leaves either both or neither. No network: the job runner delivers.
// Thread affinity: the thread that owns `db` (the sync thread).
class ChangeApplier
{
public:
    ChangeApplier(Store::Database &db, const Clock &clock, ApplierSettings settings);

    [[nodiscard]] const ApplierSettings &settings() const { return m_settings; }

    // The field mappings the applier (and the job runner, through it)
    // honours: read from the store on first use and again by
    // reloadMappings(), which the engine calls at the start of every cycle
    // and poll, so an edit applied in the mapping editor counts from then on.
    // A store that cannot be read leaves the previous set (none at first:
    // nothing mapped is carried) and returns the error.
    [[nodiscard]] Status reloadMappings();
    [[nodiscard]] const FieldMappingSet &fieldMappings() const;

    // Catalog: Cal.com event types ↔ QuickBooks Items by name (the service
    // type mapping's default); the item's unit price is the hourly rate.
    [[nodiscard]] Status importCatalog(const QList<Calcom::EventType> &eventTypes,
                                       const QList<QuickBooks::Item> &items);

    // People seen in QuickBooks or HubSpot: linked to the Concord customer
    // with the same stored link, email or phone; a second record in the same
    // system becomes its own customer (a duplicate for the review, never
    // merged silently); nobody matching → a new customer.
    [[nodiscard]] Result<ApplyOutcome> applyQuickBooksCustomer(const QuickBooks::Customer &customer);
    [[nodiscard]] Result<ApplyOutcome> applyHubSpotContact(const HubSpot::Contact &contact);

    // A booking as Cal.com holds it now: the attendee resolved (link, email,
    // phone; created and pushed to QuickBooks/HubSpot only when unknown), the
    // appointment's state moved (reschedules keep its identity), the deal,
    // tasks, cancellation money and booking block decided.
    [[nodiscard]] Result<ApplyOutcome> applyBooking(const Calcom::Booking &booking);

    // QuickBooks money, mirrored: status from QuickBooks' own numbers; lines
    // tied to appointments; deals and tasks follow.
    [[nodiscard]] Result<ApplyOutcome> applyInvoice(const QuickBooks::Invoice &invoice, const QDateTime &changedAt);
    [[nodiscard]] Result<ApplyOutcome> applyPayment(const QuickBooks::Payment &payment, const QDateTime &changedAt);
    [[nodiscard]] Result<ApplyOutcome> applyCreditMemo(const QuickBooks::CreditMemo &memo, const QDateTime &changedAt);
    [[nodiscard]] Result<ApplyOutcome> applyRefundReceipt(const QuickBooks::RefundReceipt &receipt,
                                                          const QDateTime &changedAt);
    // QuickBooks deleted an invoice (CDC stub).
    [[nodiscard]] Result<ApplyOutcome> applyInvoiceDeleted(const QString &quickbooksId);

    // Billing pass: completed sessions without an invoice get one per policy
    // (per session now; monthly once the month is over), overdue balances get
    // a follow-up task, money statuses move with the calendar (overdue).
    [[nodiscard]] Result<int> decideBilling(const QDate &today);

    // [issue 9: integration mode] Off in the lighter setup: the billing pass
    // and a late cancellation's fee no longer queue QuickBooks invoices (the
    // rest of the pass — sessions completed, deals, overdue — still runs).
    // The engine sets it from the stored mode at every cycle and poll.
    void setAutomaticInvoices(bool on) { m_automaticInvoices = on; }
    [[nodiscard]] bool automaticInvoices() const { return m_automaticInvoices; }
    // [issue 9] The manual invoice trigger (both modes): queues the
    // invoice-plan job the billing pass would queue for this one session,
    // always per session (a monthly policy's deposit and terms still apply).
    // Idempotent: an invoiced session, or one whose job is queued, gets
    // nothing new. InvalidArgument for a canceled session or a service not
    // priced in QuickBooks (no rate or no item); NotFound for no appointment.
    [[nodiscard]] Result<InvoiceNow> invoiceNow(qint64 appointmentId);

    // For the job runner.
    [[nodiscard]] Result<DesiredDeal> desiredDeal(qint64 appointmentId) const;

    // Status of a QuickBooks invoice from its own numbers.
    [[nodiscard]] static Domain::MoneyStatus moneyStatusOf(const Domain::Money &total, const Domain::Money &balance,
                                                          const Domain::Money &deposit, bool voided, bool refunded,
                                                          const QDate &dueDate, const QDate &today, bool anyPayment);

private:
    struct Person {
        QString given, family, display, email, phone, timeZone;
    };
    [[nodiscard]] Result<QString> resolvePerson(const Person &person, Domain::System system, const QString &externalId,
                                                ApplyOutcome &outcome);
    [[nodiscard]] Result<QString> createCustomer(const Person &person, Domain::System source);
    // Adds the person's email and phone the customer does not have yet (they
    // match people later). A value from a system that is not the field's
    // system of record is added for matching only and named in `outcome`.
    [[nodiscard]] Status addMissingContacts(const QString &customerId, const Person &person, Domain::System source,
                                            ApplyOutcome &outcome);
    // The value of a customer's email or phone Concord carries: the one
    // from the field's system of record when Concord has it, else the
    // primary (first-time creation: the authority has none yet).
    [[nodiscard]] QString carriedContact(const Domain::Customer &customer, Domain::ContactKind kind) const;
    [[nodiscard]] Result<int> ensureRemoteCustomer(const QString &customerId, const QDateTime &sourceAt,
                                                   QStringView kind);
    [[nodiscard]] Result<int> enqueueDeal(qint64 appointmentId, const QString &trigger, QStringView kind,
                                          const QDateTime &sourceAt);
    [[nodiscard]] Result<int> enqueueCloseTasks(const QString &entityType, const QString &entityId,
                                                const QString &trigger, QStringView kind, const QDateTime &sourceAt);
    [[nodiscard]] Result<int> decideCancellationMoney(const Domain::Appointment &appointment,
                                                      const QDateTime &canceledAt, QStringView kind);
    [[nodiscard]] Result<int> checkBookingBlock(const Domain::Appointment &appointment, const Calcom::Booking &booking);
    [[nodiscard]] Status checkDoubleBooking(const Domain::Appointment &appointment);
    [[nodiscard]] Result<QList<Domain::InvoicePolicy>> policies() const;
    [[nodiscard]] QString activeCustomer(const QString &customerId) const;
    [[nodiscard]] Result<int> tieLinesToAppointments(Domain::Invoice &invoice);
    // Credit memos and refund receipts alike: mirrored, and the invoice
    // they were issued for becomes refunded.
    [[nodiscard]] Result<ApplyOutcome> applyCredit(const QuickBooks::SalesForm &form, Domain::CreditKind kind,
                                                   const QDateTime &changedAt);
    [[nodiscard]] Result<int> afterMoneyChange(const Domain::Invoice &before, const Domain::Invoice &after,
                                               QStringView kind, const QDateTime &changedAt);
    [[nodiscard]] QDate localDate(const QDateTime &utc) const;

    Store::Database &m_db;
    const Clock &m_clock;
    ApplierSettings m_settings;
    Identity::PhoneNormalizer m_phones;
    bool m_automaticInvoices = true; // [issue 9] false in the lighter setup
    // The service catalog, read once per catalog import (every booking needs it).
    mutable std::optional<QList<Domain::Service>> m_services;
    mutable std::optional<FieldMappingSet> m_mappings;
    [[nodiscard]] Result<QList<Domain::Service>> services() const;
};

} // namespace Concord::Sync
