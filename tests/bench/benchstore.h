#pragma once

// A large store for the store and GUI benchmarks (header-only: only
// bench_*.cpp files become executables): N customers, each with an email,
// K weekly appointments each, and optionally one QuickBooks invoice per held
// appointment with its payment for most of them. Written through the
// repositories' batch methods, 10,000 customers per call (as an import does).

#include "common/error.h"
#include "domain/appointment.h"
#include "domain/billing.h"
#include "domain/customer.h"
#include "store/appointmentrepository.h"
#include "store/billingrepository.h"
#include "store/customerrepository.h"
#include "store/database.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <functional>

namespace Concord::Bench {

struct GeneratedStore {
    QList<QString> customerIds;
    QList<qint64> appointmentIds;
    qint64 invoices = 0;
    qint64 payments = 0;
};

struct StoreShape {
    int customers = 100000;
    int appointmentsPerCustomer = 5;
    // One invoice per held session for this share of customers (0 = none):
    // the dashboard's balances and months read them.
    int invoicedCustomersPercent = 0;
    // Sessions are weekly from here (UTC).
    QDateTime firstSession{QDate(2026, 1, 5), QTime(21, 0), QTimeZone::utc()};
};

// Errors go to a `Fail` handler, which must not return (the benchmarks
// print and exit).
using Fail = std::function<void(const Error &)>;

namespace detail {
inline const QStringList &zones()
{
    static const QStringList z = {QStringLiteral("America/New_York"), QStringLiteral("America/Chicago"),
                                  QStringLiteral("America/Denver"), QStringLiteral("America/Los_Angeles"),
                                  QStringLiteral("Europe/London")};
    return z;
}
template<typename R>
auto check(R result, const Fail &fail)
{
    if (!result)
        fail(result.error());
    return std::move(*result);
}
constexpr int kBatch = 10000;
} // namespace detail

// Phase 1: the customers (ids into out.customerIds).
inline void generateCustomers(Store::Database &db, const StoreShape &shape, GeneratedStore &out, const Fail &fail)
{
    using namespace Domain;
    using detail::kBatch;
    const QStringList &zones = detail::zones();
    const auto check = [&fail](auto result) { return detail::check(std::move(result), fail); };
    Store::CustomerRepository customers(db);
    out.customerIds.reserve(shape.customers);
    for (int start = 0; start < shape.customers; start += kBatch) {
        QList<Customer> batch;
        for (int i = start; i < std::min(shape.customers, start + kBatch); ++i) {
            Customer c;
            c.givenName = QStringLiteral("Given%1").arg(i);
            c.familyName = QStringLiteral("Family%1").arg(i % 7919);
            c.displayName = c.givenName + QLatin1Char(' ') + c.familyName;
            c.timeZone = zones.at(i % zones.size());
            ContactPoint email;
            email.kind = ContactKind::Email;
            email.value = QStringLiteral("Parent.%1@Example.com").arg(i);
            email.normalized = email.value.toLower();
            email.isPrimary = true;
            c.contacts = {email};
            batch.append(c);
        }
        for (const Customer &c : check(customers.createMany(batch)))
            out.customerIds.append(c.id);
    }
}

// Phase 2: K weekly appointments per customer (after generateCustomers).
inline void generateAppointments(Store::Database &db, const StoreShape &shape, GeneratedStore &out, const Fail &fail)
{
    using namespace Domain;
    using detail::kBatch;
    const QStringList &zones = detail::zones();
    const auto check = [&fail](auto result) { return detail::check(std::move(result), fail); };
    Store::AppointmentRepository appointments(db);
    out.appointmentIds.reserve(qsizetype(shape.customers) * shape.appointmentsPerCustomer);
    const int perCustomer = std::max(1, shape.appointmentsPerCustomer);
    for (int start = 0; start < shape.customers; start += kBatch / perCustomer) {
        QList<Appointment> batch;
        for (int i = start; i < std::min(shape.customers, start + kBatch / perCustomer); ++i) {
            for (int k = 0; k < shape.appointmentsPerCustomer; ++k) {
                Appointment a;
                a.customerId = out.customerIds.at(i);
                a.calcomUid = QStringLiteral("bk_%1_%2").arg(i).arg(k);
                a.start = check(ZonedInstant::fromUtc(
                    shape.firstSession.addDays(7 * k).addSecs(60 * (i % 600)), zones.at(i % zones.size())));
                a.durationMinutes = 60;
                a.status = AppointmentStatus::Booked;
                a.sourceVersion = QStringLiteral("2026-01-01T00:00:00.000Z");
                batch.append(a);
            }
        }
        out.appointmentIds += check(appointments.insertMany(batch));
    }
}

// Phase 3: invoices and payments (after generateAppointments); none when
// shape.invoicedCustomersPercent is 0.
inline void generateInvoices(Store::Database &db, const StoreShape &shape, GeneratedStore &out, const Fail &fail)
{
    using namespace Domain;
    const auto check = [&fail](auto result) { return detail::check(std::move(result), fail); };
    if (shape.invoicedCustomersPercent <= 0)
        return;
    // Invoices: one per session of the chosen customers, due a week later;
    // four in five paid in full on the due date, the rest open (so some are
    // overdue in every aging bucket). One transaction per 2,000 invoices.
    Store::BillingRepository billing(db);
    const QString usd = QStringLiteral("USD");
    const qint64 price = 6500;
    qint64 n = 0;
    auto transaction = std::make_unique<Store::Transaction>(db);
    for (int i = 0; i < shape.customers; ++i) {
        if (i % 100 >= shape.invoicedCustomersPercent)
            continue;
        for (int k = 0; k < shape.appointmentsPerCustomer; ++k) {
            const qint64 appointmentId = out.appointmentIds.at(qsizetype(i) * shape.appointmentsPerCustomer + k);
            const QDate day = shape.firstSession.addDays(7 * k).date();
            Invoice inv;
            inv.customerId = out.customerIds.at(i);
            inv.quickbooksId = QString::number(100000 + n);
            inv.docNumber = QString::number(1000 + n);
            inv.txnDate = day;
            inv.dueDate = day.addDays(7);
            inv.total = check(Money::fromMinor(price, usd));
            const bool paid = (i + k) % 5 != 0;
            inv.balance = check(Money::fromMinor(paid ? 0 : price, usd));
            inv.tax = Money::zero(usd);
            inv.discount = Money::zero(usd);
            inv.deposit = Money::zero(usd);
            inv.status = paid ? MoneyStatus::Paid : MoneyStatus::Invoiced;
            inv.syncToken = QStringLiteral("0");
            InvoiceLine line;
            line.lineNumber = 1;
            line.appointmentId = appointmentId;
            line.itemId = QStringLiteral("1");
            line.description = QStringLiteral("Tutoring session");
            line.rate = inv.total;
            line.amount = inv.total;
            line.serviceDate = day;
            line.taxCode = QStringLiteral("NON");
            inv.lines = {line};
            const qint64 invoiceId = check(billing.saveInvoice(inv));
            ++out.invoices;
            if (paid) {
                Payment p;
                p.customerId = inv.customerId;
                p.quickbooksId = QStringLiteral("p%1").arg(n);
                p.txnDate = inv.dueDate;
                p.amount = inv.total;
                p.unapplied = Money::zero(usd);
                p.syncToken = QStringLiteral("0");
                p.applications = {PaymentApplication{invoiceId, inv.total}};
                (void)check(billing.savePayment(p));
                ++out.payments;
            }
            if (++n % 2000 == 0) {
                if (Status committed = transaction->commit(); !committed)
                    fail(committed.error());
                transaction = std::make_unique<Store::Transaction>(db);
            }
        }
    }
    if (Status committed = transaction->commit(); !committed)
        fail(committed.error());
}

// All three phases.
inline GeneratedStore generateStore(Store::Database &db, const StoreShape &shape, const Fail &fail)
{
    GeneratedStore out;
    generateCustomers(db, shape, out, fail);
    generateAppointments(db, shape, out, fail);
    generateInvoices(db, shape, out, fail);
    return out;
}

} // namespace Concord::Bench
