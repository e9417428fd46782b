// RulesRepository (core/store/rulesrepository.h): field and status mappings,
// tax and discount rules, invoice policies — versioned saves (a stale version
// is a Conflict naming who changed it), versioned deletes, and validation.

#include "storetestsupport.h"

#include "common/clock.h"
#include "domain/appointment.h"
#include "domain/customer.h"
#include "domain/rules.h"
#include "domain/status.h"
#include "store/appointmentrepository.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/rulesrepository.h"

#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Store;
using namespace Concord::StoreTest;

namespace {

FieldMapping makeFieldMapping(const QString &field, System source, System target, System authority)
{
    FieldMapping m;
    m.field = field;
    m.sourceSystem = source;
    m.targetSystem = target;
    m.sourcePath = u"attendees[0].phoneNumber"_s;
    m.targetPath = u"properties.phone"_s;
    m.transform = u"e164"_s;
    m.authoritativeSystem = authority;
    m.enabled = true;
    m.updatedBy = u"carol"_s;
    return m;
}

StatusMapping makeStatusMapping(StatusDomain domain, const QString &status, StatusAction action,
                                const QString &targetValue)
{
    StatusMapping m;
    m.domain = domain;
    m.status = status;
    m.targetSystem = System::HubSpot;
    m.action = action;
    m.targetValue = targetValue;
    m.updatedBy = u"carol"_s;
    return m;
}

// The basic state of one kind of rule, so the versioning tests run for all five.
struct RuleOps {
    // Saves a new rule by `by`; returns its id.
    std::function<Result<qint64>(const QString &by)> create;
    // Saves a changed rule over (id, version) by `by`; returns the new version.
    std::function<Result<int>(qint64 id, int version, const QString &by)> update;
    std::function<Status(qint64 id, int version)> remove;
    // The whole table as dumps.
    std::function<QStringList()> list;
};

template<typename T>
Result<int> versionOf(const Result<T> &saved)
{
    if (!saved)
        return std::unexpected(saved.error());
    return saved->version;
}

template<typename T>
Result<qint64> idOf(const Result<T> &saved)
{
    if (!saved)
        return std::unexpected(saved.error());
    return saved->id;
}

template<typename T>
QStringList listed(const Result<QList<T>> &rows)
{
    return rows ? dumpAll(*rows) : QStringList{u"<error: "_s + rows.error().toString() + u">"_s};
}

} // namespace

class TestRulesRepository : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietStoreLog(); }
    void init();
    void cleanup();

    void fieldMappingRoundTrip();
    void versionedSaveBumpsVersion();
    void staleSaveIsConflictNamingWhoChangedIt_data();
    void staleSaveIsConflictNamingWhoChangedIt();
    void deleteRequiresCurrentVersion_data();
    void deleteRequiresCurrentVersion();
    void saveOverMissingRuleIsNotFound_data();
    void saveOverMissingRuleIsNotFound();
    void saveWithDefaultOptionalFields_data();
    void saveWithDefaultOptionalFields();

    void fieldMappingValidation_data();
    void fieldMappingValidation();
    void duplicateFieldMappingIsConflict();

    void statusMappingRoundTrip_data();
    void statusMappingRoundTrip();
    void statusMappingValidation_data();
    void statusMappingValidation();
    void statusMappingStoresCanonicalStatus_data();
    void statusMappingStoresCanonicalStatus();

    void taxRulesRoundTripAndOrder();
    void taxRuleRefusals_data();
    void taxRuleRefusals();

    void discountRuleRoundTrip_data();
    void discountRuleRoundTrip();
    void discountRuleValidation_data();
    void discountRuleValidation();

    void invoicePolicyRoundTrip();
    void invoicePolicyValidation_data();
    void invoicePolicyValidation();
    void oneInvoicePolicyPerScope_data();
    void oneInvoicePolicyPerScope();

private:
    RuleOps opsFor(const QString &kind);
    TaxRule makeTaxRule(const QString &code, int priority) const;
    DiscountRule makeDiscountRule(int percentBasisPoints, qint64 amountMinor) const;
    InvoicePolicy makePolicy() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<RulesRepository> m_repo;
    QString m_customer;
    qint64 m_service = 0;
};

void TestRulesRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = openMigrated(*m_dir);
    STORE_VERIFY_OK(db);
    m_db = std::move(*db);
    m_clock = std::make_unique<ManualClock>(fixedStart());
    m_repo = std::make_unique<RulesRepository>(*m_db, *m_clock);

    Customer c;
    c.displayName = u"Pat Client"_s;
    auto customer = CustomerRepository(*m_db, *m_clock).create(c);
    STORE_VERIFY_OK(customer);
    m_customer = customer->id;
    Service s;
    s.name = u"Therapy session"_s;
    auto service = AppointmentRepository(*m_db, *m_clock).upsertService(s);
    STORE_VERIFY_OK(service);
    m_service = *service;
}

void TestRulesRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
    m_clock.reset();
    m_dir.reset();
}

TaxRule TestRulesRepository::makeTaxRule(const QString &code, int priority) const
{
    TaxRule r;
    r.serviceId = m_service;
    r.location = u"Brooklyn"_s;
    r.customerId = m_customer;
    r.taxCode = code;
    r.priority = priority;
    r.enabled = true;
    r.updatedBy = u"carol"_s;
    return r;
}

DiscountRule TestRulesRepository::makeDiscountRule(int percentBasisPoints, qint64 amountMinor) const
{
    DiscountRule r;
    r.serviceId = m_service;
    r.location = u"Brooklyn"_s;
    r.customerId = m_customer;
    r.percentBasisPoints = percentBasisPoints;
    r.amountMinor = amountMinor;
    r.currency = u"USD"_s;
    r.description = u"Sliding scale"_s;
    r.priority = 5;
    r.enabled = true;
    r.updatedBy = u"carol"_s;
    return r;
}

InvoicePolicy TestRulesRepository::makePolicy() const
{
    InvoicePolicy p;
    p.serviceId = m_service;
    p.customerId = m_customer;
    p.mode = InvoiceMode::MonthlySummary;
    p.grouping = MonthlyGrouping::PerService;
    p.depositBasisPoints = 2500;
    p.paymentTermDays = 30;
    p.cancellation = CancellationPolicy::LateFee;
    p.lateCancelWindowHours = 48;
    p.lateFeeMinor = 5000;
    p.blockThresholdMinor = 100000;
    p.blockAction = BookingBlockAction::Decline;
    p.currency = u"CAD"_s;
    p.updatedBy = u"carol"_s;
    return p;
}

RuleOps TestRulesRepository::opsFor(const QString &kind)
{
    RulesRepository &repo = *m_repo;
    if (kind == u"field mapping"_s) {
        auto make = [](qint64 id, int version, const QString &by, const QString &transform) {
            FieldMapping m = makeFieldMapping(u"phone"_s, System::CalCom, System::HubSpot, System::CalCom);
            m.id = id;
            m.version = version;
            m.updatedBy = by;
            m.transform = transform;
            return m;
        };
        return {[&repo, make](const QString &by) { return idOf(repo.saveFieldMapping(make(0, 1, by, u"e164"_s))); },
                [&repo, make](qint64 id, int v, const QString &by) {
                    return versionOf(repo.saveFieldMapping(make(id, v, by, u"identity_"_s + by)));
                },
                [&repo](qint64 id, int v) { return repo.deleteFieldMapping(id, v); },
                [&repo] { return listed(repo.fieldMappings()); }};
    }
    if (kind == u"status mapping"_s) {
        auto make = [](qint64 id, int version, const QString &by, const QString &stage) {
            StatusMapping m = makeStatusMapping(StatusDomain::Appointment, u"booked"_s, StatusAction::DealStage, stage);
            m.id = id;
            m.version = version;
            m.updatedBy = by;
            return m;
        };
        return {[&repo, make](const QString &by) {
                    return idOf(repo.saveStatusMapping(make(0, 1, by, u"appointmentscheduled"_s)));
                },
                [&repo, make](qint64 id, int v, const QString &by) {
                    return versionOf(repo.saveStatusMapping(make(id, v, by, u"stage-"_s + by)));
                },
                [&repo](qint64 id, int v) { return repo.deleteStatusMapping(id, v); },
                [&repo] { return listed(repo.statusMappings()); }};
    }
    if (kind == u"tax rule"_s) {
        const TaxRule base = makeTaxRule(u"TAX"_s, 1);
        auto make = [base](qint64 id, int version, const QString &by, const QString &code) {
            TaxRule r = base;
            r.id = id;
            r.version = version;
            r.updatedBy = by;
            r.taxCode = code;
            return r;
        };
        return {[&repo, make](const QString &by) { return idOf(repo.saveTaxRule(make(0, 1, by, u"TAX"_s))); },
                [&repo, make](qint64 id, int v, const QString &by) {
                    return versionOf(repo.saveTaxRule(make(id, v, by, u"TAX-"_s + by)));
                },
                [&repo](qint64 id, int v) { return repo.deleteTaxRule(id, v); },
                [&repo] { return listed(repo.taxRules()); }};
    }
    if (kind == u"discount rule"_s) {
        const DiscountRule base = makeDiscountRule(1000, 0);
        auto make = [base](qint64 id, int version, const QString &by, const QString &description) {
            DiscountRule r = base;
            r.id = id;
            r.version = version;
            r.updatedBy = by;
            r.description = description;
            return r;
        };
        return {[&repo, make](const QString &by) { return idOf(repo.saveDiscountRule(make(0, 1, by, u"10 %"_s))); },
                [&repo, make](qint64 id, int v, const QString &by) {
                    return versionOf(repo.saveDiscountRule(make(id, v, by, u"edited by "_s + by)));
                },
                [&repo](qint64 id, int v) { return repo.deleteDiscountRule(id, v); },
                [&repo] { return listed(repo.discountRules()); }};
    }
    const InvoicePolicy base = makePolicy();
    auto make = [base](qint64 id, int version, const QString &by, int termDays) {
        InvoicePolicy p = base;
        p.id = id;
        p.version = version;
        p.updatedBy = by;
        p.paymentTermDays = termDays;
        return p;
    };
    return {[&repo, make](const QString &by) { return idOf(repo.saveInvoicePolicy(make(0, 1, by, 30))); },
            [&repo, make](qint64 id, int v, const QString &by) {
                return versionOf(repo.saveInvoicePolicy(make(id, v, by, 10 + int(by.size()))));
            },
            [&repo](qint64 id, int v) { return repo.deleteInvoicePolicy(id, v); },
            [&repo] { return listed(repo.invoicePolicies()); }};
}

