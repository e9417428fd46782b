#include "quarterlyauditmodels.h"

#include "roletext.h"

using namespace Qt::StringLiterals;

namespace Concord::Ui {

using namespace Concord::Review;

namespace {

bool valid(const QModelIndex &index, int rows, int columns)
{
    return index.isValid() && !index.parent().isValid() && index.row() < rows && index.column() < columns;
}

QString unusedWords(UnusedMapping::Reason reason)
{
    switch (reason) {
    case UnusedMapping::Reason::Disabled: return QObject::tr("Unused: disabled");
    case UnusedMapping::Reason::UnknownField: return QObject::tr("Unused: unknown field");
    case UnusedMapping::Reason::NothingCarried: return QObject::tr("Unused: carried nothing");
    }
    return {};
}

} // namespace

// ---- AuditFindingsModel --------------------------------------------------------------

void AuditFindingsModel::setRows(const QList<AuditFindingRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

QList<AuditFindingRow> AuditFindingsModel::mappingRows(const MappingAudit &audit)
{
    QList<AuditFindingRow> rows;
    for (const AuthorityConflict &c : audit.conflicts)
        rows.append({tr("Conflicting authority"), c.subject, c.explanation});
    for (const UnusedMapping &u : audit.unused)
        rows.append({unusedWords(u.reason), u"%1 → %2"_s.arg(u.field, Domain::displayName(u.targetSystem)),
                     u.explanation});
    return rows;
}

QList<AuditFindingRow> AuditFindingsModel::permissionRows(const PermissionAudit &audit)
{
    QList<AuditFindingRow> rows;
    for (const PermissionFinding &f : audit.findings)
        rows.append({describe(f.kind), f.subject, f.explanation});
    return rows;
}

QList<AuditFindingRow> AuditFindingsModel::storageRows(const StorageAudit &audit)
{
    QList<AuditFindingRow> rows;
    if (audit.expiredCount > 0)
        rows.append({tr("Past retention"), tr("%n cached PDF(s)", nullptr, int(audit.expiredCount)),
                     tr("%1 kept beyond the %2-day retention; the next purge removes them.")
                         .arg(humanSize(audit.expiredBytes))
                         .arg(audit.retentionDays)});
    for (const QString &path : audit.missingFiles)
        rows.append({tr("Missing file"), path,
                     tr("The cache lists this PDF but the file is gone; it is fetched again when needed.")});
    for (const QString &path : audit.orphanFiles)
        rows.append({tr("Orphan file"), path,
                     tr("No cached invoice names this file: it can be deleted from the cache folder.")});
    return rows;
}

int AuditFindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditFindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditFindingsModel::data(const QModelIndex &index, int role) const
{
    if (!valid(index, rowCount(), ColumnCount))
        return {};
    const AuditFindingRow &r = m_rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (Column(index.column())) {
        case Finding: return r.finding;
        case Subject: return r.subject;
        case Detail: return r.detail;
        case ColumnCount: break;
        }
    }
    return {};
}

QVariant AuditFindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Finding: return tr("Finding");
    case Subject: return tr("About");
    case Detail: return tr("What to do");
    case ColumnCount: break;
    }
    return {};
}

// ---- ChangedMappingsModel ---------------------------------------------------------------

void ChangedMappingsModel::setChanges(const QList<ChangedMapping> &changes)
{
    beginResetModel();
    m_changes = changes;
    endResetModel();
}

int ChangedMappingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_changes.size());
}

int ChangedMappingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChangedMappingsModel::data(const QModelIndex &index, int role) const
{
    if (!valid(index, rowCount(), ColumnCount))
        return {};
    const ChangedMapping &c = m_changes.at(index.row());
    if (role == IdRole)
        return c.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Subject:
        return c.kind == ChangedMapping::Kind::Field ? tr("Field %1").arg(c.subject) : tr("Status %1").arg(c.subject);
    case Change: return c.description;
    case ChangedBy: return c.updatedBy;
    case ChangedAt: return c.updatedAt;
    case AuditEntry:
        if (c.auditSeq == 0)
            return role == Qt::ToolTipRole ? tr("No audit entry: the row was written outside Concord's editor.")
                                           : tr("none");
        return tr("#%1 %2 by %3").arg(c.auditSeq).arg(c.auditAction, c.auditActor);
    case ColumnCount: break;
    }
    return {};
}

