#pragma once

#include "common/error.h"

#include <QString>

namespace Concord::HubSpot {

// Which path family the CRM object endpoints use (hubspot-calcom.md, "Big
// picture"): the numbered `/crm/v3/objects/{type}` paths, unsupported from
// September 2027, or the date-based `/crm/objects/{YYYY-MM}/{type}` paths
// (2026-03 is GA; a new version every March and September). Bodies are the
// same shape in both. Pure value.
//
// Only the object endpoints (records, batch, search, merge) move with the
// version: HubSpot documents no date-based spelling of the v4 association,
// v3 pipeline or account-info paths, so those keep their numbered paths.
class ApiVersion
{
public:
    ApiVersion() = default; // v3

    [[nodiscard]] static ApiVersion v3() { return ApiVersion(); }
    // "v3", or a date version "YYYY-03" / "YYYY-09" (year 2026 or later).
    [[nodiscard]] static Result<ApiVersion> parse(const QString &text);

    [[nodiscard]] bool isDateBased() const { return !m_date.isEmpty(); }
    // "v3" or "2026-03".
    [[nodiscard]] QString toString() const;

    // "/crm/v3/objects/contacts" or "/crm/objects/2026-03/contacts".
    [[nodiscard]] QString objectsPath(const QString &objectType) const;

    friend bool operator==(const ApiVersion &, const ApiVersion &) = default;

private:
    QString m_date; // empty = v3
};

// Object type names as they appear in paths and association calls.
namespace ObjectType {
inline const QString Contacts = QStringLiteral("contacts");
inline const QString Deals = QStringLiteral("deals");
inline const QString Notes = QStringLiteral("notes");
inline const QString Tasks = QStringLiteral("tasks");
inline const QString Companies = QStringLiteral("companies");
} // namespace ObjectType

// HUBSPOT_DEFINED association type ids (hubspot-calcom.md A9: used by many
// integrations; a portal may verify them with GET …/labels).
namespace AssociationTypeId {
inline constexpr int DealToContact = 3;
inline constexpr int ContactToDeal = 4;
inline constexpr int NoteToContact = 202;
inline constexpr int NoteToDeal = 214;
inline constexpr int TaskToContact = 204;
inline constexpr int TaskToDeal = 216;
} // namespace AssociationTypeId

} // namespace Concord::HubSpot
