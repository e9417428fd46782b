#pragma once

#include "common/config.h"
#include "common/error.h"
#include "domain/operations.h"
#include "domain/user.h"
#include "services/servicesession.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace Concord::Store {
class Database;
}

namespace Concord::Services {

// How one system is set up in the configuration (no secrets, no state).
struct ServiceSetup {
    Domain::System system = Domain::System::QuickBooks;
    AuthKind auth = AuthKind::OAuth;    // Connect… opens the browser, or asks for a key
    QUrl baseUrl;                       // [<system>] base_url as configured (or the default)
    // Why Connect cannot work yet, naming the file and key to fix
    // ("[quickbooks] client_id is not set in …"); empty when it can.
    QString setupProblem;
};

// What the Settings page shows: each connection's health (from the store),
// how each system is set up (from the config), the users and their roles,
// and the file base URLs are saved to. A value sent from the sync thread to
// the GUI.
struct SettingsData {
    QList<Domain::Connection> connections; // one per system, allSystems() order
    QList<ServiceSetup> services;          // one per system, allSystems() order
    QList<Domain::User> users;             // by username
    QString configPath;                    // where base URLs are written

    // The entry for `system` (a default one when absent).
    [[nodiscard]] Domain::Connection connection(Domain::System system) const;
    [[nodiscard]] ServiceSetup service(Domain::System system) const;
};

// Reads it. Thread affinity: the thread that owns `db`.
[[nodiscard]] Result<SettingsData> collectSettings(Store::Database &db, const Config &config);

} // namespace Concord::Services

Q_DECLARE_METATYPE(Concord::Services::SettingsData)
