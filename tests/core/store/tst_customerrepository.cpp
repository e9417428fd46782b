// CustomerRepository (core/store/customerrepository.h): customers and their
// contact points, versioned updates, merge marking, lookups by contact.

#include "storetestsupport.h"

#include "common/clock.h"
#include "domain/customer.h"
#include "store/customerrepository.h"
#include "store/database.h"

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Store;
using namespace Concord::StoreTest;

namespace {

ContactPoint contact(ContactKind kind, const QString &value, const QString &normalized, bool primary,
                     std::optional<System> source = std::nullopt)
{
    ContactPoint p;
    p.kind = kind;
    p.value = value;
    p.normalized = normalized;
    p.isPrimary = primary;
    p.sourceSystem = source;
    return p;
}

// Every field set, so a round trip proves every column.
Customer fullCustomer(const QString &displayName, const QString &email)
{
    Customer c;
    c.displayName = displayName;
    c.givenName = u"Ada"_s;
    c.familyName = u"Lovelace"_s;
    c.companyName = u"Analytical Engines Ltd"_s;
    c.timeZone = u"America/New_York"_s;
    c.contacts = {
        contact(ContactKind::Email, email.toUpper(), email, true, System::HubSpot),
        contact(ContactKind::Phone, u"(212) 555-0100"_s, u"+12125550100"_s, false),
    };
    return c;
}

} // namespace

class TestCustomerRepository : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietStoreLog(); }
    void init();
    void cleanup();

    void newIdIsStableFormatAndUnique();
    void newIdsSortInCreationOrder();
    void createStoresWholeCustomer();
    void createKeepsGivenId();
    void createWithOnlyRequiredFields_data();
    void createWithOnlyRequiredFields();
    void createRefusesInvalid_data();
    void createRefusesInvalid();
    void createWithTakenIdIsConflict();
    void timeZoneMustBeKnown_data();
    void timeZoneMustBeKnown();
    void createIsAtomicWhenAContactFails();
    void getMissingIsNotFound();

    void updateBumpsVersionAndKeepsContacts();
    void updateWithStaleVersionIsConflict();
    void updateRefusals_data();
    void updateRefusals();

    void markMergedThenReactivate();
    void markMergedRefusals_data();
    void markMergedRefusals();
    void reactivateRefusals_data();
    void reactivateRefusals();

    void addAndRemoveContacts();
    void addContactRefusals_data();
    void addContactRefusals();
    void removeMissingContactIsNotFound();

    void findByContact_data();
    void findByContact();
    void findByContactSkipsArchivedCustomers();

    void listPages_data();
    void listPages();

    void createManyStoresEveryCustomer();
    void createManyIsAllOrNothing_data();
    void createManyIsAllOrNothing();
    void getMany_data();
    void getMany();
    void findManyByContact();

private:
    // Creates a customer and returns the stored copy (fails the test on error).
    Customer created(const Customer &c);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<CustomerRepository> m_repo;
};

void TestCustomerRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = openMigrated(*m_dir);
    STORE_VERIFY_OK(db);
    m_db = std::move(*db);
    m_clock = std::make_unique<ManualClock>(fixedStart());
    m_repo = std::make_unique<CustomerRepository>(*m_db, *m_clock);
}

void TestCustomerRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
    m_clock.reset();
    m_dir.reset();
}

Customer TestCustomerRepository::created(const Customer &c)
{
    auto r = m_repo->create(c);
    if (!r) {
        QTest::qFail(outcome(r).constData(), __FILE__, __LINE__);
        return {};
    }
    return *r;
}

void TestCustomerRepository::newIdIsStableFormatAndUnique()
{
    static const QRegularExpression shape(u"^cus_[0-9a-f]{32}$"_s);
    QSet<QString> seen;
    for (int i = 0; i < 200; ++i) {
        const QString id = CustomerRepository::newId();
        QVERIFY2(shape.match(id).hasMatch(), qPrintable(id));
        seen.insert(id);
    }
    QCOMPARE(seen.size(), 200);
}

void TestCustomerRepository::newIdsSortInCreationOrder()
{
    // customerrepository.h: "later ids sort after earlier ones" — also when
    // an import makes thousands within one millisecond.
    QString previous = CustomerRepository::newId();
    for (int i = 0; i < 20000; ++i) {
        const QString id = CustomerRepository::newId();
        if (!(previous < id)) {
            QFAIL(qPrintable(u"id #%1 %2 sorts before the earlier %3"_s.arg(i + 1).arg(id, previous)));
        }
        previous = id;
    }
}

