#pragma once

#include "domain/user.h"
#include "review/decisionchecklist.h"
#include "review/integrationmode.h"

#include <QWidget>

#include <functional>
#include <optional>

class QFrame;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace Concord::Ui {

// The go/no-go decision checklist (issue 9), a tab of the Reviews page: the
// eight questions, each with a mark in colour and words (Yes / No / Unknown),
// the evidence Concord read and what would make it yes; the verdict banner;
// the current integration mode and, for an owner, the switch to the other
// mode behind a confirm dialog that says exactly what changes.
//
// Wiring (composition root): evaluateRequested → Review::evaluate on the sync
// thread → setChecklist, or showFailure; the mode is read with the checklist
// (Review::integrationMode → setMode); modeChangeRequested →
// Review::setIntegrationMode(actor, mode, expectedVersion) → setMode, or
// showFailure (a Conflict says someone changed it meanwhile). setActor with
// the signed-in user's role. GUI thread only.
class ChecklistView : public QWidget {
    Q_OBJECT
public:
    explicit ChecklistView(QWidget *parent = nullptr);

    // Asks whether to go ahead (title, text): the default is a QMessageBox;
    // tests answer without a modal dialog.
    using Confirm = std::function<bool(const QString &title, const QString &text)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    // For tests and screen readers.
    [[nodiscard]] QString verdictText() const;
    [[nodiscard]] QString modeText() const;
    [[nodiscard]] QString failureText() const;
    [[nodiscard]] QString placeholderText() const;
    // Question i's card as plain text: mark, question, evidence, "to make it yes".
    [[nodiscard]] QString answerText(int index) const;
    [[nodiscard]] int answerCount() const { return int(m_cards.size()); }
    [[nodiscard]] QPushButton *evaluateButton() const { return m_evaluate; }
    [[nodiscard]] QPushButton *modeButton() const { return m_modeButton; }
    // What the confirm dialog says for switching to `mode`.
    [[nodiscard]] static QString confirmText(Review::IntegrationMode mode);

public Q_SLOTS:
    void setChecklist(const Concord::Review::DecisionChecklist &checklist);
    void setMode(const Concord::Review::IntegrationModeState &state);
    void setActor(Concord::Domain::Role role, const QString &username);
    void showFailure(const QString &message);

Q_SIGNALS:
    void evaluateRequested();
    void modeChangeRequested(Concord::Store::IntegrationMode mode, int expectedVersion);

private:
    struct Card {
        QFrame *frame = nullptr;
        QLabel *mark = nullptr;
        QLabel *question = nullptr;
        QLabel *evidence = nullptr;
        QLabel *toMakeYes = nullptr;
    };
    void requestModeChange();
    void updateModeButton();
    void clearCards();

    Confirm m_confirm;
    Domain::Role m_role = Domain::Role::Viewer;
    QString m_username;
    std::optional<Review::IntegrationModeState> m_mode;
    std::optional<Review::DecisionChecklist> m_checklist;

    QPushButton *m_evaluate = nullptr;
    QFrame *m_failure = nullptr;
    QLabel *m_failureText = nullptr;
    QFrame *m_verdict = nullptr;
    QLabel *m_verdictText = nullptr;
    QLabel *m_modeText = nullptr;
    QPushButton *m_modeButton = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_evaluatedAt = nullptr;
    QVBoxLayout *m_cardsLayout = nullptr;
    QList<Card> m_cards;
};

} // namespace Concord::Ui
