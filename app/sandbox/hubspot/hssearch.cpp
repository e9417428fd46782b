// HubSpotPortal::search and ::batch: the CRM search semantics
// (hubspot-calcom.md A4) and the batch endpoints (A2).
#include "hubspot/hsportal.h"

#include "common/clock.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

constexpr int kMaxGroups = 5;          // "five filterGroups with up to six filters in each" (A4)
constexpr int kMaxFiltersPerGroup = 6;
constexpr int kMaxFilters = 18;
constexpr int kMaxLimit = 200;
constexpr int kBatchLimit = 100;

std::optional<qint64> timeValue(const QString &text)
{
    bool numeric = false;
    const qint64 ms = text.trimmed().toLongLong(&numeric);
    if (numeric)
        return ms;
    const QDateTime t = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    // A bare date has no time: HubSpot refuses it without dateTimeFormat (A4).
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime || !text.contains(u'T'))
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}

std::optional<double> numberValue(const QString &text)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

struct Filter {
    QString property;
    QString op;
    QString value;
    QString high;
    QStringList values;
    // Pre-parsed for date and numeric comparisons.
    std::optional<qint64> valueMs;
    std::optional<qint64> highMs;
};

// One property's value of a record for comparisons.
struct Value {
    bool present = false;
    QString text;
    std::optional<qint64> ms; // dates, hs_object_id
};

Value valueOf(const HubSpotPortal::Record &r, const QString &property)
{
    Value v;
    if (property == u"lastmodifieddate"_s || property == u"hs_lastmodifieddate"_s) {
        v.present = true;
        v.ms = r.indexedUpdatedMs;
        return v;
    }
    if (property == u"hs_object_id"_s) {
        v.present = true;
        v.ms = r.id;
        v.text = QString::number(r.id);
        return v;
    }
    const auto it = r.indexed.constFind(property);
    if (it == r.indexed.cend() || it->isEmpty())
        return v;
    v.present = true;
    v.text = *it;
    if (HubSpotPortal::isDateProperty(property))
        v.ms = timeValue(*it);
    return v;
}

int compare(const Value &v, const QString &text, const std::optional<qint64> &ms)
{
    if (v.ms && ms)
        return *v.ms < *ms ? -1 : (*v.ms > *ms ? 1 : 0);
    const auto a = numberValue(v.text);
    const auto b = numberValue(text);
    if (a && b)
        return *a < *b ? -1 : (*a > *b ? 1 : 0);
    return v.text.compare(text, Qt::CaseInsensitive);
}

bool containsToken(const QString &text, const QString &token)
{
    static const QRegularExpression separators(u"[\\s;,]+"_s);
    QString wanted = token.toLower();
    const bool prefix = wanted.endsWith(u'*');
    const bool suffix = wanted.startsWith(u'*');
    wanted.remove(u'*');
    for (const QString &t : text.toLower().split(separators, Qt::SkipEmptyParts)) {
        if ((prefix && suffix && t.contains(wanted)) || (prefix && !suffix && t.startsWith(wanted))
            || (suffix && !prefix && t.endsWith(wanted)) || t == wanted)
            return true;
    }
    return false;
}

bool matches(const HubSpotPortal::Record &r, const Filter &f)
{
    const Value v = valueOf(r, f.property);
    if (f.op == u"HAS_PROPERTY"_s)
        return v.present;
    if (f.op == u"NOT_HAS_PROPERTY"_s)
        return !v.present;
    if (f.op == u"NEQ"_s)
        return !v.present || compare(v, f.value, f.valueMs) != 0;
    if (f.op == u"NOT_IN"_s)
        return !v.present || !f.values.contains(v.text, Qt::CaseInsensitive);
    if (f.op == u"NOT_CONTAINS_TOKEN"_s)
        return !v.present || !containsToken(v.text, f.value);
    if (!v.present)
        return false;
    if (f.op == u"EQ"_s)
        return compare(v, f.value, f.valueMs) == 0;
    if (f.op == u"LT"_s)
        return compare(v, f.value, f.valueMs) < 0;
    if (f.op == u"LTE"_s)
        return compare(v, f.value, f.valueMs) <= 0;
    if (f.op == u"GT"_s)
        return compare(v, f.value, f.valueMs) > 0;
    if (f.op == u"GTE"_s)
        return compare(v, f.value, f.valueMs) >= 0;
    if (f.op == u"BETWEEN"_s)
        return compare(v, f.value, f.valueMs) >= 0 && compare(v, f.high, f.highMs) <= 0;
    if (f.op == u"IN"_s)
        return f.values.contains(v.text, Qt::CaseInsensitive);
    if (f.op == u"CONTAINS_TOKEN"_s)
        return containsToken(v.text, f.value);
    return false;
}

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toInteger());
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    return {};
}

