#include "connectors/hubspot/hubspotfiles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Concord::HubSpot {

namespace {

QDateTime parseInstant(const QJsonValue &value)
{
    if (value.isDouble())
        return QDateTime::fromMSecsSinceEpoch(qint64(value.toDouble()), Qt::UTC);
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

Result<QJsonObject> objectOf(QByteArrayView body, const QString &what)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(ErrorCode::RemoteValidation, u"HubSpot sent %1 Concord cannot read"_s.arg(what),
                    QString::fromUtf8(body.toByteArray().left(200)));
    return doc.object();
}

} // namespace

HubSpotFile HubSpotFile::fromJson(const QJsonObject &json)
{
    HubSpotFile f;
    const QJsonValue id = json.value(u"id"_s);
    f.id = id.isString() ? id.toString() : QString::number(qint64(id.toDouble()));
    f.name = json.value(u"name"_s).toString();
    f.extension = json.value(u"extension"_s).toString();
    f.type = json.value(u"type"_s).toString();
    f.path = json.value(u"path"_s).toString();
    f.url = json.value(u"url"_s).toString();
    f.access = json.value(u"access"_s).toString();
    f.size = qint64(json.value(u"size"_s).toDouble());
    f.createdAt = parseInstant(json.value(u"createdAt"_s));
    f.updatedAt = parseInstant(json.value(u"updatedAt"_s));
    f.archived = json.value(u"archived"_s).toBool();
    return f;
}

QList<std::pair<QString, QString>> FileQuery::toQuery() const
{
    QList<std::pair<QString, QString>> query{{u"limit"_s, QString::number(limit)}};
    if (!after.isEmpty())
        query.append({u"after"_s, after});
    if (!extension.isEmpty())
        query.append({u"extension"_s, extension});
    if (!name.isEmpty())
        query.append({u"name"_s, name});
    return query;
}

Result<FilePage> FilePage::parse(QByteArrayView body)
{
    auto object = objectOf(body, u"a file list"_s);
    if (!object)
        return std::unexpected(object.error());
    if (!object->value(u"results"_s).isArray())
        return fail(ErrorCode::RemoteValidation, u"HubSpot sent a file list Concord cannot read"_s,
                    u"expected {\"results\":[…]}"_s);
    FilePage page;
    for (const QJsonValue &v : object->value(u"results"_s).toArray()) {
        HubSpotFile f = HubSpotFile::fromJson(v.toObject());
        if (!f.id.isEmpty())
            page.results.append(std::move(f));
    }
    page.nextAfter = object->value(u"paging"_s).toObject().value(u"next"_s).toObject().value(u"after"_s).toString();
    return page;
}

Result<SignedUrl> SignedUrl::parse(QByteArrayView body)
{
    auto object = objectOf(body, u"a file link"_s);
    if (!object)
        return std::unexpected(object.error());
    SignedUrl s;
    s.url = object->value(u"url"_s).toString();
    s.expiresAt = parseInstant(object->value(u"expiresAt"_s));
    if (s.url.isEmpty())
        return fail(ErrorCode::RemoteValidation, u"HubSpot sent a file link without a URL"_s);
    return s;
}

QStringList parseAttachmentIds(const QString &value)
{
    static const QRegularExpression separators(u"[;,\\s]+"_s);
    return value.split(separators, Qt::SkipEmptyParts);
}

} // namespace Concord::HubSpot
