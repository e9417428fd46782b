#include "common/config.h"

#include "common/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace Concord {

namespace {

// QuickBooks minor versions are small integers (75 in 2025); anything outside
// this range is a typo, not a future version.
constexpr int minMinorVersion = 1;
constexpr int maxMinorVersion = 200;

struct GroupSpec {
    QString name;
    QStringList keys;
};

// Every group and key Concord reads, in the order errors are reported.
const std::vector<GroupSpec> &knownGroups()
{
    static const std::vector<GroupSpec> groups {
        { u"store"_s, { u"url"_s } },
        { u"quickbooks"_s,
          { u"base_url"_s, u"realm_id"_s, u"token_url"_s, u"client_id"_s, u"minor_version"_s } },
        { u"hubspot"_s,
          { u"base_url"_s, u"token_url"_s, u"client_id"_s, u"auth"_s, u"api_version"_s,
            u"burst_limit"_s, u"search_lag_seconds"_s } },
        { u"calcom"_s, { u"base_url"_s } },
        { u"webhooks"_s, { u"listen"_s, u"public_url"_s } },
        { u"sync"_s,
          { u"default_region"_s, u"business_time_zone"_s, u"pdf_cache"_s, u"pdf_cache_dir"_s,
            u"pdf_retention_days"_s, u"lease_secs"_s } },
        { u"syncd"_s, { u"health_listen"_s, u"shutdown_grace_secs"_s, u"worker"_s } },
        { u"secrets"_s, { u"backend"_s } },
    };
    return groups;
}

// Levenshtein distance, for "did you mean" on short identifiers.
int editDistance(QStringView a, QStringView b)
{
    std::vector<int> previous(size_t(b.size()) + 1);
    std::vector<int> current(previous.size());
    for (size_t j = 0; j < previous.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[size_t(j - 1)] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[size_t(j)] =
                std::min({ previous[size_t(j)] + 1, current[size_t(j - 1)] + 1, substitution });
        }
        std::swap(previous, current);
    }
    return previous.back();
}