void TestCustomerRepository::createStoresWholeCustomer()
{
    const Customer input = fullCustomer(u"Ada Lovelace"_s, u"ada@example.com"_s);
    auto stored = m_repo->create(input);
    STORE_VERIFY_OK(stored);

    Customer expected = input;
    expected.id = stored->id;
    expected.createdAt = fixedStart();
    expected.updatedAt = fixedStart();
    expected.version = 1;
    QCOMPARE(stored->contacts.size(), 2);
    for (qsizetype i = 0; i < expected.contacts.size(); ++i) {
        QVERIFY(stored->contacts.at(i).id > 0);
        expected.contacts[i].id = stored->contacts.at(i).id;
        expected.contacts[i].customerId = stored->id;
    }
    QVERIFY(expected.contacts.at(0).id != expected.contacts.at(1).id);
    QVERIFY(stored->id.startsWith(u"cus_"_s));
    QCOMPARE(dump(*stored), dump(expected));

    auto read = m_repo->get(stored->id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));
    auto count = m_repo->count();
    STORE_VERIFY_OK(count);
    QCOMPARE(*count, qint64(1));
}

void TestCustomerRepository::createKeepsGivenId()
{
    Customer input = fullCustomer(u"Grace Hopper"_s, u"grace@example.com"_s);
    input.id = u"cus_0123456789abcdef0123456789abcdef"_s;
    const Customer stored = created(input);
    QCOMPARE(stored.id, input.id);
    auto read = m_repo->get(input.id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(stored));
}

void TestCustomerRepository::createWithOnlyRequiredFields_data()
{
    QTest::addColumn<bool>("withContact");

    // Domain structs default their optional text to a null QString; the store
    // must accept them as "empty", like any caller would expect.
    QTest::newRow("display name only") << false;
    QTest::newRow("contact with only a normalized value") << true;
}

void TestCustomerRepository::createWithOnlyRequiredFields()
{
    QFETCH(bool, withContact);
    Customer input;
    input.displayName = u"Minimal Person"_s;
    if (withContact) {
        ContactPoint p;
        p.kind = ContactKind::Email;
        p.normalized = u"min@example.com"_s;
        input.contacts = {p};
    }
    auto stored = m_repo->create(input);
    STORE_VERIFY_OK(stored);
    auto read = m_repo->get(stored->id);
    STORE_VERIFY_OK(read);

    Customer expected = input;
    expected.id = stored->id;
    expected.createdAt = fixedStart();
    expected.updatedAt = fixedStart();
    if (withContact) {
        expected.contacts[0].id = read->contacts.value(0).id;
        expected.contacts[0].customerId = stored->id;
    }
    QCOMPARE(dump(*read), dump(expected));
}

void TestCustomerRepository::createRefusesInvalid_data()
{
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<QString>("normalized"); // of the single contact
    QTest::addColumn<QString>("mentions");

    QTest::newRow("empty display name") << u""_s << u"a@example.com"_s << u"display name"_s;
    QTest::newRow("blank display name") << u" \t "_s << u"a@example.com"_s << u"display name"_s;
    QTest::newRow("contact without normalized value") << u"Ann"_s << u""_s << u"normalized"_s;
}

void TestCustomerRepository::createRefusesInvalid()
{
    QFETCH(QString, displayName);
    QFETCH(QString, normalized);
    QFETCH(QString, mentions);
    created(fullCustomer(u"Existing"_s, u"existing@example.com"_s));
    const QStringList before = snapshot(*m_db);

    Customer input = fullCustomer(displayName, u"x@example.com"_s);
    input.contacts = {contact(ContactKind::Email, u"A@example.com"_s, normalized, true)};
    auto refused = m_repo->create(input);
    STORE_VERIFY_ERROR(refused, ErrorCode::InvalidArgument);
    QVERIFY2(refused.error().message.contains(mentions), qPrintable(refused.error().message));
    QCOMPARE(snapshot(*m_db), before);
    QCOMPARE(m_db->transactionDepth(), 0);
}

void TestCustomerRepository::createWithTakenIdIsConflict()
{
    Customer first = fullCustomer(u"First"_s, u"first@example.com"_s);
    first.id = u"cus_00000000000000000000000000000001"_s;
    created(first);
    const QStringList before = snapshot(*m_db);

    Customer second = fullCustomer(u"Second"_s, u"second@example.com"_s);
    second.id = first.id;
    auto refused = m_repo->create(second);
    STORE_VERIFY_ERROR(refused, ErrorCode::Conflict);
    QCOMPARE(snapshot(*m_db), before);
    // The message names the id that is taken.
    QVERIFY2(refused.error().message.contains(first.id), qPrintable(refused.error().message));
}

