#pragma once

#include "common/config.h"

#include <QStringList>

namespace Concord::Security {
class SecretStore;
}

namespace Concord::Syncd {

// What `concord-syncd --check` finds: problems (each one line saying what is
// wrong and where: the file and [group] key, or the environment variable)
// and notes (what will happen: a store to be created or migrated).
struct CheckResult {
    QStringList problems;
    QStringList notes;
};

// Checks what the service needs beyond a configuration that loads: every
// system's settings and secrets (the webhook signing secrets too when
// [webhooks] listen is set), distinct listen addresses, and the store (it
// opens, and its schema is one this build can use). Reads secrets but never
// shows their values; never writes to the store (a missing SQLite file is
// not created, a schema is not migrated). Blocks: call before the event
// loop runs.
[[nodiscard]] CheckResult checkService(const Config &config, Security::SecretStore &secrets);

} // namespace Concord::Syncd
