// concord-test: postgresql-only
//
// Team mode's users and roles, enforced by PostgreSQL itself (issue 8;
// docs/team-users.md; schema version 7 in core/store/migrations.cpp).
//
// An owner adds bea (bookkeeper), omar (office manager) and vic (viewer)
// through Concord's command. Then each of them acts as a *modified client*
// would: a raw connection signed in with their own password, issuing SQL
// directly, with none of Concord's checks in the way — and the server must
// refuse what their role may not do. The same people signed in through
// Concord's own commands get their work done, audited under their own name.
//
// PostgreSQL roles are cluster-wide and the test server is shared by every
// test program ctest runs in parallel: the people of this suite carry the
// suffix of this suite's database ("bea_t1234_1"), and their login roles are
// dropped in cleanupTestCase().

#include "domain/rules.h"
#include "domain/user.h"
#include "security/auditlog.h"
#include "security/permissions.h"
#include "security/scramverifier.h"
#include "services/admincommands.h"
#include "services/backend.h"
#include "store/database.h"
#include "store/storeurl.h"
#include "store/userrepository.h"
#include "teststore.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Security;
using Concord::Services::AdminCommands;

class TestTeamRoles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void scramVerifierMatchesPostgres();
    void ownerAddedEveryoneThroughTheCommand();
    void modifiedClientIsRefused_data();
    void modifiedClientIsRefused();
    void wrongPasswordIsRefused();
    void forgedActorIsRefusedByTheDatabase();
    void commandsActAsTheSignedInPerson();
    void desktopBackendOpensAsTheSignedInPerson();
    void sessionUserWithoutUsersRowActsAsNobody();
    void onlyAnOwnerChangesRoles();
    void lastActiveOwnerStays();
    void passwordChanges();
    void deactivatedUserCannotSignIn();

private:
    QString user(const QString &base) const { return base + u'_' + m_suffix; }
    // The store URL signed in as `username` with `password`.
    Store::StoreUrl urlAs(const QString &username, const QString &password) const;
    // A modified client: a raw connection as that person.
    QSqlDatabase rawAs(const QString &username, const QString &password, const QString &connection);
    // Runs `sql` as `who` inside a transaction that is rolled back, so the
    // fixture stays as seeded. Returns "" when it ran, else the SQLSTATE.
    QString attempt(const QString &who, const QString &sql);
    std::unique_ptr<Store::Database> signIn(const QString &username, const QString &password);
    QString adminScalar(const QString &sql);

    QTemporaryDir m_dir;
    QString m_url;      // the suite's database, as concord_test (schema owner)
    QString m_suffix;   // "t1234_1"
    std::unique_ptr<Store::Database> m_admin;
    QHash<QString, QString> m_passwords; // username → password
    QStringList m_roles;                 // login roles to drop at the end
    QStringList m_rawConnections;
    qint64 m_proposalId = 0;
};

Store::StoreUrl TestTeamRoles::urlAs(const QString &username, const QString &password) const
{
    auto url = Store::StoreUrl::parse(m_url);
    Store::StoreUrl out = url.value_or(Store::StoreUrl{});
    out.user = username;
    out.password = password;
    return out;
}

QSqlDatabase TestTeamRoles::rawAs(const QString &username, const QString &password, const QString &connection)
{
    const Store::StoreUrl url = urlAs(username, password);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
    db.setHostName(url.host);
    db.setPort(url.port);
    db.setDatabaseName(url.database);
    db.setUserName(username);
    db.setPassword(password);
    db.setConnectOptions(u"connect_timeout=10"_s);
    db.open();
    m_rawConnections << connection;
    return db;
}

QString TestTeamRoles::attempt(const QString &who, const QString &sql)
{
    const QString connection = u"raw-"_s + who;
    QSqlDatabase db = QSqlDatabase::contains(connection) ? QSqlDatabase::database(connection)
                                                         : rawAs(who, m_passwords.value(who), connection);
    if (!db.isOpen())
        return u"cannot sign in: "_s + db.lastError().text();
    QSqlQuery q(db);
    if (!q.exec(u"BEGIN"_s))
        return u"BEGIN failed: "_s + q.lastError().text();
    const bool ok = q.exec(sql);
    const QString state = ok ? QString() : q.lastError().nativeErrorCode();
    if (!ok)
        qDebug().noquote() << who << "refused:" << q.lastError().databaseText();
    q.finish();
    QSqlQuery(db).exec(u"ROLLBACK"_s);
    return state;
}

