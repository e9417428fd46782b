#pragma once

#include <QUndoCommand>

#include <QtGlobal>

namespace Concord::Ui {

// The mapping editor's undoable edits. Each names its row by a key that
// stays with the row while rows are added and removed around it (a stored
// mapping's id; a negative number for a row not stored yet), so undoing an
// old edit after later additions still finds its row.
//
// `Model` is FieldMappingModel or StatusMappingModel: both offer
// rowOfKey(), setMappingAt(key, value), insertMapping(row, key, value) and
// removeMapping(key). The commands change the model only through those, and
// only from redo()/undo(): the model's setData() pushes a command instead
// of changing itself, so every change is on the undo stack.

// One row's values before and after an edit (a cell, or several cells the
// editor changed together, e.g. a field and its system of record).
template<typename Model, typename Value> class EditMappingCommand : public QUndoCommand {
public:
    EditMappingCommand(Model *model, qint64 key, Value before, Value after, const QString &text)
        : QUndoCommand(text)
        , m_model(model)
        , m_key(key)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }

    void redo() override { m_model->setMappingAt(m_key, m_after); }
    void undo() override { m_model->setMappingAt(m_key, m_before); }

private:
    Model *m_model;
    qint64 m_key;
    Value m_before;
    Value m_after;
};

// A new row at `row`.
template<typename Model, typename Value> class AddMappingCommand : public QUndoCommand {
public:
    AddMappingCommand(Model *model, int row, qint64 key, Value value, const QString &text)
        : QUndoCommand(text)
        , m_model(model)
        , m_row(row)
        , m_key(key)
        , m_value(std::move(value))
    {
    }

    void redo() override { m_model->insertMapping(m_row, m_key, m_value); }
    void undo() override { m_model->removeMapping(m_key); }

private:
    Model *m_model;
    int m_row;
    qint64 m_key;
    Value m_value;
};

// A row removed; undo puts it back where it was, with its values as they
// were when it was removed.
template<typename Model, typename Value> class RemoveMappingCommand : public QUndoCommand {
public:
    RemoveMappingCommand(Model *model, int row, qint64 key, Value value, const QString &text)
        : QUndoCommand(text)
        , m_model(model)
        , m_row(row)
        , m_key(key)
        , m_value(std::move(value))
    {
    }

    void redo() override { m_model->removeMapping(m_key); }
    void undo() override { m_model->insertMapping(m_row, m_key, m_value); }

private:
    Model *m_model;
    int m_row;
    qint64 m_key;
    Value m_value;
};

} // namespace Concord::Ui
