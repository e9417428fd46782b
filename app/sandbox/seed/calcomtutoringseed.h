#pragma once

#include "common/error.h"
#include "seed/tutoringroster.h"

#include <QList>
#include <QString>

namespace Concord::Sandbox {

class CalcomEmulator;

// What the Cal.com tutoring seed put into the emulator, for summaries and tests.
struct CalcomSeedSummary {
    QString apiKey; // the owner's key (the first staff member's)
    qint64 ownerUserId = 0;
    qint64 teamId = 0;
    QList<qint64> staffUserIds; // in roster order
    QList<qint64> eventTypeIds; // in roster order (one per service)
    int bookings = 0; // rows, both halves of every reschedule included
    int accepted = 0;
    int cancelled = 0; // cancelled sessions (not the old halves of reschedules)
    int rescheduled = 0; // reschedule links (old booking → new booking)
    int noShows = 0;
    int bookedWithNewEmail = 0; // bookings whose attendee email is the family's altEmail
};

// The scheduling side of the demo business (TutoringRoster): one Cal.com user
// per staff member (the first owns the account and its API key), a team with
// all of them, one team event type per service (its length), and a booking
// per session, hosted by the family's tutor, attended by the parent (the
// family's zone and phone, E.164): completed and upcoming sessions accepted,
// canceled ones cancelled, no-shows accepted with the attendee marked absent,
// rescheduled ones as two linked bookings — the old one cancelled with
// rescheduledToUid, the new one at movedToUtc with rescheduledFromUid.
// BookedWithNewEmail families book with their altEmail; the
// TypoEmailNewFamily family with its mistyped email, put into the emulator's
// state directly (Cal.com's booking form would refuse the address).
// createdAt one week before each session (the new family's whole series a
// week before its first), updatedAt at the last change. Seeding sends no
// webhooks. Deterministic for a given roster.
[[nodiscard]] Result<CalcomSeedSummary>
seedCalcomTutoring(CalcomEmulator &cal, const TutoringRoster &roster,
                   const QString &apiKey = QStringLiteral("cal_live_tutoring_sandbox"));

} // namespace Concord::Sandbox
