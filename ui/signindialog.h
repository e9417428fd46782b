#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;

namespace Concord::Ui {

// Team mode's sign-in (docs/team-users.md): each person connects to the
// shared PostgreSQL store as themself. The user name comes prefilled from
// `[store] url`; the password is typed here and kept by no one but the open
// connection. Accepting runs `verify` (which tries to sign in and returns ""
// or why it failed, in plain words); on failure the dialog stays open and
// shows the reason under the fields, the password cleared and focused.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    using Verifier = std::function<QString(const QString &user, const QString &password)>;

    // `server`: where the store is, for the heading ("db.example.org:5432/concord").
    SignInDialog(const QString &server, const QString &user, Verifier verify, QWidget *parent = nullptr);

    [[nodiscard]] QString user() const;
    [[nodiscard]] QString password() const;
    // The failure shown, empty while there is none.
    [[nodiscard]] QString errorText() const;

public Q_SLOTS:
    void accept() override;

private:
    Verifier m_verify;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Concord::Ui