// The closest candidate within two edits (case-insensitive), or empty.
QString nearest(const QString &word, const QStringList &candidates)
{
    QString best;
    int bestDistance = 3;
    for (const QString &candidate : candidates) {
        const int distance = editDistance(word.toLower(), candidate);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

// A URL as it may appear in a message: never with a password in it.
QString shownUrl(const QString &text)
{
    const QUrl url(text, QUrl::TolerantMode);
    if (url.isValid() && !url.password().isEmpty())
        return url.toDisplayString(QUrl::RemovePassword);
    return text;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// Reason the store URL is wrong, or empty when it is fine. Same rules as
// Store::StoreUrl::parse (sqlite:// + absolute path, or postgresql://), plus
// what only a config check can say: no password in the file, no "." / ".." /
// "~" that suggest a path meant to be relative.
QString storeUrlProblem(const QString &text)
{
    static const QString expected =
        u"expected sqlite:///absolute/path.sqlite or postgresql://user@host:port/database"_s;
    if (text.isEmpty())
        return expected + u", got an empty value"_s;

    if (text.startsWith(u"sqlite://"_s)) {
        const QString path = text.mid(9);
        if (!path.startsWith(u'/'))
            return u"sqlite path '%1' is relative; expected sqlite:///absolute/path.sqlite"_s.arg(
                path);
        const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
        if (segments.isEmpty() || path.endsWith(u'/'))
            return u"sqlite url '%1' names no file; expected sqlite:///absolute/path.sqlite"_s.arg(
                text);
        const bool relativeLooking = segments.first() == u"~"
            || std::any_of(segments.begin(), segments.end(),
                           [](const QString &s) { return s == u"." || s == u".."; });
        if (relativeLooking)
            return u"sqlite path '%1' must be absolute without '.', '..' or '~'; expected sqlite:///absolute/path.sqlite"_s
                .arg(path);
        return {};
    }

    if (text.startsWith(u"postgresql://"_s) || text.startsWith(u"postgres://"_s)) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return u"'%1' is not a valid postgresql://user@host:port/database URL"_s.arg(
                shownUrl(text));
        if (!url.password().isEmpty()) {
            return u"'%1' must not contain a password (secrets never go in the config file; "
                   "libpq reads PGPASSWORD or ~/.pgpass)"_s.arg(shownUrl(text));
        }
        const QString database = url.path().mid(1);
        if (database.isEmpty() || database.contains(u'/'))
            return u"'%1' must name one database: postgresql://user@host:port/database"_s.arg(text);
        return {};
    }

    return u"%1, got '%2'"_s.arg(expected, shownUrl(text));
}

// Reason a [webhooks] listen value is wrong, or empty when fine. Empty means
// "no receiver" and is fine.
QString listenProblem(const QString &text)
{
    if (text.isEmpty())
        return {};
    static const QString expected =
        u"expected host:port with a port from 1 to 65535 (e.g. 127.0.0.1:8790 or [::1]:8790)"_s;
    static const QRegularExpression pattern(
        u"^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+):([0-9]{1,5})$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        if (text.count(u':') > 1 && !text.startsWith(u'['))
            return u"%1; put IPv6 addresses in brackets, got '%2'"_s.arg(expected, text);
        return u"%1, got '%2'"_s.arg(expected, text);
    }
    const QString host = match.captured(1);
    if (host.startsWith(u'[')) {
        const QHostAddress address(host.mid(1, host.size() - 2));
        if (address.isNull() || address.protocol() != QAbstractSocket::IPv6Protocol)
            return u"%1; '%2' is not an IPv6 address"_s.arg(expected, host);
    } else if (host != u"localhost"_s && QHostAddress(host).isNull()) {
        // The receiver binds an address; resolving a name would block the
        // sync thread (and a name may resolve to an address not on this host).
        return u"%1; the host must be an IP address (or localhost), got '%2'"_s.arg(expected, host);
    }
    const int port = match.captured(2).toInt();
    if (port < 1 || port > 65535)
        return u"%1, got port %2"_s.arg(expected).arg(port);
    return {};
}

// Collects what the file says and what is wrong with it; every problem is
// one line naming the file, the [group] key and what was expected.
class IniReader {
public:
    IniReader(QSettings &settings, QString file)
        : m_settings(settings)
        , m_file(std::move(file))
    {
    }

    // The value of [group] key, or nullopt when the key is absent.
    std::optional<QString> text(const QString &group, const QString &key)
    {
        const QString path = group + u'/' + key;
        if (!m_settings.contains(path))
            return std::nullopt;
        const QVariant value = m_settings.value(path);
        // QSettings turns an unquoted "a, b" into a list.
        if (value.typeId() == QMetaType::QStringList) {
            problem(
                group, key,
                u"expected a single value, got a comma-separated list (quote the value if it contains a comma)"_s);
            return std::nullopt;
        }
        return value.toString().trimmed();
    }

    QString where(const QString &group, const QString &key) const
    {
        return u"%1: [%2] %3"_s.arg(m_file, group, key);
    }

    void problem(const QString &group, const QString &key, const QString &reason)
    {
        m_problems.append(u"%1: %2"_s.arg(where(group, key), reason));
    }
    void problem(const QString &line) { m_problems.append(line); }

    // An absolute http(s) URL; keeps `target` when the key is absent.
    void url(const QString &group, const QString &key, QUrl &target)
    {
        const std::optional<QString> value = text(group, key);
        if (!value)
            return;
        if (value->isEmpty()) {
            problem(group, key, u"expected an absolute https:// URL, got an empty value"_s);
            return;
        }
        const QUrl parsed(*value, QUrl::StrictMode);
        if (!parsed.isValid()) {
            problem(group, key,
                    u"expected an absolute https:// URL, got '%1'"_s.arg(shownUrl(*value)));
            return;
        }
        if (const Status ok = Config::validateBaseUrl(parsed, where(group, key)); !ok) {
            m_problems.append(ok.error().message);
            return;
        }
        target = parsed;
    }

    // Free text on one line without blanks (ids); keeps `target` when absent.
    void identifier(const QString &group, const QString &key, QString &target)
    {
        const std::optional<QString> value = text(group, key);
        if (!value)
            return;
        static const QRegularExpression blank(u"\\s"_s);
        if (value->contains(blank)) {
            problem(group, key, u"expected an id without spaces, got '%1'"_s.arg(*value));
            return;
        }
        target = *value;
    }

    // Keys of the file that Concord does not know. Unknown keys in a known
    // group are errors (they are typos: "bse_url"); an unknown group is an
    // error when it is one or two edits from a known one ("[quickbook]"),
    // otherwise only a warning, so other tools may keep their own groups.
    void checkStructure()
    {
        QStringList groupNames;
        for (const GroupSpec &group : knownGroups())
            groupNames.append(group.name);

        const QStringList rootKeys = m_settings.childKeys();
        for (const QString &key : rootKeys) {
            problem(u"%1: %2: key outside any group (expected it under one of [%3])"_s.arg(
                m_file, key, groupNames.join(u"], ["_s)));
        }

        const QStringList fileGroups = m_settings.childGroups();
        for (const QString &group : fileGroups) {
            if (groupNames.contains(group))
                continue;
            const QString suggestion = nearest(group, groupNames);
            if (!suggestion.isEmpty()) {
                problem(u"%1: [%2]: unknown group (did you mean [%3]?)"_s.arg(m_file, group,
                                                                              suggestion));
            } else {
                qCWarning(lcConfig).noquote()
                    << u"%1: [%2]: unknown group, ignored"_s.arg(m_file, group);
            }
        }

        for (const GroupSpec &spec : knownGroups()) {
            if (!fileGroups.contains(spec.name))
                continue;
            m_settings.beginGroup(spec.name);
            const QStringList keys = m_settings.allKeys();
            m_settings.endGroup();
            for (const QString &key : keys) {
                if (spec.keys.contains(key))
                    continue;
                const QString suggestion = nearest(key, spec.keys);
                const QString hint = suggestion.isEmpty()
                    ? u"known keys: %1"_s.arg(spec.keys.join(u", "_s))
                    : u"did you mean %1?"_s.arg(suggestion);
                problem(spec.name, key, u"unknown key (%1)"_s.arg(hint));
            }
        }
    }

    [[nodiscard]] const QStringList &problems() const { return m_problems; }

private:
    QSettings &m_settings;
    QString m_file;
    QStringList m_problems;
};

} // namespace

QString Config::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/concord.ini"_s;
}

