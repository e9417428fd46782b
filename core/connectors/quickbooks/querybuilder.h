#pragma once

#include "common/error.h"
#include "domain/decimal.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <variant>

namespace Concord::QuickBooks {

enum class QueryOperator { Equal, Less, Greater, LessOrEqual, GreaterOrEqual, In, Like };

// A value in a WHERE clause. Text, numbers, dates and times are quoted
// ('O\'Brien', '1000.00', '2026-01-31'); booleans are bare (true/false).
using QueryValue = std::variant<QString, bool, Domain::Decimal, QDate, QDateTime>;

// Builds a QuickBooks query statement:
//   SELECT * | COUNT(*) FROM <Entity> [WHERE a AND b …] [ORDERBY f [ASC|DESC], …]
//   [STARTPOSITION n] [MAXRESULTS n]
// and refuses, as an error value from build(), what the server would refuse
// with 4000/4001: a field outside the entity's filterable (WHERE) or sortable
// (ORDERBY) list in quickbooks.md §2, an operator other than = / IN on Id,
// STARTPOSITION < 1 or MAXRESULTS outside 1..1000. The language has no OR.
//
// Value type; the fluent calls record the first mistake and build() reports it.
class QueryBuilder
{
public:
    static constexpr int kMaxResultsLimit = 1000;

    [[nodiscard]] static QueryBuilder select(const QString &entity);
    [[nodiscard]] static QueryBuilder count(const QString &entity);

    QueryBuilder &where(const QString &field, QueryOperator op, const QueryValue &value);
    QueryBuilder &whereIn(const QString &field, const QList<QueryValue> &values);
    QueryBuilder &orderBy(const QString &field, bool descending = false);
    QueryBuilder &startPosition(int position); // 1-based
    QueryBuilder &maxResults(int count);       // 1..1000

    [[nodiscard]] Result<QString> build() const;

    [[nodiscard]] const QString &entity() const { return m_entity; }
    [[nodiscard]] int startPositionValue() const { return m_startPosition; }
    [[nodiscard]] int maxResultsValue() const { return m_maxResults; }

    // Quotes a text value: 'Adam\'s Candy Shop'. Backslashes are passed
    // through unchanged (their escaping is undocumented).
    [[nodiscard]] static QString quote(const QString &text);
    // Whether `field` may appear in WHERE / ORDERBY for `entity`
    // (case-insensitive, as the server is).
    [[nodiscard]] static bool isFilterable(const QString &entity, const QString &field);
    [[nodiscard]] static bool isSortable(const QString &entity, const QString &field);

private:
    QueryBuilder(QString entity, bool count) : m_entity(std::move(entity)), m_count(count) {}
    void setError(const QString &message);

    QString m_entity;
    bool m_count = false;
    QStringList m_conditions;
    QStringList m_ordering;
    int m_startPosition = 0; // 0 = not given (server default 1)
    int m_maxResults = 0;    // 0 = not given (server default 100)
    QString m_error;
};

// Walks a SELECT page by page: STARTPOSITION 1, 1 + pageSize, … until a page
// comes back shorter than pageSize. Pure bookkeeping: the caller runs each
// statement and reports how many objects it returned.
class QueryPager
{
public:
    // pageSize 1..1000; the base query's own STARTPOSITION/MAXRESULTS are replaced.
    QueryPager(QueryBuilder base, int pageSize = QueryBuilder::kMaxResultsLimit);

    [[nodiscard]] bool atEnd() const { return m_done; }
    // The statement for the next page (an error when atEnd() or the base query is invalid).
    [[nodiscard]] Result<QString> next() const;
    // Records the size of the page just fetched; a short page ends the walk.
    void pageReceived(int returnedCount);
    [[nodiscard]] int nextStartPosition() const { return m_position; }

private:
    QueryBuilder m_base;
    int m_pageSize;
    int m_position = 1;
    bool m_done = false;
};

} // namespace Concord::QuickBooks
