#include "connectors/quickbooks/term.h"

#include "connectors/quickbooks/salesform_p.h"

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

Result<Term> Term::fromJson(const QJsonObject &object)
{
    Internal::JsonReader r(object, u"Term"_s, defaultHomeCurrency());
    Term v;
    v.id = r.string(u"Id");
    v.syncToken = r.string(u"SyncToken");
    v.name = r.string(u"Name");
    v.active = r.boolean(u"Active");
    v.type = r.string(u"Type");
    v.dueDays = r.integer(u"DueDays");
    v.discountPercent = r.decimal(u"DiscountPercent");
    v.discountDays = r.integer(u"DiscountDays");
    v.dayOfMonthDue = r.integer(u"DayOfMonthDue");
    v.dueNextMonthDays = r.integer(u"DueNextMonthDays");
    v.discountDayOfMonth = r.integer(u"DiscountDayOfMonth");
    v.metaData = r.metaData();
    return Internal::finish(r, std::move(v));
}

QJsonObject Term::toJson() const
{
    Internal::JsonWriter w;
    w.string(u"Id", id);
    w.string(u"SyncToken", syncToken);
    w.string(u"Name", name);
    w.boolean(u"Active", active);
    w.string(u"Type", type);
    w.integer(u"DueDays", dueDays);
    w.decimal(u"DiscountPercent", discountPercent);
    w.integer(u"DiscountDays", discountDays);
    w.integer(u"DayOfMonthDue", dayOfMonthDue);
    w.integer(u"DueNextMonthDays", dueNextMonthDays);
    w.integer(u"DiscountDayOfMonth", discountDayOfMonth);
    w.metaData(metaData);
    return w.take();
}

} // namespace Concord::QuickBooks
