// The identity engine's rules: evidence per pair, the link order (stored link,
// email, phone), "a name alone never links", households kept apart, clusters
// that do not chain two people through one ambiguous record, incremental
// matching, cancellation. Data: a deterministic generated population (so the
// model has something to learn from) plus hand-made records under test.
#include "identity/identityindex.h"
#include "identitygenerator.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Identity;

namespace {

Record person(const QString &id, const QString &first, const QString &last,
              const QString &email = {}, const QString &phone = {}, const QString &dob = {},
              const QString &address = {}, const QString &city = {}, const QString &postcode = {})
{
    Record r;
    r.id = id;
    r.set(Field::FirstName, first);
    r.set(Field::LastName, last);
    r.set(Field::Email, email);
    r.set(Field::Phone, phone);
    r.set(Field::Dob, dob);
    r.set(Field::Address, address);
    r.set(Field::City, city);
    r.set(Field::Postcode, postcode);
    return r;
}

const FieldEvidence *fieldOf(const PairEvidence &e, Comparison c)
{
    for (const FieldEvidence &f : e.fields)
        if (f.comparison == c)
            return &f;
    return nullptr;
}

} // namespace

class TestIdentityMatching : public QObject {
    Q_OBJECT

    std::unique_ptr<IdentityIndex> m_index;
    QList<Record> m_records;

    int at(const QString &id) const { return m_index->indexOf(id); }
    PairEvidence pair(const QString &a, const QString &b) const
    {
        return m_index->explain(at(a), at(b));
    }
    bool together(const QString &a, const QString &b) const
    {
        return m_index->clusterOf(at(a)) == m_index->clusterOf(at(b));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_records = Test::generatePeople(3000, 11).records;
        // Same person, same email, nickname, other phone format.
        m_records << person(u"ann-1"_s, u"Robert"_s, u"Quillfeather"_s, u"rob.quill@example.org"_s,
                            u"(312) 744-5000"_s, u"1980-02-14"_s, u"12 Oak Street"_s, u"Chicago"_s,
                            u"60601"_s)
                  << person(u"ann-2"_s, u"Bob"_s, u"QUILLFEATHER"_s, u" Rob.Quill@Example.ORG "_s,
                            u"312.744.5000"_s, u"2/14/1980"_s, u"12 Oak St"_s, u"Chicago"_s,
                            u"60601"_s);
        // Only the name agrees, and it is a rare one: never a link.
        m_records << person(u"name-1"_s, u"Xanthippe"_s, u"Zylberstein"_s)
                  << person(u"name-2"_s, u"Xanthippe"_s, u"Zylberstein"_s);
        // A household: one landline, one address, one email; two people.
        m_records << person(u"home-mother"_s, u"Maria"_s, u"Okonkwo"_s,
                            u"okonkwo.family@example.net"_s, u"773-555-0142"_s, u"1975-06-01"_s,
                            u"400 Lake Shore Dr Apt 7"_s, u"Chicago"_s, u"60611"_s)
                  << person(u"home-son"_s, u"Daniel"_s, u"Okonkwo"_s,
                            u"okonkwo.family@example.net"_s, u"(773) 555-0142"_s, u"2009-11-23"_s,
                            u"400 Lake Shore Drive #7"_s, u"Chicago"_s, u"60611"_s);
        // Chain bait: a parent and a child, and one record without a given
        // name or birth date that has the parent's email and the child's phone.
        m_records << person(u"lee-a"_s, u"Jonathan"_s, u"Featherstonhaugh"_s,
                            u"jf.home@example.com"_s, {}, u"1962-03-09"_s, {}, u"Boston"_s)
                  << person(u"lee-bridge"_s, {}, u"Featherstonhaugh"_s, u"jf.home@example.com"_s,
                            u"617-362-4410"_s, {}, {}, u"Boston"_s)
                  << person(u"lee-c"_s, u"Margaret"_s, u"Featherstonhaugh"_s, {},
                            u"+1 617 362 4410"_s, u"1991-10-27"_s, {}, u"Boston"_s);
        // The stored cross-system link wins even with nothing else in common.
        Record s1 = person(u"stored-1"_s, u"Kim"_s, u"Tran"_s);
        Record s2 = person(u"stored-2"_s, u"Kimberly"_s, u"Nguyen"_s, u"kn@example.com"_s);
        s1.storedLink = s2.storedLink = u"cus_0123456789abcdef0123456789abcdef"_s;
        m_records << s1 << s2;
        auto built = IdentityIndex::build(m_records);
        QVERIFY2(built, qPrintable(built ? QString() : built.error().message));
        m_index = std::move(*built);
    }

