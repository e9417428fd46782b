#include "reportpdf.h"

#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTimeZone>

#include <functional>
#include <numeric>

using namespace Qt::StringLiterals;

namespace Concord::ReportPdf {

using Domain::Money;
using Review::AgingClient;
using Review::AgingCurrency;
using Services::AgingBucket;
using Services::kAgingBucketCount;

QString formatAmount(const Money &amount, const QLocale &locale)
{
    QString text = amount.toDecimalString();
    const bool negative = text.startsWith(u'-');
    if (negative)
        text.remove(0, 1);
    const qsizetype dot = text.indexOf(u'.');
    QString whole = dot < 0 ? text : text.left(dot);
    const QString fraction = dot < 0 ? QString() : text.mid(dot + 1);
    const QString group = locale.groupSeparator();
    for (qsizetype i = whole.size() - 3; i > 0; i -= 3)
        whole.insert(i, group);
    QString out = fraction.isEmpty() ? whole : whole + locale.decimalPoint() + fraction;
    return negative ? locale.negativeSign() + out : out;
}

namespace {

// Layout in PDF points (the writer runs at 72 dpi so 1 unit = 1 pt).
constexpr int kDpi = 72;
constexpr qreal kMarginMm = 18;
constexpr qreal kRowHeight = 15;
constexpr qreal kHeaderBand = 30;   // running header (business, report) above the body
constexpr qreal kFooterBand = 24;   // running footer (generated, source, page x of y)
const QColor kInk(0x22, 0x22, 0x22);
const QColor kMuted(0x66, 0x66, 0x66);
const QColor kRule(0xBB, 0xBB, 0xBB);
const QColor kHeaderFill(0xE8, 0xEC, 0xF1);
const QColor kStripe(0xF6, 0xF7, 0xF9);

struct Column {
    QString title;
    qreal weight = 1;               // share of the table's width
    Qt::Alignment align = Qt::AlignLeft;
};

struct Table {
    QString caption;                // drawn above; repeated with "(continued)" on later pages
    QList<Column> columns;
    QList<QStringList> rows;
    QStringList totalRow;           // bold, ruled above; empty = none
    QString emptyText;              // shown in place of rows when there are none
};

// Two passes over the same drawing code: the first (no painter) only counts
// pages so the second can print "Page x of y".
class Renderer
{
public:
    Renderer(QPainter *painter, QPdfWriter *writer, QRectF body, QString header, QString footer)
        : m_painter(painter), m_writer(writer), m_body(body), m_header(std::move(header)), m_footer(std::move(footer))
    {
        m_y = m_body.top();
    }

    void setPageCount(int pages) { m_pageCount = pages; }
    [[nodiscard]] int pages() const { return m_page; }

    void begin() { startPage(); }

    void title(const QString &text, const QStringList &lines)
    {
        need(24 + lines.size() * 14 + 8);
        draw([&](QPainter &p) {
            p.setFont(font(18, true));
            p.setPen(kInk);
            p.drawText(QRectF(m_body.left(), m_y, m_body.width(), 24), Qt::AlignLeft | Qt::AlignVCenter, text);
        });
        m_y += 26;
        for (const QString &line : lines) {
            draw([&](QPainter &p) {
                p.setFont(font(9.5));
                p.setPen(kMuted);
                p.drawText(QRectF(m_body.left(), m_y, m_body.width(), 14), Qt::AlignLeft | Qt::AlignVCenter, line);
            });
            m_y += 14;
        }
        m_y += 10;
    }

    void heading(const QString &text)
    {
        // Keep a heading with at least three rows of what follows.
        need(22 + 4 * kRowHeight);
        m_y += 6;
        draw([&](QPainter &p) {
            p.setFont(font(12.5, true));
            p.setPen(kInk);
            p.drawText(QRectF(m_body.left(), m_y, m_body.width(), 18), Qt::AlignLeft | Qt::AlignVCenter, text);
            p.setPen(QPen(kInk, 0.8));
            p.drawLine(QPointF(m_body.left(), m_y + 19), QPointF(m_body.right(), m_y + 19));
        });
        m_y += 26;
    }

