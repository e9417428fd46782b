#pragma once

#include "calcom/calhttpserver.h"
#include "calcom/calratelimiter.h"
#include "calcom/calstate.h"
#include "calcom/calwebhooksender.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <expected>

class QHttpServerRequest;

namespace Concord {
class Clock;
}

namespace Concord::Sandbox {

// A protocol-faithful Cal.com API v2 on 127.0.0.1 (hubspot-calcom.md B1–B7):
// /v2/me, /v2/event-types, /v2/teams/{id}/memberships, /v2/bookings (list
// with Cal.com's filters, cursor paging for cal-api-version 2026-05-01 and
// take/skip for 2024-08-13; get, create, reschedule, cancel, confirm,
// decline, mark-absent; recurring weekly series: a create on a recurring
// event type and a GET of the series uid answer an array, cancel honours
// cancelSubsequentBookings), /v2/webhooks; API-key auth; the error envelope; the
// 120/min throttle with X-RateLimit-*-Default headers; signed outgoing
// webhooks. A missing or unknown cal-api-version falls back to an older
// endpoint version, as Cal.com does (other shapes), unless
// setRejectUnknownApiVersion(true).
//
// An admin API (/__admin/…, and the C++ methods below) seeds state, injects
// faults, reads the request log, and performs what people do in Cal.com:
// a client books, reschedules, cancels; a host confirms or declines; the
// meeting ends; a no-show is marked.
//
// Lives on the thread that created it; call it only there.
//   CalcomEmulator cal;  cal.listen();
//   const qint64 me = cal.addUser({.email = u"rachel@…"_s, .name = u"Rachel Kim"_s});
//   cal.addApiKey(u"cal_test_key"_s, me);
//   const qint64 tutoring = cal.addEventType({.title = u"Math"_s, .ownerId = me});
class CalcomEmulator : public QObject {
    Q_OBJECT
public:
    using Result = std::expected<QJsonObject, CalApiError>;
    // The bookings of a recurring series, as Cal.com answers them: an array
    // of BookingOutput (with recurringBookingUid), ordered by start.
    using SeriesResult = std::expected<QJsonArray, CalApiError>;

    // For the next `count` requests whose path (with query) contains
    // `pathContains`: answer `httpStatus` with an error envelope (status > 0),
    // and/or wait delayMs before answering, or drop the connection. With
    // `afterExecuting`, the request is executed first and only its answer is
    // delayed/dropped (a lost answer).
    struct FaultRule {
        QString pathContains;
        int count = 1;
        int httpStatus = 0;
        int delayMs = 0;
        bool drop = false;
        bool afterExecuting = false;
    };

    struct LogEntry {
        QString method;
        QString path;
        QString query; // decoded
        QString apiVersion; // cal-api-version as received; empty when absent
        bool authorized = false;
        int status = 0; // 0 = dropped / not answered yet
    };

    explicit CalcomEmulator(QObject *parent = nullptr);
    ~CalcomEmulator() override;

    [[nodiscard]] bool listen(quint16 port = 0);
    [[nodiscard]] quint16 port() const { return m_port; }
    // http://127.0.0.1:<port>; API paths are /v2/…
    [[nodiscard]] QUrl baseUrl() const;

    // Time for createdAt/updatedAt and "upcoming/past". Not owned; default: system clock.
    void setClock(const Clock *clock);
    // Emulated ms per real ms for the throttle window and webhook retries.
    void setTimeScale(double scale);
    // Extra real ms before every API answer (not the /__admin/ API), on top
    // of injected fault delays: a slow service for benchmarks. 0 = none.
    void setApiDelay(int ms);
    [[nodiscard]] int apiDelay() const;

    // --- seeding ---
    qint64 addUser(CalUser user);
    void addApiKey(const QString &key, qint64 userId);
    qint64 addTeam(const QString &name, const QString &slug);
    qint64 addMembership(qint64 teamId, qint64 userId,
                         const QString &role = QStringLiteral("MEMBER"));
    qint64 addEventType(CalEventType eventType);
    // A booking as given (uid, times, status, attendees, createdAt/updatedAt,
    // reschedule links); missing ids/uid/end/title are filled in. No webhook.
    Result seedBooking(const CalBooking &booking);
    // Links an existing booking A to B as "A rescheduled to B" (A cancelled).
    Result seedRescheduleLink(const QString &fromUid, const QString &toUid);
    // `count` accepted bookings of one event type, one attendee each
    // ("Client n", client<n>@example.com), starts one hour apart from
    // `firstStart`, createdAt = `createdAt`, updatedAt = firstUpdatedAt +
    // n × updatedStepMs. For benchmarks: no validation, no webhook.
    int addBookings(int count, qint64 eventTypeId, const QDateTime &firstStart,
                    const QDateTime &createdAt, const QDateTime &firstUpdatedAt,
                    qint64 updatedStepMs);
    void reset();

