#include "userstablemodel.h"

#include "localtimedelegate.h"

#include <algorithm>

namespace Concord::Ui {

using Domain::User;

UsersTableModel::UsersTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void UsersTableModel::setUsers(const QList<User> &users)
{
    beginResetModel();
    m_users = users;
    endResetModel();
}

int UsersTableModel::rowForUser(qint64 id) const
{
    for (int row = 0; row < m_users.size(); ++row) {
        if (m_users.at(row).id == id)
            return row;
    }
    return -1;
}

const User *UsersTableModel::user(qint64 id) const
{
    const int row = rowForUser(id);
    return row < 0 ? nullptr : &m_users.at(row);
}

int UsersTableModel::activeOwnerCount() const
{
    return int(std::count_if(m_users.cbegin(), m_users.cend(),
                             [](const User &u) { return u.active && u.role == Domain::Role::Owner; }));
}

QString UsersTableModel::roleText(Domain::Role role)
{
    switch (role) {
    case Domain::Role::Owner:
        return tr("Owner");
    case Domain::Role::OfficeManager:
        return tr("Office manager");
    case Domain::Role::Bookkeeper:
        return tr("Bookkeeper");
    case Domain::Role::Viewer:
        return tr("Viewer");
    }
    return {};
}

QString UsersTableModel::roleDescription(Domain::Role role)
{
    switch (role) {
    case Domain::Role::Owner:
        return tr("Approves merges, manages users and connections, and may do everything the other roles do.");
    case Domain::Role::OfficeManager:
        return tr("Edits bookings and customers, proposes merges, works the retry queue and booking-side mappings.");
    case Domain::Role::Bookkeeper:
        return tr("Edits tax and discount rules, invoice policies and billing-side mappings; reconciles totals.");
    case Domain::Role::Viewer:
        return tr("Sees everything and changes nothing.");
    }
    return {};
}

QList<Domain::Role> UsersTableModel::allRoles()
{
    return {Domain::Role::Owner, Domain::Role::OfficeManager, Domain::Role::Bookkeeper, Domain::Role::Viewer};
}

int UsersTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UsersTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant UsersTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const User &u = m_users.at(index.row());
    switch (role) {
    case IdRole:
        return u.id;
    case RoleRole:
        return int(u.role);
    case ActiveRole:
        return u.active;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Username:
            return u.username;
        case DisplayName:
            return u.displayName;
        case RoleName:
            return roleText(u.role);
        case Status:
            return u.active ? tr("Active") : tr("Deactivated");
        case LastSignIn:
            return u.lastSignInAt.isValid() ? LocalTimeDelegate::format(u.lastSignInAt) : tr("never");
        case ColumnCount:
            break;
        }
        return {};
    case SortRole:
        switch (Column(index.column())) {
        case Username:
            return u.username;
        case DisplayName:
            return u.displayName.toLower();
        case RoleName:
            return int(u.role);
        case Status:
            return u.active ? 1 : 0;
        case LastSignIn:
            return u.lastSignInAt.isValid() ? u.lastSignInAt.toMSecsSinceEpoch() : qint64(-1);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == RoleName)
            return roleDescription(u.role);
        if (index.column() == LastSignIn && u.lastSignInAt.isValid())
            return u.lastSignInAt.toUTC().toString(Qt::ISODate);
        return {};
    default:
        return {};
    }
}

QVariant UsersTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Username:
        return tr("Username");
    case DisplayName:
        return tr("Name");
    case RoleName:
        return tr("Role");
    case Status:
        return tr("Status");
    case LastSignIn:
        return tr("Last sign-in");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Concord::Ui
