#pragma once

#include "common/error.h"
#include "connectors/http/httpresponse.h"
#include "connectors/http/retrypolicy.h"
#include "connectors/hubspot/apierror.h"
#include "connectors/hubspot/apiversion.h"
#include "connectors/hubspot/batchresult.h"
#include "connectors/hubspot/contact.h"
#include "connectors/hubspot/crmobject.h"
#include "connectors/hubspot/crmrecords.h"
#include "connectors/hubspot/hubspotfiles.h"
#include "connectors/hubspot/pipeline.h"
#include "connectors/hubspot/search.h"

#include <QDateTime>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
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

namespace Concord::Security {
class SecretStore;
}

namespace Concord::Connectors {
class HttpExecutor;
class RateLimiter;
namespace OAuth {
class TokenManager;
}
} // namespace Concord::Connectors

namespace Concord::HubSpot {

// Where and how the client talks to one HubSpot account. Pure value.
struct HubSpotClientSettings {
    QUrl baseUrl = QUrl(QStringLiteral("https://api.hubapi.com")); // or an emulator
    ApiVersion apiVersion;          // object paths: v3 or a date version (apiversion.h)
    QString accountKey = QStringLiteral("hubspot"); // RateLimiter key (one per account)
    // Burst budget per 10 s (hubspot-calcom.md A10): 100 Free/Starter,
    // 190 Professional/Enterprise, 250 with the capacity pack.
    int burstPer10s = 100;

    // Budget of one HTTP attempt (A12 gives HubSpot 10 s as a sane bound).
    std::chrono::milliseconds requestTimeout = std::chrono::seconds(10);
    // Transient failures of idempotent requests (reads, PATCH, DELETE, search,
    // upsert, creates keyed by email) are retried here: 4 attempts, ×4 from
    // 1 s capped at 20 s, jitter 20 %. Creates without a unique key are not
    // (HubSpot may have made the record: A11 "do not blindly retry creates").
    Connectors::RetryPolicy networkRetry = defaultNetworkRetry();
    // 429: pause the account in the RateLimiter, then retry, at most this often
    // (a DAILY 429 is never retried here: it lasts until the portal's midnight).
    int maxThrottleRetries = 5;

    // Incremental reads (contactChanges).
    int searchPageSize = SearchRequest::kMaxLimit; // 1…200
    // Records change in search results "a few moments" after the write (up to
    // ~30 s reported, A4): a poll reads up to now − this, and the next poll
    // starts there, so a change is never behind the cursor before it is
    // searchable.
    std::chrono::milliseconds searchIndexLag = std::chrono::seconds(30);
    // Time slices of one change read searched concurrently, so the search
    // budget (5/s) stays busy while answers travel.
    int changeStreams = 4;

