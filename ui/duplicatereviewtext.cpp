#include "duplicatereviewtext.h"

#include "localtimedelegate.h"

#include <QLocale>

namespace Concord::Ui {

using Domain::MergeState;
using Domain::System;
using Identity::MergeStep;
using Services::DuplicateReviewItem;
using Services::ReviewEvidenceField;
using Services::ReviewKind;

namespace {

// Digits only: "+1 (555) 010-0" and "15550100" are the same number to a person.
QString digits(const QString &s)
{
    QString out;
    for (const QChar c : s) {
        if (c.isDigit())
            out.append(c);
    }
    return out;
}

} // namespace

QString DuplicateReviewText::systemName(System system)
{
    switch (system) {
    case System::QuickBooks:
        return tr("QuickBooks");
    case System::HubSpot:
        return tr("HubSpot");
    case System::CalCom:
        return tr("Cal.com");
    }
    return {};
}

QString DuplicateReviewText::recordNoun(System system)
{
    switch (system) {
    case System::QuickBooks:
        return tr("QuickBooks customer");
    case System::HubSpot:
        return tr("HubSpot contact");
    case System::CalCom:
        return tr("Cal.com attendee");
    }
    return {};
}

QString DuplicateReviewText::fieldLabel(const QString &field)
{
    if (field == QLatin1String("displayName"))
        return tr("Display name");
    if (field == QLatin1String("givenName"))
        return tr("Given name");
    if (field == QLatin1String("familyName"))
        return tr("Family name");
    if (field == QLatin1String("email"))
        return tr("Email");
    if (field == QLatin1String("phone"))
        return tr("Phone");
    if (field == QLatin1String("companyName"))
        return tr("Company");
    if (field == QLatin1String("address"))
        return tr("Address");
    if (field == QLatin1String("otherContacts"))
        return tr("Other contacts");
    if (field == QLatin1String("timeZone"))
        return tr("Time zone");
    if (field == QLatin1String("createdAt"))
        return tr("Client since");
    return field;
}

QString DuplicateReviewText::comparisonNoun(const QString &comparison)
{
    if (comparison == QLatin1String("given_name"))
        return tr("given name");
    if (comparison == QLatin1String("family_name"))
        return tr("family name");
    if (comparison == QLatin1String("name"))
        return tr("name");
    if (comparison == QLatin1String("email"))
        return tr("email");
    if (comparison == QLatin1String("phone"))
        return tr("phone");
    if (comparison == QLatin1String("dob"))
        return tr("date of birth");
    if (comparison == QLatin1String("address"))
        return tr("address");
    if (comparison == QLatin1String("city"))
        return tr("city");
    if (comparison == QLatin1String("postcode"))
        return tr("postcode");
    return comparison;
}

QString DuplicateReviewText::evidence(const ReviewEvidenceField &field, const QString &rawA,
                                      const QString &rawB)
{
    const QString noun = comparisonNoun(field.comparison);
    const QString &level = field.level;
    const bool isPhone = field.comparison == QLatin1String("phone");
    const QString pair = tr("%1 / %2").arg(field.valueA, field.valueB);
    if (level == QLatin1String("exact")) {
        // The values compared are normalised; say so when the sources wrote
        // them differently, so nobody wonders why "(555) 0100" is "the same".
        const bool writtenAlike = rawA.isEmpty() || rawB.isEmpty()
            || (isPhone ? rawA.simplified() == rawB.simplified()
                        : rawA.compare(rawB, Qt::CaseInsensitive) == 0);
        if (isPhone)
            return writtenAlike ? tr("same phone number") : tr("phone matches after normalising");
        if (field.comparison == QLatin1String("email"))
            return writtenAlike ? tr("same email") : tr("same email after normalising");
        //: e.g. "same given name"
        return writtenAlike ? tr("same %1").arg(noun) : tr("same %1 after normalising").arg(noun);
    }
    if (level == QLatin1String("nickname"))
        return tr("nickname of the same name (%1)").arg(pair);
    if (level == QLatin1String("typo"))
        //: e.g. "family name differs by a typo (whitfield / whitfeld)"
        return tr("%1 differs by a typo (%2)").arg(noun, pair);
    if (level == QLatin1String("two typos"))
        return tr("%1 differs by two typos (%2)").arg(noun, pair);
    if (level == QLatin1String("initial"))
        return tr("given name matches an initial (%1)").arg(pair);
    if (level == QLatin1String("similar"))
        return tr("similar %1 (%2)").arg(noun, pair);
    if (level == QLatin1String("same words"))
        return tr("same words in the name, in another order");
    if (level == QLatin1String("most words"))
        return tr("most words of the name agree (%1)").arg(pair);
    if (level == QLatin1String("some words"))
        return tr("some words of the name agree (%1)").arg(pair);
    if (level == QLatin1String("provider alias"))
        return tr("same mailbox at the provider (dots or +tags differ: %1)").arg(pair);
    if (level == QLatin1String("same mailbox name"))
        return tr("same mailbox name at another domain (%1)").arg(pair);
    if (level == QLatin1String("same local number"))
        return digits(rawA) == digits(rawB) && !rawA.isEmpty()
            ? tr("phone matches after normalising")
            : tr("same local number, other area or country code (%1)").arg(pair);
    if (level == QLatin1String("day/month swapped or ambiguous"))
        return tr("date of birth with day and month swapped (%1)").arg(pair);
    if (level == QLatin1String("same number and street"))
        return tr("same house number and street");
    if (level == QLatin1String("same number, similar street"))
        return tr("same house number, similar street (%1)").arg(pair);
    if (level == QLatin1String("same street, other number"))
        return tr("same street, another house number (%1)").arg(pair);
    if (level == QLatin1String("different"))
        //: e.g. "different phone (5550100 / 5550199)"
        return tr("different %1 (%2)").arg(noun, pair);
    //: An evidence level this version has no words for: "<field>: <level>"
    return tr("%1: %2").arg(noun, level);
}

QString DuplicateReviewText::strength(const ReviewEvidenceField &field)
{
    // Bits of evidence (log2 Bayes factor): 6 bits is 64 to 1.
    if (field.weight < 0)
        return tr("counts against");
    if (field.weight >= 6)
        return tr("strong");
    if (field.weight >= 3)
        return tr("good");
    if (field.weight > 0)
        return tr("weak");
    return tr("neutral");
}

QString DuplicateReviewText::likelihood(int scorePermille)
{
    if (scorePermille <= 0)
        return {};
    //: "93% likely the same person"
    return tr("%1 likely the same person")
        .arg(QLocale().toString(scorePermille / 10.0, 'f', 0) + QLatin1Char('%'));
}

QStringList DuplicateReviewText::caveats(const Services::ReviewEvidence &evidence)
{
    QStringList out;
    if (evidence.nameOnly)
        out.append(tr("Only the names agree: check another detail before merging."));
    if (evidence.contradiction)
        out.append(tr("Something that should agree clearly differs (given name, birth date or "
                      "organisation)."));
    if (evidence.namesSwapped)
        out.append(tr("First and last name are written the other way round in one record."));
    if (evidence.storedLink)
        out.append(tr("Both records carry the same link from an earlier import."));
    return out;
}

QString DuplicateReviewText::status(const DuplicateReviewItem &item)
{
    if (item.kind == ReviewKind::Candidate)
        return tr("To review");
    switch (item.proposal.state) {
    case MergeState::Proposed:
        return tr("Waiting for an owner");
    case MergeState::Approved:
        return tr("Approved, not finished");
    case MergeState::Rejected:
        return tr("Rejected");
    case MergeState::Executed:
        return tr("Merged");
    case MergeState::Undone:
        return tr("Undone");
    }
    return {};
}

QString DuplicateReviewText::statusSentence(const DuplicateReviewItem &item)
{
    if (item.kind == ReviewKind::Candidate) {
        const QString found = LocalTimeDelegate::format(item.foundAt);
        return found.isEmpty()
            ? tr("Found by the duplicate scan; nobody has proposed a merge yet.")
            : tr("Found by the duplicate scan on %1; nobody has proposed a merge yet.").arg(found);
    }
    const Domain::MergeProposal &p = item.proposal;
    const QString proposed =
        tr("Proposed by %1 on %2").arg(p.proposedBy, LocalTimeDelegate::format(p.proposedAt));
    const QString decided = LocalTimeDelegate::format(p.decidedAt);
    const QString note = p.note.isEmpty() ? QString() : tr(" Note: “%1”").arg(p.note);
    switch (p.state) {
    case MergeState::Proposed:
        return tr("%1. An owner other than %2 approves or rejects it.").arg(proposed, p.proposedBy)
            + note;
    case MergeState::Approved:
        return tr("%1, approved by %2 on %3. The merge has not finished; approving runs it again "
                  "from where it "
                  "stopped.")
                   .arg(proposed, p.decidedBy, decided)
            + note;
    case MergeState::Rejected:
        return tr("%1, rejected by %2 on %3.").arg(proposed, p.decidedBy, decided) + note;
    case MergeState::Executed:
        return tr("%1, approved and merged by %2 on %3.").arg(proposed, p.decidedBy, decided)
            + note;
    case MergeState::Undone:
        return tr("%1, merged by %2 on %3, then undone in Concord.")
                   .arg(proposed, p.decidedBy, decided)
            + note;
    }
    return proposed;
}

QString DuplicateReviewText::title(const DuplicateReviewItem &item)
{
    QStringList names;
    for (const Services::ReviewCustomer &c : item.customers)
        names.append(c.customer.displayName.isEmpty() ? c.customer.id : c.customer.displayName);
    return names.join(QStringLiteral(" · "));
}

QString DuplicateReviewText::reversibility(const MergeStep &step)
{
    if (step.action == MergeStep::Action::MoveLink)
        return tr("Concord only: Undo merge puts it back");
    if (!step.automatic)
        return tr("A person does this in %1; it cannot be undone there")
            .arg(systemName(step.system));
    if (!step.undoableRemotely)
        return tr("Cannot be undone");
    return tr("A person can reverse it in %1").arg(systemName(step.system));
}

QString DuplicateReviewText::linkMethod(Domain::MatchMethod method)
{
    switch (method) {
    case Domain::MatchMethod::Manual:
        return tr("linked by a person");
    case Domain::MatchMethod::Created:
        return tr("created by Concord");
    case Domain::MatchMethod::StoredLink:
        return tr("carried over from an import");
    case Domain::MatchMethod::Email:
        return tr("matched by email");
    case Domain::MatchMethod::Phone:
        return tr("matched by phone");
    }
    return {};
}

} // namespace Concord::Ui
