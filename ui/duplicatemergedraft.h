#pragma once

#include "services/identitydata.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>

class QUndoStack;

namespace Concord::Ui {

// The merge an office manager is putting together for one duplicate
// candidate: which customer's record survives, and for each survivor field
// (Identity::kSurvivorFields) whose value it keeps. Every choice is a
// QUndoCommand on undoStack() (style.md: merge review edits are undoable);
// "Propose merge" sends the draft as one proposal (proposal()).
//
// Choices are stored as "the value of customer i", so they stay meaningful
// when the survivor changes. A field only some customers have a value for
// defaults to the survivor's value, else the first customer's that has one.
class DuplicateMergeDraft : public QObject {
    Q_OBJECT
public:
    struct State {
        int survivor = 0; // index into the item's customers
        QHash<QString, int> choices; // survivor field → index of the customer whose value survives
        friend bool operator==(const State &, const State &) = default;
    };

    // `item` must outlive nothing: the draft keeps its own copy.
    explicit DuplicateMergeDraft(const Services::DuplicateReviewItem &item,
                                 QObject *parent = nullptr);

    [[nodiscard]] const Services::DuplicateReviewItem &item() const { return m_item; }
    [[nodiscard]] QUndoStack *undoStack() const { return m_undoStack; }
    [[nodiscard]] const State &state() const { return m_state; }
    [[nodiscard]] int survivor() const { return m_state.survivor; }
    [[nodiscard]] QString survivorId() const;
    // Index of the customer whose value of `field` survives (-1: nobody has one).
    [[nodiscard]] int choice(const QString &field) const;
    // The surviving value of `field`.
    [[nodiscard]] QString chosenValue(const QString &field) const;
    // Whether the customers' values of `field` differ (a choice matters).
    [[nodiscard]] bool differs(const QString &field) const;

    // Pushes an undoable command; no-op when nothing would change or the
    // index is out of range (or that customer has no value for `field`).
    void chooseSurvivor(int customer);
    void chooseValue(const QString &field, int customer);

    // The choices as core takes them: field → surviving value, for every
    // field someone has a value for (proposalFor() drops those equal to the
    // survivor's own).
    [[nodiscard]] QJsonObject fieldChoices() const;
    [[nodiscard]] Domain::MergeProposal proposal() const;
    // What approving the proposal would do (Services::previewMerge).
    [[nodiscard]] Result<Identity::MergePlan> plan() const;

    // The state a fresh draft starts from: the suggested survivor and its values.
    [[nodiscard]] static State initialState(const Services::DuplicateReviewItem &item);

    // A fresh snapshot of the same item (same customers, in the same order):
    // the choices stay, the values and links are the new ones.
    void refresh(const Services::DuplicateReviewItem &item);

    // Applies `state` as is (for the undo commands).
    void applyState(const State &state);

Q_SIGNALS:
    void changed();

private:
    Services::DuplicateReviewItem m_item;
    State m_state;
    QUndoStack *m_undoStack = nullptr;
};

} // namespace Concord::Ui
