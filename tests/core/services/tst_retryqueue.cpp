// The retry queue's admin actions (AdminCommands: retryJob, retryJobs,
// overrideJobPayload, linkJobToExisting, dismissJob) on a real SQLite store:
// each action changes exactly its job (whole rows compared) plus the link or
// ref it makes, writes one audit entry with the whole job before and after,
// and a refusal — wrong role, bad payload, nothing to link — changes nothing
// at all (whole-database snapshots compared) and audits nothing.
#include "../store/storetestsupport.h"
#include "domainprinters.h"

#include "common/clock.h"
#include "security/auditlog.h"
#include "services/admincommands.h"
#include "services/auditjson.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/identityrepository.h"
#include "store/outboxrepository.h"
#include "store/syncstaterepository.h"
#include "sync/jobs.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Security;
using namespace Concord::StoreTest;
using Concord::Services::AdminCommands;

Q_DECLARE_METATYPE(Concord::ErrorCode)
Q_DECLARE_METATYPE(Concord::Domain::JobState)
Q_DECLARE_METATYPE(Concord::Domain::Role)
Q_DECLARE_METATYPE(Concord::Domain::System)

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Stored audit JSON in the same canonical form (keys sorted).
QByteArray canonical(const QByteArray &json)
{
    return json.isEmpty() ? QByteArray() : compact(QJsonDocument::fromJson(json).object());
}

QJsonObject with(QJsonObject o, const QJsonObject &extra)
{
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

// A valid payload for each operation the runner knows (core/sync/jobs.h).
QJsonObject invoicePayload()
{
    return { { u"customerId"_s, u"c-1"_s },
             { u"planKey"_s, u"2026-03/c-1"_s },
             { u"txnDate"_s, u"2026-03-28"_s },
             { u"dueDate"_s, u"2026-04-27"_s },
             { u"lines"_s,
               QJsonArray { QJsonObject { { u"description"_s, u"1-Hour Math Tutoring"_s },
                                          { u"amount"_s, u"65.00"_s },
                                          { u"quantity"_s, u"1"_s },
                                          { u"rate"_s, u"65.00"_s },
                                          { u"itemRef"_s, u"7"_s },
                                          { u"serviceDate"_s, u"2026-03-28"_s } },
                            QJsonObject { { u"amount"_s, u"97.50"_s },
                                          { u"quantity"_s, u"1.5"_s },
                                          { u"rate"_s, u"65"_s } } } } };
}

QJsonObject taskPayload()
{
    return { { u"customerId"_s, u"c-1"_s },
             { u"refKind"_s, u"task/overdue"_s },
             { u"subject"_s, u"Follow up: invoice 1042 is overdue"_s },
             { u"body"_s, u"Balance 65.00"_s },
             { u"dueAt"_s, u"2026-04-02T09:00:00Z"_s } };
}

} // namespace

class TestRetryQueue : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    const Actor m_owner = Actor::user(u"olivia"_s, Role::Owner);
    const Actor m_manager = Actor::user(u"mona"_s, Role::OfficeManager);
    const Actor m_bookkeeper = Actor::user(u"bea"_s, Role::Bookkeeper);
    const Actor m_viewer = Actor::user(u"vic"_s, Role::Viewer);
    int m_keys = 0;

    AdminCommands commands() { return AdminCommands(*m_db, *m_clock); }
    Store::OutboxRepository outbox() { return Store::OutboxRepository(*m_db, *m_clock); }
    qint64 auditCount() { return AuditLog(*m_db).count().value_or(-1); }

    AuditEntry lastAudit()
    {
        auto entries = AuditLog(*m_db).recent(1);
        return entries && !entries->isEmpty() ? entries->first() : AuditEntry {};
    }

    OutboxJob stored(qint64 id)
    {
        auto job = outbox().get(id);
        if (!job) {
            QTest::qFail(outcome(job).constData(), __FILE__, __LINE__);
            return {};
        }
        return *job;
    }

    // A job as the sync engine leaves it after a permanent failure (or, with
    // `state`, brought there through the repository's public API).
    qint64 job(const QString &operation, System system, const QString &entityType,
               const QString &entityId, const QJsonObject &payload,
               JobState state = JobState::Failed)
    {
        auto o = outbox();
        OutboxJob j =
            Sync::Jobs::make(system, operation, entityType, entityId, u"key-%1"_s.arg(++m_keys),
                             payload, Sync::Jobs::KindAppointment, m_clock->nowUtc().addSecs(-2));
        auto id = o.enqueue(j);
        if (!id) {
            QTest::qFail(outcome(id).constData(), __FILE__, __LINE__);
            return 0;
        }
        if (state == JobState::Pending)
            return *id;
        auto claimed = o.claimDue(u"sync"_s, 1, 60);
        if (!claimed || claimed->size() != 1 || claimed->first().id != *id) {
            QTest::qFail("could not claim the job", __FILE__, __LINE__);
            return 0;
        }
        Status ok;
        if (state == JobState::Failed) {
            Error e = Error::make(ErrorCode::RemoteValidation,
                                  u"QuickBooks refused the invoice: Amount is required."_s,
                                  u"ValidationFault 2020"_s);
            e.httpStatus = 400;
            e.requestId = u"qb-req-%1"_s.arg(*id);
            ok = o.markFailed(*id, e, {});
        } else if (state == JobState::Succeeded) {
            ok = o.markSucceeded(*id, u"req-ok"_s);
        }
        if (!ok)
            QTest::qFail(outcome(ok).constData(), __FILE__, __LINE__);
        m_clock->advanceSecs(60); // the person looks a minute later
        return *id;
    }

    qint64 invoiceJob(JobState state = JobState::Failed)
    {
        return job(u"quickbooks.invoice.create"_s, System::QuickBooks, u"invoice-plan"_s,
                   u"2026-03/c-1"_s, invoicePayload(), state);
    }

    Customer customer(const QString &name)
    {
        Customer c;
        c.displayName = name;
        auto made = Store::CustomerRepository(*m_db, *m_clock).create(c);
        if (!made)
            QTest::qFail(outcome(made).constData(), __FILE__, __LINE__);
        return made.value_or(Customer {});
    }

    // The one audit entry an action wrote: who, what, and the whole job
    // before and after (plus what the action added).
    void verifyAudit(const Actor &actor, const QString &action, const OutboxJob &before,
                     const OutboxJob &after, const QJsonObject &extraBefore = {},
                     const QJsonObject &extraAfter = {})
    {
        const AuditEntry e = lastAudit();
        QCOMPARE(e.actor, actor.username);
        QCOMPARE(e.actorRole, toString(actor.role));
        QCOMPARE(e.action, action);
        QCOMPARE(e.entityType, u"outbox_job"_s);
        QCOMPARE(e.entityId, QString::number(before.id));
        QCOMPARE(e.at, m_clock->nowUtc());
        QCOMPARE(canonical(e.beforeJson),
                 compact(with(Services::AuditJson::toJson(before), extraBefore)));
        QCOMPARE(canonical(e.afterJson),
                 compact(with(Services::AuditJson::toJson(after), extraAfter)));
        auto verified = AuditLog(*m_db).verify();
        QVERIFY(verified && verified->ok);
    }

