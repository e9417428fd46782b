#include "dashboardchartcard.h"

#include "theme.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <cmath>

namespace Concord::Ui {

namespace {

// Enough room for five axis steps and month labels at the main window's
// default size (1180 × 760) without crowding.
constexpr int kMinimumChartHeight = 240;
constexpr QRgb kGridColor = 0xe6ebf0;
constexpr QRgb kAxisLineColor = 0xc9d3dc;

// Decimals needed to write `step` exactly (0, 1 or 2).
int decimalsFor(qreal step)
{
    for (int decimals = 0; decimals < 2; ++decimals) {
        const qreal scaled = step * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) < 1e-9)
            return decimals;
    }
    return 2;
}

} // namespace

DashboardChartCard::DashboardChartCard(const QString &title, QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_summary(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_chart(new QChart)
    , m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("card"));
    m_title->setObjectName(QStringLiteral("cardTitle"));
    m_summary->setObjectName(QStringLiteral("fieldLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Static pictures: no animation (they would replay on every refresh), no
    // background of their own (the card is the background).
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundVisible(false);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->setMargins(QMargins(4, 8, 8, 0));
    m_chart->setBackgroundRoundness(0);
    m_chart->legend()->setVisible(false);
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.92);
    m_chart->legend()->setFont(legendFont);
    m_chart->legend()->setLabelColor(QColor(0x3b4852));

    m_view = new QChartView(m_chart, m_stack);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setBackgroundBrush(Qt::white); // the card's colour, not the window's
    m_view->setMinimumHeight(kMinimumChartHeight);
    // Nothing in a chart acts on keys; the figures are in the summary, the
    // accessible description and the balances table, which are reachable.
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->setAccessibleName(title);

    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMinimumHeight(kMinimumChartHeight);
    m_empty->setStyleSheet(QStringLiteral("QLabel#emptyState { color: %1; background: %2; border-radius: 6px; "
                                          "padding: 24px; }")
                               .arg(Theme::mutedText().name(), QColor(0xf7f9fb).name()));

    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 14, 18, 14);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addSpacing(4);
    layout->addWidget(m_stack, 1);
}

bool DashboardChartCard::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

QString DashboardChartCard::emptyStateText() const
{
    return isShowingEmptyState() ? m_empty->text() : QString();
}

QString DashboardChartCard::summaryText() const
{
    return m_summary->text();
}

QString DashboardChartCard::title() const
{
    return m_title->text();
}

void DashboardChartCard::showChart(const QString &summary)
{
    m_summary->setText(summary);
    m_summary->setVisible(!summary.isEmpty());
    m_stack->setCurrentWidget(m_view);
}

void DashboardChartCard::showEmptyState(const QString &summary, const QString &emptyText)
{
    m_summary->setText(summary);
    m_summary->setVisible(!summary.isEmpty());
    m_empty->setText(emptyText);
    m_stack->setCurrentWidget(m_empty);
}

void DashboardChartCard::clearChart()
{
    m_chart->removeAllSeries();
    const QList<QAbstractAxis *> axes = m_chart->axes();
    for (QAbstractAxis *axis : axes) {
        m_chart->removeAxis(axis);
        delete axis;
    }
}

qreal DashboardChartCard::plotValue(const Domain::Money &amount)
{
    return qreal(amount.minorUnits()) / std::pow(10.0, Domain::Money::minorDigits(amount.currency()));
}