std::unique_ptr<Store::Database> TestTeamRoles::signIn(const QString &username, const QString &password)
{
    auto db = Store::Database::open(urlAs(username, password));
    if (!db) {
        qWarning().noquote() << "sign-in failed:" << db.error().toString();
        return nullptr;
    }
    return std::move(*db);
}

QString TestTeamRoles::adminScalar(const QString &sql)
{
    auto v = m_admin->scalar(sql);
    return v ? v->toString() : u"<error: "_s + v.error().toString() + u">"_s;
}

void TestTeamRoles::initTestCase()
{
    QVERIFY(Test::onPostgres());
    QVERIFY(m_dir.isValid());
    m_url = Test::testStoreUrl(m_dir, u"team"_s, true);
    auto admin = Store::Database::open(m_url);
    QVERIFY2(admin, qPrintable(admin ? QString() : admin.error().toString()));
    m_admin = std::move(*admin);
    m_suffix = m_admin->url().database.section(u'_', 1); // concord_t1234_1 → t1234_1
    QVERIFY(!m_suffix.isEmpty());

    // Setting a team up (docs/team-users.md): the schema's owner creates the
    // first owner with SQL; everyone else is added by an owner in Concord.
    const QString olivia = user(u"olivia"_s);
    m_passwords.insert(olivia, u"olivia-secret"_s);
    m_roles << olivia;
    auto first = m_admin->scalar(u"SELECT concord_create_user(?, ?, 'owner', ?)"_s,
                                 {olivia, u"Olivia Owner"_s, scramSha256Verifier(m_passwords.value(olivia))});
    QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));

    auto ownerDb = signIn(olivia, m_passwords.value(olivia));
    QVERIFY(ownerDb);
    AdminCommands commands(*ownerDb);
    auto owner = commands.actingOsUser();
    QVERIFY2(owner, qPrintable(owner ? QString() : owner.error().toString()));
    QCOMPARE(owner->username, olivia);
    QCOMPARE(Domain::toString(owner->role), Domain::toString(Role::Owner));
    const struct {
        QString base;
        Role role;
    } people[] = {{u"bea"_s, Role::Bookkeeper}, {u"omar"_s, Role::OfficeManager}, {u"vic"_s, Role::Viewer},
                  {u"otto"_s, Role::OfficeManager}};
    for (const auto &p : people) {
        User u;
        u.username = user(p.base);
        u.displayName = p.base;
        u.role = p.role;
        const QString password = p.base + u"-pässword 1"_s; // non-ASCII: SASLprep must agree with libpq
        m_passwords.insert(u.username, password);
        m_roles << u.username;
        auto created = commands.createUserWithPassword(*owner, u, password);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
        QCOMPARE(Domain::toString(created->role), Domain::toString(p.role));
    }
    // concord-syncd's login: a member of concord_service (made by the DBA).
    const QString syncd = user(u"syncd"_s);
    m_passwords.insert(syncd, u"syncd-secret"_s);
    m_roles << syncd;
    QVERIFY(m_admin->execDirect(u"CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE concord_service"_s.arg(
        syncd, m_passwords.value(syncd))));

    // What the refusals aim at, seeded as the schema's owner.
    for (const QString &sql : {
             u"INSERT INTO customers (id, display_name, created_at, updated_at) VALUES ('c1', 'Ann', 0, 0), "
             "('c2', 'Ann B', 0, 0)"_s,
             u"INSERT INTO field_mappings (field, source_system, target_system, authoritative_system, updated_by, "
             "updated_at) VALUES ('email', 'calcom', 'hubspot', 'calcom', 'seed', 0), "
             "('email', 'hubspot', 'quickbooks', 'hubspot', 'seed', 0)"_s,
             u"INSERT INTO status_mappings (domain, status, target_system, action, updated_by, updated_at) VALUES "
             "('appointment', 'booked', 'hubspot', 'deal_stage', 'seed', 0), "
             "('money', 'overdue', 'hubspot', 'create_task', 'seed', 0)"_s,
             u"INSERT INTO tax_rules (tax_code, updated_by, updated_at) VALUES ('TAX', 'seed', 0)"_s,
             u"INSERT INTO outbox_jobs (target_system, operation, entity_type, entity_id, idempotency_key, state, "
             "next_attempt_at, created_at, updated_at) VALUES ('hubspot', 'hubspot.contact.ensure', 'customer', 'c1', "
             "'k1', 'failed', 0, 0, 0)"_s,
         }) {
        auto ok = m_admin->exec(sql);
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().toString()));
    }
    auto proposal = m_admin->insert(u"INSERT INTO merge_proposals (survivor_id, merged_ids, proposed_by, proposed_at) "
                                    "VALUES ('c1', '[\"c2\"]', ?, 0) RETURNING id"_s,
                                    {user(u"omar"_s)});
    QVERIFY(proposal);
    m_proposalId = *proposal;
}

