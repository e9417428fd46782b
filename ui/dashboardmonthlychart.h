#pragma once

#include "dashboardchartcard.h"
#include "services/dashboarddata.h"

class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
class QCategoryAxis;

namespace Concord::Ui {

// "Invoiced vs collected": two bars per month for the last 12 months, oldest
// on the left, with the totals over the period in the summary line. Months
// without invoices or payments are there with no bar (zero), so the time axis
// is always the same twelve months. With nothing in the whole period, a
// sentence replaces the chart.
class MonthlyChartCard : public DashboardChartCard {
    Q_OBJECT
public:
    explicit MonthlyChartCard(QWidget *parent = nullptr);

    void setData(const Services::DashboardData &data);

    // Null while the empty state shows.
    [[nodiscard]] QBarSeries *series() const { return m_series; }
    [[nodiscard]] QBarSet *invoicedSet() const { return m_invoiced; }
    [[nodiscard]] QBarSet *collectedSet() const { return m_collected; }
    [[nodiscard]] QBarCategoryAxis *categoryAxis() const { return m_categories; }
    [[nodiscard]] QCategoryAxis *valueAxis() const { return m_values; }

    [[nodiscard]] static QColor invoicedColor();
    [[nodiscard]] static QColor collectedColor();

    // Below this card width (px) the months are named by their initial
    // ("A", "M", …): Qt Charts would otherwise cut "Apr" to "…". The tooltip
    // and the accessible description still name month and year.
    static constexpr int kShortMonthNamesBelowWidth = 560;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateMonthNames();

    QBarSeries *m_series = nullptr;
    QBarSet *m_invoiced = nullptr;
    QBarSet *m_collected = nullptr;
    QBarCategoryAxis *m_categories = nullptr;
    QCategoryAxis *m_values = nullptr;
    QList<Services::MonthTotals> m_months;
    bool m_narrowNames = false;
};

} // namespace Concord::Ui
