#include "connectors/hubspot/hubspotclient.h"

#include "common/clock.h"
#include "common/config.h"
#include "common/logging.h"
#include "connectors/http/httpexecutor.h"
#include "connectors/http/httpjob.h"
#include "connectors/http/ratelimiter.h"
#include "connectors/http/ratelimitpolicy.h"
#include "connectors/oauth/tokenmanager.h"
#include "security/secretnames.h"
#include "security/secretstore.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Concord::HubSpot {

using Connectors::HttpJob;
using Connectors::HttpRequest;
using Connectors::HttpResponse;
using Connectors::RateLimiter;
using AccessToken = Connectors::OAuth::TokenManager::AccessToken;
using Query = QList<std::pair<QString, QString>>;

namespace {

const QString kSearchClass = u"search"_s;
const QString kLastModified = u"lastmodifieddate"_s;
const QString kObjectId = u"hs_object_id"_s;

// Runs `next` with the future's result on `context`'s thread, exactly once
// while `context` lives; a future abandoned by its producer is a Network error.
template<typename T>
void whenReady(QObject *context, QFuture<Result<T>> future, std::function<void(Result<T>)> next)
{
    auto *watcher = new QFutureWatcher<Result<T>>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, next = std::move(next)] {
        watcher->deleteLater();
        const QFuture<Result<T>> done = watcher->future();
        if (done.isCanceled() || done.resultCount() < 1) {
            next(fail(ErrorCode::Network, u"a credential request was abandoned"_s));
            return;
        }
        next(done.result());
    });
    watcher->setFuture(future);
}

Error invalidArgument(const QString &message)
{
    return Error::make(ErrorCode::InvalidArgument, message);
}

QString encoded(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

QByteArray compact(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

QString digitsOf(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c.isDigit())
            out.append(c);
    }
    return out;
}

// Same number: equal digits, or equal last 10 digits when both have ≥ 10
// (a country code written on one side only).
bool samePhone(const QString &wantedDigits, const QString &candidate)
{
    const QString digits = digitsOf(candidate);
    if (digits.isEmpty() || wantedDigits.isEmpty())
        return false;
    if (digits.size() >= 10 && wantedDigits.size() >= 10)
        return digits.right(10) == wantedDigits.right(10);
    return digits == wantedDigits;
}

QJsonArray inlineAssociations(const QList<std::pair<QString, int>> &associations)
{
    QJsonArray out;
    for (const auto &[toId, typeId] : associations) {
        out.append(QJsonObject{
            {u"to"_s, QJsonObject{{u"id"_s, toId}}},
            {u"types"_s, QJsonArray{QJsonObject{{u"associationCategory"_s, u"HUBSPOT_DEFINED"_s},
                                                {u"associationTypeId"_s, typeId}}}}});
    }
    return out;
}

std::function<void(Result<HttpResponse>)> asObject(HubSpotClient::Callback<CrmObject> done)
{
    return [done = std::move(done)](Result<HttpResponse> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        done(CrmObject::parse(r->body));
    };
}

} // namespace

// --- settings ---------------------------------------------------------------

Connectors::RetryPolicy HubSpotClientSettings::defaultNetworkRetry()
{
    Connectors::RetryPolicy policy;
    policy.maxAttempts = 4;
    policy.initialDelay = 1s;
    policy.multiplier = 4;
    policy.maxDelay = 20s;
    policy.jitter = 0.2;
    policy.retryOn = {ErrorCode::Network};
    return policy;
}

HubSpotClientSettings HubSpotClientSettings::fromConfig(const Config &config)
{
    HubSpotClientSettings settings;
    settings.baseUrl = config.hubspotBaseUrl;
    if (auto version = ApiVersion::parse(config.hubspotApiVersion))
        settings.apiVersion = *version; // Config::load validated it
    settings.burstPer10s = config.hubspotBurstLimit;
    return settings;
}

// --- one logical request --------------------------------------------------------

struct HubSpotClient::Call {
    QByteArray method = QByteArrayLiteral("GET");
    QString path;
    Query query;
    QByteArray body;
    QString rateClass;
    bool idempotent = true;

    int networkFailures = 0;
    int throttles = 0;
    bool authRetried = false;
    Callback<HttpResponse> done;
};

HubSpotClient::HubSpotClient(HubSpotClientSettings settings, Connectors::HttpExecutor &executor,
                             RateLimiter &rateLimiter, Connectors::OAuth::TokenManager &tokens, const Clock &clock,
                             QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_executor(executor), m_limiter(rateLimiter),
      m_tokens(&tokens), m_clock(clock)
{
    init();
}

HubSpotClient::HubSpotClient(HubSpotClientSettings settings, Connectors::HttpExecutor &executor,
                             RateLimiter &rateLimiter, Security::SecretStore &secrets, const Clock &clock,
                             QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_executor(executor), m_limiter(rateLimiter),
      m_secrets(&secrets), m_clock(clock)
{
    init();
}

HubSpotClient::~HubSpotClient() = default;

void HubSpotClient::init()
{
    m_settings.searchPageSize = std::clamp(m_settings.searchPageSize, 1, SearchRequest::kMaxLimit);
    m_settings.changeStreams = std::clamp(m_settings.changeStreams, 1, 16);
    m_limiter.setPolicy(m_settings.accountKey, Connectors::RateLimitPolicy::hubSpot(m_settings.burstPer10s));
}

QUrl HubSpotClient::url(const QString &path, const Query &query) const
{
    QUrl url = m_settings.baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path, QUrl::StrictMode);
    QByteArray text;
    for (const auto &[name, value] : query) {
        if (!text.isEmpty())
            text += '&';
        text += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value, ",");
    }
    if (!text.isEmpty())
        url.setQuery(QString::fromLatin1(text), QUrl::StrictMode);
    return url;
}

QString HubSpotClient::objectPath(const QString &type, const QString &id) const
{
    const QString base = m_settings.apiVersion.objectsPath(type);
    return id.isEmpty() ? base : base + u'/' + encoded(id);
}

void HubSpotClient::withToken(std::function<void(Result<QString>)> next)
{
    if (m_tokens) {
        whenReady<AccessToken>(this, m_tokens->accessToken(), [next = std::move(next)](Result<AccessToken> token) {
            if (!token)
                return next(std::unexpected(token.error()));
            next(token->value);
        });
        return;
    }
    if (!m_privateToken.isEmpty())
        return next(m_privateToken);
    const QString name = Security::SecretName::HubSpotToken.toString();
    whenReady<QString>(this, m_secrets->read(name), [this, next = std::move(next)](Result<QString> value) {
        if (!value) {
            Error error = value.error();
            if (error.code == ErrorCode::NotFound) {
                error = Error::make(ErrorCode::Unauthorized,
                                    u"no HubSpot private-app token: set HUBSPOT_TOKEN (concord-cli secrets set "
                                    "HUBSPOT_TOKEN, or CONCORD_HUBSPOT_TOKEN)"_s);
            }
            return next(std::unexpected(error));
        }
        m_privateToken = value->trimmed();
        next(m_privateToken);
    });
}

void HubSpotClient::afterUnauthorized(const QString &rejected, std::function<void(Result<QString>)> next)
{
    if (m_tokens) {
        whenReady<AccessToken>(this, m_tokens->refreshAfterUnauthorized(rejected),
                               [next = std::move(next)](Result<AccessToken> token) {
                                   if (!token)
                                       return next(std::unexpected(token.error()));
                                   next(token->value);
                               });
        return;
    }
    // A private-app token does not expire; it may have been rotated by an
    // admin since we read it. Read the secret again; the same value again
    // means the token itself is refused.
    m_privateToken.clear();
    withToken([rejected, next = std::move(next)](Result<QString> fresh) {
        if (fresh && *fresh == rejected)
            return next(fail(ErrorCode::Unauthorized,
                             u"HubSpot refused the private-app token (HUBSPOT_TOKEN): replace it"_s));
        next(std::move(fresh));
    });
}