    void table(const Table &t, qreal widthShare = 1.0)
    {
        const qreal width = m_body.width() * widthShare;
        qreal total = 0;
        for (const Column &c : t.columns)
            total += c.weight;
        QList<qreal> widths;
        for (const Column &c : t.columns)
            widths << width * c.weight / total;

        const auto captionAndHeader = [&](bool continued) {
            if (!t.caption.isEmpty()) {
                draw([&](QPainter &p) {
                    p.setFont(font(10, true));
                    p.setPen(kInk);
                    p.drawText(QRectF(m_body.left(), m_y, width, 16), Qt::AlignLeft | Qt::AlignVCenter,
                               continued ? t.caption + u" (continued)"_s : t.caption);
                });
                m_y += 17;
            }
            drawRow(t.columns, widths, headerCells(t.columns), RowKind::Header, false);
        };
        const qreal captionHeight = t.caption.isEmpty() ? 0 : 17;
        need(captionHeight + kRowHeight * 2);
        captionAndHeader(false);
        if (t.rows.isEmpty() && !t.emptyText.isEmpty()) {
            draw([&](QPainter &p) {
                p.setFont(font(9, false, true));
                p.setPen(kMuted);
                p.drawText(QRectF(m_body.left() + 4, m_y, width - 8, kRowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                           t.emptyText);
            });
            m_y += kRowHeight;
        }
        for (qsizetype r = 0; r < t.rows.size(); ++r) {
            if (m_y + kRowHeight > m_body.bottom()) {
                newPage();
                captionAndHeader(true);
            }
            drawRow(t.columns, widths, t.rows.at(r), RowKind::Body, r % 2 == 1);
        }
        if (!t.totalRow.isEmpty()) {
            if (m_y + kRowHeight > m_body.bottom()) {
                newPage();
                captionAndHeader(true);
            }
            drawRow(t.columns, widths, t.totalRow, RowKind::Total, false);
        }
        m_y += 12;
    }

    void note(const QString &text)
    {
        need(14);
        draw([&](QPainter &p) {
            p.setFont(font(8.5, false, true));
            p.setPen(kMuted);
            p.drawText(QRectF(m_body.left(), m_y, m_body.width(), 28), Qt::AlignLeft | Qt::TextWordWrap, text);
        });
        m_y += 28;
    }

    void finish() { drawFooter(); }

private:
    enum class RowKind { Header, Body, Total };

    static QFont font(qreal points, bool bold = false, bool italic = false)
    {
        QFont f(u"DejaVu Sans"_s);
        f.setStyleHint(QFont::SansSerif);
        f.setPointSizeF(points);
        f.setBold(bold);
        f.setItalic(italic);
        return f;
    }

    static QStringList headerCells(const QList<Column> &columns)
    {
        QStringList out;
        for (const Column &c : columns)
            out << c.title;
        return out;
    }

    void drawRow(const QList<Column> &columns, const QList<qreal> &widths, const QStringList &cells, RowKind kind,
                 bool stripe)
    {
        draw([&](QPainter &p) {
            const qreal width = std::accumulate(widths.cbegin(), widths.cend(), qreal(0));
            const QRectF band(m_body.left(), m_y, width, kRowHeight);
            if (kind == RowKind::Header)
                p.fillRect(band, kHeaderFill);
            else if (stripe)
                p.fillRect(band, kStripe);
            if (kind == RowKind::Total) {
                p.setPen(QPen(kInk, 0.8));
                p.drawLine(band.topLeft(), band.topRight());
            }
            p.setFont(font(kind == RowKind::Header ? 8.5 : 9, kind != RowKind::Body));
            p.setPen(kind == RowKind::Header ? kMuted : kInk);
            const QFontMetricsF metrics(p.font(), p.device());
            qreal x = m_body.left();
            for (qsizetype c = 0; c < columns.size(); ++c) {
                const QRectF cell(x + 4, m_y, widths.at(c) - 8, kRowHeight);
                const QString full = cells.value(c);
                const qreal needed = metrics.horizontalAdvance(full);
                if (c == 0 || needed <= cell.width()) {
                    // Only names are elided; a figure is never cut (below).
                    p.drawText(cell, int(columns.at(c).align) | Qt::AlignVCenter,
                               metrics.elidedText(full, Qt::ElideRight, cell.width()));
                } else {
                    // An amount or caption too wide for its column is set
                    // smaller for that cell rather than shortened.
                    const QFont normal = p.font();
                    QFont smaller = normal;
                    smaller.setPointSizeF(normal.pointSizeF() * cell.width() / needed * 0.98);
                    p.setFont(smaller);
                    p.drawText(cell, int(columns.at(c).align) | Qt::AlignVCenter, full);
                    p.setFont(normal);
                }
                x += widths.at(c);
            }
            if (kind == RowKind::Header) {
                p.setPen(QPen(kRule, 0.5));
                p.drawLine(band.bottomLeft(), band.bottomRight());
            }
        });
        m_y += kRowHeight;
    }

    void need(qreal height)
    {
        if (m_y + height > m_body.bottom() && m_y > m_body.top())
            newPage();
    }

    void newPage()
    {
        drawFooter();
        if (m_painter)
            m_writer->newPage();
        startPage();
    }

    void startPage()
    {
        ++m_page;
        m_y = m_body.top();
        draw([&](QPainter &p) {
            const qreal top = m_body.top() - kHeaderBand;
            p.setFont(font(8.5, true));
            p.setPen(kMuted);
            p.drawText(QRectF(m_body.left(), top, m_body.width(), 14), Qt::AlignLeft | Qt::AlignVCenter,
                       m_header.section(u'\t', 0, 0));
            p.setFont(font(8.5));
            p.drawText(QRectF(m_body.left(), top, m_body.width(), 14), Qt::AlignRight | Qt::AlignVCenter,
                       m_header.section(u'\t', 1, 1));
            p.setPen(QPen(kRule, 0.5));
            p.drawLine(QPointF(m_body.left(), top + 17), QPointF(m_body.right(), top + 17));
        });
    }

    void drawFooter()
    {
        draw([&](QPainter &p) {
            const qreal top = m_body.bottom() + 8;
            p.setPen(QPen(kRule, 0.5));
            p.drawLine(QPointF(m_body.left(), top), QPointF(m_body.right(), top));
            p.setFont(font(7.5));
            p.setPen(kMuted);
            // The page number keeps its room: the source line is elided, never overprinted.
            const qreal textWidth = m_body.width() - 70;
            p.drawText(QRectF(m_body.left(), top + 3, textWidth, 12), Qt::AlignLeft | Qt::AlignVCenter,
                       QFontMetricsF(p.font(), p.device()).elidedText(m_footer, Qt::ElideRight, textWidth));
            p.drawText(QRectF(m_body.left(), top + 3, m_body.width(), 12), Qt::AlignRight | Qt::AlignVCenter,
                       u"Page %1 of %2"_s.arg(m_page).arg(m_pageCount));
        });
    }

    void draw(const std::function<void(QPainter &)> &paint)
    {
        if (m_painter)
            paint(*m_painter);
    }

    QPainter *m_painter;
    QPdfWriter *m_writer;
    QRectF m_body;
    QString m_header;
    QString m_footer;
    qreal m_y = 0;
    int m_page = 0;
    int m_pageCount = 0;
};

QPageSize pageSizeFor(const PdfOptions &options)
{
    Paper paper = options.paper;
    if (paper == Paper::ByLocale)
        paper = options.locale.measurementSystem() == QLocale::ImperialUSSystem ? Paper::Letter : Paper::A4;
    return QPageSize(paper == Paper::Letter ? QPageSize::Letter : QPageSize::A4);
}

QString localStamp(const QDateTime &utc, const QString &zoneId)
{
    if (!utc.isValid())
        return u"never"_s;
    const QTimeZone zone(zoneId.toUtf8());
    const QDateTime local = zone.isValid() ? utc.toTimeZone(zone) : utc.toUTC();
    return u"%1 %2"_s.arg(local.toString(u"yyyy-MM-dd HH:mm"_s), zone.isValid() ? zoneId : u"UTC"_s);
}

QString dateText(const QDate &d)
{
    return d.isValid() ? d.toString(u"d MMM yyyy"_s) : u"\u2014"_s;
}

Table agingTable(const AgingCurrency &cur, const QLocale &locale, const QString &caption)
{
    Table t;
    t.caption = caption;
    t.columns << Column{u"Client"_s, 2.6, Qt::AlignLeft};
    for (int i = 0; i < kAgingBucketCount; ++i)
        t.columns << Column{Review::agingBucketCaption(AgingBucket(i)), 1.35, Qt::AlignRight};
    t.columns << Column{u"Total"_s, 1.55, Qt::AlignRight};
    for (const AgingClient &c : cur.clients) {
        QStringList row{c.displayName};
        for (const Money &m : c.buckets)
            row << (m.isZero() ? QString() : formatAmount(m, locale));
        row << formatAmount(c.balance, locale);
        t.rows << row;
    }
    t.totalRow << u"Total (%1 clients)"_s.arg(cur.clients.size());
    for (const Money &m : cur.totals)
        t.totalRow << formatAmount(m, locale);
    t.totalRow << formatAmount(cur.balance, locale);
    t.emptyText = u"No open balances."_s;
    return t;
}

// Opens the writer on `path`, failing clearly when the file cannot be written
// (QPdfWriter itself only reports that through QPainter::begin()).
Status render(const QString &path, const PdfOptions &options, const QString &title, const QString &header,
              const QString &footer, const std::function<void(Renderer &)> &content)
{
    {
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            return std::unexpected(Error::make(ErrorCode::InvalidArgument,
                                               u"cannot write %1: %2"_s.arg(path, probe.errorString())));
        }
    }
    QPdfWriter writer(path);
    writer.setResolution(kDpi);
    writer.setTitle(title);
    writer.setCreator(u"Concord"_s);
    writer.setPageLayout(QPageLayout(pageSizeFor(options), QPageLayout::Portrait,
                                     QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter));
    const QRectF paint = writer.pageLayout().paintRect(QPageLayout::Point);
    const QRectF body(0, kHeaderBand, paint.width(), paint.height() - kHeaderBand - kFooterBand);