void TestCustomerRepository::timeZoneMustBeKnown_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("not known yet") << QString() << true;
    QTest::newRow("IANA") << u"America/New_York"_s << true;
    QTest::newRow("half-hour DST zone") << u"Australia/Lord_Howe"_s << true;
    QTest::newRow("made up") << u"Mars/Olympus_Mons"_s << false;
    QTest::newRow("offset, not a zone") << u"UTC+02:00"_s << false;
    QTest::newRow("abbreviation") << u"EST5EDTX"_s << false;
}

void TestCustomerRepository::timeZoneMustBeKnown()
{
    QFETCH(QString, zone);
    QFETCH(bool, accepted);
    Customer c = fullCustomer(u"Zoe Zone"_s, u"zoe@example.com"_s);
    c.timeZone = zone;
    const QStringList before = snapshot(*m_db);
    auto stored = m_repo->create(c);
    QCOMPARE(bool(stored), accepted);
    if (accepted) {
        QCOMPARE(stored->timeZone, zone);
        return;
    }
    STORE_VERIFY_ERROR(stored, ErrorCode::InvalidArgument);
    QVERIFY2(stored.error().message.contains(zone), qPrintable(stored.error().message));
    QCOMPARE(snapshot(*m_db), before);

    // Updates are held to the same rule.
    Customer existing = created(fullCustomer(u"Una Update"_s, u"una@example.com"_s));
    existing.timeZone = zone;
    STORE_VERIFY_ERROR(m_repo->update(existing), ErrorCode::InvalidArgument);
}

void TestCustomerRepository::createIsAtomicWhenAContactFails()
{
    created(fullCustomer(u"Existing"_s, u"existing@example.com"_s));
    const QStringList before = snapshot(*m_db);

    Customer input = fullCustomer(u"Twice"_s, u"twice@example.com"_s);
    input.contacts.append(contact(ContactKind::Email, u"Twice@Example.com"_s, u"twice@example.com"_s, false));
    auto refused = m_repo->create(input);
    STORE_VERIFY_ERROR(refused, ErrorCode::Conflict);
    // Neither the customer row nor its first contacts were kept.
    QCOMPARE(snapshot(*m_db), before);
    QCOMPARE(m_db->transactionDepth(), 0);
    // The message names the contact point that is there twice.
    QVERIFY2(refused.error().message.contains(u"twice@example.com"_s), qPrintable(refused.error().message));
}

void TestCustomerRepository::getMissingIsNotFound()
{
    auto missing = m_repo->get(u"cus_ffffffffffffffffffffffffffffffff"_s);
    STORE_VERIFY_ERROR(missing, ErrorCode::NotFound);
    QVERIFY2(missing.error().message.contains(u"cus_ffffffffffffffffffffffffffffffff"_s),
             qPrintable(missing.error().message));
}

void TestCustomerRepository::updateBumpsVersionAndKeepsContacts()
{
    const Customer original = created(fullCustomer(u"Ada Lovelace"_s, u"ada@example.com"_s));
    m_clock->advanceSecs(3600);

    Customer edit = original;
    edit.displayName = u"Ada King"_s;
    edit.givenName = u"Augusta Ada"_s;
    edit.familyName = u"King"_s;
    edit.companyName = u"Countess of Lovelace"_s;
    edit.timeZone = u"Europe/London"_s;
    edit.contacts.clear(); // update() does not touch contacts
    auto updated = m_repo->update(edit);
    STORE_VERIFY_OK(updated);

    Customer expected = edit;
    expected.contacts = original.contacts;
    expected.version = 2;
    expected.createdAt = original.createdAt;
    expected.updatedAt = fixedStart().addSecs(3600);
    QCOMPARE(dump(*updated), dump(expected));
    auto read = m_repo->get(original.id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));

    // Again from the new version.
    m_clock->advanceSecs(60);
    edit = *read;
    edit.displayName = u"Ada"_s;
    updated = m_repo->update(edit);
    STORE_VERIFY_OK(updated);
    expected.displayName = u"Ada"_s;
    expected.version = 3;
    expected.updatedAt = fixedStart().addSecs(3660);
    QCOMPARE(dump(*updated), dump(expected));
}

