#pragma once

// `concord --demo`: the embedded sandbox (local stand-ins for QuickBooks,
// HubSpot and Cal.com, seeded with the tutoring business) on a thread of its
// own, and the hook where the demo's sync starts once the sandbox is ready.

#include "common/config.h"
#include "common/error.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <QUrl>

#include <memory>

namespace Concord::Security {
class SecretStore;
}
namespace Concord::Services {
class Backend;
}
namespace Concord::Sandbox {
class TutoringSandbox;
}

namespace Concord::App {

// Runs a TutoringSandbox (tutoring seed, today's date) on its own "sandbox"
// QThread: the GUI thread never serves HTTP.
//
// Contract
// - Create, start and destroy it on the GUI thread; its signals arrive there.
// - start() returns at once; exactly one of ready() or failed() follows
//   (unless the object is destroyed first).
// - The destructor (or stop()) quits the thread and waits for it; the
//   emulators are deleted on their own thread as it finishes. A start still
//   seeding is waited for (about a second). Stop whatever talks to the
//   emulators (the sync thread) before.
class DemoSandbox : public QObject {
    Q_OBJECT
public:
    // `storeUrl` goes into the demo Config (the temporary folder's store).
    explicit DemoSandbox(QString storeUrl, QObject *parent = nullptr);
    ~DemoSandbox() override;

    void start();
    void stop();
    // Points the three emulators' webhooks at Concord's receiver (on the
    // sandbox thread). Any thread.
    void setWebhookTarget(const QUrl &receiverBase);

Q_SIGNALS:
    // The emulators answer. `config` points every connector at them and at
    // the store; `secrets` is an in-memory, thread-safe store with the
    // sandbox credentials (never the user's keychain).
    void ready(const Concord::Config &config,
               std::shared_ptr<Concord::Security::SecretStore> secrets);
    void failed(const Concord::Error &error);

private:
    QString m_storeUrl;
    QThread m_thread;
    Sandbox::TutoringSandbox *m_sandbox =
        nullptr; // lives on m_thread; deleted there as it finishes
};

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
