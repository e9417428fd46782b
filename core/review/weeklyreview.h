#pragma once

#include "common/error.h"
#include "domain/system.h"

#include <QDateTime>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Concord::Store {
class Database;
}
namespace Concord::HubSpot {
class HubSpotClient;
}

namespace Concord::Review {

// A change Concord could not carry and that now waits for a person (outbox
// job in state "failed"). Age counts from when the change was queued: that is
// how long the other system has been wrong.
struct FailedSync {
    qint64 jobId = 0;
    Domain::System system = Domain::System::QuickBooks;
    QString operation;          // "hubspot.deal.upsert", …
    QString entityType;         // "appointment", "customer", …
    QString entityId;
    QString clientName;         // Services::clientNamesForJobs; empty = unknown
    QString errorCode;
    QString errorMessage;
    int attempts = 0;
    QDateTime queuedAt;         // UTC (job created)
    QDateTime failedAt;         // UTC (last update: when it was parked)
    qint64 ageSeconds = 0;      // now - queuedAt
    friend bool operator==(const FailedSync &, const FailedSync &) = default;
};

// An open duplicate candidate found after the last weekly review.
struct NewDuplicate {
    qint64 candidateId = 0;
    QString customerA;
    QString nameA;
    QString customerB;
    QString nameB;
    int scorePermille = 0;
    QDateTime foundAt;
    friend bool operator==(const NewDuplicate &, const NewDuplicate &) = default;
};

// Why a canceled appointment still looks open somewhere.
//  OpenInvoice: a line of a QuickBooks invoice with balance > 0 (not voided or
//               refunded) is for this appointment.
//  OpenDeal:    its HubSpot deal (remote_refs) is in a stage the status
//               mapping does not treat as closed (live read).
//  OpenTask:    a HubSpot task Concord created for it is not COMPLETED (live).
//  Reminder:    something would still notify a person about it — a HubSpot
//               task of it with a reminder set (hs_task_reminders, live), or a
//               pending/in-flight "hubspot.task.create" outbox job for it
//               (store: it would create a follow-up task after the cancel).
enum class OpenItemKind { OpenInvoice, OpenDeal, OpenTask, Reminder };
[[nodiscard]] QString toString(OpenItemKind kind); // "open_invoice", "open_deal", "open_task", "reminder"

struct OpenItem {
    OpenItemKind kind = OpenItemKind::OpenInvoice;
    Domain::System system = Domain::System::QuickBooks; // where the record is (Concord's outbox: the job's target)
    QString recordId;           // invoice DocNumber/QuickBooks id, deal id, task id, "job/<id>"
    QString detail;             // "balance 80.00 USD", "stage appointmentscheduled", task subject
    QString action;             // what to do, in words
    friend bool operator==(const OpenItem &, const OpenItem &) = default;
};

struct CanceledAppointment {
    qint64 appointmentId = 0;
    QString calcomUid;
    QString customerId;
    QString clientName;
    QDateTime startUtc;
    QString zoneId;
    QString title;
    QString dealId;             // HubSpot deal per remote_refs; empty = none
    QStringList taskIds;        // HubSpot tasks per remote_refs ("task/…" kinds)
    QList<OpenItem> items;      // empty = nothing open
    friend bool operator==(const CanceledAppointment &, const CanceledAppointment &) = default;
};

enum class HubSpotCheck { NotConnected, Checked, Failed };

// The weekly review's findings. Value type; serializes to JSON with stable
// keys for review_runs.findings_json.
struct WeeklyFindings {
    QDateTime computedAt;       // UTC
    QDateTime since;            // the last weekly review's completion; invalid = never
    QDateTime windowStart;      // canceled appointments starting at or after this (now - 90 days)
    QList<FailedSync> failedSyncs;          // oldest first
    QList<NewDuplicate> newDuplicates;      // newest first
    QList<CanceledAppointment> canceled;    // every canceled appointment in the window, by start
    QStringList closedDealStages;           // stages the status mapping treats as closed
    HubSpotCheck hubspot = HubSpotCheck::NotConnected;
    QString hubspotNote;        // "not checked: HubSpot not connected", or what failed

    // The canceled appointments with at least one open item.
    [[nodiscard]] QList<CanceledAppointment> canceledStillOpen() const;
    // {"computed_at", "since", "window_start", "hubspot": {"state", "note"},
    //  "counts": {"failed_syncs", "new_duplicates", "canceled_still_open",
    //             "open_invoices", "open_deals", "open_tasks", "reminders"},
    //  "failed_syncs": [...], "new_duplicates": [...], "canceled_still_open": [...]}
    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const WeeklyFindings &, const WeeklyFindings &) = default;
};

// How far back canceled appointments are checked (future ones always are).
inline constexpr int kCanceledWindowDays = 90;

// What the store alone tells: failed syncs, new duplicate candidates (open,
// found after the weekly schedule's last completion), and canceled
// appointments with an open invoice or a pending follow-up task job. Deals and
// tasks are only listed (dealId/taskIds) for checkHubSpot(); `hubspot` is
// NotConnected with its note until that runs.
// Thread affinity: the thread that owns `db`. Reads only.
[[nodiscard]] Result<WeeklyFindings> collectWeeklyFindings(Store::Database &db, const QDateTime &nowUtc);

// Reads every listed deal and task of the canceled appointments live (one GET
// each, in sequence, within HubSpot's budget through the client's limiter)
// and adds OpenDeal/OpenTask/Reminder items. A deal or task HubSpot no longer
// has (404) is not open. Any other error stops the check: `hubspot` becomes
// Failed with the error in `hubspotNote`, and what was read so far is kept.
// With a null client the findings come back as they are (NotConnected).
// Thread affinity: `client`'s thread; the future finishes there.
[[nodiscard]] QFuture<WeeklyFindings> checkHubSpot(WeeklyFindings findings, HubSpot::HubSpotClient *client);

} // namespace Concord::Review

Q_DECLARE_METATYPE(Concord::Review::WeeklyFindings)
