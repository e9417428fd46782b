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
    // The part of the row a problem is about, so an editor can mark that
    // cell: the one to change to fix it (Row when no single part is).
    enum class Part { Row, Field, Source, Target, Transform, Authority, Domain, Status, Action, Value };
    int row = -1;         // index into the list passed to validateFieldMappings()
    QString field;        // the field, or for a status mapping the status
    QString explanation;  // for the person editing the mappings
    Severity severity = Severity::Error;
    Part part = Part::Row;
};

// Every problem of a set of mappings, ordered by row. Errors: a field with
// more than one authoritative system; a row writing a field into its own
// authority, or reading it from somewhere other than its authority; a row
// mapping a system onto itself; two rows writing one field into one system;
// an unknown transform; a transform that cannot apply to the field's values;
// a transform the sync engine cannot apply to the field (service type,
// duration and staff owner only with their built-in lookup or arithmetic;
// other fields with any pure transform that fits, money never from cents).
// Warning: a field that affects neither money, timing nor follow-up (the
// editor discourages it). Disabled rows are checked too: they can be switched
// back on.
[[nodiscard]] QList<MappingProblem> validateFieldMappings(const QList<Domain::FieldMapping> &mappings);

// The placeholders a task subject (StatusAction::CreateTask) may use; the
// engine fills them in: {customer}, {service}, {start}, {invoice},
// {balance}, {due_date}.
[[nodiscard]] QStringList taskPlaceholders();

// Every problem of a set of status mappings, ordered by row (`row` indexes
// `mappings`, `field` is the status). Errors: a status the domain does not
// have; a deal stage or a task without its value; a deal stage, task or
// task closing aimed at a system other than HubSpot (only HubSpot has deals
// and tasks); two rows with the same status, target and action (a status
// moves the deal to one stage). Warnings: a deal stage not in
// `knownStages` (when given: HubSpot's pipeline, whose ids are per portal),
// a task subject naming a placeholder the engine cannot fill in, a value on
// an action that ignores it. Pure, like validateFieldMappings().
[[nodiscard]] QList<MappingProblem> validateStatusMappings(const QList<Domain::StatusMapping> &mappings,
                                                           const QStringList &knownStages = {});

// Whether any of `problems` is an Error (warnings never block saving).
[[nodiscard]] bool hasErrors(const QList<MappingProblem> &problems);

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
