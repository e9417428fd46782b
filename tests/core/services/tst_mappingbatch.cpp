// The mapping editor's "Apply": AdminCommands::applyMappings writes a whole
// batch of field and status mapping changes in one transaction — validated
// together, version-checked, permission-checked per side — or nothing at
// all; plus the editor's data (collectMappings) and the pure status mapping
// checks the editor runs live.
#include "common/clock.h"
#include "domainprinters.h"
#include "security/auditlog.h"
#include "services/admincommands.h"
#include "services/auditjson.h"
#include "services/mappingsdata.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/rulesrepository.h"
#include "sync/defaultmappings.h"
#include "sync/mappingvalidation.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Security;
using Concord::Services::AdminCommands;
using Concord::Services::MappingBatch;
using Concord::Services::MappingRef;
using Concord::Sync::MappingProblem;

Q_DECLARE_METATYPE(Concord::Domain::Role)
Q_DECLARE_METATYPE(Concord::Domain::StatusMapping)

namespace {

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// Whole stored rows (id, content, version) as comparable text.
template<typename T>
QStringList rowsOf(const QList<T> &rows)
{
    QStringList out;
    for (const T &r : rows)
        out << compact(Services::AuditJson::toJson(r)) + u" by "_s + r.updatedBy;
    return out;
}

} // namespace

