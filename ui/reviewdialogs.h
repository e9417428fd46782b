#pragma once

#include "domain/operations.h"
#include "domain/user.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Concord::Ui {

// "Assign owner…": picks who does a review. Offers only active users whose
// role may complete reviews (core refuses the others anyway), the current
// owner preselected, and "Nobody" to clear it. The confirm button
// ("confirmButton") stays disabled until the choice differs from the owner.
class AssignOwnerDialog : public QDialog
{
    Q_OBJECT

public:
    AssignOwnerDialog(Domain::ReviewCadence cadence, const QList<Domain::User> &users, qint64 currentOwnerId,
                      QWidget *parent = nullptr);

    [[nodiscard]] Domain::ReviewCadence cadence() const { return m_cadence; }
    // The chosen user's id; 0 = nobody.
    [[nodiscard]] qint64 selectedUserId() const;
    [[nodiscard]] QComboBox *ownerCombo() const { return m_combo; }
    [[nodiscard]] QPushButton *confirmButton() const { return m_confirm; }

    // The users a review may be given to: active, with Permission::CompleteReviews.
    [[nodiscard]] static QList<Domain::User> eligible(const QList<Domain::User> &users);

private:
    Domain::ReviewCadence m_cadence;
    qint64 m_current = 0;
    QComboBox *m_combo = nullptr;
    QPushButton *m_confirm = nullptr;
};

// "Complete review…": what the review found (a plain-text summary) and a note
// for the audit log. Completing records who and when; the note is optional.
class CompleteReviewDialog : public QDialog
{
    Q_OBJECT

public:
    CompleteReviewDialog(Domain::ReviewCadence cadence, const QString &dueText, const QString &summary,
                         QWidget *parent = nullptr);

    [[nodiscard]] Domain::ReviewCadence cadence() const { return m_cadence; }
    [[nodiscard]] QString note() const;
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QPlainTextEdit *noteEdit() const { return m_note; }
    [[nodiscard]] QPushButton *confirmButton() const { return m_confirm; }

    // Bounded like core's check (ReviewCommands: 2,000 characters).
    static constexpr int kMaxNoteLength = 2000;

private:
    void updateConfirm();

    Domain::ReviewCadence m_cadence;
    QLabel *m_summary = nullptr;
    QLabel *m_noteHint = nullptr;
    QPlainTextEdit *m_note = nullptr;
    QPushButton *m_confirm = nullptr;
};

} // namespace Concord::Ui