void HubSpotClient::send(std::shared_ptr<Call> call)
{
    withToken([this, call](Result<QString> token) {
        if (!token)
            return call->done(std::unexpected(token.error()));
        m_limiter.acquire(m_settings.accountKey, call->rateClass, this,
                          [this, call, value = *token](RateLimiter::Permit permit) {
            auto held = std::make_shared<RateLimiter::Permit>(std::move(permit));
            HttpRequest request;
            request.method = call->method;
            request.url = url(call->path, call->query);
            request.headers.set("Accept", "application/json");
            request.headers.set("Authorization", "Bearer " + value.toUtf8());
            if (!call->body.isEmpty() || call->method == "POST" || call->method == "PUT"
                || call->method == "PATCH")
                request.headers.set("Content-Type", "application/json");
            request.body = call->body;
            request.timeout = m_settings.requestTimeout;
            request.rateClass = call->rateClass;
            // HubSpot's error envelope (and its 429 body) is read here.
            request.statusHandling = Connectors::StatusHandling::Raw;
            qCDebug(lcHubSpot).noquote() << QString::fromLatin1(call->method) << call->path;
            HttpJob *job = m_executor.start(std::move(request));
            connect(job, &HttpJob::finished, this, [this, call, held, value](const Result<HttpResponse> &answer) {
                held->release();
                onAnswer(call, answer, value);
            });
        });
    });
}

void HubSpotClient::onAnswer(std::shared_ptr<Call> call, Result<HttpResponse> answer, const QString &token)
{
    Error error;
    if (answer) {
        if (answer->isSuccess())
            return call->done(std::move(*answer));
        // Search 429s carry no rate-limit headers (A4); the search window is 1 s.
        const qint64 throttleWait = call->rateClass == kSearchClass ? 1000 : 10000;
        error = errorFromResponse(answer->status, answer->body, answer->headers, m_clock.nowUtc(), throttleWait);
    } else {
        error = answer.error();
    }

    switch (error.code) {
    case ErrorCode::Network:
        if (call->idempotent) {
            ++call->networkFailures;
            if (const auto delay = m_settings.networkRetry.nextDelay(error, call->networkFailures)) {
                qCInfo(lcHubSpot).noquote() << call->path << "failed:" << error.message << "- retry"
                                            << call->networkFailures << "in" << delay->count() << "ms";
                QTimer::singleShot(*delay, this, [this, call] { send(call); });
                return;
            }
        }
        break;
    case ErrorCode::Throttled:
        if (error.remoteCode.compare(u"DAILY"_s, Qt::CaseInsensitive) != 0
            && call->throttles < m_settings.maxThrottleRetries) {
            ++call->throttles;
            qCInfo(lcHubSpot).noquote() << "throttled" << (error.remoteCode.isEmpty() ? u"(no policy)"_s : error.remoteCode)
                                        << "on" << call->path << "- pausing" << error.retryAfterMs << "ms";
            m_limiter.reportThrottled(m_settings.accountKey, error);
            send(call);
            return;
        }
        break;
    case ErrorCode::Unauthorized:
        if (!call->authRetried) {
            call->authRetried = true;
            qCInfo(lcHubSpot) << "access token refused; getting a new one once";
            afterUnauthorized(token, [this, call, error](Result<QString> fresh) {
                if (!fresh) {
                    Error e = fresh.error();
                    if (e.httpStatus == 0)
                        e.httpStatus = error.httpStatus;
                    return call->done(std::unexpected(e));
                }
                send(call);
            });
            return;
        }
        break;
    default:
        break;
    }
    call->done(std::unexpected(std::move(error)));
}

void HubSpotClient::request(QByteArray method, const QString &path, const Query &query, QByteArray body,
                            bool idempotent, const QString &rateClass, Callback<HttpResponse> done)
{
    auto call = std::make_shared<Call>();
    call->method = std::move(method);
    call->path = path;
    call->query = query;
    call->body = std::move(body);
    call->idempotent = idempotent;
    call->rateClass = rateClass;
    call->done = std::move(done);
    send(std::move(call));
}

// --- objects ------------------------------------------------------------------

void HubSpotClient::getObject(const QString &type, const QString &id, const QStringList &properties,
                              const QString &idProperty, Callback<CrmObject> done)
{
    if (id.trimmed().isEmpty())
        return done(std::unexpected(invalidArgument(u"HubSpot: no %1 id given"_s.arg(type))));
    Query query;
    if (!properties.isEmpty())
        query.append({u"properties"_s, properties.join(u',')});
    if (!idProperty.isEmpty())
        query.append({u"idProperty"_s, idProperty});
    request("GET", objectPath(type, id.trimmed()), query, {}, true, {}, asObject(std::move(done)));
}

void HubSpotClient::postObject(const QString &type, const PropertyMap &properties,
                               const QList<std::pair<QString, int>> &associations, bool idempotent,
                               Callback<CrmObject> done)
{
    QJsonObject body{{u"properties"_s, propertiesJson(properties)}};
    if (!associations.isEmpty())
        body.insert(u"associations"_s, inlineAssociations(associations));
    request("POST", objectPath(type), {}, compact(body), idempotent, {}, asObject(std::move(done)));
}

void HubSpotClient::patchObject(const QString &type, const QString &id, const PropertyMap &properties,
                                const QString &idProperty, Callback<CrmObject> done)
{
    if (id.trimmed().isEmpty())
        return done(std::unexpected(invalidArgument(u"HubSpot: no %1 id given"_s.arg(type))));
    if (properties.isEmpty())
        return done(std::unexpected(invalidArgument(u"HubSpot: an update without properties"_s)));
    Query query;
    if (!idProperty.isEmpty())
        query.append({u"idProperty"_s, idProperty});
    // PATCH sets the same values again when repeated: safe to retry.
    request("PATCH", objectPath(type, id.trimmed()), query,
            compact(QJsonObject{{u"properties"_s, propertiesJson(properties)}}), true, {}, asObject(std::move(done)));
}

void HubSpotClient::runSearch(const QString &type, const SearchRequest &search, Callback<SearchPage> done)
{
    if (search.limit < 1 || search.limit > SearchRequest::kMaxLimit)
        return done(std::unexpected(invalidArgument(u"HubSpot search: limit must be 1…200"_s)));
    request("POST", objectPath(type) + u"/search"_s, {}, compact(search.toJson()), true, kSearchClass,
            [done = std::move(done)](Result<HttpResponse> r) {
                if (!r)
                    return done(std::unexpected(r.error()));
                done(SearchPage::parse(r->body));
            });
}

QFuture<Result<AccountInfo>> HubSpotClient::accountInfo()
{
    return start<AccountInfo>([this](Callback<AccountInfo> done) {
        request("GET", u"/account-info/v3/details"_s, {}, {}, true, {}, [done](Result<HttpResponse> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            const QJsonObject o = QJsonDocument::fromJson(r->body).object();
            const QJsonValue portal = o.value(u"portalId"_s);
            AccountInfo info;
            info.portalId = portal.isDouble() ? QString::number(portal.toInteger()) : portal.toString();
            if (info.portalId.isEmpty())
                return done(fail(ErrorCode::RemoteValidation, u"HubSpot sent account details without a portalId"_s));
            info.accountType = o.value(u"accountType"_s).toString();
            info.timeZone = o.value(u"timeZone"_s).toString();
            info.companyCurrency = o.value(u"companyCurrency"_s).toString();
            info.dataHostingLocation = o.value(u"dataHostingLocation"_s).toString();
            done(info);
        });
    });
}

