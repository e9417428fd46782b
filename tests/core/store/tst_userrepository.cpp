// UserRepository (core/store/userrepository.h): canonical usernames,
// versioned updates, and never losing the last active owner.

#include "storetestsupport.h"

#include "common/clock.h"
#include "domain/user.h"
#include "store/database.h"
#include "store/userrepository.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Store;
using namespace Concord::StoreTest;

namespace {

User makeUser(const QString &username, Role role, const QString &displayName = {})
{
    User u;
    u.username = username;
    u.displayName = displayName;
    u.role = role;
    u.active = true;
    return u;
}

} // namespace

class TestUserRepository : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietStoreLog(); }
    void init();
    void cleanup();

    void createCanonicalizesUsername_data();
    void createCanonicalizesUsername();
    void createStoresWholeUser();
    void invalidUsernamesAreRefused_data();
    void invalidUsernamesAreRefused();
    void duplicateUsernameIsConflict_data();
    void duplicateUsernameIsConflict();
    void getMissingIsNotFound();
    void allOrderedByUsername();

    void updateBumpsVersion();
    void updateWithStaleVersionIsConflict();
    void updateMissingUserIsNotFound();
    void lastActiveOwnerIsKept_data();
    void lastActiveOwnerIsKept();
    void ownerMayLeaveWhenAnotherRemains();

    void recordSignIn();

private:
    User created(const User &u);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<UserRepository> m_repo;
};

void TestUserRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = openMigrated(*m_dir);
    STORE_VERIFY_OK(db);
    m_db = std::move(*db);
    m_clock = std::make_unique<ManualClock>(fixedStart());
    m_repo = std::make_unique<UserRepository>(*m_db, *m_clock);
}

void TestUserRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
    m_clock.reset();
    m_dir.reset();
}

User TestUserRepository::created(const User &u)
{
    auto r = m_repo->create(u);
    if (!r) {
        QTest::qFail(outcome(r).constData(), __FILE__, __LINE__);
        return {};
    }
    return *r;
}

void TestUserRepository::createCanonicalizesUsername_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("already canonical") << u"olga"_s << u"olga"_s;
    QTest::newRow("upper case") << u"OLGA"_s << u"olga"_s;
    QTest::newRow("mixed case email-like") << u"Olga.Petrova@Clinic.Example"_s << u"olga.petrova@clinic.example"_s;
    QTest::newRow("surrounding blanks") << u"  olga_p \t"_s << u"olga_p"_s;
    QTest::newRow("starts with a digit") << u"2ndshift"_s << u"2ndshift"_s;
    QTest::newRow("single character") << u"Q"_s << u"q"_s;
    QTest::newRow("64 characters") << QString(64, u'A') << QString(64, u'a');
    QTest::newRow("dash and dot inside") << u"a-b.c"_s << u"a-b.c"_s;
}

void TestUserRepository::createCanonicalizesUsername()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    const User stored = created(makeUser(input, Role::Viewer, u"Someone"_s));
    QCOMPARE(stored.username, canonical);
    auto byName = m_repo->byUsername(input); // lookups canonicalize too
    STORE_VERIFY_OK(byName);
    QCOMPARE(dump(*byName), dump(stored));
    auto byCanonical = m_repo->byUsername(canonical);
    STORE_VERIFY_OK(byCanonical);
    QCOMPARE(dump(*byCanonical), dump(stored));
}

void TestUserRepository::createStoresWholeUser()
{
    User input = makeUser(u"Olga"_s, Role::Owner, u"Olga Petrova"_s);
    input.lastSignInAt = utc(u"2024-01-01T00:00:00.000Z"_s); // not the caller's to set
    input.version = 9;
    auto stored = m_repo->create(input);
    STORE_VERIFY_OK(stored);

    User expected = input;
    expected.id = stored->id;
    expected.username = u"olga"_s;
    expected.createdAt = fixedStart();
    expected.lastSignInAt = QDateTime();
    expected.version = 1;
    auto read = m_repo->get(stored->id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));

    // No display name: the username stands in.
    const User plain = created(makeUser(u"Bert"_s, Role::Bookkeeper, u"   "_s));
    QCOMPARE(plain.displayName, u"bert"_s);
    auto readPlain = m_repo->get(plain.id);
    STORE_VERIFY_OK(readPlain);
    QCOMPARE(dump(*readPlain), dump(plain));
    auto count = m_repo->count();
    STORE_VERIFY_OK(count);
    QCOMPARE(*count, qint64(2));
}

