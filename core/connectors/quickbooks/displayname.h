#pragma once

#include <QString>
#include <QStringList>

namespace Concord::QuickBooks {

// Upper bound Concord keeps DisplayName under. quickbooks.md does not state
// QuickBooks' limit; 100 is the project's conservative choice (and well within
// it if the limit is higher).
inline constexpr int kDisplayNameMaxLength = 100;

// Makes text usable as a QuickBooks name: ':' (the sub-customer separator),
// tabs, carriage returns and newlines become spaces, runs of spaces collapse,
// the ends are trimmed, and the result is cut to kDisplayNameMaxLength.
[[nodiscard]] QString sanitizeDisplayName(const QString &name);

// The DisplayNames to try, in order, for a person whose desired name may be
// taken (QuickBooks 6240 "Duplicate Name Exists": names are unique across
// customers, vendors and employees):
//   1. "Dana Whitfield"
//   2. "Dana Whitfield (dana@example.com)"            — when identity is given
//   3. "Dana Whitfield #1a2b3c"                       — short stable hash of identity
//   4. "Dana Whitfield #1a2b3c-2", "-3", …            — up to `count` in all
// The hash is the first 6 hex digits of SHA-256 over the identity (or the name
// when there is none), so the same person always gets the same candidates and
// a retry after a crash picks the same name, never a second record. Every
// candidate is sanitized and ≤ kDisplayNameMaxLength characters: the name part
// is shortened, never the distinguishing suffix. Duplicates are skipped.
// An empty name falls back to the identity.
[[nodiscard]] QStringList displayNameCandidates(const QString &desiredName,
                                                const QString &identity = {}, int count = 6);

} // namespace Concord::QuickBooks
