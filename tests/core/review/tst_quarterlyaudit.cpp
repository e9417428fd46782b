// The quarterly audit (Review::runQuarterlyAudit) on a real store, both
// engines: mappings changed since the last quarterly review (with who and
// the audit entry), unused mappings by the documented measure, conflicting
// authority; users × permissions with every permission finding present and
// absent (and PostgreSQL logins outside `users`); the PDF cache's size,
// expired, missing and orphan files, and CRM copies of invoice PDFs found by
// SHA-256. Whole results are compared as one line per fact.
#include "../store/storetestsupport.h"

#include "common/clock.h"
#include "review/quarterlyaudit.h"
#include "security/auditlog.h"
#include "store/database.h"
#include "store/operationsrepository.h"
#include "store/rulesrepository.h"
#include "store/userrepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Review;
using namespace Concord::StoreTest;

namespace {

// Monday 30 June 2025, noon UTC.
const QDateTime kNow(QDate(2025, 6, 30), QTime(12, 0), Qt::UTC);

QString sha(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString when(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : u"-"_s;
}

QStringList dump(const MappingAudit &a)
{
    QStringList out{u"since %1 fields %2 statuses %3"_s.arg(when(a.since)).arg(a.fieldMappingCount).arg(a.statusMappingCount)};
    for (const ChangedMapping &c : a.changed)
        out << u"changed %1 %2 by %3 at %4 audit %5 %6 %7 | %8"_s
                   .arg(c.kind == ChangedMapping::Kind::Field ? u"field"_s : u"status"_s, c.subject, c.updatedBy,
                        when(c.updatedAt))
                   .arg(c.auditSeq)
                   .arg(c.auditAction, c.auditActor, c.description);
    for (const UnusedMapping &u : a.unused)
        out << u"unused %1 → %2: %3"_s.arg(u.field, Domain::toString(u.targetSystem), toString(u.reason));
    for (const AuthorityConflict &c : a.conflicts) {
        QStringList ids;
        for (qint64 id : c.mappingIds)
            ids << QString::number(id);
        out << u"conflict %1 %2 rows %3 %4"_s.arg(c.kind == AuthorityConflict::Kind::Field ? u"field"_s : u"status"_s,
                                                 c.subject, ids.join(u','), c.explanation.isEmpty() ? u"(silent)"_s
                                                                                                   : u"explained"_s);
    }
    return out;
}

QStringList dump(const PermissionAudit &a, const QString &rolePrefix = {})
{
    QStringList out;
    for (const UserAccess &u : a.users) {
        QStringList perms;
        for (Security::Permission p : u.permissions)
            perms << Security::toString(p);
        out << u"user %1 %2 signed %3: %4"_s.arg(u.username, Domain::toString(u.role), when(u.lastSignInAt),
                                                 perms.join(u','));
    }
    for (const PermissionFinding &f : a.findings) {
        // Logins are cluster-wide: other suites' roles may exist on a shared server.
        if (f.kind == PermissionFinding::Kind::DatabaseRoleWithoutUser
            && (rolePrefix.isEmpty() || !f.subject.startsWith(rolePrefix)))
            continue;
        out << u"finding %1 %2"_s.arg(toString(f.kind), f.subject);
    }
    return out;
}

QStringList dump(const StorageAudit &s, const QString &dir)
{
    const auto rel = [&dir](const QString &path) { return QDir(dir).relativeFilePath(path); };
    QStringList out{u"retention %1 cached %2/%3 B expired %4/%5 B oldest %6"_s.arg(s.retentionDays)
                        .arg(s.cachedCount)
                        .arg(s.cachedBytes)
                        .arg(s.expiredCount)
                        .arg(s.expiredBytes)
                        .arg(when(s.oldestFetchedAt))};
    for (const QString &m : s.missingFiles)
        out << u"missing "_s + rel(m);
    for (const QString &o : s.orphanFiles)
        out << u"orphan "_s + rel(o);
    out << u"orphan bytes %1 crm %2 scanned %3 wasted %4"_s.arg(s.orphanBytes)
               .arg(s.crmScanned ? u"yes"_s : u"no"_s)
               .arg(s.crmFilesScanned)
               .arg(s.wastedBytes);
    for (const DuplicateGroup &g : s.duplicates) {
        QStringList copies;
        for (const CrmFileCopy &c : g.copies)
            copies << u"%1[%2|%3]"_s.arg(c.fileId, c.noteIds.join(u','), c.attachedTo.join(u','));
        out << u"duplicate invoice %1 (%2, %3) wasted %4: %5"_s.arg(g.invoiceId)
                   .arg(g.invoiceNumber, g.customerId)
                   .arg(g.wastedBytes)
                   .arg(copies.join(u' '));
    }
    return out;
}

} // namespace

class TestQuarterlyAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { quietStoreLog(); }
    void init();
    void cleanup();

