#include "store/storeurl.h"

#include <QDir>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Concord::Store {

Result<StoreUrl> StoreUrl::parse(const QString &url)
{
    const QString text = url.trimmed();
    if (text.isEmpty())
        return fail(ErrorCode::InvalidConfig, u"store url is empty (expected sqlite:///path or postgresql://user@host/db)"_s);

    StoreUrl out;
    if (text.startsWith(u"sqlite://"_s)) {
        // sqlite:///abs/path → path "/abs/path"; anything but an absolute path
        // is refused, because a relative one silently depends on the CWD.
        const QString path = text.mid(int(qstrlen("sqlite://")));
        if (!path.startsWith(u'/'))
            return fail(ErrorCode::InvalidConfig,
                        u"store url '%1' must name an absolute path: sqlite:///absolute/path.sqlite"_s.arg(text));
        out.engine = Engine::SQLite;
        out.path = QDir::cleanPath(path);
        if (out.path == u"/"_s)
            return fail(ErrorCode::InvalidConfig, u"store url '%1' names no file"_s.arg(text));
        return out;
    }
    if (text.startsWith(u"postgresql://"_s) || text.startsWith(u"postgres://"_s)) {
        const QUrl parsed(text, QUrl::StrictMode);
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
    QString auth = user.isEmpty() ? QString() : user + u'@';
    return u"postgresql://%1%2:%3/%4"_s.arg(auth, host).arg(port).arg(database);
}

} // namespace Concord::Store
