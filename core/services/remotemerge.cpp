#include "services/remotemerge.h"

#include "common/logging.h"
#include "connectors/hubspot/hubspotclient.h"
#include "connectors/quickbooks/querybuilder.h"
#include "connectors/quickbooks/quickbooksclient.h"

#include <QPointer>
#include <QPromise>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace Concord::Services {

using Identity::MergeStep;
using Outcome = RemoteStepOutcome;

bool RemoteMergeReport::complete() const
{
    return std::none_of(outcomes.cbegin(), outcomes.cend(),
                        [](const Outcome &o) { return o.status == Outcome::Status::Failed; });
}

QStringList RemoteMergeReport::failures() const
{
    QStringList out;
    for (const Outcome &o : outcomes) {
        if (o.status == Outcome::Status::Failed)
            out.append(o.detail);
    }
    return out;
}

QStringList RemoteMergeReport::leftToPerson() const
{
    QStringList out;
    for (const Outcome &o : outcomes) {
        if (o.status == Outcome::Status::LeftToPerson)
            out.append(o.detail);
    }
    return out;
}

namespace {

// The run's state, shared by the chain of continuations.
struct Run {
    Identity::MergePlan plan;
    QString prefix;
    RemoteMergeReport report;
    QPromise<RemoteMergeReport> promise;
    qsizetype next = 0;
};

Outcome failed(const MergeStep &step, const QString &what, const Error &error)
{
    Outcome o{step, Outcome::Status::Failed, u"%1: %2"_s.arg(what, error.message), error};
    return o;
}

} // namespace

RemoteMerge::RemoteMerge(QuickBooks::QuickBooksClient *quickbooks, HubSpot::HubSpotClient *hubspot, QObject *parent)
    : QObject(parent), m_quickbooks(quickbooks), m_hubspot(hubspot)
{
}

