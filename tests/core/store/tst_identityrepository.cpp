// IdentityRepository (core/store/identityrepository.h): the identity map
// (external links), duplicate candidates and merge proposals.

#include "storetestsupport.h"

#include "common/clock.h"
#include "domain/customer.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/identityrepository.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Store;
using namespace Concord::StoreTest;

namespace {

const QString kMissingCustomer = u"cus_ffffffffffffffffffffffffffffffff"_s;

ExternalLink makeLink(const QString &customerId, System system, const QString &externalId)
{
    ExternalLink l;
    l.customerId = customerId;
    l.system = system;
    l.externalId = externalId;
    l.method = MatchMethod::Email;
    l.confidencePermille = 870;
    l.evidenceJson = u"{\"email\":1000,\"name\":640}"_s;
    l.linkedBy = u"sync"_s;
    return l;
}

DuplicateCandidate makeCandidate(const QString &a, const QString &b, int score)
{
    DuplicateCandidate c;
    c.customerA = a;
    c.customerB = b;
    c.scorePermille = score;
    c.evidenceJson = u"{\"phone\":1000}"_s;
    return c;
}

MergeProposal makeProposal(const QString &survivor, const QList<QString> &merged)
{
    MergeProposal p;
    p.survivorId = survivor;
    p.mergedIds = merged;
    p.fieldChoicesJson = u"{\"displayName\":\"survivor\"}"_s;
    p.evidenceJson = u"{\"email\":1000}"_s;
    p.proposedBy = u"olivia"_s;
    p.note = u"same person, two emails"_s;
    return p;
}

} // namespace

class TestIdentityRepository : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietStoreLog(); }
    void init();
    void cleanup();

    void linkStoresWholeLink();
    void linkDefaultsEvidenceToEmptyObject();
    void relinkToSameCustomerReturnsExistingLink();
    void linkOwnedByAnotherCustomerIsConflict();
    void linkRefusals_data();
    void linkRefusals();
    void sameExternalIdInEachSystem();
    void unlink();
    void unlinkMissingIsNotFound();
    void moveLinks();
    void findUnlinkedIsNullopt();

    void upsertCandidateIsOrderInsensitiveAndKeepsState();
    void upsertCandidateRefusals_data();
    void upsertCandidateRefusals();
    void candidatesByStateOrderedByScore();
    void setCandidateStateMissingIsNotFound();

    void createProposalStoresWholeProposal();
    void createProposalWithDefaults();
    void createProposalRefusals_data();
    void createProposalRefusals();
    void decideProposal_data();
    void decideProposal();
    void decideAlreadyDecidedProposalIsConflict();
    void decideMissingProposalIsNotFound();
    void proposalsByState();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<IdentityRepository> m_repo;
    QString m_a; // three customers, ids in ascending order
    QString m_b;
    QString m_c;
};

void TestIdentityRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = openMigrated(*m_dir);
    STORE_VERIFY_OK(db);
    m_db = std::move(*db);
    m_clock = std::make_unique<ManualClock>(fixedStart());
    m_repo = std::make_unique<IdentityRepository>(*m_db, *m_clock);

    CustomerRepository customers(*m_db, *m_clock);
    QStringList ids;
    for (const QString &name : {u"Avery"_s, u"Blake"_s, u"Casey"_s}) {
        Customer c;
        c.id = u"cus_0000000000000000000000000000000"_s + QString::number(ids.size() + 1);
        c.displayName = name;
        auto stored = customers.create(c);
        STORE_VERIFY_OK(stored);
        ids << stored->id;
    }
    m_a = ids.at(0);
    m_b = ids.at(1);
    m_c = ids.at(2);
}

void TestIdentityRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
    m_clock.reset();
    m_dir.reset();
}

// ---------------------------------------------------------------------------
// Links

void TestIdentityRepository::linkStoresWholeLink()
{
    const ExternalLink input = makeLink(m_a, System::QuickBooks, u"58"_s);
    auto stored = m_repo->link(input);
    STORE_VERIFY_OK(stored);

    ExternalLink expected = input;
    expected.id = stored->id;
    expected.linkedAt = fixedStart();
    QVERIFY(stored->id > 0);
    QCOMPARE(dump(*stored), dump(expected));

    auto found = m_repo->find(System::QuickBooks, u"58"_s);
    STORE_VERIFY_OK(found);
    QVERIFY(found->has_value());
    QCOMPARE(dump(**found), dump(expected));
    auto links = m_repo->linksFor(m_a);
    STORE_VERIFY_OK(links);
    QCOMPARE(dumpAll(*links), QStringList{dump(expected)});
}