    void mappingsNeverReviewed();
    void mappingsSinceLastReview();
    void authorityConflicts_data();
    void authorityConflicts();
    void permissionsClean();
    void permissionsFindings();
    void databaseLoginsWithoutUser();
    void storage();
    void storageWithoutCacheOrScan();
    void wholeAuditAndJson();
    void humanSizes_data();
    void humanSizes();

private:
    FieldMapping saveField(const QString &field, System source, System target, System authority, bool enabled = true,
                           const QString &by = u"olga"_s);
    StatusMapping saveStatus(const QString &status, StatusAction action, const QString &value = {});
    User addUser(const QString &name, Role role, std::optional<QDateTime> signedInAt);
    qint64 addInvoice(const QString &docNumber);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
};

void TestQuarterlyAudit::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = openMigrated(*m_dir);
    STORE_VERIFY_OK(db);
    m_db = std::move(*db);
    m_clock = std::make_unique<ManualClock>(kNow.addDays(-200));
}

void TestQuarterlyAudit::cleanup()
{
    m_db.reset();
    m_clock.reset();
    m_dir.reset();
}

FieldMapping TestQuarterlyAudit::saveField(const QString &field, System source, System target, System authority,
                                           bool enabled, const QString &by)
{
    FieldMapping m;
    m.field = field;
    m.sourceSystem = source;
    m.targetSystem = target;
    m.authoritativeSystem = authority;
    m.transform = u"identity"_s;
    m.enabled = enabled;
    m.updatedBy = by;
    Store::RulesRepository rules(*m_db, *m_clock);
    auto saved = rules.saveFieldMapping(m);
    if (!saved)
        qWarning() << saved.error().toString();
    return saved.value_or(FieldMapping{});
}

StatusMapping TestQuarterlyAudit::saveStatus(const QString &status, StatusAction action, const QString &value)
{
    StatusMapping m;
    m.domain = StatusDomain::Money;
    m.status = status;
    m.targetSystem = System::HubSpot;
    m.action = action;
    m.targetValue = value;
    m.updatedBy = u"bea"_s;
    Store::RulesRepository rules(*m_db, *m_clock);
    auto saved = rules.saveStatusMapping(m);
    if (!saved)
        qWarning() << saved.error().toString();
    return saved.value_or(StatusMapping{});
}

User TestQuarterlyAudit::addUser(const QString &name, Role role, std::optional<QDateTime> signedInAt)
{
    Store::UserRepository users(*m_db, *m_clock);
    User u;
    u.username = name;
    u.displayName = name.toUpper();
    u.role = role;
    auto created = users.create(u);
    if (!created) {
        qWarning() << created.error().toString();
        return {};
    }
    if (signedInAt) {
        ManualClock at(*signedInAt);
        Store::UserRepository signer(*m_db, at);
        if (auto ok = signer.recordSignIn(created->id); !ok)
            qWarning() << ok.error().toString();
    }
    return *users.get(created->id);
}

qint64 TestQuarterlyAudit::addInvoice(const QString &docNumber)
{
    const qint64 ms = kNow.toMSecsSinceEpoch();
    if (auto ok = m_db->exec(u"INSERT INTO customers (id, display_name, created_at, updated_at) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT (id) DO NOTHING"_s,
                             {u"cus_ada"_s, u"Ada Park"_s, ms, ms});
        !ok)
        qWarning() << ok.error().toString();
    auto id = m_db->insert(u"INSERT INTO invoices (customer_id, quickbooks_id, doc_number, currency, status, "
                           "created_at, updated_at) VALUES (?, ?, ?, 'USD', 'invoiced', ?, ?) RETURNING id"_s,
                           {u"cus_ada"_s, u"qbo-"_s + docNumber, docNumber, ms, ms});
    if (!id)
        qWarning() << id.error().toString();
    return id.value_or(0);
}