QFuture<Result<CrmObject>> HubSpotClient::object(const QString &type, const QString &id,
                                                 const QStringList &properties, const QString &idProperty)
{
    return start<CrmObject>([=, this](Callback<CrmObject> done) { getObject(type, id, properties, idProperty, done); });
}

QFuture<Result<CrmObject>> HubSpotClient::createObject(const QString &type, const PropertyMap &properties,
                                                       const QList<std::pair<QString, int>> &associations)
{
    return start<CrmObject>([=, this](Callback<CrmObject> done) {
        postObject(type, properties, associations, false, done);
    });
}

QFuture<Result<CrmObject>> HubSpotClient::updateObject(const QString &type, const QString &id,
                                                       const PropertyMap &properties, const QString &idProperty)
{
    return start<CrmObject>([=, this](Callback<CrmObject> done) {
        patchObject(type, id, properties, idProperty, done);
    });
}

QFuture<Status> HubSpotClient::archiveObject(const QString &type, const QString &id)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    QFuture<Status> future = promise->future();
    auto finish = [promise](Status s) {
        promise->addResult(std::move(s));
        promise->finish();
    };
    if (id.trimmed().isEmpty()) {
        finish(std::unexpected(invalidArgument(u"HubSpot: no %1 id given"_s.arg(type))));
        return future;
    }
    auto call = std::make_shared<Call>();
    call->method = "DELETE";
    call->path = objectPath(type, id.trimmed());
    call->done = [call, finish](Result<HttpResponse> r) {
        // A lost answer to a DELETE that was carried out: the retry's 404 is success.
        if (!r && r.error().code == ErrorCode::NotFound && call->networkFailures > 0)
            return finish(Status());
        if (!r)
            return finish(std::unexpected(r.error()));
        finish(Status());
    };
    send(call);
    return future;
}

QFuture<Result<SearchPage>> HubSpotClient::search(const QString &type, const SearchRequest &request)
{
    return start<SearchPage>([=, this](Callback<SearchPage> done) { runSearch(type, request, done); });
}

// --- contacts -------------------------------------------------------------------

QFuture<Result<Contact>> HubSpotClient::contact(const QString &id)
{
    return start<Contact>([=, this](Callback<Contact> done) {
        getObject(ObjectType::Contacts, id, Contact::defaultProperties(), {}, [done](Result<CrmObject> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done(Contact::fromObject(*r));
        });
    });
}

QFuture<Result<Contact>> HubSpotClient::contactByEmail(const QString &email)
{
    return start<Contact>([=, this](Callback<Contact> done) {
        if (!email.contains(u'@'))
            return done(std::unexpected(invalidArgument(u"HubSpot: '%1' is not an email address"_s.arg(email))));
        getObject(ObjectType::Contacts, email.trimmed(), Contact::defaultProperties(), u"email"_s,
                  [done](Result<CrmObject> r) {
                      if (!r)
                          return done(std::unexpected(r.error()));
                      done(Contact::fromObject(*r));
                  });
    });
}

QFuture<Result<Contact>> HubSpotClient::resolveContact(const QString &id)
{
    return start<Contact>([=, this](Callback<Contact> done) {
        getObject(ObjectType::Contacts, id, Contact::defaultProperties(), {}, [this, id, done](Result<CrmObject> r) {
            if (r)
                return done(Contact::fromObject(*r));
            if (r.error().code != ErrorCode::NotFound)
                return done(std::unexpected(r.error()));
            // Merged away and not served any more: the survivor lists it.
            SearchRequest search;
            search.filterGroups = {{Filter::containsToken(u"hs_merged_object_ids"_s, id)}};
            search.properties = Contact::defaultProperties();
            search.limit = 10;
            const Error notFound = r.error();
            runSearch(ObjectType::Contacts, search, [id, done, notFound](Result<SearchPage> page) {
                if (!page)
                    return done(std::unexpected(page.error()));
                for (const CrmObject &o : std::as_const(page->results)) {
                    const Contact c = Contact::fromObject(o);
                    if (c.mergedObjectIds.contains(id)) {
                        qCInfo(lcHubSpot) << "contact" << id << "was merged into" << c.id;
                        return done(c);
                    }
                }
                done(std::unexpected(notFound));
            });
        });
    });
}

QFuture<Result<ContactWrite>> HubSpotClient::createContact(const PropertyMap &properties)
{
    return start<ContactWrite>([=, this](Callback<ContactWrite> done) {
        if (properties.isEmpty())
            return done(std::unexpected(invalidArgument(u"HubSpot: a contact needs properties"_s)));
        const bool keyed = !properties.value(u"email"_s).trimmed().isEmpty();
        postObject(ObjectType::Contacts, properties, {}, keyed, [this, done](Result<CrmObject> r) {
            if (r)
                return done(ContactWrite{Contact::fromObject(*r), false});
            if (r.error().code != ErrorCode::Conflict)
                return done(std::unexpected(r.error()));
            const std::optional<QString> existing = existingIdFromConflict(r.error().message);
            if (!existing)
                return done(std::unexpected(r.error()));
            qCInfo(lcHubSpot) << "contact already in HubSpot as" << *existing;
            getObject(ObjectType::Contacts, *existing, Contact::defaultProperties(), {},
                      [done](Result<CrmObject> found) {
                          if (!found)
                              return done(std::unexpected(found.error()));
                          done(ContactWrite{Contact::fromObject(*found), true});
                      });
        });
    });
}

QFuture<Result<Contact>> HubSpotClient::updateContact(const QString &id, const PropertyMap &properties)
{
    return start<Contact>([=, this](Callback<Contact> done) {
        patchObject(ObjectType::Contacts, id, properties, {}, [done](Result<CrmObject> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done(Contact::fromObject(*r));
        });
    });
}

void HubSpotClient::findContacts(const SearchRequest &search, std::function<bool(const Contact &)> keep,
                                 Callback<QList<Contact>> done)
{
    runSearch(ObjectType::Contacts, search, [keep, done](Result<SearchPage> page) {
        if (!page)
            return done(std::unexpected(page.error()));
        QList<Contact> out;
        for (const CrmObject &o : std::as_const(page->results)) {
            const Contact c = Contact::fromObject(o);
            if (keep(c))
                out.append(c);
        }
        std::sort(out.begin(), out.end(), [](const Contact &a, const Contact &b) {
            return a.id.size() != b.id.size() ? a.id.size() < b.id.size() : a.id < b.id;
        });
        done(out);
    });
}

QFuture<Result<QList<Contact>>> HubSpotClient::findContactsByEmail(const QString &email)
{
    return start<QList<Contact>>([=, this](Callback<QList<Contact>> done) {
        const QString wanted = email.trimmed();
        if (!wanted.contains(u'@'))
            return done(std::unexpected(invalidArgument(u"HubSpot: '%1' is not an email address"_s.arg(email))));
        SearchRequest search;
        search.filterGroups = {{Filter::eq(u"email"_s, wanted)},
                               {Filter::containsToken(u"hs_additional_emails"_s, wanted)}};
        search.properties = Contact::defaultProperties();
        search.limit = 100;
        findContacts(search, [wanted](const Contact &c) {
            if (c.email.compare(wanted, Qt::CaseInsensitive) == 0)
                return true;
            return std::any_of(c.additionalEmails.cbegin(), c.additionalEmails.cend(), [&](const QString &e) {
                return e.compare(wanted, Qt::CaseInsensitive) == 0;
            });
        }, done);
    });
}

