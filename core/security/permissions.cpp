#include "security/permissions.h"

#include <QStringList>

using namespace Qt::StringLiterals;
using Concord::Domain::Role;

namespace Concord::Security {

QString toString(Permission p)
{
    switch (p) {
    case Permission::View: return u"view"_s;
    case Permission::EditBookings: return u"edit_bookings"_s;
    case Permission::EditBilling: return u"edit_billing"_s;
    case Permission::ProposeMerge: return u"propose_merge"_s;
    case Permission::ApproveMerge: return u"approve_merge"_s;
    case Permission::ManageRetryQueue: return u"manage_retry_queue"_s;
    case Permission::EditMappings: return u"edit_mappings"_s;
    case Permission::ManageUsers: return u"manage_users"_s;
    case Permission::CompleteReviews: return u"complete_reviews"_s;
    case Permission::ScheduleReviews: return u"schedule_reviews"_s;
    case Permission::ChangeIntegrationMode: return u"change_integration_mode"_s;
    }
    return {};
}

QString describe(Permission p)
{
    switch (p) {
    case Permission::View: return u"view Concord"_s;
    case Permission::EditBookings: return u"edit bookings"_s;
    case Permission::EditBilling: return u"edit billing rules"_s;
    case Permission::ProposeMerge: return u"propose merges"_s;
    case Permission::ApproveMerge: return u"approve merges"_s;
    case Permission::ManageRetryQueue: return u"manage the retry queue"_s;
    case Permission::EditMappings: return u"edit mappings"_s;
    case Permission::ManageUsers: return u"manage users"_s;
    case Permission::CompleteReviews: return u"complete reviews"_s;
    case Permission::ScheduleReviews: return u"schedule reviews"_s;
    case Permission::ChangeIntegrationMode: return u"change the integration mode"_s;
    }
    return {};
}

QList<Permission> allPermissions()
{
    return {Permission::View,         Permission::EditBookings,     Permission::EditBilling,
            Permission::ProposeMerge, Permission::ApproveMerge,     Permission::ManageRetryQueue,
            Permission::EditMappings, Permission::ManageUsers,      Permission::CompleteReviews,
            Permission::ScheduleReviews, Permission::ChangeIntegrationMode};
}

// The role matrix (product spec, "Who uses it"): office managers work the
// booking side and duplicates, bookkeepers the billing side, owners decide.
bool roleHas(Role role, Permission p)
{
    switch (role) {
    case Role::Owner:
        return true;
    case Role::OfficeManager:
        return p == Permission::View || p == Permission::EditBookings || p == Permission::ProposeMerge
            || p == Permission::ManageRetryQueue || p == Permission::EditMappings
            || p == Permission::CompleteReviews;
    case Role::Bookkeeper:
        return p == Permission::View || p == Permission::EditBilling || p == Permission::EditMappings
            || p == Permission::CompleteReviews;
    case Role::Viewer:
        return p == Permission::View;
    }
    return false;
}

QList<Role> rolesWith(Permission p)
{
    QList<Role> out;
    for (Role r : {Role::Owner, Role::OfficeManager, Role::Bookkeeper, Role::Viewer}) {
        if (roleHas(r, p))
            out.append(r);
    }
    return out;
}

Actor Actor::user(const QString &username, Role role)
{
    return Actor{username, role, false};
}

Actor Actor::system(const QString &component)
{
    return Actor{u"system:"_s + component, Role::Owner, true};
}

Status authorize(const Actor &actor, Permission p)
{
    if (actor.username.isEmpty())
        return fail(ErrorCode::PermissionDenied, u"an anonymous actor may not %1"_s.arg(describe(p)));
    if (actor.isSystem) {
        // Deciding who reviews and how far Concord integrates are choices an
        // owner makes and answers for.
        if (p == Permission::ApproveMerge || p == Permission::ManageUsers || p == Permission::ScheduleReviews
            || p == Permission::ChangeIntegrationMode)
            return fail(ErrorCode::PermissionDenied,
                        u"%1 may not %2: that needs a person"_s.arg(actor.username, describe(p)));
        return {};
    }
    if (roleHas(actor.role, p))
        return {};
    QStringList allowed;
    for (Role r : rolesWith(p))
        allowed << Domain::toString(r).replace(u'_', u' ');
    return fail(ErrorCode::PermissionDenied, u"%1 '%2' may not %3 (allowed: %4)"_s.arg(
                                                 Domain::toString(actor.role).replace(u'_', u' '), actor.username,
                                                 describe(p), allowed.join(u", "_s)));
}

} // namespace Concord::Security
