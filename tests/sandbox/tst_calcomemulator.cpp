// The Cal.com emulator over raw HTTP: its answers, headers and webhooks
// compared with the real payloads in ../shared/fixtures/calcom, and its
// rules (auth, api versions, throttle, paging, reschedule, confirmation).
#include "caltesthelpers.h"

#include "../connectors/support/localhttpserver.h"

#include "calcom/calcomemulator.h"
#include "calcom/calpayloads.h"
#include "common/clock.h"
#include "connectors/calcom/webhook.h"
#include "domainprinters.h"
#include "testsupport.h"

#include <QSet>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Sandbox;
using Concord::Test::CalRawClient;
using Concord::Test::CalResponse;
using Concord::Test::missingKeys;
using Concord::Test::shapeDifference;

namespace {

const QString kKey = u"cal_test_3f1b2c"_s;
const QString kSecret = u"whsec_emulator"_s;

QJsonObject fixture(const QString &path)
{
    return QJsonDocument::fromJson(Concord::Test::readFixture(u"calcom/"_s + path)).object();
}

CalAttendee attendee(const QString &name, const QString &email)
{
    CalAttendee a;
    a.name = name;
    a.email = email;
    return a;
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

class TestCalcomEmulator : public QObject {
    Q_OBJECT

private:
    const QDateTime m_now = QDateTime(QDate(2026, 3, 10), QTime(17, 0), Qt::UTC);
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<CalcomEmulator> m_cal;
    std::unique_ptr<CalRawClient> m_http;
    std::unique_ptr<Concord::Test::LocalHttpServer> m_receiver;
    qint64 m_host = 0;
    qint64 m_type = 0;
    qint64 m_confirmType = 0;

    QString book(const QDateTime &start, const QString &email = u"john@example.com"_s,
                 qint64 type = 0)
    {
        const CalResponse r = m_http->post(
            u"/v2/bookings"_s,
            QJsonObject { { u"start"_s, iso(start) },
                          { u"eventTypeId"_s, type ? type : m_type },
                          { u"attendee"_s,
                            QJsonObject { { u"name"_s, u"John Doe"_s },
                                          { u"email"_s, email },
                                          { u"timeZone"_s, u"America/New_York"_s },
                                          { u"phoneNumber"_s, u"+12125550100"_s } } } },
            "2026-02-25");
        if (r.status != 201)
            qWarning("booking failed: %d %s", r.status, r.body.constData());
        return r.data().toObject().value(u"uid"_s).toString();
    }

    // A recurring event type: `occurrences` weekly, 60 min, the host's.
    qint64 addWeeklyType(int occurrences)
    {
        CalEventType type;
        type.title = u"Weekly lesson"_s;
        type.slug = u"weekly-lesson"_s;
        type.lengthInMinutes = 60;
        type.ownerId = m_host;
        type.recurrenceOccurrences = occurrences;
        return m_cal->addEventType(type);
    }

    // POST /v2/bookings with the documented request (fixture
    // create-booking.request.example.json): start and event type ours, no
    // lengthInMinutes (our types have one length); `recurrenceCount` > 0 adds it.
    CalResponse bookSeries(qint64 type, const QDateTime &start, int recurrenceCount = 0)
    {
        QJsonObject body = fixture(u"api-v2/create-booking.request.example.json"_s);
        body.remove(u"lengthInMinutes"_s);
        body.insert(u"start"_s, iso(start));
        body.insert(u"eventTypeId"_s, type);
        if (recurrenceCount > 0)
            body.insert(u"recurrenceCount"_s, recurrenceCount);
        return m_http->post(u"/v2/bookings"_s, body, "2026-02-25");
    }

    // The emulator's whole booking table, in creation order, one line per
    // booking: "uid start status recurringBookingUid".
    QStringList table() const
    {
        QStringList out;
        for (const CalBooking &b : m_cal->state().bookings())
            out.append(row(b.uid, QDateTime::fromMSecsSinceEpoch(b.startMs, Qt::UTC), b.status,
                           b.recurringBookingUid));
        return out;
    }
    static QString row(const QString &uid, const QDateTime &start, const QString &status,
                       const QString &series)
    {
        return u"%1 %2 %3 %4"_s.arg(uid, iso(start), status, series);
    }
    // The same line for a booking as the API shows it.
    static QString row(const QJsonObject &b)
    {
        return row(b.value(u"uid"_s).toString(),
                   QDateTime::fromString(b.value(u"start"_s).toString(), Qt::ISODateWithMs),
                   b.value(u"status"_s).toString(), b.value(u"recurringBookingUid"_s).toString());
    }
    static QStringList rows(const QJsonArray &bookings)
    {
        QStringList out;
        for (const QJsonValue &b : bookings)
            out.append(row(b.toObject()));
        return out;
    }
    static QStringList uidsOf(const QJsonArray &bookings)
    {
        QStringList out;
        for (const QJsonValue &b : bookings)
            out.append(b.toObject().value(u"uid"_s).toString());
        return out;
    }
    // uids of GET /v2/bookings?<query> (2026-05-01), in the answer's order.
    QStringList listed(const QString &query)
    {
        const CalResponse r = m_http->get(u"/v2/bookings?"_s + query, "2026-05-01");
        if (r.status != 200)
            qWarning("list failed: %d %s", r.status, r.body.constData());
        return uidsOf(r.data().toArray());
    }

    // Webhook bodies received so far for a trigger.
    QList<QJsonObject> received(const QString &trigger) const
    {
        QList<QJsonObject> out;
        for (const auto &r : m_receiver->requests) {
            const QJsonObject o = QJsonDocument::fromJson(r.body).object();
            if (o.value(u"triggerEvent"_s).toString() == trigger)
                out.append(o);
        }
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<ManualClock>(m_now);
        m_cal = std::make_unique<CalcomEmulator>();
        m_cal->setClock(m_clock.get());
        QVERIFY(m_cal->listen());
        m_host = m_cal->addUser(CalUser { 0, u"jane100"_s, u"jane100@example.com"_s, u"Jane Doe"_s,
                                          u"America/Los_Angeles"_s, u"en"_s, u"Monday"_s, 12 });
        m_cal->addApiKey(kKey, m_host);
        CalEventType type;
        type.title = u"Consultation"_s;
        type.slug = u"some-event"_s;
        type.lengthInMinutes = 60;
        type.ownerId = m_host;
        m_type = m_cal->addEventType(type);
        type.title = u"Assessment"_s;
        type.slug = u"assessment"_s;
        type.requiresConfirmation = true;
        m_confirmType = m_cal->addEventType(type);
        m_http = std::make_unique<CalRawClient>(m_cal->baseUrl(), kKey);
        m_receiver = std::make_unique<Concord::Test::LocalHttpServer>();
        m_receiver->setHandler([](const Concord::Test::RecordedRequest &) {
            return Concord::Test::CannedReply::json("{}");
        });
        QVERIFY(m_receiver->listen());
    }

    void cleanup()
    {
        m_http.reset();
        m_cal.reset();
        m_receiver.reset();
    }

    void bookingShapesMatchFixtures()
    {
        const QString uid = book(m_now.addDays(2));
        QVERIFY(!uid.isEmpty());
        const QJsonObject example = fixture(u"api-v2/get-booking.response.example.json"_s);
        const CalResponse one = m_http->get(u"/v2/bookings/"_s + uid, "2026-02-25");
        QCOMPARE(one.status, 200);
        QCOMPARE(shapeDifference(one.json(), example), QString());
        const QJsonObject booking = one.data().toObject();
        QCOMPARE(shapeDifference(booking, example.value(u"data"_s).toObject()), QString());
        const QJsonObject exampleData = example.value(u"data"_s).toObject();
        QCOMPARE(shapeDifference(booking.value(u"hosts"_s).toArray().first().toObject(),
                                 exampleData.value(u"hosts"_s).toArray().first().toObject()),
                 QString());
        QCOMPARE(shapeDifference(booking.value(u"attendees"_s).toArray().first().toObject(),
                                 exampleData.value(u"attendees"_s).toArray().first().toObject()),
                 QString());
        QCOMPARE(shapeDifference(booking.value(u"eventType"_s).toObject(),
                                 exampleData.value(u"eventType"_s).toObject()),
                 QString());
        // Values: UTC start, end from the event type's length, the host's zone.
        QCOMPARE(booking.value(u"start"_s).toString(), u"2026-03-12T17:00:00.000Z"_s);
        QCOMPARE(booking.value(u"end"_s).toString(), u"2026-03-12T18:00:00.000Z"_s);
        QCOMPARE(booking.value(u"duration"_s).toInt(), 60);
        QCOMPARE(booking.value(u"status"_s).toString(), u"accepted"_s);
        QCOMPARE(
            booking.value(u"hosts"_s).toArray().first().toObject().value(u"timeZone"_s).toString(),
            u"America/Los_Angeles"_s);
        QCOMPARE(booking.value(u"attendees"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"phoneNumber"_s)
                     .toString(),
                 u"+12125550100"_s);
        QCOMPARE(booking.value(u"createdAt"_s).toString(), u"2026-03-10T17:00:00.000Z"_s);

        const QJsonObject listExample =
            fixture(u"api-v2/get-bookings-2026-05-01.response.example.json"_s);
        const CalResponse list = m_http->get(u"/v2/bookings?limit=1"_s, "2026-05-01");
        QCOMPARE(list.status, 200);
        QCOMPARE(shapeDifference(list.json(), listExample), QString());
        QCOMPARE(shapeDifference(list.json().value(u"pagination"_s).toObject(),
                                 listExample.value(u"pagination"_s).toObject()),
                 QString());
        QCOMPARE(shapeDifference(list.data().toArray().first().toObject(),
                                 listExample.value(u"data"_s).toArray().first().toObject()),
                 QString());
    }

    void lifecycleShapesMatchFixtures()
    {
        const QJsonObject examples = fixture(u"api-v2/booking-lifecycle.examples.json"_s);
        const QString a = book(m_now.addDays(2));
        const CalResponse moved =
            m_http->post(u"/v2/bookings/%1/reschedule"_s.arg(a),
                         QJsonObject { { u"start"_s, iso(m_now.addDays(3)) },
                                       { u"reschedulingReason"_s, u"User rescheduled the event"_s },
                                       { u"rescheduledBy"_s, u"rescheduler@example.com"_s } },
                         "2026-02-25");
        QCOMPARE(moved.status, 201);
        const QJsonObject fresh = moved.data().toObject();
        QCOMPARE(shapeDifference(fresh, examples.value(u"rescheduled_new"_s).toObject()),
                 QString());
        const QJsonObject old = m_http->get(u"/v2/bookings/"_s + a, "2026-02-25").data().toObject();
        QCOMPARE(shapeDifference(old, examples.value(u"rescheduled_original"_s).toObject()),
                 QString());
        QCOMPARE(old.value(u"status"_s).toString(), u"cancelled"_s);
        QCOMPARE(old.value(u"rescheduledToUid"_s).toString(), fresh.value(u"uid"_s).toString());
        QCOMPARE(fresh.value(u"rescheduledFromUid"_s).toString(), a);
        QCOMPARE(fresh.value(u"icsUid"_s), old.value(u"icsUid"_s));
        QCOMPARE(fresh.value(u"start"_s).toString(), u"2026-03-13T17:00:00.000Z"_s);

        const QString c = book(m_now.addDays(5));
        const CalResponse cancelled = m_http->post(
            u"/v2/bookings/%1/cancel"_s.arg(c),
            QJsonObject { { u"cancellationReason"_s, u"User requested cancellation"_s } },
            "2026-02-25");
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(
            shapeDifference(cancelled.data().toObject(), examples.value(u"cancelled"_s).toObject()),
            QString());
        QCOMPARE(cancelled.data().toObject().value(u"cancelledByEmail"_s).toString(),
                 u"jane100@example.com"_s);
    }

    void meAndEventTypes()
    {
        const CalResponse me = m_http->get(u"/v2/me"_s);
        QCOMPARE(me.status, 200);
        QCOMPARE(shapeDifference(
                     me.data().toObject(),
                     fixture(u"api-v2/me.response.example.json"_s).value(u"data"_s).toObject()),
                 QString());
        QCOMPARE(me.data().toObject().value(u"id"_s).toInteger(), m_host);
        const CalResponse types = m_http->get(u"/v2/event-types"_s, "2024-06-14");
        QCOMPARE(types.status, 200);
        QCOMPARE(types.data().toArray().size(), 2);
        const QJsonObject abridged =
            fixture(u"api-v2/get-event-type-2024-06-14.response.abridged.json"_s);
        QCOMPARE(missingKeys(types.data().toArray().first().toObject(),
                             abridged.value(u"data"_s).toObject()),
                 QString());
        const CalResponse one =
            m_http->get(u"/v2/event-types/%1"_s.arg(m_confirmType), "2024-06-14");
        QCOMPARE(one.data().toObject().value(u"lengthInMinutes"_s).toInt(), 60);
        QVERIFY(one.data().toObject().value(u"confirmationPolicy"_s).isObject());
    }

    void errorEnvelopesMatchFixtures()
    {
        const QJsonObject examples = fixture(u"api-v2/error-envelopes.examples.json"_s);
        const CalResponse missing = m_http->get(u"/v2/bookings/does-not-exist"_s, "2026-02-25");
        QCOMPARE(missing.status, 404);
        QCOMPARE(
            shapeDifference(missing.json(), examples.value(u"http_exception_404"_s).toObject()),
            QString());
        QCOMPARE(missing.json().value(u"error"_s).toObject().value(u"code"_s).toString(),
                 u"NotFoundException"_s);
        QCOMPARE(missing.json().value(u"path"_s).toString(), u"/v2/bookings/does-not-exist"_s);

        const CalResponse invalid = m_http->post(
            u"/v2/bookings"_s,
            QJsonObject { { u"start"_s, iso(m_now.addDays(1)) },
                          { u"eventTypeId"_s, m_type },
                          { u"attendee"_s, QJsonObject { { u"name"_s, u"No Zone"_s } } } },
            "2026-02-25");
        QCOMPARE(invalid.status, 400);
        QCOMPARE(
            shapeDifference(invalid.json(), examples.value(u"zod_validation_400"_s).toObject()),
            QString());
        QCOMPARE(invalid.json().value(u"error"_s).toObject(),
                 examples.value(u"zod_validation_400"_s).toObject().value(u"error"_s).toObject());

        m_cal->setThrottleLimits({ 2, 60'000, 60'000 });
        (void)m_http->get(u"/v2/me"_s);
        const CalResponse second = m_http->get(u"/v2/me"_s);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.header("X-RateLimit-Remaining-Default"), QByteArray("0"));
        const CalResponse throttled = m_http->get(u"/v2/me"_s);
        QCOMPARE(throttled.status, 429);
        const QJsonObject example429 = examples.value(u"throttled_429"_s).toObject();
        QCOMPARE(shapeDifference(throttled.json(), example429.value(u"body"_s).toObject()),
                 QString());
        QCOMPARE(throttled.json().value(u"error"_s).toObject(),
                 example429.value(u"body"_s).toObject().value(u"error"_s).toObject());
        for (const QString &name : example429.value(u"headers"_s).toObject().keys())
            QVERIFY2(!throttled.header(name.toLatin1()).isEmpty(), qPrintable(name));
        QCOMPARE(throttled.header("X-RateLimit-Reset-Default"), QByteArray("60")); // the 60 s block
        // Blocked: even after the window would have allowed more, until the block ends.
        QCOMPARE(m_http->get(u"/v2/me"_s).status, 429);
    }

    void throttleWindowIsTimeScaled()
    {
        m_cal->setTimeScale(60); // a minute in one real second
        m_cal->setThrottleLimits({ 3, 60'000, 60'000 });
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_http->get(u"/v2/me"_s).status, 200);
        QCOMPARE(m_http->get(u"/v2/me"_s).status, 429);
        // After the 60 s block (1 s real) requests are admitted again.
        QTRY_COMPARE_WITH_TIMEOUT(m_http->get(u"/v2/me"_s).status, 200, 3000);
        // Keys are counted apart: another key has its own budget.
        const qint64 other =
            m_cal->addUser(CalUser { 0, u"other"_s, u"other@example.com"_s, u"Other"_s, u"UTC"_s,
                                     u"en"_s, u"Monday"_s, 12 });
        m_cal->addApiKey(u"cal_other"_s, other);
        CalRawClient second(m_cal->baseUrl(), u"cal_other"_s);
        QCOMPARE(second.get(u"/v2/me"_s).status, 200);
    }