    [[nodiscard]] static Connectors::RetryPolicy defaultNetworkRetry();
    // [hubspot] base_url, api_version, burst_limit.
    [[nodiscard]] static HubSpotClientSettings fromConfig(const Config &config);
};

// GET /account-info/v3/details: the connection test.
struct AccountInfo {
    QString portalId;
    QString accountType;
    QString timeZone;     // IANA (the portal's; daily limits reset at its midnight)
    QString companyCurrency;
    QString dataHostingLocation;
};

// What a contact creation did.
struct ContactWrite {
    Contact contact;
    // HubSpot answered 409 "Contact already exists. Existing ID: N": that
    // record is returned, as read, and nothing was created or changed.
    bool alreadyExisted = false;
};

// What a merge did.
struct MergeResult {
    Contact survivor;        // as HubSpot answered: its id may be new
    QString primaryId;       // as asked
    QString mergedId;        // as asked
    [[nodiscard]] bool idChanged() const { return survivor.id != primaryId; }
};

// Contacts changed in [since, until).
struct ContactChanges {
    QDateTime since;
    // The next poll's `since`: now − searchIndexLag when asked for "up to now".
    QDateTime until;
    QList<Contact> contacts; // ordered by lastModifiedAt, then id; each once
    int searchRequests = 0;  // requests this read made
    int narrowedSlices = 0;  // times a full page shared one millisecond (read by id)
};

struct ContactUpdate {
    QString id;
    PropertyMap properties;
};

// One association (v4): to which record, with which types.
struct Association {
    struct Type {
        QString category; // HUBSPOT_DEFINED | USER_DEFINED
        int typeId = 0;
        QString label;
        friend bool operator==(const Type &, const Type &) = default;
    };
    QString toObjectId;
    QList<Type> types;
    friend bool operator==(const Association &, const Association &) = default;
};

struct TaskInput {
    QString subject;
    QString body;
    QDateTime dueAt;                          // hs_timestamp, required
    QString status = QStringLiteral("NOT_STARTED");
    QString priority = QStringLiteral("MEDIUM");
    QString type = QStringLiteral("TODO");
    QString ownerId;
};

// One property of an object type, as the CRM v3 Properties API shows and
// creates it (hubspot-calcom.md; developers.hubspot.com crm/properties).
// `type` is the stored kind (string, number, date, datetime, enumeration,
// bool), `fieldType` how HubSpot shows it (text, number, date, select, …);
// HubSpot refuses a pair that does not go together (v3 checks it since 2021).
struct PropertyDefinition {
    QString name;       // internal name: a lower-case letter, then [a-z0-9_]
    QString label;
    QString type = QStringLiteral("string");
    QString fieldType = QStringLiteral("text");
    QString groupName;  // contactinformation, dealinformation, …
    QString description;
    bool hubspotDefined = false; // read back only: a default property of HubSpot's

    [[nodiscard]] QJsonObject toCreateJson() const;
    [[nodiscard]] static PropertyDefinition fromJson(const QJsonObject &json);
};

// What a property creation did.
struct PropertyWrite {
    PropertyDefinition property; // as HubSpot answered; as asked when it already existed
    // HubSpot answered 409: a property of that name was already there (made
    // by a person, or by an earlier run whose answer was lost). Nothing changed.
    bool alreadyExisted = false;
};

// The asynchronous HubSpot CRM client.
//
// Contract
// - Thread affinity: lives on the sync thread with the HttpExecutor and
//   RateLimiter it is given, and the TokenManager or SecretStore (none owned;
//   all must outlive it). Every future is finished from that thread's event
//   loop (or already finished for arguments refused before any request).
//   Destroying the client cancels what is pending.
// - Authentication: a private-app token (secret HUBSPOT_TOKEN, read from the
//   SecretStore when first needed) or OAuth 2.0 through the TokenManager
//   (30-minute access tokens, refreshed before expiry). A 401 refreshes
//   (OAuth) or re-reads the secret (private app) once and retries once.
// - Rate limits: every request holds a RateLimiter grant for
//   settings.accountKey until its answer arrives; searches are class
//   "search". The constructor sets RateLimitPolicy::hubSpot(burstPer10s).
// - Errors are values with Concord's classes (apierror.h). Handled inside:
//   Network (transport, timeout, 5xx, 423, 477) → bounded backoff for
//   idempotent requests; Throttled → pause the account, retry; 409 on a
//   contact create → the existing contact (ContactWrite::alreadyExisted).
// - Paths: settings.apiVersion for object endpoints; v4 associations, v3
//   pipelines and account-info keep their numbered paths.
// - No token, and no property value, is ever logged.
class HubSpotClient final : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Callback = std::function<void(Result<T>)>;

    // OAuth 2.0.
    HubSpotClient(HubSpotClientSettings settings, Connectors::HttpExecutor &executor,
                  Connectors::RateLimiter &rateLimiter, Connectors::OAuth::TokenManager &tokens,
                  const Clock &clock, QObject *parent = nullptr);
    // Private-app token, read from `secrets` as HUBSPOT_TOKEN.
    HubSpotClient(HubSpotClientSettings settings, Connectors::HttpExecutor &executor,
                  Connectors::RateLimiter &rateLimiter, Security::SecretStore &secrets,
                  const Clock &clock, QObject *parent = nullptr);
    ~HubSpotClient() override;

    [[nodiscard]] const HubSpotClientSettings &settings() const { return m_settings; }

