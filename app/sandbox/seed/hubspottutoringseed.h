#pragma once

#include "common/error.h"
#include "seed/tutoringroster.h"

namespace Concord::Sandbox {

class HubSpotEmulator;

// What the HubSpot tutoring seed put into the emulator, for summaries and tests.
struct HubSpotSeedSummary {
    int contacts = 0;          // including the second contacts
    int secondContacts = 0;    // HubSpotSecondContact: another contact for a parent who has one
    int misspelledContacts = 0; // NameTypo: the family name misspelled in HubSpot
    int deals = 0;
    int notes = 0;             // one per completed session
    int tasks = 0;             // one follow-up per no-show
};

// The CRM side of the demo business (TutoringRoster): one contact per parent
// (created a week before the family's first session), one deal per family in
// the default pipeline (stage "appointmentscheduled" while a session is
// upcoming, "closedwon" otherwise; amount = the service's price per
// session), a note for every completed session and a follow-up task for
// every no-show, all associated with the parent. The quirks the sync must
// untangle: HubSpotSecondContact adds a second contact with the family's
// altEmail and the same phone; NameTypo stores the misspelled family name.
// The Cal.com-only TypoEmailNewFamily gets nothing here.
// Seeding sends no webhooks. Deterministic for a given roster.
[[nodiscard]] Result<HubSpotSeedSummary> seedHubSpotTutoring(HubSpotEmulator &hubspot, const TutoringRoster &roster);

} // namespace Concord::Sandbox
