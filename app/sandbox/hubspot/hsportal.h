#pragma once

#include "hubspot/hserror.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <map>
#include <set>
#include <optional>

namespace Concord {
class Clock;
}

namespace Concord::Sandbox {

// The in-memory CRM of one HubSpot account (portal), with the rules the
// real one enforces (hubspot-calcom.md A2–A9): string-valued properties,
// unknown and read-only properties refused, email unique across primary and
// additional emails (409 with the existing id), derived phone fields,
// merges that may give the survivor a new id (old ids then resolve to it),
// deals in pipelines with stages, v4 associations with paired type ids, and
// search with HubSpot's operators, paging, result cap and indexing lag.
// Every change is recorded as a webhook event (takeEvents()).
//
// Not thread-safe; owned by HubSpotEmulator.
class HubSpotPortal
{
public:
    struct Record {
        QString type;
        qint64 id = 0;
        QMap<QString, QString> props;
        qint64 createdMs = 0;
        qint64 updatedMs = 0;
        bool archived = false;
        qint64 archivedMs = 0;
        // What search sees: the props and modification instant as of the
        // last indexing, which lags writes by the index lag.
        QMap<QString, QString> indexed;
        qint64 indexedUpdatedMs = 0;
        bool isIndexed = false;
        qint64 indexDueMs = -1; // when the pending write becomes searchable; -1 = none
    };

    // One webhook event, before the sender numbers and signs it.
    struct Event {
        QString subscriptionType; // contact.creation, contact.propertyChange, contact.merge, …
        qint64 objectId = 0;
        QString propertyName;
        std::optional<QString> propertyValue;
        qint64 occurredMs = 0;
        QString changeSource; // API, CRM_UI
        QString changeFlag;
        qint64 primaryObjectId = 0;
        QList<qint64> mergedObjectIds;
        qint64 newObjectId = 0;
        int numberOfPropertiesMoved = 0;
    };

    // A successful answer: HTTP status and JSON body.
    struct Reply {
        int status = 200;
        QJsonObject body;
    };

    explicit HubSpotPortal(const Clock *clock, qint64 portalId = 62515);

    [[nodiscard]] qint64 portalId() const { return m_portalId; }
    void setClock(const Clock *clock) { m_clock = clock; }

    // --- behaviour switches ---
    void setSearchIndexLagMs(qint64 ms) { m_indexLagMs = std::max<qint64>(0, ms); }
    void setSearchResultCap(int cap) { m_searchCap = std::max(1, cap); }
    [[nodiscard]] int searchResultCap() const { return m_searchCap; }
    // A merge gives the survivor a brand-new id (A6; default true).
    void setMergeGivesNewId(bool on) { m_mergeNewId = on; }
    // A read of a merged-away id answers with the survivor (default true) or 404.
    void setMergedIdsResolve(bool on) { m_mergedResolve = on; }
    // A custom property the portal knows (as if created in HubSpot's
    // settings): a single-line text property in the type's main group.
    void defineProperty(const QString &type, const QString &name);
    // Whether writes may name `name` on `type` (a default or custom property).
    [[nodiscard]] bool hasProperty(const QString &type, const QString &name) const;

    // --- properties (CRM v3 Properties API) ---
    // GET /crm/v3/properties/{type}: HubSpot's default properties and the custom ones.
    HsResult<Reply> listProperties(const QString &type) const;
    HsResult<Reply> readProperty(const QString &type, const QString &name) const;
    // POST /crm/v3/properties/{type}: 201 with the definition. 400 for a bad
    // name, a missing label, an unknown group, or a type and fieldType that do
    // not go together; 409 when the name is taken (default or custom).
    HsResult<Reply> createProperty(const QString &type, const QJsonObject &body);

    // --- objects (type: contacts, deals, notes, tasks) ---
    // `source` is the changeSource for events (API or CRM_UI). `atMs`
    // overrides the creation/modification instant (seeding, benchmarks).
    HsResult<Reply> create(const QString &type, const QJsonObject &body, const QString &source,
                           std::optional<qint64> atMs = std::nullopt);
    HsResult<Reply> read(const QString &type, const QString &idOrValue, const QString &idProperty,
                         const QStringList &properties) ;
    HsResult<Reply> list(const QString &type, int limit, const QString &after, const QStringList &properties);
    HsResult<Reply> update(const QString &type, const QString &idOrValue, const QString &idProperty,
                           const QJsonObject &body, const QString &source, std::optional<qint64> atMs = std::nullopt);
    HsResult<Reply> archive(const QString &type, const QString &id, const QString &source);
    HsResult<Reply> search(const QString &type, const QJsonObject &body);
    HsResult<Reply> batch(const QString &type, const QString &action, const QJsonObject &body);
    HsResult<Reply> merge(const QString &type, const QJsonObject &body, const QString &source);
    HsResult<Reply> addSecondaryEmail(const QString &contactId, const QString &email, const QString &source);
    HsResult<Reply> removeSecondaryEmail(const QString &contactId, const QString &email, const QString &source);

