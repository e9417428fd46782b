// The monthly and aging reports (core/review) on a large SQLite store:
// 100,000 customers with 5 weekly sessions each, one QuickBooks invoice per
// session for every customer (500,000 invoices, four in five paid:
// 400,000 payments), invoice dates spread over twelve months. Measures one
// month's report for a past month (balances rebuilt as of its end) and for
// the current month (live balances), the JSON and CSV serializers, and the
// PDF of the month with its whole overdue table, with peak memory.
//
//   bench_reports [--customers N] [--appointments-per-customer K] [--json]
#include "benchstore.h"
#include "benchsupport.h"

#include "common/clock.h"
#include "reportpdf.h"
#include "review/agingreport.h"
#include "review/monthlyreport.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Concord;

namespace {

[[noreturn]] void die(const Error &e)
{
    std::fprintf(stderr, "bench_reports: %s\n", qPrintable(e.toString()));
    std::exit(1);
}

template<typename R>
auto check(R result)
{
    if (!result)
        die(result.error());
    if constexpr (!std::is_void_v<typename R::value_type>)
        return std::move(*result);
}

double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // the PDF needs fonts
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"customers"_s, u"Customers to write."_s, u"n"_s, u"100000"_s});
    parser.addOption({u"appointments-per-customer"_s, u"Sessions (and invoices) per customer."_s, u"k"_s, u"5"_s});
    parser.addOption({u"json"_s, u"Print the figures as JSON."_s});
    parser.process(app);

    QTemporaryDir tmp;
    auto db = check(Store::Database::open(u"sqlite://"_s + tmp.filePath(u"bench.sqlite"_s)));
    check(Store::migrate(*db));
    Bench::StoreShape shape;
    shape.customers = parser.value(u"customers"_s).toInt();
    shape.appointmentsPerCustomer = parser.value(u"appointments-per-customer"_s).toInt();
    shape.invoicedCustomersPercent = 100;
    QElapsedTimer timer;
    timer.start();
    const Bench::GeneratedStore generated = Bench::generateStore(*db, shape, [](const Error &e) { die(e); });
    // Twelve months of invoicing: each invoice (and its payment) moved by
    // (id % 12) × 30 days.
    {
        Store::Transaction tx(*db);
        check(tx.started());
        check(db->exec(u"UPDATE invoices SET txn_date = date(txn_date, '+' || ((id % 12) * 30) || ' days'), "
                       "due_date = date(due_date, '+' || ((id % 12) * 30) || ' days')"_s));
        check(db->exec(u"UPDATE payments SET txn_date = (SELECT i.due_date FROM payment_applications pa "
                       "JOIN invoices i ON i.id = pa.invoice_id WHERE pa.payment_id = payments.id)"_s));
        check(tx.commit());
    }
    check(db->execDirect(u"ANALYZE"_s));
    const double generateSeconds = seconds(timer);

    const QString zone = u"America/New_York"_s;
    ManualClock clock(QDateTime(QDate(2026, 12, 20), QTime(15, 0), QTimeZone::utc()));
    Bench::resetPeakRss();
    timer.restart();
    auto past = check(Review::collectMonthlyAndAging(*db, clock, zone, QDate(2026, 6, 1)));
    const double pastSeconds = seconds(timer);
    timer.restart();
    auto current = check(Review::collectMonthlyAndAging(*db, clock, zone, QDate(2026, 12, 1)));
    const double currentSeconds = seconds(timer);
    const qint64 collectPeak = Bench::peakRssKiB();

    timer.restart();
    const QByteArray json = Review::monthlyReportToJson(past.first);
    const double jsonSeconds = seconds(timer);
    timer.restart();
    const QByteArray csv = Review::monthlyReportToCsv(past.first);
    const double csvSeconds = seconds(timer);
    timer.restart();
    const QByteArray agingCsv = Review::agingReportToCsv(past.second);
    const double agingCsvSeconds = seconds(timer);

    const QString pdfPath = tmp.filePath(u"monthly.pdf"_s);
    Bench::resetPeakRss();
    timer.restart();
    check(ReportPdf::writeMonthlyPdf(past.first, past.second, pdfPath, {QLocale(u"en_US"_s)}));
    const double pdfSeconds = seconds(timer);
    const qint64 pdfPeak = Bench::peakRssKiB();

    const Review::MonthlyCurrency &usd = past.first.currencies.first();
    const QJsonObject out{{u"customers"_s, shape.customers},
                          {u"invoices"_s, generated.invoices},
                          {u"payments"_s, generated.payments},
                          {u"generate_seconds"_s, generateSeconds},
                          {u"past_month_invoices"_s, usd.invoiceCount},
                          {u"past_month_overdue_clients"_s, qint64(usd.overdueClients.size())},
                          {u"past_month_aging_clients"_s, qint64(past.second.currencies.first().clients.size())},
                          {u"collect_past_month_seconds"_s, pastSeconds},
                          {u"collect_current_month_seconds"_s, currentSeconds},
                          {u"current_month_overdue_clients"_s,
                           qint64(current.first.currencies.first().overdueClients.size())},
                          {u"collect_peak_rss_mib"_s, double(collectPeak) / 1024},
                          {u"json_seconds"_s, jsonSeconds},
                          {u"json_bytes"_s, qint64(json.size())},
                          {u"csv_seconds"_s, csvSeconds},
                          {u"csv_bytes"_s, qint64(csv.size())},
                          {u"aging_csv_seconds"_s, agingCsvSeconds},
                          {u"pdf_seconds"_s, pdfSeconds},
                          {u"pdf_bytes"_s, QFileInfo(pdfPath).size()},
                          {u"pdf_peak_rss_mib"_s, double(pdfPeak) / 1024}};
    if (parser.isSet(u"json"_s)) {
        std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    } else {
        for (auto it = out.constBegin(); it != out.constEnd(); ++it)
            std::printf("%-34s %s\n", qPrintable(it.key()), qPrintable(it.value().toVariant().toString()));
    }
    return 0;
}