QFuture<Result<QList<Contact>>> HubSpotClient::findContactsByPhone(const QString &phone)
{
    return start<QList<Contact>>([=, this](Callback<QList<Contact>> done) {
        const QString digits = digitsOf(phone);
        if (digits.size() < 7)
            return done(std::unexpected(invalidArgument(u"HubSpot: '%1' is not a phone number"_s.arg(phone))));
        const QString national = digits.size() >= 10 ? digits.right(10) : digits;
        SearchRequest search;
        search.filterGroups = {{Filter::eq(u"phone"_s, phone.trimmed())},
                               {Filter::eq(u"mobilephone"_s, phone.trimmed())},
                               {Filter::eq(u"hs_searchable_calculated_phone_number"_s, national)},
                               {Filter::eq(u"hs_searchable_calculated_mobile_number"_s, national)}};
        search.properties = Contact::defaultProperties();
        search.limit = 100;
        findContacts(search, [digits](const Contact &c) {
            return samePhone(digits, c.phone) || samePhone(digits, c.mobilePhone)
                || samePhone(digits, c.calculatedPhone);
        }, done);
    });
}

// --- change reads ---------------------------------------------------------------

struct HubSpotClient::ChangeRead {
    QHash<QString, Contact> byId;
    int requests = 0;
    int narrowed = 0;
    bool failed = false;
};

SearchRequest HubSpotClient::changeQuery(qint64 lo, qint64 hi) const
{
    SearchRequest search;
    search.filterGroups = {{Filter::gte(kLastModified, QString::number(lo)), Filter::lt(kLastModified, QString::number(hi))}};
    search.sorts = {{kLastModified, true}};
    search.properties = Contact::defaultProperties();
    search.limit = m_settings.searchPageSize;
    return search;
}

QFuture<Result<ContactChanges>> HubSpotClient::contactChanges(const QDateTime &since, const QDateTime &until)
{
    return start<ContactChanges>([=, this](Callback<ContactChanges> done) {
        if (!since.isValid())
            return done(std::unexpected(invalidArgument(u"HubSpot changes: no start time"_s)));
        const QDateTime end = until.isValid()
            ? until.toUTC()
            : m_clock.nowUtc().addMSecs(-qint64(m_settings.searchIndexLag.count()));
        ContactChanges changes;
        changes.since = since.toUTC();
        changes.until = end;
        const qint64 lo = since.toMSecsSinceEpoch();
        const qint64 hi = end.toMSecsSinceEpoch();
        if (hi <= lo)
            return done(changes);

        auto read = std::make_shared<ChangeRead>();
        const int streams = int(std::min<qint64>(m_settings.changeStreams, hi - lo));
        auto pending = std::make_shared<int>(streams);
        auto firstError = std::make_shared<std::optional<Error>>();
        auto finished = [read, pending, firstError, changes, done](Status s) mutable {
            if (!s && !*firstError) {
                *firstError = s.error();
                read->failed = true; // the other slices stop at their next page
            }
            if (--*pending > 0)
                return;
            if (*firstError)
                return done(std::unexpected(**firstError));
            changes.contacts = read->byId.values();
            std::sort(changes.contacts.begin(), changes.contacts.end(), [](const Contact &a, const Contact &b) {
                if (a.lastModifiedAt != b.lastModifiedAt)
                    return a.lastModifiedAt < b.lastModifiedAt;
                return a.id.size() != b.id.size() ? a.id.size() < b.id.size() : a.id < b.id;
            });
            changes.searchRequests = read->requests;
            changes.narrowedSlices = read->narrowed;
            done(changes);
        };
        // Equal time slices read concurrently; the limiter queues their pages.
        for (int i = 0; i < streams; ++i) {
            const qint64 sliceLo = lo + (hi - lo) * i / streams;
            const qint64 sliceHi = lo + (hi - lo) * (i + 1) / streams;
            readWindow(read, sliceLo, sliceHi, finished);
        }
    });
}

// Keyset paging over [lo, hi): each page is a new query from the last instant seen.
void HubSpotClient::readWindow(std::shared_ptr<ChangeRead> read, qint64 lo, qint64 hi,
                               std::function<void(Status)> done)
{
    if (read->failed)
        return done(Status());
    if (lo >= hi)
        return done(Status());
    ++read->requests;
    runSearch(ObjectType::Contacts, changeQuery(lo, hi), [this, read, lo, hi, done](Result<SearchPage> page) {
        if (!page)
            return done(std::unexpected(page.error()));
        qint64 last = lo;
        for (const CrmObject &o : std::as_const(page->results)) {
            const Contact c = Contact::fromObject(o);
            const qint64 at = c.lastModifiedAt.toMSecsSinceEpoch();
            if (!c.lastModifiedAt.isValid() || at < lo || at >= hi)
                return done(fail(ErrorCode::RemoteValidation,
                                 u"HubSpot returned contact %1 outside the lastmodifieddate window asked for"_s.arg(c.id)));
            read->byId.insert(c.id, c);
            last = std::max(last, at);
        }
        if (page->results.size() < m_settings.searchPageSize || page->total <= page->results.size())
            return done(Status()); // the window is exhausted
        if (last > lo)
            return readWindow(read, last, hi, done);
        // A whole page within one millisecond: keyset on the instant cannot
        // move on. Read that millisecond by id, then go on after it.
        ++read->narrowed;
        readMillisecond(read, lo, QString(), [this, read, lo, hi, done](Status s) {
            if (!s)
                return done(s);
            readWindow(read, lo + 1, hi, done);
        });
    });
}

// More than a page of contacts within one millisecond: keyset by id inside it.
void HubSpotClient::readMillisecond(std::shared_ptr<ChangeRead> read, qint64 at, const QString &afterId,
                                    std::function<void(Status)> done)
{
    if (read->failed)
        return done(Status());
    SearchRequest search = changeQuery(at, at + 1);
    if (!afterId.isEmpty())
        search.filterGroups.first().append({kObjectId, FilterOperator::Gt, afterId, {}, {}});
    search.sorts = {{kObjectId, true}};
    ++read->requests;
    runSearch(ObjectType::Contacts, search, [this, read, at, afterId, done](Result<SearchPage> page) {
        if (!page)
            return done(std::unexpected(page.error()));
        QString last = afterId;
        qint64 lastNumber = afterId.isEmpty() ? -1 : afterId.toLongLong();
        for (const CrmObject &o : std::as_const(page->results)) {
            read->byId.insert(o.id, Contact::fromObject(o));
            const qint64 n = o.id.toLongLong();
            if (n > lastNumber) {
                lastNumber = n;
                last = o.id;
            }
        }
        if (page->results.size() < m_settings.searchPageSize || page->total <= page->results.size())
            return done(Status());
        if (last == afterId)
            return done(fail(ErrorCode::RemoteValidation,
                             u"HubSpot did not order contacts by hs_object_id as asked"_s));
        readMillisecond(read, at, last, done);
    });
}

// --- batches --------------------------------------------------------------------

