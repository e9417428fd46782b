#include "userdialog.h"

#include "userstablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Concord::Ui {

using Domain::Role;
using Domain::User;

namespace {

// What the operating system calls the account: Concord acts as $USER
// (AdminCommands::actingOsUser), lower-cased.
constexpr int kMaxUsernameLength = 64;

bool isOnlyActiveOwner(const User &user, const QList<User> &everyone)
{
    if (!user.active || user.role != Role::Owner)
        return false;
    for (const User &other : everyone) {
        if (other.id != user.id && other.active && other.role == Role::Owner)
            return false;
    }
    return true;
}

} // namespace

UserDialog::UserDialog(const QList<User> &existing, QWidget *parent)
    : QDialog(parent)
    , m_existing(existing)
{
    m_user.role = Role::Viewer;
    m_user.active = true;
    build();
}

UserDialog::UserDialog(const User &user, const QList<User> &existing, QWidget *parent)
    : QDialog(parent)
    , m_user(user)
    , m_existing(existing)
{
    build();
}

void UserDialog::build()
{
    setObjectName(QStringLiteral("userDialog"));
    setStyleSheet(QStringLiteral("QLineEdit[readOnly=\"true\"] { background: #f0f3f6; color: #3b4852; }"));
    setWindowTitle(isNewUser() ? tr("Add user") : tr("Edit %1").arg(m_user.username));
    setMinimumWidth(460);

    m_username = new QLineEdit(m_user.username, this);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_username->setAccessibleName(tr("Username"));
    m_username->setPlaceholderText(tr("the person's computer account, e.g. dana"));
    m_username->setMaxLength(kMaxUsernameLength);
    m_username->setReadOnly(!isNewUser());
    m_username->setToolTip(isNewUser()
                               ? tr("Concord recognises people by the account they sign in to this computer "
                                    "with: use that account's name.")
                               : tr("A username cannot change: add a new user instead."));

    m_displayName = new QLineEdit(m_user.displayName, this);
    m_displayName->setObjectName(QStringLiteral("displayNameEdit"));
    m_displayName->setAccessibleName(tr("Name"));
    m_displayName->setPlaceholderText(tr("e.g. Dana Fischer"));

    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("roleBox"));
    m_role->setAccessibleName(tr("Role"));
    for (const Role role : UsersTableModel::allRoles()) {
        m_role->addItem(UsersTableModel::roleText(role), int(role));
        m_role->setItemData(m_role->count() - 1, UsersTableModel::roleDescription(role), Qt::ToolTipRole);
    }
    m_roleHelp = new QLabel(this);
    m_roleHelp->setObjectName(QStringLiteral("fieldLabel"));
    m_roleHelp->setWordWrap(true);

    m_active = new QCheckBox(tr("&May use Concord"), this);
    m_active->setObjectName(QStringLiteral("activeBox"));
    m_active->setChecked(m_user.active);
    m_active->setToolTip(tr("A deactivated user keeps their history but can no longer act in Concord."));
    m_active->setVisible(!isNewUser());

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("userDialogMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));

    auto *form = new QFormLayout;
    m_form = form;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Name:"), m_displayName);
    form->addRow(tr("&Role:"), m_role);
    if (!isNewUser())
        form->addRow(QString(), m_active);
    if (isNewUser()) {
        // Built for every new user and shown only in team mode
        // (setPasswordRequired), so the page can decide after construction.
        m_password = new QLineEdit(this);
        m_password->setObjectName(QStringLiteral("passwordEdit"));
        m_password->setAccessibleName(tr("Password"));
        m_password->setEchoMode(QLineEdit::Password);
        m_password->setPlaceholderText(tr("at least %n characters", nullptr, kMinPasswordLength));
        m_password->setToolTip(tr("The person signs in to the shared store with this password. Tell it to "
                                  "them in person; they can change it after signing in."));
        m_repeatPassword = new QLineEdit(this);
        m_repeatPassword->setObjectName(QStringLiteral("repeatPasswordEdit"));
        m_repeatPassword->setAccessibleName(tr("Repeat password"));
        m_repeatPassword->setEchoMode(QLineEdit::Password);
        m_repeatPassword->setPlaceholderText(tr("the same again, to catch a typing slip"));
        form->addRow(tr("&Password:"), m_password);
        form->addRow(tr("Re&peat password:"), m_repeatPassword);
        form->setRowVisible(m_password, false);
        form->setRowVisible(m_repeatPassword, false);
        connect(m_password, &QLineEdit::textChanged, this, &UserDialog::validate);
        connect(m_repeatPassword, &QLineEdit::textChanged, this, &UserDialog::validate);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(isNewUser() ? tr("Add user") : tr("Save"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("confirmButton"));
    m_ok->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isValid())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_roleHelp);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(buttons);

    setRole(m_user.role);
    connect(m_username, &QLineEdit::textChanged, this, &UserDialog::validate);
    connect(m_displayName, &QLineEdit::textChanged, this, &UserDialog::validate);
    connect(m_role, &QComboBox::currentIndexChanged, this, &UserDialog::validate);
    connect(m_active, &QCheckBox::toggled, this, &UserDialog::validate);
    validate();
    if (isNewUser())
        m_username->setFocus();
    else
        m_role->setFocus();
}

