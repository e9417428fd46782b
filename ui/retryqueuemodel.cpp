#include "retryqueuemodel.h"

#include "localtimedelegate.h"
#include "sync/jobs.h"

#include <QSet>

namespace Concord::Ui {

using Domain::JobState;
using Domain::OutboxJob;
using Domain::System;

namespace {

// A dot beside the state, the size ConnectionIndicator uses in the status bar.
constexpr int kStateDotDiameter = 9;
// Entity ids that are numbers sort as numbers: "appointment 9" before
// "appointment 10". Zero-padded to this many digits (a qint64 has 19).
constexpr int kSortIdDigits = 20;

bool isDigits(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (!c.isDigit())
            return false;
    }
    return true;
}

// The first letter upper-cased: the sync engine writes deferral notes as
// clauses ("waiting for the client's HubSpot contact").
QString asSentence(QString text)
{
    text = text.trimmed();
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

// How urgent a state is: a person's attention first, then what moves on its own.
int stateRank(JobState state)
{
    switch (state) {
    case JobState::Failed:
        return 0;
    case JobState::InFlight:
        return 1;
    case JobState::Pending:
        return 2;
    case JobState::Dismissed:
        return 3;
    case JobState::Succeeded:
        return 4;
    }
    return 5;
}

// The instant the "Next try / age" column sorts by: when the job needed (a
// failed job: since it was queued) or needs (a pending one: its next attempt)
// something to happen. Ascending, the most overdue comes first.
QDateTime timelineInstant(const OutboxJob &job)
{
    switch (job.state) {
    case JobState::Failed:
        return job.createdAt.isValid() ? job.createdAt : job.updatedAt;
    case JobState::Pending:
    case JobState::InFlight:
        return job.nextAttemptAt.isValid() ? job.nextAttemptAt : job.createdAt;
    case JobState::Succeeded:
    case JobState::Dismissed:
        return job.updatedAt.isValid() ? job.updatedAt : job.createdAt;
    }
    return job.createdAt;
}

} // namespace

RetryQueueModel::RetryQueueModel(const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock)
{
}

void RetryQueueModel::setJobs(const QList<OutboxJob> &jobs)
{
    // The snapshot without repeated ids: the first occurrence counts.
    QList<OutboxJob> incoming;
    QHash<qint64, qsizetype> incomingRow;
    incoming.reserve(jobs.size());
    for (const OutboxJob &job : jobs) {
        if (incomingRow.contains(job.id))
            continue;
        incomingRow.insert(job.id, incoming.size());
        incoming.append(job);
    }

    // 1. Rows whose job left the snapshot go, in contiguous runs from the bottom.
    for (int last = int(m_jobs.size()) - 1; last >= 0;) {
        if (incomingRow.contains(m_jobs.at(last).id)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !incomingRow.contains(m_jobs.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, last);
        m_jobs.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }
    rebuildIndex();

    // 2. Rows that stay take their new values in place.
    if (!m_jobs.isEmpty()) {
        for (OutboxJob &job : m_jobs)
            job = incoming.at(incomingRow.value(job.id));
        Q_EMIT dataChanged(index(0, 0), index(int(m_jobs.size()) - 1, ColumnCount - 1));
    }

    // 3. New jobs are appended, in snapshot order.
    QList<OutboxJob> added;
    for (const OutboxJob &job : std::as_const(incoming)) {
        if (!m_rowById.contains(job.id))
            added.append(job);
    }
    if (!added.isEmpty()) {
        const int first = int(m_jobs.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_jobs.append(added);
        rebuildIndex();
        endInsertRows();
    }
}

void RetryQueueModel::rebuildIndex()
{
    m_rowById.clear();
    m_rowById.reserve(m_jobs.size());
    for (int row = 0; row < m_jobs.size(); ++row)
        m_rowById.insert(m_jobs.at(row).id, row);
}

int RetryQueueModel::rowForJob(qint64 id) const
{
    return m_rowById.value(id, -1);
}

const OutboxJob *RetryQueueModel::job(qint64 id) const
{
    const int row = rowForJob(id);
    return row < 0 ? nullptr : &m_jobs.at(row);
}

void RetryQueueModel::refreshTimes()
{
    if (m_jobs.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, NextTry), index(int(m_jobs.size()) - 1, NextTry));
}

int RetryQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int RetryQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant RetryQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxJob &job = m_jobs.at(index.row());
    const auto column = Column(index.column());

    switch (role) {
    case Qt::DisplayRole:
        return displayData(job, column);
    case JobIdRole:
        return job.id;
    case SortRole:
        return sortData(job, column);
    case SystemRole:
        return int(job.targetSystem);
    case StateRole:
        return int(job.state);
    case CreatedAtRole:
        return job.createdAt;
    case SearchTextRole:
        return searchText(job);
    case Qt::ToolTipRole:
        return toolTipData(job, column);
    case Qt::AccessibleTextRole:
        return accessibleText(job, column);
    case Qt::DecorationRole:
        if (column == State)
            return Theme::dot(stateTone(job), kStateDotDiameter);
        return {};
    case Qt::TextAlignmentRole:
        if (column == Attempts)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant RetryQueueModel::displayData(const OutboxJob &job, Column column) const
{
    switch (column) {
    case TargetSystem:
        return systemText(job.targetSystem);
    case What:
        return whatText(job);
    case Record:
        return recordLabel(job);
    case State:
        return stateText(job);
    case Attempts:
        return job.attempts;
    case Cause:
        return causeText(job);
    case NextTry:
        return nextTryText(job, m_clock.nowUtc());
    case RequestId:
        return job.lastRequestId;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RetryQueueModel::sortData(const OutboxJob &job, Column column) const
{
    switch (column) {
    case Record: {
        const QString id = isDigits(job.entityId)
            ? job.entityId.rightJustified(kSortIdDigits, QLatin1Char('0'))
            : job.entityId;
        return QStringLiteral("%1\n%2").arg(entityTypeText(job.entityType), id);
    }
    case State:
        return stateRank(job.state);
    case Attempts:
        return job.attempts;
    case NextTry: {
        // Jobs waiting for a person come first (ascending) whatever their
        // age: during a first import hundreds of jobs are due "now", and a
        // refusal queued a minute ago must not sink among them. The offset
        // (2^50 ms, ~35,000 years) keeps every instant inside its band.
        constexpr qint64 kWaitingForSystems = qint64(1) << 50;
        const QDateTime at = timelineInstant(job);
        const qint64 ms = at.isValid() ? at.toMSecsSinceEpoch() : qint64(0);
        return job.state == JobState::Failed ? ms : kWaitingForSystems + ms;
    }
    case TargetSystem:
    case What:
    case Cause:
    case RequestId:
        return displayData(job, column);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RetryQueueModel::toolTipData(const OutboxJob &job, Column column) const
{
    switch (column) {
    case What:
        //: Tooltip of the "What" cell: the words, then the job's number and raw operation name
        return tr("%1\nJob #%2: %3").arg(whatText(job)).arg(job.id).arg(job.operation);
    case NextTry: {
        QStringList lines;
        if (job.createdAt.isValid())
            lines << tr("Queued %1").arg(LocalTimeDelegate::format(job.createdAt));
        if (job.state == JobState::Pending && job.nextAttemptAt.isValid())
            lines << tr("Next try %1").arg(LocalTimeDelegate::format(job.nextAttemptAt));
        if (job.updatedAt.isValid())
            lines << tr("Last change %1").arg(LocalTimeDelegate::format(job.updatedAt));
        return lines.join(QLatin1Char('\n'));
    }
    case Record:
    case Cause: {
        // The whole text (the cell may be cut), then the technical detail.
        const QString text = column == Record
            ? QStringLiteral("%1 (%2/%3)").arg(recordLabel(job), job.entityType, job.entityId)
            : causeText(job);
        const QString detail = technicalDetail(job);
        return detail.isEmpty() ? text : QStringLiteral("%1\n\n%2").arg(text, detail);
    }
    case TargetSystem:
    case State:
    case Attempts:
    case RequestId:
        return technicalDetail(job);
    case ColumnCount:
        break;
    }
    return {};
}

QString RetryQueueModel::accessibleText(const OutboxJob &job, Column column) const
{
    // What a screen reader says for the cell: the header's meaning is spelled
    // out where the cell alone is a bare number or a short form.
    switch (column) {
    case Attempts:
        return tr("%n attempts", nullptr, job.attempts);
    case State:
        return tr("State: %1").arg(stateText(job));
    case NextTry:
        return tr("Next try or age: %1").arg(nextTryText(job, m_clock.nowUtc()));
    case RequestId:
        return job.lastRequestId.isEmpty() ? tr("No request id")
                                           : tr("Request id %1").arg(job.lastRequestId);
    case TargetSystem:
    case What:
    case Record:
    case Cause:
        return displayData(job, column).toString();
    case ColumnCount:
        break;
    }
    return {};
}

QString RetryQueueModel::searchText(const OutboxJob &job) const
{
    return QStringList { QStringLiteral("#%1").arg(job.id),
                         systemText(job.targetSystem),
                         Domain::displayName(job.targetSystem),
                         whatText(job),
                         job.operation,
                         recordLabel(job),
                         QStringLiteral("%1/%2").arg(job.entityType, job.entityId),
                         stateText(job),
                         causeText(job),
                         job.lastErrorCode,
                         job.lastErrorDetail,
                         job.lastRequestId }
        .join(QLatin1Char('\n'));
}

QVariant RetryQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case TargetSystem:
            return tr("System");
        case What:
            return tr("What");
        case Record:
            return tr("Record");
        case State:
            return tr("State");
        case Attempts:
            return tr("Attempts");
        case Cause:
            return tr("Cause");
        case NextTry:
            return tr("Next try / age");
        case RequestId:
            return tr("Request id");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::TextAlignmentRole) {
        // Numbers line up on the right, under a title that does too.
        const Qt::Alignment horizontal = section == Attempts ? Qt::AlignRight : Qt::AlignLeft;
        return QVariant::fromValue(Qt::Alignment(horizontal | Qt::AlignVCenter));
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case TargetSystem:
            return tr("The system the change is for");
        case What:
            return tr("What Concord was asked to do there");
        case Record:
            return tr("The record in Concord the change is about");
        case Attempts:
            return tr("How many times Concord has tried to send it");
        case Cause:
            return tr("Why it has not been carried yet; hover a cell for the technical detail");
        case NextTry:
            return tr("When Concord tries again, or how long the change has waited for a person");
        case RequestId:
            return tr("The remote system's id of the last request, for its support team");
        default:
            return {};
        }
    }
    return {};
}

QString RetryQueueModel::operationText(const QString &operation)
{
    namespace Jobs = Sync::Jobs;
    if (operation == Jobs::QboCustomerEnsure)
        return tr("Find or create customer in QuickBooks");
    if (operation == Jobs::HubSpotContactEnsure)
        return tr("Find or create contact in HubSpot");
    if (operation == Jobs::HubSpotDealUpsert)
        return tr("Create or update deal in HubSpot");
    if (operation == Jobs::HubSpotTaskCreate)
        return tr("Create follow-up task in HubSpot");
    if (operation == Jobs::HubSpotTaskClose)
        return tr("Complete follow-up task in HubSpot");
    if (operation == Jobs::QboInvoiceCreate)
        return tr("Create invoice in QuickBooks");
    if (operation == Jobs::QboInvoiceVoid)
        return tr("Void invoice in QuickBooks");
    if (operation == Jobs::QboCreditMemoCreate)
        return tr("Create credit memo in QuickBooks");
    if (operation == Jobs::QboRefundReceiptCreate)
        return tr("Create refund receipt in QuickBooks");
    if (operation == Jobs::QboInvoicePdfCache)
        return tr("Save invoice PDF from QuickBooks");
    if (operation == Jobs::CalcomBookingCancel)
        return tr("Cancel booking in Cal.com");
    if (operation == Jobs::CalcomBookingDecline)
        return tr("Decline booking in Cal.com");
    if (operation == Jobs::CalcomBookingReschedule)
        return tr("Reschedule booking in Cal.com");
    return {};
}

QString RetryQueueModel::whatText(const OutboxJob &job)
{
    const QString known = operationText(job.operation);
    if (!known.isEmpty())
        return known;
    //: A job whose operation this version of Concord does not know: "<operation> in <system>"
    return tr("“%1” in %2").arg(job.operation, systemText(job.targetSystem));
}

QString RetryQueueModel::entityTypeText(const QString &entityType)
{
    if (entityType == u"customer")
        return tr("Customer");
    if (entityType == u"appointment")
        return tr("Appointment");
    if (entityType == u"invoice")
        return tr("Invoice");
    if (entityType == u"invoice-plan")
        return tr("Planned invoice");
    return asSentence(QString(entityType).replace(QLatin1Char('_'), QLatin1Char(' ')));
}

void RetryQueueModel::setClientNames(const QHash<QString, QString> &names)
{
    if (names == m_clientNames)
        return;
    m_clientNames = names;
    if (!m_jobs.isEmpty())
        Q_EMIT dataChanged(index(0, Record), index(rowCount() - 1, Record));
}

QString RetryQueueModel::recordLabel(const OutboxJob &job) const
{
    const QString name = m_clientNames.value(job.entityType + QLatin1Char('/') + job.entityId);
    if (name.isEmpty())
        return recordText(job);
    // A customer's id says nothing to a person; its name is the record.
    if (job.entityType == QLatin1String("customer"))
        return name;
    //: The Record cell: "<kind> <id> · <client>", e.g. "Appointment 318 · Dan Wu"
    return tr("%1 · %2").arg(recordText(job), name);
}

QString RetryQueueModel::recordText(const OutboxJob &job)
{
    const QString type = entityTypeText(job.entityType);
    if (job.entityId.isEmpty())
        return type;
    //: A record: "<kind> <id>", e.g. "Appointment 12"
    return tr("%1 %2").arg(type, job.entityId);
}

QString RetryQueueModel::stateText(const OutboxJob &job)
{
    switch (job.state) {
    case JobState::Pending:
        return job.attempts > 0 ? tr("Will retry") : tr("Waiting");
    case JobState::InFlight:
        return tr("Sending");
    case JobState::Failed:
        return tr("Needs attention");
    case JobState::Succeeded:
        return tr("Done");
    case JobState::Dismissed:
        return tr("Dismissed");
    }
    return {};
}

Theme::Tone RetryQueueModel::stateTone(const OutboxJob &job)
{
    switch (job.state) {
    case JobState::Pending:
        return job.attempts > 0 ? Theme::Tone::Warning : Theme::Tone::Neutral;
    case JobState::InFlight:
        return Theme::Tone::Info;
    case JobState::Failed:
        return Theme::Tone::Bad;
    case JobState::Succeeded:
        return Theme::Tone::Good;
    case JobState::Dismissed:
        return Theme::Tone::Neutral;
    }
    return Theme::Tone::Neutral;
}

QString RetryQueueModel::causeText(const OutboxJob &job)
{
    if (!job.lastErrorMessage.trimmed().isEmpty())
        return asSentence(job.lastErrorMessage);
    const QString system = systemText(job.targetSystem);
    const QString &code = job.lastErrorCode;
    // The error classes of common/error.h (errorCodeName), for jobs failed
    // without the engine's sentence (older stores, a crash mid-write).
    if (code == u"network")
        return tr("Concord could not reach %1.").arg(system);
    if (code == u"throttled")
        return tr("%1 asked Concord to slow down.").arg(system);
    if (code == u"unauthorized" || code == u"permission-denied")
        return tr("%1 no longer accepts Concord's connection.").arg(system);
    if (code == u"secrets")
        return tr("Concord could not read the %1 credentials.").arg(system);
    if (code == u"stale-object" || code == u"conflict")
        return tr("The record changed in %1 at the same time.").arg(system);
    if (code == u"duplicate-name")
        return tr("%1 already has a record with this name.").arg(system);
    if (code == u"remote-validation" || code == u"invalid-argument")
        return tr("%1 refused the data.").arg(system);
    if (code == u"not-found")
        return tr("The record no longer exists in %1.").arg(system);
    if (!code.isEmpty())
        return tr("Concord failed while sending the change to %1.").arg(system);
    switch (job.state) {
    case JobState::Pending:
        return job.attempts == 0 ? tr("Not tried yet.") : QString();
    case JobState::InFlight:
        return tr("Being sent now.");
    case JobState::Failed:
        return tr("Failed without a recorded cause.");
    case JobState::Succeeded:
    case JobState::Dismissed:
        return {};
    }
    return {};
}

QString RetryQueueModel::technicalDetail(const OutboxJob &job)
{
    QStringList lines;
    if (!job.lastErrorCode.isEmpty())
        lines << tr("Error: %1").arg(job.lastErrorCode);
    if (job.lastHttpStatus != 0)
        lines << tr("HTTP status: %1").arg(job.lastHttpStatus);
    if (!job.lastErrorDetail.trimmed().isEmpty())
        lines << job.lastErrorDetail.trimmed();
    if (!job.lastRequestId.isEmpty())
        lines << tr("Request id: %1").arg(job.lastRequestId);
    return lines.join(QLatin1Char('\n'));
}

QString RetryQueueModel::nextTryText(const OutboxJob &job, const QDateTime &nowUtc)
{
    switch (job.state) {
    case JobState::Pending:
        if (!job.nextAttemptAt.isValid() || job.nextAttemptAt <= nowUtc)
            return tr("due now");
        //: When a waiting job is tried next: "in 12 min"
        return tr("in %1").arg(durationText(nowUtc.secsTo(job.nextAttemptAt)));
    case JobState::InFlight:
        return tr("sending now");
    case JobState::Failed:
        if (!job.createdAt.isValid())
            return tr("waiting");
        //: How long a failed job has waited for a person since it was queued: "waiting 3 h"
        return tr("waiting %1").arg(durationText(job.createdAt.secsTo(nowUtc)));
    case JobState::Succeeded:
        return tr("done");
    case JobState::Dismissed:
        return tr("dismissed");
    }
    return {};
}

QString RetryQueueModel::durationText(qint64 secs)
{
    constexpr qint64 kMinute = 60;
    constexpr qint64 kHour = 60 * kMinute;
    constexpr qint64 kDay = 24 * kHour;
    secs = std::max<qint64>(0, secs);
    //: Short durations: seconds, minutes, hours, days
    if (secs < kMinute)
        return tr("%1 s").arg(secs);
    if (secs < kHour)
        return tr("%1 min").arg(secs / kMinute);
    // Hours up to two days: "36 h" reads better than "1 d" for yesterday's change.
    if (secs < 2 * kDay)
        return tr("%1 h").arg(secs / kHour);
    return tr("%1 d").arg(secs / kDay);
}

QString RetryQueueModel::systemText(System system)
{
    switch (system) {
    case System::QuickBooks:
        return QStringLiteral("QuickBooks");
    case System::HubSpot:
        return QStringLiteral("HubSpot");
    case System::CalCom:
        return QStringLiteral("Cal.com");
    }
    return Domain::toString(system);
}

} // namespace Concord::Ui
