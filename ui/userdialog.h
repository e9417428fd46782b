#pragma once

#include "domain/user.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QFormLayout;
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

    // Team mode (docs/team-users.md): a new person is a PostgreSQL login role
    // and needs a password, typed twice. Ignored when editing — changing a
    // password is AdminCommands::setUserPassword's, not this dialog's.
    void setPasswordRequired(bool required);
    [[nodiscard]] bool isPasswordRequired() const { return m_passwordRequired && isNewUser(); }
    // The password as typed (never trimmed); empty unless isPasswordRequired().
    [[nodiscard]] QString password() const;
    [[nodiscard]] QLineEdit *passwordEdit() const { return m_password; }
    [[nodiscard]] QLineEdit *repeatPasswordEdit() const { return m_repeatPassword; }
    // Why `password` (typed again as `repeated`) cannot be a new person's
    // password, in words; empty when fine.
    [[nodiscard]] static QString passwordProblem(const QString &password, const QString &repeated);
    // PostgreSQL itself takes any length; this is Concord's floor for a
    // credential that opens the shared store from any desktop.
    static constexpr int kMinPasswordLength = 12;

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
    QFormLayout *m_form = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_repeatPassword = nullptr;
    bool m_passwordRequired = false;
    QLabel *m_roleHelp = nullptr;
    QCheckBox *m_active = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_ok = nullptr;
    QStringList m_problems;
};

} // namespace Concord::Ui
