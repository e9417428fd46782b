#pragma once

#include "common/error.h"
#include "domain/user.h"

#include <QList>
#include <QString>

namespace Concord::Security {

enum class Permission {
    View,             // see everything (every role)
    EditBookings,     // appointments, customers, booking-side mappings
    EditBilling,      // tax/discount rules, invoice policy, invoice overrides, billing-side mappings
    ProposeMerge,     // propose merging duplicate customers
    ApproveMerge,     // approve or reject a proposed merge
    ManageRetryQueue, // retry, edit-and-retry, link, dismiss failed syncs
    EditMappings,     // field and status mappings (with the side's own permission)
    ManageUsers,      // users and roles
    CompleteReviews,  // record a completed weekly/monthly/quarterly review
    ScheduleReviews,  // name each review's owner and its next due date (owner: "owns the review schedule")
    ChangeIntegrationMode, // full two-way sync or the lighter setup (decision checklist)
};

[[nodiscard]] QString toString(Permission p);   // "edit_bookings", …
[[nodiscard]] QString describe(Permission p);   // "edit bookings" (for messages)
[[nodiscard]] QList<Permission> allPermissions();
[[nodiscard]] bool roleHas(Domain::Role role, Permission p);
[[nodiscard]] QList<Domain::Role> rolesWith(Permission p);

// Who is acting. Every mutating core command takes one. System actors are
// Concord's own automation (sync, bootstrap); they may carry changes but never
// approve merges or manage users — those need a person.
struct Actor {
    QString username;
    Domain::Role role = Domain::Role::Viewer;
    bool isSystem = false;

    [[nodiscard]] static Actor user(const QString &username, Domain::Role role);
    [[nodiscard]] static Actor system(const QString &component); // "system:<component>"
};

// PermissionDenied with a message naming the actor, the action and who may
// do it, e.g. "bookkeeper 'bea' may not approve merges (allowed: owner)".
[[nodiscard]] Status authorize(const Actor &actor, Permission p);

} // namespace Concord::Security
