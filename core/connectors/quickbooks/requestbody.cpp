#include "connectors/quickbooks/requestbody.h"

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

QJsonObject createBody(QJsonObject entity)
{
    for (QStringView key : { u"Id", u"SyncToken", u"MetaData", u"domain", u"sparse" })
        entity.remove(key);
    return entity;
}

QJsonObject sparseUpdateBody(QJsonObject changes, const QString &id, const QString &syncToken)
{
    changes.remove(u"MetaData");
    changes.remove(u"domain");
    changes.insert(u"Id"_s, id);
    changes.insert(u"SyncToken"_s, syncToken);
    changes.insert(u"sparse"_s, true);
    return changes;
}

QJsonObject deleteBody(const QString &id, const QString &syncToken)
{
    return QJsonObject{ { u"Id"_s, id }, { u"SyncToken"_s, syncToken } };
}

QJsonObject paymentVoidBody(const QString &id, const QString &syncToken)
{
    return QJsonObject{ { u"Id"_s, id }, { u"SyncToken"_s, syncToken }, { u"sparse"_s, true } };
}

} // namespace Concord::QuickBooks
