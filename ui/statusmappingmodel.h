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

// The status mappings being edited: what an appointment or payment status
// does in HubSpot (move the deal to a stage, create a task, close the open
// tasks). Works like FieldMappingModel: the working copy of a snapshot,
// changed only through undo commands, validated after every change
// (Sync::validateStatusMappings against the snapshot's deal stages, plus
// what the role may not change).
//
// EditRole is raw (Domain::toString of the domain, status, system and
// action; the stage id or task subject); DisplayRole reads as words
// ("Payment", "Deposit paid", "Move the deal to", "Closed won").
class StatusMappingModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Kind, Status, Target, Action, Value, ColumnCount };
    Q_ENUM(Column)

    explicit StatusMappingModel(QObject *parent = nullptr);

    void setSnapshot(const Services::MappingsData &data);
    void setUndoStack(QUndoStack *stack);
    void setRole(Domain::Role role);
    void setReadOnly(bool readOnly);

    [[nodiscard]] const Domain::StatusMapping &mapping(int row) const { return m_rows.at(row); }
    [[nodiscard]] QList<Domain::StatusMapping> mappings() const { return m_rows.values(); }
    [[nodiscard]] int rowOfKey(qint64 key) const { return m_rows.rowOfKey(key); }
    [[nodiscard]] qint64 keyOf(int row) const { return m_rows.keyAt(row); }
    [[nodiscard]] QString lockReason(int row) const;
    [[nodiscard]] bool canAdd() const;
    [[nodiscard]] Column columnOf(Sync::MappingProblem::Part part) const;

    QModelIndex addMapping();
    int removeMappings(QList<int> rows);

    void setMappingAt(qint64 key, const Domain::StatusMapping &value);
    void insertMapping(int row, qint64 key, const Domain::StatusMapping &value);
    void removeMapping(qint64 key);

    [[nodiscard]] bool hasChanges() const { return m_rows.hasChanges(); }
    [[nodiscard]] int changeCount() const { return m_rows.changeCount(); }
    [[nodiscard]] QList<Domain::StatusMapping> changedMappings() const { return m_rows.changed(); }
    [[nodiscard]] QList<Services::MappingRef> deletedMappings() const { return m_rows.deleted(); }

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
    void problemsChanged();
    void rowTouched(int row);

private:
    void revalidate();
    void push(QUndoCommand *command);
    [[nodiscard]] bool cellChanged(int row, int column) const;
    [[nodiscard]] QString cellProblems(int row, int column, bool *isError) const;
    [[nodiscard]] QString columnName(int column) const;
    [[nodiscard]] QStringList statusesOf(Domain::StatusDomain domain) const;
    [[nodiscard]] QString stageLabel(const QString &stageId) const;

    Services::MappingsData m_catalogue;
    MappingRows<Domain::StatusMapping> m_rows;
    QList<Sync::MappingProblem> m_problems;
    QPointer<QUndoStack> m_stack;
    Domain::Role m_role = Domain::Role::Viewer;
    bool m_readOnly = false;
};

} // namespace Concord::Ui