    // --- connection ----------------------------------------------------------
    [[nodiscard]] QFuture<Result<AccountInfo>> accountInfo();

    // --- any CRM object type -----------------------------------------------------
    // GET {objects}/{type}/{id}?properties=…[&idProperty=…]. 404 → NotFound.
    [[nodiscard]] QFuture<Result<CrmObject>> object(const QString &type, const QString &id,
                                                    const QStringList &properties,
                                                    const QString &idProperty = {});
    // POST {objects}/{type} with inline associations (toId, typeId): 201.
    [[nodiscard]] QFuture<Result<CrmObject>> createObject(const QString &type, const PropertyMap &properties,
                                                          const QList<std::pair<QString, int>> &associations = {});
    // PATCH {objects}/{type}/{id}: only the given properties ("" clears one).
    [[nodiscard]] QFuture<Result<CrmObject>> updateObject(const QString &type, const QString &id,
                                                          const PropertyMap &properties,
                                                          const QString &idProperty = {});
    // DELETE {objects}/{type}/{id}: archived (restorable 90 days). A 404 on a
    // retry after a lost answer counts as done.
    [[nodiscard]] QFuture<Status> archiveObject(const QString &type, const QString &id);
    // POST {objects}/{type}/search: one page (class "search").
    [[nodiscard]] QFuture<Result<SearchPage>> search(const QString &type, const SearchRequest &request);

    // --- contacts ------------------------------------------------------------
    [[nodiscard]] QFuture<Result<Contact>> contact(const QString &id);
    // GET …/contacts/{email}?idProperty=email (primary email only).
    [[nodiscard]] QFuture<Result<Contact>> contactByEmail(const QString &email);
    // Reads `id`; if it was merged away and HubSpot no longer serves it, finds
    // the survivor by hs_merged_object_ids. The result's id is the current one.
    [[nodiscard]] QFuture<Result<Contact>> resolveContact(const QString &id);
    // POST …/contacts. With an email the create is idempotent (a repeat gets
    // 409), so it is retried after transient failures; on 409 the existing
    // contact is read and returned (alreadyExisted) — never a second record.
    [[nodiscard]] QFuture<Result<ContactWrite>> createContact(const PropertyMap &properties);
    // PATCH. 409 (the email belongs to another contact) is returned as
    // Conflict; existingIdFromConflict(error.message) names the other one.
    [[nodiscard]] QFuture<Result<Contact>> updateContact(const QString &id, const PropertyMap &properties);
    [[nodiscard]] QFuture<Status> archiveContact(const QString &id) { return archiveObject(ObjectType::Contacts, id); }
    // email EQ, or hs_additional_emails CONTAINS_TOKEN (search does not match
    // secondary emails by `email`, A3); exact (case-insensitive) matches only.
    [[nodiscard]] QFuture<Result<QList<Contact>>> findContactsByEmail(const QString &email);
    // phone/mobilephone as typed, and HubSpot's searchable normalised forms;
    // kept when the digits agree (last 10 when both have ≥ 10).
    [[nodiscard]] QFuture<Result<QList<Contact>>> findContactsByPhone(const QString &phone);
    // Every contact whose lastmodifieddate is in [since, until) (until
    // invalid = now − searchIndexLag). Searches lastmodifieddate (never
    // hs_lastmodifieddate for contacts, A5), ascending, keyset-paged: each
    // page starts a fresh query at the last seen instant, so no query pages
    // past the 10,000-result cap and a record edited mid-read cannot shift a
    // neighbour out of the pages. More than a page within one millisecond is
    // read keyset by hs_object_id inside that millisecond (the window
    // narrowed to 1 ms). Never stops early: an error fails the whole read.
    [[nodiscard]] QFuture<Result<ContactChanges>> contactChanges(const QDateTime &since,
                                                                 const QDateTime &until = {});

