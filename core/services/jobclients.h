#pragma once

#include "common/error.h"
#include "domain/operations.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Concord::Store {
class Database;
}

namespace Concord::Services {

// Which client each outbox job is about, so the retry queue can say "Dan Wu"
// where the job only names "customer cus_01a2…" or "appointment 318".
//
// Keyed by jobClientKey(job) ("<entity type>/<entity id>"); a job whose
// record names no client Concord knows (deleted, or a kind without one) has
// no entry, and the page keeps showing the record's kind and id.
//
// Understands the entity types the sync engine queues: "customer" (its own
// id), "appointment" and "invoice" (their customer), and "invoice-plan"
// (keys "session/<appointment>", "fee/<appointment>",
// "monthly/<customer>/<yyyy-MM>[/<service>]"). A merged customer is named by
// the customer it was merged into. Reads only; one query per entity type.
[[nodiscard]] Result<QHash<QString, QString>> clientNamesForJobs(const Store::Database &db,
                                                                 const QList<Domain::OutboxJob> &jobs);

[[nodiscard]] QString jobClientKey(const Domain::OutboxJob &job);

} // namespace Concord::Services
