#pragma once

#include "common/error.h"
#include "connectors/quickbooks/basetypes.h"
#include "domain/money.h"

#include <QDate>
#include <QJsonObject>

#include <optional>

namespace Concord::QuickBooks {

// One application of a payment: `amount` applied to the transactions in
// linkedTxn (TxnType "Invoice" or "CreditMemo"). The response's LineEx block
// (open balance, reference number as name/value pairs) is ignored.
struct PaymentLine {
    std::optional<Domain::Money> amount;
    QList<LinkedTxn> linkedTxn;

    friend bool operator==(const PaymentLine &, const PaymentLine &) = default;
};

// A customer payment. totalAmt = Σ line amounts + unappliedAmt.
struct Payment {
    static constexpr QStringView kEntityName = u"Payment";

    QString id;
    QString syncToken;
    QDate txnDate;
    Reference customerRef;
    std::optional<Domain::Money> totalAmt;     // required on create
    std::optional<Domain::Money> unappliedAmt; // read-only
    QList<PaymentLine> lines;
    Reference depositToAccountRef;
    Reference paymentMethodRef;
    QString paymentRefNum;
    QString privateNote;
    std::optional<bool> processPayment;
    Reference currencyRef; // as sent
    QString currency;      // resolved
    MetaData metaData;

    [[nodiscard]] static Result<Payment> fromJson(const QJsonObject &object,
                                                  const QString &homeCurrency = defaultHomeCurrency());
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const Payment &, const Payment &) = default;
};

} // namespace Concord::QuickBooks