QString Config::defaultStoreUrl()
{
    // AppDataLocation is absolute, so this reads sqlite:///home/…/concord.sqlite.
    return u"sqlite://"_s + QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + u"/concord.sqlite"_s;
}

QString Config::defaultPdfCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/invoices"_s;
}

Config Config::defaults()
{
    Config config;
    config.storeUrl = defaultStoreUrl();
    config.quickbooksBaseUrl = QUrl(u"https://quickbooks.api.intuit.com"_s);
    config.quickbooksTokenUrl =
        QUrl(u"https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"_s);
    config.hubspotBaseUrl = QUrl(u"https://api.hubapi.com"_s);
    config.hubspotTokenUrl = QUrl(u"https://api.hubapi.com/oauth/v1/token"_s);
    config.calcomBaseUrl = QUrl(u"https://api.cal.com"_s);
    config.pdfCacheDir = defaultPdfCacheDir();
    return config;
}

Status Config::validateBaseUrl(const QUrl &url, const QString &what)
{
    const QString shown = url.toDisplayString(QUrl::RemovePassword);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.isRelative() || (scheme != u"https" && scheme != u"http")
        || url.host().isEmpty()) {
        return fail(
            ErrorCode::InvalidConfig,
            u"%1: expected an absolute https:// URL with a host, got '%2'"_s.arg(what, shown));
    }
    if (!url.userInfo().isEmpty()) {
        return fail(
            ErrorCode::InvalidConfig,
            u"%1: '%2' must not contain a user name or password (secrets go in the keychain)"_s.arg(
                what, shown));
    }
    if (url.hasQuery() || url.hasFragment()) {
        return fail(ErrorCode::InvalidConfig,
                    u"%1: '%2' must not have a query or fragment"_s.arg(what, shown));
    }
    if (scheme == u"http" && !isLoopbackHost(url.host())) {
        return fail(
            ErrorCode::InvalidConfig,
            u"%1: plain http is only allowed for loopback hosts (127.0.0.0/8, ::1, localhost); "
            "use https:// for '%2'"_s.arg(what, shown));
    }
    return {};
}

