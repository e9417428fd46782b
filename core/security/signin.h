#pragma once

#include "common/error.h"
#include "store/storeurl.h"

#include <QString>

namespace Concord::Security {

// Team mode sign-in (docs/team-users.md): each person connects to PostgreSQL
// as themself. `[store] url=postgresql://USER@host:port/db` names the person;
// the password comes from the desktop's sign-in dialog, or for concord-cli
// and concord-syncd from CONCORD_STORE_PASSWORD (else a prompt on a
// terminal, else libpq's own PGPASSWORD / ~/.pgpass). Concord stores none.

// The environment variable holding the store password for the CLI and the service.
inline constexpr char kStorePasswordVariable[] = "CONCORD_STORE_PASSWORD";

// Whether `url` asks for a person's password: PostgreSQL with a user and
// no password in the URL. Solo mode (SQLite) never does.
[[nodiscard]] bool needsSignIn(const Store::StoreUrl &url);

// `url` signed in as `user` (kept when empty) with `password`.
[[nodiscard]] Store::StoreUrl signedIn(Store::StoreUrl url, const QString &user, const QString &password);

// PostgreSQL's refusal to sign in, in plain words for the person at the
// keyboard ("The user name or password is not right."); the driver's text
// for anything it does not recognize. Never contains the password.
[[nodiscard]] QString describeSignInFailure(const Error &error);

} // namespace Concord::Security