    void authentication()
    {
        CalRawClient anonymous(m_cal->baseUrl(), QString());
        const CalResponse none = anonymous.get(u"/v2/me"_s);
        QCOMPARE(none.status, 401);
        QCOMPARE(none.json().value(u"error"_s).toObject().value(u"code"_s).toString(),
                 u"UnauthorizedException"_s);
        CalRawClient wrong(m_cal->baseUrl(), u"cal_live_wrong"_s);
        QCOMPARE(wrong.get(u"/v2/bookings"_s, "2026-05-01").status, 401);
        QCOMPARE(m_http->get(u"/v2/me"_s).status, 200);
        // Another user's booking is not visible.
        const QString uid = book(m_now.addDays(1));
        const qint64 other =
            m_cal->addUser(CalUser { 0, u"other"_s, u"other@example.com"_s, u"Other"_s, u"UTC"_s,
                                     u"en"_s, u"Monday"_s, 12 });
        m_cal->addApiKey(u"cal_other"_s, other);
        CalRawClient stranger(m_cal->baseUrl(), u"cal_other"_s);
        QCOMPARE(stranger.get(u"/v2/bookings/"_s + uid, "2026-02-25").status, 403);
        QCOMPARE(stranger.get(u"/v2/bookings"_s, "2026-05-01").data().toArray().size(), 0);
    }

