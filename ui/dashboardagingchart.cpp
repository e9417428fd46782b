#include "dashboardagingchart.h"

#include "theme.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QLocale>
#include <QStackedBarSeries>
#include <QToolTip>

namespace Concord::Ui {

using Services::AgingBucket;

namespace {

constexpr qreal kBarWidth = 0.6; // of each category's width

} // namespace

AgingChartCard::AgingChartCard(QWidget *parent)
    : DashboardChartCard(tr("Aging of open balances"), parent)
{
    setObjectName(QStringLiteral("card"));
    chartView()->setObjectName(QStringLiteral("agingChart"));
    chartView()->setAccessibleName(tr("Aging of open balances chart"));
    showEmptyState(QString(), tr("Loading…"));
}

QString AgingChartCard::bucketName(AgingBucket bucket)
{
    switch (bucket) {
    case AgingBucket::Current:
        //: Aging bucket: not yet due
        return tr("Current");
    case AgingBucket::Days1To30:
        return tr("1–30 days");
    case AgingBucket::Days31To60:
        return tr("31–60 days");
    case AgingBucket::Days61To90:
        return tr("61–90 days");
    case AgingBucket::Over90:
        return tr("Over 90 days");
    }
    return {};
}

QString AgingChartCard::bucketShortName(AgingBucket bucket)
{
    switch (bucket) {
    case AgingBucket::Current:
        return tr("Current");
    case AgingBucket::Days1To30:
        //: Aging bucket on the chart's axis: days past due
        return tr("1–30");
    case AgingBucket::Days31To60:
        return tr("31–60");
    case AgingBucket::Days61To90:
        return tr("61–90");
    case AgingBucket::Over90:
        //: Aging bucket on the chart's axis: more than 90 days past due
        return tr("90+");
    }
    return {};
}

QColor AgingChartCard::bucketColor(AgingBucket bucket)
{
    // Calm teal for what is not due yet, then amber to red as it ages.
    switch (bucket) {
    case AgingBucket::Current:
        return QColor(0x4f9bb8);
    case AgingBucket::Days1To30:
        return QColor(0xe5b94e);
    case AgingBucket::Days31To60:
        return QColor(0xdf9434);
    case AgingBucket::Days61To90:
        return QColor(0xd9682f);
    case AgingBucket::Over90:
        return QColor(0xc93b31);
    }
    return Theme::toneColor(Theme::Tone::Neutral);
}

void AgingChartCard::setData(const Services::DashboardData &data)
{
    clearChart();
    m_series = nullptr;
    m_categories = nullptr;
    m_values = nullptr;
    m_amounts = QList<Domain::Money>(data.aging.cbegin(), data.aging.cend());

    QStringList names;
    QStringList axis;
    QStringList spoken;
    bool anything = false;
    qreal low = 0;
    qreal high = 0;
    for (int i = 0; i < Services::kAgingBucketCount; ++i) {
        const auto bucket = AgingBucket(i);
        names << bucketName(bucket);
        // Qt Charts cuts a category label wider than its column ("Non é…"
        // in French) but renders it as rich text: each word on its own line.
        axis << bucketShortName(bucket).toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("<br>"));
        spoken << tr("%1: %2").arg(bucketName(bucket), m_amounts.at(i).format(QLocale()));
        anything = anything || !m_amounts.at(i).isZero();
        low = std::min(low, plotValue(m_amounts.at(i)));
        high = std::max(high, plotValue(m_amounts.at(i)));
    }
    QString asOf = data.today.isValid()
        //: %1 = a date
        ? tr("By days past due, as of %1").arg(QLocale().toString(data.today, QLocale::LongFormat))
        : QString();
    if (const QString note = axisCurrencyNote(data.currency); !note.isEmpty() && !asOf.isEmpty())
        //: %1 = "By days past due, as of <date>", %2 = "amounts in USD"
        asOf = tr("%1 · %2").arg(asOf, note);
    chartView()->setAccessibleDescription(anything ? spoken.join(QStringLiteral(", ")) : QString());
    if (!anything) {
        showEmptyState(asOf, tr("Nothing is owed right now: no invoice has an open balance."));
        return;
    }

    m_series = new QStackedBarSeries;
    m_series->setBarWidth(kBarWidth);
    for (int i = 0; i < Services::kAgingBucketCount; ++i) {
        auto *set = new QBarSet(names.at(i));
        const QColor color = bucketColor(AgingBucket(i));
        set->setColor(color);
        set->setBorderColor(color);
        for (int j = 0; j < Services::kAgingBucketCount; ++j)
            set->append(j == i ? plotValue(m_amounts.at(i)) : 0.0);
        m_series->append(set);
    }
    connect(m_series, &QStackedBarSeries::hovered, this, [this](bool status, int index, QBarSet *) {
        if (!status || index < 0 || index >= m_amounts.size()) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(QCursor::pos(),
                           tr("%1: %2").arg(bucketName(AgingBucket(index)), m_amounts.at(index).format(QLocale())),
                           chartView());
    });
    chart()->addSeries(m_series);

    m_categories = new QBarCategoryAxis;
    m_categories->append(axis);
    styleAxis(m_categories, false);
    chart()->addAxis(m_categories, Qt::AlignBottom);
    m_series->attachAxis(m_categories);

    m_values = createMoneyAxis(niceScale(low, high), data.currency);
    chart()->addAxis(m_values, Qt::AlignLeft);
    m_series->attachAxis(m_values);

    showChart(asOf);
}

} // namespace Concord::Ui
