#pragma once

#include "common/error.h"
#include "connectors/http/httpresponse.h"
#include "connectors/http/retrypolicy.h"
#include "connectors/quickbooks/batchrequest.h"
#include "connectors/quickbooks/batchresponse.h"
#include "connectors/quickbooks/cdcresponse.h"
#include "connectors/quickbooks/companyinfo.h"
#include "connectors/quickbooks/creditmemo.h"
#include "connectors/quickbooks/customer.h"
#include "connectors/quickbooks/entityresponse.h"
#include "connectors/quickbooks/invoice.h"
#include "connectors/quickbooks/item.h"
#include "connectors/quickbooks/payment.h"
#include "connectors/quickbooks/querybuilder.h"
#include "connectors/quickbooks/queryresponse.h"
#include "connectors/quickbooks/refundreceipt.h"
#include "connectors/quickbooks/requestbody.h"
#include "connectors/quickbooks/taxcode.h"
#include "connectors/quickbooks/taxrate.h"
#include "connectors/quickbooks/term.h"

#include <QByteArray>
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
#include <type_traits>

namespace Concord {
class Clock;
struct Config;
} // namespace Concord

namespace Concord::Connectors {
class HttpExecutor;
class RateLimiter;
namespace OAuth {
class TokenManager;
}
} // namespace Concord::Connectors

namespace Concord::QuickBooks {

// Where and how the client talks to one QuickBooks company. Pure value.
struct QuickBooksClientSettings {
    QUrl baseUrl;           // https://quickbooks.api.intuit.com, the sandbox host, or an emulator
    QString realmId;        // the company; also the RateLimiter key
    int minorVersion = 75;  // sent as ?minorversion=N on every call
    QString homeCurrency = defaultHomeCurrency(); // for entities without CurrencyRef

    // Budget of one HTTP attempt (QBO's own server limit is 120 s).
    std::chrono::milliseconds requestTimeout = std::chrono::seconds(60);
    // Transient failures (transport, timeout, 5xx) of idempotent requests —
    // GETs and writes carrying a requestid — are retried in the client:
    // 4 attempts in all, waits ×4 from 1 s capped at 20 s, jitter 20 %.
    // Longer outages are the outbox's business (it retries the whole operation
    // later with the same idempotency key).
    Connectors::RetryPolicy networkRetry = defaultNetworkRetry();
    // 429 / 3001: pause the realm in the RateLimiter, then retry, at most this often.
    int maxThrottleRetries = 3;
    // 5010 on update/void/delete: re-read and re-apply at most this often.
    int maxStaleRetries = 3;
    // 6240 on customer create: DisplayName candidates tried in all.
    int displayNameCandidates = 6;

