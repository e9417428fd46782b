#pragma once

#include "connectors/hubspot/crmobject.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Concord::HubSpot {

// Search operators (hubspot-calcom.md A4, spec enum).
enum class FilterOperator {
    Eq, Neq, Lt, Lte, Gt, Gte, Between, In, NotIn, HasProperty, NotHasProperty, ContainsToken,
    NotContainsToken,
};
[[nodiscard]] QString filterOperatorName(FilterOperator op);

// One filter. Filters in a group AND; groups OR.
struct Filter {
    QString propertyName;
    FilterOperator op = FilterOperator::Eq;
    QString value;      // most operators; epoch ms for dates
    QString highValue;  // Between
    QStringList values; // In / NotIn

    [[nodiscard]] static Filter eq(const QString &property, const QString &value) { return {property, FilterOperator::Eq, value, {}, {}}; }
    [[nodiscard]] static Filter gte(const QString &property, const QString &value) { return {property, FilterOperator::Gte, value, {}, {}}; }
    [[nodiscard]] static Filter lt(const QString &property, const QString &value) { return {property, FilterOperator::Lt, value, {}, {}}; }
    [[nodiscard]] static Filter containsToken(const QString &property, const QString &value) { return {property, FilterOperator::ContainsToken, value, {}, {}}; }
    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const Filter &, const Filter &) = default;
};

// POST …/search body (PublicObjectSearchRequest). Pure value.
struct SearchRequest {
    // Documented maxima (A4): 200 per page; after + limit never past 10,000.
    static constexpr int kMaxLimit = 200;
    static constexpr int kResultCap = 10000;

    QList<QList<Filter>> filterGroups;
    struct Sort {
        QString propertyName;
        bool ascending = true;
        friend bool operator==(const Sort &, const Sort &) = default;
    };
    QList<Sort> sorts;
    QStringList properties;
    QString query; // free text, ≤ 3000 characters
    int limit = 100;
    QString after; // paging cursor, empty = first page

    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const SearchRequest &, const SearchRequest &) = default;
};

// One page of search results: {total, results, paging.next.after}.
struct SearchPage {
    int total = 0;
    QList<CrmObject> results;
    QString nextAfter; // empty on the last page

    [[nodiscard]] static Result<SearchPage> parse(QByteArrayView body);
};

} // namespace Concord::HubSpot
