// Contract tests of CalcomClient's operations against the Cal.com emulator:
// every call, what went over the wire, and the emulator's state afterwards.
#include "calclientfixture.h"

#include <QSet>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Calcom;

class TestCalcomClient : public QObject, public Concord::Test::CalClientFixture {
    Q_OBJECT

private Q_SLOTS:
    void init() { setUpWorld(); }
    void cleanup() { tearDownWorld(); }

    void meAndHeaders()
    {
        auto me = m_client->me();
        AWAIT_OK(me);
        QCOMPARE(me.result()->id, m_host);
        QCOMPARE(me.result()->email, u"rachel@brightpath.example"_s);
        QCOMPARE(me.result()->timeZone, u"America/New_York"_s);
        auto list = m_client->bookingsPage(BookingQuery {});
        AWAIT_OK(list);
        auto types = m_client->eventTypes();
        AWAIT_OK(types);
        const auto log = apiLog();
        QCOMPARE(log.size(), 3);
        for (const auto &e : log)
            QVERIFY(e.authorized);
        QCOMPARE(log.at(0).path, u"/v2/me"_s);
        QVERIFY(log.at(0).apiVersion.isEmpty()); // /v2/me takes no version
        QCOMPARE(log.at(1).apiVersion, u"2026-05-01"_s);
        QCOMPARE(log.at(2).apiVersion, u"2024-06-14"_s);
    }

