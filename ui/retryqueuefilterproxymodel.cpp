#include "retryqueuefilterproxymodel.h"

#include "domain/operations.h"
#include "retryqueuemodel.h"

#include <QDateTime>

namespace Concord::Ui {

using Domain::JobState;

RetryQueueFilterProxyModel::RetryQueueFilterProxyModel(const Clock &clock, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_clock(clock)
{
    setSortRole(RetryQueueModel::SortRole);
    setSortLocaleAware(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void RetryQueueFilterProxyModel::setSystemFilter(std::optional<Domain::System> system)
{
    if (system == m_system)
        return;
    m_system = system;
    invalidateFilter();
}

void RetryQueueFilterProxyModel::setStateFilter(StateFilter filter)
{
    if (filter == m_state)
        return;
    m_state = filter;
    invalidateFilter();
}

void RetryQueueFilterProxyModel::setAgeFilter(AgeFilter filter)
{
    if (filter == m_age)
        return;
    m_age = filter;
    invalidateFilter();
}

void RetryQueueFilterProxyModel::setFilterText(const QString &text)
{
    const QString simplified = text.simplified();
    if (simplified == m_text)
        return;
    m_text = simplified;
    m_words = m_text.isEmpty() ? QStringList() : m_text.split(QLatin1Char(' '));
    invalidateFilter();
}

bool RetryQueueFilterProxyModel::isFiltering() const
{
    return m_system.has_value() || m_state != StateFilter::All || m_age != AgeFilter::Any
        || !m_words.isEmpty();
}

qint64 RetryQueueFilterProxyModel::minimumAgeSecs(AgeFilter filter)
{
    constexpr qint64 kHour = 3600;
    switch (filter) {
    case AgeFilter::Any:
        return 0;
    case AgeFilter::OlderThanHour:
        return kHour;
    case AgeFilter::OlderThanDay:
        return 24 * kHour;
    case AgeFilter::OlderThanWeek:
        return 7 * 24 * kHour;
    }
    return 0;
}

void RetryQueueFilterProxyModel::refreshAge()
{
    if (m_age != AgeFilter::Any)
        invalidateFilter();
}

bool RetryQueueFilterProxyModel::filterAcceptsRow(int sourceRow,
                                                  const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);

    if (m_system && index.data(RetryQueueModel::SystemRole).toInt() != int(*m_system))
        return false;

    const auto state = JobState(index.data(RetryQueueModel::StateRole).toInt());
    switch (m_state) {
    case StateFilter::All:
        break;
    case StateFilter::NeedsAttention:
        if (state != JobState::Failed)
            return false;
        break;
    case StateFilter::Waiting:
        if (state != JobState::Pending && state != JobState::InFlight)
            return false;
        break;
    }

    if (m_age != AgeFilter::Any) {
        // A job with no known age is not "older than" anything.
        const QDateTime createdAt = index.data(RetryQueueModel::CreatedAtRole).toDateTime();
        if (!createdAt.isValid() || createdAt.secsTo(m_clock.nowUtc()) <= minimumAgeSecs(m_age))
            return false;
    }

    if (!m_words.isEmpty()) {
        const QString haystack = index.data(RetryQueueModel::SearchTextRole).toString();
        for (const QString &word : m_words) {
            if (!haystack.contains(word, Qt::CaseInsensitive))
                return false;
        }
    }
    return true;
}

} // namespace Concord::Ui