void TestIdentityRepository::linkDefaultsEvidenceToEmptyObject()
{
    ExternalLink input = makeLink(m_a, System::HubSpot, u"901"_s);
    input.evidenceJson.clear();
    input.method = MatchMethod::Manual;
    input.confidencePermille = 1000;
    auto stored = m_repo->link(input);
    STORE_VERIFY_OK(stored);
    auto found = m_repo->find(System::HubSpot, u"901"_s);
    STORE_VERIFY_OK(found);
    QVERIFY(found->has_value());
    QCOMPARE((*found)->evidenceJson, u"{}"_s);
    QCOMPARE(dump(**found), dump(*stored));
}

void TestIdentityRepository::relinkToSameCustomerReturnsExistingLink()
{
    auto first = m_repo->link(makeLink(m_a, System::CalCom, u"ada@example.com"_s));
    STORE_VERIFY_OK(first);
    const QStringList before = snapshot(*m_db);

    m_clock->advanceSecs(600);
    ExternalLink again = makeLink(m_a, System::CalCom, u"ada@example.com"_s);
    again.method = MatchMethod::Manual;
    again.confidencePermille = 1000;
    again.linkedBy = u"olivia"_s;
    auto second = m_repo->link(again);
    STORE_VERIFY_OK(second);
    QCOMPARE(dump(*second), dump(*first)); // the existing link, unchanged
    QCOMPARE(snapshot(*m_db), before);
}

void TestIdentityRepository::linkOwnedByAnotherCustomerIsConflict()
{
    auto owner = m_repo->link(makeLink(m_a, System::QuickBooks, u"58"_s));
    STORE_VERIFY_OK(owner);
    const QStringList before = snapshot(*m_db);

    auto refused = m_repo->link(makeLink(m_b, System::QuickBooks, u"58"_s));
    STORE_VERIFY_ERROR(refused, ErrorCode::Conflict);
    const QString message = refused.error().message;
    QVERIFY2(message.contains(u"QuickBooks Online"_s), qPrintable(message));
    QVERIFY2(message.contains(u"58"_s), qPrintable(message));
    QVERIFY2(message.contains(m_a), qPrintable(message));
    QCOMPARE(snapshot(*m_db), before);
}

void TestIdentityRepository::linkRefusals_data()
{
    QTest::addColumn<QString>("customerId"); // "a" = an existing customer
    QTest::addColumn<QString>("externalId");
    QTest::addColumn<int>("confidence");
    QTest::addColumn<QString>("expectedCode");

    const QString invalid = errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("empty external id") << u"a"_s << u""_s << 900 << invalid;
    QTest::newRow("blank external id") << u"a"_s << u"  "_s << 900 << invalid;
    QTest::newRow("no customer") << u""_s << u"58"_s << 900 << invalid;
    QTest::newRow("confidence below 0") << u"a"_s << u"58"_s << -1 << invalid;
    QTest::newRow("confidence above 1000") << u"a"_s << u"58"_s << 1001 << invalid;
    QTest::newRow("customer does not exist") << kMissingCustomer << u"58"_s << 900
                                             << errorCodeName(ErrorCode::InvalidArgument);
}

void TestIdentityRepository::linkRefusals()
{
    QFETCH(QString, customerId);
    QFETCH(QString, externalId);
    QFETCH(int, confidence);
    QFETCH(QString, expectedCode);
    auto existing = m_repo->link(makeLink(m_b, System::HubSpot, u"1"_s));
    STORE_VERIFY_OK(existing);
    const QStringList before = snapshot(*m_db);

    ExternalLink input = makeLink(customerId == u"a"_s ? m_a : customerId, System::QuickBooks, externalId);
    input.confidencePermille = confidence;
    auto refused = m_repo->link(input);
    QCOMPARE(codeOf(refused), expectedCode);
    QCOMPARE(snapshot(*m_db), before);
}