void TestUserRepository::invalidUsernamesAreRefused_data()
{
    QTest::addColumn<QString>("username");

    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << u"   "_s;
    QTest::newRow("leading dash") << u"-olga"_s;
    QTest::newRow("leading dot") << u".olga"_s;
    QTest::newRow("leading underscore") << u"_olga"_s;
    QTest::newRow("inner space") << u"olga petrova"_s;
    QTest::newRow("non-ASCII letter") << u"zoë"_s;
    QTest::newRow("65 characters") << QString(65, u'a');
    QTest::newRow("slash") << u"olga/admin"_s;
    QTest::newRow("quote") << u"o'brien"_s;
}

void TestUserRepository::invalidUsernamesAreRefused()
{
    QFETCH(QString, username);
    created(makeUser(u"olga"_s, Role::Owner));
    const QStringList before = snapshot(*m_db);
    auto refused = m_repo->create(makeUser(username, Role::Viewer));
    STORE_VERIFY_ERROR(refused, ErrorCode::InvalidArgument);
    QVERIFY2(refused.error().message.contains(u"not a valid username"_s), qPrintable(refused.error().message));
    QCOMPARE(snapshot(*m_db), before);
}

void TestUserRepository::duplicateUsernameIsConflict_data()
{
    QTest::addColumn<QString>("second");

    QTest::newRow("same spelling") << u"olga"_s;
    QTest::newRow("other case") << u"OLGA"_s;
    QTest::newRow("padded") << u" Olga "_s;
}

void TestUserRepository::duplicateUsernameIsConflict()
{
    QFETCH(QString, second);
    created(makeUser(u"olga"_s, Role::Owner, u"Olga"_s));
    const QStringList before = snapshot(*m_db);
    auto refused = m_repo->create(makeUser(second, Role::Viewer, u"Impostor"_s));
    STORE_VERIFY_ERROR(refused, ErrorCode::Conflict);
    QVERIFY2(refused.error().message.contains(u"'olga' is already taken"_s), qPrintable(refused.error().message));
    QCOMPARE(snapshot(*m_db), before);
}

void TestUserRepository::getMissingIsNotFound()
{
    auto missing = m_repo->get(77);
    STORE_VERIFY_ERROR(missing, ErrorCode::NotFound);
    auto byName = m_repo->byUsername(u"nobody"_s);
    STORE_VERIFY_ERROR(byName, ErrorCode::NotFound);
    QVERIFY2(byName.error().message.contains(u"nobody"_s), qPrintable(byName.error().message));
}

void TestUserRepository::allOrderedByUsername()
{
    QList<User> users;
    for (const QString &name : {u"olga"_s, u"bert"_s, u"mia"_s})
        users << created(makeUser(name, Role::Viewer));
    auto all = m_repo->all();
    STORE_VERIFY_OK(all);
    QCOMPARE(dumpAll(*all), dumpAll(QList<User>{users.at(1), users.at(2), users.at(0)}));
}

void TestUserRepository::updateBumpsVersion()
{
    created(makeUser(u"olga"_s, Role::Owner));
    const User mia = created(makeUser(u"mia"_s, Role::Viewer, u"Mia"_s));

    m_clock->advanceSecs(600);
    User edit = mia;
    edit.displayName = u"Mia Jensen"_s;
    edit.role = Role::OfficeManager;
    edit.active = false;
    edit.username = u"ignored-rename"_s; // usernames are not edited by update()
    auto updated = m_repo->update(edit);
    STORE_VERIFY_OK(updated);

    User expected = mia;
    expected.displayName = u"Mia Jensen"_s;
    expected.role = Role::OfficeManager;
    expected.active = false;
    expected.version = 2;
    QCOMPARE(dump(*updated), dump(expected));
    auto read = m_repo->get(mia.id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));
    QCOMPARE(m_db->transactionDepth(), 0);
}

void TestUserRepository::updateWithStaleVersionIsConflict()
{
    created(makeUser(u"olga"_s, Role::Owner));
    const User mia = created(makeUser(u"mia"_s, Role::Viewer));
    User first = mia;
    first.role = Role::Bookkeeper;
    auto ok = m_repo->update(first);
    STORE_VERIFY_OK(ok);
    const QStringList before = snapshot(*m_db);

    User stale = mia; // still version 1
    stale.role = Role::OfficeManager;
    auto refused = m_repo->update(stale);
    STORE_VERIFY_ERROR(refused, ErrorCode::Conflict);
    QVERIFY2(refused.error().message.contains(u"'mia'"_s), qPrintable(refused.error().message));
    QCOMPARE(snapshot(*m_db), before);
    QCOMPARE(m_db->transactionDepth(), 0);
}

