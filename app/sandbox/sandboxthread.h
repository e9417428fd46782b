#pragma once

// A TutoringSandbox (the three emulators, seeded with the tutoring business)
// on a thread of its own: for `concord --demo` and the GUI benchmark, where
// the GUI thread must never serve HTTP.

#include "common/config.h"
#include "common/error.h"
#include "seed/tutoringroster.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <QUrl>

#include <memory>

namespace Concord::Security {
class SecretStore;
}

namespace Concord::Sandbox {

class TutoringSandbox;

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
class SandboxThread : public QObject {
    Q_OBJECT
public:
    // `storeUrl` goes into the demo Config (the temporary folder's store).
    explicit SandboxThread(QString storeUrl, QObject *parent = nullptr);
    ~SandboxThread() override;

    // Whether the seed has the family booked with a mistyped email (the
    // demo's failed sync to fix; the default) or not (a clean office, for a
    // first import that settles completely). Before start().
    void setNewFamily(TutoringRoster::NewFamily newFamily) { m_newFamily = newFamily; }
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
    TutoringRoster::NewFamily m_newFamily = TutoringRoster::NewFamily::WithTypoEmail;
    QThread m_thread;
    TutoringSandbox *m_sandbox =
        nullptr; // lives on m_thread; deleted there as it finishes
};

} // namespace Concord::Sandbox
