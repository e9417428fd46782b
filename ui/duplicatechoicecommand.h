#pragma once

#include "duplicatemergedraft.h"

#include <QPointer>
#include <QUndoCommand>

namespace Concord::Ui {

// One choice in a merge draft (which record survives, or whose value of a
// field does): remembers the draft's whole state before and after, so undo
// and redo are exact whatever else the choice moved along.
class DuplicateChoiceCommand : public QUndoCommand {
public:
    DuplicateChoiceCommand(DuplicateMergeDraft *draft, const DuplicateMergeDraft::State &before,
                           const DuplicateMergeDraft::State &after, const QString &text);

    void undo() override;
    void redo() override;

private:
    QPointer<DuplicateMergeDraft> m_draft;
    DuplicateMergeDraft::State m_before;
    DuplicateMergeDraft::State m_after;
};

} // namespace Concord::Ui
