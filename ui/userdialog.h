#pragma once

#include "domain/user.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Concord::Ui {

// Adds a Concord user, or changes one's role, name or whether they may act.
//
// The dialog never saves: the page takes user() on accept() and asks for the
// save. id, version and createdAt pass through unchanged, so an edit updates
// the same row and a stale one is refused by the store. It checks what it
// can see in the snapshot before the core does (which checks again): the
// username's form, that it is not taken, and that the last active owner
// keeps the role — the store refuses a change that leaves no active owner.
// Save stays disabled while something is wrong; its tooltip says what.
class UserDialog : public QDialog {
    Q_OBJECT
public:
    // A new user (role Viewer by default, active).
    explicit UserDialog(const QList<Domain::User> &existing, QWidget *parent = nullptr);
    // Editing `user` (its username cannot change).
    UserDialog(const Domain::User &user, const QList<Domain::User> &existing, QWidget *parent = nullptr);

    [[nodiscard]] bool isNewUser() const { return m_user.id == 0; }
    // The user as edited: username trimmed and lower-case.
    [[nodiscard]] Domain::User user() const;

    [[nodiscard]] QLineEdit *usernameEdit() const { return m_username; }
    [[nodiscard]] QLineEdit *displayNameEdit() const { return m_displayName; }
    [[nodiscard]] QComboBox *roleBox() const { return m_role; }
    [[nodiscard]] QCheckBox *activeBox() const { return m_active; }
    [[nodiscard]] QPushButton *okButton() const { return m_ok; }
    // Picks `role` in the role box.
    void setRole(Domain::Role role);

    [[nodiscard]] bool isValid() const { return m_problems.isEmpty(); }
    [[nodiscard]] QStringList problems() const { return m_problems; }

    // "Olivia is the last active owner: make someone else owner first." —
    // also used by the page for Deactivate.
    [[nodiscard]] static QString lastOwnerText(const Domain::User &user);
    // Why `username` cannot be a Concord username, in words; empty when fine.
    [[nodiscard]] static QString usernameProblem(const QString &username);

private:
    void build();
    void validate();

    Domain::User m_user;
    QList<Domain::User> m_existing;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_displayName = nullptr;
    QComboBox *m_role = nullptr;
    QLabel *m_roleHelp = nullptr;
    QCheckBox *m_active = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_ok = nullptr;
    QStringList m_problems;
};

} // namespace Concord::Ui
