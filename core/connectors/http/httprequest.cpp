#include "connectors/http/httprequest.h"

namespace Concord::Connectors {

bool HttpRequest::isSafeToRepeat() const
{
    if (!idempotencyKey.isEmpty())
        return true;
    const QByteArray verb = method.toUpper();
    return verb == "GET" || verb == "HEAD" || verb == "PUT" || verb == "DELETE"
        || verb == "OPTIONS";
}

HttpRequest HttpRequest::get(QUrl url)
{
    HttpRequest request;
    request.method = QByteArrayLiteral("GET");
    request.url = std::move(url);
    return request;
}

HttpRequest HttpRequest::post(QUrl url, QByteArray body, QByteArray contentType)
{
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = std::move(url);
    request.body = std::move(body);
    request.headers.set(QByteArrayLiteral("Content-Type"), std::move(contentType));
    return request;
}

} // namespace Concord::Connectors
