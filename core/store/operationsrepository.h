#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/operations.h"

#include <QHash>
#include <QList>
#include <optional>

namespace Concord::Store {

class Database;

// The sync log, capture cursors, connection health, persisted webhook events,
// cached invoice attachments and the review schedule.
// Thread affinity: the thread that owns `db`.
class OperationsRepository
{
public:
    explicit OperationsRepository(Database &db, const Clock &clock = Clock::system());

    [[nodiscard]] Result<qint64> appendLog(Domain::SyncLogEntry entry);
    // Newest first.
    [[nodiscard]] Result<QList<Domain::SyncLogEntry>> recentLog(int limit) const;
    // Latencies (ms) of successful outbound deliveries since `since`, ascending,
    // for p50/p95 figures.
    [[nodiscard]] Result<QList<qint64>> latenciesSince(const QDateTime &since) const;
    // The same per kind of source change (SyncLogEntry::kind), each ascending.
    [[nodiscard]] Result<QHash<QString, QList<qint64>>> latenciesByKindSince(const QDateTime &since) const;

    [[nodiscard]] Status setCursor(Domain::System system, const QString &resource, const QString &value);
    // nullopt when capture has never run for this resource.
    [[nodiscard]] Result<std::optional<Domain::SyncCursor>> cursor(Domain::System system, const QString &resource) const;

    [[nodiscard]] Status saveConnection(const Domain::Connection &connection);
    // One entry per system, in allSystems() order; NotConfigured for missing ones.
    [[nodiscard]] Result<QList<Domain::Connection>> connections() const;

    // Persists a webhook body. Returns the event id, or nullopt when an event
    // with the same (system, dedupeKey) was already stored (a repeat).
    [[nodiscard]] Result<std::optional<qint64>> storeInbound(const Domain::InboundEvent &event);
    [[nodiscard]] Result<QList<Domain::InboundEvent>> unprocessedInbound(int limit) const;
    [[nodiscard]] Status markInboundProcessed(qint64 id, const QString &error);
    // Marks `system`'s unprocessed events received strictly before
    // `receivedBefore` as processed (no error). A webhook is only a hint: the
    // engine calls this after a poll of `system` that started at
    // `receivedBefore`, which has read whatever those events announced.
    // Events received at or after the instant wait for the next poll; events
    // already processed keep their time and error. Marking none is not an
    // error; an invalid instant is InvalidArgument.
    [[nodiscard]] Status markInboundProcessedBefore(Domain::System system, const QDateTime &receivedBefore);
    // How many of `system`'s events wait for a poll (for status).
    [[nodiscard]] Result<int> unprocessedInboundCount(Domain::System system) const;
    // Per system that sent any since `since`: events received, those kept
    // unreadable (an error recorded), those not yet settled, the newest.
    struct InboundSummary {
        Domain::System system = Domain::System::QuickBooks;
        qint64 received = 0;
        qint64 unreadable = 0;
        qint64 unprocessed = 0;
        QDateTime lastReceivedAt;
    };
    [[nodiscard]] Result<QList<InboundSummary>> inboundSummarySince(const QDateTime &since) const;

    // Content-addressed: saving a digest that exists returns the existing id
    // (a re-sync never creates a second copy).
    [[nodiscard]] Result<qint64> saveAttachment(const Domain::Attachment &attachment);
    [[nodiscard]] Result<Domain::Attachment> attachmentBySha256(const QString &sha256Hex) const;
    [[nodiscard]] Result<QList<Domain::Attachment>> expiredAttachments(const QDateTime &nowUtc) const;
    [[nodiscard]] Status deleteAttachment(qint64 id);
    // The attachments recorded for a Concord invoice, newest first (fetchedAt, then id).
    [[nodiscard]] Result<QList<Domain::Attachment>> attachmentsForInvoice(qint64 invoiceId) const;

    // One schedule per cadence.
    [[nodiscard]] Result<qint64> saveReviewSchedule(const Domain::ReviewSchedule &schedule);
    [[nodiscard]] Result<QList<Domain::ReviewSchedule>> reviewSchedules() const;
    // Inserts `cadence`'s schedule, without an owner, unless it exists. Safe
    // when two desktops seed at once (UNIQUE cadence, ON CONFLICT DO NOTHING):
    // an existing schedule (its owner, its due date) is never touched. True
    // when this call inserted the row.
    [[nodiscard]] Result<bool> seedReviewSchedule(Domain::ReviewCadence cadence, const QDate &nextDue);
    // Names `cadence`'s owner (0 clears it). NotFound when the cadence has no
    // schedule yet. On PostgreSQL only owners pass the schema-8 guard.
    [[nodiscard]] Status setReviewOwner(Domain::ReviewCadence cadence, qint64 ownerUserId);
    // Records a completed review and moves the schedule's next due date.
    // With a valid `expectedDue` the schedule moves only while its next_due is
    // still that date (Conflict otherwise): two desktops completing the same
    // review at once record it once.
    [[nodiscard]] Result<qint64> completeReview(const Domain::ReviewRun &run, const QDate &nextDue,
                                                const QDate &expectedDue = {});
    [[nodiscard]] Result<QList<Domain::ReviewRun>> reviewRuns(qint64 scheduleId) const;
    // The newest run of every schedule that has one, by schedule id.
    [[nodiscard]] Result<QHash<qint64, Domain::ReviewRun>> latestReviewRuns() const;

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace Concord::Store
