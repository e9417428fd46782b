#include "duplicatemergedraft.h"

#include "duplicatechoicecommand.h"
#include "duplicatereviewtext.h"

#include <QJsonDocument>
#include <QUndoStack>

namespace Concord::Ui {

using Services::DuplicateReviewItem;
using Services::ReviewCustomer;

namespace {

QString nameOf(const ReviewCustomer &c)
{
    return c.customer.displayName.isEmpty() ? c.customer.id : c.customer.displayName;
}

// The customer whose value a field takes by default: the survivor's, else
// the first one that has a value; -1 when nobody has one.
int defaultChoice(const DuplicateReviewItem &item, int survivor, const QString &field)
{
    if (survivor >= 0 && survivor < item.customers.size()
        && !item.customers.at(survivor).value(field).isEmpty())
        return survivor;
    for (int i = 0; i < item.customers.size(); ++i) {
        if (!item.customers.at(i).value(field).isEmpty())
            return i;
    }
    return -1;
}

} // namespace

DuplicateMergeDraft::DuplicateMergeDraft(const DuplicateReviewItem &item, QObject *parent)
    : QObject(parent)
    , m_item(item)
    , m_state(initialState(item))
    , m_undoStack(new QUndoStack(this))
{
}

DuplicateMergeDraft::State DuplicateMergeDraft::initialState(const DuplicateReviewItem &item)
{
    State s;
    s.survivor = 0;
    for (int i = 0; i < item.customers.size(); ++i) {
        if (item.customers.at(i).customer.id == item.suggestedSurvivorId)
            s.survivor = i;
    }
    for (const QString &field : Identity::kSurvivorFields) {
        const int choice = defaultChoice(item, s.survivor, field);
        if (choice >= 0)
            s.choices.insert(field, choice);
    }
    return s;
}

QString DuplicateMergeDraft::survivorId() const
{
    return m_state.survivor < m_item.customers.size()
        ? m_item.customers.at(m_state.survivor).customer.id
        : QString();
}

int DuplicateMergeDraft::choice(const QString &field) const
{
    return m_state.choices.value(field, -1);
}

QString DuplicateMergeDraft::chosenValue(const QString &field) const
{
    const int i = choice(field);
    return i >= 0 && i < m_item.customers.size() ? m_item.customers.at(i).value(field) : QString();
}

bool DuplicateMergeDraft::differs(const QString &field) const
{
    for (int i = 1; i < m_item.customers.size(); ++i) {
        if (m_item.customers.at(i).value(field) != m_item.customers.at(0).value(field))
            return true;
    }
    return false;
}

void DuplicateMergeDraft::chooseSurvivor(int customer)
{
    if (customer < 0 || customer >= m_item.customers.size() || customer == m_state.survivor)
        return;
    // Keeping another record keeps its values too, where it has them —
    // except those a person picked from a third record.
    State next = m_state;
    next.survivor = customer;
    for (const QString &field : Identity::kSurvivorFields) {
        const int current = m_state.choices.value(field, -1);
        if (current == m_state.survivor || current < 0) {
            const int choice = defaultChoice(m_item, customer, field);
            if (choice >= 0)
                next.choices.insert(field, choice);
        }
    }
    //: Undo history entry, e.g. "Undo keep Dana Whitfield's record"
    m_undoStack->push(new DuplicateChoiceCommand(
        this, m_state, next, tr("keep %1's record").arg(nameOf(m_item.customers.at(customer)))));
}

void DuplicateMergeDraft::chooseValue(const QString &field, int customer)
{
    if (customer < 0 || customer >= m_item.customers.size()
        || !Identity::kSurvivorFields.contains(field))
        return;
    const QString value = m_item.customers.at(customer).value(field);
    if (value.isEmpty() || m_state.choices.value(field, -1) == customer)
        return;
    State next = m_state;
    next.choices.insert(field, customer);
    //: Undo history entry, e.g. "Undo keep email “dana@example.com”"
    m_undoStack->push(new DuplicateChoiceCommand(
        this, m_state, next,
        tr("keep %1 “%2”").arg(DuplicateReviewText::fieldLabel(field).toLower(), value)));
}

void DuplicateMergeDraft::refresh(const DuplicateReviewItem &item)
{
    m_item = item;
    Q_EMIT changed();
}

void DuplicateMergeDraft::applyState(const State &state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT changed();
}

QJsonObject DuplicateMergeDraft::fieldChoices() const
{
    QJsonObject choices;
    for (const QString &field : Identity::kSurvivorFields) {
        const QString value = chosenValue(field);
        if (!value.isEmpty())
            choices.insert(field, value);
    }
    return choices;
}

Domain::MergeProposal DuplicateMergeDraft::proposal() const
{
    return Services::proposalFor(m_item, survivorId(), fieldChoices());
}

Result<Identity::MergePlan> DuplicateMergeDraft::plan() const
{
    // Planned with the choices as they will be sent (only what differs from
    // the survivor's own values), so the preview matches the approval.
    const Domain::MergeProposal p = proposal();
    return Services::previewMerge(m_item, p.survivorId,
                                  QJsonDocument::fromJson(p.fieldChoicesJson.toUtf8()).object());
}

} // namespace Concord::Ui