// Before any quarterly review everything counts as changed; each unused
// reason appears once; a mapping edited through Concord names its audit entry.
void TestQuarterlyAudit::mappingsNeverReviewed()
{
    const FieldMapping email = saveField(u"email"_s, System::CalCom, System::HubSpot, System::CalCom);
    m_clock->advanceSecs(60);
    const FieldMapping phone = saveField(u"phone"_s, System::CalCom, System::HubSpot, System::CalCom, false, u"bea"_s);
    m_clock->advanceSecs(60);
    const FieldMapping color = saveField(u"favourite_colour"_s, System::CalCom, System::HubSpot, System::CalCom);
    m_clock->advanceSecs(60);
    const StatusMapping paid = saveStatus(u"paid"_s, StatusAction::CloseTasks);
    QVERIFY(email.id && phone.id && color.id && paid.id);
    Security::AuditLog audit(*m_db, *m_clock);
    auto entry = audit.append(Security::Actor::user(u"olga"_s, Role::Owner), u"mapping.field.create"_s,
                              u"field_mapping"_s, QString::number(email.id), {}, QJsonObject{{u"field"_s, u"email"_s}});
    STORE_VERIFY_OK(entry);
    // Something was delivered, but no customer: e-mail carried nothing.
    Store::OperationsRepository ops(*m_db, *m_clock);
    SyncLogEntry e;
    e.system = System::HubSpot;
    e.direction = u"out"_s;
    e.entityType = u"appointment"_s;
    e.action = u"deal.update"_s;
    e.outcome = u"ok"_s;
    STORE_VERIFY_OK(ops.appendLog(e));

    auto result = auditMappings(*m_db, kNow);
    STORE_VERIFY_OK(result);
    const QString t0 = when(kNow.addDays(-200));
    const QStringList expected{
        u"since - fields 3 statuses 1"_s,
        u"changed status money/paid by bea at %1 audit 0   | HubSpot: close_tasks"_s.arg(when(kNow.addDays(-200).addSecs(180))),
        u"changed field favourite_colour by olga at %1 audit 0   | Cal.com → HubSpot (authority Cal.com)"_s.arg(
            when(kNow.addDays(-200).addSecs(120))),
        u"changed field phone by bea at %1 audit 0   | Cal.com → HubSpot (authority Cal.com), disabled"_s.arg(
            when(kNow.addDays(-200).addSecs(60))),
        u"changed field email by olga at %1 audit %2 mapping.field.create olga | Cal.com → HubSpot (authority Cal.com)"_s
            .arg(t0)
            .arg(entry->seq),
        u"unused email → hubspot: nothing_carried"_s,
        u"unused favourite_colour → hubspot: unknown_field"_s,
        u"unused phone → hubspot: disabled"_s,
    };
    QCOMPARE(dump(*result), expected);
}

