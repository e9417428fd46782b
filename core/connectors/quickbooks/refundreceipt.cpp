#include "connectors/quickbooks/refundreceipt.h"

#include "connectors/quickbooks/salesform_p.h"

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

Result<RefundReceipt> RefundReceipt::fromJson(const QJsonObject &object, const QString &homeCurrency)
{
    Internal::JsonReader r(object, u"RefundReceipt"_s, homeCurrency);
    RefundReceipt v;
    Internal::readSalesForm(r, homeCurrency, v);
    v.paymentMethodRef = r.reference(u"PaymentMethodRef");
    v.paymentRefNum = r.string(u"PaymentRefNum");
    v.paymentType = r.string(u"PaymentType");
    return Internal::finish(r, std::move(v));
}

QJsonObject RefundReceipt::toJson() const
{
    Internal::JsonWriter w;
    Internal::writeSalesForm(w, *this);
    w.reference(u"PaymentMethodRef", paymentMethodRef);
    w.string(u"PaymentRefNum", paymentRefNum);
    w.string(u"PaymentType", paymentType);
    return w.take();
}

} // namespace Concord::QuickBooks