    // Batches of ≤ 100 inputs (longer lists are sent in chunks, in order). A
    // 207 keeps its per-input errors in BatchResult::errors.
    // Any object type by id, 100 per request (POST /crm/v3/objects/{type}/batch/read):
    // the ids HubSpot does not have come back in `errors` (OBJECT_NOT_FOUND,
    // a 207 answer), not as a failure. Read-only, retried like a GET.
    [[nodiscard]] QFuture<Result<BatchResult>> batchReadObjects(const QString &type, const QStringList &ids,
                                                                const QStringList &properties);
    [[nodiscard]] QFuture<Result<BatchResult>> batchReadContacts(const QStringList &ids,
                                                                 const QString &idProperty = {});
    [[nodiscard]] QFuture<Result<BatchResult>> batchCreateContacts(const QList<PropertyMap> &inputs);
    [[nodiscard]] QFuture<Result<BatchResult>> batchUpdateContacts(const QList<ContactUpdate> &inputs);
    // Create-or-update by email (idProperty=email); results carry `created`.
    [[nodiscard]] QFuture<Result<BatchResult>> batchUpsertContacts(const QList<PropertyMap> &inputsWithEmail);
    static constexpr int kBatchLimit = 100;

    // POST …/contacts/merge. The survivor may come back with a new id: the
    // result carries it (MergeResult::idChanged()). Irreversible.
    [[nodiscard]] QFuture<Result<MergeResult>> mergeContacts(const QString &primaryId, const QString &idToMerge);
    // Secondary emails: legacy v1 writes (A3 [unverified for v3]); reads are
    // Contact::additionalEmails.
    [[nodiscard]] QFuture<Status> addSecondaryEmail(const QString &contactId, const QString &email);
    [[nodiscard]] QFuture<Status> removeSecondaryEmail(const QString &contactId, const QString &email);

    // --- deals, notes, tasks ----------------------------------------------------
    // GET /crm/v3/pipelines/deals.
    [[nodiscard]] QFuture<Result<QList<Pipeline>>> dealPipelines();
    // Needs dealname, pipeline and dealstage; associated to the contact (type 3).
    [[nodiscard]] QFuture<Result<Deal>> createDeal(const PropertyMap &properties, const QString &contactId = {});
    [[nodiscard]] QFuture<Result<Deal>> deal(const QString &id);
    [[nodiscard]] QFuture<Result<Deal>> updateDeal(const QString &id, const PropertyMap &properties);
    [[nodiscard]] QFuture<Result<Note>> createNote(const QString &htmlBody, const QDateTime &timestamp,
                                                   const QString &contactId);
    [[nodiscard]] QFuture<Result<Task>> createTask(const TaskInput &task, const QString &contactId);
    [[nodiscard]] QFuture<Result<Task>> updateTask(const QString &id, const PropertyMap &properties);
    [[nodiscard]] QFuture<Result<Task>> task(const QString &id);

    // --- properties (v3; numbered path like pipelines) ------------------------------
    // GET /crm/v3/properties/{objectType}: every property the portal has for
    // the type (HubSpot's defaults and custom ones), archived ones left out.
    [[nodiscard]] QFuture<Result<QList<PropertyDefinition>>> listProperties(const QString &objectType);
    // POST /crm/v3/properties/{objectType}: 201 with the new property. Needs
    // the scope crm.schemas.{contacts,deals}.write (403 otherwise). A 409
    // (the name is taken) is success with alreadyExisted, so a repeat after
    // a lost answer is harmless and the create is retried like a read.
    [[nodiscard]] QFuture<Result<PropertyWrite>> createProperty(const QString &objectType,
                                                                const PropertyDefinition &definition);

    // --- associations (v4) --------------------------------------------------------
    // PUT …/associations/default/{toType}/{toId}.
    [[nodiscard]] QFuture<Status> associateDefault(const QString &fromType, const QString &fromId,
                                                   const QString &toType, const QString &toId);
    // PUT …/associations/{toType}/{toId} with one HUBSPOT_DEFINED type.
    [[nodiscard]] QFuture<Status> associate(const QString &fromType, const QString &fromId, const QString &toType,
                                            const QString &toId, int associationTypeId);
    // GET …/associations/{toType}, every page (500 per page).
    [[nodiscard]] QFuture<Result<QList<Association>>> associations(const QString &fromType, const QString &fromId,
                                                                   const QString &toType);
    // DELETE …/associations/{toType}/{toId}: every type between the two.
    [[nodiscard]] QFuture<Status> removeAssociations(const QString &fromType, const QString &fromId,
                                                     const QString &toType, const QString &toId);