    [[nodiscard]] static Connectors::RetryPolicy defaultNetworkRetry();
    // [quickbooks] base_url, realm_id, minor_version from the configuration.
    [[nodiscard]] static QuickBooksClientSettings fromConfig(const Config &config);
};

// One page of a query.
template<typename T>
struct QueryPage {
    QList<T> items;
    int startPosition = 0; // 1-based, as answered
    int maxResults = 0;    // number returned in this page
};

// What customer creation did.
struct CustomerCreation {
    Customer customer;
    // True when QuickBooks already had this person (same email, found after a
    // 6240 on the name): that record is returned and nothing was created.
    bool alreadyExisted = false;
};

// The answer of a CDC poll.
struct CdcResult {
    // The caller's changedSince lies beyond QuickBooks' 30-day CDC window
    // (by our clock, or QBO refused it): CDC cannot say what changed. The
    // caller must run a full comparison (query everything) instead and then
    // poll again from that comparison's start time. `changes` is empty.
    bool fullComparisonNeeded = false;
    // QBO caps one CDC answer at 1000 objects: when reached, poll again with a
    // changedSince no later than the newest LastUpdatedTime received.
    bool mayBeTruncated = false;
    CdcResponse changes; // changes.time = the next changedSince high-water mark
};

// The asynchronous QuickBooks Online Accounting API client.
//
// Contract
// - Thread affinity: lives on the sync thread together with the HttpExecutor,
//   RateLimiter and TokenManager it is given (none is owned; all must outlive
//   it). Call it only from that thread. Every future it returns is finished
//   from that thread's event loop (or already finished, for arguments refused
//   before any request); attach with QFuture::then(context, …) or a
//   QFutureWatcher. Destroying the client cancels the futures still pending.
// - Results are values: Result<T> / Status, with Concord's error classes
//   (fault.h). Amounts come from the entity parsers (exact Money/Decimal).
// - Every request: {baseUrl}/v3/company/{realm}/…?minorversion=N, Accept
//   application/json (application/pdf for PDFs), Authorization from the
//   TokenManager, and a RateLimiter grant for key = realm (class "batch" for
//   /batch) kept until the response has arrived. The client sets the realm's
//   policy to RateLimitPolicy::quickBooks() when constructed.
// - Writes (create, update, void, delete, send, batch with writes) need the
//   operation's persistent idempotency key and carry a requestid derived from
//   it (requestid.h): a retry, now or after a restart, never makes a second
//   record. An empty key is refused (InvalidArgument).
// - Handled inside, per error class:
//     Network (transport, timeout, 5xx) → retried with networkRetry's bounded
//         backoff for GETs and writes with a requestid (the same requestid);
//     Throttled (429/3001) → RateLimiter::reportThrottled (pauses the realm,
//         60 s) and retried, at most maxThrottleRetries times;
//     Unauthorized (401/3200) → TokenManager::refreshAfterUnauthorized, one
//         retry with the new token; a second 401 reports it to the token
//         manager (which parks the connection) and is returned;
//     StaleObject (5010) on update/void/delete → re-read, re-apply the
//         caller's change on the fresh SyncToken (a new requestid revision),
//         at most maxStaleRetries times;
//     DuplicateName (6240) on customer create → see createCustomer().
//   NotFound (610), RemoteValidation and the rest are returned unchanged.
// - Nothing secret is logged (tokens never; query text not at all).
class QuickBooksClient final : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Callback = std::function<void(Result<T>)>;

    QuickBooksClient(QuickBooksClientSettings settings, Connectors::HttpExecutor &executor,
                     Connectors::RateLimiter &rateLimiter, Connectors::OAuth::TokenManager &tokens,
                     const Clock &clock, QObject *parent = nullptr);
    ~QuickBooksClient() override;

    [[nodiscard]] const QuickBooksClientSettings &settings() const { return m_settings; }

    // --- connection test ---------------------------------------------------
    // GET /companyinfo/{realm}.
    [[nodiscard]] QFuture<Result<CompanyInfo>> companyInfo();

    // --- generic reads -----------------------------------------------------
    // GET /{entity}/{id}. 610 → NotFound.
    template<typename T>
    [[nodiscard]] QFuture<Result<T>> read(const QString &id)
    {
        return start<T>([this, id](Callback<T> done) {
            readEntity(segmentFor(T::kEntityName), id, false, parsedAs<T>(std::move(done)));
        });
    }
    // One page of a SELECT (as built: its STARTPOSITION/MAXRESULTS apply).
    template<typename T>
    [[nodiscard]] QFuture<Result<QueryPage<T>>> query(const QueryBuilder &select)
    {
        return start<QueryPage<T>>([this, select](Callback<QueryPage<T>> done) {
            runQuery(select, [done = std::move(done), home = m_settings.homeCurrency](Result<QueryResponse> r) {
                if (!r)
                    return done(std::unexpected(r.error()));
                auto items = r->as<T>(home);
                if (!items)
                    return done(std::unexpected(items.error()));
                done(QueryPage<T>{std::move(*items), r->startPosition, r->maxResults});
            });
        });
    }
    // Every row of a SELECT, page by page (STARTPOSITION 1, 1+pageSize, …).
    template<typename T>
    [[nodiscard]] QFuture<Result<QList<T>>> queryAll(const QueryBuilder &select,
                                                      int pageSize = QueryBuilder::kMaxResultsLimit)
    {
        return start<QList<T>>([this, select, pageSize](Callback<QList<T>> done) {
            runQueryAll(select, pageSize, parsedListAs<T>(std::move(done)));
        });
    }
    // SELECT COUNT(*) FROM … WHERE …: the totalCount.
    [[nodiscard]] QFuture<Result<int>> count(const QueryBuilder &countQuery);
    // A statement typed by a person (`concord-cli quickbooks query`), sent as
    // is: QuickBooks validates it and answers a Fault (4000/4001) when wrong.
    // Read-only by nature (the query endpoint only selects).
    [[nodiscard]] QFuture<Result<QueryResponse>> queryStatement(const QString &statement);

