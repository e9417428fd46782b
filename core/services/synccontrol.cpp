#include "services/synccontrol.h"

#include "security/auditlog.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Concord::Services {

Status authorizeSyncControl(const Security::Actor &actor)
{
    return Security::authorize(actor, Security::Permission::ManageRetryQueue);
}

Status recordSyncPause(Store::Database &db, const Clock &clock, const Security::Actor &actor, bool paused)
{
    if (auto allowed = authorizeSyncControl(actor); !allowed)
        return allowed;
    auto entry = Security::AuditLog(db, clock).append(actor, paused ? u"sync.pause"_s : u"sync.resume"_s, u"sync"_s,
                                                      QString(), QJsonObject{{u"paused"_s, !paused}},
                                                      QJsonObject{{u"paused"_s, paused}});
    if (!entry)
        return std::unexpected(entry.error());
    return {};
}

} // namespace Concord::Services