// After a quarterly review only later edits count, and only deliveries
// after it make a mapping "used".
void TestQuarterlyAudit::mappingsSinceLastReview()
{
    const User olga = addUser(u"olga"_s, Role::Owner, kNow);
    const FieldMapping email = saveField(u"email"_s, System::CalCom, System::HubSpot, System::CalCom);
    const FieldMapping due = saveField(u"due_date"_s, System::QuickBooks, System::HubSpot, System::QuickBooks);
    const FieldMapping staff = saveField(u"staff_owner"_s, System::CalCom, System::HubSpot, System::CalCom);

    Store::OperationsRepository ops(*m_db, *m_clock);
    ReviewSchedule quarterly;
    quarterly.cadence = ReviewCadence::Quarterly;
    quarterly.ownerUserId = olga.id;
    quarterly.nextDue = kNow.date().addDays(-100);
    auto scheduleId = ops.saveReviewSchedule(quarterly);
    STORE_VERIFY_OK(scheduleId);
    // An invoice delivered before the review does not count after it.
    SyncLogEntry before;
    before.at = kNow.addDays(-120);
    before.system = System::HubSpot;
    before.direction = u"out"_s;
    before.entityType = u"invoice"_s;
    before.action = u"deal.update"_s;
    before.outcome = u"ok"_s;
    STORE_VERIFY_OK(ops.appendLog(before));

    const QDateTime reviewedAt = kNow.addDays(-100);
    ReviewRun run;
    run.scheduleId = *scheduleId;
    run.completedByUserId = olga.id;
    run.completedAt = reviewedAt;
    STORE_VERIFY_OK(ops.completeReview(run, kNow.date().addDays(-10)));

    m_clock->setNow(kNow.addDays(-50));
    FieldMapping edited = staff;
    edited.transform = u"identity"_s;
    edited.updatedBy = u"otto"_s;
    Store::RulesRepository rules(*m_db, *m_clock);
    STORE_VERIFY_OK(rules.saveFieldMapping(edited));

    SyncLogEntry customer = before;
    customer.at = kNow.addDays(-20);
    customer.entityType = u"customer"_s;
    STORE_VERIFY_OK(ops.appendLog(customer));
    SyncLogEntry failed = customer;
    failed.entityType = u"appointment"_s;
    failed.outcome = u"error"_s; // a failure carried nothing
    STORE_VERIFY_OK(ops.appendLog(failed));

    auto result = auditMappings(*m_db, kNow);
    STORE_VERIFY_OK(result);
    const QStringList expected{
        u"since %1 fields 3 statuses 0"_s.arg(when(reviewedAt)),
        u"changed field staff_owner by otto at %1 audit 0   | Cal.com → HubSpot (authority Cal.com)"_s.arg(
            when(kNow.addDays(-50))),
        u"unused due_date → hubspot: nothing_carried"_s,
        u"unused staff_owner → hubspot: nothing_carried"_s,
    };
    QCOMPARE(dump(*result), expected);
    Q_UNUSED(email);
    Q_UNUSED(due);
}

void TestQuarterlyAudit::authorityConflicts_data()
{
    QTest::addColumn<bool>("conflicting");
    QTest::newRow("agreeing") << false;
    QTest::newRow("conflicting") << true;
}

void TestQuarterlyAudit::authorityConflicts()
{
    QFETCH(bool, conflicting);
    const FieldMapping email = saveField(u"email"_s, System::CalCom, System::HubSpot, System::CalCom);
    const StatusMapping close = saveStatus(u"paid"_s, StatusAction::CloseTasks);
    QStringList expected{u"since - fields %1 statuses %2"_s.arg(conflicting ? 3 : 1).arg(conflicting ? 2 : 1)};
    if (conflicting) {
        // E-mail owned by HubSpot in a second row, and a phone row whose
        // authority is neither its source nor its target.
        const FieldMapping email2 = saveField(u"email"_s, System::HubSpot, System::QuickBooks, System::HubSpot);
        const FieldMapping phone = saveField(u"phone"_s, System::CalCom, System::HubSpot, System::QuickBooks);
        const StatusMapping open = saveStatus(u"paid"_s, StatusAction::CreateTask, u"Thank {customer}"_s);
        QVERIFY(email2.id && phone.id && open.id);
        auto result = auditMappings(*m_db, kNow);
        STORE_VERIFY_OK(result);
        const QStringList rows = dump(*result).filter(u"conflict "_s);
        // Whatever else the validator says, each conflict is named.
        QVERIFY2(rows.contains(u"conflict field email rows %1 explained"_s.arg(email.id))
                     || rows.contains(u"conflict field email rows %1 explained"_s.arg(email2.id)),
                 qPrintable(rows.join(u'\n')));
        QVERIFY2(rows.contains(u"conflict field phone rows %1 explained"_s.arg(phone.id)), qPrintable(rows.join(u'\n')));
        QCOMPARE(rows.last(), u"conflict status money/paid rows %1,%2 explained"_s.arg(close.id).arg(open.id));
        for (const QString &row : rows)
            QVERIFY2(row.contains(u"email"_s) || row.contains(u"phone"_s) || row.contains(u"money/paid"_s), qPrintable(row));
        return;
    }
    auto result = auditMappings(*m_db, kNow);
    STORE_VERIFY_OK(result);
    QCOMPARE(result->conflicts, QList<AuthorityConflict>());
}

