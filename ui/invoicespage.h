#pragma once

#include "recordspagebase.h"
#include "services/recordsdata.h"

#include <QDate>

namespace Concord::Ui {

class InvoicesModel;

// "Invoices": each QuickBooks invoice beside the Cal.com sessions it bills
// and their HubSpot deals, the disagreements highlighted with their reasons,
// and a link to open the invoice, booking or deal in its own system.
//
// Asks for the invoices dated in a range of days (at first the last
// kDefaultDaysBack days through the next kDefaultDaysAhead: monthly invoices
// are dated on the month's last day) with reloadRequested(); shows what
// setData() answers, with a "showing the first N" note past the cap.
//
// Wiring (composition root): reloadRequested → Services::collectInvoices on
// the sync thread (limit Services::kDefaultRecordLimit) → setData, or
// showFailure; openUrlRequested → QDesktopServices::openUrl;
// retryQueueRequested → the retry queue page's selectJob. GUI thread only.
class InvoicesPage : public RecordsPageBase {
    Q_OBJECT
public:
    static constexpr int kDefaultDaysBack = 90;
    static constexpr int kDefaultDaysAhead = 31;

    explicit InvoicesPage(const Clock &clock = Clock::system(), QWidget *parent = nullptr);

    [[nodiscard]] InvoicesModel *invoicesModel() const { return m_model; }

public Q_SLOTS:
    void setData(const Concord::Services::InvoicesData &data);

Q_SIGNALS:
    void reloadRequested(const QDate &from, const QDate &to);

protected:
    void requestRange(const QDate &from, const QDate &to) override;
    [[nodiscard]] Details describe(qint64 id) const override;
    [[nodiscard]] QString countWords(int n) const override;
    [[nodiscard]] QString emptyRangeText(const QDate &from, const QDate &to) const override;

private:
    InvoicesModel *m_model = nullptr;
};

} // namespace Concord::Ui