QFuture<RemoteMergeReport> RemoteMerge::run(const Identity::MergePlan &plan, const QString &idempotencyPrefix)
{
    auto run = std::make_shared<Run>();
    run->plan = plan;
    run->prefix = idempotencyPrefix;
    run->promise.start();
    QFuture<RemoteMergeReport> future = run->promise.future();

    // One step at a time; `advance` records the outcome and starts the next.
    auto advance = std::make_shared<std::function<void(std::optional<Outcome>)>>();
    QPointer<RemoteMerge> self(this);
    *advance = [run, advance, self](std::optional<Outcome> outcome) {
        if (outcome)
            run->report.outcomes.append(*outcome);
        if (!self || run->next >= run->plan.steps.size()) {
            run->promise.addResult(run->report);
            run->promise.finish();
            *advance = nullptr; // break the cycle
            return;
        }
        const MergeStep step = run->plan.steps.at(run->next++);
        auto done = [advance](Outcome o) { (*advance)(std::move(o)); };
        switch (step.action) {
        case MergeStep::Action::MoveLink:
            done({step, Outcome::Status::ConcordOnly, step.description, std::nullopt});
            return;
        case MergeStep::Action::ManualStep:
            done({step, Outcome::Status::LeftToPerson, step.description, std::nullopt});
            return;
        case MergeStep::Action::MergeContacts: {
            if (!self->m_hubspot) {
                done(failed(step, u"HubSpot merge of %1 into %2"_s.arg(step.mergedExternalId, step.survivorExternalId),
                            Error::make(ErrorCode::InvalidConfig, u"HubSpot is not connected"_s)));
                return;
            }
            self->m_hubspot->mergeContacts(step.survivorExternalId, step.mergedExternalId)
                .then(self.data(), [run, step, done](Result<HubSpot::MergeResult> merged) {
                    if (!merged) {
                        done(failed(step, u"HubSpot merge of %1 into %2"_s.arg(step.mergedExternalId,
                                                                                step.survivorExternalId),
                                    merged.error()));
                        return;
                    }
                    if (merged->idChanged())
                        run->report.newHubSpotSurvivorId = merged->survivor.id;
                    done({step, Outcome::Status::Done,
                          u"HubSpot: contact %1 merged into %2 (survivor id %3)"_s.arg(
                              step.mergedExternalId, step.survivorExternalId, merged->survivor.id),
                          std::nullopt});
                });
            return;
        }
        case MergeStep::Action::DeactivateCustomer: {
            if (!self->m_quickbooks) {
                done(failed(step, u"deactivating QuickBooks customer %1"_s.arg(step.mergedExternalId),
                            Error::make(ErrorCode::InvalidConfig, u"QuickBooks is not connected"_s)));
                return;
            }
            self->m_quickbooks
                ->deactivateCustomer(u"%1/deactivate/%2"_s.arg(run->prefix, step.mergedExternalId),
                                     step.mergedExternalId, QString())
                .then(self.data(), [step, done](Result<QuickBooks::Customer> customer) {
                    if (!customer) {
                        done(failed(step, u"deactivating QuickBooks customer %1"_s.arg(step.mergedExternalId),
                                    customer.error()));
                        return;
                    }
                    done({step, Outcome::Status::Done,
                          u"QuickBooks: customer %1 is inactive"_s.arg(step.mergedExternalId), std::nullopt});
                });
            return;
        }
        case MergeStep::Action::UpdateSurvivor: {
            const QJsonObject v = run->plan.survivorValues;
            auto text = [&v](const QString &key) { return v.value(key).toString(); };
            if (step.system == Domain::System::HubSpot) {
                if (!self->m_hubspot) {
                    done(failed(step, u"updating HubSpot contact %1"_s.arg(step.survivorExternalId),
                                Error::make(ErrorCode::InvalidConfig, u"HubSpot is not connected"_s)));
                    return;
                }
                HubSpot::PropertyMap properties;
                const std::pair<QString, QString> map[] = {{u"givenName"_s, u"firstname"_s},
                                                           {u"familyName"_s, u"lastname"_s},
                                                           {u"email"_s, u"email"_s},
                                                           {u"phone"_s, u"phone"_s}};
                for (const auto &[ours, theirs] : map) {
                    if (v.contains(ours))
                        properties.insert(theirs, text(ours));
                }
                if (properties.isEmpty()) {
                    done({step, Outcome::Status::Done, u"HubSpot: nothing to change on contact %1"_s.arg(step.survivorExternalId),
                          std::nullopt});
                    return;
                }
                self->m_hubspot->updateContact(step.survivorExternalId, properties)
                    .then(self.data(), [step, done](Result<HubSpot::Contact> updated) {
                        if (!updated) {
                            done(failed(step, u"updating HubSpot contact %1"_s.arg(step.survivorExternalId), updated.error()));
                            return;
                        }
                        done({step, Outcome::Status::Done,
                              u"HubSpot: contact %1 has the chosen values"_s.arg(step.survivorExternalId), std::nullopt});
                    });
                return;
            }
            if (!self->m_quickbooks) {
                done(failed(step, u"updating QuickBooks customer %1"_s.arg(step.survivorExternalId),
                            Error::make(ErrorCode::InvalidConfig, u"QuickBooks is not connected"_s)));
                return;
            }
            QJsonObject changes;
            if (v.contains(u"displayName"_s))
                changes.insert(u"DisplayName"_s, text(u"displayName"_s));
            if (v.contains(u"givenName"_s))
                changes.insert(u"GivenName"_s, text(u"givenName"_s));
            if (v.contains(u"familyName"_s))
                changes.insert(u"FamilyName"_s, text(u"familyName"_s));
            if (v.contains(u"email"_s))
                changes.insert(u"PrimaryEmailAddr"_s, QJsonObject{{u"Address"_s, text(u"email"_s)}});
            if (v.contains(u"phone"_s))
                changes.insert(u"PrimaryPhone"_s, QJsonObject{{u"FreeFormNumber"_s, text(u"phone"_s)}});
            self->m_quickbooks
                ->updateCustomer(u"%1/survivor/%2"_s.arg(run->prefix, step.survivorExternalId), step.survivorExternalId,
                                 QString(), changes)
                .then(self.data(), [step, done](Result<QuickBooks::Customer> updated) {
                    if (!updated) {
                        done(failed(step, u"updating QuickBooks customer %1"_s.arg(step.survivorExternalId), updated.error()));
                        return;
                    }
                    done({step, Outcome::Status::Done,
                          u"QuickBooks: customer %1 has the chosen values"_s.arg(step.survivorExternalId), std::nullopt});
                });
            return;
        }
        case MergeStep::Action::RepointInvoices: {
            if (!self->m_quickbooks) {
                done(failed(step, u"moving the open invoices of QuickBooks customer %1"_s.arg(step.mergedExternalId),
                            Error::make(ErrorCode::InvalidConfig, u"QuickBooks is not connected"_s)));
                return;
            }
            auto select = QuickBooks::QueryBuilder::select(u"Invoice"_s);
            select.where(u"CustomerRef"_s, QuickBooks::QueryOperator::Equal, step.mergedExternalId);
            QPointer<RemoteMerge> owner = self;
            self->m_quickbooks->queryAll<QuickBooks::Invoice>(select).then(
                self.data(), [run, step, done, owner](Result<QList<QuickBooks::Invoice>> invoices) {
                    if (!invoices) {
                        done(failed(step, u"finding the invoices of QuickBooks customer %1"_s.arg(step.mergedExternalId),
                                    invoices.error()));
                        return;
                    }
                    // Open ones only: paid history stays where it was paid.
                    auto open = std::make_shared<QList<QuickBooks::Invoice>>();
                    for (const QuickBooks::Invoice &inv : std::as_const(*invoices)) {
                        if (inv.balance && inv.balance->minorUnits() > 0)
                            open->append(inv);
                    }
                    auto moved = std::make_shared<QStringList>();
                    auto errors = std::make_shared<QList<Error>>();
                    auto one = std::make_shared<std::function<void(qsizetype)>>();
                    *one = [run, step, done, owner, open, moved, errors, one](qsizetype i) {
                        if (!owner || i >= open->size()) {
                            *one = nullptr;
                            if (!errors->isEmpty()) {
                                Outcome o = failed(step,
                                                   u"moving %1 of %2 open invoices of QuickBooks customer %3 (moved: %4)"_s.arg(
                                                       QString::number(errors->size()), QString::number(open->size()),
                                                       step.mergedExternalId, moved->join(u", "_s)),
                                                   errors->first());
                                done(o);
                                return;
                            }
                            done({step, Outcome::Status::Done,
                                  moved->isEmpty()
                                      ? u"QuickBooks: customer %1 had no open invoices to move"_s.arg(step.mergedExternalId)
                                      : u"QuickBooks: open invoices %1 moved from customer %2 to %3"_s.arg(
                                            moved->join(u", "_s), step.mergedExternalId, step.survivorExternalId),
                                  std::nullopt});
                            return;
                        }
                        const QuickBooks::Invoice &inv = open->at(i);
                        const QJsonObject change{{u"CustomerRef"_s, QJsonObject{{u"value"_s, step.survivorExternalId}}}};
                        owner->m_quickbooks
                            ->updateInvoice(u"%1/repoint/%2"_s.arg(run->prefix, inv.id), inv.id, inv.syncToken, change)
                            .then(owner.data(), [inv, moved, errors, one, i](Result<QuickBooks::Invoice> updated) {
                                if (updated)
                                    moved->append(inv.docNumber.isEmpty() ? inv.id : inv.docNumber);
                                else
                                    errors->append(updated.error());
                                (*one)(i + 1);
                            });
                    };
                    (*one)(0);
                });
            return;
        }
        }
    };
    (*advance)(std::nullopt);
    return future;
}

} // namespace Concord::Services
