#include "connectors/quickbooks/quickbooksclient.h"

#include "common/clock.h"
#include "common/config.h"
#include "common/logging.h"
#include "connectors/http/httpexecutor.h"
#include "connectors/http/httpjob.h"
#include "connectors/http/httpstatus.h"
#include "connectors/http/ratelimiter.h"
#include "connectors/http/ratelimitpolicy.h"
#include "connectors/oauth/tokenmanager.h"
#include "connectors/quickbooks/displayname.h"
#include "connectors/quickbooks/fault.h"
#include "connectors/quickbooks/requestid.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Concord::QuickBooks {

using Connectors::HttpJob;
using Connectors::HttpRequest;
using Connectors::HttpResponse;
using Connectors::RateLimiter;
using AccessToken = Connectors::OAuth::TokenManager::AccessToken;

namespace {

// Runs `next` with the future's result on `context`'s thread. A future that
// ends without a result (its producer went away) becomes a Network error, so
// `next` always runs exactly once while `context` lives.
template<typename T>
void whenReady(QObject *context, QFuture<Result<T>> future, std::function<void(Result<T>)> next)
{
    auto *watcher = new QFutureWatcher<Result<T>>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, next = std::move(next)] {
        watcher->deleteLater();
        const QFuture<Result<T>> done = watcher->future();
        if (done.isCanceled() || done.resultCount() < 1) {
            next(fail(ErrorCode::Network, u"the token request was abandoned"_s));
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

// QBO's text for a changedSince beyond the window is unverified
// (quickbooks.md §12); the emulator answers 4001 naming changedSince. Any
// query-validation refusal that names changedSince is taken as that.
bool isCdcWindowRefusal(const Error &error)
{
    return error.code == ErrorCode::RemoteValidation
        && (error.remoteCode == u"4001"_s || error.remoteCode == u"4000"_s)
        && (error.detail.contains(u"changedSince"_s, Qt::CaseInsensitive)
            || error.message.contains(u"changedSince"_s, Qt::CaseInsensitive));
}

QString stepName(int kind)
{
    switch (kind) {
    case 0: return u"update"_s;
    case 1: return u"void"_s;
    case 2: return u"delete"_s;
    default: return u"void-payment"_s;
    }
}

} // namespace

// --- settings ----------------------------------------------------------------

Connectors::RetryPolicy QuickBooksClientSettings::defaultNetworkRetry()
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

QuickBooksClientSettings QuickBooksClientSettings::fromConfig(const Config &config)
{
    QuickBooksClientSettings settings;
    settings.baseUrl = config.quickbooksBaseUrl;
    settings.realmId = config.quickbooksRealmId;
    settings.minorVersion = config.quickbooksMinorVersion;
    return settings;
}

// --- one logical request ------------------------------------------------------

struct QuickBooksClient::Call {
    QByteArray method = QByteArrayLiteral("GET");
    QString path; // below /v3/company/{realm}/
    QList<std::pair<QString, QString>> query;
    QByteArray body;
    QByteArray contentType;
    QByteArray accept = QByteArrayLiteral("application/json");
    QString requestId;
    QString rateClass;
    // GET, or a write with a requestid: re-sending cannot make a second record.
    bool idempotent = true;

    int networkFailures = 0;
    int throttles = 0;
    bool authRetried = false;
    Callback<HttpResponse> done;
};

QuickBooksClient::QuickBooksClient(QuickBooksClientSettings settings, Connectors::HttpExecutor &executor,
                                   RateLimiter &rateLimiter, Connectors::OAuth::TokenManager &tokens,
                                   const Clock &clock, QObject *parent)
    : QObject(parent),
      m_settings(std::move(settings)),
      m_executor(executor),
      m_limiter(rateLimiter),
      m_tokens(tokens),
      m_clock(clock)
{
    m_limiter.setPolicy(m_settings.realmId, Connectors::RateLimitPolicy::quickBooks());
}

QuickBooksClient::~QuickBooksClient() = default;

QString QuickBooksClient::requestIdFor(const QString &idempotencyKey, const QString &step,
                                       const QString &revision) const
{
    return QuickBooks::requestIdFor(m_settings.realmId, idempotencyKey, step, revision);
}

QString QuickBooksClient::segmentFor(QStringView entityName)
{
    return entityName.toString().toLower();
}

QFuture<Status> QuickBooksClient::startStatus(std::function<void(std::function<void(Status)>)> body)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    QFuture<Status> future = promise->future();
    body([promise](Status result) {
        promise->addResult(std::move(result));
        promise->finish();
    });
    return future;
}

QUrl QuickBooksClient::apiUrl(const QString &path, const QList<std::pair<QString, QString>> &query) const
{
    QUrl url = m_settings.baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + u"/v3/company/"_s + m_settings.realmId + u'/' + path);
    // Encoded by hand: QUrlQuery leaves '+' and '%' sequences alone, which a
    // server would read as a space or an escape inside a query statement.
    QByteArray encoded;
    auto add = [&encoded](const QString &name, const QString &value) {
        if (!encoded.isEmpty())
            encoded += '&';
        encoded += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    };
    for (const auto &[name, value] : query)
        add(name, value);
    add(u"minorversion"_s, QString::number(m_settings.minorVersion));
    url.setQuery(QString::fromLatin1(encoded), QUrl::StrictMode);
    return url;
}