    // Reference data: every Item / TaxCode / TaxRate / Term (active ones, as
    // QBO answers by default).
    [[nodiscard]] QFuture<Result<QList<Item>>> items() { return queryAll<Item>(QueryBuilder::select(Item::kEntityName.toString())); }
    [[nodiscard]] QFuture<Result<QList<TaxCode>>> taxCodes() { return queryAll<TaxCode>(QueryBuilder::select(TaxCode::kEntityName.toString())); }
    [[nodiscard]] QFuture<Result<QList<TaxRate>>> taxRates() { return queryAll<TaxRate>(QueryBuilder::select(TaxRate::kEntityName.toString())); }
    [[nodiscard]] QFuture<Result<QList<Term>>> terms() { return queryAll<Term>(QueryBuilder::select(Term::kEntityName.toString())); }

    // --- customers ---------------------------------------------------------
    // WHERE PrimaryEmailAddr = '<email>' (QBO compares case-insensitively).
    [[nodiscard]] QFuture<Result<QList<Customer>>> findCustomersByEmail(const QString &email);
    // PrimaryPhone is not filterable in QBO's query language, so this pages
    // through all customers and keeps those whose PrimaryPhone or Mobile has
    // the same digits (the last 10 when both have at least 10: "+1 (415)
    // 444-6538" matches "415.444.6538"). Costs one request per 1000 customers.
    [[nodiscard]] QFuture<Result<QList<Customer>>> findCustomersByPhone(const QString &phone);
    // WHERE DisplayName = '<name>' (names are unique): nullopt when none.
    [[nodiscard]] QFuture<Result<std::optional<Customer>>> findCustomerByDisplayName(const QString &displayName);

    // POST /customer. On 6240 (DisplayName taken by a customer, vendor or
    // employee): if the customer has an email and an active QBO customer has
    // that email, that customer is returned (alreadyExisted) — never a second
    // record for one person; otherwise the next of displayNameCandidates(name,
    // email or phone) is tried, each with its own requestid revision, so the
    // same sequence replays identically after a restart. All taken →
    // DuplicateName.
    [[nodiscard]] QFuture<Result<CustomerCreation>> createCustomer(const QString &idempotencyKey,
                                                                   const Customer &customer);
    // Sparse update of the fields in `changes` (e.g. Customer{…}.toJson() of
    // the changed fields). An empty syncToken reads the customer first.
    [[nodiscard]] QFuture<Result<Customer>> updateCustomer(const QString &idempotencyKey, const QString &id,
                                                           const QString &syncToken, const QJsonObject &changes)
    {
        return sparseUpdate<Customer>(idempotencyKey, id, syncToken, changes);
    }
    // QBO cannot delete customers: Active=false (QBO appends " (deleted)" to the name).
    [[nodiscard]] QFuture<Result<Customer>> deactivateCustomer(const QString &idempotencyKey, const QString &id,
                                                               const QString &syncToken);

