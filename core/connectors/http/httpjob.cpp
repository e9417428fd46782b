#include "connectors/http/httpjob.h"

#include "common/clock.h"
#include "common/logging.h"
#include "connectors/http/httpstatus.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace Concord::Connectors {

namespace {

// The URL as it may appear in a log or message: no user info, no query
// (queries can carry search terms and ids; tokens never go in URLs here).
QString shownUrl(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toDisplayString();
}

// Transport failures that a later attempt may get past.
bool isTransientTransportError(QNetworkReply::NetworkError code)
{
    switch (code) {
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return false;
    default:
        return true;
    }
}

} // namespace

HttpJob::HttpJob(HttpRequest request, QNetworkAccessManager *manager, const Clock &clock,
                 QByteArray userAgent, QObject *parent)
    : QObject(parent),
      m_request(std::move(request)),
      m_manager(manager),
      m_clock(clock),
      m_userAgent(std::move(userAgent))
{
    m_timeout.setSingleShot(true);
    m_timeout.setTimerType(Qt::PreciseTimer);
    connect(&m_timeout, &QTimer::timeout, this, &HttpJob::onTimeout);
}

HttpJob::~HttpJob()
{
    dropReply();
}

void HttpJob::start()
{
    m_elapsed.start();
    if (!m_manager) {
        failEarly(Error::make(ErrorCode::Internal, u"no network access manager"_s));
        return;
    }
    QNetworkRequest request(m_request.url);
    for (const HttpHeaders::Field &field : m_request.headers.fields())
        request.setRawHeader(field.first, field.second);
    if (!m_userAgent.isEmpty() && !m_request.headers.contains("User-Agent"))
        request.setRawHeader(QByteArrayLiteral("User-Agent"), m_userAgent);
    // APIs do not redirect; following one could carry the Authorization
    // header to another host. A 3xx comes back as a response.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);

    m_reply = m_manager->sendCustomRequest(request, m_request.method, m_request.body);
    connect(m_reply, &QNetworkReply::finished, this, &HttpJob::onReplyFinished);
    m_timeout.start(std::max(m_request.timeout, std::chrono::milliseconds(1)));
    qCDebug(lcConnectorsHttp).noquote()
        << "->" << QString::fromLatin1(m_request.method) << shownUrl(m_request.url)
        << (m_request.idempotencyKey.isEmpty() ? QString()
                                               : u"key=%1"_s.arg(m_request.idempotencyKey));
}

void HttpJob::failEarly(Error error)
{
    // Never finish inside start(): callers connect after start() returns.
    QMetaObject::invokeMethod(
        this, [this, error = std::move(error)]() mutable { finish(std::unexpected(error)); },
        Qt::QueuedConnection);
}

void HttpJob::abort()
{
    if (m_finished)
        return;
    dropReply();
    Error error = Error::make(ErrorCode::Network, u"the request was canceled"_s,
                              shownUrl(m_request.url));
    error.retryable = false;
    finish(std::unexpected(std::move(error)));
}

void HttpJob::onTimeout()
{
    if (m_finished)
        return;
    dropReply();
    Error error = Error::make(
        ErrorCode::Network,
        u"no complete answer from %1 within %2 ms"_s.arg(m_request.url.host())
            .arg(m_request.timeout.count()),
        u"%1 %2"_s.arg(QString::fromLatin1(m_request.method), shownUrl(m_request.url)));
    error.retryable = true;
    finish(std::unexpected(std::move(error)));
}

void HttpJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (m_finished || !reply)
        return;
    m_timeout.stop();
    m_reply = nullptr;
    reply->deleteLater();

    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid() || statusAttribute.toInt() <= 0) {
        const QNetworkReply::NetworkError code = reply->error();
        Error error = Error::make(
            ErrorCode::Network,
            u"could not reach %1: %2"_s.arg(m_request.url.host(), reply->errorString()),
            u"%1 %2 (QNetworkReply error %3)"_s.arg(QString::fromLatin1(m_request.method),
                                                      shownUrl(m_request.url))
                .arg(int(code)));
        error.retryable = isTransientTransportError(code);
        finish(std::unexpected(std::move(error)));
        return;
    }

    HttpResponse response;
    response.status = statusAttribute.toInt();
    const QList<QNetworkReply::RawHeaderPair> pairs = reply->rawHeaderPairs();
    for (const QNetworkReply::RawHeaderPair &pair : pairs)
        response.headers.append(pair.first, pair.second);
    response.body = reply->readAll();
    response.elapsed = std::chrono::milliseconds(m_elapsed.elapsed());

    if (m_request.statusHandling == StatusHandling::Classify) {
        if (std::optional<Error> error = HttpStatus::classify(response, m_clock.nowUtc())) {
            finish(std::unexpected(std::move(*error)));
            return;
        }
    }
    finish(std::move(response));
}

void HttpJob::finish(Result<HttpResponse> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    if (result) {
        qCDebug(lcConnectorsHttp).noquote()
            << "<-" << result->status << shownUrl(m_request.url) << result->elapsed.count() << "ms";
    } else {
        qCDebug(lcConnectorsHttp).noquote()
            << "<- error" << errorCodeName(result.error().code) << result.error().httpStatus
            << shownUrl(m_request.url);
    }
    Q_EMIT finished(result);
    deleteLater();
}

void HttpJob::dropReply()
{
    m_timeout.stop();
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
}

} // namespace Concord::Connectors
