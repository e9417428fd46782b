#include "identitymapproxymodel.h"

#include "identitymapmodel.h"

#include <algorithm>

namespace Concord::Ui {

using Domain::System;

IdentityMapProxyModel::IdentityMapProxyModel(QObject *parent)
    : QAbstractProxyModel(parent)
{
}

void IdentityMapProxyModel::setSourceModel(QAbstractItemModel *source)
{
    beginResetModel();
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    QAbstractProxyModel::setSourceModel(source);
    m_model = qobject_cast<IdentityMapModel *>(source);
    Q_ASSERT_X(!source || m_model, "IdentityMapProxyModel",
               "the source must be an IdentityMapModel");
    if (m_model) {
        // The source is a snapshot replaced whole; any structural change is
        // answered by recomputing, inside a reset.
        const auto begin = [this] { beginResetModel(); };
        const auto end = [this] {
            m_rows = filteredRows();
            sortRows(m_rows);
            rebuildReverseMap();
            endResetModel();
        };
        m_connections << connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, begin)
                      << connect(m_model, &QAbstractItemModel::modelReset, this, end)
                      << connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, begin)
                      << connect(m_model, &QAbstractItemModel::rowsInserted, this, end)
                      << connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this, begin)
                      << connect(m_model, &QAbstractItemModel::rowsRemoved, this, end)
                      << connect(m_model, &QAbstractItemModel::layoutAboutToBeChanged, this, begin)
                      << connect(m_model, &QAbstractItemModel::layoutChanged, this, end)
                      << connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
                             if (!m_rows.isEmpty())
                                 Q_EMIT dataChanged(index(0, 0),
                                                    index(rowCount() - 1, columnCount() - 1));
                         });
    }
    m_rows = filteredRows();
    sortRows(m_rows);
    rebuildReverseMap();
    endResetModel();
}

void IdentityMapProxyModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    const QStringList words = text.toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    rebuild();
}

void IdentityMapProxyModel::setLinkFilter(LinkFilter filter)
{
    if (filter == m_linkFilter)
        return;
    m_linkFilter = filter;
    rebuild();
}

void IdentityMapProxyModel::rebuild()
{
    beginResetModel();
    m_rows = filteredRows();
    sortRows(m_rows);
    rebuildReverseMap();
    endResetModel();
}

QList<int> IdentityMapProxyModel::filteredRows() const
{
    QList<int> rows;
    if (!m_model)
        return rows;
    const int n = m_model->rowCount();
    rows.reserve(n);
    const QString *texts = m_words.isEmpty() ? nullptr : m_model->searchTexts().constData();
    const auto missing = [this](int row, System s) {
        return !m_model->row(row).link(s).isLinked();
    };
    for (int row = 0; row < n; ++row) {
        switch (m_linkFilter) {
        case LinkFilter::All:
            break;
        case LinkFilter::MissingAny:
            if (m_model->row(row).linkedSystems() == 3)
                continue;
            break;
        case LinkFilter::MissingHubSpot:
            if (!missing(row, System::HubSpot))
                continue;
            break;
        case LinkFilter::MissingQuickBooks:
            if (!missing(row, System::QuickBooks))
                continue;
            break;
        case LinkFilter::MissingCalCom:
            if (!missing(row, System::CalCom))
                continue;
            break;
        case LinkFilter::LinkedEverywhere:
            if (m_model->row(row).linkedSystems() != 3)
                continue;
            break;
        }
        if (texts) {
            const QString &text = texts[row];
            if (!std::all_of(m_words.cbegin(), m_words.cend(),
                             [&text](const QString &w) { return text.contains(w); }))
                continue;
        }
        rows.append(row);
    }
    return rows;
}

void IdentityMapProxyModel::sortRows(QList<int> &rows) const
{
    if (!m_model || m_sortColumn < 0 || m_sortColumn >= m_model->columnCount() || rows.size() < 2) {
        std::sort(rows.begin(), rows.end()); // the snapshot's own order
        return;
    }
    const int *ranks = m_model->sortRanks(m_sortColumn).constData();
    // Ties keep the snapshot's order in both directions, so the order of
    // equal names never flips when the direction does.
    if (m_sortOrder == Qt::AscendingOrder) {
        std::sort(rows.begin(), rows.end(), [ranks](int a, int b) {
            return ranks[a] != ranks[b] ? ranks[a] < ranks[b] : a < b;
        });
    } else {
        std::sort(rows.begin(), rows.end(), [ranks](int a, int b) {
            return ranks[a] != ranks[b] ? ranks[a] > ranks[b] : a < b;
        });
    }
}

void IdentityMapProxyModel::rebuildReverseMap()
{
    const int n = m_model ? m_model->rowCount() : 0;
    m_proxyOfSource.fill(-1, n);
    for (int i = 0; i < m_rows.size(); ++i)
        m_proxyOfSource[m_rows.at(i)] = i;
}

void IdentityMapProxyModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    if (m_rows.size() < 2)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // The selection and current row follow their rows.
    const QModelIndexList before = persistentIndexList();
    QList<int> sourceRows;
    sourceRows.reserve(before.size());
    for (const QModelIndex &i : before)
        sourceRows.append(i.isValid() ? m_rows.value(i.row(), -1) : -1);
    sortRows(m_rows);
    rebuildReverseMap();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int source = sourceRows.at(i);
        after.append(source >= 0 ? index(m_proxyOfSource.at(source), before.at(i).column())
                                 : QModelIndex());
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int IdentityMapProxyModel::rowForCustomer(const QString &id) const
{
    if (!m_model)
        return -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_model->row(m_rows.at(i)).customerId == id)
            return i;
    }
    return -1;
}

QModelIndex IdentityMapProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_rows.size() || column < 0
        || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex IdentityMapProxyModel::parent(const QModelIndex &) const
{
    return {};
}

int IdentityMapProxyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IdentityMapProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_model ? 0 : m_model->columnCount();
}

bool IdentityMapProxyModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_rows.isEmpty();
}

QModelIndex IdentityMapProxyModel::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

QModelIndex IdentityMapProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_model || !proxyIndex.isValid() || proxyIndex.model() != this
        || proxyIndex.row() >= m_rows.size())
        return {};
    return m_model->index(m_rows.at(proxyIndex.row()), proxyIndex.column());
}

QModelIndex IdentityMapProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_model || !sourceIndex.isValid() || sourceIndex.row() >= m_proxyOfSource.size())
        return {};
    const int row = m_proxyOfSource.at(sourceIndex.row());
    return row < 0 ? QModelIndex() : index(row, sourceIndex.column());
}

QVariant IdentityMapProxyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal)
        return m_model ? m_model->headerData(section, orientation, role) : QVariant();
    if (role == Qt::DisplayRole && section >= 0 && section < m_rows.size())
        return section + 1;
    return {};
}

} // namespace Concord::Ui
