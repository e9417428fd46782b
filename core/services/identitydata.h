#pragma once

#include "common/error.h"
#include "domain/customer.h"
#include "identity/mergeplan.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <array>

namespace Concord::Store {
class Database;
}

namespace Concord::Services {

// What the "Customers and duplicates" page shows: the identity map (one row
// per active customer with its record in each system) and the duplicate
// review (candidates and merge proposals with both sides' values, the
// evidence per field and what a merge would do). Pure values, sent from the
// sync thread to the GUI; the collectors below read them from the store.

// A customer's record in one system, as the identity map links it.
struct IdentityLinkCell {
    QString externalId; // empty: not linked in this system
    Domain::MatchMethod method = Domain::MatchMethod::Manual;
    int confidencePermille = 0; // 0..1000
    QDateTime linkedAt;         // UTC
    QString linkedBy;
    // Further records of the same customer in this system (Cal.com keeps
    // each attendee address as a link of its own); externalId is the oldest.
    int moreRecords = 0;

    [[nodiscard]] bool isLinked() const { return !externalId.isEmpty(); }
};

// One row of the identity map: an active Concord customer.
struct IdentityMapRow {
    QString customerId;
    QString displayName;
    QString companyName;
    QString email; // the primary email as written, else the first; empty when none
    QString phone; // likewise
    // By int(Domain::System): QuickBooks, HubSpot, Cal.com.
    std::array<IdentityLinkCell, 3> links;

    [[nodiscard]] const IdentityLinkCell &link(Domain::System system) const { return links[size_t(system)]; }
    // Systems holding a record of this customer (0..3).
    [[nodiscard]] int linkedSystems() const;
};

struct IdentityMapCounts {
    qint64 customers = 0;          // active customers (the rows)
    std::array<qint64, 3> linked{}; // active customers with a record in each system, by int(System)
    qint64 linkedEverywhere = 0;   // … in all three
    qint64 unlinked = 0;           // … in none
    qint64 merged = 0;             // customers merged into another (not rows)
    qint64 openCandidates = 0;     // duplicate pairs waiting for review
    qint64 pendingProposals = 0;   // merges waiting for an owner
};

struct IdentityMapData {
    QList<IdentityMapRow> rows; // ordered by customer id
    IdentityMapCounts counts;
};

// One comparison of a pair's evidence (Identity::FieldEvidence as stored in
// DuplicateCandidate::evidenceJson).
struct ReviewEvidenceField {
    QString comparison; // Identity::comparisonKey: "email", "phone", "given_name", "family_name", "name",
                        // "dob", "address", "city", "postcode"
    QString level;      // Identity::levelLabel: "exact", "nickname", "typo", "different", …
    bool agrees = false;
    double weight = 0;  // log2 Bayes factor (bits); negative counts against
    QString valueA;     // the normalized values compared (A = ReviewEvidence::idA)
    QString valueB;

    friend bool operator==(const ReviewEvidenceField &, const ReviewEvidenceField &) = default;
};

// A pair's evidence, parsed (Identity::PairEvidence::toJson()).
struct ReviewEvidence {
    QString idA;
    QString idB;
    QString decision; // "link", "candidate", "distinct"; empty when none was stored
    double probability = 0;
    QString reason; // the matcher's sentence
    bool storedLink = false;
    bool identifierAgrees = false;
    bool nameOnly = false;
    bool contradiction = false;
    bool namesSwapped = false;
    QList<ReviewEvidenceField> fields; // strongest first

    // Tolerant: an empty or unreadable text gives an empty evidence.
    [[nodiscard]] static ReviewEvidence fromJson(const QString &json);
    [[nodiscard]] bool isEmpty() const { return fields.isEmpty() && reason.isEmpty(); }
    // The comparisons that speak about a survivor field (Identity::
    // kSurvivorFields): displayName → "name", givenName → "given_name",
    // familyName → "family_name", email, phone; "address" also takes city
    // and postcode. Empty for other fields.
    [[nodiscard]] QList<ReviewEvidenceField> forField(const QString &field) const;
};

// One customer of a review item, with everything the side-by-side shows.
struct ReviewCustomer {
    Domain::Customer customer; // with contact points, primary first
    QList<Domain::ExternalLink> links; // its links (for an executed merge: as before the merge)
    QString email;   // primary (else first) email as written; empty when none
    QString phone;   // likewise
    QString address; // likewise

