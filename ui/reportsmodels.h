#pragma once

#include "review/agingreport.h"
#include "review/monthlyreport.h"

#include <QAbstractTableModel>
#include <QLocale>

namespace Concord::Ui {

// Overdue clients of one currency of the monthly report. An immutable
// snapshot replaced whole by setClients(); amounts displayed in the locale's
// grouping, exact; Qt::UserRole (SortRole) gives raw values to sort on.
class OverdueClientsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Client, OldestDue, DaysOverdue, OpenInvoices, PastDue, Balance, ColumnCount };
    Q_ENUM(Column)
    static constexpr int IdRole = Qt::UserRole + 1;   // the customer id
    static constexpr int SortRole = Qt::UserRole + 2; // raw value (minor units, days, date)

    explicit OverdueClientsModel(QObject *parent = nullptr);
    void setClients(const QList<Review::OverdueClient> &clients);
    [[nodiscard]] const QList<Review::OverdueClient> &clients() const { return m_clients; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Review::OverdueClient> m_clients;
};

// One currency of the aging report: a row per client and a last "Total" row.
class AgingModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Client, Current, Days1To30, Days31To60, Days61To90, Over90, Total, ColumnCount };
    Q_ENUM(Column)
    static constexpr int IdRole = Qt::UserRole + 1;   // the customer id; empty on the total row
    static constexpr int SortRole = Qt::UserRole + 2;

    explicit AgingModel(QObject *parent = nullptr);
    void setSection(const Review::AgingCurrency &section);
    [[nodiscard]] const Review::AgingCurrency &section() const { return m_section; }
    [[nodiscard]] bool isTotalRow(int row) const { return row == m_section.clients.size(); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    Review::AgingCurrency m_section;
};

} // namespace Concord::Ui
