#pragma once

#include "connectors/quickbooks/basetypes.h"
#include "connectors/quickbooks/salesline.h"

#include <QDate>
#include <QList>

#include <optional>

namespace Concord::QuickBooks {

// The fields QuickBooks' sales forms share (Invoice, CreditMemo,
// RefundReceipt, SalesReceipt). A plain base aggregate; the entity structs add
// their own fields and their fromJson()/toJson().
//
// Amounts are Money in `currency` (CurrencyRef.value, else the caller's home
// currency). TotalAmt, Balance, TxnTaxDetail and MetaData are computed by
// QuickBooks: read them, never compute them (Concord never computes tax).
struct SalesForm {
    QString id;
    QString syncToken;
    QString docNumber;
    QDate txnDate;
    Reference customerRef;
    QList<SalesLine> lines;
    TxnTaxDetail txnTaxDetail;
    std::optional<Domain::Money> totalAmt; // read-only
    std::optional<Domain::Money> balance;  // read-only
    QString billEmail;     // BillEmail.Address
    QString emailStatus;   // NotSet | NeedToSend | EmailSent
    QString printStatus;   // NotSet | NeedToPrint | PrintComplete
    QString privateNote;
    QString customerMemo;  // CustomerMemo.value
    PhysicalAddress billAddr;
    PhysicalAddress shipAddr;
    Reference depositToAccountRef;
    std::optional<bool> applyTaxAfterDiscount;
    QList<LinkedTxn> linkedTxn;
    QList<CustomField> customFields;
    Reference currencyRef; // as sent
    QString currency;      // resolved
    MetaData metaData;

    friend bool operator==(const SalesForm &, const SalesForm &) = default;
};

} // namespace Concord::QuickBooks