void QuickBooksClient::send(std::shared_ptr<Call> call)
{
    if (!call->requestId.isEmpty())
        call->query.append({u"requestid"_s, call->requestId});
    dispatch(std::move(call));
}

// Token first (a refresh talks to the token endpoint, not the realm's
// budget), then the realm's grant, held until the answer is in.
void QuickBooksClient::dispatch(std::shared_ptr<Call> call)
{
    whenReady<AccessToken>(this, m_tokens.accessToken(), [this, call](Result<AccessToken> token) {
        if (!token) {
            call->done(std::unexpected(token.error()));
            return;
        }
        m_limiter.acquire(m_settings.realmId, call->rateClass, this,
                          [this, call, value = token->value](RateLimiter::Permit permit) {
            auto held = std::make_shared<RateLimiter::Permit>(std::move(permit));
            HttpRequest request;
            request.method = call->method;
            request.url = apiUrl(call->path, call->query);
            request.headers.set("Accept", call->accept);
            request.headers.set("Authorization", "Bearer " + value.toUtf8());
            if (!call->contentType.isEmpty())
                request.headers.set("Content-Type", call->contentType);
            request.body = call->body;
            request.timeout = m_settings.requestTimeout;
            request.idempotencyKey = call->requestId;
            request.rateClass = call->rateClass;
            request.statusHandling = Connectors::StatusHandling::Raw; // QBO Faults are read here
            qCDebug(lcQuickBooks).noquote() << QString::fromLatin1(call->method) << call->path
                                            << (call->requestId.isEmpty() ? QString()
                                                                          : u"requestid=%1"_s.arg(call->requestId));
            HttpJob *job = m_executor.start(std::move(request));
            connect(job, &HttpJob::finished, this,
                    [this, call, held, value](const Result<HttpResponse> &answer) {
                        held->release();
                        onAnswer(call, answer, value);
                    });
        });
    });
}

