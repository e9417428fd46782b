#include "seed/tutoringroster.h"

#include <QStringList>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

// Fixed name lists: deterministic and plausible, no random generator.
const QStringList kGiven = {u"Dana"_s,   u"Marcus"_s, u"Priya"_s,  u"Elena"_s,  u"Tom"_s,    u"Aisha"_s, u"Kenji"_s,
                            u"Grace"_s,  u"Luis"_s,   u"Nora"_s,   u"Owen"_s,   u"Fatima"_s, u"Ben"_s,   u"Chloe"_s,
                            u"Diego"_s,  u"Hannah"_s, u"Ivan"_s,   u"Julia"_s,  u"Kwame"_s,  u"Lena"_s,  u"Mateo"_s,
                            u"Olivia"_s, u"Rahul"_s,  u"Sofia"_s,  u"Tariq"_s};
const QStringList kFamily = {u"Whitfield"_s, u"O'Brien"_s, u"Nakamura"_s, u"Garcia"_s,   u"Okafor"_s,
                             u"Novak"_s,     u"Chen"_s,    u"Haddad"_s,   u"Lindqvist"_s, u"Moreau"_s};
const QStringList kStudents = {u"Ava"_s, u"Leo"_s,  u"Mia"_s, u"Noah"_s, u"Zoe"_s,
                               u"Eli"_s, u"Ivy"_s, u"Max"_s, u"Ruby"_s, u"Sam"_s};
// Most families are local; some study online from elsewhere.
const QStringList kZones = {u"America/New_York"_s, u"America/New_York"_s, u"America/New_York"_s,
                            u"America/Chicago"_s,  u"America/New_York"_s, u"America/Los_Angeles"_s,
                            u"America/New_York"_s, u"Europe/London"_s};

// A misspelling an office would make: two letters swapped in the middle.
QString typo(const QString &name)
{
    if (name.size() < 4)
        return name + name.back();
    QString out = name;
    const qsizetype at = name.size() / 2;
    std::swap(out[at - 1], out[at]);
    return out == name ? name + name.back() : out;
}

} // namespace

