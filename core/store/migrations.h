#pragma once

#include "common/error.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Concord::Store {

class Database;

// One step of the schema's history. Steps are applied in order, each in its
// own transaction, and recorded in schema_migrations. A step is never edited
// once released: fix forward with a new step.
struct Migration {
    int version = 0;
    QString description;
    QStringList statements;     // portable SQL with dialect tokens ({{ID}}, {{BLOB}})
    QStringList sqliteOnly;     // engine-specific extras (triggers)
    QStringList postgresOnly;
};

// The full list, oldest first.
[[nodiscard]] const QList<Migration> &migrations();
// The newest schema version this build understands.
[[nodiscard]] int latestSchemaVersion();

// The recorded version (0 for an empty database).
[[nodiscard]] Result<int> schemaVersion(const Database &db);

// Brings the database to latestSchemaVersion(). Refuses (SchemaTooNew) a
// database written by a newer Concord, without touching it.
[[nodiscard]] Status migrate(Database &db);

} // namespace Concord::Store
