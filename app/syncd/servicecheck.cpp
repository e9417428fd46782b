#include "servicecheck.h"

#include "domain/system.h"
#include "security/secretnames.h"
#include "security/secretstore.h"
#include "services/servicesession.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/storeurl.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Concord::Syncd {

namespace {

struct Needed {
    QString name;
    QString why;
};

QList<Needed> neededSecrets(const Config &config)
{
    namespace N = Security::SecretName;
    QList<Needed> needed{
        {N::QuickBooksClientSecret.toString(), u"QuickBooks' OAuth client ([quickbooks] client_id)"_s},
        {N::QuickBooksRefreshToken.toString(), u"the QuickBooks connection"_s},
        {N::CalcomApiKey.toString(), u"the Cal.com connection"_s},
    };
    if (config.hubspotAuth == u"oauth"_s) {
        needed.append({N::HubSpotClientSecret.toString(), u"HubSpot's OAuth client ([hubspot] auth=oauth)"_s});
        needed.append({N::HubSpotRefreshToken.toString(), u"the HubSpot connection ([hubspot] auth=oauth)"_s});
    } else {
        needed.append({N::HubSpotToken.toString(), u"the HubSpot connection ([hubspot] auth=private_app)"_s});
    }
    if (!config.webhooksListen.isEmpty()) {
        const QString receiver = u"verifying %1 webhooks ([webhooks] listen=%2)"_s;
        needed.append({N::QuickBooksWebhookVerifier.toString(), receiver.arg(u"QuickBooks"_s, config.webhooksListen)});
        if (config.hubspotAuth != u"oauth"_s)
            needed.append({N::HubSpotClientSecret.toString(), receiver.arg(u"HubSpot"_s, config.webhooksListen)});
        needed.append({N::CalcomWebhookSecret.toString(), receiver.arg(u"Cal.com"_s, config.webhooksListen)});
    }
    return needed;
}

void checkStore(const Config &config, CheckResult &result)
{
    const QString where = u"%1: [store] url"_s.arg(config.sourcePath);
    auto url = Store::StoreUrl::parse(config.storeUrl);
    if (!url) {
        result.problems << u"%1: %2"_s.arg(where, url.error().message);
        return;
    }
    if (url->engine == Store::Engine::SQLite && !QFileInfo::exists(url->path)) {
        // Checking must not leave an empty store behind.
        const QFileInfo folder(QFileInfo(url->path).absolutePath());
        if (!folder.isDir())
            result.problems << u"%1: the folder %2 does not exist"_s.arg(where, folder.filePath());
        else if (!folder.isWritable())
            result.problems << u"%1: the folder %2 is not writable by this user"_s.arg(where, folder.filePath());
        else
            result.notes << u"store %1 does not exist yet: it will be created"_s.arg(url->redacted());
        return;
    }
    auto db = Store::Database::open(*url, u"syncd-check"_s);
    if (!db) {
        result.problems << u"%1: cannot open %2: %3"_s.arg(where, url->redacted(), db.error().message);
        return;
    }
    auto version = Store::schemaVersion(**db);
    if (!version) {
        result.problems << u"%1: cannot read the schema version of %2: %3"_s.arg(where, url->redacted(),
                                                                                 version.error().message);
        return;
    }
    const int latest = Store::latestSchemaVersion();
    if (*version > latest)
        result.problems << u"%1: %2 has schema version %3, newer than this concord-syncd understands (%4): "
                           "upgrade concord-syncd"_s.arg(where, url->redacted())
                               .arg(*version)
                               .arg(latest);
    else if (*version < latest)
        result.notes << u"store %1 (%2) will be migrated from schema version %3 to %4"_s.arg(url->redacted(),
                                                                                          (*db)->engineDescription())
                            .arg(*version)
                            .arg(latest);
    else
        result.notes << u"store %1 (%2) opens, schema version %3"_s.arg(url->redacted(), (*db)->engineDescription())
                            .arg(*version);
}

} // namespace

CheckResult checkService(const Config &config, Security::SecretStore &secrets)
{
    CheckResult result;
    for (Domain::System system : Domain::allSystems()) {
        if (const QString problem = Services::setupProblem(system, config, true); !problem.isEmpty())
            result.problems << problem;
    }
    const bool fromEnvironment = secrets.backendName() == u"env"_s;
    QStringList asked;
    for (const Needed &n : neededSecrets(config)) {
        if (asked.contains(n.name))
            continue;
        asked << n.name;
        const Result<QString> value = Security::waitForResult(secrets.read(n.name));
        if (value)
            continue;
        if (value.error().code == ErrorCode::NotFound) {
            result.problems << (fromEnvironment
                                    ? u"environment: %1 is not set (needed for %2)"_s.arg(
                                          Security::secretEnvironmentVariable(n.name), n.why)
                                    : u"%1 secret %2 is not set (needed for %3)"_s.arg(secrets.backendName(), n.name,
                                                                                      n.why));
        } else {
            result.problems << u"%1 secret %2 cannot be read: %3"_s.arg(secrets.backendName(), n.name,
                                                                        value.error().message);
        }
    }
    if (!config.webhooksListen.isEmpty() && config.webhooksListen == config.syncdHealthListen)
        result.problems << u"%1: [syncd] health_listen: %2 is also [webhooks] listen; give the health checks an "
                           "address of their own (e.g. 127.0.0.1:8791)"_s.arg(config.sourcePath,
                                                                               config.syncdHealthListen);
    checkStore(config, result);
    return result;
}

} // namespace Concord::Syncd
