#pragma once

#include "review/reviewschedule.h"
#include "theme.h"

#include <QAbstractTableModel>
#include <QList>

namespace Concord::Ui {

// The review schedule as a table: one row per cadence (weekly, monthly,
// quarterly), over the immutable Review::ReviewScheduleView pushed from the
// sync thread. Rows are the three cadences always, so setSchedule() only
// updates cells (dataChanged) once they exist and a selection survives a
// refresh.
//
// DisplayRole is text in words ("Due today", "Overdue by 3 days", "Olivia
// Owner"); StateRole/ToneRole let the page and delegates colour the state;
// the State column also carries a coloured dot (DecorationRole).
class ReviewsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Cadence,        // "Weekly"
        Owner,          // display name, or "Nobody yet"
        NextDue,        // "Mon 9 Mar 2026"
        State,          // "Due today", "Overdue by 2 days", "In 5 days", "No owner"
        LastCompleted,  // "Mon 2 Mar 2026 by Omar", "Never"
        ColumnCount
    };
    Q_ENUM(Column)

    enum DataRole {
        IdRole = Qt::UserRole + 1, // qint64 schedule id (0 = not seeded yet), every column
        CadenceRole,               // int(Domain::ReviewCadence), every column
        StateRole,                 // int(Review::ReviewState), every column
        ToneRole,                  // int(Theme::Tone) of the state, every column
        OwnerUsernameRole,         // QString, every column
    };

    explicit ReviewsModel(QObject *parent = nullptr);

    void setSchedule(const Review::ReviewScheduleView &view);
    [[nodiscard]] const Review::ReviewScheduleView &schedule() const { return m_view; }
    // The entry on `row`, or nullptr.
    [[nodiscard]] const Review::ScheduleEntry *entryAt(int row) const;
    [[nodiscard]] int rowFor(Domain::ReviewCadence cadence) const;

    [[nodiscard]] static QString cadenceText(Domain::ReviewCadence cadence);
    // "Due today", "Due since yesterday", "Overdue by 3 days", "In 5 days", "No owner".
    [[nodiscard]] static QString stateText(const Review::ScheduleEntry &entry);
    [[nodiscard]] static Theme::Tone stateTone(Review::ReviewState state);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    Review::ReviewScheduleView m_view;
};

} // namespace Concord::Ui
