// A merge carried out where it lives: HubSpot's merge call, QuickBooks'
// open invoices moved to the survivor and the duplicate made inactive —
// against both emulators, with what is left to a person reported.

#include "../hubspot/hsclientfixture.h"
// Both fixtures define the same waiting macros.
#undef AWAIT
#undef AWAIT_OK
#include "../quickbooks/qboclientfixture.h"

#include "identity/mergeplan.h"
#include "security/auditlog.h"
#include "services/admincommands.h"
#include "services/mergeworkflow.h"
#include "services/remotemerge.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/identityrepository.h"
#include "store/migrations.h"

#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Concord;
using Concord::Domain::Customer;
using Concord::Domain::ExternalLink;
using Concord::Domain::System;
using Concord::Services::RemoteMergeReport;
using Concord::Services::RemoteStepOutcome;

namespace {

// The two fixtures side by side (their members share names).
struct Qbo : Test::QboClientFixture {
    using QboClientFixture::setUpWorld;
    using QboClientFixture::tearDownWorld;
    Sandbox::QuickBooksEmulator &emulator() { return *m_qbo; }
    QuickBooks::QuickBooksClient &client() { return *m_client; }
};
struct Hs : Test::HsClientFixture {
    using HsClientFixture::setUpWorld;
    using HsClientFixture::tearDownWorld;
    using HsClientFixture::seedContact;
    Sandbox::HubSpotEmulator &emulator() { return *m_hs; }
    HubSpot::HubSpotClient &client() { return *m_client; }
};

ExternalLink link(const QString &customerId, System system, const QString &externalId)
{
    ExternalLink l;
    l.customerId = customerId;
    l.system = system;
    l.externalId = externalId;
    return l;
}

QString status(RemoteStepOutcome::Status s)
{
    switch (s) {
    case RemoteStepOutcome::Status::Done: return u"done"_s;
    case RemoteStepOutcome::Status::Failed: return u"failed"_s;
    case RemoteStepOutcome::Status::LeftToPerson: return u"person"_s;
    case RemoteStepOutcome::Status::ConcordOnly: return u"concord"_s;
    }
    return {};
}

QStringList describe(const RemoteMergeReport &report)
{
    QStringList out;
    for (const RemoteStepOutcome &o : report.outcomes)
        out << Identity::toString(o.step.action) + u' ' + status(o.status);
    return out;
}

} // namespace

class TestRemoteMerge : public QObject
{
    Q_OBJECT

private:
    Qbo m_qbo;
    Hs m_hs;
    QString m_survivorQbo, m_twinQbo, m_paidInvoice, m_openInvoice, m_survivorHs, m_twinHs;

    QString seedInvoice(const QString &customerId, const QString &docNumber)
    {
        auto inv = m_qbo.emulator().seed(
            Test::kRealm, u"Invoice"_s,
            QJsonObject{{u"CustomerRef"_s, Test::ref(customerId)},
                        {u"DocNumber"_s, docNumber},
                        {u"Line"_s, QJsonArray{QJsonObject{{u"DetailType"_s, u"SalesItemLineDetail"_s},
                                                           {u"Amount"_s, 65},
                                                           {u"SalesItemLineDetail"_s,
                                                            QJsonObject{{u"Qty"_s, 1}, {u"UnitPrice"_s, 65}}}}}}});
        return inv ? inv->value(u"Id"_s).toString() : QString();
    }

