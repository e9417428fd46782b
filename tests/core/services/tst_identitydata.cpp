// The Customers and duplicates page's data: the identity map (one row per
// active customer with its record in each system) and the duplicate review
// (candidates and proposals with both sides, the evidence per field and the
// plan), read from a real store and asserted whole.

#include "common/clock.h"
#include "domainprinters.h"
#include "identity/evidence.h"
#include "services/admincommands.h"
#include "services/identitydata.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/identityrepository.h"
#include "store/migrations.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Services;
using Concord::Identity::MergeStep;
using Concord::Security::Actor;

namespace {

QString systemKey(System s)
{
    switch (s) {
    case System::QuickBooks: return u"qbo"_s;
    case System::HubSpot: return u"hs"_s;
    case System::CalCom: return u"cal"_s;
    }
    return {};
}

} // namespace

class TestIdentityData : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_run = 0;
    std::unique_ptr<Store::Database> m_db;
    ManualClock m_clock{QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC)};
    const Actor m_owner = Actor::user(u"olivia"_s, Role::Owner);
    const Actor m_manager = Actor::user(u"mona"_s, Role::OfficeManager);
    QHash<QString, QString> m_names; // customer id → the name the dumps use

    struct Contact {
        ContactKind kind;
        QString value;
        bool primary = false;
    };

    QString addCustomer(const QString &given, const QString &family, const QList<Contact> &contacts = {},
                        const QString &label = {})
    {
        m_clock.advanceSecs(60); // created one after the other
        Store::CustomerRepository repo(*m_db, m_clock);
        Customer c;
        c.givenName = given;
        c.familyName = family;
        c.displayName = given + u' ' + family;
        auto stored = repo.create(c);
        if (!stored)
            qFatal("customer: %s", qPrintable(stored.error().toString()));
        for (const Contact &contact : contacts) {
            ContactPoint p;
            p.customerId = stored->id;
            p.kind = contact.kind;
            p.value = contact.value;
            p.normalized = contact.value.toLower().remove(u' ');
            p.isPrimary = contact.primary;
            if (!repo.addContact(p))
                qFatal("contact");
        }
        m_names.insert(stored->id, label.isEmpty() ? c.displayName : label);
        return stored->id;
    }

    void link(const QString &customer, System system, const QString &externalId,
              MatchMethod method = MatchMethod::Manual, int confidence = 1000)
    {
        m_clock.advanceSecs(1);
        ExternalLink l;
        l.customerId = customer;
        l.system = system;
        l.externalId = externalId;
        l.method = method;
        l.confidencePermille = confidence;
        l.linkedBy = u"sync"_s;
        if (!Store::IdentityRepository(*m_db, m_clock).link(l))
            qFatal("link");
    }

    // Evidence as the duplicate scan stores it (Identity::PairEvidence::toJson).
    static QString evidence(const QString &a, const QString &b, double probability,
                            const QList<Identity::FieldEvidence> &fields, const QString &reason)
    {
        Identity::PairEvidence e;
        e.idA = a;
        e.idB = b;
        e.decision = Identity::Decision::Candidate;
        e.probability = probability;
        e.fields = fields;
        e.reason = reason;
        return QString::fromUtf8(QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact));
    }

    static Identity::FieldEvidence field(Identity::Comparison c, const QString &label, double weight,
                                         const QString &a, const QString &b)
    {
        Identity::FieldEvidence f;
        f.comparison = c;
        f.label = label;
        f.weight = weight;
        f.valueA = a;
        f.valueB = b;
        return f;
    }

    qint64 candidate(const QString &a, const QString &b, int score, const QString &evidenceJson)
    {
        DuplicateCandidate c;
        c.customerA = qMin(a, b);
        c.customerB = qMax(a, b);
        c.scorePermille = score;
        c.evidenceJson = evidenceJson;
        auto id = Store::IdentityRepository(*m_db, m_clock).upsertCandidate(c);
        if (!id)
            qFatal("candidate: %s", qPrintable(id.error().toString()));
        return *id;
    }

    qint64 propose(const QString &survivor, const QString &merged, const QString &choices,
                   const QString &evidenceJson = {})
    {
        m_clock.advanceSecs(60);
        MergeProposal p;
        p.survivorId = survivor;
        p.mergedIds = {merged};
        p.fieldChoicesJson = choices;
        p.evidenceJson = evidenceJson;
        auto id = AdminCommands(*m_db, m_clock).proposeMerge(m_manager, p);
        if (!id)
            qFatal("propose: %s", qPrintable(id.error().toString()));
        return *id;
    }

    QString name(const QString &id) const { return m_names.value(id, id); }

    QString dumpLinks(const QList<ExternalLink> &links) const
    {
        QStringList out;
        for (const ExternalLink &l : links)
            out.append(systemKey(l.system) + u':' + l.externalId);
        out.sort();
        return out.join(u',');
    }

    QString dumpRow(const IdentityMapRow &row) const
    {
        QStringList cells{name(row.customerId), row.displayName, row.email, row.phone};
        for (System s : allSystems()) {
            const IdentityLinkCell &c = row.link(s);
            cells.append(c.isLinked() ? u"%1:%2(%3,%4,+%5)"_s.arg(systemKey(s), c.externalId, toString(c.method))
                                            .arg(c.confidencePermille)
                                            .arg(c.moreRecords)
                                      : systemKey(s) + u":-"_s);
        }
        return cells.join(u" | "_s);
    }

    QStringList dumpItem(const DuplicateReviewItem &item) const
    {
        QStringList out;
        QString head = u"%1 score=%2 candidate=%3 suggested=%4"_s.arg(
            item.kind == ReviewKind::Proposal ? u"proposal"_s : u"candidate"_s)
                           .arg(item.scorePermille)
                           .arg(item.candidateId != 0 ? u"yes"_s : u"no"_s, name(item.suggestedSurvivorId));
        if (item.kind == ReviewKind::Proposal) {
            QStringList merged;
            for (const QString &id : item.proposal.mergedIds)
                merged.append(name(id));
            head += u" state=%1 by=%2 decidedBy=%3 note=%4 survivor=%5 merged=%6 choices=%7"_s.arg(
                toString(item.proposal.state), item.proposal.proposedBy, item.proposal.decidedBy, item.proposal.note,
                name(item.proposal.survivorId), merged.join(u','),
                QString::fromUtf8(QJsonDocument(item.fieldChoices).toJson(QJsonDocument::Compact)));
        }
        out.append(head);
        for (const ReviewCustomer &c : item.customers) {
            out.append(u"  %1: %2 / %3 %4 · %5 · %6 · %7 · [%8] · %9"_s.arg(
                name(c.customer.id), c.customer.displayName, c.customer.givenName, c.customer.familyName, c.email,
                c.phone, c.address, dumpLinks(c.links), toString(c.customer.state)));
        }
        QStringList fields;
        for (const ReviewEvidenceField &f : item.evidence.fields)
            fields.append(u"%1:%2:%3"_s.arg(f.comparison, f.level, f.agrees ? u"+"_s : u"-"_s));
        out.append(u"  evidence %1 p=%2 %3 — %4"_s.arg(item.evidence.decision)
                       .arg(item.evidence.probability)
                       .arg(fields.join(u','), item.evidence.reason));
        if (item.hasPlan) {
            for (const MergeStep &s : item.plan.steps) {
                out.append(u"  step %1 %2 %3→%4%5%6"_s.arg(Identity::toString(s.action), systemKey(s.system),
                                                          s.mergedExternalId, s.survivorExternalId,
                                                          s.automatic ? QString() : u" manual"_s,
                                                          s.undoableRemotely ? QString() : u" irreversible"_s));
            }
        }
        if (!item.planProblem.isEmpty())
            out.append(u"  problem: "_s + item.planProblem);
        out.append(u"  canUndo=%1 keptOnUndo=%2"_s.arg(item.canUndo ? u"yes"_s : u"no"_s)
                       .arg(item.remoteStepsKeptOnUndo().size()));
        return out;
    }

