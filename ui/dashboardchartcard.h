#pragma once

#include "domain/money.h"

#include <QFrame>

class QAbstractAxis;
class QCategoryAxis;
class QChart;
class QChartView;
class QLabel;
class QStackedWidget;

namespace Concord::Ui {

// A card holding one dashboard chart (Qt Charts) under a title and a one-line
// summary, or, when there is nothing to plot, a sentence saying so instead of
// an empty pair of axes. Subclasses build the series (AgingChartCard,
// MonthlyChartCard); this class owns the chart and the shared look.
//
// Money on charts: Qt Charts plots qreal. Amounts stay Domain::Money
// everywhere else; plotValue() converts to major units (dollars, not cents)
// only to place bars, and every figure a person reads (summary, tooltips,
// accessible description) is formatted from the exact Money. A qreal holds
// any amount below 2^53 minor units exactly, far beyond a small business's
// balances, so the bars are not even approximately off.
class DashboardChartCard : public QFrame {
    Q_OBJECT
public:
    // An axis range with round steps: min ≤ 0 ≤ max, (max − min) / step ticks.
    struct AxisScale {
        qreal min = 0;
        qreal max = 1;
        qreal step = 1;
    };

    DashboardChartCard(const QString &title, QWidget *parent = nullptr);

    [[nodiscard]] QChart *chart() const { return m_chart; }
    [[nodiscard]] QChartView *chartView() const { return m_view; }
    [[nodiscard]] bool isShowingEmptyState() const;
    [[nodiscard]] QString emptyStateText() const;
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QString title() const;

    // Major units of `amount` as a qreal, for plotting only (see above).
    [[nodiscard]] static qreal plotValue(const Domain::Money &amount);
    // A "nice" range covering [low, high] and zero in at most `maxSteps` steps of
    // 1, 2, 2.5 or 5 × 10^k, the smallest such step (an empty range becomes [0, 1]).
    [[nodiscard]] static AxisScale niceScale(qreal low, qreal high, int maxSteps = 6);
    // An axis label for `value` major units of `currency` in the current
    // locale, as precise as `step` needs, compact when the axis reaches
    // `axisMax` ≥ 10,000: "$0", "$250", "$2.50", "$12k", "$1.5M". With the
    // locale's own currency only; another currency's axis shows plain
    // numbers ("12k") and the card says which (axisCurrencyNote).
    [[nodiscard]] static QString axisLabel(qreal value, const QString &currency, qreal step, qreal axisMax);
    // The symbol an axis of `currency` carries ("$" in en_US for USD), or
    // empty when it shows plain numbers.
    [[nodiscard]] static QString axisSymbol(const QString &currency);
    // "amounts in USD" when the axis shows plain numbers, else empty.
    [[nodiscard]] static QString axisCurrencyNote(const QString &currency);

protected:
    // Shows the chart (with `summary` under the title) or, when `emptyText` is
    // not empty, the sentence instead of the chart.
    void showChart(const QString &summary);
    void showEmptyState(const QString &summary, const QString &emptyText);
    // Removes every series and axis, ready for new ones.
    void clearChart();
    // A value axis with currency labels at round steps (a QCategoryAxis, so
    // the labels are ours, not printf's).
    [[nodiscard]] QCategoryAxis *createMoneyAxis(const AxisScale &scale, const QString &currency) const;
    // Applies the dashboard's axis look (fonts, muted labels, light grid).
    void styleAxis(QAbstractAxis *axis, bool grid) const;

private:
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QStackedWidget *m_stack = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace Concord::Ui
