// The demo business: one roster for all three emulators, and the QuickBooks
// seed holding exactly what the roster says (customers, invoices, money).

#include "quickbooks/quickbooksemulator.h"
#include "seed/tutoringroster.h"
#include "seed/tutoringseed.h"

#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Sandbox;
using Quirk = TutoringRoster::Quirk;
using SessionState = TutoringRoster::SessionState;

namespace {

const QDate Today(2026, 11, 18); // a Wednesday

qint64 cents(const QJsonValue &amount)
{
    // Amounts in the emulator's JSON have at most two decimals and stay far
    // below 2^53 cents: rounding the scaled double is exact.
    return qRound64(amount.toDouble() * 100);
}

} // namespace

class TestTutoringSeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rosterIsTheBusinessOfTheSpec()
    {
        const TutoringRoster r = TutoringRoster::build(Today);
        QCOMPARE(r.staff.size(), 3);
        QCOMPARE(r.services.size(), 4);
        QCOMPARE(r.families.size(), 51); // 50 known everywhere, and the new family last
        for (const auto &service : r.services) {
            QCOMPARE(service.minutes, 60);
            QCOMPARE(service.priceCents, 6500);
        }
        QSet<QString> emails, phones;
        QMap<Quirk, int> quirks;
        for (const auto &f : r.families) {
            emails.insert(f.parentEmail.toLower());
            phones.insert(f.parentPhone);
            quirks[f.quirk] += 1;
            QVERIFY(QTimeZone(f.timeZone.toUtf8()).isValid());
            if (f.quirk == Quirk::HubSpotSecondContact || f.quirk == Quirk::BookedWithNewEmail) {
                QVERIFY(!f.altEmail.isEmpty());
                QVERIFY(f.altEmail != f.parentEmail);
            }
            if (f.quirk == Quirk::NameTypo) {
                QVERIFY(!f.typoFamily.isEmpty());
                QVERIFY(f.typoFamily != f.parentFamily);
            }
            QCOMPARE(TutoringRoster::isKnownEverywhere(f), f.quirk != Quirk::TypoEmailNewFamily);
        }
        QCOMPARE(emails.size(), 51); // one person, one email: the duplicates are elsewhere
        QCOMPARE(phones.size(), 51);
        // The new family: last, typed with a comma for the dot, and the
        // address they meant beside it.
        const auto &newcomer = r.families.last();
        QCOMPARE(newcomer.quirk, Quirk::TypoEmailNewFamily);
        QCOMPARE(newcomer.index, 50);
        QCOMPARE(newcomer.parentEmail, u"dan.wu@example,com"_s);
        QCOMPARE(newcomer.altEmail, u"dan.wu@example.com"_s);
        QCOMPARE(quirks.value(Quirk::TypoEmailNewFamily), 1);
        for (Quirk q : {Quirk::QuickBooksTwin, Quirk::HubSpotSecondContact, Quirk::BookedWithNewEmail, Quirk::NameTypo})
            QVERIFY2(quirks.value(q) >= 1, "every kind of duplicate appears");
        QCOMPARE(quirks.value(Quirk::QuickBooksTwin), 7);

        // Weekly sessions: ten per family (eight weeks back, this one, next),
        // a week apart, at the same local hour in the business's zone; the
        // new family's six from two weeks back to three ahead, the held ones
        // not invoiced yet (they are not in QuickBooks).
        QCOMPARE(r.sessions.size(), 50 * 10 + 6);
        const QTimeZone business(r.businessTimeZone.toUtf8());
        int newcomerHeld = 0, newcomerUpcoming = 0;
        for (qsizetype i = 50 * 10; i < r.sessions.size(); ++i) {
            const auto &s = r.sessions.at(i);
            QCOMPARE(s.family, newcomer.index);
            QVERIFY(!s.invoiced);
            QVERIFY(s.state == SessionState::Completed || s.state == SessionState::Upcoming);
            (s.state == SessionState::Completed ? newcomerHeld : newcomerUpcoming) += 1;
            if (i > 50 * 10)
                QCOMPARE(r.sessions.at(i - 1).startUtc.daysTo(s.startUtc), 7);
        }
        QVERIFY2(newcomerHeld >= 2 && newcomerUpcoming >= 3, "a couple held, a few ahead");
        QMap<SessionState, int> states;
        for (int i = 0; i < 50 * 10; ++i) {
            const auto &s = r.sessions.at(i);
            states[s.state] += 1;
            QCOMPARE(s.startUtc.timeSpec(), Qt::UTC);
            const QTime local = s.startUtc.toTimeZone(business).time();
            QVERIFY(local >= QTime(15, 0) && local <= QTime(19, 0));
            if (i % 10 != 0) {
                const auto &previous = r.sessions.at(i - 1);
                QCOMPARE(previous.family, s.family);
                QCOMPARE(previous.startUtc.toTimeZone(business).date().daysTo(s.startUtc.toTimeZone(business).date()), 7);
            }
            QCOMPARE(s.invoiced, s.state != SessionState::Upcoming && s.state != SessionState::Canceled);
            if (s.state == SessionState::Rescheduled)
                QVERIFY(s.movedToUtc > s.startUtc);
            if (s.startUtc.toTimeZone(business).date() > Today)
                QCOMPARE(s.state, SessionState::Upcoming);
        }
        for (SessionState st : {SessionState::Completed, SessionState::Upcoming, SessionState::Canceled,
                                SessionState::Rescheduled, SessionState::NoShow})
            QVERIFY2(states.value(st) >= 1, "every appointment state appears");

        // Deterministic.
        const TutoringRoster again = TutoringRoster::build(Today);
        QCOMPARE(again.sessions.size(), r.sessions.size());
        for (int i = 0; i < r.sessions.size(); ++i)
            QCOMPARE(again.sessions.at(i).startUtc, r.sessions.at(i).startUtc);

        // Left out, the roster is the 50 families alone, unchanged.
        const TutoringRoster clean = TutoringRoster::build(Today, TutoringRoster::NewFamily::None);
        QCOMPARE(clean.families.size(), 50);
        QCOMPARE(clean.sessions.size(), 50 * 10);
        for (int i = 0; i < clean.sessions.size(); ++i)
            QCOMPARE(clean.sessions.at(i).startUtc, r.sessions.at(i).startUtc);
    }

    // QuickBooks holds exactly the roster: one customer per parent plus the
    // twins, one invoice per invoiced session, and each customer's balance
    // is what the roster says they still owe.
    void quickBooksHoldsTheRoster()
    {
        QuickBooksEmulator qbo;
        const QString realm = u"9130357766012345"_s;
        qbo.addRealm(realm);
        const TutoringRoster r = TutoringRoster::build(Today);
        auto summary = seedQuickBooksTutoring(qbo, realm, r, Today);
        QVERIFY2(summary.has_value(), summary ? "" : qPrintable(summary.error().detail));

        QMap<QString, qint64> owedByEmail;
        int invoiced = 0;
        for (const auto &s : r.sessions) {
            if (!s.invoiced)
                continue;
            ++invoiced;
            const auto &f = r.families.at(s.family);
            owedByEmail[f.parentEmail] += r.services.at(f.service).priceCents - s.paidCents;
        }
        QCOMPARE(summary->customers, 57);
        QCOMPARE(summary->duplicateRecords, 7);
        QCOMPARE(summary->invoices, invoiced);
        QCOMPARE(qbo.entities(realm, u"Invoice"_s).size(), invoiced);
        QCOMPARE(qbo.entities(realm, u"Item"_s).size(), 4);

        const QList<QJsonObject> customers = qbo.entities(realm, u"Customer"_s);
        QCOMPARE(customers.size(), 57);
        int checked = 0;
        for (const QJsonObject &c : customers) {
            const QString email = c.value(u"PrimaryEmailAddr"_s).toObject().value(u"Address"_s).toString();
            if (!owedByEmail.contains(email))
                continue; // a twin (email in capitals): owes nothing, holds no invoices
            QCOMPARE(cents(c.value(u"Balance"_s)), owedByEmail.value(email));
            ++checked;
        }
        QCOMPARE(checked, 50);
        // The new family booked in Cal.com only: QuickBooks has never heard of them.
        for (const QJsonObject &c : customers) {
            const QString email = c.value(u"PrimaryEmailAddr"_s).toObject().value(u"Address"_s).toString();
            QVERIFY(!email.startsWith(u"dan.wu@"_s, Qt::CaseInsensitive));
            QVERIFY(c.value(u"DisplayName"_s).toString() != u"Dan Wu"_s);
        }
        QVERIFY(summary->overdueInvoices > 0);
        QVERIFY(summary->partiallyPaidInvoices > 0);
        QVERIFY(summary->paidInvoices > summary->overdueInvoices);
    }
};

QTEST_GUILESS_MAIN(TestTutoringSeed)
#include "tst_tutoringseed.moc"
