#pragma once

#include "recordspagebase.h"
#include "services/recordsdata.h"

#include <QDateTime>

class QLabel;
class QPushButton;

namespace Concord::Ui {

class AppointmentsModel;

// "Appointments": each appointment's state in Cal.com, HubSpot and
// QuickBooks side by side, the disagreements highlighted with their reasons,
// and a link to open the record in its own system.
//
// The store may hold half a million appointments: the page asks for a window
// of days (at first the last kDefaultDaysBack and the next kDefaultDaysAhead
// days) with reloadRequested(), and shows the snapshot setData() answers
// with — at most the cap core was asked for, with a "showing the first N"
// note when more fall in the window.
//
// Wiring (composition root): reloadRequested → Services::collectAppointments
// on the sync thread (limit Services::kDefaultRecordLimit) → setData, or
// showFailure with the error's message; openUrlRequested →
// QDesktopServices::openUrl; retryQueueRequested → the retry queue page's
// selectJob. GUI thread only.
class AppointmentsPage : public RecordsPageBase {
    Q_OBJECT
public:
    static constexpr int kDefaultDaysBack = 30;
    static constexpr int kDefaultDaysAhead = 30;

    explicit AppointmentsPage(const Clock &clock = Clock::system(), QWidget *parent = nullptr);

    [[nodiscard]] AppointmentsModel *appointmentsModel() const { return m_model; }
    // The UTC window the date fields stand for: from the first day's
    // midnight to the midnight after the last day, on the computer's calendar.
    [[nodiscard]] std::pair<QDateTime, QDateTime> window() const;

    // [issue 9] "Create invoice now" (the manual invoice trigger): enabled
    // for billing roles (Permission::EditBilling) on a session that is
    // neither canceled nor invoiced; the tooltip says why not otherwise.
    [[nodiscard]] QPushButton *createInvoiceButton() const { return m_createInvoice; }
    [[nodiscard]] QString invoiceOutcomeText() const;

public Q_SLOTS:
    void setData(const Concord::Services::AppointmentsData &data);
    // Hides RecordsPageBase::setRole (called on this page's type by the
    // window) to follow the role in the invoice button too.
    void setRole(Concord::Domain::Role role);
    // [issue 9] The answer to createInvoiceRequested: Review::InvoiceNowResult's
    // message, or the error's (shown next to the button; reload follows).
    void showInvoiceOutcome(const QString &message);

Q_SIGNALS:
    void reloadRequested(const QDateTime &fromUtc, const QDateTime &toUtc);
    // [issue 9] Review::createInvoiceNow(actor, appointmentId) on the sync thread.
    void createInvoiceRequested(qint64 appointmentId);

protected:
    void requestRange(const QDate &from, const QDate &to) override;
    [[nodiscard]] Details describe(qint64 id) const override;
    [[nodiscard]] QString countWords(int n) const override;
    [[nodiscard]] QString emptyRangeText(const QDate &from, const QDate &to) const override;

private:
    void updateCreateInvoiceButton();

    AppointmentsModel *m_model = nullptr;
    QPushButton *m_createInvoice = nullptr; // [issue 9]
    QLabel *m_invoiceOutcome = nullptr;     // [issue 9]
};

} // namespace Concord::Ui
