#pragma once

#include "dashboardchartcard.h"
#include "services/dashboarddata.h"

class QBarCategoryAxis;
class QCategoryAxis;
class QStackedBarSeries;

namespace Concord::Ui {

// "Aging": the open balance per aging bucket (current, 1–30, 31–60, 61–90,
// over 90 days past due) as bars coloured from calm to alarming. One bar set
// per bucket in a stacked series, each with its amount at its own category
// and zero elsewhere: that is how Qt Charts colours bars of one series
// differently. With nothing owed, a sentence replaces the chart.
class AgingChartCard : public DashboardChartCard {
    Q_OBJECT
public:
    explicit AgingChartCard(QWidget *parent = nullptr);

    void setData(const Services::DashboardData &data);

    // Null while the empty state shows.
    [[nodiscard]] QStackedBarSeries *series() const { return m_series; }
    [[nodiscard]] QBarCategoryAxis *categoryAxis() const { return m_categories; }
    [[nodiscard]] QCategoryAxis *valueAxis() const { return m_values; }

    // "Current", "1–30 days", …, "Over 90 days" (set labels, tooltips, screen readers).
    [[nodiscard]] static QString bucketName(Services::AgingBucket bucket);
    // "Current", "1–30", …, "90+": the axis, where the summary says "days past due".
    [[nodiscard]] static QString bucketShortName(Services::AgingBucket bucket);
    [[nodiscard]] static QColor bucketColor(Services::AgingBucket bucket);

private:
    QStackedBarSeries *m_series = nullptr;
    QBarCategoryAxis *m_categories = nullptr;
    QCategoryAxis *m_values = nullptr;
    QList<Domain::Money> m_amounts;
};

} // namespace Concord::Ui