    Identity::MergePlan plan()
    {
        Customer dana;
        dana.id = u"cus_a"_s;
        dana.displayName = u"Dana Whitfield"_s;
        Customer twin;
        twin.id = u"cus_b"_s;
        twin.displayName = u"Dana Whitfield - front desk"_s;
        auto p = Identity::planMerge(dana, {twin},
                                     {link(u"cus_a"_s, System::QuickBooks, m_survivorQbo),
                                      link(u"cus_b"_s, System::QuickBooks, m_twinQbo),
                                      link(u"cus_a"_s, System::HubSpot, m_survivorHs),
                                      link(u"cus_b"_s, System::HubSpot, m_twinHs)},
                                     QJsonObject{{u"givenName"_s, u"Dana"_s},
                                                 {u"familyName"_s, u"Whitfield"_s},
                                                 {u"email"_s, u"dana.w@example.org"_s},
                                                 {u"phone"_s, u"(555) 203-1111"_s}});
        return p.value_or(Identity::MergePlan{});
    }

private Q_SLOTS:
    void init()
    {
        m_qbo.setUpWorld();
        m_hs.setUpWorld();
        auto a = m_qbo.emulator().seed(Test::kRealm, u"Customer"_s, QJsonObject{{u"DisplayName"_s, u"Dana Whitfield"_s}});
        auto b = m_qbo.emulator().seed(Test::kRealm, u"Customer"_s,
                                       QJsonObject{{u"DisplayName"_s, u"Dana Whitfield - front desk"_s}});
        QVERIFY(a && b);
        m_survivorQbo = a->value(u"Id"_s).toString();
        m_twinQbo = b->value(u"Id"_s).toString();
        m_paidInvoice = seedInvoice(m_twinQbo, u"1001"_s);
        m_openInvoice = seedInvoice(m_twinQbo, u"1002"_s);
        QVERIFY(m_qbo.emulator().recordPayment(Test::kRealm, m_twinQbo, 6500, {{m_paidInvoice, 6500}}));
        m_survivorHs = m_hs.seedContact(u"dana.whitfield3@example.com"_s, u"Dana"_s, u"Whitfield"_s);
        m_twinHs = m_hs.seedContact(u"dana.w@example.org"_s, u"Dana"_s, u"Whitfield"_s);
        QVERIFY(!m_survivorHs.isEmpty() && !m_twinHs.isEmpty());
    }

    void cleanup()
    {
        m_qbo.tearDownWorld();
        m_hs.tearDownWorld();
    }