TutoringRoster TutoringRoster::build(const QDate &today, NewFamily newFamily)
{
    TutoringRoster roster;
    roster.businessName = u"BrightPath Tutoring"_s;
    roster.businessTimeZone = u"America/New_York"_s;
    roster.staff = {
        {u"Rachel Kim"_s, u"rachel@brightpath-tutoring.example"_s, u"America/New_York"_s, u"rachel-kim"_s},
        {u"David Osei"_s, u"david@brightpath-tutoring.example"_s, u"America/New_York"_s, u"david-osei"_s},
        {u"Maria Santos"_s, u"maria@brightpath-tutoring.example"_s, u"America/Chicago"_s, u"maria-santos"_s},
    };
    roster.services = {
        {u"1-Hour Math Tutoring"_s, u"math-tutoring"_s, 60, 6500},
        {u"1-Hour Reading & Writing"_s, u"reading-writing"_s, 60, 6500},
        {u"1-Hour SAT Prep"_s, u"sat-prep"_s, 60, 6500},
        {u"1-Hour Science Tutoring"_s, u"science-tutoring"_s, 60, 6500},
    };

    for (int i = 0; i < 50; ++i) {
        Family f;
        f.index = i;
        f.parentGiven = kGiven.at(i % kGiven.size());
        f.parentFamily = kFamily.at((i * 7 + i / kGiven.size()) % kFamily.size());
        f.studentName = kStudents.at(i % kStudents.size());
        f.parentEmail = u"%1.%2%3@example.com"_s
                            .arg(f.parentGiven.toLower(), QString(f.parentFamily).remove(u'\'').toLower())
                            .arg(i);
        f.parentPhone =
            u"(555) %1-%2"_s.arg(200 + i, 3, 10, QChar(u'0')).arg(1000 + i * 37, 4, 10, QChar(u'0'));
        f.timeZone = kZones.at(i % kZones.size());
        f.service = i % roster.services.size();
        f.staff = i % roster.staff.size();
        if (i % 7 == 3) {
            f.quirk = Quirk::QuickBooksTwin;
        } else if (i % 13 == 5) {
            f.quirk = Quirk::HubSpotSecondContact;
            f.altEmail = u"%1.%2.work@example.org"_s.arg(f.parentGiven.toLower(),
                                                          QString(f.parentFamily).remove(u'\'').toLower());
        } else if (i % 17 == 8) {
            f.quirk = Quirk::BookedWithNewEmail;
            f.altEmail = u"%1%2@mail.example.net"_s.arg(f.parentGiven.at(0).toLower())
                             .arg(QString(f.parentFamily).remove(u'\'').toLower());
        } else if (i % 19 == 11) {
            f.quirk = Quirk::NameTypo;
            f.typoFamily = typo(f.parentFamily);
        }
        roster.families.append(f);
    }
    if (newFamily == NewFamily::WithTypoEmail) {
        // Booked a weekly series online, the address typed with a comma for
        // the dot. (Cal.com's own booking form would refuse it; the seed puts
        // the booking straight into the emulator's state, as if the address
        // came in by another way — an import, an API integration.)
        Family f;
        f.index = int(roster.families.size());
        f.parentGiven = u"Dan"_s;
        f.parentFamily = u"Wu"_s;
        f.studentName = u"Lily"_s;
        f.parentEmail = u"dan.wu@example,com"_s;
        f.altEmail = u"dan.wu@example.com"_s;
        f.parentPhone = u"(555) %1-%2"_s.arg(200 + f.index, 3, 10, QChar(u'0'))
                            .arg(1000 + f.index * 37, 4, 10, QChar(u'0'));
        f.timeZone = u"America/New_York"_s;
        f.service = f.index % roster.services.size();
        f.staff = f.index % roster.staff.size();
        f.quirk = Quirk::TypoEmailNewFamily;
        roster.families.append(f);
    }

    // Weekly sessions at the family's slot in the business's zone: eight
    // weeks back and one ahead. Weekday Mon–Fri and hour 15–19 from the index.
    const QTimeZone business(roster.businessTimeZone.toUtf8());
    for (const Family &f : std::as_const(roster.families)) {
        const int weekday = 1 + f.index % 5;
        const int hour = 15 + (f.index / 5) % 5;
        // The most recent such weekday on or before today.
        QDate anchor = today.addDays(-((today.dayOfWeek() - weekday + 7) % 7));
        // The new family started two weeks ago and booked three weeks ahead.
        const bool newcomer = f.quirk == Quirk::TypoEmailNewFamily;
        for (int week = newcomer ? 2 : 8; week >= (newcomer ? -3 : -1); --week) {
            const QDate day = anchor.addDays(-7 * week);
            Session s;
            s.family = f.index;
            s.minutes = roster.services.at(f.service).minutes;
            s.startUtc = QDateTime(day, QTime(hour, 0), business).toUTC();
            const qint64 price = roster.services.at(f.service).priceCents;
            if (day > today || (day == today && week <= 0)) {
                s.state = SessionState::Upcoming;
            } else if (newcomer) {
                s.state = SessionState::Completed; // held; not invoiced (not in QuickBooks yet)
            } else if ((f.index + week) % 23 == 0) {
                s.state = SessionState::Canceled;
            } else if ((f.index + week) % 29 == 1) {
                // Moved two days later, same hour; the new session happened.
                s.state = SessionState::Rescheduled;
                s.movedToUtc = QDateTime(day.addDays(2), QTime(hour, 0), business).toUTC();
                s.invoiced = true;
                s.paidCents = price;
            } else if ((f.index + week) % 31 == 2) {
                s.state = SessionState::NoShow;
                s.invoiced = true; // billed per the late-cancellation policy
            } else {
                s.state = SessionState::Completed;
                s.invoiced = true;
                // Most pay; every ninth family leaves the older sessions
                // unpaid, every eleventh paid part of one, and a third of
                // families have not paid the newest yet.
                if (f.index % 9 == 4 && week >= 2)
                    s.paidCents = 0;
                else if (f.index % 11 == 6 && week == 2)
                    s.paidCents = 4000;
                else if (week <= 1 && f.index % 3 == 0)
                    s.paidCents = 0;
                else
                    s.paidCents = price;
            }
            roster.sessions.append(s);
        }
    }
    return roster;
}

} // namespace Concord::Sandbox
