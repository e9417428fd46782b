#pragma once

#include "common/config.h"
#include "common/error.h"
#include "sandboxendpoints.h"
#include "seed/calcomtutoringseed.h"
#include "seed/hubspottutoringseed.h"
#include "seed/tutoringroster.h"
#include "seed/tutoringseed.h"

#include <QDate>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

namespace Concord {
class Clock;
}
namespace Concord::Security {
class SecretStore;
}

namespace Concord::Sandbox {

class CalcomEmulator;
class HubSpotEmulator;
class QuickBooksEmulator;

// The three emulators (QuickBooks Online, HubSpot, Cal.com) on 127.0.0.1,
// seeded from one TutoringRoster, with everything a client needs to reach
// them: base URLs and sandbox credentials (endpoints()), a Concord::Config
// pointing every connector at them (config()), and an in-memory secret store
// holding the credentials under the names the clients read (secrets()).
// Used by `concord-cli sandbox`, `concord --demo`, and the sync engine's
// end-to-end tests and benchmarks.
//
// Contract
// - Thread affinity: the emulators are created by start() on the calling
//   thread and serve HTTP from its event loop; call everything on that thread.
//   The demo moves a TutoringSandbox to a thread of its own *before* start()
//   (the GUI thread never serves HTTP). The object must be destroyed on that
//   thread too (it stops the servers).
// - start() once; it fails (ports taken, seed refused) with the emulators in
//   whatever state they reached, and may not be retried on the same object.
// - Sandbox credentials are not secrets: they open only these emulators.
//
//   TutoringSandbox sandbox;
//   QVERIFY_OK(sandbox.start({.today = QDate(2026, 3, 10)}));
//   const Config config = sandbox.config(u"sqlite:///tmp/t.sqlite"_s);
//   auto secrets = sandbox.secrets();
//   sandbox.quickbooks().recordPayment(…);   // a business action
class TutoringSandbox : public QObject {
    Q_OBJECT
public:
    enum class Seed {
        Tutoring, // the demo business (TutoringRoster::build(today)) in all three
        Empty, // no data; QuickBooks has the realm, Cal.com a user owning the API key
    };

    struct Options {
        Seed seed = Seed::Tutoring;
        // The roster's "today" (sessions run 8 weeks back and 1 ahead of it).
        // Invalid = QDate::currentDate() when start() runs.
        QDate today;
        // 0 = any free port.
        quint16 quickbooksPort = 0;
        quint16 hubspotPort = 0;
        quint16 calcomPort = 0;
        // The emulators' clock (MetaData, tokens, "upcoming"); not owned, must
        // outlive the sandbox. nullptr = the system clock.
        const Clock *clock = nullptr;
        // Seed::Tutoring: the new family booked in Cal.com only with a
        // mistyped email (TutoringRoster::Quirk::TypoEmailNewFamily), whose
        // HubSpot contact and QuickBooks customer a person must fix — what
        // the demo shows in its retry queue. Suites that follow a clean
        // office pass NewFamily::None.
        TutoringRoster::NewFamily newFamily = TutoringRoster::NewFamily::WithTypoEmail;
    };

    // What the seeds put in (only for Seed::Tutoring), for summaries and tests.
    struct SeedReport {
        std::optional<TutoringSeedSummary> quickbooks;
        std::optional<HubSpotSeedSummary> hubspot;
        std::optional<CalcomSeedSummary> calcom;
    };

    using Endpoints = SandboxEndpoints;

    // The sandbox company's fixed identifiers (as `concord-cli sandbox` has
    // always used them; tools rely on the realm id).
    static constexpr QStringView kRealmId = u"9130357766012345";
    static constexpr QStringView kClientId = u"concord-sandbox";
    static constexpr QStringView kClientSecret = u"sandbox-client-secret";
    static constexpr QStringView kCalcomApiKey = u"cal_live_tutoring_sandbox";
    // Webhook signing keys (QuickBooks' verifier token, Cal.com's webhook
    // secret). HubSpot signs with the app's client secret, which is its
    // emulator's OAuth client secret (HsAuth::clientSecret()).
    static constexpr QStringView kQuickBooksWebhookVerifier = u"sandbox-quickbooks-webhook-verifier";
    static constexpr QStringView kCalcomWebhookSecret = u"sandbox-calcom-webhook-secret";

    explicit TutoringSandbox(QObject *parent = nullptr);
    ~TutoringSandbox() override;

