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
    [[nodiscard]] Result<Domain::User> update(const Domain::User &user);
    [[nodiscard]] Status recordSignIn(qint64 id);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace Concord::Store