    void apiVersionFallback()
    {
        (void)book(m_now.addDays(1));
        // No header: an older endpoint version answers, in its own shape.
        const CalResponse legacy = m_http->get(u"/v2/bookings"_s);
        QCOMPARE(legacy.status, 200);
        QVERIFY(legacy.data().isObject());
        QCOMPARE(legacy.data()
                     .toObject()
                     .value(u"bookings"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"status"_s)
                     .toString(),
                 u"ACCEPTED"_s);
        const CalResponse createLegacy = m_http->post(
            u"/v2/bookings"_s,
            QJsonObject { { u"start"_s, iso(m_now.addDays(4)) },
                          { u"eventTypeId"_s, m_type },
                          { u"attendee"_s,
                            QJsonObject { { u"name"_s, u"A"_s }, { u"timeZone"_s, u"UTC"_s } } } },
            {});
        QCOMPARE(createLegacy.status, 400);
        m_cal->setRejectUnknownApiVersion(true);
        QCOMPARE(m_http->get(u"/v2/bookings"_s).status, 400);
        QCOMPARE(m_http->get(u"/v2/bookings"_s, "2026-05-01").status, 200);
        // The log keeps what each request sent.
        const auto log = m_cal->requestLog();
        QCOMPARE(log.last().apiVersion, u"2026-05-01"_s);
        QVERIFY(log.at(log.size() - 2).apiVersion.isEmpty());
    }

    void cursorAndOffsetPaging()
    {
        const QDateTime t0 = m_now.addDays(-5);
        QCOMPARE(m_cal->addBookings(250, m_type, m_now.addDays(30), t0, t0, 1000), 250);
        QSet<QString> seen;
        QString cursor;
        int pages = 0;
        QDateTime lastUpdated;
        for (;;) {
            QString path = u"/v2/bookings?limit=100&sortUpdatedAt=asc&afterUpdatedAt=%1"_s.arg(
                iso(t0.addSecs(50)));
            if (!cursor.isEmpty())
                path += u"&cursor="_s + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
            const CalResponse page = m_http->get(path, "2026-05-01");
            QCOMPARE(page.status, 200);
            ++pages;
            for (const QJsonValue &b : page.data().toArray()) {
                const QDateTime updated = QDateTime::fromString(
                    b.toObject().value(u"updatedAt"_s).toString(), Qt::ISODateWithMs);
                QVERIFY(!lastUpdated.isValid() || updated >= lastUpdated); // ascending
                lastUpdated = updated;
                QVERIFY(!seen.contains(b.toObject().value(u"uid"_s).toString()));
                seen.insert(b.toObject().value(u"uid"_s).toString());
            }
            const QJsonObject pagination = page.json().value(u"pagination"_s).toObject();
            if (!pagination.value(u"hasMore"_s).toBool()) {
                QVERIFY(pagination.value(u"nextCursor"_s).isNull());
                break;
            }
            cursor = pagination.value(u"nextCursor"_s).toString();
        }
        QCOMPARE(seen.size(), 200); // updatedAt ≥ t0+50 s: bookings 50…249 (inclusive bound)
        QCOMPARE(pages, 2);

        QCOMPARE(m_http->get(u"/v2/bookings?limit=101"_s, "2026-05-01").status, 400);
        QCOMPARE(m_http->get(u"/v2/bookings?limit=0"_s, "2026-05-01").status, 400);
        QCOMPARE(m_http->get(u"/v2/bookings?cursor=notacursor"_s, "2026-05-01").status, 400);
        QCOMPARE(m_http->get(u"/v2/bookings?sortUpdatedAt=sideways"_s, "2026-05-01").status, 400);
        QCOMPARE(m_http->get(u"/v2/bookings?afterUpdatedAt=yesterday"_s, "2026-05-01").status, 400);

        const CalResponse offset = m_http->get(u"/v2/bookings?take=100&skip=200"_s, "2024-08-13");
        QCOMPARE(offset.status, 200);
        QCOMPARE(offset.data().toArray().size(), 50);
        const QJsonObject p = offset.json().value(u"pagination"_s).toObject();
        QCOMPARE(p.value(u"totalItems"_s).toInt(), 250);
        QCOMPARE(p.value(u"hasNextPage"_s).toBool(), false);
        QCOMPARE(p.value(u"currentPage"_s).toInt(), 3);
    }

    void filters()
    {
        const QString a = book(m_now.addDays(1), u"ann@example.com"_s);
        const QString b = book(m_now.addDays(2), u"bob@example.com"_s);
        (void)m_http->post(u"/v2/bookings/%1/cancel"_s.arg(b), {}, "2026-02-25");
        const auto uids = [this](const QString &query) {
            QStringList out;
            for (const QJsonValue &v :
                 m_http->get(u"/v2/bookings?"_s + query, "2026-05-01").data().toArray())
                out.append(v.toObject().value(u"uid"_s).toString());
            return out;
        };
        QCOMPARE(uids(u"attendeeEmail=ANN@example.com"_s), QStringList { a });
        QCOMPARE(uids(u"status=cancelled"_s), QStringList { b });
        QCOMPARE(uids(u"status=upcoming"_s), QStringList { a });
        QCOMPARE(uids(u"sortStart=desc"_s), (QStringList { b, a }));
        QCOMPARE(uids(u"eventTypeIds=%1"_s.arg(m_confirmType)), QStringList());
        QCOMPARE(uids(u"afterStart=%1"_s.arg(iso(m_now.addDays(2)))), QStringList { b });
    }

