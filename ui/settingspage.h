#pragma once

#include "common/clock.h"
#include "domain/operations.h"
#include "domain/user.h"
#include "services/settingsdata.h"
#include "theme.h"

#include <QUrl>
#include <QWidget>

#include <functional>
#include <map>

class QDialog;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace Concord::Ui {

class UsersTableModel;

// "Settings": the three connections and the people who use Concord.
//
// Connections: one card per system — its state (dot and words), the account,
// where its API is (the base URL, editable, validated as the config loader
// does: https, or http only on loopback), how long the authorization lasts,
// the last successful call and the last error — with Connect… (the browser
// for OAuth systems, a pasted key for the others; "Waiting for the browser…"
// with Cancel while authorising), Test and Disconnect (after a confirmation
// naming what stops syncing).
// Users and roles: the users table with Add user…, Edit… and
// Deactivate/Reactivate, each confirmed; the last active owner cannot lose
// the role or be deactivated (the store refuses it too; the page says so first).
//
// Threading and data flow: GUI thread only; never touches the store, the
// keychain or the network. It shows a Services::SettingsData pushed with
// setData() and asks for everything through signals; the composition root
// runs them through Services::ConnectionCommands / AdminCommands on the sync
// thread (which check the permission again and audit) and answers with the
// show…() slots and a fresh setData(). It never opens a browser itself:
// showAuthorizationUrl() re-emits openUrlRequested() for QDesktopServices.
//
// Permissions: connecting, disconnecting, keys, base URLs and users need
// Permission::ManageUsers (the owner); without it those controls are disabled
// and their tooltips say who may. Testing a connection is open to every role.
class SettingsPage : public QWidget {
    Q_OBJECT
public:
    // Presents each dialog the page opens (confirmations, the key dialog, the
    // user dialog). The page has connected to finished() and set
    // WA_DeleteOnClose before calling it. The default opens it window-modal
    // with QDialog::open() (no nested event loop); tests answer in place.
    using DialogPresenter = std::function<void(QDialog *dialog)>;
    // Relative times ("in 87 days", "12 min ago") follow the clock this often (ms).
    static constexpr int kTimeRefreshMs = 30'000;

    explicit SettingsPage(const Clock &clock = Clock::system(), QWidget *parent = nullptr);
    ~SettingsPage() override;

    void setDialogPresenter(DialogPresenter presenter);

    [[nodiscard]] const Services::SettingsData &data() const { return m_data; }
    [[nodiscard]] bool hasLoaded() const { return m_loaded; }
    [[nodiscard]] Domain::Role role() const { return m_role; }
    // Whether the actor may connect, disconnect, edit base URLs and users.
    [[nodiscard]] bool canManage() const;
    [[nodiscard]] bool isTeamMode() const { return m_teamMode; }
    // "Only an owner can connect services, change where they are, or manage
    // users." — from Security::rolesWith(ManageUsers).
    [[nodiscard]] static QString manageDeniedText();
    // What stops when `system` is disconnected, for the confirmation.
    [[nodiscard]] static QString whatStopsSyncing(Domain::System system);
    // Why `text` cannot be `system`'s base URL (Config::validateBaseUrl), in
    // words; empty when fine.
    [[nodiscard]] static QString baseUrlProblem(Domain::System system, const QString &text);

    // Per card.
    [[nodiscard]] bool isConnecting(Domain::System system) const;
    [[nodiscard]] QPushButton *connectButton(Domain::System system) const;
    [[nodiscard]] QPushButton *cancelButton(Domain::System system) const;
    [[nodiscard]] QPushButton *testButton(Domain::System system) const;
    [[nodiscard]] QPushButton *disconnectButton(Domain::System system) const;
    [[nodiscard]] QLineEdit *baseUrlEdit(Domain::System system) const;
    [[nodiscard]] QPushButton *saveBaseUrlButton(Domain::System system) const;
    // "Connected", "Waiting for the browser…", …
    [[nodiscard]] QString stateText(Domain::System system) const;
    [[nodiscard]] Theme::Tone stateTone(Domain::System system) const;
    [[nodiscard]] QString accountText(Domain::System system) const;
    // "Refresh token expires in 87 days · access token in 42 min".
    [[nodiscard]] QString tokenText(Domain::System system) const;
    [[nodiscard]] QString lastOkText(Domain::System system) const;
    [[nodiscard]] QString lastErrorText(Domain::System system) const;
    // The outcome line under the card's facts (connect, test, key, disconnect).
    [[nodiscard]] QString cardMessage(Domain::System system) const;
    // The base URL field's own message (validation, or the save's outcome).
    [[nodiscard]] QString baseUrlMessage(Domain::System system) const;

