#include "balancesfilterproxymodel.h"

#include "balancesmodel.h"

namespace Concord::Ui {

BalancesFilterProxyModel::BalancesFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(BalancesModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void BalancesFilterProxyModel::setShow(Show show)
{
    if (show == m_show)
        return;
    m_show = show;
    invalidateFilter();
}

void BalancesFilterProxyModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

bool BalancesFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, BalancesModel::Client, sourceParent);
    switch (m_show) {
    case Show::All:
        break;
    case Show::Overdue:
        if (!index.data(BalancesModel::OverdueRole).toBool())
            return false;
        break;
    case Show::Blocked:
        if (!index.data(BalancesModel::BlockedRole).toBool())
            return false;
        break;
    }
    if (m_words.isEmpty())
        return true;
    const QString haystack =
        index.data(Qt::DisplayRole).toString() + QLatin1Char(' ') + index.data(BalancesModel::IdRole).toString();
    for (const QString &word : m_words) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace Concord::Ui