    [[nodiscard]] CalcomState &state() { return m_state; }
    [[nodiscard]] const CalcomState &state() const { return m_state; }
    // The booking as GET /v2/bookings/{uid} shows it; empty when unknown.
    [[nodiscard]] QJsonObject booking(const QString &uid) const;
    // The occurrences of a series as GET /v2/bookings/{recurringBookingUid}
    // shows them (by start); empty when unknown.
    [[nodiscard]] QJsonArray series(const QString &recurringBookingUid) const;

    // --- gateway ---
    void injectFault(const FaultRule &rule);
    void clearFaults() { m_faults.clear(); }
    [[nodiscard]] QList<LogEntry> requestLog() const { return m_log; }
    void clearLog() { m_log.clear(); }
    void setThrottlingEnabled(bool enabled) { m_limiter.setEnabled(enabled); }
    // New limits start with fresh windows.
    void setThrottleLimits(const CalRateLimiter::Limits &limits)
    {
        m_limiter.setLimits(limits);
        m_limiter.clear();
    }
    void setRejectUnknownApiVersion(bool reject) { m_rejectUnknownVersion = reject; }
    // Emulates Cal.com leaving updatedAt null on new bookings (see CalcomState).
    void setNullUpdatedAtOnCreate(bool on) { m_state.setNullUpdatedAtOnCreate(on); }

    // --- webhooks ---
    qint64 addWebhook(const QUrl &subscriberUrl, const QString &secret, const QStringList &triggers,
                      const QString &version = QStringLiteral("2021-10-20"));
    [[nodiscard]] CalWebhookSender *webhooks() const { return m_webhooks; }
    // Attendees' utcOffset computed for "now", not the booking start (cal.diy#28519).
    void setUtcOffsetAtNow(bool on) { m_utcOffsetAtNow = on; }

    // --- what people do (each sends its webhook) ---
    // On a recurring event type this books the whole series (as the booking
    // page does) and returns its first occurrence; see clientBooksSeries.
    Result clientBooks(qint64 eventTypeId, const QDateTime &startUtc, const CalAttendee &attendee);
    // A client books a weekly series on a recurring event type: `occurrences`
    // bookings (0 = the event type's count; more than it → 400, as Cal.com),
    // a week apart in the attendee's time zone from `firstStartUtc`, sharing
    // one recurringBookingUid; one BOOKING_CREATED (or _REQUESTED) webhook per
    // occurrence. A non-recurring event type → 404 "… is not a recurring event".
    SeriesResult clientBooksSeries(qint64 eventTypeId, const QDateTime &firstStartUtc,
                                   int occurrences, const CalAttendee &attendee);
    Result clientReschedules(const QString &uid, const QDateTime &newStartUtc,
                             const QString &reason = {});
    // One booking, or one occurrence of a series (the others stay).
    Result clientCancels(const QString &uid, const QString &reason = {});
    // "Cancel this and all later occurrences" (cancelSubsequentBookings):
    // occurrence `uid` and every occurrence of its series starting at or
    // after it; one BOOKING_CANCELLED webhook (for `uid`). Returns the whole
    // series. 400 when `uid` is not an occurrence of a series.
    SeriesResult clientCancelsFromHere(const QString &uid, const QString &reason = {});
    Result hostConfirms(const QString &uid);
    Result hostDeclines(const QString &uid, const QString &reason = {});
    Result meetingEnds(const QString &uid);
    Result markNoShow(const QString &uid, const QString &attendeeEmail);
    Result bookingPaid(const QString &uid);

Q_SIGNALS:
    void requestHandled(const QString &method, const QString &path, int status);

private:
    [[nodiscard]] qint64 emulatedMs() const;
    [[nodiscard]] Result asJson(const CalcomState::Result &result) const;
    [[nodiscard]] SeriesResult asJson(const CalcomState::Results &result) const;
    void flushEvents();
    CalHttpServer::Plan plan(const QHttpServerRequest &request);
    CalReply handleApi(const QString &method, const QStringList &path, const QUrlQuery &query,
                       const QByteArray &body, const QString &apiVersion, qint64 userId,
                       const QString &fullPath);
    CalReply handleBookings(const QString &method, const QStringList &path, const QUrlQuery &query,
                            const QByteArray &body, const QString &apiVersion, qint64 userId,
                            const QString &fullPath);
    CalReply listBookings(const QUrlQuery &query, const QString &apiVersion, qint64 userId,
                          const QString &fullPath);
    CalReply handleAdmin(const QString &method, const QStringList &path, const QByteArray &body);
    [[nodiscard]] CalReply error(const CalApiError &error, const QString &path) const;
    [[nodiscard]] CalReply ok(const QJsonValue &data, int status = 200,
                              const QJsonObject &extra = {}) const;

    const Clock *m_clock;
    QElapsedTimer m_realTime;
    double m_timeScale = 1.0;
    CalHttpServer *m_server = nullptr;
    quint16 m_port = 0;
    CalcomState m_state;
    CalRateLimiter m_limiter;
    CalWebhookSender *m_webhooks = nullptr;
    QHash<QString, qint64> m_apiKeys; // key → user id
    QList<FaultRule> m_faults;
    QList<LogEntry> m_log;
    bool m_rejectUnknownVersion = false;
    bool m_utcOffsetAtNow = false;
};

} // namespace Concord::Sandbox