    // The value of a survivor field (Identity::kSurvivorFields); empty for
    // an unknown field or when the customer has none.
    [[nodiscard]] QString value(const QString &field) const;
    [[nodiscard]] QList<Domain::ExternalLink> linksIn(Domain::System system) const;
};

enum class ReviewKind {
    Candidate, // a pair found by the duplicate scan, not yet proposed
    Proposal,  // a merge proposal, in any state
};

struct DuplicateReviewItem {
    ReviewKind kind = ReviewKind::Candidate;
    qint64 candidateId = 0; // the candidate; for a proposal, the open candidate it settles (0: none)
    qint64 proposalId = 0;  // Proposal only
    int scorePermille = 0;  // the candidate's score (0 when unknown)
    QDateTime foundAt;      // when the scan found the pair (UTC)
    QString evidenceJson;   // as stored; a proposal of this candidate carries it on
    ReviewEvidence evidence;
    // Candidate: A then B. Proposal: the survivor, then the merged customers in order.
    QList<ReviewCustomer> customers;
    // Candidate: whom the merge should keep by default — the customer with
    // the most linked records, then the older one. Proposal: the survivor.
    QString suggestedSurvivorId;

    // Proposal only.
    Domain::MergeProposal proposal;
    QJsonObject fieldChoices; // proposal.fieldChoicesJson parsed: field → surviving value
    // Proposed/Approved/Rejected: planned now as AdminCommands::executeMerge
    // would. Executed/Undone: the plan stored when it was executed.
    Identity::MergePlan plan;
    bool hasPlan = false;
    QString planProblem; // why there is no plan, in words (a customer is gone, …)
    // Executed and with a record of the links it moved (AdminCommands::undoMerge).
    bool canUndo = false;

    // "candidate/12", "proposal/3": stable across snapshots.
    [[nodiscard]] QString key() const;
    [[nodiscard]] QStringList customerIds() const;
    [[nodiscard]] const ReviewCustomer *customer(const QString &id) const;
    // Remote steps of `plan` that stay as they are when the merge is undone
    // in Concord (undo only restores Concord's identity map): every step in
    // QuickBooks or HubSpot, reversible by a person or not, in plain words.
    [[nodiscard]] QStringList remoteStepsKeptOnUndo() const;
};

struct DuplicateReviewData {
    // In review order: proposals waiting for an owner (oldest first, then
    // approved ones whose execution did not finish), open candidates between
    // active customers (highest score first), executed merges (newest first), then rejected and undone
    // ones (newest first, at most kHistoryLimit).
    QList<DuplicateReviewItem> items;
    // Open candidates between two active customers (the only ones a merge
    // can be proposed for); items holds at most kMaxOpenCandidates of them.
    qint64 openCandidates = 0;
    bool truncated = false;    // some open candidates are not in items

    static constexpr int kMaxOpenCandidates = 1000;
    static constexpr int kHistoryLimit = 50;

    [[nodiscard]] const DuplicateReviewItem *item(const QString &key) const;
};

// Reads the identity map: every active customer with its primary email and
// phone and its record in each system, plus the counts. A handful of
// set-based statements whatever the number of customers (no per-customer
// query), inside one read transaction so the counts match the rows.
// Thread affinity: the thread that owns `db`.
[[nodiscard]] Result<IdentityMapData> collectIdentityMap(Store::Database &db);

// Reads the duplicate review (see DuplicateReviewData): the customers of all
// items in batches, their links, the evidence parsed, and each proposal's
// plan. Open candidates a pending proposal already covers are folded into
// that proposal. Thread affinity: the thread that owns `db`.
[[nodiscard]] Result<DuplicateReviewData> collectDuplicateReview(Store::Database &db);

// What merging `item`'s customers into `survivorId` with `fieldChoices`
// (field → surviving value) would do, planned exactly as the execution will
// (Identity::planMerge over the item's customers and links). Pure.
[[nodiscard]] Result<Identity::MergePlan> previewMerge(const DuplicateReviewItem &item, const QString &survivorId,
                                                       const QJsonObject &fieldChoices = {});

// The proposal an office manager sends for `item`: `survivorId` survives, the
// item's other customers are merged into it, the field choices keep only the
// values that differ from the survivor's own (choosing what it already has
// changes nothing remotely), and the candidate's evidence is carried on.
// Shape of fieldChoicesJson: {"displayName":"…","email":"…"} (compact JSON).
[[nodiscard]] Domain::MergeProposal proposalFor(const DuplicateReviewItem &item, const QString &survivorId,
                                                const QJsonObject &fieldChoices);

} // namespace Concord::Services

Q_DECLARE_METATYPE(Concord::Services::IdentityMapData)
Q_DECLARE_METATYPE(Concord::Services::DuplicateReviewData)