void TestCustomerRepository::updateWithStaleVersionIsConflict()
{
    const Customer original = created(fullCustomer(u"Ada Lovelace"_s, u"ada@example.com"_s));
    Customer alice = original;
    Customer bob = original;

    alice.displayName = u"Alice's edit"_s;
    auto first = m_repo->update(alice);
    STORE_VERIFY_OK(first);
    const QStringList before = snapshot(*m_db);

    bob.displayName = u"Bob's edit"_s;
    auto refused = m_repo->update(bob);
    STORE_VERIFY_ERROR(refused, ErrorCode::Conflict);
    QVERIFY2(refused.error().message.contains(u"version 2, yours 1"_s), qPrintable(refused.error().message));
    QCOMPARE(snapshot(*m_db), before);
    auto read = m_repo->get(original.id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(*first));
}

void TestCustomerRepository::updateRefusals_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<QString>("expectedCode");

    QTest::newRow("missing customer") << u"cus_ffffffffffffffffffffffffffffffff"_s << u"Name"_s
                                      << errorCodeName(ErrorCode::NotFound);
    QTest::newRow("empty display name") << QString() << u""_s << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("blank display name") << QString() << u"   "_s << errorCodeName(ErrorCode::InvalidArgument);
}

void TestCustomerRepository::updateRefusals()
{
    QFETCH(QString, id);
    QFETCH(QString, displayName);
    QFETCH(QString, expectedCode);
    const Customer original = created(fullCustomer(u"Ada Lovelace"_s, u"ada@example.com"_s));
    const QStringList before = snapshot(*m_db);

    Customer edit = original;
    if (!id.isEmpty())
        edit.id = id;
    edit.displayName = displayName;
    auto refused = m_repo->update(edit);
    QCOMPARE(codeOf(refused), expectedCode);
    QCOMPARE(snapshot(*m_db), before);
}

void TestCustomerRepository::markMergedThenReactivate()
{
    const Customer survivor = created(fullCustomer(u"Survivor"_s, u"s@example.com"_s));
    const Customer victim = created(fullCustomer(u"Victim"_s, u"v@example.com"_s));

    m_clock->advanceSecs(120);
    auto ok = m_repo->markMerged(victim.id, survivor.id);
    STORE_VERIFY_OK(ok);
    Customer expected = victim;
    expected.state = CustomerState::Merged;
    expected.mergedInto = survivor.id;
    expected.version = 2;
    expected.updatedAt = fixedStart().addSecs(120);
    auto read = m_repo->get(victim.id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));
    // The survivor is untouched.
    auto other = m_repo->get(survivor.id);
    STORE_VERIFY_OK(other);
    QCOMPARE(dump(*other), dump(survivor));

    m_clock->advanceSecs(60);
    ok = m_repo->reactivate(victim.id);
    STORE_VERIFY_OK(ok);
    expected.state = CustomerState::Active;
    expected.mergedInto.clear();
    expected.version = 3;
    expected.updatedAt = fixedStart().addSecs(180);
    read = m_repo->get(victim.id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));
}

void TestCustomerRepository::markMergedRefusals_data()
{
    QTest::addColumn<QString>("victim");   // "a", "b", "merged", or a literal id
    QTest::addColumn<QString>("survivor");
    QTest::addColumn<QString>("expectedCode");

    const QString missing = u"cus_ffffffffffffffffffffffffffffffff"_s;
    QTest::newRow("into itself") << u"a"_s << u"a"_s << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("survivor missing") << u"a"_s << missing << errorCodeName(ErrorCode::NotFound);
    QTest::newRow("survivor already merged") << u"a"_s << u"merged"_s << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("victim missing") << missing << u"a"_s << errorCodeName(ErrorCode::NotFound);
    QTest::newRow("victim already merged") << u"merged"_s << u"a"_s << errorCodeName(ErrorCode::NotFound);
}

void TestCustomerRepository::markMergedRefusals()
{
    QFETCH(QString, victim);
    QFETCH(QString, survivor);
    QFETCH(QString, expectedCode);
    const Customer a = created(fullCustomer(u"A"_s, u"a@example.com"_s));
    const Customer b = created(fullCustomer(u"B"_s, u"b@example.com"_s));
    const Customer merged = created(fullCustomer(u"M"_s, u"m@example.com"_s));
    auto ok = m_repo->markMerged(merged.id, b.id);
    STORE_VERIFY_OK(ok);
    const QStringList before = snapshot(*m_db);

    auto resolve = [&](const QString &key) {
        if (key == u"a"_s)
            return a.id;
        if (key == u"b"_s)
            return b.id;
        if (key == u"merged"_s)
            return merged.id;
        return key;
    };
    auto refused = m_repo->markMerged(resolve(victim), resolve(survivor));
    QCOMPARE(codeOf(refused), expectedCode);
    QCOMPARE(snapshot(*m_db), before);
}

