#pragma once

#include "domain/customer.h"
#include "identity/mergeplan.h"
#include "services/identitydata.h"

#include <QCoreApplication>
#include <QString>

namespace Concord::Ui {

// The duplicate review in plain words: what a piece of evidence says, what a
// proposal's state means, what a merge step does and whether it can be
// undone. Shared by the review list, the comparison and the dialogs, so they
// word things alike.
class DuplicateReviewText {
    Q_DECLARE_TR_FUNCTIONS(DuplicateReviewText)
public:
    // "HubSpot", "QuickBooks", "Cal.com": the names people use in an office.
    [[nodiscard]] static QString systemName(Domain::System system);
    // What one system calls the record: "HubSpot contact", "QuickBooks customer", "Cal.com
    // attendee".
    [[nodiscard]] static QString recordNoun(Domain::System system);
    // The row label of a survivor field or shown field: "Display name", "Email", …
    [[nodiscard]] static QString fieldLabel(const QString &field);
    // "given name", "email", "date of birth" for a comparison key.
    [[nodiscard]] static QString comparisonNoun(const QString &comparison);

    // One piece of evidence in words: "same email", "phone matches after
    // normalising", "nickname (bob / robert)", "different phone".
    // `rawA`/`rawB` are the values as written (to tell "same" from "same
    // after normalising"); empty when unknown.
    [[nodiscard]] static QString evidence(const Services::ReviewEvidenceField &field,
                                          const QString &rawA = {}, const QString &rawB = {});
    // "strong", "good", "weak", "counts against": how much the piece weighed.
    [[nodiscard]] static QString strength(const Services::ReviewEvidenceField &field);
    // "93% likely the same person"; empty without a score.
    [[nodiscard]] static QString likelihood(int scorePermille);
    // The caveats of a pair's evidence, one per line ("Only the names agree:
    // Concord never merges on names alone.").
    [[nodiscard]] static QStringList caveats(const Services::ReviewEvidence &evidence);

    // The state of a review item in a few words: "To review", "Waiting for
    // an owner", "Merged", "Rejected", "Undone", "Approved, not finished".
    [[nodiscard]] static QString status(const Services::DuplicateReviewItem &item);
    // One sentence saying who did what when ("Proposed by mona on 2026-04-01
    // 09:12; an owner other than mona approves or rejects it.").
    [[nodiscard]] static QString statusSentence(const Services::DuplicateReviewItem &item);
    // "Dana Whitfield · Dana Whitfeld".
    [[nodiscard]] static QString title(const Services::DuplicateReviewItem &item);

    // What a step's undo story is: "Undone with Undo merge", "A person can
    // reverse it in QuickBooks", "Cannot be undone".
    [[nodiscard]] static QString reversibility(const Identity::MergeStep &step);
    // A method of linking in words: "matched by email", "created by Concord".
    [[nodiscard]] static QString linkMethod(Domain::MatchMethod method);
};

} // namespace Concord::Ui
