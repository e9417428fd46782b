#include "connectors/calcom/eventtype.h"

#include "connectors/calcom/calcomjson_p.h"

using namespace Qt::StringLiterals;

namespace Concord::Calcom {

using Internal::JsonReader;

Result<std::optional<Domain::Money>> priceFromMinorUnits(std::optional<qint64> minorUnits,
                                                         const QString &currency)
{
    if (!minorUnits || *minorUnits == 0)
        return std::optional<Domain::Money>();
    if (currency.isEmpty())
        return fail(ErrorCode::RemoteValidation, u"Cal.com sent a price without a currency"_s);
    auto money = Domain::Money::fromMinor(*minorUnits, currency.toUpper());
    if (!money)
        return std::unexpected(money.error());
    return std::optional<Domain::Money>(*money);
}

Result<EventType> EventType::fromJson(const QJsonObject &object)
{
    const JsonReader r(object, u"eventType"_s);
    EventType e;
    e.id = r.requiredInteger(u"id");
    e.slug = r.string(u"slug");
    e.title = r.string(u"title");
    e.description = r.string(u"description");
    e.lengthInMinutes =
        int(r.integer(u"lengthInMinutes").value_or(r.integer(u"length").value_or(0)));
    e.ownerId = r.integer(u"ownerId");
    e.teamId = r.integer(u"teamId");
    e.hidden = r.boolean(u"hidden").value_or(false);
    e.requiresConfirmation =
        r.has(u"confirmationPolicy") || r.boolean(u"requiresConfirmation").value_or(false);
    const auto minor = r.integer(u"price");
    const QString currency = r.string(u"currency");
    if (!r.ok())
        return std::unexpected(r.error());
    auto price = priceFromMinorUnits(minor, currency);
    if (!price)
        return std::unexpected(price.error());
    e.price = *price;
    if (e.lengthInMinutes <= 0)
        return fail(ErrorCode::RemoteValidation,
                    u"Cal.com event type %1 has no length"_s.arg(e.id));
    return e;
}

} // namespace Concord::Calcom