QVariant ChangedMappingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Subject: return tr("Mapping");
    case Change: return tr("Now");
    case ChangedBy: return tr("Changed by");
    case ChangedAt: return tr("Changed at");
    case AuditEntry: return tr("Audit entry");
    case ColumnCount: break;
    }
    return {};
}

// ---- UserAccessModel ---------------------------------------------------------------------

void UserAccessModel::setUsers(const QList<UserAccess> &users)
{
    beginResetModel();
    m_users = users;
    endResetModel();
}

int UserAccessModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UserAccessModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserAccessModel::data(const QModelIndex &index, int role) const
{
    if (!valid(index, rowCount(), ColumnCount))
        return {};
    const UserAccess &u = m_users.at(index.row());
    if (role == IdRole)
        return u.userId;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case User:
        return u.displayName.isEmpty() || u.displayName == u.username ? u.username
                                                                       : u"%1 (%2)"_s.arg(u.displayName, u.username);
    case Role: return RoleText::noun(u.role);
    case LastSignIn:
        if (!u.lastSignInAt.isValid())
            return tr("never");
        return u.lastSignInAt;
    case Permissions: {
        QStringList words;
        for (Security::Permission p : u.permissions) {
            if (p != Security::Permission::View)
                words << Security::describe(p);
        }
        return words.isEmpty() ? tr("view only") : words.join(u", "_s);
    }
    case ColumnCount: break;
    }
    return {};
}

QVariant UserAccessModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case User: return tr("User");
    case Role: return tr("Role");
    case LastSignIn: return tr("Last sign-in");
    case Permissions: return tr("May");
    case ColumnCount: break;
    }
    return {};
}

// ---- DuplicateGroupsModel ------------------------------------------------------------------

void DuplicateGroupsModel::setGroups(const QList<DuplicateGroup> &groups)
{
    beginResetModel();
    m_groups = groups;
    endResetModel();
}

int DuplicateGroupsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int DuplicateGroupsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DuplicateGroupsModel::data(const QModelIndex &index, int role) const
{
    if (!valid(index, rowCount(), ColumnCount))
        return {};
    const DuplicateGroup &g = m_groups.at(index.row());
    if (role == Qt::UserRole && index.column() == Wasted)
        return g.wastedBytes;
    if (role == Qt::TextAlignmentRole && index.column() == Wasted)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Invoice:
        if (g.invoiceId == 0)
            return tr("No invoice (copies of each other)");
        return tr("Invoice %1").arg(g.invoiceNumber.isEmpty() ? QString::number(g.invoiceId) : g.invoiceNumber);
    case HubSpotFiles: {
        QStringList files;
        for (const CrmFileCopy &c : g.copies)
            files << u"%1 (%2)"_s.arg(c.name, c.fileId);
        return files.join(u", "_s);
    }
    case AttachedTo: {
        QStringList where;
        for (const CrmFileCopy &c : g.copies) {
            for (const QString &note : c.noteIds)
                where << tr("note %1").arg(note);
            where << c.attachedTo;
        }
        where.removeDuplicates();
        return where.isEmpty() ? tr("not attached") : where.join(u", "_s);
    }
    case Wasted: return humanSize(g.wastedBytes);
    case Advice: return g.advice;
    case ColumnCount: break;
    }
    return {};
}

QVariant DuplicateGroupsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Invoice: return tr("Invoice");
    case HubSpotFiles: return tr("HubSpot files");
    case AttachedTo: return tr("Attached to");
    case Wasted: return tr("Wasted");
    case Advice: return tr("What to do");
    case ColumnCount: break;
    }
    return {};
}

} // namespace Concord::Ui
