#include "connectors/quickbooks/batchrequest.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

Status BatchRequest::checkId(const QString &bId) const
{
    if (m_items.size() >= kMaxItems)
        return fail(ErrorCode::InvalidArgument,
                    u"a QuickBooks batch holds at most %1 items"_s.arg(kMaxItems));
    if (bId.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a batch item needs a bId"_s);
    if (bId.size() > kMaxBatchIdLength)
        return fail(ErrorCode::InvalidArgument,
                    u"batch id '%1' is longer than %2 characters"_s.arg(bId).arg(kMaxBatchIdLength));
    if (m_ids.contains(bId))
        return fail(ErrorCode::InvalidArgument, u"batch id '%1' is used twice"_s.arg(bId));
    return {};
}

Status BatchRequest::add(const QString &bId, BatchOperation operation, const QString &entityName,
                         const QJsonObject &entity)
{
    if (auto ok = checkId(bId); !ok)
        return ok;
    if (operation == BatchOperation::Query)
        return fail(ErrorCode::InvalidArgument, u"use addQuery() for batch queries"_s);
    if (entityName.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"batch item '%1' has no entity name"_s.arg(bId));
    QJsonObject item{ { u"bId"_s, bId }, { entityName, entity } };
    switch (operation) {
    case BatchOperation::Create:
        item.insert(u"operation"_s, u"create"_s);
        break;
    case BatchOperation::Update:
        item.insert(u"operation"_s, u"update"_s);
        break;
    case BatchOperation::Delete:
        item.insert(u"operation"_s, u"delete"_s);
        break;
    case BatchOperation::Void:
        item.insert(u"operation"_s, u"update"_s);
        item.insert(u"optionsData"_s, u"void"_s);
        break;
    case BatchOperation::Query:
        break;
    }
    m_items.append(item);
    m_ids.append(bId);
    return {};
}

Status BatchRequest::addQuery(const QString &bId, const QString &query)
{
    if (auto ok = checkId(bId); !ok)
        return ok;
    if (query.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"batch item '%1' has an empty query"_s.arg(bId));
    m_items.append(QJsonObject{ { u"bId"_s, bId }, { u"Query"_s, query } });
    m_ids.append(bId);
    return {};
}

QJsonObject BatchRequest::toJson() const
{
    QJsonArray items;
    for (const QJsonObject &item : m_items)
        items.append(item);
    return QJsonObject{ { u"BatchItemRequest"_s, items } };
}

QByteArray BatchRequest::toBody() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

} // namespace Concord::QuickBooks
