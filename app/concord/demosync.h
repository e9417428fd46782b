#pragma once

// `concord --demo`: the hook where the demo's sync starts once the embedded
// sandbox (Sandbox::SandboxThread) is ready.

#include "common/config.h"
#include "common/error.h"


#include <memory>

namespace Concord::Security {
class SecretStore;
}
namespace Concord::Services {
class Backend;
}

namespace Concord::App {

// ---------------------------------------------------------------------------
// HOOK — the demo's sync engine starts here.
//
// Called on the GUI thread once the demo sandbox is ready, after the
// Backend's open request for the demo store has been queued on the sync
// thread (so anything this queues there runs after the store is open).
// `config` is the demo configuration (store in the temporary folder, every
// connector at the local emulators); `secrets` is thread-safe and may be used
// from the sync thread directly. main() stops the sync thread before the
// sandbox on exit.
//
// The Backend (on the sync thread) starts the engine over its store.
// ---------------------------------------------------------------------------
void startDemoSync(const Concord::Config &config, std::shared_ptr<Concord::Security::SecretStore> secrets,
                   Concord::Services::Backend *backend);

} // namespace Concord::App
