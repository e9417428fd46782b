#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/operations.h"

#include <QList>
#include <optional>

namespace Concord::Store {

class Database;

// The sync engine's bookkeeping beyond the identity map: remote references
// (appointment → HubSpot deal, invoice plan → QuickBooks invoice, …), the
// echo ledger (versions Concord itself wrote, so reading them back is not a
// new change) and flags for a person. Thread affinity: the thread that owns `db`.
class SyncStateRepository
{
public:
    explicit SyncStateRepository(Database &db, const Clock &clock = Clock::system());

    // Inserts or replaces the reference for (entityType, entityId, system, kind).
    [[nodiscard]] Status setRef(const Domain::RemoteRef &ref);
    // nullopt when there is none.
    [[nodiscard]] Result<std::optional<Domain::RemoteRef>> ref(const QString &entityType, const QString &entityId,
                                                              Domain::System system, const QString &kind) const;
    // The Concord entity a remote record stands for; nullopt when unknown.
    [[nodiscard]] Result<std::optional<Domain::RemoteRef>> refByRemote(Domain::System system, const QString &kind,
                                                                      const QString &remoteId) const;
    [[nodiscard]] Result<QList<Domain::RemoteRef>> refsFor(const QString &entityType, const QString &entityId) const;
    [[nodiscard]] Status removeRef(const QString &entityType, const QString &entityId, Domain::System system,
                                   const QString &kind);

    // Echo ledger. Recording the same version twice is harmless.
    [[nodiscard]] Status recordEcho(Domain::System system, const QString &entityType, const QString &remoteId,
                                    const QString &version);
    [[nodiscard]] Result<bool> isEcho(Domain::System system, const QString &entityType, const QString &remoteId,
                                      const QString &version) const;
    // Forgets echoes recorded before `before` (they cannot come back any more).
    [[nodiscard]] Result<int> pruneEchoes(const QDateTime &before);

    // Raises (or refreshes) the flag of (kind, subject). A resolved flag raised
    // again opens again. Returns the flag's id.
    [[nodiscard]] Result<qint64> raiseFlag(Domain::SyncFlag flag);
    [[nodiscard]] Status resolveFlag(const QString &kind, const QString &subject, const QString &resolvedBy);
    [[nodiscard]] Result<QList<Domain::SyncFlag>> openFlags(const QString &kind = {}) const;
    [[nodiscard]] Result<std::optional<Domain::SyncFlag>> flag(const QString &kind, const QString &subject) const;

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace Concord::Store