    // --- pipelines ---
    [[nodiscard]] QJsonArray pipelines(const QString &type) const;
    void addPipeline(const QString &type, const QJsonObject &pipeline);

    // --- associations v4 ---
    HsResult<Reply> associate(const QString &fromType, const QString &fromId, const QString &toType,
                              const QString &toId, const QJsonArray &types); // empty = default
    HsResult<Reply> associations(const QString &fromType, const QString &fromId, const QString &toType,
                                 int limit, const QString &after);
    HsResult<Reply> removeAssociations(const QString &fromType, const QString &fromId, const QString &toType,
                                       const QString &toId);
    // toId → type ids, for tests and state dumps.
    [[nodiscard]] QMap<qint64, QList<int>> associationsOf(const QString &fromType, qint64 fromId,
                                                          const QString &toType) const;

    // --- state ---
    // The live (not archived) record, following merges; nullptr when none.
    [[nodiscard]] const Record *find(const QString &type, qint64 id) const;
    [[nodiscard]] QList<const Record *> all(const QString &type, bool includeArchived = false) const;
    [[nodiscard]] qsizetype count(const QString &type) const;
    // The id a merged-away id resolves to now (itself when not merged).
    [[nodiscard]] qint64 currentId(qint64 id) const;
    // The record as the API shows it (properties: those asked for, or the defaults).
    [[nodiscard]] QJsonObject toJson(const Record &record, const QStringList &properties,
                                     bool searchView = false) const;
    // Many contacts at once for benchmarks: email bench<n>@example.com,
    // lastmodifieddate firstMs + n × stepMs. Searchable at once; no events.
    void bulkCreateContacts(int count, qint64 firstMs, qint64 stepMs, const QString &emailPrefix = QStringLiteral("bench"));

    QList<Event> takeEvents();
    void clear();

    [[nodiscard]] static QString canonicalType(const QString &typeOrId);
    [[nodiscard]] static bool isDateProperty(const QString &name);

private:
    using Table = std::map<qint64, Record>;

    [[nodiscard]] qint64 nowMs() const;
    Record *findMutable(const QString &type, qint64 id);
    HsResult<Record *> locate(const QString &type, const QString &idOrValue, const QString &idProperty);
    HsResult<QMap<QString, QString>> checkProperties(const QString &type, const QJsonObject &properties,
                                                     bool creating) const;
    void applyProperties(Record &record, const QMap<QString, QString> &props, const QString &source, bool notify);
    void derive(Record &record);
    // nullopt when the stage belongs to the deal pipeline; the 400 otherwise.
    [[nodiscard]] std::optional<HsError> checkDealStage(const QString &pipelineId, const QString &stageId) const;
    void stamp(Record &record, qint64 atMs);
    void markIndexed(Record &record, qint64 atMs);
    void refreshIndex(Record &record, qint64 now);
    // Records by the modification instant search sees: (indexedUpdatedMs, id).
    // Entries go stale when a record changes again or leaves; readers check
    // them against the record, so stale ones are only skipped.
    void noteIndexed(const Record &record) { m_byModified[record.type].insert({record.indexedUpdatedMs, record.id}); }
    void indexEmails(const Record &record);
    void unindexEmails(const Record &record);
    [[nodiscard]] std::optional<qint64> ownerOfEmail(const QString &email, qint64 except = 0) const;
    HsResult<QList<std::pair<qint64, int>>> parseInlineAssociations(const QString &type, const QJsonArray &list) const;
    void link(const QString &fromType, qint64 fromId, const QString &toType, qint64 toId, int typeId);
    void unlink(const QString &fromType, qint64 fromId, const QString &toType, qint64 toId);
    void emitEvent(Event event);
    [[nodiscard]] QString associationKey(const QString &fromType, qint64 fromId, const QString &toType) const;

    const Clock *m_clock;
    qint64 m_portalId;
    qint64 m_nextId = 1001;
    qint64 m_indexLagMs = 0;
    int m_searchCap = 10000;
    bool m_mergeNewId = true;
    bool m_mergedResolve = true;
    QHash<QString, Table> m_tables;
    QHash<QString, qint64> m_emails;  // lower-case email (primary or additional) → contact id
    QHash<qint64, qint64> m_mergedInto; // merged-away id → the id it went into
    QHash<QString, QMap<qint64, QList<int>>> m_associations; // "from/id/to" → toId → type ids
    QHash<QString, QMap<QString, QJsonObject>> m_customProperties; // type → name → definition as created
    QHash<QString, QJsonArray> m_pipelines;
    QList<Event> m_events;
    // Mutable: search refreshes what became searchable since the last call.
    mutable bool m_indexDirty = false;
    QHash<QString, std::set<std::pair<qint64, qint64>>> m_byModified;
};

} // namespace Concord::Sandbox
