#pragma once

#include <QByteArray>
#include <QString>

namespace Concord::Security {

// A PostgreSQL SCRAM-SHA-256 password verifier
// ("SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>", RFC 5802/7677),
// the form PostgreSQL stores in pg_authid. `CREATE/ALTER ROLE … PASSWORD`
// accepts it as is, so team mode sends this instead of the password: the
// cleartext never reaches the server, its statement log or its error
// messages. `salt` empty → 16 random bytes; 4096 iterations is PostgreSQL's
// own default (scram_iterations). The password is prepared as PostgreSQL's
// SASLprep does for the common cases (NFKC, non-ASCII spaces to U+0020,
// characters "mapped to nothing" removed), so a non-ASCII password signs in
// the same way as one set with psql's \password. Thread-safe: a pure function.
[[nodiscard]] QString scramSha256Verifier(const QString &password, QByteArray salt = {}, int iterations = 4096);

} // namespace Concord::Security