    // Users.
    [[nodiscard]] UsersTableModel *usersModel() const { return m_usersModel; }
    [[nodiscard]] QTableView *usersView() const { return m_usersView; }
    [[nodiscard]] QPushButton *addUserButton() const { return m_addUser; }
    [[nodiscard]] QPushButton *editUserButton() const { return m_editUser; }
    [[nodiscard]] QPushButton *deactivateButton() const { return m_deactivate; }
    [[nodiscard]] QPushButton *reloadButton() const { return m_reload; }
    [[nodiscard]] qint64 currentUserId() const;
    bool selectUser(qint64 id);
    // The banner's text (showDone / showFailure); empty when hidden.
    [[nodiscard]] QString messageText() const;

public Q_SLOTS:
    void setData(const Concord::Services::SettingsData &data);
    // Who acts from this desktop; until set, the page is read-only (Viewer).
    void setActor(Concord::Domain::Role role, const QString &username);
    // Team mode (a PostgreSQL store, docs/team-users.md): Add user asks for
    // the new person's password too. The MainWindow sets it from the store
    // status; solo mode (SQLite) by default.
    void setTeamMode(bool teamMode);

    // Answers.
    void showAuthorizationUrl(Concord::Domain::System system, const QUrl &url);
    void showConnectResult(Concord::Domain::System system, bool ok, const QString &message);
    void showTestResult(Concord::Domain::System system, bool ok, const QString &message);
    void showDisconnectResult(Concord::Domain::System system, bool ok, const QString &message);
    void showBaseUrlResult(Concord::Domain::System system, bool ok, const QString &message);
    // A page-level outcome (e.g. a user saved, or refused), in the banner.
    void showFailure(const QString &message);
    void showDone(const QString &message);
    void refreshTimes();

    // What the buttons do (each asks first where it changes something).
    void connectService(Concord::Domain::System system);
    void cancelConnect(Concord::Domain::System system);
    void testService(Concord::Domain::System system);
    void disconnectService(Concord::Domain::System system);
    void saveBaseUrl(Concord::Domain::System system);
    void addUser();
    void editCurrentUser();
    void toggleCurrentUserActive();

Q_SIGNALS:
    void reloadRequested();
    void connectRequested(Concord::Domain::System system);
    void cancelConnectRequested(Concord::Domain::System system);
    // API-key systems: the key the person pasted (never shown again).
    void apiKeyRequested(Concord::Domain::System system, const QString &key);
    void testRequested(Concord::Domain::System system);
    void disconnectRequested(Concord::Domain::System system);
    void baseUrlSaveRequested(Concord::Domain::System system, const QUrl &url);
    // A new user (id 0) or an edited one (id and version as loaded).
    // `password` is the new person's in team mode; empty in solo mode and for
    // every edit. Never log it.
    void saveUserRequested(const Concord::Domain::User &user, const QString &password);
    // The composition root opens it with QDesktopServices::openUrl.
    void openUrlRequested(const QUrl &url);

private:
    enum class Busy { None, Connecting, CheckingKey, Testing, Disconnecting, SavingUrl };
    struct Card {
        QFrame *frame = nullptr;
        QLabel *dot = nullptr;
        QLabel *state = nullptr;
        QLabel *setupNote = nullptr;
        QLabel *account = nullptr;
        QLineEdit *baseUrl = nullptr;
        QPushButton *saveUrl = nullptr;
        QLabel *urlMessage = nullptr;
        QLabel *tokens = nullptr;
        QLabel *lastOk = nullptr;
        QLabel *lastError = nullptr;
        QLabel *message = nullptr;
        QWidget *actions = nullptr;
        QWidget *waiting = nullptr;
        QLabel *waitingText = nullptr;
        QPushButton *openAgain = nullptr;
        QPushButton *connect = nullptr;
        QPushButton *cancel = nullptr;
        QPushButton *test = nullptr;
        QPushButton *disconnect = nullptr;
        Busy busy = Busy::None;
        QUrl authorizationUrl;
        Theme::Tone tone = Theme::Tone::Neutral;
    };

    QFrame *createCard(Domain::System system);
    QWidget *createUsersSection();
    void updateCard(Domain::System system);
    void updateUserActions();
    void setCardMessage(Domain::System system, bool ok, const QString &message);
    void setBusy(Domain::System system, Busy busy);
    void present(QDialog *dialog);
    // A confirmation with a `confirmText` button (objectName confirmButton);
    // `onConfirm` runs when it is chosen.
    void confirm(const QString &title, const QString &text, const QString &confirmText,
                 std::function<void()> onConfirm);
    void askForKey(Domain::System system);
    void openUserDialog(QDialog *dialog);
    void setBanner(const QString &message, Theme::Tone tone);
    [[nodiscard]] Card &card(Domain::System system);
    [[nodiscard]] const Card &card(Domain::System system) const;
    [[nodiscard]] QString relative(const QDateTime &at) const;

    const Clock &m_clock;
    Services::SettingsData m_data;
    bool m_loaded = false;
    Domain::Role m_role = Domain::Role::Viewer;
    QString m_username;
    bool m_teamMode = false;
    DialogPresenter m_presenter;
    std::map<Domain::System, Card> m_cards;

    QPushButton *m_reload = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QLabel *m_roleNotice = nullptr;
    QLabel *m_configNote = nullptr;
    UsersTableModel *m_usersModel = nullptr;
    QSortFilterProxyModel *m_usersProxy = nullptr;
    QTableView *m_usersView = nullptr;
    QPushButton *m_addUser = nullptr;
    QPushButton *m_editUser = nullptr;
    QPushButton *m_deactivate = nullptr;
    QLabel *m_usersNote = nullptr;
};

} // namespace Concord::Ui