void TestTeamRoles::cleanupTestCase()
{
    for (const QString &name : std::as_const(m_rawConnections)) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
    m_rawConnections.clear();
    if (!m_admin)
        return;
    // Roles outlive the database: drop this suite's people (their sessions
    // first, or DROP ROLE would leave them running).
    for (const QString &role : std::as_const(m_roles)) {
        (void)m_admin->scalar(u"SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = ?"_s,
                              {role});
        auto dropped = m_admin->execDirect(u"DROP ROLE IF EXISTS %1"_s.arg(role));
        if (!dropped)
            qWarning().noquote() << "cannot drop role" << role << dropped.error().toString();
    }
    m_admin.reset();
}

void TestTeamRoles::scramVerifierMatchesPostgres()
{
    // PostgreSQL hashes a cleartext password itself; Concord's verifier from
    // the same salt and iterations must be the very same string (a
    // non-ASCII password: SASLprep on both sides agrees).
    const QString role = user(u"scram"_s);
    m_roles << role;
    const QString password = u"pässword 1"_s;
    QVERIFY(m_admin->execDirect(u"CREATE ROLE %1 PASSWORD '%2'"_s.arg(role, password)));
    const QString stored = adminScalar(u"SELECT rolpassword FROM pg_authid WHERE rolname = '%1'"_s.arg(role));
    QVERIFY2(stored.startsWith(u"SCRAM-SHA-256$"_s), qPrintable(stored));
    // SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>
    const QString head = stored.section(u'$', 1, 1);
    const int iterations = head.section(u':', 0, 0).toInt();
    const QByteArray salt = QByteArray::fromBase64(head.section(u':', 1).toLatin1());
    QCOMPARE(scramSha256Verifier(password, salt, iterations), stored);
    // A random salt each time: two verifiers of one password differ.
    QVERIFY(scramSha256Verifier(password) != scramSha256Verifier(password));
}

void TestTeamRoles::ownerAddedEveryoneThroughTheCommand()
{
    // Each person: a LOGIN role in their group, a users row, an audit entry
    // by the owner — and no password anywhere in the audit log.
    for (const auto &[base, group] : {std::pair{u"bea"_s, u"concord_bookkeeper"_s},
                                      std::pair{u"omar"_s, u"concord_office_manager"_s},
                                      std::pair{u"vic"_s, u"concord_viewer"_s}}) {
        QCOMPARE(adminScalar(u"SELECT rolcanlogin FROM pg_roles WHERE rolname = '%1'"_s.arg(user(base))), u"true"_s);
        QCOMPARE(adminScalar(u"SELECT pg_has_role('%1', '%2', 'MEMBER')"_s.arg(user(base), group)), u"true"_s);
        QCOMPARE(adminScalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'user.create' AND actor = '%1' "
                             "AND after_json LIKE '%\"%2\"%'"_s.arg(user(u"olivia"_s), user(base))),
                 u"1"_s);
    }
    QCOMPARE(adminScalar(u"SELECT COUNT(*) FROM audit_log WHERE after_json LIKE '%ässword%' "
                         "OR after_json LIKE '%SCRAM%' OR before_json LIKE '%SCRAM%'"_s),
             u"0"_s);
    // Stored as a SCRAM verifier by PostgreSQL (Concord keeps no password).
    QCOMPARE(adminScalar(u"SELECT LEFT(rolpassword, 14) FROM pg_authid WHERE rolname = '%1'"_s.arg(user(u"bea"_s))),
             u"SCRAM-SHA-256$"_s);
}

