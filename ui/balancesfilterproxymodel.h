#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace Concord::Ui {

// Filters a BalancesModel to the clients that need attention (overdue, or
// blocked from booking) and by name or id (every word typed must appear,
// case-insensitively), and sorts it by BalancesModel::SortRole.
class BalancesFilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Show {
        All, // every client in the snapshot
        Overdue, // something past its due date
        Blocked, // an open booking block
    };
    Q_ENUM(Show)

    explicit BalancesFilterProxyModel(QObject *parent = nullptr);

    void setShow(Show show);
    [[nodiscard]] Show show() const { return m_show; }
    void setFilterText(const QString &text);
    [[nodiscard]] QString filterText() const { return m_text; }
    [[nodiscard]] bool isFiltering() const { return m_show != Show::All || !m_words.isEmpty(); }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Show m_show = Show::All;
    QString m_text;
    QStringList m_words;
};

} // namespace Concord::Ui