static void addKindRows()
{
    QTest::addColumn<QString>("kind");
    for (const char *kind : {"field mapping", "status mapping", "tax rule", "discount rule", "invoice policy"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

// ---------------------------------------------------------------------------
// Versioning, for every kind

void TestRulesRepository::fieldMappingRoundTrip()
{
    const FieldMapping input = makeFieldMapping(u"timezone"_s, System::CalCom, System::HubSpot, System::CalCom);
    auto stored = m_repo->saveFieldMapping(input);
    STORE_VERIFY_OK(stored);

    FieldMapping expected = input;
    expected.id = stored->id;
    expected.version = 1;
    expected.updatedAt = fixedStart();
    QVERIFY(stored->id > 0);
    QCOMPARE(dump(*stored), dump(expected));
    auto read = m_repo->fieldMapping(stored->id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));

    // A second one, listed in (field, target system) order.
    FieldMapping other = makeFieldMapping(u"email"_s, System::HubSpot, System::QuickBooks, System::HubSpot);
    other.transform.clear(); // no transform: identity
    other.enabled = false;
    auto second = m_repo->saveFieldMapping(other);
    STORE_VERIFY_OK(second);
    other.id = second->id;
    other.transform = u"identity"_s;
    other.updatedAt = fixedStart();
    auto all = m_repo->fieldMappings();
    STORE_VERIFY_OK(all);
    QCOMPARE(dumpAll(*all), (QStringList{dump(other), dump(expected)}));
    auto missing = m_repo->fieldMapping(9999);
    STORE_VERIFY_ERROR(missing, ErrorCode::NotFound);
}

void TestRulesRepository::versionedSaveBumpsVersion()
{
    auto stored = m_repo->saveFieldMapping(makeFieldMapping(u"phone"_s, System::CalCom, System::HubSpot, System::CalCom));
    STORE_VERIFY_OK(stored);

    m_clock->advanceSecs(3600);
    FieldMapping edit = *stored;
    edit.targetPath = u"properties.mobilephone"_s;
    edit.enabled = false;
    edit.updatedBy = u"bob"_s;
    auto saved = m_repo->saveFieldMapping(edit);
    STORE_VERIFY_OK(saved);

    FieldMapping expected = edit;
    expected.version = 2;
    expected.updatedAt = fixedStart().addSecs(3600);
    QCOMPARE(dump(*saved), dump(expected));
    auto read = m_repo->fieldMapping(stored->id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));
    QCOMPARE(rowCount(*m_db, u"field_mappings"_s), qint64(1));
}

void TestRulesRepository::staleSaveIsConflictNamingWhoChangedIt_data()
{
    addKindRows();
}

void TestRulesRepository::staleSaveIsConflictNamingWhoChangedIt()
{
    QFETCH(QString, kind);
    const RuleOps ops = opsFor(kind);
    auto id = ops.create(u"carol"_s);
    STORE_VERIFY_OK(id);

    // Alice and Bob both opened version 1; Alice saves first.
    m_clock->advanceSecs(60);
    auto alice = ops.update(*id, 1, u"alice"_s);
    STORE_VERIFY_OK(alice);
    QCOMPARE(*alice, 2);
    const QStringList before = snapshot(*m_db);
    const QStringList listedBefore = ops.list();

    m_clock->advanceSecs(60);
    auto bob = ops.update(*id, 1, u"bob"_s);
    STORE_VERIFY_ERROR(bob, ErrorCode::Conflict);
    const QString message = bob.error().message;
    QVERIFY2(message.contains(kind), qPrintable(message));
    QVERIFY2(message.contains(u"alice (version 2)"_s), qPrintable(message));
    QVERIFY2(message.contains(u"your version 1"_s), qPrintable(message));
    QCOMPARE(snapshot(*m_db), before);
    QCOMPARE(ops.list(), listedBefore);

    // Reloaded, Bob's save goes through.
    auto retried = ops.update(*id, 2, u"bob"_s);
    STORE_VERIFY_OK(retried);
    QCOMPARE(*retried, 3);
}

void TestRulesRepository::deleteRequiresCurrentVersion_data()
{
    addKindRows();
}

void TestRulesRepository::deleteRequiresCurrentVersion()
{
    QFETCH(QString, kind);
    const RuleOps ops = opsFor(kind);
    auto id = ops.create(u"carol"_s);
    STORE_VERIFY_OK(id);
    auto v2 = ops.update(*id, 1, u"alice"_s);
    STORE_VERIFY_OK(v2);
    const QStringList before = snapshot(*m_db);

    auto stale = ops.remove(*id, 1);
    STORE_VERIFY_ERROR(stale, ErrorCode::Conflict);
    QVERIFY2(stale.error().message.contains(kind), qPrintable(stale.error().message));
    QCOMPARE(snapshot(*m_db), before);

    auto missing = ops.remove(*id + 100, 1);
    STORE_VERIFY_ERROR(missing, ErrorCode::NotFound);
    QCOMPARE(snapshot(*m_db), before);

    auto ok = ops.remove(*id, 2);
    STORE_VERIFY_OK(ok);
    QCOMPARE(ops.list(), QStringList());

    // Saving over the deleted rule is NotFound, not a silent re-insert.
    auto gone = ops.update(*id, 2, u"bob"_s);
    STORE_VERIFY_ERROR(gone, ErrorCode::NotFound);
    QCOMPARE(ops.list(), QStringList());
}

void TestRulesRepository::saveOverMissingRuleIsNotFound_data()
{
    addKindRows();
}

void TestRulesRepository::saveOverMissingRuleIsNotFound()
{
    QFETCH(QString, kind);
    const QStringList before = snapshot(*m_db);
    auto refused = opsFor(kind).update(4242, 1, u"alice"_s);
    STORE_VERIFY_ERROR(refused, ErrorCode::NotFound);
    QVERIFY2(refused.error().message.contains(u"4242"_s), qPrintable(refused.error().message));
    QCOMPARE(snapshot(*m_db), before);
}

void TestRulesRepository::saveWithDefaultOptionalFields_data()
{
    addKindRows();
}

void TestRulesRepository::saveWithDefaultOptionalFields()
{
    // Optional text (paths, target value, location, description) left as
    // default-constructed strings: stored as empty, read back as empty.
    QFETCH(QString, kind);
    QString actual;
    QString expected;
    if (kind == u"field mapping"_s) {
        FieldMapping m;
        m.field = u"email"_s;
        m.updatedBy = u"carol"_s;
        auto saved = m_repo->saveFieldMapping(m);
        STORE_VERIFY_OK(saved);
        m.id = saved->id;
        m.transform = u"identity"_s;
        m.updatedAt = fixedStart();
        actual = dump(*saved);
        expected = dump(m);
    } else if (kind == u"status mapping"_s) {
        StatusMapping m;
        m.status = u"canceled"_s;
        m.updatedBy = u"carol"_s;
        auto saved = m_repo->saveStatusMapping(m);
        STORE_VERIFY_OK(saved);
        m.id = saved->id;
        m.updatedAt = fixedStart();
        actual = dump(*saved);
        expected = dump(m);
    } else if (kind == u"tax rule"_s) {
        TaxRule r;
        r.taxCode = u"TAX"_s;
        r.updatedBy = u"carol"_s;
        auto saved = m_repo->saveTaxRule(r);
        STORE_VERIFY_OK(saved);
        r.id = saved->id;
        r.updatedAt = fixedStart();
        actual = dump(*saved);
        expected = dump(r);
    } else if (kind == u"discount rule"_s) {
        DiscountRule r;
        r.amountMinor = 500;
        r.updatedBy = u"carol"_s;
        auto saved = m_repo->saveDiscountRule(r);
        STORE_VERIFY_OK(saved);
        r.id = saved->id;
        r.updatedAt = fixedStart();
        actual = dump(*saved);
        expected = dump(r);
    } else {
        InvoicePolicy p;
        p.updatedBy = u"carol"_s;
        auto saved = m_repo->saveInvoicePolicy(p);
        STORE_VERIFY_OK(saved);
        p.id = saved->id;
        p.updatedAt = fixedStart();
        actual = dump(*saved);
        expected = dump(p);
    }
    QCOMPARE(actual, expected);
}

// ---------------------------------------------------------------------------
// Field mappings

void TestRulesRepository::fieldMappingValidation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("source");
    QTest::addColumn<int>("target");
    QTest::addColumn<int>("authority");
    QTest::addColumn<QString>("updatedBy");
    QTest::addColumn<QString>("mentions");

    const int cal = int(System::CalCom);
    const int hub = int(System::HubSpot);
    const int qb = int(System::QuickBooks);
    QTest::newRow("no field name") << u""_s << cal << hub << cal << u"carol"_s << u"field name"_s;
    QTest::newRow("blank field name") << u"  "_s << cal << hub << cal << u"carol"_s << u"field name"_s;
    QTest::newRow("maps a system onto itself") << u"phone"_s << hub << hub << cal << u"carol"_s << u"onto itself"_s;
    QTest::newRow("written into its own authority") << u"phone"_s << cal << hub << hub << u"carol"_s
                                                    << u"authoritative system"_s;
    QTest::newRow("billing field into QuickBooks from HubSpot") << u"tax_code"_s << hub << qb << qb << u"carol"_s
                                                                << u"authoritative system"_s;
    QTest::newRow("nobody named") << u"phone"_s << cal << hub << cal << u""_s << u"who made it"_s;
}

