#pragma once

#include "services/dashboarddata.h"
#include "theme.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>

namespace Concord::Ui {

// The dashboard's balances table: one row per client with an open balance or
// an open booking block (Services::ClientBalance), over an immutable snapshot
// (a model reset per snapshot: the rows are a fresh reading of the store).
//
// DisplayRole is text — amounts formatted exactly from Domain::Money in the
// current locale, "Blocked", days as a number — except OpenInvoices (int). SortRole
// carries the raw value each column sorts by (minor units, days, counts; the
// status by urgency: blocked, then overdue, then current). Overdue and
// blocked rows carry a coloured dot and a tooltip saying why, and
// AccessibleTextRole says it in words for screen readers.
class BalancesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Client, // display name
        Status, // "Blocked", "Overdue", "Current"
        Outstanding, // open balance
        Overdue, // the part past its due date
        DaysOverdue, // days since the oldest unpaid invoice was due
        OpenInvoices,
        ColumnCount
    };
    Q_ENUM(Column)

    enum DataRole {
        IdRole = Qt::UserRole + 1, // QString Concord customer id (every column)
        SortRole, // the column's raw sort key: qint64 for amounts and days, int rank for Status, text else
        OverdueRole, // bool: something is past due (every column)
        BlockedRole, // bool: an open booking block (every column)
    };

    explicit BalancesModel(QObject *parent = nullptr);

    void setBalances(const QList<Services::ClientBalance> &clients);
    [[nodiscard]] const QList<Services::ClientBalance> &balances() const { return m_clients; }
    [[nodiscard]] const Services::ClientBalance &balance(int row) const { return m_clients.at(row); }
    // Row of the client with `customerId`, or -1.
    [[nodiscard]] int rowForId(const QString &customerId) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    // Shared wording: "Blocked", "Overdue", "Current".
    [[nodiscard]] static QString statusText(const Services::ClientBalance &client);
    [[nodiscard]] static Theme::Tone statusTone(const Services::ClientBalance &client);
    // Why the row is flagged, in sentences; empty for a current client.
    [[nodiscard]] static QString statusDetail(const Services::ClientBalance &client);
    // An amount in the current locale ("$1,234.50"); "–" for an invalid one.
    [[nodiscard]] static QString moneyText(const Domain::Money &amount);

private:
    [[nodiscard]] QVariant displayData(const Services::ClientBalance &client, Column column) const;
    [[nodiscard]] QVariant sortData(const Services::ClientBalance &client, Column column) const;
    [[nodiscard]] QString accessibleText(const Services::ClientBalance &client, Column column) const;

    QList<Services::ClientBalance> m_clients;
};

} // namespace Concord::Ui
