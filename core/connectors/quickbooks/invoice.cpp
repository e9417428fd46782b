#include "connectors/quickbooks/invoice.h"

#include "connectors/quickbooks/salesform_p.h"

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

Result<Invoice> Invoice::fromJson(const QJsonObject &object, const QString &homeCurrency)
{
    Internal::JsonReader r(object, u"Invoice"_s, homeCurrency);
    Invoice v;
    Internal::readSalesForm(r, homeCurrency, v);
    v.dueDate = r.date(u"DueDate");
    v.salesTermRef = r.reference(u"SalesTermRef");
    v.deposit = r.money(u"Deposit");
    const Internal::JsonReader delivery = r.child(u"DeliveryInfo");
    v.deliveryType = delivery.string(u"DeliveryType");
    v.deliveryTime = delivery.dateTime(u"DeliveryTime");
    v.invoiceLink = r.string(u"InvoiceLink");
    return Internal::finish(r, std::move(v));
}

QJsonObject Invoice::toJson() const
{
    Internal::JsonWriter w;
    Internal::writeSalesForm(w, *this);
    w.date(u"DueDate", dueDate);
    w.reference(u"SalesTermRef", salesTermRef);
    w.money(u"Deposit", deposit);
    Internal::JsonWriter delivery;
    delivery.string(u"DeliveryType", deliveryType);
    delivery.dateTime(u"DeliveryTime", deliveryTime);
    w.object(u"DeliveryInfo", delivery.take());
    w.string(u"InvoiceLink", invoiceLink);
    return w.take();
}

} // namespace Concord::QuickBooks
