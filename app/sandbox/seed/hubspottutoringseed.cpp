#include "seed/hubspottutoringseed.h"

#include "hubspot/hubspotemulator.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

QString decimalText(qint64 cents)
{
    return u"%1.%2"_s.arg(cents / 100).arg(cents % 100, 2, 10, QChar(u'0'));
}

std::unexpected<Error> seedFailed(const QString &what, const HsError &error)
{
    return std::unexpected(Error::make(ErrorCode::Internal, u"HubSpot tutoring seed: %1 refused"_s.arg(what),
                                       u"%1 %2"_s.arg(error.httpStatus).arg(error.message)));
}

QString isoMs(const QDateTime &t)
{
    return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + u'Z';
}

QJsonArray associationTo(const QString &contactId, int typeId)
{
    return QJsonArray{QJsonObject{
        {u"to"_s, QJsonObject{{u"id"_s, contactId}}},
        {u"types"_s, QJsonArray{QJsonObject{{u"associationCategory"_s, u"HUBSPOT_DEFINED"_s},
                                            {u"associationTypeId"_s, typeId}}}}}};
}

} // namespace

Result<HubSpotSeedSummary> seedHubSpotTutoring(HubSpotEmulator &hubspot, const TutoringRoster &roster)
{
    HubSpotSeedSummary summary;
    for (const TutoringRoster::Family &family : roster.families) {
        if (!TutoringRoster::isKnownEverywhere(family))
            continue; // booked in Cal.com only: not in the CRM yet
        QList<const TutoringRoster::Session *> sessions;
        for (const TutoringRoster::Session &s : roster.sessions) {
            if (s.family == family.index)
                sessions.append(&s);
        }
        QDateTime first;
        for (const auto *s : std::as_const(sessions))
            first = !first.isValid() || s->startUtc < first ? s->startUtc : first;
        const qint64 createdMs = (first.isValid() ? first : QDateTime::currentDateTimeUtc()).addDays(-7).toMSecsSinceEpoch();

        const QString familyName = family.quirk == TutoringRoster::Quirk::NameTypo && !family.typoFamily.isEmpty()
            ? family.typoFamily
            : family.parentFamily;
        const auto contact = hubspot.seedContact({{u"email"_s, family.parentEmail},
                                                  {u"firstname"_s, family.parentGiven},
                                                  {u"lastname"_s, familyName},
                                                  {u"phone"_s, family.parentPhone}},
                                                 createdMs);
        if (!contact)
            return seedFailed(u"contact %1"_s.arg(family.parentEmail), contact.error());
        const QString contactId = contact->value(u"id"_s).toString();
        ++summary.contacts;
        if (familyName != family.parentFamily)
            ++summary.misspelledContacts;
        if (family.quirk == TutoringRoster::Quirk::HubSpotSecondContact && !family.altEmail.isEmpty()) {
            const auto second = hubspot.seedContact({{u"email"_s, family.altEmail},
                                                     {u"firstname"_s, family.parentGiven},
                                                     {u"lastname"_s, family.parentFamily},
                                                     {u"phone"_s, family.parentPhone}},
                                                    createdMs + 3 * 86'400'000LL);
            if (!second)
                return seedFailed(u"second contact %1"_s.arg(family.altEmail), second.error());
            ++summary.contacts;
            ++summary.secondContacts;
        }

        const TutoringRoster::Service &service = roster.services.value(family.service);
        bool upcoming = false;
        for (const auto *s : std::as_const(sessions))
            upcoming = upcoming || s->state == TutoringRoster::SessionState::Upcoming;
        const auto deal = hubspot.seedObject(
            u"deals"_s,
            QJsonObject{{u"properties"_s, QJsonObject{{u"dealname"_s, u"%1 family – %2"_s.arg(family.parentFamily, service.name)},
                                                      {u"pipeline"_s, u"default"_s},
                                                      {u"dealstage"_s, upcoming ? u"appointmentscheduled"_s : u"closedwon"_s},
                                                      {u"amount"_s, decimalText(service.priceCents)},
                                                      {u"deal_currency_code"_s, u"USD"_s}}},
                        {u"associations"_s, associationTo(contactId, 3)}},
            createdMs);
        if (!deal)
            return seedFailed(u"deal of %1"_s.arg(family.parentEmail), deal.error());
        ++summary.deals;

        for (const auto *s : std::as_const(sessions)) {
            const QDateTime end = s->startUtc.addSecs(qint64(s->minutes) * 60);
            if (s->state == TutoringRoster::SessionState::Completed) {
                const auto note = hubspot.seedObject(
                    u"notes"_s,
                    QJsonObject{{u"properties"_s, QJsonObject{{u"hs_note_body"_s,
                                                               u"<p>%1 with %2: session completed.</p>"_s.arg(service.name, family.studentName)},
                                                              {u"hs_timestamp"_s, isoMs(end)}}},
                                {u"associations"_s, associationTo(contactId, 202)}},
                    end.toMSecsSinceEpoch());
                if (!note)
                    return seedFailed(u"note"_s, note.error());
                ++summary.notes;
            } else if (s->state == TutoringRoster::SessionState::NoShow) {
                const auto task = hubspot.seedObject(
                    u"tasks"_s,
                    QJsonObject{{u"properties"_s, QJsonObject{{u"hs_task_subject"_s,
                                                               u"Follow up: %1 missed %2"_s.arg(family.studentName,
                                                                                                s->startUtc.date().toString(Qt::ISODate))},
                                                              {u"hs_task_body"_s, u"Call %1 %2 about the missed session."_s.arg(
                                                                                      family.parentGiven, family.parentFamily)},
                                                              {u"hs_task_status"_s, u"NOT_STARTED"_s},
                                                              {u"hs_task_priority"_s, u"HIGH"_s},
                                                              {u"hs_task_type"_s, u"CALL"_s},
                                                              {u"hs_timestamp"_s, isoMs(end.addDays(1))}}},
                                {u"associations"_s, associationTo(contactId, 204)}},
                    end.toMSecsSinceEpoch());
                if (!task)
                    return seedFailed(u"task"_s, task.error());
                ++summary.tasks;
            }
        }
    }
    return summary;
}

} // namespace Concord::Sandbox