    void carriesOutEverySystemsPart()
    {
        Services::RemoteMerge merge(&m_qbo.client(), &m_hs.client());
        auto run = merge.run(plan(), u"merge/7"_s);
        QTRY_VERIFY_WITH_TIMEOUT(run.isFinished(), 20000);
        const RemoteMergeReport report = run.result();
        QCOMPARE(describe(report), (QStringList{u"move_link concord"_s, u"repoint_invoices done"_s,
                                                u"deactivate_customer done"_s, u"manual_step person"_s,
                                                u"move_link concord"_s, u"merge_contacts done"_s,
                                                u"update_survivor done"_s, u"update_survivor done"_s}));
        QVERIFY2(report.complete(), qPrintable(report.failures().join(u"; "_s)));
        // The survivor took the chosen values in both systems.
        for (const QJsonObject &c : m_qbo.emulator().entities(Test::kRealm, u"Customer"_s)) {
            if (c.value(u"Id"_s).toString() == m_survivorQbo) {
                QCOMPARE(c.value(u"GivenName"_s).toString(), u"Dana"_s);
                QCOMPARE(c.value(u"PrimaryEmailAddr"_s).toObject().value(u"Address"_s).toString(),
                         u"dana.w@example.org"_s);
                QCOMPARE(c.value(u"PrimaryPhone"_s).toObject().value(u"FreeFormNumber"_s).toString(),
                         u"(555) 203-1111"_s);
            }
        }
        QCOMPARE(report.leftToPerson().size(), 1);

        // QuickBooks: the open invoice moved, the paid one stayed, the twin inactive.
        const QJsonObject open = m_qbo.emulator().entities(Test::kRealm, u"Invoice"_s).value(1);
        QCOMPARE(open.value(u"Id"_s).toString(), m_openInvoice);
        QCOMPARE(open.value(u"CustomerRef"_s).toObject().value(u"value"_s).toString(), m_survivorQbo);
        const QJsonObject paid = m_qbo.emulator().entities(Test::kRealm, u"Invoice"_s).value(0);
        QCOMPARE(paid.value(u"CustomerRef"_s).toObject().value(u"value"_s).toString(), m_twinQbo);
        bool twinActive = true;
        for (const QJsonObject &c : m_qbo.emulator().entities(Test::kRealm, u"Customer"_s)) {
            if (c.value(u"Id"_s).toString() == m_twinQbo)
                twinActive = c.value(u"Active"_s).toBool();
        }
        QVERIFY(!twinActive);
        QVERIFY(report.outcomes.at(1).detail.contains(u"1002"_s));

        // HubSpot: one contact left; the twin's id resolves to the survivor.
        auto resolved = m_hs.client().resolveContact(m_twinHs);
        QTRY_VERIFY_WITH_TIMEOUT(resolved.isFinished(), 10000);
        QVERIFY(resolved.result().has_value());
        const QString survivorNow =
            report.newHubSpotSurvivorId.isEmpty() ? m_survivorHs : report.newHubSpotSurvivorId;
        QCOMPARE(resolved.result()->id, survivorNow);
        QCOMPARE(resolved.result()->phone, u"(555) 203-1111"_s);
        QCOMPARE(resolved.result()->firstName, u"Dana"_s);

        // Run again (a crash after the remote part, before it was recorded):
        // nothing moves twice, nothing new is deactivated.
        const qsizetype requestsBefore = m_qbo.emulator().requestLog().size();
        auto again = merge.run(plan(), u"merge/7"_s);
        QTRY_VERIFY_WITH_TIMEOUT(again.isFinished(), 20000);
        QVERIFY(m_qbo.emulator().requestLog().size() > requestsBefore);
        QCOMPARE(m_qbo.emulator().entities(Test::kRealm, u"Invoice"_s).value(1).value(u"CustomerRef"_s).toObject().value(u"value"_s).toString(),
                 m_survivorQbo);
        QCOMPARE(m_qbo.emulator().entities(Test::kRealm, u"Customer"_s).size(), 2);
    }

    // The owner's Approve, end to end: approval, identity map, both
    // systems, and the record of it all — in the audit log in that order.
    void approvingCarriesTheMergeEverywhere()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto db = Store::Database::open(u"sqlite://"_s + dir.filePath(u"merge.sqlite"_s));
        QVERIFY(db.has_value());
        QVERIFY(Store::migrate(**db).has_value());
        ManualClock clock(QDateTime(QDate(2026, 3, 10), QTime(17, 0), Qt::UTC));
        Store::CustomerRepository customers(**db, clock);
        Store::IdentityRepository identity(**db, clock);
        Customer a;
        a.displayName = u"Dana Whitfield"_s;
        Customer b;
        b.displayName = u"Dana Whitfield - front desk"_s;
        auto dana = customers.create(a);
        auto twin = customers.create(b);
        QVERIFY(dana && twin);
        for (const ExternalLink &l : {link(dana->id, System::QuickBooks, m_survivorQbo), link(twin->id, System::QuickBooks, m_twinQbo),
                                      link(dana->id, System::HubSpot, m_survivorHs), link(twin->id, System::HubSpot, m_twinHs)}) {
            ExternalLink stored = l;
            stored.linkedBy = u"sync"_s;
            QVERIFY(identity.link(stored).has_value());
        }
        Domain::MergeProposal proposal;
        proposal.survivorId = dana->id;
        proposal.mergedIds = {twin->id};
        proposal.fieldChoicesJson = uR"({"givenName":"Dana"})"_s;
        const auto manager = Security::Actor::user(u"mona"_s, Domain::Role::OfficeManager);
        const auto owner = Security::Actor::user(u"oscar"_s, Domain::Role::Owner);
        auto id = Services::AdminCommands(**db, clock).proposeMerge(manager, proposal);
        QVERIFY(id.has_value());