void TestTeamRoles::modifiedClientIsRefused_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("sqlstate"); // empty: allowed

    const QString bea = user(u"bea"_s), omar = user(u"omar"_s), vic = user(u"vic"_s), olivia = user(u"olivia"_s),
                  syncd = user(u"syncd"_s);
    const QString denied = u"42501"_s;
    const QString approve = u"UPDATE merge_proposals SET state = 'approved', decided_by = '%1' WHERE id = %2"_s;
    const QString audit = u"INSERT INTO audit_log (seq, at, actor, actor_role, action, entity_type, entity_id, "
                          "prev_hash, hash) VALUES (1000, 0, '%1', '%2', 'x', 'x', 'x', 'p', 'h%3')"_s;
    const QString bookingMapping = u"UPDATE field_mappings SET transform = 'lower' WHERE target_system = 'hubspot'"_s;
    const QString billingMapping = u"UPDATE field_mappings SET transform = 'lower' WHERE target_system = 'quickbooks'"_s;
    const QString moneyStatus = u"UPDATE status_mappings SET target_value = 'x' WHERE domain = 'money'"_s;
    const QString bookingStatus = u"UPDATE status_mappings SET target_value = 'x' WHERE domain = 'appointment'"_s;
    const QString taxRule = u"UPDATE tax_rules SET tax_code = 'NON'"_s;
    const QString retry = u"UPDATE outbox_jobs SET state = 'pending', next_attempt_at = 0"_s;
    const QString createUser = u"SELECT concord_create_user('mallory_%1', 'M', 'owner', 'pw')"_s.arg(m_suffix);
    const QString setRole = u"SELECT concord_set_user_role('%1', 'owner')"_s;
    const QString proposalId = QString::number(m_proposalId);

    // A viewer reads and writes nothing.
    QTest::newRow("viewer reads customers") << vic << u"SELECT COUNT(*) FROM customers"_s << QString();
    QTest::newRow("viewer inserts a customer")
        << vic << u"INSERT INTO customers (id, display_name, created_at, updated_at) VALUES ('v', 'V', 0, 0)"_s
        << denied;
    QTest::newRow("viewer renames a customer") << vic << u"UPDATE customers SET display_name = 'X'"_s << denied;
    QTest::newRow("viewer edits a tax rule") << vic << taxRule << denied;
    QTest::newRow("viewer edits a booking mapping") << vic << bookingMapping << denied;
    QTest::newRow("viewer retries a job") << vic << retry << denied;
    QTest::newRow("viewer audits as themself") << vic << audit.arg(vic, u"viewer"_s, u"v"_s) << denied;
    QTest::newRow("viewer proposes a merge")
        << vic << u"INSERT INTO merge_proposals (survivor_id, merged_ids, proposed_by, proposed_at) "
                  "VALUES ('c1', '[]', 'v', 0)"_s
        << denied;
    QTest::newRow("viewer adds a users row")
        << vic << u"INSERT INTO users (username, display_name, role, created_at) VALUES ('m', 'm', 'owner', 0)"_s
        << denied;

    // A bookkeeper: billing rules and billing-side mappings, nothing else.
    QTest::newRow("bookkeeper edits a tax rule") << bea << taxRule << QString();
    QTest::newRow("bookkeeper edits a billing mapping") << bea << billingMapping << QString();
    QTest::newRow("bookkeeper edits a money status mapping") << bea << moneyStatus << QString();
    QTest::newRow("bookkeeper audits as themself") << bea << audit.arg(bea, u"bookkeeper"_s, u"b"_s) << QString();
    QTest::newRow("bookkeeper approves a merge") << bea << approve.arg(bea, proposalId) << denied;
    QTest::newRow("bookkeeper edits a booking mapping") << bea << bookingMapping << denied;
    QTest::newRow("bookkeeper edits a booking status mapping") << bea << bookingStatus << denied;
    QTest::newRow("bookkeeper moves a mapping to the booking side")
        << bea << u"UPDATE field_mappings SET target_system = 'calcom' WHERE target_system = 'quickbooks'"_s
        << denied;
    QTest::newRow("bookkeeper audits as omar") << bea << audit.arg(omar, u"office_manager"_s, u"b2"_s) << denied;
    QTest::newRow("bookkeeper audits as themself, claiming owner")
        << bea << audit.arg(bea, u"owner"_s, u"b3"_s) << denied;
    QTest::newRow("bookkeeper audits as the system") << bea << audit.arg(u"system:sync"_s, u"system"_s, u"b4"_s)
                                                     << denied;
    QTest::newRow("bookkeeper creates a user") << bea << createUser << denied;
    QTest::newRow("bookkeeper makes themself owner") << bea << setRole.arg(bea) << denied;
    QTest::newRow("bookkeeper updates users directly")
        << bea << u"UPDATE users SET role = 'owner' WHERE username = '%1'"_s.arg(bea) << denied;
    QTest::newRow("bookkeeper sets omar's password")
        << bea << u"SELECT concord_set_password('%1', 'taken-over')"_s.arg(omar) << denied;
    QTest::newRow("bookkeeper retries a job") << bea << retry << denied;
    QTest::newRow("bookkeeper grants themself owner")
        << bea << u"GRANT concord_owner TO %1"_s.arg(bea) << denied;
    QTest::newRow("bookkeeper deletes the audit log") << bea << u"DELETE FROM audit_log"_s << denied;

    // An office manager: the booking side, proposals, the retry queue.
    QTest::newRow("office manager edits a booking mapping") << omar << bookingMapping << QString();
    QTest::newRow("office manager retries a job") << omar << retry << QString();
    QTest::newRow("office manager proposes a merge")
        << omar << u"INSERT INTO merge_proposals (survivor_id, merged_ids, proposed_by, proposed_at) "
                   "VALUES ('c2', '[\"c1\"]', 'x', 0)"_s
        << QString();
    QTest::newRow("office manager edits a tax rule") << omar << taxRule << denied;
    QTest::newRow("office manager adds a discount rule")
        << omar << u"INSERT INTO discount_rules (percent_basis_points, updated_by, updated_at) VALUES (500, 'x', 0)"_s
        << denied;
    QTest::newRow("office manager edits an invoice policy")
        << omar << u"UPDATE invoice_policies SET payment_term_days = 1"_s << denied;
    QTest::newRow("office manager edits a billing mapping") << omar << billingMapping << denied;
    QTest::newRow("office manager edits a money status mapping") << omar << moneyStatus << denied;
    QTest::newRow("office manager approves a merge") << omar << approve.arg(omar, proposalId) << denied;
    QTest::newRow("office manager proposes an approved merge")
        << omar << u"INSERT INTO merge_proposals (survivor_id, merged_ids, state, proposed_by, proposed_at) "
                   "VALUES ('c2', '[\"c1\"]', 'approved', 'x', 0)"_s
        << denied;
    QTest::newRow("office manager changes a role") << omar << setRole.arg(vic) << denied;
    QTest::newRow("office manager audits as bea") << omar << audit.arg(bea, u"bookkeeper"_s, u"o"_s) << denied;

    // The service carries changes but decides nothing for people.
    QTest::newRow("service retries a job") << syncd << retry << QString();
    QTest::newRow("service audits as the system")
        << syncd << audit.arg(u"system:sync"_s, u"system"_s, u"s"_s) << QString();
    QTest::newRow("service approves a merge") << syncd << approve.arg(u"system:sync"_s, proposalId) << denied;
    QTest::newRow("service audits as bea") << syncd << audit.arg(bea, u"bookkeeper"_s, u"s2"_s) << denied;
    QTest::newRow("service creates a user") << syncd << createUser << denied;
    QTest::newRow("service changes a role") << syncd << setRole.arg(vic) << denied;

    // Only an owner decides and manages people.
    QTest::newRow("owner approves a merge") << olivia << approve.arg(olivia, proposalId) << QString();
    QTest::newRow("owner changes a role") << olivia << setRole.arg(vic) << QString();
    QTest::newRow("owner audits as bea") << olivia << audit.arg(bea, u"bookkeeper"_s, u"ob"_s) << denied;
    QTest::newRow("owner updates users directly")
        << olivia << u"UPDATE users SET display_name = 'x'"_s << denied;
    QTest::newRow("owner sets the superuser's password")
        << olivia << u"SELECT concord_set_password('concord_test', 'x')"_s << u"P0002"_s;
}

