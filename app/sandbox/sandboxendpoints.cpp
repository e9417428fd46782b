#include "sandboxendpoints.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

QByteArray SandboxEndpoints::toJson() const
{
    QJsonObject o;
    auto put = [&o](const QString &key, const QUrl &url) {
        if (url.isValid())
            o.insert(key, url.toString());
    };
    put(u"quickbooks"_s, quickbooks);
    put(u"quickbooksToken"_s, quickbooksToken);
    auto text = [&o](const QString &key, const QString &value) {
        if (!value.isEmpty())
            o.insert(key, value);
    };
    text(u"quickbooksRealmId"_s, quickbooksRealmId);
    text(u"quickbooksClientId"_s, quickbooksClientId);
    text(u"quickbooksClientSecret"_s, quickbooksClientSecret);
    text(u"quickbooksRefreshToken"_s, quickbooksRefreshToken);
    text(u"quickbooksAccessToken"_s, quickbooksAccessToken);
    put(u"hubspot"_s, hubspot);
    put(u"hubspotToken"_s, hubspotToken);
    text(u"hubspotPrivateAppToken"_s, hubspotPrivateAppToken);
    put(u"calcom"_s, calcom);
    text(u"calcomApiKey"_s, calcomApiKey);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

} // namespace Concord::Sandbox
