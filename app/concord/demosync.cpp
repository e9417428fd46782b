#include "demosync.h"

#include "services/backend.h"

#include "security/secretstore.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace Concord::App {

namespace {

Q_LOGGING_CATEGORY(lcDemo, "concord.app.demo", QtInfoMsg)

} // namespace

void startDemoSync(const Concord::Config &config, std::shared_ptr<Concord::Security::SecretStore> secrets,
                   Concord::Services::Backend *backend)
{
    qCInfo(lcDemo).noquote() << "demo sync starting: QuickBooks" << config.quickbooksBaseUrl.toString() << "- HubSpot"
                             << config.hubspotBaseUrl.toString() << "- Cal.com" << config.calcomBaseUrl.toString();
    // Queued: it runs on the sync thread after the store's open request.
    QMetaObject::invokeMethod(
        backend, [backend, config, secrets = std::move(secrets)]() mutable { backend->startSync(config, std::move(secrets)); },
        Qt::QueuedConnection);
}

} // namespace Concord::App
