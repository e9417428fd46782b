#include "connectors/http/httpstatus.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace Concord::Connectors::HttpStatus {

namespace {

// At most this much of a body goes into Error::detail.
constexpr qsizetype BodyExcerptBytes = 300;

QString bodyExcerpt(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(BodyExcerptBytes)).simplified();
    if (body.size() > BodyExcerptBytes)
        text += u"…"_s;
    return text;
}

std::optional<QDateTime> parseHttpDate(const QString &text)
{
    // IMF-fixdate (RFC 9110 §5.6.7) is what servers send; RFC 2822 parsing
    // covers it and numeric zones too.
    QDateTime when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid()) {
        QString trimmed = text;
        if (trimmed.endsWith(u" GMT"_s))
            trimmed.chop(4);
        when = QLocale::c().toDateTime(trimmed, u"ddd, dd MMM yyyy HH:mm:ss"_s);
        if (when.isValid())
            when.setTimeSpec(Qt::UTC);
    }
    if (!when.isValid())
        return std::nullopt;
    return when.toUTC();
}

} // namespace

std::optional<qint64> parseRetryAfterMs(QByteArrayView value, const QDateTime &nowUtc)
{
    const QString text = QString::fromLatin1(value.trimmed());
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = text.toLongLong(&isNumber);
    if (isNumber) {
        if (seconds < 0)
            return std::nullopt;
        // Clamp absurd values (a day) rather than overflow.
        return std::min<qint64>(seconds, 24 * 3600) * 1000;
    }
    const std::optional<QDateTime> when = parseHttpDate(text);
    if (!when)
        return std::nullopt;
    return std::max<qint64>(0, nowUtc.msecsTo(*when));
}

std::optional<Error> classify(const HttpResponse &response, const QDateTime &nowUtc)
{
    Error error;
    error.httpStatus = response.status;
    error.requestId = response.requestId();
    error.detail = bodyExcerpt(response.body);
    if (response.status == 401) {
        error.code = ErrorCode::Unauthorized;
        error.message = u"the server refused the credentials (HTTP 401)"_s;
        error.retryable = false;
        return error;
    }
    if (response.status == 429) {
        error.code = ErrorCode::Throttled;
        error.message = u"the server asked us to slow down (HTTP 429)"_s;
        error.retryable = true;
        if (const std::optional<qint64> wait =
                parseRetryAfterMs(response.headers.value("Retry-After"), nowUtc)) {
            error.retryAfterMs = *wait;
        }
        return error;
    }
    if (response.status >= 500 && response.status <= 599) {
        error.code = ErrorCode::Network;
        error.message = u"the server failed (HTTP %1)"_s.arg(response.status);
        error.retryable = true;
        if (const std::optional<qint64> wait =
                parseRetryAfterMs(response.headers.value("Retry-After"), nowUtc)) {
            error.retryAfterMs = *wait; // 503 may carry Retry-After too
        }
        return error;
    }
    return std::nullopt;
}

} // namespace Concord::Connectors::HttpStatus
