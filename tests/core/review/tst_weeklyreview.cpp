// The weekly review's findings (core/review/weeklyreview.h): failed syncs
// with their client and age, oldest first; duplicate candidates found since
// the last weekly review; canceled appointments that still look open — an
// open invoice, a queued follow-up task (store), and, read live from the
// HubSpot emulator, an open deal, an open task and a task with a reminder.
// Each kind present and absent; the JSON's stable keys.

#include "../../connectors/hubspot/hsclientfixture.h"
#include "../store/storetestsupport.h"
#include "domainprinters.h"

#include "domain/appointment.h"
#include "domain/billing.h"
#include "domain/customer.h"
#include "review/weeklyreview.h"
#include "store/appointmentrepository.h"
#include "store/billingrepository.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/identityrepository.h"
#include "store/operationsrepository.h"
#include "store/outboxrepository.h"
#include "store/syncstaterepository.h"
#include "sync/defaultmappings.h"
#include "sync/jobs.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Review;
using namespace Concord::StoreTest;

namespace {
QString line(const OpenItem &i)
{
    return u"%1 %2 %3 | %4"_s.arg(toString(i.kind), Domain::toString(i.system), i.recordId, i.detail);
}

QStringList openLines(const WeeklyFindings &f)
{
    QStringList out;
    for (const CanceledAppointment &c : f.canceledStillOpen()) {
        for (const OpenItem &i : c.items)
            out << u"appt %1 (%2): "_s.arg(c.appointmentId).arg(c.clientName) + line(i);
    }
    return out;
}
} // namespace

class TestWeeklyReview : public QObject, public Test::HsClientFixture
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store::Database> m_db;
    int m_serial = 0;

    // m_start (HsClientFixture): Tuesday 10 March 2026, 17:00 UTC.
    QDateTime now() const { return m_clock->nowUtc(); }

    void customer(const QString &id, const QString &name)
    {
        Customer c;
        c.id = id;
        c.displayName = name;
        auto made = Store::CustomerRepository(*m_db, *m_clock).create(c);
        if (!made)
            QTest::qFail(outcome(made).constData(), __FILE__, __LINE__);
    }

    qint64 appointment(const QString &customerId, const QDateTime &startUtc, AppointmentStatus status)
    {
        Appointment a;
        a.customerId = customerId;
        a.calcomUid = u"uid-%1"_s.arg(++m_serial);
        a.start = ZonedInstant::fromUtc(startUtc, u"America/New_York"_s).value();
        a.durationMinutes = 60;
        a.status = status;
        a.title = u"Algebra"_s;
        auto id = Store::AppointmentRepository(*m_db, *m_clock).insert(a);
        if (!id) {
            QTest::qFail(outcome(id).constData(), __FILE__, __LINE__);
            return 0;
        }
        return *id;
    }

    void invoiceFor(qint64 appointmentId, const QString &customerId, qint64 balanceMinor, MoneyStatus status)
    {
        Invoice i;
        i.customerId = customerId;
        i.quickbooksId = u"%1"_s.arg(100 + (++m_serial));
        i.docNumber = u"INV-%1"_s.arg(m_serial);
        i.txnDate = now().date();
        i.dueDate = now().date().addDays(14);
        i.total = Money::fromMinor(8000, u"USD"_s).value();
        i.balance = Money::fromMinor(balanceMinor, u"USD"_s).value();
        i.tax = Money::zero(u"USD"_s);
        i.discount = Money::zero(u"USD"_s);
        i.deposit = Money::zero(u"USD"_s);
        i.status = status;
        InvoiceLine l;
        l.lineNumber = 1;
        l.appointmentId = appointmentId;
        l.description = u"Algebra session"_s;
        l.rate = i.total;
        l.amount = i.total;
        i.lines = {l};
        auto saved = Store::BillingRepository(*m_db, *m_clock).saveInvoice(i);
        if (!saved)
            QTest::qFail(outcome(saved).constData(), __FILE__, __LINE__);
    }

    qint64 job(System system, QStringView operation, const QString &entityType, const QString &entityId)
    {
        auto id = Store::OutboxRepository(*m_db, *m_clock)
                      .enqueue(Sync::Jobs::make(system, operation, entityType, entityId, u"key-%1"_s.arg(++m_serial),
                                                QJsonObject{}, Sync::Jobs::KindAppointment, now()));
        if (!id) {
            QTest::qFail(outcome(id).constData(), __FILE__, __LINE__);
            return 0;
        }
        return *id;
    }

    void fail(qint64 jobId, const QString &code, const QString &message)
    {
        auto ok = m_db->exec(u"UPDATE outbox_jobs SET state = 'failed', last_error_code = ?, last_error_message = ?, "
                             "attempts = 3, updated_at = ? WHERE id = ?"_s,
                             {code, message, Store::Sql::fromDateTime(now()), jobId});
        if (!ok)
            QTest::qFail(outcome(ok).constData(), __FILE__, __LINE__);
    }

    void ref(qint64 appointmentId, const QString &kind, const QString &remoteId)
    {
        auto ok = Store::SyncStateRepository(*m_db, *m_clock)
                      .setRef({u"appointment"_s, QString::number(appointmentId), System::HubSpot, kind, remoteId, {},
                               now()});
        if (!ok)
            QTest::qFail(outcome(ok).constData(), __FILE__, __LINE__);
    }

    QString seed(const QString &type, const QJsonObject &properties)
    {
        QJsonObject props = properties;
        if (type == u"tasks"_s) // HubSpot requires a task's due time
            props.insert(u"hs_timestamp"_s, now().addDays(1).toString(Qt::ISODateWithMs));
        const auto made = m_hs->seedObject(type, QJsonObject{{u"properties"_s, props}});
        if (!made) {
            QTest::qFail(qPrintable(u"seeding %1: %2"_s.arg(type, made.error().message)), __FILE__, __LINE__);
            return {};
        }
        return made->value(u"id"_s).toString();
    }

    Result<WeeklyFindings> collect() { return collectWeeklyFindings(*m_db, now()); }

