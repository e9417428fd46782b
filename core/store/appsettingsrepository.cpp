#include "store/appsettingsrepository.h"

#include "store/database.h"

using namespace Qt::StringLiterals;

namespace Concord::Store {

QString toString(IntegrationMode mode)
{
    return mode == IntegrationMode::Light ? u"light"_s : u"full"_s;
}

Result<IntegrationMode> parseIntegrationMode(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"full"_s)
        return IntegrationMode::Full;
    if (t == u"light"_s)
        return IntegrationMode::Light;
    return std::unexpected(
        Error::make(ErrorCode::InvalidArgument,
                    u"unknown integration mode '%1' (expected full or light)"_s.arg(text)));
}

AppSettingsRepository::AppSettingsRepository(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

Result<std::optional<AppSetting>> AppSettingsRepository::get(const QString &key) const
{
    auto rows = m_db.select<AppSetting>(
        u"SELECT key, value, version, updated_by, updated_at FROM app_settings WHERE key = ?"_s,
        { key }, [](const QSqlQuery &q) {
            AppSetting s;
            s.key = q.value(0).toString();
            s.value = q.value(1).toString();
            s.version = q.value(2).toInt();
            s.updatedBy = q.value(3).toString();
            s.updatedAt = Sql::toDateTime(q.value(4));
            return s;
        });
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return std::optional<AppSetting>();
    return std::optional<AppSetting>(rows->first());
}

Result<AppSetting> AppSettingsRepository::set(const QString &key, const QString &value,
                                              int expectedVersion, const QString &updatedBy)
{
    if (key.trimmed().isEmpty())
        return std::unexpected(Error::make(ErrorCode::InvalidArgument, u"a setting needs a key"_s));
    if (expectedVersion < 0)
        return std::unexpected(
            Error::make(ErrorCode::InvalidArgument, u"a version is never negative"_s));
    Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    auto current = get(key);
    if (!current)
        return std::unexpected(current.error());
    const int stored = *current ? (*current)->version : 0;
    auto stale = [&] {
        const QString who = *current ? (*current)->updatedBy : QString();
        return std::unexpected(Error::make(
            ErrorCode::Conflict,
            who.isEmpty()
                ? u"the setting '%1' changed meanwhile (version %2, not %3): reload and try again"_s
                      .arg(key, QString::number(stored), QString::number(expectedVersion))
                : u"the setting '%1' was changed meanwhile by %2 (version %3, not %4): reload and try again"_s
                      .arg(key, who, QString::number(stored), QString::number(expectedVersion))));
    };
    if (stored != expectedVersion)
        return stale();
    const QDateTime now = m_clock.nowUtc();
    if (!*current) {
        // Two first writers race on the primary key: the loser is a Conflict.
        auto ok = m_db.tolerating([&] {
            return m_db.exec(
                u"INSERT INTO app_settings (key, value, version, updated_by, updated_at) "
                "VALUES (?, ?, 1, ?, ?)"_s,
                { key, value, updatedBy, Sql::fromDateTime(now) });
        });
        if (!ok)
            return ok.error().code == ErrorCode::Conflict ? stale() : std::unexpected(ok.error());
    } else {
        auto changed = m_db.update(
            u"UPDATE app_settings SET value = ?, version = version + 1, updated_by = ?, "
            "updated_at = ? WHERE key = ? AND version = ?"_s,
            { value, updatedBy, Sql::fromDateTime(now), key, expectedVersion });
        if (!changed)
            return std::unexpected(changed.error());
        if (*changed == 0)
            return stale();
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return AppSetting { key, value, expectedVersion + 1, updatedBy, now };
}

Result<AppSettingsRepository::ModeSetting> AppSettingsRepository::integrationMode() const
{
    auto row = get(kIntegrationModeKey.toString());
    if (!row)
        return std::unexpected(row.error());
    ModeSetting s;
    if (!*row)
        return s;
    auto mode = parseIntegrationMode((*row)->value);
    if (!mode)
        return std::unexpected(Error::make(ErrorCode::Integrity,
                                           u"the stored integration mode '%1' is not one "
                                           "Concord knows (full, light)"_s.arg((*row)->value)));
    s.mode = *mode;
    s.version = (*row)->version;
    s.updatedBy = (*row)->updatedBy;
    s.updatedAt = (*row)->updatedAt;
    return s;
}

} // namespace Concord::Store