void QuickBooksClient::onAnswer(std::shared_ptr<Call> call, Result<HttpResponse> answer, const QString &token)
{
    Error error;
    if (answer) {
        if (answer->isSuccess()) {
            call->done(std::move(*answer));
            return;
        }
        error = errorFromResponse(answer->status, answer->body, answer->requestId());
        if (error.code == ErrorCode::Throttled) {
            if (const auto wait = Connectors::HttpStatus::parseRetryAfterMs(answer->headers.value("Retry-After"),
                                                                            m_clock.nowUtc());
                wait && *wait > 0)
                error.retryAfterMs = *wait;
        }
    } else {
        error = answer.error();
    }

    switch (error.code) {
    case ErrorCode::Network:
        if (call->idempotent) {
            ++call->networkFailures;
            if (const auto delay = m_settings.networkRetry.nextDelay(error, call->networkFailures)) {
                qCInfo(lcQuickBooks).noquote() << call->path << "failed:" << error.message << "- retry"
                                               << call->networkFailures << "in" << delay->count() << "ms";
                QTimer::singleShot(*delay, this, [this, call] { dispatch(call); });
                return;
            }
        }
        break;
    case ErrorCode::Throttled:
        if (call->throttles < m_settings.maxThrottleRetries) {
            ++call->throttles;
            qCInfo(lcQuickBooks).noquote() << "realm" << m_settings.realmId << "throttled; pausing"
                                           << error.retryAfterMs << "ms";
            m_limiter.reportThrottled(m_settings.realmId, error);
            dispatch(call);
            return;
        }
        break;
    case ErrorCode::Unauthorized:
        if (!call->authRetried) {
            call->authRetried = true;
            qCInfo(lcQuickBooks) << "access token refused; refreshing once";
            whenReady<AccessToken>(this, m_tokens.refreshAfterUnauthorized(token),
                                   [this, call](Result<AccessToken> fresh) {
                                       if (!fresh) {
                                           call->done(std::unexpected(fresh.error()));
                                           return;
                                       }
                                       dispatch(call);
                                   });
            return;
        }
        // Refused again right after a refresh: tell the token manager, which
        // parks the connection (TokenManager contract), and give up.
        whenReady<AccessToken>(this, m_tokens.refreshAfterUnauthorized(token),
                               [call, error](Result<AccessToken> parked) {
                                   call->done(std::unexpected(parked ? error : parked.error()));
                               });
        return;
    default:
        break;
    }
    call->done(std::unexpected(std::move(error)));
}

// --- building blocks -----------------------------------------------------------

void QuickBooksClient::readEntity(const QString &segment, const QString &id, bool invoiceLink,
                                  Callback<EntityResponse> done)
{
    if (id.isEmpty())
        return done(std::unexpected(invalidArgument(u"QuickBooks: no %1 id given"_s.arg(segment))));
    auto call = std::make_shared<Call>();
    call->path = segment + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(id));
    if (invoiceLink)
        call->query.append({u"include"_s, u"invoiceLink"_s});
    call->done = [done = std::move(done)](Result<HttpResponse> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        done(EntityResponse::parse(r->body, r->status, r->requestId()));
    };
    send(std::move(call));
}

void QuickBooksClient::postEntity(const QString &path, const QList<std::pair<QString, QString>> &query,
                                  const QJsonObject &body, const QString &requestId, Callback<EntityResponse> done)
{
    auto call = std::make_shared<Call>();
    call->method = QByteArrayLiteral("POST");
    call->path = path;
    call->query = query;
    call->body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call->contentType = QByteArrayLiteral("application/json");
    call->requestId = requestId;
    call->idempotent = !requestId.isEmpty();
    call->done = [done = std::move(done)](Result<HttpResponse> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        done(EntityResponse::parse(r->body, r->status, r->requestId()));
    };
    send(std::move(call));
}

void QuickBooksClient::createEntity(const QString &segment, const QString &idempotencyKey, const QJsonObject &body,
                                    Callback<EntityResponse> done)
{
    if (idempotencyKey.isEmpty())
        return done(std::unexpected(invalidArgument(u"QuickBooks: a create needs an idempotency key"_s)));
    postEntity(segment, {}, body, requestIdFor(idempotencyKey, u"create/"_s + segment, u"0"_s), std::move(done));
}