    // Creates the emulators, listens on 127.0.0.1 and seeds them. (Two
    // overloads: a nested struct's default member initializers cannot be used
    // for a default argument inside the enclosing class.)
    [[nodiscard]] Status start();
    [[nodiscard]] Status start(const Options &options);
    [[nodiscard]] bool isStarted() const { return m_started; }

    // The emulators, for business actions, fault injection and reading
    // state. Only after a successful start().
    [[nodiscard]] QuickBooksEmulator &quickbooks();
    [[nodiscard]] HubSpotEmulator &hubspot();
    [[nodiscard]] CalcomEmulator &calcom();

    [[nodiscard]] const Endpoints &endpoints() const { return m_endpoints; }
    [[nodiscard]] const SeedReport &seedReport() const { return m_report; }
    [[nodiscard]] Seed seed() const { return m_options.seed; }
    [[nodiscard]] QDate today() const { return m_options.today; }
    // The roster the emulators were seeded from; empty for Seed::Empty.
    [[nodiscard]] const TutoringRoster &roster() const { return m_roster; }

    // Concord's configuration for these emulators: Config::defaults() with
    // every connector's base and token URL, the realm and client id pointing
    // here, HubSpot by private-app token, the roster's business time zone,
    // and `storeUrl`. Connectors build from it through the same
    // …ClientSettings::fromConfig() as from a real configuration. Its
    // [secrets] backend stays the default: hand secrets() to whatever needs
    // a SecretStore instead of SecretStore::create(), or the user's keychain
    // would be asked.
    [[nodiscard]] Config config(const QString &storeUrl) const;

    // A fresh in-memory store (Security::MemorySecretStore, thread-safe)
    // with the sandbox credentials: QUICKBOOKS_CLIENT_SECRET,
    // QUICKBOOKS_REFRESH_TOKEN, HUBSPOT_TOKEN, CALCOM_API_KEY, and the keys
    // the emulators sign webhooks with: QUICKBOOKS_WEBHOOK_VERIFIER,
    // HUBSPOT_CLIENT_SECRET and CALCOM_WEBHOOK_SECRET. Each call gives an
    // independent store; a rotated QuickBooks refresh token is written to the
    // store that did the refresh only. Empty before start().
    [[nodiscard]] std::unique_ptr<Security::SecretStore> secrets() const;

    // Makes all three emulators deliver their webhooks to a receiver at
    // `receiverBase` (e.g. http://127.0.0.1:8790): <base>/webhooks/quickbooks
    // (legacy format), <base>/webhooks/hubspot and <base>/webhooks/calcom
    // (every booking trigger, version 2021-10-20), signed with the keys
    // secrets() holds. Replaces an earlier target; an empty URL stops the
    // deliveries. Only after a successful start(). Switch QuickBooks to
    // CloudEvents with quickbooks().setWebhook(…) afterwards.
    void setWebhookTarget(const QUrl &receiverBase);
    [[nodiscard]] QUrl webhookTarget() const { return m_webhookTarget; }

    // Writes endpoints() as the JSON of `concord-cli sandbox --ports-file`,
    // atomically (a reader polling for the file never sees half of it).
    [[nodiscard]] Status writePortsFile(const QString &path) const;

    // Extra latency (real ms) before every API answer of all three emulators
    // (the admin API is not delayed). 0 = none. May be called before start().
    void setApiDelay(int ms);
    [[nodiscard]] int apiDelay() const { return m_apiDelayMs; }
    // Emulated time per real time for the three emulators' throttle windows
    // and webhook retries (see each emulator's setTimeScale). May be called
    // before start().
    void setTimeScale(double scale);

private:
    [[nodiscard]] Status seedTutoring();
    [[nodiscard]] Status seedEmpty();

    Options m_options;
    bool m_started = false;
    int m_apiDelayMs = 0;
    double m_timeScale = 1.0;
    std::unique_ptr<QuickBooksEmulator> m_quickbooks;
    std::unique_ptr<HubSpotEmulator> m_hubspot;
    std::unique_ptr<CalcomEmulator> m_calcom;
    TutoringRoster m_roster;
    SeedReport m_report;
    Endpoints m_endpoints;
    QUrl m_webhookTarget;
    qint64 m_calcomWebhookId = 0; // the subscription setWebhookTarget() made; 0 = none
};

} // namespace Concord::Sandbox
