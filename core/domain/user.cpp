#include "domain/user.h"

#include "domain/enumnames_p.h"

using namespace Qt::StringLiterals;

namespace Concord::Domain {

namespace {

constexpr Internal::EnumNameTable<Role, 4> roleNames { {
    { Role::Owner, "owner"_L1 },
    { Role::OfficeManager, "office_manager"_L1 },
    { Role::Bookkeeper, "bookkeeper"_L1 },
    { Role::Viewer, "viewer"_L1 },
} };

} // namespace

QString toString(Role role)
{
    return Internal::enumToString(roleNames, role);
}

Result<Role> parseRole(const QString &text)
{
    return Internal::parseEnum(roleNames, text, "role"_L1);
}

} // namespace Concord::Domain
