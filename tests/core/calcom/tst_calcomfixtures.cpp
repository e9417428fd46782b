// Every Cal.com fixture (../shared/fixtures/calcom) through the connector's
// parsers, with the values asserted field by field.
#include "connectors/calcom/apierror.h"
#include "connectors/calcom/booking.h"
#include "connectors/calcom/bookingpage.h"
#include "connectors/calcom/eventtype.h"
#include "connectors/calcom/profile.h"
#include "connectors/calcom/webhook.h"
#include "domainprinters.h"
#include "testsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Calcom;
using Concord::Test::readFixture;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

QJsonObject fixtureObject(const QString &path)
{
    return QJsonDocument::fromJson(readFixture(u"calcom/"_s + path)).object();
}

Booking parsedBooking(const QJsonObject &o)
{
    auto b = Booking::fromJson(o);
    if (!b)
        qWarning("%s", qPrintable(b.error().toString()));
    return b.value_or(Booking {});
}

WebhookEvent webhook(const QString &name)
{
    auto e = parseWebhookPayload(readFixture(u"calcom/webhooks/"_s + name), u"2021-10-20"_s);
    if (!e)
        qWarning("%s: %s", qPrintable(name), qPrintable(e.error().toString()));
    return e.value_or(WebhookEvent {});
}

// Instants as one spelling ("…Z" and "….000Z" are the same instant).
QJsonObject normalized(QJsonObject o)
{
    for (const QString &key : { u"start"_s, u"end"_s, u"createdAt"_s, u"updatedAt"_s }) {
        if (o.value(key).isString())
            o.insert(key,
                     QDateTime::fromString(o.value(key).toString(), Qt::ISODateWithMs)
                         .toUTC()
                         .toString(Qt::ISODateWithMs));
    }
    return o;
}

// The booking every API example is assembled from (booking_uid_123).
void checkExampleBooking(const Booking &b)
{
    QCOMPARE(b.id, 123);
    QCOMPARE(b.title, u"Consultation"_s);
    QCOMPARE(b.description, u"Learn how to integrate scheduling into marketplace."_s);
    QCOMPARE(b.hosts.size(), 1);
    QCOMPARE(b.hosts.first(),
             (BookingHost { 1, u"Jane Doe"_s, u"jane100@example.com"_s, u"jane100@example.com"_s,
                            u"jane100"_s, u"America/Los_Angeles"_s }));
    QCOMPARE(b.start, utc(2024, 8, 13, 15, 30));
    QCOMPARE(b.start.timeSpec(), Qt::UTC);
    QCOMPARE(b.end, utc(2024, 8, 13, 16, 30));
    QCOMPARE(b.durationMinutes, 60);
    QCOMPARE(b.eventTypeId, 50);
    QCOMPARE(b.eventTypeSlug, u"some-event"_s);
    QCOMPARE(b.location, u"https://example.com/meeting"_s);
    QCOMPARE(b.absentHost, false);
    QCOMPARE(b.createdAt, utc(2024, 8, 13, 15, 30));
    QCOMPARE(b.metadata, (QMap<QString, QString> { { u"key"_s, u"value"_s } }));
    QCOMPARE(b.icsUid, u"ics_uid_123"_s);
    QCOMPARE(b.attendees.size(), 1);
    QCOMPARE(b.attendees.first(),
             (BookingAttendee { u"John Doe"_s, u"john@example.com"_s, u"john@example.com"_s,
                                u"America/New_York"_s, u"en"_s, u"+1234567890"_s, false }));
    QCOMPARE(b.timeZone(), u"America/New_York"_s);
    QCOMPARE(b.guests, (QStringList { u"guest1@example.com"_s, u"guest2@example.com"_s }));
    QCOMPARE(b.bookingFieldsResponses.value(u"customField"_s).toString(), u"customValue"_s);
}

} // namespace

