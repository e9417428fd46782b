#pragma once

#include "review/reconciliation.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace Concord::Ui {

// The monthly reconciliation's mismatches (Review::Mismatch), one per row,
// over an immutable snapshot (a model reset per report). DisplayRole is
// text: amounts formatted exactly from Domain::Money, the session's time in
// the business's zone. IdRole is the mismatch key the view's "Fix" asks for.
class ReconciliationModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Kind,       // "Deal amount ≠ session price"
        Client,     // display name
        Session,    // "Mar 10, 16:00 · Math" (business time)
        QuickBooks, // "Invoice 1042 · $65.50 (balance $0.00)"
        HubSpot,    // "Deal 301 · $60.00 · contractsent"
        Cause,      // likely cause, plain words
        Fix,        // "One click" / "By hand"
        ColumnCount
    };
    Q_ENUM(Column)
    enum DataRole {
        IdRole = Qt::UserRole + 1, // QString mismatch key (every column)
        FixableRole,               // bool: a safe one-click fix exists
        KindRole,                  // int MismatchKind
    };

    explicit ReconciliationModel(QObject *parent = nullptr);

    void setReport(const Review::ReconciliationReport &report);
    [[nodiscard]] const QList<Review::Mismatch> &mismatches() const { return m_rows; }
    [[nodiscard]] const Review::Mismatch &mismatch(int row) const { return m_rows.at(row); }
    [[nodiscard]] int rowForKey(const QString &key) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    // Shared wording, also used by the view's detail pane.
    [[nodiscard]] static QString moneyText(const Domain::Money &amount);
    [[nodiscard]] QString sessionText(const Review::Mismatch &m) const;
    [[nodiscard]] static QString invoiceText(const Review::Mismatch &m);
    [[nodiscard]] static QString dealText(const Review::Mismatch &m);

private:
    QList<Review::Mismatch> m_rows;
    QString m_zone;
};

} // namespace Concord::Ui
