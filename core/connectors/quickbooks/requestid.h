#pragma once

#include <QString>

namespace Concord::QuickBooks {

// QuickBooks `requestid` values (quickbooks.md §1.5): the server answers a
// repeated (realm, requestid) with the first response, without executing the
// request again. Concord derives them, never draws them at random, so that a
// request re-sent after a lost response or after a restart carries the same
// id and cannot create a second record.
//
//   requestid = base32( SHA-256( "concord/qbo/requestid/v1" ␊ realm ␊ key ␊ step ␊ revision ) )[0, 32)
//
// - key: the operation's persistent idempotency key (the outbox job's key,
//   stored with the job in the database), so it survives a restart.
// - step: which request of the operation this is ("create", "update",
//   "void", "delete", "send", "batch"); one operation may send several.
// - revision: changes exactly when the request body must change, so QBO does
//   not replay an answer given to a different body:
//     create  → the index of the DisplayName candidate tried (6240 → next name),
//     update/void/delete → the SyncToken the body carries (a 5010 re-read
//                          gives a new SyncToken, hence a new id),
//     others  → empty.
// 32 characters of RFC 4648 base32 (lower case, 160 bits): within QBO's limit
// of 50 characters for single requests and 36 for batch requests.
[[nodiscard]] QString requestIdFor(const QString &realmId, const QString &idempotencyKey,
                                   const QString &step, const QString &revision = {});

inline constexpr int kRequestIdLength = 32;

} // namespace Concord::QuickBooks
