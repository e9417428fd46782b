#pragma once

#include "identity/comparison.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Concord::Identity {

// What the matcher concluded about a pair or a cluster (product.md §1):
//  - Link: the stored cross-system link, or an exact email / valid E.164
//    phone agreeing *and* the model's probability ≥ 0.999 *and* nothing
//    contradicting (different given name, birth date or organisation name):
//    may be applied without a person.
//  - Candidate: enough evidence to be worth a person's review; never
//    applied automatically. Every name-only or fuzzy match ends here at best.
//  - Distinct: not the same.
enum class Decision { Distinct, Candidate, Link };
[[nodiscard]] QString toString(Decision decision); // "distinct", "candidate", "link"

// One comparison's part in a pair's evidence.
struct FieldEvidence {
    Comparison comparison = Comparison::Email;
    int level = 0;
    QString label; // "exact", "nickname", …
    double weight = 0; // log2 Bayes factor this comparison contributed (bits)
    QString valueA; // normalized values compared, for the reviewer
    QString valueB;
    [[nodiscard]] bool agrees() const { return weight > 0; }
};

// Why two records are (or are not) the same, for a reviewer and for the merge
// workflow (stored as DuplicateCandidate::evidenceJson / ExternalLink::evidenceJson).
struct PairEvidence {
    int a = -1; // record indexes in the index
    int b = -1;
    QString idA;
    QString idB;
    Decision decision = Decision::Distinct;
    double probability = 0; // posterior that they are one person
    double matchWeight = 0; // log2 posterior odds (prior included), bits
    double priorWeight = 0; // the prior part of matchWeight
    QList<FieldEvidence> fields; // comparable fields, strongest first
    bool storedLink = false; // same stored cross-system link
    bool identifierAgrees = false; // exact email or valid E.164 phone
    bool nameOnly = false; // only names agree: never links
    bool contradiction = false; // a field that should agree clearly differs
    bool namesSwapped = false; // first/last written the other way round
    bool heldApart = false; // clustering kept them apart (would chain others)
    QString reason; // the above in one sentence

    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace Concord::Identity
