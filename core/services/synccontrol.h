#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "security/permissions.h"

namespace Concord::Store {
class Database;
}

namespace Concord::Services {

// Pausing and resuming this desktop's sync engine, as a person.
//
// Who: Permission::ManageRetryQueue (owners and office managers). Pausing
// holds back every outbox job, which is the retry queue's business: whoever
// may retry, edit or dismiss a job may also hold the whole queue back for a
// while. Nothing is lost either way (jobs stay queued), so no new
// permission is needed. System actors may too (they never get here today).
//
// recordSyncPause() checks the permission and writes one audit entry
// ("sync.pause" or "sync.resume", entity "sync", after: {"paused": bool});
// the caller then stops or starts the engine. PermissionDenied records
// nothing. Thread affinity: the thread that owns `db`.
[[nodiscard]] Status authorizeSyncControl(const Security::Actor &actor);
[[nodiscard]] Status recordSyncPause(Store::Database &db, const Clock &clock, const Security::Actor &actor,
                                     bool paused);

} // namespace Concord::Services
