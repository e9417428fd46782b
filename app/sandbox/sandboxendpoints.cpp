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
    put(u"hubspot"_s, hubspot);
    put(u"calcom"_s, calcom);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

} // namespace Concord::Sandbox
