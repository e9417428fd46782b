#include "reviewsmodel.h"

#include <QLocale>
#include <QTimeZone>

using namespace Concord::Domain;
using namespace Concord::Review;

namespace Concord::Ui {

ReviewsModel::ReviewsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReviewsModel::setSchedule(const ReviewScheduleView &view)
{
    // Same rows (the cadences, in the same order): update the cells in place
    // so the view keeps its selection; otherwise the shape changed.
    bool sameRows = view.entries.size() == m_view.entries.size();
    for (qsizetype i = 0; sameRows && i < view.entries.size(); ++i)
        sameRows = view.entries.at(i).cadence == m_view.entries.at(i).cadence;
    if (!sameRows) {
        beginResetModel();
        m_view = view;
        endResetModel();
        return;
    }
    m_view = view;
    if (!m_view.entries.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const ScheduleEntry *ReviewsModel::entryAt(int row) const
{
    if (row < 0 || row >= m_view.entries.size())
        return nullptr;
    return &m_view.entries.at(row);
}

int ReviewsModel::rowFor(ReviewCadence cadence) const
{
    for (int i = 0; i < m_view.entries.size(); ++i) {
        if (m_view.entries.at(i).cadence == cadence)
            return i;
    }
    return -1;
}

QString ReviewsModel::cadenceText(ReviewCadence cadence)
{
    switch (cadence) {
    case ReviewCadence::Weekly: return tr("Weekly");
    case ReviewCadence::Monthly: return tr("Monthly");
    case ReviewCadence::Quarterly: return tr("Quarterly");
    }
    return {};
}

QString ReviewsModel::stateText(const ScheduleEntry &e)
{
    if (e.state == ReviewState::NoOwner)
        return e.ownerUserId != 0 ? tr("Owner deactivated") : tr("No owner");
    const int days = e.daysUntilDue;
    switch (e.timing) {
    case ReviewState::Upcoming:
        return days == 1 ? tr("Due tomorrow") : tr("In %1 days").arg(days);
    case ReviewState::Due:
        if (days == 0)
            return tr("Due today");
        return days == -1 ? tr("Due since yesterday") : tr("Due %1 days ago").arg(-days);
    case ReviewState::Overdue:
        return days == -1 ? tr("Overdue by 1 day") : tr("Overdue by %1 days").arg(-days);
    case ReviewState::NoOwner: break;
    }
    return {};
}

Theme::Tone ReviewsModel::stateTone(ReviewState state)
{
    switch (state) {
    case ReviewState::Upcoming: return Theme::Tone::Good;
    case ReviewState::Due: return Theme::Tone::Warning;
    case ReviewState::Overdue: return Theme::Tone::Bad;
    case ReviewState::NoOwner: return Theme::Tone::Bad;
    }
    return Theme::Tone::Neutral;
}

int ReviewsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_view.entries.size());
}

int ReviewsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ScheduleEntry &e = m_view.entries.at(index.row());
    switch (role) {
    case IdRole: return e.scheduleId;
    case CadenceRole: return int(e.cadence);
    case StateRole: return int(e.state);
    case ToneRole: return int(stateTone(e.state));
    case OwnerUsernameRole: return e.ownerUsername;
    default: break;
    }
    const QLocale locale;
    // Instants in the business's zone, the one the due dates are in.
    const QTimeZone zone(m_view.zoneId.toUtf8());
    const QDateTime completed = zone.isValid() ? e.lastCompletedAt.toTimeZone(zone) : e.lastCompletedAt.toLocalTime();
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case Cadence: return cadenceText(e.cadence);
        case Owner: return e.ownerUserId == 0 ? tr("Nobody yet") : e.ownerDisplayName;
        case NextDue: return locale.toString(e.nextDue, u"ddd d MMM yyyy");
        case State: return stateText(e);
        case LastCompleted:
            if (!e.lastCompletedAt.isValid())
                return tr("Never");
            if (e.lastCompletedByName.isEmpty())
                return locale.toString(completed, u"ddd d MMM yyyy HH:mm");
            return tr("%1 by %2").arg(locale.toString(completed, u"ddd d MMM yyyy HH:mm"), e.lastCompletedByName);
        case ColumnCount: break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(index.column())) {
        case State:
            if (e.state == ReviewState::NoOwner)
                return tr("An owner names who does this review (Assign owner…).");
            return tr("Counts as overdue from %1 (%2 days of grace).")
                .arg(locale.toString(e.overdueFrom, u"ddd d MMM"))
                .arg(overdueGraceDays(e.cadence));
        case Owner:
            return e.ownerUsername;
        default: return {};
        }
    }
    if (role == Qt::DecorationRole && index.column() == State)
        return Theme::dot(stateTone(e.state), 10);
    if (role == Qt::ForegroundRole && index.column() == State && e.state != ReviewState::Upcoming)
        return Theme::toneText(stateTone(e.state));
    if (role == Qt::AccessibleTextRole && index.column() == State)
        return stateText(e);
    return {};
}

QVariant ReviewsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Cadence: return tr("Review");
    case Owner: return tr("Owner");
    case NextDue: return tr("Next due");
    case State: return tr("State");
    case LastCompleted: return tr("Last completed");
    case ColumnCount: break;
    }
    return {};
}

} // namespace Concord::Ui
