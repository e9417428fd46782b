#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/rules.h"
#include "domain/system.h"
#include "sync/mappingvalidation.h"

#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace Concord::Store { class Database; }

// The field mappings as the sync engine asks about them (product.md §3):
// whether a field is carried into a system, under which HubSpot property,
// through which transform, and which system owns it. A value type over the
// rows of one read of the store (Store::RulesRepository::fieldMappings());
// the engine reads it once per cycle, so an edit applied in the mapping
// editor is honoured from the next cycle on. Pure and thread-safe.
namespace Concord::Sync {

class FieldMappingSet
{
public:
    // No rows: nothing is carried and no field has an authority.
    FieldMappingSet() = default;
    explicit FieldMappingSet(QList<Domain::FieldMapping> rows);

    // The installed defaults (defaultFieldMappings()).
    [[nodiscard]] static FieldMappingSet defaults();
    // The rows the store holds now.
    [[nodiscard]] static Result<FieldMappingSet> load(Store::Database &db, const Clock &clock = Clock::system());

    [[nodiscard]] const QList<Domain::FieldMapping> &rows() const { return m_rows; }

    // The enabled row carrying `field` (any case, trimmed) into `target`;
    // nullopt when there is none (no row, or the row is switched off).
    [[nodiscard]] std::optional<Domain::FieldMapping> row(const QString &field, Domain::System target) const;
    [[nodiscard]] bool carries(const QString &field, Domain::System target) const
    {
        return row(field, target).has_value();
    }

    // For a field carried into HubSpot onto `object` ("deal", "contact"):
    // the property its row's target path names ("deal.concord_invoice_tax"
    // → "concord_invoice_tax"). Empty when the field is not carried into
    // HubSpot, or its path names another object or no valid property name
    // (HubSpot's internal names: a lower-case letter, then lower-case
    // letters, digits and underscores).
    [[nodiscard]] QString hubSpotProperty(const QString &field, QStringView object) const;
    // The field whose enabled HubSpot row writes `property` on `object`;
    // empty when none does (for explaining HubSpot's refusals).
    [[nodiscard]] QString fieldOfHubSpotProperty(QStringView object, const QString &property) const;

    // The field's system of record among the enabled rows; nullopt when no
    // enabled row carries the field, or the rows disagree (validation
    // refuses that; a store written around it carries nothing as owned).
    [[nodiscard]] std::optional<Domain::System> authority(const QString &field) const;
    // Whether a value of `field` seen in `system` is the real value: `system`
    // is the field's authority, or no enabled row names one (a field the
    // mappings do not carry keeps the engine's behaviour from before
    // mappings: every system's value counts).
    [[nodiscard]] bool isAuthoritative(const QString &field, Domain::System system) const;

    // Whether a record Concord creates in `target` (a QuickBooks customer,
    // a HubSpot contact for a first-time booker) gets the field's value: an
    // enabled row carries the field there, or `target` is the field's
    // system of record (by any row, on or off: creating the record seeds
    // the system that owns the value), or no row mentions the field at all.
    // A row switched off for `target` leaves the value out.
    [[nodiscard]] bool writesOnCreate(const QString &field, Domain::System target) const;

    // `value` (the engine's own form of the field: text, decimal text,
    // ISO dates) through the transform of the row carrying `field` into
    // `target`. Lookup transforms (event_type_to_item, staff_email_to_owner)
    // are the engine's own: the value comes back unchanged. Errors: no
    // enabled row (NotFound), or the transform refuses the value (its words).
    [[nodiscard]] Result<QJsonValue> carried(const QString &field, Domain::System target, const QJsonValue &value,
                                             const TransformOptions &options = {}) const;

    // HubSpot's refusal of a write naming a property the portal does not
    // have (PROPERTY_DOESNT_EXIST), said in the words of the mapping that
    // names it on `object`, so the retry queue tells a person what to do:
    // create the property, or change or switch off the mapping. Any other
    // error comes back unchanged.
    [[nodiscard]] Error explainHubSpotRefusal(Error error, QStringView object) const;

private:
    QList<Domain::FieldMapping> m_rows;
};

} // namespace Concord::Sync
