#include "duplicatechoicecommand.h"

namespace Concord::Ui {

DuplicateChoiceCommand::DuplicateChoiceCommand(DuplicateMergeDraft *draft,
                                               const DuplicateMergeDraft::State &before,
                                               const DuplicateMergeDraft::State &after,
                                               const QString &text)
    : m_draft(draft)
    , m_before(before)
    , m_after(after)
{
    setText(text);
}

void DuplicateChoiceCommand::undo()
{
    if (m_draft)
        m_draft->applyState(m_before);
}

void DuplicateChoiceCommand::redo()
{
    if (m_draft)
        m_draft->applyState(m_after);
}

} // namespace Concord::Ui