void HubSpotClient::runBatch(const QString &type, const QString &action, QList<QJsonObject> inputs,
                             const QJsonObject &extra, bool idempotent, int from, std::shared_ptr<BatchResult> sofar,
                             Callback<BatchResult> done)
{
    if (from >= inputs.size())
        return done(*sofar);
    QJsonArray chunk;
    for (int i = from; i < std::min<int>(int(inputs.size()), from + kBatchLimit); ++i)
        chunk.append(inputs.at(i));
    QJsonObject body = extra;
    body.insert(u"inputs"_s, chunk);
    request("POST", objectPath(type) + u"/batch/"_s + action, {}, compact(body), idempotent, {},
            [this, type, action, inputs, extra, idempotent, from, sofar, done](Result<HttpResponse> r) {
                if (!r)
                    return done(std::unexpected(r.error()));
                auto parsed = BatchResult::parse(r->body);
                if (!parsed)
                    return done(std::unexpected(parsed.error()));
                sofar->append(*parsed);
                runBatch(type, action, inputs, extra, idempotent, from + kBatchLimit, sofar, done);
            });
}

QFuture<Result<BatchResult>> HubSpotClient::batchReadContacts(const QStringList &ids, const QString &idProperty)
{
    return start<BatchResult>([=, this](Callback<BatchResult> done) {
        if (ids.isEmpty())
            return done(BatchResult{u"COMPLETE"_s, {}, {}, 0, {}, {}});
        QList<QJsonObject> inputs;
        for (const QString &id : ids)
            inputs.append(QJsonObject{{u"id"_s, id}});
        QJsonObject extra{{u"properties"_s, QJsonArray::fromStringList(Contact::defaultProperties())}};
        if (!idProperty.isEmpty())
            extra.insert(u"idProperty"_s, idProperty);
        runBatch(ObjectType::Contacts, u"read"_s, inputs, extra, true, 0, std::make_shared<BatchResult>(), done);
    });
}

QFuture<Result<BatchResult>> HubSpotClient::batchReadObjects(const QString &type, const QStringList &ids,
                                                            const QStringList &properties)
{
    return start<BatchResult>([=, this](Callback<BatchResult> done) {
        if (ids.isEmpty())
            return done(BatchResult{u"COMPLETE"_s, {}, {}, 0, {}, {}});
        QList<QJsonObject> inputs;
        for (const QString &id : ids)
            inputs.append(QJsonObject{{u"id"_s, id}});
        const QJsonObject extra{{u"properties"_s, QJsonArray::fromStringList(properties)}};
        runBatch(type, u"read"_s, inputs, extra, true, 0, std::make_shared<BatchResult>(), done);
    });
}

QFuture<Result<BatchResult>> HubSpotClient::batchCreateContacts(const QList<PropertyMap> &inputs)
{
    return start<BatchResult>([=, this](Callback<BatchResult> done) {
        if (inputs.isEmpty())
            return done(std::unexpected(invalidArgument(u"HubSpot: an empty batch"_s)));
        QList<QJsonObject> bodies;
        for (const PropertyMap &p : inputs)
            bodies.append(QJsonObject{{u"properties"_s, propertiesJson(p)}});
        // Not retried after a transient failure: part of it may exist (use upsert to be safe).
        runBatch(ObjectType::Contacts, u"create"_s, bodies, {}, false, 0, std::make_shared<BatchResult>(), done);
    });
}

QFuture<Result<BatchResult>> HubSpotClient::batchUpdateContacts(const QList<ContactUpdate> &inputs)
{
    return start<BatchResult>([=, this](Callback<BatchResult> done) {
        if (inputs.isEmpty())
            return done(std::unexpected(invalidArgument(u"HubSpot: an empty batch"_s)));
        QList<QJsonObject> bodies;
        for (const ContactUpdate &u : inputs) {
            if (u.id.isEmpty() || u.properties.isEmpty())
                return done(std::unexpected(invalidArgument(u"HubSpot: a batch update input needs an id and properties"_s)));
            bodies.append(QJsonObject{{u"id"_s, u.id}, {u"properties"_s, propertiesJson(u.properties)}});
        }
        runBatch(ObjectType::Contacts, u"update"_s, bodies, {}, true, 0, std::make_shared<BatchResult>(), done);
    });
}

QFuture<Result<BatchResult>> HubSpotClient::batchUpsertContacts(const QList<PropertyMap> &inputsWithEmail)
{
    return start<BatchResult>([=, this](Callback<BatchResult> done) {
        if (inputsWithEmail.isEmpty())
            return done(std::unexpected(invalidArgument(u"HubSpot: an empty batch"_s)));
        QList<QJsonObject> bodies;
        QSet<QString> seen;
        for (const PropertyMap &p : inputsWithEmail) {
            const QString email = p.value(u"email"_s).trimmed();
            if (!email.contains(u'@'))
                return done(std::unexpected(invalidArgument(u"HubSpot: every upsert input needs an email"_s)));
            // HubSpot refuses the whole batch when one email appears twice (A2).
            if (seen.contains(email.toLower()))
                return done(std::unexpected(invalidArgument(u"HubSpot: %1 appears twice in one upsert"_s.arg(email))));
            seen.insert(email.toLower());
            PropertyMap props = p;
            props.remove(u"email"_s); // the id says it
            bodies.append(QJsonObject{{u"id"_s, email}, {u"idProperty"_s, u"email"_s},
                                      {u"properties"_s, propertiesJson(props)}});
        }
        runBatch(ObjectType::Contacts, u"upsert"_s, bodies, {}, true, 0, std::make_shared<BatchResult>(), done);
    });
}

// --- merge, secondary emails -------------------------------------------------------

QFuture<Result<MergeResult>> HubSpotClient::mergeContacts(const QString &primaryId, const QString &idToMerge)
{
    return start<MergeResult>([=, this](Callback<MergeResult> done) {
        if (primaryId.isEmpty() || idToMerge.isEmpty() || primaryId == idToMerge)
            return done(std::unexpected(invalidArgument(u"HubSpot merge needs two different contact ids"_s)));
        const QJsonObject body{{u"primaryObjectId"_s, primaryId}, {u"objectIdToMerge"_s, idToMerge}};
        // Not repeated after a lost answer: the second merge would fail on
        // the merged-away id; resolveContact() finds out what happened.
        request("POST", objectPath(ObjectType::Contacts) + u"/merge"_s, {}, compact(body), false, {},
                [primaryId, idToMerge, done](Result<HttpResponse> r) {
                    if (!r)
                        return done(std::unexpected(r.error()));
                    auto object = CrmObject::parse(r->body);
                    if (!object)
                        return done(std::unexpected(object.error()));
                    MergeResult result{Contact::fromObject(*object), primaryId, idToMerge};
                    if (result.idChanged())
                        qCInfo(lcHubSpot) << "merge gave the survivor a new id:" << primaryId << "→"
                                          << result.survivor.id;
                    done(result);
                });
    });
}

QFuture<Status> HubSpotClient::addSecondaryEmail(const QString &contactId, const QString &email)
{
    return start<bool>([=, this](Callback<bool> done) {
        if (contactId.isEmpty() || !email.contains(u'@'))
            return done(std::unexpected(invalidArgument(u"HubSpot: a contact id and an email are needed"_s)));
        request("PUT", u"/contacts/v1/secondary-email/%1/email/%2"_s.arg(encoded(contactId), encoded(email.trimmed())),
                {}, {}, true, {}, [done](Result<HttpResponse> r) {
                    if (!r)
                        return done(std::unexpected(r.error()));
                    done(true);
                });
    }).then([](Result<bool> r) -> Status {
        if (!r)
            return std::unexpected(r.error());
        return {};
    });
}

