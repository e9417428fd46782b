#pragma once

#include "common/error.h"
#include "domain/rules.h"
#include "domain/system.h"
#include "security/permissions.h"
#include "sync/mappingvalidation.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Concord::Store {
class Database;
}

namespace Concord::Services {

// A canonical field the mapping editor offers, with the kind of values it
// carries (what decides which transforms fit).
struct MappingFieldInfo {
    QString name; // "email", "duration", …
    Sync::ValueType type = Sync::ValueType::Any;
};

// Where a field is found in one system ("contact.email" in HubSpot): the
// editor's suggestions for source and target paths.
struct MappingPath {
    QString field;
    Domain::System system = Domain::System::HubSpot;
    QString path;
};

// A HubSpot deal stage a status can move the deal to.
struct DealStageInfo {
    QString id;    // "closedwon": what StatusMapping::targetValue holds
    QString label; // "Closed won"
};

// What the field and status mapping editor shows: the stored mappings and
// the catalogue it offers choices from. A value sent from the sync thread
// to the GUI.
struct MappingsData {
    QList<Domain::FieldMapping> fields;     // ordered by field, then target
    QList<Domain::StatusMapping> statuses;  // ordered by domain, status, target
    QList<MappingFieldInfo> knownFields;    // Sync::knownFields(), in that order
    QList<Sync::TransformInfo> transforms;  // Sync::knownTransforms(), in that order
    // From the installed defaults and the stored mappings, without repeats.
    QList<MappingPath> paths;
    QStringList appointmentStatuses;        // Domain names: "booked", …
    QStringList moneyStatuses;              // "invoiced", …
    // HubSpot's default sales pipeline (every portal starts with it), then any
    // other stage a stored mapping names. The Backend may replace the list with
    // the live pipeline's stages when HubSpot is connected.
    QList<DealStageInfo> dealStages;
    QStringList taskPlaceholders;           // Sync::taskPlaceholders()

    [[nodiscard]] std::optional<Sync::ValueType> fieldType(const QString &field) const;
    [[nodiscard]] QStringList pathsFor(const QString &field, Domain::System system) const;
    [[nodiscard]] QStringList dealStageIds() const;
};

// A mapping to delete, at the version it was read.
struct MappingRef {
    qint64 id = 0;
    int version = 0;

    friend bool operator==(const MappingRef &, const MappingRef &) = default;
};

// Every change of one "Apply" in the mapping editor: applied together or
// not at all (AdminCommands::applyMappings).
struct MappingBatch {
    // id 0 = a new mapping; otherwise the changed mapping with the version it
    // was read at (a newer stored version makes the whole batch a Conflict).
    QList<Domain::FieldMapping> fields;
    QList<Domain::StatusMapping> statuses;
    QList<MappingRef> deletedFields;
    QList<MappingRef> deletedStatuses;

    [[nodiscard]] bool isEmpty() const;
    [[nodiscard]] int size() const;
};

// What an applied batch did, and the mappings as now stored.
struct MappingBatchResult {
    int created = 0;
    int updated = 0;
    int deleted = 0;
    QList<Domain::FieldMapping> fields;
    QList<Domain::StatusMapping> statuses;
};

// The side of the business a mapping belongs to, i.e. the permission needed
// (besides EditMappings) to create, change or delete it: a field mapping
// that reads from or writes to QuickBooks, and a status mapping about money
// or aimed at QuickBooks, are billing-side (EditBilling); the rest are
// booking-side (EditBookings). The same rule AdminCommands applies.
[[nodiscard]] Security::Permission mappingSide(const Domain::FieldMapping &mapping);
[[nodiscard]] Security::Permission mappingSide(const Domain::StatusMapping &mapping);

// Whether storing `b` over `a` would change what the mapping says (id,
// version, who and when aside; an empty transform is "identity", a status
// is compared by its canonical name: "No_Show" is "no_show").
[[nodiscard]] bool sameMapping(const Domain::FieldMapping &a, const Domain::FieldMapping &b);
[[nodiscard]] bool sameMapping(const Domain::StatusMapping &a, const Domain::StatusMapping &b);
// The status name as the store keeps it; as given (trimmed) when the
// mapping's domain has no such status.
[[nodiscard]] QString canonicalStatus(const Domain::StatusMapping &mapping);

// Reads the mappings and builds the catalogue. Thread affinity: the thread
// that owns `db`.
[[nodiscard]] Result<MappingsData> collectMappings(Store::Database &db);

} // namespace Concord::Services

Q_DECLARE_METATYPE(Concord::Services::MappingsData)
Q_DECLARE_METATYPE(Concord::Services::MappingBatch)
Q_DECLARE_METATYPE(Concord::Services::MappingBatchResult)
