#pragma once

#include "common/error.h"
#include "connectors/calcom/booking.h"
#include "connectors/calcom/bookingpage.h"
#include "connectors/calcom/eventtype.h"
#include "connectors/calcom/profile.h"
#include "connectors/calcom/team.h"
#include "connectors/http/httpresponse.h"
#include "connectors/http/retrypolicy.h"

#include <QDateTime>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPromise>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace Concord {
class Clock;
struct Config;
} // namespace Concord

namespace Concord::Connectors {
class HttpExecutor;
class RateLimiter;
} // namespace Concord::Connectors

namespace Concord::Calcom {

// The cal-api-version each endpoint is called with (hubspot-calcom.md B1).
// Cal.com silently falls back to an older version — other shapes — when the
// header is missing or wrong, so every call names its own.
namespace ApiVersion {
inline constexpr QStringView BookingsList = u"2026-05-01"; // GET /v2/bookings, cursor paging
inline constexpr QStringView BookingsOffset = u"2024-08-13"; // GET /v2/bookings, take/skip paging
inline constexpr QStringView Booking = u"2026-02-25"; // get, create, reschedule, cancel
inline constexpr QStringView BookingActions = u"2024-08-13"; // confirm, decline, mark-absent
inline constexpr QStringView EventTypes = u"2024-06-14"; // /v2/event-types
} // namespace ApiVersion

// How GET /v2/bookings is paged.
enum class BookingPaging {
    Cursor, // 2026-05-01: limit ≤ 100 + opaque cursor (keyset: no record is skipped when records
            // change meanwhile)
    Offset, // 2024-08-13: take/skip (a record updated while paging can shift and be skipped:
            // fallback only)
};

// Where and how the client talks to Cal.com. Pure value; the API key is not
// part of it (it comes from the SecretStore, secret CALCOM_API_KEY).
struct CalcomClientSettings {
    QUrl baseUrl; // https://api.cal.com, or an emulator; paths are /v2/…
    QString rateLimitKey = QStringLiteral("calcom"); // RateLimiter key (one API key = one budget)
    std::chrono::milliseconds requestTimeout = std::chrono::seconds(10);
    // Transport failures, timeouts and 5xx of repeatable requests (GETs,
    // cancel, confirm, decline, mark-absent) are retried here: 4 attempts in
    // all, ×4 from 1 s capped at 20 s, jitter 20 %. Create and reschedule are
    // not repeatable: see createBooking()/rescheduleBooking() for their recovery.
    Connectors::RetryPolicy networkRetry = defaultNetworkRetry();
    // 429: pause the key in the RateLimiter for the server's reset time, then
    // retry, at most this often.
    int maxThrottleRetries = 3;
    BookingPaging paging = BookingPaging::Cursor;
    int pageSize = 100; // the documented maximum of `limit` (2026-05-01)
    // bookingChangesSince() also pages afterCreatedAt: Cal.com's updatedAt is
    // nullable, and a booking never updated may carry none (B3).
    bool pollCreatedToo = true;