// One owner, one bookkeeper, both signed in lately: nothing to say.
void TestQuarterlyAudit::permissionsClean()
{
    addUser(u"olga"_s, Role::Owner, kNow.addDays(-2));
    addUser(u"bea"_s, Role::Bookkeeper, kNow.addDays(-89));
    auto result = auditPermissions(*m_db, kNow, {});
    STORE_VERIFY_OK(result);
    const QStringList expected{
        u"user bea bookkeeper signed %1: view,edit_billing,edit_mappings,complete_reviews"_s.arg(when(kNow.addDays(-89))),
        u"user olga owner signed %1: "_s.arg(when(kNow.addDays(-2))),
    };
    const QStringList got = dump(*result, u"-"_s);
    QCOMPARE(got.size(), expected.size());
    QCOMPARE(got.at(0), expected.at(0));
    QVERIFY2(got.at(1).startsWith(expected.at(1)), qPrintable(got.at(1)));
    QCOMPARE(result->databaseRolesChecked, onPostgres());
}

void TestQuarterlyAudit::permissionsFindings()
{
    addUser(u"olga"_s, Role::Owner, kNow.addDays(-2));
    addUser(u"oscar"_s, Role::Owner, kNow.addDays(-100));
    addUser(u"mia"_s, Role::OfficeManager, std::nullopt);
    addUser(u"bea"_s, Role::Bookkeeper, kNow.addDays(-1));
    addUser(u"vic"_s, Role::Viewer, kNow.addDays(-1));
    User gone = addUser(u"gus"_s, Role::Bookkeeper, kNow.addDays(-300));
    gone.active = false;
    Store::UserRepository users(*m_db, *m_clock);
    STORE_VERIFY_OK(users.update(gone));

    auto result = auditPermissions(*m_db, kNow, {});
    STORE_VERIFY_OK(result);
    const QStringList got = dump(*result, u"-"_s).filter(u"finding "_s);
    const QStringList expected{
        u"finding several_owners olga, oscar"_s,
        u"finding too_many_editors bea, mia, olga, oscar"_s,
        u"finding never_signed_in mia"_s,
        u"finding not_signed_in_recently oscar"_s,
        u"finding inactive_with_role gus"_s,
    };
    QCOMPARE(got, expected);
    QStringList listed;
    for (const UserAccess &u : result->users)
        listed << u.username;
    QCOMPARE(listed, (QStringList{u"bea"_s, u"mia"_s, u"olga"_s, u"oscar"_s, u"vic"_s})); // gus is inactive
    // Raising the limits makes the count findings go away.
    QuarterlyAuditOptions lenient;
    lenient.maxEditors = 4;
    lenient.signInStaleDays = 120;
    auto relaxed = auditPermissions(*m_db, kNow, lenient);
    STORE_VERIFY_OK(relaxed);
    QCOMPARE(dump(*relaxed, u"-"_s).filter(u"finding "_s),
             (QStringList{u"finding several_owners olga, oscar"_s, u"finding never_signed_in mia"_s,
                          u"finding inactive_with_role gus"_s}));
}

void TestQuarterlyAudit::databaseLoginsWithoutUser()
{
    if (!onPostgres()) {
        auto result = auditPermissions(*m_db, kNow, {});
        STORE_VERIFY_OK(result);
        QVERIFY(!result->databaseRolesChecked);
        return;
    }
    const QString role = u"qa_orphan_%1"_s.arg(QRandomGenerator::global()->generate() % 1000000);
    const QString user = u"qa_user_%1"_s.arg(QRandomGenerator::global()->generate() % 1000000);
    STORE_VERIFY_OK(m_db->execDirect(u"CREATE ROLE %1 LOGIN"_s.arg(role)));
    STORE_VERIFY_OK(m_db->execDirect(u"GRANT concord_viewer TO %1"_s.arg(role)));
    STORE_VERIFY_OK(m_db->execDirect(u"CREATE ROLE %1 LOGIN"_s.arg(user)));
    STORE_VERIFY_OK(m_db->execDirect(u"GRANT concord_bookkeeper TO %1"_s.arg(user)));
    addUser(user, Role::Bookkeeper, kNow);
    auto result = auditPermissions(*m_db, kNow, {});
    const auto dropped = [&] {
        (void)m_db->execDirect(u"DROP ROLE IF EXISTS %1"_s.arg(role));
        (void)m_db->execDirect(u"DROP ROLE IF EXISTS %1"_s.arg(user));
    };
    if (!result)
        dropped();
    STORE_VERIFY_OK(result);
    const QStringList gotOrphan = dump(*result, role).filter(u"database_role"_s);
    const QStringList gotUser = dump(*result, user).filter(u"database_role"_s);
    dropped();
    QVERIFY(result->databaseRolesChecked);
    QCOMPARE(gotOrphan, QStringList{u"finding database_role_without_user "_s + role});
    QCOMPARE(gotUser, QStringList()); // a login that is a Concord user is fine
}