    // --- generic writes ----------------------------------------------------
    // POST /{entity} with createBody(entity.toJson()). For Invoice, Payment,
    // CreditMemo, RefundReceipt, Item, Term (customers: createCustomer()).
    template<typename T>
    [[nodiscard]] QFuture<Result<T>> create(const QString &idempotencyKey, const T &entity)
    {
        static_assert(!std::is_same_v<T, Customer>, "use createCustomer(): it handles 6240");
        return start<T>([this, idempotencyKey, body = createBody(entity.toJson())](Callback<T> done) {
            createEntity(segmentFor(T::kEntityName), idempotencyKey, body, parsedAs<T>(std::move(done)));
        });
    }
    // Sparse update: `changes` are re-applied on the fresh SyncToken after a
    // 5010 (a sparse update only touches the fields it names, so a concurrent
    // edit of other fields survives). An empty syncToken reads first.
    template<typename T>
    [[nodiscard]] QFuture<Result<T>> sparseUpdate(const QString &idempotencyKey, const QString &id,
                                                  const QString &syncToken, const QJsonObject &changes)
    {
        return start<T>([this, idempotencyKey, id, syncToken, changes](Callback<T> done) {
            writeWithStaleRetry(WriteKind::SparseUpdate, segmentFor(T::kEntityName), idempotencyKey, id,
                                syncToken, changes, parsedAs<T>(std::move(done)));
        });
    }

    // --- invoices ----------------------------------------------------------
    // Lines (item, qty, rate, service date, tax code), discount line,
    // deposit, due date / SalesTermRef, memo: as set on the Invoice value.
    [[nodiscard]] QFuture<Result<Invoice>> createInvoice(const QString &idempotencyKey, const Invoice &invoice)
    {
        return create<Invoice>(idempotencyKey, invoice);
    }
    [[nodiscard]] QFuture<Result<Invoice>> updateInvoice(const QString &idempotencyKey, const QString &id,
                                                         const QString &syncToken, const QJsonObject &changes)
    {
        return sparseUpdate<Invoice>(idempotencyKey, id, syncToken, changes);
    }
    // GET /invoice/{id}?include=invoiceLink (the customer-facing pay link).
    [[nodiscard]] QFuture<Result<Invoice>> readInvoice(const QString &id, bool withInvoiceLink = true);
    // POST /invoice?operation=void: amounts zeroed, "Voided" note, record kept.
    [[nodiscard]] QFuture<Result<Invoice>> voidInvoice(const QString &idempotencyKey, const QString &id,
                                                       const QString &syncToken);
    // POST /invoice?operation=delete (hard delete; fails while payments are linked).
    [[nodiscard]] QFuture<Status> deleteInvoice(const QString &idempotencyKey, const QString &id,
                                                const QString &syncToken);
    // GET /invoice/{id}/pdf with Accept: application/pdf: the PDF bytes.
    [[nodiscard]] QFuture<Result<QByteArray>> invoicePdf(const QString &id);
    // POST /invoice/{id}/send[?sendTo=…]: emails it (to sendTo, else BillEmail).
    [[nodiscard]] QFuture<Result<Invoice>> sendInvoice(const QString &idempotencyKey, const QString &id,
                                                       const QString &sendTo = {});

    // --- payments ----------------------------------------------------------
    // The payments applied to an invoice (the invoice's LinkedTxn of type
    // Payment; partial payments included), in id order.
    [[nodiscard]] QFuture<Result<QList<Payment>>> paymentsForInvoice(const QString &invoiceId);
    // The amount of `payment` applied to `invoiceId` (sum of its lines
    // linking that invoice); nullopt when none.
    [[nodiscard]] static std::optional<Domain::Money> amountAppliedTo(const Payment &payment,
                                                                      const QString &invoiceId);
    // POST /payment?operation=update&include=void.
    [[nodiscard]] QFuture<Result<Payment>> voidPayment(const QString &idempotencyKey, const QString &id,
                                                       const QString &syncToken);

