#pragma once

#include "common/error.h"
#include "domain/system.h"
#include "domain/user.h"
#include "security/permissions.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Concord::Store {
class Database;
}
namespace Concord::HubSpot {
struct FileDigest;
}

// The quarterly review (issue 9, product.md §10): are the field mappings
// still the ones we mean, does everyone hold only the rights they need, and
// is the invoice-PDF storage kept lean. Each part is computed from the store
// (and, for the CRM copies, from a scan of HubSpot's files made beforehand
// by HubSpot::HubSpotClient::fileDigests()), so the audit itself is a pure
// read: it changes nothing, anywhere, and needs only Permission::View.
//
// Contract
// - Thread affinity: the thread that owns `db`. Synchronous, read-only.
// - Errors are values: a failed query is the whole audit's error (a partial
//   audit would read as "nothing found").
// - The result is an immutable value; toJson() is what a completed review
//   stores in review_runs.findings_json.
namespace Concord::Review {

// ---- field and status mappings ----------------------------------------------

// A mapping edited since the last quarterly review.
struct ChangedMapping {
    enum class Kind { Field, Status };
    Kind kind = Kind::Field;
    qint64 id = 0;
    QString subject;      // the field ("email"), or "<domain>/<status>" for a status mapping
    QString description;  // "Cal.com → HubSpot (authority Cal.com)", "HubSpot: deal stage closedwon"
    QString updatedBy;    // the row's updated_by
    QDateTime updatedAt;
    // The newest audit-log entry about this row, when there is one (edits
    // made through Concord's commands always have one; a missing entry means
    // the row was written some other way, itself worth a look).
    qint64 auditSeq = 0;
    QString auditAction;  // "mapping.field.update", …
    QString auditActor;
    friend bool operator==(const ChangedMapping &, const ChangedMapping &) = default;
};

// A mapping that carried nothing in the audit window.
//
// Measure (documented because "unused" needs one): the store does not log
// values per field, but every outbound delivery is logged per entity type
// (sync_log: direction 'out', outcome 'ok', entity_type customer /
// appointment / invoice / payment). A field is carried by deliveries of its
// entity type (customer_id, email, phone, timezone → customer;
// appointment_time, service_type, duration, staff_owner → appointment;
// invoice fields → invoice; payment_status → invoice or payment). An enabled
// mapping is unused when no successful delivery of its entity type reached
// its target system since the window began. Disabled mappings and fields
// Concord does not know carry nothing by definition.
struct UnusedMapping {
    enum class Reason { Disabled, UnknownField, NothingCarried };
    qint64 id = 0;
    QString field;
    Domain::System targetSystem = Domain::System::HubSpot;
    Reason reason = Reason::NothingCarried;
    QString explanation;
    friend bool operator==(const UnusedMapping &, const UnusedMapping &) = default;
};

// Two mappings (or one) disagreeing on who owns a field, or a status sent
// two ways. Field findings are Sync::validateFieldMappings()'s errors about
// authority, source and target (that module is the one place saying what is
// wrong); status findings are a status both opening and closing tasks, or
// both doing nothing and something, for one system.
struct AuthorityConflict {
    enum class Kind { Field, Status };
    Kind kind = Kind::Field;
    QString subject;            // field or "<domain>/<status>"
    QList<qint64> mappingIds;   // the rows involved
    QString explanation;
    friend bool operator==(const AuthorityConflict &, const AuthorityConflict &) = default;
};

struct MappingAudit {
    QDateTime since;            // the last quarterly review; invalid = never reviewed (everything counts)
    int fieldMappingCount = 0;
    int statusMappingCount = 0;
    QList<ChangedMapping> changed;       // newest first
    QList<UnusedMapping> unused;         // by field
    QList<AuthorityConflict> conflicts;  // by subject
    friend bool operator==(const MappingAudit &, const MappingAudit &) = default;
};

// ---- permissions ----------------------------------------------------------------

struct UserAccess {
    qint64 userId = 0;
    QString username;
    QString displayName;
    Domain::Role role = Domain::Role::Viewer;
    bool active = true;
    QDateTime lastSignInAt;     // invalid = never
    QList<Security::Permission> permissions; // what the role allows, in allPermissions() order
    friend bool operator==(const UserAccess &, const UserAccess &) = default;
};

struct PermissionFinding {
    enum class Kind {
        SeveralOwners,         // more than one active owner
        TooManyEditors,        // more active people with edit rights than the limit
        NeverSignedIn,         // active, no sign-in recorded
        NotSignedInRecently,   // active, last sign-in older than the limit
        InactiveWithRole,      // deactivated but still holding a role above viewer
        DatabaseRoleWithoutUser, // PostgreSQL: a login in a concord_* group with no users row
    };
    Kind kind = Kind::NeverSignedIn;
    QString subject;            // username, PostgreSQL role name, or "" for counts
    QString explanation;
    friend bool operator==(const PermissionFinding &, const PermissionFinding &) = default;
};

struct PermissionAudit {
    QList<UserAccess> users;     // active users only, by username
    QList<PermissionFinding> findings;
    bool databaseRolesChecked = false; // true on PostgreSQL
    friend bool operator==(const PermissionAudit &, const PermissionAudit &) = default;
};

// ---- attachment storage ---------------------------------------------------------

// One PDF found in HubSpot's file manager, hashed (input to the audit).
struct CrmFileCopy {
    QString fileId;
    QString name;
    qint64 sizeBytes = 0;
    QString sha256Hex;          // of the downloaded bytes, lower-case hex
    QDateTime createdAt;
    QStringList noteIds;        // notes whose hs_attachment_ids name the file
    QStringList attachedTo;     // records those notes hang on: "contact 101", "deal 7"
    friend bool operator==(const CrmFileCopy &, const CrmFileCopy &) = default;
};

// Byte-identical PDFs: an invoice's cached PDF copied into the CRM, or CRM
// files copying each other.
struct DuplicateGroup {
    QString sha256Hex;
    qint64 invoiceId = 0;       // 0 when no cached invoice has these bytes
    QString invoiceNumber;      // QuickBooks DocNumber
    QString customerId;
    QList<CrmFileCopy> copies;  // by file id
    qint64 wastedBytes = 0;     // every copy when an invoice owns the PDF (the link suffices), else all but one
    QString advice;
    friend bool operator==(const DuplicateGroup &, const DuplicateGroup &) = default;
};

struct StorageAudit {
    QString directory;          // the PDF cache folder
    int retentionDays = 0;      // 0 = keep forever
    qint64 cachedCount = 0;     // attachments rows
    qint64 cachedBytes = 0;
    qint64 expiredCount = 0;    // expires_at ≤ now: the next purge removes them
    qint64 expiredBytes = 0;
    QDateTime oldestFetchedAt;  // invalid when empty
    QStringList missingFiles;   // rows whose file is gone (paths)
    QStringList orphanFiles;    // files in the folder no row names (paths, sorted)
    qint64 orphanBytes = 0;
    bool crmScanned = false;    // false: no HubSpot scan was given
    qint64 crmFilesScanned = 0;
    QList<DuplicateGroup> duplicates; // by invoice number, then digest
    qint64 wastedBytes = 0;
    friend bool operator==(const StorageAudit &, const StorageAudit &) = default;
};

struct QuarterlyAudit {
    QDateTime generatedAt;
    MappingAudit mappings;
    PermissionAudit permissions;
    StorageAudit storage;

