#pragma once

#include "common/error.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Concord::Calcom {

// GET /v2/me: the user the API key belongs to (the connection test, and the
// business owner's zone).
struct Profile {
    qint64 id = 0;
    QString username;
    QString email;
    QString name;
    QString timeZone; // IANA
    QString locale;
    QString weekStart;
    int timeFormat = 12; // 12 or 24
    std::optional<qint64> defaultScheduleId;
    std::optional<qint64> organizationId;

    [[nodiscard]] static Result<Profile> fromJson(const QJsonObject &object);
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const Profile &, const Profile &) = default;
};

} // namespace Concord::Calcom
