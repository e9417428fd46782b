// The monthly reconciliation (Review::reconcile) on a large SQLite store:
// 100,000 customers, 500,000 appointments spread over twelve months (so one
// month holds ~42,000 sessions), one invoice per session for 20 % of the
// customers (four in five paid), every appointment linked to a HubSpot deal.
// Measures one month's reconciliation from the store alone (HubSpot not
// read), then with every deal "read" (emulated: snapshots built in memory,
// so the figure is Concord's own work — ChangeApplier::desiredDeal per
// session — without the network), with time and peak memory.
//
//   bench_reconciliation [--customers N] [--appointments-per-customer K] [--json]
#include "benchstore.h"
#include "benchsupport.h"

#include "common/clock.h"
#include "review/reconciliation.h"
#include "store/appointmentrepository.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Concord;

namespace {

[[noreturn]] void die(const Error &e)
{
    std::fprintf(stderr, "bench_reconciliation: %s\n", qPrintable(e.toString()));
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

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"customers"_s, u"Customers to write."_s, u"n"_s, u"100000"_s});
    parser.addOption({u"appointments-per-customer"_s, u"Appointments per customer."_s, u"k"_s, u"5"_s});
    parser.addOption({u"json"_s, u"Print the figures as JSON."_s});
    parser.process(app);

    QTemporaryDir tmp;
    const QString path = tmp.path() + u"/bench.sqlite"_s;
    auto db = check(Store::Database::open(u"sqlite://"_s + path));
    check(Store::migrate(*db));

    Bench::StoreShape shape;
    shape.customers = parser.value(u"customers"_s).toInt();
    shape.appointmentsPerCustomer = parser.value(u"appointments-per-customer"_s).toInt();
    shape.invoicedCustomersPercent = 20;
    shape.firstSession = QDateTime(QDate(2026, 1, 5), QTime(21, 0), QTimeZone::utc());
    const Bench::Fail fail = [](const Error &e) { die(e); };
    QElapsedTimer timer;
    timer.start();
    Bench::GeneratedStore generated = Bench::generateStore(*db, shape, fail);

    // One priced service for everyone; sessions held; spread over twelve
    // 30-day steps by id (their invoices move with them), and linked to deals.
    Store::AppointmentRepository appointments(*db);
    Domain::Service math;
    math.name = u"Math"_s;
    math.calcomEventTypeId = u"1"_s;
    math.quickbooksItemId = u"1"_s;
    math.rateMinor = 6500;
    const qint64 service = check(appointments.upsertService(math));
    {
        Store::Transaction tx(*db);
        check(tx.started());
        check(db->exec(u"UPDATE appointments SET service_id = ?, status = 'completed', "
                       "start_at = start_at + (id % 12) * 30 * 86400000"_s,
                       {service}));
        check(db->exec(u"UPDATE invoices SET txn_date = date(txn_date, '+' || (((SELECT MIN(l.appointment_id) "
                       "FROM invoice_lines l WHERE l.invoice_id = invoices.id) % 12) * 30) || ' days')"_s));
        check(db->exec(u"INSERT INTO remote_refs (entity_type, entity_id, system, kind, remote_id, version, updated_at) "
                       "SELECT 'appointment', CAST(id AS TEXT), 'hubspot', 'deal', 'd' || id, '', 0 FROM appointments"_s));
        check(tx.commit());
    }
    const double generateSeconds = double(timer.nsecsElapsed()) / 1e9;

    ManualClock clock(QDateTime(QDate(2027, 2, 1), QTime(12, 0), QTimeZone::utc()));
    Review::ReconciliationOptions options;
    options.month = QDate(2026, 4, 1);
    options.businessTimeZone = u"America/New_York"_s;

    Bench::resetPeakRss();
    const qint64 rssBefore = Bench::peakRssKiB();
    timer.restart();
    auto storeOnly = check(Review::reconcile(*db, clock, options, std::nullopt));
    const double storeSeconds = double(timer.nsecsElapsed()) / 1e9;
    const qint64 storePeak = Bench::peakRssKiB();

    // Emulated HubSpot: every linked deal as Concord would have written it,
    // except one in a hundred with an edited amount.
    timer.restart();
    const auto links = check(Review::dealLinks(*db, options));
    QHash<qint64, Review::DealSnapshot> deals;
    deals.reserve(links.size());
    for (auto it = links.cbegin(); it != links.cend(); ++it)
        deals.insert(it.key(), Review::DealSnapshot{it.value(), true, it.key() % 100 == 0 ? u"60.00"_s : u"65.00"_s,
                                                    u"closedwon"_s});
    const double linkSeconds = double(timer.nsecsElapsed()) / 1e9;
    Bench::resetPeakRss();
    timer.restart();
    auto withDeals = check(Review::reconcile(*db, clock, options, deals));
    const double dealsSeconds = double(timer.nsecsElapsed()) / 1e9;
    const qint64 dealsPeak = Bench::peakRssKiB();

    QJsonObject out{{u"customers"_s, shape.customers},
                    {u"appointments"_s, qint64(generated.appointmentIds.size())},
                    {u"invoices"_s, generated.invoices},
                    {u"payments"_s, generated.payments},
                    {u"generate_seconds"_s, generateSeconds},
                    {u"month_sessions"_s, storeOnly.sessionCount},
                    {u"month_mismatches_store_only"_s, qint64(storeOnly.mismatches.size())},
                    {u"reconcile_store_only_seconds"_s, storeSeconds},
                    {u"reconcile_store_only_peak_rss_mib"_s, double(storePeak) / 1024.0},
                    {u"deal_links_seconds"_s, linkSeconds},
                    {u"reconcile_with_deals_seconds"_s, dealsSeconds},
                    {u"reconcile_with_deals_peak_rss_mib"_s, double(dealsPeak) / 1024.0},
                    {u"month_mismatches_with_deals"_s, qint64(withDeals.mismatches.size())},
                    {u"rss_before_mib"_s, double(rssBefore) / 1024.0}};
    QTextStream stdoutStream(stdout);
    if (parser.isSet(u"json"_s)) {
        stdoutStream << QJsonDocument(out).toJson(QJsonDocument::Indented);
    } else {
        for (auto it = out.constBegin(); it != out.constEnd(); ++it)
            stdoutStream << it.key() << ": " << it.value().toVariant().toString() << '\n';
    }
    return 0;
}
