#pragma once

#include "connectors/quickbooks/basetypes.h"
#include "domain/decimal.h"
#include "domain/money.h"

#include <QDate>
#include <QJsonObject>

#include <optional>

namespace Concord::QuickBooks {

// What kind of line a sales-form Line is (its DetailType).
enum class LineDetailType {
    SalesItem,       // SalesItemLineDetail: item × qty × unit price
    Discount,        // DiscountLineDetail: percent or amount off
    SubTotal,        // SubTotalLineDetail: the server adds one in responses
    DescriptionOnly, // DescriptionOnly: text, no amount
    Group,           // GroupLineDetail: a bundle (kept raw)
    Other,           // anything newer: kept raw so nothing is lost on re-serialization
};

struct SalesItemLineDetail {
    Reference itemRef;
    std::optional<Domain::Decimal> qty;       // may have more decimals than money
    std::optional<Domain::Decimal> unitPrice; // idem
    QDate serviceDate;
    Reference taxCodeRef; // "TAX" / "NON" in US companies, a TaxCode id elsewhere
    Reference classRef;

    friend bool operator==(const SalesItemLineDetail &, const SalesItemLineDetail &) = default;
};

struct DiscountLineDetail {
    std::optional<bool> percentBased;
    std::optional<Domain::Decimal> discountPercent; // 10 = 10 %
    Reference discountAccountRef;

    friend bool operator==(const DiscountLineDetail &, const DiscountLineDetail &) = default;
};

// One Line of an Invoice, CreditMemo, RefundReceipt or SalesReceipt. Only the
// member that matches detailType is meaningful.
struct SalesLine {
    QString id;
    std::optional<int> lineNum;
    QString description;
    std::optional<Domain::Money> amount;
    LineDetailType detailType = LineDetailType::SalesItem;
    // DetailType as sent; some responses spell it SALES_ITEM_LINE_DETAIL. May
    // stay empty when building a line: detailType decides what is written.
    QString detailTypeName;
    SalesItemLineDetail salesItem;
    DiscountLineDetail discount;
    QJsonObject rawDetail; // the detail object of Group/Other lines, verbatim
    QList<LinkedTxn> linkedTxn;

    friend bool operator==(const SalesLine &, const SalesLine &) = default;
};

// TaxLine inside TxnTaxDetail (computed by QuickBooks, read-only for us).
struct TaxLine {
    std::optional<Domain::Money> amount;
    Reference taxRateRef;
    std::optional<bool> percentBased;
    std::optional<Domain::Decimal> taxPercent;
    std::optional<Domain::Money> netAmountTaxable;

    friend bool operator==(const TaxLine &, const TaxLine &) = default;
};

struct TxnTaxDetail {
    Reference txnTaxCodeRef;
    std::optional<Domain::Money> totalTax;
    QList<TaxLine> taxLines;

    [[nodiscard]] bool isEmpty() const { return *this == TxnTaxDetail{}; }
    friend bool operator==(const TxnTaxDetail &, const TxnTaxDetail &) = default;
};

} // namespace Concord::QuickBooks
