#include "connectors/hubspot/search.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Concord::HubSpot {

QString filterOperatorName(FilterOperator op)
{
    switch (op) {
    case FilterOperator::Eq: return u"EQ"_s;
    case FilterOperator::Neq: return u"NEQ"_s;
    case FilterOperator::Lt: return u"LT"_s;
    case FilterOperator::Lte: return u"LTE"_s;
    case FilterOperator::Gt: return u"GT"_s;
    case FilterOperator::Gte: return u"GTE"_s;
    case FilterOperator::Between: return u"BETWEEN"_s;
    case FilterOperator::In: return u"IN"_s;
    case FilterOperator::NotIn: return u"NOT_IN"_s;
    case FilterOperator::HasProperty: return u"HAS_PROPERTY"_s;
    case FilterOperator::NotHasProperty: return u"NOT_HAS_PROPERTY"_s;
    case FilterOperator::ContainsToken: return u"CONTAINS_TOKEN"_s;
    case FilterOperator::NotContainsToken: return u"NOT_CONTAINS_TOKEN"_s;
    }
    return u"EQ"_s;
}

QJsonObject Filter::toJson() const
{
    QJsonObject json{{u"propertyName"_s, propertyName}, {u"operator"_s, filterOperatorName(op)}};
    switch (op) {
    case FilterOperator::HasProperty:
    case FilterOperator::NotHasProperty:
        break; // no value
    case FilterOperator::In:
    case FilterOperator::NotIn:
        json.insert(u"values"_s, QJsonArray::fromStringList(values));
        break;
    case FilterOperator::Between:
        json.insert(u"value"_s, value);
        json.insert(u"highValue"_s, highValue);
        break;
    default:
        json.insert(u"value"_s, value);
        break;
    }
    return json;
}

QJsonObject SearchRequest::toJson() const
{
    QJsonArray groups;
    for (const QList<Filter> &group : filterGroups) {
        QJsonArray filters;
        for (const Filter &f : group)
            filters.append(f.toJson());
        groups.append(QJsonObject{{u"filters"_s, filters}});
    }
    QJsonObject json{{u"filterGroups"_s, groups}, {u"limit"_s, limit}};
    if (!sorts.isEmpty()) {
        QJsonArray s;
        for (const Sort &sort : sorts)
            s.append(QJsonObject{{u"propertyName"_s, sort.propertyName},
                                 {u"direction"_s, sort.ascending ? u"ASCENDING"_s : u"DESCENDING"_s}});
        json.insert(u"sorts"_s, s);
    }
    if (!properties.isEmpty())
        json.insert(u"properties"_s, QJsonArray::fromStringList(properties));
    if (!query.isEmpty())
        json.insert(u"query"_s, query);
    if (!after.isEmpty())
        json.insert(u"after"_s, after);
    return json;
}

Result<SearchPage> SearchPage::parse(QByteArrayView body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &error);
    const QJsonObject o = doc.object();
    if (error.error != QJsonParseError::NoError || !doc.isObject() || !o.value(u"results"_s).isArray())
        return fail(ErrorCode::RemoteValidation, u"HubSpot sent search results Concord cannot read"_s,
                    u"expected {\"total\",\"results\":[…]}"_s);
    SearchPage page;
    page.total = o.value(u"total"_s).toInt();
    for (const QJsonValue &v : o.value(u"results"_s).toArray()) {
        auto object = CrmObject::fromJson(v.toObject());
        if (!object)
            return std::unexpected(object.error());
        page.results.append(*object);
    }
    const QJsonValue after = o.value(u"paging"_s).toObject().value(u"next"_s).toObject().value(u"after"_s);
    page.nextAfter = after.isDouble() ? QString::number(after.toInteger()) : after.toString();
    return page;
}

} // namespace Concord::HubSpot
