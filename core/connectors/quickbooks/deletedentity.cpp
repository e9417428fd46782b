#include "connectors/quickbooks/deletedentity.h"

#include "connectors/quickbooks/jsonio_p.h"

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

bool DeletedEntity::isDeletedStub(const QJsonObject &object)
{
    return object.value(u"status").toString() == u"Deleted"_s;
}

Result<DeletedEntity> DeletedEntity::fromJson(const QString &entityName, const QJsonObject &object)
{
    Internal::JsonReader r(object, entityName, defaultHomeCurrency());
    if (!isDeletedStub(object))
        r.fail(u"status", u"not a deletion stub (status is not \"Deleted\")"_s);
    DeletedEntity v;
    v.entityName = entityName;
    v.id = r.string(u"Id");
    if (v.id.isEmpty())
        r.fail(u"Id", u"missing"_s);
    v.lastUpdatedTime = r.child(u"MetaData").dateTime(u"LastUpdatedTime");
    if (!r.ok())
        return std::unexpected(r.error());
    return v;
}

QJsonObject DeletedEntity::toJson() const
{
    Internal::JsonWriter w;
    w.string(u"status", u"Deleted"_s);
    w.string(u"domain", u"QBO"_s);
    w.string(u"Id", id);
    Internal::JsonWriter meta;
    meta.dateTime(u"LastUpdatedTime", lastUpdatedTime);
    w.object(u"MetaData", meta.take());
    return w.take();
}

} // namespace Concord::QuickBooks
