#include "connectors/quickbooks/fault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

namespace {

constexpr qint64 kThrottleWaitMs = 60 * 1000; // Intuit: "wait 60 seconds before retrying"
constexpr qsizetype kExcerptLength = 200;     // of an unreadable body, for the error log

QJsonValue valueCi(const QJsonObject &object, QStringView key)
{
    if (const auto it = object.constFind(key); it != object.constEnd())
        return it.value();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key().compare(key, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return {};
}

QString textCi(const QJsonObject &object, QStringView key)
{
    const QJsonValue v = valueCi(object, key);
    if (v.isDouble())
        return QString::number(v.toInteger());
    return v.toString();
}

// Messages in plain words, by class; QuickBooks' own text goes to detail.
QString messageFor(ErrorCode code, const FaultEntry &first, int httpStatus)
{
    switch (code) {
    case ErrorCode::Throttled:
        return u"QuickBooks is limiting how fast Concord may send requests; waiting a minute before trying again"_s;
    case ErrorCode::Unauthorized:
        return u"QuickBooks did not accept the connection's credentials; the connection needs to be refreshed or reconnected"_s;
    case ErrorCode::StaleObject:
        return u"Someone changed this record in QuickBooks at the same time; it must be read again before the change is applied"_s;
    case ErrorCode::DuplicateName:
        return u"Another customer, vendor or employee in QuickBooks already uses this name"_s;
    case ErrorCode::NotFound:
        return u"The record does not exist in QuickBooks any more, or something it refers to was made inactive"_s;
    case ErrorCode::Network:
        return u"QuickBooks had a temporary problem (HTTP %1); the request will be retried"_s.arg(httpStatus);
    default:
        break;
    }
    const QString what = first.message.isEmpty() ? first.detail : first.message;
    if (what.isEmpty())
        return u"QuickBooks refused the request (HTTP %1)"_s.arg(httpStatus);
    return u"QuickBooks refused the request: %1"_s.arg(what);
}

ErrorCode classify(const QString &code, int httpStatus)
{
    if (httpStatus == 429 || code == u"3001"_s)
        return ErrorCode::Throttled;
    if (httpStatus == 401 || code == u"3200"_s || code == u"3100"_s || code == u"120"_s)
        return ErrorCode::Unauthorized;
    if (code == u"5010"_s)
        return ErrorCode::StaleObject;
    if (code == u"6240"_s)
        return ErrorCode::DuplicateName;
    if (code == u"610"_s)
        return ErrorCode::NotFound;
    if (httpStatus >= 500 || code == u"10000"_s)
        return ErrorCode::Network;
    if (code.isEmpty()) {
        if (httpStatus == 403)
            return ErrorCode::Unauthorized;
        if (httpStatus == 404)
            return ErrorCode::NotFound;
    }
    return ErrorCode::RemoteValidation;
}

Error finish(ErrorCode code, QString message, QString detail, int httpStatus, const QString &requestId,
             const QString &remoteCode)
{
    Error e = Error::make(code, std::move(message), std::move(detail));
    e.httpStatus = httpStatus;
    e.requestId = requestId;
    e.remoteCode = remoteCode;
    if (code == ErrorCode::Throttled)
        e.retryAfterMs = kThrottleWaitMs;
    return e;
}

} // namespace

std::optional<Fault> faultFromJson(const QJsonObject &object)
{
    const QJsonValue faultValue = valueCi(object, u"Fault");
    if (!faultValue.isObject())
        return std::nullopt;
    const QJsonObject faultObject = faultValue.toObject();
    Fault fault;
    fault.type = textCi(faultObject, u"type");
    const QJsonValue errors = valueCi(faultObject, u"Error");
    const QJsonArray list = errors.isArray() ? errors.toArray() : QJsonArray{ errors };
    for (const QJsonValue &entry : list) {
        if (!entry.isObject())
            continue;
        const QJsonObject e = entry.toObject();
        fault.errors.append(FaultEntry{ textCi(e, u"code"), textCi(e, u"Message"),
                                        textCi(e, u"Detail"), textCi(e, u"element") });
    }
    return fault;
}

std::optional<Fault> faultFromXml(const QByteArray &body)
{
    QXmlStreamReader xml(body);
    std::optional<Fault> fault;
    FaultEntry *current = nullptr;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const QStringView name = xml.name();
        if (name == u"Fault") {
            fault = Fault{};
            fault->type = xml.attributes().value(u"type"_s).toString();
        } else if (name == u"Error" && fault) {
            fault->errors.append(FaultEntry{ xml.attributes().value(u"code"_s).toString(), {}, {},
                                             xml.attributes().value(u"element"_s).toString() });
            current = &fault->errors.last();
        } else if (name == u"Message" && current) {
            current->message = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
        } else if (name == u"Detail" && current) {
            current->detail = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
        }
    }
    if (xml.hasError() && (!fault || fault->errors.isEmpty()))
        return std::nullopt;
    return fault;
}

Error errorFromFault(const Fault &fault, int httpStatus, const QString &requestId)
{
    const FaultEntry first = fault.errors.value(0);
    const ErrorCode code = classify(first.code, httpStatus);
    QString detail = first.detail;
    if (fault.errors.size() > 1) {
        // Keep every entry: a validation fault often lists several fields.
        QStringList lines;
        for (const FaultEntry &e : fault.errors) {
            QString line = u"%1: %2"_s.arg(e.code, e.message);
            if (!e.detail.isEmpty())
                line += u" — "_s + e.detail;
            if (!e.element.isEmpty())
                line += u" (field %1)"_s.arg(e.element);
            lines.append(line);
        }
        detail = lines.join(u'\n');
    }
    return finish(code, messageFor(code, first, httpStatus), detail, httpStatus, requestId, first.code);
}

Error errorFromResponse(int httpStatus, const QByteArray &body, const QString &requestId)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.startsWith('{')) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &parseError);
        if (doc.isObject()) {
            if (auto fault = faultFromJson(doc.object()); fault && !fault->errors.isEmpty())
                return errorFromFault(*fault, httpStatus, requestId);
        }
    } else if (trimmed.startsWith('<')) {
        if (auto fault = faultFromXml(trimmed); fault && !fault->errors.isEmpty())
            return errorFromFault(*fault, httpStatus, requestId);
    }

    // Not a QuickBooks fault: a proxy or gateway answered, or nothing did.
    const ErrorCode code = classify(QString(), httpStatus);
    QString message;
    if (trimmed.isEmpty())
        message = u"QuickBooks answered HTTP %1 with an empty body"_s.arg(httpStatus);
    else
        message = u"QuickBooks answered HTTP %1 with a body that is not a QuickBooks error "
                  u"(perhaps a gateway page)"_s.arg(httpStatus);
    if (code == ErrorCode::Throttled)
        message += u"; waiting a minute before trying again"_s;
    else if (code == ErrorCode::Network)
        message += u"; the request will be retried"_s;
    else if (code == ErrorCode::Unauthorized)
        message += u"; the connection needs to be refreshed or reconnected"_s;
    return finish(code, message, QString::fromUtf8(trimmed.left(kExcerptLength)), httpStatus,
                  requestId, QString());
}

} // namespace Concord::QuickBooks