void UserDialog::setRole(Role role)
{
    m_role->setCurrentIndex(m_role->findData(int(role)));
}

void UserDialog::setPasswordRequired(bool required)
{
    if (!isNewUser() || required == m_passwordRequired)
        return;
    m_passwordRequired = required;
    m_form->setRowVisible(m_password, required);
    m_form->setRowVisible(m_repeatPassword, required);
    // In team mode the username is the PostgreSQL login the person types at
    // sign-in, not necessarily a computer account.
    m_username->setPlaceholderText(required ? tr("the name they will sign in with, e.g. dana")
                                            : tr("the person's computer account, e.g. dana"));
    m_username->setToolTip(required ? tr("The person signs in to the shared store with this name and their "
                                         "password.")
                                    : tr("Concord recognises people by the account they sign in to this "
                                         "computer with: use that account's name."));
    validate();
    adjustSize();
}

QString UserDialog::password() const
{
    return isPasswordRequired() ? m_password->text() : QString();
}

QString UserDialog::passwordProblem(const QString &password, const QString &repeated)
{
    if (password.isEmpty())
        return tr("Enter a password for the person (at least %n characters).", nullptr, kMinPasswordLength);
    if (password.size() < kMinPasswordLength)
        return tr("The password is too short: use at least %n characters.", nullptr, kMinPasswordLength);
    if (repeated.isEmpty())
        return tr("Repeat the password in the second field.");
    if (repeated != password)
        return tr("The two passwords differ: type the same one twice.");
    return {};
}

User UserDialog::user() const
{
    User u = m_user;
    u.username = m_username->text().trimmed().toLower();
    u.displayName = m_displayName->text().trimmed();
    u.role = Role(m_role->currentData().toInt());
    u.active = isNewUser() ? true : m_active->isChecked();
    return u;
}

QString UserDialog::lastOwnerText(const User &user)
{
    const QString who = user.displayName.isEmpty() ? user.username : user.displayName;
    return tr("%1 is the last active owner: make someone else owner first.").arg(who);
}

QString UserDialog::usernameProblem(const QString &username)
{
    static const QRegularExpression allowed(QStringLiteral("^[a-z0-9_][a-z0-9._-]*$"));
    const QString name = username.trimmed().toLower();
    if (name.isEmpty())
        return tr("Enter the person's username.");
    if (!allowed.match(name).hasMatch())
        return tr("A username has only letters, digits, '.', '_' and '-', like the computer account it names.");
    return {};
}

void UserDialog::validate()
{
    const User u = user();
    m_roleHelp->setText(UsersTableModel::roleDescription(u.role));
    m_problems.clear();
    if (isNewUser()) {
        if (const QString problem = usernameProblem(u.username); !problem.isEmpty())
            m_problems << problem;
        for (const User &other : std::as_const(m_existing)) {
            if (other.username == u.username) {
                m_problems << tr("There is already a user '%1'.").arg(u.username);
                break;
            }
        }
        if (isPasswordRequired()) {
            if (const QString problem = passwordProblem(m_password->text(), m_repeatPassword->text());
                !problem.isEmpty())
                m_problems << problem;
        }
    }
    // The store refuses to leave no active owner; say so before asking.
    if (!isNewUser() && isOnlyActiveOwner(m_user, m_existing) && (u.role != Role::Owner || !u.active))
        m_problems << lastOwnerText(m_user);
    m_message->setText(m_problems.join(QLatin1Char('\n')));
    // A fresh form is not wrong yet: the reason waits in Save's tooltip.
    m_message->setVisible(!m_problems.isEmpty() && !(isNewUser() && m_username->text().isEmpty()));
    m_ok->setEnabled(m_problems.isEmpty());
    m_ok->setToolTip(m_problems.join(QLatin1Char('\n')));
}

} // namespace Concord::Ui
