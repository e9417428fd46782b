#include "reportspage.h"

#include "pageheader.h"
#include "reportpdf.h"
#include "reportsmodels.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFrame>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Concord::Ui {

namespace {

// Tiles: caption and object name (tests and the tile lookup use the name).
const QList<std::pair<const char *, QString>> kTiles = {
    {QT_TRANSLATE_NOOP("Concord::Ui::ReportsPage", "Invoiced"), u"invoiced"_s},
    {QT_TRANSLATE_NOOP("Concord::Ui::ReportsPage", "Collected"), u"collected"_s},
    {QT_TRANSLATE_NOOP("Concord::Ui::ReportsPage", "Outstanding"), u"outstanding"_s},
    {QT_TRANSLATE_NOOP("Concord::Ui::ReportsPage", "Overdue"), u"overdue"_s},
};

QString writeBytes(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return f.errorString();
    f.write(bytes);
    return f.commit() ? QString() : f.errorString();
}

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(OverdueClientsModel::SortRole);
    auto *view = new QTableView(parent);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Amount columns wide enough for "999,999.99" even when a bucket is empty.
    view->horizontalHeader()->setMinimumSectionSize(view->fontMetrics().horizontalAdvance(u"9,999,999.99"_s) + 16);
    view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    view->sortByColumn(-1, Qt::AscendingOrder);
    return view;
}

} // namespace

ReportsPage::ReportsPage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *header = new PageHeader(tr("Reports"),
                                  tr("What was invoiced and collected in a month, what is still owed, and by whom."),
                                  this);
    layout->addWidget(header);

    m_month = new QDateEdit(this);
    m_month->setObjectName(u"reportMonth"_s);
    m_month->setDisplayFormat(u"MMMM yyyy"_s);
    m_month->setCalendarPopup(true);
    m_month->setAccessibleName(tr("Report month"));
    const QDate today = QDate::currentDate();
    m_month->setMaximumDate(QDate(today.year(), today.month(), 1).addMonths(1).addDays(-1));
    m_month->setDate(QDate(today.year(), today.month(), 1));
    m_currency = new QComboBox(this);
    m_currency->setAccessibleName(tr("Currency"));
    m_currency->setVisible(false);
    m_csv = new QPushButton(tr("Export CSV…"), this);
    m_pdf = new QPushButton(tr("Export PDF…"), this);
    m_json = new QPushButton(tr("Export JSON…"), this);
    header->addTrailingWidget(m_month);
    header->addTrailingWidget(m_currency);
    header->addTrailingWidget(m_csv);
    header->addTrailingWidget(m_pdf);
    header->addTrailingWidget(m_json);

    m_period = new QLabel(this);
    m_period->setWordWrap(true);
    m_source = new QLabel(this);
    m_source->setWordWrap(true);
    m_source->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_period);
    layout->addWidget(m_source);

    auto *tiles = new QHBoxLayout;
    for (const auto &[caption, name] : kTiles) {
        auto *tile = new QFrame(this);
        tile->setFrameShape(QFrame::StyledPanel);
        auto *v = new QVBoxLayout(tile);
        auto *value = new QLabel(u"\u2014"_s, tile);
        value->setObjectName(name);
        QFont big = value->font();
        big.setPointSizeF(big.pointSizeF() * 1.6);
        big.setBold(true);
        value->setFont(big);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *label = new QLabel(tr(caption), tile);
        label->setForegroundRole(QPalette::PlaceholderText);
        v->addWidget(value);
        v->addWidget(label);
        tiles->addWidget(tile);
        m_tileValues << value;
    }
    layout->addLayout(tiles);

    m_overdue = new OverdueClientsModel(this);
    m_aging = new AgingModel(this);
    m_overdueCaption = new QLabel(tr("<b>Overdue clients</b>"), this);
    m_overdueView = makeTable(m_overdue, this);
    m_overdueView->setAccessibleName(tr("Overdue clients"));
    m_agingCaption = new QLabel(tr("<b>Aging</b>"), this);
    m_agingView = makeTable(m_aging, this);
    m_agingView->setAccessibleName(tr("Aging"));
    // The last row is the total: sorting would bury it among the clients.
    m_agingView->setSortingEnabled(false);
    layout->addWidget(m_overdueCaption);
    layout->addWidget(m_overdueView, 1);
    layout->addWidget(m_agingCaption);
    layout->addWidget(m_agingView, 1);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_month, &QDateEdit::dateChanged, this, [this](const QDate &d) {
        m_status->setText(tr("Loading %1…").arg(QLocale().toString(d, u"MMMM yyyy"_s)));
        Q_EMIT monthRequested(QDate(d.year(), d.month(), 1));
    });
    connect(m_currency, &QComboBox::currentTextChanged, this, &ReportsPage::showCurrency);
    connect(m_csv, &QPushButton::clicked, this, [this] { chooseAndExport(Format::Csv); });
    connect(m_pdf, &QPushButton::clicked, this, [this] { chooseAndExport(Format::Pdf); });
    connect(m_json, &QPushButton::clicked, this, [this] { chooseAndExport(Format::Json); });

    m_chooser = [this](Format format, const QString &suggested) {
        const QString filter = format == Format::Csv   ? tr("CSV files (*.csv)")
                               : format == Format::Pdf ? tr("PDF documents (*.pdf)")
                                                       : tr("JSON files (*.json)");
        return QFileDialog::getSaveFileName(this, tr("Export report"), suggested, filter);
    };
    setExportsEnabled(false);
    m_overdueView->setToolTip(tr("No report yet"));
}