void QuickBooksClient::writeWithStaleRetry(WriteKind kind, const QString &segment, const QString &idempotencyKey,
                                           const QString &id, const QString &syncToken, const QJsonObject &changes,
                                           Callback<EntityResponse> done, int staleRetries)
{
    if (idempotencyKey.isEmpty())
        return done(std::unexpected(invalidArgument(u"QuickBooks: a write needs an idempotency key"_s)));
    if (id.isEmpty())
        return done(std::unexpected(invalidArgument(u"QuickBooks: no %1 id given"_s.arg(segment))));

    // The SyncToken the body will carry; unknown → read it first.
    auto withFresh = [this, kind, segment, idempotencyKey, id, changes, done](int retries) {
        readEntity(segment, id, false, [=, this](Result<EntityResponse> fresh) {
            if (!fresh)
                return done(std::unexpected(fresh.error()));
            const QString token = fresh->entity.value(u"SyncToken"_s).toString();
            if (token.isEmpty())
                return done(fail(ErrorCode::RemoteValidation,
                                 u"QuickBooks returned %1 %2 without a SyncToken"_s.arg(segment, id)));
            writeWithStaleRetry(kind, segment, idempotencyKey, id, token, changes, done, retries);
        });
    };
    if (syncToken.isEmpty())
        return withFresh(staleRetries);

    QJsonObject body;
    QList<std::pair<QString, QString>> query;
    switch (kind) {
    case WriteKind::SparseUpdate:
        body = sparseUpdateBody(changes, id, syncToken);
        break;
    case WriteKind::Void:
        body = deleteBody(id, syncToken);
        query = {{u"operation"_s, u"void"_s}};
        break;
    case WriteKind::Delete:
        body = deleteBody(id, syncToken);
        query = {{u"operation"_s, u"delete"_s}};
        break;
    case WriteKind::PaymentVoid:
        body = paymentVoidBody(id, syncToken);
        query = {{u"operation"_s, u"update"_s}, {u"include"_s, u"void"_s}};
        break;
    }
    // Revision = the SyncToken carried: a re-read after 5010 changes the body,
    // hence the requestid (else QBO would replay the cached 5010).
    const QString step = u"%1/%2/%3"_s.arg(stepName(int(kind)), segment, id);
    const QString requestId = requestIdFor(idempotencyKey, step, syncToken);
    postEntity(segment, query, body, requestId,
               [this, withFresh, done, staleRetries, segment, id](Result<EntityResponse> r) {
                   if (!r && r.error().code == ErrorCode::StaleObject
                       && staleRetries < m_settings.maxStaleRetries) {
                       qCInfo(lcQuickBooks).noquote() << segment << id << "changed meanwhile (5010); re-reading";
                       return withFresh(staleRetries + 1);
                   }
                   done(std::move(r));
               });
}

void QuickBooksClient::runQuery(const QueryBuilder &query, Callback<QueryResponse> done)
{
    const Result<QString> statement = query.build();
    if (!statement)
        return done(std::unexpected(statement.error()));
    runStatement(*statement, std::move(done));
}

QFuture<Result<QueryResponse>> QuickBooksClient::queryStatement(const QString &statement)
{
    if (statement.trimmed().isEmpty())
        return start<QueryResponse>([](Callback<QueryResponse> done) {
            done(fail(ErrorCode::InvalidArgument, u"the query is empty"_s));
        });
    return start<QueryResponse>(
        [this, statement](Callback<QueryResponse> done) { runStatement(statement.trimmed(), std::move(done)); });
}

void QuickBooksClient::runStatement(const QString &statement, Callback<QueryResponse> done)
{
    auto call = std::make_shared<Call>();
    call->path = u"query"_s;
    call->query = {{u"query"_s, statement}};
    call->done = [done = std::move(done)](Result<HttpResponse> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        done(QueryResponse::parse(r->body, r->status, r->requestId()));
    };
    send(std::move(call));
}

void QuickBooksClient::runQueryAll(const QueryBuilder &query, int pageSize, Callback<QList<QJsonObject>> done)
{
    if (pageSize < 1 || pageSize > QueryBuilder::kMaxResultsLimit)
        return done(std::unexpected(invalidArgument(u"QuickBooks: page size must be 1..1000"_s)));
    if (const Result<QString> valid = query.build(); !valid)
        return done(std::unexpected(valid.error()));
    queryPages(std::make_shared<QueryPager>(query, pageSize), std::make_shared<QList<QJsonObject>>(),
               std::move(done));
}

void QuickBooksClient::queryPages(std::shared_ptr<QueryPager> pager, std::shared_ptr<QList<QJsonObject>> rows,
                                  Callback<QList<QJsonObject>> done)
{
    if (pager->atEnd())
        return done(*rows);
    const Result<QString> statement = pager->next();
    if (!statement)
        return done(std::unexpected(statement.error()));
    runStatement(*statement, [this, pager, rows, done](Result<QueryResponse> page) {
        if (!page)
            return done(std::unexpected(page.error()));
        rows->append(page->entities);
        pager->pageReceived(int(page->entities.size()));
        queryPages(pager, rows, done);
    });
}

// --- operations ------------------------------------------------------------------

QFuture<Result<CompanyInfo>> QuickBooksClient::companyInfo()
{
    return start<CompanyInfo>([this](Callback<CompanyInfo> done) {
        readEntity(u"companyinfo"_s, m_settings.realmId, false, parsedAs<CompanyInfo>(std::move(done)));
    });
}

