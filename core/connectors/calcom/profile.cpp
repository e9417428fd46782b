#include "connectors/calcom/profile.h"

#include "connectors/calcom/calcomjson_p.h"

using namespace Qt::StringLiterals;

namespace Concord::Calcom {

Result<Profile> Profile::fromJson(const QJsonObject &object)
{
    const Internal::JsonReader r(object, u"me"_s);
    Profile p;
    p.id = r.requiredInteger(u"id");
    p.username = r.string(u"username");
    p.email = r.requiredString(u"email");
    p.name = r.string(u"name");
    p.timeZone = r.string(u"timeZone");
    p.locale = r.string(u"locale");
    p.weekStart = r.string(u"weekStart");
    p.timeFormat = int(r.integer(u"timeFormat").value_or(12));
    p.defaultScheduleId = r.integer(u"defaultScheduleId");
    p.organizationId = r.integer(u"organizationId");
    if (!r.ok())
        return std::unexpected(r.error());
    return p;
}

QJsonObject Profile::toJson() const
{
    const auto orNull = [](const std::optional<qint64> &v) {
        return v ? QJsonValue(*v) : QJsonValue();
    };
    return QJsonObject { { u"id"_s, id },
                         { u"username"_s, username },
                         { u"email"_s, email },
                         { u"name"_s, name },
                         { u"timeZone"_s, timeZone },
                         { u"locale"_s, locale },
                         { u"weekStart"_s, weekStart },
                         { u"timeFormat"_s, timeFormat },
                         { u"defaultScheduleId"_s, orNull(defaultScheduleId) },
                         { u"organizationId"_s, orNull(organizationId) } };
}

} // namespace Concord::Calcom
