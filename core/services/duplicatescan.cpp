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

#include <array>

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

// Each stage's share of the whole scan, for one progress bar that moves
// steadily: [begin, end) of 0..1, by DuplicateScanStage. Rough shares from
// bench_identity's stage times over 10k–100k records; only the order matters
// for correctness.
constexpr std::array<std::pair<double, double>, 7> kStageSpan{{
    {0.00, 0.10}, // Reading
    {0.10, 0.30}, // Preparing
    {0.30, 0.40}, // Pairing
    {0.40, 0.55}, // Learning
    {0.55, 0.85}, // Scoring
    {0.85, 0.90}, // Grouping
    {0.90, 1.00}, // Recording
}};

DuplicateScanStage stageOf(const QString &identityStage)
{
    if (identityStage == u"normalizing"_s)
        return DuplicateScanStage::Preparing;
    if (identityStage == u"blocking"_s)
        return DuplicateScanStage::Pairing;
    if (identityStage == u"learning"_s)
        return DuplicateScanStage::Learning;
    if (identityStage == u"scoring"_s)
        return DuplicateScanStage::Scoring;
    return DuplicateScanStage::Grouping; // "clustering", "done"
}

// Turns stage-local fractions (from several threads, in any order) into one
// fraction of the whole scan that never goes back.
class ProgressReporter
{
public:
    explicit ProgressReporter(const DuplicateScanControl &control)
        : m_control(control)
    {
    }

    void setCustomers(int customers) { m_customers.store(customers); }

    void report(DuplicateScanStage stage, double stageFraction)
    {
        if (!m_control.progress)
            return;
        const auto [begin, end] = kStageSpan[size_t(stage)];
        const double overall = begin + (end - begin) * qBound(0.0, stageFraction, 1.0);
        double seen = m_high.load();
        do {
            if (overall < seen)
                return; // a late report from a worker: the bar already passed it
        } while (!m_high.compare_exchange_weak(seen, overall));
        m_control.progress(DuplicateScanProgress{stage, overall, m_customers.load()});
    }

private:
    const DuplicateScanControl &m_control;
    std::atomic<double> m_high{0};
    std::atomic<int> m_customers{0};
};

struct ScanMode {
    Security::Actor actor;
    // The engine's scan refreshes known pairs' score and evidence; a
    // person's records new pairs only and may be cancelled.
    bool refreshKnown = true;
};