    [[nodiscard]] static Connectors::RetryPolicy defaultNetworkRetry();
    // [calcom] base_url from the configuration.
    [[nodiscard]] static CalcomClientSettings fromConfig(const Config &config);
};

// Filters of GET /v2/bookings (names as Cal.com spells them). Unset = not sent.
struct BookingQuery {
    QString status; // upcoming | recurring | past | cancelled | unconfirmed
    QString attendeeEmail;
    QString attendeeName;
    QString bookingUid;
    QList<qint64> eventTypeIds;
    QDateTime afterStart;
    QDateTime beforeEnd;
    QDateTime afterCreatedAt;
    QDateTime beforeCreatedAt;
    QDateTime afterUpdatedAt;
    QDateTime beforeUpdatedAt;
    QString sortStart; // asc | desc (one sort at a time)
    QString sortEnd;
    QString sortCreated;
    QString sortUpdatedAt;
    int limit = 100; // page size (limit or take)
    QString cursor; // cursor paging: the previous page's nextCursor
    int skip = 0; // offset paging
};

// What changed since an instant, every page read.
struct BookingChanges {
    // One entry per uid (the newest version seen), ordered by changedAt.
    QList<Booking> bookings;
    // The `since` of the next poll: the newest updatedAt the afterUpdatedAt
    // read returned — how far that read is known complete — never past it,
    // even when the afterCreatedAt read (which runs after it) brought newer
    // changes: an update made between the two reads would otherwise be
    // stepped over. When the updated read returned nothing: the newest
    // changedAt seen, else the given `since`.
    // The filter is inclusive, so the next poll sees that instant again
    // (and what the created read brought beyond it): dedupe by uid +
    // changedAt.
    QDateTime nextSince;
    int pages = 0;
};

// A booking to make (CreateBookingInput_2024_08_13).
struct NewBooking {
    qint64 eventTypeId = 0;
    QDateTime start; // UTC; end follows from the event type's length
    BookingAttendee attendee; // name and timeZone required; email; phoneNumber E.164
    QStringList guests;
    std::optional<int> lengthInMinutes; // only for event types with several lengths
    QJsonObject
        location; // {"type":"integration","integration":"cal-video"} etc.; empty = event default
    QMap<QString, QString> metadata;
    QJsonObject bookingFieldsResponses;
};

// Where a booking's reschedule chain starts.
struct RescheduleOrigin {
    QString originUid; // the first booking (== uid when it was never a reschedule)
    QStringList chain; // origin first … the uid asked about last
};

// The asynchronous Cal.com API v2 client.
//
// Contract
// - Thread affinity: lives on the sync thread with the HttpExecutor and
//   RateLimiter it is given (not owned; both must outlive it). Call it only
//   there. Futures finish from that thread's event loop (or are already
//   finished, for arguments refused before any request).
// - Every request: {baseUrl}/v2/…, Authorization: Bearer <API key>, the
//   endpoint's cal-api-version, and a RateLimiter grant for rateLimitKey
//   (policy RateLimitPolicy::calcom(), set by the constructor: 120 per 60 s)
//   held until the answer is in.
// - Handled inside, per class (apierror.h): Network → bounded backoff for
//   repeatable requests; Throttled → reportThrottled (waits the reset time)
//   and retry ≤ maxThrottleRetries; Unauthorized → returned at once (an API
//   key cannot be refreshed: the connection needs a person). NotFound,
//   Conflict, RemoteValidation, PermissionDenied → returned.
// - Nothing secret is logged (the key never; attendees' emails not at all).
class CalcomClient final : public QObject {
    Q_OBJECT

public:
    template<typename T> using Callback = std::function<void(Result<T>)>;

    CalcomClient(CalcomClientSettings settings, QString apiKey, Connectors::HttpExecutor &executor,
                 Connectors::RateLimiter &rateLimiter, const Clock &clock,
                 QObject *parent = nullptr);
    ~CalcomClient() override;

    [[nodiscard]] const CalcomClientSettings &settings() const { return m_settings; }
    void setApiKey(QString apiKey) { m_apiKey = std::move(apiKey); }

    // --- connection test, staff, services ----------------------------------
    [[nodiscard]] QFuture<Result<Profile>> me();
    [[nodiscard]] QFuture<Result<QList<EventType>>> eventTypes();
    [[nodiscard]] QFuture<Result<EventType>> eventType(qint64 id);
    [[nodiscard]] QFuture<Result<QList<Team>>> teams();
    // Every membership of a team (take/skip pages of 100).
    [[nodiscard]] QFuture<Result<QList<TeamMembership>>> teamMembers(qint64 teamId);

    // --- bookings: reads ---------------------------------------------------
    // One page as asked (paging dialect from settings().paging).
    [[nodiscard]] QFuture<Result<BookingPage>> bookingsPage(const BookingQuery &query);
    // Incremental read: every booking with updatedAt ≥ since (sortUpdatedAt
    // asc, all pages), and — pollCreatedToo — createdAt ≥ since, merged by uid.
    [[nodiscard]] QFuture<Result<BookingChanges>> bookingChangesSince(const QDateTime &since);
    // GET /v2/bookings/{uid}. A uid naming a recurring series (Cal.com then
    // answers with several bookings) is Unsupported.
    [[nodiscard]] QFuture<Result<Booking>> booking(const QString &uid);
    // Follows rescheduledFromUid back to the first booking (one GET per step,
    // at most RescheduleChains::kMaxChain).
    [[nodiscard]] QFuture<Result<RescheduleOrigin>> rescheduleOrigin(const QString &uid);

