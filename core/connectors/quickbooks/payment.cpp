#include "connectors/quickbooks/payment.h"

#include "connectors/quickbooks/salesform_p.h"

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

Result<Payment> Payment::fromJson(const QJsonObject &object, const QString &homeCurrency)
{
    Internal::JsonReader r(object, u"Payment"_s, homeCurrency);
    Payment v;
    v.currencyRef = r.reference(u"CurrencyRef");
    v.currency = v.currencyRef.isSet() ? v.currencyRef.value : homeCurrency;
    r.setCurrency(v.currency);
    v.id = r.string(u"Id");
    v.syncToken = r.string(u"SyncToken");
    v.txnDate = r.date(u"TxnDate");
    v.customerRef = r.reference(u"CustomerRef");
    v.totalAmt = r.money(u"TotalAmt");
    v.unappliedAmt = r.money(u"UnappliedAmt");
    for (const Internal::JsonReader &line : r.array(u"Line"))
        v.lines.append(PaymentLine{ line.money(u"Amount"), line.linkedTxns() });
    v.depositToAccountRef = r.reference(u"DepositToAccountRef");
    v.paymentMethodRef = r.reference(u"PaymentMethodRef");
    v.paymentRefNum = r.string(u"PaymentRefNum");
    v.privateNote = r.string(u"PrivateNote");
    v.processPayment = r.boolean(u"ProcessPayment");
    v.metaData = r.metaData();
    return Internal::finish(r, std::move(v));
}

QJsonObject Payment::toJson() const
{
    Internal::JsonWriter w;
    w.string(u"Id", id);
    w.string(u"SyncToken", syncToken);
    w.date(u"TxnDate", txnDate);
    w.reference(u"CustomerRef", customerRef);
    w.money(u"TotalAmt", totalAmt);
    w.money(u"UnappliedAmt", unappliedAmt);
    QJsonArray lineArray;
    for (const PaymentLine &line : lines) {
        Internal::JsonWriter l;
        l.money(u"Amount", line.amount);
        l.linkedTxns(line.linkedTxn);
        lineArray.append(l.take());
    }
    w.array(u"Line", lineArray);
    w.reference(u"DepositToAccountRef", depositToAccountRef);
    w.reference(u"PaymentMethodRef", paymentMethodRef);
    w.string(u"PaymentRefNum", paymentRefNum);
    w.string(u"PrivateNote", privateNote);
    w.boolean(u"ProcessPayment", processPayment);
    w.reference(u"CurrencyRef", currencyRef);
    w.metaData(metaData);
    return w.take();
}

} // namespace Concord::QuickBooks