void TestRulesRepository::fieldMappingValidation()
{
    QFETCH(QString, field);
    QFETCH(int, source);
    QFETCH(int, target);
    QFETCH(int, authority);
    QFETCH(QString, updatedBy);
    QFETCH(QString, mentions);
    auto existing = m_repo->saveFieldMapping(makeFieldMapping(u"email"_s, System::CalCom, System::HubSpot, System::CalCom));
    STORE_VERIFY_OK(existing);
    const QStringList before = snapshot(*m_db);

    FieldMapping m = makeFieldMapping(field, System(source), System(target), System(authority));
    m.updatedBy = updatedBy;
    auto refused = m_repo->saveFieldMapping(m);
    STORE_VERIFY_ERROR(refused, ErrorCode::InvalidArgument);
    QVERIFY2(refused.error().message.contains(mentions), qPrintable(refused.error().message));
    QCOMPARE(snapshot(*m_db), before);

    // The same rules hold for an update of the existing mapping.
    FieldMapping edit = *existing;
    edit.field = field;
    edit.sourceSystem = System(source);
    edit.targetSystem = System(target);
    edit.authoritativeSystem = System(authority);
    edit.updatedBy = updatedBy;
    refused = m_repo->saveFieldMapping(edit);
    STORE_VERIFY_ERROR(refused, ErrorCode::InvalidArgument);
    QCOMPARE(snapshot(*m_db), before);
}