void TestTeamRoles::modifiedClientIsRefused()
{
    QFETCH(QString, who);
    QFETCH(QString, sql);
    QFETCH(QString, sqlstate);
    QCOMPARE(attempt(who, sql), sqlstate);
}

void TestTeamRoles::wrongPasswordIsRefused()
{
    QSqlDatabase wrong = rawAs(user(u"bea"_s), u"not-her-password"_s, u"wrong-password"_s);
    QVERIFY(!wrong.isOpen());
    QVERIFY2(wrong.lastError().text().contains(u"password authentication failed"_s),
             qPrintable(wrong.lastError().text()));
    // Through Concord: the store does not open either.
    auto db = Store::Database::open(urlAs(user(u"bea"_s), u"not-her-password"_s));
    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::Storage);
    // And an unknown person the same way (PostgreSQL does not say which).
    QSqlDatabase nobody = rawAs(user(u"nobody"_s), u"x"_s, u"unknown-user"_s);
    QVERIFY(!nobody.isOpen());
    QVERIFY2(nobody.lastError().text().contains(u"password authentication failed"_s),
             qPrintable(nobody.lastError().text()));
}

void TestTeamRoles::forgedActorIsRefusedByTheDatabase()
{
    // A modified client runs Concord's own code with a forged actor: the
    // application's check passes, the database still refuses, and nothing
    // changes.
    auto db = signIn(user(u"bea"_s), m_passwords.value(user(u"bea"_s)));
    QVERIFY(db);
    AdminCommands commands(*db);
    const Actor forged = Actor::user(user(u"bea"_s), Role::Owner);
    auto approved = commands.decideMerge(forged, m_proposalId, true, u"forged"_s);
    QVERIFY(!approved);
    QCOMPARE(adminScalar(u"SELECT state FROM merge_proposals WHERE id = %1"_s.arg(m_proposalId)), u"proposed"_s);

    // Pretending to be someone else with the right role fails at the audit.
    const Actor impostor = Actor::user(user(u"omar"_s), Role::OfficeManager);
    StatusMapping mapping;
    mapping.domain = StatusDomain::Appointment;
    mapping.status = u"completed"_s;
    mapping.targetSystem = System::HubSpot;
    mapping.action = StatusAction::DealStage;
    mapping.targetValue = u"closedwon"_s;
    auto saved = commands.saveStatusMapping(impostor, mapping);
    QVERIFY(!saved);
    QCOMPARE(adminScalar(u"SELECT COUNT(*) FROM status_mappings WHERE status = 'completed'"_s), u"0"_s);
}

