#include "dashboardmonthlychart.h"

#include "theme.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QLegend>
#include <QLocale>
#include <QResizeEvent>
#include <QToolTip>

namespace Concord::Ui {

using Domain::Money;

namespace {

constexpr qreal kBarWidth = 0.72; // of each month's width, for the pair of bars

} // namespace

MonthlyChartCard::MonthlyChartCard(QWidget *parent)
    : DashboardChartCard(tr("Invoiced vs collected"), parent)
{
    chartView()->setObjectName(QStringLiteral("monthlyChart"));
    chartView()->setAccessibleName(tr("Invoiced and collected per month chart"));
    showEmptyState(QString(), tr("Loading…"));
}

QColor MonthlyChartCard::invoicedColor()
{
    return Theme::accent();
}

QColor MonthlyChartCard::collectedColor()
{
    return QColor(0x59b37c);
}

void MonthlyChartCard::setData(const Services::DashboardData &data)
{
    clearChart();
    m_series = nullptr;
    m_invoiced = nullptr;
    m_collected = nullptr;
    m_categories = nullptr;
    m_values = nullptr;
    m_months = data.months;

    const QLocale locale;
    Money invoicedTotal = Money::zero(data.currency);
    Money collectedTotal = Money::zero(data.currency);
    bool anything = false;
    qreal low = 0;
    qreal high = 0;
    QStringList spoken;
    for (const Services::MonthTotals &m : std::as_const(m_months)) {
        invoicedTotal = invoicedTotal.add(m.invoiced).value_or(invoicedTotal);
        collectedTotal = collectedTotal.add(m.collected).value_or(collectedTotal);
        anything = anything || !m.invoiced.isZero() || !m.collected.isZero();
        for (const Money &amount : {m.invoiced, m.collected}) {
            low = std::min(low, plotValue(amount));
            high = std::max(high, plotValue(amount));
        }
        //: %1 = month and year, %2 = amount invoiced, %3 = amount collected
        spoken << tr("%1: invoiced %2, collected %3")
                      .arg(locale.toString(m.month, QStringLiteral("MMMM yyyy")), m.invoiced.format(locale),
                           m.collected.format(locale));
    }
    QString period;
    if (!m_months.isEmpty()) {
        //: %1 = first month, %2 = last month ("April 2025 – March 2026")
        period = tr("%1 – %2").arg(locale.toString(m_months.constFirst().month, QStringLiteral("MMMM yyyy")),
                                   locale.toString(m_months.constLast().month, QStringLiteral("MMMM yyyy")));
    }
    chartView()->setAccessibleDescription(anything ? spoken.join(QStringLiteral("; ")) : QString());
    if (!anything) {
        showEmptyState(period,
                       tr("No invoices or payments yet in these 12 months. Bars appear here as QuickBooks "
                          "invoices and payments are synced."));
        return;
    }

    m_invoiced = new QBarSet(tr("Invoiced"));
    m_collected = new QBarSet(tr("Collected"));
    for (QBarSet *set : {m_invoiced, m_collected}) {
        const QColor color = set == m_invoiced ? invoicedColor() : collectedColor();
        set->setColor(color);
        set->setBorderColor(color);
    }
    for (const Services::MonthTotals &m : std::as_const(m_months)) {
        m_invoiced->append(plotValue(m.invoiced));
        m_collected->append(plotValue(m.collected));
    }
    m_series = new QBarSeries;
    m_series->setBarWidth(kBarWidth);
    m_series->append(m_invoiced);
    m_series->append(m_collected);
    connect(m_series, &QBarSeries::hovered, this, [this](bool status, int index, QBarSet *set) {
        if (!status || index < 0 || index >= m_months.size()) {
            QToolTip::hideText();
            return;
        }
        const Services::MonthTotals &m = m_months.at(index);
        const QLocale locale;
        //: Tooltip: "March 2026 · Invoiced: $130.00"
        QToolTip::showText(QCursor::pos(),
                           tr("%1 · %2: %3")
                               .arg(locale.toString(m.month, QStringLiteral("MMMM yyyy")), set->label(),
                                    (set == m_invoiced ? m.invoiced : m.collected).format(locale)),
                           chartView());
    });
    chart()->addSeries(m_series);

    m_categories = new QBarCategoryAxis;
    m_narrowNames = width() < kShortMonthNamesBelowWidth;
    updateMonthNames();
    styleAxis(m_categories, false);
    chart()->addAxis(m_categories, Qt::AlignBottom);
    m_series->attachAxis(m_categories);

    m_values = createMoneyAxis(niceScale(low, high), data.currency);
    chart()->addAxis(m_values, Qt::AlignLeft);
    m_series->attachAxis(m_values);

    chart()->legend()->setVisible(true);
    chart()->legend()->setAlignment(Qt::AlignTop);
    chart()->legend()->setMarkerShape(QLegend::MarkerShapeRectangle);

    //: %1 = period, %2 = total invoiced, %3 = total collected
    showChart(tr("%1 · invoiced %2, collected %3")
                  .arg(period, invoicedTotal.format(locale), collectedTotal.format(locale)));
}

void MonthlyChartCard::resizeEvent(QResizeEvent *event)
{
    DashboardChartCard::resizeEvent(event);
    const bool narrow = width() < kShortMonthNamesBelowWidth;
    if (narrow != m_narrowNames) {
        m_narrowNames = narrow;
        updateMonthNames();
    }
}

void MonthlyChartCard::updateMonthNames()
{
    if (!m_categories)
        return;
    const QLocale locale;
    QStringList names;
    for (const Services::MonthTotals &m : std::as_const(m_months)) {
        names << locale.monthName(m.month.month(), m_narrowNames ? QLocale::NarrowFormat : QLocale::ShortFormat);
    }
    // Narrow names repeat ("J" for June and July); QBarCategoryAxis wants
    // unique categories, so the repeats get invisible differences.
    if (m_narrowNames) {
        for (int i = 0; i < names.size(); ++i) {
            while (names.indexOf(names.at(i)) != i)
                names[i] += QChar(0x200B); // zero-width space
        }
    }
    m_categories->clear();
    m_categories->append(names);
}

} // namespace Concord::Ui
