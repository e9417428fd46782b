#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Concord::Sandbox {

// The demo business of the product spec, as plain data: a private tutoring
// company with 3 staff, 4 services, 50 students (each billed to a parent)
// with a weekly 1-hour session over the last two months, and the mess real
// offices have — a parent entered twice in QuickBooks, a second HubSpot
// contact for one parent, a booking made with a new email, a typo in a name
// — and, unless left out, one new family (the 51st) who booked in Cal.com
// only, with a mistyped email: HubSpot and QuickBooks refuse that address,
// which gives the demo's retry queue a failure a person must fix.
//
// One roster feeds all three emulators' `tutoring` seeds, so the same person
// is the same person in QuickBooks, HubSpot and Cal.com (which is what
// Concord must discover). Deterministic: the same `today` gives the same data;
// no random generator.
struct TutoringRoster {
    struct Staff {
        QString name;     // "Rachel Kim"
        QString email;    // rachel@brightpath-tutoring.example
        QString timeZone; // IANA
        QString username; // Cal.com username
    };
    struct Service {
        QString name;          // QuickBooks Item name and Cal.com event type title
        QString slug;          // Cal.com event type slug
        int minutes = 60;
        qint64 priceCents = 0; // per session
    };
    // How this family shows up wrong somewhere (the duplicates to find).
    enum class Quirk {
        None,
        QuickBooksTwin,       // a second QuickBooks customer: email in capitals, phone formatted differently
        HubSpotSecondContact, // a second HubSpot contact: other email, same phone
        BookedWithNewEmail,   // books in Cal.com with a new email, same phone
        NameTypo,             // one system has the family name misspelled
        // A new family, only in Cal.com (not yet in HubSpot or QuickBooks),
        // whose email was typed with a comma for the dot ("dan.wu@example,com"):
        // parentEmail is the address as typed, altEmail the one they meant.
        // Their past sessions are not invoiced yet.
        TypoEmailNewFamily,
    };
    // Whether build() adds the TypoEmailNewFamily family. Suites that follow
    // a clean office (nothing for a person to fix) leave it out.
    enum class NewFamily { WithTypoEmail, None };
    struct Family {
        int index = 0;              // 0-based, stable
        QString parentGiven;
        QString parentFamily;
        QString parentEmail;        // the email everywhere unless a quirk says otherwise
        QString parentPhone;        // "(555) 201-1037", US
        QString studentName;        // the student's first name
        QString timeZone;           // IANA, the family's own
        int service = 0;            // index into services
        int staff = 0;              // index into staff
        Quirk quirk = Quirk::None;
        QString altEmail;           // for HubSpotSecondContact / BookedWithNewEmail; TypoEmailNewFamily: the intended address
        QString typoFamily;         // for NameTypo: the misspelled family name
    };
    enum class SessionState { Completed, Upcoming, Canceled, Rescheduled, NoShow };
    struct Session {
        int family = 0;           // index into families
        QDateTime startUtc;       // UTC
        int minutes = 60;
        SessionState state = SessionState::Completed;
        QDateTime movedToUtc;     // Rescheduled: the new start (the booking that replaced it)
        // Money (QuickBooks): what was invoiced and paid. Canceled and
        // upcoming sessions are not invoiced.
        bool invoiced = false;
        qint64 paidCents = 0;     // 0 = unpaid, price = paid, between = partial
    };

    QString businessName;     // "BrightPath Tutoring"
    QString businessTimeZone; // America/New_York
    QList<Staff> staff;       // 3
    QList<Service> services;  // 4
    QList<Family> families;   // 50, and the new family last (51) unless left out
    // Weekly, 8 weeks back and 1 week ahead, per family; the new family's
    // from 2 weeks back to 3 ahead.
    QList<Session> sessions;

    [[nodiscard]] static TutoringRoster build(const QDate &today, NewFamily newFamily = NewFamily::WithTypoEmail);
    // Whether the family is in HubSpot and QuickBooks (all but the new one).
    [[nodiscard]] static bool isKnownEverywhere(const Family &family)
    {
        return family.quirk != Quirk::TypoEmailNewFamily;
    }
};

} // namespace Concord::Sandbox