void TestTeamRoles::commandsActAsTheSignedInPerson()
{
    const QString bea = user(u"bea"_s), omar = user(u"omar"_s);
    {
        auto db = signIn(bea, m_passwords.value(bea));
        QVERIFY(db);
        AdminCommands commands(*db);
        auto actor = commands.actingOsUser(); // team mode: the session's person, not $USER
        QVERIFY2(actor, qPrintable(actor ? QString() : actor.error().toString()));
        QCOMPARE(actor->username, bea);
        QCOMPARE(Domain::toString(actor->role), Domain::toString(Role::Bookkeeper));
        TaxRule rule;
        rule.taxCode = u"GST"_s;
        rule.location = u"Lyon"_s;
        auto saved = commands.saveTaxRule(*actor, rule);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
        QCOMPARE(adminScalar(u"SELECT actor || ' ' || actor_role || ' ' || action FROM audit_log "
                             "ORDER BY seq DESC LIMIT 1"_s),
                 bea + u" bookkeeper rule.tax.create"_s);
        QVERIFY(!adminScalar(u"SELECT last_sign_in_at FROM users WHERE username = '%1'"_s.arg(bea)).isEmpty());
    }
    {
        auto db = signIn(omar, m_passwords.value(omar));
        QVERIFY(db);
        AdminCommands commands(*db);
        auto actor = commands.actingOsUser();
        QVERIFY(actor);
        QCOMPARE(Domain::toString(actor->role), Domain::toString(Role::OfficeManager));
        StatusMapping mapping;
        mapping.domain = StatusDomain::Appointment;
        mapping.status = u"no_show"_s;
        mapping.targetSystem = System::HubSpot;
        mapping.action = StatusAction::DealStage;
        mapping.targetValue = u"closedlost"_s;
        auto saved = commands.saveStatusMapping(*actor, mapping);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
        QCOMPARE(adminScalar(u"SELECT actor || ' ' || action FROM audit_log ORDER BY seq DESC LIMIT 1"_s),
                 omar + u" mapping.status.create"_s);
        // Concord's own check explains a refusal before the database has to.
        mapping.domain = StatusDomain::Money;
        mapping.status = u"paid"_s;
        auto refused = commands.saveStatusMapping(*actor, mapping);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    }
}