namespace {

// How a value is written so that QSettings reads it back as the same single
// string: plain when it is plain, otherwise in double quotes with the quote and the backslash
// escaped (an unquoted comma would make a list, a semicolon a comment)
QString iniValue(const QString &value)
{
    static const QRegularExpression special(u"[,;\"\\\\#]|^\\s|\\s$"_s);
    if (!value.contains(special))
        return value;
    QString quoted = value;
    quoted.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u'"' + quoted + u'"';
}

Status writeFile(const QString &file, const QByteArray &bytes)
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return fail(ErrorCode::InvalidConfig, u"%1: cannot be written (%2)"_s.arg(file, out.errorString()));
    return {};
}

} // namespace

Result<QString> Config::setValue(const QString &path, const QString &group, const QString &key, const QString &value)
{
    const QString file = QFileInfo(path.isEmpty() ? defaultPath() : path).absoluteFilePath();
    const auto spec = std::find_if(knownGroups().begin(), knownGroups().end(),
                                   [&](const GroupSpec &g) { return g.name == group; });
    if (spec == knownGroups().end() || !spec->keys.contains(key))
        return fail(ErrorCode::InvalidArgument, u"%1: [%2] %3 is not a setting Concord knows"_s.arg(file, group, key));
    static const QRegularExpression control(u"[\\x00-\\x1f\\x7f]"_s);
    if (value.contains(control))
        return fail(ErrorCode::InvalidArgument,
                    u"%1: [%2] %3 must be one line of text without control characters"_s.arg(file, group, key));

    QByteArray before;
    const bool existed = QFileInfo::exists(file);
    if (existed) {
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly))
            return fail(ErrorCode::InvalidConfig, u"%1: cannot be read (%2)"_s.arg(file, in.errorString()));
        before = in.readAll();
    } else if (!QDir().mkpath(QFileInfo(file).absolutePath())) {
        return fail(ErrorCode::InvalidConfig, u"%1: its folder cannot be created"_s.arg(file));
    }

    // Line by line: find [group], then "key =" inside it (up to the next
    // section); replace that line, or add one after the group's last line.
    const QString newline = before.contains("\r\n") ? u"\r\n"_s : u"\n"_s;
    QStringList lines = QString::fromUtf8(before).split(newline);
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast(); // the final newline
    static const QRegularExpression header(u"^\\s*\\[([^\\]]*)\\]\\s*$"_s);
    const QRegularExpression keyLine(u"^\\s*%1\\s*="_s.arg(QRegularExpression::escape(key)));
    const QString line = u"%1=%2"_s.arg(key, iniValue(value));
    qsizetype groupAt = -1;
    qsizetype lastInGroup = -1;
    bool replaced = false;
    for (qsizetype i = 0; i < lines.size() && !replaced; ++i) {
        const QRegularExpressionMatch m = header.match(lines.at(i));
        if (m.hasMatch()) {
            if (groupAt >= 0)
                break; // past the group
            if (m.captured(1).trimmed() == group)
                groupAt = lastInGroup = i;
            continue;
        }
        if (groupAt < 0)
            continue;
        if (keyLine.match(lines.at(i)).hasMatch()) {
            lines[i] = line;
            replaced = true;
        } else if (!lines.at(i).trimmed().isEmpty()) {
            lastInGroup = i;
        }
    }
    if (!replaced) {
        if (groupAt >= 0) {
            lines.insert(lastInGroup + 1, line);
        } else {
            if (!lines.isEmpty() && !lines.constLast().trimmed().isEmpty())
                lines.append(QString());
            lines.append(u"[%1]"_s.arg(group));
            lines.append(line);
        }
    }
    const QByteArray after = (lines.join(newline) + newline).toUtf8();
    if (auto ok = writeFile(file, after); !ok)
        return std::unexpected(ok.error());

    // The file must still be one Concord can start with.
    if (auto check = load(file); !check) {
        Status restored = existed ? writeFile(file, before) : Status();
        if (!existed)
            QFile::remove(file);
        if (!restored)
            qCWarning(lcConfig).noquote() << file << "could not be put back:" << restored.error().message;
        return std::unexpected(check.error());
    }
    qCInfo(lcConfig).noquote() << u"%1: [%2] %3 set"_s.arg(file, group, key);
    return file;
}

