#pragma once

#include "domain/customer.h"
#include "domain/operations.h"
#include "domain/rules.h"
#include "domain/user.h"

#include <QJsonObject>

// Snapshots of domain records for the audit log's before/after. They hold
// what a reviewer needs to see what changed; never secrets.
namespace Concord::Services::AuditJson {

[[nodiscard]] QJsonObject toJson(const Domain::User &user);
[[nodiscard]] QJsonObject toJson(const Domain::Customer &customer);
[[nodiscard]] QJsonObject toJson(const Domain::ExternalLink &link);
[[nodiscard]] QJsonObject toJson(const Domain::MergeProposal &proposal);
[[nodiscard]] QJsonObject toJson(const Domain::FieldMapping &mapping);
[[nodiscard]] QJsonObject toJson(const Domain::StatusMapping &mapping);
[[nodiscard]] QJsonObject toJson(const Domain::TaxRule &rule);
[[nodiscard]] QJsonObject toJson(const Domain::DiscountRule &rule);
[[nodiscard]] QJsonObject toJson(const Domain::InvoicePolicy &policy);
[[nodiscard]] QJsonObject toJson(const Domain::OutboxJob &job);

} // namespace Concord::Services::AuditJson
