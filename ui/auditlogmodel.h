#pragma once

#include "security/auditentry.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace Concord::Ui {

// The audit log as a table, over an immutable snapshot pushed from the sync
// thread (Backend::auditLoaded). Read-only: the log is append-only, so the only
// change is a whole new snapshot (a model reset).
//
// DisplayRole carries raw values (qint64 seq, QDateTime in UTC, strings):
// formatting belongs to the view (LocalTimeDelegate shows local time), and
// sorting on raw values stays chronological.
class AuditLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Seq, Time, Actor, Role, Action, Entity, Summary, ColumnCount };
    Q_ENUM(Column)

    enum DataRole {
        IdRole = Qt::UserRole + 1, // qint64 seq, stable across snapshots
        EntryRole, // the whole AuditEntry
    };

    explicit AuditLogModel(QObject *parent = nullptr);

    void setEntries(const QList<Security::AuditEntry> &entries);
    [[nodiscard]] const QList<Security::AuditEntry> &entries() const { return m_entries; }
    // Row of the entry with `seq`, or -1.
    [[nodiscard]] int rowForSeq(qint64 seq) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    // What changed, in words: "Created (name, email)", "Changed email, phone",
    // "Deleted". Computed once per snapshot from the before/after JSON.
    [[nodiscard]] static QString summarize(const Security::AuditEntry &entry);

private:
    QList<Security::AuditEntry> m_entries;
    QStringList m_summaries; // parallel to m_entries
};

} // namespace Concord::Ui
