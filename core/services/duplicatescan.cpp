#include "services/duplicatescan.h"

#include "common/logging.h"
#include "security/auditlog.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/identityrepository.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Concord::Services {

using Domain::ContactKind;
using Domain::Customer;
using Identity::Field;

namespace {

// The customer as the matcher reads it: names, and the primary (else first)
// contact point of each kind.
Identity::Record recordOf(const Customer &c)
{
    Identity::Record r;
    r.id = c.id;
    if (!c.givenName.isEmpty() || !c.familyName.isEmpty()) {
        r.set(Field::FirstName, c.givenName);
        r.set(Field::LastName, c.familyName);
    } else {
        r.set(Field::Name, c.companyName.isEmpty() ? c.displayName : c.companyName);
    }
    auto pick = [&c](ContactKind kind) {
        QString first;
        for (const Domain::ContactPoint &p : c.contacts) {
            if (p.kind != kind)
                continue;
            if (p.isPrimary)
                return p.value;
            if (first.isEmpty())
                first = p.value;
        }
        return first;
    };
    r.set(Field::Email, pick(ContactKind::Email));
    r.set(Field::Phone, pick(ContactKind::Phone));
    r.set(Field::Address, pick(ContactKind::Address));
    return r;
}

} // namespace

Result<DuplicateScanReport> scanForDuplicates(Store::Database &db, const Clock &clock,
                                              const Identity::MatchOptions &options,
                                              const Identity::RunControl &control)
{
    QElapsedTimer timer;
    timer.start();
    DuplicateScanReport report;
    Store::CustomerRepository customers(db, clock);
    Store::IdentityRepository identity(db, clock);

    // Every active customer, with contacts, a page at a time.
    QList<Identity::Record> records;
    constexpr int kPage = 2000;
    for (int offset = 0;; offset += kPage) {
        auto page = customers.list(offset, kPage);
        if (!page)
            return std::unexpected(page.error());
        QStringList ids;
        for (const Customer &c : std::as_const(*page)) {
            if (c.state == Domain::CustomerState::Active)
                ids.append(c.id);
        }
        auto full = customers.getMany(ids);
        if (!full)
            return std::unexpected(full.error());
        for (const Customer &c : std::as_const(*full))
            records.append(recordOf(c));
        if (page->size() < kPage)
            break;
    }
    report.customers = int(records.size());
    if (records.size() < 2) {
        report.seconds = double(timer.elapsed()) / 1000.0;
        return report;
    }

    auto index = Identity::IdentityIndex::build(records, options, control);
    if (!index)
        return std::unexpected(index.error());

    QSet<QPair<QString, QString>> known;
    for (const Domain::CandidateState state : {Domain::CandidateState::Open, Domain::CandidateState::Proposed,
                                               Domain::CandidateState::Dismissed, Domain::CandidateState::Merged}) {
        auto existing = identity.candidates(state);
        if (!existing)
            return std::unexpected(existing.error());
        for (const Domain::DuplicateCandidate &c : std::as_const(*existing))
            known.insert({c.customerA, c.customerB});
    }

    Store::Transaction tx(db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    for (const Identity::ScoredPair &pair : (*index)->scoredPairs()) {
        if (pair.decision == Identity::Decision::Distinct)
            continue;
        const Identity::PairEvidence evidence = (*index)->explain(int(pair.a), int(pair.b));
        Domain::DuplicateCandidate candidate;
        candidate.customerA = (*index)->id(int(pair.a));
        candidate.customerB = (*index)->id(int(pair.b));
        if (candidate.customerB < candidate.customerA)
            std::swap(candidate.customerA, candidate.customerB);
        candidate.scorePermille = int(qBound(0.0, evidence.probability * 1000.0, 1000.0) + 0.5);
        candidate.evidenceJson = QString::fromUtf8(QJsonDocument(evidence.toJson()).toJson(QJsonDocument::Compact));
        if (auto stored = identity.upsertCandidate(candidate); !stored)
            return std::unexpected(stored.error());
        ++report.candidates;
        if (!known.contains({candidate.customerA, candidate.customerB}))
            ++report.newCandidates;
        if (pair.decision == Identity::Decision::Link)
            ++report.strongCandidates;
    }
    report.seconds = double(timer.elapsed()) / 1000.0;
    Security::AuditLog audit(db, clock);
    const QJsonObject summary{{u"customers"_s, report.customers},
                              {u"candidates"_s, report.candidates},
                              {u"newCandidates"_s, report.newCandidates},
                              {u"strongCandidates"_s, report.strongCandidates}};
    if (auto entry = audit.append(Security::Actor::system(u"identity"_s), u"duplicates.scan"_s, u"duplicate_candidates"_s,
                                  QString(), QJsonValue(), summary);
        !entry) {
        return std::unexpected(entry.error());
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    qCInfo(lcIdentity) << "duplicate scan:" << report.customers << "customers," << report.candidates << "candidates ("
                       << report.newCandidates << "new)";
    return report;
}

} // namespace Concord::Services