    void rescheduleRules()
    {
        const QString a = book(m_now.addDays(2));
        const CalResponse toB =
            m_http->post(u"/v2/bookings/%1/reschedule"_s.arg(a),
                         QJsonObject { { u"start"_s, iso(m_now.addDays(3)) } }, "2026-02-25");
        QCOMPARE(toB.status, 201);
        const QString b = toB.data().toObject().value(u"uid"_s).toString();
        QVERIFY(b != a);
        const CalResponse again =
            m_http->post(u"/v2/bookings/%1/reschedule"_s.arg(a),
                         QJsonObject { { u"start"_s, iso(m_now.addDays(4)) } }, "2026-02-25");
        QCOMPARE(again.status, 400);
        QVERIFY(again.json()
                    .value(u"error"_s)
                    .toObject()
                    .value(u"message"_s)
                    .toString()
                    .contains(b)); // names the new uid
        const QString c = book(m_now.addDays(6));
        (void)m_http->post(u"/v2/bookings/%1/cancel"_s.arg(c), {}, "2026-02-25");
        QCOMPARE(m_http
                     ->post(u"/v2/bookings/%1/reschedule"_s.arg(c),
                            QJsonObject { { u"start"_s, iso(m_now.addDays(7)) } }, "2026-02-25")
                     .status,
                 400);
        QCOMPARE(m_http->post(u"/v2/bookings/%1/cancel"_s.arg(c), {}, "2026-02-25").status, 400);
        // Whole state: A cancelled → B, B accepted from A, C cancelled.
        QCOMPARE(m_cal->state().bookingCount(), 3);
        QCOMPARE(m_cal->state().booking(a)->status, u"cancelled"_s);
        QCOMPARE(m_cal->state().booking(a)->rescheduledToUid, b);
        QCOMPARE(m_cal->state().booking(b)->status, u"accepted"_s);
        QCOMPARE(m_cal->state().booking(b)->rescheduledFromUid, a);
        QCOMPARE(m_cal->state().booking(c)->status, u"cancelled"_s);
    }

    void slotConflict()
    {
        (void)book(m_now.addDays(2));
        const CalResponse clash =
            m_http->post(u"/v2/bookings"_s,
                         QJsonObject { { u"start"_s, iso(m_now.addDays(2).addSecs(1800)) },
                                       { u"eventTypeId"_s, m_type },
                                       { u"attendee"_s,
                                         QJsonObject { { u"name"_s, u"Late"_s },
                                                       { u"timeZone"_s, u"UTC"_s } } } },
                         "2026-02-25");
        QCOMPARE(clash.status, 409);
        QCOMPARE(clash.json().value(u"error"_s).toObject().value(u"code"_s).toString(),
                 u"ConflictException"_s);
    }

    void confirmationFlow()
    {
        const QString p = book(m_now.addDays(2), u"p@example.com"_s, m_confirmType);
        QCOMPARE(m_cal->state().booking(p)->status, u"pending"_s);
        QCOMPARE(m_http->post(u"/v2/bookings/%1/confirm"_s.arg(p), {}, "2024-08-13")
                     .data()
                     .toObject()
                     .value(u"status"_s)
                     .toString(),
                 u"accepted"_s);
        QCOMPARE(m_http->post(u"/v2/bookings/%1/confirm"_s.arg(p), {}, "2024-08-13").status, 400);
        const QString d = book(m_now.addDays(3), u"d@example.com"_s, m_confirmType);
        const CalResponse declined =
            m_http->post(u"/v2/bookings/%1/decline"_s.arg(d),
                         QJsonObject { { u"reason"_s, u"fully booked"_s } }, "2024-08-13");
        QCOMPARE(declined.data().toObject().value(u"status"_s).toString(), u"rejected"_s);
        QCOMPARE(m_cal->state().booking(d)->rejectionReason, u"fully booked"_s);
    }

