#include "roletext.h"

#include <QStringList>

#include <algorithm>

namespace Concord::Ui {

using Domain::Role;

QString RoleText::withArticle(Role role)
{
    switch (role) {
    case Role::Owner:
        return tr("an owner");
    case Role::OfficeManager:
        return tr("an office manager");
    case Role::Bookkeeper:
        return tr("a bookkeeper");
    case Role::Viewer:
        return tr("a viewer");
    }
    return {};
}

QString RoleText::noun(Role role)
{
    switch (role) {
    case Role::Owner:
        return tr("owner");
    case Role::OfficeManager:
        return tr("office manager");
    case Role::Bookkeeper:
        return tr("bookkeeper");
    case Role::Viewer:
        return tr("viewer");
    }
    return {};
}

QString RoleText::whoMay(Security::Permission permission)
{
    QList<Role> roles = Security::rolesWith(permission);
    std::stable_partition(roles.begin(), roles.end(), [](Role r) { return r != Role::Owner; });
    // The owner may do everything (permissions.cpp), so the list is never
    // empty; should that change, the owner is still the honest answer.
    if (roles.isEmpty())
        return withArticle(Role::Owner);
    QString who = withArticle(roles.takeFirst());
    if (roles.isEmpty())
        return who;
    const Role last = roles.takeLast();
    for (Role role : std::as_const(roles))
        who += tr(", ") + noun(role);
    //: Joins role names: "an office manager, bookkeeper or owner"
    return tr("%1 or %2").arg(who, noun(last));
}

} // namespace Concord::Ui
