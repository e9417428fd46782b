#pragma once

#include "common/error.h"
#include "domain/rules.h"
#include "domain/system.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Field mappings are data (Domain::FieldMapping, edited in the mapping
// editor, stored by Store::RulesRepository). This module says what they
// mean: which transforms exist and what they accept, whether a set of
// mappings makes sense, and which system owns a field. Pure and
// thread-safe: functions over values.
namespace Concord::Sync {

// The kind of value a field carries, or a transform accepts / produces.
enum class ValueType {
    Any,         // identity accepts everything
    Text,        // free text: invoice numbers, names
    Reference,   // a record id in some system (customer id, event type, item)
    Email,
    Phone,
    Minutes,     // an integer number of minutes (durations)
    Decimal,     // an exact decimal number as text ("1.5")
    Amount,      // money as the APIs write it: a decimal amount ("65.00")
    MinorUnits,  // money as an integer of minor units (cents: 6500)
    Date,        // calendar date, "YYYY-MM-DD"
    DateTime,    // an instant, ISO 8601 with offset, or epoch milliseconds
    TimeZone,    // an IANA zone id
    Url,
    MoneyStatus, // one of Concord's money status names ("paid", "overdue", …)
};
// Stable lower-case names: "any", "text", "reference", "email", "phone",
// "minutes", "decimal", "amount", "minor_units", "date", "date_time",
// "time_zone", "url", "money_status".
[[nodiscard]] QString toString(ValueType type);

struct TransformInfo {
    QString name;        // stored in FieldMapping::transform
    QString description; // one line for the mapping editor
    ValueType input = ValueType::Any;
    ValueType output = ValueType::Any;
    // applyTransform() computes it. Lookups (event type → QuickBooks item,
    // staff email → HubSpot owner) need Concord's tables: the engine applies them.
    bool pure = true;
};

// Every transform a mapping may name, in the editor's order.
[[nodiscard]] QList<TransformInfo> knownTransforms();
[[nodiscard]] std::optional<TransformInfo> transformInfo(const QString &name);

// Whether a transform taking `input` can be applied to a field whose values
// are `field` (Text accepts text-like fields; MinorUnits feeds Amount fields,
// e.g. Cal.com prices in cents; Any accepts all).
[[nodiscard]] bool accepts(ValueType input, ValueType field);

struct TransformOptions {
    QString defaultRegion = QStringLiteral("US"); // for phone numbers without "+country"
    QString currency = QStringLiteral("USD");     // for cents_to_amount
};

// Applies a pure transform to one value. Errors (InvalidArgument) name the
// value and say why ("50 minutes is not a whole number of hundredths of an
// hour …"); an unknown name is InvalidArgument, a lookup transform Unsupported.
// Exact throughout: numbers come back as decimal text, never as a double.
[[nodiscard]] Result<QJsonValue> applyTransform(const QString &name, const QJsonValue &value,
                                                const TransformOptions &options = {});

// The canonical fields product.md §3 carries, and their value types.
[[nodiscard]] QStringList knownFields();
[[nodiscard]] std::optional<ValueType> fieldType(const QString &field);

struct MappingProblem {
    enum class Severity { Error, Warning };
    int row = -1;         // index into the list passed to validateFieldMappings()
    QString field;
    QString explanation;  // for the person editing the mappings
    Severity severity = Severity::Error;
};

// Every problem of a set of mappings, ordered by row. Errors: a field with
// more than one authoritative system; a row writing a field into its own
// authority, or reading it from somewhere other than its authority; a row
// mapping a system onto itself; two rows writing one field into one system;
// an unknown transform; a transform that cannot apply to the field's values.
// Warning: a field that affects neither money, timing nor follow-up (the
// editor discourages it). Disabled rows are checked too: they can be switched
// back on.
[[nodiscard]] QList<MappingProblem> validateFieldMappings(const QList<Domain::FieldMapping> &mappings);

// The system of record for `field` among the enabled mappings. NotFound when
// no enabled mapping carries it; Conflict when they disagree.
[[nodiscard]] Result<Domain::System> authorityFor(const QString &field,
                                                  const QList<Domain::FieldMapping> &mappings);

// Whether a change of `field` seen in `changedInSystem` must be flagged for a
// person (a "wrong-place edit") instead of carried: it was made somewhere
// other than the field's system of record, or the mappings disagree on which
// system that is. A field no enabled mapping carries is never flagged.
// (Concord's own echoes must be filtered out before asking.)
[[nodiscard]] bool wrongPlaceEdit(const QString &field, Domain::System changedInSystem,
                                  const QList<Domain::FieldMapping> &mappings);

} // namespace Concord::Sync
