#pragma once

#include "common/clock.h"
#include "common/error.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace Concord::Store {

class Database;

// One row of app_settings (schema 8): a setting every desktop and worker of
// a team shares, versioned like the mappings so two admins editing it at
// once cannot silently overwrite each other.
struct AppSetting {
    QString key;
    QString value;
    int version = 0; // 0: never set (the built-in default is in force)
    QString updatedBy;
    QDateTime updatedAt; // UTC
};

// How much Concord automates (product.md §10, the decision checklist):
// Full — two-way sync and invoices created by the billing pass;
// Light — bookings pushed one way to the CRM, CRM edits not carried back,
// QuickBooks invoices only on a person's "create invoice now".
enum class IntegrationMode { Full, Light };
[[nodiscard]] QString toString(IntegrationMode mode); // "full" | "light"
[[nodiscard]] Result<IntegrationMode> parseIntegrationMode(const QString &text);

inline constexpr QStringView kIntegrationModeKey = u"integration_mode";

// Versioned key/value settings. Thread affinity: the thread that owns `db`.
class AppSettingsRepository {
public:
    explicit AppSettingsRepository(Database &db, const Clock &clock = Clock::system());

    // nullopt when the key was never set.
    [[nodiscard]] Result<std::optional<AppSetting>> get(const QString &key) const;
    // Writes `value` if the stored version is `expectedVersion` (0: the key
    // must not exist yet); Conflict naming who changed it last otherwise.
    // Returns the row as stored (version + 1). Joins the caller's transaction.
    [[nodiscard]] Result<AppSetting> set(const QString &key, const QString &value,
                                         int expectedVersion, const QString &updatedBy);

    // The integration mode with its version: Full at version 0 when never set.
    // A stored value Concord does not know is Integrity (never guessed).
    struct ModeSetting {
        IntegrationMode mode = IntegrationMode::Full;
        int version = 0;
        QString updatedBy;
        QDateTime updatedAt;
    };
    [[nodiscard]] Result<ModeSetting> integrationMode() const;

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace Concord::Store
