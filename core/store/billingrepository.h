#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/billing.h"

#include <QDate>
#include <QList>
#include <QString>

namespace Concord::Store {

class Database;

// Outstanding balance of one customer, from QuickBooks' numbers.
struct CustomerBalance {
    QString customerId;
    Domain::Money outstanding;  // sum of open balances
    Domain::Money overdue;      // part of it past the due date
    int openInvoices = 0;
};

// Invoices (with lines), payments (with the invoices they pay) and credits,
// mirrored from QuickBooks. Amounts are exactly what QuickBooks reported.
// Thread affinity: the thread that owns `db`.
class BillingRepository
{
public:
    explicit BillingRepository(Database &db, const Clock &clock = Clock::system());

    // Inserts or replaces (by quickbooksId when set, else by id) an invoice
    // and all its lines, atomically. Returns the invoice row id.
    // All amounts must share the invoice's currency.
    [[nodiscard]] Result<qint64> saveInvoice(Domain::Invoice invoice);
    [[nodiscard]] Result<Domain::Invoice> invoice(qint64 id) const;
    [[nodiscard]] Result<Domain::Invoice> invoiceByQuickBooksId(const QString &quickbooksId) const;
    [[nodiscard]] Result<QList<Domain::Invoice>> invoicesForCustomer(const QString &customerId) const;
    // The invoice whose line carries this appointment (NotFound when none).
    [[nodiscard]] Result<Domain::Invoice> invoiceForAppointment(qint64 appointmentId) const;
    [[nodiscard]] Result<qint64> invoiceCount() const;

    // Inserts or replaces (by quickbooksId) a payment with its applications.
    [[nodiscard]] Result<qint64> savePayment(Domain::Payment payment);
    [[nodiscard]] Result<Domain::Payment> paymentByQuickBooksId(const QString &quickbooksId) const;
    [[nodiscard]] Result<QList<Domain::Payment>> paymentsForInvoice(qint64 invoiceId) const;

    [[nodiscard]] Result<qint64> saveCredit(const Domain::Credit &credit);
    [[nodiscard]] Result<QList<Domain::Credit>> creditsForInvoice(qint64 invoiceId) const;

    // Open balances per customer as of `today` (overdue = due date before today),
    // largest first, for one currency.
    [[nodiscard]] Result<QList<CustomerBalance>> balances(const QDate &today, const QString &currency) const;

    // Moves a merged customer's billing records to the survivor.
    [[nodiscard]] Status reassignCustomer(const QString &fromCustomer, const QString &toCustomer);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace Concord::Store