    // Findings a person should look at (changed mappings are listed, not counted).
    [[nodiscard]] int findingCount() const;
    // For review_runs.findings_json: {"kind":"quarterly","generatedAt":…,
    // "mappings":{…},"permissions":{…},"storage":{…},"findingCount":n}.
    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const QuarterlyAudit &, const QuarterlyAudit &) = default;
};

struct QuarterlyAuditOptions {
    QString cacheDirectory;     // PdfCache::Options::directory; empty = no cache configured
    int retentionDays = 365;    // PdfCache::Options::retentionDays
    int signInStaleDays = 90;   // "has not signed in" beyond this
    // Edit rights: bookings, billing, mappings, users. One owner plus one
    // person per side (office manager, bookkeeper) is what the product needs;
    // more dilutes accountability (the spec warns against it).
    int maxEditors = 3;
    // HubSpot's PDFs, hashed; nullopt = not scanned (HubSpot not connected).
    std::optional<QList<CrmFileCopy>> crmFiles;
};

[[nodiscard]] QString toString(UnusedMapping::Reason reason);      // "disabled", "unknown_field", "nothing_carried"
[[nodiscard]] QString toString(PermissionFinding::Kind kind);      // "several_owners", …
[[nodiscard]] QString describe(PermissionFinding::Kind kind);      // "More than one owner", … (for headings)

[[nodiscard]] Result<MappingAudit> auditMappings(Store::Database &db, const QDateTime &nowUtc);
[[nodiscard]] Result<PermissionAudit> auditPermissions(Store::Database &db, const QDateTime &nowUtc,
                                                       const QuarterlyAuditOptions &options);
[[nodiscard]] Result<StorageAudit> auditStorage(Store::Database &db, const QDateTime &nowUtc,
                                                const QuarterlyAuditOptions &options);

// All three. PermissionDenied unless `actor` may View.
[[nodiscard]] Result<QuarterlyAudit> runQuarterlyAudit(Store::Database &db, const Security::Actor &actor,
                                                       const QuarterlyAuditOptions &options, const QDateTime &nowUtc);

// HubSpotClient::fileDigests()'s answer as the audit's input.
[[nodiscard]] QList<CrmFileCopy> crmCopiesFrom(const QList<HubSpot::FileDigest> &digests);

// "1.4 MiB", "512 B", "3.0 KiB" (binary units, one decimal).
[[nodiscard]] QString humanSize(qint64 bytes);

} // namespace Concord::Review

Q_DECLARE_METATYPE(Concord::Review::QuarterlyAudit)