void TestTeamRoles::desktopBackendOpensAsTheSignedInPerson()
{
    // The desktop's path (app/concord/main.cpp): the URL names no password;
    // the sign-in dialog's credential goes to Backend::openAs. A person may
    // not migrate, and need not: the store is at this build's version.
    Store::StoreUrl url = urlAs(user(u"omar"_s), QString());
    const QString urlText = u"postgresql://%1@%2:%3/%4"_s.arg(url.user, url.host).arg(url.port).arg(url.database);
    Services::Backend backend;
    QSignalSpy opened(&backend, &Services::Backend::opened);
    QSignalSpy failed(&backend, &Services::Backend::errorOccurred);
    QSignalSpy actor(&backend, &Services::Backend::actorChanged);
    backend.openAs(urlText, user(u"bea"_s), m_passwords.value(user(u"bea"_s))); // bea, on omar's configuration
    QCOMPARE(failed.count(), 0);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(actor.count(), 1);
    QCOMPARE(Domain::toString(actor.first().at(0).value<Role>()), Domain::toString(Role::Bookkeeper));
    QCOMPARE(actor.first().at(1).toString(), user(u"bea"_s));
    backend.close();

    backend.openAs(urlText, QString(), u"wrong"_s);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(failed.count(), 1);
}

void TestTeamRoles::sessionUserWithoutUsersRowActsAsNobody()
{
    // The schema's owner (concord_test here) is no Concord person.
    AdminCommands commands(*m_admin);
    auto actor = commands.actingOsUser();
    QVERIFY(!actor);
    QCOMPARE(actor.error().code, ErrorCode::PermissionDenied);
    QVERIFY2(actor.error().message.contains(u"'concord_test' is not a Concord user"_s),
             qPrintable(actor.error().message));
}

void TestTeamRoles::onlyAnOwnerChangesRoles()
{
    const QString bea = user(u"bea"_s), vic = user(u"vic"_s), olivia = user(u"olivia"_s);
    // bea's desktop: Concord refuses with a clear message.
    {
        auto db = signIn(bea, m_passwords.value(bea));
        QVERIFY(db);
        AdminCommands commands(*db);
        auto actor = commands.actingOsUser();
        QVERIFY(actor);
        auto target = Store::UserRepository(*db).byUsername(vic);
        QVERIFY(target);
        User promoted = *target;
        promoted.role = Role::Owner;
        auto refused = commands.updateUser(*actor, promoted);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        // The repository straight away (a modified client): refused by the database.
        auto direct = Store::UserRepository(*db).update(promoted);
        QVERIFY(!direct);
        QCOMPARE(direct.error().code, ErrorCode::PermissionDenied);
        User eve;
        eve.username = user(u"eve"_s);
        eve.role = Role::Owner;
        auto made = Store::UserRepository(*db).createWithPassword(eve, u"pw"_s);
        QVERIFY(!made);
        QCOMPARE(made.error().code, ErrorCode::PermissionDenied);
    }
    // The owner: vic becomes a bookkeeper, in the database too, and back.
    auto db = signIn(olivia, m_passwords.value(olivia));
    QVERIFY(db);
    AdminCommands commands(*db);
    auto owner = commands.actingOsUser();
    QVERIFY(owner);
    for (Role role : {Role::Bookkeeper, Role::Viewer}) {
        auto target = Store::UserRepository(*db).byUsername(vic);
        QVERIFY(target);
        User changed = *target;
        changed.role = role;
        auto updated = commands.updateUser(*owner, changed);
        QVERIFY2(updated, qPrintable(updated ? QString() : updated.error().toString()));
        const bool bookkeeper = role == Role::Bookkeeper;
        QCOMPARE(adminScalar(u"SELECT pg_has_role('%1', 'concord_bookkeeper', 'MEMBER')"_s.arg(vic)),
                 bookkeeper ? u"true"_s : u"false"_s);
        QCOMPARE(attempt(vic, u"UPDATE tax_rules SET tax_code = 'V'"_s), bookkeeper ? QString() : u"42501"_s);
    }
    // A stale version is a conflict, as on SQLite.
    auto target = Store::UserRepository(*db).byUsername(vic);
    QVERIFY(target);
    User stale = *target;
    stale.version -= 1;
    auto conflict = commands.updateUser(*owner, stale);
    QVERIFY(!conflict);
    QCOMPARE(conflict.error().code, ErrorCode::Conflict);
}

