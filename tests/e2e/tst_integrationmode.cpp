// The integration mode (issue 9) on both engines: the stored mode (default
// full, owner-only, Conflict on a stale version, audited with before/after,
// a no-op when unchanged), and the sync engine against the three emulators:
// full mode invoices a held session by policy; in the lighter setup a booking
// still reaches HubSpot (contact and deal), no invoice job is queued, HubSpot
// edits (a deal stage, a phone number) are not read back — no restore, no
// flag, nothing towards Cal.com or QuickBooks — and "create invoice now"
// queues exactly one invoice job, idempotently, which the next cycle delivers.
#include "domainprinters.h"
#include "teststore.h"

#include "common/clock.h"
#include "domain/appointment.h"
#include "domain/customer.h"
#include "domain/rules.h"
#include "review/integrationmode.h"
#include "security/auditlog.h"
#include "security/secretstore.h"
#include "store/appointmentrepository.h"
#include "store/appsettingsrepository.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/identityrepository.h"
#include "store/migrations.h"
#include "store/operationsrepository.h"
#include "store/outboxrepository.h"
#include "store/rulesrepository.h"
#include "store/syncstaterepository.h"
#include "sync/connectorset.h"
#include "sync/syncengine.h"

#include "calcom/calcomemulator.h"
#include "hubspot/hsportal.h"
#include "hubspot/hubspotemulator.h"
#include "quickbooks/qboformat.h"
#include "quickbooks/quickbooksemulator.h"
#include "tutoringsandbox.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using Concord::Review::InvoiceNowResult;
using Concord::Store::IntegrationMode;

namespace {

QString realm()
{
    return Sandbox::TutoringSandbox::kRealmId.toString();
}

QString refValue(const QJsonObject &o, const QString &key)
{
    return o.value(key).toObject().value(u"value"_s).toString();
}

QString codeOf(const Error &e)
{
    return errorCodeName(e.code);
}

} // namespace

Q_DECLARE_METATYPE(Concord::Security::Actor)

class TestIntegrationMode : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    // The stored mode (in order: they share one store).
    void defaultsToFull();
    void onlyAnOwnerChangesIt_data();
    void onlyAnOwnerChangesIt();
    void staleVersionIsConflictAndChangesAreAudited();

    // The engine (in order).
    void fullModeInvoicesByPolicy();
    void lightModePushesBookingsButQueuesNoInvoice();
    void lightModeDoesNotReadHubSpotEditsBack();
    void createInvoiceNowQueuesExactlyOne();
    void createInvoiceNowIsRefused_data();
    void createInvoiceNowIsRefused();

private:
    Sync::CycleReport syncOnce();
    Review::IntegrationModeState setMode(IntegrationMode mode);
    QString seedBooking(const QDateTime &startUtc, const QString &name, const QString &email);
    Appointment appointmentByUid(const QString &uid);
    QList<QJsonObject> invoicesOf(const QString &customerName) const;
    QString dealIdFor(qint64 appointmentId);
    qint64 jobsWithKey(const QString &key);
    qint64 count(const QString &sql);

    QTemporaryDir m_dir;
    OffsetClock m_clock;
    Config m_config;
    std::unique_ptr<Sandbox::TutoringSandbox> m_sandbox;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<Security::SecretStore> m_secrets;
    std::unique_ptr<Store::OperationsRepository> m_ops;
    std::unique_ptr<Sync::ConnectorSet> m_connectors;
    std::unique_ptr<Sync::SyncEngine> m_engine;
    qint64 m_hostId = 0;
    qint64 m_math = 0;
    QString m_lenaUid;
    const Security::Actor m_owner = Security::Actor::user(u"olga"_s, Role::Owner);
    const Security::Actor m_bookkeeper = Security::Actor::user(u"bea"_s, Role::Bookkeeper);
};

