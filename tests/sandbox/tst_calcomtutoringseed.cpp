// The Cal.com half of the `tutoring` seed: the roster's staff, services and
// sessions as users, team event types and bookings, quirks and reschedule
// links included — checked against the roster, then read back over the API.
#include "caltesthelpers.h"

#include "calcom/calcomemulator.h"
#include "seed/calcomtutoringseed.h"
#include "seed/tutoringroster.h"

#include <QSet>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Sandbox;

class TestCalcomTutoringSeed : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void seedsTheRoster()
    {
        const TutoringRoster roster = TutoringRoster::build(QDate(2026, 3, 10));
        CalcomEmulator cal;
        QVERIFY(cal.listen());
        const auto summary = seedCalcomTutoring(cal, roster);
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));

        using State = TutoringRoster::SessionState;
        int rescheduled = 0;
        int canceled = 0;
        int noShows = 0;
        int altEmailSessions = 0;
        for (const auto &s : roster.sessions) {
            rescheduled += s.state == State::Rescheduled ? 1 : 0;
            canceled += s.state == State::Canceled ? 1 : 0;
            noShows += s.state == State::NoShow ? 1 : 0;
            const auto &f = roster.families.at(s.family);
            if (f.quirk == TutoringRoster::Quirk::BookedWithNewEmail)
                altEmailSessions += s.state == State::Rescheduled ? 2 : 1;
        }
        QVERIFY(rescheduled > 0 && canceled > 0 && noShows > 0 && altEmailSessions > 0);
        QCOMPARE(summary->staffUserIds.size(), roster.staff.size());
        QCOMPARE(summary->eventTypeIds.size(), roster.services.size());
        QCOMPARE(summary->bookings, int(roster.sessions.size()) + rescheduled);
        QCOMPARE(summary->rescheduled, rescheduled);
        QCOMPARE(summary->cancelled, canceled);
        QCOMPARE(summary->noShows, noShows);
        QCOMPARE(summary->bookedWithNewEmail, altEmailSessions);
        QCOMPARE(cal.state().bookingCount(), qsizetype(summary->bookings));

        // Services: lengths as the roster says.
        for (qsizetype i = 0; i < roster.services.size(); ++i)
            QCOMPARE(cal.state().eventType(summary->eventTypeIds.at(i))->lengthInMinutes,
                     roster.services.at(i).minutes);

        // Every booking: the family's tutor hosts, the parent attends in the
        // family's zone with an E.164 phone; reschedule links are mutual.
        int links = 0;
        QSet<QString> altEmails;
        for (const auto &f : roster.families) {
            if (f.quirk == TutoringRoster::Quirk::BookedWithNewEmail)
                altEmails.insert(f.altEmail);
        }
        int withAlt = 0;
        for (const CalBooking &b : cal.state().bookings()) {
            QCOMPARE(b.attendees.size(), 1);
            QVERIFY(b.attendees.first().phoneNumber.startsWith(u"+1"_s));
            QCOMPARE(b.attendees.first().phoneNumber.size(), 12);
            QVERIFY(QTimeZone::isTimeZoneIdAvailable(b.attendees.first().timeZone.toUtf8()));
            QVERIFY(summary->staffUserIds.contains(b.hostUserId));
            withAlt += altEmails.contains(b.attendees.first().email) ? 1 : 0;
            if (!b.rescheduledToUid.isEmpty()) {
                ++links;
                QCOMPARE(b.status, u"cancelled"_s);
                const CalBooking *next = cal.state().booking(b.rescheduledToUid);
                QVERIFY(next);
                QCOMPARE(next->rescheduledFromUid, b.uid);
                QCOMPARE(next->status, u"accepted"_s);
                QCOMPARE(next->attendees.first().email, b.attendees.first().email);
            }
        }
        QCOMPARE(links, rescheduled);
        QCOMPARE(withAlt, altEmailSessions);

        // The new family: every booking with the address as typed (Cal.com's
        // form would refuse it; the seed writes the state directly), the
        // whole series booked a week before its first session — in the past.
        const auto &newcomer = roster.families.last();
        QCOMPARE(newcomer.quirk, TutoringRoster::Quirk::TypoEmailNewFamily);
        const auto newcomerSessions = std::count_if(roster.sessions.cbegin(), roster.sessions.cend(),
                                                    [&](const auto &s) { return s.family == newcomer.index; });
        QDateTime first;
        for (const auto &s : roster.sessions)
            if (s.family == newcomer.index && (!first.isValid() || s.startUtc < first))
                first = s.startUtc;
        int typed = 0;
        for (const CalBooking &b : cal.state().bookings()) {
            if (b.attendees.first().email != u"dan.wu@example,com"_s)
                continue;
            ++typed;
            QCOMPARE(b.status, u"accepted"_s);
            QCOMPARE(b.createdMs, first.addDays(-7).toMSecsSinceEpoch());
        }
        QCOMPARE(typed, int(newcomerSessions));
        QVERIFY(first.addDays(-7).date() < QDate(2026, 3, 10));

        // The owner's key reads them all over the API.
        Concord::Test::CalRawClient http(cal.baseUrl(), summary->apiKey);
        int listed = 0;
        QString cursor;
        for (;;) {
            const auto page =
                http.get(u"/v2/bookings?limit=100"_s
                             + (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor),
                         "2026-05-01");
            QCOMPARE(page.status, 200);
            listed += int(page.data().toArray().size());
            if (!page.json().value(u"pagination"_s).toObject().value(u"hasMore"_s).toBool())
                break;
            cursor =
                page.json().value(u"pagination"_s).toObject().value(u"nextCursor"_s).toString();
        }
        QCOMPARE(listed, summary->bookings);
        QCOMPARE(
            http.get(u"/v2/teams/%1/memberships"_s.arg(summary->teamId)).data().toArray().size(),
            roster.staff.size());
    }
};

QTEST_GUILESS_MAIN(TestCalcomTutoringSeed)
#include "tst_calcomtutoringseed.moc"