QFuture<Result<int>> QuickBooksClient::count(const QueryBuilder &countQuery)
{
    return start<int>([this, countQuery](Callback<int> done) {
        runQuery(countQuery, [done = std::move(done)](Result<QueryResponse> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done(r->totalCount.value_or(int(r->entities.size())));
        });
    });
}

QFuture<Result<QList<Customer>>> QuickBooksClient::findCustomersByEmail(const QString &email)
{
    return start<QList<Customer>>([this, email](Callback<QList<Customer>> done) {
        const QString trimmed = email.trimmed();
        if (trimmed.isEmpty())
            return done(std::unexpected(invalidArgument(u"QuickBooks: no email to look for"_s)));
        QueryBuilder query = QueryBuilder::select(Customer::kEntityName.toString());
        query.where(u"PrimaryEmailAddr"_s, QueryOperator::Equal, trimmed);
        runQueryAll(query, QueryBuilder::kMaxResultsLimit, parsedListAs<Customer>(std::move(done)));
    });
}

QFuture<Result<QList<Customer>>> QuickBooksClient::findCustomersByPhone(const QString &phone)
{
    return start<QList<Customer>>([this, phone](Callback<QList<Customer>> done) {
        const QString wanted = digitsOf(phone);
        if (wanted.size() < 4)
            return done(std::unexpected(invalidArgument(u"QuickBooks: no phone number to look for"_s)));
        runQueryAll(QueryBuilder::select(Customer::kEntityName.toString()), QueryBuilder::kMaxResultsLimit,
                    parsedListAs<Customer>([wanted, done](Result<QList<Customer>> all) {
                        if (!all)
                            return done(std::move(all));
                        QList<Customer> found;
                        for (const Customer &c : std::as_const(*all)) {
                            if (samePhone(wanted, c.primaryPhone) || samePhone(wanted, c.mobilePhone))
                                found.append(c);
                        }
                        done(found);
                    }));
    });
}

QFuture<Result<std::optional<Customer>>> QuickBooksClient::findCustomerByDisplayName(const QString &displayName)
{
    using Found = std::optional<Customer>;
    return start<Found>([this, displayName](Callback<Found> done) {
        if (displayName.trimmed().isEmpty())
            return done(std::unexpected(invalidArgument(u"QuickBooks: no DisplayName to look for"_s)));
        QueryBuilder query = QueryBuilder::select(Customer::kEntityName.toString());
        query.where(u"DisplayName"_s, QueryOperator::Equal, displayName);
        runQuery(query, [done, home = m_settings.homeCurrency](Result<QueryResponse> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            auto list = r->as<Customer>(home);
            if (!list)
                return done(std::unexpected(list.error()));
            done(list->isEmpty() ? Found() : Found(list->first()));
        });
    });
}

QFuture<Result<CustomerCreation>> QuickBooksClient::createCustomer(const QString &idempotencyKey,
                                                                   const Customer &customer)
{
    return start<CustomerCreation>([this, idempotencyKey, customer](Callback<CustomerCreation> done) {
        if (idempotencyKey.isEmpty())
            return done(std::unexpected(invalidArgument(u"QuickBooks: a create needs an idempotency key"_s)));
        QString desired = customer.displayName;
        if (desired.trimmed().isEmpty()) {
            QStringList parts;
            for (const QString &part : {customer.givenName, customer.middleName, customer.familyName}) {
                if (!part.trimmed().isEmpty())
                    parts.append(part.trimmed());
            }
            desired = parts.isEmpty() ? customer.companyName : parts.join(u' ');
        }
        const QString identity = !customer.primaryEmail.trimmed().isEmpty() ? customer.primaryEmail.trimmed()
                                                                             : customer.primaryPhone.trimmed();
        const QStringList names = displayNameCandidates(desired, identity, m_settings.displayNameCandidates);
        if (names.isEmpty())
            return done(std::unexpected(invalidArgument(u"QuickBooks: a customer needs a name"_s)));
        createCustomerWith(idempotencyKey, customer, names, 0, std::move(done));
    });
}

