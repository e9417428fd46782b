#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/billing.h"
#include "domain/money.h"
#include "domain/operations.h"
#include "domain/status.h"
#include "domain/system.h"
#include "domain/zonedtime.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>

namespace Concord::Store {
class Database;
}

// The Appointments and Invoices pages' data: each record's state in Cal.com,
// HubSpot and QuickBooks side by side, as far as Concord's store knows it,
// plus the disagreements between them in plain words.
//
// What the store knows, and what it does not:
// - Cal.com: the appointment's status as last mirrored, and its booking uid.
// - HubSpot: which deal stands for the appointment (remote_refs) and the stage
//   Concord's status mapping gives it (the same computation as
//   Sync::ChangeApplier::desiredDeal). The deal's live stage is not stored:
//   whether the deal carries that stage is told by the deal's delivery (a
//   waiting or failed update means it does not yet), and a stage someone
//   changed in HubSpot shows as the sync engine's wrong-place-edit flag.
// - QuickBooks: the invoice carrying the appointment, with QuickBooks' own
//   numbers and status.
// Nothing else is guessed: a record with no remote counterpart is "not linked".
//
// Thread affinity: the functions run on the thread that owns `db` (the sync
// thread); the values they return are plain data for the GUI thread.
namespace Concord::Services {

// How Concord's changes for one record reached one system (outbox jobs).
enum class DeliveryState {
    NothingSent, // no change for this record was ever queued for the system
    Carried,     // everything queued was delivered
    Waiting,     // a change waits for its next attempt (or is being sent)
    Failed,      // a change failed permanently and waits for a person
};
// "nothing_sent", "carried", "waiting", "failed".
[[nodiscard]] QString toString(DeliveryState state);

struct Delivery {
    DeliveryState state = DeliveryState::NothingSent;
    // The job that decides the state: the newest failed one, else the oldest
    // waiting one; 0 when carried or nothing was sent.
    qint64 jobId = 0;
    QString operation;          // its operation (core/sync/jobs.h)
    QDateTime since;            // when it was queued (failed, waiting); the last delivery (carried)
    QString message;            // the engine's own words: the error, or why it waits
    int attempts = 0;
    int failedJobs = 0;         // how many changes failed (superseded deal updates excluded)
    int waitingJobs = 0;        // how many changes wait
};

enum class DisagreementKind {
    DeliveryFailed,         // a change for the record failed and waits for a person
    DeliveryDelayed,        // a change has waited longer than kLongWaitSecs
    OpenFlag,               // the sync engine flagged the record for a person
    CanceledInvoiceOpen,    // canceled in Cal.com, its per-session invoice still open in QuickBooks
    DealStageBehind,        // canceled / no-show / paid / voided / refunded, the deal's update not delivered
    NotInvoiced,            // a completed, priced session past its billing point on no invoice
    Overdue,                // the invoice's balance is past its due date
};
// "delivery_failed", "delivery_delayed", "open_flag", "canceled_invoice_open",
// "deal_stage_behind", "not_invoiced", "overdue".
[[nodiscard]] QString toString(DisagreementKind kind);

struct Disagreement {
    DisagreementKind kind = DisagreementKind::OpenFlag;
    // The system whose column shows it; nullopt: Concord itself (a flag
    // raised without a system).
    std::optional<Domain::System> system;
    bool needsPerson = false;   // red (a person must act) rather than amber (watch)
    QString reason;             // one short sentence, plain words
    qint64 jobId = 0;           // the outbox job it is about, if any
    qint64 flagId = 0;          // the sync flag it is about, if any

    friend bool operator==(const Disagreement &, const Disagreement &) = default;
};

// A pending job older than this is "long waiting": three times the slowest
// latency target (invoice and payment status: 5 minutes, product.md §6).
inline constexpr qint64 kLongWaitSecs = 15 * 60;
// How long after its billing point a completed session may wait for its
// invoice before it counts as not invoiced: the billing pass runs every sync
// cycle, and the business's calendar day may start up to a day apart from UTC.
inline constexpr qint64 kBillingGraceSecs = 24 * 3600;
// What the pages ask for when nobody chose otherwise.
inline constexpr int kDefaultRecordLimit = 20'000;

// One appointment and its counterparts.
struct AppointmentRecord {
    qint64 id = 0;
    QString customerId;
    QString customerName;
    QString title;              // the service's name, else the booking's title
    QString staffName;
    Domain::ZonedInstant start;
    int durationMinutes = 0;

    // Cal.com
    QString calcomUid;          // empty: not linked to a booking
    Domain::AppointmentStatus status = Domain::AppointmentStatus::Booked;
    Delivery calcomDelivery;

    // HubSpot
    QString dealId;             // empty: no deal linked
    QString hubspotContactId;   // the customer's contact (identity map); empty: not linked
    QString expectedStage;      // the stage Concord's mapping gives the deal; empty: none
    QString seenStage;          // the stage a person set in HubSpot (open wrong-place-edit flag); usually empty
    Delivery hubspotDelivery;