private Q_SLOTS:
    void initTestCase() { QLoggingCategory::setFilterRules(u"concord.core.store.info=false"_s); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        auto db = Store::Database::open(u"sqlite://"_s + m_dir.filePath(u"identity-%1.sqlite"_s.arg(++m_run)));
        QVERIFY_OK(db);
        m_db = std::move(*db);
        QVERIFY_OK(Store::migrate(*m_db));
        m_names.clear();
    }

    void cleanup() { m_db.reset(); }

    void emptyStore()
    {
        auto map = collectIdentityMap(*m_db);
        QVERIFY_OK(map);
        QVERIFY(map->rows.isEmpty());
        QCOMPARE(map->counts.customers, 0);
        QCOMPARE(map->counts.linked, (std::array<qint64, 3>{0, 0, 0}));
        QCOMPARE(map->counts.unlinked, 0);
        QCOMPARE(map->counts.merged, 0);
        auto review = collectDuplicateReview(*m_db);
        QVERIFY_OK(review);
        QVERIFY(review->items.isEmpty());
        QCOMPARE(review->openCandidates, 0);
        QVERIFY(!review->truncated);
    }

    void identityMapRowsAndCounts()
    {
        // Ana: the primary email wins over an older one; the oldest of two
        // non-primary phones; a second Cal.com address is counted.
        const QString ana = addCustomer(u"Ana"_s, u"Lopez"_s,
                                        {{ContactKind::Email, u"ana.old@example.org"_s},
                                         {ContactKind::Phone, u"+1 555 0100"_s},
                                         {ContactKind::Phone, u"+1 555 0199"_s},
                                         {ContactKind::Email, u"ana@example.org"_s, true},
                                         {ContactKind::Address, u"1 Main St"_s, true}});
        link(ana, System::QuickBooks, u"58"_s, MatchMethod::Email, 990);
        link(ana, System::HubSpot, u"901"_s, MatchMethod::Created);
        link(ana, System::CalCom, u"ana@example.org"_s, MatchMethod::Email, 1000);
        link(ana, System::CalCom, u"ana.old@example.org"_s, MatchMethod::Manual);
        const QString ben = addCustomer(u"Ben"_s, u"Okafor"_s);
        const QString cleo = addCustomer(u"Cleo"_s, u"Park"_s, {{ContactKind::Phone, u"+1 555 0300"_s, true}});
        link(cleo, System::HubSpot, u"733"_s, MatchMethod::Phone, 700);
        // Eve and her duplicate: once merged, only the survivor is a row.
        const QString eve = addCustomer(u"Eve"_s, u"Stone"_s);
        const QString eve2 = addCustomer(u"Eve"_s, u"Stone"_s, {{ContactKind::Email, u"eve@x.org"_s, true}}, u"Eve 2"_s);
        link(eve, System::QuickBooks, u"80"_s);
        link(eve2, System::QuickBooks, u"81"_s);
        const qint64 merge = propose(eve, eve2, u"{}"_s);
        QVERIFY_OK(AdminCommands(*m_db, m_clock).decideMerge(m_owner, merge, true, {}));
        QVERIFY_OK(AdminCommands(*m_db, m_clock).executeMerge(m_owner, merge));
        candidate(ana, ben, 400, u"{}"_s);
        const QString gus = addCustomer(u"Gus"_s, u"Hall"_s);
        propose(gus, ben, u"{}"_s);

        auto map = collectIdentityMap(*m_db);
        QVERIFY_OK(map);
        QStringList rows;
        for (const IdentityMapRow &row : std::as_const(map->rows))
            rows.append(dumpRow(row));
        const QStringList expected{
            u"Ana Lopez | Ana Lopez | ana@example.org | +1 555 0100 | qbo:58(email,990,+0) | hs:901(created,1000,+0) | "
            "cal:ana@example.org(email,1000,+1)"_s,
            u"Ben Okafor | Ben Okafor |  |  | qbo:- | hs:- | cal:-"_s,
            u"Cleo Park | Cleo Park |  | +1 555 0300 | qbo:- | hs:733(phone,700,+0) | cal:-"_s,
            u"Eve Stone | Eve Stone |  |  | qbo:80(manual,1000,+1) | hs:- | cal:-"_s,
            u"Gus Hall | Gus Hall |  |  | qbo:- | hs:- | cal:-"_s,
        };
        QCOMPARE(rows, expected);
        const IdentityMapCounts &c = map->counts;
        QCOMPARE(c.customers, 5);
        QCOMPARE(c.linked, (std::array<qint64, 3>{2, 2, 1}));
        QCOMPARE(c.linkedEverywhere, 1);
        QCOMPARE(c.unlinked, 2);
        QCOMPARE(c.merged, 1);
        QCOMPARE(c.openCandidates, 1);
        QCOMPARE(c.pendingProposals, 1);
        QCOMPARE(map->rows.at(0).linkedSystems(), 3);
        QCOMPARE(map->rows.at(0).link(System::QuickBooks).linkedBy, u"sync"_s);
        QVERIFY(map->rows.at(0).link(System::QuickBooks).linkedAt.isValid());
    }

    void duplicateReviewWholeState()
    {
        // An open candidate: Dana and her typo'd duplicate, who is known to
        // more systems and so is the suggested survivor.
        const QString dana = addCustomer(u"Dana"_s, u"Whitfield"_s,
                                         {{ContactKind::Email, u"dana@example.com"_s, true},
                                          {ContactKind::Phone, u"+1 555 0400"_s, true}});
        const QString dana2 = addCustomer(u"Dana"_s, u"Whitfeld"_s, {{ContactKind::Email, u"dana.w@example.com"_s, true},
                                                                    {ContactKind::Address, u"4 Elm St"_s, true}});
        link(dana, System::QuickBooks, u"61"_s);
        link(dana, System::HubSpot, u"905"_s);
        link(dana2, System::QuickBooks, u"75"_s);
        link(dana2, System::HubSpot, u"977"_s);
        link(dana2, System::CalCom, u"dana.w@example.com"_s);
        const QString danaEvidence =
            evidence(dana, dana2, 0.93,
                     {field(Identity::Comparison::GivenName, u"exact"_s, 3.1, u"dana"_s, u"dana"_s),
                      field(Identity::Comparison::Email, u"same mailbox name"_s, 2.2, u"dana@example.com"_s,
                            u"dana.w@example.com"_s),
                      field(Identity::Comparison::FamilyName, u"typo"_s, 1.5, u"whitfield"_s, u"whitfeld"_s)},
                     u"names agree, email similar"_s);
        candidate(dana, dana2, 930, danaEvidence);

        // A pending proposal whose open candidate it settles (folded in).
        const QString gus = addCustomer(u"Gus"_s, u"Hall"_s);
        const QString gus2 = addCustomer(u"Gus"_s, u"Hal"_s, {{ContactKind::Email, u"gus@new.org"_s, true}});
        link(gus, System::QuickBooks, u"70"_s);
        link(gus2, System::QuickBooks, u"71"_s);
        const QString gusEvidence =
            evidence(gus, gus2, 0.88, {field(Identity::Comparison::GivenName, u"exact"_s, 3.0, u"gus"_s, u"gus"_s)},
                     u"names similar"_s);
        candidate(gus, gus2, 880, gusEvidence);
        const qint64 gusProposal = propose(gus, gus2, uR"({"email":"gus@new.org"})"_s);

        // An executed merge: shown as it was before, with its stored plan.
        const QString eve = addCustomer(u"Eve"_s, u"Stone"_s);
        const QString eve2 = addCustomer(u"Eve"_s, u"Stone"_s, {}, u"Eve 2"_s);
        link(eve, System::QuickBooks, u"80"_s);
        link(eve, System::HubSpot, u"930"_s);
        link(eve2, System::QuickBooks, u"81"_s);
        link(eve2, System::HubSpot, u"990"_s);
        const QString eveEvidence = evidence(eve, eve2, 0.97, {}, u"same name"_s);
        const qint64 eveProposal = propose(eve, eve2, uR"({"displayName":"Eve Stone-Marsh"})"_s, eveEvidence);
        QVERIFY_OK(AdminCommands(*m_db, m_clock).decideMerge(m_owner, eveProposal, true, u"same parent"_s));
        QVERIFY_OK(AdminCommands(*m_db, m_clock).executeMerge(m_owner, eveProposal));

        // A pair with a customer merged away meanwhile cannot be proposed: not listed.
        candidate(eve2, dana, 500, u"{}"_s);

        // A rejected proposal: its candidate is open again for review.
        const QString fay = addCustomer(u"Fay"_s, u"Ng"_s);
        const QString faye = addCustomer(u"Faye"_s, u"Ng"_s);
        candidate(fay, faye, 610, evidence(fay, faye, 0.61, {}, u"names similar"_s));
        m_clock.advanceSecs(60);
        const qint64 fayProposal = propose(fay, faye, u"{}"_s);
        QVERIFY_OK(AdminCommands(*m_db, m_clock).decideMerge(m_owner, fayProposal, false, u"sisters"_s));

        auto review = collectDuplicateReview(*m_db);
        QVERIFY_OK(review);
        QStringList keys;
        for (const DuplicateReviewItem &item : std::as_const(review->items))
            keys.append(item.key());
        QCOMPARE(review->items.size(), 5);
        QCOMPARE(keys.at(0), u"proposal/%1"_s.arg(gusProposal));
        QVERIFY(keys.at(1).startsWith(u"candidate/"_s));
        QVERIFY(keys.at(2).startsWith(u"candidate/"_s));
        QCOMPARE(keys.at(3), u"proposal/%1"_s.arg(eveProposal));
        QCOMPARE(keys.at(4), u"proposal/%1"_s.arg(fayProposal));
        QCOMPARE(review->openCandidates, 3); // Dana, Gus (folded), Fay
        QVERIFY(!review->truncated);
        QCOMPARE(review->item(keys.at(3)), &review->items.at(3));
        QCOMPARE(review->item(u"proposal/999"_s), nullptr);

        // The pending proposal: the candidate's evidence and score carried
        // over; planned now exactly as the execution will.
        QCOMPARE(dumpItem(review->items.at(0)),
                 (QStringList{
                     u"proposal score=880 candidate=yes suggested=Gus Hall state=proposed by=mona decidedBy= note= "
                     "survivor=Gus Hall merged=Gus Hal choices={\"email\":\"gus@new.org\"}"_s,
                     u"  Gus Hall: Gus Hall / Gus Hall ·  ·  ·  · [qbo:70] · active"_s,
                     u"  Gus Hal: Gus Hal / Gus Hal · gus@new.org ·  ·  · [qbo:71] · active"_s,
                     u"  evidence candidate p=0.88 given_name:exact:+ — names similar"_s,
                     u"  step move_link qbo 71→70"_s,
                     u"  step repoint_invoices qbo 71→70"_s,
                     u"  step deactivate_customer qbo 71→70"_s,
                     u"  step manual_step qbo 71→70 manual irreversible"_s,
                     u"  step update_survivor qbo →70"_s,
                     u"  canUndo=no keptOnUndo=4"_s,
                 }));
        QCOMPARE(review->items.at(0).proposal.id, gusProposal);
        QCOMPARE(review->items.at(0).plan.irreversible().size(), 1);

        // The open candidate, highest score first.
        QCOMPARE(dumpItem(review->items.at(1)),
                 (QStringList{
                     u"candidate score=930 candidate=yes suggested=Dana Whitfeld"_s,
                     u"  Dana Whitfield: Dana Whitfield / Dana Whitfield · dana@example.com · +1 555 0400 ·  · "
                     "[hs:905,qbo:61] · active"_s,
                     u"  Dana Whitfeld: Dana Whitfeld / Dana Whitfeld · dana.w@example.com ·  · 4 Elm St · "
                     "[cal:dana.w@example.com,hs:977,qbo:75] · active"_s,
                     u"  evidence candidate p=0.93 given_name:exact:+,email:same mailbox name:+,family_name:typo:+ — "
                     "names agree, email similar"_s,
                     u"  canUndo=no keptOnUndo=0"_s,
                 }));
        const DuplicateReviewItem &danaItem = review->items.at(1);
        QCOMPARE(danaItem.evidenceJson, danaEvidence);
        QCOMPARE(danaItem.evidence.idA, dana);
        QCOMPARE(danaItem.evidence.forField(u"email"_s),
                 (QList<ReviewEvidenceField>{{u"email"_s, u"same mailbox name"_s, true, 2.2, u"dana@example.com"_s,
                                              u"dana.w@example.com"_s}}));
        QCOMPARE(danaItem.evidence.forField(u"familyName"_s).size(), 1);
        QVERIFY(danaItem.evidence.forField(u"phone"_s).isEmpty());
        QVERIFY(danaItem.evidence.forField(u"companyName"_s).isEmpty());

        QCOMPARE(dumpItem(review->items.at(2)).first(), u"candidate score=610 candidate=yes suggested=Fay Ng"_s);

        // The executed merge: each side as before the merge (links moved
        // back for the picture, the survivor's name before the chosen one).
        QCOMPARE(dumpItem(review->items.at(3)),
                 (QStringList{
                     u"proposal score=970 candidate=no suggested=Eve Stone state=executed by=mona decidedBy=olivia "
                     "note=same parent survivor=Eve Stone merged=Eve 2 choices={\"displayName\":\"Eve Stone-Marsh\"}"_s,
                     u"  Eve Stone: Eve Stone / Eve Stone ·  ·  ·  · [hs:930,qbo:80] · active"_s,
                     u"  Eve 2: Eve Stone / Eve Stone ·  ·  ·  · [hs:990,qbo:81] · merged"_s,
                     u"  evidence candidate p=0.97  — same name"_s,
                     u"  step move_link qbo 81→80"_s,
                     u"  step repoint_invoices qbo 81→80"_s,
                     u"  step deactivate_customer qbo 81→80"_s,
                     u"  step manual_step qbo 81→80 manual irreversible"_s,
                     u"  step move_link hs 990→930"_s,
                     u"  step merge_contacts hs 990→930 irreversible"_s,
                     u"  step update_survivor qbo →80"_s,
                     u"  step update_survivor hs →930"_s,
                     u"  canUndo=yes keptOnUndo=6"_s,
                 }));
        const DuplicateReviewItem &eveItem = review->items.at(3);
        QCOMPARE(eveItem.plan.irreversible().size(), 2);
        QVERIFY(eveItem.plan.irreversible().at(1).startsWith(u"HubSpot: contact 990 is merged into contact 930"_s));
        QVERIFY(eveItem.remoteStepsKeptOnUndo().contains(
            u"QuickBooks: customer 81 is made inactive (it can be made active again)"_s));

        // History: the rejected one, with its note; no plan is computed.
        QCOMPARE(dumpItem(review->items.at(4)),
                 (QStringList{
                     u"proposal score=0 candidate=no suggested=Fay Ng state=rejected by=mona decidedBy=olivia "
                     "note=sisters survivor=Fay Ng merged=Faye Ng choices={}"_s,
                     u"  Fay Ng: Fay Ng / Fay Ng ·  ·  ·  · [] · active"_s,
                     u"  Faye Ng: Faye Ng / Faye Ng ·  ·  ·  · [] · active"_s,
                     u"  evidence  p=0  — "_s,
                     u"  canUndo=no keptOnUndo=0"_s,
                 }));

        // Undone: the stored plan stays readable, nothing left to undo.
        QVERIFY_OK(AdminCommands(*m_db, m_clock).undoMerge(m_owner, eveProposal));
        auto after = collectDuplicateReview(*m_db);
        QVERIFY_OK(after);
        const DuplicateReviewItem *undone = after->item(u"proposal/%1"_s.arg(eveProposal));
        QVERIFY(undone);
        QCOMPARE_NAMES(undone->proposal.state, MergeState::Undone);
        QVERIFY(!undone->canUndo);
        QVERIFY(undone->hasPlan);
        QCOMPARE(undone->plan.irreversible().size(), 2);
        QCOMPARE(dumpLinks(undone->customers.at(1).links), u"hs:990,qbo:81"_s);
    }

    void previewAndProposal()
    {
        const QString dana = addCustomer(u"Dana"_s, u"Whitfield"_s,
                                         {{ContactKind::Email, u"dana@example.com"_s, true},
                                          {ContactKind::Phone, u"+1 555 0400"_s, true}});
        const QString dana2 = addCustomer(u"Dana"_s, u"Whitfeld"_s, {{ContactKind::Email, u"dana.w@example.com"_s, true}});
        link(dana, System::QuickBooks, u"61"_s);
        link(dana, System::HubSpot, u"905"_s);
        link(dana2, System::QuickBooks, u"75"_s);
        link(dana2, System::HubSpot, u"977"_s);
        link(dana2, System::CalCom, u"dana.w@example.com"_s);
        const QString ev = evidence(dana, dana2, 0.93, {}, u"names agree"_s);
        candidate(dana, dana2, 930, ev);
        auto review = collectDuplicateReview(*m_db);
        QVERIFY_OK(review);
        QCOMPARE(review->items.size(), 1);
        const DuplicateReviewItem &item = review->items.first();

        // Choosing what the survivor already has changes nothing: only the
        // differing value travels.
        const QJsonObject choices{{u"displayName"_s, u"Dana Whitfield"_s},
                                  {u"email"_s, u"dana.w@example.com"_s},
                                  {u"phone"_s, u"+1 555 0400"_s}};
        const MergeProposal p = proposalFor(item, dana, choices);
        QCOMPARE(p.survivorId, dana);
        QCOMPARE(p.mergedIds, QList<QString>{dana2});
        QCOMPARE(p.fieldChoicesJson, uR"({"email":"dana.w@example.com"})"_s);
        QCOMPARE(p.evidenceJson, ev);
        QCOMPARE_NAMES(p.state, MergeState::Proposed);
        QVERIFY(p.proposedBy.isEmpty()); // core records the actor
        QCOMPARE(proposalFor(item, dana2, {}).fieldChoicesJson, u"{}"_s);
        QCOMPARE(proposalFor(item, dana2, {}).mergedIds, QList<QString>{dana});

        auto plan = previewMerge(item, dana, QJsonDocument::fromJson(p.fieldChoicesJson.toUtf8()).object());
        QVERIFY_OK(plan);
        QCOMPARE(plan->irreversible().size(), 2);
        QStringList actions;
        for (const MergeStep &s : plan->steps)
            actions.append(Identity::toString(s.action) + u'/' + systemKey(s.system));
        QCOMPARE(actions, (QStringList{u"move_link/qbo"_s, u"repoint_invoices/qbo"_s, u"deactivate_customer/qbo"_s,
                                       u"manual_step/qbo"_s, u"move_link/hs"_s, u"merge_contacts/hs"_s,
                                       u"move_link/cal"_s, u"update_survivor/qbo"_s, u"update_survivor/hs"_s}));

        // The other way round: Dana 2's records survive.
        auto reverse = previewMerge(item, dana2);
        QVERIFY_OK(reverse);
        QCOMPARE(reverse->survivorId, dana2);
        QCOMPARE(reverse->mergedIds, QStringList{dana});

        auto stranger = previewMerge(item, u"cus_nobody"_s);
        QVERIFY(!stranger);
        QCOMPARE(stranger.error().code, ErrorCode::InvalidArgument);

        // What proposalFor builds is what core accepts.
        auto id = AdminCommands(*m_db, m_clock).proposeMerge(m_manager, p);
        QVERIFY_OK(id);
        auto stored = Store::IdentityRepository(*m_db, m_clock).proposal(*id);
        QVERIFY_OK(stored);
        QCOMPARE(stored->fieldChoicesJson, p.fieldChoicesJson);
        auto folded = collectDuplicateReview(*m_db);
        QVERIFY_OK(folded);
        QCOMPARE(folded->items.size(), 1);
        QVERIFY(folded->items.first().kind == ReviewKind::Proposal);
        QCOMPARE(folded->items.first().candidateId, item.candidateId);
        QCOMPARE(folded->items.first().plan.irreversible(), plan->irreversible());
    }

    void evidenceParsingIsTolerant_data()
    {
        QTest::addColumn<QString>("json");
        QTest::newRow("empty") << QString();
        QTest::newRow("empty object") << u"{}"_s;
        QTest::newRow("not json") << u"nonsense"_s;
        QTest::newRow("array") << u"[1,2]"_s;
        QTest::newRow("fields without names") << uR"({"fields":[{"level":"exact"}]})"_s;
    }

    void evidenceParsingIsTolerant()
    {
        QFETCH(QString, json);
        const ReviewEvidence e = ReviewEvidence::fromJson(json);
        QVERIFY(e.isEmpty());
        QVERIFY(e.decision.isEmpty());
        QCOMPARE(e.probability, 0.0);
    }

    void manyOpenCandidatesAreCapped()
    {
        // More open candidates than the review lists: the strongest are kept
        // and the data says some were left out.
        QStringList ids;
        for (int i = 0; i < 46; ++i) // 46 · 45 / 2 = 1035 pairs
            ids.append(addCustomer(u"P%1"_s.arg(i), u"X"_s));
        const int wanted = DuplicateReviewData::kMaxOpenCandidates + 1;
        Store::Transaction tx(*m_db);
        QVERIFY_OK(tx.started());
        int made = 0;
        for (int i = 0; i < ids.size() && made < wanted; ++i) {
            for (int j = i + 1; j < ids.size() && made < wanted; ++j) {
                candidate(ids.at(i), ids.at(j), 100 + (made * 7) % 800, u"{}"_s);
                ++made;
            }
        }
        QVERIFY_OK(tx.commit());
        auto review = collectDuplicateReview(*m_db);
        QVERIFY_OK(review);
        QCOMPARE(review->openCandidates, wanted);
        QVERIFY(review->truncated);
        QCOMPARE(review->items.size(), DuplicateReviewData::kMaxOpenCandidates);
        for (qsizetype i = 1; i < review->items.size(); ++i)
            QVERIFY(review->items.at(i - 1).scorePermille >= review->items.at(i).scorePermille);
    }
};

QTEST_GUILESS_MAIN(TestIdentityData)
#include "tst_identitydata.moc"
