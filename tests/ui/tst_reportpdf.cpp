// The report PDFs (ReportPdf::writeMonthlyPdf / writeAgingPdf): the file is
// a real PDF (pdfinfo), the pages follow the overdue table across page
// breaks, the text holds the totals to the cent and the page numbers
// (pdftotext), and every page renders with ink on it (pdftoppm). Paper
// follows the locale (A4 / Letter). Unwritable paths are errors, not crashes.
// Set CONCORD_KEEP_REPORT_PDF=<dir> to keep the files for a look.
#include "reportpdf.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using Domain::Money;

namespace {

Money usd(qint64 minor)
{
    return Money::fromMinor(minor, u"USD"_s).value();
}

// A March report with `overdueClients` overdue clients (enough to span pages).
std::pair<Review::MonthlyReport, Review::AgingReport> sample(int overdueClients)
{
    Review::ReportSource source;
    source.businessName = u"Bright Path Tutoring"_s;
    source.businessTimeZone = u"America/New_York"_s;
    source.generatedAt = QDateTime(QDate(2026, 4, 2), QTime(14, 5), Qt::UTC);
    source.mirrorSyncedAt = QDateTime(QDate(2026, 4, 2), QTime(13, 58), Qt::UTC);

    Review::AgingReport aging;
    aging.asOf = QDate(2026, 3, 31);
    aging.source = source;
    Review::AgingCurrency a;
    a.currency = u"USD"_s;
    Review::MonthlyCurrency m;
    m.currency = u"USD"_s;
    qint64 total = 0;
    std::array<qint64, Services::kAgingBucketCount> buckets{};
    for (int i = 0; i < overdueClients; ++i) {
        Review::AgingClient c;
        c.customerId = u"c-%1"_s.arg(i);
        c.displayName = u"Client %1 Family-Hernández"_s.arg(i, 3, 10, QChar(u'0'));
        const qint64 amount = 100'001 + i * 1'337;
        const int bucket = 1 + i % 4;
        for (int b = 0; b < Services::kAgingBucketCount; ++b)
            c.buckets[b] = usd(b == bucket ? amount : 0);
        buckets[bucket] += amount;
        c.balance = usd(amount);
        c.overdue = usd(amount);
        c.openInvoices = 1 + i % 3;
        c.oldestOverdueDueDate = aging.asOf.addDays(-(bucket * 30 - 5));
        c.daysOverdue = int(c.oldestOverdueDueDate.daysTo(aging.asOf));
        total += amount;
        m.overdueClients.append(Review::OverdueClient{c.customerId, c.displayName, c.oldestOverdueDueDate,
                                                      c.daysOverdue, c.overdue, c.balance, c.openInvoices});
        a.clients.append(c);
    }
    for (int b = 0; b < Services::kAgingBucketCount; ++b)
        a.totals[b] = usd(buckets.at(b));
    a.balance = usd(total);
    a.overdue = usd(total);
    aging.currencies.append(a);

    Review::MonthlyReport r;
    r.periodStart = QDate(2026, 3, 1);
    r.periodEnd = QDate(2026, 3, 31);
    r.balancesAsOf = QDate(2026, 3, 31);
    r.source = source;
    m.invoiced = usd(1'234'567);
    m.invoiceCount = 212;
    m.credited = usd(4'501);
    m.netInvoiced = usd(1'230'066);
    m.collected = usd(987'654);
    m.paymentCount = 180;
    m.refunded = usd(1'999);
    m.netCollected = usd(985'655);
    m.outstanding = usd(total);
    m.overdue = usd(total);
    r.currencies.append(m);
    return {r, aging};
}

QString tool(const QString &name)
{
    return QStandardPaths::findExecutable(name);
}

QString run(const QStringList &command)
{
    QProcess p;
    p.start(command.first(), command.mid(1));
    if (!p.waitForFinished(60'000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

int pageCount(const QString &pdf)
{
    const QString info = run({tool(u"pdfinfo"_s), pdf});
    for (const QString &line : info.split(u'\n')) {
        if (line.startsWith(u"Pages:"_s))
            return line.mid(6).trimmed().toInt();
    }
    return -1;
}

QString pageSize(const QString &pdf)
{
    const QString info = run({tool(u"pdfinfo"_s), pdf});
    for (const QString &line : info.split(u'\n')) {
        if (line.startsWith(u"Page size:"_s))
            return line.mid(10).trimmed();
    }
    return {};
}

} // namespace

class TestReportPdf : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const
    {
        const QString keep = qEnvironmentVariable("CONCORD_KEEP_REPORT_PDF");
        return keep.isEmpty() ? m_dir.filePath(name) : QDir(keep).filePath(name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const QString &t : {u"pdfinfo"_s, u"pdftotext"_s, u"pdftoppm"_s})
            QVERIFY2(!tool(t).isEmpty(), qPrintable(t + u" (poppler-utils) is needed"_s));
    }

    void amountFormat_data()
    {
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("text");
        QTest::newRow("small") << qint64(5) << u"en_US"_s << u"0.05"_s;
        QTest::newRow("grouped") << qint64(123456789) << u"en_US"_s << u"1,234,567.89"_s;
        QTest::newRow("negative") << qint64(-100000) << u"en_US"_s << u"-1,000.00"_s;
        QTest::newRow("german") << qint64(123456789) << u"de_DE"_s << u"1.234.567,89"_s;
    }

    void amountFormat()
    {
        QFETCH(qint64, minor);
        QFETCH(QString, locale);
        QFETCH(QString, text);
        QCOMPARE(ReportPdf::formatAmount(usd(minor), QLocale(locale)), text);
    }

    void monthlyPdf_data()
    {
        QTest::addColumn<int>("clients");
        QTest::addColumn<QString>("locale");
        QTest::addColumn<int>("minPages");
        QTest::addColumn<QString>("paper");
        QTest::newRow("short, Letter") << 3 << u"en_US"_s << 1 << u"(letter)"_s;
        QTest::newRow("long, A4") << 120 << u"en_GB"_s << 4 << u"(A4)"_s;
    }

    void monthlyPdf()
    {
        QFETCH(int, clients);
        QFETCH(QString, locale);
        QFETCH(int, minPages);
        QFETCH(QString, paper);
        const auto [monthly, aging] = sample(clients);
        const QString file = path(u"monthly-%1.pdf"_s.arg(clients));
        ReportPdf::PdfOptions options;
        options.locale = QLocale(locale);
        auto ok = ReportPdf::writeMonthlyPdf(monthly, aging, file, options);
        QVERIFY2(ok, ok ? "" : qPrintable(ok.error().message));

        const int pages = pageCount(file);
        QVERIFY2(pages >= minPages, qPrintable(u"%1 pages"_s.arg(pages)));
        QVERIFY2(pageSize(file).endsWith(paper), qPrintable(pageSize(file)));

        const QString text = run({tool(u"pdftotext"_s), u"-layout"_s, file, u"-"_s});
        QVERIFY(text.contains(u"Bright Path Tutoring"_s));
        QVERIFY(text.contains(u"Monthly report \u2014 March 2026"_s));
        QVERIFY(text.contains(u"12,345.67"_s));    // invoiced
        QVERIFY(text.contains(u"9,876.54"_s));     // collected
        // The outstanding total is printed whole (never elided): Overdue and
        // Outstanding in the totals (every balance is past due here), the
        // overdue table's total and the aging total.
        QCOMPARE(text.count(ReportPdf::formatAmount(monthly.currencies.at(0).outstanding, options.locale)), 4);
        for (int b = 1; b < Services::kAgingBucketCount; ++b)
            QVERIFY(text.contains(ReportPdf::formatAmount(aging.currencies.at(0).totals.at(b), options.locale)));
        QVERIFY(text.contains(u"Page %1 of %1"_s.arg(pages)));
        QVERIFY(text.contains(u"2026-04-02 10:05 America/New_York"_s)); // generated, in the business zone
        QCOMPARE(text.count(u"Client 000 Family"_s), 2); // overdue table and aging table
        if (pages > 1)
            QVERIFY(text.contains(u"(continued)"_s)); // header repeated after a break

        // Every page renders with ink on it.
        const QString prefix = m_dir.filePath(u"page-%1"_s.arg(clients));
        run({tool(u"pdftoppm"_s), u"-png"_s, u"-r"_s, u"40"_s, file, prefix}); // no output; the PNGs tell
        const QStringList pngs = QDir(m_dir.path()).entryList({u"page-%1*.png"_s.arg(clients)}, QDir::Files);
        QCOMPARE(pngs.size(), pages);
        for (const QString &png : pngs) {
            QImage img(m_dir.filePath(png));
            QVERIFY(!img.isNull());
            int dark = 0;
            for (int y = 0; y < img.height(); y += 2)
                for (int x = 0; x < img.width(); x += 2)
                    dark += qGray(img.pixel(x, y)) < 128 ? 1 : 0;
            QVERIFY2(dark > 100, qPrintable(png));
        }
    }

    void agingPdf()
    {
        const auto [monthly, aging] = sample(40);
        const QString file = path(u"aging.pdf"_s);
        auto ok = ReportPdf::writeAgingPdf(aging, file, {QLocale(u"en_US"_s), ReportPdf::Paper::A4});
        QVERIFY2(ok, ok ? "" : qPrintable(ok.error().message));
        QVERIFY2(pageSize(file).endsWith(u"(A4)"_s), qPrintable(pageSize(file)));
        const QString text = run({tool(u"pdftotext"_s), u"-layout"_s, file, u"-"_s});
        QVERIFY(text.contains(u"Accounts receivable aging"_s));
        QVERIFY(text.contains(ReportPdf::formatAmount(aging.currencies.at(0).balance, QLocale(u"en_US"_s))));
        QVERIFY(text.contains(u"Total (40 clients)"_s));
    }

    void emptyReport()
    {
        const auto [monthly, aging] = sample(0);
        Review::MonthlyReport empty = monthly;
        empty.currencies.clear();
        const QString file = path(u"empty.pdf"_s);
        auto ok = ReportPdf::writeMonthlyPdf(empty, {}, file);
        QVERIFY2(ok, ok ? "" : qPrintable(ok.error().message));
        QCOMPARE(pageCount(file), 1);
        QVERIFY(run({tool(u"pdftotext"_s), file, u"-"_s}).contains(u"No invoices, payments or open balances"_s));
    }

    void unwritablePath()
    {
        const auto [monthly, aging] = sample(1);
        auto ok = ReportPdf::writeMonthlyPdf(monthly, aging, m_dir.filePath(u"no/such/dir/r.pdf"_s));
        QVERIFY(!ok);
        QVERIFY2(ok.error().message.contains(u"cannot write"_s), qPrintable(ok.error().message));
    }
};

QTEST_MAIN(TestReportPdf)
#include "tst_reportpdf.moc"