void TestTeamRoles::lastActiveOwnerStays()
{
    const QString olivia = user(u"olivia"_s);
    // The database refuses it even from the owner's raw session…
    QCOMPARE(attempt(olivia, u"SELECT concord_set_user_role('%1', 'viewer')"_s.arg(olivia)), u"23514"_s);
    QCOMPARE(attempt(olivia, u"SELECT concord_set_user_active('%1', false)"_s.arg(olivia)), u"23514"_s);
    // …and Concord says why.
    auto db = signIn(olivia, m_passwords.value(olivia));
    QVERIFY(db);
    AdminCommands commands(*db);
    auto owner = commands.actingOsUser();
    QVERIFY(owner);
    auto me = Store::UserRepository(*db).byUsername(olivia);
    QVERIFY(me);
    User demoted = *me;
    demoted.role = Role::Viewer;
    auto refused = commands.updateUser(*owner, demoted);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(refused.error().message.contains(u"no active owner"_s), qPrintable(refused.error().message));
    QCOMPARE(adminScalar(u"SELECT pg_has_role('%1', 'concord_owner', 'MEMBER')"_s.arg(olivia)), u"true"_s);
}

void TestTeamRoles::passwordChanges()
{
    const QString vic = user(u"vic"_s), bea = user(u"bea"_s), omar = user(u"omar"_s);
    const QString newPassword = u"vic-new-password"_s;
    {
        auto db = signIn(vic, m_passwords.value(vic));
        QVERIFY(db);
        AdminCommands commands(*db);
        auto actor = commands.actingOsUser();
        QVERIFY(actor);
        auto changed = commands.setUserPassword(*actor, vic, newPassword);
        QVERIFY2(changed, qPrintable(changed ? QString() : changed.error().toString()));
        auto others = commands.setUserPassword(*actor, bea, u"x"_s);
        QVERIFY(!others);
        QCOMPARE(others.error().code, ErrorCode::PermissionDenied);
    }
    QVERIFY(!signIn(vic, m_passwords.value(vic)));
    QVERIFY(signIn(vic, newPassword));
    m_passwords.insert(vic, newPassword);
    QCOMPARE(adminScalar(u"SELECT after_json FROM audit_log WHERE action = 'user.password' ORDER BY seq DESC LIMIT 1"_s)
                 .contains(newPassword),
             false);
    // A modified client going around the command: still only its own.
    QCOMPARE(attempt(omar, u"SELECT concord_set_password('%1', 'x')"_s.arg(bea)), u"42501"_s);
}

void TestTeamRoles::deactivatedUserCannotSignIn()
{
    const QString otto = user(u"otto"_s), olivia = user(u"olivia"_s);
    // otto has a session open when the owner deactivates him.
    QSqlDatabase session = rawAs(otto, m_passwords.value(otto), u"otto-open"_s);
    QVERIFY(session.isOpen());
    QVERIFY(QSqlQuery(session).exec(u"UPDATE customers SET display_name = display_name WHERE id = 'c1'"_s));

    auto db = signIn(olivia, m_passwords.value(olivia));
    QVERIFY(db);
    AdminCommands commands(*db);
    auto owner = commands.actingOsUser();
    QVERIFY(owner);
    auto target = Store::UserRepository(*db).byUsername(otto);
    QVERIFY(target);
    User off = *target;
    off.active = false;
    auto updated = commands.updateUser(*owner, off);
    QVERIFY2(updated, qPrintable(updated ? QString() : updated.error().toString()));

    // No new sign-in…
    QSqlDatabase again = rawAs(otto, m_passwords.value(otto), u"otto-again"_s);
    QVERIFY(!again.isOpen());
    QVERIFY2(again.lastError().text().contains(u"not permitted to log in"_s), qPrintable(again.lastError().text()));
    // …and the open session has lost its role's rights at once.
    QSqlQuery q(session);
    QVERIFY(!q.exec(u"UPDATE customers SET display_name = display_name WHERE id = 'c1'"_s));
    QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
    session.close();

    // Reactivated: back in his group, signs in again.
    auto current = Store::UserRepository(*db).byUsername(otto);
    QVERIFY(current);
    User on = *current;
    on.active = true;
    QVERIFY(commands.updateUser(*owner, on));
    QVERIFY(signIn(otto, m_passwords.value(otto)));
    QCOMPARE(adminScalar(u"SELECT pg_has_role('%1', 'concord_office_manager', 'MEMBER')"_s.arg(otto)), u"true"_s);
}

QTEST_GUILESS_MAIN(TestTeamRoles)
#include "tst_teamroles.moc"
