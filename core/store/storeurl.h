#pragma once

#include "common/error.h"

#include <QString>

namespace Concord::Store {

enum class Engine { SQLite, PostgreSQL };

// A parsed `[store] url`: sqlite:///absolute/path.sqlite or
// postgresql://user[:password]@host[:port]/database (password discouraged:
// team mode reads it from the keychain/environment).
struct StoreUrl {
    Engine engine = Engine::SQLite;
    QString path;       // SQLite file
    QString host;       // PostgreSQL
    int port = 5432;
    QString user;
    QString password;
    QString database;

    [[nodiscard]] static Result<StoreUrl> parse(const QString &url);
    // The URL without any password, safe for logs and the status bar.
    [[nodiscard]] QString redacted() const;
};

} // namespace Concord::Store