void QuickBooksClient::createCustomerWith(const QString &idempotencyKey, const Customer &customer,
                                          const QStringList &names, int index, Callback<CustomerCreation> done)
{
    Customer attempt = customer;
    attempt.displayName = names.at(index);
    const QString requestId = requestIdFor(idempotencyKey, u"create/customer"_s, QString::number(index));
    postEntity(u"customer"_s, {}, createBody(attempt.toJson()), requestId,
               [this, idempotencyKey, customer, names, index, done](Result<EntityResponse> r) {
                   if (r) {
                       auto created = r->as<Customer>(m_settings.homeCurrency);
                       if (!created)
                           return done(std::unexpected(created.error()));
                       return done(CustomerCreation{std::move(*created), false});
                   }
                   if (r.error().code != ErrorCode::DuplicateName)
                       return done(std::unexpected(r.error()));
                   const Error taken = r.error();
                   auto nextName = [this, idempotencyKey, customer, names, index, done, taken] {
                       if (index + 1 >= names.size())
                           return done(std::unexpected(taken));
                       qCInfo(lcQuickBooks) << "DisplayName taken (6240); trying candidate" << index + 2;
                       createCustomerWith(idempotencyKey, customer, names, index + 1, done);
                   };
                   const QString email = customer.primaryEmail.trimmed();
                   if (email.isEmpty())
                       return nextName();
                   // One record per person: the name may be taken by this
                   // very person (created earlier, by us or by hand).
                   QueryBuilder query = QueryBuilder::select(Customer::kEntityName.toString());
                   query.where(u"PrimaryEmailAddr"_s, QueryOperator::Equal, email);
                   runQuery(query, [this, done, nextName](Result<QueryResponse> found) {
                       if (!found)
                           return done(std::unexpected(found.error()));
                       auto list = found->as<Customer>(m_settings.homeCurrency);
                       if (!list)
                           return done(std::unexpected(list.error()));
                       for (const Customer &existing : std::as_const(*list)) {
                           if (existing.active.value_or(true)) {
                               qCInfo(lcQuickBooks) << "customer already in QuickBooks as" << existing.id;
                               return done(CustomerCreation{existing, true});
                           }
                       }
                       nextName();
                   });
               });
}

QFuture<Result<Customer>> QuickBooksClient::deactivateCustomer(const QString &idempotencyKey, const QString &id,
                                                               const QString &syncToken)
{
    return sparseUpdate<Customer>(idempotencyKey, id, syncToken, QJsonObject{{u"Active"_s, false}});
}

QFuture<Result<Invoice>> QuickBooksClient::readInvoice(const QString &id, bool withInvoiceLink)
{
    return start<Invoice>([this, id, withInvoiceLink](Callback<Invoice> done) {
        readEntity(u"invoice"_s, id, withInvoiceLink, parsedAs<Invoice>(std::move(done)));
    });
}

QFuture<Result<Invoice>> QuickBooksClient::voidInvoice(const QString &idempotencyKey, const QString &id,
                                                       const QString &syncToken)
{
    return start<Invoice>([this, idempotencyKey, id, syncToken](Callback<Invoice> done) {
        writeWithStaleRetry(WriteKind::Void, u"invoice"_s, idempotencyKey, id, syncToken, {},
                            parsedAs<Invoice>(std::move(done)));
    });
}

QFuture<Status> QuickBooksClient::deleteInvoice(const QString &idempotencyKey, const QString &id,
                                                const QString &syncToken)
{
    return startStatus([this, idempotencyKey, id, syncToken](std::function<void(Status)> done) {
        writeWithStaleRetry(WriteKind::Delete, u"invoice"_s, idempotencyKey, id, syncToken, {},
                            [done](Result<EntityResponse> r) {
                                if (!r)
                                    return done(std::unexpected(r.error()));
                                if (!r->isDeleted())
                                    return done(fail(ErrorCode::RemoteValidation,
                                                     u"QuickBooks did not confirm the deletion"_s));
                                done(Status());
                            });
    });
}