void TestRulesRepository::duplicateFieldMappingIsConflict()
{
    auto first = m_repo->saveFieldMapping(makeFieldMapping(u"phone"_s, System::CalCom, System::HubSpot, System::CalCom));
    STORE_VERIFY_OK(first);
    const QStringList before = snapshot(*m_db);

    // One mapping per (field, target): a second source for HubSpot's phone is refused.
    auto refused = m_repo->saveFieldMapping(makeFieldMapping(u"phone"_s, System::QuickBooks, System::HubSpot,
                                                             System::QuickBooks));
    STORE_VERIFY_ERROR(refused, ErrorCode::Conflict);
    QVERIFY2(refused.error().message.contains(u"already exists"_s), qPrintable(refused.error().message));
    QCOMPARE(snapshot(*m_db), before);

    // Another target for the same field is fine.
    auto other = m_repo->saveFieldMapping(makeFieldMapping(u"phone"_s, System::CalCom, System::QuickBooks,
                                                           System::CalCom));
    STORE_VERIFY_OK(other);
}

// ---------------------------------------------------------------------------
// Status mappings

void TestRulesRepository::statusMappingRoundTrip_data()
{
    QTest::addColumn<int>("domain");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("targetValue");

    QTest::newRow("booked -> deal stage") << int(StatusDomain::Appointment) << u"booked"_s
                                          << int(StatusAction::DealStage) << u"appointmentscheduled"_s;
    QTest::newRow("no_show -> task") << int(StatusDomain::Appointment) << u"no_show"_s
                                     << int(StatusAction::CreateTask) << u"Call {customer} about the missed session"_s;
    QTest::newRow("canceled -> nothing") << int(StatusDomain::Appointment) << u"canceled"_s
                                         << int(StatusAction::None) << u""_s;
    QTest::newRow("overdue -> task") << int(StatusDomain::Money) << u"overdue"_s << int(StatusAction::CreateTask)
                                     << u"Follow up on invoice {doc}"_s;
    QTest::newRow("paid -> close tasks, no target") << int(StatusDomain::Money) << u"paid"_s
                                                    << int(StatusAction::CloseTasks) << u""_s;
    QTest::newRow("deposit_paid -> deal stage") << int(StatusDomain::Money) << u"deposit_paid"_s
                                                << int(StatusAction::DealStage) << u"contractsent"_s;
}