    void servicesAndStaff()
    {
        auto types = m_client->eventTypes();
        AWAIT_OK(types);
        const QList<EventType> all = *types.result();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).title, u"Math tutoring"_s);
        QCOMPARE(all.at(0).lengthInMinutes, 60);
        QCOMPARE(all.at(0).requiresConfirmation, false);
        QCOMPARE(all.at(1).requiresConfirmation, true);
        QCOMPARE(all.at(1).lengthInMinutes, 30);
        auto one = m_client->eventType(m_type);
        AWAIT_OK(one);
        QCOMPARE(*one.result(), all.at(0));
        auto missing = m_client->eventType(9999);
        AWAIT(missing);
        QCOMPARE(missing.result().error().code, ErrorCode::NotFound);

        // A team of 130 (two take/skip pages of 100).
        const qint64 team = m_cal->addTeam(u"BrightPath"_s, u"brightpath"_s);
        m_cal->addMembership(team, m_host, u"OWNER"_s);
        for (int i = 0; i < 129; ++i) {
            const qint64 u = m_cal->addUser(Sandbox::CalUser {
                0, u"tutor%1"_s.arg(i), u"tutor%1@brightpath.example"_s.arg(i),
                u"Tutor %1"_s.arg(i), u"America/Chicago"_s, u"en"_s, u"Monday"_s, 12 });
            m_cal->addMembership(team, u);
        }
        auto teams = m_client->teams();
        AWAIT_OK(teams);
        const QList<Team> teamList = *teams.result();
        QCOMPARE(teamList.size(), 1);
        QCOMPARE(teamList.first().slug, u"brightpath"_s);
        auto members = m_client->teamMembers(team);
        AWAIT_OK(members);
        const QList<TeamMembership> staff = *members.result();
        QCOMPARE(staff.size(), 130);
        QSet<qint64> ids;
        for (const TeamMembership &m : staff)
            ids.insert(m.userId);
        QCOMPARE(ids.size(), 130);
        QCOMPARE(staff.first().role, u"OWNER"_s);
        QCOMPARE(staff.first().email, u"rachel@brightpath.example"_s);
        QCOMPARE(staff.last().timeZone, u"America/Chicago"_s);
    }

    void createAndRead()
    {
        NewBooking wanted = newBooking(m_start.addDays(2));
        wanted.metadata.insert(u"student"_s, u"Milo"_s);
        auto created = m_client->createBooking(u"outbox-1"_s, wanted);
        AWAIT_OK(created);
        const Booking b = *created.result();
        QCOMPARE(b.status, BookingStatus::Accepted);
        QCOMPARE(b.start, m_start.addDays(2));
        QCOMPARE(b.end, m_start.addDays(2).addSecs(3600)); // from the event type's length
        QCOMPARE(b.eventTypeId, m_type);
        QCOMPARE(b.hosts.first().id, m_host);
        QCOMPARE(b.attendees.first().timeZone, u"America/Los_Angeles"_s);
        QCOMPARE(b.attendees.first().phoneNumber, u"+14155550123"_s);
        QCOMPARE(b.metadata.value(u"student"_s), u"Milo"_s);
        QCOMPARE(b.metadata.value(u"concordKey"_s), u"outbox-1"_s);
        QCOMPARE(m_cal->state().bookingCount(), 1);
        QCOMPARE(m_cal->state().booking(b.uid)->attendees.first().email, u"dana@example.com"_s);
        const auto log = apiLog();
        QCOMPARE(log.last().method, u"POST"_s);
        QCOMPARE(log.last().apiVersion, u"2026-02-25"_s);

        auto read = m_client->booking(b.uid);
        AWAIT_OK(read);
        QCOMPARE(*read.result(), b);
        QCOMPARE(apiLog().last().apiVersion, u"2026-02-25"_s);
        auto none = m_client->booking(u"no-such-uid"_s);
        AWAIT(none);
        QCOMPARE(none.result().error().code, ErrorCode::NotFound);
        QCOMPARE(none.result().error().remoteCode, u"NotFoundException"_s);
        QCOMPARE(none.result().error().httpStatus, 404);
    }

    void refusedArgumentsSendNothing()
    {
        NewBooking noZone = newBooking(m_start.addDays(1));
        noZone.attendee.timeZone.clear();
        auto a = m_client->createBooking(u"k"_s, noZone);
        auto b = m_client->createBooking(QString(), newBooking(m_start.addDays(1)));
        auto c = m_client->booking(QString());
        auto d = m_client->rescheduleBooking(u"x"_s, QDateTime());
        auto e = m_client->markAbsent(u"x"_s, {});
        for (auto *f : { &a, &b, &c, &d, &e }) {
            QVERIFY(f->isFinished());
            QCOMPARE(f->result().error().code, ErrorCode::InvalidArgument);
        }
        QCOMPARE(apiLog().size(), 0);
    }

    void incrementalReadPagesEverything()
    {
        const QDateTime t0 = m_start.addDays(-3);
        QCOMPARE(m_cal->addBookings(250, m_type, m_start.addDays(10), t0.addDays(-30), t0, 1000),
                 250);
        const QDateTime since = t0.addSecs(20); // bookings 20…249
        auto changes = m_client->bookingChangesSince(since);
        AWAIT_OK(changes);
        const BookingChanges c = *changes.result();
        QCOMPARE(c.bookings.size(), 230);
        QCOMPARE(c.pages, 3 + 1); // 100+100+30 by updatedAt, one empty page by createdAt
        QCOMPARE(c.nextSince, t0.addSecs(249));
        // No change missed: exactly the emulator's bookings with updatedAt ≥ since.
        QSet<QString> expected;
        for (const auto &b : m_cal->state().bookings()) {
            if (b.updatedMs >= since.toMSecsSinceEpoch())
                expected.insert(b.uid);
        }
        QSet<QString> got;
        for (const Booking &b : c.bookings)
            got.insert(b.uid);
        QCOMPARE(got, expected);
        for (qsizetype i = 1; i < c.bookings.size(); ++i)
            QVERIFY(c.bookings.at(i - 1).changedAt() <= c.bookings.at(i).changedAt());
        for (const auto &e : apiLog()) {
            const QUrlQuery q(e.query);
            QCOMPARE(q.queryItemValue(u"limit"_s), u"100"_s);
            QCOMPARE(e.apiVersion, u"2026-05-01"_s);
        }
    }

    void changeDuringPagingIsNotMissed()
    {
        const QDateTime t0 = m_start.addDays(-3);
        m_cal->addBookings(150, m_type, m_start.addDays(10), t0.addDays(-30), t0, 1000);
        const QString early = m_cal->state().bookings().first().uid; // on page 1
        bool changed = false;
        connect(m_cal.get(), &Sandbox::CalcomEmulator::requestHandled, this,
                [this, &changed, early](const QString &, const QString &path, int) {
                    if (!changed && path == u"/v2/bookings"_s) {
                        changed = true;
                        // A person cancels a booking the client has already read.
                        QVERIFY(m_cal->clientCancels(early, u"moved away"_s));
                    }
                });
        auto changes = m_client->bookingChangesSince(t0);
        AWAIT_OK(changes);
        QVERIFY(changed);
        QCOMPARE(changes.result()->bookings.size(), 150); // one version per uid
        const auto it =
            std::find_if(changes.result()->bookings.cbegin(), changes.result()->bookings.cend(),
                         [&early](const Booking &b) { return b.uid == early; });
        QVERIFY(it != changes.result()->bookings.cend());
        QCOMPARE(it->status, BookingStatus::Cancelled); // the newer version won
        QCOMPARE(changes.result()->bookings.last().uid, early);
    }

    // The two reads of one poll (by updatedAt, then by createdAt) are not one
    // snapshot. An old booking cancelled between them is in neither; a
    // booking created after that cancellation is in the second. The next
    // poll must start no later than the first read is known complete, or the
    // cancellation is skipped for good (bench_webhookload lost 12 % of its
    // cancellations this way).
    void updateBetweenTheTwoReadsIsReadNextTime()
    {
        const QDateTime t0 = m_start.addDays(-3);
        m_cal->addBookings(150, m_type, m_start.addDays(10), t0.addDays(-30), t0, 1000);
        const QString old = m_cal->state().bookings().first().uid;
        int listed = 0;
        QString created;
        connect(m_cal.get(), &Sandbox::CalcomEmulator::requestHandled, this,
                [this, &listed, &created, old](const QString &, const QString &path, int) {
                    if (path != u"/v2/bookings"_s || ++listed != 2)
                        return;
                    // The updated read's last page (100 + 50) has just been
                    // answered: a person cancels an old booking, then someone books.
                    m_clock->advanceSecs(10);
                    QVERIFY(m_cal->clientCancels(old, u"moved away"_s));
                    m_clock->advanceSecs(10);
                    created = seedBooking(m_start.addDays(2));
                });
        auto first = m_client->bookingChangesSince(t0);
        AWAIT_OK(first);
        QVERIFY(!created.isEmpty());
        const BookingChanges firstRead = *first.result();
        QSet<QString> firstUids;
        for (const Booking &b : firstRead.bookings)
            firstUids.insert(b.uid);
        QVERIFY(firstUids.contains(created)); // the created read saw the new booking
        // Complete up to the updated read's newest change, not past the cancellation.
        QCOMPARE(firstRead.nextSince, t0.addSecs(149));

        auto second = m_client->bookingChangesSince(firstRead.nextSince);
        AWAIT_OK(second);
        const QList<Booking> again = second.result()->bookings;
        const auto it = std::find_if(again.cbegin(), again.cend(), [&old](const Booking &b) { return b.uid == old; });
        QVERIFY2(it != again.cend(), "the cancellation between the two reads was skipped");
        QCOMPARE(it->status, BookingStatus::Cancelled);
    }

    void neverUpdatedBookingsFoundByCreation()
    {
        m_cal->setNullUpdatedAtOnCreate(true);
        const QString uid = seedBooking(m_start.addDays(1));
        QVERIFY(m_cal->booking(uid).value(u"updatedAt"_s).isNull());
        auto changes = m_client->bookingChangesSince(m_start.addSecs(-60));
        AWAIT_OK(changes);
        QCOMPARE(changes.result()->bookings.size(), 1);
        QCOMPARE(changes.result()->bookings.first().uid, uid);
        QVERIFY(!changes.result()->bookings.first().updatedAt.isValid());
        QCOMPARE(changes.result()->nextSince, m_start); // createdAt
    }

    void offsetPaging()
    {
        const QDateTime t0 = m_start.addDays(-3);
        m_cal->addBookings(120, m_type, m_start.addDays(10), t0.addDays(-30), t0, 1000);
        auto s = clientSettings();
        s.paging = BookingPaging::Offset;
        s.pageSize = 50;
        makeClient(s);
        auto changes = m_client->bookingChangesSince(t0);
        AWAIT_OK(changes);
        QCOMPARE(changes.result()->bookings.size(), 120);
        QCOMPARE(changes.result()->pages, 3 + 1);
        QCOMPARE(apiLog().first().apiVersion, u"2024-08-13"_s);
        QCOMPARE(QUrlQuery(apiLog().at(1).query).queryItemValue(u"skip"_s), u"50"_s);
    }

    void rescheduleChainFollowedToOrigin()
    {
        const QString a = seedBooking(m_start.addDays(1));
        auto toB = m_client->rescheduleBooking(a, m_start.addDays(2), u"tutor ill"_s);
        AWAIT_OK(toB);
        const QString b = toB.result()->uid;
        QCOMPARE(toB.result()->rescheduledFromUid, a);
        QCOMPARE(toB.result()->start, m_start.addDays(2));
        auto toC = m_client->rescheduleBooking(b, m_start.addDays(3));
        AWAIT_OK(toC);
        const QString c = toC.result()->uid;
        QVERIFY(a != b && b != c && a != c);

        auto origin = m_client->rescheduleOrigin(c);
        AWAIT_OK(origin);
        QCOMPARE(origin.result()->originUid, a);
        QCOMPARE(origin.result()->chain, (QStringList { a, b, c }));
        // Whole state: A and B cancelled and linked forward, C live.
        QCOMPARE(m_cal->state().bookingCount(), 3);
        QCOMPARE(m_cal->state().booking(a)->status, u"cancelled"_s);
        QCOMPARE(m_cal->state().booking(a)->rescheduledToUid, b);
        QCOMPARE(m_cal->state().booking(a)->reschedulingReason, u"tutor ill"_s);
        QCOMPARE(m_cal->state().booking(b)->status, u"cancelled"_s);
        QCOMPARE(m_cal->state().booking(b)->rescheduledToUid, c);
        QCOMPARE(m_cal->state().booking(c)->status, u"accepted"_s);
        QCOMPARE(m_cal->state().booking(c)->rescheduledFromUid, b);

        // Rescheduling A again is refused by Cal.com, naming B.
        auto stale = m_client->rescheduleBooking(a, m_start.addDays(4));
        AWAIT(stale);
        QCOMPARE(stale.result().error().code, ErrorCode::RemoteValidation);
        QVERIFY(stale.result().error().detail.contains(b));
        QCOMPARE(m_cal->state().bookingCount(), 3);
    }

    void cancelIsIdempotent()
    {
        const QString uid = seedBooking(m_start.addDays(1));
        auto first = m_client->cancelBooking(uid, u"family holiday"_s);
        AWAIT_OK(first);
        QCOMPARE(first.result()->status, BookingStatus::Cancelled);
        QCOMPARE(first.result()->cancellationReason, u"family holiday"_s);
        auto again = m_client->cancelBooking(uid, u"family holiday"_s);
        AWAIT_OK(again); // Cal.com says 400 "already cancelled": the wanted state holds
        QCOMPARE(again.result()->status, BookingStatus::Cancelled);
        QCOMPARE(m_cal->state().booking(uid)->cancellationReason, u"family holiday"_s);
    }

    void recurringOccurrencesParsed()
    {
        // A weekly series booked on Cal.com's page: each occurrence is a
        // booking of its own, read with its recurringBookingUid.
        Sandbox::CalEventType weekly;
        weekly.title = u"Weekly lesson"_s;
        weekly.lengthInMinutes = 60;
        weekly.ownerId = m_host;
        weekly.recurrenceOccurrences = 3;
        const qint64 type = m_cal->addEventType(weekly);
        Sandbox::CalAttendee a;
        a.name = u"Dana Whitfield"_s;
        a.email = u"dana@example.com"_s;
        a.timeZone = u"America/Los_Angeles"_s;
        const auto series = m_cal->clientBooksSeries(type, m_start.addDays(2), 0, a);
        QVERIFY(series);
        QCOMPARE(series->size(), 3);
        const QString seriesUid =
            series->first().toObject().value(u"recurringBookingUid"_s).toString();
        QVERIFY(!seriesUid.isEmpty());

        const QString second = series->at(1).toObject().value(u"uid"_s).toString();
        auto one = m_client->booking(second);
        AWAIT_OK(one);
        QCOMPARE(one.result()->recurringBookingUid, seriesUid);
        QCOMPARE(one.result()->start, m_start.addDays(9));
        QCOMPARE(*one.result(), *Booking::fromJson(m_cal->booking(second)));

        auto changes = m_client->bookingChangesSince(m_start.addSecs(-60));
        AWAIT_OK(changes);
        const QList<Booking> read = changes.result()->bookings;
        QCOMPARE(read.size(), 3);
        for (const Booking &b : read) {
            QCOMPARE(b.recurringBookingUid, seriesUid);
            QCOMPARE(b.eventTypeId, type);
        }
        // The series uid answers an array of 3: not one booking.
        auto whole = m_client->booking(seriesUid);
        AWAIT(whole);
        QCOMPARE(whole.result().error().code, ErrorCode::Unsupported);
        // A single booking has none.
        auto single = m_client->booking(seedBooking(m_start.addDays(1)));
        AWAIT_OK(single);
        QVERIFY(single.result()->recurringBookingUid.isEmpty());
    }

    void confirmationFlow()
    {
        auto pending = m_client->createBooking(
            u"outbox-assess"_s, newBooking(m_start.addDays(1), u"p@example.com"_s, m_confirmType));
        AWAIT_OK(pending);
        QCOMPARE(pending.result()->status, BookingStatus::Pending);
        auto confirmed = m_client->confirmBooking(pending.result()->uid);
        AWAIT_OK(confirmed);
        QCOMPARE(confirmed.result()->status, BookingStatus::Accepted);
        QCOMPARE(apiLog().last().apiVersion, u"2024-08-13"_s);
        auto twice = m_client->confirmBooking(pending.result()->uid);
        AWAIT_OK(twice); // already accepted

        auto other = m_client->createBooking(
            u"outbox-assess-2"_s,
            newBooking(m_start.addDays(2), u"q@example.com"_s, m_confirmType));
        AWAIT_OK(other);
        auto declined = m_client->declineBooking(other.result()->uid, u"no tutor free"_s);
        AWAIT_OK(declined);
        QCOMPARE(declined.result()->status, BookingStatus::Rejected);
        QCOMPARE(m_cal->state().booking(other.result()->uid)->rejectionReason, u"no tutor free"_s);
        // Declining an accepted booking is refused.
        auto wrong = m_client->declineBooking(pending.result()->uid);
        AWAIT(wrong);
        QCOMPARE(wrong.result().error().code, ErrorCode::RemoteValidation);
        QCOMPARE(m_cal->state().booking(pending.result()->uid)->status, u"accepted"_s);
    }

    void noShow()
    {
        const QString uid = seedBooking(m_start.addDays(-1), u"late@example.com"_s);
        auto marked = m_client->markAbsent(uid, { u"late@example.com"_s });
        AWAIT_OK(marked);
        QCOMPARE(marked.result()->attendees.first().absent, true);
        QCOMPARE(marked.result()->absentHost, false);
        auto unknown = m_client->markAbsent(uid, { u"stranger@example.com"_s });
        AWAIT(unknown);
        QCOMPARE(unknown.result().error().code, ErrorCode::RemoteValidation);
    }
};

QTEST_GUILESS_MAIN(TestCalcomClient)
#include "tst_calcomclient.moc"
