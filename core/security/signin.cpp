#include "security/signin.h"

using namespace Qt::StringLiterals;

namespace Concord::Security {

bool needsSignIn(const Store::StoreUrl &url)
{
    return url.engine == Store::Engine::PostgreSQL && !url.user.isEmpty() && url.password.isEmpty();
}

Store::StoreUrl signedIn(Store::StoreUrl url, const QString &user, const QString &password)
{
    if (!user.trimmed().isEmpty())
        url.user = user.trimmed();
    url.password = password;
    return url;
}

QString describeSignInFailure(const Error &error)
{
    // libpq's messages (English whatever the locale of the client: they come
    // from the server or from libpq itself), matched on stable fragments.
    const QString text = error.detail + u' ' + error.message;
    if (text.contains(u"password authentication failed"_s) || text.contains(u"no password supplied"_s))
        return u"The user name or password is not right."_s;
    if (text.contains(u"not permitted to log in"_s))
        return u"This account is switched off. Ask an owner of Concord to turn it back on."_s;
    if (text.contains(u"pg_hba.conf"_s))
        return u"The database server does not accept sign-ins from this computer "
               "(pg_hba.conf). Ask whoever runs the server."_s;
    if (text.contains(u"Connection refused"_s) || text.contains(u"could not translate host name"_s)
        || text.contains(u"timeout expired"_s) || text.contains(u"No route to host"_s))
        return u"The database server cannot be reached. Check the network, or ask "
               "whoever runs the server."_s;
    if (text.contains(u"does not exist"_s) && text.contains(u"database"_s))
        return u"The database named in the settings does not exist."_s;
    return error.detail.isEmpty() ? error.message : error.detail.section(u'\n', 0, 0).trimmed();
}

} // namespace Concord::Security
