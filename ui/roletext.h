#pragma once

#include "domain/user.h"
#include "security/permissions.h"

#include <QCoreApplication>
#include <QString>

namespace Concord::Ui {

// Roles in sentences, one wording for every page ("Only a bookkeeper or
// owner can …"), drawn from the role matrix so a page never disagrees with
// the permission core checks.
class RoleText {
    Q_DECLARE_TR_FUNCTIONS(Concord::Ui::RoleText)
public:
    // "an owner", "an office manager", "a bookkeeper", "a viewer".
    [[nodiscard]] static QString withArticle(Domain::Role role);
    // "owner", "office manager", …: after the first of a list.
    [[nodiscard]] static QString noun(Domain::Role role);
    // Who holds `permission`, the specialised roles first and the owner (who
    // may do everything) last: "an office manager, bookkeeper or owner".
    [[nodiscard]] static QString whoMay(Security::Permission permission);
};

} // namespace Concord::Ui