private Q_SLOTS:
    void initTestCase() { quietStoreLog(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto db = openMigrated(*m_dir);
        QVERIFY_OK(db);
        m_db = std::move(*db);
        m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC));
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    // -----------------------------------------------------------------------
    // Permissions

    void refusedRolesChangeNothing_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<Role>("role");
        for (const char *action :
             { "retry", "retry-bulk", "override", "override-bad-json", "link", "dismiss" }) {
            QTest::addRow("%s by a bookkeeper", action)
                << QString::fromLatin1(action) << Role::Bookkeeper;
            QTest::addRow("%s by a viewer", action) << QString::fromLatin1(action) << Role::Viewer;
        }
    }

    void refusedRolesChangeNothing()
    {
        QFETCH(QString, action);
        QFETCH(Role, role);
        const Customer c = customer(u"Sam Lee"_s);
        const qint64 id = job(u"quickbooks.customer.ensure"_s, System::QuickBooks, u"customer"_s,
                              c.id, { { u"displayName"_s, u"Sam Lee"_s } });
        const QStringList before = snapshot(*m_db);
        const Actor actor = Actor::user(u"someone"_s, role);
        Status result;
        if (action == u"retry"_s) {
            result = commands().retryJob(actor, id);
        } else if (action == u"retry-bulk"_s) {
            auto bulk = commands().retryJobs(actor, { id });
            result = bulk ? Status() : std::unexpected(bulk.error());
        } else if (action == u"override"_s) {
            result = commands().overrideJobPayload(actor, id, R"({"displayName":"Samuel Lee"})");
        } else if (action == u"override-bad-json"_s) {
            // Refused for who they are before anything about the input.
            result = commands().overrideJobPayload(actor, id, "{not json");
        } else if (action == u"link"_s) {
            result = commands().linkJobToExisting(actor, id, u"58"_s);
        } else {
            result = commands().dismissJob(actor, id, u"duplicate"_s);
        }
        STORE_VERIFY_ERROR(result, ErrorCode::PermissionDenied);
        QVERIFY2(result.error().message.contains(u"manage the retry queue"_s),
                 qPrintable(result.error().message));
        QCOMPARE(snapshot(*m_db), before); // no job change, no link, no audit entry
    }

    void ownerAndOfficeManagerMayManageTheQueue()
    {
        const qint64 a = invoiceJob();
        const qint64 b = invoiceJob();
        QVERIFY_OK(commands().retryJob(m_owner, a));
        QVERIFY_OK(commands().retryJob(m_manager, b));
        QCOMPARE(auditCount(), 2);
    }

    // -----------------------------------------------------------------------
    // Retry

    void retryMakesTheJobDueNow()
    {
        const qint64 id = invoiceJob();
        const OutboxJob before = stored(id);
        m_clock->advanceSecs(30);
        QVERIFY_OK(commands().retryJob(m_manager, id));

        OutboxJob expected = before;
        expected.state = JobState::Pending;
        expected.nextAttemptAt = m_clock->nowUtc();
        expected.updatedAt = m_clock->nowUtc();
        QCOMPARE(dump(stored(id)), dump(expected));
        QCOMPARE(auditCount(), 1);
        verifyAudit(m_manager, u"job.retry"_s, before, expected);
    }

    void bulkRetryReportsEachJob()
    {
        const qint64 failedA = invoiceJob();
        const qint64 failedB = invoiceJob();
        const qint64 done = invoiceJob(JobState::Succeeded);
        const qint64 claimed = invoiceJob(JobState::Pending);
        auto claim = outbox().claimDue(u"sync"_s, 10, 600);
        QVERIFY_OK(claim);
        QCOMPARE(claim->size(), 1); // only the pending one was due and unclaimed
        const OutboxJob doneBefore = stored(done);
        const OutboxJob claimedBefore = stored(claimed);
        const OutboxJob bBefore = stored(failedB);
        const qint64 missing = 4242;

        auto outcomes =
            commands().retryJobs(m_manager, { failedA, done, missing, failedB, claimed, failedA });
        QVERIFY_OK(outcomes);
        QStringList got;
        for (const Services::JobOutcome &o : std::as_const(*outcomes)) {
            got << u"%1: %2"_s.arg(o.jobId).arg(
                o.error ? errorCodeName(o.error->code) + u" "_s + o.error->message : u"ok"_s);
        }
        QCOMPARE(
            got,
            (QStringList {
                u"%1: ok"_s.arg(failedA),
                u"%1: conflict job %1 is succeeded and cannot be retried"_s.arg(done),
                u"%1: not-found no outbox job with id %1"_s.arg(missing), u"%1: ok"_s.arg(failedB),
                u"%1: conflict job %1 is in_flight and cannot be retried"_s.arg(claimed) }));

        // The retried ones are due now; the others are exactly as they were.
        OutboxJob expectedB = bBefore;
        expectedB.state = JobState::Pending;
        expectedB.nextAttemptAt = m_clock->nowUtc();
        expectedB.updatedAt = m_clock->nowUtc();
        QCOMPARE(dump(stored(failedB)), dump(expectedB));
        QCOMPARE_NAMES(stored(failedA).state, JobState::Pending);
        QCOMPARE(dump(stored(done)), dump(doneBefore));
        QCOMPARE(dump(stored(claimed)), dump(claimedBefore));
        // One audit entry per retried job, none for the refusals.
        QCOMPARE(auditCount(), 2);
        verifyAudit(m_manager, u"job.retry"_s, bBefore, expectedB);
    }

    void bulkRetryOfNothingIsNothing()
    {
        auto outcomes = commands().retryJobs(m_manager, {});
        QVERIFY_OK(outcomes);
        QVERIFY(outcomes->isEmpty());
        QCOMPARE(auditCount(), 0);
    }

    // -----------------------------------------------------------------------
    // Manual override

    void overrideReplacesPayloadAndAuditsBoth()
    {
        const qint64 id = invoiceJob();
        const OutboxJob before = stored(id);
        QJsonObject edited = invoicePayload();
        edited.insert(u"customerId"_s, u"c-2"_s);
        // As a person writes it in an editor: indented. Stored compact.
        QVERIFY_OK(commands().overrideJobPayload(
            m_manager, id, QJsonDocument(edited).toJson(QJsonDocument::Indented)));

        OutboxJob expected = before;
        expected.payloadJson = compact(edited);
        expected.state = JobState::Pending;
        expected.nextAttemptAt = m_clock->nowUtc();
        expected.updatedAt = m_clock->nowUtc();
        QCOMPARE(dump(stored(id)), dump(expected));
        QCOMPARE(auditCount(), 1);
        verifyAudit(m_manager, u"job.override"_s, before, expected);
        const AuditEntry e = lastAudit();
        QCOMPARE(
            compact(QJsonDocument::fromJson(e.beforeJson).object().value(u"payload"_s).toObject()),
            compact(invoicePayload()));
        QCOMPARE(
            compact(QJsonDocument::fromJson(e.afterJson).object().value(u"payload"_s).toObject()),
            compact(edited));
    }

    void overrideValidation_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<ErrorCode>("code"); // Ok = accepted
        QTest::addColumn<QString>("message");

        const QString invoice = u"quickbooks.invoice.create"_s;
        const QString task = u"hubspot.task.create"_s;
        const auto invoiceWith = [](const QString &key, const QJsonValue &value) {
            QJsonObject p = invoicePayload();
            if (value.isUndefined())
                p.remove(key);
            else
                p.insert(key, value);
            return compact(p);
        };
        const auto lineWith = [](int line, const QString &key, const QJsonValue &value) {
            QJsonObject p = invoicePayload();
            QJsonArray lines = p.value(u"lines"_s).toArray();
            QJsonObject l = lines.at(line).toObject();
            if (value.isUndefined())
                l.remove(key);
            else
                l.insert(key, value);
            lines.replace(line, l);
            p.insert(u"lines"_s, lines);
            return compact(p);
        };
        const auto taskWith = [](const QString &key, const QJsonValue &value) {
            QJsonObject p = taskPayload();
            if (value.isUndefined())
                p.remove(key);
            else
                p.insert(key, value);
            return compact(p);
        };
        using E = ErrorCode;
        QTest::newRow("not JSON") << invoice << QByteArray("{not json") << E::InvalidArgument
                                  << u"the edited payload is not valid JSON"_s;
        QTest::newRow("an array") << invoice << QByteArray("[1,2]") << E::InvalidArgument
                                  << u"the edited payload must be a JSON object"_s;
        QTest::newRow("invoice: valid")
            << invoice << compact(invoicePayload()) << E::Ok << QString();
        QTest::newRow("invoice: no customerId")
            << invoice << invoiceWith(u"customerId"_s, QJsonValue::Undefined) << E::InvalidArgument
            << u"the quickbooks.invoice.create payload needs 'customerId' (the Concord customer "
               u"the invoice is for, a "
               "non-empty string)"_s;
        QTest::newRow("invoice: blank customerId")
            << invoice << invoiceWith(u"customerId"_s, u"  "_s) << E::InvalidArgument
            << u"needs 'customerId' (the Concord customer the invoice is for, a non-empty string) (got \"  \")"_s;
        QTest::newRow("invoice: no lines")
            << invoice << invoiceWith(u"lines"_s, QJsonValue::Undefined) << E::InvalidArgument
            << u"the quickbooks.invoice.create payload needs 'lines' (a non-empty array "
               "of lines with amount, quantity and rate)"_s;
        QTest::newRow("invoice: empty lines")
            << invoice << invoiceWith(u"lines"_s, QJsonArray()) << E::InvalidArgument
            << u"needs 'lines' (a non-empty array of lines with amount, quantity and "
               "rate) (got an array)"_s;
        QTest::newRow("invoice: a line is not an object")
            << invoice << invoiceWith(u"lines"_s, QJsonArray { 65 }) << E::InvalidArgument
            << u"the quickbooks.invoice.create payload lines[0] must be an object with amount, quantity and rate (got 65)"_s;
        QTest::newRow("invoice: amount as a number")
            << invoice << lineWith(0, u"amount"_s, 65) << E::InvalidArgument
            << u"the quickbooks.invoice.create payload lines[0] needs 'amount' as a decimal string "
               u"in USD such as "
               "\"65.00\" (got 65)"_s;
        QTest::newRow("invoice: amount with too many decimals")
            << invoice << lineWith(1, u"amount"_s, u"97.505"_s) << E::InvalidArgument
            << u"lines[1] needs 'amount' as a decimal string in USD such as \"65.00\" (got \"97.505\")"_s;
        QTest::newRow("invoice: no quantity")
            << invoice << lineWith(1, u"quantity"_s, QJsonValue::Undefined) << E::InvalidArgument
            << u"the quickbooks.invoice.create payload lines[1] needs 'quantity' as a "
               "decimal string such as \"1.5\""_s;
        QTest::newRow("invoice: rate is text")
            << invoice << lineWith(0, u"rate"_s, u"sixty-five"_s) << E::InvalidArgument
            << u"lines[0] needs 'rate' as a decimal string such as \"1.5\" (got "
               "\"sixty-five\")"_s;
        QTest::newRow("invoice: bad serviceDate")
            << invoice << lineWith(0, u"serviceDate"_s, u"28/03/2026"_s) << E::InvalidArgument
            << u"lines[0] needs 'serviceDate' to be a date such as \"2026-03-28\" "
               "when present (got \"28/03/2026\")"_s;
        QTest::newRow("invoice: bad dueDate")
            << invoice << invoiceWith(u"dueDate"_s, u"soon"_s) << E::InvalidArgument
            << u"needs 'dueDate' to be a date such as \"2026-03-28\" when present"_s;
        QTest::newRow("invoice: bad currency")
            << invoice << invoiceWith(u"currency"_s, u"dollars"_s) << E::InvalidArgument
            << u"needs 'currency' to be a three-letter ISO 4217 code"_s;
        QTest::newRow("invoice: planKey as a number")
            << invoice << invoiceWith(u"planKey"_s, 7) << E::InvalidArgument
            << u"needs 'planKey' to be a string (the invoice plan's key) when "
               "present (got 7)"_s;
        QTest::newRow("invoice: fractional deposit")
            << invoice << invoiceWith(u"depositMinor"_s, 10.5) << E::InvalidArgument
            << u"needs 'depositMinor' as a whole number of minor units (cents), e.g. 6500 for 65.00 (got 10.5)"_s;
        QTest::newRow("invoice: tax and percentage discount")
            << invoice
            << compact([] {
                   QJsonObject p = invoicePayload();
                   p[u"txnTaxCode"_s] = u"3"_s;
                   p[u"discount"_s] = QJsonObject{{u"percentBasisPoints"_s, 1000}, {u"description"_s, u"Club"_s}};
                   return p;
               }())
            << E::Ok << QString();
        QTest::newRow("invoice: line tax code not TAX/NON")
            << invoice << lineWith(0, u"taxCode"_s, u"3"_s) << E::InvalidArgument
            << u"lines[0] needs 'taxCode' to be \"TAX\" or \"NON\" when present (got \"3\")"_s;
        QTest::newRow("invoice: discount over 100 %")
            << invoice << invoiceWith(u"discount"_s, QJsonObject{{u"percentBasisPoints"_s, 12000}})
            << E::InvalidArgument << u"discount needs 'percentBasisPoints'"_s;
        QTest::newRow("invoice: discount with neither")
            << invoice << invoiceWith(u"discount"_s, QJsonObject{{u"description"_s, u"?"_s}}) << E::InvalidArgument
            << u"needs 'discount' to be an object with percentBasisPoints"_s;
        QTest::newRow("invoice: fractional discount amount")
            << invoice << invoiceWith(u"discount"_s, QJsonObject{{u"amountMinor"_s, 1.5}}) << E::InvalidArgument
            << u"needs 'amountMinor' as a whole number of minor units"_s;
        QTest::newRow("task: valid") << task << compact(taskPayload()) << E::Ok << QString();
        QTest::newRow("task: no refKind")
            << task << taskWith(u"refKind"_s, QJsonValue::Undefined) << E::InvalidArgument
            << u"the hubspot.task.create payload needs 'refKind' (which task this is, "
               "e.g. \"task/overdue\", a non-empty string)"_s;
        QTest::newRow("task: no subject")
            << task << taskWith(u"subject"_s, QJsonValue::Undefined) << E::InvalidArgument
            << u"the hubspot.task.create payload needs 'subject' (the task's subject, a "
               "non-empty string)"_s;
        QTest::newRow("task: no customerId")
            << task << taskWith(u"customerId"_s, QJsonValue::Undefined) << E::InvalidArgument
            << u"needs 'customerId'"_s;
        QTest::newRow("task: bad dueAt")
            << task << taskWith(u"dueAt"_s, u"tomorrow"_s) << E::InvalidArgument
            << u"needs 'dueAt' to be a date and time such as \"2026-03-28T15:00:00Z\" when "
               "present (got \"tomorrow\")"_s;
        QTest::newRow("task close: no refKind")
            << u"hubspot.task.close"_s << QByteArray("{}") << E::InvalidArgument
            << u"the hubspot.task.close payload needs 'refKind'"_s;
        QTest::newRow("void: no quickbooksId")
            << u"quickbooks.invoice.void"_s << QByteArray(R"({"reason":"x"})") << E::InvalidArgument
            << u"the quickbooks.invoice.void payload needs 'quickbooksId' (the "
               "QuickBooks invoice id, a non-empty string)"_s;
        QTest::newRow("credit memo: zero amount")
            << u"quickbooks.creditmemo.create"_s
            << QByteArray(R"({"customerId":"c-1","amountMinor":0})") << E::InvalidArgument
            << u"the quickbooks.creditmemo.create payload needs 'amountMinor' as a whole number of "
               u"minor units (cents) "
               "above zero, e.g. 6500 for 65.00 (got 0)"_s;
        QTest::newRow("refund: amount as text")
            << u"quickbooks.refundreceipt.create"_s
            << QByteArray(R"({"customerId":"c-1","amountMinor":"6500"})") << E::InvalidArgument
            << u"needs 'amountMinor' as a whole number of minor units"_s;
        QTest::newRow("refund: valid")
            << u"quickbooks.refundreceipt.create"_s
            << QByteArray(R"({"customerId":"c-1","amountMinor":6500,"currency":"USD"})") << E::Ok
            << QString();
        QTest::newRow("cal.com cancel: no uid")
            << u"calcom.booking.cancel"_s << QByteArray(R"({"reason":"sick"})")
            << E::InvalidArgument
            << u"the calcom.booking.cancel payload needs 'uid' (the Cal.com booking "
               "uid, a non-empty string)"_s;
        QTest::newRow("QuickBooks customer: no name")
            << u"quickbooks.customer.ensure"_s << QByteArray(R"({"email":"sam@example.com"})")
            << E::InvalidArgument
            << u"the quickbooks.customer.ensure payload needs at least one of 'displayName', "
               u"'givenName', "
               "'familyName' (a non-empty string)"_s;
        QTest::newRow("QuickBooks customer: phone as a number")
            << u"quickbooks.customer.ensure"_s
            << QByteArray(R"({"displayName":"Sam","phone":5551234})") << E::InvalidArgument
            << u"needs 'phone' to be a string (the customer's phone) when present (got 5551234)"_s;
        QTest::newRow("HubSpot contact: nothing to find it by")
            << u"hubspot.contact.ensure"_s << QByteArray(R"({"displayName":"Sam Lee"})")
            << E::InvalidArgument
            << u"needs at least one of 'email', 'phone', 'givenName', 'familyName'"_s;
        QTest::newRow("deal: payload is not what is delivered")
            << u"hubspot.deal.upsert"_s << QByteArray(R"({"dealname":"x"})") << E::Unsupported
            << u"a hubspot.deal.upsert job takes the deal from the appointment itself, not from its payload"_s;
        QTest::newRow("unknown operation: any object")
            << u"legacy.thing"_s << QByteArray(R"({"a":[1]})") << E::Ok << QString();
    }

    void overrideValidation()
    {
        QFETCH(QString, operation);
        QFETCH(QByteArray, payload);
        QFETCH(ErrorCode, code);
        QFETCH(QString, message);
        const qint64 id =
            job(operation, System::QuickBooks, u"invoice"_s, u"12"_s, { { u"original"_s, true } });
        const OutboxJob before = stored(id);
        const QStringList snapshotBefore = snapshot(*m_db);
        auto result = commands().overrideJobPayload(m_manager, id, payload);
        if (code == ErrorCode::Ok) {
            QVERIFY_OK(result);
            QCOMPARE(stored(id).payloadJson, compact(QJsonDocument::fromJson(payload).object()));
            QCOMPARE_NAMES(stored(id).state, JobState::Pending);
            QCOMPARE(auditCount(), 1);
            return;
        }
        STORE_VERIFY_ERROR(result, code);
        QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
        QCOMPARE(snapshot(*m_db), snapshotBefore);
        QCOMPARE(dump(stored(id)), dump(before));
    }

    void overrideOfADeliveredJobIsAConflict()
    {
        const qint64 id = invoiceJob(JobState::Succeeded);
        const QStringList before = snapshot(*m_db);
        auto result = commands().overrideJobPayload(m_manager, id, compact(invoicePayload()));
        STORE_VERIFY_ERROR(result, ErrorCode::Conflict);
        QCOMPARE(result.error().message, u"job %1 is succeeded and cannot be edited"_s.arg(id));
        QCOMPARE(snapshot(*m_db), before);
    }

    // -----------------------------------------------------------------------
    // Link to an existing record

    void linkCustomerJobCreatesTheIdentityLink_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<System>("system");
        QTest::addColumn<JobState>("state");
        QTest::newRow("QuickBooks customer, failed")
            << u"quickbooks.customer.ensure"_s << System::QuickBooks << JobState::Failed;
        QTest::newRow("HubSpot contact, failed")
            << u"hubspot.contact.ensure"_s << System::HubSpot << JobState::Failed;
        QTest::newRow("QuickBooks customer, still pending")
            << u"quickbooks.customer.ensure"_s << System::QuickBooks << JobState::Pending;
    }

    void linkCustomerJobCreatesTheIdentityLink()
    {
        QFETCH(QString, operation);
        QFETCH(System, system);
        QFETCH(JobState, state);
        const Customer c = customer(u"Sam Lee"_s);
        const qint64 id = job(
            operation, system, u"customer"_s, c.id,
            { { u"displayName"_s, u"Sam Lee"_s }, { u"email"_s, u"sam@example.com"_s } }, state);
        const OutboxJob before = stored(id);
        m_clock->advanceSecs(5);
        QVERIFY_OK(commands().linkJobToExisting(m_manager, id, u" 58 "_s));

        auto links = Store::IdentityRepository(*m_db, *m_clock).linksFor(c.id);
        QVERIFY_OK(links);
        ExternalLink expectedLink;
        expectedLink.id = links->value(0).id;
        expectedLink.customerId = c.id;
        expectedLink.system = system;
        expectedLink.externalId = u"58"_s;
        expectedLink.method = MatchMethod::Manual;
        expectedLink.confidencePermille = 1000;
        expectedLink.evidenceJson = u"{\"outboxJob\":\"%1\"}"_s.arg(id);
        expectedLink.linkedAt = m_clock->nowUtc();
        expectedLink.linkedBy = u"mona"_s;
        QCOMPARE(dumpAll(*links), QStringList { dump(expectedLink) });

        OutboxJob expected = before;
        expected.state = JobState::Succeeded;
        expected.lastErrorMessage = u"linked by mona to the existing %1 record 58"_s.arg(
            system == System::HubSpot ? u"HubSpot"_s : u"QuickBooks"_s);
        expected.updatedAt = m_clock->nowUtc();
        QCOMPARE(dump(stored(id)), dump(expected));
        QCOMPARE(auditCount(), 1);
        verifyAudit(m_manager, u"job.link"_s, before, expected, {},
                    { { u"link"_s, Services::AuditJson::toJson(expectedLink) } });
    }

    void linkSetsTheRemoteRef_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<System>("system");
        QTest::addColumn<QString>("entityType");
        QTest::addColumn<QString>("entityId");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("refEntityType");
        QTest::addColumn<QString>("refEntityId");
        QTest::addColumn<QString>("kind");

        QTest::newRow("deal") << u"hubspot.deal.upsert"_s << System::HubSpot << u"appointment"_s
                              << u"7"_s
                              << QByteArray(R"({"dealname":"Sam Lee – Math – 2026-03-28"})")
                              << u"appointment"_s << u"7"_s << u"deal"_s;
        QTest::newRow("invoice, plan key in the payload")
            << u"quickbooks.invoice.create"_s << System::QuickBooks << u"invoice-plan"_s
            << u"entity-key"_s << compact(invoicePayload()) << u"invoice-plan"_s << u"2026-03/c-1"_s
            << u"invoice"_s;
        QJsonObject noPlanKey = invoicePayload();
        noPlanKey.remove(u"planKey"_s);
        QTest::newRow("invoice, plan key from the entity")
            << u"quickbooks.invoice.create"_s << System::QuickBooks << u"invoice-plan"_s
            << u"2026-03/c-9"_s << compact(noPlanKey) << u"invoice-plan"_s << u"2026-03/c-9"_s
            << u"invoice"_s;
        QTest::newRow("task") << u"hubspot.task.create"_s << System::HubSpot << u"invoice"_s
                              << u"12"_s << compact(taskPayload()) << u"invoice"_s << u"12"_s
                              << u"task/overdue"_s;
    }

    void linkSetsTheRemoteRef()
    {
        QFETCH(QString, operation);
        QFETCH(System, system);
        QFETCH(QString, entityType);
        QFETCH(QString, entityId);
        QFETCH(QByteArray, payload);
        QFETCH(QString, refEntityType);
        QFETCH(QString, refEntityId);
        QFETCH(QString, kind);
        const qint64 id =
            job(operation, system, entityType, entityId, QJsonDocument::fromJson(payload).object());
        const OutboxJob before = stored(id);
        const qint64 linksBefore = rowCount(*m_db, u"external_links"_s);
        QVERIFY_OK(commands().linkJobToExisting(m_manager, id, u"R-100"_s));

        Store::SyncStateRepository state(*m_db, *m_clock);
        auto ref = state.ref(refEntityType, refEntityId, system, kind);
        QVERIFY_OK(ref);
        QVERIFY(ref->has_value());
        QCOMPARE((*ref)->remoteId, u"R-100"_s);
        QCOMPARE(rowCount(*m_db, u"remote_refs"_s), 1); // that one, nothing else
        QCOMPARE(rowCount(*m_db, u"external_links"_s), linksBefore);

        OutboxJob expected = before;
        expected.state = JobState::Succeeded;
        expected.lastErrorMessage = u"linked by mona to the existing %1 %2 R-100"_s.arg(
            system == System::HubSpot ? u"HubSpot"_s : u"QuickBooks"_s, kind);
        expected.updatedAt = m_clock->nowUtc();
        QCOMPARE(dump(stored(id)), dump(expected));
        const QJsonObject refJson { { u"entity"_s, refEntityType + u'/' + refEntityId },
                                    { u"system"_s, toString(system) },
                                    { u"kind"_s, kind },
                                    { u"remoteId"_s, u"R-100"_s } };
        verifyAudit(m_manager, u"job.link"_s, before, expected, {}, { { u"ref"_s, refJson } });
    }

    void linkReplacesThisEntitysOwnRef()
    {
        Store::SyncStateRepository state(*m_db, *m_clock);
        // The deal Concord made was deleted in HubSpot; the person points the
        // appointment at the deal that is really there.
        QVERIFY_OK(state.setRef(
            { u"appointment"_s, u"7"_s, System::HubSpot, u"deal"_s, u"old-deal"_s, {}, {} }));
        const qint64 id =
            job(u"hubspot.deal.upsert"_s, System::HubSpot, u"appointment"_s, u"7"_s, {});
        const OutboxJob before = stored(id);
        QVERIFY_OK(commands().linkJobToExisting(m_owner, id, u"new-deal"_s));
        auto ref = state.ref(u"appointment"_s, u"7"_s, System::HubSpot, u"deal"_s);
        QVERIFY_OK(ref);
        QCOMPARE((*ref)->remoteId, u"new-deal"_s);
        OutboxJob expected = before;
        expected.state = JobState::Succeeded;
        expected.lastErrorMessage = u"linked by olivia to the existing HubSpot deal new-deal"_s;
        expected.updatedAt = m_clock->nowUtc();
        const auto refJson = [](const QString &remoteId) {
            return QJsonObject { { u"entity"_s, u"appointment/7"_s },
                                 { u"system"_s, u"hubspot"_s },
                                 { u"kind"_s, u"deal"_s },
                                 { u"remoteId"_s, remoteId } };
        };
        verifyAudit(m_owner, u"job.link"_s, before, expected,
                    { { u"ref"_s, refJson(u"old-deal"_s) } },
                    { { u"ref"_s, refJson(u"new-deal"_s) } });
    }

    void linkRefusalsChangeNothing_data()
    {
        QTest::addColumn<QString>("situation");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("message");
        using E = ErrorCode;
        QTest::newRow("nothing to link for a void")
            << u"void"_s << E::Unsupported
            << u"a quickbooks.invoice.void job cannot be linked to an existing record: only "
               u"customer, deal, invoice "
               "and task creations have one to link; retry or dismiss it instead"_s;
        QTest::newRow("nothing to link for a Cal.com cancel")
            << u"cancel"_s << E::Unsupported << u"a calcom.booking.cancel job cannot be linked"_s;
        QTest::newRow("blank remote id")
            << u"blank"_s << E::InvalidArgument << u"needs the id of the existing remote record"_s;
        QTest::newRow("job already delivered")
            << u"delivered"_s << E::Conflict << u"is succeeded and cannot be resolved by a link"_s;
        QTest::newRow("remote record belongs to another customer")
            << u"taken-link"_s << E::Conflict
            << u"QuickBooks Online record 58 is already linked to customer"_s;
        QTest::newRow("customer already linked elsewhere in that system")
            << u"linked-elsewhere"_s << E::Conflict
            << u"is already linked to QuickBooks record 41"_s;
        QTest::newRow("customer gone") << u"no-customer"_s << E::NotFound << QString();
        QTest::newRow("deal belongs to another appointment")
            << u"taken-deal"_s << E::Conflict
            << u"HubSpot deal 58 already belongs to appointment 8"_s;
        QTest::newRow("task job without a refKind")
            << u"task-no-kind"_s << E::InvalidArgument << u"has no refKind in its payload"_s;
    }

    void linkRefusalsChangeNothing()
    {
        QFETCH(QString, situation);
        QFETCH(ErrorCode, code);
        QFETCH(QString, message);
        const Customer c = customer(u"Sam Lee"_s);
        const Customer other = customer(u"Sam Lee (2)"_s);
        Store::IdentityRepository identity(*m_db, *m_clock);
        const auto linkOf = [](const QString &customerId, const QString &externalId) {
            ExternalLink l;
            l.customerId = customerId;
            l.system = System::QuickBooks;
            l.externalId = externalId;
            l.linkedBy = u"sync"_s;
            return l;
        };
        const QJsonObject customerPayload { { u"displayName"_s, u"Sam Lee"_s } };
        qint64 id = 0;
        QString remote = u"58"_s;
        if (situation == u"void"_s) {
            id = job(u"quickbooks.invoice.void"_s, System::QuickBooks, u"invoice"_s, u"12"_s,
                     { { u"quickbooksId"_s, u"130"_s } });
        } else if (situation == u"cancel"_s) {
            id = job(u"calcom.booking.cancel"_s, System::CalCom, u"appointment"_s, u"7"_s,
                     { { u"uid"_s, u"b-1"_s } });
        } else if (situation == u"blank"_s) {
            id = job(u"quickbooks.customer.ensure"_s, System::QuickBooks, u"customer"_s, c.id,
                     customerPayload);
            remote = u"   "_s;
        } else if (situation == u"delivered"_s) {
            id = job(u"quickbooks.customer.ensure"_s, System::QuickBooks, u"customer"_s, c.id,
                     customerPayload, JobState::Succeeded);
        } else if (situation == u"taken-link"_s) {
            QVERIFY_OK(identity.link(linkOf(other.id, u"58"_s)));
            id = job(u"quickbooks.customer.ensure"_s, System::QuickBooks, u"customer"_s, c.id,
                     customerPayload);
        } else if (situation == u"linked-elsewhere"_s) {
            QVERIFY_OK(identity.link(linkOf(c.id, u"41"_s)));
            id = job(u"quickbooks.customer.ensure"_s, System::QuickBooks, u"customer"_s, c.id,
                     customerPayload);
        } else if (situation == u"no-customer"_s) {
            id = job(u"quickbooks.customer.ensure"_s, System::QuickBooks, u"customer"_s,
                     u"no-such-customer"_s, customerPayload);
        } else if (situation == u"taken-deal"_s) {
            QVERIFY_OK(
                Store::SyncStateRepository(*m_db, *m_clock)
                    .setRef(
                        { u"appointment"_s, u"8"_s, System::HubSpot, u"deal"_s, u"58"_s, {}, {} }));
            id = job(u"hubspot.deal.upsert"_s, System::HubSpot, u"appointment"_s, u"7"_s, {});
        } else if (situation == u"task-no-kind"_s) {
            // Links work on what is stored, not on what a valid payload would have.
            id = job(u"hubspot.task.create"_s, System::HubSpot, u"invoice"_s, u"12"_s,
                     { { u"subject"_s, u"x"_s } });
        }
        QVERIFY(id > 0);
        const QStringList before = snapshot(*m_db);
        auto result = commands().linkJobToExisting(m_manager, id, remote);
        STORE_VERIFY_ERROR(result, code);
        QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
        QCOMPARE(snapshot(*m_db), before);
    }

    // -----------------------------------------------------------------------
    // Dismiss

    void dismissNeedsAReasonAndAuditsIt()
    {
        const qint64 id = invoiceJob();
        const OutboxJob before = stored(id);
        const QStringList snapshotBefore = snapshot(*m_db);
        for (const QString &blank : { QString(), u"  \n"_s }) {
            auto refused = commands().dismissJob(m_manager, id, blank);
            STORE_VERIFY_ERROR(refused, ErrorCode::InvalidArgument);
            QCOMPARE(
                refused.error().message,
                u"dismissing job %1 needs a reason (it stays in the audit log for whoever looks next)"_s
                    .arg(id));
            QCOMPARE(snapshot(*m_db), snapshotBefore);
        }

        m_clock->advanceSecs(10);
        QVERIFY_OK(
            commands().dismissJob(m_manager, id, u" invoiced by hand in QuickBooks (#1042) "_s));
        OutboxJob expected = before;
        expected.state = JobState::Dismissed;
        expected.updatedAt = m_clock->nowUtc();
        QCOMPARE(dump(stored(id)), dump(expected));
        QCOMPARE(auditCount(), 1);
        verifyAudit(m_manager, u"job.dismiss"_s, before, expected, {},
                    { { u"reason"_s, u"invoiced by hand in QuickBooks (#1042)"_s } });
    }

    void dismissOfAClaimedJobIsAConflict()
    {
        const qint64 id = invoiceJob(JobState::Pending);
        auto claimed = outbox().claimDue(u"sync"_s, 1, 600);
        QVERIFY_OK(claimed);
        const QStringList before = snapshot(*m_db);
        auto result = commands().dismissJob(m_owner, id, u"not needed"_s);
        STORE_VERIFY_ERROR(result, ErrorCode::Conflict);
        QCOMPARE(result.error().message, u"job %1 is in_flight and cannot be dismissed"_s.arg(id));
        QCOMPARE(snapshot(*m_db), before);
    }
};

QTEST_GUILESS_MAIN(TestRetryQueue)
#include "tst_retryqueue.moc"