QDate ReportsPage::month() const
{
    const QDate d = m_month->date();
    return QDate(d.year(), d.month(), 1);
}

void ReportsPage::setMonth(const QDate &month)
{
    if (m_month->date() != month)
        m_month->setDate(month);
    else
        Q_EMIT monthRequested(this->month());
}

QPushButton *ReportsPage::exportButton(Format format) const
{
    switch (format) {
    case Format::Csv: return m_csv;
    case Format::Pdf: return m_pdf;
    case Format::Json: return m_json;
    }
    return nullptr;
}

QString ReportsPage::tileText(const QString &objectName) const
{
    const auto *label = findChild<QLabel *>(objectName);
    return label ? label->text() : QString();
}

void ReportsPage::setReport(const Review::MonthlyReport &monthly, const Review::AgingReport &aging)
{
    m_monthly = monthly;
    m_agingReport = aging;
    m_hasReport = true;
    if (monthly.periodStart.isValid() && month() != monthly.periodStart) {
        // The picker follows the report on screen (without asking for it again).
        const QSignalBlocker blockMonth(m_month);
        m_month->setDate(monthly.periodStart);
    }
    const QLocale locale;
    m_period->setText(
        monthly.balancesAsOfToday
            ? tr("%1 to %2 · outstanding and overdue as of today, %3")
                  .arg(locale.toString(monthly.periodStart, QLocale::ShortFormat),
                       locale.toString(monthly.periodEnd, QLocale::ShortFormat),
                       locale.toString(monthly.balancesAsOf, QLocale::ShortFormat))
            : tr("%1 to %2 · outstanding and overdue as of the month's end")
                  .arg(locale.toString(monthly.periodStart, QLocale::ShortFormat),
                       locale.toString(monthly.periodEnd, QLocale::ShortFormat)));
    const QString synced = monthly.source.mirrorSyncedAt.isValid()
                               ? locale.toString(monthly.source.mirrorSyncedAt.toLocalTime(), QLocale::ShortFormat)
                               : tr("never");
    m_source->setText(tr("From Concord's copy of QuickBooks, last synced %1.").arg(synced));

    const QSignalBlocker block(m_currency);
    m_currency->clear();
    for (const Review::MonthlyCurrency &c : monthly.currencies)
        m_currency->addItem(c.currency);
    m_currency->setVisible(monthly.currencies.size() > 1);
    m_status->setText(monthly.currencies.isEmpty() ? tr("Nothing was invoiced or paid in this month, and "
                                                        "nothing is owed.")
                                                   : QString());
    showCurrency(monthly.currencies.isEmpty() ? QString() : monthly.currencies.first().currency);
    setExportsEnabled(true);
}

