#include "storestatustext.h"

#include <QStringList>
#include <QUrl>

namespace Concord::Ui {

QString StoreStatusText::location(const QString &storeUrl)
{
    const QUrl url(storeUrl);
    if (url.scheme() == QLatin1String("sqlite"))
        return url.path(QUrl::FullyDecoded);
    return storeUrl;
}

QString StoreStatusText::schema(const Services::StoreStatus &status)
{
    if (status.knownSchemaVersion > 0 && status.knownSchemaVersion != status.schemaVersion) {
        return tr("%1 (this version of Concord knows up to %2)")
            .arg(status.schemaVersion)
            .arg(status.knownSchemaVersion);
    }
    return QString::number(status.schemaVersion);
}

QString StoreStatusText::summary(const Services::StoreStatus &status)
{
    if (!status.open) {
        if (status.error.isEmpty())
            return tr("Store not open");
        return tr("Store not open: %1").arg(status.error);
    }
    QStringList parts;
    if (!status.engine.isEmpty())
        parts << status.engine;
    const QString where = location(status.url);
    if (!where.isEmpty())
        parts << where;
    parts << tr("schema %1").arg(status.schemaVersion);
    if (status.liveUpdates == Services::StoreStatus::LiveUpdates::Live)
        //: Team mode: changes made on other desktops and by the sync service show by themselves
        parts << tr("live");
    return parts.join(QStringLiteral(" · "));
}

} // namespace Concord::Ui
