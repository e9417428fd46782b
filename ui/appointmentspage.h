#pragma once

#include "recordspagebase.h"
#include "services/recordsdata.h"

#include <QDateTime>

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

public Q_SLOTS:
    void setData(const Concord::Services::AppointmentsData &data);

Q_SIGNALS:
    void reloadRequested(const QDateTime &fromUtc, const QDateTime &toUtc);

protected:
    void requestRange(const QDate &from, const QDate &to) override;
    [[nodiscard]] Details describe(qint64 id) const override;
    [[nodiscard]] QString countWords(int n) const override;
    [[nodiscard]] QString emptyRangeText(const QDate &from, const QDate &to) const override;

private:
    AppointmentsModel *m_model = nullptr;
};

} // namespace Concord::Ui