    void webhookShapesMatchFixtures()
    {
        QUrl url = m_receiver->url();
        url.setPath(u"/hooks/calcom"_s);
        m_cal->addWebhook(url, kSecret,
                          { u"BOOKING_CREATED"_s, u"BOOKING_REQUESTED"_s, u"BOOKING_RESCHEDULED"_s,
                            u"BOOKING_CANCELLED"_s, u"BOOKING_REJECTED"_s, u"BOOKING_PAID"_s,
                            u"BOOKING_NO_SHOW_UPDATED"_s, u"MEETING_ENDED"_s });
        CalAttendee guest { u"Guest User"_s, u"guest@example.com"_s, u"Europe/Paris"_s,
                            u"en"_s,         u"+33612345678"_s,      false };
        const auto created = m_cal->clientBooks(m_type, m_now.addDays(2), guest);
        QVERIFY(created);
        const QString uid = created->value(u"uid"_s).toString();
        QVERIFY(m_cal->clientReschedules(uid, m_now.addDays(3)));
        const QString moved = m_cal->state().booking(uid)->rescheduledToUid;
        QVERIFY(m_cal->meetingEnds(moved));
        QVERIFY(m_cal->markNoShow(moved, u"guest@example.com"_s));
        QVERIFY(m_cal->bookingPaid(moved));
        QVERIFY(m_cal->clientCancels(moved, u"I am no longer able to attend this session."_s));
        const auto requested = m_cal->clientBooks(m_confirmType, m_now.addDays(5), guest);
        QVERIFY(requested);
        QVERIFY(m_cal->hostDeclines(requested->value(u"uid"_s).toString(), u"busy"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->requests.size(), 8, 5000);

        const QStringList triggers { u"BOOKING_CREATED"_s,         u"BOOKING_REQUESTED"_s,
                                     u"BOOKING_RESCHEDULED"_s,     u"BOOKING_CANCELLED"_s,
                                     u"BOOKING_REJECTED"_s,        u"BOOKING_PAID"_s,
                                     u"BOOKING_NO_SHOW_UPDATED"_s, u"MEETING_ENDED"_s };
        for (const QString &trigger : triggers) {
            const QList<QJsonObject> bodies = received(trigger);
            QVERIFY2(bodies.size() == 1, qPrintable(trigger));
            const QJsonObject real = fixture(u"webhooks/2021-10-20/%1.json"_s.arg(trigger));
            QCOMPARE(shapeDifference(bodies.first(), real), QString());
            if (trigger == u"MEETING_ENDED"_s) {
                QCOMPARE(
                    missingKeys(bodies.first().value(u"attendees"_s).toArray().first().toObject(),
                                real.value(u"attendees"_s).toArray().first().toObject()),
                    QString());
                continue;
            }
            const QJsonObject payload = bodies.first().value(u"payload"_s).toObject();
            const QJsonObject realPayload = real.value(u"payload"_s).toObject();
            QVERIFY2(shapeDifference(payload, realPayload).isEmpty(),
                     qPrintable(trigger + u": "_s + shapeDifference(payload, realPayload)));
            if (realPayload.contains(u"organizer"_s))
                QCOMPARE(missingKeys(payload.value(u"organizer"_s).toObject(),
                                     realPayload.value(u"organizer"_s).toObject())
                             .remove(u"timeFormat"_s),
                         QString());
            QCOMPARE(missingKeys(payload.value(u"attendees"_s).toArray().first().toObject(),
                                 realPayload.value(u"attendees"_s).toArray().first().toObject()),
                     QString());
        }
        // Headers and signatures as Cal.com sends them; each body parses.
        for (const auto &request : m_receiver->requests) {
            QCOMPARE(request.path, u"/hooks/calcom"_s);
            QCOMPARE(request.header("x-cal-webhook-version"), QByteArray("2021-10-20"));
            QVERIFY(request.header("Content-Type").startsWith("application/json"));
            QVERIFY_OK(Calcom::verifyWebhookSignature(
                request.body, request.header("X-Cal-Signature-256"), kSecret));
            QVERIFY_OK(Calcom::parseWebhookPayload(request.body));
        }
        // Values that matter: the reschedule names the old booking; offsets for the booking's date.
        const QJsonObject rescheduled =
            received(u"BOOKING_RESCHEDULED"_s).first().value(u"payload"_s).toObject();
        QCOMPARE(rescheduled.value(u"uid"_s).toString(), moved);
        QCOMPARE(rescheduled.value(u"rescheduleUid"_s).toString(), uid);
        QCOMPARE(rescheduled.value(u"status"_s).toString(), u"ACCEPTED"_s);
        const QJsonObject attendee = rescheduled.value(u"attendees"_s).toArray().first().toObject();
        QCOMPARE(attendee.value(u"utcOffset"_s).toInt(), 60); // Paris in March (CET), not CEST
        QCOMPARE(received(u"BOOKING_REQUESTED"_s)
                     .first()
                     .value(u"payload"_s)
                     .toObject()
                     .value(u"status"_s)
                     .toString(),
                 u"PENDING"_s);
    }

    // --- recurring weekly series ------------------------------------------------

    void recurringSeriesCreatedOverHttp()
    {
        const qint64 weekly = addWeeklyType(4);
        const QDateTime first = QDateTime(QDate(2026, 3, 16), QTime(14, 0), Qt::UTC);
        const CalResponse created = bookSeries(weekly, first);
        QCOMPARE(created.status, 201);
        QVERIFY(created.data().isArray()); // a recurring event type answers the series
        const QJsonArray series = created.data().toArray();
        QCOMPARE(series.size(), 4);
        const QString seriesUid =
            series.first().toObject().value(u"recurringBookingUid"_s).toString();
        QVERIFY(!QUuid::fromString(seriesUid).isNull()); // Cal.com's recurringEventId is a uuid
        const QStringList uids = uidsOf(series);
        QCOMPARE(QSet<QString>(uids.cbegin(), uids.cend()).size(), 4);
        // Whole state: four accepted bookings a week apart (New York keeps
        // 10:00 EDT), one series; nothing else.
        QStringList expected;
        for (int i = 0; i < 4; ++i)
            expected.append(row(uids.at(i), first.addDays(7 * i), u"accepted"_s, seriesUid));
        QCOMPARE(table(), expected);
        QCOMPARE(rows(series), expected);
        const QJsonObject example =
            fixture(u"api-v2/get-booking.response.example.json"_s).value(u"data"_s).toObject();
        QSet<qint64> ids;
        for (const QJsonValue &v : series) {
            const QJsonObject b = v.toObject();
            ids.insert(b.value(u"id"_s).toInteger());
            // BookingOutput plus RecurringBookingOutput's recurringBookingUid.
            QCOMPARE(shapeDifference(b, example), u"missing [] extra [recurringBookingUid]"_s);
            QCOMPARE(b.value(u"end"_s).toString(),
                     CalPayloads::instant(
                         QDateTime::fromString(b.value(u"start"_s).toString(), Qt::ISODateWithMs)
                             .addSecs(3600)
                             .toMSecsSinceEpoch()));
            const QJsonObject who = b.value(u"attendees"_s).toArray().first().toObject();
            QCOMPARE(who.value(u"email"_s).toString(), u"john.doe@example.com"_s);
            QCOMPARE(who.value(u"timeZone"_s).toString(), u"America/New_York"_s);
            QCOMPARE(b.value(u"metadata"_s).toObject().value(u"key"_s).toString(), u"value"_s);
        }
        QCOMPARE(ids.size(), 4);

        // GET by the series uid: the array; by one occurrence's uid: that booking.
        const CalResponse whole = m_http->get(u"/v2/bookings/"_s + seriesUid, "2026-02-25");
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.data().toArray(), series);
        QCOMPARE(m_cal->series(seriesUid), series);
        const CalResponse one = m_http->get(u"/v2/bookings/"_s + uids.at(1), "2026-02-25");
        QCOMPARE(one.status, 200);
        QCOMPARE(one.data().toObject(), series.at(1).toObject());
        // Lists carry recurringBookingUid too (2026-05-01 and 2024-08-13).
        const CalResponse page = m_http->get(u"/v2/bookings?limit=10"_s, "2026-05-01");
        QCOMPARE(rows(page.data().toArray()), expected);
        const CalResponse offset = m_http->get(u"/v2/bookings?take=10"_s, "2024-08-13");
        QCOMPARE(rows(offset.data().toArray()), expected);
        // status=recurring: the live occurrences of series.
        QCOMPARE(listed(u"status=recurring"_s), uids);
        // The event type says it recurs (EventTypeOutput_2024_06_14.recurrence).
        const CalResponse type = m_http->get(u"/v2/event-types/%1"_s.arg(weekly), "2024-06-14");
        QCOMPARE(type.data().toObject().value(u"recurrence"_s).toObject(),
                 (QJsonObject { { u"frequency"_s, u"weekly"_s },
                                { u"interval"_s, 1 },
                                { u"occurrences"_s, 4 } }));
        QVERIFY(!m_http->get(u"/v2/event-types/%1"_s.arg(m_type), "2024-06-14")
                     .data()
                     .toObject()
                     .contains(u"recurrence"_s));
    }

    void recurrenceCountBooksFewer()
    {
        const qint64 weekly = addWeeklyType(4);
        const QDateTime first = m_now.addDays(6);
        const CalResponse two = bookSeries(weekly, first, 2);
        QCOMPARE(two.status, 201);
        const QJsonArray series = two.data().toArray();
        QCOMPARE(series.size(), 2);
        const QString seriesUid =
            series.first().toObject().value(u"recurringBookingUid"_s).toString();
        QCOMPARE(table(),
                 (QStringList {
                     row(uidsOf(series).at(0), first, u"accepted"_s, seriesUid),
                     row(uidsOf(series).at(1), first.addDays(7), u"accepted"_s, seriesUid) }));
        // More than the event type's count is refused; nothing is booked.
        const CalResponse five = bookSeries(weekly, first.addDays(60), 5);
        QCOMPARE(five.status, 400);
        QCOMPARE(
            five.json().value(u"error"_s).toObject().value(u"message"_s).toString(),
            u"Provided recurrence count is higher than the event type's recurring event count."_s);
        QCOMPARE(m_cal->state().bookingCount(), 2);
        // A taken first slot refuses the whole series (409).
        QCOMPARE(bookSeries(weekly, first).status, 409);
        QCOMPARE(m_cal->state().bookingCount(), 2);
        // A non-recurring event type ignores recurrenceCount: one booking, an object.
        const CalResponse single = bookSeries(m_type, first.addDays(1), 3);
        QCOMPARE(single.status, 201);
        QVERIFY(single.data().isObject());
        QVERIFY(!single.data().toObject().contains(u"recurringBookingUid"_s));
        QCOMPARE(m_cal->state().bookingCount(), 3);
    }