    // QuickBooks: the newest invoice carrying the appointment
    qint64 invoiceId = 0;       // 0: on no invoice
    QString quickbooksInvoiceId;
    QString docNumber;
    Domain::MoneyStatus invoiceStatus = Domain::MoneyStatus::Invoiced;
    Domain::Money invoiceTotal;
    Domain::Money invoiceBalance;
    QDate dueDate;
    QString quickbooksCustomerId; // identity map; empty: not linked
    Delivery quickbooksDelivery;

    QList<Disagreement> disagreements;
};

struct AppointmentsData {
    QDateTime fromUtc;          // the window asked for: starts in [fromUtc, toUtc)
    QDateTime toUtc;
    int limit = 0;
    qint64 matching = 0;        // appointments in the window (rows holds at most `limit`)
    bool truncated = false;     // matching > rows.size()
    QDateTime generatedAt;      // UTC, from the clock
    QList<AppointmentRecord> rows; // by start, then id
    QList<Domain::Connection> connections; // for links to the records (recordUrl)
};

// One session an invoice bills.
struct InvoiceSession {
    qint64 appointmentId = 0;
    QString calcomUid;
    Domain::AppointmentStatus status = Domain::AppointmentStatus::Booked;
    Domain::ZonedInstant start;
    QString dealId;             // empty: no deal linked
    QString expectedStage;      // the stage Concord's mapping gives its deal

    friend bool operator==(const InvoiceSession &, const InvoiceSession &) = default;
};

// One invoice and its counterparts.
struct InvoiceRecord {
    qint64 id = 0;
    QString customerId;
    QString customerName;

    // QuickBooks
    QString quickbooksId;       // empty: not created in QuickBooks yet
    QString docNumber;
    QDate txnDate;
    QDate dueDate;
    Domain::Money total;
    Domain::Money balance;
    Domain::MoneyStatus status = Domain::MoneyStatus::Invoiced;
    QString invoiceLink;        // the customer-facing link QuickBooks gave
    QString quickbooksCustomerId;
    bool lateFee = false;       // Concord's late-cancellation fee invoice
    Delivery quickbooksDelivery;

    // Cal.com: the sessions it bills, by start
    QList<InvoiceSession> sessions;
    Delivery calcomDelivery;

    // HubSpot: the sessions' deals
    QString hubspotContactId;
    Delivery hubspotDelivery;   // the deals' updates and the invoice's tasks

    QList<Disagreement> disagreements;
};

struct InvoicesData {
    QDate from;                 // invoice dates in [from, to], both included
    QDate to;
    int limit = 0;
    qint64 matching = 0;
    bool truncated = false;
    QDateTime generatedAt;
    QList<InvoiceRecord> rows;  // by invoice date, then id
    QList<Domain::Connection> connections;
};

// Reads the appointments starting in [fromUtc, toUtc) — at most `limit`, the
// earliest first — with everything the page shows, in a handful of set-based
// queries (no query per row). `clock` decides "long waiting", "overdue" and
// "past the billing point". InvalidArgument for an empty window or limit < 1.
[[nodiscard]] Result<AppointmentsData> collectAppointments(Store::Database &db, const QDateTime &fromUtc,
                                                           const QDateTime &toUtc, int limit, const Clock &clock);

// The same for invoices dated in [from, to].
[[nodiscard]] Result<InvoicesData> collectInvoices(Store::Database &db, const QDate &from, const QDate &to, int limit,
                                                   const Clock &clock);

// Where a person opens a record in its own system, from the connection's
// base URL and account label:
// - HubSpot (kind "deal" or "contact"): app.hubspot.com/contacts/<portal>/record/0-3|0-1/<id>;
//   the portal id is the account label when that is a number (else no link).
// - QuickBooks ("invoice", "customer"): app.qbo.intuit.com/app/invoice?txnId=<id>
//   (customerdetail?nameId=), app.sandbox.qbo.intuit.com for a sandbox API
//   host; &companyId=<realm> when the account label is the realm id.
// - Cal.com ("booking"): app.cal.com/booking/<uid> (app.cal.eu for api.cal.eu).
// A connection on a loopback host is one of Concord's emulators: the link is
// the emulator's REST address of the record (HubSpot /crm/v3/objects/…,
// QuickBooks /v3/company/<realm>/…, Cal.com /v2/bookings/<uid>), which needs
// the realm for QuickBooks too.
// An empty QUrl when the record cannot be addressed (no id, unknown kind,
// missing portal or realm, a self-hosted web address Concord cannot know).
[[nodiscard]] QUrl recordUrl(Domain::System system, const QString &kind, const QString &remoteId,
                             const Domain::Connection &connection);

// "Closed won" for "closedwon": the default pipeline's stages in words; any
// other stage id as it is.
[[nodiscard]] QString dealStageLabel(const QString &stageId);

} // namespace Concord::Services

Q_DECLARE_METATYPE(Concord::Services::AppointmentsData)
Q_DECLARE_METATYPE(Concord::Services::InvoicesData)
