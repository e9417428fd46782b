#include "common/clock.h"
#include "domainprinters.h"
#include "domainprinters.h"
#include "security/auditlog.h"
#include "services/admincommands.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/identityrepository.h"
#include "store/migrations.h"
#include "store/outboxrepository.h"
#include "store/rulesrepository.h"
#include "store/userrepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Security;
using Concord::Services::AdminCommands;

Q_DECLARE_METATYPE(Concord::Domain::Role)
Q_DECLARE_METATYPE(Concord::Domain::System)

class TestAdminCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_run = 0; // one fresh store per test row
    std::unique_ptr<Store::Database> m_db;
    ManualClock m_clock{QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC)};
    const Actor m_owner = Actor::user(u"olivia"_s, Role::Owner);
    const Actor m_owner2 = Actor::user(u"oscar"_s, Role::Owner);
    const Actor m_manager = Actor::user(u"mona"_s, Role::OfficeManager);
    const Actor m_bookkeeper = Actor::user(u"bea"_s, Role::Bookkeeper);
    const Actor m_viewer = Actor::user(u"vic"_s, Role::Viewer);

    qint64 auditCount() { return AuditLog(*m_db).count().value_or(-1); }

    AuditEntry lastAudit()
    {
        auto entries = AuditLog(*m_db).recent(1);
        return entries && !entries->isEmpty() ? entries->first() : AuditEntry{};
    }

    QJsonObject json(const QByteArray &text) { return QJsonDocument::fromJson(text).object(); }

    Customer makeCustomer(const QString &name)
    {
        Customer c;
        c.displayName = name;
        auto stored = Store::CustomerRepository(*m_db, m_clock).create(c);
        if (!stored)
            qFatal("customer: %s", qPrintable(stored.error().toString()));
        return *stored;
    }

    qint64 failedJob()
    {
        Store::OutboxRepository outbox(*m_db, m_clock);
        OutboxJob job;
        job.targetSystem = System::QuickBooks;
        job.operation = u"invoice.create"_s;
        job.entityType = u"appointment"_s;
        job.entityId = u"1"_s;
        job.payloadJson = R"({"amount":"65.00"})";
        job.idempotencyKey = u"appt-1-invoice"_s;
        auto id = outbox.enqueue(job);
        auto claimed = outbox.claimDue(u"w"_s, 1, 60);
        if (!id || !claimed || claimed->size() != 1)
            qFatal("could not prepare a job");
        if (!outbox.markFailed(*id, Error::make(ErrorCode::InvalidArgument, u"validation"_s), {}))
            qFatal("could not fail the job");
        return *id;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto db = Store::Database::open(u"sqlite://"_s + m_dir.filePath(u"%1-%2.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction())).arg(++m_run)));
        QVERIFY(db);
        m_db = std::move(*db);
        QVERIFY(Store::migrate(*m_db));
    }

    void cleanup() { m_db.reset(); }

    void bootstrapOwnerOnEmptyStoreOnly()
    {
        AdminCommands commands(*m_db, m_clock);
        auto owner = commands.bootstrapOwner(u"Olivia"_s, u"Olivia Owner"_s);
        QVERIFY_OK(owner);
        QCOMPARE(owner->username, u"olivia"_s);
        QCOMPARE_NAMES(owner->role, Role::Owner);
        QCOMPARE(auditCount(), 1);
        const AuditEntry e = lastAudit();
        QCOMPARE(e.actor, u"system:bootstrap"_s);
        QCOMPARE(e.actorRole, u"system"_s);
        QCOMPARE(e.action, u"user.bootstrap-owner"_s);
        QCOMPARE(json(e.afterJson).value(u"role"_s).toString(), u"owner"_s);

        auto again = commands.bootstrapOwner(u"olivia"_s, u"x"_s);
        QVERIFY(again);
        QCOMPARE(again->id, owner->id);
        QCOMPARE(auditCount(), 1);

        auto stranger = commands.bootstrapOwner(u"mallory"_s, u"Mallory"_s);
        QVERIFY(!stranger);
        QCOMPARE(stranger.error().code, ErrorCode::NotFound);
        QCOMPARE(*Store::UserRepository(*m_db).count(), 1);
    }

    void manageUsersNeedsOwner_data()
    {
        QTest::addColumn<Role>("role");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("owner") << Role::Owner << true;
        QTest::newRow("office manager") << Role::OfficeManager << false;
        QTest::newRow("bookkeeper") << Role::Bookkeeper << false;
        QTest::newRow("viewer") << Role::Viewer << false;
    }

    void manageUsersNeedsOwner()
    {
        QFETCH(Role, role);
        QFETCH(bool, allowed);
        AdminCommands commands(*m_db, m_clock);
        User u;
        u.username = u"newbie"_s;
        u.role = Role::Bookkeeper;
        auto created = commands.createUser(Actor::user(u"someone"_s, role), u);
        QCOMPARE(bool(created), allowed);
        QCOMPARE(*Store::UserRepository(*m_db).count(), allowed ? 1 : 0);
        QCOMPARE(auditCount(), allowed ? 1 : 0);
        if (!allowed) {
            QCOMPARE(created.error().code, ErrorCode::PermissionDenied);
            return;
        }
        const AuditEntry e = lastAudit();
        QCOMPARE(e.action, u"user.create"_s);
        QCOMPARE(e.actor, u"someone"_s);
        QVERIFY(e.beforeJson.isEmpty());
        QCOMPARE(json(e.afterJson).value(u"username"_s).toString(), u"newbie"_s);
    }

    void updateRecordsBeforeAndAfter()
    {
        AdminCommands commands(*m_db, m_clock);
        User u;
        u.username = u"bea"_s;
        u.role = Role::Viewer;
        auto created = commands.createUser(m_owner, u);
        QVERIFY_OK(created);
        User promoted = *created;
        promoted.role = Role::Bookkeeper;
        auto updated = commands.updateUser(m_owner, promoted);
        QVERIFY_OK(updated);
        QCOMPARE_NAMES(updated->role, Role::Bookkeeper);
        QCOMPARE(updated->version, 2);
        const AuditEntry e = lastAudit();
        QCOMPARE(e.action, u"user.update"_s);
        QCOMPARE(json(e.beforeJson).value(u"role"_s).toString(), u"viewer"_s);
        QCOMPARE(json(e.afterJson).value(u"role"_s).toString(), u"bookkeeper"_s);
        // A stale edit is a conflict and writes no audit entry.
        auto stale = commands.updateUser(m_owner, promoted);
        QVERIFY(!stale);
        QCOMPARE(stale.error().code, ErrorCode::Conflict);
        QCOMPARE(auditCount(), 2);
    }

    // Mapping edits need EditMappings plus the side they touch.
    void mappingSides_data()
    {
        QTest::addColumn<Role>("role");
        QTest::addColumn<System>("target");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("manager, booking side") << Role::OfficeManager << System::HubSpot << true;
        QTest::newRow("manager, billing side") << Role::OfficeManager << System::QuickBooks << false;
        QTest::newRow("bookkeeper, billing side") << Role::Bookkeeper << System::QuickBooks << true;
        QTest::newRow("bookkeeper, booking side") << Role::Bookkeeper << System::HubSpot << false;
        QTest::newRow("owner, billing side") << Role::Owner << System::QuickBooks << true;
        QTest::newRow("viewer, booking side") << Role::Viewer << System::HubSpot << false;
    }

    void mappingSides()
    {
        QFETCH(Role, role);
        QFETCH(System, target);
        QFETCH(bool, allowed);
        FieldMapping m;
        m.field = u"timezone"_s;
        m.sourceSystem = System::CalCom;
        m.targetSystem = target;
        m.authoritativeSystem = System::CalCom;
        auto saved = AdminCommands(*m_db, m_clock).saveFieldMapping(Actor::user(u"p"_s, role), m);
        QCOMPARE(bool(saved), allowed);
        QCOMPARE(Store::RulesRepository(*m_db).fieldMappings()->size(), allowed ? 1 : 0);
        QCOMPARE(auditCount(), allowed ? 1 : 0);
        if (allowed) {
            QCOMPARE(saved->updatedBy, u"p"_s);
            QCOMPARE(lastAudit().action, u"mapping.field.create"_s);
        } else {
            QCOMPARE(saved.error().code, ErrorCode::PermissionDenied);
        }
    }

    void billingRulesAreBookkeeperOrOwner()
    {
        AdminCommands commands(*m_db, m_clock);
        TaxRule rule;
        rule.taxCode = u"TAX"_s;
        rule.location = u"Springfield"_s;
        auto refused = commands.saveTaxRule(m_manager, rule);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        QVERIFY(Store::RulesRepository(*m_db).taxRules()->isEmpty());

        auto saved = commands.saveTaxRule(m_bookkeeper, rule);
        QVERIFY_OK(saved);
        TaxRule changed = *saved;
        changed.taxCode = u"NON"_s;
        auto updated = commands.saveTaxRule(m_bookkeeper, changed);
        QVERIFY_OK(updated);
        const AuditEntry e = lastAudit();
        QCOMPARE(e.action, u"rule.tax.update"_s);
        QCOMPARE(json(e.beforeJson).value(u"taxCode"_s).toString(), u"TAX"_s);
        QCOMPARE(json(e.afterJson).value(u"taxCode"_s).toString(), u"NON"_s);

        InvoicePolicy policy;
        policy.mode = InvoiceMode::MonthlySummary;
        policy.blockThresholdMinor = 20000;
        QVERIFY(commands.saveInvoicePolicy(m_bookkeeper, policy));
        QVERIFY(!commands.saveInvoicePolicy(m_viewer, policy));
        DiscountRule discount;
        discount.percentBasisPoints = 1000;
        QVERIFY(commands.saveDiscountRule(m_owner, discount));
        QCOMPARE(auditCount(), 4);

        // Deleting: bookkeeper-only, at the version seen, audited with the row as it was.
        const TaxRule current = *updated;
        auto refusedDelete = commands.deleteTaxRule(m_manager, current.id, current.version);
        QVERIFY(!refusedDelete);
        QCOMPARE(refusedDelete.error().code, ErrorCode::PermissionDenied);
        auto stale = commands.deleteTaxRule(m_bookkeeper, current.id, current.version - 1);
        QVERIFY(!stale);
        QCOMPARE(stale.error().code, ErrorCode::Conflict);
        QCOMPARE(auditCount(), 4);
        QVERIFY_OK(commands.deleteTaxRule(m_bookkeeper, current.id, current.version));
        const AuditEntry deleted = lastAudit();
        QCOMPARE(deleted.action, u"rule.tax.delete"_s);
        QCOMPARE(json(deleted.beforeJson).value(u"taxCode"_s).toString(), u"NON"_s);
        QVERIFY(Store::RulesRepository(*m_db).taxRules()->isEmpty());
        auto gone = commands.deleteTaxRule(m_bookkeeper, current.id, current.version);
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
        QCOMPARE(auditCount(), 5);

        auto policies = Store::RulesRepository(*m_db).invoicePolicies();
        QVERIFY_OK(policies);
        QCOMPARE(policies->size(), 1);
        QVERIFY_OK(commands.deleteInvoicePolicy(m_owner, policies->first().id, policies->first().version));
        QCOMPARE(lastAudit().action, u"rule.invoice-policy.delete"_s);
        auto discounts = Store::RulesRepository(*m_db).discountRules();
        QVERIFY_OK(discounts);
        QVERIFY_OK(commands.deleteDiscountRule(m_owner, discounts->first().id, discounts->first().version));
        QCOMPARE(lastAudit().action, u"rule.discount.delete"_s);
        QCOMPARE(auditCount(), 7);
    }

    void auditFailureRollsBackTheChange()
    {
        // If the audit entry cannot be written, the change must not land either.
        QVERIFY(m_db->execDirect(u"ALTER TABLE audit_log RENAME TO audit_log_moved"_s));
        TaxRule rule;
        rule.taxCode = u"TAX"_s;
        auto saved = AdminCommands(*m_db, m_clock).saveTaxRule(m_owner, rule);
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, ErrorCode::Storage);
        QVERIFY(Store::RulesRepository(*m_db).taxRules()->isEmpty());
    }

    // The whole workflow on the identity map: propose, approve, execute
    // (links move, the duplicate is Merged, its candidate closed, all
    // audited), undo (everything back exactly as it was, except what is
    // final remotely, which undo reports).
    void mergeExecutesAndUndoesInTheIdentityMap()
    {
        AdminCommands commands(*m_db, m_clock);
        Store::IdentityRepository identity(*m_db, m_clock);
        const Customer dana = makeCustomer(u"Dana Whitfield"_s);
        const Customer twin = makeCustomer(u"Dana Whitfield - front desk"_s);
        const Customer other = makeCustomer(u"Tom Okafor"_s);
        auto addLink = [&](const Customer &c, System system, const QString &externalId) {
            ExternalLink l;
            l.customerId = c.id;
            l.system = system;
            l.externalId = externalId;
            l.method = MatchMethod::Email;
            l.linkedBy = u"sync"_s;
            QVERIFY_OK(identity.link(l));
        };
        addLink(dana, System::QuickBooks, u"58"_s);
        addLink(dana, System::HubSpot, u"1001"_s);
        addLink(twin, System::QuickBooks, u"59"_s);
        addLink(twin, System::HubSpot, u"1002"_s);
        addLink(twin, System::CalCom, u"dana.new@example.org"_s);
        addLink(other, System::QuickBooks, u"77"_s);
        DuplicateCandidate candidate;
        candidate.customerA = dana.id;
        candidate.customerB = twin.id;
        candidate.scorePermille = 990;
        candidate.evidenceJson = u"{}"_s;
        auto candidateId = identity.upsertCandidate(candidate);
        QVERIFY_OK(candidateId);

        auto linksOf = [&](const Customer &c) {
            QStringList out;
            for (const ExternalLink &l : identity.linksFor(c.id).value_or(QList<ExternalLink>{}))
                out << toString(l.system) + u':' + l.externalId;
            return out;
        };
        const QStringList danaBefore = linksOf(dana);
        const QStringList twinBefore = linksOf(twin);

        MergeProposal p;
        p.survivorId = dana.id;
        p.mergedIds = {twin.id};
        p.fieldChoicesJson = uR"({"givenName":"Dana","familyName":"Whitfield","email":"dana.new@example.org"})"_s;
        auto id = commands.proposeMerge(m_manager, p);
        QVERIFY_OK(id);

        // Not yet approved: nothing happens.
        auto early = commands.executeMerge(m_owner2, *id);
        QVERIFY(!early);
        QCOMPARE(early.error().code, ErrorCode::Conflict);
        QVERIFY_OK(commands.decideMerge(m_owner2, *id, true, {}));

        // Only someone who may approve merges executes them.
        auto byManager = commands.executeMerge(m_manager, *id);
        QVERIFY(!byManager);
        QCOMPARE(byManager.error().code, ErrorCode::PermissionDenied);
        auto byAutomation = commands.executeMerge(Actor::system(u"sync"_s), *id);
        QVERIFY(!byAutomation);
        QCOMPARE(byAutomation.error().code, ErrorCode::PermissionDenied);

        const qint64 auditBefore = auditCount();
        auto plan = commands.executeMerge(m_owner2, *id);
        QVERIFY_OK(plan);
        QCOMPARE(plan->irreversible().size(), 2); // HubSpot merge; QuickBooks' manual merge
        QCOMPARE(linksOf(dana), (QStringList{u"calcom:dana.new@example.org"_s, u"hubspot:1001"_s, u"hubspot:1002"_s,
                                             u"quickbooks:58"_s, u"quickbooks:59"_s}));
        QVERIFY(linksOf(twin).isEmpty());
        QCOMPARE(linksOf(other), QStringList{u"quickbooks:77"_s});
        Store::CustomerRepository customers(*m_db, m_clock);
        QCOMPARE_NAMES(customers.get(twin.id)->state, CustomerState::Merged);
        QCOMPARE(customers.get(dana.id)->givenName, u"Dana"_s); // the chosen names
        QCOMPARE(customers.get(dana.id)->familyName, u"Whitfield"_s);
        QCOMPARE(std::count_if(plan->steps.cbegin(), plan->steps.cend(),
                               [](const Identity::MergeStep &s) {
                                   return s.action == Identity::MergeStep::Action::UpdateSurvivor;
                               }),
                 2); // QuickBooks and HubSpot
        QCOMPARE(customers.get(twin.id)->mergedInto, dana.id);
        QVERIFY(identity.candidates(CandidateState::Open)->isEmpty());
        QCOMPARE(identity.candidates(CandidateState::Merged)->size(), 1);
        QCOMPARE_NAMES(identity.proposal(*id)->state, MergeState::Executed);
        QCOMPARE(auditCount(), auditBefore + 1);
        const AuditEntry executed = lastAudit();
        QCOMPARE(executed.action, u"merge.execute"_s);
        QCOMPARE(executed.actor, u"oscar"_s);
        QCOMPARE(json(executed.afterJson).value(u"execution"_s).toObject().value(u"movedLinks"_s).toArray().size(), 3);

        // What the remote part did is recorded; HubSpot's new survivor id is followed.
        Services::RemoteMergeReport remote;
        for (const Identity::MergeStep &step : plan->steps) {
            Services::RemoteStepOutcome o;
            o.step = step;
            o.status = step.automatic ? Services::RemoteStepOutcome::Status::Done
                                      : Services::RemoteStepOutcome::Status::LeftToPerson;
            o.detail = step.description;
            remote.outcomes.append(o);
        }
        remote.newHubSpotSurvivorId = u"5005"_s;
        QVERIFY_OK(commands.recordRemoteMerge(m_owner2, *id, remote));
        QCOMPARE(lastAudit().action, u"merge.remote"_s);
        QCOMPARE(json(lastAudit().afterJson).value(u"outcomes"_s).toArray().size(), plan->steps.size());
        QCOMPARE(linksOf(dana), (QStringList{u"calcom:dana.new@example.org"_s, u"hubspot:5005"_s, u"hubspot:1002"_s,
                                             u"quickbooks:58"_s, u"quickbooks:59"_s}));
        QCOMPARE(auditCount(), auditBefore + 2);
        // The survivor's HubSpot id changed remotely: that stays (undo restores the rest).
        {
            auto renamedBack = identity.renameExternalId(System::HubSpot, u"5005"_s, u"1001"_s);
            QVERIFY_OK(renamedBack); // put back only so the undo comparison below is about undo
        }

        // Executing twice is a conflict and changes nothing.
        auto again = commands.executeMerge(m_owner2, *id);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QCOMPARE(auditCount(), auditBefore + 2);

        // Undo: every link back where it was; the twin active again; the
        // proposal Undone; what stays done remotely is said.
        auto byViewer = commands.undoMerge(m_viewer, *id);
        QVERIFY(!byViewer);
        QCOMPARE(byViewer.error().code, ErrorCode::PermissionDenied);
        auto remaining = commands.undoMerge(m_owner, *id);
        QVERIFY_OK(remaining);
        QCOMPARE(*remaining, plan->irreversible());
        QCOMPARE(linksOf(dana), danaBefore);
        QCOMPARE(linksOf(twin), twinBefore);
        QCOMPARE_NAMES(customers.get(twin.id)->state, CustomerState::Active);
        QVERIFY(customers.get(dana.id)->givenName.isEmpty()); // names as before the merge
        QCOMPARE(customers.get(dana.id)->displayName, u"Dana Whitfield"_s);
        QVERIFY(customers.get(twin.id)->mergedInto.isEmpty());
        QCOMPARE_NAMES(identity.proposal(*id)->state, MergeState::Undone);
        QCOMPARE(lastAudit().action, u"merge.undo"_s);
        QCOMPARE(auditCount(), auditBefore + 3);
        // Remote outcomes cannot be recorded for a merge that is not executed.
        QCOMPARE(commands.recordRemoteMerge(m_owner2, *id, remote).error().code, ErrorCode::Conflict);
        auto undoTwice = commands.undoMerge(m_owner, *id);
        QVERIFY(!undoTwice);
        QCOMPARE(undoTwice.error().code, ErrorCode::Conflict);
        QVERIFY(AuditLog(*m_db).verify()->ok);
    }

    void mergeNeedsProposalThenAnotherOwner()
    {
        AdminCommands commands(*m_db, m_clock);
        const Customer a = makeCustomer(u"Dana Whitfield"_s);
        const Customer b = makeCustomer(u"Dana Whitfield (2)"_s);
        MergeProposal p;
        p.survivorId = a.id;
        p.mergedIds = {b.id};
        p.fieldChoicesJson = u"{\"email\":\"dana@example.com\"}"_s;

        auto byViewer = commands.proposeMerge(m_viewer, p);
        QVERIFY(!byViewer);
        QCOMPARE(byViewer.error().code, ErrorCode::PermissionDenied);

        auto id = commands.proposeMerge(m_manager, p);
        QVERIFY(id);
        QCOMPARE(lastAudit().action, u"merge.propose"_s);

        // The office manager cannot approve.
        auto managerApproves = commands.decideMerge(m_manager, *id, true, {});
        QVERIFY(!managerApproves);
        QCOMPARE(managerApproves.error().code, ErrorCode::PermissionDenied);

        // An owner who proposed cannot approve their own proposal.
        auto ownId = commands.proposeMerge(m_owner, p);
        QVERIFY(ownId);
        auto selfApproval = commands.decideMerge(m_owner, *ownId, true, {});
        QVERIFY(!selfApproval);
        QVERIFY(selfApproval.error().message.contains(u"cannot also approve"_s));

        const qint64 before = auditCount();
        QVERIFY(commands.decideMerge(m_owner2, *id, true, u"same parent"_s));
        QCOMPARE(auditCount(), before + 1);
        const AuditEntry e = lastAudit();
        QCOMPARE(e.action, u"merge.approve"_s);
        QCOMPARE(json(e.beforeJson).value(u"state"_s).toString(), u"proposed"_s);
        QCOMPARE(json(e.afterJson).value(u"state"_s).toString(), u"approved"_s);
        QCOMPARE(json(e.afterJson).value(u"decidedBy"_s).toString(), u"oscar"_s);

        // Deciding again is a conflict, and leaves no trace.
        auto twice = commands.decideMerge(m_owner, *id, false, {});
        QVERIFY(!twice);
        QCOMPARE(twice.error().code, ErrorCode::Conflict);
        QCOMPARE(auditCount(), before + 1);
    }

    void retryQueueActions()
    {
        AdminCommands commands(*m_db, m_clock);
        const qint64 job = failedJob();
        auto byBookkeeper = commands.retryJob(m_bookkeeper, job);
        QVERIFY(!byBookkeeper);
        QCOMPARE(byBookkeeper.error().code, ErrorCode::PermissionDenied);
        QCOMPARE_NAMES(Store::OutboxRepository(*m_db).get(job)->state, JobState::Failed);

        QVERIFY(commands.retryJob(m_manager, job));
        QCOMPARE_NAMES(Store::OutboxRepository(*m_db).get(job)->state, JobState::Pending);
        AuditEntry e = lastAudit();
        QCOMPARE(e.action, u"job.retry"_s);
        QCOMPARE(json(e.beforeJson).value(u"state"_s).toString(), u"failed"_s);
        QCOMPARE(json(e.afterJson).value(u"state"_s).toString(), u"pending"_s);

        auto badJson = commands.overrideJobPayload(m_manager, job, "{not json");
        QVERIFY(!badJson);
        QCOMPARE(badJson.error().code, ErrorCode::InvalidArgument);

        QVERIFY(commands.overrideJobPayload(m_manager, job, R"({"amount":"60.00"})"));
        QCOMPARE(Store::OutboxRepository(*m_db).get(job)->payloadJson, QByteArray(R"({"amount":"60.00"})"));
        e = lastAudit();
        QCOMPARE(e.action, u"job.override"_s);
        QCOMPARE(json(e.beforeJson).value(u"payload"_s).toObject().value(u"amount"_s).toString(), u"65.00"_s);
        QCOMPARE(json(e.afterJson).value(u"payload"_s).toObject().value(u"amount"_s).toString(), u"60.00"_s);

        QVERIFY(commands.dismissJob(m_owner, job, u"the client paid by cash"_s));
        QCOMPARE_NAMES(Store::OutboxRepository(*m_db).get(job)->state, JobState::Dismissed);
        QVERIFY(AuditLog(*m_db).verify()->ok);
    }

    void customerEditsAreBookingSide()
    {
        AdminCommands commands(*m_db, m_clock);
        Customer c = makeCustomer(u"Sam Lee"_s);
        c.timeZone = u"America/Chicago"_s;
        QVERIFY(!commands.updateCustomer(m_bookkeeper, c));
        auto updated = commands.updateCustomer(m_manager, c);
        QVERIFY_OK(updated);
        QCOMPARE(updated->timeZone, u"America/Chicago"_s);
        const AuditEntry e = lastAudit();
        QCOMPARE(e.action, u"customer.update"_s);
        QCOMPARE(json(e.beforeJson).value(u"timeZone"_s).toString(), QString());
        QCOMPARE(json(e.afterJson).value(u"timeZone"_s).toString(), u"America/Chicago"_s);

        ExternalLink link;
        link.customerId = c.id;
        link.system = System::QuickBooks;
        link.externalId = u"58"_s;
        auto linked = commands.linkRecord(m_manager, link);
        QVERIFY(linked);
        QCOMPARE(linked->linkedBy, u"mona"_s);
        QCOMPARE(lastAudit().action, u"identity.link"_s);
    }
};

QTEST_GUILESS_MAIN(TestAdminCommands)
#include "tst_admincommands.moc"