QFuture<Result<QByteArray>> QuickBooksClient::invoicePdf(const QString &id)
{
    return start<QByteArray>([this, id](Callback<QByteArray> done) {
        if (id.isEmpty())
            return done(std::unexpected(invalidArgument(u"QuickBooks: no invoice id given"_s)));
        auto call = std::make_shared<Call>();
        call->path = u"invoice/%1/pdf"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(id)));
        call->accept = QByteArrayLiteral("application/pdf");
        call->done = [done](Result<HttpResponse> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            if (!r->body.startsWith("%PDF")) {
                Error error = errorFromResponse(r->status, r->body, r->requestId());
                if (error.code == ErrorCode::Network || error.code == ErrorCode::Internal)
                    error = Error::make(ErrorCode::RemoteValidation, u"QuickBooks did not answer with a PDF"_s);
                return done(std::unexpected(error));
            }
            done(r->body);
        };
        send(std::move(call));
    });
}

QFuture<Result<Invoice>> QuickBooksClient::sendInvoice(const QString &idempotencyKey, const QString &id,
                                                       const QString &sendTo)
{
    return start<Invoice>([this, idempotencyKey, id, sendTo](Callback<Invoice> done) {
        if (idempotencyKey.isEmpty())
            return done(std::unexpected(invalidArgument(u"QuickBooks: sending needs an idempotency key"_s)));
        if (id.isEmpty())
            return done(std::unexpected(invalidArgument(u"QuickBooks: no invoice id given"_s)));
        auto call = std::make_shared<Call>();
        call->method = QByteArrayLiteral("POST");
        call->path = u"invoice/%1/send"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(id)));
        if (!sendTo.trimmed().isEmpty())
            call->query.append({u"sendTo"_s, sendTo.trimmed()});
        call->contentType = QByteArrayLiteral("application/octet-stream");
        call->requestId = requestIdFor(idempotencyKey, u"send/invoice/"_s + id, sendTo.trimmed());
        call->done = [done = parsedAs<Invoice>(std::move(done))](Result<HttpResponse> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done(EntityResponse::parse(r->body, r->status, r->requestId()));
        };
        send(std::move(call));
    });
}

QFuture<Result<QList<Payment>>> QuickBooksClient::paymentsForInvoice(const QString &invoiceId)
{
    return start<QList<Payment>>([this, invoiceId](Callback<QList<Payment>> done) {
        readEntity(u"invoice"_s, invoiceId, false, [this, done](Result<EntityResponse> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            const auto invoice = r->as<Invoice>(m_settings.homeCurrency);
            if (!invoice)
                return done(std::unexpected(invoice.error()));
            QList<QueryValue> ids;
            QStringList seen;
            for (const LinkedTxn &link : invoice->linkedTxn) {
                if (link.txnType.compare(u"Payment"_s, Qt::CaseInsensitive) == 0 && !link.txnId.isEmpty()
                    && !seen.contains(link.txnId)) {
                    seen.append(link.txnId);
                    ids.append(link.txnId);
                }
            }
            if (ids.isEmpty())
                return done(QList<Payment>());
            QueryBuilder query = QueryBuilder::select(Payment::kEntityName.toString());
            query.whereIn(u"Id"_s, ids);
            runQueryAll(query, QueryBuilder::kMaxResultsLimit,
                        parsedListAs<Payment>([done](Result<QList<Payment>> payments) {
                            if (payments) {
                                std::sort(payments->begin(), payments->end(), [](const Payment &a, const Payment &b) {
                                    return a.id.size() != b.id.size() ? a.id.size() < b.id.size() : a.id < b.id;
                                });
                            }
                            done(std::move(payments));
                        }));
        });
    });
}

std::optional<Domain::Money> QuickBooksClient::amountAppliedTo(const Payment &payment, const QString &invoiceId)
{
    std::optional<Domain::Money> total;
    for (const PaymentLine &line : payment.lines) {
        const bool links = std::any_of(line.linkedTxn.begin(), line.linkedTxn.end(), [&](const LinkedTxn &l) {
            return l.txnId == invoiceId && l.txnType.compare(u"Invoice"_s, Qt::CaseInsensitive) == 0;
        });
        if (!links || !line.amount)
            continue;
        if (!total) {
            total = *line.amount;
        } else {
            auto sum = total->add(*line.amount);
            if (!sum)
                return std::nullopt;
            total = *sum;
        }
    }
    return total;
}

