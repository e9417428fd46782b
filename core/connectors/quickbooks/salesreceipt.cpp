#include "connectors/quickbooks/salesreceipt.h"

#include "connectors/quickbooks/salesform_p.h"

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

Result<SalesReceipt> SalesReceipt::fromJson(const QJsonObject &object, const QString &homeCurrency)
{
    Internal::JsonReader r(object, u"SalesReceipt"_s, homeCurrency);
    SalesReceipt v;
    Internal::readSalesForm(r, homeCurrency, v);
    v.paymentMethodRef = r.reference(u"PaymentMethodRef");
    v.paymentRefNum = r.string(u"PaymentRefNum");

    return Internal::finish(r, std::move(v));
}

QJsonObject SalesReceipt::toJson() const
{
    Internal::JsonWriter w;
    Internal::writeSalesForm(w, *this);
    w.reference(u"PaymentMethodRef", paymentMethodRef);
    w.string(u"PaymentRefNum", paymentRefNum);

    return w.take();
}

} // namespace Concord::QuickBooks
