// The HubSpot side of the tutoring demo business, checked against the roster.
#include "hubspot/hubspotemulator.h"
#include "seed/hubspottutoringseed.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord::Sandbox;

class TestHubSpotTutoringSeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedMatchesTheRoster()
    {
        const TutoringRoster roster = TutoringRoster::build(QDate(2026, 3, 10));
        HubSpotEmulator hs;
        const auto summary = seedHubSpotTutoring(hs, roster);
        QVERIFY2(summary.has_value(), qPrintable(summary ? QString() : summary.error().toString()));

        // The new family booked in Cal.com only: not in the CRM.
        int known = 0;
        int second = 0;
        int typos = 0;
        for (const auto &f : roster.families) {
            known += TutoringRoster::isKnownEverywhere(f) ? 1 : 0;
            second += f.quirk == TutoringRoster::Quirk::HubSpotSecondContact ? 1 : 0;
            typos += f.quirk == TutoringRoster::Quirk::NameTypo ? 1 : 0;
        }
        QCOMPARE(known, 50);
        QCOMPARE(roster.families.size(), 51);
        int completed = 0;
        int noShows = 0;
        for (const auto &s : roster.sessions) {
            if (!TutoringRoster::isKnownEverywhere(roster.families.at(s.family)))
                continue;
            completed += s.state == TutoringRoster::SessionState::Completed ? 1 : 0;
            noShows += s.state == TutoringRoster::SessionState::NoShow ? 1 : 0;
        }
        QCOMPARE(summary->contacts, known + second);
        QCOMPARE(summary->secondContacts, second);
        QCOMPARE(summary->misspelledContacts, typos);
        QCOMPARE(summary->deals, known);
        QCOMPARE(summary->notes, completed);
        QCOMPARE(summary->tasks, noShows);
        QCOMPARE(hs.portal().count(u"contacts"_s), summary->contacts);
        QCOMPARE(hs.portal().count(u"deals"_s), summary->deals);
        QCOMPARE(hs.portal().count(u"notes"_s), summary->notes);
        QCOMPARE(hs.portal().count(u"tasks"_s), summary->tasks);

        // Each family: its parent's contact by email, with its deal associated.
        for (const auto &f : roster.families) {
            if (!TutoringRoster::isKnownEverywhere(f)) {
                QVERIFY(!hs.portal().read(u"contacts"_s, f.altEmail, u"email"_s, {}).has_value());
                continue;
            }
            const auto contact = hs.portal().read(u"contacts"_s, f.parentEmail, u"email"_s, {u"lastname"_s, u"phone"_s});
            QVERIFY2(contact.has_value(), qPrintable(f.parentEmail));
            const QJsonObject props = contact->body.value(u"properties"_s).toObject();
            QCOMPARE(props.value(u"lastname"_s).toString(),
                     f.quirk == TutoringRoster::Quirk::NameTypo ? f.typoFamily : f.parentFamily);
            const qint64 id = contact->body.value(u"id"_s).toString().toLongLong();
            QCOMPARE(hs.portal().associationsOf(u"contacts"_s, id, u"deals"_s).size(), 1);
            if (f.quirk == TutoringRoster::Quirk::HubSpotSecondContact) {
                const auto twin = hs.portal().read(u"contacts"_s, f.altEmail, u"email"_s, {u"phone"_s});
                QVERIFY(twin.has_value());
                QCOMPARE(twin->body.value(u"properties"_s).toObject().value(u"phone"_s).toString(), f.parentPhone);
            }
        }
        // Seeding sends no webhooks and leaves no events behind.
        QVERIFY(hs.portal().takeEvents().isEmpty());
        // Deterministic: the same roster gives the same contacts.
        HubSpotEmulator again;
        QVERIFY(seedHubSpotTutoring(again, roster).has_value());
        QCOMPARE(again.records(u"contacts"_s), hs.records(u"contacts"_s));
    }
};

QTEST_GUILESS_MAIN(TestHubSpotTutoringSeed)
#include "tst_hubspottutoringseed.moc"