class TestCalcomFixtures : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void getBooking()
    {
        const QJsonObject root = fixtureObject(u"api-v2/get-booking.response.example.json"_s);
        auto data = dataOf(readFixture(u"calcom/api-v2/get-booking.response.example.json"_s));
        QVERIFY_OK(data);
        const Booking b = parsedBooking(data->toObject());
        QCOMPARE(b.uid, u"booking_uid_123"_s);
        QCOMPARE(b.status, BookingStatus::Accepted);
        QCOMPARE(b.statusText, u"accepted"_s);
        checkExampleBooking(b);
        QVERIFY(b.rescheduledFromUid.isEmpty() && b.rescheduledToUid.isEmpty());
        QCOMPARE(b.changedAt(), utc(2024, 8, 13, 15, 30));
        // toJson() gives the API's shape back: same keys, same values.
        QCOMPARE(normalized(b.toJson()), normalized(root.value(u"data"_s).toObject()));
    }

    void bookingList()
    {
        auto page = BookingPage::fromResponse(
            readFixture(u"calcom/api-v2/get-bookings-2026-05-01.response.example.json"_s));
        QVERIFY_OK(page);
        QCOMPARE(page->bookings.size(), 1);
        checkExampleBooking(page->bookings.first());
        QCOMPARE(page->hasMore, true);
        QCOMPARE(page->nextCursor,
                 u"eyJ2IjoxLCJzb3J0VXVpZCI6IjAxOGY0YzJlLTNmMWEtN2FiYy05ZGVmLTAxMjM0NTY3ODlhYiJ9"_s);
        QVERIFY(!page->totalItems);
    }

    void lifecycle()
    {
        const QJsonObject all = fixtureObject(u"api-v2/booking-lifecycle.examples.json"_s);
        const Booking original = parsedBooking(all.value(u"rescheduled_original"_s).toObject());
        QCOMPARE(original.uid, u"previous_uid_123"_s);
        QCOMPARE(original.status, BookingStatus::Cancelled);
        QCOMPARE(original.rescheduledToUid, u"new_uid_456"_s);
        QCOMPARE(original.reschedulingReason, u"User rescheduled the event"_s);
        QCOMPARE(original.rescheduledByEmail, u"rescheduler@example.com"_s);
        QVERIFY(original.wasRescheduled());
        QVERIFY(!original.isRescheduleOf());

        const Booking moved = parsedBooking(all.value(u"rescheduled_new"_s).toObject());
        QCOMPARE(moved.id, 124);
        QCOMPARE(moved.uid, u"new_uid_456"_s);
        QCOMPARE(moved.status, BookingStatus::Accepted);
        QCOMPARE(moved.rescheduledFromUid, u"previous_uid_123"_s);
        QCOMPARE(moved.start, utc(2024, 8, 14, 15, 30));
        QCOMPARE(moved.end, utc(2024, 8, 14, 16, 30));
        QCOMPARE(moved.icsUid, original.icsUid); // the same calendar event, moved
        QVERIFY(moved.isRescheduleOf());

        const Booking cancelled = parsedBooking(all.value(u"cancelled"_s).toObject());
        QCOMPARE(cancelled.uid, u"booking_uid_123"_s);
        QCOMPARE(cancelled.status, BookingStatus::Cancelled);
        QCOMPARE(cancelled.cancellationReason, u"User requested cancellation"_s);
        QCOMPARE(cancelled.cancelledByEmail, u"canceller@example.com"_s);
        QVERIFY(cancelled.rescheduledToUid.isEmpty());
        for (const QString &key :
             { u"rescheduled_original"_s, u"rescheduled_new"_s, u"cancelled"_s })
            QCOMPARE(normalized(parsedBooking(all.value(key).toObject()).toJson()),
                     normalized(all.value(key).toObject()));
    }

    void me()
    {
        auto data = dataOf(readFixture(u"calcom/api-v2/me.response.example.json"_s));
        QVERIFY_OK(data);
        auto me = Profile::fromJson(data->toObject());
        QVERIFY_OK(me);
        QCOMPARE(me->id, 10);
        QCOMPARE(me->username, u"organizer-handle"_s);
        QCOMPARE(me->email, u"organizer@example.com"_s);
        QCOMPARE(me->name, u"Organizer Name"_s);
        QCOMPARE(me->timeFormat, 12);
        QCOMPARE(me->defaultScheduleId, std::optional<qint64>(1));
        QCOMPARE(me->weekStart, u"Monday"_s);
        QCOMPARE(me->timeZone, u"Europe/Berlin"_s);
        QCOMPARE(me->locale, u"en"_s);
        QVERIFY(!me->organizationId);
        QCOMPARE(me->toJson().keys(),
                 fixtureObject(u"api-v2/me.response.example.json"_s)
                     .value(u"data"_s)
                     .toObject()
                     .keys()
                     .filter(QRegularExpression(u"^(?!avatarUrl$|bio$).*"_s)));
    }

    void eventType()
    {
        auto data = dataOf(
            readFixture(u"calcom/api-v2/get-event-type-2024-06-14.response.abridged.json"_s));
        QVERIFY_OK(data);
        auto type = EventType::fromJson(data->toObject());
        QVERIFY_OK(type);
        QCOMPARE(type->id, 1);
        QCOMPARE(type->lengthInMinutes, 60);
        QCOMPARE(type->title, u"Learn the secrets of masterchief!"_s);
        QCOMPARE(type->slug, u"<string>"_s);
        QVERIFY(!type->price);
        QVERIFY(!type->requiresConfirmation);
    }

    void errorEnvelopes_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("status");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("remoteCode");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<qint64>("waitMs");
        QTest::newRow("404") << u"http_exception_404"_s << 404 << ErrorCode::NotFound
                             << u"NotFoundException"_s
                             << u"<exception.message, e.g. a not-found sentence naming the uid>"_s
                             << qint64(0);
        QTest::newRow("zod 400") << u"zod_validation_400"_s << 400 << ErrorCode::RemoteValidation
                                 << u"BAD_REQUEST"_s << u"attendee.timeZone - Required, "_s
                                 << qint64(0);
        QTest::newRow("429") << u"throttled_429"_s << 429 << ErrorCode::Throttled
                             << u"ThrottlerException"_s
                             << u"Too many requests. Please try again later."_s << qint64(60'000);
    }

    void errorEnvelopes()
    {
        QFETCH(QString, key);
        QFETCH(int, status);
        QFETCH(ErrorCode, code);
        QFETCH(QString, remoteCode);
        QFETCH(QString, detail);
        QFETCH(qint64, waitMs);
        const QJsonObject fixture =
            fixtureObject(u"api-v2/error-envelopes.examples.json"_s).value(key).toObject();
        const QJsonObject body =
            fixture.contains(u"body"_s) ? fixture.value(u"body"_s).toObject() : fixture;
        Connectors::HttpHeaders headers;
        const QJsonObject h = fixture.value(u"headers"_s).toObject();
        for (auto it = h.constBegin(); it != h.constEnd(); ++it)
            headers.append(it.key().toLatin1(), it.value().toString().toLatin1());
        const QByteArray raw = QJsonDocument(body).toJson(QJsonDocument::Compact);

        const auto envelope = errorEnvelopeFromJson(raw);
        QVERIFY(envelope);
        QCOMPARE(envelope->code, remoteCode);
        QCOMPARE(envelope->message, detail);
        QCOMPARE(envelope->timestamp, u"2024-08-13T15:30:00.000Z"_s);
        QVERIFY(envelope->path.startsWith(u"/v2/bookings"_s));

        const Error e =
            errorFromResponse(status, raw, headers, utc(2024, 8, 13, 15, 30), u"req-1"_s);
        QCOMPARE(e.code, code);
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.remoteCode, remoteCode);
        QCOMPARE(e.detail, detail);
        QCOMPARE(e.requestId, u"req-1"_s);
        QCOMPARE(e.retryAfterMs, waitMs);
        QCOMPARE(e.retryable, code == ErrorCode::Throttled);
    }

    void requestExamplesAreWhatTheClientWrites()
    {
        // The request fixtures are inputs, not outputs: checked here for the
        // fields the client's bodies use, so a rename upstream shows.
        const QJsonObject create = fixtureObject(u"api-v2/create-booking.request.example.json"_s);
        QCOMPARE(create.value(u"start"_s).toString(), u"2024-08-13T09:00:00Z"_s);
        QCOMPARE(create.value(u"eventTypeId"_s).toInt(), 123);
        QCOMPARE(create.value(u"attendee"_s).toObject().keys(),
                 (QStringList { u"email"_s, u"language"_s, u"name"_s, u"phoneNumber"_s,
                                u"timeZone"_s }));
        const QJsonObject reschedule =
            fixtureObject(u"api-v2/reschedule-booking.request.example.json"_s);
        QCOMPARE(reschedule.keys(),
                 (QStringList { u"rescheduledBy"_s, u"reschedulingReason"_s, u"start"_s }));
        const QJsonObject cancel = fixtureObject(u"api-v2/cancel-booking.request.examples.json"_s);
        QCOMPARE(cancel.value(u"standard"_s).toObject().keys(),
                 QStringList { u"cancellationReason"_s });
        const QJsonObject hook = fixtureObject(u"api-v2/create-webhook.request.example.json"_s);
        QCOMPARE(hook.value(u"version"_s).toString(), u"2021-10-20"_s);
        QVERIFY(hook.value(u"triggers"_s).toArray().contains(u"MEETING_ENDED"_s));
    }

    void bookingCreated()
    {
        const WebhookEvent e = webhook(u"2021-10-20/BOOKING_CREATED.json"_s);
        QCOMPARE(e.trigger, WebhookTrigger::BookingCreated);
        QCOMPARE(e.triggerName, u"BOOKING_CREATED"_s);
        QCOMPARE(e.createdAt, utc(2024, 1, 1, 0, 0));
        QCOMPARE(e.version, u"2021-10-20"_s);
        QCOMPARE(e.uid, u"unique-booking-id"_s);
        QCOMPARE(e.bookingId, 100);
        QCOMPARE(e.eventTypeId, 123);
        QCOMPARE(e.eventTypeSlug, u"standard-event-type"_s);
        QCOMPARE(e.title, u"Strategy Session between Organizer and Guest"_s);
        QCOMPARE(e.start, utc(2024, 1, 1, 10, 0));
        QCOMPARE(e.end, utc(2024, 1, 1, 10, 15));
        QCOMPARE(e.lengthMinutes, 15);
        QCOMPARE(e.status, BookingStatus::Accepted);
        QCOMPARE(e.location, u"integrations:video-provider"_s);
        QCOMPARE(e.organizer.id, 1);
        QCOMPARE(e.organizer.email, u"organizer@example.com"_s);
        QCOMPARE(e.organizer.username, u"organizer-handle"_s);
        QCOMPARE(e.organizer.timeZone, u"UTC"_s);
        QCOMPARE(e.organizer.locale, u"en"_s);
        QCOMPARE(e.organizer.utcOffsetMinutes, std::optional<int>(0));
        QCOMPARE(e.attendees.size(), 2);
        QCOMPARE(e.attendees.at(0).name, u"Guest User"_s);
        QCOMPARE(e.attendees.at(0).email, u"guest@example.com"_s);
        QCOMPARE(e.attendees.at(1).email, u"additional-guest@example.com"_s);
        QVERIFY(e.attendees.at(0).phoneNumber.isEmpty());
        QCOMPARE(e.iCalUid, u"unique-identifier-string@example.com"_s);
        QCOMPARE(e.iCalSequence, std::optional<int>(0));
        QCOMPARE(e.requiresConfirmation, false);
        QVERIFY(!e.price); // price 0: free
        QCOMPARE(e.dedupeKey(), u"BOOKING_CREATED|unique-booking-id|2024-01-01T00:00:00.000Z"_s);
    }

    void bookingCreated20260727()
    {
        const WebhookEvent e = webhook(u"2026-07-27/BOOKING_CREATED.truncated.json"_s);
        QCOMPARE(e.trigger, WebhookTrigger::BookingCreated);
        QCOMPARE(e.uid, u"unique-booking-id"_s);
        QCOMPARE(e.start, utc(2024, 1, 1, 10, 0));
        QCOMPARE(e.organizer.name, u"Organizer Name"_s);
        QCOMPARE(e.attendees.size(), 1);
        QCOMPARE(e.status, BookingStatus::Accepted);
        QCOMPARE(e.iCalSequence, std::optional<int>(0));
    }

    void bookingRequested()
    {
        const WebhookEvent e = webhook(u"2021-10-20/BOOKING_REQUESTED.json"_s);
        QCOMPARE(e.trigger, WebhookTrigger::BookingRequested);
        QCOMPARE(e.status, BookingStatus::Pending);
        QCOMPARE(e.requiresConfirmation, true);
        QCOMPARE(e.uid, u"unique-booking-id"_s);
        QCOMPARE(e.bookingId, 200);
        QCOMPARE(e.start, utc(2024, 1, 1, 13, 0));
        QCOMPARE(e.createdAt, utc(2024, 1, 1, 12, 0));
    }

    void bookingRescheduled()
    {
        const WebhookEvent e = webhook(u"2021-10-20/BOOKING_RESCHEDULED.json"_s);
        QCOMPARE(e.trigger, WebhookTrigger::BookingRescheduled);
        QCOMPARE(e.uid, u"new-booking-unique-id"_s); // the NEW booking
        QCOMPARE(e.bookingId, 201);
        QCOMPARE(e.rescheduledFromUid, u"previous-booking-unique-id"_s);
        QCOMPARE(e.rescheduledFromId, 200);
        QCOMPARE(e.rescheduledFromStart, utc(2024, 1, 5, 14, 30));
        QCOMPARE(e.rescheduledFromEnd, utc(2024, 1, 5, 14, 45));
        QCOMPARE(e.start, utc(2024, 1, 10, 14, 30));
        QCOMPARE(e.end, utc(2024, 1, 10, 14, 45));
        QCOMPARE(e.iCalSequence, std::optional<int>(1));
        QVERIFY(e.iCalUid.isEmpty()); // the published example has none
        QCOMPARE(e.status, BookingStatus::Accepted);
    }

    void bookingCancelled()
    {
        const WebhookEvent e = webhook(u"2021-10-20/BOOKING_CANCELLED.json"_s);
        QCOMPARE(e.trigger, WebhookTrigger::BookingCancelled);
        QCOMPARE(e.status, BookingStatus::Cancelled);
        QCOMPARE(e.uid, u"unique-booking-identifier"_s);
        QCOMPARE(e.bookingId, 200);
        QCOMPARE(e.cancellationReason, u"I am no longer able to attend this session."_s);
        // "+00:00" offsets read like "Z".
        QCOMPARE(e.start, utc(2024, 1, 4, 10, 0));
        QCOMPARE(e.end, utc(2024, 1, 4, 10, 15));
        QCOMPARE(e.iCalSequence, std::optional<int>(2));
        QCOMPARE(e.attendees.size(), 2);
        QVERIFY(e.attendees.at(0).phoneNumber.isEmpty()); // null
        QVERIFY(!e.price); // price null
    }

    void bookingRejected()
    {
        const WebhookEvent e = webhook(u"2021-10-20/BOOKING_REJECTED.json"_s);
        QCOMPARE(e.trigger, WebhookTrigger::BookingRejected);
        QCOMPARE(e.status, BookingStatus::Rejected);
        QCOMPARE(e.rejectionReason, u"The organizer is no longer available at this time."_s);
        QCOMPARE(e.start, utc(2024, 1, 1, 15, 0));
    }

    void bookingPaid()
    {
        const WebhookEvent e = webhook(u"2021-10-20/BOOKING_PAID.json"_s);
        QCOMPARE(e.trigger, WebhookTrigger::BookingPaid);
        QCOMPARE(e.paymentId, std::optional<qint64>(500));
        QVERIFY(e.price);
        QCOMPARE(e.price->minorUnits(), 1000); // $10.00: minor units, never a double
        QCOMPARE(e.price->currency(), u"USD"_s);
        QCOMPARE(e.requiresConfirmation, true);
        QCOMPARE(e.lengthMinutes, 30);
        QCOMPARE(e.organizer.utcOffsetMinutes, std::nullopt);
        QCOMPARE(e.eventTypeSlug, u"Consultation Session"_s);

        const WebhookEvent initiated = webhook(u"2021-10-20/BOOKING_PAYMENT_INITIATED.json"_s);
        QCOMPARE(initiated.trigger, WebhookTrigger::BookingPaymentInitiated);
        QCOMPARE(initiated.price, e.price);
        QCOMPARE(initiated.paymentId, std::optional<qint64>(500));
        QVERIFY(initiated.dedupeKey() != e.dedupeKey());
    }

    void noShowUpdated()
    {
        const WebhookEvent e = webhook(u"2021-10-20/BOOKING_NO_SHOW_UPDATED.json"_s);
        QCOMPARE(e.trigger, WebhookTrigger::BookingNoShowUpdated);
        QCOMPARE(e.uid, u"5vQFqxDFMjdgKGMijqtqRw"_s); // from bookingUid
        QCOMPARE(e.bookingId, 31);
        QCOMPARE(e.message, u"test@example.com marked as no-show"_s);
        QCOMPARE(e.attendees.size(), 1);
        QCOMPARE(e.attendees.first().email, u"test@example.com"_s);
        QCOMPARE(e.attendees.first().noShow, std::optional<bool>(true));
        QCOMPARE(e.createdAt, QDateTime(QDate(2025, 12, 1), QTime(12, 34, 34, 774), Qt::UTC));
    }

    void reassigned()
    {
        const WebhookEvent e = webhook(u"2021-10-20/BOOKING_REASSIGNED.json"_s);
        QCOMPARE(e.trigger, WebhookTrigger::BookingReassigned);
        QCOMPARE(e.addedHostUserIds, QList<qint64> { 2 });
        QCOMPARE(e.removedHostUserIds, QList<qint64> { 1 });
        QCOMPARE(e.organizer.email, u"new-host@example.com"_s);
        QCOMPARE(e.iCalSequence, std::optional<int>(1));
    }

    void meetingEndedIsFlat()
    {
        const WebhookEvent e = webhook(u"2021-10-20/MEETING_ENDED.json"_s);
        QCOMPARE(e.trigger, WebhookTrigger::MeetingEnded);
        QCOMPARE(e.uid, u"unique-booking-identifier"_s);
        QCOMPARE(e.bookingId, 100);
        QCOMPARE(e.eventTypeId, 50);
        QCOMPARE(e.idempotencyKey, u"00000000-0000-0000-0000-000000000000"_s);
        QVERIFY(!e.createdAt.isValid()); // the row's createdAt is the booking's, not the event's
        QCOMPARE(e.updatedAt, utc(2024, 1, 1, 10, 20));
        QCOMPARE(e.occurredAt(), utc(2024, 1, 1, 10, 20));
        QCOMPARE(e.start, utc(2024, 1, 1, 10, 0));
        QCOMPARE(e.end, utc(2024, 1, 1, 10, 15));
        QCOMPARE(e.status, BookingStatus::Accepted);
        QCOMPARE(e.organizer.id, 10); // userId
        QCOMPARE(e.organizer.email, u"organizer@example.com"_s);
        QCOMPARE(e.organizer.username, u"organizer-handle"_s);
        QCOMPARE(e.attendees.size(), 2);
        QCOMPARE(e.attendees.at(0).id, 101);
        QCOMPARE(e.attendees.at(0).locale, u"en"_s);
        QCOMPARE(e.attendees.at(0).noShow, std::optional<bool>(false));
        QCOMPARE(e.iCalUid, u"unique-id@example.com"_s);
        QCOMPARE(e.dedupeKey(), u"MEETING_ENDED|00000000-0000-0000-0000-000000000000"_s);
    }

    void meetingStartedIsFlat()
    {
        const WebhookEvent e = webhook(u"2021-10-20/MEETING_STARTED.json"_s);
        QCOMPARE(e.trigger, WebhookTrigger::MeetingStarted);
        QCOMPARE(e.uid, u"unique-booking-identifier"_s);
        QCOMPARE(e.updatedAt, utc(2024, 1, 1, 9, 45));
        // Same booking row and idempotencyKey as MEETING_ENDED, other trigger: distinct keys.
        QVERIFY(e.dedupeKey() != webhook(u"2021-10-20/MEETING_ENDED.json"_s).dedupeKey());
    }

    void everyWebhookFixtureParses()
    {
        int files = 0;
        for (const QString &dir : { u"2021-10-20"_s, u"2026-07-27"_s }) {
            const QDir d(Concord::Test::fixturePath(u"calcom/webhooks/"_s + dir));
            for (const QString &name : d.entryList({ u"*.json"_s }, QDir::Files)) {
                const WebhookEvent e = webhook(dir + u'/' + name);
                QVERIFY2(e.trigger != WebhookTrigger::Other, qPrintable(name));
                QVERIFY2(!e.uid.isEmpty(), qPrintable(name));
                QVERIFY2(name.startsWith(e.triggerName), qPrintable(name));
                ++files;
            }
        }
        QCOMPARE(files, 12);
    }
};

QTEST_GUILESS_MAIN(TestCalcomFixtures)
#include "tst_calcomfixtures.moc"