void TestCustomerRepository::reactivateRefusals_data()
{
    QTest::addColumn<bool>("existing"); // the active customer, or a missing id

    QTest::newRow("active customer") << true;
    QTest::newRow("missing customer") << false;
}

void TestCustomerRepository::reactivateRefusals()
{
    QFETCH(bool, existing);
    const Customer active = created(fullCustomer(u"A"_s, u"a@example.com"_s));
    const QStringList before = snapshot(*m_db);
    auto refused = m_repo->reactivate(existing ? active.id : u"cus_ffffffffffffffffffffffffffffffff"_s);
    STORE_VERIFY_ERROR(refused, ErrorCode::NotFound);
    QCOMPARE(snapshot(*m_db), before);
}

void TestCustomerRepository::addAndRemoveContacts()
{
    const Customer c = created(fullCustomer(u"Ada"_s, u"ada@example.com"_s));

    // Same normalized value under another kind is a different contact point.
    ContactPoint address = contact(ContactKind::Address, u"12 St James's Sq"_s, u"ada@example.com"_s, false,
                                   System::QuickBooks);
    address.customerId = c.id;
    auto id = m_repo->addContact(address);
    STORE_VERIFY_OK(id);
    address.id = *id;
    ContactPoint second = contact(ContactKind::Email, u"ADA@work.example"_s, u"ada@work.example"_s, true,
                                  System::CalCom);
    second.customerId = c.id;
    auto secondId = m_repo->addContact(second);
    STORE_VERIFY_OK(secondId);
    second.id = *secondId;

    // Primary ones first, then by id.
    QList<ContactPoint> expected = {c.contacts.at(0), second, c.contacts.at(1), address};
    auto points = m_repo->contacts(c.id);
    STORE_VERIFY_OK(points);
    QCOMPARE(dumpAll(*points), dumpAll(expected));

    auto removed = m_repo->removeContact(c.contacts.at(1).id);
    STORE_VERIFY_OK(removed);
    expected.removeAt(2);
    points = m_repo->contacts(c.id);
    STORE_VERIFY_OK(points);
    QCOMPARE(dumpAll(*points), dumpAll(expected));

    // The customer's own row did not change.
    auto read = m_repo->get(c.id);
    STORE_VERIFY_OK(read);
    Customer expectedCustomer = c;
    expectedCustomer.contacts = expected;
    QCOMPARE(dump(*read), dump(expectedCustomer));
}

void TestCustomerRepository::addContactRefusals_data()
{
    QTest::addColumn<bool>("ownCustomer");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<QString>("expectedCode");

    QTest::newRow("duplicate of existing email") << true << int(ContactKind::Email) << u"ada@example.com"_s
                                                 << errorCodeName(ErrorCode::Conflict);
    QTest::newRow("duplicate of existing phone") << true << int(ContactKind::Phone) << u"+12125550100"_s
                                                 << errorCodeName(ErrorCode::Conflict);
    QTest::newRow("customer does not exist") << false << int(ContactKind::Email) << u"new@example.com"_s
                                             << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("no normalized value") << true << int(ContactKind::Email) << u""_s
                                         << errorCodeName(ErrorCode::InvalidArgument);
}

void TestCustomerRepository::addContactRefusals()
{
    QFETCH(bool, ownCustomer);
    QFETCH(int, kind);
    QFETCH(QString, normalized);
    QFETCH(QString, expectedCode);
    const Customer c = created(fullCustomer(u"Ada"_s, u"ada@example.com"_s));
    const QStringList before = snapshot(*m_db);

    ContactPoint p = contact(ContactKind(kind), u"raw value"_s, normalized, false);
    p.customerId = ownCustomer ? c.id : u"cus_ffffffffffffffffffffffffffffffff"_s;
    auto refused = m_repo->addContact(p);
    QCOMPARE(codeOf(refused), expectedCode);
    if (refused.error().code == ErrorCode::Conflict)
        QVERIFY2(refused.error().message.contains(normalized), qPrintable(refused.error().message));
    QCOMPARE(snapshot(*m_db), before);
}

void TestCustomerRepository::removeMissingContactIsNotFound()
{
    created(fullCustomer(u"Ada"_s, u"ada@example.com"_s));
    const QStringList before = snapshot(*m_db);
    auto refused = m_repo->removeContact(9999);
    STORE_VERIFY_ERROR(refused, ErrorCode::NotFound);
    QCOMPARE(snapshot(*m_db), before);
}