Result<DuplicateScanReport> runScan(Store::Database &db, const Clock &clock, const ScanMode &mode,
                                    const Identity::MatchOptions &options, const Identity::RunControl &identityControl,
                                    ProgressReporter *reporter)
{
    QElapsedTimer timer;
    timer.start();
    DuplicateScanReport report;
    const auto cancelled = [&] {
        report.cancelled = true;
        report.seconds = double(timer.elapsed()) / 1000.0;
        qCInfo(lcIdentity) << "duplicate scan cancelled by" << mode.actor.username << "after" << report.seconds << "s";
        return report;
    };
    const auto progress = [reporter](DuplicateScanStage stage, double fraction) {
        if (reporter)
            reporter->report(stage, fraction);
    };
    Store::CustomerRepository customers(db, clock);
    Store::IdentityRepository identity(db, clock);

    // Every active customer, with contacts, a page at a time.
    progress(DuplicateScanStage::Reading, 0);
    const qint64 total = reporter ? customers.count().value_or(0) : 0; // for the bar only
    QList<Identity::Record> records;
    constexpr int kPage = 2000;
    for (int offset = 0;; offset += kPage) {
        if (identityControl.isCancelled())
            return cancelled();
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
        if (total > 0)
            progress(DuplicateScanStage::Reading, double(offset + page->size()) / double(total));
        if (page->size() < kPage)
            break;
    }
    report.customers = int(records.size());
    if (reporter)
        reporter->setCustomers(report.customers);
    if (records.size() < 2) {
        report.seconds = double(timer.elapsed()) / 1000.0;
        if (mode.refreshKnown)
            return report; // the engine's scan: nothing to say
    }

    std::unique_ptr<Identity::IdentityIndex> index;
    if (records.size() >= 2) {
        auto built = Identity::IdentityIndex::build(records, options, identityControl);
        if (!built) {
            if (Identity::isCancellation(built.error()))
                return cancelled();
            return std::unexpected(built.error());
        }
        index = std::move(*built);
    }
    if (identityControl.isCancelled())
        return cancelled();
    progress(DuplicateScanStage::Recording, 0);

    // What is known is read inside the transaction that records the new
    // pairs, so a pair cannot be decided in between.
    Store::Transaction tx(db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    QSet<QPair<QString, QString>> known;
    for (const Domain::CandidateState state : {Domain::CandidateState::Open, Domain::CandidateState::Proposed,
                                               Domain::CandidateState::Dismissed, Domain::CandidateState::Merged}) {
        auto existing = identity.candidates(state);
        if (!existing)
            return std::unexpected(existing.error());
        for (const Domain::DuplicateCandidate &c : std::as_const(*existing))
            known.insert({c.customerA, c.customerB});
    }

    const std::vector<Identity::ScoredPair> none;
    const std::vector<Identity::ScoredPair> &pairs = index ? index->scoredPairs() : none;
    size_t seen = 0;
    for (const Identity::ScoredPair &pair : pairs) {
        if ((++seen % 256) == 0) {
            if (identityControl.isCancelled())
                return cancelled(); // the transaction rolls back
            progress(DuplicateScanStage::Recording, double(seen) / double(pairs.size()));
        }
        if (pair.decision == Identity::Decision::Distinct)
            continue;
        Domain::DuplicateCandidate candidate;
        candidate.customerA = index->id(int(pair.a));
        candidate.customerB = index->id(int(pair.b));
        if (candidate.customerB < candidate.customerA)
            std::swap(candidate.customerA, candidate.customerB);
        const bool isNew = !known.contains({candidate.customerA, candidate.customerB});
        if (!isNew && !mode.refreshKnown)
            continue;
        const Identity::PairEvidence evidence = index->explain(int(pair.a), int(pair.b));
        candidate.scorePermille = int(qBound(0.0, evidence.probability * 1000.0, 1000.0) + 0.5);
        candidate.evidenceJson = QString::fromUtf8(QJsonDocument(evidence.toJson()).toJson(QJsonDocument::Compact));
        if (auto stored = identity.upsertCandidate(candidate); !stored)
            return std::unexpected(stored.error());
        ++report.candidates;
        if (isNew)
            ++report.newCandidates;
        if (pair.decision == Identity::Decision::Link)
            ++report.strongCandidates;
    }
    if (identityControl.isCancelled())
        return cancelled();
    report.seconds = double(timer.elapsed()) / 1000.0;
    Security::AuditLog audit(db, clock);
    const QJsonObject summary{{u"customers"_s, report.customers},
                              {u"candidates"_s, report.candidates},
                              {u"newCandidates"_s, report.newCandidates},
                              {u"strongCandidates"_s, report.strongCandidates}};
    if (auto entry = audit.append(mode.actor, u"duplicates.scan"_s, u"duplicate_candidates"_s, QString(),
                                  QJsonValue(), summary);
        !entry) {
        return std::unexpected(entry.error());
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    progress(DuplicateScanStage::Recording, 1);
    qCInfo(lcIdentity) << "duplicate scan by" << mode.actor.username << ":" << report.customers << "customers,"
                       << report.candidates << "candidates (" << report.newCandidates << "new)";
    return report;
}

} // namespace

Result<DuplicateScanReport> scanForDuplicates(Store::Database &db, const Clock &clock,
                                              const Identity::MatchOptions &options,
                                              const Identity::RunControl &control)
{
    return runScan(db, clock, ScanMode{Security::Actor::system(u"identity"_s), true}, options, control, nullptr);
}

Result<DuplicateScanReport> scanForDuplicates(Store::Database &db, const Clock &clock, const Security::Actor &actor,
                                              const DuplicateScanControl &control,
                                              const Identity::MatchOptions &options)
{
    if (auto allowed = Security::authorize(actor, Security::Permission::ProposeMerge); !allowed)
        return std::unexpected(allowed.error());
    ProgressReporter reporter(control);
    Identity::RunControl identityControl;
    identityControl.cancel = control.cancel;
    identityControl.progress = [&reporter](const QString &stage, double fraction) {
        reporter.report(stageOf(stage), fraction);
    };
    return runScan(db, clock, ScanMode{actor, false}, options, identityControl, &reporter);
}

} // namespace Concord::Services
