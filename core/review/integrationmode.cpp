#include "review/integrationmode.h"
#include "common/logging.h"

#include "security/auditlog.h"
#include "store/database.h"
#include "sync/changeapplier.h"
#include "sync/syncengine.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace Concord::Review {

namespace {

IntegrationModeState stateOf(const Store::AppSettingsRepository::ModeSetting &s)
{
    return { s.mode, s.version, s.updatedBy, s.updatedAt };
}

} // namespace

QJsonObject IntegrationModeState::toJson() const
{
    return { { u"mode"_s, Store::toString(mode) },
             { u"version"_s, version },
             { u"updatedBy"_s, updatedBy },
             { u"updatedAt"_s,
               updatedAt.isValid() ? updatedAt.toString(Qt::ISODateWithMs) : QString() } };
}

QString describe(IntegrationMode mode)
{
    return mode == IntegrationMode::Light
        ? u"Lighter setup: bookings are pushed one way from Cal.com to HubSpot; edits made in "
          u"HubSpot are not "
          "carried back; QuickBooks invoices are created only when someone chooses \"Create invoice now\"."_s
        : u"Full integration: two-way sync between Cal.com, HubSpot and QuickBooks; invoices are "
          u"created "
          "automatically by the invoice policy."_s;
}

Result<IntegrationModeState> integrationMode(Store::Database &db)
{
    Store::AppSettingsRepository settings(db);
    auto s = settings.integrationMode();
    if (!s)
        return std::unexpected(s.error());
    return stateOf(*s);
}

Result<IntegrationModeState> setIntegrationMode(Store::Database &db, const Security::Actor &actor,
                                                IntegrationMode mode, int expectedVersion,
                                                const Clock &clock)
{
    if (auto ok = Security::authorize(actor, Security::Permission::ChangeIntegrationMode); !ok) {
        qCInfo(lcReview) << "refused integration_mode.set for" << actor.username << "-"
                       << ok.error().message;
        return std::unexpected(ok.error());
    }
    Store::Transaction tx(db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    Store::AppSettingsRepository settings(db, clock);
    auto before = settings.integrationMode();
    if (!before)
        return std::unexpected(before.error());
    if (before->version != expectedVersion) {
        return std::unexpected(Error::make(
            ErrorCode::Conflict,
            u"the integration mode was changed meanwhile%1 (now %2, version %3): reload and try again"_s
                .arg(before->updatedBy.isEmpty() ? QString() : u" by "_s + before->updatedBy,
                     Store::toString(before->mode), QString::number(before->version))));
    }
    if (before->mode == mode)
        return stateOf(*before);
    auto written = settings.set(Store::kIntegrationModeKey.toString(), Store::toString(mode),
                                expectedVersion, actor.username);
    if (!written)
        return std::unexpected(written.error());
    const IntegrationModeState after { mode, written->version, written->updatedBy,
                                       written->updatedAt };
    Security::AuditLog audit(db, clock);
    if (auto entry = audit.append(actor, u"integration_mode.set"_s, u"app_setting"_s,
                                  Store::kIntegrationModeKey.toString(), stateOf(*before).toJson(),
                                  after.toJson());
        !entry)
        return std::unexpected(entry.error());
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    qCInfo(lcReview).noquote() << u"%1 set the integration mode to %2"_s.arg(actor.username,
                                                                           Store::toString(mode));
    return after;
}

QString toString(InvoiceNowResult::State state)
{
    switch (state) {
    case InvoiceNowResult::State::Queued:
        return u"queued"_s;
    case InvoiceNowResult::State::AlreadyQueued:
        return u"already_queued"_s;
    case InvoiceNowResult::State::AlreadyInvoiced:
        return u"already_invoiced"_s;
    }
    return {};
}

QJsonObject InvoiceNowResult::toJson() const
{
    QJsonObject o { { u"state"_s, toString(state) },
                    { u"appointmentId"_s, appointmentId },
                    { u"planKey"_s, planKey },
                    { u"message"_s, message } };
    if (jobId > 0)
        o[u"jobId"_s] = jobId;
    if (invoiceId > 0)
        o[u"invoiceId"_s] = invoiceId;
    return o;
}

Result<InvoiceNowResult> createInvoiceNow(Store::Database &db, const Security::Actor &actor,
                                          qint64 appointmentId, const Config &config,
                                          const Clock &clock)
{
    if (auto ok = Security::authorize(actor, Security::Permission::EditBilling); !ok) {
        qCInfo(lcReview) << "refused invoice.create_now for" << actor.username << "-"
                       << ok.error().message;
        return std::unexpected(ok.error());
    }
    if (appointmentId <= 0)
        return std::unexpected(
            Error::make(ErrorCode::InvalidArgument, u"an appointment id is a positive number"_s));
    Store::Transaction tx(db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    // The applier plans exactly as the billing pass does (policies, tax and
    // discount rules, the business zone's dates).
    Sync::ChangeApplier applier(db, clock, Sync::EngineSettings::fromConfig(config).applier);
    auto done = applier.invoiceNow(appointmentId);
    if (!done)
        return std::unexpected(done.error());
    InvoiceNowResult r;
    r.appointmentId = appointmentId;
    r.planKey = done->planKey;
    r.jobId = done->jobId;
    r.invoiceId = done->invoiceId;
    if (done->invoiceId > 0) {
        r.state = InvoiceNowResult::State::AlreadyInvoiced;
        r.message =
            u"Appointment %1 is already invoiced (Concord invoice %2): nothing was queued."_s.arg(
                QString::number(appointmentId), QString::number(done->invoiceId));
    } else if (!done->queued) {
        r.state = InvoiceNowResult::State::AlreadyQueued;
        r.message = u"The invoice for appointment %1 is already queued (job %2)."_s.arg(
            QString::number(appointmentId), QString::number(done->jobId));
    } else {
        r.state = InvoiceNowResult::State::Queued;
        r.message = u"The invoice for appointment %1 is queued for QuickBooks (job %2)."_s.arg(
            QString::number(appointmentId), QString::number(done->jobId));
        Security::AuditLog audit(db, clock);
        if (auto entry = audit.append(actor, u"invoice.create_now"_s, u"appointment"_s,
                                      QString::number(appointmentId), QJsonValue(), r.toJson());
            !entry)
            return std::unexpected(entry.error());
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return r;
}

} // namespace Concord::Review