    void seriesKeepsTheAttendeesLocalTime()
    {
        // New York leaves DST on 1 Nov 2026: 10:00 local is 14:00Z, then 15:00Z.
        const qint64 weekly = addWeeklyType(4);
        CalAttendee ny = attendee(u"Milo Park"_s, u"milo@example.com"_s);
        ny.timeZone = u"America/New_York"_s;
        const auto series = m_cal->clientBooksSeries(
            weekly, QDateTime(QDate(2026, 10, 20), QTime(14, 0), Qt::UTC), 0, ny);
        QVERIFY(series);
        QStringList starts;
        for (const QJsonValue &b : *series)
            starts.append(b.toObject().value(u"start"_s).toString());
        QCOMPARE(starts,
                 (QStringList { u"2026-10-20T14:00:00.000Z"_s, u"2026-10-27T14:00:00.000Z"_s,
                                u"2026-11-03T15:00:00.000Z"_s, u"2026-11-10T15:00:00.000Z"_s }));
        // The helpers refuse what Cal.com refuses.
        const auto notRecurring = m_cal->clientBooksSeries(m_type, m_now.addDays(1), 2, ny);
        QVERIFY(!notRecurring);
        QCOMPARE(notRecurring.error().status, 404);
        QCOMPARE(m_cal->clientBooksSeries(weekly, m_now.addDays(1), 5, ny).error().status, 400);
        const auto single = m_cal->clientBooks(m_type, m_now.addDays(2), ny);
        QVERIFY(single);
        const auto notASeries = m_cal->clientCancelsFromHere(single->value(u"uid"_s).toString());
        QVERIFY(!notASeries);
        QCOMPARE(notASeries.error().status, 400);
        QCOMPARE(m_cal->state().booking(single->value(u"uid"_s).toString())->status, u"accepted"_s);
        QCOMPARE(m_cal->state().bookingCount(), 5);
    }

    void occurrencesChangeOneByOne()
    {
        const qint64 weekly = addWeeklyType(4);
        const QDateTime first = m_now.addDays(6);
        const QJsonArray series = bookSeries(weekly, first).data().toArray();
        const QStringList uids = uidsOf(series);
        QCOMPARE(uids.size(), 4);
        const QString seriesUid =
            series.first().toObject().value(u"recurringBookingUid"_s).toString();
        const auto start = [&first](int i) { return first.addDays(7 * i); };

        // Cancel occurrence 2 alone: only it.
        m_clock->advanceSecs(3600);
        const QDateTime t1 = m_clock->nowUtc();
        const CalResponse cancelled = m_http->post(
            u"/v2/bookings/%1/cancel"_s.arg(uids.at(1)),
            QJsonObject { { u"cancellationReason"_s, u"school trip"_s } }, "2026-02-25");
        QCOMPARE(cancelled.status, 200);
        QVERIFY(cancelled.data().isObject());
        QCOMPARE(row(cancelled.data().toObject()),
                 row(uids.at(1), start(1), u"cancelled"_s, seriesUid));
        QCOMPARE(table(),
                 (QStringList { row(uids.at(0), start(0), u"accepted"_s, seriesUid),
                                row(uids.at(1), start(1), u"cancelled"_s, seriesUid),
                                row(uids.at(2), start(2), u"accepted"_s, seriesUid),
                                row(uids.at(3), start(3), u"accepted"_s, seriesUid) }));

        // Reschedule occurrence 3 alone: a new booking, still in the series.
        m_clock->advanceSecs(3600);
        const QDateTime t2 = m_clock->nowUtc();
        const QDateTime moved = start(2).addDays(1).addSecs(2 * 3600);
        const CalResponse rescheduled = m_http->post(
            u"/v2/bookings/%1/reschedule"_s.arg(uids.at(2)),
            QJsonObject { { u"start"_s, iso(moved) }, { u"reschedulingReason"_s, u"exam"_s } },
            "2026-02-25");
        QCOMPARE(rescheduled.status, 201);
        const QJsonObject fresh = rescheduled.data().toObject();
        const QString newUid = fresh.value(u"uid"_s).toString();
        QCOMPARE(fresh.value(u"recurringBookingUid"_s).toString(), seriesUid);
        QCOMPARE(fresh.value(u"rescheduledFromUid"_s).toString(), uids.at(2));
        QCOMPARE(m_cal->state().booking(uids.at(2))->rescheduledToUid, newUid);
        const QStringList afterReschedule {
            row(uids.at(0), start(0), u"accepted"_s, seriesUid),
            row(uids.at(1), start(1), u"cancelled"_s, seriesUid),
            row(uids.at(2), start(2), u"cancelled"_s, seriesUid),
            row(uids.at(3), start(3), u"accepted"_s, seriesUid),
            row(newUid, moved, u"accepted"_s, seriesUid),
        };
        QCOMPARE(table(), afterReschedule);
        // The series read back: five occurrences by start (the moved one
        // after its old slot).
        QCOMPARE(rows(m_http->get(u"/v2/bookings/"_s + seriesUid, "2026-02-25").data().toArray()),
                 (QStringList { afterReschedule.at(0), afterReschedule.at(1), afterReschedule.at(2),
                                afterReschedule.at(4), afterReschedule.at(3) }));

        // An incremental read sees exactly the changed occurrences.
        QCOMPARE(listed(u"sortUpdatedAt=asc&afterUpdatedAt=%1"_s.arg(iso(t1))),
                 (QStringList { uids.at(1), uids.at(2), newUid }));
        QCOMPARE(listed(u"sortUpdatedAt=asc&afterUpdatedAt=%1"_s.arg(iso(t2))),
                 (QStringList { uids.at(2), newUid }));
        QCOMPARE(listed(u"status=recurring&sortStart=asc"_s),
                 (QStringList { uids.at(0), newUid, uids.at(3) }));
    }

    void cancelSubsequentOccurrences()
    {
        const qint64 weekly = addWeeklyType(4);
        const QDateTime first = m_now.addDays(6);
        const QJsonArray series = bookSeries(weekly, first).data().toArray();
        const QStringList uids = uidsOf(series);
        const QString seriesUid =
            series.first().toObject().value(u"recurringBookingUid"_s).toString();
        const auto start = [&first](int i) { return first.addDays(7 * i); };
        const QString other = book(first.addDays(1), u"ann@example.com"_s); // not in the series

        m_clock->advanceSecs(60);
        const CalResponse fromSecond =
            m_http->post(u"/v2/bookings/%1/cancel"_s.arg(uids.at(1)),
                         QJsonObject { { u"cancellationReason"_s, u"moving away"_s },
                                       { u"cancelSubsequentBookings"_s, true } },
                         "2026-02-25");
        QCOMPARE(fromSecond.status, 200);
        // The answer is the whole series (getAllRecurringBookingsByIndividualUid).
        const QStringList expectedSeries {
            row(uids.at(0), start(0), u"accepted"_s, seriesUid),
            row(uids.at(1), start(1), u"cancelled"_s, seriesUid),
            row(uids.at(2), start(2), u"cancelled"_s, seriesUid),
            row(uids.at(3), start(3), u"cancelled"_s, seriesUid),
        };
        QCOMPARE(rows(fromSecond.data().toArray()), expectedSeries);
        QCOMPARE(table(),
                 (QStringList { expectedSeries.at(0), expectedSeries.at(1), expectedSeries.at(2),
                                expectedSeries.at(3),
                                row(other, first.addDays(1), u"accepted"_s, QString()) }));
        for (int i = 1; i < 4; ++i) {
            QCOMPARE(m_cal->state().booking(uids.at(i))->cancellationReason, u"moving away"_s);
            QCOMPARE(m_cal->state().booking(uids.at(i))->cancelledByEmail,
                     u"jane100@example.com"_s);
        }
        QCOMPARE(listed(u"afterUpdatedAt=%1&sortStart=asc"_s.arg(iso(m_clock->nowUtc()))),
                 uids.mid(1));

        // cancelSubsequentBookings with the series uid is refused, as Cal.com does.
        const CalResponse withSeriesUid =
            m_http->post(u"/v2/bookings/%1/cancel"_s.arg(seriesUid),
                         QJsonObject { { u"cancelSubsequentBookings"_s, true } }, "2026-02-25");
        QCOMPARE(withSeriesUid.status, 400);
        // On a booking outside any series Cal.com cancels it, then answers 400.
        const CalResponse notSeries =
            m_http->post(u"/v2/bookings/%1/cancel"_s.arg(other),
                         QJsonObject { { u"cancelSubsequentBookings"_s, true } }, "2026-02-25");
        QCOMPARE(notSeries.status, 400);
        QCOMPARE(notSeries.json().value(u"error"_s).toObject().value(u"message"_s).toString(),
                 u"Booking with bookingUid=%1 is not part of a recurring booking."_s.arg(other));
        QCOMPARE(m_cal->state().booking(other)->status, u"cancelled"_s);
        QCOMPARE(m_cal->state().bookingCount(), 5);
    }

