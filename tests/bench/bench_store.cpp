// Store benchmark (issue 2): write 100,000 customers (each with an email) and
// 500,000 appointments through the repositories' batch methods, then read
// every customer back by id and by email, and every appointment by id, in
// batches of 10,000 keys. Prints seconds per phase, the process's peak
// resident memory (VmHWM), and the latency of single-record lookups.
//
//   bench_store [--customers N] [--appointments-per-customer K] [--json] [--keep DIR]
//
// Targets: all phases under 10 s in total, peak memory under 300 MB.
#include "benchstore.h"

#include "domain/customer.h"
#include "store/appointmentrepository.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimeZone>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;

namespace {

qint64 peakRssKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

[[noreturn]] void die(const Error &e)
{
    std::fprintf(stderr, "bench_store: %s\n", qPrintable(e.toString()));
    std::exit(1);
}

template<typename T>
T check(Result<T> r)
{
    if (!r)
        die(r.error());
    return std::move(*r);
}

void check(const Status &s)
{
    if (!s)
        die(s.error());
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
    parser.addOption({u"keep"_s, u"Write the store into DIR and keep it."_s, u"dir"_s});
    parser.process(app);
    const int customers = parser.value(u"customers"_s).toInt();
    const int perCustomer = parser.value(u"appointments-per-customer"_s).toInt();

    QTemporaryDir tmp;
    const QString dir = parser.isSet(u"keep"_s) ? parser.value(u"keep"_s) : tmp.path();
    const QString path = dir + u"/bench.sqlite"_s;
    QFile::remove(path);
    auto db = check(Store::Database::open(u"sqlite://"_s + path));
    check(Store::migrate(*db));
    Store::CustomerRepository customerRepo(*db);
    Store::AppointmentRepository appointmentRepo(*db);

    QElapsedTimer timer;
    QJsonObject seconds;
    auto phase = [&](const QString &name) {
        seconds.insert(name, double(timer.nsecsElapsed()) / 1e9);
        timer.restart();
    };

    // Writes through the batch repository methods, 10,000 customers per call
    // (as an import does); each call is one transaction.
    Bench::StoreShape shape;
    shape.customers = customers;
    shape.appointmentsPerCustomer = perCustomer;
    Bench::GeneratedStore generated;
    const Bench::Fail fail = [](const Error &e) { die(e); };
    timer.start();
    Bench::generateCustomers(*db, shape, generated, fail);
    phase(u"write_customers"_s);
    Bench::generateAppointments(*db, shape, generated, fail);
    phase(u"write_appointments"_s);
    const QList<QString> &ids = generated.customerIds;
    const QList<qint64> &appointmentIds = generated.appointmentIds;
    constexpr int kBatch = 10000;

    // Reads: every customer by id and by email, every appointment by id, in
    // batches of 10,000 keys; each record is checked against what was written.
    qint64 found = 0;
    for (int start = 0; start < customers; start += kBatch) {
        const QList<Customer> got = check(customerRepo.getMany(ids.mid(start, kBatch)));
        for (const Customer &c : got)
            found += c.contacts.size() == 1 && c.contacts.first().normalized.startsWith(u"parent."_s) ? 1 : 0;
    }
    phase(u"read_customers_by_id"_s);
    for (int start = 0; start < customers; start += kBatch) {
        QStringList emails;
        for (int i = start; i < std::min(customers, start + kBatch); ++i)
            emails.append(u"parent.%1@example.com"_s.arg(i));
        const QList<Customer> got = check(customerRepo.findManyByContact(ContactKind::Email, emails));
        for (const Customer &c : got)
            found += c.displayName.startsWith(u"Given"_s) ? 1 : 0;
    }
    phase(u"read_customers_by_email"_s);
    for (qsizetype start = 0; start < appointmentIds.size(); start += kBatch) {
        for (const Appointment &a : check(appointmentRepo.getMany(appointmentIds.mid(start, kBatch))))
            found += (a.durationMinutes == 60 && a.start.isValid()) ? 1 : 0;
    }
    phase(u"read_appointments_by_id"_s);

    // Single-record lookups, as incremental matching does them: a sample of
    // 10,000 of each, reported per lookup (not part of the batch total).
    QJsonObject pointMicros;
    const int sample = std::min(customers, 10000);
    QElapsedTimer point;
    point.start();
    for (int i = 0; i < sample; ++i)
        check(customerRepo.get(ids.at((i * 7919) % customers)));
    pointMicros.insert(u"customer_by_id"_s, double(point.nsecsElapsed()) / 1e3 / sample);
    point.restart();
    for (int i = 0; i < sample; ++i)
        check(customerRepo.findByContact(ContactKind::Email, u"parent.%1@example.com"_s.arg((i * 7919) % customers)));
    pointMicros.insert(u"customer_by_email"_s, double(point.nsecsElapsed()) / 1e3 / sample);
    point.restart();
    for (int i = 0; i < sample; ++i)
        check(appointmentRepo.get(appointmentIds.at((qsizetype(i) * 104729) % appointmentIds.size())));
    pointMicros.insert(u"appointment_by_id"_s, double(point.nsecsElapsed()) / 1e3 / sample);

    const qint64 expected = 2LL * customers + appointmentIds.size();
    if (found != expected) {
        std::fprintf(stderr, "bench_store: read back %lld records, expected %lld\n", found, expected);
        return 1;
    }
    double total = 0;
    for (const QJsonValue &v : std::as_const(seconds))
        total += v.toDouble();
    const qint64 rssKiB = peakRssKiB();
    const qint64 fileBytes = QFileInfo(path).size();

    if (parser.isSet(u"json"_s)) {
        QJsonObject out{{u"customers"_s, customers},
                        {u"appointments"_s, appointmentIds.size()},
                        {u"seconds"_s, seconds},
                        {u"total_seconds"_s, total},
                        {u"single_lookup_microseconds"_s, pointMicros},
                        {u"peak_rss_mib"_s, double(rssKiB) / 1024.0},
                        {u"store_bytes"_s, fileBytes}};
        std::fputs(QJsonDocument(out).toJson().constData(), stdout);
    } else {
        std::printf("store benchmark: %d customers, %lld appointments (SQLite, WAL)\n", customers,
                    qlonglong(appointmentIds.size()));
        for (auto it = seconds.constBegin(); it != seconds.constEnd(); ++it)
            std::printf("  %-26s %7.2f s\n", qPrintable(it.key()), it.value().toDouble());
        std::printf("  %-26s %7.2f s   (target < 10 s)\n", "total", total);
        std::printf("  %-26s %7.1f MiB (target < 300 MB)\n", "peak memory (VmHWM)", double(rssKiB) / 1024.0);
        std::printf("  %-26s %7.1f MiB\n", "store file", double(fileBytes) / 1048576.0);
        std::printf("single-record lookups (sample of %d each):\n", sample);
        for (auto it = pointMicros.constBegin(); it != pointMicros.constEnd(); ++it)
            std::printf("  %-26s %7.1f µs\n", qPrintable(it.key()), it.value().toDouble());
    }
    return (total < 10.0 && rssKiB < 300 * 1000) ? 0 : 1;
}
