#include "connectors/calcom/team.h"

#include "connectors/calcom/calcomjson_p.h"

using namespace Qt::StringLiterals;

namespace Concord::Calcom {

Result<Team> Team::fromJson(const QJsonObject &object)
{
    const Internal::JsonReader r(object, u"team"_s);
    Team t;
    t.id = r.requiredInteger(u"id");
    t.name = r.string(u"name");
    t.slug = r.string(u"slug");
    if (!r.ok())
        return std::unexpected(r.error());
    return t;
}

Result<TeamMembership> TeamMembership::fromJson(const QJsonObject &object)
{
    const Internal::JsonReader r(object, u"membership"_s);
    TeamMembership m;
    m.id = r.requiredInteger(u"id");
    m.userId = r.requiredInteger(u"userId");
    m.teamId = r.integer(u"teamId").value_or(0);
    m.accepted = r.boolean(u"accepted").value_or(false);
    m.role = r.string(u"role");
    const Internal::JsonReader user = r.child(u"user");
    m.email = user.string(u"email");
    m.username = user.string(u"username");
    m.name = user.string(u"name");
    m.timeZone = user.string(u"timeZone");
    if (!r.ok())
        return std::unexpected(r.error());
    return m;
}

} // namespace Concord::Calcom