QFuture<Status> HubSpotClient::removeSecondaryEmail(const QString &contactId, const QString &email)
{
    return start<bool>([=, this](Callback<bool> done) {
        if (contactId.isEmpty() || !email.contains(u'@'))
            return done(std::unexpected(invalidArgument(u"HubSpot: a contact id and an email are needed"_s)));
        request("DELETE", u"/contacts/v1/secondary-email/%1/email/%2"_s.arg(encoded(contactId), encoded(email.trimmed())),
                {}, {}, true, {}, [done](Result<HttpResponse> r) {
                    if (!r)
                        return done(std::unexpected(r.error()));
                    done(true);
                });
    }).then([](Result<bool> r) -> Status {
        if (!r)
            return std::unexpected(r.error());
        return {};
    });
}

// --- deals, notes, tasks ------------------------------------------------------------

QFuture<Result<QList<Pipeline>>> HubSpotClient::dealPipelines()
{
    return start<QList<Pipeline>>([this](Callback<QList<Pipeline>> done) {
        request("GET", u"/crm/v3/pipelines/deals"_s, {}, {}, true, {}, [done](Result<HttpResponse> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done(Pipeline::parseList(r->body));
        });
    });
}

QJsonObject PropertyDefinition::toCreateJson() const
{
    QJsonObject json{{u"name"_s, name}, {u"label"_s, label}, {u"type"_s, type}, {u"fieldType"_s, fieldType},
                     {u"groupName"_s, groupName}};
    if (!description.isEmpty())
        json.insert(u"description"_s, description);
    return json;
}

PropertyDefinition PropertyDefinition::fromJson(const QJsonObject &json)
{
    PropertyDefinition p;
    p.name = json.value(u"name"_s).toString();
    p.label = json.value(u"label"_s).toString();
    p.type = json.value(u"type"_s).toString();
    p.fieldType = json.value(u"fieldType"_s).toString();
    p.groupName = json.value(u"groupName"_s).toString();
    p.description = json.value(u"description"_s).toString();
    p.hubspotDefined = json.value(u"hubspotDefined"_s).toBool();
    return p;
}

QFuture<Result<QList<PropertyDefinition>>> HubSpotClient::listProperties(const QString &objectType)
{
    using List = QList<PropertyDefinition>;
    return start<List>([=, this](Callback<List> done) {
        if (objectType.trimmed().isEmpty())
            return done(std::unexpected(invalidArgument(u"HubSpot: which object type's properties?"_s)));
        request("GET", u"/crm/v3/properties/%1"_s.arg(encoded(objectType)), {}, {}, true, {},
                [done](Result<HttpResponse> r) {
                    if (!r)
                        return done(std::unexpected(r.error()));
                    const QJsonDocument doc = QJsonDocument::fromJson(r->body);
                    if (!doc.isObject() || !doc.object().value(u"results"_s).isArray())
                        return done(fail(ErrorCode::RemoteValidation, u"HubSpot sent properties Concord cannot read"_s,
                                         u"expected {\"results\":[…]}"_s));
                    List list;
                    for (const QJsonValue &v : doc.object().value(u"results"_s).toArray()) {
                        PropertyDefinition p = PropertyDefinition::fromJson(v.toObject());
                        if (!p.name.isEmpty())
                            list.append(std::move(p));
                    }
                    done(std::move(list));
                });
    });
}

QFuture<Result<PropertyWrite>> HubSpotClient::createProperty(const QString &objectType,
                                                             const PropertyDefinition &definition)
{
    return start<PropertyWrite>([=, this](Callback<PropertyWrite> done) {
        if (objectType.trimmed().isEmpty() || definition.name.isEmpty() || definition.label.isEmpty()
            || definition.groupName.isEmpty())
            return done(std::unexpected(
                invalidArgument(u"HubSpot: a property needs an object type, a name, a label and a group"_s)));
        request("POST", u"/crm/v3/properties/%1"_s.arg(encoded(objectType)), {},
                compact(definition.toCreateJson()), true, {}, [done, definition](Result<HttpResponse> r) {
                    if (!r) {
                        if (r.error().code == ErrorCode::Conflict)
                            return done(PropertyWrite{definition, true});
                        return done(std::unexpected(r.error()));
                    }
                    const QJsonDocument doc = QJsonDocument::fromJson(r->body);
                    PropertyDefinition created = PropertyDefinition::fromJson(doc.object());
                    if (created.name.isEmpty())
                        created = definition;
                    done(PropertyWrite{std::move(created), false});
                });
    });
}

QFuture<Result<Deal>> HubSpotClient::createDeal(const PropertyMap &properties, const QString &contactId)
{
    return start<Deal>([=, this](Callback<Deal> done) {
        for (const QString &required : {u"dealname"_s, u"pipeline"_s, u"dealstage"_s}) {
            if (properties.value(required).trimmed().isEmpty())
                return done(std::unexpected(invalidArgument(u"HubSpot: a deal needs %1"_s.arg(required))));
        }
        QList<std::pair<QString, int>> associations;
        if (!contactId.isEmpty())
            associations.append({contactId, AssociationTypeId::DealToContact});
        postObject(ObjectType::Deals, properties, associations, false, [done](Result<CrmObject> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done(Deal::fromObject(*r));
        });
    });
}

QFuture<Result<Deal>> HubSpotClient::deal(const QString &id)
{
    return start<Deal>([=, this](Callback<Deal> done) {
        getObject(ObjectType::Deals, id, Deal::defaultProperties(), {}, [done](Result<CrmObject> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done(Deal::fromObject(*r));
        });
    });
}

QFuture<Result<Deal>> HubSpotClient::updateDeal(const QString &id, const PropertyMap &properties)
{
    return start<Deal>([=, this](Callback<Deal> done) {
        patchObject(ObjectType::Deals, id, properties, {}, [done](Result<CrmObject> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done(Deal::fromObject(*r));
        });
    });
}

QFuture<Result<Note>> HubSpotClient::createNote(const QString &htmlBody, const QDateTime &timestamp,
                                                const QString &contactId)
{
    return start<Note>([=, this](Callback<Note> done) {
        if (!timestamp.isValid())
            return done(std::unexpected(invalidArgument(u"HubSpot: a note needs hs_timestamp"_s)));
        QList<std::pair<QString, int>> associations;
        if (!contactId.isEmpty())
            associations.append({contactId, AssociationTypeId::NoteToContact});
        postObject(ObjectType::Notes, {{u"hs_note_body"_s, htmlBody}, {u"hs_timestamp"_s, isoUtc(timestamp)}},
                   associations, false, [done](Result<CrmObject> r) {
                       if (!r)
                           return done(std::unexpected(r.error()));
                       done(Note::fromObject(*r));
                   });
    });
}

QFuture<Result<Task>> HubSpotClient::createTask(const TaskInput &task, const QString &contactId)
{
    return start<Task>([=, this](Callback<Task> done) {
        if (!task.dueAt.isValid() || task.subject.trimmed().isEmpty())
            return done(std::unexpected(invalidArgument(u"HubSpot: a task needs a subject and a due time"_s)));
        PropertyMap props{{u"hs_task_subject"_s, task.subject},
                          {u"hs_timestamp"_s, isoUtc(task.dueAt)},
                          {u"hs_task_status"_s, task.status},
                          {u"hs_task_priority"_s, task.priority},
                          {u"hs_task_type"_s, task.type}};
        if (!task.body.isEmpty())
            props.insert(u"hs_task_body"_s, task.body);
        if (!task.ownerId.isEmpty())
            props.insert(u"hubspot_owner_id"_s, task.ownerId);
        QList<std::pair<QString, int>> associations;
        if (!contactId.isEmpty())
            associations.append({contactId, AssociationTypeId::TaskToContact});
        postObject(ObjectType::Tasks, props, associations, false, [done](Result<CrmObject> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done(Task::fromObject(*r));
        });
    });
}