    // --- files (Files API v3, hubspotfiles.h) ----------------------------------------
    // GET /files/v3/files/search: one page (limit 1…100).
    [[nodiscard]] QFuture<Result<FilePage>> files(const FileQuery &query);
    // Every page of files with `extension` (empty = any), archived ones left out.
    [[nodiscard]] QFuture<Result<QList<HubSpotFile>>> allFiles(const QString &extension = {});
    // GET /files/v3/files/{id}. 404 → NotFound.
    [[nodiscard]] QFuture<Result<HubSpotFile>> file(const QString &id);
    // GET /files/v3/files/{id}/signed-url: a short-lived URL that reads the bytes.
    [[nodiscard]] QFuture<Result<SignedUrl>> fileSignedUrl(const QString &id);
    // The file's bytes: its signed URL, then a plain GET of that URL (no
    // token is sent there; the signature is the credential).
    [[nodiscard]] QFuture<Result<QByteArray>> fileContent(const QString &id);
    // Every file with `extension`, downloaded one at a time and hashed
    // (SHA-256), with the notes naming it in hs_attachment_ids and the
    // contacts/deals those notes hang on. Read-only. Costs 2 requests per
    // file, one search per 200 notes with attachments and 2 per such note.
    [[nodiscard]] QFuture<Result<QList<FileDigest>>> fileDigests(const QString &extension = QStringLiteral("pdf"));

private:
    struct Call;
    struct ChangeRead;

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

    void init();
    void withToken(std::function<void(Result<QString>)> next);
    void afterUnauthorized(const QString &rejected, std::function<void(Result<QString>)> next);
    void send(std::shared_ptr<Call> call);
    void onAnswer(std::shared_ptr<Call> call, Result<Connectors::HttpResponse> answer, const QString &token);
    [[nodiscard]] QUrl url(const QString &path, const QList<std::pair<QString, QString>> &query) const;
    [[nodiscard]] QString objectPath(const QString &type, const QString &id = {}) const;

    void request(QByteArray method, const QString &path, const QList<std::pair<QString, QString>> &query,
                 QByteArray body, bool idempotent, const QString &rateClass, Callback<Connectors::HttpResponse> done);
    void getObject(const QString &type, const QString &id, const QStringList &properties, const QString &idProperty,
                   Callback<CrmObject> done);
    void postObject(const QString &type, const PropertyMap &properties, const QList<std::pair<QString, int>> &associations,
                    bool idempotent, Callback<CrmObject> done);
    void patchObject(const QString &type, const QString &id, const PropertyMap &properties, const QString &idProperty,
                     Callback<CrmObject> done);
    void runSearch(const QString &type, const SearchRequest &request, Callback<SearchPage> done);
    void runBatch(const QString &type, const QString &action, QList<QJsonObject> inputs, const QJsonObject &extra,
                  bool idempotent, int from, std::shared_ptr<BatchResult> sofar, Callback<BatchResult> done);
    void findContacts(const SearchRequest &request, std::function<bool(const Contact &)> keep,
                      Callback<QList<Contact>> done);

    // contactChanges
    void readWindow(std::shared_ptr<ChangeRead> read, qint64 lo, qint64 hi, std::function<void(Status)> done);
    void readMillisecond(std::shared_ptr<ChangeRead> read, qint64 at, const QString &afterId,
                         std::function<void(Status)> done);
    [[nodiscard]] SearchRequest changeQuery(qint64 lo, qint64 hi) const;

    HubSpotClientSettings m_settings;
    Connectors::HttpExecutor &m_executor;
    Connectors::RateLimiter &m_limiter;
    Connectors::OAuth::TokenManager *m_tokens = nullptr;
    Security::SecretStore *m_secrets = nullptr;
    const Clock &m_clock;
    QString m_privateToken; // cached HUBSPOT_TOKEN; never logged
};

} // namespace Concord::HubSpot
