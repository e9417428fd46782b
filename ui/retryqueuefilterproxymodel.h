#pragma once

#include "common/clock.h"
#include "domain/system.h"

#include <QSortFilterProxyModel>
#include <QStringList>

#include <optional>

namespace Concord::Ui {

// Filters a RetryQueueModel by system, by what the job needs (a person, or
// only time), by age and by free text (every word typed must appear,
// case-insensitively, in the job's texts, operation, error code or request
// id), and sorts it by RetryQueueModel::SortRole.
//
// Age is measured from when the job was queued to `clock`'s now, read when
// the filter is evaluated; call refreshAge() when time moved on so a job that
// just turned a day old appears under "older than 24 h".
class RetryQueueFilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    // What the job waits for ("kind" in the product's words).
    enum class StateFilter {
        All, // everything in the snapshot
        NeedsAttention, // failed: waits for a person
        Waiting, // pending or in flight: Concord retries on its own
    };
    Q_ENUM(StateFilter)

    enum class AgeFilter { Any, OlderThanHour, OlderThanDay, OlderThanWeek };
    Q_ENUM(AgeFilter)

    explicit RetryQueueFilterProxyModel(const Clock &clock = Clock::system(),
                                        QObject *parent = nullptr);

    // nullopt: any system.
    void setSystemFilter(std::optional<Domain::System> system);
    [[nodiscard]] std::optional<Domain::System> systemFilter() const { return m_system; }
    void setStateFilter(StateFilter filter);
    [[nodiscard]] StateFilter stateFilter() const { return m_state; }
    void setAgeFilter(AgeFilter filter);
    [[nodiscard]] AgeFilter ageFilter() const { return m_age; }
    void setFilterText(const QString &text);
    [[nodiscard]] QString filterText() const { return m_text; }
    // Whether any filter hides rows it could hide (any of the above is set).
    [[nodiscard]] bool isFiltering() const;

    // The smallest age (seconds) a job must have to pass `filter`; 0 for Any.
    [[nodiscard]] static qint64 minimumAgeSecs(AgeFilter filter);

public Q_SLOTS:
    // Re-evaluates the age filter against the clock's now.
    void refreshAge();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow,
                                        const QModelIndex &sourceParent) const override;

private:
    const Clock &m_clock;
    std::optional<Domain::System> m_system;
    StateFilter m_state = StateFilter::All;
    AgeFilter m_age = AgeFilter::Any;
    QString m_text;
    QStringList m_words;
};

} // namespace Concord::Ui