void TestCustomerRepository::findByContact_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<QStringList>("expectedNames"); // in creation order

    QTest::newRow("shared email") << int(ContactKind::Email) << u"shared@example.com"_s
                                  << QStringList{u"First"_s, u"Second"_s, u"Merged"_s};
    QTest::newRow("unique phone") << int(ContactKind::Phone) << u"+15550002"_s << QStringList{u"Second"_s};
    QTest::newRow("kind must match") << int(ContactKind::Phone) << u"shared@example.com"_s << QStringList();
    QTest::newRow("exact normalized value only") << int(ContactKind::Email) << u"SHARED@example.com"_s
                                                 << QStringList();
    QTest::newRow("unknown value") << int(ContactKind::Email) << u"nobody@example.com"_s << QStringList();
}

void TestCustomerRepository::findByContact()
{
    QFETCH(int, kind);
    QFETCH(QString, normalized);
    QFETCH(QStringList, expectedNames);

    QList<Customer> all;
    const QStringList names = {u"First"_s, u"Second"_s, u"Merged"_s, u"Other"_s};
    for (int i = 0; i < names.size(); ++i) {
        Customer c = fullCustomer(names.at(i), i < 3 ? u"shared@example.com"_s : u"other@example.com"_s);
        c.contacts[1].normalized = u"+1555000%1"_s.arg(i + 1);
        all << created(c);
        m_clock->advanceSecs(1); // distinct created_at, the documented order
    }
    auto ok = m_repo->markMerged(all.at(2).id, all.at(0).id);
    STORE_VERIFY_OK(ok);

    auto found = m_repo->findByContact(ContactKind(kind), normalized);
    STORE_VERIFY_OK(found);
    QList<Customer> expected;
    for (const QString &name : std::as_const(expectedNames)) {
        auto read = m_repo->get(all.at(names.indexOf(name)).id); // with contacts and current state
        STORE_VERIFY_OK(read);
        expected << *read;
    }
    QCOMPARE(dumpAll(*found), dumpAll(expected));
}

void TestCustomerRepository::findByContactSkipsArchivedCustomers()
{
    // Documented: "Active and merged customers owning a contact point".
    const Customer active = created(fullCustomer(u"Active"_s, u"shared@example.com"_s));
    Customer archivedInput = fullCustomer(u"Archived"_s, u"shared@example.com"_s);
    archivedInput.contacts[1].normalized = u"+15559999"_s;
    archivedInput.state = CustomerState::Archived;
    const Customer archived = created(archivedInput);
    QCOMPARE(toString(archived.state), toString(CustomerState::Archived));

    auto found = m_repo->findByContact(ContactKind::Email, u"shared@example.com"_s);
    STORE_VERIFY_OK(found);
    QCOMPARE(dumpAll(*found), dumpAll(QList<Customer>{active}));
}

void TestCustomerRepository::listPages_data()
{
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expectedNames");

    QTest::newRow("all") << 0 << 10 << QStringList{u"Alma"_s, u"Bea"_s, u"Bea"_s, u"Cyd"_s};
    QTest::newRow("first page") << 0 << 2 << QStringList{u"Alma"_s, u"Bea"_s};
    QTest::newRow("second page") << 2 << 2 << QStringList{u"Bea"_s, u"Cyd"_s};
    QTest::newRow("past the end") << 4 << 2 << QStringList();
    QTest::newRow("zero limit") << 0 << 0 << QStringList();
}

void TestCustomerRepository::listPages()
{
    QFETCH(int, offset);
    QFETCH(int, limit);
    QFETCH(QStringList, expectedNames);

    // Created out of order; ties on the name are ordered by id.
    QList<Customer> all;
    const QStringList names = {u"Cyd"_s, u"Bea"_s, u"Alma"_s, u"Bea"_s};
    const QStringList ids = {u"cus_00000000000000000000000000000004"_s, u"cus_00000000000000000000000000000003"_s,
                             u"cus_00000000000000000000000000000002"_s, u"cus_00000000000000000000000000000001"_s};
    for (int i = 0; i < names.size(); ++i) {
        Customer c = fullCustomer(names.at(i), u"p%1@example.com"_s.arg(i));
        c.id = ids.at(i);
        Customer stored = created(c);
        stored.contacts.clear(); // list() returns customers without contacts
        all << stored;
    }
    // Sorted by display name, then id: Alma(2), Bea(1), Bea(3), Cyd(4).
    const QList<Customer> sorted = {all.at(2), all.at(3), all.at(1), all.at(0)};
    QList<Customer> expected;
    for (int i = offset; i < qMin<int>(offset + limit, sorted.size()); ++i)
        expected << sorted.at(i);
    QStringList expectedByName;
    for (const Customer &c : std::as_const(expected))
        expectedByName << c.displayName;
    QCOMPARE(expectedByName, expectedNames); // the table agrees with the ordering rule

    auto page = m_repo->list(offset, limit);
    STORE_VERIFY_OK(page);
    QCOMPARE(dumpAll(*page), dumpAll(expected));
    auto count = m_repo->count();
    STORE_VERIFY_OK(count);
    QCOMPARE(*count, qint64(4));
}

