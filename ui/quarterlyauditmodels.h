#pragma once

#include "review/quarterlyaudit.h"

#include <QAbstractTableModel>
#include <QList>

// Table models of the quarterly audit view, each over an immutable snapshot
// (a part of Review::QuarterlyAudit) replaced whole by its setter. Times are
// UTC QDateTimes in DisplayRole (LocalTimeDelegate formats them); sizes are
// bytes in Qt::UserRole and human text ("1.4 MiB") in DisplayRole.
namespace Concord::Ui {

// A finding in words: unused or conflicting mappings, permission findings,
// cache files to look at.
struct AuditFindingRow {
    QString finding;   // "Unused", "Never signed in", "Orphan file", …
    QString subject;   // field, username, path
    QString detail;    // what it means and what to do
    friend bool operator==(const AuditFindingRow &, const AuditFindingRow &) = default;
};

class AuditFindingsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Finding, Subject, Detail, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QList<AuditFindingRow> &rows);
    [[nodiscard]] const QList<AuditFindingRow> &rows() const { return m_rows; }

    // The rows each part of the audit contributes.
    [[nodiscard]] static QList<AuditFindingRow> mappingRows(const Review::MappingAudit &audit);
    [[nodiscard]] static QList<AuditFindingRow> permissionRows(const Review::PermissionAudit &audit);
    [[nodiscard]] static QList<AuditFindingRow> storageRows(const Review::StorageAudit &audit);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AuditFindingRow> m_rows;
};

class ChangedMappingsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Subject, Change, ChangedBy, ChangedAt, AuditEntry, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1 };
    using QAbstractTableModel::QAbstractTableModel;

    void setChanges(const QList<Review::ChangedMapping> &changes);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Review::ChangedMapping> m_changes;
};

class UserAccessModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { User, Role, LastSignIn, Permissions, ColumnCount };
    enum DataRole { IdRole = Qt::UserRole + 1 };
    using QAbstractTableModel::QAbstractTableModel;

    void setUsers(const QList<Review::UserAccess> &users);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Review::UserAccess> m_users;
};

class DuplicateGroupsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Invoice, HubSpotFiles, AttachedTo, Wasted, Advice, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setGroups(const QList<Review::DuplicateGroup> &groups);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Review::DuplicateGroup> m_groups;
};

} // namespace Concord::Ui
