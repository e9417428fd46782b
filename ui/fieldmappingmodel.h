#pragma once

#include "domain/rules.h"
#include "domain/user.h"
#include "mappingrows.h"
#include "services/mappingsdata.h"
#include "sync/mappingvalidation.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

class QUndoCommand;
class QUndoStack;

namespace Concord::Ui {

// The field mappings being edited: one row per (field, target system), the
// working copy of a Services::MappingsData snapshot.
//
// Every change is undoable: setData() (a cell edited in the table) and
// addMapping()/removeMappings() push a command on the undo stack, and only
// the commands change the rows (setMappingAt/insertMapping/removeMapping).
// After each change the rows are validated again (Sync::validateFieldMappings
// plus what the role may not change), problems() holds the result and
// problemsChanged() says so.
//
// Roles (MappingRoles): EditRole is the raw value (field name, system name
// as Domain::toString, transform name, path); DisplayRole what a person
// reads; CheckStateRole the Enabled column. BackgroundRole marks problem
// cells (red, amber for warnings) and changed cells (blue); ToolTipRole
// explains them, or why a row is locked.
class FieldMappingModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Enabled,
        Field,
        Type,
        Source,
        SourcePath,
        Target,
        TargetPath,
        Transform,
        Authority,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit FieldMappingModel(QObject *parent = nullptr);

    // Starts over from `data` (a model reset; nothing changed).
    void setSnapshot(const Services::MappingsData &data);
    // Where edits go; without a stack they apply directly (not undoable).
    void setUndoStack(QUndoStack *stack);
    // Rows of a side the role may not change are locked (read-only, with
    // the reason as tooltip); a role without EditMappings locks all.
    void setRole(Domain::Role role);
    // While an apply is on its way nothing may change.
    void setReadOnly(bool readOnly);

    [[nodiscard]] const Domain::FieldMapping &mapping(int row) const { return m_rows.at(row); }
    [[nodiscard]] QList<Domain::FieldMapping> mappings() const { return m_rows.values(); }
    [[nodiscard]] int rowOfKey(qint64 key) const { return m_rows.rowOfKey(key); }
    [[nodiscard]] qint64 keyOf(int row) const { return m_rows.keyAt(row); }
    // Why `row` cannot be changed by this role; empty when it can.
    [[nodiscard]] QString lockReason(int row) const;
    [[nodiscard]] bool canAdd() const;
    [[nodiscard]] Column columnOf(Sync::MappingProblem::Part part) const;

    // Pushes the commands (one undo step each).
    // A new row, filled for the role's side; returns its Field cell.
    QModelIndex addMapping();
    // Locked rows are left alone; returns how many were removed.
    int removeMappings(QList<int> rows);

    // What the commands call.
    void setMappingAt(qint64 key, const Domain::FieldMapping &value);
    void insertMapping(int row, qint64 key, const Domain::FieldMapping &value);
    void removeMapping(qint64 key);

    [[nodiscard]] bool hasChanges() const { return m_rows.hasChanges(); }
    [[nodiscard]] int changeCount() const { return m_rows.changeCount(); }
    [[nodiscard]] QList<Domain::FieldMapping> changedMappings() const { return m_rows.changed(); }
    [[nodiscard]] QList<Services::MappingRef> deletedMappings() const { return m_rows.deleted(); }

    // Every problem of the rows as they are now, ordered by row.
    [[nodiscard]] const QList<Sync::MappingProblem> &problems() const { return m_problems; }
    [[nodiscard]] bool hasErrors() const { return Sync::hasErrors(m_problems); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    // The rows changed (an edit, undo or redo) and problems() is current.
    void problemsChanged();
    // A command changed or inserted `row`: the page shows it.
    void rowTouched(int row);

private:
    void revalidate();
    void push(QUndoCommand *command);
    [[nodiscard]] bool cellChanged(int row, int column) const;
    [[nodiscard]] QString cellProblems(int row, int column, bool *isError) const;
    [[nodiscard]] QString columnName(int column) const;
    [[nodiscard]] QStringList transformChoices(const Domain::FieldMapping &m, QStringList *labels,
                                               QStringList *tips) const;

    Services::MappingsData m_catalogue; // the lists it offers (fields, transforms, paths)
    MappingRows<Domain::FieldMapping> m_rows;
    QList<Sync::MappingProblem> m_problems;
    QPointer<QUndoStack> m_stack;
    Domain::Role m_role = Domain::Role::Viewer;
    bool m_readOnly = false;
};

} // namespace Concord::Ui
