#include "store/userrepository.h"

#include "store/database.h"

#include <QRegularExpression>
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
    auto id = m_db.insert(u"INSERT INTO users (username, display_name, role, active, created_at, version) "
                          "VALUES (?, ?, ?, ?, ?, 1) RETURNING id"_s,
                          {user.username, user.displayName, toString(user.role), user.active ? 1 : 0,
                           Sql::fromDateTime(user.createdAt)});
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
        return fail(ErrorCode::InvalidArgument,
                    u"this change would leave no active owner; make someone else owner first"_s);
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

} // namespace Concord::Store
