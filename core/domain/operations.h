#pragma once

#include "domain/system.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>

namespace Concord::Domain {

// One intended effect on a remote system, written in the same transaction as
// the state change that caused it (the outbox), then delivered by the sync
// thread. Failed jobs stay here as the retry queue.
enum class JobState {
    Pending,    // waiting for its next attempt (nextAttemptAt)
    InFlight,   // claimed by a worker until leaseUntil
    Succeeded,
    Failed,     // permanent failure: waits for a person (retry, override, link, dismiss)
    Dismissed,  // a person decided not to carry it
};
[[nodiscard]] QString toString(JobState state);
[[nodiscard]] Result<JobState> parseJobState(const QString &text);

struct OutboxJob {
    qint64 id = 0;
    System targetSystem = System::QuickBooks;
    QString operation;          // "customer.create", "invoice.void", "deal.update", …
    QString entityType;         // "customer", "appointment", "invoice", …
    QString entityId;
    QByteArray payloadJson;
    QString idempotencyKey;     // unique; QuickBooks requestid (≤ 50 chars) etc.
    JobState state = JobState::Pending;
    int attempts = 0;
    QDateTime nextAttemptAt;    // UTC
    QDateTime sourceChangedAt;  // when the change happened at its source (latency)
    QString sourceKind;         // what kind of change caused it: "appointment", "payment", "customer", …
    QDateTime previousAttemptAt; // when the attempt before the current one started; invalid = first attempt
    QString lastErrorCode;
    QString lastErrorMessage;
    QString lastErrorDetail;
    int lastHttpStatus = 0;
    QString lastRequestId;
    QString claimedBy;
    QDateTime leaseUntil;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// What happened when Concord carried (or tried to carry) a change.
struct SyncLogEntry {
    qint64 id = 0;
    QDateTime at;               // UTC
    System system = System::QuickBooks;
    QString direction;          // "in" (captured) or "out" (delivered)
    QString entityType;
    QString entityId;
    QString externalId;
    QString action;
    QString outcome;            // "ok", "skipped", "echo", "error"
    qint64 latencyMs = -1;      // source change → delivered; -1 = not measured
    QString kind;               // the kind of source change carried ("appointment", "payment", …)
    QString requestId;
    QString message;
};

// Where incremental capture resumes (Cal.com afterUpdatedAt, QuickBooks CDC
// changedSince, HubSpot lastmodifieddate).
struct SyncCursor {
    System system = System::QuickBooks;
    QString resource;           // "bookings", "cdc", "contacts", …
    QString value;
    QDateTime updatedAt;
};

// A connection's health, shown in the status bar and dashboard. No secrets.
enum class ConnectionState { NotConfigured, Connected, Expiring, Expired, Error, Disconnected };
[[nodiscard]] QString toString(ConnectionState state);
[[nodiscard]] Result<ConnectionState> parseConnectionState(const QString &text);

struct Connection {
    System system = System::QuickBooks;
    ConnectionState state = ConnectionState::NotConfigured;
    QString accountLabel;       // realm / portal / user shown to the admin
    QString baseUrl;
    QDateTime accessExpiresAt;
    QDateTime refreshIssuedAt;  // when the refresh token in the keychain was issued
    QDateTime refreshExpiresAt; // QuickBooks refresh tokens roll every 100 days
    QDateTime lastOkAt;
    QString lastError;
    QDateTime updatedAt;
};

// A webhook body persisted before it is processed (acknowledge fast, process later).
struct InboundEvent {
    qint64 id = 0;
    System system = System::QuickBooks;
    QString dedupeKey;          // the event's own id, so repeats are ignored
    QDateTime receivedAt;
    QByteArray body;
    QDateTime processedAt;      // invalid until processed
    QString error;
};

// A cached invoice PDF, content-addressed by SHA-256 (one copy, ever).
struct Attachment {
    qint64 id = 0;
    QString sha256Hex;
    qint64 invoiceId = 0;
    QString mimeType = QStringLiteral("application/pdf");
    qint64 sizeBytes = 0;
    QString storagePath;
    QDateTime fetchedAt;
    QDateTime expiresAt;        // retention; invalid = keep
};

enum class ReviewCadence { Weekly, Monthly, Quarterly };
[[nodiscard]] QString toString(ReviewCadence cadence);
[[nodiscard]] Result<ReviewCadence> parseReviewCadence(const QString &text);

// A recurring review with one named owner.
struct ReviewSchedule {
    qint64 id = 0;
    ReviewCadence cadence = ReviewCadence::Weekly;
    qint64 ownerUserId = 0;
    QDate nextDue;
    QDateTime lastCompletedAt;
};

struct ReviewRun {
    qint64 id = 0;
    qint64 scheduleId = 0;
    qint64 completedByUserId = 0;
    QDateTime completedAt;
    QString findingsJson;
};

// A remote record standing for one of Concord's own entities beyond the
// customer identity map: an appointment's HubSpot deal, an invoice plan's
// QuickBooks invoice, an open follow-up task. `version` is the remote
// version Concord last saw or wrote (SyncToken, updatedAt).
struct RemoteRef {
    QString entityType;         // "appointment", "invoice", "customer", …
    QString entityId;
    System system = System::HubSpot;
    QString kind;               // "deal", "task/overdue", "invoice", …
    QString remoteId;
    QString version;
    QDateTime updatedAt;
};

// Something the sync engine will not decide alone and shows to a person:
// a wrong-place edit, a staff double-booking, a blocked client.
struct SyncFlag {
    qint64 id = 0;
    QString kind;               // "wrong_place_edit", "double_booking", "booking_block", …
    QString subject;            // what it is about, unique per kind ("appointment/12", "customer/cus_…")
    QString system;             // the system where it was seen; empty = Concord
    QString message;            // in words
    QByteArray detailJson;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime resolvedAt;       // invalid while open
    QString resolvedBy;
};

} // namespace Concord::Domain
