#include "signindialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Concord::Ui {

SignInDialog::SignInDialog(const QString &server, const QString &user, Verifier verify, QWidget *parent)
    : QDialog(parent)
    , m_verify(std::move(verify))
{
    setWindowTitle(tr("Sign in to Concord"));
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("Sign in to the team's store at %1.").arg(server), this);
    heading->setWordWrap(true);
    layout->addWidget(heading);

    auto *form = new QFormLayout;
    m_user = new QLineEdit(user, this);
    m_user->setObjectName(QStringLiteral("signInUser"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Sign-in problem"));
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign In"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    layout->addWidget(buttons);

    // Straight to what is missing: the password when the name is known.
    if (user.isEmpty())
        m_user->setFocus();
    else
        m_password->setFocus();
}

QString SignInDialog::user() const
{
    return m_user->text().trimmed();
}

QString SignInDialog::password() const
{
    return m_password->text();
}

QString SignInDialog::errorText() const
{
    return m_error->text();
}

void SignInDialog::accept()
{
    if (user().isEmpty() || password().isEmpty()) {
        m_error->setText(tr("Enter your user name and password."));
        m_error->show();
        (user().isEmpty() ? m_user : m_password)->setFocus();
        return;
    }
    const QString failure = m_verify ? m_verify(user(), password()) : QString();
    if (!failure.isEmpty()) {
        m_error->setText(failure);
        m_error->show();
        m_password->clear();
        m_password->setFocus();
        return;
    }
    m_error->clear();
    m_error->hide();
    QDialog::accept();
}

} // namespace Concord::Ui