void TestIdentityRepository::sameExternalIdInEachSystem()
{
    QList<ExternalLink> stored;
    // Linked in an order unlike the listing order (system name, then id).
    for (System s : {System::QuickBooks, System::CalCom, System::HubSpot}) {
        auto l = m_repo->link(makeLink(m_a, s, u"42"_s));
        STORE_VERIFY_OK(l);
        stored << *l;
    }
    auto other = m_repo->link(makeLink(m_b, System::QuickBooks, u"43"_s));
    STORE_VERIFY_OK(other);

    auto links = m_repo->linksFor(m_a);
    STORE_VERIFY_OK(links);
    QCOMPARE(dumpAll(*links), dumpAll(QList<ExternalLink>{stored.at(1), stored.at(2), stored.at(0)}));
    for (const ExternalLink &l : std::as_const(stored)) {
        auto found = m_repo->find(l.system, u"42"_s);
        STORE_VERIFY_OK(found);
        QVERIFY(found->has_value());
        QCOMPARE(dump(**found), dump(l));
    }
}

void TestIdentityRepository::unlink()
{
    auto kept = m_repo->link(makeLink(m_a, System::HubSpot, u"42"_s));
    STORE_VERIFY_OK(kept);
    auto gone = m_repo->link(makeLink(m_a, System::QuickBooks, u"42"_s));
    STORE_VERIFY_OK(gone);

    auto ok = m_repo->unlink(System::QuickBooks, u"42"_s);
    STORE_VERIFY_OK(ok);
    auto found = m_repo->find(System::QuickBooks, u"42"_s);
    STORE_VERIFY_OK(found);
    QVERIFY(!found->has_value());
    auto links = m_repo->linksFor(m_a);
    STORE_VERIFY_OK(links);
    QCOMPARE(dumpAll(*links), QStringList{dump(*kept)});

    // Once unlinked, the record can go to another customer.
    auto relinked = m_repo->link(makeLink(m_b, System::QuickBooks, u"42"_s));
    STORE_VERIFY_OK(relinked);
    QCOMPARE(relinked->customerId, m_b);
}

void TestIdentityRepository::unlinkMissingIsNotFound()
{
    auto existing = m_repo->link(makeLink(m_a, System::HubSpot, u"42"_s));
    STORE_VERIFY_OK(existing);
    const QStringList before = snapshot(*m_db);

    auto refused = m_repo->unlink(System::QuickBooks, u"42"_s); // same id, other system
    STORE_VERIFY_ERROR(refused, ErrorCode::NotFound);
    QVERIFY2(refused.error().message.contains(u"QuickBooks Online"_s), qPrintable(refused.error().message));
    QCOMPARE(snapshot(*m_db), before);
}

void TestIdentityRepository::moveLinks()
{
    QList<ExternalLink> fromA;
    for (System s : {System::CalCom, System::QuickBooks}) {
        auto l = m_repo->link(makeLink(m_a, s, u"a-%1"_s.arg(toString(s))));
        STORE_VERIFY_OK(l);
        fromA << *l;
    }
    auto ofB = m_repo->link(makeLink(m_b, System::HubSpot, u"b-1"_s));
    STORE_VERIFY_OK(ofB);

    auto moved = m_repo->moveLinks(m_a, m_c);
    STORE_VERIFY_OK(moved);
    QCOMPARE(*moved, 2);

    QList<ExternalLink> expected = fromA;
    for (ExternalLink &l : expected)
        l.customerId = m_c; // everything else (evidence, linkedAt, linkedBy) kept
    auto links = m_repo->linksFor(m_c);
    STORE_VERIFY_OK(links);
    QCOMPARE(dumpAll(*links), dumpAll(expected));
    links = m_repo->linksFor(m_a);
    STORE_VERIFY_OK(links);
    QCOMPARE(dumpAll(*links), QStringList());
    links = m_repo->linksFor(m_b);
    STORE_VERIFY_OK(links);
    QCOMPARE(dumpAll(*links), QStringList{dump(*ofB)});

    // Nothing left to move.
    moved = m_repo->moveLinks(m_a, m_c);
    STORE_VERIFY_OK(moved);
    QCOMPARE(*moved, 0);
}

void TestIdentityRepository::findUnlinkedIsNullopt()
{
    auto found = m_repo->find(System::HubSpot, u"nope"_s);
    STORE_VERIFY_OK(found);
    QVERIFY(!found->has_value());
}

