#pragma once

#include "recordspagemodel.h"

#include <QHash>

namespace Concord::Ui {

// The Appointments table: one row per appointment, its state in Cal.com,
// HubSpot and QuickBooks side by side (headers name the system), rows where
// they disagree tinted and marked, the reasons in the tooltip and in the
// last column. Filtering and sorting: RecordsPageModel.
class AppointmentsModel : public RecordsPageModel {
    Q_OBJECT
public:
    enum Column {
        Start, // in the appointment's own zone, the zone shown
        Client,
        Service,
        CalcomStatus, // Cal.com: the booking's status (and how Concord's changes reached it)
        HubSpotDeal, // HubSpot: the deal, or "Not linked" (hidden at first: the stage column says
                     // it)
        HubSpotStage, // HubSpot: the stage the mapping gives the deal, or "No deal"
        QuickBooksInvoice, // QuickBooks: the invoice carrying it
        QuickBooksStatus,
        QuickBooksBalance,
        Disagreements,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit AppointmentsModel(QObject *parent = nullptr);

    void setSnapshot(const Services::AppointmentsData &data);
    [[nodiscard]] const Services::AppointmentsData &snapshot() const { return m_data; }
    // The record with `id`, or nullptr; valid until the next snapshot.
    [[nodiscard]] const Services::AppointmentRecord *record(qint64 id) const;

    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;

    // "2026-03-20 10:00 EDT": the wall time where the appointment is, with its zone.
    [[nodiscard]] static QString startText(const Domain::ZonedInstant &start);
    // "10:00 in America/New_York (14:00 UTC)".
    [[nodiscard]] static QString startToolTip(const Domain::ZonedInstant &start);
    [[nodiscard]] static QString dealText(const Services::AppointmentRecord &r);
    [[nodiscard]] static QString stageText(const Services::AppointmentRecord &r);
    [[nodiscard]] static QString invoiceText(const Services::AppointmentRecord &r);
    [[nodiscard]] static QString invoiceStatusText(const Services::AppointmentRecord &r);

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
    [[nodiscard]] QString displayText(const Services::AppointmentRecord &r, int column) const;

    Services::AppointmentsData m_data;
    QHash<qint64, int> m_recordById;
};

} // namespace Concord::Ui
