#include "store/storeurl.h"

#include <QDir>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Concord::Store {

namespace {

// The URL as it may appear in a message: any password blanked out.
QString quotable(const QString &text)
{
    QUrl parsed(text, QUrl::TolerantMode);
    if (parsed.isValid() && !parsed.password().isEmpty()) {
        parsed.setPassword(u"***"_s);
        return parsed.toString();
    }
    // Not parseable as a URL: hide whatever sits between ':' and '@' after the scheme.
    static const QRegularExpression credentials(u"(://[^/@:]*:)[^/@]*@"_s);
    QString out = text;
    out.replace(credentials, u"\\1***@"_s);
    return out;
}

} // namespace

Result<StoreUrl> StoreUrl::parse(const QString &url)
{
    const QString raw = url.trimmed();
    const QString text = quotable(raw);
    if (text.isEmpty())
        return fail(ErrorCode::InvalidConfig, u"store url is empty (expected sqlite:///path or postgresql://user@host/db)"_s);

    StoreUrl out;
    if (raw.startsWith(u"sqlite://"_s)) {
        // sqlite:///abs/path → path "/abs/path"; anything but an absolute path
        // is refused, because a relative one silently depends on the CWD.
        const QString path = raw.mid(int(qstrlen("sqlite://")));
        if (!path.startsWith(u'/'))
            return fail(ErrorCode::InvalidConfig,
                        u"store url '%1' must name an absolute path: sqlite:///absolute/path.sqlite"_s.arg(text));
        out.engine = Engine::SQLite;
        out.path = QDir::cleanPath(path);
        if (out.path == u"/"_s)
            return fail(ErrorCode::InvalidConfig, u"store url '%1' names no file"_s.arg(text));
        return out;
    }
    if (raw.startsWith(u"postgresql://"_s) || raw.startsWith(u"postgres://"_s)) {
        const QUrl parsed(raw, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty())
            return fail(ErrorCode::InvalidConfig,
                        u"store url '%1' is not a valid postgresql://user@host:port/database URL"_s.arg(text));
        out.engine = Engine::PostgreSQL;
        out.host = parsed.host();
        out.port = parsed.port(5432);
        out.user = parsed.userName();
        out.password = parsed.password();
        out.database = parsed.path().mid(1);
        if (out.database.isEmpty() || out.database.contains(u'/'))
            return fail(ErrorCode::InvalidConfig,
                        u"store url '%1' must name one database: postgresql://user@host:port/database"_s.arg(text));
        return out;
    }
    const qsizetype colon = text.indexOf(u':');
    return fail(ErrorCode::InvalidConfig,
                u"store url '%1' has unsupported scheme '%2' (expected sqlite:/// or postgresql://)"_s
                    .arg(text, colon > 0 ? text.left(colon) : text));
}

QString StoreUrl::redacted() const
{
    if (engine == Engine::SQLite)
        return u"sqlite://"_s + path;
    const QString auth = user.isEmpty() ? QString() : user + u'@';
    // An IPv6 literal needs brackets to stay a parseable URL.
    const QString shownHost = host.contains(u':') ? u'[' + host + u']' : host;
    return u"postgresql://%1%2:%3/%4"_s.arg(auth, shownHost, QString::number(port), database);
}

} // namespace Concord::Store