// The answer to a malformed filter value (observed for a bare date, A4): no category.
HsError problemWithRequest()
{
    return HsError{400, {}, u"There was a problem with the request."_s, {}};
}

} // namespace

HsResult<HubSpotPortal::Reply> HubSpotPortal::search(const QString &type, const QJsonObject &body)
{
    static const QStringList operators{u"EQ"_s, u"NEQ"_s, u"LT"_s, u"LTE"_s, u"GT"_s, u"GTE"_s, u"BETWEEN"_s,
                                       u"IN"_s, u"NOT_IN"_s, u"HAS_PROPERTY"_s, u"NOT_HAS_PROPERTY"_s,
                                       u"CONTAINS_TOKEN"_s, u"NOT_CONTAINS_TOKEN"_s};
    // --- the request ---
    const QJsonArray groupsJson = body.value(u"filterGroups"_s).toArray();
    if (groupsJson.size() > kMaxGroups)
        return std::unexpected(HsError::validation(u"Too many filter groups: at most %1 are allowed"_s.arg(kMaxGroups)));
    QList<QList<Filter>> groups;
    int total = 0;
    for (const QJsonValue &g : groupsJson) {
        const QJsonArray filters = g.toObject().value(u"filters"_s).toArray();
        if (filters.size() > kMaxFiltersPerGroup || (total += int(filters.size())) > kMaxFilters)
            return std::unexpected(HsError::validation(
                u"Too many filters: at most %1 per group and %2 in all"_s.arg(kMaxFiltersPerGroup).arg(kMaxFilters)));
        QList<Filter> group;
        for (const QJsonValue &fv : filters) {
            const QJsonObject fo = fv.toObject();
            Filter f;
            f.property = fo.value(u"propertyName"_s).toString();
            f.op = fo.value(u"operator"_s).toString(u"EQ"_s).toUpper();
            f.value = jsonText(fo.value(u"value"_s));
            f.high = jsonText(fo.value(u"highValue"_s));
            for (const QJsonValue &v : fo.value(u"values"_s).toArray())
                f.values.append(jsonText(v));
            if (f.property.isEmpty() || !operators.contains(f.op))
                return std::unexpected(HsError::validation(u"Invalid filter: propertyName and a valid operator are required"_s));
            if (isDateProperty(f.property) && !f.value.isEmpty()) {
                f.valueMs = timeValue(f.value);
                if (!f.valueMs)
                    return std::unexpected(problemWithRequest());
                if (f.op == u"BETWEEN"_s) {
                    f.highMs = timeValue(f.high);
                    if (!f.highMs)
                        return std::unexpected(problemWithRequest());
                }
            }
            if (f.property == u"hs_object_id"_s) {
                f.valueMs = f.value.toLongLong();
                f.highMs = f.high.toLongLong();
            }
            group.append(f);
        }
        groups.append(group);
    }
    // sorts: objects (docs) or "name" / "-name" strings (spec, SDK users).
    QString sortProperty;
    bool ascending = true;
    const QJsonArray sorts = body.value(u"sorts"_s).toArray();
    if (!sorts.isEmpty()) {
        const QJsonValue s = sorts.first();
        if (s.isString()) {
            sortProperty = s.toString();
            if (sortProperty.startsWith(u'-')) {
                ascending = false;
                sortProperty.remove(0, 1);
            }
        } else {
            sortProperty = s.toObject().value(u"propertyName"_s).toString();
            ascending = s.toObject().value(u"direction"_s).toString(u"ASCENDING"_s) != u"DESCENDING"_s;
        }
    }
    const int limit = body.contains(u"limit"_s) ? body.value(u"limit"_s).toInt(-1) : 10;
    if (limit < 0 || limit > kMaxLimit)
        return std::unexpected(HsError::validation(u"limit must be between 0 and %1"_s.arg(kMaxLimit)));
    const QString afterText = jsonText(body.value(u"after"_s));
    bool afterOk = afterText.isEmpty();
    const qint64 after = afterText.isEmpty() ? 0 : afterText.toLongLong(&afterOk);
    if (!afterOk || after < 0)
        return std::unexpected(HsError::validation(u"after must be a non-negative integer"_s));
    if (after >= m_searchCap)
        return std::unexpected(HsError::validation(
            u"The maximum number of results you can page through is %1; narrow the search"_s.arg(m_searchCap)));
    if (body.value(u"query"_s).toString().size() > 3000)
        return std::unexpected(HsError::validation(u"query must be at most 3000 characters"_s));
    QStringList properties;
    for (const QJsonValue &p : body.value(u"properties"_s).toArray())
        properties.append(p.toString());
    const QString query = body.value(u"query"_s).toString().trimmed().toLower();

    // --- evaluation over what is indexed now ---
    const qint64 now = nowMs();
    auto &table = m_tables[type];
    std::vector<const Record *> hits;
    // Candidates: every record, or — when nothing waits for indexing and the
    // one filter group bounds the modification instant (every incremental
    // read) — only those in that range, from the index.
    std::vector<Record *> candidates;
    std::optional<std::pair<qint64, qint64>> range;
    if (!m_indexDirty && groups.size() == 1) {
        qint64 lo = std::numeric_limits<qint64>::min();
        qint64 hi = std::numeric_limits<qint64>::max();
        bool bounded = false;
        for (const Filter &f : groups.first()) {
            if ((f.property != u"lastmodifieddate"_s && f.property != u"hs_lastmodifieddate"_s) || !f.valueMs)
                continue;
            const qint64 v = *f.valueMs;
            if (f.op == u"GTE"_s || f.op == u"EQ"_s || f.op == u"BETWEEN"_s) {
                lo = std::max(lo, v);
                bounded = true;
            }
            if (f.op == u"GT"_s) {
                lo = std::max(lo, v + 1);
                bounded = true;
            }
            if (f.op == u"LT"_s) {
                hi = std::min(hi, v - 1);
                bounded = true;
            }
            if (f.op == u"LTE"_s || f.op == u"EQ"_s) {
                hi = std::min(hi, v);
                bounded = true;
            }
            if (f.op == u"BETWEEN"_s && f.highMs) {
                hi = std::min(hi, *f.highMs);
            }
        }
        if (bounded)
            range = std::make_pair(lo, hi);
    }
    if (range) {
        const auto &index = m_byModified[type];
        for (auto it = index.lower_bound({range->first, std::numeric_limits<qint64>::min()});
             it != index.end() && it->first <= range->second; ++it) {
            const auto found = table.find(it->second);
            if (found != table.end() && found->second.isIndexed && found->second.indexedUpdatedMs == it->first)
                candidates.push_back(&found->second);
        }
    } else {
        candidates.reserve(table.size());
        for (auto &[id, record] : table)
            candidates.push_back(&record);
    }
    for (Record *candidate : candidates) {
        Record &record = *candidate;
        refreshIndex(record, now);
        if (record.archived || !record.isIndexed)
            continue;
        bool ok = groups.isEmpty();
        for (const QList<Filter> &group : std::as_const(groups)) {
            bool all = true;
            for (const Filter &f : group) {
                if (!matches(record, f)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                ok = true;
                break;
            }
        }
        if (ok && !query.isEmpty()) {
            ok = false;
            for (const QString &v : record.indexed)
                ok = ok || v.toLower().contains(query);
        }
        if (ok)
            hits.push_back(&record);
    }
    // Sorted by the property, ties by id (HubSpot documents no tie order;
    // a stable one keeps offset paging deterministic).
    // Candidates from the index already come in (modified instant, id) order.
    const bool presorted = range && ascending
        && (sortProperty == u"lastmodifieddate"_s || sortProperty == u"hs_lastmodifieddate"_s);
    if (!sortProperty.isEmpty() && !presorted) {
        const bool dateLike = isDateProperty(sortProperty) || sortProperty == u"hs_object_id"_s;
        struct Keyed {
            qint64 number = 0; // dates and ids
            QString text;      // everything else, case-folded
            const Record *record = nullptr;
        };
        std::vector<Keyed> keyed;
        keyed.reserve(hits.size());
        for (const Record *r : hits) {
            const Value v = valueOf(*r, sortProperty);
            if (dateLike)
                keyed.push_back({v.ms.value_or(std::numeric_limits<qint64>::max()), {}, r});
            else
                keyed.push_back({0, v.text.toLower(), r});
        }
        // Only the rows up to this page's end need ordering (50,000 records
        // per query in benchmarks).
        const size_t needed = size_t(std::min<qint64>(qint64(keyed.size()), std::min<qint64>(m_searchCap, after + limit)));
        std::partial_sort(keyed.begin(), keyed.begin() + qsizetype(needed), keyed.end(),
                          [ascending](const Keyed &a, const Keyed &b) {
                              if (a.number != b.number)
                                  return ascending ? a.number < b.number : b.number < a.number;
                              if (a.text != b.text)
                                  return ascending ? a.text < b.text : b.text < a.text;
                              return a.record->id < b.record->id;
                          });
        for (size_t i = 0; i < needed; ++i)
            hits[i] = keyed[i].record;
    }
    const qint64 totalHits = qint64(hits.size());
    const qint64 reachable = std::min<qint64>(totalHits, m_searchCap);
    QJsonArray results;
    for (qint64 i = after; i < std::min<qint64>(reachable, after + limit); ++i)
        results.append(toJson(*hits[size_t(i)], properties, true));
    QJsonObject reply{{u"total"_s, totalHits}, {u"results"_s, results}};
    const qint64 next = after + limit;
    if (limit > 0 && next < reachable)
        reply.insert(u"paging"_s, QJsonObject{{u"next"_s, QJsonObject{{u"after"_s, QString::number(next)},
                                                                       {u"link"_s, u"?after=%1"_s.arg(next)}}}});
    return Reply{200, reply};
}

HsResult<HubSpotPortal::Reply> HubSpotPortal::batch(const QString &type, const QString &action, const QJsonObject &body)
{
    const QJsonArray inputs = body.value(u"inputs"_s).toArray();
    if (inputs.isEmpty() || inputs.size() > kBatchLimit)
        return std::unexpected(HsError::validation(
            u"Batch inputs must contain between 1 and %1 items, got %2"_s.arg(kBatchLimit).arg(inputs.size())));
    const QString started = QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC).toString(Qt::ISODateWithMs);
    const auto finish = [&](int status, const QJsonArray &results, const QJsonArray &errors) {
        QJsonObject reply{{u"status"_s, u"COMPLETE"_s}, {u"results"_s, results}, {u"startedAt"_s, started},
                          {u"completedAt"_s, QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC).toString(Qt::ISODateWithMs)}};
        if (!errors.isEmpty()) {
            reply.insert(u"errors"_s, errors);
            reply.insert(u"numErrors"_s, errors.size());
            status = 207;
        }
        return Reply{status, reply};
    };
    const QString label = type == u"contacts"_s ? u"CONTACT"_s : type.toUpper().chopped(1);
    const auto missingError = [&](const QStringList &ids) {
        return QJsonObject{{u"status"_s, u"error"_s}, {u"category"_s, u"OBJECT_NOT_FOUND"_s},
                           {u"message"_s, u"Could not get some %1 objects, they may be deleted or not exist. "
                                          "Check that ids are valid."_s.arg(label)},
                           {u"context"_s, QJsonObject{{u"ids"_s, QJsonArray::fromStringList(ids)}}}};
    };

    if (action == u"read"_s) {
        QStringList properties;
        for (const QJsonValue &p : body.value(u"properties"_s).toArray())
            properties.append(p.toString());
        const QString idProperty = body.value(u"idProperty"_s).toString();
        QJsonArray results;
        QStringList missing;
        for (const QJsonValue &v : inputs) {
            const QString id = jsonText(v.toObject().value(u"id"_s));
            auto r = read(type, id, idProperty, properties);
            if (r)
                results.append(r->body);
            else
                missing.append(id);
        }
        return finish(200, results, missing.isEmpty() ? QJsonArray() : QJsonArray{missingError(missing)});
    }
    if (action == u"create"_s) {
        // Validated as a whole first: one conflict refuses the batch, naming
        // only the first (observed, A2).
        QSet<QString> emails;
        for (const QJsonValue &v : inputs) {
            auto props = checkProperties(type, v.toObject().value(u"properties"_s).toObject(), true);
            if (!props)
                return std::unexpected(props.error());
            const QString email = props->value(u"email"_s);
            if (type == u"contacts"_s && !email.isEmpty()) {
                if (const auto owner = ownerOfEmail(email))
                    return std::unexpected(HsError::contactExists(*owner));
                if (emails.contains(email))
                    return std::unexpected(HsError::conflict(u"Duplicate email in batch input: %1"_s.arg(email)));
                emails.insert(email);
            }
        }
        QJsonArray results;
        for (const QJsonValue &v : inputs) {
            auto r = create(type, v.toObject(), u"API"_s);
            if (!r)
                return std::unexpected(r.error());
            results.append(r->body);
        }
        return finish(201, results, {});
    }
    if (action == u"update"_s) {
        QJsonArray results;
        QStringList missing;
        for (const QJsonValue &v : inputs) {
            const QJsonObject in = v.toObject();
            const QString id = jsonText(in.value(u"id"_s));
            auto props = checkProperties(type, in.value(u"properties"_s).toObject(), false);
            if (!props)
                return std::unexpected(props.error());
            if (!locate(type, id, in.value(u"idProperty"_s).toString())) {
                missing.append(id);
                continue;
            }
            auto r = update(type, id, in.value(u"idProperty"_s).toString(), in, u"API"_s);
            if (!r)
                return std::unexpected(r.error());
            results.append(r->body);
        }
        return finish(200, results, missing.isEmpty() ? QJsonArray() : QJsonArray{missingError(missing)});
    }
    if (action == u"upsert"_s) {
        QSet<QString> ids;
        for (const QJsonValue &v : inputs) {
            const QString id = jsonText(v.toObject().value(u"id"_s)).trimmed().toLower();
            if (ids.contains(id))
                return std::unexpected(HsError::validation(u"Duplicate IDs found in batch input: [%1]"_s.arg(id)));
            ids.insert(id);
        }
        QJsonArray results;
        for (const QJsonValue &v : inputs) {
            const QJsonObject in = v.toObject();
            const QString id = jsonText(in.value(u"id"_s));
            const QString idProperty = in.value(u"idProperty"_s).toString();
            if (type != u"contacts"_s || idProperty != u"email"_s)
                return std::unexpected(HsError::validation(u"upsert needs idProperty=email for contacts"_s));
            const bool exists = bool(locate(type, id, idProperty));
            HsResult<Reply> r;
            if (exists) {
                r = update(type, id, idProperty, in, u"API"_s);
            } else {
                QJsonObject props = in.value(u"properties"_s).toObject();
                props.insert(u"email"_s, id);
                r = create(type, QJsonObject{{u"properties"_s, props}}, u"API"_s);
            }
            if (!r)
                return std::unexpected(r.error());
            QJsonObject out = r->body;
            out.insert(u"new"_s, !exists);
            results.append(out);
        }
        return finish(200, results, {});
    }
    if (action == u"archive"_s) {
        for (const QJsonValue &v : inputs)
            (void)archive(type, jsonText(v.toObject().value(u"id"_s)), u"API"_s); // missing ids are ignored
        return Reply{204, {}};
    }
    return std::unexpected(HsError::notFound());
}

} // namespace Concord::Sandbox