void TestRulesRepository::statusMappingRoundTrip()
{
    QFETCH(int, domain);
    QFETCH(QString, status);
    QFETCH(int, action);
    QFETCH(QString, targetValue);
    const StatusMapping input = makeStatusMapping(StatusDomain(domain), status, StatusAction(action), targetValue);
    auto stored = m_repo->saveStatusMapping(input);
    STORE_VERIFY_OK(stored);
    StatusMapping expected = input;
    expected.id = stored->id;
    expected.updatedAt = fixedStart();
    QCOMPARE(dump(*stored), dump(expected));
    auto all = m_repo->statusMappings();
    STORE_VERIFY_OK(all);
    QCOMPARE(dumpAll(*all), QStringList{dump(expected)});
}

void TestRulesRepository::statusMappingValidation_data()
{
    QTest::addColumn<int>("domain");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("targetValue");
    QTest::addColumn<QString>("mentions");

    const int appt = int(StatusDomain::Appointment);
    const int money = int(StatusDomain::Money);
    QTest::newRow("money status in the appointment domain") << appt << u"paid"_s << int(StatusAction::DealStage)
                                                            << u"x"_s << u"'paid' is not an appointment status"_s;
    QTest::newRow("appointment status in the money domain") << money << u"booked"_s << int(StatusAction::DealStage)
                                                            << u"x"_s << u"'booked'"_s;
    QTest::newRow("British spelling") << appt << u"cancelled"_s << int(StatusAction::None) << u""_s
                                      << u"'cancelled'"_s;
    QTest::newRow("empty status") << appt << u""_s << int(StatusAction::None) << u""_s << u"not a"_s;
    QTest::newRow("deal stage without a stage") << appt << u"booked"_s << int(StatusAction::DealStage) << u""_s
                                                << u"needs a target value"_s;
    QTest::newRow("task without a subject") << money << u"overdue"_s << int(StatusAction::CreateTask) << u"   "_s
                                            << u"needs a target value"_s;
}

void TestRulesRepository::statusMappingValidation()
{
    QFETCH(int, domain);
    QFETCH(QString, status);
    QFETCH(int, action);
    QFETCH(QString, targetValue);
    QFETCH(QString, mentions);
    auto existing = m_repo->saveStatusMapping(makeStatusMapping(StatusDomain::Appointment, u"booked"_s,
                                                                StatusAction::DealStage, u"stage"_s));
    STORE_VERIFY_OK(existing);
    const QStringList before = snapshot(*m_db);

    auto refused = m_repo->saveStatusMapping(makeStatusMapping(StatusDomain(domain), status, StatusAction(action),
                                                               targetValue));
    STORE_VERIFY_ERROR(refused, ErrorCode::InvalidArgument);
    QVERIFY2(refused.error().message.contains(mentions), qPrintable(refused.error().message));
    QCOMPARE(snapshot(*m_db), before);
}

void TestRulesRepository::statusMappingStoresCanonicalStatus_data()
{
    QTest::addColumn<int>("domain");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("canonical");

    // The status names are parsed leniently (trimmed, any case); what is
    // stored must be the canonical name the sync engine looks up.
    QTest::newRow("capitalised, padded") << int(StatusDomain::Appointment) << u" Booked "_s << u"booked"_s;
    QTest::newRow("upper case") << int(StatusDomain::Appointment) << u"NO_SHOW"_s << u"no_show"_s;
    QTest::newRow("money, mixed case") << int(StatusDomain::Money) << u"Overdue"_s << u"overdue"_s;
}

