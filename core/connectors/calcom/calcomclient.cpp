#include "connectors/calcom/calcomclient.h"

#include "common/clock.h"
#include "common/config.h"
#include "common/logging.h"
#include "connectors/calcom/apierror.h"
#include "connectors/calcom/calcomjson_p.h"
#include "connectors/calcom/reschedulechains.h"
#include "connectors/http/httpexecutor.h"
#include "connectors/http/httpjob.h"
#include "connectors/http/ratelimiter.h"
#include "connectors/http/ratelimitpolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Concord::Calcom {

using Connectors::HttpJob;
using Connectors::HttpRequest;
using Connectors::HttpResponse;
using Connectors::RateLimiter;

namespace {

Error invalidArgument(const QString &message)
{
    return Error::make(ErrorCode::InvalidArgument, message);
}

QString encoded(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

// data of a success envelope that must be one booking; a recurring series
// (an array) is only accepted when it holds one booking.
Result<Booking> bookingFromData(const QByteArray &body)
{
    const Result<QJsonValue> data = dataOf(body);
    if (!data)
        return std::unexpected(data.error());
    if (data->isArray()) {
        const QJsonArray list = data->toArray();
        if (list.size() != 1)
            return fail(ErrorCode::Unsupported,
                        u"the uid names a recurring series of %1 bookings, not one booking"_s.arg(
                            list.size()));
        return Booking::fromJson(list.first().toObject());
    }
    if (!data->isObject())
        return fail(ErrorCode::RemoteValidation, u"Cal.com answered without a booking"_s);
    return Booking::fromJson(data->toObject());
}

template<typename T> Result<QList<T>> listFromData(const QByteArray &body)
{
    const Result<QJsonValue> data = dataOf(body);
    if (!data)
        return std::unexpected(data.error());
    if (!data->isArray())
        return fail(ErrorCode::RemoteValidation, u"Cal.com answered without a list"_s);
    QList<T> out;
    for (const QJsonValue &v : data->toArray()) {
        auto item = T::fromJson(v.toObject());
        if (!item)
            return std::unexpected(item.error());
        out.append(std::move(*item));
    }
    return out;
}

template<typename T> Result<T> objectFromData(const QByteArray &body)
{
    const Result<QJsonValue> data = dataOf(body);
    if (!data)
        return std::unexpected(data.error());
    if (!data->isObject())
        return fail(ErrorCode::RemoteValidation, u"Cal.com answered without an object"_s);
    return T::fromJson(data->toObject());
}

} // namespace

// --- settings ----------------------------------------------------------------

Connectors::RetryPolicy CalcomClientSettings::defaultNetworkRetry()
{
    Connectors::RetryPolicy policy;
    policy.maxAttempts = 4;
    policy.initialDelay = 1s;
    policy.multiplier = 4;
    policy.maxDelay = 20s;
    policy.jitter = 0.2;
    policy.retryOn = { ErrorCode::Network };
    return policy;
}

CalcomClientSettings CalcomClientSettings::fromConfig(const Config &config)
{
    CalcomClientSettings settings;
    settings.baseUrl = config.calcomBaseUrl;
    return settings;
}

// --- one logical request ------------------------------------------------------

struct CalcomClient::Call {
    QByteArray method = QByteArrayLiteral("GET");
    QString path; // below /v2/
    QList<std::pair<QString, QString>> query;
    QByteArray body;
    QString apiVersion; // empty: no cal-api-version header
    // Re-sending cannot change the outcome (GET, cancel, confirm, …).
    bool repeatable = true;
    int networkFailures = 0;
    int throttles = 0;
    Callback<HttpResponse> done;
};

CalcomClient::CalcomClient(CalcomClientSettings settings, QString apiKey,
                           Connectors::HttpExecutor &executor, RateLimiter &rateLimiter,
                           const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_apiKey(std::move(apiKey))
    , m_executor(executor)
    , m_limiter(rateLimiter)
    , m_clock(clock)
{
    m_limiter.setPolicy(m_settings.rateLimitKey, Connectors::RateLimitPolicy::calcom());
}

CalcomClient::~CalcomClient() = default;

QUrl CalcomClient::apiUrl(const QString &path,
                          const QList<std::pair<QString, QString>> &query) const
{
    QUrl url = m_settings.baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    // A base URL written with /v2 (as Cal.com's docs print it) works too.
    if (basePath.endsWith(u"/v2"_s))
        basePath.chop(3);
    url.setPath(basePath + u"/v2/"_s + path);
    QByteArray text;
    for (const auto &[name, value] : query) {
        if (!text.isEmpty())
            text += '&';
        text += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    if (!text.isEmpty())
        url.setQuery(QString::fromLatin1(text), QUrl::StrictMode);
    return url;
}

void CalcomClient::send(std::shared_ptr<Call> call)
{
    if (m_apiKey.isEmpty()) {
        call->done(
            fail(ErrorCode::InvalidConfig, u"no Cal.com API key is set (secret CALCOM_API_KEY)"_s));
        return;
    }
    m_limiter.acquire(
        m_settings.rateLimitKey, QString(), this, [this, call](RateLimiter::Permit permit) {
            auto held = std::make_shared<RateLimiter::Permit>(std::move(permit));
            HttpRequest request;
            request.method = call->method;
            request.url = apiUrl(call->path, call->query);
            request.headers.set("Accept", "application/json");
            request.headers.set("Authorization", "Bearer " + m_apiKey.toUtf8());
            if (!call->apiVersion.isEmpty())
                request.headers.set("cal-api-version", call->apiVersion.toLatin1());
            if (call->method != "GET")
                request.headers.set("Content-Type", "application/json");
            request.body = call->body;
            request.timeout = m_settings.requestTimeout;
            request.statusHandling = Connectors::StatusHandling::Raw; // the envelope is read here
            qCDebug(lcCalcom).noquote() << QString::fromLatin1(call->method) << call->path;
            HttpJob *job = m_executor.start(std::move(request));
            connect(job, &HttpJob::finished, this,
                    [this, call, held](const Result<HttpResponse> &answer) {
                        held->release();
                        onAnswer(call, answer);
                    });
        });
}

void CalcomClient::onAnswer(std::shared_ptr<Call> call, const Result<HttpResponse> &answer)
{
    Error error;
    if (answer) {
        if (answer->isSuccess()) {
            call->done(*answer);
            return;
        }
        error = errorFromResponse(answer->status, answer->body, answer->headers, m_clock.nowUtc(),
                                  answer->requestId());
    } else {
        error = answer.error();
    }

    switch (error.code) {
    case ErrorCode::Network:
        if (call->repeatable) {
            ++call->networkFailures;
            if (const auto delay =
                    m_settings.networkRetry.nextDelay(error, call->networkFailures)) {
                qCInfo(lcCalcom).noquote()
                    << call->path << "failed:" << error.message << "- retry"
                    << call->networkFailures << "in" << delay->count() << "ms";
                QTimer::singleShot(*delay, this, [this, call] { send(call); });
                return;
            }
        }
        break;
    case ErrorCode::Throttled:
        if (call->throttles < m_settings.maxThrottleRetries) {
            ++call->throttles;
            qCInfo(lcCalcom) << "throttled; pausing" << error.retryAfterMs << "ms";
            m_limiter.reportThrottled(m_settings.rateLimitKey, error);
            send(call);
            return;
        }
        break;
    default:
        break;
    }
    call->done(std::unexpected(std::move(error)));
}

// --- staff, services ------------------------------------------------------------

QFuture<Result<Profile>> CalcomClient::me()
{
    return start<Profile>([this](Callback<Profile> done) {
        auto call = std::make_shared<Call>();
        call->path = u"me"_s;
        call->done = [done](Result<HttpResponse> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done(objectFromData<Profile>(r->body));
        };
        send(call);
    });
}

QFuture<Result<QList<EventType>>> CalcomClient::eventTypes()
{
    return start<QList<EventType>>([this](Callback<QList<EventType>> done) {
        auto call = std::make_shared<Call>();
        call->path = u"event-types"_s;
        call->apiVersion = ApiVersion::EventTypes.toString();
        call->done = [done](Result<HttpResponse> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done(listFromData<EventType>(r->body));
        };
        send(call);
    });
}

QFuture<Result<EventType>> CalcomClient::eventType(qint64 id)
{
    return start<EventType>([this, id](Callback<EventType> done) {
        if (id <= 0)
            return done(std::unexpected(invalidArgument(u"Cal.com: no event type id given"_s)));
        auto call = std::make_shared<Call>();
        call->path = u"event-types/%1"_s.arg(id);
        call->apiVersion = ApiVersion::EventTypes.toString();
        call->done = [done](Result<HttpResponse> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done(objectFromData<EventType>(r->body));
        };
        send(call);
    });
}

QFuture<Result<QList<Team>>> CalcomClient::teams()
{
    return start<QList<Team>>([this](Callback<QList<Team>> done) {
        auto call = std::make_shared<Call>();
        call->path = u"teams"_s;
        call->done = [done](Result<HttpResponse> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done(listFromData<Team>(r->body));
        };
        send(call);
    });
}

QFuture<Result<QList<TeamMembership>>> CalcomClient::teamMembers(qint64 teamId)
{
    return start<QList<TeamMembership>>([this, teamId](Callback<QList<TeamMembership>> done) {
        if (teamId <= 0)
            return done(std::unexpected(invalidArgument(u"Cal.com: no team id given"_s)));
        auto all = std::make_shared<QList<TeamMembership>>();
        auto next = std::make_shared<std::function<void(int)>>();
        constexpr int kTake = 100;
        *next = [this, teamId, all, next, done](int skip) {
            auto call = std::make_shared<Call>();
            call->path = u"teams/%1/memberships"_s.arg(teamId);
            call->query = { { u"take"_s, QString::number(kTake) },
                            { u"skip"_s, QString::number(skip) } };
            call->done = [all, next, done, skip](Result<HttpResponse> r) {
                if (!r) {
                    *next = nullptr; // breaks the self-reference
                    return done(std::unexpected(r.error()));
                }
                auto page = listFromData<TeamMembership>(r->body);
                if (!page) {
                    *next = nullptr;
                    return done(std::unexpected(page.error()));
                }
                all->append(*page);
                if (page->size() < kTake) {
                    auto self = std::move(*next);
                    return done(*all);
                }
                (*next)(skip + kTake);
            };
            send(call);
        };
        (*next)(0);
    });
}

// --- bookings: reads ---------------------------------------------------------

QList<std::pair<QString, QString>> CalcomClient::queryItems(const BookingQuery &q) const
{
    QList<std::pair<QString, QString>> items;
    const auto text = [&items](const QString &name, const QString &value) {
        if (!value.isEmpty())
            items.append({ name, value });
    };
    const auto instant = [&items](const QString &name, const QDateTime &value) {
        if (value.isValid())
            items.append({ name, Internal::formatInstant(value) });
    };
    text(u"status"_s, q.status);
    text(u"attendeeEmail"_s, q.attendeeEmail);
    text(u"attendeeName"_s, q.attendeeName);
    text(u"bookingUid"_s, q.bookingUid);
    if (!q.eventTypeIds.isEmpty()) {
        QStringList ids;
        for (qint64 id : q.eventTypeIds)
            ids.append(QString::number(id));
        items.append({ u"eventTypeIds"_s, ids.join(u',') });
    }
    instant(u"afterStart"_s, q.afterStart);
    instant(u"beforeEnd"_s, q.beforeEnd);
    instant(u"afterCreatedAt"_s, q.afterCreatedAt);
    instant(u"beforeCreatedAt"_s, q.beforeCreatedAt);
    instant(u"afterUpdatedAt"_s, q.afterUpdatedAt);
    instant(u"beforeUpdatedAt"_s, q.beforeUpdatedAt);
    text(u"sortStart"_s, q.sortStart);
    text(u"sortEnd"_s, q.sortEnd);
    text(u"sortCreated"_s, q.sortCreated);
    text(u"sortUpdatedAt"_s, q.sortUpdatedAt);
    if (m_settings.paging == BookingPaging::Cursor) {
        items.append({ u"limit"_s, QString::number(q.limit) });
        text(u"cursor"_s, q.cursor);
    } else {
        items.append({ u"take"_s, QString::number(q.limit) });
        items.append({ u"skip"_s, QString::number(q.skip) });
    }
    return items;
}

void CalcomClient::fetchPage(const BookingQuery &query, Callback<BookingPage> done)
{
    if (query.limit < 1 || query.limit > 100)
        return done(std::unexpected(invalidArgument(u"Cal.com: a page holds 1 to 100 bookings"_s)));
    auto call = std::make_shared<Call>();
    call->path = u"bookings"_s;
    call->query = queryItems(query);
    call->apiVersion = (m_settings.paging == BookingPaging::Cursor ? ApiVersion::BookingsList
                                                                   : ApiVersion::BookingsOffset)
                           .toString();
    call->done = [done](Result<HttpResponse> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        done(BookingPage::fromResponse(r->body));
    };
    send(call);
}

QFuture<Result<BookingPage>> CalcomClient::bookingsPage(const BookingQuery &query)
{
    return start<BookingPage>(
        [this, query](Callback<BookingPage> done) { fetchPage(query, std::move(done)); });
}

void CalcomClient::collectPages(BookingQuery query, std::shared_ptr<BookingChanges> into,
                                Callback<BookingChanges> done)
{
    fetchPage(query, [this, query, into, done](Result<BookingPage> page) mutable {
        if (!page)
            return done(std::unexpected(page.error()));
        ++into->pages;
        into->bookings.append(page->bookings);
        if (!page->hasMore || page->bookings.isEmpty())
            return done(*into);
        if (m_settings.paging == BookingPaging::Cursor)
            query.cursor = page->nextCursor;
        else
            query.skip += int(page->bookings.size());
        collectPages(query, into, done);
    });
}

QFuture<Result<BookingChanges>> CalcomClient::bookingChangesSince(const QDateTime &since)
{
    return start<BookingChanges>([this, since](Callback<BookingChanges> done) {
        if (!since.isValid())
            return done(std::unexpected(invalidArgument(u"Cal.com: no 'since' instant given"_s)));
        auto collected = std::make_shared<BookingChanges>();
        BookingQuery updated;
        updated.afterUpdatedAt = since.toUTC();
        updated.sortUpdatedAt = u"asc"_s;
        updated.limit = m_settings.pageSize;
        // Merge by uid, keep the newest version, order by changedAt.
        // `updatedUntil`: how far the afterUpdatedAt read is known complete
        // (below).
        auto finish = [since, done](Result<BookingChanges> all, const QDateTime &updatedUntil) {
            if (!all)
                return done(std::unexpected(all.error()));
            QHash<QString, qsizetype> byUid;
            QList<Booking> unique;
            for (Booking &b : all->bookings) {
                const auto it = byUid.constFind(b.uid);
                if (it == byUid.cend()) {
                    byUid.insert(b.uid, unique.size());
                    unique.append(std::move(b));
                } else if (unique.at(*it).changedAt() < b.changedAt()) {
                    unique[*it] = std::move(b);
                }
            }
            std::stable_sort(unique.begin(), unique.end(), [](const Booking &a, const Booking &b) {
                return a.changedAt() < b.changedAt();
            });
            BookingChanges out;
            out.pages = all->pages;
            // Not the newest changedAt of everything read: the afterCreatedAt
            // pages come after the afterUpdatedAt pages, and a booking they
            // bring may have changed after the updated read ended — while an
            // older booking was updated in between, seen by neither read. A
            // cursor past that update would lose it for good (measured:
            // ~12 % of cancellations under bench_webhookload's load). The
            // updated read is complete up to the newest updatedAt it returned
            // (keyset pages in updatedAt order: a booking updated meanwhile
            // moves behind the cursor and is read later in the same pass), so
            // that is where the next poll starts; what the created read
            // brought beyond it is read again then (dedupe by uid + changedAt).
            // When the updated read returned nothing (a quiet account, or one
            // whose bookings were never updated: Cal.com leaves updatedAt
            // null until then), the newest changedAt seen, as before: else
            // never-updated bookings would be read again by every poll. The
            // window this leaves (an update landing between the two reads of
            // an otherwise quiet poll) is the same as before this rule.
            out.nextSince = since.toUTC();
            const QDateTime until = updatedUntil.isValid() ? updatedUntil : [&unique] {
                QDateTime newest;
                for (const Booking &b : std::as_const(unique)) {
                    if (b.changedAt().isValid() && (!newest.isValid() || b.changedAt() > newest))
                        newest = b.changedAt();
                }
                return newest;
            }();
            if (until.isValid() && until > out.nextSince)
                out.nextSince = until;
            out.bookings = std::move(unique);
            done(std::move(out));
        };
        auto newestUpdate = [](const QList<Booking> &bookings) {
            QDateTime newest;
            for (const Booking &b : bookings) {
                if (b.changedAt().isValid() && (!newest.isValid() || b.changedAt() > newest))
                    newest = b.changedAt();
            }
            return newest;
        };
        collectPages(updated, collected,
                     [this, since, collected, finish, newestUpdate](Result<BookingChanges> r) {
                         if (!r)
                             return finish(std::move(r), {});
                         const QDateTime updatedUntil = newestUpdate(r->bookings);
                         if (!m_settings.pollCreatedToo)
                             return finish(std::move(r), updatedUntil);
                         BookingQuery created;
                         created.afterCreatedAt = since.toUTC();
                         created.sortCreated = u"asc"_s;
                         created.limit = m_settings.pageSize;
                         collectPages(created, collected, [finish, updatedUntil](Result<BookingChanges> all) {
                             finish(std::move(all), updatedUntil);
                         });
                     });
    });
}

void CalcomClient::getBooking(const QString &uid, Callback<Booking> done)
{
    if (uid.trimmed().isEmpty())
        return done(std::unexpected(invalidArgument(u"Cal.com: no booking uid given"_s)));
    auto call = std::make_shared<Call>();
    call->path = u"bookings/"_s + encoded(uid);
    call->apiVersion = ApiVersion::Booking.toString();
    call->done = [done](Result<HttpResponse> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        done(bookingFromData(r->body));
    };
    send(call);
}

QFuture<Result<Booking>> CalcomClient::booking(const QString &uid)
{
    return start<Booking>(
        [this, uid](Callback<Booking> done) { getBooking(uid, std::move(done)); });
}

void CalcomClient::walkOrigin(std::shared_ptr<RescheduleOrigin> origin, const QString &uid,
                              Callback<RescheduleOrigin> done)
{
    getBooking(uid, [this, origin, done](Result<Booking> b) {
        if (!b)
            return done(std::unexpected(b.error()));
        origin->chain.prepend(b->uid);
        const QString from = b->rescheduledFromUid;
        if (from.isEmpty()) {
            origin->originUid = b->uid;
            return done(*origin);
        }
        if (origin->chain.contains(from) || origin->chain.size() >= RescheduleChains::kMaxChain)
            return done(fail(ErrorCode::RemoteValidation,
                             u"Cal.com's reschedule links of %1 loop or run too long"_s.arg(
                                 origin->chain.last())));
        walkOrigin(origin, from, done);
    });
}

QFuture<Result<RescheduleOrigin>> CalcomClient::rescheduleOrigin(const QString &uid)
{
    return start<RescheduleOrigin>([this, uid](Callback<RescheduleOrigin> done) {
        walkOrigin(std::make_shared<RescheduleOrigin>(), uid, std::move(done));
    });
}

// --- bookings: writes --------------------------------------------------------

QFuture<Result<Booking>> CalcomClient::createBooking(const QString &idempotencyKey,
                                                     const NewBooking &booking)
{
    return start<Booking>([this, idempotencyKey, booking](Callback<Booking> done) {
        if (idempotencyKey.isEmpty() || idempotencyKey.size() > 500)
            return done(std::unexpected(invalidArgument(
                u"Cal.com: a booking needs an idempotency key (≤ 500 characters)"_s)));
        if (booking.eventTypeId <= 0)
            return done(
                std::unexpected(invalidArgument(u"Cal.com: a booking needs an event type"_s)));
        if (!booking.start.isValid())
            return done(
                std::unexpected(invalidArgument(u"Cal.com: a booking needs a start time"_s)));
        if (booking.attendee.name.trimmed().isEmpty() || booking.attendee.timeZone.isEmpty())
            return done(std::unexpected(
                invalidArgument(u"Cal.com: the attendee needs a name and a time zone"_s)));
        QJsonObject attendee { { u"name"_s, booking.attendee.name },
                               { u"timeZone"_s, booking.attendee.timeZone } };
        if (!booking.attendee.email.isEmpty())
            attendee.insert(u"email"_s, booking.attendee.email);
        if (!booking.attendee.phoneNumber.isEmpty())
            attendee.insert(u"phoneNumber"_s, booking.attendee.phoneNumber);
        if (!booking.attendee.language.isEmpty())
            attendee.insert(u"language"_s, booking.attendee.language);
        QJsonObject metadata;
        for (auto it = booking.metadata.constBegin(); it != booking.metadata.constEnd(); ++it)
            metadata.insert(it.key(), it.value());
        metadata.insert(kIdempotencyMetadataKey.toString(), idempotencyKey);
        QJsonObject body { { u"start"_s, Internal::formatInstant(booking.start) },
                           { u"eventTypeId"_s, booking.eventTypeId },
                           { u"attendee"_s, attendee },
                           { u"metadata"_s, metadata } };
        if (!booking.guests.isEmpty())
            body.insert(u"guests"_s, QJsonArray::fromStringList(booking.guests));
        if (booking.lengthInMinutes)
            body.insert(u"lengthInMinutes"_s, *booking.lengthInMinutes);
        if (!booking.location.isEmpty())
            body.insert(u"location"_s, booking.location);
        if (!booking.bookingFieldsResponses.isEmpty())
            body.insert(u"bookingFieldsResponses"_s, booking.bookingFieldsResponses);
        createAttempt(idempotencyKey, body, booking, 1, std::move(done));
    });
}

void CalcomClient::createAttempt(const QString &idempotencyKey, const QJsonObject &body,
                                 const NewBooking &booking, int attempt, Callback<Booking> done)
{
    auto call = std::make_shared<Call>();
    call->method = QByteArrayLiteral("POST");
    call->path = u"bookings"_s;
    call->body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call->apiVersion = ApiVersion::Booking.toString();
    call->repeatable = false;
    call->done = [this, idempotencyKey, body, booking, attempt, done](Result<HttpResponse> r) {
        if (r)
            return done(bookingFromData(r->body));
        const Error error = r.error();
        if (error.code != ErrorCode::Network)
            return done(std::unexpected(error));
        // The booking may exist although the answer was lost: look first.
        findCreated(idempotencyKey, booking,
                    [this, idempotencyKey, body, booking, attempt, done,
                     error](Result<std::optional<Booking>> found) {
                        if (found && *found) {
                            qCInfo(lcCalcom)
                                << "a lost create had succeeded; using booking" << (*found)->uid;
                            return done(**found);
                        }
                        const auto delay = m_settings.networkRetry.nextDelay(error, attempt);
                        if (!delay)
                            return done(std::unexpected(error));
                        QTimer::singleShot(
                            *delay, this, [this, idempotencyKey, body, booking, attempt, done] {
                                createAttempt(idempotencyKey, body, booking, attempt + 1, done);
                            });
                    });
    };
    send(call);
}

void CalcomClient::findCreated(const QString &idempotencyKey, const NewBooking &booking,
                               Callback<std::optional<Booking>> done)
{
    BookingQuery query;
    query.attendeeEmail = booking.attendee.email;
    query.afterStart = booking.start.toUTC().addSecs(-60);
    query.beforeEnd = booking.start.toUTC().addDays(1);
    query.eventTypeIds = { booking.eventTypeId };
    query.limit = 100;
    auto into = std::make_shared<BookingChanges>();
    collectPages(query, into, [idempotencyKey, done](Result<BookingChanges> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        for (const Booking &b : std::as_const(r->bookings)) {
            if (b.metadata.value(kIdempotencyMetadataKey.toString()) == idempotencyKey)
                return done(std::optional<Booking>(b));
        }
        done(std::optional<Booking>());
    });
}

void CalcomClient::postBookingAction(const QString &uid, const QString &action, QStringView version,
                                     const QJsonObject &body, bool repeatable,
                                     Callback<Booking> done)
{
    if (uid.trimmed().isEmpty())
        return done(std::unexpected(invalidArgument(u"Cal.com: no booking uid given"_s)));
    auto call = std::make_shared<Call>();
    call->method = QByteArrayLiteral("POST");
    call->path = u"bookings/%1/%2"_s.arg(encoded(uid), action);
    call->body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call->apiVersion = version.toString();
    call->repeatable = repeatable;
    call->done = [done](Result<HttpResponse> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        done(bookingFromData(r->body));
    };
    send(call);
}

QFuture<Result<Booking>> CalcomClient::rescheduleBooking(const QString &uid,
                                                         const QDateTime &newStartUtc,
                                                         const QString &reason,
                                                         const QString &rescheduledBy)
{
    return start<Booking>([this, uid, newStartUtc, reason, rescheduledBy](Callback<Booking> done) {
        if (!newStartUtc.isValid())
            return done(
                std::unexpected(invalidArgument(u"Cal.com: a reschedule needs the new start"_s)));
        QJsonObject body { { u"start"_s, Internal::formatInstant(newStartUtc) } };
        if (!reason.isEmpty())
            body.insert(u"reschedulingReason"_s, reason);
        if (!rescheduledBy.isEmpty())
            body.insert(u"rescheduledBy"_s, rescheduledBy);
        auto attempt = std::make_shared<std::function<void(int)>>();
        *attempt = [this, uid, newStartUtc, body, done, attempt](int n) {
            postBookingAction(
                uid, u"reschedule"_s, ApiVersion::Booking, body, false,
                [this, uid, newStartUtc, done, attempt, n](Result<Booking> r) {
                    if (r
                        || (r.error().code != ErrorCode::Network
                            && r.error().code != ErrorCode::RemoteValidation)) {
                        *attempt = nullptr;
                        return done(std::move(r));
                    }
                    const Error error = r.error();
                    // Did an earlier attempt already move it there?
                    getBooking(
                        uid, [this, newStartUtc, done, attempt, n, error](Result<Booking> old) {
                            if (!old || old->rescheduledToUid.isEmpty()) {
                                const auto delay = error.code == ErrorCode::Network && old
                                        && old->status != BookingStatus::Cancelled
                                    ? m_settings.networkRetry.nextDelay(error, n)
                                    : std::nullopt;
                                if (!delay) {
                                    *attempt = nullptr;
                                    return done(std::unexpected(error));
                                }
                                QTimer::singleShot(*delay, this, [attempt, n] {
                                    if (*attempt)
                                        (*attempt)(n + 1);
                                });
                                return;
                            }
                            getBooking(old->rescheduledToUid,
                                       [done, attempt, newStartUtc, error](Result<Booking> moved) {
                                           *attempt = nullptr;
                                           if (moved && moved->start == newStartUtc.toUTC()) {
                                               qCInfo(lcCalcom)
                                                   << "booking was already rescheduled to"
                                                   << moved->uid;
                                               return done(std::move(moved));
                                           }
                                           done(std::unexpected(error));
                                       });
                        });
                });
        };
        (*attempt)(1);
    });
}

QFuture<Result<Booking>> CalcomClient::cancelBooking(const QString &uid, const QString &reason)
{
    return start<Booking>([this, uid, reason](Callback<Booking> done) {
        QJsonObject body;
        if (!reason.isEmpty())
            body.insert(u"cancellationReason"_s, reason);
        postBookingAction(uid, u"cancel"_s, ApiVersion::Booking, body, true,
                          [this, uid, done](Result<Booking> r) {
                              if (r || r.error().code != ErrorCode::RemoteValidation)
                                  return done(std::move(r));
                              const Error error = r.error();
                              getBooking(uid, [done, error](Result<Booking> now) {
                                  if (now && now->status == BookingStatus::Cancelled)
                                      return done(std::move(
                                          now)); // cancelled before (a retry, or by someone else)
                                  done(std::unexpected(error));
                              });
                          });
    });
}

QFuture<Result<Booking>> CalcomClient::confirmBooking(const QString &uid)
{
    return start<Booking>([this, uid](Callback<Booking> done) {
        postBookingAction(uid, u"confirm"_s, ApiVersion::BookingActions, {}, true,
                          [this, uid, done](Result<Booking> r) {
                              if (r || r.error().code != ErrorCode::RemoteValidation)
                                  return done(std::move(r));
                              const Error error = r.error();
                              getBooking(uid, [done, error](Result<Booking> now) {
                                  if (now && now->status == BookingStatus::Accepted)
                                      return done(std::move(now));
                                  done(std::unexpected(error));
                              });
                          });
    });
}

QFuture<Result<Booking>> CalcomClient::declineBooking(const QString &uid, const QString &reason)
{
    return start<Booking>([this, uid, reason](Callback<Booking> done) {
        QJsonObject body;
        if (!reason.isEmpty())
            body.insert(u"reason"_s, reason);
        postBookingAction(uid, u"decline"_s, ApiVersion::BookingActions, body, true,
                          [this, uid, done](Result<Booking> r) {
                              if (r || r.error().code != ErrorCode::RemoteValidation)
                                  return done(std::move(r));
                              const Error error = r.error();
                              getBooking(uid, [done, error](Result<Booking> now) {
                                  if (now && now->status == BookingStatus::Rejected)
                                      return done(std::move(now));
                                  done(std::unexpected(error));
                              });
                          });
    });
}

QFuture<Result<Booking>> CalcomClient::markAbsent(const QString &uid,
                                                  const QStringList &absentAttendeeEmails,
                                                  bool hostAbsent)
{
    return start<Booking>([this, uid, absentAttendeeEmails, hostAbsent](Callback<Booking> done) {
        if (absentAttendeeEmails.isEmpty() && !hostAbsent)
            return done(std::unexpected(
                invalidArgument(u"Cal.com: name an absent attendee or the host"_s)));
        QJsonArray attendees;
        for (const QString &email : absentAttendeeEmails)
            attendees.append(QJsonObject { { u"email"_s, email }, { u"absent"_s, true } });
        QJsonObject body { { u"host"_s, hostAbsent } };
        if (!attendees.isEmpty())
            body.insert(u"attendees"_s, attendees);
        postBookingAction(uid, u"mark-absent"_s, ApiVersion::BookingActions, body, true,
                          std::move(done));
    });
}

} // namespace Concord::Calcom
