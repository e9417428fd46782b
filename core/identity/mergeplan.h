#pragma once

#include "domain/customer.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Concord::Identity {

// What merging duplicate customers into one survivor will do, system by
// system — computed before anyone approves, so the approval screen can say
// plainly what cannot be undone remotely (product.md §1).
//
// Why a plan and not just "merge": the three systems merge differently.
// HubSpot has a merge API (irreversible; the merged contact's id then
// resolves to the survivor). QuickBooks has none: open invoices can be
// re-pointed to the survivor and the duplicate made inactive (both
// reversible by a person), while paid history stays on the duplicate unless
// someone merges the two in QuickBooks' own screens (irreversible). Cal.com
// has no people to merge: a booking's attendee is an email, so the identity
// map keeps the duplicate's address as another link of the survivor.
// Concord's own identity map change is always undoable in Concord.
//
// Pure value; computed from the identity map, no network.
struct MergeStep {
    enum class Action {
        MoveLink,         // Concord: the link now belongs to the survivor
        MergeContacts,    // HubSpot: POST …/contacts/merge (primary = survivor)
        RepointInvoices,  // QuickBooks: open invoices' CustomerRef → survivor
        DeactivateCustomer, // QuickBooks: the duplicate becomes inactive
        ManualStep,       // what only a person can do, in that system's own screens
        UpdateSurvivor,   // the survivor's record takes the chosen values (name, email, phone)
    };
    Action action = Action::MoveLink;
    Domain::System system = Domain::System::QuickBooks;
    QString survivorExternalId; // empty when the survivor has no record there
    QString mergedExternalId;
    bool automatic = true;          // Concord does it (false: a person must)
    bool undoableRemotely = true;   // can the remote change be reversed?
    QString description;            // plain words, for the approval screen

    [[nodiscard]] QJsonObject toJson() const;
};

[[nodiscard]] QString toString(MergeStep::Action action); // "move_link", "merge_contacts", …

struct MergePlan {
    QString survivorId;
    QStringList mergedIds;
    // The values the person chose to survive, by field (see kSurvivorFields).
    QJsonObject survivorValues;
    QList<MergeStep> steps;

    // The steps that cannot be reversed once done (remote merges, and the
    // manual steps a person may take), in plain words; empty when the merge
    // is fully reversible.
    [[nodiscard]] QStringList irreversible() const;
    [[nodiscard]] QJsonObject toJson() const;
    // The inverse of toJson() (a plan stored with an executed merge);
    // Integrity error for an unreadable step.
    [[nodiscard]] static Result<MergePlan> fromJson(const QJsonObject &json);
};

// The fields a merge proposal may choose surviving values for.
inline const QStringList kSurvivorFields = {QStringLiteral("displayName"), QStringLiteral("givenName"),
                                            QStringLiteral("familyName"), QStringLiteral("email"),
                                            QStringLiteral("phone")};

// Plans merging `merged` customers into `survivor`. `links` holds the
// identity map rows of all of them (other rows are ignored). `fieldChoices`
// (a proposal's field → surviving value; string values only) adds an
// UpdateSurvivor step for each system where the survivor has a record.
// InvalidArgument when the survivor is among the merged, a merged customer
// is missing, nothing would be merged, or a choice names an unknown field.
[[nodiscard]] Result<MergePlan> planMerge(const Domain::Customer &survivor, const QList<Domain::Customer> &merged,
                                          const QList<Domain::ExternalLink> &links,
                                          const QJsonObject &fieldChoices = {});

} // namespace Concord::Identity