void TestIntegrationMode::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_sandbox = std::make_unique<Sandbox::TutoringSandbox>();
    Sandbox::TutoringSandbox::Options options;
    options.seed = Sandbox::TutoringSandbox::Seed::Empty;
    options.clock = &m_clock;
    auto started = m_sandbox->start(options);
    QVERIFY2(started.has_value(), started ? "" : qPrintable(started.error().toString()));

    auto item = m_sandbox->quickbooks().seed(
        realm(), u"Item"_s,
        QJsonObject { { u"Name"_s, u"Math Tutoring"_s },
                      { u"Type"_s, u"Service"_s },
                      { u"UnitPrice"_s, Sandbox::QboFormat::amount(6500) },
                      { u"IncomeAccountRef"_s, QJsonObject { { u"value"_s, u"1"_s } } } });
    QVERIFY(item.has_value());
    auto &cal = m_sandbox->calcom();
    const auto users = cal.state().users();
    QCOMPARE(users.size(), 1);
    m_hostId = users.first().id;
    Sandbox::CalEventType type;
    type.title = u"Math Tutoring"_s;
    type.slug = u"math"_s;
    type.lengthInMinutes = 60;
    type.ownerId = m_hostId;
    m_math = cal.addEventType(type);

    m_config = m_sandbox->config(Test::testStoreUrl(m_dir));
    auto db = Store::Database::open(m_config.storeUrl);
    QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().toString()));
    m_db = std::move(*db);
    QVERIFY_OK(Store::migrate(*m_db));
    m_secrets = m_sandbox->secrets();
    m_ops = std::make_unique<Store::OperationsRepository>(*m_db, m_clock);
    auto connectors = Sync::ConnectorSet::create(m_config, *m_secrets, *m_ops, m_clock);
    QVERIFY2(connectors.has_value(), connectors ? "" : qPrintable(connectors.error().toString()));
    m_connectors = std::move(*connectors);
    m_engine = std::make_unique<Sync::SyncEngine>(
        *m_db, *m_connectors, Sync::EngineSettings::fromConfig(m_config), m_clock);
    const Sync::CycleReport first = syncOnce(); // learns the catalog
    QVERIFY2(first.problems.isEmpty(), qPrintable(first.problems.join(u"\n"_s)));
    Store::RulesRepository rules(*m_db, m_clock);
    InvoicePolicy byDefault;
    byDefault.updatedBy = u"bea"_s;
    byDefault.paymentTermDays = 7;
    QVERIFY_OK(rules.saveInvoicePolicy(byDefault));
}

void TestIntegrationMode::cleanupTestCase()
{
    m_engine.reset();
    m_connectors.reset();
    m_ops.reset();
    m_db.reset();
    m_sandbox.reset();
}

