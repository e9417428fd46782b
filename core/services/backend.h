#pragma once

#include "common/config.h"
#include "common/error.h"
#include "security/auditentry.h"
#include "domain/operations.h"
#include "domain/user.h"
#include "services/admincommands.h"
#include "services/billingrulesdata.h"
#include "services/storestatus.h"

#include <QList>
#include <QObject>
#include <QUrl>
#include <QString>

#include <memory>

namespace Concord::Security {
class SecretStore;
}

namespace Concord::Services {

// The GUI's door to core. Lives on the sync thread (moveToThread after
// construction); every slot is invoked through a queued connection and
// answers with exactly one signal, carrying value types only. It owns its own
// named database connection, created on its thread in open().
class Backend : public QObject
{
    Q_OBJECT
public:
    explicit Backend(QObject *parent = nullptr);
    ~Backend() override;

public Q_SLOTS:
    // Opens (and migrates) the store at `storeUrl` ("sqlite:///path").
    // Answers with opened() or errorOccurred().
    void open(const QString &storeUrl);
    // Answers with statusChanged().
    void refreshStatus();
    // Newest first, at most `limit` entries. Answers with auditLoaded().
    void loadAudit(int limit);
    // Walks the whole chain. Answers with auditVerified().
    void verifyAudit();
    // The retry queue: failed, waiting and in-flight jobs. Answers with
    // retryQueueLoaded() or retryQueueFailed().
    void loadRetryQueue();
    // Each acts as actorChanged()'s user (permission-checked and audited in
    // core), answers with retryOutcomes()/retryQueueDone() or
    // retryQueueFailed(), then with a fresh retryQueueLoaded() and status.
    void retryJobs(const QList<qint64> &ids);
    void overrideJob(qint64 id, const QByteArray &payloadJson);
    void linkJob(qint64 id, const QString &remoteId);
    void dismissJob(qint64 id, const QString &reason);
    // The tax, discount and invoicing editor's data (QuickBooks' tax codes
    // are asked for when it is connected). Answers with billingRulesLoaded()
    // or billingRulesFailed().
    void loadBillingRules();
    // Each is checked (EditBilling) and audited in core, then answered with a
    // fresh billingRulesLoaded(), or billingRulesFailed() with the reason.
    void saveTaxRule(const Concord::Domain::TaxRule &rule);
    void deleteTaxRule(qint64 id, int version);
    void saveDiscountRule(const Concord::Domain::DiscountRule &rule);
    void deleteDiscountRule(qint64 id, int version);
    void saveInvoicePolicy(const Concord::Domain::InvoicePolicy &policy);
    void deleteInvoicePolicy(qint64 id, int version);
    // Closes the database connection; call before the thread quits.
    // Stops the sync engine first (deliveries in flight are abandoned to
    // their leases and taken back at the next start).
    void close();

public:
    // Starts the sync engine on this thread over the open store (the
    // store's single writer), watching: polls, decides, delivers. `secrets`
    // must be usable from this thread (the demo's in-memory store, or a
    // ForwardingSecretStore). Call through a queued invocation. Each carried
    // change refreshes the status (statusChanged); problems go to
    // errorOccurred.
    void startSync(const Concord::Config &config, std::shared_ptr<Concord::Security::SecretStore> secrets);

Q_SIGNALS:
    void opened(const Concord::Services::StoreStatus &status);
    void statusChanged(const Concord::Services::StoreStatus &status);
    void auditLoaded(const QList<Concord::Security::AuditEntry> &entries);
    void auditVerified(const Concord::Security::AuditVerification &result);
    void errorOccurred(const Concord::Error &error);
    // The sync engine carried (or failed to carry) `job`; `note` is the
    // engine's technical remark. The window says it in words.
    void syncActivity(const Concord::Domain::OutboxJob &job, bool delivered, const QString &note);
    // Who acts from this desktop (after open()): the role decides what the
    // pages offer; core checks it again on every command.
    void actorChanged(Concord::Domain::Role role, const QString &username);
    void retryQueueLoaded(const QList<Concord::Domain::OutboxJob> &jobs);
    void retryOutcomes(const QList<Concord::Services::JobOutcome> &outcomes);
    void retryQueueDone(const QString &message);
    void retryQueueFailed(const QString &message);
    void billingRulesLoaded(const Concord::Services::BillingRulesData &data);
    void billingRulesFailed(const QString &message);
    // The webhook receiver ([webhooks] listen) is up at this address.
    void webhooksListening(const QUrl &base);

private:
    // Empty when a command may run (store open, a Concord user acting); else why not.
    [[nodiscard]] QString whyCannotAct() const;
    // Runs `command(AdminCommands&, actor)` as this desktop's user: `failed`
    // with the reason when it may not run or core refused it, else `done`.
    // False when it did not run at all (no store, no Concord user).
    template<typename Command, typename Failed, typename Done>
    bool act(Command command, Failed failed, Done done);
    template<typename Command>
    void jobCommand(Command command, const QString &done);
    template<typename Command>
    void billingCommand(Command command);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Concord::Services