private Q_SLOTS:
    void initTestCase()
    {
        quietStoreLog();
        QLoggingCategory::setFilterRules(u"concord.core.store.info=false\nconcord.core.review.info=false"_s);
    }

    void init()
    {
        setUpWorld();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto db = openMigrated(*m_dir);
        QVERIFY_OK(db);
        m_db = std::move(*db);
        m_serial = 0;
        QVERIFY_OK(Sync::installDefaultMappings(*m_db, u"test"_s, *m_clock));
        customer(u"cus_dan"_s, u"Dan Wu"_s);
        customer(u"cus_ana"_s, u"Ana Lima"_s);
        customer(u"cus_dana"_s, u"Dana Wu"_s);
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
        tearDownWorld();
    }

    void emptyStoreHasNoFindings()
    {
        auto f = collect();
        QVERIFY_OK(f);
        QVERIFY(f->failedSyncs.isEmpty());
        QVERIFY(f->newDuplicates.isEmpty());
        QVERIFY(f->canceled.isEmpty());
        QCOMPARE(int(f->hubspot), int(HubSpotCheck::NotConnected));
        QCOMPARE(f->hubspotNote, u"not checked: HubSpot not connected"_s);
        QCOMPARE(f->closedDealStages, (QStringList{u"closedlost"_s, u"closedwon"_s}));
        const QJsonObject counts = f->toJson().value(u"counts"_s).toObject();
        QCOMPARE(counts,
                 (QJsonObject{{u"failed_syncs"_s, 0}, {u"new_duplicates"_s, 0}, {u"canceled_still_open"_s, 0},
                              {u"open_invoices"_s, 0}, {u"open_deals"_s, 0}, {u"open_tasks"_s, 0},
                              {u"reminders"_s, 0}}));
    }

    void failedSyncsOldestFirstWithClientAndAge()
    {
        const QDateTime start = now();
        m_clock->setNow(start.addDays(-3));
        const qint64 older = job(System::QuickBooks, Sync::Jobs::QboCustomerEnsure, u"customer"_s, u"cus_ana"_s);
        m_clock->setNow(start.addDays(-1));
        const qint64 newer = job(System::HubSpot, Sync::Jobs::HubSpotContactEnsure, u"customer"_s, u"cus_dan"_s);
        const qint64 stillPending = job(System::HubSpot, Sync::Jobs::HubSpotContactEnsure, u"customer"_s,
                                        u"cus_dana"_s);
        Q_UNUSED(stillPending);
        m_clock->setNow(start);
        fail(newer, u"RemoteValidation"_s, u"Property values were not valid"_s);
        fail(older, u"DuplicateName"_s, u"Another customer uses the name 'Ana Lima'"_s);

        auto f = collect();
        QVERIFY_OK(f);
        QCOMPARE(f->failedSyncs.size(), 2);
        const FailedSync &a = f->failedSyncs.at(0);
        QCOMPARE(a.jobId, older);
        QCOMPARE(a.clientName, u"Ana Lima"_s);
        QCOMPARE(Domain::toString(a.system), u"quickbooks"_s);
        QCOMPARE(a.errorCode, u"DuplicateName"_s);
        QCOMPARE(a.errorMessage, u"Another customer uses the name 'Ana Lima'"_s);
        QCOMPARE(a.ageSeconds, 3 * 86400);
        QCOMPARE(a.queuedAt, start.addDays(-3));
        QCOMPARE(a.failedAt, start);
        QCOMPARE(f->failedSyncs.at(1).jobId, newer);
        QCOMPARE(f->failedSyncs.at(1).clientName, u"Dan Wu"_s);
        QCOMPARE(f->failedSyncs.at(1).ageSeconds, 86400);

        const QJsonArray json = f->toJson().value(u"failed_syncs"_s).toArray();
        QCOMPARE(json.size(), 2);
        QCOMPARE(json.at(0).toObject().keys(),
                 (QStringList{u"age_seconds"_s, u"attempts"_s, u"client"_s, u"entity_id"_s, u"entity_type"_s,
                              u"error"_s, u"error_code"_s, u"failed_at"_s, u"job_id"_s, u"operation"_s,
                              u"queued_at"_s, u"system"_s}));
        QCOMPARE(json.at(0).toObject().value(u"age_seconds"_s).toInteger(), 3 * 86400);
    }

    void duplicatesSinceTheLastWeeklyReview()
    {
        Store::IdentityRepository identity(*m_db, *m_clock);
        const QDateTime start = now();
        m_clock->setNow(start.addDays(-10));
        DuplicateCandidate old;
        old.customerA = u"cus_ana"_s;
        old.customerB = u"cus_dan"_s;
        old.scorePermille = 700;
        QVERIFY_OK(identity.upsertCandidate(old));

        // The last weekly review, a week ago.
        Store::OperationsRepository ops(*m_db, *m_clock);
        ReviewSchedule weekly;
        weekly.cadence = ReviewCadence::Weekly;
        weekly.nextDue = QDate(2026, 3, 2);
        auto scheduleId = ops.saveReviewSchedule(weekly);
        QVERIFY_OK(scheduleId);
        m_clock->setNow(start.addDays(-7));
        auto owner = m_db->insert(u"INSERT INTO users (username, display_name, role, created_at) VALUES "
                                  "('olivia', 'Olivia', 'owner', 0) RETURNING id"_s);
        QVERIFY_OK(owner);
        ReviewRun run;
        run.scheduleId = *scheduleId;
        run.completedByUserId = *owner;
        QVERIFY_OK(ops.completeReview(run, QDate(2026, 3, 9)));

        m_clock->setNow(start.addDays(-2));
        DuplicateCandidate fresh;
        fresh.customerA = u"cus_dan"_s;
        fresh.customerB = u"cus_dana"_s;
        fresh.scorePermille = 920;
        auto freshId = identity.upsertCandidate(fresh);
        QVERIFY_OK(freshId);
        DuplicateCandidate dismissed;
        dismissed.customerA = u"cus_ana"_s;
        dismissed.customerB = u"cus_dana"_s;
        dismissed.scorePermille = 610;
        auto dismissedId = identity.upsertCandidate(dismissed);
        QVERIFY_OK(dismissedId);
        QVERIFY_OK(identity.setCandidateState(*dismissedId, CandidateState::Dismissed));
        m_clock->setNow(start);

        auto f = collect();
        QVERIFY_OK(f);
        QCOMPARE(f->since, start.addDays(-7));
        QCOMPARE(f->newDuplicates.size(), 1);
        const NewDuplicate &d = f->newDuplicates.first();
        QCOMPARE(d.candidateId, *freshId);
        QCOMPARE(d.nameA, u"Dan Wu"_s);
        QCOMPARE(d.nameB, u"Dana Wu"_s);
        QCOMPARE(d.scorePermille, 920);
        QCOMPARE(d.foundAt, start.addDays(-2));
    }

    void neverReviewedListsEveryOpenCandidate()
    {
        DuplicateCandidate c;
        c.customerA = u"cus_ana"_s;
        c.customerB = u"cus_dan"_s;
        c.scorePermille = 700;
        QVERIFY_OK(Store::IdentityRepository(*m_db, *m_clock).upsertCandidate(c));
        auto f = collect();
        QVERIFY_OK(f);
        QVERIFY(!f->since.isValid());
        QCOMPARE(f->newDuplicates.size(), 1);
    }

    void canceledWithAnOpenInvoice_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("startDaysFromNow");
        QTest::addColumn<qint64>("balance");
        QTest::addColumn<int>("money");
        QTest::addColumn<bool>("open");
        const int canceled = int(AppointmentStatus::Canceled);
        QTest::newRow("canceled, invoice open") << canceled << -3 << qint64(8000) << int(MoneyStatus::Invoiced) << true;
        QTest::newRow("canceled, partially paid") << canceled << -3 << qint64(3000)
                                                  << int(MoneyStatus::PartiallyPaid) << true;
        QTest::newRow("canceled, future session") << canceled << 20 << qint64(8000) << int(MoneyStatus::Invoiced)
                                                  << true;
        QTest::newRow("canceled, paid") << canceled << -3 << qint64(0) << int(MoneyStatus::Paid) << false;
        QTest::newRow("canceled, voided") << canceled << -3 << qint64(8000) << int(MoneyStatus::Voided) << false;
        QTest::newRow("canceled, refunded") << canceled << -3 << qint64(8000) << int(MoneyStatus::Refunded) << false;
        QTest::newRow("canceled long ago") << canceled << -91 << qint64(8000) << int(MoneyStatus::Invoiced) << false;
        QTest::newRow("booked, invoice open") << int(AppointmentStatus::Booked) << -3 << qint64(8000)
                                              << int(MoneyStatus::Invoiced) << false;
    }

    void canceledWithAnOpenInvoice()
    {
        QFETCH(int, status);
        QFETCH(int, startDaysFromNow);
        QFETCH(qint64, balance);
        QFETCH(int, money);
        QFETCH(bool, open);
        const qint64 id = appointment(u"cus_dan"_s, now().addDays(startDaysFromNow), AppointmentStatus(status));
        invoiceFor(id, u"cus_dan"_s, balance, MoneyStatus(money));
        auto f = collect();
        QVERIFY_OK(f);
        const QStringList lines = openLines(*f);
        if (!open) {
            QCOMPARE(lines, QStringList());
            return;
        }
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith(u"appt %1 (Dan Wu): open_invoice quickbooks INV-2 (QuickBooks 102) | balance "_s
                                              .arg(id)),
                 qPrintable(lines.first()));
        const OpenItem item = f->canceledStillOpen().first().items.first();
        QVERIFY2(item.action.contains(u"void invoice INV-2"_s), qPrintable(item.action));
    }

    void queuedFollowUpTaskIsAReminder()
    {
        const qint64 canceled = appointment(u"cus_ana"_s, now().addDays(-1), AppointmentStatus::Canceled);
        const qint64 jobId = job(System::HubSpot, Sync::Jobs::HubSpotTaskCreate, u"appointment"_s,
                                 QString::number(canceled));
        // A follow-up for a session that still stands is no finding.
        const qint64 booked = appointment(u"cus_dan"_s, now().addDays(-1), AppointmentStatus::NoShow);
        job(System::HubSpot, Sync::Jobs::HubSpotTaskCreate, u"appointment"_s, QString::number(booked));
        auto f = collect();
        QVERIFY_OK(f);
        QCOMPARE(openLines(*f), (QStringList{u"appt %1 (Ana Lima): reminder hubspot job/%2 | a follow-up task is "
                                             "still queued for HubSpot"_s.arg(canceled).arg(jobId)}));
    }

    void withoutHubSpotDealsAndTasksAreNotChecked()
    {
        const qint64 id = appointment(u"cus_dan"_s, now().addDays(-2), AppointmentStatus::Canceled);
        ref(id, u"deal"_s, u"999"_s);
        ref(id, u"task/no_show"_s, u"888"_s);
        auto f = collect();
        QVERIFY_OK(f);
        QCOMPARE(f->canceled.size(), 1);
        QCOMPARE(f->canceled.first().dealId, u"999"_s);
        QCOMPARE(f->canceled.first().taskIds, QStringList{u"888"_s});
        QVERIFY(f->canceledStillOpen().isEmpty());

        auto unchecked = checkHubSpot(*f, nullptr);
        AWAIT(unchecked);
        QCOMPARE(int(unchecked.result().hubspot), int(HubSpotCheck::NotConnected));
        const QJsonObject hs = unchecked.result().toJson().value(u"hubspot"_s).toObject();
        QCOMPARE(hs, (QJsonObject{{u"state"_s, u"not_connected"_s},
                                  {u"note"_s, u"not checked: HubSpot not connected"_s}}));
    }

    void liveHubSpotDealsAndTasks()
    {
        // Dan's canceled session: its deal still scheduled, its task open.
        const qint64 dan = appointment(u"cus_dan"_s, now().addDays(-2), AppointmentStatus::Canceled);
        const QString openDeal = seed(u"deals"_s, {{u"dealname"_s, u"Wu – Algebra"_s},
                                                   {u"pipeline"_s, u"default"_s},
                                                   {u"dealstage"_s, u"appointmentscheduled"_s}});
        const QString openTask = seed(u"tasks"_s, {{u"hs_task_subject"_s, u"Follow up: Dan missed Algebra"_s},
                                                   {u"hs_task_status"_s, u"NOT_STARTED"_s}});
        QVERIFY(!openDeal.isEmpty() && !openTask.isEmpty());
        ref(dan, u"deal"_s, openDeal);
        ref(dan, u"task/no_show"_s, openTask);

        // Ana's: deal closed lost, task completed — nothing open.
        const qint64 ana = appointment(u"cus_ana"_s, now().addDays(-1), AppointmentStatus::Canceled);
        ref(ana, u"deal"_s, seed(u"deals"_s, {{u"dealname"_s, u"Lima"_s}, {u"pipeline"_s, u"default"_s},
                                              {u"dealstage"_s, u"closedlost"_s}}));
        ref(ana, u"task/no_show"_s, seed(u"tasks"_s, {{u"hs_task_subject"_s, u"Done"_s},
                                                      {u"hs_task_status"_s, u"COMPLETED"_s}}));

        // Dana's: the deal is gone from HubSpot (404), the task has a reminder.
        const qint64 dana = appointment(u"cus_dana"_s, now().addDays(5), AppointmentStatus::Canceled);
        ref(dana, u"deal"_s, u"424242"_s);
        const QString reminder = seed(u"tasks"_s, {{u"hs_task_subject"_s, u"Call Dana"_s},
                                                   {u"hs_task_status"_s, u"NOT_STARTED"_s},
                                                   {u"hs_task_reminders"_s, u"1773248400000"_s}});
        ref(dana, u"task/overdue"_s, reminder);

        auto f = collect();
        QVERIFY_OK(f);
        QVERIFY(f->canceledStillOpen().isEmpty());
        auto live = checkHubSpot(*f, m_client.get());
        AWAIT(live);
        const WeeklyFindings checked = live.result();
        QCOMPARE(int(checked.hubspot), int(HubSpotCheck::Checked));
        QCOMPARE(checked.hubspotNote, u"checked 6 HubSpot records live"_s);
        QCOMPARE(openLines(checked),
                 (QStringList{
                     u"appt %1 (Dan Wu): open_deal hubspot %2 | \"Wu – Algebra\" in stage appointmentscheduled"_s.arg(dan).arg(openDeal),
                     u"appt %1 (Dan Wu): open_task hubspot %2 | \"Follow up: Dan missed Algebra\", NOT_STARTED"_s.arg(dan).arg(openTask),
                     u"appt %1 (Dana Wu): reminder hubspot %2 | \"Call Dana\", NOT_STARTED, reminder set"_s.arg(dana).arg(reminder),
                 }));
        const QJsonObject counts = checked.toJson().value(u"counts"_s).toObject();
        QCOMPARE(counts.value(u"canceled_still_open"_s).toInt(), 2);
        QCOMPARE(counts.value(u"open_deals"_s).toInt(), 1);
        QCOMPARE(counts.value(u"open_tasks"_s).toInt(), 1);
        QCOMPARE(counts.value(u"reminders"_s).toInt(), 1);
        QCOMPARE(checked.canceledStillOpen().first().items.first().action,
                 u"In HubSpot, move deal %1 to closedlost or closedwon (the status mapping's stage for a canceled "
                 "appointment), or retry its sync"_s.arg(openDeal));
    }

    void hubSpotFailureIsReported()
    {
        const qint64 dan = appointment(u"cus_dan"_s, now().addDays(-2), AppointmentStatus::Canceled);
        ref(dan, u"deal"_s, u"1"_s);
        auto f = collect();
        QVERIFY_OK(f);
        // A client whose token HubSpot refuses: the check stops and says why.
        m_store->values.insert(Security::SecretName::HubSpotToken.toString(), u"pat-na1-wrong"_s);
        auto client = makeClient(clientSettings());
        auto live = checkHubSpot(*f, client.get());
        AWAIT(live);
        QCOMPARE(int(live.result().hubspot), int(HubSpotCheck::Failed));
        QVERIFY2(live.result().hubspotNote.startsWith(u"HubSpot check incomplete: "_s),
                 qPrintable(live.result().hubspotNote));
    }

    void jsonHasStableTopLevelKeys()
    {
        auto f = collect();
        QVERIFY_OK(f);
        QCOMPARE(f->toJson().keys(),
                 (QStringList{u"canceled_still_open"_s, u"computed_at"_s, u"counts"_s, u"failed_syncs"_s,
                              u"hubspot"_s, u"new_duplicates"_s, u"since"_s, u"window_start"_s}));
        QCOMPARE(f->toJson().value(u"computed_at"_s).toString(), u"2026-03-10T17:00:00.000Z"_s);
        QCOMPARE(f->toJson().value(u"since"_s), QJsonValue(QJsonValue::Null));
    }
};

QTEST_GUILESS_MAIN(TestWeeklyReview)
#include "tst_weeklyreview.moc"
