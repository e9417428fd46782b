// BookingCommands (core/services/bookingcommands.h): an office manager's
// cancel and reschedule requests become Cal.com jobs, permission-checked and
// audited in the same transaction; refusals change nothing.

#include "domainprinters.h"
#include "testsupport.h"

#include "common/clock.h"
#include "domain/appointment.h"
#include "domain/customer.h"
#include "security/auditlog.h"
#include "security/permissions.h"
#include "services/bookingcommands.h"
#include "store/appointmentrepository.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/outboxrepository.h"
#include "sync/jobs.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using Concord::Security::Actor;

class TestBookingCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void cancelBecomesAnAuditedCalcomJob();
    void refusalsChangeNothing();
    void rescheduleNeedsAFutureTimeAndAMovableSession();

private:
    qint64 appointment(AppointmentStatus status, const QDateTime &start);
    qint64 jobCount();
    qint64 auditCount();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store::Database> m_db;
    ManualClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)};
    const Actor m_manager = Actor::user(u"mona"_s, Role::OfficeManager);
    const Actor m_bookkeeper = Actor::user(u"bea"_s, Role::Bookkeeper);
    QString m_customer;
};

void TestBookingCommands::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Store::Database::open(u"sqlite://"_s + m_dir->filePath(u"s.sqlite"_s));
    QVERIFY(db.has_value());
    m_db = std::move(*db);
    QVERIFY(Store::migrate(*m_db).has_value());
    Customer c;
    c.displayName = u"Ava Chen"_s;
    auto created = Store::CustomerRepository(*m_db, m_clock).create(c);
    QVERIFY(created.has_value());
    m_customer = created->id;
}

void TestBookingCommands::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

qint64 TestBookingCommands::appointment(AppointmentStatus status, const QDateTime &start)
{
    Appointment a;
    a.customerId = m_customer;
    a.calcomUid = u"uid-%1"_s.arg(start.toSecsSinceEpoch());
    a.start = ZonedInstant::fromUtc(start, u"America/New_York"_s).value();
    a.status = status;
    auto id = Store::AppointmentRepository(*m_db, m_clock).insert(a);
    return id ? *id : 0;
}

qint64 TestBookingCommands::jobCount()
{
    return m_db->countRows(u"outbox_jobs"_s).value_or(-1);
}

qint64 TestBookingCommands::auditCount()
{
    return m_db->countRows(u"audit_log"_s).value_or(-1);
}

void TestBookingCommands::cancelBecomesAnAuditedCalcomJob()
{
    const qint64 id = appointment(AppointmentStatus::Booked, m_clock.nowUtc().addDays(2));
    QVERIFY(id != 0);
    Services::BookingCommands commands(*m_db, m_clock);
    auto job = commands.requestCancel(m_manager, id, u"  family moved away "_s);
    QVERIFY2(job.has_value(), job ? "" : qPrintable(job.error().toString()));
    auto stored = Store::OutboxRepository(*m_db, m_clock).get(*job);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->operation, Sync::Jobs::CalcomBookingCancel.toString());
    QCOMPARE_NAMES(stored->targetSystem, System::CalCom);
    QCOMPARE(stored->entityId, QString::number(id));
    const QJsonObject payload = QJsonDocument::fromJson(stored->payloadJson).object();
    QCOMPARE(payload.value(u"uid"_s).toString(), u"uid-%1"_s.arg(m_clock.nowUtc().addDays(2).toSecsSinceEpoch()));
    QCOMPARE(payload.value(u"reason"_s).toString(), u"family moved away"_s);

    auto entries = Security::AuditLog(*m_db, m_clock).recent(1);
    QVERIFY(entries.has_value() && entries->size() == 1);
    QCOMPARE(entries->first().action, u"appointment.cancel-requested"_s);
    QCOMPARE(entries->first().actor, u"mona"_s);
    QVERIFY(Security::AuditLog(*m_db, m_clock).verify()->ok);

    // Asking twice queues nothing new (the same idempotency key).
    auto again = commands.requestCancel(m_manager, id, u"again"_s);
    QVERIFY(again.has_value());
    QCOMPARE(*again, *job);
    QCOMPARE(jobCount(), 1);
}

void TestBookingCommands::refusalsChangeNothing()
{
    const qint64 id = appointment(AppointmentStatus::Booked, m_clock.nowUtc().addDays(2));
    const qint64 canceled = appointment(AppointmentStatus::Canceled, m_clock.nowUtc().addDays(3));
    Services::BookingCommands commands(*m_db, m_clock);
    const qint64 jobs = jobCount(), audits = auditCount();
    QCOMPARE(commands.requestCancel(m_bookkeeper, id, {}).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(commands.requestReschedule(m_bookkeeper, id, m_clock.nowUtc().addDays(4), {}).error().code,
             ErrorCode::PermissionDenied);
    QCOMPARE(commands.requestCancel(m_manager, canceled, {}).error().code, ErrorCode::IllegalTransition);
    QCOMPARE(commands.requestCancel(m_manager, 999, {}).error().code, ErrorCode::NotFound);
    QCOMPARE(jobCount(), jobs);
    QCOMPARE(auditCount(), audits);
}

void TestBookingCommands::rescheduleNeedsAFutureTimeAndAMovableSession()
{
    const qint64 id = appointment(AppointmentStatus::Booked, m_clock.nowUtc().addDays(2));
    const qint64 held = appointment(AppointmentStatus::Completed, m_clock.nowUtc().addDays(-2));
    Services::BookingCommands commands(*m_db, m_clock);
    QCOMPARE(commands.requestReschedule(m_manager, id, m_clock.nowUtc().addSecs(-60), {}).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(commands.requestReschedule(m_manager, held, m_clock.nowUtc().addDays(1), {}).error().code,
             ErrorCode::IllegalTransition);
    QCOMPARE(jobCount(), 0);
    const QDateTime to = m_clock.nowUtc().addDays(5);
    auto job = commands.requestReschedule(m_manager, id, to, u"exam week"_s);
    QVERIFY(job.has_value());
    auto stored = Store::OutboxRepository(*m_db, m_clock).get(*job);
    QCOMPARE(stored->operation, Sync::Jobs::CalcomBookingReschedule.toString());
    const QJsonObject payload = QJsonDocument::fromJson(stored->payloadJson).object();
    QCOMPARE(QDateTime::fromString(payload.value(u"start"_s).toString(), Qt::ISODateWithMs), to);
    QCOMPARE(payload.value(u"by"_s).toString(), u"mona"_s);
    auto entries = Security::AuditLog(*m_db, m_clock).recent(1);
    QCOMPARE(entries->first().action, u"appointment.reschedule-requested"_s);
}

QTEST_GUILESS_MAIN(TestBookingCommands)
#include "tst_bookingcommands.moc"