    // --- batch, CDC --------------------------------------------------------
    // POST /batch (≤ 30 items, class "batch" in the RateLimiter). Per-item
    // Faults are in the items; only a whole-batch failure is an error. A batch
    // with any write needs an idempotency key; a query-only batch must not
    // carry one (QBO would replay the first answer), so pass an empty key.
    [[nodiscard]] QFuture<Result<BatchResponse>> batch(const QString &idempotencyKey, const BatchRequest &request);
    // GET /cdc?entities=…&changedSince=…. Entities: Customer, Invoice,
    // Payment, CreditMemo, RefundReceipt, … (not TaxCode/TaxRate). Deleted
    // transactions come back as stubs in changes.deleted. Beyond the 30-day
    // window: fullComparisonNeeded (not an error).
    [[nodiscard]] QFuture<Result<CdcResult>> changesSince(const QStringList &entities, const QDateTime &changedSince);
    static constexpr int kCdcWindowDays = 30;

    // The requestid this client sends for an operation step (requestid.h).
    [[nodiscard]] QString requestIdFor(const QString &idempotencyKey, const QString &step,
                                       const QString &revision = {}) const;

private:
    enum class WriteKind { SparseUpdate, Void, Delete, PaymentVoid };
    struct Call;

    template<typename T>
    QFuture<Result<T>> start(std::function<void(Callback<T>)> body)
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
    QFuture<Status> startStatus(std::function<void(std::function<void(Status)>)> body);

    template<typename T>
    Callback<EntityResponse> parsedAs(Callback<T> done) const
    {
        return [done = std::move(done), home = m_settings.homeCurrency](Result<EntityResponse> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done(r->as<T>(home));
        };
    }
    template<typename T>
    Callback<QList<QJsonObject>> parsedListAs(Callback<QList<T>> done) const
    {
        return [done = std::move(done), home = m_settings.homeCurrency](Result<QList<QJsonObject>> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done(entitiesFromJson<T>(*r, home));
        };
    }

    [[nodiscard]] static QString segmentFor(QStringView entityName);

    // The transport with all the per-class handling above. `done` runs once.
    void send(std::shared_ptr<Call> call);
    void dispatch(std::shared_ptr<Call> call);
    void onAnswer(std::shared_ptr<Call> call, Result<Connectors::HttpResponse> answer, const QString &token);
    [[nodiscard]] QUrl apiUrl(const QString &path, const QList<std::pair<QString, QString>> &query) const;

    void readEntity(const QString &segment, const QString &id, bool invoiceLink, Callback<EntityResponse> done);
    void postEntity(const QString &path, const QList<std::pair<QString, QString>> &query, const QJsonObject &body,
                    const QString &requestId, Callback<EntityResponse> done);
    void createEntity(const QString &segment, const QString &idempotencyKey, const QJsonObject &body,
                      Callback<EntityResponse> done);
    void writeWithStaleRetry(WriteKind kind, const QString &segment, const QString &idempotencyKey,
                             const QString &id, const QString &syncToken, const QJsonObject &changes,
                             Callback<EntityResponse> done, int staleRetries = 0);
    void runQuery(const QueryBuilder &query, Callback<QueryResponse> done);
    void runStatement(const QString &statement, Callback<QueryResponse> done);
    void runQueryAll(const QueryBuilder &query, int pageSize, Callback<QList<QJsonObject>> done);
    void queryPages(std::shared_ptr<QueryPager> pager, std::shared_ptr<QList<QJsonObject>> rows,
                    Callback<QList<QJsonObject>> done);
    void createCustomerWith(const QString &idempotencyKey, const Customer &customer, const QStringList &names,
                            int index, Callback<CustomerCreation> done);

    QuickBooksClientSettings m_settings;
    Connectors::HttpExecutor &m_executor;
    Connectors::RateLimiter &m_limiter;
    Connectors::OAuth::TokenManager &m_tokens;
    const Clock &m_clock;
};

} // namespace Concord::QuickBooks