void TestUserRepository::updateMissingUserIsNotFound()
{
    const User olga = created(makeUser(u"olga"_s, Role::Owner));
    const QStringList before = snapshot(*m_db);
    User ghost = olga;
    ghost.id = 999;
    auto refused = m_repo->update(ghost);
    STORE_VERIFY_ERROR(refused, ErrorCode::NotFound);
    QCOMPARE(snapshot(*m_db), before);
    QCOMPARE(m_db->transactionDepth(), 0);
}

void TestUserRepository::lastActiveOwnerIsKept_data()
{
    QTest::addColumn<int>("newRole");
    QTest::addColumn<bool>("newActive");
    QTest::addColumn<bool>("inactiveOwnerExists"); // does not count as an owner

    QTest::newRow("demoted to office manager") << int(Role::OfficeManager) << true << false;
    QTest::newRow("demoted to viewer") << int(Role::Viewer) << true << false;
    QTest::newRow("deactivated") << int(Role::Owner) << false << false;
    QTest::newRow("demoted, only an inactive owner left") << int(Role::Bookkeeper) << true << true;
    QTest::newRow("deactivated, only an inactive owner left") << int(Role::Owner) << false << true;
}

void TestUserRepository::lastActiveOwnerIsKept()
{
    QFETCH(int, newRole);
    QFETCH(bool, newActive);
    QFETCH(bool, inactiveOwnerExists);
    const User olga = created(makeUser(u"olga"_s, Role::Owner));
    created(makeUser(u"mia"_s, Role::OfficeManager));
    if (inactiveOwnerExists) {
        User former = makeUser(u"former"_s, Role::Owner);
        former.active = false;
        created(former);
    }
    const QStringList before = snapshot(*m_db);

    User edit = olga;
    edit.role = Role(newRole);
    edit.active = newActive;
    auto refused = m_repo->update(edit);
    QVERIFY2(!refused.has_value(), "the last active owner was removed");
    QCOMPARE(errorCodeName(refused.error().code), errorCodeName(ErrorCode::InvalidArgument));
    QVERIFY2(refused.error().message.contains(u"no active owner"_s), qPrintable(refused.error().message));
    QCOMPARE(snapshot(*m_db), before);
    QCOMPARE(m_db->transactionDepth(), 0);
}

void TestUserRepository::ownerMayLeaveWhenAnotherRemains()
{
    const User olga = created(makeUser(u"olga"_s, Role::Owner));
    const User owen = created(makeUser(u"owen"_s, Role::Owner));

    User edit = olga;
    edit.role = Role::Viewer;
    auto ok = m_repo->update(edit);
    STORE_VERIFY_OK(ok);
    QCOMPARE(toString(ok->role), toString(Role::Viewer));
    QCOMPARE(ok->version, 2);

    // Now Owen is the last one.
    const QStringList before = snapshot(*m_db);
    User owenEdit = owen;
    owenEdit.active = false;
    auto refused = m_repo->update(owenEdit);
    STORE_VERIFY_ERROR(refused, ErrorCode::InvalidArgument);
    QCOMPARE(snapshot(*m_db), before);

    // Changing the last owner's display name is fine.
    owenEdit = owen;
    owenEdit.displayName = u"Owen O."_s;
    auto renamed = m_repo->update(owenEdit);
    STORE_VERIFY_OK(renamed);
    QCOMPARE(renamed->displayName, u"Owen O."_s);
}

void TestUserRepository::recordSignIn()
{
    const User olga = created(makeUser(u"olga"_s, Role::Owner));
    m_clock->advanceSecs(3600);
    auto ok = m_repo->recordSignIn(olga.id);
    STORE_VERIFY_OK(ok);
    User expected = olga;
    expected.lastSignInAt = fixedStart().addSecs(3600); // version unchanged: not an edit
    auto read = m_repo->get(olga.id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));

    const QStringList before = snapshot(*m_db);
    auto missing = m_repo->recordSignIn(olga.id + 1);
    STORE_VERIFY_ERROR(missing, ErrorCode::NotFound);
    QCOMPARE(snapshot(*m_db), before);
}

QTEST_GUILESS_MAIN(TestUserRepository)
#include "tst_userrepository.moc"