Result<Config> Config::load(const QString &path)
{
    const bool isDefaultPath = path.isEmpty();
    const QString file = QFileInfo(isDefaultPath ? defaultPath() : path).absoluteFilePath();
    const QFileInfo info(file);

    if (!info.exists()) {
        if (isDefaultPath) {
            qCDebug(lcConfig).noquote() << "no configuration at" << file << "- using defaults";
            return defaults();
        }
        return fail(ErrorCode::InvalidConfig, u"%1: no such configuration file"_s.arg(file));
    }
    if (!info.isFile())
        return fail(ErrorCode::InvalidConfig, u"%1: is not a file"_s.arg(file));
    if (!info.isReadable())
        return fail(ErrorCode::InvalidConfig,
                    u"%1: cannot be read (permission denied)"_s.arg(file));

    QSettings settings(file, QSettings::IniFormat);
    const QStringList fileGroups = settings.childGroups(); // forces the parse
    Q_UNUSED(fileGroups);
    switch (settings.status()) {
    case QSettings::NoError:
        break;
    case QSettings::AccessError:
        return fail(ErrorCode::InvalidConfig, u"%1: cannot be read"_s.arg(file));
    case QSettings::FormatError:
        return fail(
            ErrorCode::InvalidConfig,
            u"%1: is not a valid INI file (expected [group] lines and key=value lines)"_s.arg(
                file));
    }

    Config config = defaults();
    config.sourcePath = file;
    IniReader ini(settings, file);
    ini.checkStructure();

    // [store]
    if (const auto url = ini.text(u"store"_s, u"url"_s)) {
        if (const QString problem = storeUrlProblem(*url); problem.isEmpty())
            config.storeUrl = *url;
        else
            ini.problem(u"store"_s, u"url"_s, problem);
    }

    // [quickbooks]
    ini.url(u"quickbooks"_s, u"base_url"_s, config.quickbooksBaseUrl);
    ini.identifier(u"quickbooks"_s, u"realm_id"_s, config.quickbooksRealmId);
    ini.url(u"quickbooks"_s, u"token_url"_s, config.quickbooksTokenUrl);
    ini.identifier(u"quickbooks"_s, u"client_id"_s, config.quickbooksClientId);
    if (const auto text = ini.text(u"quickbooks"_s, u"minor_version"_s)) {
        bool ok = false;
        const int version = text->toInt(&ok);
        if (ok && version >= minMinorVersion && version <= maxMinorVersion) {
            config.quickbooksMinorVersion = version;
        } else {
            ini.problem(u"quickbooks"_s, u"minor_version"_s,
                        u"expected a whole number from %1 to %2, got '%3'"_s.arg(minMinorVersion)
                            .arg(maxMinorVersion)
                            .arg(*text));
        }
    }

    // [hubspot]
    ini.url(u"hubspot"_s, u"base_url"_s, config.hubspotBaseUrl);
    ini.url(u"hubspot"_s, u"token_url"_s, config.hubspotTokenUrl);
    ini.identifier(u"hubspot"_s, u"client_id"_s, config.hubspotClientId);
    if (const auto auth = ini.text(u"hubspot"_s, u"auth"_s)) {
        const QString mode = auth->toLower().replace(u'-', u'_');
        if (mode == u"private_app"_s || mode == u"oauth"_s)
            config.hubspotAuth = mode;
        else
            ini.problem(u"hubspot"_s, u"auth"_s,
                        u"expected private_app (a private-app token in HUBSPOT_TOKEN) or oauth, got '%1'"_s
                            .arg(*auth));
    }
    if (const auto version = ini.text(u"hubspot"_s, u"api_version"_s)) {
        // Same rule as HubSpot::ApiVersion::parse (core/connectors/hubspot),
        // which common/ must not depend on.
        static const QRegularExpression dated(u"^(\\d{4})-(03|09)$"_s);
        const QRegularExpressionMatch match = dated.match(*version);
        if (version->compare(u"v3"_s, Qt::CaseInsensitive) == 0)
            config.hubspotApiVersion = u"v3"_s;
        else if (match.hasMatch() && match.captured(1).toInt() >= 2026)
            config.hubspotApiVersion = *version;
        else
            ini.problem(u"hubspot"_s, u"api_version"_s,
                        u"expected v3 or a HubSpot date version such as 2026-03 (March or September, "
                        "2026 or later), got '%1'"_s.arg(*version));
    }
    if (const auto burst = ini.text(u"hubspot"_s, u"burst_limit"_s)) {
        // HubSpot's published burst budgets per 10 s run from 100 (Free) to
        // 250 (capacity pack); more than that is a typo that would earn 429s.
        bool ok = false;
        const int limit = burst->toInt(&ok);
        if (ok && limit >= 1 && limit <= 250)
            config.hubspotBurstLimit = limit;
        else
            ini.problem(u"hubspot"_s, u"burst_limit"_s,
                        u"expected requests per 10 seconds from 1 to 250 (100 Free/Starter, 190 "
                        "Professional/Enterprise), got '%1'"_s.arg(*burst));
    }

    if (const auto lag = ini.text(u"hubspot"_s, u"search_lag_seconds"_s)) {
        bool ok = false;
        const int secs = lag->toInt(&ok);
        if (ok && secs >= 0 && secs <= 300)
            config.hubspotSearchLagSecs = secs;
        else
            ini.problem(u"hubspot"_s, u"search_lag_seconds"_s,
                        u"expected seconds from 0 to 300 (HubSpot reports up to about 30), got '%1'"_s.arg(*lag));
    }

    // [calcom]
    ini.url(u"calcom"_s, u"base_url"_s, config.calcomBaseUrl);

    // [webhooks]
    if (const auto listen = ini.text(u"webhooks"_s, u"listen"_s)) {
        if (const QString problem = listenProblem(*listen); problem.isEmpty())
            config.webhooksListen = *listen;
        else
            ini.problem(u"webhooks"_s, u"listen"_s, problem);
    }
    if (const auto publicUrl = ini.text(u"webhooks"_s, u"public_url"_s); publicUrl && !publicUrl->isEmpty()) {
        QUrl url;
        ini.url(u"webhooks"_s, u"public_url"_s, url); // empty = not set, like listen
        if (url.isValid())
            config.webhooksPublicUrl = url.toString();
    }

    // [sync]
    if (const auto region = ini.text(u"sync"_s, u"default_region"_s)) {
        static const QRegularExpression twoLetters(u"^[A-Za-z]{2}$"_s);
        const QString code = region->toUpper();
        if (twoLetters.match(code).hasMatch()
            && QLocale::codeToTerritory(code) != QLocale::AnyTerritory) {
            config.defaultRegion = code;
        } else {
            ini.problem(
                u"sync"_s, u"default_region"_s,
                u"expected a two-letter ISO 3166 region code such as US or GB, got '%1'"_s.arg(
                    *region));
        }
    }
    if (const auto zone = ini.text(u"sync"_s, u"business_time_zone"_s)) {
        // Qt also accepts offsets such as "UTC+02:00"; those are not IANA ids
        // and would silently ignore daylight saving time.
        static const QRegularExpression offsetId(u"^UTC[+-]"_s);
        if (!zone->isEmpty() && !offsetId.match(*zone).hasMatch()
            && QTimeZone::isTimeZoneIdAvailable(zone->toUtf8())) {
            config.businessTimeZone = *zone;
        } else {
            ini.problem(
                u"sync"_s, u"business_time_zone"_s,
                u"expected an IANA time zone id such as Europe/Paris or America/New_York, got '%1'"_s
                    .arg(*zone));
        }
    }
    if (const auto enabled = ini.text(u"sync"_s, u"pdf_cache"_s)) {
        const QString word = enabled->toLower();
        if (word == u"true" || word == u"yes" || word == u"on" || word == u"1")
            config.pdfCacheEnabled = true;
        else if (word == u"false" || word == u"no" || word == u"off" || word == u"0")
            config.pdfCacheEnabled = false;
        else
            ini.problem(u"sync"_s, u"pdf_cache"_s, u"expected true or false, got '%1'"_s.arg(*enabled));
    }
    if (const auto dir = ini.text(u"sync"_s, u"pdf_cache_dir"_s)) {
        // Absolute, so the cache never depends on the working directory; the
        // same "looks relative" rule as [store] url. ":/…" would be a Qt resource.
        static const QString expected = u"expected an absolute folder such as /var/cache/concord/invoices"_s;
        const QStringList segments = dir->split(u'/', Qt::SkipEmptyParts);
        if (dir->isEmpty()) {
            ini.problem(u"sync"_s, u"pdf_cache_dir"_s, expected + u", got an empty value"_s);
        } else if (!QDir::isAbsolutePath(*dir) || dir->startsWith(u':')) {
            ini.problem(u"sync"_s, u"pdf_cache_dir"_s, u"folder '%1' is relative; %2"_s.arg(*dir, expected));
        } else if (std::any_of(segments.begin(), segments.end(),
                               [](const QString &s) { return s == u"." || s == u".." || s == u"~"; })) {
            ini.problem(u"sync"_s, u"pdf_cache_dir"_s,
                        u"folder '%1' must be absolute without '.', '..' or '~'; %2"_s.arg(*dir, expected));
        } else {
            config.pdfCacheDir = QDir::cleanPath(*dir);
        }
    }
    if (const auto days = ini.text(u"sync"_s, u"pdf_retention_days"_s)) {
        // 100 years is "forever" in practice; anything above is a typo.
        bool ok = false;
        const int n = days->toInt(&ok);
        if (ok && n >= 0 && n <= 36500)
            config.pdfRetentionDays = n;
        else
            ini.problem(u"sync"_s, u"pdf_retention_days"_s,
                        u"expected whole days from 0 to 36500 (0 = keep forever), got '%1'"_s.arg(*days));
    }

    if (const auto lease = ini.text(u"sync"_s, u"lease_secs"_s)) {
        // Below 5 s a heartbeat (every third of the lease) late by a busy
        // event loop would hand a live worker's jobs to another; above an
        // hour a dead worker's jobs wait too long for anyone.
        bool ok = false;
        const int secs = lease->toInt(&ok);
        if (ok && secs >= 5 && secs <= 3600)
            config.syncLeaseSecs = secs;
        else
            ini.problem(u"sync"_s, u"lease_secs"_s,
                        u"expected whole seconds from 5 to 3600 (default 300), got '%1'"_s.arg(*lease));
    }

    // [syncd]
    if (const auto listen = ini.text(u"syncd"_s, u"health_listen"_s)) {
        if (const QString problem = listenProblem(*listen); problem.isEmpty())
            config.syncdHealthListen = *listen;
        else
            ini.problem(u"syncd"_s, u"health_listen"_s, problem);
    }
    if (const auto grace = ini.text(u"syncd"_s, u"shutdown_grace_secs"_s)) {
        // An hour is far beyond any one delivery; more is a typo that would
        // hold a stop (and systemd's TimeoutStopSec) for hours.
        bool ok = false;
        const int secs = grace->toInt(&ok);
        if (ok && secs >= 0 && secs <= 3600)
            config.syncdShutdownGraceSecs = secs;
        else
            ini.problem(u"syncd"_s, u"shutdown_grace_secs"_s,
                        u"expected whole seconds from 0 to 3600, got '%1'"_s.arg(*grace));
    }
    ini.identifier(u"syncd"_s, u"worker"_s, config.syncdWorker);

    // [secrets]
    if (const auto backend = ini.text(u"secrets"_s, u"backend"_s)) {
        const QString kind = backend->toLower();
        if (kind == u"auto" || kind == u"keychain" || kind == u"env")
            config.secretsBackend = kind;
        else
            ini.problem(u"secrets"_s, u"backend"_s,
                        u"expected auto, keychain or env, got '%1'"_s.arg(*backend));
    }

    const QStringList &problems = ini.problems();
    if (!problems.isEmpty()) {
        // The first problem is the message; the rest go to the detail, so a
        // user fixing a file sees them all at once.
        QString message = problems.first();
        if (problems.size() > 1)
            message += u" (and %1 more)"_s.arg(problems.size() - 1);
        return fail(ErrorCode::InvalidConfig, message, problems.mid(1).join(u"; "_s));
    }
    qCDebug(lcConfig).noquote() << "configuration loaded from" << file;
    return config;
}

} // namespace Concord
