#include "store/userrepository.h"

#include "common/logging.h"
#include "security/scramverifier.h"
#include "store/database.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

namespace Concord::Store {

namespace {

const QString kColumns = u"id, username, display_name, role, active, created_at, last_sign_in_at, version"_s;

User fromRow(const QSqlQuery &q)
{
    User u;
    u.id = q.value(0).toLongLong();
    u.username = q.value(1).toString();
    u.displayName = q.value(2).toString();
    u.role = parseRole(q.value(3).toString()).value_or(Role::Viewer);
    u.active = q.value(4).toBool();
    u.createdAt = Sql::toDateTime(q.value(5));
    u.lastSignInAt = Sql::toDateTime(q.value(6));
    u.version = q.value(7).toInt();
    return u;
}

QString canonicalUsername(const QString &name)
{
    return name.trimmed().toLower();
}

Status validateUsername(const QString &name)
{
    static const QRegularExpression valid(u"^[a-z0-9][a-z0-9._@-]{0,63}$"_s);
    if (!valid.match(name).hasMatch())
        return fail(ErrorCode::InvalidArgument,
                    u"'%1' is not a valid username (letters, digits, . _ @ -; at most 64 characters)"_s.arg(name));
    return {};
}

// Calls one of schema version 7's user functions and returns its single
// value. Not through Database::query(): the function's own refusals carry
// SQLSTATEs worth telling apart (42501 not an owner → PermissionDenied,
// P0002 → NotFound), which Database::sqlError() reports as plain Storage
// errors. Inside a transaction the call runs in a savepoint of its own, as
// Database does for every write, so a refusal leaves the transaction usable.
// The bound values may hold a password verifier: error texts name the call,
// never the values.
Result<QVariant> callUserFunction(const Database &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(db.handle());
    const bool guarded = db.transactionDepth() > 0;
    if (guarded && !q.exec(u"SAVEPOINT concord_user_function"_s))
        return fail(ErrorCode::Storage, u"cannot set a savepoint for a user change"_s, q.lastError().text());
    bool ok = q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    ok = ok && q.exec();
    QVariant value;
    Error error;
    if (ok && q.next()) {
        value = q.value(0);
    } else if (!ok) {
        const QSqlError e = q.lastError();
        const QString code = e.nativeErrorCode();
        // PostgreSQL's message (first line) is written for people, e.g. "bea" may
        // not manage users (allowed: owner); the username 'x' is already taken.
        const QString message = e.databaseText().section(u'\n', 0, 0).trimmed();
        ErrorCode ec = ErrorCode::Storage;
        if (code == u"42501"_s)
            ec = ErrorCode::PermissionDenied;
        else if (code == u"23505"_s)
            ec = ErrorCode::Conflict;
        else if (code == u"23514"_s || code == u"22023"_s || code == u"22P02"_s)
            ec = ErrorCode::InvalidArgument;
        else if (code == u"P0002"_s)
            ec = ErrorCode::NotFound;
        error = Error::make(ec, message.isEmpty() ? u"the store refused a user change"_s : message,
                            u"SQLSTATE %1 from %2"_s.arg(code, sql.section(u'(', 0, 0)));
    }
    q.finish();
    if (guarded) {
        QSqlQuery control(db.handle());
        if (!ok && !control.exec(u"ROLLBACK TO SAVEPOINT concord_user_function"_s))
            qCWarning(lcStore) << "cannot roll back a refused user change:" << control.lastError().text();
        if (!control.exec(u"RELEASE SAVEPOINT concord_user_function"_s))
            qCWarning(lcStore) << "cannot release a savepoint:" << control.lastError().text();
    }
    if (!ok)
        return std::unexpected(error);
    return value;
}

const QString kLastOwnerMessage = u"this change would leave no active owner; make someone else owner first"_s;

} // namespace

UserRepository::UserRepository(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

Result<User> UserRepository::create(User user)
{
    user.username = canonicalUsername(user.username);
    if (auto ok = validateUsername(user.username); !ok)
        return std::unexpected(ok.error());
    if (user.displayName.trimmed().isEmpty())
        user.displayName = user.username;
    user.createdAt = m_clock.nowUtc();
    user.version = 1;
    auto id = m_db.tolerating([&] { return m_db.insert(u"INSERT INTO users (username, display_name, role, active, created_at, version) "
                          "VALUES (?, ?, ?, ?, ?, 1) RETURNING id"_s,
                          {user.username, user.displayName, toString(user.role), user.active ? 1 : 0,
                           Sql::fromDateTime(user.createdAt)}); });
    if (!id) {
        Error e = id.error();
        if (e.code == ErrorCode::Conflict)
            e.message = u"the username '%1' is already taken"_s.arg(user.username);
        return std::unexpected(e);
    }
    user.id = *id;
    return user;
}

Result<User> UserRepository::get(qint64 id) const
{
    return Sql::single(m_db.select<User>(u"SELECT "_s + kColumns + u" FROM users WHERE id = ?"_s, {id}, fromRow),
                       u"no user with id %1"_s.arg(id));
}

Result<User> UserRepository::byUsername(const QString &username) const
{
    return Sql::single(m_db.select<User>(u"SELECT "_s + kColumns + u" FROM users WHERE username = ?"_s,
                                         {canonicalUsername(username)}, fromRow),
                       u"no user named '%1'"_s.arg(username));
}

Result<QList<User>> UserRepository::all() const
{
    return m_db.select<User>(u"SELECT "_s + kColumns + u" FROM users ORDER BY username"_s, {}, fromRow);
}

Result<qint64> UserRepository::count() const
{
    return m_db.countRows(u"users"_s);
}

Result<User> UserRepository::update(const User &user)
{
    if (m_db.engine() == Engine::PostgreSQL) {
        // Checked here for a clear message; the users_keep_an_owner trigger
        // refuses the same for anyone bypassing Concord.
        auto current = get(user.id);
        if (!current)
            return current;
        if (current->version != user.version)
            return fail(ErrorCode::Conflict,
                        u"user '%1' was changed by someone else; reload and retry"_s.arg(current->username));
        if (current->role == Role::Owner && current->active && !(user.role == Role::Owner && user.active)) {
            auto others = m_db.scalar(u"SELECT COUNT(*) FROM users WHERE role = 'owner' AND active = 1 AND id <> ?"_s,
                                      {user.id});
            if (!others)
                return std::unexpected(others.error());
            if (others->toLongLong() == 0)
                return fail(ErrorCode::InvalidArgument, kLastOwnerMessage);
        }
        auto version = callUserFunction(m_db, u"SELECT concord_update_user(?, ?, ?, ?, ?)"_s,
                                        {user.id, user.version, user.displayName, toString(user.role), user.active});
        if (!version)
            return std::unexpected(version.error());
        if (version->toInt() == 0)
            return fail(ErrorCode::Conflict,
                        u"user '%1' was changed by someone else; reload and retry"_s.arg(current->username));
        return get(user.id);
    }
    Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    const QString activeOwners = u"SELECT COUNT(*) FROM users WHERE role = 'owner' AND active = 1"_s;
    auto ownersBefore = m_db.scalar(activeOwners);
    if (!ownersBefore)
        return std::unexpected(ownersBefore.error());
    // A blank display name falls back to the username, as in create().
    auto changed = m_db.update(u"UPDATE users SET display_name = CASE WHEN TRIM(?) = '' THEN username ELSE ? END, "
                               "role = ?, active = ?, version = version + 1 WHERE id = ? AND version = ?"_s,
                               {user.displayName, user.displayName, toString(user.role), user.active ? 1 : 0, user.id, user.version});
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0) {
        auto current = get(user.id);
        if (!current)
            return std::unexpected(current.error());
        return fail(ErrorCode::Conflict, u"user '%1' was changed by someone else; reload and retry"_s.arg(current->username));
    }
    auto ownersAfter = m_db.scalar(activeOwners);
    if (!ownersAfter)
        return std::unexpected(ownersAfter.error());
    if (ownersBefore->toLongLong() > 0 && ownersAfter->toLongLong() == 0)
        return fail(ErrorCode::InvalidArgument, kLastOwnerMessage);
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return get(user.id);
}

Status UserRepository::recordSignIn(qint64 id)
{
    return Sql::requireChanged(m_db.update(u"UPDATE users SET last_sign_in_at = ? WHERE id = ?"_s,
                                           {Sql::fromDateTime(m_clock.nowUtc()), id}),
                               u"no user with id %1"_s.arg(id));
}

Result<User> UserRepository::createWithPassword(User user, const QString &password)
{
    if (m_db.engine() != Engine::PostgreSQL)
        return fail(ErrorCode::Unsupported,
                    u"users sign in with a password only in team mode (PostgreSQL); solo mode acts as the "
                    "operating-system user"_s);
    user.username = canonicalUsername(user.username);
    if (auto ok = validateUsername(user.username); !ok)
        return std::unexpected(ok.error());
    if (password.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a new user needs a password"_s);
    auto id = callUserFunction(m_db, u"SELECT concord_create_user(?, ?, ?, ?)"_s,
                               {user.username, user.displayName.trimmed(), toString(user.role),
                                Security::scramSha256Verifier(password)});
    if (!id)
        return std::unexpected(id.error());
    return get(id->toLongLong());
}

Status UserRepository::setPassword(const QString &username, const QString &password)
{
    if (m_db.engine() != Engine::PostgreSQL)
        return fail(ErrorCode::Unsupported, u"solo mode keeps no passwords: Concord acts as the operating-system user"_s);
    if (password.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"the new password is empty"_s);
    auto done = callUserFunction(m_db, u"SELECT concord_set_password(?, ?)"_s,
                                 {canonicalUsername(username), Security::scramSha256Verifier(password)});
    if (!done)
        return std::unexpected(done.error());
    return {};
}

} // namespace Concord::Store