void ReportsPage::showCurrency(const QString &code)
{
    const Review::MonthlyCurrency *c = m_monthly.currency(code);
    const QLocale locale;
    const auto fmt = [&](const Domain::Money &m) {
        return u"%1 %2"_s.arg(ReportPdf::formatAmount(m, locale), m.currency());
    };
    const QList<QString> values = c ? QList<QString>{fmt(c->invoiced), fmt(c->collected), fmt(c->outstanding),
                                                     fmt(c->overdue)}
                                    : QList<QString>{u"\u2014"_s, u"\u2014"_s, u"\u2014"_s, u"\u2014"_s};
    for (qsizetype i = 0; i < m_tileValues.size(); ++i)
        m_tileValues.at(i)->setText(values.at(i));
    m_overdue->setClients(c ? c->overdueClients : QList<Review::OverdueClient>{});
    const Review::AgingCurrency *a = m_agingReport.currency(code);
    m_aging->setSection(a ? *a : Review::AgingCurrency{});
    m_overdueCaption->setText(c && !c->overdueClients.isEmpty()
                                  ? tr("<b>Overdue clients</b> (%1)").arg(c->overdueClients.size())
                                  : tr("<b>Overdue clients</b> — none"));
    m_agingCaption->setText(tr("<b>Aging</b> as of %1 (days past due)")
                                .arg(locale.toString(m_agingReport.asOf, QLocale::ShortFormat)));
}

void ReportsPage::showFailure(const QString &message)
{
    m_status->setText(tr("Could not read the report: %1").arg(message));
}

void ReportsPage::setExportsEnabled(bool enabled)
{
    const QString why = enabled ? QString() : tr("Pick a month and wait for its report first.");
    for (QPushButton *b : {m_csv, m_pdf, m_json}) {
        b->setEnabled(enabled);
        b->setToolTip(why);
    }
}

void ReportsPage::chooseAndExport(Format format)
{
    if (!m_hasReport)
        return;
    const QString ext = format == Format::Csv ? u"csv"_s : format == Format::Pdf ? u"pdf"_s : u"json"_s;
    const QString path = m_chooser ? m_chooser(format, u"monthly-report-%1.%2"_s.arg(m_monthly.monthText(), ext))
                                   : QString();
    if (!path.isEmpty())
        exportTo(format, path);
}

void ReportsPage::exportTo(Format format, const QString &path)
{
    if (!m_hasReport)
        return;
    ++m_exportsRunning;
    setExportsEnabled(false);
    m_status->setText(tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
    // Copies of the snapshot go to the worker; it touches nothing of the page.
    const Review::MonthlyReport monthly = m_monthly;
    const Review::AgingReport aging = m_agingReport;
    const QLocale locale;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (--m_exportsRunning == 0)
            setExportsEnabled(true);
        if (error.isEmpty()) {
            m_status->setText(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
            Q_EMIT exportFinished(path);
        } else {
            m_status->setText(tr("Could not export: %1").arg(error));
            Q_EMIT exportFailed(error);
        }
    });
    watcher->setFuture(QtConcurrent::run([format, path, monthly, aging, locale]() -> QString {
        switch (format) {
        case Format::Csv: return writeBytes(path, Review::monthlyReportToCsv(monthly));
        case Format::Json: return writeBytes(path, Review::monthlyReportToJson(monthly));
        case Format::Pdf: {
            auto ok = ReportPdf::writeMonthlyPdf(monthly, aging, path, {locale, ReportPdf::Paper::ByLocale});
            return ok ? QString() : ok.error().message;
        }
        }
        return QString();
    }));
}

} // namespace Concord::Ui