        Services::MergeWorkflow workflow(**db, &m_qbo.client(), &m_hs.client(), clock);
        // The proposer's own approval is refused, and nothing remote happens.
        const qsizetype qboRequests = m_qbo.emulator().requestLog().size();
        auto refused = workflow.approve(manager, *id, {});
        QVERIFY(refused.isFinished());
        QCOMPARE(refused.result().error().code, ErrorCode::PermissionDenied);
        QCOMPARE(m_qbo.emulator().requestLog().size(), qboRequests);

        auto approved = workflow.approve(owner, *id, u"same parent, two desks"_s);
        QTRY_VERIFY_WITH_TIMEOUT(approved.isFinished(), 20000);
        QVERIFY2(approved.result().has_value(),
                 approved.result().has_value() ? "" : qPrintable(approved.result().error().message));
        const Services::MergeOutcome outcome = *approved.result();
        QVERIFY2(outcome.remote.complete(), qPrintable(outcome.remote.failures().join(u"; "_s)));
        QCOMPARE(outcome.plan.irreversible().size(), 2);
        QCOMPARE(Domain::toString(identity.proposal(*id)->state), u"executed"_s);
        QCOMPARE(identity.linksFor(twin->id)->size(), 0);
        QCOMPARE(identity.linksFor(dana->id)->size(), 4);
        QCOMPARE(m_qbo.emulator().entities(Test::kRealm, u"Invoice"_s).value(1).value(u"CustomerRef"_s).toObject().value(u"value"_s).toString(),
                 m_survivorQbo);
        auto audit = Security::AuditLog(**db).recent(10);
        QVERIFY(audit.has_value());
        QStringList actions;
        for (auto it = audit->crbegin(); it != audit->crend(); ++it)
            actions << it->action;
        QCOMPARE(actions, (QStringList{u"merge.propose"_s, u"merge.approve"_s, u"merge.execute"_s, u"merge.remote"_s}));

        // After a crash the remote part can run again: recorded again, no double effect.
        auto resumed = workflow.resumeRemote(owner, *id);
        QTRY_VERIFY_WITH_TIMEOUT(resumed.isFinished(), 20000);
        QVERIFY2(resumed.result().has_value(),
                 resumed.result().has_value() ? "" : qPrintable(resumed.result().error().message));
        QCOMPARE(resumed.result()->plan.steps.size(), outcome.plan.steps.size());
        QCOMPARE(Security::AuditLog(**db).recent(1)->first().action, u"merge.remote"_s);
        QCOMPARE(m_qbo.emulator().entities(Test::kRealm, u"Customer"_s).size(), 2);
        QVERIFY(Security::AuditLog(**db).verify()->ok);
    }

    // A system that is not connected: its steps fail with words that say
    // so; the other system's steps still run.
    void aMissingConnectionFailsOnlyItsSteps()
    {
        Services::RemoteMerge merge(&m_qbo.client(), nullptr);
        auto run = merge.run(plan(), u"merge/8"_s);
        QTRY_VERIFY_WITH_TIMEOUT(run.isFinished(), 20000);
        const RemoteMergeReport report = run.result();
        QCOMPARE(describe(report), (QStringList{u"move_link concord"_s, u"repoint_invoices done"_s,
                                                u"deactivate_customer done"_s, u"manual_step person"_s,
                                                u"move_link concord"_s, u"merge_contacts failed"_s,
                                                u"update_survivor done"_s, u"update_survivor failed"_s}));
        QVERIFY(!report.complete());
        QCOMPARE(report.failures().size(), 2);
        QVERIFY(report.failures().first().contains(u"HubSpot is not connected"_s));
        QCOMPARE(report.outcomes.last().error->code, ErrorCode::InvalidConfig);
        QCOMPARE(report.outcomes.at(5).error->code, ErrorCode::InvalidConfig);
    }
};

QTEST_GUILESS_MAIN(TestRemoteMerge)
#include "tst_remotemerge.moc"
