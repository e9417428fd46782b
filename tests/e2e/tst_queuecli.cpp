// Drives `concord-cli queue` end to end through the real binary: the list
// (cause, attempts, next try, request id, age; text and JSON; filters), the
// four admin actions and their exit codes (0 ok, 1 some jobs could not be
// handled, 2 bad usage or input), the acting user taken from the
// operating-system account ($USER) and refused when it is not a Concord user
// allowed to manage the queue — and, after each run, the store itself.
#include "domainprinters.h"
#include "security/auditlog.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/identityrepository.h"
#include "store/migrations.h"
#include "store/outboxrepository.h"
#include "store/userrepository.h"
#include "sync/jobs.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

QJsonObject invoicePayload(const QString &customerId)
{
    return { { u"customerId"_s, customerId },
             { u"planKey"_s, u"2026-03/%1"_s.arg(customerId) },
             { u"lines"_s,
               QJsonArray { QJsonObject { { u"amount"_s, u"65.00"_s },
                                          { u"quantity"_s, u"1"_s },
                                          { u"rate"_s, u"65.00"_s } } } } };
}

} // namespace

class TestQueueCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;
    QString m_storePath;
    QString m_customerId;
    // The seeded jobs (see init()).
    qint64 m_invoiceFailed = 0; // QuickBooks invoice, failed (validation), request id qb-req-1
    qint64 m_customerFailed = 0; // QuickBooks customer ensure, failed
    qint64 m_taskPending = 0; // HubSpot task, waiting for its retry in 10 minutes
    qint64 m_delivered = 0; // HubSpot contact ensure, succeeded

    Run cli(const QStringList &args, const QString &user = u"mona"_s)
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"USER"_s, user);
        e.remove(u"USERNAME"_s);
        p.setProcessEnvironment(e);
        p.start(QStringLiteral(CONCORD_BINARY_DIR "/app/cli/concord-cli"),
                QStringList { u"queue"_s } + args + QStringList { u"--config"_s, m_config });
        if (!p.waitForStarted(10000))
            return {};
        p.closeWriteChannel();
        p.waitForFinished(60000);
        return { p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                 QString::fromUtf8(p.readAllStandardError()) };
    }

    std::unique_ptr<Store::Database> store()
    {
        auto db = Store::Database::open(u"sqlite://"_s + m_storePath);
        if (!db || !Store::migrate(**db))
            qFatal("cannot open the test store");
        return std::move(*db);
    }

    OutboxJob job(qint64 id)
    {
        auto j = Store::OutboxRepository(*store()).get(id);
        return j.value_or(OutboxJob {});
    }

    qint64 auditCount() { return Security::AuditLog(*store()).count().value_or(-1); }

    Security::AuditEntry lastAudit()
    {
        auto entries = Security::AuditLog(*store()).recent(1);
        return entries && !entries->isEmpty() ? entries->first() : Security::AuditEntry {};
    }

    // Every job, as a dump, to show "nothing changed".
    QStringList jobs()
    {
        Store::OutboxFilter all;
        auto list = Store::OutboxRepository(*store()).list(all);
        QStringList out;
        for (const OutboxJob &j : list.value_or(QList<OutboxJob> {}))
            out << u"%1 %2 %3 %4"_s.arg(j.id).arg(
                toString(j.state), QString::fromUtf8(j.payloadJson), j.lastErrorMessage);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Each test's store logs its migrations; they only bury failures.
        QLoggingCategory::setFilterRules(u"concord.core.store.info=false"_s);
    }

    // A fresh store per test: three users, a customer, and jobs as the sync
    // engine leaves them.
    void init()
    {
        static int n = 0;
        ++n;
        m_storePath = m_dir.filePath(u"store-%1.sqlite"_s.arg(n));
        m_config = m_dir.filePath(u"concord-%1.ini"_s.arg(n));
        QFile f(m_config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[store]\nurl=sqlite://" + m_storePath.toUtf8() + "\n");
        f.close();

        auto db = store();
        Store::UserRepository users(*db);
        for (const auto &[name, role] :
             { std::pair { u"olivia"_s, Role::Owner }, std::pair { u"mona"_s, Role::OfficeManager },
               std::pair { u"vic"_s, Role::Viewer } }) {
            User u;
            u.username = name;
            u.displayName = name;
            u.role = role;
            QVERIFY_OK(users.create(u));
        }
        Customer c;
        c.displayName = u"Sam Lee"_s;
        auto customer = Store::CustomerRepository(*db).create(c);
        QVERIFY_OK(customer);
        m_customerId = customer->id;

        Store::OutboxRepository outbox(*db);
        const auto enqueue = [&](System system, QStringView op, const QString &type,
                                 const QString &id, const QJsonObject &payload) {
            auto made = outbox.enqueue(
                Sync::Jobs::make(system, op, type, id, u"k-%1-%2"_s.arg(op, id), payload,
                                 Sync::Jobs::KindAppointment, QDateTime::currentDateTimeUtc()));
            return made.value_or(0);
        };
        const auto claimOne = [&](qint64 id) {
            auto claimed = outbox.claimDue(u"sync"_s, 1, 600);
            return claimed && claimed->size() == 1 && claimed->first().id == id;
        };
        m_invoiceFailed =
            enqueue(System::QuickBooks, Sync::Jobs::QboInvoiceCreate, u"invoice-plan"_s,
                    u"2026-03/"_s + m_customerId, invoicePayload(m_customerId));
        QVERIFY(claimOne(m_invoiceFailed));
        Error refused =
            Error::make(ErrorCode::RemoteValidation,
                        u"QuickBooks refused the invoice: Amount is required; fix it and retry."_s);
        refused.requestId = u"qb-req-1"_s;
        refused.httpStatus = 400;
        QVERIFY_OK(outbox.markFailed(m_invoiceFailed, refused, {}));

        m_customerFailed = enqueue(System::QuickBooks, Sync::Jobs::QboCustomerEnsure, u"customer"_s,
                                   m_customerId, { { u"displayName"_s, u"Sam Lee"_s } });
        QVERIFY(claimOne(m_customerFailed));
        QVERIFY_OK(outbox.markFailed(
            m_customerFailed,
            Error::make(ErrorCode::DuplicateName,
                        u"QuickBooks already has another customer with this name."_s),
            {}));

        m_taskPending =
            enqueue(System::HubSpot, Sync::Jobs::HubSpotTaskCreate, u"invoice"_s, u"12"_s,
                    { { u"customerId"_s, m_customerId },
                      { u"refKind"_s, u"task/overdue"_s },
                      { u"subject"_s, u"Invoice 1042 is overdue"_s } });
        QVERIFY(claimOne(m_taskPending));
        Error transient = Error::make(
            ErrorCode::Network, u"HubSpot had a temporary problem on its side; will retry."_s);
        transient.requestId = u"hs-req-9"_s;
        QVERIFY_OK(outbox.markFailed(m_taskPending, transient,
                                     QDateTime::currentDateTimeUtc().addSecs(600)));

        m_delivered = enqueue(System::HubSpot, Sync::Jobs::HubSpotContactEnsure, u"customer"_s,
                              m_customerId, { { u"email"_s, u"sam@example.com"_s } });
        QVERIFY(claimOne(m_delivered));
        QVERIFY_OK(outbox.markSucceeded(m_delivered, u"hs-req-2"_s));
    }

    void helpNamesTheActorRule()
    {
        const Run r = cli({ u"--help"_s });
        QCOMPARE(r.exitCode, 0);
        for (const QString &word :
             { u"queue retry ID... | --all-failed"_s, u"--remote-id"_s, u"--reason"_s,
               u"operating-system account running concord-cli ($USER)"_s, u"Exit codes"_s })
            QVERIFY2(r.out.contains(word), qPrintable(word));
    }

    void listShowsWhatWaitsAndWhy()
    {
        const Run r = cli({ u"list"_s });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY2(r.out.startsWith(u"3 jobs (failed or pending):\n"_s), qPrintable(r.out));
        const QStringList expected = {
            u"#%1  failed  QuickBooks Online  quickbooks.invoice.create  invoice-plan/2026-03/%2"_s
                .arg(m_invoiceFailed)
                .arg(m_customerId),
            u"    cause:    QuickBooks refused the invoice: Amount is required; fix it and retry."_s,
            u"    attempts: 1   next try: waits for a person   age: "_s,
            u"   request id: qb-req-1"_s,
            u"#%1  failed  QuickBooks Online  quickbooks.customer.ensure  customer/%2"_s
                .arg(m_customerFailed)
                .arg(m_customerId),
            u"#%1  pending  HubSpot  hubspot.task.create  invoice/12"_s.arg(m_taskPending),
            u"    attempts: 1   next try: in "_s,
            u"   request id: hs-req-9"_s,
        };
        for (const QString &line : expected)
            QVERIFY2(r.out.contains(line), qPrintable(u"missing «%1» in:\n%2"_s.arg(line, r.out)));
        QVERIFY2(!r.out.contains(u"#%1 "_s.arg(m_delivered)),
                 qPrintable(r.out)); // delivered: not waiting

        const Run hub = cli({ u"list"_s, u"--system"_s, u"hubspot"_s, u"--state"_s, u"all"_s });
        QCOMPARE(hub.exitCode, 0);
        QVERIFY2(hub.out.startsWith(u"2 jobs (all states):\n"_s), qPrintable(hub.out));
        QVERIFY(hub.out.contains(u"#%1  succeeded"_s.arg(m_delivered)));
        QVERIFY(!hub.out.contains(u"quickbooks."_s));
    }

    void listJson()
    {
        const Run r = cli({ u"list"_s, u"--json"_s, u"--state"_s, u"failed"_s });
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonArray list =
            QJsonDocument::fromJson(r.out.toUtf8(), &error).object().value(u"jobs"_s).toArray();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(list.size(), 2);
        QJsonObject first = list.at(0).toObject();
        QVERIFY(first.value(u"ageSeconds"_s).toInteger() >= 0);
        QVERIFY(
            QDateTime::fromString(first.value(u"createdAt"_s).toString(), Qt::ISODate).isValid());
        first.remove(u"ageSeconds"_s);
        first.remove(u"createdAt"_s);
        QCOMPARE(
            QJsonDocument(first).toJson(QJsonDocument::Compact),
            QJsonDocument(
                QJsonObject {
                    { u"id"_s, m_invoiceFailed },
                    { u"system"_s, u"quickbooks"_s },
                    { u"operation"_s, u"quickbooks.invoice.create"_s },
                    { u"entityType"_s, u"invoice-plan"_s },
                    { u"entityId"_s, u"2026-03/"_s + m_customerId },
                    { u"state"_s, u"failed"_s },
                    { u"attempts"_s, 1 },
                    { u"cause"_s,
                      u"QuickBooks refused the invoice: Amount is required; fix it and retry."_s },
                    { u"errorCode"_s, u"remote-validation"_s },
                    { u"httpStatus"_s, 400 },
                    { u"requestId"_s, u"qb-req-1"_s },
                    { u"nextAttemptAt"_s, QJsonValue() },
                    { u"nextTry"_s, u"waits for a person"_s },
                    { u"payload"_s, invoicePayload(m_customerId) } })
                .toJson(QJsonDocument::Compact));
    }

    void badUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no action") << QStringList {} << u"usage: concord-cli queue"_s;
        QTest::newRow("unknown action")
            << QStringList { u"frob"_s } << u"unknown queue action 'frob'"_s;
        QTest::newRow("unknown state")
            << QStringList { u"list"_s, u"--state"_s, u"stuck"_s } << u"unknown state 'stuck'"_s;
        QTest::newRow("unknown system")
            << QStringList { u"list"_s, u"--system"_s, u"xero"_s } << u"unknown system 'xero'"_s;
        QTest::newRow("option of another action")
            << QStringList { u"dismiss"_s, u"1"_s, u"--remote-id"_s, u"x"_s }
            << u"--remote-id does not go with 'queue dismiss'"_s;
        QTest::newRow("not a job id")
            << QStringList { u"retry"_s, u"abc"_s } << u"'abc' is not a job id"_s;
        QTest::newRow("retry without ids")
            << QStringList { u"retry"_s } << u"usage: concord-cli queue retry"_s;
        QTest::newRow("ids and --all-failed")
            << QStringList { u"retry"_s, u"1"_s, u"--all-failed"_s }
            << u"usage: concord-cli queue retry"_s;
        QTest::newRow("dismiss without reason")
            << QStringList { u"dismiss"_s, u"1"_s } << u"needs --reason TEXT"_s;
        QTest::newRow("link without remote id")
            << QStringList { u"link"_s, u"1"_s } << u"usage: concord-cli queue link"_s;
        QTest::newRow("override without file")
            << QStringList { u"override"_s, u"1"_s } << u"usage: concord-cli queue override"_s;
        QTest::newRow("override with a missing file")
            << QStringList { u"override"_s, u"1"_s, u"--payload"_s, u"/nonexistent/p.json"_s }
            << u"cannot read the payload file '/nonexistent/p.json'"_s;
    }

    void badUsageExitsTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const QStringList before = jobs();
        const qint64 audit = auditCount();
        const Run r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(jobs(), before);
        QCOMPARE(auditCount(), audit);
    }

    void retryReportsEachJobAndExitsOneWhenSomeFailed()
    {
        const Run r = cli({ u"retry"_s, QString::number(m_invoiceFailed),
                            QString::number(m_delivered), u"#4242"_s });
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out,
                 u"job #%1: due now\n1 retried, 2 could not be retried.\n"_s.arg(m_invoiceFailed));
        QCOMPARE(
            r.err,
            u"concord-cli: could not retry job #%1: job %1 is succeeded and cannot be retried\n"
            "concord-cli: could not retry job #4242: no outbox job with id 4242\n"_s.arg(
                m_delivered));
        QCOMPARE_NAMES(job(m_invoiceFailed).state, JobState::Pending);
        QCOMPARE_NAMES(job(m_delivered).state, JobState::Succeeded);
        const Security::AuditEntry e = lastAudit();
        QCOMPARE(e.actor, u"mona"_s);
        QCOMPARE(e.actorRole, u"office_manager"_s);
        QCOMPARE(e.action, u"job.retry"_s);
        QCOMPARE(e.entityId, QString::number(m_invoiceFailed));
    }

    void retryAllFailed()
    {
        const Run r = cli({ u"retry"_s, u"--all-failed"_s });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out,
                 u"job #%1: due now\njob #%2: due now\n2 retried, 0 could not be retried.\n"_s
                     .arg(m_invoiceFailed)
                     .arg(m_customerFailed));
        QCOMPARE_NAMES(job(m_invoiceFailed).state, JobState::Pending);
        QCOMPARE_NAMES(job(m_customerFailed).state, JobState::Pending);
        const Run again = cli({ u"retry"_s, u"--all-failed"_s, u"--system"_s, u"quickbooks"_s });
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out, u"No failed jobs to retry.\n"_s);
    }

    void overrideFromAFile()
    {
        QJsonObject edited = invoicePayload(m_customerId);
        edited.insert(u"dueDate"_s, u"2026-04-30"_s);
        const QString path = m_dir.filePath(u"payload-%1.json"_s.arg(m_invoiceFailed));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(edited).toJson(QJsonDocument::Indented));
        f.close();
        const Run r =
            cli({ u"override"_s, QString::number(m_invoiceFailed), u"--payload"_s, path });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, u"job #%1: payload replaced; due now\n"_s.arg(m_invoiceFailed));
        const OutboxJob after = job(m_invoiceFailed);
        QCOMPARE(after.payloadJson, QJsonDocument(edited).toJson(QJsonDocument::Compact));
        QCOMPARE_NAMES(after.state, JobState::Pending);
        QCOMPARE(lastAudit().action, u"job.override"_s);
    }

    void overrideRefusesAPayloadTheRunnerCannotUse()
    {
        const QString path = m_dir.filePath(u"bad-%1.json"_s.arg(m_invoiceFailed));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"lines":[{"amount":"65.00","quantity":"1","rate":"65.00"}]})");
        f.close();
        const QStringList before = jobs();
        const Run r =
            cli({ u"override"_s, QString::number(m_invoiceFailed), u"--payload"_s, path });
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err,
                 u"concord-cli: error: the quickbooks.invoice.create payload needs 'customerId' "
                 u"(the Concord "
                 "customer the invoice is for, a non-empty string)\n"_s);
        QCOMPARE(jobs(), before);
    }

    void linkMarksTheJobDone()
    {
        const Run r =
            cli({ u"link"_s, QString::number(m_customerFailed), u"--remote-id"_s, u"58"_s });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out,
                 u"job #%1: done, linked by mona to the existing QuickBooks record 58\n"_s.arg(
                     m_customerFailed));
        QCOMPARE_NAMES(job(m_customerFailed).state, JobState::Succeeded);
        auto links = Store::IdentityRepository(*store()).linksFor(m_customerId);
        QVERIFY_OK(links);
        QCOMPARE(links->size(), 1);
        QCOMPARE(links->first().externalId, u"58"_s);
        QCOMPARE(links->first().linkedBy, u"mona"_s);
        QCOMPARE_NAMES(links->first().method, MatchMethod::Manual);

        // A retry-only job has nothing to link.
        const QStringList before = jobs();
        const Run task =
            cli({ u"link"_s, QString::number(m_delivered), u"--remote-id"_s, u"77"_s });
        QCOMPARE(task.exitCode, 1);
        QVERIFY2(task.err.contains(u"is succeeded and cannot be resolved by a link"_s),
                 qPrintable(task.err));
        QCOMPARE(jobs(), before);
    }

    void dismissWithAReason()
    {
        const Run r = cli({ u"dismiss"_s, QString::number(m_taskPending), u"--reason"_s,
                            u"invoice paid in cash"_s });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, u"job #%1: dismissed\n"_s.arg(m_taskPending));
        QCOMPARE_NAMES(job(m_taskPending).state, JobState::Dismissed);
        const Security::AuditEntry e = lastAudit();
        QCOMPARE(e.action, u"job.dismiss"_s);
        QCOMPARE(QJsonDocument::fromJson(e.afterJson).object().value(u"reason"_s).toString(),
                 u"invoice paid in cash"_s);
    }

    void refusedUsersChangeNothing_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("message");
        QTest::newRow("viewer") << u"vic"_s << u"viewer 'vic' may not manage the retry queue"_s;
        QTest::newRow("not a Concord user")
            << u"mallory"_s
            << u"'mallory' is not a Concord user (Concord acts as the operating-system user); ask an owner to add you"_s;
    }

    void refusedUsersChangeNothing()
    {
        QFETCH(QString, user);
        QFETCH(QString, message);
        const QStringList before = jobs();
        const qint64 audit = auditCount();
        for (const QStringList &args :
             { QStringList { u"retry"_s, QString::number(m_invoiceFailed) },
               QStringList { u"dismiss"_s, QString::number(m_invoiceFailed), u"--reason"_s,
                             u"x"_s },
               QStringList { u"link"_s, QString::number(m_customerFailed), u"--remote-id"_s,
                             u"58"_s } }) {
            const Run r = cli(args, user);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(message), qPrintable(r.err));
            QCOMPARE(r.err.count(u'\n'), 1);
        }
        QCOMPARE(jobs(), before);
        QCOMPARE(auditCount(), audit);
        // Reading needs no permission beyond being able to open the store.
        QCOMPARE(cli({ u"list"_s }, user).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestQueueCli)
#include "tst_queuecli.moc"
