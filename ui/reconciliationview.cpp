#include "reconciliationview.h"

#include "dashboardtile.h"
#include "reconciliationmodel.h"
#include "theme.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Concord::Ui {

namespace {

// "$213.74" or, with more currencies, "$213.74 · €33.33".
QString amounts(const QList<Review::CurrencyTotals> &totals, Domain::Money Review::CurrencyTotals::*field)
{
    QStringList parts;
    for (const Review::CurrencyTotals &t : totals)
        parts << ReconciliationModel::moneyText(t.*field);
    return parts.join(u" · "_s);
}

// "a − b" per currency, exact; empty when every difference is zero.
QString differences(const QList<Review::CurrencyTotals> &totals, Domain::Money Review::CurrencyTotals::*a,
                    Domain::Money Review::CurrencyTotals::*b, bool *nonZero, bool sign = true)
{
    QStringList parts;
    *nonZero = false;
    for (const Review::CurrencyTotals &t : totals) {
        auto d = (t.*a).subtract(t.*b);
        if (!d)
            continue;
        if (!d->isZero())
            *nonZero = true;
        if (!sign)
            parts << ReconciliationModel::moneyText(*d);
        else
            parts << (d->isNegative() ? u"−"_s + ReconciliationModel::moneyText(d->negated())
                                      : u"+"_s + ReconciliationModel::moneyText(*d));
    }
    return parts.join(u" · "_s);
}

QString escaped(const QString &s)
{
    return s.toHtmlEscaped();
}

} // namespace

