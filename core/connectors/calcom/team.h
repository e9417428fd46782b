#pragma once

#include "common/error.h"

#include <QJsonObject>
#include <QString>

namespace Concord::Calcom {

// GET /v2/teams: a team the key's user belongs to (the business's staff).
// Shape [unverified]: TeamOutputDto {id, name, slug, …}; only these are read.
struct Team {
    qint64 id = 0;
    QString name;
    QString slug;

    [[nodiscard]] static Result<Team> fromJson(const QJsonObject &object);
    friend bool operator==(const Team &, const Team &) = default;
};

// GET /v2/teams/{teamId}/memberships: one staff member. Shape [unverified]:
// TeamMembershipOutput {id, userId, teamId, accepted, role, user{email,
// username, name, timeZone?}}; only these are read.
struct TeamMembership {
    qint64 id = 0;
    qint64 userId = 0;
    qint64 teamId = 0;
    bool accepted = false;
    QString role; // MEMBER | ADMIN | OWNER
    QString email;
    QString username;
    QString name;
    QString timeZone; // empty when Cal.com does not say

    [[nodiscard]] static Result<TeamMembership> fromJson(const QJsonObject &object);
    friend bool operator==(const TeamMembership &, const TeamMembership &) = default;
};

} // namespace Concord::Calcom
