#pragma once

#include "common/error.h"

#include <QDateTime>
#include <QString>

namespace Concord::Domain {

enum class Role {
    Owner,          // approves merges, manages users, sees everything
    OfficeManager,  // bookings, duplicates (propose), retry queue, booking-side mappings
    Bookkeeper,     // billing rules, billing-side mappings, reconciliation
    Viewer,         // read only
};
[[nodiscard]] QString toString(Role role);   // "owner", "office_manager", "bookkeeper", "viewer"
[[nodiscard]] Result<Role> parseRole(const QString &text);

struct User {
    qint64 id = 0;
    QString username;           // unique, lower-case
    QString displayName;
    Role role = Role::Viewer;
    bool active = true;
    QDateTime createdAt;
    QDateTime lastSignInAt;
    int version = 1;
};

} // namespace Concord::Domain
