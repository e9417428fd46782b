#pragma once

#include "common/clock.h"
#include "domain/operations.h"
#include "theme.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace Concord::Ui {

// The retry queue as a table: outbox jobs that wait for a retry or for a
// person, over an immutable snapshot pushed from the sync thread.
//
// Rows keep their identity across snapshots: setJobs() matches jobs by id,
// updates the rows that stay in place, removes the ones that left and appends
// the new ones, so a view's selection and current row survive a refresh (a
// model reset would drop them every time the queue is re-read).
//
// DisplayRole is text in plain words ("Create invoice in QuickBooks", "Needs
// attention", "in 12 min"); SortRole carries the raw value each column sorts
// by (numbers and instants as numbers); ToolTipRole the technical detail.
// Relative times are computed against `clock` when asked, so they move on
// when refreshTimes() is called (the page does so every 30 s).
class RetryQueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TargetSystem, // "QuickBooks", "HubSpot", "Cal.com"
        What, // the operation in words
        Record, // the Concord entity it is about
        State,
        Attempts,
        Cause, // why it waits, in words
        NextTry, // when it is tried next, or how long it has waited for a person
        RequestId, // the remote system's id of the last request
        ColumnCount
    };
    Q_ENUM(Column)

    enum DataRole {
        JobIdRole = Qt::UserRole + 1, // qint64 job id, stable across snapshots (every column)
        SortRole, // the column's raw sort key: qint64/int for numbers and times, else text
        SystemRole, // int(Domain::System) (every column)
        StateRole, // int(Domain::JobState) (every column)
        CreatedAtRole, // QDateTime (UTC) the job was queued (every column)
        SearchTextRole, // everything the free-text filter matches (every column)
    };

    explicit RetryQueueModel(const Clock &clock = Clock::system(), QObject *parent = nullptr);

    // Replaces the snapshot, keeping rows by job id (see above). A repeated
    // id keeps its first occurrence.
    void setJobs(const QList<Domain::OutboxJob> &jobs);
    // Who each job is about, by Services::jobClientKey ("customer/cus_…" →
    // "Dan Wu"); the Record column leads with the name. Jobs without an entry
    // keep their kind and id.
    void setClientNames(const QHash<QString, QString> &names);
    // The Record cell: "Dan Wu", "Appointment 318 · Dan Wu", or recordText().
    [[nodiscard]] QString recordLabel(const Domain::OutboxJob &job) const;
    [[nodiscard]] const QList<Domain::OutboxJob> &jobs() const { return m_jobs; }
    // Row of the job with `id`, or -1.
    [[nodiscard]] int rowForJob(qint64 id) const;
    // The job with `id`, or nullptr; valid until the next setJobs().
    [[nodiscard]] const Domain::OutboxJob *job(qint64 id) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    // The operation names of core/sync/jobs.h in words: "Create invoice in
    // QuickBooks". Empty for an operation this version does not know.
    [[nodiscard]] static QString operationText(const QString &operation);
    // operationText(), or a sentence naming the raw operation when unknown.
    [[nodiscard]] static QString whatText(const Domain::OutboxJob &job);
    // "Customer", "Appointment", "Planned invoice" for the outbox's entity types.
    [[nodiscard]] static QString entityTypeText(const QString &entityType);
    // "Appointment 12", "Planned invoice 2026-03/cus_7".
    [[nodiscard]] static QString recordText(const Domain::OutboxJob &job);
    [[nodiscard]] static QString stateText(const Domain::OutboxJob &job);
    [[nodiscard]] static Theme::Tone stateTone(const Domain::OutboxJob &job);
    // Why the job waits, in words: the sync engine's own sentence when it
    // wrote one (DeliveryDecision::cause), otherwise one from the error code.
    [[nodiscard]] static QString causeText(const Domain::OutboxJob &job);
    // Error code, HTTP status, the remote system's text and the request id,
    // one per line, for the error log and tooltips. Empty without an error.
    [[nodiscard]] static QString technicalDetail(const Domain::OutboxJob &job);
    // "due now", "in 12 min", "waiting 3 h", "sending now", … at `nowUtc`.
    [[nodiscard]] static QString nextTryText(const Domain::OutboxJob &job, const QDateTime &nowUtc);
    // "45 s", "12 min", "5 h", "3 d": whole units, rounded down.
    [[nodiscard]] static QString durationText(qint64 secs);
    // "QuickBooks", "HubSpot", "Cal.com": the names people use in an office.
    [[nodiscard]] static QString systemText(Domain::System system);

public Q_SLOTS:
    // Time moved on: the "Next try / age" column is announced as changed.
    void refreshTimes();

private:
    [[nodiscard]] QVariant displayData(const Domain::OutboxJob &job, Column column) const;
    [[nodiscard]] QVariant sortData(const Domain::OutboxJob &job, Column column) const;
    [[nodiscard]] QVariant toolTipData(const Domain::OutboxJob &job, Column column) const;
    [[nodiscard]] QString accessibleText(const Domain::OutboxJob &job, Column column) const;
    [[nodiscard]] QString searchText(const Domain::OutboxJob &job) const;
    void rebuildIndex();

    const Clock &m_clock;
    QList<Domain::OutboxJob> m_jobs;
    QHash<QString, QString> m_clientNames;
    QHash<qint64, int> m_rowById;
};

} // namespace Concord::Ui
