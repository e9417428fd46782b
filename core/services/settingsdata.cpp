#include "services/settingsdata.h"

#include "store/operationsrepository.h"
#include "store/userrepository.h"

#include <algorithm>

namespace Concord::Services {

using Domain::System;

Domain::Connection SettingsData::connection(System system) const
{
    for (const Domain::Connection &c : connections) {
        if (c.system == system)
            return c;
    }
    Domain::Connection absent;
    absent.system = system;
    return absent;
}

ServiceSetup SettingsData::service(System system) const
{
    for (const ServiceSetup &s : services) {
        if (s.system == system)
            return s;
    }
    ServiceSetup absent;
    absent.system = system;
    return absent;
}

Result<SettingsData> collectSettings(Store::Database &db, const Config &config)
{
    SettingsData data;
    auto connections = Store::OperationsRepository(db).connections();
    if (!connections)
        return std::unexpected(connections.error());
    data.connections = *connections;
    auto users = Store::UserRepository(db).all();
    if (!users)
        return std::unexpected(users.error());
    data.users = *users;
    std::sort(data.users.begin(), data.users.end(),
              [](const Domain::User &a, const Domain::User &b) { return a.username < b.username; });
    for (const System system : Domain::allSystems()) {
        ServiceSetup setup;
        setup.system = system;
        setup.auth = authKind(system, config);
        switch (system) {
        case System::QuickBooks:
            setup.baseUrl = config.quickbooksBaseUrl;
            break;
        case System::HubSpot:
            setup.baseUrl = config.hubspotBaseUrl;
            break;
        case System::CalCom:
            setup.baseUrl = config.calcomBaseUrl;
            break;
        }
        setup.setupProblem = setupProblem(system, config, false);
        data.services.append(setup);
    }
    data.configPath = config.sourcePath.isEmpty() ? Config::defaultPath() : config.sourcePath;
    return data;
}

} // namespace Concord::Services
