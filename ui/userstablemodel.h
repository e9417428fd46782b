#pragma once

#include "domain/user.h"

#include <QAbstractTableModel>
#include <QList>

namespace Concord::Ui {

// Concord's users and their roles as a table, over an immutable snapshot
// pushed from the sync thread (Services::SettingsData::users).
//
// DisplayRole is words ("Office manager", "Active", "never"); SortRole the raw
// value (role rank, active as 0/1, instants as ms); ToolTipRole what the role
// may do. IdRole is the user id on every column.
class UsersTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Username,
        DisplayName,
        RoleName,
        Status, // active or deactivated
        LastSignIn, // local time, or "never"
        ColumnCount
    };
    Q_ENUM(Column)

    enum DataRole {
        IdRole = Qt::UserRole + 1, // qint64 user id (every column)
        SortRole, // the column's raw sort key
        RoleRole, // int(Domain::Role) (every column)
        ActiveRole, // bool (every column)
    };

    explicit UsersTableModel(QObject *parent = nullptr);

    // Replaces the snapshot (a reset: the page restores its current row by id).
    void setUsers(const QList<Domain::User> &users);
    [[nodiscard]] const QList<Domain::User> &users() const { return m_users; }
    // Row of the user with `id`, or -1.
    [[nodiscard]] int rowForUser(qint64 id) const;
    // The user with `id`, or nullptr; valid until the next setUsers().
    [[nodiscard]] const Domain::User *user(qint64 id) const;
    // How many active owners the snapshot has (the last one may not go).
    [[nodiscard]] int activeOwnerCount() const;

    // "Owner", "Office manager", "Bookkeeper", "Viewer".
    [[nodiscard]] static QString roleText(Domain::Role role);
    // One sentence on what the role may do (product.md's roles).
    [[nodiscard]] static QString roleDescription(Domain::Role role);
    // Every role, most powerful first (the order of the role picker).
    [[nodiscard]] static QList<Domain::Role> allRoles();

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    QList<Domain::User> m_users;
};

} // namespace Concord::Ui
