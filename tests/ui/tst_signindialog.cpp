// The team-mode sign-in dialog (ui/signindialog.*; docs/team-users.md): the
// user name comes prefilled, a refusal stays in the dialog in plain words
// with the password cleared, and only a verified sign-in closes it.

#include "signindialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace Qt::StringLiterals;
using Concord::Ui::SignInDialog;

class TestSignInDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusalStaysInTheDialog_data();
    void refusalStaysInTheDialog();
    void acceptedCredentialCloses();
};

void TestSignInDialog::refusalStaysInTheDialog_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("verifications");
    QTest::newRow("wrong password") << u"bea"_s << u"nope"_s << u"The user name or password is not right."_s << 1;
    QTest::newRow("no password") << u"bea"_s << QString() << u"Enter your user name and password."_s << 0;
    QTest::newRow("no user name") << QString() << u"pw"_s << u"Enter your user name and password."_s << 0;
}

void TestSignInDialog::refusalStaysInTheDialog()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, expected);
    QFETCH(int, verifications);
    int calls = 0;
    SignInDialog dialog(u"db.example.org:5432/concord"_s, u"bea"_s, [&](const QString &, const QString &) {
        ++calls;
        return u"The user name or password is not right."_s;
    });
    auto *userEdit = dialog.findChild<QLineEdit *>(u"signInUser"_s);
    auto *passwordEdit = dialog.findChild<QLineEdit *>(u"signInPassword"_s);
    QVERIFY(userEdit && passwordEdit);
    QCOMPARE(userEdit->text(), u"bea"_s); // prefilled from [store] url
    QCOMPARE(passwordEdit->echoMode(), QLineEdit::Password);
    userEdit->setText(user);
    passwordEdit->setText(password);
    dialog.show();
    dialog.accept();
    QCOMPARE(calls, verifications);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(dialog.errorText(), expected);
    QCOMPARE(dialog.findChild<QLabel *>(u"signInError"_s)->text(), expected);
    if (verifications > 0)
        QVERIFY(passwordEdit->text().isEmpty()); // a refused password is not kept
}

void TestSignInDialog::acceptedCredentialCloses()
{
    QString seenUser, seenPassword;
    int calls = 0;
    SignInDialog dialog(u"db/concord"_s, u"bea"_s, [&](const QString &user, const QString &password) {
        seenUser = user;
        seenPassword = password;
        return ++calls == 1 ? u"The database server cannot be reached."_s : QString();
    });
    dialog.findChild<QLineEdit *>(u"signInUser"_s)->setText(u" omar "_s);
    dialog.findChild<QLineEdit *>(u"signInPassword"_s)->setText(u"first"_s);
    dialog.show();
    dialog.accept();
    QVERIFY(dialog.isVisible());
    dialog.findChild<QLineEdit *>(u"signInPassword"_s)->setText(u"s3cret"_s);
    dialog.accept();
    QCOMPARE(calls, 2);
    QCOMPARE(seenUser, u"omar"_s);
    QCOMPARE(seenPassword, u"s3cret"_s);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.user(), u"omar"_s);
    QCOMPARE(dialog.password(), u"s3cret"_s);
    QVERIFY(dialog.errorText().isEmpty());
}

QTEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"