void TestQuarterlyAudit::storage()
{
    QTemporaryDir cache;
    QVERIFY(cache.isValid());
    const auto write = [&cache](const QString &rel, const QByteArray &bytes) {
        const QString path = cache.filePath(rel);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qWarning() << "cannot write" << path;
        return path;
    };
    const QByteArray pdfA = "%PDF-1.7 invoice 1042, balance 65.00";
    const QByteArray pdfB = "%PDF-1.7 invoice 1043, old";
    const QByteArray pdfC = "%PDF-1.7 invoice 1044, file gone";
    const QByteArray orphan = "%PDF-1.7 nobody's";
    const qint64 inv1042 = addInvoice(u"1042"_s);
    const qint64 inv1043 = addInvoice(u"1043"_s);
    const qint64 inv1044 = addInvoice(u"1044"_s);
    Store::OperationsRepository ops(*m_db, *m_clock);
    const auto attach = [&](qint64 invoice, const QByteArray &bytes, const QString &path, const QDateTime &fetched,
                            const QDateTime &expires) {
        Attachment a;
        a.sha256Hex = sha(bytes);
        a.invoiceId = invoice;
        a.sizeBytes = bytes.size();
        a.storagePath = path;
        a.fetchedAt = fetched;
        a.expiresAt = expires;
        return ops.saveAttachment(a);
    };
    const QString pathA = write(sha(pdfA).left(2) + u'/' + sha(pdfA) + u".pdf"_s, pdfA);
    const QString pathB = write(sha(pdfB).left(2) + u'/' + sha(pdfB) + u".pdf"_s, pdfB);
    const QString pathC = cache.filePath(sha(pdfC).left(2) + u'/' + sha(pdfC) + u".pdf"_s);
    write(u"ff/orphan.pdf"_s, orphan);
    write(u"ff/"_s + sha(orphan) + u".pdf.Ab12Cd"_s, "partial"); // a QSaveFile in progress
    STORE_VERIFY_OK(attach(inv1042, pdfA, pathA, kNow.addDays(-10), kNow.addDays(355)));
    STORE_VERIFY_OK(attach(inv1043, pdfB, pathB, kNow.addDays(-400), kNow.addDays(-35)));
    STORE_VERIFY_OK(attach(inv1044, pdfC, pathC, kNow.addDays(-5), QDateTime()));

    QuarterlyAuditOptions options;
    options.cacheDirectory = cache.path();
    options.retentionDays = 365;
    const QByteArray lonely = "%PDF-1.7 a brochure";
    const QByteArray twin = "%PDF-1.7 a price list";
    options.crmFiles = QList<CrmFileCopy>{
        {u"900"_s, u"INV-1042"_s, pdfA.size(), sha(pdfA), kNow, {u"51"_s}, {u"contact 101"_s, u"deal 7"_s}},
        {u"901"_s, u"invoice 1042 copy"_s, pdfA.size(), sha(pdfA), kNow, {}, {}},
        {u"902"_s, u"price list"_s, twin.size(), sha(twin), kNow, {u"52"_s}, {u"contact 102"_s}},
        {u"903"_s, u"price list (1)"_s, twin.size(), sha(twin), kNow, {}, {}},
        {u"904"_s, u"brochure"_s, lonely.size(), sha(lonely), kNow, {}, {}},
        {u"905"_s, u"INV-1043 edited"_s, pdfB.size() + 1, sha(pdfB + "x"), kNow, {}, {}}, // different bytes
    };

    auto result = auditStorage(*m_db, kNow, options);
    STORE_VERIFY_OK(result);
    const qint64 total = pdfA.size() + pdfB.size() + pdfC.size();
    const QStringList expected{
        u"retention 365 cached 3/%1 B expired 1/%2 B oldest %3"_s.arg(total).arg(pdfB.size()).arg(
            when(kNow.addDays(-400))),
        u"missing "_s + QDir(cache.path()).relativeFilePath(pathC),
        u"orphan ff/orphan.pdf"_s,
        u"orphan bytes %1 crm yes scanned 6 wasted %2"_s.arg(orphan.size()).arg(2 * pdfA.size() + twin.size()),
        u"duplicate invoice %1 (1042, cus_ada) wasted %2: 900[51|contact 101,deal 7] 901[|]"_s.arg(inv1042).arg(
            2 * pdfA.size()),
        u"duplicate invoice 0 (, ) wasted %1: 902[52|contact 102] 903[|]"_s.arg(twin.size()),
    };
    QCOMPARE(dump(*result, cache.path()), expected);
    QVERIFY(result->duplicates.first().advice.contains(u"never deletes"_s));
}