class TestMappingBatch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_run = 0;
    std::unique_ptr<Store::Database> m_db;
    ManualClock m_clock{QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC)};
    const Actor m_owner = Actor::user(u"olivia"_s, Role::Owner);
    const Actor m_owner2 = Actor::user(u"oscar"_s, Role::Owner);

    QList<FieldMapping> fields() { return Store::RulesRepository(*m_db).fieldMappings().value_or(QList<FieldMapping>{}); }
    QList<StatusMapping> statuses()
    {
        return Store::RulesRepository(*m_db).statusMappings().value_or(QList<StatusMapping>{});
    }
    QStringList storedState() { return rowsOf(fields()) + rowsOf(statuses()); }
    qint64 auditCount() { return AuditLog(*m_db).count().value_or(-1); }
    QList<AuditEntry> auditNewestFirst(int n) { return AuditLog(*m_db).recent(n).value_or(QList<AuditEntry>{}); }

    FieldMapping field(const QString &name, System target)
    {
        for (const FieldMapping &m : fields()) {
            if (m.field == name && m.targetSystem == target)
                return m;
        }
        qFatal("no mapping %s", qPrintable(name));
    }

    StatusMapping status(StatusDomain domain, const QString &name, StatusAction action)
    {
        for (const StatusMapping &m : statuses()) {
            if (m.domain == domain && m.status == name && m.action == action)
                return m;
        }
        qFatal("no status mapping %s", qPrintable(name));
    }

    static FieldMapping newField(const QString &name, System source, System target, System authority,
                                 const QString &transform)
    {
        FieldMapping m;
        m.field = name;
        m.sourceSystem = source;
        m.targetSystem = target;
        m.authoritativeSystem = authority;
        m.transform = transform;
        m.sourcePath = u"src."_s + name;
        m.targetPath = u"dst."_s + name;
        return m;
    }

    static StatusMapping newStatus(StatusDomain domain, const QString &name, StatusAction action,
                                   const QString &value)
    {
        StatusMapping m;
        m.domain = domain;
        m.status = name;
        m.targetSystem = System::HubSpot;
        m.action = action;
        m.targetValue = value;
        return m;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_clock.setNow(QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC));
        auto db = Store::Database::open(u"sqlite://"_s
                                        + m_dir.filePath(u"%1-%2.sqlite"_s.arg(
                                                             QString::fromLatin1(QTest::currentTestFunction()))
                                                             .arg(++m_run)));
        QVERIFY(db);
        m_db = std::move(*db);
        QVERIFY(Store::migrate(*m_db));
        // The installed defaults: every field and status Concord starts with.
        auto installed = Sync::installDefaultMappings(*m_db, u"system:bootstrap"_s, m_clock);
        QVERIFY_OK(installed);
        m_clock.advanceSecs(3600);
    }

    void cleanup() { m_db.reset(); }

    void validBatchAppliesAtomicallyWithAudit()
    {
        const FieldMapping phone = field(u"phone"_s, System::QuickBooks);
        const FieldMapping timezone = field(u"timezone"_s, System::HubSpot);
        const StatusMapping booked = status(StatusDomain::Appointment, u"booked"_s, StatusAction::DealStage);
        const StatusMapping paidClose = status(StatusDomain::Money, u"paid"_s, StatusAction::CloseTasks);

        MappingBatch batch;
        FieldMapping phoneAsIs = phone;
        phoneAsIs.transform = u"identity"_s; // identity carries any value
        phoneAsIs.targetPath = u"Customer.Mobile.FreeFormNumber"_s;
        FieldMapping timezoneOff = timezone;
        timezoneOff.enabled = false;
        const FieldMapping emailToCal =
            newField(u"email"_s, System::HubSpot, System::CalCom, System::HubSpot, u"email"_s);
        batch.fields = {phoneAsIs, timezoneOff, emailToCal, /* unchanged: skipped */ field(u"tax"_s, System::HubSpot)};
        StatusMapping bookedQualified = booked;
        bookedQualified.targetValue = u"qualifiedtobuy"_s;
        batch.statuses = {bookedQualified,
                          newStatus(StatusDomain::Appointment, u"No_Show"_s, StatusAction::DealStage, u"closedlost"_s)};
        batch.deletedStatuses = {{paidClose.id, paidClose.version}};

        const QStringList before = storedState();
        auto applied = AdminCommands(*m_db, m_clock).applyMappings(m_owner, batch);
        QVERIFY_OK(applied);
        QCOMPARE(applied->created, 2);
        QCOMPARE(applied->updated, 3);
        QCOMPARE(applied->deleted, 1);

        // The whole stored state: the batch and nothing else.
        FieldMapping phoneNow = phoneAsIs;
        phoneNow.version = 2;
        phoneNow.updatedBy = u"olivia"_s;
        FieldMapping timezoneNow = timezoneOff;
        timezoneNow.version = 2;
        timezoneNow.updatedBy = u"olivia"_s;
        QStringList expected = before;
        expected.replace(expected.indexOf(rowsOf(QList{phone}).first()), rowsOf(QList{phoneNow}).first());
        expected.replace(expected.indexOf(rowsOf(QList{timezone}).first()), rowsOf(QList{timezoneNow}).first());
        StatusMapping bookedNow = bookedQualified;
        bookedNow.version = 2;
        bookedNow.updatedBy = u"olivia"_s;
        expected.replace(expected.indexOf(rowsOf(QList{booked}).first()), rowsOf(QList{bookedNow}).first());
        expected.removeOne(rowsOf(QList{paidClose}).first());
        const FieldMapping emailNow = field(u"email"_s, System::CalCom);
        const StatusMapping noShowStage = status(StatusDomain::Appointment, u"no_show"_s, StatusAction::DealStage);
        QCOMPARE(emailNow.updatedBy, u"olivia"_s);
        QCOMPARE(emailNow.version, 1);
        QCOMPARE(noShowStage.targetValue, u"closedlost"_s); // the status stored by its canonical name
        expected << rowsOf(QList{emailNow}) << rowsOf(QList{noShowStage});
        QStringList actual = storedState();
        std::sort(expected.begin(), expected.end());
        std::sort(actual.begin(), actual.end());
        QCOMPARE(actual, expected);
        QCOMPARE(rowsOf(applied->fields), rowsOf(fields()));
        QCOMPARE(rowsOf(applied->statuses), rowsOf(statuses()));

        // One audit entry per mapping written, before/after as single saves write them.
        QCOMPARE(auditCount(), 6);
        QStringList actions;
        const QList<AuditEntry> entries = auditNewestFirst(6);
        for (const AuditEntry &e : entries) {
            QCOMPARE(e.actor, u"olivia"_s);
            actions.prepend(e.action + u' ' + e.entityType);
        }
        QCOMPARE(actions, (QStringList{u"mapping.status.delete status_mapping"_s,
                                       u"mapping.field.update field_mapping"_s,
                                       u"mapping.field.update field_mapping"_s,
                                       u"mapping.status.update status_mapping"_s,
                                       u"mapping.field.create field_mapping"_s,
                                       u"mapping.status.create status_mapping"_s}));
        const AuditEntry deletion = entries.last();
        QCOMPARE(deletion.entityId, QString::number(paidClose.id));
        QCOMPARE(deletion.beforeJson, compact(Services::AuditJson::toJson(paidClose)).toUtf8());
        QVERIFY(deletion.afterJson.isEmpty());
        const AuditEntry phoneEntry = entries.at(4);
        QCOMPARE(phoneEntry.entityId, QString::number(phone.id));
        QCOMPARE(phoneEntry.beforeJson, compact(Services::AuditJson::toJson(phone)).toUtf8());
        QCOMPARE(phoneEntry.afterJson, compact(Services::AuditJson::toJson(phoneNow)).toUtf8());
        QVERIFY(AuditLog(*m_db).verify()->ok);
    }

    void invalidBatchChangesNothing_data()
    {
        QTest::addColumn<MappingBatch>("batch");
        QTest::addColumn<QString>("because");

        // The test adds a valid change to each, which must not land either.
        QTest::newRow("two authorities")
            << MappingBatch{{newField(u"email"_s, System::QuickBooks, System::CalCom, System::QuickBooks, u"email"_s)},
                            {},
                            {},
                            {}}
            << u"'email' has more than one system of record (HubSpot, QuickBooks)"_s;
        QTest::newRow("incompatible transform")
            << MappingBatch{{newField(u"duration"_s, System::CalCom, System::HubSpot, System::CalCom, u"e164"_s)},
                            {},
                            {},
                            {}}
            << u"The transform 'e164' expects a phone number, but 'duration' holds a number of minutes"_s;
        QTest::newRow("written into its authority")
            << MappingBatch{{newField(u"due_date"_s, System::HubSpot, System::QuickBooks, System::QuickBooks,
                                      u"iso_date"_s)},
                            {},
                            {},
                            {}}
            << u"This row would write 'due_date' into QuickBooks, its system of record"_s;
        QTest::newRow("deal stage without a stage")
            << MappingBatch{{}, {newStatus(StatusDomain::Money, u"overdue"_s, StatusAction::DealStage, {})}, {}, {}}
            << u"moves the deal to a stage but names none"_s;
        QTest::newRow("a status moves the deal to two stages")
            << MappingBatch{{}, {newStatus(StatusDomain::Money, u"paid"_s, StatusAction::DealStage, u"closedlost"_s)},
                            {}, {}}
            << u"Another row also moves the deal to a stage for 'paid'"_s;
    }

    void invalidBatchChangesNothing()
    {
        QFETCH(MappingBatch, batch);
        QFETCH(QString, because);
        // Plus a valid edit and a valid deletion that must be rolled back with it.
        FieldMapping phone = field(u"phone"_s, System::QuickBooks);
        phone.targetPath = u"Customer.Mobile.FreeFormNumber"_s;
        batch.fields.append(phone);
        const StatusMapping paidClose = status(StatusDomain::Money, u"paid"_s, StatusAction::CloseTasks);
        batch.deletedStatuses.append({paidClose.id, paidClose.version});

        const QStringList before = storedState();
        auto applied = AdminCommands(*m_db, m_clock).applyMappings(m_owner, batch);
        QVERIFY(!applied);
        QCOMPARE(applied.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(applied.error().message.startsWith(u"Nothing was applied."_s), qPrintable(applied.error().message));
        QVERIFY2(applied.error().message.contains(because), qPrintable(applied.error().message));
        QCOMPARE(storedState(), before);
        QCOMPARE(auditCount(), 0);
    }

    // A row the batch fixes makes the set valid: judged as a whole, after.
    void batchJudgedAsAWhole()
    {
        // Switching email's authority to QuickBooks is valid only together
        // with turning its row around (from QuickBooks into HubSpot).
        FieldMapping email = field(u"email"_s, System::QuickBooks);
        email.authoritativeSystem = System::QuickBooks;
        auto half = AdminCommands(*m_db, m_clock).applyMappings(m_owner, MappingBatch{{email}, {}, {}, {}});
        QVERIFY(!half);
        QVERIFY2(half.error().message.contains(u"its system of record"_s), qPrintable(half.error().message));

        email.sourceSystem = System::QuickBooks;
        email.targetSystem = System::HubSpot;
        email.sourcePath = u"Customer.PrimaryEmailAddr.Address"_s;
        email.targetPath = u"contact.email"_s;
        auto whole = AdminCommands(*m_db, m_clock).applyMappings(m_owner, MappingBatch{{email}, {}, {}, {}});
        QVERIFY_OK(whole);
        QCOMPARE(whole->updated, 1);
        QCOMPARE_NAMES(field(u"email"_s, System::HubSpot).authoritativeSystem, System::QuickBooks);
    }

    void staleVersionIsAConflict_data()
    {
        QTest::addColumn<bool>("deleteIt");
        QTest::newRow("changed") << false;
        QTest::newRow("deleted") << true;
    }

    void staleVersionIsAConflict()
    {
        QFETCH(bool, deleteIt);
        // Olivia opens the editor; Oscar saves a change to the phone mapping.
        const FieldMapping seen = field(u"phone"_s, System::QuickBooks);
        FieldMapping theirs = seen;
        theirs.transform = u"identity"_s;
        m_clock.advanceSecs(60);
        QVERIFY_OK(AdminCommands(*m_db, m_clock).saveFieldMapping(m_owner2, theirs));
        const QStringList before = storedState();
        const qint64 audits = auditCount();

        MappingBatch batch;
        StatusMapping booked = status(StatusDomain::Appointment, u"booked"_s, StatusAction::DealStage);
        booked.targetValue = u"qualifiedtobuy"_s;
        batch.statuses = {booked};
        if (deleteIt) {
            batch.deletedFields = {{seen.id, seen.version}};
        } else {
            FieldMapping mine = seen;
            mine.targetPath = u"Customer.Mobile.FreeFormNumber"_s;
            batch.fields = {mine};
        }
        auto applied = AdminCommands(*m_db, m_clock).applyMappings(m_owner, batch);
        QVERIFY(!applied);
        QCOMPARE(applied.error().code, ErrorCode::Conflict);
        QCOMPARE(applied.error().message,
                 u"The field mapping 'phone' (HubSpot → QuickBooks) was changed by oscar on 2026-04-01 10:01 UTC "
                 u"after you opened it (now version 2, you edited version 1). Nothing was applied: reload to see "
                 u"their change, then make yours again."_s);
        QCOMPARE(storedState(), before);
        QCOMPARE(auditCount(), audits);
    }

    void deletedMeanwhileIsNotFound()
    {
        FieldMapping phone = field(u"phone"_s, System::QuickBooks);
        QVERIFY_OK(Store::RulesRepository(*m_db).deleteFieldMapping(phone.id, phone.version));
        phone.transform = u"identity"_s;
        auto applied = AdminCommands(*m_db, m_clock).applyMappings(m_owner, MappingBatch{{phone}, {}, {}, {}});
        QVERIFY(!applied);
        QCOMPARE(applied.error().code, ErrorCode::NotFound);
        QVERIFY2(applied.error().message.contains(u"'phone'"_s), qPrintable(applied.error().message));
    }

    void oneIdTwiceIsRefused()
    {
        FieldMapping phone = field(u"phone"_s, System::QuickBooks);
        FieldMapping again = phone;
        again.transform = u"identity"_s;
        const QStringList before = storedState();
        auto applied = AdminCommands(*m_db, m_clock)
                           .applyMappings(m_owner, MappingBatch{{again}, {}, {{phone.id, phone.version}}, {}});
        QVERIFY(!applied);
        QCOMPARE(applied.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(storedState(), before);
    }

    void unchangedRowsWriteNothing()
    {
        const QStringList before = storedState();
        auto applied = AdminCommands(*m_db, m_clock)
                           .applyMappings(m_owner, MappingBatch{fields(), statuses(), {}, {}});
        QVERIFY_OK(applied);
        QCOMPARE(applied->created + applied->updated + applied->deleted, 0);
        QCOMPARE(storedState(), before);
        QCOMPARE(auditCount(), 0);
    }

    // EditMappings plus the side's own permission, for every row of the batch.
    void sides_data()
    {
        QTest::addColumn<Role>("role");
        QTest::addColumn<QString>("change");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("manager, booking-side field") << Role::OfficeManager << u"timezone"_s << true;
        QTest::newRow("manager, billing-side field") << Role::OfficeManager << u"duration"_s << false;
        QTest::newRow("manager moves a field to billing") << Role::OfficeManager << u"timezone→qbo"_s << false;
        QTest::newRow("manager, new booking-side field") << Role::OfficeManager << u"new email→cal"_s << true;
        QTest::newRow("manager, appointment status") << Role::OfficeManager << u"booked"_s << true;
        QTest::newRow("manager, money status") << Role::OfficeManager << u"paid"_s << false;
        QTest::newRow("manager deletes a money status") << Role::OfficeManager << u"delete paid"_s << false;
        QTest::newRow("bookkeeper, billing-side field") << Role::Bookkeeper << u"duration"_s << true;
        QTest::newRow("bookkeeper, money status") << Role::Bookkeeper << u"paid"_s << true;
        QTest::newRow("bookkeeper deletes a money status") << Role::Bookkeeper << u"delete paid"_s << true;
        QTest::newRow("bookkeeper, booking-side field") << Role::Bookkeeper << u"timezone"_s << false;
        QTest::newRow("bookkeeper, appointment status") << Role::Bookkeeper << u"booked"_s << false;
        QTest::newRow("owner, both") << Role::Owner << u"duration"_s << true;
        QTest::newRow("viewer") << Role::Viewer << u"timezone"_s << false;
    }

    void sides()
    {
        QFETCH(Role, role);
        QFETCH(QString, change);
        QFETCH(bool, allowed);
        MappingBatch batch;
        QString named; // what a refusal must name
        if (change == u"timezone"_s) {
            FieldMapping m = field(u"timezone"_s, System::HubSpot);
            m.targetPath = u"deal.concord_zone"_s;
            batch.fields = {m};
            named = u"'timezone' (Cal.com → HubSpot) is a booking-side mapping"_s;
        } else if (change == u"timezone→qbo"_s) {
            FieldMapping m = field(u"timezone"_s, System::HubSpot);
            m.targetSystem = System::QuickBooks;
            batch.fields = {m};
            named = u"'timezone' (Cal.com → QuickBooks) is a billing-side mapping"_s;
        } else if (change == u"duration"_s) {
            FieldMapping m = field(u"duration"_s, System::QuickBooks);
            m.enabled = false;
            batch.fields = {m};
            named = u"'duration' (Cal.com → QuickBooks) is a billing-side mapping"_s;
        } else if (change == u"new email→cal"_s) {
            batch.fields = {newField(u"email"_s, System::HubSpot, System::CalCom, System::HubSpot, u"email"_s)};
        } else if (change == u"booked"_s) {
            StatusMapping m = status(StatusDomain::Appointment, u"booked"_s, StatusAction::DealStage);
            m.targetValue = u"qualifiedtobuy"_s;
            batch.statuses = {m};
            named = u"'booked' (deal stage in HubSpot) is a booking-side mapping"_s;
        } else if (change == u"paid"_s) {
            StatusMapping m = status(StatusDomain::Money, u"paid"_s, StatusAction::DealStage);
            m.targetValue = u"contractsent"_s;
            batch.statuses = {m};
            named = u"'paid' (deal stage in HubSpot) is a billing-side mapping"_s;
        } else if (change == u"delete paid"_s) {
            const StatusMapping m = status(StatusDomain::Money, u"paid"_s, StatusAction::CloseTasks);
            batch.deletedStatuses = {{m.id, m.version}};
            named = u"'paid' (close tasks in HubSpot) is a billing-side mapping"_s;
        }
        QVERIFY(!batch.isEmpty());
        const QStringList before = storedState();
        auto applied = AdminCommands(*m_db, m_clock).applyMappings(Actor::user(u"p"_s, role), batch);
        QCOMPARE(bool(applied), allowed);
        QCOMPARE(auditCount(), allowed ? batch.size() : 0);
        if (allowed) {
            QVERIFY(storedState() != before);
            return;
        }
        QCOMPARE(storedState(), before);
        QCOMPARE(applied.error().code, ErrorCode::PermissionDenied);
        if (role != Role::Viewer)
            QVERIFY2(applied.error().message.contains(named), qPrintable(applied.error().message));
        else
            QVERIFY2(applied.error().message.contains(u"may not edit mappings"_s), qPrintable(applied.error().message));
    }

    void collectMappingsOffersTheCatalogue()
    {
        auto data = Services::collectMappings(*m_db);
        QVERIFY_OK(data);
        QCOMPARE(rowsOf(data->fields), rowsOf(fields()));
        QCOMPARE(rowsOf(data->statuses), rowsOf(statuses()));
        QCOMPARE(data->knownFields.size(), Sync::knownFields().size());
        QVERIFY(data->fieldType(u"Phone"_s) == std::optional(Sync::ValueType::Phone));
        QCOMPARE(data->transforms.size(), Sync::knownTransforms().size());
        QCOMPARE(data->pathsFor(u"email"_s, System::HubSpot), QStringList{u"contact.email"_s});
        QCOMPARE(data->pathsFor(u"email"_s, System::QuickBooks),
                 QStringList{u"Customer.PrimaryEmailAddr.Address"_s});
        QCOMPARE(data->appointmentStatuses,
                 (QStringList{u"booked"_s, u"rescheduled"_s, u"completed"_s, u"no_show"_s, u"canceled"_s}));
        QCOMPARE(data->moneyStatuses.size(), 7);
        QCOMPARE(data->dealStageIds(),
                 (QStringList{u"appointmentscheduled"_s, u"qualifiedtobuy"_s, u"presentationscheduled"_s,
                              u"decisionmakerboughtin"_s, u"contractsent"_s, u"closedwon"_s, u"closedlost"_s}));
        QCOMPARE(data->taskPlaceholders, Sync::taskPlaceholders());
        // The sides the editor greys out follow the rule AdminCommands applies.
        QVERIFY(Services::mappingSide(field(u"email"_s, System::QuickBooks)) == Permission::EditBilling);
        QVERIFY(Services::mappingSide(field(u"timezone"_s, System::HubSpot)) == Permission::EditBookings);
        QVERIFY(Services::mappingSide(status(StatusDomain::Money, u"paid"_s, StatusAction::DealStage))
                == Permission::EditBilling);
    }

    // The status checks the editor runs on every edit (pure).
    void statusValidation_data()
    {
        QTest::addColumn<QList<StatusMapping>>("mappings");
        QTest::addColumn<QStringList>("problems"); // "row part severity: start of the explanation"
        const auto s = [](StatusDomain d, const QString &name, StatusAction a, const QString &v,
                          System target = System::HubSpot) {
            StatusMapping m = newStatus(d, name, a, v);
            m.targetSystem = target;
            return m;
        };
        const StatusDomain appt = StatusDomain::Appointment;
        const StatusDomain money = StatusDomain::Money;
        QTest::newRow("defaults") << Sync::defaultStatusMappings() << QStringList{};
        QTest::newRow("unknown status")
            << QList{s(appt, u"paid"_s, StatusAction::DealStage, u"closedwon"_s)}
            << QStringList{u"0 status error: 'paid' is not an appointment status"_s};
        QTest::newRow("stage missing")
            << QList{s(money, u"paid"_s, StatusAction::DealStage, u" "_s)}
            << QStringList{u"0 value error: This row moves the deal to a stage but names none"_s};
        QTest::newRow("task without subject")
            << QList{s(money, u"overdue"_s, StatusAction::CreateTask, {})}
            << QStringList{u"0 value error: This row creates a task but gives it no subject"_s};
        QTest::newRow("deal stage in QuickBooks")
            << QList{s(appt, u"booked"_s, StatusAction::DealStage, u"closedwon"_s, System::QuickBooks)}
            << QStringList{u"0 target error: Only HubSpot has deals and tasks"_s};
        QTest::newRow("two stages for one status")
            << QList{s(appt, u"booked"_s, StatusAction::DealStage, u"closedwon"_s),
                     s(appt, u"Booked"_s, StatusAction::DealStage, u"closedlost"_s)}
            << QStringList{u"0 action error: Another row also moves the deal to a stage for 'booked'"_s,
                           u"1 action error: Another row also moves the deal to a stage for 'booked'"_s};
        QTest::newRow("stage and close tasks are fine")
            << QList{s(appt, u"canceled"_s, StatusAction::DealStage, u"closedlost"_s),
                     s(appt, u"canceled"_s, StatusAction::CloseTasks, {})}
            << QStringList{};
        QTest::newRow("unknown placeholder")
            << QList{s(money, u"overdue"_s, StatusAction::CreateTask, u"Call {customer} about {amount}"_s)}
            << QStringList{u"0 value warning: The task subject uses {amount}, which Concord cannot fill in"_s};
        QTest::newRow("unknown stage")
            << QList{s(money, u"paid"_s, StatusAction::DealStage, u"wonwon"_s)}
            << QStringList{u"0 value warning: 'wonwon' is not a stage of the HubSpot pipeline"_s};
        QTest::newRow("value ignored")
            << QList{s(money, u"paid"_s, StatusAction::CloseTasks, u"closedwon"_s)}
            << QStringList{u"0 value warning: This row closes the open tasks, so its value 'closedwon' is not used."_s};
    }

    void statusValidation()
    {
        QFETCH(QList<StatusMapping>, mappings);
        QFETCH(QStringList, problems);
        const QStringList stages{u"appointmentscheduled"_s, u"contractsent"_s, u"closedwon"_s, u"closedlost"_s};
        const QList<MappingProblem> found = Sync::validateStatusMappings(mappings, stages);
        QStringList described;
        for (const MappingProblem &p : found) {
            const QString part = p.part == MappingProblem::Part::Status ? u"status"_s
                : p.part == MappingProblem::Part::Value                 ? u"value"_s
                : p.part == MappingProblem::Part::Target                ? u"target"_s
                : p.part == MappingProblem::Part::Action                ? u"action"_s
                                                                        : u"other"_s;
            described << u"%1 %2 %3: %4"_s.arg(p.row).arg(part,
                                                          p.severity == MappingProblem::Severity::Error ? u"error"_s
                                                                                                        : u"warning"_s,
                                                          p.explanation);
        }
        QCOMPARE(described.size(), problems.size());
        for (int i = 0; i < problems.size(); ++i)
            QVERIFY2(described.at(i).startsWith(problems.at(i)), qPrintable(described.at(i)));
        QCOMPARE(Sync::hasErrors(found), problems.join(u' ').contains(u" error:"_s));
    }

    // The cell a field mapping problem is about (for the editor's marks).
    void fieldProblemParts()
    {
        QList<FieldMapping> rows = Sync::defaultFieldMappings();
        rows[1].transform = u"minutes_to_hours"_s; // email: wrong type
        const QList<MappingProblem> found = Sync::validateFieldMappings(rows);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().row, 1);
        QVERIFY(found.first().part == MappingProblem::Part::Transform);
    }
};

QTEST_GUILESS_MAIN(TestMappingBatch)
#include "tst_mappingbatch.moc"
