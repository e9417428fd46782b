// The Settings page: connection cards (connect, cancel, test, disconnect,
// keys, base URLs), the users table and its dialogs, permissions, keyboard
// and a render for review.

#include "settingspage.h"
#include "theme.h"
#include "userdialog.h"
#include "userstablemodel.h"

#include "common/clock.h"
#include "domainprinters.h"
#include "security/permissions.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

using Concord::ManualClock;
using Concord::Domain::Connection;
using Concord::Domain::ConnectionState;
using Concord::Domain::Role;
using Concord::Domain::System;
using Concord::Domain::User;
using Concord::Services::AuthKind;
using Concord::Services::ServiceSetup;
using Concord::Services::SettingsData;
using namespace Concord::Ui;

Q_DECLARE_METATYPE(Concord::Domain::System)
Q_DECLARE_METATYPE(Concord::Domain::User)
Q_DECLARE_METATYPE(Concord::Domain::Role)

namespace {

const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-03-28T12:00:00Z"), Qt::ISODate);

User user(qint64 id, const QString &username, const QString &name, Role role, bool active = true)
{
    User u;
    u.id = id;
    u.username = username;
    u.displayName = name;
    u.role = role;
    u.active = active;
    u.version = 3;
    u.createdAt = kNow.addDays(-200);
    return u;
}

SettingsData sampleData()
{
    SettingsData data;
    Connection qbo;
    qbo.system = System::QuickBooks;
    qbo.state = ConnectionState::Connected;
    qbo.accountLabel = QStringLiteral("4620816365000001");
    qbo.baseUrl = QStringLiteral("https://quickbooks.api.intuit.com");
    qbo.refreshIssuedAt = kNow.addDays(-14);
    qbo.refreshExpiresAt = kNow.addDays(87).addSecs(3600);
    qbo.accessExpiresAt = kNow.addSecs(42 * 60 + 10);
    qbo.lastOkAt = kNow.addSecs(-5 * 60);
    Connection hubspot;
    hubspot.system = System::HubSpot;
    hubspot.state = ConnectionState::Error;
    hubspot.accountLabel = QStringLiteral("portal 21634893");
    hubspot.baseUrl = QStringLiteral("https://api.hubapi.com");
    hubspot.lastOkAt = kNow.addDays(-3);
    hubspot.lastError = QStringLiteral("HubSpot did not accept Concord's credentials: HubSpot refused the "
                                       "private-app token (HUBSPOT_TOKEN): replace it.");
    Connection cal;
    cal.system = System::CalCom;
    cal.state = ConnectionState::NotConfigured;
    data.connections = {qbo, hubspot, cal};
    data.services = {
        ServiceSetup{System::QuickBooks, AuthKind::OAuth, QUrl(QStringLiteral("https://quickbooks.api.intuit.com")), {}},
        ServiceSetup{System::HubSpot, AuthKind::ApiKey, QUrl(QStringLiteral("https://api.hubapi.com")), {}},
        ServiceSetup{System::CalCom, AuthKind::ApiKey, QUrl(QStringLiteral("https://api.cal.com")), {}},
    };
    User olivia = user(1, QStringLiteral("olivia"), QStringLiteral("Olivia Hart"), Role::Owner);
    olivia.lastSignInAt = kNow.addSecs(-3600);
    data.users = {
        olivia,
        user(2, QStringLiteral("mona"), QStringLiteral("Mona Reyes"), Role::OfficeManager),
        user(3, QStringLiteral("bea"), QStringLiteral("Bea Lindqvist"), Role::Bookkeeper),
        user(4, QStringLiteral("sam"), QStringLiteral("Sam Ortiz"), Role::Viewer, false),
    };
    data.configPath = QStringLiteral("/home/olivia/.config/Concord/concord.ini");
    return data;
}

// Answers the page's dialogs in place: keeps the last one presented.
class DialogCatcher {
public:
    explicit DialogCatcher(SettingsPage &page)
    {
        page.setDialogPresenter([this](QDialog *dialog) {
            m_last = dialog;
            ++m_count;
        });
    }
    [[nodiscard]] QDialog *last() const { return m_last; }
    [[nodiscard]] int count() const { return m_count; }
    [[nodiscard]] QPushButton *confirm() const
    {
        return m_last ? m_last->findChild<QPushButton *>(QStringLiteral("confirmButton")) : nullptr;
    }

private:
    QPointer<QDialog> m_last;
    int m_count = 0;
};

void load(SettingsPage &page, Role role = Role::Owner, const QString &who = QStringLiteral("olivia"))
{
    page.setActor(role, who);
    page.setData(sampleData());
}

} // namespace

class TestSettingsPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        Theme::initResources();
        auto *english = new QTranslator(this);
        QVERIFY(english->load(QStringLiteral(":/i18n/concord_en.qm")));
        QCoreApplication::installTranslator(english);
    }

    void usersModelPassesTester()
    {
        UsersTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setUsers(sampleData().users);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(UsersTableModel::ColumnCount));
        model.setUsers({});
        QCOMPARE(model.rowCount(), 0);
        model.setUsers(sampleData().users.mid(1, 2));
        QCOMPARE(model.rowCount(), 2);
        model.setUsers(sampleData().users);

        const QModelIndex mona = model.index(1, UsersTableModel::RoleName);
        QCOMPARE(mona.data().toString(), QStringLiteral("Office manager"));
        QCOMPARE(mona.data(UsersTableModel::IdRole).toLongLong(), qint64(2));
        QCOMPARE(mona.data(UsersTableModel::RoleRole).toInt(), int(Role::OfficeManager));
        QVERIFY(!mona.data(Qt::ToolTipRole).toString().isEmpty());
        QCOMPARE(model.index(3, UsersTableModel::Status).data().toString(), QStringLiteral("Deactivated"));
        QCOMPARE(model.index(3, UsersTableModel::Status).data(UsersTableModel::ActiveRole).toBool(), false);
        QCOMPARE(model.index(1, UsersTableModel::LastSignIn).data().toString(), QStringLiteral("never"));
        QVERIFY(model.index(0, UsersTableModel::LastSignIn).data().toString().startsWith(QStringLiteral("2026-03-28")));
        QCOMPARE(model.headerData(UsersTableModel::Username, Qt::Horizontal).toString(), QStringLiteral("Username"));
        QCOMPARE(model.activeOwnerCount(), 1);
        QCOMPARE(model.rowForUser(4), 3);
        QVERIFY(!model.user(99));
    }

    void cardsShowTheConnections()
    {
        ManualClock clock(kNow);
        SettingsPage page(clock);
        QCOMPARE(page.stateText(System::QuickBooks), QStringLiteral("Checking…"));
        QVERIFY(!page.connectButton(System::QuickBooks)->isEnabled()); // nothing known yet
        load(page);
        QCOMPARE(page.stateText(System::QuickBooks), QStringLiteral("Connected"));
        QCOMPARE(int(page.stateTone(System::QuickBooks)), int(Theme::Tone::Good));
        QCOMPARE(page.accountText(System::QuickBooks), QStringLiteral("4620816365000001"));
        QVERIFY2(page.tokenText(System::QuickBooks).startsWith(QStringLiteral("Refresh token expires in 87 days")),
                 qPrintable(page.tokenText(System::QuickBooks)));
        QVERIFY2(page.tokenText(System::QuickBooks).contains(QStringLiteral("Access token expires in 42 min")),
                 qPrintable(page.tokenText(System::QuickBooks)));
        QVERIFY(page.lastOkText(System::QuickBooks).startsWith(QStringLiteral("5 min ago")));
        QCOMPARE(page.lastErrorText(System::QuickBooks), QStringLiteral("none"));
        QCOMPARE(page.connectButton(System::QuickBooks)->text(), QStringLiteral("Reconnect…"));

        QCOMPARE(page.stateText(System::HubSpot), QStringLiteral("Error"));
        QCOMPARE(int(page.stateTone(System::HubSpot)), int(Theme::Tone::Bad));
        QVERIFY(page.lastErrorText(System::HubSpot).contains(QStringLiteral("private-app token")));
        QCOMPARE(page.connectButton(System::HubSpot)->text(), QStringLiteral("Replace key…"));

        QCOMPARE(page.stateText(System::CalCom), QStringLiteral("Not connected yet"));
        QCOMPARE(page.connectButton(System::CalCom)->text(), QStringLiteral("Enter key…"));
        QVERIFY(!page.disconnectButton(System::CalCom)->isEnabled()); // nothing to disconnect
        QCOMPARE(page.baseUrlEdit(System::CalCom)->text(), QStringLiteral("https://api.cal.com"));

        // Time moves on: the relative times follow the clock.
        clock.setNow(kNow.addSecs(30 * 60));
        page.refreshTimes();
        QVERIFY(page.lastOkText(System::QuickBooks).startsWith(QStringLiteral("35 min ago")));
        QVERIFY(page.tokenText(System::QuickBooks).contains(QStringLiteral("Access token expires in 12 min")));
        clock.setNow(kNow.addDays(88));
        page.refreshTimes();
        QVERIFY2(page.tokenText(System::QuickBooks).startsWith(QStringLiteral("Refresh token expired")),
                 qPrintable(page.tokenText(System::QuickBooks)));

        // A system that is not set up says what to fix, and cannot be connected.
        SettingsData missing = sampleData();
        missing.services[0].setupProblem = QStringLiteral("[quickbooks] client_id is not set in /x/concord.ini");
        page.setData(missing);
        QVERIFY(!page.connectButton(System::QuickBooks)->isEnabled());
        QCOMPARE(page.connectButton(System::QuickBooks)->toolTip(), missing.services[0].setupProblem);
    }

    // Connect: asks, waits for the browser (with Cancel), opens the page
    // through the root, and shows the answer.
    void connectFlow()
    {
        ManualClock clock(kNow);
        SettingsPage page(clock);
        load(page);
        QSignalSpy asked(&page, &SettingsPage::connectRequested);
        QSignalSpy open(&page, &SettingsPage::openUrlRequested);
        QSignalSpy cancel(&page, &SettingsPage::cancelConnectRequested);
        QSignalSpy reload(&page, &SettingsPage::reloadRequested);

        page.connectButton(System::QuickBooks)->click();
        QCOMPARE(asked.size(), 1);
        QCOMPARE_NAMES(asked.at(0).at(0).value<System>(), System::QuickBooks);
        QVERIFY(page.isConnecting(System::QuickBooks));
        QCOMPARE(page.stateText(System::QuickBooks), QStringLiteral("Waiting for the browser…"));
        QCOMPARE(int(page.stateTone(System::QuickBooks)), int(Theme::Tone::Info));
        QVERIFY(page.cancelButton(System::QuickBooks)->isVisibleTo(&page));
        QVERIFY(!page.connectButton(System::QuickBooks)->isVisibleTo(&page));
        // The other cards carry on.
        QVERIFY(page.testButton(System::HubSpot)->isEnabled());

        const QUrl address(QStringLiteral("https://appcenter.intuit.com/connect/oauth2?client_id=x&state=abc"));
        page.showAuthorizationUrl(System::QuickBooks, address);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.at(0).at(0).toUrl(), address);
        // "Open the page again" asks once more.
        const QList<QPushButton *> buttons = page.findChildren<QPushButton *>();
        QPushButton *openAgain = nullptr;
        for (QPushButton *b : buttons)
            if (b->accessibleName() == QStringLiteral("Open the QuickBooks Online sign-in page again"))
                openAgain = b;
        QVERIFY(openAgain && openAgain->isEnabled());
        openAgain->click();
        QCOMPARE(open.size(), 2);

        page.cancelButton(System::QuickBooks)->click();
        QCOMPARE(cancel.size(), 1);
        QCOMPARE_NAMES(cancel.at(0).at(0).value<System>(), System::QuickBooks);
        page.showConnectResult(System::QuickBooks, false, QStringLiteral("Connecting QuickBooks Online was canceled."));
        QVERIFY(!page.isConnecting(System::QuickBooks));
        QCOMPARE(page.stateText(System::QuickBooks), QStringLiteral("Connected"));
        QCOMPARE(page.cardMessage(System::QuickBooks), QStringLiteral("Connecting QuickBooks Online was canceled."));
        QVERIFY(page.connectButton(System::QuickBooks)->isVisibleTo(&page));
        QCOMPARE(reload.size(), 0);

        page.connectButton(System::QuickBooks)->click();
        QCOMPARE(asked.size(), 2);
        QCOMPARE(page.cardMessage(System::QuickBooks), QString()); // the old outcome is gone
        page.showConnectResult(System::QuickBooks, true, QStringLiteral("QuickBooks Online is connected (4620816365000001)."));
        QCOMPARE(page.cardMessage(System::QuickBooks), QStringLiteral("QuickBooks Online is connected (4620816365000001)."));
        QCOMPARE(reload.size(), 1); // fresh facts for the card
    }

    void testResultShown()
    {
        ManualClock clock(kNow);
        SettingsPage page(clock);
        load(page, Role::Viewer, QStringLiteral("vic")); // any role may test
        QSignalSpy asked(&page, &SettingsPage::testRequested);
        QVERIFY(page.testButton(System::HubSpot)->isEnabled());
        page.testButton(System::HubSpot)->click();
        QCOMPARE(asked.size(), 1);
        QCOMPARE_NAMES(asked.at(0).at(0).value<System>(), System::HubSpot);
        QCOMPARE(page.stateText(System::HubSpot), QStringLiteral("Testing…"));
        QVERIFY(!page.testButton(System::HubSpot)->isEnabled()); // one at a time
        page.testButton(System::HubSpot)->click();
        QCOMPARE(asked.size(), 1);

        const QString why = QStringLiteral("HubSpot did not accept Concord's credentials: bad token. Enter a new key.");
        page.showTestResult(System::HubSpot, false, why);
        QCOMPARE(page.cardMessage(System::HubSpot), why);
        QCOMPARE(page.stateText(System::HubSpot), QStringLiteral("Error"));
        QVERIFY(page.testButton(System::HubSpot)->isEnabled());
        page.testButton(System::HubSpot)->click();
        page.showTestResult(System::HubSpot, true, QStringLiteral("HubSpot answered: portal 21634893."));
        QCOMPARE(page.cardMessage(System::HubSpot), QStringLiteral("HubSpot answered: portal 21634893."));
    }

    void disconnectAsksFirst()
    {
        ManualClock clock(kNow);
        SettingsPage page(clock);
        DialogCatcher dialogs(page);
        load(page);
        QSignalSpy asked(&page, &SettingsPage::disconnectRequested);

        page.disconnectButton(System::QuickBooks)->click();
        QCOMPARE(dialogs.count(), 1);
        auto *box = qobject_cast<QMessageBox *>(dialogs.last());
        QVERIFY(box);
        QVERIFY(box->text().contains(SettingsPage::whatStopsSyncing(System::QuickBooks)));
        QVERIFY(box->text().contains(QStringLiteral("Invoices, payments")));
        QVERIFY(box->defaultButton() != dialogs.confirm()); // Enter cancels
        box->reject();
        QCOMPARE(asked.size(), 0);

        page.disconnectButton(System::QuickBooks)->click();
        QCOMPARE(dialogs.count(), 2);
        dialogs.confirm()->click();
        QCOMPARE(asked.size(), 1);
        QCOMPARE_NAMES(asked.at(0).at(0).value<System>(), System::QuickBooks);
        QCOMPARE(page.stateText(System::QuickBooks), QStringLiteral("Disconnecting…"));
        page.showDisconnectResult(System::QuickBooks, true, QStringLiteral("QuickBooks Online is disconnected."));
        QCOMPARE(page.cardMessage(System::QuickBooks), QStringLiteral("QuickBooks Online is disconnected."));
    }

    void apiKeyIsAskedFor()
    {
        ManualClock clock(kNow);
        SettingsPage page(clock);
        DialogCatcher dialogs(page);
        load(page);
        QSignalSpy key(&page, &SettingsPage::apiKeyRequested);
        QSignalSpy browser(&page, &SettingsPage::connectRequested);

        page.connectButton(System::CalCom)->click();
        QCOMPARE(browser.size(), 0); // a key, not the browser
        QCOMPARE(dialogs.count(), 1);
        QCOMPARE(dialogs.last()->objectName(), QStringLiteral("apiKeyDialog"));
        auto *edit = dialogs.last()->findChild<QLineEdit *>(QStringLiteral("apiKeyEdit"));
        QVERIFY(edit);
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QVERIFY(!dialogs.confirm()->isEnabled());
        QTest::keyClicks(edit, QStringLiteral(" cal_live_123 "));
        QVERIFY(dialogs.confirm()->isEnabled());
        dialogs.confirm()->click();
        QCOMPARE(key.size(), 1);
        QCOMPARE_NAMES(key.at(0).at(0).value<System>(), System::CalCom);
        QCOMPARE(key.at(0).at(1).toString(), QStringLiteral("cal_live_123"));
        QCOMPARE(page.stateText(System::CalCom), QStringLiteral("Checking the key…"));
        page.showConnectResult(System::CalCom, false, QStringLiteral("Cal.com did not accept this key"));
        QCOMPARE(page.cardMessage(System::CalCom), QStringLiteral("Cal.com did not accept this key"));
        QCOMPARE(page.stateText(System::CalCom), QStringLiteral("Not connected yet"));
    }

    void baseUrlValidation_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem"); // empty: accepted
        QTest::newRow("https") << QStringLiteral("https://sandbox-quickbooks.api.intuit.com") << QString();
        QTest::newRow("loopback http") << QStringLiteral("http://127.0.0.1:8711") << QString();
        QTest::newRow("localhost http") << QStringLiteral("http://localhost:8711/v3") << QString();
        QTest::newRow("plain http") << QStringLiteral("http://quickbooks.example.com")
                                    << QStringLiteral("Plain http is only allowed on this computer");
        QTest::newRow("no scheme") << QStringLiteral("quickbooks.api.intuit.com")
                                   << QStringLiteral("is not a web address");
        QTest::newRow("ftp") << QStringLiteral("ftp://files.example.com") << QStringLiteral("must start with https://");
        QTest::newRow("password") << QStringLiteral("https://me:secret@api.example.com")
                                  << QStringLiteral("must not contain a user name or password");
        QTest::newRow("query") << QStringLiteral("https://api.example.com/?x=1") << QStringLiteral("'?' or '#'");
        QTest::newRow("empty") << QString() << QStringLiteral("Enter the address");
    }

    void baseUrlValidation()
    {
        QFETCH(QString, text);
        QFETCH(QString, problem);
        ManualClock clock(kNow);
        SettingsPage page(clock);
        load(page);
        QSignalSpy save(&page, &SettingsPage::baseUrlSaveRequested);
        QLineEdit *edit = page.baseUrlEdit(System::QuickBooks);
        QVERIFY(!page.saveBaseUrlButton(System::QuickBooks)->isEnabled()); // nothing changed yet
        edit->selectAll();
        QTest::keyClicks(edit, text);
        if (text.isEmpty())
            QTest::keyClick(edit, Qt::Key_Delete);
        if (!problem.isEmpty()) {
            QVERIFY2(page.baseUrlMessage(System::QuickBooks).contains(problem),
                     qPrintable(page.baseUrlMessage(System::QuickBooks)));
            QVERIFY(!page.saveBaseUrlButton(System::QuickBooks)->isEnabled());
            QVERIFY(page.saveBaseUrlButton(System::QuickBooks)->toolTip().contains(problem));
            QTest::keyClick(edit, Qt::Key_Return); // Enter does not save either
            QCOMPARE(save.size(), 0);
            return;
        }
        QCOMPARE(page.baseUrlMessage(System::QuickBooks), QString());
        QVERIFY(page.saveBaseUrlButton(System::QuickBooks)->isEnabled());
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(save.size(), 1);
        QCOMPARE_NAMES(save.at(0).at(0).value<System>(), System::QuickBooks);
        QCOMPARE(save.at(0).at(1).toUrl(), QUrl(text));
        page.showBaseUrlResult(System::QuickBooks, true, QStringLiteral("QuickBooks Online is now reached at %1.").arg(text));
        QVERIFY(page.baseUrlMessage(System::QuickBooks).contains(text));
    }

    // The owner adds a user: the dialog is answered, the page asks for
    // exactly that user.
    void ownerAddsAUser()
    {
        ManualClock clock(kNow);
        SettingsPage page(clock);
        DialogCatcher dialogs(page);
        load(page);
        QSignalSpy save(&page, &SettingsPage::saveUserRequested);
        QVERIFY(page.addUserButton()->isEnabled());
        page.addUserButton()->click();
        QCOMPARE(dialogs.count(), 1);
        auto *dialog = qobject_cast<UserDialog *>(dialogs.last());
        QVERIFY(dialog);
        QVERIFY(dialog->isNewUser());
        QVERIFY(!dialog->okButton()->isEnabled()); // no username yet

        QTest::keyClicks(dialog->usernameEdit(), QStringLiteral("mona"));
        QVERIFY(!dialog->okButton()->isEnabled()); // taken
        QVERIFY(dialog->problems().join(QString()).contains(QStringLiteral("already a user 'mona'")));
        dialog->usernameEdit()->clear();
        QTest::keyClicks(dialog->usernameEdit(), QStringLiteral("Dana Fischer"));
        QVERIFY(!dialog->okButton()->isEnabled()); // a space is no username
        dialog->usernameEdit()->clear();
        QTest::keyClicks(dialog->usernameEdit(), QStringLiteral("Dana"));
        QTest::keyClicks(dialog->displayNameEdit(), QStringLiteral("Dana Fischer"));
        dialog->setRole(Role::OfficeManager);
        QVERIFY(dialog->okButton()->isEnabled());
        dialog->okButton()->click();

        QCOMPARE(save.size(), 1);
        const User asked = save.at(0).at(0).value<User>();
        QCOMPARE(asked.id, qint64(0));
        QCOMPARE(asked.username, QStringLiteral("dana")); // lower-case, like the OS account
        QCOMPARE(asked.displayName, QStringLiteral("Dana Fischer"));
        QCOMPARE_NAMES(asked.role, Role::OfficeManager);
        QCOMPARE(asked.active, true);
        QCOMPARE(save.at(0).at(1).toString(), QString()); // solo mode: no password
        page.showDone(QStringLiteral("Dana Fischer was added as an office manager."));
        QCOMPARE(page.messageText(), QStringLiteral("Dana Fischer was added as an office manager."));
    }

    // Team mode (a PostgreSQL store): only a NEW user's dialog asks for a
    // password, typed twice and hidden as typed; solo mode never asks.
    void passwordFieldsOnlyForANewUserInTeamMode_data()
    {
        QTest::addColumn<bool>("teamMode");
        QTest::addColumn<bool>("newUser");
        QTest::addColumn<bool>("asks");
        QTest::newRow("team, new user") << true << true << true;
        QTest::newRow("team, editing") << true << false << false;
        QTest::newRow("solo, new user") << false << true << false;
        QTest::newRow("solo, editing") << false << false << false;
    }
    void passwordFieldsOnlyForANewUserInTeamMode()
    {
        QFETCH(bool, teamMode);
        QFETCH(bool, newUser);
        QFETCH(bool, asks);
        ManualClock clock(kNow);
        SettingsPage page(clock);
        DialogCatcher dialogs(page);
        load(page);
        page.setTeamMode(teamMode);
        QCOMPARE(page.isTeamMode(), teamMode);
        if (newUser) {
            page.addUserButton()->click();
        } else {
            QVERIFY(page.selectUser(3)); // bea
            page.editUserButton()->click();
        }
        auto *dialog = qobject_cast<UserDialog *>(dialogs.last());
        QVERIFY(dialog);
        QCOMPARE(dialog->isPasswordRequired(), asks);
        const auto edits = dialog->findChildren<QLineEdit *>();
        const auto shown = [&](const QString &name) {
            for (QLineEdit *edit : edits) {
                if (edit->objectName() == name && edit->isVisibleTo(dialog))
                    return true;
            }
            return false;
        };
        QCOMPARE(shown(QStringLiteral("passwordEdit")), asks);
        QCOMPARE(shown(QStringLiteral("repeatPasswordEdit")), asks);
        // Their labels go with them (a hidden field leaves no orphan label).
        bool labelShown = false;
        for (QLabel *label : dialog->findChildren<QLabel *>()) {
            if (label->text().contains(QStringLiteral("assword")) && label->isVisibleTo(dialog))
                labelShown = true;
        }
        QCOMPARE(labelShown, asks);
        if (asks) {
            QCOMPARE(dialog->passwordEdit()->echoMode(), QLineEdit::Password);
            QCOMPARE(dialog->repeatPasswordEdit()->echoMode(), QLineEdit::Password);
        }
        QCOMPARE(dialog->password(), QString());
    }

    // Save stays disabled, with the reason in its tooltip and the message,
    // until the password is long enough and typed the same twice.
    void teamModeRefusesWeakOrMismatchedPasswords_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("repeated");
        QTest::addColumn<QString>("problem"); // empty: Save is enabled
        QTest::newRow("empty") << QString() << QString() << QStringLiteral("Enter a password");
        QTest::newRow("11 characters") << QStringLiteral("abcdefghijk") << QStringLiteral("abcdefghijk")
                                       << QStringLiteral("too short");
        QTest::newRow("not repeated") << QStringLiteral("long enough pass") << QString()
                                      << QStringLiteral("Repeat the password");
        QTest::newRow("differ") << QStringLiteral("long enough pass") << QStringLiteral("long enough pasS")
                                << QStringLiteral("differ");
        QTest::newRow("12 characters") << QStringLiteral("abcdefghijkl") << QStringLiteral("abcdefghijkl")
                                       << QString();
        // Spaces count: a password is never trimmed.
        QTest::newRow("spaces kept") << QStringLiteral(" correct horse ") << QStringLiteral(" correct horse ")
                                     << QString();
    }
    void teamModeRefusesWeakOrMismatchedPasswords()
    {
        QFETCH(QString, password);
        QFETCH(QString, repeated);
        QFETCH(QString, problem);
        ManualClock clock(kNow);
        SettingsPage page(clock);
        DialogCatcher dialogs(page);
        load(page);
        page.setTeamMode(true);
        QSignalSpy save(&page, &SettingsPage::saveUserRequested);
        page.addUserButton()->click();
        auto *dialog = qobject_cast<UserDialog *>(dialogs.last());
        QVERIFY(dialog);
        QTest::keyClicks(dialog->usernameEdit(), QStringLiteral("dana"));
        QTest::keyClicks(dialog->passwordEdit(), password);
        QTest::keyClicks(dialog->repeatPasswordEdit(), repeated);
        auto *message = dialog->findChild<QLabel *>(QStringLiteral("userDialogMessage"));
        QVERIFY(message);
        if (problem.isEmpty()) {
            QVERIFY2(dialog->isValid(), qPrintable(dialog->problems().join(QLatin1Char('\n'))));
            QVERIFY(dialog->okButton()->isEnabled());
            QVERIFY(!message->isVisibleTo(dialog));
            QCOMPARE(dialog->password(), password);
        } else {
            QVERIFY(!dialog->okButton()->isEnabled());
            QVERIFY2(dialog->okButton()->toolTip().contains(problem), qPrintable(dialog->okButton()->toolTip()));
            QVERIFY(message->isVisibleTo(dialog));
            QVERIFY2(message->text().contains(problem), qPrintable(message->text()));
            // Return does not get round a disabled Save.
            QTest::keyClick(dialog->repeatPasswordEdit(), Qt::Key_Return);
            QCOMPARE(save.size(), 0);
        }
    }

    // The page asks for the new person with the password typed; an edit and
    // solo mode carry none.
    void teamModeSaveCarriesThePassword()
    {
        ManualClock clock(kNow);
        SettingsPage page(clock);
        DialogCatcher dialogs(page);
        load(page);
        page.setTeamMode(true);
        QSignalSpy save(&page, &SettingsPage::saveUserRequested);
        page.addUserButton()->click();
        auto *dialog = qobject_cast<UserDialog *>(dialogs.last());
        QVERIFY(dialog);
        QTest::keyClicks(dialog->usernameEdit(), QStringLiteral("Dana"));
        QTest::keyClicks(dialog->displayNameEdit(), QStringLiteral("Dana Fischer"));
        dialog->setRole(Role::Bookkeeper);
        const QString secret = QStringLiteral("tr0ub4dor & 3");
        QTest::keyClicks(dialog->passwordEdit(), secret);
        QTest::keyClicks(dialog->repeatPasswordEdit(), secret);
        QVERIFY(dialog->okButton()->isEnabled());
        dialog->okButton()->click();
        QCOMPARE(save.size(), 1);
        const User asked = save.at(0).at(0).value<User>();
        QCOMPARE(asked.id, qint64(0));
        QCOMPARE(asked.username, QStringLiteral("dana"));
        QCOMPARE_NAMES(asked.role, Role::Bookkeeper);
        QCOMPARE(save.at(0).at(1).toString(), secret);

        // Editing in team mode: no password travels.
        QVERIFY(page.selectUser(3)); // bea
        page.editUserButton()->click();
        dialog = qobject_cast<UserDialog *>(dialogs.last());
        QVERIFY(dialog && !dialog->isNewUser());
        dialog->setRole(Role::OfficeManager);
        dialog->okButton()->click();
        QCOMPARE(save.size(), 2);
        QCOMPARE(save.at(1).at(0).value<User>().id, qint64(3));
        QCOMPARE(save.at(1).at(1).toString(), QString());

        // Back in solo mode (another store opened), a new user has none.
        page.setTeamMode(false);
        page.addUserButton()->click();
        dialog = qobject_cast<UserDialog *>(dialogs.last());
        QVERIFY(dialog && dialog->isNewUser() && !dialog->isPasswordRequired());
        QTest::keyClicks(dialog->usernameEdit(), QStringLiteral("eli"));
        QVERIFY(dialog->okButton()->isEnabled());
        dialog->okButton()->click();
        QCOMPARE(save.size(), 3);
        QCOMPARE(save.at(2).at(1).toString(), QString());
    }

    void ownerEditsAndDeactivates()
    {
        ManualClock clock(kNow);
        SettingsPage page(clock);
        DialogCatcher dialogs(page);
        load(page);
        QSignalSpy save(&page, &SettingsPage::saveUserRequested);

        QVERIFY(page.selectUser(3)); // bea
        page.editUserButton()->click();
        auto *dialog = qobject_cast<UserDialog *>(dialogs.last());
        QVERIFY(dialog && !dialog->isNewUser());
        QVERIFY(dialog->usernameEdit()->isReadOnly());
        dialog->setRole(Role::Owner);
        dialog->okButton()->click();
        QCOMPARE(save.size(), 1);
        User edited = save.at(0).at(0).value<User>();
        QCOMPARE(edited.id, qint64(3));
        QCOMPARE(edited.version, 3); // as loaded: a stale edit is refused by the store
        QCOMPARE_NAMES(edited.role, Role::Owner);
        QCOMPARE(edited.username, QStringLiteral("bea"));

        QVERIFY(page.selectUser(2)); // mona
        QCOMPARE(page.deactivateButton()->text(), QStringLiteral("&Deactivate…"));
        page.deactivateButton()->click();
        QCOMPARE(dialogs.count(), 2);
        QVERIFY(qobject_cast<QMessageBox *>(dialogs.last())->text().contains(QStringLiteral("Mona Reyes")));
        dialogs.last()->reject();
        QCOMPARE(save.size(), 1);
        page.deactivateButton()->click();
        dialogs.confirm()->click();
        QCOMPARE(save.size(), 2);
        edited = save.at(1).at(0).value<User>();
        QCOMPARE(edited.id, qint64(2));
        QCOMPARE(edited.active, false);
        QCOMPARE_NAMES(edited.role, Role::OfficeManager);

        QVERIFY(page.selectUser(4)); // sam, deactivated
        QCOMPARE(page.deactivateButton()->text(), QStringLiteral("Re&activate…"));
        page.deactivateButton()->click();
        dialogs.confirm()->click();
        QCOMPARE(save.at(2).at(0).value<User>().active, true);
    }

    // The store refuses to leave no active owner; the page says so first.
    void lastOwnerKeepsTheRole()
    {
        ManualClock clock(kNow);
        SettingsPage page(clock);
        DialogCatcher dialogs(page);
        load(page);
        QVERIFY(page.selectUser(1)); // olivia, the only owner
        QVERIFY(!page.deactivateButton()->isEnabled());
        QCOMPARE(page.deactivateButton()->toolTip(),
                 QStringLiteral("Olivia Hart is the last active owner: make someone else owner first."));
        page.editUserButton()->click();
        auto *dialog = qobject_cast<UserDialog *>(dialogs.last());
        QVERIFY(dialog);
        QVERIFY(dialog->okButton()->isEnabled()); // renaming is fine
        dialog->setRole(Role::OfficeManager);
        QVERIFY(!dialog->okButton()->isEnabled());
        QVERIFY(dialog->okButton()->toolTip().contains(QStringLiteral("last active owner")));
        dialog->setRole(Role::Owner);
        dialog->activeBox()->setChecked(false);
        QVERIFY(!dialog->okButton()->isEnabled());
        dialog->reject();

        // With a second owner, either may step down.
        SettingsData two = sampleData();
        two.users[2].role = Role::Owner;
        page.setData(two);
        QVERIFY(page.selectUser(1));
        QVERIFY(page.deactivateButton()->isEnabled());
    }

    // Without ManageUsers, the users section and the connection changes are
    // read-only, each with the reason; testing stays open.
    void otherRolesSeeItReadOnly_data()
    {
        QTest::addColumn<Role>("role");
        QTest::newRow("office manager") << Role::OfficeManager;
        QTest::newRow("bookkeeper") << Role::Bookkeeper;
        QTest::newRow("viewer") << Role::Viewer;
    }

    void otherRolesSeeItReadOnly()
    {
        QFETCH(Role, role);
        ManualClock clock(kNow);
        SettingsPage page(clock);
        DialogCatcher dialogs(page);
        load(page, role, QStringLiteral("mona"));
        const QString why = SettingsPage::manageDeniedText();
        QCOMPARE(why, QStringLiteral("Only an owner can connect services, change where they are, or manage users."));
        QVERIFY(!page.canManage());
        QVERIFY(page.selectUser(2));
        for (QPushButton *button : {page.addUserButton(), page.editUserButton(), page.deactivateButton()}) {
            QVERIFY2(!button->isEnabled(), qPrintable(button->text()));
            QCOMPARE(button->toolTip(), why);
        }
        for (const System system : Concord::Domain::allSystems()) {
            QVERIFY(!page.connectButton(system)->isEnabled());
            QCOMPARE(page.connectButton(system)->toolTip(), why);
            QVERIFY(!page.disconnectButton(system)->isEnabled());
            QCOMPARE(page.disconnectButton(system)->toolTip(), why);
            QVERIFY(page.baseUrlEdit(system)->isReadOnly());
            QCOMPARE(page.baseUrlEdit(system)->toolTip(), why);
            QVERIFY(!page.saveBaseUrlButton(system)->isEnabled());
            QVERIFY(page.testButton(system)->isEnabled());
        }
        auto *notice = page.findChild<QLabel *>(QStringLiteral("settingsRoleNotice"));
        QVERIFY(notice && notice->isVisibleTo(&page));
        QVERIFY(notice->text().contains(why));
        QVERIFY(notice->text().contains(UsersTableModel::roleText(role)));
        // The slots refuse too (a shortcut or a stale button cannot get round it).
        QSignalSpy save(&page, &SettingsPage::saveUserRequested);
        QSignalSpy connect(&page, &SettingsPage::connectRequested);
        page.addUser();
        page.editCurrentUser();
        page.toggleCurrentUserActive();
        page.connectService(System::QuickBooks);
        page.disconnectService(System::QuickBooks);
        QCOMPARE(dialogs.count(), 0);
        QCOMPARE(save.size(), 0);
        QCOMPARE(connect.size(), 0);
        // The users are still there to see.
        QCOMPARE(page.usersView()->model()->rowCount(), 4);
    }

    // The page gets ~960 px in a 1180 px window: the three connection cards
    // and the users table fit without a sideways scroll bar.
    void fitsTheWindowWithoutSidewaysScroll()
    {
        ManualClock clock(kNow);
        SettingsPage page(clock);
        load(page);
        page.resize(964, 740);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *scroll = page.findChild<QScrollArea *>(QStringLiteral("settingsScroll"));
        QVERIFY(scroll);
        QTRY_COMPARE(scroll->horizontalScrollBar()->maximum(), 0);
        QVERIFY(scroll->widget()->width() <= scroll->viewport()->width());
    }

    void keyboardReachesEveryControl()
    {
        ManualClock clock(kNow);
        SettingsPage page(clock);
        DialogCatcher dialogs(page);
        load(page);
        QVERIFY(page.selectUser(2));
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowActive(&page));

        QList<QWidget *> expected = {page.reloadButton()};
        for (const System system : Concord::Domain::allSystems()) {
            expected << page.baseUrlEdit(system) << page.saveBaseUrlButton(system) << page.connectButton(system)
                     << page.testButton(system);
            if (page.disconnectButton(system)->isEnabled())
                expected << page.disconnectButton(system);
        }
        expected << page.usersView() << page.addUserButton() << page.editUserButton() << page.deactivateButton();
        // The save buttons are disabled until an address changes: not in the chain.
        expected.removeIf([](QWidget *w) { return !w->isEnabled(); });
        for (QWidget *widget : std::as_const(expected))
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));

        page.reloadButton()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), page.reloadButton());
        QList<QWidget *> visited = {QApplication::focusWidget()};
        for (int i = 0; i < expected.size() - 1; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            visited << QApplication::focusWidget();
        }
        QCOMPARE(visited, expected);
        QCOMPARE(dialogs.count(), 0);
        // Alt+A adds a user.
        QTest::keyClick(&page, Qt::Key_A, Qt::AltModifier);
        QTRY_COMPARE(dialogs.count(), 1);
        QCOMPARE(dialogs.last()->objectName(), QStringLiteral("userDialog"));
        dialogs.last()->reject();
    }

    // Renders the page for a person to look at: CONCORD_UI_RENDER_DIR, or
    // QDir::tempPath().
    void renderForReview()
    {
        QString dir = qEnvironmentVariable("CONCORD_UI_RENDER_DIR");
        if (dir.isEmpty())
            dir = QDir::tempPath();
        Theme::apply(*qApp);
        ManualClock clock(kNow);
        {
            SettingsPage page(clock);
            page.resize(1280, 800);
            load(page);
            page.connectButton(System::QuickBooks)->click();
            page.showAuthorizationUrl(System::QuickBooks, QUrl(QStringLiteral("https://appcenter.intuit.com/connect/oauth2")));
            page.showTestResult(System::HubSpot, false, page.data().connection(System::HubSpot).lastError);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            QVERIFY(page.grab().save(QDir(dir).filePath(QStringLiteral("settings.png"))));
        }
        {
            SettingsPage page(clock);
            page.resize(1280, 800);
            load(page, Role::OfficeManager, QStringLiteral("mona"));
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            QVERIFY(page.grab().save(QDir(dir).filePath(QStringLiteral("settings-readonly.png"))));
        }
        {
            UserDialog dialog(sampleData().users.at(0), sampleData().users);
            dialog.setRole(Role::Viewer);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.grab().save(QDir(dir).filePath(QStringLiteral("settings-userdialog.png"))));
        }
        {
            // Team mode's Add user, half filled in: the password rows line up
            // with the others and the reason shows.
            UserDialog dialog(sampleData().users);
            dialog.setPasswordRequired(true);
            QTest::keyClicks(dialog.usernameEdit(), QStringLiteral("dana"));
            QTest::keyClicks(dialog.displayNameEdit(), QStringLiteral("Dana Fischer"));
            QTest::keyClicks(dialog.passwordEdit(), QStringLiteral("short"));
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.grab().save(QDir(dir).filePath(QStringLiteral("settings-userdialog-team.png"))));
        }
    }
};

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