    void emailLinksWithEvidence()
    {
        const PairEvidence e = pair(u"ann-1"_s, u"ann-2"_s);
        QCOMPARE(toString(e.decision), toString(Decision::Link));
        QVERIFY(e.probability >= MatchOptions::kLinkProbability);
        QVERIFY(e.identifierAgrees);
        const FieldEvidence *email = fieldOf(e, Comparison::Email);
        QVERIFY(email);
        QCOMPARE(email->label, u"exact"_s); // case and spaces normalized away
        QVERIFY(email->weight > 5);
        const FieldEvidence *given = fieldOf(e, Comparison::GivenName);
        QVERIFY(given);
        QCOMPARE(given->label, u"nickname"_s);
        QCOMPARE(fieldOf(e, Comparison::Phone)->label, u"exact"_s); // E.164 from two formats
        QCOMPARE(fieldOf(e, Comparison::Dob)->label, u"exact"_s); // ISO vs m/d/y
        QCOMPARE(fieldOf(e, Comparison::Address)->label, u"exact"_s); // Street vs St
        QVERIFY2(e.reason.contains(u"email"_s), qPrintable(e.reason));
        QVERIFY(together(u"ann-1"_s, u"ann-2"_s));
        const Cluster &c = m_index->clusters().at(m_index->clusterOf(at(u"ann-1"_s)));
        QCOMPARE(toString(c.decision), toString(Decision::Link));
        // The JSON a merge workflow stores.
        const QJsonObject json = e.toJson();
        QCOMPARE(json.value(u"decision"_s).toString(), u"link"_s);
        QVERIFY(json.value(u"fields"_s).toArray().size() >= 6);
    }

    void aNameAloneNeverLinks()
    {
        const PairEvidence e = pair(u"name-1"_s, u"name-2"_s);
        QVERIFY(e.decision != Decision::Link);
        QVERIFY(e.nameOnly);
        QVERIFY(!e.identifierAgrees);
        QVERIFY2(e.reason.contains(u"name alone never links"_s) || e.decision == Decision::Distinct,
                 qPrintable(e.reason));
        // However many names agree, without an identifier nothing links: scan
        // every pair the batch scored.
        for (const ScoredPair &p : m_index->scoredPairs()) {
            if (p.decision != Decision::Link)
                continue;
            const PairEvidence ev = m_index->explain(int(p.a), int(p.b));
            QVERIFY2(ev.identifierAgrees || ev.storedLink, qPrintable(ev.reason));
            QVERIFY(ev.storedLink || !ev.nameOnly);
        }
    }

    void householdIsNotOnePerson()
    {
        const PairEvidence e = pair(u"home-mother"_s, u"home-son"_s);
        QVERIFY(e.identifierAgrees); // same email and landline…
        QVERIFY(e.decision != Decision::Link); // …but different given name and birth date
        QVERIFY(!together(u"home-mother"_s, u"home-son"_s));
        QVERIFY2(e.reason.contains(u"sharing"_s) || e.reason.contains(u"does not confirm"_s),
                 qPrintable(e.reason));
    }