// ---------------------------------------------------------------------------
// Duplicate candidates

void TestIdentityRepository::upsertCandidateIsOrderInsensitiveAndKeepsState()
{
    auto id = m_repo->upsertCandidate(makeCandidate(m_b, m_a, 700)); // reversed on purpose
    STORE_VERIFY_OK(id);
    DuplicateCandidate expected = makeCandidate(m_a, m_b, 700);
    expected.id = *id;
    expected.foundAt = fixedStart();
    auto open = m_repo->candidates(CandidateState::Open);
    STORE_VERIFY_OK(open);
    QCOMPARE(dumpAll(*open), QStringList{dump(expected)});

    auto ok = m_repo->setCandidateState(*id, CandidateState::Proposed);
    STORE_VERIFY_OK(ok);
    m_clock->advanceSecs(3600);

    DuplicateCandidate refresh = makeCandidate(m_a, m_b, 910);
    refresh.evidenceJson = u"{\"phone\":1000,\"name\":820}"_s;
    refresh.state = CandidateState::Open; // ignored for a known pair
    auto again = m_repo->upsertCandidate(refresh);
    STORE_VERIFY_OK(again);
    QCOMPARE(*again, *id);

    expected.scorePermille = 910;
    expected.evidenceJson = refresh.evidenceJson;
    expected.state = CandidateState::Proposed;
    auto proposed = m_repo->candidates(CandidateState::Proposed);
    STORE_VERIFY_OK(proposed);
    QCOMPARE(dumpAll(*proposed), QStringList{dump(expected)});
    open = m_repo->candidates(CandidateState::Open);
    STORE_VERIFY_OK(open);
    QCOMPARE(dumpAll(*open), QStringList());
    QCOMPARE(rowCount(*m_db, u"duplicate_candidates"_s), qint64(1));
}

void TestIdentityRepository::upsertCandidateRefusals_data()
{
    QTest::addColumn<QString>("second"); // pairs with customer A
    QTest::addColumn<QString>("expectedCode");

    QTest::newRow("same customer twice") << u"a"_s << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("customer does not exist") << kMissingCustomer << errorCodeName(ErrorCode::InvalidArgument);
}

void TestIdentityRepository::upsertCandidateRefusals()
{
    QFETCH(QString, second);
    QFETCH(QString, expectedCode);
    auto existing = m_repo->upsertCandidate(makeCandidate(m_b, m_c, 500));
    STORE_VERIFY_OK(existing);
    const QStringList before = snapshot(*m_db);

    auto refused = m_repo->upsertCandidate(makeCandidate(m_a, second == u"a"_s ? m_a : second, 800));
    QCOMPARE(codeOf(refused), expectedCode);
    QCOMPARE(snapshot(*m_db), before);
}

void TestIdentityRepository::candidatesByStateOrderedByScore()
{
    QList<DuplicateCandidate> stored;
    const QList<std::pair<QString, QString>> pairs = {{m_a, m_b}, {m_a, m_c}, {m_b, m_c}};
    const QList<int> scores = {600, 950, 800};
    for (int i = 0; i < 3; ++i) {
        auto id = m_repo->upsertCandidate(makeCandidate(pairs.at(i).first, pairs.at(i).second, scores.at(i)));
        STORE_VERIFY_OK(id);
        DuplicateCandidate c = makeCandidate(pairs.at(i).first, pairs.at(i).second, scores.at(i));
        c.id = *id;
        c.foundAt = m_clock->nowUtc();
        stored << c;
        m_clock->advanceSecs(10);
    }
    auto open = m_repo->candidates(CandidateState::Open);
    STORE_VERIFY_OK(open);
    QCOMPARE(dumpAll(*open), dumpAll(QList<DuplicateCandidate>{stored.at(1), stored.at(2), stored.at(0)}));

    auto ok = m_repo->setCandidateState(stored.at(2).id, CandidateState::Dismissed);
    STORE_VERIFY_OK(ok);
    stored[2].state = CandidateState::Dismissed;
    open = m_repo->candidates(CandidateState::Open);
    STORE_VERIFY_OK(open);
    QCOMPARE(dumpAll(*open), dumpAll(QList<DuplicateCandidate>{stored.at(1), stored.at(0)}));
    auto dismissed = m_repo->candidates(CandidateState::Dismissed);
    STORE_VERIFY_OK(dismissed);
    QCOMPARE(dumpAll(*dismissed), QStringList{dump(stored.at(2))});
    auto merged = m_repo->candidates(CandidateState::Merged);
    STORE_VERIFY_OK(merged);
    QCOMPARE(dumpAll(*merged), QStringList());
}

