#pragma once

#include "recordspagemodel.h"

#include <QHash>

namespace Concord::Ui {

// The Invoices table: one row per invoice, QuickBooks' numbers beside the
// Cal.com sessions it bills and their HubSpot deals; disagreeing rows tinted
// and marked, the reasons in the tooltip and the last column. Filtering and
// sorting: RecordsPageModel.
class InvoicesModel : public RecordsPageModel {
    Q_OBJECT
public:
    enum Column {
        Number, // the invoice number (QuickBooks' DocNumber)
        Date, // invoice date
        Client,
        Due, // QuickBooks: due date
        Total, // QuickBooks: total
        Balance, // QuickBooks: open balance
        QuickBooksStatus, // QuickBooks: money status (and how Concord's changes reached it)
        CalcomSessions, // Cal.com: the sessions it bills
        HubSpotDeals, // HubSpot: their deals and stage
        Disagreements,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit InvoicesModel(QObject *parent = nullptr);

    void setSnapshot(const Services::InvoicesData &data);
    [[nodiscard]] const Services::InvoicesData &snapshot() const { return m_data; }
    [[nodiscard]] const Services::InvoiceRecord *record(qint64 id) const;

    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;

    // "1002", or QuickBooks' id, or "Not in QuickBooks yet".
    [[nodiscard]] static QString numberText(const Services::InvoiceRecord &r);
    // "Canceled · 2026-03-20", "2 sessions · 1 canceled", "No session".
    [[nodiscard]] static QString sessionsText(const Services::InvoiceRecord &r);
    // "Deal 9003 · Closed won", "2 of 3 deals linked", "Not linked".
    [[nodiscard]] static QString dealsText(const Services::InvoiceRecord &r);

protected:
    [[nodiscard]] int recordsInSnapshot() const override { return int(m_data.rows.size()); }
    [[nodiscard]] qint64 recordId(int record) const override { return m_data.rows.at(record).id; }
    [[nodiscard]] const QList<Services::Disagreement> &
    recordDisagreements(int record) const override
    {
        return m_data.rows.at(record).disagreements;
    }
    [[nodiscard]] QVariant recordData(int record, int column, int role) const override;
    [[nodiscard]] bool isNumericColumn(int column) const override;
    [[nodiscard]] qint64 numberKey(int record, int column) const override;
    [[nodiscard]] QString textKey(int record, int column) const override;
    void appendSearchText(int record, QString &out) const override;
    [[nodiscard]] std::optional<Domain::System> columnSystem(int column) const override;
    [[nodiscard]] QString columnTitle(int column) const override;
    [[nodiscard]] QString groupHeading(int column) const override;

private:
    [[nodiscard]] QString displayText(const Services::InvoiceRecord &r, int column) const;

    Services::InvoicesData m_data;
    QHash<qint64, int> m_recordById;
};

} // namespace Concord::Ui