// ---------------------------------------------------------------------------
// Batch operations

void TestCustomerRepository::createManyStoresEveryCustomer()
{
    created(fullCustomer(u"Existing"_s, u"existing@example.com"_s));
    QList<Customer> input = {fullCustomer(u"Ann"_s, u"ann@example.com"_s), fullCustomer(u"Ben"_s, u"ben@example.com"_s),
                             fullCustomer(u"Cleo"_s, u"cleo@example.com"_s)};
    input[1].contacts.clear();
    input[2].id = u"cus_ffffffffffffffffffffffffffff0003"_s;
    input[2].contacts.removeLast();
    m_clock->advanceSecs(10);
    auto stored = m_repo->createMany(input);
    STORE_VERIFY_OK(stored);
    QCOMPARE(stored->size(), 3);

    QList<Customer> expected = input;
    QStringList ids;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        Customer &c = expected[i];
        c.id = stored->at(i).id;
        c.createdAt = fixedStart().addSecs(10);
        c.updatedAt = c.createdAt;
        c.version = 1;
        for (qsizetype k = 0; k < c.contacts.size(); ++k) {
            c.contacts[k].id = stored->at(i).contacts.value(k).id;
            c.contacts[k].customerId = c.id;
        }
        ids << c.id;
    }
    QCOMPARE(expected.at(2).id, u"cus_ffffffffffffffffffffffffffff0003"_s);
    QCOMPARE(dumpAll(*stored), dumpAll(expected));
    // The returned contact ids are the stored rows' ids.
    for (const Customer &c : std::as_const(expected)) {
        auto read = m_repo->get(c.id);
        STORE_VERIFY_OK(read);
        QCOMPARE(dump(*read), dump(c));
    }
    auto count = m_repo->count();
    STORE_VERIFY_OK(count);
    QCOMPARE(*count, qint64(4));

    auto none = m_repo->createMany({});
    STORE_VERIFY_OK(none);
    QCOMPARE(none->size(), 0);
}

void TestCustomerRepository::createManyIsAllOrNothing_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("badIndex");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("expectedCode");

    const QString invalid = errorCodeName(ErrorCode::InvalidArgument);
    const QString conflict = errorCodeName(ErrorCode::Conflict);
    QTest::newRow("no display name in the middle") << 3 << 1 << u"name"_s << invalid;
    QTest::newRow("contact without normalized value, last") << 3 << 2 << u"normalized"_s << invalid;
    QTest::newRow("id of an existing customer") << 3 << 2 << u"existing id"_s << conflict;
    QTest::newRow("one id twice in the batch") << 3 << 2 << u"repeated id"_s << conflict;
    QTest::newRow("one contact twice for a customer") << 3 << 1 << u"repeated contact"_s << conflict;
    QTest::newRow("failure in the second statement") << 150 << 140 << u"existing id"_s << conflict;
    QTest::newRow("contact failure in a later statement") << 150 << 149 << u"repeated contact"_s << conflict;
}

void TestCustomerRepository::createManyIsAllOrNothing()
{
    QFETCH(int, size);
    QFETCH(int, badIndex);
    QFETCH(QString, fault);
    QFETCH(QString, expectedCode);
    Customer existingInput = fullCustomer(u"Existing"_s, u"existing@example.com"_s);
    existingInput.id = u"cus_0000000000000000000000000000beef"_s;
    created(existingInput);
    const QStringList before = snapshot(*m_db);

    QList<Customer> batch;
    for (int i = 0; i < size; ++i)
        batch << fullCustomer(u"Import %1"_s.arg(i), u"import%1@example.com"_s.arg(i));
    Customer &bad = batch[badIndex];
    if (fault == u"name"_s)
        bad.displayName = u" "_s;
    else if (fault == u"normalized"_s)
        bad.contacts[1].normalized.clear();
    else if (fault == u"existing id"_s)
        bad.id = existingInput.id;
    else if (fault == u"repeated id"_s)
        batch[0].id = bad.id = u"cus_0000000000000000000000000000cafe"_s;
    else if (fault == u"repeated contact"_s)
        bad.contacts << bad.contacts.first();
    auto refused = m_repo->createMany(batch);
    QCOMPARE(codeOf(refused), expectedCode);
    QCOMPARE(snapshot(*m_db), before);
    QCOMPARE(m_db->transactionDepth(), 0);
}