    // --- bookings: writes --------------------------------------------------
    // POST /v2/bookings (201). Cal.com has no idempotency key, so the client
    // writes `idempotencyKey` into metadata["concordKey"]; after a transport
    // failure or 5xx it looks for that booking (attendee email and start)
    // before sending again, so a lost answer never books twice.
    [[nodiscard]] QFuture<Result<Booking>> createBooking(const QString &idempotencyKey,
                                                         const NewBooking &booking);
    // POST /v2/bookings/{uid}/reschedule (201): the NEW booking (new uid,
    // rescheduledFromUid = uid). When the answer was lost, or Cal.com says
    // the booking is already cancelled, the client reads the old booking: if
    // it was already moved to `newStartUtc`, that new booking is returned.
    [[nodiscard]] QFuture<Result<Booking>> rescheduleBooking(const QString &uid,
                                                             const QDateTime &newStartUtc,
                                                             const QString &reason = {},
                                                             const QString &rescheduledBy = {});
    // POST /v2/bookings/{uid}/cancel. Already cancelled → the booking (success).
    [[nodiscard]] QFuture<Result<Booking>> cancelBooking(const QString &uid,
                                                         const QString &reason = {});
    // POST …/confirm and …/decline (pending bookings of event types that need
    // confirmation). Already in the wanted state → the booking (success).
    [[nodiscard]] QFuture<Result<Booking>> confirmBooking(const QString &uid);
    [[nodiscard]] QFuture<Result<Booking>> declineBooking(const QString &uid,
                                                          const QString &reason = {});
    // POST …/mark-absent: attendees (by email) and/or the host as no-shows.
    [[nodiscard]] QFuture<Result<Booking>> markAbsent(const QString &uid,
                                                      const QStringList &absentAttendeeEmails,
                                                      bool hostAbsent = false);

    // The key createBooking() stores in metadata.
    static constexpr QStringView kIdempotencyMetadataKey = u"concordKey";

private:
    struct Call;

    template<typename T> QFuture<Result<T>> start(std::function<void(Callback<T>)> body)
    {
        auto promise = std::make_shared<QPromise<Result<T>>>();
        promise->start();
        QFuture<Result<T>> future = promise->future();
        body([promise](Result<T> result) {
            promise->addResult(std::move(result));
            promise->finish();
        });
        return future;
    }

    void send(std::shared_ptr<Call> call);
    void onAnswer(std::shared_ptr<Call> call, const Result<Connectors::HttpResponse> &answer);
    [[nodiscard]] QUrl apiUrl(const QString &path,
                              const QList<std::pair<QString, QString>> &query) const;
    [[nodiscard]] QList<std::pair<QString, QString>> queryItems(const BookingQuery &query) const;

    void getBooking(const QString &uid, Callback<Booking> done);
    void fetchPage(const BookingQuery &query, Callback<BookingPage> done);
    void collectPages(BookingQuery query, std::shared_ptr<BookingChanges> into,
                      Callback<BookingChanges> done);
    void postBookingAction(const QString &uid, const QString &action, QStringView version,
                           const QJsonObject &body, bool repeatable, Callback<Booking> done);
    void createAttempt(const QString &idempotencyKey, const QJsonObject &body,
                       const NewBooking &booking, int attempt, Callback<Booking> done);
    void findCreated(const QString &idempotencyKey, const NewBooking &booking,
                     Callback<std::optional<Booking>> done);
    void walkOrigin(std::shared_ptr<RescheduleOrigin> origin, const QString &uid,
                    Callback<RescheduleOrigin> done);

    CalcomClientSettings m_settings;
    QString m_apiKey;
    Connectors::HttpExecutor &m_executor;
    Connectors::RateLimiter &m_limiter;
    const Clock &m_clock;
};

} // namespace Concord::Calcom