ReconciliationView::ReconciliationView(QWidget *parent) : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);

    // Month picker: a month, not a day (the review is monthly).
    auto *bar = new QHBoxLayout;
    auto *monthLabel = new QLabel(tr("&Month:"), this);
    m_month = new QDateEdit(this);
    m_month->setDisplayFormat(u"MMMM yyyy"_s);
    m_month->setCalendarPopup(true);
    m_month->setDate(QDate::currentDate().addMonths(-1));
    monthLabel->setBuddy(m_month);
    m_reconcile = new QPushButton(tr("&Reconcile"), this);
    m_reconcile->setToolTip(tr("Compare Concord's sessions with QuickBooks and HubSpot for this month"));
    m_freshness = new QLabel(this);
    m_freshness->setWordWrap(true);
    m_freshness->setStyleSheet(u"color: %1;"_s.arg(Theme::mutedText().name()));
    bar->addWidget(monthLabel);
    bar->addWidget(m_month);
    bar->addWidget(m_reconcile);
    bar->addSpacing(12);
    bar->addWidget(m_freshness, 1);
    outer->addLayout(bar);

    m_banner = new QLabel(this);
    m_banner->setWordWrap(true);
    m_banner->setVisible(false);
    outer->addWidget(m_banner);

    auto *tiles = new QHBoxLayout;
    for (const QString &caption : {tr("Booked (Concord)"), tr("Invoiced (QuickBooks)"), tr("Collected (QuickBooks)"),
                                   tr("Deals (HubSpot)")}) {
        auto *tile = new DashboardTile(caption, this);
        tile->setValue(u"–"_s);
        tiles->addWidget(tile, 1);
        m_tiles << tile;
    }
    outer->addLayout(tiles);

    auto *split = new QSplitter(Qt::Horizontal, this);
    m_stack = new QStackedWidget(split);
    m_empty = new QLabel(tr("Choose a month and press Reconcile."), m_stack);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_table = new QTableView(m_stack);
    m_model = new ReconciliationModel(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(ReconciliationModel::Cause, QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Mismatches"));
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_table);

    auto *detailBox = new QWidget(split);
    auto *detailLayout = new QVBoxLayout(detailBox);
    detailLayout->setContentsMargins(8, 0, 0, 0);
    m_detail = new QTextBrowser(detailBox);
    m_detail->setOpenLinks(false);
    m_detail->setAccessibleName(tr("Mismatch details"));
    m_fix = new QPushButton(tr("&Fix"), detailBox);
    m_fix->setEnabled(false);
    m_fixNote = new QLabel(detailBox);
    m_fixNote->setWordWrap(true);
    detailLayout->addWidget(m_detail, 1);
    detailLayout->addWidget(m_fixNote);
    detailLayout->addWidget(m_fix, 0, Qt::AlignRight);
    split->addWidget(m_stack);
    split->addWidget(detailBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({640, 360});
    outer->addWidget(split, 1);

    setTabOrder(m_month, m_reconcile);
    setTabOrder(m_reconcile, m_table);
    setTabOrder(m_table, m_detail);
    setTabOrder(m_detail, m_fix);

    connect(m_reconcile, &QPushButton::clicked, this, [this] { Q_EMIT monthRequested(month()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { showCurrent(); });
    connect(m_fix, &QPushButton::clicked, this, [this] {
        if (const Review::Mismatch *m = current(); m && m->isFixable())
            Q_EMIT fixRequested(m->key);
    });
    showCurrent();
}

QDate ReconciliationView::month() const
{
    const QDate d = m_month->date();
    return QDate(d.year(), d.month(), 1);
}

void ReconciliationView::setMonth(const QDate &anyDayOfMonth)
{
    if (anyDayOfMonth.isValid())
        m_month->setDate(QDate(anyDayOfMonth.year(), anyDayOfMonth.month(), 1));
}

QString ReconciliationView::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void ReconciliationView::setReport(const Review::ReconciliationReport &report)
{
    const QString keep = current() ? current()->key : QString();
    m_busy = false;
    m_reconcile->setEnabled(true);
    m_month->setEnabled(true);
    m_report = report;
    m_hasReport = true;
    setMonth(report.month);
    m_model->setReport(report);
    // Make sure the header keeps up after the reset.
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(ReconciliationModel::Cause, QHeaderView::Stretch);

    const QLocale locale;
    const QString monthName = locale.toString(report.month, u"MMMM yyyy"_s);
    QString fresh = report.billingSyncedAt.isValid()
        ? tr("QuickBooks figures as of %1 (last billing sync).")
              .arg(locale.toString(report.billingSyncedAt.toTimeZone(QTimeZone(report.timeZone.toUtf8())),
                                   QLocale::ShortFormat))
        : tr("QuickBooks has not synced yet: its figures may be missing.");
    fresh += u' ' + (report.dealsRead ? tr("HubSpot deals read live.") : tr("HubSpot deals not read."));
    m_freshness->setText(fresh);

    const auto &t = report.totals;
    bool off = false;
    m_tiles[0]->setValue(amounts(t, &Review::CurrencyTotals::booked),
                         tr("%1 sessions, canceled ones left out").arg(locale.toString(report.sessionCount)));
    m_tiles[0]->setTone(Theme::Tone::Neutral);
    const QString invoicedVsBooked = differences(t, &Review::CurrencyTotals::invoicedForSessions,
                                                 &Review::CurrencyTotals::booked, &off);
    m_tiles[1]->setValue(amounts(t, &Review::CurrencyTotals::invoiced),
                         off ? tr("Sessions' lines %1, %2 vs booked")
                                   .arg(amounts(t, &Review::CurrencyTotals::invoicedForSessions), invoicedVsBooked)
                             : tr("Sessions' lines match booked (totals include tax)"));
    m_tiles[1]->setTone(off ? Theme::Tone::Warning : Theme::Tone::Good);
    const QString open =
        differences(t, &Review::CurrencyTotals::invoiced, &Review::CurrencyTotals::collected, &off, false);
    m_tiles[2]->setValue(amounts(t, &Review::CurrencyTotals::collected),
                         off ? tr("%1 still open on the month's invoices").arg(open) : tr("Everything invoiced is paid"));
    m_tiles[2]->setTone(Theme::Tone::Neutral);
    if (report.dealsRead) {
        const QString dealsVsBooked = differences(t, &Review::CurrencyTotals::deals, &Review::CurrencyTotals::booked, &off);
        m_tiles[3]->setValue(amounts(t, &Review::CurrencyTotals::deals),
                             off ? tr("%1 vs booked").arg(dealsVsBooked) : tr("Matches booked"));
        m_tiles[3]->setTone(off ? Theme::Tone::Warning : Theme::Tone::Good);
    } else {
        m_tiles[3]->setValue(u"–"_s, tr("Not read (HubSpot not connected)"));
        m_tiles[3]->setTone(Theme::Tone::Neutral);
    }

    if (report.mismatches.isEmpty()) {
        m_empty->setText(tr("Everything agrees for %1: %2 sessions checked.")
                             .arg(monthName, locale.toString(report.sessionCount)));
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_stack->setCurrentWidget(m_table);
        const int row = keep.isEmpty() ? 0 : std::max(0, m_model->rowForKey(keep));
        m_table->selectRow(row);
    }
    showCurrent();
}

void ReconciliationView::setActor(Domain::Role role, const QString &username)
{
    m_role = role;
    m_username = username;
    updateFixButton();
}

void ReconciliationView::setBusy(bool busy)
{
    m_busy = busy;
    m_reconcile->setEnabled(!busy);
    m_month->setEnabled(!busy);
    updateFixButton();
}

void ReconciliationView::showFailure(const QString &message)
{
    setBusy(false);
    showBanner(message, true);
}

void ReconciliationView::showDone(const QString &message)
{
    setBusy(false);
    showBanner(message, false);
}

void ReconciliationView::selectMismatch(const QString &key)
{
    const int row = m_model->rowForKey(key);
    if (row >= 0)
        m_table->selectRow(row);
}

void ReconciliationView::showBanner(const QString &text, bool bad)
{
    const Theme::Tone tone = bad ? Theme::Tone::Bad : Theme::Tone::Good;
    m_banner->setStyleSheet(u"QLabel { background: %1; color: %2; padding: 6px 8px; border-radius: 4px; }"_s.arg(
        Theme::toneBackground(tone).name(), Theme::toneText(tone).name()));
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

const Review::Mismatch *ReconciliationView::current() const
{
    const QModelIndex at = m_table->selectionModel()->currentIndex();
    if (!at.isValid() || at.row() >= m_model->rowCount())
        return nullptr;
    return &m_model->mismatch(at.row());
}

void ReconciliationView::showCurrent()
{
    const Review::Mismatch *m = current();
    if (!m) {
        m_detail->setHtml(m_hasReport && m_report.mismatches.isEmpty()
                              ? tr("<p>No mismatches: the three tools agree.</p>")
                              : tr("<p>Select a mismatch to see both sides, the likely cause and the fix.</p>"));
        updateFixButton();
        return;
    }
    QString html = u"<h3>%1</h3>"_s.arg(escaped(Review::describe(m->kind)));
    const auto row = [&](const QString &label, const QString &value) {
        if (!value.isEmpty())
            html += u"<tr><td style='padding-right:8px'><b>%1</b></td><td>%2</td></tr>"_s.arg(escaped(label), escaped(value));
    };
    html += u"<table>"_s;
    row(tr("Client"), m->session.customerName.isEmpty() ? m->session.customerId : m->session.customerName);
    if (m->session.appointmentId)
        row(tr("Concord"), tr("Appointment %1 · %2 · %3")
                               .arg(m->session.appointmentId)
                               .arg(m_model->sessionText(*m), Domain::toString(m->session.status)));
    row(tr("QuickBooks"), ReconciliationModel::invoiceText(*m)
                              + (m->invoice.invoiceId && !m->invoice.quickbooksId.isEmpty()
                                     ? tr(" · id %1 · paid %2%3")
                                           .arg(m->invoice.quickbooksId, ReconciliationModel::moneyText(m->invoice.paid),
                                                m->invoice.liveChecked ? tr(" · checked live") : QString())
                                     : QString()));
    if (m->invoice.sessionLines)
        row(tr("Invoiced for the session"), ReconciliationModel::moneyText(*m->invoice.sessionLines));
    row(tr("HubSpot"), ReconciliationModel::dealText(*m));
    if (!m->deal.wantedAmount.isEmpty() || !m->deal.wantedStage.isEmpty())
        row(tr("Concord would send"), tr("amount %1 · stage %2").arg(m->deal.wantedAmount, m->deal.wantedStage));
    html += u"</table>"_s;
    html += u"<p><b>%1</b> %2</p>"_s.arg(escaped(tr("Likely cause:")), escaped(m->cause));
    if (m->isFixable())
        html += u"<p><b>%1</b> %2</p>"_s.arg(escaped(tr("Fix:")), escaped(m->fixText));
    else
        html += u"<p><b>%1</b> %2</p>"_s.arg(escaped(tr("What to do by hand:")), escaped(m->manualFix));
    m_detail->setHtml(html);
    updateFixButton();
}

void ReconciliationView::updateFixButton()
{
    const Review::Mismatch *m = current();
    QString why;
    bool enabled = false;
    if (!m) {
        why = tr("Select a mismatch.");
    } else if (!m->isFixable()) {
        why = tr("No safe automatic fix: see what to do by hand.");
    } else if (!Review::roleMayFix(m_role, m->fix)) {
        why = m->fix == Review::FixKind::CreateInvoice
            ? tr("Creating invoices needs the bookkeeper or owner role.")
            : m->fix == Review::FixKind::RetryJob ? tr("Retrying jobs needs the office manager or owner role.")
                                                  : tr("Re-sending deals needs the office manager or owner role.");
    } else if (m_busy) {
        why = tr("Working…");
    } else {
        enabled = true;
        why = m->fixText;
    }
    m_fix->setEnabled(enabled);
    m_fix->setToolTip(why);
    m_fixNote->setText(m && m->isFixable() && !enabled ? why : QString());
    m_fixNote->setVisible(!m_fixNote->text().isEmpty());
}

} // namespace Concord::Ui
