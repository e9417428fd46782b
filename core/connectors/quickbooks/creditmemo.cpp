#include "connectors/quickbooks/creditmemo.h"

#include "connectors/quickbooks/salesform_p.h"

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

Result<CreditMemo> CreditMemo::fromJson(const QJsonObject &object, const QString &homeCurrency)
{
    Internal::JsonReader r(object, u"CreditMemo"_s, homeCurrency);
    CreditMemo v;
    Internal::readSalesForm(r, homeCurrency, v);
    v.remainingCredit = r.money(u"RemainingCredit");
    return Internal::finish(r, std::move(v));
}

QJsonObject CreditMemo::toJson() const
{
    Internal::JsonWriter w;
    Internal::writeSalesForm(w, *this);
    w.money(u"RemainingCredit", remainingCredit);
    return w.take();
}

} // namespace Concord::QuickBooks