void TestIdentityRepository::setCandidateStateMissingIsNotFound()
{
    auto existing = m_repo->upsertCandidate(makeCandidate(m_a, m_b, 500));
    STORE_VERIFY_OK(existing);
    const QStringList before = snapshot(*m_db);
    auto refused = m_repo->setCandidateState(*existing + 100, CandidateState::Merged);
    STORE_VERIFY_ERROR(refused, ErrorCode::NotFound);
    QCOMPARE(snapshot(*m_db), before);
}

// ---------------------------------------------------------------------------
// Merge proposals

void TestIdentityRepository::createProposalStoresWholeProposal()
{
    const MergeProposal input = makeProposal(m_a, {m_b, m_c});
    auto id = m_repo->createProposal(input);
    STORE_VERIFY_OK(id);

    MergeProposal expected = input;
    expected.id = *id;
    expected.state = MergeState::Proposed;
    expected.proposedAt = fixedStart();
    auto read = m_repo->proposal(*id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));
}

void TestIdentityRepository::createProposalWithDefaults()
{
    // Only what a proposal needs; JSON defaults to "{}", the note to empty.
    MergeProposal input;
    input.survivorId = m_a;
    input.mergedIds = {m_b};
    input.proposedBy = u"olivia"_s;
    auto id = m_repo->createProposal(input);
    STORE_VERIFY_OK(id);

    MergeProposal expected = input;
    expected.id = *id;
    expected.fieldChoicesJson = u"{}"_s;
    expected.evidenceJson = u"{}"_s;
    expected.proposedAt = fixedStart();
    auto read = m_repo->proposal(*id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));
}

void TestIdentityRepository::createProposalRefusals_data()
{
    QTest::addColumn<QString>("survivor"); // "a", "b", "c" or a literal id
    QTest::addColumn<QStringList>("merged");
    QTest::addColumn<QString>("expectedCode");

    const QString invalid = errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("no survivor") << u""_s << QStringList{u"b"_s} << invalid;
    QTest::newRow("nobody merged") << u"a"_s << QStringList() << invalid;
    QTest::newRow("survivor also merged") << u"a"_s << QStringList{u"b"_s, u"a"_s} << invalid;
    QTest::newRow("comma in an id") << u"a"_s << QStringList{u"b,c"_s} << invalid;
    QTest::newRow("survivor does not exist") << kMissingCustomer << QStringList{u"b"_s}
                                             << errorCodeName(ErrorCode::InvalidArgument);
}

void TestIdentityRepository::createProposalRefusals()
{
    QFETCH(QString, survivor);
    QFETCH(QStringList, merged);
    QFETCH(QString, expectedCode);
    auto existing = m_repo->createProposal(makeProposal(m_c, {m_b}));
    STORE_VERIFY_OK(existing);
    const QStringList before = snapshot(*m_db);

    auto resolve = [this](const QString &key) {
        if (key == u"a"_s)
            return m_a;
        if (key == u"b"_s)
            return m_b;
        if (key == u"c"_s)
            return m_c;
        return key;
    };
    QList<QString> mergedIds;
    for (const QString &m : std::as_const(merged))
        mergedIds << resolve(m);
    auto refused = m_repo->createProposal(makeProposal(resolve(survivor), mergedIds));
    QCOMPARE(codeOf(refused), expectedCode);
    QCOMPARE(snapshot(*m_db), before);
}

void TestIdentityRepository::decideProposal_data()
{
    QTest::addColumn<int>("next");
    QTest::addColumn<QString>("note");
    QTest::addColumn<QString>("expectedNote");

    const QString original = u"same person, two emails"_s;
    QTest::newRow("approve with a note") << int(MergeState::Approved) << u"checked the invoices"_s
                                         << u"checked the invoices"_s;
    QTest::newRow("reject with a note") << int(MergeState::Rejected) << u"different people"_s
                                        << u"different people"_s;
    QTest::newRow("approve, empty note keeps the proposal's") << int(MergeState::Approved) << u""_s << original;
    QTest::newRow("approve, null note keeps the proposal's") << int(MergeState::Approved) << QString() << original;
}

