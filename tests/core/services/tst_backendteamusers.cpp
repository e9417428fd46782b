// concord-test: postgresql-only
//
// Settings' Add user in team mode (issue 8; docs/team-users.md): the page
// hands Backend::saveUser the new person's password, the Backend creates
// their PostgreSQL login role through AdminCommands::createUserWithPassword,
// and that person can then sign in with it. Without a password a new user is
// refused in words (solo mode's createUser), and an edit needs none.
//
// PostgreSQL roles are cluster-wide and the test server is shared by every
// test program ctest runs in parallel: the people here carry the suffix of
// this suite's database ("dana_t1234_1"); cleanupTestCase() drops them.

#include "domain/user.h"
#include "security/scramverifier.h"
#include "services/backend.h"
#include "services/settingsdata.h"
#include "store/database.h"
#include "store/storeurl.h"
#include "store/userrepository.h"
#include "teststore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using Concord::Domain::Role;
using Concord::Domain::User;

class TestBackendTeamUsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void newUserWithPasswordCanSignIn();
    void newUserWithoutPasswordIsRefused();
    void editNeedsNoPassword();

private:
    QString user(const QString &base) const { return base + u'_' + m_suffix; }
    // The URL as the desktop has it: the person named, no password in it.
    QString desktopUrl(const QString &username) const;
    [[nodiscard]] User newUser(const QString &base, Role role) const;

    QTemporaryDir m_dir;
    QString m_url; // the suite's database, as concord_test (schema owner)
    QString m_suffix;
    std::unique_ptr<Store::Database> m_admin;
    QStringList m_roles; // login roles to drop at the end
    const QString m_ownerPassword = u"olivia owner secret"_s;
    std::unique_ptr<Services::Backend> m_backend;
};

QString TestBackendTeamUsers::desktopUrl(const QString &username) const
{
    const Store::StoreUrl url = Store::StoreUrl::parse(m_url).value_or(Store::StoreUrl{});
    return u"postgresql://%1@%2:%3/%4"_s.arg(username, url.host).arg(url.port).arg(url.database);
}

User TestBackendTeamUsers::newUser(const QString &base, Role role) const
{
    User u;
    u.username = user(base);
    u.displayName = base;
    u.role = role;
    u.active = true;
    return u;
}

void TestBackendTeamUsers::initTestCase()
{
    QVERIFY(Test::onPostgres());
    QVERIFY(m_dir.isValid());
    m_url = Test::testStoreUrl(m_dir, u"teamusers"_s, true);
    auto admin = Store::Database::open(m_url);
    QVERIFY2(admin, qPrintable(admin ? QString() : admin.error().toString()));
    m_admin = std::move(*admin);
    m_suffix = m_admin->url().database.section(u'_', 1);
    QVERIFY(!m_suffix.isEmpty());
    // The first owner is made with SQL by the schema's owner (team-users.md).
    const QString olivia = user(u"olivia"_s);
    m_roles << olivia;
    auto first = m_admin->scalar(u"SELECT concord_create_user(?, ?, 'owner', ?)"_s,
                                 {olivia, u"Olivia Owner"_s, Security::scramSha256Verifier(m_ownerPassword)});
    QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));
}

void TestBackendTeamUsers::cleanupTestCase()
{
    m_backend.reset();
    if (!m_admin)
        return;
    for (const QString &role : std::as_const(m_roles)) {
        (void)m_admin->scalar(u"SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = ?"_s,
                              {role});
        auto dropped = m_admin->execDirect(u"DROP ROLE IF EXISTS %1"_s.arg(role));
        if (!dropped)
            qWarning().noquote() << "cannot drop role" << role << dropped.error().toString();
    }
    m_admin.reset();
}

