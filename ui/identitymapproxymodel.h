#pragma once

#include <QAbstractProxyModel>
#include <QList>
#include <QStringList>

namespace Concord::Ui {

class IdentityMapModel;

// Filters and sorts an IdentityMapModel fast enough for 100,000 rows
// (≤ 300 ms to open, sort or filter on the target machine).
//
// Why not QSortFilterProxyModel: it compares QVariants through data() on
// every comparison, and a filter that keeps scattered rows removes them range
// by range (tens of thousands of rowsRemoved signals when the first letter is
// typed). Here a filter change computes the visible rows in one pass over
// pre-folded search texts and resets; a sort orders the visible rows on the
// model's pre-computed keys and announces a layout change (the selection
// follows). Rows are flat (a table), the source only ever resets.
class IdentityMapProxyModel : public QAbstractProxyModel {
    Q_OBJECT
public:
    // Which clients to show, by their links.
    enum class LinkFilter {
        All,
        MissingAny, // not linked in at least one system
        MissingHubSpot,
        MissingQuickBooks,
        MissingCalCom,
        LinkedEverywhere,
    };
    Q_ENUM(LinkFilter)

    explicit IdentityMapProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;

    // Every word typed must appear (case-insensitively) in the client's name,
    // company, email, phone, linked ids or Concord id.
    void setFilterText(const QString &text);
    [[nodiscard]] QString filterText() const { return m_text; }
    void setLinkFilter(LinkFilter filter);
    [[nodiscard]] LinkFilter linkFilter() const { return m_linkFilter; }
    [[nodiscard]] bool isFiltering() const
    {
        return !m_words.isEmpty() || m_linkFilter != LinkFilter::All;
    }

    [[nodiscard]] int sortColumn() const { return m_sortColumn; }
    [[nodiscard]] Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // The proxy row showing customer `id`, or -1.
    [[nodiscard]] int rowForCustomer(const QString &id) const;

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    [[nodiscard]] QModelIndex index(int row, int column,
                                    const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] bool hasChildren(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    [[nodiscard]] QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    [[nodiscard]] QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    // Recomputes the visible rows (filter, then sort) inside a reset.
    void rebuild();
    [[nodiscard]] QList<int> filteredRows() const;
    void sortRows(QList<int> &rows) const;
    void rebuildReverseMap();

    IdentityMapModel *m_model = nullptr;
    QList<int> m_rows; // proxy row → source row
    QList<int> m_proxyOfSource; // source row → proxy row, -1 when hidden
    QString m_text;
    QStringList m_words;
    LinkFilter m_linkFilter = LinkFilter::All;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace Concord::Ui