void TestIdentityRepository::decideProposal()
{
    QFETCH(int, next);
    QFETCH(QString, note);
    QFETCH(QString, expectedNote);
    auto id = m_repo->createProposal(makeProposal(m_a, {m_b}));
    STORE_VERIFY_OK(id);
    auto before = m_repo->proposal(*id);
    STORE_VERIFY_OK(before);

    m_clock->advanceSecs(86400);
    auto ok = m_repo->decideProposal(*id, MergeState::Proposed, MergeState(next), u"owen"_s, note);
    STORE_VERIFY_OK(ok);

    MergeProposal expected = *before;
    expected.state = MergeState(next);
    expected.decidedBy = u"owen"_s;
    expected.decidedAt = fixedStart().addSecs(86400);
    expected.note = expectedNote;
    auto read = m_repo->proposal(*id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));
}

void TestIdentityRepository::decideAlreadyDecidedProposalIsConflict()
{
    auto id = m_repo->createProposal(makeProposal(m_a, {m_b}));
    STORE_VERIFY_OK(id);
    auto ok = m_repo->decideProposal(*id, MergeState::Proposed, MergeState::Approved, u"owen"_s, u"ok"_s);
    STORE_VERIFY_OK(ok);
    const QStringList before = snapshot(*m_db);

    m_clock->advanceSecs(60);
    auto refused = m_repo->decideProposal(*id, MergeState::Proposed, MergeState::Rejected, u"otto"_s, u"no"_s);
    STORE_VERIFY_ERROR(refused, ErrorCode::Conflict);
    QVERIFY2(refused.error().message.contains(u"is approved, not proposed"_s), qPrintable(refused.error().message));
    QCOMPARE(snapshot(*m_db), before);
}

void TestIdentityRepository::decideMissingProposalIsNotFound()
{
    auto id = m_repo->createProposal(makeProposal(m_a, {m_b}));
    STORE_VERIFY_OK(id);
    const QStringList before = snapshot(*m_db);
    auto refused = m_repo->decideProposal(*id + 1, MergeState::Proposed, MergeState::Approved, u"owen"_s, u"x"_s);
    STORE_VERIFY_ERROR(refused, ErrorCode::NotFound);
    QCOMPARE(snapshot(*m_db), before);
    auto missing = m_repo->proposal(*id + 1);
    STORE_VERIFY_ERROR(missing, ErrorCode::NotFound);
}

void TestIdentityRepository::proposalsByState()
{
    QList<MergeProposal> stored;
    const QList<std::pair<QString, QString>> pairs = {{m_c, m_a}, {m_a, m_b}, {m_b, m_c}};
    for (const auto &[survivor, merged] : pairs) {
        auto id = m_repo->createProposal(makeProposal(survivor, {merged}));
        STORE_VERIFY_OK(id);
        auto read = m_repo->proposal(*id);
        STORE_VERIFY_OK(read);
        stored << *read;
        m_clock->advanceSecs(30);
    }
    auto ok = m_repo->decideProposal(stored.at(1).id, MergeState::Proposed, MergeState::Approved, u"owen"_s, u""_s);
    STORE_VERIFY_OK(ok);
    auto approvedOne = m_repo->proposal(stored.at(1).id);
    STORE_VERIFY_OK(approvedOne);

    auto proposed = m_repo->proposals(MergeState::Proposed);
    STORE_VERIFY_OK(proposed);
    QCOMPARE(dumpAll(*proposed), dumpAll(QList<MergeProposal>{stored.at(0), stored.at(2)}));
    auto approved = m_repo->proposals(MergeState::Approved);
    STORE_VERIFY_OK(approved);
    QCOMPARE(dumpAll(*approved), QStringList{dump(*approvedOne)});
    auto executed = m_repo->proposals(MergeState::Executed);
    STORE_VERIFY_OK(executed);
    QCOMPARE(dumpAll(*executed), QStringList());
}

QTEST_GUILESS_MAIN(TestIdentityRepository)
#include "tst_identityrepository.moc"