void TestBackendTeamUsers::init()
{
    // Olivia's desktop: signed in as herself (the sign-in dialog's path).
    m_backend = std::make_unique<Services::Backend>();
    QSignalSpy opened(m_backend.get(), &Services::Backend::opened);
    QSignalSpy failed(m_backend.get(), &Services::Backend::errorOccurred);
    m_backend->openAs(desktopUrl(user(u"olivia"_s)), user(u"olivia"_s), m_ownerPassword);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().at(0).toString()));
    QCOMPARE(opened.count(), 1);
}

void TestBackendTeamUsers::cleanup()
{
    if (m_backend)
        m_backend->close();
    m_backend.reset();
}

void TestBackendTeamUsers::newUserWithPasswordCanSignIn()
{
    QSignalSpy done(m_backend.get(), &Services::Backend::settingsDone);
    QSignalSpy failed(m_backend.get(), &Services::Backend::settingsFailed);
    QSignalSpy loaded(m_backend.get(), &Services::Backend::settingsLoaded);
    const User dana = newUser(u"dana"_s, Role::Bookkeeper);
    const QString password = u"dana's long password"_s;
    m_roles << dana.username;

    m_backend->saveUser(dana, password);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().at(0).toString()));
    QCOMPARE(done.count(), 1);
    QVERIFY(done.first().at(0).toString().contains(dana.username));
    // The page gets the users again, Dana among them.
    QVERIFY(!loaded.isEmpty());
    const auto data = loaded.last().at(0).value<Services::SettingsData>();
    bool listed = false;
    for (const User &u : data.users)
        listed = listed || (u.username == dana.username && u.role == Role::Bookkeeper && u.active);
    QVERIFY(listed);

    // Dana signs in with the password the owner typed; a wrong one fails.
    Store::StoreUrl as = Store::StoreUrl::parse(m_url).value_or(Store::StoreUrl{});
    as.user = dana.username;
    as.password = password;
    auto signedIn = Store::Database::open(as);
    QVERIFY2(signedIn, qPrintable(signedIn ? QString() : signedIn.error().toString()));
    signedIn->reset();
    as.password = u"not dana's password"_s;
    QVERIFY(!Store::Database::open(as));
}

void TestBackendTeamUsers::newUserWithoutPasswordIsRefused()
{
    QSignalSpy done(m_backend.get(), &Services::Backend::settingsDone);
    QSignalSpy failed(m_backend.get(), &Services::Backend::settingsFailed);
    const User eli = newUser(u"eli"_s, Role::Viewer);
    m_roles << eli.username; // in case it were wrongly created
    m_backend->saveUser(eli, QString());
    QCOMPARE(done.count(), 0);
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.first().at(0).toString().contains(u"password"_s), qPrintable(failed.first().at(0).toString()));
    auto row = Store::UserRepository(*m_admin).byUsername(eli.username);
    QVERIFY(!row); // no users row, and no login role behind it
}

void TestBackendTeamUsers::editNeedsNoPassword()
{
    // Fen is added, then made an office manager: the edit carries no password.
    const User fen = newUser(u"fen"_s, Role::Viewer);
    m_roles << fen.username;
    QSignalSpy done(m_backend.get(), &Services::Backend::settingsDone);
    QSignalSpy failed(m_backend.get(), &Services::Backend::settingsFailed);
    m_backend->saveUser(fen, u"fen's long password"_s);
    QCOMPARE(done.count(), 1);
    auto row = Store::UserRepository(*m_admin).byUsername(fen.username);
    QVERIFY(row);
    User changed = *row;
    changed.role = Role::OfficeManager;
    m_backend->saveUser(changed, QString());
    QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().at(0).toString()));
    QCOMPARE(done.count(), 2);
    auto after = Store::UserRepository(*m_admin).byUsername(fen.username);
    QVERIFY(after);
    QCOMPARE(Domain::toString(after->role), Domain::toString(Role::OfficeManager));
}

QTEST_GUILESS_MAIN(TestBackendTeamUsers)
#include "tst_backendteamusers.moc"
