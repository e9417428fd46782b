#include "connectors/hubspot/apierror.h"

#include "connectors/http/httpstatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Concord::HubSpot {

namespace {

// The property results HubSpot writes as JSON text after the message's
// first '[' ("Property values were not valid: [{…},{…}]"). All fields are
// optional; an entry without a code and a message is dropped.
QList<ApiError::PropertyResult> embeddedPropertyResults(const QString &message)
{
    QList<ApiError::PropertyResult> out;
    const qsizetype open = message.indexOf(u'[');
    if (open < 0 || !message.trimmed().endsWith(u']'))
        return out;
    const QJsonDocument doc = QJsonDocument::fromJson(message.mid(open).trimmed().toUtf8());
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject o = v.toObject();
        ApiError::PropertyResult r{o.value(u"name"_s).toString(), o.value(u"error"_s).toString(),
                                   o.value(u"message"_s).toString()};
        if (r.message.isEmpty())
            r.message = o.value(u"localizedErrorMessage"_s).toString();
        if (!r.error.isEmpty() || !r.message.isEmpty())
            out.append(r);
    }
    return out;
}

} // namespace

ApiError ApiError::fromJson(const QJsonObject &json)
{
    ApiError e;
    const QJsonValue status = json.value(u"status"_s);
    e.status = status.isDouble() ? QString::number(status.toInt()) : status.toString();
    e.message = json.value(u"message"_s).toString();
    e.correlationId = json.value(u"correlationId"_s).toString();
    e.category = json.value(u"category"_s).toString();
    e.subCategory = json.value(u"subCategory"_s).toString();
    e.errorType = json.value(u"errorType"_s).toString();
    e.policyName = json.value(u"policyName"_s).toString();
    e.requestId = json.value(u"requestId"_s).toString();
    e.id = json.value(u"id"_s).toString();
    const QJsonObject context = json.value(u"context"_s).toObject();
    for (auto it = context.constBegin(); it != context.constEnd(); ++it) {
        QStringList values;
        for (const QJsonValue &v : it->toArray())
            values.append(v.toString());
        e.context.insert(it.key(), values);
    }
    for (const QJsonValue &v : json.value(u"errors"_s).toArray()) {
        const QJsonObject o = v.toObject();
        e.errors.append({o.value(u"message"_s).toString(), o.value(u"code"_s).toString(), o.value(u"in"_s).toString(),
                         o.value(u"subCategory"_s).toString()});
    }
    e.propertyResults = embeddedPropertyResults(e.message);
    return e;
}


std::optional<ApiError> ApiError::parse(QByteArrayView body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return fromJson(doc.object());
}

std::optional<QString> existingIdFromConflict(const QString &message)
{
    static const QRegularExpression pattern(u"Existing ID:\\s*(\\d+)"_s, QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(message);
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1);
}

Error errorFromResponse(int httpStatus, QByteArrayView body, const Connectors::HttpHeaders &headers,
                        const QDateTime &nowUtc, qint64 defaultThrottleWaitMs)
{
    const std::optional<ApiError> parsed = ApiError::parse(body);
    const ApiError api = parsed.value_or(ApiError());

    Error error;
    error.httpStatus = httpStatus;
    error.requestId = !api.correlationId.isEmpty()
        ? api.correlationId
        : QString::fromLatin1(headers.value("X-HubSpot-Correlation-Id"));
    error.remoteCode = api.category;
    QStringList detail;
    if (!api.category.isEmpty())
        detail << api.category + (api.subCategory.isEmpty() ? QString() : u'/' + api.subCategory);
    QStringList refused; // HubSpot's words for each refused value
    for (const ApiError::PropertyResult &r : api.propertyResults) {
        detail << u"%1: %2"_s.arg(r.name.isEmpty() ? u"?"_s : r.name, r.error);
        refused << (r.message.isEmpty() ? u"%1 (%2)"_s.arg(r.name, r.error) : r.message);
    }
    for (const ApiError::Detail &d : api.errors)
        detail << (d.in.isEmpty() ? d.message : u"%1: %2"_s.arg(d.in, d.message));
    for (auto it = api.context.cbegin(); it != api.context.cend(); ++it)
        detail << u"%1=%2"_s.arg(it.key(), it->join(u','));
    if (!parsed && !body.isEmpty())
        detail << QString::fromUtf8(body.first(std::min<qsizetype>(body.size(), 200))).simplified();
    error.detail = detail.join(u"; "_s);
    QString said = api.message.isEmpty() ? u"HTTP %1"_s.arg(httpStatus) : api.message;
    if (!refused.isEmpty()) {
        // People read HubSpot's sentences, not the JSON text around them;
        // the detail keeps each property and code.
        said = refused.join(u"; "_s);
        if (!api.propertyResults.first().error.isEmpty())
            error.remoteCode = api.propertyResults.first().error;
    }
    error.message = u"HubSpot: "_s + said;

    switch (httpStatus) {
    case 400:
        error.code = ErrorCode::RemoteValidation;
        break;
    case 401:
        error.code = ErrorCode::Unauthorized;
        break;
    case 403:
        error.code = ErrorCode::PermissionDenied;
        break;
    case 404:
        error.code = ErrorCode::NotFound;
        break;
    case 409:
        error.code = ErrorCode::Conflict;
        break;
    case 423:
        error.code = ErrorCode::Network;
        error.retryable = true;
        error.retryAfterMs = 2000;
        break;
    case 429: {
        error.code = ErrorCode::Throttled;
        error.retryable = true;
        error.remoteCode = api.policyName.isEmpty() ? api.errorType : api.policyName;
        if (const auto wait = Connectors::HttpStatus::parseRetryAfterMs(headers.value("Retry-After"), nowUtc);
            wait && *wait > 0) {
            error.retryAfterMs = *wait;
        } else if (api.policyName.compare(u"DAILY"_s, Qt::CaseInsensitive) == 0) {
            error.retryAfterMs = 3600 * 1000;
        } else {
            bool ok = false;
            const qint64 interval = headers.value("X-HubSpot-RateLimit-Interval-Milliseconds").toLongLong(&ok);
            error.retryAfterMs = ok && interval > 0 ? interval : defaultThrottleWaitMs;
        }
        break;
    }
    case 477:
        error.code = ErrorCode::Network;
        error.retryable = true;
        error.retryAfterMs = 60 * 1000;
        break;
    default:
        if (httpStatus >= 500) {
            error.code = ErrorCode::Network;
            error.retryable = true;
        } else if (httpStatus >= 400) {
            error.code = ErrorCode::RemoteValidation; // 405, 413, 414, 415, …: the request is wrong
        } else {
            error.code = ErrorCode::Internal;
            error.message = u"HubSpot answered HTTP %1 where Concord expected success"_s.arg(httpStatus);
        }
        break;
    }
    return error;
}

} // namespace Concord::HubSpot