void TestRulesRepository::statusMappingStoresCanonicalStatus()
{
    QFETCH(int, domain);
    QFETCH(QString, status);
    QFETCH(QString, canonical);
    auto stored = m_repo->saveStatusMapping(makeStatusMapping(StatusDomain(domain), status, StatusAction::DealStage,
                                                              u"stage"_s));
    STORE_VERIFY_OK(stored);
    QCOMPARE(stored->status, canonical);
    // So the canonical spelling is the same mapping, not a second one.
    auto duplicate = m_repo->saveStatusMapping(makeStatusMapping(StatusDomain(domain), canonical,
                                                                 StatusAction::DealStage, u"other"_s));
    STORE_VERIFY_ERROR(duplicate, ErrorCode::Conflict);
    QCOMPARE(rowCount(*m_db, u"status_mappings"_s), qint64(1));
}

// ---------------------------------------------------------------------------
// Tax rules

void TestRulesRepository::taxRulesRoundTripAndOrder()
{
    QList<TaxRule> stored;
    const QList<int> priorities = {1, 10, 1};
    for (int i = 0; i < priorities.size(); ++i) {
        TaxRule r = makeTaxRule(u"TAX-%1"_s.arg(i), priorities.at(i));
        if (i == 2) { // the default rule: any service, anywhere, anyone
            r.serviceId = 0;
            r.location = u""_s;
            r.customerId.clear();
            r.enabled = false;
        }
        auto saved = m_repo->saveTaxRule(r);
        STORE_VERIFY_OK(saved);
        r.id = saved->id;
        r.updatedAt = fixedStart();
        QCOMPARE(dump(*saved), dump(r));
        stored << r;
    }
    auto all = m_repo->taxRules();
    STORE_VERIFY_OK(all);
    // Higher priority first, then by id.
    QCOMPARE(dumpAll(*all), dumpAll(QList<TaxRule>{stored.at(1), stored.at(0), stored.at(2)}));
}

void TestRulesRepository::taxRuleRefusals_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expectedCode");

    QTest::newRow("no tax code") << u"code"_s << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("blank tax code") << u"blank"_s << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("nobody named") << u"by"_s << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("service does not exist") << u"service"_s << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("customer does not exist") << u"customer"_s << errorCodeName(ErrorCode::InvalidArgument);
}

void TestRulesRepository::taxRuleRefusals()
{
    QFETCH(QString, change);
    QFETCH(QString, expectedCode);
    const QStringList before = snapshot(*m_db);
    TaxRule r = makeTaxRule(u"TAX"_s, 1);
    if (change == u"code"_s)
        r.taxCode.clear();
    else if (change == u"blank"_s)
        r.taxCode = u"  "_s;
    else if (change == u"by"_s)
        r.updatedBy.clear();
    else if (change == u"service"_s)
        r.serviceId = 999;
    else if (change == u"customer"_s)
        r.customerId = u"cus_missing"_s;
    auto refused = m_repo->saveTaxRule(r);
    QCOMPARE(codeOf(refused), expectedCode);
    QCOMPARE(snapshot(*m_db), before);
}

// ---------------------------------------------------------------------------
// Discount rules

void TestRulesRepository::discountRuleRoundTrip_data()
{
    QTest::addColumn<int>("percent");
    QTest::addColumn<qint64>("amount");

    QTest::newRow("10 %") << 1000 << qint64(0);
    QTest::newRow("100 %") << 10000 << qint64(0);
    QTest::newRow("0.01 %") << 1 << qint64(0);
    QTest::newRow("fixed 25.00") << 0 << qint64(2500);
}

void TestRulesRepository::discountRuleRoundTrip()
{
    QFETCH(int, percent);
    QFETCH(qint64, amount);
    DiscountRule r = makeDiscountRule(percent, amount);
    auto saved = m_repo->saveDiscountRule(r);
    STORE_VERIFY_OK(saved);
    r.id = saved->id;
    r.updatedAt = fixedStart();
    QCOMPARE(dump(*saved), dump(r));
    auto all = m_repo->discountRules();
    STORE_VERIFY_OK(all);
    QCOMPARE(dumpAll(*all), QStringList{dump(r)});
}

void TestRulesRepository::discountRuleValidation_data()
{
    QTest::addColumn<int>("percent");
    QTest::addColumn<qint64>("amount");

    QTest::newRow("both percentage and amount") << 1000 << qint64(500);
    QTest::newRow("neither percentage nor amount") << 0 << qint64(0);
    QTest::newRow("more than 100 %") << 10001 << qint64(0);
    QTest::newRow("negative percentage") << -5 << qint64(0);
    QTest::newRow("negative amount") << 0 << qint64(-500);
}

