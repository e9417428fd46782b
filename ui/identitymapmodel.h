#pragma once

#include "services/identitydata.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace Concord::Ui {

// The identity map as a table: one row per active customer, one column per
// system showing its linked record ("✓ 901") or "not linked" in muted text.
// An immutable snapshot (Services::IdentityMapData) replaced whole by
// setIdentityMap().
//
// Built for 100,000 rows: data() formats only what a view asks for, and the
// keys IdentityMapProxyModel sorts and filters on are computed once per
// snapshot, on first use, as plain folded strings (no QVariant, no locale
// work per comparison).
class IdentityMapModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Email, Phone, HubSpot, QuickBooks, CalCom, ColumnCount };
    Q_ENUM(Column)

    enum DataRole {
        IdRole = Qt::UserRole + 1, // QString customer id (every column)
        LinkedRole, // bool: the system column's record is linked (system columns)
        ExternalIdRole, // QString: the linked record's id (system columns)
    };

    explicit IdentityMapModel(QObject *parent = nullptr);

    void setIdentityMap(const Services::IdentityMapData &data);
    [[nodiscard]] const Services::IdentityMapData &identityMap() const { return m_data; }
    [[nodiscard]] const Services::IdentityMapRow &row(int row) const { return m_data.rows.at(row); }

    // The system a column shows, or nullopt for the other columns.
    [[nodiscard]] static std::optional<Domain::System> systemOf(int column);
    [[nodiscard]] static int columnOf(Domain::System system);

    // What IdentityMapProxyModel sorts by in `column`: case-folded text, one
    // per row; computed on first use per snapshot.
    [[nodiscard]] const QList<QString> &sortKeys(int column) const;
    // Each row's place in `column`'s order: rows with equal keys share a
    // rank. Sorting (any subset, either direction) then compares integers;
    // the strings are compared once per column and snapshot.
    [[nodiscard]] const QList<int> &sortRanks(int column) const;
    // Everything the free-text filter matches, case-folded, one per row:
    // names, email, phone (also digits only), linked ids, customer id.
    [[nodiscard]] const QList<QString> &searchTexts() const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    // "✓ 901", "✓ ana@example.org +1", "not linked".
    [[nodiscard]] static QString linkText(const Services::IdentityLinkCell &cell);
    // The tooltip of a system cell: what the record is and how it was linked.
    [[nodiscard]] static QString linkDetail(Domain::System system,
                                            const Services::IdentityLinkCell &cell);

private:
    Services::IdentityMapData m_data;
    mutable std::array<QList<QString>, ColumnCount> m_sortKeys;
    mutable std::array<QList<int>, ColumnCount> m_sortRanks;
    mutable QList<QString> m_searchTexts;
};

} // namespace Concord::Ui
