#pragma once

#include "domain/money.h"
#include "domain/status.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Concord::Domain {

// One invoice line as QuickBooks holds it. Quantity is exact: thousandths of a
// unit (1.5 hours = 1500), because QuickBooks quantities are decimals.
struct InvoiceLine {
    qint64 id = 0;
    qint64 invoiceId = 0;
    int lineNumber = 0;
    qint64 appointmentId = 0;       // 0 = not tied to an appointment (discount, fee)
    QString itemId;                 // QuickBooks ItemRef
    QString description;
    qint64 quantityMilli = 1000;
    Money rate;                     // per unit
    Money amount;                   // as QuickBooks computed it
    QDate serviceDate;
    QString taxCode;                // QuickBooks TaxCodeRef
};

// A QuickBooks invoice mirrored in Concord. Totals come from QuickBooks; Concord
// never computes tax.
struct Invoice {
    qint64 id = 0;
    QString customerId;
    QString quickbooksId;           // Invoice.Id (empty until created remotely)
    QString docNumber;              // invoice number
    QDate txnDate;
    QDate dueDate;
    Money total;
    Money balance;
    Money tax;
    Money discount;
    Money deposit;
    MoneyStatus status = MoneyStatus::Invoiced;
    QString syncToken;              // QuickBooks optimistic-concurrency token
    QString invoiceLink;            // customer-facing link (include=invoiceLink)
    QDateTime remoteUpdatedAt;      // MetaData.LastUpdatedTime, UTC
    QDateTime createdAt;
    QDateTime updatedAt;
    QList<InvoiceLine> lines;
};

struct PaymentApplication {
    qint64 invoiceId = 0;           // Concord invoice row
    Money amount;
};

// A QuickBooks payment and the invoices it pays (LinkedTxn).
struct Payment {
    qint64 id = 0;
    QString customerId;
    QString quickbooksId;
    QDate txnDate;
    Money amount;
    Money unapplied;
    QString syncToken;
    QDateTime remoteUpdatedAt;
    QList<PaymentApplication> applications;
};

// A credit memo or refund receipt (how QuickBooks records a refund).
enum class CreditKind { CreditMemo, RefundReceipt };
[[nodiscard]] QString toString(CreditKind kind);
[[nodiscard]] Result<CreditKind> parseCreditKind(const QString &text);

struct Credit {
    qint64 id = 0;
    CreditKind kind = CreditKind::CreditMemo;
    QString customerId;
    QString quickbooksId;
    qint64 invoiceId = 0;           // the invoice it refunds/credits; 0 = unknown
    QDate txnDate;
    Money amount;
    QDateTime remoteUpdatedAt;
};

} // namespace Concord::Domain