void TestRulesRepository::discountRuleValidation()
{
    QFETCH(int, percent);
    QFETCH(qint64, amount);
    auto existing = m_repo->saveDiscountRule(makeDiscountRule(1000, 0));
    STORE_VERIFY_OK(existing);
    const QStringList before = snapshot(*m_db);

    auto refused = m_repo->saveDiscountRule(makeDiscountRule(percent, amount));
    STORE_VERIFY_ERROR(refused, ErrorCode::InvalidArgument);
    QCOMPARE(snapshot(*m_db), before);

    // Also as an edit of the existing rule.
    DiscountRule edit = *existing;
    edit.percentBasisPoints = percent;
    edit.amountMinor = amount;
    refused = m_repo->saveDiscountRule(edit);
    STORE_VERIFY_ERROR(refused, ErrorCode::InvalidArgument);
    QCOMPARE(snapshot(*m_db), before);
}

// ---------------------------------------------------------------------------
// Invoice policies

void TestRulesRepository::invoicePolicyRoundTrip()
{
    InvoicePolicy p = makePolicy();
    auto saved = m_repo->saveInvoicePolicy(p);
    STORE_VERIFY_OK(saved);
    p.id = saved->id;
    p.updatedAt = fixedStart();
    QCOMPARE(dump(*saved), dump(p));

    InvoicePolicy fallback; // the default scope
    fallback.updatedBy = u"carol"_s;
    fallback.cancellation = CancellationPolicy::Refund;
    auto savedDefault = m_repo->saveInvoicePolicy(fallback);
    STORE_VERIFY_OK(savedDefault);
    fallback.id = savedDefault->id;
    fallback.updatedAt = fixedStart();

    auto all = m_repo->invoicePolicies();
    STORE_VERIFY_OK(all);
    QCOMPARE(dumpAll(*all), dumpAll(QList<InvoicePolicy>{p, fallback}));
}

void TestRulesRepository::invoicePolicyValidation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<qint64>("value");

    QTest::newRow("deposit below 0 %") << u"deposit"_s << qint64(-1);
    QTest::newRow("deposit above 100 %") << u"deposit"_s << qint64(10001);
    QTest::newRow("negative payment terms") << u"terms"_s << qint64(-1);
    QTest::newRow("payment terms over a year") << u"terms"_s << qint64(366);
    QTest::newRow("negative late fee") << u"fee"_s << qint64(-1);
    QTest::newRow("negative block threshold") << u"block"_s << qint64(-100);
    QTest::newRow("negative cancellation window") << u"window"_s << qint64(-1);
    QTest::newRow("nobody named") << u"by"_s << qint64(0);
}

void TestRulesRepository::invoicePolicyValidation()
{
    QFETCH(QString, field);
    QFETCH(qint64, value);
    const QStringList before = snapshot(*m_db);
    InvoicePolicy p = makePolicy();
    if (field == u"deposit"_s)
        p.depositBasisPoints = int(value);
    else if (field == u"terms"_s)
        p.paymentTermDays = int(value);
    else if (field == u"fee"_s)
        p.lateFeeMinor = value;
    else if (field == u"block"_s)
        p.blockThresholdMinor = value;
    else if (field == u"window"_s)
        p.lateCancelWindowHours = int(value);
    else if (field == u"by"_s)
        p.updatedBy.clear();
    auto refused = m_repo->saveInvoicePolicy(p);
    STORE_VERIFY_ERROR(refused, ErrorCode::InvalidArgument);
    QCOMPARE(snapshot(*m_db), before);
}

void TestRulesRepository::oneInvoicePolicyPerScope_data()
{
    QTest::addColumn<bool>("withService");
    QTest::addColumn<bool>("withCustomer");

    // rules.h: a policy is for a scope — the default, one service, one
    // customer; two policies for one scope leave "which applies" undefined.
    QTest::newRow("default scope") << false << false;
    QTest::newRow("service scope") << true << false;
    QTest::newRow("customer scope") << false << true;
    QTest::newRow("service and customer") << true << true;
}

void TestRulesRepository::oneInvoicePolicyPerScope()
{
    QFETCH(bool, withService);
    QFETCH(bool, withCustomer);
    InvoicePolicy p = makePolicy();
    p.serviceId = withService ? m_service : 0;
    p.customerId = withCustomer ? m_customer : QString();
    auto first = m_repo->saveInvoicePolicy(p);
    STORE_VERIFY_OK(first);
    const QStringList before = snapshot(*m_db);

    p.paymentTermDays = 14;
    auto second = m_repo->saveInvoicePolicy(p);
    STORE_VERIFY_ERROR(second, ErrorCode::Conflict);
    QCOMPARE(snapshot(*m_db), before);
}

QTEST_GUILESS_MAIN(TestRulesRepository)
#include "tst_rulesrepository.moc"
