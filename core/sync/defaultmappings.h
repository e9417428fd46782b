#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/rules.h"

#include <QList>
#include <QString>

namespace Concord::Store {
class Database;
class RulesRepository;
} // namespace Concord::Store

// The mappings a new Concord starts with (product.md §2 and §3). They are
// data like any user's mappings: installed once, then edited in the mapping
// editor. Pure except installDefaultMappings(), which writes through the
// repository (thread affinity: the store's).
//
// Authorities, one per field:
// - appointment fields (time, zone, service, duration, staff): Cal.com, which
//   owns timing and staff assignment;
// - money fields (invoice number, due date, tax, discount, deposit, payment
//   status, invoice link): QuickBooks, the one authority for money (§4);
// - identity fields: Concord owns the identity map, but Concord is not a
//   System a field can be owned by. Contact details (email, phone) belong to
//   HubSpot, where people correct them (the CRM owns the relationship; a
//   Cal.com booking only feeds matching and first-time creation); the
//   customer id carried is QuickBooks' own Customer.Id, which only QuickBooks
//   assigns — HubSpot keeps it as a reference so a person sees the link.
// HubSpot targets are custom properties prefixed "concord_" on the contact or
// the appointment's deal; paths are "object.property" for the editor. The
// sync engine writes the deal ones with every deal (FieldMappingSet), so the
// portal must have them: HubSpot refuses a whole write that names a property
// it lacks, and the retry queue then names the mapping (create the property,
// or re-point or switch off the row).
namespace Concord::Sync {

// One row per carried field and target (FieldMapping's store key is
// (field, target system)); ids 0, version 1, enabled.
[[nodiscard]] QList<Domain::FieldMapping> defaultFieldMappings();

// Every appointment and money status, all targeting HubSpot: deal stages of
// the default sales pipeline ("appointmentscheduled", "contractsent",
// "closedwon", "closedlost"), follow-up tasks, and CloseTasks wherever a
// status must leave no open task behind (canceled, paid, voided, refunded).
// A status may have several rows (the store's key is domain, status, target,
// action), e.g. canceled → closedlost and close tasks. Task subjects are
// templates with {customer}, {service}, {start}, {invoice}, {balance},
// {due_date} filled in by the engine.
[[nodiscard]] QList<Domain::StatusMapping> defaultStatusMappings();

// Adds the defaults that are missing; never touches an existing row, so a
// user's edit survives. "Missing" is judged per field (field mappings) and
// per status and target system (status mappings): once a person has any row
// for a field or status, its defaults are theirs to keep or remove, and a
// changed action or target is not joined by a second, contradicting default.
// (To switch a default field off, disable it: a deleted field comes back.)
// Returns how many rows were added (0 when run again).
[[nodiscard]] Result<int> installDefaultMappings(Store::RulesRepository &rules, const QString &updatedBy);
// The same in one transaction of `db`: all or nothing.
[[nodiscard]] Result<int> installDefaultMappings(Store::Database &db, const QString &updatedBy,
                                                 const Clock &clock = Clock::system());

} // namespace Concord::Sync