Sync::CycleReport TestIntegrationMode::syncOnce()
{
    QSignalSpy done(m_engine.get(), &Sync::SyncEngine::onceFinished);
    m_engine->runOnce();
    if (!done.wait(120'000)) {
        qWarning("sync --once did not finish within 2 minutes");
        return {};
    }
    return done.first().first().value<Sync::CycleReport>();
}

Review::IntegrationModeState TestIntegrationMode::setMode(IntegrationMode mode)
{
    auto current = Review::integrationMode(*m_db);
    if (!current)
        return {};
    auto set = Review::setIntegrationMode(*m_db, m_owner, mode, current->version, m_clock);
    if (!set) {
        qWarning() << set.error().toString();
        return {};
    }
    return *set;
}

QString TestIntegrationMode::seedBooking(const QDateTime &startUtc, const QString &name,
                                         const QString &email)
{
    Sandbox::CalBooking b;
    b.eventTypeId = m_math;
    b.hostUserId = m_hostId;
    b.startMs = startUtc.toMSecsSinceEpoch();
    b.endMs = startUtc.addSecs(3600).toMSecsSinceEpoch();
    b.createdMs = startUtc.addDays(-7).toMSecsSinceEpoch();
    b.updatedMs = m_clock.nowUtc().toMSecsSinceEpoch();
    Sandbox::CalAttendee a;
    a.name = name;
    a.email = email;
    a.timeZone = u"America/New_York"_s;
    b.attendees = { a };
    auto seeded = m_sandbox->calcom().seedBooking(b);
    if (!seeded) {
        qWarning() << "Cal.com refused the booking:" << seeded.error().message;
        return {};
    }
    return seeded->value(u"uid"_s).toString();
}

Appointment TestIntegrationMode::appointmentByUid(const QString &uid)
{
    Store::AppointmentRepository appointments(*m_db, m_clock);
    auto a = appointments.findByCalcomUid(uid);
    return a ? *a : Appointment {};
}

QList<QJsonObject> TestIntegrationMode::invoicesOf(const QString &customerName) const
{
    QString customerId;
    for (const QJsonObject &c : m_sandbox->quickbooks().entities(realm(), u"Customer"_s))
        if (c.value(u"DisplayName"_s).toString() == customerName)
            customerId = c.value(u"Id"_s).toString();
    QList<QJsonObject> out;
    if (customerId.isEmpty())
        return out;
    for (const QJsonObject &inv : m_sandbox->quickbooks().entities(realm(), u"Invoice"_s))
        if (refValue(inv, u"CustomerRef"_s) == customerId)
            out << inv;
    return out;
}

QString TestIntegrationMode::dealIdFor(qint64 appointmentId)
{
    Store::SyncStateRepository state(*m_db, m_clock);
    auto ref =
        state.ref(u"appointment"_s, QString::number(appointmentId), System::HubSpot, u"deal"_s);
    return ref && ref->has_value() ? (*ref)->remoteId : QString();
}

qint64 TestIntegrationMode::jobsWithKey(const QString &key)
{
    auto n = m_db->scalar(u"SELECT COUNT(*) FROM outbox_jobs WHERE idempotency_key = ?"_s, { key });
    return n ? n->toLongLong() : -1;
}

qint64 TestIntegrationMode::count(const QString &sql)
{
    auto n = m_db->scalar(sql);
    return n ? n->toLongLong() : -1;
}

// ---------------------------------------------------------------------------

void TestIntegrationMode::defaultsToFull()
{
    auto mode = Review::integrationMode(*m_db);
    QVERIFY_OK(mode);
    QCOMPARE(Store::toString(mode->mode), u"full"_s);
    QCOMPARE(mode->version, 0);
    QVERIFY(mode->updatedBy.isEmpty());
    QCOMPARE(Store::toString(m_engine->integrationMode()), u"full"_s);
}

void TestIntegrationMode::onlyAnOwnerChangesIt_data()
{
    QTest::addColumn<Security::Actor>("actor");
    QTest::addColumn<QString>("expected");
    QTest::newRow("office manager")
        << Security::Actor::user(u"omar"_s, Role::OfficeManager) << u"permission-denied"_s;
    QTest::newRow("bookkeeper") << Security::Actor::user(u"bea"_s, Role::Bookkeeper)
                                << u"permission-denied"_s;
    QTest::newRow("viewer") << Security::Actor::user(u"vic"_s, Role::Viewer)
                            << u"permission-denied"_s;
    QTest::newRow("automation") << Security::Actor::system(u"sync"_s) << u"permission-denied"_s;
}

void TestIntegrationMode::onlyAnOwnerChangesIt()
{
    QFETCH(Security::Actor, actor);
    QFETCH(QString, expected);
    Security::AuditLog audit(*m_db, m_clock);
    const qint64 before = audit.count().value_or(-1);
    auto set = Review::setIntegrationMode(*m_db, actor, IntegrationMode::Light, 0, m_clock);
    QVERIFY(!set.has_value());
    QCOMPARE(codeOf(set.error()), expected);
    QVERIFY2(set.error().message.contains(u"owner"_s)
                 || set.error().message.contains(u"a person"_s),
             qPrintable(set.error().message));
    QCOMPARE(audit.count().value_or(-1), before);
    QCOMPARE(Store::toString(Review::integrationMode(*m_db)->mode), u"full"_s);
}

void TestIntegrationMode::staleVersionIsConflictAndChangesAreAudited()
{
    Security::AuditLog audit(*m_db, m_clock);
    const qint64 entries = audit.count().value_or(-1);
    auto light = Review::setIntegrationMode(*m_db, m_owner, IntegrationMode::Light, 0, m_clock);
    QVERIFY_OK(light);
    QCOMPARE(light->version, 1);
    QCOMPARE(light->updatedBy, u"olga"_s);
    QCOMPARE(audit.count().value_or(-1), entries + 1);
    auto recent = audit.recent(1);
    QVERIFY_OK(recent);
    const Security::AuditEntry &e = recent->first();
    QCOMPARE(e.action, u"integration_mode.set"_s);
    QCOMPARE(e.actor, u"olga"_s);
    const QJsonObject before = QJsonDocument::fromJson(e.beforeJson).object();
    const QJsonObject after = QJsonDocument::fromJson(e.afterJson).object();
    QCOMPARE(before.value(u"mode"_s).toString(), u"full"_s);
    QCOMPARE(before.value(u"version"_s).toInt(), 0);
    QCOMPARE(after.value(u"mode"_s).toString(), u"light"_s);
    QCOMPARE(after.value(u"version"_s).toInt(), 1);

    // A second admin's screen still says version 0: refused, not overwritten.
    auto stale = Review::setIntegrationMode(*m_db, m_owner, IntegrationMode::Full, 0, m_clock);
    QVERIFY(!stale.has_value());
    QCOMPARE(codeOf(stale.error()), u"conflict"_s);
    QVERIFY2(stale.error().message.contains(u"olga"_s), qPrintable(stale.error().message));
    // The same mode again: nothing changes, nothing is audited.
    auto again = Review::setIntegrationMode(*m_db, m_owner, IntegrationMode::Light, 1, m_clock);
    QVERIFY_OK(again);
    QCOMPARE(again->version, 1);
    QCOMPARE(audit.count().value_or(-1), entries + 1);
    // The repository's own guard, for any other setting writer.
    Store::AppSettingsRepository settings(*m_db, m_clock);
    auto raw = settings.set(u"integration_mode"_s, u"full"_s, 0, u"x"_s);
    QVERIFY(!raw.has_value());
    QCOMPARE(codeOf(raw.error()), u"conflict"_s);
    auto back = Review::setIntegrationMode(*m_db, m_owner, IntegrationMode::Full, 1, m_clock);
    QVERIFY_OK(back);
    QCOMPARE(back->version, 2);
    QCOMPARE(audit.count().value_or(-1), entries + 2);
    QVERIFY_OK(audit.verify());
}

void TestIntegrationMode::fullModeInvoicesByPolicy()
{
    QCOMPARE(Store::toString(Review::integrationMode(*m_db)->mode), u"full"_s);
    const QDateTime start(m_clock.nowUtc().date().addDays(-1), QTime(15, 0), Qt::UTC);
    const QString uid = seedBooking(start, u"Fiona Full"_s, u"fiona.full@example.com"_s);
    QVERIFY(!uid.isEmpty());
    const Sync::CycleReport r = syncOnce();
    QVERIFY2(r.failedJobs.isEmpty() && r.problems.isEmpty(), qPrintable(r.problems.join(u"\n"_s)));
    QCOMPARE(Store::toString(m_engine->integrationMode()), u"full"_s);
    const Appointment a = appointmentByUid(uid);
    QVERIFY(a.id > 0);
    QCOMPARE(jobsWithKey(u"quickbooks/invoice/session/%1"_s.arg(a.id)), 1);
    QCOMPARE(invoicesOf(u"Fiona Full"_s).size(), 1);
    QVERIFY(!dealIdFor(a.id).isEmpty());
}

void TestIntegrationMode::lightModePushesBookingsButQueuesNoInvoice()
{
    QCOMPARE(Store::toString(setMode(IntegrationMode::Light).mode), u"light"_s);
    const QDateTime start(m_clock.nowUtc().date().addDays(-1), QTime(17, 0), Qt::UTC);
    m_lenaUid = seedBooking(start, u"Lena Light"_s, u"lena.light@example.com"_s);
    QVERIFY(!m_lenaUid.isEmpty());
    const Sync::CycleReport r = syncOnce();
    QVERIFY2(r.failedJobs.isEmpty() && r.problems.isEmpty(), qPrintable(r.problems.join(u"\n"_s)));
    QCOMPARE(Store::toString(m_engine->integrationMode()), u"light"_s);
    const Appointment a = appointmentByUid(m_lenaUid);
    QVERIFY(a.id > 0);
    QCOMPARE(toString(a.status), u"completed"_s); // the billing pass still moves it
    // Pushed one way: HubSpot has the contact and the deal.
    const QString dealId = dealIdFor(a.id);
    QVERIFY(!dealId.isEmpty());
    QVERIFY(m_sandbox->hubspot().portal().find(u"deals"_s, dealId.toLongLong()));
    // No invoice decided for the held session.
    QCOMPARE(jobsWithKey(u"quickbooks/invoice/session/%1"_s.arg(a.id)), 0);
    QCOMPARE(
        count(u"SELECT COUNT(*) FROM outbox_jobs WHERE operation = 'quickbooks.invoice.create'"_s),
        1); // Fiona's
    QCOMPARE(invoicesOf(u"Lena Light"_s).size(), 0);
    // Another cycle changes nothing about that.
    QVERIFY(syncOnce().failedJobs.isEmpty());
    QCOMPARE(jobsWithKey(u"quickbooks/invoice/session/%1"_s.arg(a.id)), 0);
}

void TestIntegrationMode::lightModeDoesNotReadHubSpotEditsBack()
{
    const Appointment a = appointmentByUid(m_lenaUid);
    QVERIFY(a.id > 0);
    const QString dealId = dealIdFor(a.id);
    QVERIFY(!dealId.isEmpty());
    Store::IdentityRepository identity(*m_db, m_clock);
    auto links = identity.linksFor(a.customerId);
    QVERIFY_OK(links);
    QString contactId;
    for (const ExternalLink &l : std::as_const(*links))
        if (l.system == System::HubSpot)
            contactId = l.externalId;
    QVERIFY(!contactId.isEmpty());
    Store::CustomerRepository customers(*m_db, m_clock);
    auto before = customers.get(a.customerId);
    QVERIFY_OK(before);
    const qint64 jobsBefore = count(u"SELECT COUNT(*) FROM outbox_jobs"_s);

    // Someone moves the deal and edits the phone number in HubSpot.
    auto &portal = m_sandbox->hubspot().portal();
    QVERIFY(portal
                .update(u"deals"_s, dealId, QString(),
                        QJsonObject { { u"properties"_s,
                                        QJsonObject { { u"dealstage"_s, u"closedwon"_s } } } },
                        u"CRM_UI"_s)
                .has_value());
    QVERIFY(portal
                .update(u"contacts"_s, contactId, QString(),
                        QJsonObject { { u"properties"_s,
                                        QJsonObject { { u"phone"_s, u"+1 212 555 0199"_s } } } },
                        u"CRM_UI"_s)
                .has_value());
    m_clock.advanceSecs(120);
    const Sync::CycleReport r = syncOnce();
    QVERIFY2(r.failedJobs.isEmpty() && r.problems.isEmpty(), qPrintable(r.problems.join(u"\n"_s)));
    QCOMPARE(r.wrongPlaceEdits, 0);
    // HubSpot keeps what the person did there; Concord neither restores nor flags it.
    QCOMPARE(portal.find(u"deals"_s, dealId.toLongLong())->props.value(u"dealstage"_s),
             u"closedwon"_s);
    Store::SyncStateRepository state(*m_db, m_clock);
    auto flags = state.openFlags(u"wrong_place_edit"_s);
    QVERIFY_OK(flags);
    QCOMPARE(flags->size(), 0);
    // Nothing towards Cal.com or QuickBooks, and the store did not take the phone.
    QCOMPARE(count(u"SELECT COUNT(*) FROM outbox_jobs"_s), jobsBefore);
    QCOMPARE(count(u"SELECT COUNT(*) FROM outbox_jobs WHERE target_system = 'calcom'"_s), 0);
    auto after = customers.get(a.customerId);
    QVERIFY_OK(after);
    QCOMPARE(after->contacts.size(), before->contacts.size());
    for (const ContactPoint &cp : std::as_const(after->contacts))
        QVERIFY2(!cp.value.contains(u"555 0199"_s) && !cp.normalized.contains(u"5550199"_s),
                 qPrintable(cp.value));
}

void TestIntegrationMode::createInvoiceNowQueuesExactlyOne()
{
    const Appointment a = appointmentByUid(m_lenaUid);
    QVERIFY(a.id > 0);
    const QString key = u"quickbooks/invoice/session/%1"_s.arg(a.id);
    Security::AuditLog audit(*m_db, m_clock);
    const qint64 entries = audit.count().value_or(-1);

    auto first = Review::createInvoiceNow(*m_db, m_bookkeeper, a.id, m_config, m_clock);
    QVERIFY_OK(first);
    QCOMPARE(Review::toString(first->state), u"queued"_s);
    QCOMPARE(first->planKey, u"session/%1"_s.arg(a.id));
    QVERIFY(first->jobId > 0);
    QCOMPARE(jobsWithKey(key), 1);
    QCOMPARE(audit.count().value_or(-1), entries + 1);
    auto recent = audit.recent(1);
    QVERIFY_OK(recent);
    QCOMPARE(recent->first().action, u"invoice.create_now"_s);
    QCOMPARE(recent->first().entityId, QString::number(a.id));

    // Idempotent: the same job, nothing new, nothing more audited.
    auto second = Review::createInvoiceNow(*m_db, m_bookkeeper, a.id, m_config, m_clock);
    QVERIFY_OK(second);
    QCOMPARE(Review::toString(second->state), u"already_queued"_s);
    QCOMPARE(second->jobId, first->jobId);
    QCOMPARE(jobsWithKey(key), 1);
    QCOMPARE(audit.count().value_or(-1), entries + 1);

    // The engine delivers it even in the lighter setup.
    const Sync::CycleReport r = syncOnce();
    QVERIFY2(r.failedJobs.isEmpty() && r.problems.isEmpty(), qPrintable(r.problems.join(u"\n"_s)));
    const QList<QJsonObject> invoices = invoicesOf(u"Lena Light"_s);
    QCOMPARE(invoices.size(), 1);
    QCOMPARE(qRound64(invoices.first().value(u"TotalAmt"_s).toDouble() * 100), 6500);
    m_clock.advanceSecs(60);
    QVERIFY(syncOnce().failedJobs.isEmpty()); // QuickBooks' invoice mirrored
    auto third = Review::createInvoiceNow(*m_db, m_owner, a.id, m_config, m_clock);
    QVERIFY_OK(third);
    QCOMPARE(Review::toString(third->state), u"already_invoiced"_s);
    QVERIFY(third->invoiceId > 0);
    QCOMPARE(invoicesOf(u"Lena Light"_s).size(), 1);
}

void TestIntegrationMode::createInvoiceNowIsRefused_data()
{
    QTest::addColumn<Security::Actor>("actor");
    QTest::addColumn<qint64>("appointmentId"); // 0: Lena's
    QTest::addColumn<QString>("expected");
    QTest::newRow("office manager") << Security::Actor::user(u"omar"_s, Role::OfficeManager)
                                    << qint64(0) << u"permission-denied"_s;
    QTest::newRow("viewer") << Security::Actor::user(u"vic"_s, Role::Viewer) << qint64(0)
                            << u"permission-denied"_s;
    QTest::newRow("no such appointment")
        << Security::Actor::user(u"bea"_s, Role::Bookkeeper) << qint64(999999) << u"not-found"_s;
    QTest::newRow("not an id") << Security::Actor::user(u"bea"_s, Role::Bookkeeper) << qint64(-4)
                               << u"invalid-argument"_s;
}

void TestIntegrationMode::createInvoiceNowIsRefused()
{
    QFETCH(Security::Actor, actor);
    QFETCH(qint64, appointmentId);
    QFETCH(QString, expected);
    if (appointmentId == 0)
        appointmentId = appointmentByUid(m_lenaUid).id;
    const qint64 jobs = count(u"SELECT COUNT(*) FROM outbox_jobs"_s);
    auto done = Review::createInvoiceNow(*m_db, actor, appointmentId, m_config, m_clock);
    QVERIFY(!done.has_value());
    QCOMPARE(codeOf(done.error()), expected);
    QCOMPARE(count(u"SELECT COUNT(*) FROM outbox_jobs"_s), jobs);
}

QTEST_GUILESS_MAIN(TestIntegrationMode)
#include "tst_integrationmode.moc"