    void cancelThroughTheSeriesUid()
    {
        QUrl url = m_receiver->url();
        m_cal->addWebhook(url, kSecret, { u"BOOKING_CANCELLED"_s });
        const qint64 weekly = addWeeklyType(4);
        const QDateTime first = m_now.addDays(1);
        const QJsonArray series = bookSeries(weekly, first).data().toArray();
        const QStringList uids = uidsOf(series);
        const QString seriesUid =
            series.first().toObject().value(u"recurringBookingUid"_s).toString();
        // Two lessons later: the first lies in the past and stays as it was.
        m_clock->advanceSecs(8 * 24 * 3600);
        const CalResponse all =
            m_http->post(u"/v2/bookings/%1/cancel"_s.arg(seriesUid),
                         QJsonObject { { u"cancellationReason"_s, u"term over"_s } }, "2026-02-25");
        QCOMPARE(all.status, 200);
        const QStringList expected {
            row(uids.at(0), first, u"accepted"_s, seriesUid),
            row(uids.at(1), first.addDays(7), u"cancelled"_s, seriesUid),
            row(uids.at(2), first.addDays(14), u"cancelled"_s, seriesUid),
            row(uids.at(3), first.addDays(21), u"cancelled"_s, seriesUid),
        };
        QCOMPARE(rows(all.data().toArray()), expected);
        QCOMPARE(table(), expected);
        // One webhook, naming the series' first booking, with its recurrence.
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->requests.size(), 1, 5000);
        const QJsonObject payload =
            received(u"BOOKING_CANCELLED"_s).first().value(u"payload"_s).toObject();
        QCOMPARE(payload.value(u"uid"_s).toString(), uids.at(0));
        QCOMPARE(payload.value(u"status"_s).toString(), u"CANCELLED"_s);
        QCOMPARE(payload.value(u"recurringEvent"_s).toObject(),
                 (QJsonObject { { u"freq"_s, 2 }, { u"count"_s, 4 }, { u"interval"_s, 1 } }));
        // Other actions on the series uid find no booking.
        QCOMPARE(m_http
                     ->post(u"/v2/bookings/%1/reschedule"_s.arg(seriesUid),
                            QJsonObject { { u"start"_s, iso(m_now.addDays(30)) } }, "2026-02-25")
                     .status,
                 404);
    }

    void seriesWebhooksPerOccurrence()
    {
        QUrl url = m_receiver->url();
        url.setPath(u"/hooks/calcom"_s);
        m_cal->addWebhook(url, kSecret,
                          { u"BOOKING_CREATED"_s, u"BOOKING_RESCHEDULED"_s, u"BOOKING_CANCELLED"_s,
                            u"MEETING_ENDED"_s });
        const qint64 weekly = addWeeklyType(4);
        CalAttendee guest { u"Guest User"_s, u"guest@example.com"_s, u"Europe/Paris"_s,
                            u"en"_s,         u"+33612345678"_s,      false };
        const auto series = m_cal->clientBooksSeries(weekly, m_now.addDays(2), 3, guest);
        QVERIFY(series);
        QCOMPARE(series->size(), 3);
        const QStringList uids = uidsOf(*series);
        const QString seriesUid =
            series->first().toObject().value(u"recurringBookingUid"_s).toString();
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->requests.size(), 3, 5000);
        const QList<QJsonObject> created = received(u"BOOKING_CREATED"_s);
        QCOMPARE(created.size(), 3);
        const QJsonObject real = fixture(u"webhooks/2021-10-20/BOOKING_CREATED.json"_s);
        QStringList createdUids;
        for (const QJsonObject &body : created) {
            QCOMPARE(shapeDifference(body, real), QString());
            const QJsonObject payload = body.value(u"payload"_s).toObject();
            QCOMPARE(shapeDifference(payload, real.value(u"payload"_s).toObject()),
                     u"missing [] extra [recurringEvent]"_s);
            QCOMPARE(payload.value(u"recurringEvent"_s).toObject(),
                     (QJsonObject { { u"freq"_s, 2 }, { u"count"_s, 3 }, { u"interval"_s, 1 } }));
            createdUids.append(payload.value(u"uid"_s).toString());
        }
        createdUids.sort();
        QStringList sortedUids = uids;
        sortedUids.sort();
        QCOMPARE(createdUids, sortedUids); // one per occurrence

        // One occurrence cancelled, one moved, then "this and later" from the
        // moved one: one webhook each, for the occurrence acted on.
        QVERIFY(m_cal->clientCancels(uids.at(0), u"ill"_s));
        const auto moved = m_cal->clientReschedules(uids.at(1), m_now.addDays(10));
        QVERIFY(moved);
        const QString movedUid = moved->value(u"uid"_s).toString();
        QCOMPARE(moved->value(u"recurringBookingUid"_s).toString(), seriesUid);
        QVERIFY(m_cal->meetingEnds(movedUid));
        const auto rest = m_cal->clientCancelsFromHere(movedUid, u"stopping lessons"_s);
        QVERIFY(rest);
        QCOMPARE(rest->size(), 4);
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->requests.size(), 7, 5000);
        const QList<QJsonObject> cancels = received(u"BOOKING_CANCELLED"_s);
        QCOMPARE(cancels.size(), 2);
        QCOMPARE(cancels.at(0).value(u"payload"_s).toObject().value(u"uid"_s).toString(),
                 uids.at(0));
        QCOMPARE(cancels.at(1).value(u"payload"_s).toObject().value(u"uid"_s).toString(), movedUid);
        for (const QJsonObject &c :
             cancels) // only a cancel through the series uid says recurringEvent
            QVERIFY(!c.value(u"payload"_s).toObject().contains(u"recurringEvent"_s));
        const QJsonObject rescheduled =
            received(u"BOOKING_RESCHEDULED"_s).first().value(u"payload"_s).toObject();
        QCOMPARE(rescheduled.value(u"uid"_s).toString(), movedUid);
        QCOMPARE(rescheduled.value(u"rescheduleUid"_s).toString(), uids.at(1));
        // The flat MEETING_ENDED row carries the series as recurringEventId.
        QCOMPARE(received(u"MEETING_ENDED"_s).first().value(u"recurringEventId"_s).toString(),
                 seriesUid);
        for (const auto &request : m_receiver->requests) {
            QVERIFY_OK(Calcom::verifyWebhookSignature(
                request.body, request.header("X-Cal-Signature-256"), kSecret));
            QVERIFY_OK(Calcom::parseWebhookPayload(request.body));
        }
        // Whole state: 1 cancelled alone, 2 moved (cancelled) to a booking
        // cancelled with the rest, 3 cancelled from the moved one on.
        QCOMPARE(table(),
                 (QStringList { row(uids.at(0), m_now.addDays(2), u"cancelled"_s, seriesUid),
                                row(uids.at(1), m_now.addDays(9), u"cancelled"_s, seriesUid),
                                row(uids.at(2), m_now.addDays(16), u"cancelled"_s, seriesUid),
                                row(movedUid, m_now.addDays(10), u"cancelled"_s, seriesUid) }));
        QCOMPARE(m_cal->state().booking(uids.at(1))->rescheduledToUid, movedUid);
    }

    void webhookWithoutSecretAndNewerVersion()
    {
        m_cal->addWebhook(m_receiver->url(), QString(), { u"BOOKING_CREATED"_s }, u"2026-07-27"_s);
        QVERIFY(m_cal->clientBooks(m_type, m_now.addDays(1), attendee(u"A"_s, u"a@example.com"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->requests.size(), 1, 5000);
        const auto &r = m_receiver->requests.first();
        QCOMPARE(r.header("X-Cal-Signature-256"), QByteArray("no-secret-provided"));
        QCOMPARE(r.header("x-cal-webhook-version"), QByteArray("2026-07-27"));
        const QJsonObject payload =
            QJsonDocument::fromJson(r.body).object().value(u"payload"_s).toObject();
        QCOMPARE(missingKeys(payload,
                             fixture(u"webhooks/2026-07-27/BOOKING_CREATED.truncated.json"_s)
                                 .value(u"payload"_s)
                                 .toObject()),
                 QString());
    }

    void webhookRetriesDuplicatesAndOrder()
    {
        int calls = 0;
        m_receiver->setHandler([&calls](const Concord::Test::RecordedRequest &) {
            return ++calls == 1 ? Concord::Test::CannedReply::json("{}", 500)
                                : Concord::Test::CannedReply::json("{}");
        });
        m_cal->setTimeScale(600); // the per-minute retry after 100 ms
        m_cal->webhooks()->setMaxAttempts(3);
        m_cal->addWebhook(m_receiver->url(), kSecret,
                          { u"BOOKING_CREATED"_s, u"BOOKING_CANCELLED"_s });
        const auto b =
            m_cal->clientBooks(m_type, m_now.addDays(1), attendee(u"A"_s, u"a@example.com"_s));
        QVERIFY(b);
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->requests.size(), 2, 5000);
        QCOMPARE(m_receiver->requests.at(0).body,
                 m_receiver->requests.at(1).body); // the same event again
        QCOMPARE(m_cal->webhooks()->deliveries().first().attempts, 2);

        m_receiver->requests.clear();
        m_cal->webhooks()->setDuplicateDelivery(true);
        m_cal->webhooks()->setHeld(true);
        m_clock->advanceSecs(60);
        QVERIFY(m_cal->clientCancels(b->value(u"uid"_s).toString()));
        m_cal->webhooks()->releaseHeld(true);
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->requests.size(), 2, 5000);
        QCOMPARE(m_receiver->requests.at(0).body, m_receiver->requests.at(1).body);
    }

    void faultsAndLog()
    {
        m_cal->injectFault({ u"/v2/me"_s, 2, 503, 0, false, false });
        QCOMPARE(m_http->get(u"/v2/me"_s).status, 503);
        QCOMPARE(m_http->get(u"/v2/me"_s).status, 503);
        QCOMPARE(m_http->get(u"/v2/me"_s).status, 200);
        // A lost answer after execution: the booking exists, the client saw nothing.
        // (A dropped connection would not do: Qt re-sends a request whose
        // connection closed before any answer.)
        m_cal->injectFault({ u"/v2/bookings"_s, 1, 0, 2000, false, true });
        CalRawClient impatient(m_cal->baseUrl(), kKey);
        impatient.setTimeoutMs(300);
        const CalResponse lost = impatient.post(
            u"/v2/bookings"_s,
            QJsonObject { { u"start"_s, iso(m_now.addDays(1)) },
                          { u"eventTypeId"_s, m_type },
                          { u"attendee"_s,
                            QJsonObject { { u"name"_s, u"A"_s }, { u"timeZone"_s, u"UTC"_s } } } },
            "2026-02-25");
        QCOMPARE(lost.status, 0);
        QCOMPARE(m_cal->state().bookingCount(), 1);
        const auto log = m_cal->requestLog();
        QCOMPARE(log.size(), 4);
        QCOMPARE(log.at(0).status, 503);
        QCOMPARE(log.at(2).status, 200);
        QCOMPARE(log.at(3).method, u"POST"_s);
        QCOMPARE(log.at(3).apiVersion, u"2026-02-25"_s);
    }

    void adminApi()
    {
        CalRawClient admin(m_cal->baseUrl(), QString());
        const CalResponse seeded = admin.post(
            u"/__admin/bookings"_s,
            QJsonObject { { u"uid"_s, u"seeded-1"_s },
                          { u"eventTypeId"_s, m_type },
                          { u"start"_s, u"2026-03-20T15:00:00Z"_s },
                          { u"updatedAt"_s, u"2026-03-01T00:00:00Z"_s },
                          { u"attendees"_s,
                            QJsonArray { QJsonObject { { u"name"_s, u"S"_s },
                                                       { u"email"_s, u"s@example.com"_s } } } } },
            {});
        QCOMPARE(seeded.status, 200);
        QCOMPARE(m_cal->booking(u"seeded-1"_s).value(u"updatedAt"_s).toString(),
                 u"2026-03-01T00:00:00.000Z"_s);
        const CalResponse moved = admin.post(
            u"/__admin/actions/reschedule"_s,
            QJsonObject { { u"uid"_s, u"seeded-1"_s }, { u"start"_s, u"2026-03-21T15:00:00Z"_s } },
            {});
        QCOMPARE(moved.status, 200);
        QCOMPARE(m_cal->booking(u"seeded-1"_s).value(u"status"_s).toString(), u"cancelled"_s);
        const CalResponse bulk =
            admin.post(u"/__admin/bookings/bulk"_s,
                       QJsonObject { { u"count"_s, 5 },
                                     { u"eventTypeId"_s, m_type },
                                     { u"firstStart"_s, u"2026-04-01T10:00:00Z"_s },
                                     { u"createdAt"_s, u"2026-01-01T00:00:00Z"_s },
                                     { u"firstUpdatedAt"_s, u"2026-03-02T00:00:00Z"_s },
                                     { u"updatedStepMs"_s, 1000 } },
                       {});
        QCOMPARE(bulk.json().value(u"added"_s).toInt(), 5);
        QCOMPARE(m_cal->state().bookingCount(), 7);
        QCOMPARE(admin.get(u"/__admin/log"_s).json().value(u"entries"_s).toArray().size(), 4);

        // A weekly series and "cancel from here" through the admin API.
        const qint64 weekly = admin
                                  .post(u"/__admin/event-types"_s,
                                        QJsonObject { { u"title"_s, u"Weekly"_s },
                                                      { u"ownerId"_s, m_host },
                                                      { u"recurrenceOccurrences"_s, 3 } },
                                        {})
                                  .json()
                                  .value(u"id"_s)
                                  .toInteger();
        const CalResponse series =
            admin.post(u"/__admin/actions/book-series"_s,
                       QJsonObject { { u"eventTypeId"_s, weekly },
                                     { u"start"_s, u"2026-05-04T16:00:00Z"_s },
                                     { u"attendee"_s,
                                       QJsonObject { { u"name"_s, u"S"_s },
                                                     { u"email"_s, u"s@example.com"_s } } } },
                       {});
        QCOMPARE(series.status, 200);
        const QJsonArray booked = series.json().value(u"bookings"_s).toArray();
        QCOMPARE(booked.size(), 3);
        const CalResponse rest =
            admin.post(u"/__admin/actions/cancel"_s,
                       QJsonObject { { u"uid"_s, booked.at(1).toObject().value(u"uid"_s) },
                                     { u"subsequent"_s, true } },
                       {});
        QCOMPARE(rest.status, 200);
        QStringList statuses;
        for (const QJsonValue &b : rest.json().value(u"bookings"_s).toArray())
            statuses.append(b.toObject().value(u"status"_s).toString());
        QCOMPARE(statuses, (QStringList { u"accepted"_s, u"cancelled"_s, u"cancelled"_s }));
        QCOMPARE(m_cal->state().bookingCount(), 10);
    }
};

QTEST_GUILESS_MAIN(TestCalcomEmulator)
#include "tst_calcomemulator.moc"