QFuture<Result<Task>> HubSpotClient::updateTask(const QString &id, const PropertyMap &properties)
{
    return start<Task>([=, this](Callback<Task> done) {
        patchObject(ObjectType::Tasks, id, properties, {}, [done](Result<CrmObject> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done(Task::fromObject(*r));
        });
    });
}

QFuture<Result<Task>> HubSpotClient::task(const QString &id)
{
    return start<Task>([=, this](Callback<Task> done) {
        getObject(ObjectType::Tasks, id, Task::defaultProperties(), {}, [done](Result<CrmObject> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done(Task::fromObject(*r));
        });
    });
}

// --- associations -----------------------------------------------------------------

namespace {
QString associationPath(const QString &fromType, const QString &fromId, const QString &toType)
{
    return u"/crm/v4/objects/%1/%2/associations/%3"_s.arg(encoded(fromType), encoded(fromId), encoded(toType));
}

QFuture<Status> asStatus(QFuture<Result<bool>> future)
{
    return future.then([](Result<bool> r) -> Status {
        if (!r)
            return std::unexpected(r.error());
        return {};
    });
}
} // namespace

QFuture<Status> HubSpotClient::associateDefault(const QString &fromType, const QString &fromId,
                                                const QString &toType, const QString &toId)
{
    return asStatus(start<bool>([=, this](Callback<bool> done) {
        if (fromId.isEmpty() || toId.isEmpty())
            return done(std::unexpected(invalidArgument(u"HubSpot: an association needs both ids"_s)));
        request("PUT", u"/crm/v4/objects/%1/%2/associations/default/%3/%4"_s.arg(encoded(fromType), encoded(fromId),
                                                                                  encoded(toType), encoded(toId)),
                {}, {}, true, {}, [done](Result<HttpResponse> r) {
                    if (!r)
                        return done(std::unexpected(r.error()));
                    done(true);
                });
    }));
}

QFuture<Status> HubSpotClient::associate(const QString &fromType, const QString &fromId, const QString &toType,
                                         const QString &toId, int associationTypeId)
{
    return asStatus(start<bool>([=, this](Callback<bool> done) {
        if (fromId.isEmpty() || toId.isEmpty() || associationTypeId <= 0)
            return done(std::unexpected(invalidArgument(u"HubSpot: an association needs both ids and a type"_s)));
        const QJsonArray body{QJsonObject{{u"associationCategory"_s, u"HUBSPOT_DEFINED"_s},
                                          {u"associationTypeId"_s, associationTypeId}}};
        request("PUT", associationPath(fromType, fromId, toType) + u'/' + encoded(toId), {}, compact(body), true, {},
                [done](Result<HttpResponse> r) {
                    if (!r)
                        return done(std::unexpected(r.error()));
                    done(true);
                });
    }));
}

QFuture<Result<QList<Association>>> HubSpotClient::associations(const QString &fromType, const QString &fromId,
                                                                const QString &toType)
{
    return start<QList<Association>>([=, this](Callback<QList<Association>> done) {
        if (fromId.isEmpty())
            return done(std::unexpected(invalidArgument(u"HubSpot: no %1 id given"_s.arg(fromType))));
        auto all = std::make_shared<QList<Association>>();
        auto page = std::make_shared<std::function<void(QString)>>();
        *page = [this, fromType, fromId, toType, all, page, done](const QString &after) {
            Query query{{u"limit"_s, u"500"_s}};
            if (!after.isEmpty())
                query.append({u"after"_s, after});
            request("GET", associationPath(fromType, fromId, toType), query, {}, true, {},
                    [all, page, done](Result<HttpResponse> r) {
                        if (!r) {
                            *page = nullptr; // break the cycle
                            return done(std::unexpected(r.error()));
                        }
                        const QJsonObject o = QJsonDocument::fromJson(r->body).object();
                        if (!o.value(u"results"_s).isArray()) {
                            *page = nullptr;
                            return done(fail(ErrorCode::RemoteValidation,
                                             u"HubSpot sent associations Concord cannot read"_s));
                        }
                        for (const QJsonValue &v : o.value(u"results"_s).toArray()) {
                            const QJsonObject a = v.toObject();
                            const QJsonValue to = a.value(u"toObjectId"_s);
                            Association association;
                            association.toObjectId = to.isDouble() ? QString::number(to.toInteger()) : to.toString();
                            for (const QJsonValue &t : a.value(u"associationTypes"_s).toArray()) {
                                const QJsonObject type = t.toObject();
                                association.types.append({type.value(u"category"_s).toString(),
                                                          type.value(u"typeId"_s).toInt(),
                                                          type.value(u"label"_s).toString()});
                            }
                            all->append(association);
                        }
                        const QString next =
                            o.value(u"paging"_s).toObject().value(u"next"_s).toObject().value(u"after"_s).toString();
                        if (next.isEmpty()) {
                            *page = nullptr;
                            return done(*all);
                        }
                        (*page)(next);
                    });
        };
        (*page)(QString());
    });
}

QFuture<Status> HubSpotClient::removeAssociations(const QString &fromType, const QString &fromId,
                                                  const QString &toType, const QString &toId)
{
    return asStatus(start<bool>([=, this](Callback<bool> done) {
        if (fromId.isEmpty() || toId.isEmpty())
            return done(std::unexpected(invalidArgument(u"HubSpot: an association needs both ids"_s)));
        request("DELETE", associationPath(fromType, fromId, toType) + u'/' + encoded(toId), {}, {}, true, {},
                [done](Result<HttpResponse> r) {
                    if (!r)
                        return done(std::unexpected(r.error()));
                    done(true);
                });
    }));
}

} // namespace Concord::HubSpot

// --- files (Files API v3) -----------------------------------------------------------

#include <QCryptographicHash>

