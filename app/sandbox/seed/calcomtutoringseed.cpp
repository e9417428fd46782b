#include "seed/calcomtutoringseed.h"

#include "calcom/calcomemulator.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

// "(555) 201-1037" → "+15552011037" (the roster's numbers are US).
QString e164(const QString &phone)
{
    QString digits;
    for (const QChar c : phone) {
        if (c.isDigit())
            digits.append(c);
    }
    if (digits.size() == 10)
        return u"+1"_s + digits;
    return digits.isEmpty() ? QString() : u"+"_s + digits;
}

Result<CalBooking> stored(const CalcomState::Result &r)
{
    if (!r)
        return fail(ErrorCode::Internal, u"the Cal.com emulator refused the tutoring seed"_s,
                    r.error().code + u": "_s + r.error().message);
    return *r;
}

} // namespace

Result<CalcomSeedSummary> seedCalcomTutoring(CalcomEmulator &cal, const TutoringRoster &roster,
                                             const QString &apiKey)
{
    if (roster.staff.isEmpty() || roster.services.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    u"the tutoring roster has no staff or no services"_s);
    CalcomSeedSummary summary;
    summary.apiKey = apiKey;
    for (const TutoringRoster::Staff &s : roster.staff) {
        CalUser user;
        user.username = s.username;
        user.email = s.email;
        user.name = s.name;
        user.timeZone = s.timeZone;
        summary.staffUserIds.append(cal.addUser(user));
    }
    summary.ownerUserId = summary.staffUserIds.first();
    cal.addApiKey(apiKey, summary.ownerUserId);
    QString teamSlug = roster.businessName.toLower();
    teamSlug.replace(u' ', u'-');
    summary.teamId = cal.addTeam(roster.businessName, teamSlug);
    for (qsizetype i = 0; i < summary.staffUserIds.size(); ++i)
        cal.addMembership(summary.teamId, summary.staffUserIds.at(i),
                          i == 0 ? u"OWNER"_s : u"MEMBER"_s);
    for (const TutoringRoster::Service &s : roster.services) {
        CalEventType type;
        type.title = s.name;
        type.slug = s.slug;
        type.lengthInMinutes = s.minutes;
        type.ownerId = summary.ownerUserId;
        type.teamId = summary.teamId;
        type.hostIds = summary.staffUserIds;
        // Tutoring is billed in QuickBooks, not paid at booking: no price here.
        summary.eventTypeIds.append(cal.addEventType(type));
    }

    // The new family booked their whole series at once, a week before the
    // first session (the others book a week ahead of each session).
    QHash<int, QDateTime> seriesBookedAt;
    for (const TutoringRoster::Session &session : roster.sessions) {
        const auto &family = roster.families.value(session.family);
        if (family.quirk != TutoringRoster::Quirk::TypoEmailNewFamily)
            continue;
        const QDateTime at = session.startUtc.addDays(-7);
        if (!seriesBookedAt.contains(session.family) || at < seriesBookedAt.value(session.family))
            seriesBookedAt.insert(session.family, at);
    }

    using State = TutoringRoster::SessionState;
    for (const TutoringRoster::Session &session : roster.sessions) {
        if (session.family < 0 || session.family >= roster.families.size())
            return fail(
                ErrorCode::InvalidArgument,
                u"a session names family %1, which is not in the roster"_s.arg(session.family));
        const TutoringRoster::Family &family = roster.families.at(session.family);
        const bool altEmail =
            family.quirk == TutoringRoster::Quirk::BookedWithNewEmail && !family.altEmail.isEmpty();
        CalAttendee parent;
        parent.name = family.parentGiven + u' ' + family.parentFamily;
        // TypoEmailNewFamily: the mistyped parentEmail, as typed. Cal.com's
        // booking form would refuse it; the booking goes straight into the
        // emulator's state (insertBooking), so its validation is not in the
        // way — the address reached Cal.com some other way (an import).
        parent.email = altEmail ? family.altEmail : family.parentEmail;
        parent.timeZone = family.timeZone;
        parent.phoneNumber = e164(family.parentPhone);

        CalBooking b;
        b.eventTypeId = summary.eventTypeIds.value(family.service, summary.eventTypeIds.first());
        b.hostUserId = summary.staffUserIds.value(family.staff, summary.ownerUserId);
        b.startMs = session.startUtc.toMSecsSinceEpoch();
        b.endMs = b.startMs + qint64(session.minutes) * 60'000;
        b.createdMs = seriesBookedAt.value(session.family, session.startUtc.addDays(-7)).toMSecsSinceEpoch();
        b.updatedMs = b.createdMs;
        b.attendees = { parent };
        b.metadata = QJsonObject { { u"student"_s, family.studentName } };
        b.title = u"%1 between %2 and %3"_s.arg(roster.services.value(family.service).name,
                                                roster.staff.value(family.staff).name, parent.name);
        switch (session.state) {
        case State::Completed:
        case State::Upcoming:
            break;
        case State::Canceled:
            b.status = u"cancelled"_s;
            b.cancellationReason = u"Family canceled"_s;
            b.cancelledByEmail = parent.email;
            b.updatedMs = session.startUtc.addDays(-1).toMSecsSinceEpoch();
            ++summary.cancelled;
            break;
        case State::NoShow:
            b.attendees.first().absent = true;
            b.updatedMs = b.endMs + 3'600'000;
            ++summary.noShows;
            break;
        case State::Rescheduled:
            break;
        }
        auto first = stored(cal.state().insertBooking(b));
        if (!first)
            return std::unexpected(first.error());
        ++summary.bookings;
        summary.bookedWithNewEmail += altEmail ? 1 : 0;
        if (session.state != State::Rescheduled || !session.movedToUtc.isValid()) {
            summary.accepted += first->status == u"accepted"_s ? 1 : 0;
            continue;
        }
        // The family moved it: a new booking at movedToUtc, linked both ways.
        const QDateTime movedAt = std::min(session.startUtc, session.movedToUtc).addDays(-2);
        CalBooking moved = b;
        moved.startMs = session.movedToUtc.toMSecsSinceEpoch();
        moved.endMs = moved.startMs + qint64(session.minutes) * 60'000;
        moved.createdMs = movedAt.toMSecsSinceEpoch();
        moved.updatedMs = moved.createdMs;
        moved.icsUid = first->icsUid;
        moved.iCalSequence = first->iCalSequence + 1;
        auto second = stored(cal.state().insertBooking(moved));
        if (!second)
            return std::unexpected(second.error());
        ++summary.bookings;
        ++summary.accepted;
        summary.bookedWithNewEmail += altEmail ? 1 : 0;
        auto linked = stored(cal.state().linkReschedule(first->uid, second->uid));
        if (!linked)
            return std::unexpected(linked.error());
        // The old row records who moved it and when.
        if (!cal.state().setRescheduleDetails(first->uid, parent.email,
                                              u"Family asked to move it"_s,
                                              movedAt.toMSecsSinceEpoch()))
            return fail(ErrorCode::Internal,
                        u"the Cal.com emulator lost booking %1"_s.arg(first->uid));
        ++summary.rescheduled;
    }
    return summary;
}

} // namespace Concord::Sandbox
