#pragma once

#include "quickbooks/qbofault.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <expected>

namespace Concord::Sandbox {

// The subset of the QBO query language the emulator understands (quickbooks.md §2):
//   SELECT * | COUNT(*) FROM Entity [WHERE p op v [AND …]] [ORDERBY p [ASC|DESC], …]
//   [STARTPOSITION n] [MAXRESULTS n]
// with = < > <= >= IN LIKE('%'), case-insensitive keywords, names and values,
// \' inside strings, dotted MetaData.* names. Only documented-filterable
// properties may be used (4001 otherwise); syntax errors are 4000.
class QboQuery
{
public:
    enum class Op { Eq, Lt, Gt, Le, Ge, In, Like };
    struct Condition {
        QString property; // canonical spelling, e.g. "MetaData.LastUpdatedTime"
        Op op = Op::Eq;
        QStringList values; // literals as written (unquoted); "CURRENT_DATE" kept as is
    };
    struct Order {
        QString property;
        bool descending = false;
    };

    // Parses and validates against the filterable-property table.
    [[nodiscard]] static std::expected<QboQuery, QboFault> parse(const QString &statement);
    // Canonical entity name for any casing ("cUstomer" → "Customer"); empty if unknown.
    [[nodiscard]] static QString canonicalEntity(const QString &name);

    [[nodiscard]] const QString &entity() const { return m_entity; }
    [[nodiscard]] bool isCount() const { return m_count; }
    [[nodiscard]] int startPosition() const { return m_start; }
    [[nodiscard]] int maxResults() const { return m_max; }
    [[nodiscard]] const QList<Condition> &conditions() const { return m_conditions; }

    // Whether an entity (as serialized) satisfies every condition. `today` is
    // the company-local date that CURRENT_DATE stands for.
    [[nodiscard]] bool matches(const QJsonObject &entity, const QString &today) const;
    // Sorts by ORDERBY (then by numeric Id, QBO's default order).
    void sort(QList<QJsonObject> &entities) const;

private:
    QString m_entity;
    bool m_count = false;
    QList<Condition> m_conditions;
    QList<Order> m_order;
    int m_start = 1;
    int m_max = 100;
};

} // namespace Concord::Sandbox