namespace Concord::HubSpot {

namespace {
Result<HubSpotFile> parseFile(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return fail(ErrorCode::RemoteValidation, u"HubSpot sent a file Concord cannot read"_s);
    HubSpotFile f = HubSpotFile::fromJson(doc.object());
    if (f.id.isEmpty())
        return fail(ErrorCode::RemoteValidation, u"HubSpot sent a file without an id"_s);
    return f;
}
} // namespace

QFuture<Result<FilePage>> HubSpotClient::files(const FileQuery &query)
{
    return start<FilePage>([=, this](Callback<FilePage> done) {
        if (query.limit < 1 || query.limit > FileQuery::kMaxLimit)
            return done(std::unexpected(invalidArgument(u"HubSpot files: limit must be 1…100"_s)));
        request("GET", u"/files/v3/files/search"_s, query.toQuery(), {}, true, {}, [done](Result<HttpResponse> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done(FilePage::parse(r->body));
        });
    });
}

QFuture<Result<QList<HubSpotFile>>> HubSpotClient::allFiles(const QString &extension)
{
    using List = QList<HubSpotFile>;
    return start<List>([=, this](Callback<List> done) {
        auto sofar = std::make_shared<List>();
        auto next = std::make_shared<std::function<void(QString)>>();
        // The function holds itself only through the callbacks it hands out,
        // so the cycle ends with the last page.
        *next = [this, extension, sofar, done, weakNext = std::weak_ptr(next)](const QString &after) {
            FileQuery query;
            query.extension = extension;
            query.after = after;
            request("GET", u"/files/v3/files/search"_s, query.toQuery(), {}, true, {},
                    [sofar, done, next = weakNext.lock()](Result<HttpResponse> r) {
                        if (!r)
                            return done(std::unexpected(r.error()));
                        auto page = FilePage::parse(r->body);
                        if (!page)
                            return done(std::unexpected(page.error()));
                        for (HubSpotFile &f : page->results) {
                            if (!f.archived)
                                sofar->append(std::move(f));
                        }
                        if (page->nextAfter.isEmpty() || !next)
                            return done(std::move(*sofar));
                        (*next)(page->nextAfter);
                    });
        };
        (*next)(QString());
    });
}

QFuture<Result<HubSpotFile>> HubSpotClient::file(const QString &id)
{
    return start<HubSpotFile>([=, this](Callback<HubSpotFile> done) {
        if (id.trimmed().isEmpty())
            return done(std::unexpected(invalidArgument(u"HubSpot: no file id given"_s)));
        request("GET", u"/files/v3/files/%1"_s.arg(encoded(id.trimmed())), {}, {}, true, {},
                [done](Result<HttpResponse> r) {
                    if (!r)
                        return done(std::unexpected(r.error()));
                    done(parseFile(r->body));
                });
    });
}

QFuture<Result<SignedUrl>> HubSpotClient::fileSignedUrl(const QString &id)
{
    return start<SignedUrl>([=, this](Callback<SignedUrl> done) {
        if (id.trimmed().isEmpty())
            return done(std::unexpected(invalidArgument(u"HubSpot: no file id given"_s)));
        request("GET", u"/files/v3/files/%1/signed-url"_s.arg(encoded(id.trimmed())), {}, {}, true, {},
                [done](Result<HttpResponse> r) {
                    if (!r)
                        return done(std::unexpected(r.error()));
                    done(SignedUrl::parse(r->body));
                });
    });
}

QFuture<Result<QByteArray>> HubSpotClient::fileContent(const QString &id)
{
    return start<QByteArray>([=, this](Callback<QByteArray> done) {
        whenReady<SignedUrl>(this, fileSignedUrl(id), [this, id, done](Result<SignedUrl> link) {
            if (!link)
                return done(std::unexpected(link.error()));
            HttpRequest get = HttpRequest::get(QUrl(link->url));
            get.timeout = m_settings.requestTimeout;
            // The signed URL is its own credential: no Authorization header.
            HttpJob *job = m_executor.start(std::move(get));
            connect(job, &HttpJob::finished, this, [id, done](const Result<HttpResponse> &answer) {
                if (!answer)
                    return done(std::unexpected(answer.error()));
                if (!answer->isSuccess())
                    return done(fail(answer->status == 404 ? ErrorCode::NotFound : ErrorCode::RemoteValidation,
                                     u"HubSpot file %1 could not be read (HTTP %2)"_s.arg(id).arg(answer->status)));
                done(answer->body);
            });
        });
    });
}

QFuture<Result<QList<FileDigest>>> HubSpotClient::fileDigests(const QString &extension)
{
    using List = QList<FileDigest>;
    struct Scan {
        List digests;
        QHash<QString, qsizetype> byId;      // file id → index in digests
        QList<std::pair<QString, QString>> notes; // (note id, file id) naming a scanned file
        QSet<QString> notesSeen;
    };
    return start<List>([=, this](Callback<List> done) {
        auto scan = std::make_shared<Scan>();
        whenReady<QList<HubSpotFile>>(this, allFiles(extension), [this, scan, done](Result<QList<HubSpotFile>> files) {
            if (!files)
                return done(std::unexpected(files.error()));
            for (const HubSpotFile &f : *files) {
                scan->byId.insert(f.id, scan->digests.size());
                scan->digests.append(FileDigest{f, {}, {}, {}});
            }
            // Step 3: the records each note hangs on (contacts, then deals).
            auto attach = std::make_shared<std::function<void(qsizetype)>>();
            *attach = [this, scan, done, weak = std::weak_ptr(attach)](qsizetype i) {
                if (i >= scan->notes.size()) {
                    for (FileDigest &d : scan->digests) {
                        d.noteIds.removeDuplicates();
                        d.attachedTo.removeDuplicates();
                        d.attachedTo.sort();
                    }
                    return done(std::move(scan->digests));
                }
                const auto [noteId, fileId] = scan->notes.at(i);
                whenReady<QList<Association>>(
                    this, associations(u"notes"_s, noteId, u"contacts"_s),
                    [this, scan, done, self = weak.lock(), i, noteId, fileId](Result<QList<Association>> contacts) {
                        if (!contacts)
                            return done(std::unexpected(contacts.error()));
                        whenReady<QList<Association>>(
                            this, associations(u"notes"_s, noteId, u"deals"_s),
                            [scan, done, self, i, fileId, contacts = *contacts](Result<QList<Association>> deals) {
                                if (!deals)
                                    return done(std::unexpected(deals.error()));
                                FileDigest &d = scan->digests[scan->byId.value(fileId)];
                                for (const Association &a : contacts)
                                    d.attachedTo.append(u"contact "_s + a.toObjectId);
                                for (const Association &a : *deals)
                                    d.attachedTo.append(u"deal "_s + a.toObjectId);
                                (*self)(i + 1);
                            });
                    });
            };
            // Step 2: notes with attachments, every page.
            auto notes = std::make_shared<std::function<void(QString)>>();
            *notes = [this, scan, done, attach, weak = std::weak_ptr(notes)](const QString &after) {
                SearchRequest search;
                search.filterGroups = {{Filter{u"hs_attachment_ids"_s, FilterOperator::HasProperty, {}, {}, {}}}};
                search.properties = {u"hs_attachment_ids"_s};
                search.sorts = {{u"hs_object_id"_s, true}};
                search.limit = SearchRequest::kMaxLimit;
                search.after = after;
                runSearch(u"notes"_s, search, [scan, done, attach, next = weak.lock()](Result<SearchPage> page) {
                    if (!page)
                        return done(std::unexpected(page.error()));
                    for (const CrmObject &note : page->results) {
                        for (const QString &fileId : parseAttachmentIds(note.value(u"hs_attachment_ids"_s))) {
                            if (!scan->byId.contains(fileId))
                                continue;
                            scan->digests[scan->byId.value(fileId)].noteIds.append(note.id);
                            scan->notes.append({note.id, fileId});
                        }
                    }
                    if (!page->nextAfter.isEmpty() && next)
                        return (*next)(page->nextAfter);
                    (*attach)(0);
                });
            };
            // Step 1: each file's bytes, one at a time (a PDF each, not a stream of them).
            auto hash = std::make_shared<std::function<void(qsizetype)>>();
            *hash = [this, scan, done, notes, weak = std::weak_ptr(hash)](qsizetype i) {
                if (i >= scan->digests.size())
                    return (*notes)(QString());
                const QString id = scan->digests.at(i).file.id;
                whenReady<QByteArray>(this, fileContent(id), [scan, done, self = weak.lock(), i](Result<QByteArray> bytes) {
                    if (!bytes)
                        return done(std::unexpected(bytes.error()));
                    scan->digests[i].sha256Hex = QString::fromLatin1(
                        QCryptographicHash::hash(*bytes, QCryptographicHash::Sha256).toHex());
                    (*self)(i + 1);
                });
            };
            (*hash)(0);
        });
    });
}

} // namespace Concord::HubSpot