    Renderer dry(nullptr, &writer, body, header, footer);
    dry.begin();
    content(dry);
    dry.finish();

    QPainter painter;
    if (!painter.begin(&writer)) {
        return std::unexpected(Error::make(ErrorCode::InvalidArgument, u"cannot write the PDF %1"_s.arg(path)));
    }
    Renderer real(&painter, &writer, body, header, footer);
    real.setPageCount(dry.pages());
    real.begin();
    content(real);
    real.finish();
    if (!painter.end())
        return std::unexpected(Error::make(ErrorCode::Storage, u"could not finish the PDF %1"_s.arg(path)));
    return {};
}

QString sourceFooter(const Review::ReportSource &s)
{
    // The zone is named once (the generated stamp); both stamps are in it.
    const QString synced = localStamp(s.mirrorSyncedAt, s.businessTimeZone).section(u' ', 0, 1);
    return u"Generated %1 \u00b7 QuickBooks synced %2"_s.arg(localStamp(s.generatedAt, s.businessTimeZone), synced);
}

QString businessOf(const Review::ReportSource &s)
{
    return s.businessName.isEmpty() ? u"Accounts receivable"_s : s.businessName;
}

} // namespace

Status writeMonthlyPdf(const Review::MonthlyReport &monthly, const Review::AgingReport &aging, const QString &path,
                       const PdfOptions &options)
{
    const QLocale &locale = options.locale;
    const QString month = monthly.periodStart.toString(u"MMMM yyyy"_s);
    const QString header = businessOf(monthly.source) + u'\t' + u"Monthly report \u00b7 "_s + month;
    return render(path, options, u"Monthly report %1"_s.arg(monthly.monthText()), header,
                  sourceFooter(monthly.source), [&](Renderer &r) {
                      QStringList lines;
                      lines << u"Period: %1 to %2 (QuickBooks transaction dates)"_s.arg(
                          dateText(monthly.periodStart), dateText(monthly.periodEnd));
                      lines << (monthly.balancesAsOfToday
                                    ? u"Outstanding and overdue as of today, %1 (current QuickBooks balances)"_s.arg(
                                          dateText(monthly.balancesAsOf))
                                    : u"Outstanding and overdue as of the month's end, %1"_s.arg(
                                          dateText(monthly.balancesAsOf)));
                      lines << u"QuickBooks data as last synced %1"_s.arg(
                          localStamp(monthly.source.mirrorSyncedAt, monthly.source.businessTimeZone));
                      lines << u"Generated %1"_s.arg(
                          localStamp(monthly.source.generatedAt, monthly.source.businessTimeZone));
                      r.title(u"Monthly report \u2014 %1"_s.arg(month), lines);
                      if (monthly.currencies.isEmpty())
                          r.note(u"No invoices, payments or open balances for this month."_s);
                      for (const Review::MonthlyCurrency &c : monthly.currencies) {
                          r.heading(monthly.currencies.size() > 1 ? u"Totals in %1"_s.arg(c.currency)
                                                                  : u"Totals (%1)"_s.arg(c.currency));
                          Table totals;
                          totals.columns << Column{u"Figure"_s, 3.0, Qt::AlignLeft}
                                         << Column{u"Count"_s, 0.8, Qt::AlignRight}
                                         << Column{u"Amount (%1)"_s.arg(c.currency), 1.4, Qt::AlignRight};
                          const auto fmt = [&](const Money &m) { return formatAmount(m, locale); };
                          totals.rows << QStringList{u"Invoiced"_s, QString::number(c.invoiceCount), fmt(c.invoiced)}
                                      << QStringList{u"Less credit memos"_s, QString(), fmt(c.credited.negated())}
                                      << QStringList{u"Net invoiced"_s, QString(), fmt(c.netInvoiced)}
                                      << QStringList{u"Collected"_s, QString::number(c.paymentCount), fmt(c.collected)}
                                      << QStringList{u"Less refunds"_s, QString(), fmt(c.refunded.negated())}
                                      << QStringList{u"Net collected"_s, QString(), fmt(c.netCollected)}
                                      << QStringList{u"Overdue"_s, QString(), fmt(c.overdue)};
                          totals.totalRow = QStringList{u"Outstanding"_s, QString(), fmt(c.outstanding)};
                          r.table(totals, 0.62);

                          Table overdue;
                          overdue.caption = u"Overdue clients (%1)"_s.arg(c.overdueClients.size());
                          overdue.columns << Column{u"Client"_s, 3.0, Qt::AlignLeft}
                                          << Column{u"Oldest due"_s, 1.4, Qt::AlignLeft}
                                          << Column{u"Days overdue"_s, 1.45, Qt::AlignRight}
                                          << Column{u"Invoices"_s, 1.05, Qt::AlignRight}
                                          << Column{u"Past due"_s, 1.4, Qt::AlignRight}
                                          << Column{u"Balance"_s, 1.4, Qt::AlignRight};
                          for (const Review::OverdueClient &o : c.overdueClients) {
                              overdue.rows << QStringList{o.displayName, dateText(o.oldestDueDate),
                                                          QString::number(o.daysOverdue),
                                                          QString::number(o.openInvoices), fmt(o.overdue),
                                                          fmt(o.balance)};
                          }
                          overdue.emptyText = u"No client is overdue."_s;
                          if (!c.overdueClients.isEmpty())
                              overdue.totalRow = QStringList{u"Total"_s, QString(), QString(), QString(),
                                                             fmt(c.overdue), QString()};
                          r.table(overdue);

                          if (const AgingCurrency *a = aging.currency(c.currency))
                              r.table(agingTable(*a, locale,
                                                 u"Aging as of %1 (days past due)"_s.arg(dateText(aging.asOf))));
                      }
                      r.note(u"Invoiced: invoices dated in the month, voided ones left out; credit memos and "
                             "refunds dated in the month are shown separately. Amounts are QuickBooks' own, "
                             "per currency, never converted."_s);
                  });
}

Status writeAgingPdf(const Review::AgingReport &aging, const QString &path, const PdfOptions &options)
{
    const QString header = businessOf(aging.source) + u'\t' + u"Aging report \u00b7 as of "_s + dateText(aging.asOf);
    return render(path, options, u"Aging report %1"_s.arg(aging.asOf.toString(Qt::ISODate)), header,
                  sourceFooter(aging.source), [&](Renderer &r) {
                      r.title(u"Accounts receivable aging"_s,
                              {u"As of %1%2"_s.arg(dateText(aging.asOf),
                                                   aging.asOfToday ? u" (current QuickBooks balances)"_s : QString()),
                               u"QuickBooks data as last synced %1"_s.arg(
                                   localStamp(aging.source.mirrorSyncedAt, aging.source.businessTimeZone)),
                               u"Generated %1"_s.arg(
                                   localStamp(aging.source.generatedAt, aging.source.businessTimeZone))});
                      if (aging.currencies.isEmpty())
                          r.note(u"No open balances."_s);
                      for (const AgingCurrency &c : aging.currencies) {
                          r.heading(u"Open balances in %1"_s.arg(c.currency));
                          r.table(agingTable(c, options.locale, QString()));
                      }
                  });
}

} // namespace Concord::ReportPdf