void TestCustomerRepository::getMany_data()
{
    QTest::addColumn<QList<int>>("pick");   // indexes into the stored customers; -1 = an unknown id
    QTest::addColumn<int>("padding");        // unknown ids added before the picks (to cross chunks)
    QTest::addColumn<QList<int>>("expected"); // indexes, in id order

    QTest::newRow("all, any order") << QList<int>{2, 0, 1} << 0 << QList<int>{0, 1, 2};
    QTest::newRow("some, with unknown ids") << QList<int>{-1, 2, -1} << 0 << QList<int>{2};
    QTest::newRow("none") << QList<int>{} << 0 << QList<int>{};
    QTest::newRow("same id twice") << QList<int>{1, 1} << 0 << QList<int>{1};
    QTest::newRow("across chunks") << QList<int>{0, 2} << 499 << QList<int>{0, 2};
    QTest::newRow("same id twice, across chunks") << QList<int>{1, 1} << 499 << QList<int>{1};
}

void TestCustomerRepository::getMany()
{
    QFETCH(QList<int>, pick);
    QFETCH(int, padding);
    QFETCH(QList<int>, expected);
    QList<Customer> stored;
    for (int i = 0; i < 3; ++i) {
        Customer c = fullCustomer(u"C%1"_s.arg(i), u"c%1@example.com"_s.arg(i));
        c.id = u"cus_%1"_s.arg(i + 1, 32, 10, QLatin1Char('0'));
        stored << created(c);
    }
    QStringList ids;
    for (int i = 0; i < padding; ++i)
        ids << u"cus_unknown_%1"_s.arg(i);
    for (int i : std::as_const(pick)) {
        ids << (i < 0 ? u"cus_ffffffffffffffffffffffffffffffff"_s : stored.at(i).id);
        if (padding > 0 && ids.size() == padding + 1)
            ids << u"cus_unknown_more"_s; // push the next pick into the next chunk
    }
    auto found = m_repo->getMany(ids);
    STORE_VERIFY_OK(found);
    QList<Customer> expectedCustomers;
    for (int i : std::as_const(expected))
        expectedCustomers << stored.at(i);
    QCOMPARE(dumpAll(*found), dumpAll(expectedCustomers));
}

void TestCustomerRepository::findManyByContact()
{
    QList<Customer> stored;
    for (int i = 0; i < 4; ++i) {
        Customer c = fullCustomer(u"C%1"_s.arg(i), u"c%1@example.com"_s.arg(i));
        c.id = u"cus_%1"_s.arg(4 - i, 32, 10, QLatin1Char('0')); // ids in reverse creation order
        c.contacts << contact(ContactKind::Email, u"second"_s, u"alt%1@example.com"_s.arg(i), false);
        stored << created(c);
    }
    // Values of customers 0 and 2, customer 2 by both its emails (far apart,
    // in different chunks), plus unknown values.
    QStringList values = {u"c2@example.com"_s, u"nobody@example.com"_s, u"c0@example.com"_s};
    for (int i = 0; i < 600; ++i)
        values << u"filler%1@example.com"_s.arg(i);
    values << u"alt2@example.com"_s;
    auto found = m_repo->findManyByContact(ContactKind::Email, values);
    STORE_VERIFY_OK(found);
    // Ordered by id: customer 2 (cus_...2) before customer 0 (cus_...4).
    QCOMPARE(dumpAll(*found), dumpAll(QList<Customer>{stored.at(2), stored.at(0)}));

    auto phones = m_repo->findManyByContact(ContactKind::Phone, {u"+12125550100"_s});
    STORE_VERIFY_OK(phones);
    QCOMPARE(phones->size(), 4);
    auto none = m_repo->findManyByContact(ContactKind::Email, {});
    STORE_VERIFY_OK(none);
    QCOMPARE(dumpAll(*none), QStringList());
}

QTEST_GUILESS_MAIN(TestCustomerRepository)
#include "tst_customerrepository.moc"