DashboardChartCard::AxisScale DashboardChartCard::niceScale(qreal low, qreal high, int maxSteps)
{
    low = std::min<qreal>(low, 0);
    high = std::max<qreal>(high, 0);
    maxSteps = std::max(maxSteps, 1);
    if (!(high - low > 0)) // also catches NaN
        return {0, 1, 0.25};
    // The smallest round step that covers the range in at most maxSteps.
    const qreal magnitude = std::pow(10.0, std::floor(std::log10((high - low) / maxSteps)));
    for (const qreal decade : {1.0, 10.0, 100.0}) {
        for (const qreal factor : {1.0, 2.0, 2.5, 5.0}) {
            const qreal step = factor * decade * magnitude;
            const qreal min = std::floor(low / step + 1e-9) * step;
            const qreal max = std::ceil(high / step - 1e-9) * step;
            if (std::lround((max - min) / step) <= maxSteps)
                return {min, max, step};
        }
    }
    return {low, high, high - low}; // unreachable: 100 × magnitude always fits
}

QString DashboardChartCard::axisSymbol(const QString &currency)
{
    // The locale's own symbol only for its own currency, as Money::format
    // does. Another currency's ISO code ("USD" in a French office) is too
    // wide to repeat on every tick: it takes the room the category labels
    // need ("Non échu" was cut), so those axes show numbers and the card
    // names the currency once (axisCurrencyNote).
    const QLocale locale;
    return locale.currencySymbol(QLocale::CurrencyIsoCode) == currency ? locale.currencySymbol(QLocale::CurrencySymbol)
                                                                       : QString();
}

QString DashboardChartCard::axisCurrencyNote(const QString &currency)
{
    if (currency.isEmpty() || !axisSymbol(currency).isEmpty())
        return {};
    //: Under a chart whose axis shows plain numbers; %1 = currency code
    return tr("amounts in %1").arg(currency);
}

QString DashboardChartCard::axisLabel(qreal value, const QString &currency, qreal step, qreal axisMax)
{
    const QLocale locale;
    const QString symbol = axisSymbol(currency);
    const auto money = [&](qreal amount, int decimals) {
        return symbol.isEmpty() ? locale.toString(amount, 'f', decimals)
                                : locale.toCurrencyString(amount, symbol, decimals);
    };
    if (std::abs(value) < step * 1e-6)
        return money(0.0, 0); // "$0" on every axis, never "-$0" or "$0k"
    // One style per axis, chosen by its largest value: "$12k" beside "$2,000"
    // would read as a mistake.
    const qreal top = std::abs(axisMax);
    if (top >= 1e6 && step >= 1e5) {
        //: Compact axis label in millions, e.g. "$1.5M"
        return tr("%1M").arg(money(value / 1e6, decimalsFor(step / 1e6)));
    }
    if (top >= 1e4 && step >= 1e3) {
        //: Compact axis label in thousands, e.g. "$12k"
        return tr("%1k").arg(money(value / 1e3, decimalsFor(step / 1e3)));
    }
    // Whole amounts, or cents when the steps are smaller than a unit.
    return money(value, decimalsFor(step) > 0 ? 2 : 0);
}

QCategoryAxis *DashboardChartCard::createMoneyAxis(const AxisScale &scale, const QString &currency) const
{
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setRange(scale.min, scale.max);
    axis->setStartValue(scale.min);
    const int steps = int(std::lround((scale.max - scale.min) / scale.step));
    for (int i = 0; i <= steps; ++i) {
        const qreal value = scale.min + i * scale.step;
        // QCategoryAxis needs unique labels; a tick's label is unique by construction.
        axis->append(axisLabel(value, currency, scale.step, std::max(std::abs(scale.min), std::abs(scale.max))), value);
    }
    styleAxis(axis, true);
    axis->setLineVisible(false);
    return axis;
}

void DashboardChartCard::styleAxis(QAbstractAxis *axis, bool grid) const
{
    QFont labels = font();
    labels.setPointSizeF(labels.pointSizeF() * 0.92);
    axis->setLabelsFont(labels);
    axis->setLabelsColor(Theme::mutedText());
    axis->setGridLineVisible(grid);
    axis->setGridLineColor(QColor(kGridColor));
    axis->setMinorGridLineVisible(false);
    axis->setLinePenColor(QColor(kAxisLineColor));
    axis->setTitleVisible(false);
}

} // namespace Concord::Ui
