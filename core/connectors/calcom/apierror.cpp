#include "connectors/calcom/apierror.h"

#include "connectors/http/httpstatus.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Concord::Calcom {

std::optional<ApiErrorEnvelope> errorEnvelopeFromJson(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject root = doc.object();
    const QJsonValue error = root.value(u"error");
    if (root.value(u"status").toString() != u"error"_s && !error.isObject())
        return std::nullopt;
    ApiErrorEnvelope e;
    e.path = root.value(u"path").toString();
    e.timestamp = root.value(u"timestamp").toString();
    if (error.isObject()) {
        e.code = error.toObject().value(u"code").toString();
        e.message = error.toObject().value(u"message").toString();
    } else {
        // Older shapes put a message at the top.
        e.message = root.value(u"message").toString(error.toString());
    }
    return e;
}

std::optional<qint64> throttleWaitMs(const Connectors::HttpHeaders &headers,
                                     const QDateTime &nowUtc)
{
    for (const QByteArrayView name :
         { QByteArrayView("Retry-After"), QByteArrayView("Retry-After-Default") }) {
        if (const auto wait =
                Connectors::HttpStatus::parseRetryAfterMs(headers.value(name), nowUtc))
            return wait;
    }
    bool ok = false;
    const qint64 secs = headers.value("X-RateLimit-Reset-Default").trimmed().toLongLong(&ok);
    if (ok && secs >= 0)
        return secs * 1000;
    return std::nullopt;
}

Error errorFromResponse(int httpStatus, const QByteArray &body,
                        const Connectors::HttpHeaders &headers, const QDateTime &nowUtc,
                        const QString &requestId)
{
    Error error;
    error.httpStatus = httpStatus;
    error.requestId = requestId;
    const std::optional<ApiErrorEnvelope> envelope = errorEnvelopeFromJson(body);
    const QString code = envelope ? envelope->code : QString();
    const QString text = envelope ? envelope->message : QString();
    error.remoteCode = code;
    error.detail = !text.isEmpty() ? text : QString::fromUtf8(body.left(300)).simplified();
    const auto said = [&text](const QString &fallback) {
        return text.isEmpty() ? fallback : u"%1: %2"_s.arg(fallback, text);
    };

    if (httpStatus == 429 || code == u"ThrottlerException"_s) {
        error.code = ErrorCode::Throttled;
        error.message = u"Cal.com asked us to slow down (HTTP 429)"_s;
        error.retryable = true;
        error.retryAfterMs = throttleWaitMs(headers, nowUtc).value_or(0);
    } else if (httpStatus == 401 || code == u"UnauthorizedException"_s) {
        error.code = ErrorCode::Unauthorized;
        error.message = said(u"Cal.com refused the API key (HTTP 401)"_s);
    } else if (httpStatus == 403 || code == u"ForbiddenException"_s) {
        error.code = ErrorCode::PermissionDenied;
        error.message = said(u"Cal.com does not allow this for the API key's user (HTTP 403)"_s);
    } else if (httpStatus == 404 || code == u"NotFoundException"_s) {
        error.code = ErrorCode::NotFound;
        error.message = said(u"Cal.com has no such record"_s);
    } else if (httpStatus == 409 || code == u"ConflictException"_s) {
        error.code = ErrorCode::Conflict;
        error.message = said(u"Cal.com refused a conflicting change"_s);
    } else if (httpStatus >= 500 || httpStatus == 408 || httpStatus == 0) {
        error.code = ErrorCode::Network;
        error.message = u"Cal.com failed (HTTP %1)"_s.arg(httpStatus);
        error.retryable = true;
        if (const auto wait =
                Connectors::HttpStatus::parseRetryAfterMs(headers.value("Retry-After"), nowUtc))
            error.retryAfterMs = *wait;
    } else {
        error.code = ErrorCode::RemoteValidation;
        error.message = said(u"Cal.com refused the request (HTTP %1)"_s.arg(httpStatus));
    }
    return error;
}

} // namespace Concord::Calcom