QFuture<Result<Payment>> QuickBooksClient::voidPayment(const QString &idempotencyKey, const QString &id,
                                                       const QString &syncToken)
{
    return start<Payment>([this, idempotencyKey, id, syncToken](Callback<Payment> done) {
        writeWithStaleRetry(WriteKind::PaymentVoid, u"payment"_s, idempotencyKey, id, syncToken, {},
                            parsedAs<Payment>(std::move(done)));
    });
}

QFuture<Result<BatchResponse>> QuickBooksClient::batch(const QString &idempotencyKey, const BatchRequest &request)
{
    return start<BatchResponse>([this, idempotencyKey, request](Callback<BatchResponse> done) {
        if (request.isEmpty())
            return done(std::unexpected(invalidArgument(u"QuickBooks: an empty batch"_s)));
        const QJsonObject json = request.toJson();
        const QJsonArray items = json.value(u"BatchItemRequest"_s).toArray();
        const bool hasWrites = std::any_of(items.begin(), items.end(), [](const QJsonValue &item) {
            return item.toObject().contains(u"operation"_s);
        });
        if (hasWrites && idempotencyKey.isEmpty())
            return done(std::unexpected(invalidArgument(u"QuickBooks: a batch with writes needs an idempotency key"_s)));
        auto call = std::make_shared<Call>();
        call->method = QByteArrayLiteral("POST");
        call->path = u"batch"_s;
        call->body = request.toBody();
        call->contentType = QByteArrayLiteral("application/json");
        call->rateClass = u"batch"_s;
        // Query-only batches carry no requestid (a replay would give stale
        // answers) and are safe to repeat anyway.
        if (hasWrites)
            call->requestId = requestIdFor(idempotencyKey, u"batch"_s);
        call->idempotent = true;
        call->done = [done](Result<HttpResponse> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done(BatchResponse::parse(r->body, r->status, r->requestId()));
        };
        send(std::move(call));
    });
}

QFuture<Result<CdcResult>> QuickBooksClient::changesSince(const QStringList &entities, const QDateTime &changedSince)
{
    return start<CdcResult>([this, entities, changedSince](Callback<CdcResult> done) {
        if (entities.isEmpty())
            return done(std::unexpected(invalidArgument(u"QuickBooks CDC: no entities named"_s)));
        for (const QString &entity : entities) {
            if (entity.trimmed().isEmpty() || entity.compare(u"TaxCode"_s, Qt::CaseInsensitive) == 0
                || entity.compare(u"TaxRate"_s, Qt::CaseInsensitive) == 0)
                return done(std::unexpected(invalidArgument(u"QuickBooks CDC does not cover %1"_s.arg(entity))));
        }
        if (!changedSince.isValid())
            return done(std::unexpected(invalidArgument(u"QuickBooks CDC: no changedSince"_s)));
        if (changedSince.toUTC() < m_clock.nowUtc().addDays(-kCdcWindowDays)) {
            qCInfo(lcQuickBooks) << "CDC window exceeded: a full comparison is needed";
            return done(CdcResult{true, false, {}});
        }
        auto call = std::make_shared<Call>();
        call->path = u"cdc"_s;
        call->query = {{u"entities"_s, entities.join(u',')},
                       {u"changedSince"_s, changedSince.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss"_s) + u"+00:00"_s}};
        call->done = [done](Result<HttpResponse> r) {
            if (!r) {
                if (isCdcWindowRefusal(r.error())) {
                    qCInfo(lcQuickBooks) << "QuickBooks refused the CDC window: a full comparison is needed";
                    return done(CdcResult{true, false, {}});
                }
                return done(std::unexpected(r.error()));
            }
            Result<CdcResponse> parsed = CdcResponse::parse(r->body, r->status, r->requestId());
            if (!parsed) {
                if (isCdcWindowRefusal(parsed.error())) {
                    qCInfo(lcQuickBooks) << "QuickBooks refused the CDC window: a full comparison is needed";
                    return done(CdcResult{true, false, {}});
                }
                return done(std::unexpected(parsed.error()));
            }
            CdcResult result;
            result.mayBeTruncated = parsed->objectCount() >= 1000;
            result.changes = std::move(*parsed);
            done(std::move(result));
        };
        send(std::move(call));
    });
}

} // namespace Concord::QuickBooks