    void clustersDoNotChain()
    {
        // The bridge is plausibly either of them; it may join one, never both
        // (connected components would chain all three).
        QVERIFY(!together(u"lee-a"_s, u"lee-c"_s));
        const PairEvidence ac = pair(u"lee-a"_s, u"lee-c"_s);
        QVERIFY(ac.decision != Decision::Link);
        QCOMPARE(fieldOf(ac, Comparison::Dob)->label, u"different"_s);
        QCOMPARE(fieldOf(ac, Comparison::GivenName)->label, u"different"_s);
        // Each direct pair is strong on its own.
        QVERIFY(pair(u"lee-a"_s, u"lee-bridge"_s).probability > 0.5);
        QVERIFY(pair(u"lee-bridge"_s, u"lee-c"_s).probability > 0.5);
    }

    void storedLinkComesFirst()
    {
        const PairEvidence e = pair(u"stored-1"_s, u"stored-2"_s);
        QCOMPARE(toString(e.decision), toString(Decision::Link));
        QVERIFY(e.storedLink);
        QCOMPARE(e.probability, 1.0);
        QVERIFY(together(u"stored-1"_s, u"stored-2"_s));
    }

    void everyRecordInExactlyOneCluster()
    {
        QList<int> seen(m_index->size(), 0);
        for (const Cluster &c : m_index->clusters()) {
            QVERIFY(!c.members.isEmpty());
            QCOMPARE(c.decision == Decision::Distinct, c.members.size() == 1);
            for (int m : c.members) {
                ++seen[m];
                QCOMPARE(m_index->clusterOf(m), c.id);
            }
        }
        QVERIFY(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
        const DedupeStats s = m_index->stats();
        QCOMPARE(s.records, qint64(m_records.size()));
        QCOMPARE(s.clusters, int(m_index->clusters().size()));
        QVERIFY(s.candidatePairs < qint64(m_records.size()) * 40); // blocking, not all pairs
    }

    void generatedDuplicatesAreFound()
    {
        // Behaviour on the generated population: most true duplicates found,
        // no wrong auto-link.
        const Test::GeneratedPeople g = Test::generatePeople(3000, 11);
        qint64 truePairs = 0, found = 0, wrongLinks = 0;
        for (int i = 0; i < g.records.size(); ++i) {
            for (int j = i + 1; j < g.records.size(); ++j) {
                if (g.truth[size_t(i)] != g.truth[size_t(j)])
                    continue;
                ++truePairs;
                found += m_index->clusterOf(i) == m_index->clusterOf(j) ? 1 : 0;
            }
        }
        for (const ScoredPair &p : m_index->scoredPairs()) {
            if (p.decision == Decision::Link && int(p.b) < g.records.size()
                && g.truth[p.a] != g.truth[p.b])
                ++wrongLinks;
        }
        QVERIFY2(double(found) / double(truePairs) > 0.95,
                 qPrintable(u"%1 of %2"_s.arg(found).arg(truePairs)));
        // The generator's hard case (a junior with a parent's name, one
        // record without a birth date) may cost a wrong link; the rate is
        // measured over the labelled data in the benchmark.
        QVERIFY2(wrongLinks <= 2, qPrintable(QString::number(wrongLinks)));
    }

    void incrementalMatch()
    {
        // A returning customer books again, typed differently.
        const Record booking = person(u"booking-77"_s, u"Rob"_s, u"Quillfeather"_s,
                                      u"ROB.QUILL@example.org"_s, {}, {}, {}, u"Chicago"_s);
        const QList<PairEvidence> hits = m_index->match(booking);
        QVERIFY(!hits.isEmpty());
        QCOMPARE(hits.first().a, -1);
        const QString best = m_index->id(hits.first().b);
        QVERIFY2(best == u"ann-1"_s || best == u"ann-2"_s, qPrintable(best));
        QCOMPARE(toString(hits.first().decision), toString(Decision::Link));
        // A first-time booker matches nobody strongly.
        const Record stranger = person(u"booking-78"_s, u"Ottoline"_s, u"Vasquez-Obi"_s,
                                       u"ottoline@example.net"_s, u"+1 206 555 0199"_s);
        const QList<PairEvidence> none = m_index->match(stranger);
        QVERIFY(std::none_of(none.begin(), none.end(),
                             [](const PairEvidence &e) { return e.decision == Decision::Link; }));
        // Added to the index, the next booking of the same person finds her;
        // the index is not rebuilt.
        auto added = m_index->add(stranger);
        QVERIFY(added);
        QCOMPARE(m_index->id(*added), u"booking-78"_s);
        Record again = stranger;
        again.id = u"booking-79"_s;
        again.set(Field::Phone, u"206.555.0199"_s);
        const QList<PairEvidence> later = m_index->match(again);
        QVERIFY(!later.isEmpty());
        QCOMPARE(later.first().b, *added);
        QVERIFY(!m_index->add(stranger)); // same id twice
        // Only names: a candidate at most, never a link.
        const QList<PairEvidence> byName =
            m_index->match(person(u"booking-80"_s, u"Xanthippe"_s, u"Zylberstein"_s));
        QVERIFY(std::none_of(byName.begin(), byName.end(),
                             [](const PairEvidence &e) { return e.decision == Decision::Link; }));
    }

    void cancellationAndProgress()
    {
        std::atomic<bool> cancel { true };
        RunControl control;
        control.cancel = &cancel;
        auto cancelled = IdentityIndex::build(m_records, {}, control);
        QVERIFY(!cancelled);
        QVERIFY(isCancellation(cancelled.error()));

        QStringList stages;
        double last = -1;
        bool monotonic = true;
        std::mutex mutex;
        RunControl watch;
        watch.progress = [&](const QString &stage, double fraction) {
            std::lock_guard lock(mutex);
            if (!stages.contains(stage)) {
                stages.append(stage);
                last = -1;
            }
            monotonic = monotonic && fraction >= last - 1e-9 && fraction <= 1.0;
            last = std::max(last, fraction);
        };
        auto done = IdentityIndex::build(m_records.mid(0, 500), {}, watch);
        QVERIFY(done);
        QCOMPARE(stages.first(), u"normalizing"_s);
        QCOMPARE(stages.last(), u"done"_s);
        QVERIFY(stages.contains(u"scoring"_s));
        QVERIFY(monotonic);
    }

    void duplicateIdsAreRefused()
    {
        QList<Record> twice { person(u"x"_s, u"A"_s, u"B"_s), person(u"x"_s, u"C"_s, u"D"_s) };
        auto r = IdentityIndex::build(twice);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    }

    void organisationsAreSites()
    {
        // Words mode (no first/last): same agency name and phone at another
        // address is another site, not a duplicate.
        QList<Record> sites;
        auto site = [](const QString &id, const QString &name, const QString &address,
                       const QString &phone) {
            Record r;
            r.id = id;
            r.set(Field::Name, name);
            r.set(Field::Address, address);
            r.set(Field::Phone, phone);
            return r;
        };
        sites << site(u"s1"_s, u"YMCA of Metropolitan Chicago - North Lawndale"_s,
                      u"3449 W Arthington St"_s, u"6380773"_s)
              << site(u"s2"_s, u"YMCA North Lawndale"_s, u"3449 W. Arthington"_s, u"638-0773"_s)
              << site(u"s3"_s, u"YMCA of Metropolitan Chicago - South Side"_s,
                      u"6330 S Stony Island Ave"_s, u"6380773"_s);
        for (int i = 0; i < 300; ++i)
            sites << site(u"f%1"_s.arg(i), u"Filler Center %1"_s.arg(i),
                          u"%1 W Madison St"_s.arg(100 + i), u"55%1"_s.arg(10000 + i));
        auto built = IdentityIndex::build(sites);
        QVERIFY(built);
        const IdentityIndex &index = **built;
        QCOMPARE(index.nameMode(), NameMode::Words);
        QCOMPARE(index.clusterOf(0), index.clusterOf(1));
        QVERIFY(index.clusterOf(0) != index.clusterOf(2));
        const PairEvidence e = index.explain(0, 1);
        QCOMPARE(fieldOf(e, Comparison::Phone)->label, u"exact"_s); // two 7-digit local numbers
        QVERIFY(e.decision != Decision::Link); // local numbers are evidence, not identity
    }
};

QTEST_GUILESS_MAIN(TestIdentityMatching)
#include "tst_identitymatching.moc"