void TestQuarterlyAudit::storageWithoutCacheOrScan()
{
    auto result = auditStorage(*m_db, kNow, {});
    STORE_VERIFY_OK(result);
    StorageAudit expected;
    expected.retentionDays = 365;
    QCOMPARE(*result, expected);
}

void TestQuarterlyAudit::wholeAuditAndJson()
{
    addUser(u"olga"_s, Role::Owner, std::nullopt);
    const FieldMapping email = saveField(u"email"_s, System::CalCom, System::HubSpot, System::CalCom, false);
    QVERIFY(email.id);
    QuarterlyAuditOptions options;
    options.crmFiles = QList<CrmFileCopy>{};
    auto audit = runQuarterlyAudit(*m_db, Security::Actor::user(u"vic"_s, Role::Viewer), options, kNow);
    STORE_VERIFY_OK(audit);
    QCOMPARE(audit->generatedAt, kNow);
    QCOMPARE(audit->findingCount(), 2); // email disabled; olga never signed in
    const QJsonObject json = audit->toJson();
    QCOMPARE(json.value(u"kind"_s).toString(), u"quarterly"_s);
    QCOMPARE(json.value(u"findingCount"_s).toInt(), 2);
    QCOMPARE(json.value(u"generatedAt"_s).toString(), u"2025-06-30T12:00:00.000Z"_s);
    const QJsonObject mappings = json.value(u"mappings"_s).toObject();
    QCOMPARE(mappings.value(u"unused"_s).toArray().first().toObject().value(u"reason"_s).toString(), u"disabled"_s);
    QCOMPARE(mappings.value(u"changed"_s).toArray().size(), 1);
    const QJsonObject permissions = json.value(u"permissions"_s).toObject();
    QCOMPARE(permissions.value(u"findings"_s).toArray().first().toObject().value(u"kind"_s).toString(),
             u"never_signed_in"_s);
    QCOMPARE(permissions.value(u"users"_s).toArray().first().toObject().value(u"username"_s).toString(), u"olga"_s);
    const QJsonObject storage = json.value(u"storage"_s).toObject();
    QCOMPARE(storage.value(u"crmScanned"_s).toBool(), true);
    QCOMPARE(storage.value(u"duplicates"_s).toArray().size(), 0);
}

void TestQuarterlyAudit::humanSizes_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << u"0 B"_s;
    QTest::newRow("bytes") << qint64(1023) << u"1023 B"_s;
    QTest::newRow("1 KiB") << qint64(1024) << u"1.0 KiB"_s;
    QTest::newRow("1.5 KiB") << qint64(1536) << u"1.5 KiB"_s;
    QTest::newRow("just under 1 MiB") << qint64(1024 * 1024 - 1) << u"1024.0 KiB"_s;
    QTest::newRow("1.4 MiB") << qint64(1468006) << u"1.4 MiB"_s;
    QTest::newRow("2 GiB") << qint64(2) * 1024 * 1024 * 1024 << u"2.0 GiB"_s;
}

void TestQuarterlyAudit::humanSizes()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, text);
    QCOMPARE(humanSize(bytes), text);
}

QTEST_GUILESS_MAIN(TestQuarterlyAudit)
#include "tst_quarterlyaudit.moc"
