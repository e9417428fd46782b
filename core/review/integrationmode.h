#pragma once

#include "common/clock.h"
#include "common/config.h"
#include "common/error.h"
#include "security/permissions.h"
#include "store/appsettingsrepository.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace Concord::Store {
class Database;
}

// The lighter setup as a real mode (product.md §10; issue 9). The mode lives
// in the store (app_settings "integration_mode"), so every desktop and worker
// of a team follows one value; the sync engine reads it at every cycle
// (SyncEngine::integrationMode()).
//
//   full  — two-way sync; the billing pass creates QuickBooks invoices by policy.
//   light — bookings are pushed one way to HubSpot (contact, deal, tasks as in
//           full mode); HubSpot contacts and deals are not read back, so a CRM
//           edit never reaches Cal.com, QuickBooks or the store; QuickBooks
//           invoices are created only by createInvoiceNow(). Money read from
//           QuickBooks (payments, refunds, overdue) is mirrored as always.
//
// Jobs already queued when the mode changes are delivered as they were
// decided: they are the consequences of changes made under the old mode (an
// invoice for a session held yesterday), and dropping them silently would
// lose work. Whoever does not want them dismisses them in the retry queue.
//
// Thread affinity: the thread that owns `db`. Every function is synchronous.
namespace Concord::Review {

using Store::IntegrationMode;

struct IntegrationModeState {
    IntegrationMode mode = IntegrationMode::Full;
    int version = 0; // pass back as expectedVersion; 0: never set (full by default)
    QString updatedBy; // empty when never set
    QDateTime updatedAt; // UTC; invalid when never set

    [[nodiscard]] QJsonObject toJson() const; // {"mode","version","updatedBy","updatedAt"}
};

// What each mode means, in one sentence for a person (confirm dialogs, CLI).
[[nodiscard]] QString describe(IntegrationMode mode);

[[nodiscard]] Result<IntegrationModeState> integrationMode(Store::Database &db);

// Changes the mode. Permission::ChangeIntegrationMode (owner, a person);
// Conflict when `expectedVersion` is not the stored version (someone changed
// it meanwhile); audited as "integration_mode.set" with before/after, in one
// transaction with the change. Setting the mode it already has changes
// nothing and writes no audit entry (but a stale version is still Conflict).
[[nodiscard]] Result<IntegrationModeState>
setIntegrationMode(Store::Database &db, const Security::Actor &actor, IntegrationMode mode,
                   int expectedVersion, const Clock &clock = Clock::system());

// The manual invoice trigger, in both modes: queues the QuickBooks
// invoice-plan job the billing pass would queue for this session (key
// "quickbooks/invoice/session/<id>"), which the engine's next delivery
// sends. Permission::EditBilling. Idempotent: a session invoiced already or
// whose job waits gets nothing new (state says which). Audited as
// "invoice.create_now" only when a job was queued. `config` gives the
// business time zone (the invoice date) and phone region.
struct InvoiceNowResult {
    enum class State { Queued, AlreadyQueued, AlreadyInvoiced };
    State state = State::Queued;
    qint64 appointmentId = 0;
    QString planKey;
    qint64 jobId = 0; // the job (new or waiting); 0 when already invoiced
    qint64 invoiceId = 0; // Concord's invoice when already invoiced
    QString message; // in words, for the GUI and the CLI

    [[nodiscard]] QJsonObject toJson() const;
};
[[nodiscard]] QString
toString(InvoiceNowResult::State state); // "queued" | "already_queued" | "already_invoiced"
[[nodiscard]] Result<InvoiceNowResult> createInvoiceNow(Store::Database &db,
                                                        const Security::Actor &actor,
                                                        qint64 appointmentId, const Config &config,
                                                        const Clock &clock = Clock::system());

} // namespace Concord::Review

Q_DECLARE_METATYPE(Concord::Review::IntegrationModeState)
Q_DECLARE_METATYPE(Concord::Review::InvoiceNowResult)
Q_DECLARE_METATYPE(Concord::Store::IntegrationMode)
