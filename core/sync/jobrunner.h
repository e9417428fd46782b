#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/operations.h"

#include <QObject>

#include <functional>
#include <optional>

namespace Concord::Store { class Database; }

namespace Concord::Sync {

class PdfCache;

class ChangeApplier;
class ConnectorSet;

// How one delivery attempt ended.
struct JobResult {
    enum class Kind {
        Done,      // carried (or already true remotely): mark succeeded
        Deferred,  // waits for something else first: back in the queue, no attempt counted
        Failed,    // an error: the delivery policy decides (retry later, or a person)
    };
    Kind kind = Kind::Done;
    QString remoteId;          // the record written, for the log
    QString requestId;         // the remote request id, when there was one
    QString note;              // what was done, or what it waits for
    std::optional<Error> error;
    int deferMs = 0;

    [[nodiscard]] static JobResult done(QString remoteId, QString note = {}, QString requestId = {});
    [[nodiscard]] static JobResult deferred(QString why, int ms);
    [[nodiscard]] static JobResult failed(Error error);
};

struct RunnerSettings {
    QString businessTimeZone = QStringLiteral("UTC");
    // QuickBooks refund receipts need the account the money leaves from
    // ([quickbooks] refund_account; 4 is "Undeposited Funds" in QuickBooks'
    // sample companies).
    QString refundAccountId = QStringLiteral("4");
    QString pipeline = QStringLiteral("default"); // HubSpot deal pipeline
    // HubSpot's search shows a new record this long after it was made: a
    // create retried after an interrupted attempt waits that long after the
    // attempt before it looks for the record ([hubspot] search_lag_seconds).
    int hubspotSearchLagSecs = 30;
};

// Deliver (architecture.md, step 6): performs one outbox job against its
// remote system through the connectors, records what it wrote (identity
// links, remote references, echoes, the mirrored result) and hands back how
// it ended. Every remote write is idempotent by the job's key: QuickBooks
// carries requestids derived from it; HubSpot records are looked up (email,
// phone, unique deal and task names) before a retried create; Cal.com's
// cancel and decline are idempotent themselves.
// Thread affinity: the sync thread (the connectors' and the store's).
class JobRunner : public QObject
{
    Q_OBJECT
public:
    JobRunner(Store::Database &db, ConnectorSet &connectors, ChangeApplier &applier, const Clock &clock,
              RunnerSettings settings, QObject *parent = nullptr);

    void run(const Domain::OutboxJob &job, std::function<void(JobResult)> done);
    // The local invoice PDF cache, when [sync] pdf_cache is on (not owned).
    void setPdfCache(PdfCache *cache) { m_pdfCache = cache; }

private:
    void ensureQuickBooksCustomer(const Domain::OutboxJob &job, std::function<void(JobResult)> done);
    void ensureHubSpotContact(const Domain::OutboxJob &job, std::function<void(JobResult)> done);
    void upsertDeal(const Domain::OutboxJob &job, std::function<void(JobResult)> done);
    void createTask(const Domain::OutboxJob &job, std::function<void(JobResult)> done);
    void closeTask(const Domain::OutboxJob &job, std::function<void(JobResult)> done);
    void createInvoice(const Domain::OutboxJob &job, std::function<void(JobResult)> done);
    void voidInvoice(const Domain::OutboxJob &job, std::function<void(JobResult)> done);
    void createCredit(const Domain::OutboxJob &job, bool refund, std::function<void(JobResult)> done);
    void changeBooking(const Domain::OutboxJob &job, std::function<void(JobResult)> done);
    void cachePdf(const Domain::OutboxJob &job, std::function<void(JobResult)> done);

    // Milliseconds a retried HubSpot create still waits for the search index
    // to show what the previous attempt may have made; 0 = look now.
    [[nodiscard]] int waitForSearch(const QDateTime &attemptAt) const;
    // The customer's record in `system`; empty when not linked yet.
    [[nodiscard]] Result<QString> linkedId(const QString &customerId, Domain::System system) const;
    [[nodiscard]] Status link(const QString &customerId, Domain::System system, const QString &externalId,
                              const QString &method);

    Store::Database &m_db;
    ConnectorSet &m_connectors;
    ChangeApplier &m_applier;
    const Clock &m_clock;
    RunnerSettings m_settings;
    PdfCache *m_pdfCache = nullptr;
};

} // namespace Concord::Sync
