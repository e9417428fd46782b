#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/user.h"

#include <QList>

namespace Concord::Store {

class Database;

// Concord users and their roles. Thread affinity: the thread that owns `db`.
class UserRepository
{
public:
    explicit UserRepository(Database &db, const Clock &clock = Clock::system());

    // Usernames are stored trimmed and lower-case; Conflict when taken.
    [[nodiscard]] Result<Domain::User> create(Domain::User user);
    [[nodiscard]] Result<Domain::User> get(qint64 id) const;
    [[nodiscard]] Result<Domain::User> byUsername(const QString &username) const;
    [[nodiscard]] Result<QList<Domain::User>> all() const;
    [[nodiscard]] Result<qint64> count() const;
    // Versioned like rules: Conflict when `version` is stale. Refuses a change
    // that would remove the last active owner.
    //
    // On PostgreSQL (team mode) the change goes through concord_update_user()
    // (schema version 7), which also moves the person's login role to the new
    // role's group and locks out a deactivated one (NOLOGIN): only an owner
    // (or the schema's owner) may call it, whatever the client.
    [[nodiscard]] Result<Domain::User> update(const Domain::User &user);
    [[nodiscard]] Status recordSignIn(qint64 id);

    // Team mode (PostgreSQL only; Unsupported on SQLite, where Concord acts as
    // the operating-system user and keeps no passwords): a user who signs in
    // to PostgreSQL as themself. concord_create_user() creates the LOGIN role
    // `user.username` with the password, grants it the group of `user.role`
    // and inserts the users row, all or nothing. The password leaves this
    // process only as a SCRAM-SHA-256 verifier and is never logged.
    // PermissionDenied unless the session's role is an owner (or the
    // schema's owner); Conflict when the name is taken by a user or by any
    // PostgreSQL role; InvalidArgument for a blank password or a name
    // PostgreSQL cannot take (at most 63 characters).
    [[nodiscard]] Result<Domain::User> createWithPassword(Domain::User user, const QString &password);
    // concord_set_password(): a person may change their own password, an
    // owner anyone's. PermissionDenied otherwise; NotFound when `username` is
    // no Concord user with a login role.
    [[nodiscard]] Status setPassword(const QString &username, const QString &password);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace Concord::Store
